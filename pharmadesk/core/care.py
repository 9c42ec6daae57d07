"""Care reminders: record each reminder the pharmacy sends a member, and what came of it.

    rid = store.care.issue_reminder(member_id, "refill_due", date(2026, 5, 3),
                                    "Ramipril 5mg runs out on 2026-05-03", "sms", product_id=7)
    store.care.record_outcome(rid, "refilled")                   # or called / no_answer / declined
    store.care.issue_reminders(reminders_frame.to_dict("records"))   # a whole list from analytics.reminders

The list of whom to remind is computed by :mod:`pharmadesk.analytics.models.reminders`; this module is the
domain side: it checks the rules again before anything is written, so a reminder is never recorded
for a member who may not be contacted.

Rules:

- Handling reminders needs :attr:`Action.CARE_REMINDERS` (pharmacist and owner).
- **Consent**: care reminders (``refill_due``, ``overdue``, ``low_adherence``, ``med_sync``,
  ``lapsed``) need the member's *care* consent; a ``birthday`` greeting is marketing and needs the
  *marketing* consent. The check is :func:`pharmadesk.core.privacy.consent_filter`, the one consent rule.
  An erased member has consented to nothing.
- ``refill_due``, ``overdue`` and ``low_adherence`` name a maintenance product (one with days of
  supply); the other kinds name none.
- An outcome (``called``, ``no_answer``, ``refilled``, ``declined``) is recorded with who (the
  logged-in user), when (the store's clock, UTC) and the channel (``phone``, ``sms`` or
  ``in_person``; default: the reminder's own channel). A reminder may collect several outcomes (no
  answer, then called); the latest is its current state.
- **Audit**: ``care.reminder`` and ``care.outcome`` entries name the reminder id, kind, channel and
  outcome only: no member id, product, name or phone, because a member joined to a medicine is
  health data.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Iterable, Mapping

from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from pharmadesk.core.permissions import Action
from pharmadesk.core.privacy import consent_filter
from pharmadesk.core.timeutil import parse_date, to_iso

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

PRODUCT_KINDS = ("refill_due", "overdue", "low_adherence")
MEMBER_KINDS = ("med_sync", "lapsed", "birthday")
REMINDER_KINDS = PRODUCT_KINDS + MEMBER_KINDS
CHANNELS = ("phone", "sms")
OUTCOME_CHANNELS = ("phone", "sms", "in_person")
OUTCOMES = ("called", "no_answer", "refilled", "declined")
#: The consent each kind of reminder needs: birthdays are marketing, everything else is care.
CONSENT_FOR_KIND = {kind: "care" for kind in REMINDER_KINDS} | {"birthday": "marketing"}
_MAX_REASON = 300


def consent_needed(kind: str) -> str:
    """'care' or 'marketing': the consent a reminder of ``kind`` needs."""
    if kind not in CONSENT_FOR_KIND:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown kind of reminder."))
    return CONSENT_FOR_KIND[kind]


class Care:
    """Care reminders as use cases: ``store.care``."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def may_contact(self, member_id: int, kind: str) -> bool:
        """True when ``member_id`` may now get a reminder of ``kind`` (current consent, not erased)."""
        self._store.require_user()
        store = self._store
        condition, params = consent_filter(consent_needed(kind))
        return bool(store.db.scalar(f"SELECT 1 FROM members m WHERE m.id = ? AND {condition}", (member_id, *params)))

    def _check(self, reminder: Mapping) -> dict:
        """Validate one reminder; return the row to insert (without created_at/user_id)."""
        store = self._store
        kind = reminder.get("kind")
        if kind not in REMINDER_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown kind of reminder."))
        channel = reminder.get("channel")
        if channel not in CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A reminder goes by phone or SMS."))
        try:
            member_id = int(reminder.get("member_id"))
        except (TypeError, ValueError):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose a member.")) from None
        exists = store.db.scalar("SELECT 1 FROM members WHERE id = ?", (member_id,))
        if not exists:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such member."))
        if not self.may_contact(member_id, kind):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "This member has not agreed to this kind of message ({consent})."),
                consent=consent_needed(kind))
        product_id = reminder.get("product_id")
        if product_id is not None and product_id == product_id:     # NaN from a DataFrame counts as none
            product_id = int(product_id)
        else:
            product_id = None
        if kind in PRODUCT_KINDS:
            if product_id is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "A refill reminder names its medicine."))
            supply = store.db.one("SELECT days_supply FROM products WHERE id = ?", (product_id,))
            if supply is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No such product."))
            if supply["days_supply"] is None:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Refill reminders are for maintenance medicines (with days of supply)."))
        elif product_id is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This kind of reminder names no medicine."))
        reason = " ".join(str(reminder.get("reason") or "").split())
        if not reason:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say why the member is reminded."))
        if len(reason) > _MAX_REASON:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The reason is too long."))
        due = parse_date(reminder.get("due_date"), "due date")
        return {"member_id": member_id, "kind": kind, "product_id": product_id, "due_date": due.isoformat(),
                "reason": reason, "channel": channel}

    def _insert(self, row: dict) -> int:
        store = self._store
        user = store.require(Action.CARE_REMINDERS)
        cursor = store.db.execute(
            "INSERT INTO care_reminders (member_id, kind, product_id, due_date, reason, channel, created_at, user_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (row["member_id"], row["kind"], row["product_id"], row["due_date"], row["reason"], row["channel"],
             to_iso(store.now()), user.id))
        reminder_id = cursor.lastrowid
        store.audit.record("care.reminder", "care_reminder", reminder_id, kind=row["kind"], channel=row["channel"])
        return reminder_id

    def issue_reminder(self, member_id: int, kind: str, due_date: date | str, reason: str, channel: str,
                       product_id: int | None = None) -> int:
        """Record that ``member_id`` is reminded (``kind``, about ``due_date``, by ``channel``); return its id.

        Refused (nothing written) without :attr:`Action.CARE_REMINDERS`, without the consent the kind
        needs, or when the product does not fit the kind.
        """
        store = self._store
        store.require(Action.CARE_REMINDERS)
        row = self._check({"member_id": member_id, "kind": kind, "due_date": due_date, "reason": reason,
                             "channel": channel, "product_id": product_id})
        with store.db.transaction():
            reminder_id = self._insert(row)
        log.info("care reminder %d issued (%s, %s)", reminder_id, row["kind"], row["channel"])
        return reminder_id

    def issue_reminders(self, reminders: Iterable[Mapping]) -> list[int]:
        """Record many reminders (e.g. ``reminders_frame.to_dict("records")``) all or nothing; return their ids.

        Each mapping needs ``member_id, kind, due_date, reason, channel`` and ``product_id`` for the
        product kinds; other keys (script, priority, ...) are ignored.
        """
        store = self._store
        store.require(Action.CARE_REMINDERS)
        rows = [self._check(reminder) for reminder in reminders]
        with store.db.transaction():
            ids = [self._insert(row) for row in rows]
        log.info("%d care reminder(s) issued", len(ids))
        return ids

    def record_outcome(self, reminder_id: int, outcome: str, channel: str | None = None) -> int:
        """Record what came of reminder ``reminder_id``: called, no_answer, refilled or declined.

        Who is the logged-in user, when is now; ``channel`` defaults to the reminder's channel.
        Returns the outcome's id. Audited as ``care.outcome`` (reminder id, outcome, channel).
        """
        store = self._store
        user = store.require(Action.CARE_REMINDERS)
        if outcome not in OUTCOMES:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The outcome is called, no answer, refilled or declined."))
        reminder = store.db.one("SELECT id, channel FROM care_reminders WHERE id = ?", (int(reminder_id),))
        if reminder is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such reminder."))
        channel = channel or reminder["channel"]
        if channel not in OUTCOME_CHANNELS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The channel is phone, SMS or in person."))
        with store.db.transaction():
            cursor = store.db.execute(
                "INSERT INTO care_reminder_outcomes (reminder_id, outcome, channel, at, user_id) "
                "VALUES (?, ?, ?, ?, ?)",
                (reminder["id"], outcome, channel, to_iso(store.now()), user.id))
            outcome_id = cursor.lastrowid
            store.audit.record("care.outcome", "care_reminder", reminder["id"], outcome=outcome, channel=channel)
        log.info("care reminder %d outcome: %s", reminder["id"], outcome)
        return outcome_id

    def reminder(self, reminder_id: int) -> dict:
        """One reminder with its outcomes (oldest first) and ``latest_outcome``."""
        store = self._store
        store.require(Action.CARE_REMINDERS)
        row = store.db.one(
            "SELECT id, member_id, kind, product_id, due_date, reason, channel, created_at, user_id "
            "FROM care_reminders WHERE id = ?", (int(reminder_id),))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such reminder."))
        row["outcomes"] = store.db.all(
            "SELECT id, outcome, channel, at, user_id FROM care_reminder_outcomes WHERE reminder_id = ? ORDER BY id",
            (row["id"],))
        row["latest_outcome"] = row["outcomes"][-1]["outcome"] if row["outcomes"] else None
        return row

    def member_reminders(self, member_id: int) -> list[dict]:
        """A member's reminders, newest first, each with ``latest_outcome``."""
        store = self._store
        store.require(Action.CARE_REMINDERS)
        return store.db.all(
            "SELECT r.id, r.kind, r.product_id, r.due_date, r.reason, r.channel, r.created_at, "
            "(SELECT o.outcome FROM care_reminder_outcomes o WHERE o.reminder_id = r.id ORDER BY o.id DESC LIMIT 1) "
            "AS latest_outcome FROM care_reminders r WHERE r.member_id = ? ORDER BY r.created_at DESC, r.id DESC",
            (int(member_id),))
