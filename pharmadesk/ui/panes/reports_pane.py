"""The owner's reports page: pick a day or a month, read the report on screen, print it, save it as PDF
or Excel. The figures come from :func:`pharmadesk.analytics.jobs.run_daily_report` / ``run_monthly_report`` (computed
in the background, cached per report until a sale arrives); the page is :mod:`pharmadesk.reports.document`'s
rich text. The "Promotions" report is :class:`~pharmadesk.ui.panes.promotions_report.PromotionResultsView`, shown in
place of the document (it computes and exports on its own).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QPushButton, QStackedWidget, QTextBrowser

from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.reports import document as rd
from pharmadesk.reports.printing import a4_printer, save_pdf
from pharmadesk.ui.panes.base import AnalyticsPane
from pharmadesk.ui.panes.promotions_report import PromotionResultsView

KINDS = {"daily": QT_TRANSLATE_NOOP("ReportsPane", "Daily report"),
         "monthly": QT_TRANSLATE_NOOP("ReportsPane", "Monthly report"),
         "promotions": QT_TRANSLATE_NOOP("ReportsPane", "Promotions")}


class ReportsPane(AnalyticsPane):
    cache_name = "report"

    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
        self.document = None
        self.figure = None
        self.title = QLabel(self.tr("Reports"))
        self.title.setObjectName("paneTitle")
        self.kind = QComboBox()
        for key, label in KINDS.items():
            self.kind.addItem(self.tr(label), key)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        today = store.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.day.dateChanged.connect(lambda *_: self.refresh())
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_clicked)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.promotions = PromotionResultsView(store)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.promotions)
        self.lay_out([self.kind, self.day, self.print_button, *self.export_buttons()], self.stack)
        self.pdf_export_button.setText(self.tr("Save PDF…"))
        self._kind_changed(refresh=False)        # computes when first shown, like every page
        self._set_ready(False)

    # -- choosing and computing -------------------------------------------------------------------

    def selection(self) -> tuple[str, date]:
        """(kind, day): for a monthly report the day is the month's 1st."""
        kind = self.kind.currentData() or "daily"
        day = self.day.date().toPython()
        return kind, day.replace(day=1) if kind == "monthly" else day

    def choose(self, kind: str, day: date) -> None:
        """Select a report (as the owner would with the two controls); it computes when shown."""
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.blockSignals(False)
        self._kind_changed(refresh=False)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.refresh()

    def _kind_changed(self, *_args, refresh: bool = True) -> None:
        monthly = self.kind.currentData() == "monthly"
        promotions = self._promotions_chosen()
        self.day.setDisplayFormat("yyyy-MM" if monthly else "yyyy-MM-dd")
        for widget in (self.day, self.print_button, self.pdf_export_button, self.excel_export_button):
            widget.setVisible(not promotions)        # the promotion view has its own buttons
        self.stack.setCurrentWidget(self.promotions if promotions else self.view)
        if refresh:
            self.refresh()

    def _promotions_chosen(self) -> bool:
        return self.kind.currentData() == "promotions"

    def refresh(self, force: bool = False) -> None:
        if self._promotions_chosen():
            self.promotions.refresh(force)
            return
        today = self.store.today()
        self.day.blockSignals(True)
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))     # the PC may have passed midnight
        self.day.blockSignals(False)
        super().refresh(force)

    def compute(self, store, as_of, progress):
        from pharmadesk.analytics import jobs

        kind, day = self.computing
        run = jobs.run_daily_report if kind == "daily" else jobs.run_monthly_report
        return run(store, as_of, jobs.ReportParams(day), progress)

    def show_result(self, result) -> None:
        report = result.report
        self.figure = rd.sales_figure(report)
        self.document = rd.report_document(report, self.store, self.figure)
        self.title.setText(rd.title_of(report))
        self.view.setDocument(self.document)
        self._set_ready(True)

    def stop(self) -> None:
        self.promotions.stop()
        super().stop()

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.pdf_export_button, self.excel_export_button):
            button.setEnabled(ready)

    # -- print and export -------------------------------------------------------------------------

    def print_clicked(self) -> None:
        if self.document is None:
            return
        printer = a4_printer()
        printer.setDocName(self.report_title())
        dialog = QPrintDialog(printer, self)
        if self.exec_dialog(dialog):
            self.document.print_(printer)
            self.message.show_info(self.tr("Sent to the printer."))

    def export_pdf(self, path):
        if self.document is None:
            raise ValueError(self.tr("No report to save yet."))
        save_pdf(self.document, path, self.report_title())
        return path

    def export_pdf_clicked(self) -> None:
        kind, day = self.selection()
        name = f"{kind}-report-{day:%Y-%m-%d}.pdf" if kind == "daily" else f"{kind}-report-{day:%Y-%m}.pdf"
        self._export_clicked(self.export_pdf, self.tr("Save PDF"), name, self.tr("PDF files (*.pdf)"))

    def report_figures(self) -> list:
        return [self.figure] if self.figure is not None else []

    def report_tables(self) -> list[tuple[str, list[str], list[list]]]:
        return rd.report_tables(self.result.report) if self.result is not None else []
