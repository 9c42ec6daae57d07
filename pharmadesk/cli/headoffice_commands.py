"""Head-office commands: the store's side (keys, bundles) and head office's (trust, ingest, report)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pharmadesk import env
from pharmadesk.cli.options import add_folder_run, add_format, add_store, add_user, open_store, run_into_folder


def add_commands(sub) -> None:
    """``export keys|trust-hq|headoffice`` (at the store) and ``hq keys|trust-store|ingest|extract|report``."""
    p = sub.add_parser("export", help="head-office export: keys, head office's key, and the bundles")
    export_sub = p.add_subparsers(dest="export_command", required=True)
    e = export_sub.add_parser("keys", help="create the store's signing key; write <store_id>.store.pub")
    add_store(e)
    e.add_argument("--out", type=Path, default=Path("."), help="folder for <store_id>.store.pub (default: here)")
    e.add_argument("--replace", action="store_true", help="make a new key (head office must trust it again)")
    add_user(e)
    e.set_defaults(func=cmd_export_keys)
    e = export_sub.add_parser("trust-hq", help="save head office's public key (hq.pub) in the store")
    add_store(e)
    e.add_argument("--key", type=Path, required=True, help="head office's hq.pub")
    add_user(e)
    e.set_defaults(func=cmd_export_trust_hq)
    e = export_sub.add_parser("headoffice", help="write the next signed, encrypted bundle for head office")
    add_store(e)
    add_folder_run(e, "--out", "folder for the bundle (default: the setting headoffice_dir)",
                   "save --out as the folder for scheduled exports")
    e.set_defaults(func=cmd_export_headoffice)

    p = sub.add_parser("hq", help="head office: keys, trusted stores, ingest of store bundles, cross-store report")
    hq_sub = p.add_subparsers(dest="hq_command", required=True)
    hq_key_default = os.environ.get(env.HQ_KEY, "hq.key")
    h = hq_sub.add_parser("keys", help="create head office's key pair: hq.pub (for the stores) and hq.key")
    h.add_argument("--out", type=Path, required=True, help="folder for hq.pub and hq.key")
    h.set_defaults(func=cmd_hq_keys)
    h = hq_sub.add_parser("trust-store", help="register a store's signing key (<store_id>.store.pub)")
    h.add_argument("--db", type=Path, required=True, help="the head-office DuckDB file")
    h.add_argument("--key", type=Path, required=True, help="the store's <store_id>.store.pub file")
    h.add_argument("--replace", action="store_true", help="replace the key already registered for that store")
    h.set_defaults(func=cmd_hq_trust_store)
    h = hq_sub.add_parser("ingest", help="verify, decrypt and load store bundles into the DuckDB file")
    h.add_argument("--bundles", type=Path, required=True, help="folder holding <store>-<seq>.pdbundle folders")
    h.add_argument("--db", type=Path, required=True, help="the head-office DuckDB file (created if missing)")
    h.add_argument("--key", type=Path, default=Path(hq_key_default),
                   help=f"head office's private key file (default: ${env.HQ_KEY} or hq.key)")
    h.set_defaults(func=cmd_hq_ingest)
    h = hq_sub.add_parser("extract", help="verify and decrypt bundles to plain Parquet (Hive layout) for Spark/Trino")
    h.add_argument("--bundles", type=Path, required=True)
    h.add_argument("--out", type=Path, required=True, help="folder for table/store_id=…/sequence=…/part.parquet")
    h.add_argument("--db", type=Path, required=True, help="the head-office DuckDB file holding the trusted stores")
    h.add_argument("--key", type=Path, default=Path(hq_key_default))
    h.set_defaults(func=cmd_hq_extract)
    h = hq_sub.add_parser("report", help="cross-store report: sales, margin, members, stock health")
    h.add_argument("--db", type=Path, required=True)
    h.add_argument("--period", choices=["day", "month"], default="month")
    h.add_argument("--view", choices=["stores", "payments"], default="stores",
                   help="stores: sales, margin, members and stock per store (default); payments: taken, "
                        "refunded and net per store and payment method")
    add_format(h, ("table", "csv"))
    h.add_argument("--tz", help="time zone for days and months, e.g. Europe/Berlin (default: this computer's)")
    h.set_defaults(func=cmd_hq_report)


def cmd_export_keys(args) -> int:
    """Create the store's signing key (once) and write <store_id>.store.pub for head office."""
    with open_store(args, login=True) as store:
        info = store.headoffice.setup_keys(args.out, replace=args.replace)
    print(("Created" if info["created"] else "Kept") + f" this store's signing key {info['key_id']}.")
    print(f"Send {info['path']} to head office (pharmadesk hq trust-store --key ...).")
    return 0


