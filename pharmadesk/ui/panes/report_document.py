"""The owner's daily and monthly report as a printable rich-text document: headline KPIs against the
comparison period, a chart of sales over the day or month, then the tables (payments, cash, products,
categories, stock, care, exceptions). The same document is shown on screen, printed, and saved as PDF, so
what the owner prints is what they saw.
"""

from __future__ import annotations

import math
from html import escape
from io import BytesIO

from matplotlib.figure import Figure
from PySide6.QtCore import QCoreApplication, QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from pharmadesk.analytics.owner_reports import OwnerReport
from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.ui.panes.charts import PALETTE, apply_house_style
from pharmadesk.ui.panes.dashboard_pane import format_kpi
from pharmadesk.ui.stock.labels import CATEGORY_LABELS, label

CONTEXT = "OwnerReport"
KPIS = {  # kpi -> label, in report order
    "sales": QT_TRANSLATE_NOOP("OwnerReport", "Sales"),
    "transactions": QT_TRANSLATE_NOOP("OwnerReport", "Transactions"),
    "average_ticket": QT_TRANSLATE_NOOP("OwnerReport", "Average ticket"),
    "items_per_basket": QT_TRANSLATE_NOOP("OwnerReport", "Items per basket"),
    "refunds": QT_TRANSLATE_NOOP("OwnerReport", "Refunds"),
    "net_sales": QT_TRANSLATE_NOOP("OwnerReport", "Net sales"),
    "gross_margin": QT_TRANSLATE_NOOP("OwnerReport", "Gross margin"),
    "gross_margin_pct": QT_TRANSLATE_NOOP("OwnerReport", "Gross margin %"),
    "new_members": QT_TRANSLATE_NOOP("OwnerReport", "New members"),
    "active_members": QT_TRANSLATE_NOOP("OwnerReport", "Active members"),
    "repeat_rate": QT_TRANSLATE_NOOP("OwnerReport", "Repeat rate"),
    "inventory_value": QT_TRANSLATE_NOOP("OwnerReport", "Inventory value at cost"),
    "inventory_turnover": QT_TRANSLATE_NOOP("OwnerReport", "Inventory turnover"),
}
METHODS = {"cash": QT_TRANSLATE_NOOP("OwnerReport", "Cash"), "card": QT_TRANSLATE_NOOP("OwnerReport", "Card")}
STOCK_REASONS = {
    "receipt": QT_TRANSLATE_NOOP("OwnerReport", "Goods received"),
    "sale": QT_TRANSLATE_NOOP("OwnerReport", "Sold"),
    "return": QT_TRANSLATE_NOOP("OwnerReport", "Returned by customers"),
    "adjustment": QT_TRANSLATE_NOOP("OwnerReport", "Adjustments"),
    "write_off": QT_TRANSLATE_NOOP("OwnerReport", "Written off"),
    "stocktake": QT_TRANSLATE_NOOP("OwnerReport", "Stocktake corrections"),
}
EXCEPTIONS = {
    "price.override": QT_TRANSLATE_NOOP("OwnerReport", "Price overrides"),
    "discount.large": QT_TRANSLATE_NOOP("OwnerReport", "Discounts above the threshold"),
    "approval": QT_TRANSLATE_NOOP("OwnerReport", "Supervisor approvals"),
    "refund": QT_TRANSLATE_NOOP("OwnerReport", "Refunds approved"),
    "stock.write_off": QT_TRANSLATE_NOOP("OwnerReport", "Stock write-offs"),
    "stock.adjust": QT_TRANSLATE_NOOP("OwnerReport", "Stock adjustments"),
    "login.failed": QT_TRANSLATE_NOOP("OwnerReport", "Failed logins"),
}
REMINDER_KINDS = {
    "refill_due": QT_TRANSLATE_NOOP("OwnerReport", "Refill due"),
    "overdue": QT_TRANSLATE_NOOP("OwnerReport", "Overdue"),
    "low_adherence": QT_TRANSLATE_NOOP("OwnerReport", "Low adherence"),
    "med_sync": QT_TRANSLATE_NOOP("OwnerReport", "Medication sync"),
    "lapsed": QT_TRANSLATE_NOOP("OwnerReport", "Lapsed"),
    "birthday": QT_TRANSLATE_NOOP("OwnerReport", "Birthday"),
}
OUTCOMES = {
    "called": QT_TRANSLATE_NOOP("OwnerReport", "Called"),
    "no_answer": QT_TRANSLATE_NOOP("OwnerReport", "No answer"),
    "refilled": QT_TRANSLATE_NOOP("OwnerReport", "Refilled"),
    "declined": QT_TRANSLATE_NOOP("OwnerReport", "Declined"),
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


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _money(value: float) -> str:
    return f"{value:,.2f}"


def _table(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f'<th class="{"num" if i in numeric else ""}">{escape(h)}</th>' for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f'<td class="{"num" if i in numeric else ""}">{cell}</td>'
                                    for i, cell in enumerate(row)) + "</tr>" for row in rows)
    if not rows:
        body = f'<tr><td colspan="{len(headers)}">{escape(translate("None."))}</td></tr>'
    return f'<table width="100%" cellspacing="0">{"<tr>" + head + "</tr>"}{body}</table>'


