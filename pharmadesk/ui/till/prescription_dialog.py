"""The prescription behind an Rx-only or controlled line; a pharmacist's PIN when the user is not one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.permissions import Action
from pharmadesk.core.sales import Prescription
from pharmadesk.ui.approval import ApprovalBox
from pharmadesk.ui.common import ErrorLabel


class PrescriptionDialog(QDialog):
    """On accept, :attr:`prescription` holds the Prescription (with the pharmacist's Approval if needed)."""

    def __init__(self, store, product, initial: Prescription | None = None, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.product = product
        self.prescription: Prescription | None = None
        self.needs_pharmacist = not store.may(Action.DISPENSE_RX)
        self.setWindowTitle(self.tr("Prescription"))
        layout = QVBoxLayout(self)
        kind = self.tr("controlled") if product.legal_class == "controlled" else self.tr("prescription-only")
        heading = QLabel(self.tr("{0} is {1}. Enter the prescription.").format(product.name, kind))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.prescriber = QLineEdit()
        self.prescriber.setObjectName("prescriber")
        self.rx_number = QLineEdit()
        self.rx_number.setObjectName("rxNumber")
        self.rx_date = QDateEdit()
        self.rx_date.setObjectName("rxDate")
        self.rx_date.setCalendarPopup(True)
        self.rx_date.setDisplayFormat("yyyy-MM-dd")
        today = store.today()
        self.rx_date.setDate(QDate(today.year, today.month, today.day))
        form = QFormLayout()
        form.addRow(self.tr("Prescriber"), self.prescriber)
        form.addRow(self.tr("Prescription number"), self.rx_number)
        form.addRow(self.tr("Prescription date"), self.rx_date)
        layout.addLayout(form)
        self.approver = ApprovalBox(self.tr("A pharmacist confirms"))
        self.approver.setVisible(self.needs_pharmacist)
        layout.addWidget(self.approver)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Confirm"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.prescriber.textChanged.connect(self._update_ok)
        self.rx_number.textChanged.connect(self._update_ok)
        if initial is not None:
            self.set_fields(initial.prescriber, initial.rx_number, initial.rx_date)
        self._update_ok()

    def set_fields(self, prescriber: str, rx_number: str, rx_date: date | str | None = None) -> None:
        self.prescriber.setText(prescriber)
        self.rx_number.setText(rx_number)
        if rx_date:
            d = date.fromisoformat(str(rx_date))
            self.rx_date.setDate(QDate(d.year, d.month, d.day))

    def _update_ok(self) -> None:
        filled = bool(self.prescriber.text().strip() and self.rx_number.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(filled)

    def accept(self) -> None:
        if not (self.prescriber.text().strip() and self.rx_number.text().strip()):
            self.error.show_info(self.tr("Enter the prescriber and the prescription number."))
            return
        approval = None
        if self.needs_pharmacist:
            try:
                approval = self.approver.approve(self.store, Action.DISPENSE_RX)
            except PharmaDeskError as exc:
                self.error.show_error(exc)
                return
        self.prescription = Prescription(self.prescriber.text().strip(), self.rx_number.text().strip(),
                                         self.rx_date.date().toPython(), approval)
        super().accept()
