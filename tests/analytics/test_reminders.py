"""Care reminders: exact run-out dates, PDC worked example, sync, lapse, birthdays, consent, channel, conversion;
then the whole path on a small demo store."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from pharmadesk import env
from pharmadesk.analytics import frames
from pharmadesk.analytics.models import reminders as R

D0 = date(2026, 1, 1)
A, B, C = 101, 102, 103          # maintenance products (30-day packs)


def _fills(rows):
    """rows: (member, product, day offset from D0, packs[, days_supply[, pack_size]])"""
    records = []
    for row in rows:
        member, product, day, packs, *rest = row
        supply = rest[0] if rest else 30
        pack = rest[1] if len(rest) > 1 else 30
        records.append({"member_id": member, "sale_id": len(records) + 1, "date": pd.Timestamp(D0 + timedelta(day)),
                        "product_id": product, "packs": packs, "days_supply": supply, "pack_size": pack})
    return pd.DataFrame(records)


def _d(day):
    return pd.Timestamp(D0 + timedelta(day))


# -- run-out dates: hand-built histories ---------------------------------------------------------------------

def test_run_out_dates_carry_early_refills_forward():
    fills = _fills([
        (1, A, 0, 1),        # Jan 1, 30 days: runs out Jan 31
        (1, A, 25, 1),       # early refill on Jan 26: 5 days left over, so this pack starts Jan 31 -> Mar 2
        (1, A, 70, 2),       # late (Mar 12, after running out Mar 2): 60 days from Mar 12 -> May 11
        (1, A, 100, 1),      # early again (Apr 11): starts May 11 -> Jun 10
        (2, A, 0, 1, 28),    # another member, a 28-day pack: Jan 29
        (2, B, 10, 3, 30),   # 3 packs of B: Jan 11 + 90 days = Apr 11
    ])
    t = R.supply_timeline(fills)
    one = t[(t.member_id == 1)]
    assert one["supply"].tolist() == [30, 30, 60, 30]
    assert one["start"].tolist() == [_d(0), _d(30), _d(70), _d(130)]
    assert one["run_out"].tolist() == [pd.Timestamp("2026-01-31"), pd.Timestamp("2026-03-02"),
                                       pd.Timestamp("2026-05-11"), pd.Timestamp("2026-06-10")]
    assert t[(t.member_id == 2) & (t.product_id == A)]["run_out"].tolist() == [pd.Timestamp("2026-01-29")]
    assert t[(t.member_id == 2) & (t.product_id == B)]["run_out"].tolist() == [pd.Timestamp("2026-04-11")]


def test_same_day_fills_stack_and_order_does_not_matter():
    fills = _fills([(1, A, 5, 1), (1, A, 0, 1), (1, A, 5, 1)])
    t = R.supply_timeline(fills.sample(frac=1, random_state=3))
    assert t["run_out"].iloc[-1] == _d(90)          # 30 + 30 + 30 days from day 0, no gap


@pytest.mark.parametrize("offset, expected", [
    (-4, "ok"), (-3, "refill_due"), (0, "refill_due"), (7, "refill_due"), (8, "overdue"), (90, "overdue"),
    (91, "stopped"),
])
def test_status_boundaries_are_exact(offset, expected):
    fills = _fills([(1, A, 0, 1), (1, A, 25, 1)])              # runs out Mar 2 (day 60)
    run_out = date(2026, 3, 2)
    status = R.refill_status(fills, run_out + timedelta(days=offset))
    row = status.iloc[0]
    assert row["run_out"] == pd.Timestamp(run_out)
    assert row["due_from"] == pd.Timestamp("2026-02-27")        # 3 days before run-out
    assert row["overdue_from"] == pd.Timestamp("2026-03-10")    # run-out + 7 days' grace, the next day
    assert row["days_left"] == -offset
    assert row["fills"] == 2 and row["last_fill"] == _d(25)
    assert row["status"] == expected


def test_status_parameters_move_the_boundaries():
    fills = _fills([(1, A, 0, 1)])                               # runs out Jan 31
    assert R.refill_status(fills, date(2026, 1, 26), due_days=5).iloc[0]["status"] == "refill_due"
    assert R.refill_status(fills, date(2026, 1, 26)).iloc[0]["status"] == "ok"
    assert R.refill_status(fills, date(2026, 2, 3), grace_days=2).iloc[0]["status"] == "overdue"


# -- PDC ---------------------------------------------------------------------------------------------------

def test_pdc_worked_example():
    """Three 30-day fills on days 0, 25 and 70 over a 90-day window: the day-25 fill overlaps 5 days and is
    shifted to days 30-59; the day-70 fill covers days 70-89 inside the window. PDC = (30 + 30 + 20) / 90."""
    fills = _fills([(1, A, 0, 1), (1, A, 25, 1), (1, A, 70, 1)])
    result = R.adherence(fills, D0 + timedelta(days=90), window_days=90)
    row = result.iloc[0]
    assert row["fills_in_window"] == 3
    assert row["period_start"] == _d(0)
    assert row["days_in_period"] == 90
    assert row["days_covered"] == 80
    assert row["pdc"] == pytest.approx(80 / 90, abs=1e-12)
    assert not row["low"]                                        # 0.889 >= 0.80


def test_pdc_period_starts_at_first_fill_in_window_and_is_capped():
    fills = _fills([
        (1, A, -20, 1),              # before the window: not counted, not the index date
        (1, A, 10, 1), (1, A, 60, 1),  # window days 0..119: index day 10, covered 30 + 30 = 60 of 110
        (2, A, 0, 2), (2, A, 30, 2),   # 4 packs in 120 days: more than covered, capped at 1
        (3, A, 100, 1),              # a single fill: PDC 20/20 = 1, never flagged
        (4, A, 0, 1), (4, A, 80, 1),   # (30 + 30) / 120 = 0.5 -> flagged
    ])
    result = R.adherence(fills, D0 + timedelta(days=120), window_days=120).set_index("member_id")
    assert result.loc[1, "period_start"] == _d(10)
    assert (result.loc[1, "days_in_period"], result.loc[1, "days_covered"]) == (110, 60)
    assert result.loc[1, "pdc"] == pytest.approx(60 / 110)
    assert result.loc[1, "low"]
    assert result.loc[2, "pdc"] == 1.0 and result.loc[2, "days_covered"] == 120
    assert result.loc[3, "pdc"] == 1.0 and not result.loc[3, "low"]
    assert result.loc[4, "pdc"] == pytest.approx(0.5) and result.loc[4, "low"]


# -- medication synchronisation ------------------------------------------------------------------------------

def test_med_sync_picks_the_day_with_fewest_short_fill_days():
    # A runs out day 40, B day 50, C (60 tablets = 30 days) day 65; today is day 35.
    fills = _fills([(1, A, 10, 1), (1, B, 20, 1), (1, C, 35, 1, 30, 60),
                    (2, A, 10, 1), (2, B, 11, 1)])                   # member 2: 1 day apart -> already in sync
    as_of = D0 + timedelta(days=35)
    plan = R.med_sync_plan(R.refill_status(fills, as_of), as_of)
    assert set(plan["member_id"]) == {1}
    # candidates: D=40 -> (0 + 20 + 5) = 25 days; D=50 -> (10 + 0 + 15) = 25; D=65 -> (25 + 15 + 0) = 40.
    # Tie 25/25 -> the earliest, D = day 40: B gets 20 days at day 50, C 5 days at day 65 (10 tablets).
    by = plan.set_index("product_id")
    assert by["short_fill_days"].to_dict() == {A: 0, B: 20, C: 5}
    assert by["short_fill_units"].to_dict() == {A: 0, B: 20, C: 10}
    assert set(plan["anchor_product_id"]) == {A} and set(plan["cycle_days"]) == {30}
    assert set(plan["sync_day"]) == {_d(70)}       # every product aligned: A day 70, B 50+20, C 65+5


def test_med_sync_ignores_stopped_products():
    fills = _fills([(1, A, 0, 1), (1, B, 180, 1)])   # A stopped long ago
    as_of = D0 + timedelta(days=190)
    assert R.med_sync_plan(R.refill_status(fills, as_of), as_of).empty


# -- per molecule: brands of one generic are one therapy --------------------------------------------------------

AMLO_A, AMLO_B, BISO, PLAIN_D, PLAIN_E = 201, 202, 203, 204, 205
GENERIC = {AMLO_A: "amlodipine", AMLO_B: "  Amlodipine\t", BISO: "bisoprolol", PLAIN_D: None, PLAIN_E: "   "}


def _molecule_fills(rows):
    """Like _fills, with each product's generic_name from GENERIC."""
    fills = _fills(rows)
    fills["generic_name"] = fills["product_id"].map(GENERIC)
    return fills


