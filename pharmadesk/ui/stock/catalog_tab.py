"""The product catalogue: a paged table with stock levels, the product dialog and CSV import."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.permissions import Action
from pharmadesk.ui.common import ErrorLabel, exec_dialog, money
from pharmadesk.ui.stock.import_dialog import ImportDialog
from pharmadesk.reports.labels import CATEGORY_LABELS, CLASS_LABELS, label
from pharmadesk.ui.stock.product_dialog import ProductDialog
from pharmadesk.ui.widgets.paged_model import Column, PagedQueryModel
from pharmadesk.ui.widgets.paged_table import PagedTable


class CatalogTab(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        model = PagedQueryModel(self.product_columns(), fetch=store.stock.product_levels,
                                count=store.stock.product_levels_count, page_size=200)
        self.table = PagedTable(model, self.tr("Filter: name, generic name or barcode"))
        self.table.activated.connect(lambda _row: self.edit_product())
        self.new_button = QPushButton(self.tr("New product…"))
        self.new_button.clicked.connect(self.new_product)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_product)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.clicked.connect(self.import_csv)
        self.message = ErrorLabel()
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def product_columns(self) -> list[Column]:
        return [
            Column("name", self.tr("Name")),
            Column("generic_name", self.tr("Generic")),
            Column("specification", self.tr("Specification")),
            Column("manufacturer", self.tr("Manufacturer")),
            Column("approval_number", self.tr("Approval number")),
            Column("barcode", self.tr("Barcode")),
            Column("category", self.tr("Category"), lambda r: label(CATEGORY_LABELS, r["category"])),
            Column("legal_class", self.tr("Class"), lambda r: label(CLASS_LABELS, r["legal_class"])),
            Column("price", self.tr("Price"), lambda r: money(r["price"]), numeric=True),
            Column("on_hand", self.tr("On hand"), numeric=True),
            Column("near_expiry", self.tr("Near expiry"), numeric=True),
        ]

    def user_changed(self) -> None:
        self.new_button.setVisible(self.store.may(Action.MANAGE_CATALOG))
        self.edit_button.setVisible(self.store.may(Action.MANAGE_CATALOG))
        self.import_button.setVisible(self.store.may(Action.IMPORT_DATA))

    def refresh(self) -> None:
        self.table.refresh()

    def new_product(self) -> None:
        dialog = ProductDialog(self.store, None, self)
        if self.exec_dialog(dialog):
            self.table.refresh()
            self.message.show_info(self.tr("Product added."))

    def edit_product(self) -> None:
        row = self.table.current()
        if row is None or not self.store.may(Action.MANAGE_CATALOG):
            return
        try:
            product = self.store.catalog.get(row["id"])
        except PharmaDeskError as exc:
            self.message.show_error(exc)
            return
        if self.exec_dialog(ProductDialog(self.store, product, self)):
            self.table.refresh()
            self.message.show_info(self.tr("Product saved."))

    def import_csv(self) -> None:
        dialog = ImportDialog(self.store, "products", self)
        self.exec_dialog(dialog)
        if dialog.report is not None and dialog.report.applied:
            self.table.refresh()
