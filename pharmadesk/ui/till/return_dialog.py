"""A return against its receipt (F8): choose lines and quantities, a reason, and — for a cashier —
a pharmacist's or owner's PIN. ``store.sales.return_items`` puts units back on their batches."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.permissions import Action
from pharmadesk.core.sales import ReturnItem
from pharmadesk.ui.approval import ApprovalBox
from pharmadesk.ui.common import ErrorLabel, money
from pharmadesk.ui.widgets.search_field import SearchField, no_auto_default


class ReturnDialog(QDialog):
    """On accept :attr:`result_value` is the :class:`ReturnResult` ``return_items`` returned."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.sale = None
        self.result_value = None
        self.needs_approval = not store.may(Action.REFUND)
        self.setWindowTitle(self.tr("Return against a receipt"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.receipt_no = SearchField(self.tr("Receipt number, e.g. S00000042"))   # Enter finds, never refunds
        self.receipt_no.setObjectName("returnReceiptNo")
        load = QPushButton(self.tr("&Find"))
        load.clicked.connect(self.find_receipt)
        self.receipt_no.returnPressed.connect(self.find_receipt)
        top.addWidget(self.receipt_no, 1)
        top.addWidget(load)
        layout.addLayout(top)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Sold"), self.tr("Returned"),
                                              self.tr("Paid"), self.tr("Return now"), self.tr("Damaged")])
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("returnReason")
        self.method = QComboBox()
        self.method.addItem(self.tr("Cash"), "cash")
        self.method.addItem(self.tr("Card"), "card")
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Refund by"), self.method)
        layout.addLayout(form)
        self.approver = ApprovalBox(self.tr("A pharmacist or the owner approves the refund"))
        self.approver.setVisible(self.needs_approval)
        layout.addWidget(self.approver)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Refund"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        no_auto_default(self)

    def find_receipt(self) -> bool:
        """What Enter in the receipt field (or Find) does: load the receipt, then go to its first quantity."""
        if not self.load(self.receipt_no.text()):
            self.receipt_no.selectAll()
            return False
        if self.table.rowCount():
            self.table.setCurrentCell(0, 4)
            self.table.cellWidget(0, 4).setFocus()
        return True

    def load(self, receipt_no: str) -> bool:
        self.error.clear_message()
        self.table.setRowCount(0)
        try:
            self.sale = self.store.sales.receipt(receipt_no)
        except PharmaDeskError as exc:
            self.sale = None
            self.error.show_error(exc)
            return False
        self.receipt_no.setText(self.sale["receipt_no"])
        self.table.setRowCount(len(self.sale["lines"]))
        for row, line in enumerate(self.sale["lines"]):
            for column, value in enumerate((line["product_name"], str(line["quantity"]), str(line["returned"]),
                                            money(line["line_total"]))):
                self.table.setItem(row, column, QTableWidgetItem(value))
            spin = QSpinBox()
            spin.setRange(0, max(0, line["quantity"] - line["returned"]))
            self.table.setCellWidget(row, 4, spin)
            self.table.setCellWidget(row, 5, QCheckBox())
        self.table.resizeColumnsToContents()
        return True

    def set_return_quantity(self, row: int, quantity: int, damaged: bool = False) -> None:
        self.table.cellWidget(row, 4).setValue(quantity)
        self.table.cellWidget(row, 5).setChecked(damaged)

    def items(self) -> list[ReturnItem]:
        if self.sale is None:
            return []
        return [ReturnItem(line["id"], self.table.cellWidget(row, 4).value(), self.table.cellWidget(row, 5).isChecked())
                for row, line in enumerate(self.sale["lines"]) if self.table.cellWidget(row, 4).value() > 0]

    def accept(self) -> None:
        if self.sale is None:
            self.error.show_info(self.tr("Find the receipt first."))
            return
        try:
            approval = self.approver.approve(self.store, Action.REFUND) if self.needs_approval else None
            self.result_value = self.store.sales.return_items(
                self.sale["receipt_no"], self.items(), self.reason.text(), self.method.currentData(), approval)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()
