"""The cart as a table model: what the customer is buying, with the FEFO batch the sale will take.

The product's cell has the name and, on a second line, the FEFO batch and expiry the sale will take
(a read-only preview from ``store.stock.allocate``; the sale allocates again when it is committed).
The full name, the batch and the prescription are in its tooltip too, so no name is ever only "Thermia …".
The name is the column that gets the spare width (the till page stretches it). A quantity the stock
cannot cover is refused here with the domain's own message (StockError / ExpiredStockError).

Promotions: after every change (a line added, a quantity, a line removed, a discount typed, the member or the
coupons changed) the cart is priced again by ``store.sales.quote``. Price is the original unit price; Saving what
the promotions took off the line (their labels and amounts on a third line of the product's cell); Discount the
till's own discount, typed on top; Line total what the customer pays for the line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from pharmadesk.core.catalog import Product
from pharmadesk.core.money import parse_money
from pharmadesk.core.sales import CartLine, Prescription, Quote, QuotedLine
from pharmadesk.core.stock import Allocation
from pharmadesk.core.trace_codes import TraceScan
from pharmadesk.errors import PharmaDeskError, ValidationError
from pharmadesk.ui.common import money


@dataclass
class TillLine:
    product: Product
    quantity: int
    allocations: list[Allocation]
    discount: int = 0
    prescription: Prescription | None = None
    trace: list[TraceScan] = field(default_factory=list)     # the packs' scanned traceability codes
    by_units: bool = False                                   # 拆零: quantity in units from opened packs
    directions: str = ""                                     # for the split-pack label

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(scan.code for scan in self.trace)

    @property
    def price(self) -> int:
        """The catalogue price of one of the line's units: the pack's, or the unit's when sold by the unit."""
        return (self.product.split_unit_price or 0) if self.by_units else self.product.price

    @property
    def gross(self) -> int:
        return self.price * self.quantity

    @property
    def total(self) -> int:
        return self.gross - self.discount

    def batch_text(self) -> str:
        return ", ".join(f"{a.batch_no} ({a.expiry})" + (f" ×{a.quantity}" if len(self.allocations) > 1 else "")
                         for a in self.allocations)

    def to_cart_line(self) -> CartLine:
        return CartLine(self.product.id, self.quantity, None, self.discount, self.prescription, self.codes,
                        self.by_units, self.directions)


