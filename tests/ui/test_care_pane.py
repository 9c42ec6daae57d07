"""The care pane on a small demo store: computes in the background, lists exactly today's reminders,
records outcomes with one keystroke, caches its result, and stays hidden from cashiers."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import reminders
from tests.ui.panes_fixtures import demo_store, demo_window, open_pane  # noqa: F401 - fixtures


def _expected(store):
    as_of = store.today()
    return reminders.care_reminders(
        frames.care_fills(store, as_of), frames.care_members(store, as_of), frames.member_visit_days(store, as_of),
        frames.care_products(store), as_of, reminder_log=frames.care_reminder_log(store, as_of),
        store_name=store.settings.store_name)


def test_care_pane_lists_todays_reminders_and_records_an_outcome(demo_window, qtbot):
    window = demo_window("owner")
    store = window.store
    pane = open_pane(window, "care", qtbot)
    expected = _expected(store)
    assert len(expected) > 0
    assert pane.table.model.rowCount() == len(expected)
    assert sorted(r["kind"] for r in pane.rows()) == sorted(expected["kind"])
    first = pane.table.current()
    assert first is not None and pane.script.toPlainText() == first["script"]

    before = store.db.scalar("SELECT count(*) FROM care_reminder_outcomes")
    issued_before = store.db.scalar("SELECT count(*) FROM care_reminders")     # the demo's own care history
    pane.table.view.setFocus()
    qtbot.keyClick(pane.table.view, Qt.Key.Key_1)
    assert store.db.scalar("SELECT count(*) FROM care_reminder_outcomes") == before + 1
    outcome = store.db.one("SELECT o.outcome, r.member_id, r.kind FROM care_reminder_outcomes o "
                           "JOIN care_reminders r ON r.id = o.reminder_id ORDER BY o.id DESC LIMIT 1")
    assert outcome == {"outcome": "called", "member_id": first["member_id"], "kind": first["kind"]}
    assert first["outcome"] == "called" and first["reminder_id"] is not None

    # a second outcome on the same reminder is recorded against the same reminder (not issued twice)
    assert pane.table.select(lambda r: r is first)
    assert pane.record_outcome("refilled") is not None
    assert store.db.scalar("SELECT count(*) FROM care_reminders") == issued_before + 1


def test_care_pane_uses_its_cache_until_a_sale_arrives(demo_window, qtbot):
    window = demo_window("pharmacist")
    pane = open_pane(window, "care", qtbot)
    runner = pane.runner
    pane.result = None
    pane.refresh()                                   # same day, same last sale: from the cache
    assert pane.runner is runner and pane.result is not None


def test_cashier_does_not_see_the_panes_and_pharmacist_sees_only_care(demo_window):
    cashier = demo_window("cashier")
    assert "care" not in cashier.nav_keys() and "reorder" not in cashier.nav_keys()
    assert "care" not in cashier.pages and "reorder" not in cashier.pages
    pharmacist = demo_window("pharmacist")
    assert "care" in pharmacist.nav_keys() and "reorder" not in pharmacist.nav_keys()


def test_a_care_pane_made_later_shows_the_outcomes_already_recorded(demo_window, qtbot):
    """After the next login the pane is made anew from the cached result: the outcomes recorded on the
    reminders stay on them, so nobody calls the same member twice."""
    from pharmadesk.ui.panes.care_pane import CarePane

    window = demo_window("pharmacist")
    pane = open_pane(window, "care", qtbot)
    first = pane.table.current()
    pane.table.view.setFocus()
    qtbot.keyClick(pane.table.view, Qt.Key.Key_2)
    assert first["outcome"] == "no_answer"

    later = CarePane(window.store)
    qtbot.addWidget(later)
    later.refresh()                                  # same day, same last sale: the cached result
    assert later.runner is None and later.result is pane.result
    shown = [r for r in later.rows() if r["member_id"] == first["member_id"] and r["kind"] == first["kind"]]
    assert shown and shown[0]["outcome"] == "no_answer" and shown[0]["reminder_id"] == first["reminder_id"]
