"""Stock as a ledger of batches: FEFO, expiry, receipts, adjustments, stocktakes and purchase orders."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.db.connection import IntegrityError
from pharmadesk.errors import ExpiredStockError, NotFound, PermissionDenied, StockError, ValidationError
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.stock import ReceiptLine, is_expired

from conftest import table_snapshot


def _batch(store, batch_no):
    return store.db.one("SELECT * FROM batches WHERE batch_no = ?", (batch_no,))


def _on_hand(store, batch_no):
    return _batch(store, batch_no)["on_hand"]


def _ledger_sum(store, batch_id):
    return store.db.scalar("SELECT COALESCE(SUM(quantity), 0) FROM stock_moves WHERE batch_id = ?", (batch_id,))


def _moves(store, batch_no):
    return [(m["reason"], m["quantity"]) for m in store.db.all(
        "SELECT reason, quantity FROM stock_moves WHERE batch_id = ? ORDER BY id", (_batch(store, batch_no)["id"],))]


def _rx(store):
    return Prescription("Dr. Wong", "RX-77", store.today().isoformat())


# -- the template's stock -----------------------------------------------------------------------------


def test_template_stock_and_ledger(store, ids):
    assert store.stock.on_hand(ids.otc) == 15
    assert [(b["batch_no"], b["on_hand"]) for b in store.stock.batches(ids.otc)] == [("P-SOON", 5), ("P-LATE", 10)]
    assert _moves(store, "P-LATE") == [("receipt", 10)]
    assert store.stock.verify_ledger() == []


# -- FEFO and expiry ----------------------------------------------------------------------------------


def test_fefo_takes_the_first_expiring_batch_first(store, ids):
    allocations = store.stock.allocate(ids.otc, 7)
    assert [(a.batch_no, a.quantity) for a in allocations] == [("P-SOON", 5), ("P-LATE", 2)]
    assert [(a.batch_no, a.quantity) for a in store.stock.allocate(ids.otc, 3)] == [("P-SOON", 3)]
    sale = store.sales.sell([CartLine(ids.otc, 7)], [Payment("cash", 7 * 1250)])
    assert [(a.batch_no, a.quantity) for a in sale.lines[0].allocations] == [("P-SOON", 5), ("P-LATE", 2)]
    assert (_on_hand(store, "P-SOON"), _on_hand(store, "P-LATE")) == (0, 8)
    assert _moves(store, "P-SOON") == [("receipt", 5), ("sale", -5)]
    assert _moves(store, "P-LATE") == [("receipt", 10), ("sale", -2)]


def test_fefo_prefers_a_newly_received_earlier_batch(store, ids):
    store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "P-EARLIEST", store.today() + timedelta(days=5), 2, 450)])
    assert [(a.batch_no, a.quantity) for a in store.stock.allocate(ids.otc, 4)] == [("P-EARLIEST", 2), ("P-SOON", 2)]


def test_same_expiry_breaks_ties_by_batch_age(store, ids):
    expiry = store.today() + timedelta(days=50)
    store.stock.receive(ids.supplier, [ReceiptLine(ids.rx, "R-B", expiry, 2, 1500)])
    store.stock.receive(ids.supplier, [ReceiptLine(ids.rx, "R-A", expiry, 2, 1500)])
    assert [a.batch_no for a in store.stock.allocate(ids.rx, 3)] == ["R-B", "R-A"]


def test_a_batch_is_sellable_on_its_expiry_day_but_not_after(store, ids, clock):
    expiry = _batch(store, "OLD-1")["expiry"]
    assert not is_expired(expiry, store.today() + timedelta(days=1))
    assert is_expired(expiry, store.today() + timedelta(days=2))
    clock.advance(days=1)
    assert [a.quantity for a in store.stock.allocate(ids.expired_only, 4)] == [4]
    clock.advance(days=1)
    with pytest.raises(ExpiredStockError):
        store.stock.allocate(ids.expired_only, 1)


def test_expired_batch_is_never_sold(store, ids, clock):
    clock.advance(days=2)
    before = table_snapshot(store)
    with pytest.raises(ExpiredStockError) as info:
        store.sales.sell([CartLine(ids.expired_only, 1)], [Payment("cash", 1800)])
    assert "written off" in info.value.message and "not sold" in info.value.message
    assert info.value.params == {"available": 0, "expired": 4}
    assert table_snapshot(store) == before
    assert store.stock.on_hand(ids.expired_only) == 4
    assert store.stock.on_hand(ids.expired_only, sellable_only=True) == 0


def test_fefo_skips_an_expired_batch(store, ids, clock):
    clock.advance(days=21)                              # P-SOON (20 days) has expired
    sale = store.sales.sell([CartLine(ids.otc, 3)], [Payment("cash", 3750)])
    assert [(a.batch_no, a.quantity) for a in sale.lines[0].allocations] == [("P-LATE", 3)]
    assert _on_hand(store, "P-SOON") == 5
    with pytest.raises(ExpiredStockError) as info:
        store.stock.allocate(ids.otc, 8)                # 7 sellable, 5 more expired
    assert info.value.params == {"available": 7, "expired": 5}
    assert store.stock.on_hand(ids.otc, sellable_only=True) == 7


def test_not_enough_stock(store, ids):
    with pytest.raises(StockError) as info:
        store.stock.allocate(ids.otc, 16)
    assert not isinstance(info.value, ExpiredStockError)
    assert info.value.params == {"available": 15, "wanted": 16}


def test_write_off_expired(store, ids, clock):
    clock.advance(days=21)
    assert [b["batch_no"] for b in store.stock.expired()] == ["OLD-1", "P-SOON"]
    assert store.stock.write_off_expired() == 9
    assert _moves(store, "P-SOON") == [("receipt", 5), ("write_off", -5)]
    assert _moves(store, "OLD-1") == [("receipt", 4), ("write_off", -4)]
    assert store.stock.expired() == []
    assert store.stock.verify_ledger() == []


def test_near_expiry(store, ids):
    rows = store.stock.near_expiry(30)
    assert [(r["batch_no"], r["days_left"], r["cost_value"]) for r in rows] == [("OLD-1", 1, 2800),
                                                                                 ("P-SOON", 20, 2400)]
    assert [r["batch_no"] for r in store.stock.near_expiry(10)] == ["OLD-1"]
    assert len(store.stock.near_expiry(400)) == 5


# -- never negative, always a ledger --------------------------------------------------------------------


def test_stock_never_goes_negative(store, ids):
    batch = _batch(store, "P-SOON")
    before = table_snapshot(store)
    with pytest.raises(StockError):
        store.stock.adjust(batch["id"], -6, "miscount")
    with pytest.raises(StockError):
        store.stock.write_off(batch["id"], 6, "damaged")
    assert table_snapshot(store) == before
    store.stock.adjust(batch["id"], -5, "miscount")
    assert _on_hand(store, "P-SOON") == 0
    with pytest.raises(StockError):
        store.stock.write_off(batch["id"], 1, "damaged")
    with pytest.raises(IntegrityError):                  # even raw SQL cannot go below zero
        store.db.execute("UPDATE batches SET on_hand = -1 WHERE id = ?", (batch["id"],))


def test_adjust_and_write_off_are_ledger_rows(store, ids):
    late = _batch(store, "P-LATE")["id"]
    store.stock.adjust(late, 3, "found behind the shelf")
    store.stock.adjust(late, -1, "miscount")
    store.stock.write_off(late, 2, "crushed box")
    assert _moves(store, "P-LATE") == [("receipt", 10), ("adjustment", 3), ("adjustment", -1), ("write_off", -2)]
    assert _on_hand(store, "P-LATE") == 10 == _ledger_sum(store, late)
    notes = [m["note"] for m in store.db.all("SELECT note FROM stock_moves WHERE batch_id = ? ORDER BY id", (late,))]
    assert notes == [None, "found behind the shelf", "miscount", "crushed box"]
    assert store.stock.verify_ledger() == []


@pytest.mark.parametrize("delta, reason", [(0, "nothing"), (1, ""), (1, "   "), (1, "x" * 201), (1.5, "half")])
def test_adjustment_needs_a_change_and_a_reason(store, ids, delta, reason):
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        store.stock.adjust(_batch(store, "P-LATE")["id"], delta, reason)
    assert table_snapshot(store) == before


def test_only_the_owner_adjusts(open_store, ids):
    store = open_store("pharmacist")
    late = _batch(store, "P-LATE")["id"]
    for call in (lambda: store.stock.adjust(late, 1, "x"), lambda: store.stock.write_off(late, 1, "x"),
                 lambda: store.stock.write_off_expired()):
        with pytest.raises(PermissionDenied):
            call()


def test_verify_ledger_finds_a_tampered_cache(store, ids):
    late = _batch(store, "P-LATE")["id"]
    store.db.execute("UPDATE batches SET on_hand = on_hand + 1 WHERE id = ?", (late,))
    assert store.stock.verify_ledger() == [{"batch_id": late, "on_hand": 11, "ledger": 10}]


def test_unknown_batch(store):
    with pytest.raises(NotFound):
        store.stock.adjust(999, 1, "x")


# -- receipts -------------------------------------------------------------------------------------------


def test_goods_receipt(open_store, ids):
    store = open_store("pharmacist")
    expiry = store.today() + timedelta(days=180)
    receipt = store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, " P-NEW ", expiry, 12, 470),
                                                 ReceiptLine(ids.rx, "R-2", expiry.isoformat(), 6, 1400)],
                                  delivery_note="DN-5531")
    batch = _batch(store, "P-NEW")
    assert (batch["expiry"], batch["on_hand"], batch["received_qty"], batch["unit_cost"], batch["receipt_id"]) == \
        (expiry.isoformat(), 12, 12, 470, receipt)
    assert _moves(store, "P-NEW") == [("receipt", 12)]
    assert store.stock.on_hand(ids.otc) == 27 and store.stock.on_hand(ids.rx) == 26
    row = store.db.one("SELECT * FROM goods_receipts WHERE id = ?", (receipt,))
    assert (row["delivery_note"], row["user_id"]) == ("DN-5531", store.user.id)


def test_receiving_more_of_a_known_batch_adds_to_it(store, ids):
    expiry = _batch(store, "P-LATE")["expiry"]
    store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "P-LATE", expiry, 4, 500)])
    batch = _batch(store, "P-LATE")
    assert (batch["on_hand"], batch["received_qty"]) == (14, 14)
    assert _moves(store, "P-LATE") == [("receipt", 10), ("receipt", 4)]


def test_a_known_batch_with_another_expiry_is_refused(store, ids):
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "P-LATE", store.today() + timedelta(days=30), 4, 500)])
    assert table_snapshot(store) == before


@pytest.mark.parametrize("batch_no, expiry", [("", "2099-01-01"), ("   ", "2099-01-01"), (None, "2099-01-01"),
                                              ("B-1", None), ("B-1", ""), ("B-1", "2099-13-01"),
                                              ("B-1", "01/02/2099"), ("x" * 41, "2099-01-01")])
def test_receipt_lines_need_batch_and_expiry(store, ids, batch_no, expiry):
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "GOOD", "2099-01-01", 1, 1),
                                           ReceiptLine(ids.otc, batch_no, expiry, 5, 100)])
    assert table_snapshot(store) == before


def test_receiving_an_expired_batch_is_refused(store, ids):
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="already expired"):
        store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "STALE", store.today() - timedelta(days=1), 5, 100)])
    assert table_snapshot(store) == before
    store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "LAST-DAY", store.today(), 1, 100)])   # today is fine


@pytest.mark.parametrize("quantity, cost", [(0, 100), (-3, 100), (2.5, 100), (5, -1)])
def test_receipt_quantities(store, ids, quantity, cost):
    with pytest.raises(ValidationError):
        store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "Q", "2099-01-01", quantity, cost)])


def test_receipt_rules(open_store, ids):
    store = open_store("owner")
    with pytest.raises(ValidationError):
        store.stock.receive(ids.supplier, [])
    with pytest.raises(NotFound):
        store.stock.receive(999, [ReceiptLine(ids.otc, "Q", "2099-01-01", 1, 1)])
    with pytest.raises(NotFound):
        store.stock.receive(ids.supplier, [ReceiptLine(999, "Q", "2099-01-01", 1, 1)])
    cashier = open_store("cashier")
    with pytest.raises(PermissionDenied):
        cashier.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "Q", "2099-01-01", 1, 1)])


# -- stocktake ------------------------------------------------------------------------------------------


def test_stocktake_count_variance_post(open_store, ids):
    pharmacist = open_store("pharmacist")
    stocktake = pharmacist.stock.start_stocktake("monthly count")
    late, soon, rx = (_batch(pharmacist, n)["id"] for n in ("P-LATE", "P-SOON", "R-1"))
    pharmacist.stock.record_count(stocktake, late, 9)
    pharmacist.stock.record_count(stocktake, soon, 5)
    pharmacist.stock.record_count(stocktake, rx, 25)
    pharmacist.stock.record_count(stocktake, rx, 22)          # a recount replaces the first count
    variance = {r["batch_id"]: (r["expected"], r["counted"], r["variance"])
                for r in pharmacist.stock.stocktake_variance(stocktake)}
    assert variance == {late: (10, 9, -1), soon: (5, 5, 0), rx: (20, 22, 2)}
    with pytest.raises(PermissionDenied):
        pharmacist.stock.post_stocktake(stocktake)             # counting yes, posting no
    owner = open_store("owner")
    assert owner.stock.post_stocktake(stocktake) == 2
    moves = owner.db.all("SELECT batch_id, quantity, reason, ref_type, ref_id FROM stock_moves "
                         "WHERE reason = 'stocktake' ORDER BY batch_id")
    assert moves == [{"batch_id": late, "quantity": -1, "reason": "stocktake", "ref_type": "stocktake",
                      "ref_id": stocktake},
                     {"batch_id": rx, "quantity": 2, "reason": "stocktake", "ref_type": "stocktake",
                      "ref_id": stocktake}]
    assert (_on_hand(owner, "P-LATE"), _on_hand(owner, "P-SOON"), _on_hand(owner, "R-1")) == (9, 5, 22)
    assert owner.db.scalar("SELECT status FROM stocktakes WHERE id = ?", (stocktake,)) == "posted"
    assert owner.stock.verify_ledger() == []
    with pytest.raises(ValidationError):
        owner.stock.post_stocktake(stocktake)
    with pytest.raises(ValidationError):
        owner.stock.record_count(stocktake, late, 1)


def test_sales_between_count_and_post_are_not_undone(store, ids):
    stocktake = store.stock.start_stocktake()
    rx = _batch(store, "R-1")["id"]
    store.stock.record_count(stocktake, rx, 18)               # 20 on the shelf list, 18 found: 2 missing
    store.sales.sell([CartLine(ids.rx, 5, prescription=_rx(store))], [Payment("card", 15000, reference="TERM-0001")])
    assert _on_hand(store, "R-1") == 15
    store.stock.post_stocktake(stocktake)
    assert _on_hand(store, "R-1") == 13                       # the 2 missing, not a phantom +3
    assert _moves(store, "R-1")[-1] == ("stocktake", -2)


def test_cashier_cannot_count(open_store):
    stocktake = open_store("pharmacist").stock.start_stocktake()
    store = open_store("cashier")
    before = table_snapshot(store)
    with pytest.raises(PermissionDenied):
        store.stock.start_stocktake()
    with pytest.raises(PermissionDenied):
        store.stock.record_count(stocktake, _batch(store, "P-LATE")["id"], 3)
    assert table_snapshot(store) == before


def test_count_rules(store, ids):
    stocktake = store.stock.start_stocktake()
    with pytest.raises(ValidationError):
        store.stock.record_count(stocktake, _batch(store, "P-LATE")["id"], -1)
    with pytest.raises(NotFound):
        store.stock.record_count(stocktake, 999, 1)
    with pytest.raises(NotFound):
        store.stock.record_count(999, _batch(store, "P-LATE")["id"], 1)


# -- purchase orders ------------------------------------------------------------------------------------


def test_purchase_order_lifecycle(store, ids):
    order = store.stock.create_order(ids.supplier, [(ids.otc, 20), (ids.rx, 10), (ids.otc, 4)], note="weekly")
    detail = store.stock.order(order)
    assert detail["status"] == "draft"
    assert {(l["product_id"], l["quantity"], l["received_qty"]) for l in detail["lines"]} == \
        {(ids.otc, 24, 0), (ids.rx, 10, 0)}
    assert store.stock.on_order(ids.otc) == 0                  # a draft is not on order yet
    store.stock.send_order(order)
    detail = store.stock.order(order)
    assert detail["status"] == "sent"
    assert detail["expected_on"] == (store.today() + timedelta(days=2)).isoformat()   # supplier lead time
    assert (store.stock.on_order(ids.otc), store.stock.on_order(ids.rx)) == (24, 10)
    with pytest.raises(ValidationError):
        store.stock.send_order(order)

    expiry = store.today() + timedelta(days=365)
    store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "PO-1", expiry, 10, 450)], order_id=order)
    assert store.stock.order(order)["status"] == "partial"
    assert (store.stock.on_order(ids.otc), store.stock.on_order(ids.rx)) == (14, 10)
    store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "PO-2", expiry, 14, 450),
                                       ReceiptLine(ids.rx, "PO-R", expiry, 10, 1400)], order_id=order)
    assert store.stock.order(order)["status"] == "received"
    assert (store.stock.on_order(ids.otc), store.stock.on_order(ids.rx)) == (0, 0)
    assert store.stock.on_hand(ids.otc) == 15 + 24
    assert store.db.scalar("SELECT count(*) FROM goods_receipts WHERE order_id = ?", (order,)) == 2
    with pytest.raises(ValidationError):
        store.stock.cancel_order(order)
    assert [o["id"] for o in store.stock.orders("received")] == [order]


def test_purchase_order_rules(open_store, ids):
    store = open_store("owner")
    other_supplier = store.catalog.add_supplier("Other Pharma")
    with pytest.raises(ValidationError):
        store.stock.create_order(ids.supplier, [])
    with pytest.raises(ValidationError):
        store.stock.create_order(ids.supplier, [(ids.otc, 0)])
    with pytest.raises(NotFound):
        store.stock.create_order(ids.supplier, [(999, 1)])
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        store.stock.create_order(ids.supplier, [(ids.otc, 5, 480), (ids.rx, 2, -1)])
    assert table_snapshot(store) == before
    costed = store.stock.create_order(ids.supplier, [(ids.otc, 5, 480), (ids.rx, 2)])
    assert {line["product_id"]: line["unit_cost"] for line in store.stock.order(costed)["lines"]} == \
        {ids.otc: 480, ids.rx: None}
    order = store.stock.create_order(ids.supplier, [(ids.otc, 5)])
    store.stock.send_order(order)
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="does not match"):
        store.stock.receive(other_supplier, [ReceiptLine(ids.otc, "X-1", "2099-01-01", 5, 1)], order_id=order)
    assert table_snapshot(store) == before
    store.stock.cancel_order(order)
    assert store.stock.on_order(ids.otc) == 0
    with pytest.raises(ValidationError):
        store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "X-1", "2099-01-01", 5, 1)], order_id=order)
    pharmacist = open_store("pharmacist")
    with pytest.raises(PermissionDenied):
        pharmacist.stock.create_order(ids.supplier, [(ids.otc, 5)])


def test_a_delivery_must_match_what_is_still_on_the_order(store, ids):
    expiry = store.today() + timedelta(days=365)
    order = store.stock.create_order(ids.supplier, [(ids.otc, 5)])
    with pytest.raises(ValidationError, match="does not match"):          # a draft is not sent yet
        store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "D-1", expiry, 5, 1)], order_id=order)
    store.stock.send_order(order)
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="not on this order"):
        store.stock.receive(ids.supplier, [ReceiptLine(ids.rx, "D-2", expiry, 1, 1)], order_id=order)
    with pytest.raises(ValidationError, match=r"still on order \(5\)"):
        store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "D-3", expiry, 3, 1),
                                           ReceiptLine(ids.otc, "D-4", expiry, 3, 1)], order_id=order)
    assert table_snapshot(store) == before
    store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "D-5", expiry, 5, 1)], order_id=order)
    assert store.stock.order(order)["status"] == "received"


# -- paged lists for tables -------------------------------------------------------------------------------


def test_product_levels_page_sort_filter_and_counts(store, ids):
    rows = store.stock.product_levels(limit=10)
    assert [r["name"] for r in rows] == ["Cough Syrup", "Paracetamol 500mg", "Ramipril 5mg", "Tramadol 50mg"]
    para = next(r for r in rows if r["id"] == ids.otc)
    assert para["on_hand"] == 15 and para["near_expiry"] == 5      # P-SOON expires in 20 days (within 90)
    assert [r["id"] for r in store.stock.product_levels(order_by="on_hand", descending=True, limit=1)] == [ids.rx]
    assert [r["name"] for r in store.stock.product_levels(limit=2, offset=2)] == ["Ramipril 5mg", "Tramadol 50mg"]
    assert [r["id"] for r in store.stock.product_levels("rami")] == [ids.rx]        # generic or brand prefix
    assert [r["id"] for r in store.stock.product_levels("4006")] == [ids.otc]       # barcode prefix
    assert store.stock.product_levels_count() == 4 and store.stock.product_levels_count("t") == 1
    with pytest.raises(ValidationError):
        store.stock.product_levels(order_by="price; DROP TABLE products")


def test_batch_page_shows_counts_of_a_stocktake(store, ids):
    assert store.stock.batch_count() == 5
    rows = store.stock.batch_page(order_by="expiry")
    assert [r["batch_no"] for r in rows] == ["OLD-1", "P-SOON", "R-1", "T-1", "P-LATE"]
    stocktake = store.stock.start_stocktake()
    r1 = _batch(store, "R-1")["id"]
    store.stock.record_count(stocktake, r1, 18)
    counted = {r["batch_no"]: r["counted"] for r in store.stock.batch_page("ramipril", stocktake_id=stocktake)}
    assert counted == {"R-1": 18}
    assert store.stock.batch_count("para") == 2
    assert [(s["id"], s["status"], s["counted"]) for s in store.stock.stocktakes("open")] == [(stocktake, "open", 1)]


def test_expired_write_off_can_be_limited_to_one_product(store, ids, clock):
    store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "P-SHORT", store.today() + timedelta(days=1), 3, 400)])
    clock.advance(days=3)
    assert {b["product_id"] for b in store.stock.expired()} == {ids.otc, ids.expired_only}
    assert store.stock.write_off_expired(product_id=ids.expired_only) == 4
    assert {b["product_id"] for b in store.stock.expired()} == {ids.otc}
