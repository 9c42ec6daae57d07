"""The campaigns pane (owner): every campaign with its target and holdout sizes, and for the selected
one its results: conversion per group, uplift with its 95 % interval, revenue, cost and ROI."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter

from pharmadesk.reports.charts import PALETTE
from pharmadesk.ui.common import column, money
from pharmadesk.ui.panes.base import AnalyticsPane
from pharmadesk.ui.panes.charts import ChartCanvas
from pharmadesk.ui.panes.segments_pane import segment_label
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


def campaign_rows(result) -> list[dict]:
    """One row per campaign of a :class:`~pharmadesk.analytics.jobs.CampaignsResult`, newest first: its
    results with its name, segment and group sizes."""
    rows = [{**scored, "campaign_id": int(c["id"]), "name": c["name"], "segment": c["segment"] or "",
             "target": c["target"], "holdout": c["holdout"]}
            for scored, c in zip(result.frame.to_dict("records"), result.campaigns)]
    return rows[::-1]


def _percent(value) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{100 * value:.1f} %"


class CampaignsPane(AnalyticsPane):
    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
        self.title = QLabel(self.tr("Campaigns"))
        self.refresh_button = self.recompute_button()
        self.table = ListTable([
            Column("campaign_id", self.tr("No."), numeric=True),
            Column("name", self.tr("Campaign")),
            Column("segment", self.tr("Segment"), lambda r: segment_label(r["segment"]) if r["segment"] else ""),
            Column("starts_on", self.tr("From")),
            Column("ends_on", self.tr("To")),
            Column("target", self.tr("Contacted"), numeric=True, kind="count"),
            Column("holdout", self.tr("Held out"), numeric=True, kind="count"),
            Column("uplift", self.tr("Uplift"), lambda r: _percent(r["uplift"]), numeric=True, kind="percent"),
        ], filterable=False)
        self.table.view.selectionModel().currentChanged.connect(lambda *_: self._show_selected())
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = ChartCanvas(self, 5.0, 2.8)
        right = column((self.chart, 1), self.details)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        self.lay_out([self.refresh_button, *self.export_buttons()], splitter)
        self.chart.message(self.tr("Computing…"))

    @property
    def cache_name(self) -> str:
        """A new campaign makes a new cache key (the base key only follows sales and the day)."""
        ids = [c["id"] for c in self.store.campaigns.list()]
        return f"campaigns:{len(ids)}:{max(ids, default=None)}"

    def compute(self, store, as_of, progress):
        from pharmadesk.analytics import jobs

        return jobs.run_campaigns(store, as_of, jobs.CampaignParams(), progress)

    def show_result(self, result) -> None:
        self.title.setText(self.tr("Campaigns as of %1").replace("%1", self.as_of.isoformat()))
        self.table.set_rows(campaign_rows(result))
        if self.table.visible_rows():
            self.table.view.setCurrentIndex(self.table.proxy.index(0, 0))
            self.table.view.selectRow(0)
        self._show_selected()

    def _show_selected(self) -> None:
        row = self.table.current()
        if row is None:
            self.details.setText("")
            self.chart.message(self.tr("No campaign yet. Start one from the Segments page."))
            return
        running = "" if row["window_complete"] else self.tr(" (the window is still running)")
        roi = self.tr("n/a (no cost)") if math.isnan(row["roi"]) else _percent(row["roi"])
        self.details.setText(
            self.tr("Converted: %1 of %2 contacted (%3), %4 of %5 held out (%6). Uplift %7, 95 % interval "
                    "%8 to %9%10. Revenue: contacted %11, held out %12, incremental %13. Cost %14, ROI %15.")
            .replace("%10", running).replace("%11", money(int(round(row["target_revenue"]))))
            .replace("%12", money(int(round(row["holdout_revenue"]))))
            .replace("%13", money(int(round(row["incremental_revenue"]))))
            .replace("%14", money(int(round(row["cost"])))).replace("%15", roi)
            .replace("%1", str(row["target_converters"])).replace("%2", str(row["target_n"]))
            .replace("%3", _percent(row["target_rate"])).replace("%4", str(row["holdout_converters"]))
            .replace("%5", str(row["holdout_n"])).replace("%6", _percent(row["holdout_rate"]))
            .replace("%7", _percent(row["uplift"])).replace("%8", _percent(row["uplift_low"]))
            .replace("%9", _percent(row["uplift_high"])))
        self.draw_campaign(row)

    def draw_campaign(self, row: dict) -> None:
        ax = self.chart.reset()
        rates = [row["target_rate"], row["holdout_rate"]]
        rates = [0.0 if r is None or math.isnan(r) else 100 * r for r in rates]
        ax.bar([0, 1], rates, color=[PALETTE[0], PALETTE[4]], width=0.6)
        uplift = row["uplift"]
        if not math.isnan(uplift):
            low, high = 100 * (uplift - row["uplift_low"]), 100 * (row["uplift_high"] - uplift)
            ax.errorbar([2], [100 * uplift], yerr=[[low], [high]], fmt="o", color=PALETTE[1], capsize=6)
        ax.axhline(0, color="#333333", linewidth=0.8)
        ax.set_xticks([0, 1, 2], [self.tr("contacted"), self.tr("held out"), self.tr("uplift (95 % CI)")])
        ax.set_ylabel(self.tr("converted (%)"))
        ax.set_title(str(row["name"]), fontsize=9)
        self.chart.draw_idle()
