"""``pharmadesk suppliers list|add|set``: the ordering terms reorder uses, from the command line (issue 18)."""

from __future__ import annotations

import json

import pytest

from pharmadesk import env
from pharmadesk.cli.main import main as cli_main
from pharmadesk.core.store import Store
from conftest import PASSPHRASE, PASSWORDS


@pytest.fixture
def cli_env(monkeypatch):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)


def _list(store_dir, capsys) -> dict[str, dict]:
    assert cli_main(["suppliers", "list", "--format", "json", "--store", str(store_dir)]) == 0
    return {row["name"]: row for row in json.loads(capsys.readouterr().out)}


def test_cli_suppliers_add_set_and_list(store_dir, cli_env, capsys, monkeypatch):
    assert _list(store_dir, capsys)["MedSupply"]["lead_time_days"] == 2
    assert cli_main(["suppliers", "add", "Guoyao", "--lead-time-days", "4", "--review-days", "14",
                     "--min-order-value", "500.00", "--store", str(store_dir)]) == 0
    assert capsys.readouterr().out == "Supplier 2 added.\n"
    assert cli_main(["suppliers", "set", "1", "--lead-time-days", "5", "--min-order-value", "120.50",
                     "--store", str(store_dir)]) == 0
    assert capsys.readouterr().out == "Supplier 1 updated: lead_time_days, min_order_value.\n"
    rows = _list(store_dir, capsys)
    assert (rows["Guoyao"]["lead_time_days"], rows["Guoyao"]["review_days"], rows["Guoyao"]["min_order_value"]) \
        == (4, 14, "500.00")
    assert (rows["MedSupply"]["lead_time_days"], rows["MedSupply"]["review_days"],
            rows["MedSupply"]["min_order_value"]) == (5, 7, "120.50")
    # a refused change says why and changes nothing
    assert cli_main(["suppliers", "set", "1", "--review-days", "0", "--store", str(store_dir)]) == 1
    assert "review period" in capsys.readouterr().err
    assert _list(store_dir, capsys)["MedSupply"]["review_days"] == 7
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["cashier"])
    assert cli_main(["suppliers", "add", "Other", "--user", "cashier", "--store", str(store_dir)]) == 1
    assert "not allowed" in capsys.readouterr().err
    store = Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False)
    try:
        actions = [r["action"] for r in store.db.all("SELECT action FROM audit_log ORDER BY id")]
    finally:
        store.close()
    assert actions.count("supplier.create") == 2 and "supplier.update" in actions
