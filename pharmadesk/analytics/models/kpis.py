"""The owner's numbers (DOMAIN.md, "Owner's numbers") for a period, with the previous period beside them.

    inputs = frames.kpi_frames(store, start - (end - start), end)     # previous period's start .. end
    table = owner_kpis(inputs, start, end)                            # one row per KPI

A period is ``[start, end)`` in the store's local calendar days: from local midnight at the start of ``start`` up
to (not including) local midnight at the start of ``end``, so a day here is the day the till and the owner see.
The previous period is the same number of days just before it: ``[start - (end - start), start)``.
Money is reported in currency units (minor units / 100), unrounded.

Definitions (each row's ``kpi`` name in brackets):

- sales [``sales``]: sum of ``sales.total`` (what customers paid, VAT included, after discounts and
  points redeemed), till sales and imported history alike; [``transactions``]: number of sales;
  [``average_ticket``] = sales / transactions; [``items_per_basket``] = units sold / transactions.
- refunds [``refunds``]: sum of ``returns.refund_total`` for returns made in the period (whatever the
  sale's date); [``refund_count``]; [``net_sales``] = sales - refunds, the one definition of
  :func:`pharmadesk.core.payments.net_sales` (VAT in, refunds out) that the X/Z report and head office use too.
- gross margin [``gross_margin``, ``gross_margin_pct``]: over *costed* sales only, net of VAT:
  ``sum(total - vat) - COGS``, with COGS = sum of quantity x ``sale_lines.unit_cost`` (the FEFO batch cost the
  till recorded). A sale is costed when it was rung up at this till (``source='till'``), or it is imported
  history whose every line carries a unit cost. **Imported history without cost** counts in sales,
  transactions, tickets and members, but is left out of the margin (numerator and denominator) rather than
  counted at 100 % margin; its value is reported as [``sales_without_cost``] so the owner sees how much of
  the period the margin does not cover. Refunds are not netted out of the margin.
- members: [``new_members``] registered in the period; [``active_members``] distinct members with a sale in
  the period; [``repeat_rate``] = share of active members with two or more sales in the period.
- inventory [``inventory_value``]: stock on hand at cost at the period's end (from the stock ledger, each
  batch at its unit cost); [``inventory_turnover``] = COGS / average inventory, the average of the values at
  the period's start and end; [``inventory_turnover_annual``] = that x 365 / days in the period.
- near-expiry [``near_expiry_value_30``, ``_60``, ``_90``]: stock at cost on hand at the period's end that is
  not yet expired and expires within 30 / 60 / 90 days (cumulative: the 60-day figure includes the 30-day
  one); [``expired_value``]: stock on hand already past its expiry date (waiting for a write-off).
- figures other analyses own: reminder conversion, campaign conversion, ROI, customer acquisition cost and
  lifetime value are optional inputs of :func:`owner_kpis` (``reminder_conversion=``, ...). When not given
  they are left out (and named in the table's notes), never estimated here.

Pure and deterministic: DataFrames in, a DataFrame out; ``progress(fraction, label)`` optional.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

import numpy as np
import pandas as pd

from pharmadesk.core.payments import net_sales
from pharmadesk.errors import QT_TRANSLATE_NOOP, AnalyticsError
from pharmadesk.wording import Text

MINOR_PER_MAJOR = 100
NEAR_EXPIRY_DAYS = (30, 60, 90)
#: KPIs computed by other analyses, joined in through :func:`owner_kpis` keyword arguments.
JOINED_KPIS = {
    "reminder_conversion": ("share", "refills within 7 days of a reminder / reminders (reminders module)"),
    "campaign_conversion": ("share", "conversion in the target group minus the holdout (campaigns module)"),
    "roi": ("share", "campaign return on investment, (incremental margin - cost) / cost (campaigns module)"),
    "cac": ("currency", "customer acquisition cost (campaigns module)"),
    "ltv": ("currency", "member lifetime value (value module)"),
}

UNITS = {
    "sales": "currency", "transactions": "count", "average_ticket": "currency", "items_per_basket": "units",
    "refunds": "currency", "refund_count": "count", "net_sales": "currency", "gross_margin": "currency",
    "gross_margin_pct": "share", "sales_without_cost": "currency", "new_members": "count",
    "active_members": "count", "repeat_rate": "share", "inventory_value": "currency",
    "inventory_turnover": "ratio", "inventory_turnover_annual": "ratio", "near_expiry_value_30": "currency",
    "near_expiry_value_60": "currency", "near_expiry_value_90": "currency", "expired_value": "currency",
}


def _stamp(day: date) -> pd.Timestamp:
    from pharmadesk.analytics.frames import day_start

    return day_start(day)


def _inventory_value(inventory: pd.DataFrame, day: date) -> pd.DataFrame:
    moments = inventory.attrs.get("moments")
    key = pd.Timestamp(day)
    if moments is not None and key not in {pd.Timestamp(m) for m in moments}:
        raise ValueError(f"inventory was not loaded at {day}; pass it to frames.inventory_at")
    return inventory[inventory["as_of"] == key]


def _ratio(a: float, b: float) -> float:
    return float(a) / float(b) if b else float("nan")


def period_kpis(frames: dict[str, pd.DataFrame], start: date, end: date,
                near_expiry_days: tuple[int, ...] = NEAR_EXPIRY_DAYS) -> dict[str, float]:
    """The KPIs of one period ``[start, end)`` as ``{kpi: value}`` (see the module docstring for definitions).

    ``frames``: from :func:`pharmadesk.analytics.frames.kpi_frames` covering the period, with inventory
    loaded at ``start`` and ``end``.
    """
    lo, hi = _stamp(start), _stamp(end)
    sales = frames["sales"]
    sales = sales[(sales["at"] >= lo) & (sales["at"] < hi)]
    refunds = frames["refunds"]
    refunds = refunds[(refunds["at"] >= lo) & (refunds["at"] < hi)]
    members = frames["members"]
    out: dict[str, float] = {}

    n = len(sales)
    out["sales"] = sales["total"].sum() / MINOR_PER_MAJOR
    out["transactions"] = n
    out["average_ticket"] = _ratio(out["sales"], n)
    out["items_per_basket"] = _ratio(sales["items"].sum(), n)
    out["refunds"] = refunds["refund_total"].sum() / MINOR_PER_MAJOR
    out["refund_count"] = len(refunds)
    out["net_sales"] = net_sales(out["sales"], out["refunds"])

    costed = (sales["source"] == "till") | ((sales["lines_without_cost"] == 0) & (sales["lines"] > 0))
    net_revenue = (sales.loc[costed, "total"] - sales.loc[costed, "vat"]).sum()
    cogs = sales.loc[costed, "cogs"].sum()
    out["gross_margin"] = (net_revenue - cogs) / MINOR_PER_MAJOR
    out["gross_margin_pct"] = _ratio(net_revenue - cogs, net_revenue)
    out["sales_without_cost"] = sales.loc[~costed, "total"].sum() / MINOR_PER_MAJOR

    registered = members["registered_at"]
    out["new_members"] = int(((registered >= lo) & (registered < hi)).sum())
    per_member = sales["member_id"].dropna().value_counts()
    out["active_members"] = len(per_member)
    out["repeat_rate"] = _ratio((per_member >= 2).sum(), len(per_member))

    inventory = frames["inventory"]
    at_start = _inventory_value(inventory, start)
    at_end = _inventory_value(inventory, end)
    out["inventory_value"] = at_end["value"].sum() / MINOR_PER_MAJOR
    average = (at_start["value"].sum() + at_end["value"].sum()) / 2
    out["inventory_turnover"] = _ratio(cogs, average)
    out["inventory_turnover_annual"] = out["inventory_turnover"] * 365 / (end - start).days
    end_day = pd.Timestamp(end)
    for days in near_expiry_days:
        soon = (at_end["expiry"] >= end_day) & (at_end["expiry"] < end_day + pd.Timedelta(days=days))
        out[f"near_expiry_value_{days}"] = at_end.loc[soon, "value"].sum() / MINOR_PER_MAJOR
    out["expired_value"] = at_end.loc[at_end["expiry"] < end_day, "value"].sum() / MINOR_PER_MAJOR
    return {k: (float(v) if not isinstance(v, (int, np.integer)) else int(v)) for k, v in out.items()}


def _pair(value) -> tuple[float | None, float | None]:
    if isinstance(value, (tuple, list)):
        current, previous = (list(value) + [None])[:2]
        return current, previous
    return value, None


def compared(current: dict[str, float], previous: dict[str, float]) -> pd.DataFrame:
    """Two :func:`period_kpis` results side by side: ``kpi, unit, current, previous, change, change_pct``."""
    return _with_change(pd.DataFrame(_rows(current, previous)))


def _rows(current: dict[str, float], previous: dict[str, float]) -> list[dict]:
    return [{"kpi": kpi, "unit": UNITS.get(kpi, "currency" if kpi.startswith("near_expiry") else ""),
             "current": value, "previous": previous.get(kpi, np.nan)} for kpi, value in current.items()]


def _with_change(table: pd.DataFrame) -> pd.DataFrame:
    table["current"] = table["current"].astype(float)
    table["previous"] = table["previous"].astype(float)
    table["change"] = table["current"] - table["previous"]
    table["change_pct"] = table["change"] / table["previous"].abs().replace(0, np.nan)
    return table


def owner_kpis(frames: dict[str, pd.DataFrame], start: date, end: date, *, compare: bool = True,
               near_expiry_days: tuple[int, ...] = NEAR_EXPIRY_DAYS,
               reminder_conversion=None, campaign_conversion=None, roi=None, cac=None, ltv=None,
               progress: Callable[[float, str], None] | None = None) -> pd.DataFrame:
    """The owner's numbers for ``[start, end)`` and (``compare=True``) the previous period of equal length.

    Returns one row per KPI: ``kpi, unit`` ('currency', 'count', 'share', 'ratio', 'units'), ``current,
    previous, change`` (current - previous) and ``change_pct`` (change / |previous|; NaN when previous is 0).

    ``reminder_conversion``, ``campaign_conversion``, ``roi``, ``cac``, ``ltv``: figures other analyses
    compute, each a number (current period) or a ``(current, previous)`` pair; rows are added only for the
    ones given (:func:`kpi_notes` names those not joined).
    """
    if end <= start:
        raise AnalyticsError(QT_TRANSLATE_NOOP("errors", "The period must end after it starts ({start} .. {end})."),
                             start=start.isoformat(), end=end.isoformat())
    current = period_kpis(frames, start, end, near_expiry_days)
    if progress:
        progress(0.5, "current period")
    previous = period_kpis(frames, start - (end - start), start, near_expiry_days) if compare else {}
    rows = _rows(current, previous)
    joined = {"reminder_conversion": reminder_conversion, "campaign_conversion": campaign_conversion,
              "roi": roi, "cac": cac, "ltv": ltv}
    for kpi, value in joined.items():
        if value is None:
            continue
        cur, prev = _pair(value)
        rows.append({"kpi": kpi, "unit": JOINED_KPIS[kpi][0], "current": cur,
                     "previous": prev if compare else np.nan})
    table = _with_change(pd.DataFrame(rows))
    if progress:
        progress(1.0, "KPIs ready")
    return table


def kpi_notes(table: pd.DataFrame, start: date, end: date, *, compare: bool = True) -> list[Text]:
    """The lines printed under :func:`owner_kpis`' ``table`` (translatable, context ``"analytics"``): the
    period and the one compared with, as local dates with their first and last day. Figures other analyses
    own and that were not joined are simply absent (lifetime value is on the member value page)."""
    last = end - timedelta(days=1)
    if compare:
        prev_start = start - (end - start)
        return [Text("analytics", QT_TRANSLATE_NOOP("analytics", "From {first} to {last} (local dates, both days included), "
                                                     "compared with {previous_first} to {previous_last}."),
                     first=start.isoformat(), last=last.isoformat(), previous_first=prev_start.isoformat(),
                     previous_last=(start - timedelta(days=1)).isoformat())]
    return [Text("analytics", QT_TRANSLATE_NOOP("analytics", "From {first} to {last} (local dates, both days included)."),
                 first=start.isoformat(), last=last.isoformat())]
