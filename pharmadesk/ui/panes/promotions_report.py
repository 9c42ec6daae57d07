"""Promotion results (owner): one row per promotion with its sales, discount cost, margin, members reached and
the verdict, from :func:`pharmadesk.analytics.jobs.run_promotion_report` computed in the background.

:class:`PromotionResultsView` is a self-contained widget: the Reports page shows it as its "Promotions" report,
and a page that manages promotions can embed it as it is."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter

from pharmadesk.reports.labels import (
    PROMOTION_KIND_LABELS, PROMOTION_METHOD_LABELS, PROMOTION_STATUS_LABELS, label, promotion_verdict,
)
from pharmadesk.ui.common import money
from pharmadesk.ui.panes.base import AnalyticsPane
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _money(value) -> str:
    return "" if _missing(value) else money(int(round(value)))


def _percent(value) -> str:
    return "" if _missing(value) else f"{100 * value:+.1f} %"


def promotion_rows(result) -> list[dict]:
    """One row per promotion of a :class:`~pharmadesk.analytics.jobs.PromotionsResult`, newest first, with
    its verdict in words (``verdict_text``) and its coupons as "issued / redeemed / expired"."""
    rows = []
    for row in result.frame.to_dict("records"):
        coupons = (f"{row['coupons_issued']} / {row['coupons_redeemed']} / {row['coupons_expired']}"
                   if row["kind"] == "coupon" else "")
        rows.append({**row, "coupons": coupons, "verdict_text": promotion_verdict(row["verdict"], row["verdict_amount"])})
    return rows


class PromotionResultsView(AnalyticsPane):
    """The promotion report as a table, with the selected promotion's comparison spelled out below it."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(store, parent)
        self.title = QLabel(self.tr("Promotions"))
        self.refresh_button = self.recompute_button()
        self.table = ListTable([
            Column("promotion_id", self.tr("No."), numeric=True),
            Column("name", self.tr("Promotion")),
            Column("kind", self.tr("Kind"), lambda r: label(PROMOTION_KIND_LABELS, r["kind"])),
            Column("status", self.tr("Status"), lambda r: label(PROMOTION_STATUS_LABELS, r["status"])),
            Column("starts_on", self.tr("From")),
            Column("ends_on", self.tr("To")),
            Column("running_days", self.tr("Days"), numeric=True),
            Column("sales", self.tr("Sales"), lambda r: _money(r["sales"]), numeric=True),
            Column("units", self.tr("Units"), numeric=True),
            Column("discount_cost", self.tr("Discount cost"), lambda r: _money(r["discount_cost"]), numeric=True),
            Column("margin", self.tr("Margin"), lambda r: _money(r["margin"]), numeric=True),
            Column("members_reached", self.tr("Members reached"), numeric=True),
            Column("coupons", self.tr("Coupons issued / redeemed / expired")),
            Column("verdict_text", self.tr("Verdict")),
        ], filterable=True)
        self.table.view.selectionModel().currentChanged.connect(lambda *_: self._show_selected())
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        self.lay_out([self.refresh_button, *self.export_buttons()], splitter)

    @property
    def cache_name(self) -> str:
        """A new promotion, coupon or return makes a new cache key (the base key follows sales and the day)."""
        from pharmadesk.analytics.frames_promotions import promotions_stamp

        return f"promotions:{promotions_stamp(self.store)}"

    def compute(self, store, as_of, progress):
        from pharmadesk.analytics import jobs

        return jobs.run_promotion_report(store, as_of, jobs.PromotionParams(), progress)

    def show_result(self, result) -> None:
        self.title.setText(self.tr("Promotions as of %1").replace("%1", self.as_of.isoformat()))
        self.table.set_rows(promotion_rows(result))
        if self.table.visible_rows():
            self.table.view.setCurrentIndex(self.table.proxy.index(0, 0))
            self.table.view.selectRow(0)
        self._show_selected()

    def rows(self) -> list[dict]:
        """The rows as shown (filtered and sorted)."""
        return self.table.visible_rows()

    def _show_selected(self) -> None:
        row = self.table.current()
        if row is None:
            self.details.setText(self.tr("No promotion yet.") if self.result is not None else "")
            return
        method = label(PROMOTION_METHOD_LABELS, row["method"])
        if row["method"] == "holdout":
            comparison = (self.tr("%1: %2 members got it, %3 were held out; conversion uplift %4 (95 % interval "
                                  "%5 to %6).")
                          .replace("%1", method).replace("%2", str(row["target_n"])).replace("%3", str(row["holdout_n"]))
                          .replace("%4", _percent(row["conversion_uplift"]))
                          .replace("%5", _percent(row["conversion_uplift_low"]))
                          .replace("%6", _percent(row["conversion_uplift_high"])))
        else:
            comparison = (self.tr("%1: %2 of %3 running days compared; in-scope sales %4 against %5 expected (%6).")
                          .replace("%1", method).replace("%2", str(row["compared_days"]))
                          .replace("%3", str(row["running_days"])).replace("%4", _money(row["actual_sales"]))
                          .replace("%5", _money(row["expected_sales"])).replace("%6", _percent(row["sales_uplift"])))
        effect = ""
        if not _missing(row["net_effect"]):
            effect = (self.tr(" Incremental margin %1 minus discount cost %2: %3.")
                      .replace("%1", _money(row["incremental_margin"]))
                      .replace("%2", _money(row["incremental_margin"] - row["net_effect"]))
                      .replace("%3", _money(row["net_effect"])))
        self.details.setText(f"{row['name']}: {row['verdict_text']}. {comparison}{effect}")
