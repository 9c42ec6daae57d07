"""Products and suppliers: the catalogue the till sells from and the stock is kept against."""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Iterable

from pharmadesk.db.connection import DatabaseError
from pharmadesk.db.migrate import register_step
from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from pharmadesk.core import product_search
from pharmadesk.core.approval_numbers import kind_of, validate_approval_number
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import to_iso

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

# Migration 0009 fills pinyin initials and search terms of the products a store already has.
register_step("product_search", product_search.index_all)

CATEGORIES = ("chronic", "acute", "otc", "supplement", "mother_baby", "personal_care", "device")
LEGAL_CLASSES = ("otc", "rx", "controlled")
_INTERNAL_CODE = re.compile(r"^[A-Za-z0-9-]{3,32}$")
_ATC = re.compile(r"^[A-Z]\d{2}[A-Z]{0,2}\d{0,2}$")

PRODUCT_FIELDS = (
    "barcode", "name", "generic_name", "strength", "form", "atc_code", "category", "legal_class", "pack_size",
    "price", "vat_rate_bp", "days_supply", "supplier_id", "order_multiple", "min_order_qty", "active",
    "manufacturer", "authorisation_holder", "approval_number", "specification", "otc_class", "storage_condition",
    "insurance_code", "contains_ephedrine", "split_units", "split_unit_name", "split_unit_price",
)
# What China GSP does not treat as a medicine: devices, personal care, supplements (health food) and mother & baby
# goods (infant formula, diapers; a medicine for babies belongs in a medicine category).
NON_MEDICINE_CATEGORIES = ("device", "personal_care", "supplement", "mother_baby")
STORAGE_CONDITIONS = ("ambient", "cool", "cold")     # 常温, 阴凉 (≤ 20 °C), 冷藏 (2–8 °C)
OTC_CLASSES = ("a", "b")                             # 甲类 (sold under a pharmacist), 乙类
SALES_RANK_DAYS = 90    # the type-ahead puts what sold most in this many days first


@dataclass(frozen=True)
class Product:
    id: int
    barcode: str
    name: str
    generic_name: str | None
    strength: str | None
    form: str | None
    atc_code: str | None
    category: str
    legal_class: str
    pack_size: int
    price: int
    vat_rate_bp: int
    days_supply: int | None
    supplier_id: int | None
    order_multiple: int
    min_order_qty: int
    active: int
    manufacturer: str | None = None
    authorisation_holder: str | None = None  # 上市许可持有人
    approval_number: str | None = None      # 批准文号 or device registration number (core.approval_numbers)
    specification: str | None = None        # 规格, e.g. "0.3g×24粒"
    otc_class: str | None = None            # OTC_CLASSES, only for legal_class "otc"
    storage_condition: str = "ambient"      # STORAGE_CONDITIONS
    insurance_code: str | None = None       # 医保编码
    contains_ephedrine: int = 0             # 含麻黄碱: the counter's ID and quantity rules apply
    split_units: int | None = None          # 拆零: units in one pack when the pack may be opened and sold by the unit
    split_unit_name: str | None = None      # e.g. "片"
    split_unit_price: int | None = None     # price of one unit, minor units
    pinyin_initials: str | None = None      # derived from the name (product_search.pinyin_initials), never typed

    @property
    def needs_prescription(self) -> bool:
        return self.legal_class in ("rx", "controlled")


_PRODUCT_COLUMNS = "id, " + ", ".join(PRODUCT_FIELDS) + ", pinyin_initials"
SUPPLIER_FIELDS = {"name", "lead_time_days", "review_days", "min_order_value", "phone", "email", "active"}


def gtin_check_digit_ok(code: str) -> bool:
    """GS1 mod-10 check for EAN-8, UPC-A, EAN-13 and GTIN-14."""
    digits = [int(c) for c in code]
    body, check = digits[:-1], digits[-1]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def validate_barcode(barcode: str) -> str:
    barcode = (barcode or "").strip()
    if barcode.isdigit() and len(barcode) in (8, 12, 13, 14):
        if not gtin_check_digit_ok(barcode):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "That barcode's check digit is wrong; scan it again."))
        return barcode
    if not _INTERNAL_CODE.match(barcode):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A product code is an EAN/UPC barcode or 3 to 32 letters and digits.")
        )
    return barcode


