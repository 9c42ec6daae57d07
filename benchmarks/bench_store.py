"""Store benchmarks on a large demo store: build time, sale commit latency, lookups, size,
and the encryption overhead against the same workload on plain SQLite.

    python benchmarks/bench_store.py --members 50000 --years 5 --out docs/benchmarks-store.json

Results are printed as Markdown (paste into docs/benchmarks.md) and saved as JSON.
Timings are wall-clock medians/p99 over many repetitions of each operation.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

from pharmadesk.db.connection import DB_FILE_NAME, Database, connect
from pharmadesk.demo.build import DEMO_PASSPHRASE, DEMO_USERS, build_demo_store
from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.store import Store


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary_ms(samples: list[float]) -> dict:
    ms = [s * 1000 for s in samples]
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 3), "p99_ms": round(percentile(ms, 99), 3)}


def timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def plain_copy(store: Store, target: Path) -> Store:
    """Export the encrypted store into an unencrypted SQLite file and open it as a Store."""
    target.mkdir(parents=True, exist_ok=True)
    plain_path = target / DB_FILE_NAME
    plain_path.unlink(missing_ok=True)
    store.db.execute(f"ATTACH DATABASE '{plain_path}' AS plaintext KEY ''")
    store.db.execute("SELECT sqlcipher_export('plaintext')")
    user_version = store.db.scalar("PRAGMA user_version")
    store.db.execute("DETACH DATABASE plaintext")
    conn = connect(plain_path, None)
    conn.execute(f"PRAGMA user_version = {user_version}")
    return Store(Database(conn, plain_path, audit_key=store.db.audit_key), target, store.store_id)


def sellable_products(store: Store) -> list[int]:
    today = store.today().isoformat()
    return [r["product_id"] for r in store.db.all(
        "SELECT b.product_id FROM batches b JOIN products p ON p.id = b.product_id "
        "WHERE p.legal_class = 'otc' AND p.active = 1 AND b.expiry >= ? "
        "GROUP BY b.product_id HAVING SUM(b.on_hand) >= 50", (today,))]


def sale_workload(store: Store, products: list[int], n: int, seed: int) -> list[float]:
    """n till sales of 1-4 OTC lines paid in cash, each its own committed (fsynced) transaction."""
    rng = random.Random(seed)
    samples = []
    for _ in range(n):
        lines = [CartLine(pid, 1) for pid in rng.sample(products, rng.randint(1, 4))]
        total = sum(store.catalog.get(line.product_id).price for line in lines)
        start = time.perf_counter()
        try:
            store.sales.sell(lines, [Payment("cash", total, tendered=total + 500)])
        except PharmaDeskError:
            continue
        samples.append(time.perf_counter() - start)
    return samples


def lookups(store: Store, seed: int, n: int) -> dict:
    rng = random.Random(seed)
    barcodes = [r[0] for r in store.db.execute("SELECT barcode FROM products").fetchall()]
    names = [r[0] for r in store.db.execute("SELECT name FROM products").fetchall()]
    phones = [r[0] for r in store.db.execute("SELECT phone FROM members WHERE phone IS NOT NULL").fetchall()]
    cards = [r[0] for r in store.db.execute("SELECT card_no FROM members WHERE card_no IS NOT NULL").fetchall()]
    return {
        "product_by_barcode": summary_ms([timed(store.catalog.by_barcode, rng.choice(barcodes)) for _ in range(n)]),
        "product_by_name_prefix": summary_ms(
            [timed(store.catalog.search, rng.choice(names)[: rng.randint(2, 4)]) for _ in range(n)]),
        "member_by_phone": summary_ms([timed(store.members.by_phone, rng.choice(phones)) for _ in range(n)]),
        "member_by_card": summary_ms([timed(store.members.by_card, rng.choice(cards)) for _ in range(n)]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=50000)
    parser.add_argument("--years", type=float, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/pharmadesk-bench"))
    parser.add_argument("--sales", type=int, default=1000, help="sales per workload run")
    parser.add_argument("--lookups", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=Path("docs/benchmarks-store.json"))
    args = parser.parse_args()

    directory = args.workdir / f"demo-{args.members}-{args.years}"
    shutil.rmtree(directory, ignore_errors=True)
    start = time.perf_counter()
    store = build_demo_store(directory, members=args.members, years=args.years)
    build_seconds = time.perf_counter() - start
    store.close()

    store = Store.open(directory, passphrase=DEMO_PASSPHRASE, use_keyring=False)
    _name, _role, password, _pin = DEMO_USERS["owner"]
    store.login("owner", password)
    info = store.info()
    products = sellable_products(store)
    lookup_results = lookups(store, seed=1, n=args.lookups)

    plain = plain_copy(store, args.workdir / "plain")
    plain.user = store.user
    # Alternate runs so both see the same disk and cache conditions.
    encrypted_samples, plain_samples = [], []
    for round_no in range(4):
        encrypted_samples += sale_workload(store, products, args.sales // 4, seed=100 + round_no)
        plain_samples += sale_workload(plain, products, args.sales // 4, seed=100 + round_no)
    enc, pln = summary_ms(encrypted_samples), summary_ms(plain_samples)
    results = {
        "machine": machine(),
        "members": args.members,
        "years": args.years,
        "build_seconds": round(build_seconds, 1),
        "database": info,
        "sale_commit_encrypted": enc,
        "sale_commit_plain": pln,
        "encryption_overhead_p50": round(enc["p50_ms"] / pln["p50_ms"], 3),
        "encryption_overhead_p99": round(enc["p99_ms"] / pln["p99_ms"], 3),
        "lookups": lookup_results,
    }
    store.close()
    plain.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))

    print(f"Machine: {results['machine']}")
    print(f"Demo store {args.members:,} members, {args.years} years: built in {build_seconds:.0f} s, "
          f"{info['size_bytes'] / 1e6:.0f} MB, {info['counts']['sales']:,} sales, "
          f"{info['counts']['sale_lines']:,} lines")
    print("\n| operation | n | p50 (ms) | p99 (ms) |\n|---|---|---|---|")
    print(f"| sale commit, SQLCipher (fsync) | {enc['n']} | {enc['p50_ms']} | {enc['p99_ms']} |")
    print(f"| sale commit, plain SQLite (fsync) | {pln['n']} | {pln['p50_ms']} | {pln['p99_ms']} |")
    for name, row in lookup_results.items():
        print(f"| {name.replace('_', ' ')} | {row['n']} | {row['p50_ms']} | {row['p99_ms']} |")
    print(f"\nEncryption overhead on the sale workload: {results['encryption_overhead_p50']}x at p50, "
          f"{results['encryption_overhead_p99']}x at p99")
    return 0


if __name__ == "__main__":
    sys.exit(main())
