"""The calendar in daily demand: store closures, the day-of-week profile and the yearly season. Pure NumPy,
vectorised over products (columns); every function takes days × products arrays.

Method
------
* **Closures**: a day on which the whole store sold (net) nothing is a closure (a holiday, a refit), not a
  day of zero demand. Closed days are dropped from the series the level methods see, and left out of
  every backtest sum (in hindsight the closure was known).
* **Day-of-week profile**: per product, the mean demand on each weekday over the open days of the window
  divided by its mean over all open days. A product's own profile is shrunk towards the store's (all
  products summed) with weight ``units / (units + PROFILE_PRIOR_UNITS)``, so a product that sold a few
  units keeps the store's rhythm instead of its noise. Indexes are floored at :data:`PROFILE_FLOOR` and
  averaged to 1 over the open days.
* **Yearly index** (needs a full year plus :data:`YEARLY_RECENT` days before the origin): the ratio of
  weekday-adjusted demand over the coming ``h`` days in earlier years (52 weeks back, and 104 when there)
  to the :data:`YEARLY_RECENT` days before that point, scaled to ``h`` days. A pseudo-count of
  :data:`YEARLY_PRIOR_UNITS` units on both sides shrinks it to 1 for slow sellers; it is clipped to
  [:data:`YEARLY_CLIP`]. Multiplying the current level by it carries last year's swing (hay fever in
  spring, colds in winter) into the forecast.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

YEAR = 364                    # 52 weeks: the yearly lag keeps the weekday
YEARLY_RECENT = 28            # days before the same point a year earlier that the index compares with
YEARLY_PRIOR_UNITS = 15.0     # measured on the demo store: 3 let slow sellers' noise in, 30 flattened hay fever
YEARLY_CLIP = (0.25, 4.0)
PROFILE_PRIOR_UNITS = 50.0
PROFILE_FLOOR = 0.05


def open_days(store_demand: np.ndarray | pd.DataFrame) -> np.ndarray:
    """True for every day (row) on which the store sold anything: a row of all zeros is a closure."""
    y = np.asarray(store_demand, dtype=float)
    return np.abs(np.nan_to_num(y)).sum(axis=1) > 0


def weekdays(dates) -> np.ndarray:
    """Monday = 0 … Sunday = 6 for each date."""
    return pd.DatetimeIndex(dates).day_of_week.to_numpy()


def weekday_profile(y_open: np.ndarray, weekday_open: np.ndarray) -> np.ndarray:
    """Day-of-week index per product (7 × products) from the open days' demand ``y_open`` and their
    weekdays (see the module docstring); 1 everywhere for a product that never sold."""
    y = np.clip(np.asarray(y_open, dtype=float), 0, None)
    n = y.shape[1]
    days = np.bincount(weekday_open, minlength=7).astype(float)           # open days per weekday
    sums = np.zeros((7, n))
    np.add.at(sums, weekday_open, y)
    present = days > 0
    total = y.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        overall = total / max(len(y), 1)
        own = np.where(present[:, None], sums / np.maximum(days, 1)[:, None], 0) / np.where(overall > 0, overall, 1)
        store_total = total.sum()
        store = (np.where(present, sums.sum(axis=1) / np.maximum(days, 1), 0) /
                 (store_total / max(len(y), 1)) if store_total > 0 else present.astype(float))
    weight = total / (total + PROFILE_PRIOR_UNITS)
    index = weight * own + (1 - weight) * store[:, None]
    index = np.where(present[:, None], np.maximum(index, PROFILE_FLOOR), 0.0)
    mean = (index * days[:, None]).sum(axis=0) / max(days.sum(), 1)
    return np.where(present[:, None], index / np.where(mean > 0, mean, 1), 1.0)


def weekday_counts(open_mask: np.ndarray, weekday: np.ndarray, starts: np.ndarray, horizon: int) -> np.ndarray:
    """Open days per weekday in each window ``[start, start + horizon)`` (len(starts) × 7); days past the
    end of ``open_mask`` count as open (the future is assumed open)."""
    T = len(open_mask)
    first_weekday = (weekday[0] if len(weekday) else 0)
    out = np.zeros((len(starts), 7))
    for d in range(horizon):
        day = starts + d
        inside = day < T
        is_open = np.where(inside, open_mask[np.minimum(day, T - 1)], True)
        wd = (first_weekday + day) % 7
        np.add.at(out, (np.arange(len(starts))[is_open], wd[is_open]), 1.0)
    return out


def yearly_index(z_calendar: np.ndarray, origins: np.ndarray, horizon: int) -> tuple[np.ndarray, np.ndarray]:
    """Yearly index per origin and product (len(origins) × products) for the ``horizon`` days from each
    origin, from weekday-adjusted calendar demand ``z_calendar`` (NaN on closed days); and whether each
    origin had a full earlier year (False: the index is 1)."""
    z = np.asarray(z_calendar, dtype=float)
    T, n = z.shape
    c = np.vstack([np.zeros((1, n)), np.cumsum(np.nan_to_num(z), axis=0)])
    k = np.concatenate([[0], np.cumsum(~np.isnan(z[:, 0]))]) if n else np.zeros(T + 1)

    def mean(lo, hi):
        days = np.maximum(k[hi] - k[lo], 1)[:, None]
        return (c[hi] - c[lo]) / days

    ahead = np.zeros((len(origins), n))
    before = np.zeros((len(origins), n))
    available = np.zeros(len(origins), dtype=bool)
    for years in (1, 2):
        back = origins - years * YEAR
        ok = back - YEARLY_RECENT >= 0
        if not ok.any():
            continue
        lo, hi = np.where(ok, back, 0), np.where(ok, np.minimum(back + horizon, T), 0)
        ahead += np.where(ok[:, None], mean(lo, hi) * horizon, 0)
        before += np.where(ok[:, None], mean(np.where(ok, back - YEARLY_RECENT, 0), lo) * horizon, 0)
        available |= ok
    index = (np.clip(ahead, 0, None) + YEARLY_PRIOR_UNITS) / (np.clip(before, 0, None) + YEARLY_PRIOR_UNITS)
    index = np.clip(index, *YEARLY_CLIP)
    return np.where(available[:, None], index, 1.0), available
