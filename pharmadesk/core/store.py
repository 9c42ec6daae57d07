"""The one object a caller holds: an open, unlocked store with a logged-in user.

    store = Store.open("~/PharmaDesk/store", passphrase=...)
    store.login("anna", "1234")
    store.sales.sell([CartLine(product_id=7, quantity=2)], [Payment("cash", 1000, tendered=2000)])

Every use case is a method of a service hung on the store (catalog, stock, sales, members, users,
audit, backups, privacy, care, campaigns, promotions, quality, imports, headoffice) and checks the logged-in user's
permission here before it touches the database.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from pharmadesk.core.audit import Audit, chain_key
from pharmadesk.core import sale_journal
from pharmadesk.core.backup import Backups, damaged_store_error, lost_sales_error, quiet_cipher_log
from pharmadesk.core.day_close import DayClose
from pharmadesk.core.catalog import Catalog
from pharmadesk.core.settings import StoreSettings, default_values, parse_setting, read_settings
from pharmadesk.db import keys
from pharmadesk.db.connection import DB_FILE_NAME, WAL_SUFFIX, Database, DatabaseError, connect
from pharmadesk.db.migrate import migrate, schema_version
from pharmadesk.errors import (
    QT_TRANSLATE_NOOP,
    NotLoggedIn,
    PermissionDenied,
    StoreCorrupt,
    StoreLockedError,
    ValidationError,
    WrongPassphrase,
)
from pharmadesk.core.campaigns import Campaigns
from pharmadesk.core.care import Care
from pharmadesk.core.members import Members
from pharmadesk.core.permissions import ACTION_LABELS, Action
from pharmadesk.core.privacy import Privacy
from pharmadesk.core.promotions import Promotions
from pharmadesk.core.quality import Quality
from pharmadesk.core.returns import Returns
from pharmadesk.core.sales import Sales
from pharmadesk.core.service import Service
from pharmadesk.core.day_close import DayReport
from pharmadesk.core.stock import Stock
from pharmadesk.core.timeutil import from_iso, utc_now
from pharmadesk.core.trace_codes import TraceCodes
from pharmadesk.core.ephedrine import Ephedrine
from pharmadesk.core.split_packs import SplitPacks
from pharmadesk.core.prescriptions import Prescriptions
from pharmadesk.core.medication_safety import MedicationSafety
from pharmadesk.core.users import Approval, User, Users
from pharmadesk.paths import make_private, private_folder

if TYPE_CHECKING:
    from pharmadesk.headoffice.export import HeadOffice
    from pharmadesk.io.importer import Imports

log = logging.getLogger(__name__)

SHM_SUFFIX = "-shm"
# Everything in a store folder that holds personal data or keys: readable by this PC's user only.
PRIVATE_FILES = (DB_FILE_NAME, DB_FILE_NAME + WAL_SUFFIX, DB_FILE_NAME + SHM_SUFFIX, keys.KEY_FILE_NAME,
                 sale_journal.FILE_NAME, "last-backup.json")


def _make_store_private(directory: Path) -> None:
    """The store folder 0700 and its files 0600 (also a store made by an older version, on every open)."""
    make_private(directory, *(directory / name for name in PRIVATE_FILES if (directory / name).exists()))


def _refuse_empty_store(directory: Path) -> None:
    """A key file beside a missing or empty database is a damaged store, never a new one: SQLCipher would
    otherwise open the empty file as a fresh database and the store would start over with no users."""
    if not (directory / keys.KEY_FILE_NAME).exists():
        return
    path = directory / DB_FILE_NAME
    size = path.stat().st_size if path.exists() else None
    if size:
        return
    try:
        store_id = keys.read_key_file(directory).store_id
    except Exception:  # noqa: BLE001 - a damaged key file still means "restore", not a traceback
        store_id = None
    problem = "pharmadesk.db is missing" if size is None else "pharmadesk.db is empty (0 bytes)"
    log.error("store folder with a key file but %s", problem)
    raise damaged_store_error(directory, store_id, [problem])


def _wal_deleted_error() -> StoreCorrupt:
    return StoreCorrupt(QT_TRANSLATE_NOOP(
        "errors", "The store's journal file (pharmadesk.db-wal) was deleted while PharmaDesk was running on this "
                  "store. Close PharmaDesk everywhere on this PC (the running till saves its sales into the store "
                  "file when it notices), then open the store again."))


class Store:
    """An open store. Create with :meth:`create` or :meth:`open`; then :meth:`login`."""

    def __init__(self, db: Database, directory: Path | None, store_id: str, clock: Callable[[], datetime] = utc_now,
                 *, key: bytes | None = None):
        self.db = db
        self._key = key     # the database key, in memory only, for online backups; never logged or shown
        self._closed = False
        self.directory = directory
        self.store_id = store_id
        self.clock = clock
        self.user: User | None = None
        self._issued_approvals: dict[str, Approval] = {}   # token -> the approval exactly as issued
        self.audit = Audit(self)
        self.users = Users(self)
        self.catalog = Catalog(self)
        self.stock = Stock(self)
        self.members = Members(self)
        self.sales = Sales(self)
        self.returns = Returns(self)
        self.day_close = DayClose(self)
        self.backups = Backups(self)
        self.privacy = Privacy(self)
        self.care = Care(self)
        self.campaigns = Campaigns(self)
        self.promotions = Promotions(self)
        self.quality = Quality(self)
        self.trace = TraceCodes(self)
        self.ephedrine = Ephedrine(self)
        self.split = SplitPacks(self)
        self.prescriptions = Prescriptions(self)
        self.safety = MedicationSafety(self)
        self.service = Service(self)
        self._imports: "Imports | None" = None
        self._headoffice: "HeadOffice | None" = None
        # Run after a committed day close, each given the Z report and returning its outcome (a dict, or None
        # when it had nothing to do); see run_day_close_hooks.
        self.day_close_hooks: dict[str, Callable[[DayReport], dict | None]] = {
            "backup": self.backups.after_day_close, "headoffice": self._export_after_day_close,
            "ephedrine_erasure": self.ephedrine.after_day_close,     # buyers' IDs past their retention period
            "sales_rank": lambda _report: self.catalog.refresh_sales_rank() and None,   # the type-ahead's order
            "audit_anchor": lambda _report: self.audit.write_anchor() and None}   # last: after the others' entries

    # -- services loaded on first use ---------------------------------------------------------------

    @property
    def imports(self) -> "Imports":
        """CSV imports (pharmadesk/io/importer.py)."""
        if self._imports is None:
            from pharmadesk.io.importer import Imports

            self._imports = Imports(self)
        return self._imports

    @property
    def headoffice(self) -> "HeadOffice":
        """The head-office sync (pharmadesk/headoffice/export.py), imported on first use: a store that never
        exports never loads it."""
        if self._headoffice is None:
            from pharmadesk.headoffice.export import HeadOffice

            self._headoffice = HeadOffice(self)
        return self._headoffice

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        directory: Path | str,
        *,
        passphrase: str,
        store_name: str,
        owner_username: str,
        owner_name: str,
        owner_password: str,
        owner_pin: str | None = None,
        use_keyring: bool = True,
        clock: Callable[[], datetime] = utc_now,
        kdf: dict | None = None,
    ) -> "Store":
        """Make a new encrypted store in ``directory`` with its owner account, and log the owner in."""
        directory = Path(directory).expanduser()
        keys.check_passphrase_strength(passphrase)
        if (directory / DB_FILE_NAME).exists():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A store already exists in that folder."))
        _refuse_empty_store(directory)
        private_folder(directory)
        store_id = str(uuid.uuid4())
        key = keys.new_database_key()
        keys.write_key_file(directory, keys.wrap_key(key, passphrase, store_id, kdf))
        db = Database(connect(directory / DB_FILE_NAME, key), directory / DB_FILE_NAME, audit_key=chain_key(key))
        _make_store_private(directory)
        migrate(db)
        store = cls(db, directory, store_id, clock, key=key)
        with db.transaction():
            for name, value in {**default_values(), "store_name": store_name, "store_id": store_id}.items():
                db.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (name, value))
            store.audit.record("store.create", "store", store_id)     # entry 1: where the log must start
            owner = store.users.create(owner_username, owner_name, "owner", owner_password, owner_pin)
            store.user = owner
        store.audit.write_anchor()
        if use_keyring:
            keys.save_key_in_keyring(store_id, key)
        return store

    @classmethod
    def open(
        cls,
        directory: Path | str,
        *,
        passphrase: str | None = None,
        key: bytes | None = None,
        use_keyring: bool = True,
        clock: Callable[[], datetime] = utc_now,
        health_check: bool = True,
    ) -> "Store":
        """Unlock and open the store in ``directory``, upgrading its schema if it is older.

        The key comes from ``key``, else the keyring, else ``passphrase`` or
        ``$PHARMADESK_PASSPHRASE``. Nobody is logged in yet.

        A damaged file raises :class:`StoreCorrupt` saying so and naming the latest good
        backup (``error.latest_backup``). ``health_check`` verifies every page's HMAC first
        (:meth:`check_health`; about 1 s for a 475 MB store); pass False to open at once and
        run :meth:`check_health` in a worker thread instead.
        """
        directory = Path(directory).expanduser()
        path = directory / DB_FILE_NAME
        _refuse_empty_store(directory)
        if not path.exists():
            raise StoreCorrupt(QT_TRANSLATE_NOOP("errors", "There is no PharmaDesk store in that folder."))
        key_file = keys.read_key_file(directory)
        # SQLite removes both files when the last program closes the store: a -shm without its -wal
        # means the journal was deleted by hand while a till had the store open.
        wal_deleted = (directory / (DB_FILE_NAME + SHM_SUFFIX)).exists() and not (
            directory / (DB_FILE_NAME + WAL_SUFFIX)).exists()
        key_given = key is not None
        if key is None:
            key = keys.resolve_key(directory, passphrase, use_keyring)
            if use_keyring and passphrase is not None:
                keys.save_key_in_keyring(key_file.store_id, key)
        try:
            with quiet_cipher_log():    # damage is reported below in plain words, not as SQLCipher log lines
                db = Database(connect(path, key), path, audit_key=chain_key(key))
        except WrongPassphrase:
            if wal_deleted:     # not a wrong key: SQLite read the lost journal's pages from a fresh, empty file
                raise _wal_deleted_error() from None
            if key_given:
                raise
            # The key file (authenticated by its AEAD) or the keyring gave the right key: the file is damaged.
            raise damaged_store_error(directory, key_file.store_id, ["page 1 cannot be decrypted"]) from None
        _make_store_private(directory)
        store = cls(db, directory, key_file.store_id, clock, key=key)
        try:
            problems = store.check_health() if health_check else []
            if problems:
                raise damaged_store_error(directory, key_file.store_id, problems)
            applied = migrate(db)
            if key_file.audit_anchor is None:       # a store from before issue 17: anchor its log now
                store.audit.write_anchor()
            lost = sale_journal.missing_sale(db, directory, key_file.store_id)
            store.privacy.finish_erasure_checkpoint()     # an erasure's old page images must not linger
        except (DatabaseError, StoreCorrupt) as exc:
            if wal_deleted:
                db.conn.close()     # no checkpoint from a journal that is not there
                raise _wal_deleted_error() from None
            db.close()
            if isinstance(exc, StoreCorrupt):
                raise
            raise damaged_store_error(directory, key_file.store_id, [str(exc)]) from None
        except Exception:
            db.close()
            raise
        if lost is not None:
            db.conn.close() if wal_deleted else db.close()
            log.error("confirmed sales are missing from the database (last noted receipt %s)", lost)
            raise lost_sales_error(directory, key_file.store_id, lost)
        log.info("store opened: schema version %d%s", schema_version(db),
                 f" (upgraded through {applied[-1]})" if applied else "")
        return store

    def close(self) -> None:
        """Write the audit log's head into the key file (a natural moment: the till closes), then close."""
        if self._closed:
            return
        self._closed = True
        try:
            self.audit.write_anchor()
        except Exception as exc:  # noqa: BLE001 - closing must not fail; verify will report a stale anchor
            log.warning("audit anchor not written at close: %s", type(exc).__name__)
        self.db.close()

    def purpose_key(self, label: str) -> bytes:
        """A 32-byte key for one purpose (``label``), derived with HKDF from the database key like the audit
        chain's (:func:`pharmadesk.db.keys.derive_subkey`); in memory only, never stored or logged."""
        if self._key is None:
            raise StoreLockedError(QT_TRANSLATE_NOOP("errors", "Open the store again to use its keys."))
        return keys.derive_subkey(self._key, label)

    def note_sale_after_commit(self, receipt_no: str) -> None:
        """Once the current transaction commits, note ``receipt_no`` as the latest confirmed sale beside the
        database (:mod:`pharmadesk.core.sale_journal`), so a sale lost with the journal is noticed on open."""
        if self.directory is not None:
            directory, store_id = self.directory, self.store_id
            self.db.after_commit(lambda: sale_journal.note(directory, store_id, receipt_no))

    @staticmethod
    def found_in(directory: Path | str) -> bool:
        """Whether ``directory`` holds a store, whole or damaged (its database or its key file): then it must
        be opened (or restored), never made anew."""
        directory = Path(directory).expanduser()
        return (directory / DB_FILE_NAME).exists() or (directory / keys.KEY_FILE_NAME).exists()

    def cipher_version(self) -> str:
        """The SQLCipher version encrypting this store (shown in Help → About)."""
        return str(self.db.scalar("PRAGMA cipher_version") or "")

    def open_for_thread(self) -> "Store":
        """A second handle on this store for a worker thread: same file, key, clock and logged-in user.

        SQLite connections belong to the thread that opened them, so call this *in* the worker
        thread and close the handle there. Long use cases (an import) then run off the GUI thread;
        permissions and the audit log apply exactly as on this handle.
        """
        if self._key is None or self.directory is None:
            raise NotLoggedIn(QT_TRANSLATE_NOOP("errors", "Open the store again to run this in the background."))
        other = Store.open(self.directory, key=self._key, use_keyring=False, clock=self.clock, health_check=False)
        other.user = self.user
        return other

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the logged-in user --------------------------------------------------------------------

    def login(self, username: str, secret: str) -> User:
        user = self.users.authenticate(username, secret)
        if self.user is not None and self.user.id != user.id:
            self._issued_approvals.clear()      # approvals belong to the session they were given in
        self.user = user
        with self.db.transaction():
            self.audit.record("login", "user", user.id)
        log.info("login: user %d (%s)", user.id, user.role)
        return user

    def logout(self) -> None:
        if self.user is not None:
            with self.db.transaction():
                self.audit.record("logout", "user", self.user.id)
        self.user = None
        self._issued_approvals.clear()

    def require_user(self) -> User:
        """The logged-in user as the users table has them now: a session ends when its account is
        deactivated or locked out, and follows a change of role at once."""
        if self.user is None:
            raise NotLoggedIn(QT_TRANSLATE_NOOP("errors", "Please log in first."))
        current = self._current_user(self.user.id)
        if current is None:
            log.warning("session ended: user %d is no longer active or is locked out", self.user.id)
            self.user = None
            self._issued_approvals.clear()
            raise NotLoggedIn(QT_TRANSLATE_NOOP(
                "errors", "Your account is locked or no longer active. Please log in again."))
        self.user = current
        return current

    def _current_user(self, user_id: int) -> User | None:
        """The account ``user_id`` as it is now, or None when it is deactivated, locked out or gone."""
        row = self.db.one("SELECT id, username, display_name, role, active, locked_until FROM users WHERE id = ?",
                          (user_id,))
        if row is None or not row["active"] or (row["locked_until"] and from_iso(row["locked_until"]) > self.now()):
            return None
        return User(row["id"], row["username"], row["display_name"], row["role"])

    def require(self, action: Action, approval: Approval | Iterable[Approval] | None = None,
                subject: str | None = None) -> User:
        """Return who authorises ``action``: the logged-in user, or a genuine approval for it.

        ``approval`` may be several approvals (a cashier's sale with a discount and a price change). An
        approval counts only if this session issued it, it is not spent, it is for ``action`` and
        ``subject`` (the object it was given for, e.g. a receipt number), and its approver may still
        ``action`` now (active, not locked out, the role they hold today).
        """
        user = self.require_user()
        if user.may(action):
            return user
        for candidate in _approvals(approval):
            approver = self.approver(candidate, action, subject)
            if approver is not None:
                return approver
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "Your role ({role}) is not allowed to {action}."),
            role=user.role,
            action=ACTION_LABELS[action],
        )

    def approver(self, approval: Approval, action: Action, subject: str | None = None) -> User | None:
        """The colleague behind ``approval`` if it is genuine (issued by this session, not spent), for ``action``
        and ``subject``, and they may still ``action``; else None. For use cases that need a colleague's
        signature besides the logged-in user's, such as the two witnesses of a destruction."""
        if (
            approval.action == action
            and approval.subject == subject
            and self._issued_approvals.get(approval.token) == approval
        ):
            approver = self._current_user(approval.user.id)
            if approver is not None and approver.may(action):
                return approver
        return None

    def remember_approval(self, approval: Approval) -> None:
        """Keep an approval just issued (:meth:`Users.approve`): :meth:`require` accepts only those."""
        self._issued_approvals[approval.token] = approval

    def spend_approvals(self, approvals: Approval | Iterable[Approval | None] | None) -> None:
        """Use up ``approvals`` once the use case they authorised has committed: an approval is single-use."""
        for approval in _approvals(approvals):
            self._issued_approvals.pop(approval.token, None)

    def may(self, action: Action) -> bool:
        """True when the logged-in user, as their account is now, may ``action``; never raises."""
        if self.user is None:
            return False
        current = self._current_user(self.user.id)
        return current is not None and current.may(action)

    # -- time and settings ------------------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """The store's calendar day (local time of the till PC)."""
        return self.clock().astimezone().date()

    @property
    def settings(self) -> StoreSettings:
        """The current settings, read afresh so a change made through another connection shows at once."""
        return read_settings(self.db)

    def set_setting(self, name: str, value: object) -> None:
        """Change one setting after checking it against its :class:`StoreSettings` field; audited."""
        self.require(Action.MANAGE_SETTINGS)
        value = parse_setting(name, value)
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (name, value),
            )
            self.audit.record("setting.change", "setting", name)

    # -- passphrase and health -------------------------------------------------------------------

    def change_passphrase(self, old_passphrase: str, new_passphrase: str) -> None:
        """Re-wrap the same database key under a new passphrase; the database is untouched."""
        self.require(Action.MANAGE_SETTINGS)
        keys.check_passphrase_strength(new_passphrase)
        with self.db.transaction():     # the write lock: no anchor update rewrites the key file meanwhile
            key_file = keys.read_key_file(self.directory)
            key = keys.unwrap_key(key_file, old_passphrase)
            keys.write_key_file(self.directory, keys.wrap_key(key, new_passphrase, self.store_id, key_file.kdf,
                                                              audit_anchor=key_file.audit_anchor))
            self.audit.record("passphrase.change", "store", self.store_id)
        self.audit.write_anchor()

    def check_health(self, full: bool = False) -> list[str]:
        """Problems in the database file; empty means healthy.

        By default SQLCipher's check of every page's HMAC, which catches any damaged or altered
        page (about 1 s per 500 MB). ``full`` adds SQLite's integrity check of every B-tree and
        the foreign keys (about 8 s for 475 MB; every backup runs it on its copy).
        """
        with quiet_cipher_log():
            if full:
                return self.db.integrity_problems()
            return [row[0] for row in self.db.execute("PRAGMA cipher_integrity_check").fetchall()]

    def _export_after_day_close(self, report: DayReport) -> dict | None:
        """The scheduled head-office export; without that schedule the sync is not even imported."""
        if self.settings.headoffice_schedule != "day_close":
            return None
        return self.headoffice.after_day_close(report)

    def run_day_close_hooks(self, report: DayReport) -> DayReport:
        """Run the day-close hooks (backup, head-office export) after the day close committed; return
        ``report`` with their outcomes in ``after_close``.

        An error a hook lets escape is noted in ``after_close_errors``, never raised: the day is closed
        whatever happens next.
        """
        outcomes, errors = dict(report.after_close), list(report.after_close_errors)
        for name, hook in self.day_close_hooks.items():
            try:
                outcome = hook(report)
            except Exception as exc:  # noqa: BLE001
                errors.append(str(exc))
                continue
            if outcome is not None:
                outcomes[name] = outcome
        return replace(report, after_close=outcomes, after_close_errors=tuple(errors))

    def info(self) -> dict:
        """Counts, schema version and size: what ``pharmadesk info`` prints."""
        counts = {
            table: self.db.scalar(f"SELECT count(*) FROM {table}")
            for table in ("products", "suppliers", "batches", "members", "sales", "sale_lines", "returns",
                          "stock_moves", "users", "audit_log")
        }
        size = sum(
            (self.directory / name).stat().st_size
            for name in (DB_FILE_NAME, DB_FILE_NAME + "-wal")
            if (self.directory / name).exists()
        ) if self.directory else 0
        return {
            "store_name": self.settings.store_name,
            "store_id": self.store_id,
            "schema_version": schema_version(self.db),
            "size_bytes": size,
            "counts": counts,
        }


def _approvals(approval: Approval | Iterable[Approval | None] | None) -> tuple[Approval, ...]:
    """One approval, several or none, as a tuple (Nones left out)."""
    if approval is None:
        return ()
    if isinstance(approval, Approval):
        return (approval,)
    return tuple(a for a in approval if a is not None)
