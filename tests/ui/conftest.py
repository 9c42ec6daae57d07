"""UI fixtures: a main window on the real test store, and a dialog driver instead of blocking exec()."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from pharmadesk.ui.main_window import MainWindow

HOUR_MS = 60 * 60 * 1000


def accepted(dialog: QDialog) -> bool:
    """Press OK the way the keyboard would, and report whether the dialog really closed accepted."""
    dialog.accept()
    return dialog.result() == QDialog.DialogCode.Accepted


class DialogDriver:
    """Stands in for ``page.exec_dialog``: each dialog is handed to the next handler expecting its type.

    A handler fills the dialog's fields and returns True (accepted) or False. Dialogs nobody
    expects (the receipt preview) are recorded and closed.
    """

    def __init__(self) -> None:
        self.handlers: list[tuple[type, object]] = []
        self.seen: list[QDialog] = []

    def expect(self, dialog_type: type, handler) -> None:
        self.handlers.append((dialog_type, handler))

    def __call__(self, dialog: QDialog) -> bool:
        self.seen.append(dialog)
        for i, (dialog_type, handler) in enumerate(self.handlers):
            if isinstance(dialog, dialog_type):
                del self.handlers[i]
                return bool(handler(dialog))
        dialog.reject()
        return False

    def of_type(self, dialog_type: type) -> list[QDialog]:
        return [d for d in self.seen if isinstance(d, dialog_type)]


@pytest.fixture
def make_window(open_store, qtbot):
    """Factory: (role, idle_ms) -> (window, store, driver); every dialog of every page goes to the driver."""

    def _make(role: str = "cashier", idle_ms: int = HOUR_MS):
        store = open_store(role)
        window = MainWindow(store, idle_ms=idle_ms)
        qtbot.addWidget(window)
        window.show()                      # shortcuts (F3, F12...) only fire in the active window
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        # pytest-qt closes the window after the test: a sale left in the till must not open the (modal)
        # close warning then. Tests of that warning put MainWindow.confirm_close back.
        window.confirm_close = lambda pending: True
        driver = DialogDriver()
        for page in window.pages.values():
            if hasattr(page, "exec_dialog"):
                page.exec_dialog = driver
        return window, store, driver

    return _make
