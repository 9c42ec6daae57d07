"""The life of an analytics pane in the main window: it computes in a worker thread with progress and
Cancel, caches its result until a sale arrives, leaves the till usable while it computes, draws its charts
in the chosen language, and never leaves a running thread behind when the window closes."""

from __future__ import annotations

import io
import threading
import time
import warnings

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer

from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.ui.panes import cache_key, cached
from pharmadesk.analytics.jobs import period_bounds
from pharmadesk.ui.panes.dashboard_pane import WEEKDAYS
from pharmadesk.ui.till.payment_dialog import PaymentDialog
from pharmadesk.ui.widgets.worker import Cancelled
from tests.ui.conftest import DialogDriver, accepted
from tests.ui.panes_fixtures import demo_store, demo_window, open_pane  # noqa: F401 - fixtures

LIMIT_S = 30          # a gated computation gives up after this long, so a broken test fails instead of hanging


class Gate:
    """A stand-in ``compute`` that reports progress until released or cancelled, then (optionally) returns
    what the real compute returns. ``early``: compute the real result first (the data is read before the
    sale), then wait; otherwise wait first, then compute."""

    def __init__(self, real=None, early: bool = False) -> None:
        self.real = real
        self.early = early
        self.started = threading.Event()
        self.release = threading.Event()
        self.cancelled = threading.Event()
        self.calls = 0
        self.threads: list[threading.Thread] = []

    def __call__(self, store, as_of, progress):
        self.calls += 1
        self.threads.append(threading.current_thread())
        result = self.real(store, as_of, progress) if self.real is not None and self.early else None
        self.started.set()
        deadline = time.monotonic() + LIMIT_S
        try:
            while not self.release.is_set():
                progress(0.5, "waiting")              # raises Cancelled once Cancel was pressed
                time.sleep(0.01)                      # sleeps without the GIL: the GUI thread runs meanwhile
                if time.monotonic() > deadline:
                    raise RuntimeError("the gated computation was never released")
        except Cancelled:
            self.cancelled.set()
            raise
        if self.real is not None and not self.early:
            result = self.real(store, as_of, progress)
        return result


def _wait_for_gate(qtbot, gate: Gate) -> None:
    qtbot.waitUntil(gate.started.is_set, timeout=LIMIT_S * 1000)


def _sellable_product(store) -> dict:
    """An in-stock, not-expired, non-prescription product of the demo store with a barcode, that no running
    promotion prices below its catalogue price (one or two units), so a test can pay the plain price."""
    rows = store.db.all(
        "SELECT p.id, p.barcode, p.price, SUM(b.on_hand) AS units FROM products p JOIN batches b ON b.product_id = p.id"
        " WHERE p.legal_class NOT IN ('rx', 'controlled') AND p.active = 1 AND p.barcode IS NOT NULL"
        " AND b.expiry >= ? AND b.on_hand > 0 GROUP BY p.id HAVING units >= 3 ORDER BY units DESC, p.id LIMIT 50",
        (store.today().isoformat(),))
    row = next((r for r in rows if all(store.sales.quote([CartLine(r["id"], n)]).discount == 0 for n in (1, 2))),
               None)
    assert row is not None
    return row


def _choose_period(pane, qtbot, key: str) -> None:
    pane.period.setCurrentIndex(pane.period.findData(key))
    qtbot.waitUntil(lambda: pane.result is not None and pane.result.params.period == key and not pane.busy,
                    timeout=60_000)


def _sell_at_the_till(window, qtbot, barcode: str) -> str:
    """Scan ``barcode`` and pay by card at the till page, as the clerk would; the receipt number."""
    till = window.till
    driver = DialogDriver()
    till.exec_dialog = driver
    qtbot.keyClicks(till.scan, barcode)
    qtbot.keyClick(till.scan, Qt.Key.Key_Return)
    assert till.model.rowCount() == 1, till.message.text()
    driver.expect(PaymentDialog, lambda d: (d.set_method(PaymentDialog.CARD), d.set_reference("TERM-0001"), accepted(d))[-1])
    till.pay()
    assert till.model.rowCount() == 0, till.message.text()
    return till.last_sale.receipt_no


# -- 1. Cancel ---------------------------------------------------------------------------------------------

