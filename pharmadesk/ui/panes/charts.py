"""Charts embedded in the panes: one house style for every figure, with CJK fallback fonts so
Chinese labels render (matplotlib falls back font by font through ``font.sans-serif``)."""

from __future__ import annotations

import matplotlib
from matplotlib import rcParams
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

FONTS = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "DejaVu Sans"]
PALETTE = ["#2a6f97", "#e07a1f", "#4c956c", "#b23a48", "#6c757d", "#8e6bbf"]
INK, GRID = "#333333", "#dddddd"


def apply_house_style() -> None:
    """Fonts (CJK-capable fallbacks), colours and grid shared by every chart of the program."""
    rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": FONTS + [f for f in rcParams["font.sans-serif"] if f not in FONTS],
        "font.size": 9,
        "axes.unicode_minus": False,           # CJK fonts often lack U+2212
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "axes.edgecolor": INK, "axes.labelcolor": INK, "xtick.color": INK, "ytick.color": INK,
        "axes.grid": True, "grid.color": GRID, "grid.linewidth": 0.6, "axes.axisbelow": True,
        "axes.spines.top": False, "axes.spines.right": False,
        "figure.facecolor": "white", "axes.facecolor": "white",
        "legend.frameon": False, "legend.fontsize": 8,
    })


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
