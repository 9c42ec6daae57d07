"""Store commands: create a store or the demo, look inside it, check its audit log, back up and restore."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from pharmadesk import env
from pharmadesk.cli.display import local_minute
from pharmadesk.paths import default_store_dir, demo_store_dir
from pharmadesk.cli.options import add_folder_run, add_store, open_store, progress_unless, run_into_folder, secret


def add_commands(sub) -> None:
    """``init``, ``demo``, ``info``, ``audit verify``, ``backup``, ``backups``, ``restore``."""
    p = sub.add_parser("init", help="create a new, empty encrypted store")
    add_store(p)
    p.add_argument("--name", required=True, help="the store's name")
    p.add_argument("--owner", required=True, help="the owner's user name")
    p.add_argument("--owner-name", help="the owner's full name")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="build a realistic demo store (in its own folder, never the real store)")
    p.add_argument("--store", default=str(demo_store_dir()),
                   help="folder for the demo store (default: %(default)s, apart from the real store)")
    p.add_argument("--members", type=int, default=3000, help="how many loyalty members (default %(default)s)")
    p.add_argument("--years", type=float, default=2, help="years of simulated sales history (default %(default)s)")
    p.add_argument("--seed", type=int, default=42,
                   help="random seed: the same seed builds the same store (default %(default)s)")
    p.add_argument("--locale", choices=["en", "zh_CN"], default="en",
                   help="en: the English store (no regulatory profile); zh_CN: a Chinese pharmacy under China GSP, "
                        "its catalogue with approval numbers, specifications, OTC classes and split packs")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("info", help="counts, schema version and size")
    add_store(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("audit", help="audit log tools")
    audit_sub = p.add_subparsers(dest="audit_command", required=True)
    v = audit_sub.add_parser("verify", help="check the audit log: its MAC chain, its triggers, its start, and its "
                                            "length against the anchors in the key file and the latest backup")
    add_store(v)
    v.add_argument("--against", type=Path, action="append", default=[], metavar="FOLDER",
                   help="also compare with the anchor in this backup or head-office bundle folder (repeatable)")
    v.set_defaults(func=cmd_audit_verify)

    p = sub.add_parser("backup", help="make a verified, encrypted backup now")
    add_store(p)
    add_folder_run(p, "--to", "backup folder (default: the folder set for day-close backups)",
                   "also back up to --to at every day close")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("backups", help="list this store's backups and check their checksums")
    add_store(p)
    p.add_argument("--to", help="backup folder (default: where the latest backup went)")
    p.add_argument("--all", action="store_true", help="list the backups of every store in the folder")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="restore a backup folder as the store (an existing store is moved aside)")
    add_store(p)
    p.add_argument("backup", type=Path, help="the backup folder, e.g. pharmadesk-1a2b3c4d-20250101T200000Z")
    p.add_argument("--no-keyring", action="store_true", help="do not remember the key in this PC's keyring")
    p.set_defaults(func=cmd_restore)


def cmd_init(args) -> int:
    from pharmadesk.core.store import Store

    passphrase = secret(env.PASSPHRASE, "New recovery passphrase (write it down): ", confirm=True)
    password = secret(env.PASSWORD, f"Password for the owner account '{args.owner}': ", confirm=True)
    store = Store.create(args.store, passphrase=passphrase, store_name=args.name, owner_username=args.owner,
                         owner_name=args.owner_name or args.owner, owner_password=password)
    print(f"Created store '{args.name}' in {store.directory} (owner: {args.owner}).")
    store.close()
    return 0


def is_real_store_folder(folder: Path) -> bool:
    """Whether ``folder`` is where the real store lives (the data folder's store or ``$PHARMADESK_STORE``)."""
    real = [default_store_dir()] + ([Path(os.environ[env.STORE])] if os.environ.get(env.STORE) else [])
    target = folder.expanduser().resolve()
    return any(target == path.expanduser().resolve() for path in real)


def cmd_demo(args) -> int:
    from pharmadesk.demo.build import DEMO_PASSPHRASE, DEMO_USERS, build_demo_store

    target = Path(args.store)
    if is_real_store_folder(target):
        raise SystemExit(f"pharmadesk: {target} is the real store's folder; the demo is built only in a folder of "
                         f"its own (default {demo_store_dir()}). Choose another with --store DIR.")
    store = build_demo_store(target, members=args.members, years=args.years, seed=args.seed,
                             progress=progress_unless(args.quiet), locale=args.locale)
    if not args.quiet:
        print(file=sys.stderr)
    _print_info(store.info())
    store.close()
    print(f"\nDemo recovery passphrase: {DEMO_PASSPHRASE}")
    for username, (_name, role, password, pin) in DEMO_USERS.items():
        print(f"  {role:<10} user {username:<10} password {password:<14} PIN {pin}")
    return 0


def _print_info(info: dict) -> None:
    print(f"Store:          {info['store_name']}")
    print(f"Store id:       {info['store_id']}")
    print(f"Schema version: {info['schema_version']}")
    print(f"Size:           {info['size_bytes'] / 1e6:.1f} MB")
    for table, count in info["counts"].items():
        print(f"  {table:<14}{count:>12,}")


def cmd_info(args) -> int:
    with open_store(args) as store:
        info = store.info()
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        _print_info(info)
    return 0


def _given_anchor(store, folder: Path):
    """The anchor in a backup folder or a head-office bundle folder (told apart by the bundle's signature)."""
    from pharmadesk.core.backup import backup_anchor
    from pharmadesk.headoffice import bundle

    if not folder.is_dir():
        raise SystemExit(f"pharmadesk: there is no folder {folder}.")
    if (folder / bundle.SIGNATURE_NAME).exists():
        anchor = store.headoffice.bundle_anchor(folder)
    else:
        anchor = backup_anchor(folder, store.store_id)
    if anchor is None:
        raise SystemExit(f"pharmadesk: {folder} holds no audit anchor of this store.")
    return anchor


def cmd_audit_verify(args) -> int:
    with open_store(args) as store:
        given = [_given_anchor(store, Path(folder).expanduser()) for folder in args.against]
        anchors = store.audit.anchors() + given
        problems = store.audit.verify(given)
        entries = store.db.scalar("SELECT count(*) FROM audit_log")
    if problems:
        for problem in problems:
            where = f"entry {problem.entry_id}: " if problem.entry_id else ""
            print(f"{where}{problem.reason}", file=sys.stderr)
        print(f"The audit log has been tampered with: {len(problems)} problem(s).", file=sys.stderr)
        return 1
    compared = ", ".join(f"{a.source} (#{a.anchor.sequence})" for a in anchors) or "no anchor found"
    print(f"Audit log intact: {entries} entries, MAC chain and triggers verified; compared with {compared}.")
    return 0


def cmd_backup(args) -> int:
    """Back up now (verified before it is kept); --remember makes the folder the day-close folder."""
    from pharmadesk.errors import ValidationError

    def work(store, progress):
        if not args.to and store.backups.folder() is None:
            raise SystemExit("pharmadesk: no backup folder is set for this store. Say where to write it: "
                             "pharmadesk backup --to DIR (add --remember to use DIR at every day close too).")
        return store.backups.run(args.to, progress=progress)

    try:
        result = run_into_folder(args, args.to, "--to", "backup_dir", work)
    except ValidationError as exc:
        raise SystemExit(f"pharmadesk: {exc}") from None
    print(f"Backup verified and kept: {result.path}")
    print(f"  {result.size_bytes / 1e6:.1f} MB, {result.counts.get('sales', 0):,} sales, {result.seconds:.1f} s"
          + (f"; {len(result.deleted)} old backup(s) rotated out" if result.deleted else ""))
    return 0


def _backup_folder(args) -> Path:
    from pharmadesk.core.backup import read_hint

    if args.to:
        return Path(args.to).expanduser()
    hint = read_hint(Path(args.store).expanduser())
    if hint and hint.get("folder"):
        return Path(hint["folder"])
    raise SystemExit("pharmadesk: say which backup folder to look in with --to DIR.")


def cmd_backups(args) -> int:
    """List this store's backups (newest first) with their checksum check; needs no passphrase."""
    from pharmadesk.core.backup import list_backups, verify_backup
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
    from pharmadesk.core.backup import restore

    passphrase = secret(env.PASSPHRASE, "Recovery passphrase of the backup: ")
    result = restore(args.backup, args.store, passphrase, use_keyring=not args.no_keyring)
    print(f"Restored {Path(args.backup).name} (made {local_minute(result.manifest['created_at'])}) into "
          f"{result.store_dir}.")
    if result.moved_aside:
        print(f"The store that was there is kept in {result.moved_aside}.")
    return 0
