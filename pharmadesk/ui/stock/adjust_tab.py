"""Adjustments and write-offs of one product's batches, each with a reason (ADJUST_STOCK)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pharmadesk.core.permissions import Action
from pharmadesk.ui.common import ErrorLabel, exec_dialog
from pharmadesk.ui.stock.product_picker import ProductPicker
from pharmadesk.ui.stock.write_off_dialog import StockChangeDialog
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


class AdjustTab(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.product = None
        self.picker = ProductPicker(store)
        self.picker.productChosen.connect(self.show_product)
        self.picker.failed.connect(lambda exc: self.message.show_error(exc))
        self.title = QLabel()
        self.message = ErrorLabel()
        self.batches = ListTable([
            Column("batch_no", self.tr("Batch")),
            Column("expiry", self.tr("Expiry")),
            Column("on_hand", self.tr("On hand"), numeric=True),
            Column("received_qty", self.tr("Received"), numeric=True),
        ], filterable=False)
        self.moves = ListTable([
            Column("at", self.tr("When"), lambda r: r["at"][:16].replace("T", " ")),
            Column("reason", self.tr("Movement")),
            Column("quantity", self.tr("Quantity"), numeric=True),
            Column("note", self.tr("Reason given")),
        ], filterable=False)
        self.adjust_button = QPushButton(self.tr("Adjust…"))
        self.adjust_button.clicked.connect(lambda: self.change("adjust"))
        self.write_off_button = QPushButton(self.tr("Write off…"))
        self.write_off_button.clicked.connect(lambda: self.change("write_off"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.adjust_button)
        buttons.addWidget(self.write_off_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.batches, 2)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Recent movements")))
        layout.addWidget(self.moves, 1)

    def user_changed(self) -> None:
        allowed = self.store.may(Action.ADJUST_STOCK)
        self.adjust_button.setEnabled(allowed)
        self.write_off_button.setEnabled(allowed)

    def refresh(self) -> None:
        if self.product is not None:
            self.show_product(self.product)

    def show_product(self, product) -> None:
        self.product = product
        self.title.setText(self.tr("{0}: {1} on hand").format(product.name, self.store.stock.on_hand(product.id)))
        self.batches.set_rows([{**b, "product_name": product.name}
                               for b in self.store.stock.batches(product.id, include_empty=True)])
        self.moves.set_rows(self.store.stock.moves(product.id, limit=50))

    def change(self, mode: str) -> None:
        batch = self.batches.current()
        if batch is None:
            self.message.show_info(self.tr("Choose a batch first."))
            return
        self.message.clear_message()
        if self.exec_dialog(StockChangeDialog(self.store, batch, mode, parent=self)):
            self.show_product(self.product)
            self.message.show_info(self.tr("Stock changed."))
