"""Chinese charts, documents and PDFs on a PC with no CJK font: run by tests/test_fonts.py in a process whose
fontconfig sees one Latin font only (``FONTCONFIG_FILE``) and whose matplotlib cache is fresh (``MPLCONFIGDIR``).

    python tests/fonts_worker.py OUT_DIR

matplotlib also scans /usr/share/fonts by itself, whatever fontconfig says; its font list is cut here to its
own fonts (DejaVu), which is what a cache built before any CJK font was installed holds. Prints one JSON
object: what Qt and matplotlib chose, every warning and log line about glyphs, and the PDFs' font names.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import warnings
from pathlib import Path

import matplotlib
from matplotlib import font_manager

CHINESE = "补货建议：每日需求 药房收银台 布洛芬缓释胶囊"


def _hide_installed_fonts() -> None:
    own = str(Path(matplotlib.get_data_path()))
    font_manager.fontManager.ttflist = [f for f in font_manager.fontManager.ttflist if f.fname.startswith(own)]
    font_manager.fontManager.afmlist = []
    font_manager.FontManager._findfont_cached.cache_clear()


def _pdf_fonts(path: Path) -> list[str]:
    """The fonts a PDF names (``/BaseFont /ABCDEF+Name``: the subset prefix is kept)."""
    return sorted({name.decode() for name in re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", path.read_bytes())})


def main() -> None:
    out = Path(sys.argv[1])
    _hide_installed_fonts()
    logged: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: logged.append(record.getMessage())
    logging.getLogger("matplotlib").addHandler(handler)
    warnings.simplefilter("always")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from PySide6.QtGui import QFontDatabase, QTextDocument, QTextLayout
        from PySide6.QtWidgets import QApplication

        from pharmadesk.fonts import CJK_FAMILY, CJK_FONT_FILE
        from pharmadesk.i18n import INSTALLED_CJK_FAMILIES, apply_fonts, document_font
        from pharmadesk.reports.export import export_pdf
        from pharmadesk.reports.printing import save_pdf
        from pharmadesk.ui.panes.charts import ChartCanvas

        app = QApplication([])
        qt_families_before = QFontDatabase.families()
        apply_fonts(app)

        layout = QTextLayout(CHINESE, app.font())
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        qt_run_families = sorted({run.rawFont().familyName() for run in runs})
        qt_notdef = sum(index == 0 for run in runs for index in run.glyphIndexes())

        document = QTextDocument()
        document.setDefaultFont(document_font())
        document.setHtml(f"<h1>{CHINESE}</h1><table><tr><th>商品</th><th>数量</th></tr>"
                         f"<tr><td>布洛芬缓释胶囊</td><td>12</td></tr></table>")
        save_pdf(document, out / "document.pdf", "报表")

        canvas = ChartCanvas()
        canvas.ax.set_title(CHINESE)
        canvas.ax.plot([0, 1], [1, 2], label="预测")
        canvas.ax.legend()
        canvas.draw()
        title = canvas.ax.title
        title_fonts = [str(p) for p in font_manager.fontManager._find_fonts_by_props(title.get_fontproperties())]
        export_pdf(out / "dashboard.pdf", "经营概览", [canvas.figure],
                   [("品类", ["商品", "销售额"], [["布洛芬缓释胶囊", 12.5], ["阿莫西林胶囊", 3.0]])])  # noqa: E501

    report = {
        "installed_cjk_visible_to_qt": sorted(set(qt_families_before) & set(INSTALLED_CJK_FAMILIES)),
        "installed_cjk_visible_to_matplotlib": sorted({f.name for f in font_manager.fontManager.ttflist
                                                       if "CJK" in f.name or f.name in INSTALLED_CJK_FAMILIES}),
        "bundled_family": CJK_FAMILY,
        "bundled_file": str(CJK_FONT_FILE),          # this process's: the installed package's, or the source tree's
        "qt_run_families": qt_run_families,
        "qt_notdef_glyphs": qt_notdef,
        "chart_title_fonts": title_fonts,
        "document_pdf_fonts": _pdf_fonts(out / "document.pdf"),
        "dashboard_pdf_fonts": _pdf_fonts(out / "dashboard.pdf"),
        "glyph_messages": [str(w.message) for w in caught if "Glyph" in str(w.message) or "missing" in str(w.message)]
                          + [line for line in logged if "Glyph" in line or "missing from" in line],
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
