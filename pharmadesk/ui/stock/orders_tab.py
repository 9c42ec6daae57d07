"""Purchase orders: the list with a status filter, one order's lines, a new draft, send, cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QSplitter,
    QVBoxLayout, QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.ui.common import ErrorLabel, exec_dialog
from pharmadesk.reports.labels import ORDER_STATUS_LABELS, label
from pharmadesk.ui.stock.product_picker import ProductPicker
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column
from pharmadesk.ui.widgets.search_field import no_auto_default


class OrderDialog(QDialog):
    """A new draft order: supplier and (product, quantity) lines; on accept :attr:`order_id` is set."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.order_id = None
        self.lines: list[dict] = []
        self.setWindowTitle(self.tr("New purchase order"))
        self.resize(560, 420)
        self.supplier = QComboBox()
        for supplier in store.catalog.suppliers():
            self.supplier.addItem(supplier["name"], supplier["id"])
        self.note = QLineEdit()
        self.product = ProductPicker(store)
        self.product.failed.connect(lambda exc: self.error.show_error(exc))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 1_000_000)
        add = QPushButton(self.tr("Add line"))
        add.clicked.connect(self.add_line)
        form = QFormLayout()
        form.addRow(self.tr("Supplier"), self.supplier)
        form.addRow(self.tr("Note"), self.note)
        entry = QHBoxLayout()
        entry.addWidget(self.product, 1)
        entry.addWidget(self.quantity)
        entry.addWidget(add)
        self.table = ListTable([Column("product_name", self.tr("Product")),
                                Column("quantity", self.tr("Quantity"), numeric=True)], filterable=False)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save draft"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(entry)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        no_auto_default(self)

    def add_line(self) -> bool:
        product = self.product.product or self.product.resolve()
        if product is None:
            return False
        self.lines.append({"product_id": product.id, "product_name": product.name,
                           "quantity": self.quantity.value()})
        self.table.set_rows(self.lines)
        self.product.clear()
        self.product.product = None
        self.quantity.setValue(1)
        return True

    def accept(self) -> None:
        self.error.clear_message()
        try:
            self.order_id = self.store.stock.create_order(
                self.supplier.currentData(), [(l["product_id"], l["quantity"]) for l in self.lines],
                self.note.text().strip() or None)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()


class OrdersTab(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.status = QComboBox()
        self.status.addItem(self.tr("all orders"), None)
        for code in ORDER_STATUS_LABELS:
            self.status.addItem(label(ORDER_STATUS_LABELS, code), code)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.orders = ListTable([
            Column("id", self.tr("Order"), numeric=True),
            Column("supplier_name", self.tr("Supplier")),
            Column("status", self.tr("Status"), lambda r: label(ORDER_STATUS_LABELS, r["status"])),
            Column("created_at", self.tr("Created"), lambda r: (r["created_at"] or "")[:10]),
            Column("expected_on", self.tr("Expected")),
        ])
        self.orders.view.selectionModel().currentRowChanged.connect(lambda *_a: self.show_lines())
        self.lines = ListTable([
            Column("product_name", self.tr("Product")),
            Column("quantity", self.tr("Ordered"), numeric=True),
            Column("received_qty", self.tr("Received"), numeric=True),
        ], filterable=False)
        self.new_button = QPushButton(self.tr("New draft…"))
        self.new_button.clicked.connect(self.new_order)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.clicked.connect(lambda: self._change(self.store.stock.send_order, self.tr("Order sent.")))
        self.cancel_button = QPushButton(self.tr("Cancel order"))
        self.cancel_button.clicked.connect(
            lambda: self._change(self.store.stock.cancel_order, self.tr("Order cancelled.")))
        self.message = ErrorLabel()
        top = QHBoxLayout()
        top.addWidget(self.status)
        for button in (self.new_button, self.send_button, self.cancel_button):
            top.addWidget(button)
        top.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.orders)
        splitter.addWidget(self.lines)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        names = {s["id"]: s["name"] for s in self.store.catalog.suppliers(include_inactive=True)}
        rows = [{**o, "supplier_name": names.get(o["supplier_id"], "")}
                for o in self.store.stock.orders(self.status.currentData())]
        self.orders.set_rows(rows)
        self.lines.set_rows([])

    def show_lines(self) -> None:
        order = self.orders.current()
        try:
            self.lines.set_rows(self.store.stock.order(order["id"])["lines"] if order else [])
        except PharmaDeskError as exc:
            self.message.show_error(exc)

    def new_order(self) -> None:
        self.message.clear_message()
        dialog = OrderDialog(self.store, self)
        if self.exec_dialog(dialog) and dialog.order_id is not None:
            self.refresh()
            self.orders.select(lambda o: o["id"] == dialog.order_id)
            self.message.show_info(self.tr("Draft order #{0} saved.").format(dialog.order_id))

    def _change(self, use_case, done: str) -> None:
        order = self.orders.current()
        if order is None:
            self.message.show_info(self.tr("Choose an order first."))
            return
        self.message.clear_message()
        try:
            use_case(order["id"])
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return
        self.refresh()
        self.orders.select(lambda o: o["id"] == order["id"])
        self.message.show_info(done)
