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

from tests.test_quality_forms import AREAS, EN_TITLES, ROWS

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
