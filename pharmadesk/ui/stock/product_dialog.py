"""Add or edit a product. The catalogue checks every field; prices need CHANGE_PRICES.

Two tabs keep the form inside a 1366×768 screen: **Product** (what the till and the stock need) and
**Regulatory** (the master a Chinese pharmacy keeps: manufacturer, marketing-authorisation holder, approval
number, specification, OTC class, storage condition, insurance code, the ephedrine flag, the split pack).
Ctrl+Tab (or Alt+P / Alt+R) switches tabs; a refusal about a field on the other tab shows that tab.

The pinyin initials (助记码) the till finds a Chinese name by are shown as the name is typed; they are derived
from the name by the catalogue, never typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLineEdit, QSpinBox, QTabWidget,
    QVBoxLayout, QWidget,
)

from pharmadesk.core.catalog import CATEGORIES, LEGAL_CLASSES, OTC_CLASSES, STORAGE_CONDITIONS
from pharmadesk.core.product_search import pinyin_initials
from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.money import parse_money
from pharmadesk.core.permissions import Action
from pharmadesk.ui.common import ErrorLabel, money
from pharmadesk.reports.labels import CATEGORY_LABELS, CLASS_LABELS, OTC_CLASS_LABELS, STORAGE_LABELS, label

# Words in a refusal that name a field of the Regulatory tab (the domain's messages are plain English templates).
_REGULATORY_WORDS = ("approval number", "registration number", "OTC class", "split pack", "unit price",
                     "units per pack", "Storage condition", "批准文号")


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
        self.form.setPlaceholderText(self.tr("e.g. tablets, 胶囊剂"))
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
        self._build_regulatory(get)

        self.tabs = QTabWidget()
        main = QWidget()
        form = QFormLayout(main)
        for text, widget in ((self.tr("Barcode"), self.barcode), (self.tr("Name"), self.name),
                             (self.tr("Pinyin initials"), self.initials),
                             (self.tr("Generic name"), self.generic_name),
                             (self.tr("Strength"), self.strength), (self.tr("Dosage form"), self.form),
                             (self.tr("ATC code"), self.atc_code),
                             (self.tr("Category"), self.category), (self.tr("Legal class"), self.legal_class),
                             (self.tr("Price"), self.price), (self.tr("VAT"), self.vat),
                             (self.tr("Pack size"), self.pack_size), (self.tr("Days of supply"), self.days_supply),
                             (self.tr("Supplier"), self.supplier)):
            form.addRow(text, widget)
        form.addRow(self.active)
        self.tabs.addTab(main, self.tr("&Product"))
        regulatory = QWidget()
        form = QFormLayout(regulatory)
        for text, widget in ((self.tr("Manufacturer"), self.manufacturer),
                             (self.tr("Marketing-authorisation holder"), self.authorisation_holder),
                             (self.tr("Approval number"), self.approval_number),
                             (self.tr("Specification"), self.specification),
                             (self.tr("OTC class"), self.otc_class),
                             (self.tr("Storage condition"), self.storage_condition),
                             (self.tr("Insurance code"), self.insurance_code),
                             (self.tr("Units per pack (split)"), self.split_units),
                             (self.tr("Unit name"), self.split_unit_name),
                             (self.tr("Unit price"), self.split_unit_price)):
            form.addRow(text, widget)
        form.addRow(self.contains_ephedrine)
        self.tabs.addTab(regulatory, self.tr("&Regulatory"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _build_regulatory(self, get) -> None:
        """The Regulatory tab's fields (the product master of migration 0013)."""
        self.authorisation_holder = QLineEdit(get("authorisation_holder"))
        self.approval_number = QLineEdit(get("approval_number"))
        self.approval_number.setPlaceholderText(self.tr("国药准字H20013062, or 国械注准… for a device"))
        self.specification = QLineEdit(get("specification"))
        self.specification.setPlaceholderText(self.tr("e.g. 0.25g×24粒"))
        self.otc_class = QComboBox()
        self.otc_class.addItem(self.tr("(not OTC)"), None)
        for code in OTC_CLASSES:
            self.otc_class.addItem(label(OTC_CLASS_LABELS, code), code)
        self.otc_class.setCurrentIndex(max(0, self.otc_class.findData(get("otc_class", None))))
        self.storage_condition = QComboBox()
        for code in STORAGE_CONDITIONS:
            self.storage_condition.addItem(label(STORAGE_LABELS, code), code)
        self.storage_condition.setCurrentIndex(max(0, self.storage_condition.findData(get("storage_condition",
                                                                                          "ambient"))))
        self.insurance_code = QLineEdit(get("insurance_code"))
        self.split_units = QSpinBox()
        self.split_units.setRange(0, 10000)
        self.split_units.setSpecialValueText(self.tr("(not sold by the unit)"))
        self.split_units.setValue(get("split_units", 0))
        self.split_unit_name = QLineEdit(get("split_unit_name"))
        self.split_unit_name.setPlaceholderText(self.tr("e.g. 粒, 片, 袋"))
        unit_price = get("split_unit_price", None)
        self.split_unit_price = QLineEdit(money(unit_price) if unit_price is not None else "")
        self.split_unit_price.setEnabled(self.price.isEnabled())
        self.contains_ephedrine = QCheckBox(self.tr("Contains ephedrine (含麻黄碱)"))
        self.contains_ephedrine.setChecked(bool(get("contains_ephedrine", 0)))

    def values(self) -> dict:
        values = {
            "barcode": self.barcode.text(), "name": self.name.text(), "generic_name": self.generic_name.text(),
            "manufacturer": self.manufacturer.text(),
            "strength": self.strength.text(), "form": self.form.text(), "atc_code": self.atc_code.text(),
            "category": self.category.currentData(), "legal_class": self.legal_class.currentData(),
            "vat_rate_bp": round(self.vat.value() * 100), "pack_size": self.pack_size.value(),
            "days_supply": self.days_supply.value() or None, "supplier_id": self.supplier.currentData(),
            "active": self.active.isChecked(),
            "authorisation_holder": self.authorisation_holder.text(),
            "approval_number": self.approval_number.text(), "specification": self.specification.text(),
            "otc_class": self.otc_class.currentData(), "storage_condition": self.storage_condition.currentData(),
            "insurance_code": self.insurance_code.text(), "contains_ephedrine": self.contains_ephedrine.isChecked(),
            "split_units": self.split_units.value() or None, "split_unit_name": self.split_unit_name.text(),
        }
        if self.price.isEnabled():
            values["price"] = parse_money(self.price.text(), "price")
            text = self.split_unit_price.text().strip()
            values["split_unit_price"] = parse_money(text, "unit price") if text else None
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
            if any(word in exc.template for word in _REGULATORY_WORDS):
                self.tabs.setCurrentIndex(1)        # the field the message names is on the other tab
            self.error.show_error(exc)
            return
        super().accept()
