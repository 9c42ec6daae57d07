"""The promotion report: exact figures of a small hand-made case (discount cost, margin, members reached, a return
reclaiming its share), the same-weekday baseline on a constructed history, the holdout path through a campaign,
the verdicts, the calendar rules, and the command line."""

from __future__ import annotations

import json
import math
from datetime import date, timedelta

import pandas as pd
import pytest

from pharmadesk import env
from pharmadesk.analytics import frames_promotions
from pharmadesk.analytics.jobs import PromotionParams, run_promotion_report
from pharmadesk.analytics.models import promotions as model
from pharmadesk.analytics.models.campaigns import newcombe_interval
from pharmadesk.core.money import proportion, vat_included
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.timeutil import to_iso
from pharmadesk.errors import PermissionDenied
from tests.analytics.promotion_helpers import (
    VITAMIN_COST, VITAMIN_PRICE, add_promotion, add_vitamins, local_noon, promoted_sale,
)

LOOSE = PromotionParams(min_days=1, min_sales=1)


def _row(result, promotion_id: int) -> dict:
    return result.frame.set_index("promotion_id").loc[promotion_id].to_dict()


def _margin(line_total: int, quantity: int) -> int:
    """Gross margin of a whole vitamin line paid ``line_total``: paid - VAT - cost (the KPI definition)."""
    return line_total - vat_included(line_total, 1300) - quantity * VITAMIN_COST


# -- a small hand-made case: every number known ----------------------------------------------------------------

def test_discount_cost_margin_members_and_a_return_reclaiming_its_share(store, ids, clock):
    today = store.today()
    clock.moment = local_noon(today)
    vitamins = add_vitamins(store, ids)
    m1, m2, m3 = (store.members.register(f"Member {i}", f"1380000000{i}") for i in range(3))
    tenth = add_promotion(store, "10 % off vitamins", today, today + timedelta(days=6), products=(vitamins,),
                          percent=10)
    extra = add_promotion(store, "Extra 100 off", today, today + timedelta(days=6), kind="amount_off",
                          products=(vitamins,), amount=100, stacking="stackable")
    promoted_sale(store, [(vitamins, 2, {tenth: 400})], member_id=m1)                   # line_total 3,600
    promoted_sale(store, [(vitamins, 1, {tenth: 200}), (ids.otc, 1, {})])               # walk-in, 1,800 + 1,250
    returned = promoted_sale(store, [(vitamins, 3, {tenth: 600})], member_id=m2)       # 5,400, one unit back
    gone = promoted_sale(store, [(vitamins, 1, {tenth: 200})], member_id=m3)           # 1,800, all back
    promoted_sale(store, [(vitamins, 1, {tenth: 200, extra: 100})])                     # 1,700, two promotions
    store.returns.return_items(returned.receipt_no, [ReturnItem(returned.lines[0].sale_line_id, 1)], "not needed")
    store.returns.return_items(gone.receipt_no, [ReturnItem(gone.lines[0].sale_line_id, 1)], "not needed")
    # as the schema says: the promotions' amounts are the line's whole discount, line_total = gross - discount
    lines = store.db.all("SELECT l.quantity * l.unit_price - l.discount AS net, l.line_total, l.discount, "
                         "(SELECT SUM(amount) FROM sale_line_promotions p WHERE p.sale_line_id = l.id) AS shares "
                         "FROM sale_lines l WHERE l.product_id = ?", (vitamins,))
    assert all(r["net"] == r["line_total"] and r["discount"] == r["shares"] for r in lines)

    result = run_promotion_report(store, today + timedelta(days=1))
    row = _row(result, tenth)
    # sales: 3,600 + 1,800 + (5,400 - 1,800 refunded) + 0 + 1,700; units 2 + 1 + 2 + 0 + 1
    assert (row["sales"], row["units"]) == (3600 + 1800 + 3600 + 1700, 6)
    # discount cost: the return of 1 of 3 units reclaims 200 of 600; the full return reclaims all 200
    assert row["discount_cost"] == 400 + 200 + (600 - proportion(600, 1, 3)) + 0 + 200 == 1200
    # margin: paid - VAT - cost per line, the returned line's scaled to the 2 units kept
    assert row["margin"] == round(_margin(3600, 2) + _margin(1800, 1) + _margin(5400, 3) * 2 / 3 + _margin(1700, 1))
    assert row["margin"] == 1586 + 793 + 1586 + 704
    assert (row["members_reached"], row["promoted_sales"]) == (2, 4)           # m3 returned everything
    assert row["running_days"] == 1 and row["verdict"] == "too_early" and math.isnan(row["verdict_amount"])
    stacked = _row(result, extra)
    assert (stacked["sales"], stacked["units"], stacked["discount_cost"], stacked["margin"]) == (1700, 1, 100, 704)
    assert stacked["members_reached"] == 0
    # a backtest from the day they started: listed (the design), nothing sold yet
    before = _row(run_promotion_report(store, today), tenth)
    assert (before["sales"], before["discount_cost"], before["running_days"]) == (0, 0, 0)