def test_therapy_key_is_the_normalised_generic_name_else_the_product():
    keys = R.therapy_keys([AMLO_A, AMLO_B, BISO, PLAIN_D, PLAIN_E, 206],
                          ["amlodipine", "  Amlodipine\t", "Bisoprolol  Fumarate", None, "   ", float("nan")])
    assert keys.tolist() == ["amlodipine", "amlodipine", "bisoprolol fumarate", f"product:{PLAIN_D}",
                             f"product:{PLAIN_E}", "product:206"]
    assert R.therapy_keys([A])[0] == f"product:{A}"          # no generic names at all: per product


def test_brand_switch_is_one_therapy_with_the_supply_carried_forward():
    """Brand A (30 days) on day 0, brand B of the same generic (a 28-day pack) on day 28: one therapy; B
    starts when A runs out (day 30) and runs out on day 58. Per product, A would be overdue on day 45."""
    fills = _molecule_fills([(1, AMLO_A, 0, 1, 30), (1, AMLO_B, 28, 1, 28)])
    t = R.supply_timeline(fills)
    assert t["therapy"].tolist() == ["amlodipine", "amlodipine"]
    assert t["supply"].tolist() == [30, 28]                    # days of supply from each dispensed product
    assert t["start"].tolist() == [_d(0), _d(30)] and t["run_out"].tolist() == [_d(30), _d(58)]

    status = R.refill_status(fills, D0 + timedelta(days=45))
    assert len(status) == 1
    row = status.iloc[0]
    assert (row["therapy"], row["product_id"], row["fills"]) == ("amlodipine", AMLO_B, 2)
    assert (row["last_fill"], row["run_out"], row["status"]) == (_d(28), _d(58), "ok")
    assert row["days_supply"] == 28                            # the last product's pack
    assert R.refill_status(fills, D0 + timedelta(days=55)).iloc[0]["status"] == "refill_due"   # 58 - 3
    assert R.refill_status(fills, D0 + timedelta(days=66)).iloc[0]["status"] == "overdue"      # 58 + 7 + 1

    # PDC on day 90, 180-day window: period days 0..89, covered 30 (A) + 28 (B, days 30..57) = 58 of 90
    pdc = R.adherence(fills, D0 + timedelta(days=90))
    assert len(pdc) == 1
    row = pdc.iloc[0]
    assert (row["therapy"], row["product_id"], row["fills_in_window"]) == ("amlodipine", AMLO_B, 2)
    assert (row["period_start"], row["days_in_period"], row["days_covered"]) == (_d(0), 90, 58)
    assert row["pdc"] == pytest.approx(58 / 90) and row["low"]
    # ... and while the member is covered, PDC is full: both fills count (per product B alone had 1 fill)
    full = R.adherence(fills, D0 + timedelta(days=45)).iloc[0]
    assert (full["fills_in_window"], full["days_covered"], full["pdc"]) == (2, 45, 1.0)

    # the next refill is predicted by the therapy's run-out, whichever brand it is
    acc = R.run_out_accuracy(fills).iloc[0]
    assert (acc["pairs"], acc["median_error"]) == (1, -2.0)    # B came on day 28, A ran out on day 30


