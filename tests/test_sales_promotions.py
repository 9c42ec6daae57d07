"""Promotions at the till: each kind sold end to end with exact fen, the lines' promotion rows, coupons redeemed
in the sale's transaction, points per line, the till's own discount on top, and refused sales that change nothing.

The template store: paracetamol (``ids.otc``, 12.50, category otc, FEFO cost 4.80 for 5 units then 5.00) and
ramipril (``ids.rx``, 30.00, Rx-only). Each test adds a vitamin C (15.00, supplement, cost 6.00) when it needs a
second product a promotion may touch."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.core.pricing import LineDiscount
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.errors import ValidationError

from conftest import table_snapshot


def day(store, offset: int = 0) -> str:
    return (store.today() + timedelta(days=offset)).isoformat()


def promotion(store, **fields) -> int:
    return store.promotions.create({"name": fields.pop("name", fields["kind"]), **fields})


def vitamin(store, ids) -> int:
    product = store.catalog.add_product(barcode="VITC100", name="Vitamin C", category="supplement",
                                        legal_class="otc", price=1500, supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [ReceiptLine(product, "V-1", store.today() + timedelta(days=200), 30, 600)])
    return product


def member(store, n: int = 1) -> int:
    return store.members.register(f"Member {n}", f"1390000{n:04d}", marketing_consent=True)


def sell(store, lines, member_id=None, coupons=(), redeem_points=0):
    """Sell ``lines`` paying exactly what the till quotes (after points)."""
    due = store.sales.quote(lines, member_id, coupons).total - store.sales.redeem_value(redeem_points)
    return store.sales.sell(lines, [Payment("cash", due)], member_id=member_id, coupons=coupons,
                            redeem_points=redeem_points)


def booked(store, sale_id: int) -> list[tuple]:
    """(quantity, unit_price, discount, line_total, {promotion id: amount}) per sold line."""
    rows = store.db.all("SELECT id, quantity, unit_price, discount, line_total FROM sale_lines WHERE sale_id = ? "
                        "ORDER BY id", (sale_id,))
    out = []
    for row in rows:
        parts = {r["promotion_id"]: r["amount"] for r in store.db.all(
            "SELECT promotion_id, amount FROM sale_line_promotions WHERE sale_line_id = ?", (row["id"],))}
        out.append((row["quantity"], row["unit_price"], row["discount"], row["line_total"], parts))
    return out


def sale_row(store, sale_id: int) -> dict:
    return store.db.one("SELECT subtotal, discount, total, points_earned FROM sales WHERE id = ?", (sale_id,))


def assert_consistent(store, sale_id: int) -> None:
    """sale_lines.discount ≥ its promotions' parts, line_total = price × quantity − discount, and the sale adds up."""
    lines = booked(store, sale_id)
    for quantity, unit_price, discount, line_total, parts in lines:
        assert sum(parts.values()) <= discount
        assert line_total == unit_price * quantity - discount
    sale = sale_row(store, sale_id)
    assert sale["discount"] == sum(line[2] for line in lines)
    assert sale["subtotal"] - sale["discount"] == sum(line[3] for line in lines)


# -- each kind ---------------------------------------------------------------------------------------------------

def test_member_price_for_members_only(store, ids):
    pid = promotion(store, kind="member_price", label="会员价", prices={str(ids.otc): 1100})
    walk_in = sell(store, [CartLine(ids.otc, 2)])
    assert (walk_in.subtotal, walk_in.discount, walk_in.total, walk_in.savings) == (2500, 0, 2500, ())
    assert booked(store, walk_in.sale_id) == [(2, 1250, 0, 2500, {})]
    m = member(store)
    sale = sell(store, [CartLine(ids.otc, 2)], m)
    assert (sale.subtotal, sale.discount, sale.total) == (2500, 300, 2200)
    assert sale.lines[0].promotions == (LineDiscount(pid, "会员价", 300),)
    assert sale.savings == (LineDiscount(pid, "会员价", 300),) and sale.saved == 300
    assert booked(store, sale.sale_id) == [(2, 1250, 300, 2200, {pid: 300})]
    assert sale_row(store, sale.sale_id)["points_earned"] == 22
    assert_consistent(store, sale.sale_id)


