"""Cells that a spreadsheet will not run: CSV files leave the store for Excel, WPS or a bulk-SMS tool, and a
cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be read as a formula there
(CSV/formula injection). Such a cell gets a leading apostrophe, which spreadsheets show as plain text."""

from __future__ import annotations

import csv
from io import StringIO
from typing import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """``value`` made safe to open in a spreadsheet: text that could start a formula gets a leading ``'``;
    numbers and everything else pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A UTF-8 CSV (with a BOM, so Excel reads Chinese correctly) of ``headers`` and ``rows``, every cell
    neutralised."""
    text = StringIO()
    writer = csv.writer(text)
    writer.writerow([neutralise(h) for h in headers])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return text.getvalue().encode("utf-8-sig")
