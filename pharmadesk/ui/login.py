"""Getting in: the recovery-passphrase dialog (unlock the store) and the login dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from pharmadesk.errors import PharmaDeskError
from pharmadesk.ui.common import ErrorLabel


class PassphraseDialog(QDialog):
    """Asks for the owner's recovery passphrase when the keyring has no key; opens the store on accept."""

    def __init__(self, store_dir: Path, opener, parent=None) -> None:
        super().__init__(parent)
        self._opener = opener  # callable(passphrase) -> Store; raises PharmaDeskError
        self.store = None
        self.setWindowTitle(self.tr("Unlock the store"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("This computer does not hold the key of the store in\n{0}.\n"
                               "Enter the recovery passphrase to open it.").format(store_dir))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Recovery passphrase"), self.passphrase)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.store = self._opener(self.passphrase.text())
        except PharmaDeskError as exc:
            self.passphrase.selectAll()
            self.error.show_error(exc)
            return
        super().accept()


class LoginDialog(QDialog):
    """User name and password (or PIN); logs in on accept, shows wrong-login / locked-out messages plainly."""

    def __init__(self, store, hint: str = "", parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Log in — {0}").format(store.settings.store_name))
        layout = QVBoxLayout(self)
        title = QLabel(store.settings.store_name)
        title.setObjectName("loginTitle")
        layout.addWidget(title)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password or PIN"), self.password)
        layout.addLayout(form)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setObjectName("hint")
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.username.returnPressed.connect(self.password.setFocus)

    def set_credentials(self, username: str, secret: str) -> None:
        self.username.setText(username)
        self.password.setText(secret)

    def accept(self) -> None:
        try:
            self.store.login(self.username.text().strip(), self.password.text())
        except PharmaDeskError as exc:
            self.password.clear()
            self.password.setFocus()
            self.error.show_error(exc)
            return
        super().accept()