def prefix_upper_bound(text: str) -> str:
    """The bound for a prefix search ``col >= text AND col < bound``, compared NOCASE (which folds
    ASCII letters to lower case): 'FIZ' -> 'FI{' (read as 'fi{'), not 'FI[' which sorts before every
    lower-case letter.

    Past the last code point the bound moves one character left ('ab\U0010ffff' -> 'ac'); surrogates,
    which are not characters, are skipped.
    """
    last = text[-1].lower() if text[-1].isascii() else text[-1]
    code = ord(last) + 1
    if code == 0xD800:
        code = 0xE000
    if code <= 0x10FFFF:
        return text[:-1] + chr(code)
    return prefix_upper_bound(text[:-1]) if len(text) > 1 else "\U0010ffff" * 64


def whole_number(value, field: str, minimum: int = 1, maximum: int = 10**7) -> int:
    """Parse a count or amount in minor units that a user typed; the one rule for such numbers everywhere."""
    if isinstance(value, bool):
        value = None
    try:
        number = int(value)
        exact = isinstance(value, (int, str)) or value == number     # 2.5 or Decimal('2.5') is not 2
    except (TypeError, ValueError, OverflowError):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter a whole number."), field=field) from None
    if not exact or not minimum <= number <= maximum:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{field}: enter a whole number from {low} to {high}."),
            field=field, low=minimum, high=maximum,
        )
    return number


def check_product_consistency(product: dict) -> None:
    """The rules between fields of one product (its stored values with the changes applied): an OTC class only
    for an OTC product, and a split-pack ratio only with the unit's name and price."""
    if product.get("otc_class") and product.get("legal_class") != "otc":
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Only an OTC product has an OTC class (甲类 / 乙类)."))
    split = product.get("split_units")
    if split and (not product.get("split_unit_name") or product.get("split_unit_price") is None):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A product sold by the unit (split pack) needs the unit's name and price."))
    if not split and (product.get("split_unit_price") is not None):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Set the units per pack before a unit price."))


def is_medicine(product: dict) -> bool:
    """Whether China GSP treats the product as a medicine: any legal class, outside :data:`NON_MEDICINE_CATEGORIES`."""
    return product.get("legal_class") in LEGAL_CLASSES and product.get("category") not in NON_MEDICINE_CATEGORIES


def check_regulated_master(product: dict) -> None:
    """Under the China GSP profile: a medicine needs its drug approval number (批准文号) and a device its
    registration or filing number (注册证号 / 备案号). ``product`` holds the stored values with the changes applied."""
    number = product.get("approval_number")
    kind = kind_of(number) if number else None
    if product.get("category") == "device":
        if kind not in ("device", "device_filing"):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Under China GSP a medical device needs its registration number (注册证号, e.g. "
                          "国械注准 + 11 digits) or filing number (械备) in the approval number field."))
    elif is_medicine(product) and kind not in ("drug", "imported_drug"):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Under China GSP a medicine needs its approval number (批准文号, e.g. 国药准字H20013062)."))


_REGULATED_FIELDS = {"approval_number", "category", "legal_class"}


