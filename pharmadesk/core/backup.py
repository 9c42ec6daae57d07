"""Encrypted backups that restore: online copy, verification, rotation, restore on a new PC.

A backup is one folder, named with its UTC time::

    pharmadesk-<store_id[:8]>-YYYYMMDDTHHMMSSZ/
        pharmadesk.db      the whole SQLCipher database, encrypted with the store's own key
        pharmadesk.key     the store's key file (the key wrapped by the recovery passphrase)
        manifest.json      created_at, schema version, row count of every table, sha256 of both files,
                           and the audit log's anchor (its newest entry's number and MAC in the copy)

so the folder alone, plus the recovery passphrase, brings the store back on a new PC.

**How the copy stays consistent while the till sells.** The copy is made on a connection
of its own (never the till's), with SQLite's online backup API. That connection first opens
a read transaction and counts every table in it; the backup API then copies the pages of
that *same* snapshot, because ``sqlite3_backup_step`` reuses a read transaction the source
connection already holds. In WAL mode the till keeps committing sales meanwhile (they go to
the WAL, beyond our snapshot), the copy never restarts, and the counts in the manifest are
exactly the counts of the copied snapshot — a sale committed during the backup is simply in
the next backup, never half in this one. The copy runs in steps so a progress bar can move.

**Verification, before the folder gets its final name.** The copy is opened read-only with
the key and must pass ``PRAGMA integrity_check`` (the B-trees: this also checks the live
store's structure every day, since the copy is page for page) and ``PRAGMA
cipher_integrity_check`` (every page's HMAC), have the snapshot's schema version and the
snapshot's row count in every table. Only then is the manifest written and the temporary
``.pharmadesk-….partial-…`` folder renamed to its final name. A crash mid-backup leaves a
partial folder that is never listed, restored or counted by rotation.

**Rotation** keeps 7 daily, 4 weekly and 12 monthly backups (grandfather-father-son, see
:func:`backups_to_keep`) and deletes the rest, only after the new backup verified.

**Restore** (:func:`restore`) needs only the backup folder and the recovery passphrase that
was valid when the backup was made. It refuses a backup that fails any check, and moves an
existing store aside (``<store>.before-restore-<time>``) instead of overwriting it.

The database key stays in memory only: it is handed from the open :class:`Store` to the
:class:`BackupJob` and never written, logged or put in an error message.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

import sqlcipher3

from pharmadesk import __version__
from pharmadesk.io.durable import Claim, abandoned, fsync_dir, fsync_file, write_file
from pharmadesk.db import keys
from pharmadesk.db.connection import DB_FILE_NAME, connect
from pharmadesk.errors import (
    QT_TRANSLATE_NOOP,
    IntegrityFailure,
    PharmaDeskError,
    StoreCorrupt,
    StoreLockedError,
    ValidationError,
)
from pharmadesk.core.audit import SourcedAnchor
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import to_iso, utc_now
from pharmadesk.paths import make_private

if TYPE_CHECKING:
    from pharmadesk.core.day_close import DayReport
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
HINT_FILE_NAME = "last-backup.json"      # in the store folder: where the latest backup went (no secrets)
NAME_PREFIX = "pharmadesk-"
_NAME = re.compile(r"^pharmadesk-(?P<store>[0-9a-f]{8})-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?$")
_STAMP = "%Y%m%dT%H%M%SZ"
PARTIAL_MARK = ".partial-"
RESTORING_MARK = ".restoring-"
BEFORE_RESTORE_MARK = ".before-restore-"
STEP_PAGES = 2048                        # 8 MiB per backup step at 4 KiB pages: a smooth progress bar

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12

Progress = Callable[[float, str], None]


# --- rotation: a pure function ----------------------------------------------------------------------


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def backups_to_keep(dates: Iterable[date | datetime], daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
                    monthly: int = KEEP_MONTHLY) -> set:
    """Grandfather-father-son: which of ``dates`` (backup times) to keep.

    Going from the newest backup back, keep the newest backup of each of the last ``daily``
    calendar days that have a backup, of each of the last ``weekly`` ISO weeks that have one,
    and of each of the last ``monthly`` calendar months that have one; the union is kept.
    Periods without any backup (the store closed for a holiday) do not use up a slot, so a
    long break never deletes every old backup. The newest backup is always kept when
    ``daily`` >= 1. Returns a subset of ``dates``.
    """
    newest_first = sorted(set(dates), reverse=True)
    periods = (
        (daily, lambda d: _day(d)),
        (weekly, lambda d: _day(d).isocalendar()[:2]),
        (monthly, lambda d: (_day(d).year, _day(d).month)),
    )
    keep = set()
    for count, period_of in periods:
        seen: set = set()
        for moment in newest_first:
            if len(seen) >= count:
                break
            period = period_of(moment)
            if period not in seen:
                seen.add(period)
                keep.add(moment)
    return keep


# --- listing ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    """A finished backup folder found on disk (its manifest is None when unreadable)."""

    path: Path
    store_prefix: str
    created_at: datetime          # UTC, from the folder name
    sequence: int                 # 0, or n for a second backup within the same second
    manifest: dict | None

    @property
    def name(self) -> str:
        return self.path.name


def backup_name(store_id: str, created_at: datetime, sequence: int = 0) -> str:
    stamp = created_at.astimezone(timezone.utc).strftime(_STAMP)
    return f"{NAME_PREFIX}{store_id[:8]}-{stamp}" + (f"-{sequence}" if sequence else "")


def _read_manifest(path: Path) -> dict | None:
    try:
        manifest = json.loads((path / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def list_backups(folder: Path | str, store_id: str | None = None) -> list[BackupInfo]:
    """Finished backups in ``folder`` (of ``store_id`` only, when given), newest first.

    Unfinished ``.partial`` folders and anything not named like a backup are ignored.
    """
    folder = Path(folder).expanduser()
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _NAME.match(entry.name)
        if not match or not entry.is_dir():
            continue
        if store_id is not None and match["store"] != store_id[:8]:
            continue
        manifest = _read_manifest(entry)
        if store_id is not None and manifest is not None and manifest.get("store_id") != store_id:
            continue
        created = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=timezone.utc)
        found.append(BackupInfo(entry, match["store"], created, int(match["n"] or 0), manifest))
    found.sort(key=lambda b: (b.created_at, b.sequence), reverse=True)
    return found


# --- checks ------------------------------------------------------------------------------------------------


@contextlib.contextmanager
def quiet_cipher_log():
    """Silence SQLCipher's own log (stderr) while we look for damage: we report it in plain words.

    The log level is process-wide in SQLCipher; the previous level is restored afterwards.
    """
    conn = sqlcipher3.connect(":memory:")
    try:
        previous = conn.execute("PRAGMA cipher_log_level").fetchone()[0]
        conn.execute("PRAGMA cipher_log_level = NONE")
        yield
    finally:
        with contextlib.suppress(Exception):
            conn.execute(f"PRAGMA cipher_log_level = {previous}")
        conn.close()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _table_counts(conn: sqlcipher3.Connection) -> dict[str, int]:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def _open_read_only(path: Path, key: bytes) -> sqlcipher3.Connection:
    """Open a backup copy without changing a byte of it (no WAL switch, no checkpoint)."""
    conn = sqlcipher3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _database_problems(path: Path, key: bytes, counts: dict[str, int] | None,
                       schema_version: int | None) -> list[str]:
    """Everything wrong with the database copy at ``path``; empty means it is a faithful, healthy copy."""
    try:
        conn = _open_read_only(path, key)
    except sqlcipher3.Error as exc:
        return [f"cannot be opened: {exc}"]
    with quiet_cipher_log():
        return _checked(conn, counts, schema_version)


def _checked(conn: sqlcipher3.Connection, counts: dict[str, int] | None, schema_version: int | None) -> list[str]:
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            return ["cannot be read with the store's key (page 1 is damaged)"]
        problems = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        problems += [f"integrity: {r[0]}" for r in conn.execute("PRAGMA integrity_check").fetchall()
                     if r[0] != "ok"]
        if problems:
            return problems
        if schema_version is not None:
            found = conn.execute("PRAGMA user_version").fetchone()[0]
            if found != schema_version:
                problems.append(f"schema version {found}, expected {schema_version}")
        if counts is not None:
            found_counts = _table_counts(conn)
            for table in sorted(set(counts) | set(found_counts)):
                if counts.get(table) != found_counts.get(table):
                    problems.append(f"table {table}: {found_counts.get(table)} rows, expected {counts.get(table)}")
        return problems
    except sqlcipher3.DatabaseError as exc:
        return [f"unreadable: {exc}"]
    finally:
        conn.close()


def _refuse(backup: Path, problems: list[str]) -> IntegrityFailure:
    error = IntegrityFailure(
        QT_TRANSLATE_NOOP("errors", "The backup {name} is damaged and cannot be used: {problem}. "
                                    "Use an older backup."),
        name=backup.name, problem=problems[0])
    error.problems = problems
    return error


def verify_backup(backup: Path | str, *, key: bytes | None = None, passphrase: str | None = None) -> dict:
    """Check a backup folder and return its manifest, or raise :class:`IntegrityFailure`.

    Always: the manifest is readable, both files are there and match their sha256, and the key
    file belongs to the manifest's store. With ``key`` or ``passphrase`` (which unwraps the
    backup's own key file, raising :class:`WrongPassphrase` when it does not fit), also opens
    the copy and runs the full database checks (integrity, page HMACs, schema version, the row
    count of every table against the manifest).
    """
    backup = Path(backup).expanduser()
    manifest = _read_manifest(backup)
    if manifest is None or manifest.get("format") != MANIFEST_FORMAT:
        raise _refuse(backup, ["its manifest.json is missing or unreadable"])
    db_file, key_file_path = backup / DB_FILE_NAME, backup / keys.KEY_FILE_NAME
    for path, digest_field in ((db_file, "db_sha256"), (key_file_path, "key_sha256")):
        if not path.is_file():
            raise _refuse(backup, [f"{path.name} is missing"])
        if _sha256(path) != manifest.get(digest_field):
            raise _refuse(backup, [f"{path.name} does not match its checksum"])
    try:
        key_file = keys.read_key_file(backup)
    except StoreLockedError:
        raise _refuse(backup, ["its key file is unreadable"]) from None
    if key_file.store_id != manifest.get("store_id"):
        raise _refuse(backup, ["its key file belongs to another store"])
    if key is None and passphrase is not None:
        key = keys.unwrap_key(key_file, passphrase)
    if key is not None:
        problems = _database_problems(db_file, key, manifest.get("counts"), manifest.get("schema_version"))
        if problems:
            raise _refuse(backup, problems)
    return manifest


def latest_good_backup(folder: Path | str | None, store_id: str, key: bytes | None = None) -> Path | None:
    """The newest backup of ``store_id`` in ``folder`` that passes :func:`verify_backup`, or None.

    Without ``key`` the check is manifest + checksums (no secret needed, e.g. when the store
    itself cannot be opened); with it, the full database check as well.
    """
    if not folder:
        return None
    for info in list_backups(folder, store_id):
        try:
            verify_backup(info.path, key=key)
        except (IntegrityFailure, OSError):
            continue
        return info.path
    return None


def backup_anchor(backup: Path | str, store_id: str) -> SourcedAnchor | None:
    """The audit anchor in a backup's manifest (None when it has none or is another store's backup)."""
    backup = Path(backup).expanduser()
    manifest = _read_manifest(backup)
    if manifest is None or manifest.get("store_id") != store_id:
        return None
    raw = manifest.get("audit_anchor")
    if not isinstance(raw, dict):
        return None
    sequence, head = raw.get("sequence"), raw.get("head")
    if not isinstance(sequence, int) or isinstance(sequence, bool) or not isinstance(head, str):
        return None
    return SourcedAnchor(keys.AuditAnchor(sequence, head), f"backup {backup.name}")


def latest_backup_anchor(store_dir: Path, store_id: str) -> SourcedAnchor | None:
    """The anchor of the newest backup (with one) in the folder the latest backup went to."""
    folder = (read_hint(store_dir) or {}).get("folder")
    if not folder:
        return None
    for info in list_backups(folder, store_id):
        anchor = backup_anchor(info.path, store_id)
        if anchor is not None:
            return anchor
    return None


# --- files -------------------------------------------------------------------------------------------------


def read_hint(store_dir: Path | str | None) -> dict | None:
    """The store folder's note of where its latest backup went: ``{"folder", "backup", "created_at"}``."""
    if store_dir is None:
        return None
    try:
        hint = json.loads((Path(store_dir) / HINT_FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return hint if isinstance(hint, dict) else None


def _write_hint(store_dir: Path, backup: Path, created_at: str) -> None:
    tmp = store_dir / f".{HINT_FILE_NAME}.{secrets.token_hex(4)}"
    try:
        write_file(tmp, json.dumps({"folder": str(backup.parent), "backup": backup.name,
                                     "created_at": created_at}, indent=2).encode("utf-8"))
        os.replace(tmp, store_dir / HINT_FILE_NAME)
    finally:
        tmp.unlink(missing_ok=True)


def damaged_store_error(store_dir: Path | str, store_id: str | None, problems: list[str]) -> StoreCorrupt:
    """The error Store.open raises for a damaged file: a plain message and the latest good backup.

    The backup folder is found through the store folder's ``last-backup.json`` note (the
    database itself cannot be trusted here); ``error.latest_backup`` is that backup's path or None.
    """
    folder, latest = _backup_for(store_dir, store_id)
    if latest is not None:
        error = StoreCorrupt(
            QT_TRANSLATE_NOOP("errors", "The store file is damaged and cannot be used safely. "
                                        "Restore the latest good backup: {backup}"), backup=str(latest))
    elif folder:
        error = StoreCorrupt(
            QT_TRANSLATE_NOOP("errors", "The store file is damaged and cannot be used safely. "
                                        "Restore it from your latest backup (backups were kept in {folder})."),
            folder=folder)
    else:
        error = StoreCorrupt(
            QT_TRANSLATE_NOOP("errors", "The store file is damaged and cannot be used safely. "
                                        "Restore it from your latest backup."))
    error.latest_backup = latest
    error.problems = problems
    return error


def lost_sales_error(store_dir: Path | str, store_id: str, receipt_no: str) -> StoreCorrupt:
    """The error Store.open raises when sales the till confirmed are not in the database (their journal was
    lost): the last confirmed receipt and the backup to restore."""
    folder, latest = _backup_for(store_dir, store_id)
    if latest is not None:
        error = StoreCorrupt(
            QT_TRANSLATE_NOOP("errors", "Confirmed sales are missing from the store file (the last one was "
                                        "receipt {receipt}); its journal file was probably deleted while "
                                        "PharmaDesk was running. Restore the latest good backup: {backup}"),
            receipt=receipt_no, backup=str(latest))
    elif folder:
        error = StoreCorrupt(
            QT_TRANSLATE_NOOP("errors", "Confirmed sales are missing from the store file (the last one was "
                                        "receipt {receipt}); its journal file was probably deleted while "
                                        "PharmaDesk was running. Restore it from your latest backup "
                                        "(backups were kept in {folder})."),
            receipt=receipt_no, folder=folder)
    else:
        error = StoreCorrupt(
            QT_TRANSLATE_NOOP("errors", "Confirmed sales are missing from the store file (the last one was "
                                        "receipt {receipt}); its journal file was probably deleted while "
                                        "PharmaDesk was running. Restore it from your latest backup."),
            receipt=receipt_no)
    error.latest_backup = latest
    error.problems = [f"receipt {receipt_no} is missing"]
    return error


def _backup_for(store_dir: Path | str, store_id: str | None) -> tuple[str | None, Path | None]:
    """The backup folder the store folder's note names, and the newest good backup of ``store_id`` in it."""
    folder = (read_hint(store_dir) or {}).get("folder")
    folder = folder if isinstance(folder, str) and folder else None
    return folder, latest_good_backup(folder, store_id) if store_id else None


# --- making a backup ------------------------------------------------------------------------------------


@dataclass
class BackupResult:
    path: Path
    created_at: str
    trigger: str
    seconds: float
    size_bytes: int
    counts: dict[str, int]
    deleted: list[Path] = field(default_factory=list)


class BackupJob:
    """One backup, prepared (permission and folder checked) on the store's thread.

    :meth:`write` does the long work on connections of its own, so a UI may run it in a worker
    thread; then :meth:`Backups.finish` records it on the store's thread. The key is held
    privately and never shown.
    """

    def __init__(self, db_path: Path, key: bytes, store_dir: Path, store_id: str, store_name: str,
                 folder: Path, created_at: datetime, trigger: str) -> None:
        self.db_path = db_path
        self.__key = key
        self.store_dir = store_dir
        self.store_id = store_id
        self.store_name = store_name
        self.folder = folder
        self.created_at = created_at
        self.trigger = trigger

    def __repr__(self) -> str:
        return f"BackupJob(folder={str(self.folder)!r}, trigger={self.trigger!r})"

    def write(self, progress: Progress | None = None) -> BackupResult:
        """Copy, verify and name the backup; returns where it is. ``progress(fraction, stage)``
        may raise to cancel: nothing is kept then."""
        started = time.monotonic()
        report = progress or (lambda _f, _s: None)
        self._clean_stale_partials()
        name = self._free_name()
        partial = self.folder / f".{name}{PARTIAL_MARK}{secrets.token_hex(4)}"
        try:
            partial.mkdir()
            make_private(partial)
            claim = Claim(partial)      # the next backup's clean-up leaves the folder alone while we live
        except OSError as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Cannot write to the backup folder {folder}: {reason}"),
                folder=str(self.folder), reason=exc.strerror or str(exc)) from None
        try:
            counts, version, anchor = self._copy(partial / DB_FILE_NAME, report)
            report(0.8, "Copying the key file")
            # The copy's key file anchors the copy's log (the live one may have moved on since the snapshot).
            key_file = keys.read_key_file(self.store_dir)
            key_bytes = dataclasses.replace(key_file, audit_anchor=anchor).to_json().encode("utf-8")
            write_file(partial / keys.KEY_FILE_NAME, key_bytes)
            report(0.82, "Verifying the backup")
            problems = _database_problems(partial / DB_FILE_NAME, self.__key, counts, version)
            if problems:
                raise IntegrityFailure(
                    QT_TRANSLATE_NOOP("errors", "The backup did not verify ({problem}); it was not kept. "
                                                "The store itself may be damaged: run a check."),
                    problem=problems[0])
            db_size = (partial / DB_FILE_NAME).stat().st_size
            manifest = {
                "format": MANIFEST_FORMAT,
                "kind": "pharmadesk-backup",
                "store_id": self.store_id,
                "store_name": self.store_name,
                "created_at": to_iso(self.created_at),
                "trigger": self.trigger,
                "program_version": __version__,
                "schema_version": version,
                "db_file": DB_FILE_NAME,
                "db_size": db_size,
                "db_sha256": _sha256(partial / DB_FILE_NAME),
                "key_file": keys.KEY_FILE_NAME,
                "key_sha256": hashlib.sha256(key_bytes).hexdigest(),
                "counts": counts,
                "audit_anchor": anchor.to_dict() if anchor else None,
            }
            write_file(partial / MANIFEST_NAME, json.dumps(manifest, indent=2).encode("utf-8"))
            fsync_dir(partial)
            report(0.98, "Finishing")
            final = self.folder / name
            claim.release()
            os.rename(partial, final)
            fsync_dir(self.folder)
        except BaseException as exc:
            claim.release()
            shutil.rmtree(partial, ignore_errors=True)
            if isinstance(exc, (OSError, sqlcipher3.Error)):
                raise IntegrityFailure(
                    QT_TRANSLATE_NOOP("errors", "The backup could not be written to {folder}: {reason}"),
                    folder=str(self.folder), reason=getattr(exc, "strerror", None) or str(exc)) from None
            raise
        report(1.0, "Done")
        return BackupResult(final, manifest["created_at"], self.trigger, time.monotonic() - started, db_size,
                            counts)

    def _copy(self, target: Path, report: Progress) -> tuple[dict[str, int], int, keys.AuditAnchor | None]:
        """Copy one consistent snapshot of the live store to ``target``; return its counts, version and the
        anchor of its audit log."""
        source = connect(self.db_path, self.__key)
        try:
            source.execute("BEGIN")                 # deferred: the first read below fixes the snapshot
            counts = _table_counts(source)
            version = source.execute("PRAGMA user_version").fetchone()[0]
            head = source.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
            anchor = keys.AuditAnchor(head[0], head[1]) if head else None
            report(0.02, "Copying the database")
            copy = connect(target, self.__key)
            # A fresh file nobody else uses: no WAL (one self-contained file) and no fsync per step; the
            # file is fsynced once at the end and is not a backup until it verified and was renamed.
            copy.execute("PRAGMA journal_mode = DELETE")
            copy.execute("PRAGMA synchronous = OFF")
            try:
                def step(_status, remaining, total):
                    report(0.02 + 0.76 * (1 - remaining / total if total else 1), "Copying the database")

                # Reuses the read transaction above: every step copies that same snapshot.
                source.backup(copy, pages=STEP_PAGES, progress=step, sleep=0)
                # The copied first page still says "WAL" (the live store's mode): make it say rollback
                # journal, so the backup opens read-only without creating -wal/-shm files beside it.
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
            source.execute("COMMIT")
        finally:
            source.close()
        make_private(target)
        fsync_file(target)
        return counts, version, anchor

    def _free_name(self) -> str:
        """The backup's name; a later backup within the same second gets a higher number, never a
        reused one, so names sort in the order the backups were made."""
        stamp = self.created_at.astimezone(timezone.utc).strftime(_STAMP)
        taken = [b.sequence for b in list_backups(self.folder, self.store_id)
                 if b.created_at.strftime(_STAMP) == stamp]
        sequence = max(taken) + 1 if taken else 0
        while (self.folder / backup_name(self.store_id, self.created_at, sequence)).exists():
            sequence += 1
        return backup_name(self.store_id, self.created_at, sequence)

    def _clean_stale_partials(self) -> None:
        """Remove this store's unfinished backup folders left by a crash (never one another process is
        still writing: see :func:`abandoned`)."""
        prefix = f".{NAME_PREFIX}{self.store_id[:8]}-"
        _remove_abandoned(self.folder, lambda name: name.startswith(prefix) and PARTIAL_MARK in name)


def prune(folder: Path | str, store_id: str, protect: Iterable[Path] = (), daily: int = KEEP_DAILY,
          weekly: int = KEEP_WEEKLY, monthly: int = KEEP_MONTHLY) -> list[Path]:
    """Delete ``store_id``'s backups in ``folder`` that :func:`backups_to_keep` does not keep.

    Days, weeks and months are those of the till PC's local time. Returns what was deleted.
    """
    found = list_backups(folder, store_id)
    # The sequence number breaks ties between backups made within the same second.
    by_moment = {b.created_at.astimezone().replace(tzinfo=None) + timedelta(microseconds=b.sequence): b
                 for b in found}
    keep = backups_to_keep(by_moment, daily, weekly, monthly)
    protected = {Path(p).resolve() for p in protect}
    deleted = []
    for moment, info in by_moment.items():
        if moment in keep or info.path.resolve() in protected:
            continue
        shutil.rmtree(info.path, ignore_errors=True)
        deleted.append(info.path)
    return deleted


# --- the store's subsystem -------------------------------------------------------------------------------


class Backups:
    """``store.backups``: make, list and rotate backups of the open store.

    ``run()`` is the on-demand backup (owner only, Action.BACKUP). ``after_day_close`` is
    the automatic one, run by Store after a committed day close when the owner has set the
    ``backup_dir`` setting; the clerk closing the day needs no backup permission for it
    because the owner chose the folder, and its failure is reported in the Z report, never
    raised: the day stays closed.
    """

    def __init__(self, store: "Store") -> None:
        self._store = store

    def folder(self) -> Path | None:
        """The folder chosen for automatic backups, or None."""
        value = self._store.settings.backup_dir.strip()
        return Path(value).expanduser() if value else None

    def prepare(self, to: Path | str | None = None, trigger: str = "manual") -> BackupJob:
        store = self._store
        if trigger == "manual":
            store.require(Action.BACKUP)
        else:
            store.require(Action.DAY_CLOSE)
            to = None                               # only ever the owner's chosen folder
        folder = Path(to).expanduser() if to else self.folder()
        if folder is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose a folder for the backup first."))
        if not folder.is_dir():
            if folder.parent.is_dir() and not folder.exists():
                try:
                    folder.mkdir()
                    make_private(folder)
                except OSError:
                    pass
            if not folder.is_dir():
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "The backup folder {folder} is not available. "
                                                "Is the USB drive or second disk connected?"), folder=str(folder))
        key = getattr(store, "_key", None)
        if key is None or store.directory is None or store.db.path is None:
            raise StoreLockedError(QT_TRANSLATE_NOOP("errors", "Open the store again to make a backup."))
        return BackupJob(Path(store.db.path), key, Path(store.directory), store.store_id,
                         store.settings.store_name, folder, store.now(), trigger)

    def finish(self, result: BackupResult) -> BackupResult:
        """Record a written backup (audit log, the store folder's note) and rotate the folder."""
        store = self._store
        with contextlib.suppress(OSError):
            _write_hint(Path(store.directory), result.path, result.created_at)
        try:
            result.deleted = prune(result.path.parent, store.store_id, protect=[result.path])
        except OSError:
            result.deleted = []
        with store.db.transaction():
            store.audit.record("backup", "backup", result.path.name, trigger=result.trigger,
                               size=result.size_bytes, seconds=round(result.seconds, 2),
                               sales=result.counts.get("sales"), deleted=len(result.deleted))
        try:
            store.audit.write_anchor()
        except PharmaDeskError as exc:      # the backup is good; verify will report the stale anchor
            log.warning("audit anchor not written after the backup: %s", type(exc).__name__)
        log.info("backup done: %s (%s), %.1f MB in %.1f s, %d old backup(s) rotated out", result.path.name,
                 result.trigger, result.size_bytes / 1e6, result.seconds, len(result.deleted))
        return result

    def run(self, to: Path | str | None = None, progress: Progress | None = None) -> BackupResult:
        """Back up now to ``to`` (default: the configured folder); verified before it is kept."""
        job = self.prepare(to)
        try:
            result = job.write(progress)
        except PharmaDeskError as exc:
            self._record_failure("manual", exc)
            raise
        return self.finish(result)

    def after_day_close(self, report: "DayReport") -> dict | None:
        """The automatic backup after a day close, when the owner has set a folder. Returns the outcome,
        ``{"ok": True, "path": ...}`` or ``{"ok": False, "error": ...}``; None without a folder."""
        if self.folder() is None:
            return None
        try:
            result = self.finish(self.prepare(trigger="day_close").write())
        except Exception as exc:            # noqa: BLE001 - the day is closed; report, never raise
            self._record_failure("day_close", exc)
            return {"ok": False, "error": str(exc) if isinstance(exc, PharmaDeskError)
                    else f"{type(exc).__name__}: {exc}"}
        return {"ok": True, "path": str(result.path), "seconds": round(result.seconds, 2),
                "deleted": len(result.deleted)}

    def _record_failure(self, trigger: str, exc: BaseException) -> None:
        log.warning("backup failed (%s): %s", trigger, type(exc).__name__)
        with contextlib.suppress(Exception):
            with self._store.db.transaction():
                self._store.audit.record("backup.failed", "backup", None, trigger=trigger,
                                         error=type(exc).__name__)

    def last(self) -> dict | None:
        """The latest successful backup as the audit log recorded it: ``{"at", "name", "trigger"}``."""
        row = self._store.db.one(
            "SELECT at, entity_id, details FROM audit_log WHERE action = 'backup' ORDER BY id DESC LIMIT 1")
        if row is None:
            return None
        details = json.loads(row["details"] or "{}")
        return {"at": row["at"], "name": row["entity_id"], "trigger": details.get("trigger")}

    def list(self, folder: Path | str | None = None) -> list[BackupInfo]:
        """This store's backups in ``folder`` (default: the configured one), newest first."""
        self._store.require(Action.BACKUP)
        folder = Path(folder).expanduser() if folder else self.folder()
        return list_backups(folder, self._store.store_id) if folder else []


