"""Backups that restore: a verified encrypted copy, rotation, refusal of damaged backups, restore on a new PC,
the automatic backup at day close, and a damaged store detected on open."""

from __future__ import annotations

import json
import re
import threading
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from pharmadesk import env
from pharmadesk.core import backup as bk
from pharmadesk.cli.main import main as cli_main
from pharmadesk.db.connection import connect
from pharmadesk.errors import IntegrityFailure, PermissionDenied, StoreCorrupt, ValidationError, WrongPassphrase
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.store import Store

from conftest import PASSPHRASE, PASSWORDS, PINS, dir_hashes, table_snapshot

NAME = re.compile(r"^pharmadesk-[0-9a-f]{8}-\d{8}T\d{6}Z$")


def sell(store: Store, ids, times: int = 1) -> list[str]:
    receipts = []
    for _ in range(times):
        sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250, tendered=2000)])
        receipts.append(sale.receipt_no)
    return receipts


def flip_byte(path: Path, offset: int | None = None) -> None:
    data = bytearray(path.read_bytes())
    offset = len(data) // 2 + 123 if offset is None else offset
    data[offset] ^= 0x55
    path.write_bytes(bytes(data))


def rewrite_manifest(backup: Path, **changes) -> None:
    manifest = json.loads((backup / bk.MANIFEST_NAME).read_text())
    manifest.update(changes)
    (backup / bk.MANIFEST_NAME).write_text(json.dumps(manifest))


def without_audit(snapshot: dict) -> dict:
    return {table: rows for table, rows in snapshot.items() if table != "audit_log"}


