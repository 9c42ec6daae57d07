"""The segments pane (owner): member segments named by what the owner does with them, with their size,
revenue share, recency, frequency and ticket, a recency/value scatter coloured by segment, the selected
segment's profile, its marketing-consented call list (CSV or Excel) and a campaign started on it. How the
groups were made (number of groups, stability) sits in a "Details" fold."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, QSplitter, QToolButton,
)


from pharmadesk.reports.charts import PALETTE
from pharmadesk.ui.common import column, translated
from pharmadesk.ui.panes.base import AnalyticsPane
from pharmadesk.ui.panes.charts import ChartCanvas
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column

MAX_POINTS = 5000          # the scatter draws at most this many members (a fixed random sample)
MIX_LABELS = ("chronic", "acute", "otc", "supplement", "mother_baby", "other")


def segment_label(segment: str) -> str:
    """A segment's name in the user's language ("keep in touch 2" -> its translation, then the number)."""
    from pharmadesk.analytics.models.segments import base_name

    name, number = base_name(segment)
    text = QCoreApplication.translate("segments", name)
    return text if number is None else f"{text} {number}"


def _number(value, digits: int = 1) -> str:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return ""
    return "" if math.isnan(value) else f"{value:,.{digits}f}"


class CampaignDialog(QDialog):
    """Name, window, cost and holdout share of a new campaign."""

    def __init__(self, segment: str, today, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start campaign"))
        self.name = QLineEdit()
        self.name.setText(self.tr("Campaign: %1").replace("%1", segment))
        start = QDate(today.year, today.month, today.day)
        self.starts_on = QDateEdit(start)
        self.ends_on = QDateEdit(start.addDays(27))
        for edit in (self.starts_on, self.ends_on):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.cost = QDoubleSpinBox()
        self.cost.setRange(0, 10_000_000)
        self.cost.setDecimals(2)
        self.holdout = QSpinBox()
        self.holdout.setRange(0, 90)
        self.holdout.setSuffix(" %")
        self.holdout.setValue(10)
        form = QFormLayout(self)
        form.addRow(self.tr("Segment"), QLabel(segment))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("First day"), self.starts_on)
        form.addRow(self.tr("Last day"), self.ends_on)
        form.addRow(self.tr("Cost"), self.cost)
        form.addRow(self.tr("Holdout group"), self.holdout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return {"name": self.name.text(), "starts_on": self.starts_on.date().toString("yyyy-MM-dd"),
                "ends_on": self.ends_on.date().toString("yyyy-MM-dd"),
                "cost": int(round(self.cost.value() * 100)), "holdout": self.holdout.value() / 100}


class SegmentsPane(AnalyticsPane):
    cache_name = "segments"

    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
        self.created_campaigns: list[int] = []
        self.title = QLabel(self.tr("Member segments"))
        self.refresh_button = self.recompute_button()

        self.table = ListTable([
            Column("segment", self.tr("Segment"), lambda r: segment_label(r["segment"])),
            Column("members", self.tr("Members"), numeric=True, kind="count"),
            Column("revenue_share", self.tr("Share of sales"), lambda r: f"{100 * float(r['revenue_share']):.1f} %",
                   numeric=True, kind="percent"),
            Column("median_recency_days", self.tr("Days since last visit (median)"),
                   lambda r: _number(r["median_recency_days"], 0), numeric=True, kind="count"),
            Column("mean_frequency", self.tr("Purchases"), lambda r: _number(r["mean_frequency"]), numeric=True,
                   kind="decimal"),
            Column("avg_ticket", self.tr("Average ticket"), lambda r: _number(r["avg_ticket"], 2), numeric=True,
                   kind="money"),
        ], filterable=False)
        self.table.view.selectionModel().currentChanged.connect(lambda *_: self._show_selected())
        self.scatter = ChartCanvas(self, 5.0, 3.0)
        self.profile = ChartCanvas(self, 5.0, 2.2)
        self.export_button = QPushButton(self.tr("Export call list…"))
        self.export_button.clicked.connect(self.export_clicked)
        self.campaign_button = QPushButton(self.tr("Start campaign…"))
        self.campaign_button.clicked.connect(self.start_campaign_clicked)
        self.details_button = QToolButton()
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.toggled.connect(self._toggle_details)
        self.notes = QLabel()                  # the statistics, folded away: how the groups were made
        self.notes.setWordWrap(True)
        self.notes.setVisible(False)
        actions = QHBoxLayout()
        actions.addWidget(self.details_button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.campaign_button)

        left = column((self.table, 1), (self.profile, 1))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.scatter)
        splitter.setStretchFactor(0, 3)          # the table needs its segment names whole
        splitter.setStretchFactor(1, 2)
        layout = self.lay_out([self.refresh_button, *self.export_buttons()], splitter)
        layout.addLayout(actions)
        layout.addWidget(self.notes)
        self.scatter.message(self.tr("Computing…"))

    # -- computing and showing --------------------------------------------------------------------

    def compute(self, store, as_of, progress):
        from pharmadesk.analytics import jobs

        return jobs.run_segments(store, as_of, jobs.SegmentParams(), progress)

    def show_result(self, result) -> None:
        self.title.setText(self.tr("Member segments as of %1").replace("%1", self.as_of.isoformat()))
        self.notes.setText("\n".join(translated(note) for note in result.notes))
        self.table.set_rows(result.frame.to_dict("records"))
        self.table.view.resizeColumnToContents(0)          # whole names, never cut off
        if self.table.visible_rows():
            self.table.view.setCurrentIndex(self.table.proxy.index(0, 0))
            self.table.view.selectRow(0)
        self.draw_scatter()
        self._show_selected()

    def _toggle_details(self, shown: bool) -> None:
        self.notes.setVisible(shown)
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def selected_segment(self) -> str | None:
        row = self.table.current()
        return row["segment"] if row else None

    def segment_member_ids(self, segment: str | None = None) -> list[int]:
        segment = segment or self.selected_segment()
        if self.result is None or segment is None:
            return []
        members = self.result.members
        return sorted(int(i) for i in members.loc[members["segment"] == segment, "member_id"])

    def draw_scatter(self) -> None:
        from pharmadesk.analytics.models.segments import NO_PURCHASE

        members = self.result.members
        buyers = members[members["segment"] != NO_PURCHASE]
        if len(buyers) > MAX_POINTS:
            buyers = buyers.sample(MAX_POINTS, random_state=0)
        ax = self.scatter.reset()
        for i, (segment, group) in enumerate(sorted(buyers.groupby("segment"), key=lambda g: g[0])):
            ax.scatter(group["recency_days"], group["monetary"], s=8, alpha=0.6,
                       color=PALETTE[i % len(PALETTE)], label=segment_label(segment))
        ax.set_xlabel(self.tr("days since last purchase"))
        ax.set_ylabel(self.tr("spent (currency units)"))
        if len(buyers) and (buyers["monetary"] > 0).all():
            ax.set_yscale("log")
        ax.legend(loc="upper right", fontsize=7)
        self.scatter.draw_idle()

    def _show_selected(self) -> None:
        row = self.table.current()
        if row is None or self.result is None:
            self.profile.message(self.tr("Select a segment to see its profile."))
            return
        members = self.result.members
        group = members[members["segment"] == row["segment"]]
        columns = [f"share_{c}" for c in MIX_LABELS]
        mine = group[columns].mean().to_numpy()
        everyone = members[members["frequency"] > 0][columns].mean().to_numpy()
        x = np.arange(len(columns))
        ax = self.profile.reset()
        ax.bar(x - 0.2, mine, width=0.4, color=PALETTE[0], label=segment_label(row["segment"]))
        ax.bar(x + 0.2, everyone, width=0.4, color=PALETTE[4], label=self.tr("all buyers"))
        labels = [self.tr("chronic"), self.tr("acute"), self.tr("OTC"), self.tr("supplement"),
                  self.tr("mother & baby"), self.tr("other")]
        ax.set_xticks(x, labels, fontsize=7)
        ax.set_ylabel(self.tr("share of spend"))
        ax.set_title(self.tr("%1: median recency %2 days, %3 purchases, ticket %4")
                     .replace("%1", segment_label(row["segment"])).replace("%2", _number(row["median_recency_days"], 0))
                     .replace("%3", _number(row["mean_frequency"])).replace("%4", _number(row["avg_ticket"], 2)),
                     fontsize=8)
        ax.legend(fontsize=7)
        self.profile.draw_idle()

    # -- call list ----------------------------------------------------------------------------------

    def export_clicked(self) -> None:
        segment = self.selected_segment()
        if segment is None:
            return
        filters = [self.tr("CSV files (*.csv)"), self.tr("Excel files (*.xlsx)")]
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export call list"),
                                                    f"call-list-{segment.replace(' ', '-')}.csv", ";;".join(filters))
        if path:
            self.export_call_list(path, segment)

    def export_call_list(self, path: str | Path, segment: str | None = None) -> int:
        """Write the selected segment's marketing-consented members (name, phone) to ``path`` (.csv or .xlsx)
        through ``store.privacy.export_call_list``; returns the number of members written."""
        path = Path(path)
        segment = segment or self.selected_segment()
        try:
            written = self.store.privacy.export_call_list(self.segment_member_ids(segment), path, label=segment,
                                                          headers=(self.tr("Name"), self.tr("Phone")))
        except Exception as exc:  # noqa: BLE001 - shown to the owner
            self.message.show_error(exc)
            return 0
        self.message.show_info(self.tr("%1 members who agreed to marketing written to %2.")
                               .replace("%1", str(written)).replace("%2", path.name))
        return written

    # -- campaigns ----------------------------------------------------------------------------------

    def start_campaign_clicked(self) -> int | None:
        segment = self.selected_segment()
        if segment is None:
            return None
        dialog = CampaignDialog(segment_label(segment), self.store.today(), self)
        if not self.exec_dialog(dialog):
            return None
        return self.start_campaign(segment, **dialog.values())

    def start_campaign(self, segment: str, *, name: str, starts_on, ends_on, cost: int = 0,
                       holdout: float = 0.10) -> int | None:
        try:
            campaign_id = self.store.campaigns.create(name, self.segment_member_ids(segment), starts_on=starts_on,
                                          ends_on=ends_on, cost=cost, holdout=holdout, segment=segment)
        except Exception as exc:  # noqa: BLE001 - shown to the owner
            self.message.show_error(exc)
            return None
        campaign = self.store.campaigns.get(campaign_id)
        self.created_campaigns.append(campaign_id)
        self.message.show_info(self.tr("Campaign %1 created: %2 members to contact, %3 held out.")
                               .replace("%1", str(campaign_id)).replace("%2", str(campaign["target"]))
                               .replace("%3", str(campaign["holdout"])))
        return campaign_id
