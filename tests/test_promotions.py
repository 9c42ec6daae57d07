"""store.promotions: promotions from a plain spec, their conflicts, status and the till's cached view; member tiers;
listed audiences; coupons from issue to redemption, restore and export; permissions and the audit log."""

from __future__ import annotations

import csv
import json
from datetime import date, time, timedelta

import pytest

from pharmadesk import env
from pharmadesk.cli.main import main as cli_main
from pharmadesk.core.pricing import Promotion, Shopper
from pharmadesk.core.promotions import CODE_ALPHABET, CODE_LENGTH, CouponReport
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.sales import CartLine, Payment
from pharmadesk.core.store import Store
from pharmadesk.errors import NotFound, NotLoggedIn, PermissionDenied, ValidationError
from pharmadesk.io.safe_cells import neutralise

from conftest import PASSPHRASE, PASSWORDS, table_snapshot


def day(store, offset: int = 0) -> str:
    return (store.today() + timedelta(days=offset)).isoformat()


def member(store, n: int, marketing: bool = True, name: str | None = None) -> int:
    return store.members.register(name or f"Member {n}", f"1390000{n:04d}", marketing_consent=marketing)


def spec(**fields) -> dict:
    base = {"name": "Cold season", "kind": "percent_off", "percent": 10}
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


def coupon_promotion(store, **fields) -> int:
    return store.promotions.create(spec(**{"name": "Welcome coupon", "kind": "coupon", "percent": None,
                                           "amount": 500, "threshold": 3000, **fields}))


# -- creating each kind ------------------------------------------------------------------------------------------

def test_each_kind_is_created_from_a_plain_dict_and_read_back_as_the_engine_sees_it(store, ids):
    made = {
        "member_price": spec(name="Member price", kind="member_price", percent=None,
                             prices={str(ids.otc): 1100}, audience={"kind": "tier", "tier": "gold"}),
        "percent_off": spec(name="Member day", scope={"categories": ["otc"]},
                            calendar={"starts_on": day(store), "month_days": [8, 18, 28]}, label="会员日9折"),
        "amount_off": spec(name="Two off", kind="amount_off", percent=None, amount=200,
                           scope={"products": ["4006381333931"]}, stacking="stackable"),
        "nth_item": spec(name="Second half price", kind="nth_item", nth=2, percent=50, label="第二件半价",
                         scope={"products": [ids.expired_only]}),
        "buy_x_get_y": spec(name="Buy 2 get 1", kind="buy_x_get_y", percent=None, buy=2, get=1,
                            get_product_id=ids.otc, scope={"products": [ids.otc]}),
        "spend_save": spec(name="满100减10", kind="spend_save", percent=None, threshold=10000, amount=1000,
                           repeat=True, calendar={"starts_on": day(store, 3), "ends_on": day(store, 30),
                                                  "weekdays": [5, 6], "from_time": "09:00", "until_time": "12:30"}),
        "coupon": spec(name="Welcome", kind="coupon", percent=None, amount=500, threshold=3000),
        "points_multiplier": spec(name="Double points", kind="points_multiplier", percent=None, multiplier=200,
                                  audience="members"),
    }
    for kind, given in made.items():
        record = store.promotions.get(store.promotions.create(given))
        p = record.promotion
        assert (p.kind, record.status, p.name) == (kind, "active", given["name"])
    by_kind = {r.promotion.kind: r.promotion for r in store.promotions.list()}
    assert by_kind["member_price"].prices == ((ids.otc, 1100),)
    assert by_kind["member_price"].scope.product_ids == {ids.otc}        # a member price's scope is its products
    assert by_kind["member_price"].audience.tier == "gold"
    assert by_kind["percent_off"].calendar.month_days == {8, 18, 28}
    assert by_kind["percent_off"].label == "会员日9折" and by_kind["percent_off"].scope.categories == {"otc"}
    assert by_kind["amount_off"].scope.product_ids == {ids.otc}           # a barcode names the product
    assert (by_kind["nth_item"].nth, by_kind["nth_item"].percent) == (2, 50)
    assert (by_kind["buy_x_get_y"].buy, by_kind["buy_x_get_y"].get, by_kind["buy_x_get_y"].get_product_id) == (
        2, 1, ids.otc)
    calendar = by_kind["spend_save"].calendar
    assert (calendar.weekdays, calendar.from_time, calendar.until_time) == ({5, 6}, time(9), time(12, 30))
    assert by_kind["spend_save"].repeat and by_kind["spend_save"].label == "满100减10"
    assert (by_kind["coupon"].amount, by_kind["coupon"].threshold) == (500, 3000)
    assert by_kind["points_multiplier"].multiplier == 200
    assert by_kind["points_multiplier"].audience.kind == "members"


def test_keyword_fields_and_tier_prices(store, ids):
    promotion_id = store.promotions.create(name="Tier prices", kind="member_price",
                                           tier_prices={"silver": 95, "gold": 90}, scope={"categories": ["otc"]})
    p = store.promotions.get(promotion_id).promotion
    assert p.tier_prices == (("gold", 90), ("silver", 95)) and p.audience.kind == "members"
    assert not p.scope.include_rx and p.stacking == "exclusive" and p.earns_points