class Catalog:
    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- suppliers -------------------------------------------------------------------------------

    @staticmethod
    def _clean_supplier(fields: dict) -> dict:
        """Validate supplier fields; the same rules for a new supplier and for an edit."""
        if set(fields) - SUPPLIER_FIELDS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown supplier field."))
        rules = {
            "lead_time_days": ("lead time", 0, 365),
            "review_days": ("review period", 1, 365),
            "min_order_value": ("minimum order value", 0, 10**10),
        }
        clean = {}
        for key, value in fields.items():
            if key == "name":
                value = (value or "").strip()
                if not value or len(value) > 120:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the supplier's name."))
            elif key in rules:
                value = whole_number(value, *rules[key])
            elif key == "active":
                value = 1 if value else 0
            else:
                value = (value or "").strip()[:120] or None
            clean[key] = value
        return clean

    def add_supplier(self, name: str, lead_time_days: int = 2, review_days: int = 7, min_order_value: int = 0,
                     phone: str | None = None, email: str | None = None) -> int:
        self._store.require(Action.MANAGE_CATALOG)
        values = self._clean_supplier({"name": name, "lead_time_days": lead_time_days, "review_days": review_days,
                                       "min_order_value": min_order_value, "phone": phone, "email": email})
        db = self._store.db
        with db.transaction():
            if db.scalar("SELECT 1 FROM suppliers WHERE name = ?", (values["name"],)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "A supplier with that name already exists."))
            supplier_id = db.insert("suppliers", values)
            self._store.audit.record("supplier.create", "supplier", supplier_id)
        return supplier_id

    def update_supplier(self, supplier_id: int, **changes) -> None:
        self._store.require(Action.MANAGE_CATALOG)
        values = self._clean_supplier(changes)
        self.supplier(supplier_id)
        db = self._store.db
        with db.transaction():
            if "name" in values and db.scalar("SELECT 1 FROM suppliers WHERE name = ? AND id <> ?",
                                              (values["name"], supplier_id)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "A supplier with that name already exists."))
            db.update("suppliers", supplier_id, values)
            self._store.audit.record("supplier.update", "supplier", supplier_id, fields=sorted(values))

    def supplier(self, supplier_id: int) -> dict:
        self._store.require_user()
        row = self._store.db.one("SELECT * FROM suppliers WHERE id = ?", (supplier_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such supplier."))
        return row

    def suppliers(self, include_inactive: bool = False) -> list[dict]:
        self._store.require_user()
        where = "" if include_inactive else "WHERE active = 1"
        return self._store.db.all(f"SELECT * FROM suppliers {where} ORDER BY name")

    # -- products --------------------------------------------------------------------------------

    def clean_product(self, fields: dict, partial: bool = False) -> dict:
        """Validated product fields (all required ones unless ``partial``); writes nothing, checks no permission."""
        clean: dict = {}
        unknown = set(fields) - set(PRODUCT_FIELDS)
        if unknown:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown product field."))
        for key, value in fields.items():
            if key == "barcode":
                value = validate_barcode(value)
            elif key == "name":
                value = (value or "").strip()
                if not value or len(value) > 200:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the product's name."))
            elif key in ("generic_name", "strength", "form", "manufacturer", "authorisation_holder", "specification",
                         "insurance_code", "split_unit_name"):
                value = (value or "").strip() or None
                if value and len(value) > 200:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field} is too long."), field=key)
            elif key == "atc_code":
                value = (value or "").strip().upper() or None
                if value and not _ATC.match(value):
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "That ATC code is not valid (e.g. C09AA05)."))
            elif key == "category":
                if value not in CATEGORIES:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown product category; use one of: "
                                                                      "{categories}."), categories=", ".join(CATEGORIES))
            elif key == "legal_class":
                if value not in LEGAL_CLASSES:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "Legal class must be OTC, Rx or controlled."))
            elif key == "approval_number":
                value = validate_approval_number(value)
            elif key == "otc_class":
                value = (value or "").strip().lower() or None
                if value is not None and value not in OTC_CLASSES:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "OTC class must be A (甲类) or B (乙类)."))
            elif key == "storage_condition":
                if value not in STORAGE_CONDITIONS:
                    raise ValidationError(QT_TRANSLATE_NOOP(
                        "errors", "Storage condition must be ambient, cool (≤ 20 °C) or cold (2–8 °C)."))
            elif key == "contains_ephedrine":
                value = 1 if value else 0
            elif key == "split_units":
                value = None if value in (None, "", 0) else whole_number(value, "units per pack", 2, 10000)
            elif key == "split_unit_price":
                value = None if value in (None, "") else whole_number(value, "unit price", 0, 10**9)
            elif key == "price":
                value = whole_number(value, "price", 0, 10**9)
            elif key == "vat_rate_bp":
                value = whole_number(value, "VAT rate", 0, 10000)
            elif key in ("pack_size", "order_multiple", "min_order_qty"):
                value = whole_number(value, key.replace("_", " "), 1, 100000)
            elif key == "days_supply":
                value = None if value in (None, "", 0) else whole_number(value, "days of supply", 1, 366)
            elif key == "supplier_id" and value is not None:
                self.supplier(value)
            elif key == "active":
                value = 1 if value else 0
            clean[key] = value
        if not partial:
            for required in ("barcode", "name", "category", "legal_class", "price"):
                if required not in clean:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field} is required."), field=required)
        return clean

    def add_product(self, **fields) -> int:
        """Add a product; under the China GSP profile a medicine needs its approval number and a device its
        registration number (:func:`check_regulated_master`)."""
        self._store.require(Action.MANAGE_CATALOG)
        values = self.clean_product(fields)
        check_product_consistency(values)
        if self._store.settings.china_gsp:
            check_regulated_master(values)
        now = to_iso(self._store.now())
        db = self._store.db
        with db.transaction():
            if db.scalar("SELECT 1 FROM products WHERE barcode = ?", (values["barcode"],)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Another product already has that barcode."))
            product_id = db.insert("products", {**values, "created_at": now, "updated_at": now})
            product_search.index_product(db, product_id)
            self._store.audit.record("product.create", "product", product_id, price=values["price"])
        return product_id

    def update_product(self, product_id: int, **changes) -> None:
        """Edit catalogue fields; a price change needs :attr:`Action.CHANGE_PRICES` and is audited."""
        self._store.require(Action.MANAGE_CATALOG)
        current = self.get(product_id)
        values = self.clean_product(changes, partial=True)
        merged = {**dataclasses.asdict(current), **values}
        check_product_consistency(merged)
        if self._store.settings.china_gsp and values.keys() & _REGULATED_FIELDS:
            check_regulated_master(merged)    # a price edit of an older product without its number still works
        db = self._store.db
        with db.transaction():
            if "barcode" in values and values["barcode"] != current.barcode and db.scalar(
                "SELECT 1 FROM products WHERE barcode = ?", (values["barcode"],)
            ):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Another product already has that barcode."))
            if "price" in values and values["price"] != current.price:
                self._record_price_change(current, values["price"])
            db.update("products", product_id, {**values, "updated_at": to_iso(self._store.now())})
            if values.keys() & {"name", "generic_name", "manufacturer", "barcode"}:
                product_search.index_product(db, product_id)
            self._store.audit.record("product.update", "product", product_id, fields=sorted(values))

    def set_price(self, product_id: int, new_price: int) -> None:
        product = self.get(product_id)
        new_price = whole_number(new_price, "price", 0, 10**9)
        if new_price == product.price:
            return
        with self._store.db.transaction():
            self._record_price_change(product, new_price)
            self._store.db.execute(
                "UPDATE products SET price = ?, updated_at = ? WHERE id = ?",
                (new_price, to_iso(self._store.now()), product_id),
            )

    def _record_price_change(self, product: Product, new_price: int) -> None:
        user = self._store.require(Action.CHANGE_PRICES)
        self._store.db.insert(
            "price_history",
            {"product_id": product.id, "at": to_iso(self._store.now()), "old_price": product.price,
             "new_price": new_price, "user_id": user.id},
        )
        self._store.audit.record("price.change", "product", product.id, old=product.price, new=new_price)

    def get(self, product_id: int) -> Product:
        self._store.require_user()
        row = self._store.db.one(f"SELECT {_PRODUCT_COLUMNS} FROM products WHERE id = ?", (product_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such product."))
        return Product(**row)

    def get_many(self, product_ids: Iterable[int]) -> dict[int, Product]:
        """The products ``product_ids`` by id, in one read (the till re-prices the cart on every change);
        :class:`NotFound` if any of them does not exist."""
        self._store.require_user()
        wanted = sorted({int(pid) for pid in product_ids})
        found: dict[int, Product] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for row in self._store.db.all(
                    f"SELECT {_PRODUCT_COLUMNS} FROM products WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                found[row["id"]] = Product(**row)
        if len(found) != len(wanted):
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such product."))
        return found

    def by_barcode(self, barcode: str) -> Product:
        self._store.require_user()
        row = self._store.db.one(
            f"SELECT {_PRODUCT_COLUMNS} FROM products WHERE barcode = ?", ((barcode or "").strip(),)
        )
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No product has this barcode."))
        return Product(**row)

    def search(self, text: str, limit: int = 20, include_inactive: bool = False) -> list[Product]:
        """Type-ahead: the products that every typed word finds (case-insensitive), best first.

        A word finds a product when it starts a word of the brand name, the generic name or the manufacturer,
        the barcode, or, in Chinese names, the characters, pinyin initials or full pinyin from any character
        on ("thermo" finds "Digital Thermometer"; "布洛", "blfhs" and "buluofen" find 布洛芬缓释胶囊); see
        :mod:`pharmadesk.core.product_search`. Order: the brand name (or its pinyin initials) starting with the
        whole text, then the other matches; within each, most units sold in the last
        :data:`SALES_RANK_DAYS` days (:meth:`refresh_sales_rank`), then by name.

        Every typed word is a range scan of an index (under a millisecond on the 800-product demo store),
        never a scan of the products or of the sales.
        """
        self._store.require_user()
        text = (text or "").strip()
        if not text:
            return []
        typed = product_search.query_words(text)
        whole = "".join(text.split()).casefold()[:product_search.MAX_TERM]
        term_range = "SELECT product_id FROM product_search_terms WHERE term >= ? AND term < ?"
        parts, params = [], []
        for word in typed:     # every typed word must find the product (INTERSECT) ...
            parts.append(term_range)
            params += [word, prefix_upper_bound(word)]
        found = " INTERSECT ".join(parts)
        # ... or the whole text starts a term (a barcode with a dash) or the brand name (with its spaces).
        found = (f"{found} UNION " if found else "") + f"{term_range} UNION SELECT id FROM products " \
            "WHERE name >= ? AND name < ?"
        params += [whole, prefix_upper_bound(whole), text, prefix_upper_bound(text)]
        active = "" if include_inactive else "WHERE p.active = 1"
        columns = ", ".join(f"p.{column.strip()}" for column in _PRODUCT_COLUMNS.split(","))
        rows = self._store.db.all(
            f"""
            WITH found(id) AS ({found})
            SELECT {columns},
                   CASE WHEN (p.name >= ? AND p.name < ?) OR (p.pinyin_initials >= ? AND p.pinyin_initials < ?)
                        THEN 0 ELSE 1 END AS tier
            FROM found JOIN products p ON p.id = found.id
            LEFT JOIN product_sales_rank r ON r.product_id = p.id
            {active}
            ORDER BY tier, COALESCE(r.units_90d, 0) DESC, p.name, p.id LIMIT ?
            """,
            (*params, text, prefix_upper_bound(text), whole, prefix_upper_bound(whole), limit),
        )
        return [Product(**{key: value for key, value in row.items() if key != "tier"}) for row in rows]

    def find(self, text: str, limit: int = 20) -> list[Product]:
        """What the till does with typed or scanned text and Enter: the product with exactly this barcode, else
        what :meth:`search` finds for it (best first, at most ``limit``); empty text finds nothing.

        Raises :class:`NotFound` when nothing matches: "No product has this barcode." for digits (a scan),
        otherwise "No product matches “text”." so a typed name is never answered as a barcode.
        """
        self._store.require_user()
        text = (text or "").strip()
        if not text:
            return []
        try:
            return [self.by_barcode(text)]
        except NotFound as unknown_barcode:
            matches = self.search(text, limit=limit)
            if not matches and text.isdigit():
                raise unknown_barcode from None
        if not matches:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No product matches “{text}”."), text=text[:80])
        return matches

    def refresh_sales_rank(self, max_age_days: int | None = None) -> bool:
        """Recount the units each product sold in the last :data:`SALES_RANK_DAYS` days, which orders the
        type-ahead; return whether it recounted.

        With ``max_age_days`` it recounts only when the last count is older than that many days: the till
        calls it so when it is shown, so the count costs one query over the recent sale lines per day instead of
        one per keystroke; each day close recounts (a store hook). The count is derived data, so it needs no
        permission and writes no audit entry; a store too busy to write keeps the previous count.
        """
        db = self._store.db
        today = self._store.today()
        if max_age_days is not None:
            as_of = db.scalar("SELECT max(as_of) FROM product_sales_rank")
            if as_of is not None and as_of >= (today - timedelta(days=max_age_days)).isoformat():
                return False
        since = to_iso(self._store.now() - timedelta(days=SALES_RANK_DAYS))
        try:
            with db.transaction():
                db.execute("DELETE FROM product_sales_rank")
                # CROSS JOIN keeps SQLite's order: the recent sales by their date index, then their lines. Left
                # to itself the planner walks every sale line by product (14 s instead of 0.1 s on 1.1 M lines).
                db.execute(
                    "INSERT INTO product_sales_rank (product_id, units_90d, as_of) "
                    "SELECT l.product_id, SUM(l.quantity), ? FROM sales s CROSS JOIN sale_lines l "
                    "ON l.sale_id = s.id WHERE s.at >= ? GROUP BY l.product_id HAVING SUM(l.quantity) > 0",
                    (today.isoformat(), since))
        except DatabaseError as exc:      # busy or read-only: the old order serves until the next refresh
            log.warning("sales rank not refreshed: %s", type(exc).__name__)
            return False
        return True

    def products(self, category: str | None = None, include_inactive: bool = False) -> list[Product]:
        self._store.require_user()
        clauses, params = [], []
        if category:
            clauses.append("category = ?")
            params.append(category)
        if not include_inactive:
            clauses.append("active = 1")
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._store.db.all(f"SELECT {_PRODUCT_COLUMNS} FROM products {where} ORDER BY name", tuple(params))
        return [Product(**row) for row in rows]
