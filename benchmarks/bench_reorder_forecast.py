"""The forecast protocol and the service / stock trade-off of the reorder analysis on a demo store, for
docs/analytics.md: held-out 14-day demand totals from weekly origins over the last year (relative MAE against
the seasonal naive forecast, overall and for the seasonal groups), the reorder backtest's policy simulation at
several service levels, and the reorder job's time (median of 5).

    python benchmarks/bench_reorder_forecast.py /tmp/copy-of-a-demo-store-of-3.5-years

Work on a COPY of the demo store (nothing is written, but the benchmark opens it as the owner). Prints Markdown.
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np

from demo_store import day_after_last_sale, open_demo_store, rss_mb
from pharmadesk.analytics import frames, jobs
from pharmadesk.analytics.models import forecast as fc
from pharmadesk.analytics.models import reorder

GROUPS = {"antihistamines (ATC R06)": ("R06",), "respiratory (ATC R03, R05)": ("R03", "R05")}


def markdown(frame, digits: int = 3) -> str:
    """A frame as a Markdown table (floats to ``digits`` places)."""
    cells = [[f"{v:,.{digits}f}" if isinstance(v, float) else str(v) for v in row] for row in frame.itertuples(index=False)]
    lines = ["| " + " | ".join(map(str, frame.columns)) + " |", "|" + "---|" * len(frame.columns)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in cells])


def protocol(store, as_of) -> None:
    products = frames.reorder_products(store, as_of)
    active = products[products["active"]]["product_id"].to_numpy()
    days = reorder.suggestion_history_days() + 364 + 14
    demand = frames.reorder_daily_demand(store, as_of, days)
    atc = frames.products(store, as_of).set_index("product_id")["atc_code"].fillna("")
    start = time.perf_counter()
    errors = fc.rolling_origin_errors(demand.to_numpy(), demand.index)
    seconds = time.perf_counter() - start
    column = np.asarray(demand.columns)
    errors = errors[np.isin(column[errors["product"]], active)].copy()
    errors["group"] = "all products"
    table = [fc.relative_mae(errors, ["group"])]
    for name, prefixes in GROUPS.items():
        codes = atc.reindex(column[errors["product"]]).fillna("").to_numpy()
        mask = np.zeros(len(errors), dtype=bool)
        for prefix in prefixes:
            mask |= np.char.startswith(codes.astype(str), prefix)
        table.append(fc.relative_mae(errors[mask].assign(group=name), ["group"]))
    wide = __import__("pandas").concat(table).pivot(index="method", columns="group", values="relative_mae")
    n_products = errors["product"].nunique()
    print(f"Protocol: {errors['origin'].nunique()} weekly origins over the year before {as_of}, 14-day totals, "
          f"{n_products} active products; relative MAE = Σ|error| / Σ|error of the seasonal naive| "
          f"({seconds:.0f} s)\n")
    order = ["seasonal naive", "class rule", *fc.candidate_names(), "chosen"]
    cols = ["all products", *GROUPS]
    print("| method | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    for method in order:
        if method in wide.index:
            print(f"| {method} | " + " | ".join(f"{wide.loc[method, c]:.3f}" for c in cols) + " |")
    picked = errors[errors["method"] == "chosen"]
    print(f"\n({len(picked)} product × origin forecasts per method)")


def tradeoff(store, as_of) -> None:
    result = jobs.run_reorder_backtest(store, as_of, jobs.ReorderBacktestParams(
        tradeoff_levels=(0.80, 0.90, 0.95, 0.98, 0.99)))
    print("\nReorder backtest (6 origins 28 days apart):\n")
    print(markdown(result.frame))
    print()
    print(markdown(result.methods[result.methods["demand_class"] == "all"]))
    print()
    print(markdown(result.simulation, 2))
    demand = frames.reorder_daily_demand(store, as_of, reorder.history_days_needed())
    steady = reorder.backtest(demand, frames.reorder_products(store, as_of), __import__("pandas").Series(dtype=float),
                              category_levels=store.settings.service_levels(),
                              tradeoff_levels=(0.80, 0.90, 0.95, 0.98, 0.99), start_at_level=True)
    print("\nThe same, every policy starting at its own level (steady state):\n")
    print(markdown(steady["simulation"], 2))


def speed(store, as_of) -> None:
    wall, cpu = [], []
    for _ in range(5):
        w, c = time.perf_counter(), time.process_time()
        jobs.run_reorder(store, as_of)
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    print(f"\nrun_reorder: median wall {statistics.median(wall):.2f} s, CPU {statistics.median(cpu):.2f} s "
          f"(5 runs), peak RSS {rss_mb():.0f} MB")


def main(directory: str) -> None:
    store = open_demo_store(directory, health_check=False)
    as_of = day_after_last_sale(store)
    protocol(store, as_of)
    tradeoff(store, as_of)
    speed(store, as_of)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1])
