"""The role x action matrix, walked against the domain: every action, every role, through a real use case.

For each Action a use case is called as each role. Allowed roles must succeed; disallowed roles must get
PermissionDenied and leave every table exactly as it was. Actions whose use case does not exist yet
(reports, analytics, care reminders, backup, head-office export, privacy requests, import) are checked
through ``store.require`` directly, which is what those use cases will call.
"""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from pharmadesk.errors import PermissionDenied, PrescriptionRequired
from pharmadesk.core.permissions import MATRIX, ROLES, Action, allowed
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.stock import ReceiptLine

from conftest import PASSWORDS, approve_for_gsp, table_snapshot

_counter = itertools.count(1)


def _n() -> int:
    return next(_counter)


def _rx(store) -> Prescription:
    return Prescription("Dr. Lee", f"RX-{_n()}", store.today().isoformat())


def _setup_sale(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 3)], [Payment("cash", 3750)])
    return {"receipt": sale.receipt_no, "line": sale.lines[0].sale_line_id}


def _setup_card_sale(store, ids):
    sale = store.sales.sell([CartLine(ids.otc, 3)], [Payment("card", 3750, reference="TERM-0042")])
    return {"receipt": sale.receipt_no, "line": sale.lines[0].sale_line_id}


def _setup_member(store, ids):
    return {"member": store.members.register("Matrix Member", f"1390000{_n():04d}")}


def _setup_batch(store, ids):
    return {"batch": store.stock.batches(ids.otc)[0]["id"]}


def _setup_csv(store, ids):
    path = store.directory.parent / f"members-{_n()}.csv"
    path.write_text(f"name,phone\nImported Member,1370000{_n():04d}\n", encoding="utf-8")
    return {"csv": path}


def _setup_pending_receipt(store, ids):
    approve_for_gsp(store, ids)
    receipt = store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "GSP-MX", store.today() + timedelta(days=200),
                                                             10, 400)])
    return {"receipt": receipt, "batch": store.db.scalar("SELECT id FROM batches WHERE batch_no = 'GSP-MX'")}


def _setup_area(store, ids):
    return {"area": store.quality.add_gsp_areas()[0].id}


def _setup_quarantine(store, ids):
    record = store.quality.quarantine(store.stock.batches(ids.otc)[0]["id"], 1, "suspect")
    return {"quarantine": record.id}


def _setup_complaint(store, ids):
    return {"record": store.service.record("complaint", "Queue was long")}


