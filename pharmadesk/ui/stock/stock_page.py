"""The stock page: one tab per subject, each shown only to roles that may use it.

Dialogs of every tab run through this page's :attr:`exec_dialog`, so tests drive them all
by replacing that one attribute (as they do for the till).
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from pharmadesk.core.permissions import Action
from pharmadesk.ui.common import exec_dialog
from pharmadesk.ui.stock.adjust_tab import AdjustTab
from pharmadesk.ui.stock.catalog_tab import CatalogTab
from pharmadesk.ui.stock.expiry_tab import ExpiryTab
from pharmadesk.ui.stock.orders_tab import OrdersTab
from pharmadesk.ui.stock.receipt_tab import ReceiptTab
from pharmadesk.ui.stock.stocktake_tab import StocktakeTab
from pharmadesk.ui.stock.suppliers_tab import SuppliersTab
from pharmadesk.ui.widgets.role_tabs import RoleTabsPage


class StockPage(RoleTabsPage):
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
        self.make_tabs(self.tab_specs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.user_changed()