def test_cancel_stops_the_computation_and_caches_nothing(demo_window, qtbot):
    window = demo_window("owner")
    store = window.store
    pane = window.pages["segments"]
    gate = Gate()
    pane.compute = gate                               # instance attribute: refresh() takes self.compute
    window.show_page("segments")
    _wait_for_gate(qtbot, gate)
    runner = pane.runner
    assert pane.busy and runner.isRunning()
    assert pane.progress.isVisible() and pane.progress.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: pane.progress.bar.value() == 500, timeout=5000)      # progress reaches the GUI

    with qtbot.waitSignal(runner.finished, timeout=LIMIT_S * 1000):
        qtbot.mouseClick(pane.progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.message.text() == "Cancelled.", timeout=5000)
    assert gate.cancelled.is_set() and runner.was_cancelled and runner.done and not runner.isRunning()
    assert runner.error is None and runner.result is None
    assert not pane.busy and not pane.progress.isVisible() and pane.message.isVisible()
    assert pane.result is None and pane.key is None
    assert cached(cache_key(store, pane.current_cache_name())) is None

    del pane.compute                                  # the real compute again: Refresh works normally
    pane.refresh()
    qtbot.waitUntil(lambda: pane.result is not None and not pane.busy, timeout=60_000)
    assert pane.runner is not runner and not pane.runner.was_cancelled
    assert pane.key == cache_key(store, pane.current_cache_name())
    assert cached(pane.key) is pane.result
    assert pane.message.text() == "" and pane.message.isHidden()


def test_cancelling_a_recompute_keeps_the_result_shown(demo_window, qtbot):
    window = demo_window("owner")
    store = window.store
    pane = open_pane(window, "dashboard", qtbot)
    shown, key = pane.result, pane.key
    tiles = dict(pane.tile_values)
    gate = Gate()
    pane.compute = gate
    qtbot.mouseClick(pane.refresh_button, Qt.MouseButton.LeftButton)            # "Recompute" (forced)
    _wait_for_gate(qtbot, gate)
    runner = pane.runner
    with qtbot.waitSignal(runner.finished, timeout=LIMIT_S * 1000):
        qtbot.mouseClick(pane.progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.message.text() == "Cancelled.", timeout=5000)
    assert runner.was_cancelled
    assert pane.result is shown and pane.key == key and pane.tile_values == tiles
    assert cached(key) is shown and cache_key(store, pane.current_cache_name()) == key


# -- 2. Cache, and recompute after a sale -------------------------------------------------------------------

def test_result_is_cached_until_a_sale_arrives(demo_window, qtbot):
    window = demo_window("owner")
    store = window.store
    pane = window.pages["dashboard"]
    real = pane.compute
    calls = []

    def counting(handle, as_of, progress):
        calls.append(as_of)
        return real(handle, as_of, progress)

    pane.compute = counting
    open_pane(window, "dashboard", qtbot)
    _choose_period(pane, qtbot, "month")                        # "this month" includes today
    start, end = period_bounds("month", store.today())
    assert pane.result.start <= store.today() < pane.result.end == end
    assert len(calls) == 2
    first = pane.result
    before = {kpi: dict(values) for kpi, values in pane.tile_values.items()}

    for _ in range(2):                                          # away and back: the cached result, no recompute
        window.show_page("till")
        window.show_page("dashboard")
        assert not pane.busy
    assert len(calls) == 2 and pane.result is first

    product = _sellable_product(store)
    window.show_page("till")
    sale = store.sales.sell([CartLine(product["id"], 2)], [Payment("card", 2 * product["price"], reference="TERM-0001")])
    assert sale.total == 2 * product["price"]
    assert len(calls) == 2                                      # nothing computes while the pane is hidden

    window.show_page("dashboard")                               # shown again: a new last sale, so recompute
    assert pane.busy
    qtbot.waitUntil(lambda: not pane.busy and pane.result is not first, timeout=60_000)
    assert len(calls) == 3
    assert pane.key == cache_key(store, pane.current_cache_name()) and cached(pane.key) is pane.result
    after = pane.tile_values
    assert after["transactions"]["current"] == before["transactions"]["current"] + 1
    assert after["sales"]["current"] == pytest.approx(before["sales"]["current"] + sale.total / 100)
    assert after["sales"]["previous"] == pytest.approx(before["sales"]["previous"])
    assert int(pane.result.heat.sum()) == int(first.heat.sum()) + 1
    assert pane.tiles["transactions"].value.text() == f"{int(after['transactions']['current']):,}"

    window.show_page("till")
    window.show_page("dashboard")
    assert not pane.busy and len(calls) == 3


# -- 3. The till stays usable while a pane computes ---------------------------------------------------------

