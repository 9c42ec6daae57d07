"""Numbers as documents and pages print them: amounts in currency units with separators, KPI values by unit."""

from __future__ import annotations

import math


def format_amount(value: float) -> str:
    """12345.6 -> '12,345.60' (currency units, not the minor units of :func:`pharmadesk.core.money.format_money`)."""
    return f"{value:,.2f}"


def format_kpi(value: float, unit: str) -> str:
    """A KPI value by its unit: shares as percentages, counts as integers, anything else as an amount."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if unit == "share":
        return f"{value * 100:.1f} %"
    if unit == "count":
        return f"{int(round(value)):,}"
    return format_amount(value)
