"""Rebuild resources/fonts/PharmaDeskSansSC-Regular.ttf, the CJK font the program carries so Chinese renders on a
PC with no Chinese font: a subset of Noto Sans CJK SC Regular (SIL Open Font License 1.1) covering ASCII, Latin-1,
common punctuation, all of GB2312 and every character the program's sources and translations use, with its
outlines converted to TrueType (quadratic) so matplotlib embeds it in PDFs as Type 42 and Qt reads it everywhere.

The family is renamed "PharmaDesk Sans SC": a Modified Version under the OFL, and "Noto" is Google's trademark;
the distinct name also keeps it from clashing with an installed Noto Sans CJK.

Run after adding Chinese text with characters outside GB2312 (tests/test_fonts.py lists the ones missing):
    .venv/bin/python scripts/build_cjk_font.py [/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]
(Debian: apt-get install fonts-noto-cjk; only the person rebuilding the font needs it.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
TARGET = ROOT / "resources" / "fonts" / "PharmaDeskSansSC-Regular.ttf"
FAMILY = "PharmaDesk Sans SC"
MAX_ERR = 1.0                   # font units (of 1000): the cubic-to-quadratic tolerance, invisible at any size


def gb2312() -> set[str]:
    """Every character GB2312 encodes (6,763 hanzi plus its symbols, kana, Greek, Cyrillic, full-width forms)."""
    found = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return found


def used_by_the_program() -> set[str]:
    """Every non-ASCII character in the program's sources, translations and docs (demo names, labels)."""
    found = set()
    files = [*(ROOT / "pharmadesk").rglob("*.py"), *(ROOT / "resources" / "translations").glob("*.ts"),
             *(ROOT / "docs").rglob("*.md"), ROOT / "README.md"]
    for path in files:
        found.update(ch for ch in path.read_text(encoding="utf-8") if ord(ch) > 0x7F)
    return found


def wanted() -> set[str]:
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x20A0, 0x20BF), (0x2100, 0x214F), (0x2190, 0x21FF),
              (0x2460, 0x24FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    chars = {chr(code) for low, high in ranges for code in range(low, high + 1)}
    return chars | gb2312() | used_by_the_program()


def _sc_face(path: Path) -> TTFont:
    if path.suffix.lower() == ".ttc":
        for font in TTCollection(path).fonts:
            if font["name"].getDebugName(1) == "Noto Sans CJK SC":
                return font
        raise SystemExit(f"{path} has no Noto Sans CJK SC face")
    return TTFont(path)


def _to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines by quadratic glyf outlines (as fontTools' otf2ttf snippet does)."""
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = glyphs
    del font["CFF "]
    for tag in ("VORG", "vhea", "vmtx"):        # vertical metrics: no vertical text here, and they follow CFF
        if tag in font:
            del font[tag]
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0              # no glyph names: 150 kB less, nobody reads them
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].indexToLocFormat = 0


def _rename(font: TTFont) -> None:
    names = font["name"]
    postscript = FAMILY.replace(" ", "") + "-Regular"
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 7):
            names.removeNames(nameID=record.nameID)
    for name_id, text in ((1, FAMILY), (2, "Regular"), (3, f"{postscript};subset of NotoSansCJKsc-Regular 2.004"),
                          (4, f"{FAMILY} Regular"), (6, postscript)):
        names.setName(text, name_id, 3, 1, 0x409)
    names.setName(FAMILY + " is a subset of Noto Sans CJK SC, made for PharmaDesk.", 10, 3, 1, 0x409)
    for record in list(names.names):
        if record.platformID != 3 or record.langID != 0x409:
            names.names.remove(record)


def build(source: Path = SOURCE, target: Path = TARGET) -> Path:
    font = _sc_face(source)
    options = subset.Options()
    options.layout_features = ["kern"]          # no locl/vert: they pull in thousands of JP/KR and vertical forms
    options.name_IDs = ["*"]
    options.name_languages = [0x409]
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(ch) for ch in wanted()])
    subsetter.subset(font)
    _to_truetype(font)
    _rename(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.recalcTimestamp = False                # the same source gives the same bytes (no "modified: now")
    font.save(target)
    TTFont(target).ensureDecompiled()            # fails here, not in the program, if the result is broken
    return target


if __name__ == "__main__":
    built = build(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
    print(built, f"{built.stat().st_size / 1e6:.1f} MB", f"{len(TTFont(built).getBestCmap())} characters")
