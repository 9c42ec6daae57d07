"""The inspector's export: every GSP quality record of a period written to one folder, as the printed forms
(one A4 PDF per kind of record), as CSV (one file per kind) and as one Excel workbook (a sheet per kind).

Files are written whole or not at all (io/durable.py) and every spreadsheet cell goes through
io/safe_cells.py. The rows come from :func:`pharmadesk.reports.quality_rows.quality_rows` (the store) or from
any caller holding plain rows, so the writing is tested without a store.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.io.durable import fsync_dir, fsync_file, write_atomically
from pharmadesk.io.safe_cells import append_text_safe, csv_bytes
from pharmadesk.paths import make_private
from pharmadesk.reports.quality_forms import KINDS, form_table, form_title, save_form_pdf

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class QualityExport:
    """What an export wrote: the folder, the PDFs and CSVs by kind, the workbook, and the rows per kind."""

    folder: Path
    pdfs: dict[str, Path]
    csvs: dict[str, Path]
    workbook: Path
    counts: dict[str, int]

    @property
    def files(self) -> list[Path]:
        return [*self.pdfs.values(), *self.csvs.values(), self.workbook]


def file_stem(kind: str, start: date, end: date) -> str:
    """``quality-acceptance-2026-03-01_2026-03-31``: the kind and the period, sortable and ASCII."""
    return f"quality-{kind.replace('_', '-')}-{start.isoformat()}_{end.isoformat()}"


def _sheet_title(text: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]\*\?/\\:]", " ", text).strip()[:31] or "Sheet"
    base, n = name, 2
    while name in used:
        name = f"{base[:28]} {n}"
        n += 1
    used.add(name)
    return name


def workbook_bytes(tables: Iterable[tuple[str, list[str], list[list[Any]]]]) -> bytes:
    """An .xlsx of ``tables`` (a sheet per (title, headers, rows)), every text cell written as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for title, headers, rows in tables:
        sheet = book.create_sheet(_sheet_title(title, used))
        append_text_safe(sheet, headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            append_text_safe(sheet, row)
        for column in sheet.columns:
            width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(max(8, width + 2), 50)
    if not book.sheetnames:
        book.create_sheet("Quality")
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_pdf(kind: str, rows: list[Any], start: date, end: date, path: Path, store_name: str, printed: str,
               areas: list[Any]) -> None:
    """Render the form beside ``path`` and rename it into place, so a crash leaves no torn PDF."""
    temp = path.with_name(f".{path.name}.partial")
    try:
        save_form_pdf(kind, rows, start, end, temp, store_name, printed, areas)
        fsync_file(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_quality_export(records: Mapping[str, Iterable[Any]], start: date, end: date, folder, *,
                         store_name: str = "", printed: str = "", areas: Iterable[Any] = (),
                         progress: Progress | None = None) -> QualityExport:
    """Write the forms of ``records`` (kind -> rows, kinds of :data:`KINDS`; a missing kind prints as an empty
    form, so the inspector sees that nothing was recorded) for [start, end] into ``folder`` (created if
    needed). ``progress(fraction, message)`` may raise :class:`pharmadesk.errors.Cancelled` to stop between
    files; the files already written stay whole."""
    if end < start:
        raise ValueError("the export period ends before it starts")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    areas = list(areas)
    pdfs, csvs, tables, counts = {}, {}, [], {}
    steps = len(KINDS) + 1
    for number, kind in enumerate(KINDS):
        if progress is not None:
            progress(number / steps, form_title(kind))
        rows = list(records.get(kind, ()))
        counts[kind] = len(rows)
        stem = file_stem(kind, start, end)
        pdfs[kind] = folder / f"{stem}.pdf"
        _write_pdf(kind, rows, start, end, pdfs[kind], store_name, printed, areas)
        title, headers, cells = form_table(kind, rows)
        tables.append((title, headers, cells))
        csvs[kind] = folder / f"{stem}.csv"
        write_atomically(csvs[kind], csv_bytes(headers, cells))
        make_private(csvs[kind])
    if progress is not None:
        progress((steps - 1) / steps, QT_TRANSLATE_NOOP("progress", "Writing the workbook"))
    workbook = folder / f"quality-records-{start.isoformat()}_{end.isoformat()}.xlsx"
    write_atomically(workbook, workbook_bytes(tables))
    make_private(workbook)
    if progress is not None:
        progress(1.0, QT_TRANSLATE_NOOP("progress", "Done"))
    return QualityExport(folder, pdfs, csvs, workbook, counts)


def export_store_quality(store, start: date, end: date, folder, *, store_name: str | None = None,
                         printed: str = "", progress: Progress | None = None) -> QualityExport:
    """The inspector's export of ``store``'s quality records for [start, end] (``pharmadesk quality export``
    and the Quality page's Export for inspector)."""
    from pharmadesk.reports.quality_rows import quality_rows, storage_areas

    if progress is not None:
        progress(0.0, QT_TRANSLATE_NOOP("progress", "Reading the quality records"))
    records = quality_rows(store, start, end)
    return write_quality_export(records, start, end, folder, areas=storage_areas(store), printed=printed,
                                store_name=store.settings.store_name if store_name is None else store_name,
                                progress=progress)
