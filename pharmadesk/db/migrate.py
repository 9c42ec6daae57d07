"""Numbered schema migrations, applied in order inside one transaction each.

The schema version is SQLite's ``user_version``. Migration files live in
``pharmadesk/db/migrations/NNNN_name.sql``; a store at version N gets every file
numbered above N, each committed with its new version or not at all.
"""

from __future__ import annotations

import re
from importlib import resources

from pharmadesk.db.connection import Database
from pharmadesk.errors import QT_TRANSLATE_NOOP, StoreCorrupt

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available_migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every bundled migration, in order."""
    found = []
    for entry in resources.files("pharmadesk.db.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migration numbers must run 1..N without gaps, found {versions}")
    return found


def latest_version() -> int:
    return len(available_migrations())


def schema_version(db: Database) -> int:
    return db.scalar("PRAGMA user_version")


def migrate(db: Database, target: int | None = None) -> list[int]:
    """Bring the schema up to ``target`` (default: latest); return the versions applied."""
    current = schema_version(db)
    target = latest_version() if target is None else target
    if current > latest_version():
        raise StoreCorrupt(
            QT_TRANSLATE_NOOP(
                "errors", "This store was made by a newer PharmaDesk (schema {found}). Please update the program."
            ),
            found=current,
        )
    applied = []
    for version, _name, sql in available_migrations():
        if current < version <= target:
            # executescript commits any open transaction first, so the script brings its own.
            try:
                db.conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;")
            except Exception:
                if db.conn.in_transaction:
                    db.conn.execute("ROLLBACK")
                raise
            applied.append(version)
    return applied
