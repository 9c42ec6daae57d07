"""The owner's service figures (issue 20): complaint rate, time to close, follow-up reach and conversion, ADRs."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.analytics import frames_service, jobs
from pharmadesk.analytics.models.service import service_figures
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.service import AdrFacts


def _member(store, phone):
    member = store.members.register("Figure Member", phone)
    store.members.set_consent(member, "care", True, "paper_form")
    return member


def _rx_sale(store, ids, member, number):
    rx = Prescription("Dr. Ho", number, store.today().isoformat())
    return store.sales.sell([CartLine(ids.rx, 1, prescription=rx)], [Payment("cash", 3000)], member_id=member)


def test_the_figures_of_a_period(store, ids, clock):
    start = store.today()
    member = _member(store, "13800000301")
    for _ in range(3):
        store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    _rx_sale(store, ids, member, "RX-1")                         # a first purchase: 4 sales in all
    late = store.service.record("complaint", "Waited long")
    quick = store.service.record("complaint", "Wrong change", member_id=member)
    clock.advance(days=1)
    store.service.close(quick, "Gave the change", outcome="resolved")     # a day to close, on time
    store.service.schedule_follow_ups()
    calls = store.service.records(kind="follow_up")
    assert len(calls) == 2                                       # the first purchase and the complaint's call-back
    first = next(c.id for c in calls if c.reason == "first_chronic_purchase")
    other = next(c.id for c in calls if c.reason == "complaint")
    store.service.record_call(first, "reached", "All fine")
    store.service.record_call(other, "declined")
    clock.advance(days=2)
    _rx_sale(store, ids, member, "RX-2")                          # bought again after the call: converted
    store.service.report_adr(AdrFacts(ids.rx, "Dry cough", start.isoformat(), "general", "recovered", "Pat"))
    clock.advance(days=store.settings.complaint_close_days + 1)  # the walk-in's complaint is now overdue
    end = store.today() + timedelta(days=1)
    figures = service_figures(frames_service.service_frames(store, start, end), start, end)
    assert (figures.complaints, figures.closed, figures.overdue) == (2, 1, 1)
    assert figures.complaint_rate == pytest.approx(2 * 1000 / 5)
    assert figures.median_days_to_close == pytest.approx(1.0) and figures.on_time_share == 1.0
    assert (figures.calls_closed, figures.reach, figures.conversion) == (2, 0.5, 1.0)
    assert (figures.adr_reports, figures.serious_adr) == (1, 0)
    assert figures.adr_by_product.to_dict("records") == [{"name": "Ramipril 5mg", "reports": 1, "serious": 0}]
    assert figures.opened_by_kind == {"adr": 1, "complaint": 2, "follow_up": 2}
    report = jobs.run_monthly_report(store, store.today(), jobs.ReportParams(store.today()))
    assert report.report.service.adr_reports in (0, 1)          # the month may have started after the ADR
    dashboard = jobs.run_dashboard(store, store.today(), jobs.DashboardParams("7"))
    assert dashboard.service.overdue == 1


def test_no_records_give_empty_figures_not_errors(store):
    start = store.today()
    figures = service_figures(frames_service.service_frames(store, start, start + timedelta(days=1)), start,
                              start + timedelta(days=1))
    assert (figures.complaints, figures.complaint_rate, figures.median_days_to_close, figures.reach) == (0, None,
                                                                                                      None, None)
    assert figures.adr_by_product.empty
