"""A promotion as the owner writes it (a plain dict, from a form or a JSON/YAML file) checked into the engine's
:class:`~pharmadesk.core.pricing.Promotion`, and the conflicts that make two promotions unable to run together.

Pure: the caller passes the catalogue (:class:`CatalogEntry` by id) and today's date; nothing here reads the
database. ``store.promotions`` (:mod:`pharmadesk.core.promotions`) resolves listed audiences and stores the result.

A spec, every key but ``name`` and ``kind`` optional::

    {"name": "Member day", "kind": "percent_off", "label": "会员日9折", "percent": 10,
     "stacking": "exclusive", "earns_points": true, "allow_below_cost": false, "note": "...",
     "scope": {"products": [12, "6901234567892"], "categories": ["otc"], "exclude_products": [], "include_rx": false},
     "calendar": {"starts_on": "2026-01-01", "ends_on": null, "weekdays": [], "month_days": [8, 18, 28],
                  "from_time": "09:00", "until_time": "21:00"},
     "audience": "members"}          # or {"kind": "tier", "tier": "gold"}, {"kind": "listed", "campaign_id": 3}

Products are given by id (a number) or barcode (text). The numbers a kind uses are listed in :data:`KIND_FIELDS`;
a number the kind does not use is refused, so a typo cannot silently change what a promotion does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from typing import Iterable, Mapping

from pharmadesk.core.catalog import CATEGORIES, whole_number
from pharmadesk.core.pricing import (
    AUDIENCES, KINDS, LEGAL_CLASSES_EXCLUDED_BY_DEFAULT, STACKING, TIERS, Audience, Calendar, Promotion, Scope,
)
from pharmadesk.core.timeutil import parse_date
from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

# The numbers (and flags) each kind uses; every other kind-specific field must stay unset.
KIND_FIELDS: dict[str, frozenset[str]] = {
    "member_price": frozenset({"prices", "tier_prices", "percent"}),
    "percent_off": frozenset({"percent"}),
    "amount_off": frozenset({"amount"}),
    "nth_item": frozenset({"nth", "percent"}),
    "buy_x_get_y": frozenset({"buy", "get", "get_product_id"}),
    "spend_save": frozenset({"threshold", "amount", "repeat"}),
    "coupon": frozenset({"amount", "threshold"}),
    "points_multiplier": frozenset({"multiplier"}),
}
KIND_SPECIFIC = frozenset().union(*KIND_FIELDS.values())
COMMON_KEYS = frozenset({"name", "kind", "label", "stacking", "earns_points", "allow_below_cost", "note",
                         "scope", "calendar", "audience"})
SCOPE_KEYS = frozenset({"products", "categories", "exclude_products", "include_rx"})
CALENDAR_KEYS = frozenset({"starts_on", "ends_on", "weekdays", "month_days", "from_time", "until_time"})
AUDIENCE_KEYS = frozenset({"kind", "tier", "member_ids", "campaign_id"})
MAX_AMOUNT = 10**9                  # minor units: ten million yuan
CALENDAR_HORIZON = 2 * 366          # days looked at when asking whether two calendars ever meet
NAME_LENGTH, LABEL_LENGTH, NOTE_LENGTH = 80, 40, 500


@dataclass(frozen=True)
class CatalogEntry:
    """What the checks need to know about a product."""

    id: int
    barcode: str
    name: str
    category: str
    legal_class: str
    price: int


@dataclass(frozen=True)
class Draft:
    """A checked spec: the engine object (id 0 until stored) and what is kept beside it. For a listed audience
    the promotion's ``audience.member_ids`` are the ids asked for (consent not yet applied), or ``campaign_id``
    names the campaign whose target group it is."""

    promotion: Promotion
    campaign_id: int | None = None
    note: str | None = None


# -- small parsers ------------------------------------------------------------------------------------------

def _text(value, field: str, limit: int, required: bool = True) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: this cannot be empty."), field=field)
        return None
    if not isinstance(value, str):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter text."), field=field)
    value = value.strip()
    if len(value) > limit:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: at most {limit} characters."),
                              field=field, limit=limit)
    return value


def _flag(value, field: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: answer true or false."), field=field)
    return value


def _numbers(value, field: str, low: int, high: int) -> frozenset[int]:
    if value is None:
        return frozenset()
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: give a list of numbers."), field=field)
    return frozenset(whole_number(v, field, low, high) for v in value)


def _clock_time(value, field: str) -> time | None:
    if value is None:
        return None
    try:
        parsed = time.fromisoformat(str(value).strip())
    except ValueError:
        parsed = None
    if parsed is None or parsed.second or parsed.microsecond:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter a time as HH:MM."), field=field)
    return parsed


def _unknown_key(given: Mapping, allowed: frozenset[str], where: str) -> None:
    unknown = sorted(str(k) for k in given if k not in allowed)
    if unknown:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{where}: unknown field “{field}”."),
                              where=where, field=unknown[0])


def _mapping(value, field: str) -> Mapping:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: give named fields."), field=field)
    return value


def _unset(field: str, value) -> bool:
    """True when a kind-specific ``value`` says nothing (so a kind that does not use it may carry it)."""
    if value is None or value is False or (isinstance(value, (list, tuple, dict)) and not value):
        return True
    return value == (100 if field == "multiplier" else 0) and not isinstance(value, bool)


class _Products:
    """Product references (an id or a barcode) resolved against the catalogue."""

    def __init__(self, catalog: Mapping[int, CatalogEntry]) -> None:
        self.catalog = catalog
        self._by_barcode = {entry.barcode: entry.id for entry in catalog.values()}

    def one(self, ref, field: str) -> int:
        if isinstance(ref, str):
            text = ref.strip()
            product_id = self._by_barcode.get(text)
            if product_id is None and text.isdigit() and int(text) in self.catalog:
                product_id = int(text)
        elif isinstance(ref, bool):
            product_id = None
        else:
            product_id = whole_number(ref, field, 1, 2**62)
            if product_id not in self.catalog:
                product_id = None
        if product_id is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: there is no product {product}."),
                                  field=field, product=str(ref))
        return product_id

    def many(self, refs, field: str) -> frozenset[int]:
        if refs is None:
            return frozenset()
        if isinstance(refs, (str, bytes, Mapping)) or not isinstance(refs, Iterable):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: give a list of products."), field=field)
        return frozenset(self.one(ref, field) for ref in refs)


# -- the spec -----------------------------------------------------------------------------------------------

def parse_spec(spec: Mapping, catalog: Mapping[int, CatalogEntry], today: date) -> Draft:
    """Check ``spec`` and return it as a :class:`Draft`; :class:`ValidationError` names the first problem.

    Checks each field's type and range for the kind (percent 1..100, amounts > 0, nth >= 2, buy/get >= 1,
    thresholds, dates, weekdays 0..6, days of the month 1..31, times, tiers), that products and categories
    exist, and that the spec does not contradict itself (a gift or a member price on an excluded product,
    a scope or a calendar that leaves nothing, a discount as large as its threshold, ...).
    """
    if not isinstance(spec, Mapping):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A promotion is described by named fields."))
    _unknown_key(spec, COMMON_KEYS | KIND_SPECIFIC, "promotion")
    name = _text(spec.get("name"), "name", NAME_LENGTH)
    kind = spec.get("kind")
    if kind not in KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "kind: choose one of {choices}."), choices=", ".join(KINDS))
    for field in sorted(KIND_SPECIFIC - KIND_FIELDS[kind]):
        if not _unset(field, spec.get(field)):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A {kind} promotion has no {field}."),
                                  kind=kind, field=field)
    label = _text(spec.get("label"), "label", LABEL_LENGTH, required=False) or name[:LABEL_LENGTH]
    stacking = spec.get("stacking") or "exclusive"
    if stacking not in STACKING:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "stacking: choose one of {choices}."),
                              choices=", ".join(STACKING))
    products = _Products(catalog)
    scope = _scope(_mapping(spec.get("scope"), "scope"), products)
    calendar = _calendar(_mapping(spec.get("calendar"), "calendar"), today)
    audience, campaign_id = _audience(spec.get("audience"), kind)
    numbers = _kind_numbers(kind, spec, products)
    earns_points = _flag(spec.get("earns_points"), "earns_points", True)
    promotion = Promotion(
        id=0, name=name, kind=kind, label=label, scope=scope, calendar=calendar, audience=audience,
        stacking=stacking, earns_points=earns_points,
        allow_below_cost=_flag(spec.get("allow_below_cost"), "allow_below_cost", False), **numbers)
    promotion = _coherent(promotion, catalog)
    return Draft(promotion, campaign_id, _text(spec.get("note"), "note", NOTE_LENGTH, required=False))


def _scope(given: Mapping, products: _Products) -> Scope:
    _unknown_key(given, SCOPE_KEYS, "scope")
    categories = given.get("categories") or []
    if isinstance(categories, str) or not isinstance(categories, Iterable):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: give a list of categories."), field="categories")
    for category in categories:
        if category not in CATEGORIES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "categories: there is no category {category}."),
                                  category=str(category))
    return Scope(product_ids=products.many(given.get("products"), "products"), categories=frozenset(categories),
                 exclude_product_ids=products.many(given.get("exclude_products"), "exclude_products"),
                 include_rx=_flag(given.get("include_rx"), "include_rx", False))


def _calendar(given: Mapping, today: date) -> Calendar:
    _unknown_key(given, CALENDAR_KEYS, "calendar")
    starts_on = parse_date(given["starts_on"], "starts_on") if given.get("starts_on") else today
    ends_on = parse_date(given["ends_on"], "ends_on") if given.get("ends_on") else None
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A promotion cannot end before it starts."))
    if ends_on is not None and ends_on < today:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "This promotion would end before today."))
    from_time, until_time = _clock_time(given.get("from_time"), "from_time"), _clock_time(given.get("until_time"),
                                                                                          "until_time")
    if (from_time is None) != (until_time is None):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give both a start and an end time, or neither."))
    if from_time is not None and from_time >= until_time:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The start time must come before the end time."))
    calendar = Calendar(starts_on=starts_on, ends_on=ends_on,
                        weekdays=_numbers(given.get("weekdays"), "weekdays", 0, 6),
                        month_days=_numbers(given.get("month_days"), "month_days", 1, 31),
                        from_time=from_time, until_time=until_time)
    if not any(runs_on(calendar, day) for day in _days(starts_on, ends_on)):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "This calendar has no day on which the promotion runs."))
    return calendar


def _audience(given, kind: str) -> tuple[Audience, int | None]:
    if given is None:
        given = {"kind": "members" if kind == "member_price" else "everyone"}
    if isinstance(given, str):
        given = {"kind": given}
    given = _mapping(given, "audience")
    _unknown_key(given, AUDIENCE_KEYS, "audience")
    who = given.get("kind", "everyone")
    if who not in AUDIENCES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "audience: choose one of {choices}."),
                              choices=", ".join(AUDIENCES))
    tier, member_ids, campaign_id = given.get("tier"), given.get("member_ids"), given.get("campaign_id")
    if who == "tier":
        if tier not in TIERS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "tier: choose one of {choices}."),
                                  choices=", ".join(TIERS))
    elif tier is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Only a tier audience names a tier."))
    if who == "listed":
        if (member_ids is None) == (campaign_id is None):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A listed audience needs either member_ids (a segment) or a campaign_id."))
        if campaign_id is not None:
            campaign_id = whole_number(campaign_id, "campaign_id", 1, 2**62)
        ids = _numbers(member_ids, "member_ids", 1, 2**62)
        if member_ids is not None and not ids:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "member_ids: the list is empty."))
    elif member_ids is not None or campaign_id is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Only a listed audience takes member_ids or a campaign_id."))
    else:
        ids = frozenset()
    if kind == "member_price" and who == "everyone":
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A member price is for members: choose members, a tier or a list as the audience."))
    return Audience(kind=who, tier=tier if who == "tier" else None, member_ids=ids), campaign_id


def _kind_numbers(kind: str, spec: Mapping, products: _Products) -> dict:
    """The kind's numbers, each checked for range; relations between them are checked in :func:`_coherent`."""
    get = spec.get
    if kind == "percent_off":
        return {"percent": whole_number(get("percent"), "percent", 1, 100)}
    if kind == "amount_off":
        return {"amount": whole_number(get("amount"), "amount", 1, MAX_AMOUNT)}
    if kind == "nth_item":           # percent is what the nth unit costs: 50 for half price, 0 for free
        return {"nth": whole_number(get("nth"), "nth", 2, 100), "percent": whole_number(get("percent"), "percent", 0, 99)}
    if kind == "buy_x_get_y":
        gift = get("get_product_id")
        return {"buy": whole_number(get("buy"), "buy", 1, 1000), "get": whole_number(get("get"), "get", 1, 1000),
                "get_product_id": None if gift is None else products.one(gift, "get_product_id")}
    if kind == "spend_save":
        return {"threshold": whole_number(get("threshold"), "threshold", 1, MAX_AMOUNT),
                "amount": whole_number(get("amount"), "amount", 1, MAX_AMOUNT),
                "repeat": _flag(get("repeat"), "repeat", False)}
    if kind == "coupon":
        return {"amount": whole_number(get("amount"), "amount", 1, MAX_AMOUNT),
                "threshold": whole_number(get("threshold") or 0, "threshold", 0, MAX_AMOUNT)}
    if kind == "points_multiplier":
        multiplier = whole_number(get("multiplier"), "multiplier", 0, 1000)
        if multiplier == 100:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A multiplier of 100 % changes nothing."))
        return {"multiplier": multiplier}
    # member_price: fixed prices per product, or a percent of the price per tier, or a percent off for members
    given = [f for f in ("prices", "tier_prices", "percent") if not _unset(f, get(f))]
    if len(given) != 1:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A member price needs exactly one of prices, tier_prices or percent."))
    if given[0] == "percent":
        return {"percent": whole_number(get("percent"), "percent", 1, 100)}
    pairs = _pairs(get(given[0]), given[0])
    if given[0] == "prices":
        prices = {products.one(ref, "prices"): whole_number(price, "prices", 1, MAX_AMOUNT) for ref, price in pairs}
        return {"prices": tuple(sorted(prices.items()))}
    tier_prices = {}
    for tier, percent in pairs:
        if tier not in TIERS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "tier: choose one of {choices}."),
                                  choices=", ".join(TIERS))
        tier_prices[tier] = whole_number(percent, "tier_prices", 1, 100)
    return {"tier_prices": tuple(sorted(tier_prices.items()))}


