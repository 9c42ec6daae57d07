"""The ``pharmadesk`` command: the same use cases as the program, for scripts and schedulers.

Every command takes ``--store DIR`` (default: the store in the user's data folder,
or ``$PHARMADESK_STORE``). Secrets never go on the command line: the recovery
passphrase comes from ``$PHARMADESK_PASSPHRASE`` or a prompt, a user's password
from ``$PHARMADESK_PASSWORD`` or a prompt. Errors print a plain message, no traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from pathlib import Path

from pharmadesk import __version__
from pharmadesk.errors import PharmaDeskError, StoreLockedError
from pharmadesk.paths import default_store_dir, demo_store_dir

PASSWORD_ENV = "PHARMADESK_PASSWORD"


def _secret(env: str, prompt: str, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise SystemExit(f"pharmadesk: set {env} or run this command in a terminal to be asked.")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != value:
        raise SystemExit("pharmadesk: the two entries differ; nothing was changed.")
    return value


def _open(args, login: bool = False):
    from pharmadesk.db.keys import PASSPHRASE_ENV
    from pharmadesk.store import Store

    try:
        store = Store.open(args.store)
    except StoreLockedError as exc:
        if os.environ.get(PASSPHRASE_ENV) or not sys.stdin.isatty():
            raise
        print(exc, file=sys.stderr)
        store = Store.open(args.store, passphrase=getpass.getpass("Recovery passphrase: "))
    if login:
        try:
            store.login(args.user, _secret(PASSWORD_ENV, f"Password for {args.user}: "))
        except BaseException:
            store.close()
            raise
    return store


def _progress(fraction: float, stage: str) -> None:
    print(f"\r{fraction:6.1%}  {stage:<40}", end="", file=sys.stderr, flush=True)


# -- commands ---------------------------------------------------------------------------------------


def cmd_init(args) -> int:
    from pharmadesk.db.keys import PASSPHRASE_ENV
    from pharmadesk.store import Store

    passphrase = _secret(PASSPHRASE_ENV, "New recovery passphrase (write it down): ", confirm=True)
    password = _secret(PASSWORD_ENV, f"Password for the owner account '{args.owner}': ", confirm=True)
    store = Store.create(args.store, passphrase=passphrase, store_name=args.name, owner_username=args.owner,
                         owner_name=args.owner_name or args.owner, owner_password=password)
    print(f"Created store '{args.name}' in {store.directory} (owner: {args.owner}).")
    store.close()
    return 0


def cmd_demo(args) -> int:
    from pharmadesk.demo import DEMO_PASSPHRASE, DEMO_USERS, build_demo_store

    target = Path(args.store)
    store = build_demo_store(target, members=args.members, years=args.years, seed=args.seed,
                             progress=None if args.quiet else _progress)
    if not args.quiet:
        print(file=sys.stderr)
    _print_info(store.info())
    store.close()
    print(f"\nDemo recovery passphrase: {DEMO_PASSPHRASE}")
    for username, (_name, role, password, pin) in DEMO_USERS.items():
        print(f"  {role:<10} user {username:<10} password {password:<14} PIN {pin}")
    return 0


def cmd_import(args) -> int:
    from pharmadesk.importer import import_csv

    with _open(args, login=True) as store:
        report = import_csv(store, args.kind, args.file, skip_invalid=args.skip_invalid)
    for error in report.errors:
        column = f" [{error.column}]" if error.column else ""
        print(f"line {error.line}{column}: {error.message}", file=sys.stderr)
    if report.applied:
        print(f"Imported {report.imported} of {report.total_rows} {args.kind} rows"
              f"{f'; skipped {report.skipped} with errors' if report.skipped else ''}.")
        return 0
    bad_rows = {error.line for error in report.errors if error.line > 1}
    if bad_rows:
        print(f"Nothing was imported: {len(bad_rows)} row(s) have errors. Fix them, or run again with "
              f"--skip-invalid to import only the good rows.", file=sys.stderr)
    else:
        print("Nothing was imported: the file itself cannot be read as it is (see above).", file=sys.stderr)
    return 1


def _print_info(info: dict) -> None:
    print(f"Store:          {info['store_name']}")
    print(f"Store id:       {info['store_id']}")
    print(f"Schema version: {info['schema_version']}")
    print(f"Size:           {info['size_bytes'] / 1e6:.1f} MB")
    for table, count in info["counts"].items():
        print(f"  {table:<14}{count:>12,}")


def cmd_info(args) -> int:
    with _open(args) as store:
        info = store.info()
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        _print_info(info)
    return 0


def cmd_audit_verify(args) -> int:
    with _open(args) as store:
        problems = store.audit.verify()
        entries = store.db.scalar("SELECT count(*) FROM audit_log")
    if problems:
        for problem in problems:
            print(f"entry {problem.entry_id}: {problem.reason}", file=sys.stderr)
        print(f"The audit log has been tampered with: {len(problems)} problem(s).", file=sys.stderr)
        return 1
    print(f"Audit log intact: {entries} entries, hash chain verified.")
    return 0


def cmd_backup(args) -> int:
    """Back up now (verified before it is kept); --remember makes the folder the day-close folder."""
    store = _open(args, login=True)
    try:
        if args.remember:
            if not args.to:
                raise SystemExit("pharmadesk: --remember needs --to DIR.")
            store.set_setting("backup_dir", str(Path(args.to).expanduser().resolve()))
        result = store.backups.run(args.to, progress=None if args.quiet else _progress)
    finally:
        if not args.quiet:
            print(file=sys.stderr)
        store.close()
    print(f"Backup verified and kept: {result.path}")
    print(f"  {result.size_bytes / 1e6:.1f} MB, {result.counts.get('sales', 0):,} sales, {result.seconds:.1f} s"
          + (f"; {len(result.deleted)} old backup(s) rotated out" if result.deleted else ""))
    return 0


def _backup_folder(args) -> Path:
    from pharmadesk.backup import read_hint

    if args.to:
        return Path(args.to).expanduser()
    hint = read_hint(Path(args.store).expanduser())
    if hint and hint.get("folder"):
        return Path(hint["folder"])
    raise SystemExit("pharmadesk: say which backup folder to look in with --to DIR.")


def cmd_backups(args) -> int:
    """List this store's backups (newest first) with their checksum check; needs no passphrase."""
    from pharmadesk.backup import list_backups, verify_backup
    from pharmadesk.db.keys import read_key_file
    from pharmadesk.errors import IntegrityFailure

    folder = _backup_folder(args)
    store_id = None if args.all else read_key_file(Path(args.store).expanduser()).store_id
    found = list_backups(folder, store_id)
    if not found:
        print(f"No backups in {folder}.")
        return 1
    print(f"Backups in {folder} (newest first):")
    for info in found:
        try:
            manifest = verify_backup(info.path)
            status = f"{manifest['db_size'] / 1e6:8.1f} MB  {manifest['counts'].get('sales', 0):>9,} sales  ok"
        except IntegrityFailure as exc:
            status = f"DAMAGED: {exc}"
        print(f"  {info.name}  {info.created_at.astimezone():%Y-%m-%d %H:%M}  {status}")
    return 0


