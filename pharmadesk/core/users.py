"""Staff accounts: owner, pharmacist, cashier; argon2-hashed passwords and PINs; lockout.

A PIN is the quick way back in after an idle lock and the way a pharmacist
confirms a prescription or approves a refund at a cashier's till (an
:class:`Approval`). Secrets are never stored or logged in clear.
"""

from __future__ import annotations

import logging
import math
import re
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pharmadesk.errors import (
    QT_TRANSLATE_NOOP,
    AccountLocked,
    AuthenticationError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from pharmadesk.core.permissions import ROLES, Action, allowed
from pharmadesk.core.timeutil import from_iso, to_iso

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

MAX_FAILED_ATTEMPTS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD_LENGTH = 8
_PIN = re.compile(r"^\d{4,8}$")
_USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,32}$")

_hasher = PasswordHasher()


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: str

    def may(self, action: Action) -> bool:
        return allowed(self.role, action)


@dataclass(frozen=True)
class Approval:
    """A colleague's PIN-verified consent to one action, e.g. a pharmacist confirming an Rx line.

    Only :meth:`Users.approve` makes genuine ones; the store remembers their tokens. An approval is
    single-use (the use case that commits with it spends it, :meth:`Store.spend_approvals`) and bound to
    its ``subject`` when it has one: a refund approval names the receipt it refunds.
    """

    user: User
    action: Action
    token: str = field(repr=False)
    subject: str | None = None