@pytest.mark.parametrize("given, message", [
    ({"kind": "percent_off", "percent": 10}, "name: this cannot be empty."),
    ({"name": "X", "kind": "discount"}, "kind: choose one of"),
    ({"name": "X", "kind": "percent_off", "percent": 0}, "percent: enter a whole number from 1 to 100."),
    ({"name": "X", "kind": "percent_off", "percent": 101}, "percent: enter a whole number from 1 to 100."),
    ({"name": "X", "kind": "percent_off", "percent": 12.5}, "percent: enter a whole number"),
    ({"name": "X", "kind": "amount_off", "amount": 0}, "amount: enter a whole number from 1"),
    ({"name": "X", "kind": "nth_item", "nth": 1, "percent": 50}, "nth: enter a whole number from 2 to 100."),
    ({"name": "X", "kind": "buy_x_get_y", "buy": 0, "get": 1}, "buy: enter a whole number from 1"),
    ({"name": "X", "kind": "buy_x_get_y", "buy": 2, "get": 0}, "get: enter a whole number from 1"),
    ({"name": "X", "kind": "spend_save", "threshold": 0, "amount": 10}, "threshold: enter a whole number from 1"),
    ({"name": "X", "kind": "spend_save", "threshold": 1000, "amount": 1000},
     "The discount (1000) must be smaller than the spend it needs (1000)."),
    ({"name": "X", "kind": "coupon", "amount": 500, "threshold": 400}, "must be smaller than the spend"),
    ({"name": "X", "kind": "points_multiplier", "multiplier": 100}, "A multiplier of 100 % changes nothing."),
    ({"name": "X", "kind": "points_multiplier", "multiplier": 200, "earns_points": False},
     "A points multiplier needs its lines to earn points"),
    ({"name": "X", "kind": "percent_off", "percent": 10, "amount": 100}, "A percent_off promotion has no amount."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "colour": "red"}, "promotion: unknown field “colour”."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "stacking": "always"}, "stacking: choose one of"),
    ({"name": "X", "kind": "percent_off", "percent": 10, "earns_points": "yes"}, "earns_points: answer true or false."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "calendar": {"starts_on": "tomorrow"}},
     "starts_on: enter a date as YYYY-MM-DD."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "calendar": {"weekdays": [7]}},
     "weekdays: enter a whole number from 0 to 6."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "calendar": {"month_days": [0]}},
     "month_days: enter a whole number from 1 to 31."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "calendar": {"from_time": "25:00", "until_time": "26:00"}},
     "from_time: enter a time as HH:MM."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "calendar": {"from_time": "10:00"}},
     "Give both a start and an end time, or neither."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "calendar": {"from_time": "12:00", "until_time": "09:00"}},
     "The start time must come before the end time."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "scope": {"categories": ["toys"]}},
     "categories: there is no category toys."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "scope": {"products": [999999]}},
     "products: there is no product 999999."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "scope": {"products": ["NOSUCHCODE"]}},
     "products: there is no product NOSUCHCODE."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "audience": {"kind": "tier", "tier": "platinum"}},
     "tier: choose one of standard, silver, gold."),
    ({"name": "X", "kind": "percent_off", "percent": 10, "audience": {"kind": "listed"}},
     "A listed audience needs either member_ids (a segment) or a campaign_id."),
    ({"name": "X", "kind": "member_price", "percent": 10, "audience": "everyone"}, "A member price is for members"),
    ({"name": "X", "kind": "member_price"}, "A member price needs exactly one of prices, tier_prices or percent."),
    ({"name": "X", "kind": "member_price", "tier_prices": {"bronze": 90}}, "tier: choose one of"),
    ({"name": "X", "kind": "member_price", "tier_prices": {"silver": 90}, "audience": {"kind": "tier", "tier": "gold"}},
     "The tier prices leave out the gold members this promotion is for."),
])
def test_a_bad_spec_is_refused_with_a_plain_message_and_nothing_is_written(store, given, message):
    before = table_snapshot(store)
    with pytest.raises(ValidationError) as info:
        store.promotions.create(given)
    assert message in info.value.message
    assert table_snapshot(store) == before


def test_dates_must_make_sense(store):
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        store.promotions.create(spec(calendar={"starts_on": day(store, 5), "ends_on": day(store, 4)}))
    with pytest.raises(ValidationError, match="would end before today"):
        store.promotions.create(spec(calendar={"starts_on": day(store, -9), "ends_on": day(store, -1)}))
    first = date.fromisoformat(day(store, 1))
    days = [first + timedelta(days=i) for i in range(3)]
    missing = next(n for n in range(1, 32) if n not in {d.day for d in days})
    with pytest.raises(ValidationError, match="no day on which the promotion runs"):
        store.promotions.create(spec(calendar={"starts_on": days[0].isoformat(), "ends_on": days[-1].isoformat(),
                                               "month_days": [missing]}))


