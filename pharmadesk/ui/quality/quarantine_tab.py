"""Quarantine (不合格药品): the units held, moving suspect stock there, and closing a record — destroyed before
two witnesses (two colleagues' PINs, ui/approval.py), returned to the supplier, or released after investigation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from pharmadesk.core.permissions import Action
from pharmadesk.errors import PharmaDeskError
from pharmadesk.reports.quality_forms import QUARANTINE_STATUS_LABELS, code_label
from pharmadesk.reports.quality_rows import quarantine_rows
from pharmadesk.ui.approval import ApprovalBox
from pharmadesk.ui.common import ErrorLabel, exec_dialog, form_dialog_body
from pharmadesk.ui.stock.product_picker import ProductPicker
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


class QuarantineDialog(QDialog):
    """Move units of a batch to quarantine, with the reason."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.record = None
        self.setWindowTitle(self.tr("Move to quarantine"))
        self.product = ProductPicker(store)
        self.product.productChosen.connect(self._product_chosen)
        self.batch = QComboBox()
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 100000)
        self.reason = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&Product"), self.product)
        form.addRow(self.tr("&Batch"), self.batch)
        form.addRow(self.tr("&Quantity"), self.quantity)
        form.addRow(self.tr("&Reason"), self.reason)
        self.error = form_dialog_body(self, form)
        self.product.failed.connect(self.error.show_error)

    def _product_chosen(self, product) -> None:
        self.batch.clear()
        for batch in self.store.stock.batches(product.id):
            self.batch.addItem(f"{batch['batch_no']} ({batch['expiry']}, {batch['on_hand']})", batch["id"])

    def accept(self) -> None:
        if self.batch.currentData() is None:
            self.error.show_error(self.tr("Choose the product and its batch first."))
            return
        try:
            self.record = self.store.quality.quarantine(self.batch.currentData(), self.quantity.value(),
                                                        self.reason.text())
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()


class DisposeDialog(QDialog):
    """Close a quarantine record: destroy (two witnesses confirm with their PIN), return, or release."""

    def __init__(self, store, record, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.record = record
        self.closed = None
        self.setWindowTitle(self.tr("Dispose of quarantined stock"))
        self.method = QComboBox()
        self.method.addItem(self.tr("Destroy (two witnesses)"), "destroy")
        self.method.addItem(self.tr("Return to supplier"), "return")
        self.method.addItem(self.tr("Release to stock (found fit)"), "release")
        self.method.currentIndexChanged.connect(lambda _i: self._method_changed())
        self.note = QLineEdit()
        self.witness1 = ApprovalBox(self.tr("First witness"))
        self.witness2 = ApprovalBox(self.tr("Second witness"))
        self.witness1.pin.returnPressed.connect(lambda: self.witness2.username.setFocus())
        form = QFormLayout()
        form.addRow(self.tr("Stock"), QLineEdit(f"{record.product_name} · {record.batch_no} · {record.quantity}",
                                                 readOnly=True))
        form.addRow(self.tr("&Method"), self.method)
        form.addRow(self.tr("&Note"), self.note)
        form.addRow(self.witness1)
        form.addRow(self.witness2)
        self.error = form_dialog_body(self, form)
        self._method_changed()

    def _method_changed(self) -> None:
        destroy = self.method.currentData() == "destroy"
        self.witness1.setVisible(destroy)
        self.witness2.setVisible(destroy)

    def accept(self) -> None:
        method, quality = self.method.currentData(), self.store.quality
        subject = f"quarantine:{self.record.id}"
        try:
            if method == "release":
                self.closed = quality.release_quarantine(self.record.id, self.note.text())
            elif method == "return":
                self.closed = quality.dispose(self.record.id, "return", note=self.note.text() or None)
            else:
                witnesses = [box.approve(self.store, Action.WITNESS_DISPOSAL, subject)
                             for box in (self.witness1, self.witness2)]
                self.closed = quality.dispose(self.record.id, "destroy", witnesses, note=self.note.text() or None)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()


class QuarantineTab(QWidget):
    kind = "quarantine"

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.message = ErrorLabel()
        self.status = QComboBox()
        self.status.addItem(self.tr("Held in quarantine"), "held")
        self.status.addItem(self.tr("All records"), None)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = ListTable([
            Column("product_name", self.tr("Product")),
            Column("batch_no", self.tr("Batch")),
            Column("expiry", self.tr("Expiry")),
            Column("quantity", self.tr("Quantity"), numeric=True),
            Column("reason", self.tr("Reason")),
            Column("at", self.tr("Held on"), lambda r: r.at[:10]),
            Column("status", self.tr("Status"), lambda r: code_label(QUARANTINE_STATUS_LABELS, r.status)),
        ])
        self.move_button = QPushButton(self.tr("&Move to quarantine…"))
        self.move_button.clicked.connect(self.move_to_quarantine)
        self.dispose_button = QPushButton(self.tr("&Dispose…"))
        self.dispose_button.clicked.connect(self.dispose_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status)
        buttons.addStretch(1)
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.dispose_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def user_changed(self) -> None:
        self.move_button.setVisible(self.store.may(Action.QUARANTINE_STOCK))
        self.dispose_button.setVisible(self.store.may(Action.DISPOSE_STOCK))

    def refresh(self) -> None:
        self.table.set_rows(self.store.quality.quarantined(self.status.currentData()))

    def form_rows(self, start, end) -> list:
        return quarantine_rows(self.store, start, end)

    def move_to_quarantine(self) -> bool:
        dialog = QuarantineDialog(self.store, self)
        if not self.exec_dialog(dialog):
            return False
        self.refresh()
        self.message.show_info(self.tr("{0} unit(s) of {1} moved to quarantine.")
                               .format(dialog.record.quantity, dialog.record.product_name))
        return True

    def dispose_selected(self) -> bool:
        record = self.table.current()
        if record is None or record.status != "held":
            self.message.show_info(self.tr("Choose a record held in quarantine first."))
            return False
        dialog = DisposeDialog(self.store, record, self)
        if not self.exec_dialog(dialog):
            return False
        self.refresh()
        self.message.show_info(self.tr("{0} (batch {1}): {2}.").format(
            record.product_name, record.batch_no, code_label(QUARANTINE_STATUS_LABELS, dialog.closed.status)))
        return True