class Users:
    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- reading -------------------------------------------------------------------------

    @staticmethod
    def _to_user(row: dict) -> User:
        return User(row["id"], row["username"], row["display_name"], row["role"])

    def get(self, user_id: int) -> User:
        self._store.require_user()
        return self._get(user_id)

    def _get(self, user_id: int) -> User:
        row = self._store.db.one("SELECT * FROM users WHERE id = ?", (user_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such user."))
        return self._to_user(row)

    def list(self) -> list[dict]:
        """Every account with its role and lock-out state: the owner's staff list."""
        self._store.require(Action.MANAGE_USERS)
        return self._store.db.all(
            "SELECT id, username, display_name, role, active, locked_until FROM users ORDER BY username"
        )

    def count(self) -> int:
        """How many accounts exist; open before login, as the first-run check needs it (a number, no names)."""
        return self._store.db.scalar("SELECT count(*) FROM users")

    # -- changing --------------------------------------------------------------------------

    @staticmethod
    def check_password_strength(password: str) -> None:
        """Refuse a password too short or not encodable (also used by the first-run wizard before the store exists)."""
        if len(password or "") < MIN_PASSWORD_LENGTH:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A password needs at least {n} characters."), n=MIN_PASSWORD_LENGTH
            )
        if not _encodable(password):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The password contains broken characters."))

    @staticmethod
    def check_pin_format(pin: str | None) -> None:
        """Refuse a PIN that is not 4 to 8 digits (None means no PIN)."""
        if pin is not None and not _PIN.match(pin):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A PIN is 4 to 8 digits."))

    def create(self, username: str, display_name: str, role: str, password: str, pin: str | None = None) -> User:
        """Add a staff account. Only the owner may, except for the very first (owner) account."""
        first_account = self.count() == 0
        if not first_account:
            self._store.require(Action.MANAGE_USERS)
        elif role != "owner":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The first account must be the owner."))
        username = (username or "").strip()
        if not _USERNAME.match(username):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A user name is 2 to 32 letters, digits, dots, dashes or underscores.")
            )
        if not (display_name or "").strip():
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the person's name."))
        if role not in ROLES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown role."))
        self.check_password_strength(password)
        self.check_pin_format(pin)
        db = self._store.db
        with db.transaction():
            if db.scalar("SELECT 1 FROM users WHERE username = ?", (username,)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "That user name is already taken."))
            user_id = db.insert(
                "users",
                {
                    "username": username, "display_name": display_name.strip(), "role": role,
                    "password_hash": _hasher.hash(password), "pin_hash": _hasher.hash(pin) if pin else None,
                    "created_at": to_iso(self._store.now()),
                },
            )
            self._store.audit.record("user.create", "user", user_id, role=role)
        return self._get(user_id)

    def set_role(self, user_id: int, role: str) -> None:
        self._store.require(Action.MANAGE_USERS)
        if role not in ROLES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown role."))
        with self._store.db.transaction():
            self._ensure_an_owner_remains(user_id, role=role)
            self._store.db.execute("UPDATE users SET role = ? WHERE id = ?", (role, user_id))
            self._store.audit.record("user.role", "user", user_id, role=role)

    def deactivate(self, user_id: int) -> None:
        self._store.require(Action.MANAGE_USERS)
        with self._store.db.transaction():
            self._ensure_an_owner_remains(user_id, active=False)
            self._store.db.execute("UPDATE users SET active = 0 WHERE id = ?", (user_id,))
            self._store.audit.record("user.deactivate", "user", user_id)

    def _ensure_an_owner_remains(self, user_id: int, role: str | None = None, active: bool = True) -> None:
        target = self._get(user_id)
        if target.role != "owner" or (role == "owner" and active):
            return
        others = self._store.db.scalar(
            "SELECT count(*) FROM users WHERE role = 'owner' AND active = 1 AND id <> ?", (user_id,)
        )
        if not others:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The store must keep at least one active owner."))

    def change_password(self, user_id: int, new_password: str, current_password: str | None = None) -> None:
        """Users change their own password (with the current one); the owner may reset anyone's."""
        me = self._store.require_user()
        self.check_password_strength(new_password)
        if user_id == me.id and current_password is not None:
            row = self._store.db.one("SELECT password_hash FROM users WHERE id = ?", (user_id,))
            if not _verify(row["password_hash"], current_password):
                raise AuthenticationError(QT_TRANSLATE_NOOP("errors", "The current password is not correct."))
        elif not me.may(Action.MANAGE_USERS):
            raise PermissionDenied(QT_TRANSLATE_NOOP("errors", "Only the owner can reset another person's password."))
        with self._store.db.transaction():
            self._store.db.execute(
                "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?",
                (_hasher.hash(new_password), user_id),
            )
            self._store.audit.record("user.password", "user", user_id)

    def set_pin(self, user_id: int, pin: str) -> None:
        me = self._store.require_user()
        if user_id != me.id:
            self._store.require(Action.MANAGE_USERS)
        if pin is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A PIN is 4 to 8 digits."))
        self.check_pin_format(pin)
        with self._store.db.transaction():
            self._store.db.execute("UPDATE users SET pin_hash = ? WHERE id = ?", (_hasher.hash(pin), user_id))
            self._store.audit.record("user.pin", "user", user_id)

    # -- authentication ----------------------------------------------------------------------

    def authenticate(self, username: str, secret: str) -> User:
        """Check a password or PIN; count failures and lock the account after too many.

        Failures are committed even though the call raises: a lockout must survive.
        """
        db = self._store.db
        row = db.one("SELECT * FROM users WHERE username = ? AND active = 1", ((username or "").strip(),))
        wrong = AuthenticationError(QT_TRANSLATE_NOOP("errors", "Wrong user name or password."))
        if row is None:
            # Spend the time of a real failed check (password, then PIN), so names cannot be probed.
            _hasher.hash("x" * 8)
            _hasher.hash("x" * 8)
            with db.transaction():
                self._store.audit.record("login.failed", "user", None, user_id=None, reason="unknown_user")
            log.warning("login failed: unknown user name")     # never the name typed: it may be a password
            raise wrong
        now = self._store.now()
        if row["locked_until"] and from_iso(row["locked_until"]) > now:
            with db.transaction():
                self._store.audit.record("login.failed", "user", row["id"], user_id=row["id"], locked=True,
                                         reason="locked")
            log.warning("login refused: user %d is locked out", row["id"])
            raise AccountLocked(
                QT_TRANSLATE_NOOP("errors", "Too many wrong attempts. Try again in {minutes} minutes."),
                minutes=max(1, math.ceil((from_iso(row["locked_until"]) - now).total_seconds() / 60)),
            )
        ok = _verify(row["password_hash"], secret) or (row["pin_hash"] is not None and _verify(row["pin_hash"], secret))
        with db.transaction():
            if not ok:
                failed = row["failed_attempts"] + 1
                locked = to_iso(now + timedelta(minutes=LOCKOUT_MINUTES)) if failed >= MAX_FAILED_ATTEMPTS else None
                db.execute(
                    "UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                    (0 if locked else failed, locked, row["id"]),
                )
                self._store.audit.record("login.failed", "user", row["id"], user_id=row["id"], locked=bool(locked))
            else:
                db.execute("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?", (row["id"],))
        if not ok:
            log.warning("login failed: user %d, wrong password or PIN%s", row["id"],
                        " (now locked out)" if locked else "")
            raise wrong
        return self._to_user(row)

    def approve(self, username: str, secret: str, action: Action, subject: str | None = None) -> Approval:
        """A colleague authorises one action at this till with their PIN or password, once.

        ``subject`` binds it to its object: a refund's approval names the receipt (see
        :meth:`pharmadesk.core.returns.Returns.return_items`)."""
        user = self.authenticate(username, secret)
        if not user.may(action):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("errors", "{name} is not allowed to approve this."), name=user.username
            )
        approval = Approval(user=user, action=action, token=secrets.token_hex(16), subject=subject)
        self._store.remember_approval(approval)
        with self._store.db.transaction():
            self._store.audit.record("approval", "user", user.id, action=action.value)
        return approval


def _verify(hashed: str, secret: str) -> bool:
    if not _encodable(secret or ""):
        return False                # broken characters (a damaged paste) match no stored secret
    try:
        return _hasher.verify(hashed, secret or "")
    except (VerificationError, InvalidHashError):
        return False


def _encodable(text: str) -> bool:
    """False for text with a lone surrogate (from a broken encoding), which cannot be hashed or stored."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
