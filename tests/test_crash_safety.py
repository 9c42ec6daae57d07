"""A confirmed sale survives the till being killed, and a kill never leaves anything half-written.

A separate process (tests/crash_worker.py) sells, receives goods, takes returns and now and then
backs up, printing each receipt only after sell() returned; the test kills it with SIGKILL at
seeded random moments, many times, and after every kill reopens the store and checks it.
"""

from __future__ import annotations

import os
import random
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pharmadesk import env as env_vars
from pharmadesk.core import backup as bk
from pharmadesk.core.store import Store

from conftest import PINS

WORKER = Path(__file__).with_name("crash_worker.py")
KILLS = 20
SEED = 20240229


def start_worker(store_dir: Path, seed: int, backup_dir: Path, key: bytes) -> subprocess.Popen:
    env = {**os.environ, env_vars.TEST_KEY: key.hex(), env_vars.TEST_PIN: PINS["owner"]}
    env.pop(env_vars.PASSPHRASE, None)
    proc = subprocess.Popen([sys.executable, str(WORKER), str(store_dir), str(seed), str(backup_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    ready, _, _ = select.select([proc.stdout], [], [], 30)
    line = proc.stdout.readline() if ready else ""
    if line.strip() != "READY":
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"the worker did not start: {line!r} {err}")
    return proc


def check_store(store_dir: Path, key: bytes) -> set[str]:
    """Everything a killed till must leave behind intact; returns the receipts in the store."""
    with Store.open(store_dir, key=key, use_keyring=False) as store:
        db = store.db
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert store.stock.verify_ledger() == []
        assert store.audit.verify() == []
        # No half-written sale: lines, payments, batch allocations and ledger rows all there.
        assert db.all("SELECT id FROM sales s WHERE NOT EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)") == []
        assert db.all("SELECT s.id FROM sales s WHERE s.total <> "
                      "(SELECT COALESCE(SUM(amount), 0) FROM payments p WHERE p.sale_id = s.id)") == []
        assert db.all("SELECT l.id FROM sale_lines l WHERE l.quantity <> "
                      "(SELECT COALESCE(SUM(quantity), 0) FROM sale_line_batches a WHERE a.sale_line_id = l.id)") == []
        assert db.all("SELECT s.id FROM sales s WHERE "
                      "(SELECT COALESCE(SUM(quantity), 0) FROM sale_lines l WHERE l.sale_id = s.id) <> "
                      "-(SELECT COALESCE(SUM(quantity), 0) FROM stock_moves m "
                      "  WHERE m.ref_type = 'sale' AND m.ref_id = s.id)") == []
        assert db.all("SELECT s.id FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
                      "JOIN products p ON p.id = l.product_id WHERE p.legal_class = 'rx' AND NOT EXISTS "
                      "(SELECT 1 FROM prescriptions x WHERE x.sale_line_id = l.id)") == []
        # No half-written return either.
        assert db.all("SELECT id FROM returns r WHERE NOT EXISTS "
                      "(SELECT 1 FROM return_lines x WHERE x.return_id = r.id)") == []
        assert db.all("SELECT r.id FROM returns r WHERE r.refund_total <> "
                      "(SELECT COALESCE(SUM(amount), 0) FROM payments p WHERE p.return_id = r.id)") == []
        return {row[0] for row in db.execute("SELECT receipt_no FROM sales")}


@pytest.mark.slow
def test_killed_till_keeps_every_confirmed_sale_and_nothing_half_written(store_dir, template_store, tmp_path):
    key = template_store[1]
    backup_dir = tmp_path / "usb"
    backup_dir.mkdir()
    rng = random.Random(SEED)
    confirmed: set[str] = set()
    counts = {"SALE": 0, "RETURN": 0, "RECEIVE": 0, "BACKUP": 0}
    started = time.monotonic()
    for kill in range(KILLS):
        proc = start_worker(store_dir, SEED + kill, backup_dir, key)
        time.sleep(rng.uniform(0.02, 0.6))
        proc.kill()                                        # SIGKILL: no cleanup, no checkpoint, no goodbye
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == -9, f"the worker stopped by itself: {err}"
        for line in out.splitlines():
            kind, _, rest = line.partition(" ")
            counts[kind] += 1
            if kind == "SALE":
                confirmed.add(rest)
        in_store = check_store(store_dir, key)
        missing = confirmed - in_store
        assert not missing, f"after kill {kill + 1}: confirmed sales lost: {sorted(missing)}"
    assert counts["SALE"] >= 5 * KILLS and counts["RETURN"] > 0 and counts["RECEIVE"] > 0 and counts["BACKUP"] > 0
    # Every finished backup is whole, whenever the kill came; unfinished ones are never listed.
    finished = bk.list_backups(backup_dir)
    assert len(finished) >= 1
    store_id = finished[0].manifest["store_id"]
    for info in finished:
        assert bk.verify_backup(info.path, key=key)["store_id"] == store_id
    assert time.monotonic() - started < 90
