"""Till latency through the real widgets: scan-to-line, product name search, member search, on a large store.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_till_ui.py --store /tmp/pharmadesk-bench/demo-50000-5.0

Each sample is the wall time one key event takes to be handled by the till (the event loop
is blocked for exactly that long): the Enter that ends a barcode burst until the line is in
the cart, each keystroke of a product name typed into the till's scan field until its type-ahead list is
shown ("blfhs", the pinyin initials of 布洛芬缓释胶囊, and "thermometer", a word inside the name), and
each keystroke in the member search until the result list is filled.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench_store import machine, summary_ms  # noqa: E402
from pharmadesk.ui.main_window import MainWindow  # noqa: E402
from pharmadesk.ui.till.member_panel import MemberSearchDialog  # noqa: E402
from demo_store import open_demo_store  # noqa: E402


def timed_key(widget, key) -> float:
    start = time.perf_counter()
    QTest.keyClick(widget, key)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--scans", type=int, default=500)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--name-searches", type=int, default=100, help="times each product name is typed")
    parser.add_argument("--out", type=Path, default=Path("docs/benchmarks-till-ui.json"))
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv)
    store = open_demo_store(args.store, "cashier")
    window = MainWindow(store, idle_ms=3_600_000)
    window.show()
    till = window.pages["till"]
    rng = random.Random(7)
    today = store.today().isoformat()
    barcodes = [r["barcode"] for r in store.db.all(
        "SELECT p.barcode FROM products p JOIN batches b ON b.product_id = p.id "
        "WHERE p.legal_class = 'otc' AND b.on_hand > 0 AND b.expiry >= ? GROUP BY p.id", (today,))]

    scan_samples = []
    for _ in range(args.scans):
        if till.model.rowCount() >= 8:
            till.clear_sale()
        QTest.keyClicks(till.scan, rng.choice(barcodes))
        scan_samples.append(timed_key(till.scan, Qt.Key.Key_Return))
    till.clear_sale()

    # Product name search, one key at a time through the scan field; the list of the last key must be there.
    name_samples: dict[str, list[float]] = {"blfhs": [], "thermometer": []}
    for _ in range(args.name_searches):
        for text, samples in name_samples.items():
            till.scan.clear()
            for ch in text:
                samples.append(timed_key(till.scan, ch))
            if not till.scan.suggestions():
                raise SystemExit(f"{text!r} found nothing: is this a demo store with the search keys?")
    till.scan.clear()
    till.scan.completer_.popup().hide()

    # QTest types ASCII only; the demo's names are romanised, so nearly all qualify.
    members = [m for m in store.db.all("SELECT name, phone FROM members WHERE erased_at IS NULL")
               if m["name"][:4].isascii() and m["name"][:4].replace(" ", "").isalpha()]
    dialog = MemberSearchDialog(store)
    dialog.show()
    by_name, by_phone = [], []
    for _ in range(args.searches):
        member = rng.choice(members)
        dialog.query.clear()
        for ch in member["name"][:4]:
            start = time.perf_counter()
            QTest.keyClick(dialog.query, ch)
            by_name.append(time.perf_counter() - start)
        dialog.query.clear()
        for ch in member["phone"][-4:]:
            start = time.perf_counter()
            QTest.keyClick(dialog.query, ch)
            by_phone.append(time.perf_counter() - start)
    dialog.close()

    results = {
        "machine": machine(),
        "members": store.members.count(),
        "scan_to_line": summary_ms(scan_samples),
        "name_search_keystroke_pinyin_blfhs": summary_ms(name_samples["blfhs"]),
        "name_search_keystroke_word_thermometer": summary_ms(name_samples["thermometer"]),
        "member_search_keystroke_name": summary_ms(by_name),
        "member_search_keystroke_phone_last4": summary_ms(by_phone),
    }
    store.logout()
    store.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(f"Machine: {results['machine']}; {results['members']:,} members")
    print("| till operation (real widgets, offscreen) | n | p50 (ms) | p99 (ms) |\n|---|---|---|---|")
    for name in ("scan_to_line", "name_search_keystroke_pinyin_blfhs", "name_search_keystroke_word_thermometer",
                 "member_search_keystroke_name", "member_search_keystroke_phone_last4"):
        row = results[name]
        print(f"| {name.replace('_', ' ')} | {row['n']} | {row['p50_ms']} | {row['p99_ms']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
