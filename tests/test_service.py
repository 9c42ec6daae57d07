"""Member service records (issue 20): complaints, follow-up calls, enquiries, ADR reports; statuses, consent, roles."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.service import AdrFacts, CALL_ATTEMPTS
from pharmadesk.errors import NotFound, PermissionDenied, ValidationError

from pharmadesk.db.connection import DB_FILE_NAME

from conftest import decrypted_pages, table_snapshot


def _member(store, name="Hua Li", phone="13800000111", care=True):
    member_id = store.members.register(name, phone)
    if care:
        store.members.set_consent(member_id, "care", True, "paper_form")
    return member_id


def _sell_rx(store, ids, member, number):
    rx = Prescription("Dr. Ho", number, store.today().isoformat())
    return store.sales.sell([CartLine(ids.rx, 1, prescription=rx)], [Payment("cash", 3000)], member_id=member)


def _actions(store, record_id):
    return [(r["action"]) for r in store.db.all(
        "SELECT action FROM audit_log WHERE entity = 'service_record' AND entity_id = ? ORDER BY id", (str(record_id),))]


def test_a_complaint_runs_open_in_progress_closed_and_schedules_a_call(store, ids, clock):
    member = _member(store)
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)], member_id=member)
    rid = store.service.record("complaint", "  Box   was crushed ", member_id=member, sale_id=sale.sale_id,
                               product_ids=[ids.otc])
    record = store.service.get(rid)
    assert (record.kind, record.status, record.account, record.product_ids) == ("complaint", "open",
                                                                                "Box was crushed", (ids.otc,))
    assert record.due_date == (store.today() + timedelta(days=store.settings.complaint_close_days)).isoformat()
    store.service.start(rid, "Asked the supplier")
    assert store.service.get(rid).status == "in_progress"
    clock.advance(days=2)
    call = store.service.close(rid, "Replaced the box", outcome="replaced")
    closed = store.service.get(rid)
    assert (closed.status, closed.outcome, closed.resolution) == ("closed", "replaced", "Replaced the box")
    assert [n.status for n in closed.notes] == ["open", "in_progress", "closed"]
    follow_up = store.service.get(call)
    assert (follow_up.kind, follow_up.reason, follow_up.origin_id) == ("follow_up", "complaint", rid)
    assert follow_up.due_date == (store.today() + timedelta(days=store.settings.complaint_follow_up_days)).isoformat()
    assert _actions(store, rid) == ["service.open", "service.status", "service.close"]


def test_a_complaint_of_a_member_without_care_consent_schedules_no_call(store):
    member = _member(store, care=False)
    rid = store.service.record("complaint", "Rude at the counter", member_id=member)
    assert store.service.close(rid, "Apologised", outcome="resolved") is None
    assert store.service.records(kind="follow_up") == []


def test_overdue_complaints_count_past_their_due_date(store, clock):
    rid = store.service.record("complaint", "Waited too long")                 # a walk-in
    assert store.service.overdue_complaints() == 0
    clock.advance(days=store.settings.complaint_close_days + 1)
    assert store.service.overdue_complaints() == 1
    assert [r.id for r in store.service.records(overdue=True)] == [rid]
    assert store.service.get(rid).overdue(store.today())
    store.service.close(rid, "Apologised", outcome="resolved")
    assert store.service.overdue_complaints() == 0


@pytest.mark.parametrize("call", [
    lambda s, m: s.service.record("complaint", "   ", member_id=m),                  # no account
    lambda s, m: s.service.record("complaint", "x" * 5000, member_id=m),             # too long
    lambda s, m: s.service.record("gossip", "hello", member_id=m),                   # unknown kind
    lambda s, m: s.service.record("adr", "rash", member_id=m),                       # ADRs go through report_adr
    lambda s, m: s.service.record("complaint", "late", member_id=99999),             # no such member
    lambda s, m: s.service.record("complaint", "late", member_id=m, sale_id=99999),  # no such sale
    lambda s, m: s.service.record("complaint", "late", product_ids=[99999]),         # no such product
])
def test_bad_records_are_refused_and_nothing_is_written(store, call):
    member = _member(store)
    before = table_snapshot(store)
    with pytest.raises((ValidationError, NotFound)):
        call(store, member)
    assert table_snapshot(store) == before


def test_status_transitions_that_do_not_exist_are_refused(store):
    rid = store.service.record("enquiry", "Is this gluten free?")
    store.service.close(rid, "Yes, per the leaflet", outcome="answered")
    before = table_snapshot(store)
    for attempt in (lambda: store.service.start(rid), lambda: store.service.add_note(rid, "more"),
                    lambda: store.service.close(rid, "again", outcome="answered"),
                    lambda: store.service.reopen(rid, "  ")):
        with pytest.raises(ValidationError):
            attempt()
    with pytest.raises(ValidationError):                      # an outcome of another kind
        store.service.close(store.service.record("enquiry", "Opening hours?"), "9 to 9", outcome="replaced")
    assert table_snapshot(store) != before                     # only the second enquiry was written
    store.service.reopen(rid, "Member came back")
    assert store.service.get(rid).status == "in_progress"


def test_follow_up_calls_after_a_first_chronic_purchase_and_only_with_consent(store, ids, clock):
    consenting = _member(store)
    declining = _member(store, "Bo Wang", "13800000222", care=False)
    for number, member in enumerate((consenting, declining)):
        _sell_rx(store, ids, member, f"RX-{number}")
    clock.advance(days=1)
    _sell_rx(store, ids, consenting, "RX-9")                      # a refill
    created = store.service.schedule_follow_ups()
    assert len(created) == 1
    call = store.service.get(created[0])
    assert (call.member_id, call.reason, call.product_ids) == (consenting, "first_chronic_purchase", (ids.rx,))
    assert store.service.schedule_follow_ups() == []             # each first purchase once
    assert store.service.follow_ups() == []                      # not due yet
    clock.advance(days=store.settings.follow_up_after_days)
    assert [r.id for r in store.service.follow_ups()] == created
    store.members.set_consent(consenting, "care", False, "paper_form")
    assert store.service.follow_ups() == []                      # a withdrawal takes effect at once


def test_a_call_without_answer_stays_open_until_the_last_try(store):
    member = _member(store)
    rid = store.service.record("follow_up", None, member_id=member)
    for _ in range(CALL_ATTEMPTS - 1):
        assert store.service.record_call(rid, "no_answer") == "in_progress"
    assert store.service.record_call(rid, "no_answer") == "closed"
    assert store.service.get(rid).outcome == "no_answer"
    other = store.service.record("follow_up", None, member_id=member)
    assert store.service.record_call(other, "reached", "Taking it every morning") == "closed"
    assert store.service.get(other).notes[-1].text == "Taking it every morning"
    with pytest.raises(ValidationError):
        store.service.record_call(store.service.record("enquiry", "Hours?"), "reached")


def test_a_manual_call_needs_care_consent(store):
    member = _member(store, care=False)
    with pytest.raises(ValidationError):
        store.service.record("follow_up", None, member_id=member)


def _adr(ids, batch_id=None, seriousness="serious", **overrides):
    fields = dict(product_id=ids.rx, reaction="Hives on both arms", onset_date="2020-01-02",
                  seriousness=seriousness, outcome="improving", reporter="Pharmacist Zhou", batch_id=batch_id,
                  usage="5 mg once daily by mouth")
    fields.update(overrides)
    return AdrFacts(**fields)


def test_an_adr_report_keeps_the_national_form_facts(store, ids, clock):
    batch = store.stock.batches(ids.rx)[0]["id"]
    rid = store.service.report_adr(_adr(ids, batch, seriousness="general"), member_id=_member(store))
    record = store.service.get(rid)
    assert record.kind == "adr" and record.adr["reaction"] == "Hives on both arms"
    assert (record.adr["batch_id"], record.adr["seriousness"], record.adr["quality_hold"]) == (batch, "general", 0)


def test_a_serious_adr_puts_the_batch_on_quality_hold_only_under_gsp(store, ids, clock):
    batch = store.stock.batches(ids.rx)[0]["id"]
    plain = store.service.report_adr(_adr(ids, batch))
    assert store.service.get(plain).adr["quality_hold"] == 0
    store.set_setting("regulatory_profile", "china_gsp")
    held = store.service.report_adr(_adr(ids, batch))
    assert store.service.get(held).adr["quality_hold"] == 1
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'quality.hold' AND entity_id = ?",
                           (str(batch),)) == 1


def test_a_serious_adr_under_gsp_takes_the_batch_off_sale_until_released(store, ids, clock):
    batch = store.stock.batches(ids.rx)[0]
    on_hand = batch["on_hand"]
    store.set_setting("regulatory_profile", "china_gsp")
    general = store.service.report_adr(_adr(ids, batch["id"], seriousness="general"))
    assert store.quality.quarantined() == [] and store.service.get(general).adr["quality_hold"] == 0
    held = store.service.report_adr(_adr(ids, batch["id"]))
    [record] = store.quality.quarantined()
    assert (record.batch_id, record.quantity, record.ref_type, record.ref_id) == (batch["id"], on_hand,
                                                                                 "service_record", held)
    assert "Hives" not in record.reason                       # the form names the cause, not the reaction
    assert store.db.scalar("SELECT on_hand FROM batches WHERE id = ?", (batch["id"],)) == on_hand
    assert store.db.scalar("SELECT on_hand - pending_qty - quarantine_qty FROM batches WHERE id = ?",
                           (batch["id"],)) == 0
    again = store.service.report_adr(_adr(ids, batch["id"]))  # nothing left to hold: recorded, no second record
    assert store.service.get(again).adr["quality_hold"] == 1 and len(store.quality.quarantined()) == 1
    store.quality.release_quarantine(record.id, "Investigated: the batch is not implicated")
    assert store.db.scalar("SELECT on_hand - pending_qty - quarantine_qty FROM batches WHERE id = ?",
                           (batch["id"],)) == on_hand


@pytest.mark.parametrize("overrides", [
    {"seriousness": "mild"}, {"outcome": "fine"}, {"reaction": " "}, {"reporter": ""},
    {"onset_date": "2099-01-01"}, {"onset_date": "yesterday"}, {"product_id": 99999},
])
def test_bad_adr_reports_are_refused_and_nothing_is_written(store, ids, clock, overrides):
    before = table_snapshot(store)
    with pytest.raises((ValidationError, NotFound)):
        store.service.report_adr(_adr(ids, **overrides))
    assert table_snapshot(store) == before


def test_an_adr_batch_must_belong_to_the_product(store, ids, clock):
    other_batch = store.stock.batches(ids.otc)[0]["id"]
    with pytest.raises(ValidationError):
        store.service.report_adr(_adr(ids, other_batch))


def test_who_may_do_what(open_store, ids):
    owner = open_store("owner")
    member = _member(owner)
    cashier = open_store("cashier")
    rid = cashier.service.record("complaint", "Change was short", member_id=member)   # anyone takes a complaint
    with pytest.raises(PermissionDenied):
        cashier.service.get(rid)                      # but cashiers do not read accounts (health data)
    with pytest.raises(PermissionDenied):
        cashier.service.close(rid, "ok", outcome="resolved")
    with pytest.raises(PermissionDenied):
        cashier.service.report_adr(_adr(ids, seriousness="general", onset_date="2020-01-01"))
    pharmacist = open_store("pharmacist")
    pharmacist.service.close(rid, "Refunded 2 yuan", outcome="refunded")
    with pytest.raises(PermissionDenied):
        pharmacist.service.reopen(rid, "wrong")       # reopening and corrections are the owner's
    with pytest.raises(PermissionDenied):
        pharmacist.service.correct(rid, "Change was 2 yuan short")
    owner.service.correct(rid, "Change was 2 yuan short")
    record = owner.service.get(rid)
    assert record.account == "Change was 2 yuan short" and record.notes[-1].text == "Change was short"


def test_the_member_export_holds_the_service_records_and_erasure_removes_their_text(store, ids, clock):
    member = _member(store)
    rid = store.service.record("complaint", "Leaflet missing from the box", member_id=member)
    store.service.close(rid, "Printed the leaflet", outcome="resolved")
    store.service.report_adr(_adr(ids), member_id=member)
    data = store.privacy.member_data(member)
    accounts = [r["account"] for r in data["service_records"]]
    assert "Leaflet missing from the box" in accounts
    assert any(r["adr"] and r["adr"]["reaction"] == "Hives on both arms" for r in data["service_records"])
    store.privacy.erase_member(member)
    texts = store.db.all("SELECT account, resolution FROM service_records WHERE member_id = ?", (member,))
    assert texts and all(r["account"] is None and r["resolution"] is None for r in texts)
    assert store.db.scalar("SELECT count(*) FROM service_notes n JOIN service_records r ON r.id = n.record_id "
                           "WHERE r.member_id = ? AND n.text IS NOT NULL", (member,)) == 0
    assert store.db.scalar("SELECT count(*) FROM adr_reports a JOIN service_records r ON r.id = a.record_id "
                           "WHERE r.member_id = ? AND (a.reaction IS NOT NULL OR a.usage IS NOT NULL)", (member,)) == 0
    with pytest.raises(ValidationError):
        store.service.record("complaint", "again", member_id=member)     # an erased member cannot be used


def test_an_erased_members_service_text_is_gone_from_the_database_file(open_store, store_dir, template_store, ids):
    store = open_store("owner")
    member = _member(store)
    rid = store.service.record("complaint", "Zolpidemquux made me dizzy", member_id=member)
    store.service.close(rid, "Referred to Dr Quillfeather", outcome="referred")
    store.service.report_adr(_adr(ids, reaction="Blistering rash Xyzzyplugh"), member_id=member)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    needles = [b"Zolpidemquux", b"Quillfeather", b"Xyzzyplugh"]
    plain = decrypted_pages(store_dir / DB_FILE_NAME, template_store[1])
    assert all(needle in plain for needle in needles)                   # the text is there before
    store.privacy.erase_member(member)
    files = (decrypted_pages(store_dir / DB_FILE_NAME, template_store[1])
             + decrypted_pages(store_dir / (DB_FILE_NAME + "-wal"), template_store[1]))
    assert [needle for needle in needles if needle in files] == []      # overwritten, not just unlinked


def test_the_member_timeline_shows_health_items_only_to_care_staff(open_store, ids, clock):
    owner = open_store("owner")
    member = _member(owner)
    sale = owner.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)], member_id=member)
    clock.advance(minutes=5)
    owner.service.record("complaint", "Box was crushed", member_id=member, sale_id=sale.sale_id)
    clock.advance(minutes=5)
    owner.care.issue_reminder(member, "lapsed", owner.today(), "Not seen for a while", "phone")
    events = owner.members.timeline(member)
    kinds = [event.kind for event in events]
    assert kinds[:2] == ["reminder", "service"] and {"registered", "consent", "sale", "points"} <= set(kinds)
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)
    assert next(e for e in events if e.kind == "sale").facts["products"] == ["Paracetamol 500mg"]
    assert events[1].facts["account"] == "Box was crushed"
    assert [e.kind for e in owner.members.timeline(member, kinds=["sale", "points"])] == ["sale", "points"]

    cashier = open_store("cashier")
    seen = cashier.members.timeline(member)
    assert not any(event.health for event in seen)
    assert {event.kind for event in seen} == {"registered", "consent", "sale", "points"}
    assert "products" not in next(e for e in seen if e.kind == "sale").facts
    with pytest.raises(ValidationError):
        owner.members.timeline(member, kinds=["gossip"])
