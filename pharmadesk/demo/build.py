"""A seeded, realistic demo store: products, suppliers, members and years of trading history.

The history is simulated day by day: chronic patients refill on their days-of-supply cycle
(adherent, late or stopping), members shop by a BG/NBD-like process and lapse, parents buy
formula and diapers, walk-ins come with seasonal missions (flu in winter, allergy in spring).
Stock is tracked batch by batch in memory, so FEFO, expiry blocks, replenishment and the
ledger are exactly what the domain modules would have written; rows are then bulk-inserted.

    store = build_demo_store("~/PharmaDesk/demo", members=3000, years=2, seed=42)
    store = build_demo_store("~/PharmaDesk/demo-zh", locale="zh_CN")    # a Chinese store under China GSP

``locale="zh_CN"`` builds the Chinese demo: the same simulated history over the Chinese catalogue of
:mod:`pharmadesk.demo.catalog_zh` (its product master complete: approval numbers, specifications, OTC classes,
storage conditions, insurance codes, ephedrine products, split packs), Chinese member names, prescribers and
store name, the language zh_CN and the regulatory profile china_gsp. After the catalogue, stock, members and
sales are written, :func:`build_regulated_records` runs the steps of :data:`REGULATED_STEPS` (the quality
records, traceability codes) for such a store.

This module holds the entry point, the people and their visit schedules, and the bulk writer;
:mod:`pharmadesk.demo.sim` runs the trading days and :mod:`pharmadesk.demo.catalog` holds the tables.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Callable

import numpy as np

from pharmadesk.demo import catalog as dc
from pharmadesk.demo import catalog_zh
from pharmadesk.demo import promotions as demo_promotions
from pharmadesk.demo.service import build_service_history
from pharmadesk.demo.care import build_care_history
from pharmadesk.demo.counter import build_counter_records
from pharmadesk.demo.quality import build_quality_records
from pharmadesk.demo.sim import (BABY, CHRONIC, CLOSE_S, OCCASIONAL, OPEN_S, CatalogIndex, Progress, Simulation,
                                 Staff, Timeline)
from pharmadesk.core import product_search
from pharmadesk.core.members import make_card_number
from pharmadesk.core.store import Store
from pharmadesk.core.timeutil import utc_now

DEMO_PASSPHRASE = "pharmadesk demo store"   # documented demo recovery passphrase
DEMO_USERS = {  # username -> (display name, role, password, PIN) — documented demo users
    "owner": ("Olivia Owner", "owner", "owner-demo-1", "1111"),
    "pharmacist": ("Pat Pharmacist", "pharmacist", "pharm-demo-1", "2222"),
    "cashier": ("Casey Cashier", "cashier", "cash-demo-1", "3333"),
}
STORE_NAME = "Riverside Demo Pharmacy"
LOCALES = ("en", "zh_CN")   # the demo stores there are: English (profile none) and Chinese (profile china_gsp)
MEMBER_SHARE = 0.38     # share of transactions with a member card
FILL_HERE = 0.115       # share of members with a chronic condition who fill their prescriptions here
OCCASIONAL_RATE = 1.1   # mean shopping trips a year for a live member (gamma-distributed across members)


# -- members ---------------------------------------------------------------------------------------------------

@dataclass
class People:
    """Invented members: who they are, when they joined, what they suffer from, how they shop."""

    reg_day: np.ndarray        # day index of registration (negative: before the history)
    birth: list
    sex: list
    name: list
    phone: list
    anon_id: list
    profile: np.ndarray        # 0..5: young/middle/senior x F/M (mission preferences)
    conditions: list           # true chronic conditions
    fills_here: np.ndarray     # brings their chronic prescriptions to this pharmacy
    recorded: list             # conditions the pharmacist recorded
    parent: np.ndarray         # a baby arrives at baby_day
    baby_day: np.ndarray
    allergies: list




def _make_people(rng: np.random.Generator, r: random.Random, n: int, tl: Timeline, chinese: bool = False) -> People:
    """``n`` invented members; ``chinese``: every name in characters and allergies in Chinese (the Chinese demo)."""
    days = tl.days
    before = rng.random(n) < 0.35
    reg_day = np.where(before, -rng.integers(60, 3 * 365, n),
                       np.minimum(days - 1, (days * rng.random(n)).astype(int)))
    bands = np.array([[18, 30], [30, 45], [45, 60], [60, 75], [75, 92]])
    band = rng.choice(5, n, p=[0.17, 0.27, 0.25, 0.22, 0.09])
    age = np.maximum(rng.uniform(bands[band, 0], bands[band, 1]), 18.2 + (days - reg_day) / 365.25)
    sex = rng.choice(np.array(["F", "M", "X"]), n, p=[0.57, 0.425, 0.005]).tolist()
    end_ordinal = (tl.start + timedelta(days=days)).toordinal()
    birth = [date.fromordinal(int(o)).isoformat() for o in end_ordinal - age * 365.25]
    names = [_name(r, s, chinese) for s in sex]
    phones = _phones(rng, n)
    raw = rng.integers(0, 2**63, size=n, dtype=np.int64)
    anon = list(dict.fromkeys(f"{int(x):016x}" for x in raw))
    while len(anon) < n:
        anon = list(dict.fromkeys(anon + [f"{int(x):016x}" for x in rng.integers(0, 2**63, n - len(anon))]))
    profile = np.where(age < 45, 0, np.where(age < 65, 2, 4)) + (np.array(sex) == "M")
    has = {}
    for condition, ((p40, p75), (f_female, f_male), _) in dc.CONDITIONS.items():
        prob = np.interp(age, [18, 40, 75, 95], [p40 * 0.15, p40, p75, p75 * 1.05])
        prob = prob * np.where(np.array(sex) == "F", f_female, np.where(np.array(sex) == "M", f_male, 1.0))
        has[condition] = rng.random(n) < prob
    conditions = [[c for c in dc.CONDITIONS if has[c][i]] for i in range(n)]
    fills_here = np.array([bool(c) for c in conditions]) & (rng.random(n) < FILL_HERE)
    recorded = [[c for c in conds if r.random() < (0.92 if fills_here[i] else 0.2)]
                for i, conds in enumerate(conditions)]
    age_mid = age - days / 730
    parent = (age_mid > 23) & (age_mid < 41) & (rng.random(n) < 0.04) & (np.array(sex) != "X")
    baby_day = (np.maximum(reg_day, 0) - 250 + rng.random(n) * (days - np.maximum(reg_day, 0) + 200)).astype(int)
    allergens = catalog_zh.ALLERGIES if chinese else ("penicillin", "sulfonamides", "aspirin", "codeine", "iodine",
                                                      "latex")
    allergies = [r.choice(allergens) if r.random() < 0.06 else None for _ in range(n)]
    return People(reg_day, birth, sex, names, phones, anon, profile, conditions, fills_here, recorded,
                   parent, baby_day, allergies)


def _name(r: random.Random, sex: str, chinese: bool = False) -> str:
    female = sex == "F" or (sex == "X" and r.random() < 0.5)
    style = r.random()
    if style < 0.35 or chinese:
        return r.choice(dc.SURNAMES_HANZI) + r.choice(dc.GIVEN_HANZI_F if female else dc.GIVEN_HANZI_M)
    if style < 0.86:
        return f"{r.choice(dc.SURNAMES)} {r.choice(dc.GIVEN_F if female else dc.GIVEN_M)}"
    return f"{r.choice(dc.ENGLISH_F if female else dc.ENGLISH_M)} {r.choice(dc.ENGLISH_SURNAMES)}"


def _phones(rng: np.random.Generator, n: int) -> list[str]:
    """Unique 11-digit Chinese mobile numbers (invented)."""
    prefixes = np.array([str(p) for p in (*range(130, 140), *range(150, 154), *range(155, 160), 166, 173,
                                          *range(175, 179), *range(180, 190), 191, 198, 199)])
    phones: dict[str, None] = {}
    while len(phones) < n:
        need = n - len(phones)
        heads = rng.choice(prefixes, need)
        tails = rng.integers(0, 10**8, need)
        phones.update(dict.fromkeys(f"{h}{t:08d}" for h, t in zip(heads, tails)))
    return list(phones)[:n]


# -- visit schedules ---------------------------------------------------------------------------------------

@dataclass
class Visits:
    """Every member visit, sorted by day: who, why (occasional/chronic/baby), payload ref, extra mission."""

    day: np.ndarray
    member: np.ndarray
    kind: np.ndarray
    ref: np.ndarray
    extra: np.ndarray
    starts: np.ndarray          # index of the first visit of each day (length days + 1)
    payloads: list              # chronic fills: [(pid, packs, rx_key, rx_day, prescriber)]


def _occasional_visits(rng, people: People, intensity: np.ndarray, days: int, rate_per_year: float):
    """Shopping trips by a BG/NBD-like process: Poisson visits while alive, dropout after each visit."""
    n = len(people.reg_day)
    lam = rng.gamma(0.9, rate_per_year / 0.9, n) / 365 * np.where(people.fills_here, 0.7, 1.0)
    lam = np.maximum(lam, 0.02 / 365)
    dropout = rng.beta(1.0, 6.0, n)
    top = intensity.max()
    new = people.reg_day >= 0
    out_day, out_member = [people.reg_day[new]], [np.flatnonzero(new)]     # the registration visit
    alive = np.where(new, rng.random(n) >= dropout, rng.random(n) < 0.7)
    t = np.maximum(people.reg_day, 0) + rng.exponential(1.0, n) / (lam * top)
    while True:
        active = np.flatnonzero(alive & (t < days))
        if not active.size:
            break
        day = t[active].astype(int)
        accepted = rng.random(active.size) < intensity[day] / top
        shoppers = active[accepted]
        out_day.append(day[accepted])
        out_member.append(shoppers)
        alive[shoppers[rng.random(shoppers.size) < dropout[shoppers]]] = False
        t[active] += rng.exponential(1.0, active.size) / (lam[active] * top)
    return np.concatenate(out_day), np.concatenate(out_member)


def _chronic_visits(r: random.Random, people: People, cat: CatalogIndex, days: int):
    """Refill visits of chronic patients: run-out driven, adherent / late / irregular, some stop."""
    options = {}
    for condition in dc.CONDITIONS.values():
        for tokens, _ in condition[2]:
            fams = [f.key for f in dc.FAMILIES if f.category == "chronic" and (f.group in tokens.split()
                                                                                 or f.key in tokens.split())]
            weights = [float(cat.weights[cat.family_pids[f]].sum()) for f in fams]
            options[tokens] = (fams, weights)
    out_day, out_member, payloads = [], [], []
    rx_key = 0
    for i in np.flatnonzero(people.fills_here):
        first = max(int(people.reg_day[i]), 0)
        families: list[str] = []
        for condition in people.conditions[i]:
            for tokens, prob in dc.CONDITIONS[condition][2]:
                fams, weights = options[tokens]
                free = [(f, w) for f, w in zip(fams, weights) if f not in families]
                if free and r.random() < prob:
                    families.append(r.choices([f for f, _ in free], [w for _, w in free])[0])
        if not families:
            continue
        style = r.random()
        late_pdc = r.uniform(0.5, 0.82)
        window = 10 if r.random() < 0.45 else 2      # some pick up every drug that is nearly due
        prescriber = r.randrange(len(dc.DOCTORS) * len(dc.CLINICS))
        lapse = r.uniform(first, days) if r.random() < 0.1 else math.inf
        courses = []
        for family in families:
            pids = cat.family_pids[family]
            pid = r.choices(pids, cat.weights[pids].tolist())[0]
            packs = 1 if cat.days_supply[pid] > 30 else r.choices((1, 2, 3), (0.72, 0.1, 0.18))[0]
            if people.reg_day[i] < 0:      # already on therapy when the history starts, or starts later
                due = r.uniform(0, cat.days_supply[pid] * packs) if r.random() < 0.85 else r.uniform(0, days)
            else:                          # brings the prescription when joining, or is diagnosed later
                due = first if r.random() < 0.7 else r.uniform(first, days)
            stop = due + r.expovariate(1 / 350) if r.random() < 0.2 else math.inf
            courses.append({"pid": pid, "family": family, "packs": packs, "due": due, "runout": due,
                            "stop": min(stop, lapse), "rx": None, "rx_day": 0, "renew": 0})
        first_fill = True
        while True:
            active = [c for c in courses if c["due"] < c["stop"]]
            if not active:
                break
            t = max(int(min(c["due"] for c in active)), first)
            if t >= days:
                break
            payload = []
            for c in active:
                if c["due"] > t + window:
                    continue
                if c["rx"] is None or t - c["rx_day"] > c["renew"]:
                    rx_key += 1
                    if c["rx"] is not None and r.random() < 0.06:   # new strength or maker at renewal
                        c["pid"] = r.choice(cat.family_pids[c["family"]])
                    c["rx"], c["renew"] = rx_key, r.uniform(90, 200)
                    c["rx_day"] = t - (r.randint(0, 80) if people.reg_day[i] < 0 and first_fill else r.randint(0, 5))
                packs = c["packs"] if r.random() < 0.9 else r.choice((1, 2, 3))
                packs = 1 if cat.days_supply[c["pid"]] > 30 else packs
                payload.append((c["pid"], packs, c["rx"], max(c["rx_day"], t - 360), prescriber))
                c["runout"] = max(c["runout"], t) + packs * cat.days_supply[c["pid"]]
                c["due"] = c["runout"] + _refill_gap(r, style, late_pdc, packs * cat.days_supply[c["pid"]])
            first_fill = False
            out_day.append(t)
            out_member.append(i)
            payloads.append(payload)
    return np.array(out_day, dtype=int), np.array(out_member, dtype=int), payloads


def _refill_gap(r: random.Random, style: float, pdc: float, covered: int) -> float:
    """Days between running out and coming back: adherent patients come a few days early."""
    if style < 0.55:                                   # adherent
        return min(4.0, max(-8.0, r.gauss(-2.5, 2.5)))
    if style < 0.85:                                   # chronically late: PDC around ``pdc``
        return r.gammavariate(2.0, covered * (1 / pdc - 1) / 2) + r.gauss(0, 2)
    if r.random() < 0.15:                              # irregular: now and then a long gap
        return r.uniform(15, 60)
    return r.gauss(-1.5, 3.0)


def _baby_visits(r: random.Random, people: People, days: int):
    """Parents' repeat trips for formula and diapers while the baby is small (payload: baby age in days)."""
    out_day, out_member, ages = [], [], []
    for i in np.flatnonzero(people.parent):
        born = int(people.baby_day[i])
        end = min(born + r.uniform(450, 1100), days)
        t = max(born + r.uniform(0, 20), people.reg_day[i], 0)
        while t < end:
            out_day.append(int(t))
            out_member.append(i)
            ages.append(int(t) - born)
            t += max(7.0, r.gauss(17, 4)) + (r.uniform(10, 40) if r.random() < 0.15 else 0)
    return np.array(out_day, dtype=int), np.array(out_member, dtype=int), np.array(ages, dtype=int)


