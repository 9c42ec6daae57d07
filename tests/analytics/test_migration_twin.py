"""The migration test of issue 18: a store built only from CSV imports (3 years of daily history) gives the same
reorder, KPIs, segments, value, baskets and care frames as its twin that sold the same history at the till.

The till twin registers each member at their first purchase and sells every sale with ``store.sales.sell`` at
its pinned clock time, from stock received on the first day; the import twin imports the same products (with
the supplier's terms), members and sales from CSV on the day after. Kept small — 5 products, 6 members, about
1,100 sales — so it runs in seconds. Stock is what differs (imported history moves none, by design): reorder is
compared on its demand side, KPIs without the inventory figures.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

import pandas as pd
import pytest

from pharmadesk.analytics import frames, jobs
from pharmadesk.core.payments import Payment
from pharmadesk.core.sales import CartLine
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.store import Store

from conftest import FAST_KDF, PASSPHRASE, Clock

DAYS = 3 * 365
PRODUCTS = [  # barcode, name, category, price, cost, days_supply, popularity
    ("4006381333931", "Paracetamol 500mg", "acute", 1250, 600, None, 5),
    ("6901234567892", "Vitamin C 1000", "supplement", 3000, 1500, None, 3),
    ("4260107220015", "Throat lozenges", "otc", 1800, 800, None, 3),
    ("4008617123453", "Nasal spray", "otc", 2600, 1200, None, 1),
    ("6923450657713", "Metformin 500mg", "chronic", 2200, 1000, 30, 0),     # OTC-legal, bought monthly
]
MEMBERS = [(f"Member {i}", f"1380013800{i}", f"29000000090{i:02d}") for i in range(6)]
DEMAND_COLUMNS = ["product_id", "demand_class", "adi", "cv2", "method", "forecast_daily", "lead_time_days",
                  "review_days", "demand_lead_review", "sd_lead_review", "safety_stock", "reorder_point", "order_up_to"]
STOCK_KPIS = ("inventory", "turnover", "expir", "stock")


@dataclass
class Sale:
    at: datetime                      # UTC
    lines: list[tuple[int, int]]      # (product index, quantity)
    member: int | None                # member index


def _history(start: date) -> list[Sale]:
    """Seeded daily history: 0-2 walk-in or member sales a day, and one member's monthly metformin."""
    rng = random.Random(18)
    weights = [p[6] for p in PRODUCTS]
    sales = []
    for k in range(DAYS):
        day = start + timedelta(days=k)
        for j in range(rng.choices([0, 1, 2], [0.3, 0.45, 0.25])[0]):
            picked = sorted(set(rng.choices(range(len(PRODUCTS)), weights, k=rng.choice([1, 1, 2, 3]))))
            member = rng.randrange(len(MEMBERS)) if rng.random() < 0.5 else None
            at = datetime.combine(day, time(9 + 4 * j, rng.randrange(60))).astimezone().astimezone(timezone.utc)
            sales.append(Sale(at, [(i, rng.choice([1, 1, 2])) for i in picked], member))
        if k % 30 == 3:
            at = datetime.combine(day, time(17, 30)).astimezone().astimezone(timezone.utc)
            sales.append(Sale(at, [(4, 1)], 0))
    return sales


def _new_store(directory, clock) -> Store:
    return Store.create(directory, passphrase=PASSPHRASE, store_name="Twin", owner_username="owner",
                        owner_name="Olivia Owner", owner_password="owner-pass-1", owner_pin="1111",
                        use_keyring=False, kdf=FAST_KDF, clock=clock)


def _till_twin(directory, start: date, sales: list[Sale]) -> Store:
    clock = Clock(datetime.combine(start, time(8)).astimezone().astimezone(timezone.utc))
    store = _new_store(directory, clock)
    supplier = store.catalog.add_supplier("MedSupply", lead_time_days=3, review_days=7)
    ids = [store.catalog.add_product(barcode=b, name=n, category=c, legal_class="otc", price=price, days_supply=ds,
                                     supplier_id=supplier) for b, n, c, price, _cost, ds, _w in PRODUCTS]
    store.stock.receive(supplier, [ReceiptLine(pid, f"LOT-{pid}", start + timedelta(days=5 * 365), 5000, p[4])
                                   for pid, p in zip(ids, PRODUCTS)])
    members: dict[int, int] = {}
    for sale in sales:
        clock.moment = sale.at
        if sale.member is not None and sale.member not in members:
            name, phone, card = MEMBERS[sale.member]
            members[sale.member] = store.members.register(name, phone, card_no=card)
        total = sum(PRODUCTS[i][3] * q for i, q in sale.lines)
        store.sales.sell([CartLine(ids[i], q) for i, q in sale.lines], [Payment("cash", total)],
                         member_id=members.get(sale.member))
    return store


