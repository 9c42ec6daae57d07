"""Cell values that a spreadsheet shows as text and never runs: every CSV and Excel export goes through here.

OWASP's rule for CSV injection: a text value starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is prefixed with a single quote, so ``=HYPERLINK("http://…"&B2,"Click")`` in a member's or a
product's name is shown, not evaluated. Only strings are touched: numbers (a negative amount too), dates
and empty cells keep their type. In a workbook, text cells are also written with the string type, never
as formulas. Pure Python, no store: the domain, the reports and the CLI all import it.
"""

from __future__ import annotations

import csv
from io import StringIO
from typing import Any, Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` with a leading single quote when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_row(values: Iterable[Any]) -> list[Any]:
    """Every value of a CSV or sheet row through :func:`neutralise`."""
    return [neutralise(value) for value in values]


def append_text_safe(sheet, values: Iterable[Any]) -> None:
    """Append a row to an openpyxl worksheet with every text cell neutralised and typed as a string
    (openpyxl would otherwise type ``=…`` as a formula and ``#N/A`` as an error)."""
    sheet.append(neutralise_row(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A UTF-8 CSV (with a BOM, so Excel reads Chinese correctly) of ``headers`` and ``rows``, every cell
    neutralised."""
    text = StringIO()
    writer = csv.writer(text)
    writer.writerow(neutralise_row(headers))
    writer.writerows(neutralise_row(row) for row in rows)
    return text.getvalue().encode("utf-8-sig")
