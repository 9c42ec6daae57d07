"""The loyalty club: members, their consents, chronic conditions and points.

Personal and health data is shown in full only to roles with
:attr:`Action.VIEW_MEMBER_FULL`; a cashier sees the name and the last four digits
of the phone. Consent to care reminders and to marketing is recorded separately,
with date and source, as a history whose latest row is the member's answer.
"""

from __future__ import annotations

import logging
import re
import secrets
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Iterable

from pharmadesk.core.catalog import gtin_check_digit_ok, prefix_upper_bound
from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, ValidationError
from pharmadesk.core.member_timeline import TimelineEvent, member_timeline
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import parse_date, to_iso
from pharmadesk.db.migrate import register_step

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

CONSENT_KINDS = ("care", "marketing")
CONSENT_SOURCES = ("paper_form", "verbal", "app", "sms", "email", "import")
SEXES = ("F", "M", "X")
CARD_PREFIX = "29"  # GS1 prefix 20-29 is reserved for in-store numbers, so cards scan like barcodes
_PHONE = re.compile(r"^\+?[0-9]{7,15}$")
_PHONE_SEPARATORS = re.compile(r"[\s\-().]")
_CHINA_MOBILE = re.compile(r"^\+86(1[0-9]{10})$")
# Text-direction overrides and isolates (U+202A-U+202E, U+2066-U+2069): they make a name display as
# something else than what is stored (in a list, a receipt, an export).
_BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))

log = logging.getLogger(__name__)


MEMBER_LANGUAGES = ("en", "zh_CN")   # the program's languages (pharmadesk.i18n.LANGUAGES), without Qt


@dataclass(frozen=True)
class Member:
    """A member as the current user may see them (masked for cashiers)."""

    id: int
    card_no: str | None
    name: str | None
    phone: str | None
    birth_date: str | None
    sex: str | None
    allergies: str | None
    notes: str | None
    points: int
    registered_at: str
    conditions: tuple[str, ...] | None
    care_consent: bool
    marketing_consent: bool
    erased: bool
    masked: bool = False
    language: str | None = None     # None: spoken to in the store's language


