"""Demand classification and forecasting for reorder suggestions: pure NumPy, vectorised over products.

Method
------
* **Classification (Syntetos–Boylan 2005)** over a history window (default 365 days): ``ADI`` is the
  number of days in the window divided by the number of days with demand (average inter-demand
  interval); ``CV²`` is the squared coefficient of variation (population standard deviation / mean) of
  the *non-zero* daily demand sizes. Cut-offs ADI = 1.32 and CV² = 0.49 give four classes:
  smooth (ADI < 1.32, CV² < 0.49), erratic (ADI < 1.32, CV² ≥ 0.49), intermittent (ADI ≥ 1.32,
  CV² < 0.49), lumpy (both ≥). A product with no demand in the window is ``none`` (forecast 0); with
  one demand day, CV² is 0. Days with net returns (negative demand) count as zero.
* **Forecasting methods**, each returning the whole path of one-step-ahead forecasts so that errors
  over any horizon can be measured in-sample:

  - ``ses``: simple exponential smoothing, α chosen per product from :data:`SES_ALPHAS` by in-sample
    one-step squared error (the same criterion statsmodels' optimiser uses, on a grid).
  - ``croston``: Croston (1972), sizes and intervals smoothed with α = 0.1, forecast z / p.
  - ``sba``: Syntetos–Boylan approximation, Croston × (1 − α/2), α = 0.1.
  - ``tsb``: Teunter–Syntetos–Babai (2011), demand probability smoothed every day with β = 0.05 and size
    on demand days with α = 0.1; forecast p · z (decays towards zero while nothing sells).
  - ``mean28``: the plain 28-day moving average (a baseline).

  These paths are flat (a daily rate). :func:`plan` runs SES, TSB and the 28-day mean on weekday-adjusted
  open days (:mod:`pharmadesk.analytics.models.demand_calendar`: closures, day-of-week profile, yearly
  index), each with and without the yearly index, and picks per product the one with the lowest error in a
  rolling-origin backtest of its own horizon; that backtest's RMSE is the forecast error the safety stock
  uses. :data:`METHOD_FOR_CLASS` (one method per demand class, flat, no calendar) is the former rule, kept as
  the baseline the docs compare with (``docs/analytics.md``, Reorder suggestions).
* **Error measures**: MASE (Hyndman & Koehler 2006; MAE over the horizon divided by the in-sample MAE
  of the one-day naive forecast) and bias (Σ forecast − Σ actual, also relative to Σ actual).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

ADI_CUT = 1.32
CV2_CUT = 0.49
CLASSES = ("smooth", "erratic", "intermittent", "lumpy", "none")
SES_ALPHAS = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5)
CROSTON_ALPHA = 0.1
TSB_ALPHA, TSB_BETA = 0.1, 0.05
METHODS = ("ses", "croston", "sba", "tsb", "mean28")
#: The former rule: one method per demand class (lowest mean MASE with |bias| ≤ 5 %, 6 origins × 28 days, 50k
#: demo store); now the baseline of the backtests, :func:`plan` picks per product.
METHOD_FOR_CLASS = {"smooth": "ses", "erratic": "ses", "intermittent": "ses", "lumpy": "mean28", "none": "none"}
WARMUP = 28     # in-sample errors are measured after this many days


def classify(demand: np.ndarray | pd.DataFrame, window: int = 365) -> pd.DataFrame:
    """Syntetos–Boylan class per column of ``demand`` (days × products) over its last ``window`` days.

    Returns a frame (index = the columns) with ``demand_days, adi, cv2, mean_size, demand_class``.
    """
    columns = demand.columns if isinstance(demand, pd.DataFrame) else pd.RangeIndex(np.asarray(demand).shape[1])
    y = np.clip(np.asarray(demand, dtype=float)[-window:], 0, None)
    n_days = y.shape[0]
    nonzero = y > 0
    count = nonzero.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = y.sum(axis=0)
        mean = np.where(count > 0, total / np.maximum(count, 1), np.nan)
        sq = np.where(nonzero, (y - mean) ** 2, 0.0).sum(axis=0)
        var = np.where(count > 0, sq / np.maximum(count, 1), np.nan)
        cv2 = np.where(count > 0, var / mean**2, np.nan)
        adi = np.where(count > 0, n_days / np.maximum(count, 1), np.inf)
    cls = np.where(count == 0, "none",
                   np.where(adi < ADI_CUT, np.where(cv2 < CV2_CUT, "smooth", "erratic"),
                            np.where(cv2 < CV2_CUT, "intermittent", "lumpy")))
    return pd.DataFrame({"demand_days": count.astype(int), "adi": adi, "cv2": cv2, "mean_size": mean,
                         "demand_class": cls}, index=columns)


# -- forecasting paths: f[t] is the forecast for day t made with days < t; f[T] is the next-day forecast -------

def _init_level(y: np.ndarray) -> np.ndarray:
    return y[: min(len(y), WARMUP)].mean(axis=0) if len(y) else np.zeros(y.shape[1])


def ses_path(y: np.ndarray, alpha: float | np.ndarray) -> np.ndarray:
    """Simple exponential smoothing one-step forecasts, shape (T + 1, N)."""
    out = np.empty((y.shape[0] + 1, y.shape[1]))
    level = _init_level(y)
    alpha = np.broadcast_to(np.asarray(alpha, dtype=float), (y.shape[1],))
    for t in range(y.shape[0]):
        out[t] = level
        level = level + alpha * (y[t] - level)
    out[-1] = level
    return out


def ses_optimized(y: np.ndarray, alphas=SES_ALPHAS) -> tuple[np.ndarray, np.ndarray]:
    """SES with α per column chosen on :data:`SES_ALPHAS` by in-sample one-step SSE after the warm-up."""
    best_sse = np.full(y.shape[1], np.inf)
    best_alpha = np.full(y.shape[1], alphas[0])
    best = None
    for alpha in alphas:
        path = ses_path(y, alpha)
        sse = ((path[WARMUP:-1] - y[WARMUP:]) ** 2).sum(axis=0)
        better = sse < best_sse - 1e-12
        best_sse = np.where(better, sse, best_sse)
        best_alpha = np.where(better, alpha, best_alpha)
        best = path if best is None else np.where(better, path, best)
    return best, best_alpha


def croston_path(y: np.ndarray, alpha: float = CROSTON_ALPHA, sba: bool = False) -> np.ndarray:
    """Croston's method (or the SBA correction) one-step forecasts, shape (T + 1, N)."""
    nonzero = y > 0
    count = nonzero.sum(axis=0)
    size = np.where(count > 0, np.where(nonzero, y, 0).sum(axis=0) / np.maximum(count, 1), 0.0)
    interval = np.where(count > 0, len(y) / np.maximum(count, 1), 1.0)
    since = np.ones(y.shape[1])
    factor = (1 - alpha / 2) if sba else 1.0
    out = np.empty((y.shape[0] + 1, y.shape[1]))
    for t in range(y.shape[0]):
        out[t] = factor * size / interval
        d = nonzero[t]
        size = np.where(d, size + alpha * (y[t] - size), size)
        interval = np.where(d, interval + alpha * (since - interval), interval)
        since = np.where(d, 1.0, since + 1.0)
    out[-1] = factor * size / interval
    return out


