"""A row of controls that wraps onto a second line when the window is narrow.

A page's top row (title, filters, buttons) laid out in a QHBoxLayout is as wide as all of its widgets
together, and that sum becomes the main window's minimum width: on a 1280×720 screen, or in Chinese, one
long row pushed the window off the screen. :class:`FlowLayout` (the Qt "flow layout" example) asks only
for the widest single control and takes more height when it has to wrap, so no row forces the window wider.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Places its items left to right, starting a new line when the next one does not fit.

    ``align_right`` pushes each line to the right edge (the usual place of a pane's buttons).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = -1, align_right: bool = False) -> None:
        super().__init__(parent)
        self._items = []
        self._spacing = spacing
        self._align_right = align_right
        self.setContentsMargins(0, 0, 0, 0)

    # -- the QLayout interface ----------------------------------------------------------------------

    def addItem(self, item) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """Everything on one line."""
        width = height = 0
        for item in self._visible():
            hint = item.sizeHint()
            width += hint.width() + (self._gap(item, Qt.Orientation.Horizontal) if width else 0)
            height = max(height, hint.height())
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        """The widest single item: narrower than that, the line cannot wrap any further."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- placing the items --------------------------------------------------------------------------------

    def _visible(self):
        return [item for item in self._items if not (item.widget() and item.widget().isHidden())]

    def _gap(self, item, orientation: Qt.Orientation) -> int:
        if self._spacing >= 0:
            return self._spacing
        widget = item.widget()
        style = widget.style() if widget else (self.parentWidget().style() if self.parentWidget() else None)
        if style is None:
            return 6
        control = widget.sizePolicy().controlType() if widget else QSizePolicy.ControlType.DefaultType
        gap = style.layoutSpacing(control, control, orientation)
        if gap < 0:
            metric = QStyle.PixelMetric.PM_LayoutHorizontalSpacing if orientation == Qt.Orientation.Horizontal \
                else QStyle.PixelMetric.PM_LayoutVerticalSpacing
            gap = style.pixelMetric(metric)
        return gap if gap >= 0 else 6

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); returns the height used."""
        margins: QMargins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list] = [[]]
        x = 0
        for item in self._visible():
            width = min(item.sizeHint().width(), area.width()) if area.width() > 0 else item.sizeHint().width()
            width = max(width, item.minimumSize().width())
            gap = self._gap(item, Qt.Orientation.Horizontal)
            if lines[-1] and x + gap + width > area.width():
                lines.append([])
                x = 0
            x += (gap if lines[-1] else 0) + width
            lines[-1].append((item, width, gap))
        y = area.y()
        for number, line in enumerate(lines):
            if not line:
                continue
            height = max(item.sizeHint().height() for item, _w, _g in line)
            used = sum(w for _i, w, _g in line) + sum(g for _i, _w, g in line[1:])
            x = area.x() + (max(area.width() - used, 0) if self._align_right else 0)
            for index, (item, width, gap) in enumerate(line):
                if index:
                    x += gap
                if move:
                    item_height = min(item.sizeHint().height(), height)
                    item.setGeometry(QRect(QPoint(x, y + (height - item_height) // 2), QSize(width, item_height)))
                x += width
            y += height
            if number < len(lines) - 1:
                y += self._gap(line[0][0], Qt.Orientation.Vertical)
        return y - rect.y() + margins.bottom()