def test_percent_off_a_category(store, ids):
    pid = promotion(store, kind="percent_off", percent=10, label="9折", scope={"categories": ["otc"]})
    sale = sell(store, [CartLine(ids.otc, 3)])
    assert (sale.subtotal, sale.discount, sale.total) == (3750, 375, 3375)
    assert booked(store, sale.sale_id) == [(3, 1250, 375, 3375, {pid: 375})]


def test_amount_off_each_unit(store, ids):
    pid = promotion(store, kind="amount_off", amount=200, label="立减2元")
    sale = sell(store, [CartLine(ids.otc, 2)])
    assert (sale.discount, sale.total) == (400, 2100)
    assert booked(store, sale.sale_id) == [(2, 1250, 400, 2100, {pid: 400})]


def test_second_item_half_price(store, ids):
    pid = promotion(store, kind="nth_item", nth=2, percent=50, label="第二件半价", scope={"products": [ids.otc]})
    sale = sell(store, [CartLine(ids.otc, 3)])            # the second unit at half: 6.25 off, the third full
    assert (sale.discount, sale.total) == (625, 3125)
    assert booked(store, sale.sale_id) == [(3, 1250, 625, 3125, {pid: 625})]


def test_buy_two_get_one(store, ids):
    pid = promotion(store, kind="buy_x_get_y", buy=2, get=1, label="买二送一", scope={"products": [ids.otc]})
    sale = sell(store, [CartLine(ids.otc, 3)])
    assert (sale.discount, sale.total) == (1250, 2500)
    assert booked(store, sale.sale_id) == [(3, 1250, 1250, 2500, {pid: 1250})]


def test_spend_save_repeats_and_is_shared_over_the_basket_leaving_rx_out(store, ids):
    vit = vitamin(store, ids)
    pid = promotion(store, kind="spend_save", threshold=2000, amount=300, repeat=True, label="满20减3")
    lines = [CartLine(ids.otc, 2), CartLine(vit, 1),
             CartLine(ids.rx, 1, prescription=Prescription("Dr Li", "RX-9", store.today()))]
    sale = sell(store, lines)
    # in scope: 25.00 + 15.00 = 40.00 → twice 3.00 off, shared 25:15; the Rx line takes no discount
    assert (sale.subtotal, sale.discount, sale.total) == (7000, 600, 6400)
    assert booked(store, sale.sale_id) == [(2, 1250, 375, 2125, {pid: 375}), (1, 1500, 225, 1275, {pid: 225}),
                                           (1, 3000, 0, 3000, {})]
    assert sale.savings == (LineDiscount(pid, "满20减3", 600),)
    assert_consistent(store, sale.sale_id)


def test_coupon_is_redeemed_by_the_sale(store, ids):
    pid = promotion(store, kind="coupon", amount=500, threshold=3000, label="券5元")
    code = store.promotions.issue_coupons(pid, count=1, expires_on=day(store, 5)).codes[0]
    sale = sell(store, [CartLine(ids.otc, 3)], coupons=[code.lower()])
    assert (sale.discount, sale.total, sale.coupons) == (500, 3250, (code,))
    assert booked(store, sale.sale_id) == [(3, 1250, 500, 3250, {pid: 500})]
    assert store.db.one("SELECT redeemed_sale_id FROM coupons WHERE code = ?", (code,))["redeemed_sale_id"] == \
        sale.sale_id
    assert store.sales.receipt(sale.receipt_no)["coupons"] == [code]


def test_points_multiplier_doubles_the_points_of_its_lines_only(store, ids):
    vit = vitamin(store, ids)
    promotion(store, kind="points_multiplier", multiplier=200, audience="members", label="双倍积分",
              scope={"products": [ids.otc]})
    m = member(store)
    sale = sell(store, [CartLine(ids.otc, 2), CartLine(vit, 1)], m)
    assert (sale.discount, sale.total, sale.savings) == (0, 4000, ())
    assert sale.points_earned == (2500 * 2 + 1500) // 100 == 65
    assert booked(store, sale.sale_id)[0][4] == {}           # a multiplier prices nothing: no promotion row


