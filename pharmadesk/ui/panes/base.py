"""What every analytics pane shares: compute in a worker thread with progress and cancel, cache the
result per (as_of, last sale id), recompute only when a sale arrived or the day changed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pharmadesk.ui.common import ErrorLabel, exec_dialog
from pharmadesk.ui.panes import cache_key, cached, remember
from pharmadesk.ui.widgets.worker import ProgressPanel, TaskRunner


class AnalyticsPane(QWidget):
    """Subclasses set :attr:`cache_name` and implement ``compute(store, as_of, progress)`` (runs in the
    worker thread on its own store handle) and ``show_result(result)`` (GUI thread)."""

    cache_name = "pane"

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.runner: TaskRunner | None = None
        self.result = None
        self.key: tuple | None = None
        self.progress = ProgressPanel()
        self.message = ErrorLabel()

    # -- computing --------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.runner is not None and not self.runner.done

    def refresh(self, force: bool = False) -> None:
        """Show the cached result for today and the last sale, or compute it in the background."""
        if self.busy or self.store.user is None:
            return
        key = cache_key(self.store, self.cache_name)
        if not force and key == self.key and self.result is not None:
            return
        hit = None if force else cached(key)
        if hit is not None:
            self.key, self.result = key, hit
            self.show_result(hit)
            return
        store, as_of, compute = self.store, key[2], self.compute

        def task(progress):
            handle = store.open_for_thread()
            try:
                return compute(handle, as_of, progress)
            finally:
                handle.close()

        self.message.clear_message()
        self.runner = TaskRunner(task, self)
        self.runner.succeeded.connect(lambda result, key=key: self._succeeded(key, result))
        self.runner.failed.connect(self.message.show_error)
        self.runner.cancelled.connect(lambda: self.message.show_info(self.tr("Cancelled.")))
        self.progress.attach(self.runner)
        self.runner.start()

    def _succeeded(self, key: tuple, result) -> None:
        remember(key, result)
        self.key, self.result = key, result
        self.show_result(result)

    def wait(self, ms: int = 60_000) -> None:
        if self.runner is not None:
            self.runner.wait(ms)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.busy:
            self.runner.cancel()
            self.runner.wait(10_000)
        super().closeEvent(event)

    def compute(self, store, as_of, progress):  # pragma: no cover - abstract
        raise NotImplementedError

    def show_result(self, result) -> None:  # pragma: no cover - abstract
        raise NotImplementedError