def cmd_export_trust_hq(args) -> int:
    """Save head office's public key (hq.pub): bundles are encrypted to it."""
    with open_store(args, login=True) as store:
        key_id = store.headoffice.trust_hq(args.key)
    print(f"Head office's key {key_id} saved; bundles from this store are encrypted to it.")
    return 0


def cmd_export_headoffice(args) -> int:
    """Write the next head-office bundle ([last export, now)) to --out (default: the setting headoffice_dir)."""
    from pharmadesk.cli.display import readable_value

    result = run_into_folder(args, args.out, "--out", "headoffice_dir",
                             lambda store, progress: store.headoffice.export(args.out, progress=progress))
    for sequence in result.adopted:
        print(f"Recorded bundle {sequence}, left complete by an interrupted export.")
    print(f"Bundle {result.sequence} written: {result.path}")
    print(f"  window {readable_value(result.window_start)} .. {readable_value(result.window_end)}; {result.rows.get('sales', 0):,} sales, "
          f"{result.rows.get('member_facts', 0):,} members; {result.size_bytes / 1e6:.2f} MB in {result.seconds:.1f} s")
    return 0


def cmd_hq_keys(args) -> int:
    from pharmadesk.headoffice.hq_keys import create_hq_keys

    pub, key = create_hq_keys(args.out)
    wrapped = f" (wrapped by ${env.HQ_PASSPHRASE})" if os.environ.get(env.HQ_PASSPHRASE) else ""
    print(f"Created {pub} (send it to every store: pharmadesk export trust-hq --key hq.pub)")
    print(f"Created {key}{wrapped}: head office's private key. Keep it safe; lost, no bundle can be read.")
    return 0


def cmd_hq_trust_store(args) -> int:
    from pharmadesk.headoffice.hq_keys import trust_store
    from pharmadesk.headoffice.ingest import connect

    con = connect(args.db)
    try:
        info = trust_store(con, args.key, replace=args.replace)
    finally:
        con.close()
    print(f"Trusted store {info['store_id']} ({info['store_name'] or 'no name'}), signing key {info['key_id']}.")
    return 0


def cmd_hq_ingest(args) -> int:
    from pharmadesk.headoffice.hq_keys import load_hq_private
    from pharmadesk.headoffice.ingest import ingest_bundles

    result = ingest_bundles(args.bundles, args.db, load_hq_private(args.key))
    for line in result.messages:
        print(line)
    for line in result.warnings:
        print(f"warning: {line}", file=sys.stderr)
    print(f"{len(result.loaded)} loaded, {len(result.skipped)} already loaded, {len(result.refused)} refused.")
    return 1 if result.refused else 0


def cmd_hq_extract(args) -> int:
    from pharmadesk.headoffice.hq_keys import load_hq_private
    from pharmadesk.headoffice.ingest import BundleRefused, extract_bundles

    try:
        files = extract_bundles(args.bundles, args.out, load_hq_private(args.key), args.db)
    except BundleRefused as exc:
        print(f"pharmadesk: a bundle was refused: {exc.reason}", file=sys.stderr)
        return 1
    print(f"Wrote {len(files)} verified Parquet files under {args.out} (table/store_id=…/sequence=…/part.parquet).")
    return 0


def cmd_hq_report(args) -> int:
    import duckdb

    from pharmadesk.cli.display import rows_for_people
    from pharmadesk.headoffice.report import cross_store_report, format_csv, format_table, payments_report

    build = payments_report if args.view == "payments" else cross_store_report
    con = duckdb.connect(str(args.db), read_only=True)
    try:
        rows = build(con, args.period, args.tz)
    finally:
        con.close()
    if args.format == "csv":
        print(format_csv(rows_for_people(rows, HQ_MINOR)), end="")
    else:
        print(format_table(rows_for_people(rows, HQ_MINOR, as_text=True)), end="")
    return 0


#: The head-office report's money columns: minor units in the database, currency units on screen and in CSV.
HQ_MINOR = ("gross_sales", "refunds", "net_sales", "avg_ticket", "gross_margin", "stock_value", "near_expiry_value",
            "expired_value", "taken", "refunded", "net")
