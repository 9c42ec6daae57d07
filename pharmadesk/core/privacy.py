"""Members' privacy rights: who may be contacted, a member's data export, erasure, retention,
and the marketing call list. The use cases are methods of ``store.privacy``:

    ids = store.privacy.consented_members("care")                 # the one list of members to remind
    store.privacy.export_member(member_id, "member-17.json")       # or .pdf: everything held about them
    store.privacy.erase_member(member_id)                         # personal data gone, sales kept
    store.privacy.apply_retention()                               # erase members inactive for N years
    store.privacy.export_call_list(member_ids, "calls.csv")       # names and phones of those who agreed

Rules:

- **Consent** is the member's latest answer per kind (care reminders, marketing), recorded
  with date and source by :meth:`Members.set_consent`. :meth:`Privacy.consented_members` (and the
  SQL condition :func:`consent_filter` for queries that join members) is the single source of
  truth for every list or export of members to contact: a withdrawal takes effect at once,
  and an erased member has consented to nothing.
- **Export** (:meth:`Privacy.member_data`, :meth:`Privacy.export_member`) gathers everything held about one
  member: the member row, conditions, allergies, consent history, points ledger, purchases
  with their lines and prescriptions, returns, controlled-register entries and the correction
  history. It needs :attr:`Action.PRIVACY_REQUESTS` (the owner) and is audited as
  ``privacy.export`` with the file's format and SHA-256 only, so the store can later tell
  whether a file presented as its export was altered (:meth:`Privacy.verify_export`).
- **Erasure** (:meth:`Privacy.erase_member`) removes the personal data (name, phone, card number,
  birth date, sex, allergies, notes, conditions, correction history) and zeroes the points
  with a ledger row. The member row stays with ``erased_at`` set, so the sales stay for the
  accounts, linked to the member's anonymous id (``members.anon_id``). Consent records (kind,
  yes/no, date, how) are kept as proof of what the member had agreed to; they hold no personal
  data. Prescriptions and the controlled-drugs register are dispensing records the law makes
  the pharmacy keep; they stay with the sales. An erased member cannot be found, changed, or
  attached to a sale. Erasure overwrites the deleted content in the database file
  (``secure_delete``) and checkpoints the WAL, so no old copy lingers in the store's files;
  backups made before the erasure keep it until they rotate out.
- **Retention** (:meth:`Privacy.apply_retention`): with the ``retention_years`` setting N > 0, members
  with neither a purchase nor their registration in the last N years are erased as above.
- **Call list** (:meth:`Privacy.export_call_list`): the names and phones of the given members who
  consented to marketing, written to a CSV or Excel file; needs :attr:`Action.RUN_ANALYTICS` and is
  audited as ``segment.call_list`` with the count only.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass, replace
from datetime import datetime
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from pharmadesk.errors import QT_TRANSLATE_NOOP, IntegrityFailure, ValidationError
from pharmadesk.core.members import CONSENT_KINDS
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import to_iso
from pharmadesk.io.safe_cells import append_text_safe, neutralise_row

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

EXPORT_FORMAT = "pharmadesk-member-export/1"
EXPORT_SUFFIXES = (".json", ".pdf")
CALL_LIST_SUFFIXES = (".csv", ".xlsx")
# Who may draw up a list of members to contact, per kind of consent.
CONSENT_ACTIONS = {"care": Action.CARE_REMINDERS, "marketing": Action.RUN_ANALYTICS}


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure did: the member's anonymous id and how many sales and points it concerned."""

    member_id: int
    anon_id: str
    sales: int
    points_cleared: int
    wal_cleared: bool = True    # False: a reader kept the old copy in the WAL; retried at the next open




# -- consent: the one list of members who may be contacted -----------------------------------------------

