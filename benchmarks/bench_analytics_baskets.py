"""Basket recommendations on a big demo store: rules (median of 3), the till's lookup (p50/p99 over 10,000
calls), the hit-rate evaluation, and peak memory.

    python benchmarks/bench_analytics_baskets.py /tmp/copy-of-demo-50000-5.0 [AS_OF]

Work on a COPY of the benchmark store (opening it upgrades its schema). Prints Markdown rows for
docs/benchmarks.md and the hit rates quoted in docs/analytics/baskets.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date

import numpy as np

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import baskets
from demo_store import day_after_last_sale, open_demo_store, rss_mb


def main(directory: str, as_of: date | None) -> None:
    store = open_demo_store(directory, health_check=False)
    as_of = as_of or day_after_last_sale(store)
    print(f"as of {as_of}")
    print("| analysis | rows | median of 3 (s) | peak RSS (MB) |")
    print("|---|---|---|---|")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        lines, products = frames.basket_lines(store, as_of), frames.products(store, as_of)
        rules = baskets.mine_rules(lines, products)
        index = baskets.build_index(rules, lines, products)
        times.append(time.perf_counter() - start)
    print(f"| basket rules + till index (load, FP-growth, index) | {len(rules)} rules / "
          f"{baskets.basket_count(lines)} baskets | {statistics.median(times):.2f} | {rss_mb():.0f} |")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        evaluation = baskets.evaluate_hit_rate(frames.basket_lines(store, as_of), frames.products(store, as_of), as_of)
        times.append(time.perf_counter() - start)
    print(f"| basket hit-rate evaluation (90-day hold-out) | {int(evaluation['test_baskets'].iloc[0])} baskets | "
          f"{statistics.median(times):.2f} | {rss_mb():.0f} |")
    recent = lines[lines["date"] >= lines["date"].max() - np.timedelta64(90, "D")]
    carts = recent.groupby("sale_id")["product_id"].apply(list).tolist()
    rng = np.random.default_rng(0)
    picks = rng.integers(len(carts), size=10_000)
    samples = []
    for i in picks:
        cart = carts[i]
        start = time.perf_counter()
        baskets.recommend(cart, index, k=3)
        samples.append(time.perf_counter() - start)
    ms = np.array(samples) * 1000
    print(f"| till lookup `recommend(cart, index, k=3)`, 10,000 real carts | p50 {np.percentile(ms, 50):.4f} ms, "
          f"p99 {np.percentile(ms, 99):.4f} ms, max {ms.max():.3f} ms | | {rss_mb():.0f} |")
    print()
    print(evaluation.to_string(index=False))
    for note in baskets.evaluation_notes(evaluation, as_of):
        print(note)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pharmadesk-bench-copy",
         date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else None)
