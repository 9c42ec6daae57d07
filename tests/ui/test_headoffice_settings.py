"""Settings → Head-office export: folder, schedule, "Export now" in a worker, last export shown; and the
scheduled export after a day close, off the GUI thread."""

from __future__ import annotations

import json

from pharmadesk.headoffice import bundle as fmt
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.ui.settings_dialog import SettingsDialog


def _keys(store, tmp_path):
    _private, public = fmt.new_hq_key()
    (tmp_path / "hq.pub").write_text(json.dumps({"public_key": public.hex()}))
    store.headoffice.setup_keys(tmp_path / "keys")
    store.headoffice.trust_hq(tmp_path / "hq.pub")


def test_export_now_runs_in_a_worker_and_shows_the_last_export(make_window, qtbot, tmp_path, ids):
    window, store, _ = make_window("owner")
    _keys(store, tmp_path)
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250, tendered=1250)])
    dialog = SettingsDialog(store, window)
    qtbot.addWidget(dialog)
    assert dialog.last_export.text() == "Last export: never"
    assert dialog.export_button.isEnabled()
    dialog.headoffice_dir.setText(str(tmp_path / "hq-out"))
    dialog.headoffice_schedule.setCurrentIndex(dialog.headoffice_schedule.findData("day_close"))
    dialog.export_now()
    assert dialog.runner.isRunning() or dialog.runner.done
    qtbot.waitUntil(lambda: dialog.runner.done and dialog.export_button.isEnabled(), timeout=60_000)
    assert dialog.runner.error is None, dialog.runner.error
    assert dialog.runner.result.path.parent == tmp_path / "hq-out"
    assert "Head-office bundle 1 saved" in dialog.message.text()
    qtbot.waitUntil(lambda: dialog.last_export.text().startswith("Last export: 20"), timeout=5000)
    assert "(bundle 1)" in dialog.last_export.text()
    assert dialog.save()
    assert store.settings.headoffice_dir == str(tmp_path / "hq-out")
    assert store.settings.headoffice_schedule == "day_close"


def test_export_now_without_a_folder_says_so(make_window, qtbot):
    window, store, _ = make_window("owner")
    dialog = SettingsDialog(store, window)
    qtbot.addWidget(dialog)
    dialog.export_now()
    assert dialog.runner is None and "folder" in dialog.message.text()


def test_day_close_runs_the_scheduled_export_in_a_worker(make_window, qtbot, ids, tmp_path):
    window, store, _ = make_window("owner")
    _keys(store, tmp_path)
    store.set_setting("headoffice_dir", str(tmp_path / "hq-out"))
    store.set_setting("headoffice_schedule", "day_close")
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250, tendered=1250)])
    page = window.pages["day_close"]
    page.exec_dialog = lambda dialog: True          # the confirmation: Close the day
    page.counted_cash.setText("12.50")
    page.close_day()
    assert store.db.scalar("SELECT count(*) FROM day_closes") == 1
    qtbot.waitUntil(lambda: page.export_outcome is not None, timeout=60_000)
    assert page.export_outcome["ok"] is True and page.export_outcome["sequence"] == 1
    assert "Head-office bundle 1 saved" in page.export_message.text()
    assert store.headoffice.last_export()["sequence"] == 1


def test_the_daily_schedule_exports_from_the_main_window_once_a_day(make_window, qtbot, tmp_path, clock, ids):
    window, store, _ = make_window("owner")
    _keys(store, tmp_path)
    store.set_setting("headoffice_dir", str(tmp_path / "daily"))
    assert window.run_daily_export() is False                        # schedule still "off"
    store.set_setting("headoffice_schedule", "daily")
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250, tendered=1250)])
    assert window.run_daily_export() is True
    qtbot.waitUntil(lambda: window.headoffice_runner is None, timeout=60_000)
    assert store.db.scalar("SELECT count(*) FROM export_log") == 1
    assert window.run_daily_export() is False                        # not due again the same day
    clock.advance(days=1, hours=1)
    assert window.run_daily_export() is True
    qtbot.waitUntil(lambda: window.headoffice_runner is None, timeout=60_000)
    assert store.db.scalar("SELECT count(*) FROM export_log") == 2
