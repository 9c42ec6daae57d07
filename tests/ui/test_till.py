"""The till on the real store: scanning, FEFO preview, expiry refusal, prescriptions, payment, receipts,
suspend/resume, returns. Every test checks the database as well as the widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pharmadesk.core.permissions import Action
from pharmadesk.ui.approval import ApprovalDialog
from pharmadesk.ui.till.payment_dialog import PaymentDialog
from pharmadesk.ui.till.prescription_dialog import PrescriptionDialog
from pharmadesk.ui.till.receipt_dialog import ReceiptDialog
from pharmadesk.ui.till.return_dialog import ReturnDialog
from pharmadesk.ui.till.suspended_dialog import SuspendedDialog
from pharmadesk.core.sales import CartLine, Payment
from tests.ui.conftest import accepted

PARACETAMOL = "4006381333931"
RAMIPRIL = "6901234567892"


def scan(qtbot, till, code: str) -> None:
    """What a barcode scanner does: a burst of keys, then Enter."""
    qtbot.keyClicks(till.scan, code)
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)


def test_scan_pay_and_receipt(make_window, qtbot, ids):
    window, store, dialogs = make_window("cashier")
    till = window.till
    before = store.stock.on_hand(ids.otc)

    scan(qtbot, till, PARACETAMOL)
    assert till.model.rowCount() == 1
    assert "P-SOON" in till.model.lines[0].batch_text()          # FEFO preview: the batch expiring first
    qtbot.keyClick(till.scan, Qt.Key.Key_Plus)                   # + on an empty scan field: one more
    assert till.model.lines[0].quantity == 2
    assert till.total_label.text().endswith("25.00")

    change_seen = []

    def pay_cash(dialog: PaymentDialog) -> bool:
        dialog.set_method(PaymentDialog.CASH)
        dialog.set_tendered("50")
        change_seen.append(dialog.change_label.text())
        return accepted(dialog)

    dialogs.expect(PaymentDialog, pay_cash)
    qtbot.keyClick(till.scan, Qt.Key.Key_F12)

    assert change_seen == ["Change: 25.00"]
    sale = store.sales.receipt("S00000001")
    assert sale["total"] == 2500
    assert [(l["product_id"], l["quantity"]) for l in sale["lines"]] == [(ids.otc, 2)]
    assert sale["payments"][0]["change"] == 2500
    assert store.stock.on_hand(ids.otc) == before - 2
    assert till.model.rowCount() == 0                             # a fresh cart for the next customer
    receipts = dialogs.of_type(ReceiptDialog)
    assert len(receipts) == 1 and receipts[0].receipt_no == "S00000001"
    assert "Paracetamol 500mg" in receipts[0].html and "25.00" in receipts[0].html
    assert "S00000001" in till.message.text()


def test_type_ahead_suggests_and_adds_by_name(make_window, qtbot, ids):
    window, store, _dialogs = make_window("cashier")
    till = window.till
    qtbot.keyClicks(till.scan, "Para")
    assert [label.split(" — ")[0] for label in till.scan.suggestions()] == ["Paracetamol 500mg"]
    till.scan.submit(till.scan.suggestions()[0])                  # what Enter on the chosen suggestion does
    assert [line.product.id for line in till.model.lines] == [ids.otc]
    assert till.scan.text() == ""


def test_unknown_barcode_says_so(make_window, qtbot):
    window, _store, _dialogs = make_window("cashier")
    scan(qtbot, window.till, "0000000000000")
    assert window.till.model.rowCount() == 0
    assert "No product has this barcode" in window.till.message.text()


def test_expired_batch_is_refused(make_window, qtbot, clock, ids):
    window, store, _dialogs = make_window("cashier")
    clock.advance(days=3)                                          # the Cough Syrup batch expired yesterday
    scan(qtbot, window.till, "OLDSYRUP")
    assert window.till.model.rowCount() == 0
    assert "expired" in window.till.message.text()
    assert store.stock.on_hand(ids.expired_only) == 4              # nothing moved


def test_quantity_beyond_stock_is_refused(make_window, qtbot, ids):
    window, _store, _dialogs = make_window("cashier")
    till = window.till
    scan(qtbot, till, PARACETAMOL)
    till.model.set_quantity(0, 15)                                 # all there is
    till.change_quantity(+1)
    assert till.model.lines[0].quantity == 15
    assert "Not enough stock" in till.message.text()


def test_rx_item_needs_a_pharmacist_pin_at_a_cashiers_till(make_window, qtbot, ids):
    window, store, dialogs = make_window("cashier")
    till = window.till
    attempts = []

    def fill(dialog: PrescriptionDialog) -> bool:
        assert dialog.needs_pharmacist and not dialog.approver.isHidden()
        dialog.set_fields("Dr. Li", "RX-778", store.today())
        dialog.approver.set_credentials("pharmacist", "9999")      # wrong PIN first
        attempts.append(accepted(dialog))
        attempts.append(dialog.error.text())
        dialog.approver.set_credentials("pharmacist", "2222")
        return accepted(dialog)

    dialogs.expect(PrescriptionDialog, fill)
    scan(qtbot, till, RAMIPRIL)
    assert attempts[0] is False and "Wrong user name or password" in attempts[1]
    assert till.model.rowCount() == 1
    rx = till.model.lines[0].prescription
    assert rx.rx_number == "RX-778" and rx.approval.user.username == "pharmacist"

    dialogs.expect(PaymentDialog, lambda d: (d.set_method(PaymentDialog.CARD), d.set_reference("TERM-0001"), accepted(d))[-1])
    till.pay()
    row = store.db.one("SELECT p.rx_number, u.username FROM prescriptions p JOIN users u ON u.id = p.pharmacist_id")
    assert row == {"rx_number": "RX-778", "username": "pharmacist"}
    assert store.stock.on_hand(ids.rx) == 19


def test_rx_item_not_added_without_prescription(make_window, qtbot, ids):
    window, _store, dialogs = make_window("cashier")
    dialogs.expect(PrescriptionDialog, lambda d: False)           # the clerk cancels
    scan(qtbot, window.till, RAMIPRIL)
    assert window.till.model.rowCount() == 0
    assert "needs a prescription" in window.till.message.text()


def test_pharmacist_confirms_rx_without_a_second_pin(make_window, qtbot):
    window, _store, dialogs = make_window("pharmacist")

    def fill(dialog: PrescriptionDialog) -> bool:
        assert not dialog.needs_pharmacist and dialog.approver.isHidden()
        dialog.set_fields("Dr. Li", "RX-1")
        return accepted(dialog)

    dialogs.expect(PrescriptionDialog, fill)
    scan(qtbot, window.till, RAMIPRIL)
    assert window.till.model.lines[0].prescription.approval is None


def test_payment_error_keeps_the_cart(make_window, qtbot, ids):
    window, store, dialogs = make_window("cashier")
    till = window.till
    scan(qtbot, till, PARACETAMOL)
    errors = []

    def short_cash(dialog: PaymentDialog) -> bool:
        dialog.set_tendered("5")
        errors.append((accepted(dialog), dialog.error.text()))
        dialog.reject()
        return False

    dialogs.expect(PaymentDialog, short_cash)
    till.pay()
    assert errors == [(False, "The cash given is less than the amount due.")]
    assert till.model.rowCount() == 1
    assert store.db.scalar("SELECT count(*) FROM sales") == 0
    assert store.stock.on_hand(ids.otc) == 15


def test_mixed_payment(make_window, qtbot):
    window, store, dialogs = make_window("cashier")
    till = window.till
    scan(qtbot, till, PARACETAMOL)

    def mixed(dialog: PaymentDialog) -> bool:
        dialog.set_method(PaymentDialog.MIXED)
        dialog.set_card_amount("10")
        dialog.set_reference("TERM-0001", PaymentDialog.CARD)
        dialog.set_tendered("5")
        assert dialog.change_label.text() == "Change: 2.50"
        return accepted(dialog)

    dialogs.expect(PaymentDialog, mixed)
    till.pay()
    payments = store.sales.receipt("S00000001")["payments"]
    assert sorted((p["method"], p["amount"]) for p in payments) == [("card", 1000), ("cash", 250)]


def test_suspend_and_resume(make_window, qtbot, ids):
    window, store, dialogs = make_window("cashier")
    till = window.till
    scan(qtbot, till, PARACETAMOL)
    scan(qtbot, till, PARACETAMOL)
    qtbot.keyClick(till.scan, Qt.Key.Key_F4)
    assert till.model.rowCount() == 0
    assert len(store.sales.suspended()) == 1

    dialogs.expect(SuspendedDialog, accepted)
    qtbot.keyClick(till.scan, Qt.Key.Key_F5)
    assert [(l.product.id, l.quantity) for l in till.model.lines] == [(ids.otc, 2)]
    assert store.sales.suspended() == []


def test_return_by_receipt_restores_stock(make_window, qtbot, ids):
    window, store, dialogs = make_window("cashier")
    store.sales.sell([CartLine(ids.otc, 3)], [Payment("cash", 3750)])
    after_sale = store.stock.on_hand(ids.otc)

    def refund(dialog: ReturnDialog) -> bool:
        assert dialog.needs_approval                                 # a cashier needs a colleague's PIN
        assert dialog.load("s00000001")
        dialog.set_return_quantity(0, 2)
        dialog.reason.setText("bought twice")
        dialog.approver.set_credentials("pharmacist", "2222")
        return accepted(dialog)

    dialogs.expect(ReturnDialog, refund)
    qtbot.keyClick(window.till.scan, Qt.Key.Key_F8)
    assert store.stock.on_hand(ids.otc) == after_sale + 2
    row = store.db.one("SELECT return_no, refund_total, approved_by FROM returns")
    assert row["return_no"] == "R00000001" and row["refund_total"] == 2500
    assert row["approved_by"] == store.db.scalar("SELECT id FROM users WHERE username = 'pharmacist'")
    assert "R00000001" in window.till.message.text()


def test_member_attach_and_alert_hook(make_window, qtbot):
    window, store, dialogs = make_window("cashier")
    store.members.register("Mei Wang", "13800138000")
    till = window.till
    till.member_alerts = lambda member: [f"Refill due for {member.name}"]

    def find(dialog) -> bool:
        qtbot.keyClicks(dialog.query, "8000")
        return accepted(dialog)

    from pharmadesk.ui.till.member_panel import MemberSearchDialog
    dialogs.expect(MemberSearchDialog, find)
    qtbot.keyClick(till.scan, Qt.Key.Key_F3)
    assert till.member.name == "Mei Wang"
    assert till.member_panel.details.text().startswith("Phone •••••••8000")   # a cashier sees the last 4 digits
    assert till.member_panel.alert_texts() == ["Refill due for Mei Wang"]

    scan(qtbot, till, PARACETAMOL)
    dialogs.expect(PaymentDialog, lambda d: (d.set_method(PaymentDialog.CARD), d.set_reference("TERM-0001"), accepted(d))[-1])
    till.pay()
    assert store.sales.receipt("S00000001")["member_attached"]          # a cashier is not told who it was
    assert store.db.scalar("SELECT member_id FROM sales WHERE receipt_no = 'S00000001'") == till_member_id(store)
    assert till.member is None


def till_member_id(store) -> int:
    return store.members.search("Mei")[0].id


def test_a_cashiers_discount_needs_a_colleagues_pin_at_payment(make_window, qtbot, ids):
    window, store, dialogs = make_window("cashier")
    till = window.till
    scan(qtbot, till, PARACETAMOL)
    till.model.setData(till.model.index(0, till.model.DISCOUNT), "5.00")     # 40 %: above the 10 % limit
    assert till.model.lines[0].discount == 500

    dialogs.expect(ApprovalDialog, lambda d: False)                          # nobody approves
    till.pay()
    assert store.db.scalar("SELECT count(*) FROM sales") == 0
    assert "Not approved" in till.message.text() and till.model.rowCount() == 1

    def owner_approves(dialog: ApprovalDialog) -> bool:
        assert dialog.action == Action.DISCOUNT_ANY
        dialog.box.set_credentials("owner", "1111")
        return accepted(dialog)

    dialogs.expect(ApprovalDialog, owner_approves)
    dialogs.expect(PaymentDialog, lambda d: (d.set_method(PaymentDialog.CARD), d.set_reference("TERM-0001"), accepted(d))[-1])
    till.pay()
    sale = store.sales.receipt("S00000001")
    assert (sale["discount"], sale["total"]) == (500, 750)
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'discount.large'") == 1


def test_a_member_pays_partly_with_points(make_window, qtbot, ids):
    window, store, dialogs = make_window("owner")
    member_id = store.members.register("Points Member", "13911112222")
    store.members.adjust_points(member_id, 300)
    till = window.till
    till.set_member(store.members.get(member_id))
    scan(qtbot, till, PARACETAMOL)

    def use_points(dialog: PaymentDialog) -> bool:
        dialog.set_points(10_000)                                            # clamped to the balance
        assert dialog.points.value() == 300 and dialog.total == 1250 - 300
        assert "after 300 points" in dialog.total_label.text()
        dialog.set_method(PaymentDialog.CARD)
        dialog.set_reference("TERM-0001")
        return accepted(dialog)

    dialogs.expect(PaymentDialog, use_points)
    till.pay()
    sale = store.sales.receipt("S00000001")
    assert (sale["points_redeemed"], sale["redeem_value"], sale["total"]) == (300, 300, 950)
    assert store.members.get(member_id).points == 9                          # 0 left + 9 earned on 9.50


def test_expired_stock_at_the_till_can_be_written_off_there(make_window, qtbot, clock, ids):
    window, store, dialogs = make_window("owner")
    clock.advance(days=3)
    asked = []
    window.till.confirm = lambda parent, title, text: asked.append(text) or True
    scan(qtbot, window.till, "OLDSYRUP")
    assert window.till.model.rowCount() == 0
    assert asked and "Cough Syrup" in asked[0]
    assert store.stock.on_hand(ids.expired_only) == 0
    assert "written off" in window.till.message.text()
    assert store.stock.verify_ledger() == []


def test_a_cashier_is_not_offered_the_write_off(make_window, qtbot, clock, ids):
    window, store, dialogs = make_window("cashier")
    clock.advance(days=3)
    window.till.confirm = lambda *args: (_ for _ in ()).throw(AssertionError("a cashier may not write off"))
    scan(qtbot, window.till, "OLDSYRUP")
    assert store.stock.on_hand(ids.expired_only) == 4
