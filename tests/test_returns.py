"""Returns against the original receipt: original batches, damaged write-offs, limits, proportional refunds,
points, approvals, the controlled register."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from pharmadesk.errors import NotFound, PermissionDenied, ValidationError
from pharmadesk.core.permissions import Action
from pharmadesk.core.payments import RefundPart
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.returns import ReturnItem, ReturnResult
from pharmadesk.core.stock import ReceiptLine

from conftest import PINS, table_snapshot


def _batch_id(store, batch_no):
    return store.db.scalar("SELECT id FROM batches WHERE batch_no = ?", (batch_no,))


def _on_hand(store, batch_no):
    return store.db.scalar("SELECT on_hand FROM batches WHERE batch_no = ?", (batch_no,))


def _user_id(store, username):
    return store.db.scalar("SELECT id FROM users WHERE username = ?", (username,))


def _rx(store, number="RX-5"):
    return Prescription("Dr. Ho", number, store.today().isoformat())


def _refunds(store, sale_id):
    return store.db.scalar("SELECT COALESCE(SUM(refund_total), 0) FROM returns WHERE original_sale_id = ?", (sale_id,))


def test_units_go_back_to_their_original_batches(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 7)], [Payment("cash", 8750)])
    line = sale.lines[0].sale_line_id
    # A batch that expires even sooner arrives after the sale: it must not receive the returned units.
    store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "P-NEW", store.today() + timedelta(days=10), 6, 450)])
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(line, 3)], "not needed")
    assert result == ReturnResult(return_id=1, return_no="R00000001", refund=3750, points_reversed=0,
                                  points_restored=0, refunded_by=(RefundPart("cash", 3750, 1, None),))
    rows = store.db.all("SELECT b.batch_no, r.quantity, r.refund, r.damaged FROM return_lines r "
                        "JOIN batches b ON b.id = r.batch_id ORDER BY r.id")
    assert rows == [{"batch_no": "P-LATE", "quantity": 2, "refund": 2500, "damaged": 0},
                    {"batch_no": "P-SOON", "quantity": 1, "refund": 1250, "damaged": 0}]
    assert (_on_hand(store, "P-SOON"), _on_hand(store, "P-LATE"), _on_hand(store, "P-NEW")) == (1, 10, 6)
    moves = store.db.all("SELECT batch_id, quantity, reason, ref_type, ref_id FROM stock_moves "
                         "WHERE reason = 'return' ORDER BY id")
    assert moves == [
        {"batch_id": _batch_id(store, "P-LATE"), "quantity": 2, "reason": "return", "ref_type": "return", "ref_id": 1},
        {"batch_id": _batch_id(store, "P-SOON"), "quantity": 1, "reason": "return", "ref_type": "return", "ref_id": 1}]
    # The rest goes back too, to the batch it really came from.
    store.returns.return_items(sale.receipt_no, [ReturnItem(line, 4)], "not needed")
    assert (_on_hand(store, "P-SOON"), _on_hand(store, "P-LATE"), _on_hand(store, "P-NEW")) == (5, 10, 6)
    assert store.stock.verify_ledger() == []


def test_damaged_return_is_written_off(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)])
    before = _on_hand(store, "P-SOON")
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1, damaged=True)],
                                      "broken seal")
    assert result.refund == 1250
    moves = store.db.all("SELECT reason, quantity, note FROM stock_moves WHERE batch_id = ? ORDER BY id",
                         (_batch_id(store, "P-SOON"),))
    assert [(m["reason"], m["quantity"]) for m in moves] == [("receipt", 5), ("sale", -2), ("return", 1),
                                                             ("write_off", -1)]
    assert moves[-1]["note"] == "returned damaged"
    assert _on_hand(store, "P-SOON") == before                      # nothing back on the shelf
    assert store.db.scalar("SELECT damaged FROM return_lines") == 1
    assert store.db.all("SELECT method, amount, sale_id FROM payments WHERE return_id = 1") == [
        {"method": "cash", "amount": 1250, "sale_id": None}]
    assert store.stock.verify_ledger() == []


def test_cannot_return_more_than_was_sold(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 3)], [Payment("cash", 3750)])
    line = sale.lines[0].sale_line_id
    store.returns.return_items(sale.receipt_no, [ReturnItem(line, 2)], "first")
    before = table_snapshot(store)
    with pytest.raises(ValidationError) as info:
        store.returns.return_items(sale.receipt_no, [ReturnItem(line, 2)], "second")
    assert info.value.params == {"n": 1}
    with pytest.raises(ValidationError):
        store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1), ReturnItem(line, 1)], "twice in one go")
    assert table_snapshot(store) == before
    store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "third")
    with pytest.raises(ValidationError) as info:
        store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "fourth")
    assert info.value.params == {"n": 0}
    assert _refunds(store, sale.sale_id) == 3750
    assert store.sales.receipt(sale.receipt_no)["lines"][0]["returned"] == 3


def test_return_request_rules(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    other = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    line = sale.lines[0].sale_line_id
    before = table_snapshot(store)
    with pytest.raises(NotFound):
        store.returns.return_items("S99999999", [ReturnItem(line, 1)], "x")
    with pytest.raises(ValidationError, match="not on this receipt"):
        store.returns.return_items(sale.receipt_no, [ReturnItem(other.lines[0].sale_line_id, 1)], "x")
    with pytest.raises(ValidationError):
        store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "   ")
    with pytest.raises(ValidationError):
        store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "x", method="voucher")
    with pytest.raises(ValidationError):
        store.returns.return_items(sale.receipt_no, [], "x")
    with pytest.raises(ValidationError):
        store.returns.return_items(sale.receipt_no, [ReturnItem(line, 0)], "x")
    assert table_snapshot(store) == before


# -- the refund -----------------------------------------------------------------------------------------


def test_refund_is_proportional_to_what_was_paid_after_a_discount(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 4, discount=500)], [Payment("cash", 4500)])
    line = sale.lines[0].sale_line_id
    assert store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "x").refund == 1125
    assert store.returns.return_items(sale.receipt_no, [ReturnItem(line, 3)], "x").refund == 3375


def test_refund_when_points_were_redeemed(store, ids):
    member = store.members.register("Redeemer", "13900000101")
    store.members.adjust_points(member, 300)
    sale = store.sales.sell([CartLine(ids.otc, 3)], [Payment("cash", 3450)], member_id=member, redeem_points=300)
    assert (sale.total, sale.points_earned) == (3450, 34)
    line = sale.lines[0].sale_line_id
    first = store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "x")
    assert (first.refund, first.points_reversed) == (1150, 11)          # 3450 / 3; 34 / 3 = 11.3
    assert first.points_restored == 100                                   # a third of the 300 spent
    assert store.members.get(member).points == 34 - 11 + 100
    second = store.returns.return_items(sale.receipt_no, [ReturnItem(line, 2)], "x")
    assert (second.refund, second.points_reversed, second.points_restored) == (2300, 23, 200)
    assert _refunds(store, sale.sale_id) == sale.total
    assert store.members.get(member).points == 300                            # as before the sale
    assert store.members.get(member).points == store.db.scalar(
        "SELECT SUM(delta) FROM points_ledger WHERE member_id = ?", (member,))


def test_refunds_of_a_whole_sale_add_up_to_its_total(store, ids):
    # 3 units for 37.48: thirds do not divide evenly; three returns of one must still refund 37.48.
    sale = store.sales.sell([CartLine(ids.otc, 3, discount=2)], [Payment("cash", 3748)])
    line = sale.lines[0].sale_line_id
    refunds = [store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "x").refund for _ in range(3)]
    assert sorted(refunds) == [1249, 1249, 1250]
    assert sum(refunds) == 3748


def test_multi_line_refund_with_points(store, ids):
    member = store.members.register("Mixed Basket", "13900000102")
    store.members.adjust_points(member, 100)
    sale = store.sales.sell([CartLine(ids.otc, 2), CartLine(ids.rx, 1, prescription=_rx(store))],
                            [Payment("card", 5400, reference="TERM-0001")], member_id=member, redeem_points=100)
    otc_line, rx_line = (l.sale_line_id for l in sale.lines)
    assert store.returns.return_items(sale.receipt_no, [ReturnItem(rx_line, 1)], "x").refund == 2945  # 3000*54/55
    assert store.returns.return_items(sale.receipt_no, [ReturnItem(otc_line, 2)], "x").refund == 2455
    assert _refunds(store, sale.sale_id) == 5400
    assert store.db.scalar("SELECT SUM(points_reversed) FROM returns") == sale.points_earned == 54


def test_return_lines_add_up_to_the_return(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 7, discount=1)], [Payment("cash", 8749)])
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 6)], "x")
    assert store.db.scalar("SELECT SUM(refund) FROM return_lines WHERE return_id = ?", (result.return_id,)) \
        == result.refund
    assert store.db.scalar("SELECT count(*) FROM return_lines WHERE return_id = ?", (result.return_id,)) == 2


def test_points_are_reversed(store, ids):
    member = store.members.register("Earner", "13900000103")
    sale = store.sales.sell([CartLine(ids.otc, 4)], [Payment("cash", 5000)], member_id=member)
    assert sale.points_earned == 50
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "x")
    assert result.points_reversed == 13                           # 12.5 rounds half up
    assert store.members.get(member).points == 37
    assert store.db.scalar("SELECT points_reversed FROM returns WHERE id = ?", (result.return_id,)) == 13
    assert store.members.points_history(member)[-1] == {
        "at": store.db.scalar("SELECT at FROM returns"), "delta": -13, "reason": "return", "sale_id": None,
        "return_id": result.return_id}


def test_points_already_spent_are_not_taken_below_zero(store, ids):
    member = store.members.register("Quick Spender", "13900000104")
    sale = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)], member_id=member)
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1235)], member_id=member, redeem_points=15)
    assert store.members.get(member).points == 22
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 2)], "x")
    assert result.points_reversed == 22
    assert store.members.get(member).points == 0


# -- who may take a return ------------------------------------------------------------------------------


def test_cashier_needs_an_approval(open_store, ids):
    store = open_store("cashier")
    sale = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)])
    item = [ReturnItem(sale.lines[0].sale_line_id, 1)]
    wrong = store.users.approve("pharmacist", PINS["pharmacist"], Action.DISCOUNT)
    before = table_snapshot(store)
    with pytest.raises(PermissionDenied):
        store.returns.return_items(sale.receipt_no, item, "changed mind")
    with pytest.raises(PermissionDenied):
        store.returns.return_items(sale.receipt_no, item, "changed mind", approval=wrong)
    assert table_snapshot(store) == before
    approval = store.users.approve("pharmacist", PINS["pharmacist"], Action.REFUND, subject=sale.receipt_no)
    result = store.returns.return_items(sale.receipt_no, item, "changed mind", approval=approval)
    row = store.db.one("SELECT user_id, approved_by, reason FROM returns WHERE id = ?", (result.return_id,))
    assert row == {"user_id": _user_id(store, "cashier"), "approved_by": _user_id(store, "pharmacist"),
                   "reason": "changed mind"}
    audit = store.db.one("SELECT user_id, details FROM audit_log WHERE action = 'refund'")
    assert audit["user_id"] == _user_id(store, "cashier")
    assert f'"approved_by":{_user_id(store, "pharmacist")}' in audit["details"]


def test_pharmacist_approves_their_own_return(open_store, ids):
    store = open_store("pharmacist")
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "x")
    assert store.db.scalar("SELECT approved_by FROM returns WHERE id = ?", (result.return_id,)) == store.user.id


def test_controlled_return_is_in_the_register_under_the_pharmacist(open_store, ids):
    pharmacist = open_store("pharmacist")
    sale = pharmacist.sales.sell([CartLine(ids.controlled, 2, prescription=_rx(pharmacist, "C-77"))],
                                 [Payment("cash", 4000)])
    cashier = open_store("cashier")
    approval = cashier.users.approve("pharmacist", PINS["pharmacist"], Action.REFUND, subject=sale.receipt_no)
    result = cashier.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "x",
                                        approval=approval)
    rows = cashier.db.all("SELECT sale_line_id, return_line_id, batch_id, quantity, pharmacist_id "
                          "FROM controlled_register ORDER BY id")
    return_line = cashier.db.scalar("SELECT id FROM return_lines WHERE return_id = ?", (result.return_id,))
    batch = _batch_id(cashier, "T-1")
    pharmacist_id = _user_id(cashier, "pharmacist")
    assert rows == [
        {"sale_line_id": sale.lines[0].sale_line_id, "return_line_id": None, "batch_id": batch, "quantity": 2,
         "pharmacist_id": pharmacist_id},
        {"sale_line_id": None, "return_line_id": return_line, "batch_id": batch, "quantity": -1,
         "pharmacist_id": pharmacist_id}]
    assert cashier.db.scalar("SELECT SUM(quantity) FROM controlled_register WHERE batch_id = ?", (batch,)) == 1


def test_return_result_is_frozen(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.refund = 0
    assert result.refund == 1250
