"""Jobs for the owner's numbers: the KPI table, the dashboard (KPIs with the figures other analyses own,
daily sales, the hour × weekday heat map, category mix and products) and the daily and monthly reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from pharmadesk.analytics import frames, frames_service
from pharmadesk.analytics.models import joined_kpis, kpis, owner_reports, service
from pharmadesk.analytics.result import Cancel, Progress, Result, Steps
from pharmadesk.analytics.jobs.history import require_sales_or_stock
from pharmadesk.errors import QT_TRANSLATE_NOOP, AnalyticsError


# -- KPIs ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class KpiParams:
    """The period ``[start, end)``: ``end`` defaults to ``as_of``, ``start`` to 30 days before ``end``; it is
    compared with the period of equal length before it."""

    start: date | None = None
    end: date | None = None


def run_kpis(store, as_of: date, params: KpiParams = KpiParams(), progress: Progress = None,
             cancel: Cancel = None) -> Result:
    """The owner's numbers for a period, with the previous period of equal length
    (:func:`~pharmadesk.analytics.models.kpis.owner_kpis`)."""
    end = params.end or as_of
    start = params.start or (end - timedelta(days=30))
    if end > as_of:
        raise AnalyticsError(QT_TRANSLATE_NOOP("errors", "The period ends {end}, after the analysis date {as_of}: it "
                                                         "would use later data."),
                             end=end.isoformat(), as_of=as_of.isoformat())
    if start >= end:
        raise AnalyticsError(QT_TRANSLATE_NOOP("errors", "The period must end after it starts ({start} .. {end})."),
                             start=start.isoformat(), end=end.isoformat())
    require_sales_or_stock(store, end)
    steps = Steps(progress, cancel)
    inputs = frames.kpi_frames(store, start - (end - start), end, progress=steps.part(0.0, 0.6))
    table = kpis.owner_kpis(inputs, start, end, progress=steps.part(0.6, 0.99))
    steps(1.0, "done")
    return Result(frame=table, params=params, notes=tuple(kpis.kpi_notes(table, start, end)))


# -- the dashboard ------------------------------------------------------------------------------------------

PERIOD_DAYS = {"7": 7, "30": 30, "90": 90, "month": None}     # None: this month, up to and including today


def period_bounds(period: str, as_of: date) -> tuple[date, date]:
    """``[start, end)`` of a dashboard ``period`` as of ``as_of``: "last N days" ends before today,
    "this month" runs from the 1st up to and including today."""
    days = PERIOD_DAYS[period]
    if days is None:
        return as_of.replace(day=1), as_of + timedelta(days=1)
    return as_of - timedelta(days=days), as_of


@dataclass(frozen=True)
class DashboardParams:
    """``period``: "7", "30", "90" (last N days) or "month" (this month to date); see :func:`period_bounds`."""

    period: str = "30"


@dataclass(frozen=True, kw_only=True)
class DashboardResult(Result):
    """``frame``: the KPI table with the figures other analyses own; the period ``[start, end)`` and the
    previous one from ``previous_start``; ``daily``: sales per local day (currency units); ``heat``: 7 × 24
    transactions per weekday and local hour; ``mix``: (category, revenue) largest first; ``products``: per
    product sold, by revenue; ``service``: complaints, calls and ADR reports of the period."""

    start: date
    end: date
    previous_start: date
    daily: pd.Series
    heat: np.ndarray
    transactions: int
    mix: tuple[tuple[str, float], ...]
    products: tuple[dict, ...]
    service: service.ServiceFigures


def run_dashboard(store, as_of: date, params: DashboardParams = DashboardParams(), progress: Progress = None,
                  cancel: Cancel = None) -> DashboardResult:
    """Everything the owner's dashboard shows for ``params.period`` as of ``as_of``."""
    steps = Steps(progress, cancel)
    start, end = period_bounds(params.period, as_of)
    previous_start = start - (end - start)
    steps(0.05, "loading")
    data = frames.kpi_frames(store, previous_start, end, progress=steps.part(0.05, 0.45))
    steps(0.45, "care and campaigns")
    joined = joined_kpis.for_periods(frames.joined_kpi_frames(store, previous_start, end, end), start, end, end)
    table = kpis.owner_kpis(data, start, end, **joined)
    steps(0.55, "KPIs")
    sales = data["sales"]
    sales = sales[(sales["at"] >= frames.day_start(start)) & (sales["at"] < frames.day_start(end))]
    local = frames.local_times(sales["at"])
    # daily sales (local dates, like the KPIs), every day of the period
    days = pd.date_range(start, end - timedelta(days=1), freq="D")
    daily = sales["total"].groupby(local.dt.normalize()).sum() / kpis.MINOR_PER_MAJOR
    daily = daily.reindex(days, fill_value=0.0).astype(float)
    heat = np.zeros((7, 24), dtype=int)
    np.add.at(heat, (local.dt.day_of_week.to_numpy(dtype=int), local.dt.hour.to_numpy(dtype=int)), 1)
    steps(0.7, "products")
    lines = frames.sale_lines(store, end, start=start)
    catalogue = frames.products(store)[["product_id", "name", "category"]]
    per_product = (lines.groupby("product_id").agg(units=("quantity", "sum"), revenue=("line_total", "sum"))
                   .reset_index().merge(catalogue, on="product_id", how="left"))
    per_product["revenue"] = per_product["revenue"] / kpis.MINOR_PER_MAJOR
    per_product["category"] = per_product["category"].fillna("")
    per_product = per_product.sort_values(["revenue", "product_id"], ascending=[False, True])
    products = tuple({"product_id": int(r["product_id"]), "name": str(r["name"]), "category": str(r["category"]),
                      "units": int(r["units"]), "revenue": float(r["revenue"])}
                     for r in per_product.to_dict("records"))
    mix = per_product.groupby("category")["revenue"].sum().sort_values(ascending=False)
    steps(0.9, "service")
    figures = service.service_figures(frames_service.service_frames(store, start, end), start, end)
    steps(1.0, "done")
    return DashboardResult(frame=table, params=params, notes=tuple(kpis.kpi_notes(table, start, end)), start=start,
                           end=end, previous_start=previous_start, daily=daily, heat=heat,
                           transactions=int(len(sales)), mix=tuple((str(c), float(v)) for c, v in mix.items()),
                           products=products, service=figures)


