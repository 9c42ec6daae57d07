"""Medication safety at the counter (China GSP): allergy warnings and duplicate-therapy notices.

**Allergies.** A member's recorded allergies (free text on the member record, health data: encrypted at rest with
the store, hidden from cashiers) are read against a small table of allergy classes (:data:`ALLERGY_CLASSES`:
penicillins, cephalosporins, sulfonamides, NSAIDs, macrolides, quinolones, codeine/opioids). A product matches
when its generic name or ATC code belongs to a class the member is allergic to, or its generic name is named in
the allergies. A sale with a match needs a pharmacist's confirmation (the user when a pharmacist, else a
pharmacist's PIN approval for ``Action.DISPENSE_RX`` with subject ``"allergy"``), audited without the allergy.

**Duplicate therapy.** Two products with the same generic name in one sale, or a product whose generic name the
member bought recently and whose supply (``days_supply`` × packs) has not run out, give a notice; it does not
block the sale. A cashier's notice does not say what the member bought before.

Sources and the table's reasoning: docs/counter-controls.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from pharmadesk.core.catalog import Product
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import from_iso, to_iso
from pharmadesk.core.users import Approval
from pharmadesk.errors import QT_TRANSLATE_NOOP, PermissionDenied, PharmacistRequired

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

# class key -> (label, words that name it in an allergy note or a generic name, ATC prefixes)
ALLERGY_CLASSES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "penicillins": (QT_TRANSLATE_NOOP("allergyClass", "penicillins"),
                    ("penicillin", "cillin", "青霉素", "西林", "amoxicillin", "ampicillin", "阿莫西林"), ("J01C",)),
    "cephalosporins": (QT_TRANSLATE_NOOP("allergyClass", "cephalosporins"),
                       ("cephalosporin", "cef", "ceph", "头孢"), ("J01DB", "J01DC", "J01DD", "J01DE", "J01DI")),
    "sulfonamides": (QT_TRANSLATE_NOOP("allergyClass", "sulfonamides"),
                     ("sulfonamide", "sulfa", "sulpha", "磺胺"), ("J01E",)),
    "nsaids": (QT_TRANSLATE_NOOP("allergyClass", "NSAIDs"),
               ("nsaid", "aspirin", "ibuprofen", "diclofenac", "naproxen", "indometacin", "meloxicam", "celecoxib",
                "阿司匹林", "布洛芬", "双氯芬酸", "萘普生", "吲哚美辛", "美洛昔康", "塞来昔布", "非甾体"),
               ("M01A", "N02BA")),
    "macrolides": (QT_TRANSLATE_NOOP("allergyClass", "macrolides"),
                   ("macrolide", "mycin", "红霉素", "阿奇霉素", "克拉霉素", "罗红霉素"), ("J01FA",)),
    "quinolones": (QT_TRANSLATE_NOOP("allergyClass", "quinolones"),
                   ("quinolone", "floxacin", "沙星"), ("J01MA",)),
    "opioids": (QT_TRANSLATE_NOOP("allergyClass", "codeine and opioids"),
                ("codeine", "opioid", "可待因", "吗啡", "morphine", "tramadol", "曲马多"), ("N02A", "R05DA")),
}
_SPLIT = re.compile(r"[,;，；、/\n]+")
DUPLICATE_WINDOW_DAYS = 365       # how far back recent purchases are looked at


@dataclass(frozen=True)
class AllergyWarning:
    """A product in the cart that matches the member's recorded allergies."""

    product_id: int
    product_name: str
    allergy_class: str               # a class key of ALLERGY_CLASSES, or "" when the generic name itself is named


@dataclass(frozen=True)
class DuplicateNotice:
    """Two products with one active ingredient: both in the cart, or one bought recently and still in supply."""

    product_id: int
    product_name: str
    generic_name: str
    other_product_name: str          # "" for a cashier, or when it is a past purchase the viewer may not see
    supply_until: str | None         # a past purchase's run-out date (ISO), for roles with the full view


@dataclass(frozen=True)
class SafetyCheck:
    allergies: tuple[AllergyWarning, ...]
    duplicates: tuple[DuplicateNotice, ...]


def classes_of_note(note: str | None) -> tuple[set[str], set[str]]:
    """The allergy classes an allergy note names, and its other words (lower-cased): 'Penicillin; 布洛芬' ->
    ({'penicillins', 'nsaids'}, {...})."""
    classes, words = set(), set()
    for part in _SPLIT.split((note or "").casefold()):
        part = part.strip()
        if not part:
            continue
        words.add(part)
        for key, (_label, names, _atc) in ALLERGY_CLASSES.items():
            if any(name in part for name in names if len(name) > 3 or not name.isascii()) or part in names:
                classes.add(key)
    return classes, words