def _merge_visits(days: int, parts) -> Visits:
    """One visit per member and day: a chronic refill beats a baby trip beats an occasional one;
    a second reason on the same day becomes an extra mission in the same basket."""
    (c_day, c_mem, payloads), (b_day, b_mem, b_age), (o_day, o_mem) = parts
    day = np.concatenate([c_day, b_day, o_day])
    member = np.concatenate([c_mem, b_mem, o_mem])
    kind = np.concatenate([np.full(c_day.size, CHRONIC), np.full(b_day.size, BABY), np.full(o_day.size, OCCASIONAL)])
    ref = np.concatenate([np.arange(c_day.size), b_age, np.full(o_day.size, -1)])
    priority = np.select([kind == CHRONIC, kind == BABY], [0, 1], 2)
    order = np.lexsort((priority, member, day))
    day, member, kind, ref, priority = day[order], member[order], kind[order], ref[order], priority[order]
    first = np.ones(day.size, dtype=bool)
    first[1:] = (day[1:] != day[:-1]) | (member[1:] != member[:-1])
    extra = np.zeros(day.size, dtype=bool)
    extra[:-1] = ~first[1:]
    keep = first
    visits = Visits(day[keep], member[keep], kind[keep], ref[keep], extra[keep], np.empty(0), payloads)
    visits.starts = np.searchsorted(visits.day, np.arange(days + 1))
    return visits



