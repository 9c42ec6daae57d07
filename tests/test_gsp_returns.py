"""Returns under China GSP (issue 16): a sold medicine never goes back on sale — its units are held in quarantine
with the return's reason (store.quality.post_quarantine) and its traceability codes go back on file as
quarantined; non-medicines (devices, personal care) go back to stock; without the profile nothing changes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.errors import StockError, ValidationError

from conftest import table_snapshot

CODE = "81000010000000010000"


@pytest.fixture
def shop(store, ids):
    cream = store.catalog.add_product(barcode="CREAM1", name="Hand cream", category="personal_care",
                                      legal_class="otc", price=900, supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [
        ReceiptLine(ids.otc, "TR-1", store.today() + timedelta(days=500), 1, 500, trace_codes=(CODE,)),
        ReceiptLine(cream, "C-1", store.today() + timedelta(days=500), 3, 300)])
    store.set_setting("regulatory_profile", "china_gsp")
    return {"cream": cream, "tr1": store.db.scalar("SELECT id FROM batches WHERE batch_no = 'TR-1'")}


def test_a_returned_medicine_goes_to_quarantine_with_its_code(store, ids, shop):
    sale = store.sales.sell([CartLine(ids.otc, 1, trace_codes=(CODE,))], [Payment("cash", 1250)])
    sellable_before = store.stock.on_hand(ids.otc)
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "customer unsure")
    assert result.quarantined == 1 and result.refund == 1250
    batch = store.db.one("SELECT on_hand, quarantine_qty FROM batches WHERE id = ?", (shop["tr1"],))
    assert batch == {"on_hand": 1, "quarantine_qty": 1}                  # in the store, not for sale
    held = store.db.one("SELECT quantity, reason, ref_type, ref_id, status FROM quality_quarantine")
    assert held == {"quantity": 1, "reason": "customer unsure", "ref_type": "return", "ref_id": result.return_id,
                    "status": "held"}
    assert store.db.scalar("SELECT status FROM trace_codes WHERE code = ?", (CODE,)) == "quarantine"
    assert [e.event for e in store.trace.report(store.today(), store.today()) if e.code == CODE] == [
        "received", "sold", "returned"]
    assert store.stock.verify_ledger() == []
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="quarantine"):              # the pack cannot be sold again
        store.sales.sell([CartLine(ids.otc, 1, trace_codes=(CODE,))], [Payment("cash", 1250)])
    with pytest.raises(StockError):
        store.stock.allocate(ids.otc, sellable_before + 1)
    assert table_snapshot(store) == before


def test_a_non_medicine_goes_back_to_stock(store, shop):
    sale = store.sales.sell([CartLine(shop["cream"], 2)], [Payment("cash", 1800)])
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 2)], "gift")
    assert result.quarantined == 0
    assert store.stock.on_hand(shop["cream"]) == 3
    assert store.db.scalar("SELECT count(*) FROM quality_quarantine") == 0


def test_a_damaged_medicine_is_written_off_not_quarantined(store, ids, shop):
    sale = store.sales.sell([CartLine(ids.otc, 1, trace_codes=(CODE,))], [Payment("cash", 1250)])
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1, damaged=True)],
                                        "box crushed")
    assert result.quarantined == 0
    assert store.db.one("SELECT on_hand, quarantine_qty FROM batches WHERE id = ?", (shop["tr1"],)) == {
        "on_hand": 0, "quarantine_qty": 0}


def test_without_the_profile_a_medicine_goes_back_on_sale(store, ids, shop):
    store.set_setting("regulatory_profile", "none")
    sale = store.sales.sell([CartLine(ids.otc, 1, trace_codes=(CODE,))], [Payment("cash", 1250)])
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "changed mind")
    assert result.quarantined == 0
    assert store.db.one("SELECT on_hand, quarantine_qty FROM batches WHERE id = ?", (shop["tr1"],)) == {
        "on_hand": 1, "quarantine_qty": 0}
    assert store.db.scalar("SELECT status FROM trace_codes WHERE code = ?", (CODE,)) == "sold"


def test_a_refused_return_changes_nothing_under_gsp(store, ids, shop):
    sale = store.sales.sell([CartLine(ids.otc, 1, trace_codes=(CODE,))], [Payment("cash", 1250)])
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "  ")
    with pytest.raises(ValidationError):
        store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 2)], "too many")
    assert table_snapshot(store) == before
