"""The till driven the way counter staff drive it: keys only, on the real main window and real dialogs.

Each dialog the till opens is shown for real and typed into through the widget that has the focus, so a
wrong tab order, a date widget's sections or an Enter that presses the dialog's default button show up
here as they would at the counter. The store's clock is pinned (the ``clock`` fixture); dates are typed
relative to it. After every flow the audit log must hold no failed login.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.stock.orders_tab import OrderDialog
from pharmadesk.ui.till.member_panel import MemberSearchDialog
from pharmadesk.ui.till.prescription_dialog import PrescriptionDialog
from pharmadesk.ui.till.return_dialog import ReturnDialog
from pharmadesk.ui.till.suspended_dialog import SuspendedDialog
from tests.conftest import PINS

PARACETAMOL = "4006381333931"
RAMIPRIL = "6901234567892"


# -- the keyboard ------------------------------------------------------------------------------------------

def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def show_for_keys(qtbot, dialog: QDialog) -> QDialog:
    """Show a dialog the till opened, as ``exec`` would, and wait until it has the keyboard."""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def back_to(qtbot, window) -> None:
    """After a dialog closed: the main window has the keyboard again (its F-keys work only then)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def scan(qtbot, window, code: str) -> None:
    """A barcode scanner: a burst of keys into the scan field, then Enter."""
    assert focused() is window.till.scan
    type_text(qtbot, code)
    press(qtbot, Qt.Key.Key_Return)


def failed_logins(store) -> int:
    return store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'login.failed'")


def closed_accepted(dialog: QDialog) -> bool:
    return not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted


# -- scan -------------------------------------------------------------------------------------------------

def test_scan_a_barcode_and_enter(make_window, qtbot, ids):
    window, store, _dialogs = make_window("cashier")
    scan(qtbot, window, PARACETAMOL)
    scan(qtbot, window, PARACETAMOL)
    press(qtbot, Qt.Key.Key_Plus)                                   # + on the empty scan field: one more
    assert [(line.product.id, line.quantity) for line in window.till.model.lines] == [(ids.otc, 3)]
    assert window.till.total_label.text().endswith("37.50")
    assert focused() is window.till.scan


# -- Enter in a search field searches, never confirms -------------------------------------------------------

def test_member_by_phone_and_enter_attaches_without_a_login(make_window, qtbot):
    window, store, dialogs = make_window("cashier")
    store.members.register("Mei Wang", "13800138000")

    def keys(dialog: MemberSearchDialog) -> bool:
        show_for_keys(qtbot, dialog)
        assert focused() is dialog.query
        type_text(qtbot, "8000")
        press(qtbot, Qt.Key.Key_Return)                              # one match: attached
        return closed_accepted(dialog)

    dialogs.expect(MemberSearchDialog, keys)
    press(qtbot, Qt.Key.Key_F3)
    assert window.till.member.name == "Mei Wang"
    assert window.till.member_panel.details.text().startswith("Phone •••••••8000")
    back_to(qtbot, window)
    assert focused() is window.till.scan
    assert failed_logins(store) == 0


def test_member_search_enter_with_several_matches_goes_to_the_list(make_window, qtbot):
    window, store, dialogs = make_window("cashier")
    store.members.register("Mei Wang", "13800138000")
    store.members.register("Li Wei", "13900138000")
    seen = {}

    def keys(dialog: MemberSearchDialog) -> bool:
        show_for_keys(qtbot, dialog)
        type_text(qtbot, "0000")
        press(qtbot, Qt.Key.Key_Return)                              # nobody: says so, stays open
        seen["nobody"] = (dialog.isVisible(), dialog.error.text())
        press(qtbot, Qt.Key.Key_Backspace)
        for _ in range(4):
            press(qtbot, Qt.Key.Key_Backspace)
        type_text(qtbot, "8000")
        press(qtbot, Qt.Key.Key_Return)                              # two: Enter only moves to the list
        seen["two"] = (dialog.isVisible(), dialog.results.count(), focused() is dialog.results)
        press(qtbot, Qt.Key.Key_Down)
        seen["chosen"] = dialog.results.currentItem().text()
        press(qtbot, Qt.Key.Key_Return)                              # Enter on the chosen one attaches it
        return closed_accepted(dialog)

    dialogs.expect(MemberSearchDialog, keys)
    press(qtbot, Qt.Key.Key_F3)
    assert seen["nobody"] == (True, "No member found.")
    assert seen["two"] == (True, 2, True)
    assert seen["chosen"].startswith(window.till.member.name)
    assert failed_logins(store) == 0