# -- writing --------------------------------------------------------------------------------------------

COLUMNS = {
    "suppliers": "id, name, lead_time_days, review_days, min_order_value, phone, email, active",
    "products": "id, barcode, name, generic_name, strength, form, atc_code, category, legal_class, pack_size, price, "
                "vat_rate_bp, days_supply, supplier_id, order_multiple, min_order_qty, active, created_at, updated_at, "
                "manufacturer, authorisation_holder, approval_number, specification, otc_class, storage_condition, "
                "insurance_code, contains_ephedrine, split_units, split_unit_name, split_unit_price",
    "price_history": "product_id, at, old_price, new_price, user_id",
    "members": "id, card_no, name, phone, birth_date, sex, allergies, notes, points, registered_at, updated_at, "
               "anon_id, erased_at",
    "member_conditions": "member_id, condition",
    "member_consents": "member_id, kind, granted, at, source, user_id",
    "purchase_orders": "id, supplier_id, status, created_at, sent_at, expected_on, user_id, note",
    "purchase_order_lines": "order_id, product_id, quantity, received_qty, unit_cost",
    "goods_receipts": "id, supplier_id, order_id, delivery_note, received_at, user_id",
    "batches": "id, product_id, batch_no, expiry, unit_cost, supplier_id, receipt_id, received_qty, on_hand",
    "stock_moves": "at, batch_id, product_id, quantity, reason, ref_type, ref_id, user_id, note",
    "sales": "id, receipt_no, at, user_id, member_id, subtotal, discount, points_redeemed, redeem_value, total, vat, "
             "points_earned, day_close_id",
    "sale_lines": "id, sale_id, product_id, quantity, unit_price, discount, line_total, vat_rate_bp, unit_cost",
    "sale_line_batches": "sale_line_id, batch_id, quantity",
    "sale_line_promotions": "sale_line_id, promotion_id, amount",
    "coupons": "promotion_id, code, member_id, issued_at, expires_on, redeemed_at, redeemed_sale_id",
    "prescriptions": "sale_line_id, prescriber, rx_number, rx_date, pharmacist_id, confirmed_at",
    "controlled_register": "at, sale_line_id, return_line_id, product_id, batch_id, quantity, member_id, "
                           "pharmacist_id, rx_number",
    "payments": "sale_id, return_id, method, amount, tendered, change",
    "points_ledger": "member_id, at, delta, reason, sale_id, return_id",
    "returns": "id, return_no, at, original_sale_id, user_id, approved_by, reason, refund_total, points_reversed, "
               "day_close_id",
    "return_lines": "id, return_id, sale_line_id, batch_id, quantity, refund, damaged",
    "day_closes": "id, closed_at, period_start, period_end, user_id, opening_float, expected_cash, counted_cash, "
                  "report",
    "stocktakes": "id, started_at, posted_at, status, user_id, note",
    "stocktake_counts": "stocktake_id, batch_id, counted, expected, counted_at",
    "care_reminders": "id, member_id, kind, product_id, due_date, reason, channel, created_at, user_id",
    "care_reminder_outcomes": "reminder_id, outcome, channel, at, user_id",
}


