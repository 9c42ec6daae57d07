"""Transactions really roll back: a failed use case writes nothing and its own error surfaces.

``.ci/run`` runs this file a second time under the oldest database driver pyproject allows.
"""

from __future__ import annotations

import pytest

from pharmadesk.db.connection import IntegrityError
from pharmadesk.errors import ValidationError

from conftest import table_snapshot


class Boom(Exception):
    """The error a use case hits after it has written some rows."""


def test_failed_member_update_writes_nothing_and_keeps_its_error(store, monkeypatch):
    member_id = store.members.register("Ada Test", "13900000001")
    before = table_snapshot(store)

    def fail(*_args, **_kwargs):
        raise Boom("audit failed")

    monkeypatch.setattr(store.audit, "record", fail)   # after the UPDATE and the history rows
    with pytest.raises(Boom):
        store.members.update(member_id, name="Ada Changed", phone="13900000002")
    assert not store.db.conn.in_transaction
    assert table_snapshot(store) == before


def test_failed_product_update_writes_nothing(store, monkeypatch):
    product = store.catalog.products()[0]
    before = table_snapshot(store)
    monkeypatch.setattr(store.audit, "record", lambda *a, **k: (_ for _ in ()).throw(Boom("late failure")))
    with pytest.raises(Boom):
        store.catalog.update_product(product.id, name="Renamed", generic_name="renamed")
    assert table_snapshot(store) == before


def test_csv_import_with_a_bad_second_row_writes_nothing(store, tmp_path):
    first, second = store.catalog.products()[:2]
    path = tmp_path / "products.csv"
    path.write_text("barcode,name,category,legal_class,price\n"   # a valid update, then a price that breaks a rule
                    f"{first.barcode},Changed by the first row,{first.category},{first.legal_class},12.34\n"
                    f"{second.barcode},Second row,{second.category},{second.legal_class},-5\n", encoding="utf-8")
    before = table_snapshot(store)
    report = store.imports.csv("products", path)
    assert not report.applied and report.imported == 0 and [e.line for e in report.errors] == [3]
    assert not store.db.conn.in_transaction
    assert table_snapshot(store) == before


def test_rows_written_then_a_constraint_fails_roll_back_together(store):
    first, second = store.catalog.products()[:2]
    before = table_snapshot(store)
    with pytest.raises(IntegrityError):
        with store.db.transaction():
            store.db.update("products", first.id, {"name": "Half written"})
            store.db.update("products", second.id, {"barcode": first.barcode})   # UNIQUE
    assert table_snapshot(store) == before


def test_error_after_sqlite_ended_the_transaction_is_not_hidden(store):
    """If SQLite already rolled back (e.g. RAISE(ROLLBACK)), the block's own error surfaces, not 'no transaction'."""
    with pytest.raises(ValidationError):
        with store.db.transaction():
            with store.db.transaction():
                store.db.execute("ROLLBACK")
                raise ValidationError("kept")
    assert not store.db.in_transaction
    with store.db.transaction():        # the connection is usable again
        store.db.execute("SELECT 1")


def test_failed_commit_is_rolled_back(store):
    product = store.catalog.products()[0]
    before = table_snapshot(store)
    with pytest.raises(IntegrityError):
        with store.db.transaction():
            store.db.execute("PRAGMA defer_foreign_keys = ON")    # the foreign key is checked only at COMMIT
            store.db.update("products", product.id, {"name": "Never committed"})
            store.db.execute("INSERT INTO sale_lines (sale_id, product_id, quantity, unit_price, line_total) "
                             "VALUES (999999, ?, 1, 1, 1)", (product.id,))
    assert not store.db.conn.in_transaction
    assert table_snapshot(store) == before
    with store.db.transaction():        # and the next use case can start
        store.db.update("products", product.id, {"name": "Written later"})
    assert store.catalog.get(product.id).name == "Written later"
