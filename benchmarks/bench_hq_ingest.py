"""Head-office ingest benchmark: 100 store-days of bundles (3 demo stores, one bundle per local day,
34 + 33 + 33 days) verified, decrypted and loaded into one DuckDB file.

    python benchmarks/bench_hq_ingest.py --members 3000 --days 100 --out docs/benchmarks-hq-ingest.json

Prints Markdown (paste into docs/benchmarks.md) and saves JSON: export time for the bundles (not the
subject here), ingest wall time, per-bundle time, re-ingest time (all skipped), report time, bundle and
DuckDB sizes.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from datetime import date, datetime, time as dtime, timedelta, timezone
from pathlib import Path

from pharmadesk.demo.build import build_demo_store
from pharmadesk.headoffice.hq_keys import create_hq_keys, load_hq_private, trust_store
from pharmadesk.headoffice.ingest import connect, ingest_bundles
from pharmadesk.headoffice.report import cross_store_report

KDF = {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=3000, help="members per demo store")
    parser.add_argument("--days", type=int, default=100, help="store-days in total (split over 3 stores)")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    parser.add_argument("--out", type=Path, help="JSON results file")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-hq-"))
    end = date(2025, 6, 1)
    create_hq_keys(work / "hq")
    hq_priv = load_hq_private(work / "hq")
    bundles, db = work / "bundles", work / "hq.duckdb"
    con = connect(db)
    per_store = [args.days // 3 + (1 if i < args.days % 3 else 0) for i in range(3)]
    export_seconds, n_bundles = 0.0, 0
    for i, days in enumerate(per_store):
        store = build_demo_store(work / f"store{i}", members=args.members, years=(days + 30) / 365.25, seed=i,
                                 end_date=end, kdf=KDF)
        try:
            trust_store(con, store.headoffice.setup_keys(work / "pub")["path"])
            store.headoffice.trust_hq(work / "hq" / "hq.pub")
            # the first bundle carries everything before the measured days; then one bundle per local day
            first_day = end - timedelta(days=days)
            for k in range(days + 1):
                cut = datetime.combine(first_day + timedelta(days=k), dtime()).astimezone().astimezone(timezone.utc)
                store.clock = lambda cut=cut: cut
                t = time.perf_counter()
                store.headoffice.export(bundles)
                export_seconds += time.perf_counter() - t
                n_bundles += 1
        finally:
            store.close()
    con.close()
    t = time.perf_counter()
    result = ingest_bundles(bundles, db, hq_priv)
    ingest = time.perf_counter() - t
    assert result.ok and len(result.loaded) == n_bundles, result.messages
    t = time.perf_counter()
    again = ingest_bundles(bundles, db, hq_priv)
    reingest = time.perf_counter() - t
    assert not again.loaded
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    sales = con.execute("SELECT count(*) FROM sales").fetchall()[0][0]
    lines = con.execute("SELECT count(*) FROM sale_lines").fetchall()[0][0]
    t = time.perf_counter()
    rows = cross_store_report(con, "day")
    report = time.perf_counter() - t
    con.close()
    figures = {
        "stores": 3, "store_days": sum(per_store), "bundles": n_bundles, "members_per_store": args.members,
        "sales": sales, "sale_lines": lines, "bundles_mb": round(folder_size(bundles) / 1e6, 2),
        "export_s_total": round(export_seconds, 2),
        "ingest_s": round(ingest, 2), "ingest_ms_per_bundle": round(1000 * ingest / n_bundles, 1),
        "reingest_s": round(reingest, 2), "report_day_s": round(report, 3), "report_rows": len(rows),
        "duckdb_mb": round(db.stat().st_size / 1e6, 2),
        "python": sys.version.split()[0], "machine": platform.machine(), "system": platform.system(),
    }
    print("| measure | value |\n|---|---|")
    for k, v in figures.items():
        print(f"| {k} | {v} |")
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
