"""The owner's dashboard: a period (last 7 / 30 / 90 days, this month) -> KPI tiles with the previous period
and the change, daily sales with a 7-day moving average, an hour x weekday heat map of transactions, the
category mix (click a bar for that category's top products), top and bottom products by revenue; export to
PDF and Excel.

Periods are ``[start, end)`` in local calendar days like every KPI loader
(:func:`pharmadesk.analytics.jobs.period_bounds`); the figures come from
:func:`pharmadesk.analytics.jobs.run_dashboard`.
"""

from __future__ import annotations

import math
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.reports.charts import PALETTE
from pharmadesk.reports.formatting import KPI_KINDS, Number, format_kpi
from pharmadesk.reports.labels import CATEGORY_LABELS, label as code_label
from pharmadesk.ui.common import translated
from pharmadesk.ui.panes.base import AnalyticsPane
from pharmadesk.ui.panes.charts import ChartCanvas
from pharmadesk.ui.panes.service_strip import ServiceStrip
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column

PERIODS = {  # key (jobs.DashboardParams.period) -> label
    "7": QT_TRANSLATE_NOOP("dashboard", "Last 7 full days (to yesterday)"),
    "30": QT_TRANSLATE_NOOP("dashboard", "Last 30 full days (to yesterday)"),
    "90": QT_TRANSLATE_NOOP("dashboard", "Last 90 full days (to yesterday)"),
    "month": QT_TRANSLATE_NOOP("dashboard", "This month (with today)"),
}
TILES = {  # KPI -> label
    "sales": QT_TRANSLATE_NOOP("dashboard", "Sales"),
    "net_sales": QT_TRANSLATE_NOOP("dashboard", "Net sales (VAT incl., after refunds)"),
    "transactions": QT_TRANSLATE_NOOP("dashboard", "Transactions"),
    "average_ticket": QT_TRANSLATE_NOOP("dashboard", "Average ticket"),
    "items_per_basket": QT_TRANSLATE_NOOP("dashboard", "Items per basket"),
    "gross_margin": QT_TRANSLATE_NOOP("dashboard", "Gross margin"),
    "gross_margin_pct": QT_TRANSLATE_NOOP("dashboard", "Gross margin %"),
    "new_members": QT_TRANSLATE_NOOP("dashboard", "New members"),
    "active_members": QT_TRANSLATE_NOOP("dashboard", "Active members"),
    "repeat_rate": QT_TRANSLATE_NOOP("dashboard", "Repeat rate"),
    "inventory_value": QT_TRANSLATE_NOOP("dashboard", "Inventory value"),
    "inventory_turnover": QT_TRANSLATE_NOOP("dashboard", "Inventory turnover"),
    "near_expiry_value_90": QT_TRANSLATE_NOOP("dashboard", "Near-expiry value (90 days)"),
    "reminder_conversion": QT_TRANSLATE_NOOP("dashboard", "Reminder conversion"),
    "campaign_conversion": QT_TRANSLATE_NOOP("dashboard", "Campaign uplift"),
    "roi": QT_TRANSLATE_NOOP("dashboard", "Campaign ROI"),
    "cac": QT_TRANSLATE_NOOP("dashboard", "Cost per extra buyer"),
}
WEEKDAYS = [QT_TRANSLATE_NOOP("dashboard", "Mon"), QT_TRANSLATE_NOOP("dashboard", "Tue"),   # literal: lupdate
            QT_TRANSLATE_NOOP("dashboard", "Wed"), QT_TRANSLATE_NOOP("dashboard", "Thu"),   # reads only these
            QT_TRANSLATE_NOOP("dashboard", "Fri"), QT_TRANSLATE_NOOP("dashboard", "Sat"),
            QT_TRANSLATE_NOOP("dashboard", "Sun")]
TOP_N = 10


def _t(text: str) -> str:
    return QCoreApplication.translate("dashboard", text)


class KpiTile(QFrame):
    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        self.value = QLabel("…")               # computing: a figure arrives with the result
        self.value.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.previous = QLabel()
        self.change = QLabel()
        layout = QVBoxLayout(self)
        for widget in (self.title, self.value, self.previous, self.change):
            layout.addWidget(widget)


