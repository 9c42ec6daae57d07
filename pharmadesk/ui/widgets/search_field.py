"""Line edits that keep Enter to themselves, so Enter in a dialog never presses a button it did not mean.

In a QDialog, a QLineEdit lets Enter through after emitting ``returnPressed``: the dialog then clicks its
default button (OK, Refund, Attach), which a QDialogButtonBox picks by itself when the dialog is shown.
Typed into a search field, that Enter confirmed an approval with an empty PIN ("Wrong user name or
password." and a failed login in the audit log). :class:`KeepEnterLineEdit` stops Enter after its own
``returnPressed``; :class:`SearchField` is the search box every dialog uses; :func:`no_auto_default` keeps
a focused button from becoming the default as Tab passes over it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class KeepEnterLineEdit(QLineEdit):
    """A line edit whose Enter emits ``returnPressed`` (and ``editingFinished``) and goes no further.

    The dialog's default button does not fire; what Enter does is only what ``returnPressed`` is
    connected to (search, move to the next field, or confirm on purpose).
    """

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in ENTER_KEYS:
            super().keyPressEvent(event)    # emits returnPressed, then ignores the event...
            event.accept()                  # ...which would hand it to the dialog: keep it here
            return
        super().keyPressEvent(event)


class SearchField(KeepEnterLineEdit):
    """The search box of a dialog (receipt number, member's phone or card): Enter searches, never confirms."""

    def __init__(self, placeholder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        if placeholder:
            self.setPlaceholderText(placeholder)


def no_auto_default(dialog: QDialog) -> None:
    """Make no push button of ``dialog`` an auto-default one.

    An auto-default button becomes the default while it has focus, so Enter pressed after Tab moved
    past it would press it. Call this once the dialog's buttons exist (a dialog with a search field).
    """
    for button in dialog.findChildren(QPushButton):
        button.setAutoDefault(False)
