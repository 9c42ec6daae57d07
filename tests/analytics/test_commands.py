"""`pharmadesk analytics NAME`: the registry, the common options and the three output formats."""

from __future__ import annotations

import argparse
import io
import json
from datetime import date

import pandas as pd
import pytest

from pharmadesk import env as env_vars
from pharmadesk.cli import main as cli
from pharmadesk.cli import analytics as commands

END = date(2026, 6, 1)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    from pharmadesk.demo.build import build_demo_store

    directory = tmp_path_factory.mktemp("analytics-cli") / "demo"
    store = build_demo_store(directory, members=500, years=1, seed=5, end_date=END,
                             kdf={"time_cost": 1, "memory_cost": 8192, "parallelism": 1})
    store.close()
    return directory


@pytest.fixture
def env(monkeypatch):
    from pharmadesk.demo.build import DEMO_PASSPHRASE, DEMO_USERS

    monkeypatch.setenv(env_vars.PASSPHRASE, DEMO_PASSPHRASE)
    monkeypatch.setenv(env_vars.PASSWORD, DEMO_USERS["owner"][2])


def test_registry_lists_segments_and_kpis():
    assert {"segments", "kpis"} <= set(commands.REGISTRY)
    with pytest.raises(ValueError):
        commands.register("segments", "again")(lambda store, args: None)
    help_text = io.StringIO()
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    sub.choices["analytics"].print_help(help_text)
    assert "segments" in help_text.getvalue() and "kpis" in help_text.getvalue()


def test_segments_json(demo_dir, env, capsys):
    code = cli.main(["analytics", "segments", "--store", str(demo_dir), "--as-of", str(END), "--format", "json",
                     "--resamples", "2"])
    out, err = capsys.readouterr()
    assert code == 0
    rows = json.loads(out)
    assert {"segment", "members", "revenue_share", "median_recency_days", "mean_frequency",
            "avg_ticket"} <= set(rows[0])
    assert sum(r["revenue_share"] for r in rows) == pytest.approx(1.0)
    assert "How stable the groups are" in err and "separates members best (silhouette" in err


def test_segments_members_csv_with_fixed_k(demo_dir, env, capsys, tmp_path):
    out_file = tmp_path / "members.csv"
    code = cli.main(["analytics", "segments", "--store", str(demo_dir), "--as-of", str(END), "--format", "csv",
                     "--k", "4", "--view", "members", "--resamples", "0", "--out", str(out_file)])
    assert code == 0
    frame = pd.read_csv(out_file)
    assert {"member_id", "segment", "R", "F", "M", "rfm_score"} <= set(frame.columns)
    assert frame.loc[frame["frequency"] > 0, "cluster"].nunique() == 4
    assert "name" not in frame.columns and "phone" not in frame.columns


def test_kpis_table_and_as_of_guard(demo_dir, env, capsys):
    code = cli.main(["analytics", "kpis", "--store", str(demo_dir), "--as-of", str(END), "--start", "2026-05-01"])
    out, _err = capsys.readouterr()
    assert code == 0
    assert "average_ticket" in out and "inventory_turnover" in out and "From 2026-05-01 to 2026-05-31" in out
    with pytest.raises(SystemExit):
        cli.main(["analytics", "kpis", "--store", str(demo_dir), "--as-of", "2026-05-15", "--end", "2026-06-01"])


def test_format_frame():
    frame = pd.DataFrame({"a": [1, 2], "when": pd.to_datetime(["2026-01-02", None]), "x": [0.5, float("nan")]})
    assert commands.format_frame(frame, "csv", notes=("a note",)).splitlines()[0] == "a,when,x"
    records = json.loads(commands.format_frame(frame, "json"))
    assert records[0] == {"a": 1, "when": "2026-01-02T00:00:00", "x": 0.5}
    assert records[1]["when"] is None and records[1]["x"] is None
    table = commands.format_frame(frame, "table", limit=1, notes=("a note",))
    assert "1 more row" in table and table.rstrip().endswith("a note")
    with pytest.raises(ValueError):
        commands.format_frame(frame, "xml")


def test_bad_date_is_a_usage_error(demo_dir, env, capsys):
    with pytest.raises(SystemExit):
        cli.main(["analytics", "segments", "--store", str(demo_dir), "--as-of", "01/06/2026"])
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_impossible_k_is_a_plain_message(demo_dir, env, capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["analytics", "segments", "--store", str(demo_dir), "--as-of", str(END), "--k", "100000",
                  "--resamples", "0"])
    assert "k must be between 1" in str(exc.value)


def test_money_prints_in_currency_units_and_json_says_minor(demo_dir, env, capsys):
    """Member value's money is kept in cents: the table shows currency units, JSON names the field *_minor."""
    assert cli.main(["analytics", "value", "--store", str(demo_dir), "--as-of", str(END), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert "clv_minor" in rows[0] and "clv" not in rows[0] and "expected_spend_minor" in rows[0]
    assert cli.main(["analytics", "value", "--store", str(demo_dir), "--as-of", str(END), "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    first = table.iloc[0]
    match = next(r for r in rows if r["member_id"] == first["member_id"])
    assert first["clv"] == pytest.approx(round(match["clv_minor"] / 100, 2))
    assert cli.main(["analytics", "value", "--store", str(demo_dir), "--as-of", str(END), "--limit", "3"]) == 0
    text = capsys.readouterr().out
    assert f"{match['clv_minor'] / 100:,.2f}" in text                 # the top member's value, as money

    assert cli.main(["analytics", "reorder", "--store", str(demo_dir), "--as-of", str(END), "--format", "json"]) == 0
    suggestions = json.loads(capsys.readouterr().out)
    assert suggestions and "order_value_minor" in suggestions[0]
    assert all(r["reason"].startswith("Sells") or r["reason"].startswith("No sales") for r in suggestions)
    assert all("the supplier needs" in r["reason"] for r in suggestions)
