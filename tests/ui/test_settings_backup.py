"""Settings dialog, "Back up now" in a worker thread, the status bar's last backup, the day close's
backup off the GUI thread, and receipts sent to an ESC/POS device."""

from __future__ import annotations

import pytest

from pharmadesk.errors import PermissionDenied
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.ui.settings_dialog import SettingsDialog
from pharmadesk.reports import escpos
from pharmadesk.reports.receipt import receipt_lines
from pharmadesk.ui.till.receipt_dialog import ReceiptDialog


def test_settings_are_saved_through_the_store(make_window, qtbot, store):
    window, store, _ = make_window("owner")
    dialog = SettingsDialog(store, window)
    qtbot.addWidget(dialog)
    dialog.idle_minutes.setValue(12)
    dialog.receipt_header.setPlainText("人民路 1 号 · 电话 0571-1234567")
    dialog.escpos_target.setText("192.168.1.50:9100")
    assert dialog.save()
    assert store.settings.idle_lock_minutes == 12
    assert store.settings.receipt_header == "人民路 1 号 · 电话 0571-1234567"
    assert store.settings.escpos_target == "192.168.1.50:9100"
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'setting.change'") == 3


def test_the_reorder_service_level_per_category_is_a_setting_in_the_dialog(make_window, qtbot, store):
    from pharmadesk.core.catalog import CATEGORIES

    window, store, _ = make_window("owner")
    dialog = SettingsDialog(store, window)
    qtbot.addWidget(dialog)
    assert set(dialog.service_levels) == {f"service_level_{c}_pct" for c in CATEGORIES}
    assert dialog.service_levels["service_level_chronic_pct"].value() == 98
    assert dialog.service_levels["service_level_otc_pct"].value() == 95
    dialog.service_levels["service_level_otc_pct"].setValue(90)
    assert dialog.save()
    assert store.settings.service_levels()["otc"] == 0.90 and store.settings.service_levels()["chronic"] == 0.98
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action = 'setting.change'") == 1


def test_the_store_validates_settings(store):
    from pharmadesk.errors import ValidationError

    with pytest.raises(ValidationError):
        store.set_setting("language", "klingon")
    with pytest.raises(ValidationError):
        store.set_setting("idle_lock_minutes", "0")
    store.set_setting("language", "zh_CN")
    assert store.settings.language == "zh_CN"


def test_only_the_owner_sees_settings(make_window, open_store):
    window, store, _ = make_window("cashier")
    assert not window.settings_action.isVisible()
    with pytest.raises(PermissionDenied):
        store.set_setting("receipt_header", "x")


def test_back_up_now_runs_in_a_worker_and_updates_the_status_bar(make_window, qtbot, tmp_path):
    window, store, _ = make_window("owner")
    assert window.backup_label.text() == "Last backup: never"
    assert window.backup_label.property("warning") is True
    dialog = SettingsDialog(store, window)
    qtbot.addWidget(dialog)
    dialog.backupFinished.connect(window.refresh_backup_status)
    dialog.backup_dir.setText(str(tmp_path / "backups"))
    (tmp_path / "backups").mkdir()
    dialog.back_up_now()
    assert dialog.runner.isRunning() or dialog.runner.done      # a QThread: the GUI thread is not blocked
    with qtbot.waitSignal(dialog.backupFinished, timeout=30_000):
        pass
    assert dialog.runner.error is None and dialog.runner.result is not None
    assert dialog.runner.result.path.parent == tmp_path / "backups"
    assert dialog.runner.result.path.is_dir()
    assert "Backup saved" in dialog.message.text()
    assert store.backups.last() is not None
    assert window.backup_label.text().startswith("Last backup: 20")
    assert window.backup_label.property("warning") is False


def test_cancelled_backup_keeps_nothing(make_window, qtbot, tmp_path):
    window, store, _ = make_window("owner")
    dialog = SettingsDialog(store, window)
    qtbot.addWidget(dialog)
    folder = tmp_path / "backups"
    folder.mkdir()
    dialog.backup_dir.setText(str(folder))
    dialog.back_up_now()
    dialog.runner.cancel()
    with qtbot.waitSignal(dialog.backupFinished, timeout=30_000):
        pass
    assert dialog.runner.was_cancelled
    assert list(folder.iterdir()) == []
    assert store.backups.last() is None


def test_old_backup_is_a_warning(make_window, clock, tmp_path):
    window, store, _ = make_window("owner")
    (tmp_path / "backups").mkdir()
    store.backups.run(tmp_path / "backups")
    window.refresh_backup_status()
    assert window.backup_label.property("warning") is False
    clock.advance(days=3)
    window.refresh_backup_status()
    assert window.backup_label.property("warning") is True


def test_day_close_shows_the_z_report_before_the_backup(make_window, qtbot, ids, tmp_path):
    window, store, _ = make_window("owner")
    store.set_setting("backup_dir", str(tmp_path / "backups"))
    store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250, tendered=1250)])
    page = window.pages["day_close"]
    page.exec_dialog = lambda dialog: True          # the confirmation: Close the day
    page.counted_cash.setText("12.50")
    page.close_day()
    # The day is closed and the Z report shown while the backup has not finished on this thread yet.
    assert "Z report" in page.report.toPlainText()
    assert store.db.scalar("SELECT count(*) FROM day_closes") == 1
    assert "backup" not in page.last_report.after_close
    assert page.backup_runner is not None and not page.z_button.isEnabled()
    qtbot.waitUntil(lambda: page.backup_outcome is not None, timeout=30_000)
    assert page.backup_outcome["ok"] is True
    assert "Backup saved" in page.backup_message.text()
    qtbot.waitUntil(page.z_button.isEnabled, timeout=5000)
    assert store.backups.last()["trigger"] == "day_close"
    assert window.backup_label.property("warning") is False


def test_day_close_without_a_backup_folder_runs_no_worker(make_window):
    window, store, _ = make_window("owner")
    page = window.pages["day_close"]
    page.exec_dialog = lambda dialog: True          # the confirmation: Close the day
    page.counted_cash.setText("0")
    page.close_day()
    assert page.last_report is not None and page.backup_runner is None


def test_receipt_goes_to_the_escpos_device(make_window, ids, tmp_path):
    window, store, _ = make_window("owner")
    device = tmp_path / "lp0"
    store.set_setting("escpos_target", str(device))
    store.set_setting("receipt_header", "人民路 1 号")
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("card", 1250, reference="TERM-0001")])
    dialog = ReceiptDialog(store, sale.receipt_no, window)
    assert dialog.print_receipt()
    lines = receipt_lines(store, sale.receipt_no)
    assert device.read_bytes() == escpos.escpos_bytes(lines)
    assert "人民路 1 号".encode("gb18030") in device.read_bytes()
    assert "人民路 1 号" in dialog.view.toPlainText()         # the preview shows the header too
    assert all(escpos.text_width(line) <= escpos.DEFAULT_WIDTH for line in lines)


def test_unreachable_escpos_printer_is_reported(make_window, ids):
    window, store, _ = make_window("owner")
    store.set_setting("escpos_target", "127.0.0.1:1")
    sale = store.sales.sell([CartLine(ids.otc, 1)], [Payment("card", 1250, reference="TERM-0001")])
    dialog = ReceiptDialog(store, sale.receipt_no, window)
    assert not dialog.print_receipt()
    assert "did not answer" in dialog.message.text()
