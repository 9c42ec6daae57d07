"""The shell: navigation showing only what the logged-in role may use, the pages, the status bar
(store, user and role), and the idle auto-lock that keeps the current sale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget,
)

from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.permissions import Action
from pharmadesk.ui.day_close import DayClosePage
from pharmadesk.ui.idle import IdleWatcher, LockScreen
from pharmadesk.ui.till.till_page import TillPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str                      # translated in context "pages"
    action: Action                  # who may see it
    factory: Callable               # factory(store, parent) -> QWidget


ROLE_NAMES = {
    "owner": QT_TRANSLATE_NOOP("roles", "owner"),
    "pharmacist": QT_TRANSLATE_NOOP("roles", "pharmacist"),
    "cashier": QT_TRANSLATE_NOOP("roles", "cashier"),
}

# Only pages that exist are listed; later slices append theirs (members, stock, reports...).
PAGES = (
    PageSpec("till", QT_TRANSLATE_NOOP("pages", "Till"), Action.SELL, TillPage),
    PageSpec("day_close", QT_TRANSLATE_NOOP("pages", "Day close"), Action.DAY_CLOSE, DayClosePage),
)


class MainWindow(QMainWindow):
    """``idle_ms`` overrides the idle-lock interval (default: the store's ``idle_lock_minutes``)."""

    def __init__(self, store, idle_ms: int | None = None, pages=PAGES, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.specs = list(pages)
        self.pages: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("PharmaDesk — {0}").format(store.setting("store_name")))
        self.resize(1280, 800)

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
        self.statusBar().addWidget(self.store_label)
        self.statusBar().addPermanentWidget(self.user_label)

        lock_action = QAction(self.tr("Lock the till"), self)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.triggered.connect(self.lock)
        self.addAction(lock_action)

        if idle_ms is None:
            idle_ms = max(1, store.int_setting("idle_lock_minutes")) * 60_000
        self.idle = IdleWatcher(idle_ms, self)
        self.idle.idle.connect(self.lock)
        self.idle.start(QApplication.instance())
        self.refresh_user()

    # -- navigation -------------------------------------------------------------------------------

    def refresh_user(self) -> None:
        """Rebuild the navigation and status bar for the logged-in user (after login or unlock)."""
        user = self.store.user
        current = self.current_page_key()
        self.nav.blockSignals(True)
        self.nav.clear()
        for index, spec in enumerate(s for s in self.specs if self.store.may(s.action)):
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
        self.store_label.setText(self.store.setting("store_name"))
        self.user_label.setText(self.tr("{0} ({1})").format(user.display_name, self.tr_role(user.role))
                                if user else self.tr("nobody logged in"))

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

    def closeEvent(self, event) -> None:  # noqa: N802
        self.idle.stop(QApplication.instance())
        super().closeEvent(event)
