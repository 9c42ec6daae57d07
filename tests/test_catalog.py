"""The catalogue: barcodes, products, prices and their history, type-ahead search."""

from __future__ import annotations

import pytest

from pharmadesk.core import permissions
from pharmadesk.core.catalog import gtin_check_digit_ok, validate_barcode, whole_number
from pharmadesk.errors import NotFound, PermissionDenied, ValidationError
from pharmadesk.core.permissions import Action

from conftest import table_snapshot


def _product(store, **overrides):
    fields = {"barcode": "5012345678900", "name": "Test Balm", "category": "personal_care", "legal_class": "otc",
              "price": 990}
    fields.update(overrides)
    return store.catalog.add_product(**fields)


# -- barcodes -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["4006381333931", "5012345678900", "6901234567892", "036000291452", "96385074",
                                  "10614141000415"])
def test_valid_gtin_check_digits(code):
    assert gtin_check_digit_ok(code)
    assert validate_barcode(f"  {code} ") == code


@pytest.mark.parametrize("code", ["4006381333932", "4006381333930", "5012345678901", "036000291453", "96385075"])
def test_wrong_check_digit_is_refused(code):
    assert not gtin_check_digit_ok(code)
    with pytest.raises(ValidationError, match="check digit"):
        validate_barcode(code)


@pytest.mark.parametrize("code", ["TRAM50", "in-house-7", "ABC"])
def test_internal_codes(code):
    assert validate_barcode(code) == code


@pytest.mark.parametrize("code", ["", "AB", "has space", "x" * 33, "a/b", None])
def test_bad_codes(code):
    with pytest.raises(ValidationError):
        validate_barcode(code)


def test_whole_number():
    assert whole_number("12", "q") == 12
    assert whole_number(3.0, "q") == 3
    for bad in (0, -1, 2.5, "x", None, True, 10**8):
        with pytest.raises(ValidationError):
            whole_number(bad, "q")
    assert whole_number(0, "q", minimum=0) == 0


# -- products -------------------------------------------------------------------------------------------


def test_add_and_read_a_product(store):
    product_id = _product(store, generic_name=" zinc oxide ", atc_code="d02ab", vat_rate_bp=900, pack_size=2)
    product = store.catalog.get(product_id)
    assert (product.barcode, product.name, product.generic_name, product.atc_code) == \
        ("5012345678900", "Test Balm", "zinc oxide", "D02AB")
    assert (product.price, product.vat_rate_bp, product.pack_size, product.active) == (990, 900, 2, 1)
    assert not product.needs_prescription
    assert store.catalog.by_barcode(" 5012345678900 ").id == product_id
    audit = store.db.one("SELECT * FROM audit_log WHERE action = 'product.create'  ORDER BY id DESC LIMIT 1")
    assert audit["entity_id"] == str(product_id)


def test_duplicate_barcode_is_refused(store, ids):
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="already has that barcode"):
        _product(store, barcode="4006381333931")
    assert table_snapshot(store) == before
    other = _product(store)
    with pytest.raises(ValidationError, match="already has that barcode"):
        store.catalog.update_product(other, barcode="4006381333931")
    assert store.catalog.get(other).barcode == "5012345678900"
    store.catalog.update_product(other, barcode="5012345678900")          # its own barcode is fine


@pytest.mark.parametrize("fields", [
    {"barcode": "4006381333932"}, {"name": "  "}, {"category": "sweets"}, {"legal_class": "narcotic"},
    {"price": -1}, {"price": 1.5}, {"vat_rate_bp": 10001}, {"atc_code": "12345"}, {"pack_size": 0},
    {"supplier_id": 999}, {"colour": "red"},
])
def test_invalid_product_fields(store, fields):
    before = table_snapshot(store)
    with pytest.raises((ValidationError, NotFound)):
        _product(store, **fields)
    assert table_snapshot(store) == before


def test_required_fields(store):
    with pytest.raises(ValidationError, match="price is required"):
        store.catalog.add_product(barcode="5012345678900", name="X", category="otc", legal_class="otc")


def test_legal_classes(store, ids):
    assert store.catalog.get(ids.rx).needs_prescription
    assert store.catalog.get(ids.controlled).needs_prescription
    assert not store.catalog.get(ids.otc).needs_prescription


def test_price_change_writes_history_and_audit(store, ids):
    owner = store.user.id
    store.catalog.update_product(ids.otc, price=1400)
    store.catalog.set_price(ids.otc, 1450)
    assert store.catalog.get(ids.otc).price == 1450
    history = store.db.all("SELECT old_price, new_price, user_id FROM price_history WHERE product_id = ? ORDER BY id",
                           (ids.otc,))
    assert history == [{"old_price": 1250, "new_price": 1400, "user_id": owner},
                       {"old_price": 1400, "new_price": 1450, "user_id": owner}]
    audits = store.db.all("SELECT details FROM audit_log WHERE action = 'price.change' AND entity_id = ? ORDER BY id",
                          (str(ids.otc),))
    assert [a["details"] for a in audits] == ['{"new":1400,"old":1250}', '{"new":1450,"old":1400}']