class Rows:
    """Row buffers per table, written with executemany in one transaction per flush."""

    def __init__(self, db):
        self.db = db
        self.buffers: dict[str, list] = {table: [] for table in COLUMNS}
        self.counts: dict[str, int] = dict.fromkeys(COLUMNS, 0)
        self.sql = {table: f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * (cols.count(',') + 1))})"
                    for table, cols in COLUMNS.items()}

    def add(self, table: str, row: tuple) -> None:
        self.buffers[table].append(row)

    def flush(self) -> None:
        with self.db.transaction():
            for table, rows in self.buffers.items():
                if rows:
                    self.db.conn.executemany(self.sql[table], rows)
                    self.counts[table] += len(rows)
                    rows.clear()


class _BulkMode:
    """Fast loading: no fsync, no foreign-key lookups, secondary indexes rebuilt once at the end.
    The index definitions are read back from the schema, so they come back exactly as migrated."""

    def __init__(self, db):
        self.db = db

    def __enter__(self):
        conn = self.db.conn
        self.indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        with self.db.transaction():
            for name, _ in self.indexes:
                conn.execute(f'DROP INDEX "{name}"')
        return self

    def __exit__(self, *exc):
        conn = self.db.conn
        with self.db.transaction():
            for _, sql in self.indexes:
                conn.execute(sql)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -32000")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return False