def test_brand_switch_raises_no_reminder_on_the_old_brand():
    fills = _molecule_fills([(1, AMLO_A, 0, 1, 30), (1, AMLO_B, 28, 1, 28)])
    visits = fills[["member_id", "date"]].drop_duplicates()
    products = pd.DataFrame({"product_id": [AMLO_A, AMLO_B], "name": ["Amlovas 5 mg", "Amlodipine 5 mg (Kangda)"],
                             "generic_name": [GENERIC[AMLO_A], GENERIC[AMLO_B]]})
    members = _members_frame().iloc[:1]
    assert R.care_reminders(fills, members, visits, products, D0 + timedelta(days=45)).empty
    due = R.care_reminders(fills, members, visits, products, D0 + timedelta(days=56))
    assert due[["kind", "product_id", "therapy", "due_date"]].values.tolist() == [
        ["refill_due", AMLO_B, "amlodipine", (D0 + timedelta(days=58)).isoformat()]]
    assert due["reason"].iloc[0] == f"Amlodipine 5 mg (Kangda) runs out on {(D0 + timedelta(days=58)).isoformat()}"
    # a reminder logged for brand A two days ago suppresses the therapy's reminder (now naming brand B)
    log = pd.DataFrame({"reminder_id": [9], "member_id": [1], "kind": ["refill_due"],
                        "product_id": pd.array([AMLO_A], dtype="Int64"), "due_date": [_d(58)],
                        "created": [_d(54)], "channel": ["sms"], "latest_outcome": [None]})
    assert R.care_reminders(fills, members, visits, products, D0 + timedelta(days=56), reminder_log=log).empty
    # ... and converts when the member buys brand B (any brand of the therapy) within 7 days
    converted = R.reminder_conversion(log.assign(created=_d(25)), fills).iloc[-1]
    assert (converted["issued"], converted["converted"]) == (1, 1)


