"""The day close page: the X report (totals so far) and the Z report (count the cash, close the day).

Before the irreversible close, a confirmation shows what the close will record: the cash expected in the
drawer, the cash counted and the difference, with the takings per payment method. The report shown (X or Z)
can be printed or saved as PDF (:mod:`pharmadesk.reports.z_report`, the same page as on screen), and it stays
on screen when the language changes: the page retranslates itself instead of being rebuilt.

The Z report shows at once; the automatic backup that follows a day close (when the owner chose a
backup folder) runs in a worker thread, and its outcome appears under the report when done.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.money import parse_money
from pharmadesk.reports.printing import a4_printer
from pharmadesk.reports.labels import method_label
from pharmadesk.reports.z_report import (
    day_report_document, day_report_page, day_report_title, method_totals, save_day_report_pdf,
)
from pharmadesk.ui.backup_task import day_close_backup_runner
from pharmadesk.ui.common import ErrorLabel, error_text, exec_dialog, money
from pharmadesk.ui.headoffice_task import day_close_export_runner


def _print_dialog(printer, parent) -> QDialog:
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent)


class DayCloseConfirmation(QDialog):
    """Asks before the close, showing what it will record: expected cash (opening float + cash taken − cash
    refunded), counted cash and the difference, the takings per payment method and the number of sales.

    ``report`` is the X report with the count (:meth:`DayReport.with_count`). Cancel is the default button, so
    a second Enter does not close the day; "Close the day" is reached with Tab (or Alt+C).
    """

    def __init__(self, report, parent=None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Close the day"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}

        def row(key: str, label: str, value: str, strong: bool = False) -> None:
            shown = QLabel(value)
            shown.setObjectName(key)
            if strong:
                shown.setStyleSheet("font-weight: bold;")
            self.values[key] = shown
            form.addRow(label, shown)

        cash = self._cash(report.payments)
        cash_refunds = self._cash(report.refunds_by_method)
        row("openingFloat", self.tr("Opening float"), money(report.opening_float))
        row("cashTaken", self.tr("Cash taken"), money(cash))
        row("cashRefunded", self.tr("Cash refunded"), money(cash_refunds))
        row("expectedCash", self.tr("Expected cash in the drawer"), money(report.expected_cash), strong=True)
        row("countedCash", self.tr("Counted cash"), money(report.counted_cash), strong=True)
        row("difference", self.tr("Difference"), self.difference_text(report.cash_variance), strong=True)
        if report.cash_variance:
            self.values["difference"].setStyleSheet("font-weight: bold; color: #c0392b;")
        layout.addLayout(form)

        totals = method_totals(report)
        self.methods = QGridLayout()
        if totals:
            layout.addWidget(QLabel(self.tr("Takings by payment method")))
            for column, title in enumerate((self.tr("Method"), self.tr("Taken"), self.tr("Refunded"))):
                self.methods.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
            for line, (method, taken, refunded) in enumerate(totals, start=1):
                self.methods.addWidget(QLabel(method_label(method)), line, 0)
                self.methods.addWidget(QLabel(money(taken)), line, 1)
                self.methods.addWidget(QLabel(money(refunded)), line, 2)
            layout.addLayout(self.methods)
        layout.addWidget(QLabel(self.tr("{0} sales, net {1}.").format(report.transactions, money(report.net))))
        question = QLabel(self.tr("Close the day? This cannot be undone."))
        question.setWordWrap(True)
        layout.addWidget(question)

        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(self.tr("&Close the day"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.cancel_button.setDefault(True)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.cancel_button.setFocus()       # a focused button is the one Enter presses: start on Cancel

    @staticmethod
    def _cash(amounts) -> int:
        return int((amounts or {}).get("cash", 0))

    def difference_text(self, variance: int) -> str:
        """The difference in words a cashier checks: short, over, or the cash balances."""
        if variance < 0:
            return self.tr("{0} short").format(money(-variance))
        if variance > 0:
            return self.tr("{0} over").format(money(variance))
        return self.tr("{0} (the cash balances)").format(money(0))

    def text(self) -> str:
        """Everything the dialog says, one label a line (what a test reads)."""
        return "\n".join(label.text() for label in self.findChildren(QLabel) if label.text())


class DayClosePage(QWidget):
    """``exec_dialog(dialog) -> bool`` runs the confirmation and the print dialog, ``choose_pdf_path(parent,
    caption, name) -> str`` asks where to save a PDF (tests replace both)."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.choose_pdf_path = self.ask_pdf_path
        self.print_dialog = _print_dialog
        self.last_report = None             # the last Z report (with what the backup and export reported)
        self.shown_report = None            # the X or Z report on screen, printed by Print / Save as PDF
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
        self.counted_cash.returnPressed.connect(self.close_day)     # count, Enter: the confirmation
        self.opening_label = QLabel()
        self.counted_label = QLabel()
        form.addRow(self.opening_label, self.opening_float)
        form.addRow(self.counted_label, self.counted_cash)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.x_button = QPushButton()
        self.x_button.clicked.connect(self.show_x_report)
        self.z_button = QPushButton()
        self.z_button.setObjectName("payButton")
        self.z_button.clicked.connect(self.close_day)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(self.save_pdf_clicked)
        for button in (self.x_button, self.z_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.print_button, self.pdf_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.backup_busy = QProgressBar()
        self.backup_busy.setRange(0, 0)             # busy: the domain's day-close backup has no steps
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
        self.retranslate_ui()

    # -- language ----------------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Every word of the page in the current language, the report on screen included (the main window
        keeps this page across a language change instead of rebuilding it, so the report stays)."""
        self.opening_label.setText(self.tr("Opening float"))
        self.counted_label.setText(self.tr("Counted cash in the drawer (cash only)"))
        self.x_button.setText(self.tr("Show &X report"))
        self.z_button.setText(self.tr("&Close the day (Z report)"))
        self.print_button.setText(self.tr("&Print…"))
        self.pdf_button.setText(self.tr("Save as P&DF…"))
        self.backup_busy.setFormat(self.tr("Backing up…"))
        self._show_report(self.shown_report)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "report"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_report(self, report) -> None:
        self.shown_report = report
        self.report.setHtml(day_report_page(report, self.store) if report is not None else "")
        self.print_button.setEnabled(report is not None)
        self.pdf_button.setEnabled(report is not None)

    # -- X and Z reports ---------------------------------------------------------------------------------------

    def show_x_report(self) -> None:
        self.error.clear_message()
        try:
            opening = parse_money(self.opening_float.text() or "0", self.tr("opening float"))
            report = self.store.day_close.x_report(opening)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        self._show_report(report)

    def close_day(self) -> None:
        """Count → confirmation (expected, counted, difference, per-method takings) → close; a refusal or
        Cancel changes nothing."""
        if not self.z_button.isEnabled():       # the last close's backup is still running
            return
        self.error.clear_message()
        try:
            counted = parse_money(self.counted_cash.text(), self.tr("counted cash"))
            opening = parse_money(self.opening_float.text() or "0", self.tr("opening float"))
            preview = self.store.day_close.x_report(opening).with_count(counted)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        if not self.exec_dialog(DayCloseConfirmation(preview, self)):
            return
        try:
            report = self.store.day_close.close_day(counted, opening, run_hooks=False)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        self.last_report = report
        self.counted_cash.clear()
        self._show_report(report)
        self.start_backup()

    # -- print and PDF -----------------------------------------------------------------------------------------

    def print_report(self) -> bool:
        """Print the report on screen on a printer the cashier picks; True when printed."""
        if self.shown_report is None:
            return False
        printer = a4_printer()
        if not self.exec_dialog(self.print_dialog(printer, self)):
            return False
        day_report_document(self.shown_report, self.store).print_(printer)
        return True

    def ask_pdf_path(self, parent, caption: str, name: str) -> str:
        """Where to save the PDF (a file dialog); "" when the cashier cancels."""
        path, _filter = QFileDialog.getSaveFileName(parent, caption, name, self.tr("PDF files (*.pdf)"))
        return path

    def save_pdf_clicked(self) -> None:
        if self.shown_report is None:
            return
        report = self.shown_report
        name = f"z-report-{report.day_close_id}.pdf" if report.closed else "x-report.pdf"
        path = self.choose_pdf_path(self, self.tr("Save as PDF"), name)
        if not path:
            return
        try:
            saved = save_day_report_pdf(report, self.store, path)
        except OSError as exc:
            self.error.show_error(self.tr("The PDF could not be saved: {0}").format(exc.strerror or exc))
            return
        self.error.show_info(self.tr("{0} saved as {1}").format(day_report_title(report), saved))

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
