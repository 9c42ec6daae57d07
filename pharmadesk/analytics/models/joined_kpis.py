"""The owner's numbers that other analyses own (DOMAIN.md "Owner's numbers"), for a period and the one before,
ready for ``kpis.owner_kpis(..., **joined_kpis.for_periods(data, start, end, as_of))`` where ``data`` is
:func:`pharmadesk.analytics.frames.joined_kpi_frames` over both periods:

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

from datetime import date

import numpy as np
import pandas as pd

from pharmadesk.analytics.models import campaigns as campaign_scoring
from pharmadesk.analytics.models import reminders


def reminder_conversion(log: pd.DataFrame, fills: pd.DataFrame, start: date, end: date) -> float:
    """Share of the period's care reminders (``[start, end)`` by the day issued) followed by a refill."""
    issued = log[(log["created"] >= pd.Timestamp(start)) & (log["created"] < pd.Timestamp(end))]
    table = reminders.reminder_conversion(issued, fills)
    return float(table["conversion"].iloc[-1]) if len(table) else float("nan")


def campaign_figures(ended: list[tuple[dict, pd.DataFrame, pd.DataFrame]], start: date, end: date,
                     as_of: date) -> dict[str, float]:
    """Pooled uplift, ROI and CAC of the campaigns whose window ended in ``[start, end)``; ``ended`` holds
    ``(campaign, arms, window purchases)`` as :func:`pharmadesk.analytics.frames.joined_kpi_frames` loads them."""
    scored = []
    for details, arms, window in ended:
        ends_on = date.fromisoformat(details["ends_on"])
        if not start <= ends_on < end or ends_on >= as_of:
            continue
        scored.append(campaign_scoring.campaign_results(details, arms, window, as_of=as_of).iloc[0])
    if not scored:
        return {"campaign_conversion": float("nan"), "roi": float("nan"), "cac": float("nan")}
    table = pd.DataFrame(scored)
    contacted, converters = table["target_n"].sum(), table["incremental_converters"].sum()
    cost, margin = table["cost"].sum(), table["incremental_margin"].sum()
    return {"campaign_conversion": float(converters / contacted) if contacted else float("nan"),
            "roi": float((margin - cost) / cost) if cost > 0 else float("nan"),
            "cac": float(cost / converters / 100) if converters > 0 else float("nan")}   # currency units


def for_periods(data: dict, start: date, end: date, as_of: date | None = None) -> dict[str, tuple[float, float]]:
    """``{kpi: (current, previous)}`` for ``[start, end)`` and the period of equal length before it, from
    :func:`pharmadesk.analytics.frames.joined_kpi_frames` loaded over both periods."""
    as_of = as_of or end
    previous_start = start - (end - start)
    log, fills, ended = data["log"], data["fills"], data["campaigns"]
    joined = {"reminder_conversion": (reminder_conversion(log, fills, start, end),
                                      reminder_conversion(log, fills, previous_start, start))}
    current = campaign_figures(ended, start, end, as_of)
    previous = campaign_figures(ended, previous_start, start, as_of)
    joined.update({kpi: (current[kpi], previous[kpi]) for kpi in current})
    return {kpi: tuple(np.nan if v is None else v for v in pair) for kpi, pair in joined.items()}
