"""The members page: a paged, sortable member list with search, and the chosen member's record.

Everything shown is what ``store.members`` returns for the logged-in role: a cashier gets the
masked phone and no health data (the conditions and consent-history widgets are not even built
into the view for that role).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.permissions import Action
from pharmadesk.ui.common import ErrorLabel, exec_dialog, money
from pharmadesk.ui.members.member_dialog import MemberDialog, source_label
from pharmadesk.ui.members.timeline_view import TimelineView
from pharmadesk.ui.service.record_dialogs import AdrDialog
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column, PagedQueryModel
from pharmadesk.ui.widgets.paged_table import PagedTable


def _day(text: str | None) -> str:
    return (text or "")[:10]


class MembersPage(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.member = None
        model = PagedQueryModel([
            Column("name", self.tr("Name")),
            Column("card_no", self.tr("Card")),
            Column("phone", self.tr("Phone"), sortable=False),
            Column("points", self.tr("Points"), numeric=True),
            Column("registered_at", self.tr("Registered"), lambda m: _day(m.registered_at)),
        ], fetch=store.members.page, count=store.members.page_count, page_size=100)
        self.table = PagedTable(model, self.tr("Search: name, card number or phone digits"))
        self.table.setObjectName("memberTable")
        self.table.currentChanged.connect(self.show_member)
        self.table.activated.connect(lambda _m: self.edit_member())

        self.register_button = QPushButton(self.tr("Register member…"))
        self.register_button.clicked.connect(self.register_member)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_member)
        self.adr_button = QPushButton(self.tr("ADR report…"))
        self.adr_button.clicked.connect(self.report_adr)
        self.message = ErrorLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        buttons = QHBoxLayout()
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.adr_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.table, 1)

        self.details = QWidget()
        form = QFormLayout(self.details)
        self.fields: dict[str, QLabel] = {}
        for key, label in (("name", self.tr("Name")), ("card_no", self.tr("Card")), ("phone", self.tr("Phone")),
                           ("birth_date", self.tr("Birth date")), ("sex", self.tr("Sex")),
                           ("points", self.tr("Points")), ("registered", self.tr("Registered")),
                           ("allergies", self.tr("Allergies")), ("care", self.tr("Care reminders")),
                           ("marketing", self.tr("Marketing"))):
            self.fields[key] = QLabel()
            self.fields[key].setObjectName(f"member_{key}")
            form.addRow(label, self.fields[key])

        self.conditions = QLabel()
        self.conditions.setObjectName("memberConditions")
        self.conditions.setWordWrap(True)
        self.consents = ListTable([
            Column("kind", self.tr("Consent"), lambda r: self.tr("care reminders") if r["kind"] == "care"
                   else self.tr("marketing")),
            Column("granted", self.tr("Answer"), lambda r: self.tr("yes") if r["granted"] else self.tr("no")),
            Column("at", self.tr("Date"), lambda r: _day(r["at"])),
            Column("source", self.tr("Given by"), lambda r: source_label(r["source"])),
        ], filterable=False)
        self.purchases = ListTable([
            Column("receipt_no", self.tr("Receipt")),
            Column("at", self.tr("Date"), lambda r: _day(r["at"])),
            Column("lines", self.tr("Lines"), numeric=True),
            Column("total", self.tr("Total"), lambda r: money(r["total"]), numeric=True),
            Column("points_earned", self.tr("Points"), numeric=True),
        ])
        self.points = ListTable([
            Column("at", self.tr("Date"), lambda r: _day(r["at"])),
            Column("delta", self.tr("Points"), numeric=True),
            Column("reason", self.tr("Reason")),
        ], filterable=False)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, self.tr("Details"))
        self.tabs.addTab(self.conditions, self.tr("Conditions"))
        self.tabs.addTab(self.consents, self.tr("Consent history"))
        self.tabs.addTab(self.purchases, self.tr("Purchases"))
        self.tabs.addTab(self.points, self.tr("Points"))
        self.timeline = TimelineView(store)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.user_changed()

    # -- who is looking -----------------------------------------------------------------------------

    def user_changed(self) -> None:
        full = self.store.may(Action.VIEW_MEMBER_FULL)
        self.register_button.setVisible(self.store.may(Action.REGISTER_MEMBER))
        self.edit_button.setVisible(self.store.may(Action.EDIT_MEMBER))
        self.adr_button.setVisible(self.store.may(Action.HANDLE_SERVICE))
        for widget in (self.conditions, self.consents, self.purchases, self.points):
            self.tabs.setTabVisible(self.tabs.indexOf(widget), full)
        for key in ("birth_date", "allergies"):
            self.fields[key].setVisible(full)
            self.details.layout().labelForField(self.fields[key]).setVisible(full)
        self.refresh()

    def health_visible(self) -> bool:
        return self.tabs.isTabVisible(self.tabs.indexOf(self.conditions))

    def refresh(self) -> None:
        if self.store.user is None:
            return
        self.table.refresh()
        self.show_member(None)

    def search(self, text: str) -> None:
        self.table.set_filter(text)

    # -- one member ------------------------------------------------------------------------------------

    def select_member(self, member_id: int) -> bool:
        found = self.table.select(lambda m: m.id == member_id)
        if found:
            self.show_member(self.table.current())
        return found

    def show_member(self, member) -> None:
        self.member = member
        self.edit_button.setEnabled(member is not None)
        self.adr_button.setEnabled(member is not None)
        values = dict.fromkeys(self.fields, "")
        self.conditions.setText("")
        for table in (self.consents, self.purchases, self.points):
            table.set_rows([])
        self.timeline.show_member(None)
        if member is not None:
            values.update(
                name=member.name or "", card_no=member.card_no or "", phone=member.phone or "",
                birth_date=member.birth_date or "", sex=member.sex or "", points=str(member.points),
                registered=_day(member.registered_at), allergies=member.allergies or "",
                care=self.tr("yes") if member.care_consent else self.tr("no"),
                marketing=self.tr("yes") if member.marketing_consent else self.tr("no"))
            try:
                if member.conditions is not None and self.store.may(Action.VIEW_MEMBER_FULL):
                    self.conditions.setText("\n".join(member.conditions) or self.tr("none recorded"))
                    history = self.store.members.consent_history(member.id)
                    self.consents.set_rows(history)
                    latest = {row["kind"]: row for row in history}
                    for kind in ("care", "marketing"):
                        if kind in latest:
                            values[kind] += self.tr(" (since {0}, {1})").format(
                                _day(latest[kind]["at"]), source_label(latest[kind]["source"]))
                    # What a member buys is health data: a masked role gets no purchase history.
                    self.purchases.set_rows(self.store.members.purchase_history(member.id))
                    self.points.set_rows(self.store.members.points_history(member.id))
                self.timeline.show_member(member.id)
            except PharmaDeskError as exc:
                self.message.show_error(exc)
        for key, text in values.items():
            self.fields[key].setText(text)

    def register_member(self) -> None:
        self.message.clear_message()
        dialog = MemberDialog(self.store, None, self)
        if self.exec_dialog(dialog) and dialog.member_id is not None:
            self._reload(dialog.member_id, self.tr("Member registered."))

    def edit_member(self) -> None:
        if self.member is None or not self.store.may(Action.EDIT_MEMBER):
            return
        self.message.clear_message()
        try:
            member = self.store.members.get(self.member.id)
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return
        dialog = MemberDialog(self.store, member, self)
        if self.exec_dialog(dialog):
            self._reload(member.id, self.tr("Member saved."))

    def report_adr(self) -> None:
        """An adverse drug reaction of the chosen member (pharmacists and the owner)."""
        if self.member is None:
            return
        self.message.clear_message()
        dialog = AdrDialog(self.store, self.member, parent=self)
        if self.exec_dialog(dialog):
            self._reload(self.member.id, dialog.recorded_text() + " " + self.tr("Print it from the Service page."))

    def _reload(self, member_id: int, text: str) -> None:
        self.table.refresh()
        if not self.select_member(member_id):
            self.show_member(self.store.members.get(member_id))
        self.message.show_info(text)
