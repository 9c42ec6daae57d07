"""The shell: navigation showing only what the logged-in role may use, the pages, the menus
(settings, lock, F1 help), the status bar (store, user and role, last backup), and the idle
auto-lock that keeps the current sale.

A language change (Settings) arrives as QEvent.LanguageChange: the shell retranslates itself at
once, and the pages are rebuilt in the new language unless the till holds a sale in progress
(then they switch at the next start or language change). A page that retranslates itself (the day
close, whose Z report must not vanish) is kept as it is.

The window asks for at most 1280×720 and opens maximised inside the screen's free area
(:meth:`MainWindow.place_on_screen`); no page may force it larger (tests/ui/test_screen_fit.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget,
)

from pharmadesk.errors import QT_TRANSLATE_NOOP, PharmaDeskError
from pharmadesk.core.permissions import Action
from pharmadesk.ui.backup_task import last_backup_status
from pharmadesk.ui.common import error_text, exec_dialog
from pharmadesk.ui.day_close import DayClosePage
from pharmadesk.ui.help_dialog import ShortcutHelpDialog
from pharmadesk.ui.idle import IdleWatcher, LockScreen
from pharmadesk.ui.members.members_page import MembersPage
from pharmadesk.ui.panes.care_pane import CarePane
from pharmadesk.ui.panes.dashboard_pane import DashboardPane
from pharmadesk.ui.panes.campaigns_pane import CampaignsPane
from pharmadesk.ui.panes.reorder_pane import ReorderPane
from pharmadesk.ui.panes.reports_pane import ReportsPane
from pharmadesk.ui.panes.segments_pane import SegmentsPane
from pharmadesk.ui.panes.value_pane import ValuePane
from pharmadesk.ui.promotions.promotions_page import PromotionsPage
from pharmadesk.ui.quality.quality_page import QualityPage
from pharmadesk.ui.service.service_page import ServicePage
from pharmadesk.ui.stock.stock_page import StockPage
from pharmadesk.ui.till.till_page import TillPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str                      # translated in context "pages"
    action: Action                  # who may see it
    factory: Callable               # factory(store, parent) -> QWidget
    shown: Callable | None = None   # shown(store) -> bool: also needs a store setting (the GSP profile)


ROLE_NAMES = {
    "owner": QT_TRANSLATE_NOOP("roles", "owner"),
    "pharmacist": QT_TRANSLATE_NOOP("roles", "pharmacist"),
    "cashier": QT_TRANSLATE_NOOP("roles", "cashier"),
}

# Only pages that exist are listed; later slices append theirs (members, stock, reports...).
PAGES = (
    PageSpec("till", QT_TRANSLATE_NOOP("pages", "Till"), Action.SELL, TillPage),
    PageSpec("members", QT_TRANSLATE_NOOP("pages", "Members"), Action.REGISTER_MEMBER, MembersPage),
    PageSpec("stock", QT_TRANSLATE_NOOP("pages", "Stock"), Action.RECEIVE_GOODS, StockPage),  # pharmacist, owner
    PageSpec("day_close", QT_TRANSLATE_NOOP("pages", "Day close"), Action.DAY_CLOSE, DayClosePage),
    # Analytics pages compute only when opened, so the till (first) opens at once after login.
    PageSpec("dashboard", QT_TRANSLATE_NOOP("pages", "Dashboard"), Action.VIEW_REPORTS, DashboardPane),  # owner
    PageSpec("reports", QT_TRANSLATE_NOOP("pages", "Reports"), Action.VIEW_REPORTS, ReportsPane),  # owner
    PageSpec("care", QT_TRANSLATE_NOOP("pages", "Care"), Action.CARE_REMINDERS, CarePane),  # pharmacist, owner
    PageSpec("service", QT_TRANSLATE_NOOP("pages", "Service"), Action.HANDLE_SERVICE, ServicePage),  # pharmacist, owner
    PageSpec("reorder", QT_TRANSLATE_NOOP("pages", "Reorder"), Action.RUN_ANALYTICS, ReorderPane),  # owner
    PageSpec("segments", QT_TRANSLATE_NOOP("pages", "Segments"), Action.RUN_ANALYTICS, SegmentsPane),  # owner
    PageSpec("value", QT_TRANSLATE_NOOP("pages", "Member value"), Action.RUN_ANALYTICS, ValuePane),  # owner
    PageSpec("campaigns", QT_TRANSLATE_NOOP("pages", "Campaigns"), Action.RUN_ANALYTICS, CampaignsPane),  # owner
    PageSpec("promotions", QT_TRANSLATE_NOOP("pages", "Promotions"), Action.MANAGE_PROMOTIONS,
             PromotionsPage),  # owner
    PageSpec("quality", QT_TRANSLATE_NOOP("pages", "Quality"), Action.LOG_STORAGE, QualityPage,
             lambda store: store.settings.china_gsp),  # everyone (a cashier logs readings), under china_gsp
)


# The size the window asks for before it knows its screen. Every page must fit a 1280×720 screen with the
# frame and a task bar, so the window's minimum size stays well below it (tests/ui/test_screen_fit.py).
PREFERRED_SIZE = QSize(1280, 720)
FRAME_ALLOWANCE = QMargins(8, 32, 8, 8)       # title bar and borders, before the window manager tells us


def fitted_geometry(available: QRect, preferred: QSize = PREFERRED_SIZE,
                    frame: QMargins = FRAME_ALLOWANCE) -> QRect:
    """The window's client rectangle for a screen whose free area (task bar excluded) is ``available``:
    ``preferred`` or less, so that with its ``frame`` the whole window, status bar included, is on screen."""
    inner = available.marginsRemoved(frame)
    size = preferred.boundedTo(inner.size())
    left = inner.left() + (inner.width() - size.width()) // 2
    top = inner.top() + (inner.height() - size.height()) // 2
    return QRect(left, top, size.width(), size.height())


class MainWindow(QMainWindow):
    """``idle_ms`` overrides the idle-lock interval (default: the store's ``idle_lock_minutes``)."""

    def __init__(self, store, idle_ms: int | None = None, pages=PAGES, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.specs = list(pages)
        self.pages: dict[str, QWidget] = {}
        self.exec_dialog = exec_dialog
        self.resize(PREFERRED_SIZE)                # until place_on_screen() fits it to a real screen

        self.root = QStackedWidget()
        work = QWidget()
        layout = QHBoxLayout(work)
        layout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(180)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.lock_screen = LockScreen(store)
        self.lock_screen.unlocked.connect(self.unlock)
        self.root.addWidget(work)
        self.root.addWidget(self.lock_screen)
        self.setCentralWidget(self.root)
        self.nav.currentItemChanged.connect(self._on_nav)

        self.store_label = QLabel()
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupLabel")
        self.statusBar().addWidget(self.store_label)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.backup_timer = QTimer(self)             # "older than two days" can become true while open
        self.backup_timer.setInterval(10 * 60_000)
        self.backup_timer.timeout.connect(self.refresh_backup_status)
        self.backup_timer.start()
        self.headoffice_runner = None
        self.headoffice_timer = QTimer(self)         # schedule "daily": export once a day while open
        self.headoffice_timer.setInterval(30 * 60_000)
        self.headoffice_timer.timeout.connect(self.run_daily_export)
        self.headoffice_timer.start()

        self.store_menu = self.menuBar().addMenu("")
        self.help_menu = self.menuBar().addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.staff_action = QAction(self)
        self.staff_action.triggered.connect(self.open_staff)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.help_action = QAction(self)
        self.help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.help_action.triggered.connect(self.show_help)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.store_menu.addAction(self.settings_action)
        self.store_menu.addAction(self.staff_action)
        self.store_menu.addAction(self.lock_action)
        self.help_menu.addAction(self.help_action)
        self.help_menu.addAction(self.about_action)
        for action in (self.settings_action, self.lock_action, self.help_action):
            self.addAction(action)          # shortcuts work while the menu bar is hidden or locked out
        self.retranslate_ui()

        if idle_ms is None:
            idle_ms = max(1, store.settings.idle_lock_minutes) * 60_000
        self.idle = IdleWatcher(idle_ms, self)
        self.idle.idle.connect(self.lock)
        self.idle.start(QApplication.instance())
        self.refresh_user()

    def place_on_screen(self, screen=None) -> None:
        """Fit the window inside the free area of ``screen`` (default: its own), then show it maximised, so a
        1366×768 or 1280×720 screen shows the whole window, status bar included; un-maximised it keeps the
        fitted size."""
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(fitted_geometry(screen.availableGeometry()))
        self.showMaximized()

    # -- navigation -------------------------------------------------------------------------------

    def refresh_user(self) -> None:
        """Rebuild the navigation and status bar for the logged-in user (after login or unlock)."""
        user = self.store.user
        current = self.current_page_key()
        self.nav.blockSignals(True)
        self.nav.clear()
        for index, spec in enumerate(s for s in self.specs
                                     if self.store.may(s.action) and (s.shown is None or s.shown(self.store))):
            if spec.key not in self.pages:
                page = spec.factory(self.store, self)
                self.pages[spec.key] = page
                self.stack.addWidget(page)
            item = QListWidgetItem(QCoreApplication.translate("pages", spec.title))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
            if index < 9:
                item.setToolTip(f"Ctrl+{index + 1}")
        self.nav.blockSignals(False)
        for page in self.pages.values():
            if hasattr(page, "user_changed"):
                page.user_changed()
        keys = self.nav_keys()
        self.show_page(current if current in keys else (keys[0] if keys else None))
        self.settings_action.setVisible(self.store.may(Action.MANAGE_SETTINGS))
        self.settings_action.setEnabled(self.store.may(Action.MANAGE_SETTINGS))
        self.staff_action.setVisible(self.store.may(Action.MANAGE_USERS))
        self.staff_action.setEnabled(self.store.may(Action.MANAGE_USERS))
        self.store_label.setText(self.store.settings.store_name)
        self.user_label.setText(self.tr("{0} ({1})").format(user.display_name, self.tr_role(user.role))
                                if user else self.tr("nobody logged in"))
        self.refresh_backup_status()

    def run_daily_export(self) -> bool:
        """Start the head-office export in a worker when the "daily" schedule says one is due."""
        from pharmadesk.ui.headoffice_task import export_runner

        if self.headoffice_runner is not None or not self.store.may(Action.EXPORT_HEADOFFICE):
            return False
        try:
            if not self.store.headoffice.daily_due():
                return False
        except PharmaDeskError:
            return False
        self.headoffice_runner = export_runner(self.store, None, self)
        self.headoffice_runner.failed.connect(
            lambda exc: self.statusBar().showMessage(error_text(exc), 60_000))
        self.headoffice_runner.finished.connect(self._daily_export_finished)
        self.headoffice_runner.start()
        return True

    def _daily_export_finished(self) -> None:
        self.headoffice_runner = None

    def refresh_backup_status(self) -> None:
        """Show the latest backup; "never" or older than two days is shown in the warning colour."""
        text, warn = last_backup_status(self.store)
        self.backup_label.setText(text)
        self.backup_label.setProperty("warning", warn)
        self.backup_label.setStyleSheet("color: #c0392b; font-weight: bold;" if warn else "")

    # -- menus, settings, help, language ----------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("PharmaDesk — {0}").format(self.store.settings.store_name))
        self.store_menu.setTitle(self.tr("&Store"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.staff_action.setText(self.tr("S&taff…"))
        self.lock_action.setText(self.tr("&Lock the till"))
        self.help_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About PharmaDesk"))

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "idle"):   # fully built
            if self.isVisible():
                self.apply_language()
            else:                       # closed or not shown yet: catch up when shown
                self._language_pending = True
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        if getattr(self, "_language_pending", False):
            self.apply_language()
        super().showEvent(event)

    def apply_language(self) -> None:
        self._language_pending = False
        self.retranslate_ui()
        self.rebuild_pages()

    def rebuild_pages(self) -> bool:
        """Make the pages again (in the current language); not while the till holds a sale. A page with its own
        ``retranslate_ui`` is kept: it follows the language itself. True if rebuilt."""
        till = self.pages.get("till")
        if till is not None and till.model.rowCount() > 0:
            self.refresh_user()
            return False
        for key, page in list(self.pages.items()):
            if hasattr(page, "retranslate_ui"):  # retranslates itself in place, keeping what it shows (day close)
                continue
            if hasattr(page, "stop"):          # an analytics pane still computing: its thread must end first
                page.stop()
            self.stack.removeWidget(page)
            page.deleteLater()
            del self.pages[key]
        self.refresh_user()
        return True

    def page_titles(self) -> dict[QWidget, str]:
        titles = {spec.key: QCoreApplication.translate("pages", spec.title) for spec in self.specs}
        return {page: titles[key] for key, page in self.pages.items()}

    def open_staff(self) -> None:
        from pharmadesk.ui.staff_dialog import StaffDialog

        if self.store.may(Action.MANAGE_USERS):
            self.exec_dialog(StaffDialog(self.store, self))

    def open_settings(self) -> None:
        from pharmadesk.ui.settings_dialog import SettingsDialog

        if not self.store.may(Action.MANAGE_SETTINGS):
            return
        idle_minutes = self.store.settings.idle_lock_minutes
        dialog = SettingsDialog(self.store, self)
        dialog.languageChanged.connect(self.change_language)
        dialog.backupFinished.connect(self.refresh_backup_status)
        if self.exec_dialog(dialog):
            if self.store.settings.idle_lock_minutes != idle_minutes:
                self.idle.timer.setInterval(max(1, self.store.settings.idle_lock_minutes) * 60_000)
                self.idle.timer.start()
            self.refresh_user()

    def change_language(self, language: str) -> None:
        from pharmadesk.i18n import install_translators

        install_translators(QApplication.instance(), language)   # sends LanguageChange to every widget

    def show_help(self) -> None:
        self.exec_dialog(ShortcutHelpDialog(self))

    def show_about(self) -> None:
        from pathlib import Path

        from pharmadesk.ui.about_dialog import AboutDialog

        log_path = QApplication.instance().property("logPath")
        self.exec_dialog(AboutDialog(self.store, self, Path(log_path) if log_path else None))

    def tr_role(self, role: str) -> str:
        return QCoreApplication.translate("roles", ROLE_NAMES.get(role, role))

    def nav_keys(self) -> list[str]:
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]

    def current_page_key(self) -> str | None:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_page(self, key: str | None) -> None:
        for i in range(self.nav.count()):
            if self.nav.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(i)
                self.stack.setCurrentWidget(self.pages[key])
                return

    def _on_nav(self, item, _previous=None) -> None:
        if item is not None:
            self.stack.setCurrentWidget(self.pages[item.data(Qt.ItemDataRole.UserRole)])

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier and Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_9:
            index = event.key() - Qt.Key.Key_1
            if index < self.nav.count():
                self.nav.setCurrentRow(index)
                return
        super().keyPressEvent(event)

    @property
    def till(self) -> TillPage | None:
        return self.pages.get("till")

    # -- idle lock ------------------------------------------------------------------------------------

    def is_locked(self) -> bool:
        return self.root.currentWidget() is self.lock_screen

    def lock(self) -> None:
        if self.is_locked():
            return
        self.idle.set_paused(True)
        self.lock_screen.prepare()
        self.root.setCurrentWidget(self.lock_screen)
        self.lock_screen.pin.setFocus()

    def unlock(self) -> None:
        self.root.setCurrentIndex(0)
        self.refresh_user()
        self.idle.set_paused(False)
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus()

    def confirm_close(self, pending: str) -> bool:
        """Ask before closing while the till holds a sale; True closes. Enter and Esc keep the program open."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Close PharmaDesk?"),
                          pending + "\n\n" + self.tr("Close the program anyway?"), parent=self)
        box.setObjectName("closeWarning")
        close = box.addButton(self.tr("&Close anyway"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("&Keep working"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        return box.clickedButton() is close

    def closeEvent(self, event) -> None:  # noqa: N802
        pending = self.till.pending_work() if self.till is not None else ""
        if pending and not self.confirm_close(pending):
            event.ignore()
            return
        self.idle.stop(QApplication.instance())
        for page in self.pages.values():       # child pages get no close event of their own
            if hasattr(page, "stop"):
                page.stop()
        for runner in (self.headoffice_runner,):
            if runner is not None:
                runner.wait(30_000)
        super().closeEvent(event)
