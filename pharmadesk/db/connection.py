"""Open the SQLCipher database with the settings every PharmaDesk store relies on.

WAL journal with ``synchronous=FULL`` (a confirmed sale survives a power cut),
foreign keys on, a raw 32-byte key (no PBKDF2 on open: the key is already random).
The connection is in autocommit mode; :meth:`Database.transaction` is the only way
use cases write, so a rejected call rolls back completely.

Committed changes live in the ``-wal`` file until a checkpoint copies them into the database
file. If that file is deleted while the store is open, SQLite keeps writing into the deleted
file and everything in it vanishes when the program ends; so every commit first checks that
the ``-wal`` on disk is still the one SQLite writes to (see :meth:`Database.transaction`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from pathlib import Path
from typing import Callable, Iterator

import sqlcipher3

from pharmadesk.errors import QT_TRANSLATE_NOOP, StoreCorrupt, ValidationError, WrongPassphrase

DB_FILE_NAME = "pharmadesk.db"
WAL_SUFFIX = "-wal"
BUSY_TIMEOUT_MS = 5000

log = logging.getLogger(__name__)

DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError


def _key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("database key must be 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


class _Connection(sqlcipher3.Connection):
    """Refuses a parameter SQLite cannot store with a clear :class:`ValidationError` instead of a crash:
    an integer beyond 64 bits, or text with a lone surrogate (from a broken encoding or a damaged paste).

    The statement writes nothing; the use case's transaction rolls back whatever it had written before.
    """

    def execute(self, sql, parameters=(), /):
        try:
            return super().execute(sql, parameters)
        except (OverflowError, UnicodeEncodeError) as exc:
            raise _unstorable(exc) from None

    def executemany(self, sql, seq_of_parameters, /):
        try:
            return super().executemany(sql, seq_of_parameters)
        except (OverflowError, UnicodeEncodeError) as exc:
            raise _unstorable(exc) from None


def _unstorable(exc: Exception) -> ValidationError:
    if isinstance(exc, OverflowError):
        return ValidationError(QT_TRANSLATE_NOOP("errors", "A number is far too large."))
    return ValidationError(QT_TRANSLATE_NOOP(
        "errors", "The text contains broken characters (from a damaged file or paste); type it again."))


def connect(path: Path | str, key: bytes | None, *, check_same_thread: bool = True) -> sqlcipher3.Connection:
    """Open ``path`` with ``key`` (None means plain SQLite, used only by benchmarks).

    Raises :class:`WrongPassphrase` when the key does not decrypt the file and
    :class:`StoreCorrupt` when the file is not a database at all.
    """
    conn = sqlcipher3.connect(
        str(path), isolation_level=None, check_same_thread=check_same_thread, timeout=BUSY_TIMEOUT_MS / 1000,
        factory=_Connection,
    )
    try:
        if key is not None:
            conn.execute(_key_pragma(key))
        # The first real read decides whether the key fits.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        if key is not None and Path(path).exists() and Path(path).stat().st_size > 0:
            raise WrongPassphrase(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database could not be opened with this key: the key is wrong or the file is damaged.",
                )
            ) from None
        raise StoreCorrupt(QT_TRANSLATE_NOOP("errors", "The store file is not a PharmaDesk database.")) from None
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -32000")
    return conn


def wal_lost_error(saved: bool) -> StoreCorrupt:
    """What a commit says once the ``-wal`` file was deleted or replaced under the open store."""
    if saved:
        return StoreCorrupt(QT_TRANSLATE_NOOP(
            "errors", "The store's journal file (pharmadesk.db-wal) was deleted or replaced while PharmaDesk "
                      "was running. This last change was NOT saved; everything confirmed before it is safe in "
                      "the store file. Close PharmaDesk and start it again."))
    return StoreCorrupt(QT_TRANSLATE_NOOP(
        "errors", "The store's journal file (pharmadesk.db-wal) was deleted or replaced while PharmaDesk was "
                  "running. This last change was NOT saved, and the latest confirmed sales are not yet safe: "
                  "keep PharmaDesk open, close every other PharmaDesk window on this PC, then try again."))


class Database:
    """One open connection plus the transaction discipline the domain relies on."""

    def __init__(self, conn: sqlcipher3.Connection, path: Path | None = None, *,
                 audit_key: bytes | None = None) -> None:
        self.conn = conn
        self.path = path
        # The audit chain's MAC key, derived from the database key by whoever opened the store with it
        # (pharmadesk.core.audit.chain_key); None on a bare connection, which cannot append to the audit log.
        self.audit_key = audit_key
        self._depth = 0
        self._lock = threading.RLock()
        self._after_commit: list[Callable[[], None]] = []
        self._wal_path = Path(str(path) + WAL_SUFFIX) if path is not None else None
        self._wal_identity = self._wal_on_disk()
        self._wal_lost: bool | None = None      # None: fine; False: lost, changes not yet saved; True: saved

    # -- the -wal file SQLite writes to -------------------------------------------------------------

    def _wal_on_disk(self) -> tuple[int, int] | None:
        if self._wal_path is None:
            return None
        try:
            found = os.stat(self._wal_path)
        except OSError:
            return None
        return found.st_dev, found.st_ino

    def _check_wal(self) -> None:
        """Refuse to go on once the ``-wal`` was deleted or replaced; first save what it held.

        SQLite still has the deleted file open, so a checkpoint copies the committed changes from it
        into the database file: no confirmed sale is lost, and every later write is refused until the
        program is restarted (which opens a fresh journal).
        """
        if self._wal_path is None:
            return
        if self._wal_lost:
            raise wal_lost_error(True)
        if self._wal_lost is None:
            found = self._wal_on_disk()
            if self._wal_identity is None:      # SQLite had not made it yet
                self._wal_identity = found
                return
            if found == self._wal_identity:
                return
            log.error("the store's -wal file was deleted or replaced while the store was open")
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        try:
            busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlcipher3.Error:
            busy = 1
        self._wal_lost = busy == 0
        log.error("changes in the lost -wal file %s", "saved into the store file" if self._wal_lost
                  else "could not yet be saved (another connection is reading)")
        raise wal_lost_error(self._wal_lost)

    def after_commit(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the current outermost transaction has committed (never if it rolls back).

        For notes kept outside the database about what it holds (the last confirmed receipt); an
        error in ``action`` is logged and never undoes or hides the commit.
        """
        if self._depth == 0:
            raise RuntimeError("after_commit needs an open transaction")
        self._after_commit.append(action)

    # -- transactions -------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlcipher3.Connection]:
        """Run a block atomically. Nested blocks become savepoints of the outer one.

        A block that fails is undone and its own error surfaces, even when SQLite already ended the
        transaction itself; a COMMIT that fails (a deferred constraint, a full disk) is rolled back too.
        """
        with self._lock:
            if self._depth == 0:
                if self._wal_lost is not None:
                    self._check_wal()
                self.conn.execute("BEGIN IMMEDIATE")
                name = None
            else:
                name = f"sp{self._depth}"
                self.conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            pending = len(self._after_commit)
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                del self._after_commit[pending:]
                if self.conn.in_transaction:    # else SQLite already rolled back; undoing again would hide the error
                    if name is None:
                        self.conn.execute("ROLLBACK")
                    else:
                        self.conn.execute(f"ROLLBACK TO {name}")
                        self.conn.execute(f"RELEASE {name}")
                raise
            self._depth -= 1
            if name is not None:
                self.conn.execute(f"RELEASE {name}")
                return
            actions, self._after_commit = self._after_commit, []
            try:
                self._check_wal()
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:    # a failed COMMIT leaves the transaction open
                    self.conn.execute("ROLLBACK")
                raise
            for action in actions:
                try:
                    action()
                except Exception:  # noqa: BLE001 - the commit stands whatever a note after it does
                    log.exception("a note after a commit failed")

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    # -- small query helpers -----------------------------------------------------------

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlcipher3.Cursor:
        return self.conn.execute(sql, params)

    def one(self, sql: str, params: tuple | dict = ()) -> dict | None:
        """First row as a dict, or None."""
        cur = self.conn.execute(sql, params)
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row))

    def all(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        cur = self.conn.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: tuple | dict = ()):
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def insert(self, table: str, values: dict) -> int:
        cols = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cur = self.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(values.values()))
        return cur.lastrowid

    def update(self, table: str, row_id: int, values: dict) -> None:
        """Set ``values`` on the row ``row_id`` of ``table``, inside the caller's transaction (never committing it)."""
        if values:
            sets = ", ".join(f"{col} = ?" for col in values)
            self.conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), row_id))

    # -- checks --------------------------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity check plus SQLCipher's page HMAC check; empty means healthy."""
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
        problems += [r[0] for r in self.conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        problems += [
            f"foreign key: {r[0]} row {r[1]}" for r in self.conn.execute("PRAGMA foreign_key_check").fetchall()
        ]
        return problems

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