def _moment(start: date, day: int, second: float) -> str:
    """UTC ISO stamp of local time ``second`` on day ``day`` (any day, also before the history)."""
    local = datetime.combine(start + timedelta(days=int(day)), time()) + timedelta(seconds=float(second))
    return local.astimezone().astimezone(timezone.utc).isoformat(timespec="microseconds")


def _write_catalogue(rows: Rows, cat: CatalogIndex, sim: Simulation, suppliers: list[dict], created: str,
                     tl: Timeline, owner: int) -> None:
    """Suppliers, products (with the pack rules the simulation settled on) and price changes."""
    for s in suppliers:
        rows.add("suppliers", (s["id"], s["name"], s["lead_time_days"], s["review_days"], s["min_order_value"],
                               s["phone"], f"orders@{s['key']}.example.com", 1))
    frame = cat.frame
    master = [_master_values(row) for row in frame.to_dict("records")]
    for pid, p in enumerate(frame.itertuples(index=False)):
        changed = cat.change_day[pid] < tl.days
        updated = created
        if changed:
            updated = tl.stamp(cat.change_day[pid], 7 * 3600 + 3000)
            rows.add("price_history", (pid + 1, updated, cat.price[pid], cat.new_price[pid], owner))
        rows.add("products", (
            pid + 1, p.barcode, p.name, p.generic_name, p.strength, p.form, p.atc_code, p.category, p.legal_class,
            int(p.pack_size), cat.new_price[pid] if changed else cat.price[pid], int(p.vat_rate_bp),
            cat.days_supply[pid] or None, suppliers[sim.supplier_of[pid]]["id"], sim.multiple[pid],
            sim.min_qty[pid], 1, created, updated, p.manufacturer, *master[pid]))


def _master_values(row: dict) -> tuple:
    """The master fields of migration 0013 of one catalogue row, in :data:`COLUMNS` order: the Chinese catalogue
    has them all, the English one none (the columns' defaults)."""
    def text(key):
        value = row.get(key)
        return value if isinstance(value, str) else None

    def number(key):
        value = row.get(key)
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)

    return (text("authorisation_holder"), text("approval_number"), text("specification"), text("otc_class"),
            text("storage_condition") or "ambient", text("insurance_code"), number("contains_ephedrine") or 0,
            number("split_units"), text("split_unit_name"), number("split_unit_price"))


