"""Licences and certificates of suppliers and products with their expiry (those expiring within 30 days
highlighted), adding one, and the first-time approval of a supplier (首营企业) or a product (首营品种)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter,
    QVBoxLayout, QWidget,
)

from pharmadesk.core.permissions import Action
from pharmadesk.errors import PharmaDeskError
from pharmadesk.reports.quality_forms import DOCUMENT_KIND_LABELS, EXPIRY_WARNING_DAYS, code_label
from pharmadesk.reports.quality_rows import product_approval_rows, supplier_approval_rows
from pharmadesk.ui.common import ErrorLabel, column, exec_dialog, form_dialog_body
from pharmadesk.ui.stock.product_picker import ProductPicker
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column

SUPPLIER_KINDS = ("drug_trading_licence", "business_licence", "gsp_certificate", "sales_authorisation")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")


def expiring(document, days: int = EXPIRY_WARNING_DAYS) -> bool:
    """Whether a document has expired or expires within ``days``: the rows the list highlights."""
    return document.days_left is not None and document.days_left <= days


class DocumentDialog(QDialog):
    """Record a supplier's licence, certificate or authorisation (``product`` False), or approve a first-time
    product with its registration document (``product`` True)."""

    def __init__(self, store, product: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.product_mode = product
        self.result_record = None
        self.setWindowTitle(self.tr("Approve a first-time product") if product else self.tr("Add a supplier document"))
        form = QFormLayout()
        if product:
            self.subject = ProductPicker(store)
            form.addRow(self.tr("&Product"), self.subject)
        else:
            self.subject = QComboBox()
            for supplier in store.catalog.suppliers():
                self.subject.addItem(supplier["name"], supplier["id"])
            self.kind = QComboBox()
            for kind in SUPPLIER_KINDS:
                self.kind.addItem(code_label(DOCUMENT_KIND_LABELS, kind), kind)
            form.addRow(self.tr("&Supplier"), self.subject)
            form.addRow(self.tr("&Kind"), self.kind)
        self.number = QLineEdit()
        self.issuer = QLineEdit()
        today = store.today()
        self.issued_on = QDateEdit(_qdate(today))
        self.expires_on = QDateEdit(_qdate(today.replace(year=today.year + 5) if (today.month, today.day) != (2, 29)
                                           else date(today.year + 5, 2, 28)))
        for edit in (self.issued_on, self.expires_on):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.no_term = QCheckBox(self.tr("valid without a term (长期)"))
        self.no_term.toggled.connect(lambda on: self.expires_on.setEnabled(not on))
        self.note = QLineEdit()
        form.addRow(self.tr("&Number"), self.number)
        form.addRow(self.tr("&Issued by"), self.issuer)
        form.addRow(self.tr("Issued &on"), self.issued_on)
        form.addRow(self.tr("&Valid until"), self.expires_on)
        form.addRow("", self.no_term)
        if product:
            form.addRow(self.tr("N&ote"), self.note)
        self.error = form_dialog_body(self, form, save=True)

    def accept(self) -> None:
        expires = None if self.no_term.isChecked() else _iso(self.expires_on)
        try:
            if self.product_mode:
                product = self.subject.product or self.subject.resolve()
                if product is None:
                    self.error.show_error(self.tr("Choose the product first."))
                    return
                self.result_record = self.store.quality.approve_product(
                    product.id, self.number.text(), self.issuer.text(), expires, note=self.note.text() or None,
                    issued_on=_iso(self.issued_on))
            else:
                self.result_record = self.store.quality.add_document(
                    self.kind.currentData(), self.number.text(), self.issuer.text(), expires,
                    supplier_id=self.subject.currentData(), issued_on=_iso(self.issued_on))
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()


class ApproveSupplierDialog(QDialog):
    """Approve a first-time supplier (首营企业) once its required documents are on file and in force."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.approval = None
        self.setWindowTitle(self.tr("Approve a first-time supplier"))
        self.supplier = QComboBox()
        for supplier in store.catalog.suppliers():
            if store.quality.approval(supplier_id=supplier["id"]) is None:
                self.supplier.addItem(supplier["name"], supplier["id"])
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&Supplier"), self.supplier)
        form.addRow(self.tr("N&ote"), self.note)
        self.error = form_dialog_body(self, form, save=True)

    def accept(self) -> None:
        if self.supplier.currentData() is None:
            self.error.show_error(self.tr("Every supplier is approved already."))
            return
        try:
            self.approval = self.store.quality.approve_supplier(self.supplier.currentData(), self.note.text() or None)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        super().accept()


