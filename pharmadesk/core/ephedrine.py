"""含麻黄碱类复方制剂: ephedrine-containing preparations at the counter (China GSP).

A sale with a product flagged ``contains_ephedrine`` needs the buyer's resident ID number (GB 11643) and name, and
holds at most ``ephedrine_max_packs`` minimum packs (default 2). Each such sale line is registered with the buyer:
the ID and the name sealed with AES-GCM under a purpose key, the ID matched only through its keyed hash
(HMAC-SHA256 under another purpose key), both keys derived from the store's database key (``Store.purpose_key``)
and never stored. The pharmacist reviews buyers who bought more than N times in M days; after the retention
period the ID and name are erased (the sale line stays). The ID never goes into logs, errors, the audit log,
the head-office bundle or analytics. Rules and sources: docs/counter-controls.md.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Iterable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pharmadesk.core.catalog import Product
from pharmadesk.core.permissions import Action
from pharmadesk.core.resident_id import mask_resident_id, parse_resident_id
from pharmadesk.core.timeutil import to_iso
from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

HASH_KEY_LABEL = "pharmadesk ephedrine buyer id hash v1"
SEAL_KEY_LABEL = "pharmadesk ephedrine buyer seal v1"
MAX_NAME = 50


@dataclass(frozen=True)
class EphedrineBuyer:
    """Who buys an ephedrine-containing preparation: the resident ID number and the name on the ID card.
    Neither is shown by ``repr`` (tracebacks and logs)."""

    id_number: str = field(repr=False)
    name: str = field(repr=False)


@dataclass(frozen=True)
class FrequentBuyer:
    """A buyer the pharmacist should review: more than N ephedrine purchases in M days."""

    masked_id: str                       # 110105********002X
    name: str
    purchases: int
    packs: int
    first_at: str
    last_at: str


class Ephedrine:
    """``store.ephedrine``: the buyer rules of ephedrine-containing preparations and their register."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- at the till ----------------------------------------------------------------------------------

    def check_buyer(self, buyer: EphedrineBuyer | None) -> EphedrineBuyer:
        """The buyer's ID number checked (GB 11643 check character, birth date, region) and the name trimmed;
        refuses a missing or invalid one with a message that never repeats the number. Writes nothing."""
        self._store.require(Action.SELL)
        return self._clean(buyer)

    @staticmethod
    def _clean(buyer: EphedrineBuyer | None) -> EphedrineBuyer:
        if buyer is None or not (buyer.id_number or "").strip():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Ephedrine-containing medicines need the buyer's ID number and name."))
        number = parse_resident_id(buyer.id_number)
        name = " ".join((buyer.name or "").split())
        if not name or len(name) > MAX_NAME or any(not ch.isprintable() for ch in name):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter the buyer's name as on the ID card."))
        return EphedrineBuyer(number, name)

    def needs_buyer(self, items: Iterable[tuple[int, int]]) -> bool:
        """Whether a cart of ``(product_id, packs)`` needs the buyer's ID (China GSP and an ephedrine product);
        refuses more packs than one sale may hold. One catalogue read; writes nothing."""
        store = self._store
        store.require(Action.SELL)
        items = list(items)
        if not items or not store.settings.china_gsp:
            return False
        products = store.catalog.get_many(product_id for product_id, _ in items)
        self._check_packs(sum(packs for product_id, packs in items if products[product_id].contains_ephedrine))
        return any(products[product_id].contains_ephedrine for product_id, _ in items)

    def _check_packs(self, packs: int) -> None:
        limit = self._store.settings.ephedrine_max_packs
        if packs > limit:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "At most {limit} packs of ephedrine-containing medicines may be sold at a time."),
                limit=limit)

    # -- inside the sale's transaction ---------------------------------------------------------------

    def check_sale(self, lines: Iterable[tuple[Product, int, bool]], buyer: EphedrineBuyer | None
                   ) -> EphedrineBuyer | None:
        """The sale's check (``(product, quantity, by_units)`` per line): under China GSP, ephedrine lines need a
        valid buyer and at most the packs allowed, and are not sold by the unit. Returns the clean buyer (None when
        no line needs one). A helper for :meth:`Sales.sell`; reads only."""
        if not self._store.settings.china_gsp:
            return None
        ephedrine = [(product, quantity, by_units) for product, quantity, by_units in lines
                     if product.contains_ephedrine]
        if not ephedrine:
            return None
        if any(by_units for _product, _quantity, by_units in ephedrine):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Ephedrine-containing medicines are sold only in whole packs."))
        self._check_packs(sum(quantity for _product, quantity, _by_units in ephedrine))
        return self._clean(buyer)

    def register(self, sale_line_id: int, packs: int, buyer: EphedrineBuyer, at: str) -> int:
        """Register an ephedrine sale line with its buyer, sealed. A helper inside the sale's transaction;
        audited with the line and pack count only."""
        store = self._store
        register_id = store.db.insert("ephedrine_register", {
            "sale_line_id": sale_line_id, "at": at, "packs": packs, "id_hash": self._id_hash(buyer.id_number),
            "id_sealed": self._seal(buyer.id_number, b"id"), "name_sealed": self._seal(buyer.name, b"name")})
        store.audit.record("ephedrine.sale", "sale_line", sale_line_id, packs=packs)
        return register_id

    # -- the pharmacist's review ------------------------------------------------------------------------

    def frequent_buyers(self, times: int | None = None, days: int | None = None) -> list[FrequentBuyer]:
        """Buyers with more than ``times`` purchases (sale lines) within the last ``days`` (the settings
        ``ephedrine_review_times`` and ``ephedrine_review_days`` by default), most purchases first: masked ID and
        name for the pharmacist. Audited (who looked, how many were listed)."""
        store = self._store
        store.require(Action.REVIEW_REGISTERS)
        settings = store.settings
        times = settings.ephedrine_review_times if times is None else times
        days = settings.ephedrine_review_days if days is None else days
        since = to_iso(store.now() - timedelta(days=days))
        groups = store.db.all(
            "SELECT id_hash, count(*) AS purchases, SUM(packs) AS packs, MIN(at) AS first_at, MAX(at) AS last_at, "
            "MAX(id) AS last_id FROM ephedrine_register WHERE at >= ? AND id_hash IS NOT NULL "
            "GROUP BY id_hash HAVING count(*) > ? ORDER BY purchases DESC, last_at DESC", (since, times))
        found = []
        for group in groups:
            row = store.db.one("SELECT id_sealed, name_sealed FROM ephedrine_register WHERE id = ?",
                               (group["last_id"],))
            found.append(FrequentBuyer(mask_resident_id(self._open(row["id_sealed"], b"id")),
                                       self._open(row["name_sealed"], b"name"), group["purchases"], group["packs"],
                                       group["first_at"], group["last_at"]))
        with store.db.transaction():
            store.audit.record("ephedrine.review", "store", store.store_id, listed=len(found), times=times, days=days)
        return found

    def purchases_by(self, id_number: str, days: int | None = None) -> int:
        """How many ephedrine purchases the buyer with this ID number made in the last ``days`` (the review
        window by default), matched by keyed hash: the pharmacist's question at the counter. Not audited with
        the number."""
        store = self._store
        store.require(Action.REVIEW_REGISTERS)
        number = parse_resident_id(id_number)
        days = store.settings.ephedrine_review_days if days is None else days
        return store.db.scalar(
            "SELECT count(*) FROM ephedrine_register WHERE id_hash = ? AND at >= ?",
            (self._id_hash(number), to_iso(store.now() - timedelta(days=days))))

    # -- erasure ---------------------------------------------------------------------------------------

    def erase_expired(self) -> int:
        """Erase the ID number and name of every purchase older than ``ephedrine_retention_years`` (the sale line
        and the pack count stay); returns how many. The owner's (PRIVACY_REQUESTS); audited with the count."""
        self._store.require(Action.PRIVACY_REQUESTS)
        return self._erase()

    def after_day_close(self, _report) -> dict | None:
        """The day-close hook: erase what is past the retention period, whoever closed the day."""
        if not self._store.may(Action.DAY_CLOSE):
            return None
        erased = self._erase()
        return {"erased": erased} if erased else None

    def _erase(self) -> int:
        store = self._store
        years = store.settings.ephedrine_retention_years
        cutoff = store.now() - timedelta(days=round(365.25 * years))
        with store.db.transaction():
            erased = store.db.execute(
                "UPDATE ephedrine_register SET id_hash = NULL, id_sealed = NULL, name_sealed = NULL, erased_at = ? "
                "WHERE at < ? AND erased_at IS NULL", (to_iso(store.now()), to_iso(cutoff))).rowcount
            if erased:
                store.audit.record("ephedrine.erase", "store", store.store_id, erased=erased, years=years)
        return erased

    # -- keys ------------------------------------------------------------------------------------------

    def _id_hash(self, number: str) -> str:
        """The keyed hash an ID number is matched by (HMAC-SHA256 under the store's purpose key)."""
        return hmac.new(self._store.purpose_key(HASH_KEY_LABEL), number.encode("ascii"), hashlib.sha256).hexdigest()

    def _seal(self, text: str, what: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + AESGCM(self._store.purpose_key(SEAL_KEY_LABEL)).encrypt(
            nonce, text.encode("utf-8"), b"ephedrine:" + what)

    def _open(self, sealed: bytes | None, what: bytes) -> str:
        if not sealed:
            return ""
        try:
            return AESGCM(self._store.purpose_key(SEAL_KEY_LABEL)).decrypt(
                sealed[:12], sealed[12:], b"ephedrine:" + what).decode("utf-8")
        except InvalidTag:
            return "?"
