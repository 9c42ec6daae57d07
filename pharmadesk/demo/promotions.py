"""The demo store's promotion calendar, and how the simulated customers answer it.

Three promotions a Chinese pharmacy runs, made through ``store.promotions`` so they are real promotions:

- **Member day** (会员日): 10 % off everything but prescription items for members on the 8th of each month,
  from half a year into the history (so the report has weeks before it to compare with). Members shop more
  on that day: their occasional visits are 60 % more likely (:func:`visit_intensity`).
- **Winter 满100减10**: spend 100.00 save 10.00, repeating, for everyone from 1 December to the end of
  February. A customer just under a threshold adds one more pack a third of the time.
- **Come-back coupon** (回店券): 5.00 off 30.00, printed codes handed to members at the till over the last
  eight weeks (printed codes, bound to no one), valid for 30 days; about half are redeemed on a later visit.

The history is priced by the real engine (:func:`pharmadesk.core.pricing.price_cart`), so the sale lines,
``sale_line_promotions`` and ``coupons`` rows are exactly what the till would have written.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import numpy as np

from pharmadesk.core.pricing import Promotion, PriceLine, PricedCart, Shopper, is_running, price_cart
from pharmadesk.core.promotion_specs import CatalogEntry, parse_spec
from pharmadesk.core.promotions import CODE_ALPHABET, CODE_LENGTH

MEMBER_DAY = 8
MEMBER_DAY_LIFT = 1.6               # occasional member visits on a member day, against a normal day
TOP_UP_CHANCE = 0.35                # a customer just under a 满减 threshold adds a pack
COUPON_WEEKS = 8                    # coupons handed out over the last weeks of the history
COUPON_HAND_OUT = 0.25              # share of member visits that get a coupon in that window
COUPON_REDEEM = 0.55                # share of holders who use it on their next visit
COUPON_VALID_DAYS = 30
NON_RX = ["otc", "supplement", "mother_baby", "personal_care", "device", "acute"]


def calendar_specs(start: date, end: date) -> list[dict]:
    """The promotions of a history from ``start`` to ``end`` (exclusive), as specs for ``store.promotions.create``."""
    member_day_from = start + timedelta(days=180)
    specs = [{
        "name": "Member day", "kind": "percent_off", "label": "会员日9折", "percent": 10, "stacking": "exclusive",
        "scope": {"categories": NON_RX}, "audience": "members",
        "calendar": {"starts_on": member_day_from.isoformat(), "month_days": [MEMBER_DAY]},
    }]
    for year in range(start.year - 1, end.year + 1):
        first, last = date(year, 12, 1), date(year + 1, 2, 28)
        if last < start or first >= end:
            continue
        specs.append({
            "name": f"Winter spend and save {year}/{year + 1}", "kind": "spend_save", "label": "满100减10",
            "threshold": 10_000, "amount": 1_000, "repeat": True, "stacking": "stackable",
            "scope": {"categories": NON_RX},
            "calendar": {"starts_on": max(first, start).isoformat(), "ends_on": last.isoformat()},
        })
    coupon_from = end - timedelta(weeks=COUPON_WEEKS)
    specs.append({
        "name": "Come-back coupon", "kind": "coupon", "label": "回店券减5", "amount": 500, "threshold": 3_000,
        "stacking": "stackable", "scope": {"categories": NON_RX},
        "calendar": {"starts_on": coupon_from.isoformat(), "ends_on": (end + timedelta(days=COUPON_VALID_DAYS)).isoformat()},
    })
    return specs


def visit_intensity(start: date, days: int) -> np.ndarray:
    """Per day, how much likelier a member's occasional visit is (1 on ordinary days)."""
    lift = np.ones(days)
    member_day_from = 180
    for day in range(member_day_from, days):
        if (start + timedelta(days=day)).day == MEMBER_DAY:
            lift[day] = MEMBER_DAY_LIFT
    return lift


