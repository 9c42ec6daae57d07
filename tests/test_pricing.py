"""The pricing engine: each promotion kind to the fen, calendars, audiences, the Rx and below-cost guards,
stacking and its tie-breaks, coupons that cannot apply, and basket shares that add up exactly."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from pharmadesk.core.money import allocate
from pharmadesk.core.pricing import (
    Audience, Calendar, LineDiscount, PriceLine, Promotion, Scope, Shopper, applies, in_scope, is_for,
    is_running, price_cart)

NOW = datetime(2026, 12, 8, 10, 30)          # a Tuesday, the 8th: a member day
WALK_IN = Shopper()
MEMBER = Shopper(member_id=7)
GOLD = Shopper(member_id=8, tier="gold")


def line(key, product=None, qty=1, price=1000, cost=0, category="cold", legal="otc"):
    return PriceLine(key, product if product is not None else key, category, legal, qty, price, cost)


def promo(id, kind, stacking="stackable", **fields):
    return Promotion(id, f"promotion {id}", kind, fields.pop("label", f"P{id}"), stacking=stacking, **fields)


def price(lines, promotions, shopper=MEMBER, now=NOW):
    return price_cart(lines, shopper, promotions, now)


def amounts(priced):
    return {p.key: p.discount for p in priced.lines}


# --- each kind, to the fen -------------------------------------------------------------------------------

def test_member_price_per_product_is_for_members_only_even_when_the_audience_is_everyone():
    member_price = promo(1, "member_price", label="会员价", prices=((10, 850),))
    cart = [line(1, product=10, qty=3, price=1200), line(2, product=11, price=1200)]
    priced = price(cart, [member_price])
    assert priced.lines[0].discounts == (LineDiscount(1, "会员价", 1050),)
    assert priced.lines[0].total == 2550 and priced.lines[1].discount == 0
    assert price(cart, [member_price], shopper=WALK_IN).discount == 0


def test_member_price_by_tier_is_a_percent_of_the_price():
    tiered = promo(1, "member_price", tier_prices=(("gold", 90), ("silver", 95)))
    cart = [line(1, qty=2, price=1999)]
    assert price(cart, [tiered], shopper=GOLD).total == 3598              # 3998 × 90 % = 3598.2
    assert price(cart, [tiered], shopper=Shopper(9, "silver")).total == 3798   # 3998 × 95 % = 3798.1
    assert price(cart, [tiered], shopper=MEMBER).discount == 0             # standard: no entry, no percent


def test_member_price_never_raises_a_price():
    assert price([line(1, price=500)], [promo(1, "member_price", prices=((1, 800),))]).total == 500


def test_percent_off_rounds_half_up_per_line():
    priced = price([line(1, qty=3, price=1999)], [promo(1, "percent_off", percent=15)])
    assert priced.discount == 900 and priced.total == 5097                 # 5997 × 15 % = 899.55


def test_amount_off_is_per_unit_and_stops_at_zero():
    priced = price([line(1, qty=3, price=150), line(2, qty=2, price=1000)], [promo(1, "amount_off", amount=200)])
    assert amounts(priced) == {1: 450, 2: 400}
    assert priced.lines[0].total == 0


def test_nth_item_second_unit_half_price_counts_units_of_the_same_product_across_lines():
    half = promo(1, "nth_item", label="第二件半价", nth=2, percent=50)
    assert price([line(1, qty=5, price=1000)], [half]).discount == 1000      # units 2 and 4
    cart = [line(1, product=10, qty=3, price=1000), line(2, product=10, qty=1, price=800),
            line(3, product=11, qty=1, price=900)]
    # product 10: 4 units → 2 at half price, the cheapest first: key 2 (400 off), then one of key 1 (500 off)
    assert amounts(price(cart, [half])) == {1: 500, 2: 400, 3: 0}


def test_buy_two_get_one_of_the_same_product():
    priced = price([line(1, qty=7, price=500), line(2, qty=2, price=500)], [promo(1, "buy_x_get_y", buy=2, get=1)])
    assert amounts(priced) == {1: 1000, 2: 0}                               # 7 // 3 = 2 free; 2 < 3: none


def test_buy_x_get_y_of_another_product_frees_the_cheapest_gift_units_and_no_more_than_are_in_the_cart():
    gift = promo(1, "buy_x_get_y", scope=Scope(categories=frozenset({"vitamins"})), buy=2, get=1, get_product_id=99)
    cart = [line(1, qty=4, price=2000, category="vitamins"), line(5, product=99, qty=2, price=300, category="gifts"),
            line(6, product=99, qty=1, price=250, category="gifts")]
    assert amounts(price(cart, [gift])) == {1: 0, 5: 300, 6: 250}           # 4 // 2 = 2 gifts, cheapest first
    few_gifts = [line(1, qty=6, price=2000, category="vitamins"), line(5, product=99, qty=1, price=300)]
    assert amounts(price(few_gifts, [gift])) == {1: 0, 5: 300}


def test_spend_save_once_and_per_threshold_is_shared_in_proportion():
    cart = [line(1, price=7500), line(2, price=5000)]
    once = price(cart, [promo(1, "spend_save", label="满100减10", threshold=10000, amount=1000)])
    assert amounts(once) == {1: 600, 2: 400} and once.savings == (LineDiscount(1, "满100减10", 1000),)
    repeat = [line(1, price=15000), line(2, price=10000)]
    assert price(repeat, [promo(1, "spend_save", threshold=10000, amount=1000, repeat=True)]).discount == 2000
    assert price(repeat, [promo(1, "spend_save", threshold=10000, amount=1000)]).discount == 1000
    assert price([line(1, price=9999)], [promo(1, "spend_save", threshold=10000, amount=1000)]).discount == 0


def test_spend_thresholds_count_the_basket_after_line_discounts_and_the_lowest_total_wins():
    ten_percent = promo(1, "percent_off", percent=10)
    spend_save = promo(2, "spend_save", threshold=10000, amount=1000)
    # 110.00: with 10 % off the basket is 99.00 < 100.00 (no 满减), untouched it is 110 − 10 = 100.00 → 99.00 wins
    priced = price([line(1, price=11000)], [ten_percent, spend_save])
    assert priced.total == 9900 and [s.promotion_id for s in priced.savings] == [1]
    # 200.00: 10 % off → 180.00 ≥ 100.00, so both: 170.00
    assert price([line(1, price=20000)], [ten_percent, spend_save]).total == 17000


def test_coupon_applies_once_when_the_minimum_spend_is_met():
    coupon = promo(5, "coupon", label="优惠券", threshold=5000, amount=800, coupon_code="A1", repeat=True)
    priced = price([line(1, price=12000)], [coupon])
    assert priced.discount == 800 and priced.unmet == ()


def test_coupon_below_its_minimum_spend_goes_to_unmet_and_changes_nothing():
    coupon = promo(5, "coupon", threshold=10000, amount=1000)
    priced = price([line(1, price=6000), line(2, price=2550)], [coupon])
    assert priced.discount == 0
    assert priced.unmet == ((5, "minimum spend 100.00 not reached (85.50 eligible)"),)


def test_coupons_that_cannot_apply_say_why_and_other_kinds_are_ignored_silently():
    ended = promo(5, "coupon", amount=100, calendar=Calendar(date(2026, 1, 1), date(2026, 6, 30)))
    gold_only = promo(6, "coupon", amount=100, audience=Audience("tier", tier="gold"))
    painkillers = promo(7, "coupon", amount=100, scope=Scope(categories=frozenset({"pain"})))
    ended_sale = promo(8, "percent_off", percent=10, calendar=Calendar(date(2026, 1, 1), date(2026, 6, 30)))
    priced = price([line(1)], [ended, gold_only, painkillers, ended_sale])
    assert priced.discount == 0
    assert priced.unmet == ((5, "not valid at this time"), (6, "not for this customer"),
                            (7, "nothing in the cart is eligible"))


def test_points_multiplier_takes_the_highest_and_a_no_points_promotion_clears_them():
    double = promo(1, "points_multiplier", multiplier=200, scope=Scope(categories=frozenset({"vitamins"})))
    triple = promo(2, "points_multiplier", multiplier=300, scope=Scope(product_ids=frozenset({1})))
    no_points = promo(3, "percent_off", percent=10, earns_points=False, scope=Scope(product_ids=frozenset({3})))
    cart = [line(1, category="vitamins"), line(2, category="vitamins"), line(3, category="vitamins"), line(4)]
    priced = price(cart, [double, triple, no_points])
    assert [(p.earns_points, p.points_percent) for p in priced.lines] == [
        (True, 300), (True, 200), (False, 0), (True, 100)]
    assert priced.discount == 100 and priced.savings == (LineDiscount(3, "P3", 100),)


# --- when and for whom -----------------------------------------------------------------------------------

def test_calendar_dates_are_inclusive_and_open_ended_when_none():
    december = Calendar(date(2026, 12, 1), date(2026, 12, 31))
    assert is_running(december, datetime(2026, 12, 1, 0, 0)) and is_running(december, datetime(2026, 12, 31, 23, 59))
    assert not is_running(december, datetime(2026, 11, 30, 23, 59)) and not is_running(december, datetime(2027, 1, 1))
    assert is_running(Calendar(date(2026, 1, 1)), datetime(2040, 1, 1))


def test_calendar_weekdays_month_days_and_hours():
    weekend = Calendar(date.min, weekdays=frozenset({5, 6}))
    assert is_running(weekend, datetime(2026, 12, 5, 12)) and not is_running(weekend, datetime(2026, 12, 4, 12))
    member_days = Calendar(date.min, month_days=frozenset({8, 18, 28}))
    assert [d for d in range(1, 32) if is_running(member_days, datetime(2026, 12, d, 12))] == [8, 18, 28]
    morning = Calendar(date.min, from_time=time(8), until_time=time(12))
    assert is_running(morning, datetime(2026, 12, 4, 8, 0)) and is_running(morning, datetime(2026, 12, 4, 11, 59))
    assert not is_running(morning, datetime(2026, 12, 4, 12, 0)) and not is_running(morning, datetime(2026, 12, 4, 7))
    late = Calendar(date.min, from_time=time(22), until_time=time(2))
    assert is_running(late, datetime(2026, 12, 4, 23)) and is_running(late, datetime(2026, 12, 5, 1, 59))
    assert not is_running(late, datetime(2026, 12, 5, 2)) and not is_running(late, datetime(2026, 12, 4, 21))
    assert is_running(Calendar(date.min, from_time=time(18)), datetime(2026, 12, 4, 18))


def test_calendar_refuses_an_aware_datetime():
    from datetime import timezone
    with pytest.raises(ValueError):
        is_running(Calendar(date.min), datetime(2026, 12, 4, tzinfo=timezone.utc))


def test_member_day_discount_applies_on_the_8th_only():
    member_day = promo(1, "percent_off", percent=5, audience=Audience("members"),
                       calendar=Calendar(date(2026, 1, 1), month_days=frozenset({8, 18, 28})))
    assert price([line(1, price=2000)], [member_day]).discount == 100
    assert price([line(1, price=2000)], [member_day], now=datetime(2026, 12, 9, 10)).discount == 0


@pytest.mark.parametrize("audience, expected", [
    (Audience("everyone"), [True, True, True, True]),
    (Audience("members"), [False, True, True, True]),
    (Audience("tier", tier="gold"), [False, False, True, False]),
    (Audience("listed", member_ids=frozenset({7, 42})), [False, True, False, False]),
])
def test_audiences(audience, expected):
    shoppers = [WALK_IN, MEMBER, GOLD, Shopper(member_id=42, tier="silver")]
    expected = [e or (audience.kind == "listed" and s.member_id == 42) for s, e in zip(shoppers, expected)]
    percent_off = promo(1, "percent_off", percent=10, audience=audience)
    assert [is_for(percent_off, s) for s in shoppers] == expected
    assert [price([line(1)], [percent_off], shopper=s).discount == 100 for s in shoppers] == expected


# --- the Rx and below-cost guards ------------------------------------------------------------------------

def test_rx_and_controlled_lines_are_discounted_only_with_include_rx():
    cart = [line(1, legal="rx"), line(2, legal="controlled"), line(3)]
    assert amounts(price(cart, [promo(1, "percent_off", percent=10)])) == {1: 0, 2: 0, 3: 100}
    with_rx = promo(1, "percent_off", percent=10, scope=Scope(include_rx=True))
    assert amounts(price(cart, [with_rx])) == {1: 100, 2: 100, 3: 100}
    assert not in_scope(Scope(product_ids=frozenset({1})), cart[0])
    spend_save = price(cart, [promo(2, "spend_save", threshold=1000, amount=300)])
    assert amounts(spend_save) == {1: 0, 2: 0, 3: 300}                      # only the OTC line counts and pays


def test_scope_exclusions_and_applies():
    scope = Scope(categories=frozenset({"cold"}), exclude_product_ids=frozenset({2}))
    percent_off = promo(1, "percent_off", percent=10, scope=scope)
    cart = [line(1), line(2), line(3, category="pain")]
    assert amounts(price(cart, [percent_off])) == {1: 100, 2: 0, 3: 0}
    assert applies(percent_off, cart[0], WALK_IN, NOW) and not applies(percent_off, cart[1], WALK_IN, NOW)


def test_below_cost_guard_stops_at_cost_without_approval():
    cart = [line(1, qty=2, price=1000, cost=800)]
    guarded = price(cart, [promo(1, "percent_off", percent=30)])
    assert guarded.total == 1600 and guarded.below_cost == (1,)
    approved = price(cart, [promo(1, "percent_off", percent=30, allow_below_cost=True)])
    assert approved.total == 1400 and approved.below_cost == ()


def test_below_cost_needs_the_approval_of_every_promotion_that_goes_below():
    approved = promo(1, "percent_off", percent=30, allow_below_cost=True)
    unapproved = promo(2, "amount_off", amount=100)
    priced = price([line(1, price=1000, cost=800)], [approved, unapproved])
    assert priced.total == 700 and priced.lines[0].discounts == (LineDiscount(1, "P1", 300),)
    assert priced.below_cost == (1,)


def test_a_basket_share_the_guard_caps_moves_to_the_other_lines():
    cart = [line(1, price=5000, cost=4900), line(2, price=5000, cost=0)]
    priced = price(cart, [promo(1, "spend_save", threshold=10000, amount=1000)])
    assert amounts(priced) == {1: 100, 2: 900} and priced.below_cost == (1,)


# --- stacking ---------------------------------------------------------------------------------------------

def test_the_worked_example_of_the_module_docstring():
    cart = [line(1, qty=2, price=3000)]
    promotions = [promo(1, "percent_off", percent=10), promo(2, "amount_off", "best", amount=500),
                  promo(3, "member_price", "exclusive", prices=((1, 2500),))]
    priced = price(cart, promotions)
    assert priced.total == 4400 and [s.promotion_id for s in priced.savings] == [1, 2]
    spend_save = promo(4, "spend_save", threshold=5000, amount=800)
    assert price(cart, promotions + [spend_save]).total == 4400
    assert price(cart, [promotions[2], spend_save]).total == 5000     # exclusive 50.00 beats 60.00 − 8.00


def test_exclusive_applies_alone_and_wins_only_when_it_saves_more():
    stack = [promo(1, "percent_off", percent=10), promo(2, "amount_off", amount=100)]
    big_exclusive = promo(3, "percent_off", "exclusive", percent=30)
    small_exclusive = promo(4, "percent_off", "exclusive", percent=15)
    assert price([line(1)], stack + [big_exclusive]).lines[0].discounts == (LineDiscount(3, "P3", 300),)
    assert [d.promotion_id for d in price([line(1)], stack + [small_exclusive]).lines[0].discounts] == [1, 2]


def test_best_promotions_compete_for_one_place_beside_the_stackable_ones():
    stackable = promo(1, "amount_off", amount=100)
    bests = [promo(2, "percent_off", "best", percent=10), promo(3, "percent_off", "best", percent=20)]
    priced = price([line(1)], [stackable] + bests)
    assert [d.promotion_id for d in priced.lines[0].discounts] == [3, 1]     # percent before amount
    assert priced.total == 700


def test_ties_go_to_fewer_promotions_then_to_lower_ids():
    exclusive_a = promo(5, "percent_off", "exclusive", percent=20)
    exclusive_b = promo(3, "amount_off", "exclusive", amount=200)
    assert price([line(1)], [exclusive_a, exclusive_b]).savings == (LineDiscount(3, "P3", 200),)
    assert price([line(1)], [exclusive_b, exclusive_a]).savings == (LineDiscount(3, "P3", 200),)
    pair = [promo(1, "amount_off", amount=100), promo(2, "percent_off", percent=10)]     # 1000 → 900 → 800
    single = promo(9, "amount_off", "exclusive", amount=200)
    assert price([line(1)], pair + [single]).savings == (LineDiscount(9, "P9", 200),)


def test_an_exclusive_line_promotion_keeps_basket_discounts_off_its_line():
    exclusive = promo(1, "percent_off", "exclusive", percent=50, scope=Scope(product_ids=frozenset({1})))
    spend_save = promo(2, "spend_save", threshold=1000, amount=500)
    priced = price([line(1, price=2000), line(2, price=2000)], [exclusive, spend_save])
    assert priced.lines[0].discounts == (LineDiscount(1, "P1", 1000),)
    assert priced.lines[1].discounts == (LineDiscount(2, "P2", 500),)


def test_an_exclusive_basket_promotion_takes_its_lines_whole():
    percent_off = promo(1, "percent_off", percent=10)
    coupon = promo(2, "coupon", "exclusive", threshold=1000, amount=500)
    priced = price([line(1, price=2000)], [percent_off, coupon])
    assert priced.savings == (LineDiscount(2, "P2", 500),) and priced.total == 1500
    small_coupon = promo(2, "coupon", "exclusive", threshold=1000, amount=100)
    priced = price([line(1, price=2000)], [percent_off, small_coupon])
    assert priced.total == 1800 and priced.unmet == ((2, "does not combine with the better promotions in this cart"),)


def test_an_exclusive_basket_promotion_alone_on_a_plain_cart_applies():
    priced = price([line(1, price=3000), line(2, price=1000)], [promo(1, "spend_save", "exclusive", threshold=2000,
                                                                      amount=400)])
    assert amounts(priced) == {1: 300, 2: 100}


def test_a_coupon_the_cost_guard_leaves_nothing_to_take_says_so():
    priced = price([line(1, price=2000, cost=2000)], [promo(1, "coupon", threshold=1000, amount=300)])
    assert priced.discount == 0 and priced.unmet == ((1, "the eligible lines are already at cost"),)


def test_stacked_basket_promotions_apply_in_order_and_all_explained():
    cart = [line(1, price=6000), line(2, price=4000)]
    promotions = [promo(4, "coupon", threshold=5000, amount=500), promo(3, "spend_save", threshold=10000, amount=1000),
                  promo(1, "percent_off", percent=0)]
    priced = price(cart, promotions)
    assert priced.savings == (LineDiscount(3, "P3", 1000), LineDiscount(4, "P4", 500))
    assert amounts(priced) == {1: 900, 2: 600} and priced.total == 8500


# --- allocation -------------------------------------------------------------------------------------------

def test_allocate_adds_up_exactly_with_largest_remainders():
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert allocate(1000, [3333, 3333, 3334]) == [333, 333, 334]
    assert allocate(7, [0, 0]) == [0, 0] and allocate(0, [5, 5]) == [0, 0]
    for amount in (1, 99, 1001, 12345):
        assert sum(allocate(amount, [17, 4, 999, 1, 3])) == amount
    with pytest.raises(ValueError):
        allocate(10, [1, -1])


def test_basket_shares_add_up_exactly_to_the_saving():
    cart = [line(k, price=p) for k, p in ((1, 3333), (2, 3333), (3, 3334), (4, 1))]
    priced = price(cart, [promo(1, "spend_save", threshold=10000, amount=1000)])
    assert sum(d.amount for p in priced.lines for d in p.discounts) == 1000 == priced.savings[0].amount
    assert amounts(priced) == {1: 333, 2: 333, 3: 334, 4: 0}


def test_lines_come_back_in_the_order_given_and_keys_must_be_unique():
    cart = [line(3), line(1), line(2)]
    assert [p.key for p in price(cart, []).lines] == [3, 1, 2]
    with pytest.raises(ValueError):
        price([line(1), line(1)], [])
