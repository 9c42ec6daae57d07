"""The Quality page (GSP records, issue 15): a tab per record — documents and first-time approvals,
acceptance of received goods, the storage log, maintenance, quarantine, the near-expiry report — each shown
to the roles that may use it. Above the tabs, the period the forms cover: Print and Save as PDF give the
current tab's paper form (reports/quality_forms.py); Export for inspector writes every record of the period
to a folder on a worker thread (reports/quality_export.py). Every rule is the domain's (``store.quality``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
)

from pharmadesk.core.permissions import Action
from pharmadesk.reports.printing import a4_printer
from pharmadesk.reports.quality_export import export_store_quality
from pharmadesk.reports.quality_forms import FORMS, form_document, form_title, save_form_pdf
from pharmadesk.ui.common import ErrorLabel, error_text, exec_dialog
from pharmadesk.ui.quality.acceptance_tab import AcceptanceTab
from pharmadesk.ui.quality.documents_tab import DocumentsTab
from pharmadesk.ui.quality.maintenance_tab import MaintenanceTab
from pharmadesk.ui.quality.near_expiry_tab import NearExpiryTab
from pharmadesk.ui.quality.quarantine_tab import QuarantineTab
from pharmadesk.ui.quality.storage_tab import StorageTab
from pharmadesk.ui.widgets.role_tabs import RoleTabsPage
from pharmadesk.ui.widgets.worker import ProgressPanel, TaskRunner, store_task


def _print_dialog(printer, parent):
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class QualityPage(RoleTabsPage):
    """The GSP records. ``exec_dialog``, ``print_dialog``, ``choose_pdf_path`` and ``choose_folder`` are
    attributes so tests drive them without blocking windows."""

    refresh_when_hidden = False

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.print_dialog = _print_dialog
        self.choose_pdf_path = self.ask_pdf_path
        self.choose_folder = self.ask_folder
        self.runner: TaskRunner | None = None
        self.last_export = None

        self.documents = DocumentsTab(store)
        self.acceptance = AcceptanceTab(store)
        self.storage = StorageTab(store)
        self.maintenance = MaintenanceTab(store)
        self.quarantine = QuarantineTab(store)
        self.near_expiry = NearExpiryTab(store)
        # (tab, title, who may see it)
        self.tab_specs = (      # a cashier logs the storage readings; the rest is the quality manager's
            (self.documents, self.tr("Documents"), Action.APPROVE_QUALIFICATIONS),
            (self.acceptance, self.tr("Acceptance"), Action.ACCEPT_GOODS),
            (self.storage, self.tr("Storage log"), Action.LOG_STORAGE),
            (self.maintenance, self.tr("Maintenance"), Action.MAINTAIN_STOCK),
            (self.quarantine, self.tr("Quarantine"), Action.QUARANTINE_STOCK),
            (self.near_expiry, self.tr("Near expiry"), Action.MAINTAIN_STOCK),
        )
        self.make_tabs(self.tab_specs)

        today = QDate.currentDate()
        self.date_from = QDateEdit(QDate(today.year(), today.month(), 1))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.print_button = QPushButton(self.tr("Print form…"))
        self.print_button.clicked.connect(self.print_form)
        self.pdf_button = QPushButton(self.tr("Save form as PDF…"))
        self.pdf_button.clicked.connect(self.save_form_pdf_clicked)
        self.export_button = QPushButton(self.tr("Export for inspector…"))
        self.export_button.clicked.connect(self.export_clicked)
        self.message = ErrorLabel()
        self.progress = ProgressPanel()

        bar = QHBoxLayout()
        from_label, to_label = QLabel(self.tr("&From")), QLabel(self.tr("T&o"))     # Alt+T is the tabs' temperature
        from_label.setBuddy(self.date_from)
        to_label.setBuddy(self.date_to)
        for widget in (from_label, self.date_from, to_label, self.date_to):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.print_button, self.pdf_button, self.export_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.tabs, 1)
        print_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        print_key.setWhatsThis(self.tr("Print the form of this tab"))
        print_key.activated.connect(self.print_form)
        self.user_changed()

    # -- tabs ---------------------------------------------------------------------------------------------

    def user_changed(self) -> None:
        super().user_changed()
        self.export_button.setVisible(self.store.may(Action.MAINTAIN_STOCK))

    # -- the period and the current tab's form -----------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return _to_date(self.date_from.date()), _to_date(self.date_to.date())

    def set_period(self, start: date, end: date) -> None:
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))

    def current_form(self):
        """The current tab's form as a document (kind, document), or None with the reason shown."""
        start, end = self.period()
        if end < start:
            self.message.show_error(self.tr("The period ends before it starts."))
            return None
        tab = self.tabs.currentWidget()
        try:
            rows = tab.form_rows(start, end)
            areas = tab.form_areas() if hasattr(tab, "form_areas") else ()
        except Exception as exc:  # noqa: BLE001 - a refused read is shown, not raised into Qt
            self.message.show_error(error_text(exc))
            return None
        return tab.kind, rows, areas

    def print_form(self) -> bool:
        """Print the current tab's form for the period on a printer the user picks; True when printed."""
        form = self.current_form()
        if form is None:
            return False
        kind, rows, areas = form
        start, end = self.period()
        printer = a4_printer(landscape=FORMS[kind].landscape)
        if not self.exec_dialog(self.print_dialog(printer, self)):
            return False
        form_document(kind, rows, start, end, self.store.settings.store_name, self.printed(), areas).print_(printer)
        self.message.show_info(self.tr("{0} sent to the printer.").format(form_title(kind)))
        return True

    def ask_pdf_path(self, parent, caption: str, name: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(parent, caption, name, self.tr("PDF files (*.pdf)"))
        return path

    def ask_folder(self, parent, caption: str) -> str:
        return QFileDialog.getExistingDirectory(parent, caption)

    def printed(self) -> str:
        moment = self.store.now().astimezone().strftime("%Y-%m-%d %H:%M")
        who = self.store.user.display_name if self.store.user else ""
        return self.tr("Printed %1 by %2").replace("%1", moment).replace("%2", who)

    def save_form_pdf_clicked(self) -> str | None:
        form = self.current_form()
        if form is None:
            return None
        kind, rows, areas = form
        start, end = self.period()
        path = self.choose_pdf_path(self, self.tr("Save as PDF"),
                                    f"quality-{kind.replace('_', '-')}-{start.isoformat()}_{end.isoformat()}.pdf")
        if not path:
            return None
        try:
            save_form_pdf(kind, rows, start, end, path, self.store.settings.store_name, self.printed(), areas)
        except OSError as exc:
            self.message.show_error(self.tr("The PDF could not be saved: {0}").format(exc.strerror or exc))
            return None
        self.message.show_info(self.tr("{0} saved as {1}").format(form_title(kind), path))
        return path

    # -- the inspector's export, on a worker ---------------------------------------------------------------

    def export_clicked(self) -> TaskRunner | None:
        start, end = self.period()
        if end < start:
            self.message.show_error(self.tr("The period ends before it starts."))
            return None
        folder = self.choose_folder(self, self.tr("Folder for the inspector's files"))
        if not folder:
            return None
        store_name, printed = self.store.settings.store_name, self.printed()
        self.message.clear_message()
        self.export_button.setEnabled(False)
        self.runner = TaskRunner(store_task(self.store, lambda handle, progress: export_store_quality(
            handle, start, end, folder, store_name=store_name, printed=printed, progress=progress)), self)
        self.runner.succeeded.connect(self._exported)
        self.runner.failed.connect(lambda exc: self.message.show_error(error_text(exc)))
        self.runner.cancelled.connect(lambda: self.message.show_info(self.tr("Export cancelled.")))
        self.runner.finished.connect(lambda: self.export_button.setEnabled(True))
        self.progress.attach(self.runner)
        self.runner.start()
        return self.runner

    def _exported(self, result) -> None:
        self.last_export = result
        self.message.show_info(self.tr("{0} files for the inspector written to {1}")
                               .format(len(result.files), result.folder))

    def stop(self) -> None:
        """End the export thread before the page goes (language change, window closing)."""
        if self.runner is not None and self.runner.isRunning():
            self.runner.cancel()
            self.runner.wait()
