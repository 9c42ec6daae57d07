"""Where PharmaDesk keeps things on this PC (platformdirs: the right folders on Windows, macOS and Linux)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "PharmaDesk"


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
