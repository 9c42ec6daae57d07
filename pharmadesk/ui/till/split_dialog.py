"""Sell the selected line by the unit (拆零, China GSP, F7): how many units and the directions for the label.

Keyboard first: type the units, Enter goes to the directions, Enter confirms. The units come from the opened
packs; the till opens a new pack first when they hold too few (a pharmacist checks the opening).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from pharmadesk.core.catalog import whole_number
from pharmadesk.core.sales import MAX_LINE_QUANTITY
from pharmadesk.errors import PharmaDeskError
from pharmadesk.ui.common import ErrorLabel, money
from pharmadesk.ui.widgets.search_field import KeepEnterLineEdit


class SplitLineDialog(QDialog):
    """On accept, :attr:`units` and :attr:`directions` hold what was entered (checked by the domain)."""

    def __init__(self, store, product, units: int = 1, directions: str = "", parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.product = product
        self.units = 0
        self.directions = ""
        self.setWindowTitle(self.tr("Sell by the unit"))
        layout = QVBoxLayout(self)
        unit = product.split_unit_name or ""
        heading = QLabel(self.tr("{0}: {1} {2} to a pack, {3} each. Opened packs hold {4} {2}.").format(
            product.name, product.split_units, unit, money(product.split_unit_price or 0),
            store.split.open_units(product.id)))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.units_field = KeepEnterLineEdit(str(units))
        self.units_field.setObjectName("splitUnits")
        self.directions_field = KeepEnterLineEdit(directions)
        self.directions_field.setObjectName("splitDirections")
        self.directions_field.setMaxLength(120)
        self.directions_field.setPlaceholderText(self.tr("e.g. 2 tablets 3 times a day after meals"))
        form = QFormLayout()
        form.addRow(self.tr("Units"), self.units_field)
        form.addRow(self.tr("Directions"), self.directions_field)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.units_field, self.directions_field)
        self.units_field.returnPressed.connect(self.directions_field.setFocus)
        self.directions_field.returnPressed.connect(self.accept)
        self.units_field.setFocus()
        self.units_field.selectAll()

    def accept(self) -> None:
        self.error.clear_message()
        try:
            units = whole_number(self.units_field.text().strip(), self.tr("units"), 1, MAX_LINE_QUANTITY)
            directions = self.store.split.clean_directions(self.directions_field.text())
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            self.units_field.setFocus()
            return
        self.units, self.directions = units, directions
        super().accept()
