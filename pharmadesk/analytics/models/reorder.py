"""Reorder suggestions per product, draft purchase orders per supplier, and a backtest of the policy.

Method (parameters are the keyword defaults of :func:`suggest`)
----------------------------------------------------------------
1. Daily demand per product (sales − returns, local days) over ``window`` = 365 days is classified
   Syntetos–Boylan (ADI 1.32, CV² 0.49) and forecast with the method of its class
   (:data:`pharmadesk.analytics.models.forecast.METHOD_FOR_CLASS`: SES for smooth, erratic and intermittent,
   the 28-day mean for lumpy, chosen by the rolling-origin backtest on the demo store: lowest mean MASE
   among methods with |bias| ≤ 5 %).
2. Demand over lead time L + review period R (the supplier's ``lead_time_days`` and ``review_days``)
   has mean μ = f · (L + R) and standard deviation σ = the RMSE of the in-sample (L+R)-day demand totals
   around their forecasts (:func:`forecast.horizon_error_sd`). Its distribution is **normal** for smooth
   and erratic products and **negative binomial** (Poisson when σ² ≤ μ) for intermittent and lumpy ones.
3. Periodic review (R, s, S): reorder point s = the ``service_level`` quantile (cycle service level,
   default 95 %) of demand over L + R, i.e. μ + safety stock; order-up-to S = s + f · R. Stock
   position = sellable on hand (batches not expired on ``as_of``) + on order. Nothing is ordered while
   the position is above s; otherwise the raw quantity S − position is rounded UP to the product's
   ``order_multiple`` and to at least ``min_order_qty`` (itself rounded up to the multiple).
4. Expiry cap: a new batch is assumed to keep the product's typical shelf life (the median of its
   batches' received → expiry spans; 365 days when it has none) less ``expiry_margin_days`` (30). What
   can be sold before it expires is f · (L + shelf life − margin) − position; the order is cut down to
   that, rounded DOWN to the multiple, and dropped when that is below the minimum order.
5. Every row explains itself in columns and in a ``why`` sentence. Rx and controlled products are
   suggested like all stock. :func:`draft_orders` groups the quantities per supplier for
   ``store.stock.create_order``; nothing here writes to the store.

The backtest (:func:`backtest`) replays the store's own history at rolling origins (default 6, 28 days
apart, horizon 28 days): forecast MASE and bias per class, and a day-by-day simulation (lost sales,
stated lead times, reviews every R days, no expiry in the simulation) of this policy against a plain
min/max policy (min = 14 days and max = 28 days of the average daily demand of the previous 90 days,
same pack rules): fill rate and average stock in units and at cost.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

import numpy as np
import pandas as pd
from scipy import stats

from pharmadesk.analytics.models import forecast as fc
from pharmadesk.errors import QT_TRANSLATE_NOOP, AnalyticsError
from pharmadesk.wording import Text

Progress = Callable[[float, str], None] | None
DEFAULT_SHELF_DAYS = 365


# -- helpers -------------------------------------------------------------------------------------------------

def _round_up(qty: np.ndarray, multiple: np.ndarray) -> np.ndarray:
    return np.ceil(np.maximum(qty, 0) / multiple) * multiple


def order_quantity(raw: np.ndarray, multiple: np.ndarray, min_qty: np.ndarray) -> np.ndarray:
    """Raw quantities rounded UP to the pack multiple and to at least the minimum order (0 stays 0)."""
    raw, multiple, min_qty = (np.asarray(a, dtype=float) for a in (raw, multiple, min_qty))
    qty = np.maximum(_round_up(raw, multiple), _round_up(min_qty, multiple))
    return np.where(raw > 0, qty, 0.0)


def lead_time_quantile(mu: np.ndarray, sd: np.ndarray, service_level: float, discrete: np.ndarray) -> np.ndarray:
    """The ``service_level`` quantile of demand over lead time + review: normal, or for ``discrete``
    columns negative binomial with that mean and variance (Poisson when the variance is not above the mean)."""
    mu, sd = np.asarray(mu, float), np.asarray(sd, float)
    out = mu + stats.norm.ppf(service_level) * sd
    var = sd ** 2
    nb = discrete & (mu > 0) & (var > mu)
    po = discrete & (mu > 0) & ~nb
    if nb.any():
        p = mu[nb] / var[nb]
        n = mu[nb] ** 2 / (var[nb] - mu[nb])
        out[nb] = stats.nbinom.ppf(service_level, n, p)
    if po.any():
        out[po] = stats.poisson.ppf(service_level, mu[po])
    return np.where(mu > 0, np.maximum(out, 0), 0.0)


def shelf_life_days(batches: pd.DataFrame, default: int = DEFAULT_SHELF_DAYS) -> pd.Series:
    """Typical shelf life per product: median days from receipt to expiry over its batches."""
    if batches.empty:
        return pd.Series(dtype=float)
    span = (batches["expiry"] - batches["received"]).dt.days
    return span[span > 0].groupby(batches["product_id"]).median()


# -- the policy, vectorised -------------------------------------------------------------------------------------

def _policy(y: np.ndarray, classes: np.ndarray, methods: dict, lead: np.ndarray, review: np.ndarray,
            service_level: float) -> dict:
    """Forecast, σ over L+R, reorder point s and order-up-to S for every column of ``y`` (days × products)."""
    method = np.array([methods.get(c, "none") for c in classes])
    path = fc.forecast_paths(y, method)
    f = np.maximum(path[-1], 0.0)
    k = (lead + review).astype(int)
    sd = fc.horizon_error_sd(y, path, k)
    mu = f * k
    discrete = np.isin(classes, ("intermittent", "lumpy"))
    s = np.ceil(lead_time_quantile(mu, sd, service_level, discrete) - 1e-9)
    up_to = np.ceil(s + f * review - 1e-9)
    return {"method": method, "forecast": f, "mu": mu, "sd": sd, "s": s, "S": up_to, "path": path}


def suggest(demand: pd.DataFrame, products: pd.DataFrame, batches: pd.DataFrame, on_order: pd.DataFrame,
            as_of: date, *, service_level: float = 0.95, window: int = 365, expiry_margin_days: int = 30,
            methods: dict | None = None, include_inactive: bool = False, progress: Progress = None) -> pd.DataFrame:
    """Reorder suggestions, one row per product (see the module docstring for the method).

    Inputs are the frames of :mod:`pharmadesk.analytics.frames`: ``reorder_daily_demand`` (days ×
    products, before ``as_of``), ``reorder_products``, ``reorder_batches`` and ``reorder_on_order``.
    Columns: ``product_id, name, supplier_id, supplier_name, legal_class, demand_class, adi, cv2, method,
    forecast_daily, lead_time_days, review_days, demand_lead_review, sd_lead_review, distribution,
    safety_stock, reorder_point, order_up_to, on_hand, on_order, position, raw_qty, rounded_qty,
    expiry_cap, capped, suggested_qty, order_multiple, min_order_qty, shelf_life_days, unit_cost,
    order_value, why``. Sorted: products to order first (by supplier), then the rest.
    """
    report = progress or (lambda fraction, label: None)
    methods = methods or fc.METHOD_FOR_CLASS
    prods = products if include_inactive else products[products["active"]]
    prods = prods.reset_index(drop=True)
    pids = prods["product_id"].to_numpy()
    y = demand.reindex(columns=pids).fillna(0.0).to_numpy()[-window:]
    report(0.1, "classifying demand")
    cls = fc.classify(y, window)
    classes = cls["demand_class"].to_numpy()
    lead = prods["lead_time_days"].to_numpy(dtype=float)
    review = prods["review_days"].to_numpy(dtype=float)
    report(0.3, "forecasting")
    pol = _policy(y, classes, methods, lead, review, service_level)
    report(0.7, "stock and orders")
    sellable = batches[batches["sellable"]] if len(batches) else batches
    on_hand = sellable.groupby("product_id")["on_hand"].sum().reindex(pids).fillna(0).to_numpy(dtype=float)
    ordered = (on_order.set_index("product_id")["on_order"].reindex(pids).fillna(0).to_numpy(dtype=float)
               if len(on_order) else np.zeros(len(pids)))
    position = on_hand + ordered
    multiple = prods["order_multiple"].to_numpy(dtype=float)
    min_qty = prods["min_order_qty"].to_numpy(dtype=float)
    f, s, up_to = pol["forecast"], pol["s"], pol["S"]
    due = (position <= s) & (up_to > position)
    raw = np.where(due, up_to - position, 0.0)
    rounded = order_quantity(raw, multiple, min_qty)
    shelf = shelf_life_days(batches).reindex(pids).fillna(DEFAULT_SHELF_DAYS).to_numpy(dtype=float)
    sell_days = np.maximum(lead + shelf - expiry_margin_days, 0)
    cap_units = np.maximum(np.floor(f * sell_days - position), 0)
    cap = np.floor(cap_units / multiple) * multiple
    capped = (rounded > cap) & (rounded > 0)
    suggested = np.where(capped, np.where(cap >= _round_up(min_qty, multiple), cap, 0.0), rounded)
    unit_cost = prods["unit_cost"].to_numpy(dtype=float)
    out = pd.DataFrame({
        "product_id": pids, "name": prods["name"].to_numpy(), "supplier_id": prods["supplier_id"].to_numpy(),
        "supplier_name": prods["supplier_name"].to_numpy(), "legal_class": prods["legal_class"].to_numpy(),
        "demand_class": classes, "adi": cls["adi"].to_numpy(), "cv2": cls["cv2"].to_numpy(),
        "method": pol["method"], "forecast_daily": f, "lead_time_days": lead.astype(int),
        "review_days": review.astype(int), "demand_lead_review": pol["mu"], "sd_lead_review": pol["sd"],
        "distribution": np.where(np.isin(classes, ("intermittent", "lumpy")), "negative binomial", "normal"),
        "safety_stock": np.maximum(s - pol["mu"], 0), "reorder_point": s.astype(int),
        "order_up_to": up_to.astype(int), "on_hand": on_hand.astype(int), "on_order": ordered.astype(int),
        "position": position.astype(int), "raw_qty": raw.astype(int), "rounded_qty": rounded.astype(int),
        "expiry_cap": cap.astype(int), "capped": capped, "suggested_qty": suggested.astype(int),
        "order_multiple": multiple.astype(int), "min_order_qty": min_qty.astype(int),
        "shelf_life_days": shelf.astype(int), "unit_cost": unit_cost,
        "order_value": suggested * np.nan_to_num(unit_cost),
    })
    out["why"] = [_why(r) for r in out.itertuples(index=False)]
    out = out.sort_values(["suggested_qty", "supplier_id", "product_id"], ascending=[False, True, True],
                          key=lambda c: (c > 0) if c.name == "suggested_qty" else c, kind="stable")
    report(1.0, "done")
    return out.reset_index(drop=True)


def suggestion_notes(table: pd.DataFrame, as_of: date, *, service_level: float = 0.95, window: int = 365,
                     expiry_margin_days: int = 30) -> list[Text]:
    """The line printed under :func:`suggest`'s ``table`` (translatable): how much to order and with which
    settings."""
    return [Text("analytics", QT_TRANSLATE_NOOP(
        "analytics", "On {date}: {count} products to order, costing {cost:,.2f}. Settings: in stock in {service:.0%} "
                     "of order cycles, {window} days of sales history, {margin} days' margin before expiry."),
        date=as_of.isoformat(), count=int((table["suggested_qty"] > 0).sum()),
        cost=table["order_value"].sum() / 100, service=service_level, window=window, margin=expiry_margin_days)]


def _why(r) -> str:
    head = (f"{r.demand_class} demand ({r.method}): forecast {r.forecast_daily:.2f}/day; "
            f"on hand {r.on_hand} + on order {r.on_order} = {r.position}")
    levels = (f"reorder point {r.reorder_point} ({r.demand_lead_review:.1f} expected over "
              f"{r.lead_time_days}+{r.review_days} days lead+review + safety {r.safety_stock:.1f}), "
              f"order-up-to {r.order_up_to}")
    if r.raw_qty <= 0:
        return f"{head} > {levels}: no order." if r.position > r.reorder_point else f"{head}; {levels}: no order."
    text = f"{head} <= {levels}: need {r.raw_qty}, rounded to {r.rounded_qty} (multiple {r.order_multiple}, " \
           f"minimum {r.min_order_qty})"
    if r.capped:
        if r.suggested_qty == 0:
            return text + (f"; not ordered: only about {r.expiry_cap} more would sell before a new batch expires "
                           f"(shelf life ~{r.shelf_life_days} days), less than the minimum order.")
        return text + f"; capped at {r.suggested_qty}: more would not sell before a new batch expires " \
                      f"(shelf life ~{r.shelf_life_days} days)."
    return text + f": order {r.suggested_qty}."


def draft_orders(suggestions: pd.DataFrame) -> dict[int, list[tuple[int, int]]]:
    """{supplier_id: [(product_id, quantity), ...]} of the suggested quantities, ready for
    ``store.stock.create_order(supplier_id, lines)``. Products without a supplier are left out."""
    rows = suggestions[(suggestions["suggested_qty"] > 0) & suggestions["supplier_id"].notna()]
    orders: dict[int, list[tuple[int, int]]] = {}
    for r in rows.sort_values(["supplier_id", "product_id"]).itertuples(index=False):
        orders.setdefault(int(r.supplier_id), []).append((int(r.product_id), int(r.suggested_qty)))
    return orders


# -- backtest ----------------------------------------------------------------------------------------------------

def backtest(demand: pd.DataFrame, products: pd.DataFrame, start_stock: pd.Series, *, origins: int = 6,
             step: int = 28, horizon: int = 28, window: int = 365, service_level: float = 0.95,
             methods: dict | None = None, compare: tuple[str, ...] = fc.METHODS,
             progress: Progress = None) -> dict[str, pd.DataFrame]:
    """Rolling-origin backtest on the store's history (see the module docstring).

    ``demand``: ``reorder_daily_demand`` with at least ``window + origins * step`` days before ``as_of``;
    its last day is the day before ``as_of``. Origins are as_of − step·k for k = origins..1, each forecast
    over the ``horizon`` days after it. ``start_stock``: sellable on hand + on order per product at the first
    origin (both policies start from it). Returns ``{"accuracy", "methods", "simulation"}`` frames:
    accuracy of the chosen method per class and overall (products, MASE mean/median, bias units/day and %),
    the same for every method in ``compare`` per class, and per policy the fill rate, average stock in
    units and at cost, and number of order lines.
    """
    report = progress or (lambda fraction, label: None)
    methods = methods or fc.METHOD_FOR_CLASS
    prods = products[products["active"]].reset_index(drop=True)
    pids = prods["product_id"].to_numpy()
    Y = np.clip(demand.reindex(columns=pids).fillna(0.0).to_numpy(), 0, None)
    T = Y.shape[0]
    first = T - origins * step
    if first < 56:
        raise AnalyticsError(QT_TRANSLATE_NOOP("errors", "Not enough sales history for this backtest: it needs "
                                                         "{days} days."), days=56 + origins * step)
    rows, mrows = [], []
    class_at = []
    for j, k in enumerate(range(origins, 0, -1)):
        o = T - k * step
        hist, actual = Y[max(0, o - window):o], Y[o:o + horizon]
        classes = fc.classify(hist, window)["demand_class"].to_numpy()
        class_at.append(classes)
        for method in ("chosen", *compare):
            if method == "chosen":
                path = fc.forecast_paths(hist, [methods.get(c, "none") for c in classes])
            else:
                path = fc.method_path(hist, method)
            f = path[-1]
            err = fc.mase(actual, np.broadcast_to(f, actual.shape), hist)
            for c, e, fs, ys in zip(classes, err, f * actual.shape[0], actual.sum(axis=0)):
                (rows if method == "chosen" else mrows).append((j, method, c, e, fs, ys))
        report(0.6 * (j + 1) / origins, "forecast backtest")
    cols = ["origin", "method", "demand_class", "mase", "forecast_total", "actual_total"]
    acc = pd.DataFrame(rows, columns=cols)
    macc = pd.DataFrame(mrows, columns=cols)
    accuracy = pd.concat([_summary(acc, ["demand_class"]), _summary(acc.assign(demand_class="all"), ["demand_class"])])
    comparison = pd.concat([_summary(macc, ["demand_class", "method"]),
                            _summary(macc.assign(demand_class="all"), ["demand_class", "method"])])
    sim = simulate(Y, prods, start_stock.reindex(pids).fillna(0).to_numpy(dtype=float), first, window,
                   step, service_level, methods, lambda x, label: report(0.6 + 0.4 * x, label))
    return {"accuracy": accuracy.reset_index(drop=True), "methods": comparison.reset_index(drop=True),
            "simulation": sim}


def _summary(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    g = frame.groupby(by, sort=True)
    out = g.agg(products=("mase", "size"), mase_mean=("mase", "mean"), mase_median=("mase", "median"),
                forecast_total=("forecast_total", "sum"), actual_total=("actual_total", "sum")).reset_index()
    out["bias_pct"] = 100 * (out["forecast_total"] - out["actual_total"]) / out["actual_total"].where(
        out["actual_total"] > 0)
    out["products"] = (out["products"] / max(frame["origin"].nunique(), 1)).round().astype(int)
    return out.drop(columns=["forecast_total", "actual_total"])


def simulate(Y: np.ndarray, prods: pd.DataFrame, start_position: np.ndarray, first: int, window: int, step: int,
             service_level: float, methods: dict, progress: Progress = None) -> pd.DataFrame:
    """Replay days ``first``..end of ``Y`` (days × products) under both policies; lost sales, deliveries
    after the supplier's stated lead time, a review every ``review_days`` (staggered per supplier). Our
    policy's levels (class, forecast, s, S) are recomputed every ``step`` days from the history before."""
    report = progress or (lambda fraction, label: None)
    T, N = Y.shape
    lead = prods["lead_time_days"].to_numpy(dtype=int)
    review = prods["review_days"].to_numpy(dtype=int)
    multiple = prods["order_multiple"].to_numpy(dtype=float)
    min_qty = prods["min_order_qty"].to_numpy(dtype=float)
    cost = np.nan_to_num(prods["unit_cost"].to_numpy(dtype=float))
    supplier = prods["supplier_id"].fillna(0).to_numpy(dtype=int)
    results = []
    for name in ("our policy", "min/max 2w/4w"):
        stock = start_position.copy()
        pipeline = np.zeros((T + int(lead.max()) + 2, N))
        sold = demanded = 0.0
        stock_units, stock_cost, lines = [], [], 0
        for t in range(first, T):
            if (t - first) % step == 0:
                hist = Y[max(0, t - window):t]
                if name == "our policy":
                    classes = fc.classify(hist, window)["demand_class"].to_numpy()
                    pol = _policy(hist, classes, methods, lead.astype(float), review.astype(float), service_level)
                    s, S = pol["s"], pol["S"]
                else:
                    avg = hist[-90:].mean(axis=0)
                    s, S = np.ceil(14 * avg), np.ceil(28 * avg)
            stock += pipeline[t]
            on_review = ((t - first + supplier) % review) == 0
            position = stock + pipeline[t + 1:].sum(axis=0)
            need = on_review & (position <= s) & (S > position)
            qty = order_quantity(np.where(need, S - position, 0), multiple, min_qty)
            pipeline[t + np.maximum(lead, 1), np.arange(N)] += qty
            lines += int((qty > 0).sum())
            d = Y[t]
            take = np.minimum(stock, d)
            stock -= take
            sold += take.sum()
            demanded += d.sum()
            stock_units.append(stock.sum())
            stock_cost.append((stock * cost).sum())
        results.append({"policy": name, "days": T - first, "fill_rate_pct": 100 * sold / max(demanded, 1),
                        "avg_stock_units": float(np.mean(stock_units)),
                        "avg_stock_cost": float(np.mean(stock_cost)) / 100, "order_lines": lines})
        report(0.5 * len(results), "policy simulation")
    return pd.DataFrame(results)


def backtest_start(as_of: date, origins: int = 6, step: int = 28) -> date:
    """The first origin of :func:`backtest` for a given ``as_of`` (load start stock at that date)."""
    return as_of - timedelta(days=origins * step)


def history_days_needed(window: int = 365, origins: int = 6, step: int = 28) -> int:
    return window + origins * step


__all__ = ["suggest", "draft_orders", "backtest", "simulate", "order_quantity", "lead_time_quantile",
           "shelf_life_days", "backtest_start", "history_days_needed"]
