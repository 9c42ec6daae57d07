"""Benchmark the owner's daily and monthly reports on a large demo store: computing the figures
(jobs.run_daily_report / run_monthly_report) and rendering the printable document (Qt rich text, the
sales chart, an A4 PDF).

    python benchmarks/bench_reports.py --store /tmp/pharmadesk-bench/demo-50000-5.0

Read-only. Prints Markdown rows: the median wall time of --runs runs, and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from pharmadesk.analytics import jobs  # noqa: E402
from pharmadesk.i18n import apply_fonts  # noqa: E402
from pharmadesk.reports import document as rd  # noqa: E402
from pharmadesk.reports.printing import save_pdf  # noqa: E402
from demo_store import open_demo_store  # noqa: E402


def median_seconds(fn, runs: int) -> tuple[object, float]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    apply_fonts(app)
    store = open_demo_store(args.store)
    today = store.today()
    last_month = today.replace(day=1) - timedelta(days=1)
    cases = [("daily report, yesterday", jobs.run_daily_report, today - timedelta(days=1)),
             ("monthly report, last complete month", jobs.run_monthly_report, last_month),
             ("monthly report, this month to date", jobs.run_monthly_report, today)]
    print("| step | median |")
    print("|---|---|")
    out = Path(tempfile.mkdtemp()) / "report.pdf"
    for name, build, day in cases:
        report, seconds = median_seconds(lambda: build(store, today, jobs.ReportParams(day)).report, args.runs)
        print(f"| {name}: figures | {seconds:.2f} s |")
        _, seconds = median_seconds(lambda: save_pdf(rd.report_document(report, store), out, name), args.runs)
        print(f"| {name}: chart + document + A4 PDF ({out.stat().st_size / 1024:.0f} KB) | {seconds:.2f} s |")
    print(f"\npeak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    store.close()


if __name__ == "__main__":
    main()
