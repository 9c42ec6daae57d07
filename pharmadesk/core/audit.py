"""The audit log: append-only, MAC-chained and anchored outside the database, so a changed, forged,
deleted or cut-off entry is detected.

Each entry's ``hash`` is HMAC-SHA256, under a key derived from the store's database key (HKDF, label
:data:`CHAIN_LABEL`), over the previous entry's MAC and the entry's canonical JSON: a chain recomputed
without that key does not verify. (Stores made before issue 17 had a plain SHA-256 chain; migration 0011
re-chained them, see :func:`rechain_step`.)

Whoever holds the database key can derive the MAC key too, so the chain alone cannot stop them rewriting
the whole log. Hence the anchors: the latest entry's number and MAC are written down outside the
database, in the key file (:meth:`Audit.write_anchor`, at store creation, the first open after the
upgrade, every backup, day close, passphrase change and close), in every verified backup's manifest and in
every head-office bundle's signed manifest. :meth:`Audit.verify` compares the log with those it can find.
See docs/security.md, "Issue 17: the audit log", for what stays undetectable.

Entries are written in the same transaction as the change they describe. Details never hold personal
data: ids and amounts only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import to_iso, utc_now
from pharmadesk.db import keys
from pharmadesk.db.keys import AuditAnchor
from pharmadesk.db.migrate import register_step
from pharmadesk.errors import PharmaDeskError

if TYPE_CHECKING:
    from pharmadesk.core.store import Store
    from pharmadesk.db.connection import Database

GENESIS = "0" * 64
CHAIN_LABEL = "pharmadesk audit-chain hmac-sha256 v1"      # the HKDF info: this key is for nothing else
CREATION_ACTION = "store.create"
RECHAIN_ACTION = "audit.rechain"

# The triggers that make the log append-only, exactly as migration 0011 creates them; verify compares.
APPEND_ONLY_TRIGGERS = {
    "audit_log_no_update": "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
                           "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "audit_log_no_delete": "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
                           "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
}


def chain_key(database_key: bytes) -> bytes:
    """The audit chain's MAC key, derived from the database key."""
    return keys.derive_subkey(database_key, CHAIN_LABEL)


def _canonical(entry_id: int, at: str, user_id, action: str, entity, entity_id, details: str) -> str:
    return json.dumps([entry_id, at, user_id, action, entity, entity_id, details], separators=(",", ":"),
                      ensure_ascii=False)


def entry_mac(key: bytes, prev_mac: str, entry_id: int, at: str, user_id, action: str, entity, entity_id,
              details: str) -> str:
    """HMAC-SHA256 of one entry, chained to the previous entry's MAC (hex)."""
    message = (prev_mac + _canonical(entry_id, at, user_id, action, entity, entity_id, details)).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _sha256_link(prev_hash: str, entry_id: int, at: str, user_id, action: str, entity, entity_id,
                 details: str) -> str:
    """The chain before issue 17 (no secret); only the upgrade still checks it."""
    canonical = _canonical(entry_id, at, user_id, action, entity, entity_id, details)
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


_COLUMNS = "id, at, user_id, action, entity, entity_id, details, prev_hash, hash"


def _walk(rows, link) -> list["AuditProblem"]:
    """Check a chain of rows (in id order) with ``link(prev, id, at, user, action, entity, entity_id, details)``."""
    problems: list[AuditProblem] = []
    prev_hash = GENESIS
    expected_id = 1
    for row in rows:
        entry_id, at, user_id, action, entity, entity_id, details, stored_prev, stored_hash = row
        if entry_id != expected_id:
            problems.append(AuditProblem(entry_id, f"entries {expected_id}..{entry_id - 1} are missing"))
        if stored_prev != prev_hash:
            problems.append(AuditProblem(entry_id, "does not follow the previous entry"))
        if not hmac.compare_digest(link(stored_prev, entry_id, at, user_id, action, entity, entity_id, details),
                                   stored_hash):
            problems.append(AuditProblem(entry_id, "content was changed"))
        prev_hash = stored_hash
        expected_id = entry_id + 1
    return problems


def _create_triggers(db: "Database") -> None:
    for sql in APPEND_ONLY_TRIGGERS.values():
        db.execute(sql)


