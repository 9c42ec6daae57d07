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

    store = _open(args, login=True)
    try:
        report = import_csv(store, args.kind, args.file, skip_invalid=args.skip_invalid)
    finally:
        store.close()
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
    store = _open(args)
    try:
        info = store.info()
    finally:
        store.close()
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        _print_info(info)
    return 0


def cmd_audit_verify(args) -> int:
    store = _open(args)
    try:
        problems = store.audit.verify()
        entries = store.db.scalar("SELECT count(*) FROM audit_log")
    finally:
        store.close()
    if problems:
        for problem in problems:
            print(f"entry {problem.entry_id}: {problem.reason}", file=sys.stderr)
        print(f"The audit log has been tampered with: {len(problems)} problem(s).", file=sys.stderr)
        return 1
    print(f"Audit log intact: {entries} entries, hash chain verified.")
    return 0


def cmd_gui(args) -> int:
    """Start the desktop program on the store (or, with --demo, on the demo store built on first use)."""
    from pharmadesk.ui.app import run

    if args.demo:
        return run(demo_store_dir(), demo=True)
    return run(Path(args.store))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pharmadesk", description="PharmaDesk pharmacy store program.")
    parser.add_argument("--version", action="version", version=f"PharmaDesk {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the demo store (built on first use)")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func = getattr(args, "func", cmd_gui)
    try:
        return func(args)
    except PharmaDeskError as exc:
        print(f"pharmadesk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\npharmadesk: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
