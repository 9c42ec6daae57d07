"""Who may do what: the one role × action matrix every use case checks.

The UI reads this matrix to hide what a role cannot use, but the domain is what
refuses: every use case calls :meth:`pharmadesk.core.store.Store.require`.
"""

from __future__ import annotations

from enum import Enum

from pharmadesk.errors import QT_TRANSLATE_NOOP

ROLES = ("owner", "pharmacist", "cashier")


class Action(str, Enum):
    SELL = "sell"
    DISPENSE_RX = "dispense_rx"                # confirm a prescription and hand out Rx / controlled items
    DISCOUNT = "discount"                      # discounts up to the store's threshold
    DISCOUNT_ANY = "discount_any"              # discounts above the threshold
    OVERRIDE_PRICE = "override_price"          # sell at a price other than the catalogue price
    REFUND = "refund"                          # approve a return / refund
    REFUND_IN_CASH = "refund_in_cash"          # pay back a card, WeChat, Alipay, insurance or voucher payment in cash
    DAY_CLOSE = "day_close"
    REGISTER_MEMBER = "register_member"
    EDIT_MEMBER = "edit_member"
    VIEW_MEMBER_FULL = "view_member_full"      # full phone, birth date, health data
    PRIVACY_REQUESTS = "privacy_requests"      # data export, erasure, retention
    MANAGE_CATALOG = "manage_catalog"          # products, suppliers
    CHANGE_PRICES = "change_prices"
    RECEIVE_GOODS = "receive_goods"
    ADJUST_STOCK = "adjust_stock"              # adjustments, write-offs, posting a stocktake
    COUNT_STOCK = "count_stock"                # enter counts on a stocktake sheet
    PURCHASE_ORDERS = "purchase_orders"
    VIEW_REPORTS = "view_reports"
    RUN_ANALYTICS = "run_analytics"
    MANAGE_PROMOTIONS = "manage_promotions"    # create, pause and end promotions; issue, export, restore coupons
    CARE_REMINDERS = "care_reminders"
    RECORD_SERVICE = "record_service"          # take a complaint, an enquiry or feedback at the counter
    HANDLE_SERVICE = "handle_service"          # read and handle service records, follow-up calls, ADR reports
    CORRECT_SERVICE = "correct_service"        # reopen a closed record, correct an account
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    IMPORT_DATA = "import_data"
    BACKUP = "backup"
    EXPORT_HEADOFFICE = "export_headoffice"
    VIEW_AUDIT = "view_audit"
    REVIEW_REGISTERS = "review_registers"      # China GSP: the ephedrine buyers' register and its frequent buyers
    # GSP quality records (issue 15; docs/quality.md): the pharmacist is the quality manager (质量管理人员)
    APPROVE_QUALIFICATIONS = "approve_qualifications"  # record licences, approve first-time suppliers / products
    ACCEPT_GOODS = "accept_goods"              # record the acceptance check (验收) that makes received stock sellable
    LOG_STORAGE = "log_storage"                # temperature / humidity readings: a measurement any staff may take
    MAINTAIN_STOCK = "maintain_stock"          # maintenance checks (养护)
    QUARANTINE_STOCK = "quarantine_stock"      # move suspect stock to quarantine
    DISPOSE_STOCK = "dispose_stock"            # destroy, return or release quarantined stock
    WITNESS_DISPOSAL = "witness_disposal"      # sign as one of the two witnesses of a destruction
    INSPECTION_RECORDS = "inspection_records"  # read the GSP sales record (quantities and prices of every sale)


_CASHIER = {
    Action.SELL,
    Action.REGISTER_MEMBER,
    Action.LOG_STORAGE,
    Action.WITNESS_DISPOSAL,
    Action.RECORD_SERVICE,
}
_PHARMACIST = _CASHIER | {
    Action.DISPENSE_RX,
    Action.DISCOUNT,
    Action.REFUND,
    Action.DAY_CLOSE,
    Action.EDIT_MEMBER,
    Action.VIEW_MEMBER_FULL,
    Action.RECEIVE_GOODS,
    Action.COUNT_STOCK,
    Action.CARE_REMINDERS,
    Action.REVIEW_REGISTERS,
    Action.APPROVE_QUALIFICATIONS,
    Action.ACCEPT_GOODS,
    Action.MAINTAIN_STOCK,
    Action.QUARANTINE_STOCK,
    Action.INSPECTION_RECORDS,
    Action.HANDLE_SERVICE,
}
_OWNER = set(Action)

MATRIX: dict[str, frozenset[Action]] = {
    "cashier": frozenset(_CASHIER),
    "pharmacist": frozenset(_PHARMACIST),
    "owner": frozenset(_OWNER),
}

