"""Staff accounts for the owner: add people, change roles, reset passwords and PINs, deactivate.

Every change goes through ``store.users`` (which checks :attr:`Action.MANAGE_USERS`, keeps an owner,
hashes secrets and writes the audit log); this dialog only collects the input.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.permissions import ROLES
from pharmadesk.ui.common import ErrorLabel, exec_dialog, form_dialog_body
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


def role_name(role: str) -> str:
    return QCoreApplication.translate("roles", role)


class StaffMemberDialog(QDialog):
    """New account (user name, name, role, password, PIN) or, with ``user``, a new password/PIN."""

    def __init__(self, store, user: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.setWindowTitle(self.tr("New staff account") if user is None else self.tr("Reset password or PIN"))
        form = QFormLayout()
        self.username, self.name = QLineEdit(), QLineEdit()
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_name(role), role)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        if user is None:
            form.addRow(self.tr("User name"), self.username)
            form.addRow(self.tr("Full name"), self.name)
            form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("PIN (4–8 digits)"), self.pin)
        self.error = form_dialog_body(self, form, save=True)

    def accept(self) -> None:
        users = self.store.users
        try:
            if self.user is None:
                users.create(self.username.text(), self.name.text(), self.role.currentData(), self.password.text(),
                             self.pin.text() or None)
            else:
                if self.password.text():
                    users.change_password(self.user["id"], self.password.text())
                if self.pin.text():
                    users.set_pin(self.user["id"], self.pin.text())
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        finally:
            self.password.clear()
            self.pin.clear()
        super().accept()


class StaffDialog(QDialog):
    """The staff list with the owner's actions; ``exec_dialog`` runs the sub-dialogs (tests replace it)."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.setWindowTitle(self.tr("Staff"))
        self.resize(640, 420)
        self.table = ListTable([
            Column("username", self.tr("User name")),
            Column("display_name", self.tr("Name")),
            Column("role", self.tr("Role"), display=lambda row: role_name(row["role"])),
            Column("active", self.tr("Active"), display=lambda row: self.tr("yes") if row["active"] else self.tr("no")),
        ], filterable=False)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_name(role), role)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add…"), self.add), (self.tr("Reset password or PIN…"), self.reset),
                           (self.tr("Set role"), self.set_role), (self.tr("Deactivate"), self.deactivate)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            if slot == self.reset:
                buttons.addWidget(self.role)
        self.error = ErrorLabel()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list, keeping the same person selected."""
        current = self.table.current()
        self.table.set_rows(self.store.users.list())
        if current is not None:
            self.table.select(lambda row: row["id"] == current["id"])

    def _selected(self) -> dict | None:
        user = self.table.current()
        if user is None:
            self.error.show_info(self.tr("Choose a person first."))
        return user

    def _run(self, change) -> None:
        self.error.clear_message()
        try:
            change()
        except PharmaDeskError as exc:
            self.error.show_error(exc)
        self.refresh()

    def add(self) -> None:
        if self.exec_dialog(StaffMemberDialog(self.store, None, self)):
            self.refresh()

    def reset(self) -> None:
        user = self._selected()
        if user is not None:
            self.exec_dialog(StaffMemberDialog(self.store, user, self))

    def set_role(self) -> None:
        user = self._selected()
        if user is not None:
            self._run(lambda: self.store.users.set_role(user["id"], self.role.currentData()))

    def deactivate(self) -> None:
        user = self._selected()
        if user is not None:
            self._run(lambda: self.store.users.deactivate(user["id"]))