def _pairs(value, field: str) -> list[tuple]:
    if isinstance(value, Mapping):
        return list(value.items())
    try:
        pairs = [tuple(pair) for pair in value]
    except TypeError:
        pairs = None
    if pairs is None or any(len(pair) != 2 for pair in pairs):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: give pairs of a name and a number."),
                              field=field)
    return pairs


def _coherent(promotion: Promotion, catalog: Mapping[int, CatalogEntry]) -> Promotion:
    """Refuse a promotion that contradicts itself; fill a member-price scope from its prices."""
    scope = promotion.scope
    both = scope.product_ids & scope.exclude_product_ids
    if both:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Product #{product} is both included and excluded."),
                              product=min(both))
    if promotion.prices and not scope.product_ids and not scope.categories:
        scope = replace(scope, product_ids=frozenset(p for p, _price in promotion.prices))
        promotion = replace(promotion, scope=scope)
    for product_id in sorted(scope.product_ids):
        _discountable(catalog[product_id], scope)
    covered = covered_products(scope, catalog)
    if not covered:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "This scope leaves no product to discount."))
    for product_id, price in promotion.prices:
        if product_id not in covered:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Product #{product} has a member price but is not among the promotion's products."),
                product=product_id)
        if price >= catalog[product_id].price:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The member price of product #{product} must be below its price ({price})."),
                product=product_id, price=catalog[product_id].price)
    gift = promotion.get_product_id
    if gift is not None:
        if gift in scope.exclude_product_ids:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The gift, product #{product}, is excluded from this promotion's products."), product=gift)
        _discountable(catalog[gift], scope)
    if promotion.audience.kind == "tier" and promotion.tier_prices \
            and promotion.audience.tier not in dict(promotion.tier_prices):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The tier prices leave out the {tier} members this promotion is for."),
            tier=promotion.audience.tier)
    if promotion.kind in ("spend_save", "coupon") and promotion.threshold and promotion.amount >= promotion.threshold:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The discount ({amount}) must be smaller than the spend it needs ({threshold})."),
            amount=promotion.amount, threshold=promotion.threshold)
    if promotion.kind == "points_multiplier" and not promotion.earns_points:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A points multiplier needs its lines to earn points (earns_points)."))
    return promotion


