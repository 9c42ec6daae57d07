"""A colleague's user name and PIN, turned into a store :class:`~pharmadesk.users.Approval`."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit

from pharmadesk.permissions import Action
from pharmadesk.users import Approval


class ApprovalBox(QGroupBox):
    """Asks who approves (user name + PIN); :meth:`approve` checks it through ``store.users.approve``."""

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(title, parent)
        self.username = QLineEdit()
        self.username.setObjectName("approverName")
        self.pin = QLineEdit()
        self.pin.setObjectName("approverPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("PIN"), self.pin)

    def set_credentials(self, username: str, pin: str) -> None:
        self.username.setText(username)
        self.pin.setText(pin)

    def approve(self, store, action: Action) -> Approval:
        """Raises AuthenticationError / PermissionDenied with a clerk-friendly message."""
        try:
            return store.users.approve(self.username.text().strip(), self.pin.text(), action)
        finally:
            self.pin.clear()
