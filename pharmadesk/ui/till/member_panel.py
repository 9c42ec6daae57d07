"""The member at the till: search (card scan, phone digits or name) and the panel showing who is attached.

The phone shown is what ``store.members`` returns for the user's role (masked for cashiers).
Care alerts come from the analytics later, through :meth:`MemberPanel.set_member_alerts`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.ui.common import ErrorLabel
from pharmadesk.ui.widgets.search_field import SearchField, no_auto_default


def member_line(member) -> str:
    return f"{member.name or '—'}  ·  {member.phone or ''}  ·  {member.card_no or ''}"


class MemberSearchDialog(QDialog):
    """Type or scan; Enter on a result attaches it. On accept :attr:`member` is the chosen Member.

    Enter in the search field searches: a single match is attached, several move to the list, none says so.
    It never presses Attach on a list the clerk has not seen.
    """

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.member = None
        self.setWindowTitle(self.tr("Find member"))
        self.resize(520, 360)
        layout = QVBoxLayout(self)
        self.query = SearchField(self.tr("Scan the card, or type phone digits or a name"))
        self.query.setObjectName("memberQuery")
        layout.addWidget(self.query)
        self.results = QListWidget()
        self.results.setObjectName("memberResults")
        layout.addWidget(self.results)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Attach"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        no_auto_default(self)
        self.query.textEdited.connect(self.search)
        self.query.returnPressed.connect(self._on_return)
        self.results.itemActivated.connect(lambda _item: self.accept())

    def search(self, text: str) -> None:
        self.results.clear()
        self.error.clear_message()
        try:
            members = self.store.members.search(text, limit=20)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        for member in members:
            item = QListWidgetItem(member_line(member))
            item.setData(Qt.ItemDataRole.UserRole, member)
            self.results.addItem(item)
        if members:
            self.results.setCurrentRow(0)

    def _on_return(self) -> None:
        self.search(self.query.text())
        if self.results.count() == 1:
            self.accept()
        elif self.results.count() > 1:
            self.results.setFocus()
        else:
            self.error.show_info(self.tr("No member found."))

    def accept(self) -> None:
        item = self.results.currentItem()
        if item is None:
            self.error.show_info(self.tr("Choose a member first."))
            return
        self.member = item.data(Qt.ItemDataRole.UserRole)
        super().accept()


class MemberPanel(QFrame):
    """Shows the attached member (name, phone as the role may see it, points) and care alerts."""

    attachRequested = Signal()
    detachRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPanel")
        self.member = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.name = QLabel()
        self.name.setObjectName("memberName")
        self.name.setWordWrap(True)         # a long name wraps in the panel; it never widens the till's side
        top.addWidget(self.name, 1)
        self.attach_button = QPushButton(self.tr("Member (F3)"))
        self.attach_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.attach_button.clicked.connect(self.attachRequested)
        self.detach_button = QPushButton(self.tr("Remove"))
        self.detach_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.detach_button.clicked.connect(self.detachRequested)
        top.addWidget(self.attach_button)
        top.addWidget(self.detach_button)
        layout.addLayout(top)
        self.details = QLabel()
        self.details.setObjectName("memberDetails")
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        self.alerts = QLabel()
        self.alerts.setObjectName("memberAlerts")
        self.alerts.setWordWrap(True)
        layout.addWidget(self.alerts)
        self.set_member(None)

    def set_member(self, member) -> None:
        self.member = member
        self.detach_button.setVisible(member is not None)
        if member is None:
            self.name.setText(self.tr("No member — F3 to attach one"))
            self.details.setText("")
        else:
            self.name.setText(member.name or self.tr("(anonymous member)"))
            self.details.setText(self.tr("Phone {0} · Card {1} · {2} points").format(
                member.phone or "—", member.card_no or "—", member.points))
        self.set_member_alerts([])

    def set_member_alerts(self, alerts: list[str]) -> None:
        """Care alerts for the attached member (refill due, overdue, low adherence...), fed by the analytics."""
        self.alerts.setText("\n".join(f"• {alert}" for alert in alerts))
        self.alerts.setVisible(bool(alerts))

    def alert_texts(self) -> list[str]:
        text = self.alerts.text()
        return [line[2:] for line in text.split("\n")] if text else []
