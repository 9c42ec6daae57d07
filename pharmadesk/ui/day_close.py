"""The day close page: the X report (totals so far) and the Z report (count the cash, close the day)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from pharmadesk.errors import PharmaDeskError
from pharmadesk.money import parse_money
from pharmadesk.ui.common import ErrorLabel, money


def _confirm(parent, text: str) -> bool:
    answer = QMessageBox.question(parent, parent.tr("Close the day"), text)
    return answer == QMessageBox.StandardButton.Yes


class DayClosePage(QWidget):
    """``confirm(parent, text) -> bool`` asks before the irreversible close (tests replace it)."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.confirm = _confirm
        self.last_report = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.opening_float = QLineEdit("0.00")
        self.opening_float.setObjectName("openingFloat")
        self.counted_cash = QLineEdit()
        self.counted_cash.setObjectName("countedCash")
        form.addRow(self.tr("Opening float"), self.opening_float)
        form.addRow(self.tr("Counted cash in the drawer"), self.counted_cash)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.x_button = QPushButton(self.tr("Show &X report"))
        self.x_button.clicked.connect(self.show_x_report)
        self.z_button = QPushButton(self.tr("&Close the day (Z report)"))
        self.z_button.setObjectName("payButton")
        self.z_button.clicked.connect(self.close_day)
        buttons.addWidget(self.x_button)
        buttons.addWidget(self.z_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.report = QTextBrowser()
        self.report.setObjectName("zReport")
        layout.addWidget(self.report, 1)

    def show_x_report(self) -> None:
        self.error.clear_message()
        try:
            report = self.store.sales.x_report(parse_money(self.opening_float.text() or "0", self.tr("opening float")))
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        self.report.setHtml(self.report_html(report, self.tr("X report (the day is still open)")))

    def close_day(self) -> None:
        self.error.clear_message()
        try:
            counted = parse_money(self.counted_cash.text(), self.tr("counted cash"))
            opening = parse_money(self.opening_float.text() or "0", self.tr("opening float"))
            if not self.confirm(self, self.tr("Close the day with {0} counted? This cannot be undone.")
                                .format(money(counted))):
                return
            report = self.store.sales.close_day(counted, opening)
        except PharmaDeskError as exc:
            self.error.show_error(exc)
            return
        self.last_report = report
        self.counted_cash.clear()
        self.report.setHtml(self.report_html(report, self.tr("Z report #{0}").format(report["day_close_id"])))

    def report_html(self, report: dict, title: str) -> str:
        rows = [
            (self.tr("Transactions"), str(report["transactions"])),
            (self.tr("Items sold"), str(report["items"])),
            (self.tr("Gross sales"), money(report["gross"])),
            (self.tr("Discounts"), money(report["discounts"])),
            (self.tr("Points redeemed"), money(report["points_redeemed"])),
            (self.tr("Net sales"), money(report["net"])),
            (self.tr("VAT included"), money(report["vat"])),
            (self.tr("Average ticket"), money(report["average_ticket"])),
            (self.tr("Cash"), money(report["payments"]["cash"])),
            (self.tr("Card"), money(report["payments"]["card"])),
            (self.tr("Refunds ({0})").format(report["refunds"]), money(report["refund_amount"])),
            (self.tr("Opening float"), money(report["opening_float"])),
            (self.tr("Expected cash"), money(report["expected_cash"])),
        ]
        if "counted_cash" in report:
            rows += [(self.tr("Counted cash"), money(report["counted_cash"])),
                     (self.tr("Cash variance"), money(report["cash_variance"]))]
        body = "".join(f"<tr><td>{escape(k)}</td><td align='right'>{escape(v)}</td></tr>" for k, v in rows)
        return f"<h2>{escape(title)}</h2><table cellpadding='4'>{body}</table>"
