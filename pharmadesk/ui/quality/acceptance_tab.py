"""Acceptance (验收) of received goods: the receipt lines still pending, and the check that releases them —
conclusion, quantity checked, appearance, and for cold-chain products the arrival temperature."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from pharmadesk.core.permissions import Action
from pharmadesk.errors import PharmaDeskError
from pharmadesk.reports.quality_forms import CONCLUSION_LABELS, STORAGE_LABELS, code_label
from pharmadesk.reports.quality_rows import acceptance_rows
from pharmadesk.ui.common import ErrorLabel, exec_dialog
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


class AcceptanceTab(QWidget):
    kind = "acceptance"

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.message = ErrorLabel()
        self.pending = ListTable([
            Column("product_name", self.tr("Product")),
            Column("receipt_id", self.tr("Receipt"), numeric=True),
            Column("batch_no", self.tr("Batch")),
            Column("expiry", self.tr("Expiry")),
            Column("storage_condition", self.tr("Storage"), lambda r: code_label(STORAGE_LABELS, r.storage_condition)),
            Column("pending", self.tr("Pending"), numeric=True),
            Column("received_at", self.tr("Received"), lambda r: r.received_at[:10]),
        ])
        self.pending.view.selectionModel().currentRowChanged.connect(lambda *_: self._line_changed())
        self.conclusion = QComboBox()
        for code in ("accepted", "refused", "quarantine"):
            self.conclusion.addItem(code_label(CONCLUSION_LABELS, code), code)
        self.quantity_checked = QSpinBox()
        self.quantity_checked.setRange(0, 100000)
        self.appearance = QLineEdit()
        self.appearance.setPlaceholderText(self.tr("e.g. packaging intact, labels legible"))
        self.arrival_temp = QDoubleSpinBox()
        self.arrival_temp.setRange(-30.0, 50.0)
        self.arrival_temp.setDecimals(1)
        self.arrival_temp.setSuffix(" °C")
        self.arrival_label = QLabel(self.tr("Arrival &temperature"))
        self.arrival_label.setBuddy(self.arrival_temp)
        self.note = QLineEdit()
        self.inspector = QLabel()
        self.accept_button = QPushButton(self.tr("&Record acceptance"))
        self.accept_button.clicked.connect(self.record)

        form = QFormLayout()
        form.addRow(self.tr("Inspector"), self.inspector)
        form.addRow(self.tr("&Conclusion"), self.conclusion)
        form.addRow(self.tr("&Quantity checked"), self.quantity_checked)
        form.addRow(self.tr("&Appearance"), self.appearance)
        form.addRow(self.arrival_label, self.arrival_temp)
        form.addRow(self.tr("&Note"), self.note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addLayout(buttons)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.pending, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Received goods awaiting acceptance: not sellable until accepted.")))
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

    def user_changed(self) -> None:
        self.inspector.setText(self.store.user.display_name if self.store.user else "")
        self.accept_button.setEnabled(self.store.may(Action.ACCEPT_GOODS))

    def refresh(self) -> None:
        self.pending.set_rows(self.store.quality.pending_acceptance())
        if self.pending.visible_rows() and self.pending.current() is None:
            self.pending.select(lambda _row: True)
        self._line_changed()

    def form_rows(self, start, end) -> list:
        return acceptance_rows(self.store, start, end)

    def _line_changed(self) -> None:
        line = self.pending.current()
        cold = line is not None and line.storage_condition == "cold"
        self.arrival_temp.setEnabled(cold)
        self.arrival_label.setEnabled(cold)
        if line is not None:
            self.quantity_checked.setValue(min(line.pending, self.quantity_checked.value() or line.pending))

    def record(self) -> bool:
        """Record the check of the selected line (all its pending units); the domain refuses what is wrong."""
        line = self.pending.current()
        if line is None:
            self.message.show_info(self.tr("Choose a receipt line first."))
            return False
        try:
            self.store.quality.accept(
                line.receipt_id, line.batch_id, self.conclusion.currentData(), self.quantity_checked.value(),
                self.appearance.text(), self.arrival_temp.value() if self.arrival_temp.isEnabled() else None,
                note=self.note.text() or None)
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return False
        self.appearance.clear()
        self.note.clear()
        self.refresh()
        self.message.show_info(self.tr("{0} (batch {1}): {2}.").format(
            line.product_name, line.batch_no, code_label(CONCLUSION_LABELS, self.conclusion.currentData())))
        return True
