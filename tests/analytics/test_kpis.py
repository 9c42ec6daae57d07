"""Owner KPIs: exact figures on a tiny hand-built store, and the demo store's figures hang together."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta, timezone

import pandas as pd
import pytest

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import kpis
from pharmadesk.errors import PermissionDenied
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.stock import ReceiptLine


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.utc)


@pytest.fixture
def tiny(store, ids, clock, tmp_path):
    """Day D: the template's stock arrives (paracetamol 10 x 5.00 + 5 x 4.80 expiring D+20, ramipril 20 x 15.00,
    tramadol 10 x 9.00, cough syrup 4 x 7.00 expiring D+1). Day D+1: 10 more syrup (7.00, expiring D+45), two
    members, four till sales, one imported sale without cost, and one unit of sale 1 returned."""
    d = date.fromisoformat(store.db.scalar("SELECT MIN(at) FROM stock_moves")[:10])
    day = d + timedelta(days=1)
    clock.moment = _at(day, 7, 0)
    store.stock.receive(ids.supplier, [ReceiptLine(ids.expired_only, "C-2", day + timedelta(days=44), 10, 700)])
    a = store.members.register("Alice Tester", "13800000001")
    b = store.members.register("Bob Tester", "13800000002")
    clock.moment = _at(day, 8, 0)
    s1 = store.sales.sell([CartLine(ids.expired_only, 2)], [Payment("cash", 3600)], member_id=a)
    s2 = store.sales.sell([CartLine(ids.otc, 1)], [Payment("card", 1250, reference="TERM-0001")], member_id=a)
    s3 = store.sales.sell([CartLine(ids.expired_only, 3)], [Payment("cash", 5400)])
    s4 = store.sales.sell([CartLine(ids.expired_only, 1)], [Payment("cash", 1800)], member_id=b)
    line = store.db.scalar("SELECT id FROM sale_lines WHERE sale_id = ?", (s1.sale_id,))
    clock.moment = _at(day, 9, 0)
    store.returns.return_items(s1.receipt_no, [ReturnItem(line, 1)], "changed mind")
    csv = tmp_path / "history.csv"
    csv.write_text(f"date,barcode,quantity,unit_price,receipt\n{day} 07:30,OLDSYRUP,1,10.00,OLD-77\n")
    report = store.imports.csv("sales", csv)
    assert report.imported == 1
    clock.moment = _at(day + timedelta(days=3), 9, 0)
    return {"day": day, "d": d, "vat2": s2.vat, "totals": [s.total for s in (s1, s2, s3, s4)]}


def test_known_answers_on_a_tiny_store(store, tiny):
    day = tiny["day"]
    assert tiny["totals"] == [3600, 1250, 5400, 1800]
    inputs = frames.kpi_frames(store, day - timedelta(days=1), day + timedelta(days=1))
    table = kpis.owner_kpis(inputs, day, day + timedelta(days=1)).set_index("kpi")
    cur = table["current"]
    assert cur["sales"] == pytest.approx(130.50)               # 36 + 12.50 + 54 + 18 + 10 (imported)
    assert cur["transactions"] == 5
    assert cur["average_ticket"] == pytest.approx(26.10)
    assert cur["items_per_basket"] == pytest.approx(8 / 5)
    assert cur["refunds"] == pytest.approx(18.00)
    assert cur["refund_count"] == 1
    assert cur["net_sales"] == pytest.approx(112.50)
    # margin over the four till sales, net of VAT; the imported sale (no cost) is left out and shown apart
    net_revenue = 3600 + 1250 - tiny["vat2"] + 5400 + 1800
    cogs = 2 * 700 + 480 + 3 * 700 + 700                         # paracetamol from the FEFO batch at 4.80
    assert tiny["vat2"] > 0
    assert cur["gross_margin"] == pytest.approx((net_revenue - cogs) / 100)
    assert cur["gross_margin_pct"] == pytest.approx((net_revenue - cogs) / net_revenue)
    assert cur["sales_without_cost"] == pytest.approx(10.00)
    assert cur["new_members"] == 2
    assert cur["active_members"] == 2
    assert cur["repeat_rate"] == pytest.approx(0.5)              # Alice bought twice, Bob once
    start_value = 10 * 500 + 5 * 480 + 20 * 1500 + 10 * 900 + 4 * 700                     # 49,200
    end_value = 10 * 500 + 4 * 480 + 20 * 1500 + 10 * 900 + 1 * 700 + 8 * 700             # 52,220
    assert cur["inventory_value"] == pytest.approx(end_value / 100)
    assert cur["inventory_turnover"] == pytest.approx(cogs / ((start_value + end_value) / 2))
    assert cur["inventory_turnover_annual"] == pytest.approx(cogs / ((start_value + end_value) / 2) * 365)
    assert cur["near_expiry_value_30"] == pytest.approx(4 * 480 / 100)                    # paracetamol, D+20
    assert cur["near_expiry_value_60"] == pytest.approx((4 * 480 + 8 * 700) / 100)       # + syrup, D+45
    assert cur["near_expiry_value_90"] == pytest.approx((4 * 480 + 8 * 700) / 100)
    assert cur["expired_value"] == pytest.approx(7.00)       # the returned syrup unit went back to OLD-1

    prev = table["previous"]      # day D: stock arrived, nothing sold
    assert prev["sales"] == 0 and prev["transactions"] == 0
    assert math.isnan(prev["average_ticket"])
    assert prev["inventory_value"] == pytest.approx(start_value / 100)
    assert table.loc["sales", "change"] == pytest.approx(130.50)
    assert set(table["unit"]) <= {"currency", "count", "share", "ratio", "units"}
    assert "reminder_conversion" not in table.index
    notes = kpis.kpi_notes(table.reset_index(), tiny["day"], tiny["day"] + timedelta(days=1))
    day, before = tiny["day"].isoformat(), (tiny["day"] - timedelta(days=1)).isoformat()
    assert notes == [f"From {day} to {day} (local dates, both days included), compared with {before} to {before}."]
    assert all("ltv" not in note and "joined" not in note for note in notes)     # owner words, no internals
    assert notes[0].context == "analytics" and notes[0].params["first"] == day     # translatable template


def test_as_of_excludes_later_data(store, tiny):
    day = tiny["day"]
    inputs = frames.kpi_frames(store, day - timedelta(days=2), day)     # ends before the sales day
    table = kpis.owner_kpis(inputs, day - timedelta(days=1), day).set_index("kpi")
    assert table.loc["sales", "current"] == 0
    assert table.loc["new_members", "current"] == 0
    assert table.loc["inventory_value", "current"] == pytest.approx(49200 / 100)


def test_joined_kpis_are_rows_only_when_given(store, tiny):
    day = tiny["day"]
    inputs = frames.kpi_frames(store, day - timedelta(days=1), day + timedelta(days=1))
    table = kpis.owner_kpis(inputs, day, day + timedelta(days=1), reminder_conversion=(0.4, 0.3),
                            ltv=250.0).set_index("kpi")
    assert table.loc["reminder_conversion", "current"] == pytest.approx(0.4)
    assert table.loc["reminder_conversion", "change"] == pytest.approx(0.1)
    assert table.loc["ltv", "current"] == pytest.approx(250.0) and math.isnan(table.loc["ltv", "previous"])
    assert "roi" not in table.index and "cac" not in table.index


def test_inventory_must_be_loaded_at_the_boundaries(store, tiny):
    day = tiny["day"]
    inputs = frames.kpi_frames(store, day - timedelta(days=1), day + timedelta(days=1))
    with pytest.raises(ValueError):
        kpis.period_kpis(inputs, day, day + timedelta(days=2))


def test_cashier_may_not_load_kpis(open_store):
    cashier = open_store("cashier")
    with pytest.raises(PermissionDenied):
        frames.kpi_frames(cashier, date(2026, 1, 1), date(2026, 2, 1))


def test_demo_store_kpis_hang_together(tmp_path):
    from pharmadesk.demo.build import build_demo_store

    end = date(2026, 6, 1)
    demo = build_demo_store(tmp_path / "demo", members=400, years=1, seed=3, end_date=end,
                            kdf={"time_cost": 1, "memory_cost": 8192, "parallelism": 1})
    try:
        start = end - timedelta(days=30)
        table = kpis.owner_kpis(frames.kpi_frames(demo, start - timedelta(days=30), end), start, end).set_index("kpi")
        total = demo.db.scalar("SELECT SUM(total) FROM sales WHERE at >= ? AND at < ?",
                               (start.isoformat(), end.isoformat()))
    finally:
        demo.close()
    cur = table["current"]
    assert cur["sales"] == pytest.approx(total / 100)
    assert cur["transactions"] > 0 and cur["active_members"] > 0
    assert 0 < cur["gross_margin_pct"] < 1
    assert 0 <= cur["repeat_rate"] <= 1
    assert cur["inventory_value"] > 0 and cur["inventory_turnover"] > 0
    assert cur["near_expiry_value_30"] <= cur["near_expiry_value_60"] <= cur["near_expiry_value_90"]
    assert not pd.isna(table.loc["sales", "previous"])


def test_periods_are_the_stores_local_days(store, ids, clock, shanghai_time):
    """In UTC+8 a sale at 17:00 UTC is rung up at 01:00 the next local day, and counts on that day."""
    day = date.fromisoformat(store.db.scalar("SELECT MIN(at) FROM stock_moves")[:10]) + timedelta(days=2)
    clock.moment = _at(day, 15, 30)                       # 23:30 local on `day`
    early = store.sales.sell([CartLine(ids.otc, 1)], [Payment("card", 1250, reference="TERM-0001")])
    clock.moment = _at(day, 17, 0)                        # 01:00 local on `day + 1`
    late = store.sales.sell([CartLine(ids.otc, 2)], [Payment("card", 2500, reference="TERM-0001")])
    clock.moment = _at(day + timedelta(days=3), 9, 0)
    inputs = frames.kpi_frames(store, day, day + timedelta(days=2))
    table = kpis.owner_kpis(inputs, day + timedelta(days=1), day + timedelta(days=2)).set_index("kpi")
    assert table.loc["sales", "current"] == pytest.approx(late.total / 100)
    assert table.loc["sales", "previous"] == pytest.approx(early.total / 100)
    assert frames.day_start(day + timedelta(days=1)) == pd.Timestamp(f"{day}T16:00:00Z")
    local = frames.local_times(frames.sales_between(store, day, day + timedelta(days=2))["at"])
    assert [t.date() for t in local] == [day, day + timedelta(days=1)]