def _discountable(entry: CatalogEntry, scope: Scope) -> None:
    if entry.legal_class in LEGAL_CLASSES_EXCLUDED_BY_DEFAULT and not scope.include_rx:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Product #{product} is prescription-only or controlled: set include_rx to discount it."),
            product=entry.id)


# -- what a promotion covers ----------------------------------------------------------------------------------

def covered_products(scope: Scope, catalog: Mapping[int, CatalogEntry]) -> frozenset[int]:
    """The ids of the catalogue's products that ``scope`` prices."""
    everything = not scope.product_ids and not scope.categories
    return frozenset(
        entry.id for entry in catalog.values()
        if (everything or entry.id in scope.product_ids or entry.category in scope.categories)
        and entry.id not in scope.exclude_product_ids
        and (scope.include_rx or entry.legal_class not in LEGAL_CLASSES_EXCLUDED_BY_DEFAULT))


def runs_on(calendar: Calendar, day: date) -> bool:
    """True when ``calendar`` includes the whole or part of ``day`` (its hours aside)."""
    return (calendar.starts_on <= day and (calendar.ends_on is None or day <= calendar.ends_on)
            and (not calendar.weekdays or day.weekday() in calendar.weekdays)
            and (not calendar.month_days or day.day in calendar.month_days))


