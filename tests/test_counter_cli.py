"""``pharmadesk counter ...``: the counter controls' registers from the command line, on a real store."""

from __future__ import annotations

import csv
import json
from datetime import timedelta

import pytest
from stdnum.cn import ric

from pharmadesk import env
from pharmadesk.cli.main import main as cli_main
from pharmadesk.core.ephedrine import EphedrineBuyer
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine

from conftest import PASSPHRASE, PASSWORDS

CODE = "81000010000000010000"


@pytest.fixture
def cli_env(monkeypatch):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)


def _json(capsys, *argv) -> list[dict]:
    capsys.readouterr()
    assert cli_main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_reports_codes_ephedrine_buyers_and_exports(open_store, store_dir, ids, cli_env, capsys, tmp_path):
    store = open_store("owner")
    eph = store.catalog.add_product(barcode="EPH-1", name="Contac", category="acute", legal_class="otc", price=1600,
                                    contains_ephedrine=1, supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [
        ReceiptLine(ids.otc, "TR-1", store.today() + timedelta(days=300), 1, 500, trace_codes=(CODE,)),
        ReceiptLine(eph, "E-1", store.today() + timedelta(days=300), 9, 900)])
    store.set_setting("regulatory_profile", "china_gsp")
    store.sales.sell([CartLine(ids.otc, 1, trace_codes=(CODE,))], [Payment("cash", 1250)])
    body = "11010519900307123"
    buyer = EphedrineBuyer(body + ric.calc_check_digit(body + "0"), "Wang")
    for _ in range(3):
        store.sales.sell([CartLine(eph, 1)], [Payment("cash", 1600)], buyer=buyer)
    store.close()
    base = ["--store", str(store_dir)]
    events = _json(capsys, "counter", "trace-report", *base)
    assert sorted(e["event"] for e in events) == ["received", "sold"]
    [listed] = _json(capsys, "counter", "ephedrine-review", *base)
    assert (listed["purchases"], listed["masked_id"]) == (3, "110105********" + buyer.id_number[-4:])
    assert buyer.id_number not in json.dumps(listed)
    path = tmp_path / "upload.csv"
    assert cli_main(["counter", "trace-export", str(path), *base]) == 0
    with open(path, encoding="utf-8-sig", newline="") as handle:
        assert [row["trace_code"] for row in csv.DictReader(handle)] == [CODE]
    assert _json(capsys, "counter", "prescriptions", *base) == []
    assert cli_main(["counter", "ephedrine-erase", *base]) == 0