def test_the_till_sells_while_a_pane_computes(demo_window, qtbot):
    window = demo_window("owner")
    store = window.store
    pane = window.pages["dashboard"]
    gate = Gate(real=pane.compute)
    pane.compute = gate
    product = _sellable_product(store)
    sales_before = store.db.scalar("SELECT count(*) FROM sales")

    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    window.show_page("dashboard")
    _wait_for_gate(qtbot, gate)
    assert pane.busy
    window.show_page("till")
    timer.start()
    try:
        receipt_no = _sell_at_the_till(window, qtbot, product["barcode"])
        assert pane.busy                                            # the sale was made during the computation
        assert store.sales.receipt(receipt_no)["total"] == product["price"]
        assert store.db.scalar("SELECT count(*) FROM sales") == sales_before + 1
        assert "complete" in window.till.message.text()
        qtbot.wait(600)
        assert pane.busy
    finally:
        timer.stop()
    # ~30 ticks in 600 ms if the GUI thread is free; a blocked event loop would have none at all
    assert len(ticks) >= 5, len(ticks)
    assert pane.progress.bar.value() == 500                         # the worker's progress reached the GUI
    assert all(thread is not threading.main_thread() for thread in gate.threads)

    gate.release.set()
    qtbot.waitUntil(lambda: not pane.busy and pane.result is not None, timeout=60_000)
    assert pane.runner.error is None


def test_a_sale_during_a_computation_is_picked_up(demo_window, qtbot):
    """The pane read its data before the sale; when it finishes (shown) it must notice the newer sale."""
    window = demo_window("owner")
    store = window.store
    pane = open_pane(window, "dashboard", qtbot)
    _choose_period(pane, qtbot, "month")
    transactions = pane.tile_values["transactions"]["current"]
    product = _sellable_product(store)
    gate = Gate(real=pane.compute, early=True)
    pane.compute = gate
    qtbot.mouseClick(pane.refresh_button, Qt.MouseButton.LeftButton)
    _wait_for_gate(qtbot, gate)                                     # its data is read: no new sale in it
    window.show_page("till")
    _sell_at_the_till(window, qtbot, product["barcode"])
    window.show_page("dashboard")                                   # back while it still computes
    assert pane.busy
    del pane.compute
    gate.release.set()
    qtbot.waitUntil(lambda: not pane.busy and pane.key == cache_key(store, pane.current_cache_name()), timeout=60_000)
    assert pane.tile_values["transactions"]["current"] == transactions + 1


def test_recompute_pressed_while_computing_computes_again_after(demo_window, qtbot):
    """A change no cache key sees (a member's language) made while the pane computes: Recompute pressed then
    is not dropped but run when the computation ends, and the pane is busy until its result is shown."""
    window = demo_window("pharmacist")
    store = window.store
    pane = open_pane(window, "care", qtbot)
    row = next(r for r in pane.rows() if r["kind"] != "birthday")
    assert row["language"] != "zh_CN"
    gate = Gate(real=pane.compute, early=True)
    pane.compute = gate
    qtbot.mouseClick(pane.refresh_button, Qt.MouseButton.LeftButton)
    _wait_for_gate(qtbot, gate)                                     # its data is read: the old language
    store.members.update(row["member_id"], language="zh_CN")
    qtbot.mouseClick(pane.refresh_button, Qt.MouseButton.LeftButton)
    assert pane.busy and gate.calls == 1
    gate.release.set()
    qtbot.waitUntil(lambda: gate.calls == 2, timeout=60_000)       # the second Recompute, once the first ended
    gate.release.set()
    qtbot.waitUntil(lambda: not pane.busy, timeout=60_000)
    again = next(r for r in pane.rows() if r["member_id"] == row["member_id"] and r["kind"] == row["kind"])
    assert again["language"] == "zh_CN" and gate.calls == 2


# -- 4. Charts in the chosen language -----------------------------------------------------------------------

@pytest.fixture
def back_to_english(qapp):
    yield
    from pharmadesk.i18n import install_translators

    install_translators(qapp, "xx_XX")          # the source language for the other tests


def _switch(window, qtbot, language: str):
    """Change the language (the pages are rebuilt when the LanguageChange event arrives); the new dashboard,
    its result shown."""
    old = window.pages["dashboard"]
    window.change_language(language)
    qtbot.waitUntil(lambda: window.pages.get("dashboard") not in (None, old), timeout=5000)
    pane = window.pages["dashboard"]
    qtbot.waitUntil(lambda: pane.result is not None and not pane.busy, timeout=60_000)
    return pane


