"""Quoting a 50-line cart at the till (issue 14): ``store.sales.quote`` latency on a real encrypted store, median
and p99 — what every cart change costs (the catalogue read, the FEFO cost read, the cached active promotions,
the member's tier, the engine).

    python benchmarks/bench_quote.py [--runs 1000] [--out docs/benchmarks-quote.json]

A fresh store in a temporary folder: 400 products in 7 categories with two batches each, 200 stackable
promotions (percent off, amount off, nth item, buy X get Y, spend-save, points multipliers; each on a category
or a few products, seeded) and one member with a year of spend. Each sample is one ``quote`` of one of 20
seeded 50-line carts (1–3 units each), for the member, after 50 warm-up calls.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench_store import machine, summary_ms
from pharmadesk.core.catalog import CATEGORIES
from pharmadesk.core.sales import CartLine
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.store import Store

FAST_KDF = {"time_cost": 1, "memory_cost": 8 * 1024, "parallelism": 1}   # the store key's KDF only; not timed


def build(directory: Path, rng: random.Random) -> tuple[Store, list[int], int]:
    store = Store.create(directory, passphrase="benchmark passphrase", store_name="Bench", owner_username="owner",
                         owner_name="Owner", owner_password="owner-pass-1", owner_pin="1111", use_keyring=False,
                         kdf=FAST_KDF)
    supplier = store.catalog.add_supplier("Supplier")
    products, receipts = [], []
    today = store.today()
    for n in range(400):
        pid = store.catalog.add_product(barcode=f"BENCH{n:05d}", name=f"Product {n}", category=CATEGORIES[n % 7],
                                        legal_class="otc", price=rng.randrange(200, 8000), supplier_id=supplier)
        products.append(pid)
        receipts += [ReceiptLine(pid, f"B{n}-1", today + timedelta(days=30), 5, rng.randrange(50, 150)),
                     ReceiptLine(pid, f"B{n}-2", today + timedelta(days=300), 50, rng.randrange(50, 150))]
    store.stock.receive(supplier, receipts)

    def scope():
        if rng.random() < 0.5:
            return {"categories": [rng.choice(CATEGORIES)]}
        return {"products": rng.sample(products, rng.randint(2, 8))}

    kinds = ([("percent_off", {"percent": 5})] * 60 + [("amount_off", {"amount": 20})] * 40
             + [("nth_item", {"nth": 2, "percent": 50})] * 25 + [("buy_x_get_y", {"buy": 3, "get": 1})] * 20
             + [("spend_save", {"threshold": 10000, "amount": 500, "repeat": True})] * 25
             + [("points_multiplier", {"multiplier": 200})] * 30)
    for n, (kind, fields) in enumerate(kinds):
        store.promotions.create(name=f"{kind} {n}", kind=kind, stacking="stackable", scope=scope(), **fields)
    member = store.members.register("Bench Member", "13900000001")
    return store, products, member


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path("docs/benchmarks-quote.json"))
    args = parser.parse_args()
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as folder:
        store, products, member = build(Path(folder) / "store", rng)
        carts = [[CartLine(pid, rng.randint(1, 3)) for pid in rng.sample(products, 50)] for _ in range(20)]
        for n in range(50):
            store.sales.quote(carts[n % 20], member)
        samples = []
        for n in range(args.runs):
            start = time.perf_counter()
            store.sales.quote(carts[n % 20], member)
            samples.append(time.perf_counter() - start)
        discounts = sum(bool(store.sales.quote(cart, member).savings) for cart in carts)
        store.close()
    result = {"machine": machine(), "quote_50_lines_200_promotions": summary_ms(samples),
              "carts_with_savings": f"{discounts}/20"}
    print(json.dumps(result, indent=2))
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
