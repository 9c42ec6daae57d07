"""What the last-sale note (pharmadesk/core/sale_journal.py) adds to a sale at the till, and what an fsync
of it would add: sale commit latency without the note, with it (as shipped), and with an fsync after it.

    python benchmarks/bench_sale_note.py [--sales 300] [--rounds 3] [--dir FOLDER]

The three variants alternate in rounds on one small store (one OTC line, cash), so they see the same
disk and cache; ``--dir`` puts the store on the disk to measure (default: a temporary folder).
Prints medians and p99 in milliseconds as Markdown.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from pharmadesk.core import sale_journal
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.store import Store

PASSPHRASE = "benchmark passphrase"
SMALL_KDF = {"time_cost": 1, "memory_cost": 8 * 1024, "parallelism": 1}    # the key's cost is not measured here


def note_with_fsync(store_dir, store_id, receipt_no) -> None:
    shipped_note(store_dir, store_id, receipt_no)
    fd = os.open(Path(store_dir) / sale_journal.FILE_NAME, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


shipped_note = sale_journal.note
VARIANTS = {"no note": lambda *_args: None, "note (shipped)": shipped_note, "note + fsync": note_with_fsync}


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=300, help="sales per variant and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None, help="where to make the store (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        store = Store.create(Path(tmp) / "store", passphrase=PASSPHRASE, store_name="Bench", owner_username="owner",
                             owner_name="Owner", owner_password="owner-pass-1", use_keyring=False, kdf=SMALL_KDF)
        supplier = store.catalog.add_supplier("Supplier")
        product = store.catalog.add_product(barcode="4006381333931", name="Paracetamol", category="otc",
                                            legal_class="otc", price=100, supplier_id=supplier)
        needed = args.sales * args.rounds * len(VARIANTS) + 10
        store.stock.receive(supplier, [ReceiptLine(product, "B1", store.today() + timedelta(days=400), needed, 50)])
        samples: dict[str, list[float]] = {name: [] for name in VARIANTS}
        for _round in range(args.rounds):
            for name, note in VARIANTS.items():
                sale_journal.note = note
                for _ in range(args.sales):
                    started = time.perf_counter()
                    store.sales.sell([CartLine(product, 1)], [Payment("cash", 100, tendered=100)])
                    samples[name].append((time.perf_counter() - started) * 1000)
        sale_journal.note = shipped_note
        store.close()
    print(f"Python {sys.version.split()[0]}, {platform.platform()}, {os.cpu_count()} CPUs; "
          f"{args.sales} sales x {args.rounds} rounds per variant\n")
    print("| sale commit | n | p50 (ms) | p99 (ms) |\n|---|---|---|---|")
    for name, values in samples.items():
        print(f"| {name} | {len(values)} | {statistics.median(values):.3f} | {percentile(values, 99):.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
