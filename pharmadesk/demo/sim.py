"""The demo store's trading simulation: calendar and seasons, catalogue lookups, and the
day-by-day engine that receives goods, sells with FEFO, takes returns, closes the day,
writes off expired stock and reorders from suppliers.

Used only by :mod:`pharmadesk.demo.build`. State lives in plain Python lists (fast in a tight
loop); every row it produces is exactly what the domain modules would have written.
"""

from __future__ import annotations

import bisect
import json
import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Callable

import numpy as np
import pandas as pd

from pharmadesk.core.pricing import PriceLine

from pharmadesk.demo import catalog as dc

if TYPE_CHECKING:
    from pharmadesk.demo.build import People, Rows, Visits

OPEN_S, CLOSE_S = 8 * 3600, 21 * 3600           # opening hours, local time
RETURN_RATE = 0.003
# Weak, noisy basket affinities (issue 18): a mission's further groups come at this share of their probability once
# one is in the basket, and this share of baskets gets one unrelated OTC item besides.
COMPANION_DAMPING = 0.4
BACKGROUND_RATE = 0.4
WEEKLY = (1.00, 0.95, 0.94, 0.96, 1.03, 1.16, 1.02)   # Monday .. Sunday
ANON, OCCASIONAL, CHRONIC, BABY = -1, 0, 1, 2
Progress = Callable[[float, str], None]


# -- time ----------------------------------------------------------------------------------------------

class Timeline:
    """Day indices 0..days-1 from ``start``; local-time offsets, seasons, weekdays and holidays."""

    def __init__(self, start: date, days: int, rng: np.random.Generator):
        self.start, self.days = start, days
        dates = [start + timedelta(days=d) for d in range(days)]
        self.dow = np.array([d.weekday() for d in dates])
        doy = np.array([d.timetuple().tm_yday for d in dates], dtype=float)
        # UTC microseconds of each local midnight (offset taken at noon: DST switches happen at night).
        epoch = date(1970, 1, 1)
        self.midnight_us = np.array([
            int(((d - epoch).days * 86400 - datetime.combine(d, time(12)).astimezone().utcoffset().total_seconds())
                * 1_000_000) for d in dates], dtype=np.int64)

        def bump(centre, width):
            gap = (doy - centre + 182.5) % 365 - 182.5
            return np.exp(-(gap / width) ** 2)

        season_year = np.array([d.year - (d.month < 7) for d in dates])
        years = {y: (rng.uniform(0.75, 1.35), rng.normal(20, 12)) for y in np.unique(season_year)}
        severity = np.array([years[y][0] for y in season_year])
        peak = np.array([years[y][1] for y in season_year])
        wave = np.maximum(0, np.cos(2 * np.pi * (doy - peak) / 365)) ** 2
        flu = 0.35 + 1.65 * severity * wave
        self.season = {
            "flat": np.ones(days), "flu": flu, "infection": 0.75 + 0.25 * flu,
            "allergy": 0.35 + 1.6 * bump(110, 28) + 0.6 * bump(245, 22),
            "summer": 0.55 + 0.9 * bump(205, 45),
            "supplement": 1 + 0.35 * bump(15, 20) + 0.25 * bump(258, 15),
        }
        holiday = np.ones(days)
        for text in dc.SPRING_FESTIVAL:
            offset = (date.fromisoformat(text) - start).days
            for delta, factor in [(-9, 1.12), (-8, 1.15), (-7, 1.15), (-6, 1.15), (-5, 1.12), (-4, 1.1), (-3, 1.05),
                                  (-1, 0.6), (0, 0.35), (1, 0.4), (2, 0.45), (3, 0.55), (4, 0.7), (5, 0.75),
                                  (6, 0.85)]:
                if 0 <= offset + delta < days:
                    holiday[offset + delta] = factor
        golden = np.array([d.month == 10 and d.day <= 7 for d in dates])
        holiday[golden] *= 0.85
        self.traffic = np.array(WEEKLY)[self.dow] * holiday * 1.035 ** (np.arange(days) / 365)
        self._dates = {}

    def iso_date(self, day: int) -> str:
        text = self._dates.get(day)
        if text is None:
            text = self._dates[day] = (self.start + timedelta(days=int(day))).isoformat()
        return text

    def stamps(self, day: int, seconds) -> list[str]:
        """UTC ISO-8601 strings (as timeutil.to_iso writes them) for local seconds-of-day on ``day``."""
        us = self.midnight_us[day] + (np.asarray(seconds, dtype=float) * 1_000_000).astype(np.int64)
        return [s + "+00:00" for s in np.datetime_as_string(us.astype("datetime64[us]"), unit="us")]

    def stamp(self, day: int, second: float) -> str:
        return self.stamps(day, [second])[0]


def opening_seconds(rng: np.random.Generator, n: int, weekend: bool, morning: np.ndarray | None = None):
    """Times of day: peaks late morning and early evening, some all day (seconds after local midnight)."""
    if weekend:
        centres, spreads, weights = (11.0, 17.0), (1.8, 2.0), (0.5, 0.3, 0.2)
    else:
        centres, spreads, weights = (10.5, 18.5), (1.3, 1.3), (0.42, 0.43, 0.15)
    comp = rng.choice(3, size=n, p=weights)
    if morning is not None:   # older chronic patients come in the morning
        comp = np.where(morning & (rng.random(n) < 0.5), 0, comp)
    hours = np.where(comp == 0, rng.normal(centres[0], spreads[0], n),
                     np.where(comp == 1, rng.normal(centres[1], spreads[1], n), rng.uniform(8, 21, n)))
    return np.clip(hours * 3600, OPEN_S + 30, CLOSE_S - 30)


