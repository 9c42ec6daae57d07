"""The owner's daily and monthly report as a printable rich-text document: headline KPIs against the
comparison period, a chart of sales over the day or month, then the tables (payments, cash, products,
categories, stock, care, exceptions). The same document is shown on screen, printed, and saved as PDF, so
what the owner prints is what they saw.
"""

from __future__ import annotations

import math
from html import escape
from dataclasses import dataclass, field
from datetime import timedelta
from io import BytesIO

from matplotlib.figure import Figure
from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QImage, QTextDocument

from pharmadesk.i18n import document_font
from pharmadesk.analytics.models.owner_reports import OwnerReport
from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.reports.charts import PALETTE, apply_house_style
from pharmadesk.reports.formatting import KPI_KINDS, Number, format_amount, format_kpi
from pharmadesk.reports.labels import CATEGORY_LABELS, label, method_label

KPIS = {  # kpi -> label, in report order
    "sales": QT_TRANSLATE_NOOP("ReportWriter", "Sales"),
    "transactions": QT_TRANSLATE_NOOP("ReportWriter", "Transactions"),
    "average_ticket": QT_TRANSLATE_NOOP("ReportWriter", "Average ticket"),
    "items_per_basket": QT_TRANSLATE_NOOP("ReportWriter", "Items per basket"),
    "refunds": QT_TRANSLATE_NOOP("ReportWriter", "Refunds"),
    "net_sales": QT_TRANSLATE_NOOP("ReportWriter", "Net sales (VAT incl., after refunds)"),   # payments.net_sales
    "gross_margin": QT_TRANSLATE_NOOP("ReportWriter", "Gross margin"),
    "gross_margin_pct": QT_TRANSLATE_NOOP("ReportWriter", "Gross margin %"),
    "new_members": QT_TRANSLATE_NOOP("ReportWriter", "New members"),
    "active_members": QT_TRANSLATE_NOOP("ReportWriter", "Active members"),
    "repeat_rate": QT_TRANSLATE_NOOP("ReportWriter", "Repeat rate"),
    "inventory_value": QT_TRANSLATE_NOOP("ReportWriter", "Inventory value at cost"),
    "inventory_turnover": QT_TRANSLATE_NOOP("ReportWriter", "Inventory turnover"),
}
STOCK_REASONS = {
    "receipt": QT_TRANSLATE_NOOP("ReportWriter", "Goods received"),
    "sale": QT_TRANSLATE_NOOP("ReportWriter", "Sold"),
    "return": QT_TRANSLATE_NOOP("ReportWriter", "Returned by customers"),
    "adjustment": QT_TRANSLATE_NOOP("ReportWriter", "Adjustments"),
    "write_off": QT_TRANSLATE_NOOP("ReportWriter", "Written off"),
    "stocktake": QT_TRANSLATE_NOOP("ReportWriter", "Stocktake corrections"),
}
EXCEPTIONS = {
    "price.override": QT_TRANSLATE_NOOP("ReportWriter", "Price overrides"),
    "discount.large": QT_TRANSLATE_NOOP("ReportWriter", "Discounts above the threshold"),
    "approval": QT_TRANSLATE_NOOP("ReportWriter", "Supervisor approvals"),
    "refund": QT_TRANSLATE_NOOP("ReportWriter", "Refunds approved"),
    "stock.write_off": QT_TRANSLATE_NOOP("ReportWriter", "Stock write-offs"),
    "stock.adjust": QT_TRANSLATE_NOOP("ReportWriter", "Stock adjustments"),
    "login.failed": QT_TRANSLATE_NOOP("ReportWriter", "Failed logins"),
}
REMINDER_KINDS = {
    "refill_due": QT_TRANSLATE_NOOP("ReportWriter", "Refill due"),
    "overdue": QT_TRANSLATE_NOOP("ReportWriter", "Overdue"),
    "low_adherence": QT_TRANSLATE_NOOP("ReportWriter", "Low adherence"),
    "med_sync": QT_TRANSLATE_NOOP("ReportWriter", "Medication sync"),
    "lapsed": QT_TRANSLATE_NOOP("ReportWriter", "Lapsed"),
    "birthday": QT_TRANSLATE_NOOP("ReportWriter", "Birthday"),
}
OUTCOMES = {
    "called": QT_TRANSLATE_NOOP("ReportWriter", "Called"),
    "no_answer": QT_TRANSLATE_NOOP("ReportWriter", "No answer"),
    "refilled": QT_TRANSLATE_NOOP("ReportWriter", "Refilled"),
    "declined": QT_TRANSLATE_NOOP("ReportWriter", "Declined"),
}
CHART_URL = "chart:sales"
CSS = """
body { font-size: 9pt; color: #333333; }
h1 { font-size: 15pt; margin-bottom: 2px; }
h2 { font-size: 11pt; margin-top: 14px; margin-bottom: 4px; color: #2a6f97; }
p.sub { color: #6c757d; margin-top: 0; }
table { border-collapse: collapse; }
th { background-color: #eef3f7; text-align: left; padding: 3px 6px; }
td { padding: 2px 6px; border-bottom: 1px solid #dddddd; }
td.num, th.num { text-align: right; }
.up { color: #4c956c; } .down { color: #b23a48; } .warn { color: #b23a48; font-weight: bold; }
"""