def rechain_step(db: "Database") -> None:
    """Migration 0011: check the old SHA-256 chain, re-chain every entry under the HMAC, say so in the log.

    A broken old chain is not refused (the till must open) but recorded in the ``audit.rechain`` entry,
    which :meth:`Audit.verify` reports for ever after: re-chaining never launders earlier tampering.
    """
    if db.audit_key is None:
        raise RuntimeError("migration 0011 re-chains the audit log and needs the store's key")
    rows = db.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY id").fetchall()
    old_problems = _walk(rows, _sha256_link)
    prev = GENESIS
    for entry_id, at, user_id, action, entity, entity_id, details, _prev, _hash in rows:
        mac = entry_mac(db.audit_key, prev, entry_id, at, user_id, action, entity, entity_id, details)
        db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, mac, entry_id))
        prev = mac
    if rows:        # a new store (or one that never logged anything) has nothing to re-chain or report
        _record_rechain(db, len(rows), old_problems)
    _create_triggers(db)


def _record_rechain(db: "Database", entries: int, old_problems: list["AuditProblem"]) -> None:
    details = {"entries": entries, "old_chain": "broken" if old_problems else "intact"}
    if old_problems:
        details.update(old_problems=len(old_problems), first_problem=old_problems[0].entry_id)
    _append(db, db.audit_key, RECHAIN_ACTION, "audit_log", None, None, to_iso(utc_now()), details)


register_step("audit_hmac_chain", rechain_step)


def _append(db: "Database", key: bytes, action: str, entity, entity_id, user_id, at: str, details: dict) -> int:
    last = db.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_mac = last[1] if last else GENESIS
    entry_id = (last[0] if last else 0) + 1
    entity_id = None if entity_id is None else str(entity_id)
    details_json = json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    mac = entry_mac(key, prev_mac, entry_id, at, user_id, action, entity, entity_id, details_json)
    db.insert("audit_log", {"id": entry_id, "at": at, "user_id": user_id, "action": action, "entity": entity,
                            "entity_id": entity_id, "details": details_json, "prev_hash": prev_mac, "hash": mac})
    return entry_id


@dataclass(frozen=True)
class AuditProblem:
    """One finding: ``entry_id`` is the entry concerned (0 for the log as a whole) and ``reason`` says what."""

    entry_id: int
    reason: str


@dataclass(frozen=True)
class SourcedAnchor:
    """An anchor and where it was found (said in findings: "the key file", "backup pharmadesk-…")."""

    anchor: AuditAnchor
    source: str


