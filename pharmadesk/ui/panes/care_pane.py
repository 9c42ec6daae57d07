"""The care pane (pharmacist and owner): today's worklist of reminders — refills due, overdue, low
adherence, medication-sync candidates, lapsed members, birthdays — with whom to call (phone as the role
may see it, consents) and the script for each in the member's language; keys
1-4 record the outcome of the selected reminder; a chart of reminder conversion per month."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter

from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.ui.common import column, translated
from pharmadesk.wording import render
from pharmadesk.ui.panes import editable_rows
from pharmadesk.ui.panes.base import AnalyticsPane
from pharmadesk.ui.panes.charts import ChartCanvas
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column

KIND_NAMES = {
    "refill_due": QT_TRANSLATE_NOOP("care", "refill due"),
    "overdue": QT_TRANSLATE_NOOP("care", "overdue"),
    "low_adherence": QT_TRANSLATE_NOOP("care", "low adherence"),
    "med_sync": QT_TRANSLATE_NOOP("care", "medication sync"),
    "lapsed": QT_TRANSLATE_NOOP("care", "lapsed"),
    "birthday": QT_TRANSLATE_NOOP("care", "birthday"),
}
OUTCOMES = ("called", "no_answer", "refilled", "declined")          # keys 1, 2, 3, 4
OUTCOME_NAMES = {
    "called": QT_TRANSLATE_NOOP("care", "called"),
    "no_answer": QT_TRANSLATE_NOOP("care", "no answer"),
    "refilled": QT_TRANSLATE_NOOP("care", "refilled"),
    "declined": QT_TRANSLATE_NOOP("care", "declined"),
}
CHANNEL_NAMES = {"phone": QT_TRANSLATE_NOOP("care", "phone"), "sms": QT_TRANSLATE_NOOP("care", "SMS")}


def _t(text: str | None) -> str:
    return QCoreApplication.translate("care", text) if text else ""


def worklist_rows(result) -> list[dict]:
    """The rows of the worklist from a :class:`~pharmadesk.analytics.jobs.RemindersResult`: each reminder
    with the member's name, not yet issued and without an outcome."""
    rows = []
    contacts = getattr(result, "contacts", {}) or {}
    for r in result.frame.to_dict("records"):
        product_id = r["product_id"]
        contact = contacts.get(int(r["member_id"]), {})
        rows.append({**r, "product_id": None if pd.isna(product_id) else int(product_id),
                     "phone": contact.get("phone") or "", "language": contact.get("language"),
                     "product": r["product"] if isinstance(r["product"], str) else "",
                     "care_consent": contact.get("care"), "marketing_consent": contact.get("marketing"),
                     "member_id": int(r["member_id"]), "member": result.member_names.get(int(r["member_id"])) or "",
                     "pdc": None if pd.isna(r["pdc"]) else float(r["pdc"]),
                     "reminder_id": None, "outcome": None})
    return rows


