"""药品追溯码: the 20-digit traceability code on every pack, scanned at goods receipt and at sale (China GSP).

A code received is linked to its batch (``in_stock``); sold, it is linked to the sale line (``sold``); a quality
return puts it in ``quarantine``. A code sells once: already sold, never received (unless the store sells stock
received before scanning was required, ``trace_sell_uncoded_stock``) or another product's is refused. Scanning a
code at the till identifies the product (:meth:`TraceCodes.identify`, one primary-key look-up), so staff scan once.

The code's first 7 digits are the product's identification code (药品标识码), the next 9 the pack's serial number
and the last 4 a check; the store does not verify the check (only the issuer's platform can), it reads the code's
shape: 20 ASCII digits beginning with 8. Rules and sources: docs/counter-controls.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pharmadesk.core.catalog import Product
from pharmadesk.core.money import format_money
from pharmadesk.core.permissions import Action
from pharmadesk.io.durable import write_atomically
from pharmadesk.io.safe_cells import csv_bytes
from pharmadesk.core.timeutil import local_day_start, to_iso
from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError

if TYPE_CHECKING:
    from pharmadesk.core.stock import Allocation
    from pharmadesk.core.store import Store

CODE_LENGTH = 20
PRODUCT_PREFIX = 7                       # 药品标识码: the same for every pack of one product and pack size
_CODE = re.compile(r"8[0-9]{19}", re.ASCII)


def parse_trace_code(text: object) -> str | None:
    """The traceability code in what a scanner sent (20 ASCII digits beginning with 8, surrounding blanks
    ignored), or None when it is something else (a GTIN barcode, a name, a coupon). Never raises."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    return text if _CODE.fullmatch(text) else None


def require_trace_code(text: object) -> str:
    """A traceability code as :func:`parse_trace_code` reads it; refuses anything else with a plain message."""
    code = parse_trace_code(text)
    if code is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A traceability code has 20 digits and begins with 8: scan the pack's code again."))
    return code


def clean_codes(codes: Iterable[object]) -> tuple[str, ...]:
    """Codes as given, each checked, none twice; refuses the first bad or repeated one."""
    if isinstance(codes, str):
        codes = [codes]
    seen: list[str] = []
    for text in codes:
        code = require_trace_code(text)
        if code in seen:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Traceability code {code} was scanned twice."), code=code)
        seen.append(code)
    return tuple(seen)


@dataclass(frozen=True)
class TraceScan:
    """A code scanned at the till: the product it identifies, its batch (None: captured at sale, not on file)."""

    code: str
    product: Product
    batch_id: int | None
    captured: bool                       # True: stock from before scanning was required; the sale records it


@dataclass(frozen=True)
class TraceEvent:
    """One line of the traceability report."""

    at: str
    code: str
    event: str                           # received, sold, returned
    product_id: int
    product_name: str
    batch_no: str | None
    reference: str                       # goods receipt id, receipt number or return number


@dataclass(frozen=True)
class TraceSaleRow:
    """One sold pack for the insurance / traceability upload (docs/counter-controls.md describes the file)."""

    sold_at: str
    receipt_no: str
    sale_line_id: int
    trace_code: str
    insurance_code: str
    approval_number: str
    product_name: str
    specification: str
    batch_no: str
    expiry: str
    unit_price: int


# The upload file's columns, in order (docs/counter-controls.md describes each).
EXPORT_COLUMNS = ("sold_at", "receipt_no", "sale_line_id", "trace_code", "insurance_code", "approval_number",
                  "product_name", "specification", "batch_no", "expiry", "unit_price")


