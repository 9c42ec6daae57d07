"""The owner's printable daily and monthly reports: what the day (or month) brought, against a fair comparison.

    periods = daily_periods(date(2026, 11, 20), today)    # that local day, against the same weekday a week before
    periods = monthly_periods(date(2026, 11, 1), today)   # that month (to date), against the same days a month before
    report = build_report(periods, frames.owner_report_frames(store, ..., EXCEPTIONS))   # jobs.run_owner_report

A **daily** report covers one local calendar day and compares it with the same weekday one week earlier (a
Monday is not a Saturday). A **monthly** report covers a calendar month; while the month is still running it
covers the 1st up to and including today ("month to date") and compares with the same number of days from
the 1st of the previous month. Both hold the owner's KPIs (:mod:`pharmadesk.analytics.models.kpis`, same
definitions), sales over time, payments per method, top products and the category mix, the day closes with
their cash variance, stock movements and expiry exposure, care work, and the exceptions worth a look
(price overrides, large discounts, refunds, write-offs, failed logins).

Only aggregates: no member appears in a report. Money is in currency units. Rendering (HTML, PDF, print,
Excel) is :mod:`pharmadesk.reports`' job; this module is pure (the frames come from
:func:`pharmadesk.analytics.frames.owner_report_frames`).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

import numpy as np
import pandas as pd

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import kpis
from pharmadesk.analytics.models.service import ServiceFigures, service_figures
from pharmadesk.core.payments import PAYMENT_METHODS, net_sales
from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

MINOR = kpis.MINOR_PER_MAJOR
TOP_PRODUCTS = 15
EXPIRY_WARNING_DAYS = 30
#: audited actions an owner checks each day (loss prevention and security), in report order
EXCEPTIONS = ("price.override", "discount.large", "approval", "refund", "stock.write_off", "stock.adjust",
              "login.failed")
#: stock ledger reasons in report order
STOCK_REASONS = ("receipt", "sale", "return", "adjustment", "write_off", "stocktake")


@dataclass(frozen=True)
class ReportPeriods:
    """A report's period ``[start, end)`` and the one it is compared with, in local calendar days."""

    kind: str                         # "daily" | "monthly"
    start: date
    end: date
    compare_start: date
    compare_end: date
    complete: bool                    # False while the period is still running (today / this month)


@dataclass(frozen=True)
class OwnerReport(ReportPeriods):
    """One report's figures over its periods (``[start, end)`` in local calendar days)."""

    kpis: pd.DataFrame                # kpi, unit, current, previous, change, change_pct
    series: pd.DataFrame              # daily: per local hour; monthly: per local day (see build functions)
    payments: pd.DataFrame            # method, sales, refunds, net (currency units)
    products: pd.DataFrame            # top products: name, manufacturer, specification, category, units, revenue,
    #                                   margin, rx_lines
    categories: pd.DataFrame          # category, revenue, share
    day_closes: pd.DataFrame          # closed_at (local), closed_by, expected_cash, counted_cash, variance
    stock: pd.DataFrame               # reason, moves, units, value (currency units, at cost)
    expiry: dict                      # expiring_value/_batches (within EXPIRY_WARNING_DAYS), expired_value/_batches
    care: dict                        # reminders {kind: n}, outcomes {outcome: n}
    exceptions: dict[str, int]        # audited action -> count
    service: ServiceFigures           # complaints, calls and ADR reports (analytics.models.service)
    notes: list[str] = field(default_factory=list)
    # a China GSP store's daily report: at (local), receipt_no, name, specification, manufacturer, approval_number,
    # batch_no, expiry, quantity, unit_price, amount (currency units); None otherwise
    sales_record: pd.DataFrame | None = None

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    def kpi(self, name: str, column: str = "current") -> float:
        return float(self.kpis.set_index("kpi").loc[name, column])


def daily_periods(day: date, today: date) -> ReportPeriods:
    """Local day ``day`` (today: so far), compared with the same weekday a week before."""
    if day > today:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no report for {day} yet: that day is still to "
                                                          "come."), day=day.isoformat())
    week_before = day - timedelta(days=7)
    return ReportPeriods("daily", day, day + timedelta(days=1), week_before, week_before + timedelta(days=1),
                         complete=day < today)


def monthly_periods(month: date, today: date) -> ReportPeriods:
    """The calendar month containing ``month`` (to date while it runs), compared with the same days of the
    month before."""
    first = month.replace(day=1)
    if first > today:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no report for {month} yet: that month is still to "
                                                          "come."), month=f"{first:%Y-%m}")
    next_first = first + timedelta(days=calendar.monthrange(first.year, first.month)[1])
    end = min(next_first, today + timedelta(days=1))
    previous_first = (first - timedelta(days=1)).replace(day=1)
    compare_end = min(previous_first + (end - first), first)
    return ReportPeriods("monthly", first, end, previous_first, compare_end, complete=end == next_first)


