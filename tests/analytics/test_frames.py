"""frames.py: the loaders read exactly what was sold, only before as_of, and only for the owner."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pandas as pd
import pytest

from pharmadesk.analytics import frames
from pharmadesk.errors import PermissionDenied
from pharmadesk.core.sales import CartLine, Payment


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.utc)


@pytest.fixture
def history(store, ids, clock):
    """Day 1: Alice buys 2 paracetamol (otc) + 1 cough syrup (acute). Day 2: a walk-in and Alice buy 1 paracetamol
    each. Bob registers on day 2 and buys nothing."""
    d = date.fromisoformat(store.db.scalar("SELECT MIN(at) FROM stock_moves")[:10])
    day1, day2 = d + timedelta(days=1), d + timedelta(days=2)
    clock.moment = _at(day1, 8)
    alice = store.members.register("Alice Tester", "13800000001", birth_date="1980-02-03", sex="F")
    clock.moment = _at(day1, 10)
    s1 = store.sales.sell([CartLine(ids.otc, 2), CartLine(ids.expired_only, 1)], [Payment("cash", 4300)],
                          member_id=alice)
    clock.moment = _at(day2, 9)
    bob = store.members.register("Bob Tester", "13800000002")
    clock.moment = _at(day2, 11)
    s2 = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)])
    clock.moment = _at(day2, 12)
    # the syrup's batch expired at the end of day 1, so Alice takes paracetamol on day 2
    s3 = store.sales.sell([CartLine(ids.otc, 1)], [Payment("cash", 1250)], member_id=alice)
    clock.moment = _at(day2 + timedelta(days=1), 9)
    return {"day1": day1, "day2": day2, "alice": alice, "bob": bob, "sales": (s1, s2, s3)}


def test_member_transactions(store, history):
    s1, _s2, s3 = history["sales"]
    tx = frames.member_transactions(store, history["day2"] + timedelta(days=1))
    assert tx["sale_id"].tolist() == [s1.sale_id, s3.sale_id]          # the walk-in sale has no member
    first = tx.iloc[0]
    assert first["member_id"] == history["alice"] and first["total"] == 4300 and first["items"] == 3
    assert first["spend_otc"] == 2500 and first["spend_acute"] == 1800 and first["spend_chronic"] == 0
    assert first["source"] == "till"
    assert first["date"] == pd.Timestamp(history["day1"])
    assert str(tx["at"].dt.tz) == "UTC"
    # as_of = day 2: only day 1's sale
    assert frames.member_transactions(store, history["day2"])["sale_id"].tolist() == [s1.sale_id]


def test_member_features(store, history):
    features = frames.member_features(store, history["day2"] + timedelta(days=1)).set_index("member_id")
    alice = features.loc[history["alice"]]
    assert alice["frequency"] == 2 and alice["purchase_days"] == 2 and alice["monetary"] == 4300 + 1250
    assert alice["spend_otc"] == 2500 + 1250 and alice["spend_acute"] == 1800 and alice["items"] == 4
    assert alice["first_purchase"] == pd.Timestamp(_at(history["day1"], 10))
    assert alice["last_purchase"] == pd.Timestamp(_at(history["day2"], 12))
    bob = features.loc[history["bob"]]
    assert bob["frequency"] == 0 and pd.isna(bob["last_purchase"])
    # as of day 2 Bob is not registered yet and Alice has one sale
    earlier = frames.member_features(store, history["day2"]).set_index("member_id")
    assert history["bob"] not in earlier.index
    assert earlier.loc[history["alice"], "frequency"] == 1


def test_sale_lines_and_window(store, history, ids):
    lines = frames.sale_lines(store, history["day2"] + timedelta(days=1))
    assert len(lines) == 4
    assert set(lines["category"]) == {"otc", "acute"}
    syrup = lines[lines["product_id"] == ids.expired_only].iloc[0]
    assert syrup["quantity"] == 1 and syrup["line_total"] == 1800 and syrup["unit_cost"] == 700
    day2 = frames.sale_lines(store, history["day2"] + timedelta(days=1), start=history["day2"])
    assert len(day2) == 2 and day2["member_id"].isna().sum() == 1


def test_members_loader_reads_no_contact_data(store, history):
    roster = frames.members(store, history["day2"] + timedelta(days=1))
    assert list(roster.columns) == ["member_id", "birth_date", "sex", "registered_at", "erased"]
    alice = roster.set_index("member_id").loc[history["alice"]]
    assert alice["birth_date"] == pd.Timestamp("1980-02-03") and alice["sex"] == "F" and not alice["erased"]
    store.privacy.erase_member(history["bob"])
    roster = frames.members(store, history["day2"] + timedelta(days=1)).set_index("member_id")
    assert roster.loc[history["bob"], "erased"] and pd.isna(roster.loc[history["bob"], "birth_date"])
    # an erased member drops out of the member features but their sales stay in the accounts
    features = frames.member_features(store, history["day2"] + timedelta(days=1))
    assert history["bob"] not in set(features["member_id"])


def test_inventory_at_several_dates(store, history, ids):
    d = history["day1"] - timedelta(days=1)
    inventory = frames.inventory_at(store, [d, history["day2"], history["day2"] + timedelta(days=1)])
    by_day = inventory.groupby("as_of")["value"].sum()
    start = 10 * 500 + 5 * 480 + 20 * 1500 + 10 * 900 + 4 * 700
    assert pd.Timestamp(d) not in by_day.index                  # nothing was on hand before the first delivery
    assert by_day[pd.Timestamp(history["day2"])] == start - 2 * 480 - 700      # FEFO: P-SOON at 4.80 first
    assert by_day[pd.Timestamp(history["day2"] + timedelta(days=1))] == start - 4 * 480 - 700
    assert len(inventory.attrs["moments"]) == 3


def test_loaders_need_the_owner(open_store):
    cashier = open_store("cashier")
    for loader in (frames.member_transactions, frames.member_features, frames.sale_lines, frames.members):
        with pytest.raises(PermissionDenied):
            loader(cashier, date(2026, 1, 1))


def test_reorder_stock_history_is_end_of_day_sellable_stock(store, history, ids):
    day1, day2 = history["day1"], history["day2"]
    as_of = day2 + timedelta(days=2)
    stock = frames.reorder_stock_history(store, as_of, 3)
    assert list(stock.index) == [pd.Timestamp(day1), pd.Timestamp(day2), pd.Timestamp(day2 + timedelta(days=1))]
    assert stock.index.name == "date" and set(stock.columns) == {ids.otc, ids.rx, ids.controlled, ids.expired_only}
    assert stock[ids.otc].tolist() == [15 - 2, 15 - 4, 15 - 4]
    assert stock[ids.rx].tolist() == [20, 20, 20] and stock[ids.controlled].tolist() == [10, 10, 10]
    # the syrup's batch still holds 3 units in the ledger but expired on day 1: nothing sellable after it
    assert store.db.scalar("SELECT SUM(quantity) FROM stock_moves WHERE product_id = ?", (ids.expired_only,)) == 3
    assert stock[ids.expired_only].tolist() == [0, 0, 0]
    # the last day is the sellable on-hand of reorder_batches at as_of
    batches = frames.reorder_batches(store, as_of)
    on_hand = batches[batches["sellable"]].groupby("product_id")["on_hand"].sum()
    assert stock.iloc[-1].to_dict() == on_hand.reindex(stock.columns).fillna(0).astype(int).to_dict()
    # as of day 2 (sales of that day and later moves are not counted yet)
    earlier = frames.reorder_stock_history(store, day2, 1)
    assert earlier[ids.otc].tolist() == [13] and earlier[ids.expired_only].tolist() == [0]
    # before anything was received: all zero, one row per day
    empty = frames.reorder_stock_history(store, day1 - timedelta(days=30), 5)
    assert empty.shape == (5, 4) and (empty == 0).all().all()


def test_reorder_stock_history_needs_the_owner(open_store):
    with pytest.raises(PermissionDenied):
        frames.reorder_stock_history(open_store("cashier"), date(2026, 1, 1))


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/Berlin", "America/St_Johns"])
def test_the_local_day_number_in_sql_is_the_local_calendar_day(store, monkeypatch, zone):
    """reorder_daily_demand sums moves by this number: it must be the store's local date around midnight and
    across daylight-saving changes (Berlin, St John's: a half-hour offset), whichever SQL form is chosen."""
    import time as _time

    monkeypatch.setenv("TZ", zone)
    _time.tzset()
    try:
        moments = [datetime(2026, month, day, hour, minute, tzinfo=timezone.utc)
                   for month, day in ((1, 15), (3, 29), (10, 25), (12, 31))
                   for hour, minute in ((0, 0), (2, 29), (15, 59), (16, 0), (22, 30), (23, 59))]
        for start, end in ((date(2026, 1, 1), date(2026, 1, 20)), (date(2025, 12, 1), date(2027, 1, 2))):
            sql = frames._local_day_number_sql("?", start, end)        # a window without a change: fixed offset
            for moment in (m for m in moments if start < m.date() < end):
                got = store.db.scalar(f"SELECT {sql}", (moment.isoformat(timespec="microseconds"),))
                assert got == moment.astimezone().date().toordinal(), (zone, moment)
    finally:
        monkeypatch.undo()
        _time.tzset()
