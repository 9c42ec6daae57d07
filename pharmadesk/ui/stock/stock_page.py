"""The stock page: one tab per subject, each shown only to roles that may use it.

Dialogs of every tab run through this page's :attr:`exec_dialog`, so tests drive them all
by replacing that one attribute (as they do for the till).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from pharmadesk.core.permissions import Action
from pharmadesk.ui.common import exec_dialog
from pharmadesk.ui.stock.adjust_tab import AdjustTab
from pharmadesk.ui.stock.catalog_tab import CatalogTab
from pharmadesk.ui.stock.expiry_tab import ExpiryTab
from pharmadesk.ui.stock.orders_tab import OrdersTab
from pharmadesk.ui.stock.receipt_tab import ReceiptTab
from pharmadesk.ui.stock.stocktake_tab import StocktakeTab
from pharmadesk.ui.stock.suppliers_tab import SuppliersTab


class StockPage(QWidget):
    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.exec_dialog = exec_dialog
        self.catalog = CatalogTab(store)
        self.receipt = ReceiptTab(store)
        self.adjust = AdjustTab(store)
        self.stocktake = StocktakeTab(store)
        self.expiry = ExpiryTab(store)
        self.suppliers = SuppliersTab(store)
        self.orders = OrdersTab(store)
        # (tab, title, who may see it); None: everyone who sees the stock page
        self.tab_specs = (
            (self.catalog, self.tr("Products"), None),
            (self.receipt, self.tr("Goods receipt"), Action.RECEIVE_GOODS),
            (self.adjust, self.tr("Adjustments"), Action.ADJUST_STOCK),
            (self.stocktake, self.tr("Stocktake"), Action.COUNT_STOCK),
            (self.expiry, self.tr("Expiry"), None),
            (self.suppliers, self.tr("Suppliers"), None),
            (self.orders, self.tr("Purchase orders"), Action.PURCHASE_ORDERS),
        )
        self.tabs = QTabWidget()
        for tab, title, _action in self.tab_specs:
            tab.exec_dialog = lambda dialog: self.exec_dialog(dialog)
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.user_changed()

    def user_changed(self) -> None:
        if self.store.user is None:
            return
        for tab, _title, action in self.tab_specs:
            self.tabs.setTabVisible(self.tabs.indexOf(tab), action is None or self.store.may(action))
            if hasattr(tab, "user_changed"):
                tab.user_changed()
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
        if tab is not None and self.store.user is not None and hasattr(tab, "refresh"):
            tab.refresh()
