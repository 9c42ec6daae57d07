"""Small helpers every page shares: translated error messages, money, running dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QMessageBox, QVBoxLayout, QWidget

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.money import format_money
from pharmadesk.wording import render


def error_text(exc: BaseException) -> str:
    """The translated, clerk-friendly message of a PharmaDesk error (context ``errors``)."""
    if not isinstance(exc, PharmaDeskError):
        return str(exc)
    template = QCoreApplication.translate("errors", exc.template)
    contexts = {"action": "actions", "document": "quality", "field": "fields"}   # parameters that are marked text
    params = {
        key: QCoreApplication.translate(contexts[key], value) if key in contexts and isinstance(value, str) else value
        for key, value in exc.params.items()
    }
    try:
        return template.format(**params) if params else template
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
        return exc.message


def translated(value, context: str | None = None) -> str:
    """``value`` in the user's language: a :class:`pharmadesk.wording.Text` through its own context, a plain
    string through ``context`` when given (see :func:`pharmadesk.wording.render`)."""
    return render(value, QCoreApplication.translate, context)


def money(minor: int) -> str:
    return format_money(minor)


def form_dialog_body(dialog: QDialog, form, save: bool = False) -> "ErrorLabel":
    """Lay out a dialog as: the form, an error line, then OK (or Save) / Cancel wired to accept/reject.

    Returns the error line, where ``accept`` shows the domain's refusal and keeps the dialog open.
    """
    error = ErrorLabel()
    confirm_button = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(confirm_button | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return error


def column(*parts) -> QWidget:
    """A widget stacking ``parts`` top to bottom without margins (one side of a splitter). A part is a widget,
    a layout, or ``(widget, stretch)`` for one that takes the spare height."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        elif isinstance(part, tuple):
            layout.addWidget(*part)
        else:
            layout.addWidget(part)
    return widget


def confirm(parent, title: str, text: str) -> bool:
    """A yes/no question before something irreversible; pages hold it as an attribute tests replace."""
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes


def exec_dialog(dialog: QDialog) -> bool:
    """Run a modal dialog; True when accepted. Pages hold this as ``self.exec_dialog`` so tests replace it."""
    return dialog.exec() == QDialog.DialogCode.Accepted


class ErrorLabel(QLabel):
    """An inline, plainly worded message inside a dialog or page (red for errors, green for success)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("errorLabel")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, exc_or_text) -> None:
        self.setProperty("kind", "error")
        self._show(exc_or_text if isinstance(exc_or_text, str) else error_text(exc_or_text))

    def show_info(self, text: str) -> None:
        self.setProperty("kind", "info")
        self._show(text)

    def _show(self, text: str) -> None:
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.setText("")
        self.hide()
