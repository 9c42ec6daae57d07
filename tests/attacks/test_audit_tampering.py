"""Issue 17 item 2: whoever holds the database key empties, forges, re-chains, cuts off or unguards the audit
log; `audit verify` must report each, plainly, and the CLI must fail.

The attacker works on the closed store with a raw SQLCipher connection and the database key (as with any
SQLite tool), never through the store's own services.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest

from conftest import PASSPHRASE
from pharmadesk import env
from pharmadesk.cli.main import main as cli_main
from pharmadesk.core.audit import APPEND_ONLY_TRIGGERS, GENESIS, chain_key, entry_mac
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.store import Store
from pharmadesk.db import keys
from pharmadesk.db.connection import DB_FILE_NAME, connect


def _activity(store, ids, sales=12):
    for _ in range(sales):
        store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    store.set_setting("near_expiry_days", "60")


@pytest.fixture
def used_store_dir(open_store, store_dir, ids):
    """A store with some history, closed (its log's head is then anchored in the key file)."""
    store = open_store("owner")
    _activity(store, ids)
    store.close()
    return store_dir


@pytest.fixture
def key(template_store):
    return template_store[1]


class Attacker:
    """A raw connection to the closed store's database, opened with the key."""

    def __init__(self, store_dir, key):
        self.conn = connect(store_dir / DB_FILE_NAME, key)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.conn.commit()
        self.conn.close()

    def unguard(self):
        for name in APPEND_ONLY_TRIGGERS:
            self.conn.execute(f"DROP TRIGGER IF EXISTS {name}")

    def reguard(self):
        """Put the triggers back exactly as they were, so only the tampering itself can give it away."""
        for sql in APPEND_ONLY_TRIGGERS.values():
            self.conn.execute(sql)

    def rows(self):
        return self.conn.execute("SELECT id, at, user_id, action, entity, entity_id, details, prev_hash, hash "
                                 "FROM audit_log ORDER BY id").fetchall()

    def last_id(self):
        return self.conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]


def _sha256_link(prev, entry_id, at, user_id, action, entity, entity_id, details):
    """The documented pre-issue-17 chain, which anyone can recompute without a secret."""
    canonical = json.dumps([entry_id, at, user_id, action, entity, entity_id, details], separators=(",", ":"),
                           ensure_ascii=False)
    return hashlib.sha256((prev + canonical).encode()).hexdigest()


def _verify(store_dir, key, anchors=()):
    with Store.open(store_dir, key=key, use_keyring=False) as store:
        return [(p.entry_id, p.reason) for p in store.audit.verify(anchors)]


