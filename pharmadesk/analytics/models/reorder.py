"""Reorder suggestions per product, draft purchase orders per supplier, and a backtest of the policy.

Method (parameters are the keyword defaults of :func:`suggest`)
----------------------------------------------------------------
1. Daily demand per product (sales − returns, local days): the last ``window`` = 365 days for the level and
   the weekday profile, and a year more before them for the yearly index. Days on which the whole store sold
   nothing are closures and left out. The forecast over lead time L + review period R (the supplier's
   ``lead_time_days`` and ``review_days``) is :func:`pharmadesk.analytics.models.forecast.plan`: level
   (SES, TSB or the 28-day mean) × day-of-week profile (× yearly index with two years of history), the method
   picked per product by a rolling-origin backtest (daily origins over the window, lowest MAE of the
   (L+R)-day totals); σ = that backtest's RMSE, i.e. the forecast's own out-of-sample error.
2. The Syntetos–Boylan class (ADI 1.32, CV² 0.49, open days) sets the distribution of demand over L + R:
   **normal** for smooth and erratic products, **negative binomial** (Poisson when σ² ≤ μ) for
   intermittent and lumpy ones.
3. Order-up-to, reviewed every R days: S = the target cycle service level's quantile of demand over L + R,
   i.e. μ + safety stock. The level is set per product category (``category_levels``; the store's
   ``service_level_<category>_pct`` settings, 95 %, Rx chronic 98 %), else ``service_level``.
   ``reorder_point`` equals S: any position below it is topped up. (Until 2026-12 S was s + f·R with s that
   quantile, which held lead time plus two review periods of cover.) Stock position = sellable on hand
   (batches not expired on ``as_of``, less units awaiting acceptance or in quarantine) + on order; the
   quantity S − position is rounded UP to the product's ``order_multiple`` and to at least ``min_order_qty``
   (itself rounded up to the multiple).
4. Shelf-life cap: a new batch is assumed to keep the product's typical shelf life (the median of its
   batches' received → expiry spans; 365 days when it has none) less ``expiry_margin_days`` (30). What
   can be sold before it expires is f · (L + shelf life − margin) − position; the order is cut down to
   that, rounded DOWN to the multiple, and dropped when that is below the minimum order.
5. Every row explains itself in columns (forecast per day and per week, days of stock left, lead time,
   method, service level, stock value, expected fill rate) and in a ``why`` sentence.
   :func:`service_tradeoff` gives the expected fill rate against stock for a range of service levels.
   Rx and controlled products are suggested like all stock. :func:`draft_orders` groups the quantities per
   supplier for ``store.stock.create_order``; nothing here writes to the store.

The backtest (:func:`backtest`) replays the store's own history at rolling origins (default 6, 28 days
apart, horizon 28 days): forecast MASE and bias per class for the chosen and every candidate method, and a
day-by-day simulation (lost sales, stated lead times, reviews every R days, no expiry in the simulation) of
this policy, of the previous rule and of a plain min/max policy (min = 14 days and max = 28 days of the
average daily demand of the previous 90 days, same pack rules): fill rate, average stock in units and at
cost, days of cover, order lines.
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


def lead_time_quantile(mu: np.ndarray, sd: np.ndarray, service_level, discrete: np.ndarray) -> np.ndarray:
    """The ``service_level`` quantile of demand over lead time + review: normal, or for ``discrete``
    columns negative binomial with that mean and variance (Poisson when the variance is not above the mean)."""
    mu, sd = np.asarray(mu, float), np.asarray(sd, float)
    service_level = np.broadcast_to(np.asarray(service_level, float), mu.shape)
    out = mu + stats.norm.ppf(service_level) * sd
    var = sd ** 2
    nb = discrete & (mu > 0) & (var > mu)
    po = discrete & (mu > 0) & ~nb
    if nb.any():
        p = mu[nb] / var[nb]
        n = mu[nb] ** 2 / (var[nb] - mu[nb])
        out[nb] = stats.nbinom.ppf(service_level[nb], n, p)
    if po.any():
        out[po] = stats.poisson.ppf(service_level[po], mu[po])
    return np.where(mu > 0, np.maximum(out, 0), 0.0)


def shelf_life_days(batches: pd.DataFrame, default: int = DEFAULT_SHELF_DAYS) -> pd.Series:
    """Typical shelf life per product: median days from receipt to expiry over its batches."""
    if batches.empty:
        return pd.Series(dtype=float)
    span = (batches["expiry"] - batches["received"]).dt.days
    return span[span > 0].groupby(batches["product_id"]).median()


# -- the policy, vectorised -------------------------------------------------------------------------------------

def service_levels(products: pd.DataFrame, service_level: float = 0.95,
                   category_levels: dict[str, float] | None = None) -> np.ndarray:
    """Target cycle service level per product: its category's in ``category_levels``, else ``service_level``."""
    levels = category_levels or {}
    return np.array([levels.get(c, service_level) for c in products["category"]], dtype=float) \
        if "category" in products else np.full(len(products), service_level)


