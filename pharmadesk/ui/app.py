"""Starting the desktop program: QApplication, translation, style, unlocking, login, main window.

    from pharmadesk.ui.app import run
    sys.exit(run(Path(store_dir)))            # a real store
    sys.exit(run(demo_store_dir(), demo=True)) # the demo store, built on first use
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from pharmadesk.db.connection import DB_FILE_NAME
from pharmadesk.errors import PharmaDeskError, StoreLockedError
from pharmadesk.i18n import apply_fonts, choose_language, install_translators
from pharmadesk.paths import RESOURCES
from pharmadesk.ui.common import error_text
from pharmadesk.ui.login import LoginDialog, PassphraseDialog
from pharmadesk.ui.main_window import MainWindow

STYLE_SHEET = RESOURCES / "style" / "pharmadesk.qss"


# -- high DPI, icon, log and crash handling -------------------------------------------------------------

def configure_high_dpi() -> Qt.HighDpiScaleFactorRoundingPolicy:
    """Use the screen's exact scale factor (125 %, 150 %: no rounding to 1x or 2x, so text stays the size the
    user chose). Qt reads this only before the QApplication exists, so call it first; returns the policy."""
    policy = Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    if QGuiApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(policy)
    return QGuiApplication.highDpiScaleFactorRoundingPolicy()


def set_up_application(app: QApplication):
    """Name, icon, the rotating log and the crash handler; returns the crash handler (keep a reference)."""
    from pharmadesk.logs import setup_logging
    from pharmadesk.ui.crash import install_excepthook
    from pharmadesk.ui.icons import app_icon

    app.setApplicationName("PharmaDesk")
    app.setOrganizationName("PharmaDesk")
    app.setDesktopFileName("pharmadesk")         # matches pharmadesk.desktop, so Wayland shows our icon
    app.setWindowIcon(app_icon())
    log_path = setup_logging()
    app.setProperty("logPath", str(log_path))
    return install_excepthook(log_path)


# -- style -------------------------------------------------------------------------------------------------

def load_style(app: QApplication) -> None:
    if STYLE_SHEET.exists():
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))


# -- the demo store, built in a worker thread ----------------------------------------------------------------

class DemoBuilder(QThread):
    """Builds the demo store off the GUI thread; the store is closed again in that thread
    (SQLite connections stay in the thread that made them) and reopened by the caller."""

    progressed = Signal(float, str)
    failed = Signal(str)

    def __init__(self, directory: Path, parent: QObject | None = None, **options) -> None:
        super().__init__(parent)
        self.directory = directory
        self.options = options
        self.error: str | None = None

    def run(self) -> None:
        from pharmadesk.demo.build import build_demo_store

        try:
            store = build_demo_store(self.directory, progress=self._progress, **self.options)
            store.close()
        except Exception as exc:  # shown to the user; the thread must not die silently
            self.error = error_text(exc)
            self.failed.emit(self.error)

    def _progress(self, fraction: float, label: str) -> None:
        self.progressed.emit(float(fraction), str(label))


def build_demo_with_progress(directory: Path, parent=None, **options) -> bool:
    """Build the demo store with a progress dialog; the GUI stays responsive. True on success."""
    dialog = QProgressDialog(QCoreApplication.translate("app", "Building the demo store…"), "", 0, 1000, parent)
    dialog.setWindowTitle(QCoreApplication.translate("app", "PharmaDesk demo"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    builder = DemoBuilder(directory, dialog, **options)

    def on_progress(fraction: float, label: str) -> None:
        dialog.setValue(int(fraction * 1000))
        dialog.setLabelText(label)

    builder.progressed.connect(on_progress)
    builder.finished.connect(dialog.close)
    loop = QEventLoop()
    builder.finished.connect(loop.quit)
    dialog.show()
    builder.start()
    loop.exec()
    builder.wait()
    dialog.close()
    if builder.error:
        QMessageBox.critical(parent, QCoreApplication.translate("app", "PharmaDesk demo"),
                             QCoreApplication.translate("app", "The demo store could not be built:\n{0}")
                             .format(builder.error))
        return False
    return True


# -- unlocking and logging in --------------------------------------------------------------------------------

def open_store(store_dir: Path, passphrase: str | None = None, use_keyring: bool = True):
    """Open the store: keyring (or ``passphrase``) first; otherwise ask for the recovery passphrase."""
    from pharmadesk.core.store import Store

    try:
        return Store.open(store_dir, passphrase=passphrase, use_keyring=use_keyring)
    except StoreLockedError:
        if passphrase is not None:
            raise
    dialog = PassphraseDialog(store_dir, lambda text: Store.open(store_dir, passphrase=text, use_keyring=use_keyring))
    return dialog.store if dialog.exec() == QDialog.DialogCode.Accepted else None


def demo_hint() -> str:
    from pharmadesk.demo.build import DEMO_USERS

    accounts = [f"{username} / {password} (PIN {pin}, {role})"
                for username, (_name, role, password, pin) in DEMO_USERS.items()]
    return QCoreApplication.translate("app", "Demo accounts:") + "\n" + "\n".join(accounts)


def run(store_dir: Path, *, demo: bool = False) -> int:
    """Start the desktop program on the store in ``store_dir``; returns the exit code.

    Without a store there, the first-run wizard makes one (and logs its owner in).

    ``demo=True`` builds the demo store there on first use and opens it with the demo passphrase.
    """
    store_dir = Path(store_dir).expanduser()
    configure_high_dpi()
    app = QApplication.instance() or QApplication(sys.argv)
    app._pharmadesk_crash_handler = set_up_application(app)
    install_translators(app, choose_language(None))
    apply_fonts(app)
    load_style(app)

    from pharmadesk.core.store import Store

    if not demo and not Store.found_in(store_dir):     # a key file without its database is damaged, not new
        store = first_run(store_dir)
        if store is None:
            return 0
        return _run_main_window(app, store)
    passphrase = None
    if demo:
        from pharmadesk.demo.build import DEMO_PASSPHRASE

        passphrase = DEMO_PASSPHRASE
        if not (store_dir / DB_FILE_NAME).exists() and not build_demo_with_progress(store_dir):
            return 1
    try:
        store = open_store(store_dir, passphrase, use_keyring=not demo)
    except PharmaDeskError as exc:
        QMessageBox.critical(None, "PharmaDesk", error_text(exc))
        return 1
    if store is None:
        return 1
    try:
        install_translators(app, choose_language(store.settings.language))
        login = LoginDialog(store, demo_hint() if demo else "")
        if login.exec() != QDialog.DialogCode.Accepted:
            store.close()
            return 0
    except BaseException:
        store.close()
        raise
    return _run_main_window(app, store)


def first_run(store_dir: Path):
    """No store here yet: the first-run wizard creates one. Returns it (owner logged in) or None."""
    from pharmadesk.ui.wizard import FirstRunWizard

    wizard = FirstRunWizard(store_dir)
    wizard.exec()
    return wizard.store              # also set when the owner closed the wizard after the store was made


def _run_main_window(app: QApplication, store) -> int:
    try:
        install_translators(app, choose_language(store.settings.language))
        window = MainWindow(store)
        window.place_on_screen()
        return app.exec()
    finally:
        try:
            store.logout()
        except PharmaDeskError:
            pass
        store.close()
