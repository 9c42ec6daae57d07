"""``store.quality``: the GSP quality records a Chinese retail pharmacy keeps for the inspector (issue 15).

Qualifications and first-time approvals (首营企业 / 首营品种), acceptance at receipt (验收), the quarantine of
failed or suspect stock (不合格药品) and near-expiry warnings live here; the storage log (温湿度) and the
maintenance checks (养护) in :mod:`pharmadesk.core.quality_upkeep`, mixed into the same service. The stock
rules read the store setting ``regulatory_profile``: with "china_gsp" a goods receipt needs approved, unexpired
qualifications and its units stay pending until accepted; with "none" receiving and selling work as before.

A batch's units are split by quality status in two columns of ``batches`` (``pending_qty``,
``quarantine_qty``; sellable = on_hand − both), see migration 0014 and docs/quality.md.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterable, Sequence

from pharmadesk.core.catalog import whole_number
from pharmadesk.core.money import proportion
from pharmadesk.core.permissions import Action
from pharmadesk.core.quality_records import (
    COLD_CHAIN_RANGE,
    CONCLUSIONS,
    DISPOSAL_METHODS,
    DOCUMENT_KINDS,
    DOCUMENT_LABELS,
    EXPIRING_WINDOW_DAYS,
    PRODUCT_DOCUMENTS,
    REQUIRED_PRODUCT_DOCUMENTS,
    REQUIRED_SUPPLIER_DOCUMENTS,
    SUPPLIER_DOCUMENTS,
    Acceptance,
    BatchQuality,
    Document,
    NearExpiryBatch,
    NearExpiryMonth,
    PendingLine,
    Qualification,
    QualityApproval,
    QuarantineRecord,
    clean_text,
    measurement,
    within,
)
from pharmadesk.core.quality_upkeep import Upkeep, local_day_start
from pharmadesk.core.stock import MAX_QUANTITY
from pharmadesk.core.timeutil import parse_date, to_iso
from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, PermissionDenied, StockError, ValidationError

if TYPE_CHECKING:
    from pharmadesk.core.store import Store
    from pharmadesk.core.users import Approval

_DOCUMENT_SELECT = (
    "SELECT d.*, COALESCE(s.name, p.name) AS subject_name FROM quality_documents d "
    "LEFT JOIN suppliers s ON s.id = d.supplier_id LEFT JOIN products p ON p.id = d.product_id ")
# The newest document of its subject and kind: a renewal replaces the document it renews.
_CURRENT = ("d.id = (SELECT max(e.id) FROM quality_documents e WHERE e.kind = d.kind "
            "AND e.supplier_id IS d.supplier_id AND e.product_id IS d.product_id)")
_QUARANTINE_SELECT = (
    "SELECT q.*, b.product_id, p.name AS product_name, b.batch_no, b.expiry FROM quality_quarantine q "
    "JOIN batches b ON b.id = q.batch_id JOIN products p ON p.id = b.product_id ")
_ACCEPTANCE_SELECT = (
    "SELECT a.*, b.product_id, p.name AS product_name, p.specification, p.manufacturer, b.batch_no, b.expiry, "
    "r.supplier_id FROM quality_acceptances a JOIN batches b ON b.id = a.batch_id "
    "JOIN products p ON p.id = b.product_id JOIN goods_receipts r ON r.id = a.receipt_id ")


class Quality(Upkeep):
    """The GSP quality records; every write is ``require → validate → one transaction → audit``."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- qualifications ----------------------------------------------------------------------------

    def add_document(self, kind: str, number: str, issuer: str, expires_on: date | str | None, *,
                     supplier_id: int | None = None, product_id: int | None = None,
                     issued_on: date | str | None = None) -> Document:
        """Record a supplier's licence / certificate / authorisation or a product's approval document (or its
        renewal: the newest of a kind counts). ``expires_on`` None: valid without a term (长期)."""
        user = self._store.require(Action.APPROVE_QUALIFICATIONS)
        if kind not in DOCUMENT_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown kind of document."))
        if (supplier_id is None) == (product_id is None):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A document belongs to one supplier or one product."))
        if (supplier_id is not None) != (kind in SUPPLIER_DOCUMENTS):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This kind of document does not belong there."))
        if supplier_id is not None:
            self._store.catalog.supplier(supplier_id)
        else:
            self._store.catalog.get(product_id)
        values = {
            "supplier_id": supplier_id, "product_id": product_id, "kind": kind,
            "number": clean_text(number, "number", 80), "issuer": clean_text(issuer, "issuer", 120),
            "issued_on": parse_date(issued_on, "issued on").isoformat() if issued_on else None,
            "expires_on": parse_date(expires_on, "expires on").isoformat() if expires_on else None,
            "recorded_at": to_iso(self._store.now()), "user_id": user.id,
        }
        if values["issued_on"] and values["expires_on"] and values["expires_on"] < values["issued_on"]:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A document cannot expire before it was issued."))
        db = self._store.db
        with db.transaction():
            document_id = db.insert("quality_documents", values)
            self._store.audit.record("quality.document", "quality_document", document_id, kind=kind,
                                     supplier_id=supplier_id, product_id=product_id, expires_on=values["expires_on"])
        return self._document(document_id)

    def approve_supplier(self, supplier_id: int, note: str | None = None) -> QualityApproval:
        """Approve a first-time supplier (首营企业): its required documents must be on file and in force."""
        user = self._store.require(Action.APPROVE_QUALIFICATIONS)
        supplier = self._store.catalog.supplier(supplier_id)
        self._check_documents(supplier["name"], "supplier_id", supplier_id, REQUIRED_SUPPLIER_DOCUMENTS,
                              self._store.today())
        return self._approve("supplier_id", supplier_id, user.id, clean_text(note, "note", required=False))

    def approve_product(self, product_id: int, number: str, issuer: str, expires_on: date | str | None,
                        note: str | None = None, issued_on: date | str | None = None) -> QualityApproval:
        """Approve a first-time product (首营品种), recording its approval document (number, issuer, expiry)."""
        user = self._store.require(Action.APPROVE_QUALIFICATIONS)
        product = self._store.catalog.get(product_id)
        if self.approval(product_id=product_id) is not None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{name} is already approved."), name=product.name)
        note = clean_text(note, "note", required=False)
        expiry = parse_date(expires_on, "expires on") if expires_on else None
        if expiry is not None and expiry < self._store.today():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{name}: the {document} expired on {expiry}."),
                                  name=product.name, document=DOCUMENT_LABELS["product_registration"],
                                  expiry=expiry.isoformat())
        with self._store.db.transaction():
            self.add_document("product_registration", number, issuer, expiry, product_id=product_id,
                              issued_on=issued_on)
            return self._approve("product_id", product_id, user.id, note)

    def _approve(self, column: str, subject_id: int, user_id: int, note: str | None) -> QualityApproval:
        db = self._store.db
        if db.one(f"SELECT id FROM quality_approvals WHERE {column} = ?", (subject_id,)):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{name} is already approved."),
                                  name=self._subject_name(column, subject_id))
        with db.transaction():
            approval_id = db.insert("quality_approvals", {column: subject_id, "approved_at": to_iso(self._store.now()),
                                                          "user_id": user_id, "note": note})
            self._store.audit.record("quality.approve", column.removesuffix("_id"), subject_id)
        return QualityApproval(**db.one("SELECT * FROM quality_approvals WHERE id = ?", (approval_id,)))

    def approval(self, supplier_id: int | None = None, product_id: int | None = None) -> QualityApproval | None:
        """The first-time approval of a supplier or a product, or None."""
        self._store.require_user()
        column, subject_id = ("supplier_id", supplier_id) if supplier_id is not None else ("product_id", product_id)
        row = self._store.db.one(f"SELECT * FROM quality_approvals WHERE {column} = ?", (subject_id,))
        return QualityApproval(**row) if row else None

    def documents(self, supplier_id: int | None = None, product_id: int | None = None,
                  current_only: bool = True, on: date | None = None) -> list[Document]:
        """Documents of a supplier or a product (both None: all), the newest of each kind unless ``current_only``
        is False, sorted by subject and kind."""
        self._store.require_user()
        where, params = [], []
        if current_only:
            where.append(_CURRENT)
        if supplier_id is not None:
            where.append("d.supplier_id = ?")
            params.append(supplier_id)
        if product_id is not None:
            where.append("d.product_id = ?")
            params.append(product_id)
        sql = _DOCUMENT_SELECT + (f"WHERE {' AND '.join(where)} " if where else "") + "ORDER BY subject_name, d.kind, d.id"
        return [self._to_document(row, on or self._store.today()) for row in self._store.db.all(sql, tuple(params))]

    def expiring_documents(self, days: int = EXPIRING_WINDOW_DAYS, on: date | None = None) -> list[Document]:
        """Current documents that expire within ``days`` of ``on`` (today), the expired ones included, soonest
        first: the list to chase renewals from."""
        self._store.require_user()
        days = whole_number(days, "days", 0, 3650)
        on = on or self._store.today()
        rows = self._store.db.all(
            _DOCUMENT_SELECT + f"WHERE {_CURRENT} AND d.expires_on IS NOT NULL AND d.expires_on <= ? "
            "ORDER BY d.expires_on, d.id", ((on + timedelta(days=days)).isoformat(),))
        return [self._to_document(row, on) for row in rows]

    def qualifications(self, subject: str = "supplier", on: date | None = None) -> list[Qualification]:
        """Every active supplier (``subject`` 'supplier') or product ('product') with its approval and the
        documents it lacks or that expired on ``on`` (today): the first-time approval list of the Quality page."""
        self._store.require_user()
        on = on or self._store.today()
        if subject not in ("supplier", "product"):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose supplier or product."))
        column, table, kinds, required = (
            ("supplier_id", "suppliers", SUPPLIER_DOCUMENTS, REQUIRED_SUPPLIER_DOCUMENTS) if subject == "supplier"
            else ("product_id", "products", PRODUCT_DOCUMENTS, REQUIRED_PRODUCT_DOCUMENTS))
        db = self._store.db
        approved = {row[column] for row in db.all(f"SELECT {column} FROM quality_approvals WHERE {column} IS NOT NULL")}
        current: dict[int, dict[str, str | None]] = {}
        for row in db.all(f"SELECT d.{column} AS subject_id, d.kind, d.expires_on FROM quality_documents d "
                          f"WHERE d.{column} IS NOT NULL AND {_CURRENT}"):
            current.setdefault(row["subject_id"], {})[row["kind"]] = row["expires_on"]
        result = []
        for row in db.all(f"SELECT id, name FROM {table} WHERE active = 1 ORDER BY name, id"):
            documents = current.get(row["id"], {})
            expiries = sorted(e for e in documents.values() if e)
            result.append(Qualification(
                subject, row["id"], row["name"], row["id"] in approved,
                missing=tuple(k for k in required if k not in documents),
                expired=tuple(k for k in kinds if documents.get(k) and documents[k] < on.isoformat()),
                next_expiry=expiries[0] if expiries else None))
        return result

    def refuse_unqualified(self, supplier_id: int, product_ids: Iterable[int], on: date | None = None) -> None:
        """Under china_gsp, refuse a receipt from a supplier, or of a product, that is not approved or whose
        required document is missing or expired (a :class:`ValidationError` naming the document and its
        expiry). Called by ``stock.receive`` before it writes; checks no permission of its own."""
        if not self._store.settings.china_gsp:
            return
        on = on or self._store.today()
        db = self._store.db
        supplier = db.one("SELECT name FROM suppliers WHERE id = ?", (supplier_id,))
        if supplier is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such supplier."))
        if not db.one("SELECT id FROM quality_approvals WHERE supplier_id = ?", (supplier_id,)):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{name} is not approved as a first-time supplier; approve it before receiving."),
                name=supplier["name"])
        self._check_documents(supplier["name"], "supplier_id", supplier_id, SUPPLIER_DOCUMENTS, on,
                              required=REQUIRED_SUPPLIER_DOCUMENTS)
        for product_id in dict.fromkeys(product_ids):
            product = db.one("SELECT name FROM products WHERE id = ?", (product_id,))
            if product is None:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "No such product."))
            if not db.one("SELECT id FROM quality_approvals WHERE product_id = ?", (product_id,)):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "{name} is not approved as a first-time product; approve it before receiving."),
                    name=product["name"])
            self._check_documents(product["name"], "product_id", product_id, PRODUCT_DOCUMENTS, on,
                                  required=REQUIRED_PRODUCT_DOCUMENTS)

    def _check_documents(self, name: str, column: str, subject_id: int, kinds: Sequence[str], on: date,
                         required: Sequence[str] | None = None) -> None:
        """Every kind in ``required`` on file, and every current one of ``kinds`` unexpired on ``on``."""
        required = kinds if required is None else required
        rows = self._store.db.all(
            f"SELECT d.kind, d.expires_on FROM quality_documents d WHERE d.{column} = ? AND {_CURRENT}", (subject_id,))
        current = {row["kind"]: row["expires_on"] for row in rows}
        for kind in kinds:
            if kind not in current:
                if kind in required:
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "{name}: no {document} on file; record it before receiving."),
                        name=name, document=DOCUMENT_LABELS[kind])
                continue
            expiry = current[kind]
            if expiry is not None and expiry < on.isoformat():
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "{name}: the {document} expired on {expiry}; record the renewed document first."),
                    name=name, document=DOCUMENT_LABELS[kind], expiry=expiry)

    def _subject_name(self, column: str, subject_id: int) -> str:
        table = "suppliers" if column == "supplier_id" else "products"
        return self._store.db.scalar(f"SELECT name FROM {table} WHERE id = ?", (subject_id,))

    def _document(self, document_id: int) -> Document:
        row = self._store.db.one(_DOCUMENT_SELECT + "WHERE d.id = ?", (document_id,))
        return self._to_document(row, self._store.today())

    @staticmethod
    def _to_document(row: dict, on: date) -> Document:
        days_left = (date.fromisoformat(row["expires_on"]) - on).days if row["expires_on"] else None
        return Document(id=row["id"], kind=row["kind"], number=row["number"], issuer=row["issuer"],
                        issued_on=row["issued_on"], expires_on=row["expires_on"], supplier_id=row["supplier_id"],
                        product_id=row["product_id"], subject_name=row["subject_name"],
                        recorded_at=row["recorded_at"], user_id=row["user_id"], days_left=days_left)

    # -- acceptance (验收) ----------------------------------------------------------------------------

    def hold_for_acceptance(self, batch_id: int, quantity: int) -> None:
        """Under china_gsp, keep ``quantity`` just-received units of a batch pending (not sellable) until
        accepted. Called by ``stock.receive`` inside its transaction; no permission check of its own."""
        if self._store.settings.china_gsp:
            self._store.db.execute("UPDATE batches SET pending_qty = pending_qty + ? WHERE id = ?", (quantity, batch_id))

    def pending_acceptance(self, receipt_id: int | None = None) -> list[PendingLine]:
        """Receipt lines (one per batch) with units still awaiting acceptance, oldest receipt first."""
        self._store.require_user()
        where, params = ("AND m.ref_id = ?", (receipt_id,)) if receipt_id is not None else ("", ())
        rows = self._store.db.all(
            "SELECT m.ref_id AS receipt_id, m.batch_id, b.product_id, p.name AS product_name, b.batch_no, b.expiry, "
            "p.storage_condition, SUM(m.quantity) AS received, r.received_at, r.supplier_id, b.pending_qty "
            "FROM stock_moves m JOIN batches b ON b.id = m.batch_id JOIN products p ON p.id = b.product_id "
            "JOIN goods_receipts r ON r.id = m.ref_id "
            f"WHERE m.reason = 'receipt' AND m.ref_type = 'goods_receipt' AND b.pending_qty > 0 {where} "
            "GROUP BY m.ref_id, m.batch_id ORDER BY m.ref_id, p.name", params)
        lines = []
        for row in rows:
            pending = self._pending_of_line(row["receipt_id"], row["batch_id"], row["received"], row["pending_qty"])
            if pending > 0:
                lines.append(PendingLine(
                    receipt_id=row["receipt_id"], batch_id=row["batch_id"], product_id=row["product_id"],
                    product_name=row["product_name"], batch_no=row["batch_no"], expiry=row["expiry"],
                    storage_condition=row["storage_condition"], received=row["received"], pending=pending,
                    received_at=row["received_at"], supplier_id=row["supplier_id"]))
        return lines

    def _pending_of_line(self, receipt_id: int, batch_id: int, received: int, batch_pending: int) -> int:
        concluded = self._store.db.scalar(
            "SELECT COALESCE(SUM(quantity), 0) FROM quality_acceptances WHERE receipt_id = ? AND batch_id = ?",
            (receipt_id, batch_id))
        return max(0, min(received - concluded, batch_pending))

    def accept(self, receipt_id: int, batch_id: int, conclusion: str, quantity_checked: int, appearance: str,
               arrival_temp_c: float | None = None, quantity: int | None = None,
               note: str | None = None) -> Acceptance:
        """Record the acceptance check (验收) of a receipt line's units (``quantity``: all still pending).

        'accepted' makes them sellable; 'refused' sends them back to the supplier (a write-off move with the
        acceptance as its reference); 'quarantine' holds them in quarantine. A cold-chain product needs its
        arrival temperature, and outside 2–8 °C cannot be accepted.
        """
        user = self._store.require(Action.ACCEPT_GOODS)
        if conclusion not in CONCLUSIONS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose accepted, refused or quarantine."))
        db = self._store.db
        line = db.one(
            "SELECT SUM(m.quantity) AS received, b.pending_qty, p.storage_condition, p.name "
            "FROM stock_moves m JOIN batches b ON b.id = m.batch_id JOIN products p ON p.id = b.product_id "
            "WHERE m.reason = 'receipt' AND m.ref_type = 'goods_receipt' AND m.ref_id = ? AND m.batch_id = ?",
            (receipt_id, batch_id))
        if line is None or line["received"] is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That batch is not on this goods receipt."))
        pending = self._pending_of_line(receipt_id, batch_id, line["received"], line["pending_qty"])
        if pending == 0:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Nothing of this receipt line awaits acceptance."))
        quantity = pending if quantity is None else whole_number(quantity, "quantity", 1, pending)
        checked = whole_number(quantity_checked, "quantity checked", 0, line["received"])   # sampled from the line
        appearance = clean_text(appearance, "appearance")
        note = clean_text(note, "note", required=False)
        temperature = None
        if arrival_temp_c is not None and str(arrival_temp_c).strip() != "":
            temperature = measurement(arrival_temp_c, "arrival temperature", -50, 60)
        if line["storage_condition"] == "cold":
            if temperature is None:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "{name} is a cold-chain item: enter its temperature on arrival."), name=line["name"])
            if conclusion == "accepted" and not within(temperature, *COLD_CHAIN_RANGE):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "{name} arrived at {temperature} °C, outside 2–8 °C: it cannot be accepted."),
                    name=line["name"], temperature=temperature)
        with db.transaction():
            acceptance_id = db.insert("quality_acceptances", {
                "receipt_id": receipt_id, "batch_id": batch_id, "quantity": quantity, "quantity_checked": checked,
                "appearance": appearance, "arrival_temp_c": temperature, "conclusion": conclusion, "note": note,
                "at": to_iso(self._store.now()), "user_id": user.id})
            db.execute("UPDATE batches SET pending_qty = pending_qty - ? WHERE id = ?", (quantity, batch_id))
            if conclusion == "refused":
                self._store.stock.post_move(batch_id, -quantity, "write_off", "quality_acceptance", acceptance_id,
                                            "refused at acceptance: back to the supplier")
            elif conclusion == "quarantine":
                quarantine_id = self._hold(batch_id, quantity, note or appearance, "quality_acceptance", acceptance_id)
                db.execute("UPDATE quality_acceptances SET quarantine_id = ? WHERE id = ?", (quarantine_id, acceptance_id))
            self._store.audit.record("quality.accept", "goods_receipt", receipt_id, batch_id=batch_id,
                                     conclusion=conclusion, quantity=quantity)
        return self._acceptances("a.id = ?", (acceptance_id,))[0]

    def acceptances(self, receipt_id: int | None = None, start: date | str | None = None,
                    end: date | str | None = None) -> list[Acceptance]:
        """Acceptance records of one receipt, or recorded between ``start`` and ``end`` (local days, inclusive)."""
        self._store.require_user()
        where, params = ["1"], []
        if receipt_id is not None:
            where.append("a.receipt_id = ?")
            params.append(receipt_id)
        if start is not None:
            where.append("a.at >= ?")
            params.append(local_day_start(parse_date(start, "from")))
        if end is not None:
            where.append("a.at < ?")
            params.append(local_day_start(parse_date(end, "to") + timedelta(days=1)))
        return self._acceptances(" AND ".join(where), tuple(params))

    def _acceptances(self, where: str, params: tuple) -> list[Acceptance]:
        rows = self._store.db.all(_ACCEPTANCE_SELECT + f"WHERE {where} ORDER BY a.id", params)
        return [Acceptance(**row) for row in rows]

    # -- quarantine (不合格药品) ---------------------------------------------------------------------------

    def post_quarantine(self, batch_id: int, quantity: int, reason: str, ref_type: str | None = None,
                        ref_id: int | None = None) -> int:
        """Hold ``quantity`` sellable units of a batch in quarantine; returns the batch row id that holds them
        (the same batch: quarantined units stay on their batch row, counted in ``quarantine_qty``).

        Call inside an open transaction; no permission check of its own (like ``stock.post_move``): returns
        put a returned medicine here instead of back on the shelf. Posts no ledger move (the units stay in
        the store); raises :class:`StockError` when the batch has fewer sellable units.
        """
        self._hold(batch_id, quantity, reason, ref_type, ref_id)
        return batch_id

    def _hold(self, batch_id: int, quantity: int, reason: str, ref_type: str | None = None,
              ref_id: int | None = None) -> int:
        """Hold sellable units in quarantine and audit it; returns the quarantine record's id."""
        db = self._store.db
        quantity = whole_number(quantity, "quantity", 1, MAX_QUANTITY)
        reason = clean_text(reason, "reason")
        row = db.one("SELECT on_hand - pending_qty - quarantine_qty AS sellable FROM batches WHERE id = ?", (batch_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such batch."))
        if row["sellable"] < quantity:
            raise StockError(QT_TRANSLATE_NOOP("errors", "Only {available} left in this batch."),
                             available=row["sellable"])
        user = self._store.user
        with db.transaction():
            db.execute("UPDATE batches SET quarantine_qty = quarantine_qty + ? WHERE id = ?", (quantity, batch_id))
            quarantine_id = db.insert("quality_quarantine", {
                "batch_id": batch_id, "quantity": quantity, "reason": reason, "ref_type": ref_type, "ref_id": ref_id,
                "at": to_iso(self._store.now()), "user_id": user.id if user else None})
            self._store.audit.record("quality.quarantine", "quality_quarantine", quarantine_id, batch_id=batch_id,
                                     quantity=quantity, ref_type=ref_type, ref_id=ref_id)
        return quarantine_id

    def quarantine(self, batch_id: int, quantity: int, reason: str) -> QuarantineRecord:
        """Move ``quantity`` sellable units of a batch to quarantine (suspect or failed stock), with a reason."""
        self._store.require(Action.QUARANTINE_STOCK)
        self._store.stock.batch(batch_id)
        quarantine_id = self._hold(batch_id, quantity, reason)
        return self.quarantine_record(quarantine_id)

    def quarantine_record(self, quarantine_id: int) -> QuarantineRecord:
        """One quarantine record."""
        self._store.require_user()
        rows = self._store.db.all(_QUARANTINE_SELECT + "WHERE q.id = ?", (quarantine_id,))
        if not rows:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such quarantine record."))
        return QuarantineRecord(**rows[0])

    def quarantined(self, status: str | None = "held") -> list[QuarantineRecord]:
        """Quarantine records with ``status`` ('held': still in quarantine; None: all), oldest first."""
        self._store.require_user()
        where, params = ("WHERE q.status = ?", (status,)) if status else ("", ())
        return [QuarantineRecord(**row) for row in self._store.db.all(_QUARANTINE_SELECT + f"{where} ORDER BY q.id",
                                                                      params)]

    def dispose(self, quarantine_id: int, method: str, witnesses: Sequence["Approval"] = (),
                note: str | None = None) -> QuarantineRecord:
        """Dispose of quarantined units: 'destroy' before two witnesses (two colleagues' approvals for
        ``Action.WITNESS_DISPOSAL`` with subject ``f"quarantine:{id}"``, two different users, neither the one
        disposing) or 'return' to the supplier. The units leave the ledger as a write-off."""
        user = self._store.require(Action.DISPOSE_STOCK)
        if method not in DISPOSAL_METHODS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose destroy or return."))
        record = self._held(quarantine_id)
        note = clean_text(note, "note", required=False)
        witness_ids: list[int] = []
        if method == "destroy":
            for approval in witnesses:
                witness = self._store.approver(approval, Action.WITNESS_DISPOSAL, f"quarantine:{quarantine_id}")
                if witness is not None and witness.id != user.id and witness.id not in witness_ids:
                    witness_ids.append(witness.id)
            if len(witness_ids) < 2:
                raise PermissionDenied(QT_TRANSLATE_NOOP(
                    "errors", "A destruction needs two witnesses: two other colleagues confirm with their PIN."))
        db = self._store.db
        status = "destroyed" if method == "destroy" else "returned"
        with db.transaction():
            db.execute("UPDATE batches SET quarantine_qty = quarantine_qty - ? WHERE id = ?",
                       (record.quantity, record.batch_id))
            self._store.stock.post_move(record.batch_id, -record.quantity, "write_off", "quality_quarantine",
                                        quarantine_id, "destroyed" if method == "destroy" else "returned to supplier")
            self._close(quarantine_id, status, user.id, note, witness_ids[:2])
            self._store.audit.record(f"quality.{status}", "quality_quarantine", quarantine_id,
                                     batch_id=record.batch_id, quantity=record.quantity,
                                     witnesses=witness_ids[:2] or None)
        self._store.spend_approvals(witnesses)
        return self.quarantine_record(quarantine_id)

    def release_quarantine(self, quarantine_id: int, note: str) -> QuarantineRecord:
        """Release quarantined units back to sellable stock after investigation found them fit, with why."""
        user = self._store.require(Action.DISPOSE_STOCK)
        record = self._held(quarantine_id)
        note = clean_text(note, "note")
        db = self._store.db
        with db.transaction():
            db.execute("UPDATE batches SET quarantine_qty = quarantine_qty - ? WHERE id = ?",
                       (record.quantity, record.batch_id))
            self._close(quarantine_id, "released", user.id, note, [])
            self._store.audit.record("quality.released", "quality_quarantine", quarantine_id,
                                     batch_id=record.batch_id, quantity=record.quantity)
        return self.quarantine_record(quarantine_id)

    def _held(self, quarantine_id: int) -> QuarantineRecord:
        record = self.quarantine_record(quarantine_id)
        if record.status != "held":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This quarantine record is already closed."))
        return record

    def _close(self, quarantine_id: int, status: str, user_id: int, note: str | None, witness_ids: list[int]) -> None:
        first, second = (witness_ids + [None, None])[:2]
        self._store.db.execute(
            "UPDATE quality_quarantine SET status = ?, closed_at = ?, closed_by = ?, witness1_id = ?, witness2_id = ?, "
            "closing_note = ? WHERE id = ?",
            (status, to_iso(self._store.now()), user_id, first, second, note, quarantine_id))

    def batch_quality(self, batch_id: int) -> BatchQuality:
        """A batch's units by quality status (on hand, pending acceptance, in quarantine, sellable)."""
        batch = self._store.stock.batch(batch_id)
        pending, held = batch["pending_qty"], batch["quarantine_qty"]
        return BatchQuality(batch_id, batch["on_hand"], pending, held, batch["on_hand"] - pending - held)

    # -- near expiry -----------------------------------------------------------------------------------

    def near_expiry_warning(self, product_id: int, quantity: int = 1, on: date | None = None) -> list[NearExpiryBatch]:
        """The batches FEFO would give for ``quantity`` units that expire within the store's
        ``near_expiry_days``: what the till warns about before it sells (empty: no warning)."""
        on = on or self._store.today()
        allocations = self._store.stock.allocate(product_id, quantity, on)
        horizon = (on + timedelta(days=self._store.settings.near_expiry_days)).isoformat()
        soon = {a.batch_id: a.quantity for a in allocations if a.expiry <= horizon}
        warnings = []
        for batch in self._near_expiry_batches(on, horizon, product_id):
            if batch.batch_id in soon:
                taken = soon[batch.batch_id]
                warnings.append(replace(batch, quantity=taken, cost_value=proportion(batch.cost_value, taken,
                                                                                     batch.quantity)))
        return warnings

    def near_expiry_report(self, on: date | None = None, days: int | None = None) -> list[NearExpiryMonth]:
        """The monthly near-expiry report (近效期药品月报): batches in stock expiring within ``days`` (the store's
        ``near_expiry_days``) of ``on``, grouped by expiry month, soonest first."""
        self._store.require_user()
        on = on or self._store.today()
        days = self._store.settings.near_expiry_days if days is None else whole_number(days, "days", 1, 3650)
        months: dict[str, list[NearExpiryBatch]] = {}
        for batch in self._near_expiry_batches(on, (on + timedelta(days=days)).isoformat()):
            months.setdefault(batch.expiry[:7], []).append(batch)
        return [NearExpiryMonth(month, tuple(batches)) for month, batches in months.items()]

    def _near_expiry_batches(self, on: date, horizon: str, product_id: int | None = None) -> list[NearExpiryBatch]:
        where, params = ("AND b.product_id = ?", (product_id,)) if product_id is not None else ("", ())
        rows = self._store.db.all(
            "SELECT b.id AS batch_id, b.product_id, p.name AS product_name, p.specification, p.manufacturer, "
            "b.batch_no, b.expiry, CAST(julianday(b.expiry) - julianday(?) AS INTEGER) AS days_left, "
            "b.on_hand AS quantity, b.on_hand * b.unit_cost AS cost_value FROM batches b "
            "JOIN products p ON p.id = b.product_id "
            f"WHERE b.on_hand > 0 AND b.expiry >= ? AND b.expiry <= ? {where} ORDER BY b.expiry, p.name, b.id",
            (on.isoformat(), on.isoformat(), horizon, *params))
        return [NearExpiryBatch(**row) for row in rows]
