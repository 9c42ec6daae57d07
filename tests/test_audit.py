"""The audit log: hash-chained, append-only, tamper-evident, and free of personal data."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest

from pharmadesk.core.audit import GENESIS, chain_key, entry_mac
from pharmadesk.db.connection import IntegrityError
from pharmadesk.errors import PermissionDenied
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.returns import ReturnItem

from conftest import PINS


def _activity(store, ids):
    store.catalog.set_price(ids.otc, 1300)
    sale = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2600)])
    store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "wrong size")
    store.set_setting("near_expiry_days", "60")


def test_chain_verifies_and_links_every_entry(store, ids, template_store):
    _activity(store, ids)
    assert store.audit.verify() == []
    rows = store.db.all("SELECT id, prev_hash, hash FROM audit_log ORDER BY id")
    assert len(rows) > 10
    assert [r["id"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["prev_hash"] == GENESIS
    for previous, row in zip(rows, rows[1:]):
        assert row["prev_hash"] == previous["hash"]
    first = store.db.one("SELECT * FROM audit_log WHERE id = 1")
    canonical = json.dumps([1, first["at"], first["user_id"], first["action"], first["entity"], first["entity_id"],
                            first["details"]], separators=(",", ":"), ensure_ascii=False)
    # HMAC-SHA256 under the key derived from the database key (issue 17), no longer a plain SHA-256.
    key = chain_key(template_store[1])
    assert first["hash"] == hmac.new(key, (GENESIS + canonical).encode(), hashlib.sha256).hexdigest()
    assert first["hash"] != hashlib.sha256((GENESIS + canonical).encode()).hexdigest()
    assert first["action"] == "store.create"


def test_the_log_refuses_updates_and_deletes(store):
    with pytest.raises(IntegrityError, match="append-only"):
        store.db.execute("UPDATE audit_log SET details = '{}' WHERE id = 1")
    with pytest.raises(IntegrityError, match="append-only"):
        store.db.execute("DELETE FROM audit_log WHERE id = 1")
    assert store.audit.verify() == []


def _drop_triggers(store):
    # An attacker holding the key can do this; the chain must still tell.
    store.db.execute("DROP TRIGGER audit_log_no_update")
    store.db.execute("DROP TRIGGER audit_log_no_delete")


@pytest.mark.parametrize("column, value", [
    ("details", '{"price":1}'), ("user_id", 2), ("action", "login"), ("at", "2020-01-01T00:00:00.000000+00:00"),
    ("entity_id", "999"),
])
def test_an_edited_entry_is_detected(store, ids, column, value):
    _activity(store, ids)
    _drop_triggers(store)
    target = store.db.scalar("SELECT id FROM audit_log WHERE action = 'price.change'")
    store.db.execute(f"UPDATE audit_log SET {column} = ? WHERE id = ?", (value, target))
    problems = store.audit.verify()
    # The dropped triggers are findings of the log as a whole (entry 0); the edit is the only entry finding.
    assert [(p.entry_id, p.reason) for p in problems if p.entry_id] == [(target, "content was changed")]
    assert sum("trigger" in p.reason for p in problems) == 2


def test_an_edited_entry_with_recomputed_hash_breaks_the_next_link(store, ids, template_store):
    _activity(store, ids)
    _drop_triggers(store)
    row = store.db.one("SELECT * FROM audit_log WHERE action = 'price.change'")
    forged = entry_mac(chain_key(template_store[1]), row["prev_hash"], row["id"], row["at"], row["user_id"],
                       row["action"], row["entity"], row["entity_id"], '{"new":1,"old":1250}')
    store.db.execute("UPDATE audit_log SET details = ?, hash = ? WHERE id = ?",
                     ('{"new":1,"old":1250}', forged, row["id"]))
    problems = store.audit.verify()
    assert (row["id"] + 1, "does not follow the previous entry") in [(p.entry_id, p.reason) for p in problems]


def test_a_deleted_entry_is_detected(store, ids):
    _activity(store, ids)
    _drop_triggers(store)
    target = store.db.scalar("SELECT id FROM audit_log WHERE action = 'refund'")
    store.db.execute("DELETE FROM audit_log WHERE id = ?", (target,))
    problems = store.audit.verify()
    reasons = [(p.entry_id, p.reason) for p in problems]
    assert (target + 1, f"entries {target}..{target} are missing") in reasons
    assert (target + 1, "does not follow the previous entry") in reasons


def test_a_reordered_chain_is_detected(store, ids):
    _activity(store, ids)
    _drop_triggers(store)
    a, b = 3, 4
    row_a = store.db.one("SELECT * FROM audit_log WHERE id = ?", (a,))
    row_b = store.db.one("SELECT * FROM audit_log WHERE id = ?", (b,))
    for target, row in ((a, row_b), (b, row_a)):
        store.db.execute("UPDATE audit_log SET action = ?, details = ?, entity = ?, entity_id = ? WHERE id = ?",
                         (row["action"], row["details"], row["entity"], row["entity_id"], target))
    assert store.audit.verify() != []


def test_entries_need_view_audit(open_store):
    store = open_store("owner")
    entries = store.audit.entries(limit=5)
    assert len(entries) == 5 and entries[0]["id"] > entries[-1]["id"]
    assert all(e["action"] == "login" for e in store.audit.entries(action="login"))
    store.login("pharmacist", PINS["pharmacist"])
    with pytest.raises(PermissionDenied):
        store.audit.entries()


def test_audit_entries_hold_no_personal_data(open_store, ids):
    store = open_store("pharmacist")
    name, phone, birth = "Xanthippe Quarrington", "+86 139-8765-4321", "1961-03-17"
    member = store.members.register(name, phone, birth_date=birth, sex="F", conditions=["hypertension"],
                                    allergies="penicillin", care_consent=True, marketing_consent=False)
    store.members.update(member, name="Xanthippe Quarrington-Smythe", phone="+86 139 8765 9999",
                         notes="prefers morning calls")
    store.members.set_conditions(member, ["hypertension", "type 2 diabetes"])
    store.members.set_consent(member, "marketing", True, "verbal")
    sale = store.sales.sell([CartLine(ids.otc, 2)], [Payment("card", 2500, reference="TERM-0001")], member_id=member)
    store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "duplicate")
    # Every column but the two hex digests (where four digits turn up by chance).
    rows = store.db.execute("SELECT id, at, user_id, action, entity, entity_id, details FROM audit_log").fetchall()
    text = json.dumps(rows, ensure_ascii=False).lower()
    for needle in ("xanthippe", "quarrington", "smythe", "8765", "4321", "9999", "1961-03-17",
                   "hypertension", "diabetes", "penicillin", "morning"):
        assert needle not in text, needle
    # The entries are there, by id: who did what to which member.
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE entity = 'member' AND entity_id = ?",
                           (str(member),)) >= 4
    assert store.audit.verify() == []
