"""A4 paper for every printed document: the page layout, a printer set to it, and saving a document as PDF
through Qt's PDF printer (so the file is what Print would put on paper)."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from pharmadesk.paths import make_private


def a4_layout() -> QPageLayout:
    """A4 portrait with 15 mm margins."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)


def a4_printer(mode=QPrinter.PrinterMode.HighResolution) -> QPrinter:
    """A printer (system or PDF) set to :func:`a4_layout`."""
    printer = QPrinter(mode)
    printer.setPageLayout(a4_layout())
    return printer


def save_pdf(document: QTextDocument, path, title: str) -> None:
    """Write ``document`` as an A4 PDF at ``path`` titled ``title``."""
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    document.print_(printer)
    make_private(path)