def test_charts_follow_the_selected_language(demo_window, qtbot, back_to_english):
    window = demo_window("owner")
    english = open_pane(window, "dashboard", qtbot)
    english_titles = {"heat": english.heat_chart.ax.get_title(), "daily": english.daily_chart.ax.get_title(),
                      "hour": english.heat_chart.ax.get_xlabel()}
    assert english_titles == {"heat": "Transactions by hour and weekday", "daily": "Daily sales", "hour": "hour"}

    pane = _switch(window, qtbot, "zh_CN")
    assert pane is not english and window.current_page_key() == "dashboard"

    def tr(text):
        return QCoreApplication.translate("DashboardPane", text)

    heat, daily = pane.heat_chart.ax, pane.daily_chart.ax
    assert heat.get_title() == tr("Transactions by hour and weekday") == "按小时和星期的交易笔数"
    assert daily.get_title() == tr("Daily sales") != english_titles["daily"]
    assert heat.get_xlabel() == tr("hour") != "hour"
    legend = [t.get_text() for t in daily.get_legend().get_texts()]
    assert sorted(legend) == sorted([tr("daily sales"), tr("7-day moving average")])
    assert not {"daily sales", "7-day moving average"} & set(legend)
    assert pane.tiles["sales"].title.text() == QCoreApplication.translate("dashboard", "Sales") != "Sales"

    pane = _switch(window, qtbot, "en")
    assert pane.heat_chart.ax.get_title() == english_titles["heat"]
    assert pane.daily_chart.ax.get_title() == english_titles["daily"]


def test_heat_map_weekdays_follow_the_selected_language(demo_window, qtbot, back_to_english):
    window = demo_window("owner")
    open_pane(window, "dashboard", qtbot)
    pane = _switch(window, qtbot, "zh_CN")
    labels = [t.get_text() for t in pane.heat_chart.ax.get_yticklabels()]
    assert labels == [QCoreApplication.translate("dashboard", d) for d in WEEKDAYS]
    assert not set(labels) & {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}


def test_chinese_chart_labels_have_glyphs(demo_window, qtbot, back_to_english):
    from matplotlib import rcParams

    from pharmadesk.fonts import CJK_FAMILY

    window = demo_window("owner")
    open_pane(window, "dashboard", qtbot)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pane = _switch(window, qtbot, "zh_CN")
        assert rcParams["font.family"][0] == CJK_FAMILY        # the bundled font, whatever is installed
        assert any("\u4e00" <= ch <= "\u9fff" for ch in pane.heat_chart.ax.get_title())
        for chart in (pane.daily_chart, pane.heat_chart, pane.mix_chart):
            png = io.BytesIO()
            chart.figure.savefig(png, format="png")
            assert png.getvalue().startswith(b"\x89PNG")
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert missing == []


# -- 5. Stopping -----------------------------------------------------------------------------------------------

def _held_at_the_gate(window, key: str, qtbot):
    """Open pane ``key`` with its computation held in the worker thread: (pane, gate, runner)."""
    pane = window.pages[key]
    gate = Gate()
    pane.compute = gate
    window.show_page(key)
    _wait_for_gate(qtbot, gate)
    return pane, gate, pane.runner


def test_closing_the_window_while_a_pane_computes_stops_its_thread(demo_window, qtbot):
    window = demo_window("owner")
    _pane, gate, runner = _held_at_the_gate(window, "segments", qtbot)
    assert runner.isRunning()
    window.close()                                        # must not abort ("QThread: Destroyed while running")
    assert runner.isFinished() and not runner.isRunning()
    assert runner.was_cancelled and gate.cancelled.is_set()
    qtbot.wait(50)                                        # the queued "cancelled" is delivered without error


def test_a_language_change_while_a_pane_computes_stops_the_old_pane(demo_window, qtbot, back_to_english):
    window = demo_window("owner")
    old, gate, runner = _held_at_the_gate(window, "dashboard", qtbot)
    finished = []
    runner.finished.connect(lambda: finished.append(runner.was_cancelled))
    new = _switch(window, qtbot, "zh_CN")                 # the new pane computes for real
    assert new is not old and new.runner is not runner
    assert gate.cancelled.is_set()                        # the old pane's thread was cancelled and ended
    qtbot.waitUntil(lambda: finished == [True], timeout=5000)