def classes_of_product(product: Product) -> set[str]:
    """The allergy classes a product belongs to, by its generic name and its ATC code."""
    generic = (product.generic_name or "").casefold()
    atc = (product.atc_code or "").upper()
    return {key for key, (_label, names, prefixes) in ALLERGY_CLASSES.items()
            if (generic and any(name in generic for name in names)) or (atc and atc.startswith(prefixes))}


class MedicationSafety:
    """``store.safety``: allergy warnings and duplicate-therapy notices for the cart of a member."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def check(self, member_id: int | None, product_ids: Iterable[int]) -> SafetyCheck:
        """The warnings and notices for a cart (China GSP; nothing otherwise): two reads, the member's allergies
        and their recent purchases of the cart's generic names. Writes nothing."""
        store = self._store
        store.require(Action.SELL)
        product_ids = list(dict.fromkeys(product_ids))
        if not product_ids or not store.settings.china_gsp:
            return SafetyCheck((), ())
        products = store.catalog.get_many(product_ids)
        cart = [products[pid] for pid in product_ids]
        allergies = self._allergies(member_id, cart) if member_id is not None else ()
        return SafetyCheck(allergies, self._duplicates(member_id, cart))

    def _allergies(self, member_id: int, cart: list[Product]) -> tuple[AllergyWarning, ...]:
        note = self._store.db.scalar("SELECT allergies FROM members WHERE id = ? AND erased_at IS NULL", (member_id,))
        classes, words = classes_of_note(note)
        if not classes and not words:
            return ()
        warnings = []
        for product in cart:
            matched = sorted(classes & classes_of_product(product))
            generic = (product.generic_name or "").casefold()
            if matched:
                warnings.append(AllergyWarning(product.id, product.name, matched[0]))
            elif generic and any(word == generic or (len(word) > 3 and word in generic) for word in words):
                warnings.append(AllergyWarning(product.id, product.name, ""))
        return tuple(warnings)

    def _duplicates(self, member_id: int | None, cart: list[Product]) -> tuple[DuplicateNotice, ...]:
        store = self._store
        full = store.may(Action.VIEW_MEMBER_FULL)
        notices, seen = [], {}
        for product in cart:
            generic = (product.generic_name or "").strip().casefold()
            if not generic:
                continue
            if generic in seen and seen[generic].id != product.id:
                notices.append(DuplicateNotice(product.id, product.name, product.generic_name,
                                               seen[generic].name, None))
            seen.setdefault(generic, product)
        if member_id is None or not seen:
            return tuple(notices)
        today = store.today()
        marks = ", ".join("?" * len(seen))
        rows = store.db.all(
            "SELECT s.at, l.quantity, p.id AS product_id, p.name, lower(p.generic_name) AS generic, p.days_supply "
            "FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN products p ON p.id = l.product_id "
            f"WHERE s.member_id = ? AND s.at >= ? AND lower(p.generic_name) IN ({marks}) "
            "AND p.days_supply IS NOT NULL ORDER BY s.at DESC",
            (member_id, to_iso(store.now() - timedelta(days=DUPLICATE_WINDOW_DAYS)), *seen))
        reported = set()
        for row in rows:
            until = from_iso(row["at"]).astimezone().date() + timedelta(days=row["days_supply"] * row["quantity"])
            if until <= today or row["generic"] in reported:
                continue
            reported.add(row["generic"])
            product = seen[row["generic"]]
            notices.append(DuplicateNotice(product.id, product.name, product.generic_name,
                                           row["name"] if full else "", until.isoformat() if full else None))
        return tuple(notices)

    def confirm_for_sale(self, member_id: int | None, products: Iterable[Product],
                         approval: Approval | Iterable[Approval] | None) -> tuple[AllergyWarning, ...]:
        """The sale's rule: a cart that matches the member's allergies needs a pharmacist's confirmation; audited
        as ``allergy.confirm`` (product ids and classes, never the allergy note). A helper inside :meth:`sell`."""
        store = self._store
        if member_id is None or not store.settings.china_gsp:
            return ()
        warnings = self._allergies(member_id, list(products))
        if not warnings:
            return ()
        try:
            pharmacist = store.require(Action.DISPENSE_RX, approval, subject="allergy")
        except PermissionDenied:
            raise PharmacistRequired(QT_TRANSLATE_NOOP(
                "errors", "{product} may not suit this member (recorded allergy): a pharmacist must confirm the sale."),
                product=warnings[0].product_name) from None
        store.audit.record("allergy.confirm", "member", member_id, confirmed_by=pharmacist.id,
                           products=[w.product_id for w in warnings])
        return warnings
