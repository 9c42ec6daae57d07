"""Writing files so that a power cut leaves the old version or the new one, never a torn one.

Shared by backups, restores and head-office bundles: write and fsync each file, then fsync the folder
after a rename so the rename itself survives. A folder being built (an unfinished backup, a restore's
staging copy) is *claimed* while it is built, so the next run can tell the leftovers of a crash from
work another process is still doing.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from pharmadesk.paths import PRIVATE_FILE_MODE, make_private

CLAIM_FILE_NAME = ".in-use"
UNCLAIMED_STALE_SECONDS = 3600      # a folder without a claim (older versions, or the instant before the
                                    # claim is taken or after it is given up) is a leftover only after this


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
    """Write ``data`` to ``path`` (readable by this user only) and wait until it is on the disk."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
    with open(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    make_private(path)          # also when the file was there before with wider rights


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


# -- folders being built: who is still working on them ----------------------------------------------------------


def _try_lock(fd: int) -> bool:
    """Take an exclusive lock on the open file ``fd`` without waiting; False when someone holds it.

    The operating system drops the lock when its process ends, however it ends (SIGKILL, power cut).
    """
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class Claim:
    """A lock on ``folder``/.in-use, held until :meth:`release`: :func:`abandoned` is False for the folder meanwhile.

    Release it before renaming or deleting the folder (Windows renames no folder with an open file in it);
    the claim file goes with the release.
    """

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / CLAIM_FILE_NAME
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        if not _try_lock(self._fd):
            self.release()
            raise OSError(f"{folder} is in use by another process")

    def release(self) -> None:
        if self._fd is None:
            return
        os.close(self._fd)          # gives up the lock
        self._fd = None
        with contextlib.suppress(OSError):
            self.path.unlink()


def abandoned(folder: Path, now: float | None = None) -> bool:
    """Whether ``folder`` is a leftover no process is working on: its claim is free (the process that built
    it is gone), or it has no claim and was last changed over an hour ago."""
    path = Path(folder) / CLAIM_FILE_NAME
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        try:
            age = (time.time() if now is None else now) - Path(folder).stat().st_mtime
        except OSError:
            return False
        return age > UNCLAIMED_STALE_SECONDS
    except OSError:
        return False
    try:
        return _try_lock(fd)
    finally:
        os.close(fd)
