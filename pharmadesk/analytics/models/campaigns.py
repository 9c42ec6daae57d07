"""Campaign results: conversion in the target group against the random holdout, uplift, ROI, CLV/CAC.

    campaign, arms = frames.campaign_frame(store, campaign_id, as_of)
    window = frames.member_purchase_days(store, min(as_of, end + 1 day), start=starts_on, margin=True)
    clv = value.member_value(frames.member_purchase_days(store, starts_on), starts_on).table   # before it
    result = campaign_results(campaign, arms, window, clv=clv)

Definitions (one row per campaign; money in minor units):

- **Conversion**: a member of an arm converted when they bought at least once in the window
  ``starts_on .. ends_on`` (both days included, UTC dates). ``rate = converters / members`` per arm.
- **Uplift** = target rate - holdout rate, with a 95 % confidence interval by **Newcombe's hybrid
  score method** (Newcombe 1998, method 10): the difference of the two Wilson score intervals
  (``scipy.stats.norm`` quantile). It stays inside [-1, 1] and behaves with small groups and rates
  near 0 or 1, where the normal (Wald) approximation does not.
- **Incremental converters** = uplift x target size. **Incremental revenue / gross margin** = (mean per
  target member - mean per holdout member) x target size, from what members paid in the window
  (refunds netted) and its gross margin (paid - VAT - cost of goods).
- **ROI** = (incremental gross margin - cost) / cost. **CAC** = cost / incremental converters (NaN when
  the campaign produced no extra converters). **CLV** = the mean 12-month CLV (:mod:`value`, fitted on
  data before the window) of the target group's converters, times the window's gross-margin ratio (a
  margin CLV, comparable with a cost); **CLV/CAC** = CLV / CAC.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Callable

import numpy as np
import pandas as pd
from scipy import stats

Progress = Callable[[float, str], None] | None

CONFIDENCE = 0.95


def wilson_interval(successes: int, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Wilson score interval for a proportion (Wilson 1927); (nan, nan) when ``n`` is 0."""
    if n <= 0:
        return float("nan"), float("nan")
    z = stats.norm.ppf(0.5 + confidence / 2)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return float(max(0.0, centre - half)), float(min(1.0, centre + half))


def newcombe_interval(x1: int, n1: int, x2: int, n2: int,
                      confidence: float = CONFIDENCE) -> tuple[float, float, float]:
    """(difference, low, high) for p1 - p2 by Newcombe's hybrid score interval (1998, method 10)."""
    if n1 <= 0 or n2 <= 0:
        return float("nan"), float("nan"), float("nan")
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson_interval(x1, n1, confidence)
    l2, u2 = wilson_interval(x2, n2, confidence)
    d = p1 - p2
    return d, d - float(np.hypot(p1 - l1, u2 - p2)), d + float(np.hypot(u1 - p1, p2 - l2))


def _day(value) -> pd.Timestamp:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return pd.Timestamp(value)


def campaign_results(campaign: dict, arms: pd.DataFrame, purchases: pd.DataFrame, *,
                     as_of: date | None = None, clv: pd.DataFrame | None = None, confidence: float = CONFIDENCE,
                     progress: Progress = None) -> pd.DataFrame:
    """Score one campaign (see the module docstring for every definition).

    ``campaign``: dict with ``id, name, starts_on, ends_on, cost`` (as :func:`frames.campaign_frame`).
    ``arms``: ``member_id, arm`` ('target' / 'holdout'). ``purchases``: ``member_id, day, revenue,
    margin`` (one row per member and day, as :func:`frames.member_purchase_days` with ``margin=True``);
    rows outside the window are ignored. ``clv``: optional ``member_id, clv`` (from
    :func:`value.member_value` fitted before the window). ``as_of``: the day the data stops (only
    used to say whether the window is complete). Deterministic.

    Returns one row: ``campaign_id, name, starts_on, ends_on, window_complete`` (False when ``as_of`` is
    not after ``ends_on``: the window is still running), ``target_n, holdout_n, target_converters,
    holdout_converters, target_rate, holdout_rate, uplift, uplift_low, uplift_high, confidence,
    incremental_converters, target_revenue, holdout_revenue, incremental_revenue, incremental_margin,
    cost, roi, cac, clv, clv_to_cac``.
    """
    report = progress or (lambda fraction, label: None)
    report(0.0, "scoring campaign")
    start, end = _day(campaign["starts_on"]), _day(campaign["ends_on"])
    days = pd.to_datetime(purchases["day"])
    window = purchases.loc[(days >= start) & (days <= end)]
    if "margin" not in window:
        window = window.assign(margin=np.nan)
    per_member = window.groupby("member_id").agg(revenue=("revenue", "sum"), margin=("margin", "sum"))
    table = arms.set_index("member_id").join(per_member)
    table["converted"] = table["revenue"].notna()
    table[["revenue", "margin"]] = table[["revenue", "margin"]].fillna(0.0)
    target, holdout = table[table["arm"] == "target"], table[table["arm"] == "holdout"]
    n1, n2 = len(target), len(holdout)
    x1, x2 = int(target["converted"].sum()), int(holdout["converted"].sum())
    uplift, low, high = newcombe_interval(x1, n1, x2, n2, confidence)

    def per_head(frame, column):
        return frame[column].sum() / len(frame) if len(frame) else float("nan")

    incremental_revenue = (per_head(target, "revenue") - per_head(holdout, "revenue")) * n1
    incremental_margin = (per_head(target, "margin") - per_head(holdout, "margin")) * n1
    incremental_converters = uplift * n1
    cost = float(campaign.get("cost") or 0)
    roi = (incremental_margin - cost) / cost if cost > 0 else float("nan")
    cac = cost / incremental_converters if incremental_converters > 0 else float("nan")
    clv_margin = float("nan")
    if clv is not None and x1:
        converters = target.index[target["converted"]]
        member_clv = clv.set_index("member_id")["clv"].reindex(converters)
        revenue = window["revenue"].sum()
        margin_ratio = window["margin"].sum() / revenue if revenue > 0 else float("nan")
        clv_margin = float(member_clv.fillna(0.0).mean() * margin_ratio)
    report(1.0, "done")
    return pd.DataFrame([{
        "campaign_id": campaign.get("id"), "name": campaign.get("name"),
        "starts_on": str(start.date()), "ends_on": str(end.date()),
        "window_complete": True if as_of is None else bool(_day(as_of) > end),
        "target_n": n1, "holdout_n": n2, "target_converters": x1, "holdout_converters": x2,
        "target_rate": x1 / n1 if n1 else float("nan"), "holdout_rate": x2 / n2 if n2 else float("nan"),
        "uplift": uplift, "uplift_low": low, "uplift_high": high, "confidence": confidence,
        "incremental_converters": incremental_converters,
        "target_revenue": float(target["revenue"].sum()), "holdout_revenue": float(holdout["revenue"].sum()),
        "incremental_revenue": incremental_revenue, "incremental_margin": incremental_margin,
        "cost": cost, "roi": roi, "cac": cac, "clv": clv_margin,
        "clv_to_cac": clv_margin / cac if cac and np.isfinite(cac) and cac > 0 else float("nan"),
    }])
