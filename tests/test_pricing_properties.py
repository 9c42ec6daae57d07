"""Property-based: whatever the cart and the promotions, the engine's totals stay sane and do not depend on
the order of the lines, and taking a line out never makes the rest dearer than the rules allow.

"Removing a line never raises another line's price" holds literally only when no discount depends on other
lines. Spend thresholds (spend_save, coupon), nth_item and buy_x_get_y are cross-line by design: taking out
one line can cost the others a 满减 share or a free unit. So it is tested twice:

* with line-local kinds only (member_price, percent_off, amount_off, points_multiplier): every remaining
  line is priced exactly as before;
* with every kind: the remaining lines together never pay more than they paid before plus the cross-line
  discounts they had received, Σ total'(l) ≤ Σ (total(l) + cross(l)) over the remaining lines l. It is true
  because each line's choice without those discounts is still allowed, and every step of a line's pricing
  (percent, amount, member price, cost guard) is monotone: a smaller running total never ends higher.
"""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pharmadesk.core.pricing import (
    KINDS, STACKING, Audience, Calendar, PriceLine, Promotion, Scope, Shopper, price_cart)

CI = settings(max_examples=200, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NOW = datetime(2026, 12, 8, 10, 30)
PRODUCTS = range(1, 6)
CATEGORIES = ("cold", "pain", "vitamins")
LOCAL_KINDS = ("member_price", "percent_off", "amount_off", "points_multiplier")
CROSS_KINDS = ("nth_item", "buy_x_get_y", "spend_save", "coupon")


@st.composite
def carts(draw, max_lines=8):
    keys = draw(st.lists(st.integers(1, 1000), min_size=1, max_size=max_lines, unique=True))
    lines = []
    for key in keys:
        price = draw(st.integers(0, 5000))
        lines.append(PriceLine(key, draw(st.sampled_from(PRODUCTS)), draw(st.sampled_from(CATEGORIES)),
                               draw(st.sampled_from(("otc", "otc", "rx", "controlled"))), draw(st.integers(0, 6)),
                               price, draw(st.integers(0, price + 100))))
    return lines


@st.composite
def scopes(draw):
    return Scope(frozenset(draw(st.sets(st.sampled_from(PRODUCTS), max_size=2))),
                 frozenset(draw(st.sets(st.sampled_from(CATEGORIES), max_size=2))),
                 frozenset(draw(st.sets(st.sampled_from(PRODUCTS), max_size=1))), draw(st.booleans()))


@st.composite
def promotion_sets(draw, kinds=KINDS):
    ids = draw(st.lists(st.integers(1, 60), max_size=7, unique=True))
    promotions = []
    for pid in ids:
        kind = draw(st.sampled_from(kinds))
        products = st.sampled_from(PRODUCTS)
        promotions.append(Promotion(
            pid, f"p{pid}", kind, f"P{pid}", scope=draw(scopes()), calendar=Calendar(date(2026, 1, 1)),
            audience=draw(st.sampled_from((Audience(), Audience("members"), Audience("tier", tier="gold")))),
            stacking=draw(st.sampled_from(STACKING)), earns_points=draw(st.booleans()),
            allow_below_cost=draw(st.booleans()), percent=draw(st.integers(0, 100)), amount=draw(st.integers(0, 3000)),
            prices=tuple((p, draw(st.integers(0, 5000))) for p in draw(st.sets(products, max_size=3))),
            tier_prices=tuple((t, draw(st.integers(50, 100))) for t in draw(st.sets(st.sampled_from(("silver", "gold"))))),
            nth=draw(st.integers(0, 4)), buy=draw(st.integers(0, 3)), get=draw(st.integers(0, 2)),
            get_product_id=draw(st.none() | products), threshold=draw(st.integers(0, 20000)),
            repeat=draw(st.booleans()), multiplier=draw(st.integers(0, 300))))
    return promotions


shoppers = st.sampled_from((Shopper(), Shopper(1), Shopper(2, "silver"), Shopper(3, "gold")))


def by_key(priced):
    return {line.key: line for line in priced.lines}


def cross_discount(priced_line, promotions):
    cross = {p.id for p in promotions if p.kind in CROSS_KINDS}
    return sum(d.amount for d in priced_line.discounts if d.promotion_id in cross)


@CI
@given(carts(), promotion_sets(), shoppers)
def test_totals_are_never_negative_nor_above_the_undiscounted_total(lines, promotions, shopper):
    priced = price_cart(lines, shopper, promotions, NOW)
    assert 0 <= priced.total <= priced.gross == sum(line.unit_price * line.quantity for line in lines)
    for line in priced.lines:
        assert 0 <= line.total <= line.gross and line.discount == sum(d.amount for d in line.discounts)
        assert all(d.amount > 0 for d in line.discounts)
        assert line.points_percent == 0 or line.earns_points
    assert sum(s.amount for s in priced.savings) == priced.discount == priced.gross - priced.total


@CI
@given(carts(), promotion_sets(), shoppers, st.data())
def test_the_order_of_the_lines_changes_nothing(lines, promotions, shopper, data):
    shuffled = data.draw(st.permutations(lines))
    first, second = price_cart(lines, shopper, promotions, NOW), price_cart(shuffled, shopper, promotions, NOW)
    assert by_key(first) == by_key(second)
    assert (first.total, first.savings, first.unmet, set(first.below_cost)) == \
           (second.total, second.savings, second.unmet, set(second.below_cost))


@CI
@given(carts(), promotion_sets(LOCAL_KINDS), shoppers, st.data())
def test_removing_a_line_leaves_every_other_line_as_it_was_when_no_discount_is_cross_line(
        lines, promotions, shopper, data):
    removed = data.draw(st.sampled_from(lines))
    before = by_key(price_cart(lines, shopper, promotions, NOW))
    after = by_key(price_cart([l for l in lines if l is not removed], shopper, promotions, NOW))
    assert after == {key: line for key, line in before.items() if key != removed.key}


@CI
@given(carts(), promotion_sets(), shoppers, st.data())
def test_removing_a_line_costs_the_rest_at_most_the_cross_line_discounts_they_had(lines, promotions, shopper, data):
    removed = data.draw(st.sampled_from(lines))
    before = by_key(price_cart(lines, shopper, promotions, NOW))
    after = price_cart([l for l in lines if l is not removed], shopper, promotions, NOW)
    allowed = sum(before[key].total + cross_discount(before[key], promotions) for key in before if key != removed.key)
    assert after.total <= allowed
