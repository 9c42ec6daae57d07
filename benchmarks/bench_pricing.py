"""Pricing a 50-line cart against 200 active promotions (issue 14): ``price_cart`` latency, median and p99.

    python benchmarks/bench_pricing.py [--runs 3000] [--out docs/benchmarks-pricing.json]

Pure CPU, no store: a synthetic catalogue of 800 products in 20 categories (one in ten Rx-only), 20 different
50-line carts (1–3 units of 2.00–80.00 each, about one line in ten Rx) and two promotion sets of 200, both seeded:

* ``mixed``: a busy store's calendar, 35 member price lists (5–30 products each), 40 percent-off and
  25 amount-off on a category or a few products, 20 nth-item and 15 buy-X-get-Y on a few products,
  10 spend-save (满X减Y, 4 on the whole basket), 3 presented coupons, 20 points multipliers and 32
  promotions whose calendar is not running now (another weekday, morning hours); stacking drawn at random.
* ``everything``: the adversarial case, the same 200 promotions but each scoped to the whole store, so every
  promotion touches every line (no pruning helps).

Each sample is one call of ``price_cart``, cycling over the carts, after 200 warm-up calls.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import replace
from datetime import date, datetime, time as clock_time
from pathlib import Path

from bench_store import machine, summary_ms
from pharmadesk.core.pricing import Calendar, PriceLine, Promotion, Scope, Shopper, price_cart

NOW = datetime(2026, 12, 8, 15, 30)        # a Tuesday, the 8th
CATEGORIES = [f"category-{n}" for n in range(20)]
PRODUCTS = {pid: (CATEGORIES[pid % 20], "rx" if pid % 10 == 0 else "otc") for pid in range(1, 801)}


def carts(rng: random.Random, count: int = 20, size: int = 50) -> list[list[PriceLine]]:
    result = []
    for _ in range(count):
        lines = []
        for key, pid in enumerate(rng.sample(sorted(PRODUCTS), size), start=1):
            price = rng.randrange(200, 8000)
            category, legal = PRODUCTS[pid]
            lines.append(PriceLine(key, pid, category, legal, rng.randint(1, 3), price, price * rng.randint(40, 80) // 100))
        result.append(lines)
    return result


def promotions(rng: random.Random) -> list[Promotion]:
    def few(n_low=2, n_high=8):
        return frozenset(rng.sample(sorted(PRODUCTS), rng.randint(n_low, n_high)))

    def scope():
        if rng.random() < 0.5:
            return Scope(categories=frozenset({rng.choice(CATEGORIES)}))
        return Scope(product_ids=few())

    made: list[Promotion] = []

    def add(kind, scope_=Scope(), calendar=Calendar(date(2026, 1, 1)), **fields):
        pid = len(made) + 1
        made.append(Promotion(pid, f"promotion {pid}", kind, kind, scope=scope_, calendar=calendar,
                              stacking=rng.choice(("exclusive", "stackable", "best")), **fields))

    for _ in range(35):
        products = few(5, 30)
        add("member_price", Scope(product_ids=products),
            prices=tuple((p, rng.randrange(100, 7000)) for p in sorted(products)))
    for _ in range(40):
        add("percent_off", scope(), percent=rng.choice((5, 10, 15, 20)))
    for _ in range(25):
        add("amount_off", scope(), amount=rng.choice((50, 100, 200)))
    for _ in range(20):
        add("nth_item", Scope(product_ids=few()), nth=2, percent=50)
    for _ in range(15):
        add("buy_x_get_y", Scope(product_ids=few()), buy=rng.choice((1, 2, 3)), get=1,
            get_product_id=rng.choice((None, rng.choice(sorted(PRODUCTS)))))
    for n in range(10):
        add("spend_save", Scope() if n % 3 == 0 else scope(), threshold=rng.choice((10000, 20000, 30000)),
            amount=rng.choice((1000, 2000, 5000)), repeat=rng.random() < 0.5)
    for _ in range(3):
        add("coupon", Scope(), threshold=rng.choice((0, 5000, 30000)), amount=rng.choice((500, 1000)))
    for _ in range(20):
        add("points_multiplier", scope(), multiplier=rng.choice((150, 200, 300)))
    for n in range(32):
        add(rng.choice(("percent_off", "spend_save", "member_price")), scope(),
            calendar=Calendar(date(2026, 1, 1), weekdays=frozenset({(NOW.weekday() + 1 + n % 6) % 7}),
                              from_time=clock_time(9), until_time=clock_time(12)),
            percent=10, threshold=10000, amount=1000, prices=((1, 100),))
    return made


def sample(cart_list, promotion_list, shopper, runs) -> list[float]:
    for n in range(200):
        price_cart(cart_list[n % len(cart_list)], shopper, promotion_list, NOW)
    samples = []
    for n in range(runs):
        cart = cart_list[n % len(cart_list)]
        start = time.perf_counter()
        price_cart(cart, shopper, promotion_list, NOW)
        samples.append(time.perf_counter() - start)
    return samples


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    rng = random.Random(14)
    cart_list, mixed = carts(rng), promotions(rng)
    everything = [replace(p, scope=Scope()) for p in mixed]
    member = Shopper(member_id=1, tier="gold")
    results = {"machine": machine(), "lines": 50, "promotions": len(mixed), "carts": len(cart_list)}
    for name, promotion_list in (("mixed", mixed), ("everything", everything)):
        for who, shopper in (("member", member), ("walk_in", Shopper())):
            summary = summary_ms(sample(cart_list, promotion_list, shopper, args.runs))
            results[f"{name}_{who}"] = summary
            print(f"{name:10} {who:7}  p50 {summary['p50_ms']:.3f} ms  p99 {summary['p99_ms']:.3f} ms", file=sys.stderr)
    print(json.dumps(results, indent=2))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
