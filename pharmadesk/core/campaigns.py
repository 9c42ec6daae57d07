"""Marketing campaigns: a list of members to contact, with a random holdout group to measure the effect.

    campaign_id = store.campaigns.create("Winter vitamins", member_ids, starts_on="2026-01-05",
                                         ends_on="2026-02-01", cost=50_000, segment="at risk")
    store.campaigns.get(campaign_id)      # the campaign row with its arm sizes
    store.campaigns.members(campaign_id)  # [(member_id, 'target' | 'holdout'), ...]

Rules:

- Only members who have consented to **marketing** at the moment of creation are taken
  (:meth:`pharmadesk.core.privacy.Privacy.consented_members`, the one consent rule); the others in the given list
  are left out and counted (never named) in the audit entry. Erased members have consented to nothing.
- A share ``holdout`` (default 10 %) of the consented members is drawn at random (``random.Random(seed)``
  over the ascending ids, so the split is reproducible from the stored seed) and is *not* contacted;
  after the window, :mod:`pharmadesk.analytics.models.campaigns` compares the two groups.
- Creating a campaign needs :attr:`Action.RUN_ANALYTICS` (the owner) and is audited as
  ``campaign.create`` (sizes, dates and cost; no member ids) in the same transaction.
"""

from __future__ import annotations

import logging
import random
from datetime import date
from typing import TYPE_CHECKING, Iterable

from pharmadesk.core.catalog import whole_number
from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import parse_date, to_iso

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

DEFAULT_HOLDOUT = 0.10
MAX_HOLDOUT = 0.90
ARMS = ("target", "holdout")


def split_holdout(member_ids: Iterable[int], holdout: float, seed: int) -> tuple[list[int], list[int]]:
    """(target, holdout) ids: ``round(holdout * n)`` members drawn by ``random.Random(seed)`` from the
    ascending ids; both lists ascending. Deterministic for the same ids, share and seed."""
    ids = sorted(set(int(i) for i in member_ids))
    size = int(round(holdout * len(ids)))
    held = set(random.Random(seed).sample(ids, size))
    return [i for i in ids if i not in held], sorted(held)


class Campaigns:
    """Marketing campaigns as use cases: ``store.campaigns``."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def create(self, name: str, member_ids: Iterable[int], *, starts_on: str | date,
               ends_on: str | date, cost: int = 0, holdout: float = DEFAULT_HOLDOUT, seed: int = 0,
               segment: str | None = None, note: str | None = None) -> int:
        """Create a campaign over the marketing-consented members of ``member_ids`` and return its id.

        ``starts_on`` .. ``ends_on`` is the window (both days included) in which a purchase counts as a
        conversion; ``cost`` is in minor units; ``holdout`` is the share kept out at random (0 to 0.9).
        """
        store = self._store
        store.require(Action.RUN_ANALYTICS)
        name = (name or "").strip()
        if not name:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give the campaign a name."))
        start, end = parse_date(starts_on, "starts_on"), parse_date(ends_on, "ends_on")
        if end < start:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A campaign cannot end before it starts."))
        cost = whole_number(cost, "cost", minimum=0, maximum=10**12)
        if not isinstance(holdout, (int, float)) or isinstance(holdout, bool) or not 0 <= holdout <= MAX_HOLDOUT:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The holdout group must be between 0 % and 90 %."))
        requested = set(int(i) for i in member_ids)
        consented = set(store.privacy.consented_members("marketing")) & requested
        if not consented:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "None of these members has agreed to marketing messages."))
        target, held = split_holdout(consented, float(holdout), int(seed))
        db = store.db
        with db.transaction():
            campaign_id = db.insert("campaigns", {
                "name": name, "segment": segment, "created_at": to_iso(store.now()),
                "user_id": store.user.id if store.user else None, "starts_on": start.isoformat(),
                "ends_on": end.isoformat(), "cost": cost, "holdout_bp": int(round(float(holdout) * 10000)),
                "seed": int(seed), "note": note})
            db.conn.executemany(
                "INSERT INTO campaign_members (campaign_id, member_id, arm) VALUES (?, ?, ?)",
                [(campaign_id, m, "target") for m in target] + [(campaign_id, m, "holdout") for m in held])
            store.audit.record("campaign.create", "campaign", campaign_id, target=len(target), holdout=len(held),
                               left_out_no_consent=len(requested) - len(consented), starts_on=start.isoformat(),
                               ends_on=end.isoformat(), cost=cost, seed=int(seed))
        log.info("campaign %s created: %d target, %d holdout", campaign_id, len(target), len(held))
        return campaign_id

    def get(self, campaign_id: int) -> dict:
        """The campaign's row plus ``target`` and ``holdout`` (group sizes)."""
        store = self._store
        store.require(Action.RUN_ANALYTICS)
        row = store.db.one("SELECT * FROM campaigns WHERE id = ?", (campaign_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such campaign."))
        sizes = dict(store.db.execute(
            "SELECT arm, COUNT(*) FROM campaign_members WHERE campaign_id = ? GROUP BY arm", (campaign_id,)).fetchall())
        return {**row, "target": sizes.get("target", 0), "holdout": sizes.get("holdout", 0)}

    def list(self) -> list[dict]:
        """Every campaign, newest first, with its group sizes."""
        store = self._store
        store.require(Action.RUN_ANALYTICS)
        ids = [r[0] for r in store.db.execute("SELECT id FROM campaigns ORDER BY id DESC").fetchall()]
        return [self.get(i) for i in ids]

    def members(self, campaign_id: int) -> list[tuple[int, str]]:
        """(member_id, arm) for every member of the campaign, by id."""
        self._store.require(Action.RUN_ANALYTICS)
        store = self._store
        self.get(campaign_id)
        return [tuple(r) for r in store.db.execute(
            "SELECT member_id, arm FROM campaign_members WHERE campaign_id = ? ORDER BY member_id",
            (campaign_id,)).fetchall()]