def printed_line(store) -> str:
    """"Printed <local time> by <user>.": who printed the report and when (the store's clock, local time)."""
    moment = store.now().astimezone().strftime("%Y-%m-%d %H:%M")
    return translate("Printed %1 by %2.").replace("%1", moment).replace("%2", store.user.display_name if store.user else "")


def title_of(report: OwnerReport) -> str:
    if report.kind == "daily":
        text = translate("Daily report: %1").replace("%1", report.start.isoformat())
    else:
        text = translate("Monthly report: %1").replace("%1", report.start.strftime("%Y-%m"))
    return text if report.complete else text + " " + translate("(so far)")


def comparison_of(report: OwnerReport) -> str:
    last = report.compare_end.toordinal() - 1
    span = report.compare_start.isoformat()
    if report.compare_end.toordinal() - report.compare_start.toordinal() > 1:
        span += " – " + type(report.compare_start).fromordinal(last).isoformat()
    which = translate("the same weekday a week before") if report.kind == "daily" else \
        translate("the same days of the month before")
    return translate("Compared with %1 (%2).").replace("%1", which).replace("%2", span)


def sales_figure(report: OwnerReport) -> Figure:
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
        ax.set_xlabel(translate("hour"))
        ax.set_title(translate("Sales per hour"), fontsize=9)
    else:
        ax.bar(series.index, series["sales"], color=PALETTE[0], width=0.8, label=translate("daily sales"))
        ax.plot(series.index, series["average_7"], color=PALETTE[1], linewidth=1.8, label=translate("7-day average"))
        ax.set_title(translate("Sales per day"), fontsize=9)
        figure.autofmt_xdate()
    ax.legend(loc="upper left")
    return figure


def _png(figure: Figure) -> QImage:
    buffer = BytesIO()
    figure.savefig(buffer, format="png", dpi=150)
    return QImage.fromData(buffer.getvalue(), "PNG")


def _kpi_rows(report: OwnerReport) -> list[list[str]]:
    rows = []
    table = report.kpis.set_index("kpi")
    for kpi, label in KPIS.items():
        if kpi not in table.index:
            continue
        row = table.loc[kpi]
        pct = row["change_pct"]
        if isinstance(pct, float) and math.isnan(pct):
            change = "–"
        else:
            change = f'<span class="{"up" if pct >= 0 else "down"}">{pct * 100:+.1f} %</span>'
        rows.append([escape(translate(label)), format_kpi(row["current"], row["unit"]),
                     format_kpi(row["previous"], row["unit"]), change])
    return rows


