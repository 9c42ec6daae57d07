"""药品追溯码 (issue 16): codes received with their batch, sold once, refused plainly, reported and exported."""

from __future__ import annotations

import csv
from datetime import timedelta

import pytest

from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.trace_codes import EXPORT_COLUMNS, parse_trace_code
from pharmadesk.errors import PermissionDenied, StockError, ValidationError

from conftest import table_snapshot

PARA = "8100001"        # the product prefix (药品标识码) of the coded paracetamol packs
OTHER = "8200002"


def code(prefix: str, serial: int) -> str:
    return f"{prefix}{serial:09d}0000"


@pytest.fixture
def gsp(store, ids):
    """A China GSP store whose paracetamol batch TR-1 came in with four coded packs (received before the profile
    was switched on: GSP acceptance and first-time approvals are the quality module's, tested there)."""
    today = store.today()
    store.stock.receive(ids.supplier, [
        ReceiptLine(ids.otc, "TR-1", today + timedelta(days=500), 4, 500,
                    trace_codes=tuple(code(PARA, n) for n in range(1, 5))),
        ReceiptLine(ids.rx, "TR-R", today + timedelta(days=500), 2, 1500, trace_codes=(code(OTHER, 1),)),
    ])
    store.set_setting("regulatory_profile", "china_gsp")
    return store


def batch_id(store, batch_no: str) -> int:
    return store.db.scalar("SELECT id FROM batches WHERE batch_no = ?", (batch_no,))


def test_parser_reads_twenty_digits_beginning_with_8_and_nothing_else():
    assert parse_trace_code(" 81000010000000010000\n") == "81000010000000010000"
    assert parse_trace_code("4006381333931") is None                 # an EAN-13 is a barcode
    assert parse_trace_code("71000010000000010000") is None          # 20 digits not beginning with 8
    assert parse_trace_code("810000100000000100001") is None         # 21 digits
    assert parse_trace_code("８1000010000000010000") is None          # a full-width digit is not a scan
    assert parse_trace_code(None) is None


def test_received_codes_are_on_file_with_their_batch_and_audited(gsp, ids):
    rows = gsp.db.all("SELECT code, product_id, batch_id, status FROM trace_codes WHERE product_id = ? ORDER BY code",
                      (ids.otc,))
    assert [r["status"] for r in rows] == ["in_stock"] * 4
    assert {r["batch_id"] for r in rows} == {batch_id(gsp, "TR-1")}
    entry = gsp.db.one("SELECT details FROM audit_log WHERE action = 'goods.receive' ORDER BY id DESC LIMIT 1")
    assert '"trace_codes":5' in entry["details"]


def test_scanning_a_code_identifies_the_product_and_its_batch(gsp, ids):
    scan = gsp.trace.identify(code(PARA, 2))
    assert (scan.product.id, scan.batch_id, scan.captured) == (ids.otc, batch_id(gsp, "TR-1"), False)


def test_a_coded_pack_sells_from_its_own_batch_and_then_never_again(gsp, ids):
    # FEFO would take P-SOON first; the scanned pack is from TR-1, and that is the batch the sale takes
    sale = gsp.sales.sell([CartLine(ids.otc, 1, trace_codes=(code(PARA, 1),))], [Payment("cash", 1250)])
    line = sale.lines[0]
    assert [a.batch_id for a in line.allocations] == [batch_id(gsp, "TR-1")]
    assert gsp.trace.codes_of_line(line.sale_line_id) == [code(PARA, 1)]
    assert gsp.stock.verify_ledger() == []
    before = table_snapshot(gsp)
    with pytest.raises(ValidationError, match="already been sold"):
        gsp.trace.identify(code(PARA, 1))
    with pytest.raises(ValidationError, match="already been sold"):
        gsp.sales.sell([CartLine(ids.otc, 1, trace_codes=(code(PARA, 1),))], [Payment("cash", 1250)])
    assert table_snapshot(gsp) == before


@pytest.mark.parametrize("line, message", [
    (CartLine(1, 1, trace_codes=(code(PARA, 9),)), "never received"),                      # not on file
    (CartLine(2, 1, trace_codes=(code(PARA, 1),)), "belongs to another product"),         # paracetamol's code
    (CartLine(1, 2, trace_codes=(code(PARA, 1), code(PARA, 1))), "scanned twice"),
    (CartLine(1, 2, trace_codes=(code(PARA, 1),)), "scan the traceability code of each pack"),
    (CartLine(1, 1, trace_codes=("12345",)), "20 digits"),
    (CartLine(1, 1, trace_codes=(code(PARA, 1), code(PARA, 2))), "2 traceability codes for 1 pack"),
])
def test_refused_codes_change_nothing(gsp, ids, line, message):
    line.product_id = {1: ids.otc, 2: ids.expired_only}[line.product_id]
    before = table_snapshot(gsp)
    with pytest.raises(ValidationError, match=message):
        gsp.sales.sell([line], [Payment("cash", 10_000, tendered=10_000)])
    assert table_snapshot(gsp) == before


def test_a_code_twice_across_two_lines_of_one_sale_is_refused(gsp, ids):
    before = table_snapshot(gsp)
    with pytest.raises(ValidationError, match="scanned twice"):
        gsp.sales.sell([CartLine(ids.otc, 1, trace_codes=(code(PARA, 1),)),
                        CartLine(ids.otc, 1, trace_codes=(code(PARA, 1),))], [Payment("cash", 2500)])
    with pytest.raises(ValidationError, match="scanned twice"):
        gsp.trace.identify(code(PARA, 1), in_cart=[code(PARA, 1)])
    assert table_snapshot(gsp) == before