# -- catalogue as fast lookups ---------------------------------------------------------------------------------

class CatalogIndex:
    """The product table plus per-group cumulative weights for quick sampling."""

    def __init__(self, frame: pd.DataFrame, rng: np.random.Generator, days: int):
        self.frame = frame
        self.n = len(frame)
        self.price = frame["price"].tolist()
        self.vat = frame["vat_rate_bp"].tolist()
        self.cost = frame["cost"].tolist()
        self.legal = frame["legal_class"].tolist()
        self.category = frame["category"].tolist()
        self.group = frame["group"].tolist()
        self.days_supply = [int(x) if x == x and x else 0 for x in frame["days_supply"].tolist()]
        self.shelf = list(zip(frame["shelf_min"].tolist(), frame["shelf_max"].tolist()))
        self.family_pids: dict[str, list[int]] = {}
        self.groups: dict[str, tuple[list[int], list[float]]] = {}
        for pid, family in enumerate(frame["family"]):
            self.family_pids.setdefault(family, []).append(pid)
        weights = frame["weight"].to_numpy()
        for group, pids in frame.groupby("group").indices.items():
            self.groups[group] = (pids.tolist(), np.cumsum(weights[pids]).tolist())
        chronic = np.flatnonzero((frame["category"] == "chronic").to_numpy())
        self.groups["chronic_any"] = (chronic.tolist(), np.cumsum(weights[chronic]).tolist())
        self.weights = weights
        # A few price changes over the history (mostly increases), applied from their day on.
        self.new_price = list(self.price)
        self.change_day = [days + 1] * self.n
        roomy = (1 - frame["cost"] / frame["price"]).to_numpy() > 0.3     # only good margins get price cuts
        for pid in np.flatnonzero(rng.random(self.n) < 0.08):
            cut = roomy[pid] and rng.random() < 0.3
            factor = rng.uniform(0.88, 0.95) if cut else rng.uniform(1.03, 1.12)
            self.new_price[pid] = int(round(self.price[pid] * factor / 10)) * 10
            self.change_day[pid] = int(rng.integers(30, max(31, days - 30)))
        self.lookup = {key: pid for pid, key in enumerate(zip(frame["family"], frame["variant"], frame["maker"]))}

    def pick(self, group: str, u: float) -> int:
        pids, cum = self.groups[group]
        return pids[min(bisect.bisect_left(cum, u * cum[-1]), len(pids) - 1)]

    def price_on(self, pid: int, day: int) -> int:
        return self.new_price[pid] if day >= self.change_day[pid] else self.price[pid]


# -- the trading simulation ------------------------------------------------------------------------------

PROFILE_MULT = {  # mission preference by member profile: young F, young M, middle F, middle M, senior F, senior M
    "women": (2.2, 0.1, 0.8, 0.05, 0.05, 0.02), "personal": (1.3, 0.9, 1.1, 0.8, 0.9, 0.7),
    "skin": (1.3, 1.0, 1.0, 0.9, 0.7, 0.6), "supplements": (0.7, 0.5, 1.2, 1.0, 1.6, 1.3),
    "device": (0.6, 0.6, 1.0, 1.0, 1.6, 1.6), "pain": (0.8, 1.0, 1.1, 1.1, 1.3, 1.3),
    "smoking": (0.3, 2.0, 0.3, 1.6, 0.1, 0.8), "baby": (1.4, 0.8, 0.8, 0.6, 0.6, 0.4),
}
DIAPER_SIZES = ((30, "NB"), (100, "S"), (240, "M"), (480, "L"), (720, "XL"), (10**6, "XXL"))


@dataclass
class Staff:
    """Ids of the demo users who appear in the history."""

    owner: int
    pharmacist: int
    cashier: int


