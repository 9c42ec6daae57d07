"""A member's timeline on the members page: one list of what happened, newest first, filtered by kind. Health
items come only for roles that see the full record (the domain decides; this view shows what it gets)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from pharmadesk.core.member_timeline import KINDS
from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.reports.document import OUTCOMES as REMINDER_OUTCOMES, REMINDER_KINDS
from pharmadesk.reports.labels import SERVICE_KIND_LABELS, SERVICE_OUTCOME_LABELS, SERVICE_STATUS_LABELS, label
from pharmadesk.ui.common import money
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column

KIND_LABELS = {
    "registered": QT_TRANSLATE_NOOP("TimelineView", "Registered"),
    "consent": QT_TRANSLATE_NOOP("TimelineView", "Consent"),
    "sale": QT_TRANSLATE_NOOP("TimelineView", "Purchase"),
    "return": QT_TRANSLATE_NOOP("TimelineView", "Return"),
    "points": QT_TRANSLATE_NOOP("TimelineView", "Points"),
    "reminder": QT_TRANSLATE_NOOP("TimelineView", "Care reminder"),
    "reminder_outcome": QT_TRANSLATE_NOOP("TimelineView", "Reminder outcome"),
    "service": QT_TRANSLATE_NOOP("TimelineView", "Service record"),
}


PHRASES = {
    "card": QT_TRANSLATE_NOOP("TimelineView", "card %1"),
    "care": QT_TRANSLATE_NOOP("TimelineView", "care reminders"),
    "marketing": QT_TRANSLATE_NOOP("TimelineView", "marketing"),
    "agreed": QT_TRANSLATE_NOOP("TimelineView", "agreed to %1"),
    "withdrew": QT_TRANSLATE_NOOP("TimelineView", "withdrew %1"),
    "receipt": QT_TRANSLATE_NOOP("TimelineView", "receipt %1, %2"),
    "return": QT_TRANSLATE_NOOP("TimelineView", "return %1, refund %2"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("TimelineView", text)


def describe(event) -> str:
    """One event's facts as a line of text."""
    f = event.facts
    if event.kind == "registered":
        return _t(PHRASES["card"]).replace("%1", str(f.get("card_no") or ""))
    if event.kind == "consent":
        what = _t(PHRASES["care"] if f["consent"] == "care" else PHRASES["marketing"])
        return _t(PHRASES["agreed"] if f["granted"] else PHRASES["withdrew"]).replace("%1", what)
    if event.kind == "sale":
        text = _t(PHRASES["receipt"]).replace("%1", f["receipt_no"]).replace("%2", money(f["total"]))
        return text + (": " + "、".join(f["products"]) if f.get("products") else "")
    if event.kind == "return":
        return _t(PHRASES["return"]).replace("%1", f["return_no"]).replace("%2", money(f["refund"]))
    if event.kind == "points":
        return f"{f['delta']:+d}"
    if event.kind == "reminder":
        kind = QCoreApplication.translate("ReportWriter", REMINDER_KINDS.get(f["reminder"], f["reminder"]))
        return " · ".join(x for x in (kind, f.get("product"), f.get("due_date")) if x)
    if event.kind == "reminder_outcome":
        return QCoreApplication.translate("ReportWriter", REMINDER_OUTCOMES.get(f["outcome"], f["outcome"]))
    parts = [label(SERVICE_KIND_LABELS, f["service"]), label(SERVICE_STATUS_LABELS, f["status"])]
    if f.get("outcome"):
        parts.append(label(SERVICE_OUTCOME_LABELS, f["outcome"]))
    return " · ".join(parts) + (f": {f['account']}" if f.get("account") else "")


class TimelineView(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.member_id: int | None = None
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Everything"), None)
        for kind in KINDS:
            self.kind.addItem(_t(KIND_LABELS[kind]), kind)
        self.kind.currentIndexChanged.connect(lambda *_: self.show_member(self.member_id))
        self.table = ListTable([
            Column("at", self.tr("When"), lambda e: e.at[:16].replace("T", " ")),
            Column("kind", self.tr("What"), lambda e: _t(KIND_LABELS[e.kind])),
            Column("facts", self.tr("Details"), describe),
        ])
        self.table.setObjectName("memberTimeline")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.table, 1)

    def show_member(self, member_id: int | None) -> None:
        self.member_id = member_id
        if member_id is None:
            self.table.set_rows([])
            return
        kind = self.kind.currentData()
        self.table.set_rows(self.store.members.timeline(member_id, None if kind is None else [kind]))

    def events(self) -> list:
        return self.table.visible_rows()
