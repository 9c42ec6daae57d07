"""The dialogs of service records: take a complaint / enquiry / feedback, close a record, record a follow-up call,
reopen or correct (the owner), and report an adverse drug reaction. Each hands its fields to ``store.service`` on OK
and keeps the dialog open with the domain's plain message when it refuses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit

from pharmadesk.core.service import ADR_OUTCOMES, COUNTER_KINDS, OUTCOMES, SERIOUSNESS, AdrFacts
from pharmadesk.errors import QT_TRANSLATE_NOOP, PharmaDeskError, ValidationError
from pharmadesk.reports.labels import (
    ADR_OUTCOME_LABELS, ADR_SERIOUSNESS_LABELS, SERVICE_KIND_LABELS, SERVICE_OUTCOME_LABELS, label,
)
from pharmadesk.ui.common import form_dialog_body
from pharmadesk.ui.stock.product_picker import ProductPicker


def text_box(placeholder: str = "") -> QPlainTextEdit:
    """A few lines of free text where Tab moves on (the dialog stays keyboard-only)."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(90)
    return box


def code_combo(codes, labels: dict) -> QComboBox:
    combo = QComboBox()
    for code in codes:
        combo.addItem(label(labels, code), code)
    return combo


def call_script(member_name: str | None, products: list[str]) -> str:
    """What to say on a follow-up call, in the program's language."""
    name = member_name or QCoreApplication.translate("service", "the member")
    about = "、".join(products) if products else QCoreApplication.translate("service", "your medicine")
    return QCoreApplication.translate(
        "service", "Hello %1, this is your pharmacy. We are calling to ask how you are getting on with %2: "
                   "are you taking it as directed, and have you noticed any side effects?"
    ).replace("%1", name).replace("%2", about)


class _ServiceDialog(QDialog):
    """Runs ``self.save()`` on OK; a domain refusal shows in the dialog, which stays open."""

    def body(self, form: QFormLayout) -> None:
        self.error = form_dialog_body(self, form)

    def accept(self) -> None:
        self.error.clear_message()
        try:
            self.result_value = self.save()
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()


