"""The prescription behind an Rx-only or controlled line; a pharmacist's PIN when the user is not one.

Under China GSP it also takes the issuing institution, an optional scanned image, and the checking pharmacist
(核对: a second pharmacist's name and PIN; the reviewer 审核 is the first pharmacist, the dispenser 调配 the logged-in
user). When the store lets one pharmacist sign both, the check may be left empty with a reason.

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
        settings = store.settings
        self.gsp = settings.china_gsp
        self.single_allowed = self.gsp and bool(settings.rx_single_pharmacist)
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
        self.institution = KeepEnterLineEdit()
        self.institution.setObjectName("rxInstitution")
        self.image_path = KeepEnterLineEdit()
        self.image_path.setObjectName("rxImage")
        self.image_path.setPlaceholderText(self.tr("optional: the scanned prescription (PNG or JPEG file)"))
        self.single_reason = KeepEnterLineEdit()
        self.single_reason.setObjectName("rxSingleReason")
        self.single_reason.setPlaceholderText(self.tr("only if one pharmacist signs review and check"))
        form = QFormLayout()
        form.addRow(self.tr("Prescriber"), self.prescriber)
        if self.gsp:
            form.addRow(self.tr("Institution"), self.institution)
        form.addRow(self.tr("Prescription number"), self.rx_number)
        form.addRow(self.tr("Prescription date"), self.rx_date)
        if self.gsp:
            form.addRow(self.tr("Prescription image"), self.image_path)
        layout.addLayout(form)
        self.approver = ApprovalBox(self.tr("Reviewed by a pharmacist (审核)") if self.gsp
                                    else self.tr("A pharmacist confirms"))
        self.approver.setVisible(self.needs_pharmacist)
        layout.addWidget(self.approver)
        self.checker = ApprovalBox(self.tr("Checked by a second pharmacist (核对)"))
        self.checker.setVisible(self.gsp)
        layout.addWidget(self.checker)
        if self.single_allowed:
            reason_form = QFormLayout()
            reason_form.addRow(self.tr("One pharmacist on duty: reason"), self.single_reason)
            layout.addLayout(reason_form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Confirm"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        chain = [self.prescriber] + ([self.institution] if self.gsp else []) + [self.rx_number, self.rx_date]
        if self.gsp:
            chain.append(self.image_path)
        if self.needs_pharmacist:
            chain += [self.approver.username, self.approver.pin]
        if self.gsp:
            chain += [self.checker.username, self.checker.pin]
        if self.single_allowed:
            chain.append(self.single_reason)
        chain += [self.buttons.button(QDialogButtonBox.StandardButton.Ok),
                  self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.prescriber.returnPressed.connect((self.institution if self.gsp else self.rx_number).setFocus)
        self.institution.returnPressed.connect(self.rx_number.setFocus)
        self.rx_number.returnPressed.connect(self.rx_date.setFocus)
        self.rx_date.returnPressed.connect(self._date_entered)
        self.image_path.returnPressed.connect(self._image_entered)
        if initial is not None:
            self.set_fields(initial.prescriber, initial.rx_number, initial.rx_date)
        self.prescriber.setFocus()

    def set_fields(self, prescriber: str, rx_number: str, rx_date: date | str | None = None) -> None:
        self.prescriber.setText(prescriber)
        self.rx_number.setText(rx_number)
        if rx_date:
            self.rx_date.setText(str(rx_date))

    def _date_entered(self) -> None:
        """Enter in the date: on to the image (China GSP), the pharmacist, or confirm when the user is one."""
        if self.gsp:
            self.image_path.setFocus()
        else:
            self._image_entered()

    def _image_entered(self) -> None:
        if self.needs_pharmacist:
            self.approver.username.setFocus()
        elif self.gsp:
            self.checker.username.setFocus()
        else:
            self.accept()

    def accept(self) -> None:
        """The domain judges the prescription first (a missing field, a future date), then the pharmacist's PIN.

        Confirm is never greyed out: pressed too early, it says what is missing. A refusal keeps the dialog
        open with the focus on the field to correct."""
        self.error.clear_message()
        entered = Prescription(self.prescriber.text(), self.rx_number.text(), self.rx_date.text(),
                               institution=self.institution.text().strip(),
                               image_path=self.image_path.text().strip() or None,
                               single_pharmacist_reason=self.single_reason.text().strip())
        try:
            prescription = self.store.sales.check_prescription(self.product.id, entered)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            self._focus_first_wrong_field()
            return
        approval = check = None
        try:
            if self.needs_pharmacist:
                approval = self.approver.approve(self.store, Action.DISPENSE_RX)
            if self.gsp and (self.checker.username.text().strip() or not self.single_allowed):
                check = self.checker.approve(self.store, Action.DISPENSE_RX)
            prescription = replace(prescription, approval=approval, check_approval=check)
            if self.gsp:
                self.store.prescriptions.check(self.product.id, prescription)     # two people, or the reason
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        self.prescription = prescription
        super().accept()

    def _focus_first_wrong_field(self) -> None:
        for field in (self.prescriber, self.rx_number):
            if not field.text().strip():
                field.setFocus()
                return
        self.rx_date.setFocus()
        self.rx_date.selectAll()
