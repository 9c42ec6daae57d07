"""Stocktake: start a count sheet, enter counts per batch, see the variance, post it.

Counting needs COUNT_STOCK (pharmacist, owner); posting the variance needs ADJUST_STOCK (owner).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.permissions import Action
from pharmadesk.ui.common import ErrorLabel, exec_dialog, money
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column, PagedQueryModel
from pharmadesk.ui.widgets.paged_table import PagedTable


class StocktakeTab(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.sessions = QComboBox()
        self.sessions.currentIndexChanged.connect(lambda _i: self._session_changed())
        self.start_button = QPushButton(self.tr("Start a stocktake"))
        self.start_button.clicked.connect(self.start)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Open stocktake")))
        top.addWidget(self.sessions, 1)
        top.addWidget(self.start_button)

        model = PagedQueryModel([
            Column("product_name", self.tr("Product")),
            Column("batch_no", self.tr("Batch")),
            Column("expiry", self.tr("Expiry")),
            Column("on_hand", self.tr("In the books"), numeric=True),
            Column("counted", self.tr("Counted"), sortable=False, numeric=True),
        ], fetch=self._fetch, count=store.stock.batch_count, page_size=200)
        self.sheet = PagedTable(model, self.tr("Filter: product name or barcode"))
        self.counted = QSpinBox()
        self.counted.setRange(0, 1_000_000)
        self.record_button = QPushButton(self.tr("Record count"))
        self.record_button.clicked.connect(self.record_selected)
        entry = QHBoxLayout()
        entry.addWidget(QLabel(self.tr("Counted on the shelf")))
        entry.addWidget(self.counted)
        entry.addWidget(self.record_button)
        entry.addStretch(1)

        self.variance = ListTable([
            Column("product_name", self.tr("Product")),
            Column("batch_no", self.tr("Batch")),
            Column("expected", self.tr("Expected"), numeric=True),
            Column("counted", self.tr("Counted"), numeric=True),
            Column("variance", self.tr("Variance"), numeric=True),
            Column("cost_variance", self.tr("Cost"), lambda r: money(r["cost_variance"]), numeric=True),
        ], filterable=False)
        self.reason = QLineEdit(self.tr("stocktake"))
        self.post_button = QPushButton(self.tr("Post the variance"))
        self.post_button.clicked.connect(self.post)
        post_row = QHBoxLayout()
        post_row.addWidget(QLabel(self.tr("Reason")))
        post_row.addWidget(self.reason, 1)
        post_row.addWidget(self.post_button)
        self.message = ErrorLabel()

        sheet_box = QWidget()
        sheet_layout = QVBoxLayout(sheet_box)
        sheet_layout.addWidget(self.sheet, 1)
        sheet_layout.addLayout(entry)
        variance_box = QWidget()
        variance_layout = QVBoxLayout(variance_box)
        variance_layout.addWidget(QLabel(self.tr("Variance against the books")))
        variance_layout.addWidget(self.variance, 1)
        variance_layout.addLayout(post_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(sheet_box)
        splitter.addWidget(variance_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    @property
    def stocktake_id(self) -> int | None:
        return self.sessions.currentData()

    def _fetch(self, text, **kwargs):
        return self.store.stock.batch_page(text, stocktake_id=self.stocktake_id, **kwargs)

    def user_changed(self) -> None:
        self.start_button.setEnabled(self.store.may(Action.COUNT_STOCK))
        self.post_button.setVisible(self.store.may(Action.ADJUST_STOCK))
        self.reason.setVisible(self.store.may(Action.ADJUST_STOCK))

    def refresh(self) -> None:
        current = self.stocktake_id
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for session in self.store.stock.stocktakes("open"):
            self.sessions.addItem(self.tr("#{0} started {1} ({2} counted)").format(
                session["id"], session["started_at"][:10], session["counted"]), session["id"])
        if current is not None and self.sessions.findData(current) >= 0:
            self.sessions.setCurrentIndex(self.sessions.findData(current))
        self.sessions.blockSignals(False)
        self._session_changed()

    def _session_changed(self) -> None:
        has = self.stocktake_id is not None
        self.record_button.setEnabled(has and self.store.may(Action.COUNT_STOCK))
        self.post_button.setEnabled(has)
        self.sheet.refresh()
        self.variance.set_rows(self.store.stock.stocktake_variance(self.stocktake_id) if has else [])

    def start(self) -> int | None:
        self.message.clear_message()
        try:
            stocktake_id = self.store.stock.start_stocktake()
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return None
        self.refresh()
        self.sessions.setCurrentIndex(self.sessions.findData(stocktake_id))
        self.message.show_info(self.tr("Stocktake #{0} started: count each batch.").format(stocktake_id))
        return stocktake_id

    def record_selected(self) -> bool:
        batch = self.sheet.current()
        if batch is None:
            self.message.show_info(self.tr("Choose a batch on the count sheet first."))
            return False
        return self.record(batch["id"], self.counted.value())

    def record(self, batch_id: int, counted: int) -> bool:
        self.message.clear_message()
        if self.stocktake_id is None:
            self.message.show_info(self.tr("Start a stocktake first."))
            return False
        try:
            self.store.stock.record_count(self.stocktake_id, batch_id, counted)
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return False
        current = self.sheet.view.currentIndex().row()
        self.sheet.model.refresh(recount=False)
        if current >= 0:
            self.sheet.view.selectRow(current)
        self.variance.set_rows(self.store.stock.stocktake_variance(self.stocktake_id))
        return True

    def post(self) -> int | None:
        self.message.clear_message()
        if self.stocktake_id is None:
            return None
        try:
            changed = self.store.stock.post_stocktake(self.stocktake_id, self.reason.text().strip() or "stocktake")
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return None
        self.refresh()
        self.message.show_info(self.tr("Stocktake posted: {0} batch(es) corrected.").format(changed))
        return changed
