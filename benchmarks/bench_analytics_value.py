"""Benchmark member value (BG/NBD + Gamma-Gamma + CLV), its 90-day backtest and a campaign's scoring on
a large demo store (work on a COPY: opening migrates the schema and the campaign step writes one).

    cp -r /tmp/pharmadesk-bench/demo-50000-5.0 /tmp/value-big
    python benchmarks/bench_analytics_value.py --store /tmp/value-big

Prints Markdown rows: median wall time of 3 runs (load + fit + score) and peak memory (tracemalloc peak
of Python allocations during one run, and the process's ru_maxrss), plus the backtest's accuracy.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc
from datetime import date, timedelta

from pharmadesk.analytics import frames
from pharmadesk.analytics.jobs import score_campaign
from pharmadesk.analytics.models import value
from demo_store import open_demo_store


def measure(fn, runs: int = 3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, statistics.median(times), peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", required=True, help="a COPY of the big demo store")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    store = open_demo_store(args.store)
    end = date.fromisoformat(store.db.scalar("SELECT MAX(at) FROM sales")[:10]) + timedelta(days=1)

    def run_value():
        return value.member_value(frames.member_purchase_days(store, end), end)

    def run_backtest():
        return value.backtest_value(frames.member_purchase_days(store, end), end)

    fit, t_value, m_value = measure(run_value, args.runs)
    table = fit.table
    report, t_back, m_back = measure(run_backtest, args.runs)

    # a campaign over every marketing-consented member, window = the last 30 days of the data
    members = store.privacy.consented_members("marketing")
    campaign_id = store.campaigns.create("Benchmark", members, starts_on=end - timedelta(days=30),
                                  ends_on=end - timedelta(days=1), cost=500_000, seed=1)
    result, t_camp, m_camp = measure(lambda: score_campaign(store, campaign_id, end), args.runs)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    store.close()

    bg, gg, r = fit.bgnbd, fit.gamma_gamma, report.iloc[0]
    print(f"members scored: {len(table)}; BG/NBD r={bg['r']:.3f} alpha={bg['alpha']:.2f} a={bg['a']:.3f} "
          f"b={bg['b']:.3f}; Gamma-Gamma p={gg['p']:.2f} q={gg['q']:.2f} v={gg['v']:.0f}")
    print(f"backtest {r['origin']} -> {r['end']}: {r['members']} members, predicted {r['predicted']:.0f} vs actual "
          f"{r['actual']:.0f} purchases (error {r['aggregate_error']:+.1%}), correlation {r['correlation']:.3f}, "
          f"MAE {r['mae']:.3f}; spend error {r['spend_error']:+.1%}")
    c = result.iloc[0]
    print(f"campaign: {c['target_n']} target / {c['holdout_n']} holdout, uplift {c['uplift']:+.4f} "
          f"[{c['uplift_low']:+.4f}, {c['uplift_high']:+.4f}]")
    print()
    print("| analysis | wall time (median of 3) | peak Python memory (tracemalloc) | process max RSS |")
    print("|---|---|---|---|")
    print(f"| value (load + BG/NBD + Gamma-Gamma + 12-month CLV, {len(table):,} members) | {t_value:.2f} s | "
          f"{m_value:.0f} MB | {rss:.0f} MB |")
    print(f"| value backtest (fit at end-90 d, score 90 d) | {t_back:.2f} s | {m_back:.0f} MB | {rss:.0f} MB |")
    print(f"| campaign (load window + CLV fit + score, {c['target_n'] + c['holdout_n']:,} members) | {t_camp:.2f} s | "
          f"{m_camp:.0f} MB | {rss:.0f} MB |")


if __name__ == "__main__":
    main()
