"""Campaign results: Newcombe/Wilson intervals against published values, a hand-built known answer,
and a real store with planted converters scored end to end (domain -> frames -> analysis)."""

from __future__ import annotations

from datetime import date, timedelta, timezone

import numpy as np
import pandas as pd
import pytest

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import campaigns
from pharmadesk.analytics.jobs import score_campaign
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine


# -- intervals ----------------------------------------------------------------------------------------------------

def test_wilson_interval_matches_newcombe_1998():
    # Newcombe (1998a), example: 81/263 -> 0.2553 to 0.3662
    low, high = campaigns.wilson_interval(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)
    assert campaigns.wilson_interval(0, 10)[0] == 0.0 and np.isnan(campaigns.wilson_interval(0, 0)[0])


@pytest.mark.parametrize("x1, n1, x2, n2, low, high", [
    (56, 70, 48, 80, 0.0524, 0.3339),       # Newcombe (1998b), Table II, method 10
    (9, 10, 3, 10, 0.1705, 0.8090),
    (5, 56, 0, 29, -0.0381, 0.1926),
])
def test_newcombe_interval_matches_the_published_table(x1, n1, x2, n2, low, high):
    d, lo, hi = campaigns.newcombe_interval(x1, n1, x2, n2)
    assert d == pytest.approx(x1 / n1 - x2 / n2)
    assert (round(lo, 4), round(hi, 4)) == (low, high)


# -- a hand-built campaign: every number known -------------------------------------------------------------------

CAMPAIGN = {"id": 1, "name": "Test", "starts_on": "2026-03-01", "ends_on": "2026-03-14", "cost": 1000}


def _hand_built():
    arms = pd.DataFrame({"member_id": range(1, 16), "arm": ["target"] * 10 + ["holdout"] * 5})
    rows = [(m, "2026-03-05", 1000, 300.0) for m in range(1, 7)]          # 6 of 10 targets convert
    rows += [(1, "2026-03-14", 500, 100.0)]                                 # a second purchase, last day
    rows += [(11, "2026-03-01", 1000, 300.0)]                               # 1 of 5 held out converts
    rows += [(7, "2026-02-28", 5000, 2000.0), (12, "2026-03-15", 5000, 2000.0)]   # outside the window
    purchases = pd.DataFrame(rows, columns=["member_id", "day", "revenue", "margin"])
    purchases["day"] = pd.to_datetime(purchases["day"])
    clv = pd.DataFrame({"member_id": range(1, 16), "clv": [100.0, 200, 300, 400, 500, 600] + [9999.0] * 9})
    return arms, purchases, clv


def test_campaign_results_on_a_hand_built_history():
    arms, purchases, clv = _hand_built()
    row = campaigns.campaign_results(CAMPAIGN, arms, purchases, clv=clv, as_of=date(2026, 3, 20)).iloc[0]
    assert (row.target_n, row.holdout_n, row.target_converters, row.holdout_converters) == (10, 5, 6, 1)
    assert row.target_rate == 0.6 and row.holdout_rate == 0.2
    assert row.uplift == pytest.approx(0.4)
    _, low, high = campaigns.newcombe_interval(6, 10, 1, 5)
    assert (row.uplift_low, row.uplift_high) == (pytest.approx(low), pytest.approx(high))
    assert low < 0.4 < high
    assert row.incremental_converters == pytest.approx(4.0)
    assert row.target_revenue == 6500 and row.holdout_revenue == 1000
    assert row.incremental_revenue == pytest.approx((6500 / 10 - 1000 / 5) * 10)        # 4,500
    assert row.incremental_margin == pytest.approx((1900 / 10 - 300 / 5) * 10)          # 1,300
    assert row.roi == pytest.approx((1300 - 1000) / 1000)
    assert row.cac == pytest.approx(1000 / 4)
    # CLV: mean CLV of the 6 target converters (350) x window margin ratio (2,200 / 7,500)
    assert row.clv == pytest.approx(350 * 2200 / 7500)
    assert row.clv_to_cac == pytest.approx(350 * 2200 / 7500 / 250)
    assert bool(row.window_complete) is True


