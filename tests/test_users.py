"""Staff accounts: argon2 hashes, password or PIN login, lockout, the last owner, approvals."""

from __future__ import annotations

import pytest

import pharmadesk.core.users as users_module
from pharmadesk.errors import (
    AccountLocked,
    AuthenticationError,
    NotLoggedIn,
    PermissionDenied,
    ValidationError,
)
from pharmadesk.core.permissions import Action
from pharmadesk.core.users import LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, Approval, User

from conftest import PASSWORDS, PINS, table_snapshot

SECRET_PASSWORD = "Quokka-Zebra-Umbrella-77"
SECRET_PIN = "739184"


def _user_id(store, username):
    return store.db.scalar("SELECT id FROM users WHERE username = ?", (username,))


def _failed_logins(store, user_id=None):
    if user_id is None:
        return store.db.all("SELECT * FROM audit_log WHERE action = 'login.failed' AND entity_id IS NULL")
    return store.db.all("SELECT * FROM audit_log WHERE action = 'login.failed' AND entity_id = ?", (str(user_id),))


# -- secrets are hashed ------------------------------------------------------------------------------


def test_passwords_and_pins_are_argon2_hashes_never_clear(store, store_dir):
    user = store.users.create("dana", "Dana Pharmacist", "pharmacist", SECRET_PASSWORD, SECRET_PIN)
    row = store.db.one("SELECT password_hash, pin_hash FROM users WHERE id = ?", (user.id,))
    assert row["password_hash"].startswith("$argon2id$")
    assert row["pin_hash"].startswith("$argon2id$")
    for table, rows in table_snapshot(store).items():
        text = repr(rows)
        assert SECRET_PASSWORD not in text, table
        assert SECRET_PIN not in text, table
    for role in PASSWORDS:
        row = store.db.one("SELECT password_hash, pin_hash FROM users WHERE username = ?", (role,))
        assert PASSWORDS[role] not in row["password_hash"] and PINS[role] not in row["pin_hash"]
    store.close()
    for path in store_dir.iterdir():
        assert SECRET_PASSWORD.encode() not in path.read_bytes(), path.name


def test_login_by_password_and_by_pin(open_store):
    store = open_store(None)
    assert store.user is None
    user = store.login("cashier", PASSWORDS["cashier"])
    assert (user.username, user.role) == ("cashier", "cashier")
    assert store.user == user
    store.logout()
    assert store.user is None
    assert store.login("pharmacist", PINS["pharmacist"]).role == "pharmacist"
    assert store.login("OWNER", PASSWORDS["owner"]).role == "owner"          # user names ignore case
    logins = store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'login'")
    assert logins == 3


def test_wrong_secret_is_refused(open_store):
    store = open_store(None)
    with pytest.raises(AuthenticationError) as info:
        store.login("cashier", "not-the-password")
    assert not isinstance(info.value, AccountLocked)
    assert info.value.message == "Wrong user name or password."
    with pytest.raises(AuthenticationError):
        store.login("cashier", PINS["pharmacist"])          # someone else's PIN
    with pytest.raises(AuthenticationError):
        store.login("cashier", "")
    assert store.user is None


def test_use_cases_need_a_logged_in_user(open_store, ids):
    store = open_store(None)
    with pytest.raises(NotLoggedIn):
        store.require(Action.SELL)
    with pytest.raises(NotLoggedIn):
        store.members.register("Nobody", "13800000000")


def test_lockout_after_five_failures_for_fifteen_minutes(open_store, clock):
    store = open_store(None)
    cashier = _user_id(store, "cashier")
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError) as info:
            store.login("cashier", "wrong-guess")
        assert not isinstance(info.value, AccountLocked)
    assert MAX_FAILED_ATTEMPTS == 5 and LOCKOUT_MINUTES == 15
    with pytest.raises(AccountLocked) as info:
        store.login("cashier", PASSWORDS["cashier"])        # even the right password waits
    assert "15 minutes" in info.value.message
    with pytest.raises(AccountLocked):
        store.login("cashier", PINS["cashier"])
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AccountLocked) as info:
        store.login("cashier", PASSWORDS["cashier"])
    assert "1 minutes" in info.value.message
    clock.advance(seconds=1)
    assert store.login("cashier", PASSWORDS["cashier"]).id == cashier
    row = store.db.one("SELECT failed_attempts, locked_until FROM users WHERE id = ?", (cashier,))
    assert row == {"failed_attempts": 0, "locked_until": None}
    # Other accounts were never affected.
    assert store.login("pharmacist", PINS["pharmacist"]).role == "pharmacist"


def test_a_success_resets_the_failure_count(open_store):
    store = open_store(None)
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationError):
            store.login("cashier", "wrong")
    store.login("cashier", PINS["cashier"])
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthenticationError):
            store.login("cashier", "wrong")
    assert store.login("cashier", PINS["cashier"]).role == "cashier"


def test_lockout_survives_reopening_the_store(open_store):
    store = open_store(None)
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            store.login("pharmacist", "wrong")
    store.close()
    again = open_store(None)
    with pytest.raises(AccountLocked):
        again.login("pharmacist", PINS["pharmacist"])


