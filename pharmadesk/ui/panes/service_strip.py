"""The dashboard's service line: complaints, the overdue ones in red, time to close, follow-up reach and
conversion, ADR reports — the period's :class:`~pharmadesk.analytics.models.service.ServiceFigures`."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel

from pharmadesk.reports.charts import PALETTE


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f} %"


class ServiceStrip(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.labels: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        for key in ("complaints", "overdue", "close", "reach", "adr"):
            self.labels[key] = QLabel()
            self.labels[key].setObjectName(f"service_{key}")
            self.labels[key].setWordWrap(True)
            layout.addWidget(self.labels[key], 1)

    def show_figures(self, figures) -> None:
        rate = "–" if figures.complaint_rate is None else f"{figures.complaint_rate:.1f}"
        self.labels["complaints"].setText(self.tr("Complaints: %1 (%2 per 1,000 sales)")
                                          .replace("%1", str(figures.complaints)).replace("%2", rate))
        self.labels["overdue"].setText(self.tr("Overdue complaints: %1").replace("%1", str(figures.overdue)))
        self.labels["overdue"].setStyleSheet(f"color: {PALETTE[3]}; font-weight: bold;" if figures.overdue else "")
        days = "–" if figures.median_days_to_close is None else f"{figures.median_days_to_close:.1f}"
        self.labels["close"].setText(self.tr("Days to close (median): %1 · on time %2")
                                     .replace("%1", days).replace("%2", _share(figures.on_time_share)))
        self.labels["reach"].setText(self.tr("Follow-up calls: %1 reached · %2 bought again")
                                     .replace("%1", _share(figures.reach)).replace("%2", _share(figures.conversion)))
        self.labels["adr"].setText(self.tr("ADR reports: %1 (serious %2)")
                                   .replace("%1", str(figures.adr_reports)).replace("%2", str(figures.serious_adr)))
