"""What the till and the lock screen look like at the counter: product names keep their space on a
1366-pixel screen with a member attached, and the lock screen's words are readable (WCAG contrast)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from pharmadesk.core.stock import ReceiptLine
from pharmadesk.ui.app import STYLE_SHEET
from pharmadesk.ui.login import LoginDialog
from pharmadesk.ui.till.cart_model import CartModel
from pharmadesk.ui.till.member_panel import MemberSearchDialog

LONG_NAME = "Thermia Infrared Ear Thermometer Pro 3-in-1"
STYLE = STYLE_SHEET.read_text(encoding="utf-8")


def styled(widget):
    """The house style on this widget alone, whatever earlier tests did to the application's style sheet."""
    widget.setStyleSheet(STYLE)
    return widget


# -- the cart's columns ------------------------------------------------------------------------------------------

def test_the_numbers_fit_their_columns_after_a_scan(make_window, qtbot):
    """A two-line row arriving must not leave the price at its header's width ("12.50" shown as "1…0")."""
    window, store, dialogs = make_window("owner")
    styled(window)
    window.resize(1366, 768)
    till = window.till
    qtbot.keyClicks(till.scan, "4006381333931")
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    QApplication.processEvents()
    header = till.table.horizontalHeader()
    for column in (CartModel.QTY, CartModel.PRICE, CartModel.DISCOUNT, CartModel.TOTAL):
        assert header.sectionSize(column) >= till.table.sizeHintForColumn(column), column


def test_the_product_name_gets_the_space_at_1366_pixels_with_a_member_attached(make_window, qtbot, ids):
    window, store, dialogs = make_window("owner")
    product_id = store.catalog.add_product(barcode="6900000000014", name=LONG_NAME, category="device",
                                           legal_class="otc", price=12900, supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [ReceiptLine(product_id, "TH-2026-0001-LONGBATCH",
                                                   store.today() + timedelta(days=700), 5, 8000)])
    store.members.register("Wang Xiaoming-Alexandra Montgomery", "13800138000")
    styled(window)
    window.resize(1366, 768)
    till = window.till

    qtbot.keyClicks(till.scan, "6900000000014")
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    qtbot.keyClicks(till.scan, "4006381333931")
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)

    def attach(dialog):
        qtbot.keyClicks(dialog.query, "8000")
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
        return dialog.result() == dialog.DialogCode.Accepted

    dialogs.expect(MemberSearchDialog, attach)
    qtbot.keyClick(till.scan, Qt.Key.Key_F3)
    assert till.member is not None
    QApplication.processEvents()

    header = till.table.horizontalHeader()
    widths = {column: header.sectionSize(column) for column in range(till.model.columnCount())}
    assert max(widths, key=widths.get) == CartModel.PRODUCT, widths
    assert widths[CartModel.PRODUCT] > sum(w for c, w in widths.items() if c != CartModel.PRODUCT)
    metrics = QFontMetrics(till.table.font())
    for row in range(till.model.rowCount()):
        index = till.model.index(row, CartModel.PRODUCT)
        name = till.model.name_text(till.model.lines[row])
        assert metrics.horizontalAdvance(name) + 16 <= widths[CartModel.PRODUCT], (name, widths)   # shown whole
        assert name in index.data(Qt.ItemDataRole.ToolTipRole)                                     # and here
        assert till.model.batch_line(till.model.lines[row]) in index.data()                        # 2nd line
        assert till.table.rowHeight(row) >= 2 * metrics.height()
    assert "TH-2026-0001-LONGBATCH" in till.model.index(0, CartModel.PRODUCT).data()


# -- contrast ---------------------------------------------------------------------------------------------------------

def relative_luminance(color: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21; 4.5 is the minimum for normal text (AA)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_ratio_of_known_colours():
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


def background_behind(label: QLabel, image) -> QColor:
    """The colour the label's text stands on: its top-left corner (inside, above the glyphs), as painted."""
    corner = label.mapTo(label.window(), label.rect().topLeft())
    scale = image.devicePixelRatio()
    return image.pixelColor(int((corner.x() + 1) * scale), int((corner.y() + 1) * scale))


def text_colour(label: QLabel) -> QColor:
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_the_lock_screen_is_readable(make_window, qtbot):
    window, store, _dialogs = make_window("cashier")
    styled(window)
    window.resize(1366, 768)
    window.lock()                                                   # as the idle lock shows it: inside the window
    screen = window.lock_screen
    screen.set_credentials("cashier", "0000")
    screen.try_unlock()                                             # so the error line is measured too
    QApplication.processEvents()
    image = window.grab().toImage()
    labels = [label for label in screen.findChildren(QLabel) if label.isVisible() and label.text()]
    assert {label.objectName() for label in labels} >= {"lockTitle", "lockNote", "errorLabel"}
    assert len(labels) >= 5                                         # title, note, user name, PIN, error
    for label in labels:
        behind = background_behind(label, image)
        ratio = contrast(text_colour(label), behind)
        assert ratio >= 4.5, (label.text(), text_colour(label).name(), behind.name(), round(ratio, 2))


def test_the_login_dialog_is_readable(open_store, qtbot):
    store = open_store(None)
    dialog = styled(LoginDialog(store, hint="First time here? The owner set up the user names."))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    image = dialog.grab().toImage()
    labels = [label for label in dialog.findChildren(QLabel) if label.isVisible() and label.text()]
    assert {label.objectName() for label in labels} >= {"loginTitle", "hint"}
    for label in labels:
        behind = background_behind(label, image)
        ratio = contrast(text_colour(label), behind)
        assert ratio >= 4.5, (label.text(), text_colour(label).name(), behind.name(), round(ratio, 2))
