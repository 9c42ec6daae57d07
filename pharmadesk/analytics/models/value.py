"""Member value and churn: BG/NBD for purchases, Gamma-Gamma for spend, a discounted lifetime value.

    purchases = frames.member_purchase_days(store, as_of)        # one row per member and purchase day
    fit = member_value(purchases, as_of)                         # fit.table: one row per member who has bought
    fit.bgnbd, fit.gamma_gamma                                   # the fitted parameters
    report = backtest_value(frames.member_purchase_days(store, end), end)   # fit at end-90d, score next 90d

Methods (both fitted by maximum likelihood, implemented here with SciPy):

- **BG/NBD** (Fader, Hardie & Lee 2005, "Counting your customers the easy way", *Marketing Science*
  24(2)): while alive a member buys as a Poisson process with rate lambda ~ Gamma(r, alpha); after
  each purchase they drop out with probability p ~ Beta(a, b). Inputs per member: ``frequency`` x
  (repeat purchases), ``recency`` t_x (first to last purchase) and ``T`` (first purchase to ``as_of``).
  Log-likelihood, P(alive) and the conditional expectation E[Y(t) | x, t_x, T] are the paper's
  equations (6), (11) and (10); the Gauss hypergeometric term of (10) is evaluated as the integral it
  comes from, E over the drop-out probability's posterior Beta(a, b+x) of (1 - e^(-lambda p t)) / p
  with lambda integrated out, by Gauss-Jacobi quadrature: it stays accurate for members with hundreds
  of purchases and for fits with large a, b, where ``scipy.special.hyp2f1`` overflows or cancels.
- **Gamma-Gamma** (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value curves", *JMR* 42(4);
  after Colombo & Jiang 1999): the spend per purchase of a member is Gamma(p, nu) around their own
  mean, nu ~ Gamma(q, v). Fitted on members with at least one repeat purchase using their mean spend
  per *repeat* purchase; expected spend per purchase is ``p (v + x m) / (p x + q - 1)``, and the
  population mean ``p v / (q - 1)`` for members with no repeat purchase yet.

Fitting: L-BFGS-B (``scipy.optimize.minimize``) on the logarithms of the parameters, log-likelihood
vectorised over members with ``scipy.special.gammaln / betaln`` (and ``roots_jacobi`` for the
expectation); no randomness.

Validation: on the CDNOW sample (2,357 customers, 39-week calibration; ``tests/data/cdnow``) the fit
gives r=0.243, alpha=4.414, a=0.793, b=2.426 (log-likelihood -9582.4) and, on its 946 repeaters,
p=6.25, q=3.74, v=15.44 -- the parameters published by Fader, Hardie & Lee (2005) and in Fader &
Hardie's note "The Gamma-Gamma model of monetary value" (2013). ``tests/analytics/test_value.py``
checks them.

Units: **time in weeks** (``WEEK_DAYS`` = 7 days; a member's purchases are counted per calendar day,
several sales on one day being one purchase), money in minor units. Defaults: 90-day horizon, CLV over
12 months of 365.25/12 days with a monthly discount rate of 1 %, on revenue (what members paid).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Callable

import numpy as np
import pandas as pd
from scipy import optimize, special

from pharmadesk.errors import QT_TRANSLATE_NOOP, AnalyticsError

Progress = Callable[[float, str], None] | None

WEEK_DAYS = 7.0
MONTH_DAYS = 365.25 / 12
HORIZON_DAYS = 90
CLV_MONTHS = 12
MONTHLY_DISCOUNT = 0.01


@dataclass(frozen=True)
class BGNBDParams:
    """Fitted BG/NBD parameters (time unit: weeks) and the maximised log-likelihood."""

    r: float
    alpha: float
    a: float
    b: float
    log_likelihood: float
    n: int


@dataclass(frozen=True)
class GammaGammaParams:
    """Fitted Gamma-Gamma parameters (money in the unit of the input) and the log-likelihood."""

    p: float
    q: float
    v: float
    log_likelihood: float
    n: int


# -- BG/NBD ----------------------------------------------------------------------------------------------------

def bgnbd_log_likelihood(r, alpha, a, b, frequency, recency, T) -> np.ndarray:
    """Per-member log-likelihood of the BG/NBD model (Fader, Hardie & Lee 2005, eq. 6)."""
    x, t_x, T = (np.asarray(v, dtype=float) for v in (frequency, recency, T))
    a1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    a2 = special.betaln(a, b + x) - special.betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + t_x),
                      -np.inf)
    return a1 + a2 + np.logaddexp(a3, a4)


def _minimise(neg_ll, start: np.ndarray) -> np.ndarray:
    result = optimize.minimize(neg_ll, np.log(start), method="L-BFGS-B",
                               bounds=[(-12.0, 12.0)] * len(start), options={"maxiter": 2000, "ftol": 1e-13,
                                                                             "gtol": 1e-9})
    return np.exp(result.x)


def _collapse(*columns: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """Unique rows of the given columns and how many members share each (the likelihood is a sum)."""
    stacked = np.column_stack([np.asarray(c, dtype=float) for c in columns])
    unique, counts = np.unique(stacked, axis=0, return_counts=True)
    return [unique[:, i] for i in range(unique.shape[1])], counts.astype(float)


def fit_bgnbd(frequency, recency, T) -> BGNBDParams:
    """Maximum-likelihood BG/NBD parameters for the given members (arrays in one time unit)."""
    (x, t_x, t), weight = _collapse(frequency, recency, T)
    if len(x) == 0:
        raise AnalyticsError(QT_TRANSLATE_NOOP("errors", "No member has bought anything yet: there is nothing to fit "
                                                         "member value on."))
    total = weight.sum()
    scale = max(float(np.average(t, weights=weight)), 1e-9)   # start alpha on the data's time scale

    def neg_ll(log_params):
        r, alpha, a, b = np.exp(log_params)
        return -np.dot(weight, bgnbd_log_likelihood(r, alpha, a, b, x, t_x, t)) / total

    r, alpha, a, b = _minimise(neg_ll, np.array([1.0, scale / 4, 1.0, 1.0]))
    ll = float(np.dot(weight, bgnbd_log_likelihood(r, alpha, a, b, x, t_x, t)))
    return BGNBDParams(float(r), float(alpha), float(a), float(b), ll, int(total))


def bgnbd_p_alive(params: BGNBDParams, frequency, recency, T) -> np.ndarray:
    """P(a member is still active | x, t_x, T) (Fader, Hardie & Lee 2005, eq. 11; 1 when x = 0)."""
    x, t_x, T = (np.asarray(v, dtype=float) for v in (frequency, recency, T))
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        log_odds = np.log(a) - np.log(b + x - 1) + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x))
        odds = np.where(x > 0, np.exp(log_odds), 0.0)
    return 1.0 / (1.0 + odds)


QUADRATURE_NODES = 48


def _beta_quadrature(a: float, b: float) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights (summing to 1) for expectations under Beta(a, b): Gauss-Jacobi, which takes the
    end-point behaviour p^(a-1) (1-p)^(b-1) exactly; for very large a and b (a bell far from the ends,
    where the Jacobi weights overflow) Gauss-Legendre over mean +/- 12 sd with the density as weight."""
    with np.errstate(all="ignore"):
        nodes, weights = special.roots_jacobi(QUADRATURE_NODES, b - 1, a - 1)
    if np.all(np.isfinite(weights)) and weights.sum() > 0:
        return (1 + nodes) / 2, weights / weights.sum()
    mean, sd = a / (a + b), np.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    low, high = max(mean - 12 * sd, 0.0), min(mean + 12 * sd, 1.0)
    nodes, weights = np.polynomial.legendre.leggauss(4 * QUADRATURE_NODES)
    p = low + (high - low) * (nodes + 1) / 2
    with np.errstate(divide="ignore"):
        log_density = (a - 1) * np.log(p) + (b - 1) * np.log1p(-p)
    weights = weights * np.exp(log_density - log_density.max())
    return p, weights / weights.sum()


