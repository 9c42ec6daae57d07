"""The shell: navigation by role, status bar, idle lock, day close, login dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pharmadesk.ui.login import LoginDialog
from tests.conftest import PINS
from tests.ui.conftest import accepted


def test_cashier_sees_only_the_till(make_window):
    window, _store, _dialogs = make_window("cashier")
    assert window.nav_keys() == ["till", "members"]
    assert "day_close" not in window.pages
    assert window.user_label.text() == "Casey Cashier (cashier)"
    assert window.store_label.text() == "Test Pharmacy"


def test_owner_sees_day_close(make_window):
    window, _store, _dialogs = make_window("owner")
    keys = window.nav_keys()
    assert keys == ["till", "members", "stock", "day_close", "dashboard", "reports", "care", "service", "reorder",
                    "segments", "value", "campaigns", "promotions"]


def test_idle_lock_keeps_the_sale(make_window, qtbot):
    window, store, _dialogs = make_window("cashier", idle_ms=150)
    till = window.till
    qtbot.keyClicks(till.scan, "4006381333931")
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    assert till.model.rowCount() == 1
    qtbot.waitUntil(window.is_locked, timeout=3000)

    window.lock_screen.set_credentials("cashier", "0000")
    assert not window.lock_screen.try_unlock()
    assert window.is_locked() and "Wrong user name or password" in window.lock_screen.error.text()

    window.lock_screen.set_credentials("cashier", PINS["cashier"])
    qtbot.keyClick(window.lock_screen.pin, Qt.Key.Key_Return)
    assert not window.is_locked()
    assert [(line.product.name, line.quantity) for line in till.model.lines] == [("Paracetamol 500mg", 1)]
    assert store.user.username == "cashier"


def test_unlock_by_a_pharmacist_switches_the_role(make_window, qtbot):
    window, store, _dialogs = make_window("cashier")
    window.lock()
    window.lock_screen.set_credentials("pharmacist", PINS["pharmacist"])
    assert window.lock_screen.try_unlock()
    assert store.user.role == "pharmacist"
    assert window.nav_keys() == ["till", "members", "stock", "day_close", "care", "service"]
    assert window.user_label.text() == "Pat Pharmacist (pharmacist)"


def test_day_close_shows_the_z_report(make_window, ids):
    from pharmadesk.core.sales import CartLine, Payment

    from pharmadesk.ui.day_close import DayCloseConfirmation

    window, store, dialogs = make_window("owner")
    store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500, tendered=3000)])
    page = window.pages["day_close"]
    dialogs.expect(DayCloseConfirmation, accepted)
    page.counted_cash.setText("24.00")
    page.close_day()
    assert page.last_report.cash_variance == -100
    assert store.db.scalar("SELECT count(*) FROM day_closes") == 1
    assert store.db.scalar("SELECT count(*) FROM sales WHERE day_close_id IS NULL") == 0
    assert "Z report" in page.report.toPlainText() and "-1.00" in page.report.toPlainText()


def test_login_dialog_shows_wrong_password_plainly(open_store, qtbot):
    store = open_store(None)
    dialog = LoginDialog(store)
    qtbot.addWidget(dialog)
    dialog.set_credentials("cashier", "nope")
    assert not accepted(dialog)
    assert dialog.error.text() == "Wrong user name or password."
    assert store.user is None
    dialog.set_credentials("cashier", PINS["cashier"])
    assert accepted(dialog)
    assert store.user.username == "cashier"


def test_receipt_prints_to_pdf(make_window, ids, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from pharmadesk.core.sales import CartLine, Payment
    from pharmadesk.ui.till.receipt_dialog import ReceiptDialog

    window, store, _dialogs = make_window("cashier")
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("card", 1250, reference="TERM-0001")])
    dialog = ReceiptDialog(store, sale.receipt_no, window)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "receipt.pdf"))
    dialog.print_to(printer)
    assert (tmp_path / "receipt.pdf").read_bytes().startswith(b"%PDF")
    assert "Test Pharmacy" in dialog.view.toPlainText()


def test_style_and_translators_load(qapp):
    from pharmadesk.i18n import install_translators
    from pharmadesk.ui.app import STYLE_SHEET, load_style

    load_style(qapp)
    assert qapp.styleSheet() == STYLE_SHEET.read_text(encoding="utf-8")
    install_translators(qapp, "xx_XX")          # no translation for it: nothing installed, nothing broken
    assert qapp._pharmadesk_translators == []
