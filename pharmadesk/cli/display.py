"""How the ``pharmadesk`` command shows figures and times: money in currency units, times in local time.

Analyses and head-office reports keep money as integer minor units (cents, fen). On the command line a
table or CSV shows such a column in currency units (12.34); JSON, for programs, keeps the exact minor units
and says so in the field's name (``clv_minor``). Timestamps stored in UTC ISO-8601
(``2026-12-04T15:01:18.164656+00:00``) are shown in this computer's local time, to the minute
(``2026-12-04 23:01``).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Iterable

_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def local_minute(value: str) -> str:
    """An ISO-8601 timestamp as local time to the minute; a naive one is taken as UTC (as stored)."""
    from datetime import timezone

    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def is_timestamp(value) -> bool:
    return isinstance(value, str) and bool(_TIMESTAMP.match(value))


def readable_value(value):
    """A timestamp in local time to the minute; any other value unchanged."""
    return local_minute(value) if is_timestamp(value) else value


def minor_name(column: str) -> str:
    """The JSON name of a column in minor units: ``clv`` -> ``clv_minor``."""
    return column if column.endswith("_minor") else f"{column}_minor"


def for_people(frame, minor: Iterable[str] = ()):
    """A copy of ``frame`` for a table or CSV: the ``minor`` columns in currency units (two decimals), every
    column of timestamps in local time to the minute."""
    import pandas as pd

    out = frame.copy()
    for column in minor:
        if column in out.columns:
            out[column] = (pd.to_numeric(out[column], errors="coerce") / 100).round(2)
    for position, column in enumerate(out.columns):
        values = out.iloc[:, position]
        if (values.dtype == object or pd.api.types.is_string_dtype(values)) and values.map(is_timestamp).any():
            out.isetitem(position, values.map(readable_value))
    return out


def for_programs(frame, minor: Iterable[str] = ()):
    """A copy of ``frame`` for JSON: the ``minor`` columns renamed ``<name>_minor`` (values unchanged)."""
    present = [column for column in minor if column in frame.columns]
    return frame.rename(columns={column: minor_name(column) for column in present})


def rows_for_people(rows: list[dict], minor: Iterable[str] = (), as_text: bool = False) -> list[dict]:
    """:func:`for_people` for a list of dicts (the head-office report's rows); ``as_text`` writes the money
    as "1,234.50" for an aligned table."""
    minor = set(minor)

    def money(value):
        amount = round(value / 100, 2)
        return f"{amount:,.2f}" if as_text else amount

    return [{key: money(value) if key in minor and isinstance(value, (int, float)) else readable_value(value)
             for key, value in row.items()} for row in rows]
