"""A second store handle for a worker thread: same user, same rules, its own connection."""

from __future__ import annotations

import threading

from pharmadesk.errors import PermissionDenied


def test_open_for_thread_runs_use_cases_as_the_same_user(open_store):
    store = open_store("owner")
    results = {}

    def work():
        handle = store.open_for_thread()
        try:
            results["user"] = handle.user.username
            results["supplier"] = handle.catalog.add_supplier("Thread Supplies")
        finally:
            handle.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert results["user"] == "owner"
    assert store.catalog.supplier(results["supplier"])["name"] == "Thread Supplies"


def test_the_thread_handle_keeps_the_role(open_store):
    cashier = open_store("cashier")
    errors = []

    def work():
        handle = cashier.open_for_thread()
        try:
            handle.catalog.add_supplier("Not allowed")
        except PermissionDenied as exc:
            errors.append(exc)
        finally:
            handle.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert len(errors) == 1
