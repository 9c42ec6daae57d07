"""Help → About, the application icon and high-DPI policy, and the crash handler: an exception in a slot
or a thread is logged (redacted) and shown, while the main window and the current sale stay as they were."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QTimer

import pharmadesk
from pharmadesk.logs import setup_logging, stop_logging
from pharmadesk.ui.about_dialog import AboutDialog
from pharmadesk.ui.crash import CrashDialog, crash_message, install_excepthook
from pharmadesk.ui.help_dialog import shortcut_rows
from pharmadesk.ui.icons import APP_ICON_PNG, APP_ICON_SVG, app_icon
from tests.ui.test_till import PARACETAMOL, scan


def test_about_shows_the_versions_and_folders(make_window, tmp_path):
    window, store, driver = make_window("owner")
    window.exec_dialog = driver
    seen = []
    driver.expect(AboutDialog, lambda dialog: seen.append(dialog.text()) or True)
    window.about_action.trigger()
    assert seen, "the About dialog was not shown"
    text = seen[0]
    assert f"Version: {pharmadesk.__version__}" in text
    assert f"Store id: {store.store_id}" in text
    assert "SQLCipher: 4." in text
    assert str(store.directory) in text
    assert window.about_action in window.help_menu.actions()
    rows = shortcut_rows(window)
    keys = [key for key, _text, _where in rows]
    assert "F1" in keys                                     # the shortcut list still works
    assert {key for key, _text, where in rows if where == "Payment"} == {"F1 … F7", "F9", "Enter"}


def test_icon_files_exist_and_load():
    assert APP_ICON_SVG.exists() and APP_ICON_PNG.exists() and APP_ICON_PNG.with_suffix(".ico").exists()
    icon = app_icon()
    assert not icon.isNull()
    assert not icon.pixmap(16, 16).isNull() and not icon.pixmap(256, 256).isNull()


def test_high_dpi_policy_is_set_before_the_application_exists():
    code = ("from PySide6.QtWidgets import QApplication\n"
            "from pharmadesk.ui.app import configure_high_dpi\n"
            "configure_high_dpi()\n"
            "app = QApplication([])\n"
            "print(QApplication.highDpiScaleFactorRoundingPolicy().name)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "PassThrough"


@pytest.fixture
def crash_setup(tmp_path):
    log_path = setup_logging(tmp_path / "logs")
    calls = []
    handler = install_excepthook(log_path, lambda details, path: calls.append((details, path)))
    yield log_path, calls
    handler.uninstall()
    stop_logging()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_keeps_the_window_and_the_sale(make_window, qtbot, crash_setup):
    log_path, calls = crash_setup
    window, store, _driver = make_window("cashier")
    till = window.till
    scan(qtbot, till, PARACETAMOL)
    member_id = store.members.register("Mei Wang", "13800138000")
    till.set_member(store.members.get(member_id))

    def broken_slot():
        raise RuntimeError("printer jammed for 13800138000")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    details, path = calls[0]
    assert path == log_path
    assert "RuntimeError" in details
    assert window.isVisible()
    assert till.model.rowCount() == 1 and till.member is not None       # the sale is kept
    text = log_path.read_text(encoding="utf-8")
    assert "Traceback" in text and "broken_slot" in text
    assert "Mei Wang" not in text and "13800138000" not in text


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_shown_on_the_gui_thread(qtbot, crash_setup):
    log_path, calls = crash_setup

    def work():
        raise ValueError("background failure")

    thread = threading.Thread(target=work, name="worker-x")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    assert "ValueError" in calls[0][0]
    assert "worker-x" in log_path.read_text(encoding="utf-8")


def test_crash_dialog_wording_and_copy(qtbot, tmp_path):
    dialog = CrashDialog("RuntimeError: x", tmp_path / "pharmadesk.log")
    qtbot.addWidget(dialog)
    assert "Your current sale is kept" in crash_message(tmp_path / "pharmadesk.log")
    dialog.copy_button.click()
    assert not dialog.result()                          # copying does not close it
    from PySide6.QtGui import QGuiApplication

    assert "RuntimeError: x" in QGuiApplication.clipboard().text()
    dialog.continue_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
