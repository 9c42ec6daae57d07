"""What happens when something goes wrong: the traceback goes to the log (whose filter redacts phone
numbers, card numbers and e-mail addresses), and a dialog tells the clerk the current sale is kept,
what to do, and where the log is. The main window stays open; nothing is thrown away.

    install_excepthook(log_path)          # from app.run, after setup_logging()

Exceptions reach us from Qt slots (PySide6 hands them to ``sys.excepthook``) and from worker threads
(``threading.excepthook``; a QThread's ``run`` is guarded by TaskRunner already). The dialog is made
by ``dialog_factory(details, log_path)``; tests replace it so nothing blocks.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QThread, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout,
)

log = logging.getLogger("pharmadesk.crash")


def crash_message(log_path: Path | str) -> str:
    return QCoreApplication.translate(
        "CrashDialog",
        "Something went wrong. Your current sale is kept.\n\n"
        "What to do: press Continue and carry on. If it happens again, finish or park the sale, "
        "close PharmaDesk and start it again, and send the log to your support contact.\n\n"
        "The log is at {0}").format(log_path)


class CrashDialog(QDialog):
    """Continue closes only this dialog; Copy details copies the error and the log's place, and stays open."""

    def __init__(self, details: str, log_path: Path | str, parent=None) -> None:
        super().__init__(parent)
        self.details = details
        self.log_path = log_path
        self.setWindowTitle(self.tr("PharmaDesk — something went wrong"))
        layout = QVBoxLayout(self)
        message = QLabel(crash_message(log_path))
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message)
        text = QPlainTextEdit(details)
        text.setReadOnly(True)
        text.setMaximumHeight(120)
        layout.addWidget(text)
        buttons = QDialogButtonBox()
        self.continue_button = buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.details}\n{self.log_path}")


def show_crash_dialog(details: str, log_path: Path | str, parent=None) -> None:
    """The default dialog factory: a modal :class:`CrashDialog` over the active window."""
    CrashDialog(details, log_path, parent or QApplication.activeWindow()).exec()


class CrashHandler(QObject):
    """Logs uncaught exceptions and shows one dialog at a time on the GUI thread."""

    def __init__(self, log_path: Path | str, dialog_factory: Callable[[str, Path | str], None] = show_crash_dialog):
        super().__init__()
        self.log_path = log_path
        self.dialog_factory = dialog_factory
        self.pending: list[str] = []
        self._showing = False
        self._previous = (sys.excepthook, threading.excepthook)

    def handle(self, exc_type, exc, tb, thread_name: str | None = None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        where = f" in thread {thread_name}" if thread_name else ""
        log.error("uncaught %s%s", exc_type.__name__, where, exc_info=(exc_type, exc, tb))
        self.pending.append("".join(traceback.format_exception_only(exc_type, exc)).strip())
        app = QCoreApplication.instance()
        if app is not None and QThread.currentThread() is app.thread():
            self.show_pending()
        elif app is not None:
            QMetaObject.invokeMethod(self, "show_pending", Qt.ConnectionType.QueuedConnection)

    def _thread_hook(self, args) -> None:
        self.handle(args.exc_type, args.exc_value, args.exc_traceback,
                    args.thread.name if args.thread else None)

    @Slot()
    def show_pending(self) -> None:
        if self._showing or not self.pending:
            return
        self._showing = True
        try:
            while self.pending:
                details = "\n".join(self.pending)
                self.pending.clear()
                self.dialog_factory(details, self.log_path)
        finally:
            self._showing = False

    def install(self) -> "CrashHandler":
        sys.excepthook = self.handle
        threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous


def install_excepthook(log_path: Path | str, dialog_factory=show_crash_dialog) -> CrashHandler:
    """Install the handler for the GUI and Python threads; returns it (keep a reference)."""
    handler = CrashHandler(log_path, dialog_factory)
    if QCoreApplication.instance() is not None:
        handler.moveToThread(QCoreApplication.instance().thread())
    return handler.install()