def _import_twin(directory, tmp_path, now: datetime, sales: list[Sale]) -> Store:
    store = _new_store(directory, Clock(now))
    products = tmp_path / "products.csv"
    products.write_text("barcode,name,category,legal_class,price,days_supply,supplier,lead_time_days,review_days\n"
                        + "".join(f"{b},{n},{c},otc,{price / 100:.2f},{ds or ''},MedSupply,3,7\n"
                                  for b, n, c, price, _cost, ds, _w in PRODUCTS), encoding="utf-8")
    members = tmp_path / "members.csv"
    order = list(dict.fromkeys(sale.member for sale in sales if sale.member is not None))   # ids as at the till
    members.write_text("name,phone,card_no\n" + "".join("{},{},{}\n".format(*MEMBERS[i]) for i in order),
                       encoding="utf-8")
    rows = ["receipt,date,barcode,quantity,unit_price,unit_cost,card_no"]
    for number, sale in enumerate(sales, 1):
        local = sale.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        card = MEMBERS[sale.member][2] if sale.member is not None else ""
        rows += [f"T{number},{local},{PRODUCTS[i][0]},{q},{PRODUCTS[i][3] / 100:.2f},{PRODUCTS[i][4] / 100:.2f},{card}"
                 for i, q in sale.lines]
    history = tmp_path / "sales.csv"
    history.write_text("\n".join(rows) + "\n", encoding="utf-8")
    for kind, path in (("products", products), ("members", members), ("sales", history)):
        report = store.imports.csv(kind, path)
        assert report.applied, (kind, report.errors[:3])
    return store


@pytest.fixture(scope="module")
def twins(tmp_path_factory):
    start = date.today() - timedelta(days=DAYS + 1)
    sales = _history(start)
    till = _till_twin(tmp_path_factory.mktemp("till") / "store", start, sales)
    now = datetime.combine(start + timedelta(days=DAYS), time(12)).astimezone().astimezone(timezone.utc)
    till.clock.moment = now
    imported = _import_twin(tmp_path_factory.mktemp("import") / "store", tmp_path_factory.mktemp("csv"), now, sales)
    yield till, imported, start + timedelta(days=DAYS)
    till.close()
    imported.close()


def _same(a: pd.DataFrame, b: pd.DataFrame, drop=()) -> None:
    a = a.drop(columns=[c for c in drop if c in a]).reset_index(drop=True)
    b = b.drop(columns=[c for c in drop if c in b]).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)


def test_the_twins_hold_the_same_sales(twins):
    till, imported, today = twins
    assert frames.sales_between(till, today - timedelta(days=DAYS + 1), today)["total"].sum() > 0
    _same(frames.sales_between(till, today - timedelta(days=DAYS + 1), today),
          frames.sales_between(imported, today - timedelta(days=DAYS + 1), today), drop=("source",))


@pytest.mark.parametrize("days_back", [0, 365])     # today, and a year before the import day
def test_reorder_demand_is_the_same(twins, days_back):
    till, imported, today = twins
    as_of = today - timedelta(days=days_back)
    a, b = jobs.run_reorder(till, as_of).frame, jobs.run_reorder(imported, as_of).frame
    a, b = (t.sort_values("product_id")[DEMAND_COLUMNS] for t in (a, b))
    assert (a["demand_class"] != "none").all()
    _same(a, b)
    pd.testing.assert_frame_equal(frames.reorder_daily_demand(till, as_of), frames.reorder_daily_demand(imported, as_of))


def test_reorder_backtest_runs_on_imported_history(twins):
    till, imported, today = twins
    a = jobs.run_reorder_backtest(till, today).frame
    b = jobs.run_reorder_backtest(imported, today).frame
    _same(a, b)


def test_kpis_are_the_same_except_stock(twins):
    till, imported, today = twins
    for as_of in (today, today - timedelta(days=400)):
        a, b = jobs.run_kpis(till, as_of).frame, jobs.run_kpis(imported, as_of).frame
        key = a.columns[0]
        keep = ~a[key].astype(str).str.contains("|".join(STOCK_KPIS))
        assert keep.sum() >= 8
        _same(a[keep], b[keep.to_numpy()])


def test_segments_value_baskets_and_care_are_the_same(twins):
    till, imported, today = twins
    as_of = today - timedelta(days=30)
    _same(jobs.run_segments(till, as_of, jobs.SegmentParams(k=3, resamples=0)).members,
          jobs.run_segments(imported, as_of, jobs.SegmentParams(k=3, resamples=0)).members)
    _same(jobs.run_value(till, as_of).frame, jobs.run_value(imported, as_of).frame)
    _same(frames.basket_lines(till, as_of), frames.basket_lines(imported, as_of))
    _same(jobs.run_basket_rules(till, as_of).frame, jobs.run_basket_rules(imported, as_of).frame)
    _same(frames.care_fills(till, as_of), frames.care_fills(imported, as_of))
    _same(jobs.run_refill_status(till, as_of).frame, jobs.run_refill_status(imported, as_of).frame)
    _same(frames.member_features(till, as_of), frames.member_features(imported, as_of))
