"""The program's languages and fonts without any widget (QtCore/QtGui only): choosing the language, loading
Qt's and PharmaDesk's translators, and the fonts: the CJK font PharmaDesk carries (:mod:`pharmadesk.fonts`)
registered with Qt and put in the application font's family list, on any ``QGuiApplication`` (the desktop
program's ``QApplication`` or the CLI's headless one that renders reports)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from pharmadesk.fonts import CJK_FAMILY, CJK_FONT_FILE
from pharmadesk.paths import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = ("en", "zh_CN")
# Installed CJK fonts, tried after the bundled one for the rare characters it lacks (outside GB2312).
INSTALLED_CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                          "WenQuanYi Micro Hei", "SimSun")


def choose_language(setting: str | None, system_name: str | None = None) -> str:
    """The store's ``language`` setting when it is one we ship, else the system locale's (Chinese or English)."""
    if setting in LANGUAGES:
        return setting
    system_name = system_name or QLocale.system().name()
    return "zh_CN" if system_name.startswith("zh") else "en"


_registered: str | None = None        # the bundled font's family once Qt has it


def register_bundled_font() -> str:
    """Add the bundled CJK font to Qt's font database (once per process; needs a ``QGuiApplication``) and
    return its family name. Raises ``RuntimeError`` if Qt cannot read the file (a broken installation)."""
    global _registered
    if _registered is None:
        font_id = QFontDatabase.addApplicationFont(str(CJK_FONT_FILE))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if CJK_FAMILY not in families:
            raise RuntimeError(f"Qt could not load the bundled font {CJK_FONT_FILE}")
        _registered = CJK_FAMILY
    return _registered


def with_cjk_fallbacks(font: QFont) -> QFont:
    """``font`` with the bundled CJK font (then installed CJK fonts) after its own family, so Chinese text
    drawn in it never shows boxes; the Latin text keeps the platform's UI font."""
    try:
        fallbacks = [register_bundled_font(), *INSTALLED_CJK_FAMILIES]
    except RuntimeError:                 # a damaged installation: the self-test says so; installed fonts may do
        logging.getLogger(__name__).warning("the bundled CJK font did not load from %s", CJK_FONT_FILE)
        fallbacks = list(INSTALLED_CJK_FAMILIES)
    font = QFont(font)
    first = font.families()[0] if font.families() else font.family()
    font.setFamilies([first] + [family for family in fallbacks if family != first])
    return font


def apply_fonts(app: QGuiApplication) -> None:
    """Make the application font (every widget's, and every document's default) carry the CJK fallbacks."""
    app.setFont(with_cjk_fallbacks(app.font()))


def document_font() -> QFont:
    """The default font of the printed documents (reports, X/Z report, purchase orders): the application's
    font with the CJK fallbacks, even where :func:`apply_fonts` was not called."""
    return with_cjk_fallbacks(QGuiApplication.font())


def install_translators(app: QGuiApplication, language: str) -> list[QTranslator]:
    """Load Qt's own and PharmaDesk's translations for ``language`` (e.g. "zh_CN") in place of the ones
    installed before; missing files are skipped."""
    for old in getattr(app, "_pharmadesk_translators", []):
        app.removeTranslator(old)
    installed = []
    locale = QLocale(language)
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    ours = _our_translator(app, language)
    if ours is not None:
        app.installTranslator(ours)
        installed.append(ours)
    app._pharmadesk_translators = installed
    return installed


def _our_translator(app: QGuiApplication, language: str) -> QTranslator | None:
    """PharmaDesk's translations for ``language`` (or its base language), read into memory: a translator
    loaded from a file reads it in place, so replacing the file while the program runs (an update) would crash
    the next lookup."""
    for name in dict.fromkeys((language, language.split("_")[0])):
        path = TRANSLATIONS / f"pharmadesk_{name}.qm"
        if path.is_file():
            translator = QTranslator(app)
            data = path.read_bytes()
            if translator.load(data):
                translator.qm_data = data           # Qt does not copy it: it must live as long as the translator
                translator.setObjectName(path.name)  # where it came from (the self-test names it)
                return translator
    return None


_LANGUAGE_TRANSLATORS: dict[str, QTranslator | None] = {}


def translate_in(language: str | None):
    """``translate(context, text)`` in ``language`` whatever language the program runs in: the care worklist
    shows each member's call script in the member's language (see :func:`pharmadesk.wording.render`).
    English, or a language we do not ship, gives the source text."""
    if language not in LANGUAGES or language == "en":
        return lambda context, text: text
    if language not in _LANGUAGE_TRANSLATORS:
        _LANGUAGE_TRANSLATORS[language] = _our_translator(QGuiApplication.instance(), language)
    translator = _LANGUAGE_TRANSLATORS[language]
    if translator is None:
        return lambda context, text: text
    return lambda context, text: translator.translate(context, text) or text
