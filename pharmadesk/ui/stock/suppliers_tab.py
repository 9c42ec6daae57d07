"""Suppliers: the list, and a dialog to add or edit one (MANAGE_CATALOG)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.money import parse_money
from pharmadesk.core.permissions import Action
from pharmadesk.ui.common import ErrorLabel, exec_dialog, form_dialog_body, money
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


class SupplierDialog(QDialog):
    """``supplier`` (a row dict) None adds one; on accept :attr:`supplier_id` is set."""

    def __init__(self, store, supplier: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.supplier = supplier
        self.supplier_id = supplier["id"] if supplier else None
        self.setWindowTitle(self.tr("Edit supplier") if supplier else self.tr("New supplier"))
        s = supplier or {}
        self.name = QLineEdit(s.get("name") or "")
        self.lead_time = QSpinBox()
        self.lead_time.setRange(0, 365)
        self.lead_time.setValue(s.get("lead_time_days", 2))
        self.review = QSpinBox()
        self.review.setRange(1, 365)
        self.review.setValue(s.get("review_days", 7))
        self.min_order = QLineEdit(money(s.get("min_order_value", 0)))
        self.phone = QLineEdit(s.get("phone") or "")
        self.email = QLineEdit(s.get("email") or "")
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(bool(s.get("active", 1)))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Lead time (days)"), self.lead_time)
        form.addRow(self.tr("Review period (days)"), self.review)
        form.addRow(self.tr("Minimum order value"), self.min_order)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        if supplier:
            form.addRow(self.active)
        self.error = form_dialog_body(self, form, save=True)

    def accept(self) -> None:
        self.error.clear_message()
        try:
            values = {"name": self.name.text(), "lead_time_days": self.lead_time.value(),
                      "review_days": self.review.value(),
                      "min_order_value": parse_money(self.min_order.text() or "0", "minimum order value"),
                      "phone": self.phone.text(), "email": self.email.text()}
            if self.supplier is None:
                self.supplier_id = self.store.catalog.add_supplier(**values)
            else:
                self.store.catalog.update_supplier(self.supplier["id"], **values, active=self.active.isChecked())
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()


class SuppliersTab(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.table = ListTable([
            Column("name", self.tr("Name")),
            Column("lead_time_days", self.tr("Lead time"), numeric=True),
            Column("review_days", self.tr("Review days"), numeric=True),
            Column("min_order_value", self.tr("Minimum order"), lambda r: money(r["min_order_value"]), numeric=True),
            Column("phone", self.tr("Phone")),
            Column("email", self.tr("E-mail")),
            Column("active", self.tr("Active"), lambda r: self.tr("yes") if r["active"] else self.tr("no")),
        ])
        self.table.view.doubleClicked.connect(lambda _i: self.edit_supplier())
        self.new_button = QPushButton(self.tr("New supplier…"))
        self.new_button.clicked.connect(self.new_supplier)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_supplier)
        self.message = ErrorLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def user_changed(self) -> None:
        for button in (self.new_button, self.edit_button):
            button.setVisible(self.store.may(Action.MANAGE_CATALOG))

    def refresh(self) -> None:
        self.table.set_rows(self.store.catalog.suppliers(include_inactive=True))

    def new_supplier(self) -> None:
        if self.exec_dialog(SupplierDialog(self.store, None, self)):
            self.refresh()
            self.message.show_info(self.tr("Supplier added."))

    def edit_supplier(self) -> None:
        supplier = self.table.current()
        if supplier is None or not self.store.may(Action.MANAGE_CATALOG):
            return
        if self.exec_dialog(SupplierDialog(self.store, supplier, self)):
            self.refresh()
            self.message.show_info(self.tr("Supplier saved."))
