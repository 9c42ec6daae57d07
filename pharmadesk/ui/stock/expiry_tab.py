"""Near-expiry alerts (30/60/90 days) and expired batches, with write-off (ADJUST_STOCK)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget
from PySide6.QtCore import Qt

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.permissions import Action
from pharmadesk.ui.common import ErrorLabel, exec_dialog, money
from pharmadesk.ui.stock.write_off_dialog import StockChangeDialog
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


class ExpiryTab(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.days = QComboBox()
        for days in (30, 60, 90):
            self.days.addItem(self.tr("within {0} days").format(days), days)
        self.days.setCurrentIndex(2)
        self.days.currentIndexChanged.connect(lambda _i: self.refresh())
        self.message = ErrorLabel()
        self.near = ListTable([
            Column("product_name", self.tr("Product")),
            Column("batch_no", self.tr("Batch")),
            Column("expiry", self.tr("Expiry")),
            Column("days_left", self.tr("Days left"), numeric=True),
            Column("on_hand", self.tr("On hand"), numeric=True),
            Column("cost_value", self.tr("Cost value"), lambda r: money(r["cost_value"]), numeric=True),
        ])
        self.expired = ListTable([
            Column("product_name", self.tr("Product")),
            Column("batch_no", self.tr("Batch")),
            Column("expiry", self.tr("Expired on")),
            Column("on_hand", self.tr("On hand"), numeric=True),
        ])
        self.write_off_button = QPushButton(self.tr("Write off selected…"))
        self.write_off_button.clicked.connect(self.write_off_selected)
        self.write_off_all_button = QPushButton(self.tr("Write off all expired"))
        self.write_off_all_button.clicked.connect(self.write_off_all)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Expiring")))
        top.addWidget(self.days)
        top.addStretch(1)
        near_box = QWidget()
        near_layout = QVBoxLayout(near_box)
        near_layout.addLayout(top)
        near_layout.addWidget(self.near)
        expired_box = QWidget()
        expired_layout = QVBoxLayout(expired_box)
        expired_layout.addWidget(QLabel(self.tr("Expired: never sold, write them off")))
        expired_layout.addWidget(self.expired)
        buttons = QHBoxLayout()
        buttons.addWidget(self.write_off_button)
        buttons.addWidget(self.write_off_all_button)
        buttons.addStretch(1)
        expired_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(near_box)
        splitter.addWidget(expired_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter)

    def user_changed(self) -> None:
        allowed = self.store.may(Action.ADJUST_STOCK)
        self.write_off_button.setVisible(allowed)
        self.write_off_all_button.setVisible(allowed)

    def set_days(self, days: int) -> None:
        self.days.setCurrentIndex(self.days.findData(days))

    def refresh(self) -> None:
        self.near.set_rows(self.store.stock.near_expiry(self.days.currentData()))
        self.expired.set_rows(self.store.stock.expired())

    def write_off_selected(self) -> None:
        batch = self.expired.current() or self.near.current()
        if batch is None:
            self.message.show_info(self.tr("Choose a batch first."))
            return
        self.message.clear_message()
        if self.exec_dialog(StockChangeDialog(self.store, batch, "write_off", self.tr("expired"), self)):
            self.refresh()
            self.message.show_info(self.tr("Written off."))

    def write_off_all(self) -> None:
        self.message.clear_message()
        try:
            units = self.store.stock.write_off_expired()
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return
        self.refresh()
        self.message.show_info(self.tr("{0} expired unit(s) written off.").format(units))
