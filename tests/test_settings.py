"""Typed store settings (pharmadesk/core/settings.py): defaults, types, ranges, choices, fresh reads."""

from __future__ import annotations

import dataclasses

import pytest

from pharmadesk.core.settings import FIELDS, StoreSettings, default_values, parse_setting
from pharmadesk.errors import PermissionDenied, ValidationError

from conftest import table_snapshot


def test_every_field_has_a_type_a_doc_and_a_spec_that_fits_its_default():
    for name, spec in FIELDS.items():
        assert spec.type in ("str", "int"), name
        assert spec.metadata["doc"].endswith("."), name
        if spec.type == "int":
            low, high = spec.metadata["range"]
            assert low <= spec.default <= high, name
        assert parse_setting(name, spec.default) == str(spec.default)
        if "choices" in spec.metadata:
            assert spec.default in spec.metadata["choices"], name


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        StoreSettings().language = "zh_CN"


def test_a_new_store_starts_with_the_defaults(store):
    current = store.settings
    assert isinstance(current.idle_lock_minutes, int)
    assert dataclasses.replace(current, store_name=StoreSettings().store_name) == StoreSettings()
    stored = dict(store.db.execute("SELECT key, value FROM settings").fetchall())
    assert {k: v for k, v in stored.items() if k in FIELDS and k != "store_name"} == {
        k: v for k, v in default_values().items() if k != "store_name"}


def test_store_id_stays_internal(store):
    assert "store_id" not in FIELDS
    assert store.db.scalar("SELECT value FROM settings WHERE key = 'store_id'") == store.store_id


def test_values_are_typed_and_checked(store):
    store.set_setting("near_expiry_days", " 60 ")
    store.set_setting("idle_lock_minutes", 12)
    store.set_setting("headoffice_schedule", "daily")
    current = store.settings
    assert (current.near_expiry_days, current.idle_lock_minutes, current.headoffice_schedule) == (60, 12, "daily")
    assert current.text("near_expiry_days") == "60"
    before = table_snapshot(store)
    for name, value in [("near_expiry_days", "0"), ("near_expiry_days", "731"), ("idle_lock_minutes", "ten"),
                        ("discount_threshold_pct", 2.5), ("language", "fr"), ("headoffice_schedule", "weekly"),
                        ("store_id", "another"), ("no_such_setting", "1")]:
        with pytest.raises(ValidationError):
            store.set_setting(name, value)
    assert table_snapshot(store) == before


def test_changing_a_setting_needs_the_permission(open_store):
    cashier = open_store("cashier")
    with pytest.raises(PermissionDenied):
        cashier.set_setting("near_expiry_days", "60")
    assert cashier.settings.near_expiry_days == StoreSettings().near_expiry_days


def test_a_change_through_another_connection_shows_at_once(open_store):
    till, office = open_store("cashier"), open_store("owner")
    assert till.settings.discount_threshold_pct == 10
    office.set_setting("discount_threshold_pct", "25")
    assert till.settings.discount_threshold_pct == 25
