"""Issue 17 item 6: the same phone number in other digits or with a country code is the same number, and a
member's name cannot carry control characters, terminal escapes or text-direction overrides."""

from __future__ import annotations

import logging

import pytest

from pharmadesk.core.members import normalize_phone
from pharmadesk.db.migrate import migrate, schema_version
from pharmadesk.errors import ValidationError
from conftest import table_snapshot

MOBILE = "13800138000"
SPELLINGS = [
    "１３８００１３８０００",                # full-width digits
    "١٣٨٠٠١٣٨٠٠٠",                          # Arabic-Indic digits
    "۱۳۸۰۰۱۳۸۰۰۰",                          # Extended Arabic-Indic (Persian) digits
    "+86 138-0013-8000",
    "0086 138 0013 8000",
    "＋８６ （１３８） ００１３ ８０００",     # full-width plus, brackets and digits
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_is_one_stored_form(spelling):
    assert normalize_phone(spelling) == MOBILE


def test_country_codes_other_than_a_chinese_mobile_are_kept():
    assert normalize_phone("+86 10 6552 9988") == "+861065529988"        # a Beijing landline keeps +86
    assert normalize_phone("0049 30 1234567") == "+49301234567"          # 00 is the international prefix
    assert normalize_phone("(010) 6552-9988") == "01065529988"
    for bad in ("138-CALL-NOW", "١٣٨x", "+", "\u202e13800138000"):
        with pytest.raises(ValidationError):
            normalize_phone(bad)


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_the_same_number_cannot_be_registered_twice(store, spelling):
    store.members.register("Mei Chen", MOBILE)
    other = store.members.register("Li Wei", "13900139000")
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="already exists"):
        store.members.register("Mei Again", spelling)
    with pytest.raises(ValidationError, match="already has that phone"):
        store.members.update(other, phone=spelling)
    assert table_snapshot(store) == before


def test_lookup_and_search_by_phone_in_other_digits(store, open_store):
    member = store.members.register("Mei Chen", "١٣٨٠٠١٣٨٠٠٠")
    assert store.members.get(member).phone == MOBILE
    assert store.members.by_phone("１３８ ００１３ ８０００").id == member
    assert [m.id for m in store.members.search("８０００")] == [member]
    assert [m.id for m in store.members.search("+86 138 0013 8000")] == [member]
    cashier = open_store("cashier")
    assert [m.id for m in cashier.members.search("١٣٨٠٠١٣٨٠٠٠")] == [member]    # a whole number they know


def test_import_refuses_the_same_number_in_other_digits(store, tmp_path):
    store.members.register("Mei Chen", MOBILE)
    path = tmp_path / "members.csv"
    path.write_text("name,phone\nMei Copy,１３８００１３８０００\nAnna,13900139000\nAnna Copy,١٣٩٠٠١٣٩٠٠٠\n",
                    encoding="utf-8")
    report = store.imports.csv("members", path, skip_invalid=True)
    assert report.imported == 1
    assert [(e.line, e.column) for e in report.errors] == [(2, "phone"), (4, "phone")]
    assert store.members.count() == 2


HOSTILE_NAMES = [
    "Mei\u202eneT nehC",            # right-to-left override
    "Mei \u2066Chen\u2069",         # isolates
    "Mei\x1b[31mChen",              # a terminal escape sequence
    "Mei\u009b31mChen",             # the C1 form of the same
    "Mei\nChen",
    "Mei\tChen",
    "Mei\x00Chen",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_names_with_controls_or_direction_overrides_are_refused(store, name):
    member = store.members.register("Mei Chen", MOBILE)
    before = table_snapshot(store)
    with pytest.raises(ValidationError) as refused:
        store.members.register(name, "13900139000")
    assert refused.value.message == "A name cannot contain control characters or text-direction codes."
    with pytest.raises(ValidationError):
        store.members.update(member, name=name)
    assert table_snapshot(store) == before


def test_names_keep_their_text(store):
    for name in ("陈美", "Crème Brûlée-Åström", "Zoë O'Neil", "محمد", "Ｍｅｉ"):
        member = store.members.register(name, normalize_phone(f"1390013{len(name):04d}"))
        assert store.members.get(member).name == name     # stored as typed, not NFKC'd


def test_migration_normalises_stored_phones_and_reports_collisions(store, caplog):
    """Rows stored before the rule: normalised in place; two rows that become one number do not crash the
    upgrade, the later keeps its phone and the pair is logged by member number only."""
    first = store.members.register("Mei Chen", "13800138001")
    second = store.members.register("Mei Twice", "13800138002")
    third = store.members.register("Li Wei", "13900139000")
    with store.db.transaction():                   # as an older version stored them
        store.db.execute("UPDATE members SET phone = '+8613800138001' WHERE id = ?", (first,))
        store.db.execute("UPDATE members SET phone = '１３８００１３８００１' WHERE id = ?", (second,))
        store.db.execute("UPDATE members SET phone = '١٣٩٠٠١٣٩٠٠٠' WHERE id = ?", (third,))
    store.db.execute("PRAGMA user_version = 11")
    with caplog.at_level(logging.WARNING, logger="pharmadesk.core.members"):
        assert migrate(store.db, target=12) == [12]
    assert schema_version(store.db) == 12
    phones = dict(store.db.execute("SELECT id, phone FROM members WHERE id IN (?, ?, ?)", (first, second, third)))
    assert phones == {first: "13800138001", second: "１３８００１３８００１", third: "13900139000"}
    message = "\n".join(record.getMessage() for record in caplog.records)
    assert f"member {second} = member {first}" in message
    assert "138" not in message and "Mei" not in message