class Simulation:
    """Walks the history day by day: deliveries, sales and returns in time order, day close,
    housekeeping (expiry write-offs, stocktake), then reorder reviews. Rows go to ``rows``."""

    def __init__(self, tl: Timeline, cat: CatalogIndex, people: People, visits: Visits, users: Staff,
                 rows: "Rows", rng: np.random.Generator, r: random.Random):
        self.tl, self.cat, self.people, self.visits, self.users, self.rows = tl, cat, people, visits, users, rows
        self.rng, self.r = rng, r
        # The words the history writes (the Chinese demo sets its own, of the same lengths: the visit schedules
        # pick a prescriber by index): prescribers' names, their clinics, the reasons of returns.
        self.doctors, self.clinics, self.return_reasons = dc.DOCTORS, dc.CLINICS, dc.RETURN_REASONS
        self.missions = list(dc.MISSIONS)
        self.mission_items = [dc.MISSIONS[m][3] for m in self.missions]
        # groups of OTC products only: an unrelated extra item needs no prescription
        groups = {g for items in self.mission_items for g, _p, _most in items} & set(cat.groups)
        self.all_groups = sorted(g for g in groups if all(cat.legal[pid] == "otc" for pid in cat.groups[g][0]))
        base = np.array([[dc.MISSIONS[m][2] * PROFILE_MULT.get(m, (1,) * 6)[p] for m in self.missions]
                         for p in range(6)] + [[dc.MISSIONS[m][1] for m in self.missions]])
        seasons = np.array([tl.season[dc.MISSIONS[m][0]] for m in self.missions])   # missions x days
        self.mission_weights = base[:, :, None] * seasons[None, :, :]                 # profile x mission x day
        self.formula_makers = sorted({cat.frame["maker"][p] for p in cat.family_pids["formula_1"]})
        self.diaper_makers = sorted({cat.frame["maker"][p] for p in cat.family_pids["diapers"]})
        n = len(people.reg_day)
        self.points = [0] * n
        self.first_visit: dict[int, tuple[int, float]] = {}     # member -> (day, second) of the first visit
        self._cum: dict = {}                                       # (profile, day) -> cumulative mission weights
        # Per product, FEFO-sorted batch records: [expiry_day, batch_id, on_hand, unit_cost, pid, listed].
        self.stock: list[list] = [[] for _ in range(cat.n)]
        # Per batch id - 1: [pid, batch_no, expiry_day, unit_cost, supplier_id, receipt_id, received_qty, record].
        self.batches: list[list] = []
        self.last_lot: list = [None] * cat.n
        self.on_order = [0] * cat.n
        self.arrivals: dict[int, list] = {}
        self.orders: list[list] = []
        self.pending_returns: dict[int, list] = {}
        self.demand = [0] * cat.n
        self.sale_id = self.line_id = self.return_id = self.return_line_id = self.receipt_id = 0
        self.rx_seq = 0
        self.chronic_rx: dict[int, str] = {}
        self.lost_units = 0
        self.prev_close = None
        self.stocktake_id = 0
        self.stocktakes: list[tuple] = []
        # Members' dispensings of maintenance products, in time order: (member, day, second, pid, packs),
        # the ground truth for the care-reminder history (pharmadesk.demo.care).
        self.care_fills: list[tuple] = []
        self.pricing = None      # a pharmadesk.demo.promotions.DemoPricing: the promotions running in the history

    # -- baskets --------------------------------------------------------------------------------------

    def basket(self, day: int, member: int, kind: int, ref: int, extra: bool, r: random.Random):
        """What the customer wants: {product: quantity} and {product: prescription or None}."""
        lines: dict[int, int] = {}
        rx: dict[int, tuple | None] = {}
        cat = self.cat
        profile = 6 if member < 0 else int(self.people.profile[member])
        if kind == CHRONIC:
            for pid, packs, rx_key, rx_day, prescriber in self.visits.payloads[ref]:
                lines[pid] = lines.get(pid, 0) + packs
                rx[pid] = (rx_key, rx_day, prescriber)
                group = cat.group[pid]
                if group == "dm" and r.random() < 0.15:
                    self._add(lines, "test_strips", 2, r)
                    if r.random() < 0.5:
                        self._add(lines, "lancets", 1, r)
                elif group == "htn" and r.random() < 0.004:
                    self._add(lines, "bp_monitor", 1, r)
            if extra or r.random() < 0.12:
                self._mission(lines, self._choose_mission(profile, day, r), r)
        elif kind == BABY:
            self._baby(lines, member, ref, r)
            if extra:
                self._mission(lines, self._choose_mission(profile, day, r), r)
        else:
            self._mission(lines, self._choose_mission(profile, day, r), r)
        if r.random() < 0.08:
            self._add(lines, r.choice(dc.IMPULSE_GROUPS), 1, r)
        if r.random() < BACKGROUND_RATE:     # something unrelated the customer also needed: noise, as in real baskets
            self._add(lines, r.choice(self.all_groups), 1, r)
        return lines, rx

    def _choose_mission(self, profile: int, day: int, r: random.Random) -> int:
        weights = self.mission_weights[profile, :, day]
        cum = self._cum.get((profile, day))
        if cum is None:
            cum = self._cum[(profile, day)] = np.cumsum(weights).tolist()
        return bisect.bisect_left(cum, r.random() * cum[-1])

    def _mission(self, lines: dict, mission: int, r: random.Random) -> None:
        """The mission's groups, each with its probability; once one is in the basket the others come only with
        COMPANION_DAMPING of theirs, so affinities stay weak and noisy as in a real store (issue 18: the demo's
        baskets were four times easier to predict than a real store's)."""
        items = self.mission_items[mission]
        added = False
        for group, prob, most in items:
            if r.random() < (prob * COMPANION_DAMPING if added else prob):
                self._add(lines, group, most, r)
                added = True
        if not added:
            self._add(lines, items[0][0], items[0][2], r)

    def _add(self, lines: dict, group: str, most: int, r: random.Random) -> None:
        pid = self.cat.pick(group, r.random())
        quantity = 1
        if most > 1:
            u = r.random()
            quantity = 3 if (u < 0.06 and most > 2) else 2 if u < 0.25 else 1
        lines[pid] = lines.get(pid, 0) + quantity

    def _baby(self, lines: dict, member: int, age: int, r: random.Random) -> None:
        lookup, cat = self.cat.lookup, self.cat
        if member % 4:   # three in four parents use formula, each loyal to one brand and diaper maker
            family = "formula_1" if age < 180 else "formula_2" if age < 365 else "formula_3"
            maker = self.formula_makers[member % len(self.formula_makers)]
            pid = lookup.get((family, "800 g", maker), cat.family_pids[family][0])
            lines[pid] = r.choices((1, 2, 3), (0.55, 0.38, 0.07))[0]
        size = next(s for limit, s in DIAPER_SIZES if age < limit)
        maker = self.diaper_makers[(member // 3) % len(self.diaper_makers)]
        pid = lookup.get(("pullups" if size in ("XL", "XXL") and member % 3 == 0 else "diapers", size, maker))
        pid = pid if pid is not None else lookup.get(("diapers", size, maker), cat.family_pids["diapers"][0])
        if r.random() < 0.85:
            lines[pid] = r.choices((1, 2), (0.65, 0.35))[0]
        for group, prob in (("wipes", 0.45), ("baby_care", 0.15), ("feeding", 0.05 if age < 200 else 0.01),
                            ("kids_supp", 0.06 if age > 150 else 0.0)):
            if r.random() < prob:
                self._add(lines, group, 2, r)
        if not lines:
            self._add(lines, "wipes", 2, r)

    def expected_demand(self, first_days: int, anon_mean: np.ndarray) -> np.ndarray:
        """Units per day in the first weeks, from a dry run of baskets (the opening stock's forecast)."""
        r = random.Random(7)
        self._cum = {}
        units = np.zeros(self.cat.n)
        v = self.visits
        first_days = min(first_days, self.tl.days)
        for day in range(first_days):
            for k in range(v.starts[day], v.starts[day + 1]):
                lines, _ = self.basket(day, int(v.member[k]), int(v.kind[k]), int(v.ref[k]), bool(v.extra[k]), r)
                for pid, q in lines.items():
                    units[pid] += q
            for _ in range(int(round(anon_mean[day]))):
                for pid, q in self.basket(day, -1, ANON, -1, False, r)[0].items():
                    units[pid] += q
        return units / first_days

    # -- stock -------------------------------------------------------------------------------------------

    def _new_batch(self, pid: int, day: int, expiry: int, cost: int, supplier: int, receipt: int, qty: int) -> list:
        batch_id = len(self.batches) + 1
        rec = [expiry, batch_id, 0, cost, pid, True]
        batch_no = f"{chr(65 + supplier % 26)}{(self.tl.start + timedelta(days=day)):%y%m}{batch_id:06d}"
        self.batches.append([pid, batch_no, expiry, cost, supplier, receipt, 0, rec])
        bisect.insort(self.stock[pid], rec, key=lambda b: (b[0], b[1]))
        return rec

    def _put(self, rec: list, qty: int) -> None:
        """Units back onto a batch (receipt or return), re-listing it for FEFO if it had run empty."""
        rec[2] += qty
        if not rec[5]:
            rec[5] = True
            bisect.insort(self.stock[rec[4]], rec, key=lambda b: (b[0], b[1]))

    def _allocate(self, pid: int, want: int, day: int):
        """FEFO over batches not expired on ``day``; sells what there is (a shortfall is a lost sale)."""
        batches = self.stock[pid]
        while batches and batches[0][2] == 0:
            batches.pop(0)[5] = False
        allocations, left = [], want
        for rec in batches:
            if rec[0] < day or rec[2] == 0:
                continue
            take = rec[2] if rec[2] < left else left
            rec[2] -= take
            allocations.append((rec, take))
            left -= take
            if not left:
                break
        return want - left, allocations

    def _sellable(self, pid: int, from_day: int) -> int:
        return sum(rec[2] for rec in self.stock[pid] if rec[0] >= from_day)

    def _receive(self, day: int, supplier: int, lines: list, order_id: int | None, at: str, note: str) -> None:
        self.receipt_id += 1
        receiver = self.users.pharmacist if self.r.random() < 0.8 else self.users.owner
        self.rows.add("goods_receipts", (self.receipt_id, supplier, order_id, note, at, receiver))
        r = self.r
        for pid, qty, cost, expiry in lines:
            last = self.last_lot[pid]
            if last is not None and day - last[1] <= 60 and last[0][0] - day > 180 and r.random() < 0.45:
                rec = last[0]               # the distributor ships the same lot again
                self.batches[rec[1] - 1][6] += qty
            else:
                rec = self._new_batch(pid, day, expiry, cost, supplier, self.receipt_id, qty)
                self.batches[rec[1] - 1][6] = qty
                self.last_lot[pid] = (rec, day)
            self._put(rec, qty)
            self.rows.add("stock_moves", (at, rec[1], pid + 1, qty, "receipt", "goods_receipt", self.receipt_id,
                                          receiver, None))

    def _expiry_for(self, pid: int, day: int, opening: bool = False) -> int:
        low, high = self.cat.shelf[pid]
        r = self.r
        if opening:
            months = r.uniform(2, high)
        elif r.random() < 0.08:
            months = r.uniform(3, 9)        # short-dated delivery
        else:
            months = r.uniform(low, high)
        return day + max(60, int(months * 30.44))

    def _unit_cost(self, pid: int, day: int) -> int:
        return max(1, int(round(self.cat.cost[pid] * (1 + 0.025 * day / 365) * self.r.uniform(0.97, 1.03))))

    # -- selling ------------------------------------------------------------------------------------------

    def _sale(self, day: int, at: str, second: float, member: int, kind: int, ref: int, extra: bool) -> None:
        r, cat, rows = self.r, self.cat, self.rows
        if member >= 0 and member not in self.first_visit:
            self.first_visit[member] = (day, second)
        lines, rx = self.basket(day, member, kind, ref, extra, r)
        u = r.random()
        user = self.users.cashier if u < 0.55 else self.users.pharmacist if u < 0.9 else self.users.owner
        pharmacist = self.users.owner if user == self.users.owner else self.users.pharmacist
        pricing = self.pricing
        if pricing is not None and pricing.top_up(day, sum(cat.price_on(p, day) * q for p, q in lines.items())):
            pid = next((p for p in lines if cat.legal[p] == "otc"), None)
            if pid is not None:
                lines[pid] += 1
        booked = []
        for pid, want in lines.items():
            self.demand[pid] += want
            qty, allocations = self._allocate(pid, want, day)
            if qty < want:
                self.lost_units += want - qty
            if not qty:
                continue
            price = cat.price_on(pid, day)
            gross = price * qty
            member_offer = member >= 0 and user != self.users.cashier and r.random() < 0.05   # 5%, within limits
            discount = (gross * 5 + 50) // 100 if member_offer else 0
            booked.append((pid, qty, price, gross, discount, allocations))
        if not booked:
            return
        promoted, coupon = self._promote(day, member, booked)
        self.sale_id += 1
        sale_id = self.sale_id
        subtotal = sum(b[3] for b in booked)
        discount = sum(b[4] for b in booked)
        after = subtotal - discount
        redeem = 0
        if member >= 0 and self.points[member] >= 1000 and r.random() < 0.15:
            redeem = min(self.points[member], after // 2) // 100 * 100
        total = after - redeem
        vat_sum = 0
        items = 0
        returnable = []
        for pid, qty, price, gross, disc, allocations in booked:
            self.line_id += 1
            line_total = gross - disc
            rate = cat.vat[pid]
            if rate > 0:
                vat_sum += (2 * line_total * rate + 10000 + rate) // (2 * (10000 + rate))
            cost = sum(rec[3] * take for rec, take in allocations)
            rows.add("sale_lines", (self.line_id, sale_id, pid + 1, qty, price, disc, line_total, rate,
                                    (2 * cost + qty) // (2 * qty)))
            for promotion_id, amount in promoted.get(pid, ()):
                rows.add("sale_line_promotions", (self.line_id, promotion_id, amount))
            items += qty
            if member >= 0 and cat.days_supply[pid]:
                self.care_fills.append((member, day, second, pid, qty))
            for rec, take in allocations:
                rows.add("stock_moves", (at, rec[1], pid + 1, -take, "sale", "sale", sale_id, user, None))
                rows.add("sale_line_batches", (self.line_id, rec[1], take))
            legal = cat.legal[pid]
            if legal == "otc":
                returnable.append((self.line_id, pid, qty, line_total, allocations))
                continue
            rx_number, rx_day, prescriber = self._prescription(rx.get(pid), day, r)
            doctor = self.doctors[prescriber % len(self.doctors)]
            clinic = self.clinics[prescriber // len(self.doctors) % len(self.clinics)]
            rows.add("prescriptions", (self.line_id, f"{doctor}, {clinic}", rx_number, self.tl.iso_date(rx_day),
                                       pharmacist, at))
            if legal == "controlled":
                for rec, take in allocations:
                    rows.add("controlled_register", (at, self.line_id, None, pid + 1, rec[1], take,
                                                     member + 1 if member >= 0 else None, pharmacist, rx_number))
        vat = (2 * vat_sum * total + after) // (2 * after) if after else 0
        earned = total // 100 if member >= 0 else 0
        rows.add("sales", (sale_id, f"S{sale_id:08d}", at, user, member + 1 if member >= 0 else None, subtotal,
                           discount, redeem, redeem, total, vat, earned, day + 1))
        if member >= 0:
            if redeem:
                self.points[member] -= redeem
                rows.add("points_ledger", (member + 1, at, -redeem, "redeem", sale_id, None))
            if earned:
                self.points[member] += earned
                rows.add("points_ledger", (member + 1, at, earned, "earn", sale_id, None))
        cash = self._payments(sale_id, total, day, r)
        if pricing is not None:
            pricing.after_sale(day, member, sale_id, at, coupon, self.tl.days)
        acc = self.day
        acc["transactions"] += 1
        acc["gross"] += subtotal
        acc["discounts"] += discount
        acc["points_redeemed"] += redeem
        acc["net"] += total
        acc["vat"] += vat
        acc["items"] += items
        acc["cash"] += cash
        acc["card"] += total - cash
        if returnable and r.random() < RETURN_RATE * 3:
            back = day + 1 + min(13, int(r.expovariate(1 / 3)))
            if back < self.tl.days:
                line = r.choice(returnable)
                self.pending_returns.setdefault(back, []).append(
                    (sale_id, member, total, subtotal - discount, earned, redeem, "card" if cash < total else "cash",
                     line))

    def _promote(self, day: int, member: int, booked: list) -> tuple[dict[int, list], str | None]:
        """Price ``booked`` with the day's promotions (the engine the till uses): each line's discount becomes the
        promotions' (replacing a manual offer); returns {pid: [(promotion id, amount)]} and the
        coupon code redeemed."""
        if self.pricing is None:
            return {}, None
        cat = self.cat
        lines = [PriceLine(k, pid + 1, cat.category[pid], cat.legal[pid], qty, price,
                           sum(rec[3] * take for rec, take in allocations) // qty)
                 for k, (pid, qty, price, gross, disc, allocations) in enumerate(booked)]
        priced, coupon = self.pricing.price(day, member, lines)
        if priced is None or not priced.discount:
            return {}, None
        promoted = {}
        for k, line in enumerate(priced.lines):
            if line.discount:
                pid, qty, price, gross, manual, allocations = booked[k]
                booked[k] = (pid, qty, price, gross, line.discount, allocations)    # instead of a manual offer
                promoted[pid] = [(d.promotion_id, d.amount) for d in line.discounts if d.amount]
        return promoted, coupon

    def _prescription(self, rx, day: int, r: random.Random):
        """(rx number, rx day, prescriber) — a chronic patient's repeat prescription or a new one."""
        if rx is None:
            self.rx_seq += 1
            return f"RX{self.rx_seq:08d}", day - r.randint(0, 2), r.randrange(len(dc.DOCTORS) * len(dc.CLINICS))
        key, rx_day, prescriber = rx
        number = self.chronic_rx.get(key)
        if number is None:
            self.rx_seq += 1
            number = self.chronic_rx[key] = f"RX{self.rx_seq:08d}"
        return number, rx_day, prescriber

    def _payments(self, sale_id: int, total: int, day: int, r: random.Random) -> int:
        """Cash (with tendered and change), card, or both; returns the cash part."""
        card_share = 0.62 + 0.18 * day / max(1, self.tl.days)
        u = r.random()
        if u < 0.04 and total >= 2000:
            cash = (total // 2) // 1000 * 1000
            self.rows.add("payments", (sale_id, None, "cash", cash, cash, 0))
            self.rows.add("payments", (sale_id, None, "card", total - cash, None, 0))
            return cash
        if u < 0.04 + card_share:
            self.rows.add("payments", (sale_id, None, "card", total, None, 0))
            return 0
        step = r.choice((1, 1000, 5000, 10000, 10000))
        tendered = -(-total // step) * step
        self.rows.add("payments", (sale_id, None, "cash", total, tendered, tendered - total))
        return total

    def _return(self, day: int, at: str, item) -> None:
        """Goods back against their receipt, as Sales.return_items does it: units onto the original
        batches (latest expiry first), the paid share refunded, earned points reversed within the
        balance and redeemed points restored in proportion."""
        sale_id, member, sale_total, lines_sum, earned, redeemed, method, line = item
        line_id, pid, qty, line_total, allocations = line
        r = self.r
        quantity = qty if r.random() < 0.7 else r.randint(1, qty)
        returned_value = proportion(line_total, quantity, qty)
        refund = proportion(returned_value, sale_total, lines_sum)
        self.return_id += 1
        return_id = self.return_id
        damaged = r.random() < 0.2
        user = self.users.cashier if r.random() < 0.6 else self.users.pharmacist
        approver = self.users.pharmacist if r.random() < 0.8 else self.users.owner
        left, given = quantity, 0
        for rec, took in sorted(allocations, key=lambda a: a[0][0], reverse=True):
            take = min(left, took)
            share = proportion(refund, quantity - left + take, quantity) - given    # running share
            given += share
            self.return_line_id += 1
            self.rows.add("return_lines", (self.return_line_id, return_id, line_id, rec[1], take, share,
                                           int(damaged)))
            self._put(rec, take)
            self.rows.add("stock_moves", (at, rec[1], pid + 1, take, "return", "return", return_id, user, None))
            if damaged:
                rec[2] -= take
                self.rows.add("stock_moves", (at, rec[1], pid + 1, -take, "write_off", "return", return_id, user,
                                              "returned damaged"))
            left -= take
            if not left:
                break
        reversed_points = 0
        if member >= 0 and earned:
            reversed_points = max(0, min(self.points[member], proportion(earned, refund, sale_total)))
            if reversed_points:
                self.points[member] -= reversed_points
                self.rows.add("points_ledger", (member + 1, at, -reversed_points, "return", None, return_id))
        if member >= 0 and redeemed:
            restored = proportion(redeemed, returned_value, lines_sum)
            if restored:
                self.points[member] += restored
                self.rows.add("points_ledger", (member + 1, at, restored, "return", None, return_id))
        self.rows.add("returns", (return_id, f"R{return_id:08d}", at, sale_id, user, approver,
                                  r.choice(self.return_reasons), refund, reversed_points, day + 1))
        self.rows.add("payments", (None, return_id, method, refund, None, 0))
        self.day["refunds"] += 1
        self.day["refund_amount"] += refund
        self.day["refund_" + method] += refund

    # -- the day ---------------------------------------------------------------------------------------------

    def run(self, anon_mean: np.ndarray, suppliers: list[dict], progress: Progress, prior: np.ndarray) -> None:
        tl, v = self.tl, self.visits
        self._setup_replenishment(suppliers, prior)
        self._opening_stock()
        for day in range(tl.days):
            self._cum = {}
            self.day = dict.fromkeys(("transactions", "gross", "discounts", "points_redeemed", "net", "vat", "items",
                                      "cash", "card", "refunds", "refund_amount", "refund_cash", "refund_card"), 0)
            for order in self.arrivals.pop(day, []):
                at = tl.stamp(day, 7 * 3600 + self.r.uniform(1200, 3500))
                self._receive(day, order[1], order[7], order[0], at, f"DN-{order[1]:02d}-{order[0]:06d}")
                self._received(order)
            lo, hi = int(v.starts[day]), int(v.starts[day + 1])
            members = v.member[lo:hi].tolist()
            kinds = v.kind[lo:hi].tolist()
            refs = v.ref[lo:hi].tolist()
            extras = v.extra[lo:hi].tolist()
            walk_ins = int(self.rng.poisson(anon_mean[day]))
            returns = self.pending_returns.pop(day, [])
            n = len(members) + walk_ins
            seconds = np.concatenate([
                opening_seconds(self.rng, n, tl.dow[day] >= 5,
                                 np.concatenate([np.array(kinds) == CHRONIC, np.zeros(walk_ins, bool)])),
                self.rng.uniform(OPEN_S + 1800, CLOSE_S - 600, len(returns))])
            order = np.argsort(seconds, kind="stable")
            stamps = tl.stamps(day, seconds[order])
            for at, k, second in zip(stamps, order.tolist(), seconds[order].tolist()):
                if k < len(members):
                    self._sale(day, at, second, members[k], kinds[k], refs[k], extras[k])
                elif k < n:
                    self._sale(day, at, second, -1, ANON, -1, False)
                else:
                    self._return(day, at, returns[k - n])
            self._close_day(day, stamps[0] if stamps else tl.stamp(day, OPEN_S))
            self._housekeeping(day)
            self._review(day)
            demand = np.array(self.demand, dtype=float)
            self.slow += 0.05 * (demand - self.slow)
            self.fast += 0.25 * (demand - self.fast)
            self.demand = [0] * self.cat.n
            if day % 30 == 29 or day == tl.days - 1:
                self.rows.flush()
                progress(0.15 + 0.7 * (day + 1) / tl.days, "sales")

    def _close_day(self, day: int, first_stamp: str) -> None:
        """The Z report, as Sales.close_day would have written it at closing time."""
        acc = self.day
        closed_at = self.tl.stamp(day, CLOSE_S + self.r.uniform(300, 900))
        opening_float = 50000
        expected = opening_float + acc["cash"] - acc["refund_cash"]
        counted = expected if self.r.random() < 0.85 else expected + self.r.choice((-1000, -500, -100, 100, 500))
        report = {
            "period_start": self.prev_close or first_stamp, "period_end": closed_at,
            "transactions": acc["transactions"], "gross": acc["gross"], "discounts": acc["discounts"],
            "points_redeemed": acc["points_redeemed"], "net": acc["net"], "vat": acc["vat"], "items": acc["items"],
            "average_ticket": acc["net"] // acc["transactions"] if acc["transactions"] else 0,
            "payments": {"cash": acc["cash"], "card": acc["card"]}, "refunds": acc["refunds"],
            "refund_amount": acc["refund_amount"],
            "refunds_by_method": {"cash": acc["refund_cash"], "card": acc["refund_card"]},
            "opening_float": opening_float, "expected_cash": expected, "counted_cash": counted,
            "cash_variance": counted - expected,
        }
        closer = self.users.pharmacist if self.r.random() < 0.7 else self.users.owner
        self.rows.add("day_closes", (day + 1, closed_at, report["period_start"], closed_at, closer, opening_float,
                                     expected, counted, json.dumps(report)))
        self.prev_close = closed_at

    def _housekeeping(self, day: int) -> None:
        """Monthly expiry sweep (not in the last weeks, so some expired stock is still on the shelf),
        breakage now and then, and a year-end stocktake."""
        tl, r, owner = self.tl, self.r, self.users.owner
        when = self.tl.start + timedelta(days=day)
        if when.day <= 7 and tl.dow[day] == 0 and day < tl.days - 50 and r.random() < 0.85:
            at = tl.stamp(day, CLOSE_S + 1800)
            for pid in range(self.cat.n):
                for rec in self.stock[pid]:
                    if rec[2] and rec[0] < day:
                        self.rows.add("stock_moves", (at, rec[1], pid + 1, -rec[2], "write_off", None, None, owner,
                                                      "expired"))
                        rec[2] = 0
        if r.random() < 0.05:
            pid = r.randrange(self.cat.n)
            sellable = [rec for rec in self.stock[pid] if rec[2]]
            if sellable:
                rec = r.choice(sellable)
                delta = -1 if r.random() < 0.7 else 1
                reason = ("write_off", "damaged in store") if r.random() < 0.6 and delta < 0 else \
                    ("adjustment", "shelf count correction")
                rec[2] += delta
                self.rows.add("stock_moves", (tl.stamp(day, CLOSE_S + 2000), rec[1], pid + 1, delta, reason[0],
                                              None, None, owner, reason[1]))
        if when.month == 12 and when.day == 28 and 30 < day < tl.days - 2:
            self._stocktake(day)

    def _stocktake(self, day: int) -> None:
        self.stocktake_id += 1
        started = self.tl.stamp(day, CLOSE_S + 2400)
        posted = self.tl.stamp(day, CLOSE_S + 5400)
        r = self.r
        for pid in range(self.cat.n):
            for rec in self.stock[pid]:
                if not rec[2]:
                    continue
                u = r.random()
                counted = rec[2] - (1 if u < 0.02 else 0) + (1 if u > 0.997 else 0)
                self.rows.add("stocktake_counts", (self.stocktake_id, rec[1], counted, rec[2], started))
                if counted != rec[2]:
                    self.rows.add("stock_moves", (posted, rec[1], pid + 1, counted - rec[2], "stocktake", "stocktake",
                                                  self.stocktake_id, self.users.owner, "year-end stocktake"))
                    rec[2] = counted
        self.stocktakes.append((self.stocktake_id, started, posted, "posted", self.users.owner, "year-end stocktake"))

    # -- replenishment --------------------------------------------------------------------------------------

    def _setup_replenishment(self, suppliers: list[dict], prior: np.ndarray) -> None:
        """Forecasts start from the expected demand; pack rules follow each product's speed."""
        cat = self.cat
        self.suppliers = suppliers
        self.slow = prior.copy()
        self.fast = prior.copy()
        key_index = {s["key"]: k for k, s in enumerate(suppliers)}
        self.supplier_of = [key_index[s] for s in cat.frame["supplier"]]
        self.supplier_pids = [[] for _ in suppliers]
        for pid, s in enumerate(self.supplier_of):
            self.supplier_pids[s].append(pid)
        self.multiple, self.min_qty, self.min_stock = [], [], []
        for pid in range(cat.n):
            speed, group = prior[pid], cat.group[pid]
            if group == "formula":
                multiple = 6
            elif group == "diapers":
                multiple = 4
            elif group in ("tissues", "masks"):
                multiple = 10
            elif speed >= 2:
                multiple = self.r.choice((10, 12, 20))
            elif speed >= 0.4:
                multiple = self.r.choice((5, 6, 10))
            elif speed >= 0.1:
                multiple = self.r.choice((1, 2, 3))
            else:
                multiple = 1
            self.multiple.append(multiple)
            supplier = cat.frame["supplier"][pid]
            if multiple < 5 and supplier in ("otc", "skin", "tcm"):       # OTC lines come in inner boxes
                self.min_qty.append(self.r.choice((5, 10, 10, 12)))
            elif multiple < 5 and supplier == "supplement":
                self.min_qty.append(self.r.choice((3, 6)))
            else:
                self.min_qty.append(multiple)
            self.min_stock.append(1 if speed < 0.05 or cat.price[pid] > 20000 else 2)

    def _target(self, pid: int, lead: int, review: int) -> tuple[float, float]:
        """(reorder level, order-up-to level) of a periodic review with safety stock."""
        f = max(self.slow[pid], self.fast[pid])
        cover = lead + review
        level = f * cover + 1.5 * math.sqrt(f * cover) + 2 * f + self.min_stock[pid]
        return level, level + f * review

    def _opening_stock(self) -> None:
        at = self.tl.stamp(0, 7 * 3600)
        for k, supplier in enumerate(self.suppliers):
            lines = []
            for pid in self.supplier_pids[k]:
                _, up_to = self._target(pid, supplier["lead_time_days"], supplier["review_days"])
                qty = max(self.min_stock[pid], int(math.ceil(up_to * self.r.uniform(0.8, 1.3))))
                lines.append((pid, qty, self._unit_cost(pid, 0), self._expiry_for(pid, 0, opening=True)))
            self._receive(0, supplier["id"], lines, None, at, "Opening stock")

    def _review(self, day: int) -> None:
        """Suppliers whose review day it is get a purchase order for what falls below its level."""
        for k, supplier in enumerate(self.suppliers):
            lead, review = supplier["lead_time_days"], supplier["review_days"]
            if (day + k) % review:
                continue
            lines, value, urgent = [], 0, False
            for pid in self.supplier_pids[k]:
                level, up_to = self._target(pid, lead, review)
                position = self._sellable(pid, day + lead + 7) + self.on_order[pid]
                if position >= level:
                    continue
                qty = max(self.min_qty[pid], int(math.ceil(up_to - position)))
                if self.r.random() < 0.003:     # a supplier deal: often more than will sell before expiry
                    qty += int(max(self.slow[pid], 0.02) * self.r.uniform(150, 500))
                qty = -(-qty // self.multiple[pid]) * self.multiple[pid]
                lines.append((pid, qty))
                value += qty * self.cat.cost[pid]
                urgent = urgent or self._sellable(pid, day + lead) <= max(self.slow[pid] * lead, 0)
            if not lines or (value < supplier["min_order_value"] and not urgent):
                continue
            delay = 0 if self.r.random() < 0.85 else self.r.choice((1, 1, 2))
            arrival = day + lead + delay
            order_id = len(self.orders) + 1
            at = self.tl.stamp(day, CLOSE_S + 2700 + k * 60)
            receipt_lines = [(pid, qty, self._unit_cost(pid, arrival), self._expiry_for(pid, arrival))
                             for pid, qty in lines]
            order = [order_id, supplier["id"], day, lead, arrival, at, supplier["key"], receipt_lines]
            self.orders.append(order)
            for pid, qty in lines:
                self.on_order[pid] += qty
            if arrival < self.tl.days:
                self.arrivals.setdefault(arrival, []).append(order)
                order.append(True)
            else:
                order.append(False)

    def _received(self, order) -> None:
        for pid, qty, _, _ in order[7]:
            self.on_order[pid] -= qty


def proportion(amount: int, numerator: int, denominator: int) -> int:
    """amount * numerator / denominator rounded half up (as sales.py does)."""
    if denominator <= 0:
        return 0
    return (2 * amount * numerator + denominator) // (2 * denominator)
