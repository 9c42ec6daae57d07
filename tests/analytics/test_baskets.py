"""Basket rules: a tiny basket set against a hand count, never Rx, the till's lookup, hit rate; demo store."""

from __future__ import annotations

import time
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from pharmadesk.analytics.models import baskets as B
from pharmadesk.analytics import frames

# Products 1-4 are OTC, 5 is Rx-only, 6 controlled, 7 an OTC product no longer sold (inactive).
PRODUCTS = pd.DataFrame({
    "product_id": [1, 2, 3, 4, 5, 6, 7],
    "name": ["Tissues", "Lozenges", "Vitamin C", "Plasters", "Amoxicillin", "Tramadol", "Old syrup"],
    "legal_class": ["otc", "otc", "otc", "otc", "rx", "controlled", "otc"],
    "active": [1, 1, 1, 1, 1, 1, 0],
})
# sale -> products. Sale 6 has one product (not a basket); sale 8 repeats product 2 on two lines.
TINY = {1: [1, 2], 2: [1, 2, 3], 3: [1, 3], 4: [2, 3], 5: [1, 2], 6: [4], 7: [1, 5], 8: [2, 2, 6],
        9: [3, 7]}


def _lines(baskets: dict[int, list[int]], day: date = date(2026, 1, 1)) -> pd.DataFrame:
    rows = [(sale, pd.Timestamp(day), p) for sale, items in baskets.items() for p in items]
    return pd.DataFrame(rows, columns=["sale_id", "date", "product_id"])


def test_rules_on_a_tiny_basket_set_match_a_hand_count():
    # Baskets (>= 2 distinct products): 1,2,3,4,5,7,8,9 -> n = 8.
    # Product counts: 1 in {1,2,3,5,7} = 5; 2 in {1,2,4,5,8} = 5; 3 in {2,3,4,9} = 4; 5: 1; 6: 1; 7: 1.
    # Pairs: {1,2} = 3 ({1,2,5}); {1,3} = 2; {2,3} = 2; {1,5} = 1; {2,6} = 1; {3,7} = 1.
    rules = B.mine_rules(_lines(TINY), PRODUCTS, min_support=0, min_count=1, min_confidence=0, min_lift=0)
    assert B.basket_count(_lines(TINY)) == 8
    got = {(r.antecedent, r.consequent): (r.baskets, r.support, r.confidence, r.lift) for r in rules.itertuples()}
    n = 8
    expected = {}
    count = {1: 5, 2: 5, 3: 4, 5: 1, 6: 1, 7: 1}
    pair = {(1, 2): 3, (1, 3): 2, (2, 3): 2, (1, 5): 1, (2, 6): 1, (3, 7): 1}
    for (a, b), both in pair.items():
        for x, y in ((a, b), (b, a)):
            if y in (5, 6, 7):          # Rx-only, controlled, inactive: never a consequent
                continue
            expected[(x, y)] = (both, both / n, both / count[x], (both / count[x]) / (count[y] / n))
    assert set(got) == set(expected)
    for key, values in expected.items():
        assert got[key][0] == values[0]
        assert got[key][1:] == pytest.approx(values[1:], rel=1e-12)
    # e.g. Amoxicillin -> Tissues: confidence 1/1, lift 1 / (5/8) = 1.6
    assert got[(5, 1)][2:] == pytest.approx((1.0, 1.6))


def test_thresholds_filter_rules():
    lines = _lines(TINY)
    default = B.mine_rules(lines, PRODUCTS, min_support=0, min_count=1)        # lift > 1 only
    # lifts: 1<->2 0.96, 1<->3 and 2<->3 0.8; 5->1 1.6, 6->2 1.6, 7->3 2.0 (Rx/inactive may be antecedents)
    assert sorted(zip(default["antecedent"], default["consequent"])) == [(5, 1), (6, 2), (7, 3)]
    strong = B.mine_rules(lines, PRODUCTS, min_support=0, min_count=3, min_lift=0)   # pairs in >= 3 baskets
    assert sorted(zip(strong["antecedent"], strong["consequent"])) == [(1, 2), (2, 1)]
    assert B.mine_rules(lines, PRODUCTS, min_support=0.5).empty


def test_never_suggests_rx_controlled_or_inactive():
    lines = _lines({i: [5, 6, 7, 1] for i in range(1, 30)} | {100: [2, 3]})
    rules = B.mine_rules(lines, PRODUCTS, min_support=0, min_count=1, min_confidence=0, min_lift=0)
    assert not set(rules["consequent"]) & {5, 6, 7}
    index = B.build_index(rules, lines, PRODUCTS)
    assert not set(index.popular) & {5, 6, 7}
    for cart in ([5], [6], [7], [5, 6], [1], [2], []):
        assert not set(B.recommend(cart, index, k=3)) & {5, 6, 7}


