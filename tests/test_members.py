"""The loyalty club: validation, consent history, what a cashier may see, health data, points."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.core.catalog import gtin_check_digit_ok
from pharmadesk.errors import NotFound, PermissionDenied, ValidationError
from pharmadesk.core.members import make_card_number, mask_phone, normalize_phone
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.returns import ReturnItem

from conftest import table_snapshot

PHONE = "+86 138-0013-8000"
PHONE_NORMAL = "13800138000"          # +86 before a Chinese mobile is dropped (issue 17)


def _points_ledger_sum(store, member_id):
    return store.db.scalar("SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE member_id = ?", (member_id,))


# -- validation -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, normal", [(PHONE, PHONE_NORMAL), ("138 0013 8000", "13800138000"),
                                         ("(021) 5555.1234", "02155551234"), ("1234567", "1234567")])
def test_phone_normalisation(raw, normal):
    assert normalize_phone(raw) == normal


@pytest.mark.parametrize("raw", ["", "123456", "1" * 16, "138-CALL-NOW", "+", "++8613800138000", None])
def test_bad_phone_numbers(raw):
    with pytest.raises(ValidationError):
        normalize_phone(raw)


def test_mask_phone():
    assert mask_phone(PHONE_NORMAL) == "•" * 7 + "8000"
    assert mask_phone(None) is None


def test_card_numbers_are_in_store_ean13():
    for n in (1, 42, 9_999_999_999):
        card = make_card_number(n)
        assert len(card) == 13 and card.startswith("29") and gtin_check_digit_ok(card)
    assert make_card_number(1) != make_card_number(2)


def test_register_and_read(open_store, clock):
    store = open_store("pharmacist")
    member = store.members.register("  Mei Chen ", PHONE, birth_date="1980-05-17", sex="F",
                                    conditions=["Hypertension", "hypertension ", "Asthma"], allergies="penicillin",
                                    care_consent=True, marketing_consent=False, consent_source="paper_form")
    view = store.members.get(member)
    assert (view.name, view.phone, view.birth_date, view.sex, view.allergies) == \
        ("Mei Chen", PHONE_NORMAL, "1980-05-17", "F", "penicillin")
    assert view.conditions == ("asthma", "hypertension")
    assert (view.care_consent, view.marketing_consent, view.masked, view.points) == (True, False, False, 0)
    assert gtin_check_digit_ok(view.card_no) and view.card_no == make_card_number(member)
    assert store.members.by_card(view.card_no).id == member
    assert store.members.by_phone("+86 138 0013 8000").id == member
    assert store.members.count() == 1


@pytest.mark.parametrize("field, value", [
    ("birth_date", "1990-02-30"), ("birth_date", "30/01/1990"), ("birth_date", "future"), ("birth_date", "1890-01-01"),
    ("sex", "female"), ("name", "   "), ("phone", "12"),
])
def test_register_validation(open_store, clock, field, value):
    store = open_store("pharmacist")
    if value == "future":
        value = (store.today() + timedelta(days=1)).isoformat()
    fields = {"name": "Valid Name", "phone": "13900000001", field: value}
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        store.members.register(**fields)
    assert table_snapshot(store) == before


def test_duplicate_phone_is_refused(store):
    store.members.register("First", PHONE)
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="already exists"):
        store.members.register("Second", "+86 (138) 0013 8000")     # same number, other spelling
    assert table_snapshot(store) == before
    other = store.members.register("Second", "13900000002")
    with pytest.raises(ValidationError):
        store.members.update(other, phone=PHONE)


def test_duplicate_card_is_refused(store):
    first = store.members.register("First", "13900000001")
    card = store.members.get(first).card_no
    with pytest.raises(ValidationError):
        store.members.register("Second", "13900000002", card_no=card)


# -- consent --------------------------------------------------------------------------------------------


def test_consent_history_with_date_and_source_latest_wins(store, clock):
    member = store.members.register("Consenting Adult", "13900000003", care_consent=True, consent_source="paper_form")
    first_at = clock().isoformat(timespec="microseconds")
    assert store.members.has_consent(member, "care")
    assert not store.members.has_consent(member, "marketing")          # never asked: no
    clock.advance(days=3)
    store.members.set_consent(member, "care", False, "sms")
    clock.advance(days=1)
    store.members.set_consent(member, "marketing", True, "verbal")
    history = store.members.consent_history(member)
    assert [(h["kind"], h["granted"], h["source"]) for h in history] == [
        ("care", 1, "paper_form"), ("care", 0, "sms"), ("marketing", 1, "verbal")]
    assert history[0]["at"] == first_at
    assert history[1]["at"] == (clock.moment - timedelta(days=1)).isoformat(timespec="microseconds")
    assert not store.members.has_consent(member, "care")
    assert store.members.has_consent(member, "marketing")
    view = store.members.get(member)
    assert (view.care_consent, view.marketing_consent) == (False, True)
    store.members.set_consent(member, "care", True, "app")
    assert store.members.has_consent(member, "care")


def test_consent_rules(store):
    member = store.members.register("Someone", "13900000004")
    with pytest.raises(ValidationError):
        store.members.set_consent(member, "telepathy", True, "verbal")
    with pytest.raises(ValidationError):
        store.members.set_consent(member, "care", True, "rumour")
    with pytest.raises(NotFound):
        store.members.set_consent(999, "care", True, "verbal")
    assert store.db.scalar("SELECT count(*) FROM member_consents") == 0


# -- what a cashier sees --------------------------------------------------------------------------------


def test_cashier_sees_a_masked_member(open_store):
    pharmacist = open_store("pharmacist")
    member = pharmacist.members.register("Mei Chen", PHONE, birth_date="1980-05-17", conditions=["diabetes"],
                                         allergies="sulfa")
    pharmacist.members.update(member, notes="hard of hearing")
    cashier = open_store("cashier")
    for view in (cashier.members.get(member), cashier.members.by_phone(PHONE),
                 cashier.members.search("8000")[0], cashier.members.search("Mei")[0]):
        assert view.masked
        assert view.name == "Mei Chen"
        assert view.phone == "•" * 7 + "8000" and "13800" not in view.phone
        assert view.birth_date is None and view.conditions is None
        assert view.allergies is None and view.notes is None
    with pytest.raises(PermissionDenied):
        cashier.members.consent_history(member)


def test_cashier_cannot_record_health_data(open_store):
    store = open_store("cashier")
    before = table_snapshot(store)
    with pytest.raises(PermissionDenied):
        store.members.register("Mei Chen", PHONE, conditions=["diabetes"])
    with pytest.raises(PermissionDenied):
        store.members.register("Mei Chen", PHONE, allergies="penicillin")
    assert table_snapshot(store) == before
    member = store.members.register("Mei Chen", PHONE, care_consent=True)     # without health data: fine
    with pytest.raises(PermissionDenied):
        store.members.set_conditions(member, ["diabetes"])
    with pytest.raises(PermissionDenied):
        store.members.update(member, name="Mei Chen-Li")
    assert store.db.scalar("SELECT count(*) FROM member_conditions") == 0


def test_pharmacist_edits_and_records_conditions(open_store):
    store = open_store("pharmacist")
    member = store.members.register("Mei Chen", PHONE)
    store.members.update(member, name="Mei Chen-Li", birth_date="1980-05-18", sex="X")
    store.members.set_conditions(member, ["COPD", "asthma"])
    store.members.set_conditions(member, ["asthma"])
    view = store.members.get(member)
    assert (view.name, view.birth_date, view.sex, view.conditions) == ("Mei Chen-Li", "1980-05-18", "X", ("asthma",))
    with pytest.raises(ValidationError):
        store.members.update(member, favourite_colour="blue")
    with pytest.raises(ValidationError):
        store.members.update(member, birth_date="2999-01-01")
    audit = store.db.one("SELECT details FROM audit_log WHERE action = 'member.update' ORDER BY id DESC")
    assert audit["details"] == '{"fields":["birth_date","name","sex"]}'


# -- search ---------------------------------------------------------------------------------------------


def test_member_search(store):
    a = store.members.register("Zhang Wei", "13900000011")
    b = store.members.register("zhao Lei", "13900000022")
    store.members.register("Li Na", "13900000033")
    assert [m.id for m in store.members.search("zh")] == [a, b]
    assert [m.id for m in store.members.search("ZHAN")] == [a]
    assert [m.id for m in store.members.search("ZHANG WEI")] == [a]
    assert [m.id for m in store.members.search("Z")] == [a, b]          # 'Z' + 1 must not cut lower case off
    assert [m.id for m in store.members.search("0022")] == [b]
    assert [m.id for m in store.members.search(store.members.get(b).card_no)] == [b]
    assert store.members.search("") == [] and store.members.search("Wang") == []


def test_cashier_cannot_uncover_a_phone_number_by_searching_its_tail(open_store):
    pharmacist = open_store("pharmacist")
    member = pharmacist.members.register("Mei Chen", "13812345678")
    assert [m.id for m in pharmacist.members.search("2345678")] == [member]       # full view: any tail
    cashier = open_store("cashier")
    assert [m.id for m in cashier.members.search("5678")] == [member]             # the visible last four
    for probe in ("45678", "345678", "2345678", "812345678"):
        assert cashier.members.search(probe) == [], probe
    assert [m.id for m in cashier.members.search("138 1234 5678")] == [member]    # a number the cashier knows
    assert cashier.members.by_phone("13812345678").id == member


# -- points ---------------------------------------------------------------------------------------------


def test_points_follow_sales_and_returns(store, ids):
    member = store.members.register("Points Person", "13900000005")
    sale = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)], member_id=member)
    assert sale.points_earned == 25
    assert store.members.get(member).points == 25 == _points_ledger_sum(store, member)
    returned = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "unused")
    assert returned.points_reversed == 13                        # 12.5 rounds half up
    assert store.members.get(member).points == 12 == _points_ledger_sum(store, member)
    store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "unused")
    assert store.members.get(member).points == 0 == _points_ledger_sum(store, member)
    history = store.members.points_history(member)
    assert [(h["delta"], h["reason"]) for h in history] == [(25, "earn"), (-13, "return"), (-12, "return")]


def test_points_reversed_never_exceed_points_earned(store, ids):
    member = store.members.register("Loyal Customer", "13900000006")
    store.members.adjust_points(member, 1000)                      # points from elsewhere must stay untouched
    sale = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)], member_id=member)
    line = sale.lines[0].sale_line_id
    first = store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "unused")
    second = store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "unused")
    assert first.points_reversed + second.points_reversed == sale.points_earned == 25
    assert store.members.get(member).points == 1000
    assert store.members.get(member).points == _points_ledger_sum(store, member)


def test_manual_points_adjustment(open_store):
    store = open_store("owner")
    member = store.members.register("Adjusted", "13900000007")
    store.members.adjust_points(member, 50)
    with pytest.raises(ValidationError):
        store.members.adjust_points(member, -51)
    store.members.adjust_points(member, -50)
    assert store.members.get(member).points == 0 == _points_ledger_sum(store, member)
    pharmacist = open_store("pharmacist")
    with pytest.raises(PermissionDenied):
        pharmacist.members.adjust_points(member, 100)


# -- paged member list ----------------------------------------------------------------------------------


def test_member_page_sorts_filters_pages_and_masks(open_store):
    owner = open_store("owner")
    names = ["Zhang Wei", "Li Na", "Wang Fang", "Liu Yang", "Chen Jie"]
    ids = {name: owner.members.register(name, f"1380000{i:04d}") for i, name in enumerate(names)}
    assert owner.members.page_count() == 5
    assert [m.name for m in owner.members.page(limit=2)] == ["Chen Jie", "Li Na"]
    assert [m.name for m in owner.members.page(limit=2, offset=2)] == ["Liu Yang", "Wang Fang"]
    assert [m.name for m in owner.members.page(order_by="name", descending=True, limit=1)] == ["Zhang Wei"]
    assert [m.name for m in owner.members.page("li")] == ["Li Na", "Liu Yang"]
    assert owner.members.page_count("li") == 2
    assert [m.id for m in owner.members.page("0002")] == [ids["Wang Fang"]]
    with pytest.raises(ValidationError):
        owner.members.page(order_by="phone; DROP TABLE members")
    cashier = open_store("cashier")
    shown = cashier.members.page("Zhang")[0]
    assert shown.masked and shown.phone.endswith("0000") and "1380" not in shown.phone
    assert shown.conditions is None
    assert cashier.members.page_count("38000000") == 0        # a masked role cannot match a long phone tail
