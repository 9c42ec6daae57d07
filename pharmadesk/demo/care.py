"""The demo store's care-reminder history: what the pharmacist reminded members of, and what came of it.

Over the last :data:`WINDOW_DAYS` of the history the pharmacist worked the care list most mornings:

- ``refill_due`` a few days before a member's run-out (per member and molecule, carry-forward run-out
  as in :mod:`pharmadesk.analytics.models.reminders`), on most run-outs, unless the member had already been back;
- ``overdue`` for some who passed run-out + grace without refilling (always by phone);
- now and then ``med_sync`` for a member whose chronic medicines run out on different days.

Channel as the reminder list proposes it: phone for members on two or more active therapies (and for
overdue and sync), SMS otherwise. Outcomes: most phone reminders get a call attempt (called /
no_answer / declined, a no-answer is often retried the next morning), and ``refilled`` is recorded
at the counter only when the member really collected that product within 7 days. Consent is
respected as :mod:`pharmadesk.core.care` checks it (the member's latest *care* consent given before the
reminder is a yes; the demo erases nobody). Like the sales, the rows are bulk-written without
per-row audit entries (the ``demo.build`` entry counts them). Used only by :mod:`pharmadesk.demo.build`.
"""

from __future__ import annotations

import bisect
import random
from typing import TYPE_CHECKING

import numpy as np

from pharmadesk.analytics.models.reminders import therapy_keys
from pharmadesk.demo.sim import CLOSE_S, OPEN_S

if TYPE_CHECKING:
    from pharmadesk.demo.build import Rows
    from pharmadesk.demo.sim import CatalogIndex, Timeline

WINDOW_DAYS = 120       # the care history covers the last days of the simulated period
DUE_DAYS = 3            # refill_due: this many days before run-out (the reminder list's rule)
GRACE_DAYS = 7          # overdue: after run-out + grace
ACTIVE_DAYS = 90        # a therapy whose run-out is longer ago counts as stopped
CONVERSION_DAYS = 7     # 'refilled' only for a collection within this many days of the reminder

REASONS = {
    "refill_due": "{product} runs out on {run_out}",
    "overdue": "{product} ran out on {run_out}: {days_late} days without a refill",
    "med_sync": "{n} chronic medicines run out on different days; one pickup day: {sync_day}",
}


