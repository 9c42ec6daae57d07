"""The demo's GSP quality records (pharmadesk/demo/quality.py), built on the test store under china_gsp."""

from __future__ import annotations

from datetime import timedelta

from pharmadesk.core.stock import ReceiptLine
from pharmadesk.demo.quality import LOG_DAYS, OUT_OF_RANGE_READINGS, build_quality_records


def test_the_demo_quality_records_are_complete_and_consistent(store, ids, clock):
    store.set_setting("regulatory_profile", "china_gsp")
    clock.advance(days=100)                 # the stock has been in the store a while: months of maintenance
    summary = build_quality_records(store, seed=3)
    [expiring] = store.quality.expiring_documents(30)
    assert (expiring.kind, expiring.supplier_id, expiring.days_left) == ("sales_authorisation", ids.supplier, 18)
    assert store.quality.approval(supplier_id=ids.supplier) is not None
    assert all(store.quality.approval(product_id=p) for p in (ids.otc, ids.rx, ids.controlled, ids.expired_only))
    receipt_lines = store.db.scalar("SELECT count(*) FROM stock_moves WHERE reason = 'receipt'")
    assert summary.acceptances == receipt_lines == len(store.quality.acceptances()) == 5
    assert store.quality.pending_acceptance() == []

    readings = store.quality.readings()
    assert summary.readings == len(readings) == LOG_DAYS * 2 * 3
    assert {(r.on_date, r.slot) for r in readings} == {
        ((store.today() - timedelta(days=n)).isoformat(), slot) for n in range(1, LOG_DAYS + 1) for slot in ("am", "pm")}
    out = store.quality.readings(out_of_range_only=True)
    assert summary.out_of_range == len(out) == OUT_OF_RANGE_READINGS
    assert all(r.corrective_action for r in out)

    checks = store.quality.maintenance_checks()
    assert summary.maintenance_checks == len(checks) > 0
    [held] = store.quality.quarantined()
    assert held.id == summary.quarantine_id and held.quantity == 2
    assert store.quality.batch_quality(held.batch_id).quarantine == 2
    assert store.stock.verify_ledger() == []
    assert store.audit.verify() == []

    # the records make the store work under the profile: a new delivery is qualified and waits for acceptance
    receipt = store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "DEMO-Q", store.today() + timedelta(days=300),
                                                             6, 400)])
    assert [line.pending for line in store.quality.pending_acceptance(receipt)] == [6]