def test_a_promotion_that_earns_no_points_leaves_its_lines_out(store, ids):
    vit = vitamin(store, ids)
    promotion(store, kind="percent_off", percent=20, earns_points=False, label="8折", scope={"products": [ids.otc]})
    m = member(store)
    sale = sell(store, [CartLine(ids.otc, 2), CartLine(vit, 1)], m)
    assert (sale.discount, sale.total) == (500, 3500)
    assert sale.points_earned == 15                             # only the vitamin's 15.00


def test_points_after_redeeming_follow_each_lines_share_of_what_was_paid(store, ids):
    vit = vitamin(store, ids)
    promotion(store, kind="points_multiplier", multiplier=300, audience="members", label="三倍积分",
              scope={"products": [vit]})
    m = member(store)
    sell(store, [CartLine(ids.otc, 8)], m)                       # earns 100 points at the usual rate
    assert store.members.row(m)["points"] == 100
    sale = sell(store, [CartLine(ids.otc, 1), CartLine(vit, 1)], m, redeem_points=100)
    # 27.50 − 1.00 paid: shares of 26.50 by 12.50:15.00 → 12.05 and 14.45; 12.05 + 3 × 14.45 = 55.40 → 55 points
    assert sale.total == 2650 and sale.points_earned == 55


def test_without_promotions_points_are_the_old_rule(store, ids):
    m = member(store)
    sale = sell(store, [CartLine(ids.otc, 3)], m)
    assert sale.points_earned == 3750 // 100 and sale.savings == ()


# -- the till's own discount on top ------------------------------------------------------------------------------

def test_manual_discount_comes_on_top_of_the_promotion_and_never_below_zero(store, ids):
    pid = promotion(store, kind="percent_off", percent=10, label="9折")
    sale = sell(store, [CartLine(ids.otc, 2, discount=250)])
    assert booked(store, sale.sale_id) == [(2, 1250, 500, 2000, {pid: 250})]
    assert (sale.lines[0].manual_discount, sale.lines[0].promotions) == (250, (LineDiscount(pid, "9折", 250),))
    capped = sell(store, [CartLine(ids.otc, 2, discount=2400)])    # 24.00 asked, 22.50 left after 10 % off
    assert booked(store, capped.sale_id) == [(2, 1250, 2500, 0, {pid: 250})]
    assert capped.total == 0 and capped.lines[0].manual_discount == 2250
    record = store.sales.receipt(capped.receipt_no)
    assert record["lines"][0]["manual_discount"] == 2250
    assert record["savings"] == [{"promotion_id": pid, "label": "9折", "amount": 250}]


def test_a_cashier_needs_approval_only_for_the_manual_part(open_store, ids):
    owner = open_store("owner")
    promotion(owner, kind="percent_off", percent=50, label="半价")
    cashier = open_store("cashier")
    sale = sell(cashier, [CartLine(ids.otc, 2)])                 # 50 % off by promotion: no approval needed
    assert sale.discount == 1250
    assert cashier.sales.approvals_needed([CartLine(ids.otc, 2)]) == []


# -- quoting --------------------------------------------------------------------------------------------------

def test_quote_writes_nothing_and_matches_the_sale(store, ids):
    vit = vitamin(store, ids)
    member_day = promotion(store, kind="member_price", label="会员价", prices={str(ids.otc): 1100},
                           stacking="stackable")
    basket = promotion(store, kind="spend_save", threshold=3000, amount=500, label="满30减5", stacking="stackable")
    coupon = promotion(store, kind="coupon", amount=300, threshold=1000, label="券3元", stacking="stackable")
    code = store.promotions.issue_coupons(coupon, count=1, expires_on=day(store, 5)).codes[0]
    m = member(store)
    lines = [CartLine(ids.otc, 2), CartLine(vit, 1)]
    before = table_snapshot(store)
    quote = store.sales.quote(lines, m, [code])
    assert table_snapshot(store) == before
    assert [line.gross for line in quote.lines] == [2500, 1500]
    assert [[d.label for d in line.promotions] for line in quote.lines] == [["会员价", "满30减5", "券3元"],
                                                                            ["满30减5", "券3元"]]
    assert quote.gross == 4000 and quote.discount == 300 + 500 + 300 and quote.total == 2900
    assert [s.promotion_id for s in quote.savings] == [member_day, basket, coupon]
    sale = sell(store, lines, m, [code])
    assert (sale.discount, sale.total) == (quote.discount, quote.total)
    assert [line.promotions for line in sale.lines] == [line.promotions for line in quote.lines]
    assert_consistent(store, sale.sale_id)


