"""The GSP quality records as values, and the pure rules about them (no store, no database).

``store.quality`` (:mod:`pharmadesk.core.quality`) reads and writes these records; this module names the
document kinds, conclusions and slots, checks temperatures against ranges, and decides which maintenance
checks are due. docs/quality.md maps every record to its table, method and signer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

# -- qualifications (首营企业 / 首营品种) --------------------------------------------------------------------

SUPPLIER_DOCUMENTS = ("drug_trading_licence", "business_licence", "gsp_certificate", "sales_authorisation")
PRODUCT_DOCUMENTS = ("product_registration",)
DOCUMENT_KINDS = SUPPLIER_DOCUMENTS + PRODUCT_DOCUMENTS
# A supplier may deliver only with these on file and in force. The GSP certificate is checked when on file:
# China stopped issuing GSP certificates in 2019, so older suppliers have one and newer ones do not.
REQUIRED_SUPPLIER_DOCUMENTS = ("drug_trading_licence", "business_licence", "sales_authorisation")
REQUIRED_PRODUCT_DOCUMENTS = ("product_registration",)

DOCUMENT_LABELS = {
    "drug_trading_licence": QT_TRANSLATE_NOOP("quality", "drug trading licence"),
    "business_licence": QT_TRANSLATE_NOOP("quality", "business licence"),
    "gsp_certificate": QT_TRANSLATE_NOOP("quality", "GSP certificate"),
    "sales_authorisation": QT_TRANSLATE_NOOP("quality", "sales representative's authorisation"),
    "product_registration": QT_TRANSLATE_NOOP("quality", "product approval (first-time product)"),
}
EXPIRING_WINDOW_DAYS = 30

# -- acceptance (验收) ----------------------------------------------------------------------------------

CONCLUSIONS = ("accepted", "refused", "quarantine")
COLD_CHAIN_RANGE = (2.0, 8.0)               # °C a cold-chain item must arrive at to be accepted

# -- storage log (温湿度) -------------------------------------------------------------------------------

SLOTS = ("am", "pm")                         # morning and afternoon readings
AFTERNOON_FROM_HOUR = 12                     # local time: a reading from noon on is the afternoon one
STORAGE_CONDITIONS = ("ambient", "cool", "cold")


@dataclass(frozen=True)
class AreaTemplate:
    """A storage area the GSP names, with its allowed ranges (°C, % relative humidity)."""

    name: str
    condition: str
    temp_min: float
    temp_max: float
    humidity_min: float = 35.0
    humidity_max: float = 75.0


# The GSP's three storage conditions: ambient 10–30 °C, cool ≤ 20 °C, cold 2–8 °C; humidity 35–75 %.
GSP_AREAS = (
    AreaTemplate("常温区", "ambient", 10.0, 30.0),
    AreaTemplate("阴凉区", "cool", 0.0, 20.0),
    AreaTemplate("冷藏柜", "cold", 2.0, 8.0),
)

# -- maintenance (养护) ----------------------------------------------------------------------------------

MAINTENANCE_CONCLUSIONS = ("ok", "bad")
KEY_REASONS = ("cold", "cool", "near_expiry", "ephedrine", "flagged")

# -- quarantine (不合格药品) ------------------------------------------------------------------------------

DISPOSAL_METHODS = ("destroy", "return")
QUARANTINE_STATUSES = ("held", "destroyed", "returned", "released")


# -- records --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Document:
    """A licence or certificate of a supplier or a product; ``days_left`` counts from the day asked about
    (negative: expired; None: no expiry)."""

    id: int
    kind: str
    number: str
    issuer: str
    issued_on: str | None
    expires_on: str | None
    supplier_id: int | None
    product_id: int | None
    subject_name: str
    recorded_at: str
    user_id: int | None
    days_left: int | None


@dataclass(frozen=True)
class QualityApproval:
    """The first-time approval of a supplier (首营企业) or a product (首营品种)."""

    id: int
    supplier_id: int | None
    product_id: int | None
    approved_at: str
    user_id: int
    note: str | None


@dataclass(frozen=True)
class Qualification:
    """Whether a supplier or a product may be received under china_gsp, and why not: ``missing`` and ``expired``
    name document kinds; ``next_expiry`` is the soonest expiry of its current documents."""

    subject: str                 # 'supplier' or 'product'
    subject_id: int
    name: str
    approved: bool
    missing: tuple[str, ...]
    expired: tuple[str, ...]
    next_expiry: str | None

    @property
    def receivable(self) -> bool:
        return self.approved and not self.missing and not self.expired


@dataclass(frozen=True)
class PendingLine:
    """Units of one goods-receipt line (a batch) still awaiting acceptance."""

    receipt_id: int
    batch_id: int
    product_id: int
    product_name: str
    batch_no: str
    expiry: str
    storage_condition: str
    received: int
    pending: int
    received_at: str
    supplier_id: int


@dataclass(frozen=True)
class Acceptance:
    """One acceptance record (验收记录) of a receipt line's units."""

    id: int
    receipt_id: int
    batch_id: int
    product_id: int
    product_name: str
    specification: str | None
    manufacturer: str | None
    batch_no: str
    expiry: str
    supplier_id: int
    quantity: int
    quantity_checked: int
    appearance: str
    arrival_temp_c: float | None
    conclusion: str
    note: str | None
    at: str
    user_id: int
    quarantine_id: int | None