def bgnbd_expected_purchases(params: BGNBDParams, t, frequency, recency, T) -> np.ndarray:
    """E[number of purchases in the next ``t`` | x, t_x, T] (Fader, Hardie & Lee 2005, eq. 10).

    ``t`` may be a scalar (result: one value per member) or a 1-D array of horizons (result: one row
    per horizon). Computed as P(alive) x E[(1 - ((alpha+T) / (alpha+T+p t))^(r+x)) / p] with p ~
    Beta(a, b+x), the posterior of the drop-out probability: the paper's closed form with its 2F1
    written as that integral, which Gauss-Jacobi quadrature (``QUADRATURE_NODES`` nodes per distinct
    x) evaluates to ~1e-10 relative accuracy (checked against a 30-digit evaluation of the closed
    form over a grid of parameters) for any x, where SciPy's ``hyp2f1`` can overflow or lose
    all digits (members with hundreds of purchases, or fits with large a and b).
    """
    x, t_x, T = (np.atleast_1d(np.asarray(v, dtype=float)) for v in (frequency, recency, T))
    horizons = np.atleast_1d(np.asarray(t, dtype=float))
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    alive = bgnbd_p_alive(params, x, t_x, T)
    out = np.zeros((len(horizons), len(x)))
    for value in np.unique(x):
        rows = np.flatnonzero(x == value)
        p, weights = _beta_quadrature(a, b + value)
        scale = horizons[:, None, None] / (alpha + T[rows])[None, :, None] * p[None, None, :]
        g = -np.expm1(-(r + value) * np.log1p(scale)) / p[None, None, :]
        out[:, rows] = g @ weights
    out *= alive[None, :]
    if np.ndim(frequency) == 0:
        out = out[:, 0]
    return out[0] if np.ndim(t) == 0 else out


