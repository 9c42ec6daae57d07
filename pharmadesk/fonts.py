"""The CJK font PharmaDesk carries, so Chinese renders on a PC with no Chinese font installed (no Qt here).

``resources/fonts/PharmaDeskSansSC-Regular.ttf`` is a subset of Noto Sans CJK SC (SIL Open Font License 1.1,
``resources/fonts/OFL.txt``): ASCII, Latin-1, punctuation, all of GB2312 and every character of the program's
texts, made by ``scripts/build_cjk_font.py``. matplotlib gets it from :func:`matplotlib_families` (registered
by file, so a font cache built before any CJK font was installed does not matter); Qt gets it in
:mod:`pharmadesk.i18n`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pharmadesk.paths import RESOURCES

CJK_FONT_FILE = RESOURCES / "fonts" / "PharmaDeskSansSC-Regular.ttf"
CJK_FAMILY = "PharmaDesk Sans SC"
LICENCE_FILE = RESOURCES / "fonts" / "OFL.txt"
# After the bundled font, for the few symbols it lacks (arrows, math signs): matplotlib's own font.
LATIN_FALLBACK = "DejaVu Sans"


@cache
def register_with_matplotlib() -> Path:
    """Add the bundled font to matplotlib's font manager by file (once per process); returns its path."""
    from matplotlib import font_manager

    font_manager.fontManager.addfont(str(CJK_FONT_FILE))
    return CJK_FONT_FILE


def matplotlib_families() -> list[str]:
    """The ``font.family`` list every chart and matplotlib PDF uses: the bundled CJK font first, then DejaVu
    Sans (matplotlib falls back glyph by glyph along the list)."""
    register_with_matplotlib()
    return [CJK_FAMILY, LATIN_FALLBACK]
