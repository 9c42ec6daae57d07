"""Issue 15 part A: the sales records carry a medicine's manufacturer and specification, as GSP requires —
on the receipt (HTML and ESC/POS) and in the owner's daily report (top products, page and workbook)."""

from __future__ import annotations

from datetime import timedelta

from pharmadesk.analytics import jobs
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.reports import document
from pharmadesk.reports.receipt import receipt_html, receipt_lines


def _sell_medicine_and_goods(store, ids):
    store.catalog.update_product(ids.otc, manufacturer="康达制药有限公司", specification="0.5g×20片")
    goods = store.catalog.add_product(barcode="6901234561142", name="婴儿湿巾", category="mother_baby",
                                      legal_class="otc", price=1200, manufacturer="小芽日用品", specification="80片")
    store.stock.receive(ids.supplier, [ReceiptLine(goods, "W1", store.today() + timedelta(days=400), 5, 600)])
    return store.sales.sell([CartLine(ids.otc, 1), CartLine(goods, 1)], [Payment("cash", 2450)]), goods


def test_the_receipt_prints_a_medicines_specification_and_manufacturer(store, ids):
    sale, _goods = _sell_medicine_and_goods(store, ids)
    html = receipt_html(store, sale.receipt_no)
    assert "Spec. 0.5g×20片" in html and "Mfr. 康达制药有限公司" in html
    assert "小芽日用品" not in html and "Spec. 80片" not in html       # not a medicine: no master lines
    lines = receipt_lines(store, sale.receipt_no, width=40)
    at = next(i for i, line in enumerate(lines) if line.startswith("Paracetamol"))
    assert lines[at + 1:at + 3] == ["  Spec. 0.5g×20片", "  Mfr. 康达制药有限公司"]


def test_the_daily_report_lists_manufacturer_and_specification(store, ids, clock):
    _sell_medicine_and_goods(store, ids)
    day = store.today()
    clock.advance(days=1)
    report = jobs.run_daily_report(store, store.today(), jobs.ReportParams(day)).report
    row = report.products.set_index("name").loc["Paracetamol 500mg"]
    assert (row["manufacturer"], row["specification"]) == ("康达制药有限公司", "0.5g×20片")
    products = next(t for t in document.report_tables(report) if t[0] == "Top products")
    assert products[1][:3] == ["Product", "Specification", "Manufacturer"]
    assert ["Paracetamol 500mg", "0.5g×20片", "康达制药有限公司"] in [r[:3] for r in products[2]]


def test_a_gsp_stores_daily_report_carries_the_days_sales_record(store, ids, clock):
    sale, goods = _sell_medicine_and_goods(store, ids)
    day = store.today()
    clock.advance(days=1)
    plain = jobs.run_daily_report(store, store.today(), jobs.ReportParams(day)).report
    assert plain.sales_record is None                              # profile none: no sales record
    assert "Sales record" not in [t[0] for t in document.report_tables(plain)]
    store.set_setting("regulatory_profile", "china_gsp")
    report = jobs.run_daily_report(store, store.today(), jobs.ReportParams(day)).report
    record = report.sales_record
    assert list(record["receipt_no"].unique()) == [sale.receipt_no] and record["quantity"].sum() == 2
    row = record.set_index("name").loc["Paracetamol 500mg"]
    assert (row["specification"], row["manufacturer"], row["quantity"], row["amount"]) == \
        ("0.5g×20片", "康达制药有限公司", 1, 12.50)
    assert row["batch_no"] and row["expiry"]
    title, headers, rows = next(t for t in document.report_tables(report) if t[0] == "Sales record")
    assert headers[2:6] == ["Product", "Specification", "Manufacturer", "Approval number"]
    assert len(rows) == 2 and {r[2] for r in rows} == {"Paracetamol 500mg", "婴儿湿巾"}
    page = document.ReportWriter().html(report, store.settings.store_name, "")
    assert "<h2>Sales record</h2>" in page and page.count("0.5g×20片") == 2      # top products and the record
    monthly = jobs.run_monthly_report(store, store.today(), jobs.ReportParams(day)).report
    assert monthly.sales_record is None                            # a month's lines stay out of the report
