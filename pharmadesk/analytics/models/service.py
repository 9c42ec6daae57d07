"""The owner's service figures for a period: complaint rate per 1,000 sales, time to close, follow-up reach and
conversion, ADR reports by product.

- **Complaint rate**: complaints taken in the period per 1,000 sales in the period.
- **Time to close**: median days from taking to closing, over complaints closed in the period; **on time**: the
  share of those closed by their due date. **Overdue**: complaints open at the period's end past their due date.
- **Reach**: of follow-up calls closed in the period, the share that reached the member (outcome ``reached``);
  **conversion**: of reached first-purchase calls, the share whose member bought the medicine again within
  :data:`~pharmadesk.analytics.frames_service.CONVERSION_DAYS` days.
- **ADR**: reports taken in the period by product, serious ones counted apart.
Deterministic and pure: DataFrames in, a dict and a DataFrame out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from pharmadesk.analytics.frames import day_start, local_times


@dataclass(frozen=True)
class ServiceFigures:
    complaints: int
    complaint_rate: float | None        # per 1,000 sales; None without sales
    closed: int                         # complaints closed in the period
    median_days_to_close: float | None
    on_time_share: float | None
    overdue: int                        # complaints open at the end past their due date
    calls_closed: int
    reach: float | None
    conversion: float | None
    adr_reports: int
    serious_adr: int
    adr_by_product: pd.DataFrame        # name, reports, serious (most first)
    opened_by_kind: dict                # kind -> records taken in the period


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def service_figures(data: dict, start: date, end: date) -> ServiceFigures:
    """The figures of ``[start, end)`` (local days) from :func:`pharmadesk.analytics.frames_service.service_frames`."""
    records, adr = data["records"], data["adr"]
    low, high = day_start(start), day_start(end)
    taken = records[(records["created_at"] >= low) & (records["created_at"] < high)]
    closed = records[(records["closed_at"] >= low) & (records["closed_at"] < high)]
    complaints = taken[taken["kind"] == "complaint"]
    closed_complaints = closed[closed["kind"] == "complaint"]
    days = (closed_complaints["closed_at"] - closed_complaints["created_at"]).dt.total_seconds() / 86400
    closed_day = local_times(closed_complaints["closed_at"]).dt.date.astype(str)
    on_time = int((closed_day <= closed_complaints["due_date"]).sum())
    still_open = records[(records["kind"] == "complaint") & records["closed_at"].isna()]
    overdue = int((still_open["due_date"] < end.isoformat()).sum())
    calls = closed[closed["kind"] == "follow_up"]
    reached = calls[calls["outcome"] == "reached"]
    first = reached[reached["reason"] == "first_chronic_purchase"]
    by_product = (adr.assign(serious=(adr["seriousness"] == "serious").astype(int))
                  .groupby("name", as_index=False).agg(reports=("record_id", "count"), serious=("serious", "sum"))
                  .sort_values(["reports", "name"], ascending=[False, True]).reset_index(drop=True)
                  if len(adr) else pd.DataFrame({"name": [], "reports": [], "serious": []}))
    return ServiceFigures(
        complaints=len(complaints),
        complaint_rate=len(complaints) * 1000 / data["sales"] if data["sales"] else None,
        closed=len(closed_complaints),
        median_days_to_close=float(days.median()) if len(days) else None,
        on_time_share=_share(on_time, len(closed_complaints)),
        overdue=overdue,
        calls_closed=len(calls),
        reach=_share(len(reached), len(calls)),
        conversion=_share(int(first["repurchased"].sum()), len(first)),
        adr_reports=len(adr), serious_adr=int((adr["seriousness"] == "serious").sum()) if len(adr) else 0,
        adr_by_product=by_product,
        opened_by_kind={kind: int(n) for kind, n in taken["kind"].value_counts().sort_index().items()},
    )
