"""The house style of every chart the program draws, on screen and on paper: CJK-capable fonts (matplotlib
falls back font by font through ``font.sans-serif``), the palette, ink and grid colours."""

from __future__ import annotations

import matplotlib
from matplotlib import rcParams

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
