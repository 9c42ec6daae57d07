"""Benchmark: head-office export of one day and of one full year on a large demo store.

    cp -r /tmp/pharmadesk-bench/demo-50000-5.0 /tmp/hq-big          # work on a COPY: this writes to the store
    PHARMADESK_PASSPHRASE="pharmadesk demo store" python benchmarks/bench_headoffice.py /tmp/hq-big

The store's clock is set to local midnight after its last sale; a fake previous export_log row puts the
watermark one day (then 365 days) back, so each run exports exactly that window. The rows are removed
again afterwards. Prints wall time, bundle size and row counts per table as JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pharmadesk import env
from pharmadesk.headoffice import bundle as fmt
from pharmadesk.headoffice import export
from pharmadesk.core.store import Store
from pharmadesk.core.timeutil import from_iso, to_iso


def main(argv: list[str]) -> int:
    store_dir = Path(argv[1] if len(argv) > 1 else "/tmp/hq-big")
    passphrase = os.environ.get(env.PASSPHRASE, "pharmadesk demo store")
    probe = Store.open(store_dir, passphrase=passphrase, use_keyring=False, health_check=False)
    last_sale = from_iso(probe.db.scalar("SELECT max(at) FROM sales"))
    probe.close()
    end = (last_sale + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    store = Store.open(store_dir, passphrase=passphrase, use_keyring=False, health_check=False,
                       clock=lambda: end)
    store.login("owner", os.environ.get(env.PASSWORD, "owner-demo-1"))
    work = Path(tempfile.mkdtemp(prefix="bench-hq-"))
    hq_private, hq_public = fmt.new_hq_key()
    (work / "hq.pub").write_text(hq_public.hex())
    store.headoffice.setup_keys(work)
    store.headoffice.trust_hq(work / "hq.pub")
    results = {"store": str(store_dir), "members": store.db.scalar("SELECT count(*) FROM members"),
               "sales_total": store.db.scalar("SELECT count(*) FROM sales"), "window_end": to_iso(end)}
    try:
        for label, days in (("one_day", 1), ("one_year", 365)):
            store.db.execute("DELETE FROM export_log")
            start = end - timedelta(days=days)
            store.db.execute("INSERT INTO export_log VALUES (1, ?, ?, ?, 'bench', 'bench')",
                             (to_iso(start - timedelta(days=1)), to_iso(start), to_iso(end)))
            out = work / label
            t0 = time.perf_counter()
            result = store.headoffice.export(out)
            seconds = time.perf_counter() - t0
            t1 = time.perf_counter()
            export.decrypt_bundle(result.path, hq_private, store.headoffice.store_public_key())
            verify = time.perf_counter() - t1
            results[label] = {"seconds": round(seconds, 2), "verify_decrypt_seconds": round(verify, 2),
                              "bundle_bytes": result.size_bytes, "rows": result.rows,
                              "window": [result.window_start, result.window_end]}
            print(f"{label}: {seconds:.2f} s, {result.size_bytes / 1e6:.2f} MB, {result.rows}", file=sys.stderr)
    finally:
        store.db.execute("DELETE FROM export_log")
        store.close()
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
