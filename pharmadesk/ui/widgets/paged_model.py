"""A table model that holds one page of rows and asks the domain for each page.

    model = PagedQueryModel(columns, fetch=store.stock.product_levels, count=store.stock.product_levels_count)

``fetch(text, order_by=..., descending=..., limit=..., offset=...)`` returns the page's rows
(dicts or objects); ``count(text)`` the number of rows over all pages. The model never holds
more than one page, so a list of two million rows scrolls, sorts and filters as fast as the
query behind it. Sorting by a column sends that column's ``key`` to the domain, which checks it
against its own whitelist; columns with ``sortable=False`` ignore header clicks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from pharmadesk.errors import PharmaDeskError


def field(row: Any, key: str) -> Any:
    """``row[key]`` for a dict, ``row.key`` for an object."""
    return row.get(key) if isinstance(row, dict) else getattr(row, key, None)


@dataclass(frozen=True)
class Column:
    key: str                                    # the row's field, and the sort key sent to the domain
    title: str                                  # already translated
    display: Callable[[Any], Any] | None = None  # row -> shown value (default: the field)
    sortable: bool = True
    numeric: bool = False                       # right-aligned
    kind: str | None = None                     # a figure's kind for exports: money, money_minor, percent, count

    def value(self, row: Any) -> Any:
        value = self.display(row) if self.display else field(row, self.key)
        return "" if value is None else value


class ColumnsModel(QAbstractTableModel):
    """Rows shown through a list of :class:`Column`: what the in-memory and the paged table share."""

    def __init__(self, columns: list[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list = []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(self.rows[index.row()])
            return value if isinstance(value, (int, str)) else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class PagedQueryModel(ColumnsModel):
    """One page of a query's rows. :attr:`failed` carries a refused query's PharmaDeskError."""

    pageChanged = Signal()
    failed = Signal(object)

    def __init__(self, columns: list[Column], fetch: Callable, count: Callable, page_size: int = 100,
                 order_by: str | None = None, descending: bool = False, parent=None) -> None:
        super().__init__(columns, parent)
        self._fetch = fetch
        self._count = count
        self.page_size = page_size
        self.order_by = order_by or self.columns[0].key
        self.descending = descending
        self.filter_text = ""
        self.page = 0
        self.total = 0

    # -- Qt model ---------------------------------------------------------------------------------

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return self.page * self.page_size + section + 1
        return super().headerData(section, orientation, role)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        self.order_by = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.page = 0
        self.refresh()

    # -- paging ------------------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.page_size))

    def set_filter(self, text: str) -> None:
        self.filter_text = (text or "").strip()
        self.page = 0
        self.refresh()

    def set_page(self, page: int) -> None:
        self.page = max(0, min(page, self.page_count - 1))
        self.refresh(recount=False)

    def next_page(self) -> None:
        self.set_page(self.page + 1)

    def previous_page(self) -> None:
        self.set_page(self.page - 1)

    def refresh(self, recount: bool = True) -> None:
        """Re-read the current page (and, with ``recount``, the total) from the domain."""
        self.beginResetModel()
        try:
            if recount:
                self.total = int(self._count(self.filter_text))
                self.page = max(0, min(self.page, self.page_count - 1))
            self.rows = list(self._fetch(self.filter_text, order_by=self.order_by, descending=self.descending,
                                         limit=self.page_size, offset=self.page * self.page_size))
        except PharmaDeskError as exc:
            self.rows = []
            self.failed.emit(exc)
        finally:
            self.endResetModel()
        self.pageChanged.emit()

    def row_at(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def sort_column(self) -> int:
        for i, column in enumerate(self.columns):
            if column.key == self.order_by:
                return i
        return -1