def test_contradictory_specs_are_refused(store, ids):
    with pytest.raises(ValidationError, match=f"The gift, product #{ids.otc}, is excluded"):
        store.promotions.create(spec(kind="buy_x_get_y", percent=None, buy=2, get=1, get_product_id=ids.otc,
                                     scope={"categories": ["otc", "acute"], "exclude_products": [ids.otc]}))
    with pytest.raises(ValidationError, match="is both included and excluded"):
        store.promotions.create(spec(scope={"products": [ids.otc], "exclude_products": [ids.otc]}))
    with pytest.raises(ValidationError, match=f"Product #{ids.rx} is prescription-only or controlled"):
        store.promotions.create(spec(scope={"products": [ids.rx]}))
    with pytest.raises(ValidationError, match="This scope leaves no product to discount."):
        store.promotions.create(spec(scope={"categories": ["chronic"]}))     # only Rx products there
    with pytest.raises(ValidationError, match="must be below its price \\(1250\\)"):
        store.promotions.create(spec(kind="member_price", percent=None, prices={ids.otc: 1250}))
    with pytest.raises(ValidationError, match="is not among the promotion's products"):
        store.promotions.create(spec(kind="member_price", percent=None, prices={ids.otc: 1000},
                                     scope={"categories": ["acute"]}))
    # Rx items are discounted only when the promotion says so.
    rx_day = store.promotions.create(spec(name="Chronic care day", scope={"categories": ["chronic"], "include_rx": True}))
    assert store.promotions.get(rx_day).promotion.scope.include_rx


# -- conflicts -----------------------------------------------------------------------------------------------------

def test_an_exclusive_overlap_is_refused_naming_the_other_promotion(store, ids):
    first = store.promotions.create(spec(name="Member day", scope={"categories": ["otc"]}))
    before = table_snapshot(store)
    with pytest.raises(ValidationError) as info:
        store.promotions.create(spec(name="Autumn sale", percent=15, stacking="stackable"))
    assert info.value.message == f"Overlaps with promotion “Member day” (#{first}): same products on the same days."
    assert info.value.params == {"name": "Member day", "id": first}
    assert table_snapshot(store) == before


@pytest.mark.parametrize("second", [
    {"scope": {"categories": ["acute"]}},                                            # other products
    {"calendar": {"weekdays": [0, 1, 2]}, "first_calendar": {"weekdays": [5, 6]}},   # other days
    {"calendar": {"from_time": "14:00", "until_time": "18:00"},
     "first_calendar": {"from_time": "08:00", "until_time": "12:00"}},               # other hours
    {"audience": {"kind": "tier", "tier": "gold"}, "first_audience": {"kind": "tier", "tier": "silver"}},
    {"kind": "amount_off", "percent": None, "amount": 100},                          # another kind
    {"stacking": "stackable", "first_stacking": "stackable"},                        # both may combine
])
def test_promotions_that_do_not_overlap_or_may_combine_are_accepted(store, second):
    first = {"name": "First", "calendar": second.pop("first_calendar", None),
             "audience": second.pop("first_audience", None), "stacking": second.pop("first_stacking", None)}
    store.promotions.create(spec(**first, scope={"categories": ["otc"]}))
    store.promotions.create(spec(name="Second", **{"scope": {"categories": ["otc"]}, **second}))
    assert len(store.promotions.list()) == 2


def test_an_ended_promotion_blocks_nothing_but_a_paused_one_does(store):
    first = store.promotions.create(spec(name="Member day"))
    store.promotions.pause(first)
    with pytest.raises(ValidationError, match="Member day"):
        store.promotions.create(spec(name="Again"))
    store.promotions.end(first)
    assert store.promotions.create(spec(name="Again"))


def test_days_already_past_do_not_conflict(store, clock):
    store.promotions.create(spec(name="Last week", calendar={"starts_on": day(store), "ends_on": day(store, 6)}))
    clock.advance(days=7)
    assert store.promotions.create(spec(name="This month", calendar={"starts_on": day(store, -7)}))


def test_two_member_prices_for_the_same_product_tier_and_time_must_agree(store, ids):
    first = store.promotions.create(spec(name="Gold price", kind="member_price", percent=None,
                                         prices={ids.otc: 1100}, stacking="stackable"))
    with pytest.raises(ValidationError) as info:
        store.promotions.create(spec(name="Silver price", kind="member_price", percent=None, prices={ids.otc: 1000},
                                     stacking="best", audience={"kind": "tier", "tier": "silver"}))
    assert info.value.params == {"product": ids.otc, "name": "Gold price", "id": first}
    assert "another member price" in info.value.message
    with pytest.raises(ValidationError, match="Gold price"):          # 90 % of 1250 is 1125, not 1100
        store.promotions.create(spec(name="Ten percent", kind="member_price", percent=None,
                                     tier_prices={"gold": 90}, stacking="stackable"))
    # The same price again, or another tier's percent over other products, does not conflict.
    store.promotions.create(spec(name="Same price", kind="member_price", percent=None, prices={ids.otc: 1100},
                                 stacking="stackable"))
    store.promotions.create(spec(name="Acute", kind="member_price", percent=None, tier_prices={"gold": 90},
                                 stacking="stackable", scope={"categories": ["acute"]}))


