"""Taking payment and giving refunds with the keyboard only, on the real till and store: cash with change,
WeChat Pay with a scanned reference, cash + Alipay, a member's points untouched by typing the cash, and a
return paid back to the original method. Keys go to whichever widget has the cursor, as at the counter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.ui.till.payment_dialog import PaymentDialog
from pharmadesk.ui.till.return_dialog import ReturnDialog

PARACETAMOL = "4006381333931"                  # 12.50
WECHAT_CODE = "134567890123456789"             # the customer's payment code, read by the scanner


def scan(qtbot, widget, code: str) -> None:
    """What a barcode scanner does: a burst of keys, then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def cursor(dialog: QDialog):
    """The widget that has the cursor in ``dialog``."""
    widget = dialog.focusWidget()
    assert widget is not None
    return widget


def keys(qtbot, dialog: QDialog, *presses) -> None:
    """Type into the widget with the cursor: strings are typed, Qt keys pressed, one after another."""
    for press in presses:
        if isinstance(press, str):
            qtbot.keyClicks(cursor(dialog), press)
        else:
            qtbot.keyClick(cursor(dialog), press)


def open_dialog(qtbot, dialog: QDialog) -> None:
    """Show ``dialog`` as exec() would: on top and active, so its keys are its own (not the main window's)."""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)


def test_cash_typed_then_enter_shows_change_and_completes(make_window, qtbot):
    window, store, dialogs = make_window("cashier")
    till = window.till
    scan(qtbot, till.scan, PARACETAMOL)
    seen = {}

    def pay(dialog: PaymentDialog) -> bool:
        open_dialog(qtbot, dialog)
        assert cursor(dialog) is dialog.tendered                   # cash is the default; cursor in "cash given"
        keys(qtbot, dialog, Qt.Key.Key_Return)                     # nothing typed: Enter does not take exact cash
        seen["empty"] = (dialog.isVisible(), dialog.error.text())
        keys(qtbot, dialog, "200")
        seen["change"] = dialog.change_label.text()
        keys(qtbot, dialog, Qt.Key.Key_Return)
        return dialog.result() == QDialog.DialogCode.Accepted

    dialogs.expect(PaymentDialog, pay)
    qtbot.keyClick(till.scan, Qt.Key.Key_F12)
    assert seen == {"empty": (True, "Type the cash given."), "change": "Change: 187.50"}
    sale = store.sales.receipt("S00000001")
    assert sale["payments"] == [{"method": "cash", "amount": 1250, "tendered": 20000, "change": 18750,
                                 "reference": None}]


def test_wechat_with_a_scanned_payment_code(make_window, qtbot):
    window, store, dialogs = make_window("cashier")
    till = window.till
    scan(qtbot, till.scan, PARACETAMOL)
    seen = {}

    def pay(dialog: PaymentDialog) -> bool:
        open_dialog(qtbot, dialog)
        keys(qtbot, dialog, Qt.Key.Key_F3)                         # F3 WeChat Pay
        assert "F3" in dialog.method_buttons["wechat"].text()
        assert cursor(dialog) is dialog.references["wechat"]
        keys(qtbot, dialog, Qt.Key.Key_Return)                     # no reference yet: says so, stays open
        seen["missing"] = (dialog.isVisible(), dialog.error.text())
        scan(qtbot, cursor(dialog), WECHAT_CODE)                   # the scanner's Enter ends the burst ...
        seen["after scan"] = (dialog.isVisible(), cursor(dialog) is dialog.complete_button)
        keys(qtbot, dialog, Qt.Key.Key_Return)                     # ... and Enter completes
        return dialog.result() == QDialog.DialogCode.Accepted

    dialogs.expect(PaymentDialog, pay)
    qtbot.keyClick(till.scan, Qt.Key.Key_F12)
    assert seen == {"missing": (True, "Scan or type the transaction reference."), "after scan": (True, True)}
    payments = store.sales.receipt("S00000001")["payments"]
    assert [(p["method"], p["amount"], p["reference"]) for p in payments] == [("wechat", 1250, WECHAT_CODE)]


def test_mixed_cash_and_alipay(make_window, qtbot):
    window, store, dialogs = make_window("cashier")
    till = window.till
    scan(qtbot, till.scan, PARACETAMOL)
    seen = {}

    def pay(dialog: PaymentDialog) -> bool:
        open_dialog(qtbot, dialog)
        keys(qtbot, dialog, Qt.Key.Key_F7)                         # F7 Mixed: cursor in the first amount (card)
        assert cursor(dialog) is dialog.amounts["card"]
        # Tab: card amount -> card reference -> WeChat amount -> WeChat reference -> Alipay amount
        keys(qtbot, dialog, *[Qt.Key.Key_Tab] * 4)
        assert cursor(dialog) is dialog.amounts["alipay"]
        keys(qtbot, dialog, "10", Qt.Key.Key_Tab)
        scan(qtbot, cursor(dialog), "2026120422001400001")        # Alipay reference; Enter moves on to the cash
        assert cursor(dialog) is dialog.tendered
        seen["due"] = dialog.cash_due_label.text()
        keys(qtbot, dialog, "5")
        seen["change"] = dialog.change_label.text()
        keys(qtbot, dialog, Qt.Key.Key_Return)
        return dialog.result() == QDialog.DialogCode.Accepted

    dialogs.expect(PaymentDialog, pay)
    qtbot.keyClick(till.scan, Qt.Key.Key_F12)
    assert seen == {"due": "Cash due: 2.50", "change": "Change: 2.50"}
    payments = store.sales.receipt("S00000001")["payments"]
    assert [(p["method"], p["amount"], p["tendered"], p["reference"]) for p in payments] == [
        ("alipay", 1000, None, "2026120422001400001"), ("cash", 250, 500, None)]