def report_html(report: OwnerReport, store_name: str, printed: str) -> str:
    """The report as HTML for :class:`QTextDocument` (the chart is the image resource ``chart:sales``)."""
    parts = [f"<h1>{escape(store_name)} – {escape(title_of(report))}</h1>",
             f'<p class="sub">{escape(comparison_of(report))} {escape(printed)}</p>']
    parts.append(_table([translate("Figure"), translate("This period"), translate("Comparison"), translate("Change")], _kpi_rows(report),
                        {1, 2, 3}))
    parts.append(f'<p><img src="{CHART_URL}" width="640"></p>')

    parts.append(f"<h2>{escape(translate('Payments'))}</h2>")
    parts.append(_table([translate("Method"), translate("Taken"), translate("Refunded"), translate("Net")],
                        [[escape(translate(METHODS.get(r.method, r.method))), _money(r.sales), _money(r.refunds),
                          _money(r.net)] for r in report.payments.itertuples()], {1, 2, 3}))
    parts.append(f"<h2>{escape(translate('Day closes and cash'))}</h2>")
    closes = []
    for r in report.day_closes.itertuples():
        variance = _money(r.variance) if r.variance == 0 else f'<span class="warn">{_money(r.variance)}</span>'
        closes.append([r.closed_at.strftime("%Y-%m-%d %H:%M"), escape(str(r.closed_by or "")),
                       _money(r.expected_cash), _money(r.counted_cash), variance])
    parts.append(_table([translate("Closed at"), translate("By"), translate("Expected cash"), translate("Counted"), translate("Variance")], closes,
                        {2, 3, 4}))

    parts.append(f"<h2>{escape(translate('Top products'))}</h2>")
    parts.append(_table([translate("Product"), translate("Category"), translate("Units"), translate("Revenue"), translate("Margin"),
                         translate("Prescriptions")],
                        [[escape(r.name), escape(label(CATEGORY_LABELS, r.category)), f"{r.units:,}", _money(r.revenue),
                          _money(r.margin), f"{r.rx_lines:,}"] for r in report.products.itertuples()],
                        {2, 3, 4, 5}))
    parts.append(f"<h2>{escape(translate('Category mix'))}</h2>")
    parts.append(_table([translate("Category"), translate("Revenue"), translate("Share")],
                        [[escape(label(CATEGORY_LABELS, r.category) or translate("(none)")), _money(r.revenue), f"{r.share * 100:.1f} %"]
                         for r in report.categories.itertuples()], {1, 2}))

    parts.append(f"<h2>{escape(translate('Stock'))}</h2>")
    parts.append(_table([translate("Movement"), translate("Entries"), translate("Units"), translate("Value at cost")],
                        [[escape(translate(STOCK_REASONS.get(r.reason, r.reason))), f"{r.moves:,}", f"{r.units:+,}",
                          _money(r.value)] for r in report.stock.itertuples()], {1, 2, 3}))
    expiry = report.expiry
    parts.append("<p>" + escape(translate("On hand at the end: %1 batches worth %2 expire within 30 days; %3 expired "
                                   "batches worth %4 wait for a write-off.")
                                .replace("%1", str(expiry["expiring_batches"]))
                                .replace("%2", _money(expiry["expiring_value"]))
                                .replace("%3", str(expiry["expired_batches"]))
                                .replace("%4", _money(expiry["expired_value"]))) + "</p>")

    parts.append(f"<h2>{escape(translate('Care'))}</h2>")
    reminders = [[escape(translate(REMINDER_KINDS.get(k, k))), str(n)] for k, n in report.care["reminders"].items()]
    outcomes = [[escape(translate(OUTCOMES.get(k, k))), str(n)] for k, n in report.care["outcomes"].items()]
    parts.append(_table([translate("Reminders issued"), translate("Count")], reminders, {1}))
    parts.append("<br>" + _table([translate("Outcomes recorded"), translate("Count")], outcomes, {1}))

    parts.append(f"<h2>{escape(translate('Exceptions to check'))}</h2>")
    parts.append(_table([translate("Event"), translate("Count")],
                        [[escape(translate(EXCEPTIONS.get(k, k))),
                          str(n) if n == 0 else f'<span class="warn">{n}</span>'] for k, n in report.exceptions.items()],
                        {1}))
    without_cost = report.kpi("sales_without_cost")
    if without_cost:
        parts.append("<p>" + escape(translate("%1 of imported sales carry no cost and are left out of the margin.")
                                    .replace("%1", _money(without_cost))) + "</p>")
    return f"<html><head><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"