def test_failed_logins_are_audited(open_store):
    store = open_store(None)
    cashier = _user_id(store, "cashier")
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            store.login("cashier", "wrong")
    with pytest.raises(AccountLocked):
        store.login("cashier", PASSWORDS["cashier"])
    rows = _failed_logins(store, cashier)
    assert len(rows) == MAX_FAILED_ATTEMPTS + 1                # the try while locked counts too
    assert all(r["user_id"] == cashier for r in rows)
    assert '"locked":true' in rows[MAX_FAILED_ATTEMPTS - 1]["details"]
    assert "wrong" not in repr(rows)                            # the guessed secret is never logged
    assert store.audit.verify() == []


def test_unknown_user_takes_the_same_path(open_store, monkeypatch):
    store = open_store(None)
    calls = []
    real = users_module._hasher

    class Spy:
        def hash(self, *a, **k):
            calls.append("hash")
            return real.hash(*a, **k)

        def verify(self, *a, **k):
            calls.append("verify")
            return real.verify(*a, **k)

    monkeypatch.setattr(users_module, "_hasher", Spy())
    with pytest.raises(AuthenticationError) as unknown:
        store.login("nobody-here", "whatever")
    unknown_cost = len(calls)
    calls.clear()
    with pytest.raises(AuthenticationError) as wrong:
        store.login("cashier", "whatever")
    # As many argon2 computations for a name that does not exist as for a wrong password and PIN.
    assert unknown_cost == len(calls) == 2
    assert type(unknown.value) is type(wrong.value)
    assert unknown.value.message == wrong.value.message         # nothing tells the names apart
    rows = _failed_logins(store)
    assert len(rows) == 1 and '"reason":"unknown_user"' in rows[0]["details"]
    assert "nobody-here" not in repr(rows)


def test_deactivated_user_cannot_log_in(store):
    cashier = _user_id(store, "cashier")
    store.users.deactivate(cashier)
    with pytest.raises(AuthenticationError):
        store.login("cashier", PASSWORDS["cashier"])


# -- managing accounts -------------------------------------------------------------------------------


def test_create_user_rules(store):
    with pytest.raises(ValidationError):
        store.users.create("CASHIER", "Dup", "cashier", "long-enough-1")         # taken, ignoring case
    with pytest.raises(ValidationError):
        store.users.create("x", "Too short name", "cashier", "long-enough-1")
    with pytest.raises(ValidationError):
        store.users.create("newbie", "Newbie", "cashier", "short")
    with pytest.raises(ValidationError):
        store.users.create("newbie", "Newbie", "cashier", "long-enough-1", pin="12")
    with pytest.raises(ValidationError):
        store.users.create("newbie", "Newbie", "janitor", "long-enough-1")
    with pytest.raises(ValidationError):
        store.users.create("newbie", "  ", "cashier", "long-enough-1")
    assert store.users.count() == 3
    user = store.users.create("newbie", "Newbie", "cashier", "long-enough-1", pin="4444")
    assert (user.username, user.role) == ("newbie", "cashier")
    assert store.users.count() == 4


def test_only_the_owner_manages_users(open_store):
    store = open_store("pharmacist")
    before = table_snapshot(store)
    with pytest.raises(PermissionDenied):
        store.users.create("sneaky", "Sneaky", "owner", "long-enough-1")
    with pytest.raises(PermissionDenied):
        store.users.set_role(_user_id(store, "pharmacist"), "owner")
    with pytest.raises(PermissionDenied):
        store.users.deactivate(_user_id(store, "owner"))
    with pytest.raises(PermissionDenied):
        store.users.set_pin(_user_id(store, "cashier"), "9999")
    with pytest.raises(PermissionDenied):
        store.users.change_password(_user_id(store, "cashier"), "new-password-1")
    assert table_snapshot(store) == before


def test_the_last_owner_cannot_be_demoted_or_deactivated(store):
    owner = _user_id(store, "owner")
    before = table_snapshot(store)
    for role in ("pharmacist", "cashier"):
        with pytest.raises(ValidationError, match="at least one active owner"):
            store.users.set_role(owner, role)
    with pytest.raises(ValidationError, match="at least one active owner"):
        store.users.deactivate(owner)
    assert table_snapshot(store) == before
    store.users.set_role(owner, "owner")                  # keeping the role is fine
    # With a second owner, the first may step down; then the second is the last one.
    second = store.users.create("boss2", "Second Owner", "owner", "second-owner-1").id
    store.users.set_role(owner, "pharmacist")
    assert store.users.get(owner).role == "pharmacist"
    assert store.user.role == "pharmacist"                # the session follows the demotion at once
    store.login("boss2", "second-owner-1")
    with pytest.raises(ValidationError):
        store.users.deactivate(second)


def test_an_inactive_owner_does_not_count(store):
    owner = _user_id(store, "owner")
    second = store.users.create("boss2", "Second Owner", "owner", "second-owner-1").id
    store.users.deactivate(second)
    with pytest.raises(ValidationError):
        store.users.set_role(owner, "cashier")


