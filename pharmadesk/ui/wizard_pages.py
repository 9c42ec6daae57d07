"""The pages of the first-run wizard (:mod:`pharmadesk.ui.wizard`): store, owner, recovery passphrase,
preferences and how to start. Each page exposes its fields as attributes so tests fill them directly;
the rules themselves (password, PIN, passphrase strength) are the domain's, checked here early so the
owner sees the problem on the page that has it.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from pharmadesk.db import keys
from pharmadesk.errors import PharmaDeskError
from pharmadesk.ui.common import ErrorLabel, error_text
from pharmadesk.ui.settings_dialog import LANGUAGES
from pharmadesk.core.users import Users


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class StorePage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your pharmacy"))
        self.setSubTitle(self.tr("The name and address appear on receipts and reports."))
        self.store_name = QLineEdit()
        self.store_name.setObjectName("storeName")
        self.address = QPlainTextEdit()
        self.address.setObjectName("storeAddress")
        self.address.setMaximumHeight(80)
        form = QFormLayout(self)
        form.addRow(self.tr("Store name"), self.store_name)
        form.addRow(self.tr("Address"), self.address)
        self.store_name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.store_name.text().strip())


class OwnerPage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The owner's account"))
        self.setSubTitle(self.tr("You log in with this account. Add your staff later, under Settings."))
        self.username = QLineEdit()
        self.username.setObjectName("ownerUsername")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("ownerName")
        self.password = _secret_field("ownerPassword")
        self.password_again = _secret_field("ownerPasswordAgain")
        self.pin = _secret_field("ownerPin")
        self.pin.setPlaceholderText(self.tr("4 to 8 digits, to unlock the till quickly (optional)"))
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        form.addRow(self.tr("PIN"), self.pin)
        self.error = ErrorLabel()
        form.addRow(self.error)
        for field in (self.username, self.full_name, self.password, self.password_again):
            field.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802
        return all(f.text().strip() for f in (self.username, self.full_name, self.password, self.password_again))

    def problem(self) -> str | None:
        """What stops this page, in words for the owner; None when it may go on."""
        if self.password.text() != self.password_again.text():
            return self.tr("The two passwords are not the same.")
        try:
            Users.check_password_strength(self.password.text())
            Users.check_pin_format(self.pin.text().strip() or None)
        except PharmaDeskError as exc:
            return error_text(exc)
        return None

    def validatePage(self) -> bool:  # noqa: N802
        problem = self.problem()
        if problem:
            self.error.show_error(problem)
            return False
        self.error.clear_message()
        return True


class PassphrasePage(QWizardPage):
    """Shows a generated passphrase once; Next stays disabled until it is typed back exactly.
    The owner may choose their own instead (then it must pass the strength check)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Recovery passphrase"))
        self.setSubTitle(self.tr("It opens the store on a new computer or from a backup. Without it, "
                                 "nobody — not even PharmaDesk's makers — can recover your data."))
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(self.tr("Write this passphrase down on paper now and keep it in a safe place. "
                                       "It is shown only here, only once.")))
        self.generated = QLabel()
        self.generated.setObjectName("generatedPassphrase")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.6 if font.pointSizeF() > 0 else 16)
        font.setBold(True)
        self.generated.setFont(font)
        layout.addWidget(self.generated)
        self.another = QPushButton(self.tr("Make another"))
        self.another.clicked.connect(self.regenerate)
        self.own = QCheckBox(self.tr("I will choose my own passphrase"))
        self.own.toggled.connect(self._own_toggled)
        row = QHBoxLayout()
        row.addWidget(self.another)
        row.addWidget(self.own)
        row.addStretch(1)
        layout.addLayout(row)
        self.own_passphrase = _secret_field("ownPassphrase")
        self.own_passphrase.setPlaceholderText(self.tr("At least {0} characters").format(keys.MIN_PASSPHRASE_LENGTH))
        self.own_passphrase.hide()
        layout.addWidget(self.own_passphrase)
        self.confirm = _secret_field("confirmPassphrase")
        form = QFormLayout()
        form.addRow(self.tr("Type it again to confirm"), self.confirm)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.confirm.textChanged.connect(self.completeChanged)
        self.own_passphrase.textChanged.connect(self.completeChanged)
        self.regenerate()

    def regenerate(self) -> None:
        self.generated.setText(keys.generate_passphrase())
        self.confirm.clear()
        self.completeChanged.emit()

    def _own_toggled(self, own: bool) -> None:
        self.generated.setVisible(not own)
        self.another.setVisible(not own)
        self.own_passphrase.setVisible(own)
        self.confirm.clear()
        self.error.clear_message()
        self.completeChanged.emit()

    def passphrase(self) -> str:
        return self.own_passphrase.text() if self.own.isChecked() else self.generated.text()

    def strength_problem(self) -> str | None:
        try:
            keys.check_passphrase_strength(self.passphrase())
        except PharmaDeskError as exc:
            return error_text(exc)
        return None

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.passphrase()) and self.confirm.text().strip() == self.passphrase().strip() \
            and self.strength_problem() is None

    def validatePage(self) -> bool:  # noqa: N802
        problem = self.strength_problem()
        if problem:
            self.error.show_error(problem)
            return False
        return self.isComplete()