def test_different_generics_and_blank_generics_stay_separate():
    fills = _molecule_fills([
        (2, AMLO_A, 0, 1), (2, BISO, 28, 1),           # two molecules: run out day 30 and day 58
        (3, PLAIN_D, 0, 1), (3, PLAIN_E, 28, 1),       # no generic name: each product is its own therapy
    ])
    status = R.refill_status(fills, D0 + timedelta(days=45)).set_index(["member_id", "therapy"])
    assert status.index.tolist() == [(2, "amlodipine"), (2, "bisoprolol"),
                                     (3, f"product:{PLAIN_D}"), (3, f"product:{PLAIN_E}")]
    assert status["run_out"].tolist() == [_d(30), _d(58), _d(30), _d(58)]
    assert status["status"].tolist() == ["overdue", "ok", "overdue", "ok"]
    assert status["product_id"].tolist() == [AMLO_A, BISO, PLAIN_D, PLAIN_E]
    # med sync groups therapies: member 2's two molecules are 28 days apart -> one plan row per therapy
    as_of = D0 + timedelta(days=25)
    plan = R.med_sync_plan(R.refill_status(fills, as_of), as_of)
    assert plan[plan.member_id == 2]["therapy"].tolist() == ["amlodipine", "bisoprolol"]
    one = _molecule_fills([(4, AMLO_A, 0, 1), (4, AMLO_B, 20, 1)])     # one molecule, two brands: no sync
    assert R.med_sync_plan(R.refill_status(one, as_of), as_of).empty


# -- lapsed members and birthdays ----------------------------------------------------------------------------

