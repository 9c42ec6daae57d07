"""A page made of tabs, each shown only to the roles that may use it (the stock page, the Quality page).

The page lists ``(tab, title, action)``; ``action`` None means everyone who sees the page. Every tab's dialogs
run through the page's ``exec_dialog`` (tests replace that one attribute), and the current tab refreshes when it
is chosen, when the page is shown and when the user changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget


class RoleTabsPage(QWidget):
    """Subclasses set ``store`` and ``exec_dialog``, then call :meth:`make_tabs` and lay out ``self.tabs``.
    ``refresh_when_hidden`` False: a hidden page's tab waits for the page to be shown before it reads."""

    refresh_when_hidden = True

    def make_tabs(self, specs) -> QTabWidget:
        self.tab_specs = tuple(specs)
        self.tabs = QTabWidget()
        for tab, title, _action in self.tab_specs:
            tab.exec_dialog = lambda dialog: self.exec_dialog(dialog)
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        return self.tabs

    def user_changed(self) -> None:
        if self.store.user is None:
            return
        for tab, _title, action in self.tab_specs:
            self.tabs.setTabVisible(self.tabs.indexOf(tab), action is None or self.store.may(action))
            if hasattr(tab, "user_changed"):
                tab.user_changed()
        if not self.tabs.isTabVisible(self.tabs.currentIndex()) and self.visible_tabs():
            self.tabs.setCurrentWidget(self.visible_tabs()[0])
        self._refresh_current()

    def visible_tabs(self) -> list[QWidget]:
        return [tab for tab, _t, _a in self.tab_specs if self.tabs.isTabVisible(self.tabs.indexOf(tab))]

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)
        tab.refresh()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._refresh_current()

    def _refresh_current(self) -> None:
        tab = self.tabs.currentWidget()
        if (tab is not None and self.store.user is not None and hasattr(tab, "refresh")
                and (self.refresh_when_hidden or self.isVisible())):
            tab.refresh()
