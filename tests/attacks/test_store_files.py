"""Attacks on the store's files (issue 17, items 4, 8, 10 and 12): an emptied or deleted database, a journal
deleted under a running till, files other users may read, and the leftovers of killed backups and restores.

Each test is an attack from the hostile test; it failed on the code before the fix.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pharmadesk import env as env_vars
from pharmadesk.core import backup as bk
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.store import Store
from pharmadesk.db import keys
from pharmadesk.db.connection import DB_FILE_NAME
from pharmadesk.errors import StoreCorrupt, ValidationError

from tests.conftest import FAST_KDF, PASSPHRASE, PASSWORDS, PINS

WAL = DB_FILE_NAME + "-wal"
CRASH_WORKER = Path(__file__).parents[1] / "crash_worker.py"
posix_only = pytest.mark.skipif(os.name == "nt", reason="file modes and SIGKILL are POSIX")


def sell_one(store: Store, ids) -> str:
    return store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250, tendered=1250)]).receipt_no


def file_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def run_python(code: str, key: bytes, *, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter (another till) with the store key in its environment."""
    env = {**os.environ, env_vars.TEST_KEY: key.hex(), env_vars.TEST_PIN: PINS["owner"]}
    env.pop(env_vars.PASSPHRASE, None)
    prelude = ("import os, sys; sys.path.insert(0, %r); import conftest  # noqa\n"
               "KEY = bytes.fromhex(os.environ[%r])\n") % (str(Path(__file__).parents[1]), env_vars.TEST_KEY)
    done = subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], capture_output=True, text=True,
                          env=env, timeout=120)
    if check and done.returncode not in (0, -signal.SIGKILL if os.name != "nt" else 0):
        pytest.fail(f"helper process failed ({done.returncode}): {done.stderr}")
    return done


# --- item 4: an empty or missing database beside its key file -------------------------------------------------


def test_a_zero_byte_database_is_a_damaged_store_never_a_new_one(store_dir, template_store):
    key = template_store[1]
    db_file = store_dir / DB_FILE_NAME
    db_file.write_bytes(b"")
    before = file_state(db_file)
    with pytest.raises(StoreCorrupt) as caught:
        Store.open(store_dir, key=key, use_keyring=False)
    assert "damaged" in str(caught.value) and "backup" in str(caught.value)
    assert caught.value.problems == ["pharmadesk.db is empty (0 bytes)"]
    assert file_state(db_file) == before                        # same bytes, same mtime: not rewritten
    assert not (store_dir / WAL).exists()


def test_a_zero_byte_database_opened_with_the_passphrase_names_the_backup(store_dir, open_store, tmp_path,
                                                                          monkeypatch):
    usb = tmp_path / "usb"
    with open_store("owner") as store:
        backup = store.backups.run(usb).path
    (store_dir / DB_FILE_NAME).write_bytes(b"")
    monkeypatch.setenv(env_vars.PASSPHRASE, PASSPHRASE)
    with pytest.raises(StoreCorrupt) as caught:
        Store.open(store_dir, use_keyring=False)
    assert caught.value.latest_backup == backup and str(backup) in str(caught.value)
    assert (store_dir / DB_FILE_NAME).stat().st_size == 0


def test_the_cli_says_damaged_and_exits_1_on_a_zero_byte_database(store_dir, monkeypatch, capsys):
    from pharmadesk.cli.main import main

    (store_dir / DB_FILE_NAME).write_bytes(b"")
    monkeypatch.setenv(env_vars.PASSPHRASE, PASSPHRASE)
    assert main(["info", "--store", str(store_dir)]) == 1
    assert "damaged" in capsys.readouterr().err
    assert (store_dir / DB_FILE_NAME).stat().st_size == 0


def test_a_missing_database_beside_its_key_file_is_damaged_and_init_keeps_the_key(store_dir, template_store):
    (store_dir / DB_FILE_NAME).unlink()
    key_file = store_dir / keys.KEY_FILE_NAME
    before = file_state(key_file)
    with pytest.raises(StoreCorrupt) as caught:
        Store.open(store_dir, key=template_store[1], use_keyring=False)
    assert "damaged" in str(caught.value) and caught.value.problems == ["pharmadesk.db is missing"]
    with pytest.raises(StoreCorrupt):                           # `pharmadesk init` and the wizard call create()
        Store.create(store_dir, passphrase=PASSPHRASE, store_name="New", owner_username="owner",
                     owner_name="O", owner_password=PASSWORDS["owner"], use_keyring=False, kdf=FAST_KDF)
    assert file_state(key_file) == before and not (store_dir / DB_FILE_NAME).exists()
    assert Store.found_in(store_dir)                            # so the GUI opens (and reports), never the wizard


