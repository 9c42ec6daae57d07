"""The owner's daily and monthly reports: exact figures on the tiny hand-built store, the right comparison
windows, local days, and no future reports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pharmadesk import env
from pharmadesk.analytics import jobs
from pharmadesk.errors import PermissionDenied, ValidationError
from pharmadesk.core.sales import CartLine, Payment
from tests.analytics.test_kpis import _at, tiny  # noqa: F401 - fixture


def daily_report(store, day):
    return jobs.run_daily_report(store, store.today(), jobs.ReportParams(day)).report


def monthly_report(store, day):
    return jobs.run_monthly_report(store, store.today(), jobs.ReportParams(day)).report


def test_daily_report_on_the_tiny_store(store, tiny):
    day = tiny["day"]
    report = daily_report(store, day)
    assert (report.start, report.end) == (day, day + timedelta(days=1))
    assert (report.compare_start, report.compare_end) == (day - timedelta(days=7), day - timedelta(days=6))
    assert report.complete
    assert report.kpi("transactions") == 5 and report.kpi("transactions", "previous") == 0
    assert report.kpi("sales") == pytest.approx(130.50)
    assert report.kpi("refunds") == pytest.approx(18.00)
    # till payments: cash 36 + 54 + 18, card 12.50; the imported sale is booked as cash 10.00; one cash refund
    payments = report.payments.set_index("method")
    assert payments.loc["cash", "sales"] == pytest.approx(118.00)
    assert payments.loc["card", "sales"] == pytest.approx(12.50)
    assert payments.loc["cash", "refunds"] == pytest.approx(18.00)
    assert payments.loc["cash", "net"] == pytest.approx(100.00)
    assert report.series["transactions"].sum() == 5
    assert report.series.loc[8, "transactions"] == 4 and report.series.loc[7, "transactions"] == 1
    stock = report.stock.set_index("reason")
    assert stock.loc["receipt", "units"] == 10 and stock.loc["receipt", "value"] == pytest.approx(70.00)
    assert stock.loc["sale", "units"] == -(2 + 1 + 3 + 1)
    assert stock.loc["return", "units"] == 1
    assert report.exceptions["refund"] == 1 and report.exceptions["price.override"] == 0
    assert report.products["units"].sum() == 2 + 1 + 3 + 1 + 1
    top = report.products.iloc[0]
    assert top["revenue"] == pytest.approx(36 + 54 + 18 + 10)     # syrup: 6 units at 18.00 + 1 imported
    assert report.categories["share"].sum() == pytest.approx(1.0)
    assert report.expiry["expired_batches"] >= 1                  # the template's expired syrup batch


def test_monthly_windows_compare_the_same_days_of_the_month_before(store, clock):
    clock.moment = _at(date(2027, 3, 10), 12)
    running = monthly_report(store, date(2027, 3, 25))
    assert (running.start, running.end) == (date(2027, 3, 1), date(2027, 3, 11))
    assert (running.compare_start, running.compare_end) == (date(2027, 2, 1), date(2027, 2, 11))
    assert not running.complete and len(running.series) == 10
    january = monthly_report(store, date(2027, 1, 31))
    assert (january.start, january.end) == (date(2027, 1, 1), date(2027, 2, 1)) and january.complete
    assert (january.compare_start, january.compare_end) == (date(2026, 12, 1), date(2027, 1, 1))
    february = monthly_report(store, date(2027, 2, 1))
    assert (february.compare_start, february.compare_end) == (date(2027, 1, 1), date(2027, 1, 29))
    clock.moment = _at(date(2027, 3, 31), 12)
    march = monthly_report(store, date(2027, 3, 1))
    assert (march.compare_start, march.compare_end) == (date(2027, 2, 1), date(2027, 3, 1))    # capped
    with pytest.raises(ValidationError):
        monthly_report(store, date(2027, 4, 1))
    with pytest.raises(ValidationError):
        daily_report(store, date(2027, 4, 1))


def test_daily_report_counts_the_local_day(store, ids, clock, shanghai_time):
    day = date.fromisoformat(store.db.scalar("SELECT MIN(at) FROM stock_moves")[:10]) + timedelta(days=2)
    clock.moment = _at(day, 17, 30)                      # 01:30 on day + 1 in UTC+8
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("card", 1250, reference="TERM-0001")])
    clock.moment = _at(day + timedelta(days=2), 9)
    report = daily_report(store, day + timedelta(days=1))
    assert report.kpi("transactions") == 1 and report.series.loc[1, "transactions"] == 1
    assert daily_report(store, day).kpi("transactions") == 0


def test_reports_need_the_owner(open_store, tiny):
    cashier = open_store("cashier")
    with pytest.raises(PermissionDenied):
        daily_report(cashier, tiny["day"])


def test_cli_writes_the_printed_report_and_the_workbook(qapp, store_dir, ids, tmp_path, monkeypatch, capsys):
    """In this process the widget tests' QApplication exists first (Qt allows one application object); the
    command draws on whatever QGuiApplication is there."""
    from openpyxl import load_workbook

    from pharmadesk.cli.main import main as cli_main
    from pharmadesk.core.store import Store
    from tests.conftest import PASSPHRASE, PASSWORDS

    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)
    with Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False) as store:
        store.login("owner", PASSWORDS["owner"])
        store.sales.sell([CartLine(ids.otc, 2)], [Payment("card", 2500, reference="TERM-0001")])
        day = store.today()
    pdf, xlsx = tmp_path / "daily.pdf", tmp_path / "month.xlsx"
    assert cli_main(["report", "daily", "--store", str(store_dir), "--date", day.isoformat(), "--out", str(pdf)]) == 0
    assert f"Report written: {pdf}" in capsys.readouterr().out
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
    assert cli_main(["report", "monthly", "--store", str(store_dir), "--date", f"{day:%Y-%m}", "--out", str(xlsx)]) == 0
    with Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False) as store:
        store.login("owner", PASSWORDS["owner"])
        expected = monthly_report(store, day)
    figures = {row[0]: row for row in load_workbook(xlsx).worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert figures["Transactions"][1] == expected.kpi("transactions") > 0
    with pytest.raises(SystemExit, match="must end in .pdf or .xlsx"):
        cli_main(["report", "daily", "--store", str(store_dir), "--out", str(tmp_path / "x.txt")])
    tomorrow = (day + timedelta(days=1)).isoformat()
    assert cli_main(["report", "daily", "--store", str(store_dir), "--date", tomorrow, "--out", str(pdf)]) == 1
    assert "still to come" in capsys.readouterr().err


CHILD = """
import sys
from PySide6.QtCore import QCoreApplication
from pharmadesk.cli.main import main
code = main(sys.argv[1:])
app = QCoreApplication.instance()
print(code, type(app).__name__, app.platformName(), sorted(m for m in sys.modules if m.startswith("pharmadesk.ui")))
"""


def test_cli_report_renders_without_widgets(store_dir, ids, tmp_path):
    """``pharmadesk report`` in its own process: a QGuiApplication (offscreen without a display), no
    QApplication and nothing of pharmadesk.ui loaded, and still a printed PDF."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from pharmadesk.core.store import Store
    from tests.conftest import PASSPHRASE, PASSWORDS

    with Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False) as store:
        store.login("owner", PASSWORDS["owner"])
        store.sales.sell([CartLine(ids.otc, 2)], [Payment("card", 2500, reference="TERM-0001")])
        day = store.today()
    pdf = tmp_path / "daily.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(PHARMADESK_PASSPHRASE=PASSPHRASE, PHARMADESK_PASSWORD=PASSWORDS["owner"],
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = subprocess.run([sys.executable, "-c", CHILD, "report", "daily", "--store", str(store_dir),
                             "--date", day.isoformat(), "--out", str(pdf)],
                            capture_output=True, text=True, env=env, timeout=300, cwd=Path(__file__).parents[2])
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "0 QGuiApplication offscreen []"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
