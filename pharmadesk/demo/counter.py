"""The counter controls' records in a China GSP demo store (issue 16): traceability codes on the stock, sales of the
ephedrine-containing products with (synthetic) buyers' IDs, opened packs and split-pack sales with their labels.

A step for the Chinese demo: ``build_counter_records(store, rng, context)`` has the signature of build.py's
regulated-records hook (``REGULATED_STEPS``) and is also called by :func:`pharmadesk.demo.build.build` for a
store under the China GSP profile. It writes through the store's services (every rule and audit applies) and
uses the products the catalogue flags: ``contains_ephedrine`` and a split ratio; it invents none.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from stdnum.cn import ric

from pharmadesk.core.ephedrine import EphedrineBuyer
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.errors import PharmaDeskError

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

CODED_BATCHES = 300          # batches of medicines that get codes (the rest: stock from before scanning)
CODES_PER_BATCH = 12         # packs coded per batch, at most its on-hand
REGIONS = ("110105", "310104", "440305", "330106")     # Beijing Chaoyang, Shanghai Xuhui, Shenzhen Nanshan, Hangzhou
BUYER_NAMES = ("张伟", "王芳", "李娜", "刘洋")
DIRECTIONS = ("每次1粒，每日3次，饭后服用", "每次2片，每日2次", "每次1片，每日1次，睡前服用")


def synthetic_resident_id(rng: random.Random) -> str:
    """A made-up ID number that passes the GB 11643 check (a real region, a birth date, the check character);
    demo data only, belonging to nobody."""
    while True:
        body = (rng.choice(REGIONS) + f"{rng.randint(1960, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
                + f"{rng.randint(0, 999):03d}")
        number = body + ric.calc_check_digit(body + "0")
        if ric.is_valid(number):
            return number


def build_counter_records(store: "Store", rng: random.Random, context: object = None) -> dict:
    """Codes on the medicines' stock, ephedrine sales (one buyer often enough to be reviewed) and split-pack sales;
    returns what was written. The store must be under China GSP with the owner logged in."""
    if not store.settings.china_gsp:
        return {}
    written = {"codes": _code_stock(store, rng)}
    written["ephedrine_sales"] = _ephedrine_sales(store, rng)
    written["split_sales"] = _split_sales(store, rng)
    return written


def _code_stock(store: "Store", rng: random.Random) -> int:
    """Scan codes onto medicine batches in stock, as a pharmacy does at receipt since scanning became required."""
    batches = store.db.all(
        "SELECT b.id, b.product_id, b.on_hand FROM batches b JOIN products p ON p.id = b.product_id "
        "WHERE b.on_hand > 0 AND p.category IN ('chronic', 'acute', 'otc') AND p.split_units IS NULL "
        "ORDER BY b.id LIMIT ?", (CODED_BATCHES,))
    total = 0
    for batch in batches:
        prefix = f"8{batch['product_id']:06d}"[:7]
        first = store.db.scalar("SELECT count(*) FROM trace_codes WHERE product_id = ?", (batch["product_id"],))
        count = min(CODES_PER_BATCH, batch["on_hand"])
        codes = [f"{prefix}{first + n + 1:09d}{rng.randint(0, 9999):04d}" for n in range(count)]
        try:
            total += store.trace.receive_codes(batch["id"], codes)
        except PharmaDeskError:       # a batch whose packs are already coded: leave it as it is
            continue
    return total


def _codes_for(store: "Store", product_id: int, packs: int) -> tuple[str, ...]:
    return tuple(row["code"] for row in store.db.all(
        "SELECT code FROM trace_codes WHERE product_id = ? AND status = 'in_stock' ORDER BY code LIMIT ?",
        (product_id, packs)))


def _sell(store: "Store", lines: list[CartLine], buyer: EphedrineBuyer | None = None) -> bool:
    total = store.sales.quote(lines).total
    try:
        store.sales.sell(lines, [Payment("cash", total, tendered=total)], buyer=buyer)
    except PharmaDeskError:           # e.g. that product is out of sellable stock in this demo: no such sale
        return False
    return True


def _ephedrine_sales(store: "Store", rng: random.Random) -> int:
    """Sales of the ephedrine-containing products: a regular buyer three times (listed for the pharmacist's
    review) and a few single buyers, each within the two-pack limit."""
    products = [row["id"] for row in store.db.all(
        "SELECT id FROM products WHERE contains_ephedrine = 1 AND active = 1 ORDER BY id LIMIT 2")]
    if not products:
        return 0
    regular = EphedrineBuyer(synthetic_resident_id(rng), rng.choice(BUYER_NAMES))
    buyers = [regular] * 3 + [EphedrineBuyer(synthetic_resident_id(rng), rng.choice(BUYER_NAMES)) for _ in range(3)]
    sold = 0
    for buyer in buyers:
        product = rng.choice(products)
        packs = rng.choice((1, 1, 2))
        sold += _sell(store, [CartLine(product, packs, trace_codes=_codes_for(store, product, packs))], buyer)
    return sold


def _split_sales(store: "Store", rng: random.Random) -> int:
    """Open one pack of each split-pack item (the pharmacist opens and checks it) and sell some units."""
    products = [row["id"] for row in store.db.all(
        "SELECT id FROM products WHERE split_units IS NOT NULL AND split_unit_price IS NOT NULL AND active = 1 "
        "AND contains_ephedrine = 0 ORDER BY id LIMIT 3")]
    sold = 0
    for product in products:
        try:
            store.split.open_pack(product)
        except PharmaDeskError:       # no sellable pack of it in this demo
            continue
        units = rng.randint(3, 8)
        sold += _sell(store, [CartLine(product, units, by_units=True, directions=rng.choice(DIRECTIONS))])
    return sold
