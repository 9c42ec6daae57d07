"""The receipt dialog: the receipt of :mod:`pharmadesk.reports.receipt` previewed and printed.

Printing follows the settings: ``escpos_target`` set -> plain ESC/POS bytes to that device or
host:port (:mod:`escpos`); else ``printer_name`` set -> that system printer without asking;
else the system print dialog.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from pharmadesk.i18n import document_font
from pharmadesk.reports import escpos
from pharmadesk.reports.receipt import receipt_html, receipt_lines
from pharmadesk.ui.common import ErrorLabel


class ReceiptDialog(QDialog):
    """Preview of a receipt with a Print button (ESC/POS printer, a chosen system printer, or the print dialog)."""

    def __init__(self, store, receipt_no: str, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.receipt_no = receipt_no
        self.setWindowTitle(self.tr("Receipt {0}").format(receipt_no))
        self.resize(420, 560)
        self.html = receipt_html(store, receipt_no)
        layout = QVBoxLayout(self)
        self.view = QTextBrowser()
        self.view.setObjectName("receiptView")
        self.view.setHtml(self.html)
        layout.addWidget(self.view)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_receipt)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.print_button.setDefault(True)

    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(document_font())        # registers the bundled CJK font the receipt names
        document.setHtml(self.html)
        return document

    def print_to(self, printer: QPrinter) -> None:
        self.document().print_(printer)

    def print_receipt(self) -> bool:
        """Print the way the settings say; True when the receipt was sent."""
        self.message.clear_message()
        target = self.store.settings.escpos_target.strip()
        if target:
            try:
                escpos.send_escpos(escpos.escpos_bytes(receipt_lines(self.store, self.receipt_no)), target)
            except OSError as exc:
                self.message.show_error(self.tr("The receipt printer {0} did not answer: {1}")
                                        .format(target, exc.strerror or str(exc)))
                return False
            self.message.show_info(self.tr("Sent to the receipt printer."))
            return True
        name = self.store.settings.printer_name.strip()
        if name and name in QPrinterInfo.availablePrinterNames():
            printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
            self.print_to(printer)
            return True
        return self.print_dialog()

    def print_dialog(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
            return True
        return False
