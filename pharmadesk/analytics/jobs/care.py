"""Jobs over the care records: today's reminders (the care worklist), refill status with adherence,
medication-synchronisation plans and reminder conversion. Consent is the loaders' rule
(:func:`pharmadesk.analytics.frames.care_members`); notes never hold personal data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from pharmadesk.analytics import frames
from pharmadesk.analytics.models import reminders
from pharmadesk.analytics.result import Cancel, Progress, Result, Steps
from pharmadesk.core.members import mask_phone
from pharmadesk.core.permissions import Action


@dataclass(frozen=True)
class ReminderParams:
    """A refill is due ``due_days`` before run-out and overdue ``grace_days`` after it; adherence (PDC) is
    measured over ``pdc_window`` days."""

    due_days: int = 3
    grace_days: int = 7
    pdc_window: int = 180


@dataclass(frozen=True, kw_only=True)
class RemindersResult(Result):
    """``frame``: today's reminders, most urgent first, with reason, channel and script; ``member_names``:
    the name of each member listed (for the worklist, never for notes); ``contacts``: per member listed,
    ``phone`` (masked for a role that may not see it in full, as :meth:`Store.members.get` masks it),
    ``language`` (the member's, else the store's) and the consents ``care`` and ``marketing``; ``conversion``: reminders issued and
    refilled within 7 days, per month and in total."""

    member_names: dict
    conversion: pd.DataFrame
    contacts: dict = field(default_factory=dict)


def run_reminders(store, as_of: date, params: ReminderParams = ReminderParams(), progress: Progress = None,
                  cancel: Cancel = None) -> RemindersResult:
    """Care reminders: refills due and overdue, low adherence, medication sync, lapsed members, birthdays
    (:func:`~pharmadesk.analytics.models.reminders.care_reminders`), and the conversion of those issued."""
    steps = Steps(progress, cancel)
    steps(0.05, "dispensings")
    fills = frames.care_fills(store, as_of)
    members = frames.care_members(store, as_of)
    log = frames.care_reminder_log(store, as_of)
    steps(0.3, "reminders")
    frame = reminders.care_reminders(
        fills, members, frames.member_visit_days(store, as_of), frames.care_products(store), as_of,
        due_days=params.due_days, grace_days=params.grace_days, pdc_window=params.pdc_window, reminder_log=log,
        store_name=store.settings.store_name, progress=steps.part(0.3, 0.9))
    notes = tuple(reminders.reminder_notes(frame, as_of, due_days=params.due_days, grace_days=params.grace_days,
                                           pdc_window=params.pdc_window))
    if fills.empty:     # say what is missing rather than only "none"
        notes += (f"No member bought a maintenance product (one with days of supply) before {as_of.isoformat()}: "
                  "refill reminders start from such sales, at this till or imported (pharmadesk import sales).",)
    listed = set(frame["member_id"])
    names = {int(m): n for m, n in zip(members["member_id"], members["name"]) if m in listed}
    contacts = member_contacts(store, members[members["member_id"].isin(listed)])
    conversion = reminders.reminder_conversion(log, fills)
    steps(1.0, "done")
    return RemindersResult(frame=frame, params=params, notes=notes, member_names=names,
                           conversion=conversion, contacts=contacts)


def member_contacts(store, members: pd.DataFrame) -> dict[int, dict]:
    """``{member_id: {phone, language, care, marketing}}`` from :func:`frames.care_members` rows: the phone
    masked unless the role may see members in full, the language defaulting to the store's."""
    full = store.may(Action.VIEW_MEMBER_FULL)
    store_language = store.settings.language
    return {int(r["member_id"]): {"phone": r["phone"] if full else mask_phone(r["phone"]),
                                  "language": r["language"] or store_language,
                                  "care": bool(r["care"]), "marketing": bool(r["marketing"])}
            for r in members.to_dict("records")}


def _fills_and_status(store, as_of: date, params: ReminderParams, steps: Steps):
    """The dispensings before ``as_of`` and each member × therapy's refill status."""
    steps(0.05, "dispensings")
    fills = frames.care_fills(store, as_of)
    steps(0.5, "status")
    return fills, reminders.refill_status(fills, as_of, due_days=params.due_days, grace_days=params.grace_days)


def run_refill_status(store, as_of: date, params: ReminderParams = ReminderParams(), progress: Progress = None,
                      cancel: Cancel = None) -> Result:
    """Run-out date, status and PDC per member × maintenance therapy."""
    steps = Steps(progress, cancel)
    fills, status = _fills_and_status(store, as_of, params, steps)
    pdc = reminders.adherence(fills, as_of, window_days=params.pdc_window)
    steps(1.0, "done")
    return Result(frame=status.merge(pdc.drop(columns="product_id"), on=["member_id", "therapy"], how="left"),
                  params=params)


def run_med_sync(store, as_of: date, params: ReminderParams = ReminderParams(), progress: Progress = None,
                 cancel: Cancel = None) -> Result:
    """Medication-synchronisation plans: one pickup day for members with several chronic therapies."""
    steps = Steps(progress, cancel)
    _fills, status = _fills_and_status(store, as_of, params, steps)
    steps(1.0, "done")
    return Result(frame=reminders.med_sync_plan(status, as_of), params=params)


def run_reminder_conversion(store, as_of: date, params: ReminderParams = ReminderParams(), progress: Progress = None,
                            cancel: Cancel = None) -> Result:
    """Reminders issued and refilled within 7 days, per month and in total."""
    steps = Steps(progress, cancel)
    steps(0.05, "dispensings")
    frame = reminders.reminder_conversion(frames.care_reminder_log(store, as_of), frames.care_fills(store, as_of))
    steps(1.0, "done")
    return Result(frame=frame, params=params)

