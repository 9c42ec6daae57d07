"""The command line tells the user how to fix what went wrong (issue 19): bad dates, a backup without a
folder, a command without a user or password, the demo that never touches the real store, categories
listed, times in local time to the minute."""

from __future__ import annotations

import argparse
from datetime import date, timedelta, datetime, timezone

import pytest

from pharmadesk import env
from pharmadesk.cli import main as cli
from pharmadesk.cli.display import for_people, for_programs, local_minute
from pharmadesk.errors import ValidationError
from tests.conftest import PASSPHRASE, PASSWORDS


@pytest.fixture
def cli_env(store_dir, monkeypatch):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)
    return store_dir


@pytest.mark.parametrize("text", ["2026-13-45", "2026/11/05", "yesterday"])
def test_a_bad_report_date_is_a_plain_message(cli_env, tmp_path, capsys, text):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["report", "daily", "--date", text, "--out", str(tmp_path / "r.pdf"), "--store", str(cli_env)])
    message = str(stopped.value.code)
    assert f"--date {text!r} is not a date" in message and "YYYY-MM-DD" in message and "2026-11-05" in message
    assert "Traceback" not in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_a_bad_month_says_how_to_write_one(cli_env, tmp_path):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["report", "monthly", "--date", "2026-13", "--out", str(tmp_path / "m.pdf"), "--store", str(cli_env)])
    assert "YYYY-MM" in str(stopped.value.code)


def test_backup_without_a_folder_says_to_give_one(cli_env, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["backup", "--store", str(cli_env), "--quiet"])
    assert "pharmadesk backup --to DIR" in str(stopped.value.code) and "--remember" in str(stopped.value.code)


def test_no_password_says_which_user_and_how_to_give_it(cli_env, monkeypatch):
    monkeypatch.delenv(env.PASSWORD)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(SystemExit) as stopped:
        cli.main(["analytics", "kpis", "--store", str(cli_env)])
    message = str(stopped.value.code)
    assert env.PASSWORD in message and "--user NAME" in message and "'owner'" in message


def test_a_wrong_password_says_which_user_ran(cli_env, monkeypatch, capsys):
    monkeypatch.setenv(env.PASSWORD, "not the password")
    assert cli.main(["analytics", "kpis", "--store", str(cli_env), "--user", "pharmacist"]) == 1
    err = capsys.readouterr().err
    assert "user 'pharmacist'" in err and "--user NAME" in err and env.PASSWORD in err


def test_demo_options_have_help_and_the_default_is_a_folder_of_its_own(capsys, monkeypatch, tmp_path):
    from pharmadesk.paths import default_store_dir, demo_store_dir

    with pytest.raises(SystemExit):
        cli.main(["demo", "--help"])
    text = capsys.readouterr().out
    for option, words in (("--members", "loyalty members"), ("--years", "years of simulated"),
                          ("--seed", "same seed"), ("--quiet", "no progress")):
        assert option in text and words in text
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    demo = sub.choices["demo"].parse_args([])
    assert demo.store == str(demo_store_dir()) != str(default_store_dir())

    monkeypatch.setenv(env.STORE, str(tmp_path / "real"))
    with pytest.raises(SystemExit) as stopped:
        cli.main(["demo", "--store", str(tmp_path / "real"), "--quiet"])
    assert "real store's folder" in str(stopped.value.code)
    assert not (tmp_path / "real").exists()
    with pytest.raises(SystemExit) as stopped:
        cli.main(["demo", "--store", str(default_store_dir()), "--quiet"])
    assert "real store's folder" in str(stopped.value.code)


def test_an_unknown_category_lists_the_valid_ones(store, ids):
    with pytest.raises(ValidationError) as refused:
        store.catalog.update_product(ids.otc, category="vitamins")
    assert refused.value.params == {"categories": "chronic, acute, otc, supplement, mother_baby, personal_care, "
                                                  "device"}
    assert "use one of: chronic, acute" in str(refused.value)


def test_times_print_in_local_time_to_the_minute(monkeypatch):
    import pandas as pd

    stamp = "2026-12-04T15:01:18.164656+00:00"
    expected = datetime(2026, 12, 4, 15, 1, 18, tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
    assert local_minute(stamp) == expected
    frame = pd.DataFrame({"created_at": [stamp], "day": ["2026-12-04"], "clv": [615333.3]})
    shown = for_people(frame, minor=("clv",))
    assert shown.loc[0, "created_at"] == expected and shown.loc[0, "day"] == "2026-12-04"
    assert shown.loc[0, "clv"] == 6153.33                          # currency units, two decimals
    assert list(for_programs(frame, minor=("clv",)).columns) == ["created_at", "day", "clv_minor"]


def test_analytics_notes_print_in_the_store_s_language(open_store, cli_env, capsys):
    store = open_store("owner")
    store.set_setting("language", "zh_CN")
    store.close()
    tomorrow = (date.today() + timedelta(days=1)).isoformat()      # the test store's stock came in today
    assert cli.main(["analytics", "kpis", "--store", str(cli_env), "--as-of", tomorrow]) == 0
    out = capsys.readouterr().out
    assert "（本地日期，含首尾两天）" in out and "local dates" not in out