def test_points_redeemed_are_spread_over_the_lines_like_a_refund(store, ids, clock):
    """A sale paid partly with points: each line is paid its share of the sale total."""
    today = store.today()
    clock.moment = local_noon(today)
    vitamins = add_vitamins(store, ids)
    member = store.members.register("Points Member", "13800000009")
    with store.db.transaction():
        store.members.post_points(member, 500, "adjust")
    promotion = add_promotion(store, "Vitamins", today, products=(vitamins,))
    sale = promoted_sale(store, [(vitamins, 1, {promotion: 200}), (ids.otc, 1, {})], member_id=member,
                         redeem_points=100)
    assert 0 < sale.redeem_value and sale.total == 1800 + 1250 - sale.redeem_value
    row = _row(run_promotion_report(store, today + timedelta(days=1)), promotion)
    share = sale.total / (1800 + 1250)
    assert row["sales"] == round(1800 * share)
    assert row["margin"] == round((1800 - vat_included(1800, 1300) * 1.0) * share - VITAMIN_COST)


# -- the calendar and the comparison days ------------------------------------------------------------------------

def test_running_days_follow_weekdays_month_days_and_the_end():
    promotion = {"starts_on": "2026-03-01", "ends_on": "2026-04-30", "weekdays": "", "month_days": "8,18,28",
                 "ended_on": None}
    assert model.running_days(promotion, date(2026, 3, 20)) == [date(2026, 3, 8), date(2026, 3, 18)]
    weekends = {**promotion, "month_days": "", "weekdays": "5,6", "ended_on": date(2026, 3, 8)}
    assert model.running_days(weekends, date(2026, 6, 1)) == [date(2026, 3, 1), date(2026, 3, 7), date(2026, 3, 8)]
    assert model.running_days({**promotion, "starts_on": "2026-05-01"}, date(2026, 4, 1)) == []


def test_a_member_day_compares_with_the_other_days_same_weekday():
    running = {date(2026, 3, 8), date(2026, 3, 18), date(2026, 3, 28), date(2026, 2, 28)}
    # 2026-03-18 is a Wednesday; the Wednesdays before it that are not member days
    assert model.comparison_days(date(2026, 3, 18), running, date(2026, 1, 1)) == [
        date(2026, 3, 11), date(2026, 3, 4), date(2026, 2, 25), date(2026, 2, 18)]
    # 2026-03-28 is a Saturday: 2026-02-28 (a member day too) is skipped
    assert model.comparison_days(date(2026, 3, 28), running, date(2026, 1, 1)) == [
        date(2026, 3, 21), date(2026, 3, 14), date(2026, 3, 7), date(2026, 2, 21)]
    assert model.comparison_days(date(2026, 3, 18), running, date(2026, 3, 5)) == [date(2026, 3, 11)]
    assert model.comparison_days(date(2026, 3, 18), running, date(2026, 3, 18)) == []


def test_scope_leaves_out_rx_and_controlled_unless_asked():
    products = pd.DataFrame({"product_id": [1, 2, 3, 4], "category": ["otc", "chronic", "acute", "otc"],
                             "legal_class": ["otc", "rx", "controlled", "otc"]})
    nothing = pd.DataFrame({"promotion_id": [], "product_id": [], "category": [], "excluded": []}).astype(
        {"excluded": bool})
    assert model.scope_products(products, nothing, include_rx=False) == {1, 4}
    assert model.scope_products(products, nothing, include_rx=True) == {1, 2, 3, 4}
    listed = pd.DataFrame({"promotion_id": [1, 1], "product_id": [pd.NA, 4], "category": ["otc", None],
                           "excluded": [False, True]})
    assert model.scope_products(products, listed, include_rx=False) == {1}


@pytest.mark.parametrize("net, enough, compared, expected", [
    (1230.4, True, True, ("paid_for_itself", 1230.0)),
    (0.0, True, True, ("paid_for_itself", 0.0)),
    (-1230.0, True, True, ("cost_more", 1230.0)),
    (5000.0, False, True, ("too_early", None)),
    (float("nan"), True, False, ("no_baseline", None)),
])
def test_verdict_codes(net, enough, compared, expected):
    code, amount = model.verdict(net, enough=enough, compared=compared)
    assert code == expected[0]
    assert math.isnan(amount) if expected[1] is None else amount == expected[1]


# -- the same-weekday baseline on a constructed history ------------------------------------------------------------