def cmd_restore(args) -> int:
    """Restore a backup as the store in --store, with the recovery passphrase valid when it was made."""
    from pharmadesk.backup import restore
    from pharmadesk.db.keys import PASSPHRASE_ENV

    passphrase = _secret(PASSPHRASE_ENV, "Recovery passphrase of the backup: ")
    result = restore(args.backup, args.store, passphrase, use_keyring=not args.no_keyring)
    print(f"Restored {Path(args.backup).name} (made {result.manifest['created_at']}) into {result.store_dir}.")
    if result.moved_aside:
        print(f"The store that was there is kept in {result.moved_aside}.")
    return 0


def cmd_member_export(args) -> int:
    """Write everything held about a member to a JSON or PDF file (a member's request to see their data)."""
    from pharmadesk.privacy import export_member

    with _open(args, login=True) as store:
        path = export_member(store, args.member_id, args.out)
    print(f"Wrote member {args.member_id}'s data to {path}.")
    return 0


def cmd_member_erase(args) -> int:
    """Erase a member's personal data (their sales stay for the accounts, under an anonymous id)."""
    from pharmadesk.privacy import erase_member

    if not args.yes:
        if not sys.stdin.isatty():
            raise SystemExit("pharmadesk: erasure cannot be undone; add --yes to erase without being asked.")
        if input(f"Erase member {args.member_id}'s personal data for good? Type ERASE to confirm: ") != "ERASE":
            print("Nothing was erased.")
            return 1
    with _open(args, login=True) as store:
        result = erase_member(store, args.member_id)
    print(f"Member {args.member_id} erased; {result['sales']} sale(s) kept under anonymous id {result['anon_id']}.")
    return 0


