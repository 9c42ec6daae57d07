"""Issue 15 part A: the product master through the CSV import (English and Chinese headers) and the China GSP
profile's refusal of a medicine without its approval number or a device without its registration number."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmadesk.errors import ValidationError

from conftest import table_snapshot

DATA = Path(__file__).parent / "data"


def write(tmp_path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def gsp(store) -> None:
    store.set_setting("regulatory_profile", "china_gsp")
    assert store.settings.china_gsp


# -- import ----------------------------------------------------------------------------------------------------

def test_chinese_headers_import_every_master_field(store):
    report = store.imports.csv("products", DATA / "products_gsp_zh.csv")
    assert report.applied and report.imported == 4, report.errors
    amox = store.catalog.by_barcode("6901234561104")
    assert (amox.manufacturer, amox.authorisation_holder, amox.approval_number) == \
        ("江南康达制药有限公司", "江南康达制药有限公司", "国药准字H20003263")
    assert (amox.specification, amox.form, amox.otc_class, amox.storage_condition) == \
        ("0.25g×24粒", "胶囊剂", None, "ambient")
    assert (amox.split_units, amox.split_unit_name, amox.split_unit_price) == (24, "粒", 60)
    assert amox.insurance_code == "XJ01CAA040A001010101234" and amox.contains_ephedrine == 0
    contac = store.catalog.by_barcode("6901234561111")
    assert (contac.otc_class, contac.storage_condition, contac.contains_ephedrine) == ("b", "cool", 1)
    insulin = store.catalog.by_barcode("6901234561128")
    assert insulin.storage_condition == "cold" and insulin.approval_number == "国药准字J20140052"
    thermometer = store.catalog.by_barcode("6901234561135")
    assert thermometer.approval_number == "苏械注准20152070123" and thermometer.contains_ephedrine == 0


def test_english_headers_and_words_import_the_master(store, tmp_path):
    path = write(tmp_path, "en.csv",
                 "barcode,name,category,legal_class,price,manufacturer,authorisation_holder,approval_number,"
                 "specification,form,otc_class,storage_condition,insurance_code,contains_ephedrine,split_units,"
                 "split_unit_name,split_unit_price\n"
                 "6901234561142,Ibuprofen SR,otc,otc,18.50,Maker Co,Holder Co,国药准字H10900089,0.3g×24粒,capsule,"
                 "A,cool,XM01AEB,yes,24,capsule,0.90\n")
    report = store.imports.csv("products", path)
    assert report.applied, report.errors
    product = store.catalog.by_barcode("6901234561142")
    assert (product.otc_class, product.storage_condition, product.contains_ephedrine, product.split_unit_price) == \
        ("a", "cool", 1, 90)
    assert (product.manufacturer, product.authorisation_holder, product.specification) == \
        ("Maker Co", "Holder Co", "0.3g×24粒")


def test_bad_master_values_are_reported_per_row_and_nothing_is_imported(store, tmp_path):
    path = write(tmp_path, "bad.csv",
                 "条码,名称,category,legal_class,售价,批准文号,OTC类别,储存条件,含麻黄碱,拆零数量,拆零单位,拆零单价\n"
                 "6901234561104,A,otc,otc,1.00,国药准字X123,,,,,,\n"
                 "6901234561111,B,otc,otc,1.00,,丙类,,,,,\n"
                 "6901234561128,C,otc,otc,1.00,,,冰冻,,,,\n"
                 "6901234561135,D,otc,otc,1.00,,,,maybe,,,\n"
                 "6901234561142,E,otc,otc,1.00,,,,,1,粒,0.10\n"
                 "6901234561159,F,otc,otc,1.00,,,,,24,,0.10\n"
                 "6901234561166,G,rx,rx,1.00,,甲类,,,,,\n")
    before = table_snapshot(store)
    report = store.imports.csv("products", path)
    assert not report.applied
    by_line = {e.line: e for e in report.errors}
    assert by_line[2].column == "批准文号" and "approval number" in by_line[2].message
    assert by_line[3].column == "OTC类别"
    assert by_line[4].column == "储存条件"
    assert by_line[5].column == "含麻黄碱"
    assert by_line[6].column == "拆零数量"
    assert "unit's name" in by_line[7].message          # the split pack needs its unit name (a cross-field rule)
    assert 8 in by_line                                 # an OTC class on a prescription drug
    assert table_snapshot(store) == before


# -- China GSP: the approval number is required -------------------------------------------------------------

MEDICINE = dict(barcode="6901234561104", name="阿莫西林胶囊", category="acute", legal_class="rx", price=1280)
DEVICE = dict(barcode="6901234561135", name="电子体温计", category="device", legal_class="otc", price=2900)


def test_without_the_profile_a_medicine_needs_no_approval_number(store):
    assert not store.settings.china_gsp
    assert store.catalog.add_product(**MEDICINE)
    assert store.catalog.add_product(**DEVICE)


def test_under_china_gsp_a_medicine_without_its_approval_number_is_refused(store):
    gsp(store)
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="批准文号"):
        store.catalog.add_product(**MEDICINE)
    with pytest.raises(ValidationError, match="批准文号"):       # a device's number is not a drug's
        store.catalog.add_product(**MEDICINE, approval_number="国械注准20153090123")
    assert table_snapshot(store) == before
    product_id = store.catalog.add_product(**MEDICINE, approval_number="国药准字H20003263")
    assert store.catalog.get(product_id).approval_number == "国药准字H20003263"


def test_under_china_gsp_a_device_needs_its_registration_number(store):
    gsp(store)
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="registration number"):
        store.catalog.add_product(**DEVICE)
    with pytest.raises(ValidationError, match="registration number"):
        store.catalog.add_product(**DEVICE, approval_number="国药准字H20003263")
    assert table_snapshot(store) == before
    assert store.catalog.add_product(**DEVICE, approval_number="苏苏械备20150012号")


def test_under_china_gsp_goods_that_are_not_medicines_need_no_number(store):
    gsp(store)
    assert store.catalog.add_product(barcode="6901234561142", name="维生素C片", category="supplement",
                                     legal_class="otc", price=2400)
    assert store.catalog.add_product(barcode="6901234561159", name="婴儿湿巾", category="mother_baby",
                                     legal_class="otc", price=1200)


def test_under_china_gsp_an_edit_cannot_remove_the_number_but_a_price_edit_of_an_old_product_works(store, ids):
    product_id = store.catalog.add_product(**MEDICINE, approval_number="国药准字H20003263")
    gsp(store)
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="批准文号"):
        store.catalog.update_product(product_id, approval_number="")
    with pytest.raises(ValidationError, match="registration number"):
        store.catalog.update_product(product_id, category="device")
    assert table_snapshot(store) == before
    store.catalog.update_product(ids.otc, price=1300)       # the fixture's paracetamol has no number yet
    assert store.catalog.get(ids.otc).price == 1300


def test_under_china_gsp_the_import_refuses_a_medicine_without_its_number(store, tmp_path):
    gsp(store)
    path = write(tmp_path, "gsp.csv", "barcode,name,category,legal_class,price,approval_number\n"
                                      "6901234561104,阿莫西林胶囊,acute,rx,12.80,\n"
                                      "6901234561111,电子体温计,device,otc,29.00,国械注准20153090123\n")
    before = table_snapshot(store)
    report = store.imports.csv("products", path)
    assert not report.applied and [e.line for e in report.errors] == [2]
    assert "批准文号" in report.errors[0].message
    assert table_snapshot(store) == before
    assert store.imports.csv("products", DATA / "products_gsp_zh.csv").applied     # the sample file is complete
