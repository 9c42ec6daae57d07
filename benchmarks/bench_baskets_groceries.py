"""Hit rate of the till's "often bought with" on a real basket dataset: the Groceries data (9,835 baskets of a
grocery outlet, 169 item categories; Hahsler, Hornik & Reutterer 2006, distributed with the R package arules,
GPL-3), kept in ``tests/data/groceries/`` (see the README there).

    python benchmarks/bench_baskets_groceries.py [--folds 5] [--k 3]

Protocol: the baskets in file order are cut into ``--folds`` contiguous folds (fold 5 alone is the 80/20 time
split, last 20 % held out); each fold in turn is held out and the models learn from the rest; from each held-out
basket of 2 or more items one item is hidden (seeded), and a hit is the hidden item among the top ``k``
recommended from the rest (seed 0 as in the store's evaluation; :func:`pharmadesk.analytics.models.baskets.held_out_hit_rate`). Prints a Markdown
table for docs/analytics.md: the last fold alone, all folds pooled, and the lift-weighted score's ``beta``
sweep (last fold). About a minute on two cores.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import math
from pathlib import Path

import pandas as pd

from pharmadesk.analytics.models import baskets

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "groceries" / "groceries.csv.gz"


def groceries() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Groceries baskets as basket lines (``sale_id, date, product_id``) and an all-OTC product table."""
    with gzip.open(DATA, "rt", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    names = sorted({item for basket in rows for item in basket})
    ids = {name: i + 1 for i, name in enumerate(names)}
    lines = pd.DataFrame([(sale + 1, pd.Timestamp("2000-01-01"), ids[item])
                          for sale, basket in enumerate(rows) for item in basket],
                         columns=["sale_id", "date", "product_id"])
    products = pd.DataFrame({"product_id": list(ids.values()), "name": list(ids), "legal_class": "otc",
                             "active": 1})
    return lines, products


def fold_results(lines: pd.DataFrame, products: pd.DataFrame, folds: int, k: int, beta: float) -> list[pd.DataFrame]:
    n = int(lines["sale_id"].max())
    out = []
    for fold in range(folds):
        lo, hi = n * fold // folds, n * (fold + 1) // folds
        held = lines["sale_id"].between(lo + 1, hi)
        out.append(baskets.held_out_hit_rate(lines[~held], lines[held], products, k=k, beta=beta,
                                             random_state=0))
    return out


def pooled(results: list[pd.DataFrame]) -> pd.DataFrame:
    table = pd.concat(results).groupby("method", sort=False)[["test_baskets", "hits"]].sum().reset_index()
    table["hit_rate"] = table["hits"] / table["test_baskets"]
    bounds = [baskets._wilson(int(h), int(n)) for h, n in zip(table["hits"], table["test_baskets"])]
    table["ci"] = [f"{lo:.3f} – {hi:.3f}" for lo, hi in bounds]
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--k", type=int, default=3)
    args = parser.parse_args()
    lines, products = groceries()
    print(f"Groceries: {lines['sale_id'].nunique()} baskets, {len(products)} items; hit rate at {args.k}\n")
    results = fold_results(lines, products, args.folds, args.k, baskets.DEFAULT_BETA)
    last, every = results[-1], pooled(results)
    popular_last = float(last.set_index("method").loc["most popular", "hit_rate"])
    popular_all = float(every.set_index("method").loc["most popular", "hit_rate"])
    print("| method | last 20 % held out | × most popular | all 5 folds pooled | 95 % interval | × most popular |")
    print("|---|---|---|---|---|---|")
    for (_, a), (_, b) in zip(last.iterrows(), every.iterrows()):
        print(f"| {a['method']} | {a['hit_rate']:.3f} ({int(a['hits'])}/{int(a['test_baskets'])}) | "
              f"{a['hit_rate'] / popular_last:.2f} | {b['hit_rate']:.3f} ({int(b['hits'])}/{int(b['test_baskets'])}) | "
              f"{b['ci']} | {b['hit_rate'] / popular_all:.2f} |")
    print("\nbeta sweep (lift-weighted co-occurrence, last 20 % held out):\n")
    print("| beta | hit rate |")
    print("|---|---|")
    n = int(lines["sale_id"].max())
    held = lines["sale_id"] > n * (args.folds - 1) // args.folds
    for beta in (0.0, 0.25, 0.5, 0.75, 1.0):
        table = baskets.held_out_hit_rate(lines[~held], lines[held], products, k=args.k, beta=beta,
                                          random_state=0).set_index("method")
        rate = table.loc["lift-weighted co-occurrence", "hit_rate"]
        print(f"| {beta:g} | {rate:.3f} |" if not math.isnan(rate) else f"| {beta:g} | — |")


if __name__ == "__main__":
    main()