def _usual_units(day: date) -> int:
    return 2 if day.weekday() >= 5 else 1                      # weekends sell twice as much


@pytest.mark.parametrize("units, discount, verdict, amount", [
    (3, 600, "paid_for_itself", 7 * 2379 - 9 * 970),          # 16,653 - 8,730 = +7,923
    (1, 1000, "cost_more", 9 * 970 - 7 * 85),                 # 8,730 - 595: cost 8,135 more
])
def test_same_weekday_baseline(store, ids, clock, units, discount, verdict, amount):
    today = store.today()
    clock.moment = local_noon(today)
    vitamins = add_vitamins(store, ids)
    start = today + timedelta(days=28)
    for offset in range(28):                                   # four ordinary weeks at full price
        day = today + timedelta(days=offset)
        clock.moment = local_noon(day)
        store.sales.sell([CartLine(vitamins, _usual_units(day))], [Payment("cash", VITAMIN_PRICE * _usual_units(day))])
    clock.moment = local_noon(start - timedelta(days=1))
    promotion = add_promotion(store, "Vitamin week", start, start + timedelta(days=6), products=(vitamins,))
    for offset in range(7):                                    # a week of promoted sales
        clock.moment = local_noon(start + timedelta(days=offset))
        promoted_sale(store, [(vitamins, units, {promotion: discount})])
    clock.moment = local_noon(start + timedelta(days=7))
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])   # out of scope: changes nothing

    result = run_promotion_report(store, start + timedelta(days=8), PromotionParams(min_sales=5))
    row = _row(result, promotion)
    usual = sum(_usual_units(start + timedelta(days=k)) for k in range(7))          # 5 x 1 + 2 x 2 = 9
    expected_margin = usual * _margin(VITAMIN_PRICE, 1)                             # 9 x 970
    line_total = units * VITAMIN_PRICE - discount
    actual_margin = 7 * _margin(line_total, units)
    assert (row["method"], row["running_days"], row["compared_days"]) == ("weekdays", 7, 7)
    assert row["expected_sales"] == usual * VITAMIN_PRICE and row["actual_sales"] == 7 * line_total
    assert row["expected_margin"] == expected_margin and row["actual_margin"] == actual_margin
    assert row["sales_uplift"] == pytest.approx(7 * line_total / (usual * VITAMIN_PRICE) - 1)
    assert row["net_effect"] == actual_margin - expected_margin
    assert row["incremental_margin"] == row["net_effect"] + 7 * discount == row["net_effect"] + row["discount_cost"]
    assert row["verdict"] == verdict and row["verdict_amount"] == abs(actual_margin - expected_margin)
    assert row["verdict_amount"] == amount                                         # worked out by hand
    daily = result.daily[result.daily["promotion_id"] == promotion]
    assert len(daily) == 7 and set(daily["baseline_days"]) == {4}
    # too short a run to judge with the defaults (7 promoted sales < 10)
    assert _row(run_promotion_report(store, start + timedelta(days=8)), promotion)["verdict"] == "too_early"


def test_no_history_before_the_promotion_has_no_baseline(store, ids, clock):
    today = store.today()
    clock.moment = local_noon(today)
    vitamins = add_vitamins(store, ids)
    promotion = add_promotion(store, "Opening week", today, products=(vitamins,))
    for offset in range(3):
        clock.moment = local_noon(today + timedelta(days=offset))
        promoted_sale(store, [(vitamins, 1, {promotion: 200})])
    row = _row(run_promotion_report(store, today + timedelta(days=3), LOOSE), promotion)
    assert (row["running_days"], row["compared_days"], row["verdict"]) == (3, 0, "no_baseline")
    assert row["discount_cost"] == 600


# -- the holdout path via a campaign ------------------------------------------------------------------------------