def build_report(periods: ReportPeriods, data: dict) -> OwnerReport:
    """The report of ``periods`` from the frames of :func:`pharmadesk.analytics.frames.owner_report_frames` and,
    under ``service``, :func:`pharmadesk.analytics.frames_service.service_frames`."""
    start, end = periods.start, periods.end
    table = kpis.compared(kpis.period_kpis(data, start, end),
                          kpis.period_kpis(data, periods.compare_start, periods.compare_end))
    reminders, outcomes = data["reminders"], data["outcomes"]
    if periods.kind == "daily":
        series = _hourly(data["sales"], start, periods.compare_start)
    else:
        series = _daily(data["sales"], start, end)
    report = OwnerReport(
        **{f.name: getattr(periods, f.name) for f in fields(ReportPeriods)}, kpis=table, series=series,
        payments=_payments(data["payments"]), products=_top_products(data["products"]),
        categories=_categories(data["products"]), day_closes=_closes(data["closes"]), stock=_stock(data["stock"]),
        expiry=_expiry(data["inventory"], end), exceptions=data["exceptions"],
        service=service_figures(data["service"], start, end),
        care={"reminders": dict(zip(reminders["kind"], reminders["count"].astype(int))),
              "outcomes": dict(zip(outcomes["outcome"], outcomes["count"].astype(int)))},
        sales_record=_sales_record(data["sales_record"]) if "sales_record" in data else None)
    without_cost = report.kpi("sales_without_cost")
    if without_cost:
        report.notes.append(f"sales_without_cost={without_cost:.2f}")
    return report


def _payments(raw: pd.DataFrame) -> pd.DataFrame:
    methods = pd.DataFrame({"method": list(PAYMENT_METHODS)})
    table = methods.merge(raw, on="method", how="outer").fillna(0)
    table[["sales", "refunds"]] = table[["sales", "refunds"]].astype(float) / MINOR
    table["net"] = net_sales(table["sales"], table["refunds"])
    return table[["method", "sales", "refunds", "net"]].reset_index(drop=True)


def _top_products(raw: pd.DataFrame) -> pd.DataFrame:
    table = raw.head(TOP_PRODUCTS).copy()
    table["revenue"] = table["revenue"] / MINOR
    table["margin"] = table["revenue"] - table["cost"] / MINOR
    return table[["name", "manufacturer", "specification", "category", "units", "revenue", "margin",
                  "rx_lines"]].reset_index(drop=True)


def _sales_record(raw: pd.DataFrame) -> pd.DataFrame:
    table = raw.copy()
    table["at"] = frames.local_times(table["at"]) if len(table) else table["at"]
    table["unit_price"] = table["unit_price"].astype(float) / MINOR
    table["amount"] = table["unit_price"] * table["quantity"].astype(float)
    return table.reset_index(drop=True)


def _categories(raw: pd.DataFrame) -> pd.DataFrame:
    table = raw.groupby(raw["category"].fillna(""))["revenue"].sum().sort_values(ascending=False) / MINOR
    total = table.sum()
    return pd.DataFrame({"category": table.index, "revenue": table.to_numpy(dtype=float),
                         "share": table.to_numpy(dtype=float) / total if total else np.zeros(len(table))})


def _closes(raw: pd.DataFrame) -> pd.DataFrame:
    table = raw.copy()
    table["closed_at"] = frames.local_times(table["closed_at"]) if len(table) else table["closed_at"]
    for column in ("opening_float", "expected_cash", "counted_cash", "variance"):
        table[column] = table[column].astype(float) / MINOR
    return table.reset_index(drop=True)


def _stock(raw: pd.DataFrame) -> pd.DataFrame:
    table = pd.DataFrame({"reason": list(STOCK_REASONS)}).merge(raw, on="reason", how="left").fillna(0)
    table[["moves", "units"]] = table[["moves", "units"]].astype(int)
    table["value"] = table["value"].astype(float) / MINOR
    return table


def _expiry(inventory: pd.DataFrame, end: date) -> dict:
    """Stock on hand at the period's end that expires within :data:`EXPIRY_WARNING_DAYS` or has expired."""
    at_end = inventory[inventory["as_of"] == pd.Timestamp(end)]
    day = pd.Timestamp(end)
    soon = at_end[(at_end["expiry"] >= day) & (at_end["expiry"] < day + pd.Timedelta(days=EXPIRY_WARNING_DAYS))]
    expired = at_end[at_end["expiry"] < day]
    return {"expiring_value": float(soon["value"].sum()) / MINOR, "expiring_batches": int(len(soon)),
            "expired_value": float(expired["value"].sum()) / MINOR, "expired_batches": int(len(expired))}


def _between(sales: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    return sales[(sales["at"] >= frames.day_start(start)) & (sales["at"] < frames.day_start(end))]


def _hourly(all_sales: pd.DataFrame, day: date, week_before: date) -> pd.DataFrame:
    """Per local hour 0-23: ``sales, transactions`` on ``day`` and ``compare_sales, compare_transactions``."""
    table = pd.DataFrame(index=pd.RangeIndex(24, name="hour"))
    for prefix, first in (("", day), ("compare_", week_before)):
        sales = _between(all_sales, first, first + timedelta(days=1))
        hours = frames.local_times(sales["at"]).dt.hour
        grouped = sales.groupby(hours)["total"]
        table[f"{prefix}sales"] = (grouped.sum() / MINOR).reindex(table.index, fill_value=0.0).astype(float)
        table[f"{prefix}transactions"] = grouped.size().reindex(table.index, fill_value=0).astype(int)
    return table


def _daily(all_sales: pd.DataFrame, first: date, end: date) -> pd.DataFrame:
    """Per local day of the period: ``sales, transactions`` and ``average_7`` (7-day moving average of sales)."""
    sales = _between(all_sales, first, end)
    days = frames.local_times(sales["at"]).dt.normalize()
    index = pd.date_range(first, end - timedelta(days=1), freq="D", name="day")
    grouped = sales.groupby(days)["total"]
    table = pd.DataFrame({"sales": (grouped.sum() / MINOR).reindex(index, fill_value=0.0).astype(float),
                          "transactions": grouped.size().reindex(index, fill_value=0).astype(int)}, index=index)
    table["average_7"] = table["sales"].rolling(7, min_periods=1).mean()
    return table
