"""The X report (the day so far) and Z report (the closed day) of the till as a page of figures
(context ``DayReportWriter``)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from pharmadesk.core.money import format_money as money

if TYPE_CHECKING:
    from pharmadesk.core.sales import DayReport


class DayReportWriter(QObject):
    """Translated labels and the page of an X or Z report."""

    def html(self, report: "DayReport", title: str) -> str:
        """The table of ``report`` (the :class:`DayReport` of ``x_report`` or ``close_day``) under ``title``."""
        rows = [
            (self.tr("Transactions"), str(report.transactions)),
            (self.tr("Items sold"), str(report.items)),
            (self.tr("Gross sales"), money(report.gross)),
            (self.tr("Discounts"), money(report.discounts)),
            (self.tr("Points redeemed"), money(report.points_redeemed)),
            (self.tr("Net sales"), money(report.net)),
            (self.tr("VAT included"), money(report.vat)),
            (self.tr("Average ticket"), money(report.average_ticket)),
            (self.tr("Cash"), money(report.payments["cash"])),
            (self.tr("Card"), money(report.payments["card"])),
            (self.tr("Refunds ({0})").format(report.refunds), money(report.refund_amount)),
            (self.tr("Opening float"), money(report.opening_float)),
            (self.tr("Expected cash"), money(report.expected_cash)),
        ]
        if report.counted_cash is not None:
            rows += [(self.tr("Counted cash"), money(report.counted_cash)),
                     (self.tr("Cash variance"), money(report.cash_variance))]
        body = "".join(f"<tr><td>{escape(k)}</td><td align='right'>{escape(v)}</td></tr>" for k, v in rows)
        return f"<h2>{escape(title)}</h2><table cellpadding='4'>{body}</table>"


def day_report_html(report: "DayReport", title: str) -> str:
    """The page of an X or Z report (``store.sales.x_report`` / ``close_day``) under ``title``."""
    return DayReportWriter().html(report, title)
