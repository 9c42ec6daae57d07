"""The house style of every chart the program draws, on screen and on paper: the bundled CJK font
(:mod:`pharmadesk.fonts`, whatever is installed), the palette, ink and grid colours."""

from __future__ import annotations

import matplotlib
from matplotlib import rcParams

from pharmadesk.fonts import matplotlib_families

PALETTE = ["#2a6f97", "#e07a1f", "#4c956c", "#b23a48", "#6c757d", "#8e6bbf"]
INK, GRID = "#333333", "#dddddd"


def apply_house_style() -> None:
    """Fonts (the bundled CJK font, then DejaVu Sans glyph by glyph), colours and grid shared by every chart."""
    rcParams.update({
        "font.family": matplotlib_families(),
        "pdf.fonttype": 42,                    # TrueType embedded: Chinese text in a PDF stays text (search, copy)
        "font.size": 9,
        "axes.unicode_minus": False,           # CJK fonts often lack U+2212
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "axes.edgecolor": INK, "axes.labelcolor": INK, "xtick.color": INK, "ytick.color": INK,
        "axes.grid": True, "grid.color": GRID, "grid.linewidth": 0.6, "axes.axisbelow": True,
        "axes.spines.top": False, "axes.spines.right": False,
        "figure.facecolor": "white", "axes.facecolor": "white",
        "legend.frameon": False, "legend.fontsize": 8,
    })
