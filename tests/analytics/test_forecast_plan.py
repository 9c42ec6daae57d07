"""The per-product forecast plan: day-of-week profile, yearly index, store closures, the backtest that picks
each product's method, and the service-level / shelf-life rules of the order-up-to policy built on it."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from pharmadesk.analytics.models import demand_calendar as cal
from pharmadesk.analytics.models import forecast as fc
from pharmadesk.analytics.models import reorder

LAST = date(2026, 5, 31)         # a Sunday: the forecast starts on a Monday


def _dates(days: int) -> pd.DatetimeIndex:
    return pd.date_range(end=pd.Timestamp(LAST), periods=days, freq="D")


WEEK = np.array([12.0, 10.0, 10.0, 10.0, 14.0, 20.0, 4.0])          # Monday … Sunday


def test_a_weekly_profile_is_learnt_and_shapes_the_forecast():
    dates = _dates(365)
    rng = np.random.default_rng(1)
    y = rng.poisson(WEEK[cal.weekdays(dates)] * 3).astype(float)[:, None]
    plan = fc.plan(y, dates, 1)
    expected = WEEK / WEEK.mean()
    np.testing.assert_allclose(plan["profile"][:, 0], expected, rtol=0.08)
    # the next day is a Monday: its forecast is the level times Monday's index, not the weekly mean
    assert plan["mu"][0] == pytest.approx(plan["level"][0] * plan["profile"][0, 0])
    saturday = fc.plan(y[:-2], dates[:-2], 1)                          # the day after a Thursday is a Friday
    sunday = fc.plan(y[:-1], dates[:-1], 1)                            # the day after a Saturday is a Sunday
    assert saturday["mu"][0] > 3 * sunday["mu"][0]
    # over whole weeks the profile sums to seven days of the level
    week = fc.plan(y, dates, 7)
    assert week["mu"][0] == pytest.approx(7 * week["level"][0], rel=0.01)


def _yearly(years: int = 3, amplitude: float = 0.7, seed: int = 3) -> tuple[np.ndarray, pd.DatetimeIndex]:
    days = years * 365
    dates = _dates(days)
    season = 1 + amplitude * np.sin(2 * np.pi * (dates.day_of_year.to_numpy() - 80) / 365.25)
    rng = np.random.default_rng(seed)
    return rng.poisson(30 * season).astype(float)[:, None], dates


def test_a_yearly_season_beats_the_non_seasonal_methods_in_the_backtest():
    y, dates = _yearly()
    plan = fc.plan(y, dates, 14)
    errors = plan["errors"][0]
    seasonal = errors[[m + fc.YEARLY_SUFFIX for m in fc.CANDIDATES]]
    assert seasonal.min() < 0.6 * errors[list(fc.CANDIDATES)].min()
    assert errors["mean28" + fc.YEARLY_SUFFIX] < 0.5 * errors["mean28"]
    assert plan["method"][0].endswith(fc.YEARLY_SUFFIX)


def test_the_yearly_index_needs_two_years_of_history():
    y, dates = _yearly(years=1)
    plan = fc.plan(y, dates, 14)
    assert np.isnan(plan["errors"].loc[[m + fc.YEARLY_SUFFIX for m in fc.CANDIDATES], 0]).all()
    assert not plan["method"][0].endswith(fc.YEARLY_SUFFIX) and plan["yearly"][0] == 1.0


def test_store_wide_zero_days_are_closures_not_zero_demand():
    dates = _dates(365)
    y = np.full((365, 2), 10.0)
    closed = (cal.weekdays(dates) == 6) | (np.arange(365) >= 350)      # Sundays, and the last 15 days
    y[closed] = 0.0
    y[np.arange(365) % 3 == 0, 1] = 0.0                                 # product 1 alone sells nothing: not a closure
    mask = cal.open_days(y)
    np.testing.assert_array_equal(mask, ~closed)
    plan = fc.plan(y, dates, 7)
    assert plan["level"][0] == pytest.approx(10.0 / plan["profile"][0, 0], rel=0.01)
    assert plan["mu"][0] == pytest.approx(70.0, rel=0.01)               # the future is assumed open
    assert plan["sd"][0] == pytest.approx(0.0, abs=1e-3)                # closed days are no forecast error
    as_zero_demand = fc.plan(y, dates, 7, open_mask=np.ones(365, dtype=bool))
    assert as_zero_demand["mu"][0] < 0.7 * plan["mu"][0]


def test_each_product_gets_the_method_with_the_lowest_backtest_error():
    dates = _dates(800)
    rng = np.random.default_rng(7)
    smooth = rng.poisson(8, 800)
    trend = rng.poisson(np.linspace(1, 12, 800))
    sparse = rng.poisson(0.15, 800) * 3
    seasonal, _ = _yearly(years=3)
    y = np.column_stack([smooth, trend, sparse, seasonal[-800:, 0]]).astype(float)
    plan = fc.plan(y, dates, np.array([7, 9, 14, 21]))
    best = plan["errors"].idxmin(axis=0)
    assert list(plan["method"]) == list(best)
    assert len(set(plan["method"])) > 1
    assert (plan["origins"] > 40).all()


def _suggest(demand: dict, levels: dict | None = None, categories=None, shelf: int = 400, on_hand: int = 0):
    days = len(next(iter(demand.values())))
    index = pd.date_range(end=pd.Timestamp(LAST), periods=days, freq="D")
    pids = list(demand)
    products = pd.DataFrame({
        "product_id": pids, "name": [f"P{p}" for p in pids], "category": categories or ["otc"] * len(pids),
        "legal_class": "otc", "supplier_id": pd.array([1] * len(pids), dtype="Int64"), "supplier_name": "S",
        "lead_time_days": 2, "review_days": 7, "order_multiple": 1, "min_order_qty": 1, "active": True,
        "unit_cost": 100.0})
    received = pd.Timestamp(LAST) - pd.Timedelta(days=5)
    batches = pd.DataFrame({"batch_id": pids, "product_id": pids, "expiry": received + pd.Timedelta(days=shelf),
                            "unit_cost": 100, "received_qty": 100, "on_hand": on_hand, "received": received,
                            "held": 0, "sellable": True})
    orders = pd.DataFrame({"product_id": [], "on_order": []})
    return reorder.suggest(pd.DataFrame(demand, index=index), products, batches, orders, date(2026, 6, 1),
                           category_levels=levels).set_index("product_id")


def test_safety_stock_grows_with_the_service_level_and_the_forecast_error():
    rng = np.random.default_rng(11)
    calm, wild = rng.normal(20, 2, 365).clip(0), rng.normal(20, 8, 365).clip(0)
    table = _suggest({1: calm, 2: wild, 3: wild}, levels={"otc": 0.95, "chronic": 0.98},
                     categories=["otc", "otc", "chronic"])
    assert table.loc[2, "sd_lead_review"] > 2 * table.loc[1, "sd_lead_review"]
    assert table.loc[2, "safety_stock"] > 2 * table.loc[1, "safety_stock"] > 0
    assert table.loc[3, "service_level"] == 0.98 and table.loc[2, "service_level"] == 0.95
    assert table.loc[3, "safety_stock"] > table.loc[2, "safety_stock"]
    assert table.loc[3, "expected_fill"] > table.loc[2, "expected_fill"]
    # S = forecast over lead + review + the safety stock for the level, from the out-of-sample error
    z = 1.6448536269514722
    row = table.loc[2]
    assert row["order_up_to"] == np.ceil(row["demand_lead_review"] + z * row["sd_lead_review"] - 1e-9)


def test_the_shelf_life_cap_holds_for_every_product():
    rng = np.random.default_rng(5)
    demand = {p: rng.poisson(rate, 365).astype(float) for p, rate in enumerate((0.5, 3, 12, 40), start=1)}
    for shelf in (35, 45, 60, 400):
        table = _suggest(demand, shelf=shelf)
        sellable = np.floor(table["forecast_daily"] * (2 + shelf - 30)) - table["position"]
        assert (table["suggested_qty"] <= np.maximum(sellable, 0)).all()
    assert _suggest(demand, shelf=35)["capped"].any() and not _suggest(demand, shelf=400)["capped"].any()


def test_the_tradeoff_curve_rises_with_the_level_and_marks_the_chosen_point():
    rng = np.random.default_rng(2)
    table = _suggest({1: rng.poisson(5, 365).astype(float), 2: rng.poisson(20, 365).astype(float)},
                     levels={"otc": 0.95})
    curve = reorder.service_tradeoff(table)
    uniform = curve[curve["point"] != "chosen"]
    assert uniform["fill_pct"].is_monotonic_increasing and uniform["days_of_cover"].is_monotonic_increasing
    assert uniform["stock_value"].is_monotonic_increasing
    chosen = curve[curve["point"] == "chosen"].iloc[0]
    at_95 = uniform[uniform["service_level"] == 0.95].iloc[0]
    assert chosen["fill_pct"] == pytest.approx(at_95["fill_pct"]) and 90 < chosen["fill_pct"] < 100


def test_the_backtest_replays_the_tradeoff_and_is_deterministic():
    days = 365 + 6 * 28
    dates = _dates(days)
    rng = np.random.default_rng(4)
    demand = pd.DataFrame({p: rng.poisson(rate, days).astype(float) for p, rate in ((1, 0.8), (2, 6), (3, 25))},
                          index=dates)
    products = pd.DataFrame({
        "product_id": [1, 2, 3], "name": ["A", "B", "C"], "category": ["otc", "chronic", "otc"],
        "legal_class": "otc", "supplier_id": pd.array([1, 1, 2], dtype="Int64"), "supplier_name": "S",
        "lead_time_days": [2, 2, 3], "review_days": [7, 7, 4], "order_multiple": 1, "min_order_qty": 1,
        "active": True, "unit_cost": [100.0, 250.0, 40.0]})
    start = pd.Series({1: 5.0, 2: 40.0, 3: 150.0})

    def run():
        return reorder.backtest(demand, products, start, category_levels={"otc": 0.95, "chronic": 0.98},
                                tradeoff_levels=(0.8, 0.95, 0.99), start_at_level=True)

    result = run()
    sim = result["simulation"].set_index("policy")
    assert list(sim.index) == ["our policy", "order-up-to at 80.0%", "order-up-to at 95.0%", "order-up-to at 99.0%",
                               "previous rule", "min/max 2w/4w"]
    levels = sim.loc[["order-up-to at 80.0%", "order-up-to at 95.0%", "order-up-to at 99.0%"]]
    assert levels["fill_rate_pct"].is_monotonic_increasing and levels["days_of_cover"].is_monotonic_increasing
    assert levels["fill_rate_pct"].iloc[-1] > levels["fill_rate_pct"].iloc[0]
    assert sim.loc["previous rule", "days_of_cover"] > sim.loc["order-up-to at 95.0%", "days_of_cover"]
    methods = set(result["methods"]["method"])
    assert {"class rule", *fc.candidate_names()} <= methods
    assert (result["accuracy"]["demand_class"] == "all").any()
    for key, frame in run().items():
        pd.testing.assert_frame_equal(frame, result[key])
