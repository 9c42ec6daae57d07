"""Payment methods (cash, card, WeChat Pay, Alipay, 医保, voucher), references, refunds to the original
payment, cash refunds of non-cash sales, per-method X/Z reports, and the migration that made room for them."""

from __future__ import annotations

import json
import uuid

import pytest
from argon2 import PasswordHasher

from pharmadesk.core.payments import (
    PAYMENT_METHODS, REFERENCE_REQUIRED, RefundPart, clean_reference, net_sales, refund_plan,
)
from pharmadesk.core.permissions import Action
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.store import Store
from pharmadesk.db import keys
from pharmadesk.db.connection import DB_FILE_NAME, Database, connect
from pharmadesk.db.migrate import latest_version, migrate, schema_version
from pharmadesk.errors import PermissionDenied, ValidationError

from conftest import FAST_KDF, PASSPHRASE, PINS, table_snapshot

WECHAT_REF = "4200001234202612040123456789"     # what the customer's WeChat showed
ZERO = dict.fromkeys(PAYMENT_METHODS, 0)


def _two(store, ids, payments):
    """Sell two paracetamol (2 x 12.50 = 25.00)."""
    return store.sales.sell([CartLine(ids.otc, 2)], payments)


# -- taking payment ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", PAYMENT_METHODS)
def test_every_method_sells(store, ids, method):
    reference = f"  {method.upper()}-7781  " if method in REFERENCE_REQUIRED else None
    sale = _two(store, ids, [Payment(method, 2500, reference=reference)])
    paid = store.sales.receipt(sale.receipt_no)["payments"]
    assert paid == [{"method": method, "amount": 2500, "tendered": None, "change": 0,
                     "reference": f"{method.upper()}-7781" if reference else None}]      # trimmed


@pytest.mark.parametrize("method", sorted(REFERENCE_REQUIRED))
@pytest.mark.parametrize("reference", [None, "", "   ", "123", "x" * 65, "12\n34", "AB\tCD"])
def test_a_missing_or_unreadable_reference_is_refused_and_nothing_changes(store, ids, method, reference):
    before = table_snapshot(store)
    with pytest.raises(ValidationError) as refused:
        _two(store, ids, [Payment(method, 2500, reference=reference)])
    assert "reference" in str(refused.value)
    assert table_snapshot(store) == before


@pytest.mark.parametrize("payments", [
    [Payment("cash", 2500, reference="CASH-0001")],                 # cash has no transaction to refer to
    [Payment("wechat", 2500, tendered=3000, reference=WECHAT_REF)],  # only cash is handed over
    [Payment("paypal", 2500, reference="PP-00001")],
    [Payment("wechat", 2000, reference=WECHAT_REF)],                 # does not add up
])
def test_other_payment_refusals_change_nothing(store, ids, payments):
    before = table_snapshot(store)
    with pytest.raises(ValidationError):
        _two(store, ids, payments)
    assert table_snapshot(store) == before


def test_reference_rules_in_one_place():
    assert clean_reference("voucher", None) is None                 # a voucher number is optional
    assert clean_reference("voucher", " V-2026-0042 ") == "V-2026-0042"
    assert clean_reference("insurance", "YB-" + "9" * 61) == "YB-" + "9" * 61     # 64 characters
    assert clean_reference("alipay", "支付宝单号2026") == "支付宝单号2026"          # printable, not only ASCII


def test_mixed_payment_of_any_methods_and_the_receipt_shows_them(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 4)], [
        Payment("cash", 1000, tendered=2000),
        Payment("alipay", 2000, reference="2026120422001400001"),
        Payment("insurance", 1500, reference="YB-330100-000123"),
        Payment("voucher", 500, reference="V-0042"),
    ])
    assert sale.change == 1000
    paid = store.sales.receipt(sale.receipt_no)["payments"]
    assert [(p["method"], p["amount"], p["reference"]) for p in paid] == [
        ("cash", 1000, None), ("alipay", 2000, "2026120422001400001"),
        ("insurance", 1500, "YB-330100-000123"), ("voucher", 500, "V-0042")]


# -- refunds ---------------------------------------------------------------------------------------------------


def test_a_wechat_sale_is_refunded_to_wechat_against_its_reference(store, ids):
    sale = _two(store, ids, [Payment("wechat", 2500, reference=WECHAT_REF)])
    line = sale.lines[0].sale_line_id
    preview = store.returns.refund_preview(sale.receipt_no, [ReturnItem(line, 1)])
    result = store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "changed mind")
    paid_id = store.db.scalar("SELECT id FROM payments WHERE sale_id = ?", (sale.sale_id,))
    assert list(result.refunded_by) == preview == [RefundPart("wechat", 1250, paid_id, WECHAT_REF)]
    assert store.db.all("SELECT method, amount, reference, refund_of FROM payments WHERE return_id = ?",
                        (result.return_id,)) == [
        {"method": "wechat", "amount": 1250, "reference": WECHAT_REF, "refund_of": paid_id}]
    audit = json.loads(store.db.scalar("SELECT details FROM audit_log WHERE action = 'refund'"))
    assert audit["methods"] == {"wechat": 1250} and WECHAT_REF not in json.dumps(audit)


