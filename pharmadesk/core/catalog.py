"""Products and suppliers: the catalogue the till sells from and the stock is kept against."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import to_iso

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

CATEGORIES = ("chronic", "acute", "otc", "supplement", "mother_baby", "personal_care", "device")
LEGAL_CLASSES = ("otc", "rx", "controlled")
_INTERNAL_CODE = re.compile(r"^[A-Za-z0-9-]{3,32}$")
_ATC = re.compile(r"^[A-Z]\d{2}[A-Z]{0,2}\d{0,2}$")

PRODUCT_FIELDS = (
    "barcode", "name", "generic_name", "strength", "form", "atc_code", "category", "legal_class", "pack_size",
    "price", "vat_rate_bp", "days_supply", "supplier_id", "order_multiple", "min_order_qty", "active",
)


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

    @property
    def needs_prescription(self) -> bool:
        return self.legal_class in ("rx", "controlled")


_PRODUCT_COLUMNS = "id, " + ", ".join(PRODUCT_FIELDS)
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
        row = self._store.db.one("SELECT * FROM suppliers WHERE id = ?", (supplier_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such supplier."))
        return row

    def suppliers(self, include_inactive: bool = False) -> list[dict]:
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
            elif key in ("generic_name", "strength", "form"):
                value = (value or "").strip() or None
                if value and len(value) > 200:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field} is too long."), field=key)
            elif key == "atc_code":
                value = (value or "").strip().upper() or None
                if value and not _ATC.match(value):
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "That ATC code is not valid (e.g. C09AA05)."))
            elif key == "category":
                if value not in CATEGORIES:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown product category."))
            elif key == "legal_class":
                if value not in LEGAL_CLASSES:
                    raise ValidationError(QT_TRANSLATE_NOOP("errors", "Legal class must be OTC, Rx or controlled."))
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
        self._store.require(Action.MANAGE_CATALOG)
        values = self.clean_product(fields)
        now = to_iso(self._store.now())
        db = self._store.db
        with db.transaction():
            if db.scalar("SELECT 1 FROM products WHERE barcode = ?", (values["barcode"],)):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Another product already has that barcode."))
            product_id = db.insert("products", {**values, "created_at": now, "updated_at": now})
            self._store.audit.record("product.create", "product", product_id, price=values["price"])
        return product_id

    def update_product(self, product_id: int, **changes) -> None:
        """Edit catalogue fields; a price change needs :attr:`Action.CHANGE_PRICES` and is audited."""
        self._store.require(Action.MANAGE_CATALOG)
        current = self.get(product_id)
        values = self.clean_product(changes, partial=True)
        db = self._store.db
        with db.transaction():
            if "barcode" in values and values["barcode"] != current.barcode and db.scalar(
                "SELECT 1 FROM products WHERE barcode = ?", (values["barcode"],)
            ):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Another product already has that barcode."))
            if "price" in values and values["price"] != current.price:
                self._record_price_change(current, values["price"])
            db.update("products", product_id, {**values, "updated_at": to_iso(self._store.now())})
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
        row = self._store.db.one(f"SELECT {_PRODUCT_COLUMNS} FROM products WHERE id = ?", (product_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such product."))
        return Product(**row)

    def by_barcode(self, barcode: str) -> Product:
        row = self._store.db.one(
            f"SELECT {_PRODUCT_COLUMNS} FROM products WHERE barcode = ?", ((barcode or "").strip(),)
        )
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No product has this barcode."))
        return Product(**row)

    def search(self, text: str, limit: int = 20, include_inactive: bool = False) -> list[Product]:
        """Type-ahead: products whose brand or generic name starts with ``text`` (case-insensitive),
        or whose barcode starts with it; brand-name matches first."""
        text = (text or "").strip()
        if not text:
            return []
        upper = prefix_upper_bound(text)
        active = "" if include_inactive else "AND active = 1"
        rows = self._store.db.all(
            f"""
            SELECT {_PRODUCT_COLUMNS} FROM (
                SELECT *, 0 AS rank FROM products WHERE name >= ? AND name < ? {active}
                UNION
                SELECT *, 1 AS rank FROM products WHERE generic_name >= ? AND generic_name < ? {active}
                UNION
                SELECT *, 2 AS rank FROM products
                WHERE barcode >= ? COLLATE NOCASE AND barcode < ? COLLATE NOCASE {active}
            ) GROUP BY id ORDER BY min(rank), name LIMIT ?
            """,
            (text, upper, text, upper, text, upper, limit),
        )
        return [Product(**row) for row in rows]

    def products(self, category: str | None = None, include_inactive: bool = False) -> list[Product]:
        clauses, params = [], []
        if category:
            clauses.append("category = ?")
            params.append(category)
        if not include_inactive:
            clauses.append("active = 1")
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._store.db.all(f"SELECT {_PRODUCT_COLUMNS} FROM products {where} ORDER BY name", tuple(params))
        return [Product(**row) for row in rows]