def test_lapsed_uses_each_members_own_interval():
    visits = pd.DataFrame(
        [(1, _d(d)) for d in (0, 10, 20, 30, 40)] +           # every 10 days: threshold max(60, 30) = 60
        [(2, _d(d)) for d in (0, 30, 60)] +                    # every 30 days: threshold 90
        [(3, _d(d)) for d in (0, 50)] +                        # only 2 visits: not enough history
        [(4, _d(d)) for d in (-400, -390, -380)],              # gone for over a year: no reminder
        columns=["member_id", "date"])
    at = lambda day: R.lapsed_members(visits, D0 + timedelta(days=day))  # noqa: E731
    assert at(100)["member_id"].tolist() == []                 # member 1: 60 days, not more than 60
    assert at(101)["member_id"].tolist() == [1]
    assert at(150)["member_id"].tolist() == [1]                # member 2: 90 days, not more than 90
    lapsed = at(151).set_index("member_id")
    assert lapsed.index.tolist() == [1, 2]
    assert lapsed.loc[2, "usual_interval"] == 30 and lapsed.loc[2, "threshold"] == 90
    assert lapsed.loc[2, "days_since"] == 91 and lapsed.loc[2, "last_visit"] == _d(60)


def test_birthdays_in_the_next_seven_days():
    members = pd.DataFrame({"member_id": [1, 2, 3, 4, 5],
                            "birth_date": pd.to_datetime(["1950-03-01", "1980-02-29", "1990-03-08", None,
                                                          "2000-12-31"])})
    found = R.upcoming_birthdays(members, date(2027, 2, 25)).set_index("member_id")
    # Feb 25 .. Mar 3: member 1 (Mar 1) and member 2 (29 Feb -> 28 Feb in 2027); Mar 8 is too late.
    assert found.index.tolist() == [1, 2]
    assert found.loc[2, "birthday"] == pd.Timestamp("2027-02-28") and found.loc[1, "age"] == 77
    year_end = R.upcoming_birthdays(members, date(2026, 12, 28))
    assert year_end["member_id"].tolist() == [5] and year_end["birthday"].iloc[0] == pd.Timestamp("2026-12-31")


# -- the reminder list: consent, channel, scripts ------------------------------------------------------------

def _members_frame():
    return pd.DataFrame({
        "member_id": [1, 2, 3, 4],
        "name": ["Ann", "Bo", "Cy", "Di"],
        "birth_date": pd.to_datetime(["1950-03-03", "1950-03-03", "1950-03-03", "1950-03-03"]),
        "care": [True, False, True, True],
        "marketing": [False, True, True, False],
    })


def test_reminder_list_respects_consent_and_the_channel_rule():
    as_of = date(2026, 3, 1)
    fills = _fills([
        (1, A, 0, 1), (1, A, 28, 1),      # member 1 (care only): A runs out Mar 2 -> refill due, SMS (one product)
        (2, A, 0, 1), (2, A, 29, 1),      # member 2 (marketing only): due too, but no care consent
        (3, A, 0, 1), (3, A, 29, 1),      # member 3: A due Mar 2 ...
        (3, B, 10, 1),                    # ... and B ran out Feb 10: overdue -> phone; 2 products -> phone
        (4, C, 0, 1),                     # member 4: C ran out Jan 31, 29 days ago -> overdue
    ])
    visits = fills[["member_id", "date"]].drop_duplicates()
    products = pd.DataFrame({"product_id": [A, B, C], "name": ["Amlo 5", "Biso 5", "Cande 8"]})
    out = R.care_reminders(fills, _members_frame(), visits, products, as_of, store_name="Riverside")
    got = {(r.member_id, r.kind, None if pd.isna(r.product_id) else int(r.product_id)): r.channel
           for r in out.itertuples()}
    assert got == {
        (1, "refill_due", A): "sms",
        # no med_sync for member 3: overdue B counts as running out today, A tomorrow: already in step
        (3, "refill_due", A): "phone", (3, "overdue", B): "phone",
        (4, "overdue", C): "phone",
        (2, "birthday", None): "sms", (3, "birthday", None): "sms",
    }
    assert out["kind"].tolist()[:2] == ["overdue", "overdue"]            # most urgent first
    first = out[(out.member_id == 1)].iloc[0]
    assert first["due_date"] == "2026-03-02"
    assert first["reason"] == "Amlo 5 runs out on 2026-03-02"
    assert first["script"].startswith("Hello Ann, this is Riverside. Your Amlo 5 will run out on 2026-03-02.")
    overdue = out[(out.member_id == 4)].iloc[0]
    assert overdue["reason"] == "Cande 8 ran out on 2026-01-31: 29 days without a refill"
    notes = R.reminder_notes(out, date(2026, 3, 1))
    assert notes[0] == "Reminders on 2026-03-01: overdue: 2, refill due: 2, birthday: 2"
    assert "Ann" not in " ".join(notes)
    for kind in R.REASONS:
        assert kind in R.SCRIPTS and kind in R.KIND_PRIORITY