def test_without_the_profile_a_sale_needs_no_code(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)])
    assert sale.total == 2500


def test_a_product_without_codes_on_file_sells_without_one_under_gsp(gsp, ids):
    sale = gsp.sales.sell([CartLine(ids.expired_only, 1)],
                          [Payment("cash", 1800)])
    assert sale.lines[0].quantity == 1


def test_uncoded_stock_sells_with_its_code_captured_when_the_setting_allows(gsp, ids):
    new_code = "83000030000000010000"
    with pytest.raises(ValidationError, match="never received"):
        gsp.trace.identify(new_code, product_id=ids.expired_only)
    gsp.set_setting("trace_sell_uncoded_stock", 1)
    with pytest.raises(ValidationError, match="scan the product's barcode first"):
        gsp.trace.identify(new_code)
    scan = gsp.trace.identify(new_code, product_id=ids.expired_only)
    assert scan.captured and scan.product.id == ids.expired_only
    # a product that has codes in stock is not "uncoded": an unknown code of it is still refused
    with pytest.raises(ValidationError, match="never received"):
        gsp.trace.identify(code(PARA, 77))
    sale = gsp.sales.sell([CartLine(ids.expired_only, 1, trace_codes=(new_code,))], [Payment("cash", 1800)])
    row = gsp.db.one("SELECT status, captured_at_sale, sale_line_id FROM trace_codes WHERE code = ?", (new_code,))
    assert row == {"status": "sold", "captured_at_sale": 1, "sale_line_id": sale.lines[0].sale_line_id}
    # the next pack of the same product is recognised by its product prefix
    assert gsp.trace.identify("83000030000000020000").product.id == ids.expired_only


def test_receiving_a_code_twice_is_refused_and_changes_nothing(gsp, ids):
    gsp.set_setting("regulatory_profile", "none")        # the code rules at receipt hold with any profile
    before = table_snapshot(gsp)
    with pytest.raises(ValidationError, match="cannot be received twice"):
        gsp.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "TR-2", gsp.today() + timedelta(days=90), 1, 500,
                                                     trace_codes=(code(PARA, 1),))])
    with pytest.raises(ValidationError, match="scanned twice"):
        gsp.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "TR-2", gsp.today() + timedelta(days=90), 2, 500,
                                                     trace_codes=(code(PARA, 8), code(PARA, 8)))])
    with pytest.raises(ValidationError, match="More traceability codes"):
        gsp.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "TR-2", gsp.today() + timedelta(days=90), 1, 500,
                                                     trace_codes=(code(PARA, 8), code(PARA, 9)))])
    with pytest.raises(ValidationError, match="More traceability codes"):
        gsp.trace.receive_codes(batch_id(gsp, "TR-1"), [code(PARA, 8)])       # all 4 packs already coded
    assert table_snapshot(gsp) == before


def test_codes_scanned_after_the_receipt_go_on_file_for_a_cashier_only_with_a_pharmacist(gsp, ids, open_store):
    batch = batch_id(gsp, "P-LATE")
    cashier = open_store("cashier")
    before = table_snapshot(cashier)
    with pytest.raises(PermissionDenied):
        cashier.trace.receive_codes(batch, [code("8400004", 1)])
    assert table_snapshot(cashier) == before
    assert open_store("pharmacist").trace.receive_codes(batch, [code("8400004", 1), code("8400004", 2)]) == 2
    assert gsp.trace.identify(code("8400004", 2)).batch_id == batch
    assert gsp.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'trace.receive'") == 1


def test_a_scanned_pack_of_an_expired_batch_is_refused(gsp, ids, clock):
    clock.advance(days=501)
    before = table_snapshot(gsp)
    with pytest.raises(StockError):
        gsp.sales.sell([CartLine(ids.otc, 1, trace_codes=(code(PARA, 1),))], [Payment("cash", 1250)])
    assert table_snapshot(gsp) == before


def test_suspended_cart_keeps_its_codes(gsp, ids):
    parked = gsp.sales.suspend([CartLine(ids.otc, 1, trace_codes=(code(PARA, 3),))])
    cart = gsp.sales.resume_cart(parked)
    assert cart.lines[0].trace_codes == (code(PARA, 3),)


def test_report_and_export_list_received_and_sold_codes(gsp, ids, tmp_path):
    sale = gsp.sales.sell([CartLine(ids.otc, 2, trace_codes=(code(PARA, 1), code(PARA, 2)))], [Payment("cash", 2500)])
    today = gsp.today()
    events = gsp.trace.report(today, today)
    assert sorted((e.event, e.code) for e in events if e.event == "sold") == [
        ("sold", code(PARA, 1)), ("sold", code(PARA, 2))]
    assert sum(e.event == "received" for e in events) == 5
    assert {e.reference for e in events if e.event == "sold"} == {sale.receipt_no}
    path = tmp_path / "trace.csv"
    assert gsp.trace.export_sales(today, today, path) == 2
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert [(r["receipt_no"], r["trace_code"], r["batch_no"]) for r in rows] == [
        (sale.receipt_no, code(PARA, 1), "TR-1"), (sale.receipt_no, code(PARA, 2), "TR-1")]
    assert gsp.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'trace.export'") == 1


def test_a_cashier_may_not_read_the_report(open_store, gsp):
    cashier = open_store("cashier")
    with pytest.raises(PermissionDenied):
        cashier.trace.report(cashier.today(), cashier.today())