@pytest.fixture
def backup_dir(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


# -- making a backup -------------------------------------------------------------------------------------------


def test_backup_is_a_verified_encrypted_copy_with_manifest(open_store, ids, backup_dir, template_store):
    store = open_store("owner")
    sell(store, ids, 3)
    before = table_snapshot(store)
    result = store.backups.run(backup_dir)

    assert result.path.parent == backup_dir and NAME.match(result.path.name)
    assert result.path.name.startswith(f"pharmadesk-{store.store_id[:8]}-")
    assert sorted(p.name for p in result.path.iterdir()) == ["manifest.json", "pharmadesk.db", "pharmadesk.key"]
    assert [p.name for p in backup_dir.iterdir()] == [result.path.name]        # no partial folder left over
    manifest = json.loads((result.path / "manifest.json").read_text())
    assert manifest["store_id"] == store.store_id
    assert manifest["schema_version"] == before["(user_version)"]
    assert manifest["counts"]["sales"] == 3
    assert manifest["counts"] == {t: len(rows) for t, rows in before.items() if not t.startswith("(")}
    assert bk._sha256(result.path / "pharmadesk.db") == manifest["db_sha256"]
    # Encrypted: no SQLite header, and the store's key opens it.
    assert not (result.path / "pharmadesk.db").read_bytes().startswith(b"SQLite format 3")
    key = template_store[1]
    assert bk.verify_backup(result.path, key=key)["counts"]["sales"] == 3
    assert bk.verify_backup(result.path, passphrase=PASSPHRASE)["store_id"] == store.store_id
    # The key file is the store's own (anchored at the copy's audit head, issue 17, where the live one has
    # moved on to the 'backup' entry); the key itself appears nowhere in the backup's plain files.
    copied, live = (json.loads((folder / "pharmadesk.key").read_text()) for folder in (result.path, store.directory))
    unanchored = ("audit_anchor", "check")
    assert {k: v for k, v in copied.items() if k not in unanchored} == \
        {k: v for k, v in live.items() if k not in unanchored}
    assert copied["audit_anchor"] == manifest["audit_anchor"]
    assert copied["audit_anchor"]["sequence"] == live["audit_anchor"]["sequence"] - 1
    assert key.hex() not in (result.path / "manifest.json").read_text()
    assert key.hex() not in repr(store.backups.prepare(backup_dir))
    # Audited, and remembered beside the store for the day the database cannot be opened.
    entry = store.db.one("SELECT entity_id, details FROM audit_log WHERE action = 'backup'")
    assert entry["entity_id"] == result.path.name and json.loads(entry["details"])["trigger"] == "manual"
    assert store.backups.last()["name"] == result.path.name
    assert bk.read_hint(store.directory)["folder"] == str(backup_dir)
    assert store.audit.verify() == []


def test_only_the_owner_may_back_up(open_store, backup_dir):
    for role in ("pharmacist", "cashier"):
        store = open_store(role)
        with pytest.raises(PermissionDenied):
            store.backups.run(backup_dir)
        store.close()
    assert list(backup_dir.iterdir()) == []


def test_backup_needs_an_available_folder(open_store, tmp_path):
    store = open_store("owner")
    with pytest.raises(ValidationError, match="Choose a folder"):
        store.backups.run()
    with pytest.raises(ValidationError, match="not available"):
        store.backups.run(tmp_path / "unplugged-usb" / "backups")
    assert store.backups.last() is None


def test_backup_copies_one_snapshot_while_the_till_keeps_selling(open_store, ids, backup_dir, monkeypatch):
    """A sale committed by the till in the middle of the copy is not in this backup, and the
    backup still verifies: counts and pages come from the same read transaction."""
    store = open_store("owner")
    sell(store, ids, 2)
    till = open_store("cashier")                       # another connection, like the till beside a backup job
    monkeypatch.setattr(bk, "STEP_PAGES", 1)           # copy page by page, so the sale lands mid-copy
    copying = []

    def progress(fraction, stage):
        if stage == "Copying the database":
            copying.append(fraction)
            if len(copying) == 3:
                sell(till, ids, 1)

    result = store.backups.run(backup_dir, progress=progress)
    assert len(copying) > 5 and 0 < copying[2] < 0.7
    assert store.db.scalar("SELECT count(*) FROM sales") == 3
    assert result.counts["sales"] == 2
    restored = bk.restore(result.path, backup_dir.parent / "restored", PASSPHRASE)
    with Store.open(restored.store_dir, passphrase=PASSPHRASE, use_keyring=False) as copy:
        assert copy.db.scalar("SELECT count(*) FROM sales") == 2
        assert copy.db.integrity_problems() == [] and copy.stock.verify_ledger() == []


def test_backups_while_a_till_thread_sells(open_store, ids, backup_dir, store_dir, template_store, monkeypatch):
    """Real concurrency: a till thread on its own connection sells throughout three backups; nobody waits
    on a lock, and every backup is a whole snapshot somewhere between the first and the last sale."""
    key = template_store[1]
    store = open_store("owner")
    store.stock.receive(ids.supplier, [ReceiptLine(ids.otc, "BIG", store.today() + timedelta(days=300), 500, 400)])
    monkeypatch.setattr(bk, "STEP_PAGES", 2)
    stop, errors, sold = threading.Event(), [], []

    def till():
        try:
            with Store.open(store_dir, key=key, use_keyring=False, health_check=False) as own:
                own.login("cashier", PINS["cashier"])
                while not stop.is_set() and len(sold) < 400:
                    sold.extend(sell(own, ids))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    thread = threading.Thread(target=till)
    thread.start()
    results = []
    try:
        while len(sold) < 5:
            time.sleep(0.005)
        for _ in range(3):
            result = store.backups.run(backup_dir)
            assert bk.verify_backup(result.path, key=key)["counts"]["sales"] == result.counts["sales"]
            results.append(result)
    finally:
        stop.set()
        thread.join()
    assert errors == []
    counts = [r.counts["sales"] for r in results]
    assert 5 <= counts[0] <= counts[1] <= counts[2] <= len(sold)
    # Made within one second: numbered in order, and rotation kept the newest of the day.
    first = results[0].path.name
    assert [r.path.name for r in results] == [first, first + "-1", first + "-2"]
    assert [p.name for p in backup_dir.iterdir()] == [results[-1].path.name]


def test_cancelled_backup_keeps_nothing(open_store, backup_dir):
    store = open_store("owner")

    def cancel(fraction, stage):
        if stage == "Verifying the backup":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.backups.run(backup_dir, progress=cancel)
    assert list(backup_dir.iterdir()) == []


# -- restore -----------------------------------------------------------------------------------------------------


def test_restore_on_a_new_pc_with_the_passphrase_alone(open_store, ids, backup_dir, tmp_path):
    store = open_store("owner")
    receipts = sell(store, ids, 4)
    store.returns.return_items(receipts[0], [ReturnItem(store.sales.receipt(receipts[0])["lines"][0]["id"], 1)],
                             "wrong item")
    result = store.backups.run(backup_dir)
    original = table_snapshot(store)
    original_audit = store.db.execute("SELECT * FROM audit_log ORDER BY id").fetchall()

    new_pc = tmp_path / "new-pc" / "PharmaDesk" / "store"          # nothing there yet, no keyring
    outcome = bk.restore(result.path, new_pc, PASSPHRASE)
    assert outcome.moved_aside is None and outcome.store_dir == new_pc
    restored = Store.open(new_pc, passphrase=PASSPHRASE, use_keyring=False)
    try:
        assert restored.store_id == store.store_id
        assert without_audit(table_snapshot(restored)) == without_audit(original)
        assert restored.db.scalar("SELECT count(*) FROM sales") == 4
        assert restored.db.integrity_problems() == [] and restored.stock.verify_ledger() == []
        # The audit chain carries on: every entry up to the backup, then the restore.
        audit = restored.db.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
        assert audit[:-1] == original_audit[:-1]           # the store's own 'backup' entry came after the copy
        assert audit[-1][3] == "restore" and audit[-1][5] == result.path.name
        assert restored.audit.verify() == []
        restored.login("owner", PINS["owner"])
        assert restored.sales.receipt(receipts[1])["total"] == 1250
    finally:
        restored.close()


def test_restore_moves_an_existing_store_aside(open_store, ids, backup_dir, store_dir):
    store = open_store("owner")
    sell(store, ids, 1)
    result = store.backups.run(backup_dir)
    sell(store, ids, 2)                           # sales after the backup: the moved-aside store keeps them
    store.close()
    before = dir_hashes(store_dir)

    outcome = bk.restore(result.path, store_dir, PASSPHRASE)
    assert outcome.moved_aside.name.startswith("store.before-restore-")
    assert outcome.moved_aside.parent == store_dir.parent
    assert dir_hashes(outcome.moved_aside) == before
    with Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False) as restored:
        assert restored.db.scalar("SELECT count(*) FROM sales") == 1
    with Store.open(outcome.moved_aside, passphrase=PASSPHRASE, use_keyring=False) as old:
        assert old.db.scalar("SELECT count(*) FROM sales") == 3