def test_listed_audiences_overlap_only_when_they_share_members(store):
    a, b, c = (member(store, n) for n in (1, 2, 3))
    store.promotions.create(spec(name="List one", audience={"kind": "listed", "member_ids": [a, b]}))
    store.promotions.create(spec(name="List two", audience={"kind": "listed", "member_ids": [c]}))
    with pytest.raises(ValidationError, match="List one"):
        store.promotions.create(spec(name="List three", audience={"kind": "listed", "member_ids": [b, c]}))


# -- status and the till's view --------------------------------------------------------------------------------------

def test_pause_resume_end_are_audited_and_ended_is_final(store):
    promotion_id = store.promotions.create(spec())
    assert store.promotions.pause(promotion_id).status == "paused"
    with pytest.raises(ValidationError, match="Only an active promotion can be paused."):
        store.promotions.pause(promotion_id)
    assert store.promotions.resume(promotion_id).status == "active"
    with pytest.raises(ValidationError, match="Only a paused promotion can be resumed."):
        store.promotions.resume(promotion_id)
    ended = store.promotions.end(promotion_id)
    assert ended.status == "ended" and ended.ended_at
    for change in (store.promotions.pause, store.promotions.resume, store.promotions.end):
        with pytest.raises(ValidationError):
            change(promotion_id)
    actions = [e["action"] for e in store.audit.entries(action=None) if e["entity"] == "promotion"]
    assert actions[::-1] == ["promotion.create", "promotion.pause", "promotion.resume", "promotion.end"]
    assert [r.id for r in store.promotions.list("ended")] == [promotion_id]
    assert store.promotions.list("active") == []
    with pytest.raises(NotFound):
        store.promotions.get(promotion_id + 100)


def test_active_lists_running_promotions_by_date_without_coupons(store, clock):
    now = store.now()
    running = store.promotions.create(spec(name="Now", scope={"categories": ["otc"]}))
    later = store.promotions.create(spec(name="Later", scope={"categories": ["acute"]},
                                         calendar={"starts_on": day(store, 10), "ends_on": day(store, 20)}))
    coupon_promotion(store)
    assert [p.id for p in store.promotions.active(now)] == [running]
    assert all(isinstance(p, Promotion) for p in store.promotions.active(now))
    assert [p.id for p in store.promotions.active(now + timedelta(days=12))] == [running, later]
    store.promotions.pause(running)
    assert store.promotions.active(now) == []
    clock.advance(days=21)
    store.promotions.resume(running)
    assert [p.id for p in store.promotions.active()] == [running]


def test_active_is_read_once_per_change(store, open_store):
    store.promotions.create(spec(name="Member day", scope={"categories": ["otc"]}))
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        first = store.promotions.active()
        reads = len(statements)
        statements.clear()
        for _ in range(50):
            assert store.promotions.active() == first
        checks = [s for s in statements if not s.lstrip().startswith("SELECT id, username")]  # the session check
        assert all(s.strip().upper().startswith("PRAGMA DATA_VERSION") for s in checks)
        assert len(checks) == 50 and reads > 1
        statements.clear()
        second = store.promotions.create(spec(name="Acute day", scope={"categories": ["acute"]}, percent=5,
                                              stacking="stackable"))
        assert [p.id for p in store.promotions.active()][-1] == second      # our own change shows at once
    finally:
        store.db.conn.set_trace_callback(None)
    other = open_store("owner")                                              # another connection's change too
    other.promotions.end(second)
    assert [p.id for p in store.promotions.active()] == [p.id for p in first]


# -- member tiers -------------------------------------------------------------------------------------------------

def test_tier_of_follows_the_spend_of_the_last_365_days_net_of_returns(store, ids, clock):
    store.set_setting("tier_silver_spend", 2500)
    store.set_setting("tier_gold_spend", 5000)
    m = member(store, 7)
    assert store.promotions.tier_of(m) == "standard"
    assert store.promotions.shopper(None) == Shopper()
    sale = store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)], member_id=m)
    assert store.promotions.tier_of(m) == "silver"
    store.sales.sell([CartLine(ids.otc, 2)], [Payment("cash", 2500)], member_id=m)
    assert store.promotions.shopper(m) == Shopper(member_id=m, tier="gold")
    store.returns.return_items(sale.receipt_no, [ReturnItem(sale.lines[0].sale_line_id, 1)], "changed mind")
    assert store.promotions.tier_of(m) == "silver"                   # 5000 paid, 1250 refunded
    clock.advance(days=366)
    assert store.promotions.tier_of(m) == "standard"
    assert store.settings.tier_silver_spend == 2500


def test_tier_settings_have_cny_defaults():
    from pharmadesk.core.settings import StoreSettings

    assert (StoreSettings().tier_silver_spend, StoreSettings().tier_gold_spend) == (100_000, 300_000)


# -- listed audiences ------------------------------------------------------------------------------------------

def test_a_listed_audience_keeps_only_marketing_consented_members(store):
    yes, no = member(store, 1), member(store, 2, marketing=False)
    promotion_id = store.promotions.create(spec(audience={"kind": "listed", "member_ids": [yes, no]}))
    assert store.promotions.get(promotion_id).promotion.audience.member_ids == {yes}
    entry = store.audit.entries(action="promotion.create")[0]
    assert json.loads(entry["details"])["left_out_no_consent"] == 1
    with pytest.raises(ValidationError, match="None of these members has agreed to marketing messages."):
        store.promotions.create(spec(name="Nobody", audience={"kind": "listed", "member_ids": [no]}))


