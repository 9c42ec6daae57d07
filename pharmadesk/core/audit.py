"""The audit log: append-only and hash-chained, so a changed or deleted entry is detected.

Each entry's hash is SHA-256 over the previous hash and the entry's canonical JSON.
Entries are written in the same transaction as the change they describe. Details
never hold personal data: ids and amounts only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import to_iso

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

GENESIS = "0" * 64


def _entry_hash(prev_hash: str, entry_id: int, at: str, user_id, action: str, entity, entity_id, details: str) -> str:
    canonical = json.dumps(
        [entry_id, at, user_id, action, entity, entity_id, details], separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditProblem:
    entry_id: int
    reason: str


class Audit:
    """Write and verify the audit chain."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def record(self, event: str, entity: str | None = None, entity_id=None, user_id=None, **details) -> int:
        """Append an entry for ``event``; call inside the transaction of the change it describes.

        ``details`` are ids and amounts only, never personal data.
        """
        db = self._store.db
        if user_id is None and self._store.user is not None:
            user_id = self._store.user.id
        last = db.one("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        prev_hash = last["hash"] if last else GENESIS
        entry_id = (last["id"] if last else 0) + 1
        at = to_iso(self._store.now())
        entity_id = None if entity_id is None else str(entity_id)
        details_json = json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
        digest = _entry_hash(prev_hash, entry_id, at, user_id, event, entity, entity_id, details_json)
        with db.transaction():
            db.insert(
                "audit_log",
                {
                    "id": entry_id, "at": at, "user_id": user_id, "action": event, "entity": entity,
                    "entity_id": entity_id, "details": details_json, "prev_hash": prev_hash, "hash": digest,
                },
            )
        return entry_id

    def verify(self) -> list[AuditProblem]:
        """Walk the chain from the start; an empty list means every entry is intact and in place."""
        problems: list[AuditProblem] = []
        prev_hash = GENESIS
        expected_id = 1
        cur = self._store.db.execute(
            "SELECT id, at, user_id, action, entity, entity_id, details, prev_hash, hash FROM audit_log ORDER BY id"
        )
        for row in cur:
            entry_id, at, user_id, action, entity, entity_id, details, stored_prev, stored_hash = row
            if entry_id != expected_id:
                problems.append(AuditProblem(entry_id, f"entries {expected_id}..{entry_id - 1} are missing"))
            if stored_prev != prev_hash:
                problems.append(AuditProblem(entry_id, "does not follow the previous entry"))
            if _entry_hash(stored_prev, entry_id, at, user_id, action, entity, entity_id, details) != stored_hash:
                problems.append(AuditProblem(entry_id, "content was changed"))
            prev_hash = stored_hash
            expected_id = entry_id + 1
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
