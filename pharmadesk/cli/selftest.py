"""``pharmadesk --self-test``: is this installation whole? Run after installing or building the bundle.

First asks the loader whether Qt's system libraries are here (a missing one is named with the package that
brings it, instead of Qt aborting). Starts Qt (``QT_QPA_PLATFORM`` is respected; on Linux with no display it
runs ``offscreen``), builds a tiny
demo store in a temporary folder, opens it, logs in as the demo owner, shows the main window and
checks the parts a frozen build tends to lose: SQLCipher, the migrations, the translations, the
style sheet, the Qt plugins, a sale through the domain and the audit chain. Prints one line per
check ("ok", "warn" for what works but should be fixed, "FAIL") and returns 0 when no check failed, else 1.
Nothing outside the temporary folder is touched
(the keyring is not used).
"""

from __future__ import annotations

import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable

from pharmadesk import qt_platform

TINY_KDF = {"time_cost": 1, "memory_cost": 8192, "parallelism": 1}


class Warn(Exception):
    """Raised by a check that passed but found something to fix (printed as "warn", not a failure)."""


class SelfTest:
    def __init__(self, out=None) -> None:
        self.out = out or sys.stdout
        self.failures: list[str] = []
        self.warnings: list[str] = []

    def check(self, name: str, func: Callable[[], str | None]) -> object:
        """Run one check; ``func`` returns a short detail for the report or raises on failure."""
        try:
            detail = func()
        except Warn as warning:
            self.warnings.append(name)
            print(f"warn  {name}: {warning}", file=self.out)
            return str(warning)
        except Exception as exc:  # every failure is reported, the remaining checks still run
            self.failures.append(name)
            print(f"FAIL  {name}: {type(exc).__name__}: {exc}", file=self.out)
            for line in traceback.format_exc().rstrip().splitlines()[-4:]:
                print(f"      {line}", file=self.out)
            return None
        print(f"ok    {name}" + (f": {detail}" if detail else ""), file=self.out)
        return detail


def run_self_test(out=None) -> int:
    out = out or sys.stdout
    started = time.monotonic()
    test = SelfTest(out)
    from pharmadesk import __version__

    frozen = " (frozen bundle)" if getattr(sys, "frozen", False) else ""
    print(f"PharmaDesk {__version__} self-test{frozen}, Python {sys.version.split()[0]} on {sys.platform}", file=out)
    if qt_platform.use_offscreen_without_display():
        print("note  no display (DISPLAY and WAYLAND_DISPLAY are not set): Qt runs offscreen", file=out)
    problem = qt_platform.platform_problem(window=False)
    test.check("Qt system libraries", lambda: _qt_libraries(problem))
    if problem is not None:
        print(problem.message(), file=out)
    with tempfile.TemporaryDirectory(prefix="pharmadesk-selftest-") as tmp:
        try:
            if not test.failures:               # without its libraries Qt would abort the whole process
                _run_checks(test, Path(tmp))
        except Exception as exc:  # a check that could not even start
            test.failures.append("self-test")
            print(f"FAIL  self-test stopped: {type(exc).__name__}: {exc}", file=out)
            traceback.print_exc(file=out)
    seconds = time.monotonic() - started
    if test.failures:
        print(f"Self-test FAILED ({len(test.failures)}: {', '.join(test.failures)}) in {seconds:.1f} s", file=out)
        return 1
    warned = f" with {len(test.warnings)} warning(s): {', '.join(test.warnings)}" if test.warnings else ""
    print(f"Self-test passed{warned} in {seconds:.1f} s", file=out)
    return 0


def _qt_libraries(problem) -> str:
    """The loader finds every system library Qt's platform plugin needs (asked before Qt is imported)."""
    if problem is not None:
        raise RuntimeError(f"missing {', '.join(problem.missing)}")
    return f"none missing for the {qt_platform.chosen_platform()!r} platform plugin"


KEYRING_ADVICE = {
    "linux": "install a Secret Service keyring (Debian/Ubuntu: sudo apt-get install gnome-keyring, on KDE too) and "
             "log in to the desktop again; keyrings.alt is not recommended (it keeps the key in a file on this "
             "disk, plain or behind one more password typed at every start)",
    "win32": "Windows Credential Manager should always be there: check that the user profile is not a temporary one",
    "darwin": "the macOS Keychain should always be there: check that the login keychain is unlocked",
}


def keyring_backend() -> str:
    """The keyring backend the program would use; a warning when there is none (the program then asks for the
    recovery passphrase at every start)."""
    import keyring

    from pharmadesk.db.keys import keyring_available

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if not keyring_available():
        advice = KEYRING_ADVICE.get(sys.platform, KEYRING_ADVICE["linux"])
        raise Warn(f"no usable keyring ({name}): the recovery passphrase will be asked at every start; {advice}")
    return f"{name} (not used here)"


