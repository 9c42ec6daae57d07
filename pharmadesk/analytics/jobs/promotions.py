"""The promotion report job: per promotion its sales, discount cost, margin and members reached, and whether
it paid for itself (against its campaign's holdout, else the same weekdays before;
:mod:`~pharmadesk.analytics.models.promotions` says how each number is computed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from pharmadesk.analytics import frames, frames_promotions
from pharmadesk.analytics.models import promotions
from pharmadesk.analytics.result import Cancel, Progress, Result, Steps
from pharmadesk.wording import QT_TRANSLATE_NOOP, Text

PROMOTION_NOTES = (
    Text("analytics", QT_TRANSLATE_NOOP("analytics", "Margin = paid - VAT - cost of the promoted lines, after "
                                                     "returns.")),
    Text("analytics", QT_TRANSLATE_NOOP(
        "analytics", "Effect: with a held-out group, the campaign group against it (95 % Newcombe range on "
                     "conversion); otherwise sales on the promotion's days against the same weekdays before it (this "
                     "does not see seasons or sales taken from other products).")),
    Text("analytics", QT_TRANSLATE_NOOP("analytics", "Net effect = extra margin - discount given.")),
)


@dataclass(frozen=True)
class PromotionParams:
    """``weeks``: comparison days per running day for the weekday baseline (default 4); ``min_days`` /
    ``min_sales``: fewer running days or promoted sales than this is "too early to tell"; ``promotion_id``:
    one promotion (None: every promotion)."""

    weeks: int = promotions.WEEKS
    min_days: int = promotions.MIN_DAYS
    min_sales: int = promotions.MIN_SALES
    promotion_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class PromotionsResult(Result):
    """``frame``: one row per promotion, newest first (:data:`~pharmadesk.analytics.models.promotions.COLUMNS`);
    ``daily``: the weekday method's compared days (actual vs expected sales and margin per promotion and day)."""

    daily: pd.DataFrame


def _holdout(store, promotion: dict, as_of: date):
    """``(arms, purchases)`` of the campaign a promotion's members came from, over the promotion's window;
    None when it has no campaign, has not started, or the campaign kept no holdout."""
    if pd.isna(promotion["campaign_id"]):
        return None
    first, last = promotions.window(promotion, as_of)
    if last < first:
        return None
    _campaign, arms = frames.campaign_frame(store, int(promotion["campaign_id"]), as_of)
    if not (arms["arm"] == "holdout").any():
        return None
    purchases = frames.member_purchase_days(store, last + timedelta(days=1), start=first, margin=True)
    return arms, purchases


def run_promotion_report(store, as_of: date, params: PromotionParams = PromotionParams(), progress: Progress = None,
                         cancel: Cancel = None) -> PromotionsResult:
    """Every promotion's results as of ``as_of`` (:func:`~pharmadesk.analytics.models.promotions.promotion_report`)."""
    steps = Steps(progress, cancel)
    steps(0.02, "promotions")
    listed = frames_promotions.promotions(store, as_of)
    if params.promotion_id is not None:
        listed = listed[listed["promotion_id"] == params.promotion_id]
    starts = [date.fromisoformat(s) for s in listed["starts_on"]]
    # a comparison day is never more than `weeks` weeks before the promotion started
    earliest = min(starts, default=as_of) - timedelta(weeks=params.weeks)
    history_start = frames_promotions.first_till_day(store, as_of)
    if history_start is not None:
        earliest = max(earliest, history_start)
        earliest = min(earliest, as_of)
    steps(0.1, "promoted lines")
    promoted = frames_promotions.promoted_lines(store, as_of)
    steps(0.3, "in-scope sales")
    till = frames_promotions.till_lines(store, earliest, as_of)
    steps(0.6, "holdouts")
    holdouts = {}
    for promotion in listed.to_dict("records"):
        found = _holdout(store, promotion, as_of)
        if found is not None:
            holdouts[int(promotion["promotion_id"])] = found
    catalogue = frames.products(store)[["product_id", "category", "legal_class"]]
    report = promotions.promotion_report(
        listed, frames_promotions.promotion_scope(store), catalogue, promoted, till,
        frames_promotions.coupon_counts(store, as_of), as_of=as_of, history_start=history_start, holdouts=holdouts,
        weeks=params.weeks, min_days=params.min_days, min_sales=params.min_sales, progress=steps.part(0.7, 0.98))
    table = report.table.sort_values("promotion_id", ascending=False, kind="stable").reset_index(drop=True)
    steps(1.0, "done")
    return PromotionsResult(frame=table, params=params, notes=PROMOTION_NOTES, daily=report.daily)
