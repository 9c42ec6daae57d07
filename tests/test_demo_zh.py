"""The Chinese demo store (``build_demo_store(locale="zh_CN")``, ``pharmadesk demo --locale zh_CN``): a Chinese
pharmacy under China GSP with a complete product master, the same simulated history as the English demo, and the
hook where the quality and counter-control records are added."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pharmadesk.core.approval_numbers import kind_of
from pharmadesk.core.catalog import check_regulated_master, is_medicine
from pharmadesk.demo import build
from pharmadesk.demo.build import build_demo_store

FAST_KDF = {"time_cost": 1, "memory_cost": 8 * 1024, "parallelism": 1}
SMALL_ZH = dict(members=150, years=0.25, seed=11, end_date=date(2024, 1, 31), kdf=FAST_KDF, locale="zh_CN")
TINY_ZH = dict(SMALL_ZH, members=20, years=0.05)
HAN = re.compile(r"^[\u4e00-\u9fff]+$")


@pytest.fixture(scope="module")
def zh(tmp_path_factory):
    store = build_demo_store(tmp_path_factory.mktemp("demo-zh") / "store", **SMALL_ZH)
    yield store
    store.close()


def test_the_chinese_demo_is_a_chinese_store_under_china_gsp(zh):
    settings = zh.settings
    assert settings.china_gsp and settings.language == "zh_CN"
    assert HAN.match(settings.store_name.replace("（", "").replace("）", ""))
    assert settings.store_address.startswith("浙江省")
    names = [row["name"] for row in zh.db.all("SELECT name FROM members")]
    assert len(names) == 150 and all(HAN.match(name) for name in names)
    assert all(HAN.match(row["display_name"][:3]) for row in zh.db.all("SELECT display_name FROM users"))


def test_every_medicine_and_device_carries_a_valid_number(zh):
    products = zh.catalog.products(include_inactive=True)
    medicines = [p for p in products if is_medicine(vars(p))]
    devices = [p for p in products if p.category == "device"]
    assert len(medicines) > 300 and len(devices) > 20
    assert all(kind_of(p.approval_number) in ("drug", "imported_drug") for p in medicines)
    assert all(kind_of(p.approval_number) in ("device", "device_filing") for p in devices)
    for product in products:                 # what add_product would ask of each under the profile
        check_regulated_master(vars(product))
    assert all(p.manufacturer and p.specification and p.authorisation_holder for p in medicines)
    assert all(p.form for p in medicines) and all(HAN.match(p.generic_name[:2]) for p in medicines)


def test_the_catalogue_has_otc_classes_rx_cold_chain_ephedrine_and_split_packs(zh):
    products = zh.catalog.products(include_inactive=True)
    otc = [p for p in products if is_medicine(vars(p)) and p.legal_class == "otc"]
    assert {p.otc_class for p in otc} == {"a", "b"}
    assert all(p.otc_class is None for p in products if p.legal_class != "otc")
    assert sum(p.legal_class == "rx" for p in products) > 100
    cold = [p for p in products if p.storage_condition == "cold"]
    assert any("胰岛素" in p.name for p in cold)
    assert {p.storage_condition for p in products} == {"ambient", "cool", "cold"}
    ephedrine = {p.generic_name for p in products if p.contains_ephedrine}
    assert {"复方盐酸伪麻黄碱缓释胶囊", "氨麻美敏片"} <= ephedrine
    split = [p for p in products if p.split_units]
    assert len(split) >= 10 and all(p.split_unit_name and p.split_unit_price > 0 for p in split)
    amoxicillin = next(p for p in split if p.specification == "0.25g×24粒" and p.generic_name == "阿莫西林胶囊")
    assert (amoxicillin.split_units, amoxicillin.split_unit_name) == (24, "粒")
    assert amoxicillin.split_unit_price * 24 >= amoxicillin.price          # opened packs sell dearer by the unit
    insured = [p for p in products if p.insurance_code]
    assert insured and all(len(p.insurance_code) == 23 for p in insured)
    assert all(p.insurance_code is None for p in products if not is_medicine(vars(p)))


def test_the_simulated_history_runs_on_the_chinese_catalogue(zh):
    db = zh.db
    assert db.scalar("SELECT count(*) FROM sales") > 200
    chronic = db.scalar("SELECT count(*) FROM sale_lines l JOIN products p ON p.id = l.product_id "
                        "WHERE p.category = 'chronic'")
    assert chronic > 0 and db.scalar("SELECT count(*) FROM prescriptions") > 0
    assert all(HAN.match(row["prescriber"][:2]) for row in db.all("SELECT prescriber FROM prescriptions LIMIT 20"))
    assert zh.audit.verify() == []
    # the type-ahead finds a Chinese product by its pinyin initials
    assert any("阿莫西林" in p.name for p in zh.catalog.search("amxl"))


def test_the_chinese_demo_is_deterministic(tmp_path):
    first = build_demo_store(tmp_path / "a", **TINY_ZH)
    second = build_demo_store(tmp_path / "b", **TINY_ZH)
    try:
        query = "SELECT name, approval_number, insurance_code, split_unit_price FROM products ORDER BY id"
        assert first.db.all(query) == second.db.all(query)
        assert first.db.all("SELECT name, phone FROM members ORDER BY id") == \
            second.db.all("SELECT name, phone FROM members ORDER BY id")
    finally:
        first.close()
        second.close()


def test_regulated_steps_run_after_the_history_only_for_a_gsp_store(tmp_path, monkeypatch):
    calls = []

    def step(store, rng, context):
        calls.append((store.settings.regulatory_profile, rng.random(), context.cat.n, len(context.sim.batches),
                      store.db.scalar("SELECT count(*) FROM sales")))

    monkeypatch.setattr(build, "REGULATED_STEPS", [step])
    build_demo_store(tmp_path / "zh", **TINY_ZH).close()
    build_demo_store(tmp_path / "zh2", **TINY_ZH).close()
    build_demo_store(tmp_path / "en", **dict(TINY_ZH, locale="en")).close()
    assert len(calls) == 2 and calls[0] == calls[1]                  # once per Chinese store, same seed: same rng
    profile, _draw, products, batches, sales = calls[0]
    assert profile == "china_gsp" and products > 700 and batches > 0 and sales > 0


def test_an_unknown_locale_is_refused(tmp_path):
    with pytest.raises(ValueError, match="locale"):
        build_demo_store(tmp_path / "x", **dict(TINY_ZH, locale="fr"))


def test_the_demo_command_builds_the_chinese_store(tmp_path, capsys):
    from pharmadesk.cli.main import main as cli_main
    from pharmadesk.core.store import Store
    from pharmadesk.demo.build import DEMO_PASSPHRASE

    target = tmp_path / "cli-zh"
    assert cli_main(["demo", "--store", str(target), "--members", "20", "--years", "0.05", "--locale", "zh_CN",
                     "--quiet"]) == 0
    assert "康宁大药房" in capsys.readouterr().out
    store = Store.open(target, passphrase=DEMO_PASSPHRASE, use_keyring=False)
    try:
        assert store.settings.china_gsp and store.settings.language == "zh_CN"
    finally:
        store.close()
