"""Quantity and reason for an adjustment or a write-off of one batch."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox

from pharmadesk.errors import PharmaDeskError
from pharmadesk.ui.common import form_dialog_body


class StockChangeDialog(QDialog):
    """``mode`` "write_off" takes units out for good; "adjust" adds or removes (signed) units.
    The change is made by the domain when the dialog is accepted."""

    def __init__(self, store, batch: dict, mode: str = "write_off", reason: str = "", parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.batch = batch
        self.mode = mode
        self.setWindowTitle(self.tr("Write off stock") if mode == "write_off" else self.tr("Adjust stock"))
        self.quantity = QSpinBox()
        if mode == "write_off":
            self.quantity.setRange(1, 1_000_000)
            self.quantity.setValue(max(1, batch.get("on_hand") or 1))
        else:
            self.quantity.setRange(-1_000_000, 1_000_000)
            self.quantity.setValue(0)
        self.reason = QLineEdit(reason)
        self.reason.setPlaceholderText(self.tr("e.g. expired, damaged, recalled, found on shelf"))
        form = QFormLayout()
        on_hand = self.tr("on hand")
        form.addRow(self.tr("Batch"), QLabel(f"{batch.get('product_name', '')} · {batch['batch_no']} · "
                                             f"{batch['expiry']} · {on_hand} {batch['on_hand']}"))
        form.addRow(self.tr("Units to write off") if mode == "write_off" else self.tr("Change (+/−)"),
                    self.quantity)
        form.addRow(self.tr("Reason"), self.reason)
        self.error = form_dialog_body(self, form)

    def accept(self) -> None:
        self.error.clear_message()
        try:
            if self.mode == "write_off":
                self.store.stock.write_off(self.batch["id"], self.quantity.value(), self.reason.text())
            else:
                self.store.stock.adjust(self.batch["id"], self.quantity.value(), self.reason.text())
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()
