"""The owner's numbers other analyses own, joined into the KPI table: reminder conversion per period and the
pooled results of the campaigns that ended in it, on hand-made data with known answers."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import joined_kpis
from pharmadesk.core.sales import CartLine, Payment, Prescription


def _member(store, n: int) -> int:
    return store.members.register(f"Member {n}", f"1380000{n:04d}", care_consent=True, marketing_consent=True)


def test_reminder_conversion_counts_the_period_the_reminder_was_issued_in(store, ids, clock):
    a, b, c = (_member(store, n) for n in range(3))
    first_day = store.today()
    store.care.issue_reminder(a, "refill_due", first_day, "runs out", "sms", product_id=ids.rx)
    store.care.issue_reminder(b, "refill_due", first_day, "runs out", "sms", product_id=ids.rx)
    clock.advance(days=2)
    rx = Prescription("Dr. Alice Wong", "RX-1", store.today().isoformat())
    store.sales.sell([CartLine(ids.rx, 1, prescription=rx)], [Payment("cash", 3000, tendered=3000)], member_id=a)
    clock.advance(days=8)                                     # next period: one reminder, never followed
    second_day = store.today()
    store.care.issue_reminder(c, "refill_due", second_day, "runs out", "sms", product_id=ids.rx)
    clock.advance(days=9)
    end, as_of = second_day + (second_day - first_day), store.today()
    data = frames.joined_kpi_frames(store, first_day, end, as_of)
    figures = joined_kpis.for_periods(data, second_day, end, as_of=as_of)
    current, previous = figures["reminder_conversion"]
    assert current == 0.0 and previous == pytest.approx(0.5)
    assert all(math.isnan(v) for v in figures["roi"])        # no campaign ended in either period


def test_campaign_figures_pool_the_campaigns_that_ended_in_the_period(store, ids, clock):
    members = [_member(store, n) for n in range(40)]
    start = store.today()
    campaign_id = store.campaigns.create("Test SMS", members, starts_on=start, ends_on=start + timedelta(days=2),
                                  cost=5000, holdout=0.5, seed=1)
    arms = {r["member_id"]: r["arm"] for r in store.db.all(
        "SELECT member_id, arm FROM campaign_members WHERE campaign_id = ?", (campaign_id,))}
    buyers = [m for m, arm in arms.items() if arm == "target"][:6] + [m for m, arm in arms.items()
                                                                       if arm == "holdout"][:2]
    clock.advance(days=1)
    for member in buyers:
        store.sales.sell([CartLine(ids.otc, 1)], [Payment("card", 1250, reference="TERM-0001")], member_id=member)
    clock.advance(days=5)
    end = store.today()
    ended = frames.joined_kpi_frames(store, start, end, end)["campaigns"]
    figures = joined_kpis.campaign_figures(ended, start, end, as_of=end)
    target_n = sum(1 for arm in arms.values() if arm == "target")
    holdout_n = len(arms) - target_n
    uplift = 6 / target_n - 2 / holdout_n
    assert figures["campaign_conversion"] == pytest.approx(uplift)
    assert figures["cac"] == pytest.approx(50.00 / (uplift * target_n))
    before_it_ended = joined_kpis.campaign_figures(ended, start, start + timedelta(days=2), as_of=end)
    assert all(math.isnan(v) for v in before_it_ended.values())          # its window ended after that period
