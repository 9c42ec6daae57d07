"""One member's story in time order: registration, consents, sales, returns, points, care reminders and their
outcomes, and service records — ``store.members.timeline(member_id)``.

What a member bought, the reminders about their medicines and their service records are health data: only roles
that see the full member record (:attr:`Action.VIEW_MEMBER_FULL`) get them. Other staff see the registration,
consents, points and each sale as a receipt number and total, without its products.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from pharmadesk.core.permissions import Action
from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

KINDS = ("registered", "consent", "sale", "return", "points", "reminder", "reminder_outcome", "service")
HEALTH_KINDS = frozenset({"reminder", "reminder_outcome", "service"})


@dataclass(frozen=True)
class TimelineEvent:
    """One event: when (ISO UTC), what kind (:data:`KINDS`), and its facts as plain values for the page to word."""

    at: str
    kind: str
    facts: dict = field(default_factory=dict)
    health: bool = False


def member_timeline(store: "Store", member_id: int, kinds: Iterable[str] | None = None) -> list[TimelineEvent]:
    """The member's events, newest first, limited to ``kinds`` and to what the logged-in role may see."""
    store.require_user()
    wanted = set(KINDS if kinds is None else kinds)
    if wanted - set(KINDS):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown kind of timeline event."))
    full = store.may(Action.VIEW_MEMBER_FULL)
    if not full:
        wanted -= HEALTH_KINDS
    member = store.members.row(member_id)
    db = store.db
    events: list[TimelineEvent] = []
    if "registered" in wanted:
        events.append(TimelineEvent(member["registered_at"], "registered", {"card_no": member["card_no"]}))
    if "consent" in wanted:
        events += [TimelineEvent(r["at"], "consent", {"consent": r["kind"], "granted": bool(r["granted"]),
                                                      "source": r["source"]})
                   for r in db.all("SELECT kind, granted, at, source FROM member_consents WHERE member_id = ?",
                                   (member_id,))]
    if "sale" in wanted:
        for sale in db.all("SELECT id, receipt_no, at, total FROM sales WHERE member_id = ?", (member_id,)):
            facts = {"receipt_no": sale["receipt_no"], "total": sale["total"]}
            if full:
                facts["products"] = [r["name"] for r in db.all(
                    "SELECT p.name FROM sale_lines l JOIN products p ON p.id = l.product_id WHERE l.sale_id = ? "
                    "ORDER BY l.id", (sale["id"],))]
            events.append(TimelineEvent(sale["at"], "sale", facts))
    if "return" in wanted:
        events += [TimelineEvent(r["at"], "return", {"return_no": r["return_no"], "refund": r["refund_total"]})
                   for r in db.all("SELECT r.return_no, r.at, r.refund_total FROM returns r "
                                   "JOIN sales s ON s.id = r.original_sale_id WHERE s.member_id = ?", (member_id,))]
    if "points" in wanted:
        events += [TimelineEvent(r["at"], "points", {"delta": r["delta"], "reason": r["reason"]})
                   for r in db.all("SELECT at, delta, reason FROM points_ledger WHERE member_id = ? AND delta <> 0",
                                   (member_id,))]
    if "reminder" in wanted:
        events += [TimelineEvent(r["created_at"], "reminder", {"reminder": r["kind"], "product": r["product"],
                                                                "due_date": r["due_date"], "channel": r["channel"]},
                                 health=True)
                   for r in db.all("SELECT r.created_at, r.kind, p.name AS product, r.due_date, r.channel "
                                   "FROM care_reminders r LEFT JOIN products p ON p.id = r.product_id "
                                   "WHERE r.member_id = ?", (member_id,))]
    if "reminder_outcome" in wanted:
        events += [TimelineEvent(r["at"], "reminder_outcome", {"outcome": r["outcome"], "channel": r["channel"]},
                                 health=True)
                   for r in db.all("SELECT o.at, o.outcome, o.channel FROM care_reminder_outcomes o "
                                   "JOIN care_reminders r ON r.id = o.reminder_id WHERE r.member_id = ?",
                                   (member_id,))]
    if "service" in wanted:
        events += [TimelineEvent(r["created_at"], "service", {
            "record_id": r["id"], "service": r["kind"], "status": r["status"], "outcome": r["outcome"],
            "account": r["account"]}, health=True)
            for r in db.all("SELECT id, created_at, kind, status, outcome, account FROM service_records "
                            "WHERE member_id = ?", (member_id,))]
    events.sort(key=lambda event: event.at, reverse=True)
    return events