def test_a_campaign_audience_is_its_target_arm_never_its_holdout(store):
    members = [member(store, n) for n in range(1, 11)]
    campaign = store.campaigns.create("Winter", members, starts_on=day(store), ends_on=day(store, 30),
                                      holdout=0.5, seed=3)
    arms = dict(store.campaigns.members(campaign))
    target = {m for m, arm in arms.items() if arm == "target"}
    withdrawn = min(target)
    store.members.set_consent(withdrawn, "marketing", False, "verbal")
    promotion_id = store.promotions.create(spec(audience={"kind": "listed", "campaign_id": campaign}))
    record = store.promotions.get(promotion_id)
    assert record.promotion.audience.member_ids == target - {withdrawn}
    assert record.campaign_id == campaign
    with pytest.raises(NotFound):
        store.promotions.create(spec(name="Ghost", audience={"kind": "listed", "campaign_id": campaign + 9}))


# -- coupons ---------------------------------------------------------------------------------------------------

def test_printed_codes_are_short_unique_and_unguessable(store):
    promotion_id = coupon_promotion(store)
    issued = store.promotions.issue_coupons(promotion_id, count=200, expires_on=day(store, 30))
    assert len(set(issued.codes)) == 200
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in issued.codes)
    assert not set(CODE_ALPHABET) & set("01OIL")
    assert store.promotions.coupon_report(promotion_id) == CouponReport(issued=200, redeemed=0, expired=0, open=200,
                                                                        voided=0)


def test_member_coupons_go_only_to_consented_members_who_hold_none(store):
    promotion_id = coupon_promotion(store)
    yes, no, also = member(store, 1), member(store, 2, marketing=False), member(store, 3)
    first = store.promotions.issue_coupons(promotion_id, member_ids=[yes, no], expires_on=day(store, 30))
    assert (len(first.codes), first.left_out_no_consent, first.already_holding) == (1, 1, 0)
    again = store.promotions.issue_coupons(promotion_id, member_ids=[yes, also], expires_on=day(store, 30))
    assert (len(again.codes), again.already_holding) == (1, 1)
    assert {c.member_id for c in store.promotions.coupons(promotion_id)} == {yes, also}
    with pytest.raises(ValidationError, match="None of these members has agreed"):
        store.promotions.issue_coupons(promotion_id, member_ids=[no], expires_on=day(store, 30))


def test_campaign_coupons_go_to_the_target_arm(store):
    members = [member(store, n) for n in range(1, 9)]
    campaign = store.campaigns.create("Spring", members, starts_on=day(store), ends_on=day(store, 30),
                                      holdout=0.25, seed=1)
    target = {m for m, arm in store.campaigns.members(campaign) if arm == "target"}
    promotion_id = coupon_promotion(store)
    store.promotions.issue_coupons(promotion_id, campaign_id=campaign, expires_on=day(store, 30))
    assert {c.member_id for c in store.promotions.coupons(promotion_id)} == target


def test_issuing_checks_its_arguments(store):
    promotion_id = coupon_promotion(store, calendar={"starts_on": day(store), "ends_on": day(store, 20)})
    other = store.promotions.create(spec())
    cases = [
        (dict(promotion_id=other, count=1, expires_on=day(store, 5)), "Coupons belong to a coupon promotion."),
        (dict(promotion_id=promotion_id, count=1, expires_on=day(store, -1)), "must stay valid until at least"),
        (dict(promotion_id=promotion_id, count=1, expires_on=day(store, 21)), "cannot outlast its promotion"),
        (dict(promotion_id=promotion_id, count=1, member_ids=[1], expires_on=day(store, 5)), "one of the three"),
        (dict(promotion_id=promotion_id, expires_on=day(store, 5)), "one of the three"),
        (dict(promotion_id=promotion_id, count=0, expires_on=day(store, 5)), "count: enter a whole number"),
    ]
    before = table_snapshot(store)
    for kwargs, message in cases:
        with pytest.raises(ValidationError, match=message):
            store.promotions.issue_coupons(kwargs.pop("promotion_id"), **kwargs)
    assert table_snapshot(store) == before


def _sell(store, ids, member_id=None):
    """A sale of 3 × 12.50 paid at the price the running promotions make (a listed member's 10 % off, say)."""
    lines = [CartLine(ids.otc, 3)]
    return store.sales.sell(lines, [Payment("cash", store.sales.quote(lines, member_id).total)], member_id=member_id)


def test_check_coupon_returns_the_engine_promotion_with_its_code(store):
    promotion_id = coupon_promotion(store)
    code = store.promotions.issue_coupons(promotion_id, count=1, expires_on=day(store, 5)).codes[0]
    typed = f" {code[:5].lower()}-{code[5:]} "
    promotion = store.promotions.check_coupon(typed, None, store.now())
    assert (promotion.id, promotion.kind, promotion.coupon_code, promotion.amount) == (promotion_id, "coupon", code, 500)