class Audit:
    """Write, anchor and verify the audit chain."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def record(self, event: str, entity: str | None = None, entity_id=None, user_id=None, **details) -> int:
        """Append an entry for ``event``; call inside the transaction of the change it describes.

        ``details`` are ids and amounts only, never personal data.
        """
        db = self._store.db
        if db.audit_key is None:
            raise RuntimeError("this connection was opened without the store's key: it cannot append to the audit log")
        if user_id is None and self._store.user is not None:
            user_id = self._store.user.id
        with db.transaction():
            return _append(db, db.audit_key, event, entity, entity_id, user_id, to_iso(self._store.now()), details)

    def head(self) -> AuditAnchor | None:
        """The newest entry's number and MAC (None for an empty log)."""
        row = self._store.db.one("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        return AuditAnchor(row["id"], row["hash"]) if row else None

    def _holds(self, anchor: AuditAnchor) -> bool:
        return self._store.db.scalar("SELECT hash FROM audit_log WHERE id = ?", (anchor.sequence,)) == anchor.head

    def write_anchor(self) -> AuditAnchor | None:
        """Write the log's head into the key file; returns it, or None when nothing was written.

        Run at the natural moments (store creation, first open after the upgrade, backup, day close,
        passphrase change, close). An anchor the log no longer matches (entries cut off or rewritten) is
        evidence and is never overwritten. The database's write lock is held meanwhile, so two processes
        never rewrite the key file at once (a passphrase change is never lost to an anchor update).
        """
        store = self._store
        if store.directory is None or store.db.audit_key is None:
            return None
        with store.db.transaction():
            head = self.head()
            if head is None:
                return None
            key_file = keys.read_key_file(store.directory)
            old = key_file.audit_anchor
            if old == head:
                return head
            if old is not None and not self._holds(old):
                return None
            keys.write_key_file(store.directory, replace(key_file, audit_anchor=head))
        return head

    def anchors(self) -> list[SourcedAnchor]:
        """The anchors found without being told where: the key file's and the latest backup's (its manifest)."""
        from pharmadesk.core.backup import latest_backup_anchor

        store = self._store
        found = []
        if store.directory is not None:
            try:
                anchor = keys.read_key_file(store.directory).audit_anchor
            except PharmaDeskError:
                anchor = None
            if anchor is not None:
                found.append(SourcedAnchor(anchor, "the key file"))
            backup = latest_backup_anchor(Path(store.directory), store.store_id)
            if backup is not None:
                found.append(backup)
        return found

    def verify(self, anchors: Iterable[SourcedAnchor] = ()) -> list[AuditProblem]:
        """Every finding about the log; an empty list means it is intact, in place and complete.

        Checks the MAC chain, the append-only triggers, that the log starts with the store's creation,
        the record of the upgrade to the keyed chain, and the log's length and head against the key
        file's anchor, the latest backup's and ``anchors`` (from a given backup or head-office bundle).
        """
        db = self._store.db
        problems = self._trigger_problems()
        if db.audit_key is None:
            return problems + [AuditProblem(0, "the MAC chain cannot be checked without the store's key")]
        rows = db.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY id").fetchall()
        key = db.audit_key
        problems += _walk(rows, lambda *entry: entry_mac(key, *entry))
        problems += self._start_problems(rows)
        problems += self._rechain_problems(rows)
        problems += self._anchor_problems(rows, [*self.anchors(), *anchors])
        return problems

    def _trigger_problems(self) -> list[AuditProblem]:
        found = {name: sql for name, sql in self._store.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")}
        problems = []
        for name, expected in APPEND_ONLY_TRIGGERS.items():
            if name not in found:
                problems.append(AuditProblem(0, f"the trigger {name} that keeps the log append-only is missing"))
            elif " ".join(found[name].split()) != " ".join(expected.split()):
                problems.append(AuditProblem(0, f"the trigger {name} that keeps the log append-only was changed"))
        for name in sorted(set(found) - set(APPEND_ONLY_TRIGGERS)):
            problems.append(AuditProblem(0, f"an unexpected trigger {name} is on the audit log"))
        return problems

    @staticmethod
    def _start_problems(rows) -> list[AuditProblem]:
        """The log starts with the store's creation: ``store.create`` as entry 1 or, in stores made before
        issue 17, as entry 2 right after the owner's ``user.create``."""
        if not rows:
            return [AuditProblem(0, "the log is empty: the store's creation entry #1 and all after it are missing")]
        actions = [row[3] for row in rows[:2]]
        ids = [row[0] for row in rows[:2]]
        if (ids[:1] == [1] and actions[0] == CREATION_ACTION) or (
                ids == [1, 2] and actions == ["user.create", CREATION_ACTION]):
            return []
        return [AuditProblem(rows[0][0], "the log does not start with the store's creation entry (#1)")]

    @staticmethod
    def _rechain_problems(rows) -> list[AuditProblem]:
        problems = []
        for row in rows:
            if row[3] != RECHAIN_ACTION:
                continue
            details = json.loads(row[6] or "{}")
            if details.get("old_chain") != "intact":
                problems.append(AuditProblem(row[0], (
                    f"when the log was re-chained under the store's key, the old hash chain was already broken "
                    f"({details.get('old_problems')} problem(s), first at entry #{details.get('first_problem')})")))
        return problems

    @staticmethod
    def _anchor_problems(rows, anchors: list[SourcedAnchor]) -> list[AuditProblem]:
        macs = {row[0]: row[8] for row in rows}
        last = rows[-1][0] if rows else 0
        problems = []
        beyond = [a for a in anchors if a.anchor.sequence > last]
        if beyond:
            newest = max(beyond, key=lambda a: a.anchor.sequence)
            problems.append(AuditProblem(newest.anchor.sequence, (
                f"entries after #{last} are missing: {newest.source} records entry "
                f"#{newest.anchor.sequence}")))
        for sourced in anchors:
            sequence, head = sourced.anchor.sequence, sourced.anchor.head
            if sequence in macs and not hmac.compare_digest(macs[sequence], head):
                problems.append(AuditProblem(sequence, (
                    f"entry #{sequence} is not the one {sourced.source} records: the log was rewritten")))
        return problems

    def entries(self, limit: int = 200, action: str | None = None) -> list[dict]:
        self._store.require(Action.VIEW_AUDIT)
        if action:
            return self._store.db.all(
                "SELECT id, at, user_id, action, entity, entity_id, details FROM audit_log "
                "WHERE action = ? ORDER BY id DESC LIMIT ?", (action, limit))
        return self._store.db.all(
            "SELECT id, at, user_id, action, entity, entity_id, details FROM audit_log ORDER BY id DESC LIMIT ?",
            (limit,))
