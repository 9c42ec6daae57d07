"""Where PharmaDesk keeps things on this PC (platformdirs: the right folders on Windows, macOS and Linux)."""

from __future__ import annotations

import importlib.resources
import os
import stat
from pathlib import Path

import platformdirs

APP_NAME = "PharmaDesk"


def _resources_dir() -> Path:
    """Installed: the ``pharmadesk.resources`` package; from a source checkout: the top-level resources/."""
    try:
        return Path(str(importlib.resources.files("pharmadesk.resources")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[1] / "resources"


RESOURCES = _resources_dir()        # the program's own files: translations, style sheet, icons


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_store_dir() -> Path:
    """The store a fresh installation creates and opens."""
    return data_dir() / "store"


def demo_store_dir() -> Path:
    """The demo store `pharmadesk --demo` builds on first use, apart from any real store."""
    return data_dir() / "demo-store"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


# -- files only this PC's user may read ------------------------------------------------------------------------

PRIVATE_FILE_MODE = 0o600      # the store, its key, journals, backups, logs, reports and exports
PRIVATE_DIR_MODE = 0o700       # the folders holding them


def make_private(*paths: Path | str) -> None:
    """Let only the owner of the process read ``paths``: files 0600, folders 0700, whatever the umask was.

    Windows keeps access in ACLs (a user's profile folder is private already), so this does nothing there;
    a file system without Unix modes (a FAT USB drive) or a missing path is left as it is.
    """
    if os.name == "nt":
        return
    for path in paths:
        try:
            os.chmod(path, PRIVATE_DIR_MODE if stat.S_ISDIR(os.stat(path).st_mode) else PRIVATE_FILE_MODE)
        except OSError:
            pass


def private_folder(path: Path | str) -> Path:
    """Create ``path`` (and its missing parents) if needed and make it private; returns it."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    make_private(path)
    return path
