"""The chart widget of the panes: a Qt canvas drawn in the house style of :mod:`pharmadesk.reports.charts`."""

from __future__ import annotations

import shiboken6
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

from pharmadesk.reports.charts import INK, apply_house_style


class ChartCanvas(FigureCanvasQTAgg):
    """A figure with one axes, styled the house way; :meth:`reset` clears it for a new drawing."""

    def __init__(self, parent=None, width: float = 5.0, height: float = 2.6) -> None:
        apply_house_style()
        self.figure = Figure(figsize=(width, height), layout="constrained")
        super().__init__(self.figure)
        self.setParent(parent)
        self.ax = self.figure.add_subplot(111)

    def draw(self) -> None:
        """Draw, unless Qt already deleted the widget (a page rebuilt while a deferred draw was queued)."""
        if shiboken6.isValid(self):
            super().draw()

    def reset(self):
        self.figure.clear()
        self.ax = self.figure.add_subplot(111)
        return self.ax

    def message(self, text: str) -> None:
        ax = self.reset()
        ax.axis("off")
        ax.text(0.5, 0.5, text, ha="center", va="center", color=INK, transform=ax.transAxes)
        self.draw_idle()