def ascii_digits(text: str) -> str:
    """``text`` in NFKC with every decimal digit of any script as an ASCII digit: full-width '１３８' and
    Arabic-Indic '١٣٨' both read '138'."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(str(unicodedata.decimal(ch)) if not ch.isascii() and unicodedata.decimal(ch, None) is not None
                   else ch for ch in text)


def normalize_phone(phone: str) -> str:
    """The one stored form of a phone number, so the same number cannot be registered twice.

    Rules: NFKC and digits of any script to ASCII; spaces, dashes, dots and brackets dropped; a leading
    ``00`` (the international prefix) becomes ``+``; ``+86`` before an 11-digit Chinese mobile (1xxxxxxxxxx)
    is dropped, so '+86 138-0013-8000', '0086 13800138000' and '１３８００１３８０００' are all
    '13800138000'. Other numbers keep their ``+`` and country code. The result is 7 to 15 digits, with an
    optional leading ``+``; anything else is refused.
    """
    cleaned = _PHONE_SEPARATORS.sub("", ascii_digits(phone))
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    cleaned = _CHINA_MOBILE.sub(r"\1", cleaned)
    if not _PHONE.match(cleaned):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter a phone number of 7 to 15 digits."))
    return cleaned


def normalize_stored_phones(db) -> list[tuple[int, int]]:
    """Migration 0012: bring every stored phone to :func:`normalize_phone`'s form.

    Two members whose numbers become the same (registered twice before the rule) cannot share one: the
    later one keeps its phone as stored, and each pair (kept member, other member) is returned and logged
    by member number only, for the owner to merge by hand. A phone that does not parse is left as it is.
    """
    rows = db.all("SELECT id, phone FROM members WHERE phone IS NOT NULL ORDER BY id")
    owner_of = {row["phone"]: row["id"] for row in rows}
    collisions: list[tuple[int, int]] = []
    for row in rows:
        try:
            phone = normalize_phone(row["phone"])
        except ValidationError:
            continue
        if phone == row["phone"]:
            continue
        if phone in owner_of:
            collisions.append((row["id"], owner_of[phone]))
            continue
        db.execute("UPDATE members SET phone = ? WHERE id = ?", (phone, row["id"]))
        del owner_of[row["phone"]]
        owner_of[phone] = row["id"]
    if collisions:
        log.warning("phone normalisation: %d member(s) share a number with another member and kept their "
                    "phone as stored; merge them by hand: %s", len(collisions),
                    ", ".join(f"member {kept} = member {other}" for kept, other in collisions))
    return collisions


register_step("normalize_member_phones", normalize_stored_phones)


def mask_phone(phone: str | None) -> str | None:
    """All but the last four characters hidden: a phone or card number as a masked role sees it."""
    if not phone:
        return phone
    return "•" * max(0, len(phone) - 4) + phone[-4:]


def make_card_number(sequence: int) -> str:
    """An EAN-13 in-store number for member ``sequence``, with its check digit."""
    body = f"{CARD_PREFIX}{sequence:010d}"
    for digit in "0123456789":
        if gtin_check_digit_ok(body + digit):
            return body + digit
    raise AssertionError("unreachable: one check digit always fits")


class Members:
    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- validation ---------------------------------------------------------------------------------

    def validate_birth_date(self, value) -> str | None:
        """The birth date as ISO text (None when empty); refuses the future and ages over 120."""
        if value in (None, ""):
            return None
        born = parse_date(value, "birth date")
        today = self._store.today()
        if born > today or today.year - born.year > 120:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "That birth date is not possible."))
        return born.isoformat()

    @staticmethod
    def validate_name(name: str) -> str:
        """The name as typed (trimmed); refuses control characters (tabs, line breaks, terminal escape
        sequences) and text-direction overrides, which make a name show as something else."""
        name = (name or "").strip()
        if not name or len(name) > 120:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the member's name."))
        if any(unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS for ch in name):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A name cannot contain control characters or text-direction codes."))
        return name

    @staticmethod
    def validate_language(language) -> str | None:
        """One of the program's languages, or None (the member is spoken to in the store's language)."""
        if language in (None, ""):
            return None
        if language not in MEMBER_LANGUAGES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown language; choose one of: {languages}."),
                                  languages=", ".join(MEMBER_LANGUAGES))
        return language

    @staticmethod
    def validate_sex(sex) -> str | None:
        if sex in (None, ""):
            return None
        if sex not in SEXES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Sex must be F, M or X."))
        return sex

    @staticmethod
    def clean_conditions(conditions: Iterable[str]) -> list[str]:
        clean = sorted({(c or "").strip().lower() for c in conditions or ()} - {""})
        if any(len(c) > 60 for c in clean):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A condition name is too long."))
        return clean

    # -- registering and editing -----------------------------------------------------------------

    def register(
        self,
        name: str,
        phone: str,
        birth_date: str | date | None = None,
        sex: str | None = None,
        card_no: str | None = None,
        conditions: Iterable[str] = (),
        allergies: str | None = None,
        care_consent: bool | None = None,
        marketing_consent: bool | None = None,
        consent_source: str = "paper_form",
        language: str | None = None,
    ) -> int:
        """Enrol a member; a card number is issued when none is given. ``language``: the language the member is
        spoken to in ("en", "zh_CN"; None = the store's language)."""
        self._store.require(Action.REGISTER_MEMBER)
        conditions = self.clean_conditions(conditions)
        if (conditions or allergies) and not self._store.may(Action.VIEW_MEMBER_FULL):
            raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "Only a pharmacist may record health information."))
        values = {
            "name": self.validate_name(name),
            "phone": normalize_phone(phone),
            "birth_date": self.validate_birth_date(birth_date),
            "sex": self.validate_sex(sex),
            "allergies": (allergies or "").strip() or None,
            "language": self.validate_language(language),
        }
        now = to_iso(self._store.now())
        db = self._store.db
        with db.transaction():
            if db.scalar("SELECT 1 FROM members WHERE phone = ?", (values["phone"],)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "A member with this phone number already exists."))
            if card_no:
                card_no = card_no.strip()
                if db.scalar("SELECT 1 FROM members WHERE card_no = ?", (card_no,)):
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "That card number is already in use."))
            member_id = db.insert(
                "members", {**values, "card_no": card_no, "registered_at": now, "updated_at": now,
                            "anon_id": secrets.token_hex(8)})
            if not card_no:
                db.execute("UPDATE members SET card_no = ? WHERE id = ?", (self._free_card_number(member_id), member_id))
            for condition in conditions:
                db.execute("INSERT INTO member_conditions (member_id, condition) VALUES (?, ?)", (member_id, condition))
            for kind, granted in (("care", care_consent), ("marketing", marketing_consent)):
                if granted is not None:
                    self._record_consent(member_id, kind, granted, consent_source)
            self._store.audit.record("member.register", "member", member_id)
        return member_id

    def _free_card_number(self, sequence: int) -> str:
        """The card number for ``sequence``, or the next free one if a hand-entered card took it."""
        while self._store.db.scalar("SELECT 1 FROM members WHERE card_no = ?", (make_card_number(sequence),)):
            sequence += 1_000_000_000
        return make_card_number(sequence)

    def update(self, member_id: int, **changes) -> None:
        """Correct a member's details; each correction is audited by field name (never by value)
        and kept, old and new value, in the member's correction history (``member_history``)."""
        user = self._store.require(Action.EDIT_MEMBER)
        current = self.live_row(member_id)
        allowed = {"name", "phone", "birth_date", "sex", "allergies", "notes", "card_no", "language"}
        if set(changes) - allowed:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown member field."))
        clean = {}
        for key, value in changes.items():
            if key == "name":
                value = self.validate_name(value)
            elif key == "phone":
                value = normalize_phone(value)
            elif key == "birth_date":
                value = self.validate_birth_date(value)
            elif key == "sex":
                value = self.validate_sex(value)
            elif key == "language":
                value = self.validate_language(value)
            else:
                value = (value or "").strip() or None
            clean[key] = value
        db = self._store.db
        with db.transaction():
            for unique in ("phone", "card_no"):
                if clean.get(unique) and db.scalar(
                    f"SELECT 1 FROM members WHERE {unique} = ? AND id <> ?", (clean[unique], member_id)
                ):
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "Another member already has that {field}."),
                                          field=unique.replace("_", " "))
            db.update("members", member_id, {**clean, "updated_at": to_iso(self._store.now())})
            for key in sorted(clean):
                self._record_history(member_id, user.id, key, current[key], clean[key])
            self._store.audit.record("member.update", "member", member_id, fields=sorted(clean))

    def set_conditions(self, member_id: int, conditions: Iterable[str]) -> None:
        user = self._store.require(Action.EDIT_MEMBER)
        self._store.require(Action.VIEW_MEMBER_FULL)
        self.live_row(member_id)
        conditions = self.clean_conditions(conditions)
        before = [r["condition"] for r in self._store.db.all(
            "SELECT condition FROM member_conditions WHERE member_id = ? ORDER BY condition", (member_id,))]
        with self._store.db.transaction():
            self._record_history(member_id, user.id, "conditions", "; ".join(before) or None,
                                 "; ".join(conditions) or None)
            self._store.db.execute("DELETE FROM member_conditions WHERE member_id = ?", (member_id,))
            for condition in conditions:
                self._store.db.execute("INSERT INTO member_conditions (member_id, condition) VALUES (?, ?)",
                                       (member_id, condition))
            self._store.audit.record("member.conditions", "member", member_id)

    def _record_history(self, member_id: int, user_id: int, field: str, old, new) -> None:
        """Keep one corrected field's old and new value (nothing when the value did not change)."""
        old = None if old is None else str(old)
        new = None if new is None else str(new)
        if old != new:
            self._store.db.insert("member_history", {
                "member_id": member_id, "at": to_iso(self._store.now()), "user_id": user_id, "field": field,
                "old_value": old, "new_value": new})

    def correction_history(self, member_id: int) -> list[dict]:
        """Every correction of the member's details, oldest first (personal data: full view only)."""
        self._store.require(Action.VIEW_MEMBER_FULL)
        return self._store.db.all(
            "SELECT at, user_id, field, old_value, new_value FROM member_history WHERE member_id = ? ORDER BY id",
            (member_id,))

    # -- consent ------------------------------------------------------------------------------------

    def set_consent(self, member_id: int, kind: str, granted: bool, source: str) -> None:
        """Record a member's yes or no to care reminders or marketing; takes effect at once."""
        self._store.require(Action.REGISTER_MEMBER)
        self.live_row(member_id)
        with self._store.db.transaction():
            self._record_consent(member_id, kind, granted, source)
            self._store.audit.record("member.consent", "member", member_id, kind=kind, granted=bool(granted))

    def _record_consent(self, member_id: int, kind: str, granted: bool, source: str) -> None:
        if kind not in CONSENT_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Consent is for care reminders or marketing."))
        if source not in CONSENT_SOURCES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say how the consent was given."))
        user = self._store.user
        self._store.db.insert(
            "member_consents",
            {"member_id": member_id, "kind": kind, "granted": 1 if granted else 0,
             "at": to_iso(self._store.now()), "source": source, "user_id": user.id if user else None})

    def has_consent(self, member_id: int, kind: str) -> bool:
        """The member's latest answer for ``kind``; an erased member has consented to nothing.

        Lists of members to contact come from :meth:`pharmadesk.core.privacy.Privacy.consented_members`.
        Shown in every role's member view, so it needs only a login.
        """
        self._store.require_user()
        return bool(self._store.db.scalar(
            "SELECT c.granted FROM member_consents c JOIN members m ON m.id = c.member_id "
            "WHERE c.member_id = ? AND c.kind = ? AND m.erased_at IS NULL ORDER BY c.id DESC LIMIT 1",
            (member_id, kind)))

    def consent_history(self, member_id: int) -> list[dict]:
        self._store.require(Action.VIEW_MEMBER_FULL)
        return self._store.db.all(
            "SELECT kind, granted, at, source FROM member_consents WHERE member_id = ? ORDER BY id", (member_id,))

    # -- points --------------------------------------------------------------------------------------

    def adjust_points(self, member_id: int, delta: int, reason: str = "adjust") -> None:
        """A manual points correction by the owner."""
        self._store.require(Action.CHANGE_PRICES)
        self.live_row(member_id)
        with self._store.db.transaction():
            self.post_points(member_id, delta, "adjust")
            self._store.audit.record("points.adjust", "member", member_id, delta=delta)

    def post_points(self, member_id: int, delta: int, reason: str, sale_id: int | None = None,
                       return_id: int | None = None) -> None:
        """Move points and write the points ledger row (sales, returns, erasure).

        Call inside a transaction; no permission check of its own.
        """
        row = self.row(member_id)
        if delta == 0 or row["erased_at"] is not None:   # an erased member keeps no points
            return
        balance = row["points"]
        if balance + delta < 0:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The member has only {points} points."), points=balance)
        self._store.db.execute("UPDATE members SET points = points + ? WHERE id = ?", (delta, member_id))
        self._store.db.insert("points_ledger", {"member_id": member_id, "at": to_iso(self._store.now()),
                                                "delta": delta, "reason": reason, "sale_id": sale_id,
                                                "return_id": return_id})

    def points_history(self, member_id: int) -> list[dict]:
        """The member's points ledger; its sale ids lead to what they bought, so: full view only."""
        self._store.require(Action.VIEW_MEMBER_FULL)
        return self._store.db.all(
            "SELECT at, delta, reason, sale_id, return_id FROM points_ledger WHERE member_id = ? ORDER BY id",
            (member_id,))

    # -- finding ---------------------------------------------------------------------------------------

    def row(self, member_id: int) -> dict:
        """The member's row, erased or not, unmasked: a helper for use cases that made their own check
        (it only refuses when nobody is logged in)."""
        self._store.require_user()
        row = self._store.db.one("SELECT * FROM members WHERE id = ?", (member_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such member."))
        return row

    def live_row(self, member_id: int) -> dict:
        """The member's row, refused when the member was erased: they can be neither changed nor used.

        No permission check of its own.
        """
        row = self.row(member_id)
        if row["erased_at"] is not None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "This member's data has been erased; the member can no longer be used or changed."))
        return row

    def _view(self, row: dict) -> Member:
        conditions = tuple(
            r["condition"] for r in self._store.db.all(
                "SELECT condition FROM member_conditions WHERE member_id = ? ORDER BY condition", (row["id"],)))
        member = Member(
            id=row["id"], card_no=row["card_no"], name=row["name"], phone=row["phone"],
            birth_date=row["birth_date"], sex=row["sex"], allergies=row["allergies"], notes=row["notes"],
            points=row["points"], registered_at=row["registered_at"], conditions=conditions,
            care_consent=self.has_consent(row["id"], "care"),
            marketing_consent=self.has_consent(row["id"], "marketing"),
            erased=row["erased_at"] is not None, language=row.get("language"),
        )
        if self._store.may(Action.VIEW_MEMBER_FULL):
            return member
        return replace(member, phone=mask_phone(member.phone), card_no=mask_phone(member.card_no), birth_date=None, allergies=None, notes=None,
                       conditions=None, masked=True)

    def get(self, member_id: int) -> Member:
        self._store.require_user()
        return self._view(self.row(member_id))

    def by_card(self, card_no: str) -> Member:
        self._store.require_user()
        row = self._store.db.one("SELECT * FROM members WHERE card_no = ? AND erased_at IS NULL",
                                 ((card_no or "").strip(),))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No member has this card."))
        return self._view(row)

    def by_phone(self, phone: str) -> Member:
        self._store.require_user()
        row = self._store.db.one("SELECT * FROM members WHERE phone = ? AND erased_at IS NULL",
                                 (normalize_phone(phone),))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No member has this phone number."))
        return self._view(row)

    def _match(self, text: str) -> tuple[str, tuple]:
        """The WHERE clause (and its parameters) for a search text: name prefix, card number, or
        the phone's last digits (a masked role may match only the last four, or a whole number)."""
        text = (text or "").strip()
        if not text:
            return "erased_at IS NULL", ()
        numeric = _PHONE_SEPARATORS.sub("", ascii_digits(text))        # full-width or Arabic-Indic digits too
        if re.fullmatch(r"\+?[0-9]+", numeric):
            digits = numeric.lstrip("+")
            try:
                phone = normalize_phone(numeric)        # '+86 138…' finds the stored '138…'
            except ValidationError:
                phone = digits
            if len(digits) <= 4 or self._store.may(Action.VIEW_MEMBER_FULL):
                phone_match, phone_args = "phone LIKE ?", (f"%{phone.lstrip('+')}",)
            else:
                # A masked role sees the last four digits; matching longer tails would let it
                # uncover a whole number digit by digit. It may still look up a number it knows.
                phone_match, phone_args = "phone = ?", (phone,)
            return f"erased_at IS NULL AND (card_no = ? OR {phone_match})", (digits, *phone_args)
        upper = prefix_upper_bound(text)                 # NOCASE folds ASCII to lower case
        return "erased_at IS NULL AND name >= ? AND name < ?", (text, upper)

    def search(self, text: str, limit: int = 20) -> list[Member]:
        """Find members by name prefix, card number, or the last digits of the phone."""
        self._store.require_user()
        if not (text or "").strip():
            return []
        where, params = self._match(text)
        order = "" if "phone" in where else " ORDER BY name"
        rows = self._store.db.all(f"SELECT * FROM members WHERE {where}{order} LIMIT ?", (*params, limit))
        return [self._view(row) for row in rows]

    PAGE_ORDER = {"name": "name", "card_no": "card_no", "points": "points", "registered_at": "registered_at"}

    def page(self, text: str = "", order_by: str = "name", descending: bool = False, limit: int = 100,
             offset: int = 0) -> list[Member]:
        """One page of the member list for a table: members matching ``text`` as in :meth:`search`
        (empty: everyone not erased), sorted by a column of :attr:`PAGE_ORDER`, masked for the role."""
        self._store.require_user()
        if order_by not in self.PAGE_ORDER:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Members cannot be sorted that way."))
        where, params = self._match(text)
        direction = "DESC" if descending else "ASC"
        rows = self._store.db.all(
            f"SELECT * FROM members WHERE {where} ORDER BY {self.PAGE_ORDER[order_by]} {direction}, id {direction} "
            "LIMIT ? OFFSET ?", (*params, max(0, int(limit)), max(0, int(offset))))
        return [self._view(row) for row in rows]

    def page_count(self, text: str = "") -> int:
        """How many members :meth:`page` would list for ``text`` over all pages."""
        self._store.require_user()
        where, params = self._match(text)
        return self._store.db.scalar(f"SELECT count(*) FROM members WHERE {where}", params)

    def count(self) -> int:
        self._store.require_user()
        return self._store.db.scalar("SELECT count(*) FROM members WHERE erased_at IS NULL")

    def timeline(self, member_id: int, kinds: Iterable[str] | None = None) -> list[TimelineEvent]:
        """The member's events newest first (:mod:`pharmadesk.core.member_timeline`): health items only for roles
        that see the full record."""
        return member_timeline(self._store, member_id, kinds)

    def purchase_history(self, member_id: int, limit: int = 100) -> list[dict]:
        """The member's receipts, newest first. What a member buys is health data: full view only."""
        self._store.require(Action.VIEW_MEMBER_FULL)
        return self._store.db.all(
            "SELECT s.id, s.receipt_no, s.at, s.total, s.points_earned, count(l.id) AS lines "
            "FROM sales s LEFT JOIN sale_lines l ON l.sale_id = s.id WHERE s.member_id = ? "
            "GROUP BY s.id ORDER BY s.at DESC LIMIT ?", (member_id, limit))
