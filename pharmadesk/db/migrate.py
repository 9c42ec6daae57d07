"""Numbered schema migrations, applied in order inside one transaction each.

The schema version is SQLite's ``user_version``. Migration files live in
``pharmadesk/db/migrations/NNNN_name.sql``; a store at version N gets every file
numbered above N, each committed with its new version or not at all.

A migration that needs more than SQL (text only Python can compute, such as the pinyin of a product
name) names a step in a line ``-- python-step: NAME``. The layer that owns that knowledge registers the
step with :func:`register_step`; it runs inside the migration's transaction, after the SQL, so the schema
and its filled data commit together. This module knows step names only, nothing about what they do.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Callable

from pharmadesk.db.connection import Database
from pharmadesk.errors import QT_TRANSLATE_NOOP, StoreCorrupt

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
_STEP = re.compile(r"^-- python-step: ([a-z0-9_]+)\s*$", re.MULTILINE)
_steps: dict[str, Callable[[Database], None]] = {}


def register_step(name: str, step: Callable[[Database], None]) -> None:
    """Let migrations that say ``-- python-step: name`` run ``step(db)`` inside their transaction.

    The step writes with ``db.execute`` (not ``db.transaction``: the migration's transaction is open).
    """
    _steps[name] = step


def steps_of(sql: str) -> list[str]:
    """The Python steps a migration's SQL asks for, in order."""
    return _STEP.findall(sql)


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
    for version, name, sql in available_migrations():
        if current < version <= target:
            steps = steps_of(sql)
            missing = [step for step in steps if step not in _steps]
            if missing:     # a programming error: the module that owns the step was not imported
                raise RuntimeError(f"migration {name} needs the Python step(s) {missing}; none is registered")
            # executescript commits any open transaction first, so the script brings its own; it stays open
            # for the Python steps, and the new version commits with them.
            try:
                db.conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\n")
                for step in steps:
                    _steps[step](db)
                db.conn.execute(f"PRAGMA user_version = {version}")
                db.conn.execute("COMMIT")
            except Exception:
                if db.conn.in_transaction:
                    db.conn.execute("ROLLBACK")
                raise
            applied.append(version)
    return applied
