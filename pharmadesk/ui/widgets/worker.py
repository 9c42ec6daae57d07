"""Long work off the GUI thread, with a progress bar and a Cancel button.

    runner = TaskRunner(lambda progress: handle.imports.csv("products", path, progress=progress))
    panel.attach(runner); runner.start()

The task receives ``progress(fraction, message)``; once Cancel is pressed the next call raises
:class:`Cancelled`, which the domain's long use cases treat as "undo everything" (the importer
rolls its one transaction back). A task that needs the store runs on its own handle in the thread
(:func:`store_task`): SQLite connections belong to the thread that made them.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from pharmadesk.wording import render
from pharmadesk.errors import Cancelled  # noqa: F401 - raised from progress(); callers import it from here


class TaskRunner(QThread):
    """Runs ``task(progress)`` in a thread. Exactly one of succeeded / failed / cancelled is emitted."""

    progressed = Signal(float, object)   # the message: a str or a translatable pharmadesk.wording.Text
    succeeded = Signal(object)
    failed = Signal(object)       # the exception
    cancelled = Signal()

    def __init__(self, task: Callable[[Callable[[float, str], None]], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self._cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self.done = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def progress(self, fraction: float, message: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.progressed.emit(float(fraction), message)

    def run(self) -> None:
        try:
            if self._cancel.is_set():
                raise Cancelled()
            self.result = self.task(self.progress)
        except Cancelled:
            self.was_cancelled = True
            self.done = True
            self.cancelled.emit()
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user; a worker must not die silently
            self.error = exc
            self.done = True
            self.failed.emit(exc)
            return
        self.done = True
        self.succeeded.emit(self.result)


def store_task(store, work: Callable[[Any, Callable[[float, str], None]], Any]):
    """A task for :class:`TaskRunner` that runs ``work(handle, progress)`` on its own store handle, opened
    and closed in the worker thread (SQLite connections belong to the thread that made them)."""

    def task(progress):
        handle = store.open_for_thread()
        try:
            return work(handle, progress)
        finally:
            handle.close()

    return task


class ProgressPanel(QWidget):
    """A progress bar, what is happening, and Cancel, for the runner given to :meth:`attach`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.runner: TaskRunner | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.hide()

    def attach(self, runner: TaskRunner) -> None:
        self.runner = runner
        self.bar.setValue(0)
        self.label.setText(self.tr("Starting…"))
        self.cancel_button.setEnabled(True)
        runner.progressed.connect(self._progressed)
        runner.finished.connect(self._finished)
        self.show()

    def cancel(self) -> None:
        if self.runner is not None:
            self.runner.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    def _progressed(self, fraction: float, message) -> None:
        self.bar.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
        # A job's step is a translatable Text; a plain English label may have a translation in "progress".
        if fraction >= 1.0:              # computed: the page is being drawn; never "done" over empty figures
            self.label.setText(self.tr("Showing the results…"))
        else:
            self.label.setText(render(message, QCoreApplication.translate, "progress"))

    def _finished(self) -> None:
        self.cancel_button.setEnabled(False)
        self.hide()