def test_restore_with_the_wrong_passphrase_changes_nothing(open_store, backup_dir, store_dir):
    store = open_store("owner")
    result = store.backups.run(backup_dir)
    store.close()
    before = dir_hashes(store_dir.parent)
    with pytest.raises(WrongPassphrase):
        bk.restore(result.path, store_dir, "not the recovery passphrase")
    assert dir_hashes(store_dir.parent) == before
    assert sorted(p.name for p in store_dir.parent.iterdir()) == sorted(["store", "usb"])


@pytest.mark.parametrize("damage", ["flipped byte", "flipped byte, checksum forged", "row count forged",
                                    "key file from another store", "manifest missing"])
def test_a_damaged_backup_is_refused(open_store, ids, backup_dir, tmp_path, template_store, damage):
    store = open_store("owner")
    sell(store, ids, 2)
    backup = store.backups.run(backup_dir).path
    db_file = backup / "pharmadesk.db"
    if damage.startswith("flipped byte"):
        flip_byte(db_file)
        if "forged" in damage:      # the checksum alone is not what protects: SQLCipher's page HMAC refuses it
            rewrite_manifest(backup, db_sha256=bk._sha256(db_file))
    elif damage == "row count forged":
        manifest = json.loads((backup / "manifest.json").read_text())
        rewrite_manifest(backup, counts={**manifest["counts"], "sales": 3})
    elif damage == "key file from another store":
        text = (backup / "pharmadesk.key").read_text().replace(store.store_id, "0" * 36)
        (backup / "pharmadesk.key").write_text(text)
        rewrite_manifest(backup, key_sha256=bk._sha256(backup / "pharmadesk.key"))
    else:
        (backup / "manifest.json").unlink()

    target = tmp_path / "restored"
    with pytest.raises(IntegrityFailure, match=rf"The backup {backup.name} is damaged") as refused:
        bk.restore(backup, target, PASSPHRASE)
    assert "Use an older backup" in str(refused.value)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".restored")] == []
    assert bk.latest_good_backup(backup_dir, store.store_id, key=template_store[1]) is None


