"""Choose a parked (suspended) sale to bring back to the till (F5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout

from pharmadesk.core.timeutil import from_iso
from pharmadesk.ui.common import ErrorLabel


class SuspendedDialog(QDialog):
    """On accept :attr:`suspended_id` is the chosen parked sale."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.suspended_id = None
        self.setWindowTitle(self.tr("Resume a suspended sale"))
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("suspendedList")
        for row in store.sales.suspended():
            when = from_iso(row["at"]).astimezone().strftime("%H:%M")
            item = QListWidgetItem(f"#{row['id']}  {when}  {row['label'] or ''}")
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Resume"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.itemActivated.connect(lambda _item: self.accept())

    def count(self) -> int:
        return self.list.count()

    def choose(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.error.show_info(self.tr("There is no suspended sale."))
            return
        self.suspended_id = item.data(Qt.ItemDataRole.UserRole)
        super().accept()
