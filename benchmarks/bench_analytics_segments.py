"""Segments and owner KPIs on a big demo store: wall time (median of 3), peak memory, and accuracy figures.

    python benchmarks/bench_analytics_segments.py /tmp/copy-of-demo-50000-5.0 [AS_OF]

Work on a COPY of the benchmark store (opening it may upgrade its schema). AS_OF defaults to the day
after the store's last sale. Prints Markdown rows for docs/benchmarks.md, then the figures quoted in
docs/analytics/segments.md and kpis.md:

- segments: k chosen and the silhouette per k, stability (mean ARI over 5 bootstrap refits), the
  summary table, and a 90-day backtest: segments computed as of AS_OF - 90 days, then each segment's
  share of members who bought again (and their spend) in the 90 days up to AS_OF;
- KPIs: the last 30 days against the 30 before, and a cross-check of sales, transactions and COGS
  against direct SQL sums.

Peak memory: ``ru_maxrss`` of the process after the timed runs (whole process, includes Python, pandas,
scikit-learn and SQLCipher), and the tracemalloc peak of one extra run (Python-level allocations).
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from datetime import date, timedelta

import pandas as pd

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import kpis, segments
from demo_store import open_demo_store, rss_mb


def run_segments(store, as_of):
    features = segments.build_features(frames.member_features(store, as_of), as_of)
    return segments.segment_members(features)


def run_kpis(store, start, end):
    inputs = frames.kpi_frames(store, start - (end - start), end)
    return kpis.owner_kpis(inputs, start, end)


def measure(fn, *args, runs: int = 3):
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn(*args)
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    fn(*args)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), times, peak / 2**20, result


def backtest(store, as_of: date, horizon: int = 90) -> pd.DataFrame:
    origin = as_of - timedelta(days=horizon)
    result = run_segments(store, origin)
    tx = frames.member_transactions(store, as_of)
    later = tx[tx["at"] >= pd.Timestamp(origin, tz="UTC")]
    after = later.groupby("member_id").agg(next_sales=("sale_id", "size"), next_spend=("total", "sum"))
    members = result.members.set_index("member_id").join(after)
    members[["next_sales", "next_spend"]] = members[["next_sales", "next_spend"]].fillna(0)
    table = members.groupby("segment").agg(members=("cluster", "size"),
                                           bought_again=("next_sales", lambda s: (s > 0).mean()),
                                           mean_sales_next=("next_sales", "mean"),
                                           mean_spend_next=("next_spend", lambda s: s.mean() / 100))
    rfm = members.dropna(subset=["R"]).groupby("R").agg(bought_again=("next_sales", lambda s: (s > 0).mean()))
    return table.sort_values("bought_again", ascending=False), rfm, result


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    store = open_demo_store(argv[0])
    try:
        last = store.db.scalar("SELECT MAX(at) FROM sales")
        as_of = date.fromisoformat(argv[1]) if len(argv) > 1 else date.fromisoformat(last[:10]) + timedelta(days=1)
        start = as_of - timedelta(days=30)
        seg_time, seg_runs, seg_peak, result = measure(run_segments, store, as_of)
        kpi_time, kpi_runs, kpi_peak, table = measure(run_kpis, store, start, as_of)
        rss = rss_mb()
        members = store.db.scalar("SELECT COUNT(*) FROM members")
        sales = store.db.scalar("SELECT COUNT(*) FROM sales")
        print(f"Store: {members:,} members, {sales:,} sales, as of {as_of}\n")
        print("| analysis | median wall time (3 runs) | runs | tracemalloc peak | process peak RSS |")
        print("|---|---|---|---|---|")
        print(f"| segments (load + k by silhouette + fit + 5 bootstrap refits) | {seg_time:.2f} s | "
              f"{', '.join(f'{t:.2f}' for t in seg_runs)} | {seg_peak:.0f} MB | {rss:.0f} MB |")
        print(f"| owner KPIs (30 days + previous 30, load + compute) | {kpi_time:.2f} s | "
              f"{', '.join(f'{t:.2f}' for t in kpi_runs)} | {kpi_peak:.0f} MB | {rss:.0f} MB |")

        print("\n## Segments\n")
        for note in result.notes():
            print(f"- {note}")
        with pd.option_context("display.width", 250, "display.max_columns", 30, "display.float_format", "{:,.3f}".format):
            print(result.summary.to_string(index=False))
            table_bt, rfm_bt, bt_result = backtest(store, as_of)
            print(f"\n90-day backtest: segments as of {as_of - timedelta(days=90)}, purchases up to {as_of}")
            for note in bt_result.notes():
                print(f"- {note}")
            print(table_bt.to_string())
            print("\nby classic R score:")
            print(rfm_bt.to_string())

        print("\n## KPIs\n")
        with pd.option_context("display.width", 250, "display.float_format", "{:,.4f}".format):
            print(table.to_string(index=False))
        for note in kpis.kpi_notes(table, start, as_of):
            print(f"- {note}")
        direct = store.db.one("SELECT SUM(total) AS total, COUNT(*) AS n FROM sales WHERE at >= ? AND at < ?",
                              (start.isoformat(), as_of.isoformat()))
        window = (start.isoformat(), as_of.isoformat())
        cogs = store.db.scalar("SELECT SUM(l.quantity * l.unit_cost) FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                               "WHERE s.at >= ? AND s.at < ? AND s.source = 'till'", window)
        net = store.db.scalar("SELECT SUM(total - vat) FROM sales WHERE at >= ? AND at < ? AND source = 'till'", window)
        t = table.set_index("kpi")["current"]
        print(f"\ncross-check: sales {t['sales']:.2f} vs SQL {direct['total'] / 100:.2f}; transactions "
              f"{t['transactions']:.0f} vs {direct['n']}; COGS implied by the margin "
              f"{net / 100 - t['gross_margin']:.2f} vs SQL {cogs / 100:.2f}")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
