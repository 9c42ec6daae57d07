"""A return against its receipt (F8): choose lines and quantities, a reason, and — for a cashier —
a pharmacist's or owner's PIN. ``store.returns.return_items`` puts units back on their batches.

The refund goes back the way the sale was paid; the dialog shows how (``store.returns.refund_preview``:
method, amount and the original transaction's reference) before the clerk confirms. Paying a non-cash
payment back in cash is a choice ("Refund to: Cash") that needs the owner, or the owner's PIN."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.permissions import Action
from pharmadesk.core.returns import ReturnItem
from pharmadesk.ui.approval import ApprovalBox
from pharmadesk.ui.common import ErrorLabel, money
from pharmadesk.reports.labels import method_label
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
        self.table.setTabKeyNavigation(False)           # Tab walks quantity -> damaged -> ... -> reason
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setObjectName("returnReason")
        self.method = QComboBox()
        self.method.setObjectName("refundMethod")
        self.method.addItem(self.tr("The original payment"), None)
        self.method.addItem(self.tr("Cash"), "cash")
        self.method.currentIndexChanged.connect(self.show_refund_methods)
        self.refund_methods = QLabel()
        self.refund_methods.setObjectName("refundMethods")
        self.refund_methods.setWordWrap(True)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Refund to"), self.method)
        form.addRow(self.tr("Paid back"), self.refund_methods)
        layout.addLayout(form)
        self.approver = ApprovalBox(self.tr("A pharmacist or the owner approves the refund"))
        self.approver.setVisible(self.needs_approval)
        layout.addWidget(self.approver)
        self.cash_approver = ApprovalBox(self.tr("The owner approves paying a non-cash payment back in cash"))
        self.cash_approver.setObjectName("cashRefundApproval")
        self.cash_approver.hide()
        layout.addWidget(self.cash_approver)
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
        chain: list[QWidget] = []
        for row, line in enumerate(self.sale["lines"]):
            for column, value in enumerate((line["product_name"], str(line["quantity"]), str(line["returned"]),
                                            money(line["line_total"]))):
                self.table.setItem(row, column, QTableWidgetItem(value))
            spin = QSpinBox()
            spin.setRange(0, max(0, line["quantity"] - line["returned"]))
            spin.valueChanged.connect(self.show_refund_methods)
            damaged = QCheckBox()
            self.table.setCellWidget(row, 4, spin)
            self.table.setCellWidget(row, 5, damaged)
            chain += [spin, damaged]
        order = [self.table, *chain]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)          # Tab: each quantity and "damaged", then the reason
        self.table.resizeColumnsToContents()
        self.show_refund_methods()
        if chain:
            chain[0].setFocus()
            chain[0].selectAll()
        return True

    def refund_method(self) -> str | None:
        """None: back to the original payment(s); ``"cash"``: everything in cash."""
        return self.method.currentData()

    def show_refund_methods(self, *args) -> None:
        """Show how the chosen units would be paid back, and ask for the owner when cash replaces a non-cash
        payment the logged-in user may not pay out in cash."""
        items = self.items()
        if self.sale is None or not items:
            self.refund_methods.setText(self.tr("Choose what is being returned."))
            self.cash_approver.hide()
            return
        try:
            parts = self.store.returns.refund_preview(self.sale["receipt_no"], items, self.refund_method())
            original = self.store.returns.refund_preview(self.sale["receipt_no"], items)
        except PharmaDeskError as exc:
            self.refund_methods.setText(str(exc))
            return
        self.refund_methods.setText(" · ".join(
            method_label(p.method) + " " + money(p.amount)
            + (" " + self.tr("(ref. {0})").format(p.reference) if p.reference else "") for p in parts))
        cash_override = self.refund_method() == "cash" and any(p.method != "cash" for p in original)
        self.cash_approver.setVisible(cash_override and not self.store.may(Action.REFUND_IN_CASH))

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
            receipt_no = self.sale["receipt_no"]          # an approval is for this receipt only
            approvals = [self.approver.approve(self.store, Action.REFUND, receipt_no)] if self.needs_approval else []
            if self.cash_approver.isVisibleTo(self):
                approvals.append(self.cash_approver.approve(self.store, Action.REFUND_IN_CASH, receipt_no))
            self.result_value = self.store.returns.return_items(
                self.sale["receipt_no"], self.items(), self.reason.text(), self.refund_method(), approvals)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()
