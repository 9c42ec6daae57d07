"""Every owner page and its ``pharmadesk analytics`` command get their numbers from the same job: on one
demo store, each pane's figures equal the command's JSON output (segments, KPIs, value, campaign,
reorder, reminders, and the Promotions report against ``pharmadesk report promotions``)."""

from __future__ import annotations

import json
import math

import pytest

from pharmadesk import env as env_vars
from pharmadesk.analytics.jobs import period_bounds
from pharmadesk.cli import main as cli
from pharmadesk.cli.report_commands import PROMOTION_MINOR
from pharmadesk.demo.build import DEMO_PASSPHRASE, DEMO_USERS
from tests.ui.panes_fixtures import demo_store, demo_window, open_pane  # noqa: F401 - fixtures


@pytest.fixture
def command(demo_store, monkeypatch, capsys):
    """``command("segments", "--k", "3") -> rows``: the analytics command's JSON on the demo store."""
    monkeypatch.setenv(env_vars.PASSPHRASE, DEMO_PASSPHRASE)
    monkeypatch.setenv(env_vars.PASSWORD, DEMO_USERS["owner"][2])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)

    def run(name: str, *options: str) -> list[dict]:
        capsys.readouterr()
        assert cli.main(["analytics", name, "--store", str(demo_store.directory), "--user", "owner",
                         "--format", "json", *options]) == 0
        return json.loads(capsys.readouterr().out)

    return run


def _same(a, b) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)):
        return b is None or (isinstance(b, float) and math.isnan(b))
    return b is not None and math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def test_segments_kpis_and_value_panes_match_their_commands(demo_window, qtbot, command):
    window = demo_window("owner")
    store = window.store

    pane = open_pane(window, "segments", qtbot)
    shown = {r["segment"]: r for r in pane.table.visible_rows()}
    printed = {r["segment"]: r for r in command("segments")}
    assert set(shown) == set(printed) and len(shown) >= 2
    for segment, row in shown.items():
        assert row["members"] == printed[segment]["members"]
        assert _same(row["revenue_share"], printed[segment]["revenue_share"])

    dashboard = open_pane(window, "dashboard", qtbot)
    start, end = period_bounds("30", store.today())
    printed = {r["kpi"]: r for r in command("kpis", "--start", start.isoformat(), "--end", end.isoformat())}
    assert printed["transactions"]["current"] > 0
    for kpi, value in dashboard.tile_values.items():
        if kpi in printed:                   # the dashboard also joins care and campaign figures
            assert _same(value["current"], printed[kpi]["current"]), kpi
            assert _same(value["previous"], printed[kpi]["previous"]), kpi

    value_pane = open_pane(window, "value", qtbot)
    printed = {r["member_id"]: r for r in command("value")}
    rows = value_pane.table.visible_rows()
    assert rows
    for row in rows:
        assert _same(row["clv"], printed[row["member_id"]]["clv_minor"])         # JSON keeps cents, says so
        assert _same(row["p_alive"], printed[row["member_id"]]["p_alive"])


def test_campaign_reorder_and_care_panes_match_their_commands(demo_window, qtbot, command):
    window = demo_window("owner")
    store = window.store
    segments = open_pane(window, "segments", qtbot)
    segment = max(segments.table.visible_rows(), key=lambda r: r["members"])["segment"]
    today = store.today().isoformat()
    campaign_id = segments.start_campaign(segment, name="Parity", starts_on=today, ends_on=today, cost=1000)
    assert campaign_id is not None

    campaigns = open_pane(window, "campaigns", qtbot)
    shown = campaigns.table.visible_rows()[0]
    printed = command("campaign", "--id", str(campaign_id))[0]
    assert shown["campaign_id"] == printed["campaign_id"] == campaign_id
    for key in ("target_n", "holdout_n", "target_converters", "uplift", "uplift_low", "uplift_high", "roi"):
        assert _same(shown[key], printed[key]), key

    reorder = open_pane(window, "reorder", qtbot)
    printed = {r["product_id"]: r for r in command("reorder", "--all-products", "--all-columns")}
    rows = reorder.rows()
    assert {r["product_id"] for r in rows} == set(printed) and any(r["suggested_qty"] > 0 for r in rows)
    for row in rows:
        for key in ("suggested_qty", "reorder_point", "order_up_to", "forecast_daily", "forecast_weekly",
                    "days_of_stock", "service_level", "sd_lead_review", "expected_fill", "stock_value"):
            assert _same(row[key], printed[row["product_id"]][key]), key
        assert row["method"] == printed[row["product_id"]]["method"]
    printed = command("reorder", "--view", "tradeoff")
    shown = reorder.result.tradeoff.to_dict("records")
    assert [r["point"] for r in shown] == [r["point"] for r in printed] and shown[-1]["point"] == "chosen"
    for mine, theirs in zip(shown, printed):
        for key in ("fill_pct", "days_of_cover", "stock_value", "service_level"):
            assert _same(mine[key], theirs[key]), key

    care = open_pane(window, "care", qtbot)
    printed = command("reminders")
    assert printed
    key = lambda r: (r["member_id"], r["kind"], r["product_id"], r["due_date"])  # noqa: E731
    assert sorted(map(key, care.rows())) == sorted(map(key, printed))


def test_promotions_report_matches_its_command(demo_window, qtbot, demo_store, monkeypatch, capsys):
    """A promotion on the demo store's supplements for the last two weeks: the Reports page's Promotions view and
    ``pharmadesk report promotions --format json`` give the same figures and verdict."""
    from datetime import timedelta

    from tests.analytics.promotion_helpers import add_promotion

    window = demo_window("owner")
    store = window.store
    today = store.today()
    promotion = add_promotion(store, "Supplement fortnight", today - timedelta(days=14), today + timedelta(days=14),
                              categories=("supplement",), percent=10)
    window.show_page("reports")
    pane = window.pages["reports"]
    pane.choose("promotions", today)
    qtbot.waitUntil(lambda: pane.promotions.result is not None and not pane.promotions.busy, timeout=60_000)
    shown = {r["promotion_id"]: r for r in pane.promotions.rows()}

    monkeypatch.setenv(env_vars.PASSPHRASE, DEMO_PASSPHRASE)
    monkeypatch.setenv(env_vars.PASSWORD, DEMO_USERS["owner"][2])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)
    capsys.readouterr()
    assert cli.main(["report", "promotions", "--store", str(demo_store.directory), "--user", "owner",
                     "--format", "json"]) == 0
    printed = {r["promotion_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(shown) == set(printed) and promotion in shown
    row, out = shown[promotion], printed[promotion]
    assert row["running_days"] == 14 and row["compared_days"] > 0 and out["actual_sales_minor"] > 0
    for key in ("running_days", "compared_days", "actual_sales", "expected_sales", "actual_margin",
                "expected_margin", "sales_uplift", "net_effect", "verdict_amount"):
        printed_key = f"{key}_minor" if key in PROMOTION_MINOR else key           # money in cents, named so
        assert _same(row[key], out[printed_key]), key
    assert row["verdict"] == out["verdict"] and row["verdict_text"] == out["verdict_text"]
