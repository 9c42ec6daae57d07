"""Selling: payments, prescriptions and pharmacists, controlled register, discounts, price overrides, points,
money arithmetic — and a rejected sale leaves every table exactly as it was."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from pharmadesk.errors import (
    ExpiredStockError,
    NotFound,
    NotLoggedIn,
    PermissionDenied,
    PrescriptionRequired,
    StockError,
    ValidationError,
)
from pharmadesk.core.money import format_money, parse_money, vat_included
from pharmadesk.core.permissions import Action
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.users import Approval

from conftest import PINS, table_snapshot


def _rx(store, number="RX-1001", days_ago=3):
    return Prescription("Dr. Alice Wong", number, (store.today() - timedelta(days=days_ago)).isoformat())


def _user_id(store, username):
    return store.db.scalar("SELECT id FROM users WHERE username = ?", (username,))


# -- money ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, minor", [
    ("12.5", 1250), ("12.50", 1250), ("0.01", 1), ("0", 0), (" 7 ", 700), ("1,234.56", 123456),
    ("100000000", 10**10), (Decimal("3.10"), 310), (1250, 1250), (0, 0), ("12.", 1200), (".5", 50),
])
def test_parse_money(text, minor):
    assert parse_money(text) == minor


@pytest.mark.parametrize("text", ["12.345", "-1", "-0.01", "abc", "", "NaN", "Infinity", "100000000.01", "1e12",
                                  -5, True, "12,50", "1,2345.00"])
def test_parse_money_refuses(text):
    with pytest.raises(ValidationError):
        parse_money(text, field="price")


def test_parse_money_error_names_the_field():
    with pytest.raises(ValidationError) as info:
        parse_money("abc", field="cash given")
    assert info.value.message.startswith("cash given:")


@pytest.mark.parametrize("minor, text", [(1250, "12.50"), (5, "0.05"), (-5, "-0.05"), (0, "0.00"),
                                         (-1250, "-12.50"), (100, "1.00"), (123456789, "1234567.89")])
def test_format_money(minor, text):
    assert format_money(minor) == text


@pytest.mark.parametrize("gross, rate, vat", [
    (11300, 1300, 1300), (2500, 1300, 288), (1150, 1300, 132), (1000, 0, 0), (1, 1300, 0), (100, 1300, 12),
    (1, 10000, 1), (3, 10000, 2), (10600, 600, 600), (0, 1300, 0),
])
def test_vat_included(gross, rate, vat):
    assert vat_included(gross, rate) == vat


def test_money_round_trip():
    for minor in (0, 1, 99, 100, 1250, 987654321):
        assert parse_money(format_money(minor)) == minor


# -- payments -------------------------------------------------------------------------------------------


def test_cash_sale_with_change(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500, tendered=3000)])
    assert (sale.subtotal, sale.discount, sale.total, sale.change, sale.vat) == (2500, 0, 2500, 500, 288)
    assert sale.receipt_no == "S00000001"
    row = store.db.one("SELECT * FROM sales WHERE id = ?", (sale.sale_id,))
    assert (row["total"], row["vat"], row["user_id"], row["member_id"]) == (2500, 288, store.user.id, None)
    payments = store.db.all("SELECT method, amount, tendered, change FROM payments WHERE sale_id = ?",
                            (sale.sale_id,))
    assert payments == [{"method": "cash", "amount": 2500, "tendered": 3000, "change": 500}]
    line = store.db.one("SELECT * FROM sale_lines WHERE sale_id = ?", (sale.sale_id,))
    assert (line["quantity"], line["unit_price"], line["line_total"], line["vat_rate_bp"], line["unit_cost"]) == \
        (2, 1250, 2500, 1300, 480)
    receipt = store.sales.receipt("s00000001")
    assert receipt["lines"][0]["batches"] == [{"batch_id": sale.lines[0].allocations[0].batch_id,
                                               "batch_no": "P-SOON", "expiry": sale.lines[0].allocations[0].expiry,
                                               "quantity": 2}]


def test_card_sale(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 1), CartLine(ids.rx, 1, prescription=_rx(store))],
                            [Payment("card", 4250, reference="TERM-0001")])
    assert (sale.total, sale.change, sale.vat) == (4250, 0, vat_included(1250, 1300))
    assert store.db.all("SELECT method, amount, tendered, change FROM payments") == [
        {"method": "card", "amount": 4250, "tendered": None, "change": 0}]


def test_mixed_payment(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 1000, tendered=2000), Payment("card", 1500, reference="TERM-0001")])
    assert (sale.total, sale.change) == (2500, 1000)
    payments = store.db.all("SELECT method, amount, change FROM payments ORDER BY id")
    assert payments == [{"method": "cash", "amount": 1000, "change": 1000},
                        {"method": "card", "amount": 1500, "change": 0}]


def test_unit_cost_is_the_fefo_batches_average(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 7)], [Payment("card", 8750, reference="TERM-0001")])
    cost = store.db.scalar("SELECT unit_cost FROM sale_lines WHERE id = ?", (sale.lines[0].sale_line_id,))
    assert cost == round((5 * 480 + 2 * 500) / 7)                 # 485.7 -> 486


@pytest.mark.parametrize("payments", [
    [],
    [Payment("cash", 2000)],
    [Payment("cash", 3000)],
    [Payment("card", 2400, reference="TERM-0001"), Payment("card", 200, reference="TERM-0001")],
    [Payment("cash", 2500, tendered=2000)],
    [Payment("bitcoin", 2500)],
    [Payment("cash", -500), Payment("card", 3000, reference="TERM-0001")],
    [Payment("cash", 2500.0 + 0.5)],
])
def test_payments_must_add_up(store, ids, payments):
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        store.sales.sell([CartLine(ids.otc, 2)], payments)
    assert table_snapshot(store) == before


def test_sale_needs_lines_and_a_user(open_store, ids):
    store = open_store(None)
    with pytest.raises(NotLoggedIn):
        store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    store.login("cashier", PINS["cashier"])
    with pytest.raises(ValidationError):
        store.sales.sell([], [])


# -- prescriptions --------------------------------------------------------------------------------------


def test_cashier_alone_cannot_dispense_rx(open_store, ids):
    store = open_store("cashier")
    before = table_snapshot(store)
    with pytest.raises(PrescriptionRequired, match="needs a prescription"):
        store.sales.sell([CartLine(ids.rx, 1)], [Payment("cash", 3000)])
    with pytest.raises(PrescriptionRequired, match="a pharmacist must confirm"):
        store.sales.sell([CartLine(ids.rx, 1, prescription=_rx(store))], [Payment("cash", 3000)])
    assert table_snapshot(store) == before


def test_cashier_with_a_pharmacists_approval_dispenses(open_store, ids):
    store = open_store("cashier")
    approval = store.users.approve("pharmacist", PINS["pharmacist"], Action.DISPENSE_RX)
    rx = Prescription("Dr. Alice Wong", "RX-2002", store.today().isoformat(), approval=approval)
    sale = store.sales.sell([CartLine(ids.rx, 2, prescription=rx)], [Payment("cash", 6000)])
    row = store.db.one("SELECT * FROM prescriptions WHERE sale_line_id = ?", (sale.lines[0].sale_line_id,))
    assert (row["prescriber"], row["rx_number"], row["rx_date"], row["pharmacist_id"]) == \
        ("Dr. Alice Wong", "RX-2002", store.today().isoformat(), _user_id(store, "pharmacist"))
    assert store.db.scalar("SELECT user_id FROM sales WHERE id = ?", (sale.sale_id,)) == _user_id(store, "cashier")
    # The sale-level approval works too (a fresh one: the first sale used the first approval up).
    approval = store.users.approve("pharmacist", PINS["pharmacist"], Action.DISPENSE_RX)
    sale = store.sales.sell([CartLine(ids.rx, 1, prescription=_rx(store, "RX-2003"))], [Payment("cash", 3000)],
                            approval=approval)
    assert store.db.scalar("SELECT pharmacist_id FROM prescriptions WHERE sale_line_id = ?",
                           (sale.lines[0].sale_line_id,)) == _user_id(store, "pharmacist")


def test_approval_for_another_action_does_not_dispense(open_store, ids):
    store = open_store("cashier")
    approval = store.users.approve("pharmacist", PINS["pharmacist"], Action.DISCOUNT)
    rx = Prescription("Dr. Alice Wong", "RX-2004", store.today().isoformat(), approval=approval)
    with pytest.raises(PrescriptionRequired):
        store.sales.sell([CartLine(ids.rx, 1, prescription=rx)], [Payment("cash", 3000)])
    forged = Approval(store.users.get(_user_id(store, "pharmacist")), Action.DISPENSE_RX, "a" * 32)
    rx = Prescription("Dr. Alice Wong", "RX-2004", store.today().isoformat(), approval=forged)
    with pytest.raises(PrescriptionRequired):
        store.sales.sell([CartLine(ids.rx, 1, prescription=rx)], [Payment("cash", 3000)])


def test_pharmacist_dispenses_and_is_recorded(open_store, ids):
    store = open_store("pharmacist")
    sale = store.sales.sell([CartLine(ids.otc, 1), CartLine(ids.rx, 1, prescription=_rx(store))],
                            [Payment("cash", 4250)])
    rows = store.db.all("SELECT sale_line_id, pharmacist_id FROM prescriptions")
    assert rows == [{"sale_line_id": sale.lines[1].sale_line_id, "pharmacist_id": store.user.id}]
    assert store.db.scalar("SELECT count(*) FROM controlled_register") == 0       # Rx-only is not controlled


@pytest.mark.parametrize("prescriber, number, days_ago, error", [
    ("", "RX-1", 1, PrescriptionRequired), ("Dr. X", "  ", 1, PrescriptionRequired),
    ("Dr. X", "RX-1", -1, ValidationError), ("Dr. X", "RX-1", 366, PrescriptionRequired),
    ("Dr. X", "RX-1", "not a date", ValidationError),
])
def test_prescription_record_is_checked(store, ids, prescriber, number, days_ago, error):
    rx_date = days_ago if isinstance(days_ago, str) else (store.today() - timedelta(days=days_ago)).isoformat()
    before = table_snapshot(store)
    with pytest.raises(error):
        store.sales.sell([CartLine(ids.rx, 1, prescription=Prescription(prescriber, number, rx_date))],
                         [Payment("cash", 3000)])
    assert table_snapshot(store) == before


def test_prescription_of_exactly_a_year_ago_is_valid(store, ids):
    store.sales.sell([CartLine(ids.rx, 1, prescription=_rx(store, days_ago=365))], [Payment("cash", 3000)])


def test_controlled_items_write_the_register(open_store, ids):
    store = open_store("pharmacist")
    member = store.members.register("Controlled Patient", "13900000042")
    sale = store.sales.sell([CartLine(ids.controlled, 3, prescription=_rx(store, "CTRL-9"))],
                            [Payment("cash", 6000)], member_id=member)
    batch = sale.lines[0].allocations[0].batch_id
    rows = store.db.all("SELECT sale_line_id, product_id, batch_id, quantity, member_id, pharmacist_id, rx_number "
                        "FROM controlled_register")
    assert rows == [{"sale_line_id": sale.lines[0].sale_line_id, "product_id": ids.controlled, "batch_id": batch,
                     "quantity": 3, "member_id": member, "pharmacist_id": store.user.id, "rx_number": "CTRL-9"}]
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'controlled.dispense'") == 1
    cashier = open_store("cashier")
    with pytest.raises(PrescriptionRequired):
        cashier.sales.sell([CartLine(ids.controlled, 1, prescription=_rx(cashier))], [Payment("cash", 2000)])


# -- discounts and price overrides -----------------------------------------------------------------------


def test_cashier_cannot_discount_alone(open_store, ids):
    store = open_store("cashier")
    before = table_snapshot(store)
    with pytest.raises(PermissionDenied):
        store.sales.sell([CartLine(ids.otc, 1, discount=1)], [Payment("cash", 1249)])
    assert table_snapshot(store) == before
    approval = store.users.approve("pharmacist", PINS["pharmacist"], Action.DISCOUNT)
    sale = store.sales.sell([CartLine(ids.otc, 1, discount=100)], [Payment("cash", 1150)], approval=approval)
    assert (sale.discount, sale.total) == (100, 1150)


def test_pharmacist_discounts_up_to_the_threshold(open_store, ids):
    store = open_store("pharmacist")
    sale = store.sales.sell([CartLine(ids.otc, 2, discount=250)], [Payment("cash", 2250)])   # exactly 10 %
    assert (sale.subtotal, sale.discount, sale.total) == (2500, 250, 2250)
    assert sale.vat == vat_included(2250, 1300)
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'discount.large'") == 0
    before = table_snapshot(store)
    with pytest.raises(PermissionDenied):
        store.sales.sell([CartLine(ids.otc, 2, discount=251)], [Payment("cash", 2249)])
    assert table_snapshot(store) == before


def test_owner_gives_large_discounts_and_they_are_audited(open_store, ids):
    store = open_store("owner")
    sale = store.sales.sell([CartLine(ids.otc, 1, discount=500)], [Payment("cash", 750)])
    audit = store.db.one("SELECT entity_id, details FROM audit_log WHERE action = 'discount.large'")
    assert audit == {"entity_id": str(sale.lines[0].sale_line_id), "details": '{"discount":500,"gross":1250}'}
    cashier = open_store("cashier")
    small = cashier.users.approve("pharmacist", PINS["pharmacist"], Action.DISCOUNT)
    with pytest.raises(PermissionDenied):
        cashier.sales.sell([CartLine(ids.otc, 1, discount=500)], [Payment("cash", 750)], approval=small)
    large = cashier.users.approve("owner", PINS["owner"], Action.DISCOUNT_ANY)
    cashier.sales.sell([CartLine(ids.otc, 1, discount=500)], [Payment("cash", 750)], approval=large)


def test_discount_threshold_is_a_setting(open_store, ids):
    owner = open_store("owner")
    owner.set_setting("discount_threshold_pct", "50")
    store = open_store("pharmacist")
    store.sales.sell([CartLine(ids.otc, 1, discount=600)], [Payment("cash", 650)])


@pytest.mark.parametrize("name, value", [("discount_threshold_pct", "10%"), ("discount_threshold_pct", "101"),
                                         ("points_per_currency_unit", "1.5"), ("point_value_minor", "-1"),
                                         ("near_expiry_days", ""), ("no_such_setting", "1")])
def test_number_settings_are_validated(store, ids, name, value):
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        store.set_setting(name, value)
    assert table_snapshot(store) == before
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])          # the till still works


def test_settings_are_stored_and_audited(store):
    store.set_setting("discount_threshold_pct", 15)
    store.set_setting("store_name", "Corner Pharmacy")
    assert (store.settings.text("discount_threshold_pct"), store.settings.discount_threshold_pct) == ("15", 15)
    assert store.settings.store_name == "Corner Pharmacy"
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'setting.change'") == 2


@pytest.mark.parametrize("discount", [1251, -1, 0.5])
def test_discount_bounds(store, ids, discount):
    with pytest.raises(ValidationError):
        store.sales.sell([CartLine(ids.otc, 1, discount=discount)], [Payment("cash", 0)])


def test_price_override_needs_the_owner(open_store, ids):
    pharmacist = open_store("pharmacist")
    before = table_snapshot(pharmacist)
    with pytest.raises(PermissionDenied):
        pharmacist.sales.sell([CartLine(ids.otc, 1, unit_price=1000)], [Payment("cash", 1000)])
    assert table_snapshot(pharmacist) == before
    same = pharmacist.sales.sell([CartLine(ids.otc, 1, unit_price=1250)], [Payment("cash", 1250)])
    assert same.total == 1250                                   # the catalogue price is no override
    owner = open_store("owner")
    sale = owner.sales.sell([CartLine(ids.otc, 2, unit_price=1000)], [Payment("cash", 2000)])
    assert (sale.lines[0].unit_price, sale.total) == (1000, 2000)
    audit = owner.db.one("SELECT details FROM audit_log WHERE action = 'price.override'")
    assert audit["details"] == '{"catalogue":1250,"price":1000}'
    assert owner.catalog.get(ids.otc).price == 1250             # the catalogue itself is unchanged


# -- points ---------------------------------------------------------------------------------------------


def test_points_earn_and_redeem(store, ids):
    member = store.members.register("Point Collector", "13900000077")
    first = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)], member_id=member)
    assert first.points_earned == 25
    second = store.sales.sell([CartLine(ids.otc, 1)], [Payment("card", 1230, reference="TERM-0001")], member_id=member, redeem_points=20)
    assert (second.redeem_value, second.total, second.points_earned) == (20, 1230, 12)
    assert store.members.get(member).points == 25 - 20 + 12
    assert [(h["delta"], h["reason"], h["sale_id"]) for h in store.members.points_history(member)] == [
        (25, "earn", first.sale_id), (-20, "redeem", second.sale_id), (12, "earn", second.sale_id)]
    row = store.db.one("SELECT points_redeemed, redeem_value, points_earned FROM sales WHERE id = ?",
                       (second.sale_id,))
    assert row == {"points_redeemed": 20, "redeem_value": 20, "points_earned": 12}


def test_points_can_pay_for_a_whole_sale(store, ids):
    member = store.members.register("Big Spender", "13900000078")
    store.members.adjust_points(member, 2000)
    sale = store.sales.sell([CartLine(ids.otc, 1)], [], member_id=member, redeem_points=1250)
    assert (sale.total, sale.points_earned, sale.vat) == (0, 0, 0)
    assert store.members.get(member).points == 750


def test_earning_rate_is_a_setting(store, ids):
    store.set_setting("points_per_currency_unit", "3")
    member = store.members.register("Triple Points", "13900000079")
    assert store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)], member_id=member).points_earned == 36


# -- a rejected sale leaves every table exactly as it was -----------------------------------------------


def _member_with_points(store, points):
    member = store.members.register("Snapshot Member", "13900000099")
    if points:
        store.members.adjust_points(member, points)
    return member


REJECTED = {
    "expired stock": (
        "owner", lambda s, i, c: c.advance(days=2),
        lambda s, i, m: s.sales.sell([CartLine(i.otc, 1), CartLine(i.expired_only, 1)], [Payment("cash", 3050)]),
        ExpiredStockError),
    "2nd line short after 1st allocated": (
        "owner", None,
        lambda s, i, m: s.sales.sell([CartLine(i.otc, 3), CartLine(i.otc, 13)], [Payment("card", 16 * 1250, reference="TERM-0001")]),
        StockError),
    "3rd line short after Rx and controlled lines": (
        "pharmacist", None,
        lambda s, i, m: s.sales.sell([CartLine(i.rx, 2, prescription=_rx(s)),
                                      CartLine(i.controlled, 1, prescription=_rx(s, "C-1")),
                                      CartLine(i.rx, 19, prescription=_rx(s, "RX-3"))],
                                     [Payment("card", 21 * 3000 + 2000, reference="TERM-0001")], member_id=m),
        StockError),
    "payments short": (
        "owner", None, lambda s, i, m: s.sales.sell([CartLine(i.otc, 2)], [Payment("cash", 2499)]), ValidationError),
    "cash given too small": (
        "owner", None, lambda s, i, m: s.sales.sell([CartLine(i.otc, 2)], [Payment("cash", 2500, tendered=2000)]),
        ValidationError),
    "missing prescription": (
        "pharmacist", None,
        lambda s, i, m: s.sales.sell([CartLine(i.otc, 1), CartLine(i.rx, 1)], [Payment("cash", 4250)]),
        PrescriptionRequired),
    "cashier without pharmacist": (
        "cashier", None,
        lambda s, i, m: s.sales.sell([CartLine(i.otc, 1), CartLine(i.rx, 1, prescription=_rx(s))],
                                     [Payment("cash", 4250)]),
        PrescriptionRequired),
    "redeem more points than held": (
        "owner", None,
        lambda s, i, m: s.sales.sell([CartLine(i.otc, 2)], [Payment("cash", 2447)], member_id=m, redeem_points=53),
        ValidationError),
    "redeem more than the sale": (
        "owner", None,
        lambda s, i, m: s.sales.sell([CartLine(i.otc, 1)], [], member_id=m, redeem_points=1251), ValidationError),
    "redeem without a member": (
        "owner", None,
        lambda s, i, m: s.sales.sell([CartLine(i.otc, 1)], [Payment("cash", 1240)], redeem_points=10),
        ValidationError),
    "cashier discount": (
        "cashier", None,
        lambda s, i, m: s.sales.sell([CartLine(i.otc, 1), CartLine(i.otc, 1, discount=50)], [Payment("cash", 2450)],
                                     member_id=m),
        PermissionDenied),
    "pharmacist large discount": (
        "pharmacist", None,
        lambda s, i, m: s.sales.sell([CartLine(i.otc, 2, discount=1000)], [Payment("cash", 1500)]), PermissionDenied),
    "price override": (
        "pharmacist", None,
        lambda s, i, m: s.sales.sell([CartLine(i.otc, 1, unit_price=1)], [Payment("cash", 1)]), PermissionDenied),
    "forged approval": (
        "cashier", None,
        lambda s, i, m: s.sales.sell(
            [CartLine(i.otc, 1, discount=500)], [Payment("cash", 750)],
            approval=Approval(s.users.get(1), Action.DISCOUNT_ANY, "b" * 32)),
        PermissionDenied),
    "unknown product": (
        "owner", None, lambda s, i, m: s.sales.sell([CartLine(i.otc, 1), CartLine(999, 1)], [Payment("cash", 1250)]),
        NotFound),
    "unknown member": (
        "owner", None, lambda s, i, m: s.sales.sell([CartLine(i.otc, 1)], [Payment("cash", 1250)], member_id=999),
        NotFound),
    "zero quantity": (
        "owner", None, lambda s, i, m: s.sales.sell([CartLine(i.otc, 0)], [Payment("cash", 0)]), ValidationError),
    "inactive product": (
        "owner", lambda s, i, c: s.catalog.update_product(i.otc, active=False),
        lambda s, i, m: s.sales.sell([CartLine(i.otc, 1)], [Payment("cash", 1250)]), ValidationError),
}


@pytest.mark.parametrize("case", list(REJECTED))
def test_rejected_sale_leaves_the_database_exactly_as_it_was(case, open_store, ids, clock):
    role, prepare, call, error = REJECTED[case]
    owner = open_store("owner")
    member = _member_with_points(owner, 40)
    owner.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)], member_id=member)   # some history
    assert owner.members.get(member).points == 52
    if prepare is not None:
        prepare(owner, ids, clock)
    store = owner if role == "owner" else open_store(role)
    before = table_snapshot(store)
    with pytest.raises(error):
        call(store, ids, member)
    assert table_snapshot(store) == before
    assert not store.db.conn.in_transaction
    # Nothing is left locked: the next sale goes through (on the same file, through the owner's session).
    owner.sales.sell([CartLine(ids.rx, 1, prescription=_rx(owner, "NEXT-1"))], [Payment("card", 3000, reference="TERM-0001")])
    assert owner.stock.verify_ledger() == []


# -- approvals a cashier's cart needs -------------------------------------------------------------------


def test_approvals_needed_says_which_colleague_consents_a_cart_needs(open_store, ids):
    cashier = open_store("cashier")
    assert cashier.sales.approvals_needed([CartLine(ids.otc, 2)]) == []
    small = CartLine(ids.otc, 4, discount=100)                     # 2% of 50.00: within the 10% limit
    large = CartLine(ids.otc, 1, discount=500)                     # 40%: above it
    override = CartLine(ids.otc, 1, unit_price=999)
    assert cashier.sales.approvals_needed([small]) == [Action.DISCOUNT]
    assert cashier.sales.approvals_needed([small, large, override]) == [
        Action.DISCOUNT, Action.DISCOUNT_ANY, Action.OVERRIDE_PRICE]
    pharmacist = open_store("pharmacist")
    assert pharmacist.sales.approvals_needed([small, large, override]) == [Action.DISCOUNT_ANY, Action.OVERRIDE_PRICE]
    assert open_store("owner").sales.approvals_needed([small, large, override]) == []


def test_a_cashier_sale_with_several_approvals(open_store, ids):
    cashier = open_store("cashier")
    lines = [CartLine(ids.otc, 1, discount=500), CartLine(ids.otc, 1, unit_price=999)]
    with pytest.raises(PermissionDenied):
        cashier.sales.sell(lines, [Payment("cash", 750 + 999)])
    owner_ok = [cashier.users.approve("owner", PINS["owner"], action)
                for action in cashier.sales.approvals_needed(lines)]
    sale = cashier.sales.sell(lines, [Payment("cash", 750 + 999)], approval=owner_ok)
    assert sale.total == 750 + 999
    assert cashier.db.scalar("SELECT count(*) FROM audit_log WHERE action IN ('discount.large', 'price.override')") == 2


def test_redeem_value_follows_the_setting(store):
    assert store.sales.redeem_value(250) == 250
    store.set_setting("point_value_minor", "2")
    assert store.sales.redeem_value(250) == 500