def cmd_retention_apply(args) -> int:
    """Erase members with no purchase and no registration within the retention_years setting."""
    from pharmadesk.privacy import apply_retention

    with _open(args, login=True) as store:
        years = store.int_setting("retention_years")
        erased = apply_retention(store)
    if not years:
        print("Retention is off (setting retention_years = 0); nothing was erased.")
    else:
        print(f"Erased {erased} member(s) inactive for more than {years} year(s).")
    return 0


def cmd_gui(args) -> int:
    """Start the desktop program on the store (or, with --demo, on the demo store built on first use)."""
    from pharmadesk.ui.app import run

    if args.demo:
        return run(demo_store_dir(), demo=True)
    return run(Path(args.store))


# -- head-office export (store side) ----------------------------------------------------------------------


def cmd_export_keys(args) -> int:
    """Create the store's signing key (once) and write <store_id>.store.pub for head office."""
    from pharmadesk.headoffice.export import setup_keys

    with _open(args, login=True) as store:
        info = setup_keys(store, args.out, replace=args.replace)
    print(("Created" if info["created"] else "Kept") + f" this store's signing key {info['key_id']}.")
    print(f"Send {info['path']} to head office (pharmadesk hq trust-store --key ...).")
    return 0


def cmd_export_trust_hq(args) -> int:
    """Save head office's public key (hq.pub): bundles are encrypted to it."""
    from pharmadesk.headoffice.export import trust_hq

    with _open(args, login=True) as store:
        key_id = trust_hq(store, args.key)
    print(f"Head office's key {key_id} saved; bundles from this store are encrypted to it.")
    return 0


def cmd_export_headoffice(args) -> int:
    """Write the next head-office bundle ([last export, now)) to --out (default: the setting headoffice_dir)."""
    from pharmadesk.headoffice.export import export_bundle

    store = _open(args, login=True)
    try:
        if args.remember:
            if not args.out:
                raise SystemExit("pharmadesk: --remember needs --out DIR.")
            store.set_setting("headoffice_dir", str(Path(args.out).expanduser().resolve()))
        result = export_bundle(store, args.out, progress=None if args.quiet else _progress)
    finally:
        if not args.quiet:
            print(file=sys.stderr)
        store.close()
    for sequence in result.adopted:
        print(f"Recorded bundle {sequence}, left complete by an interrupted export.")
    print(f"Bundle {result.sequence} written: {result.path}")
    print(f"  window {result.window_start} .. {result.window_end}; {result.rows.get('sales', 0):,} sales, "
          f"{result.rows.get('member_facts', 0):,} members; {result.size_bytes / 1e6:.2f} MB in {result.seconds:.1f} s")
    return 0


# -- head office (no store: these run at head office, on its DuckDB file) -----------------------------


def cmd_hq_keys(args) -> int:
    from pharmadesk.headoffice.hq_keys import HQ_PASSPHRASE_ENV, create_hq_keys

    pub, key = create_hq_keys(args.out)
    wrapped = " (wrapped by $" + HQ_PASSPHRASE_ENV + ")" if os.environ.get(HQ_PASSPHRASE_ENV) else ""
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

    from pharmadesk.headoffice.report import cross_store_report, format_csv, format_table

    con = duckdb.connect(str(args.db), read_only=True)
    try:
        rows = cross_store_report(con, args.period, args.tz)
    finally:
        con.close()
    print((format_csv if args.format == "csv" else format_table)(rows), end="")
    return 0


def cmd_report(args) -> int:
    """The owner's daily or monthly report as the program prints it (.pdf) or as a workbook (.xlsx)."""
    from datetime import date, timedelta

    from pharmadesk.analytics import owner_reports

    if args.out.suffix.lower() not in (".pdf", ".xlsx"):
        raise SystemExit("pharmadesk: --out must end in .pdf or .xlsx.")
    with _open(args, login=True) as store:
        if args.date:
            day = date.fromisoformat(args.date + ("-01" if len(args.date) == 7 else ""))
        else:   # by default the last complete day / month
            day = store.today() - timedelta(days=1) if args.kind == "daily" else \
                (store.today().replace(day=1) - timedelta(days=1))
        build = owner_reports.daily_report if args.kind == "daily" else owner_reports.monthly_report
        report = build(store, day)
        _write_report(report, store, args.out)
    print(f"Report written: {args.out}")
    return 0


