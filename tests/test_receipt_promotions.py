"""The receipt of a promoted sale: each line's original price with its promotions and the till's own discount under
it, "You saved" and the savings per promotion, in the HTML preview and on a 58 mm and 80 mm ESC/POS printer."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.reports import escpos
from pharmadesk.reports.receipt import receipt_html, receipt_lines


@pytest.fixture
def promoted_sale(store, ids):
    vit = store.catalog.add_product(barcode="VITC100", name="Vitamin C", category="supplement", legal_class="otc",
                                    price=1500, supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [ReceiptLine(vit, "V-1", store.today() + timedelta(days=200), 30, 600)])
    store.promotions.create(name="Member price", kind="member_price", label="会员价", prices={str(ids.otc): 1100},
                            stacking="stackable")
    store.promotions.create(name="Winter", kind="spend_save", label="满30减5", threshold=3000, amount=500,
                            stacking="stackable")
    m = store.members.register("Member 1", "13900000001")
    lines = [CartLine(ids.otc, 2, discount=100), CartLine(vit, 1)]
    due = store.sales.quote(lines, m).total
    return store.sales.sell(lines, [Payment("cash", due)], member_id=m)


def test_escpos_lines_show_the_original_price_each_saving_and_you_saved(store, promoted_sale):
    sale = promoted_sale
    # 2 × 12.50 → member price 2 × 11.00 (−3.00); basket 22.00 + 15.00 = 37.00 → 满30减5 shared 22:15 (−2.97, −2.03);
    # the till's own 1.00 on top of the paracetamol line.
    assert (sale.subtotal, sale.discount, sale.total) == (4000, 300 + 500 + 100, 3100)
    for width in (escpos.DEFAULT_WIDTH, 48):
        lines = receipt_lines(store, sale.receipt_no, width)
        assert all(escpos.text_width(line) <= width for line in lines)
        start = lines.index("Paracetamol 500mg")
        assert lines[start + 1] == escpos.two_columns("  2 x 12.50", "25.00", width)
        assert lines[start + 2:start + 5] == [escpos.two_columns("  会员价", "-3.00", width),
                                              escpos.two_columns("  满30减5", "-2.97", width),
                                              escpos.two_columns("  Discount", "-1.00", width)]
        saved = lines.index(escpos.two_columns("You saved", "9.00", width))
        assert lines[saved + 1:saved + 4] == [escpos.two_columns("  会员价", "3.00", width),
                                              escpos.two_columns("  满30减5", "5.00", width),
                                              escpos.two_columns("  Discount", "1.00", width)]
        assert escpos.two_columns("TOTAL", "31.00", width) in lines


def test_html_receipt_lists_the_labels_and_you_saved(store, promoted_sale):
    html = receipt_html(store, promoted_sale.receipt_no)
    for text in ("会员价", "满30减5", "-3.00", "-2.03", "You saved", "9.00", "25.00"):
        assert text in html


def test_a_sale_without_savings_has_no_you_saved_block(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    assert not any("You saved" in line for line in receipt_lines(store, sale.receipt_no))
    assert "You saved" not in receipt_html(store, sale.receipt_no)
