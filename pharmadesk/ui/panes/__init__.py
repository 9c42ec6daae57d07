"""Analytics panes for the owner and pharmacist: care, reorder, segments, value, campaigns, dashboard, reports.

Each pane computes in a worker thread (:class:`pharmadesk.ui.widgets.worker.TaskRunner`, a store handle
opened in the thread) by calling its analysis' job (:mod:`pharmadesk.analytics.jobs`), and caches the
result in memory per (store, as_of date, last sale id), so reopening a pane does not recompute until a
sale arrives.
"""

from __future__ import annotations

from typing import Any

_ROWS: dict[tuple, tuple[Any, list]] = {}
_CACHE: dict[tuple, Any] = {}


def cache_key(store, name: str) -> tuple:
    """(store directory, pane, as_of, last sale id): a new sale or a new day makes a new key."""
    from pharmadesk.analytics import frames

    return (str(store.directory), name, store.today(), frames.last_sale_id(store))


def cached(key: tuple) -> Any:
    return _CACHE.get(key)


def remember(key: tuple, value: Any) -> None:
    for old in [k for k in _CACHE if k[:2] == key[:2]]:      # one result per store and pane
        del _CACHE[old]
    _CACHE[key] = value


def editable_rows(key: tuple, result: Any, build) -> list[dict]:
    """The rows a pane shows for ``result`` and edits in place (outcomes recorded, quantities to order),
    kept beside the cached result, so a pane made later (after the next login) shows the same edits."""
    kept = _ROWS.get(key)
    if kept is None or kept[0] is not result:
        for old in [k for k in _ROWS if k[:2] == key[:2]]:      # one list per store and pane
            del _ROWS[old]
        kept = _ROWS[key] = (result, build(result))
    return kept[1]


def forget_all() -> None:
    _CACHE.clear()
    _ROWS.clear()


def warm_up() -> None:
    """Import the analytics stack in the GUI thread when an analytics page is made (at login), not in the
    first worker: a first import there (scipy, scikit-learn: ~0.6 s) stalls the till's event loop."""
    from pharmadesk.analytics import jobs  # noqa: F401 - imports every model the jobs run