class TraceCodes:
    """``store.trace``: traceability codes received, scanned at the till, sold, reported and exported."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- at the till ---------------------------------------------------------------------------------

    def identify(self, code: str, in_cart: Sequence[str] = (), product_id: int | None = None) -> TraceScan:
        """The product a scanned code belongs to, if it may be sold in this sale; writes nothing.

        ``in_cart``: codes already in the sale (a code scanned twice is refused). ``product_id``: the product
        the till has selected, used only for a code not on file when the store sells uncoded stock and no code
        on file shares its product prefix. Refuses a code already sold, in quarantine, never received, or
        another product's, each with a plain message."""
        store = self._store
        store.require(Action.SELL)
        code = require_trace_code(code)
        if code in in_cart:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Traceability code {code} was scanned twice in this sale."), code=code)
        row = store.db.one("SELECT product_id, batch_id, status FROM trace_codes WHERE code = ?", (code,))
        if row is not None:
            self._refuse_status(code, row["status"])
            product = store.catalog.get(row["product_id"])
            if product_id is not None and product_id != product.id:
                raise self._other_product(code, product)
            return TraceScan(code, product, row["batch_id"], False)
        if not store.settings.trace_sell_uncoded_stock:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Traceability code {code} was never received into stock: this pack cannot be sold. "
                          "Check the goods receipt."), code=code)
        known = self._product_by_prefix(code)
        if known is not None and product_id is not None and known != product_id:
            raise self._other_product(code, store.catalog.get(known))
        chosen = known if known is not None else product_id
        if chosen is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Traceability code {code} is not on file: scan the product's barcode first, then its "
                          "code."), code=code)
        product = store.catalog.get(chosen)
        if self._has_codes_in_stock(product.id):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Traceability code {code} was never received into stock: this pack cannot be sold. "
                          "Check the goods receipt."), code=code)
        return TraceScan(code, product, None, True)

    @staticmethod
    def _refuse_status(code: str, status: str) -> None:
        if status == "sold":
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Traceability code {code} has already been sold: this pack cannot be sold again."),
                code=code)
        if status == "quarantine":
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Traceability code {code} is in quarantine: this pack cannot be sold."), code=code)

    @staticmethod
    def _other_product(code: str, product: Product) -> ValidationError:
        return ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Traceability code {code} belongs to another product ({product})."),
            code=code, product=product.name)

    def _product_by_prefix(self, code: str) -> int | None:
        """The product of any code on file with the same 7-digit product prefix (a primary-key range read)."""
        prefix = code[:PRODUCT_PREFIX]
        return self._store.db.scalar(
            "SELECT product_id FROM trace_codes WHERE code >= ? AND code < ? LIMIT 1",
            (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)))

    def _has_codes_in_stock(self, product_id: int) -> bool:
        return bool(self._store.db.scalar(
            "SELECT 1 FROM trace_codes WHERE product_id = ? AND status = 'in_stock' LIMIT 1", (product_id,)))

    # -- inside the sale's transaction ------------------------------------------------------------

    def check_sale_line(self, product: Product, quantity: int, codes: Sequence[str], seen: set[str],
                        by_units: bool = False) -> dict[int, int]:
        """Check a sale line's codes (the sale's other lines' codes in ``seen``, which this extends) and return
        the packs to take from each code's batch. Under China GSP a medicine with codes in stock needs one code
        per pack (``trace_required_at_sale``); a split-pack line (``by_units``) carries none. Reads only."""
        store = self._store
        codes = clean_codes(codes)
        for code in codes:
            if code in seen:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Traceability code {code} was scanned twice in this sale."), code=code)
            seen.add(code)
        if by_units and codes:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Units from an opened pack carry no traceability code: the pack's code was recorded "
                          "when it was opened."))
        if len(codes) > quantity:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{product}: {scanned} traceability codes for {quantity} pack(s)."),
                product=product.name, scanned=len(codes), quantity=quantity)
        prefer: dict[int, int] = {}
        for code in codes:
            scan = self._scan_for_line(code, product)
            if scan.batch_id is not None:
                prefer[scan.batch_id] = prefer.get(scan.batch_id, 0) + 1
        if (store.settings.china_gsp and store.settings.trace_required_at_sale and not by_units
                and len(codes) < quantity and self._has_codes_in_stock(product.id)):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{product}: scan the traceability code of each pack ({scanned} of {quantity} scanned)."),
                product=product.name, scanned=len(codes), quantity=quantity)
        return prefer

    def _scan_for_line(self, code: str, product: Product) -> TraceScan:
        row = self._store.db.one("SELECT product_id, batch_id, status FROM trace_codes WHERE code = ?", (code,))
        if row is None:
            return self._captured(code, product)
        self._refuse_status(code, row["status"])
        if row["product_id"] != product.id:
            raise self._other_product(code, self._store.catalog.get(row["product_id"]))
        return TraceScan(code, product, row["batch_id"], False)

    def _captured(self, code: str, product: Product) -> TraceScan:
        """A code not on file: accepted only for uncoded stock when the store's setting allows it."""
        store = self._store
        if not store.settings.trace_sell_uncoded_stock or self._has_codes_in_stock(product.id):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Traceability code {code} was never received into stock: this pack cannot be sold. "
                          "Check the goods receipt."), code=code)
        known = self._product_by_prefix(code)
        if known is not None and known != product.id:
            raise self._other_product(code, store.catalog.get(known))
        return TraceScan(code, product, None, True)

    def link_sold(self, codes: Sequence[str], product_id: int, sale_line_id: int,
                  allocations: Sequence["Allocation"], at: str) -> None:
        """Mark a sold line's codes sold (a code not on file is captured, on the line's first batch).

        A helper called inside the sale's transaction after :meth:`check_sale_line`; no permission check."""
        db = self._store.db
        user = self._store.user
        for code in codes:
            updated = db.execute(
                "UPDATE trace_codes SET status = 'sold', sale_line_id = ? WHERE code = ? AND status = 'in_stock'",
                (sale_line_id, code)).rowcount
            if not updated:
                db.insert("trace_codes", {"code": code, "product_id": product_id, "batch_id": allocations[0].batch_id,
                                          "status": "sold", "sale_line_id": sale_line_id, "captured_at_sale": 1})
            db.insert("trace_code_events", {"at": at, "code": code, "event": "sold", "ref_type": "sale_line",
                                            "ref_id": sale_line_id, "user_id": user.id if user else None})

    def link_opened(self, code: str, product_id: int, batch_id: int, open_pack_id: int, at: str) -> None:
        """The code of a pack opened for sale by the unit leaves stock with the opening (event ``sold``). A helper
        inside :meth:`SplitPacks.open_pack`'s transaction."""
        db = self._store.db
        user = self._store.user
        if not db.execute("UPDATE trace_codes SET status = 'sold' WHERE code = ? AND status = 'in_stock'",
                          (code,)).rowcount:
            db.insert("trace_codes", {"code": code, "product_id": product_id, "batch_id": batch_id, "status": "sold",
                                      "captured_at_sale": 1})
        db.insert("trace_code_events", {"at": at, "code": code, "event": "sold", "ref_type": "open_pack",
                                        "ref_id": open_pack_id, "user_id": user.id if user else None})

    # -- at goods receipt ------------------------------------------------------------------------------

    def link_received(self, codes: Sequence[str], product_id: int, batch_id: int, receipt_id: int) -> None:
        """Put received codes on file against their batch; refuses a code already on file.

        A helper called inside a goods receipt's transaction (:meth:`Stock.receive`, :meth:`receive_codes`)."""
        db = self._store.db
        at = to_iso(self._store.now())
        user = self._store.user
        for code in codes:
            if db.scalar("SELECT 1 FROM trace_codes WHERE code = ?", (code,)):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Traceability code {code} is already on file: the same pack cannot be received twice."),
                    code=code)
            db.insert("trace_codes", {"code": code, "product_id": product_id, "batch_id": batch_id,
                                      "status": "in_stock", "receipt_id": receipt_id})
            db.insert("trace_code_events", {"at": at, "code": code, "event": "received", "ref_type": "goods_receipt",
                                            "ref_id": receipt_id, "user_id": user.id if user else None})

    def receive_codes(self, batch_id: int, codes: Iterable[str]) -> int:
        """Scan the codes of a batch already received (the receipt was booked first); returns how many were put
        on file. No more codes than the batch received; audited as ``trace.receive``."""
        store = self._store
        store.require(Action.RECEIVE_GOODS)
        codes = clean_codes(codes)
        if not codes:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Scan at least one traceability code."))
        batch = store.db.one("SELECT id, product_id, receipt_id, received_qty FROM batches WHERE id = ?", (batch_id,))
        if batch is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such batch."))
        on_file = store.db.scalar("SELECT count(*) FROM trace_codes WHERE batch_id = ? AND captured_at_sale = 0",
                                  (batch_id,))
        if on_file + len(codes) > batch["received_qty"]:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "More traceability codes than packs received in this batch ({n})."), n=batch["received_qty"])
        with store.db.transaction():
            self.link_received(codes, batch["product_id"], batch_id, batch["receipt_id"] or 0)
            store.audit.record("trace.receive", "batch", batch_id, codes=len(codes))
        return len(codes)

    # -- returns -----------------------------------------------------------------------------------------

    def quarantine_returned(self, sale_line_id: int, batch_id: int, packs: int, return_id: int, at: str) -> list[str]:
        """Put up to ``packs`` of a sold line's codes of one batch back on file as ``quarantine`` (a quality
        return); returns them. A helper called inside the return's transaction."""
        db = self._store.db
        user = self._store.user
        codes = [row["code"] for row in db.all(
            "SELECT code FROM trace_codes WHERE sale_line_id = ? AND batch_id = ? AND status = 'sold' "
            "ORDER BY code LIMIT ?", (sale_line_id, batch_id, packs))]
        for code in codes:
            db.execute("UPDATE trace_codes SET status = 'quarantine' WHERE code = ?", (code,))
            db.insert("trace_code_events", {"at": at, "code": code, "event": "returned", "ref_type": "return",
                                            "ref_id": return_id, "user_id": user.id if user else None})
        return codes

    # -- reading -----------------------------------------------------------------------------------------

    def codes_of_line(self, sale_line_id: int) -> list[str]:
        """The codes sold on a sale line (receipts, returns)."""
        self._store.require(Action.SELL)
        return [row["code"] for row in self._store.db.all(
            "SELECT code FROM trace_codes WHERE sale_line_id = ? ORDER BY code", (sale_line_id,))]

    def report(self, start: date, end: date) -> list[TraceEvent]:
        """Codes received, sold and returned from ``start`` to ``end`` (local days, both included)."""
        self._store.require(Action.VIEW_REPORTS)
        low, high = self._window(start, end)
        rows = self._store.db.all(
            "SELECT e.at, e.code, e.event, c.product_id, p.name AS product_name, b.batch_no, e.ref_type, e.ref_id, "
            "s.receipt_no, r.return_no FROM trace_code_events e JOIN trace_codes c ON c.code = e.code "
            "JOIN products p ON p.id = c.product_id LEFT JOIN batches b ON b.id = c.batch_id "
            "LEFT JOIN sale_lines l ON e.ref_type = 'sale_line' AND l.id = e.ref_id "
            "LEFT JOIN sales s ON s.id = l.sale_id "
            "LEFT JOIN returns r ON e.ref_type = 'return' AND r.id = e.ref_id "
            "WHERE e.at >= ? AND e.at < ? ORDER BY e.at, e.id", (low, high))
        prefixes = {"goods_receipt": "GR", "open_pack": "OP"}
        return [TraceEvent(row["at"], row["code"], row["event"], row["product_id"], row["product_name"],
                           row["batch_no"], row["receipt_no"] or row["return_no"]
                           or f"{prefixes.get(row['ref_type'], '')}{row['ref_id']}")
                for row in rows]

    def sales_with_codes(self, start: date, end: date) -> list[TraceSaleRow]:
        """Every pack sold with its code from ``start`` to ``end`` (local days), for the upload file
        (:mod:`pharmadesk.io.trace_export`). No buyer, member or staff data."""
        self._store.require(Action.VIEW_REPORTS)
        low, high = self._window(start, end)
        rows = self._store.db.all(
            "SELECT s.at, s.receipt_no, l.id AS line_id, c.code, COALESCE(p.insurance_code, '') AS insurance_code, "
            "COALESCE(p.approval_number, '') AS approval_number, p.name, COALESCE(p.specification, '') AS spec, "
            "COALESCE(b.batch_no, '') AS batch_no, COALESCE(b.expiry, '') AS expiry, l.unit_price "
            "FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN trace_codes c ON c.sale_line_id = l.id "
            "JOIN products p ON p.id = l.product_id LEFT JOIN batches b ON b.id = c.batch_id "
            "WHERE s.at >= ? AND s.at < ? ORDER BY s.at, l.id, c.code", (low, high))
        return [TraceSaleRow(row["at"], row["receipt_no"], row["line_id"], row["code"], row["insurance_code"],
                             row["approval_number"], row["name"], row["spec"], row["batch_no"], row["expiry"],
                             row["unit_price"]) for row in rows]

    def export_sales(self, start: date, end: date, path: Path | str) -> int:
        """Write the packs sold with their codes from ``start`` to ``end`` to a CSV for the insurance /
        traceability upload (the columns :data:`EXPORT_COLUMNS`, described in docs/counter-controls.md); no
        network call. The owner's (VIEW_REPORTS); audited as ``trace.export`` with the row count. Every cell is
        neutralised against spreadsheet formulas; the file appears whole or not at all. Returns the row count."""
        store = self._store
        store.require(Action.VIEW_REPORTS)
        path = Path(path).expanduser()
        if path.suffix.lower() != ".csv":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Export to a .csv file."))
        if not path.parent.is_dir():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The folder for the export does not exist."))
        rows = [[row.sold_at, row.receipt_no, row.sale_line_id, row.trace_code, row.insurance_code,
                 row.approval_number, row.product_name, row.specification, row.batch_no, row.expiry,
                 format_money(row.unit_price)] for row in self.sales_with_codes(start, end)]
        payload = csv_bytes(EXPORT_COLUMNS, rows)
        written = False
        try:
            with store.db.transaction():
                write_atomically(path, payload)
                written = True
                store.audit.record("trace.export", "store", store.store_id, rows=len(rows),
                                   start=start.isoformat(), end=end.isoformat())
        except BaseException:
            if written:                         # no audit entry, no file
                path.unlink(missing_ok=True)
            raise
        return len(rows)

    def _window(self, start: date, end: date) -> tuple[str, str]:
        if end < start:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The end date is before the start date."))
        return to_iso(local_day_start(start)), to_iso(local_day_start(end + timedelta(days=1)))
