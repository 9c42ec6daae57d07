"""The buyer of an ephedrine-containing medicine (China GSP): the resident ID number and the name on the card.

Keyboard first: type (or swipe) the ID, Enter goes to the name, Enter confirms. ``store.ephedrine.check_buyer``
judges the ID (GB 11643 check character) and the name; a refusal keeps the dialog open. The ID is kept only in
this sale's memory until the sale seals it into the register.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from pharmadesk.core.ephedrine import EphedrineBuyer
from pharmadesk.errors import PharmaDeskError
from pharmadesk.ui.common import ErrorLabel
from pharmadesk.ui.widgets.search_field import KeepEnterLineEdit


class EphedrineBuyerDialog(QDialog):
    """On accept, :attr:`buyer` holds the checked :class:`EphedrineBuyer`."""

    def __init__(self, store, product_name: str, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.buyer: EphedrineBuyer | None = None
        self.setWindowTitle(self.tr("Ephedrine-containing medicine"))
        layout = QVBoxLayout(self)
        limit = store.settings.ephedrine_max_packs
        heading = QLabel(self.tr("{0} contains ephedrine: enter the buyer's ID number and name. At most {1} packs "
                                 "per sale.").format(product_name, limit))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.id_number = KeepEnterLineEdit()
        self.id_number.setObjectName("buyerId")
        self.id_number.setMaxLength(18)
        self.name = KeepEnterLineEdit()
        self.name.setObjectName("buyerName")
        self.name.setMaxLength(50)
        form = QFormLayout()
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.tr("Name"), self.name)
        layout.addLayout(form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.id_number, self.name)
        self.id_number.returnPressed.connect(self.name.setFocus)
        self.name.returnPressed.connect(self.accept)
        self.id_number.setFocus()

    def accept(self) -> None:
        self.error.clear_message()
        try:
            self.buyer = self.store.ephedrine.check_buyer(EphedrineBuyer(self.id_number.text(), self.name.text()))
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            self.id_number.setFocus()
            self.id_number.selectAll()
            return
        super().accept()
