"""Writing files so that a power cut leaves the old version or the new one, never a torn one.

Shared by backups and head-office bundles: write and fsync each file, then fsync the folder after
a rename so the rename itself survives.
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable."""
    if os.name == "nt":         # Windows cannot open a directory; its renames are durable on NTFS
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` and wait until it is on the disk."""
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def fsync_file(path: Path) -> None:
    """Flush a file someone else wrote (e.g. SQLite) to the disk."""
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` whole or not at all: write a temporary file beside it, fsync it, rename
    it over ``path`` and fsync the folder. A failure leaves no temporary file behind."""
    import tempfile

    path = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