def test_recommend_ranks_by_confidence_and_fills_from_popular():
    lines = _lines(TINY)
    rules = B.mine_rules(lines, PRODUCTS, min_support=0, min_count=1, min_confidence=0, min_lift=0)
    index = B.build_index(rules, lines, PRODUCTS)
    # popularity over all sales: 1 and 2 in 5 sales, 3 in 4, 4 in 1 (inactive 7 and Rx never)
    assert index.popular == (1, 2, 3, 4)
    assert B.recommend([1], index) == [2, 3, 4]          # 1->2 (0.6), 1->3 (0.4), then popular 4
    assert B.recommend([1], index, fallback=False) == [2, 3]
    assert B.recommend([3], index) == [1, 2, 4]          # 3->1 and 3->2: both 0.5, lift 0.8: lower id first
    assert B.recommend([1, 2], index) == [3, 4]          # 3 via 2->3 (0.4) / 1->3 (0.4); nothing else left
    assert B.recommend([5], index, k=1) == [1]
    assert B.recommend([], index) == [1, 2, 3]
    assert B.most_popular([1], index) == [2, 3, 4]


def test_hit_rate_rules_beat_most_popular_on_planted_pairs():
    rng = np.random.default_rng(0)
    as_of = date(2026, 4, 1)
    rows = []
    sale = 0
    for day in range(200):
        when = pd.Timestamp(as_of - timedelta(days=200 - day))
        for _ in range(5):                        # popular singles 10 and 11
            sale += 1
            rows += [(sale, when, 10 + int(rng.integers(2)))]
        rows += [(sale + 1, when, 20), (sale + 1, when, 21)]      # the planted pair 20 + 21 ...
        rows += [(sale + 2, when, 10), (sale + 2, when, 11)]      # ... and the popular pair
        sale += 2
    lines = pd.DataFrame(rows, columns=["sale_id", "date", "product_id"])
    products = pd.DataFrame({"product_id": [10, 11, 20, 21], "name": list("abcd"), "legal_class": ["otc"] * 4,
                             "active": [1] * 4})
    result = B.evaluate_hit_rate(lines, products, as_of, test_days=90, k=1, min_support=0, min_count=5)
    by = result.set_index("method")
    assert by.loc["rules", "test_baskets"] == 180
    assert by.loc["rules", "hit_rate"] == 1.0                  # hide 20 -> 21 is recommended, and so on
    assert by.loc["most popular", "hit_rate"] == 0.5           # right for {10, 11}, never for {20, 21}
    assert by.loc["rules", "ci_low"] <= by.loc["rules", "hit_rate"] <= by.loc["rules", "ci_high"]
    # time split: nothing from the test period is used for training
    assert by.loc["rules", "train_baskets"] == 220


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from pharmadesk.demo.build import build_demo_store

    directory = tmp_path_factory.mktemp("basketdemo") / "store"
    store = build_demo_store(directory, members=1000, years=1, seed=5, end_date=date(2026, 6, 1),
                             kdf={"time_cost": 1, "memory_cost": 8192, "parallelism": 1})
    yield store
    store.close()


def test_demo_store_rules_index_and_hit_rate(demo):
    as_of = date(2026, 6, 1)
    lines = frames.basket_lines(demo, as_of)
    products = frames.products(demo, as_of)
    assert lines["date"].max() < pd.Timestamp(as_of)
    assert not lines.duplicated(["sale_id", "product_id"]).any()
    early = frames.basket_lines(demo, date(2026, 3, 1))
    assert early["date"].max() < pd.Timestamp("2026-03-01") and len(early) < len(lines)
    rules = B.mine_rules(lines, products)
    assert len(rules) > 20
    rx = set(products.loc[products["legal_class"] != "otc", "product_id"])
    assert not set(rules["consequent"]) & rx
    assert (rules["lift"] > 1).all() and rules["confidence"].between(0, 1).all()
    index = B.build_index(rules, lines, products)
    carts = lines.groupby("sale_id")["product_id"].apply(list).sample(500, random_state=1).tolist()
    timings = []
    for cart in carts:
        start = time.perf_counter()
        picked = B.recommend(cart, index)
        timings.append(time.perf_counter() - start)
        assert len(picked) == 3 and not set(picked) & rx and not set(picked) & set(cart)
    assert np.percentile(timings, 99) < 0.010
    result = B.evaluate_hit_rate(lines, products, as_of).set_index("method")
    assert result.loc["rules", "test_baskets"] > 200
    assert result.loc["rules + popular", "hit_rate"] > result.loc["most popular", "hit_rate"]


