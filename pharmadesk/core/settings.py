"""The store's settings as one typed object: each setting's type, default, range or choices and meaning.

Values live as text in the ``settings`` table; :func:`read_settings` reads them into a :class:`StoreSettings`
and :func:`parse_setting` checks a new value against its field's spec before ``Store.set_setting`` saves it.
Each field's ``metadata`` holds its ``doc`` and either its ``range`` (whole numbers) or its ``choices``.
The store's id is kept in the same table but is not a setting: it names the store, comes with its
key file and never changes, so it stays ``Store.store_id``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pharmadesk.core.catalog import whole_number
from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

if TYPE_CHECKING:
    from pharmadesk.db.connection import Database


def _text(default: str, doc: str):
    return field(default=default, metadata={"doc": doc})


def _int(default: int, low: int, high: int, doc: str):
    return field(default=default, metadata={"doc": doc, "range": (low, high)})


def _choice(default: str, choices: tuple[str, ...], doc: str):
    return field(default=default, metadata={"doc": doc, "choices": choices})


@dataclass(frozen=True)
class StoreSettings:
    """The current value of every store setting; read it with ``store.settings``, change it with ``set_setting``."""

    store_name: str = _text("PharmaDesk pharmacy", "Name on the receipt, the reports and the window title.")
    store_address: str = _text("", "Shown on the receipt and in reports; set by the first-run wizard.")
    currency: str = _text("CNY", "Currency code of every amount.")
    points_per_currency_unit: int = _int(1, 0, 1000, "Loyalty points earned per whole currency unit paid.")
    point_value_minor: int = _int(1, 0, 10000, "Minor units one point is worth when redeemed.")
    discount_threshold_pct: int = _int(10, 0, 100, "Above this a discount needs the owner (and is audited).")
    near_expiry_days: int = _int(90, 1, 730, "Batches expiring within this many days count as near expiry.")
    idle_lock_minutes: int = _int(5, 1, 240, "The screen locks after this many idle minutes.")
    receipt_header: str = _text("", "Extra lines printed at the top of the receipt.")
    language: str = _choice("en", ("en", "zh_CN"), "Language of the program's text.")
    backup_dir: str = _text("", "Folder for the automatic backup at day close (empty: none).")
    printer_name: str = _text("", "System printer for receipts (empty: ask each time).")
    escpos_target: str = _text("", "ESC/POS receipt printer: a device/file path or host:port (empty: none).")
    return_window_days: int = _int(30, 0, 3650, "Receipts a cashier may look up (for a return) go back this many days; "
                                                "pharmacists and the owner may look up any.")
    retention_years: int = _int(0, 0, 100, "Erase members with no purchase or registration for this many years "
                                           "(0: never).")
    headoffice_dir: str = _text("", "Folder for head-office bundles (empty: none).")
    headoffice_schedule: str = _choice("off", ("off", "day_close", "daily"), "When to export for head office.")
    tier_silver_spend: int = _int(100_000, 0, 10**10, "A member who spent this much (minor units, net of returns) "
                                                     "in the last 365 days is a silver member.")
    tier_gold_spend: int = _int(300_000, 0, 10**10, "A member who spent this much (minor units, net of returns) "
                                                   "in the last 365 days is a gold member.")
    complaint_close_days: int = _int(7, 1, 90, "A complaint must be closed within this many days of being taken; "
                                               "later it shows as overdue on the owner's dashboard.")
    complaint_follow_up_days: int = _int(3, 0, 90, "Days after a complaint is closed that the member is called back "
                                                   "(with care consent).")
    follow_up_after_days: int = _int(7, 1, 90, "Days after the first purchase of a maintenance medicine that the "
                                               "member is called (回访, with care consent).")
    regulatory_profile: str = _choice("none", ("none", "china_gsp"),
                                      "The rules of the country the store sells in: 'china_gsp' turns on the GSP "
                                      "quality records and the counter controls of a Chinese retail pharmacy.")

    service_level_chronic_pct: int = _int(98, 50, 99, "Reorder target: % of review cycles without a stock-out for "
                                                     "chronic (Rx maintenance) medicines.")
    service_level_acute_pct: int = _int(95, 50, 99, "Reorder target cycle service level (%) for acute medicines.")
    service_level_otc_pct: int = _int(95, 50, 99, "Reorder target cycle service level (%) for OTC medicines.")
    service_level_supplement_pct: int = _int(95, 50, 99, "Reorder target cycle service level (%) for supplements.")
    service_level_mother_baby_pct: int = _int(95, 50, 99, "Reorder target cycle service level (%) for mother & "
                                                         "baby goods.")
    service_level_personal_care_pct: int = _int(95, 50, 99, "Reorder target cycle service level (%) for personal "
                                                           "care goods.")
    service_level_device_pct: int = _int(95, 50, 99, "Reorder target cycle service level (%) for devices.")
    trace_required_at_sale: int = _int(1, 0, 1, "China GSP: a medicine whose stock has traceability codes on file "
                                                "sells only with each pack's code scanned (1) or also without (0).")
    trace_sell_uncoded_stock: int = _int(0, 0, 1, "China GSP: stock received before code scanning was required (no "
                                                  "codes on file) may be sold with its code captured at the sale (1).")
    ephedrine_max_packs: int = _int(2, 1, 20, "China GSP: most minimum packs of ephedrine-containing preparations "
                                              "one sale may hold.")
    ephedrine_review_times: int = _int(2, 1, 100, "China GSP: a buyer with more ephedrine purchases than this "
                                                  "within ephedrine_review_days is listed for the pharmacist.")
    ephedrine_review_days: int = _int(30, 1, 365, "China GSP: the window of the ephedrine frequent-buyer list.")
    ephedrine_retention_years: int = _int(2, 1, 30, "China GSP: years an ephedrine buyer's ID and name are kept; "
                                                    "then they are erased (the sale line stays).")

    rx_single_pharmacist: int = _int(0, 0, 1, "China GSP: with one pharmacist on duty, the same pharmacist may "
                                              "sign both the review and the check of a prescription, with a reason (1).")

    @property
    def china_gsp(self) -> bool:
        """Whether the Chinese GSP quality records and counter controls apply."""
        return self.regulatory_profile == "china_gsp"

    def service_levels(self) -> dict[str, float]:
        """The reorder target cycle service level (a fraction) per product category (``service_level_<category>_pct``)."""
        prefix, suffix = "service_level_", "_pct"
        return {name[len(prefix):-len(suffix)]: getattr(self, name) / 100 for name in FIELDS
                if name.startswith(prefix) and name.endswith(suffix)}

    def text(self, name: str) -> str:
        """``name``'s value as the settings table and the forms hold it."""
        return str(getattr(self, name))


FIELDS = {f.name: f for f in dataclasses.fields(StoreSettings)}
_READ = f"SELECT key, value FROM settings WHERE key IN ({', '.join('?' * len(FIELDS))})"


def default_values() -> dict[str, str]:
    """Every setting's default as text, the rows a new store starts with."""
    initial = StoreSettings()
    return {name: initial.text(name) for name in FIELDS}


def read_settings(db: "Database") -> StoreSettings:
    """The settings in ``db`` now; a missing one takes its default. Other rows of the table (keys) are not read."""
    rows = db.execute(_READ, tuple(FIELDS)).fetchall()
    return StoreSettings(**{name: int(value) if "range" in FIELDS[name].metadata else value for name, value in rows})


def parse_setting(name: str, value: object) -> str:
    """Check ``value`` for setting ``name`` and return it as stored text; :class:`ValidationError` if it does not fit."""
    spec = FIELDS.get(name)
    if spec is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown setting."))
    if "range" in spec.metadata:    # a non-number here would stop every sale at the till
        return str(whole_number(value, name.replace("_", " "), *spec.metadata["range"]))
    if "choices" in spec.metadata and value not in spec.metadata["choices"]:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "That value is not one of the choices."))
    return str(value)