def test_a_mixed_sale_is_refunded_non_cash_first_up_to_what_each_paid(store, ids):
    sale = _two(store, ids, [Payment("cash", 500, tendered=500), Payment("alipay", 2000, reference="ALI-000777")])
    line = sale.lines[0].sale_line_id
    first = store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "one too many")
    assert [(p.method, p.amount) for p in first.refunded_by] == [("alipay", 1250)]
    second = store.returns.return_items(sale.receipt_no, [ReturnItem(line, 1)], "the other one too")
    assert [(p.method, p.amount) for p in second.refunded_by] == [("alipay", 750), ("cash", 500)]
    taken = store.db.all("SELECT method, SUM(amount) AS amount FROM payments WHERE return_id IS NOT NULL "
                         "GROUP BY method ORDER BY method")
    assert taken == [{"method": "alipay", "amount": 2000}, {"method": "cash", "amount": 500}]


def test_refund_plan_rule():
    paid = [{"id": 1, "method": "cash", "amount": 500, "reference": None, "refunded": 0},
            {"id": 2, "method": "card", "amount": 1000, "reference": "T-1", "refunded": 600},
            {"id": 3, "method": "voucher", "amount": 1000, "reference": None, "refunded": 0}]
    assert refund_plan(paid, 1800) == [RefundPart("card", 400, 2, "T-1"), RefundPart("voucher", 1000, 3, None),
                                       RefundPart("cash", 400, 1, None)]
    assert refund_plan([], 300) == [RefundPart("cash", 300, None, None)]   # paid by points only


def test_a_pharmacist_cannot_refund_a_wechat_sale_in_cash_without_the_owner(open_store, ids):
    pharmacist = open_store("pharmacist")
    sale = _two(pharmacist, ids, [Payment("wechat", 2500, reference=WECHAT_REF)])
    item = [ReturnItem(sale.lines[0].sale_line_id, 1)]
    before = table_snapshot(pharmacist)
    with pytest.raises(PermissionDenied):
        pharmacist.returns.return_items(sale.receipt_no, item, "customer's phone is dead", method="cash")
    assert table_snapshot(pharmacist) == before
    approval = pharmacist.users.approve("owner", PINS["owner"], Action.REFUND_IN_CASH, subject=sale.receipt_no)
    result = pharmacist.returns.return_items(sale.receipt_no, item, "customer's phone is dead", method="cash",
                                           approval=approval)
    paid_id = pharmacist.db.scalar("SELECT id FROM payments WHERE sale_id = ?", (sale.sale_id,))
    assert list(result.refunded_by) == [RefundPart("cash", 1250, paid_id, None)]
    audit = pharmacist.db.one("SELECT user_id, entity_id, details FROM audit_log WHERE action = 'refund.in_cash'")
    owner_id = pharmacist.db.scalar("SELECT id FROM users WHERE username = 'owner'")
    assert audit["entity_id"] == str(result.return_id)
    assert json.loads(audit["details"])["approved_by"] == owner_id
    # what went back in cash no longer counts as refundable on WeChat
    rest = pharmacist.returns.refund_preview(sale.receipt_no, item)
    assert rest == [RefundPart("wechat", 1250, paid_id, WECHAT_REF)]


def test_a_cash_sale_refunded_in_cash_needs_no_owner(open_store, ids):
    pharmacist = open_store("pharmacist")
    sale = _two(pharmacist, ids, [Payment("cash", 2500)])
    result = pharmacist.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "x",
                                           method="cash")
    assert [(p.method, p.amount) for p in result.refunded_by] == [("cash", 1250)]


def test_a_refund_to_another_non_cash_method_is_refused(store, ids):
    sale = _two(store, ids, [Payment("wechat", 2500, reference=WECHAT_REF)])
    before = table_snapshot(store)
    for method in ("alipay", "card", "bitcoin"):
        with pytest.raises(ValidationError):
            store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "x",
                                     method=method)
    assert table_snapshot(store) == before


# -- X and Z reports per method ------------------------------------------------------------------------------------