# action -> (setup run as owner or None, use case run as the role under test)
USE_CASES = {
    Action.SELL: (None, lambda s, i, c: s.sales.sell([CartLine(i.otc, 1)], [Payment("cash", 1250)])),
    Action.DISPENSE_RX: (None, lambda s, i, c: s.sales.sell([CartLine(i.rx, 1, prescription=_rx(s))],
                                                            [Payment("card", 3000, reference="TERM-0001")])),
    Action.DISCOUNT: (None, lambda s, i, c: s.sales.sell([CartLine(i.otc, 1, discount=100)],
                                                         [Payment("cash", 1150)])),
    Action.DISCOUNT_ANY: (None, lambda s, i, c: s.sales.sell([CartLine(i.otc, 1, discount=500)],
                                                             [Payment("cash", 750)])),
    Action.OVERRIDE_PRICE: (None, lambda s, i, c: s.sales.sell([CartLine(i.otc, 1, unit_price=999)],
                                                               [Payment("card", 999, reference="TERM-0001")])),
    Action.REFUND: (_setup_sale, lambda s, i, c: s.returns.return_items(c["receipt"], [ReturnItem(c["line"], 1)],
                                                                      "changed mind")),
    Action.REFUND_IN_CASH: (_setup_card_sale, lambda s, i, c: s.returns.return_items(
        c["receipt"], [ReturnItem(c["line"], 1)], "card declined later", method="cash")),
    Action.DAY_CLOSE: (None, lambda s, i, c: s.day_close.close_day(0)),
    Action.REGISTER_MEMBER: (None, lambda s, i, c: s.members.register("New Member", f"1380000{_n():04d}")),
    Action.EDIT_MEMBER: (_setup_member, lambda s, i, c: s.members.update(c["member"], name=f"Renamed {_n()}")),
    Action.VIEW_MEMBER_FULL: (_setup_member, lambda s, i, c: s.members.consent_history(c["member"])),
    Action.PRIVACY_REQUESTS: (_setup_member, lambda s, i, c: s.privacy.member_data(c["member"])),
    Action.MANAGE_CATALOG: (None, lambda s, i, c: s.catalog.add_product(
        barcode=f"MX{_n():05d}", name="Matrix Cream", category="personal_care", legal_class="otc", price=500)),
    Action.CHANGE_PRICES: (None, lambda s, i, c: s.catalog.set_price(i.otc, 1300 + _n())),
    Action.RECEIVE_GOODS: (None, lambda s, i, c: s.stock.receive(i.supplier, [
        ReceiptLine(i.otc, f"MX-{_n()}", s.today() + timedelta(days=200), 5, 400)])),
    Action.ADJUST_STOCK: (_setup_batch, lambda s, i, c: s.stock.adjust(c["batch"], 1, "found behind the shelf")),
    Action.COUNT_STOCK: (None, lambda s, i, c: s.stock.start_stocktake()),
    Action.PURCHASE_ORDERS: (None, lambda s, i, c: s.stock.create_order(i.supplier, [(i.otc, 12)])),
    Action.VIEW_REPORTS: (None, lambda s, i, c: s.require(Action.VIEW_REPORTS)),              # no use case yet
    Action.RUN_ANALYTICS: (None, lambda s, i, c: s.require(Action.RUN_ANALYTICS)),            # no use case yet
    Action.MANAGE_PROMOTIONS: (None, lambda s, i, c: s.promotions.create(
        name=f"Matrix day {_n()}", kind="percent_off", percent=5, stacking="stackable")),
    Action.CARE_REMINDERS: (None, lambda s, i, c: s.privacy.consented_members("care")),
    Action.MANAGE_USERS: (None, lambda s, i, c: s.users.create(f"temp{_n()}", "Temp", "cashier", "temp-pass-1")),
    Action.MANAGE_SETTINGS: (None, lambda s, i, c: s.set_setting("near_expiry_days", str(60 + _n()))),
    Action.IMPORT_DATA: (_setup_csv, lambda s, i, c: s.imports.csv("members", c["csv"])),
    Action.BACKUP: (None, lambda s, i, c: s.backups.run(to=s.directory.parent / f"backups-{_n()}")),
    Action.EXPORT_HEADOFFICE: (None, lambda s, i, c: s.require(Action.EXPORT_HEADOFFICE)),    # no use case yet
    Action.VIEW_AUDIT: (None, lambda s, i, c: s.audit.entries()),
    Action.REVIEW_REGISTERS: (None, lambda s, i, c: s.ephedrine.frequent_buyers()),
    Action.APPROVE_QUALIFICATIONS: (None, lambda s, i, c: s.quality.add_document(
        "business_licence", f"BL-{_n()}", "SAMR", None, supplier_id=i.supplier)),
    Action.ACCEPT_GOODS: (_setup_pending_receipt, lambda s, i, c: s.quality.accept(
        c["receipt"], c["batch"], "accepted", 1, "intact", quantity=1)),
    Action.LOG_STORAGE: (_setup_area, lambda s, i, c: s.quality.record_reading(c["area"], 20, 50)),
    Action.MAINTAIN_STOCK: (_setup_batch, lambda s, i, c: s.quality.record_maintenance(
        c["batch"], "intact", "intact", "ok")),
    Action.QUARANTINE_STOCK: (_setup_batch, lambda s, i, c: s.quality.quarantine(c["batch"], 1, "suspect")),
    Action.DISPOSE_STOCK: (_setup_quarantine, lambda s, i, c: s.quality.dispose(c["quarantine"], "return")),
    Action.WITNESS_DISPOSAL: (None, lambda s, i, c: s.users.approve(
        s.user.username, PASSWORDS[s.user.username], Action.WITNESS_DISPOSAL, "quarantine:1")),
    Action.INSPECTION_RECORDS: (None, lambda s, i, c: s.quality.sales_record(s.today(), s.today())),
    Action.RECORD_SERVICE: (None, lambda s, i, c: s.service.record("complaint", "Queue was long")),
    Action.HANDLE_SERVICE: (_setup_complaint, lambda s, i, c: s.service.add_note(c["record"], "Called back")),
    Action.CORRECT_SERVICE: (_setup_complaint, lambda s, i, c: s.service.correct(c["record"], f"Queue {_n()}")),
}