# --- restoring ------------------------------------------------------------------------------------------------


@dataclass
class RestoreResult:
    store_dir: Path
    moved_aside: Path | None
    manifest: dict
    removed: list[Path] = field(default_factory=list)     # older before-restore copies and crashed restores


def _remove_abandoned(folder: Path, wanted: Callable[[str], bool]) -> list[Path]:
    """Delete the folders in ``folder`` whose name is ``wanted`` and that no process is building any more."""
    removed = []
    with contextlib.suppress(OSError):
        for entry in list(folder.iterdir()):
            if wanted(entry.name) and entry.is_dir() and abandoned(entry):
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry)
    return removed


def _keep_one_before_restore(store_dir: Path, keep: Path | None) -> list[Path]:
    """Delete every ``<store>.before-restore-*`` copy but ``keep`` (default: the newest one)."""
    prefix = store_dir.name + BEFORE_RESTORE_MARK
    with contextlib.suppress(OSError):
        copies = sorted((entry for entry in store_dir.parent.iterdir()
                         if entry.name.startswith(prefix) and entry.is_dir()),
                        key=lambda entry: (entry.name[len(prefix):len(prefix) + 16], entry.stat().st_mtime))
        keep = keep or (copies[-1] if copies else None)
        removed = [entry for entry in copies if entry != keep]
        for entry in removed:
            shutil.rmtree(entry, ignore_errors=True)
        return removed
    return []