class DocumentsTab(QWidget):
    kind = "supplier_approval"

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.message = ErrorLabel()
        self.show_products = QComboBox()
        self.show_products.addItem(self.tr("Supplier documents"), False)
        self.show_products.addItem(self.tr("Product documents"), True)
        self.show_products.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = ListTable([
            Column("subject_name", self.tr("Supplier or product")),
            Column("kind", self.tr("Document"), lambda d: code_label(DOCUMENT_KIND_LABELS, d.kind)),
            Column("number", self.tr("Number")),
            Column("issuer", self.tr("Issued by")),
            Column("expires_on", self.tr("Valid until"), lambda d: d.expires_on or self.tr("no term")),
            Column("days_left", self.tr("Days left"), numeric=True),
            Column("approved", self.tr("Approved"), lambda d: self.approved_text(d)),
        ])
        self.table.model.highlight = expiring
        self.qualifications = ListTable([
            Column("name", self.tr("Supplier or product")),
            Column("approved", self.tr("First-time approval"), lambda q: self.tr("approved") if q.approved
                   else self.tr("not approved")),
            Column("missing", self.tr("Missing"), lambda q: self.kinds_text(q.missing)),
            Column("expired", self.tr("Expired"), lambda q: self.kinds_text(q.expired)),
            Column("next_expiry", self.tr("Next expiry")),
        ], filterable=False)
        self.qualifications.model.highlight = lambda q: not q.receivable
        self.add_button = QPushButton(self.tr("&Add supplier document…"))
        self.add_button.clicked.connect(self.add_document)
        self.approve_supplier_button = QPushButton(self.tr("Approve s&upplier…"))
        self.approve_supplier_button.clicked.connect(self.approve_supplier)
        self.approve_product_button = QPushButton(self.tr("Approve &product…"))
        self.approve_product_button.clicked.connect(self.approve_product)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_products)
        buttons.addStretch(1)
        for button in (self.add_button, self.approve_supplier_button, self.approve_product_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(column(QLabel(self.tr("Who may deliver (and be received) under GSP:")),
                                  (self.qualifications, 1)))
        layout.addWidget(splitter, 1)

    def user_changed(self) -> None:
        allowed = self.store.may(Action.APPROVE_QUALIFICATIONS)
        for button in (self.add_button, self.approve_supplier_button, self.approve_product_button):
            button.setVisible(allowed)

    def kinds_text(self, kinds) -> str:
        return ", ".join(code_label(DOCUMENT_KIND_LABELS, kind) for kind in kinds)

    def approved_text(self, document) -> str:
        approval = self.store.quality.approval(supplier_id=document.supplier_id, product_id=document.product_id)
        return approval.approved_at[:10] if approval else self.tr("not yet")

    def refresh(self) -> None:
        products = bool(self.show_products.currentData())
        self.kind = "product_approval" if products else "supplier_approval"
        documents = [d for d in self.store.quality.documents() if (d.product_id is not None) == products]
        self.table.set_rows(documents)
        self.qualifications.set_rows(self.store.quality.qualifications("product" if products else "supplier"))
        soon = sum(1 for d in documents if expiring(d))
        if soon:
            self.message.show_error(self.tr("{0} document(s) expired or expire within {1} days: renew them.")
                                    .format(soon, EXPIRY_WARNING_DAYS))
        else:
            self.message.clear_message()

    def form_rows(self, start, end) -> list:
        if self.kind == "product_approval":
            return product_approval_rows(self.store)
        return supplier_approval_rows(self.store)

    def _run(self, dialog, done: str) -> bool:
        if self.exec_dialog(dialog):
            self.refresh()
            self.message.show_info(done)
            return True
        return False

    def add_document(self) -> bool:
        return self._run(DocumentDialog(self.store, product=False, parent=self), self.tr("Document recorded."))

    def approve_supplier(self) -> bool:
        return self._run(ApproveSupplierDialog(self.store, self), self.tr("Supplier approved."))

    def approve_product(self) -> bool:
        return self._run(DocumentDialog(self.store, product=True, parent=self), self.tr("Product approved."))