def test_the_gui_reports_a_damaged_store_instead_of_starting_the_first_run_wizard(store_dir, qapp, monkeypatch):
    from pharmadesk.ui import app as ui_app

    (store_dir / DB_FILE_NAME).write_bytes(b"")
    wizard_runs, shown = [], []
    monkeypatch.setattr(ui_app, "first_run", lambda directory: wizard_runs.append(directory))
    monkeypatch.setattr(ui_app.LoginDialog, "exec", lambda _self: 0)    # before the fix: an empty store's login
    monkeypatch.setattr(ui_app.QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setenv(env_vars.PASSPHRASE, PASSPHRASE)
    monkeypatch.setattr(keys, "_keyring", lambda: None)
    assert ui_app.run(store_dir) == 1
    assert wizard_runs == [] and len(shown) == 1 and "damaged" in shown[0]
    assert (store_dir / DB_FILE_NAME).stat().st_size == 0


# --- item 8: the journal deleted under a running till ----------------------------------------------------------


@posix_only
def test_deleting_the_wal_under_a_running_till_loses_no_confirmed_sale(store_dir, template_store):
    """The hostile test: delete pharmadesk.db-wal while the till sells, then kill the till."""
    key = template_store[1]
    env = {**os.environ, env_vars.TEST_KEY: key.hex(), env_vars.TEST_PIN: PINS["owner"]}
    env.pop(env_vars.PASSPHRASE, None)
    proc = subprocess.Popen([sys.executable, str(CRASH_WORKER), str(store_dir), "17"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    confirmed = []
    try:
        assert proc.stdout.readline().strip() == "READY"
        while len(confirmed) < 15:
            kind, _, rest = proc.stdout.readline().strip().partition(" ")
            if kind == "SALE":
                confirmed.append(rest)
        (store_dir / WAL).unlink()                              # under the running till
        try:
            out, err = proc.communicate(timeout=20)              # the till stops selling by itself...
        except subprocess.TimeoutExpired:
            proc.kill()                                         # ...or, before the fix, sells on into the void
            out, err = proc.communicate()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    confirmed += [line.partition(" ")[2] for line in out.splitlines() if line.startswith("SALE ")]
    with Store.open(store_dir, key=key, use_keyring=False) as store:
        in_store = {row[0] for row in store.db.execute("SELECT receipt_no FROM sales")}
        assert store.audit.verify() == [] and store.stock.verify_ledger() == []
    assert set(confirmed) <= in_store, f"confirmed sales lost: {sorted(set(confirmed) - in_store)}"
    assert proc.returncode == 1 and "journal file (pharmadesk.db-wal) was deleted" in err


@posix_only
def test_a_second_program_is_told_the_journal_was_deleted_not_that_the_store_is_damaged(open_store, store_dir,
                                                                                        template_store, ids):
    store = open_store("owner")
    confirmed = [sell_one(store, ids) for _ in range(3)]
    (store_dir / WAL).unlink()
    second = run_python(f"""
        from pharmadesk.core.store import Store
        from pharmadesk.errors import PharmaDeskError
        try:
            Store.open({str(store_dir)!r}, key=KEY, use_keyring=False)
            print("OPENED")
        except PharmaDeskError as exc:
            print(type(exc).__name__, exc)
    """, template_store[1])
    assert "StoreCorrupt" in second.stdout and "journal file" in second.stdout, second.stdout
    assert "damaged" not in second.stdout
    with pytest.raises(StoreCorrupt, match="NOT saved"):         # the running till refuses to sell into the void
        sell_one(store, ids)
    with pytest.raises(StoreCorrupt, match="NOT saved"):         # and keeps refusing until it is restarted
        sell_one(store, ids)
    store.db.conn.close()
    with Store.open(store_dir, key=template_store[1], use_keyring=False) as reopened:
        in_store = {row[0] for row in reopened.db.execute("SELECT receipt_no FROM sales")}
    assert set(confirmed) == in_store


@posix_only
def test_sales_lost_with_a_deleted_wal_are_reported_on_open_with_the_backup(open_store, store_dir, template_store,
                                                                           tmp_path):
    """The till is killed right after the journal is deleted, before it commits again: the sales in the
    journal are gone, and the next open says so and names the backup, instead of opening silently."""
    key = template_store[1]
    with open_store("owner") as store:
        backup = store.backups.run(tmp_path / "usb").path
    killed = run_python(f"""
        import os, signal
        from pharmadesk.core.sales import CartLine, Payment
        from pharmadesk.core.store import Store
        store = Store.open({str(store_dir)!r}, key=KEY, use_keyring=False)
        store.login("owner", os.environ["PHARMADESK_TEST_PIN"])
        for _ in range(3):
            print(store.sales.sell([CartLine(1, 1)], [Payment("cash", 1250, tendered=1250)]).receipt_no, flush=True)
        os.unlink({str(store_dir / WAL)!r})
        os.kill(os.getpid(), signal.SIGKILL)
    """, key)
    assert killed.returncode == -signal.SIGKILL
    last = killed.stdout.split()[-1]
    with pytest.raises(StoreCorrupt) as caught:
        Store.open(store_dir, key=key, use_keyring=False)
    assert last in str(caught.value) and caught.value.latest_backup == backup and str(backup) in str(caught.value)
    bk.restore(backup, store_dir, PASSPHRASE)                   # the way out it names
    Store.open(store_dir, key=key, use_keyring=False).close()


def test_the_sale_note_follows_only_committed_sales(open_store, store_dir, ids):
    from pharmadesk.core import sale_journal

    store = open_store("owner")
    first = sell_one(store, ids)
    assert sale_journal.last_noted(store_dir, store.store_id) == first
    with pytest.raises(RuntimeError):
        with store.db.transaction():                            # a sale inside a block that fails
            sell_one(store, ids)
            raise RuntimeError("undo")
    assert sale_journal.last_noted(store_dir, store.store_id) == first
    store.close()
    Store.open(store_dir, key=store._key, use_keyring=False).close()     # no false alarm


# --- item 10: files only this PC's user may read ---------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@posix_only
def test_store_backup_restore_logs_and_reports_are_private(tmp_path, loose_umask, clock, monkeypatch):
    from pharmadesk.logs import LOG_FILE_NAME, setup_logging, stop_logging
    from pharmadesk.reports.export import export_excel, export_pdf

    directory = tmp_path / "new" / "store"
    store = Store.create(directory, passphrase=PASSPHRASE, store_name="Modes", owner_username="owner",
                         owner_name="O", owner_password=PASSWORDS["owner"], use_keyring=False, kdf=FAST_KDF,
                         clock=clock)
    backup = store.backups.run(tmp_path / "usb").path
    store.close()
    restored = bk.restore(backup, tmp_path / "elsewhere" / "store", PASSPHRASE).store_dir
    for folder in (directory, backup, restored):
        assert mode(folder) == 0o700, folder
        for item in folder.iterdir():
            assert mode(item) == 0o600, item
    assert {p.name for p in backup.iterdir()} == {DB_FILE_NAME, keys.KEY_FILE_NAME, bk.MANIFEST_NAME}
    logs = setup_logging(tmp_path / "logs")
    try:
        assert mode(logs.parent) == 0o700 and mode(logs) == 0o600 and logs.name == LOG_FILE_NAME
    finally:
        stop_logging()
    tables = [("Members", ["id"], [[1]])]
    assert mode(export_excel(tmp_path / "report.xlsx", tables)) == 0o600
    assert mode(export_pdf(tmp_path / "report.pdf", "Report", [], tables)) == 0o600


@posix_only
def test_a_store_made_with_open_rights_is_closed_on_the_next_open(store_dir, template_store):
    for path in [store_dir, *store_dir.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    with Store.open(store_dir, key=template_store[1], use_keyring=False):
        assert mode(store_dir) == 0o700
        assert {p.name: mode(p) for p in store_dir.iterdir()} == {p.name: 0o600 for p in store_dir.iterdir()}


def test_private_modes_never_fail_on_windows(tmp_path, monkeypatch):
    from pharmadesk import paths

    target = tmp_path / "file"
    target.write_text("x")
    target.chmod(0o644)
    monkeypatch.setattr(paths.os, "name", "nt")
    paths.make_private(target, tmp_path / "missing")            # a no-op there, and never an error
    assert mode(target) == 0o644
    monkeypatch.undo()
    paths.make_private(tmp_path / "missing")


# --- item 12: leftovers of killed backups and restores -----------------------------------------------------------


def partials(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if bk.PARTIAL_MARK in p.name]


@posix_only
def test_a_killed_backup_is_cleaned_at_the_next_backup(open_store, store_dir, template_store, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    killed = run_python(f"""
        import os, signal
        from pharmadesk.core.store import Store
        store = Store.open({str(store_dir)!r}, key=KEY, use_keyring=False)
        store.login("owner", os.environ["PHARMADESK_TEST_PIN"])
        def progress(fraction, stage):
            if stage == "Verifying the backup":
                os.kill(os.getpid(), signal.SIGKILL)
        store.backups.run({str(usb)!r}, progress=progress)
    """, template_store[1])
    assert killed.returncode == -signal.SIGKILL
    assert len(partials(usb)) == 1                              # a fresh leftover (before: kept for an hour)
    with open_store("owner") as store:
        done = store.backups.run(usb).path
    assert partials(usb) == [] and [b.path for b in bk.list_backups(usb)] == [done]


def test_a_backup_another_process_is_writing_is_left_alone(open_store, tmp_path):
    from pharmadesk.io.durable import CLAIM_FILE_NAME, Claim

    usb = tmp_path / "usb"
    usb.mkdir()
    with open_store("owner") as store:
        busy = usb / f".pharmadesk-{store.store_id[:8]}-20250101T000000Z{bk.PARTIAL_MARK}0000"
        busy.mkdir()
        claim = Claim(busy)                                     # held as a running backup holds it
        try:
            store.backups.run(usb)
            assert busy.is_dir()
        finally:
            claim.release()
        (busy / CLAIM_FILE_NAME).touch()                        # as its process left it when it was killed
        store.backups.run(usb)
        assert not busy.exists()                                # nobody holds the claim: a leftover


@posix_only
def test_a_killed_restore_is_cleaned_and_one_before_restore_copy_is_kept(open_store, store_dir, template_store,
                                                                        tmp_path, clock):
    with open_store("owner") as store:
        backup = store.backups.run(tmp_path / "usb").path
    killed = run_python(f"""
        import os, shutil, signal
        from pharmadesk.core import backup as bk
        real_copy = shutil.copyfile
        def copy_then_die(source, target):
            real_copy(source, target)
            os.kill(os.getpid(), signal.SIGKILL)
        shutil.copyfile = copy_then_die
        bk.restore({str(backup)!r}, {str(store_dir)!r}, conftest.PASSPHRASE)
    """, template_store[1])
    assert killed.returncode == -signal.SIGKILL

    def leftovers(mark: str) -> list[Path]:
        return sorted(p for p in store_dir.parent.iterdir() if p.name.startswith(f"{store_dir.name}{mark}")
                      or p.name.startswith(f".{store_dir.name}{mark}"))

    assert len(leftovers(bk.RESTORING_MARK)) == 1
    first = bk.restore(backup, store_dir, PASSPHRASE, clock=clock)
    assert leftovers(bk.RESTORING_MARK) == [] and leftovers(bk.BEFORE_RESTORE_MARK) == [first.moved_aside]
    clock.advance(minutes=5)
    second = bk.restore(backup, store_dir, PASSPHRASE, clock=clock)
    assert leftovers(bk.BEFORE_RESTORE_MARK) == [second.moved_aside] and first.moved_aside in second.removed
    Store.open(store_dir, key=template_store[1], use_keyring=False).close()


def test_a_restore_another_process_is_staging_is_left_alone(open_store, store_dir, tmp_path):
    from pharmadesk.io.durable import Claim

    with open_store("owner") as store:
        backup = store.backups.run(tmp_path / "usb").path
    busy = store_dir.parent / f".{store_dir.name}{bk.RESTORING_MARK}20250101T000000Z-0000"
    busy.mkdir()
    claim = Claim(busy)
    try:
        bk.restore(backup, store_dir, PASSPHRASE)
        assert busy.is_dir()
    finally:
        claim.release()