def restore(backup: Path | str, store_dir: Path | str, passphrase: str, *, use_keyring: bool = False,
            clock: Callable[[], datetime] = utc_now) -> RestoreResult:
    """Bring a backup back as the store in ``store_dir``, on this PC or a new one.

    ``passphrase`` is the recovery passphrase valid when the backup was made; it unwraps the
    backup's own key file (no keyring, no old PC needed). The backup is fully verified first
    and refused with :class:`IntegrityFailure` when any check fails. The copy is checked again
    after it is written; only then is an existing store in ``store_dir`` moved aside to
    ``<store_dir>.before-restore-<UTC time>`` and the copy put in its place. Only that newest
    before-restore copy is kept: older ones, and the staging folders of restores that crashed,
    are deleted (``removed``). The restore is recorded in the restored store's audit log.
    """
    from pharmadesk.core.store import Store

    backup = Path(backup).expanduser()
    store_dir = Path(store_dir).expanduser()
    if not backup.is_dir():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no backup folder at {path}."), path=str(backup))
    manifest = verify_backup(backup)                     # checksums before spending time on the passphrase
    key = keys.unwrap_key(keys.read_key_file(backup), passphrase)
    verify_backup(backup, key=key)
    stamp = clock().astimezone(timezone.utc).strftime(_STAMP)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    removed = _remove_abandoned(store_dir.parent,
                                lambda name: name.startswith(f".{store_dir.name}{RESTORING_MARK}"))
    staging = store_dir.parent / f".{store_dir.name}{RESTORING_MARK}{stamp}-{secrets.token_hex(4)}"
    staging.mkdir()
    make_private(staging)
    claim = Claim(staging)          # a second restore's clean-up leaves it alone while we live
    try:
        for name in (DB_FILE_NAME, keys.KEY_FILE_NAME):
            shutil.copyfile(backup / name, staging / name)
            make_private(staging / name)
            fsync_file(staging / name)
        claim.release()
        fsync_dir(staging)
        if _sha256(staging / DB_FILE_NAME) != manifest["db_sha256"]:
            raise IntegrityFailure(QT_TRANSLATE_NOOP("errors", "The restored copy differs from the backup; "
                                                               "the target disk may be failing. Nothing was changed."))
    except BaseException:
        claim.release()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    moved_aside = None
    if store_dir.exists() and (not store_dir.is_dir() or any(store_dir.iterdir())):
        moved_aside = store_dir.with_name(f"{store_dir.name}{BEFORE_RESTORE_MARK}{stamp}")
        if moved_aside.exists():
            moved_aside = moved_aside.with_name(f"{moved_aside.name}-{secrets.token_hex(2)}")
        os.rename(store_dir, moved_aside)
    elif store_dir.exists():
        store_dir.rmdir()
    os.rename(staging, store_dir)
    fsync_dir(store_dir.parent)
    removed += _keep_one_before_restore(store_dir, moved_aside)
    with contextlib.suppress(OSError):
        _write_hint(store_dir, backup, manifest["created_at"])
    store = Store.open(store_dir, key=key, use_keyring=False, clock=clock)
    try:
        with store.db.transaction():
            store.audit.record("restore", "backup", backup.name, created_at=manifest["created_at"],
                               sales=manifest["counts"].get("sales"),
                               moved_aside=moved_aside.name if moved_aside else None)
    finally:
        store.close()
    if use_keyring:
        keys.save_key_in_keyring(manifest["store_id"], key)
    return RestoreResult(store_dir, moved_aside, manifest, removed)

