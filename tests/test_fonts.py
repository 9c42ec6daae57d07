"""The CJK font PharmaDesk carries: Chinese renders with no CJK font installed (charts, Qt text, both kinds of
PDF), it covers every character the program writes, and its licence ships beside it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import matplotlib
from fontTools.ttLib import TTFont

from pharmadesk.fonts import CJK_FAMILY, CJK_FONT_FILE, LICENCE_FILE

ROOT = Path(__file__).resolve().parents[1]
WORKER = Path(__file__).with_name("fonts_worker.py")


def _no_cjk_fonts_env(tmp_path: Path) -> dict[str, str]:
    """A fontconfig that sees one Latin font (DejaVu Sans, copied from matplotlib) and a fresh matplotlib cache."""
    fonts, cache, mpl = tmp_path / "fonts", tmp_path / "fc-cache", tmp_path / "mplconfig"
    for folder in (fonts, cache, mpl):
        folder.mkdir()
    (fonts / "DejaVuSans.ttf").write_bytes(
        (Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf").read_bytes())
    config = tmp_path / "fonts.conf"
    config.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                      f"<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>\n")
    return {**os.environ, "FONTCONFIG_FILE": str(config), "FONTCONFIG_PATH": str(tmp_path),
            "MPLCONFIGDIR": str(mpl), "QT_QPA_PLATFORM": "offscreen"}


def test_chinese_renders_with_the_bundled_font_when_no_cjk_font_is_installed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    run = subprocess.run([sys.executable, str(WORKER), str(out)], env=_no_cjk_fonts_env(tmp_path), cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    # the machine really looks like one without CJK fonts, to Qt and to matplotlib
    assert seen["installed_cjk_visible_to_qt"] == [] and seen["installed_cjk_visible_to_matplotlib"] == []
    assert seen["glyph_messages"] == []
    assert seen["qt_run_families"] == [CJK_FAMILY] and seen["qt_notdef_glyphs"] == 0
    assert seen["chart_title_fonts"][0] == seen["bundled_file"]
    assert Path(seen["bundled_file"]).name == CJK_FONT_FILE.name
    postscript = CJK_FAMILY.replace(" ", "") + "-Regular"
    assert [name.split("+")[-1] for name in seen["document_pdf_fonts"]] == [postscript]
    assert {name.split("+")[-1] for name in seen["dashboard_pdf_fonts"]} == {postscript}


def _characters(paths, chinese_only: bool = False) -> set[str]:
    """Non-ASCII characters of ``paths`` (only the Chinese ones: CJK symbols, ideographs, full-width forms)."""
    def wanted(ch: str) -> bool:
        return 0x3000 <= ord(ch) <= 0x9FFF or 0xFF00 <= ord(ch) <= 0xFFEF if chinese_only else ord(ch) > 0x7F

    return {ch for path in paths for ch in path.read_text(encoding="utf-8") if wanted(ch) and not ch.isspace()}


def test_the_font_covers_every_character_of_the_translations_and_the_demo_store():
    covered = {chr(code) for code in TTFont(CJK_FONT_FILE).getBestCmap()}
    translations = (ROOT / "resources" / "translations").glob("*.ts")
    missing = sorted((_characters(translations) | _characters((ROOT / "pharmadesk").rglob("*.py"), True)) - covered)
    assert missing == [], f"rebuild the font: scripts/build_cjk_font.py (missing {''.join(missing)})"
    assert {"药", "房", "收", "银", "台", "￥", "，", "。"} <= covered


def test_the_font_covers_gb2312_and_stays_small():
    covered = {chr(code) for code in TTFont(CJK_FONT_FILE).getBestCmap()}
    hanzi = {bytes((high, low)).decode("gb2312") for high in range(0xB0, 0xF8) for low in range(0xA1, 0xFF)
             if (high, low) not in {(0xD7, 0xFA), (0xD7, 0xFB), (0xD7, 0xFC), (0xD7, 0xFD), (0xD7, 0xFE)}}
    assert len(hanzi) == 6763 and hanzi <= covered
    assert CJK_FONT_FILE.stat().st_size < 4_000_000


def test_the_font_is_named_apart_and_its_licence_ships_beside_it():
    names = TTFont(CJK_FONT_FILE)["name"]
    assert names.getDebugName(1) == CJK_FAMILY and "Noto" not in CJK_FAMILY     # Noto is Google's trademark
    assert "SIL Open Font License" in (names.getDebugName(13) or "")
    licence = LICENCE_FILE.read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence and "Adobe" in licence
