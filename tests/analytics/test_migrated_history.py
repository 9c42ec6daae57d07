"""A store migrated from an earlier till: imported sales history reaches every analysis (issue 18)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.analytics import frames, jobs
from pharmadesk.errors import AnalyticsError


def _history_csv(tmp_path, store, ids, days: int = 400):
    """Two OTC products sold on most days for ``days`` days before today, some receipts holding both."""
    today = store.today()
    rows = ["date,barcode,quantity,unit_price,receipt"]
    for k in range(days, 0, -1):
        day = today - timedelta(days=k)
        if k % 5 == 0:
            continue
        rows.append(f"{day} 10:00,4006381333931,{1 + k % 3},12.50,R{k}")
        if k % 2 == 0:
            rows.append(f"{day} 10:00,OLDSYRUP,1,18.00,R{k}")
    path = tmp_path / "sales.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_imported_history_feeds_reorder_before_the_import_day(store, ids, tmp_path):
    report = store.imports.csv("sales", _history_csv(tmp_path, store, ids))
    assert report.applied
    as_of = store.today() - timedelta(days=30)       # before the products were created (today)
    table = jobs.run_reorder(store, as_of).frame.set_index("product_id")
    assert ids.otc in table.index and ids.expired_only in table.index
    assert table.loc[ids.otc, "demand_class"] != "none"
    assert table.loc[ids.otc, "forecast_daily"] == pytest.approx(1.6, abs=0.5)     # 2 per selling day, 4 in 5 days
    demand = frames.reorder_daily_demand(store, as_of, 365)
    assert demand[ids.otc].sum() > 500


def test_an_empty_history_says_what_is_missing(store, ids):
    before = store.today() - timedelta(days=400)
    for run in (jobs.run_reorder, jobs.run_reorder_backtest, jobs.run_basket_rules, jobs.run_basket_evaluation,
                jobs.run_kpis):
        with pytest.raises(AnalyticsError) as caught:
            run(store, before)
        assert before.isoformat() in str(caught.value)


def test_a_too_short_history_says_how_many_days_the_backtest_needs(store, ids, tmp_path):
    store.imports.csv("sales", _history_csv(tmp_path, store, ids, days=100))
    with pytest.raises(AnalyticsError, match="224 days"):
        jobs.run_reorder_backtest(store, store.today())


def test_reminders_on_no_dispensing_say_why_there_are_none(store):
    result = jobs.run_reminders(store, store.today())
    assert result.frame.empty
    assert any("maintenance product" in note for note in result.notes)
