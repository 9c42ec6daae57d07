"""Member value: BG/NBD + Gamma-Gamma reproduce the published CDNOW parameters; known-answer summaries;
the demo-store backtest; the loader's as_of cut and permission."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import special

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import value
from pharmadesk.demo.build import build_demo_store
from pharmadesk.errors import PermissionDenied

CDNOW = Path(__file__).resolve().parents[1] / "data" / "cdnow" / "cdnow_customers_summary_with_transactions.csv"
FAST_KDF = {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    return pd.read_csv(CDNOW)


# -- the published reference: CDNOW ---------------------------------------------------------------------------

def test_cdnow_sample_is_the_published_one(cdnow):
    assert len(cdnow) == 2357 and (cdnow["x"] > 0).sum() == 946
    assert cdnow["T"].max() == pytest.approx(38.86)          # 39-week calibration period
    assert cdnow["x"].sum() == 2457                           # repeat transactions in calibration


def test_bgnbd_reproduces_the_published_cdnow_parameters(cdnow):
    """Fader, Hardie & Lee (2005): r=0.243, alpha=4.414, a=0.793, b=2.426, LL=-9582.4."""
    fit = value.fit_bgnbd(cdnow["x"], cdnow["t_x"], cdnow["T"])
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    for name, expected in published.items():
        assert getattr(fit, name) == pytest.approx(expected, rel=0.01), name
        assert round(getattr(fit, name), 3) == expected, name                 # to 3 decimals even
    assert fit.log_likelihood == pytest.approx(-9582.4, abs=0.1)
    assert fit.n == 2357


def test_gamma_gamma_reproduces_the_published_cdnow_parameters(cdnow):
    """Fader & Hardie, "The Gamma-Gamma model of monetary value" (2013): p=6.25, q=3.74, v=15.44."""
    fit = value.fit_gamma_gamma(cdnow["x"], cdnow["zbar"])
    assert fit.n == 946
    for name, expected in {"p": 6.25, "q": 3.74, "v": 15.44}.items():
        assert getattr(fit, name) == pytest.approx(expected, rel=0.01), name
        assert getattr(fit, name) == pytest.approx(expected, abs=0.01), name     # to 2 decimals
    # the published population mean spend per transaction: p v / (q - 1) = $35.17
    assert fit.p * fit.v / (fit.q - 1) == pytest.approx(35.17, abs=0.02)


def test_conditional_expectation_matches_the_published_worked_example():
    """Fader, Hardie & Lee (2005) worked example: a customer with x=2, t_x=30.43, T=38.86 is expected to
    make 1.226 purchases in the next 39 weeks under the CDNOW parameters."""
    params = value.BGNBDParams(r=0.242594, alpha=4.413531, a=0.792864, b=2.425911, log_likelihood=0, n=0)
    assert float(value.bgnbd_expected_purchases(params, 39, 2, 30.43, 38.86)) == pytest.approx(1.226, abs=5e-4)
    # no repeat purchase: P(alive) is 1 by the model's definition
    assert float(value.bgnbd_p_alive(params, 0, 0, 38.86)) == 1.0


def test_expectation_equals_the_paper_closed_form_and_stays_finite():
    """The quadrature equals eq. (10) with SciPy's hyp2f1 where that is well conditioned, and stays
    finite where hyp2f1 overflows (large a and b, members with hundreds of purchases)."""
    params = value.BGNBDParams(r=0.4, alpha=11.0, a=0.8, b=2.4, log_likelihood=0, n=0)
    x = np.array([0, 1, 3, 10, 40]) * 1.0
    t_x, T, t = x * 2.0, np.full(5, 100.0), 13.0
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    z = t / (alpha + T + t)
    direct = ((alpha + T) / (alpha + T + t)) ** (r + x) * special.hyp2f1(r + x, b + x, a + b + x - 1, z)
    paper = (a + b + x - 1) / (a - 1) * (1 - direct) * value.bgnbd_p_alive(params, x, t_x, T)
    assert value.bgnbd_expected_purchases(params, t, x, t_x, T) == pytest.approx(paper, rel=1e-9)
    # several horizons at once: one row each, increasing
    rows = value.bgnbd_expected_purchases(params, np.array([4.0, 13.0, 52.0]), x, t_x, T)
    assert rows.shape == (3, 5) and np.all(np.diff(rows, axis=0) > 0)
    assert rows[1] == pytest.approx(paper, rel=1e-9)
    # a member with 600 purchases over 5 years, and a fit with a, b in the thousands (no drop-out)
    big = value.bgnbd_expected_purchases(params, t, 600, 259.0, 260.0)
    assert np.isfinite(big) and 20 < big < 40
    flat = value.BGNBDParams(r=2.33, alpha=20.2, a=885.5, b=3991.4, log_likelihood=0, n=0)
    expected = value.bgnbd_expected_purchases(flat, 52.0, 60, 90.0, 100.0) / value.bgnbd_p_alive(flat, 60, 90.0, 100.0)
    assert expected == pytest.approx(5.5267833, rel=1e-6)   # eq. (10) without P(alive), by mpmath at 30 digits


def test_gamma_gamma_expected_spend_is_the_weighted_mean():
    params = value.GammaGammaParams(p=6.25, q=3.74, v=15.44, log_likelihood=0, n=0)
    # x=0: population mean p v / (q-1); x=3, m=50: p (v + 3*50) / (3p + q - 1)
    got = value.gamma_gamma_expected_spend(params, [0, 3], [0.0, 50.0])
    assert got[0] == pytest.approx(6.25 * 15.44 / 2.74)
    assert got[1] == pytest.approx(6.25 * (15.44 + 150) / (18.75 + 2.74))


def test_fit_recovers_parameters_of_simulated_members():
    """Members simulated from known BG/NBD parameters: the fit finds them again (within sampling error)."""
    rng = np.random.default_rng(3)
    n, T = 20000, 52.0
    r, alpha, a, b = 0.5, 6.0, 0.7, 2.5
    lam = rng.gamma(r, 1 / alpha, n)
    p = rng.beta(a, b, n)
    x, t_x = np.zeros(n), np.zeros(n)
    for i in range(n):
        t = 0.0
        while True:
            t += rng.exponential(1 / lam[i])
            if t > T:
                break
            x[i] += 1
            t_x[i] = t
            if rng.random() < p[i]:
                break
    fit = value.fit_bgnbd(x, t_x, np.full(n, T))
    assert fit.r == pytest.approx(r, rel=0.1) and fit.alpha == pytest.approx(alpha, rel=0.15)
    assert fit.a == pytest.approx(a, rel=0.25) and fit.b == pytest.approx(b, rel=0.3)


# -- from purchases to members: known answers -------------------------------------------------------------------

def _purchases(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["member_id", "day", "revenue"]).assign(day=lambda f: pd.to_datetime(f["day"]))


def test_rfm_summary_on_a_hand_built_history():
    purchases = _purchases([
        (1, "2026-01-01", 1000), (1, "2026-01-08", 2000), (1, "2026-01-08", 500), (1, "2026-01-22", 4000),
        (2, "2026-01-15", 700),
        (3, "2026-01-28", 900),                # on as_of: not yet
        (1, "2026-02-01", 9999),               # after as_of: ignored
    ])
    rfm = rfm_as_dict(value.rfm_summary(purchases, date(2026, 1, 29)))
    assert rfm[1] == {"purchases": 3, "frequency": 2, "recency": 3.0, "T": 4.0, "monetary_value": 3250.0}
    assert rfm[2] == {"purchases": 1, "frequency": 0, "recency": 0.0, "T": 2.0, "monetary_value": 0.0}
    assert 3 in rfm and rfm[3]["T"] == pytest.approx(1 / 7)
    assert 4 not in rfm


def rfm_as_dict(frame: pd.DataFrame) -> dict:
    return {int(r.member_id): {"purchases": int(r.purchases), "frequency": int(r.frequency), "recency": r.recency,
                               "T": r.T, "monetary_value": r.monetary_value} for r in frame.itertuples()}


def _synthetic(n: int = 400, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for member in range(1, n + 1):
        first = rng.integers(0, 300)
        gap = rng.integers(10, 90)
        count = rng.integers(1, 8)
        for k in range(count):
            day = first + k * gap
            if day < 360:
                rows.append((member, pd.Timestamp("2025-01-01") + pd.Timedelta(days=int(day)),
                             int(rng.integers(1000, 9000))))
    return _purchases(rows)


def test_member_value_columns_clv_and_determinism():
    purchases = _synthetic()
    as_of = date(2025, 12, 27)
    fit = value.member_value(purchases, as_of)
    first = fit.table
    assert first.equals(value.member_value(purchases, as_of).table)
    assert list(first.columns) == ["member_id", "purchases", "frequency", "recency_weeks", "T_weeks",
                                   "monetary_value", "p_alive", "expected_purchases",
                                   "expected_spend_per_purchase", "expected_spend", "clv"]
    assert first["p_alive"].between(0, 1).all() and (first["expected_purchases"] >= 0).all()
    assert np.allclose(first["expected_spend"], first["expected_purchases"] * first["expected_spend_per_purchase"])
    # undiscounted CLV over 3 months = expected purchases over those 3 months x spend per purchase
    three = value.member_value(purchases, as_of, clv_months=3, monthly_discount=0.0,
                               horizon_days=3 * value.MONTH_DAYS).table
    assert np.allclose(three["clv"], three["expected_spend"], rtol=1e-9)
    assert (three["clv"] > 0).all()
    # discounting lowers CLV, a longer horizon raises it
    discounted = value.member_value(purchases, as_of, clv_months=3, monthly_discount=0.05).table
    assert (discounted["clv"] < three["clv"]).all()
    assert (first["clv"] > three["clv"]).all()
    assert fit.clv_months == 12 and set(fit.bgnbd) >= {"r", "alpha", "a", "b"}


def test_a_member_who_stopped_long_ago_is_likely_gone():
    purchases = _synthetic()
    extra = _purchases([(9001, f"2025-01-{d:02d}", 3000) for d in (2, 6, 10, 14, 18, 22, 26, 30)]
                       + [(9002, f"2025-12-{d:02d}", 3000) for d in (2, 6, 10, 14, 18, 22)])
    table = value.member_value(pd.concat([purchases, extra]), date(2025, 12, 27)).table.set_index("member_id")
    assert table.loc[9001, "p_alive"] < 0.05 and table.loc[9002, "p_alive"] > 0.7
    assert table.loc[9002, "expected_purchases"] > 5 * table.loc[9001, "expected_purchases"]


def test_progress_is_reported():
    seen = []
    value.member_value(_synthetic(100), date(2025, 12, 27), progress=lambda f, label: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


# -- the demo store ------------------------------------------------------------------------------------------

END = date(2026, 6, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = build_demo_store(tmp_path_factory.mktemp("value") / "store", members=1500, years=2, seed=11,
                             end_date=END, kdf=FAST_KDF)
    yield store
    store.close()


def test_loader_uses_only_data_before_as_of(demo):
    as_of = END - timedelta(days=90)
    purchases = frames.member_purchase_days(demo, as_of)
    assert purchases["day"].max() < pd.Timestamp(as_of)
    assert purchases["day"].max() >= pd.Timestamp(as_of - timedelta(days=3))
    direct = demo.db.scalar("SELECT COUNT(DISTINCT member_id || substr(at, 1, 10)) FROM sales "
                            "WHERE member_id IS NOT NULL AND at < ?", (as_of.isoformat(),))
    assert len(purchases) == direct
    paid = demo.db.scalar("SELECT SUM(total) FROM sales WHERE member_id IS NOT NULL AND at < ?", (as_of.isoformat(),))
    refunded = demo.db.scalar("SELECT COALESCE(SUM(r.refund_total), 0) FROM returns r JOIN sales s "
                              "ON s.id = r.original_sale_id WHERE s.member_id IS NOT NULL AND s.at < ? AND r.at < ?",
                              (as_of.isoformat(), as_of.isoformat()))
    assert purchases["revenue"].sum() == paid - refunded


def test_backtest_on_the_demo_store(demo):
    """Fit 90 days before the end, compare with the purchases members really made in those 90 days."""
    report = value.backtest_value(frames.member_purchase_days(demo, END), END).iloc[0]
    assert report["members"] > 1000
    assert abs(report["aggregate_error"]) < 0.15          # measured: see docs/analytics/value.md
    assert report["correlation"] > 0.6
    assert abs(report["spend_error"]) < 0.3


def test_cashier_cannot_load_value_data(demo):
    from pharmadesk.demo.build import DEMO_USERS
    username = next(u for u, v in DEMO_USERS.items() if v[1] == "cashier")
    demo.login(username, DEMO_USERS[username][2])
    try:
        with pytest.raises(PermissionDenied):
            frames.member_purchase_days(demo, END)
    finally:
        demo.login("owner", "owner-demo-1")
