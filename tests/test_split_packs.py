"""拆零 (issue 16): opening a pack as an open sub-batch (who opened it, who checked it), selling by the unit at the
unit price, stock consistent in packs and units (the ledgers agree), the split-pack label, returns of units."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.errors import PharmacistRequired, StockError, ValidationError
from pharmadesk.reports.receipt import receipt_html, receipt_lines
from pharmadesk.reports.split_label import label_lines

from conftest import PINS, table_snapshot


@pytest.fixture
def tabs(store, ids):
    """Amoxicillin capsules, 24 to a box (¥28.80 a box, ¥1.50 a capsule), two boxes of batch A-1 in stock."""
    product = store.catalog.add_product(barcode="AMOX24", name="阿莫西林胶囊", generic_name="amoxicillin",
                                        specification="0.25g×24粒", category="acute", legal_class="otc", price=2880,
                                        split_units=24, split_unit_name="粒", split_unit_price=150,
                                        supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [ReceiptLine(product, "A-1", store.today() + timedelta(days=300), 2, 2400)])
    store.set_setting("regulatory_profile", "china_gsp")
    return product


def test_opening_a_pack_moves_one_pack_into_units_and_the_ledgers_agree(store, tabs):
    pack = store.split.open_pack(tabs)
    assert (pack.units, pack.units_left, pack.batch_no) == (24, 24, "A-1")
    assert pack.opened_by == store.user.id and pack.checked_by == store.user.id
    assert store.stock.on_hand(tabs) == 1                                    # packs
    assert store.split.open_units(tabs) == 24                                # units
    assert store.stock.verify_ledger() == []
    move = store.db.one("SELECT quantity, reason, ref_type, ref_id FROM stock_moves WHERE ref_type = 'open_pack'")
    assert move == {"quantity": -1, "reason": "sale", "ref_type": "open_pack", "ref_id": pack.id}
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'split.open'") == 1


def test_a_cashier_opens_a_pack_only_with_a_pharmacists_check(open_store, store, tabs):
    cashier = open_store("cashier")
    before = table_snapshot(cashier)
    with pytest.raises(PharmacistRequired):
        cashier.split.open_pack(tabs)
    assert table_snapshot(cashier) == before
    approval = cashier.users.approve("pharmacist", PINS["pharmacist"], _action(), subject="split")
    pack = cashier.split.open_pack(tabs, approval)
    assert pack.opened_by == cashier.user.id
    assert pack.checked_by == cashier.users.get(pack.checked_by).id != cashier.user.id


def _action():
    from pharmadesk.core.permissions import Action
    return Action.DISPENSE_RX


def test_selling_units_takes_them_from_the_open_pack_at_the_unit_price(store, tabs):
    store.split.open_pack(tabs)
    sale = store.sales.sell([CartLine(tabs, 6, by_units=True, directions="每次2粒，每日3次")],
                            [Payment("cash", 900)])
    line = sale.lines[0]
    assert (line.quantity, line.unit_price, line.line_total) == (6, 150, 900)
    assert store.split.open_units(tabs) == 18 and store.stock.on_hand(tabs) == 1
    assert store.stock.verify_ledger() == []
    assert store.db.scalar("SELECT unit_cost FROM sale_lines WHERE id = ?", (line.sale_line_id,)) == 100
    label = store.split.label(line.sale_line_id)
    assert (label.product_name, label.specification, label.quantity, label.unit_name, label.directions,
            label.batch_no) == ("阿莫西林胶囊", "0.25g×24粒", 6, "粒", "每次2粒，每日3次", "A-1")
    assert label.expiry == (store.today() + timedelta(days=300)).isoformat()
    assert label.store_name == store.settings.store_name
    text = "\n".join(receipt_lines(store, sale.receipt_no))
    for part in ("0.25g×24粒", "每次2粒，每日3次", "A-1", label.expiry, "6 粒"):
        assert part in text
    assert "每次2粒" in receipt_html(store, sale.receipt_no)
    assert all(len(row) <= 48 for row in label_lines(label, 32)) 


def test_units_beyond_the_open_packs_are_refused_until_another_pack_is_opened(store, tabs):
    store.split.open_pack(tabs)
    before = table_snapshot(store)
    with pytest.raises(StockError, match="open another pack"):
        store.sales.sell([CartLine(tabs, 25, by_units=True)], [Payment("cash", 3750)])
    assert table_snapshot(store) == before
    store.split.open_pack(tabs)
    store.sales.sell([CartLine(tabs, 25, by_units=True)], [Payment("cash", 3750)])
    assert store.split.open_units(tabs) == 23 and store.stock.on_hand(tabs) == 0
    assert store.stock.verify_ledger() == []


@pytest.mark.parametrize("setup, message", [
    ("no_ratio", "not sold by the unit"),
    ("no_profile", "not sold by the unit"),
    ("long_directions", "Directions"),
    ("with_code", "carry no traceability code"),
])
def test_refused_split_sales_change_nothing(store, tabs, ids, setup, message):
    store.split.open_pack(tabs)
    line = CartLine(tabs, 2, by_units=True)
    if setup == "no_ratio":
        line = CartLine(ids.otc, 2, by_units=True)
    elif setup == "no_profile":
        store.set_setting("regulatory_profile", "none")
    elif setup == "long_directions":
        line = CartLine(tabs, 2, by_units=True, directions="x" * 121)
    else:
        line = CartLine(tabs, 1, by_units=True, trace_codes=("81000010000000010000",))
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match=message):
        store.sales.sell([line], [Payment("cash", 10_000, tendered=10_000)])
    assert table_snapshot(store) == before


def test_ephedrine_products_are_never_split(store, ids):
    product = store.catalog.add_product(barcode="EPH-SPLIT", name="复方甘草片", category="acute", legal_class="otc",
                                        price=1000, contains_ephedrine=1, split_units=10, split_unit_name="片",
                                        split_unit_price=100, supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [ReceiptLine(product, "G-1", store.today() + timedelta(days=300), 2, 500)])
    store.set_setting("regulatory_profile", "china_gsp")
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="whole packs"):
        store.split.open_pack(product)
    assert table_snapshot(store) == before


def test_returned_units_are_written_off_never_back_on_sale(store, tabs):
    store.split.open_pack(tabs)
    sale = store.sales.sell([CartLine(tabs, 6, by_units=True)], [Payment("cash", 900)])
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 2)], "wrong item")
    assert result.refund == 300
    assert store.split.open_units(tabs) == 18                                # not 20
    assert store.stock.verify_ledger() == []
    reasons = [row["reason"] for row in store.db.all("SELECT reason FROM open_pack_moves ORDER BY id")]
    assert reasons == ["open", "sale", "return", "write_off"]


def test_a_suspended_split_line_comes_back_by_the_unit(store, tabs):
    parked = store.sales.suspend([CartLine(tabs, 3, by_units=True, directions="每日3次")])
    line = store.sales.resume_cart(parked).lines[0]
    assert (line.by_units, line.quantity, line.directions) == (True, 3, "每日3次")