def _days(first: date, last: date | None) -> Iterable[date]:
    end = first + timedelta(days=CALENDAR_HORIZON)
    if last is not None and last < end:
        end = last
    day = first
    while day <= end:
        yield day
        day += timedelta(days=1)


def calendars_meet(a: Calendar, b: Calendar, since: date = date.min) -> bool:
    """True when ``a`` and ``b`` share a day from ``since`` on (within two years of the later start) and an hour
    of it."""
    first = max(a.starts_on, b.starts_on, since)
    last = min((d for d in (a.ends_on, b.ends_on) if d is not None), default=None)
    if last is not None and last < first:
        return False
    if a.from_time is not None and b.from_time is not None \
            and not (a.from_time < b.until_time and b.from_time < a.until_time):
        return False
    return any(runs_on(a, day) and runs_on(b, day) for day in _days(first, last))


def audiences_meet(a: Audience, b: Audience) -> bool:
    """True when one shopper could belong to both audiences. A tier and a list always may: tiers move with spend."""
    if a.kind == "listed" and b.kind == "listed":
        return bool(a.member_ids & b.member_ids)
    if a.kind == "tier" and b.kind == "tier":
        return a.tier == b.tier
    return True


def _tiers(promotion: Promotion) -> frozenset[str]:
    tiers = frozenset([promotion.audience.tier]) if promotion.audience.kind == "tier" else frozenset(TIERS)
    return tiers & frozenset(dict(promotion.tier_prices)) if promotion.tier_prices else tiers


