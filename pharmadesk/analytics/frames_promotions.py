"""Read promotions and the lines they priced into DataFrames, for the promotion report
(:mod:`pharmadesk.analytics.models.promotions`).

The same rules as :mod:`pharmadesk.analytics.frames` (of which this is the promotions section, kept in a
module of its own): every loader checks ``Action.RUN_ANALYTICS``, reads only what happened before
``as_of`` and aggregates in SQL where it can. Days here are the store's LOCAL calendar days, like the KPI
loaders and like a promotion's calendar: "before ``as_of``" means before local midnight at the start of
``as_of``. Money stays integer minor units. Member ids appear only as numbers to count (members reached);
no name, phone or other personal data is read.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from pharmadesk.analytics.frames import day_start, local_times, query
from pharmadesk.core.permissions import Action

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

#: What every line loader returns besides its own columns: enough to work out what the line was paid, its
#: VAT, its cost and what was returned of it (:func:`pharmadesk.analytics.models.promotions.line_figures`).
LINE_COLUMNS = ("line_id", "sale_id", "at", "day", "member_id", "product_id", "quantity", "line_total",
                "unit_cost", "vat_rate_bp", "sale_total", "sale_lines_total", "returned", "refunded")

_LINE_SELECT = """
    l.id AS line_id, l.sale_id, s.at, s.member_id, l.product_id, l.quantity, l.line_total, l.unit_cost,
    l.vat_rate_bp, s.total AS sale_total,
    (SELECT SUM(l2.line_total) FROM sale_lines l2 WHERE l2.sale_id = l.sale_id) AS sale_lines_total,
    COALESCE(rt.returned, 0) AS returned, COALESCE(rt.refunded, 0) AS refunded"""
_RETURNED_JOIN = """
    LEFT JOIN (SELECT rl.sale_line_id, SUM(rl.quantity) AS returned, SUM(rl.refund) AS refunded
               FROM return_lines rl JOIN returns r ON r.id = rl.return_id WHERE r.at < ?
               GROUP BY rl.sale_line_id) rt ON rt.sale_line_id = l.id"""
_INTS = ("line_id", "sale_id", "product_id", "quantity", "line_total", "unit_cost", "vat_rate_bp", "sale_total",
         "sale_lines_total", "returned", "refunded")


def _cutoff(day: date) -> str:
    """UTC ISO text of local midnight at the start of ``day`` (sorts like the stored ``at`` strings)."""
    return day_start(day).isoformat(timespec="microseconds")


def _lines(frame: pd.DataFrame) -> pd.DataFrame:
    frame["at"] = pd.to_datetime(frame["at"], utc=True, format="ISO8601")
    frame["day"] = local_times(frame["at"]).dt.normalize() if len(frame) else pd.Series(dtype="datetime64[ns]")
    frame["member_id"] = frame["member_id"].astype("Int64")
    for column in _INTS:
        frame[column] = frame[column].fillna(0).astype("int64")
    return frame


def promotions(store: "Store", as_of: date) -> pd.DataFrame:
    """Every promotion: ``promotion_id, name, kind, label, status`` (today's), ``starts_on, ends_on`` (ISO
    dates, ``ends_on`` None when open), ``weekdays, month_days`` (as stored: '5,6', '8,18,28', '' = every
    day), ``from_time, until_time, audience, campaign_id`` (Int64), ``include_rx`` (bool) and ``ended_on``
    (the local date it was ended, if that was before ``as_of``). Like a campaign's, a promotion's definition
    is listed whatever ``as_of`` (one made today shows, not started yet); what it sold is limited by
    ``as_of`` in the other loaders. Sorted by id."""
    store.require(Action.RUN_ANALYTICS)
    frame = query(store, """
        SELECT id AS promotion_id, name, kind, label, status, starts_on, ends_on, weekdays, month_days, from_time,
               until_time, audience, campaign_id, include_rx, CASE WHEN ended_at < ? THEN ended_at END AS ended_at
        FROM promotions ORDER BY id""", (_cutoff(as_of),))
    frame["campaign_id"] = frame["campaign_id"].astype("Int64")
    frame["include_rx"] = frame["include_rx"].astype(bool)
    ended = pd.to_datetime(frame["ended_at"], utc=True, format="ISO8601")
    frame["ended_on"] = [None if pd.isna(t) else t.date() for t in local_times(ended)] if len(frame) else []
    return frame.drop(columns="ended_at")


def promotion_scope(store: "Store") -> pd.DataFrame:
    """Every promotion's scope rows: ``promotion_id, product_id`` (Int64), ``category``, ``excluded`` (bool)."""
    store.require(Action.RUN_ANALYTICS)
    frame = query(store, "SELECT promotion_id, product_id, category, excluded FROM promotion_scope "
                         "ORDER BY promotion_id, rowid")
    frame["product_id"] = frame["product_id"].astype("Int64")
    frame["excluded"] = frame["excluded"].astype(bool)
    return frame


