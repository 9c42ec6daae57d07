"""The X report (the day so far) and Z report (the closed day) of the till as a page of figures
(context ``DayReportWriter``)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from pharmadesk.core.money import format_money as money
from pharmadesk.core.payments import NET_SALES_LABEL
from pharmadesk.reports.labels import method_label

if TYPE_CHECKING:
    from pharmadesk.core.day_close import DayReport


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
            (self.tr("Paid by customers"), money(report.paid)),
            (self.tr("Refunds ({0})").format(report.refunds), money(report.refund_amount)),
            (QCoreApplication.translate("payments", NET_SALES_LABEL), money(report.net)),
            (self.tr("VAT included"), money(report.vat)),
            (self.tr("Average ticket"), money(report.average_ticket)),
            (self.tr("Opening float"), money(report.opening_float)),
            (self.tr("Expected cash"), money(report.expected_cash)),
        ]
        if report.counted_cash is not None:
            rows += [(self.tr("Counted cash"), money(report.counted_cash)),
                     (self.tr("Cash variance"), money(report.cash_variance))]
        body = "".join(f"<tr><td>{escape(k)}</td><td align='right'>{escape(v)}</td></tr>" for k, v in rows)
        return (f"<h2>{escape(title)}</h2><table cellpadding='4'>{body}</table>"
                + self.methods_html(report))

    def methods_html(self, report: "DayReport") -> str:
        """Per payment method: taken, refunded and net (what the drawer, the terminal batch, the merchant bill
        or the insurer's settlement should show). Cash always; other methods when they moved money."""
        head = "".join(f"<th align='{a}'>{escape(t)}</th>" for t, a in (
            (self.tr("Payment method"), "left"), (self.tr("Taken"), "right"), (self.tr("Refunded"), "right"),
            (self.tr("Net"), "right")))
        body = ""
        for method, net in report.net_by_method.items():
            taken, back = report.payments.get(method, 0), report.refunds_by_method.get(method, 0)
            if method != "cash" and not (taken or back):
                continue
            name = method_label(method)
            body += (f"<tr><td>{escape(name)}</td><td align='right'>{escape(money(taken))}</td>"
                     f"<td align='right'>{escape(money(back))}</td><td align='right'>{escape(money(net))}</td></tr>")
        title = self.tr("Per payment method")
        return f"<h3>{escape(title)}</h3><table cellpadding='4'><tr>{head}</tr>{body}</table>"


def day_report_html(report: "DayReport", title: str) -> str:
    """The page of an X or Z report (``store.day_close.x_report`` / ``close_day``) under ``title``."""
    return DayReportWriter().html(report, title)
