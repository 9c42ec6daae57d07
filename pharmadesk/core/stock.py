"""Stock as a ledger of batches: receipts, FEFO allocation, adjustments, write-offs, stocktakes, orders.

Every change is a ``stock_moves`` row (batch, signed quantity, reason). ``batches.on_hand``
is a cache of the ledger sum kept in the same transaction, and :meth:`Stock.verify_ledger`
proves the two agree. The ``CHECK (on_hand >= 0)`` constraint makes negative stock
impossible even for a caller that forgets to ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Sequence

from pharmadesk.core.catalog import prefix_upper_bound, whole_number
from pharmadesk.core.money import proportion
from pharmadesk.errors import QT_TRANSLATE_NOOP, ExpiredStockError, NotFound, StockError, ValidationError
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import parse_date, to_iso

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

MAX_QUANTITY = 1_000_000
MAX_UNIT_COST = 10**9               # minor units
# A batch's units that may be sold: units pending acceptance or held in quarantine (GSP, store.quality) are not.
SELLABLE = "(on_hand - pending_qty - quarantine_qty)"


@dataclass(frozen=True)
class ReceiptLine:
    product_id: int
    batch_no: str
    expiry: date | str
    quantity: int
    unit_cost: int


@dataclass(frozen=True)
class Allocation:
    batch_id: int
    batch_no: str
    expiry: str
    quantity: int


def is_expired(expiry: str, on: date) -> bool:
    """A batch may be sold up to and including its expiry date."""
    return date.fromisoformat(expiry) < on


class Stock:
    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- the ledger -------------------------------------------------------------------------------

    def post_move(self, batch_id: int, quantity: int, reason: str, ref_type: str | None = None,
              ref_id: int | None = None, note: str | None = None) -> None:
        """Post one ledger row and update the batch's on-hand; refuses to go below zero.

        Call inside a transaction; no permission check of its own (sales, returns and this module's use cases).
        """
        db = self._store.db
        row = db.one("SELECT product_id, on_hand, pending_qty + quarantine_qty AS held FROM batches WHERE id = ?",
                     (batch_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such batch."))
        # Units pending acceptance or in quarantine leave only through store.quality, which releases them first.
        if quantity < 0 and row["on_hand"] + quantity < row["held"]:
            raise StockError(
                QT_TRANSLATE_NOOP("errors", "Only {available} left in this batch."),
                available=row["on_hand"] - row["held"]
            )
        db.execute("UPDATE batches SET on_hand = on_hand + ? WHERE id = ?", (quantity, batch_id))
        user = self._store.user
        db.insert(
            "stock_moves",
            {"at": to_iso(self._store.now()), "batch_id": batch_id, "product_id": row["product_id"],
             "quantity": quantity, "reason": reason, "ref_type": ref_type, "ref_id": ref_id,
             "user_id": user.id if user else None, "note": note},
        )

    def verify_ledger(self) -> list[dict]:
        """Batches whose cached on-hand differs from the sum of their ledger rows; empty means they agree."""
        return self._store.db.all(
            """
            SELECT b.id AS batch_id, b.on_hand, COALESCE(m.total, 0) AS ledger
            FROM batches b LEFT JOIN (SELECT batch_id, SUM(quantity) AS total FROM stock_moves GROUP BY batch_id) m
              ON m.batch_id = b.id
            WHERE b.on_hand <> COALESCE(m.total, 0)
            """
        )

    # -- receiving ----------------------------------------------------------------------------------

    def receive(self, supplier_id: int, lines: list[ReceiptLine], delivery_note: str | None = None,
                order_id: int | None = None) -> int:
        """Book a supplier delivery. Batch number and expiry are mandatory on every line.

        A line for a batch already in stock adds to it (the expiry must match).
        """
        self._store.require(Action.RECEIVE_GOODS)
        if not lines:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A goods receipt needs at least one line."))
        self._store.catalog.supplier(supplier_id)
        today = self._store.today()
        # china_gsp: approved supplier and products with documents in force (store.quality; none: no check)
        self._store.quality.refuse_unqualified(supplier_id, [line.product_id for line in lines], today)
        clean = []
        for line in lines:
            product = self._store.catalog.get(line.product_id)
            batch_no = (line.batch_no or "").strip()
            if not batch_no or len(batch_no) > 40:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Every line needs its batch number."))
            if not line.expiry:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Every line needs its expiry date."))
            expiry = parse_date(line.expiry, "expiry")
            if expiry < today:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Batch {batch} has already expired; do not receive it."),
                    batch=batch_no,
                )
            clean.append((product, batch_no, expiry.isoformat(),
                          whole_number(line.quantity, "quantity", 1, MAX_QUANTITY),
                          whole_number(line.unit_cost, "unit cost", 0, MAX_UNIT_COST)))
        db = self._store.db
        with db.transaction():
            if order_id is not None:
                self._check_delivery_against_order(order_id, supplier_id, clean)
            receipt_id = db.insert(
                "goods_receipts",
                {"supplier_id": supplier_id, "order_id": order_id, "delivery_note": delivery_note,
                 "received_at": to_iso(self._store.now()), "user_id": self._store.user.id},
            )
            for product, batch_no, expiry, quantity, unit_cost in clean:
                existing = db.one("SELECT id, expiry FROM batches WHERE product_id = ? AND batch_no = ?",
                                  (product.id, batch_no))
                if existing is None:
                    batch_id = db.insert(
                        "batches",
                        {"product_id": product.id, "batch_no": batch_no, "expiry": expiry, "unit_cost": unit_cost,
                         "supplier_id": supplier_id, "receipt_id": receipt_id, "received_qty": quantity,
                         "on_hand": 0},
                    )
                elif existing["expiry"] != expiry:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("errors", "Batch {batch} is already in stock with another expiry date."),
                        batch=batch_no,
                    )
                else:
                    batch_id = existing["id"]
                    db.execute("UPDATE batches SET received_qty = received_qty + ? WHERE id = ?", (quantity, batch_id))
                self.post_move(batch_id, quantity, "receipt", "goods_receipt", receipt_id)
                self._store.quality.hold_for_acceptance(batch_id, quantity)     # china_gsp: sellable once accepted
                if order_id is not None:
                    db.execute(
                        "UPDATE purchase_order_lines SET received_qty = received_qty + ? "
                        "WHERE order_id = ? AND product_id = ?", (quantity, order_id, product.id))
            if order_id is not None:
                outstanding = db.scalar(
                    "SELECT count(*) FROM purchase_order_lines WHERE order_id = ? AND received_qty < quantity",
                    (order_id,))
                db.execute("UPDATE purchase_orders SET status = ? WHERE id = ?",
                           ("partial" if outstanding else "received", order_id))
            self._store.audit.record("goods.receive", "goods_receipt", receipt_id, lines=len(clean))
        return receipt_id

    def _check_delivery_against_order(self, order_id: int, supplier_id: int, clean: list) -> None:
        """A delivery booked against an order must be for a sent order of that supplier, for products
        on it, and not for more than is still outstanding."""
        order = self.order(order_id)
        if order["supplier_id"] != supplier_id or order["status"] not in ("sent", "partial"):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This delivery does not match that order."))
        outstanding = {line["product_id"]: line["quantity"] - line["received_qty"] for line in order["lines"]}
        delivered: dict[int, int] = {}
        for product, _batch_no, _expiry, quantity, _cost in clean:
            if product.id not in outstanding:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "{product} is not on this order."), product=product.name)
            delivered[product.id] = delivered.get(product.id, 0) + quantity
            if delivered[product.id] > outstanding[product.id]:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "More {product} delivered than is still on order ({n})."),
                    product=product.name, n=outstanding[product.id])

    # -- FEFO -----------------------------------------------------------------------------------------

    def allocate(self, product_id: int, quantity: int, on: date | None = None) -> list[Allocation]:
        """Choose batches for ``quantity`` units, first expiry first out, never an expired batch.

        Raises :class:`ExpiredStockError` when the shortfall is only expired stock (write it off),
        and :class:`StockError` when there is simply not enough.
        """
        self._store.require_user()
        quantity = whole_number(quantity, "quantity", 1, MAX_QUANTITY)
        on = on or self._store.today()
        rows = self._store.db.all(          # units pending acceptance or in quarantine are never allocated
            f"SELECT id, batch_no, expiry, {SELLABLE} AS on_hand FROM batches WHERE product_id = ? AND {SELLABLE} > 0 "
            "ORDER BY expiry, id", (product_id,))
        sellable = [r for r in rows if not is_expired(r["expiry"], on)]
        available = sum(r["on_hand"] for r in sellable)
        if available < quantity:
            expired = sum(r["on_hand"] for r in rows if is_expired(r["expiry"], on))
            if expired:
                raise ExpiredStockError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Only {available} can be sold: {expired} more are expired and must be written off, not sold.",
                    ),
                    available=available, expired=expired,
                )
            raise StockError(
                QT_TRANSLATE_NOOP("errors", "Not enough stock: {available} available, {wanted} wanted."),
                available=available, wanted=quantity,
            )
        allocations, remaining = [], quantity
        for row in sellable:
            take = min(remaining, row["on_hand"])
            allocations.append(Allocation(row["id"], row["batch_no"], row["expiry"], take))
            remaining -= take
            if remaining == 0:
                break
        return allocations

    def fefo_unit_costs(self, items: Sequence[tuple[int, int]], on: date | None = None) -> list[int]:
        """The cost per unit (rounded) of the units :meth:`allocate` would take for each ``(product_id,
        quantity)`` in turn, lines of one product taking consecutive batches as a sale books them: the pricing
        engine's below-cost guard. One read for the whole cart; never raises for short stock (the units
        missing are costed like the last batch; none at all: 0), the sale itself refuses that."""
        self._store.require_user()
        on = on or self._store.today()
        products = sorted({int(pid) for pid, _ in items})
        batches: dict[int, list[list[int]]] = {pid: [] for pid in products}
        for start in range(0, len(products), 500):
            chunk = products[start:start + 500]
            for row in self._store.db.execute(
                    f"SELECT product_id, {SELLABLE}, unit_cost FROM batches WHERE product_id IN "
                    f"({','.join('?' * len(chunk))}) AND {SELLABLE} > 0 AND expiry >= ? ORDER BY product_id, expiry, id",
                    (*chunk, on.isoformat())):
                batches[row[0]].append([row[1], row[2]])
        costs, last_cost = [], {}
        for product_id, quantity in items:
            left, cost, queue = quantity, 0, batches[int(product_id)]
            while left > 0 and queue:
                units, unit_cost = queue[0]
                take = min(left, units)
                cost += take * unit_cost
                left -= take
                last_cost[product_id] = unit_cost
                if take == units:
                    queue.pop(0)
                else:
                    queue[0][0] -= take
            cost += left * last_cost.get(product_id, 0)
            costs.append(proportion(cost, 1, quantity) if quantity > 0 else 0)
        return costs

    # -- corrections --------------------------------------------------------------------------------

    def adjust(self, batch_id: int, delta: int, reason: str) -> None:
        """Correct a batch's quantity (found, miscounted, damaged in store) with a stated reason."""
        self._store.require(Action.ADJUST_STOCK)
        delta = whole_number(delta, "adjustment", -MAX_QUANTITY, MAX_QUANTITY)
        if delta == 0:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "An adjustment must change the quantity."))
        reason = self._reason(reason)
        with self._store.db.transaction():
            self.post_move(batch_id, delta, "adjustment", note=reason)
            self._store.audit.record("stock.adjust", "batch", batch_id, delta=delta)

    def write_off(self, batch_id: int, quantity: int, reason: str) -> None:
        """Take units out of stock for good: expired, damaged, recalled."""
        self._store.require(Action.ADJUST_STOCK)
        quantity = whole_number(quantity, "quantity", 1, MAX_QUANTITY)
        reason = self._reason(reason)
        with self._store.db.transaction():
            self.post_move(batch_id, -quantity, "write_off", note=reason)
            self._store.audit.record("stock.write_off", "batch", batch_id, quantity=quantity)

    def write_off_expired(self, on: date | None = None, product_id: int | None = None) -> int:
        """Write off every expired batch still on hand (of one product, if given); returns the units removed."""
        self._store.require(Action.ADJUST_STOCK)
        on = on or self._store.today()
        total = 0
        with self._store.db.transaction():
            for batch in self.expired(on):
                if product_id is not None and batch["product_id"] != product_id:
                    continue
                self.post_move(batch["id"], -batch["on_hand"], "write_off", note="expired")
                self._store.audit.record("stock.write_off", "batch", batch["id"], quantity=batch["on_hand"],
                                         expired=True)
                total += batch["on_hand"]
        return total

    @staticmethod
    def _reason(reason: str) -> str:
        reason = (reason or "").strip()
        if not reason or len(reason) > 200:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give a reason for this stock change."))
        return reason

    # -- reading ----------------------------------------------------------------------------------

    def batch(self, batch_id: int) -> dict:
        self._store.require_user()
        row = self._store.db.one("SELECT * FROM batches WHERE id = ?", (batch_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such batch."))
        return row

    def batches(self, product_id: int, include_empty: bool = False) -> list[dict]:
        self._store.require_user()
        where = "" if include_empty else "AND on_hand > 0"
        return self._store.db.all(
            f"SELECT * FROM batches WHERE product_id = ? {where} ORDER BY expiry, id", (product_id,))

    def on_hand(self, product_id: int, on: date | None = None, sellable_only: bool = False) -> int:
        """Units in stock; with ``sellable_only`` expired batches and units pending acceptance or in quarantine
        are left out."""
        self._store.require_user()
        if not sellable_only:
            return self._store.db.scalar(
                "SELECT COALESCE(SUM(on_hand), 0) FROM batches WHERE product_id = ?", (product_id,))
        on = on or self._store.today()
        return self._store.db.scalar(
            f"SELECT COALESCE(SUM({SELLABLE}), 0) FROM batches WHERE product_id = ? AND expiry >= ?",
            (product_id, on.isoformat()))

    def expired(self, on: date | None = None) -> list[dict]:
        self._store.require_user()
        on = on or self._store.today()
        return self._store.db.all(
            "SELECT b.*, p.name AS product_name FROM batches b JOIN products p ON p.id = b.product_id "
            "WHERE b.on_hand > 0 AND b.expiry < ? ORDER BY b.expiry", (on.isoformat(),))

    def near_expiry(self, days: int = 90, on: date | None = None) -> list[dict]:
        """Sellable batches expiring within ``days`` (the 30/60/90-day alerts), with their cost value."""
        self._store.require_user()
        on = on or self._store.today()
        return self._store.db.all(
            "SELECT b.*, p.name AS product_name, b.on_hand * b.unit_cost AS cost_value, "
            "CAST(julianday(b.expiry) - julianday(?) AS INTEGER) AS days_left "
            "FROM batches b JOIN products p ON p.id = b.product_id "
            "WHERE b.on_hand > 0 AND b.expiry >= ? AND b.expiry <= ? ORDER BY b.expiry",
            (on.isoformat(), on.isoformat(), (on + timedelta(days=days)).isoformat()))

    def moves(self, product_id: int, limit: int = 200) -> list[dict]:
        self._store.require_user()
        return self._store.db.all(
            "SELECT * FROM stock_moves WHERE product_id = ? ORDER BY id DESC LIMIT ?", (product_id, limit))

    # -- paged lists for tables ------------------------------------------------------------------------

    LEVEL_ORDER = {"name": "p.name", "generic_name": "p.generic_name", "barcode": "p.barcode",
                   "category": "p.category", "legal_class": "p.legal_class", "price": "p.price",
                   "on_hand": "on_hand", "near_expiry": "near_expiry"}
    BATCH_ORDER = {"product_name": "p.name", "batch_no": "b.batch_no", "expiry": "b.expiry",
                   "on_hand": "b.on_hand"}

    @staticmethod
    def _product_match(text: str) -> tuple[str, tuple]:
        """Products whose name, generic name or barcode starts with ``text`` (case-insensitive)."""
        text = (text or "").strip()
        if not text:
            return "1", ()
        upper = prefix_upper_bound(text)                 # NOCASE folds ASCII to lower case
        return ("((p.name >= ? AND p.name < ?) OR (p.generic_name >= ? AND p.generic_name < ?) "
                "OR (p.barcode >= ? COLLATE NOCASE AND p.barcode < ? COLLATE NOCASE))",
                (text, upper, text, upper, text, upper))

    @staticmethod
    def _page_args(order_by: str, allowed: dict, descending: bool, limit: int, offset: int) -> tuple[str, int, int]:
        if order_by not in allowed:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The list cannot be sorted that way."))
        direction = "DESC" if descending else "ASC"
        return f"{allowed[order_by]} {direction}", max(0, int(limit)), max(0, int(offset))

    def product_levels(self, text: str = "", order_by: str = "name", descending: bool = False, limit: int = 100,
                       offset: int = 0, include_inactive: bool = True) -> list[dict]:
        """One page of the product catalogue with stock levels, for a table.

        Each row: the product's id, barcode, name, generic_name, category, legal_class, price,
        active, ``on_hand`` (all batches) and ``near_expiry`` (sellable units expiring within the
        store's ``near_expiry_days``). ``text`` filters like :meth:`Catalog.search`; ``order_by``
        is a key of :attr:`LEVEL_ORDER`. Only the page's rows are read.
        """
        self._store.require_user()
        order, limit, offset = self._page_args(order_by, self.LEVEL_ORDER, descending, limit, offset)
        where, params = self._product_match(text)
        if not include_inactive:
            where += " AND p.active = 1"
        today = self._store.today()
        horizon = today + timedelta(days=self._store.settings.near_expiry_days)
        return self._store.db.all(
            "SELECT p.id, p.barcode, p.name, p.generic_name, p.category, p.legal_class, p.price, p.active, "
            "COALESCE((SELECT SUM(b.on_hand) FROM batches b WHERE b.product_id = p.id AND b.on_hand > 0), 0) "
            "AS on_hand, "
            "COALESCE((SELECT SUM(b.on_hand) FROM batches b WHERE b.product_id = p.id AND b.on_hand > 0 "
            "AND b.expiry >= ? AND b.expiry <= ?), 0) AS near_expiry "
            f"FROM products p WHERE {where} ORDER BY {order}, p.id LIMIT ? OFFSET ?",
            (today.isoformat(), horizon.isoformat(), *params, limit, offset))

    def product_levels_count(self, text: str = "", include_inactive: bool = True) -> int:
        """How many rows :meth:`product_levels` lists over all pages."""
        self._store.require_user()
        where, params = self._product_match(text)
        if not include_inactive:
            where += " AND p.active = 1"
        return self._store.db.scalar(f"SELECT count(*) FROM products p WHERE {where}", params)

    def batch_page(self, text: str = "", order_by: str = "product_name", descending: bool = False,
                   limit: int = 100, offset: int = 0, stocktake_id: int | None = None) -> list[dict]:
        """One page of the batches in stock (on hand > 0), for a count sheet or a table.

        Each row: batch id, product_id, product_name, barcode, batch_no, expiry, on_hand, and
        ``counted`` (this stocktake's count, or None). ``text`` filters products like
        :meth:`product_levels`; ``order_by`` is a key of :attr:`BATCH_ORDER`.
        """
        self._store.require_user()
        order, limit, offset = self._page_args(order_by, self.BATCH_ORDER, descending, limit, offset)
        where, params = self._product_match(text)
        return self._store.db.all(
            "SELECT b.id, b.product_id, p.name AS product_name, p.barcode, b.batch_no, b.expiry, b.on_hand, "
            "c.counted FROM batches b JOIN products p ON p.id = b.product_id "
            "LEFT JOIN stocktake_counts c ON c.batch_id = b.id AND c.stocktake_id = ? "
            f"WHERE b.on_hand > 0 AND {where} ORDER BY {order}, b.id LIMIT ? OFFSET ?",
            (stocktake_id, *params, limit, offset))

    def batch_count(self, text: str = "") -> int:
        """How many rows :meth:`batch_page` lists over all pages."""
        self._store.require_user()
        where, params = self._product_match(text)
        return self._store.db.scalar(
            f"SELECT count(*) FROM batches b JOIN products p ON p.id = b.product_id WHERE b.on_hand > 0 AND {where}",
            params)

    def stocktakes(self, status: str | None = None) -> list[dict]:
        """Stocktake sessions, newest first, with how many batches each has counted."""
        self._store.require_user()
        where, params = ("WHERE s.status = ?", (status,)) if status else ("", ())
        return self._store.db.all(
            "SELECT s.*, (SELECT count(*) FROM stocktake_counts c WHERE c.stocktake_id = s.id) AS counted "
            f"FROM stocktakes s {where} ORDER BY s.id DESC", params)

    # -- stocktake ----------------------------------------------------------------------------------

    def start_stocktake(self, note: str | None = None) -> int:
        user = self._store.require(Action.COUNT_STOCK)
        with self._store.db.transaction():
            stocktake_id = self._store.db.insert(
                "stocktakes", {"started_at": to_iso(self._store.now()), "status": "open", "user_id": user.id,
                               "note": note})
            self._store.audit.record("stocktake.start", "stocktake", stocktake_id)
        return stocktake_id

    def _open_stocktake(self, stocktake_id: int) -> dict:
        row = self._store.db.one("SELECT * FROM stocktakes WHERE id = ?", (stocktake_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such stocktake."))
        if row["status"] != "open":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This stocktake is already closed."))
        return row

    def record_count(self, stocktake_id: int, batch_id: int, counted: int) -> None:
        """Enter (or correct) the counted quantity of one batch on the count sheet."""
        self._store.require(Action.COUNT_STOCK)
        counted = whole_number(counted, "counted quantity", 0, MAX_QUANTITY)
        self._open_stocktake(stocktake_id)
        batch = self.batch(batch_id)
        with self._store.db.transaction():
            self._store.db.execute(
                "INSERT INTO stocktake_counts (stocktake_id, batch_id, counted, expected, counted_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(stocktake_id, batch_id) DO UPDATE SET "
                "counted = excluded.counted, expected = excluded.expected, counted_at = excluded.counted_at",
                (stocktake_id, batch_id, counted, batch["on_hand"], to_iso(self._store.now())))

    def stocktake_variance(self, stocktake_id: int) -> list[dict]:
        """Counted against what the ledger held when each batch was counted, per counted batch.

        Using the on-hand at count time means sales, receipts or returns between counting and
        posting are kept, not undone by the stocktake.
        """
        self._store.require_user()
        return self._store.db.all(
            "SELECT c.batch_id, b.batch_no, b.product_id, p.name AS product_name, c.expected, "
            "c.counted, c.counted - c.expected AS variance, (c.counted - c.expected) * b.unit_cost AS cost_variance "
            "FROM stocktake_counts c JOIN batches b ON b.id = c.batch_id JOIN products p ON p.id = b.product_id "
            "WHERE c.stocktake_id = ? ORDER BY p.name", (stocktake_id,))

    def post_stocktake(self, stocktake_id: int, reason: str = "stocktake") -> int:
        """Post every variance as a 'stocktake' ledger row; returns the number of batches changed."""
        self._store.require(Action.ADJUST_STOCK)
        self._open_stocktake(stocktake_id)
        changed = 0
        with self._store.db.transaction():
            for row in self.stocktake_variance(stocktake_id):
                if row["variance"]:
                    self.post_move(row["batch_id"], row["variance"], "stocktake", "stocktake", stocktake_id, reason)
                    changed += 1
            self._store.db.execute("UPDATE stocktakes SET status = 'posted', posted_at = ? WHERE id = ?",
                                   (to_iso(self._store.now()), stocktake_id))
            self._store.audit.record("stocktake.post", "stocktake", stocktake_id, batches=changed)
        return changed

    # -- purchase orders ------------------------------------------------------------------------------

    def create_order(self, supplier_id: int, lines: list[tuple], note: str | None = None) -> int:
        """A draft purchase order for one supplier of ``(product_id, quantity)`` lines, or
        ``(product_id, quantity, unit_cost)`` with the expected cost in minor units (printed on the order)."""
        user = self._store.require(Action.PURCHASE_ORDERS)
        self._store.catalog.supplier(supplier_id)
        if not lines:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A purchase order needs at least one line."))
        merged: dict[int, int] = {}
        costs: dict[int, int | None] = {}
        for product_id, quantity, *cost in lines:
            self._store.catalog.get(product_id)
            merged[product_id] = merged.get(product_id, 0) + whole_number(quantity, "quantity", 1, MAX_QUANTITY)
            if cost and cost[0] is not None:
                costs[product_id] = whole_number(cost[0], "unit cost", 0, MAX_UNIT_COST)
        db = self._store.db
        with db.transaction():
            order_id = db.insert("purchase_orders", {"supplier_id": supplier_id, "status": "draft",
                                                      "created_at": to_iso(self._store.now()), "user_id": user.id,
                                                      "note": note})
            for product_id, quantity in merged.items():
                db.insert("purchase_order_lines", {"order_id": order_id, "product_id": product_id,
                                                   "quantity": quantity, "unit_cost": costs.get(product_id)})
            self._store.audit.record("order.create", "purchase_order", order_id, lines=len(merged))
        return order_id

    def send_order(self, order_id: int) -> None:
        self._set_order_status(order_id, "sent", from_status=("draft",))

    def cancel_order(self, order_id: int) -> None:
        self._set_order_status(order_id, "cancelled", from_status=("draft", "sent", "partial"))

    def _set_order_status(self, order_id: int, status: str, from_status: tuple[str, ...]) -> None:
        self._store.require(Action.PURCHASE_ORDERS)
        order = self.order(order_id)
        if order["status"] not in from_status:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This order cannot change that way any more."))
        lead = self._store.catalog.supplier(order["supplier_id"])["lead_time_days"]
        with self._store.db.transaction():
            if status == "sent":
                self._store.db.execute(
                    "UPDATE purchase_orders SET status = 'sent', sent_at = ?, expected_on = ? WHERE id = ?",
                    (to_iso(self._store.now()), (self._store.today() + timedelta(days=lead)).isoformat(), order_id))
            else:
                self._store.db.execute("UPDATE purchase_orders SET status = ? WHERE id = ?", (status, order_id))
            self._store.audit.record(f"order.{status}", "purchase_order", order_id)

    def order(self, order_id: int) -> dict:
        self._store.require_user()
        order = self._store.db.one("SELECT * FROM purchase_orders WHERE id = ?", (order_id,))
        if order is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such purchase order."))
        order["lines"] = self._store.db.all(
            "SELECT l.*, p.name AS product_name, p.barcode FROM purchase_order_lines l "
            "JOIN products p ON p.id = l.product_id "
            "WHERE l.order_id = ? ORDER BY p.name", (order_id,))
        return order

    def orders(self, status: str | None = None) -> list[dict]:
        self._store.require_user()
        if status:
            return self._store.db.all("SELECT * FROM purchase_orders WHERE status = ? ORDER BY id DESC", (status,))
        return self._store.db.all("SELECT * FROM purchase_orders ORDER BY id DESC")

    def on_order(self, product_id: int) -> int:
        """Units ordered from suppliers and not yet delivered (sent or partly received orders)."""
        self._store.require_user()
        return self._store.db.scalar(
            "SELECT COALESCE(SUM(l.quantity - l.received_qty), 0) FROM purchase_order_lines l "
            "JOIN purchase_orders o ON o.id = l.order_id "
            "WHERE l.product_id = ? AND o.status IN ('sent', 'partial') AND l.received_qty < l.quantity",
            (product_id,))
