"""Allergies and duplicate therapy at the counter (issue 16): a member's recorded allergy matched by class or
generic name needs a pharmacist's confirmation; the same generic name twice, or within the supply days of a
recent purchase, gives a notice; cashiers learn no more of the member than they may."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.core.medication_safety import classes_of_note
from pharmadesk.core.permissions import Action
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.errors import PharmacistRequired

from conftest import PINS, table_snapshot


@pytest.fixture
def shop(store, ids):
    """China GSP; amoxicillin (a penicillin), cefalexin, two ibuprofens; a member allergic to penicillin."""
    made = {}
    for code, name, generic, atc, days in (
            ("AMOX", "阿莫西林胶囊", "amoxicillin", "J01CA04", None), ("CEFA", "头孢氨苄片", "cefalexin", "J01DB01", None),
            ("IBU2", "Ibuprofen 200mg", "ibuprofen", "M01AE01", 10), ("IBU4", "Ibuprofen 400mg", "ibuprofen", "M01AE01", 10)):
        made[code] = store.catalog.add_product(barcode=code, name=name, generic_name=generic, atc_code=atc,
                                               category="acute", legal_class="otc", price=1000, days_supply=days,
                                               supplier_id=ids.supplier)
        store.stock.receive(ids.supplier, [ReceiptLine(made[code], f"{code}-1", store.today() + timedelta(days=300),
                                                       10, 500)])
    store.set_setting("regulatory_profile", "china_gsp")
    made["member"] = store.members.register("Li Lei", "13800138111")
    store.members.update(made["member"], allergies="青霉素, codeine")
    return made


def test_allergy_notes_name_classes_in_english_and_chinese():
    assert classes_of_note("Penicillin; 布洛芬") == ({"penicillins", "nsaids"}, {"penicillin", "布洛芬"})
    assert classes_of_note("头孢过敏")[0] == {"cephalosporins"}
    assert classes_of_note(None) == (set(), set())


def test_a_penicillin_for_an_allergic_member_needs_a_pharmacist(shop, open_store):
    cashier = open_store("cashier")
    check = cashier.safety.check(shop["member"], [shop["AMOX"], shop["CEFA"]])
    assert [(w.product_name, w.allergy_class) for w in check.allergies] == [("阿莫西林胶囊", "penicillins")]
    before = table_snapshot(cashier)
    with pytest.raises(PharmacistRequired, match="recorded allergy"):
        cashier.sales.sell([CartLine(shop["AMOX"], 1)], [Payment("cash", 1000)], member_id=shop["member"])
    assert table_snapshot(cashier) == before
    wrong = cashier.users.approve("pharmacist", PINS["pharmacist"], Action.DISPENSE_RX)      # not for "allergy"
    before = table_snapshot(cashier)
    with pytest.raises(PharmacistRequired):
        cashier.sales.sell([CartLine(shop["AMOX"], 1)], [Payment("cash", 1000)], member_id=shop["member"],
                           approval=wrong)
    assert table_snapshot(cashier) == before
    approval = cashier.users.approve("pharmacist", PINS["pharmacist"], Action.DISPENSE_RX, subject="allergy")
    cashier.sales.sell([CartLine(shop["AMOX"], 1)], [Payment("cash", 1000)], member_id=shop["member"],
                       approval=approval)
    entry = cashier.db.one("SELECT details FROM audit_log WHERE action = 'allergy.confirm'")
    assert f'"products":[{shop["AMOX"]}]' in entry["details"] and "青霉素" not in entry["details"]


def test_no_member_or_no_profile_no_allergy_rule(shop, store, open_store):
    cashier = open_store("cashier")
    cashier.sales.sell([CartLine(shop["AMOX"], 1)], [Payment("cash", 1000)])
    store.set_setting("regulatory_profile", "none")
    cashier.sales.sell([CartLine(shop["AMOX"], 1)], [Payment("cash", 1000)], member_id=shop["member"])
    assert cashier.safety.check(shop["member"], [shop["AMOX"]]).allergies == ()


def test_the_same_generic_twice_in_a_sale_is_a_notice(shop, store):
    check = store.safety.check(None, [shop["IBU2"], shop["IBU4"]])
    assert [(n.product_name, n.other_product_name) for n in check.duplicates] == [("Ibuprofen 400mg", "Ibuprofen 200mg")]
    store.sales.sell([CartLine(shop["IBU2"], 1), CartLine(shop["IBU4"], 1)], [Payment("cash", 2000)])   # not blocked


def test_a_recent_purchase_still_in_supply_is_a_notice_and_a_cashier_sees_no_history(shop, store, open_store, clock):
    store.sales.sell([CartLine(shop["IBU2"], 2)], [Payment("cash", 2000)], member_id=shop["member"])   # 20 days
    clock.advance(days=5)
    notice = store.safety.check(shop["member"], [shop["IBU4"]]).duplicates[0]
    assert (notice.product_name, notice.other_product_name) == ("Ibuprofen 400mg", "Ibuprofen 200mg")
    assert notice.supply_until == (store.today() + timedelta(days=15)).isoformat()
    cashier_notice = open_store("cashier").safety.check(shop["member"], [shop["IBU4"]]).duplicates[0]
    assert (cashier_notice.other_product_name, cashier_notice.supply_until) == ("", None)
    clock.advance(days=16)
    assert store.safety.check(shop["member"], [shop["IBU4"]]).duplicates == ()
