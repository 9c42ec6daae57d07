"""A4 paper for every printed document: the page layout, a printer set to it, and saving a document as PDF
through Qt's PDF printer (so the file is what Print would put on paper)."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from pharmadesk.paths import make_private


def a4_layout(landscape: bool = False) -> QPageLayout:
    """A4 with 15 mm margins, portrait unless ``landscape`` (the wide quality forms)."""
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                       QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)


def a4_printer(mode=QPrinter.PrinterMode.HighResolution, landscape: bool = False) -> QPrinter:
    """A printer (system or PDF) set to :func:`a4_layout`."""
    printer = QPrinter(mode)
    printer.setPageLayout(a4_layout(landscape))
    return printer


def save_pdf(document: QTextDocument, path, title: str, landscape: bool = False) -> None:
    """Write ``document`` as an A4 PDF at ``path`` titled ``title`` (landscape when asked)."""
    printer = a4_printer(landscape=landscape)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    document.print_(printer)
    make_private(path)