def test_quote_lists_a_coupon_below_its_minimum_spend_and_sell_refuses_it(store, ids):
    coupon = promotion(store, kind="coupon", amount=500, threshold=3000, label="券5元")
    code = store.promotions.issue_coupons(coupon, count=1, expires_on=day(store, 5)).codes[0]
    quote = store.sales.quote([CartLine(ids.otc, 2)], None, [code])
    assert quote.total == 2500 and len(quote.unmet) == 1
    assert quote.unmet[0].code == code
    assert str(quote.unmet[0].error) == "This coupon needs 30.00 spent on eligible items; the cart has 25.00."
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="needs 30.00"):
        store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)], coupons=[code])
    assert table_snapshot(store) == before


def test_parked_cart_keeps_its_coupon(store, ids):
    coupon = promotion(store, kind="coupon", amount=500, threshold=1000, label="券5元")
    code = store.promotions.issue_coupons(coupon, count=1, expires_on=day(store, 5)).codes[0]
    parked = store.sales.suspend([CartLine(ids.otc, 1)], "", None, coupons=[code.lower()])
    cart = store.sales.resume_cart(parked)
    assert cart.coupons == (code,) and cart.member_id is None
    assert store.sales.quote(cart.lines, cart.member_id, cart.coupons).total == 750


# -- refused sales change nothing ----------------------------------------------------------------------------------

@pytest.fixture
def coupon_code(store, ids):
    coupon = promotion(store, kind="coupon", amount=500, threshold=2000, label="券5元")
    return store.promotions.issue_coupons(coupon, count=2, expires_on=day(store, 2)).codes


def refused(store, call, message: str) -> None:
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match=message):
        call()
    assert table_snapshot(store) == before


def test_a_coupon_used_twice_is_refused_and_changes_nothing(store, ids, coupon_code):
    m = member(store)
    sell(store, [CartLine(ids.otc, 8)], m)                       # the member holds points and a history
    sell(store, [CartLine(ids.otc, 2)], coupons=[coupon_code[0]])
    refused(store, lambda: store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2000)], member_id=m,
                                            coupons=[coupon_code[0]]), "was used on")


def test_an_expired_coupon_is_refused_and_changes_nothing(store, ids, coupon_code, clock):
    clock.advance(days=3)
    refused(store, lambda: store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2000)],
                                            coupons=[coupon_code[0]]), "expired on")


def test_a_coupon_below_its_minimum_spend_is_refused_and_changes_nothing(store, ids, coupon_code):
    refused(store, lambda: store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 750)],
                                            coupons=[coupon_code[0]]), "needs 20.00 spent")


def test_an_unknown_coupon_is_refused_and_changes_nothing(store, ids):
    refused(store, lambda: store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)],
                                            coupons=["NOSUCHCODE"]), "no coupon with this code")


def test_one_code_twice_or_two_coupons_of_one_promotion_are_refused(store, ids, coupon_code):
    refused(store, lambda: store.sales.sell([CartLine(ids.otc, 4)], [Payment("cash", 4500)],
                                            coupons=[coupon_code[0], coupon_code[0].lower()]), "already in the sale")
    refused(store, lambda: store.sales.sell([CartLine(ids.otc, 4)], [Payment("cash", 4000)],
                                            coupons=coupon_code), "Only one coupon of the same promotion")


def test_a_sale_refused_after_the_coupon_check_leaves_the_coupon_unused(store, ids, coupon_code):
    m = member(store)
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="do not add up"):
        store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)], member_id=m, coupons=[coupon_code[0]])
    assert table_snapshot(store) == before
    assert sell(store, [CartLine(ids.otc, 2)], m, [coupon_code[0]]).total == 2000