def report_tables(report: OwnerReport) -> list[tuple[str, list[str], list[list]]]:
    """The report's tables with plain values (money in currency units), for Excel."""
    t = translate
    kpi_table = report.kpis.set_index("kpi")
    tables = [
        (t("Figure"), [t("Figure"), t("This period"), t("Comparison"), t("Change")],
         [[t(name), kpi_table.loc[k, "current"], kpi_table.loc[k, "previous"],
           None if kpi_table.loc[k, "change_pct"] != kpi_table.loc[k, "change_pct"]
           else kpi_table.loc[k, "change_pct"] * 100] for k, name in KPIS.items() if k in kpi_table.index]),
        (t("Sales per hour") if report.kind == "daily" else t("Sales per day"),
         [t("hour") if report.kind == "daily" else t("Day"), t("Sales"), t("Transactions")],
         [[str(i) if report.kind == "daily" else i.date().isoformat(), r["sales"], int(r["transactions"])]
          for i, r in report.series.iterrows()]),
        (t("Payments"), [t("Method"), t("Taken"), t("Refunded"), t("Net")],
         [[t(METHODS.get(r.method, r.method)), r.sales, r.refunds, r.net] for r in report.payments.itertuples()]),
        (t("Day closes and cash"), [t("Closed at"), t("By"), t("Expected cash"), t("Counted"), t("Variance")],
         [[r.closed_at.strftime("%Y-%m-%d %H:%M"), r.closed_by, r.expected_cash, r.counted_cash, r.variance]
          for r in report.day_closes.itertuples()]),
        (t("Top products"), [t("Product"), t("Category"), t("Units"), t("Revenue"), t("Margin"),
                             t("Prescriptions")],
         [[r.name, label(CATEGORY_LABELS, r.category), int(r.units), r.revenue, r.margin, int(r.rx_lines)]
          for r in report.products.itertuples()]),
        (t("Category mix"), [t("Category"), t("Revenue"), t("Share")],
         [[label(CATEGORY_LABELS, r.category), r.revenue, r.share * 100] for r in report.categories.itertuples()]),
        (t("Stock"), [t("Movement"), t("Entries"), t("Units"), t("Value at cost")],
         [[t(STOCK_REASONS.get(r.reason, r.reason)), int(r.moves), int(r.units), r.value]
          for r in report.stock.itertuples()]),
        (t("Exceptions to check"), [t("Event"), t("Count")],
         [[t(EXCEPTIONS.get(k, k)), n] for k, n in report.exceptions.items()]),
    ]
    return [(title, headers, [[_plain(v) for v in row] for row in rows]) for title, headers, rows in tables]


def _plain(value):
    """Numbers and text as they are (numpy scalars to Python), anything else as text."""
    if value is None or isinstance(value, str):
        return value
    if hasattr(value, "item"):
        value = value.item()
    return value if isinstance(value, (int, float)) else str(value)


def report_document(report: OwnerReport, store, figure: Figure | None = None) -> QTextDocument:
    """A ready-to-print document of ``report`` for ``store`` (its name; who prints, when); the sales chart is
    drawn now unless ``figure`` is given."""
    document = QTextDocument()
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL),
                         _png(figure if figure is not None else sales_figure(report)))
    document.setHtml(report_html(report, store.setting("store_name"), printed_line(store)))
    return document


def a4_printer(mode=QPrinter.PrinterMode.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    return printer


def save_pdf(document: QTextDocument, path, title: str) -> None:
    """Write ``document`` as an A4 PDF at ``path`` (through Qt's PDF printer: what Print would put on paper)."""
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    document.print_(printer)
