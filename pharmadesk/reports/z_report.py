"""The X report (the day so far) and the Z report (the closed day) as a printable A4 page: the store, which
report and period, who printed it and when, then the figures of :mod:`pharmadesk.reports.day_report`.

The day close page shows this same document, so what the cashier prints or saves as PDF is what they saw.
Words: context ``ZReport``; payment methods: context ``payment methods``. No widgets here (a
``QGuiApplication`` is enough), so a script can print a Z report too.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument

from pharmadesk.i18n import document_font
from pharmadesk.core.timeutil import from_iso
from pharmadesk.reports.day_report import day_report_html
from pharmadesk.reports.printing import save_pdf

if TYPE_CHECKING:
    from pharmadesk.core.day_close import DayReport

CSS = """
body { font-size: 10pt; color: #222222; }
h1 { font-size: 14pt; margin-bottom: 0; }
h2 { font-size: 12pt; margin-top: 10px; margin-bottom: 4px; }
p.sub { color: #555555; margin-top: 2px; margin-bottom: 2px; }
"""


def method_totals(report: "DayReport") -> list[tuple[str, int, int]]:
    """``(method, taken, refunded)`` for each payment method the report has money for, in the report's order
    (the domain's list of methods): the per-method totals a cashier checks at day close."""
    refunded = dict(report.refunds_by_method or {})
    methods = list(report.payments) + [m for m in refunded if m not in report.payments]
    return [(m, int(report.payments.get(m, 0)), int(refunded.get(m, 0))) for m in methods
            if report.payments.get(m, 0) or refunded.get(m, 0)]


def _local(iso: str) -> str:
    return from_iso(iso).astimezone().strftime("%Y-%m-%d %H:%M")


class ZReportWriter(QObject):
    """The translated words and the page of an X or Z report (context ``ZReport``)."""

    def title(self, report: "DayReport") -> str:
        """"Z report #12" for a closed day, "X report (the day is still open)" otherwise."""
        if report.closed:
            return self.tr("Z report #{0}").format(report.day_close_id)
        return self.tr("X report (the day is still open)")

    def period(self, report: "DayReport") -> str:
        return self.tr("Sales from {0} to {1}").format(_local(report.period_start), _local(report.period_end))

    def printed(self, store) -> str:
        """Who made the page and when (the store's clock, local time); printing makes the page afresh."""
        moment = store.now().astimezone().strftime("%Y-%m-%d %H:%M")
        who = store.user.display_name if store.user else ""
        return self.tr("Made {0} by {1}").format(moment, who)

    def html(self, report: "DayReport", store_name: str, printed: str) -> str:
        """The page: store name, period, who printed it, then the report's figures under its title."""
        head = (f"<h1>{escape(store_name)}</h1>"
                f'<p class="sub">{escape(self.period(report))}</p>'
                f'<p class="sub">{escape(printed)}</p>')
        return (f"<html><head><style>{CSS}</style></head><body>{head}"
                f"{day_report_html(report, self.title(report))}</body></html>")


def day_report_title(report: "DayReport") -> str:
    """The translated title of ``report`` (X or Z), e.g. for a PDF's name."""
    return ZReportWriter().title(report)


def day_report_page(report: "DayReport", store) -> str:
    """The HTML page of ``report`` (from ``store.day_close.x_report`` or ``close_day``) for ``store``."""
    writer = ZReportWriter()
    return writer.html(report, store.settings.store_name, writer.printed(store))


def day_report_document(report: "DayReport", store) -> QTextDocument:
    """A ready-to-print document of ``report``; print it with ``document.print_(printer)``."""
    document = QTextDocument()
    document.setDefaultFont(document_font())        # the bundled CJK font: Chinese prints on any PC
    document.setHtml(day_report_page(report, store))
    return document


def save_day_report_pdf(report: "DayReport", store, path) -> Path:
    """Save ``report`` as an A4 PDF at ``path`` (what Print would put on paper); returns the path."""
    path = Path(path)
    save_pdf(day_report_document(report, store), path, day_report_title(report))
    return path