def _write_stock(rows: Rows, sim: Simulation, tl: Timeline, owner: int) -> None:
    """Batches with their final on-hand, purchase orders (received, or still on the way) and stocktakes."""
    for batch_id, (pid, batch_no, expiry, cost, supplier, receipt, qty, rec) in enumerate(sim.batches, 1):
        rows.add("batches", (batch_id, pid + 1, batch_no, tl.iso_date(expiry), cost, supplier, receipt, qty, rec[2]))
    for order in sim.orders:
        order_id, supplier_id, day, lead, arrival, at, _, lines, received = order
        rows.add("purchase_orders", (order_id, supplier_id, "received" if received else "sent", at, at,
                                     tl.iso_date(day + lead), owner, None))
        for pid, qty, cost, _ in lines:
            rows.add("purchase_order_lines", (order_id, pid + 1, qty, qty if received else 0, cost))
    for stocktake in sim.stocktakes:
        rows.add("stocktakes", stocktake)


def _write_members(rows: Rows, people: People, sim: Simulation, tl: Timeline, users: Staff, imported: str,
                   r: random.Random) -> None:
    """Members with registration time just before their first visit, conditions and consent history."""
    later = []
    for i in range(len(people.reg_day)):
        reg_day = int(people.reg_day[i])
        first = sim.first_visit.get(i)
        if reg_day >= 0 and first is not None:
            second = max(OPEN_S, first[1] - r.uniform(60, 400))     # registered at the till, then served
        else:
            second = r.uniform(OPEN_S, CLOSE_S - 600)
        registered = _moment(tl.start, reg_day, second)
        updated = registered
        care_yes = r.random() < (0.75 if people.fills_here[i] else 0.55)
        marketing_yes = r.random() < 0.4
        source = "import" if reg_day < 0 else r.choices(("paper_form", "verbal", "app"), (0.5, 0.2, 0.3))[0]
        at = imported if reg_day < 0 else _moment(tl.start, reg_day, second + 20)
        clerk = None if source in ("import", "app") else r.choice((users.cashier, users.pharmacist))
        for kind, granted in (("care", care_yes), ("marketing", marketing_yes)):
            if granted or r.random() < 0.45:
                rows.add("member_consents", (i + 1, kind, int(granted), at, source, clerk))
            change = 0.12 if granted and kind == "marketing" else 0.04 if granted else 0.08
            if r.random() < change and max(reg_day, 0) + 30 < tl.days - 1:
                day = r.randint(max(reg_day, 0) + 30, tl.days - 1)
                when = tl.stamp(day, r.uniform(OPEN_S, CLOSE_S))
                how = r.choice(("sms", "app", "verbal")) if granted else r.choice(("app", "paper_form"))
                later.append((i + 1, kind, int(not granted), when, how,
                              r.choice((users.cashier, users.pharmacist)) if how in ("verbal", "paper_form") else None))
                updated = max(updated, when)
        rows.add("members", (i + 1, make_card_number(i + 1), people.name[i], people.phone[i], people.birth[i],
                             people.sex[i], people.allergies[i], None, sim.points[i], registered, updated,
                             people.anon_id[i], None))
        for condition in people.recorded[i]:
            rows.add("member_conditions", (i + 1, condition))
    for row in sorted(later, key=lambda x: x[3]):
        rows.add("member_consents", row)


# -- the public entry point --------------------------------------------------------------------------------

def build_demo_store(directory, *, members: int = 3000, years: float = 2, seed: int = 42,
                     end_date: date | None = None, passphrase: str = DEMO_PASSPHRASE,
                     use_keyring: bool = False, kdf: dict | None = None,
                     progress: Callable[[float, str], None] | None = None, locale: str = "en") -> Store:
    """Create an encrypted demo store in ``directory`` and fill it with ``years`` of history up to
    (not including) ``end_date`` (default: today), for ``members`` members. Deterministic per ``seed``.
    ``locale`` "zh_CN" builds the Chinese store under the China GSP profile (see the module's docstring).

    Returns the open store with the owner logged in; the other demo users are in :data:`DEMO_USERS`.
    """
    report = progress or (lambda fraction, stage: None)
    if members < 1 or years <= 0:
        raise ValueError("members must be >= 1 and years > 0")
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {', '.join(LOCALES)}")
    chinese = locale == "zh_CN"
    end = end_date or datetime.now().astimezone().date()
    days = max(14, int(round(years * 365.25)))
    start = end - timedelta(days=days)
    report(0.0, "store")
    created_at = datetime.fromisoformat(_moment(start, -45, 9 * 3600))
    names = {user: catalog_zh.USER_NAMES[user] if chinese else display
             for user, (display, *_rest) in DEMO_USERS.items()}
    _, _, password, pin = DEMO_USERS["owner"]
    store = Store.create(directory, passphrase=passphrase, store_name=catalog_zh.STORE_NAME if chinese else STORE_NAME,
                         owner_username="owner", owner_name=names["owner"], owner_password=password, owner_pin=pin,
                         use_keyring=use_keyring, clock=lambda: created_at, kdf=kdf)
    try:
        ids = {"owner": store.user.id}
        for username, (_display, role, password, pin) in DEMO_USERS.items():
            if role != "owner":
                ids[username] = store.users.create(username, names[username], role, password, pin).id
        if chinese:
            for setting, value in (("language", "zh_CN"), ("regulatory_profile", "china_gsp"),
                                   ("store_address", catalog_zh.STORE_ADDRESS)):
                store.set_setting(setting, value)
        store.clock = utc_now
        _fill(store, Staff(ids["owner"], ids["pharmacist"], ids["cashier"]), members, start, days, seed,
              created_at.isoformat(timespec="microseconds"), report, chinese)
    except BaseException:
        store.close()
        raise
    report(1.0, "done")
    return store


