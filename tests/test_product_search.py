"""Finding a product by any word, by manufacturer, by pinyin initials and by Chinese characters; ranking;
the search keys kept current on create, update, import and upgrade (core/product_search.py, Catalog.search)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from argon2 import PasswordHasher

import pharmadesk.db.migrate as migrate_module
from pharmadesk.core.product_search import pinyin_initials, product_terms, query_words
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.store import Store
from pharmadesk.db import keys
from pharmadesk.db.connection import DB_FILE_NAME, Database, connect
from pharmadesk.db.migrate import available_migrations, latest_version, migrate, schema_version
from pharmadesk.errors import NotFound

from conftest import FAST_KDF, PASSPHRASE, table_snapshot

IBUPROFEN_SR = "布洛芬缓释胶囊"


def _add(store, barcode, name, **fields):
    values = {"barcode": barcode, "name": name, "category": "otc", "legal_class": "otc", "price": 1000}
    values.update(fields)
    return store.catalog.add_product(**values)


def _names(products):
    return [p.name for p in products]


# -- the search keys, without a database ---------------------------------------------------------------------


@pytest.mark.parametrize("text, initials", [
    (IBUPROFEN_SR, "blfhsjn"),
    ("999感冒灵颗粒", "999gmlkl"),
    ("板蓝根颗粒 10 g ×20 (Kangda)", "blgkl10g20kangda"),
    ("重庆小面", "cqxm"),          # a heteronym (重: zhong/chong) read as in its phrase
    ("银行", "yh"),                # 行: xing/hang
    ("Digital Thermometer", None),  # no Chinese: its words are found as they are
    ("", None),
    (None, None),
])
def test_pinyin_initials(text, initials):
    assert pinyin_initials(text) == initials


def test_terms_of_a_product():
    terms = product_terms("布洛芬缓释胶囊 300 mg", "ibuprofen", "Thermia Medical", "6901234567892")
    assert {"布洛芬缓释胶囊", "缓释胶囊", "blfhsjn", "hsjn", "buluofenhuanshijiaonang", "huanshijiaonang",
            "blfhsjn300mg", "300", "mg", "ibuprofen", "thermia", "medical", "6901234567892"} <= terms
    assert all(term == term.casefold() and len(term) <= 64 for term in terms)


def test_query_words():
    assert query_words("  Digital  THERMO-") == ["digital", "thermo"]
    assert query_words("布洛 blf") == ["布洛", "blf"]
    assert query_words("para para") == ["para"]
    assert query_words("&& !") == []


# -- search ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["thermo", "THERMOMETER", "Thermometer", "digital", "digital therm",
                                  "therm dig", "thermia", "Thermia Medical", "690000"])
def test_search_by_any_word_of_name_generic_or_manufacturer(store, text):
    _add(store, "6900000000014", "Digital Thermometer", generic_name="clinical thermometer",
         manufacturer="Thermia Medical", category="device")
    assert _names(store.catalog.search(text)) == ["Digital Thermometer"]


@pytest.mark.parametrize("text", ["ermo", "digital ear", "thermos", "medicals"])
def test_a_word_must_start_a_word(store, text):
    _add(store, "6900000000014", "Digital Thermometer", manufacturer="Thermia Medical", category="device")
    assert store.catalog.search(text) == []


def test_search_by_manufacturer(store, ids):
    store.catalog.update_product(ids.otc, manufacturer="Kangda Pharmaceutical")
    _add(store, "6900000000021", "Cold Relief (Huaxin)", manufacturer="Huaxin")
    assert _names(store.catalog.search("kangda")) == ["Paracetamol 500mg"]
    assert _names(store.catalog.search("pharmaceutical")) == ["Paracetamol 500mg"]
    assert _names(store.catalog.search("huaxin")) == ["Cold Relief (Huaxin)"]


@pytest.mark.parametrize("text", ["blf", "blfhs", "BLFHS", "blfhsjn", "hsjn", "布洛", "布洛芬缓释", "缓释", "胶囊",
                                  "buluofen", "huanshi", "ibup", "blf 300"])
def test_search_by_pinyin_initials_chinese_characters_and_full_pinyin(store, text):
    _add(store, "6900000000038", f"{IBUPROFEN_SR} 300 mg", generic_name="ibuprofen")
    _add(store, "6900000000045", "阿莫西林胶囊", generic_name="amoxicillin", legal_class="rx")
    found = store.catalog.search(text)
    assert _names(found)[0] == f"{IBUPROFEN_SR} 300 mg"
    if text not in ("胶囊",):
        assert len(found) == 1


def test_chinese_common_suffix_finds_both(store):
    _add(store, "6900000000038", IBUPROFEN_SR)
    _add(store, "6900000000045", "阿莫西林胶囊", legal_class="rx")
    assert sorted(_names(store.catalog.search("胶囊"))) == sorted([IBUPROFEN_SR, "阿莫西林胶囊"])
    assert sorted(_names(store.catalog.search("jn"))) == sorted([IBUPROFEN_SR, "阿莫西林胶囊"])
    assert _names(store.catalog.search("amx")) == ["阿莫西林胶囊"]


def _stock_and_sell(store, supplier, sales: dict[int, int]) -> None:
    today = store.today()
    store.stock.receive(supplier, [ReceiptLine(pid, f"B{pid}", today + timedelta(days=300), 50, 100)
                                   for pid in sales])
    for pid, units in sales.items():
        if units:
            price = store.catalog.get(pid).price
            store.sales.sell([CartLine(pid, units)], [Payment("cash", price * units)])


def test_ranking_whole_name_prefix_then_word_prefix_then_sales_then_name(store, ids):
    cup = _add(store, "6900000000052", "Thermo Cup", category="personal_care")
    ear = _add(store, "6900000000069", "Ear Thermometer", category="device")
    digital = _add(store, "6900000000076", "Digital Thermometer", category="device")
    band = _add(store, "6900000000083", "Band Thermometer", category="device")
    _stock_and_sell(store, ids.supplier, {cup: 0, ear: 5, digital: 1, band: 0})
    assert _names(store.catalog.search("thermo")) == [   # before the count: word matches by name
        "Thermo Cup", "Band Thermometer", "Digital Thermometer", "Ear Thermometer"]
    assert store.catalog.refresh_sales_rank() is True
    assert _names(store.catalog.search("thermo")) == [
        "Thermo Cup",                                   # the whole name starts with it, though it sold nothing
        "Ear Thermometer", "Digital Thermometer",       # a word starts with it: most sold first
        "Band Thermometer"]                             # no sales: by name
    assert [p.id for p in store.catalog.search("thermo", limit=2)] == [cup, ear]


def test_pinyin_initials_of_the_whole_name_rank_first(store):
    _add(store, "6900000000090", "小儿布洛芬栓")          # "blf" from its third character: a word match
    _add(store, "6900000000106", IBUPROFEN_SR)            # initials start with "blf": the whole name
    assert _names(store.catalog.search("blf")) == [IBUPROFEN_SR, "小儿布洛芬栓"]


def test_sales_rank_counts_90_days_and_refreshes_at_most_daily(store, ids, clock):
    _stock_and_sell(store, ids.supplier, {ids.otc: 3})
    assert store.catalog.refresh_sales_rank() is True
    assert store.db.all("SELECT product_id, units_90d FROM product_sales_rank") == [
        {"product_id": ids.otc, "units_90d": 3}]
    assert store.catalog.refresh_sales_rank(max_age_days=1) is False      # fresh: nothing recounted
    clock.advance(days=2)
    assert store.catalog.refresh_sales_rank(max_age_days=1) is True
    clock.advance(days=90)
    assert store.catalog.refresh_sales_rank() is True
    assert store.db.scalar("SELECT count(*) FROM product_sales_rank") == 0   # the sale is older than 90 days


def test_day_close_refreshes_the_sales_rank(store, ids):
    _stock_and_sell(store, ids.supplier, {ids.otc: 2})
    assert store.db.scalar("SELECT count(*) FROM product_sales_rank") == 0
    report = store.day_close.close_day(counted_cash=2500)
    assert "sales_rank" not in report.after_close and not report.after_close_errors
    assert store.db.scalar("SELECT units_90d FROM product_sales_rank WHERE product_id = ?", (ids.otc,)) == 2


def test_inactive_products_stay_hidden(store):
    pid = _add(store, "6900000000113", IBUPROFEN_SR)
    store.catalog.update_product(pid, active=False)
    assert store.catalog.search("blf") == []
    assert _names(store.catalog.search("blf", include_inactive=True)) == [IBUPROFEN_SR]


# -- what Enter does with text: Catalog.find -----------------------------------------------------------------


def test_find_by_exact_barcode_then_by_name(store, ids):
    assert [p.id for p in store.catalog.find("4006381333931")] == [ids.otc]
    assert [p.id for p in store.catalog.find("paracet")] == [ids.otc]
    assert store.catalog.find("  ") == []


def test_find_unknown_text_says_no_product_matches(store):
    before = table_snapshot(store)
    with pytest.raises(NotFound) as info:
        store.catalog.find("thermometer")
    assert info.value.message == "No product matches “thermometer”."
    assert info.value.template == "No product matches “{text}”."
    with pytest.raises(NotFound) as info:
        store.catalog.find("0000000000000")
    assert info.value.message == "No product has this barcode."
    assert table_snapshot(store) == before


# -- kept current: create, update, import, upgrade ------------------------------------------------------------


def _terms(store, product_id) -> set[str]:
    return {r["term"] for r in store.db.all("SELECT term FROM product_search_terms WHERE product_id = ?",
                                            (product_id,))}


def test_pinyin_generated_on_create_and_update(store):
    pid = _add(store, "6900000000120", IBUPROFEN_SR, manufacturer="Kangda")
    product = store.catalog.get(pid)
    assert (product.pinyin_initials, product.manufacturer) == ("blfhsjn", "Kangda")
    assert {"blfhsjn", "kangda", "6900000000120"} <= _terms(store, pid)

    store.catalog.update_product(pid, name="阿莫西林胶囊", manufacturer="Huaxin")
    assert store.catalog.get(pid).pinyin_initials == "amxljn"
    assert store.catalog.search("blf") == [] and store.catalog.search("kangda") == []
    assert [p.id for p in store.catalog.search("amxl")] == [pid]
    assert [p.id for p in store.catalog.search("huaxin")] == [pid]

    store.catalog.update_product(pid, name="Amoxicillin 500 mg")
    assert store.catalog.get(pid).pinyin_initials is None
    assert store.catalog.search("amxl") == []


def test_update_that_fails_leaves_the_search_keys(store, ids):
    before = table_snapshot(store)
    with pytest.raises(Exception):
        store.catalog.update_product(ids.otc, name=IBUPROFEN_SR, barcode="6901234567892")   # barcode taken
    assert table_snapshot(store) == before


def test_import_reads_manufacturer_and_generates_pinyin(store, tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("条码,品名,生产厂家,category,legal_class,售价\n"
                    f"6900000000137,{IBUPROFEN_SR},康达制药,otc,otc,18.00\n"
                    "6900000000144,Digital Thermometer,Thermia,device,otc,29.00\n", encoding="utf-8")
    report = store.imports.csv("products", path)
    assert report.applied and report.imported == 2, report.errors
    chinese = store.catalog.by_barcode("6900000000137")
    assert (chinese.manufacturer, chinese.pinyin_initials) == ("康达制药", "blfhsjn")
    assert [p.barcode for p in store.catalog.search("kdzy")] == ["6900000000137"]     # the maker's initials
    assert [p.barcode for p in store.catalog.search("thermia")] == ["6900000000144"]
    # An update through the import keeps the keys current too.
    path.write_text("barcode,name,manufacturer,category,legal_class,price\n"
                    "6900000000144,Digital Thermometer,Medilite,device,otc,29.00\n", encoding="utf-8")
    assert store.imports.csv("products", path).applied
    assert store.catalog.search("thermia") == []
    assert [p.barcode for p in store.catalog.search("medilite")] == ["6900000000144"]


def _store_before_search(directory) -> bytes:
    """A store as the previous release left it (schema 8), with products and no search keys."""
    directory.mkdir(parents=True)
    store_id = str(uuid.uuid4())
    key = keys.new_database_key()
    keys.write_key_file(directory, keys.wrap_key(key, PASSPHRASE, store_id, FAST_KDF))
    db = Database(connect(directory / DB_FILE_NAME, key), directory / DB_FILE_NAME)
    migrate(db, target=8)
    now = "2024-03-01T09:00:00.000000+00:00"
    with db.transaction():
        for name, value in {"store_id": store_id, "store_name": "Old Pharmacy", "currency": "CNY"}.items():
            db.insert("settings", {"key": name, "value": value})
        db.insert("users", {"id": 1, "username": "owner", "display_name": "Old Owner", "role": "owner",
                            "password_hash": PasswordHasher().hash("old-owner-pass"), "created_at": now})
        for pid, (barcode, name, generic) in enumerate((
                ("6900000000151", IBUPROFEN_SR, "布洛芬"), ("6900000000168", "Digital Thermometer", None)), 1):
            db.insert("products", {"id": pid, "barcode": barcode, "name": name, "generic_name": generic,
                                   "category": "otc", "legal_class": "otc", "price": 500, "created_at": now,
                                   "updated_at": now})
    db.close()
    return key


def test_upgrade_fills_existing_products(tmp_path):
    directory = tmp_path / "old"
    key = _store_before_search(directory)
    with Store.open(directory, key=key, use_keyring=False) as store:
        assert schema_version(store.db) == latest_version()
        store.login("owner", "old-owner-pass")            # the catalogue is read after login only
        assert store.catalog.get(1).pinyin_initials == "blfhsjn"
        assert store.catalog.get(2).pinyin_initials is None and store.catalog.get(2).manufacturer is None
        assert [p.id for p in store.catalog.search("blfhs")] == [1]
        assert [p.id for p in store.catalog.search("thermo")] == [2]
        assert [p.id for p in store.catalog.search("6900000000168")] == [2]


def test_a_failing_python_step_rolls_the_migration_back(tmp_path, monkeypatch):
    directory = tmp_path / "old"
    key = _store_before_search(directory)

    def broken(db):
        db.execute("UPDATE products SET name = 'half done'")
        raise RuntimeError("step failed")

    monkeypatch.setitem(migrate_module._steps, "product_search", broken)
    with pytest.raises(RuntimeError):
        Store.open(directory, key=key, use_keyring=False)
    monkeypatch.undo()
    db = Database(connect(directory / DB_FILE_NAME, key))
    try:
        assert schema_version(db) == 8
        assert "manufacturer" not in {r["name"] for r in db.all("PRAGMA table_info(products)")}
        assert db.scalar("SELECT name FROM products WHERE id = 1") == IBUPROFEN_SR
    finally:
        db.close()
    with Store.open(directory, key=key, use_keyring=False) as store:     # the real step still applies
        store.login("owner", "old-owner-pass")
        assert store.catalog.get(1).pinyin_initials == "blfhsjn"


def test_a_migration_whose_step_nobody_registered_is_refused(store_dir, template_store, monkeypatch):
    _dir, key, _ids = template_store
    extra = (latest_version() + 1, "9999_needs_a_step.sql", "-- python-step: nobody_registers_this\nSELECT 1;")
    monkeypatch.setattr(migrate_module, "available_migrations", lambda: available_migrations() + [extra])
    with pytest.raises(RuntimeError, match="nobody_registers_this"):
        Store.open(store_dir, key=key, use_keyring=False)
    monkeypatch.undo()
    with Store.open(store_dir, key=key, use_keyring=False) as store:
        assert schema_version(store.db) == latest_version()
