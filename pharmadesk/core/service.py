"""Member service records: complaints, follow-up calls (回访), enquiries, adverse drug reaction reports (ADR,
药品不良反应) and return / quality feedback — ``store.service``.

    rid = store.service.record("complaint", "Box was crushed", member_id=7, sale_id=120, product_ids=[31])
    store.service.start(rid, "Called the supplier")              # open -> in progress
    store.service.close(rid, "Replaced the box", outcome="resolved")
    store.service.schedule_follow_ups()                           # calls after first purchases of chronic medicines
    store.service.record_call(call_id, "reached", "Taking it daily, no side effects")
    store.service.report_adr(AdrFacts(...), member_id=7)         # the national ADR form's facts

Rules:

- **Statuses** run open → in progress → closed; a closed record reopens only with a reason (the owner). Each
  step is a note (who, when, the status after it, text), so the record carries its own history.
- **Complaints** are due ``complaint_close_days`` (setting) after they are taken; an open complaint past its due
  date is overdue and shows on the owner's dashboard. Closing needs a resolution. Closing a member's complaint
  schedules a follow-up call ``complaint_follow_up_days`` later, when the member agreed to care contact.
- **Follow-up calls** are scheduled after the first purchase of a maintenance medicine (one with days of supply,
  a new molecule for the member) ``follow_up_after_days`` later, and after complaints; only members with care
  consent get them and are listed (the consent is checked again when the list is drawn, so a withdrawal takes
  effect at once). A call records its outcome: ``no_answer`` keeps it open for another try (at most
  ``CALL_ATTEMPTS``), the other outcomes close it.
- **ADR reports** record the suspect product and batch, the reaction, its onset, seriousness and outcome, and the
  reporter; a serious ADR puts the batch on quality hold when the Chinese GSP profile is on: its sellable units go
  to quarantine (``store.quality.post_quarantine``, reference ``service_record``) until a pharmacist releases or
  disposes of them, so the suspect batch is not sold while the report is investigated.
- **Who**: every user may take a complaint, an enquiry or feedback at the counter (:attr:`Action.RECORD_SERVICE`);
  reading accounts, handling, calls and ADR reports need :attr:`Action.HANDLE_SERVICE` (pharmacist, owner);
  reopening and corrections are the owner's (:attr:`Action.CORRECT_SERVICE`).
- **Privacy**: the account, resolution, notes and the ADR's reaction and usage are health data: they are in the
  member's export, corrected by the owner, and set to NULL at erasure (``store.privacy``); audit entries
  and log lines carry ids, kinds and statuses only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable

from pharmadesk.core.permissions import Action
from pharmadesk.core.privacy import consent_filter
from pharmadesk.core.stock import SELLABLE
from pharmadesk.core.timeutil import from_iso, parse_date, to_iso
from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

KINDS = ("complaint", "follow_up", "enquiry", "adr", "quality_feedback")
COUNTER_KINDS = ("complaint", "enquiry", "quality_feedback")     # what anyone at the counter may take
STATUSES = ("open", "in_progress", "closed")
#: The codes a record of each kind may close with.
OUTCOMES = {
    "complaint": ("resolved", "refunded", "replaced", "not_upheld", "referred"),
    "follow_up": ("reached", "no_answer", "declined", "wrong_number"),
    "enquiry": ("answered", "referred"),
    "adr": ("reported", "not_reportable"),
    "quality_feedback": ("resolved", "refunded", "replaced", "not_upheld", "referred"),
}
CALL_ATTEMPTS = 3                  # a call with no answer this many times closes as no_answer
SERIOUSNESS = ("general", "serious")
# The quarantine record's reason for a batch held after a serious ADR, in the store's language: it is printed
# on the GSP quarantine form, so it names the cause only, never the reaction or the member.
ADR_HOLD_REASON = {"en": "Held: serious adverse drug reaction reported",
                   "zh_CN": "严重药品不良反应报告，暂停销售待查"}
ADR_OUTCOMES = ("recovered", "improving", "not_recovered", "sequelae", "death", "unknown")
_MAX_TEXT = 4000


@dataclass(frozen=True)
class AdrFacts:
    """The facts of an adverse drug reaction, as the national report form asks for them."""

    product_id: int
    reaction: str                  # what happened, in the reporter's words
    onset_date: date | str
    seriousness: str               # SERIOUSNESS
    outcome: str                   # ADR_OUTCOMES
    reporter: str                  # name and title of the staff member reporting
    batch_id: int | None = None
    usage: str | None = None       # dose, route, frequency and dates taken


@dataclass(frozen=True)
class ServiceNote:
    at: str
    user_id: int
    status: str
    outcome: str | None
    text: str | None


@dataclass(frozen=True)
class ServiceRecord:
    id: int
    kind: str
    member_id: int | None
    sale_id: int | None
    account: str | None
    status: str
    due_date: str | None
    outcome: str | None
    resolution: str | None
    reason: str
    origin_id: int | None
    created_at: str
    created_by: int
    closed_at: str | None
    closed_by: int | None
    product_ids: tuple[int, ...] = ()
    notes: tuple[ServiceNote, ...] = ()
    adr: dict | None = None

    def overdue(self, today: date) -> bool:
        """An open complaint or call past its due date."""
        return self.status != "closed" and self.due_date is not None and date.fromisoformat(self.due_date) < today


def clean_text(text, field: str, required: bool = True) -> str | None:
    """One free-text field: spaces tidied, required unless told, at most a few thousand characters."""
    value = " ".join(str(text or "").split()) if text is not None else ""
    if not value:
        if required:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter the text."), field=field)
        return None
    if len(value) > _MAX_TEXT:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field} is too long."), field=field)
    return value


class Service:
    """Service records as use cases: ``store.service``."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- taking a record --------------------------------------------------------------------------------------

    def record(self, kind: str, account: str, member_id: int | None = None, sale_id: int | None = None,
               product_ids: Iterable[int] = (), due_date: date | str | None = None) -> int:
        """Take a complaint, an enquiry, feedback or a manual follow-up call; returns its id.

        A complaint is due ``complaint_close_days`` from today; a call on ``due_date`` (default today).
        """
        store = self._store
        if kind not in KINDS or kind == "adr":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown kind of service record."))
        store.require(Action.RECORD_SERVICE if kind in COUNTER_KINDS else Action.HANDLE_SERVICE)
        text = clean_text(account, QT_TRANSLATE_NOOP("fields", "Account"), required=kind != "follow_up")
        member_id = self._member(member_id, needed=kind == "follow_up")
        sale_id = self._sale(sale_id, member_id)
        products = self._products(product_ids)
        today = store.today()
        if kind == "complaint":
            due = today + timedelta(days=store.settings.complaint_close_days)
        elif kind == "follow_up":
            due = parse_date(due_date, "due date") if due_date else today
            if not self._may_call(member_id):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "This member has not agreed to care calls; record the call only with their consent."))
        else:
            due = None
        with store.db.transaction():
            record_id = self._insert(kind, member_id, sale_id, text, due, products)
        log.info("service record %d taken (%s)", record_id, kind)
        return record_id

    def report_adr(self, facts: AdrFacts, member_id: int | None = None, sale_id: int | None = None,
                   account: str | None = None) -> int:
        """Record an adverse drug reaction report; a serious one puts its batch on quality hold under the Chinese
        GSP profile. Returns the record's id."""
        store = self._store
        store.require(Action.HANDLE_SERVICE)
        member_id = self._member(member_id, needed=False)
        sale_id = self._sale(sale_id, member_id)
        product = store.catalog.get(int(facts.product_id))
        batch_id = self._batch(facts.batch_id, product.id)
        reaction = clean_text(facts.reaction, QT_TRANSLATE_NOOP("fields", "Reaction"))
        usage = clean_text(facts.usage, QT_TRANSLATE_NOOP("fields", "Usage"), required=False)
        reporter = clean_text(facts.reporter, QT_TRANSLATE_NOOP("fields", "Reporter"))
        onset = parse_date(facts.onset_date, "onset date")
        if onset > store.today():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The reaction cannot start in the future."))
        if facts.seriousness not in SERIOUSNESS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "An ADR is general or serious."))
        if facts.outcome not in ADR_OUTCOMES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown outcome of the reaction."))
        text = clean_text(account, QT_TRANSLATE_NOOP("fields", "Account"), required=False)
        hold = facts.seriousness == "serious" and batch_id is not None and store.settings.china_gsp
        with store.db.transaction():
            record_id = self._insert("adr", member_id, sale_id, text, None, [(product.id, batch_id)])
            store.db.insert("adr_reports", {
                "record_id": record_id, "product_id": product.id, "batch_id": batch_id, "reaction": reaction,
                "usage": usage, "onset_date": onset.isoformat(), "seriousness": facts.seriousness,
                "adr_outcome": facts.outcome, "reporter": reporter, "quality_hold": int(hold)})
            if hold:
                sellable = store.db.scalar(f"SELECT {SELLABLE} FROM batches WHERE id = ?", (batch_id,))
                if sellable > 0:
                    store.quality.post_quarantine(batch_id, sellable, ADR_HOLD_REASON[store.settings.language],
                                                  "service_record", record_id)
                store.audit.record("quality.hold", "batch", batch_id, reason="serious_adr", record=record_id,
                                   quantity=max(sellable, 0))
            store.audit.record("service.adr", "service_record", record_id, product=product.id,
                               seriousness=facts.seriousness)
        log.info("ADR report %d recorded (%s)", record_id, facts.seriousness)
        return record_id

    # -- handling ---------------------------------------------------------------------------------------------

    def start(self, record_id: int, note: str | None = None) -> None:
        """Open → in progress, with an optional note of what is being done."""
        self._step(record_id, "in_progress", note, from_statuses=("open",))

    def add_note(self, record_id: int, note: str) -> None:
        """A note on an open or in-progress record; the status does not change."""
        record = self._open_record(record_id)
        text = clean_text(note, QT_TRANSLATE_NOOP("fields", "Note"))
        with self._store.db.transaction():
            self._note(record.id, record.status, None, text)
            self._store.audit.record("service.note", "service_record", record.id)

    def close(self, record_id: int, resolution: str, outcome: str) -> int | None:
        """Close with a resolution and an outcome code of the record's kind. Returns the id of the follow-up call a
        closed complaint schedules (None when there is none: a walk-in, or no care consent)."""
        store = self._store
        record = self._open_record(record_id)
        text = clean_text(resolution, QT_TRANSLATE_NOOP("fields", "Resolution"))
        if outcome not in OUTCOMES[record.kind] or outcome == "no_answer":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "That outcome does not fit this kind of record."))
        follow_up = None
        with store.db.transaction():
            self._finish(record, outcome, text)
            if record.kind == "complaint" and record.member_id is not None and self._may_call(record.member_id):
                due = store.today() + timedelta(days=store.settings.complaint_follow_up_days)
                follow_up = self._insert("follow_up", record.member_id, record.sale_id, None, due,
                                         [(pid, None) for pid in record.product_ids], reason="complaint",
                                         origin_id=record.id)
        log.info("service record %d closed (%s)", record.id, outcome)
        return follow_up

    def record_call(self, record_id: int, outcome: str, notes: str | None = None) -> str:
        """Record one follow-up call: ``no_answer`` keeps the call open for another try (the last allowed try
        closes it), any other outcome closes it. Returns the record's status after the call."""
        store = self._store
        record = self._open_record(record_id)
        if record.kind != "follow_up":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Only a follow-up call records a call's outcome."))
        if outcome not in OUTCOMES["follow_up"]:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "That outcome does not fit this kind of record."))
        text = clean_text(notes, QT_TRANSLATE_NOOP("fields", "Notes"), required=False)
        attempts = sum(1 for note in record.notes if note.outcome == "no_answer")
        with store.db.transaction():
            if outcome == "no_answer" and attempts + 1 < CALL_ATTEMPTS:
                self._note(record.id, "in_progress", outcome, text)
                store.db.execute("UPDATE service_records SET status = 'in_progress' WHERE id = ?", (record.id,))
                store.audit.record("service.call", "service_record", record.id, outcome=outcome)
                status = "in_progress"
            else:
                self._finish(record, outcome, text, note_outcome=outcome)
                status = "closed"
        return status

    def reopen(self, record_id: int, reason: str) -> None:
        """Closed → in progress again (the owner), with the reason."""
        self._step(record_id, "in_progress", reason, from_statuses=("closed",), action=Action.CORRECT_SERVICE,
                   reason_required=True)

    def correct(self, record_id: int, account: str) -> None:
        """Correct the account of a record (the owner, at the member's request); the earlier text is kept as a note
        until the member is erased."""
        store = self._store
        store.require(Action.CORRECT_SERVICE)
        record = self.get(record_id)
        text = clean_text(account, QT_TRANSLATE_NOOP("fields", "Account"))
        with store.db.transaction():
            store.db.execute("UPDATE service_records SET account = ? WHERE id = ?", (text, record.id))
            self._note(record.id, record.status, "corrected", record.account)
            store.audit.record("service.correct", "service_record", record.id)

    # -- follow-up calls --------------------------------------------------------------------------------------

    def schedule_follow_ups(self, days_back: int = 30) -> list[int]:
        """Schedule a call after each first purchase of a maintenance medicine (a molecule the member never bought
        before) in the last ``days_back`` days, for members with care consent; each purchase at most once.
        Returns the new records' ids."""
        store = self._store
        store.require(Action.HANDLE_SERVICE)
        since = store.now() - timedelta(days=days_back)
        after = timedelta(days=store.settings.follow_up_after_days)
        condition, params = consent_filter("care")
        rows = store.db.all(
            f"""
            SELECT s.id AS sale_id, s.member_id, s.at, l.product_id
            FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN products p ON p.id = l.product_id
            JOIN members m ON m.id = s.member_id
            WHERE s.at >= ? AND p.days_supply IS NOT NULL AND {condition}
              AND NOT EXISTS (
                SELECT 1 FROM sales s2 JOIN sale_lines l2 ON l2.sale_id = s2.id JOIN products p2 ON p2.id = l2.product_id
                WHERE s2.member_id = s.member_id AND (s2.at < s.at OR (s2.at = s.at AND s2.id < s.id))
                  AND COALESCE(p2.generic_name, p2.name) = COALESCE(p.generic_name, p.name))
              AND NOT EXISTS (
                SELECT 1 FROM service_records r JOIN service_record_products rp ON rp.record_id = r.id
                WHERE r.member_id = s.member_id AND r.reason = 'first_chronic_purchase'
                  AND rp.product_id = l.product_id)
            ORDER BY s.at, s.id, l.product_id
            """, (to_iso(since), *params))
        created = []
        seen: set[tuple[int, int]] = set()
        with store.db.transaction():
            for row in rows:
                if (row["member_id"], row["product_id"]) in seen:
                    continue
                seen.add((row["member_id"], row["product_id"]))
                due = from_iso(row["at"]).astimezone().date() + after
                created.append(self._insert("follow_up", row["member_id"], row["sale_id"], None, due,
                                            [(row["product_id"], None)], reason="first_chronic_purchase"))
        if created:
            log.info("%d follow-up call(s) scheduled", len(created))
        return created

    def follow_ups(self, as_of: date | None = None, include_later: bool = False) -> list[ServiceRecord]:
        """The open follow-up calls due by ``as_of`` (default today; all open ones with ``include_later``) of
        members who still agree to care calls, earliest due first."""
        store = self._store
        store.require(Action.HANDLE_SERVICE)
        as_of = as_of or store.today()
        condition, params = consent_filter("care")
        due = "" if include_later else "AND r.due_date <= ?"
        rows = store.db.all(
            f"SELECT r.* FROM service_records r JOIN members m ON m.id = r.member_id "
            f"WHERE r.kind = 'follow_up' AND r.status <> 'closed' {due} AND {condition} "
            f"ORDER BY r.due_date, r.id", ((as_of.isoformat(),) if not include_later else ()) + tuple(params))
        return [self._view(row) for row in rows]

    # -- reading ----------------------------------------------------------------------------------------------

    def get(self, record_id: int) -> ServiceRecord:
        """One record with its products, notes and ADR facts."""
        self._store.require(Action.HANDLE_SERVICE)
        row = self._store.db.one("SELECT * FROM service_records WHERE id = ?", (int(record_id),))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such service record."))
        return self._view(row)

    def records(self, kind: str | None = None, status: str | None = None, member_id: int | None = None,
                overdue: bool = False, limit: int = 200, offset: int = 0) -> list[ServiceRecord]:
        """Records, newest first, filtered by kind, status ('open' means not closed), member, overdue."""
        store = self._store
        store.require(Action.HANDLE_SERVICE)
        where, params = ["1 = 1"], []
        if kind is not None:
            if kind not in KINDS:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown kind of service record."))
            where.append("kind = ?")
            params.append(kind)
        if status == "open":
            where.append("status <> 'closed'")
        elif status is not None:
            if status not in STATUSES:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown status."))
            where.append("status = ?")
            params.append(status)
        if member_id is not None:
            where.append("member_id = ?")
            params.append(int(member_id))
        if overdue:
            where.append("status <> 'closed' AND due_date < ?")
            params.append(store.today().isoformat())
        rows = store.db.all(f"SELECT * FROM service_records WHERE {' AND '.join(where)} "
                            f"ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", (*params, limit, offset))
        return [self._view(row) for row in rows]

    def overdue_complaints(self) -> int:
        """How many complaints are open past their due date (the dashboard's warning; counts only, so any user
        who sees the dashboard may ask)."""
        store = self._store
        store.require(Action.VIEW_REPORTS)
        return store.db.scalar("SELECT count(*) FROM service_records WHERE kind = 'complaint' "
                               "AND status <> 'closed' AND due_date < ?", (store.today().isoformat(),))

    # -- helpers ----------------------------------------------------------------------------------------------

    def _member(self, member_id, needed: bool) -> int | None:
        if member_id is None:
            if needed:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose a member."))
            return None
        return self._store.members.live_row(int(member_id))["id"]

    def _sale(self, sale_id, member_id: int | None) -> int | None:
        if sale_id is None:
            return None
        sale = self._store.db.one("SELECT id, member_id FROM sales WHERE id = ?", (int(sale_id),))
        if sale is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such sale."))
        if member_id is not None and sale["member_id"] not in (None, member_id):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "That sale belongs to another member."))
        return sale["id"]

    def _products(self, product_ids: Iterable[int]) -> list[tuple[int, None]]:
        wanted = sorted({int(pid) for pid in product_ids})
        if wanted:
            self._store.catalog.get_many(wanted)
        return [(pid, None) for pid in wanted]

    def _batch(self, batch_id, product_id: int) -> int | None:
        if batch_id is None:
            return None
        batch = self._store.db.one("SELECT id, product_id FROM batches WHERE id = ?", (int(batch_id),))
        if batch is None or batch["product_id"] != product_id:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "That batch is not a batch of this product."))
        return batch["id"]

    def _may_call(self, member_id: int) -> bool:
        condition, params = consent_filter("care")
        return bool(self._store.db.scalar(f"SELECT 1 FROM members m WHERE m.id = ? AND {condition}",
                                          (member_id, *params)))

    def _insert(self, kind: str, member_id, sale_id, account, due: date | None, products, reason: str = "manual",
                origin_id: int | None = None) -> int:
        store = self._store
        user = store.require_user()
        now = to_iso(store.now())
        record_id = store.db.insert("service_records", {
            "kind": kind, "member_id": member_id, "sale_id": sale_id, "account": account, "status": "open",
            "due_date": due.isoformat() if due else None, "reason": reason, "origin_id": origin_id,
            "created_at": now, "created_by": user.id})
        for product_id, batch_id in products:
            store.db.insert("service_record_products",
                            {"record_id": record_id, "product_id": product_id, "batch_id": batch_id})
        self._note(record_id, "open", None, None)
        store.audit.record("service.open", "service_record", record_id, kind=kind, reason=reason)
        return record_id

    def _note(self, record_id: int, status: str, outcome: str | None, text: str | None) -> None:
        store = self._store
        store.db.insert("service_notes", {"record_id": record_id, "at": to_iso(store.now()),
                                          "user_id": store.require_user().id, "status": status,
                                          "outcome": outcome, "text": text})

    def _finish(self, record: ServiceRecord, outcome: str, text: str | None, note_outcome: str | None = None) -> None:
        store = self._store
        user = store.require_user()
        resolution = text if note_outcome is None else record.resolution
        store.db.execute(
            "UPDATE service_records SET status = 'closed', outcome = ?, resolution = ?, closed_at = ?, closed_by = ? "
            "WHERE id = ?", (outcome, resolution, to_iso(store.now()), user.id, record.id))
        self._note(record.id, "closed", note_outcome or outcome, text)
        store.audit.record("service.close", "service_record", record.id, kind=record.kind, outcome=outcome)

    def _open_record(self, record_id: int) -> ServiceRecord:
        record = self.get(record_id)         # checks HANDLE_SERVICE
        if record.status == "closed":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This record is closed; reopen it first."))
        if record.member_id is not None:
            self._store.members.live_row(record.member_id)      # an erased member's records stay closed to work
        return record

    def _step(self, record_id: int, to_status: str, note, from_statuses: tuple[str, ...],
              action: Action = Action.HANDLE_SERVICE, reason_required: bool = False) -> None:
        store = self._store
        store.require(action)
        row = store.db.one("SELECT id, status FROM service_records WHERE id = ?", (int(record_id),))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such service record."))
        if row["status"] not in from_statuses:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A record that is {status} cannot go there."),
                                  status=row["status"])
        field = QT_TRANSLATE_NOOP("fields", "Reason") if reason_required else QT_TRANSLATE_NOOP("fields", "Note")
        text = clean_text(note, field, required=reason_required)
        with store.db.transaction():
            store.db.execute("UPDATE service_records SET status = ?, closed_at = NULL, closed_by = NULL WHERE id = ?",
                             (to_status, row["id"]))
            self._note(row["id"], to_status, None, text)
            store.audit.record("service.status", "service_record", row["id"], status=to_status)

    def _view(self, row: dict) -> ServiceRecord:
        db = self._store.db
        products = tuple(r[0] for r in db.execute(
            "SELECT product_id FROM service_record_products WHERE record_id = ? ORDER BY product_id", (row["id"],)))
        notes = tuple(ServiceNote(**n) for n in db.all(
            "SELECT at, user_id, status, outcome, text FROM service_notes WHERE record_id = ? ORDER BY id",
            (row["id"],)))
        adr = db.one("SELECT * FROM adr_reports WHERE record_id = ?", (row["id"],)) if row["kind"] == "adr" else None
        return ServiceRecord(**row, product_ids=products, notes=notes, adr=adr)
