"""The reorder pane (owner): reorder suggestions filterable by supplier, demand class and urgency,
each with its explanation; editable order quantities; a planning chart of the selected product;
purchase orders per supplier, saved as PDF.

The chart (:meth:`ReorderPane.draw_product`), left axis in units per day, right axis in units of stock:

- history, the last ``HISTORY_DAYS`` local days before ``as_of``: daily demand (bars, sales − returns)
  and end-of-day sellable stock on hand (line, :func:`pharmadesk.analytics.frames.reorder_stock_history`;
  its last point is the row's ``on_hand``);
- forecast, from ``as_of`` over the next H = L + R days (the supplier's lead time + review period): the
  daily forecast f (dashed, left axis) and the projected stock position P(t) = position − f·t
  (position = on hand + on order) with a shaded band P(t) ± z·σ·√(t / H), where σ is ``sd_lead_review``,
  the standard deviation of demand over L + R around its forecast (see :mod:`pharmadesk.analytics.models.reorder`)
  and z = 1.645, so the band is the central ``BAND_LEVEL`` = 90 % range of the position if demand is
  normal and its variance grows linearly with time. At t = H it is position − μ ± z·σ: where the band
  reaches the reorder point is when an order becomes due;
- the reorder point s and the order-up-to level S (horizontal lines, right axis).

The trade-off chart (:meth:`ReorderPane.draw_tradeoff`, tab "Service vs stock"): the result's ``tradeoff``
(:func:`pharmadesk.analytics.models.reorder.service_tradeoff`) as expected fill rate (%) against days of cover,
one point per uniform service level, with the stock value at cost on a second x axis (value = days of cover ×
daily demand at cost, so one scale converts to the other), and the point of the levels in use (the settings per
category) marked. The summary under the table states the money in the order (the quantities shown, edits
included), the money in stock on hand, and that expected fill rate.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from statistics import NormalDist

import pandas as pd
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QSplitter, QTabWidget,
)

from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.reports.charts import INK, PALETTE
from pharmadesk.reports.printing import a4_printer
from pharmadesk.reports.purchase_order import order_document, order_title, save_order_pdf
from pharmadesk.analytics.models.reorder_words import reorder_reason
from pharmadesk.ui.common import column, money, translated
from pharmadesk.ui.panes import editable_rows
from pharmadesk.ui.panes.base import AnalyticsPane
from pharmadesk.ui.panes.charts import ChartCanvas
from pharmadesk.ui.widgets.list_model import ListTable, RowsModel
from pharmadesk.ui.widgets.paged_model import Column

HISTORY_DAYS = 180
CHART_DAYS = 60          # days of history in view, so the forecast band over lead + review time is legible
BAND_LEVEL = 0.90                                        # central probability of the forecast band
BAND_Z = NormalDist().inv_cdf(0.5 + BAND_LEVEL / 2)     # 1.645
DEMAND_CLASSES = {  # Syntetos–Boylan class -> how it sells, in the owner's words
    "smooth": QT_TRANSLATE_NOOP("reorder", "most days"),
    "erratic": QT_TRANSLATE_NOOP("reorder", "most days, uneven amounts"),
    "intermittent": QT_TRANSLATE_NOOP("reorder", "some days only"),
    "lumpy": QT_TRANSLATE_NOOP("reorder", "now and then, uneven amounts"),
    "none": QT_TRANSLATE_NOOP("reorder", "no recent sales"),
}
URGENCY = {  # rank: lower is more urgent
    0: QT_TRANSLATE_NOOP("reorder", "out of stock"),
    1: QT_TRANSLATE_NOOP("reorder", "below reorder point"),
    2: QT_TRANSLATE_NOOP("reorder", "enough"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("reorder", text)


def forecast_projection(row: dict, as_of: date, z: float = BAND_Z) -> pd.DataFrame:
    """The projected stock position of a suggestion ``row`` over the H = lead + review days from ``as_of``
    (see the module docstring): one row per day t = 0..H with ``date, t, forecast`` (f per day),
    ``position`` (position − f·t), ``low, high`` (position ∓ z·σ·√(t/H))."""
    horizon = max(int(row["lead_time_days"]) + int(row["review_days"]), 1)
    f = float(row["forecast_daily"])
    sd = float(row["sd_lead_review"]) if pd.notna(row["sd_lead_review"]) else 0.0
    t = pd.RangeIndex(horizon + 1)
    position = float(row["position"]) - f * t.to_numpy()
    half = z * sd * (t.to_numpy() / horizon) ** 0.5
    return pd.DataFrame({"date": pd.Timestamp(as_of) + pd.to_timedelta(t, unit="D"), "t": t,
                         "forecast": f, "position": position, "low": position - half, "high": position + half})


def suggestion_rows(result) -> list[dict]:
    """One row per product of a :class:`~pharmadesk.analytics.jobs.ReorderResult`, with its ``urgency`` (0 out
    of stock, 1 at or below the reorder point, 2 enough) and ``order_qty`` (the suggestion, editable)."""
    rows = []
    for r in result.frame.to_dict("records"):
        urgency = 0 if r["on_hand"] <= 0 else 1 if r["position"] <= r["reorder_point"] else 2
        rows.append({**r, "supplier_id": None if pd.isna(r["supplier_id"]) else int(r["supplier_id"]),
                     "supplier_name": r["supplier_name"] if isinstance(r["supplier_name"], str) else "",
                     "urgency": urgency, "order_qty": int(r["suggested_qty"])})
    return rows


class QuantityModel(RowsModel):
    """The suggestions, with the order quantity editable in place."""

    EDITABLE = "order_qty"

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].key == self.EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            return int(self.rows[index.row()][self.columns[index.column()].key])
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() \
                or self.columns[index.column()].key != self.EDITABLE:
            return False
        try:
            quantity = int(value)
        except (TypeError, ValueError):
            return False
        if quantity < 0:
            return False
        self.rows[index.row()][self.EDITABLE] = quantity
        self.dataChanged.emit(index, index)
        return True


class ReorderPane(AnalyticsPane):
    cache_name = "reorder"

    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
        self.suggestions: list[dict] = []        # the shown result's products, with the quantities to order
        self.created_orders: list[int] = []
        self.title = QLabel(self.tr("Reorder suggestions"))
        self.supplier_filter = QComboBox()
        self.class_filter = QComboBox()
        self.urgency_filter = QComboBox()
        self.urgency_filter.addItem(self.tr("Any urgency"), None)
        for rank, text in URGENCY.items():
            self.urgency_filter.addItem(_t(text), rank)
        self.all_products = QCheckBox(self.tr("All products"))
        for combo in (self.supplier_filter, self.class_filter, self.urgency_filter):
            combo.currentIndexChanged.connect(self._fill_table)
        self.all_products.toggled.connect(self._fill_table)
        self.refresh_button = self.recompute_button()

        self.table = ListTable([
            Column("name", self.tr("Product")),
            Column("supplier_name", self.tr("Supplier")),
            Column("demand_class", self.tr("Sells"), lambda r: _t(DEMAND_CLASSES.get(r["demand_class"], ""))
                   or str(r["demand_class"])),
            Column("urgency", self.tr("Urgency"), lambda r: _t(URGENCY[r["urgency"]])),
            Column("forecast_daily", self.tr("Forecast/day"), lambda r: f"{r['forecast_daily']:.2f}", numeric=True),
            Column("on_hand", self.tr("On hand"), numeric=True),
            Column("days_of_stock", self.tr("Days of stock"),
                   lambda r: "" if pd.isna(r["days_of_stock"]) else f"{r['days_of_stock']:.0f}", numeric=True),
            Column("on_order", self.tr("On order"), numeric=True),
            Column("reorder_point", self.tr("Reorder point"), numeric=True),
            Column("suggested_qty", self.tr("Suggested"), numeric=True),
            Column("order_qty", self.tr("Order qty"), numeric=True),
        ], filterable=True)
        self.table.model = QuantityModel(self.table.model.columns, self.table)
        self.table.proxy.setSourceModel(self.table.model)
        self.table.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed
                                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.view.selectionModel().currentChanged.connect(lambda *_: self._show_selected())
        self.why = QPlainTextEdit()
        self.why.setReadOnly(True)
        self.why.setMaximumHeight(80)
        self.chart = ChartCanvas(self, 5.0, 2.6)
        self.tradeoff_chart = ChartCanvas(self, 5.0, 2.6)
        self.charts = QTabWidget()
        self.charts.addTab(self.chart, self.tr("Product"))
        self.charts.addTab(self.tradeoff_chart, self.tr("Service vs stock"))
        self.create_button = QPushButton(self.tr("Create purchase orders"))
        self.create_button.clicked.connect(self.create_orders)
        self.order_choice = QComboBox()
        self.pdf_button = QPushButton(self.tr("Save PO as PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf_clicked)
        self.pdf_button.setEnabled(False)
        self.print_order_button = QPushButton(self.tr("Print PO…"))
        self.print_order_button.clicked.connect(self.print_order_clicked)
        self.print_order_button.setEnabled(False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.create_button)
        actions.addWidget(self.order_choice)
        actions.addWidget(self.print_order_button)
        actions.addWidget(self.pdf_button)

        right = column((self.charts, 1), QLabel(self.tr("Why")), self.why)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        for combo in (self.supplier_filter, self.class_filter, self.urgency_filter):   # long names do not widen
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        layout = self.lay_out([self.labelled(QLabel(self.tr("Supplier")), self.supplier_filter),
                               self.labelled(QLabel(self.tr("Sells")), self.class_filter), self.urgency_filter,
                               self.all_products, self.refresh_button, *self.export_buttons()], splitter)
        layout.addLayout(actions)
        self.chart.message(self.tr("Computing…"))
        self.tradeoff_chart.message(self.tr("Computing…"))

    # -- computing and showing --------------------------------------------------------------------

    def compute(self, store, as_of, progress):
        """The ``reorder`` job with the last ``HISTORY_DAYS`` days of demand and stock for the chart."""
        from pharmadesk.analytics import jobs

        return jobs.run_reorder(store, as_of, jobs.ReorderParams(history_days=HISTORY_DAYS), progress)

    def rows(self) -> list[dict]:
        return list(self.suggestions) if self.result else []

    def show_result(self, result) -> None:
        self.title.setText(self.tr("Reorder suggestions as of %1").replace("%1", self.as_of.isoformat()))
        self.suggestions = editable_rows(self.key, result, suggestion_rows)   # keeps the quantities edited
        rows = self.rows()
        for combo, key, everything in ((self.supplier_filter, "supplier_name", self.tr("All suppliers")),
                                       (self.class_filter, "demand_class", self.tr("Any pattern"))):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in sorted({r[key] for r in rows if r[key]}):
                shown = _t(DEMAND_CLASSES[value]) if key == "demand_class" and value in DEMAND_CLASSES else value
                combo.addItem(shown, value)
            combo.blockSignals(False)
        self._fill_table()
        self.draw_tradeoff(result.tradeoff)

    def _fill_table(self) -> None:
        supplier, cls = self.supplier_filter.currentData(), self.class_filter.currentData()
        urgency, everything = self.urgency_filter.currentData(), self.all_products.isChecked()
        self.table.set_rows([r for r in self.rows()
                             if (everything or r["suggested_qty"] > 0)
                             and (supplier is None or r["supplier_name"] == supplier)
                             and (cls is None or r["demand_class"] == cls)
                             and (urgency is None or r["urgency"] == urgency)])
        if self.table.visible_rows():
            self.table.view.setCurrentIndex(self.table.proxy.index(0, 0))
            self.table.view.selectRow(0)
        self._show_selected()
        self.summary.setText(self.summary_text())

    def order_value(self) -> float:
        """Money (minor units, at cost) in the quantities shown, the owner's edits included."""
        return sum(r["order_qty"] * (0 if pd.isna(r["unit_cost"]) else r["unit_cost"]) for r in self.rows()
                   if r["order_qty"] > 0)

    def summary_text(self) -> str:
        """The order's money, the money in stock now and the expected fill rate at the levels in use."""
        to_order = [r for r in self.rows() if r["order_qty"] > 0]
        text = (self.tr("%1 products to order, about %2 at cost.")
                .replace("%1", str(len(to_order))).replace("%2", money(int(round(self.order_value())))))
        if self.result is None or self.result.tradeoff is None:
            return text
        stock = float(self.result.frame["stock_value"].sum())
        chosen = self.result.tradeoff[self.result.tradeoff["point"] == "chosen"].iloc[0]
        return text + " " + (self.tr("Stock on hand: %1 at cost. Expected fill rate %2 % with about %3 days of "
                                     "cover.")
                             .replace("%1", money(int(round(stock))))
                             .replace("%2", f"{chosen['fill_pct']:.1f}")
                             .replace("%3", f"{chosen['days_of_cover']:.0f}"))

    def _show_selected(self) -> None:
        row = self.table.current()
        self.why.setPlainText(translated(reorder_reason(row)) if row else "")
        self.why.setToolTip(str(row["why"]) if row else "")       # the method's figures, for the curious
        self.draw_product(row)

    def draw_product(self, row: dict | None) -> None:
        """The planning chart of ``row`` (see the module docstring)."""
        if row is None or self.result is None:
            self.chart.message(self.tr("Select a product to see its demand."))
            return
        pid = row["product_id"]
        demand, stock = self.result.demand, self.result.stock
        series = demand[pid] if pid in demand.columns else pd.Series(0.0, index=demand.index)
        on_hand = stock[pid] if stock is not None and pid in stock.columns else pd.Series(0, index=demand.index)
        projection = forecast_projection(row, self.as_of)
        one_day = pd.Timedelta(days=1)
        ax = self.chart.reset()
        ax.bar(series.index, series.to_numpy(), width=1.0, align="edge", color=PALETTE[0], alpha=0.8,
               label=self.tr("daily demand"))
        ax.step(projection["date"], projection["forecast"], where="post", color=PALETTE[1], linewidth=1.5,
                linestyle="--", label=self.tr("forecast per day"))
        ax.axvline(projection["date"].iloc[0], color=INK, linewidth=0.8, alpha=0.6)
        ax.set_ylabel(self.tr("units per day"))
        ax.set_ylim(0, max(float(series.max()) if len(series) else 0.0, row["forecast_daily"], 1.0) * 1.6)
        stock_ax = ax.twinx()
        stock_ax.grid(False)
        # end of day D is the stock at midnight starting D + 1: the last point meets the projection at as_of
        stock_ax.plot(on_hand.index + one_day, on_hand.to_numpy(), color=PALETTE[2], linewidth=1.5,
                      label=self.tr("on hand (end of day)"))
        stock_ax.plot(projection["date"], projection["position"], color=PALETTE[5], linewidth=1.5,
                      label=self.tr("projected stock position"))
        stock_ax.fill_between(projection["date"], projection["low"], projection["high"], color=PALETTE[5],
                              alpha=0.2, linewidth=0,
                              label=self.tr("%1 % band: demand over lead + review ± %2 σ")
                              .replace("%1", f"{BAND_LEVEL * 100:.0f}").replace("%2", f"{BAND_Z:.2f}"))
        stock_ax.axhline(row["reorder_point"], color=PALETTE[3], linestyle="--", label=self.tr("reorder point"))
        stock_ax.axhline(row["order_up_to"], color=PALETTE[4], linestyle="-.", label=self.tr("order-up-to level"))
        top = max(row["reorder_point"], row["order_up_to"], row["position"], float(on_hand.max()) if len(on_hand)
                  else 0.0, float(projection["high"].max()), 1)
        bottom = min(0.0, float(projection["low"].min()))
        stock_ax.set_ylim(bottom - 0.05 * (top - bottom) if bottom < 0 else 0, top * 1.25)
        stock_ax.set_ylabel(self.tr("units in stock"))
        first = projection["date"].iloc[0] - pd.Timedelta(days=CHART_DAYS)      # the history loaded stays
        ax.set_xlim(max(series.index[0], first) if len(series) else first, projection["date"].iloc[-1] + one_day)
        handles = ax.get_legend_handles_labels()
        more = stock_ax.get_legend_handles_labels()
        ax.legend(handles[0] + more[0], handles[1] + more[1], loc="upper left", fontsize=7, ncol=2)
        ax.set_title(row["name"], fontsize=9)
        self.chart.figure.autofmt_xdate()
        self.chart.draw_idle()

    def draw_tradeoff(self, tradeoff: pd.DataFrame | None) -> None:
        """Expected fill rate against days of cover and stock value (see the module docstring)."""
        if tradeoff is None or tradeoff["days_of_cover"].isna().all():
            self.tradeoff_chart.message(self.tr("Nothing sells yet: no trade-off to show."))
            return
        curve = tradeoff[tradeoff["point"] != "chosen"]
        chosen = tradeoff[tradeoff["point"] == "chosen"].iloc[0]
        ax = self.tradeoff_chart.reset()
        ax.plot(curve["days_of_cover"], curve["fill_pct"], color=PALETTE[0], marker="o", linewidth=1.5,
                label=self.tr("same service level for every product"))
        for r in curve.itertuples(index=False):
            ax.annotate(f"{r.service_level * 100:g} %", (r.days_of_cover, r.fill_pct), textcoords="offset points",
                        xytext=(4, -10), fontsize=7, color=INK)
        ax.plot([chosen["days_of_cover"]], [chosen["fill_pct"]], linestyle="none", marker="*", markersize=14,
                color=PALETTE[1], label=self.tr("your settings"))
        ax.set_xlabel(self.tr("days of cover (average stock at cost ÷ daily demand at cost)"))
        ax.set_ylabel(self.tr("expected fill rate (%)"))
        per_day = chosen["stock_value"] / chosen["days_of_cover"] / 100       # major units of stock per day of cover
        top = ax.secondary_xaxis("top", functions=(lambda d: d * per_day, lambda v: v / per_day))
        top.set_xlabel(self.tr("average stock value at cost"))
        ax.legend(loc="lower right", fontsize=7)
        self.tradeoff_chart.draw_idle()

    # -- purchase orders --------------------------------------------------------------------------

    def order_lines(self) -> dict[int, list[tuple[int, int, int | None]]]:
        """{supplier_id: [(product_id, quantity, expected unit cost)]} of every quantity > 0 (edited or
        suggested); the cost is the last one paid (None when never bought)."""
        orders: dict[int, list[tuple[int, int, int | None]]] = {}
        for r in sorted(self.rows(), key=lambda r: (r["supplier_id"] or 0, r["product_id"])):
            if r["order_qty"] > 0 and r["supplier_id"] is not None:
                cost = None if pd.isna(r["unit_cost"]) else int(round(r["unit_cost"]))
                orders.setdefault(r["supplier_id"], []).append((int(r["product_id"]), int(r["order_qty"]), cost))
        return orders

    def create_orders(self) -> list[int]:
        """One draft purchase order per supplier with the quantities shown; the new orders' ids."""
        orders = self.order_lines()
        if not orders:
            self.message.show_error(self.tr("Nothing to order."))
            return []
        note = self.tr("Reorder suggestions of %1").replace("%1", self.as_of.isoformat())
        created = []
        try:
            for supplier_id, lines in orders.items():
                created.append(self.store.stock.create_order(supplier_id, lines, note=note))
        except Exception as exc:  # noqa: BLE001 - shown to the owner
            self.message.show_error(exc)
        if created:
            for order_id in created:
                order = self.store.stock.order(order_id)
                supplier = self.store.catalog.supplier(order["supplier_id"])
                name = supplier["name"] if isinstance(supplier, dict) else getattr(supplier, "name", "")
                self.order_choice.addItem(self.tr("PO %1 – %2").replace("%1", str(order_id)).replace("%2", name),
                                          order_id)
            self.created_orders.extend(created)
            self.pdf_button.setEnabled(True)
            self.print_order_button.setEnabled(True)
            self.message.show_info(self.tr("%1 purchase order(s) created as drafts.").replace("%1", str(len(created))))
        return created

    def save_pdf_clicked(self) -> None:
        order_id = self.order_choice.currentData()
        if order_id is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save purchase order"),
                                                    f"purchase-order-{order_id}.pdf", self.tr("PDF files (*.pdf)"))
        if path:
            self.save_order_pdf(order_id, path)

    def print_order_clicked(self) -> None:
        """Print the chosen purchase order on A4 through the system's print dialog."""
        from PySide6.QtPrintSupport import QPrintDialog

        order_id = self.order_choice.currentData()
        if order_id is None:
            return
        printer = a4_printer()
        printer.setDocName(order_title(order_id))
        if self.exec_dialog(QPrintDialog(printer, self)):
            order_document(self.store, order_id).print_(printer)
            self.message.show_info(self.tr("Sent to the printer."))

    def save_order_pdf(self, order_id: int, path: str | Path) -> Path:
        """Write purchase order ``order_id`` to ``path`` as a PDF (A4)."""
        path = Path(path)
        save_order_pdf(self.store, order_id, path)
        self.message.show_info(self.tr("Saved %1.").replace("%1", path.name))
        return path
