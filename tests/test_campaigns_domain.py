"""Campaign creation: marketing consent only, a seeded random holdout, permissions, validation, audit."""

from __future__ import annotations

import json

import pytest

from pharmadesk.core.campaigns import split_holdout
from pharmadesk.errors import NotFound, PermissionDenied, ValidationError

WINDOW = {"starts_on": "2026-03-01", "ends_on": "2026-03-31"}


def _members(store, n: int, consent: bool | None = True, start: int = 0) -> list[int]:
    return [store.members.register(f"Member {start + i}", f"1390000{start + i:04d}", marketing_consent=consent)
            for i in range(n)]


def test_only_marketing_consented_members_are_targeted(store):
    yes = _members(store, 6, True)
    no = _members(store, 3, False, start=100)
    never = _members(store, 2, None, start=200)
    care_only = store.members.register("Care Only", "13911110000", care_consent=True)
    campaign_id = store.campaigns.create("Spring", yes + no + never + [care_only], holdout=0.0, **WINDOW)
    assert [m for m, _ in store.campaigns.members(campaign_id)] == sorted(yes)


def test_withdrawing_marketing_consent_before_creation_removes_the_member(store):
    ids = _members(store, 5)
    store.members.set_consent(ids[2], "marketing", False, "verbal")
    store.privacy.erase_member(ids[4])
    campaign_id = store.campaigns.create("Spring", ids, holdout=0.0, **WINDOW)
    members = [m for m, _ in store.campaigns.members(campaign_id)]
    assert ids[2] not in members and ids[4] not in members
    assert members == [ids[0], ids[1], ids[3]]
    # withdrawing after creation does not rewrite the experiment's design
    store.members.set_consent(ids[0], "marketing", False, "verbal")
    assert ids[0] in [m for m, _ in store.campaigns.members(campaign_id)]


def test_holdout_is_ten_percent_by_default_and_reproducible_from_the_seed(store):
    ids = _members(store, 40)
    first = store.campaigns.create("A", ids, seed=7, **WINDOW)
    again = store.campaigns.create("B", list(reversed(ids)), seed=7, **WINDOW)
    other = store.campaigns.create("C", ids, seed=8, **WINDOW)
    arms = {c: dict(store.campaigns.members(c)) for c in (first, again, other)}
    held = {c: sorted(m for m, arm in arms[c].items() if arm == "holdout") for c in arms}
    assert len(held[first]) == 4                                  # round(10 % of 40)
    assert held[first] == held[again]                             # same ids, same seed: same split
    assert held[first] != held[other]
    assert held[first] == split_holdout(ids, 0.10, 7)[1]
    info = store.campaigns.get(first)
    assert (info["target"], info["holdout"], info["holdout_bp"], info["seed"]) == (36, 4, 1000, 7)
    assert [c["id"] for c in store.campaigns.list()] == [other, again, first]


def test_split_holdout_sizes():
    target, held = split_holdout(range(1, 101), 0.25, 3)
    assert len(held) == 25 and len(target) == 75 and not set(target) & set(held)
    assert split_holdout([5, 3, 1], 0.0, 1) == ([1, 3, 5], [])


def test_creation_is_audited_without_member_ids(store):
    ids = _members(store, 10)
    no = _members(store, 2, False, start=50)
    campaign_id = store.campaigns.create("Autumn", ids + no, cost=12_500, holdout=0.2, seed=1, **WINDOW)
    entry = store.audit.entries(action="campaign.create")[0]
    details = json.loads(entry["details"]) if isinstance(entry["details"], str) else entry["details"]
    assert entry["entity_id"] == str(campaign_id)
    assert details["target"] == 8 and details["holdout"] == 2 and details["left_out_no_consent"] == 2
    assert details["cost"] == 12_500
    assert set(details) == {"target", "holdout", "left_out_no_consent", "starts_on", "ends_on", "cost", "seed"}
    assert store.audit.verify() == []


@pytest.mark.parametrize("role", ["pharmacist", "cashier"])
def test_only_the_owner_creates_campaigns(open_store, role):
    owner = open_store("owner")
    ids = _members(owner, 3)
    staff = open_store(role)
    with pytest.raises(PermissionDenied):
        staff.campaigns.create("Nope", ids, **WINDOW)
    assert owner.db.scalar("SELECT COUNT(*) FROM campaigns") == 0


@pytest.mark.parametrize("kwargs", [
    {"starts_on": "2026-03-31", "ends_on": "2026-03-01"},
    {**WINDOW, "cost": -1},
    {**WINDOW, "cost": 2.5},
    {**WINDOW, "holdout": 0.95},
    {**WINDOW, "holdout": -0.1},
    {"starts_on": "1 March", "ends_on": "2026-03-31"},
])
def test_invalid_campaigns_are_refused_and_nothing_is_written(store, kwargs):
    ids = _members(store, 3)
    with pytest.raises(ValidationError):
        store.campaigns.create("Bad", ids, **kwargs)
    assert store.db.scalar("SELECT COUNT(*) FROM campaigns") == 0
    assert store.db.scalar("SELECT COUNT(*) FROM campaign_members") == 0


def test_no_name_or_no_consented_member_is_refused(store):
    ids = _members(store, 2, False)
    with pytest.raises(ValidationError):
        store.campaigns.create("Nobody", ids, **WINDOW)
    with pytest.raises(ValidationError):
        store.campaigns.create("  ", _members(store, 1, True, start=9), **WINDOW)
    with pytest.raises(NotFound):
        store.campaigns.get(999)
