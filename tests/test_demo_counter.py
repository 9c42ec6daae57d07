"""The demo's counter-control records (pharmadesk/demo/counter.py), built on the test store under china_gsp with two
ephedrine products and a split-pack item flagged as the Chinese demo's catalogue flags them."""

from __future__ import annotations

import random
from datetime import timedelta

from stdnum.cn import ric

from pharmadesk.core.stock import ReceiptLine
from pharmadesk.demo.counter import CODES_PER_BATCH, build_counter_records, synthetic_resident_id


def test_synthetic_ids_pass_the_national_check():
    rng = random.Random(5)
    assert all(ric.is_valid(synthetic_resident_id(rng)) for _ in range(50))


def test_the_demo_counter_records_are_complete_and_consistent(store, ids):
    ephedrine = [store.catalog.add_product(barcode=f"EPH-{n}", name=name, category="acute", legal_class="otc",
                                           price=1800, contains_ephedrine=1, supplier_id=ids.supplier)
                 for n, name in enumerate(("新康泰克", "白加黑"))]
    split = store.catalog.add_product(barcode="AMOX24", name="阿莫西林胶囊", category="acute", legal_class="otc",
                                      price=2880, split_units=24, split_unit_name="粒", split_unit_price=150,
                                      supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [ReceiptLine(p, f"B-{p}", store.today() + timedelta(days=300), 20, 900)
                                       for p in (*ephedrine, split)])
    store.set_setting("regulatory_profile", "china_gsp")
    written = build_counter_records(store, random.Random(1))
    assert written["codes"] == store.db.scalar("SELECT count(*) FROM trace_codes WHERE captured_at_sale = 0") > 0
    per_batch = store.db.all("SELECT batch_id, count(*) AS n FROM trace_codes GROUP BY batch_id")
    assert max(row["n"] for row in per_batch) <= CODES_PER_BATCH
    assert written["ephedrine_sales"] == 6 == store.db.scalar("SELECT count(*) FROM ephedrine_register")
    assert len(store.ephedrine.frequent_buyers()) == 1                  # the regular buyer, for the review
    assert written["split_sales"] == 1 and len(store.split.open_packs(split)) == 1
    sale_id = store.db.scalar("SELECT MAX(sale_id) FROM sale_lines WHERE product_id = ?", (split,))
    assert store.split.label(store.split.split_lines_of(sale_id)[0]).directions
    assert store.stock.verify_ledger() == []
    assert store.audit.verify() == []
    assert build_counter_records(store, random.Random(1)) != {}         # a second run adds, never breaks


def test_nothing_is_written_without_the_profile(store):
    assert build_counter_records(store, random.Random(1)) == {}
