"""Register a member or correct one: every check is the domain's, its message shown inline.

Health data (conditions, allergies) and the full record are offered only to roles with
``VIEW_MEMBER_FULL``; the dialog stays open on a refused save and nothing is written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout,
)

from pharmadesk.errors import QT_TRANSLATE_NOOP, PharmaDeskError
from pharmadesk.core.members import CONSENT_SOURCES, SEXES
from pharmadesk.core.permissions import Action
from pharmadesk.ui.common import ErrorLabel

SOURCE_LABELS = {  # how consent was given, translated in context "consent_sources"
    "paper_form": QT_TRANSLATE_NOOP("consent_sources", "paper form"),
    "verbal": QT_TRANSLATE_NOOP("consent_sources", "verbal"),
    "app": QT_TRANSLATE_NOOP("consent_sources", "app"),
    "sms": QT_TRANSLATE_NOOP("consent_sources", "SMS"),
    "email": QT_TRANSLATE_NOOP("consent_sources", "e-mail"),
    "import": QT_TRANSLATE_NOOP("consent_sources", "import"),
}


def source_label(source: str) -> str:
    return QCoreApplication.translate("consent_sources", SOURCE_LABELS.get(source, source))


def split_conditions(text: str) -> list[str]:
    return [part for part in (p.strip() for p in (text or "").replace(";", ",").split(",")) if part]


class MemberDialog(QDialog):
    """``member`` None registers a new member; otherwise edits it. On accept :attr:`member_id` is set."""

    def __init__(self, store, member=None, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.member = member
        self.member_id = member.id if member else None
        self.full = store.may(Action.VIEW_MEMBER_FULL)
        self.setWindowTitle(self.tr("Edit member") if member else self.tr("Register member"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(member.name or "" if member else "")
        self.phone = QLineEdit(member.phone or "" if member else "")
        self.phone.setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        self.birth_date = QLineEdit(member.birth_date or "" if member else "")
        self.birth_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.sex = QComboBox()
        self.sex.addItem(self.tr("(not given)"), "")
        for code, label in zip(SEXES, (self.tr("female"), self.tr("male"), self.tr("other"))):
            self.sex.addItem(label, code)
        if member and member.sex:
            self.sex.setCurrentIndex(self.sex.findData(member.sex))
        self.language = QComboBox()            # the language the member is spoken to in (care scripts)
        self.language.addItem(self.tr("The store's language"), None)
        self.language.addItem("中文", "zh_CN")     # each language in its own name, as language menus do
        self.language.addItem("English", "en")
        if member and member.language:
            self.language.setCurrentIndex(self.language.findData(member.language))
        self.card_no = QLineEdit(member.card_no or "" if member else "")
        self.card_no.setPlaceholderText(self.tr("leave empty to issue a new card"))
        self.allergies = QLineEdit(member.allergies or "" if member else "")
        self.notes = QLineEdit(member.notes or "" if member else "")
        self.conditions = QLineEdit(", ".join(member.conditions or ()) if member else "")
        self.conditions.setPlaceholderText(self.tr("e.g. hypertension, diabetes"))
        self.care = QCheckBox(self.tr("Agrees to care reminders"))
        self.marketing = QCheckBox(self.tr("Agrees to marketing messages"))
        if member:
            self.care.setChecked(member.care_consent)
            self.marketing.setChecked(member.marketing_consent)
        self.source = QComboBox()
        for source in CONSENT_SOURCES:
            if source != "import":
                self.source.addItem(source_label(source), source)

        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Card number"), self.card_no)
        form.addRow(self.tr("Birth date"), self.birth_date)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Speaks"), self.language)
        if self.full:
            form.addRow(self.tr("Chronic conditions"), self.conditions)
            form.addRow(self.tr("Allergies"), self.allergies)
            if member:
                form.addRow(self.tr("Notes"), self.notes)
        else:   # a masked view must never be written back as if it were the data
            for widget in (self.conditions, self.allergies, self.notes):
                widget.hide()
            if member:
                for widget in (self.phone, self.birth_date):
                    widget.setEnabled(False)
        form.addRow(self.care)
        form.addRow(self.marketing)
        form.addRow(self.tr("Consent given by"), self.source)
        layout.addLayout(form)
        self.error = ErrorLabel()
        self.error.setObjectName("memberError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.error.clear_message()
        try:
            self.save()
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()

    def save(self) -> None:
        source = self.source.currentData()
        if self.member is None:
            self.member_id = self.store.members.register(
                self.name.text(), self.phone.text(), self.birth_date.text() or None, self.sex.currentData() or None,
                self.card_no.text().strip() or None,
                split_conditions(self.conditions.text()) if self.full else (),
                (self.allergies.text() or None) if self.full else None,
                self.care.isChecked(), self.marketing.isChecked(), source,
                language=self.language.currentData())
            return
        member, changes = self.member, {}
        wanted = {"name": self.name.text(), "card_no": self.card_no.text(), "sex": self.sex.currentData()}
        if self.full:
            wanted.update(phone=self.phone.text(), birth_date=self.birth_date.text(),
                          allergies=self.allergies.text(), notes=self.notes.text())
        for key, value in wanted.items():
            if (value or "").strip() != (getattr(member, key) or ""):
                changes[key] = value
        if self.language.currentData() != member.language:
            changes["language"] = self.language.currentData()
        conditions = split_conditions(self.conditions.text()) if self.full else None
        # Each call checks everything before it writes; the fields go first so a bad phone saves nothing.
        if changes:
            self.store.members.update(member.id, **changes)
        if conditions is not None and sorted(c.lower() for c in conditions) != sorted(member.conditions or ()):
            self.store.members.set_conditions(member.id, conditions)
        for kind, box, current in (("care", self.care, member.care_consent),
                                   ("marketing", self.marketing, member.marketing_consent)):
            if box.isChecked() != current:
                self.store.members.set_consent(member.id, kind, box.isChecked(), source)