def _write_report(report, store, out: Path) -> None:
    """Render with Qt's document and printer (no window: the offscreen platform when there is no display)."""
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from pharmadesk.ui.app import apply_fonts, install_translators
    from pharmadesk.ui.panes import report_document as rd
    from pharmadesk.ui.panes.report_export import export_excel

    app = QApplication.instance() or QApplication([])
    apply_fonts(app)
    install_translators(app, store.setting("language"))
    if out.suffix.lower() == ".xlsx":
        export_excel(out, rd.report_tables(report))
        return
    rd.save_pdf(rd.report_document(report, store), out, rd.title_of(report))


def cmd_self_test(args) -> int:
    """Check this installation (Qt, SQLCipher, translations, style, a sale, the audit) on a throwaway store."""
    from pharmadesk.selftest import run_self_test

    return run_self_test()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pharmadesk", description="PharmaDesk pharmacy store program.")
    parser.add_argument("--version", action="version", version=f"PharmaDesk {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the demo store (built on first use)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation on a throwaway demo store and exit (0: all good)")
    store_default = os.environ.get("PHARMADESK_STORE") or str(default_store_dir())

    def store_arg(p):
        p.add_argument("--store", default=store_default, help="store folder (default: %(default)s)")

    store_arg(parser)
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("init", help="create a new, empty encrypted store")
    store_arg(p)
    p.add_argument("--name", required=True, help="the store's name")
    p.add_argument("--owner", required=True, help="the owner's user name")
    p.add_argument("--owner-name", help="the owner's full name")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="build a realistic demo store")
    store_arg(p)
    p.add_argument("--members", type=int, default=3000)
    p.add_argument("--years", type=float, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("import", help="import products, members or sales history from CSV")
    store_arg(p)
    p.add_argument("kind", choices=["products", "members", "sales"])
    p.add_argument("file", type=Path)
    p.add_argument("--user", default="owner", help="who imports (needs the owner role)")
    p.add_argument("--skip-invalid", action="store_true", help="import the good rows and skip the bad ones")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("info", help="counts, schema version and size")
    store_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("audit", help="audit log tools")
    audit_sub = p.add_subparsers(dest="audit_command", required=True)
    v = audit_sub.add_parser("verify", help="check the audit log's hash chain")
    store_arg(v)
    v.set_defaults(func=cmd_audit_verify)

    p = sub.add_parser("backup", help="make a verified, encrypted backup now")
    store_arg(p)
    p.add_argument("--to", help="backup folder (default: the folder set for day-close backups)")
    p.add_argument("--remember", action="store_true", help="also back up to --to at every day close")
    p.add_argument("--user", default="owner", help="who backs up (needs the owner role)")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="list this store's backups and check their checksums")
    store_arg(p)
    p.add_argument("--to", help="backup folder (default: where the latest backup went)")
    p.add_argument("--all", action="store_true", help="list the backups of every store in the folder")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="restore a backup folder as the store (an existing store is moved aside)")
    store_arg(p)
    p.add_argument("backup", type=Path, help="the backup folder, e.g. pharmadesk-1a2b3c4d-20250101T200000Z")
    p.add_argument("--no-keyring", action="store_true", help="do not remember the key in this PC's keyring")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("member", help="a member's privacy requests: see their data, or erase it")
    member_sub = p.add_subparsers(dest="member_command", required=True)
    m = member_sub.add_parser("export", help="write everything held about a member to a .json or .pdf file")
    store_arg(m)
    m.add_argument("member_id", type=int, help="the member's number")
    m.add_argument("--out", type=Path, required=True, help="the file to write: FILE.json or FILE.pdf")
    m.add_argument("--user", default="owner", help="who exports (needs the owner role)")
    m.set_defaults(func=cmd_member_export)
    m = member_sub.add_parser("erase", help="erase a member's personal data; their sales stay, anonymised")
    store_arg(m)
    m.add_argument("member_id", type=int, help="the member's number")
    m.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    m.add_argument("--user", default="owner", help="who erases (needs the owner role)")
    m.set_defaults(func=cmd_member_erase)

    p = sub.add_parser("retention", help="the member data retention rule (setting retention_years)")
    retention_sub = p.add_subparsers(dest="retention_command", required=True)
    r = retention_sub.add_parser("apply", help="erase members with no purchase or registration for N years")
    store_arg(r)
    r.add_argument("--user", default="owner", help="who applies it (needs the owner role)")
    r.set_defaults(func=cmd_retention_apply)

    p = sub.add_parser("report", help="the owner's daily or monthly report, as printed (PDF) or as Excel")
    store_arg(p)
    p.add_argument("kind", choices=["daily", "monthly"])
    p.add_argument("--date", help="the day (YYYY-MM-DD) or month (YYYY-MM); default: the last complete one")
    p.add_argument("--out", type=Path, required=True, help="the .pdf or .xlsx file to write")
    p.add_argument("--user", default="owner", help="who asks (needs the owner role)")
    p.set_defaults(func=cmd_report)

    from pharmadesk.analytics.commands import add_parser as add_analytics_parser

    add_analytics_parser(sub, store_arg)

    p = sub.add_parser("export", help="head-office export: keys, head office's key, and the bundles")
    export_sub = p.add_subparsers(dest="export_command", required=True)
    e = export_sub.add_parser("keys", help="create the store's signing key; write <store_id>.store.pub")
    store_arg(e)
    e.add_argument("--out", type=Path, default=Path("."), help="folder for <store_id>.store.pub (default: here)")
    e.add_argument("--replace", action="store_true", help="make a new key (head office must trust it again)")
    e.add_argument("--user", default="owner", help="who does it (needs the owner role)")
    e.set_defaults(func=cmd_export_keys)
    e = export_sub.add_parser("trust-hq", help="save head office's public key (hq.pub) in the store")
    store_arg(e)
    e.add_argument("--key", type=Path, required=True, help="head office's hq.pub")
    e.add_argument("--user", default="owner", help="who does it (needs the owner role)")
    e.set_defaults(func=cmd_export_trust_hq)
    e = export_sub.add_parser("headoffice", help="write the next signed, encrypted bundle for head office")
    store_arg(e)
    e.add_argument("--out", help="folder for the bundle (default: the setting headoffice_dir)")
    e.add_argument("--remember", action="store_true", help="save --out as the folder for scheduled exports")
    e.add_argument("--user", default="owner", help="who exports (needs the owner role)")
    e.add_argument("--quiet", action="store_true")
    e.set_defaults(func=cmd_export_headoffice)

    p = sub.add_parser("hq", help="head office: keys, trusted stores, ingest of store bundles, cross-store report")
    hq_sub = p.add_subparsers(dest="hq_command", required=True)
    hq_key_default = os.environ.get("PHARMADESK_HQ_KEY", "hq.key")
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
                   help="head office's private key file (default: $PHARMADESK_HQ_KEY or hq.key)")
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
    h.add_argument("--format", choices=["table", "csv"], default="table")
    h.add_argument("--tz", help="time zone for days and months, e.g. Europe/Berlin (default: this computer's)")
    h.set_defaults(func=cmd_hq_report)
    return parser


def _start_logging() -> None:
    """The rotating log file in the platform's log folder (see pharmadesk.logs); a command still runs
    when that folder cannot be written."""
    from pharmadesk.logs import setup_logging

    try:
        setup_logging()
    except OSError:
        pass


def _stop_logging() -> None:
    from pharmadesk.logs import stop_logging

    stop_logging()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func = cmd_self_test if args.self_test else getattr(args, "func", cmd_gui)
    _start_logging()
    try:
        return func(args)
    except PharmaDeskError as exc:
        logging.getLogger(__name__).warning("command %s failed: %s", args.command, type(exc).__name__)
        print(f"pharmadesk: {exc}", file=sys.stderr)
        if getattr(exc, "latest_backup", None):
            print(f"pharmadesk: to restore it: pharmadesk restore {exc.latest_backup} --store {args.store}",
                  file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\npharmadesk: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    finally:
        _stop_logging()


if __name__ == "__main__":
    sys.exit(main())