def consent_filter(kind: str, as_of: datetime | None = None, alias: str = "m") -> tuple[str, tuple]:
    """The SQL condition (and parameters) on ``members AS alias`` for "may be contacted about ``kind``":
    not erased, and the latest consent of that kind (given up to ``as_of``) is a yes.

    Use it in every query that lists members to remind or to market to; :meth:`Privacy.consented_members`
    is the same condition as a list of ids.
    """
    if kind not in CONSENT_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Consent is for care reminders or marketing."))
    until, params = "", (kind,)
    if as_of is not None:
        until, params = " AND c.at <= ?", (kind, to_iso(as_of))
    return (f"({alias}.erased_at IS NULL AND (SELECT c.granted FROM member_consents c "
            f"WHERE c.member_id = {alias}.id AND c.kind = ?{until} ORDER BY c.id DESC LIMIT 1) = 1)", params)


# -- helpers: files written whole or not at all, erasure that leaves no copy --------------------------------

def _erase_service_texts(db, member_id: int) -> None:
    """Set to NULL every free text of the member's service records (account, resolution, notes, an ADR's reaction
    and usage); the records stay, without personal data, for the counts and the legal ADR duty."""
    ids = [row[0] for row in db.execute("SELECT id FROM service_records WHERE member_id = ?", (member_id,))]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        db.execute(f"UPDATE service_records SET account = NULL, resolution = NULL WHERE id IN ({marks})", chunk)
        db.execute(f"UPDATE service_notes SET text = NULL WHERE record_id IN ({marks})", chunk)
        db.execute(f"UPDATE adr_reports SET reaction = NULL, usage = NULL WHERE record_id IN ({marks})", chunk)


def _write_atomically(path: Path, payload: bytes) -> None:
    handle, temp = tempfile.mkstemp(prefix=".pharmadesk-export-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


_PERSONAL_COLUMNS = ("card_no", "name", "phone", "birth_date", "sex", "allergies", "notes")


CHECKPOINT_ATTEMPTS = 8              # an erasure's WAL checkpoint: tries while another connection is reading,
CHECKPOINT_WAIT_MS = 250             # each waiting this long for its readers (about 2 s in all)
CHECKPOINT_PENDING = "erasure_checkpoint_pending"   # a settings row: an erasure still lingers in the WAL


def checkpoint_wal(db, attempts: int | None = None, wait_ms: int | None = None) -> bool:
    """Fold the WAL back into the database file and empty it; True when it completed.

    A connection holding an older read snapshot blocks it, so it is retried (bounded) with a short busy wait.
    """
    attempts = CHECKPOINT_ATTEMPTS if attempts is None else attempts
    wait_ms = CHECKPOINT_WAIT_MS if wait_ms is None else wait_ms
    before = db.scalar("PRAGMA busy_timeout")
    db.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
    try:
        for _attempt in range(max(1, attempts)):
            busy, _frames, _done = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return True
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(before)}")
    return False


class _secure_delete:  # noqa: N801 - used like a function
    """Zero deleted content in the database file while erasing (SQLCipher's default; made sure of here),
    then fold the WAL, which still holds the old page images, back into the file.

    When readers keep the checkpoint from completing, :attr:`wal_cleared` is False and a marker makes the
    next :meth:`Privacy.finish_erasure_checkpoint` (run at every open) try again."""

    def __init__(self, store: "Store") -> None:
        self._db = store.db
        self.wal_cleared = True

    def __enter__(self) -> "_secure_delete":
        self._before = self._db.scalar("PRAGMA secure_delete")
        self._db.execute("PRAGMA secure_delete = ON")
        return self

    def __exit__(self, *exc) -> None:
        self._db.execute(f"PRAGMA secure_delete = {int(self._before or 0)}")
        if exc[0] is None and not self._db.in_transaction:
            self.wal_cleared = checkpoint_wal(self._db)
            if not self.wal_cleared:
                log.warning("erasure: another connection kept the WAL checkpoint from completing; "
                            "it is retried when the store next opens")
                with self._db.transaction():
                    self._db.execute("INSERT INTO settings (key, value) VALUES (?, '1') "
                                     "ON CONFLICT(key) DO UPDATE SET value = '1'", (CHECKPOINT_PENDING,))


