"""含麻黄碱类复方制剂 (issue 16): the buyer's ID and name, at most 2 packs a sale, the sealed register, the
pharmacist's frequent-buyer list, erasure after the retention period, and the ID kept out of logs and exports."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from stdnum.cn import ric

from pharmadesk.analytics import frames
from pharmadesk.core.ephedrine import EphedrineBuyer
from pharmadesk.core.resident_id import mask_resident_id, parse_resident_id
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.errors import PermissionDenied, ValidationError

from conftest import table_snapshot


def resident_id(body: str) -> str:
    """A valid 18-character ID from its first 17 digits (the GB 11643 check character appended)."""
    return body + ric.calc_check_digit(body + "0")


ID_A = resident_id("11010519900307123")       # Beijing Chaoyang, born 1990-03-07
ID_B = resident_id("31010119851120456")
NAME_A = "王小明"


@pytest.fixture
def eph(store, ids):
    """A China GSP store with an ephedrine-containing cold medicine (20 packs) in stock."""
    product = store.catalog.add_product(barcode="EPH-CONTAC", name="新康泰克 复方盐酸伪麻黄碱缓释胶囊",
                                        generic_name="复方盐酸伪麻黄碱", category="acute", legal_class="otc",
                                        otc_class="a", price=1600, contains_ephedrine=1, supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [ReceiptLine(product, "E-1", store.today() + timedelta(days=400), 20, 900)])
    store.set_setting("regulatory_profile", "china_gsp")
    return product


def sell(store, product, packs, buyer=None, extra=()):
    lines = [CartLine(product, packs), *extra]
    total = 1600 * packs + sum(1250 * line.quantity for line in extra)
    return store.sales.sell(lines, [Payment("cash", total)], buyer=buyer)


def test_resident_id_is_checked_against_its_check_character():
    assert parse_resident_id(" 11010519491231002x ") == "11010519491231002X"
    for wrong in ("11010519491231002Y", "110105194912310021", "1101051949123100", "11010519491331002X",
                  "", None, "１1010519491231002X"):
        with pytest.raises(ValidationError) as refused:
            parse_resident_id(wrong)
        assert "1101" not in str(refused.value)                     # the message never repeats the number
    assert mask_resident_id(ID_A) == ID_A[:6] + "********" + ID_A[-4:]


def test_a_sale_of_an_ephedrine_product_registers_the_buyer_sealed(store, eph):
    sale = sell(store, eph, 2, EphedrineBuyer(ID_A.lower(), f"  {NAME_A} "))
    row = store.db.one("SELECT * FROM ephedrine_register")
    assert (row["sale_line_id"], row["packs"]) == (sale.lines[0].sale_line_id, 2)
    assert ID_A.encode() not in row["id_sealed"] and NAME_A.encode() not in row["name_sealed"]
    assert ID_A not in row["id_hash"] and len(row["id_hash"]) == 64
    entry = store.db.one("SELECT details FROM audit_log WHERE action = 'ephedrine.sale'")
    assert entry["details"] == '{"packs":2}'
    assert store.ephedrine.purchases_by(ID_A) == 1
    assert store.ephedrine.purchases_by(ID_B) == 0


@pytest.mark.parametrize("packs, buyer, message", [
    (1, None, "need the buyer's ID number and name"),
    (1, EphedrineBuyer("11010519491231002Y", NAME_A), "not a valid 18-character resident ID"),
    (1, EphedrineBuyer(ID_A, "   "), "buyer's name"),
    (3, EphedrineBuyer(ID_A, NAME_A), "At most 2 packs"),
])
def test_refused_ephedrine_sales_change_nothing(store, eph, packs, buyer, message):
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match=message):
        sell(store, eph, packs, buyer)
    assert table_snapshot(store) == before


def test_the_pack_limit_counts_every_ephedrine_line_and_is_a_setting(store, eph, ids):
    other = store.catalog.add_product(barcode="EPH-BAIJIAHEI", name="白加黑", category="acute", legal_class="otc",
                                      price=1600, contains_ephedrine=1, supplier_id=ids.supplier,
                                      approval_number="国药准字H20000002")
    store.set_setting("regulatory_profile", "none")
    store.stock.receive(ids.supplier, [ReceiptLine(other, "E-2", store.today() + timedelta(days=400), 5, 900)])
    store.set_setting("regulatory_profile", "china_gsp")
    buyer = EphedrineBuyer(ID_A, NAME_A)
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="At most 2 packs"):
        store.sales.sell([CartLine(eph, 2), CartLine(other, 1)], [Payment("cash", 4800)], buyer=buyer)
    assert table_snapshot(store) == before
    with pytest.raises(ValidationError, match="At most 2 packs"):
        store.ephedrine.needs_buyer([(eph, 2), (other, 1)])
    store.set_setting("ephedrine_max_packs", 3)
    assert store.ephedrine.needs_buyer([(eph, 2), (other, 1)]) is True
    store.sales.sell([CartLine(eph, 2), CartLine(other, 1)], [Payment("cash", 4800)], buyer=buyer)
    assert store.db.scalar("SELECT count(*) FROM ephedrine_register") == 2


def test_without_the_profile_or_the_flag_no_id_is_asked(store, eph, ids):
    assert store.ephedrine.needs_buyer([(ids.otc, 5)]) is False
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    store.set_setting("regulatory_profile", "none")
    assert store.ephedrine.needs_buyer([(eph, 5)]) is False
    sell(store, eph, 3)
    assert store.db.scalar("SELECT count(*) FROM ephedrine_register") == 0


def test_frequent_buyers_are_listed_for_the_pharmacist_masked(store, eph, open_store, clock):
    for _ in range(3):
        sell(store, eph, 1, EphedrineBuyer(ID_A, NAME_A))
        clock.advance(days=2)
    sell(store, eph, 1, EphedrineBuyer(ID_B, "李四"))
    pharmacist = open_store("pharmacist")
    listed = pharmacist.ephedrine.frequent_buyers()              # more than 2 purchases in 30 days
    assert [(b.masked_id, b.name, b.purchases, b.packs) for b in listed] == [(mask_resident_id(ID_A), NAME_A, 3, 3)]
    assert pharmacist.ephedrine.frequent_buyers(times=0)[1].purchases == 1
    assert pharmacist.ephedrine.frequent_buyers(times=2, days=3) == []
    entry = store.db.one("SELECT details FROM audit_log WHERE action = 'ephedrine.review' ORDER BY id LIMIT 1")
    assert ID_A not in entry["details"] and NAME_A not in entry["details"]
    cashier = open_store("cashier")
    before = table_snapshot(cashier)
    with pytest.raises(PermissionDenied):
        cashier.ephedrine.frequent_buyers()
    with pytest.raises(PermissionDenied):
        cashier.ephedrine.purchases_by(ID_A)
    assert table_snapshot(cashier) == before


def test_buyers_are_erased_after_the_retention_period_and_at_day_close(store, eph, clock, open_store):
    sell(store, eph, 1, EphedrineBuyer(ID_A, NAME_A))
    assert store.settings.ephedrine_retention_years == 2
    clock.advance(days=365)
    assert store.ephedrine.erase_expired() == 0
    sell(store, eph, 1, EphedrineBuyer(ID_B, "李四"))
    clock.advance(days=366 + 1)
    cashier = open_store("cashier")
    with pytest.raises(PermissionDenied):
        cashier.ephedrine.erase_expired()
    report = store.run_day_close_hooks(store.day_close.close_day(0))
    assert report.after_close["ephedrine_erasure"] == {"erased": 1}
    rows = store.db.all("SELECT packs, id_hash, id_sealed, name_sealed, erased_at FROM ephedrine_register ORDER BY id")
    assert rows[0]["id_sealed"] is None and rows[0]["id_hash"] is None and rows[0]["erased_at"] is not None
    assert rows[1]["id_sealed"] is not None and rows[0]["packs"] == 1
    assert store.ephedrine.purchases_by(ID_A, days=3650) == 0
    assert store.db.one("SELECT details FROM audit_log WHERE action = 'ephedrine.erase'")["details"] == \
        '{"erased":1,"years":2}'


def test_the_id_and_name_stay_out_of_logs_errors_audit_headoffice_and_analytics(store, eph, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    sale = sell(store, eph, 1, EphedrineBuyer(ID_A, NAME_A))
    with pytest.raises(ValidationError) as refused:
        sell(store, eph, 3, EphedrineBuyer(ID_A, NAME_A))
    assert ID_A not in repr(EphedrineBuyer(ID_A, NAME_A)) and NAME_A not in repr(EphedrineBuyer(ID_A, NAME_A))
    texts = [caplog.text, str(refused.value), repr(refused.value.params)]
    texts += [str(row) for row in store.db.all("SELECT * FROM audit_log")]
    tables = store.headoffice.build_tables("2000-01-01T00:00:00+00:00", "2100-01-01T00:00:00+00:00")
    texts += [str(table.to_pylist()) for table in tables.values()]
    texts += [frames.sale_lines(store, store.today() + timedelta(days=1)).to_string()]
    texts += [str(store.sales.receipt(sale.receipt_no))]
    for text in texts:
        assert ID_A not in text and ID_A[:-1] not in text and NAME_A not in text