# -- Gamma-Gamma -----------------------------------------------------------------------------------------------

def gamma_gamma_log_likelihood(p, q, v, frequency, monetary_value) -> np.ndarray:
    """Per-member log-likelihood of the Gamma-Gamma spend model, up to a constant in the data (the
    mean spend ``m`` over ``x`` purchases; Fader & Hardie 2013, eq. 4, written for the mean)."""
    x = np.asarray(frequency, dtype=float)
    m = np.asarray(monetary_value, dtype=float)
    px = p * x
    return (special.gammaln(px + q) - special.gammaln(px) - special.gammaln(q) + q * np.log(v)
            + (px - 1) * np.log(m) + px * np.log(x) - (px + q) * np.log(x * m + v))


def fit_gamma_gamma(frequency, monetary_value) -> GammaGammaParams:
    """Maximum-likelihood Gamma-Gamma parameters; members with x > 0 and a positive mean spend only."""
    x = np.asarray(frequency, dtype=float)
    m = np.asarray(monetary_value, dtype=float)
    keep = (x > 0) & (m > 0)
    (x, m), weight = _collapse(x[keep], m[keep])
    if len(x) == 0:
        raise AnalyticsError(QT_TRANSLATE_NOOP("errors", "No member has bought twice yet: there is nothing to fit "
                                                         "spend per purchase on."))
    total = weight.sum()
    mean = float(np.average(m, weights=weight))

    def neg_ll(log_params):
        p, q, v = np.exp(log_params)
        return -np.dot(weight, gamma_gamma_log_likelihood(p, q, v, x, m)) / total

    p, q, v = _minimise(neg_ll, np.array([2.0, 3.0, mean]))
    ll = float(np.dot(weight, gamma_gamma_log_likelihood(p, q, v, x, m)))
    return GammaGammaParams(float(p), float(q), float(v), ll, int(total))


def gamma_gamma_expected_spend(params: GammaGammaParams, frequency, monetary_value) -> np.ndarray:
    """E[spend per purchase | x, m]: ``p (v + x m) / (p x + q - 1)``; the population mean when x = 0."""
    x = np.asarray(frequency, dtype=float)
    m = np.nan_to_num(np.asarray(monetary_value, dtype=float))
    p, q, v = params.p, params.q, params.v
    return np.where(x > 0, p * (v + x * m) / (p * x + q - 1), p * v / (q - 1))


