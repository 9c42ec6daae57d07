"""The coupons of one coupon promotion (owner): issue them to a campaign's target group or as printed codes,
the issued / redeemed / expired / open counts, the list of codes with cancel and restore, and the list for
SMS/WeChat sending. Issuing and exporting run on a worker thread with their own store handle."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from pharmadesk.core.permissions import Action
from pharmadesk.core.promotions import MAX_COUPONS_PER_ISSUE
from pharmadesk.errors import PharmaDeskError
from pharmadesk.ui.common import ErrorLabel, confirm
from pharmadesk.ui.widgets.flow_layout import FlowLayout
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column
from pharmadesk.ui.widgets.worker import ProgressPanel, TaskRunner, store_task


def _qdate(day) -> QDate:
    return QDate(day.year, day.month, day.day)


def coupon_state(coupon, today_iso: str, promotion_ended: bool) -> str:
    """One of redeemed / cancelled / expired / open, the way the coupon report counts it."""
    if coupon.redeemed_at is not None:
        return "redeemed"
    if coupon.voided_at is not None:
        return "cancelled"
    if coupon.expires_on < today_iso or promotion_ended:
        return "expired"
    return "open"


class CouponsPanel(QWidget):
    """Shows the coupons of :attr:`promotion` (a :class:`PromotionRecord` of kind coupon, or None)."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.promotion = None
        self.runner: TaskRunner | None = None
        self.confirm = confirm
        self.ask_save_path = self._ask_save_path
        self.states = {"redeemed": self.tr("redeemed"), "cancelled": self.tr("cancelled"),
                       "expired": self.tr("expired"), "open": self.tr("open")}
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.source = QComboBox()
        self.source.addItem(self.tr("to a campaign's target group"), "campaign")
        self.source.addItem(self.tr("as printed codes"), "count")
        self.campaign = QComboBox()
        self.count = QSpinBox()
        self.count.setRange(1, MAX_COUPONS_PER_ISSUE)
        self.count.setValue(50)
        self.expires = QDateEdit()
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat("yyyy-MM-dd")
        self.issue_button = QPushButton(self.tr("&Issue coupons"))
        self.issue_button.clicked.connect(self.issue_clicked)
        self.source.currentIndexChanged.connect(lambda _i: self._source_changed())
        issue_row = QWidget()
        flow = FlowLayout(issue_row)
        flow.addWidget(QLabel(self.tr("Issue")))
        for widget in (self.source, self.campaign, self.count):
            flow.addWidget(widget)
        flow.addWidget(QLabel(self.tr("valid until")))
        flow.addWidget(self.expires)
        flow.addWidget(self.issue_button)
        self.table = ListTable([
            Column("code", self.tr("Code")),
            Column("member_id", self.tr("Member no."), lambda c: "" if c.member_id is None else str(c.member_id)),
            Column("issued_at", self.tr("Issued"), lambda c: c.issued_at[:10]),
            Column("expires_on", self.tr("Valid until")),
            Column("state", self.tr("State"), lambda c: self.states[self._state(c)]),
        ], filterable=True)
        self.void_button = QPushButton(self.tr("&Cancel code…"))
        self.void_button.clicked.connect(self.void_clicked)
        self.restore_button = QPushButton(self.tr("Res&tore used code…"))
        self.restore_button.clicked.connect(self.restore_clicked)
        self.export_button = QPushButton(self.tr("E&xport list for SMS/WeChat…"))
        self.export_button.clicked.connect(self.export_clicked)
        buttons = QHBoxLayout()
        for button in (self.void_button, self.restore_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.progress = ProgressPanel()
        self.message = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts)
        layout.addWidget(issue_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._source_changed()

    # -- showing ------------------------------------------------------------------------------------------

    def show_promotion(self, record) -> None:
        """Show ``record``'s coupons (None or not a coupon promotion: nothing to show)."""
        self.promotion = record if record is not None and record.promotion.kind == "coupon" else None
        self.message.clear_message()
        self.campaign.clear()
        campaigns = self.store.campaigns.list() if self.store.may(Action.RUN_ANALYTICS) else []
        for campaign in campaigns:
            self.campaign.addItem(self.tr("%1 (%2 contacted)").replace("%1", campaign["name"])
                                  .replace("%2", str(campaign["target"])), campaign["id"])
        if self.promotion is not None:
            calendar = self.promotion.promotion.calendar
            first = max(self.store.today(), calendar.starts_on)
            self.expires.setMinimumDate(_qdate(first))
            last = calendar.ends_on or first + timedelta(days=30)
            self.expires.setMaximumDate(_qdate(calendar.ends_on) if calendar.ends_on else QDate(9999, 12, 31))
            self.expires.setDate(_qdate(last))
        self.refresh()

    def refresh(self) -> None:
        record = self.promotion
        ended = record is not None and record.status == "ended"
        for widget in (self.issue_button, self.void_button, self.restore_button, self.export_button):
            widget.setEnabled(record is not None and not self.busy and (widget is self.restore_button or not ended))
        if record is None:
            self.counts.setText(self.tr("Coupons belong to a coupon promotion: choose one in the list."))
            self.table.set_rows([])
            return
        report = self.store.promotions.coupon_report(record.id)
        self.counts.setText(self.tr("Issued %1 · redeemed %2 · expired %3 · open %4 · cancelled %5")
                            .replace("%1", str(report.issued)).replace("%2", str(report.redeemed))
                            .replace("%3", str(report.expired)).replace("%4", str(report.open))
                            .replace("%5", str(report.voided)))
        self.table.set_rows(self.store.promotions.coupons(record.id))

    def _state(self, coupon) -> str:
        ended = self.promotion is not None and self.promotion.status == "ended"
        return coupon_state(coupon, self.store.today().isoformat(), ended)

    def _source_changed(self) -> None:
        by_campaign = self.source.currentData() == "campaign"
        self.campaign.setVisible(by_campaign)
        self.count.setVisible(not by_campaign)

    @property
    def busy(self) -> bool:
        return self.runner is not None and not self.runner.done

    # -- long work on a worker -----------------------------------------------------------------------------

    def _run(self, work, on_success) -> None:
        self.message.clear_message()
        self.runner = TaskRunner(store_task(self.store, work), self)
        self.runner.succeeded.connect(on_success)
        self.runner.failed.connect(self.message.show_error)
        self.runner.cancelled.connect(lambda: self.message.show_info(self.tr("Cancelled.")))
        self.runner.finished.connect(self.refresh)
        self.progress.attach(self.runner)
        self.refresh()                       # the buttons wait while it runs
        self.runner.start()

    def wait(self, ms: int = 60_000) -> None:
        if self.runner is not None:
            self.runner.wait(ms)

    def stop(self) -> None:
        if self.runner is not None:
            self.runner.cancel()
            self.runner.wait(30_000)

    def issue_clicked(self) -> None:
        if self.promotion is None or self.busy:
            return
        promotion_id, expires = self.promotion.id, self.expires.date().toPython()
        if self.source.currentData() == "campaign":
            campaign_id = self.campaign.currentData()
            if campaign_id is None:
                self.message.show_error(self.tr("There is no campaign yet. Start one from the Segments page."))
                return
            source = {"campaign_id": campaign_id}
        else:
            source = {"count": self.count.value()}
        self._run(lambda handle, _progress: handle.promotions.issue_coupons(promotion_id, expires_on=expires, **source),
                  self._issued)

    def _issued(self, issued) -> None:
        text = self.tr("Issued %1.").replace("%1", str(len(issued.codes)))
        if issued.left_out_no_consent:
            text += " " + self.tr("Left out %1 without marketing consent.").replace(
                "%1", str(issued.left_out_no_consent))
        if issued.already_holding:
            text += " " + self.tr("%1 already held an open coupon.").replace("%1", str(issued.already_holding))
        self.message.show_info(text)

    def export_clicked(self) -> None:
        if self.promotion is None or self.busy:
            return
        path = self.ask_save_path(f"coupons-{self.promotion.id}.csv")
        if path:
            self.export_list(path)

    def _ask_save_path(self, name: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export coupon list"), name,
                                                    self.tr("CSV files (*.csv)"))
        return path

    def export_list(self, path: str | Path) -> None:
        """Write the open member-bound coupons (name, phone, code, expiry) to ``path`` on the worker."""
        promotion_id, path = self.promotion.id, Path(path)
        headers = (self.tr("Name"), self.tr("Phone"), self.tr("Code"), self.tr("Valid until"))
        self._run(lambda handle, _progress: handle.promotions.export_coupon_list(promotion_id, path, headers),
                  lambda rows: self.message.show_info(self.tr("%1 coupons written to %2.")
                                                      .replace("%1", str(rows)).replace("%2", path.name)))

    # -- one code -------------------------------------------------------------------------------------------

    def void_clicked(self) -> None:
        coupon = self.table.current()
        if coupon is None or not self.confirm(self, self.tr("Cancel coupon"),
                                              self.tr("Cancel coupon %1 for good? It can no longer be used.")
                                              .replace("%1", coupon.code)):
            return
        self._change(self.store.promotions.void_coupon, coupon.code, self.tr("Coupon %1 cancelled."))

    def restore_clicked(self) -> None:
        coupon = self.table.current()
        if coupon is None or not self.confirm(self, self.tr("Restore coupon"),
                                              self.tr("Give used coupon %1 back so it can be used again?")
                                              .replace("%1", coupon.code)):
            return
        self._change(self.store.promotions.restore_coupon, coupon.code, self.tr("Coupon %1 restored."))

    def _change(self, action, code: str, done: str) -> None:
        try:
            action(code)
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return
        self.refresh()
        self.table.select(lambda c: c.code == code)
        self.message.show_info(done.replace("%1", code))
