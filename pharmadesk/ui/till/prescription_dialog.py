"""The prescription behind an Rx-only or controlled line; a pharmacist's PIN when the user is not one.

Made for the keyboard: Tab (or Enter) goes prescriber → number → date → pharmacist → PIN, and Enter in
the PIN confirms. The date is one plain field typed as ``2026-12-04`` or ``20261204``, so typed digits
never land in a date widget's day section. ``store.sales.check_prescription`` judges the fields (a
future or unreadable date is refused with its plain message) before the pharmacist's PIN is checked.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.permissions import Action
from pharmadesk.core.sales import Prescription
from pharmadesk.ui.approval import ApprovalBox
from pharmadesk.ui.common import ErrorLabel
from pharmadesk.ui.widgets.search_field import KeepEnterLineEdit


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
        # Enter in each field goes on to the next one: only Enter in the last field confirms.
        self.prescriber = KeepEnterLineEdit()
        self.prescriber.setObjectName("prescriber")
        self.rx_number = KeepEnterLineEdit()
        self.rx_number.setObjectName("rxNumber")
        self.rx_date = KeepEnterLineEdit()
        self.rx_date.setObjectName("rxDate")
        today = store.today()
        self.rx_date.setText(today.isoformat())      # Tab into it selects it all: typing replaces it
        self.rx_date.setPlaceholderText(self.tr("{0} or {1}").format(today.isoformat(), today.strftime("%Y%m%d")))
        self.rx_date.setToolTip(self.tr("The date written on the prescription, e.g. {0} or {1}").format(
            today.isoformat(), today.strftime("%Y%m%d")))
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
        chain = [self.prescriber, self.rx_number, self.rx_date]
        if self.needs_pharmacist:
            chain += [self.approver.username, self.approver.pin]
        chain += [self.buttons.button(QDialogButtonBox.StandardButton.Ok),
                  self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.prescriber.returnPressed.connect(self.rx_number.setFocus)
        self.rx_number.returnPressed.connect(self.rx_date.setFocus)
        self.rx_date.returnPressed.connect(self._date_entered)
        if initial is not None:
            self.set_fields(initial.prescriber, initial.rx_number, initial.rx_date)
        self.prescriber.setFocus()

    def set_fields(self, prescriber: str, rx_number: str, rx_date: date | str | None = None) -> None:
        self.prescriber.setText(prescriber)
        self.rx_number.setText(rx_number)
        if rx_date:
            self.rx_date.setText(str(rx_date))

    def _date_entered(self) -> None:
        """Enter in the date: on to the pharmacist, or confirm when the user is one."""
        if self.needs_pharmacist:
            self.approver.username.setFocus()
        else:
            self.accept()

    def accept(self) -> None:
        """The domain judges the prescription first (a missing field, a future date), then the pharmacist's PIN.

        Confirm is never greyed out: pressed too early, it says what is missing. A refusal keeps the dialog
        open with the focus on the field to correct."""
        self.error.clear_message()
        entered = Prescription(self.prescriber.text(), self.rx_number.text(), self.rx_date.text())
        try:
            prescription = self.store.sales.check_prescription(self.product.id, entered)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            self._focus_first_wrong_field()
            return
        approval = None
        if self.needs_pharmacist:
            try:
                approval = self.approver.approve(self.store, Action.DISPENSE_RX)
            except PharmaDeskError as exc:
                self.error.show_error(exc)
                return
        self.prescription = replace(prescription, approval=approval)
        super().accept()

    def _focus_first_wrong_field(self) -> None:
        for field in (self.prescriber, self.rx_number):
            if not field.text().strip():
                field.setFocus()
                return
        self.rx_date.setFocus()
        self.rx_date.selectAll()
