"""The members page on the real store: register with the domain's validation, edit, what a cashier
may see, consent history, purchases and points. Every test checks the database as well as the widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.ui.members.member_dialog import MemberDialog
from tests.ui.conftest import accepted


def _register(store, name="Zhang Wei", phone="13800138000", **extra):
    return store.members.register(name, phone, **extra)


def test_register_with_a_bad_phone_shows_the_domain_message_and_saves_nothing(make_window):
    window, store, dialogs = make_window("pharmacist")
    page = window.pages["members"]
    outcomes = []

    def bad_then_good(dialog: MemberDialog) -> bool:
        dialog.name.setText("Li Na")
        dialog.phone.setText("12ab")
        dialog.birth_date.setText("1961-04-02")
        dialog.conditions.setText("hypertension, diabetes")
        dialog.care.setChecked(True)
        outcomes.append((accepted(dialog), dialog.error.text(), store.members.count()))
        dialog.phone.setText("139 1234 5678")
        outcomes.append((accepted(dialog), dialog.error.text(), store.members.count()))
        return dialog.result() == dialog.DialogCode.Accepted

    dialogs.expect(MemberDialog, bad_then_good)
    page.register_button.click()

    assert outcomes[0] == (False, "Enter a phone number of 7 to 15 digits.", 0)
    assert outcomes[1][0] is True and outcomes[1][2] == 1
    member = store.members.search("Li Na")[0]
    assert member.phone == "13912345678" and member.birth_date == "1961-04-02"
    assert member.conditions == ("diabetes", "hypertension") and member.care_consent
    assert page.member is not None and page.member.id == member.id       # the new member is shown
    assert page.fields["phone"].text() == "13912345678"
    assert "since" in page.fields["care"].text()                          # date and source of the consent
    assert [(r["kind"], r["granted"], r["source"]) for r in page.consents.visible_rows()] == [
        ("care", 1, "paper_form"), ("marketing", 0, "paper_form")]
    assert "diabetes" in page.conditions.text()


def test_a_bad_birth_date_is_refused_inline(make_window):
    window, store, dialogs = make_window("pharmacist")
    messages = []

    def future_birth(dialog: MemberDialog) -> bool:
        dialog.name.setText("Wang Fang")
        dialog.phone.setText("13700000001")
        dialog.birth_date.setText("2999-01-01")
        messages.append(dialog.error.text() if not accepted(dialog) else "")
        return False

    dialogs.expect(MemberDialog, future_birth)
    window.pages["members"].register_member()
    assert messages == ["That birth date is not possible."]
    assert store.members.count() == 0


def test_cashier_sees_a_masked_phone_and_no_health_data(make_window, open_store):
    owner = open_store("owner")
    member_id = _register(owner, conditions=["hypertension"], allergies="penicillin", birth_date="1960-01-01",
                          care_consent=True)
    window, store, _dialogs = make_window("cashier")
    page = window.pages["members"]
    page.search("Zhang")
    assert page.select_member(member_id)
    phone = page.fields["phone"].text()
    assert phone.endswith("8000") and "138001" not in phone and "•" in phone
    assert page.table.model.data(page.table.model.index(0, 2)) == phone          # the list is masked too
    assert not page.health_visible()                                           # no conditions, no consent history
    assert page.conditions.text() == "" and page.fields["allergies"].text() == ""
    assert page.fields["birth_date"].text() == "" and page.fields["birth_date"].isHidden()
    assert page.edit_button.isHidden() and not page.register_button.isHidden()
    assert page.consents.model.rowCount() == 0


def test_editing_a_member_changes_the_database(make_window, open_store):
    member_id = _register(open_store("owner"))
    window, store, dialogs = make_window("pharmacist")
    page = window.pages["members"]
    page.refresh()
    assert page.select_member(member_id)

    def edit(dialog: MemberDialog) -> bool:
        assert dialog.phone.text() == "13800138000"
        dialog.name.setText("Zhang Wei-Ming")
        dialog.phone.setText("13800138001")
        dialog.conditions.setText("asthma")
        dialog.marketing.setChecked(True)
        return accepted(dialog)

    dialogs.expect(MemberDialog, edit)
    page.edit_button.click()
    row = store.db.one("SELECT name, phone FROM members WHERE id = ?", (member_id,))
    assert row == {"name": "Zhang Wei-Ming", "phone": "13800138001"}
    assert store.members.get(member_id).conditions == ("asthma",)
    assert store.members.has_consent(member_id, "marketing")
    assert page.fields["name"].text() == "Zhang Wei-Ming"
    assert "saved" in page.message.text()


def test_purchases_and_points_are_listed(make_window, open_store, ids):
    owner = open_store("owner")
    member_id = _register(owner)
    owner.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500, tendered=2500)], member_id)
    window, store, _dialogs = make_window("pharmacist")
    page = window.pages["members"]
    page.refresh()
    page.select_member(member_id)
    purchases = page.purchases.visible_rows()
    assert [(p["receipt_no"], p["total"]) for p in purchases] == [("S00000001", 2500)]
    assert [p["delta"] for p in page.points.visible_rows()] == [store.members.get(member_id).points]
    assert page.fields["points"].text() == str(store.members.get(member_id).points)


def test_member_list_pages_lazily(make_window, open_store):
    owner = open_store("owner")
    with owner.db.transaction():      # bulk fixture rows; the page under test only reads
        for i in range(250):
            owner.db.insert("members", {"name": f"Member {i:04d}", "phone": f"1390000{i:04d}",
                                        "card_no": f"C{i:05d}", "registered_at": "2024-01-01T00:00:00+00:00",
                                        "updated_at": "2024-01-01T00:00:00+00:00", "anon_id": f"anon{i}"})
    window, _store, _dialogs = make_window("owner")
    model = window.pages["members"].table.model
    assert model.total == 250 and len(model.rows) == 100
    model.next_page()
    assert model.rows[0].name == "Member 0100" and len(model.rows) == 100
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.page == 0 and model.rows[0].name == "Member 0249"