def test_an_orders_product_field_enter_finds_the_product_and_saves_no_order(make_window, qtbot, ids):
    window, store, _dialogs = make_window("owner")
    dialog = OrderDialog(store, window)
    qtbot.addWidget(dialog)
    show_for_keys(qtbot, dialog)
    dialog.product.setFocus()
    type_text(qtbot, PARACETAMOL)
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.product.product.id == ids.otc
    assert store.db.scalar("SELECT count(*) FROM purchase_orders") == 0


def test_return_receipt_number_and_enter_finds_it_and_refunds_nothing(make_window, qtbot, ids):
    window, store, dialogs = make_window("cashier")
    store.sales.sell([CartLine(ids.otc, 3)], [Payment("cash", 3750)])
    seen = {}

    def keys(dialog: ReturnDialog) -> bool:
        show_for_keys(qtbot, dialog)
        assert focused() is dialog.receipt_no
        type_text(qtbot, "s00000001")
        press(qtbot, Qt.Key.Key_Return)                              # searches...
        seen["open after Enter"] = dialog.isVisible()                # ...and presses no Refund
        seen["lines"] = dialog.table.rowCount()
        seen["error"] = dialog.error.text() if not dialog.error.isHidden() else ""
        seen["focus on the quantity"] = focused() is dialog.table.cellWidget(0, 4)
        press(qtbot, Qt.Key.Key_Escape)
        return closed_accepted(dialog)

    dialogs.expect(ReturnDialog, keys)
    press(qtbot, Qt.Key.Key_F8)
    assert seen == {"open after Enter": True, "lines": 1, "error": "", "focus on the quantity": True}
    assert store.db.scalar("SELECT count(*) FROM returns") == 0
    assert failed_logins(store) == 0


def test_return_enter_in_the_quantity_asks_for_the_approver_without_a_failed_login(make_window, qtbot, ids):
    window, store, dialogs = make_window("cashier")
    store.sales.sell([CartLine(ids.otc, 3)], [Payment("cash", 3750)])
    seen = {}

    def keys(dialog: ReturnDialog) -> bool:
        show_for_keys(qtbot, dialog)
        type_text(qtbot, "S00000001")
        press(qtbot, Qt.Key.Key_Return)
        press(qtbot, Qt.Key.Key_Up)                                  # quantity 1 in the focused spin box
        press(qtbot, Qt.Key.Key_Return)                              # Enter: the dialog's Refund...
        seen["open"] = dialog.isVisible()
        seen["message"] = dialog.error.text()
        dialog.reject()
        return False

    dialogs.expect(ReturnDialog, keys)
    press(qtbot, Qt.Key.Key_F8)
    assert seen == {"open": True, "message": "Enter the user name and PIN of the colleague who approves."}
    assert store.db.scalar("SELECT count(*) FROM returns") == 0
    assert failed_logins(store) == 0


# -- a prescription line, by Tab ---------------------------------------------------------------------------

