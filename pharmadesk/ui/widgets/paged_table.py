"""A filter field, a sortable table backed by a :class:`PagedQueryModel`, and page buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from pharmadesk.ui.common import ErrorLabel
from pharmadesk.ui.widgets.paged_model import PagedQueryModel


class PagedTable(QWidget):
    """Typing in the filter re-queries after a short pause; header clicks sort in the database."""

    currentChanged = Signal(object)   # the chosen row, or None
    activated = Signal(object)        # double-click / Enter on a row

    def __init__(self, model: PagedQueryModel, placeholder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.model = model
        model.setParent(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(placeholder or self.tr("Filter"))
        layout.addWidget(self.filter)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The first column (the name) takes the spare width; the rest fit their contents (one page of rows).
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(False)
        if self.view.model().columnCount() > 0:
            self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSectionsClickable(True)
        self.view.horizontalHeader().sectionClicked.connect(self._header_clicked)
        layout.addWidget(self.view, 1)

        pager = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("‹ Previous"))
        self.next_button = QPushButton(self.tr("Next ›"))
        self.page_label = QLabel()
        pager.addWidget(self.previous_button)
        pager.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        pager.addWidget(self.next_button)
        layout.addLayout(pager)
        self.previous_button.clicked.connect(model.previous_page)
        self.next_button.clicked.connect(model.next_page)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(lambda: model.set_filter(self.filter.text()))
        self.filter.textChanged.connect(lambda _t: self._debounce.start())
        self.filter.returnPressed.connect(self.apply_filter)
        model.pageChanged.connect(self._page_changed)
        model.failed.connect(self.error.show_error)
        self.view.doubleClicked.connect(lambda index: self.activated.emit(model.row_at(index.row())))
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.currentChanged.emit(model.row_at(current.row())))

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.error.clear_message()
        self.model.set_filter(self.filter.text())

    def set_filter(self, text: str) -> None:
        """Filter now (what typing does after its pause)."""
        self.filter.blockSignals(True)
        self.filter.setText(text)
        self.filter.blockSignals(False)
        self.apply_filter()

    def refresh(self) -> None:
        self.error.clear_message()
        self.model.refresh()

    def _header_clicked(self, section: int) -> None:
        column = self.model.columns[section]
        if not column.sortable:
            self._show_sort()
            return
        descending = self.model.order_by == column.key and not self.model.descending
        self.model.sort(section, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)

    def _show_sort(self) -> None:
        self.view.horizontalHeader().setSortIndicator(
            self.model.sort_column(),
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder)

    def _page_changed(self) -> None:
        model = self.model
        first = model.page * model.page_size + 1 if model.rows else 0
        last = model.page * model.page_size + len(model.rows)
        self.page_label.setText(self.tr("{0}–{1} of {2} · page {3} of {4}").format(
            first, last, model.total, model.page + 1, model.page_count))
        self.previous_button.setEnabled(model.page > 0)
        self.next_button.setEnabled(model.page + 1 < model.page_count)
        self._show_sort()
        self.currentChanged.emit(None)

    def current(self):
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, predicate) -> bool:
        """Make the first row on this page for which ``predicate(row)`` holds current; False if none."""
        for r, row in enumerate(self.model.rows):
            if predicate(row):
                self.view.selectRow(r)
                self.view.setCurrentIndex(self.model.index(r, 0))
                return True
        return False