class CarePane(AnalyticsPane):
    cache_name = "care"

    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
        self.worklist: list[dict] = []           # the shown result's reminders; outcomes are recorded in them
        self.title = QLabel()
        self.title.setObjectName("paneTitle")
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All reminders"), None)
        for kind in KIND_NAMES:
            self.kind_filter.addItem(_t(KIND_NAMES[kind]), kind)
        self.kind_filter.currentIndexChanged.connect(self._fill_table)
        self.refresh_button = self.recompute_button()

        self.table = ListTable([
            Column("kind", self.tr("Kind"), lambda r: _t(KIND_NAMES.get(r["kind"], r["kind"]))),
            Column("member", self.tr("Member")),
            Column("phone", self.tr("Phone")),
            Column("consent", self.tr("Consent"), self.consent_text),
            Column("product", self.tr("Product")),
            Column("due_date", self.tr("Due")),
            Column("channel", self.tr("Channel"), lambda r: _t(CHANNEL_NAMES.get(r["channel"], r["channel"]))),
            Column("outcome", self.tr("Outcome"), lambda r: _t(OUTCOME_NAMES.get(r["outcome"]))),
            Column("reason", self.tr("Reason"), lambda r: translated(r["reason"])),
        ])
        self.table.view.installEventFilter(self)
        self.table.view.selectionModel().currentChanged.connect(lambda *_: self._show_script())
        self.script = QPlainTextEdit()
        self.script.setReadOnly(True)
        self.script.setMaximumHeight(90)
        self.keys_hint = QLabel(self.tr("Record the outcome: 1 called, 2 no answer, 3 refilled, 4 declined"))
        self.outcome_buttons = []
        buttons = QHBoxLayout()
        for number, outcome in enumerate(OUTCOMES, start=1):
            button = QPushButton(f"{number}  {_t(OUTCOME_NAMES[outcome])}")
            button.clicked.connect(lambda _c=False, o=outcome: self.record_outcome(o))
            self.outcome_buttons.append(button)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.chart = ChartCanvas(self, 4.5, 2.4)

        left = column((self.table, 1), QLabel(self.tr("Script")), self.script, self.keys_hint, buttons)
        right = column(self.counts, (self.chart, 1))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.lay_out([self.labelled(QLabel(self.tr("Show")), self.kind_filter), self.refresh_button,
                      *self.export_buttons()], splitter)
        self.title.setText(self.tr("Care worklist"))
        self.chart.message(self.tr("Computing…"))

    # -- computing and showing --------------------------------------------------------------------

    def compute(self, store, as_of, progress):
        from pharmadesk.analytics import jobs

        return jobs.run_reminders(store, as_of, jobs.ReminderParams(), progress)

    def show_result(self, result) -> None:
        self.title.setText(self.tr("Care worklist for %1").replace("%1", self.as_of.isoformat()))
        self.worklist = editable_rows(self.key, result, worklist_rows)   # keeps the outcomes recorded
        self._fill_table()
        self._show_counts()
        self._draw_conversion(result.conversion)

    def rows(self) -> list[dict]:
        return list(self.worklist) if self.result else []

    def _fill_table(self) -> None:
        kind = self.kind_filter.currentData()
        self.table.set_rows([r for r in self.rows() if kind is None or r["kind"] == kind])
        if self.table.visible_rows():
            self.table.view.selectRow(0)
            self.table.view.setCurrentIndex(self.table.proxy.index(0, 0))
        self._show_script()

    def _show_counts(self) -> None:
        rows = self.rows()
        parts = [f"{_t(KIND_NAMES[k])}: {sum(r['kind'] == k for r in rows)}" for k in KIND_NAMES]
        done = sum(r["outcome"] is not None for r in rows)
        self.counts.setText(self.tr("%1 reminders today (%2); %3 recorded.")
                            .replace("%1", str(len(rows))).replace("%2", ", ".join(parts)).replace("%3", str(done)))

    def consent_text(self, row: dict) -> str:
        """The consents the member gave, in words: care calls, offers, or both."""
        given = [text for key, text in (("care_consent", self.tr("care calls")),
                                         ("marketing_consent", self.tr("offers"))) if row.get(key)]
        return self.tr(", ").join(given) if given else self.tr("none")

    @staticmethod
    def script_text(row: dict) -> str:
        """The row's call script in the member's language (the store's when the member has none)."""
        from pharmadesk.i18n import translate_in

        if row.get("language") is None:
            return translated(row["script"])
        return render(row["script"], translate_in(row["language"]))

    def _show_script(self) -> None:
        row = self.table.current()
        self.script.setPlainText(self.script_text(row) if row else "")

    def _draw_conversion(self, conversion: pd.DataFrame) -> None:
        monthly = conversion[conversion["period"].notna()] if len(conversion) else conversion
        if monthly is None or len(monthly) == 0:
            self.chart.message(self.tr("No reminders issued yet: conversion appears here once outcomes are recorded."))
            return
        ax = self.chart.reset()
        labels = [p.strftime("%Y-%m") for p in monthly["period"]]
        x = range(len(labels))
        ax.bar(x, monthly["issued"], label=self.tr("issued"))
        ax.bar(x, monthly["converted"], label=self.tr("refilled within 7 days"))
        ax.set_xticks(list(x), labels, rotation=45, ha="right")
        ax.set_ylabel(self.tr("reminders"))
        ax.set_title(self.tr("Reminder conversion per month"))
        ax.legend(loc="upper left")
        self.chart.draw_idle()

    # -- recording outcomes -----------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.table.view and event.type() == QEvent.Type.KeyPress \
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            number = event.key() - Qt.Key.Key_1
            if 0 <= number < len(OUTCOMES):
                self.record_outcome(OUTCOMES[number])
                return True
        return super().eventFilter(watched, event)

    def record_outcome(self, outcome: str) -> int | None:
        """Issue the selected reminder (if not yet issued) and record ``outcome``; the outcome's id."""
        row = self.table.current()
        if row is None:
            self.message.show_error(self.tr("Select a reminder first."))
            return None
        try:
            if row["reminder_id"] is None:
                row["reminder_id"] = self.store.care.issue_reminder(
                    row["member_id"], row["kind"], row["due_date"], row["reason"], row["channel"],
                    product_id=row["product_id"])
            outcome_id = self.store.care.record_outcome(row["reminder_id"], outcome)
        except Exception as exc:  # noqa: BLE001 - a refused write is shown, not raised
            self.message.show_error(exc)
            return None
        row["outcome"] = outcome
        self.message.show_info(self.tr("Recorded: %1.").replace("%1", _t(OUTCOME_NAMES[outcome])))
        current = self.table.view.currentIndex()
        self.table.model.dataChanged.emit(self.table.model.index(0, 0),
                                          self.table.model.index(self.table.model.rowCount() - 1,
                                                                 self.table.model.columnCount() - 1))
        if current.row() + 1 < self.table.proxy.rowCount():      # on to the next reminder
            self.table.view.setCurrentIndex(self.table.proxy.index(current.row() + 1, 0))
            self.table.view.selectRow(current.row() + 1)
        self._show_counts()
        return outcome_id
