"""The X/Z report document (pharmadesk.reports.z_report): the totals per payment method the day report
carries, whatever methods the store takes, and an A4 PDF written without any widget."""

from __future__ import annotations

from dataclasses import replace

from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.reports.labels import method_label
from pharmadesk.reports.z_report import (
    day_report_document, day_report_title, method_totals, save_day_report_pdf,
)


def test_per_method_totals_list_only_the_methods_with_money(store, ids, clock):
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("card", 1250, reference="T-4711")])
    report = store.day_close.x_report()
    assert method_totals(report) == [("card", 1250, 0)]
    # A store taking WeChat Pay and medical insurance: the day report carries them, the document lists them.
    wider = replace(report, payments={**report.payments, "wechat": 3000, "insurance": 0},
                    refunds_by_method={**report.refunds_by_method, "insurance": 500})
    assert method_totals(wider) == [("card", 1250, 0), ("wechat", 3000, 0), ("insurance", 0, 500)]
    assert [method_label(m) for m, _t, _r in method_totals(wider)] == ["Card", "WeChat Pay", "Insurance (医保)"]
    assert method_label("gift card") == "gift card"                 # unknown: shown as it is, never dropped


def test_the_z_report_document_and_pdf(qapp, store, ids, clock, tmp_path):
    store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500, tendered=3000)])
    z = store.day_close.close_day(counted_cash=2600, opening_float=0, run_hooks=False)
    assert z.cash_variance == 100 and z.with_count(2500).cash_variance == 0
    text = day_report_document(z, store).toPlainText()
    assert text.startswith("Test Pharmacy")
    for figure in (day_report_title(z), "Net sales", "25.00", "Expected cash", "Counted cash", "26.00", "1.00",
                   "Olivia Owner"):
        assert figure in text, figure
    path = save_day_report_pdf(z, store, tmp_path / "z.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"/MediaBox [0 0 595" in data             # A4 portrait
    assert day_report_title(store.day_close.x_report()) == "X report (the day is still open)"
