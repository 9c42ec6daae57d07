"""Reorder suggestions: known answers on hand-built frames, and the real store's loaders and as_of rule."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import reorder
from pharmadesk.core.sales import CartLine, Payment

AS_OF = date(2026, 6, 1)


def _inputs(demand: dict[int, np.ndarray], *, on_hand: dict[int, int], on_order: dict[int, int] | None = None,
            multiple: int = 1, moq: int = 1, shelf_days: int = 400, legal: str = "otc", lead: int = 2, review: int = 7):
    days = len(next(iter(demand.values())))
    index = pd.date_range(pd.Timestamp(AS_OF) - pd.Timedelta(days=days), periods=days, freq="D")
    demand_frame = pd.DataFrame(demand, index=index)
    pids = list(demand)
    products = pd.DataFrame({
        "product_id": pids, "name": [f"P{p}" for p in pids], "category": "otc", "legal_class": legal,
        "supplier_id": pd.array([1] * len(pids), dtype="Int64"), "supplier_name": "S", "lead_time_days": lead,
        "review_days": review, "order_multiple": multiple, "min_order_qty": moq, "active": True, "unit_cost": 100.0})
    received = pd.Timestamp(AS_OF) - pd.Timedelta(days=10)
    batches = pd.DataFrame({
        "batch_id": pids, "product_id": pids, "expiry": received + pd.Timedelta(days=shelf_days),
        "unit_cost": 100, "received_qty": 1000, "on_hand": [on_hand[p] for p in pids], "received": received,
        "held": 0})
    batches["sellable"] = batches["expiry"] >= pd.Timestamp(AS_OF)
    orders = pd.DataFrame({"product_id": list((on_order or {}).keys()), "on_order": list((on_order or {}).values())})
    return demand_frame, products, batches, orders


def _one(**kwargs) -> pd.Series:
    return reorder.suggest(*_inputs(**kwargs), AS_OF).iloc[0]


def test_constant_demand_known_safety_stock_and_order_up_to():
    row = _one(demand={1: np.full(365, 10.0)}, on_hand={1: 50})
    assert row["demand_class"] == "smooth" and row["forecast_daily"] == pytest.approx(10.0)
    assert row["forecast_weekly"] == pytest.approx(70.0) and row["days_of_stock"] == pytest.approx(5.0)
    assert row["sd_lead_review"] == pytest.approx(0.0)
    assert row["safety_stock"] == pytest.approx(0.0)
    assert row["order_up_to"] == 90              # 10/day x (2 lead + 7 review) + no safety stock
    assert row["reorder_point"] == 90            # order-up-to: any position below S is topped up
    assert row["raw_qty"] == 40 and row["suggested_qty"] == 40
    assert row["stock_value"] == 50 * 100 and row["order_value"] == 40 * 100
    assert "order 40" in row["why"]


def test_no_order_above_the_reorder_point():
    row = _one(demand={1: np.full(365, 10.0)}, on_hand={1: 91})
    assert row["suggested_qty"] == 0 and row["raw_qty"] == 0 and "no order" in row["why"]


def test_on_order_is_subtracted():
    row = _one(demand={1: np.full(365, 10.0)}, on_hand={1: 50}, on_order={1: 30})
    assert row["position"] == 80 and row["suggested_qty"] == 10
    assert _one(demand={1: np.full(365, 10.0)}, on_hand={1: 50}, on_order={1: 41})["suggested_qty"] == 0


def test_rounding_up_to_pack_multiple_and_minimum_order():
    assert _one(demand={1: np.full(365, 10.0)}, on_hand={1: 50}, multiple=12)["suggested_qty"] == 48
    row = _one(demand={1: np.full(365, 10.0)}, on_hand={1: 50}, multiple=12, moq=150)
    assert row["rounded_qty"] == 156 and row["suggested_qty"] == 156     # MOQ itself rounded up to the multiple
    np.testing.assert_array_equal(reorder.order_quantity([0, 1, 13, 24], [12] * 4, [1] * 4), [0, 12, 24, 24])


def test_expiry_cap():
    # shelf life 35 days - 30 margin + 2 lead = 7 days x 10/day = 70 sellable, minus 50 in position -> 20
    row = _one(demand={1: np.full(365, 10.0)}, on_hand={1: 50}, shelf_days=35)
    assert row["capped"] and row["expiry_cap"] == 20 and row["suggested_qty"] == 20
    assert "before a new batch expires" in row["why"]
    # when the cap is below the minimum order nothing is ordered
    row = _one(demand={1: np.full(365, 10.0)}, on_hand={1: 50}, shelf_days=35, moq=100)
    assert row["capped"] and row["suggested_qty"] == 0 and "not ordered" in row["why"]


def test_rx_products_are_suggested_and_grouped_into_draft_orders():
    result = reorder.suggest(*_inputs(demand={1: np.full(365, 10.0), 2: np.full(365, 2.0)}, on_hand={1: 50, 2: 0},
                                      legal="rx"), AS_OF)
    assert set(result.loc[result["suggested_qty"] > 0, "product_id"]) == {1, 2}
    assert reorder.draft_orders(result) == {1: [(1, 40), (2, 18)]}


def test_intermittent_uses_a_discrete_distribution():
    y = np.zeros(365)
    y[::5] = 2.0
    row = _one(demand={1: y, 2: np.full(365, 5.0)}, on_hand={1: 0, 2: 0})   # 2 keeps the store open every day
    assert row["demand_class"] == "intermittent" and row["distribution"] == "negative binomial"
    assert row["reorder_point"] >= round(row["demand_lead_review"]) and row["suggested_qty"] > 0


# -- the real store ----------------------------------------------------------------------------------------------

def _suggest(store, as_of):
    return reorder.suggest(frames.reorder_daily_demand(store, as_of, 60), frames.reorder_products(store, as_of),
                           frames.reorder_batches(store, as_of), frames.reorder_on_order(store, as_of), as_of,
                           window=60)


def test_as_of_excludes_later_sales_and_loaders_read_the_ledger(store, ids):
    today = store.today()
    before = _suggest(store, today)
    store.sales.sell([CartLine(ids.otc, 3)], [Payment("cash", 3750, tendered=4000)])
    after = _suggest(store, today)
    pd.testing.assert_frame_equal(before, after)
    tomorrow = _suggest(store, today + timedelta(days=1)).set_index("product_id")
    assert tomorrow.loc[ids.otc, "on_hand"] == 15 - 3        # both batches, FEFO took 3 from P-SOON
    demand = frames.reorder_daily_demand(store, today + timedelta(days=1), 60)
    assert demand[ids.otc].iloc[-1] == 3 and demand[ids.otc].sum() == 3
    assert ids.rx in set(tomorrow.index)                       # Rx stock is part of reorder
    assert tomorrow.loc[ids.expired_only, "on_hand"] == 4       # sellable until its expiry tomorrow


def test_units_awaiting_acceptance_or_in_quarantine_are_not_in_the_stock_position(gsp_store, ids, clock):
    from pharmadesk.core.stock import ReceiptLine

    store = gsp_store
    day = store.today()
    on_hand = lambda as_of: _suggest(store, as_of).set_index("product_id").loc[ids.otc, "on_hand"]  # noqa: E731
    assert on_hand(day + timedelta(days=1)) == 15
    receipt = store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "QA-9", day + timedelta(days=300), 10, 400)])
    batch = store.db.scalar("SELECT id FROM batches WHERE batch_no = 'QA-9'")
    assert on_hand(day + timedelta(days=1)) == 15                      # 10 received, none accepted yet
    clock.advance(days=1)
    store.quality.accept(receipt, batch, "quarantine", 10, "seal broken", quantity=4)
    store.quality.accept(receipt, batch, "accepted", 6, "intact")
    assert on_hand(day + timedelta(days=2)) == 15 + 6                  # 4 held in quarantine
    clock.advance(days=1)
    [held] = store.quality.quarantined()
    store.quality.release_quarantine(held.id, "Seal intact after a second look")
    held_then = frames.reorder_batches(store, day + timedelta(days=1)).set_index("batch_id").loc[batch, "held"]
    assert held_then == 10                                             # the past is read from the records
    assert on_hand(day + timedelta(days=2)) == 15 + 6 and on_hand(day + timedelta(days=3)) == 15 + 10


def test_on_order_loader_counts_sent_orders_only(store, ids):
    order = store.stock.create_order(ids.supplier, [(ids.otc, 24)])
    tomorrow = store.today() + timedelta(days=1)
    assert frames.reorder_on_order(store, tomorrow).empty      # a draft is not on order
    store.stock.send_order(order)
    on_order = frames.reorder_on_order(store, tomorrow).set_index("product_id")["on_order"]
    assert on_order.to_dict() == {ids.otc: 24}
    assert frames.reorder_on_order(store, store.today()).empty  # sent today: not before as_of = today


def test_loaders_need_the_analytics_permission(open_store):
    from pharmadesk.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        frames.reorder_daily_demand(open_store("pharmacist"), date.today())


def test_the_service_level_per_category_comes_from_the_settings(store, ids):
    from pharmadesk.analytics import jobs

    assert store.settings.service_levels() == {"chronic": 0.98, "acute": 0.95, "otc": 0.95, "supplement": 0.95,
                                               "mother_baby": 0.95, "personal_care": 0.95, "device": 0.95}
    store.set_setting("service_level_otc_pct", "90")
    as_of = store.today() + timedelta(days=1)
    table = jobs.run_reorder(store, as_of).frame.set_index("product_id")
    products = frames.reorder_products(store, as_of).set_index("product_id")
    expected = products["category"].map(store.settings.service_levels())
    pd.testing.assert_series_equal(table["service_level"].sort_index(), expected[table.index].sort_index(),
                                   check_names=False)
    assert (table.loc[products.index[products["category"] == "otc"].intersection(table.index), "service_level"]
            == 0.90).all()
    every = jobs.run_reorder(store, as_of, jobs.ReorderParams(service_level=0.8)).frame
    assert (every["service_level"] == 0.8).all()
