"""The demo store generator: every domain invariant holds on its output, it is deterministic,
and the behaviour the analytics will look for (refill cycles, seasons, co-purchases, expiry) is there."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from pharmadesk.core.catalog import gtin_check_digit_ok
from pharmadesk.demo.build import DEMO_PASSPHRASE, DEMO_USERS, build_demo_store
from pharmadesk.core.money import vat_included
from pharmadesk.core.stock import is_expired
from pharmadesk.core.store import Store

FAST_KDF = {"time_cost": 1, "memory_cost": 8 * 1024, "parallelism": 1}
END = date(2024, 6, 30)          # one year: July 2023 .. June 2024, so it has a winter and a summer
SMALL = dict(members=1000, years=1.0, seed=7, end_date=END, kdf=FAST_KDF)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    stages = []
    store = build_demo_store(tmp_path_factory.mktemp("demo") / "store", progress=lambda f, s: stages.append((f, s)),
                             **SMALL)
    store.stages = stages
    yield store
    store.close()


def frame(store: Store, sql: str, params=()) -> pd.DataFrame:
    cur = store.db.execute(sql, params)
    return pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])


def local_day(stamp: str) -> date:
    return datetime.fromisoformat(stamp).astimezone().date()


def lines_frame(store: Store) -> pd.DataFrame:
    df = frame(store, "SELECT s.id AS sale_id, s.at, s.member_id, l.product_id, l.quantity, p.name, p.atc_code, "
                      "p.category, p.days_supply, p.generic_name FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                      "JOIN products p ON p.id = l.product_id")
    df["day"] = pd.to_datetime([local_day(a) for a in df["at"]])
    return df


# -- the store itself -----------------------------------------------------------------------------------------

def test_store_opens_with_the_documented_passphrase_and_users(demo, tmp_path_factory):
    assert demo.user is not None and demo.user.role == "owner"
    reopened = Store.open(demo.directory, passphrase=DEMO_PASSPHRASE, use_keyring=False)
    try:
        for username, (_name, role, password, pin) in DEMO_USERS.items():
            assert reopened.login(username, password).role == role
            assert reopened.login(username, pin).role == role
    finally:
        reopened.close()
    assert demo.stages[0][0] == 0.0 and demo.stages[-1] == (1.0, "done")
    fractions = [f for f, _ in demo.stages]
    assert fractions == sorted(fractions) and all(0 <= f <= 1 for f in fractions)


def test_ledger_audit_and_database_are_sound(demo):
    assert demo.stock.verify_ledger() == []
    assert demo.audit.verify() == []
    assert demo.db.integrity_problems() == []
    assert demo.db.scalar("PRAGMA foreign_keys") == 1
    assert demo.db.scalar("PRAGMA synchronous") == 2   # FULL again after the bulk load
    indexes = {r[0] for r in demo.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"stock_moves_product_at", "sales_at", "batches_fefo", "members_name"} <= indexes


def test_timestamps_are_utc_iso_inside_the_history_and_opening_hours(demo):
    pattern = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$")
    stamps = frame(demo, "SELECT at FROM sales UNION ALL SELECT at FROM stock_moves "
                         "UNION ALL SELECT registered_at FROM members")["at"]
    assert stamps.map(lambda s: bool(pattern.match(s))).all()
    sales = frame(demo, "SELECT at FROM sales")["at"].map(lambda s: datetime.fromisoformat(s).astimezone())
    assert sales.map(lambda t: t.date()).min() >= date(2023, 6, 30)
    assert sales.map(lambda t: t.date()).max() < END
    hours = sales.map(lambda t: t.hour)
    assert hours.between(8, 20).all()
    by_hour = hours.value_counts()
    assert by_hour[10] > 1.5 * by_hour[14] and by_hour[18] > 1.5 * by_hour[14]     # late morning, early evening


# -- products and suppliers ---------------------------------------------------------------------------------

def test_catalogue_is_realistic(demo):
    products = frame(demo, "SELECT * FROM products")
    assert 700 <= len(products) <= 900
    assert products["barcode"].map(lambda b: len(b) == 13 and gtin_check_digit_ok(b)).all()
    assert set(products["category"]) == {"chronic", "acute", "otc", "supplement", "mother_baby", "personal_care",
                                          "device"}
    assert set(products["legal_class"]) == {"otc", "rx", "controlled"}
    chronic = products[products["category"] == "chronic"]
    assert (chronic["legal_class"] == "rx").all() and chronic["days_supply"].notna().all()
    assert {30, 60, 90} <= set(chronic["days_supply"].astype(int))
    for atc in ("C09AA05", "C07AB07", "C10AA05", "A10BA02", "C08CA01", "H03AA01", "R03AK06", "N02BE01",
                "R06AE07", "R06AX13", "J01CA04", "N02AX02"):
        assert (products["atc_code"] == atc).any(), atc
    assert set(products["vat_rate_bp"]) == {900, 1300}
    suppliers = frame(demo, "SELECT * FROM suppliers")
    assert 8 <= len(suppliers) <= 15 and suppliers["lead_time_days"].between(1, 7).all()
    assert (products["order_multiple"] > 1).any() and (products["min_order_qty"] > products["order_multiple"]).any()
    sold = frame(demo, "SELECT SUM(unit_cost * quantity) AS cost, SUM(line_total) AS revenue FROM sale_lines "
                       "GROUP BY product_id")
    margin = 1 - sold["cost"] / sold["revenue"]
    assert (margin > 0).all() and margin.quantile(0.02) > 0.05 and 0.15 < margin.median() < 0.45


# -- stock: FEFO, expiry, never negative ----------------------------------------------------------------------

def test_stock_replays_with_fefo_never_negative_never_expired(demo):
    batches = {r["id"]: r for r in demo.db.all("SELECT id, product_id, expiry FROM batches")}
    moves = demo.db.all("SELECT id, at, batch_id, product_id, quantity, reason, ref_id FROM stock_moves "
                        "ORDER BY at, id")
    on_hand: dict[int, int] = defaultdict(int)
    by_product: dict[int, set] = defaultdict(set)
    i = 0
    while i < len(moves):
        move = moves[i]
        group = [move]
        if move["reason"] == "sale":      # one line's allocation: same sale, same product
            while i + len(group) < len(moves) and moves[i + len(group)]["reason"] == "sale" and \
                    (moves[i + len(group)]["ref_id"], moves[i + len(group)]["product_id"]) == \
                    (move["ref_id"], move["product_id"]):
                group.append(moves[i + len(group)])
        for m in group:
            on_hand[m["batch_id"]] += m["quantity"]
            by_product[m["product_id"]].add(m["batch_id"])
            assert on_hand[m["batch_id"]] >= 0, m
        if move["reason"] == "sale":
            day = local_day(move["at"])
            for m in group:
                taken = batches[m["batch_id"]]
                assert not is_expired(taken["expiry"], day), m
                for other in by_product[m["product_id"]]:
                    b = batches[other]
                    if other != m["batch_id"] and on_hand[other] > 0 and not is_expired(b["expiry"], day):
                        assert (b["expiry"], other) > (taken["expiry"], m["batch_id"]), (m, other)
        i += len(group)
    stored = {r["id"]: r["on_hand"] for r in demo.db.all("SELECT id, on_hand FROM batches")}
    assert all(stored[b] == on_hand[b] for b in stored)


def test_receipts_purchase_orders_and_batches(demo):
    bad = demo.db.scalar(
        "SELECT count(*) FROM batches b JOIN goods_receipts g ON g.id = b.receipt_id "
        "WHERE b.expiry <= substr(g.received_at, 1, 10) OR b.received_qty < 1")
    assert bad == 0
    months = frame(demo, "SELECT julianday(b.expiry) - julianday(substr(g.received_at, 1, 10)) AS days "
                         "FROM batches b JOIN goods_receipts g ON g.id = b.receipt_id WHERE g.order_id IS NOT NULL")
    assert 360 < months["days"].median() < 900
    assert demo.db.scalar("SELECT count(*) FROM goods_receipts WHERE order_id IS NOT NULL") > 100
    assert demo.db.scalar("SELECT count(*) FROM purchase_orders o JOIN goods_receipts g ON g.order_id = o.id "
                          "WHERE o.status <> 'received'") == 0
    received = frame(demo, "SELECT receipt_id, SUM(quantity) AS q FROM (SELECT ref_id AS receipt_id, quantity "
                           "FROM stock_moves WHERE reason = 'receipt') GROUP BY receipt_id")
    assert len(received) == demo.db.scalar("SELECT count(*) FROM goods_receipts")


def test_some_stock_is_near_expiry_and_some_expired_at_the_end(demo):
    on_hand = frame(demo, "SELECT expiry FROM batches WHERE on_hand > 0")
    left = (pd.to_datetime(on_hand["expiry"]) - pd.Timestamp(END)).dt.days
    assert (left < 0).sum() >= 1
    assert ((left >= 0) & (left <= 90)).sum() >= 3
    assert demo.db.scalar("SELECT count(*) FROM stock_moves WHERE reason = 'write_off' AND note = 'expired'") > 0


# -- sales: money, VAT, payments, points, prescriptions ---------------------------------------------------

def test_sale_totals_vat_and_payments_add_up(demo):
    sales = frame(demo, "SELECT * FROM sales")
    lines = frame(demo, "SELECT * FROM sale_lines")
    assert (sales["receipt_no"] == sales["id"].map(lambda i: f"S{i:08d}")).all()
    assert (sales["total"] == sales["subtotal"] - sales["discount"] - sales["redeem_value"]).all()
    assert (lines["line_total"] == lines["unit_price"] * lines["quantity"] - lines["discount"]).all()
    per_sale = lines.assign(gross=lines["unit_price"] * lines["quantity"]).groupby("sale_id")[["gross", "discount"]].sum()
    joined = sales.set_index("id").join(per_sale.add_suffix("_lines"))
    assert (joined["subtotal"] == joined["gross_lines"]).all() and (joined["discount"] == joined["discount_lines"]).all()
    promoted = frame(demo, "SELECT sale_line_id, SUM(amount) AS promoted FROM sale_line_promotions GROUP BY 1")
    lines = lines.merge(promoted, how="left", left_on="id", right_on="sale_line_id").fillna({"promoted": 0})
    manual = lines["discount"] - lines["promoted"]
    assert (manual >= 0).all() and lines["promoted"].sum() > 0
    assert (manual * 100 <= lines["unit_price"] * lines["quantity"] * 10).all()   # a clerk's offer: within the threshold
    lines["vat"] = [vat_included(t, r) for t, r in zip(lines["line_total"], lines["vat_rate_bp"])]
    vat = lines.groupby("sale_id")["vat"].sum()
    after = sales.set_index("id").eval("subtotal - discount")
    expected = ((2 * vat * sales.set_index("id")["total"] + after) // (2 * after)).astype(int)
    assert (sales.set_index("id")["vat"] == expected).all()
    paid = frame(demo, "SELECT sale_id, SUM(amount) AS paid, SUM(CASE WHEN method = 'cash' THEN 1 ELSE 0 END) AS cash "
                       "FROM payments WHERE sale_id IS NOT NULL GROUP BY sale_id").set_index("sale_id")
    assert (paid["paid"] == sales.set_index("id")["total"]).all()
    cash = frame(demo, "SELECT * FROM payments WHERE method = 'cash' AND sale_id IS NOT NULL")
    assert (cash["tendered"] >= cash["amount"]).all() and (cash["change"] == cash["tendered"] - cash["amount"]).all()
    methods = frame(demo, "SELECT sale_id, count(*) AS n FROM payments WHERE sale_id IS NOT NULL GROUP BY sale_id")
    assert (methods["n"] == 2).any()                                   # some mixed payments
    assert 0.3 <= sales["member_id"].notna().mean() <= 0.45


def test_line_costs_come_from_the_allocated_batches(demo):
    check = frame(demo, "SELECT l.id, l.quantity, l.unit_cost, SUM(a.quantity) AS allocated, "
                        "SUM(a.quantity * b.unit_cost) AS cost FROM sale_lines l "
                        "JOIN sale_line_batches a ON a.sale_line_id = l.id JOIN batches b ON b.id = a.batch_id "
                        "GROUP BY l.id")
    assert len(check) == demo.db.scalar("SELECT count(*) FROM sale_lines")
    assert (check["allocated"] == check["quantity"]).all()
    assert (check["unit_cost"] == (2 * check["cost"] + check["quantity"]) // (2 * check["quantity"])).all()
    moves = demo.db.scalar("SELECT -SUM(quantity) FROM stock_moves WHERE reason = 'sale'")
    assert moves == demo.db.scalar("SELECT SUM(quantity) FROM sale_line_batches")


def test_points_balance_equals_the_ledger(demo):
    assert demo.db.scalar(
        "SELECT count(*) FROM members m LEFT JOIN (SELECT member_id, SUM(delta) AS s FROM points_ledger "
        "GROUP BY member_id) p ON p.member_id = m.id WHERE m.points <> COALESCE(p.s, 0)") == 0
    assert demo.db.scalar("SELECT count(*) FROM sales WHERE member_id IS NOT NULL AND points_earned <> total / 100") == 0
    assert demo.db.scalar("SELECT count(*) FROM sales WHERE member_id IS NULL AND (points_earned OR points_redeemed)") == 0
    earned = demo.db.scalar("SELECT count(*) FROM points_ledger WHERE reason = 'earn'")
    assert earned == demo.db.scalar("SELECT count(*) FROM sales WHERE points_earned > 0")
    assert demo.db.scalar("SELECT count(*) FROM points_ledger WHERE reason = 'redeem'") > 0
    running = frame(demo, "SELECT member_id, delta FROM points_ledger ORDER BY at, id")
    assert (running.groupby("member_id")["delta"].cumsum() >= 0).all()


def test_every_rx_line_has_a_confirmed_prescription(demo):
    lines = frame(demo, "SELECT l.id, p.legal_class, r.rx_date, r.prescriber, r.pharmacist_id, s.at, u.role "
                        "FROM sale_lines l JOIN products p ON p.id = l.product_id JOIN sales s ON s.id = l.sale_id "
                        "LEFT JOIN prescriptions r ON r.sale_line_id = l.id LEFT JOIN users u ON u.id = r.pharmacist_id")
    rx = lines[lines["legal_class"] != "otc"]
    assert len(rx) > 50 and rx["rx_date"].notna().all() and rx["prescriber"].str.len().gt(3).all()
    assert rx["role"].isin(["pharmacist", "owner"]).all()
    age = pd.Series([(local_day(a) - date.fromisoformat(d)).days for a, d in zip(rx["at"], rx["rx_date"])])
    assert age.between(0, 365).all()
    assert lines[lines["legal_class"] == "otc"]["rx_date"].isna().all()
    controlled = demo.db.scalar("SELECT count(*) FROM sale_line_batches a JOIN sale_lines l ON l.id = a.sale_line_id "
                                "JOIN products p ON p.id = l.product_id WHERE p.legal_class = 'controlled'")
    assert controlled > 0
    assert controlled == demo.db.scalar("SELECT count(*) FROM controlled_register WHERE sale_line_id IS NOT NULL")


def test_returns_refunds_and_day_closes(demo):
    returns = frame(demo, "SELECT * FROM returns")
    assert len(returns) > 0
    assert (returns["return_no"] == returns["id"].map(lambda i: f"R{i:08d}")).all()
    refunds = frame(demo, "SELECT return_id, SUM(amount) AS amount FROM payments WHERE return_id IS NOT NULL "
                          "GROUP BY return_id").set_index("return_id")["amount"]
    assert (refunds == returns.set_index("id")["refund_total"]).all()
    assert demo.db.scalar("SELECT count(*) FROM returns r JOIN sales s ON s.id = r.original_sale_id "
                          "WHERE r.at <= s.at OR r.refund_total > s.total") == 0
    assert demo.db.scalar("SELECT count(*) FROM return_lines x JOIN sale_line_batches a "
                          "ON a.sale_line_id = x.sale_line_id AND a.batch_id = x.batch_id WHERE x.quantity > a.quantity") == 0
    back = demo.db.scalar("SELECT SUM(quantity) FROM stock_moves WHERE reason = 'return'")
    assert back == demo.db.scalar("SELECT SUM(quantity) FROM return_lines")
    closes = frame(demo, "SELECT * FROM day_closes")
    totals = frame(demo, "SELECT day_close_id, count(*) AS n, SUM(total) AS net FROM sales GROUP BY 1").set_index(
        "day_close_id")
    report = closes.set_index("id")["report"].map(json.loads)
    assert (report.loc[totals.index].map(lambda r: r["transactions"]) == totals["n"]).all()
    assert (report.loc[totals.index].map(lambda r: r["net"]) == totals["net"]).all()
    assert demo.db.scalar("SELECT count(*) FROM sales WHERE day_close_id IS NULL") == 0


# -- members ----------------------------------------------------------------------------------------------------

def test_members_are_complete_and_consistent(demo):
    members = frame(demo, "SELECT * FROM members")
    assert len(members) == SMALL["members"]
    assert members["phone"].is_unique and members["card_no"].is_unique and members["anon_id"].is_unique
    assert members["phone"].str.match(r"^1[3-9]\d{9}$").all()
    assert members["card_no"].map(gtin_check_digit_ok).all()
    ages = members["birth_date"].map(lambda b: (END - date.fromisoformat(b)).days / 365.25)
    assert ages.between(18, 100).all() and 35 < ages.median() < 65
    assert set(members["sex"]) >= {"F", "M"}
    first = frame(demo, "SELECT member_id, MIN(at) AS first FROM sales WHERE member_id IS NOT NULL GROUP BY 1")
    joined = first.merge(members, left_on="member_id", right_on="id")
    assert (joined["registered_at"] < joined["first"]).all()
    registered = members["registered_at"].map(local_day)
    assert (registered >= date(2023, 6, 30)).mean() > 0.4 and (registered < date(2023, 6, 30)).any()


def test_consents_and_conditions(demo):
    consents = frame(demo, "SELECT * FROM member_consents ORDER BY id")
    assert set(consents["kind"]) == {"care", "marketing"}
    assert set(consents["source"]) <= {"paper_form", "verbal", "app", "sms", "email", "import"}
    latest = consents.groupby(["member_id", "kind"]).tail(1)
    n = SMALL["members"]
    care = latest[(latest["kind"] == "care") & (latest["granted"] == 1)]["member_id"].nunique() / n
    marketing = latest[(latest["kind"] == "marketing") & (latest["granted"] == 1)]["member_id"].nunique() / n
    assert 0.4 < care < 0.8 and 0.25 < marketing < 0.55
    withdrawn = consents.groupby(["member_id", "kind"])["granted"].agg(lambda g: list(g) [-2:] == [1, 0])
    assert withdrawn.any()
    registered = frame(demo, "SELECT id, registered_at FROM members").set_index("id")["registered_at"]
    assert (consents["at"].values >= registered.loc[consents["member_id"]].values).all()
    conditions = frame(demo, "SELECT * FROM member_conditions")
    assert {"hypertension", "diabetes", "hyperlipidemia"} <= set(conditions["condition"])
    # patients' recorded conditions match the chronic drugs they buy
    lines = lines_frame(demo)
    statin_buyers = set(lines[lines["atc_code"].fillna("").str.startswith("C10")]["member_id"].dropna().astype(int))
    with_lipids = set(conditions[conditions["condition"].isin(["hyperlipidemia", "coronary heart disease"])]["member_id"])
    assert len(statin_buyers & with_lipids) >= 0.7 * len(statin_buyers) > 0


# -- behaviour the analytics will look for ------------------------------------------------------------------

def test_chronic_patients_refill_on_their_days_supply_cycle(demo):
    lines = lines_frame(demo)
    chronic = lines[(lines["category"] == "chronic") & lines["member_id"].notna()].sort_values(
        ["member_id", "product_id", "day"])
    chronic["covered"] = chronic["quantity"] * chronic["days_supply"]
    chronic["next"] = chronic.groupby(["member_id", "product_id"])["day"].shift(-1)
    chronic["ratio"] = (chronic["next"] - chronic["day"]).dt.days / chronic["covered"]
    per_pair = chronic.dropna(subset=["ratio"]).groupby(["member_id", "product_id"])["ratio"].median()
    assert len(per_pair) >= 15
    assert ((per_pair > 0.75) & (per_pair < 1.3)).mean() > 0.5          # most refill close to the cycle
    assert (per_pair >= 1.25).any()                                       # some are chronically late
    drugs = chronic.groupby("member_id")["generic_name"].nunique()
    assert (drugs >= 2).mean() > 0.2                                       # multi-drug patients (med sync)
    last = chronic.groupby(["member_id", "product_id"]).tail(1)
    stopped = last["day"] + pd.to_timedelta(last["covered"] + 60, unit="D") < pd.Timestamp(END)
    assert stopped.any()                                                   # some discontinue


def test_seasons_weeks_and_lapsed_members(demo):
    lines = lines_frame(demo)
    month = lines["day"].dt.month
    flu = lines["atc_code"].fillna("").str.match(r"^(N02BE|R05|R01AA|R01B|J05AH)")
    per_day = lambda mask, months: lines[mask & month.isin(months)]["quantity"].sum() / \
        lines[month.isin(months)]["day"].nunique()
    assert per_day(flu, [12, 1, 2]) > 2 * per_day(flu, [6, 7, 8])
    allergy = lines["atc_code"].fillna("").str.match(r"^(R06A|R01AD)")
    assert per_day(allergy, [4, 5]) > 1.5 * per_day(allergy, [11, 12])
    sales = frame(demo, "SELECT at, member_id FROM sales")
    days = pd.to_datetime(sales["at"].map(local_day))
    per_weekday = days.dt.day_of_week.value_counts() / pd.Series(pd.date_range(days.min(), days.max())).dt.day_of_week \
        .value_counts()
    assert per_weekday[[4, 5, 6]].mean() > per_weekday[[0, 1, 2, 3]].mean()          # busier weekends
    assert per_weekday[5] > per_weekday[[1, 2]].mean()                               # Saturday above midweek
    last = days[sales["member_id"].notna()].groupby(sales["member_id"]).max()
    assert ((pd.Timestamp(END) - last).dt.days > 180).mean() > 0.1               # lapsed shoppers
    counts = sales["member_id"].value_counts()
    assert (counts == 1).any() and (counts >= 10).any()                         # one-timers and regulars


def test_baskets_carry_planted_co_purchases(demo):
    lines = lines_frame(demo)
    n = lines["sale_id"].nunique()

    def lift(a, b):
        left, right = set(lines[a]["sale_id"]), set(lines[b]["sale_id"])
        return len(left & right) * n / (len(left) * len(right))

    formula = lines["name"].str.contains("Formula|Milk")
    diapers = lines["name"].str.contains("Diapers|Pull-up")
    assert lift(formula, diapers) > 2
    antibiotic = lines["atc_code"].fillna("").str.startswith("J01")
    probiotic = lines["atc_code"].fillna("").str.startswith("A07FA")
    assert lift(antibiotic, probiotic) > 2
    cold = lines["name"].str.startswith("Cold & Flu")
    assert lift(cold, lines["name"].str.contains("Lozenges|Tissues")) > 1.5
    sizes = lines.groupby("sale_id").size()
    assert 1.4 < sizes.mean() < 3 and (sizes >= 3).any()


# -- determinism ------------------------------------------------------------------------------------------------

def summary(store: Store) -> tuple:
    counts = tuple(store.db.scalar(f"SELECT count(*) FROM {t}") for t in
                   ("sales", "sale_lines", "stock_moves", "batches", "members", "member_consents", "returns",
                    "care_reminders", "care_reminder_outcomes"))
    return counts + (store.db.scalar("SELECT SUM(total) FROM sales"), store.db.scalar("SELECT SUM(points) FROM members"))


def test_the_promotion_calendar_prices_the_history_as_the_till_would(demo):
    promotions = {r["name"]: r for r in demo.db.all("SELECT id, name, kind FROM promotions")}
    assert {"Member day", "Come-back coupon"} <= set(promotions) and any(n.startswith("Winter") for n in promotions)
    used = frame(demo, "SELECT p.promotion_id, p.amount, l.discount, s.at, s.member_id FROM sale_line_promotions p "
                       "JOIN sale_lines l ON l.id = p.sale_line_id JOIN sales s ON s.id = l.sale_id")
    member_day = used[used["promotion_id"] == promotions["Member day"]["id"]]
    assert len(member_day) > 0 and member_day["member_id"].notna().all()              # for members only
    assert {local_day(at).day for at in member_day["at"]} == {8}                       # on the 8th only
    winter = used[used["promotion_id"].isin([r["id"] for n, r in promotions.items() if n.startswith("Winter")])]
    assert {local_day(at).month for at in winter["at"]} <= {12, 1, 2} and len(winter) > 0
    redeemed = demo.db.all("SELECT c.redeemed_sale_id, c.member_id FROM coupons c WHERE c.redeemed_at IS NOT NULL")
    assert redeemed and all(r["member_id"] is None for r in redeemed)                  # printed codes, bound to no one
    coupon_lines = demo.db.scalar(
        "SELECT count(DISTINCT l.sale_id) FROM sale_line_promotions p JOIN sale_lines l ON l.id = p.sale_line_id "
        "WHERE p.promotion_id = ?", (promotions["Come-back coupon"]["id"],))
    assert coupon_lines == len(redeemed)                                               # one sale per used coupon


def test_a_few_months_of_service_records_and_one_adr(demo):
    records = frame(demo, "SELECT id, kind, member_id, status, due_date, reason, created_at, closed_at, account "
                          "FROM service_records")
    kinds = records["kind"].value_counts().to_dict()
    assert kinds["complaint"] >= 15 and kinds["enquiry"] >= 8 and kinds["follow_up"] >= 20 and kinds["adr"] == 1
    first = records["created_at"].min()
    assert local_day(first) >= END - timedelta(days=125)                     # the last four months
    complaints = records[records["kind"] == "complaint"]
    assert (complaints["status"] == "closed").mean() > 0.7
    assert ((complaints["status"] != "closed") & (complaints["due_date"] < END.isoformat())).any()   # one overdue
    calls = records[records["kind"] == "follow_up"]
    assert set(calls["reason"]) == {"first_chronic_purchase", "complaint"}
    care = frame(demo, "SELECT c.member_id FROM member_consents c WHERE c.kind = 'care' AND c.granted = 1 AND c.id = "
                       "(SELECT max(id) FROM member_consents c2 WHERE c2.member_id = c.member_id AND c2.kind = 'care')")
    assert set(calls["member_id"]) <= set(care["member_id"])                 # only members with care consent
    closed = records.dropna(subset=["closed_at"])
    assert (closed["closed_at"] >= closed["created_at"]).all()
    adr = frame(demo, "SELECT a.*, p.atc_code FROM adr_reports a JOIN products p ON p.id = a.product_id")
    assert adr["atc_code"].iloc[0].startswith("C09A") and adr["batch_id"].notna().all()
    steps = frame(demo, "SELECT record_id, status FROM service_notes")
    assert set(steps["record_id"]) == set(records["id"])                    # every record has its steps


def test_same_seed_same_store_other_seed_other_store(demo, tmp_path):
    again = build_demo_store(tmp_path / "again", **SMALL)
    other = build_demo_store(tmp_path / "other", **{**SMALL, "seed": 8})
    try:
        assert summary(again) == summary(demo)
        assert frame(again, "SELECT name, phone FROM members").equals(frame(demo, "SELECT name, phone FROM members"))
        assert summary(other) != summary(demo)
    finally:
        again.close()
        other.close()


def test_refuses_an_existing_store_and_nonsense_sizes(demo, tmp_path):
    with pytest.raises(Exception):
        build_demo_store(demo.directory, **SMALL)
    with pytest.raises(ValueError):
        build_demo_store(tmp_path / "x", **{**SMALL, "members": 0})


# -- care-reminder history ------------------------------------------------------------------------------------

CARE = dict(members=300, years=0.5, seed=3, end_date=END, kdf=FAST_KDF)


@pytest.fixture(scope="module")
def care_demo(tmp_path_factory):
    store = build_demo_store(tmp_path_factory.mktemp("care") / "store", **CARE)
    yield store
    store.close()


def care_tables(store: Store) -> tuple[pd.DataFrame, pd.DataFrame]:
    return (frame(store, "SELECT * FROM care_reminders ORDER BY id"),
            frame(store, "SELECT * FROM care_reminder_outcomes ORDER BY id"))


def test_care_history_has_reminders_and_outcomes_of_each_sort(care_demo):
    reminders, outcomes = care_tables(care_demo)
    assert len(reminders) >= 15 and len(outcomes) >= 10
    kinds = reminders.groupby(["kind", "channel"]).size()
    assert kinds[("refill_due", "sms")] > 0 and kinds[("refill_due", "phone")] > 0 and kinds["overdue"].sum() > 0
    assert set(reminders["kind"]) <= {"refill_due", "overdue", "med_sync"}
    assert (reminders.loc[reminders["kind"] == "overdue", "channel"] == "phone").all()
    assert {"called", "refilled"} <= set(outcomes["outcome"])
    phone = reminders[reminders["channel"] == "phone"]
    assert phone["id"].isin(outcomes["reminder_id"]).mean() > 0.6                    # most calls get an outcome
    assert not reminders["id"].isin(outcomes["reminder_id"]).all()                   # not every reminder
    supply = frame(care_demo, "SELECT id, days_supply FROM products").set_index("id")["days_supply"]
    products = reminders["kind"].isin(["refill_due", "overdue"])
    assert supply.loc[reminders.loc[products, "product_id"].astype(int)].notna().all()
    assert reminders.loc[~products, "product_id"].isna().all()
    assert not reminders["reason"].str.contains("|".join(frame(care_demo, "SELECT name FROM members")["name"]),
                                                regex=False).any()
    pharmacist = care_demo.db.scalar("SELECT id FROM users WHERE username = 'pharmacist'")
    assert (reminders["user_id"] == pharmacist).all() and (outcomes["user_id"] == pharmacist).all()
    # the history covers about the last four months, in opening hours, outcomes after their reminder
    created = reminders["created_at"].map(lambda s: datetime.fromisoformat(s).astimezone())
    assert created.map(lambda t: t.date()).min() >= date(2024, 2, 29) and created.map(lambda t: t.date()).max() < END
    stamps = pd.concat([created, outcomes["at"].map(lambda s: datetime.fromisoformat(s).astimezone())])
    assert stamps.map(lambda t: 8 <= t.hour < 21).all() and stamps.map(lambda t: t.date() < END).all()
    joined = outcomes.merge(reminders, left_on="reminder_id", right_on="id", suffixes=("", "_r"))
    assert (joined["at"] > joined["created_at"]).all()
    assert care_demo.audit.verify() == []
    assert not care_demo.db.scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'care.%'")
    build = json.loads(care_demo.db.scalar("SELECT details FROM audit_log WHERE action = 'demo.build'"))
    assert (build["care_reminders"], build["care_reminder_outcomes"]) == (len(reminders), len(outcomes))


def test_care_reminders_only_for_members_with_care_consent_at_the_time(care_demo):
    from pharmadesk.core.privacy import consent_filter

    reminders, _ = care_tables(care_demo)
    for row in reminders.itertuples():
        condition, params = consent_filter("care", datetime.fromisoformat(row.created_at))
        assert care_demo.db.scalar(f"SELECT 1 FROM members m WHERE m.id = ? AND {condition}",
                                   (row.member_id, *params)), row
    latest = frame(care_demo, "SELECT member_id, kind, granted FROM member_consents ORDER BY id").groupby(
        ["member_id", "kind"]).tail(1)
    never = set(range(1, CARE["members"] + 1)) - set(latest.loc[(latest["kind"] == "care"), "member_id"])
    assert not set(reminders["member_id"]) & never


def test_every_refilled_outcome_follows_a_real_fill_within_seven_days(care_demo):
    reminders, outcomes = care_tables(care_demo)
    fills = frame(care_demo, "SELECT s.member_id, s.at, l.product_id FROM sales s JOIN sale_lines l "
                             "ON l.sale_id = s.id JOIN products p ON p.id = l.product_id "
                             "WHERE s.member_id IS NOT NULL AND p.days_supply IS NOT NULL")
    refilled = outcomes[outcomes["outcome"] == "refilled"].merge(reminders, left_on="reminder_id", right_on="id",
                                                                 suffixes=("", "_r"))
    assert len(refilled) > 0
    for row in refilled.itertuples():
        mine = fills[(fills["member_id"] == row.member_id) & (fills["at"] > row.created_at) & (fills["at"] <= row.at)]
        if row.product_id == row.product_id:          # product kinds: that very product
            mine = mine[mine["product_id"] == row.product_id]
        days = mine["at"].map(local_day).map(lambda d: (d - local_day(row.created_at)).days)
        assert (days <= 7).any(), row
    # and a declined one is never followed by that refill within the week
    declined = outcomes.groupby("reminder_id")["outcome"].agg(set)
    assert not any({"declined", "refilled"} <= s for s in declined)


def test_reminder_conversion_on_the_demo_is_between_zero_and_one(care_demo):
    from pharmadesk.analytics import frames
    from pharmadesk.analytics.models.reminders import reminder_conversion

    table = reminder_conversion(frames.care_reminder_log(care_demo, END), frames.care_fills(care_demo, END))
    total = table.iloc[-1]
    assert total["issued"] == care_demo.db.scalar("SELECT count(*) FROM care_reminders")
    assert 0 < total["conversion"] < 1 and len(table) >= 4        # several months of history


def test_same_seed_same_care_history(care_demo, tmp_path):
    again = build_demo_store(tmp_path / "again", **CARE)
    try:
        for mine, theirs in zip(care_tables(care_demo), care_tables(again)):
            pd.testing.assert_frame_equal(mine, theirs)
    finally:
        again.close()


def test_the_english_demo_keeps_no_regulatory_profile_and_no_chinese_master(demo):
    assert demo.settings.regulatory_profile == "none" and demo.settings.language == "en"
    assert demo.db.scalar("SELECT count(*) FROM products WHERE approval_number IS NOT NULL OR split_units IS NOT NULL "
                          "OR contains_ephedrine = 1 OR storage_condition <> 'ambient'") == 0
