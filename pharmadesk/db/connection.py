"""Open the SQLCipher database with the settings every PharmaDesk store relies on.

WAL journal with ``synchronous=FULL`` (a confirmed sale survives a power cut),
foreign keys on, a raw 32-byte key (no PBKDF2 on open: the key is already random).
The connection is in autocommit mode; :meth:`Database.transaction` is the only way
use cases write, so a rejected call rolls back completely.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Iterator

import sqlcipher3

from pharmadesk.errors import QT_TRANSLATE_NOOP, StoreCorrupt, ValidationError, WrongPassphrase

DB_FILE_NAME = "pharmadesk.db"
BUSY_TIMEOUT_MS = 5000

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

    # -- transactions -------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlcipher3.Connection]:
        """Run a block atomically. Nested blocks become savepoints of the outer one.

        A block that fails is undone and its own error surfaces, even when SQLite already ended the
        transaction itself; a COMMIT that fails (a deferred constraint, a full disk) is rolled back too.
        """
        with self._lock:
            if self._depth == 0:
                self.conn.execute("BEGIN IMMEDIATE")
                name = None
            else:
                name = f"sp{self._depth}"
                self.conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
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
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:    # a failed COMMIT leaves the transaction open
                    self.conn.execute("ROLLBACK")
                raise

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
