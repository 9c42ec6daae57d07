"""Add or edit a product. The catalogue checks every field; prices need CHANGE_PRICES.

The pinyin initials (助记码) the till finds a Chinese name by are shown as the name is typed; they are derived
from the name by the catalogue, never typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLineEdit, QSpinBox, QVBoxLayout,
)

from pharmadesk.core.catalog import CATEGORIES, LEGAL_CLASSES
from pharmadesk.core.product_search import pinyin_initials
from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.money import parse_money
from pharmadesk.core.permissions import Action
from pharmadesk.ui.common import ErrorLabel, money
from pharmadesk.reports.labels import CATEGORY_LABELS, CLASS_LABELS, label


class ProductDialog(QDialog):
    """``product`` None adds a new product; on accept :attr:`product_id` is set."""

    def __init__(self, store, product=None, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.product = product
        self.product_id = product.id if product else None
        self.setWindowTitle(self.tr("Edit product") if product else self.tr("New product"))
        get = (lambda key, default="": getattr(product, key) if product and getattr(product, key) is not None
               else default)
        self.barcode = QLineEdit(get("barcode"))
        self.name = QLineEdit(get("name"))
        self.generic_name = QLineEdit(get("generic_name"))
        self.manufacturer = QLineEdit(get("manufacturer"))
        self.initials = QLineEdit()
        self.initials.setReadOnly(True)
        self.initials.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # derived: Tab goes past it
        self.initials.setPlaceholderText(self.tr("(for Chinese names)"))
        self.name.textChanged.connect(lambda text: self.initials.setText(pinyin_initials(text) or ""))
        self.initials.setText(pinyin_initials(self.name.text()) or "")
        self.strength = QLineEdit(get("strength"))
        self.form = QLineEdit(get("form"))
        self.atc_code = QLineEdit(get("atc_code"))
        self.category = QComboBox()
        for code in CATEGORIES:
            self.category.addItem(label(CATEGORY_LABELS, code), code)
        self.legal_class = QComboBox()
        for code in LEGAL_CLASSES:
            self.legal_class.addItem(label(CLASS_LABELS, code), code)
        if product:
            self.category.setCurrentIndex(self.category.findData(product.category))
            self.legal_class.setCurrentIndex(self.legal_class.findData(product.legal_class))
        self.price = QLineEdit(money(product.price) if product else "")
        self.price.setEnabled(store.may(Action.CHANGE_PRICES))
        self.vat = QDoubleSpinBox()
        self.vat.setRange(0, 100)
        self.vat.setSuffix(" %")
        self.vat.setValue(get("vat_rate_bp", 0) / 100)
        self.pack_size = QSpinBox()
        self.pack_size.setRange(1, 100000)
        self.pack_size.setValue(get("pack_size", 1))
        self.days_supply = QSpinBox()
        self.days_supply.setRange(0, 366)
        self.days_supply.setSpecialValueText(self.tr("(not a maintenance drug)"))
        self.days_supply.setValue(get("days_supply", 0))
        self.supplier = QComboBox()
        self.supplier.addItem(self.tr("(none)"), None)
        for supplier in store.catalog.suppliers(include_inactive=True):
            self.supplier.addItem(supplier["name"], supplier["id"])
        if product and product.supplier_id:
            self.supplier.setCurrentIndex(self.supplier.findData(product.supplier_id))
        self.active = QCheckBox(self.tr("Sold at the till"))
        self.active.setChecked(bool(get("active", 1)))

        layout = QVBoxLayout(self)
        form = QFormLayout()
        for text, widget in ((self.tr("Barcode"), self.barcode), (self.tr("Name"), self.name),
                             (self.tr("Pinyin initials"), self.initials),
                             (self.tr("Generic name"), self.generic_name),
                             (self.tr("Manufacturer"), self.manufacturer), (self.tr("Strength"), self.strength),
                             (self.tr("Form"), self.form), (self.tr("ATC code"), self.atc_code),
                             (self.tr("Category"), self.category), (self.tr("Legal class"), self.legal_class),
                             (self.tr("Price"), self.price), (self.tr("VAT"), self.vat),
                             (self.tr("Pack size"), self.pack_size), (self.tr("Days of supply"), self.days_supply),
                             (self.tr("Supplier"), self.supplier)):
            form.addRow(text, widget)
        form.addRow(self.active)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict:
        values = {
            "barcode": self.barcode.text(), "name": self.name.text(), "generic_name": self.generic_name.text(),
            "manufacturer": self.manufacturer.text(),
            "strength": self.strength.text(), "form": self.form.text(), "atc_code": self.atc_code.text(),
            "category": self.category.currentData(), "legal_class": self.legal_class.currentData(),
            "vat_rate_bp": round(self.vat.value() * 100), "pack_size": self.pack_size.value(),
            "days_supply": self.days_supply.value() or None, "supplier_id": self.supplier.currentData(),
            "active": self.active.isChecked(),
        }
        if self.price.isEnabled():
            values["price"] = parse_money(self.price.text(), "price")
        return values

    def accept(self) -> None:
        self.error.clear_message()
        try:
            values = self.values()
            if self.product is None:
                self.product_id = self.store.catalog.add_product(**values)
            else:
                changes = {key: value for key, value in values.items()
                           if (getattr(self.product, key) or None) != (value or None)}
                if changes:
                    self.store.catalog.update_product(self.product.id, **changes)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()
