"""Promotions and promoted sales written straight into a real test store, as the till writes them: the line's
discount is the sum of its promotions' amounts (``sale_lines.discount``), ``line_total = gross - discount``, and
one ``sale_line_promotions`` row per promotion that priced the line. The amounts are the test's own (hand-made
cases), so the till's live pricing is kept out of these sales: it would price the same promotion again."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.timeutil import to_iso

VITAMIN_PRICE, VITAMIN_COST = 2000, 800          # VAT 13 % included in the price


def local_noon(day: date) -> datetime:
    """The UTC moment of noon on the store's local ``day``: a sale there is on ``day`` whatever the zone."""
    return datetime.combine(day, time(12)).astimezone().astimezone(timezone.utc)


def add_vitamins(store, ids) -> int:
    """A supplement (2,000 with 13 % VAT) with 2,000 units in stock at a unit cost of 800."""
    product = store.catalog.add_product(barcode="VITC1000", name="Vitamin C 1000", generic_name="ascorbic acid",
                                        category="supplement", legal_class="otc", price=VITAMIN_PRICE,
                                        vat_rate_bp=1300, supplier_id=ids.supplier)
    store.stock.receive(ids.supplier, [ReceiptLine(product, "VC-1", store.today() + timedelta(days=900), 2000,
                                                   VITAMIN_COST)])
    return product


def add_promotion(store, name: str, starts_on: date, ends_on: date | None = None, *, kind: str = "percent_off",
                  products: tuple[int, ...] = (), categories: tuple[str, ...] = (), campaign_id: int | None = None,
                  **columns) -> int:
    """A promotion row (and its scope rows) as ``store.promotions`` will keep it; created "now"."""
    row = {"name": name, "kind": kind, "label": name, "starts_on": starts_on.isoformat(),
           "ends_on": ends_on.isoformat() if ends_on else None, "created_at": to_iso(store.now()),
           "campaign_id": campaign_id, "audience": "listed" if campaign_id else "everyone", **columns}
    with store.db.transaction():
        promotion_id = store.db.insert("promotions", row)
        for product in products:
            store.db.insert("promotion_scope", {"promotion_id": promotion_id, "product_id": product})
        for category in categories:
            store.db.insert("promotion_scope", {"promotion_id": promotion_id, "category": category})
    return promotion_id


def promoted_sale(store, lines: list[tuple[int, int, dict[int, int]]], member_id: int | None = None,
                  redeem_points: int = 0):
    """Sell ``(product, quantity, {promotion_id: amount})`` lines (at the catalogue price), the promotions'
    amounts making up each line's discount, paid in cash (less ``redeem_points``); then record which
    promotion gave how much."""
    cart, total = [], 0
    for product, quantity, shares in lines:
        price = store.db.scalar("SELECT price FROM products WHERE id = ?", (product,))
        cart.append(CartLine(product, quantity, discount=sum(shares.values())))
        total += price * quantity - sum(shares.values())
    total -= store.sales.redeem_value(redeem_points)
    store.promotions.active = lambda now=None: []        # the shares above stand for what the engine decided
    try:
        sale = store.sales.sell(cart, [Payment("cash", total)], member_id=member_id, redeem_points=redeem_points)
    finally:
        del store.promotions.active
    with store.db.transaction():
        for sold, (_product, _quantity, shares) in zip(sale.lines, lines):
            for promotion_id, amount in shares.items():
                store.db.insert("sale_line_promotions", {"sale_line_id": sold.sale_line_id,
                                                         "promotion_id": promotion_id, "amount": amount})
    return sale