class DashboardPane(AnalyticsPane):
    cache_name = "dashboard"

    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
        self.tile_values: dict[str, dict] = {}
        self.drill_category: str | None = None
        self.title = QLabel(self.tr("Dashboard"))
        self.period = QComboBox()
        for key, label in PERIODS.items():
            self.period.addItem(_t(label), key)
        self.period.setCurrentIndex(self.period.findData("30"))
        self.period.currentIndexChanged.connect(lambda *_: self.refresh())
        self.refresh_button = self.recompute_button()

        self.tiles: dict[str, KpiTile] = {}
        tiles = QGridLayout()
        for n, (kpi, label) in enumerate(TILES.items()):
            tile = KpiTile(_t(label))
            self.tiles[kpi] = tile
            tiles.addWidget(tile, n // 6, n % 6)
        for column in range(6):
            tiles.setColumnStretch(column, 1)                    # equal tiles, whatever their titles

        self.daily_chart = ChartCanvas(self, 5.0, 2.4)
        self.heat_chart = ChartCanvas(self, 5.0, 2.4)
        self.mix_chart = ChartCanvas(self, 5.0, 2.4)
        self.mix_chart.mpl_connect("pick_event", self._picked)
        product_columns = lambda: [  # noqa: E731
            Column("name", self.tr("Product")),
            Column("category", self.tr("Category"), lambda r: code_label(CATEGORY_LABELS, r["category"])),
            Column("units", self.tr("Units"), numeric=True, kind="count"),
            Column("revenue", self.tr("Revenue"), lambda r: f"{r['revenue']:,.2f}", numeric=True, kind="money"),
        ]
        self.drill_label = QLabel(self.tr("Click a category bar to see its top products."))
        self.drill_table = ListTable(product_columns(), filterable=False)
        self.top_table = ListTable(product_columns(), filterable=False)
        self.bottom_table = ListTable(product_columns(), filterable=False)

        charts = QGridLayout()
        charts.addWidget(self.daily_chart, 0, 0)
        charts.addWidget(self.heat_chart, 0, 1)
        charts.addWidget(self.mix_chart, 1, 0)
        drill = QWidget()
        drill_layout = QVBoxLayout(drill)
        drill_layout.setContentsMargins(0, 0, 0, 0)
        drill_layout.addWidget(self.drill_label)
        drill_layout.addWidget(self.drill_table)
        charts.addWidget(drill, 1, 1)
        tables = QSplitter(Qt.Orientation.Horizontal)
        for label, table in ((self.tr("Top 10 products by revenue"), self.top_table),
                             (self.tr("Bottom 10 products by revenue"), self.bottom_table)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(label))
            box_layout.addWidget(table)
            tables.addWidget(box)
        self.notes = QLabel()
        self.notes.setWordWrap(True)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(tiles)
        self.service_strip = ServiceStrip()
        body_layout.addWidget(self.service_strip)
        body_layout.addLayout(charts)
        body_layout.addWidget(tables)
        body_layout.addWidget(self.notes)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.lay_out([self.labelled(QLabel(self.tr("Period")), self.period), self.refresh_button,
                      *self.export_buttons()], scroll)
        for chart in (self.daily_chart, self.heat_chart, self.mix_chart):
            chart.message(self.tr("Computing…"))

    # -- computing --------------------------------------------------------------------------------

    def period_key(self) -> str:
        return self.period.currentData() or "30"

    def selection(self) -> str:
        return self.period_key()

    def compute(self, store, as_of, progress):
        from pharmadesk.analytics import jobs

        return jobs.run_dashboard(store, as_of, jobs.DashboardParams(self.computing), progress)

    # -- showing ----------------------------------------------------------------------------------

    def show_result(self, result) -> None:
        last = result.end - timedelta(days=1)
        self.title.setText(self.tr("Dashboard: %1 – %2").replace("%1", result.start.isoformat())
                           .replace("%2", last.isoformat()))
        rows = {r["kpi"]: r for r in result.frame.to_dict("records")}
        self.tile_values = {}
        for kpi, tile in self.tiles.items():
            row = rows.get(kpi)
            if row is None:
                continue
            self.tile_values[kpi] = {"current": row["current"], "previous": row["previous"],
                                     "change_pct": row["change_pct"]}
            tile.value.setText(format_kpi(row["current"], row["unit"]))
            tile.previous.setText(self.tr("previous: %1").replace("%1", format_kpi(row["previous"], row["unit"])))
            pct = row["change_pct"]
            if isinstance(pct, float) and math.isnan(pct):
                tile.change.setText(self.tr("change: –"))
                tile.change.setStyleSheet("")
            else:
                tile.change.setText(self.tr("change: %1 %").replace("%1", f"{pct * 100:+.1f}"))
                tile.change.setStyleSheet(f"color: {PALETTE[2] if pct >= 0 else PALETTE[3]};")
        self.notes.setText("\n".join(translated(note) for note in result.notes))
        self.service_strip.show_figures(result.service)
        self.draw_daily(result)
        self.draw_heat(result)
        self.draw_mix(result)
        products = list(result.products)
        self.top_table.set_rows(products[:TOP_N])
        self.bottom_table.set_rows(list(reversed(products[-TOP_N:])) if products else [])
        if self.drill_category is not None:
            self.drill_down(self.drill_category)
        else:
            self.drill_table.set_rows([])

    def draw_daily(self, result) -> None:
        daily = result.daily
        ax = self.daily_chart.reset()
        ax.bar(daily.index, daily.to_numpy(), width=0.8, color=PALETTE[0], label=self.tr("daily sales"))
        ax.plot(daily.index, daily.rolling(7, min_periods=1).mean().to_numpy(), color=PALETTE[1], linewidth=1.8,
                label=self.tr("7-day moving average"))
        ax.set_title(self.tr("Daily sales"), fontsize=9)
        ax.legend(loc="upper left")
        self.daily_chart.figure.autofmt_xdate()
        self.daily_chart.draw_idle()

    def draw_heat(self, result) -> None:
        ax = self.heat_chart.reset()
        ax.grid(False)
        image = ax.imshow(result.heat, aspect="auto", cmap="Blues", origin="upper")
        ax.set_yticks(range(7), [_t(d) for d in WEEKDAYS])
        ax.set_xticks(range(0, 24, 3), [str(h) for h in range(0, 24, 3)])
        ax.set_xlabel(self.tr("hour"))
        ax.set_title(self.tr("Transactions by hour and weekday"), fontsize=9)
        self.heat_chart.figure.colorbar(image, ax=ax)
        self.heat_chart.draw_idle()

    def draw_mix(self, result) -> None:
        mix = result.mix
        if not mix:
            self.mix_chart.message(self.tr("No sales in this period."))
            return
        ax = self.mix_chart.reset()
        names = [code_label(CATEGORY_LABELS, c) or self.tr("(none)") for c, _v in mix]
        bars = ax.barh(names, [v for _c, v in mix], color=PALETTE[0], picker=True)   # names stay readable
        for bar, (category, _v) in zip(bars, mix):
            bar.set_gid(category)
        ax.invert_yaxis()                                                            # largest on top
        ax.set_title(self.tr("Category mix (click a bar)"), fontsize=9)
        self.mix_chart.draw_idle()

    def _picked(self, event) -> None:
        category = event.artist.get_gid() if event.artist is not None else None
        if category is not None:
            self.drill_down(category)

    def drill_down(self, category: str) -> list[dict]:
        """Show the top products of ``category`` in the period; the rows shown."""
        self.drill_category = category
        rows = [p for p in (self.result.products if self.result else ()) if p["category"] == category][:TOP_N]
        name = code_label(CATEGORY_LABELS, category) or self.tr("(none)")
        self.drill_label.setText(self.tr("Top products in %1").replace("%1", name))
        self.drill_table.set_rows(rows)
        return rows

    # -- export -----------------------------------------------------------------------------------

    def report_title(self) -> str:
        return self.title.text()

    def report_figures(self) -> list:
        return [self.daily_chart.figure, self.heat_chart.figure, self.mix_chart.figure]

    def report_tables(self) -> list[tuple[str, list[str], list[list]]]:
        if self.result is None:
            return []
        rows = {r["kpi"]: r for r in self.result.frame.to_dict("records")}
        kpi_rows = []
        for kpi, label in TILES.items():
            row = rows.get(kpi)
            if row is not None:
                pct = row["change_pct"]
                kind = KPI_KINDS.get(row["unit"], "decimal")
                kpi_rows.append([_t(label), Number.of(row["current"], kind), Number.of(row["previous"], kind),
                                 Number.of(pct, "percent")])
        product_headers = [self.tr("Product"), self.tr("Category"), self.tr("Units"), self.tr("Revenue")]

        def product_rows(table):
            return [[r["name"], code_label(CATEGORY_LABELS, r["category"]), Number.of(r["units"], "count"),
                     Number.of(r["revenue"], "money")] for r in table.visible_rows()]

        tables = [(self.tr("KPIs"), [self.tr("KPI"), self.tr("Current"), self.tr("Previous"), self.tr("Change")],
                   kpi_rows),
                  (self.tr("Top 10"), product_headers, product_rows(self.top_table)),
                  (self.tr("Bottom 10"), product_headers, product_rows(self.bottom_table)),
                  (self.tr("Category mix"), [self.tr("Category"), self.tr("Revenue")],
                   [[code_label(CATEGORY_LABELS, c) or self.tr("(none)"), Number.of(v, "money")]
                    for c, v in self.result.mix])]
        if self.drill_category is not None:
            tables.append((self.tr("Top in %1").replace("%1", code_label(CATEGORY_LABELS, self.drill_category)
                                                        or self.tr("(none)")), product_headers,
                           product_rows(self.drill_table)))
        return tables
