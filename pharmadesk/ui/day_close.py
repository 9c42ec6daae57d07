"""The day close page: the X report (totals so far) and the Z report (count the cash, close the day).

The Z report shows at once; the automatic backup that follows a day close (when the owner chose a
backup folder) runs in a worker thread, and its outcome appears under the report when done.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLineEdit, QProgressBar, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.money import parse_money
from pharmadesk.reports.day_report import day_report_html
from pharmadesk.ui.backup_task import day_close_backup_runner
from pharmadesk.ui.common import ErrorLabel, confirm, error_text, money
from pharmadesk.ui.headoffice_task import day_close_export_runner


def _confirm(parent, text: str) -> bool:
    return confirm(parent, QCoreApplication.translate("DayClosePage", "Close the day"), text)


class DayClosePage(QWidget):
    """``confirm(parent, text) -> bool`` asks before the irreversible close (tests replace it)."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.confirm = _confirm
        self.last_report = None
        self.backup_runner = None
        self.backup_outcome = None
        self.export_runner = None           # the scheduled head-office export, after the backup
        self.export_outcome = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.opening_float = QLineEdit("0.00")
        self.opening_float.setObjectName("openingFloat")
        self.counted_cash = QLineEdit()
        self.counted_cash.setObjectName("countedCash")
        form.addRow(self.tr("Opening float"), self.opening_float)
        form.addRow(self.tr("Counted cash in the drawer (cash only)"), self.counted_cash)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.x_button = QPushButton(self.tr("Show &X report"))
        self.x_button.clicked.connect(self.show_x_report)
        self.z_button = QPushButton(self.tr("&Close the day (Z report)"))
        self.z_button.setObjectName("payButton")
        self.z_button.clicked.connect(self.close_day)
        buttons.addWidget(self.x_button)
        buttons.addWidget(self.z_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.backup_busy = QProgressBar()
        self.backup_busy.setRange(0, 0)             # busy: the domain's day-close backup has no steps
        self.backup_busy.setFormat(self.tr("Backing up…"))
        self.backup_busy.setTextVisible(True)
        self.backup_busy.hide()
        layout.addWidget(self.backup_busy)
        self.backup_message = ErrorLabel()
        self.backup_message.setObjectName("backupMessage")
        layout.addWidget(self.backup_message)
        self.export_message = ErrorLabel()
        self.export_message.setObjectName("headofficeMessage")
        layout.addWidget(self.export_message)
        self.report = QTextBrowser()
        self.report.setObjectName("zReport")
        layout.addWidget(self.report, 1)

    def show_x_report(self) -> None:
        self.error.clear_message()
        try:
            report = self.store.sales.x_report(parse_money(self.opening_float.text() or "0", self.tr("opening float")))
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        self.report.setHtml(day_report_html(report, self.tr("X report (the day is still open)")))

    def close_day(self) -> None:
        self.error.clear_message()
        try:
            counted = parse_money(self.counted_cash.text(), self.tr("counted cash"))
            opening = parse_money(self.opening_float.text() or "0", self.tr("opening float"))
            if not self.confirm(self, self.tr("Close the day with {0} counted? This cannot be undone.")
                                .format(money(counted))):
                return
            report = self.store.sales.close_day(counted, opening, run_hooks=False)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        self.last_report = report
        self.counted_cash.clear()
        self.report.setHtml(day_report_html(report, self.tr("Z report #{0}").format(report.day_close_id)))
        self.start_backup()

    # -- the automatic backup after the close, off the GUI thread ---------------------------------------------

    def start_backup(self) -> None:
        self.backup_message.clear_message()
        self.backup_outcome = None
        if not self.store.settings.backup_dir.strip():
            self.start_headoffice_export()
            return
        self.z_button.setEnabled(False)
        self.backup_busy.show()
        self.backup_runner = day_close_backup_runner(self.store, self.last_report, self)
        self.backup_runner.succeeded.connect(self._backup_done)
        self.backup_runner.failed.connect(lambda exc: self._backup_done({"ok": False, "error": error_text(exc)}))
        self.backup_runner.finished.connect(self._backup_finished)
        self.backup_runner.start()

    def _backup_done(self, outcome) -> None:
        self.backup_outcome = outcome
        if self.last_report is not None and outcome is not None:
            self.last_report = replace(self.last_report,
                                       after_close={**self.last_report.after_close, "backup": outcome})
        if outcome is None:
            return
        if outcome.get("ok"):
            self.backup_message.show_info(self.tr("Backup saved: {0}").format(outcome["path"]))
        else:
            self.backup_message.show_error(self.tr("The automatic backup failed: {0}. The day is closed; "
                                                   "make a backup from Settings.").format(outcome["error"]))

    def _backup_finished(self) -> None:
        self.backup_busy.hide()
        self.z_button.setEnabled(True)
        window = self.window()
        if hasattr(window, "refresh_backup_status"):
            window.refresh_backup_status()
        self.start_headoffice_export()

    # -- the scheduled head-office export (setting headoffice_schedule = day_close), after the backup -----------

    def start_headoffice_export(self) -> None:
        self.export_outcome = None
        if self.store.settings.headoffice_schedule != "day_close":
            return
        self.export_runner = day_close_export_runner(self.store, self.last_report, self)
        self.export_runner.succeeded.connect(self._export_done)
        self.export_runner.failed.connect(lambda exc: self._export_done({"ok": False, "error": error_text(exc)}))
        self.export_runner.start()

    def _export_done(self, outcome) -> None:
        self.export_outcome = outcome
        if outcome is None:
            return
        if self.last_report is not None:
            self.last_report = replace(self.last_report,
                                       after_close={**self.last_report.after_close, "headoffice": outcome})
        if outcome.get("ok"):
            self.export_message.show_info(self.tr("Head-office bundle {0} saved.").format(outcome["sequence"]))
        else:
            self.export_message.show_error(self.tr("The head-office export failed: {0}. The day is closed; "
                                                   "export from Settings.").format(outcome["error"]))