def test_recent_reminders_are_not_repeated():
    as_of = date(2026, 3, 1)
    fills = _fills([(1, A, 0, 1), (1, A, 28, 1)])
    visits = fills[["member_id", "date"]].drop_duplicates()
    products = pd.DataFrame({"product_id": [A], "name": ["Amlo 5"]})
    log = pd.DataFrame({"reminder_id": [9], "member_id": [1], "kind": ["refill_due"],
                        "product_id": pd.array([A], dtype="Int64"), "due_date": [pd.Timestamp("2026-03-02")],
                        "created": [pd.Timestamp("2026-02-27")], "channel": ["sms"], "latest_outcome": [None]})
    args = (fills, _members_frame().iloc[:1], visits, products, as_of)      # member 1 only
    assert len(R.care_reminders(*args)) == 1
    assert len(R.care_reminders(*args, reminder_log=log)) == 0
    assert len(R.care_reminders(*args, reminder_log=log.assign(created=pd.Timestamp("2026-02-20")))) == 1


def test_conversion_counts_refills_within_seven_days():
    fills = _fills([(1, A, 10, 1), (2, B, 5, 1), (3, C, 50, 1), (4, A, 3, 1)])
    log = pd.DataFrame({
        "reminder_id": [1, 2, 3, 4, 5],
        "member_id": [1, 2, 3, 4, 4],
        "kind": ["refill_due", "refill_due", "lapsed", "birthday", "overdue"],
        "product_id": pd.array([A, A, None, None, A], dtype="Int64"),
        "due_date": [_d(5)] * 5,
        "created": [_d(3), _d(3), _d(43), _d(3), _d(40)],
        "channel": ["sms"] * 5,
        "latest_outcome": ["refilled", None, "called", None, "no_answer"],
    })
    # 1: A on day 10 = created + 7 -> converted. 2: bought B, not A -> no. 3: lapsed, any product on day 50 =
    # day 43 + 7 -> converted. 4: birthday, left out. 5: A bought day 3, before the reminder (day 40) -> no.
    out = R.reminder_conversion(log, fills)
    total = out.iloc[-1]
    assert pd.isna(total["period"])
    assert (total["issued"], total["converted"]) == (4, 2) and total["conversion"] == 0.5
    assert (total["refilled"], total["called"], total["no_answer"], total["no_outcome"]) == (1, 1, 1, 1)
    monthly = out.iloc[:-1].set_index("period")
    assert monthly.loc[pd.Timestamp("2026-01-01"), "issued"] == 2
    assert monthly.loc[pd.Timestamp("2026-02-01"), "converted"] == 1
    assert R.reminder_conversion(log, fills.assign(date=fills["date"] + pd.Timedelta(days=1))).iloc[-1][
        "converted"] == 0      # one day later both miss the 7-day window (day 11 > 10, day 51 > 50)


# -- the whole path on a demo store ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from pharmadesk.demo.build import build_demo_store

    directory = tmp_path_factory.mktemp("remdemo") / "store"
    store = build_demo_store(directory, members=1000, years=1, seed=11, end_date=date(2026, 6, 1),
                             kdf={"time_cost": 1, "memory_cost": 8192, "parallelism": 1})
    yield store
    store.close()


