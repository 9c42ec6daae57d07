"""Peak memory and console output of importing a file of junk product rows with --skip-invalid (issue 17 item 14).

    python benchmarks/bench_import_junk.py --rows 1000000
    PYTHONPATH=/path/to/older/checkout python benchmarks/bench_import_junk.py --rows 1000000   # "before"

Writes the junk file once (every row: a made-up code, a formula-like name, a wrong category and a price that
is not an amount: two errors a row), creates an empty store, and runs each import in a fresh child process,
so each peak RSS (ru_maxrss) is that import's own. Prints Markdown rows: peak RSS, wall time, errors held in
the report and in the errors file, the stderr lines the command would print.
"""

from __future__ import annotations

import argparse
import inspect
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "benchmark passphrase"
OWNER_PASSWORD = "bench-owner-1"


def write_junk(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("barcode,name,category,legal_class,price\n")
        for i in range(rows):
            handle.write(f"junk{i},=cmd|{i},nonsense,otc,free\n")


def make_store(directory: Path) -> None:
    from pharmadesk.core.store import Store

    store = Store.create(directory, passphrase=PASSPHRASE, store_name="Bench", owner_username="owner",
                         owner_name="Bench Owner", owner_password=OWNER_PASSWORD, owner_pin="1111",
                         use_keyring=False, kdf={"time_cost": 1, "memory_cost": 8 * 1024, "parallelism": 1})
    store.close()


def child(store_dir: str, path: str, max_errors: str) -> None:
    """One import, in this process; prints one JSON line."""
    from demo_store import rss_mb
    from pharmadesk.core.store import Store

    store = Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False)
    store.login("owner", OWNER_PASSWORD)
    before = rss_mb()
    kwargs = {}
    if "max_errors" in inspect.signature(store.imports.csv).parameters:
        kwargs["max_errors"] = None if max_errors == "none" else int(max_errors)
    start = time.perf_counter()
    report = store.imports.csv("products", path, skip_invalid=True, **kwargs)
    seconds = time.perf_counter() - start
    count = getattr(report, "error_count", len(report.errors))
    # What `pharmadesk import` prints to stderr: one line per error before, at most 20 + a summary after.
    console = len(report.errors) + 1 if not kwargs else min(len(report.errors), 20) + 3
    print(json.dumps({"rss_open_mb": round(before), "rss_peak_mb": round(rss_mb()), "seconds": round(seconds, 1),
                      "errors_in_report": len(report.errors), "errors_total": count, "rows_read": report.total_rows,
                      "console_lines": console, "limit": kwargs.get("max_errors", "n/a")}))
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--limits", default="1000,none", help="max_errors values to run, comma-separated")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="pharmadesk-junk-") as tmp:
        tmp = Path(tmp)
        junk = tmp / "junk.csv"
        write_junk(junk, args.rows)
        make_store(tmp / "store")
        print(f"{args.rows:,} junk rows, {junk.stat().st_size / 1e6:.0f} MB")
        print("| max_errors | rows read | errors (report / total) | console lines | peak RSS | time |")
        print("|---|---:|---:|---:|---:|---:|")
        for limit in args.limits.split(","):
            out = subprocess.run([sys.executable, __file__, "--child", str(tmp / "store"), str(junk), limit],
                                 check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
            r = json.loads(out)
            print(f"| {r['limit']} | {r['rows_read']:,} | {r['errors_in_report']:,} / {r['errors_total']:,} | "
                  f"{r['console_lines']:,} | {r['rss_peak_mb']} MB (open: {r['rss_open_mb']} MB) | {r['seconds']} s |")
            if r["limit"] == "n/a":
                break               # the old importer has no limit to vary


if __name__ == "__main__":
    main()
