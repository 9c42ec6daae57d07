"""Promotions at the till on the real main window: every cart change prices the cart again (each line's saving
and its label, "You saved" by the total), a coupon by F6 and the keyboard or from the scan field, parked
carts keep their coupons, and the payment asks for the promoted total."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pharmadesk.ui.till.cart_model import CartModel
from pharmadesk.ui.till.coupon_dialog import CouponDialog
from pharmadesk.ui.till.member_panel import MemberSearchDialog
from pharmadesk.ui.till.payment_dialog import PaymentDialog
from pharmadesk.ui.till.suspended_dialog import SuspendedDialog
from tests.ui.conftest import accepted
from tests.ui.test_till_keyboard import back_to, closed_accepted, focused, press, scan, show_for_keys, type_text

PARACETAMOL = "4006381333931"


def cell(till, row: int, column: int) -> str:
    return till.model.index(row, column).data()


def coupon(owner, threshold: int = 2000, amount: int = 500) -> str:
    promotion = owner.promotions.create(name="Welcome", kind="coupon", label="券5元", amount=amount,
                                        threshold=threshold)
    return owner.promotions.issue_coupons(promotion, count=1,
                                          expires_on=owner.today() + timedelta(days=5)).codes[0]


def test_each_change_prices_the_cart_again_and_shows_the_saving(make_window, open_store, qtbot):
    window, store, dialogs = make_window("cashier")
    owner = open_store("owner")
    owner.promotions.create(name="Second half", kind="nth_item", nth=2, percent=50, label="第二件半价",
                            scope={"products": [PARACETAMOL]})
    till = window.till
    scan(qtbot, window, PARACETAMOL)
    assert cell(till, 0, CartModel.SAVING) == "" and "第二件半价" not in cell(till, 0, CartModel.PRODUCT)
    assert not till.saved_label.isVisibleTo(till)
    scan(qtbot, window, PARACETAMOL)                                   # the second unit: half price
    assert cell(till, 0, CartModel.PRICE) == "12.50"                   # the original price stays
    assert cell(till, 0, CartModel.SAVING) == "-6.25"
    assert "第二件半价 -6.25" in cell(till, 0, CartModel.PRODUCT).splitlines()[2]
    assert cell(till, 0, CartModel.TOTAL) == "18.75"
    assert till.total_label.text() == "Total 18.75"
    assert till.saved_label.text() == "You saved 6.25" and till.saved_label.isVisibleTo(till)
    press(qtbot, Qt.Key.Key_Minus)                                     # back to one: no saving
    assert cell(till, 0, CartModel.SAVING) == "" and till.total_label.text() == "Total 12.50"
    assert not till.saved_label.isVisibleTo(till)


def test_attaching_and_detaching_the_member_prices_again(make_window, open_store, qtbot):
    window, store, dialogs = make_window("cashier")
    owner = open_store("owner")
    owner.promotions.create(name="Member price", kind="member_price", label="会员价", prices={PARACETAMOL: 1100})
    store.members.register("Mei Wang", "13800138000")
    till = window.till
    scan(qtbot, window, PARACETAMOL)
    assert till.total_label.text() == "Total 12.50"

    def keys(dialog):
        show_for_keys(qtbot, dialog)
        type_text(qtbot, "8000")
        press(qtbot, Qt.Key.Key_Return)
        return closed_accepted(dialog)

    dialogs.expect(MemberSearchDialog, keys)
    press(qtbot, Qt.Key.Key_F3)
    back_to(qtbot, window)
    assert cell(till, 0, CartModel.SAVING) == "-1.50" and "会员价 -1.50" in cell(till, 0, CartModel.PRODUCT)
    assert till.total_label.text() == "Total 11.00" and till.saved_label.text() == "You saved 1.50"
    till.set_member(None)
    assert till.total_label.text() == "Total 12.50" and cell(till, 0, CartModel.SAVING) == ""


def test_a_coupon_by_f6_and_the_keyboard_and_the_payment_asks_for_the_promoted_total(make_window, open_store, qtbot):
    window, store, dialogs = make_window("cashier")
    code = coupon(open_store("owner"))
    till = window.till
    scan(qtbot, window, PARACETAMOL)
    seen = {}

    def keys(dialog: CouponDialog) -> bool:
        show_for_keys(qtbot, dialog)
        assert focused() is dialog.code
        type_text(qtbot, "NOSUCHCODE")
        press(qtbot, Qt.Key.Key_Return)                                # refused: said, stays open
        seen["refused"] = (dialog.isVisible(), dialog.error.text())
        type_text(qtbot, code.lower())                                 # the refused code is selected: replaced
        press(qtbot, Qt.Key.Key_Return)
        return closed_accepted(dialog)

    dialogs.expect(CouponDialog, keys)
    press(qtbot, Qt.Key.Key_F6)
    back_to(qtbot, window)
    assert seen["refused"] == (True, "There is no coupon with this code.")
    assert till.model.coupons == [code]
    assert till.coupon_label.text() == f"Coupon {code}: This coupon needs 20.00 spent on eligible items; " \
                                       "the cart has 12.50."
    assert till.total_label.text() == "Total 12.50"
    scan(qtbot, window, PARACETAMOL)                                   # 25.00 reaches the minimum spend
    assert till.coupon_label.text() == f"Coupon {code} applied"
    assert till.total_label.text() == "Total 20.00" and till.saved_label.text() == "You saved 5.00"
    assert "券5元 -5.00" in cell(till, 0, CartModel.PRODUCT)
    totals = []

    def pay(dialog: PaymentDialog) -> bool:
        totals.append(dialog.total)
        dialog.set_method(PaymentDialog.CASH)
        dialog.set_tendered("20")
        return accepted(dialog)

    dialogs.expect(PaymentDialog, pay)
    press(qtbot, Qt.Key.Key_F12)
    assert totals == [2000]
    sale = store.sales.receipt("S00000001")
    assert sale["total"] == 2000 and sale["coupons"] == [code]
    assert till.model.coupons == [] and not till.saved_label.isVisibleTo(till)


def test_a_coupon_code_scanned_into_the_product_field_is_accepted(make_window, open_store, qtbot):
    window, store, dialogs = make_window("cashier")
    code = coupon(open_store("owner"), threshold=0)
    till = window.till
    scan(qtbot, window, PARACETAMOL)
    scan(qtbot, window, code)
    assert till.model.coupons == [code] and till.total_label.text() == "Total 7.50"
    assert till.scan.text() == ""
    scan(qtbot, window, code)                                          # twice: refused, said plainly
    assert till.model.coupons == [code] and till.message.text() == "This coupon is already in the sale."
    scan(qtbot, window, "ZZZZZZZZZZ")                                  # neither a product nor a coupon
    assert till.message.text().startswith("No product")


def test_a_parked_cart_comes_back_with_its_coupon(make_window, open_store, qtbot):
    window, store, dialogs = make_window("cashier")
    code = coupon(open_store("owner"), threshold=0)
    till = window.till
    scan(qtbot, window, PARACETAMOL)
    scan(qtbot, window, code)
    press(qtbot, Qt.Key.Key_F4)
    assert till.model.rowCount() == 0 and till.model.coupons == []
    dialogs.expect(SuspendedDialog, accepted)
    press(qtbot, Qt.Key.Key_F5)
    QApplication.processEvents()
    assert till.model.coupons == [code] and till.total_label.text() == "Total 7.50"


def test_coupons_are_taken_off_from_the_f6_dialog(make_window, open_store, qtbot):
    window, store, dialogs = make_window("cashier")
    code = coupon(open_store("owner"))
    till = window.till
    scan(qtbot, window, PARACETAMOL)
    scan(qtbot, window, code)                                          # below its minimum spend: kept, said
    assert till.model.coupons == [code] and "needs 20.00" in till.coupon_label.text()

    def keys(dialog: CouponDialog) -> bool:
        show_for_keys(qtbot, dialog)
        press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)   # Take the coupons off (an animated click)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
        return closed_accepted(dialog)

    dialogs.expect(CouponDialog, keys)
    press(qtbot, Qt.Key.Key_F6)
    assert till.model.coupons == [] and not till.coupon_label.isVisibleTo(till)
    assert till.message.text() == "Coupons taken off the sale."