class CartModel(QAbstractTableModel):
    """Columns: product (with its batch on a second line, its promotions on a third), qty, price, saving,
    discount, line total. Raises PharmaDeskError on refused changes."""

    PRODUCT, QTY, PRICE, SAVING, DISCOUNT, TOTAL = range(6)
    totalChanged = Signal(int)
    refused = Signal(object)  # a PharmaDeskError raised while editing a cell or pricing the cart

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.lines: list[TillLine] = []
        self.discount_editable = False
        self.member_id: int | None = None
        self.coupons: list[str] = []
        self.quote: Quote | None = None      # the cart as the promotions price it now (None: empty cart)

    # -- reading --------------------------------------------------------------------------------

    def headers(self) -> list[str]:
        return [self.tr("Product"), self.tr("Qty"), self.tr("Price"), self.tr("Saving"), self.tr("Discount"),
                self.tr("Line total")]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            quoted = self.quoted(index.row())
            if column == self.PRODUCT:
                promotions = self.promotion_line(index.row())
                return self.name_text(line) + "\n" + self.batch_line(line) + ("\n" + promotions if promotions else "")
            if column == self.QTY:
                return f"{line.quantity} {line.product.split_unit_name or ''}".strip() if line.by_units \
                    and role == Qt.ItemDataRole.DisplayRole else line.quantity
            if column == self.PRICE:
                return money(line.price)
            if column == self.SAVING:
                saving = sum(part.amount for part in quoted.promotions) if quoted else 0
                return money(-saving) if saving else ""
            if column == self.DISCOUNT:
                return money(quoted.manual_discount if quoted else line.discount)
            if column == self.TOTAL:
                return money(quoted.total if quoted else line.total)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.QTY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PRODUCT:
            return self.tooltip(line)
        return None

    def name_text(self, line: TillLine) -> str:
        """The product's name as the cart shows it (with [Rx] for a prescription-only item)."""
        return line.product.name + (self.tr(" [Rx]") if line.product.needs_prescription else "")

    def batch_line(self, line: TillLine) -> str:
        """The second line of the product's cell: the batch (expiry) the sale takes, FEFO, and how many of its
        packs have their traceability code scanned."""
        text = self.tr("Batch {0}").format(line.batch_text())
        if line.by_units:
            text += " · " + self.tr("by the unit")
        if line.trace:
            text += " · " + self.tr("Codes {0}/{1}").format(len(line.trace), line.quantity)
        return text

    def quoted(self, row: int) -> QuotedLine | None:
        """The line as the promotions price it now, or None before the cart could be priced."""
        if self.quote is None or row >= len(self.quote.lines):
            return None
        return self.quote.lines[row]

    def promotion_line(self, row: int) -> str:
        """The third line of the product's cell: each promotion's label and what it took off ("会员价 −3.00")."""
        quoted = self.quoted(row)
        if quoted is None:
            return ""
        return " · ".join(f"{part.label} {money(-part.amount)}" for part in quoted.promotions)

    def tooltip(self, line: TillLine) -> str:
        """The full name, the batch and the prescription: all of it, however narrow the column."""
        parts = [self.name_text(line), self.batch_line(line)]
        promotions = self.promotion_line(self.lines.index(line))
        if promotions:
            parts.append(promotions)
        if line.trace:
            parts.append(self.tr("Traceability codes: {0}").format(", ".join(line.codes)))
        if line.prescription:
            parts.append(self.tr("Prescription {0} by {1}").format(line.prescription.rx_number,
                                                                   line.prescription.prescriber))
        return "\n".join(parts)

    def flags(self, index):
        base = super().flags(index)
        if index.column() == self.QTY or (index.column() == self.DISCOUNT and self.discount_editable):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        from pharmadesk.errors import PharmaDeskError

        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            if index.column() == self.QTY:
                self.set_quantity(index.row(), int(value))
                return True
            if index.column() == self.DISCOUNT:
                self.lines[index.row()].discount = parse_money(str(value), self.tr("discount"))
                self.requote()
                return True
        except (PharmaDeskError, ValueError) as exc:
            self.refused.emit(exc)
        return False

    def total(self) -> int:
        """What the cart costs now, promotions included."""
        if self.quote is not None:
            return self.quote.total
        return sum(line.total for line in self.lines)

    def saved(self) -> int:
        """What the customer saves now: the promotions and the till's own discounts."""
        if self.quote is not None:
            return self.quote.saved
        return sum(min(line.discount, line.gross) for line in self.lines)

    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)

    def row_of(self, product_id: int) -> int:
        """The row of the product's pack line (a line sold by the unit is apart), or -1."""
        for row, line in enumerate(self.lines):
            if line.product.id == product_id and not line.by_units:
                return row
        return -1

    def codes(self) -> list[str]:
        """Every traceability code scanned into the sale."""
        return [code for line in self.lines for code in line.codes]

    def cart_lines(self) -> list[CartLine]:
        return [line.to_cart_line() for line in self.lines]

    # -- changing --------------------------------------------------------------------------------

    def add(self, product: Product, quantity: int = 1, prescription: Prescription | None = None,
            discount: int = 0) -> int:
        """Add units (to the product's existing line if any); returns the row. Raises StockError."""
        row = self.row_of(product.id)
        if row >= 0:
            self.set_quantity(row, self.lines[row].quantity + quantity)
            if prescription is not None:
                self.lines[row].prescription = prescription
            return row
        allocations = self.store.stock.allocate(product.id, quantity)
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(TillLine(product, quantity, allocations, discount, prescription))
        self.quote = None
        self.endInsertRows()
        self.requote()
        return row

    def add_scan(self, scan: TraceScan) -> int:
        """Add the pack a traceability code identified: to its product's line (taking the place of a pack added
        without its code, else one more pack) or a new line; returns the row. Raises StockError."""
        row = self.row_of(scan.product.id)
        if row < 0:
            allocations = self.store.stock.allocate(scan.product.id, 1, None, self._prefer([scan]))
            row = len(self.lines)
            self.beginInsertRows(QModelIndex(), row, row)
            self.lines.append(TillLine(scan.product, 1, allocations, 0, None, [scan]))
            self.quote = None
            self.endInsertRows()
            self.requote()
            return row
        line = self.lines[row]
        quantity = line.quantity if len(line.trace) < line.quantity else line.quantity + 1
        line.allocations = self.store.stock.allocate(line.product.id, quantity, None,
                                                     self._prefer(line.trace + [scan]))
        line.trace.append(scan)
        line.quantity = quantity
        self.requote()
        return row

    @staticmethod
    def _prefer(scans: list[TraceScan]) -> dict[int, int]:
        return dict(Counter(scan.batch_id for scan in scans if scan.batch_id is not None))

    def set_quantity(self, row: int, quantity: int) -> None:
        """Change a line's quantity; 0 removes it. Raises the domain's error if stock cannot cover it. Fewer packs
        than scanned codes drop the last codes scanned."""
        if quantity <= 0:
            self.remove(row)
            return
        line = self.lines[row]
        trace = line.trace[:quantity]
        line.allocations = self._allocations(line.product.id, quantity, line.by_units, trace)
        line.trace = trace
        line.quantity = quantity
        self.requote()

    def _allocations(self, product_id: int, quantity: int, by_units: bool, trace: list[TraceScan]) -> list[Allocation]:
        """The batches the line would take: FEFO packs (the scanned ones first), or units from opened packs."""
        if by_units:
            return [Allocation(part.batch_id, part.batch_no, part.expiry, part.quantity)
                    for part in self.store.split.allocate_units(product_id, quantity)]
        return self.store.stock.allocate(product_id, quantity, None, self._prefer(trace))

    def set_by_units(self, row: int, units: int, directions: str) -> None:
        """Sell the line by the unit (拆零): ``units`` from the opened packs, with the label's directions; its pack
        codes are dropped (units carry none). Raises StockError when the opened packs hold too few."""
        line = self.lines[row]
        line.allocations = self._allocations(line.product.id, units, True, [])
        line.by_units, line.directions, line.quantity, line.trace = True, directions, units, []
        self.requote()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.quote = None
            self.endRemoveRows()
            self.requote()

    def clear(self) -> None:
        self.beginResetModel()
        self.lines = []
        self.coupons = []
        self.member_id = None
        self.quote = None
        self.endResetModel()
        self.totalChanged.emit(self.total())

    def set_pricing(self, member_id: int | None, coupons: list[str]) -> None:
        """The member and the coupons the cart is priced for; prices it again."""
        self.member_id = member_id
        self.coupons = list(coupons)
        self.requote()

    def try_quote(self, coupons: list[str]) -> Quote:
        """The cart priced with ``coupons`` instead of the current ones, changing nothing (raises the domain's
        refusal of a coupon)."""
        return self.store.sales.quote(self.cart_lines(), self.member_id, coupons)

    def requote(self) -> None:
        """Price the cart again (every row may change: a basket discount is shared over the lines) and emit
        the new total. A coupon that no longer holds (the member was detached) is dropped with its reason."""
        self.quote = None
        if self.lines:
            try:
                self.quote = self.try_quote(self.coupons)
            except ValidationError as exc:
                if not self.coupons:
                    self.refused.emit(exc)
                else:
                    self.coupons = [code for code in self.coupons if self._usable(code)]
                    self.refused.emit(exc)
                    try:
                        self.quote = self.try_quote(self.coupons)
                    except PharmaDeskError as again:
                        self.refused.emit(again)
            except PharmaDeskError as exc:
                self.refused.emit(exc)
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, self.columnCount() - 1))
        self.totalChanged.emit(self.total())

    def _usable(self, code: str) -> bool:
        try:
            self.store.promotions.check_coupon(code, self.member_id)
            return True
        except PharmaDeskError:
            return False
