"""The member value pane (owner): the valuable members (top 20 % by 12-month CLV) most likely to lapse
(lowest P(alive)), and a histogram of every member's expected 90-day value."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter

from pharmadesk.reports.charts import PALETTE
from pharmadesk.ui.common import money
from pharmadesk.ui.panes.base import AnalyticsPane
from pharmadesk.ui.panes.charts import ChartCanvas
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


class ValuePane(AnalyticsPane):
    cache_name = "value"

    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
        self.title = QLabel(self.tr("Valuable members at risk of lapsing"))
        self.refresh_button = self.recompute_button()
        self.table = ListTable([
            Column("name", self.tr("Member")),
            Column("p_alive", self.tr("Chance still a customer"), lambda r: f"{100 * r['p_alive']:.0f} %",
                   numeric=True, kind="percent"),
            Column("clv", self.tr("12-month value"), lambda r: money(int(round(r["clv"]))), numeric=True,
                   kind="money_minor"),
            Column("expected_spend", self.tr("Expected 90-day value"),
                   lambda r: money(int(round(r["expected_spend"]))), numeric=True, kind="money_minor"),
            Column("purchases", self.tr("Purchase days"), numeric=True, kind="count"),
            Column("recency_weeks", self.tr("Weeks since first to last purchase"),
                   lambda r: f"{r['recency_weeks']:.0f}", numeric=True, kind="count"),
        ], filterable=True)
        self.chart = ChartCanvas(self, 5.0, 2.8)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        layout = self.lay_out([self.refresh_button, *self.export_buttons()], splitter)
        layout.addWidget(self.summary)
        self.chart.message(self.tr("Computing…"))

    def compute(self, store, as_of, progress):
        from pharmadesk.analytics import jobs

        return jobs.run_value_at_risk(store, as_of, jobs.ValueAtRiskParams(), progress)

    def show_result(self, result) -> None:
        self.title.setText(self.tr("Valuable members at risk of lapsing, as of %1")
                           .replace("%1", self.as_of.isoformat()))
        self.table.set_rows(result.frame.to_dict("records"))
        self.summary.setText(self.tr("%1 members with a purchase; the top 20 % by 12-month value (from %2) are "
                                     "%3 members, those least likely to still be active are listed first.")
                             .replace("%1", str(result.members))
                             .replace("%2", money(int(round(result.clv_threshold))))
                             .replace("%3", str(len(result.valuable_ids))))
        spend = result.expected_spend / 100
        ax = self.chart.reset()
        ax.hist(spend, bins=30, color=PALETTE[0])
        ax.set_xlabel(self.tr("expected value of the next 90 days (currency units)"))
        ax.set_ylabel(self.tr("members"))
        ax.set_title(self.tr("Expected 90-day value per member"), fontsize=9)
        self.chart.draw_idle()