def member_price_of(promotion: Promotion, entry: CatalogEntry, tier: str) -> int | None:
    """The price a member of ``tier`` pays for ``entry`` under a member-price promotion (None: none given)."""
    if promotion.prices:
        return dict(promotion.prices).get(entry.id)
    percent_of_price = dict(promotion.tier_prices).get(tier) if promotion.tier_prices else 100 - promotion.percent
    return None if percent_of_price is None else (entry.price * percent_of_price + 50) // 100


def find_conflict(new: Promotion, others: Iterable[Promotion], catalog: Mapping[int, CatalogEntry],
                  today: date = date.min) -> None:
    """Raise :class:`ValidationError` naming the first of ``others`` that ``new`` cannot run beside from
    ``today`` on (days already past do not count).

    Two promotions of the same kind, one of them exclusive, over shared products, days and shoppers cannot
    both hold; nor can two member prices that charge a different price for the same product, tier and time.
    Coupon promotions only apply when a coupon is presented, so they never block each other this way.
    """
    new_covered = covered_products(new.scope, catalog)
    for other in others:
        if other.kind != new.kind or not calendars_meet(new.calendar, other.calendar, today) \
                or not audiences_meet(new.audience, other.audience):
            continue
        shared = new_covered & covered_products(other.scope, catalog)
        if not shared:
            continue
        if new.kind != "coupon" and "exclusive" in (new.stacking, other.stacking):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Overlaps with promotion “{name}” (#{id}): same products on the same days."),
                name=other.name, id=other.id)
        if new.kind == "member_price":
            for product_id in sorted(shared):
                for tier in sorted(_tiers(new) & _tiers(other)):
                    mine = member_price_of(new, catalog[product_id], tier)
                    theirs = member_price_of(other, catalog[product_id], tier)
                    if mine is not None and theirs is not None and mine != theirs:
                        raise ValidationError(QT_TRANSLATE_NOOP(
                            "errors", "Gives product #{product} another member price than promotion “{name}” "
                                      "(#{id}) for the same members on the same days."),
                            product=product_id, name=other.name, id=other.id)


# -- previewing a promotion before it is saved ----------------------------------------------------------------

PREVIEW_MEMBER_ID = -1      # the made-up member a preview prices for: no stored member has this id


def preview_promotion(spec: Mapping, catalog: Mapping[int, CatalogEntry], today: date) -> Promotion:
    """The promotion ``spec`` describes, checked as :func:`parse_spec` checks it but not saved (id 0), ready for
    :func:`~pharmadesk.core.pricing.price_cart` beside the running promotions (the owner's price preview).

    A listed audience is only resolved to its consented members when saved, so here it lists the made-up
    :data:`PREVIEW_MEMBER_ID`: a preview for a member shows what a member of the list would pay.
    Raises :class:`ValidationError` like :func:`parse_spec`; conflicts are not looked for.
    """
    promotion = parse_spec(spec, catalog, today).promotion
    if promotion.audience.kind == "listed":
        promotion = replace(promotion, audience=replace(promotion.audience, member_ids=frozenset({PREVIEW_MEMBER_ID})))
    return promotion