class PreferencesPage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Language, receipts and backups"))
        self.setSubTitle(self.tr("You can change all of these later under Store → Settings."))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.receipt_header = QPlainTextEdit()
        self.receipt_header.setObjectName("receiptHeader")
        self.receipt_header.setMaximumHeight(70)
        self.receipt_header.setPlaceholderText(self.tr("Address, phone, licence number…"))
        self.backup_dir = QLineEdit()
        self.backup_dir.setObjectName("backupDir")
        self.backup_dir.setPlaceholderText(self.tr("Optional: a USB drive or network folder"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_backup_dir)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.backup_dir, 1)
        row_layout.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Receipt header"), self.receipt_header)
        form.addRow(self.tr("Backup folder"), row)
        form.addRow("", _hint(self.tr("With a backup folder, PharmaDesk backs up the store after every day close.")))

    def choose_backup_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.backup_dir.text())
        if folder:
            self.backup_dir.setText(folder)


class StartPage(QWizardPage):
    """Empty store, products and members from CSV files, or the demo store. Creating the store happens
    when the owner presses the commit button here."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("How to start"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create the store"))
        self.empty = QRadioButton(self.tr("An empty store: I will add products myself"))
        self.import_files = QRadioButton(self.tr("Import products and members from CSV files"))
        self.demo = QRadioButton(self.tr("The demo store: two years of made-up sales to try PharmaDesk out"))
        self.choice = QButtonGroup(self)
        for button in (self.empty, self.import_files, self.demo):
            self.choice.addButton(button)
        self.empty.setChecked(True)
        self.products_csv, products_row = self._file_row("productsCsv")
        self.members_csv, members_row = self._file_row("membersCsv")
        self.files = QWidget()
        files_form = QFormLayout(self.files)
        files_form.addRow(self.tr("Products file"), products_row)
        files_form.addRow(self.tr("Members file"), members_row)
        self.files.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.import_files)
        layout.addWidget(self.files)
        layout.addWidget(self.demo)
        layout.addWidget(_hint(self.tr("The demo store also has the accounts owner, pharmacist and cashier; "
                                       "its members and sales are invented. In Chinese it is a Chinese pharmacy "
                                       "under the China GSP rules: approval numbers, OTC classes, cold-chain and "
                                       "split-pack items.")))
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.import_files.toggled.connect(self.files.setEnabled)
        for signal in (self.choice.buttonToggled, self.products_csv.textChanged, self.members_csv.textChanged):
            signal.connect(self.completeChanged)

    def _file_row(self, name: str):
        field = QLineEdit()
        field.setObjectName(name)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(lambda: self._choose_file(field))
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(field, 1)
        row_layout.addWidget(browse)
        return field, row

    def _choose_file(self, field: QLineEdit) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a CSV file"), field.text(),
                                                    self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if name:
            field.setText(name)

    def start(self) -> str:
        return "import" if self.import_files.isChecked() else "demo" if self.demo.isChecked() else "empty"

    def isComplete(self) -> bool:  # noqa: N802
        return self.start() != "import" or bool(self.products_csv.text().strip() or self.members_csv.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        problem = self.wizard().start_problem()
        if problem:
            self.error.show_error(problem)
            return False
        self.error.clear_message()
        return True
