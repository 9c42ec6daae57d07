"""Goods receipt: supplier, optional purchase order, and lines of product, batch, expiry, quantity
and unit cost, booked by ``store.stock.receive`` (which insists on batch and expiry). Under China GSP each line
also takes its packs' traceability codes, scanned one after another into the code field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.money import parse_money
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.trace_codes import clean_codes
from pharmadesk.ui.common import ErrorLabel, exec_dialog, money
from pharmadesk.ui.stock.product_picker import ProductPicker
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


class ReceiptTab(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.lines: list[dict] = []
        self.supplier = QComboBox()
        self.supplier.currentIndexChanged.connect(self._load_orders)
        self.order = QComboBox()
        self.delivery_note = QLineEdit()
        head = QFormLayout()
        head.addRow(self.tr("Supplier"), self.supplier)
        head.addRow(self.tr("Purchase order"), self.order)
        head.addRow(self.tr("Delivery note"), self.delivery_note)

        self.product = ProductPicker(store)
        self.product.failed.connect(lambda exc: self.message.show_error(exc))
        self.batch_no = QLineEdit()
        self.batch_no.setPlaceholderText(self.tr("batch / lot"))
        self.expiry = QLineEdit()
        self.expiry.setPlaceholderText(self.tr("expiry YYYY-MM-DD"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 1_000_000)
        self.unit_cost = QLineEdit()
        self.unit_cost.setPlaceholderText(self.tr("unit cost"))
        # China GSP: each pack's traceability code scanned here (Enter after each) goes on file with the line's batch
        self.codes: list[str] = []
        self.trace_code = QLineEdit()
        self.trace_code.setObjectName("receiptTraceCode")
        self.trace_code.setPlaceholderText(self.tr("scan each pack's traceability code"))
        self.trace_code.returnPressed.connect(self.scan_code)
        self.codes_label = QLabel()
        add = QPushButton(self.tr("Add line"))
        add.clicked.connect(self.add_line)
        entry = QHBoxLayout()
        for widget, stretch in ((self.product, 3), (self.batch_no, 1), (self.expiry, 1), (self.quantity, 0),
                                (self.unit_cost, 1), (add, 0)):
            entry.addWidget(widget, stretch)

        self.table = ListTable([
            Column("product_name", self.tr("Product")),
            Column("batch_no", self.tr("Batch")),
            Column("expiry", self.tr("Expiry")),
            Column("quantity", self.tr("Quantity"), numeric=True),
            Column("unit_cost", self.tr("Unit cost"), lambda r: money(r["unit_cost"]), numeric=True),
            Column("codes", self.tr("Codes"), lambda r: str(len(r["trace_codes"])) if r["trace_codes"] else "",
                   numeric=True),
        ], filterable=False)
        remove = QPushButton(self.tr("Remove line"))
        remove.clicked.connect(self.remove_line)
        self.book_button = QPushButton(self.tr("Book the receipt"))
        self.book_button.clicked.connect(self.book)
        self.message = ErrorLabel()
        actions = QHBoxLayout()
        actions.addWidget(remove)
        actions.addStretch(1)
        actions.addWidget(self.book_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(entry)
        codes = QHBoxLayout()
        codes.addWidget(self.trace_code, 1)
        codes.addWidget(self.codes_label)
        layout.addLayout(codes)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    def refresh(self) -> None:
        gsp = self.store.settings.china_gsp
        self.trace_code.setVisible(gsp)
        self.codes_label.setVisible(gsp)
        self._show_codes()
        current = self.supplier.currentData()
        self.supplier.blockSignals(True)
        self.supplier.clear()
        for supplier in self.store.catalog.suppliers():
            self.supplier.addItem(supplier["name"], supplier["id"])
        if current is not None and self.supplier.findData(current) >= 0:
            self.supplier.setCurrentIndex(self.supplier.findData(current))
        self.supplier.blockSignals(False)
        self._load_orders()

    def _load_orders(self, *_args) -> None:
        self.order.clear()
        self.order.addItem(self.tr("(no order)"), None)
        supplier_id = self.supplier.currentData()
        for status in ("sent", "partial"):
            for order in self.store.stock.orders(status):
                if order["supplier_id"] == supplier_id:
                    self.order.addItem(self.tr("Order #{0} ({1})").format(order["id"], order["created_at"][:10]),
                                       order["id"])

    def scan_code(self) -> bool:
        """Take the pack code just scanned into the entry line's codes; the domain's reading of a code refuses one
        that is not a code or is scanned twice (the receipt checks the rest when it is booked)."""
        self.message.clear_message()
        text = self.trace_code.text()
        self.trace_code.clear()
        earlier = [code for line in self.lines for code in line["trace_codes"]] + self.codes
        try:
            code = clean_codes([*earlier, text])[-1]
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return False
        self.codes.append(code)
        self._show_codes()
        return True

    def _show_codes(self) -> None:
        self.codes_label.setText(self.tr("{0} code(s) for this line").format(len(self.codes)))

    def set_supplier(self, supplier_id: int) -> None:
        self.supplier.setCurrentIndex(self.supplier.findData(supplier_id))

    def add_line(self) -> bool:
        """Add the entry row to the lines (batch and expiry are checked when the receipt is booked)."""
        self.message.clear_message()
        product = self.product.product or self.product.resolve()
        if product is None:
            if self.product.text().strip() == "":
                self.message.show_info(self.tr("Choose the product first."))
            return False
        try:
            cost = parse_money(self.unit_cost.text() or "0", "unit cost")
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return False
        self.lines.append({"product_id": product.id, "product_name": product.name,
                           "batch_no": self.batch_no.text().strip(), "expiry": self.expiry.text().strip(),
                           "quantity": self.quantity.value(), "unit_cost": cost, "trace_codes": tuple(self.codes)})
        self.codes = []
        self._show_codes()
        self.table.set_rows(self.lines)
        for field in (self.product, self.batch_no, self.expiry, self.unit_cost):
            field.clear()
        self.product.product = None
        self.quantity.setValue(1)
        self.product.setFocus()
        return True

    def remove_line(self) -> None:
        line = self.table.current()
        if line is not None:
            self.lines.remove(line)
            self.table.set_rows(self.lines)

    def book(self) -> int | None:
        self.message.clear_message()
        if self.supplier.currentData() is None:
            self.message.show_info(self.tr("Choose the supplier first."))
            return None
        lines = [ReceiptLine(l["product_id"], l["batch_no"], l["expiry"], l["quantity"], l["unit_cost"],
                             l["trace_codes"]) for l in self.lines]
        try:
            receipt_id = self.store.stock.receive(self.supplier.currentData(), lines,
                                                  self.delivery_note.text().strip() or None,
                                                  self.order.currentData())
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return None
        self.lines = []
        self.table.set_rows([])
        self.delivery_note.clear()
        self._load_orders()
        self.message.show_info(self.tr("Goods receipt #{0} booked.").format(receipt_id))
        return receipt_id