def test_latest_good_backup_skips_damaged_and_unfinished_ones(open_store, backup_dir, clock):
    store = open_store("owner")
    good = store.backups.run(backup_dir).path
    clock.advance(days=1)
    bad = store.backups.run(backup_dir).path
    flip_byte(bad / "pharmadesk.db")
    (backup_dir / f".{bad.name}-2{bk.PARTIAL_MARK}abcd").mkdir()         # a crash mid-backup
    (backup_dir / "notes.txt").write_text("not a backup")
    listed = [b.path for b in bk.list_backups(backup_dir, store.store_id)]
    assert listed == [bad, good]
    assert bk.latest_good_backup(backup_dir, store.store_id) == good
    assert bk.latest_good_backup(backup_dir, "ffffffff-other-store") is None


# -- rotation -------------------------------------------------------------------------------------------------


def test_rotation_keeps_7_daily_4_weekly_12_monthly_by_hand():
    days = [date(2024, 1, 1) + timedelta(days=n) for n in range((date(2025, 3, 31) - date(2024, 1, 1)).days + 1)]
    kept = bk.backups_to_keep(days)
    daily = {date(2025, 3, d) for d in range(25, 32)}                   # Tue 25 .. Mon 31 March
    weekly = {date(2025, 3, 31), date(2025, 3, 30), date(2025, 3, 23), date(2025, 3, 16)}  # newest of ISO weeks 14..11
    monthly = {date(2025, 3, 31), date(2025, 2, 28), date(2025, 1, 31), date(2024, 12, 31), date(2024, 11, 30),
               date(2024, 10, 31), date(2024, 9, 30), date(2024, 8, 31), date(2024, 7, 31), date(2024, 6, 30),
               date(2024, 5, 31), date(2024, 4, 30)}
    assert kept == daily | weekly | monthly
    assert len(kept) == 20


def test_rotation_keeps_the_newest_of_a_day_and_skips_closed_weeks():
    monday = datetime(2025, 6, 2, 9, 0)
    backups = [
        monday, monday + timedelta(hours=11),                       # a manual backup, then the day close
        datetime(2025, 6, 3, 20, 0),
        # the store closed for three weeks
        datetime(2025, 5, 9, 20, 0), datetime(2025, 5, 8, 20, 0),
        datetime(2025, 4, 30, 20, 0), datetime(2025, 4, 1, 20, 0),
        datetime(2024, 12, 24, 20, 0),
    ]
    assert bk.backups_to_keep(backups, daily=2, weekly=2, monthly=3) == {
        datetime(2025, 6, 3, 20, 0), monday + timedelta(hours=11),            # daily: 3 and 2 June (newest)
        datetime(2025, 5, 9, 20, 0),                                        # weekly: ISO week 23, then week 19
        datetime(2025, 4, 30, 20, 0),                                       # monthly: June, May, April
    }
    assert bk.backups_to_keep([], 7, 4, 12) == set()
    assert bk.backups_to_keep(backups, 0, 0, 0) == set()


