"""Promotions and the pricing engine: what a promotion is, and :func:`price_cart`, which prices a cart.

Pure: no database, no clock, no store. ``store.promotions`` (:mod:`pharmadesk.core.promotions`) keeps the
promotions and coupons and hands the active ones here; ``store.sales`` books what :func:`price_cart` decides.
All money is in minor units (fen), all percentages are whole percent.

    priced = price_cart(lines, shopper, promotions, now)
    priced.total, priced.saved, priced.lines[0].discounts   # each line explained: ("会员价", 350)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

KINDS = (
    "member_price",       # a member price per product (``prices``) or a percent off (``percent``) for members
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
    "stackable",          # combines with every other stackable promotion
    "best",               # competes: the engine keeps whichever of the competing promotions saves the most
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
    between ``from_time`` and ``until_time`` (both None: all day)."""

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
