"""store.quality's recurring records (issue 15): the storage log, maintenance checks and the GSP sales record."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from pharmadesk.core.quality_records import key_reasons, maintenance_period, slot_of
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.errors import PermissionDenied, ValidationError

from conftest import table_snapshot


def _at_local_hour(clock, hour, days=0):
    clock.moment = (clock.moment.astimezone() + timedelta(days=days)).replace(hour=hour, minute=0, second=0)


# -- storage log --------------------------------------------------------------------------------------------------


def test_the_gsp_areas_have_their_ranges(store):
    areas = store.quality.add_gsp_areas()
    assert [(a.name, a.condition, a.temp_min, a.temp_max, a.humidity_min, a.humidity_max) for a in areas] == [
        ("常温区", "ambient", 10.0, 30.0, 35.0, 75.0), ("阴凉区", "cool", 0.0, 20.0, 35.0, 75.0),
        ("冷藏柜", "cold", 2.0, 8.0, 35.0, 75.0)]
    assert store.quality.add_gsp_areas() == []                    # already there
    with pytest.raises(ValidationError, match="lower limit must be below"):
        store.quality.add_area("Freezer", "cold", -10, -20)


def test_an_out_of_range_reading_needs_a_corrective_action(open_store, clock):
    owner = open_store("owner")
    fridge = owner.quality.add_gsp_areas()[2]
    cashier = open_store("cashier")
    assert cashier.quality.record_reading(fridge.id, 5.1, 55).in_range
    before = table_snapshot(cashier)
    with pytest.raises(ValidationError, match="outside the allowed range; enter the corrective action"):
        cashier.quality.record_reading(fridge.id, 9.4, 55)
    with pytest.raises(ValidationError, match="humidity must be a number"):
        cashier.quality.record_reading(fridge.id, 5, 120)
    assert table_snapshot(cashier) == before
    reading = cashier.quality.record_reading(fridge.id, 9.4, 55, corrective_action="door closed, re-read at 6.0")
    assert (reading.in_range, reading.corrective_action, reading.user_id) == (
        False, "door closed, re-read at 6.0", cashier.user.id)
    assert [r.id for r in cashier.quality.readings(out_of_range_only=True)] == [reading.id]
    audit = cashier.db.all("SELECT entity_id FROM audit_log WHERE action = 'quality.reading'")
    assert len(audit) == 2


def test_due_readings_morning_then_afternoon(store, clock):
    ambient, cool, fridge = store.quality.add_gsp_areas()
    _at_local_hour(clock, 9)
    due = store.quality.due_readings()
    assert [(d.area_name, d.slot, d.overdue) for d in due] == [
        ("常温区", "am", False), ("阴凉区", "am", False), ("冷藏柜", "am", False)]
    assert due[0].on_date == store.today().isoformat()
    store.quality.record_reading(ambient.id, 22, 50)
    store.quality.record_reading(cool.id, 18, 50)
    assert [(d.area_id, d.slot) for d in store.quality.due_readings()] == [(fridge.id, "am")]
    _at_local_hour(clock, 15)
    due = store.quality.due_readings()
    assert [(d.area_id, d.slot, d.overdue) for d in due] == [
        (ambient.id, "pm", False), (cool.id, "pm", False), (fridge.id, "am", True), (fridge.id, "pm", False)]
    store.quality.set_area_active(fridge.id, False)
    assert fridge.id not in {d.area_id for d in store.quality.due_readings()}


def test_slots_follow_local_time(clock):
    morning = clock.moment.astimezone().replace(hour=11, minute=59)
    assert slot_of(morning) == (morning.date(), "am")
    assert slot_of(morning.replace(hour=12, minute=0))[1] == "pm"


def test_logger_csv_import_saves_readable_in_range_rows(store, clock, tmp_path):
    ambient, _cool, fridge = store.quality.add_gsp_areas()
    _at_local_hour(clock, 18)
    day = store.today().isoformat()
    path = tmp_path / "logger.csv"
    path.write_text(
        "timestamp,area,temperature,humidity\n"
        f"{day} 08:30,常温区,21.5,48\n"
        f"{day} 14:30,常温区,23.0,51\n"
        f"{day} 08:30,冷藏柜,9.8,60\n"              # out of range: needs the corrective action
        f"{day} 09:00,Cellar,12,50\n"               # no such area
        f"{day} 09:00,冷藏柜,warm,50\n",            # not a number
        encoding="utf-8")
    result = store.quality.import_readings(path)
    assert result.saved == 2
    assert [line for line, _message in result.skipped] == [4, 5, 6]
    assert "corrective action" in result.skipped[0][1]
    readings = store.quality.readings(area_id=ambient.id)
    assert [(r.slot, r.temperature, r.source) for r in readings] == [("am", 21.5, "logger"), ("pm", 23.0, "logger")]
    again = tmp_path / "fridge.csv"
    again.write_text(f"{day} 08:30,冷藏柜,9.8,60\n", encoding="utf-8")
    assert store.quality.import_readings(again, corrective_action="compressor serviced").saved == 1
    assert store.quality.readings(area_id=fridge.id)[0].corrective_action == "compressor serviced"
    with pytest.raises(ValidationError, match="cannot be read; check its name"):
        store.quality.import_readings(tmp_path / "missing.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="Line 1: The file is empty"):
        store.quality.import_readings(empty)
    future = tmp_path / "future.csv"
    future.write_text(f"{(store.today() + timedelta(days=2)).isoformat()} 08:30,常温区,21,50\n", encoding="utf-8")
    assert store.quality.import_readings(future).saved == 0


# -- maintenance ------------------------------------------------------------------------------------------------


def test_maintenance_periods_are_the_calendar_month_and_quarter():
    assert maintenance_period(date(2026, 5, 17), key=True) == date(2026, 5, 1)
    assert maintenance_period(date(2026, 5, 17), key=False) == date(2026, 4, 1)
    assert maintenance_period(date(2026, 12, 31), key=False) == date(2026, 10, 1)
    assert key_reasons("cold", True, True, "2026-06-01", date(2026, 5, 1), 90) == (
        "cold", "near_expiry", "ephedrine", "flagged")
    assert key_reasons("ambient", False, False, "2027-06-01", date(2026, 5, 1), 90) == ()


def test_maintenance_due_lists_key_items_first_and_a_check_clears_them(store, ids, clock):
    due = store.quality.maintenance_due()
    by_batch = {item.batch_no: item for item in due}
    assert set(by_batch) == {"P-LATE", "P-SOON", "R-1", "T-1", "OLD-1"}
    assert by_batch["P-SOON"].reasons == ("near_expiry",) and by_batch["P-LATE"].key is False
    assert [item.key for item in due] == sorted((item.key for item in due), reverse=True)
    store.quality.flag_key_product(ids.rx)
    assert store.quality.key_products() == [ids.rx]
    assert {i.batch_no: i.reasons for i in store.quality.maintenance_due()}["R-1"] == ("flagged",)
    r1 = store.db.scalar("SELECT id FROM batches WHERE batch_no = 'R-1'")
    late = store.db.scalar("SELECT id FROM batches WHERE batch_no = 'P-LATE'")
    store.quality.record_maintenance(r1, "intact", "sealed", "ok")
    store.quality.record_maintenance(late, "intact", "sealed", "ok")
    assert {"R-1", "P-LATE"}.isdisjoint({i.batch_no for i in store.quality.maintenance_due()})
    clock.advance(days=32)                                                     # always another month
    due_later = {i.batch_no for i in store.quality.maintenance_due()}
    assert "R-1" in due_later                                                  # key: monthly
    quarter_changed = maintenance_period(store.today(), False) > maintenance_period(
        store.today() - timedelta(days=32), False)
    assert ("P-LATE" in due_later) == quarter_changed                          # ordinary: quarterly


def test_a_bad_batch_goes_to_quarantine_with_its_check(store, ids):
    late = store.db.scalar("SELECT id FROM batches WHERE batch_no = 'P-LATE'")
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="Fill in action"):
        store.quality.record_maintenance(late, "tablets discoloured", "intact", "bad")
    assert table_snapshot(store) == before
    check = store.quality.record_maintenance(late, "tablets discoloured", "intact", "bad",
                                             action="moved to the quarantine shelf")
    record = store.quality.quarantine_record(check.quarantine_id)
    assert (record.quantity, record.ref_type, record.ref_id) == (10, "maintenance_check", check.id)
    assert store.quality.batch_quality(late).sellable == 0
    assert late not in {i.batch_id for i in store.quality.maintenance_due()}   # nothing sellable left to check
    assert store.stock.verify_ledger() == []
    entries = store.db.all("SELECT action FROM audit_log WHERE action LIKE 'quality.%' ORDER BY id")
    assert [e["action"] for e in entries] == ["quality.quarantine", "quality.maintenance"]


def test_a_cashier_may_not_record_maintenance(open_store, ids):
    cashier = open_store("cashier")
    late = cashier.db.scalar("SELECT id FROM batches WHERE batch_no = 'P-LATE'")
    before = table_snapshot(cashier)
    with pytest.raises(PermissionDenied):
        cashier.quality.record_maintenance(late, "ok", "ok", "ok")
    assert table_snapshot(cashier) == before


# -- sales record -------------------------------------------------------------------------------------------------


def test_the_sales_record_names_maker_specification_and_batch(store, ids):
    store.catalog.update_product(ids.otc, manufacturer="Shanghai Pharma", specification="0.5g×20片")
    sale = store.sales.sell([CartLine(ids.otc, 7)], [Payment("cash", 8750)])
    lines = store.quality.sales_record(store.today(), store.today())
    assert [(l.receipt_no, l.batch_no, l.quantity, l.manufacturer, l.specification) for l in lines] == [
        (sale.receipt_no, "P-SOON", 5, "Shanghai Pharma", "0.5g×20片"),
        (sale.receipt_no, "P-LATE", 2, "Shanghai Pharma", "0.5g×20片")]
    assert store.quality.sales_record(store.today() + timedelta(days=1), store.today() + timedelta(days=2)) == []


def test_every_upkeep_write_leaves_an_audit_entry(store, ids, tmp_path):
    ambient = store.quality.add_gsp_areas()[0]
    store.quality.set_area_active(ambient.id, False)
    store.quality.set_area_active(ambient.id, True)
    store.quality.flag_key_product(ids.otc)
    store.quality.flag_key_product(ids.otc, key=False)
    path = tmp_path / "log.csv"
    path.write_text(f"{store.today().isoformat()}T00:00:00,常温区,20,50\n", encoding="utf-8")
    store.quality.import_readings(path)
    actions = [row["action"] for row in store.db.all("SELECT action FROM audit_log WHERE action LIKE 'quality.%' "
                                                     "ORDER BY id")]
    assert actions == ["quality.area"] * 3 + ["quality.area_active"] * 2 + ["quality.key_product"] * 2 + [
        "quality.readings_import"]
    assert store.quality.key_products() == []
    assert store.audit.verify() == []
