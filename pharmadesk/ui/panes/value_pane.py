"""The member value pane (owner): the valuable members (top 20 % by 12-month CLV) most likely to lapse
(lowest P(alive)), and a histogram of every member's expected 90-day value."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter

from pharmadesk.ui.common import money
from pharmadesk.ui.panes.base import AnalyticsPane
from pharmadesk.ui.panes.charts import PALETTE, ChartCanvas
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column

HORIZON_DAYS = 90
VALUABLE_SHARE = 0.20      # the top fifth by CLV
MAX_ROWS = 100             # the valuable members with the lowest P(alive) shown


def valuable_members(table, share: float = VALUABLE_SHARE):
    """The rows of ``member_value`` whose CLV is in the top ``share`` (at least one row)."""
    count = max(1, int(np.ceil(share * len(table))))
    return table.sort_values(["clv", "member_id"], ascending=[False, True], kind="stable").head(count)


def compute_value(store, as_of, progress=None) -> dict:
    """Member value as the ``value`` command computes it, and the valuable members most likely to lapse."""
    from pharmadesk.analytics import frames
    from pharmadesk.analytics.models import value

    step = progress or (lambda fraction, label: None)
    step(0.02, "purchase days")
    purchases = frames.member_purchase_days(store, as_of, progress=None)
    table = value.member_value(purchases, as_of, horizon_days=HORIZON_DAYS,
                               progress=lambda f, label: step(0.1 + 0.85 * f, label))
    valuable = valuable_members(table)
    at_risk = valuable.sort_values(["p_alive", "member_id"], kind="stable").head(MAX_ROWS)
    ids = [int(i) for i in at_risk["member_id"]]
    names = {}
    if ids:
        names = {r["id"]: r["name"] for r in store.db.all(
            f"SELECT id, name FROM members WHERE id IN ({','.join('?' * len(ids))})", ids)}
    rows = [{**r, "member_id": int(r["member_id"]), "name": names.get(int(r["member_id"])) or ""}
            for r in at_risk.to_dict("records")]
    step(1.0, "done")
    return {"as_of": as_of, "rows": rows, "valuable_ids": set(int(i) for i in valuable["member_id"]),
            "clv_threshold": float(valuable["clv"].min()), "members": len(table),
            "expected_spend": table["expected_spend"].to_numpy()}


class ValuePane(AnalyticsPane):
    cache_name = "value"

    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
        self.title = QLabel(self.tr("Valuable members at risk of lapsing"))
        self.refresh_button = self.recompute_button()
        self.table = ListTable([
            Column("name", self.tr("Member")),
            Column("p_alive", self.tr("P(still active)"), lambda r: f"{100 * r['p_alive']:.0f} %", numeric=True),
            Column("clv", self.tr("12-month value"), lambda r: money(int(round(r["clv"]))), numeric=True),
            Column("expected_spend", self.tr("Expected 90-day value"),
                   lambda r: money(int(round(r["expected_spend"]))), numeric=True),
            Column("purchases", self.tr("Purchase days"), numeric=True),
            Column("recency_weeks", self.tr("Weeks since first to last purchase"),
                   lambda r: f"{r['recency_weeks']:.0f}", numeric=True),
        ], filterable=True)
        self.chart = ChartCanvas(self, 5.0, 2.8)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        layout = self.lay_out([self.refresh_button], splitter)
        layout.addWidget(self.summary)
        self.chart.message(self.tr("Computing…"))

    def compute(self, store, as_of, progress):
        return compute_value(store, as_of, progress)

    def show_result(self, result) -> None:
        self.title.setText(self.tr("Valuable members at risk of lapsing, as of %1")
                           .replace("%1", result["as_of"].isoformat()))
        self.table.set_rows(list(result["rows"]))
        self.summary.setText(self.tr("%1 members with a purchase; the top 20 % by 12-month value (from %2) are "
                                     "%3 members, those least likely to still be active are listed first.")
                             .replace("%1", str(result["members"]))
                             .replace("%2", money(int(round(result["clv_threshold"]))))
                             .replace("%3", str(len(result["valuable_ids"]))))
        spend = result["expected_spend"] / 100
        ax = self.chart.reset()
        ax.hist(spend, bins=30, color=PALETTE[0])
        ax.set_xlabel(self.tr("expected value of the next 90 days (currency units)"))
        ax.set_ylabel(self.tr("members"))
        ax.set_title(self.tr("Expected 90-day value per member"), fontsize=9)
        self.chart.draw_idle()
