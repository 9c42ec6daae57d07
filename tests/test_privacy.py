"""Members' privacy rights: consent lists, the data export (JSON and PDF), corrections with history,
erasure that keeps the accounts, the retention rule, and what a cashier may not see."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from pathlib import Path

import pytest

from pharmadesk import env
from pharmadesk.core import privacy
from pharmadesk.cli.main import main as cli_main
from pharmadesk.db.connection import DB_FILE_NAME
from pharmadesk.errors import IntegrityFailure, NotFound, PermissionDenied, ValidationError
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.store import Store
from pharmadesk.core.timeutil import to_iso

from conftest import PASSPHRASE, PASSWORDS, decrypted_pages, table_snapshot

NAME, PHONE, BIRTH = "Xanthippe Quarrington", "+86 139-8765-4321", "1961-03-17"
PHONE_DIGITS = "13987654321"             # +86 before a Chinese mobile is dropped (issue 17)


def register(store: Store, name: str = NAME, phone: str = PHONE, **extra) -> int:
    fields = dict(birth_date=BIRTH, sex="F", conditions=["hypertension"], allergies="penicillin",
                  care_consent=True, marketing_consent=False)
    fields.update(extra)
    return store.members.register(name, phone, **fields)


def personal_strings(store: Store, member_id: int) -> list[str]:
    row = store.db.one("SELECT * FROM members WHERE id = ?", (member_id,))
    return [row[c] for c in ("name", "phone", "card_no") if row[c]]


def rx_sale(store: Store, ids, member_id: int):
    """Paracetamol and ramipril (with its prescription) for the member; the owner confirms the Rx line."""
    rx = Prescription("Dr. Lee", "RX-7781", store.today().isoformat())
    return store.sales.sell([CartLine(ids.otc, 2), CartLine(ids.rx, 1, prescription=rx)],
                            [Payment("card", 2 * 1250 + 3000, reference="TERM-0001")], member_id=member_id)


# -- consent: one list, and a withdrawal takes effect at once ----------------------------------------------------


def test_withdrawing_consent_takes_the_member_off_the_list_at_once(open_store, clock):
    store = open_store("owner")
    anna = register(store, "Anna Care", "13800000001", care_consent=True, marketing_consent=True)
    ben = register(store, "Ben Care", "13800000002", care_consent=True, marketing_consent=False)
    cleo = register(store, "Cleo Nobody", "13800000003", care_consent=None, marketing_consent=None)
    assert store.privacy.consented_members("care") == [anna, ben]
    assert store.privacy.consented_members("marketing") == [anna]
    before = clock()

    clock.advance(minutes=1)
    store.members.set_consent(anna, "care", False, "verbal")
    assert store.privacy.consented_members("care") == [ben]            # at once, no cache, no batch job
    assert store.privacy.consented_members("marketing") == [anna]      # the other kind is untouched
    assert not store.members.has_consent(anna, "care")

    store.members.set_consent(cleo, "marketing", True, "app")
    store.members.set_consent(anna, "marketing", False, "sms")
    assert store.privacy.consented_members("marketing") == [cleo]
    store.members.set_consent(anna, "care", True, "paper_form")         # the latest answer wins
    assert store.privacy.consented_members("care") == [anna, ben]

    # "As if now were then": the answers given up to that moment.
    assert store.privacy.consented_members("care", as_of=before) == [anna, ben]
    assert store.privacy.consented_members("marketing", as_of=before) == [anna]

    # Every member the list names has consent, and every member with consent is on the list.
    for kind in ("care", "marketing"):
        listed = set(store.privacy.consented_members(kind))
        assert listed == {m for m in (anna, ben, cleo) if store.members.has_consent(m, kind)}


def test_the_consent_condition_is_usable_in_other_queries(store):
    anna = register(store, "Anna Care", "13800000001")
    register(store, "Ben None", "13800000002", care_consent=False)
    condition, params = privacy.consent_filter("care", alias="mm")
    rows = store.db.execute(f"SELECT mm.id FROM members mm WHERE {condition}", params).fetchall()
    assert [r[0] for r in rows] == [anna]
    with pytest.raises(ValidationError):
        privacy.consent_filter("sms spam")


def test_an_erased_member_has_consented_to_nothing(store):
    anna = register(store, "Anna Care", "13800000001", marketing_consent=True)
    store.privacy.erase_member(anna)
    assert store.privacy.consented_members("care") == []
    assert store.privacy.consented_members("marketing") == []
    assert not store.members.has_consent(anna, "care")


def test_who_may_draw_up_contact_lists(open_store):
    owner = open_store("owner")
    register(owner)
    pharmacist = open_store("pharmacist")
    assert len(pharmacist.privacy.consented_members("care")) == 1      # care reminders are the pharmacist's job
    with pytest.raises(PermissionDenied):
        pharmacist.privacy.consented_members("marketing")             # campaigns are the owner's
    cashier = open_store("cashier")
    for kind in ("care", "marketing"):
        with pytest.raises(PermissionDenied):
            cashier.privacy.consented_members(kind)


# -- the marketing call list ----------------------------------------------------------------------------------


def test_call_list_holds_only_marketing_consented_members_and_is_audited(open_store, tmp_path):
    store = open_store("owner")
    yes = register(store, "Anna Yes", "13800000011", marketing_consent=True)
    no = register(store, "Ben No", "13800000012", marketing_consent=False)
    withdrawn = register(store, "Cleo Withdrew", "13800000013", marketing_consent=True)
    store.members.set_consent(withdrawn, "marketing", False, "verbal")
    erased = register(store, "Dan Erased", "13800000014", marketing_consent=True)
    store.privacy.erase_member(erased)
    path = tmp_path / "calls.csv"
    assert store.privacy.export_call_list([yes, no, withdrawn, erased], path, label="regulars",
                                          headers=("Nom", "Tél")) == 1
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [["Nom", "Tél"], ["Anna Yes", "13800000011"]]
    entry = store.db.one("SELECT entity, entity_id, details FROM audit_log WHERE action = 'segment.call_list'")
    assert entry == {"entity": "segment", "entity_id": "regulars", "details": '{"members":1}'}
    assert "Anna" not in entry["details"] and "138" not in entry["details"]     # a count, no personal data


@pytest.mark.parametrize("role", ["cashier", "pharmacist"])
def test_call_list_is_refused_to_staff_and_writes_nothing(open_store, tmp_path, role):
    owner = open_store("owner")
    member = register(owner, "Anna Yes", "13800000011", marketing_consent=True)
    staff = open_store(role)
    before = table_snapshot(staff)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PermissionDenied):
        staff.privacy.export_call_list([member], out / "calls.csv")
    assert list(out.iterdir()) == []
    assert table_snapshot(staff) == before


def test_call_list_refuses_other_formats_and_missing_folders(store, tmp_path):
    member = register(store, "Anna Yes", "13800000011", marketing_consent=True)
    before = table_snapshot(store)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError):
        store.privacy.export_call_list([member], out / "calls.txt")
    with pytest.raises(ValidationError):
        store.privacy.export_call_list([member], out / "missing" / "calls.csv")
    assert table_snapshot(store) == before and list(out.iterdir()) == []


def test_erasure_result_is_frozen(store):
    result = store.privacy.erase_member(register(store))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.sales = 5


# -- corrections with history -------------------------------------------------------------------------------------


def test_every_correction_keeps_old_and_new_value(open_store, clock):
    store = open_store("pharmacist")
    member = register(store)
    clock.advance(minutes=5)
    store.members.update(member, name="Xanthippe Quarrington-Smythe", phone="+86 139 8765 9999", sex="F",
                         notes="prefers morning calls")
    store.members.set_conditions(member, ["hypertension", "type 2 diabetes"])
    store.members.set_conditions(member, ["type 2 diabetes", "hypertension"])   # no change: no history row
    history = store.members.correction_history(member)
    assert [(h["field"], h["old_value"], h["new_value"]) for h in history] == [
        ("name", NAME, "Xanthippe Quarrington-Smythe"),
        ("notes", None, "prefers morning calls"),
        ("phone", PHONE_DIGITS, "13987659999"),
        ("conditions", "hypertension", "hypertension; type 2 diabetes"),
    ]                                                       # sex was given unchanged: not a correction
    assert all(h["user_id"] == store.user.id for h in history)
    assert {h["at"] for h in history} == {to_iso(clock())}
    # The audit log names the fields, never the values.
    details = store.db.scalar("SELECT details FROM audit_log WHERE action = 'member.update' ORDER BY id DESC")
    assert json.loads(details) == {"fields": ["name", "notes", "phone", "sex"]}
    cashier = open_store("cashier")
    with pytest.raises(PermissionDenied):
        cashier.members.correction_history(member)


def test_a_refused_correction_leaves_no_history(open_store):
    store = open_store("owner")
    member = register(store)
    other = register(store, "Other Person", "13800000009")
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        store.members.update(member, name="New Name", phone="13800000009")   # the other member's phone
    with pytest.raises(ValidationError):
        store.members.update(member, name="")
    assert table_snapshot(store) == before
    assert other


# -- the data export ---------------------------------------------------------------------------------------------


def test_json_export_holds_everything_about_the_member(store, ids, tmp_path, clock):
    member = register(store)
    other = register(store, "Someone Else", "13800000009")
    store.members.update(member, notes="prefers morning calls")
    store.members.set_consent(member, "marketing", True, "verbal")
    sale = rx_sale(store, ids, member)
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)], member_id=other)
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])                   # anonymous
    clock.advance(minutes=3)
    ret = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "duplicate")

    path = store.privacy.export_member(member, tmp_path / "member.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == privacy.EXPORT_FORMAT
    m = data["member"]
    assert (m["id"], m["name"], m["phone"], m["birth_date"], m["sex"], m["allergies"], m["notes"]) == (
        member, NAME, PHONE_DIGITS, BIRTH, "F", "penicillin", "prefers morning calls")
    assert m["card_no"] and m["anon_id"] and m["erased_at"] is None
    assert data["conditions"] == ["hypertension"]
    assert data["consents_now"] == {"care": True, "marketing": True}
    assert [(c["kind"], c["granted"], c["source"]) for c in data["consents"]] == [
        ("care", True, "paper_form"), ("marketing", False, "paper_form"), ("marketing", True, "verbal")]
    assert [p["receipt_no"] for p in data["purchases"]] == [sale.receipt_no]             # only theirs
    lines = data["purchases"][0]["lines"]
    assert [(l["product"], l["quantity"]) for l in lines] == [("Paracetamol 500mg", 2), ("Ramipril 5mg", 1)]
    assert lines[0]["prescription"] is None
    assert lines[1]["prescription"]["rx_number"] == "RX-7781" and lines[1]["prescription"]["prescriber"] == "Dr. Lee"
    assert lines[1]["batches"] == [{"batch_no": "R-1", "expiry": lines[1]["batches"][0]["expiry"], "quantity": 1}]
    assert data["purchases"][0]["payments"] == [{"method": "card", "amount": 5500}]
    assert [(r["return_no"], r["receipt_no"], r["refund_total"]) for r in data["returns"]] == [
        (ret.return_no, sale.receipt_no, ret.refund)]
    assert data["returns"][0]["lines"] == [{"product": "Paracetamol 500mg", "quantity": 1, "refund": ret.refund,
                                            "damaged": 0}]
    assert [(p["delta"], p["reason"]) for p in data["points_ledger"]] == [(55, "earn"), (-ret.points_reversed,
                                                                                         "return")]
    assert data["points_ledger"][0]["receipt_no"] == sale.receipt_no
    assert [(c["field"], c["new_value"]) for c in data["corrections"]] == [("notes", "prefers morning calls")]
    assert m["points"] == 55 - ret.points_reversed

    # Audited, with the file's digest and format but no personal data.
    entry = store.db.one("SELECT * FROM audit_log WHERE action = 'privacy.export'")
    assert entry["entity_id"] == str(member)
    details = json.loads(entry["details"])
    assert details["format"] == "json" and details["purchases"] == 1 and len(details["sha256"]) == 64
    for needle in ("Xanthippe", "8765", "penicillin", "hypertension", m["card_no"]):
        assert needle not in entry["details"]
    assert store.audit.verify() == []


def test_pdf_export_is_a_printable_document(store, ids, tmp_path):
    member = register(store, "袁雨欣", "13800000001")               # a Chinese name must print too
    for _ in range(3):
        rx_sale(store, ids, member)
    path = store.privacy.export_member(member, tmp_path / "member.PDF")
    payload = path.read_bytes()
    assert payload.startswith(b"%PDF-") and payload.rstrip().endswith(b"%%EOF")
    # Title page, purchases, returns, points, consents, corrections.
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", payload)) >= 6
    details = json.loads(store.db.scalar("SELECT details FROM audit_log WHERE action = 'privacy.export'"))
    assert details["format"] == "pdf"
    assert store.privacy.verify_export(path)


def test_a_tampered_export_is_detected(store, tmp_path):
    member = register(store)
    path = store.privacy.export_member(member, tmp_path / "member.json")
    entry = store.privacy.verify_export(path)
    assert store.db.scalar("SELECT action FROM audit_log WHERE id = ?", (entry,)) == "privacy.export"
    path.write_text(path.read_text(encoding="utf-8").replace("penicillin", "nothing"), encoding="utf-8")
    with pytest.raises(IntegrityFailure):
        store.privacy.verify_export(path)
    stranger = tmp_path / "made-up.json"
    stranger.write_text("{}")
    with pytest.raises(IntegrityFailure):
        store.privacy.verify_export(stranger)


@pytest.mark.parametrize("name", ["member.txt", "member", "no-such-folder/member.json"])
def test_export_refuses_bad_targets_and_writes_nothing(store, tmp_path, name):
    member = register(store)
    out = tmp_path / "out"
    out.mkdir()
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        store.privacy.export_member(member, out / name)
    assert table_snapshot(store) == before
    assert list(out.iterdir()) == []


def test_an_export_that_cannot_be_audited_is_not_left_behind(store, tmp_path, monkeypatch):
    member = register(store)
    before = table_snapshot(store)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(store.audit, "record", broken)
    with pytest.raises(OSError):
        store.privacy.export_member(member, tmp_path / "member.json")
    assert not (tmp_path / "member.json").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".pharmadesk-export")] == []
    assert table_snapshot(store) == before


def test_exporting_an_unknown_member_is_not_found(store, tmp_path):
    with pytest.raises(NotFound):
        store.privacy.export_member(999, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("role", ["cashier", "pharmacist"])
def test_cashier_and_pharmacist_get_no_export_and_cashier_no_history(open_store, ids, tmp_path, role):
    owner = open_store("owner")
    member = register(owner)
    rx_sale(owner, ids, member)
    store = open_store(role)
    out = tmp_path / "out"
    out.mkdir()
    before = table_snapshot(store)
    for call in (lambda: store.privacy.export_member(member, out / "m.json"),
                 lambda: store.privacy.export_member(member, out / "m.pdf"),
                 lambda: store.privacy.member_data(member),
                 lambda: store.privacy.erase_member(member),
                 lambda: store.privacy.apply_retention(),
                 lambda: store.privacy.retention_due()):
        with pytest.raises(PermissionDenied):
            call()
    assert table_snapshot(store) == before
    assert list(out.iterdir()) == []
    if role == "cashier":
        # What a member buys is health data: the cashier sees a masked member and no purchase history.
        with pytest.raises(PermissionDenied):
            store.members.purchase_history(member)
        seen = store.members.get(member)
        assert seen.masked and seen.phone.endswith("4321") and "8765" not in seen.phone
        assert seen.conditions is None and seen.allergies is None and seen.birth_date is None
    else:
        assert len(store.members.purchase_history(member)) == 1


# -- erasure -----------------------------------------------------------------------------------------------------


def test_erasure_removes_personal_data_and_keeps_the_accounts(store, ids, clock):
    member = register(store)
    store.members.update(member, notes="prefers morning calls")
    sale = rx_sale(store, ids, member)
    card = store.members.get(member).card_no
    anon_id = store.db.scalar("SELECT anon_id FROM members WHERE id = ?", (member,))
    parked = store.sales.suspend([CartLine(ids.otc, 1)], "back in 5", member_id=member)
    sales_before = store.db.all("SELECT id, receipt_no, total, member_id FROM sales ORDER BY id")
    points = store.members.get(member).points
    assert points > 0
    clock.advance(hours=1)

    result = store.privacy.erase_member(member)
    assert result == privacy.ErasureResult(member, anon_id, sales=1, points_cleared=points)
    row = store.db.one("SELECT * FROM members WHERE id = ?", (member,))
    assert all(row[c] is None for c in ("card_no", "name", "phone", "birth_date", "sex", "allergies", "notes"))
    assert row["erased_at"] == to_iso(clock()) and row["anon_id"] == anon_id and row["points"] == 0
    for table in ("member_conditions", "member_history"):
        assert store.db.scalar(f"SELECT count(*) FROM {table} WHERE member_id = ?", (member,)) == 0
    # The sales stay for the accounts, linked to the (now anonymous) member row.
    assert store.db.all("SELECT id, receipt_no, total, member_id FROM sales ORDER BY id") == sales_before
    last = store.db.one("SELECT delta, reason FROM points_ledger WHERE member_id = ? ORDER BY id DESC", (member,))
    assert last == {"delta": -points, "reason": "adjust"}
    assert store.db.scalar("SELECT SUM(delta) FROM points_ledger WHERE member_id = ?", (member,)) == 0
    lines, _member = store.sales.resume(parked)
    assert _member is None and lines[0].product_id == ids.otc          # a parked cart lets go of the member
    entry = store.db.one("SELECT * FROM audit_log WHERE action = 'member.erase'")
    assert entry["entity_id"] == str(member)
    assert json.loads(entry["details"]) == {"reason": "request", "sales": 1, "points_cleared": points}
    assert store.audit.verify() == [] and store.stock.verify_ledger() == []

    # Nobody can find, change or use the erased member any more.
    with pytest.raises(NotFound):
        store.members.by_phone(PHONE)
    with pytest.raises(NotFound):
        store.members.by_card(card)
    assert store.members.search("Xanth") == [] and store.members.search(card) == []
    assert store.members.search("4321") == []
    view = store.members.get(member)
    assert view.erased and view.name is None and view.phone is None and view.conditions == ()
    before = table_snapshot(store)
    for call in (
        lambda: store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)], member_id=member),
        lambda: store.members.update(member, name="Back Again"),
        lambda: store.members.set_conditions(member, ["asthma"]),
        lambda: store.members.set_consent(member, "care", True, "verbal"),
        lambda: store.members.adjust_points(member, 10),
        lambda: store.privacy.erase_member(member),
    ):
        with pytest.raises(ValidationError):
            call()
    assert table_snapshot(store) == before
    # The phone number is free again for a new registration.
    assert register(store) != member

    # A return of the old sale still works and moves no points to the erased member.
    ret = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "changed mind")
    assert ret.refund > 0 and store.members.get(member).points == 0

    # What is left of them, as an export shows it: no personal data.
    data = store.privacy.member_data(member)
    assert data["member"]["name"] is None and data["corrections"] == [] and data["conditions"] == []
    text = json.dumps(data, ensure_ascii=False)
    for needle in ("Xanthippe", "8765", "penicillin", "hypertension", "morning", BIRTH, card):
        assert needle not in text


def test_erasure_leaves_no_copy_in_the_database_files(open_store, store_dir, template_store):
    store = open_store("owner")
    key = template_store[1]
    secure_delete = store.db.scalar("PRAGMA secure_delete")           # SQLCipher's default is on
    member = register(store)
    store.members.update(member, notes="prefers morning calls")
    card = store.members.get(member).card_no
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    needles = [s.encode() for s in ("Xanthippe", "Quarrington", PHONE_DIGITS[3:], card, "penicillin",
                                    "prefers morning")]
    plain = decrypted_pages(store_dir / DB_FILE_NAME, key)
    assert b"CREATE TABLE member_history" in plain                     # the decryption works
    assert all(needle in plain for needle in needles)                  # and the data is there before

    store.privacy.erase_member(member)
    wal = store_dir / (DB_FILE_NAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0                 # old page images folded back
    plain = decrypted_pages(store_dir / DB_FILE_NAME, key)
    assert [needle for needle in needles if needle in plain] == []     # overwritten, not just unlinked
    assert store.db.scalar("PRAGMA secure_delete") == secure_delete    # the connection's setting is as it was


# -- retention ---------------------------------------------------------------------------------------------------


def test_retention_erases_members_inactive_for_the_set_years(store, ids, clock):
    store.set_setting("retention_years", "2")
    quiet = register(store, "Quiet Member", "13800000001")
    buyer = register(store, "Regular Buyer", "13800000002")
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)], member_id=quiet)   # bought once, at day 0
    clock.advance(days=365)
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)], member_id=buyer)   # bought at day 365
    clock.advance(days=200)
    late = register(store, "Late Joiner", "13800000003")                                  # registered at day 565
    clock.advance(days=728 - 565)
    assert store.privacy.retention_due() == []                      # day 728: not yet two years for anyone
    clock.advance(days=4)
    assert store.privacy.retention_due() == [quiet]                 # day 732: two years (even with a 29 February)
    before_sales = store.db.all("SELECT id, member_id, total FROM sales ORDER BY id")

    assert store.privacy.apply_retention() == 1
    assert store.members.get(quiet).erased and store.members.get(quiet).name is None
    assert not store.members.get(buyer).erased and not store.members.get(late).erased
    assert store.db.all("SELECT id, member_id, total FROM sales ORDER BY id") == before_sales
    erase = store.db.one("SELECT details FROM audit_log WHERE action = 'member.erase'")
    assert json.loads(erase["details"])["reason"] == "retention"
    applied = store.db.one("SELECT details FROM audit_log WHERE action = 'retention.apply'")
    assert json.loads(applied["details"]) == {"erased": 1, "years": 2}
    assert store.privacy.apply_retention() == 0                     # nothing left to do; nothing audited
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'retention.apply'") == 1

    clock.advance(days=367)                                        # day 1099: the buyer's purchase is 2 years old
    assert store.privacy.apply_retention() == 1 and store.members.get(buyer).erased
    clock.advance(days=200)                                        # day 1299: the late joiner's registration too
    assert store.privacy.apply_retention() == 1 and store.members.get(late).erased
    assert store.audit.verify() == []


def test_retention_is_off_by_default_and_the_setting_is_checked(store, clock):
    member = register(store)
    clock.advance(days=365 * 30)
    assert store.settings.retention_years == 0
    assert store.privacy.retention_due() == [] and store.privacy.apply_retention() == 0
    assert not store.members.get(member).erased
    for bad in ("-1", "101", "two", "1.5", ""):
        with pytest.raises(ValidationError):
            store.set_setting("retention_years", bad)
    store.set_setting("retention_years", "10")
    assert store.privacy.apply_retention() == 1


# -- the command line ------------------------------------------------------------------------------------------


@pytest.fixture
def cli_env(monkeypatch, tmp_path):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setenv(env.LOG_DIR, str(tmp_path / "logs"))
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)


def test_cli_member_export_erase_and_retention(open_store, store_dir, tmp_path, cli_env, monkeypatch, capsys):
    store = open_store("owner")
    member = register(store)
    store.close()
    out = tmp_path / "member.json"
    assert cli_main(["member", "export", str(member), "--out", str(out), "--store", str(store_dir)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["member"]["name"] == NAME
    assert cli_main(["member", "export", str(member), "--out", str(tmp_path / "m.pdf"),
                     "--store", str(store_dir)]) == 0
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")

    with pytest.raises(SystemExit, match="--yes"):                      # no terminal to ask in: not without --yes
        cli_main(["member", "erase", str(member), "--store", str(store_dir)])
    assert cli_main(["member", "erase", str(member), "--yes", "--store", str(store_dir)]) == 0
    assert "sale(s) kept under anonymous id" in capsys.readouterr().out
    assert cli_main(["member", "erase", str(member), "--yes", "--store", str(store_dir)]) == 1
    assert "already been erased" in capsys.readouterr().err

    assert cli_main(["retention", "apply", "--store", str(store_dir)]) == 0
    assert "Retention is off" in capsys.readouterr().out

    monkeypatch.setenv(env.PASSWORD, PASSWORDS["cashier"])
    assert cli_main(["member", "export", str(member), "--out", str(tmp_path / "c.json"), "--user", "cashier",
                     "--store", str(store_dir)]) == 1
    assert "not allowed" in capsys.readouterr().err and not (tmp_path / "c.json").exists()
    with Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False) as reopened:
        assert reopened.db.scalar("SELECT erased_at FROM members WHERE id = ?", (member,)) is not None


def test_the_export_lists_care_reminders_with_outcomes_and_campaigns(store, ids):
    member = store.members.register("Reminded Member", "13955556666", care_consent=True, marketing_consent=True)
    reminder = store.care.issue_reminder(member, "refill_due", store.today(), "Ramipril runs out soon", "sms",
                                   product_id=ids.rx)
    store.care.record_outcome(reminder, "refilled")
    store.campaigns.create("Winter check", [member], starts_on=store.today(), ends_on=store.today(),
                              holdout=0)
    data = store.privacy.member_data(member)
    assert [(r["kind"], r["product"], [o["outcome"] for o in r["outcomes"]]) for r in data["care_reminders"]] == [
        ("refill_due", "Ramipril 5mg", ["refilled"])]
    assert [(c["name"], c["arm"]) for c in data["campaigns"]] == [("Winter check", "target")]
