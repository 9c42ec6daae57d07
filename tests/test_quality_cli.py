"""``pharmadesk quality ...``: the GSP records from the command line, on a real store."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from pharmadesk import env
from pharmadesk.cli.main import main as cli_main
from pharmadesk.core.stock import ReceiptLine

from conftest import PASSPHRASE, PASSWORDS, approve_for_gsp


@pytest.fixture
def cli_env(monkeypatch):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)


def _json(capsys, *argv) -> list[dict]:
    capsys.readouterr()
    assert cli_main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_walks_a_receipt_through_acceptance_storage_and_quarantine(open_store, store_dir, ids, cli_env, capsys):
    store = open_store("owner")
    approve_for_gsp(store, ids)
    receipt = store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "CLI-1", store.today() + timedelta(days=200),
                                                             8, 400)])
    store.close()
    base = ["--store", str(store_dir)]
    assert _json(capsys, "quality", "documents", "expiring", "--days", "400", *base)[0]["subject_name"] == "MedSupply"
    [pending] = _json(capsys, "quality", "acceptance", "pending", *base)
    assert (pending["receipt_id"], pending["pending"]) == (receipt, 8)
    assert cli_main(["quality", "acceptance", "record", str(receipt), str(pending["batch_id"]), "--conclusion",
                     "accepted", "--checked", "2", "--appearance", "intact", *base]) == 0
    assert _json(capsys, "quality", "acceptance", "pending", *base) == []
    assert [a["conclusion"] for a in _json(capsys, "quality", "acceptance", "list", *base)] == ["accepted"]

    areas = _json(capsys, "quality", "storage", "areas", "--add-gsp", *base)
    assert [a["name"] for a in areas] == ["常温区", "阴凉区", "冷藏柜"]
    assert cli_main(["quality", "storage", "add", str(areas[2]["id"]), "9.5", "50", *base]) == 1   # no action
    assert "corrective action" in capsys.readouterr().err
    assert cli_main(["quality", "storage", "add", str(areas[2]["id"]), "9.5", "50", "--action", "door shut",
                     *base]) == 0
    due = _json(capsys, "quality", "storage", "due", *base)
    assert {d["area_id"] for d in due if not d["overdue"]} == {areas[0]["id"], areas[1]["id"]}   # fridge done

    assert cli_main(["quality", "quarantine", "move", str(pending["batch_id"]), "3", "--reason", "dented",
                     *base]) == 0
    [held] = _json(capsys, "quality", "quarantine", "list", *base)
    assert (held["quantity"], held["status"]) == (3, "held")
    with pytest.raises(SystemExit, match="needs --witness NAME twice"):
        cli_main(["quality", "quarantine", "dispose", str(held["id"]), "--method", "destroy", *base])
    assert cli_main(["quality", "quarantine", "dispose", str(held["id"]), "--method", "return", *base]) == 0
    assert _json(capsys, "quality", "quarantine", "list", *base) == []

    report = _json(capsys, "quality", "near-expiry", "--days", "30", *base)
    assert [row["batch_no"] for row in report] == ["OLD-1", "P-SOON"]
    due = _json(capsys, "quality", "maintenance", "due", *base)
    assert {row["batch_no"] for row in due} >= {"CLI-1", "P-LATE"}
    assert cli_main(["quality", "maintenance", "record", str(pending["batch_id"]), "--appearance", "ok",
                     "--packaging", "ok", "--conclusion", "ok", *base]) == 0
    assert "CLI-1" not in {row["batch_no"] for row in _json(capsys, "quality", "maintenance", "due", *base)}
