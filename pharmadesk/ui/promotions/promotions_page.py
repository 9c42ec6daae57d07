"""The Promotions page (owner): every promotion with what it gives, when and for whom, filtered by status;
New (the dialog with its price preview), Pause, Resume and End (confirmed: ended is final); the selected
promotion's details and, for a coupon promotion, its coupons; and the promotion results with their verdicts.

Dialogs run through :attr:`exec_dialog` and questions through :attr:`confirm`, so tests drive them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QLabel, QPushButton, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from pharmadesk.core.permissions import Action
from pharmadesk.core.promotions import STATUSES
from pharmadesk.errors import PharmaDeskError
from pharmadesk.reports.labels import (
    PROMOTION_KIND_LABELS, PROMOTION_STACKING_LABELS, PROMOTION_STATUS_LABELS, label,
)
from pharmadesk.ui.common import ErrorLabel, confirm, exec_dialog
from pharmadesk.ui.panes.promotions_report import PromotionResultsView
from pharmadesk.ui.promotions.coupons_panel import CouponsPanel
from pharmadesk.ui.promotions.promotion_dialog import PromotionDialog
from pharmadesk.ui.promotions.promotion_text import audience_text, calendar_text, details_text
from pharmadesk.ui.widgets.flow_layout import FlowLayout
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


class PromotionsPage(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.confirm = confirm
        self.records = []
        self.campaign_names: dict[int, str] = {}
        self.product_names: dict[int, str] = {}

        self.status = QComboBox()
        self.status.addItem(self.tr("All promotions"), None)
        for status in STATUSES:
            self.status.addItem(label(PROMOTION_STATUS_LABELS, status), status)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button = QPushButton(self.tr("&New promotion…"))
        self.new_button.clicked.connect(self.new_promotion)
        self.pause_button = QPushButton(self.tr("&Pause"))
        self.pause_button.clicked.connect(lambda: self.change_status("pause"))
        self.resume_button = QPushButton(self.tr("&Resume"))
        self.resume_button.clicked.connect(lambda: self.change_status("resume"))
        self.end_button = QPushButton(self.tr("&End…"))
        self.end_button.clicked.connect(lambda: self.change_status("end"))
        controls = QWidget()
        flow = FlowLayout(controls)
        flow.addWidget(QLabel(self.tr("Show")))
        for widget in (self.status, self.new_button, self.pause_button, self.resume_button, self.end_button):
            flow.addWidget(widget)
        self.message = ErrorLabel()

        self.table = ListTable([
            Column("name", self.tr("Promotion")),
            Column("kind", self.tr("Kind"), lambda r: label(PROMOTION_KIND_LABELS, r["kind"])),
            Column("label", self.tr("Receipt label")),
            Column("when", self.tr("When")),
            Column("audience", self.tr("For")),
            Column("stacking", self.tr("Stacking"), lambda r: label(PROMOTION_STACKING_LABELS, r["stacking"])),
            Column("status", self.tr("Status"), lambda r: label(PROMOTION_STATUS_LABELS, r["status"])),
        ], filterable=True)
        self.table.view.selectionModel().currentChanged.connect(lambda *_: self.show_selected())
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details = QScrollArea()
        details.setWidgetResizable(True)
        details.setWidget(self.details)
        self.coupons = CouponsPanel(store)
        self.side = QTabWidget()
        self.side.addTab(details, self.tr("Details"))
        self.side.addTab(self.coupons, self.tr("Coupons"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.list_tab = QWidget()
        list_layout = QVBoxLayout(self.list_tab)
        list_layout.addWidget(controls)
        list_layout.addWidget(self.message)
        list_layout.addWidget(splitter, 1)

        self.results = PromotionResultsView(store)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.list_tab, self.tr("Promotions"))
        self.tabs.addTab(self.results, self.tr("Results"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        new_shortcut = QShortcut(QKeySequence.StandardKey.New, self)        # Ctrl+N
        new_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_shortcut.setWhatsThis(self.tr("New promotion"))          # the F1 help lists shortcuts by this text
        new_shortcut.activated.connect(self.new_promotion)
        self.setFocusProxy(self.table.view)

    # -- the list ---------------------------------------------------------------------------------------

    def user_changed(self) -> None:
        if self.store.user is not None and self.store.may(Action.MANAGE_PROMOTIONS):
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.user_changed()

    def stop(self) -> None:
        """Wait for the results' computation and the coupon work (threads must end before the page goes)."""
        self.results.stop()
        self.coupons.stop()

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.results:
            self.results.refresh()

    def refresh(self) -> None:
        """Read the promotions again, keeping the selected one selected."""
        chosen = self.selected()
        chosen_id = chosen.id if chosen is not None else None
        self.campaign_names = ({c["id"]: c["name"] for c in self.store.campaigns.list()}
                               if self.store.may(Action.RUN_ANALYTICS) else {})
        self.product_names = {p.id: p.name for p in self.store.catalog.products(include_inactive=True)}
        self.records = self.store.promotions.list(self.status.currentData())
        self.table.set_rows([self._row(record) for record in self.records])
        if chosen_id is None or not self.table.select(lambda r: r["id"] == chosen_id):
            self.table.select(lambda _r: True)
        self.show_selected()

    def _row(self, record) -> dict:
        p = record.promotion
        return {"id": p.id, "name": p.name, "kind": p.kind, "label": p.label, "when": calendar_text(p),
                "audience": audience_text(p, self.campaign_names.get(record.campaign_id)), "stacking": p.stacking,
                "status": record.status, "record": record}

    def rows(self) -> list[dict]:
        """The rows as shown (filtered and sorted)."""
        return self.table.visible_rows()

    def selected(self):
        row = self.table.current()
        return row["record"] if row is not None else None

    def select(self, promotion_id: int) -> bool:
        return self.table.select(lambda r: r["id"] == promotion_id)

    def show_selected(self) -> None:
        record = self.selected()
        status = record.status if record is not None else None
        self.pause_button.setEnabled(status == "active")
        self.resume_button.setEnabled(status == "paused")
        self.end_button.setEnabled(status in ("active", "paused"))
        if record is None:
            self.details.setText(self.tr("No promotion yet. Press New promotion to make one.")
                                 if not self.records else "")
        else:
            self.details.setText(details_text(record.promotion, label(PROMOTION_STATUS_LABELS, record.status),
                                              self.product_names,
                                              self.campaign_names.get(record.campaign_id), record.note))
        self.side.setTabEnabled(self.side.indexOf(self.coupons), record is not None
                                and record.promotion.kind == "coupon")
        self.coupons.show_promotion(record)

    # -- actions --------------------------------------------------------------------------------------

    def new_promotion(self) -> int | None:
        dialog = PromotionDialog(self.store, self)
        if not self.exec_dialog(dialog) or dialog.promotion_id is None:
            return None
        self.status.setCurrentIndex(0)
        self.refresh()
        self.select(dialog.promotion_id)
        self.message.show_info(self.tr("Promotion “%1” saved.").replace("%1", self.selected().name))
        return dialog.promotion_id

    def change_status(self, change: str) -> bool:
        """Pause, resume or end the selected promotion (ending asks first: it is final)."""
        record = self.selected()
        if record is None:
            return False
        if change == "end" and not self.confirm(
                self, self.tr("End promotion"),
                self.tr("End “%1” for good? It stops at once and cannot be resumed; its open coupons stop "
                        "being accepted.").replace("%1", record.name)):
            return False
        action = {"pause": self.store.promotions.pause, "resume": self.store.promotions.resume,
                  "end": self.store.promotions.end}[change]
        try:
            action(record.id)
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return False
        done = {"pause": self.tr("“%1” paused."), "resume": self.tr("“%1” runs again."),
                "end": self.tr("“%1” ended.")}[change]
        self.message.show_info(done.replace("%1", record.name))
        self.refresh()
        return True