def test_change_password(open_store):
    store = open_store("cashier")
    me = store.user.id
    with pytest.raises(AuthenticationError):
        store.users.change_password(me, "brand-new-pass", current_password="wrong")
    store.users.change_password(me, "brand-new-pass", current_password=PASSWORDS["cashier"])
    store.logout()
    with pytest.raises(AuthenticationError):
        store.login("cashier", PASSWORDS["cashier"])
    assert store.login("cashier", "brand-new-pass").id == me


def test_owner_reset_clears_a_lockout(open_store):
    store = open_store(None)
    for _ in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(AuthenticationError):
            store.login("cashier", "wrong")
    store.login("owner", PINS["owner"])
    store.users.change_password(_user_id(store, "cashier"), "reset-by-owner")
    assert store.login("cashier", "reset-by-owner").role == "cashier"


# -- approvals ---------------------------------------------------------------------------------------


def test_approval_by_a_role_that_has_the_action(open_store):
    store = open_store("cashier")
    with pytest.raises(PermissionDenied):
        store.require(Action.REFUND)
    approval = store.users.approve("pharmacist", PINS["pharmacist"], Action.REFUND)
    assert store.user.role == "cashier"                       # the cashier stays logged in
    assert store.require(Action.REFUND, approval).username == "pharmacist"
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'approval'") == 1


def test_approval_refused_for_a_role_without_the_action(open_store):
    store = open_store("cashier")
    with pytest.raises(PermissionDenied):
        store.users.approve("pharmacist", PINS["pharmacist"], Action.DISCOUNT_ANY)
    with pytest.raises(PermissionDenied):
        store.users.approve("cashier", PINS["cashier"], Action.REFUND)
    with pytest.raises(AuthenticationError):
        store.users.approve("pharmacist", "0000", Action.REFUND)
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'approval'") == 0


def test_approval_is_for_one_action_only(open_store):
    store = open_store("cashier")
    approval = store.users.approve("pharmacist", PINS["pharmacist"], Action.DISCOUNT)
    assert store.require(Action.DISCOUNT, approval).role == "pharmacist"
    with pytest.raises(PermissionDenied):
        store.require(Action.REFUND, approval)


def test_forged_approval_is_refused(open_store):
    store = open_store("cashier")
    owner = store.users.get(_user_id(store, "owner"))
    forged = Approval(user=owner, action=Action.REFUND, token="0" * 32)
    with pytest.raises(PermissionDenied):
        store.require(Action.REFUND, forged)
    fake_owner = User(id=999, username="mallory", display_name="Mallory", role="owner")
    with pytest.raises(PermissionDenied):
        store.require(Action.DISCOUNT_ANY, Approval(fake_owner, Action.DISCOUNT_ANY, "f" * 32))


def test_genuine_token_cannot_be_reused_in_a_forged_approval(open_store):
    store = open_store("cashier")
    genuine = store.users.approve("pharmacist", PINS["pharmacist"], Action.DISCOUNT)
    owner = store.users.get(_user_id(store, "owner"))
    # Same token, but a different action and a more powerful user: not what the pharmacist approved.
    for forged in (Approval(genuine.user, Action.DISCOUNT_ANY, genuine.token),
                   Approval(owner, Action.DISCOUNT_ANY, genuine.token),
                   Approval(owner, Action.OVERRIDE_PRICE, genuine.token)):
        with pytest.raises(PermissionDenied):
            store.require(forged.action, forged)


def test_approvals_end_with_the_session(open_store):
    store = open_store("cashier")
    approval = store.users.approve("pharmacist", PINS["pharmacist"], Action.REFUND)
    store.logout()
    store.login("cashier", PINS["cashier"])
    with pytest.raises(PermissionDenied):
        store.require(Action.REFUND, approval)


def test_approvals_end_when_another_user_logs_in(open_store):
    store = open_store("cashier")
    approval = store.users.approve("pharmacist", PINS["pharmacist"], Action.REFUND)
    store.login("cashier", PINS["cashier"])                 # the same person unlocking the till: kept
    assert store.require(Action.REFUND, approval).role == "pharmacist"
    store.login("owner", PINS["owner"])
    store.login("cashier", PINS["cashier"])
    with pytest.raises(PermissionDenied):
        store.require(Action.REFUND, approval)


def test_approval_from_another_store_session_is_not_honoured(open_store):
    first = open_store("cashier")
    approval = first.users.approve("pharmacist", PINS["pharmacist"], Action.REFUND)
    second = open_store("cashier")
    with pytest.raises(PermissionDenied):
        second.require(Action.REFUND, approval)


def test_production_hasher_is_memory_hard_argon2id():
    from argon2 import Type

    from conftest import PRODUCTION_HASHER

    assert PRODUCTION_HASHER.type is Type.ID
    assert PRODUCTION_HASHER.time_cost >= 3 and PRODUCTION_HASHER.memory_cost >= 64 * 1024


def test_a_pin_cannot_be_removed_by_setting_none(store):
    with pytest.raises(ValidationError):
        store.users.set_pin(store.user.id, None)