def planned(specs: list[dict], products, start: date) -> list[Promotion]:
    """The promotions ``specs`` will be once stored (ids 1, 2, … in order), checked against the demo catalogue
    ``products`` (its frame, product id = row + 1) before a product row exists."""
    catalog = {pid + 1: CatalogEntry(pid + 1, str(row.barcode), row.name, row.category, row.legal_class,
                                     int(row.price)) for pid, row in enumerate(products.itertuples())}
    return [replace(parse_spec(spec, catalog, start).promotion, id=number)
            for number, spec in enumerate(specs, start=1)]


class DemoPricing:
    """Prices the simulated sales with the store's promotions and hands out and takes back coupons."""

    def __init__(self, promotions: list[Promotion], start: date, days: int, r: random.Random) -> None:
        self.r = r
        self.promotions = promotions
        self.coupon = next((p for p in promotions if p.kind == "coupon"), None)
        self.others = [p for p in promotions if p.kind != "coupon"]
        noon = time(12)
        self.running: list[list[Promotion]] = []
        for day in range(days):
            moment = datetime.combine(start + timedelta(days=day), noon)
            self.running.append([p for p in self.others if is_running(p.calendar, moment)])
        self.start = start
        self.held: dict[int, tuple[str, int]] = {}      # member -> (code, last valid day)
        self.coupons: list[dict] = []                   # rows for the coupons table
        self._used: set[str] = set()

    def threshold(self, day: int) -> int | None:
        """The 满减 threshold running on ``day``, if any."""
        found = [p.threshold for p in self.running[day] if p.kind == "spend_save"]
        return min(found) if found else None

    def top_up(self, day: int, gross: int) -> bool:
        """Whether a customer with a basket of ``gross`` adds a pack to reach the day's 满减 threshold."""
        threshold = self.threshold(day)
        return threshold is not None and gross % threshold >= 0.6 * threshold and self.r.random() < TOP_UP_CHANCE

    def price(self, day: int, member: int, lines: list[PriceLine]) -> tuple[PricedCart | None, str | None]:
        """The cart priced on ``day`` (None when nothing runs) and the coupon code it redeemed, if any."""
        promotions = list(self.running[day])
        code = None
        held = self.held.get(member) if member >= 0 else None
        if held and held[1] >= day and self.coupon is not None and self.r.random() < COUPON_REDEEM:
            code = held[0]
            promotions.append(_with_code(self.coupon, code))
        if not promotions:
            return None, None
        when = datetime.combine(self.start + timedelta(days=day), time(12))
        priced = price_cart(lines, Shopper(member + 1) if member >= 0 else Shopper(), promotions, when)
        if code is not None and any(pid == self.coupon.id for pid, _ in priced.unmet):
            code = None
        return priced, code

    def after_sale(self, day: int, member: int, sale_id: int, at: str, redeemed: str | None, days: int) -> None:
        """Mark a redeemed coupon used; in the coupon window, maybe hand the member a new one."""
        if redeemed is not None:
            row = next(c for c in self.coupons if c["code"] == redeemed)
            row["redeemed_at"], row["redeemed_sale_id"] = at, sale_id
            del self.held[member]
        coupon = self.coupon
        if coupon is None or member < 0 or member in self.held:
            return
        issued_from = (coupon.calendar.starts_on - self.start).days
        if issued_from <= day < days and self.r.random() < COUPON_HAND_OUT:
            code = self._code()
            last = min(day + COUPON_VALID_DAYS, (coupon.calendar.ends_on - self.start).days)
            self.held[member] = (code, last)
            self.coupons.append({"promotion_id": coupon.id, "code": code, "member_id": None, "issued_at": at,
                                 "expires_on": (self.start + timedelta(days=last)).isoformat(),
                                 "redeemed_at": None, "redeemed_sale_id": None})

    def _code(self) -> str:
        while True:
            code = "".join(self.r.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if code not in self._used:
                self._used.add(code)
                return code


def _with_code(promotion: Promotion, code: str) -> Promotion:
    return replace(promotion, coupon_code=code)
