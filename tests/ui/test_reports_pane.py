"""The owner's reports page on a small demo store: the daily and monthly figures equal the ledger's own sums,
and the report prints and saves as a PDF and an Excel workbook that open."""

from __future__ import annotations

from datetime import timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from pharmadesk.analytics import frames
from pharmadesk.core.sales import CartLine, Payment
from tests.ui.panes_fixtures import demo_store, demo_window  # noqa: F401 - fixtures


def _sql_day(store, day):
    lo, hi = frames.day_start(day).isoformat(), frames.day_start(day + timedelta(days=1)).isoformat()
    return store.db.one("SELECT COUNT(*) AS n, COALESCE(SUM(total), 0) AS total FROM sales WHERE at >= ? AND at < ?",
                        (lo, hi))


def _wait(pane, qtbot, kind, day):
    pane.choose(kind, day)
    qtbot.waitUntil(lambda: pane.result is not None and (pane.result.report.kind, pane.result.report.start)
                    == (kind, day if kind == "daily" else day.replace(day=1)) and not pane.busy, timeout=60_000)
    return pane.result.report


def _pdf_pages(path) -> int:
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    return data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>") + \
        data.count(b"/Type/Page\n") + data.count(b"/Type/Page/")


def test_daily_report_shows_the_days_figures_and_prints(demo_window, qtbot, tmp_path):
    window = demo_window("owner")
    store = window.store
    window.show_page("reports")
    pane = window.pages["reports"]
    yesterday = store.today() - timedelta(days=1)
    report = _wait(pane, qtbot, "daily", yesterday)
    expected = _sql_day(store, yesterday)
    assert expected["n"] > 0
    assert report.kpi("transactions") == expected["n"]
    assert report.kpi("sales") == pytest.approx(expected["total"] / 100)
    week_before = _sql_day(store, yesterday - timedelta(days=7))
    assert report.kpi("transactions", "previous") == week_before["n"]
    assert report.series["sales"].sum() == pytest.approx(expected["total"] / 100)
    assert report.payments["sales"].sum() == pytest.approx(expected["total"] / 100)
    text = pane.view.toPlainText()
    assert yesterday.isoformat() in text and f"{expected['total'] / 100:,.2f}" in text

    pdf = tmp_path / "daily.pdf"
    pane.export_pdf(pdf)
    assert _pdf_pages(pdf) >= 1

    printed = tmp_path / "printed.pdf"

    def print_to_file(dialog):
        assert isinstance(dialog, QPrintDialog)
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return True

    pane.exec_dialog = print_to_file
    pane.print_clicked()
    assert printed.stat().st_size > 1000 and printed.read_bytes().startswith(b"%PDF")

    workbook = tmp_path / "daily.xlsx"
    pane.export_excel(workbook)
    book = load_workbook(workbook)
    figures = book[book.sheetnames[0]]
    rows = {r[0]: r for r in figures.iter_rows(min_row=2, values_only=True)}
    assert rows["Transactions"][1] == expected["n"]
    assert rows["Sales"][1] == pytest.approx(expected["total"] / 100)


def test_monthly_report_and_a_new_sale_recomputes_today(demo_window, qtbot, tmp_path):
    window = demo_window("owner")
    store = window.store
    window.show_page("reports")
    pane = window.pages["reports"]
    today = store.today()
    first = today.replace(day=1)
    month = _wait(pane, qtbot, "monthly", today)
    lo, hi = frames.day_start(first).isoformat(), frames.day_start(today + timedelta(days=1)).isoformat()
    total = store.db.scalar("SELECT COALESCE(SUM(total), 0) FROM sales WHERE at >= ? AND at < ?", (lo, hi))
    assert month.kpi("sales") == pytest.approx(total / 100)
    assert month.series.index[0].date() == first and len(month.series) == (today - first).days + 1
    assert not month.complete

    daily = _wait(pane, qtbot, "daily", today)
    before = daily.kpi("transactions")
    product = store.db.one("SELECT p.id, p.price FROM products p JOIN batches b ON b.product_id = p.id "
                           "WHERE p.legal_class = 'otc' AND b.on_hand > 2 AND b.expiry > date('now', '+30 days') "
                           "LIMIT 1")
    sale = store.sales.sell([CartLine(product["id"], 1)], [Payment("card", product["price"], reference="TERM-0001")])
    pane.refresh()
    qtbot.waitUntil(lambda: pane.result.report is not daily and not pane.busy, timeout=60_000)
    assert pane.result.report.kpi("transactions") == before + 1
    assert pane.result.report.kpi("sales") == pytest.approx(daily.kpi("sales") + sale.total / 100)


def test_reports_are_for_the_owner_only(demo_window):
    window = demo_window("pharmacist")
    assert "reports" not in window.nav_keys()


def test_a_report_chosen_while_another_computes_follows_it(demo_window, qtbot):
    window = demo_window("owner")
    window.show_page("reports")
    pane = window.pages["reports"]
    today = window.store.today()
    pane.choose("daily", today - timedelta(days=2))
    assert pane.busy
    pane.choose("monthly", today)                       # refresh() is refused while busy ...
    qtbot.waitUntil(lambda: pane.result is not None and pane.result.report.kind == "monthly" and not pane.busy,
                    timeout=60_000)                     # ... and the pane catches up when the first one ends
    assert pane.result.report.start == today.replace(day=1) and pane.title.text().startswith("Monthly report")