# -- daily and monthly reports ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportParams:
    """``day``: the day of a daily report, any day of a monthly report's month."""

    day: date


@dataclass(frozen=True, kw_only=True)
class ReportResult(Result):
    """``frame``: the report's KPI table; ``report``: every figure of the printed report."""

    report: owner_reports.OwnerReport


def _run_report(store, periods: owner_reports.ReportPeriods, params: ReportParams, progress: Progress,
                cancel: Cancel) -> ReportResult:
    steps = Steps(progress, cancel)
    # A Chinese GSP store's daily report carries the day's sales record (each line's specification, maker, batch).
    data = frames.owner_report_frames(store, periods.start, periods.end, periods.compare_start, periods.compare_end,
                                      owner_reports.EXCEPTIONS, progress=steps.part(0.0, 0.9),
                                      sales_record=periods.kind == "daily" and store.settings.china_gsp)
    data["service"] = frames_service.service_frames(store, periods.start, periods.end)
    report = owner_reports.build_report(periods, data)
    steps(1.0, "done")
    return ReportResult(frame=report.kpis, params=params, notes=tuple(report.notes), report=report)


def run_daily_report(store, as_of: date, params: ReportParams, progress: Progress = None,
                     cancel: Cancel = None) -> ReportResult:
    """The report of local day ``params.day`` (``as_of`` = today: so far), against the same weekday a week
    before."""
    return _run_report(store, owner_reports.daily_periods(params.day, as_of), params, progress, cancel)


def run_monthly_report(store, as_of: date, params: ReportParams, progress: Progress = None,
                       cancel: Cancel = None) -> ReportResult:
    """The report of the month of ``params.day`` (to date while it runs), against the same days a month before."""
    return _run_report(store, owner_reports.monthly_periods(params.day, as_of), params, progress, cancel)
