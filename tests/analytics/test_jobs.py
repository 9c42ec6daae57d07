"""The analytics jobs' contract: a frozen Result with the parameters it ran with and its notes (no
DataFrame.attrs), AnalyticsError with a translatable template for data that cannot answer, progress that
ends at 1.0, and cancel that stops a job between its steps."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from pharmadesk.analytics import jobs
from pharmadesk.demo.build import build_demo_store
from pharmadesk.errors import AnalyticsError, Cancelled, PharmaDeskError

END = date(2026, 6, 1)
FAST_KDF = {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    store = build_demo_store(tmp_path_factory.mktemp("jobs") / "store", members=200, years=0.5, seed=4,
                             end_date=END, kdf=FAST_KDF)
    yield store
    store.close()


def test_a_result_carries_its_params_and_notes(demo):
    params = jobs.SegmentParams(k=3, resamples=0)
    result = jobs.run_segments(demo, END, params)
    assert result.params is params and result.k == 3
    assert result.notes == ("3 groups, as asked",)
    assert result.frame.attrs == {} and result.members.attrs == {}
    assert result.frame["members"].sum() == len(result.members)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.notes = ()

    kpis = jobs.run_kpis(demo, END, jobs.KpiParams(start=END - timedelta(days=7)))
    assert kpis.params == jobs.KpiParams(start=END - timedelta(days=7), end=None)
    assert kpis.notes[0] == ("From 2026-05-25 to 2026-05-31 (local dates, both days included), compared with "
                             "2026-05-18 to 2026-05-24.")
    assert kpis.frame.attrs == {}

    value = jobs.run_value(demo, END)
    assert value.params == jobs.ValueParams(horizon_days=90)
    assert value.notes[1].startswith("Visits model (BG/NBD, weeks): r=") and value.frame.attrs == {}
    assert list(value.frame["clv"]) == sorted(value.frame["clv"], reverse=True)
    assert set(value.model["metric"]) >= {"bgnbd_r", "gamma_gamma_p", "clv_total"}


def test_data_that_cannot_answer_raises_a_translatable_analytics_error(demo):
    with pytest.raises(AnalyticsError) as exc:
        jobs.run_segments(demo, END, jobs.SegmentParams(k=100_000, resamples=0))
    error = exc.value
    assert isinstance(error, PharmaDeskError)
    assert error.template == "k must be between 1 and the number of purchasing members ({buyers})."
    assert 0 < error.params["buyers"] <= 200
    assert str(error) == error.template.format(**error.params)

    with pytest.raises(AnalyticsError, match="after the analysis date 2026-05-15"):
        jobs.run_kpis(demo, date(2026, 5, 15), jobs.KpiParams(end=END))
    first = date(2025, 1, 1)                               # before the demo's history: nobody had bought yet
    with pytest.raises(AnalyticsError) as exc:
        jobs.run_value(demo, first)
    assert exc.value.params == {"day": "2025-01-01"} and "{day}" in exc.value.template


def test_progress_ends_at_one_and_cancel_stops_between_steps(demo):
    seen = []
    jobs.run_reorder(demo, END, progress=lambda fraction, label: seen.append(fraction))
    assert seen[-1] == 1.0 and seen == sorted(seen)

    with pytest.raises(Cancelled):
        jobs.run_segments(demo, END, cancel=lambda: True)

    reported = []

    def cancel_after_three() -> bool:
        return len(reported) >= 3

    with pytest.raises(Cancelled):
        jobs.run_segments(demo, END, jobs.SegmentParams(resamples=2),
                          progress=lambda fraction, label: reported.append(fraction), cancel=cancel_after_three)
    assert len(reported) == 3 and reported[-1] < 1.0        # stopped inside the model, before it finished
