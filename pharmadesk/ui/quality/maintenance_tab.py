"""Maintenance (养护): the batches due for their check (key items monthly, others quarterly) and recording
a check per batch; a defect sends the batch to quarantine (the domain does it in the same transaction)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from pharmadesk.core.permissions import Action
from pharmadesk.errors import PharmaDeskError
from pharmadesk.reports.quality_forms import CONCLUSION_LABELS, code_label
from pharmadesk.reports.quality_rows import maintenance_rows
from pharmadesk.ui.common import ErrorLabel, exec_dialog
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


class MaintenanceTab(QWidget):
    kind = "maintenance"

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.message = ErrorLabel()
        self.due = ListTable([
            Column("product_name", self.tr("Product")),
            Column("batch_no", self.tr("Batch")),
            Column("expiry", self.tr("Expiry")),
            Column("on_hand", self.tr("On hand"), numeric=True),
            Column("key", self.tr("Key item"), lambda r: self.tr("yes") if r.key else ""),
            Column("last_checked", self.tr("Last checked"), lambda r: r.last_checked or self.tr("never")),
        ])
        self.due.model.highlight = lambda item: item.key
        self.appearance = QLineEdit(self.tr("intact"))
        self.packaging = QLineEdit(self.tr("intact"))
        self.conclusion = QComboBox()
        for code in ("ok", "bad"):
            self.conclusion.addItem(code_label(CONCLUSION_LABELS, code), code)
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("Required when a defect is found"))
        self.record_button = QPushButton(self.tr("&Record check"))
        self.record_button.clicked.connect(self.record)
        form = QFormLayout()
        form.addRow(self.tr("&Appearance"), self.appearance)
        form.addRow(self.tr("&Packaging"), self.packaging)
        form.addRow(self.tr("F&inding"), self.conclusion)          # Alt+F is the page's From
        form.addRow(self.tr("A&ction taken"), self.action)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addLayout(buttons)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.due, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Due for a check: key items (cold, cool, near expiry, ephedrine, flagged) "
                                        "monthly, the others quarterly.")))
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

    def user_changed(self) -> None:
        self.record_button.setEnabled(self.store.may(Action.MAINTAIN_STOCK))

    def refresh(self) -> None:
        self.due.set_rows(self.store.quality.maintenance_due())
        if self.due.visible_rows() and self.due.current() is None:
            self.due.select(lambda _row: True)

    def form_rows(self, start, end) -> list:
        return maintenance_rows(self.store, start, end)

    def record(self) -> bool:
        item = self.due.current()
        if item is None:
            self.message.show_info(self.tr("Choose a batch first."))
            return False
        try:
            check = self.store.quality.record_maintenance(item.batch_id, self.appearance.text(), self.packaging.text(),
                                                          self.conclusion.currentData(), self.action.text() or None)
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return False
        self.action.clear()
        self.refresh()
        if check.quarantine_id is not None:
            self.message.show_info(self.tr("{0} (batch {1}) checked: moved to quarantine.")
                                   .format(item.product_name, item.batch_no))
        else:
            self.message.show_info(self.tr("{0} (batch {1}) checked.").format(item.product_name, item.batch_no))
        return True
