"""Promotion results: what each promotion sold, what its discounts cost, and whether it paid for itself.

    report = promotion_report(promotions, scope, products, promoted, till, coupons, as_of=as_of,
                              history_start=first_till_day, holdouts={promotion_id: (arms, purchases)})

(the frames come from :mod:`pharmadesk.analytics.frames_promotions`; the job
:func:`pharmadesk.analytics.jobs.run_promotion_report` loads them). One row per promotion; money in minor
units, rounded to whole units at the end. Days are the store's local calendar days, like a promotion's own
calendar, and nothing on or after ``as_of`` is used.

**Per line.** A sale line's *paid* amount is its ``line_total`` (after every discount) scaled to the sale's
total (points redeemed on the sale are spread over its lines the way a return refunds them,
:mod:`pharmadesk.core.returns`); its *VAT* is the VAT contained in its ``line_total`` at its rate
(:func:`pharmadesk.core.money.vat_included`) scaled the same way, as the till computed the sale's VAT; its
*cost* is quantity x ``sale_lines.unit_cost`` (the FEFO cost the till recorded). Its **gross margin** is
paid - VAT - cost, the definition of the KPIs (:mod:`.kpis`) and of campaigns (:mod:`.campaigns`), scaled by
the share of its units not returned before ``as_of``; its **sales** are paid - refunded (``return_lines.refund``).

**Per promotion** (over the lines it priced, ``sale_line_promotions``; a line priced by two promotions
counts in both, each with its own discount):

- ``sales``, ``units`` (sold less returned), ``margin``: the promoted lines' figures above;
- ``discount_cost``: the sum of its ``sale_line_promotions.amount`` less what returns reclaimed: a return of
  ``r`` of a line's ``q`` units reclaims ``amount x r / q`` of that promotion's share (rounded half up, as the
  till's refunds round);
- ``members_reached``: distinct members with a promoted line not returned in full (a count, nobody named);
  ``promoted_sales``: sales with such a line;
- ``coupons_issued, coupons_redeemed, coupons_expired`` (coupon promotions; redeemed and not given back;
  expired unused and unvoided).

**Effect** (``method``):

- ``holdout`` when the promotion's members came from a campaign (``promotions.campaign_id``) that kept a
  random holdout: the campaign's target group (who got the promotion) against its holdout (who did not) over
  the promotion's window, by :func:`.campaigns.campaign_results` (Newcombe 95 % interval on the conversion
  uplift; incremental margin = (margin per target member - per holdout member) x target size, over
  everything they bought, on UTC days like campaigns). This is the one unbiased estimate here.
- ``weekdays`` otherwise: the in-scope products' sales and margin (every till line of them, promoted or not,
  members or not) on each running day, against the mean of the same weekday on the ``weeks`` (default 4)
  nearest earlier days that were *not* running days of the promotion and lie on or after the first till
  sale. For a promotion running every day that is the same weekdays in the N weeks before it started; for
  a member day on the 8th/18th/28th it is the other days' same weekday. A running day with no such day is
  left out of the comparison (``compared_days`` counts those kept).

``net_effect`` is the actual margin minus the expected margin (the holdout's, or the baseline's) over the
compared days. Margins are on what customers paid, so the discount is already out of them:
``incremental_margin`` (= net_effect + discount_cost on those days) is the extra margin before the discount,
and ``net_effect`` = incremental margin - discount cost. ``sales_uplift`` is actual / expected sales - 1.

**Verdict** (a code and an amount; pages and the command line translate it,
:func:`pharmadesk.reports.labels.promotion_verdict`): ``too_early`` when the promotion has run fewer than
``min_days`` days or made fewer than ``min_sales`` promoted sales; ``no_baseline`` when no running day has
a comparison day; else ``paid_for_itself`` (net_effect >= 0, amount = net_effect) or ``cost_more`` (amount
= -net_effect).

**What the weekday baseline cannot see**: seasonality and trend (a winter cold-remedy promotion against the
autumn weeks before it looks better than it is; against a falling trend, worse), holidays and weather,
other promotions or campaigns running on the compared days, cannibalisation (sales moved from other
products outside the scope, or from the days around a member day to the day itself: customers who wait
for the 18th make the other days look worse and the 18th better), stock-outs, and a promotion paused for a
while (the report knows its dates and calendar, not its pauses). A promotion with hours counts its whole
day. Only the holdout method answers "what would have happened without it"; the baseline says "compared
with the usual same weekday".

Pure and deterministic: DataFrames in, a DataFrame out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from pharmadesk.analytics.models.campaigns import campaign_results
from pharmadesk.core.pricing import LEGAL_CLASSES_EXCLUDED_BY_DEFAULT

VERDICTS = ("paid_for_itself", "cost_more", "too_early", "no_baseline")
METHODS = ("holdout", "weekdays")
WEEKS = 4
MIN_DAYS = 3
MIN_SALES = 10
_LOOKBACK_WEEKS = 520           # stop looking for a comparison day after ten years of running days

COLUMNS = ["promotion_id", "name", "kind", "label", "status", "starts_on", "ends_on", "window_end", "running_days",
           "sales", "units", "discount_cost", "margin", "members_reached", "promoted_sales", "coupons_issued",
           "coupons_redeemed", "coupons_expired", "method", "compared_days", "actual_sales", "expected_sales",
           "actual_margin", "expected_margin", "sales_uplift", "target_n", "holdout_n", "conversion_uplift",
           "conversion_uplift_low", "conversion_uplift_high", "incremental_margin", "net_effect", "verdict",
           "verdict_amount"]


def _half_up(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator rounded half up, in integers (:func:`pharmadesk.core.money.proportion`); 0 where
    the denominator is not positive."""
    numerator, denominator = np.asarray(numerator, dtype="int64"), np.asarray(denominator, dtype="int64")
    safe = np.where(denominator > 0, denominator, 1)
    return np.where(denominator > 0, (2 * numerator + safe) // (2 * safe), 0)


def line_figures(lines: pd.DataFrame) -> pd.DataFrame:
    """``lines`` (:data:`~pharmadesk.analytics.frames_promotions.LINE_COLUMNS`, optionally ``amount``) with
    ``paid, vat, cost, kept, sales, margin`` and, when ``amount`` is given, ``discount`` (the amount less what
    returns reclaimed). See the module docstring."""
    out = lines.copy()
    quantity = out["quantity"].to_numpy(dtype="int64")
    rate = out["vat_rate_bp"].to_numpy(dtype="int64")
    line_total = out["line_total"].to_numpy(dtype="int64")
    lines_total = out["sale_lines_total"].to_numpy(dtype="float64")
    share = np.divide(out["sale_total"].to_numpy(dtype="float64"), lines_total, out=np.zeros(len(out)),
                      where=lines_total > 0)
    vat_in_line = np.where(rate > 0, _half_up(line_total * rate, 10000 + rate), 0)   # money.vat_included
    returned = out["returned"].to_numpy(dtype="int64")
    out["paid"] = line_total * share
    out["vat"] = vat_in_line * share
    out["cost"] = quantity * out["unit_cost"].to_numpy(dtype="int64")
    out["kept"] = quantity - returned
    out["sales"] = np.maximum(out["paid"] - out["refunded"], 0.0)
    out["margin"] = (out["paid"] - out["vat"] - out["cost"]) * out["kept"] / np.where(quantity > 0, quantity, 1)
    if "amount" in out:
        amount = out["amount"].to_numpy(dtype="int64")
        out["discount"] = amount - _half_up(amount * returned, quantity)
    return out


def scope_products(products: pd.DataFrame, scope: pd.DataFrame, include_rx: bool) -> set[int]:
    """The product ids a promotion prices: its listed products and categories (none listed: every product),
    less its excluded products and categories, less Rx-only and controlled products unless ``include_rx``.
    ``products``: ``product_id, category, legal_class``; ``scope``: the promotion's ``promotion_scope`` rows."""
    listed = scope[~scope["excluded"]]
    excluded = scope[scope["excluded"]]
    chosen = products
    if len(listed):
        chosen = products[products["product_id"].isin(listed["product_id"].dropna().astype(int))
                          | products["category"].isin(listed["category"].dropna())]
    chosen = chosen[~chosen["product_id"].isin(excluded["product_id"].dropna().astype(int))
                    & ~chosen["category"].isin(excluded["category"].dropna())]
    if not include_rx:
        chosen = chosen[~chosen["legal_class"].isin(LEGAL_CLASSES_EXCLUDED_BY_DEFAULT)]
    return {int(p) for p in chosen["product_id"]}


def _numbers(text: str | None) -> set[int]:
    return {int(part) for part in (text or "").split(",") if part.strip()}


def window(promotion: dict, as_of: date) -> tuple[date, date]:
    """``(first, last)`` local days of a promotion's window up to the day before ``as_of``: from ``starts_on``
    to the earliest of ``ends_on``, the day it was ended and ``as_of - 1``; ``last < first`` when it has not
    started yet."""
    first = date.fromisoformat(str(promotion["starts_on"]))
    last = as_of - timedelta(days=1)
    for end in (promotion.get("ends_on"), promotion.get("ended_on")):
        if end is not None and not (isinstance(end, float) and np.isnan(end)):
            last = min(last, end if isinstance(end, date) else date.fromisoformat(str(end)))
    return first, last


def running_days(promotion: dict, as_of: date) -> list[date]:
    """The days of the promotion's window (:func:`window`) its calendar runs on: the listed weekdays
    (0 = Monday) and days of the month, each when given."""
    first, last = window(promotion, as_of)
    weekdays, month_days = _numbers(promotion.get("weekdays")), _numbers(promotion.get("month_days"))
    days = []
    day = first
    while day <= last:
        if (not weekdays or day.weekday() in weekdays) and (not month_days or day.day in month_days):
            days.append(day)
        day += timedelta(days=1)
    return days


def comparison_days(day: date, running: set[date], history_start: date, weeks: int = WEEKS) -> list[date]:
    """The same weekday as ``day`` on the ``weeks`` nearest earlier days that are not in ``running`` and not
    before ``history_start`` (fewer when history is short)."""
    found = []
    for k in range(1, _LOOKBACK_WEEKS + 1):
        candidate = day - timedelta(weeks=k)
        if candidate < history_start or len(found) == weeks:
            break
        if candidate not in running:
            found.append(candidate)
    return found


def weekday_baseline(daily: pd.DataFrame, running: list[date], history_start: date | None,
                     weeks: int = WEEKS) -> pd.DataFrame:
    """Each running day that has comparison days (:func:`comparison_days`): ``day, actual_sales,
    actual_margin, discount, baseline_days, expected_sales, expected_margin`` (the means over the comparison
    days). ``daily``: in-scope ``sales, margin`` and the promotion's ``discount`` per local day (index: naive
    Timestamps; a missing day sold nothing)."""
    columns = ["day", "actual_sales", "actual_margin", "discount", "baseline_days", "expected_sales",
               "expected_margin"]
    if history_start is None or not running:
        return pd.DataFrame(columns=columns)
    on = set(running)
    rows = []
    for day in running:
        compared = comparison_days(day, on, history_start, weeks)
        if not compared:
            continue
        actual = daily.reindex([pd.Timestamp(day)]).fillna(0.0).iloc[0]
        before = daily.reindex([pd.Timestamp(d) for d in compared]).fillna(0.0)
        rows.append({"day": pd.Timestamp(day), "actual_sales": float(actual["sales"]),
                     "actual_margin": float(actual["margin"]), "discount": float(actual["discount"]),
                     "baseline_days": len(compared), "expected_sales": float(before["sales"].mean()),
                     "expected_margin": float(before["margin"].mean())})
    return pd.DataFrame(rows, columns=columns)


def verdict(net_effect: float, *, enough: bool, compared: bool) -> tuple[str, float]:
    """``(code, amount)`` of :data:`VERDICTS` (see the module docstring); the amount is NaN without a verdict."""
    if not enough:
        return "too_early", float("nan")
    if not compared or np.isnan(net_effect):
        return "no_baseline", float("nan")
    amount = float(round(net_effect))
    return ("paid_for_itself", amount) if amount >= 0 else ("cost_more", -amount)


@dataclass(frozen=True)
class PromotionReport:
    """``table``: one row per promotion (:data:`COLUMNS`); ``daily``: the compared days of the weekday
    method per promotion (``promotion_id`` and the columns of :func:`weekday_baseline`)."""

    table: pd.DataFrame
    daily: pd.DataFrame


def _money(value: float) -> float:
    return float("nan") if value is None or np.isnan(value) else float(round(value))


def promotion_report(promotions: pd.DataFrame, scope: pd.DataFrame, products: pd.DataFrame,
                     promoted: pd.DataFrame, till: pd.DataFrame, coupons: pd.DataFrame, *, as_of: date,
                     history_start: date | None, holdouts: dict | None = None, weeks: int = WEEKS,
                     min_days: int = MIN_DAYS, min_sales: int = MIN_SALES, progress=None) -> PromotionReport:
    """Score every promotion in ``promotions`` as of ``as_of`` (see the module docstring for each number).

    ``promotions``, ``scope``, ``promoted`` (lines it priced), ``till`` (every till line since the earliest
    comparison day), ``coupons``: as :mod:`~pharmadesk.analytics.frames_promotions` loads them; ``products``:
    ``product_id, category, legal_class``; ``history_start``: the first day with till sales (None: none);
    ``holdouts``: ``{promotion_id: (arms, purchases)}`` for promotions whose campaign kept a holdout, as
    :func:`.campaigns.campaign_results` takes them (purchases with ``margin``)."""
    report = progress or (lambda fraction, label: None)
    holdouts = holdouts or {}
    priced = line_figures(promoted) if len(promoted) else promoted.assign(
        paid=[], vat=[], cost=[], kept=[], sales=[], margin=[], discount=[])
    till = line_figures(till) if len(till) else till.assign(paid=[], vat=[], cost=[], kept=[], sales=[], margin=[])
    counted = coupons.set_index("promotion_id") if len(coupons) else None
    rows, daily_parts = [], []
    for i, promotion in enumerate(promotions.to_dict("records")):
        report(i / max(len(promotions), 1), f"promotion {promotion['promotion_id']}")
        pid = int(promotion["promotion_id"])
        mine = priced[priced["promotion_id"] == pid]
        kept = mine[mine["kept"] > 0]
        days = running_days(promotion, as_of)
        first, last = window(promotion, as_of)
        row = {key: promotion.get(key) for key in ("name", "kind", "label", "status", "starts_on", "ends_on")}
        row.update({
            "promotion_id": pid, "window_end": last.isoformat() if last >= first else None,
            "running_days": len(days), "sales": int(round(mine["sales"].sum())), "units": int(mine["kept"].sum()),
            "discount_cost": int(mine["discount"].sum()), "margin": int(round(mine["margin"].sum())),
            "members_reached": int(kept["member_id"].dropna().nunique()),
            "promoted_sales": int(kept["sale_id"].nunique()),
        })
        for column in ("issued", "redeemed", "expired"):
            has = counted is not None and pid in counted.index and promotion["kind"] == "coupon"
            row[f"coupons_{column}"] = int(counted.loc[pid, column]) if has else 0
        enough = len(days) >= min_days and row["promoted_sales"] >= min_sales
        row.update(_effect(promotion, days, first, last, mine, till, scope, products, history_start, holdouts.get(pid),
                           weeks, as_of, daily_parts))
        row["verdict"], row["verdict_amount"] = verdict(row["net_effect"], enough=enough,
                                                         compared=row["compared_days"] > 0)
        rows.append(row)
    report(1.0, "promotions scored")
    daily = (pd.concat(daily_parts, ignore_index=True) if daily_parts
             else pd.DataFrame(columns=["promotion_id", "day", "actual_sales", "actual_margin", "discount",
                                        "baseline_days", "expected_sales", "expected_margin"]))
    return PromotionReport(pd.DataFrame(rows, columns=COLUMNS), daily)


def _effect(promotion: dict, days: list[date], first: date, last: date, mine: pd.DataFrame, till: pd.DataFrame,
            scope: pd.DataFrame, products: pd.DataFrame, history_start: date | None, holdout, weeks: int,
            as_of: date, daily_parts: list) -> dict:
    """The ``method`` columns of one promotion: against its campaign's holdout, else the weekday baseline."""
    nan = float("nan")
    out = {"target_n": nan, "holdout_n": nan, "conversion_uplift": nan, "conversion_uplift_low": nan,
           "conversion_uplift_high": nan}
    if holdout is not None and last >= first:
        arms, purchases = holdout
        scored = campaign_results({"id": promotion["promotion_id"], "name": promotion["name"],
                                   "starts_on": first.isoformat(), "ends_on": last.isoformat(), "cost": 0},
                                  arms, purchases, as_of=as_of).iloc[0]
        if scored["holdout_n"] > 0 and scored["target_n"] > 0:
            target_per_head = scored["target_revenue"] / scored["target_n"]
            holdout_per_head = scored["holdout_revenue"] / scored["holdout_n"]
            net = float(scored["incremental_margin"])
            discount = float(mine["discount"].sum())
            out.update({
                "method": "holdout", "compared_days": len(days),
                "actual_sales": _money(scored["target_revenue"]),
                "expected_sales": _money(holdout_per_head * scored["target_n"]),
                "actual_margin": nan, "expected_margin": nan,
                "sales_uplift": target_per_head / holdout_per_head - 1 if holdout_per_head > 0 else nan,
                "target_n": int(scored["target_n"]), "holdout_n": int(scored["holdout_n"]),
                "conversion_uplift": float(scored["uplift"]), "conversion_uplift_low": float(scored["uplift_low"]),
                "conversion_uplift_high": float(scored["uplift_high"]),
                "incremental_margin": _money(net + discount), "net_effect": _money(net)})
            return out
    in_scope = scope_products(products, scope[scope["promotion_id"] == promotion["promotion_id"]],
                              bool(promotion.get("include_rx")))
    lines = till[till["product_id"].isin(in_scope)]
    daily = pd.DataFrame({"sales": lines.groupby("day")["sales"].sum(),
                          "margin": lines.groupby("day")["margin"].sum()})
    daily = daily.join(mine.groupby("day")["discount"].sum().rename("discount"), how="outer").fillna(0.0)
    compared = weekday_baseline(daily, days, history_start, weeks)
    if len(compared):
        daily_parts.append(compared.assign(promotion_id=int(promotion["promotion_id"]))[
            ["promotion_id", *compared.columns]])
    actual_sales, expected_sales = compared["actual_sales"].sum(), compared["expected_sales"].sum()
    net = float(compared["actual_margin"].sum() - compared["expected_margin"].sum()) if len(compared) else nan
    out.update({
        "method": "weekdays", "compared_days": len(compared),
        "actual_sales": _money(actual_sales) if len(compared) else nan,
        "expected_sales": _money(expected_sales) if len(compared) else nan,
        "actual_margin": _money(compared["actual_margin"].sum()) if len(compared) else nan,
        "expected_margin": _money(compared["expected_margin"].sum()) if len(compared) else nan,
        "sales_uplift": actual_sales / expected_sales - 1 if len(compared) and expected_sales > 0 else nan,
        "incremental_margin": _money(net + compared["discount"].sum()) if len(compared) else nan,
        "net_effect": _money(net)})
    return out
