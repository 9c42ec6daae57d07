"""Suspended sales and the day close: a hand-computed X/Z report, then a fresh period."""

from __future__ import annotations

import dataclasses
import json

import pytest

from pharmadesk.errors import NotFound, PermissionDenied, ValidationError
from pharmadesk.core.sales import PAYMENT_METHODS, CartLine, Payment, Prescription
from pharmadesk.core.day_close import DayReport
from pharmadesk.core.returns import ReturnItem

from conftest import table_snapshot

ZERO = dict.fromkeys(PAYMENT_METHODS, 0)


# -- suspend / resume -----------------------------------------------------------------------------------


def test_suspend_and_resume_round_trip_a_cart(open_store, ids, clock):
    store = open_store("pharmacist")
    member = store.members.register("Waiting Customer", "13900000201")
    cart = [CartLine(ids.otc, 2, None, 100),
            CartLine(ids.rx, 1, prescription=Prescription("Dr. Ho", "RX-88", store.today().isoformat())),
            CartLine(ids.controlled, 1, 1900)]
    suspended_id = store.sales.suspend(cart, label="  lady in red coat  ", member_id=member)
    listed = store.sales.suspended()
    assert [(s["id"], s["label"], s["user_id"]) for s in listed] == [(suspended_id, "lady in red coat", store.user.id)]
    lines, resumed_member = store.sales.resume(suspended_id)
    assert lines == cart
    assert resumed_member == member
    assert store.sales.suspended() == []
    with pytest.raises(NotFound):
        store.sales.resume(suspended_id)
    # A resumed cart sells like any other (prices and discounts come back as they were).
    sale = store.sales.sell(lines[:2], [Payment("card", 2400 + 3000, reference="TERM-0001")], member_id=resumed_member)
    assert (sale.discount, sale.total) == (100, 5400)


def test_suspend_needs_something_and_moves_no_stock(open_store, ids):
    store = open_store("cashier")
    with pytest.raises(ValidationError):
        store.sales.suspend([])
    before = table_snapshot(store)
    store.sales.suspend([CartLine(ids.otc, 5)])
    after = table_snapshot(store)
    changed = {table for table in before if before[table] != after[table]}
    assert changed == {"suspended_sales"}


def test_suspended_carts_keep_their_order(open_store, ids):
    store = open_store("cashier")
    first = store.sales.suspend([CartLine(ids.otc, 1)], label="first")
    second = store.sales.suspend([CartLine(ids.otc, 2)], label="second")
    assert [s["id"] for s in store.sales.suspended()] == [first, second]
    lines, member = store.sales.resume(first)
    assert (lines, member) == ([CartLine(ids.otc, 1)], None)
    assert [s["label"] for s in store.sales.suspended()] == ["second"]


# -- the day close --------------------------------------------------------------------------------------


def _ring_up_the_day(store, ids, clock):
    """Three sales and a refund whose totals are worked out by hand in the test."""
    s1 = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500, tendered=5000)])
    clock.advance(minutes=10)
    store.sales.sell([CartLine(ids.rx, 1, prescription=Prescription("Dr. Ho", "RX-1", store.today().isoformat()))],
                     [Payment("card", 3000, reference="TERM-0001")])
    clock.advance(minutes=10)
    store.sales.sell([CartLine(ids.otc, 1, discount=100)], [Payment("cash", 150, tendered=200),
                                                            Payment("card", 1000, reference="TERM-0001")])
    clock.advance(minutes=10)
    store.returns.return_items(s1.receipt_no, [ReturnItem(s1.lines[0].sale_line_id, 1)], "bought twice")
    return s1