# -- the till's lift-weighted co-occurrence score (issue 18) ---------------------------------------------------

def test_cooccurrence_scores_match_a_hand_count():
    index = B.cooccurrence_index(_lines(TINY), PRODUCTS, beta=0.5, min_count=1)
    # 9 sales; product 1 in 5 of them, 2 in 5, 3 in 4; 1 and 2 together in 3 (lift 1.08), 1 and 3 in 2 (lift 0.9)
    scores = {c: (score, confidence) for c, score, confidence in index.by_product[1]}
    assert list(scores) == [2]                               # 3: bought with 1 less often than by chance
    assert scores[2] == pytest.approx((3 / 5 / (5 / 9) ** 0.5, 3 / 5))
    (suggested, score, confidence), = index.by_product[5]    # Rx in the cart may lead to an OTC suggestion
    assert suggested == 1 and (score, confidence) == pytest.approx((1 / (5 / 9) ** 0.5, 1.0))
    assert all(c not in {5, 6, 7} for entries in index.by_product.values() for c, _s, _c in entries)
    assert index.combine == "sum" and index.popular == (1, 2, 3, 4)
    assert B.recommend([1], index) == [2, 3, 4]                             # 2, then the popular fallback


def test_the_carts_scores_add_up_for_the_cooccurrence_index_and_take_the_best_for_rules():
    entries = {1: ((3, 0.4, 0.4), (4, 0.5, 0.5)), 2: ((3, 0.4, 0.4),)}
    assert B.recommend([1, 2], B.RulesIndex(entries, (), combine="sum"), fallback=False) == [3, 4]   # 0.8 > 0.5
    assert B.recommend([1, 2], B.RulesIndex(entries, ()), fallback=False) == [4, 3]                   # max


def test_lift_weighting_prefers_the_true_companion_over_the_popular_item():
    # 1,000 sales: 10 is in 80 % of them; 30 is in sales 0-99, where 10 is in 84 % (lift 1.05) and 21 in 50 %
    # (21 is in 10 % of all sales: lift 5); 40 appears once with 30 (below min_count).
    rows = [(s, 10) for s in range(16, 816)] + [(s, 30) for s in range(100)]
    rows += [(s, 21) for s in (*range(50), *range(900, 950))] + [(s, 20) for s in range(900, 950)] + [(0, 40)]
    rows += [(s, 50) for s in range(1000)]                           # every sale holds something else too
    lines = pd.DataFrame([(s + 1, pd.Timestamp("2026-01-01"), p) for s, p in rows],
                         columns=["sale_id", "date", "product_id"])
    products = pd.DataFrame({"product_id": [10, 20, 21, 30, 40, 50], "name": list("abcdef"),
                             "legal_class": ["otc"] * 6, "active": [1] * 6})
    plain = B.cooccurrence_index(lines, products, beta=0.0)          # confidence alone
    weighted = B.cooccurrence_index(lines, products, beta=0.5)
    assert B.recommend([30], plain, k=1, fallback=False) == [10]     # 0.84 > 0.5: the popular item
    assert B.recommend([30], weighted, k=1, fallback=False) == [21]  # 0.5 / sqrt(0.1) > 0.84 / sqrt(0.8)
    assert 40 not in [c for c, _score, _conf in weighted.by_product[30]]
    assert B.recommend([20], weighted, k=1, fallback=False) == [21]


def test_groceries_held_out_hit_rate_beats_most_popular():
    """The real basket data kept in tests/data/groceries (Hahsler et al. 2006, arules, GPL-3): last 20 % held out."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from bench_baskets_groceries import groceries

    lines, products = groceries()
    n = int(lines["sale_id"].max())
    held = lines["sale_id"] > n * 4 // 5
    table = B.held_out_hit_rate(lines[~held], lines[held], products, k=3).set_index("method")
    assert table.loc["most popular", "test_baskets"] == 1543
    assert table.loc["most popular", "hit_rate"] == pytest.approx(0.176, abs=0.001)         # the figures
    assert table.loc["rules + popular", "hit_rate"] == pytest.approx(0.195, abs=0.001)
    assert table.loc["lift-weighted co-occurrence", "hit_rate"] == pytest.approx(0.205, abs=0.001)
    assert table.loc["lift-weighted co-occurrence", "hit_rate"] > table.loc["rules + popular", "hit_rate"]
