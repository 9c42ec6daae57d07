"""Promotions and the pricing engine: what a promotion is, and :func:`price_cart`, which prices a cart.

Pure: no database, no clock, no store. ``store.promotions`` (:mod:`pharmadesk.core.promotions`) keeps the
promotions and coupons and hands the active ones here (a ``coupon`` promotion only when its code was presented
and is valid); ``store.sales`` books what :func:`price_cart` decides. All money is in minor units (fen), all
percentages are whole percent, and ``now`` is the store's local wall-clock time as a *naive* datetime
(``store.clock().astimezone().replace(tzinfo=None)``); an aware datetime is refused.

    priced = price_cart(lines, shopper, promotions, now)
    priced.total, priced.saved, priced.lines[0].discounts   # each line explained: ("会员价", 350)

Which promotions price a line (:func:`applies`): the calendar runs at ``now``, the audience includes the
shopper (a ``member_price`` is for members only, whatever its audience says), and the scope holds the line
(Rx-only and controlled lines only with ``scope.include_rx``).

How they combine. Line-level kinds (member_price, nth_item, buy_x_get_y, percent_off, amount_off, applied
in that order, each on what the previous left) come before basket-level kinds (spend_save, then coupon,
whose thresholds are met by the scope's total after line-level discounts). Per line, the allowed
combinations are: nothing; one ``exclusive`` promotion alone; or all ``stackable`` promotions together with
at most one ``best`` promotion (the best ones compete for that one place). A line priced by an exclusive
promotion takes no basket discount; an exclusive basket promotion takes its lines whole (no line-level
discount) and no other basket promotion applies with it; otherwise the stackable basket promotions apply
together with at most one best one. Among the allowed combinations the engine keeps the LOWEST total
(best for the customer); ties go to fewer promotions, then to the lower promotion ids. The search is
bounded, not exhaustive over every mix: each line's cheapest choice is worked out once (with and without
its exclusive options, and untouched), then every basket plan (the stackable set with each best one or
none, each exclusive one alone) is tried with those three per-line choices for the lines in its scope;
plans and best promotions whose lower bound cannot beat the best found are skipped, which changes no result.
Cross-line kinds count the units of the whole cart: a line that qualifies for an nth_item or buy_x_get_y
discount on another line may take its own promotion (only the discounted line is "touched").

Worked example: a member buys 2 × 30.00. #1 percent_off 10 % (stackable), #2 amount_off 5.00 per unit
(best), #3 member_price 25.00 (exclusive). Allowed: {#3} = 50.00; {#1} = 54.00; {#1, #2} = 60.00 − 6.00
− 10.00 = 44.00. The engine keeps #1 + #2 (44.00). Add #4 spend_save 满50减8 (stackable): with #1 + #2 the
basket is 44.00 < 50.00, so 44.00; with the line untouched it is 60.00 − 8.00 = 52.00; with #3 (exclusive)
no basket discount may join; 44.00 stays the lowest.

Guards. No promotion takes a line below ``unit_cost × quantity`` unless it has ``allow_below_cost``; a
discount cut short by that lands the line's key in ``below_cost`` (a basket share cut short moves to the
other lines of its scope). Lines never go below zero nor above their gross. A line discounted by a
promotion with ``earns_points`` False earns no points; otherwise its ``points_percent`` is the highest
``multiplier`` of the points_multiplier promotions that apply to it (100 when none does).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time

from pharmadesk.core.money import allocate, format_money, proportion


KINDS = (
    "member_price",       # for members: a price per product (``prices``), else a percent OF the price for the
                          # shopper's tier (``tier_prices``), else ``percent`` off
    "percent_off",        # ``percent`` off each unit in scope
    "amount_off",         # ``amount`` off each unit in scope (never below 0)
    "nth_item",           # every ``nth`` unit of one product at ``percent`` of its price (第二件半价: nth=2, percent=50)
    "buy_x_get_y",        # buy ``buy`` units in scope, get ``get`` units of ``get_product_id`` (or the same) free
    "spend_save",         # spend ``threshold`` in scope, save ``amount`` (满X减Y), once or per threshold (``repeat``)
    "coupon",             # a presented coupon worth ``amount`` on a basket of at least ``threshold`` in scope
    "points_multiplier",  # lines in scope earn ``multiplier`` % of the usual points (200: double)
)
STACKING = (
    "exclusive",          # alone: no other promotion touches the lines it prices
    "stackable",          # combines with every other stackable promotion (and with the one best promotion kept)
    "best",               # competes: at most one per line (one per basket at basket level), the one saving most
)
AUDIENCES = ("everyone", "members", "tier", "listed")   # listed: a segment's or campaign's members, frozen
TIERS = ("standard", "silver", "gold")
LEGAL_CLASSES_EXCLUDED_BY_DEFAULT = ("rx", "controlled")


@dataclass(frozen=True)
class Scope:
    """Which products a promotion prices: the listed products and categories (both empty: all), minus the
    excluded products. Rx-only and controlled products are left out unless ``include_rx``."""

    product_ids: frozenset[int] = frozenset()
    categories: frozenset[str] = frozenset()
    exclude_product_ids: frozenset[int] = frozenset()
    include_rx: bool = False


@dataclass(frozen=True)
class Calendar:
    """When a promotion runs, in the store's local time: ``starts_on``..``ends_on`` (inclusive, None: open),
    on the listed weekdays (0 = Monday; empty: every day) and days of the month (8, 18, 28; empty: every day),
    from ``from_time`` (inclusive) until ``until_time`` (exclusive; both None: all day; a window such as
    22:00..02:00 runs over midnight; days and dates are checked on the day of ``now``)."""

    starts_on: date
    ends_on: date | None = None
    weekdays: frozenset[int] = frozenset()
    month_days: frozenset[int] = frozenset()
    from_time: time | None = None
    until_time: time | None = None


@dataclass(frozen=True)
class Audience:
    """Who gets a promotion: everyone, any member, members of a ``tier``, or the ``member_ids`` listed
    (a segment's or a campaign's target group, frozen when the promotion was made)."""

    kind: str = "everyone"
    tier: str | None = None
    member_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Promotion:
    """One promotion as the engine sees it. Only the fields its ``kind`` uses are set (see :data:`KINDS`).

    ``label`` is what the till and the receipt print ("会员价", "满100减10"); ``earns_points`` says whether the
    lines it discounts earn points; ``allow_below_cost`` is the owner's approval to sell under cost;
    ``include_rx`` in the scope is the only way an Rx-only line is discounted.
    """

    id: int
    name: str
    kind: str
    label: str
    scope: Scope = field(default_factory=Scope)
    calendar: Calendar = field(default_factory=lambda: Calendar(date.min))
    audience: Audience = field(default_factory=Audience)
    stacking: str = "exclusive"
    earns_points: bool = True
    allow_below_cost: bool = False
    percent: int = 0
    amount: int = 0
    prices: tuple[tuple[int, int], ...] = ()      # member_price: (product_id, member price) pairs
    tier_prices: tuple[tuple[str, int], ...] = ()  # member_price: (tier, percent of price) pairs
    nth: int = 0
    buy: int = 0
    get: int = 0
    get_product_id: int | None = None
    threshold: int = 0
    repeat: bool = False
    multiplier: int = 100
    coupon_code: str | None = None                 # coupon: the presented code this promotion stands for


@dataclass(frozen=True)
class PriceLine:
    """A cart line as the engine needs it. ``key`` identifies the line in the result (the till's row)."""

    key: int
    product_id: int
    category: str
    legal_class: str            # otc | rx | controlled
    quantity: int
    unit_price: int             # the catalogue price (or the approved override)
    unit_cost: int              # the FEFO cost estimate, for the below-cost guard


@dataclass(frozen=True)
class Shopper:
    """The member at the till, or ``Shopper()`` for a walk-in customer."""

    member_id: int | None = None
    tier: str = "standard"


@dataclass(frozen=True)
class LineDiscount:
    promotion_id: int
    label: str
    amount: int


@dataclass(frozen=True)
class PricedLine:
    key: int
    product_id: int
    quantity: int
    unit_price: int
    gross: int                               # unit_price × quantity
    discounts: tuple[LineDiscount, ...]      # this line's share of every promotion that priced it
    discount: int                            # their sum
    total: int                               # gross − discount, never negative
    earns_points: bool
    points_percent: int                      # 100 normally, 200 on a double-points line, 0 if it earns none


@dataclass(frozen=True)
class PricedCart:
    lines: tuple[PricedLine, ...]            # in the order given
    gross: int
    discount: int
    total: int
    savings: tuple[LineDiscount, ...]        # per promotion over the whole cart, in the order applied
    unmet: tuple[tuple[int, str], ...]       # (promotion id, why) for presented coupons that could not apply
    below_cost: tuple[int, ...]              # keys of lines a promotion would have taken below cost and did not

    @property
    def saved(self) -> int:
        return self.discount


LINE_KINDS = ("member_price", "nth_item", "buy_x_get_y", "percent_off", "amount_off")   # in the order applied
BASKET_KINDS = ("spend_save", "coupon")                                                 # in the order applied
_ORDER = {kind: rank for rank, kind in enumerate(LINE_KINDS + BASKET_KINDS + ("points_multiplier",))}


# --- who, when, what -------------------------------------------------------------------------------------

def is_running(calendar: Calendar, now: datetime) -> bool:
    """Whether ``calendar`` runs at ``now``, the store's local time as a naive datetime."""
    if now.tzinfo is not None:
        raise ValueError("pricing works in the store's local time: pass a naive local datetime")
    today, clock = now.date(), now.time()
    if today < calendar.starts_on or (calendar.ends_on is not None and today > calendar.ends_on):
        return False
    if calendar.weekdays and today.weekday() not in calendar.weekdays:
        return False
    if calendar.month_days and today.day not in calendar.month_days:
        return False
    start, until = calendar.from_time, calendar.until_time
    if start is not None and until is not None and until < start:      # over midnight
        return clock >= start or clock < until
    return (start is None or clock >= start) and (until is None or clock < until)


def is_for(promotion: Promotion, shopper: Shopper) -> bool:
    """Whether the promotion's audience includes ``shopper`` (member prices are for members only)."""
    audience = promotion.audience
    if promotion.kind == "member_price" and shopper.member_id is None:
        return False
    if audience.kind == "everyone":
        return True
    if audience.kind == "members":
        return shopper.member_id is not None
    if audience.kind == "tier":
        return shopper.member_id is not None and shopper.tier == audience.tier
    if audience.kind == "listed":
        return shopper.member_id is not None and shopper.member_id in audience.member_ids
    raise ValueError(f"unknown audience {audience.kind!r}")


def may_discount(scope: Scope, line: PriceLine) -> bool:
    """Whether a promotion with ``scope`` may touch ``line`` at all: not excluded, and Rx-only or controlled
    lines only with ``include_rx``."""
    if line.legal_class in LEGAL_CLASSES_EXCLUDED_BY_DEFAULT and not scope.include_rx:
        return False
    return line.product_id not in scope.exclude_product_ids


def in_scope(scope: Scope, line: PriceLine) -> bool:
    """Whether ``line`` is one of the products ``scope`` prices."""
    if not may_discount(scope, line):
        return False
    if not scope.product_ids and not scope.categories:
        return True
    return line.product_id in scope.product_ids or line.category in scope.categories


def applies(promotion: Promotion, line: PriceLine, shopper: Shopper, now: datetime) -> bool:
    """Whether ``promotion`` may price ``line`` for ``shopper`` at ``now``: running, for this shopper, in scope.
    (Whether it saves anything depends on the rest of the cart and on what it combines with.)"""
    return is_running(promotion.calendar, now) and is_for(promotion, shopper) and in_scope(promotion.scope, line)


# --- the engine ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Effect:
    """What a line-level promotion does to one line, as a function of the line's running total ``t``:
    ``frac``: t·a/b off; ``keep``: all but t·a/b off; ``amount``: a off; ``price``: down to a."""

    mode: str
    a: int
    b: int = 1

    def discount(self, t: int) -> int:
        if self.mode == "frac":
            return proportion(t, self.a, self.b)
        if self.mode == "keep":
            return t - proportion(t, self.a, self.b)
        if self.mode == "amount":
            return min(t, self.a)
        return max(0, t - self.a)


@dataclass(frozen=True)
class _Priced:
    """One line after its line-level promotions: its total, its discounts in order, whether the cost guard
    cut a discount short, and whether an exclusive promotion holds it (no basket discount then)."""

    total: int
    discounts: tuple[tuple[Promotion, int], ...] = ()
    limited: bool = False
    held: bool = False

    def rank(self) -> tuple:
        if len(self.discounts) < 2:
            return (self.total, len(self.discounts), tuple(p.id for p, _ in self.discounts))
        return (self.total, len(self.discounts), tuple(sorted(p.id for p, _ in self.discounts)))


@dataclass
class _Candidate:
    """A whole-cart pricing: each line's line-level result and its basket shares (line index → amounts)."""

    lines: list[_Priced]
    basket: list[tuple[Promotion, list[int]]]
    limited: set[int]
    total: int = 0

    def rank(self) -> tuple:
        ids = {p.id for priced in self.lines for p, _ in priced.discounts}
        ids |= {p.id for p, shares in self.basket if any(shares)}
        return (self.total, len(ids), tuple(sorted(ids)))


def price_cart(lines: Sequence[PriceLine], shopper: Shopper, promotions: Sequence[Promotion],
               now: datetime) -> PricedCart:
    """Price ``lines`` for ``shopper`` at ``now`` (naive local time) with the active ``promotions``: the
    lowest total the stacking rules allow (see the module docstring), every discount explained per line."""
    keys = [line.key for line in lines]
    if len(set(keys)) != len(keys):
        raise ValueError("cart line keys must be unique")
    if any(line.quantity < 0 or line.unit_price < 0 or line.unit_cost < 0 for line in lines):
        raise ValueError("quantities, prices and costs must not be negative")
    for promotion in promotions:
        if promotion.kind not in KINDS or promotion.stacking not in STACKING:
            raise ValueError(f"promotion {promotion.id}: unknown kind or stacking")
    cart = sorted(lines, key=lambda line: line.key)          # every decision is made in key order
    unmet: dict[int, str] = {}
    live = []
    for promotion in sorted(promotions, key=lambda p: p.id):
        if not is_running(promotion.calendar, now):
            if promotion.kind == "coupon":
                unmet[promotion.id] = "not valid at this time"
        elif not is_for(promotion, shopper):
            if promotion.kind == "coupon":
                unmet[promotion.id] = "not for this customer"
        else:
            live.append(promotion)
    scoped = _scoped_lines(cart, live)
    effects = _line_effects(cart, shopper, [p for p in live if p.kind in LINE_KINDS], scoped)
    basket = [p for p in live if p.kind in BASKET_KINDS and scoped[p.id]]
    basket.sort(key=lambda p: (_ORDER[p.kind], p.id))
    for promotion in live:
        if promotion.kind == "coupon" and not scoped[promotion.id]:
            unmet[promotion.id] = "nothing in the cart is eligible"

    best_any, best_shared, untouched = [], [], []
    for index, line in enumerate(cart):
        options = _line_options(line, effects[index])
        best_any.append(min(options, key=_Priced.rank))
        best_shared.append(min((o for o in options if not o.held), key=_Priced.rank))
        untouched.append(options[0])
    candidate = _best_plan(cart, basket, scoped, best_any, best_shared, untouched)
    for promotion in basket:
        if promotion.kind == "coupon" and not any(any(s) for p, s in candidate.basket if p is promotion):
            unmet[promotion.id] = _coupon_reason(promotion, cart, candidate, scoped[promotion.id])
    return _result(lines, cart, candidate, live, scoped, sorted(unmet.items()))


def _scoped_lines(cart: list[PriceLine], live: list[Promotion]) -> dict[int, list[int]]:
    """Promotion id → indexes of the cart lines in its scope, found through an index by product and category
    so that promotions for products not in the cart cost almost nothing."""
    by_product: dict[int, list[int]] = {}
    by_category: dict[str, list[int]] = {}
    for index, line in enumerate(cart):
        by_product.setdefault(line.product_id, []).append(index)
        by_category.setdefault(line.category, []).append(index)
    products, categories = by_product.keys(), by_category.keys()
    everything = range(len(cart))
    scoped = {}
    for promotion in live:
        scope = promotion.scope
        if not scope.product_ids and not scope.categories:
            candidates = everything
        else:
            hit_products, hit_categories = products & scope.product_ids, categories & scope.categories
            if not hit_products and not hit_categories:
                scoped[promotion.id] = []
                continue
            found = {i for pid in hit_products for i in by_product[pid]}
            found.update(i for category in hit_categories for i in by_category[category])
            candidates = sorted(found)
        scoped[promotion.id] = [i for i in candidates if in_scope(scope, cart[i])]
    return scoped


def _line_effects(cart: list[PriceLine], shopper: Shopper, promotions: list[Promotion],
                  scoped: dict[int, list[int]]) -> list[list[tuple[Promotion, _Effect]]]:
    """For every line, the line-level promotions that would discount it and how. Cross-line kinds (nth item,
    buy X get Y) count the units of the whole cart here, once."""
    effects: list[list[tuple[Promotion, _Effect]]] = [[] for _ in cart]
    for promotion in promotions:
        indexes = scoped[promotion.id]
        if promotion.kind == "member_price":
            prices, tiers = dict(promotion.prices), dict(promotion.tier_prices)
            for i in indexes:
                line = cart[i]
                if line.product_id in prices:
                    effect = _Effect("price", prices[line.product_id] * line.quantity)
                elif shopper.tier in tiers:
                    effect = _Effect("keep", tiers[shopper.tier], 100)
                elif promotion.percent:
                    effect = _Effect("frac", promotion.percent, 100)
                else:
                    continue
                effects[i].append((promotion, effect))
        elif promotion.kind == "percent_off":
            for i in indexes:
                effects[i].append((promotion, _Effect("frac", promotion.percent, 100)))
        elif promotion.kind == "amount_off":
            for i in indexes:
                effects[i].append((promotion, _Effect("amount", promotion.amount * cart[i].quantity)))
        else:
            for i, units, off in _unit_discounts(cart, promotion, indexes):
                effects[i].append((promotion, _Effect("frac", units * off, cart[i].quantity * 100)))
    for row in effects:
        row.sort(key=lambda pair: (_ORDER[pair[0].kind], pair[0].id))
    return effects


def _unit_discounts(cart: list[PriceLine], promotion: Promotion, indexes: list[int]):
    """(line index, units discounted, percent off those units) for an nth_item or buy_x_get_y promotion.
    Discounted units are the cheapest ones (by unit price, then line key)."""
    groups: dict[int, list[int]] = {}
    if promotion.kind == "nth_item":
        if promotion.nth < 1:
            return []
        for i in indexes:
            groups.setdefault(cart[i].product_id, []).append(i)
        counts = {pid: sum(cart[i].quantity for i in group) // promotion.nth for pid, group in groups.items()}
        off = 100 - promotion.percent
    else:
        if promotion.buy < 1 or promotion.get < 1:
            return []
        off = 100
        if promotion.get_product_id is None:
            for i in indexes:
                groups.setdefault(cart[i].product_id, []).append(i)
            group_size = promotion.buy + promotion.get
            counts = {pid: sum(cart[i].quantity for i in group) // group_size * promotion.get
                      for pid, group in groups.items()}
        else:
            gift = promotion.get_product_id
            gift_lines = [i for i, line in enumerate(cart)
                          if line.product_id == gift and may_discount(promotion.scope, line)]
            bought = sum(cart[i].quantity for i in indexes)
            gift_counts = any(cart[i].product_id == gift for i in indexes)   # the gift itself qualifies
            group_size = promotion.buy + promotion.get if gift_counts else promotion.buy
            groups = {gift: gift_lines}
            counts = {gift: bought // group_size * promotion.get}
    found = []
    for pid, group in groups.items():
        left = min(counts[pid], sum(cart[i].quantity for i in group))
        for i in sorted(group, key=lambda i: (cart[i].unit_price, cart[i].key)):
            if left <= 0:
                break
            units = min(left, cart[i].quantity)
            found.append((i, units, off))
            left -= units
    return found


def _run(line: PriceLine, state: tuple[int, tuple, bool], chosen) -> tuple[int, tuple, bool]:
    """Apply line-level promotions to a (total, discounts, limited) state in order, each on what the previous
    ones left, under the cost guard."""
    total, discounts, limited = state
    cost = line.unit_cost * line.quantity
    for promotion, effect in chosen:
        wanted = effect.discount(total)
        given = max(0, min(wanted, total - (0 if promotion.allow_below_cost else cost)))
        limited = limited or given < wanted
        if given:
            discounts += ((promotion, given),)
            total -= given
    return total, discounts, limited


def _line_options(line: PriceLine, effects: list[tuple[Promotion, _Effect]]) -> list[_Priced]:
    """The allowed line-level combinations for one line that can be the cheapest; the first is the untouched
    line. A best promotion is tried only if its bound can still win: every pricing step is monotone and
    never amplifies a difference, so inserting it saves at most what it would take where it is inserted."""
    gross = line.unit_price * line.quantity
    options = [_Priced(gross)]
    if not effects:
        return options
    stack = [pair for pair in effects if pair[0].stacking == "stackable"]
    prefixes = [(gross, (), False)]
    for pair in stack:
        prefixes.append(_run(line, prefixes[-1], [pair]))
    lowest = prefixes[-1][0]
    options.append(_Priced(*prefixes[-1]))
    keys = [(_ORDER[p.kind], p.id) for p, _ in stack]
    bounded = []
    for pair in effects:
        if pair[0].stacking == "best":
            at = bisect_left(keys, (_ORDER[pair[0].kind], pair[0].id))
            bounded.append((lowest - pair[1].discount(prefixes[at][0]), pair[0].id, at, pair))
        elif pair[0].stacking == "exclusive":
            state = _run(line, (gross, (), False), [pair])
            options.append(_Priced(*state, held=bool(state[1])))
    for bound, _, at, pair in sorted(bounded, key=lambda b: b[:2]):
        if bound > lowest:
            break
        state = _run(line, prefixes[at], [pair] + stack[at:])
        options.append(_Priced(*state))
        lowest = min(lowest, state[0])
    return options


def _best_plan(cart, basket, scoped, best_any, best_shared, untouched) -> _Candidate:
    """Try every basket plan with each line's three precomputed choices; keep the lowest-ranked candidate.

    Plans are priced exactly in the order of a lower bound on their total (the savings as if the cost guard
    never bound), and the search stops at the first bound above the best total found: exact, but most plans
    cost a few additions."""
    best = _price_basket(cart, [], best_any)
    if not basket:
        return best
    stackable = [p for p in basket if p.stacking == "stackable"]
    plans = [(stackable + ([b] if b else []), False)
             for b in [None] + [p for p in basket if p.stacking == "best"]]
    plans += [([p], True) for p in basket if p.stacking == "exclusive"]
    choices = (best_any, best_shared, untouched)
    costs = [line.unit_cost * line.quantity for line in cart]
    # Per choice and line: its extra cost over best_any, and what a basket discount may take from it (held
    # lines: nothing) down to zero and down to cost.
    extra = [[choice[i].total - best_any[i].total for i in range(len(cart))] for choice in choices]
    to_zero = [[0 if p.held else p.total for p in choice] for choice in choices]
    to_cost = [[0 if p.held else max(0, p.total - cost) for p, cost in zip(choice, costs)] for choice in choices]
    saving: dict[tuple[int, int], int] = {}           # (choice, promotion id) → its saving if nothing caps it
    bounded = []
    for promotions, exclusive in plans:
        if not promotions:
            continue
        promotions = sorted(promotions, key=lambda p: (_ORDER[p.kind], p.id))
        touched = sorted({i for p in promotions for i in scoped[p.id]})
        below_cost = any(p.allow_below_cost for p in promotions)
        tried = []
        for c in ((2,) if exclusive else (0, 1, 2)):
            choice = choices[c]
            if tried and all(choice[i] is choices[tried[-1]][i] for i in touched):
                continue                              # the same as the previous choice on these lines
            tried.append(c)
            for p in promotions:
                if (c, p.id) not in saving:
                    base = sum(map(to_zero[c].__getitem__, scoped[p.id]))
                    room = base if p.allow_below_cost else sum(map(to_cost[c].__getitem__, scoped[p.id]))
                    saving[c, p.id] = min(_wanted(p, base), room)
            room = sum(map((to_zero if below_cost else to_cost)[c].__getitem__, touched))
            most = min(room, sum(saving[c, p.id] for p in promotions))
            bound = best.total + sum(map(extra[c].__getitem__, touched)) - most
            bounded.append((bound, len(bounded), promotions, set(touched), choice))
    bounded.sort(key=lambda plan: plan[:2])
    for bound, _, promotions, touched, choice in bounded:
        if bound > best.total:
            break
        chosen = [choice[i] if i in touched else best_any[i] for i in range(len(cart))]
        candidate = _price_basket(cart, [(p, scoped[p.id]) for p in promotions], chosen)
        if candidate.rank() < best.rank():
            best = candidate
    return best


def _wanted(promotion: Promotion, base: int) -> int:
    """What a basket promotion takes off a scope worth ``base`` after line-level discounts (a coupon counts
    once, a spend_save once per whole threshold when it repeats)."""
    if promotion.threshold <= 0:
        times = 1 if base > 0 else 0
    elif promotion.repeat and promotion.kind == "spend_save":
        times = base // promotion.threshold
    else:
        times = int(base >= promotion.threshold)
    return promotion.amount * times


def _price_basket(cart, promotions, chosen: list[_Priced]) -> _Candidate:
    """Apply basket-level promotions (in order) on top of the chosen line-level results."""
    totals = [priced.total for priced in chosen]
    limited = {i for i, priced in enumerate(chosen) if priced.limited}
    applied = []
    for promotion, indexes in promotions:
        eligible = [i for i in indexes if not chosen[i].held]
        base = sum(chosen[i].total for i in eligible)
        shares = [0] * len(cart)
        wanted = _wanted(promotion, base)
        if wanted:
            given = _share_out(cart, promotion, wanted, eligible, totals, limited)
            for i, amount in given.items():
                shares[i] = amount
                totals[i] -= amount
        applied.append((promotion, shares))
    return _Candidate(list(chosen), applied, limited, sum(totals))


def _share_out(cart, promotion, amount, eligible, totals, limited) -> dict[int, int]:
    """Allocate a basket discount over ``eligible`` lines in proportion to their running totals; a share the
    cost guard caps moves to the remaining lines. Returns line index → share."""
    if promotion.allow_below_cost:
        room = {i: totals[i] for i in eligible}
    else:
        room = {i: totals[i] - cart[i].unit_cost * cart[i].quantity for i in eligible}
    given = dict.fromkeys(eligible, 0)
    open_lines = [i for i in eligible if totals[i] > 0]
    left = min(amount, sum(totals[i] for i in open_lines))
    while left > 0 and open_lines:
        shares = allocate(left, [totals[i] for i in open_lines])
        capped = [i for i, share in zip(open_lines, shares) if share > room[i] - given[i]]
        if not capped:
            for i, share in zip(open_lines, shares):
                given[i] += share
            break
        for i in capped:                     # these take what they can; the rest is shared out again
            take = max(0, room[i] - given[i])
            given[i] += take
            left -= take
            limited.add(i)
        open_lines = [i for i in open_lines if i not in capped]
    return given


def _coupon_reason(promotion: Promotion, cart, candidate: _Candidate, indexes: list[int]) -> str:
    """Why a presented coupon that was in the cart's scope did not apply, in plain words."""
    eligible = [i for i in indexes if not candidate.lines[i].held]
    base = sum(candidate.lines[i].total for i in eligible)
    if base < promotion.threshold:
        return f"minimum spend {format_money(promotion.threshold)} not reached ({format_money(base)} eligible)"
    at_cost = all(candidate.lines[i].total <= cart[i].unit_cost * cart[i].quantity for i in eligible)
    if eligible and at_cost and not promotion.allow_below_cost:
        return "the eligible lines are already at cost"
    return "does not combine with the better promotions in this cart"


def _result(lines, cart, candidate: _Candidate, live, scoped, unmet) -> PricedCart:
    """Turn the chosen candidate into the public result, lines in the order given."""
    multipliers: dict[int, int] = {}
    for promotion in live:
        if promotion.kind == "points_multiplier":
            for i in scoped[promotion.id]:
                multipliers[i] = max(multipliers.get(i, promotion.multiplier), promotion.multiplier)
    by_key, savings, promotion_of = {}, {}, {}
    for i, line in enumerate(cart):
        pairs = list(candidate.lines[i].discounts)
        pairs += [(p, shares[i]) for p, shares in candidate.basket if shares[i]]
        discounts = tuple(LineDiscount(p.id, p.label, amount) for p, amount in pairs)
        for p, amount in pairs:
            savings[p.id] = savings.get(p.id, 0) + amount
            promotion_of[p.id] = p
        earns = all(p.earns_points for p, _ in pairs)
        gross = line.unit_price * line.quantity
        discount = sum(d.amount for d in discounts)
        by_key[line.key] = PricedLine(line.key, line.product_id, line.quantity, line.unit_price, gross, discounts,
                                      discount, gross - discount, earns, multipliers.get(i, 100) if earns else 0)
    priced = tuple(by_key[line.key] for line in lines)
    limited_keys = {cart[i].key for i in candidate.limited}
    order = sorted(promotion_of.values(), key=lambda p: (_ORDER[p.kind], p.id))
    return PricedCart(
        lines=priced, gross=sum(p.gross for p in priced), discount=sum(p.discount for p in priced),
        total=sum(p.total for p in priced),
        savings=tuple(LineDiscount(p.id, p.label, savings[p.id]) for p in order),
        unmet=tuple(unmet),
        below_cost=tuple(line.key for line in lines if line.key in limited_keys))