def expected_fill(per_review: np.ndarray, sd: np.ndarray, level: np.ndarray | float) -> np.ndarray:
    """Expected fill rate (share of demand served from the shelf) of an order-up-to policy whose level is the
    ``level`` quantile of a normal demand with out-of-sample error ``sd`` over lead + review:
    1 − σ·G(z) / (demand per review period ``per_review``), G the standard normal loss function
    (Silver, Pyke & Thomas, ch. 7). NaN where nothing is expected to sell."""
    z = stats.norm.ppf(level)
    loss = stats.norm.pdf(z) - z * stats.norm.sf(z)
    per_review = np.asarray(per_review, float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(per_review > 0, np.clip(1 - np.asarray(sd, float) * loss / per_review, 0, 1), np.nan)


def _policy(demand: np.ndarray, dates, lead: np.ndarray, review: np.ndarray, level: np.ndarray, window: int,
            open_mask: np.ndarray | None = None) -> dict:
    """Class, forecast, σ over L+R and order-up-to S for every column of ``demand`` (calendar days × products)."""
    k = np.maximum((lead + review).astype(int), 1)
    p = fc.plan(demand, dates, k, window=window, open_mask=open_mask)
    y = np.clip(np.nan_to_num(np.asarray(demand, dtype=float)), 0, None)[-window:]
    recent_open = (open_mask[-window:] if open_mask is not None else np.ones(len(y), dtype=bool))
    cls = fc.classify(y[recent_open] if recent_open.any() else y, window)
    classes = cls["demand_class"].to_numpy()
    discrete = np.isin(classes, ("intermittent", "lumpy"))
    up_to = np.ceil(lead_time_quantile(p["mu"], p["sd"], level, discrete) - 1e-9)
    return {**p, "classes": classes, "adi": cls["adi"].to_numpy(), "cv2": cls["cv2"].to_numpy(),
            "forecast": p["daily"], "S": up_to, "discrete": discrete}


def sellable_on_hand(batches: pd.DataFrame) -> pd.Series:
    """Units per product that can be sold: batches not expired, less their units held off sale (awaiting
    acceptance or in quarantine, ``held``). The stock position counts only these."""
    sellable = batches[batches["sellable"]]
    return (sellable["on_hand"] - sellable["held"]).clip(lower=0).groupby(sellable["product_id"]).sum()


def suggest(demand: pd.DataFrame, products: pd.DataFrame, batches: pd.DataFrame, on_order: pd.DataFrame,
            as_of: date, *, service_level: float = 0.95, category_levels: dict[str, float] | None = None,
            window: int = 365, expiry_margin_days: int = 30, include_inactive: bool = False,
            progress: Progress = None) -> pd.DataFrame:
    """Reorder suggestions, one row per product (see the module docstring for the method).

    Inputs are the frames of :mod:`pharmadesk.analytics.frames`: ``reorder_daily_demand`` (days × every
    product of the store, the day before ``as_of`` last; more than ``window`` days lets the yearly season
    in), ``reorder_products``, ``reorder_batches`` and ``reorder_on_order``. ``category_levels``: the target
    cycle service level per product category (others: ``service_level``).
    Columns: ``product_id, name, category, supplier_id, supplier_name, legal_class, demand_class, adi, cv2,
    method, forecast_daily, forecast_weekly, lead_time_days, review_days, demand_lead_review,
    sd_lead_review, distribution, service_level, safety_stock, reorder_point, order_up_to, on_hand,
    on_order, position, days_of_stock, raw_qty, rounded_qty, expiry_cap, capped, suggested_qty,
    order_multiple, min_order_qty, shelf_life_days, unit_cost, stock_value, order_value, expected_fill,
    why``. Sorted: products to order first (by supplier), then the rest.
    """
    from pharmadesk.analytics.models import demand_calendar as cal

    report = progress or (lambda fraction, label: None)
    prods = products if include_inactive else products[products["active"]]
    prods = prods.reset_index(drop=True)
    pids = prods["product_id"].to_numpy()
    open_mask = cal.open_days(demand.to_numpy())          # store-wide: every product of the frame
    y = demand.reindex(columns=pids).fillna(0.0).to_numpy()
    lead = prods["lead_time_days"].to_numpy(dtype=float)
    review = prods["review_days"].to_numpy(dtype=float)
    level = service_levels(prods, service_level, category_levels)
    report(0.2, "forecasting")
    pol = _policy(y, demand.index, lead, review, level, window, open_mask)
    classes = pol["classes"]
    report(0.7, "stock and orders")
    on_hand = sellable_on_hand(batches).reindex(pids).fillna(0).to_numpy(dtype=float)
    ordered = (on_order.set_index("product_id")["on_order"].reindex(pids).fillna(0).to_numpy(dtype=float)
               if len(on_order) else np.zeros(len(pids)))
    position = on_hand + ordered
    multiple = prods["order_multiple"].to_numpy(dtype=float)
    min_qty = prods["min_order_qty"].to_numpy(dtype=float)
    f, up_to = pol["forecast"], pol["S"]
    due = up_to > position                       # order-up-to: every review tops the position up to S
    raw = np.where(due, up_to - position, 0.0)
    rounded = order_quantity(raw, multiple, min_qty)
    shelf = shelf_life_days(batches).reindex(pids).fillna(DEFAULT_SHELF_DAYS).to_numpy(dtype=float)
    sell_days = np.maximum(lead + shelf - expiry_margin_days, 0)
    cap_units = np.maximum(np.floor(f * sell_days - position), 0)
    cap = np.floor(cap_units / multiple) * multiple
    capped = (rounded > cap) & (rounded > 0)
    suggested = np.where(capped, np.where(cap >= _round_up(min_qty, multiple), cap, 0.0), rounded)
    unit_cost = prods["unit_cost"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        days_left = np.where(f > 0, on_hand / np.where(f > 0, f, 1), np.nan)
    out = pd.DataFrame({
        "product_id": pids, "name": prods["name"].to_numpy(),
        "category": prods["category"].to_numpy() if "category" in prods else "",
        "supplier_id": prods["supplier_id"].to_numpy(),
        "supplier_name": prods["supplier_name"].to_numpy(), "legal_class": prods["legal_class"].to_numpy(),
        "demand_class": classes, "adi": pol["adi"], "cv2": pol["cv2"],
        "method": pol["method"], "forecast_daily": f, "forecast_weekly": pol["weekly"],
        "lead_time_days": lead.astype(int), "review_days": review.astype(int), "demand_lead_review": pol["mu"],
        "sd_lead_review": pol["sd"],
        "distribution": np.where(pol["discrete"], "negative binomial", "normal"), "service_level": level,
        "safety_stock": np.maximum(up_to - pol["mu"], 0), "reorder_point": up_to.astype(int),
        "order_up_to": up_to.astype(int), "on_hand": on_hand.astype(int), "on_order": ordered.astype(int),
        "position": position.astype(int), "days_of_stock": days_left, "raw_qty": raw.astype(int),
        "rounded_qty": rounded.astype(int), "expiry_cap": cap.astype(int), "capped": capped,
        "suggested_qty": suggested.astype(int), "order_multiple": multiple.astype(int),
        "min_order_qty": min_qty.astype(int), "shelf_life_days": shelf.astype(int), "unit_cost": unit_cost,
        "stock_value": on_hand * np.nan_to_num(unit_cost), "order_value": suggested * np.nan_to_num(unit_cost),
        "expected_fill": expected_fill(f * review, pol["sd"], level),
    })
    out["why"] = [_why(r) for r in out.itertuples(index=False)]
    out = out.sort_values(["suggested_qty", "supplier_id", "product_id"], ascending=[False, True, True],
                          key=lambda c: (c > 0) if c.name == "suggested_qty" else c, kind="stable")
    report(1.0, "done")
    return out.reset_index(drop=True)


def service_tradeoff(table: pd.DataFrame, levels=(0.80, 0.85, 0.90, 0.95, 0.975, 0.99, 0.995)) -> pd.DataFrame:
    """The expected trade-off between fill rate and stock of the suggestion ``table`` (of :func:`suggest`),
    one row per uniform service level and a last row ``chosen`` for the levels in use: ``service_level``
    (NaN for the chosen mix), ``fill_pct`` (demand-weighted :func:`expected_fill`), ``stock_units`` and
    ``stock_value`` (minor units; average on hand of an order-up-to policy: safety stock + half a review period's
    demand), ``days_of_cover`` (stock value / daily demand at cost). Products with no forecast are left out."""
    t = table[table["forecast_daily"] > 0]
    f, sd = t["forecast_daily"].to_numpy(float), t["sd_lead_review"].to_numpy(float)
    review = t["review_days"].to_numpy(float)
    cost = np.nan_to_num(t["unit_cost"].to_numpy(float))
    rows = []
    points = [(f"{lv:g}", lv, np.full(len(t), lv)) for lv in levels]
    for name, uniform, level in points + [("chosen", np.nan, t["service_level"].to_numpy(float))]:
        z = stats.norm.ppf(level)
        fill = expected_fill(f * review, sd, level)
        stock = np.maximum(z * sd, 0) + f * review / 2
        value = (stock * cost).sum()
        daily_value = (f * cost).sum()
        rows.append({"point": name, "service_level": uniform,
                     "fill_pct": 100 * float(np.nansum(fill * f * review) / max((f * review).sum(), 1e-12)),
                     "stock_units": float(stock.sum()), "stock_value": float(value),
                     "days_of_cover": float(value / daily_value) if daily_value > 0 else np.nan})
    return pd.DataFrame(rows)


def suggestion_notes(table: pd.DataFrame, tradeoff: pd.DataFrame, as_of: date, *, window: int = 365,
                     expiry_margin_days: int = 30) -> list[Text]:
    """The lines printed under :func:`suggest`'s ``table`` (translatable): how much to order, the money in stock,
    the expected fill rate (the ``chosen`` row of :func:`service_tradeoff`) and the settings."""
    chosen = tradeoff[tradeoff["point"] == "chosen"].iloc[0]
    levels = table.groupby("category")["service_level"].first() if "category" in table else pd.Series(dtype=float)
    low, high = (float(levels.min()), float(levels.max())) if len(levels) else (0.95, 0.95)
    return [Text("analytics", QT_TRANSLATE_NOOP(
                "analytics", "On {date}: {count} products to order, costing {cost:,.2f}; stock on hand at cost "
                             "{stock:,.2f}; expected fill rate {fill:.1f} % with about {cover:.1f} days of cover."),
                 date=as_of.isoformat(), count=int((table["suggested_qty"] > 0).sum()),
                 cost=table["order_value"].sum() / 100, stock=table["stock_value"].sum() / 100,
                 fill=float(chosen["fill_pct"]), cover=float(chosen["days_of_cover"])),
            Text("analytics", QT_TRANSLATE_NOOP(
                "analytics", "Settings: in stock in {low:.0%} to {high:.0%} of order cycles by category (Settings → "
                             "Reorder), {window} days of sales history (a year more for the yearly season), {margin} "
                             "days' margin before expiry."),
                 low=low, high=high, window=window, margin=expiry_margin_days)]


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
             category_levels: dict[str, float] | None = None, tradeoff_levels: tuple[float, ...] = (),
             start_at_level: bool = False, progress: Progress = None) -> dict[str, pd.DataFrame]:
    """Rolling-origin backtest on the store's history (see the module docstring).

    ``demand``: ``reorder_daily_demand`` of every product with :func:`history_days_needed` days before
    ``as_of`` (fewer: no yearly index); its last day is the day before ``as_of``. Origins are
    as_of − step·k for k = origins..1, each forecast over the ``horizon`` days after it with only the days
    before it. ``start_stock``: sellable on hand + on order per product at the first origin (every policy
    starts from it). Returns ``{"accuracy", "methods", "simulation"}`` frames: MASE and bias of the
    per-product chosen method per demand class and overall; the same for every candidate used for all
    products (and ``class rule``, the former SES / 28-day-mean by class, flat, closures as zero days); and
    per policy the fill rate, average stock, days of cover and order lines (:func:`simulate`, with one
    extra row per level of ``tradeoff_levels``; ``start_at_level``: each policy starts at its own order-up-to
    level instead of ``start_stock``, which compares steady states rather than how fast an old stock drains).
    """
    from pharmadesk.analytics.models import demand_calendar as cal

    report = progress or (lambda fraction, label: None)
    prods = products[products["active"]].reset_index(drop=True)
    pids = prods["product_id"].to_numpy()
    open_mask = cal.open_days(demand.to_numpy())
    Y = np.clip(demand.reindex(columns=pids).fillna(0.0).to_numpy(), 0, None)
    dates = demand.index
    wd = cal.weekdays(dates)
    T = Y.shape[0]
    first = T - origins * step
    if first < 56:
        raise AnalyticsError(QT_TRANSLATE_NOOP("errors", "Not enough sales history for this backtest: it needs "
                                                         "{days} days."), days=56 + origins * step)
    rows = []
    names = ["chosen", "class rule", *fc.candidate_names()]
    for j, k in enumerate(range(origins, 0, -1)):
        o = T - k * step
        hist, actual = Y[:o], Y[o:o + horizon]
        h = actual.shape[0]
        days_wd = (wd[o - 1] + 1 + np.arange(h)) % 7
        ahead_open = open_mask[o:o + h]
        classes = fc.classify(hist[-window:][open_mask[:o][-window:]], window)["demand_class"].to_numpy()
        for method in names:
            if method == "class rule":
                path = fc.forecast_paths(hist[-window:], [fc.METHOD_FOR_CLASS.get(c, "none") for c in classes])
                daily = np.broadcast_to(path[-1], actual.shape)
            else:
                p = fc.plan(hist, dates[:o], h, window=window, open_mask=open_mask[:o],
                            only=None if method == "chosen" else method)
                daily = p["level"] * p["profile"][days_wd] * p["yearly"] * ahead_open[:, None]
            err = fc.mase(actual, daily, hist[-window:])
            rows += [(j, method, c, e, fs, ys) for c, e, fs, ys in zip(classes, err, daily.sum(axis=0),
                                                                        actual.sum(axis=0))]
        report(0.5 * (j + 1) / origins, "forecast backtest")
    cols = ["origin", "method", "demand_class", "mase", "forecast_total", "actual_total"]
    frame = pd.DataFrame(rows, columns=cols)
    acc, macc = frame[frame["method"] == "chosen"], frame[frame["method"] != "chosen"]
    accuracy = pd.concat([_summary(acc, ["demand_class"]), _summary(acc.assign(demand_class="all"), ["demand_class"])])
    comparison = pd.concat([_summary(macc, ["demand_class", "method"]),
                            _summary(macc.assign(demand_class="all"), ["demand_class", "method"])])
    levels = {"our policy": service_levels(prods, service_level, category_levels)}
    levels.update({f"order-up-to at {lv:.1%}": np.full(len(pids), lv) for lv in tradeoff_levels})
    sim = simulate(Y, dates, open_mask, prods, start_stock.reindex(pids).fillna(0).to_numpy(dtype=float), first,
                   window, step, levels, lambda x, label: report(0.5 + 0.5 * x, label), start_at_level=start_at_level)
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


def simulate(Y: np.ndarray, dates, open_mask: np.ndarray, prods: pd.DataFrame, start_position: np.ndarray,
             first: int, window: int, step: int, levels: dict[str, np.ndarray],
             progress: Progress = None, start_at_level: bool = False) -> pd.DataFrame:
    """Replay days ``first``..end of ``Y`` (days × products) under each policy: lost sales, deliveries after
    the supplier's stated lead time, a review every ``review_days`` (staggered per supplier), no expiry.
    Policies: the order-up-to rule of :func:`suggest` at each service level of ``levels`` (name → level per
    product); ``previous rule`` (reorder point s = the first level's quantile over L + R, S = s + f·R, the rule
    before order-up-to); ``min/max 2w/4w`` (min 14, max 28 days of the previous 90 days' mean). Forecasts
    and levels are recomputed every ``step`` days from the history before. Columns: ``policy, days,
    fill_rate_pct, avg_stock_units, avg_stock_cost`` (major units), ``days_of_cover`` (average stock at cost
    / average daily demand at cost), ``order_lines``. ``start_at_level``: every policy's stock starts at its
    own order-up-to level (max for min/max) instead of ``start_position``."""
    report = progress or (lambda fraction, label: None)
    T, N = Y.shape
    lead = prods["lead_time_days"].to_numpy(dtype=int)
    review = prods["review_days"].to_numpy(dtype=int)
    multiple = prods["order_multiple"].to_numpy(dtype=float)
    min_qty = prods["min_order_qty"].to_numpy(dtype=float)
    cost = np.nan_to_num(prods["unit_cost"].to_numpy(dtype=float))
    supplier = prods["supplier_id"].fillna(0).to_numpy(dtype=int)
    plans = {}
    for t in range(first, T, step):          # forecasts do not depend on the level: one plan per step
        plans[t] = _policy(Y[:t], dates[:t], lead.astype(float), review.astype(float), 0.5, window, open_mask[:t])
    report(0.5, "policy simulation")
    first_level = next(iter(levels.values()))
    policies = [*levels.items(), ("previous rule", first_level), ("min/max 2w/4w", None)]
    daily_value = (Y[first:] * cost).sum(axis=1).mean()
    results = []
    for name, level in policies:
        stock = start_position.copy()
        started = not start_at_level
        pipeline = np.zeros((T + int(lead.max()) + 2, N))
        sold = demanded = 0.0
        stock_units, stock_cost, lines = [], [], 0
        for t in range(first, T):
            if (t - first) % step == 0:
                pol = plans[t]
                if name == "min/max 2w/4w":
                    avg = Y[max(0, t - 90):t].mean(axis=0)
                    s, S = np.ceil(14 * avg), np.ceil(28 * avg)
                else:
                    q = np.ceil(lead_time_quantile(pol["mu"], pol["sd"], level, pol["discrete"]) - 1e-9)
                    s, S = (q, np.ceil(q + pol["forecast"] * review - 1e-9)) if name == "previous rule" else (q - 1, q)
                if not started:
                    stock, started = S.astype(float).copy(), True
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
        avg_cost = float(np.mean(stock_cost))
        results.append({"policy": name, "days": T - first, "fill_rate_pct": 100 * sold / max(demanded, 1),
                        "avg_stock_units": float(np.mean(stock_units)), "avg_stock_cost": avg_cost / 100,
                        "days_of_cover": avg_cost / daily_value if daily_value > 0 else float("nan"),
                        "order_lines": lines})
        report(0.5 + 0.5 * len(results) / len(policies), "policy simulation")
    return pd.DataFrame(results)


def backtest_start(as_of: date, origins: int = 6, step: int = 28) -> date:
    """The first origin of :func:`backtest` for a given ``as_of`` (load start stock at that date)."""
    return as_of - timedelta(days=origins * step)


def history_days_needed(window: int = 365, origins: int = 6, step: int = 28) -> int:
    """Days of demand the backtest loads: its origins, each with ``window`` days and the yearly index's
    earlier year (:func:`suggestion_history_days`)."""
    return suggestion_history_days(window) + origins * step


def suggestion_history_days(window: int = 365) -> int:
    """Days of demand :func:`suggest` loads: ``window`` for the level and profile, and before it a full year
    plus the yearly index's comparison days, so that two years of history bring in the yearly season."""
    from pharmadesk.analytics.models import demand_calendar as cal

    return max(window, cal.YEAR + cal.YEAR + cal.YEARLY_RECENT)


__all__ = ["suggest", "draft_orders", "backtest", "simulate", "order_quantity", "lead_time_quantile",
           "shelf_life_days", "backtest_start", "history_days_needed", "suggestion_history_days", "service_levels",
           "expected_fill", "service_tradeoff"]