def _run_checks(test: SelfTest, tmp: Path) -> None:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QGuiApplication, QImageReader
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "pharmadesk"])
    app.setApplicationName("PharmaDesk")
    app.setOrganizationName("PharmaDesk")

    from pharmadesk import i18n
    from pharmadesk.paths import RESOURCES
    from pharmadesk.ui import app as ui_app

    def platform_plugin():
        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
        found = sorted(p.name for p in (plugins / "platforms").glob("*")) if (plugins / "platforms").is_dir() else []
        if not QGuiApplication.platformName():
            raise RuntimeError("no Qt platform plugin loaded")
        return f"platform {QGuiApplication.platformName()!r}, Qt plugins in {plugins} ({len(found)} platform plugins)"

    def image_formats():
        formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
        missing = {"png", "svg", "ico"} - formats
        if missing:
            raise RuntimeError(f"image formats missing: {', '.join(sorted(missing))}")
        return ", ".join(sorted(formats & {"png", "svg", "ico", "jpeg"}))

    def print_support():
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp / "print-test.pdf"))
        return "QtPrintSupport loads, PDF printer ready"

    def resources():
        if not RESOURCES.is_dir():
            raise RuntimeError(f"resources folder missing: {RESOURCES}")
        return str(RESOURCES)

    def style_sheet():
        if not ui_app.STYLE_SHEET.exists():
            raise RuntimeError(f"style sheet missing: {ui_app.STYLE_SHEET}")
        ui_app.load_style(app)
        if not app.styleSheet().strip():
            raise RuntimeError("style sheet is empty")
        return f"{len(app.styleSheet()):,} characters"

    def translations():
        installed = i18n.install_translators(app, "zh_CN")
        if not installed:
            raise RuntimeError(f"no translation loaded from {i18n.TRANSLATIONS}")
        names = [t.filePath() and Path(t.filePath()).name or t.objectName() or t.language() for t in installed]
        i18n.install_translators(app, "en")
        return f"zh_CN: {', '.join(names)}"

    def cjk_font():
        from PySide6.QtGui import QRawFont

        from pharmadesk.fonts import CJK_FONT_FILE, matplotlib_families

        family = i18n.register_bundled_font()
        if not QRawFont(str(CJK_FONT_FILE), 12).supportsCharacter("药"):
            raise RuntimeError(f"{CJK_FONT_FILE} has no Chinese characters")
        matplotlib_families()
        return f"{family} ({CJK_FONT_FILE.name}, {CJK_FONT_FILE.stat().st_size / 1e6:.1f} MB) in Qt and matplotlib"

    for name, func in (("Qt platform plugin", platform_plugin), ("Qt image formats", image_formats),
                       ("Qt print support", print_support), ("resources", resources),
                       ("style sheet", style_sheet), ("translations", translations), ("CJK font", cjk_font)):
        test.check(name, func)

    test.check("keyring", keyring_backend)

    # -- the store ----------------------------------------------------------------------------------
    from pharmadesk.demo.build import DEMO_PASSPHRASE, DEMO_USERS, build_demo_store
    from pharmadesk.core.store import Store

    store_dir = tmp / "store"

    def build():
        t0 = time.monotonic()
        build_demo_store(store_dir, members=50, years=0.1, kdf=TINY_KDF).close()
        return f"tiny demo store built in {time.monotonic() - t0:.1f} s"

    if test.check("demo store", build) is None:
        return
    state: dict = {}

    def open_store():
        store = Store.open(store_dir, passphrase=DEMO_PASSPHRASE, use_keyring=False)
        state["store"] = store
        _name, _role, password, _pin = DEMO_USERS["owner"]
        store.login("owner", password)
        version = store.db.scalar("PRAGMA user_version")
        return f"opened, owner logged in, schema version {version}"

    if test.check("open and log in", open_store) is None:
        return
    store = state["store"]
    try:
        def sqlcipher():
            version = store.db.scalar("PRAGMA cipher_version")
            if not version:
                raise RuntimeError("PRAGMA cipher_version is empty: this is plain SQLite, not SQLCipher")
            return f"SQLCipher {version}"

        def main_window():
            from pharmadesk.ui.main_window import MainWindow

            window = MainWindow(store)
            state["window"] = window
            window.show()
            for _ in range(5):
                app.processEvents()
            if not window.isVisible():
                raise RuntimeError("the main window did not show")
            return f"shown ({window.width()}x{window.height()})"

        def sale():
            from pharmadesk.core.sales import CartLine, Payment

            product = _sellable_product(store)
            result = store.sales.sell([CartLine(product.id, 1)],
                                      [Payment("cash", product.price, tendered=product.price)])
            return f"receipt {result.receipt_no}, 1 x {product.name}"

        def audit():
            problems = store.audit.verify()
            if problems:
                raise RuntimeError(f"{len(problems)} problem(s), first: entry {problems[0].entry_id}: "
                                   f"{problems[0].reason}")
            return f"{store.db.scalar('SELECT count(*) FROM audit_log')} entries, MAC chain, triggers and anchors verified"

        for name, func in (("SQLCipher", sqlcipher), ("main window", main_window), ("sale", sale),
                           ("audit log", audit)):
            test.check(name, func)
    finally:
        window = state.get("window")
        if window is not None:
            window.close()
            window.deleteLater()
            app.processEvents()
        try:
            store.logout()
        finally:
            store.close()


def _sellable_product(store):
    """The first over-the-counter product with sellable stock on hand."""
    for (product_id,) in store.db.execute(
            "SELECT id FROM products WHERE active = 1 AND legal_class = 'otc' ORDER BY id").fetchall():
        if store.stock.on_hand(product_id, sellable_only=True) > 0:
            return store.catalog.get(product_id)
    raise RuntimeError("the demo store has no over-the-counter product in stock")
