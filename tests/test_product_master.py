"""The product master fields a Chinese pharmacy keeps (issue 15): their checks and the rules between them."""

from __future__ import annotations

import pytest

from pharmadesk.core.approval_numbers import kind_of, normalize_approval_number, validate_approval_number
from pharmadesk.errors import ValidationError

from conftest import table_snapshot


def _product(store, **overrides):
    fields = dict(barcode="BLF-TEST-001", name="布洛芬缓释胶囊", category="acute", legal_class="otc", price=1850)
    fields.update(overrides)
    return store.catalog.add_product(**fields)


@pytest.mark.parametrize("number, kind", [
    ("国药准字H20013062", "drug"),
    ("国药准字Z11020001", "drug"),
    ("国药准字S10980048", "drug"),
    ("国药准字J20150123", "drug"),
    ("国械注准20153090123", "device"),
    ("国械注进20162211234", "device"),
    ("苏械注准20152640123", "device"),
    ("苏苏械备20150012号", "device_filing"),
    ("国食健注G20160123", "health_food"),
    ("H20100001", "imported_drug"),
])
def test_known_approval_number_forms(number, kind):
    assert kind_of(number) == kind
    assert validate_approval_number(number) == number


@pytest.mark.parametrize("number", [
    "国药准字X20013062", "国药准字H2001306", "国药准字H200130621", "国药准H20013062", "国械注准2015309012",
    "XX械注准20152640123", "20013062", "批准文号", "国药准字H2001306a",
])
def test_malformed_approval_numbers_are_refused(number):
    with pytest.raises(ValidationError):
        validate_approval_number(number)


def test_approval_numbers_are_normalised_as_printed():
    assert normalize_approval_number(" 国药准字ｈ２００１３０６２ ") == "国药准字H20013062"
    assert validate_approval_number("  ") is None


def test_a_product_keeps_its_master_fields(store):
    product_id = _product(store, manufacturer="华润双鹤", authorisation_holder="华润双鹤药业股份有限公司",
                          approval_number="国药准字H20013062", specification="0.3g×24粒", otc_class="B",
                          storage_condition="cool", insurance_code="XN02BEB024E001010101445",
                          split_units=24, split_unit_name="粒", split_unit_price=90)
    product = store.catalog.get(product_id)
    assert (product.approval_number, product.specification, product.otc_class) == ("国药准字H20013062", "0.3g×24粒", "b")
    assert (product.storage_condition, product.split_units, product.split_unit_price) == ("cool", 24, 90)
    assert product.contains_ephedrine == 0 and product.pinyin_initials == "blfhsjn"


@pytest.mark.parametrize("fields", [
    {"approval_number": "国药准字H123"},
    {"otc_class": "c"},
    {"storage_condition": "frozen"},
    {"split_units": 1, "split_unit_name": "片", "split_unit_price": 10},
    {"split_units": 24},                                    # no unit name or price
    {"split_unit_price": 10},                               # a unit price without units per pack
    {"legal_class": "rx", "otc_class": "a"},                # only OTC products have an OTC class
])
def test_inconsistent_master_fields_are_refused_and_nothing_is_written(store, fields):
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        _product(store, **fields)
    assert table_snapshot(store) == before


def test_an_edit_is_checked_against_the_stored_fields(store):
    product_id = _product(store, otc_class="a")
    with pytest.raises(ValidationError):
        store.catalog.update_product(product_id, legal_class="rx")      # would leave an Rx product with 甲类
    store.catalog.update_product(product_id, otc_class=None, legal_class="rx", contains_ephedrine=True)
    product = store.catalog.get(product_id)
    assert (product.legal_class, product.otc_class, product.contains_ephedrine) == ("rx", None, 1)


def test_the_regulatory_profile_is_a_setting(store):
    assert store.settings.regulatory_profile == "none" and not store.settings.china_gsp
    store.set_setting("regulatory_profile", "china_gsp")
    assert store.settings.china_gsp
    with pytest.raises(ValidationError):
        store.set_setting("regulatory_profile", "eu_gdp")
