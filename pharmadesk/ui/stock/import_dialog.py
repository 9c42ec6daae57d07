"""Import a CSV file (products, members or sales history) in a worker thread.

The import runs on its own store handle (``store.open_for_thread()``) through ``store.imports.csv``;
Cancel makes the next progress call raise, and the importer then undoes everything. Row errors are listed
by line and column. Before importing, the first rows are shown as they will be read, in the encoding
detected or chosen (``store.imports.preview``), so text read in the wrong encoding is seen, not imported.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from pharmadesk.errors import PharmaDeskError

from pharmadesk.ui.common import ErrorLabel, error_text
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column
from pharmadesk.ui.widgets.worker import ProgressPanel, TaskRunner, store_task


def _run_import(store, kind: str, path: str, skip_invalid: bool, encoding: str | None = None):
    return store_task(store, lambda handle, progress: handle.imports.csv(kind, path, skip_invalid=skip_invalid,
                                                                          progress=progress, encoding=encoding))


class ImportDialog(QDialog):
    """Choose a file and start; :attr:`report` holds the ImportReport when the import finished."""

    def __init__(self, store, kind: str = "products", parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner: TaskRunner | None = None
        self.report = None
        self.setWindowTitle(self.tr("Import from CSV"))
        self.resize(640, 480)
        self.kind = QComboBox()
        for code, text in (("products", self.tr("Products")), ("members", self.tr("Members")),
                           ("sales", self.tr("Sales history"))):
            self.kind.addItem(text, code)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.path.editingFinished.connect(self.update_preview)
        self.encoding = QComboBox()
        for code, text in ((None, self.tr("Detect automatically")), ("utf-8", "UTF-8"),
                           ("gb18030", self.tr("GB18030 (Chinese Excel)")),
                           ("cp1252", self.tr("Western European (Windows-1252)")),
                           ("utf-16", "UTF-16"), ("big5", self.tr("Big5 (Traditional Chinese)"))):
            self.encoding.addItem(text, code)
        self.encoding.currentIndexChanged.connect(self.update_preview)
        self.skip_invalid = QCheckBox(self.tr("Import the good rows and skip rows with errors"))
        form = QFormLayout()
        form.addRow(self.tr("What"), self.kind)
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.skip_invalid)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.preview = QTableWidget(0, 0)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setMaximumHeight(180)
        self.preview.hide()
        self.start_button = QPushButton(self.tr("Start import"))
        self.start_button.clicked.connect(self.start)
        self.progress = ProgressPanel()
        self.message = ErrorLabel()
        self.errors = ListTable([
            Column("line", self.tr("Line"), numeric=True),
            Column("column", self.tr("Column")),
            Column("message", self.tr("Problem"), lambda e: QCoreApplication.translate("import", e.message)),
        ])
        self.errors.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_note)
        layout.addWidget(self.preview)
        layout.addWidget(self.start_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.errors, 1)
        layout.addWidget(self.buttons)

    def browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a CSV file"), "",
                                                    self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if name:
            self.path.setText(name)
            self.update_preview()

    def update_preview(self) -> None:
        """Show the file's first rows as the import will read them, or why it cannot tell the encoding."""
        path = self.path.text().strip()
        self.preview.hide()
        self.preview_note.clear()
        if not path:
            return
        try:
            found = self.store.imports.preview(path, self.encoding.currentData())
        except PharmaDeskError as exc:
            self.preview_note.setText(error_text(exc))
            return
        if found.problem is not None:
            self.preview_note.setText(self.tr("Line {0}: {1}").format(
                found.problem.line, QCoreApplication.translate("import", found.problem.message)))
            return
        if found.detected:
            self.preview_note.setText(self.tr("The first rows, read as {0} (detected). If the text looks wrong, "
                                              "choose the encoding.").format(found.encoding))
        else:
            self.preview_note.setText(self.tr("The first rows, read as {0}.").format(found.encoding))
        width = max([len(found.header)] + [len(row) for row in found.rows])
        self.preview.clear()
        self.preview.setColumnCount(width)
        self.preview.setRowCount(len(found.rows))
        self.preview.setHorizontalHeaderLabels(found.header + [""] * (width - len(found.header)))
        for r, row in enumerate(found.rows):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.show()

    def start(self) -> None:
        if self.running():
            return
        path = self.path.text().strip()
        if not path:
            self.message.show_info(self.tr("Choose a file first."))
            return
        self.report = None
        self.message.clear_message()
        self.errors.set_rows([])
        self.errors.hide()
        self.runner = TaskRunner(_run_import(self.store, self.kind.currentData(), path,
                                             self.skip_invalid.isChecked(), self.encoding.currentData()), self)
        self.runner.succeeded.connect(self._succeeded)
        self.runner.failed.connect(lambda exc: self.message.show_error(error_text(exc)))
        self.runner.cancelled.connect(lambda: self.message.show_info(
            self.tr("Import cancelled: nothing was imported.")))
        self.runner.finished.connect(lambda: self._set_busy(False))
        self._set_busy(True)
        self.progress.attach(self.runner)
        self.runner.start()

    def cancel(self) -> None:
        self.progress.cancel()

    def running(self) -> bool:
        return self.runner is not None and self.runner.isRunning()

    def _set_busy(self, busy: bool) -> None:
        self.start_button.setEnabled(not busy)
        self.kind.setEnabled(not busy)
        self.encoding.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def _succeeded(self, report) -> None:
        self.report = report
        if report.stopped:
            self.message.show_error(self.tr("Stopped after {0} errors: nothing was imported. Check the file's "
                                            "columns and encoding. Every error is listed in {1}.").format(
                report.error_count, report.errors_file))
        elif report.applied:
            self.message.show_info(self.tr("Imported {0} of {1} rows ({2} skipped).").format(
                report.imported, report.total_rows, report.skipped))
        else:
            self.message.show_error(self.tr("Nothing was imported: {0} problem(s) in the file. "
                                             "Correct them, or choose to skip bad rows.").format(report.error_count))
        if report.errors_file and report.error_count > len(report.errors):
            self.message.setText(self.message.text() + " " + self.tr(
                "The first {0} of {1} errors are listed below; every one is in {2}.").format(
                len(report.errors), report.error_count, report.errors_file))
        if report.errors:
            self.errors.set_rows(report.errors)
            self.errors.show()

    def reject(self) -> None:
        if self.running():          # closing while importing cancels, and waits for the rollback
            self.cancel()
            self.runner.wait()
        super().reject()
