"""The inspector's export of plain rows (pharmadesk.reports.quality_export): a PDF and a CSV per kind of
record and one workbook for the period, written whole into the chosen folder, formulas kept as text."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pharmadesk.errors import Cancelled
from pharmadesk.reports.quality_export import file_stem, write_quality_export
from pharmadesk.reports.quality_forms import KINDS

from tests.test_quality_forms import AREAS, EN_TITLES, ROWS, latin_font  # noqa: F401 - a fixture

START, END = date(2026, 3, 1), date(2026, 3, 31)


def test_the_export_writes_every_kind_as_pdf_csv_and_one_workbook(qapp, tmp_path):
    rows = dict(ROWS)
    rows["maintenance"] = ROWS["maintenance"] + [dict(ROWS["maintenance"][0], batch_no="=HYPERLINK(\"x\")")]
    steps = []
    out = write_quality_export(rows, START, END, tmp_path / "inspection", store_name="Test Pharmacy",
                               areas=AREAS, progress=lambda f, m: steps.append((f, m)))
    assert sorted(p.name for p in out.folder.iterdir()) == sorted(p.name for p in out.files)
    assert len(out.files) == 2 * len(KINDS) + 1
    assert out.pdfs["acceptance"].name == "quality-acceptance-2026-03-01_2026-03-31.pdf"
    assert out.counts == {kind: len(rows[kind]) for kind in KINDS}
    for kind in KINDS:
        assert PdfReader(str(out.pdfs[kind])).pages, kind
        assert (out.pdfs[kind].stat().st_mode & 0o077) == 0                     # private, like every export
    with out.csvs["acceptance"].open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][:4] == ["Date", "Receipt", "Supplier", "Product"] and len(table) == 3
    assert table[2][table[0].index("Batch")] == "INS-77"
    book = load_workbook(out.workbook)
    assert book.sheetnames == [EN_TITLES[kind][:31] for kind in KINDS]
    sheet = book[EN_TITLES["maintenance"]]
    batches = [cell.value for cell in sheet["E"]]
    assert batches == ["Batch", "RAM-2403", "'=HYPERLINK(\"x\")"]                 # shown, never run
    assert sheet["E3"].data_type == "s"
    assert [round(f, 2) for f, _m in steps][-1] == 1.0 and steps[0][1] == EN_TITLES["supplier_approval"]


def test_a_kind_without_rows_still_gets_its_empty_form(qapp, tmp_path):
    out = write_quality_export({"acceptance": ROWS["acceptance"]}, START, END, tmp_path)
    assert out.counts["storage_log"] == 0 and out.pdfs["storage_log"].exists()
    with out.csvs["quarantine"].open(encoding="utf-8-sig") as fh:
        assert len(list(csv.reader(fh))) == 1                                    # the headers only


def test_a_cancelled_export_leaves_only_whole_files(qapp, tmp_path):
    def progress(fraction, message):
        if fraction > 0.3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_quality_export(ROWS, START, END, tmp_path, progress=progress)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names and not [n for n in names if n.startswith(".")]               # no half-written temp file
    assert all(n.startswith("quality-") and not n.endswith(".xlsx") for n in names)
    assert f"{file_stem('supplier_approval', START, END)}.pdf" in names


def test_a_period_must_not_end_before_it_starts(qapp, tmp_path):
    with pytest.raises(ValueError):
        write_quality_export(ROWS, END, START, tmp_path)
    assert list(tmp_path.iterdir()) == []


# -- a real store: the records of a period, from the service to the files --------------------------------------

def _store_with_records(store, ids):
    """A china_gsp store with one record of each kind made today."""
    from datetime import timedelta

    from pharmadesk.core.stock import ReceiptLine

    from conftest import approve_for_gsp

    approve_for_gsp(store, ids)
    receipt = store.stock.receive(ids.supplier, [ReceiptLine(ids.rx, "EXP-1", store.today() + timedelta(days=400),
                                                             6, 1500)])
    batch = store.db.scalar("SELECT id FROM batches WHERE batch_no = 'EXP-1'")
    store.quality.accept(receipt, batch, "accepted", 2, "intact")
    cold = next(a for a in store.quality.add_gsp_areas() if a.condition == "cold")
    store.quality.record_reading(cold.id, 9.0, 50.0, "door closed")
    p_late = store.db.scalar("SELECT id FROM batches WHERE batch_no = 'P-LATE'")
    store.quality.record_maintenance(p_late, "intact", "intact", "ok")
    store.quality.quarantine(batch, 1, "carton wet")
    from pharmadesk.core.sales import CartLine, Payment

    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250, tendered=1250)])
    return receipt


def test_the_stores_records_of_a_period_are_exported(qapp, latin_font, store, ids, tmp_path):
    from pharmadesk.reports.quality_export import export_store_quality

    receipt = _store_with_records(store, ids)
    today = store.today()
    out = export_store_quality(store, today.replace(day=1), today, tmp_path / "gsp")
    assert out.counts == {"supplier_approval": 3, "product_approval": 4, "acceptance": 1, "storage_log": 1,
                          "maintenance": 1, "quarantine": 1, "near_expiry": 2,           # P-SOON, OLD-1
                          "sales_record": 1}
    with out.csvs["acceptance"].open(encoding="utf-8-sig", newline="") as fh:
        header, row = list(csv.reader(fh))
    record = dict(zip(header, row))
    assert (record["Receipt"], record["Supplier"], record["Product"], record["Batch"], record["Inspector"]) == \
        (str(receipt), "MedSupply", "Ramipril 5mg", "EXP-1", "Olivia Owner")
    assert record["Approval number"].startswith("国药准字H2000")
    with out.csvs["sales_record"].open(encoding="utf-8-sig", newline="") as fh:
        [sale] = list(csv.DictReader(fh))
    assert (sale["Product"], sale["Batch"], sale["Unit price"], sale["Sold by"]) == \
        ("Paracetamol 500mg", "P-SOON", "12.50", "Olivia Owner")                      # FEFO sold P-SOON
    with out.csvs["supplier_approval"].open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["Supplier"] for r in rows} == {"MedSupply"} and {r["Approved by"] for r in rows} == {"Olivia Owner"}
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(out.pdfs["storage_log"])).pages)
    assert "door closed" in text and "9.0" in text and "Test Pharmacy" in text
    # a period before the records: the forms are there, empty
    earlier = export_store_quality(store, date(2020, 1, 1), date(2020, 1, 31), tmp_path / "old")
    assert earlier.counts["acceptance"] == earlier.counts["storage_log"] == earlier.counts["maintenance"] == 0


def test_the_cli_exports_a_period(open_store, store_dir, ids, tmp_path, monkeypatch, capsys):
    from pharmadesk import env
    from pharmadesk.cli.main import main as cli_main

    from conftest import PASSPHRASE, PASSWORDS

    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)
    store = open_store("owner")
    _store_with_records(store, ids)
    today = store.today()
    store.close()
    folder = tmp_path / "for-inspector"
    assert cli_main(["quality", "export", "--from", today.replace(day=1).isoformat(), "--to", today.isoformat(),
                     "--to-dir", str(folder), "--store", str(store_dir)]) == 0
    out = capsys.readouterr().out
    assert "acceptance: 1 record(s)" in out and f"17 files written to {folder}" in out
    assert len(list(folder.glob("quality-*.pdf"))) == 8 and len(list(folder.glob("quality-*.csv"))) == 8
    with pytest.raises(SystemExit, match="--to is before --from"):
        cli_main(["quality", "export", "--from", "2026-03-31", "--to", "2026-03-01", "--to-dir", str(folder),
                  "--store", str(store_dir)])
