"""The SQLCipher connection: encrypted at rest, WAL + synchronous=FULL + foreign keys, atomic transactions."""

from __future__ import annotations

import sqlite3

import pytest

from pharmadesk.db import keys
from pharmadesk.db.connection import DB_FILE_NAME, Database, IntegrityError, _key_pragma, connect
from pharmadesk.errors import StoreCorrupt, ValidationError, WrongPassphrase
from pharmadesk.core.store import Store

from conftest import FAST_KDF, PASSPHRASE, PASSWORDS


def _all_store_bytes(directory) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(directory.iterdir()) if p.name.startswith(DB_FILE_NAME))


def test_file_on_disk_is_encrypted(open_store, store_dir):
    store = open_store("owner")
    store.members.register("Quentin Zimmerbaum", "+86 139 1234 5678")
    store.catalog.add_product(barcode="SECRETCODE1", name="Zanzibarol Forte", category="otc", legal_class="otc",
                              price=999)
    store.close()  # checkpoints the WAL into the main file
    raw = (store_dir / DB_FILE_NAME).read_bytes()
    assert len(raw) > 4096
    assert not raw.startswith(b"SQLite format 3")
    everything = _all_store_bytes(store_dir)
    for plaintext in (b"SQLite format 3", b"Paracetamol", b"Zanzibarol", b"Zimmerbaum", b"13912345678",
                      b"CREATE TABLE", b"audit_log", b"MedSupply"):
        assert plaintext not in everything, plaintext


def test_plain_sqlite_cannot_read_the_store(store_dir):
    conn = sqlite3.connect(store_dir / DB_FILE_NAME)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def test_connection_pragmas(store):
    assert store.db.scalar("PRAGMA journal_mode") == "wal"
    assert store.db.scalar("PRAGMA synchronous") == 2          # FULL
    assert store.db.scalar("PRAGMA foreign_keys") == 1
    assert store.db.scalar("PRAGMA busy_timeout") >= 1000
    assert store.db.scalar("PRAGMA cipher_version")            # really SQLCipher


def test_foreign_keys_are_enforced(store):
    with pytest.raises(IntegrityError):
        store.db.execute("INSERT INTO sale_lines (sale_id, product_id, quantity, unit_price, line_total) "
                         "VALUES (999, 1, 1, 1, 1)")


def test_wrong_key_and_not_a_database(tmp_path, store_dir):
    with pytest.raises(WrongPassphrase):
        connect(store_dir / DB_FILE_NAME, keys.new_database_key())
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StoreCorrupt):
        connect(junk, None)


def test_key_must_be_32_bytes():
    with pytest.raises(ValueError):
        _key_pragma(b"short")
    assert _key_pragma(b"\x01" * 32) == "PRAGMA key = \"x'" + "01" * 32 + "'\""


def test_open_missing_store(tmp_path):
    with pytest.raises(StoreCorrupt):
        Store.open(tmp_path / "nothing-here", passphrase=PASSPHRASE, use_keyring=False)


def test_create_refuses_an_existing_store(store_dir):
    with pytest.raises(ValidationError):
        Store.create(store_dir, passphrase=PASSPHRASE, store_name="again", owner_username="owner",
                     owner_name="O", owner_password=PASSWORDS["owner"], use_keyring=False, kdf=FAST_KDF)


def test_integrity_check_of_a_healthy_store(store):
    assert store.db.integrity_problems() == []


# -- transactions ---------------------------------------------------------------------------------------


def _settings(db: Database) -> dict:
    return dict(db.execute("SELECT key, value FROM settings").fetchall())


def test_transaction_commits(store):
    with store.db.transaction():
        assert store.db.in_transaction
        store.db.execute("INSERT INTO settings (key, value) VALUES ('t1', 'a')")
    assert not store.db.in_transaction
    assert _settings(store.db)["t1"] == "a"


def test_transaction_rolls_back_on_error(store):
    before = _settings(store.db)
    with pytest.raises(RuntimeError):
        with store.db.transaction():
            store.db.execute("INSERT INTO settings (key, value) VALUES ('t2', 'a')")
            store.db.execute("UPDATE settings SET value = 'changed' WHERE key = 'store_name'")
            raise RuntimeError("boom")
    assert _settings(store.db) == before
    assert not store.db.conn.in_transaction


def test_nested_transaction_is_a_savepoint(store):
    with store.db.transaction():
        store.db.execute("INSERT INTO settings (key, value) VALUES ('outer', '1')")
        with pytest.raises(RuntimeError):
            with store.db.transaction():
                store.db.execute("INSERT INTO settings (key, value) VALUES ('inner', '1')")
                raise RuntimeError("inner fails")
        store.db.execute("INSERT INTO settings (key, value) VALUES ('after', '1')")
    settings = _settings(store.db)
    assert "outer" in settings and "after" in settings and "inner" not in settings


def test_outer_failure_undoes_committed_inner_block(store):
    before = _settings(store.db)
    with pytest.raises(RuntimeError):
        with store.db.transaction():
            with store.db.transaction():
                store.db.execute("INSERT INTO settings (key, value) VALUES ('inner', '1')")
            raise RuntimeError("outer fails")
    assert _settings(store.db) == before


def test_committed_data_survives_reopen(open_store, store_dir, template_store):
    store = open_store("owner")
    store.set_setting("store_name", "Renamed Pharmacy")
    store.close()
    again = Store.open(store_dir, key=template_store[1], use_keyring=False)
    try:
        assert again.settings.store_name == "Renamed Pharmacy"
    finally:
        again.close()
