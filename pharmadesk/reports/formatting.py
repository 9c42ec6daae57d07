"""Numbers as documents and pages print them: amounts in currency units with separators, KPI values by unit."""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Excel number formats by kind (see :class:`Number`).
EXCEL_FORMATS = {"money": "#,##0.00", "percent": "0.0%", "count": "#,##0", "decimal": "#,##0.00"}


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


@dataclass(frozen=True)
class Number:
    """A table cell an export formats by its kind: ``money`` (currency units), ``percent`` (a share, 0.18 is
    18 %), ``count`` (a whole number) or ``decimal``. PDF prints it as the page shows it; Excel keeps the number
    and gives it the number format of :data:`EXCEL_FORMATS`, so a sum or a chart still works."""

    value: float | int | None
    kind: str = "decimal"

    @classmethod
    def of(cls, value, kind: str) -> "Number":
        """``value`` of ``kind``; ``money_minor`` (minor units, cents) is turned into currency units."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return cls(None, "money" if kind == "money_minor" else kind)
        if kind == "money_minor":
            return cls(float(value) / 100, "money")
        return cls(int(round(float(value))) if kind == "count" else float(value), kind)

    @property
    def excel_format(self) -> str:
        return EXCEL_FORMATS.get(self.kind, EXCEL_FORMATS["decimal"])

    def __str__(self) -> str:
        if self.value is None:
            return ""
        if self.kind == "percent":
            return f"{self.value * 100:.1f} %"
        if self.kind == "count":
            return f"{int(self.value):,}"
        return format_amount(float(self.value))


#: A KPI unit (``kpis.UNITS``) as the kind of a :class:`Number`.
KPI_KINDS = {"currency": "money", "share": "percent", "count": "count"}