def _cli_verify(store_dir, monkeypatch, capsys, *extra):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    code = cli_main(["audit", "verify", "--store", str(store_dir), *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


# -- a clean store ------------------------------------------------------------------------------------------


def test_a_clean_store_verifies_intact(used_store_dir, key, monkeypatch, capsys):
    assert _verify(used_store_dir, key) == []
    anchor = keys.read_key_file(used_store_dir).audit_anchor
    with Attacker(used_store_dir, key) as db:
        assert anchor.sequence == db.last_id() > 5
        assert db.rows()[0][3] == "store.create"
    code, text = _cli_verify(used_store_dir, monkeypatch, capsys)
    assert code == 0 and "Audit log intact" in text and "the key file" in text


# -- the attacks --------------------------------------------------------------------------------------------


def test_deleting_every_entry_is_reported(used_store_dir, key, monkeypatch, capsys):
    with Attacker(used_store_dir, key) as db:
        last = db.last_id()
        db.unguard()
        db.conn.execute("DELETE FROM audit_log")
        db.reguard()
    problems = _verify(used_store_dir, key)
    assert (0, "the log is empty: the store's creation entry #1 and all after it are missing") in problems
    assert (last, f"entries after #0 are missing: the key file records entry #{last}") in problems
    code, text = _cli_verify(used_store_dir, monkeypatch, capsys)
    assert code == 1 and "tampered" in text and "intact" not in text


def test_an_appended_forged_entry_is_reported(used_store_dir, key):
    with Attacker(used_store_dir, key) as db:
        last = db.rows()[-1]
        forged = (last[0] + 1, last[1], 1, "stock.adjust", "product", "1", '{"quantity":-50}')
        db.conn.execute("INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, details, prev_hash, "
                        "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (*forged, last[8], _sha256_link(last[8], *forged)))
    assert _verify(used_store_dir, key) == [(last[0] + 1, "content was changed")]


def test_an_edit_rechained_without_the_mac_key_is_reported(used_store_dir, key):
    with Attacker(used_store_dir, key) as db:
        rows = db.rows()
        target = next(r[0] for r in rows if r[3] == "setting.change")
        db.unguard()
        prev = GENESIS
        for entry_id, at, user_id, action, entity, entity_id, details, _p, _h in rows:
            if entry_id == target:
                entity_id = "currency"
            link = _sha256_link(prev, entry_id, at, user_id, action, entity, entity_id, details)
            db.conn.execute("UPDATE audit_log SET entity_id = ?, prev_hash = ?, hash = ? WHERE id = ?",
                            (entity_id, prev, link, entry_id))
            prev = link
        db.reguard()
    problems = _verify(used_store_dir, key)
    assert [p for p in problems if p[1] == "content was changed"] == [(r[0], "content was changed") for r in rows]
    assert any("is not the one the key file records" in reason for _id, reason in problems)


def test_an_edit_rechained_with_the_mac_key_is_caught_by_the_anchor(used_store_dir, key):
    """An attacker who also derives the MAC key re-chains perfectly; the key file's anchor still tells."""
    with Attacker(used_store_dir, key) as db:
        rows = db.rows()
        target = next(r[0] for r in rows if r[3] == "setting.change")
        db.unguard()
        prev = GENESIS
        for entry_id, at, user_id, action, entity, entity_id, details, _p, _h in rows:
            if entry_id == target:
                entity_id = "currency"
            mac = entry_mac(chain_key(key), prev, entry_id, at, user_id, action, entity, entity_id, details)
            db.conn.execute("UPDATE audit_log SET entity_id = ?, prev_hash = ?, hash = ? WHERE id = ?",
                            (entity_id, prev, mac, entry_id))
            prev = mac
        db.reguard()
    last = rows[-1][0]
    assert _verify(used_store_dir, key) == [
        (last, f"entry #{last} is not the one the key file records: the log was rewritten")]


@pytest.mark.parametrize("cut", [1, 3, 10])
def test_cutting_off_the_newest_entries_is_reported(used_store_dir, key, cut, monkeypatch, capsys):
    with Attacker(used_store_dir, key) as db:
        last = db.last_id()
        db.unguard()
        db.conn.execute("DELETE FROM audit_log WHERE id > ?", (last - cut,))
        db.reguard()
    expected = (last, f"entries after #{last - cut} are missing: the key file records entry #{last}")
    assert _verify(used_store_dir, key) == [expected]
    code, text = _cli_verify(used_store_dir, monkeypatch, capsys)
    assert code == 1 and expected[1] in text
    # Opening and closing the store again never moves the anchor back over the gap.
    assert keys.read_key_file(used_store_dir).audit_anchor.sequence == last


def test_cutting_off_and_lowering_the_key_file_anchor_is_caught_by_the_latest_backup(open_store, store_dir, ids,
                                                                                       key, tmp_path):
    store = open_store("owner")
    _activity(store, ids)
    backup = store.backups.run(tmp_path / "backups")
    store.close()
    anchored = json.loads((backup.path / "manifest.json").read_text())["audit_anchor"]["sequence"]
    with Attacker(store_dir, key) as db:
        db.unguard()
        db.conn.execute("DELETE FROM audit_log WHERE id > ?", (anchored - 5,))
        db.reguard()
        head = db.rows()[-1]
    key_file = keys.read_key_file(store_dir)        # the attacker rewrites the key file's anchor to match
    keys.write_key_file(store_dir, dataclasses.replace(
        key_file, audit_anchor=keys.AuditAnchor(head[0], head[8])))
    assert _verify(store_dir, key) == [
        (anchored, f"entries after #{anchored - 5} are missing: backup {backup.path.name} records entry "
                   f"#{anchored}")]


def test_cutting_off_is_caught_by_a_head_office_bundle(open_store, store_dir, ids, key, tmp_path, monkeypatch,
                                                       capsys):
    from pharmadesk.headoffice import bundle as fmt

    store = open_store("owner")
    _, hq_public = fmt.new_hq_key()
    (tmp_path / "hq.pub").write_text(json.dumps({"public_key": hq_public.hex()}))
    store.headoffice.setup_keys(tmp_path / "keys")
    store.headoffice.trust_hq(tmp_path / "hq.pub")
    _activity(store, ids)
    result = store.headoffice.export(tmp_path / "hq")
    store.close()
    anchored = json.loads((result.path / fmt.MANIFEST_NAME).read_text())["audit_anchor"]["sequence"]
    with Attacker(store_dir, key) as db:
        db.unguard()
        db.conn.execute("DELETE FROM audit_log WHERE id > ?", (anchored - 2,))
        db.reguard()
        head = db.rows()[-1]
    keys.write_key_file(store_dir, dataclasses.replace(keys.read_key_file(store_dir),
                                                       audit_anchor=keys.AuditAnchor(head[0], head[8])))
    code, text = _cli_verify(store_dir, monkeypatch, capsys)
    assert code == 0                        # without the bundle nothing local remembers the cut-off entries
    code, text = _cli_verify(store_dir, monkeypatch, capsys, "--against", str(result.path))
    assert code == 1
    assert f"entries after #{anchored - 2} are missing: head-office bundle 1 records entry #{anchored}" in text


@pytest.mark.parametrize("trigger", sorted(APPEND_ONLY_TRIGGERS))
def test_a_dropped_trigger_is_reported(used_store_dir, key, trigger, monkeypatch, capsys):
    with Attacker(used_store_dir, key) as db:
        db.conn.execute(f"DROP TRIGGER {trigger}")
    expected = (0, f"the trigger {trigger} that keeps the log append-only is missing")
    assert _verify(used_store_dir, key) == [expected]
    code, text = _cli_verify(used_store_dir, monkeypatch, capsys)
    assert code == 1 and expected[1] in text


def test_a_defused_trigger_is_reported(used_store_dir, key):
    with Attacker(used_store_dir, key) as db:
        db.conn.execute("DROP TRIGGER audit_log_no_delete")
        db.conn.execute("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END")
        db.conn.execute("CREATE TRIGGER audit_log_cleaner AFTER INSERT ON audit_log BEGIN SELECT 1; END")
    assert _verify(used_store_dir, key) == [
        (0, "the trigger audit_log_no_delete that keeps the log append-only was changed"),
        (0, "an unexpected trigger audit_log_cleaner is on the audit log")]


# -- stores from before issue 17 ----------------------------------------------------------------------------


def _store_with_a_sha256_chain(directory, break_entry=None):
    """A store as the release before issue 17 left it (schema 10): a plain SHA-256 chain, no anchor."""
    import uuid

    from conftest import FAST_KDF
    from pharmadesk.db.connection import Database
    from pharmadesk.db.migrate import migrate

    directory.mkdir(parents=True)
    store_id = str(uuid.uuid4())
    db_key = keys.new_database_key()
    keys.write_key_file(directory, keys.wrap_key(db_key, PASSPHRASE, store_id, FAST_KDF))
    db = Database(connect(directory / DB_FILE_NAME, db_key), directory / DB_FILE_NAME)
    assert migrate(db, target=10) == list(range(1, 11))
    at = "2025-03-01T09:00:00.000000+00:00"
    entries = [("user.create", "user", "1", '{"role":"owner"}'), ("store.create", "store", store_id, "{}"),
               ("login", "user", "1", "{}"), ("price.change", "product", "1", '{"new":1300,"old":1250}')]
    with db.transaction():
        db.execute("INSERT INTO settings (key, value) VALUES ('store_id', ?), ('store_name', 'Old')", (store_id,))
        prev = GENESIS
        for entry_id, (action, entity, entity_id, details) in enumerate(entries, 1):
            link = _sha256_link(prev, entry_id, at, 1, action, entity, entity_id, details)
            if entry_id == break_entry:
                details = '{"new":1,"old":1250}'     # edited after the fact, chain not recomputed
            db.insert("audit_log", {"id": entry_id, "at": at, "user_id": 1, "action": action, "entity": entity,
                                    "entity_id": entity_id, "details": details, "prev_hash": prev, "hash": link})
            prev = link
    db.close()
    return db_key, len(entries)


def test_an_old_store_is_rechained_under_the_mac_and_anchored(tmp_path):
    directory = tmp_path / "old"
    db_key, count = _store_with_a_sha256_chain(directory)
    with Store.open(directory, key=db_key, use_keyring=False) as store:
        assert store.audit.verify() == []
        last = store.db.one("SELECT id, action, details FROM audit_log ORDER BY id DESC LIMIT 1")
        assert (last["id"], last["action"]) == (count + 1, "audit.rechain")
        assert json.loads(last["details"]) == {"entries": count, "old_chain": "intact"}
        first = store.db.one("SELECT * FROM audit_log WHERE id = 1")
        assert first["hash"] != _sha256_link(GENESIS, 1, first["at"], 1, "user.create", "user", "1",
                                             first["details"])
        head = store.audit.head()
    assert keys.read_key_file(directory).audit_anchor == head      # anchored at the first open


def test_an_old_store_with_a_broken_chain_keeps_saying_so_after_the_upgrade(tmp_path):
    directory = tmp_path / "old"
    db_key, count = _store_with_a_sha256_chain(directory, break_entry=4)
    with Store.open(directory, key=db_key, use_keyring=False) as store:
        assert [(p.entry_id, p.reason) for p in store.audit.verify()] == [
            (count + 1, "when the log was re-chained under the store's key, the old hash chain was already "
                        "broken (1 problem(s), first at entry #4)")]
