"""A small demo store for the analytics panes (300 members, half a year), and a window on it."""

from __future__ import annotations

import pytest

from pharmadesk.demo.build import DEMO_USERS, build_demo_store
from pharmadesk.ui.main_window import MainWindow
from pharmadesk.ui.panes import forget_all
from tests.ui.conftest import HOUR_MS

FAST_KDF = {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}


@pytest.fixture
def demo_store(tmp_path):
    forget_all()
    store = build_demo_store(tmp_path / "demo", members=300, years=0.5, seed=3, kdf=FAST_KDF)
    yield store
    forget_all()
    store.close()


@pytest.fixture
def demo_window(demo_store, qtbot):
    """Factory: role -> main window on the demo store with that demo user logged in."""

    def _make(role: str = "owner"):
        username = role
        demo_store.login(username, DEMO_USERS[username][2])
        window = MainWindow(demo_store, idle_ms=HOUR_MS)
        qtbot.addWidget(window)
        window.show()
        return window

    return _make


def open_pane(window, key: str, qtbot):
    """Show the pane and wait for its background computation."""
    window.show_page(key)
    pane = window.pages[key]
    qtbot.waitUntil(lambda: pane.result is not None, timeout=60_000)
    return pane
