"""Numbered migrations: user_version is the schema version; upgrades are atomic; newer stores are refused."""

from __future__ import annotations

import uuid

import pytest
from argon2 import PasswordHasher

import pharmadesk.db.migrate as migrate_module
from pharmadesk.db import keys
from pharmadesk.db.connection import DB_FILE_NAME, Database, connect
from pharmadesk.db.migrate import available_migrations, latest_version, migrate, schema_version
from pharmadesk.errors import StoreCorrupt
from pharmadesk.core.store import Store

from conftest import FAST_KDF, PASSPHRASE, dir_hashes

NOW = "2024-03-01T09:00:00.000000+00:00"


def _tables(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _store_at_version_1(directory):
    """A store as the first release made it: schema 1 only, with some data in it."""
    directory.mkdir(parents=True)
    store_id = str(uuid.uuid4())
    key = keys.new_database_key()
    keys.write_key_file(directory, keys.wrap_key(key, PASSPHRASE, store_id, FAST_KDF))
    db = Database(connect(directory / DB_FILE_NAME, key), directory / DB_FILE_NAME)
    assert migrate(db, target=1) == [1]
    assert schema_version(db) == 1
    assert "stocktakes" not in _tables(db)
    with db.transaction():
        for name, value in {"store_id": store_id, "store_name": "Old Pharmacy", "currency": "CNY"}.items():
            db.insert("settings", {"key": name, "value": value})
        db.insert("users", {"id": 1, "username": "owner", "display_name": "Old Owner", "role": "owner",
                            "password_hash": PasswordHasher().hash("old-owner-pass"), "created_at": NOW})
        db.insert("suppliers", {"id": 1, "name": "Old Supplier"})
        db.insert("products", {"id": 1, "barcode": "4006381333931", "name": "Old Aspirin", "category": "otc",
                               "legal_class": "otc", "price": 500, "created_at": NOW, "updated_at": NOW})
        db.insert("batches", {"id": 1, "product_id": 1, "batch_no": "A1", "expiry": "2099-01-01", "unit_cost": 200,
                              "supplier_id": 1, "received_qty": 7, "on_hand": 7})
        db.insert("stock_moves", {"at": NOW, "batch_id": 1, "product_id": 1, "quantity": 7, "reason": "receipt"})
    db.close()
    return key


def test_migrations_are_numbered_without_gaps():
    found = available_migrations()
    assert [v for v, _, _ in found] == list(range(1, len(found) + 1))
    assert latest_version() == len(found) >= 2
    assert all(name.startswith(f"{v:04d}_") and name.endswith(".sql") for v, name, _ in found)


def test_new_store_is_at_the_latest_version(store):
    assert schema_version(store.db) == latest_version()
    assert store.db.scalar("PRAGMA user_version") == latest_version()
    assert store.info()["schema_version"] == latest_version()
    assert migrate(store.db) == []   # nothing left to do


def test_open_upgrades_an_old_store_and_keeps_its_data(tmp_path):
    directory = tmp_path / "old"
    key = _store_at_version_1(directory)
    store = Store.open(directory, key=key, use_keyring=False)
    try:
        assert schema_version(store.db) == latest_version()
        assert {"stocktakes", "stocktake_counts"} <= _tables(store.db)
        assert store.settings.store_name == "Old Pharmacy"
        store.login("owner", "old-owner-pass")            # the catalogue and stock are read after login only
        assert store.catalog.get(1).name == "Old Aspirin"
        assert store.stock.on_hand(1) == 7
        assert store.stock.verify_ledger() == []
        stocktake = store.stock.start_stocktake()     # the new tables work
        store.stock.record_count(stocktake, 1, 6)
        assert store.stock.post_stocktake(stocktake) == 1
        assert store.stock.on_hand(1) == 6
    finally:
        store.close()


def test_failing_migration_rolls_back_completely(tmp_path, monkeypatch):
    directory = tmp_path / "old"
    key = _store_at_version_1(directory)
    real = available_migrations()
    version2, name2, sql2 = real[1]
    broken = [real[0], (version2, name2, sql2 + "\nCREATE TABLE half_done (id INTEGER);\n"
                                         "INSERT INTO no_such_table VALUES (1);\n")]
    monkeypatch.setattr(migrate_module, "available_migrations", lambda: broken)
    with pytest.raises(Exception):
        Store.open(directory, key=key, use_keyring=False)
    monkeypatch.undo()
    db = Database(connect(directory / DB_FILE_NAME, key))
    try:
        assert schema_version(db) == 1
        tables = _tables(db)
        assert "stocktakes" not in tables and "half_done" not in tables
        assert db.scalar("SELECT name FROM products WHERE id = 1") == "Old Aspirin"
        assert not db.conn.in_transaction
    finally:
        db.close()
    # The store is not stuck: the real migrations still apply.
    store = Store.open(directory, key=key, use_keyring=False)
    assert schema_version(store.db) == latest_version()
    store.close()


def test_failing_later_migration_keeps_the_earlier_ones(store_dir, template_store, monkeypatch):
    _dir, key, _ids = template_store
    broken = available_migrations() + [
        (latest_version() + 1, "9999_broken.sql", "CREATE TABLE partial (id INTEGER);\nSELECT * FROM nowhere;")]
    monkeypatch.setattr(migrate_module, "available_migrations", lambda: broken)
    with pytest.raises(Exception):
        Store.open(store_dir, key=key, use_keyring=False)
    monkeypatch.undo()
    store = Store.open(store_dir, key=key, use_keyring=False)
    try:
        assert schema_version(store.db) == latest_version()
        assert "partial" not in _tables(store.db)
        assert store.stock.verify_ledger() == []
    finally:
        store.close()


def test_store_from_a_newer_version_is_refused(store_dir, template_store):
    _dir, key, _ids = template_store
    db = Database(connect(store_dir / DB_FILE_NAME, key))
    db.execute(f"PRAGMA user_version = {latest_version() + 1}")
    db.close()
    before = dir_hashes(store_dir)
    with pytest.raises(StoreCorrupt) as info:
        Store.open(store_dir, key=key, use_keyring=False)
    assert "newer PharmaDesk" in info.value.message
    # Refused before touching anything: the file stays as the newer program left it.
    db = Database(connect(store_dir / DB_FILE_NAME, key))
    try:
        assert schema_version(db) == latest_version() + 1
    finally:
        db.close()
    assert set(dir_hashes(store_dir)) >= {DB_FILE_NAME, keys.KEY_FILE_NAME}
    assert dir_hashes(store_dir)[keys.KEY_FILE_NAME] == before[keys.KEY_FILE_NAME]