ACTION_LABELS = {
    Action.SELL: QT_TRANSLATE_NOOP("actions", "sell"),
    Action.DISPENSE_RX: QT_TRANSLATE_NOOP("actions", "dispense prescription items"),
    Action.DISCOUNT: QT_TRANSLATE_NOOP("actions", "give discounts"),
    Action.DISCOUNT_ANY: QT_TRANSLATE_NOOP("actions", "give discounts above the limit"),
    Action.OVERRIDE_PRICE: QT_TRANSLATE_NOOP("actions", "change a price at the till"),
    Action.REFUND: QT_TRANSLATE_NOOP("actions", "approve refunds"),
    Action.REFUND_IN_CASH: QT_TRANSLATE_NOOP("actions", "refund a non-cash payment in cash"),
    Action.DAY_CLOSE: QT_TRANSLATE_NOOP("actions", "close the day"),
    Action.REGISTER_MEMBER: QT_TRANSLATE_NOOP("actions", "register members"),
    Action.EDIT_MEMBER: QT_TRANSLATE_NOOP("actions", "edit members"),
    Action.VIEW_MEMBER_FULL: QT_TRANSLATE_NOOP("actions", "see full member records"),
    Action.PRIVACY_REQUESTS: QT_TRANSLATE_NOOP("actions", "handle privacy requests"),
    Action.MANAGE_CATALOG: QT_TRANSLATE_NOOP("actions", "edit the catalogue"),
    Action.CHANGE_PRICES: QT_TRANSLATE_NOOP("actions", "change prices"),
    Action.RECEIVE_GOODS: QT_TRANSLATE_NOOP("actions", "receive goods"),
    Action.ADJUST_STOCK: QT_TRANSLATE_NOOP("actions", "adjust or write off stock"),
    Action.COUNT_STOCK: QT_TRANSLATE_NOOP("actions", "count stock"),
    Action.PURCHASE_ORDERS: QT_TRANSLATE_NOOP("actions", "manage purchase orders"),
    Action.VIEW_REPORTS: QT_TRANSLATE_NOOP("actions", "see reports"),
    Action.RUN_ANALYTICS: QT_TRANSLATE_NOOP("actions", "run analytics"),
    Action.MANAGE_PROMOTIONS: QT_TRANSLATE_NOOP("actions", "manage promotions and coupons"),
    Action.CARE_REMINDERS: QT_TRANSLATE_NOOP("actions", "handle care reminders"),
    Action.RECORD_SERVICE: QT_TRANSLATE_NOOP("actions", "take complaints and enquiries"),
    Action.HANDLE_SERVICE: QT_TRANSLATE_NOOP("actions", "handle service records and ADR reports"),
    Action.CORRECT_SERVICE: QT_TRANSLATE_NOOP("actions", "reopen or correct service records"),
    Action.MANAGE_USERS: QT_TRANSLATE_NOOP("actions", "manage users"),
    Action.MANAGE_SETTINGS: QT_TRANSLATE_NOOP("actions", "change settings"),
    Action.IMPORT_DATA: QT_TRANSLATE_NOOP("actions", "import data"),
    Action.BACKUP: QT_TRANSLATE_NOOP("actions", "make or restore backups"),
    Action.EXPORT_HEADOFFICE: QT_TRANSLATE_NOOP("actions", "export to head office"),
    Action.VIEW_AUDIT: QT_TRANSLATE_NOOP("actions", "see the audit log"),
    Action.REVIEW_REGISTERS: QT_TRANSLATE_NOOP("actions", "review the ephedrine buyers' register"),
    Action.APPROVE_QUALIFICATIONS: QT_TRANSLATE_NOOP("actions", "approve suppliers and products"),
    Action.ACCEPT_GOODS: QT_TRANSLATE_NOOP("actions", "record the acceptance of goods"),
    Action.LOG_STORAGE: QT_TRANSLATE_NOOP("actions", "log storage temperature and humidity"),
    Action.MAINTAIN_STOCK: QT_TRANSLATE_NOOP("actions", "record maintenance checks"),
    Action.QUARANTINE_STOCK: QT_TRANSLATE_NOOP("actions", "move stock to quarantine"),
    Action.DISPOSE_STOCK: QT_TRANSLATE_NOOP("actions", "dispose of quarantined stock"),
    Action.WITNESS_DISPOSAL: QT_TRANSLATE_NOOP("actions", "witness the destruction of stock"),
    Action.INSPECTION_RECORDS: QT_TRANSLATE_NOOP("actions", "see the records kept for the inspector"),
}


def allowed(role: str, action: Action) -> bool:
    """True when ``role`` may perform ``action``."""
    return action in MATRIX.get(role, frozenset())