def test_rx_line_with_a_pharmacist_tab_goes_prescriber_number_date_pharmacist_pin(make_window, qtbot, ids):
    window, store, dialogs = make_window("cashier")
    today = store.today()
    tomorrow = today + timedelta(days=1)
    seen = {}

    def keys(dialog: PrescriptionDialog) -> bool:
        show_for_keys(qtbot, dialog)
        order = []
        for text in ("Dr. Li", "RX-778", tomorrow.strftime("%Y%m%d"), "pharmacist", PINS["pharmacist"]):
            order.append(focused().objectName())
            type_text(qtbot, text)                                   # the date's text is replaced, not edited
            if text != PINS["pharmacist"]:
                press(qtbot, Qt.Key.Key_Tab)
        seen["order"] = order
        press(qtbot, Qt.Key.Key_Return)                              # Enter in the PIN confirms...
        seen["future"] = (dialog.isVisible(), dialog.error.text(), focused() is dialog.rx_date)
        type_text(qtbot, "22")                                       # ...the domain refused the date
        press(qtbot, Qt.Key.Key_Return)                              # Enter in the date: on to the pharmacist
        press(qtbot, Qt.Key.Key_Return)                              # and the PIN,
        press(qtbot, Qt.Key.Key_Return)                              # which confirms
        seen["unreadable"] = (dialog.isVisible(), dialog.error.text())
        type_text(qtbot, today.isoformat())
        for _ in range(3):
            press(qtbot, Qt.Key.Key_Return)
        return closed_accepted(dialog)

    dialogs.expect(PrescriptionDialog, keys)
    scan(qtbot, window, RAMIPRIL)
    assert seen["order"] == ["prescriber", "rxNumber", "rxDate", "approverName", "approverPin"]
    assert seen["future"] == (True, f"The prescription date {tomorrow.isoformat()} is in the future: "
                                    "check the date on the prescription.", True)
    compact = today.strftime("%Y%m%d")
    assert seen["unreadable"] == (True, f"Type the prescription date as {today.isoformat()} or {compact}.")
    (line,) = window.till.model.lines
    rx = line.prescription
    assert (rx.prescriber, rx.rx_number, rx.rx_date, rx.approval.user.username) == ("Dr. Li", "RX-778", today,
                                                                                    "pharmacist")
    assert failed_logins(store) == 0                                 # no PIN was tried on a refused date


def test_a_pharmacist_confirms_an_rx_line_with_enter_in_the_date(make_window, qtbot, ids):
    window, store, dialogs = make_window("pharmacist")
    yesterday = store.today() - timedelta(days=1)
    seen = {}

    def keys(dialog: PrescriptionDialog) -> bool:
        show_for_keys(qtbot, dialog)
        assert dialog.approver.isHidden()
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Tab)
        press(qtbot, Qt.Key.Key_Return)                              # Enter in the date, nothing else typed
        seen["too early"] = (dialog.isVisible(), dialog.error.text(), focused() is dialog.prescriber)
        type_text(qtbot, "Dr. Li")
        press(qtbot, Qt.Key.Key_Return)                              # Enter moves on, like Tab
        type_text(qtbot, "RX-1")
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, yesterday.isoformat())
        press(qtbot, Qt.Key.Key_Return)                              # the last field: confirms
        return closed_accepted(dialog)

    dialogs.expect(PrescriptionDialog, keys)
    scan(qtbot, window, RAMIPRIL)
    assert seen["too early"] == (True, "Ramipril 5mg needs a prescription: enter prescriber and number.", True)
    (line,) = window.till.model.lines
    assert (line.prescription.rx_date, line.prescription.approval) == (yesterday, None)


# -- suspend and resume ----------------------------------------------------------------------------------------

def test_suspend_and_resume_by_keys_shows_items_total_and_the_masked_member(make_window, qtbot, ids):
    window, store, dialogs = make_window("cashier")
    store.members.register("Mei Wang", "13800138000")
    scan(qtbot, window, PARACETAMOL)
    scan(qtbot, window, PARACETAMOL)

    def attach(dialog: MemberSearchDialog) -> bool:
        show_for_keys(qtbot, dialog)
        type_text(qtbot, "8000")
        press(qtbot, Qt.Key.Key_Return)
        return closed_accepted(dialog)

    dialogs.expect(MemberSearchDialog, attach)
    press(qtbot, Qt.Key.Key_F3)
    back_to(qtbot, window)
    press(qtbot, Qt.Key.Key_F4)
    assert window.till.model.rowCount() == 0 and window.till.member is None
    listed = {}

    def resume(dialog: SuspendedDialog) -> bool:
        show_for_keys(qtbot, dialog)
        listed["row"] = dialog.texts(0)
        press(qtbot, Qt.Key.Key_Return)
        return closed_accepted(dialog)

    dialogs.expect(SuspendedDialog, resume)
    press(qtbot, Qt.Key.Key_F5)
    when, items, total, member, note = listed["row"]
    assert when.startswith("#1 ") and "Casey Cashier" in when
    assert (items, total, member, note) == ("2 item(s)", "25.00", "Mei Wang · phone …8000", "")
    assert "13800138000" not in "".join(listed["row"])
    assert [(line.product.id, line.quantity) for line in window.till.model.lines] == [(ids.otc, 2)]
    assert window.till.member.name == "Mei Wang"
    assert store.sales.suspended() == []