def test_no_effect_no_cac_and_a_running_window():
    arms, purchases, _ = _hand_built()
    flat = purchases[purchases["member_id"].isin([1, 11])]                  # 1/10 against 1/5
    row = campaigns.campaign_results({**CAMPAIGN, "cost": 0}, arms, flat, as_of=date(2026, 3, 10)).iloc[0]
    assert row.uplift == pytest.approx(-0.1)
    assert np.isnan(row.cac) and np.isnan(row.roi) and np.isnan(row.clv_to_cac)
    assert bool(row.window_complete) is False


# -- a real store with planted converters -----------------------------------------------------------------------

def _sell(store, product, member):
    store.sales.sell([CartLine(product, 1)], [Payment("cash", 1250, tendered=2000)], member_id=member)


def test_planted_converters_in_a_real_store(store, ids, clock):
    store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "P-BIG", store.today() + timedelta(days=500), 100, 500)])
    members = [store.members.register(f"Member {i}", f"1370000{i:04d}", marketing_consent=True) for i in range(30)]
    no_consent = store.members.register("No Consent", "13711110000", marketing_consent=False)
    withdrawn = store.members.register("Withdrawn", "13711110001", marketing_consent=True)
    store.members.set_consent(withdrawn, "marketing", False, "verbal")
    start = (clock() + timedelta(days=2)).astimezone(timezone.utc).date()
    end = start + timedelta(days=13)
    _sell(store, ids.otc, members[0])                        # before the window: not a conversion
    campaign_id = store.campaigns.create("Planted", members + [no_consent, withdrawn], starts_on=start,
                                  ends_on=end, cost=2000, holdout=0.2, seed=5)
    arms = dict(store.campaigns.members(campaign_id))
    assert no_consent not in arms and withdrawn not in arms
    target = [m for m in members if arms[m] == "target"]
    holdout = [m for m in members if arms[m] == "holdout"]
    assert (len(target), len(holdout)) == (24, 6)

    clock.advance(days=3)                                    # inside the window
    for member in target[:9]:
        _sell(store, ids.otc, member)
    _sell(store, ids.otc, holdout[0])
    clock.advance(days=5)
    _sell(store, ids.otc, target[0])                         # a second purchase: revenue, not a 2nd converter
    _sell(store, ids.otc, None)                              # an anonymous sale: nobody's conversion
    clock.advance(days=10)                                   # after the window
    _sell(store, ids.otc, holdout[1])
    _sell(store, ids.otc, target[20])

    as_of = (clock() + timedelta(days=1)).astimezone(timezone.utc).date()
    row = score_campaign(store, campaign_id, as_of).iloc[0]
    assert (row.target_n, row.holdout_n, row.target_converters, row.holdout_converters) == (24, 6, 9, 1)
    assert row.uplift == pytest.approx(9 / 24 - 1 / 6)
    assert row.target_revenue == 10 * 1250 and row.holdout_revenue == 1250
    assert row.incremental_revenue == pytest.approx(10 * 1250 - 1250 / 6 * 24)
    # gross margin per sale as the store booked it: paid - VAT - cost of goods
    window = frames.member_purchase_days(store, end + timedelta(days=1), start=start, margin=True)
    sale_margin = store.db.scalar(
        "SELECT s.total - s.vat - SUM(l.quantity * l.unit_cost) FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
        "WHERE s.member_id = ? AND s.at >= ? GROUP BY s.id", (holdout[0], start.isoformat()))
    assert window.loc[window["member_id"] == holdout[0], "margin"].sum() == pytest.approx(sale_margin)
    target_margin = window.loc[window["member_id"].isin(target), "margin"].sum()
    incremental_margin = target_margin / 24 * 24 - sale_margin / 6 * 24
    assert row.incremental_margin == pytest.approx(incremental_margin)
    assert row.roi == pytest.approx((incremental_margin - 2000) / 2000)
    assert row.cac == pytest.approx(2000 / (24 * (9 / 24 - 1 / 6)))
    assert bool(row.window_complete)
    # scored while the window runs, only what was bought so far counts
    early = score_campaign(store, campaign_id, start + timedelta(days=1)).iloc[0]
    assert early.target_converters == 0 and not bool(early.window_complete)