def test_every_action_has_a_use_case():
    assert set(USE_CASES) == set(Action)


def test_matrix_is_what_the_domain_page_says():
    assert set(MATRIX) == set(ROLES) == {"owner", "pharmacist", "cashier"}
    assert MATRIX["owner"] == frozenset(Action)
    assert MATRIX["cashier"] == {Action.SELL, Action.REGISTER_MEMBER, Action.LOG_STORAGE, Action.WITNESS_DISPOSAL,
                                 Action.RECORD_SERVICE}
    assert MATRIX["pharmacist"] == MATRIX["cashier"] | {
        Action.DISPENSE_RX, Action.DISCOUNT, Action.REFUND, Action.DAY_CLOSE, Action.EDIT_MEMBER,
        Action.VIEW_MEMBER_FULL, Action.RECEIVE_GOODS, Action.COUNT_STOCK, Action.CARE_REMINDERS,
        Action.REVIEW_REGISTERS,
        # GSP: the pharmacist is the quality manager; disposing of stock stays with the owner
        Action.APPROVE_QUALIFICATIONS, Action.ACCEPT_GOODS, Action.MAINTAIN_STOCK, Action.QUARANTINE_STOCK,
        Action.INSPECTION_RECORDS, Action.HANDLE_SERVICE}
    assert MATRIX["cashier"] < MATRIX["pharmacist"] < MATRIX["owner"]
    # What DOMAIN.md says the counter staff may never do on their own.
    for action in (Action.CHANGE_PRICES, Action.ADJUST_STOCK, Action.REFUND, Action.VIEW_REPORTS,
                   Action.DISPENSE_RX, Action.DISCOUNT):
        assert not allowed("cashier", action)
    for action in (Action.CHANGE_PRICES, Action.ADJUST_STOCK, Action.MANAGE_USERS, Action.VIEW_REPORTS,
                   Action.RUN_ANALYTICS, Action.BACKUP, Action.EXPORT_HEADOFFICE, Action.PRIVACY_REQUESTS,
                   Action.DISCOUNT_ANY, Action.OVERRIDE_PRICE, Action.MANAGE_PROMOTIONS):
        assert not allowed("pharmacist", action)
    assert not allowed("janitor", Action.SELL)


@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
def test_matrix_is_enforced_by_the_use_case(action, open_store, ids):
    store = open_store(None)
    setup, use_case = USE_CASES[action]
    context = {}
    if setup is not None:
        store.login("owner", PASSWORDS["owner"])
        context = setup(store, ids)
    for role in ("cashier", "pharmacist", "owner"):          # refusals first, so a success cannot mask one
        store.login(role, PASSWORDS[role])
        if allowed(role, action):
            use_case(store, ids, context)                    # must simply work
        else:
            before = table_snapshot(store)
            with pytest.raises(PermissionDenied):
                use_case(store, ids, context)
            assert table_snapshot(store) == before, f"{role} refused {action.value} but something was written"
    assert store.stock.verify_ledger() == []
    assert store.audit.verify() == []


def test_missing_pharmacist_is_both_a_prescription_and_a_permission_problem(open_store, ids):
    store = open_store("cashier")
    with pytest.raises(PrescriptionRequired) as info:
        store.sales.sell([CartLine(ids.controlled, 1, prescription=_rx(store))], [Payment("cash", 2000)])
    assert isinstance(info.value, PermissionDenied)
    assert "pharmacist" in info.value.message


@pytest.mark.parametrize("role", ["cashier", "pharmacist"])
def test_denial_message_names_the_role_and_the_action(role, open_store):
    store = open_store(role)
    with pytest.raises(PermissionDenied) as info:
        store.require(Action.MANAGE_USERS)
    assert info.value.message == f"Your role ({role}) is not allowed to manage users."
