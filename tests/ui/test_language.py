"""Translations (complete, loadable, used by widgets and domain errors), Chinese glyphs really drawn,
the language choice, and the F1 shortcut list generated from the live shortcuts."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QImage, QTextLayout
from PySide6.QtWidgets import QLabel

from pharmadesk.errors import PermissionDenied, QT_TRANSLATE_NOOP
from pharmadesk.i18n import INSTALLED_CJK_FAMILIES, TRANSLATIONS, apply_fonts, choose_language, install_translators
from pharmadesk.ui.common import error_text
from pharmadesk.ui.help_dialog import ShortcutHelpDialog
from pharmadesk.ui.main_window import MainWindow


@pytest.fixture
def chinese(qapp, make_window):
    installed = install_translators(qapp, "zh_CN")
    yield installed
    install_translators(qapp, "xx_XX")           # back to the source language for the other tests


def _messages(language: str):
    root = ET.parse(TRANSLATIONS / f"pharmadesk_{language}.ts").getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_current_message_is_translated(language):
    messages = list(_messages(language))
    assert len(messages) > 500
    untranslated = []
    for context, message in messages:
        translation = message.find("translation")
        if translation.get("type") in ("obsolete", "vanished"):
            continue
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            untranslated.append((context, message.findtext("source")))
    assert untranslated == []


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_compiled_translations_match_their_sources(language, tmp_path):
    """The shipped .qm is what lrelease makes of the .ts today (file times mean nothing after a git clone)."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(lrelease), "-silent", str(TRANSLATIONS / f"pharmadesk_{language}.ts"), "-qm", str(fresh)],
                   check=True)
    assert fresh.read_bytes() == (TRANSLATIONS / f"pharmadesk_{language}.qm").read_bytes()


def test_chinese_translations_keep_their_placeholders():
    import re

    for _context, message in _messages("zh_CN"):
        source, text = message.findtext("source"), message.findtext("translation")
        assert sorted(re.findall(r"\{[^}]*\}", source)) == sorted(re.findall(r"\{[^}]*\}", text)), source
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text) or not any(c.isalpha() for c in source) \
            or source in ("PharmaDesk — {0}", "YYYY-MM-DD", "e.g. /dev/usb/lp0, COM3 or 192.168.1.50:9100") \
            or text.isascii(), source


def test_english_translations_are_the_source_text():
    """The English file only marks every text as translated; a translation that differs (e.g. a neighbour's
    text pasted by a careless edit) would show the wrong words, or break a {0} placeholder, in English."""
    differing = [(context, message.findtext("source")) for context, message in _messages("en")
                 if message.findtext("translation") != message.findtext("source")]
    assert differing == []


def test_domain_markers_are_extracted():
    contexts = {context for context, _m in _messages("zh_CN")}
    assert {"errors", "actions", "roles", "pages", "receipt", "progress", "app", "import"} <= contexts


def test_till_and_domain_errors_in_chinese(make_window, chinese):
    assert len(chinese) >= 1           # installed before the window below is made (fixtures: make_window first)
    window, store, _ = make_window("cashier")
    assert window.till.buttons["F12"].text() == "F12  结账"
    assert window.nav.item(0).text() == "收银台"
    assert window.user_label.text() == "Casey Cashier（收银员）"
    with pytest.raises(PermissionDenied) as caught:
        store.set_setting("receipt_header", "x")
    assert error_text(caught.value) == "您的角色（cashier）无权修改设置。"


def test_language_change_retranslates_the_shell_and_pages(make_window, qapp, qtbot):
    window, store, _ = make_window("owner")
    assert window.till.buttons["F12"].text() == "F12  Pay"
    try:
        window.change_language("zh_CN")
        qtbot.waitUntil(lambda: window.help_menu.title() == "帮助(&H)", timeout=2000)
        assert window.till.buttons["F12"].text() == "F12  结账"       # the pages were rebuilt in Chinese
        assert window.nav.item(window.nav_keys().index("till")).text() == "收银台"
    finally:
        install_translators(qapp, "xx_XX")


def test_a_sale_in_progress_survives_a_language_change(make_window, qapp, qtbot):
    window, store, _ = make_window("owner")
    qtbot.keyClicks(window.till.scan, "4006381333931")
    qtbot.keyClick(window.till.scan, Qt.Key.Key_Return)
    assert window.till.model.rowCount() == 1
    till = window.till
    try:
        window.change_language("zh_CN")
        qtbot.waitUntil(lambda: window.help_menu.title() == "帮助(&H)", timeout=2000)
        assert window.till is till and till.model.rowCount() == 1
    finally:
        install_translators(qapp, "xx_XX")


