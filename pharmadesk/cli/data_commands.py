"""Data commands: CSV import, and members' privacy requests (see their data, erase it, retention)."""

from __future__ import annotations

import sys
from pathlib import Path

from pharmadesk.cli.options import add_store, add_user, open_store
from pharmadesk.io.importer import DEFAULT_MAX_ERRORS

ERRORS_SHOWN = 20       # errors printed on the console; the errors file has them all


def add_commands(sub) -> None:
    """``import``, ``member export|erase``, ``retention apply``."""
    p = sub.add_parser("import", help="import products, members or sales history from CSV")
    add_store(p)
    p.add_argument("kind", choices=["products", "members", "sales"])
    p.add_argument("file", type=Path)
    add_user(p)
    p.add_argument("--skip-invalid", action="store_true", help="import the good rows and skip the bad ones")
    p.add_argument("--encoding", help="the file's encoding (e.g. cp1252, gb18030) when it cannot be detected")
    p.add_argument("--max-errors", type=int, default=DEFAULT_MAX_ERRORS, metavar="N",
                   help=f"stop, importing nothing, at N errors (default {DEFAULT_MAX_ERRORS})")
    p.add_argument("--errors-dir", type=Path, metavar="DIR",
                   help="write FILE.errors.csv (every error) in DIR instead of beside the file")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("member", help="a member's privacy requests: see their data, or erase it")
    member_sub = p.add_subparsers(dest="member_command", required=True)
    m = member_sub.add_parser("export", help="write everything held about a member to a .json or .pdf file")
    add_store(m)
    m.add_argument("member_id", type=int, help="the member's number")
    m.add_argument("--out", type=Path, required=True, help="the file to write: FILE.json or FILE.pdf")
    add_user(m)
    m.set_defaults(func=cmd_member_export)
    m = member_sub.add_parser("erase", help="erase a member's personal data; their sales stay, anonymised")
    add_store(m)
    m.add_argument("member_id", type=int, help="the member's number")
    m.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_user(m)
    m.set_defaults(func=cmd_member_erase)

    p = sub.add_parser("retention", help="the member data retention rule (setting retention_years)")
    retention_sub = p.add_subparsers(dest="retention_command", required=True)
    r = retention_sub.add_parser("apply", help="erase members with no purchase or registration for N years")
    add_store(r)
    add_user(r)
    r.set_defaults(func=cmd_retention_apply)


def cmd_import(args) -> int:
    """Import a CSV file; the console shows the first errors and a summary, the errors file holds them all."""
    with open_store(args, login=True) as store:
        report = store.imports.csv(args.kind, args.file, skip_invalid=args.skip_invalid, encoding=args.encoding,
                                   max_errors=args.max_errors, errors_dir=args.errors_dir)
    for error in report.errors[:ERRORS_SHOWN]:
        column = f" [{error.column}]" if error.column else ""
        print(f"line {error.line}{column}: {error.message}", file=sys.stderr)
    if report.error_count > ERRORS_SHOWN:
        print(f"... and {report.error_count - ERRORS_SHOWN:,} more error(s).", file=sys.stderr)
    if report.errors_file:
        print(f"All {report.error_count:,} error(s) are listed in {report.errors_file}.", file=sys.stderr)
    if report.stopped:
        print(f"Stopped after {report.error_count:,} errors (--max-errors) at row {report.total_rows:,}: "
              f"nothing was imported. Check the file (its columns, its encoding) before importing it again.",
              file=sys.stderr)
        return 1
    if report.applied:
        print(f"Imported {report.imported} of {report.total_rows} {args.kind} rows"
              f"{f'; skipped {report.skipped} with errors' if report.skipped else ''}.")
        return 0
    bad_rows = {error.line for error in report.errors if error.line > 1}
    if bad_rows and report.total_rows:
        print(f"Nothing was imported: {len(bad_rows)} row(s) have errors. Fix them, or run again with "
              f"--skip-invalid to import only the good rows.", file=sys.stderr)
    else:
        print("Nothing was imported: the file itself cannot be read as it is (see above).", file=sys.stderr)
    return 1


def cmd_member_export(args) -> int:
    """Write everything held about a member to a JSON or PDF file (a member's request to see their data)."""
    with open_store(args, login=True) as store:
        path = store.privacy.export_member(args.member_id, args.out)
    print(f"Wrote member {args.member_id}'s data to {path}.")
    return 0


def cmd_member_erase(args) -> int:
    """Erase a member's personal data (their sales stay for the accounts, under an anonymous id)."""
    if not args.yes:
        if not sys.stdin.isatty():
            raise SystemExit("pharmadesk: erasure cannot be undone; add --yes to erase without being asked.")
        if input(f"Erase member {args.member_id}'s personal data for good? Type ERASE to confirm: ") != "ERASE":
            print("Nothing was erased.")
            return 1
    with open_store(args, login=True) as store:
        result = store.privacy.erase_member(args.member_id)
    print(f"Member {args.member_id} erased; {result.sales} sale(s) kept under anonymous id {result.anon_id}.")
    if not result.wal_cleared:
        print("Another program is reading the store, so the erased data still lingers in its journal file: "
              "it is cleared when the store is next opened.", file=sys.stderr)
    return 0


def cmd_retention_apply(args) -> int:
    """Erase members with no purchase and no registration within the retention_years setting."""
    with open_store(args, login=True) as store:
        years = store.settings.retention_years
        erased = store.privacy.apply_retention()
    if not years:
        print("Retention is off (setting retention_years = 0); nothing was erased.")
    else:
        print(f"Erased {erased} member(s) inactive for more than {years} year(s).")
    return 0