def test_demo_store_reminders_respect_consent_and_as_of(demo):
    as_of = date(2026, 5, 1)
    fills = frames.care_fills(demo, as_of)
    assert len(fills) > 50 and fills["date"].max() < pd.Timestamp(as_of)
    assert (fills["packs"] > 0).all()
    members = frames.care_members(demo, as_of)
    visits = frames.member_visit_days(demo, as_of)
    assert visits["date"].max() < pd.Timestamp(as_of)
    out = R.care_reminders(fills, members, visits, frames.care_products(demo), as_of,
                           reminder_log=frames.care_reminder_log(demo, as_of))
    assert len(out) > 10
    moment = pd.Timestamp(as_of, tz="UTC").to_pydatetime()
    care_ok = set(demo.privacy.consented_members("care", moment))
    marketing_ok = set(demo.privacy.consented_members("marketing", moment))
    assert set(out.loc[out.kind != "birthday", "member_id"]) <= care_ok
    assert set(out.loc[out.kind == "birthday", "member_id"]) <= marketing_ok
    assert set(out["channel"]) <= {"phone", "sms"}
    assert (out.loc[out.kind == "overdue", "channel"] == "phone").all()
    assert out["script"].str.len().gt(20).all() and out["reason"].str.len().gt(5).all()
    # the run-out date predicts the next refill: most refills land within a week of it
    accuracy = R.run_out_accuracy(frames.care_fills(demo, date(2026, 6, 1))).iloc[0]
    assert accuracy["pairs"] > 100 and abs(accuracy["median_error"]) <= 7 and accuracy["within_7_days"] > 0.5


def test_demo_store_pharmacist_may_cashier_may_not(demo):
    from pharmadesk.demo.build import DEMO_USERS
    from pharmadesk.errors import PermissionDenied

    try:
        demo.login("pharmacist", DEMO_USERS["pharmacist"][2])
        assert len(frames.care_members(demo, date(2026, 5, 1))) > 0
        demo.login("cashier", DEMO_USERS["cashier"][2])
        for loader in (frames.care_fills, frames.care_members, frames.member_visit_days, frames.care_reminder_log):
            with pytest.raises(PermissionDenied):
                loader(demo, date(2026, 5, 1))
    finally:
        demo.login("owner", DEMO_USERS["owner"][2])


def test_deterministic(demo):
    as_of = date(2026, 5, 15)
    args = (frames.care_fills(demo, as_of), frames.care_members(demo, as_of), frames.member_visit_days(demo, as_of),
            frames.care_products(demo), as_of)
    pd.testing.assert_frame_equal(R.care_reminders(*args), R.care_reminders(*args))
    assert np.isfinite(R.adherence(args[0], as_of)["pdc"]).all()


def test_cli_lists_and_records_todays_reminders(demo, monkeypatch, capsys):
    from pharmadesk.cli.main import main
    from pharmadesk.demo.build import DEMO_PASSPHRASE, DEMO_USERS

    monkeypatch.setenv(env.PASSPHRASE, DEMO_PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, DEMO_USERS["pharmacist"][2])
    directory = str(demo.directory)
    assert main(["analytics", "reminders", "--store", directory, "--user", "pharmacist", "--as-of", "2026-05-01",
                 "--format", "csv"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("member_id,kind,product_id,product,due_date,reason,channel,script")
    assert len(listed) > 10
    with pytest.raises(SystemExit):       # recording is for today's list only
        main(["analytics", "reminders", "--store", directory, "--user", "pharmacist", "--as-of", "2026-05-01",
              "--record"])
    capsys.readouterr()
    before = demo.db.scalar("SELECT count(*) FROM care_reminders")
    assert main(["analytics", "reminders", "--store", directory, "--user", "pharmacist", "--record",
                 "--format", "json"]) == 0
    recorded = capsys.readouterr()
    import json

    rows = json.loads(recorded.out)
    assert len(rows) > 0 and all(isinstance(r["reminder_id"], int) for r in rows)
    assert demo.db.scalar("SELECT count(*) FROM care_reminders") == before + len(rows)
    assert "Recorded" in recorded.err
    for name in ("Hello", "@"):   # notes on stderr carry no scripts or names
        assert name not in recorded.err
