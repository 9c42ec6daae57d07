"""The receipt: HTML made from ``store.sales.receipt``, previewed in a dialog and printed with QPrinter."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from pharmadesk.timeutil import from_iso
from pharmadesk.ui.common import money


def _tr(text: str) -> str:
    return QCoreApplication.translate("receipt", text)


def receipt_html(store, receipt_no: str) -> str:
    """The printable receipt of one sale (store name, lines with batches, totals, payments, points)."""
    sale = store.sales.receipt(receipt_no)
    when = from_iso(sale["at"]).astimezone().strftime("%Y-%m-%d %H:%M")
    header = store.setting("receipt_header")
    rows = []
    for line in sale["lines"]:
        batches = ", ".join(f"{b['batch_no']} {_tr('exp.')} {b['expiry']}" for b in line["batches"])
        rows.append(
            f"<tr><td>{escape(line['product_name'])}<br><small>{escape(batches)}</small></td>"
            f"<td align='right'>{line['quantity']}</td><td align='right'>{money(line['unit_price'])}</td>"
            f"<td align='right'>{money(line['line_total'])}</td></tr>")
    totals = [(_tr("Subtotal"), sale["subtotal"])]
    if sale["discount"]:
        totals.append((_tr("Discounts"), -sale["discount"]))
    if sale["redeem_value"]:
        totals.append((_tr("Points redeemed"), -sale["redeem_value"]))
    totals.append((_tr("TOTAL"), sale["total"]))
    totals.append((_tr("incl. VAT"), sale["vat"]))
    total_rows = "".join(f"<tr><td colspan='3'>{escape(label)}</td><td align='right'>{money(value)}</td></tr>"
                         for label, value in totals)
    payments = []
    for p in sale["payments"]:
        method = _tr("Cash") if p["method"] == "cash" else _tr("Card")
        payments.append(f"<tr><td colspan='3'>{method}</td><td align='right'>{money(p['amount'])}</td></tr>")
        if p["method"] == "cash" and p["tendered"]:
            payments.append(f"<tr><td colspan='3'>{_tr('Given')}</td><td align='right'>{money(p['tendered'])}</td></tr>"
                            f"<tr><td colspan='3'>{_tr('Change')}</td><td align='right'>{money(p['change'])}</td></tr>")
    points = (f"<p>{escape(_tr('Points earned: {0}').format(sale['points_earned']))}</p>"
              if sale["member_id"] is not None else "")
    return (
        f"<html><body style='font-family: monospace'>"
        f"<h3 align='center'>{escape(store.setting('store_name'))}</h3>"
        + (f"<p align='center'>{escape(header)}</p>" if header else "")
        + f"<p>{escape(_tr('Receipt'))} {escape(sale['receipt_no'])}<br>{when}</p>"
        f"<table width='100%' cellspacing='0' cellpadding='2'>"
        f"<tr><th align='left'>{_tr('Item')}</th><th align='right'>{_tr('Qty')}</th>"
        f"<th align='right'>{_tr('Price')}</th><th align='right'>{_tr('Amount')}</th></tr>"
        + "".join(rows) + "<tr><td colspan='4'><hr></td></tr>" + total_rows + "".join(payments)
        + f"</table>{points}<p align='center'>{escape(_tr('Thank you'))}</p></body></html>"
    )


class ReceiptDialog(QDialog):
    """Preview of a receipt with a Print button (any system printer, or PDF)."""

    def __init__(self, store, receipt_no: str, parent=None) -> None:
        super().__init__(parent)
        self.receipt_no = receipt_no
        self.setWindowTitle(self.tr("Receipt {0}").format(receipt_no))
        self.resize(420, 560)
        self.html = receipt_html(store, receipt_no)
        layout = QVBoxLayout(self)
        self.view = QTextBrowser()
        self.view.setObjectName("receiptView")
        self.view.setHtml(self.html)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_dialog)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.print_button.setDefault(True)

    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setHtml(self.html)
        return document

    def print_to(self, printer: QPrinter) -> None:
        self.document().print_(printer)

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