# -- lock and unlock ---------------------------------------------------------------------------------------------

def test_lock_and_unlock_by_keys_keeps_the_sale(make_window, qtbot, ids):
    window, store, _dialogs = make_window("cashier")
    scan(qtbot, window, PARACETAMOL)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked() and focused() is window.lock_screen.pin
    type_text(qtbot, "0000")
    press(qtbot, Qt.Key.Key_Return)
    assert window.is_locked() and "Wrong user name or password" in window.lock_screen.error.text()
    assert failed_logins(store) == 1                                 # a wrong PIN is a failed login
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is window.lock_screen.username
    type_text(qtbot, "pharmacist")                                   # a colleague takes over the till
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is window.lock_screen.pin
    type_text(qtbot, PINS["pharmacist"])
    press(qtbot, Qt.Key.Key_Return)
    assert not window.is_locked() and store.user.username == "pharmacist"
    assert [(line.product.id, line.quantity) for line in window.till.model.lines] == [(ids.otc, 1)]
    assert failed_logins(store) == 1


# -- closing the program ---------------------------------------------------------------------------------------

def answer_close_warning(qtbot, *keys) -> list[str]:
    """Press ``keys`` in the close warning once it shows; returns the texts it showed (one per warning)."""
    shown: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:                     # not there yet: try again on the next turn of the event loop
            QTimer.singleShot(10, answer)
            return
        shown.append(box.text())
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow, timeout=2000)
        for key, modifier in keys:
            qtbot.keyClick(box.focusWidget() or box, key, modifier)

    def give_up() -> None:                  # a warning the keys did not close fails the test instead of hanging it
        box = QApplication.activeModalWidget()
        if box is not None and box.isVisible():
            shown.append("the keys did not close the warning")
            box.done(0)

    QTimer.singleShot(0, answer)
    QTimer.singleShot(10_000, give_up)
    return shown


ESCAPE = (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
ENTER = (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
CLOSE_ANYWAY = (Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)


def test_closing_with_a_sale_warns_and_the_keyboard_can_cancel_or_confirm(make_window, qtbot, ids):
    window, store, _dialogs = make_window("cashier")
    window.confirm_close = MainWindow.confirm_close.__get__(window)  # the real question, not the fixture's yes
    try:
        scan(qtbot, window, PARACETAMOL)
        shown = answer_close_warning(qtbot, ESCAPE)
        assert not window.close() and window.isVisible()             # Esc: keep working
        assert "A sale is open: 1 item(s), 12.50." in shown[0]

        shown = answer_close_warning(qtbot, ENTER)                   # Enter is "Keep working" too
        assert not window.close() and window.isVisible()

        back_to(qtbot, window)
        press(qtbot, Qt.Key.Key_F4)                                   # parked: kept, but still worth a word
        shown = answer_close_warning(qtbot, ESCAPE)
        assert not window.close()
        assert "1 suspended sale(s) wait to be resumed" in shown[0] and "A sale is open" not in shown[0]

        shown = answer_close_warning(qtbot, CLOSE_ANYWAY)
        assert window.close() and not window.isVisible()
        assert len(store.sales.suspended()) == 1
    finally:
        window.confirm_close = lambda pending: True


def test_closing_with_nothing_pending_does_not_ask(make_window, qtbot):
    window, _store, _dialogs = make_window("cashier")
    asked = []
    window.confirm_close = lambda pending: asked.append(pending) or True
    assert window.close() and asked == []