def test_prune_deletes_only_this_stores_rotated_out_backups(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    store_id = "12345678-aaaa-bbbb-cccc-000000000000"
    stamps = [datetime(2025, 1, 1, 12, 0, tzinfo=timezone.utc) + timedelta(days=n) for n in range(60)]
    for stamp in stamps:
        (folder / bk.backup_name(store_id, stamp)).mkdir()
    other = folder / bk.backup_name("87654321-other", stamps[0])
    other.mkdir()
    partial = folder / f".{bk.backup_name(store_id, stamps[0])}{bk.PARTIAL_MARK}0000"
    partial.mkdir()
    deleted = bk.prune(folder, store_id)
    expected = {bk.backup_name(store_id, s) for s in stamps
                if s.astimezone().replace(tzinfo=None) in bk.backups_to_keep(
                    [t.astimezone().replace(tzinfo=None) for t in stamps])}
    remaining = {p.name for p in folder.iterdir()}
    assert remaining == expected | {other.name, partial.name}
    assert len(deleted) == 60 - len(expected) and len(expected) == 7 + 2 + 1     # 7 days, 2 more weeks, 1 more month


def test_backups_rotate_on_disk(open_store, backup_dir, clock):
    store = open_store("owner")
    for _ in range(10):
        store.backups.run(backup_dir)
        clock.advance(days=1)
    names = sorted(p.name for p in backup_dir.iterdir())
    assert len(names) == len(bk.backups_to_keep([clock.moment - timedelta(days=n) for n in range(1, 11)]))
    assert len(names) < 10 and all(NAME.match(n) for n in names)
    deleted = sum(json.loads(r[0])["deleted"] for r in
                  store.db.execute("SELECT details FROM audit_log WHERE action = 'backup'"))
    assert deleted == 10 - len(names)


# -- the automatic backup at day close -----------------------------------------------------------------------------


def test_day_close_backs_up_to_the_owners_folder(open_store, ids, backup_dir):
    owner = open_store("owner")
    owner.set_setting("backup_dir", str(backup_dir))
    owner.close()
    store = open_store("pharmacist")                     # closes the day; cannot back up on demand
    sell(store, ids, 2)
    report = store.day_close.close_day(2500)
    assert report.after_close["backup"]["ok"] is True
    backup = Path(report.after_close["backup"]["path"])
    assert backup.parent == backup_dir
    manifest = bk.verify_backup(backup, passphrase=PASSPHRASE)
    assert manifest["trigger"] == "day_close"
    assert manifest["counts"]["day_closes"] == 1 and manifest["counts"]["sales"] == 2   # the close is in it
    with pytest.raises(PermissionDenied):
        store.backups.run(backup_dir)


def test_day_close_without_a_backup_folder_leaves_the_report_alone(open_store, ids):
    store = open_store("pharmacist")
    assert "backup" not in store.day_close.close_day(0).after_close


def test_a_failed_day_close_backup_never_undoes_the_close(open_store, ids, tmp_path):
    owner = open_store("owner")
    owner.set_setting("backup_dir", str(tmp_path / "unplugged" / "usb"))
    sell(owner, ids, 1)
    report = owner.day_close.close_day(1250)
    assert report.after_close["backup"]["ok"] is False and "not available" in report.after_close["backup"]["error"]
    assert owner.db.scalar("SELECT count(*) FROM day_closes") == 1
    assert owner.db.scalar("SELECT count(*) FROM sales WHERE day_close_id IS NULL") == 0
    assert owner.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'backup.failed'") == 1
    assert owner.audit.verify() == []


# -- a damaged store is detected on open ---------------------------------------------------------------------------


def damage_store(store_dir: Path, key: bytes, offset: int | None = None) -> None:
    conn = connect(store_dir / "pharmadesk.db", key)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for leftover in ("pharmadesk.db-wal", "pharmadesk.db-shm"):
        (store_dir / leftover).unlink(missing_ok=True)
    flip_byte(store_dir / "pharmadesk.db", offset)


def test_a_damaged_page_is_detected_on_open_and_the_latest_backup_offered(open_store, ids, backup_dir, store_dir,
                                                                         template_store, clock):
    store = open_store("owner")
    sell(store, ids, 2)
    older = store.backups.run(backup_dir).path
    clock.advance(hours=1)
    latest = store.backups.run(backup_dir).path
    store.close()
    key = template_store[1]
    damage_store(store_dir, key)

    with pytest.raises(StoreCorrupt) as damaged:
        Store.open(store_dir, key=key, use_keyring=False)
    message = str(damaged.value)
    assert "damaged" in message and "Restore the latest good backup" in message and str(latest) in message
    assert damaged.value.latest_backup == latest and latest != older
    assert any("HMAC" in p or "page" in p for p in damaged.value.problems)

    # The offered backup brings the store back; the damaged file is kept aside.
    outcome = bk.restore(damaged.value.latest_backup, store_dir, PASSPHRASE)
    with Store.open(store_dir, key=key, use_keyring=False) as restored:
        assert restored.db.scalar("SELECT count(*) FROM sales") == 2
        assert restored.check_health(full=True) == []
    with pytest.raises(StoreCorrupt):
        Store.open(outcome.moved_aside, key=key, use_keyring=False)


def test_damage_without_any_backup_still_says_so_plainly(store_dir, template_store):
    key = template_store[1]
    damage_store(store_dir, key)
    with pytest.raises(StoreCorrupt, match="damaged and cannot be used safely. Restore it from your latest backup"):
        Store.open(store_dir, key=key, use_keyring=False)


def test_a_damaged_first_page_is_damage_not_a_wrong_passphrase(store_dir, template_store):
    damage_store(store_dir, template_store[1], offset=200)
    with pytest.raises(StoreCorrupt, match="damaged"):
        Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False)


