"""Known-answer tests of the Syntetos–Boylan classification and the forecasting recursions."""

from __future__ import annotations

import numpy as np
import pytest

from pharmadesk.analytics.models import forecast as fc


def _series(days: int, demands: dict[int, float]) -> np.ndarray:
    y = np.zeros(days)
    for day, qty in demands.items():
        y[day] = qty
    return y


def test_classification_known_adi_and_cv2():
    smooth = np.full(100, 5.0)                                        # ADI 1, CV² 0
    erratic = np.tile([1.0, 9.0], 50)                                 # ADI 1, sizes 1/9: mean 5, var 16 -> CV² 0.64
    intermittent = _series(100, {k: 4.0 for k in range(0, 100, 4)})  # 25 demand days: ADI 4, CV² 0
    lumpy = _series(100, {k: (1.0 if (k // 4) % 2 else 9.0) for k in range(0, 96, 4)})   # ADI 100/24, CV² 0.64
    none = np.zeros(100)
    table = fc.classify(np.column_stack([smooth, erratic, intermittent, lumpy, none]), window=100)
    assert table["demand_class"].tolist() == ["smooth", "erratic", "intermittent", "lumpy", "none"]
    assert table["adi"].iloc[:4].tolist() == pytest.approx([1.0, 1.0, 4.0, 100 / 24])
    assert table["cv2"].iloc[:4].tolist() == pytest.approx([0.0, 0.64, 0.0, 0.64])
    assert table["demand_days"].tolist() == [100, 100, 25, 24, 0]


def test_classification_cut_offs_are_inclusive_and_window_is_respected():
    # 76 demand days in 100: ADI = 1.3158 < 1.32 (smooth); 75 days: ADI = 1.3333 >= 1.32 (intermittent)
    just_smooth = _series(100, {k: 2.0 for k in range(76)})
    just_intermittent = _series(100, {k: 2.0 for k in range(75)})
    table = fc.classify(np.column_stack([just_smooth, just_intermittent]), window=100)
    assert table["demand_class"].tolist() == ["smooth", "intermittent"]
    # only the last `window` days count: old demand is ignored
    old = np.concatenate([np.full(50, 3.0), np.zeros(50)])
    assert fc.classify(old[:, None], window=50)["demand_class"].tolist() == ["none"]


def test_constant_series_forecasts_exactly():
    y = np.full((60, 1), 3.0)
    for method in ("ses", "croston", "sba", "tsb", "mean28"):
        path = fc.method_path(y, method)
        expected = 3.0 * (1 - fc.CROSTON_ALPHA / 2) if method == "sba" else 3.0
        assert path[-1, 0] == pytest.approx(expected), method
    assert fc.horizon_error_sd(y, fc.method_path(y, "ses"), np.array([9]))[0] == pytest.approx(0.0)


def test_croston_and_tsb_by_hand():
    y = np.array([[0.0], [4.0], [0.0], [0.0], [2.0]])
    # init: size 3 (mean of 4 and 2), interval 5/2 = 2.5; updates with alpha 0.1
    path = fc.croston_path(y, alpha=0.1)
    assert path[0, 0] == pytest.approx(3 / 2.5)
    size, interval = 3 + 0.1 * (4 - 3), 2.5 + 0.1 * (2 - 2.5)          # demand on day 1, 2 days since the last
    assert path[2, 0] == pytest.approx(size / interval)
    size, interval = size + 0.1 * (2 - size), interval + 0.1 * (3 - interval)
    assert path[5, 0] == pytest.approx(size / interval)
    tsb = fc.tsb_path(y, alpha=0.1, beta=0.5)
    p, z = 2 / 5, 3.0
    for value in y[:, 0]:
        p, z = p + 0.5 * ((value > 0) - p), (z + 0.1 * (value - z)) if value > 0 else z
    assert tsb[-1, 0] == pytest.approx(p * z)


def test_mase_scale_is_naive_in_sample_error():
    history = np.array([[0.0], [2.0], [0.0], [2.0]])                   # naive MAE = 2
    actual = np.array([[1.0], [3.0]])
    assert fc.mase(actual, np.full((2, 1), 1.0), history)[0] == pytest.approx(0.5)   # MAE 1 / 2
    assert np.isnan(fc.mase(actual, np.ones((2, 1)), np.ones((4, 1))))[0]
