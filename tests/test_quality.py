"""store.quality, the GSP quality records (issue 15): qualifications, acceptance, quarantine, near expiry.

The storage log and maintenance checks are in tests/test_quality_upkeep.py.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.core.permissions import Action
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.errors import NotFound, PermissionDenied, StockError, ValidationError

from conftest import PINS, approve_for_gsp, table_snapshot


def _receive(store, product_id, batch_no, quantity=10, days=300, supplier=None, ids=None):
    supplier = supplier if supplier is not None else ids.supplier
    return store.stock.receive(supplier, [ReceiptLine(product_id, batch_no, store.today() + timedelta(days=days),
                                                      quantity, 400)])


def _batch(store, batch_no):
    return store.db.scalar("SELECT id FROM batches WHERE batch_no = ?", (batch_no,))


def _events(store, action, entity=None):
    return [row["entity_id"] for row in store.db.all(
        "SELECT entity_id FROM audit_log WHERE action = ? AND (? IS NULL OR entity = ?) ORDER BY id",
        (action, entity, entity))]


# -- qualifications -------------------------------------------------------------------------------------------


def test_profile_none_receives_unapproved_goods_sellable_at_once(store, ids):
    assert not store.settings.china_gsp
    receipt = _receive(store, ids.otc, "NONE-1", ids=ids)
    batch = store.quality.batch_quality(_batch(store, "NONE-1"))
    assert (batch.pending, batch.sellable, batch.status) == (0, 10, "released")
    assert store.quality.pending_acceptance(receipt) == []


def test_a_receipt_from_an_unapproved_supplier_is_refused_and_changes_nothing(store, ids):
    store.set_setting("regulatory_profile", "china_gsp")
    other = store.catalog.add_supplier("New Wholesaler")
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="New Wholesaler is not approved as a first-time supplier"):
        _receive(store, ids.otc, "GSP-1", supplier=other, ids=ids)
    assert table_snapshot(store) == before


def test_a_receipt_with_an_expired_licence_names_the_document_and_its_expiry(gsp_store, ids, clock):
    store = gsp_store
    soon = store.today() + timedelta(days=5)
    store.quality.add_document("drug_trading_licence", "LIC-2", "Provincial MPA", soon, supplier_id=ids.supplier)
    clock.advance(days=6)
    before = table_snapshot(store)
    with pytest.raises(ValidationError) as info:
        _receive(store, ids.otc, "GSP-2", ids=ids)
    assert info.value.template == "{name}: the {document} expired on {expiry}; record the renewed document first."
    assert info.value.params == {"name": "MedSupply", "document": "drug trading licence", "expiry": soon.isoformat()}
    assert table_snapshot(store) == before
    store.quality.add_document("drug_trading_licence", "LIC-3", "Provincial MPA", store.today() + timedelta(days=365),
                               supplier_id=ids.supplier)                                   # the renewal counts
    assert _receive(store, ids.otc, "GSP-2", ids=ids)


def test_an_unapproved_or_expired_product_is_refused(gsp_store, ids, clock):
    store = gsp_store
    new = store.catalog.add_product(barcode="VITC-1", name="Vitamin C", category="supplement",
                                    legal_class="otc", price=800, supplier_id=ids.supplier)
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="Vitamin C is not approved as a first-time product"):
        _receive(store, new, "VC-1", ids=ids)
    assert table_snapshot(store) == before
    approval = store.quality.approve_product(new, "国食健字G20200001", "SAMR", store.today() + timedelta(days=3))
    assert approval.product_id == new and approval.user_id == store.user.id
    clock.advance(days=4)
    with pytest.raises(ValidationError, match="product approval .* expired on"):
        _receive(store, new, "VC-1", ids=ids)
    assert store.stock.batches(new) == []


def test_a_supplier_cannot_be_approved_without_its_documents(store, ids):
    other = store.catalog.add_supplier("Bare Wholesaler")
    store.quality.add_document("business_licence", "91310000X", "SAMR Shanghai", None, supplier_id=other)
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="no drug trading licence on file"):
        store.quality.approve_supplier(other)
    assert table_snapshot(store) == before
    with pytest.raises(ValidationError, match="does not belong there"):
        store.quality.add_document("product_registration", "X", "Y", None, supplier_id=other)


def test_expiring_documents_lists_the_window_asked_for(gsp_store, ids):
    store = gsp_store
    store.quality.add_document("sales_authorisation", "AUTH-2", "MedSupply", store.today() + timedelta(days=20),
                               supplier_id=ids.supplier)
    store.quality.add_document("gsp_certificate", "GSP-9", "Provincial MPA", store.today() + timedelta(days=60),
                               supplier_id=ids.supplier)
    within_30 = store.quality.expiring_documents()
    assert [(d.kind, d.number, d.days_left) for d in within_30] == [("sales_authorisation", "AUTH-2", 20)]
    assert within_30[0].subject_name == "MedSupply"
    assert [d.kind for d in store.quality.expiring_documents(days=90)] == ["sales_authorisation", "gsp_certificate"]
    # the superseded authorisation (a year) is not listed; the current one is the newest of its kind
    assert {d.number for d in store.quality.documents(supplier_id=ids.supplier)} >= {"AUTH-2", "GSP-9"}
    assert "SAL-0001" not in {d.number for d in store.quality.documents(supplier_id=ids.supplier)}


def test_qualifications_say_who_may_deliver_and_what_is_missing(gsp_store, ids, clock):
    store = gsp_store
    other = store.catalog.add_supplier("Half Wholesaler")
    store.quality.add_document("business_licence", "91310000Y", "SAMR", None, supplier_id=other)
    by_id = {q.subject_id: q for q in store.quality.qualifications("supplier")}
    assert by_id[ids.supplier].receivable
    assert (by_id[other].approved, by_id[other].missing) == (False, ("drug_trading_licence", "sales_authorisation"))
    clock.advance(days=366)                                       # the fixture's documents ran out
    products = store.quality.qualifications("product")
    assert [q.expired for q in products] == [("product_registration",)] * 4
    assert not any(q.receivable for q in products)


def test_approvals_and_documents_are_audited(gsp_store, ids):
    store = gsp_store
    assert _events(store, "quality.approve", "supplier") == [str(ids.supplier)]
    assert _events(store, "quality.approve", "product") == [str(p) for p in (ids.otc, ids.rx, ids.controlled,
                                                                                ids.expired_only)]
    assert len(_events(store, "quality.document")) == 3 + 4
    assert store.audit.verify() == []


# -- acceptance --------------------------------------------------------------------------------------------------


def test_received_stock_is_not_sellable_until_accepted(gsp_store, ids):
    store = gsp_store
    new = store.catalog.add_product(barcode="LORA-1", name="Loratadine 10mg", category="acute",
                                    legal_class="otc", price=1500, supplier_id=ids.supplier)
    store.quality.approve_product(new, "国药准字H20000001", "NMPA", None)
    receipt = _receive(store, new, "LOR-1", ids=ids)
    batch = _batch(store, "LOR-1")
    assert store.quality.batch_quality(batch).status == "pending"
    assert store.stock.on_hand(new) == 10 and store.stock.on_hand(new, sellable_only=True) == 0
    with pytest.raises(StockError):
        store.stock.allocate(new, 1)
    assert store.stock.fefo_unit_costs([(new, 1)]) == [0]
    [line] = store.quality.pending_acceptance(receipt)
    assert (line.batch_id, line.received, line.pending) == (batch, 10, 10)
    accepted = store.quality.accept(receipt, batch, "accepted", 2, "intact, labels legible", quantity=6)
    assert (accepted.conclusion, accepted.quantity, accepted.quantity_checked) == ("accepted", 6, 2)
    assert store.stock.on_hand(new, sellable_only=True) == 6
    assert store.quality.pending_acceptance(receipt)[0].pending == 4
    assert [a.batch_no for a in store.stock.allocate(new, 6)] == ["LOR-1"]
    with pytest.raises(StockError):
        store.stock.allocate(new, 7)
    assert _events(store, "quality.accept") == [str(receipt)]


def test_refused_units_go_back_and_the_ledger_agrees(gsp_store, ids):
    store = gsp_store
    receipt = _receive(store, ids.otc, "REF-1", ids=ids)
    batch = _batch(store, "REF-1")
    store.quality.accept(receipt, batch, "refused", 10, "crushed boxes")
    quality = store.quality.batch_quality(batch)
    assert (quality.on_hand, quality.pending, quality.sellable) == (0, 0, 0)
    moves = store.db.all("SELECT reason, quantity, ref_type FROM stock_moves WHERE batch_id = ? ORDER BY id", (batch,))
    assert moves == [{"reason": "receipt", "quantity": 10, "ref_type": "goods_receipt"},
                     {"reason": "write_off", "quantity": -10, "ref_type": "quality_acceptance"}]
    assert store.stock.verify_ledger() == []
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="Nothing of this receipt line awaits acceptance"):
        store.quality.accept(receipt, batch, "accepted", 1, "fine")
    assert table_snapshot(store) == before


def test_a_quarantine_conclusion_holds_the_units(gsp_store, ids):
    store = gsp_store
    receipt = _receive(store, ids.otc, "QA-1", ids=ids)
    batch = _batch(store, "QA-1")
    acceptance = store.quality.accept(receipt, batch, "quarantine", 10, "seal broken", quantity=4)
    record = store.quality.quarantine_record(acceptance.quarantine_id)
    assert (record.quantity, record.ref_type, record.ref_id, record.status) == (
        4, "quality_acceptance", acceptance.id, "held")
    quality = store.quality.batch_quality(batch)
    assert (quality.pending, quality.quarantine, quality.sellable, quality.status) == (6, 4, 0, "mixed")


def test_cold_chain_needs_an_arrival_temperature_within_2_to_8(gsp_store, ids):
    store = gsp_store
    insulin = store.catalog.add_product(barcode="INSU-1", name="Insulin pen", category="chronic",
                                        legal_class="rx", price=9000, supplier_id=ids.supplier,
                                        storage_condition="cold")
    store.quality.approve_product(insulin, "国药准字S20000001", "NMPA", None)
    receipt = _receive(store, insulin, "INS-1", ids=ids)
    batch = _batch(store, "INS-1")
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="cold-chain item: enter its temperature"):
        store.quality.accept(receipt, batch, "accepted", 10, "intact")
    with pytest.raises(ValidationError, match="arrived at 9.5 °C, outside 2–8 °C"):
        store.quality.accept(receipt, batch, "accepted", 10, "intact", arrival_temp_c=9.5)
    assert table_snapshot(store) == before
    store.quality.accept(receipt, batch, "quarantine", 2, "warm on arrival", arrival_temp_c=9.5, quantity=2)
    accepted = store.quality.accept(receipt, batch, "accepted", 8, "intact", arrival_temp_c=4.2)
    assert accepted.arrival_temp_c == 4.2 and accepted.quantity == 8
    assert store.stock.on_hand(insulin, sellable_only=True) == 8


# -- quarantine and disposal ------------------------------------------------------------------------------------


def _witness(store, role, quarantine_id):
    return store.users.approve(role, PINS[role], Action.WITNESS_DISPOSAL, f"quarantine:{quarantine_id}")


def test_quarantined_units_are_skipped_by_fefo_and_destroyed_before_two_witnesses(store, ids):
    soon = _batch(store, "P-SOON")
    record = store.quality.quarantine(soon, 3, "customer complaint: discoloured tablets")
    assert store.stock.on_hand(ids.otc, sellable_only=True) == 12
    assert [(a.batch_no, a.quantity) for a in store.stock.allocate(ids.otc, 3)] == [("P-SOON", 2), ("P-LATE", 1)]
    with pytest.raises(StockError):
        store.stock.write_off(soon, 5, "damaged")                 # held units leave only through quality
    before = table_snapshot(store)
    with pytest.raises(PermissionDenied, match="two witnesses"):
        store.quality.dispose(record.id, "destroy", [_witness(store, "pharmacist", record.id)])
    twice = _witness(store, "pharmacist", record.id)
    with pytest.raises(PermissionDenied):
        store.quality.dispose(record.id, "destroy", [twice, twice])
    with pytest.raises(PermissionDenied):                         # the one disposing is no witness of their own
        store.quality.dispose(record.id, "destroy", [_witness(store, "owner", record.id),
                                                     _witness(store, "cashier", record.id)])
    with pytest.raises(PermissionDenied):                         # an approval given for another record
        store.quality.dispose(record.id, "destroy", [_witness(store, "cashier", record.id + 1), twice])
    assert {k: v for k, v in table_snapshot(store).items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"}
    done = store.quality.dispose(record.id, "destroy", [_witness(store, "pharmacist", record.id),
                                                        _witness(store, "cashier", record.id)], note="incinerated")
    assert done.status == "destroyed"
    users = {row["username"]: row["id"] for row in store.db.all("SELECT id, username FROM users")}
    assert {done.witness1_id, done.witness2_id} == {users["pharmacist"], users["cashier"]}
    quality = store.quality.batch_quality(soon)
    assert (quality.on_hand, quality.quarantine, quality.sellable) == (2, 0, 2)
    assert store.stock.verify_ledger() == []
    assert _events(store, "quality.destroyed") == [str(record.id)]
    with pytest.raises(ValidationError, match="already closed"):
        store.quality.dispose(record.id, "return")


def test_return_to_supplier_and_release(store, ids):
    late = _batch(store, "P-LATE")
    returned = store.quality.quarantine(late, 2, "recall notice")
    released = store.quality.quarantine(late, 3, "suspected damage")
    assert [r.id for r in store.quality.quarantined()] == [returned.id, released.id]
    store.quality.dispose(returned.id, "return", note="collected by MedSupply")
    store.quality.release_quarantine(released.id, "boxes checked: contents intact")
    quality = store.quality.batch_quality(late)
    assert (quality.on_hand, quality.quarantine, quality.sellable) == (8, 0, 8)
    assert [r.status for r in store.quality.quarantined(None)] == ["returned", "released"]
    assert store.quality.quarantined() == []
    assert store.stock.verify_ledger() == []


def test_post_quarantine_works_inside_the_callers_transaction(store, ids):
    late = _batch(store, "P-LATE")
    with store.db.transaction():                                  # as a return would: units back, then held
        store.stock.post_move(late, 2, "return", "return", 99)
        assert store.quality.post_quarantine(late, 2, "returned by a customer", "return", 99) == late
    quality = store.quality.batch_quality(late)
    assert (quality.on_hand, quality.quarantine, quality.sellable) == (12, 2, 10)
    [record] = store.quality.quarantined()
    assert (record.ref_type, record.ref_id) == ("return", 99)
    before = table_snapshot(store)
    with pytest.raises(RuntimeError):
        with store.db.transaction():
            store.stock.post_move(late, 1, "return", "return", 100)
            store.quality.post_quarantine(late, 1, "returned by a customer", "return", 100)
            raise RuntimeError("the return failed later")
    assert table_snapshot(store) == before
    with pytest.raises(StockError):
        store.quality.post_quarantine(late, 11, "more than is sellable")
    with pytest.raises(NotFound):
        store.quality.post_quarantine(99999, 1, "no such batch")


# -- near expiry ------------------------------------------------------------------------------------------------


def test_the_till_warns_about_near_expiry_batches_it_would_sell(store, ids):
    [warning] = store.quality.near_expiry_warning(ids.otc, 3)
    assert (warning.batch_no, warning.quantity, warning.days_left) == ("P-SOON", 3, 20)
    assert store.quality.near_expiry_warning(ids.rx, 1) == []          # 300 days left
    store.set_setting("near_expiry_days", "10")
    assert store.quality.near_expiry_warning(ids.otc, 3) == []


def test_the_near_expiry_report_groups_batches_by_month(store, ids):
    report = store.quality.near_expiry_report(days=400)
    batches = [b.batch_no for month in report for b in month.batches]
    assert batches == ["OLD-1", "P-SOON", "R-1", "T-1", "P-LATE"]
    assert [m.month for m in report] == sorted({m.month for m in report})
    assert sum(m.quantity for m in report) == 4 + 5 + 10 + 20 + 10
    soon = next(m for m in report if "P-SOON" in [b.batch_no for b in m.batches])
    assert soon.month == (store.today() + timedelta(days=20)).isoformat()[:7]
    assert [b.batch_no for m in store.quality.near_expiry_report() for b in m.batches] == ["OLD-1", "P-SOON"]


def test_gsp_store_helper_leaves_existing_stock_sellable(open_store, ids):
    store = open_store("owner")
    approve_for_gsp(store, ids)
    assert store.stock.on_hand(ids.otc, sellable_only=True) == 15     # stock from before the switch stays released
