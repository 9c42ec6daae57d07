"""The Service page (pharmacists and the owner): every complaint, enquiry, feedback and ADR report with its steps,
and the follow-up calls due today. Each action is one ``store.service`` use case behind a dialog."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from pharmadesk.core.permissions import Action
from pharmadesk.core.service import KINDS
from pharmadesk.errors import PharmaDeskError
from pharmadesk.reports.adr_form import save_adr_form_pdf
from pharmadesk.reports.labels import (
    SERVICE_KIND_LABELS, SERVICE_OUTCOME_LABELS, SERVICE_REASON_LABELS, SERVICE_STATUS_LABELS, label,
)
from pharmadesk.ui.common import ErrorLabel, column, exec_dialog
from pharmadesk.ui.service.record_dialogs import (
    AdrDialog, CallDialog, CloseRecordDialog, TakeRecordDialog, TextStepDialog,
)
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


def _day(text: str | None) -> str:
    return (text or "")[:10]


class ServicePage(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.ask_pdf_path = lambda title: QFileDialog.getSaveFileName(self, title, "", "PDF (*.pdf)")[0]
        self._names: dict[int, object] = {}
        self.message = ErrorLabel()

        # -- records
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), None)
        for kind in KINDS:
            self.kind.addItem(label(SERVICE_KIND_LABELS, kind), kind)
        self.status = QComboBox()
        for key, text in (("open", self.tr("Open")), ("overdue", self.tr("Overdue")), (None, self.tr("All"))):
            self.status.addItem(text, key)
        for combo in (self.kind, self.status):
            combo.currentIndexChanged.connect(lambda *_: self.refresh())
        self.records = ListTable([
            Column("created_at", self.tr("Taken"), lambda r: _day(r.created_at)),
            Column("kind", self.tr("Kind"), lambda r: label(SERVICE_KIND_LABELS, r.kind)),
            Column("member", self.tr("Member"), lambda r: self.member_name(r.member_id)),
            Column("status", self.tr("Status"), lambda r: label(SERVICE_STATUS_LABELS, r.status)),
            Column("due_date", self.tr("Due"), lambda r: r.due_date or ""),
            Column("outcome", self.tr("Outcome"), lambda r: label(SERVICE_OUTCOME_LABELS, r.outcome)
                   if r.outcome else ""),
        ])
        self.records.setObjectName("serviceRecords")
        self.records.view.selectionModel().currentChanged.connect(lambda *_: self.show_record())
        self.account = QLabel()
        self.account.setObjectName("serviceAccount")
        self.account.setWordWrap(True)
        self.steps = ListTable([
            Column("at", self.tr("When"), lambda n: n.at[:16].replace("T", " ")),
            Column("status", self.tr("Status"), lambda n: label(SERVICE_STATUS_LABELS, n.status)),
            Column("outcome", self.tr("Outcome"), lambda n: label(SERVICE_OUTCOME_LABELS, n.outcome)
                   if n.outcome else ""),
            Column("text", self.tr("Note"), lambda n: n.text or ""),
        ], filterable=False)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text, slot in (
                ("new", self.tr("New complaint…"), self.take_record), ("adr", self.tr("ADR report…"), self.report_adr),
                ("start", self.tr("Start"), self.start_record), ("note", self.tr("Add note…"), self.add_note),
                ("close", self.tr("Close…"), self.close_record), ("reopen", self.tr("Reopen…"), self.reopen_record),
                ("correct", self.tr("Correct…"), self.correct_record),
                ("print", self.tr("Print ADR form…"), self.print_adr_form)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Kind")))
        filters.addWidget(self.kind)
        filters.addWidget(QLabel(self.tr("Status")))
        filters.addWidget(self.status)
        filters.addStretch(1)
        split = QSplitter()
        split.addWidget(self.records)
        split.addWidget(column(QLabel(self.tr("Account")), self.account, QLabel(self.tr("Steps")), (self.steps, 1)))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        records_tab = column(filters, actions, (split, 1))

        # -- follow-up calls
        self.later = QCheckBox(self.tr("Show calls due later too"))
        self.later.toggled.connect(lambda *_: self.refresh_calls())
        self.schedule_button = QPushButton(self.tr("Schedule calls after first purchases"))
        self.schedule_button.clicked.connect(self.schedule_calls)
        self.call_button = QPushButton(self.tr("Call…"))
        self.call_button.clicked.connect(self.make_call)
        self.calls = ListTable([
            Column("due_date", self.tr("Due"), lambda r: r.due_date or ""),
            Column("member", self.tr("Member"), lambda r: self.member_name(r.member_id)),
            Column("phone", self.tr("Phone"), lambda r: self.member_phone(r.member_id)),
            Column("products", self.tr("About"), lambda r: "、".join(self.product_names(r.product_ids))),
            Column("reason", self.tr("Why"), lambda r: label(SERVICE_REASON_LABELS, r.reason)),
            Column("tries", self.tr("Tries"), lambda r: sum(1 for n in r.notes if n.outcome == "no_answer"),
                   numeric=True),
        ])
        self.calls.setObjectName("followUpCalls")
        self.calls.view.doubleClicked.connect(lambda *_: self.make_call())
        call_bar = QHBoxLayout()
        for widget in (self.schedule_button, self.later, self.call_button):
            call_bar.addWidget(widget)
        call_bar.addStretch(1)
        calls_tab = column(call_bar, (self.calls, 1))

        self.tabs = QTabWidget()
        self.tabs.addTab(records_tab, self.tr("Records"))
        self.tabs.addTab(calls_tab, self.tr("Follow-up calls"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Service: complaints, calls and adverse reactions")))
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.user_changed()

    # -- who is looking ---------------------------------------------------------------------------------

    def user_changed(self) -> None:
        owner = self.store.may(Action.CORRECT_SERVICE)
        self.buttons["reopen"].setVisible(owner)
        self.buttons["correct"].setVisible(owner)
        self.refresh()

    def refresh(self) -> None:
        if not self.store.may(Action.HANDLE_SERVICE):
            return
        status = self.status.currentData()
        self._names.clear()
        self.records.set_rows(self.store.service.records(
            kind=self.kind.currentData(), status=None if status in (None, "overdue") else status,
            overdue=status == "overdue"))
        self.show_record()
        self.refresh_calls()

    def refresh_calls(self) -> None:
        self.calls.set_rows(self.store.service.follow_ups(include_later=self.later.isChecked()))

    # -- names for the tables ---------------------------------------------------------------------------

    def _member(self, member_id):
        if member_id not in self._names:
            self._names[member_id] = self.store.members.get(member_id)
        return self._names[member_id]

    def member_name(self, member_id) -> str:
        if member_id is None:
            return self.tr("walk-in")
        member = self._member(member_id)
        return member.name or self.tr("(erased)")

    def member_phone(self, member_id) -> str:
        return (self._member(member_id).phone or "") if member_id is not None else ""

    def product_names(self, product_ids) -> list[str]:
        return [p.name for p in self.store.catalog.get_many(product_ids).values()] if product_ids else []

    # -- the chosen record ------------------------------------------------------------------------------

    def chosen(self):
        return self.records.current()

    def show_record(self) -> None:
        record = self.chosen()
        self.account.setText((record.account or self.tr("(no account)")) if record else "")
        self.steps.set_rows(list(record.notes) if record else [])
        open_ = record is not None and record.status != "closed"
        self.buttons["start"].setEnabled(open_ and record.status == "open")
        for key in ("note", "close"):
            self.buttons[key].setEnabled(open_ and record.kind != "follow_up")
        self.buttons["reopen"].setEnabled(record is not None and record.status == "closed")
        self.buttons["correct"].setEnabled(record is not None and record.account is not None)
        self.buttons["print"].setEnabled(record is not None and record.kind == "adr")

    def _run(self, action, done: str) -> None:
        self.message.clear_message()
        try:
            action()
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return
        self.message.show_info(done)
        chosen = self.chosen()
        self.refresh()
        if chosen is not None:
            self.records.select(lambda r: r.id == chosen.id)

    def _dialog(self, dialog, done) -> bool:
        """Run ``dialog``; when saved, say ``done`` (a text, or a function of the saved dialog giving it)."""
        if self.exec_dialog(dialog):
            self.message.show_info(done() if callable(done) else done)
            chosen = self.chosen()
            self.refresh()
            if chosen is not None:
                self.records.select(lambda r: r.id == chosen.id)
            return True
        return False

    def take_record(self) -> None:
        self._dialog(TakeRecordDialog(self.store, None, parent=self), self.tr("Recorded."))

    def report_adr(self) -> None:
        dialog = AdrDialog(self.store, None, parent=self)
        self._dialog(dialog, dialog.recorded_text)

    def start_record(self) -> None:
        record = self.chosen()
        if record is not None:
            self._run(lambda: self.store.service.start(record.id), self.tr("In progress."))

    def add_note(self) -> None:
        if self.chosen() is not None:
            self._dialog(TextStepDialog(self.store, self.chosen(), "note", parent=self), self.tr("Note added."))

    def close_record(self) -> None:
        if self.chosen() is not None:
            self._dialog(CloseRecordDialog(self.store, self.chosen(), parent=self), self.tr("Closed."))

    def reopen_record(self) -> None:
        if self.chosen() is not None:
            self._dialog(TextStepDialog(self.store, self.chosen(), "reopen", parent=self), self.tr("Reopened."))

    def correct_record(self) -> None:
        if self.chosen() is not None:
            self._dialog(TextStepDialog(self.store, self.chosen(), "correct", parent=self), self.tr("Corrected."))

    def print_adr_form(self) -> None:
        record = self.chosen()
        if record is None or record.kind != "adr":
            return
        path = self.ask_pdf_path(self.tr("Save the ADR report as PDF"))
        if path:
            self._run(lambda: save_adr_form_pdf(self.store, record.id, path), self.tr("Saved %1.").replace("%1", path))

    # -- calls ------------------------------------------------------------------------------------------

    def schedule_calls(self) -> None:
        self.message.clear_message()
        try:
            created = self.store.service.schedule_follow_ups()
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return
        self.message.show_info(self.tr("Calls scheduled: %1").replace("%1", str(len(created))))
        self.refresh_calls()

    def make_call(self) -> None:
        record = self.calls.current()
        if record is None:
            return
        member = self._member(record.member_id)
        if self.exec_dialog(CallDialog(self.store, record, member.name, self.product_names(record.product_ids),
                                       parent=self)):
            self.message.show_info(self.tr("Call recorded."))
            self.refresh()
