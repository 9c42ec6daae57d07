"""How a promotion lives in the tables of migration 0010: :func:`insert_promotion` writes the engine's
:class:`~pharmadesk.core.pricing.Promotion` as a ``promotions`` row plus its scope, prices, tier prices and
listed members, and :func:`load_promotions` reads them back, five queries whatever the number of promotions.
No rules and no permissions here: ``store.promotions`` (:mod:`pharmadesk.core.promotions`) has those."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING

from pharmadesk.core.pricing import Audience, Calendar, Promotion, Scope
from pharmadesk.core.promotion_specs import Draft

if TYPE_CHECKING:
    from pharmadesk.db.connection import Database


@dataclass(frozen=True)
class PromotionRecord:
    """A stored promotion: the engine object plus what the owner's pages show beside it."""

    promotion: Promotion
    status: str                     # active | paused | ended
    created_at: str
    ended_at: str | None
    campaign_id: int | None
    note: str | None

    @property
    def id(self) -> int:
        return self.promotion.id

    @property
    def name(self) -> str:
        return self.promotion.name


def _csv(numbers) -> str:
    return ",".join(str(n) for n in sorted(numbers))


def _ints(text: str) -> frozenset[int]:
    return frozenset(int(part) for part in text.split(",") if part)


def insert_promotion(db: "Database", draft: Draft, created_at: str, user_id: int | None) -> int:
    """Write ``draft`` as an active promotion and return its id; call inside the use case's transaction."""
    p, calendar = draft.promotion, draft.promotion.calendar
    promotion_id = db.insert("promotions", {
        "name": p.name, "kind": p.kind, "label": p.label, "stacking": p.stacking,
        "earns_points": int(p.earns_points), "allow_below_cost": int(p.allow_below_cost),
        "include_rx": int(p.scope.include_rx), "percent": p.percent, "amount": p.amount,
        "threshold": p.threshold, "repeat": int(p.repeat), "nth": p.nth, "buy": p.buy, "get": p.get,
        "get_product_id": p.get_product_id, "multiplier": p.multiplier,
        "starts_on": calendar.starts_on.isoformat(),
        "ends_on": calendar.ends_on.isoformat() if calendar.ends_on else None,
        "weekdays": _csv(calendar.weekdays), "month_days": _csv(calendar.month_days),
        "from_time": calendar.from_time.strftime("%H:%M") if calendar.from_time else None,
        "until_time": calendar.until_time.strftime("%H:%M") if calendar.until_time else None,
        "audience": p.audience.kind, "tier": p.audience.tier, "campaign_id": draft.campaign_id,
        "status": "active", "created_at": created_at, "user_id": user_id, "note": draft.note,
    })
    conn = db.conn
    conn.executemany(
        "INSERT INTO promotion_scope (promotion_id, product_id, category, excluded) VALUES (?, ?, ?, ?)",
        [(promotion_id, pid, None, 0) for pid in sorted(p.scope.product_ids)]
        + [(promotion_id, None, cat, 0) for cat in sorted(p.scope.categories)]
        + [(promotion_id, pid, None, 1) for pid in sorted(p.scope.exclude_product_ids)])
    conn.executemany("INSERT INTO promotion_prices (promotion_id, product_id, price) VALUES (?, ?, ?)",
                     [(promotion_id, pid, price) for pid, price in p.prices])
    conn.executemany("INSERT INTO promotion_tier_prices (promotion_id, tier, percent) VALUES (?, ?, ?)",
                     [(promotion_id, tier, percent) for tier, percent in p.tier_prices])
    conn.executemany("INSERT INTO promotion_members (promotion_id, member_id) VALUES (?, ?)",
                     [(promotion_id, m) for m in sorted(p.audience.member_ids)])
    return promotion_id


def load_promotions(db: "Database", where: str, params: tuple = ()) -> list[PromotionRecord]:
    """The promotions matching ``where`` (an SQL condition on ``promotions``, with ``params``), by id, with
    their scope, prices, tier prices and listed members."""
    rows = db.all(f"SELECT * FROM promotions WHERE {where} ORDER BY id", params)
    if not rows:
        return []
    chosen = f"SELECT id FROM promotions WHERE {where}"
    scope: dict[int, dict[str, set]] = {r["id"]: {"products": set(), "categories": set(), "excluded": set()}
                                        for r in rows}
    for pid, product_id, category, excluded in db.execute(
            f"SELECT promotion_id, product_id, category, excluded FROM promotion_scope "
            f"WHERE promotion_id IN ({chosen})", params):
        part = scope[pid]
        if excluded:
            part["excluded"].add(product_id)
        elif product_id is not None:
            part["products"].add(product_id)
        else:
            part["categories"].add(category)
    prices: dict[int, list] = {}
    for pid, product_id, price in db.execute(
            f"SELECT promotion_id, product_id, price FROM promotion_prices WHERE promotion_id IN ({chosen})", params):
        prices.setdefault(pid, []).append((product_id, price))
    tier_prices: dict[int, list] = {}
    for pid, tier, percent in db.execute(
            f"SELECT promotion_id, tier, percent FROM promotion_tier_prices WHERE promotion_id IN ({chosen})",
            params):
        tier_prices.setdefault(pid, []).append((tier, percent))
    members: dict[int, set] = {}
    for pid, member_id in db.execute(
            f"SELECT promotion_id, member_id FROM promotion_members WHERE promotion_id IN ({chosen})", params):
        members.setdefault(pid, set()).add(member_id)
    return [_record(r, scope[r["id"]], prices.get(r["id"], []), tier_prices.get(r["id"], []),
                    members.get(r["id"], set())) for r in rows]


def _record(r: dict, scope: dict, prices: list, tier_prices: list, members: set) -> PromotionRecord:
    promotion = Promotion(
        id=r["id"], name=r["name"], kind=r["kind"], label=r["label"],
        scope=Scope(product_ids=frozenset(scope["products"]), categories=frozenset(scope["categories"]),
                    exclude_product_ids=frozenset(scope["excluded"]), include_rx=bool(r["include_rx"])),
        calendar=Calendar(
            starts_on=date.fromisoformat(r["starts_on"]),
            ends_on=date.fromisoformat(r["ends_on"]) if r["ends_on"] else None,
            weekdays=_ints(r["weekdays"]), month_days=_ints(r["month_days"]),
            from_time=time.fromisoformat(r["from_time"]) if r["from_time"] else None,
            until_time=time.fromisoformat(r["until_time"]) if r["until_time"] else None),
        audience=Audience(kind=r["audience"], tier=r["tier"], member_ids=frozenset(members)),
        stacking=r["stacking"], earns_points=bool(r["earns_points"]),
        allow_below_cost=bool(r["allow_below_cost"]), percent=r["percent"], amount=r["amount"],
        prices=tuple(sorted(prices)), tier_prices=tuple(sorted(tier_prices)),
        nth=r["nth"], buy=r["buy"], get=r["get"], get_product_id=r["get_product_id"], threshold=r["threshold"],
        repeat=bool(r["repeat"]), multiplier=r["multiplier"])
    return PromotionRecord(promotion, r["status"], r["created_at"], r["ended_at"], r["campaign_id"], r["note"])