def test_z_report_by_hand(open_store, ids, clock):
    store = open_store("pharmacist")
    opened_at = clock().isoformat(timespec="microseconds")
    _ring_up_the_day(store, ids, clock)
    clock.advance(hours=8)
    expected = {
        "period_start": opened_at,
        "period_end": clock().isoformat(timespec="microseconds"),
        "transactions": 3,
        "gross": 2500 + 3000 + 1250,                 # 6750
        "discounts": 100,
        "points_redeemed": 0,
        "paid": 2500 + 3000 + 1150,                  # 6650: what customers paid, VAT included
        "net": 6650 - 1250,                          # 5400: net sales = paid - refunds (payments.net_sales)
        "vat": 288 + 0 + 132,                        # VAT inside 25.00 and 11.50 at 13 %; Rx at 0 %
        "items": 4,
        "average_ticket": 6650 // 3,                 # 2216
        "payments": {**ZERO, "cash": 2500 + 150, "card": 3000 + 1000},
        "refunds": 1,
        "refund_amount": 1250,
        "refunds_by_method": {**ZERO, "cash": 1250},
        "opening_float": 10000,
        "expected_cash": 10000 + 2650 - 1250,        # 11400: change given is not takings
    }
    assert store.day_close.x_report(opening_float=10000) == DayReport(**expected)
    z = store.day_close.close_day(counted_cash=11350, opening_float=10000)
    assert z == DayReport(**expected, counted_cash=11350, cash_variance=-50, day_close_id=1)
    row = store.db.one("SELECT * FROM day_closes WHERE id = 1")
    assert (row["opening_float"], row["expected_cash"], row["counted_cash"], row["user_id"]) == \
        (10000, 11400, 11350, store.user.id)
    assert (row["period_start"], row["period_end"]) == (expected["period_start"], expected["period_end"])
    assert json.loads(row["report"])["cash_variance"] == -50
    assert store.db.scalar("SELECT count(*) FROM sales WHERE day_close_id IS NOT 1") == 0
    assert store.db.scalar("SELECT count(*) FROM returns WHERE day_close_id IS NOT 1") == 0
    audit = store.db.one("SELECT entity_id, details FROM audit_log WHERE action = 'day.close'")
    assert audit == {"entity_id": "1", "details": '{"cash_variance":-50,"net":5400}'}
    assert [d["id"] for d in store.day_close.day_closes()] == [1]


def test_after_the_close_a_new_x_report_starts_empty(open_store, ids, clock):
    store = open_store("owner")
    s1 = _ring_up_the_day(store, ids, clock)
    clock.advance(hours=1)
    z = store.day_close.close_day(counted_cash=1400)
    assert z.expected_cash == 1400 and z.cash_variance == 0
    clock.advance(hours=12)
    fresh = store.day_close.x_report()
    assert fresh.period_start == z.period_end
    zeroed = ("transactions", "gross", "discounts", "net", "vat", "items", "average_ticket", "refunds",
              "refund_amount", "expected_cash")
    assert {k: getattr(fresh, k) for k in zeroed} == dict.fromkeys(zeroed, 0)
    assert fresh.payments == fresh.refunds_by_method == ZERO
    # Next day: a return of yesterday's sale belongs to today's report, not to the closed day.
    store.returns.return_items(s1.receipt_no, [ReturnItem(s1.lines[0].sale_line_id, 1)], "second one unused")
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    today = store.day_close.x_report(opening_float=5000)
    assert (today.transactions, today.paid, today.net, today.refunds, today.refund_amount) == (1, 1250, 0, 1, 1250)
    assert today.refunds_by_method == {**ZERO, "cash": 1250}          # s1 was paid in cash: refunded in cash
    assert today.expected_cash == 5000 + 1250 - 1250
    second = store.day_close.close_day(counted_cash=5000, opening_float=5000)
    assert second.day_close_id == 2 and second.cash_variance == 0
    closed = store.db.one("SELECT day_close_id FROM returns WHERE id = 2")
    assert closed == {"day_close_id": 2}
    assert store.db.scalar("SELECT day_close_id FROM returns WHERE id = 1") == 1


def test_day_close_rules(open_store):
    cashier = open_store("cashier")
    with pytest.raises(PermissionDenied):
        cashier.day_close.x_report()
    with pytest.raises(PermissionDenied):
        cashier.day_close.close_day(0)
    with pytest.raises(PermissionDenied):
        cashier.day_close.day_closes()
    owner = open_store("owner")
    before = table_snapshot(owner)
    with pytest.raises(ValidationError):
        owner.day_close.close_day(-1)
    with pytest.raises(ValidationError):
        owner.day_close.close_day(0, opening_float=-5)
    assert table_snapshot(owner) == before


def test_closing_an_empty_day(open_store):
    store = open_store("pharmacist")
    z = store.day_close.close_day(counted_cash=2000, opening_float=2000)
    assert (z.transactions, z.net, z.expected_cash, z.cash_variance) == (0, 0, 2000, 0)


def test_day_reports_are_frozen(open_store):
    store = open_store("owner")
    x = store.day_close.x_report()
    z = store.day_close.close_day(counted_cash=0)
    assert not x.closed and z.closed
    for report in (x, z):
        with pytest.raises(dataclasses.FrozenInstanceError):
            report.net = 1
    assert store.day_close.day_closes()[0]["report"]["net"] == z.net == 0
