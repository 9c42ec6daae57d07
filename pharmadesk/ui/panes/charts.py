"""The chart widget of the panes: a Qt canvas drawn in the house style of :mod:`pharmadesk.reports.charts`
(the names of that style are re-exported here for the panes)."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

from pharmadesk.reports.charts import GRID, INK, PALETTE, apply_house_style

__all__ = ["GRID", "INK", "PALETTE", "ChartCanvas", "apply_house_style"]


class ChartCanvas(FigureCanvasQTAgg):
    """A figure with one axes, styled the house way; :meth:`reset` clears it for a new drawing."""

    def __init__(self, parent=None, width: float = 5.0, height: float = 2.6) -> None:
        apply_house_style()
        self.figure = Figure(figsize=(width, height), layout="constrained")
        super().__init__(self.figure)
        self.setParent(parent)
        self.ax = self.figure.add_subplot(111)

    def reset(self):
        self.figure.clear()
        self.ax = self.figure.add_subplot(111)
        return self.ax

    def message(self, text: str) -> None:
        ax = self.reset()
        ax.axis("off")
        ax.text(0.5, 0.5, text, ha="center", va="center", color=INK, transform=ax.transAxes)
        self.draw_idle()