def test_editing_other_fields_writes_no_price_history(store, ids):
    store.catalog.update_product(ids.otc, name="Paracetamol 500 mg tablets", price=1250)
    assert store.catalog.get(ids.otc).name == "Paracetamol 500 mg tablets"
    assert store.db.scalar("SELECT count(*) FROM price_history") == 0


def test_price_change_needs_change_prices(open_store, ids, monkeypatch):
    # A pharmacist who may edit the catalogue but not prices: the price is the part that is refused.
    monkeypatch.setitem(permissions.MATRIX, "pharmacist",
                        permissions.MATRIX["pharmacist"] | {Action.MANAGE_CATALOG})
    store = open_store("pharmacist")
    store.catalog.update_product(ids.otc, name="Paracetamol 500mg caplets")
    before = table_snapshot(store)
    with pytest.raises(PermissionDenied):
        store.catalog.update_product(ids.otc, name="Cheap Paracetamol", price=1)
    with pytest.raises(PermissionDenied):
        store.catalog.set_price(ids.otc, 1)
    assert table_snapshot(store) == before
    assert store.catalog.get(ids.otc).price == 1250


def test_cashier_and_pharmacist_cannot_edit_the_catalogue(open_store, ids):
    for role in ("cashier", "pharmacist"):
        store = open_store(role)
        with pytest.raises(PermissionDenied):
            _product(store)
        with pytest.raises(PermissionDenied):
            store.catalog.update_product(ids.otc, name="x")
        with pytest.raises(PermissionDenied):
            store.catalog.add_supplier("Sneaky Supplies")


def test_suppliers(store, ids):
    supplier = store.catalog.add_supplier("  PharmaWholesale ", lead_time_days=3, min_order_value=50000)
    assert store.catalog.supplier(supplier)["name"] == "PharmaWholesale"
    with pytest.raises(ValidationError):
        store.catalog.add_supplier("PharmaWholesale")
    with pytest.raises(ValidationError):
        store.catalog.add_supplier("Bad Lead", lead_time_days=-1)
    store.catalog.update_supplier(supplier, active=0)
    assert [s["name"] for s in store.catalog.suppliers()] == ["MedSupply"]
    assert len(store.catalog.suppliers(include_inactive=True)) == 2
    with pytest.raises(NotFound):
        store.catalog.supplier(999)


# -- search ---------------------------------------------------------------------------------------------


def _names(products):
    return [p.name for p in products]


@pytest.mark.parametrize("text", ["para", "PARA", "Para", "pArAcEt", "paracetamol 5"])
def test_search_by_name_prefix_ignores_case(store, text):
    assert _names(store.catalog.search(text)) == ["Paracetamol 500mg"]


@pytest.mark.parametrize("text", ["rami", "RAMI", "Ramip"])
def test_search_by_generic_prefix_ignores_case(store, text):
    _product(store, barcode="5012345678900", name="Tritace 5", generic_name="Ramipril")
    assert _names(store.catalog.search(text)) == ["Ramipril 5mg", "Tritace 5"]   # brand matches first


@pytest.mark.parametrize("text, expected", [
    ("400638", ["Paracetamol 500mg"]), ("6901234", ["Ramipril 5mg"]), ("TRAM5", ["Tramadol 50mg"]),
    ("tram5", ["Tramadol 50mg"]), ("oldsyr", ["Cough Syrup"]),
])
def test_search_by_barcode_prefix_ignores_case(store, text, expected):
    assert _names(store.catalog.search(text)) == expected


@pytest.mark.parametrize("text", ["FIZZ", "fizz", "Fiz", "FI", "Z"])
def test_search_prefixes_ending_in_z(store, text):
    # 'Z' + 1 is '[' which sorts before every lower-case letter: the upper bound must not cut matches off.
    _product(store, name="Zinc Fizz" if text == "Z" else "Fizzy Vitamin C")
    assert len(store.catalog.search(text)) == 1


def test_search_misses_and_limits(store, ids):
    assert store.catalog.search("") == []
    assert store.catalog.search("   ") == []
    assert store.catalog.search("nothing like this") == []
    assert store.catalog.search("acetamol") == []                   # prefix, not substring
    for n in range(5):
        store.catalog.add_product(barcode=f"VIT{n:03d}", name=f"Vitamin {n}", category="supplement",
                                  legal_class="otc", price=100)
    assert len(store.catalog.search("vit", limit=3)) == 3


def test_inactive_products_are_hidden_from_search(store, ids):
    store.catalog.update_product(ids.otc, active=False)
    assert store.catalog.search("para") == []
    assert _names(store.catalog.search("para", include_inactive=True)) == ["Paracetamol 500mg"]
    assert ids.otc not in [p.id for p in store.catalog.products()]


def test_setting_the_same_price_writes_no_history(store, ids):
    store.catalog.set_price(ids.otc, store.catalog.get(ids.otc).price)
    assert store.db.scalar("SELECT count(*) FROM price_history") == 0
    store.catalog.set_price(ids.otc, 1300)
    assert store.db.scalar("SELECT count(*) FROM price_history") == 1