def _years_before(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:                      # 29 February
        return moment.replace(year=moment.year - years, day=28)


# -- the service -------------------------------------------------------------------------------------------

class Privacy:
    """Members' privacy rights as use cases: ``store.privacy``."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def consented_members(self, kind: str, as_of: datetime | None = None) -> list[int]:
        """Ids of the members who may be contacted about ``kind`` ('care' or 'marketing'), ascending.

        A withdrawn consent or an erasure takes the member off this list at once. ``as_of`` answers
        "as if now were then" (consents given later are ignored), for backtests.
        """
        store = self._store
        if kind in CONSENT_ACTIONS:
            store.require(CONSENT_ACTIONS[kind])
        condition, params = consent_filter(kind, as_of)
        return [row[0] for row in store.db.execute(f"SELECT m.id FROM members m WHERE {condition} ORDER BY m.id",
                                                   params).fetchall()]

    def member_data(self, member_id: int) -> dict:
        """Everything the store holds about one member, as plain JSON-ready data (not audited by itself;
        :meth:`Privacy.export_member` writes and audits it)."""
        store = self._store
        store.require(Action.PRIVACY_REQUESTS)
        db = store.db
        member = store.members.row(member_id)
        sales = db.all(
            "SELECT id, receipt_no, at, source, subtotal, discount, points_redeemed, redeem_value, total, vat, "
            "points_earned FROM sales WHERE member_id = ? ORDER BY at, id", (member_id,))
        for sale in sales:
            sale["lines"] = db.all(
                "SELECT l.id, p.barcode, p.name AS product, p.generic_name, p.strength, p.form, l.quantity, "
                "l.unit_price, l.discount, l.line_total FROM sale_lines l JOIN products p ON p.id = l.product_id "
                "WHERE l.sale_id = ? ORDER BY l.id", (sale["id"],))
            for line in sale["lines"]:
                line["batches"] = db.all(
                    "SELECT b.batch_no, b.expiry, a.quantity FROM sale_line_batches a "
                    "JOIN batches b ON b.id = a.batch_id "
                    "WHERE a.sale_line_id = ? ORDER BY b.expiry", (line["id"],))
                line["prescription"] = db.one(
                    "SELECT prescriber, rx_number, rx_date, confirmed_at FROM prescriptions WHERE sale_line_id = ?",
                    (line.pop("id"),))
            sale["payments"] = db.all("SELECT method, amount FROM payments WHERE sale_id = ? ORDER BY id",
                                      (sale["id"],))
            del sale["id"]
        returns = db.all(
            "SELECT r.id, r.return_no, r.at, s.receipt_no, r.reason, r.refund_total, r.points_reversed "
            "FROM returns r JOIN sales s ON s.id = r.original_sale_id WHERE s.member_id = ? ORDER BY r.at, r.id",
            (member_id,))
        for ret in returns:
            ret["lines"] = db.all(
                "SELECT p.name AS product, rl.quantity, rl.refund, rl.damaged FROM return_lines rl "
                "JOIN sale_lines l ON l.id = rl.sale_line_id JOIN products p ON p.id = l.product_id "
                "WHERE rl.return_id = ? ORDER BY rl.id", (ret.pop("id"),))
        suspended = []
        for row in db.all("SELECT at, label, cart FROM suspended_sales ORDER BY id"):
            cart = json.loads(row["cart"])
            if cart.get("member_id") == member_id:
                suspended.append({"at": row["at"], "label": row["label"], "lines": cart.get("lines", [])})
        return {
            "format": EXPORT_FORMAT,
            "store": {"name": store.settings.store_name, "store_id": store.store_id,
                      "currency": store.settings.currency},
            "exported_at": to_iso(store.now()),
            "member": {key: member[key] for key in (
                "id", "anon_id", "card_no", "name", "phone", "birth_date", "sex", "allergies", "notes", "points",
                "registered_at", "updated_at", "erased_at")},
            "conditions": [r["condition"] for r in db.all(
                "SELECT condition FROM member_conditions WHERE member_id = ? ORDER BY condition", (member_id,))],
            "consents_now": {kind: store.members.has_consent(member_id, kind) for kind in CONSENT_KINDS},
            "consents": [{**r, "granted": bool(r["granted"])} for r in db.all(
                "SELECT kind, granted, at, source FROM member_consents WHERE member_id = ? ORDER BY id", (member_id,))],
            "points_ledger": db.all(
                "SELECT p.at, p.delta, p.reason, s.receipt_no, r.return_no FROM points_ledger p "
                "LEFT JOIN sales s ON s.id = p.sale_id LEFT JOIN returns r ON r.id = p.return_id "
                "WHERE p.member_id = ? ORDER BY p.id", (member_id,)),
            "purchases": sales,
            "returns": returns,
            "controlled_register": db.all(
                "SELECT c.at, p.name AS product, b.batch_no, c.quantity, c.rx_number FROM controlled_register c "
                "JOIN products p ON p.id = c.product_id JOIN batches b ON b.id = c.batch_id "
                "WHERE c.member_id = ? ORDER BY c.id", (member_id,)),
            "suspended_sales": suspended,
            "corrections": db.all(
                "SELECT at, field, old_value, new_value FROM member_history WHERE member_id = ? ORDER BY id",
                (member_id,)),
            "care_reminders": [
                {**reminder, "outcomes": db.all(
                    "SELECT at, outcome, channel FROM care_reminder_outcomes WHERE reminder_id = ? ORDER BY id",
                    (reminder.pop("id"),))}
                for reminder in db.all(
                    "SELECT r.id, r.created_at, r.kind, p.name AS product, r.due_date, r.reason, r.channel "
                    "FROM care_reminders r LEFT JOIN products p ON p.id = r.product_id "
                    "WHERE r.member_id = ? ORDER BY r.id", (member_id,))],
            "service_records": [
                {**record,
                 "products": [r["name"] for r in db.all(
                     "SELECT p.name FROM service_record_products rp JOIN products p ON p.id = rp.product_id "
                     "WHERE rp.record_id = ? ORDER BY p.name", (record["id"],))],
                 "adr": db.one("SELECT onset_date, seriousness, adr_outcome, reaction, usage, reporter "
                               "FROM adr_reports WHERE record_id = ?", (record["id"],)),
                 "steps": db.all("SELECT at, status, outcome, text FROM service_notes WHERE record_id = ? ORDER BY id",
                                 (record.pop("id"),))}
                for record in db.all(
                    "SELECT id, kind, created_at, status, due_date, outcome, account, resolution, closed_at "
                    "FROM service_records WHERE member_id = ? ORDER BY id", (member_id,))],
            "campaigns": db.all(
                "SELECT c.name, c.starts_on, c.ends_on, m.arm FROM campaign_members m "
                "JOIN campaigns c ON c.id = m.campaign_id WHERE m.member_id = ? ORDER BY c.id", (member_id,)),
        }

    def export_member(self, member_id: int, path: str | Path) -> Path:
        """Write everything held about the member to ``path`` (``.json`` or a printable ``.pdf``).

        The file appears whole or not at all, and is audited as ``privacy.export`` (format and SHA-256,
        no personal data) in the same transaction.
        """
        store = self._store
        store.require(Action.PRIVACY_REQUESTS)
        path = Path(path).expanduser()
        suffix = path.suffix.lower()
        if suffix not in EXPORT_SUFFIXES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Export to a .json or a .pdf file."))
        if not path.parent.is_dir():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The folder for the export does not exist."))
        data = self.member_data(member_id)
        if suffix == ".json":
            payload = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        else:
            from pharmadesk.io.member_export import member_export_pdf

            payload = member_export_pdf(data)      # rendered before the transaction: the till is not kept waiting
        written = False
        try:
            with store.db.transaction():
                _write_atomically(path, payload)
                written = True
                store.audit.record("privacy.export", "member", member_id, format=suffix[1:],
                                   sha256=hashlib.sha256(payload).hexdigest(), purchases=len(data["purchases"]))
        except BaseException:
            if written:                         # no audit entry, no export
                path.unlink(missing_ok=True)
            raise
        log.info("member data exported: member %s, %s, %d purchases", member_id, suffix[1:], len(data["purchases"]))
        return path

    def verify_export(self, path: str | Path) -> int:
        """The id of the ``privacy.export`` audit entry whose SHA-256 matches the file ``path`` byte for byte.

        Raises :class:`IntegrityFailure` when none does: the file was altered, or was never exported here.
        """
        store = self._store
        store.require(Action.PRIVACY_REQUESTS)
        try:
            digest = hashlib.sha256(Path(path).expanduser().read_bytes()).hexdigest()
        except OSError:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The file cannot be read; check its name and location.")) from None
        for row in store.db.all("SELECT id, details FROM audit_log WHERE action = 'privacy.export' ORDER BY id DESC"):
            if json.loads(row["details"]).get("sha256") == digest:
                return row["id"]
        raise IntegrityFailure(QT_TRANSLATE_NOOP(
            "errors", "This file is not an export made by this store, or it was changed after the export."))

    def erase_member(self, member_id: int) -> ErasureResult:
        """Erase a member's personal data at their request; their sales stay, linked to the anonymous id.

        Audited as ``member.erase``.
        """
        store = self._store
        store.require(Action.PRIVACY_REQUESTS)
        with _secure_delete(store) as wiping:
            with store.db.transaction():
                result = self._erase(member_id, "request")
        result = replace(result, wal_cleared=wiping.wal_cleared)
        log.info("member erased: member %s (%d sale(s) kept)", member_id, result.sales)
        return result

    def _erase(self, member_id: int, reason: str) -> ErasureResult:
        """Erase one member inside the caller's transaction."""
        store = self._store
        db = store.db
        row = store.members.row(member_id)
        if row["erased_at"] is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This member's data has already been erased."))
        now = to_iso(store.now())
        points = row["points"]
        store.members.post_points(member_id, -points, "adjust")     # a ledger row: the points liability ends
        db.execute("DELETE FROM member_conditions WHERE member_id = ?", (member_id,))
        db.execute("DELETE FROM member_history WHERE member_id = ?", (member_id,))
        _erase_service_texts(db, member_id)
        db.execute(f"UPDATE members SET {', '.join(f'{c} = NULL' for c in _PERSONAL_COLUMNS)}, points = 0, "
                   "updated_at = ?, erased_at = ? WHERE id = ?", (now, now, member_id))
        for parked in db.all("SELECT id, cart FROM suspended_sales"):
            cart = json.loads(parked["cart"])
            if cart.get("member_id") == member_id:
                cart["member_id"] = None
                db.execute("UPDATE suspended_sales SET cart = ? WHERE id = ?", (json.dumps(cart), parked["id"]))
        sales = db.scalar("SELECT count(*) FROM sales WHERE member_id = ?", (member_id,))
        store.audit.record("member.erase", "member", member_id, reason=reason, sales=sales, points_cleared=points)
        return ErasureResult(member_id, row["anon_id"], sales, points)

    def finish_erasure_checkpoint(self) -> bool | None:
        """Complete the WAL checkpoint an earlier erasure could not (run when the store opens, before login:
        it reads no data). None when none was pending; else whether it completed now."""
        db = self._store.db
        if not db.scalar("SELECT 1 FROM settings WHERE key = ?", (CHECKPOINT_PENDING,)):
            return None
        if not checkpoint_wal(db):
            log.warning("erasure: the WAL checkpoint is still blocked by another connection")
            return False
        with db.transaction():
            db.execute("DELETE FROM settings WHERE key = ?", (CHECKPOINT_PENDING,))
        checkpoint_wal(db, attempts=1)
        log.info("erasure: the pending WAL checkpoint completed")
        return True

    def retention_due(self) -> list[int]:
        """Members (not yet erased) with neither a purchase nor their registration within ``retention_years``;
        empty when the setting is 0 (off)."""
        store = self._store
        store.require(Action.PRIVACY_REQUESTS)
        years = store.settings.retention_years
        if years <= 0:
            return []
        cutoff = to_iso(_years_before(store.now(), years))
        return [row[0] for row in store.db.execute(
            "SELECT m.id FROM members m WHERE m.erased_at IS NULL AND m.registered_at < ? "
            "AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.member_id = m.id AND s.at >= ?) ORDER BY m.id",
            (cutoff, cutoff)).fetchall()]

    def apply_retention(self) -> int:
        """Erase every member :meth:`Privacy.retention_due` lists, in one transaction; returns how many.

        Audited as one ``member.erase`` per member (reason ``retention``) and one ``retention.apply``.
        """
        store = self._store
        store.require(Action.PRIVACY_REQUESTS)
        due = self.retention_due()
        if not due:
            return 0
        with _secure_delete(store):
            with store.db.transaction():
                for member_id in due:
                    self._erase(member_id, "retention")
                store.audit.record("retention.apply", "member", None, erased=len(due),
                                   years=store.settings.retention_years)
        log.info("retention applied: %d members erased", len(due))
        return len(due)

    # -- the marketing call list -------------------------------------------------------------------------

    def export_call_list(self, member_ids: Iterable[int], path: str | Path, *, label: str | None = None,
                         headers: tuple[str, str] = ("Name", "Phone")) -> int:
        """Write the name and phone of each of ``member_ids`` who consented to marketing to ``path``
        (``.csv``, or ``.xlsx`` when openpyxl is installed); returns how many were written.

        ``label`` (e.g. the segment) names the sheet and the audit entry; ``headers`` are the column
        titles in the caller's language. The file appears whole or not at all and is audited as
        ``segment.call_list`` with the count only, in the same transaction.
        """
        store = self._store
        store.require(Action.RUN_ANALYTICS)
        path = Path(path).expanduser()
        suffix = path.suffix.lower()
        if suffix not in CALL_LIST_SUFFIXES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Export to a .csv or an .xlsx file."))
        if not path.parent.is_dir():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The folder for the export does not exist."))
        ids = sorted(set(int(i) for i in member_ids) & set(self.consented_members("marketing")))
        rows: list[list] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows += [[row["name"], row["phone"]] for row in store.db.all(
                f"SELECT name, phone FROM members WHERE id IN ({','.join('?' * len(chunk))}) "
                "AND erased_at IS NULL ORDER BY id", chunk)]
        payload = _call_list_bytes(suffix, list(headers), rows, (label or "call list")[:31])
        written = False
        try:
            with store.db.transaction():
                _write_atomically(path, payload)
                written = True
                store.audit.record("segment.call_list", "segment", label, members=len(rows))
        except BaseException:
            if written:                         # no audit entry, no call list
                path.unlink(missing_ok=True)
            raise
        log.info("call list exported: %d member(s), %s", len(rows), suffix[1:])
        return len(rows)


def _call_list_bytes(suffix: str, headers: list[str], rows: list[list], sheet_title: str) -> bytes:
    """The call list as the bytes of a UTF-8 CSV (with BOM, for Excel) or an Excel workbook; a name that
    looks like a formula is written as text (io/safe_cells.py)."""
    if suffix == ".xlsx":
        from io import BytesIO

        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = sheet_title
        append_text_safe(sheet, headers)
        for row in rows:
            append_text_safe(sheet, row)
        buffer = BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    text = StringIO()
    writer = csv.writer(text)
    writer.writerow(neutralise_row(headers))
    writer.writerows(neutralise_row(row) for row in rows)
    return text.getvalue().encode("utf-8-sig")
