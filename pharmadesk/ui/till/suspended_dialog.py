"""Choose a parked (suspended) sale to bring back to the till (F5).

Each row says what tells the waiting customers apart: when it was parked, the items and the total,
the member (name and the last four digits of the phone, from ``store.sales.suspended_summaries``) and
the clerk's note. ↑/↓ choose, Enter resumes, Esc cancels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from pharmadesk.core.timeutil import from_iso
from pharmadesk.ui.common import ErrorLabel, money


class SuspendedDialog(QDialog):
    """On accept :attr:`suspended_id` is the chosen parked sale."""

    WHEN, ITEMS, TOTAL, MEMBER, NOTE = range(5)

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.suspended_id = None
        self.setWindowTitle(self.tr("Resume a suspended sale"))
        self.resize(640, 320)
        layout = QVBoxLayout(self)
        self.sales = store.sales.suspended_summaries()
        self.list = QTableWidget(len(self.sales), 5)
        self.list.setObjectName("suspendedList")
        self.list.setHorizontalHeaderLabels([self.tr("Parked"), self.tr("Items"), self.tr("Total"),
                                             self.tr("Member"), self.tr("Note")])
        self.list.verticalHeader().hide()
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setTabKeyNavigation(False)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.MEMBER, QHeaderView.ResizeMode.Stretch)
        for row, sale in enumerate(self.sales):
            for column, text in enumerate(self.row_texts(sale)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, sale.id)
                if column in (self.ITEMS, self.TOTAL):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.list.setItem(row, column, item)
        if self.sales:
            self.list.setCurrentCell(0, 0)
        layout.addWidget(self.list)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Resume"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.setFocus()

    def row_texts(self, sale) -> list[str]:
        """The five cells of one parked sale: when (and by whom), items, total, member, note."""
        moment = from_iso(sale.at).astimezone()
        when = moment.strftime("%H:%M") if moment.date() == self.store.today() else moment.strftime("%Y-%m-%d %H:%M")
        if sale.parked_by:
            when = self.tr("#{0}  {1}  by {2}").format(sale.id, when, sale.parked_by)
        else:
            when = self.tr("#{0}  {1}").format(sale.id, when)
        items = self.tr("{0} item(s)").format(sale.item_count)
        if sale.member_id is None:
            member = "—"
        elif sale.member_name is None:
            member = self.tr("(erased member)")
        elif sale.member_phone_last4:
            member = self.tr("{0} · phone …{1}").format(sale.member_name, sale.member_phone_last4)
        else:
            member = sale.member_name
        return [when, items, money(sale.total), member, sale.label]

    def count(self) -> int:
        return self.list.rowCount()

    def texts(self, row: int) -> list[str]:
        """What row ``row`` shows, cell by cell."""
        return [self.list.item(row, column).text() for column in range(self.list.columnCount())]

    def choose(self, row: int) -> None:
        self.list.setCurrentCell(row, 0)

    def accept(self) -> None:
        item = self.list.item(self.list.currentRow(), 0) if self.list.currentRow() >= 0 else None
        if item is None:
            self.error.show_info(self.tr("There is no suspended sale."))
            return
        self.suspended_id = item.data(Qt.ItemDataRole.UserRole)
        super().accept()
