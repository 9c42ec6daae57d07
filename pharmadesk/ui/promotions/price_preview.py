"""The price preview of the new-promotion dialog: chosen products priced by the real engine with the running
promotions, once without and once with the promotion being written (so stacking shows), for a walk-in
customer or a member of a tier. Nothing is saved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Mapping

from pharmadesk.core.pricing import PriceLine, PricedCart, Shopper, is_running, price_cart
from pharmadesk.core.promotion_specs import PREVIEW_MEMBER_ID, CatalogEntry, preview_promotion


@dataclass(frozen=True)
class PreviewRow:
    """One chosen product: its price before any promotion, with today's promotions, with the new one too."""

    product_id: int
    name: str
    quantity: int
    gross: int
    running_only: int
    with_new: int
    labels: str                     # what the receipt would print for the line with the new promotion


@dataclass(frozen=True)
class Preview:
    rows: tuple[PreviewRow, ...]
    running_only: PricedCart
    with_new: PricedCart
    new_runs: bool                  # whether the new promotion's calendar runs at the chosen moment


def catalog_entries(store) -> dict[int, CatalogEntry]:
    """The active catalogue as :mod:`~pharmadesk.core.promotion_specs` checks a spec against it."""
    return {p.id: CatalogEntry(p.id, p.barcode, p.name, p.category, p.legal_class, p.price)
            for p in store.catalog.products()}


def _unit_cost(store, product_id: int) -> int:
    """The cost of the batch the till would sell first (FEFO), for the engine's below-cost guard."""
    batches = store.stock.batches(product_id)
    return batches[0]["unit_cost"] if batches else 0


def preview_prices(store, spec: Mapping, picks: list[tuple[int, int]], tier: str | None, at: datetime) -> Preview:
    """Price ``picks`` ((product id, quantity), in order) at ``at`` (an aware moment) for a walk-in customer
    (``tier`` None) or a member of ``tier``. Raises the domain's ValidationError when ``spec`` is not valid."""
    catalog = catalog_entries(store)
    new = preview_promotion(spec, catalog, store.today())
    running = store.promotions.active(at)
    lines = []
    for key, (product_id, quantity) in enumerate(picks):
        entry = catalog[product_id]
        lines.append(PriceLine(key, product_id, entry.category, entry.legal_class, quantity, entry.price,
                               _unit_cost(store, product_id)))
    shopper = Shopper() if tier is None else Shopper(member_id=PREVIEW_MEMBER_ID, tier=tier)
    local = at.astimezone().replace(tzinfo=None)
    before = price_cart(lines, shopper, running, local)
    after = price_cart(lines, shopper, [*running, new], local)
    rows = tuple(PreviewRow(line.product_id, catalog[line.product_id].name, line.quantity, was.gross, was.total,
                            now.total, " + ".join(d.label for d in now.discounts))
                 for line, was, now in zip(lines, before.lines, after.lines))
    return Preview(rows, before, after, is_running(new.calendar, local))