def build_care_history(rows: "Rows", fills: list[tuple], cat: "CatalogIndex", tl: "Timeline",
                       consents: dict[int, list[tuple[str, int]]], pharmacist: int,
                       r: random.Random) -> tuple[int, int]:
    """Add ``care_reminders`` and ``care_reminder_outcomes`` rows to ``rows``; return their counts.

    ``fills``: (member index, day, second, product index, packs) of maintenance dispensings in time
    order; ``consents``: member id -> [(at, granted)] of *care* consents in id order.
    """
    days = tl.days
    start = max(0, days - WINDOW_DAYS)
    first_needed = start - 100         # fills that can still run out inside the window
    keys = therapy_keys(range(len(cat.days_supply)), cat.frame["generic_name"].tolist())   # one rule with analytics
    therapy = [key if supply else None for key, supply in zip(keys, cat.days_supply)]
    names = cat.frame["name"].tolist()
    by_member: dict[int, dict[str, list]] = {}
    member_fills: dict[int, list] = {}
    for member, day, second, pid, packs in fills:
        if day < first_needed:
            continue
        by_member.setdefault(member, {}).setdefault(therapy[pid], []).append((day, second, pid, packs))
        member_fills.setdefault(member, []).append((day, second, pid))

    reminders = []      # (day, second, member, kind, pid or None, due day, reason, channel)
    for member in sorted(by_member):
        courses = []
        for key in sorted(by_member[member]):
            seq = by_member[member][key]
            run_out, runs = -10**6, []
            for day, _, pid, packs in seq:
                run_out = max(run_out, day) + packs * cat.days_supply[pid]
                runs.append(run_out)
            courses.append((seq, runs))
        synced = False
        for seq, runs in courses:
            for k, (fill_day, _, pid, _) in enumerate(seq):
                run_out = runs[k]
                next_day = seq[k + 1][0] if k + 1 < len(seq) else None
                product = names[pid]
                due = run_out - r.choice((2, 3, 3, 3, 4))
                if start <= due < days and (next_day is None or next_day > due) and r.random() < 0.85:
                    several = _active(courses, due) >= 2
                    second = r.uniform(OPEN_S + 600, OPEN_S + 3 * 3600)
                    reminders.append((due, second, member, "refill_due", pid, run_out,
                                      REASONS["refill_due"].format(product=product, run_out=tl.iso_date(run_out)),
                                      "phone" if several else "sms"))
                    if several and not synced and r.random() < 0.12:
                        others = [rs[bisect.bisect_right([f[0] for f in sq], due) - 1] for sq, rs in courses
                                  if sq is not seq and sq[0][0] <= due]
                        others = [x for x in others if x >= due - GRACE_DAYS and abs(x - run_out) > 3]
                        if others:
                            synced = True
                            pickup = max(others + [run_out])
                            reminders.append((due, min(second + r.uniform(60, 600), CLOSE_S - 60), member,
                                              "med_sync", None, pickup,
                                              REASONS["med_sync"].format(n=len(others) + 1,
                                                                         sync_day=tl.iso_date(pickup)), "phone"))
                late = run_out + GRACE_DAYS + r.choice((1, 1, 2, 3, 4))
                if start <= late < days and (next_day is None or next_day > late) and r.random() < 0.6:
                    reminders.append((late, r.uniform(OPEN_S + 600, OPEN_S + 3 * 3600), member, "overdue", pid,
                                      run_out, REASONS["overdue"].format(product=product, run_out=tl.iso_date(run_out),
                                                                         days_late=late - run_out), "phone"))
    if not reminders:
        return 0, 0
    reminders.sort(key=lambda x: (x[0], x[1], x[2]))
    stamps = _stamps(tl, [x[0] for x in reminders], [x[1] for x in reminders])

    kept = []
    for reminder, at in zip(reminders, stamps):
        if _consented(consents.get(reminder[2] + 1, ()), at):
            kept.append((reminder, at))

    outcomes = []       # (day, second, reminder id, outcome, channel)
    for reminder_id, ((day, second, member, kind, pid, due, reason, channel), at) in enumerate(kept, 1):
        rows.add("care_reminders", (reminder_id, member + 1, kind, None if pid is None else pid + 1,
                                    tl.iso_date(due), reason, channel, at, pharmacist))
        refill = _refill(member_fills.get(member, ()), day, second, pid)
        if channel == "phone":
            if r.random() < 0.9:
                call = min(second + r.uniform(300, 2 * 3600), CLOSE_S - 120)
                if refill is None or (day, call) < refill[:2]:
                    if refill is not None:
                        said = r.choices(("called", "no_answer"), (0.75, 0.25))[0]
                    else:
                        said = r.choices(("called", "no_answer", "declined"), (0.45, 0.35, 0.2))[0]
                    outcomes.append((day, call, reminder_id, said, "phone"))
                    retry = (day + 1, r.uniform(OPEN_S + 600, OPEN_S + 4 * 3600))
                    if said == "no_answer" and retry[0] < days and r.random() < 0.5 and \
                            (refill is None or retry < refill[:2]):
                        outcomes.append((*retry, reminder_id, r.choices(("called", "no_answer"), (0.7, 0.3))[0],
                                         "phone"))
            if refill is not None and r.random() < 0.8:
                outcomes.append((*_at_counter(refill, r), reminder_id, "refilled", "in_person"))
        elif refill is not None:
            if r.random() < 0.55:
                outcomes.append((*_at_counter(refill, r), reminder_id, "refilled", "in_person"))
        elif r.random() < 0.08:
            outcomes.append((day, min(second + r.uniform(600, 6 * 3600), CLOSE_S - 60), reminder_id, "declined",
                             "sms"))
    outcomes.sort(key=lambda x: (x[0], x[1], x[2]))
    for row, at in zip(outcomes, _stamps(tl, [o[0] for o in outcomes], [o[1] for o in outcomes])):
        rows.add("care_reminder_outcomes", (row[2], row[3], row[4], at, pharmacist))
    return len(kept), len(outcomes)


def _active(courses, day: int) -> int:
    """How many of a member's therapies are active on ``day`` (filled before, run-out not long past)."""
    count = 0
    for seq, runs in courses:
        k = bisect.bisect_right([f[0] for f in seq], day) - 1
        if k >= 0 and runs[k] >= day - ACTIVE_DAYS:
            count += 1
    return count


def _refill(fills, day: int, second: float, pid: int | None):
    """The member's first collection after the reminder (day, second) and within the conversion window:
    of product ``pid``, or of any maintenance product when ``pid`` is None; None when there is none."""
    k = bisect.bisect_right(fills, (day, second, 10**9))
    for fill in fills[k:]:
        if fill[0] > day + CONVERSION_DAYS:
            return None
        if pid is None or fill[2] == pid:
            return fill
    return None


def _at_counter(fill, r: random.Random) -> tuple[int, float]:
    """A moment just after the collection at the counter (still in opening hours)."""
    day, second = fill[0], fill[1]
    return day, second + min(r.uniform(20, 300), (CLOSE_S - second) / 2)


def _consented(history, at: str) -> bool:
    """As :func:`pharmadesk.core.privacy.consent_filter`: the latest care consent given up to ``at`` is a yes."""
    granted = None
    for when, yes in history:
        if when <= at:
            granted = yes
    return bool(granted)


def _stamps(tl: "Timeline", days: list[int], seconds: list[float]) -> list[str]:
    """UTC ISO-8601 strings for local (day, second-of-day) pairs, as Timeline.stamps writes them."""
    if not days:
        return []
    us = tl.midnight_us[np.asarray(days)] + (np.asarray(seconds, dtype=float) * 1_000_000).astype(np.int64)
    return [s + "+00:00" for s in np.datetime_as_string(us.astype("datetime64[us]"), unit="us")]