class TakeRecordDialog(_ServiceDialog):
    """A complaint, enquiry or return / quality feedback, for ``member`` (None: a walk-in)."""

    def __init__(self, store, member=None, sale_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.store, self.member, self.sale_id = store, member, sale_id
        self.setWindowTitle(self.tr("Complaint or feedback"))
        self.kind = code_combo(COUNTER_KINDS, SERVICE_KIND_LABELS)
        self.account = text_box(self.tr("What the customer said, in their words"))
        form = QFormLayout()
        form.addRow(self.tr("Member"), QLabel(member.name if member and member.name else self.tr("walk-in customer")))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Account"), self.account)
        self.body(form)

    def save(self) -> int:
        return self.store.service.record(self.kind.currentData(), self.account.toPlainText(),
                                         member_id=self.member.id if self.member else None, sale_id=self.sale_id)


class CloseRecordDialog(_ServiceDialog):
    """Close a record with its outcome and how it was resolved."""

    def __init__(self, store, record, parent=None) -> None:
        super().__init__(parent)
        self.store, self.record = store, record
        self.setWindowTitle(self.tr("Close the record"))
        self.outcome = code_combo([c for c in OUTCOMES[record.kind] if c != "no_answer"], SERVICE_OUTCOME_LABELS)
        self.resolution = text_box(self.tr("What was done"))
        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Resolution"), self.resolution)
        self.body(form)

    def save(self):
        return self.store.service.close(self.record.id, self.resolution.toPlainText(), self.outcome.currentData())


class CallDialog(_ServiceDialog):
    """One follow-up call: the script to read, then the outcome and notes."""

    def __init__(self, store, record, member_name: str | None, products: list[str], parent=None) -> None:
        super().__init__(parent)
        self.store, self.record = store, record
        self.setWindowTitle(self.tr("Follow-up call"))
        script = QLabel(call_script(member_name, products))
        script.setObjectName("callScript")
        script.setWordWrap(True)
        self.outcome = code_combo(OUTCOMES["follow_up"], SERVICE_OUTCOME_LABELS)
        self.notes = text_box(self.tr("How they are getting on, side effects, questions"))
        form = QFormLayout()
        form.addRow(self.tr("Script"), script)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Notes"), self.notes)
        self.body(form)

    def save(self) -> str:
        return self.store.service.record_call(self.record.id, self.outcome.currentData(), self.notes.toPlainText())


class TextStepDialog(_ServiceDialog):
    """One text for a step: a note, the reason to reopen, or a corrected account (``step``: note / reopen /
    correct)."""

    def __init__(self, store, record, step: str, parent=None) -> None:
        super().__init__(parent)
        self.store, self.record, self.step = store, record, step
        titles = {"note": self.tr("Add a note"), "reopen": self.tr("Reopen the record"),
                  "correct": self.tr("Correct the account")}
        self.setWindowTitle(titles[step])
        self.text = text_box()
        if step == "correct":
            self.text.setPlainText(record.account or "")
        form = QFormLayout()
        form.addRow({"note": self.tr("Note"), "reopen": self.tr("Reason"), "correct": self.tr("Account")}[step],
                    self.text)
        self.body(form)

    def save(self) -> None:
        text = self.text.toPlainText()
        if self.step == "note":
            self.store.service.add_note(self.record.id, text)
        elif self.step == "reopen":
            self.store.service.reopen(self.record.id, text)
        else:
            self.store.service.correct(self.record.id, text)


class AdrDialog(_ServiceDialog):
    """An adverse drug reaction report: the suspect product (scan or type) and batch, the reaction, its onset,
    seriousness and outcome, the usage, the reporter and the course."""

    def __init__(self, store, member=None, parent=None) -> None:
        super().__init__(parent)
        self.store, self.member = store, member
        self.setWindowTitle(self.tr("Adverse drug reaction report"))
        self.product = ProductPicker(store)
        self.product.productChosen.connect(self._load_batches)
        self.product.failed.connect(lambda exc: self.error.show_error(exc))
        self.batch = QComboBox()
        self.reaction = text_box(self.tr("What happened (e.g. rash on both arms, dizziness)"))
        self.onset = QDateEdit(QDate.fromString(store.today().isoformat(), "yyyy-MM-dd"))
        self.onset.setDisplayFormat("yyyy-MM-dd")
        self.onset.setMaximumDate(QDate.fromString(store.today().isoformat(), "yyyy-MM-dd"))
        self.seriousness = code_combo(SERIOUSNESS, ADR_SERIOUSNESS_LABELS)
        self.outcome = code_combo(ADR_OUTCOMES, ADR_OUTCOME_LABELS)
        self.usage = QLineEdit()
        self.usage.setPlaceholderText(self.tr("dose, route, how often, since when"))
        self.reporter = QLineEdit(store.user.display_name if store.user else "")
        self.account = text_box(self.tr("Course and handling: stopped, treated, referred"))
        form = QFormLayout()
        form.addRow(self.tr("Member"), QLabel(member.name if member and member.name else self.tr("walk-in customer")))
        form.addRow(self.tr("Suspect product"), self.product)
        form.addRow(self.tr("Batch"), self.batch)
        form.addRow(self.tr("Reaction"), self.reaction)
        form.addRow(self.tr("Onset date"), self.onset)
        form.addRow(self.tr("Seriousness"), self.seriousness)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Usage"), self.usage)
        form.addRow(self.tr("Reporter"), self.reporter)
        form.addRow(self.tr("Course"), self.account)
        self.body(form)

    def _load_batches(self, product) -> None:
        self.batch.clear()
        self.batch.addItem(self.tr("(batch not known)"), None)
        for batch in self.store.stock.batches(product.id, include_empty=True):
            self.batch.addItem(f"{batch['batch_no']} · {batch['expiry']}", batch["id"])

    def save(self) -> int:
        product = self.product.product or self.product.resolve()
        if product is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Scan or type the suspect product."))
        facts = AdrFacts(product.id, self.reaction.toPlainText(), self.onset.date().toString("yyyy-MM-dd"),
                         self.seriousness.currentData(), self.outcome.currentData(), self.reporter.text(),
                         batch_id=self.batch.currentData(), usage=self.usage.text())
        return self.store.service.report_adr(facts, member_id=self.member.id if self.member else None,
                                             account=self.account.toPlainText())

    def recorded_text(self) -> str:
        """What the user is told after saving: a serious report under GSP also took the batch off sale."""
        if self.store.service.get(self.result_value).adr["quality_hold"]:
            return self.tr("ADR report recorded. The batch is held in quarantine (Quality page) until a "
                           "pharmacist releases or disposes of it.")
        return self.tr("ADR report recorded.")
