"""Returns of promoted sales: the refund is what was actually paid for the units (a 满减 basket's share, an
nth-item or buy-X-get-Y discount), points follow, and a coupon comes back only when the owner says so."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from pharmadesk.core.permissions import Action
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.errors import PermissionDenied, ValidationError

from conftest import PINS, table_snapshot


def promotion(store, **fields) -> int:
    return store.promotions.create({"name": fields.pop("name", fields["kind"]), **fields})


def vitamin(store, ids) -> int:
    product = store.catalog.add_product(barcode="VITC100", name="Vitamin C", category="supplement",
                                        legal_class="otc", price=1500, supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [ReceiptLine(product, "V-1", store.today() + timedelta(days=200), 30, 600)])
    return product


def sell(store, lines, member_id=None, coupons=()):
    due = store.sales.quote(lines, member_id, coupons).total
    return store.sales.sell(lines, [Payment("cash", due)], member_id=member_id, coupons=coupons)


def give_back(store, sale, index: int, quantity: int, **options):
    return store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[index].sale_line_id, quantity)],
                                      "changed mind", **options)


def test_a_returned_item_from_a_spend_save_basket_reclaims_its_share_of_the_discount(store, ids):
    vit = vitamin(store, ids)
    promotion(store, kind="spend_save", threshold=2000, amount=300, repeat=True, label="满20减3")
    sale = sell(store, [CartLine(ids.otc, 2), CartLine(vit, 1)])
    assert sale.total == 3400 and [line.line_total for line in sale.lines] == [2125, 1275]
    vitamin_back = give_back(store, sale, 1, 1)
    assert vitamin_back.refund == 1275                        # 15.00 less its 2.25 share of the 6.00 off
    rest = give_back(store, sale, 0, 2)
    assert vitamin_back.refund + rest.refund == sale.total


@pytest.mark.parametrize("kind, fields, paid, refunds", [
    ("nth_item", {"nth": 2, "percent": 50, "label": "第二件半价"}, 1875, [938, 937]),
    ("buy_x_get_y", {"buy": 2, "get": 1, "label": "买二送一"}, 2500, [833, 834, 833]),
])
def test_unit_promotions_refund_what_was_paid_for_the_units(store, ids, kind, fields, paid, refunds):
    promotion(store, kind=kind, scope={"products": [ids.otc]}, **fields)
    sale = sell(store, [CartLine(ids.otc, len(refunds))])
    assert sale.total == paid
    got = [give_back(store, sale, 0, 1).refund for _ in refunds]
    assert got == refunds and sum(got) == paid


def test_points_follow_the_refund_of_a_promoted_sale(store, ids):
    promotion(store, kind="percent_off", percent=20, label="8折")
    promotion(store, kind="points_multiplier", multiplier=200, audience="members", label="双倍积分")
    m = store.members.register("Member 1", "13900000001")
    sale = sell(store, [CartLine(ids.otc, 4)], m)
    assert (sale.total, sale.points_earned) == (4000, 80)       # 40.00 paid at double points
    first = give_back(store, sale, 0, 1)
    assert (first.refund, first.points_reversed) == (1000, 20)
    give_back(store, sale, 0, 3)
    assert store.members.row(m)["points"] == 0


@pytest.fixture
def coupon_sale(store, ids):
    coupon = promotion(store, kind="coupon", amount=500, threshold=2000, label="券5元")
    code = store.promotions.issue_coupons(coupon, count=1, expires_on=(store.today() + timedelta(days=9))).codes[0]
    sale = sell(store, [CartLine(ids.otc, 2)], coupons=[code])
    assert sale.total == 2000
    return sale, code


def used_by(store, code):
    return store.db.one("SELECT redeemed_sale_id FROM coupons WHERE code = ?", (code,))["redeemed_sale_id"]


def test_a_returned_coupon_purchase_keeps_the_coupon_used(store, coupon_sale):
    sale, code = coupon_sale
    result = give_back(store, sale, 0, 2)
    assert (result.refund, result.coupons_restored) == (2000, 0)
    assert used_by(store, code) == sale.sale_id


def test_the_owner_restores_the_coupon_with_the_return(store, ids, coupon_sale):
    sale, code = coupon_sale
    result = give_back(store, sale, 0, 2, restore_coupon=True)
    assert result.coupons_restored == 1 and used_by(store, code) is None
    entry = next(e for e in store.audit.entries(limit=50) if e["action"] == "coupon.restore")
    assert code not in entry["details"]
    assert json.loads(entry["details"])["return_id"] == result.return_id
    assert sell(store, [CartLine(ids.otc, 2)], coupons=[code]).total == 2000       # it can be used again


def test_a_pharmacist_needs_the_owners_approval_to_restore_a_coupon(open_store, ids, coupon_sale):
    sale, code = coupon_sale
    pharmacist = open_store("pharmacist")
    before = table_snapshot(pharmacist)
    with pytest.raises(PermissionDenied):
        give_back(pharmacist, sale, 0, 2, restore_coupon=True)
    assert table_snapshot(pharmacist) == before
    approval = pharmacist.users.approve("owner", PINS["owner"], Action.MANAGE_PROMOTIONS, subject=sale.receipt_no)
    result = give_back(pharmacist, sale, 0, 2, restore_coupon=True, approval=approval)
    assert result.coupons_restored == 1 and used_by(pharmacist, code) is None


def test_restoring_needs_a_coupon_to_restore(store, ids):
    sale = sell(store, [CartLine(ids.otc, 1)])
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="No coupon"):
        give_back(store, sale, 0, 1, restore_coupon=True)
    assert table_snapshot(store) == before
