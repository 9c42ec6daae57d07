"""Is the till still quick while an owner's page computes? Scan-to-line latency through the real widgets,
first with nothing in the background, then while the Dashboard recomputes over and over in its worker
thread (a 50,000-member store: about 2 s per computation, pandas and SQLite holding the CPU).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_till_while_computing.py --store /tmp/pharmadesk-bench/demo-50000-5.0

Also measures the event loop's longest stall: a 10 ms timer's largest gap between two ticks. Read-only:
the scanned lines are never paid (the cart is cleared).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench_store import machine, summary_ms  # noqa: E402
from pharmadesk.ui.main_window import MainWindow  # noqa: E402
from demo_store import open_demo_store  # noqa: E402


class StallMeter:
    """A 10 ms timer; the largest gap between ticks is how long the GUI thread was blocked at worst."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.gaps: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now


def scan_samples(app, till, barcodes, rng, n: int, keep_busy=None) -> tuple[list[float], list[float], int]:
    meter, samples, computed = StallMeter(), [], 0
    for _ in range(n):
        if keep_busy is not None:
            computed += keep_busy()
        if till.model.rowCount() >= 8:
            till.clear_sale()
        QTest.keyClicks(till.scan, rng.choice(barcodes))
        start = time.perf_counter()
        QTest.keyClick(till.scan, Qt.Key.Key_Return)
        samples.append(time.perf_counter() - start)
        app.processEvents()
        time.sleep(0.01)                       # a cashier does not scan faster than this
        app.processEvents()
    meter.timer.stop()
    till.clear_sale()
    return samples, meter.gaps, computed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--scans", type=int, default=400)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    store = open_demo_store(args.store)
    window = MainWindow(store, idle_ms=3_600_000)
    window.show()
    till = window.pages["till"]
    dashboard = window.pages["dashboard"]
    rng = random.Random(7)
    barcodes = [r["barcode"] for r in store.db.all(
        "SELECT p.barcode FROM products p JOIN batches b ON b.product_id = p.id "
        "WHERE p.legal_class = 'otc' AND b.on_hand > 0 AND b.expiry >= ? GROUP BY p.id", (store.today().isoformat(),))]
    window.show_page("till")

    idle, idle_gaps, _ = scan_samples(app, till, barcodes, rng, args.scans)

    def keep_busy() -> int:
        if dashboard.busy:
            return 0
        dashboard.refresh(force=True)          # the owner's page recomputes in its worker thread
        return 1

    busy, busy_gaps, computations = scan_samples(app, till, barcodes, rng, args.scans, keep_busy)
    dashboard.stop()
    print(f"Machine: {machine()}; {store.members.count():,} members; {computations} dashboard computations "
          f"ran during the second series")
    print("| till, scan to line | n | p50 (ms) | p99 (ms) | event-loop stalls: longest 3 (ms) | gaps > 50 ms |")
    print("|---|---|---|---|---|---|")
    for name, samples, gaps in (("nothing in the background", idle, idle_gaps),
                                ("while the Dashboard computes", busy, busy_gaps)):
        row = summary_ms(samples)
        longest = ", ".join(f"{g * 1000:.0f}" for g in sorted(gaps, reverse=True)[:3])
        print(f"| {name} | {row['n']} | {row['p50_ms']} | {row['p99_ms']} | {longest} | "
              f"{sum(g > 0.05 for g in gaps)} of {len(gaps)} |")
    window.close()
    store.logout()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
