"""The database key: random, wrapped by Argon2id + ChaCha20-Poly1305, found in the keyring or via the passphrase."""

from __future__ import annotations

import base64
import json
from dataclasses import replace

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

from conftest import FAST_KDF, PASSPHRASE, PASSWORDS, dir_hashes
from pharmadesk import env
from pharmadesk.db import keys
from pharmadesk.db.connection import DB_FILE_NAME
from pharmadesk.errors import PermissionDenied, StoreLockedError, ValidationError, WrongPassphrase
from pharmadesk.core.store import Store

NEW_PASSPHRASE = "a brand new recovery phrase"

# Settle keyring's own backend choice now: every KeyringBackend subclass registers itself, and
# keyring would otherwise pick the test's MemoryKeyring below as this machine's default backend.
_MACHINE_BACKEND = keyring.get_keyring()


class MemoryKeyring(KeyringBackend):
    """A working OS credential store, in memory, for tests."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.secrets:
            raise PasswordDeleteError("not found")
        del self.secrets[(service, username)]


@pytest.fixture(autouse=True)
def no_keyring():
    """Every test starts where a headless box is: keyring's 'fail' backend (and never a developer's real one)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_env_passphrase(monkeypatch):
    monkeypatch.delenv(env.PASSPHRASE, raising=False)


def _create(directory, use_keyring=False):
    return Store.create(directory, passphrase=PASSPHRASE, store_name="Key Test", owner_username="owner",
                        owner_name="Olivia Owner", owner_password=PASSWORDS["owner"], use_keyring=use_keyring,
                        kdf=FAST_KDF)


# -- the key and its wrapping -------------------------------------------------------------------------


def test_database_key_is_32_random_bytes():
    first, second = keys.new_database_key(), keys.new_database_key()
    assert isinstance(first, bytes) and len(first) == 32 and len(second) == 32
    assert first != second


def test_wrap_unwrap_round_trip_and_key_file_format(tmp_path):
    key = keys.new_database_key()
    wrapped = keys.wrap_key(key, PASSPHRASE, "store-1", FAST_KDF)
    assert len(wrapped.salt) == 16 and len(wrapped.nonce) == 12
    assert len(wrapped.wrapped_key) == 32 + 16          # ciphertext + Poly1305 tag
    assert key not in wrapped.wrapped_key
    keys.write_key_file(tmp_path, wrapped)
    text = (tmp_path / keys.KEY_FILE_NAME).read_text()
    data = json.loads(text)
    assert data["kdf"] == {"name": "argon2id", **FAST_KDF}
    assert data["aead"] == "chacha20poly1305"
    assert data["store_id"] == "store-1"
    # The clear key appears nowhere in the file, in any usual encoding.
    assert key.hex() not in text and base64.b64encode(key).decode() not in text
    assert [p.name for p in tmp_path.iterdir()] == [keys.KEY_FILE_NAME]   # no temporary file left behind
    assert keys.unwrap_key(keys.read_key_file(tmp_path), PASSPHRASE) == key


def test_default_kdf_is_memory_hard_argon2id():
    assert keys.DEFAULT_KDF["memory_cost"] >= 64 * 1024
    assert keys.DEFAULT_KDF["time_cost"] >= 3


def test_two_wrappings_of_one_key_use_fresh_salt_and_nonce():
    key = keys.new_database_key()
    a = keys.wrap_key(key, PASSPHRASE, "s", FAST_KDF)
    b = keys.wrap_key(key, PASSPHRASE, "s", FAST_KDF)
    assert a.salt != b.salt and a.nonce != b.nonce and a.wrapped_key != b.wrapped_key


def test_wrong_passphrase_is_refused_with_a_clear_message():
    wrapped = keys.wrap_key(keys.new_database_key(), PASSPHRASE, "store-1", FAST_KDF)
    with pytest.raises(WrongPassphrase) as info:
        keys.unwrap_key(wrapped, PASSPHRASE + "x")
    assert "passphrase is not correct" in info.value.message
    assert "Nothing was changed" in info.value.message


def test_swapped_store_id_fails_authentication():
    key = keys.new_database_key()
    wrapped = keys.wrap_key(key, PASSPHRASE, "store-A", FAST_KDF)
    with pytest.raises(WrongPassphrase):
        keys.unwrap_key(replace(wrapped, store_id="store-B"), PASSPHRASE)
    assert keys.unwrap_key(wrapped, PASSPHRASE) == key


