"""Net sales is defined once (pharmadesk.core.payments.net_sales: VAT in, refunds out) and the X/Z report, the
Reports page, the Dashboard KPIs and the head-office report give the same figure for the same store and day.
Also: the head-office bundle carries the payments per method, without references."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import duckdb
import pytest

from pharmadesk.analytics import jobs
from pharmadesk.core.payments import PAYMENT_METHODS, net_sales
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.returns import ReturnItem
from pharmadesk.headoffice import export
from pharmadesk.headoffice import bundle as fmt
from pharmadesk.headoffice.hq_keys import create_hq_keys, load_hq_private, trust_store
from pharmadesk.headoffice.ingest import connect, ingest_bundles
from pharmadesk.headoffice.report import payments_report, period_report

WECHAT_REF = "4200001234202612040123456789"


@pytest.fixture
def one_day(store, ids, clock):
    """One local day D (the day after the template's stock arrived, the clock pinned to it): four sales by
    cash, WeChat Pay, Alipay + 医保, and a cash sale partly refunded the same afternoon."""
    first = date.fromisoformat(store.db.scalar("SELECT MIN(at) FROM stock_moves")[:10])
    day = first + timedelta(days=1)
    clock.moment = datetime.combine(day, time(10, 0)).astimezone()      # local 10:00 on D
    cash = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500, tendered=3000)])
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("wechat", 1250, reference=WECHAT_REF)])
    store.sales.sell([CartLine(ids.otc, 2)], [Payment("alipay", 1500, reference="2026120422001400001"),
                                              Payment("insurance", 1000, reference="YB-330100-000123")])
    clock.moment = datetime.combine(day, time(15, 0)).astimezone()
    store.returns.return_items(cash.receipt_no, [ReturnItem(cash.lines[0].sale_line_id, 1)], "bought twice")
    clock.moment = datetime.combine(day, time(18, 0)).astimezone()
    return day


def test_net_sales_agree_in_the_x_report_reports_page_dashboard_and_head_office(store, one_day, clock, tmp_path):
    paid, refunded = 2500 + 1250 + 2500, 1250
    expected = net_sales(paid, refunded)
    assert expected == 5000

    x = store.day_close.x_report()                                              # 1. the X (and Z) report
    assert (x.paid, x.refund_amount, x.net) == (paid, refunded, expected)

    report = jobs.run_daily_report(store, store.today(), jobs.ReportParams(one_day)).report   # 2. Reports page
    assert report.kpi("net_sales") * 100 == pytest.approx(expected)
    assert report.payments["net"].sum() * 100 == pytest.approx(expected)

    dashboard = jobs.run_dashboard(store, one_day + timedelta(days=1), jobs.DashboardParams("7"))   # 3. Dashboard
    kpis = {row["kpi"]: row["current"] for row in dashboard.frame.to_dict("records")}
    assert kpis["net_sales"] * 100 == pytest.approx(expected)

    hq_rows, hq_payments = _through_head_office(store, tmp_path)             # 4. the head-office report
    assert sum(row["net_sales"] for row in hq_rows) == expected
    taken = {method: sum(r["taken"] for r in hq_payments if r["method"] == method) for method in PAYMENT_METHODS}
    back = {method: sum(r["refunded"] for r in hq_payments if r["method"] == method) for method in PAYMENT_METHODS}
    assert taken == dict(x.payments) and back == dict(x.refunds_by_method)
    assert sum(r["net"] for r in hq_payments) == expected

    z = store.day_close.close_day(counted_cash=x.expected_cash)
    assert z.net == expected


def _through_head_office(store, tmp_path):
    """Export the store's bundle, ingest it at a head office, and return its day and payment reports."""
    create_hq_keys(tmp_path / "hq")
    doc = store.headoffice.setup_keys(tmp_path / "pubkeys")
    store.headoffice.trust_hq(tmp_path / "hq" / "hq.pub")
    bundles, db = tmp_path / "bundles", tmp_path / "hq.duckdb"
    con = connect(db)
    trust_store(con, doc["path"])
    con.close()
    store.headoffice.export(bundles)
    result = ingest_bundles(bundles, db, load_hq_private(tmp_path / "hq"))
    assert result.ok, result.messages
    con = duckdb.connect(str(db), read_only=True)
    try:
        return period_report(con, "day"), payments_report(con, "day")
    finally:
        con.close()


def test_the_bundle_has_payments_per_method_and_no_reference(store, one_day, tmp_path):
    create_hq_keys(tmp_path / "hq")
    store.headoffice.setup_keys(tmp_path / "pubkeys")
    store.headoffice.trust_hq(tmp_path / "hq" / "hq.pub")
    result = store.headoffice.export(tmp_path / "bundles")
    _manifest, files = export.decrypt_bundle(result.path, load_hq_private(tmp_path / "hq"),
                                             store.headoffice.store_public_key())
    payments = fmt.read_parquet_bytes(files["payments"]).to_pylist()
    assert [(p["method"], p["amount"], p["sale_id"] is None) for p in payments] == [
        ("cash", 2500, False), ("wechat", 1250, False), ("alipay", 1500, False), ("insurance", 1000, False),
        ("cash", 1250, True)]
    assert set(payments[0]) == {"store_id", "payment_id", "sale_id", "return_id", "at", "method", "amount"}
    for data in files.values():
        assert WECHAT_REF.encode() not in data and b"YB-330100-000123" not in data
