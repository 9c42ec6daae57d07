"""A small in-memory table (a day's near-expiry list, one order's lines, the suppliers) with
sorting and filtering through a proxy. Large lists use :mod:`paged_model` instead."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from pharmadesk.ui.widgets.paged_model import Column, ColumnsModel, field

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


WARNING_BACKGROUND = QColor("#f8d7da")     # a row that needs attention (an expiring licence, a reading out of range)


class RowsModel(ColumnsModel):
    """All rows in memory; sorting compares the raw field values (:data:`SORT_ROLE`). ``highlight(row)``,
    when set, marks the rows that need attention with a warning background."""

    highlight: Callable[[Any], bool] | None = None

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == SORT_ROLE and index.isValid():
            raw = field(self.rows[index.row()], self.columns[index.column()].key)
            return "" if raw is None else raw
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight is not None and index.isValid():
            return WARNING_BACKGROUND if self.highlight(self.rows[index.row()]) else None
        return super().data(index, role)


class ListTable(QWidget):
    """A filter field over a sortable table of a :class:`RowsModel`."""

    def __init__(self, columns: list[Column], filterable: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.model = RowsModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.setVisible(filterable)
        layout.addWidget(self.filter)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)                 # the domain's order until a header is clicked
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        # The first column (the name) takes the spare width; the rest fit their contents (one page of rows).
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(False)
        if self.view.model().columnCount() > 0:
            self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view)

    def set_rows(self, rows) -> None:
        self.model.set_rows(rows)

    def visible_rows(self) -> list:
        return [self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
                for r in range(self.proxy.rowCount())]

    def current(self):
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def select(self, predicate) -> bool:
        """Make the first visible row for which ``predicate(row)`` holds current; False if none."""
        for r, row in enumerate(self.visible_rows()):
            if predicate(row):
                self.view.selectRow(r)
                self.view.setCurrentIndex(self.proxy.index(r, 0))
                return True
        return False