def _fill(store: Store, users: Staff, n_members: int, start: date, days: int, seed: int, created: str,
          report: Progress, chinese: bool = False) -> None:
    """Generate the world, run the history and bulk-write it; one audit entry records the build."""
    tl = Timeline(start, days, np.random.default_rng([seed, 1]))
    report(0.02, "catalogue")
    frame = dc.build_catalog(np.random.default_rng([seed, 2]))
    if chinese:     # the same families, rows and prices: only the names and the master change
        frame = catalog_zh.localize_catalog(frame, np.random.default_rng([seed, 7]))
    cat = CatalogIndex(frame, np.random.default_rng([seed, 3]), days)
    suppliers = [{"id": k + 1, "key": key, "name": catalog_zh.SUPPLIER_NAMES[key] if chinese else v[0],
                  "lead_time_days": v[1], "review_days": v[2],
                  "min_order_value": v[3], "phone": v[4]} for k, (key, v) in enumerate(dc.SUPPLIERS.items())]
    report(0.04, "members")
    people = _make_people(np.random.default_rng([seed, 4]), random.Random(f"{seed}-people"), n_members, tl, chinese)
    member_w = np.array([w for _, _, w, _ in dc.MISSIONS.values()])
    anon_w = np.array([w for _, w, _, _ in dc.MISSIONS.values()])
    seasons = np.array([tl.season[s] for s, _, _, _ in dc.MISSIONS.values()])
    member_intensity = member_w @ seasons / member_w.sum() * tl.traffic * demo_promotions.visit_intensity(start, days)
    report(0.07, "visits")
    visits = _merge_visits(days, (
        _chronic_visits(random.Random(f"{seed}-chronic"), people, cat, days),
        _baby_visits(random.Random(f"{seed}-baby"), people, days),
        _occasional_visits(np.random.default_rng([seed, 5]), people, member_intensity, days, OCCASIONAL_RATE)))
    anon_shape = anon_w @ seasons / anon_w.sum() * tl.traffic
    anon_mean = anon_shape / anon_shape.mean() * visits.day.size / days * (1 - MEMBER_SHARE) / MEMBER_SHARE
    with _BulkMode(store.db):
        rows = Rows(store.db)
        sim = Simulation(tl, cat, people, visits, users, rows, np.random.default_rng([seed, 6]),
                         random.Random(f"{seed}-sim"))
        if chinese:
            sim.doctors, sim.clinics, sim.return_reasons = \
                catalog_zh.DOCTORS, catalog_zh.CLINICS, catalog_zh.RETURN_REASONS
        specs = demo_promotions.calendar_specs(start, start + timedelta(days=days))
        sim.pricing = demo_promotions.DemoPricing(demo_promotions.planned(specs, cat.frame, start), start, days,
                                                  random.Random(f"{seed}-promotions"))
        report(0.12, "forecast")
        prior = np.maximum(sim.expected_demand(28, anon_mean), 0.01)
        sim.run(anon_mean, suppliers, report, prior)
        report(0.86, "members")
        _write_catalogue(rows, cat, sim, suppliers, created, tl, users.owner)
        _write_stock(rows, sim, tl, users.owner)
        _write_members(rows, people, sim, tl, users, created, random.Random(f"{seed}-consent"))
        rows.flush()
        _create_promotions(store, specs, sim.pricing)
        for coupon in sim.pricing.coupons:
            rows.add("coupons", tuple(coupon.values()))
        rows.flush()
        report(0.9, "care reminders")
        _write_care(rows, store, sim, cat, tl, users, random.Random(f"{seed}-care"))
        report(0.91, "service records")
        service_records = build_service_history(store, tl, users.pharmacist, users.cashier,
                                                DEMO_USERS["pharmacist"][0], random.Random(f"{seed}-service"))
        with store.db.transaction():        # what the till's type-ahead finds each product by
            product_search.index_all(store.db)
        report(0.92, "indexes")
    build_regulated_records(store, seed, RegulatedContext(tl, cat, sim, users, tuple(suppliers)), report)
    store.catalog.refresh_sales_rank()      # best sellers first in the type-ahead from the first keystroke
    with store.db.transaction():
        store.audit.record("demo.build", "store", store.store_id, seed=seed, members=n_members, days=days,
                           locale="zh_CN" if chinese else "en",
                           sales=rows.counts["sales"], care_reminders=rows.counts["care_reminders"],
                           care_reminder_outcomes=rows.counts["care_reminder_outcomes"],
                           service_records=service_records)