def test_choose_language():
    assert choose_language("zh_CN", "en_US") == "zh_CN"
    assert choose_language("en", "zh_CN") == "en"
    assert choose_language("", "zh_TW") == "zh_CN"
    assert choose_language(None, "de_DE") == "en"


def _glyph_runs(text: str, font: QFont):
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout.glyphRuns()


def test_chinese_glyphs_are_drawn_not_boxes(qapp):
    from pharmadesk.fonts import CJK_FAMILY

    apply_fonts(qapp)
    font = qapp.font()
    assert font.families()[1] == CJK_FAMILY                     # right after the platform's UI font
    assert CJK_FAMILY in QFontDatabase.families()               # registered from resources/fonts
    runs = _glyph_runs("药房收银台", font)
    families = {run.rawFont().familyName() for run in runs}
    # a CJK font through the family list (the bundled one unless the UI font itself is CJK; tests/test_fonts.py
    # proves it is the bundled one on a machine without CJK fonts)
    assert families & {CJK_FAMILY, *INSTALLED_CJK_FAMILIES}, families
    for run in runs:
        assert all(index != 0 for index in run.glyphIndexes())  # glyph 0 is .notdef, the "tofu" box
        assert all(run.rawFont().supportsCharacter(ch) for ch in "药房收银台")

    def render(text: str) -> QImage:
        label = QLabel(text)
        label.setFont(font)
        label.resize(120, 60)
        image = QImage(label.size(), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        label.render(image)
        return image

    drug, pharmacy, missing = render("药"), render("房"), render("\U000E0FFF")   # the last: unassigned
    assert drug != render("")                                     # something was drawn
    assert drug != missing and drug != pharmacy                   # a real, distinct glyph, not a box


def test_f1_lists_every_till_f_key_and_the_shell_keys(make_window):
    window, _store, _ = make_window("owner")
    dialog = ShortcutHelpDialog(window)
    keys = dialog.keys()
    for key in window.till.buttons:
        assert key in keys
    assert {"F1", "Ctrl+L"} <= set(keys)
    rows = {key: (text, where) for key, text, where in dialog.rows}
    assert rows["F12"] == ("Pay", "Till")
    assert rows["F1"][1] == "Everywhere"
    assert dialog.table.rowCount() == len(dialog.rows)


def test_f1_opens_the_help(make_window, qtbot):
    window, _store, _ = make_window("owner")
    shown = []
    window.exec_dialog = lambda dialog: shown.append(dialog) or False
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert len(shown) == 1 and isinstance(shown[0], ShortcutHelpDialog)


QT_TRANSLATE_NOOP  # re-exported marker used by the domain; imported so a rename breaks this test module


def test_no_translatable_text_hides_inside_an_f_string():
    """lupdate does not read inside f-strings: a tr() there would never reach the translators."""
    import io
    import re
    import tokenize

    hidden = []
    for path in sorted((Path(__file__).parents[2] / "pharmadesk").rglob("*.py")):
        for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
            if token.type == tokenize.STRING and re.match(r"(?i)[rb]*f", token.string) and \
                    re.search(r"\b(tr|translate)\(", token.string):
                hidden.append(f"{path.name}:{token.start[0]}")
    assert hidden == []


def test_every_marked_text_is_a_literal_lupdate_can_read():
    """QT_TRANSLATE_NOOP(context, text) only registers a text written out as a literal."""
    import ast

    bad = []
    for path in sorted((Path(__file__).parents[2] / "pharmadesk").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP" and not all(
                    isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in node.args):
                bad.append(f"{path.name}:{node.lineno}")
    assert bad == []


def test_translations_survive_their_file_being_replaced(qapp, tmp_path, monkeypatch):
    """The .qm is read into memory: an update replacing it under a running program changes nothing."""
    import shutil

    from PySide6.QtCore import QCoreApplication

    from pharmadesk import i18n

    shutil.copy(TRANSLATIONS / "pharmadesk_zh_CN.qm", tmp_path / "pharmadesk_zh_CN.qm")
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    try:
        i18n.install_translators(qapp, "zh_CN")
        assert QCoreApplication.translate("pages", "Reports") == "报表"
        (tmp_path / "pharmadesk_zh_CN.qm").write_bytes(b"\0" * 64)        # the file changes underneath
        assert QCoreApplication.translate("pages", "Reports") == "报表"
        assert i18n.install_translators(qapp, "xx_YY") == []              # an unknown language loads nothing
        assert QCoreApplication.translate("pages", "Reports") == "Reports"
    finally:
        monkeypatch.undo()
        i18n.install_translators(qapp, "en")
