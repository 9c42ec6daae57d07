"""What every analytics pane shares: compute in a worker thread with progress and cancel, cache the
result per (as_of, last sale id), recompute only when a sale arrived or the day changed."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pharmadesk.ui.common import ErrorLabel, exec_dialog
from pharmadesk.ui.panes import cache_key, cached, remember, warm_up
from pharmadesk.ui.widgets.flow_layout import FlowLayout
from pharmadesk.ui.widgets.worker import ProgressPanel, TaskRunner


class AnalyticsPane(QWidget):
    """Subclasses set :attr:`cache_name` and implement ``compute(store, as_of, progress)`` (runs in the
    worker thread on its own store handle: one call to the analysis' job in :mod:`pharmadesk.analytics.jobs`)
    and ``show_result(result)`` (GUI thread: formats the job's result). A pane where the owner
    chooses something (a period, a day) returns it from :meth:`selection`; the computation reads the choice
    it was started with from :attr:`computing`, and a choice made while it runs is computed right after."""

    cache_name = "pane"

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        warm_up()
        self.store = store
        self.exec_dialog = exec_dialog
        self.runner: TaskRunner | None = None
        self.result = None
        self.key: tuple | None = None
        self.computing = None                 # the selection() the running / last computation was started for
        self._awaiting = False                # a computation started and its outcome not yet handled here
        self._force_after = False             # "Recompute" pressed while computing: compute again after it
        self._drawn = True                    # False while a result computed off screen waits to be shown
        self.progress = ProgressPanel()
        self.message = ErrorLabel()

    # -- the frame every pane shares --------------------------------------------------------------

    @staticmethod
    def labelled(label: QLabel, widget: QWidget) -> QWidget:
        """``label`` and ``widget`` side by side as one control, so a wrapping row keeps them together."""
        pair = QWidget()
        layout = QHBoxLayout(pair)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(widget)
        return pair

    def recompute_button(self) -> QPushButton:
        """"Recompute": compute again although a result for today and the last sale is cached."""
        button = QPushButton(self.tr("Recompute"))
        button.clicked.connect(lambda: self.refresh(force=True))
        return button

    def lay_out(self, controls: list[QWidget], body: QWidget) -> QVBoxLayout:
        """The pane's frame: ``self.title`` and ``controls`` in one row (the controls wrap onto more lines
        when the window is narrow), the progress panel, the message line, then ``body`` taking the rest;
        the layout, for anything a pane puts below."""
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        row = QWidget()                     # wraps when narrow: the controls never force the window wider
        flow = FlowLayout(row, align_right=True)
        for widget in controls:
            flow.addWidget(widget)
        top.addWidget(row)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(body, 1)
        return layout

    # -- computing --------------------------------------------------------------------------------

    @property
    def as_of(self):
        """The day the result shown was computed as of (part of its cache key; today before any result)."""
        return self.key[2] if self.key else self.store.today()

    @property
    def busy(self) -> bool:
        """A computation runs, or its result has not reached :attr:`result` yet (the runner is ``done`` in
        its thread before its outcome is delivered to this one)."""
        return self._awaiting

    def selection(self):
        """What the owner chose on the pane (hashable, part of the cache key); None when nothing to choose."""
        return None

    def current_cache_name(self) -> str:
        """The cache name with the current selection: what a result computed now is filed under."""
        chosen = self.selection()
        return self.cache_name if chosen is None else f"{self.cache_name}:{chosen}"

    def refresh(self, force: bool = False) -> None:
        """Show the cached result for today, the last sale and the selection, or compute it in the background."""
        if self.store.user is None:
            return
        if self.busy:                         # _succeeded catches up with what changed meanwhile; a forced
            self._force_after = self._force_after or force   # recompute may concern data it already read
            return
        force, self._force_after = force or self._force_after, False
        key = cache_key(self.store, self.current_cache_name())
        if not force and key == self.key and self.result is not None:
            return
        hit = None if force else cached(key)
        if hit is not None:
            self.key, self.result = key, hit
            self.show_result(hit)
            return
        store, as_of, compute = self.store, key[2], self.compute
        self.computing = self.selection()

        def task(progress):
            handle = store.open_for_thread()
            try:
                return compute(handle, as_of, progress)
            finally:
                handle.close()

        self.message.clear_message()
        self.runner = TaskRunner(task, self)
        self.runner.succeeded.connect(lambda result, key=key: self._succeeded(key, result))
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)
        self.progress.attach(self.runner)
        self._awaiting = True
        self.runner.start()

    def _failed(self, error) -> None:
        self._awaiting = False
        self.message.show_error(error)
        self._recompute_if_asked()

    def _cancelled(self) -> None:
        self._awaiting = self._force_after = False
        self.message.show_info(self.tr("Cancelled."))

    def _recompute_if_asked(self) -> bool:
        """Run the forced recompute asked for while computing; True when it started."""
        if not self._force_after:
            return False
        self.refresh()
        return True

    def _succeeded(self, key: tuple, result) -> None:
        self._awaiting = False
        remember(key, result)
        self.key, self.result = key, result
        if not self.isVisible():              # drawn when opened: charts cost the GUI thread ~0.1 s, the till
            self._drawn = False               # may be in use meanwhile
            return
        self._drawn = True
        self.show_result(result)
        if self._recompute_if_asked():
            return
        # A sale, a new day or another selection arrived while computing: a pane on screen catches up.
        if not self.busy and cache_key(self.store, self.current_cache_name()) != key:
            self.refresh()

    def wait(self, ms: int = 60_000) -> None:
        if self.runner is not None:
            self.runner.wait(ms)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.result is not None and not self._drawn:
            self._drawn = True
            self.show_result(self.result)
        self.refresh()

    def stop(self) -> None:
        """Cancel a running computation and wait for its thread: a QThread destroyed while running aborts."""
        if self.runner is not None:
            if self.busy:
                self.runner.cancel()
            self.runner.wait(30_000)      # also after `done`: run() may still be returning

    def closeEvent(self, event) -> None:  # noqa: N802
        self.stop()
        super().closeEvent(event)

    # -- export (PDF / Excel, see report_export) ---------------------------------------------------------

    def export_buttons(self) -> list[QPushButton]:
        """"Export PDF…" and "Export Excel…" buttons for the pane's top row."""
        self.pdf_export_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_export_button.clicked.connect(self.export_pdf_clicked)
        self.excel_export_button = QPushButton(self.tr("Export Excel…"))
        self.excel_export_button.clicked.connect(self.export_excel_clicked)
        return [self.pdf_export_button, self.excel_export_button]

    def report_title(self) -> str:
        title = getattr(self, "title", None)
        return title.text() if isinstance(title, QLabel) else self.cache_name

    def report_figures(self) -> list:
        from pharmadesk.ui.panes.charts import ChartCanvas

        return [canvas.figure for canvas in self.findChildren(ChartCanvas)]

    def report_tables(self) -> list[tuple[str, list[str], list[list]]]:
        """Every list table of the pane as shown (filtered and sorted), with its column titles."""
        from pharmadesk.ui.widgets.list_model import ListTable

        tables = []
        for number, table in enumerate(self.findChildren(ListTable), start=1):
            columns = table.model.columns
            rows = [[self._exported(column, row) for column in columns] for row in table.visible_rows()]
            tables.append((self.tr("Table %1").replace("%1", str(number)), [c.title for c in columns], rows))
        return tables

    @classmethod
    def _exported(cls, column, row):
        """A cell as exported: the column's figure as a typed :class:`Number` when it has a ``kind``, else the
        value shown."""
        if getattr(column, "kind", None):
            from pharmadesk.reports.formatting import Number
            from pharmadesk.ui.widgets.paged_model import field

            return Number.of(field(row, column.key), column.kind)
        return cls._plain(column.value(row))

    @staticmethod
    def _plain(value):
        if value is None or isinstance(value, (int, float, str)):
            return value
        return str(value)

    def export_pdf(self, path):
        from pharmadesk.reports import export as report_export

        return report_export.export_pdf(path, self.report_title(), self.report_figures(), self.report_tables())

    def export_excel(self, path):
        from pharmadesk.reports import export as report_export

        return report_export.export_excel(path, self.report_tables())

    def export_pdf_clicked(self) -> None:
        self._export_clicked(self.export_pdf, self.tr("Export PDF"), f"{self.cache_name.split(':')[0]}.pdf",
                             self.tr("PDF files (*.pdf)"))

    def export_excel_clicked(self) -> None:
        self._export_clicked(self.export_excel, self.tr("Export Excel"), f"{self.cache_name.split(':')[0]}.xlsx",
                             self.tr("Excel files (*.xlsx)"))

    def _export_clicked(self, export, caption: str, name: str, filters: str) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, caption, name, filters)
        if not path:
            return
        try:
            export(path)
            self.message.show_info(self.tr("Saved %1").replace("%1", path))
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.message.show_error(exc)

    def compute(self, store, as_of, progress):  # pragma: no cover - abstract
        raise NotImplementedError

    def show_result(self, result) -> None:  # pragma: no cover - abstract
        raise NotImplementedError
