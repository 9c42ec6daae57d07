"""Jobs over stock and baskets: reorder suggestions (with the demand and stock history a chart needs), the
reorder backtest, and basket rules with their evaluation and the till's recommendations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from pharmadesk.analytics import frames
from pharmadesk.analytics.jobs.history import require_baskets, require_sales_days, require_sales_or_stock
from pharmadesk.analytics.models import baskets, reorder
from pharmadesk.analytics.result import Cancel, Progress, Result, Steps
from pharmadesk.wording import QT_TRANSLATE_NOOP, Text


# -- reorder suggestions ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReorderParams:
    """Target cycle ``service_level`` for every product (None: the store's setting per category,
    ``StoreSettings.service_levels``); ``window``: days of demand history for the level and the weekday
    profile (a year more is read for the yearly season); ``expiry_margin_days``: days before expiry by which
    a new batch must be sold; ``history_days``: days of daily demand and end-of-day stock returned for charts
    (0: none)."""

    service_level: float | None = None
    window: int = 365
    expiry_margin_days: int = 30
    history_days: int = 0


@dataclass(frozen=True, kw_only=True)
class ReorderResult(Result):
    """``frame``: one row per product, products to order first (:func:`~pharmadesk.analytics.models.reorder.
    suggest`); ``tradeoff``: expected fill rate against stock per service level, the chosen levels last
    (:func:`~pharmadesk.analytics.models.reorder.service_tradeoff`); ``demand`` and ``stock``: the last
    ``history_days`` days × products of daily demand and of end-of-day sellable stock on hand (None when not
    asked for)."""

    tradeoff: pd.DataFrame | None = None
    demand: pd.DataFrame | None = None
    stock: pd.DataFrame | None = None


def run_reorder(store, as_of: date, params: ReorderParams = ReorderParams(), progress: Progress = None,
                cancel: Cancel = None) -> ReorderResult:
    """Reorder suggestions per product: demand class, forecast, safety stock, pack and expiry rules."""
    require_sales_or_stock(store, as_of)
    steps = Steps(progress, cancel)
    steps(0.05, "demand history")
    demand = frames.reorder_daily_demand(store, as_of, reorder.suggestion_history_days(params.window))
    levels = store.settings.service_levels() if params.service_level is None else {}
    steps(0.2, "suggestions")
    table = reorder.suggest(demand, frames.reorder_products(store, as_of), frames.reorder_batches(store, as_of),
                            frames.reorder_on_order(store, as_of), as_of, service_level=params.service_level or 0.95,
                            category_levels=levels,
                            window=params.window, expiry_margin_days=params.expiry_margin_days,
                            progress=steps.part(0.2, 0.95))
    tradeoff = reorder.service_tradeoff(table)
    notes = tuple(reorder.suggestion_notes(table, tradeoff, as_of, window=params.window,
                                           expiry_margin_days=params.expiry_margin_days))
    history = stock = None
    if params.history_days:
        steps(0.97, "stock history")
        history = demand.iloc[-params.history_days:].copy()
        stock = frames.reorder_stock_history(store, as_of, params.history_days)
    steps(1.0, "done")
    return ReorderResult(frame=table, params=params, notes=notes, tradeoff=tradeoff, demand=history, stock=stock)



@dataclass(frozen=True)
class ReorderBacktestParams:
    """``origins`` rolling origins ``step`` days apart (the step is also the horizon), before ``as_of``; the
    policy at ``service_level`` (None: the store's settings per category) with ``window`` days of history;
    the order-up-to rule is also replayed at each of ``tradeoff_levels`` (the service / stock trade-off)."""

    origins: int = 6
    step: int = 28
    service_level: float | None = None
    window: int = 365
    tradeoff_levels: tuple[float, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ReorderBacktestResult(Result):
    """``frame``: MASE and bias per demand class; ``methods``: every candidate method per class;
    ``simulation``: fill rate and average stock, our policy against min/max."""

    methods: pd.DataFrame
    simulation: pd.DataFrame


def run_reorder_backtest(store, as_of: date, params: ReorderBacktestParams = ReorderBacktestParams(),
                         progress: Progress = None, cancel: Cancel = None) -> ReorderBacktestResult:
    """Rolling-origin backtest of the reorder forecasts (MASE, bias) and policy (fill rate, stock)."""
    # the backtest's first origin needs 56 days of history before it (reorder.backtest)
    require_sales_days(store, as_of, 56 + params.origins * params.step)
    steps = Steps(progress, cancel)
    steps(0.02, "demand history")
    demand = frames.reorder_daily_demand(store, as_of, reorder.history_days_needed(params.window, params.origins,
                                                                                      params.step))
    start = reorder.backtest_start(as_of, params.origins, params.step)
    batches, on_order = frames.reorder_batches(store, start), frames.reorder_on_order(store, start)
    stock = reorder.sellable_on_hand(batches).add(
        on_order.set_index("product_id")["on_order"], fill_value=0)
    steps(0.1, "backtest")
    levels = store.settings.service_levels() if params.service_level is None else {}
    result = reorder.backtest(demand, frames.reorder_products(store, as_of), stock, origins=params.origins,
                              step=params.step, horizon=params.step, window=params.window,
                              service_level=params.service_level or 0.95, category_levels=levels,
                              tradeoff_levels=params.tradeoff_levels, progress=steps.part(0.1, 0.99))
    notes = (Text("analytics", QT_TRANSLATE_NOOP(
        "analytics", "Replayed from {origins} starting days {step} days apart before {date}, each {step} days ahead; "
                     "the simple rule orders up to 28 days of the last 90 days' average sales when stock falls below "
                     "14 days; the previous rule orders up to s + f·R when stock is at or below s."),
        origins=params.origins, step=params.step, date=as_of.isoformat()),)
    steps(1.0, "done")
    return ReorderBacktestResult(frame=result["accuracy"], params=params, notes=notes, methods=result["methods"],
                                 simulation=result["simulation"])


# -- baskets ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BasketParams:
    """Rules need ``min_support`` and ``min_confidence``; the evaluation holds out the last ``test_days`` and
    scores the top ``k``; a recommendation is the top ``k`` for ``cart`` (product ids)."""

    min_support: float = 0.0001
    min_confidence: float = 0.02
    test_days: int = 90
    k: int = 3
    cart: tuple[int, ...] = ()


def _basket_inputs(store, as_of: date, steps: Steps) -> tuple[pd.DataFrame, pd.DataFrame]:
    require_baskets(store, as_of)
    steps(0.02, "baskets")
    return frames.basket_lines(store, as_of), frames.products(store, as_of)


def run_basket_rules(store, as_of: date, params: BasketParams = BasketParams(), progress: Progress = None,
                     cancel: Cancel = None) -> Result:
    """Association rules (FP-growth) with support, confidence and lift; Rx-only and controlled products are
    never suggested."""
    steps = Steps(progress, cancel)
    lines, products = _basket_inputs(store, as_of, steps)
    rules = baskets.mine_rules(lines, products, min_support=params.min_support,
                               min_confidence=params.min_confidence, progress=steps.part(0.1, 0.99))
    notes = (Text("analytics", QT_TRANSLATE_NOOP(
        "analytics", "{rules} pairings found in {baskets} baskets (sales with 2 or more products); prescription-only "
                     "and controlled products are never suggested."), rules=len(rules),
        baskets=baskets.basket_count(lines)),)
    steps(1.0, "done")
    return Result(frame=rules, params=params, notes=notes)


def run_basket_evaluation(store, as_of: date, params: BasketParams = BasketParams(), progress: Progress = None,
                          cancel: Cancel = None) -> Result:
    """Hit rate at ``k`` on the last ``test_days`` days' baskets: the till's lift-weighted co-occurrence score
    against plain co-occurrence (rules by confidence) and the most popular products."""
    steps = Steps(progress, cancel)
    lines, products = _basket_inputs(store, as_of, steps)
    table = baskets.evaluate_hit_rate(lines, products, as_of, test_days=params.test_days, k=params.k,
                                      progress=steps.part(0.1, 0.99), min_support=params.min_support,
                                      min_confidence=params.min_confidence)
    steps(1.0, "done")
    return Result(frame=table, params=params, notes=tuple(baskets.evaluation_notes(table, as_of,
                                                                                  test_days=params.test_days)))


def run_basket_recommendation(store, as_of: date, params: BasketParams = BasketParams(), progress: Progress = None,
                              cancel: Cancel = None) -> Result:
    """The till's top ``k`` suggestions for ``cart`` ("often bought with": the lift-weighted co-occurrence score,
    :func:`~pharmadesk.analytics.models.baskets.cooccurrence_index`): ``rank, product_id, name``."""
    steps = Steps(progress, cancel)
    lines, products = _basket_inputs(store, as_of, steps)
    steps(0.3, "co-occurrence model")
    picked = baskets.recommend(list(params.cart), baskets.cooccurrence_index(lines, products), k=params.k)
    names = dict(zip(products["product_id"], products["name"]))
    steps(1.0, "done")
    return Result(frame=pd.DataFrame({"rank": range(1, len(picked) + 1), "product_id": picked,
                                      "name": [names.get(p, "") for p in picked]}), params=params)
