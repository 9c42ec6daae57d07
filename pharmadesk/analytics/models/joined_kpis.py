"""The owner's numbers that other analyses own (DOMAIN.md "Owner's numbers"), for a period and the one before,
ready for ``kpis.owner_kpis(..., **joined_kpis.for_periods(store, start, end))``:

- ``reminder_conversion``: of the care reminders issued in the period (birthdays left out), the share followed
  by a refill within 7 days (:func:`pharmadesk.analytics.models.reminders.reminder_conversion`, same rule). Fills are
  read up to today, so reminders of the period's last week may still convert.
- ``campaign_conversion``, ``roi``, ``cac``: over the campaigns whose window **ended** in the period, scored
  against their random holdout (:func:`pharmadesk.analytics.models.campaigns.campaign_results`), pooled: conversion
  uplift = incremental converters / people contacted; ROI = (incremental margin - cost) / cost; CAC = cost /
  incremental converters. NaN when no campaign ended in the period.

Lifetime value is on the Member value page (a model fit of several seconds), not joined here.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from pharmadesk.analytics.models import campaigns as campaign_scoring
from pharmadesk.analytics import frames
from pharmadesk.analytics.models import reminders


def reminder_conversion(log: pd.DataFrame, fills: pd.DataFrame, start: date, end: date) -> float:
    """Share of the period's care reminders (``[start, end)`` by the day issued) followed by a refill."""
    issued = log[(log["created"] >= pd.Timestamp(start)) & (log["created"] < pd.Timestamp(end))]
    table = reminders.reminder_conversion(issued, fills)
    return float(table["conversion"].iloc[-1]) if len(table) else float("nan")


def campaign_figures(store, start: date, end: date, as_of: date) -> dict[str, float]:
    """Pooled uplift, ROI and CAC of the campaigns whose window ended in ``[start, end)``."""
    scored = []
    for campaign in store.campaigns.list():
        ends_on = date.fromisoformat(campaign["ends_on"])
        if not start <= ends_on < end or ends_on >= as_of:
            continue
        details, arms = frames.campaign_frame(store, campaign["id"], as_of)
        window = frames.member_purchase_days(store, ends_on + timedelta(days=1),
                                             start=date.fromisoformat(details["starts_on"]), margin=True)
        scored.append(campaign_scoring.campaign_results(details, arms, window, as_of=as_of).iloc[0])
    if not scored:
        return {"campaign_conversion": float("nan"), "roi": float("nan"), "cac": float("nan")}
    table = pd.DataFrame(scored)
    contacted, converters = table["target_n"].sum(), table["incremental_converters"].sum()
    cost, margin = table["cost"].sum(), table["incremental_margin"].sum()
    return {"campaign_conversion": float(converters / contacted) if contacted else float("nan"),
            "roi": float((margin - cost) / cost) if cost > 0 else float("nan"),
            "cac": float(cost / converters / 100) if converters > 0 else float("nan")}   # currency units


def for_periods(store, start: date, end: date, as_of: date | None = None) -> dict[str, tuple[float, float]]:
    """``{kpi: (current, previous)}`` for ``[start, end)`` and the period of equal length before it."""
    as_of = as_of or end
    previous_start = start - (end - start)
    log = frames.care_reminder_log(store, as_of)
    fills = frames.care_fills(store, as_of)
    joined = {"reminder_conversion": (reminder_conversion(log, fills, start, end),
                                      reminder_conversion(log, fills, previous_start, start))}
    current, previous = campaign_figures(store, start, end, as_of), campaign_figures(store, previous_start, start,
                                                                                      as_of)
    joined.update({kpi: (current[kpi], previous[kpi]) for kpi in current})
    return {kpi: tuple(np.nan if v is None else v for v in pair) for kpi, pair in joined.items()}
