"""Head-office export (store side): windows, idempotence, crash recovery, privacy, signatures, permissions."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
import pytest

from pharmadesk.errors import PermissionDenied, ValidationError
from pharmadesk.headoffice import bundle as fmt
from pharmadesk.headoffice import export
from pharmadesk.core.sales import CartLine, Payment


@pytest.fixture
def hq_keys(tmp_path):
    private, public = fmt.new_hq_key()
    path = tmp_path / "hq.pub"
    path.write_text(json.dumps({"public_key": public.hex()}), encoding="utf-8")
    return private, public, path


@pytest.fixture
def ready_store(store, hq_keys, tmp_path):
    store.headoffice.setup_keys(tmp_path / "keys")
    store.headoffice.trust_hq(hq_keys[2])
    return store


def sell(store, ids, times=1, member_id=None):
    for _ in range(times):
        store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250, tendered=2000)], member_id=member_id)


def open_bundle(path, store, hq_keys):
    return export.decrypt_bundle(path, hq_keys[0], store.headoffice.store_public_key())


def tables_of(path, store, hq_keys) -> tuple[dict, dict[str, pa.Table]]:
    manifest, files = open_bundle(path, store, hq_keys)
    return manifest, {name: fmt.read_parquet_bytes(data) for name, data in files.items()}


def test_windows_have_no_gap_and_no_overlap(ready_store, ids, clock, tmp_path, hq_keys):
    out = tmp_path / "out"
    all_sales = []
    results = []
    for round_ in range(4):
        sell(ready_store, ids, times=round_ + 1)
        clock.advance(minutes=5)
        results.append(ready_store.headoffice.export(out))
        clock.advance(minutes=5)
    log = ready_store.headoffice.export_log()
    assert [r["sequence"] for r in log] == [1, 2, 3, 4]
    for earlier, later in zip(log, log[1:]):
        assert earlier["window_end"] == later["window_start"]
    for result in results:
        _, tables = tables_of(result.path, ready_store, hq_keys)
        all_sales += tables["sales"].column("sale_id").to_pylist()
        assert tables["sales"].num_rows == result.rows["sales"]
        assert set(tables) == set(fmt.TABLES)
        for name, table in tables.items():
            assert table.schema.equals(fmt.SCHEMAS[name]), name
            assert set(table.column("store_id").to_pylist()) <= {ready_store.store_id}
    expected = [r[0] for r in ready_store.db.execute("SELECT id FROM sales ORDER BY id")]
    assert sorted(all_sales) == expected and len(all_sales) == len(set(all_sales)) == 10
    assert [r.rows["sales"] for r in results] == [1, 2, 3, 4]
    names = sorted(p.name for p in out.iterdir())
    assert names == [fmt.bundle_name(ready_store.store_id, n) for n in (1, 2, 3, 4)]
    audit = ready_store.db.all("SELECT details FROM audit_log WHERE action = 'headoffice.export'")
    assert len(audit) == 4 and json.loads(audit[0]["details"])["rows"]["sales"] == 1


def test_same_window_gives_identical_plaintext(ready_store, ids, clock, tmp_path, hq_keys):
    sell(ready_store, ids, times=3)
    member = ready_store.members.register("Twin Test", "13900000101", birth_date="1980-02-03", sex="F")
    sell(ready_store, ids, member_id=member)
    clock.advance(minutes=1)
    end = export._window_end(ready_store)
    start = export._first_start(ready_store)
    first = ready_store.headoffice.build_tables(start, end)
    clock.advance(hours=1)
    sell(ready_store, ids, times=2)             # later sales are outside the window
    second = ready_store.headoffice.build_tables(start, end)
    for name in fmt.TABLES:
        if name == "products":
            continue
        assert fmt.sha256_hex(fmt.parquet_bytes(first[name])) == fmt.sha256_hex(fmt.parquet_bytes(second[name])), name
    # and through the whole bundle: a crash before the log row, then the same window again
    out = tmp_path / "out"
    ready_store.headoffice.export(out)
    m1 = json.loads((out / fmt.bundle_name(ready_store.store_id, 1) / fmt.MANIFEST_NAME).read_text())
    ready_store.db.execute("DELETE FROM export_log")           # as if the row had never been written
    import shutil
    shutil.rmtree(out / fmt.bundle_name(ready_store.store_id, 1))
    ready_store.clock = lambda: clock.moment
    clock.moment = clock.moment                                    # same moment: same window
    result = ready_store.headoffice.export(out)
    m2 = json.loads((result.path / fmt.MANIFEST_NAME).read_text())
    assert (m1["window_start"], m1["window_end"]) == (m2["window_start"], m2["window_end"])
    assert {k: v["sha256"] for k, v in m1["files"].items()} == {k: v["sha256"] for k, v in m2["files"].items()}
    assert m1["encryption"]["ephemeral_public_key"] != m2["encryption"]["ephemeral_public_key"]


def test_crash_before_rename_leaves_no_gap(ready_store, ids, clock, tmp_path, hq_keys, monkeypatch):
    out = tmp_path / "out"
    sell(ready_store, ids, times=2)
    clock.advance(minutes=1)
    first = ready_store.headoffice.export(out)
    sell(ready_store, ids, times=3)
    clock.advance(minutes=1)

    def crash(temp, final):
        raise OSError("power cut")

    monkeypatch.setattr(export, "_publish", crash)
    with pytest.raises(OSError):
        ready_store.headoffice.export(out)
    monkeypatch.undo()
    assert len(ready_store.headoffice.export_log()) == 1
    (out / f"{fmt.TEMP_PREFIX}{fmt.bundle_name(ready_store.store_id, 2)}").mkdir()   # a leftover temp folder
    sell(ready_store, ids)
    clock.advance(minutes=1)
    second = ready_store.headoffice.export(out)
    assert second.sequence == 2 and second.window_start == first.window_end and second.rows["sales"] == 4
    assert not [p for p in out.iterdir() if p.name.startswith(fmt.TEMP_PREFIX)]


def test_crash_after_rename_before_log_row_is_adopted(ready_store, ids, clock, tmp_path, hq_keys, monkeypatch):
    out = tmp_path / "out"
    sell(ready_store, ids, times=2)
    clock.advance(minutes=1)
    real = export.HeadOffice._record_export

    def crash(*args, **kwargs):
        raise RuntimeError("killed after the rename, before the export_log row")

    monkeypatch.setattr(export.HeadOffice, "_record_export", crash)
    with pytest.raises(RuntimeError):
        ready_store.headoffice.export(out)
    monkeypatch.setattr(export.HeadOffice, "_record_export", real)
    assert ready_store.headoffice.export_log() == []
    crashed = json.loads((out / fmt.bundle_name(ready_store.store_id, 1) / fmt.MANIFEST_NAME).read_text())
    sell(ready_store, ids, times=3)
    clock.advance(minutes=1)
    result = ready_store.headoffice.export(out)
    assert result.adopted == [1] and result.sequence == 2
    log = ready_store.headoffice.export_log()
    assert log[0]["window_end"] == crashed["window_end"] == log[1]["window_start"]
    counts = [tables_of(out / r["bundle_name"], ready_store, hq_keys)[1]["sales"].num_rows for r in log]
    assert counts == [2, 3]


MEMBERS = [
    dict(name="Zebulon Quixotewright", phone="13912345671", card_no="CARDZQX9001", birth_date="1941-07-19",
         sex="M", allergies="Penicillinzzallergy", conditions=["hypertension"]),
    dict(name="Xiomara Vantablackova", phone="13987654329", card_no="CARDXVB9002", birth_date="2009-11-23",
         sex="F", allergies="Peanutqqallergy", conditions=["asthma"]),
    dict(name="王小明测试", phone="13811122233", card_no="CARDWXM9003", birth_date="1975-03-14", sex="X"),
]


def _text_values(table: pa.Table) -> list[str]:
    values = []
    for column in table.columns:
        values += [str(v) for v in column.to_pylist() if v is not None]
    values += table.schema.names
    return values


def test_no_personal_data_in_any_bundle_file(ready_store, ids, clock, tmp_path, hq_keys):
    member_ids = []
    for m in MEMBERS:
        mid = ready_store.members.register(m["name"], m["phone"], birth_date=m["birth_date"], sex=m["sex"],
                                           card_no=m["card_no"], allergies=m.get("allergies"),
                                           conditions=m.get("conditions", ()), care_consent=True,
                                           marketing_consent=True)
        member_ids.append(mid)
        sell(ready_store, ids, times=2, member_id=mid)
    ready_store.db.execute("UPDATE members SET notes = 'Secretnotezz prefers mornings' WHERE id = ?",
                           (member_ids[0],))
    reminder = ready_store.care.issue_reminder(member_ids[0], "lapsed", ready_store.today(), "lapsed", "phone")
    ready_store.care.record_outcome(reminder, "called")
    complaint = ready_store.service.record("complaint", "Secretcomplaintzz about the queue", member_id=member_ids[0])
    ready_store.service.close(complaint, "Secretresolutionzz apologised", outcome="resolved")
    clock.advance(minutes=1)
    result = ready_store.headoffice.export(tmp_path / "out")
    personal = {"Secretcomplaintzz", "Secretresolutionzz"}
    for row in ready_store.db.all("SELECT card_no, name, phone, birth_date, allergies, notes, anon_id FROM members"):
        personal |= {str(v) for v in row.values() if v}
    for row in ready_store.db.all("SELECT condition FROM member_conditions"):
        personal.add(row["condition"])
    personal |= {m["phone"][-8:] for m in MEMBERS} | {m["birth_date"].replace("-", "") for m in MEMBERS}
    manifest, tables = tables_of(result.path, ready_store, hq_keys)
    assert tables["member_facts"].num_rows == len(MEMBERS)
    assert tables["reminder_outcomes"].num_rows == 1
    counts = tables["service_counts"].to_pylist()
    assert [(r["kind"], r["opened"], r["closed"]) for r in counts if r["kind"] == "complaint"] == [("complaint", 1, 1)]
    assert set(tables["service_counts"].column_names) == {"store_id", "day", "kind", "opened", "closed"}
    texts = []
    for table in tables.values():
        texts += _text_values(table)
    blob = "\n".join(texts)
    for value in personal:
        assert value not in blob, value
    for path in result.path.iterdir():
        raw = path.read_bytes()
        for value in personal:
            assert value.encode() not in raw, (path.name, value)
    assert set(tables["member_facts"].schema.names) == {
        "store_id", "member_pseudonym", "age_band", "sex", "segment", "registered_month", "care_consent",
        "marketing_consent", "erased"}


def test_signature_verifies_and_tampering_fails(ready_store, ids, clock, tmp_path, hq_keys):
    sell(ready_store, ids)
    clock.advance(minutes=1)
    result = ready_store.headoffice.export(tmp_path / "out")
    data = (result.path / fmt.MANIFEST_NAME).read_bytes()
    signature = (result.path / fmt.SIGNATURE_NAME).read_bytes()
    public = ready_store.headoffice.store_public_key()
    fmt.verify(public, data, signature)
    manifest = json.loads(data)
    assert manifest["signing_key_id"] == fmt.key_id(public)
    assert manifest["encryption"]["recipient_key_id"] == fmt.key_id(hq_keys[1])
    assert manifest["schema_version"] >= 7 and manifest["files"]["sales.parquet"]["rows"] == 1
    tampered = data.replace(b'"rows": 1', b'"rows": 2', 1)
    assert tampered != data
    with pytest.raises(fmt.BundleError):
        fmt.verify(public, tampered, signature)
    (result.path / "sales.parquet.enc").write_bytes((result.path / "sales.parquet.enc").read_bytes()[:-5])
    with pytest.raises(fmt.BundleError):
        open_bundle(result.path, ready_store, hq_keys)
    other_private, _ = fmt.new_hq_key()
    with pytest.raises(fmt.BundleError):
        export.decrypt_bundle(result.path, other_private, public)


def test_pseudonym_stable_across_bundles_and_not_the_anon_id(ready_store, ids, clock, tmp_path, hq_keys):
    member = ready_store.members.register("Stable Pseudo", "13900000202", birth_date="1990-01-01")
    sell(ready_store, ids, member_id=member)
    clock.advance(minutes=1)
    first = ready_store.headoffice.export(tmp_path / "out")
    sell(ready_store, ids, member_id=member)
    clock.advance(minutes=1)
    second = ready_store.headoffice.export(tmp_path / "out")
    p1 = tables_of(first.path, ready_store, hq_keys)[1]
    p2 = tables_of(second.path, ready_store, hq_keys)[1]
    anon = ready_store.db.scalar("SELECT anon_id FROM members WHERE id = ?", (member,))
    pseudonym = p1["sales"].column("member_pseudonym").to_pylist()[0]
    assert pseudonym == p2["sales"].column("member_pseudonym").to_pylist()[0]
    assert p1["member_facts"].column("member_pseudonym").to_pylist() == [pseudonym]
    assert p2["member_facts"].column("member_pseudonym").to_pylist() == [pseudonym]
    assert pseudonym != anon and anon not in pseudonym and len(pseudonym) == 32


def test_age_bands():
    today = date(2026, 6, 15)
    cases = {"2010-06-16": "<18", "2008-06-15": "18-29", "1996-06-16": "18-29", "1996-06-15": "30-44",
             "1981-06-15": "45-59", "1966-06-15": "60-74", "1951-06-16": "60-74", "1951-06-15": "75+",
             None: None, "": None, "not a date": None, "2030-01-01": None}
    for born, band in cases.items():
        assert fmt.age_band(born, today) == band, born


def test_age_band_in_member_facts(ready_store, ids, clock, tmp_path, hq_keys):
    as_of = clock.moment.date()
    born = date(as_of.year - 50, 1, 1)
    ready_store.members.register("Band Test", "13900000303", birth_date=born.isoformat())
    ready_store.members.register("No Birth", "13900000304")
    clock.advance(minutes=1)
    result = ready_store.headoffice.export(tmp_path / "out")
    facts = tables_of(result.path, ready_store, hq_keys)[1]["member_facts"]
    assert sorted(facts.column("age_band").to_pylist(), key=str) == ["45-59", None]


def test_withdrawn_consent_and_erasure_show_in_the_next_bundle(ready_store, ids, clock, tmp_path, hq_keys):
    member = ready_store.members.register("Consent Test", "13900000404", care_consent=True, marketing_consent=True)
    clock.advance(minutes=1)
    first = ready_store.headoffice.export(tmp_path / "out")
    facts = tables_of(first.path, ready_store, hq_keys)[1]["member_facts"].to_pylist()
    assert facts[0]["marketing_consent"] is True and facts[0]["care_consent"] is True
    ready_store.members.set_consent(member, "marketing", False, "verbal")
    second = ready_store.headoffice.export(tmp_path / "out")          # same moment: at once
    facts = tables_of(second.path, ready_store, hq_keys)[1]["member_facts"].to_pylist()
    assert facts[0]["marketing_consent"] is False and facts[0]["care_consent"] is True
    clock.advance(minutes=1)
    ready_store.privacy.erase_member(member)
    clock.advance(minutes=1)
    third = ready_store.headoffice.export(tmp_path / "out")
    facts = tables_of(third.path, ready_store, hq_keys)[1]["member_facts"].to_pylist()
    assert facts[0]["erased"] is True and facts[0]["care_consent"] is False and facts[0]["sex"] is None


@pytest.mark.parametrize("role", ["cashier", "pharmacist"])
def test_staff_cannot_export(open_store, role, tmp_path, hq_keys):
    owner = open_store("owner")
    owner.headoffice.setup_keys(tmp_path / "keys")
    owner.headoffice.trust_hq(hq_keys[2])
    staff = open_store(role)
    with pytest.raises(PermissionDenied):
        staff.headoffice.export(tmp_path / "out")
    with pytest.raises(PermissionDenied):
        staff.headoffice.setup_keys(tmp_path / "keys")
    with pytest.raises(PermissionDenied):
        staff.headoffice.trust_hq(hq_keys[2])
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_export_needs_keys_and_folder(store, tmp_path, hq_keys):
    with pytest.raises(ValidationError):
        store.headoffice.export(tmp_path / "out")          # no signing key
    store.headoffice.setup_keys(tmp_path / "keys")
    with pytest.raises(ValidationError):
        store.headoffice.export(tmp_path / "out")          # no head-office key
    store.headoffice.trust_hq(hq_keys[2])
    with pytest.raises(ValidationError):
        store.headoffice.export()                            # no folder set
    pub = json.loads((tmp_path / "keys" / f"{store.store_id}{fmt.STORE_PUB_SUFFIX}").read_text())
    assert bytes.fromhex(pub["public_key"]) == store.headoffice.store_public_key()
    assert pub["store_id"] == store.store_id
    assert "headoffice_signing_key" not in json.dumps(pub)
    bad = tmp_path / "bad.pub"
    bad.write_text("hello")
    with pytest.raises(ValidationError):
        store.headoffice.trust_hq(bad)


def test_day_close_exports_when_scheduled_and_failure_keeps_the_day_closed(ready_store, ids, clock, tmp_path,
                                                                          hq_keys):
    out = tmp_path / "out"
    ready_store.set_setting("headoffice_dir", str(out))
    sell(ready_store, ids, times=2)
    clock.advance(minutes=1)
    report = ready_store.day_close.close_day(2500)
    assert "headoffice" not in report.after_close           # schedule off
    ready_store.set_setting("headoffice_schedule", "day_close")
    sell(ready_store, ids)
    clock.advance(minutes=1)
    report = ready_store.day_close.close_day(1250)
    assert report.after_close["headoffice"]["ok"] is True and report.after_close["headoffice"]["sequence"] == 1
    assert ready_store.headoffice.last_export()["sequence"] == 1
    # a failure: the folder vanished and cannot be re-made
    ready_store.set_setting("headoffice_dir", str(tmp_path / "missing" / "deeper"))
    sell(ready_store, ids)
    clock.advance(minutes=1)
    report = ready_store.day_close.close_day(1250)
    outcome = report.after_close["headoffice"]
    assert outcome["ok"] is False and "not available" in outcome["error"]
    assert ready_store.db.scalar("SELECT count(*) FROM day_closes") == 3
    assert ready_store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'headoffice.export_failed'") == 1


def test_invalid_schedule_refused(store):
    with pytest.raises(ValidationError):
        store.set_setting("headoffice_schedule", "hourly")


def test_a_day_close_without_the_schedule_does_not_load_the_sync(template_store, store_dir):
    """store.headoffice is imported on first use: a till that never exports never loads the sync."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pharmadesk.core.store import Store\n"
        f"store = Store.open({str(store_dir)!r}, key=bytes.fromhex({template_store[1].hex()!r}), use_keyring=False)\n"
        "store.login('owner', '1111')\n"
        "report = store.day_close.close_day(0)\n"
        "print(report.closed, 'pharmadesk.headoffice.export' in sys.modules)\n"
        "store.headoffice.ready()\n"
        "print('pharmadesk.headoffice.export' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "False", "True"]


