"""Where PharmaDesk keeps things on this PC (platformdirs: the right folders on Windows, macOS and Linux)."""

from __future__ import annotations

import importlib.resources
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