def test_each_coupon_refusal_has_a_plain_message(store, ids, clock):
    promotion_id = coupon_promotion(store)
    owner_member, stranger = member(store, 1), member(store, 2)
    bound = store.promotions.issue_coupons(promotion_id, member_ids=[owner_member], expires_on=day(store, 5)).codes[0]
    used, void, late = store.promotions.issue_coupons(promotion_id, count=3, expires_on=day(store, 5)).codes
    future = coupon_promotion(store, name="Next month", calendar={"starts_on": day(store, 10)}, stacking="stackable")
    early = store.promotions.issue_coupons(future, count=1, expires_on=day(store, 20)).codes[0]
    check = store.promotions.check_coupon
    now = store.now()
    with store.db.transaction():
        sale = _sell(store, ids)
        store.promotions.redeem_coupon(used, sale.sale_id, now)
    store.promotions.void_coupon(void)
    before = table_snapshot(store)
    expectations = [
        ("NOSUCHCODE", None, "There is no coupon with this code."),
        ("", None, "There is no coupon with this code."),
        (used, None, f"This coupon was used on {now.astimezone().date().isoformat()}."),
        (void, None, "This coupon was cancelled."),
        (early, None, f"This coupon is valid from {day(store, 10)}."),
        (bound, stranger, "This coupon belongs to another member."),
        (bound, None, "This coupon belongs to a member: look the member up first."),
    ]
    for code, member_id, message in expectations:
        with pytest.raises(ValidationError) as info:
            check(code, member_id, now)
        assert info.value.message == message
    assert table_snapshot(store) == before                              # checking writes nothing
    assert check(bound, owner_member, now).coupon_code == bound
    with pytest.raises(ValidationError, match=f"This coupon expired on {day(store, 5)}."):
        check(late, None, now + timedelta(days=6))
    store.promotions.pause(promotion_id)
    with pytest.raises(ValidationError, match="The promotion of this coupon is paused."):
        check(late, None, now)
    store.promotions.end(promotion_id)
    with pytest.raises(ValidationError, match="The promotion of this coupon has ended."):
        check(late, None, now)
    assert [e["action"] for e in store.audit.entries(limit=3)][:2] == ["promotion.end", "promotion.pause"]


def test_a_coupon_is_redeemed_once_inside_the_sale(store, ids):
    promotion_id = coupon_promotion(store)
    m = member(store, 1)
    code = store.promotions.issue_coupons(promotion_id, member_ids=[m], expires_on=day(store, 5)).codes[0]
    sale = _sell(store, ids, m)
    with pytest.raises(RuntimeError, match="inside the sale's transaction"):
        store.promotions.redeem_coupon(code, sale.sale_id)
    with store.db.transaction():
        redeemed = store.promotions.redeem_coupon(code, sale.sale_id)
    assert redeemed.redeemed_sale_id == sale.sale_id and redeemed.redeemed_at
    sales_before = store.db.scalar("SELECT COUNT(*) FROM sales")
    before = table_snapshot(store)
    with pytest.raises(ValidationError, match="This coupon was used on"):
        with store.db.transaction():                 # the second sale rolls back with the refused coupon
            second = _sell(store, ids, m)
            store.promotions.redeem_coupon(code, second.sale_id)
    assert store.db.scalar("SELECT COUNT(*) FROM sales") == sales_before
    assert table_snapshot(store) == before
    with pytest.raises(NotFound):
        with store.db.transaction():
            store.promotions.redeem_coupon(code, 999999)
    walk_in = _sell(store, ids)
    other = store.promotions.issue_coupons(promotion_id, member_ids=[member(store, 2)], expires_on=day(store, 5))
    with pytest.raises(ValidationError, match="belongs to a member"):     # the sale's member is checked again
        with store.db.transaction():
            store.promotions.redeem_coupon(other.codes[0], walk_in.sale_id)


def test_restore_gives_a_used_coupon_back_and_void_cancels_an_open_one(store, ids):
    promotion_id = coupon_promotion(store)
    code, spare = store.promotions.issue_coupons(promotion_id, count=2, expires_on=day(store, 5)).codes
    with pytest.raises(ValidationError, match="This coupon has not been used."):
        store.promotions.restore_coupon(code)
    with store.db.transaction():
        store.promotions.redeem_coupon(code, _sell(store, ids).sale_id)
    with pytest.raises(ValidationError, match="A used coupon cannot be cancelled."):
        store.promotions.void_coupon(code)
    restored = store.promotions.restore_coupon(code)
    assert restored.redeemed_at is None and restored.restored_at
    assert store.promotions.check_coupon(code, None).coupon_code == code
    with store.db.transaction():
        store.promotions.redeem_coupon(code, _sell(store, ids).sale_id)
    store.promotions.void_coupon(spare)
    with pytest.raises(ValidationError, match="This coupon was cancelled."):
        store.promotions.void_coupon(spare)
    events = [e["action"] for e in store.audit.entries() if e["action"].startswith("coupon.")]
    assert events[::-1] == ["coupon.issue", "coupon.redeem", "coupon.restore", "coupon.redeem", "coupon.void"]