def test_x_and_z_reports_total_every_method_and_count_cash_only(open_store, ids, clock):
    store = open_store("owner")
    _two(store, ids, [Payment("cash", 2500, tendered=5000)])
    _two(store, ids, [Payment("wechat", 2500, reference=WECHAT_REF)])
    mixed = _two(store, ids, [Payment("alipay", 1000, reference="ALI-000001"),
                              Payment("insurance", 1000, reference="YB-000001"), Payment("voucher", 500)])
    _two(store, ids, [Payment("card", 2500, reference="TERM-0001")])
    clock.advance(minutes=5)
    refund = store.returns.return_items(mixed.receipt_no, [ReturnItem(mixed.lines[0].sale_line_id, 1)], "x")
    assert [(p.method, p.amount) for p in refund.refunded_by] == [("alipay", 1000), ("insurance", 250)]
    x = store.day_close.x_report(opening_float=10000)
    assert x.payments == {**ZERO, "cash": 2500, "card": 2500, "wechat": 2500, "alipay": 1000,
                          "insurance": 1000, "voucher": 500}
    assert x.refunds_by_method == {**ZERO, "alipay": 1000, "insurance": 250}
    assert x.net_by_method == {**ZERO, "cash": 2500, "card": 2500, "wechat": 2500, "alipay": 0,
                               "insurance": 750, "voucher": 500}
    assert (x.paid, x.refund_amount, x.net) == (10000, 1250, net_sales(10000, 1250))
    assert x.expected_cash == 10000 + 2500                    # the drawer holds cash only
    z = store.day_close.close_day(counted_cash=12500, opening_float=10000)
    assert z.cash_variance == 0 and z.payments == x.payments
    stored = store.day_close.day_closes()[0]["report"]
    assert stored["payments"]["wechat"] == 2500 and stored["refunds_by_method"]["insurance"] == 250


# -- the migration ------------------------------------------------------------------------------------------------


def test_migration_8_keeps_every_old_payment(tmp_path):
    directory = tmp_path / "old"
    directory.mkdir()
    store_id = str(uuid.uuid4())
    key = keys.new_database_key()
    keys.write_key_file(directory, keys.wrap_key(key, PASSPHRASE, store_id, FAST_KDF))
    db = Database(connect(directory / DB_FILE_NAME, key), directory / DB_FILE_NAME)
    assert migrate(db, target=7) == [1, 2, 3, 4, 5, 6, 7]
    now = "2026-12-01T09:00:00.000000+00:00"
    with db.transaction():
        for name, value in {"store_id": store_id, "store_name": "Old Pharmacy", "currency": "CNY"}.items():
            db.insert("settings", {"key": name, "value": value})
        db.insert("users", {"id": 1, "username": "owner", "display_name": "Old Owner", "role": "owner",
                            "password_hash": PasswordHasher().hash("old-owner-pass"), "created_at": now})
        for sale_id in (1, 2):
            db.insert("sales", {"id": sale_id, "receipt_no": f"S{sale_id:08d}", "at": now, "user_id": 1,
                                "subtotal": 2500, "total": 2500})
        db.insert("returns", {"id": 1, "return_no": "R00000001", "at": now, "original_sale_id": 2, "user_id": 1,
                              "approved_by": 1, "reason": "old", "refund_total": 1000})
        db.insert("payments", {"id": 1, "sale_id": 1, "method": "cash", "amount": 2500, "tendered": 3000,
                               "change": 500})
        db.insert("payments", {"id": 2, "sale_id": 2, "method": "card", "amount": 2500})
        db.insert("payments", {"id": 3, "return_id": 1, "method": "card", "amount": 1000})
    old_rows = db.execute("SELECT id, sale_id, return_id, method, amount, tendered, change FROM payments "
                          "ORDER BY id").fetchall()
    db.close()
    store = Store.open(directory, key=key, use_keyring=False)
    try:
        assert schema_version(store.db) == latest_version() >= 8
        assert store.db.execute("SELECT id, sale_id, return_id, method, amount, tendered, change FROM payments "
                                "ORDER BY id").fetchall() == old_rows
        assert store.db.scalar("SELECT count(*) FROM payments WHERE reference IS NOT NULL OR refund_of IS NOT NULL") == 0
        indexes = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                                  "AND tbl_name = 'payments'")}
        assert {"payments_sale", "payments_return"} <= indexes
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
        store.login("owner", "old-owner-pass")
        with store.db.transaction():                         # the new methods fit the rebuilt CHECK
            store.db.insert("payments", {"sale_id": 1, "method": "wechat", "amount": 0, "reference": WECHAT_REF})
    finally:
        store.close()


def test_refunds_made_before_the_link_count_against_their_method(store, ids):
    """Refund rows older than migration 8 carry no ``refund_of``: they still use up their method's payment."""
    sale = _two(store, ids, [Payment("cash", 500), Payment("card", 2000, reference="TERM-0009")])
    item = [ReturnItem(sale.lines[0].sale_line_id, 1)]
    store.returns.return_items(sale.receipt_no, item, "first")
    with store.db.transaction():
        store.db.execute("UPDATE payments SET refund_of = NULL WHERE return_id IS NOT NULL")
    cash_id, card_id = [r[0] for r in store.db.execute(
        "SELECT id FROM payments WHERE sale_id = ? ORDER BY id", (sale.sale_id,)).fetchall()]
    assert store.returns.refund_preview(sale.receipt_no, item) == [RefundPart("card", 750, card_id, "TERM-0009"),
                                                                 RefundPart("cash", 500, cash_id, None)]
