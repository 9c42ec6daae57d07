"""What an analysis needs of the store's history, said plainly: every job checks here before it computes, so an
empty or too-short history (a new store, a date before the migrated history) raises an AnalyticsError that
names what is missing and how to get it, instead of an empty table or a numpy error."""

from __future__ import annotations

from datetime import date

from pharmadesk.analytics import frames
from pharmadesk.errors import QT_TRANSLATE_NOOP, AnalyticsError


def require_sales_or_stock(store, as_of: date) -> dict:
    """The history's starts (:func:`frames.history_start`); raise when there is neither a sale nor a stock move
    before ``as_of``."""
    start = frames.history_start(store, as_of)
    if start["sales"] is None and start["stock"] is None:
        raise AnalyticsError(QT_TRANSLATE_NOOP(
            "errors", "There is no sale and no stock movement before {day}: import the sales history "
                      "(pharmadesk import sales) or receive goods and sell first, or choose a later date."),
            day=as_of.isoformat())
    return start


def require_sales_days(store, as_of: date, needed: int) -> None:
    """Raise unless the sales history before ``as_of`` spans at least ``needed`` days."""
    start = frames.history_start(store, as_of)["sales"]
    if start is None:
        raise AnalyticsError(QT_TRANSLATE_NOOP(
            "errors", "This analysis needs sales history, and there is no sale before {day}: import the sales history "
                      "(pharmadesk import sales) or choose a later date."), day=as_of.isoformat())
    have = (as_of - start).days
    if have < needed:
        raise AnalyticsError(QT_TRANSLATE_NOOP(
            "errors", "This analysis needs {needed} days of sales history before {day}; the history starts {start}, only "
                      "{have} days. Choose a date on or after {earliest}, or ask for less."),
            needed=needed, day=as_of.isoformat(), start=start.isoformat(), have=have,
            earliest=date.fromordinal(start.toordinal() + needed).isoformat())


def require_baskets(store, as_of: date) -> None:
    """Raise when no sale before ``as_of`` holds two or more products (nothing to learn baskets from)."""
    if frames.history_start(store, as_of)["baskets"] is None:
        raise AnalyticsError(QT_TRANSLATE_NOOP(
            "errors", "No sale before {day} has two or more products: basket analysis learns from such sales. "
                      "Import the sales history with its receipt numbers, or choose a later date."),
            day=as_of.isoformat())