def test_the_coupon_report_counts_each_state(store, ids, clock):
    first = coupon_promotion(store)
    second = coupon_promotion(store, name="Second coupon", stacking="stackable")
    codes = store.promotions.issue_coupons(first, count=5, expires_on=day(store, 3)).codes
    store.promotions.issue_coupons(first, count=2, expires_on=day(store, 30))
    store.promotions.issue_coupons(second, count=4, expires_on=day(store, 30))
    with store.db.transaction():
        store.promotions.redeem_coupon(codes[0], _sell(store, ids).sale_id)
    store.promotions.void_coupon(codes[1])
    assert store.promotions.coupon_report(first) == CouponReport(issued=7, redeemed=1, expired=0, open=5, voided=1)
    clock.advance(days=4)
    assert store.promotions.coupon_report(first) == CouponReport(issued=7, redeemed=1, expired=3, open=2, voided=1)
    store.promotions.end(second)
    assert store.promotions.coupon_report() == CouponReport(issued=11, redeemed=1, expired=7, open=2, voided=1)


def test_the_coupon_list_export_is_consented_neutralised_and_audited(store, ids, tmp_path):
    promotion_id = coupon_promotion(store)
    tricky = store.members.register("=HYPERLINK(\"http://x\")", "+8613900001111", marketing_consent=True)
    plain = member(store, 2, name="李雷")
    later_no = member(store, 3)
    store.promotions.issue_coupons(promotion_id, member_ids=[tricky, plain, later_no], expires_on=day(store, 9))
    store.members.set_consent(later_no, "marketing", False, "verbal")         # withdrawn after issue: not sent
    used = next(c for c in store.promotions.coupons(promotion_id) if c.member_id == plain)
    store.promotions.issue_coupons(promotion_id, count=2, expires_on=day(store, 9))   # printed codes: no one to send
    path = tmp_path / "coupons.csv"
    assert store.promotions.export_coupon_list(promotion_id, path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    by_member = {c.member_id: c for c in store.promotions.coupons(promotion_id)}
    assert rows == [["Name", "Phone", "Code", "Expires"],
                    ["'=HYPERLINK(\"http://x\")", "13900001111", by_member[tricky].code, day(store, 9)],
                    ["李雷", "13900000002", used.code, day(store, 9)]]
    entry = store.audit.entries(action="coupon.export")[0]
    assert json.loads(entry["details"]) == {"rows": 2}
    with pytest.raises(ValidationError, match="Export to a .csv file."):
        store.promotions.export_coupon_list(promotion_id, tmp_path / "coupons.xlsx")
    with pytest.raises(ValidationError, match="does not exist"):
        store.promotions.export_coupon_list(promotion_id, tmp_path / "missing" / "coupons.csv")


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+86", "'+86"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("plain", "plain"), ("", ""), (12, 12), (None, None),
])
def test_cells_that_could_start_a_formula_are_neutralised(value, expected):
    assert neutralise(value) == expected


# -- permissions and privacy ---------------------------------------------------------------------------------------

def test_the_counter_may_use_promotions_but_not_manage_them(open_store, ids, tmp_path):
    owner = open_store("owner")
    promotion_id = coupon_promotion(owner)
    m = member(owner, 1)
    code = owner.promotions.issue_coupons(promotion_id, count=1, expires_on=day(owner, 5)).codes[0]
    owner.close()
    for role in ("cashier", "pharmacist"):
        store = open_store(role)
        before = table_snapshot(store)
        refused = [
            lambda: store.promotions.create(spec(name="Sneaky")),
            lambda: store.promotions.pause(promotion_id),
            lambda: store.promotions.end(promotion_id),
            lambda: store.promotions.issue_coupons(promotion_id, count=1, expires_on=day(store, 5)),
            lambda: store.promotions.issue_coupons(promotion_id, member_ids=[m], expires_on=day(store, 5)),
            lambda: store.promotions.export_coupon_list(promotion_id, tmp_path / f"{role}.csv"),
            lambda: store.promotions.restore_coupon(code),
            lambda: store.promotions.void_coupon(code),
            lambda: store.promotions.coupons(promotion_id),
        ]
        for call in refused:
            with pytest.raises(PermissionDenied):
                call()
        assert table_snapshot(store) == before and not (tmp_path / f"{role}.csv").exists()
        assert store.promotions.active() == [] and store.promotions.tier_of(m) == "standard"
        assert store.promotions.check_coupon(code, None).coupon_code == code
        assert [r.id for r in store.promotions.list()] == [promotion_id]
    store = open_store("cashier")
    with store.db.transaction():
        store.promotions.redeem_coupon(code, _sell(store, ids).sale_id)
    nobody = open_store(None)
    with pytest.raises(NotLoggedIn):
        nobody.promotions.active()