# -- the command line ----------------------------------------------------------------------------------------------


def test_cli_backup_list_and_restore(store_dir, backup_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)
    assert cli_main(["backup", "--store", str(store_dir), "--to", str(backup_dir), "--remember", "--quiet"]) == 0
    out = capsys.readouterr().out
    backup = next(backup_dir.iterdir())
    assert f"Backup verified and kept: {backup}" in out

    assert cli_main(["backups", "--store", str(store_dir)]) == 0          # finds the folder through the note
    listing = capsys.readouterr().out
    assert backup.name in listing and listing.rstrip().endswith("ok")

    monkeypatch.setenv(env.PASSWORD, PASSWORDS["cashier"])
    assert cli_main(["backup", "--store", str(store_dir), "--user", "cashier", "--quiet"]) == 1
    assert "not allowed" in capsys.readouterr().err

    new_store = tmp_path / "elsewhere" / "store"
    assert cli_main(["restore", str(backup), "--store", str(new_store), "--no-keyring"]) == 0
    assert f"into {new_store}" in capsys.readouterr().out
    with Store.open(new_store, passphrase=PASSPHRASE, use_keyring=False) as restored:
        assert restored.settings.backup_dir == str(backup_dir.resolve())


def test_cli_names_the_backup_to_restore_when_the_store_is_damaged(store_dir, backup_dir, template_store,
                                                                   monkeypatch, capsys):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)
    assert cli_main(["backup", "--store", str(store_dir), "--to", str(backup_dir), "--quiet"]) == 0
    backup = next(backup_dir.iterdir())
    damage_store(store_dir, template_store[1])
    capsys.readouterr()
    assert cli_main(["info", "--store", str(store_dir)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and f"pharmadesk restore {backup} --store {store_dir}" in err