def test_tampered_wrapped_key_fails_authentication():
    wrapped = keys.wrap_key(keys.new_database_key(), PASSPHRASE, "s", FAST_KDF)
    flipped = bytes([wrapped.wrapped_key[0] ^ 1]) + wrapped.wrapped_key[1:]
    with pytest.raises(WrongPassphrase):
        keys.unwrap_key(replace(wrapped, wrapped_key=flipped), PASSPHRASE)


def test_key_file_with_swapped_store_id_cannot_open_the_store(store_dir, no_env_passphrase):
    key_file = keys.read_key_file(store_dir)
    (store_dir / keys.KEY_FILE_NAME).write_text(replace(key_file, store_id="someone-elses-store").to_json())
    before = dir_hashes(store_dir)
    with pytest.raises(WrongPassphrase):
        Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False)
    assert dir_hashes(store_dir) == before


def test_passphrase_strength():
    with pytest.raises(ValidationError):
        keys.check_passphrase_strength("short")
    with pytest.raises(ValidationError):
        keys.check_passphrase_strength("")
    keys.check_passphrase_strength("x" * keys.MIN_PASSPHRASE_LENGTH)


def test_store_create_refuses_a_weak_passphrase(tmp_path):
    with pytest.raises(ValidationError):
        Store.create(tmp_path / "s", passphrase="short", store_name="x", owner_username="owner",
                     owner_name="O", owner_password=PASSWORDS["owner"], use_keyring=False, kdf=FAST_KDF)
    assert not (tmp_path / "s" / DB_FILE_NAME).exists()


def test_missing_or_damaged_key_file(tmp_path):
    with pytest.raises(StoreLockedError, match="missing"):
        keys.read_key_file(tmp_path)
    (tmp_path / keys.KEY_FILE_NAME).write_text("{not json")
    with pytest.raises(StoreLockedError, match="damaged"):
        keys.read_key_file(tmp_path)
    (tmp_path / keys.KEY_FILE_NAME).write_text('{"format": 1}')
    with pytest.raises(StoreLockedError, match="damaged"):
        keys.read_key_file(tmp_path)


# -- unlocking a store --------------------------------------------------------------------------------


def test_without_a_keyring_backend_nothing_is_kept():
    # A headless box has keyring's 'fail' backend: the passphrase path must carry the day.
    assert keys.keyring_available() is False
    assert keys.save_key_in_keyring("x", keys.new_database_key()) is False
    assert keys.key_from_keyring("x") is None


def test_without_keyring_or_passphrase_the_store_asks(store_dir, no_env_passphrase):
    with pytest.raises(StoreLockedError) as info:
        Store.open(store_dir)
    assert not isinstance(info.value, WrongPassphrase)
    assert "passphrase" in info.value.message


def test_passphrase_unlocks_without_keyring(store_dir, ids, no_env_passphrase):
    store = Store.open(store_dir, passphrase=PASSPHRASE)
    try:
        assert store.db.scalar("SELECT name FROM products WHERE id = ?", (ids.otc,)) == "Paracetamol 500mg"
    finally:
        store.close()


def test_passphrase_from_environment(store_dir, ids, monkeypatch):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    store = Store.open(store_dir)
    try:
        assert store.db.scalar("SELECT name FROM products WHERE id = ?", (ids.rx,)) == "Ramipril 5mg"
    finally:
        store.close()


def test_wrong_passphrase_from_environment(store_dir, monkeypatch):
    monkeypatch.setenv(env.PASSPHRASE, "not the passphrase at all")
    before = dir_hashes(store_dir)
    with pytest.raises(WrongPassphrase):
        Store.open(store_dir)
    assert dir_hashes(store_dir) == before


def test_wrong_passphrase_changes_no_byte_of_the_store(store_dir, no_env_passphrase):
    before = dir_hashes(store_dir)
    assert DB_FILE_NAME in before and keys.KEY_FILE_NAME in before
    with pytest.raises(WrongPassphrase) as info:
        Store.open(store_dir, passphrase="this is the wrong passphrase", use_keyring=False)
    assert "not correct" in info.value.message
    assert dir_hashes(store_dir) == before