@dataclass(frozen=True)
class QuarantineRecord:
    """Units of a batch held in quarantine, and how they left it."""

    id: int
    batch_id: int
    product_id: int
    product_name: str
    batch_no: str
    expiry: str
    quantity: int
    reason: str
    ref_type: str | None
    ref_id: int | None
    at: str
    user_id: int | None
    status: str
    closed_at: str | None
    closed_by: int | None
    witness1_id: int | None
    witness2_id: int | None
    closing_note: str | None


@dataclass(frozen=True)
class BatchQuality:
    """A batch's units by quality status: ``sellable`` = on hand − pending − quarantine."""

    batch_id: int
    on_hand: int
    pending: int
    quarantine: int
    sellable: int

    @property
    def status(self) -> str:
        """One word for a list: 'pending', 'quarantine', 'released', 'mixed' or 'empty'."""
        parts = [name for name, units in (("pending", self.pending), ("quarantine", self.quarantine),
                                          ("released", self.sellable)) if units]
        return parts[0] if len(parts) == 1 else ("mixed" if parts else "empty")


@dataclass(frozen=True)
class StorageArea:
    id: int
    name: str
    condition: str
    temp_min: float
    temp_max: float
    humidity_min: float
    humidity_max: float
    active: bool


@dataclass(frozen=True)
class StorageReading:
    """One temperature / humidity reading of an area (温湿度记录)."""

    id: int
    area_id: int
    area_name: str
    taken_at: str
    on_date: str
    slot: str
    temperature: float
    humidity: float
    in_range: bool
    corrective_action: str | None
    source: str
    user_id: int | None


@dataclass(frozen=True)
class DueReading:
    """An area's reading not yet taken for a slot of the day; ``overdue`` once the slot has passed."""

    area_id: int
    area_name: str
    on_date: str
    slot: str
    overdue: bool


@dataclass(frozen=True)
class ReadingImport:
    """What a data-logger import saved, and the rows it did not, as (line, message) pairs."""

    saved: int
    skipped: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class MaintenanceItem:
    """A batch due for its maintenance check: key items monthly, ordinary items quarterly."""

    batch_id: int
    product_id: int
    product_name: str
    batch_no: str
    expiry: str
    on_hand: int
    key: bool
    reasons: tuple[str, ...]
    last_checked: str | None


@dataclass(frozen=True)
class MaintenanceCheck:
    """One maintenance record (养护记录) of a batch."""

    id: int
    batch_id: int
    product_id: int
    product_name: str
    batch_no: str
    checked_at: str
    on_date: str
    appearance: str
    packaging: str
    conclusion: str
    action: str | None
    user_id: int | None
    quarantine_id: int | None


@dataclass(frozen=True)
class NearExpiryBatch:
    """A batch expiring within the store's near-expiry window."""

    batch_id: int
    product_id: int
    product_name: str
    specification: str | None
    manufacturer: str | None
    batch_no: str
    expiry: str
    days_left: int
    quantity: int
    cost_value: int


@dataclass(frozen=True)
class NearExpiryMonth:
    """The near-expiry report's group for one expiry month ('YYYY-MM')."""

    month: str
    batches: tuple[NearExpiryBatch, ...]

    @property
    def quantity(self) -> int:
        return sum(batch.quantity for batch in self.batches)

    @property
    def cost_value(self) -> int:
        return sum(batch.cost_value for batch in self.batches)


# -- pure rules -----------------------------------------------------------------------------------------

def measurement(value: object, field: str, low: float, high: float) -> float:
    """A finite number within [low, high], rounded to 0.1 (a thermometer's resolution)."""
    try:
        number = float(str(value).strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or not low <= number <= high:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field} must be a number from {low} to {high}."),
                              field=field, low=low, high=high)
    return round(number, 1)


def within(value: float, low: float, high: float) -> bool:
    return low <= value <= high


def slot_of(moment: datetime) -> tuple[date, str]:
    """The store's local day and slot ('am' before noon, 'pm' from noon) of ``moment``."""
    local = moment.astimezone()
    return local.date(), "pm" if local.hour >= AFTERNOON_FROM_HOUR else "am"


def maintenance_period(on: date, key: bool) -> date:
    """The first day of the period a check on ``on`` counts for: the month for key items, the calendar
    quarter for ordinary ones. A batch is due when it has no check since that day."""
    if key:
        return on.replace(day=1)
    return date(on.year, 3 * ((on.month - 1) // 3) + 1, 1)


def key_reasons(storage_condition: str, contains_ephedrine: bool, flagged: bool, expiry: str, on: date,
                near_expiry_days: int) -> tuple[str, ...]:
    """Why a batch is a key maintenance item (empty: an ordinary item)."""
    reasons = []
    if storage_condition in ("cold", "cool"):
        reasons.append(storage_condition)
    if (date.fromisoformat(expiry) - on).days <= near_expiry_days:
        reasons.append("near_expiry")
    if contains_ephedrine:
        reasons.append("ephedrine")
    if flagged:
        reasons.append("flagged")
    return tuple(reasons)


def clean_text(value: str | None, field: str, limit: int = 200, required: bool = True) -> str | None:
    """Stripped text of at most ``limit`` characters; a required one may not be empty."""
    text = (value or "").strip()
    if not text:
        if required:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Fill in {field}."), field=field)
        return None
    if len(text) > limit:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field} is longer than {limit} characters."),
                              field=field, limit=limit)
    return text
