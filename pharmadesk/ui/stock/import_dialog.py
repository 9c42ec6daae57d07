"""Import a CSV file (products, members or sales history) in a worker thread.

The import runs on its own store handle (``store.open_for_thread()``) through ``store.imports.csv``;
Cancel makes the next progress call raise, and the importer then undoes everything. Row errors are listed
by line and column.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton,
    QVBoxLayout,
)

from pharmadesk.ui.common import ErrorLabel, error_text
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column
from pharmadesk.ui.widgets.worker import ProgressPanel, TaskRunner, store_task


def _run_import(store, kind: str, path: str, skip_invalid: bool):
    return store_task(store, lambda handle, progress: handle.imports.csv(kind, path, skip_invalid=skip_invalid,
                                                                          progress=progress))


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
        self.skip_invalid = QCheckBox(self.tr("Import the good rows and skip rows with errors"))
        form = QFormLayout()
        form.addRow(self.tr("What"), self.kind)
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.skip_invalid)
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
                                             self.skip_invalid.isChecked()), self)
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
        self.buttons.setEnabled(not busy)

    def _succeeded(self, report) -> None:
        self.report = report
        if report.applied:
            self.message.show_info(self.tr("Imported {0} of {1} rows ({2} skipped).").format(
                report.imported, report.total_rows, report.skipped))
        else:
            self.message.show_error(self.tr("Nothing was imported: {0} problem(s) in the file. "
                                             "Correct them, or choose to skip bad rows.").format(len(report.errors)))
        if report.errors:
            self.errors.set_rows(report.errors)
            self.errors.show()

    def reject(self) -> None:
        if self.running():          # closing while importing cancels, and waits for the rollback
            self.cancel()
            self.runner.wait()
        super().reject()