def _cell(value) -> str:
    """Default HTML of a plain value: money with two decimals, counts with separators, text escaped."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format_amount(value)
    if isinstance(value, int):
        return f"{value:,}"
    return escape(str(value))


def _text(value) -> str:
    """A text column's value, or "" when the product has none (None, or NaN after pandas)."""
    return value if isinstance(value, str) else ""


def _warn(text: str, flagged: bool) -> str:
    return f'<span class="warn">{text}</span>' if flagged else text


def _or_dash(value: float | None, pattern: str) -> str:
    """A figure that may be missing (no complaints, no calls) as text: the pattern, or a dash."""
    return "–" if value is None else pattern.format(value)


@dataclass
class Section:
    """One table of the report: plain ``rows`` for Excel; ``html`` rows (already formatted) for the page when
    the plain rendering is not enough; ``numeric`` = right-aligned columns."""

    key: str
    title: str
    headers: list[str]
    rows: list[list]
    numeric: set[int] = field(default_factory=set)
    html: list[list[str]] | None = None
    note: str = ""


class ReportWriter(QObject):
    """Turns an :class:`OwnerReport` into translated text (context ``ReportWriter``): the title, the sales
    chart, the sections shared by the page and the workbook, and the page itself."""

    def title(self, report: OwnerReport) -> str:
        if report.kind == "daily":
            text = self.tr("Daily report: %1").replace("%1", report.start.isoformat())
        else:
            text = self.tr("Monthly report: %1").replace("%1", report.start.strftime("%Y-%m"))
        return text if report.complete else text + " " + self.tr("(so far)")

    def comparison(self, report: OwnerReport) -> str:
        span = report.compare_start.isoformat()
        last = report.compare_end - timedelta(days=1)
        if last > report.compare_start:
            span += " – " + last.isoformat()
        which = self.tr("the same weekday a week before") if report.kind == "daily" else \
            self.tr("the same days of the month before")
        return self.tr("Compared with %1 (%2).").replace("%1", which).replace("%2", span)

    def printed(self, store) -> str:
        """Who printed the report and when (the store's clock, local time)."""
        moment = store.now().astimezone().strftime("%Y-%m-%d %H:%M")
        who = store.user.display_name if store.user else ""
        return self.tr("Printed %1 by %2.").replace("%1", moment).replace("%2", who)

    def figure(self, report: OwnerReport) -> Figure:
        """Sales per hour (daily, with the comparison day) or per day with the 7-day average (monthly)."""
        apply_house_style()
        figure = Figure(figsize=(7.0, 2.6), layout="constrained")
        ax = figure.add_subplot(111)
        series = report.series
        if report.kind == "daily":
            ax.bar(series.index, series["sales"], color=PALETTE[0], label=report.start.isoformat())
            ax.plot(series.index, series["compare_sales"], color=PALETTE[1], marker="o", markersize=3,
                    label=report.compare_start.isoformat())
            ax.set_xticks(range(0, 24, 2))
            ax.set_xlabel(self.tr("hour"))
            ax.set_title(self.tr("Sales per hour"), fontsize=9)
        else:
            ax.bar(series.index, series["sales"], color=PALETTE[0], width=0.8, label=self.tr("daily sales"))
            ax.plot(series.index, series["average_7"], color=PALETTE[1], linewidth=1.8,
                    label=self.tr("7-day average"))
            ax.set_title(self.tr("Sales per day"), fontsize=9)
            figure.autofmt_xdate()
        ax.legend(loc="upper left", fontsize=9)         # stays legible when the page scales the chart down
        return figure

    def sections(self, report: OwnerReport) -> list[Section]:
        """Every table of the report, in page order."""
        kpis = report.kpis.set_index("kpi")
        figures = Section("figures", self.tr("Figures"),
                          [self.tr("Figure"), self.tr("This period"), self.tr("Comparison"), self.tr("Change")],
                          [], {1, 2, 3}, html=[])
        for kpi, name in KPIS.items():
            if kpi not in kpis.index:
                continue
            row = kpis.loc[kpi]
            pct = None if math.isnan(row["change_pct"]) else float(row["change_pct"]) * 100
            kind = KPI_KINDS.get(row["unit"], "decimal")          # Excel keeps numbers, formatted by kind
            figures.rows.append([self.tr(name), Number.of(row["current"], kind), Number.of(row["previous"], kind),
                                 Number.of(row["change_pct"], "percent")])
            change = "–" if pct is None else f'<span class="{"up" if pct >= 0 else "down"}">{pct:+.1f} %</span>'
            figures.html.append([escape(self.tr(name)), format_kpi(row["current"], row["unit"]),
                                 format_kpi(row["previous"], row["unit"]), change])
        daily = report.kind == "daily"
        series = Section("series", self.tr("Sales per hour") if daily else self.tr("Sales per day"),
                         [self.tr("hour") if daily else self.tr("Day"), self.tr("Sales"), self.tr("Transactions")],
                         [[str(i) if daily else i.date().isoformat(), float(r["sales"]), int(r["transactions"])]
                          for i, r in report.series.iterrows()], {1, 2})
        payments = Section("payments", self.tr("Payments"),
                           [self.tr("Method"), self.tr("Taken"), self.tr("Refunded"), self.tr("Net")],
                           [[method_label(r.method), float(r.sales), float(r.refunds), float(r.net)]
                            for r in report.payments.itertuples() if r.method == "cash" or r.sales or r.refunds],
                           {1, 2, 3})
        closes = Section("closes", self.tr("Day closes and cash"),
                         [self.tr("Closed at"), self.tr("By"), self.tr("Expected cash"), self.tr("Counted"),
                          self.tr("Variance")],
                         [[r.closed_at.strftime("%Y-%m-%d %H:%M"), str(r.closed_by or ""), float(r.expected_cash),
                           float(r.counted_cash), float(r.variance)] for r in report.day_closes.itertuples()],
                         {2, 3, 4})
        closes.html = [[_cell(v) for v in row[:4]] + [_warn(format_amount(row[4]), row[4] != 0)] for row in closes.rows]
        products = Section("products", self.tr("Top products"),
                           [self.tr("Product"), self.tr("Specification"), self.tr("Manufacturer"),
                            self.tr("Category"), self.tr("Units"), self.tr("Revenue"), self.tr("Margin"),
                            self.tr("Prescriptions")],
                           [[r.name, _text(r.specification), _text(r.manufacturer), label(CATEGORY_LABELS, r.category),
                             int(r.units), float(r.revenue), float(r.margin), int(r.rx_lines)]
                            for r in report.products.itertuples()], {4, 5, 6, 7})
        categories = Section("categories", self.tr("Category mix"),
                             [self.tr("Category"), self.tr("Revenue"), self.tr("Share %")],
                             [[label(CATEGORY_LABELS, r.category) or self.tr("(none)"), float(r.revenue),
                               float(r.share) * 100] for r in report.categories.itertuples()], {1, 2})
        expiry = report.expiry
        stock = Section("stock", self.tr("Stock"),
                        [self.tr("Movement"), self.tr("Entries"), self.tr("Units"), self.tr("Value at cost")],
                        [[self.tr(STOCK_REASONS.get(r.reason, r.reason)), int(r.moves), int(r.units), float(r.value)]
                         for r in report.stock.itertuples()], {1, 2, 3},
                        note=self.tr("On hand at the end: %1 batches worth %2 expire within 30 days; %3 expired "
                                     "batches worth %4 wait for a write-off.")
                        .replace("%1", str(expiry["expiring_batches"]))
                        .replace("%2", format_amount(expiry["expiring_value"]))
                        .replace("%3", str(expiry["expired_batches"]))
                        .replace("%4", format_amount(expiry["expired_value"])))
        care = Section("care", self.tr("Care"), [self.tr("Care work"), self.tr("Count")],
                       [[self.tr("Reminder issued: %1").replace("%1", self.tr(REMINDER_KINDS.get(k, k))), int(n)]
                        for k, n in report.care["reminders"].items()]
                       + [[self.tr("Outcome recorded: %1").replace("%1", self.tr(OUTCOMES.get(k, k))), int(n)]
                          for k, n in report.care["outcomes"].items()], {1})
        figures_of_service = report.service
        service = Section("service", self.tr("Service"), [self.tr("Service figure"), self.tr("Value")], [
            [self.tr("Complaints taken"), figures_of_service.complaints],
            [self.tr("Complaints per 1,000 sales"), _or_dash(figures_of_service.complaint_rate, "{:.1f}")],
            [self.tr("Median days to close a complaint"),
             _or_dash(figures_of_service.median_days_to_close, "{:.1f}")],
            [self.tr("Complaints closed on time"), _or_dash(figures_of_service.on_time_share, "{:.0%}")],
            [self.tr("Complaints overdue at the end"), figures_of_service.overdue],
            [self.tr("Follow-up calls made"), figures_of_service.calls_closed],
            [self.tr("Calls that reached the member"), _or_dash(figures_of_service.reach, "{:.0%}")],
            [self.tr("Reached members who bought again"), _or_dash(figures_of_service.conversion, "{:.0%}")],
            [self.tr("Adverse reaction reports (serious)"),
             f"{figures_of_service.adr_reports} ({figures_of_service.serious_adr})"],
        ], {1})
        service.html = [[escape(name), _warn(str(value), name == self.tr("Complaints overdue at the end")
                                             and figures_of_service.overdue > 0)] for name, value in service.rows]
        exceptions = Section("exceptions", self.tr("Exceptions to check"), [self.tr("Event"), self.tr("Count")],
                             [[self.tr(EXCEPTIONS.get(k, k)), int(n)] for k, n in report.exceptions.items()], {1})
        exceptions.html = [[escape(name), _warn(str(n), n > 0)] for name, n in exceptions.rows]
        without_cost = report.kpi("sales_without_cost")
        if without_cost:
            figures.note = self.tr("%1 of imported sales carry no cost and are left out of the margin.") \
                .replace("%1", format_amount(without_cost))
        sections = [figures, series, payments, closes, products, categories, stock, care, service, exceptions]
        if report.sales_record is not None:
            sections.append(self.sales_record(report.sales_record))
        return sections

    def sales_record(self, record) -> Section:
        """The day's sales record a China GSP store keeps: every line with the medicine's specification,
        manufacturer, approval number and batch."""
        return Section("sales_record", self.tr("Sales record"),
                       [self.tr("Time"), self.tr("Receipt"), self.tr("Product"), self.tr("Specification"),
                        self.tr("Manufacturer"), self.tr("Approval number"), self.tr("Batch"), self.tr("Expiry"),
                        self.tr("Units"), self.tr("Price"), self.tr("Amount")],
                       [[r.at.strftime("%H:%M"), r.receipt_no, r.name, _text(r.specification), _text(r.manufacturer),
                         _text(r.approval_number), _text(r.batch_no), _text(r.expiry), int(r.quantity),
                         float(r.unit_price), float(r.amount)] for r in record.itertuples()], {8, 9, 10})

    def html(self, report: OwnerReport, store_name: str, printed: str) -> str:
        """The page for :class:`QTextDocument`; the chart is the image resource ``chart:sales``."""
        parts = [f"<h1>{escape(store_name)} – {escape(self.title(report))}</h1>",
                 f'<p class="sub">{escape(self.comparison(report))} {escape(printed)}</p>']
        for section in self.sections(report):
            if section.key == "series":          # on paper the chart stands for the series
                parts.append(f'<p><img src="{CHART_URL}" width="640"></p>')
                continue
            if section.key != "figures":
                parts.append(f"<h2>{escape(section.title)}</h2>")
            parts.append(self._table(section))
            if section.note:
                parts.append(f"<p>{escape(section.note)}</p>")
        return f"<html><head><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"

    def _table(self, section: Section) -> str:
        def align(i: int) -> str:
            return ' class="num"' if i in section.numeric else ""

        rows = section.html if section.html is not None else [[_cell(v) for v in row] for row in section.rows]
        head = "".join(f"<th{align(i)}>{escape(h)}</th>" for i, h in enumerate(section.headers))
        body = "".join("<tr>" + "".join(f"<td{align(i)}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>"
                       for row in rows)
        if not rows:
            none = escape(self.tr("None."))
            body = f'<tr><td colspan="{len(section.headers)}">{none}</td></tr>'
        return f'<table width="100%" cellspacing="0"><tr>{head}</tr>{body}</table>'


def title_of(report: OwnerReport) -> str:
    return ReportWriter().title(report)


def sales_figure(report: OwnerReport) -> Figure:
    return ReportWriter().figure(report)


def report_tables(report: OwnerReport) -> list[tuple[str, list[str], list[list]]]:
    """The report's tables with plain values (money in currency units), for Excel."""
    return [(s.title, s.headers, s.rows) for s in ReportWriter().sections(report)]


def _png(figure: Figure) -> QImage:
    buffer = BytesIO()
    figure.savefig(buffer, format="png", dpi=150)
    return QImage.fromData(buffer.getvalue(), "PNG")


def report_document(report: OwnerReport, store, figure: Figure | None = None) -> QTextDocument:
    """A ready-to-print document of ``report`` for ``store`` (its name; who prints, when); the sales chart is
    drawn now unless ``figure`` is given."""
    document = QTextDocument()
    document.setDefaultFont(document_font())        # the bundled CJK font: Chinese prints on any PC
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL),
                         _png(figure if figure is not None else sales_figure(report)))
    writer = ReportWriter()
    document.setHtml(writer.html(report, store.settings.store_name, writer.printed(store)))
    return document