def promoted_lines(store: "Store", as_of: date) -> pd.DataFrame:
    """One row per sale line and promotion that priced it (``sale_line_promotions``), for sales before
    ``as_of``: ``promotion_id, amount`` (that promotion's part of the line's discount) and the
    :data:`LINE_COLUMNS`: ``at`` (UTC), ``day`` (local date), ``member_id`` (Int64), the line's quantity,
    ``line_total`` (after every discount), ``unit_cost``, ``vat_rate_bp``, the sale's ``total`` and the sum of
    its line totals, and ``returned`` / ``refunded``: units taken back and money refunded on the line by
    returns made before ``as_of``."""
    store.require(Action.RUN_ANALYTICS)
    cutoff = _cutoff(as_of)
    frame = query(store, f"""
        SELECT p.promotion_id, p.amount, {_LINE_SELECT}
        FROM sale_line_promotions p JOIN sale_lines l ON l.id = p.sale_line_id JOIN sales s ON s.id = l.sale_id
        {_RETURNED_JOIN}
        WHERE s.at < ? ORDER BY p.promotion_id, l.sale_id, l.id""", (cutoff, cutoff))
    frame = _lines(frame)
    frame["amount"] = frame["amount"].astype("int64")
    return frame[["promotion_id", "amount", *LINE_COLUMNS]]


def till_lines(store: "Store", start: date, as_of: date) -> pd.DataFrame:
    """Every line of the sales rung up at this till (``source = 'till'``; imported history carries no cost)
    in the local days ``[start, as_of)``, with the :data:`LINE_COLUMNS` of :func:`promoted_lines` and the
    product's ``category`` and ``legal_class``: the in-scope sales a promotion's baseline is read from."""
    store.require(Action.RUN_ANALYTICS)
    cutoff = _cutoff(as_of)
    frame = query(store, f"""
        SELECT {_LINE_SELECT}, pr.category, pr.legal_class
        FROM sale_lines l JOIN sales s ON s.id = l.sale_id JOIN products pr ON pr.id = l.product_id
        {_RETURNED_JOIN}
        WHERE s.at >= ? AND s.at < ? AND s.source = 'till' ORDER BY l.sale_id, l.id""",
                  (cutoff, _cutoff(start), cutoff))
    return _lines(frame)[[*LINE_COLUMNS, "category", "legal_class"]]


def first_till_day(store: "Store", as_of: date) -> date | None:
    """The local day of the first sale rung up at this till before ``as_of`` (None when none): a baseline
    day before it would compare with a shop that was not using the till yet."""
    store.require(Action.RUN_ANALYTICS)
    first = store.db.scalar("SELECT MIN(at) FROM sales WHERE source = 'till' AND at < ?", (_cutoff(as_of),))
    if first is None:
        return None
    return local_times(pd.Series(pd.to_datetime([first], utc=True, format="ISO8601"))).iloc[0].date()


def coupon_counts(store: "Store", as_of: date) -> pd.DataFrame:
    """Per coupon promotion, its coupons issued before ``as_of``: ``promotion_id, issued, redeemed`` (redeemed
    before ``as_of`` and not given back by a return since), ``expired`` (last valid day before ``as_of``, neither
    redeemed nor voided) and ``voided``."""
    store.require(Action.RUN_ANALYTICS)
    cutoff = _cutoff(as_of)
    frame = query(store, """
        WITH c AS (
            SELECT promotion_id, expires_on,
                   redeemed_at IS NOT NULL AND redeemed_at < ? AND (restored_at IS NULL OR restored_at >= ?)
                       AS redeemed,
                   voided_at IS NOT NULL AND voided_at < ? AS voided
            FROM coupons WHERE issued_at < ?)
        SELECT promotion_id, COUNT(*) AS issued, SUM(redeemed) AS redeemed,
               SUM(NOT redeemed AND NOT voided AND expires_on < ?) AS expired, SUM(voided) AS voided
        FROM c GROUP BY promotion_id ORDER BY promotion_id""",
                  (cutoff, cutoff, cutoff, cutoff, as_of.isoformat()))
    return frame.fillna(0).astype("int64")


def promotions_stamp(store: "Store") -> str:
    """A short text that changes when a promotion is made or changes status, a coupon is issued or a promoted
    line is sold: a page caches its promotion report until it does (the last sale id alone misses new
    promotions)."""
    store.require(Action.RUN_ANALYTICS)
    row = store.db.execute("""
        SELECT (SELECT COUNT(*) FROM promotions), (SELECT COALESCE(MAX(id), 0) FROM promotions),
               (SELECT COUNT(*) FROM promotions WHERE status = 'active'),
               (SELECT COUNT(*) FROM promotions WHERE status = 'ended'),
               (SELECT COUNT(*) FROM coupons), (SELECT COUNT(*) FROM sale_line_promotions),
               (SELECT COUNT(*) FROM returns)""").fetchone()
    return ":".join(str(value) for value in row)
