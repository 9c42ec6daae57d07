"""CPU seconds of the reorder loaders and jobs on a built demo store, median of N runs.

    python benchmarks/bench_reorder_loaders.py /tmp/demo-10000-3 [--runs 5]

To compare two versions, run it alternately from each checkout on the same store, e.g.
``PYTHONPATH=/tmp/old-checkout python benchmarks/bench_reorder_loaders.py STORE``; it only reads the store.
Prints Markdown rows for docs/analytics.md ("Speed" under Reorder suggestions).
"""

from __future__ import annotations

import argparse
import statistics
import time

from pharmadesk.analytics import frames, jobs
from demo_store import open_demo_store


def cpu_median(run, runs: int) -> float:
    """Median CPU seconds of ``run()`` over ``runs`` calls (CPU, not wall: the machine is shared)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    store = open_demo_store(args.store, health_check=False)
    as_of = store.today()
    steps = {
        "reorder_daily_demand, 365 days": lambda: frames.reorder_daily_demand(store, as_of, 365),
        "reorder_daily_demand, 756 days": lambda: frames.reorder_daily_demand(store, as_of, 756),
        "reorder_batches at as-of": lambda: frames.reorder_batches(store, as_of),
        "run_reorder": lambda: jobs.run_reorder(store, as_of),
        "run_reorder_backtest": lambda: jobs.run_reorder_backtest(store, as_of),
    }
    print("| step | CPU s (median) |")
    print("|---|---|")
    for name, run in steps.items():
        print(f"| {name} | {cpu_median(run, args.runs):.3f} |")
    store.close()


if __name__ == "__main__":
    main()