def tsb_path(y: np.ndarray, alpha: float = TSB_ALPHA, beta: float = TSB_BETA) -> np.ndarray:
    """Teunter–Syntetos–Babai one-step forecasts, shape (T + 1, N)."""
    nonzero = y > 0
    count = nonzero.sum(axis=0)
    size = np.where(count > 0, np.where(nonzero, y, 0).sum(axis=0) / np.maximum(count, 1), 0.0)
    prob = nonzero[: min(len(y), WARMUP)].mean(axis=0) if len(y) else np.zeros(y.shape[1])
    out = np.empty((y.shape[0] + 1, y.shape[1]))
    for t in range(y.shape[0]):
        out[t] = prob * size
        d = nonzero[t]
        prob = prob + beta * (d - prob)
        size = np.where(d, size + alpha * (y[t] - size), size)
    out[-1] = prob * size
    return out


def mean_path(y: np.ndarray, window: int = 28) -> np.ndarray:
    """Moving-average one-step forecasts over the previous ``window`` days, shape (T + 1, N)."""
    c = np.vstack([np.zeros((1, y.shape[1])), np.cumsum(y, axis=0)])
    t = np.arange(y.shape[0] + 1)
    lo = np.maximum(t - window, 0)
    n = np.maximum(t - lo, 1)
    out = (c[t] - c[lo]) / n[:, None]
    out[0] = _init_level(y)
    return out


def method_path(y: np.ndarray, method: str) -> np.ndarray:
    """One-step forecast path of ``method`` for every column of ``y`` (days × products)."""
    y = np.clip(np.asarray(y, dtype=float), 0, None)
    if method == "ses":
        return ses_optimized(y)[0]
    if method == "croston":
        return croston_path(y)
    if method == "sba":
        return croston_path(y, sba=True)
    if method == "tsb":
        return tsb_path(y)
    if method == "mean28":
        return mean_path(y)
    if method == "none":
        return np.zeros((y.shape[0] + 1, y.shape[1]))
    raise ValueError(f"unknown forecasting method {method!r}")


