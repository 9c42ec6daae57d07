"""Export an analytics pane to a multi-page PDF (one page per chart, then the tables as text pages) and to
Excel (one sheet per table).

A pane taking part implements ``report_title() -> str``, ``report_figures() -> list[Figure]`` and
``report_tables() -> list[(title, headers, rows)]`` (rows: lists of plain values, or
:class:`~pharmadesk.reports.formatting.Number` for figures: money, percentages, counts). Excel keeps figures as
numbers with a number format (money with two decimals, percentages as percent, other decimals with two).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from pharmadesk.io.safe_cells import append_text_safe
from pharmadesk.reports.charts import INK, apply_house_style
from pharmadesk.paths import make_private
from pharmadesk.reports.formatting import EXCEL_FORMATS, Number, format_amount

ROWS_PER_PAGE = 45
A4_INCHES = (8.27, 11.69)


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, Number):
        return str(value)
    if isinstance(value, float):
        return format_amount(value)
    return str(value)


def export_pdf(path, title: str, figures: list[Figure], tables: list[tuple[str, list[str], list[list]]]) -> Path:
    """Write ``title`` + each figure on its own page + every table (paged) to a PDF at ``path``."""
    apply_house_style()
    path = Path(path)
    with PdfPages(path) as pdf:
        for number, figure in enumerate(figures):
            if number == 0:
                figure.suptitle(title, fontsize=11)
            pdf.savefig(figure)
            if number == 0:
                figure.suptitle("")
        for table_title, headers, rows in tables:
            chunks = [rows[i:i + ROWS_PER_PAGE] for i in range(0, len(rows), ROWS_PER_PAGE)] or [[]]
            for page, chunk in enumerate(chunks):
                figure = Figure(figsize=A4_INCHES)
                ax = figure.add_axes((0.05, 0.05, 0.9, 0.88))
                ax.axis("off")
                heading = table_title if page == 0 else f"{table_title} ({page + 1})"
                figure.text(0.05, 0.96, f"{title} – {heading}", fontsize=11, color=INK, va="top")
                if chunk:
                    cells = [[_cell(v) for v in row] for row in chunk]
                    table = ax.table(cellText=cells, colLabels=headers, loc="upper left", cellLoc="left")
                    table.auto_set_font_size(False)
                    table.set_fontsize(7)
                pdf.savefig(figure)
    make_private(path)
    return path


def _sheet_name(text: str, used: set[str]) -> str:
    name = re.sub(r"[\[\]\*\?/\\:]", " ", text).strip()[:31] or "Sheet"
    base, n = name, 2
    while name in used:
        suffix = f" {n}"
        name = base[:31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


def _excel_value(value):
    if isinstance(value, Number):
        return value.value
    return None if isinstance(value, float) and math.isnan(value) else value


def export_excel(path, tables: list[tuple[str, list[str], list[list]]]) -> Path:
    """Write every table to its own sheet of an .xlsx workbook at ``path``; text that looks like a formula
    (a product named ``=HYPERLINK(…)``) is written as text (io/safe_cells.py)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for table_title, headers, rows in tables:
        sheet = book.create_sheet(_sheet_name(table_title, used))
        append_text_safe(sheet, headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            append_text_safe(sheet, [_excel_value(v) for v in row])
            for cell, value in zip(sheet[sheet.max_row], row):
                if isinstance(value, Number):
                    cell.number_format = value.excel_format
                elif isinstance(value, float):
                    cell.number_format = EXCEL_FORMATS["decimal"]
        for column in sheet.columns:
            width = max(len(str(c.value)) if c.value is not None else 0 for c in column[:1])
            width = max([width] + [len(f"{c.value:,.2f}") if isinstance(c.value, float) else
                                   len(str(c.value)) if c.value is not None else 0 for c in column[1:]])
            sheet.column_dimensions[column[0].column_letter].width = min(max(10, width + 2), 60)
    if not tables:
        book.create_sheet("Report")
    book.save(path)
    make_private(path)
    return path
