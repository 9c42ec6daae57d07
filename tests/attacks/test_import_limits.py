"""Issue 17 item 14: a junk file with --skip-invalid held every row and every error in memory and printed
millions of lines. Errors now stream to NAME.errors.csv, the console stays short, and --max-errors stops it."""

from __future__ import annotations

import csv

import pytest

from pharmadesk import env
from pharmadesk.cli.main import main as cli_main
from pharmadesk.io.import_errors import errors_file_for
from pharmadesk.io.importer import REPORTED_ERRORS
from conftest import PASSPHRASE, PASSWORDS, table_snapshot

HEADER = "barcode,name,category,legal_class,price\n"
JUNK_ROWS = 5000


def junk_file(tmp_path, rows=JUNK_ROWS, good_every=0):
    """``rows`` rows of junk (two errors each: the category and the price); every ``good_every``-th row a valid
    product."""
    lines = []
    for i in range(rows):
        if good_every and i % good_every == 0:
            lines.append(f"{_ean(i)},Good {i},otc,otc,1.00\n")
        else:
            lines.append(f"junk{i},=cmd|{i},nonsense,otc,free\n")
    path = tmp_path / "junk.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def _ean(i: int) -> str:
    body = f"200{i:09d}"
    total = sum(int(d) * (3 if n % 2 else 1) for n, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


def _errors_in(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["line", "column", "problem"]
    return rows[1:]


def test_the_error_limit_stops_the_import_and_the_file_holds_the_errors(store, tmp_path):
    before = table_snapshot(store)
    path = junk_file(tmp_path)
    report = store.imports.csv("products", path, skip_invalid=True, max_errors=1000)
    assert report.stopped and not report.applied and report.imported == 0
    assert report.error_count == 1000 and len(report.errors) == 1000
    assert report.total_rows < JUNK_ROWS                   # it stopped reading
    errors = _errors_in(errors_file_for(path))
    assert len(errors) == 1000 and report.errors_file == str(errors_file_for(path))
    assert {(int(line), column) for line, column, _ in errors} == {(e.line, e.column) for e in report.errors}
    assert table_snapshot(store) == before


def test_without_a_limit_every_error_is_in_the_file_and_the_good_rows_import(store, tmp_path):
    path = junk_file(tmp_path, good_every=10)
    report = store.imports.csv("products", path, skip_invalid=True, max_errors=None)
    assert report.applied and not report.stopped and report.imported == JUNK_ROWS // 10
    assert report.error_count == 2 * (JUNK_ROWS - JUNK_ROWS // 10)
    assert len(report.errors) == REPORTED_ERRORS < report.error_count     # memory holds only the first ones
    errors = _errors_in(errors_file_for(path))
    assert len(errors) == report.error_count
    assert {line for line, _, _ in errors} == {str(n + 2) for n in range(JUNK_ROWS) if n % 10}
    assert not any(problem.startswith("=") or "cmd" in problem for _, _, problem in errors)   # no cell content


def test_a_clean_import_removes_an_old_errors_file(store, tmp_path):
    path = junk_file(tmp_path, rows=20, good_every=1)
    errors = errors_file_for(path)
    errors.write_text("line,column,problem\n2,,old\n", encoding="utf-8")
    report = store.imports.csv("products", path)
    assert report.applied and report.error_count == 0 and report.errors_file is None
    assert not errors.exists()


@pytest.fixture
def cli_env(monkeypatch):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)


def test_the_command_prints_a_short_summary(store_dir, tmp_path, cli_env, capsys):
    path = junk_file(tmp_path)
    folder = tmp_path / "errors"
    folder.mkdir()
    assert cli_main(["import", "products", str(path), "--store", str(store_dir), "--skip-invalid",
                     "--max-errors", "300", "--errors-dir", str(folder)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) <= 25 and captured.out == ""
    assert "Stopped after 300 errors" in captured.err and str(folder / "junk.errors.csv") in captured.err
    assert len(_errors_in(folder / "junk.errors.csv")) == 300
    assert not errors_file_for(path).exists()
    assert cli_main(["import", "products", str(path), "--store", str(store_dir), "--max-errors", "0"]) == 1
    assert "at least 1" in capsys.readouterr().err