def forecast_paths(y: np.ndarray, methods_per_column) -> np.ndarray:
    """The path of each column's own method (``methods_per_column``: one method name per column)."""
    y = np.clip(np.asarray(y, dtype=float), 0, None)
    methods = np.asarray(methods_per_column)
    out = np.zeros((y.shape[0] + 1, y.shape[1]))
    for method in np.unique(methods):
        cols = np.flatnonzero(methods == method)
        out[:, cols] = method_path(y[:, cols], str(method))
    return out


def horizon_error_sd(y: np.ndarray, path: np.ndarray, horizon: np.ndarray) -> np.ndarray:
    """Root mean squared error of the demand total over ``horizon`` days (one value per column), from
    the in-sample forecasts: e_t = Σ y[t : t+k] − k · f[t] for every t after the warm-up.

    This is the spread of demand over lead time + review period around its forecast; it includes the
    autocorrelation of the errors, unlike √k · σ₁.
    """
    y = np.clip(np.asarray(y, dtype=float), 0, None)
    horizon = np.broadcast_to(np.asarray(horizon, dtype=int), (y.shape[1],))
    c = np.vstack([np.zeros((1, y.shape[1])), np.cumsum(y, axis=0)])
    out = np.zeros(y.shape[1])
    T = y.shape[0]
    for k in np.unique(horizon):
        cols = np.flatnonzero(horizon == k)
        start = min(WARMUP, max(T - k, 0))
        t = np.arange(start, T - k + 1)
        if len(t) == 0:
            continue
        totals = c[t + k][:, cols] - c[t][:, cols]
        err = totals - k * path[t][:, cols]
        out[cols] = np.sqrt((err ** 2).mean(axis=0))
    return out


