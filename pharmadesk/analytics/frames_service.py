"""Read service records into DataFrames for the service figures (:mod:`pharmadesk.analytics.models.service`).

The same rules as :mod:`pharmadesk.analytics.frames` (of which this is the service section): the loaders check
``Action.RUN_ANALYTICS``, days are the store's local calendar days, and nothing personal is read — no account, resolution,
note or reaction text, no member beyond a number to count.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from pharmadesk.analytics.frames import day_start, query
from pharmadesk.core.permissions import Action

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

#: A first-purchase call converts when the member buys the same medicine again within this many days of the call.
CONVERSION_DAYS = 60


def _cutoff(day: date) -> str:
    return day_start(day).isoformat(timespec="microseconds")


def service_records(store: "Store", end: date) -> pd.DataFrame:
    """Every record taken before local ``end``: ``record_id, kind, reason, status, outcome, created_at,
    closed_at`` (UTC timestamps; closed_at NaT while open or when closed after ``end``), ``due_date`` (date text)
    and ``calls`` (call attempts), ``repurchased`` (a first-purchase call whose member bought the medicine again
    within :data:`CONVERSION_DAYS` of the call's close, before ``end``)."""
    store.require(Action.RUN_ANALYTICS)
    cutoff = _cutoff(end)
    frame = query(store, f"""
        SELECT r.id AS record_id, r.kind, r.reason, r.created_at, r.due_date,
               CASE WHEN r.closed_at < ? THEN r.closed_at END AS closed_at,
               CASE WHEN r.closed_at < ? THEN r.outcome END AS outcome,
               (SELECT count(*) FROM service_notes n WHERE n.record_id = r.id AND n.outcome IS NOT NULL
                  AND n.outcome <> 'corrected' AND n.at < ?) AS calls,
               CASE WHEN r.kind = 'follow_up' AND r.reason = 'first_chronic_purchase' AND r.closed_at < ?
                 AND EXISTS (SELECT 1 FROM sales s JOIN sale_lines l ON l.sale_id = s.id
                             JOIN service_record_products rp ON rp.record_id = r.id AND rp.product_id = l.product_id
                             WHERE s.member_id = r.member_id AND s.at > r.closed_at AND s.at < ?
                               AND julianday(s.at) - julianday(r.closed_at) <= {CONVERSION_DAYS})
                 THEN 1 ELSE 0 END AS repurchased
        FROM service_records r WHERE r.created_at < ? ORDER BY r.id
        """, (cutoff,) * 6)
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True, format="ISO8601")
    frame["closed_at"] = pd.to_datetime(frame["closed_at"], utc=True, format="ISO8601")
    frame["status"] = frame["closed_at"].notna().map({True: "closed", False: "open"})
    for column in ("calls", "repurchased", "record_id"):
        frame[column] = frame[column].astype("int64")
    return frame


def adr_reports(store: "Store", start: date, end: date) -> pd.DataFrame:
    """ADR reports taken in ``[start, end)``: ``record_id, product_id, name, seriousness``."""
    store.require(Action.RUN_ANALYTICS)
    return query(store, """
        SELECT a.record_id, a.product_id, p.name, a.seriousness
        FROM adr_reports a JOIN service_records r ON r.id = a.record_id JOIN products p ON p.id = a.product_id
        WHERE r.created_at >= ? AND r.created_at < ? ORDER BY a.record_id
        """, (_cutoff(start), _cutoff(end)))


def sales_count(store: "Store", start: date, end: date) -> int:
    """Till and imported sales in ``[start, end)``: the denominator of the complaint rate."""
    store.require(Action.RUN_ANALYTICS)
    return int(store.db.scalar("SELECT count(*) FROM sales WHERE at >= ? AND at < ?", (_cutoff(start), _cutoff(end))))


def service_frames(store: "Store", start: date, end: date) -> dict:
    """What :func:`pharmadesk.analytics.models.service.service_figures` needs for ``[start, end)``."""
    return {"records": service_records(store, end), "adr": adr_reports(store, start, end),
            "sales": sales_count(store, start, end)}
