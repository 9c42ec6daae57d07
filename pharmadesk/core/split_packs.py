"""拆零: selling a medicine by the unit from an opened pack (China GSP), e.g. tablets from a box of 24.

A product with a split ratio (``split_units``, ``split_unit_name``, ``split_unit_price`` in the product master)
may be sold by the unit. The units come from an **open pack**: :meth:`SplitPacks.open_pack` takes one pack out of
its batch (FEFO, or the pack whose traceability code was scanned) as an open sub-batch, recording when, who
opened it and who checked it. Stock stays consistent in packs and units: the pack leaves the batch through the
stock ledger (``stock_moves`` reason ``sale``, ref ``open_pack``: one pack consumed, so ``stock.verify_ledger``
keeps agreeing) and its units enter the open pack's own ledger (``open_pack_moves``; ``units_left`` is its cache,
which :meth:`verify` checks). A sale line by the unit takes units from the open packs, oldest expiry first, and
prints a split-pack label (:meth:`label`). Rules and sources: docs/counter-controls.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from pharmadesk.core.catalog import Product
from pharmadesk.core.money import proportion
from pharmadesk.core.permissions import Action
from pharmadesk.core.stock import Allocation, is_expired
from pharmadesk.core.timeutil import to_iso
from pharmadesk.core.trace_codes import require_trace_code
from pharmadesk.core.users import Approval
from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, PharmacistRequired, PermissionDenied, StockError, ValidationError

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

MAX_DIRECTIONS = 120


@dataclass(frozen=True)
class OpenPack:
    """An opened pack: the sub-batch units are sold from."""

    id: int
    product_id: int
    batch_id: int
    batch_no: str
    expiry: str
    units: int
    units_left: int
    opened_at: str
    opened_by: int
    checked_by: int


@dataclass(frozen=True)
class UnitsTaken:
    """Units a split sale line takes from one open pack."""

    open_pack_id: int
    batch_id: int
    batch_no: str
    expiry: str
    quantity: int
    unit_cost: int


@dataclass(frozen=True)
class SplitLabel:
    """What the split-pack label says (name, specification, quantity, directions, batch, expiry, store)."""

    product_name: str
    generic_name: str
    specification: str
    quantity: int
    unit_name: str
    directions: str
    batch_no: str
    expiry: str
    opened_at: str
    sold_at: str
    receipt_no: str
    store_name: str
    store_address: str


def sells_by_unit(product: Product) -> bool:
    """Whether the product master lets this product be sold by the unit."""
    return bool(product.split_units and product.split_units >= 2 and product.split_unit_price is not None)


class SplitPacks:
    """``store.split``: open packs for sale by the unit, take units in a sale, print the label."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- opening -----------------------------------------------------------------------------------------

    def open_pack(self, product_id: int, approval: Approval | None = None, trace_code: str | None = None
                  ) -> OpenPack:
        """Open one pack of ``product_id`` for sale by the unit (China GSP). The logged-in user opens it; a
        pharmacist checks it — the user when they are one, else ``approval`` (a pharmacist's PIN for
        ``Action.DISPENSE_RX`` with subject ``"split"``). The pack is the FEFO one, or the one whose traceability
        code was scanned (``trace_code``, then on file as sold to the opening). Audited as ``split.open``."""
        store = self._store
        opener = store.require(Action.SELL)
        product = store.catalog.get(product_id)
        self._check_product(product)
        try:
            checker = store.require(Action.DISPENSE_RX, approval, subject="split")
        except PermissionDenied:
            raise PharmacistRequired(QT_TRANSLATE_NOOP(
                "errors", "Opening a pack for sale by the unit needs a pharmacist to check it.")) from None
        prefer = None
        code = None
        if trace_code is not None:
            code = require_trace_code(trace_code)
            scan = store.trace.identify(code, (), product.id)
            if scan.batch_id is not None:
                prefer = {scan.batch_id: 1}
        today = store.today()
        db = store.db
        at = to_iso(store.now())
        with db.transaction():
            allocation = store.stock.allocate(product.id, 1, today, prefer)[0]
            pack_cost = db.scalar("SELECT unit_cost FROM batches WHERE id = ?", (allocation.batch_id,))
            pack_id = db.insert("open_packs", {
                "product_id": product.id, "batch_id": allocation.batch_id, "units": product.split_units,
                "units_left": 0, "unit_cost": proportion(pack_cost, 1, product.split_units), "opened_at": at,
                "opened_by": opener.id, "checked_by": checker.id, "trace_code": code})
            store.stock.post_move(allocation.batch_id, -1, "sale", "open_pack", pack_id, "opened for sale by the unit")
            self._post(pack_id, product.split_units, "open", "open_pack", pack_id, at)
            if code is not None:
                store.trace.link_opened(code, product.id, allocation.batch_id, pack_id, at)
            store.audit.record("split.open", "open_pack", pack_id, product_id=product.id, units=product.split_units,
                               checked_by=checker.id)
        store.spend_approvals(approval)
        return self._pack(pack_id)

    def _check_product(self, product: Product) -> None:
        if not self._store.settings.china_gsp or not sells_by_unit(product):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{product} is not sold by the unit: its product record has no split ratio and unit price."),
                product=product.name)
        if product.contains_ephedrine:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Ephedrine-containing medicines are sold only in whole packs."))

    def _post(self, pack_id: int, quantity: int, reason: str, ref_type: str, ref_id: int, at: str) -> None:
        """One row of the open packs' unit ledger and its cache; refuses to go below zero."""
        db = self._store.db
        left = db.scalar("SELECT units_left FROM open_packs WHERE id = ?", (pack_id,))
        if left + quantity < 0:
            raise StockError(QT_TRANSLATE_NOOP("errors", "Only {available} left in this batch."), available=left)
        db.execute("UPDATE open_packs SET units_left = units_left + ? WHERE id = ?", (quantity, pack_id))
        user = self._store.user
        db.insert("open_pack_moves", {"at": at, "open_pack_id": pack_id, "quantity": quantity, "reason": reason,
                                      "ref_type": ref_type, "ref_id": ref_id, "user_id": user.id if user else None})

    # -- selling ---------------------------------------------------------------------------------------------

    def check_product(self, product_id: int) -> Product:
        """The product if it may be sold by the unit here (China GSP, a split ratio and unit price, no ephedrine);
        else the plain refusal. The till asks before it opens the units dialog."""
        self._store.require(Action.SELL)
        product = self._store.catalog.get(product_id)
        self._check_product(product)
        return product

    def unit_price(self, product: Product) -> int:
        """The price of one unit (the product master's), refusing a product not sold by the unit."""
        self._check_product(product)
        return product.split_unit_price

    def allocate_units(self, product_id: int, units: int, on: date | None = None) -> list[UnitsTaken]:
        """Which open packs ``units`` would come from, oldest expiry first, never an expired pack; refuses when
        the open packs hold too few (open another pack first). Writes nothing."""
        store = self._store
        store.require(Action.SELL)
        on = on or store.today()
        rows = store.db.all(
            "SELECT o.id, o.batch_id, b.batch_no, b.expiry, o.units_left, o.unit_cost FROM open_packs o "
            "JOIN batches b ON b.id = o.batch_id WHERE o.product_id = ? AND o.units_left > 0 ORDER BY b.expiry, o.id",
            (product_id,))
        sellable = [row for row in rows if not is_expired(row["expiry"], on)]
        available = sum(row["units_left"] for row in sellable)
        if available < units:
            raise StockError(QT_TRANSLATE_NOOP(
                "errors", "Only {available} unit(s) in opened packs: open another pack first."), available=available)
        taken, left = [], units
        for row in sellable:
            take = min(left, row["units_left"])
            taken.append(UnitsTaken(row["id"], row["batch_id"], row["batch_no"], row["expiry"], take,
                                    row["unit_cost"]))
            left -= take
            if left == 0:
                break
        return taken

    def open_units(self, product_id: int) -> int:
        """Units of the product in opened, unexpired packs (the till shows it)."""
        store = self._store
        store.require(Action.SELL)
        return store.db.scalar(
            "SELECT COALESCE(SUM(o.units_left), 0) FROM open_packs o JOIN batches b ON b.id = o.batch_id "
            "WHERE o.product_id = ? AND o.units_left > 0 AND b.expiry >= ?", (product_id, store.today().isoformat()))

    def book_units(self, sale_line_id: int, product: Product, taken: list[UnitsTaken], directions: str,
                   at: str) -> list[Allocation]:
        """Take a split sale line's units out of their open packs and keep the line's label data. A helper
        inside the sale's transaction (after :meth:`allocate_units`); returns the batches for the receipt."""
        db = self._store.db
        db.insert("split_sale_lines", {"sale_line_id": sale_line_id, "units_per_pack": product.split_units,
                                       "unit_name": product.split_unit_name, "directions": directions or None})
        # the flag every analysis reads (migration 0016): this line's quantity counts units, not packs
        db.execute("UPDATE sale_lines SET split_unit = 1 WHERE id = ?", (sale_line_id,))
        for part in taken:
            self._post(part.open_pack_id, -part.quantity, "sale", "sale_line", sale_line_id, at)
            db.insert("sale_line_units", {"sale_line_id": sale_line_id, "open_pack_id": part.open_pack_id,
                                          "quantity": part.quantity})
        return [Allocation(part.batch_id, part.batch_no, part.expiry, part.quantity) for part in taken]

    @staticmethod
    def clean_directions(text: str | None) -> str:
        """The directions for the label (用法用量), one line of at most 120 characters."""
        text = " ".join((text or "").split())
        if len(text) > MAX_DIRECTIONS or any(not ch.isprintable() for ch in text):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Directions: at most {n} characters on one line."), n=MAX_DIRECTIONS)
        return text

    def return_units(self, sale_line_id: int, units: int, return_id: int, at: str) -> int:
        """Units of a split sale line brought back: recorded against their open pack and written off at once (an
        opened unit handed out never goes back on sale). A helper inside the return's transaction; returns the
        batch of the (first) pack they came from."""
        remaining = units
        rows = self._store.db.all(
            "SELECT u.open_pack_id, u.quantity, o.batch_id FROM sale_line_units u JOIN open_packs o "
            "ON o.id = u.open_pack_id WHERE u.sale_line_id = ? ORDER BY u.open_pack_id DESC", (sale_line_id,))
        for row in rows:
            take = min(remaining, row["quantity"])
            self._post(row["open_pack_id"], take, "return", "return", return_id, at)
            self._post(row["open_pack_id"], -take, "write_off", "return", return_id, at)
            remaining -= take
            if remaining == 0:
                break
        return rows[0]["batch_id"]

    # -- reading -----------------------------------------------------------------------------------------

    def label(self, sale_line_id: int) -> SplitLabel:
        """The split-pack label of a sale line sold by the unit."""
        store = self._store
        store.require(Action.SELL)
        row = store.db.one(
            "SELECT p.name, COALESCE(p.generic_name, '') AS generic_name, COALESCE(p.specification, '') AS spec, "
            "l.quantity, COALESCE(x.unit_name, '') AS unit_name, COALESCE(x.directions, '') AS directions, "
            "s.at, s.receipt_no FROM split_sale_lines x JOIN sale_lines l ON l.id = x.sale_line_id "
            "JOIN sales s ON s.id = l.sale_id JOIN products p ON p.id = l.product_id WHERE x.sale_line_id = ?",
            (sale_line_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That item was not sold by the unit."))
        pack = store.db.one(
            "SELECT b.batch_no, b.expiry, o.opened_at FROM sale_line_units u JOIN open_packs o ON o.id = u.open_pack_id "
            "JOIN batches b ON b.id = o.batch_id WHERE u.sale_line_id = ? ORDER BY b.expiry LIMIT 1", (sale_line_id,))
        settings = store.settings
        return SplitLabel(row["name"], row["generic_name"], row["spec"], row["quantity"], row["unit_name"],
                          row["directions"], pack["batch_no"], pack["expiry"], pack["opened_at"], row["at"],
                          row["receipt_no"], settings.store_name, settings.store_address)

    def split_lines_of(self, sale_id: int) -> list[int]:
        """The sale's lines sold by the unit (each gets a label)."""
        self._store.require(Action.SELL)
        return [row["sale_line_id"] for row in self._store.db.all(
            "SELECT x.sale_line_id FROM split_sale_lines x JOIN sale_lines l ON l.id = x.sale_line_id "
            "WHERE l.sale_id = ? ORDER BY x.sale_line_id", (sale_id,))]

    def open_packs(self, product_id: int | None = None) -> list[OpenPack]:
        """Open packs with units left (of one product), oldest first: the split-pack register."""
        self._store.require(Action.SELL)
        where, params = ("AND o.product_id = ?", (product_id,)) if product_id is not None else ("", ())
        ids = [row["id"] for row in self._store.db.all(
            f"SELECT o.id FROM open_packs o WHERE o.units_left > 0 {where} ORDER BY o.id", params)]
        return [self._pack(pack_id) for pack_id in ids]

    def verify(self) -> list[dict]:
        """Open packs whose cached units differ from their unit ledger; empty means they agree."""
        return self._store.db.all(
            "SELECT o.id AS open_pack_id, o.units_left, COALESCE(m.total, 0) AS ledger FROM open_packs o "
            "LEFT JOIN (SELECT open_pack_id, SUM(quantity) AS total FROM open_pack_moves GROUP BY open_pack_id) m "
            "ON m.open_pack_id = o.id WHERE o.units_left <> COALESCE(m.total, 0)")

    def _pack(self, pack_id: int) -> OpenPack:
        row = self._store.db.one(
            "SELECT o.*, b.batch_no, b.expiry FROM open_packs o JOIN batches b ON b.id = o.batch_id WHERE o.id = ?",
            (pack_id,))
        return OpenPack(row["id"], row["product_id"], row["batch_id"], row["batch_no"], row["expiry"], row["units"],
                        row["units_left"], row["opened_at"], row["opened_by"], row["checked_by"])
