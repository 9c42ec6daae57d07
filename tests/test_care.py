"""Care reminders, domain side: issue, record outcomes, consent, permissions, audit without personal data."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pandas as pd
import pytest

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import reminders
from pharmadesk.errors import NotFound, PermissionDenied, ValidationError
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.stock import ReceiptLine

NAME, PHONE = "Wei Zhang", "13800138000"


def _member(store, care_consent=True, marketing_consent=None, phone=PHONE, name=NAME, birth_date="1960-05-04"):
    return store.members.register(name, phone, birth_date=birth_date, care_consent=care_consent,
                                  marketing_consent=marketing_consent)


def _count(store, table):
    return store.db.scalar(f"SELECT count(*) FROM {table}")


def test_issue_and_record_outcomes_with_who_when_channel(store, ids, clock):
    member = _member(store)
    rid = store.care.issue_reminder(member, "refill_due", date(2026, 5, 3), "Ramipril 5mg runs out on 2026-05-03",
                              "sms", product_id=ids.rx)
    clock.advance(hours=2)
    first = store.care.record_outcome(rid, "no_answer", channel="phone")
    clock.advance(days=1)
    store.care.record_outcome(rid, "refilled", channel="in_person")
    row = store.care.reminder(rid)
    assert (row["member_id"], row["kind"], row["product_id"], row["due_date"], row["channel"]) == \
        (member, "refill_due", ids.rx, "2026-05-03", "sms")
    assert [o["outcome"] for o in row["outcomes"]] == ["no_answer", "refilled"]
    assert [o["channel"] for o in row["outcomes"]] == ["phone", "in_person"]
    assert row["outcomes"][0]["id"] == first
    assert row["outcomes"][1]["user_id"] == store.user.id
    assert row["outcomes"][1]["at"] == clock().isoformat(timespec="microseconds")
    assert row["latest_outcome"] == "refilled"
    assert store.care.member_reminders(member)[0]["latest_outcome"] == "refilled"
    # the channel defaults to the reminder's own
    rid2 = store.care.issue_reminder(member, "lapsed", "2026-05-01", "no visit for 90 days", "phone")
    store.care.record_outcome(rid2, "called")
    assert store.care.reminder(rid2)["outcomes"][0]["channel"] == "phone"


def test_care_reminders_need_care_consent_birthdays_need_marketing(store, ids):
    no_care = _member(store, care_consent=False, marketing_consent=True)
    never = _member(store, care_consent=None, phone="13800138001", name="Li Na")
    care_only = _member(store, care_consent=True, marketing_consent=False, phone="13800138002", name="Chen Jie")
    for member in (no_care, never):
        with pytest.raises(ValidationError):
            store.care.issue_reminder(member, "overdue", "2026-05-03", "Ramipril ran out", "phone", product_id=ids.rx)
    with pytest.raises(ValidationError):
        store.care.issue_reminder(care_only, "birthday", "2026-05-04", "birthday on 2026-05-04", "sms")
    assert _count(store, "care_reminders") == 0
    store.care.issue_reminder(no_care, "birthday", "2026-05-04", "birthday on 2026-05-04", "sms")
    store.care.issue_reminder(care_only, "med_sync", "2026-05-10", "one pickup day", "phone")
    assert _count(store, "care_reminders") == 2


def test_withdrawn_consent_and_erasure_stop_reminders(store, ids):
    member = _member(store)
    store.care.issue_reminder(member, "refill_due", "2026-05-03", "Ramipril runs out", "sms", product_id=ids.rx)
    store.members.set_consent(member, "care", False, "verbal")
    with pytest.raises(ValidationError):
        store.care.issue_reminder(member, "refill_due", "2026-06-03", "Ramipril runs out", "sms", product_id=ids.rx)
    other = _member(store, phone="13800138009", name="Zhou Min")
    store.privacy.erase_member(other)
    with pytest.raises(ValidationError):
        store.care.issue_reminder(other, "lapsed", "2026-06-03", "no visit", "sms")
    assert _count(store, "care_reminders") == 1


def test_products_must_fit_the_kind(store, ids):
    member = _member(store)
    with pytest.raises(ValidationError):      # OTC paracetamol has no days of supply
        store.care.issue_reminder(member, "refill_due", "2026-05-03", "x", "sms", product_id=ids.otc)
    with pytest.raises(ValidationError):      # a refill reminder names its medicine
        store.care.issue_reminder(member, "overdue", "2026-05-03", "x", "sms")
    with pytest.raises(ValidationError):      # a lapsed reminder names none
        store.care.issue_reminder(member, "lapsed", "2026-05-03", "x", "sms", product_id=ids.rx)
    with pytest.raises(ValidationError):
        store.care.issue_reminder(member, "refill_due", "2026-05-03", "x", "fax", product_id=ids.rx)
    with pytest.raises(ValidationError):
        store.care.issue_reminder(member, "reminder", "2026-05-03", "x", "sms")
    with pytest.raises(ValidationError):
        store.care.issue_reminder(member, "lapsed", "03/05/2026", "x", "sms")
    with pytest.raises(ValidationError):
        store.care.issue_reminder(member, "lapsed", "2026-05-03", "   ", "sms")
    with pytest.raises(NotFound):
        store.care.issue_reminder(member, "refill_due", "2026-05-03", "x", "sms", product_id=99999)
    with pytest.raises(NotFound):
        store.care.issue_reminder(99999, "lapsed", "2026-05-03", "x", "sms")
    assert _count(store, "care_reminders") == 0


def test_outcomes_are_validated(store, ids):
    rid = store.care.issue_reminder(_member(store), "lapsed", "2026-05-03", "no visit", "sms")
    with pytest.raises(ValidationError):
        store.care.record_outcome(rid, "maybe")
    with pytest.raises(ValidationError):
        store.care.record_outcome(rid, "called", channel="pigeon")
    with pytest.raises(NotFound):
        store.care.record_outcome(rid + 100, "called")
    assert _count(store, "care_reminder_outcomes") == 0


def test_permissions_pharmacist_and_owner_only(open_store, ids):
    owner = open_store("owner")
    member = _member(owner)
    owner.close()
    pharmacist = open_store("pharmacist")
    rid = pharmacist.care.issue_reminder(member, "refill_due", "2026-05-03", "Ramipril runs out", "sms",
                              product_id=ids.rx)
    pharmacist.care.record_outcome(rid, "called")
    pharmacist.close()
    cashier = open_store("cashier")
    with pytest.raises(PermissionDenied):
        cashier.care.issue_reminder(member, "lapsed", "2026-05-03", "no visit", "sms")
    with pytest.raises(PermissionDenied):
        cashier.care.record_outcome(rid, "declined")
    with pytest.raises(PermissionDenied):
        cashier.care.reminder(rid)
    with pytest.raises(PermissionDenied):
        frames.care_fills(cashier, date.today())
    assert _count(cashier, "care_reminder_outcomes") == 1


def test_bulk_issue_is_all_or_nothing(store, ids):
    member = _member(store)
    no_consent = _member(store, care_consent=False, phone="13800138005", name="Sun Li")
    good = {"member_id": member, "kind": "refill_due", "product_id": ids.rx, "due_date": "2026-05-03",
            "reason": "Ramipril runs out on 2026-05-03", "channel": "sms", "script": "Hello", "priority": 2}
    bad = {**good, "member_id": no_consent}
    with pytest.raises(ValidationError):
        store.care.issue_reminders([good, bad])
    assert _count(store, "care_reminders") == 0
    audit_before = _count(store, "audit_log")
    ids_ = store.care.issue_reminders([good, {**good, "kind": "lapsed", "product_id": float("nan")}])
    assert len(ids_) == 2 and _count(store, "care_reminders") == 2
    assert _count(store, "audit_log") == audit_before + 2


def test_audit_holds_no_personal_or_health_data(store, ids):
    member = _member(store)
    rid = store.care.issue_reminder(member, "overdue", "2026-05-03", "Ramipril 5mg ran out on 2026-05-03", "phone",
                              product_id=ids.rx)
    store.care.record_outcome(rid, "declined")
    entries = store.db.all("SELECT action, entity, entity_id, details FROM audit_log WHERE action LIKE 'care.%' "
                           "ORDER BY id")
    assert [e["action"] for e in entries] == ["care.reminder", "care.outcome"]
    assert all(e["entity"] == "care_reminder" and e["entity_id"] == str(rid) for e in entries)
    assert json.loads(entries[0]["details"]) == {"kind": "overdue", "channel": "phone"}
    assert json.loads(entries[1]["details"]) == {"outcome": "declined", "channel": "phone"}
    text = json.dumps(entries, ensure_ascii=False)
    for secret in (NAME, PHONE, "Ramipril", "1960", f'"member_id": {member}'):
        assert secret not in text
    assert store.audit.verify() == []


def test_schema_refuses_a_product_reminder_without_product(store):
    member = _member(store)
    with pytest.raises(Exception):
        with store.db.transaction():
            store.db.execute("INSERT INTO care_reminders (member_id, kind, due_date, reason, channel, created_at) "
                             "VALUES (?, 'refill_due', '2026-01-01', 'x', 'sms', '2026-01-01T00:00:00+00:00')",
                             (member,))
    assert _count(store, "care_reminders") == 0


def test_conversion_from_the_store_end_to_end(open_store, ids, clock):
    """Issue a reminder, refill 3 days later at the till: the log and the fills give conversion 1 of 1."""
    store = open_store("pharmacist")
    member = _member(store)
    converted = store.care.issue_reminder(member, "refill_due", store.today() + timedelta(days=2),
                                    "Ramipril runs out soon", "sms", product_id=ids.rx)
    not_converted = store.care.issue_reminder(member, "lapsed", store.today(), "no visit", "sms")
    store.care.record_outcome(converted, "called")
    clock.advance(days=3)
    rx = Prescription("Dr. Alice Wong", "RX-7001", store.today().isoformat())
    store.sales.sell([CartLine(ids.rx, 1, prescription=rx)], [Payment("cash", 3000, tendered=3000)], member_id=member)
    # the lapsed reminder also converts: any maintenance product counts for it
    as_of = store.today() + timedelta(days=1)
    log = frames.care_reminder_log(store, as_of)
    fills = frames.care_fills(store, as_of)
    assert len(fills) == 1 and fills.loc[0, "packs"] == 1 and fills.loc[0, "days_supply"] == 30
    result = reminders.reminder_conversion(log, fills)
    total = result.iloc[-1]
    assert (total["issued"], total["converted"], total["called"], total["no_outcome"]) == (2, 2, 1, 1)
    # a backtest as of the day of the sale does not see it (data strictly before as_of)
    sale_day = fills.loc[0, "date"].date()
    assert len(frames.care_fills(store, sale_day)) == 0
    assert len(frames.care_fills(store, sale_day + timedelta(days=1))) == 1
    # with the sale 8 days after the reminders instead, neither converts
    late = fills.assign(date=fills["date"] + timedelta(days=5))
    assert reminders.reminder_conversion(log, late).iloc[-1]["converted"] == 0
    assert not_converted > converted


def test_erased_members_leave_the_care_frames(store, ids, clock):
    member = _member(store)
    rid = store.care.issue_reminder(member, "refill_due", store.today(), "Ramipril runs out", "sms",
                              product_id=ids.rx)
    rx = Prescription("Dr. Alice Wong", "RX-7002", store.today().isoformat())
    store.sales.sell([CartLine(ids.rx, 1, prescription=rx)], [Payment("cash", 3000, tendered=3000)], member_id=member)
    as_of = store.today() + timedelta(days=1)
    assert len(frames.care_fills(store, as_of)) == 1 and len(frames.care_reminder_log(store, as_of)) == 1
    assert list(frames.member_visit_days(store, as_of)["member_id"]) == [member]
    assert list(frames.care_members(store, as_of)["member_id"]) == [member]
    store.privacy.erase_member(member)
    for loader in (frames.care_fills, frames.care_reminder_log, frames.member_visit_days, frames.care_members):
        assert loader(store, as_of).empty
    with pytest.raises(ValidationError):
        store.care.issue_reminder(member, "lapsed", store.today(), "no visit", "sms")
    store.care.record_outcome(rid, "called")     # an outcome of an earlier reminder may still be recorded


def test_a_brand_switch_is_one_therapy_from_the_store(store, ids, clock):
    """Ramipril 5mg, then 28 days later another brand of ramipril: care_fills carries the therapy (the
    normalised generic name), the run-out is carried forward and nothing is overdue on the first brand."""
    brand = store.catalog.add_product(barcode="RAMICARD5", name="Ramicard 5mg", generic_name="  Ramipril ",
                                      category="chronic", legal_class="rx", price=3400, days_supply=28,
                                      supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [ReceiptLine(brand, "RC-1", store.today() + timedelta(days=300), 5, 1600)])
    member = _member(store)
    first_day = store.today()
    for number, (product, price) in enumerate(((ids.rx, 3000), (brand, 3400))):
        rx = Prescription("Dr. Alice Wong", f"RX-71{number}", store.today().isoformat())
        store.sales.sell([CartLine(product, 1, prescription=rx)], [Payment("cash", price, tendered=price)],
                         member_id=member)
        clock.advance(days=28)
    as_of = first_day + timedelta(days=45)
    fills = frames.care_fills(store, as_of)
    assert fills["therapy"].tolist() == ["ramipril", "ramipril"]
    assert frames.care_products(store).set_index("product_id").loc[brand, "therapy"] == "ramipril"
    status = reminders.refill_status(fills, as_of)
    assert len(status) == 1 and status.iloc[0]["product_id"] == brand and status.iloc[0]["status"] == "ok"
    assert (status.iloc[0]["run_out"] - pd.Timestamp(first_day)).days == 58        # 30 + 28 days, no gap
    todo = reminders.care_reminders(fills, frames.care_members(store, as_of), frames.member_visit_days(store, as_of),
                                    frames.care_products(store), as_of)
    assert todo[todo["kind"].isin(reminders.PRODUCT_KINDS)].empty