def test_holdout_from_the_campaign_the_members_came_from(store, ids, clock):
    today = store.today()
    clock.moment = local_noon(today)
    vitamins = add_vitamins(store, ids)
    members = [store.members.register(f"Member {i}", f"1370000{i:04d}", marketing_consent=True) for i in range(30)]
    start = today + timedelta(days=1)
    campaign = store.campaigns.create("Vitamin coupon group", members, starts_on=start,
                                      ends_on=start + timedelta(days=6), holdout=0.2, seed=5)
    arms = dict(store.campaigns.members(campaign))
    target = [m for m in members if arms[m] == "target"]
    holdout = [m for m in members if arms[m] == "holdout"]
    promotion = add_promotion(store, "Member vitamins", start, start + timedelta(days=6), products=(vitamins,),
                              campaign_id=campaign)
    with store.db.transaction():
        for member in target:
            store.db.insert("promotion_members", {"promotion_id": promotion, "member_id": member})
    clock.moment = local_noon(start + timedelta(days=2))
    for member in target:                                       # every target member uses it
        promoted_sale(store, [(vitamins, 1, {promotion: 200})], member_id=member)
    store.sales.sell([CartLine(vitamins, 1)], [Payment("cash", VITAMIN_PRICE)], member_id=holdout[0])

    row = _row(run_promotion_report(store, start + timedelta(days=7)), promotion)
    n1, n2 = len(target), len(holdout)
    assert (row["method"], row["target_n"], row["holdout_n"]) == ("holdout", n1, n2)
    uplift, low, high = newcombe_interval(n1, n1, 1, n2)
    assert row["conversion_uplift"] == pytest.approx(uplift)
    assert (row["conversion_uplift_low"], row["conversion_uplift_high"]) == (pytest.approx(low), pytest.approx(high))
    target_margin = _margin(1800, 1)                            # 793 each
    holdout_margin = _margin(VITAMIN_PRICE, 1)                  # 970, one of them
    net = round((target_margin - holdout_margin / n2) * n1)
    assert row["net_effect"] == net
    assert row["discount_cost"] == 200 * n1 and row["incremental_margin"] == net + 200 * n1
    assert (row["verdict"], row["verdict_amount"]) == ("paid_for_itself", net)
    assert row["members_reached"] == n1


# -- coupons, permissions, the command line ----------------------------------------------------------------------

def test_coupon_counts(store, ids, clock):
    today = store.today()
    clock.moment = local_noon(today)
    promotion = add_promotion(store, "Coupon 10", today, kind="coupon", amount=1000, threshold=5000)
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    now = to_iso(store.now())
    rows = [("A", None, None, today + timedelta(days=30)),               # issued, still valid
            ("B", now, None, today + timedelta(days=30)),                # redeemed
            ("C", now, now, today + timedelta(days=30)),                 # redeemed, given back by a return
            ("D", None, None, today),                                    # expired (as of tomorrow)
            ("E", None, None, today - timedelta(days=1))]                # expired
    with store.db.transaction():
        for code, redeemed, restored, expires in rows:
            store.db.insert("coupons", {"promotion_id": promotion, "code": code, "issued_at": now,
                                        "expires_on": expires.isoformat(), "redeemed_at": redeemed,
                                        "redeemed_sale_id": sale.sale_id if redeemed else None,
                                        "restored_at": restored})
    row = _row(run_promotion_report(store, today + timedelta(days=1)), promotion)
    assert (row["coupons_issued"], row["coupons_redeemed"], row["coupons_expired"]) == (5, 1, 2)
    assert _row(run_promotion_report(store, today), promotion)["coupons_issued"] == 0


def test_staff_cannot_read_promotion_results(open_store):
    cashier = open_store("cashier")
    with pytest.raises(PermissionDenied):
        run_promotion_report(cashier, cashier.today())
    with pytest.raises(PermissionDenied):
        frames_promotions.promoted_lines(cashier, cashier.today())


def test_cli_report_promotions(store_dir, open_store, ids, clock, monkeypatch, capsys):
    from pharmadesk.cli.main import main as cli_main
    from tests.conftest import PASSPHRASE, PASSWORDS

    store = open_store("owner")
    today = store.today()
    clock.moment = local_noon(today)
    vitamins = add_vitamins(store, ids)
    member = store.members.register("Wang Fang", "13912345678")
    promotion = add_promotion(store, "Vitamins 10 %", today, products=(vitamins,), percent=10)
    promoted_sale(store, [(vitamins, 2, {promotion: 400})], member_id=member)
    expected = _row(run_promotion_report(store, today + timedelta(days=1)), promotion)
    store.close()

    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)
    as_of = (today + timedelta(days=1)).isoformat()
    capsys.readouterr()
    assert cli_main(["report", "promotions", "--store", str(store_dir), "--as-of", as_of, "--format", "json"]) == 0
    out = capsys.readouterr().out
    printed = json.loads(out)
    assert len(printed) == 1 and printed[0]["promotion_id"] == promotion
    for key in ("units", "members_reached", "verdict"):
        assert printed[0][key] == expected[key], key
    for key in ("sales", "discount_cost", "margin"):            # money: exact cents, named *_minor
        assert printed[0][f"{key}_minor"] == expected[key] and key not in printed[0], key
    assert printed[0]["verdict_text"] == "too early to tell"
    assert "Wang" not in out and "13912345678" not in out and "member_id" not in out
    assert cli_main(["report", "promotions", "--store", str(store_dir), "--as-of", as_of, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("promotion_id,name,kind")
    assert cli_main(["report", "promotions", "--store", str(store_dir), "--as-of", as_of]) == 0
    table = capsys.readouterr().out
    assert "Vitamins 10 %" in table and f"{expected['discount_cost'] / 100:,.2f}" in table   # currency units
