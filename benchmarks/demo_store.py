"""What the benchmark scripts share: opening a built demo store as one of its users, the day after its last
sale, and the process's peak memory."""

from __future__ import annotations

import resource
from datetime import date, timedelta

from pharmadesk.core.store import Store
from pharmadesk.demo.build import DEMO_PASSPHRASE, DEMO_USERS


def open_demo_store(directory, user: str = "owner", health_check: bool = True) -> Store:
    """The demo store in ``directory`` (a copy, for anything that writes), logged in as ``user``."""
    store = Store.open(directory, passphrase=DEMO_PASSPHRASE, use_keyring=False, health_check=health_check)
    store.login(user, DEMO_USERS[user][2])
    return store


def day_after_last_sale(store: Store) -> date:
    """The as-of date that sees the whole history of a demo store built some days ago."""
    return date.fromisoformat(store.db.scalar("SELECT max(at) FROM sales")[:10]) + timedelta(days=1)


def rss_mb() -> float:
    """Peak resident memory of this process, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