def test_with_a_member_typing_the_cash_does_not_use_points(make_window, qtbot):
    window, store, dialogs = make_window("cashier")
    member_id = store.members.register("Points Member", "13911112222")
    with store.db.transaction():                       # a balance to tempt the wrong field (no cashier use case)
        store.members.post_points(member_id, 300, "adjust")
    till = window.till
    till.set_member(store.members.get(member_id))
    scan(qtbot, till.scan, PARACETAMOL)
    seen = {}

    def pay(dialog: PaymentDialog) -> bool:
        open_dialog(qtbot, dialog)
        assert dialog.has_points and cursor(dialog) is dialog.tendered
        keys(qtbot, dialog, "200")
        seen["points"] = dialog.points.value()
        keys(qtbot, dialog, Qt.Key.Key_F9)                         # points only on purpose ...
        seen["F9"] = cursor(dialog) is dialog.points
        keys(qtbot, dialog, Qt.Key.Key_F1)                         # ... and back to cash without using any
        keys(qtbot, dialog, Qt.Key.Key_Return)
        return dialog.result() == QDialog.DialogCode.Accepted

    dialogs.expect(PaymentDialog, pay)
    qtbot.keyClick(till.scan, Qt.Key.Key_F12)
    assert seen == {"points": 0, "F9": True}
    sale = store.sales.receipt("S00000001")
    assert (sale["points_redeemed"], sale["total"], sale["payments"][0]["change"]) == (0, 1250, 18750)
    assert store.members.get(member_id).points == 300 + 12


def test_return_goes_back_to_the_original_method(make_window, qtbot, ids):
    window, store, dialogs = make_window("owner")
    store.sales.sell([CartLine(ids.otc, 2)], [Payment("wechat", 2500, reference=WECHAT_CODE)])
    seen = {}

    def refund(dialog: ReturnDialog) -> bool:
        open_dialog(qtbot, dialog)
        dialog.receipt_no.setFocus()
        keys(qtbot, dialog, "S00000001", Qt.Key.Key_Return)       # finds the receipt; cursor to the quantity
        seen["loaded"] = dialog.sale is not None and isinstance(cursor(dialog), type(dialog.table.cellWidget(0, 4)))
        keys(qtbot, dialog, "1", Qt.Key.Key_Tab, Qt.Key.Key_Tab)  # quantity 1, not damaged, on to the reason
        assert cursor(dialog) is dialog.reason
        keys(qtbot, dialog, "changed mind")
        seen["paid back"] = dialog.refund_methods.text()
        keys(qtbot, dialog, Qt.Key.Key_Tab)                        # "Refund to": the original payment
        assert cursor(dialog) is dialog.method and dialog.refund_method() is None
        keys(qtbot, dialog, Qt.Key.Key_Tab, Qt.Key.Key_Space)      # on to Refund, pressed with Space
        return dialog.result() == QDialog.DialogCode.Accepted

    dialogs.expect(ReturnDialog, refund)
    qtbot.keyClick(window.till.scan, Qt.Key.Key_F8)
    assert seen == {"loaded": True, "paid back": f"WeChat Pay 12.50 (ref. {WECHAT_CODE})"}
    assert store.db.all("SELECT method, amount, reference FROM payments WHERE return_id IS NOT NULL") == [
        {"method": "wechat", "amount": 1250, "reference": WECHAT_CODE}]


def test_a_wechat_refund_in_cash_needs_the_owners_pin(make_window, qtbot, ids):
    window, store, dialogs = make_window("pharmacist")
    store.sales.sell([CartLine(ids.otc, 2)], [Payment("wechat", 2500, reference=WECHAT_CODE)])
    seen = {}

    def refund(dialog: ReturnDialog) -> bool:
        open_dialog(qtbot, dialog)
        dialog.receipt_no.setFocus()
        keys(qtbot, dialog, "S00000001", Qt.Key.Key_Return, "1", Qt.Key.Key_Tab, Qt.Key.Key_Tab,
             "customer's phone is dead", Qt.Key.Key_Tab, Qt.Key.Key_Down)      # Refund to: Cash
        seen["approval asked"] = dialog.cash_approver.isVisibleTo(dialog)
        seen["paid back"] = dialog.refund_methods.text()
        keys(qtbot, dialog, Qt.Key.Key_Tab, "owner", Qt.Key.Key_Tab, "1111", Qt.Key.Key_Tab, Qt.Key.Key_Space)
        return dialog.result() == QDialog.DialogCode.Accepted

    dialogs.expect(ReturnDialog, refund)
    qtbot.keyClick(window.till.scan, Qt.Key.Key_F8)
    assert seen == {"approval asked": True, "paid back": "Cash 12.50"}
    assert store.db.all("SELECT method, amount, reference FROM payments WHERE return_id IS NOT NULL") == [
        {"method": "cash", "amount": 1250, "reference": None}]
    owner = store.db.scalar("SELECT id FROM users WHERE username = 'owner'")
    assert f'"approved_by":{owner}' in store.db.scalar("SELECT details FROM audit_log WHERE action = 'refund.in_cash'")
