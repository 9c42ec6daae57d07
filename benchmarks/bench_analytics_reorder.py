"""Reorder suggestions and their backtest on a big demo store: wall time (median of 3) and peak memory.

    python benchmarks/bench_analytics_reorder.py /tmp/copy-of-demo-50000-5.0

Work on a COPY of the benchmark store. Prints Markdown rows for docs/benchmarks.md.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import reorder
from demo_store import open_demo_store


def suggestions(store, as_of):
    return reorder.suggest(frames.reorder_daily_demand(store, as_of, reorder.suggestion_history_days()),
                           frames.reorder_products(store, as_of), frames.reorder_batches(store, as_of),
                           frames.reorder_on_order(store, as_of), as_of, category_levels=store.settings.service_levels())


def backtest(store, as_of):
    demand = frames.reorder_daily_demand(store, as_of, reorder.history_days_needed())
    start = reorder.backtest_start(as_of)
    batches, on_order = frames.reorder_batches(store, start), frames.reorder_on_order(store, start)
    stock = reorder.sellable_on_hand(batches).add(
        on_order.set_index("product_id")["on_order"], fill_value=0)
    return reorder.backtest(demand, frames.reorder_products(store, as_of), stock)


def main(directory: str) -> None:
    store = open_demo_store(directory, health_check=False)
    as_of = store.today()
    print("| analysis | products | median of 3 (s) | peak RSS (MB) |")
    print("|---|---|---|---|")
    for name, run in (("reorder suggestions", suggestions), ("reorder backtest (6 origins)", backtest)):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            result = run(store, as_of)
            times.append(time.perf_counter() - start)
        rows = len(result) if name.startswith("reorder s") else int(result["accuracy"]["products"].iloc[-1])
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"| {name} | {rows} | {statistics.median(times):.2f} | {rss:.0f} |")
    store.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pharmadesk-bench-copy")