def test_promoted_lines_and_promotions_travel_without_members(ready_store, ids, clock, tmp_path, hq_keys):
    """Per sale line the promotions and their amounts, and the promotions themselves (id, kind, label, dates,
    status); not who they were for, nor coupon codes."""
    from tests.analytics.promotion_helpers import add_promotion, promoted_sale

    store = ready_store
    member = store.members.register("Li Lei", "13900001111", marketing_consent=True)
    today = store.today()
    promotion = add_promotion(store, "Member day", today, today + timedelta(days=30), kind="member_price",
                              products=(ids.otc,), month_days="8,18,28", audience="listed")
    with store.db.transaction():
        store.db.insert("promotion_members", {"promotion_id": promotion, "member_id": member})
        store.db.insert("coupons", {"promotion_id": promotion, "code": "SECRETCOUPON42", "member_id": member,
                                    "issued_at": "2026-01-01T00:00:00.000000+00:00",
                                    "expires_on": (today + timedelta(days=30)).isoformat()})
    sale = promoted_sale(store, [(ids.otc, 2, {promotion: 300}), (ids.otc, 1, {})], member_id=member)
    clock.advance(minutes=1)
    result = store.headoffice.export(tmp_path / "out")
    _manifest, tables = tables_of(result.path, store, hq_keys)
    priced = tables["sale_line_promotions"].to_pylist()
    assert [(r["sale_id"], r["line_id"], r["promotion_id"], r["amount"]) for r in priced] == [
        (sale.sale_id, sale.lines[0].sale_line_id, promotion, 300)]
    assert tables["promotions"].to_pylist() == [{
        "store_id": store.store_id, "promotion_id": promotion, "kind": "member_price", "label": "Member day",
        "starts_on": today, "ends_on": today + timedelta(days=30), "status": "active"}]
    lines = {r["line_id"]: r for r in tables["sale_lines"].to_pylist()}
    assert lines[sale.lines[0].sale_line_id]["discount"] == 300          # part of the line's whole discount
    for name in ("sale_line_promotions", "promotions"):
        assert not [c for c in tables[name].schema.names if "member" in c], name
    blob = "\n".join(text for table in tables.values() for text in _text_values(table))
    assert "SECRETCOUPON42" not in blob and "Li Lei" not in blob and "13900001111" not in blob
