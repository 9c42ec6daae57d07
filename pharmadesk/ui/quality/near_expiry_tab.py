"""The near-expiry report (近效期药品催销表): batches in stock expiring within the store's window, by expiry
month, those within 30 days highlighted; its form is the monthly report the inspector asks for."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pharmadesk.reports.quality_forms import EXPIRY_WARNING_DAYS
from pharmadesk.reports.quality_rows import near_expiry_rows
from pharmadesk.ui.common import ErrorLabel, exec_dialog, money
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


class NearExpiryTab(QWidget):
    kind = "near_expiry"

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.message = ErrorLabel()
        self.summary = QLabel()
        self.table = ListTable([
            Column("product_name", self.tr("Product")),
            Column("specification", self.tr("Specification")),
            Column("batch_no", self.tr("Batch")),
            Column("expiry", self.tr("Expiry")),
            Column("days_left", self.tr("Days left"), numeric=True),
            Column("quantity", self.tr("Quantity"), numeric=True),
            Column("cost_value", self.tr("Value at cost"), lambda r: money(r["cost_value"]), numeric=True),
        ])
        self.table.model.highlight = lambda row: row["days_left"] <= EXPIRY_WARNING_DAYS
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        rows = near_expiry_rows(self.store, self.store.today())
        self.table.set_rows(rows)
        self.summary.setText(self.tr("{0} batch(es) expire within {1} days, worth {2} at cost.").format(
            len(rows), self.store.settings.near_expiry_days, money(sum(r["cost_value"] for r in rows))))

    def form_rows(self, start, end) -> list:
        return near_expiry_rows(self.store, min(end, self.store.today()))
