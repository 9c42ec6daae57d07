"""A colleague's user name and PIN, turned into a store :class:`~pharmadesk.core.users.Approval`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout

from pharmadesk.errors import QT_TRANSLATE_NOOP, PharmaDeskError, ValidationError
from pharmadesk.core.permissions import ACTION_LABELS, Action
from pharmadesk.ui.common import ErrorLabel
from pharmadesk.core.users import Approval
from pharmadesk.ui.widgets.search_field import KeepEnterLineEdit


class ApprovalBox(QGroupBox):
    """Asks who approves (user name + PIN); :meth:`approve` checks it through ``store.users.approve``."""

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(title, parent)
        self.username = KeepEnterLineEdit()          # Enter goes on to the PIN; only Enter in the PIN confirms
        self.username.setObjectName("approverName")
        self.username.returnPressed.connect(lambda: self.pin.setFocus())
        self.pin = QLineEdit()
        self.pin.setObjectName("approverPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("PIN"), self.pin)

    def set_credentials(self, username: str, pin: str) -> None:
        self.username.setText(username)
        self.pin.setText(pin)

    def approve(self, store, action: Action, subject: str | None = None) -> Approval:
        """Raises AuthenticationError / PermissionDenied with a clerk-friendly message. ``subject`` binds the
        approval to its object (a refund: the receipt number).

        Empty fields are not a login attempt: they are refused here, and no failed login is recorded."""
        if not (self.username.text().strip() and self.pin.text()):
            (self.pin if self.username.text().strip() else self.username).setFocus()
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Enter the user name and PIN of the colleague who approves."))
        try:
            return store.users.approve(self.username.text().strip(), self.pin.text(), action, subject)
        finally:
            self.pin.clear()


class ApprovalDialog(QDialog):
    """Asks a colleague who may ``action`` to approve it with their PIN; :attr:`approval` on accept."""

    def __init__(self, store, action: Action, parent=None, subject: str | None = None, prompt: str | None = None
                 ) -> None:
        super().__init__(parent)
        self.store = store
        self.action = action
        self.subject = subject              # binds the approval to its object (see ApprovalBox.approve)
        self.approval: Approval | None = None
        self.setWindowTitle(self.tr("Approval needed"))
        what = QCoreApplication.translate("actions", ACTION_LABELS[action])
        layout = QVBoxLayout(self)
        heading = QLabel(prompt or self.tr("A colleague who may {0} approves this sale:").format(what))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.box = ApprovalBox(self.tr("Approved by"))
        layout.addWidget(self.box)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.approval = self.box.approve(self.store, self.action, self.subject)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()