def test_wrong_raw_key_changes_no_byte_of_the_store(store_dir):
    before = dir_hashes(store_dir)
    with pytest.raises(WrongPassphrase):
        Store.open(store_dir, key=keys.new_database_key(), use_keyring=False)
    assert dir_hashes(store_dir) == before


def test_keyring_backend_keeps_the_key_so_no_passphrase_is_needed(tmp_path, memory_keyring, no_env_passphrase):
    assert keys.keyring_available()
    directory = tmp_path / "kr"
    store = _create(directory, use_keyring=True)
    store_id = store.store_id
    store.close()
    saved = memory_keyring.secrets[(keys.KEYRING_SERVICE, store_id)]
    key = keys.unwrap_key(keys.read_key_file(directory), PASSPHRASE)
    assert bytes.fromhex(saved) == key
    reopened = Store.open(directory)            # no passphrase anywhere: the keyring has the key
    try:
        assert reopened.store_id == store_id
        assert reopened.settings.store_name == "Key Test"
    finally:
        reopened.close()


def test_opening_with_passphrase_remembers_the_key_in_the_keyring(store_dir, template_store, memory_keyring,
                                                                   no_env_passphrase):
    _dir, key, _ids = template_store
    store_id = keys.read_key_file(store_dir).store_id
    assert keys.key_from_keyring(store_id) is None
    Store.open(store_dir, passphrase=PASSPHRASE).close()
    assert keys.key_from_keyring(store_id) == key
    Store.open(store_dir).close()
    keys.forget_key_in_keyring(store_id)
    assert keys.key_from_keyring(store_id) is None
    with pytest.raises(StoreLockedError):
        Store.open(store_dir)


def test_use_keyring_false_neither_reads_nor_writes_the_keyring(store_dir, memory_keyring, no_env_passphrase):
    Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False).close()
    assert memory_keyring.secrets == {}


def test_garbage_in_the_keyring_is_ignored(store_dir, memory_keyring, no_env_passphrase):
    store_id = keys.read_key_file(store_dir).store_id
    memory_keyring.secrets[(keys.KEYRING_SERVICE, store_id)] = "not hex"
    assert keys.key_from_keyring(store_id) is None
    memory_keyring.secrets[(keys.KEYRING_SERVICE, store_id)] = "ab" * 16      # 16 bytes: wrong length
    assert keys.key_from_keyring(store_id) is None
    with pytest.raises(StoreLockedError):
        Store.open(store_dir)


# -- changing the passphrase --------------------------------------------------------------------------


def test_change_passphrase_rewraps_without_reencrypting(open_store, store_dir, template_store, no_env_passphrase):
    _dir, key, _ids = template_store
    store = open_store("owner")
    db_before = dir_hashes(store_dir)[DB_FILE_NAME]
    key_file_before = (store_dir / keys.KEY_FILE_NAME).read_text()
    store.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert dir_hashes(store_dir)[DB_FILE_NAME] == db_before          # the database file was not rewritten
    assert (store_dir / keys.KEY_FILE_NAME).read_text() != key_file_before
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'passphrase.change'") == 1
    store.close()
    assert keys.unwrap_key(keys.read_key_file(store_dir), NEW_PASSPHRASE) == key   # same database key
    with pytest.raises(WrongPassphrase):
        Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False)
    reopened = Store.open(store_dir, passphrase=NEW_PASSPHRASE, use_keyring=False)
    reopened.close()
    Store.open(store_dir, key=key, use_keyring=False).close()                      # the raw key still opens it


def test_change_passphrase_with_wrong_old_passphrase_changes_nothing(open_store, store_dir):
    store = open_store("owner")
    key_file_before = (store_dir / keys.KEY_FILE_NAME).read_bytes()
    with pytest.raises(WrongPassphrase):
        store.change_passphrase("not the old passphrase", NEW_PASSPHRASE)
    assert (store_dir / keys.KEY_FILE_NAME).read_bytes() == key_file_before
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'passphrase.change'") == 0


def test_change_passphrase_rules(open_store, store_dir):
    store = open_store("owner")
    key_file_before = (store_dir / keys.KEY_FILE_NAME).read_bytes()
    with pytest.raises(ValidationError):
        store.change_passphrase(PASSPHRASE, "short")
    store.login("pharmacist", PASSWORDS["pharmacist"])
    with pytest.raises(PermissionDenied):
        store.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert (store_dir / keys.KEY_FILE_NAME).read_bytes() == key_file_before
