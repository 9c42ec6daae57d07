"""A reorder suggestion in the owner's words, from the facts its row carries.

    reorder_reason(row)   # "Sells most days, about 12 a week; 3 days of stock left; the supplier needs
                          #  7 days; order 24."

``row`` is one row of :func:`pharmadesk.analytics.models.reorder.suggest` (a dict or a named tuple); the
sentence is a translatable :class:`~pharmadesk.wording.Text` (context ``"reorder"``) built from parts, one
per fact, so a new fact (a new result column) is one more part in :func:`reason_parts`. The technical
``why`` column (classes, methods, reorder point) stays for the details and the CLI's JSON.
"""

from __future__ import annotations

import math
from typing import Any

from pharmadesk.wording import QT_TRANSLATE_NOOP, Joined, Text

#: How a demand class sells, in words ({week}: the forecast units per week, already in words).
DEMAND_WORDS = {
    "smooth": QT_TRANSLATE_NOOP("reorder", "Sells most days, {week}"),
    "erratic": QT_TRANSLATE_NOOP("reorder", "Sells most days but in uneven amounts, {week}"),
    "intermittent": QT_TRANSLATE_NOOP("reorder", "Sells on some days only, {week}"),
    "lumpy": QT_TRANSLATE_NOOP("reorder", "Sells now and then, in uneven amounts, {week}"),
}


def _get(row: Any, key: str, default=None):
    value = row.get(key, default) if isinstance(row, dict) else getattr(row, key, default)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return default
    return value


def _t(template: str, **params) -> Text:
    return Text("reorder", template, **params)


def weekly_words(daily: float) -> Text:
    """About how many sell in a week: "about 12 a week", "about 1 a week" or "less than 1 a week"."""
    week = 7 * daily
    if week <= 0:
        return _t(QT_TRANSLATE_NOOP("reorder", "no sales expected"))
    if week < 0.95:
        return _t(QT_TRANSLATE_NOOP("reorder", "less than 1 a week"))
    return _t(QT_TRANSLATE_NOOP("reorder", "about {n} a week"), n=int(round(week)))


def stock_words(on_hand: int, daily: float) -> Text:
    """How long the stock on hand lasts at the forecast: "3 days of stock left", "out of stock"."""
    if on_hand <= 0:
        return _t(QT_TRANSLATE_NOOP("reorder", "out of stock"))
    if daily <= 0:
        return _t(QT_TRANSLATE_NOOP("reorder", "{n} in stock"), n=on_hand)
    days = int(on_hand // daily)
    if days > 365:
        return _t(QT_TRANSLATE_NOOP("reorder", "more than a year of stock left"))
    if days < 1:
        return _t(QT_TRANSLATE_NOOP("reorder", "less than a day of stock left"))
    return _t(QT_TRANSLATE_NOOP("reorder", "{n} days of stock left"), n=days)


def decision_words(row: Any) -> Text:
    """What to do: order how many (and why not more or fewer), or nothing."""
    suggested = int(_get(row, "suggested_qty", 0))
    raw = int(_get(row, "raw_qty", 0))
    multiple = int(_get(row, "order_multiple", 1))
    minimum = int(_get(row, "min_order_qty", 0))
    if raw <= 0:
        return _t(QT_TRANSLATE_NOOP("reorder", "no need to order yet"))
    if bool(_get(row, "capped", False)):
        if suggested == 0:
            return _t(QT_TRANSLATE_NOOP("reorder", "do not order: the supplier's minimum would expire before it "
                                                   "sells"))
        return _t(QT_TRANSLATE_NOOP("reorder", "order only {n}: more would expire before it sells"), n=suggested)
    if suggested > raw and suggested == max(minimum, multiple) and minimum > raw:
        return _t(QT_TRANSLATE_NOOP("reorder", "order {n} (the supplier's minimum order)"), n=suggested)
    if suggested > raw and multiple > 1:
        return _t(QT_TRANSLATE_NOOP("reorder", "order {n} (whole packs of {pack})"), n=suggested, pack=multiple)
    return _t(QT_TRANSLATE_NOOP("reorder", "order {n}"), n=suggested)


def reason_parts(row: Any) -> list[Text]:
    """The facts of ``row`` in words, in the order the owner reads them."""
    daily = float(_get(row, "forecast_daily", 0.0))
    demand = DEMAND_WORDS.get(_get(row, "demand_class", ""), DEMAND_WORDS["smooth"])
    parts = [_t(demand, week=weekly_words(daily)) if daily > 0
             else _t(QT_TRANSLATE_NOOP("reorder", "No sales expected"))]
    parts.append(stock_words(int(_get(row, "on_hand", 0)), daily))
    on_order = int(_get(row, "on_order", 0))
    if on_order > 0:
        parts.append(_t(QT_TRANSLATE_NOOP("reorder", "{n} already on order"), n=on_order))
    lead = _get(row, "lead_time_days")
    if lead is not None:
        parts.append(_t(QT_TRANSLATE_NOOP("reorder", "the supplier needs {n} days"), n=int(lead)))
    parts.append(decision_words(row))
    return parts


def reorder_reason(row: Any) -> Text:
    """The owner's "Why" for one suggestion: the parts of :func:`reason_parts` as one sentence."""
    return Joined("reorder", reason_parts(row), QT_TRANSLATE_NOOP("reorder", "; "), QT_TRANSLATE_NOOP("reorder", "."))
