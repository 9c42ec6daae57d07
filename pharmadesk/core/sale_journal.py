"""The last sale the till confirmed, noted beside the database so that sales lost with the database's
journal are noticed when the store opens again.

A confirmed sale is durable in the ``-wal`` file first. If that file is deleted while the till runs and
the till then stops before a checkpoint, those sales are gone from the database without a trace in it.
This note (``last-sale.json``: the store id and a receipt number, no personal data) is written after
every committed sale; :func:`missing_sale` compares it with the database when the store opens.

The note is written without an fsync: it only needs to survive the program being killed (the operating
system keeps the write), and after a power cut it is at worst older than the database, never newer, so it
never raises a false alarm. A restore starts a fresh store folder without a note.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from pharmadesk.paths import PRIVATE_FILE_MODE

FILE_NAME = "last-sale.json"


def note(store_dir: Path, store_id: str, receipt_no: str) -> None:
    """Record ``receipt_no`` as the latest sale this store confirmed (called after its commit)."""
    data = json.dumps({"store_id": store_id, "receipt_no": receipt_no}).encode("ascii")
    fd = os.open(Path(store_dir) / FILE_NAME, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                 PRIVATE_FILE_MODE)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def last_noted(store_dir: Path, store_id: str) -> str | None:
    """The receipt number noted for ``store_id``, or None (no note, an unreadable one, another store's)."""
    with contextlib.suppress(OSError, ValueError):
        data = json.loads((Path(store_dir) / FILE_NAME).read_text(encoding="ascii"))
        if isinstance(data, dict) and data.get("store_id") == store_id and isinstance(data.get("receipt_no"), str):
            return data["receipt_no"]
    return None


def missing_sale(db, store_dir: Path, store_id: str) -> str | None:
    """The noted receipt number when the database does not hold that sale (confirmed sales were lost), else None."""
    receipt_no = last_noted(store_dir, store_id)
    if receipt_no is None or db.scalar("SELECT 1 FROM sales WHERE receipt_no = ?", (receipt_no,)):
        return None
    return receipt_no