# -- the hook for a regulated store's records ---------------------------------------------------------------

@dataclass(frozen=True)
class RegulatedContext:
    """What a locale-specific step may read about the history just written (nothing here is personal data).

    ``tl``: the timeline (``tl.start``, ``tl.days``, ``tl.stamp(day, second)`` -> UTC ISO, ``tl.iso_date(day)``);
    ``cat``: the catalogue (``cat.frame``: product id = row + 1, with ``family``, ``category``, ``legal_class`` and,
    in the Chinese demo, every master field; ``cat.n`` products); ``sim``: the simulation, whose ``batches`` (batch
    id = index + 1: ``[pid, batch_no, expiry_day, unit_cost, supplier_id, receipt_id, received_qty, record]``,
    pid 0-based), ``orders`` and ``stocktakes`` are what was written; ``users``: the staff ids (``owner``,
    ``pharmacist``, ``cashier``); ``suppliers``: dicts with ``id``, ``key``, ``name``.
    """

    tl: Timeline
    cat: CatalogIndex
    sim: Simulation
    users: Staff
    suppliers: tuple


#: The steps that write a regulated store's own records into the demo, in order. Each is called as
#: ``step(store, rng, context)`` with ``rng`` a ``random.Random`` seeded by the build's seed and the step's name
#: (so a step's records do not change when another step is added) and ``context`` a :class:`RegulatedContext`.
#: A step runs after the catalogue, stock, members, sales and care history are written and the store's indexes are
#: back; the store is open with the owner logged in and ``store.clock`` the real clock (a step that backdates its
#: records sets the clock itself and puts it back). It should write through the store's services, or in bulk in
#: one ``store.db.transaction()``, and return None. Register a step by adding it here, e.g.
#: ``from pharmadesk.demo.quality import build_quality_records`` (supplier licences, acceptance records, storage
#: logs, maintenance, quarantine) and the counter controls' traceability codes.
def _quality_records(store: Store, rng: random.Random, context: RegulatedContext) -> None:
    """The GSP quality records (:mod:`pharmadesk.demo.quality`) up to the end of the history."""
    build_quality_records(store, rng.randrange(2**31), context.tl.start + timedelta(days=context.tl.days))


REGULATED_STEPS: list[Callable[[Store, random.Random, RegulatedContext], None]] = [_quality_records,
                                                                                  build_counter_records]


def build_regulated_records(store: Store, seed: int, context: RegulatedContext,
                            report: Progress | None = None) -> None:
    """Run :data:`REGULATED_STEPS` for a store under the China GSP profile (the Chinese demo); an English demo
    (profile none) keeps none of these records."""
    if not store.settings.china_gsp:
        return
    for number, step in enumerate(REGULATED_STEPS):
        if report is not None:
            report(0.93 + 0.05 * number / max(1, len(REGULATED_STEPS)), "regulated records")
        step(store, random.Random(f"{seed}-{step.__module__}.{step.__name__}"), context)


def _create_promotions(store: Store, specs: list[dict], pricing: demo_promotions.DemoPricing) -> None:
    """Store the promotions the history was priced with, now that the catalogue is written: the same ids, and
    the same promotions as the engine saw them (checked, so the report reads what the sales were priced by)."""
    clock, planned_on = store.clock, datetime.combine(pricing.start, time(9)).astimezone()
    store.clock = lambda: planned_on        # the owner planned the calendar when the history began
    try:
        for spec, planned in zip(specs, pricing.promotions):
            promotion_id = store.promotions.create(spec)
            if store.promotions.get(promotion_id).promotion != planned:
                raise RuntimeError(f"demo promotion {spec['name']!r} is not stored as it was priced")
    finally:
        store.clock = clock


def _write_care(rows: Rows, store: Store, sim: Simulation, cat: CatalogIndex, tl: Timeline, users: Staff,
                r: random.Random) -> None:
    """The care-reminder history (:mod:`pharmadesk.demo.care`), against the consents as written."""
    consents: dict[int, list] = {}
    for member_id, at, granted in store.db.execute(
            "SELECT c.member_id, c.at, c.granted FROM member_consents c JOIN members m ON m.id = c.member_id "
            "WHERE c.kind = 'care' AND m.erased_at IS NULL ORDER BY c.id"):
        consents.setdefault(member_id, []).append((at, granted))
    build_care_history(rows, sim.care_fills, cat, tl, consents, users.pharmacist, r)
    rows.flush()