# -- from purchases to a member table ----------------------------------------------------------------------

def _day(as_of) -> pd.Timestamp:
    if isinstance(as_of, datetime):
        as_of = as_of.date()
    return pd.Timestamp(as_of)


def rfm_summary(purchases: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """The BG/NBD inputs per member from ``purchases`` (one row per member and purchase day, columns
    ``member_id, day, revenue``; rows on or after ``as_of`` are ignored).

    Returns ``member_id, purchases, frequency`` (= purchases - 1), ``recency, T`` (weeks, from the first
    purchase day to the last one / to ``as_of``) and ``monetary_value`` (mean revenue per repeat
    purchase day, minor units; 0 with no repeat purchase). Members are those with a purchase day
    strictly before ``as_of``.
    """
    cutoff = _day(as_of)
    frame = purchases.loc[pd.to_datetime(purchases["day"]) < cutoff, ["member_id", "day", "revenue"]].copy()
    frame["day"] = pd.to_datetime(frame["day"])
    frame = frame.groupby(["member_id", "day"], as_index=False)["revenue"].sum()   # one purchase per day
    frame = frame.sort_values(["member_id", "day"], kind="stable")
    first = frame.groupby("member_id")["day"].transform("min")
    repeat_revenue = frame["revenue"].where(frame["day"] > first, 0)
    g = frame.assign(repeat_revenue=repeat_revenue).groupby("member_id")
    out = pd.DataFrame({
        "purchases": g["day"].size(),
        "first": g["day"].min(),
        "last": g["day"].max(),
        "repeat_revenue": g["repeat_revenue"].sum(),
    })
    out["frequency"] = out["purchases"] - 1
    out["recency"] = (out["last"] - out["first"]).dt.days / WEEK_DAYS
    out["T"] = (cutoff - out["first"]).dt.days / WEEK_DAYS
    out["monetary_value"] = np.where(out["frequency"] > 0,
                                     out["repeat_revenue"] / out["frequency"].clip(lower=1), 0.0)
    out = out.reset_index()
    return out[["member_id", "purchases", "frequency", "recency", "T", "monetary_value"]]


@dataclass(frozen=True)
class ValueFit:
    """:func:`member_value`'s answer: the per-member ``table``, the fitted parameters (as dicts) and the
    settings it was computed with (time unit: weeks)."""

    table: pd.DataFrame
    bgnbd: dict
    gamma_gamma: dict
    as_of: str
    horizon_days: int
    clv_months: int
    monthly_discount: float


def member_value(purchases: pd.DataFrame, as_of: date, *, horizon_days: int = HORIZON_DAYS,
                 clv_months: int = CLV_MONTHS, monthly_discount: float = MONTHLY_DISCOUNT,
                 progress: Progress = None) -> ValueFit:
    """Per member: P(alive), expected purchases and spend over the next ``horizon_days``, and CLV.

    Method: BG/NBD (Fader, Hardie & Lee 2005) fitted by maximum likelihood on every member with a
    purchase before ``as_of`` (time in weeks, one purchase per member and day), Gamma-Gamma (Fader,
    Hardie & Lee 2005 / Colombo & Jiang 1999) fitted on members with a repeat purchase. CLV is the
    expected revenue of the next ``clv_months`` months (of 365.25/12 days), month ``i`` discounted by
    ``(1 + monthly_discount) ** i`` (defaults 12 months, 1 %).

    Columns: ``member_id, purchases, frequency, recency_weeks, T_weeks, monetary_value, p_alive,
    expected_purchases, expected_spend_per_purchase, expected_spend, clv`` (money in minor units,
    floats), in :attr:`ValueFit.table` beside the fitted parameters and the settings.
    Deterministic (no randomness).
    """
    report = progress or (lambda fraction, label: None)
    report(0.0, "summarising purchases")
    rfm = rfm_summary(purchases, as_of)
    if rfm.empty:
        raise AnalyticsError(QT_TRANSLATE_NOOP("errors", "No member has bought anything before {day}."),
                             day=str(_day(as_of).date()))
    x, t_x, T = rfm["frequency"].to_numpy(), rfm["recency"].to_numpy(), rfm["T"].to_numpy()
    report(0.2, "fitting purchase model (BG/NBD)")
    bg = fit_bgnbd(x, t_x, T)
    report(0.6, "fitting spend model (Gamma-Gamma)")
    gg = fit_gamma_gamma(x, rfm["monetary_value"].to_numpy())
    report(0.8, "scoring members")
    spend = gamma_gamma_expected_spend(gg, x, rfm["monetary_value"].to_numpy())
    months = np.arange(clv_months + 1) * MONTH_DAYS / WEEK_DAYS
    # one pass: the horizon, then each month end (cumulative expected purchases)
    both = bgnbd_expected_purchases(bg, np.r_[horizon_days / WEEK_DAYS, months], x, t_x, T)
    expected, cumulative = both[0], both[1:]
    discount = (1 + monthly_discount) ** -np.arange(1, clv_months + 1)
    clv = spend * (discount @ np.diff(cumulative, axis=0))
    out = pd.DataFrame({
        "member_id": rfm["member_id"].to_numpy(),
        "purchases": rfm["purchases"].to_numpy(),
        "frequency": x,
        "recency_weeks": t_x,
        "T_weeks": T,
        "monetary_value": rfm["monetary_value"].to_numpy(),
        "p_alive": bgnbd_p_alive(bg, x, t_x, T),
        "expected_purchases": expected,
        "expected_spend_per_purchase": spend,
        "expected_spend": expected * spend,
        "clv": clv,
    })
    report(1.0, "done")
    return ValueFit(out, asdict(bg), asdict(gg), str(_day(as_of).date()), horizon_days, clv_months, monthly_discount)


def backtest_value(purchases: pd.DataFrame, end: date, *, holdout_days: int = HORIZON_DAYS,
                   progress: Progress = None) -> pd.DataFrame:
    """Fit :func:`member_value` as of ``end - holdout_days`` and compare each member's expected
    purchases with the purchase days they actually had in ``[end - holdout_days, end)``.

    Returns one row: ``members, predicted, actual`` (total purchases), ``aggregate_error`` (relative,
    (predicted - actual) / actual), ``correlation`` (Pearson, per member), ``mae`` (per member),
    ``predicted_spend, actual_spend`` (minor units) and ``spend_error``.
    """
    cutoff = _day(end)
    origin = cutoff - timedelta(days=holdout_days)
    value = member_value(purchases, origin.date(), horizon_days=holdout_days, progress=progress).table
    days = purchases.assign(day=pd.to_datetime(purchases["day"]))
    window = days[(days["day"] >= origin) & (days["day"] < cutoff)]
    actual = window.groupby("member_id").agg(actual=("day", "nunique"), actual_spend=("revenue", "sum"))
    joined = value.set_index("member_id").join(actual).fillna({"actual": 0, "actual_spend": 0})
    predicted, real = joined["expected_purchases"].to_numpy(), joined["actual"].to_numpy(dtype=float)
    spend, real_spend = joined["expected_spend"].to_numpy(), joined["actual_spend"].to_numpy(dtype=float)
    return pd.DataFrame([{
        "origin": str(origin.date()), "end": str(cutoff.date()), "members": len(joined),
        "predicted": predicted.sum(), "actual": real.sum(),
        "aggregate_error": (predicted.sum() - real.sum()) / max(real.sum(), 1e-9),
        "correlation": float(np.corrcoef(predicted, real)[0, 1]) if len(joined) > 1 else float("nan"),
        "mae": float(np.abs(predicted - real).mean()),
        "predicted_spend": spend.sum(), "actual_spend": real_spend.sum(),
        "spend_error": (spend.sum() - real_spend.sum()) / max(real_spend.sum(), 1e-9),
    }])