def mase(actual: np.ndarray, forecast: np.ndarray, history: np.ndarray) -> np.ndarray:
    """MASE per column: MAE of ``forecast`` over ``actual`` divided by the in-sample MAE of the one-day
    naive forecast on ``history``; NaN where that scale is zero (a constant history)."""
    scale = np.abs(np.diff(np.clip(history, 0, None), axis=0)).mean(axis=0)
    mae = np.abs(np.clip(actual, 0, None) - forecast).mean(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(scale > 0, mae / scale, np.nan)


# -- the per-product plan: calendar effects + method chosen by a rolling-origin backtest ---------------------

#: Level methods every product is backtested with (each also "+year" when a full earlier year exists).
CANDIDATES = ("ses", "tsb", "mean28")
SELECT_STEP = 1           # days between the selection backtest's origins (every day: the steadiest choice, measured)
YEARLY_SUFFIX = "+year"


def candidate_names(candidates=CANDIDATES, yearly: bool = True) -> list[str]:
    """The candidates' names: each level method, then each with the yearly index when ``yearly``."""
    return list(candidates) + ([m + YEARLY_SUFFIX for m in candidates] if yearly else [])


def plan(demand: np.ndarray | pd.DataFrame, dates, horizon, *, window: int = 365, open_mask: np.ndarray | None = None,
         candidates=CANDIDATES, step: int = SELECT_STEP, only: str | None = None) -> dict:
    """Forecast of every product's demand over its own ``horizon`` (days, one per column) from ``demand``
    (calendar days × products, the day before the forecast last; it may reach further back than ``window``
    for the yearly index), with the method picked per product by a rolling-origin backtest.

    1. Closed days (``open_mask`` False; by default the days the whole frame sold nothing) are dropped.
    2. The day-of-week profile (:func:`demand_calendar.weekday_profile`) of the last ``window`` days'
       open days divides demand; each candidate level method (:data:`CANDIDATES`) runs on the result.
    3. A candidate's forecast of the next ``h`` days is level × Σ profile over their open weekdays
       (× the yearly index for the ``+year`` variants, offered when every backtest origin has a full
       earlier year, i.e. about two years of history).
    4. Backtest: origins every ``step`` days back from T − h while the level has :data:`WARMUP` open days;
       at each, the forecast of the next ``h`` days' total against the actual total (closed days count
       neither way). The candidate with the lowest mean absolute error wins (the first on ties); its
       root mean squared error is the forecast's out-of-sample error ``sd`` over the horizon. (Two parts
       are fitted on the whole window and so see a little past each origin: the weekday profile and SES's α;
       the level and the yearly index never do.)

    ``only``: one candidate's name, used for every product (to compare methods).
    Returns a dict of per-product arrays: ``method``, ``mu`` (forecast total over the horizon, the future
    assumed open), ``daily`` (mu / h), ``weekly`` (the next 7 days), ``level`` (weekday-adjusted daily level),
    ``yearly`` (the yearly index over the horizon, 1 when not used), ``sd``, ``origins`` (how many backtest
    origins), plus ``errors`` (a frame candidate × product of backtest MAE, NaN where not offered) and
    ``profile`` (7 × products): day d's forecast is level × profile[weekday(d)] × yearly.
    """
    from pharmadesk.analytics.models import demand_calendar as cal

    Y = np.clip(np.nan_to_num(np.asarray(demand, dtype=float)), 0, None)
    T, N = Y.shape
    open_mask = cal.open_days(Y) if open_mask is None else np.asarray(open_mask, dtype=bool)
    wd = cal.weekdays(dates)
    h_all = np.broadcast_to(np.asarray(horizon, dtype=int), (N,))
    start = max(0, T - window)
    recent = open_mask[start:]
    y_open = Y[start:][recent]
    wd_open = wd[start:][recent]
    profile = cal.weekday_profile(y_open, wd_open) if len(y_open) else np.ones((7, N))
    cols = np.arange(N)
    z_open = y_open / profile[wd_open]
    z_cal = np.where(open_mask[:, None], Y / profile[wd], np.nan)
    open_before = np.concatenate([[0], np.cumsum(recent)])          # open days before calendar day start + i
    C = np.vstack([np.zeros((1, N)), np.cumsum(Y, axis=0)])
    names = [only] if only else candidate_names(candidates)
    if only:
        candidates = (only.removesuffix(YEARLY_SUFFIX),)
    paths = {m: method_path(z_open, m) for m in candidates}
    errors = np.full((len(names), N), np.nan)
    out = {k: np.zeros(N) for k in ("mu", "weekly", "sd", "level")}
    out["yearly"] = np.ones(N)
    out["origins"] = np.zeros(N, dtype=int)
    method = np.full(N, candidates[0], dtype=object)
    for h in np.unique(h_all):
        c = np.flatnonzero(h_all == h)
        h = max(int(h), 1)
        first = start + int(np.searchsorted(open_before, WARMUP))    # first calendar day with WARMUP open days
        origins = np.arange(T - h, first - 1, -step)[::-1]
        now = np.array([T])
        ahead = cal.weekday_counts(open_mask, wd, now, h) @ profile[:, c]
        week = cal.weekday_counts(open_mask, wd, now, 7) @ profile[:, c]
        year_now, year_ok_now = cal.yearly_index(z_cal[:, c], now, h)
        year_week, _ = cal.yearly_index(z_cal[:, c], now, 7)
        if len(origins) == 0:                                        # too short to backtest: SES, in-sample error
            level = paths[candidates[0]][-1][c]
            out["mu"][c], out["weekly"][c], out["level"][c] = level * ahead[0], level * week[0], level
            out["sd"][c] = horizon_error_sd(z_open[:, c], paths[candidates[0]][:, c], h) if len(z_open) else 0.0
            continue
        actual = C[origins + h][:, c] - C[origins][:, c]
        spread = cal.weekday_counts(open_mask, wd, origins, h) @ profile[:, c]
        yearly, year_ok = cal.yearly_index(z_cal[:, c], origins, h)
        use_yearly = bool(year_ok.all() and year_ok_now[0])
        sq = np.full((len(names), len(c)), np.nan)
        for i, name in enumerate(names):
            base, yearly_variant = name.removesuffix(YEARLY_SUFFIX), name.endswith(YEARLY_SUFFIX)
            if yearly_variant and not use_yearly and not only:
                continue
            level = paths[base][open_before[origins - start]][:, c]
            err = level * spread * (yearly if yearly_variant else 1.0) - actual
            errors[i, c] = np.abs(err).mean(axis=0)
            sq[i] = np.sqrt((err ** 2).mean(axis=0))
        best = np.argmin(np.where(np.isnan(errors[:, c]), np.inf, errors[:, c]), axis=0)   # first on ties
        chosen = np.asarray(names, dtype=object)[best]
        method[c] = chosen
        for i, name in enumerate(names):
            pick = best == i
            if not pick.any():
                continue
            base, yearly_variant = name.removesuffix(YEARLY_SUFFIX), name.endswith(YEARLY_SUFFIX)
            level = paths[base][-1][c[pick]]
            out["mu"][c[pick]] = level * ahead[0, pick] * (year_now[0, pick] if yearly_variant else 1.0)
            out["weekly"][c[pick]] = level * week[0, pick] * (year_week[0, pick] if yearly_variant else 1.0)
            out["sd"][c[pick]] = sq[i, pick]
            out["level"][c[pick]] = level
            if yearly_variant:
                out["yearly"][c[pick]] = year_now[0, pick]
        out["origins"][c] = len(origins)
    never = Y[start:].sum(axis=0) <= 0
    method[never] = "none"
    for key in ("mu", "weekly", "sd", "level"):
        out[key] = np.where(never, 0.0, np.maximum(out[key], 0.0))
    out["daily"] = out["mu"] / np.maximum(h_all, 1)
    out["method"] = method.astype(str)
    out["errors"] = pd.DataFrame(errors, index=names,
                                 columns=demand.columns if isinstance(demand, pd.DataFrame) else cols)
    out["profile"] = profile
    out["open_days"] = int(recent.sum())
    return out


def rolling_origin_errors(demand: np.ndarray, dates, *, horizon: int = 14, step: int = 7, span: int = 364,
                          window: int = 365, methods: tuple[str, ...] | None = None,
                          progress=None) -> pd.DataFrame:
    """The held-out protocol of the forecast docs: origins every ``step`` days over the last ``span`` days,
    each forecasting the next ``horizon`` days' demand total of every product from the days before it only.

    Methods: ``chosen`` (:func:`plan`, each product's method picked at that origin), ``class rule`` (the
    former rule: SES, or the 28-day mean for lumpy demand, flat, closures counted as zero demand), every
    candidate of :func:`candidate_names` for all products, and ``seasonal naive`` (each day forecast by the
    same weekday a week before, so the total is the previous ``horizon`` days'; the scale). Closed days are
    zero in both the forecast and the actual. Returns a long frame ``origin, method, product`` (column
    position), ``forecast, actual`` (totals), ``abs_error``.
    """
    from pharmadesk.analytics.models import demand_calendar as cal

    report = progress or (lambda fraction, label: None)
    Y = np.clip(np.nan_to_num(np.asarray(demand, dtype=float)), 0, None)
    T, N = Y.shape
    open_mask = cal.open_days(Y)
    wd = cal.weekdays(dates)
    names = methods or ("chosen", "class rule", *candidate_names(), "seasonal naive")
    origins = np.arange(T - horizon, T - span - 1, -step)[::-1]
    frames = []
    for j, o in enumerate(origins):
        actual = Y[o:o + horizon]
        days_wd = (wd[o - 1] + 1 + np.arange(horizon)) % 7
        for name in names:
            if name == "seasonal naive":
                total = np.tile(Y[o - 7:o], (-(-horizon // 7), 1))[:horizon].sum(axis=0) if horizon % 7 == 0 \
                    else Y[o - horizon:o].sum(axis=0)
            elif name == "class rule":
                hist = Y[max(0, o - window):o]
                classes = classify(hist, window)["demand_class"].to_numpy()
                total = forecast_paths(hist, [METHOD_FOR_CLASS.get(c, "none") for c in classes])[-1] * horizon
            else:
                p = plan(Y[:o], dates[:o], horizon, window=window, open_mask=open_mask[:o],
                         only=None if name == "chosen" else name)
                total = (p["level"] * p["profile"][days_wd] * p["yearly"] * open_mask[o:o + horizon, None]).sum(axis=0)
            frames.append(pd.DataFrame({"origin": j, "method": name, "product": np.arange(N), "forecast": total,
                                        "actual": actual.sum(axis=0)}))
        report((j + 1) / len(origins), "forecast protocol")
    out = pd.concat(frames, ignore_index=True)
    out["abs_error"] = (out["forecast"] - out["actual"]).abs()
    return out


def relative_mae(errors: pd.DataFrame, by: list[str] | None = None) -> pd.DataFrame:
    """Σ|error| of each method over Σ|error| of ``seasonal naive`` on the same origins and products (below 1:
    better than the baseline), from :func:`rolling_origin_errors`; grouped further by ``by`` columns."""
    keys = (by or []) + ["method"]
    total = errors.groupby(keys, sort=False)["abs_error"].sum()
    base = errors[errors["method"] == "seasonal naive"].groupby(by or (lambda _: 0))["abs_error"].sum() \
        if by else errors.loc[errors["method"] == "seasonal naive", "abs_error"].sum()
    if by:
        scale = total.reset_index().set_index(by).join(base.rename("base"))
        return scale.assign(relative_mae=scale["abs_error"] / scale["base"]).reset_index()[keys + ["relative_mae"]]
    return (total / base).rename("relative_mae").reset_index()
