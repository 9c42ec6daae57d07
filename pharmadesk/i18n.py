"""The program's languages and fonts without any widget (QtCore/QtGui only): choosing the language, loading
Qt's and PharmaDesk's translators, and the CJK font fallbacks, on any ``QGuiApplication`` (the desktop
program's ``QApplication`` or the CLI's headless one that renders reports)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from pharmadesk.paths import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = ("en", "zh_CN")
# Tried after the platform's UI font, so Chinese renders on Linux, Windows and macOS alike.
CJK_FONT_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                     "WenQuanYi Micro Hei", "SimSun")


def choose_language(setting: str | None, system_name: str | None = None) -> str:
    """The store's ``language`` setting when it is one we ship, else the system locale's (Chinese or English)."""
    if setting in LANGUAGES:
        return setting
    system_name = system_name or QLocale.system().name()
    return "zh_CN" if system_name.startswith("zh") else "en"


def apply_fonts(app: QGuiApplication) -> None:
    """Give the application font a fallback list with CJK families (missing ones are skipped by Qt)."""
    font = app.font()
    first = font.families()[0] if font.families() else font.family()
    font.setFamilies([first] + [family for family in CJK_FONT_FAMILIES if family != first])
    app.setFont(font)


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