def test_audit_entries_hold_no_personal_data_or_codes(store, ids, tmp_path):
    name, phone = "Wang Fang", "13912345678"
    m = store.members.register(name, phone, marketing_consent=True)
    listed = store.promotions.create(spec(audience={"kind": "listed", "member_ids": [m]}))
    coupon = coupon_promotion(store)
    code = store.promotions.issue_coupons(coupon, member_ids=[m], expires_on=day(store, 5)).codes[0]
    store.promotions.export_coupon_list(coupon, tmp_path / "list.csv")
    with store.db.transaction():
        store.promotions.redeem_coupon(code, _sell(store, ids, m).sale_id)
    store.promotions.restore_coupon(code)
    store.promotions.end(listed)
    details = " ".join(e["details"] for e in store.audit.entries(limit=1000)
                       if e["action"].startswith(("promotion.", "coupon.")))
    assert details
    for secret in (name, phone, phone[-4:], code, "Cold season", "Welcome coupon"):
        assert secret not in details
    assert store.audit.verify() == []


# -- the command line ------------------------------------------------------------------------------------------------

@pytest.fixture
def cli_env(monkeypatch, tmp_path):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)


def test_cli_promotions_add_list_pause_resume_end(store_dir, tmp_path, cli_env, capsys, monkeypatch):
    file = tmp_path / "member-day.json"
    file.write_text(json.dumps({"name": "Member day", "kind": "percent_off", "percent": 10, "label": "会员日",
                                "calendar": {"month_days": [8, 18, 28]}}, ensure_ascii=False), encoding="utf-8")
    assert cli_main(["promotions", "add", str(file), "--store", str(store_dir)]) == 0
    assert capsys.readouterr().out == "Promotion 1 created.\n"
    assert cli_main(["promotions", "add", str(file), "--store", str(store_dir)]) == 1
    assert "Overlaps with promotion “Member day” (#1)" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{name: oops", encoding="utf-8")
    assert cli_main(["promotions", "add", str(bad), "--store", str(store_dir)]) == 1
    assert "The file is not valid JSON" in capsys.readouterr().err
    assert cli_main(["promotions", "list", "--format", "json", "--store", str(store_dir)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["name"], r["label"], r["status"]) for r in rows] == [(1, "Member day", "会员日", "active")]
    for change, status in (("pause", "paused"), ("resume", "active"), ("end", "ended")):
        assert cli_main(["promotions", change, "1", "--store", str(store_dir)]) == 0
        assert capsys.readouterr().out == f"Promotion 1 is now {status}.\n"
    assert cli_main(["promotions", "list", "--status", "active", "--format", "json", "--store", str(store_dir)]) == 0
    assert json.loads(capsys.readouterr().out) == []
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["cashier"])
    assert cli_main(["promotions", "add", str(file), "--user", "cashier", "--store", str(store_dir)]) == 1
    assert "not allowed" in capsys.readouterr().err


def test_cli_coupons_issue_report_export_restore(open_store, store_dir, tmp_path, cli_env, capsys, ids):
    store = open_store("owner")
    promotion_id = coupon_promotion(store)
    members = [member(store, 1), member(store, 2, marketing=False)]
    with store.db.transaction():
        sale = _sell(store, ids)
    store.close()
    expires = (date.today() + timedelta(days=30)).isoformat()
    base = ["--store", str(store_dir)]
    assert cli_main(["coupons", "issue", str(promotion_id), "--count", "3", "--expires", expires, *base]) == 0
    codes = capsys.readouterr().out.split()
    assert len(codes) == 3
    listing = tmp_path / "members.txt"
    listing.write_text("\n".join(str(m) for m in members), encoding="utf-8")
    assert cli_main(["coupons", "issue", str(promotion_id), "--members", str(listing), "--expires", expires,
                     *base]) == 0
    assert "Issued 1 coupon(s); left out 1 member(s) without marketing consent" in capsys.readouterr().err
    out = tmp_path / "send.csv"
    assert cli_main(["coupons", "export", str(promotion_id), "--out", str(out), *base]) == 0
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 2
    assert cli_main(["coupons", "void", codes[0], *base]) == 0
    assert cli_main(["coupons", "restore", codes[1], *base]) == 1
    assert "has not been used" in capsys.readouterr().err
    with Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False) as reopened:
        reopened.login("owner", PASSWORDS["owner"])
        with reopened.db.transaction():
            reopened.promotions.redeem_coupon(codes[1], sale.sale_id)
    assert cli_main(["coupons", "restore", codes[1], *base]) == 0
    capsys.readouterr()
    assert cli_main(["coupons", "report", "--promotion", str(promotion_id), "--format", "json", *base]) == 0
    assert json.loads(capsys.readouterr().out) == [{"issued": 4, "redeemed": 0, "expired": 0, "open": 3, "voided": 1}]
    assert cli_main(["coupons", "list", str(promotion_id), "--format", "json", *base]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [c["code"] for c in listed][:3] == codes and listed[1]["restored_at"]


def test_cli_reads_yaml_only_with_pyyaml(store_dir, tmp_path, cli_env, monkeypatch):
    file = tmp_path / "member-day.yaml"
    file.write_text("name: Member day\nkind: percent_off\npercent: 10\n", encoding="utf-8")
    monkeypatch.setitem(__import__("sys").modules, "yaml", None)       # PyYAML absent: a plain way out
    with pytest.raises(SystemExit, match="reading YAML needs PyYAML"):
        cli_main(["promotions", "add", str(file), "--store", str(store_dir)])
