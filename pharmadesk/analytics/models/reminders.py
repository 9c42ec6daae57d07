"""Care reminders: whom to call or text today, why, and how reminders convert into refills.

Pure functions over frames from :mod:`pharmadesk.analytics.frames` (``care_fills``, ``care_members``,
``member_visit_days``, ``care_products``, ``care_reminder_log``)::

    fills = frames.care_fills(store, as_of)
    todo = care_reminders(fills, frames.care_members(store, as_of), frames.member_visit_days(store, as_of),
                          frames.care_products(store), as_of)

Methods and parameters (every default is a keyword argument):

- **Per molecule (therapy)**: everything below is computed per member × *therapy*, not per product.
  The therapy key is the product's ``generic_name`` normalised (:func:`therapy_keys`: casefolded,
  whitespace collapsed), or ``"product:<id>"`` when the generic name is empty, so a member who
  switches from one brand to another of the same generic is one continuous therapy (not overdue on
  the first brand; both fills count towards PDC). ``generic_name`` carries no strength in the
  catalogue, so a dose change (5 mg -> 10 mg) continues the therapy too. Each status, PDC and sync
  row names a concrete ``product_id``: the product the member was dispensed last in that therapy.
- **Days of supply** of a dispensing = packs × ``products.days_supply`` (days per pack) of the
  product actually dispensed.
- **Run-out date**, carry-forward method: a fill starts on its date or, when the previous supply of
  the same therapy (any brand) has not run out yet, on the previous run-out date (the leftover is
  carried forward, early refills are not lost): ``start_i = max(date_i, run_out_{i-1})``,
  ``run_out_i = start_i + supply_i``. The run-out date is the first day without medicine (a 30-day
  fill on day 0 runs out on day 30), as in DOMAIN.md.
- **Status** on day ``as_of`` (today), per member × therapy, from the last run-out ``R``:
  ``refill_due`` when ``R - due_days <= as_of <= R + grace_days`` (``due_days`` = 3,
  ``grace_days`` = 7); ``overdue`` when ``R + grace_days < as_of <= R + max_overdue_days``
  (``max_overdue_days`` = 90); ``stopped`` after that (treated as discontinued: no refill reminder,
  the lapsed-member rule covers the person); else ``ok``.
- **Adherence, PDC** (proportion of days covered, Pharmacy Quality Alliance definition): over the
  window ``[as_of - pdc_window, as_of)`` (``pdc_window`` = 180 days), fills in the window only, the
  period runs from the first fill in the window (index date) to the window's end; overlapping
  supply is shifted forward (carry-forward) and clipped at the window's end; PDC = days covered /
  days in period, at most 1. Flag ``low_adherence`` when PDC < ``pdc_threshold`` (0.80) and the
  member had at least 2 fills in the window (PQA's denominator rule).
- **Medication synchronisation** (members with ≥ 2 active chronic therapies whose run-out dates are
  more than ``sync_tolerance`` = 3 days apart): cycle ``C`` = the most common days of supply per
  pack among the member's therapies (of the last product of each; ties: the shorter). Candidate sync
  days are the therapies' run-out dates; for sync day ``D`` each therapy ``p`` (its last product)
  gets one short fill at its own run-out of ``(D - R_p) mod C`` days, after which every therapy is
  refilled on the ``D + nC`` cycle; the sync (pickup) day is the first day all therapies are
  collected together, ``max_p(R_p + short_p)``. We choose the ``D`` minimising the total
  short-filled days (ties: the earliest), and report each short fill in days and in units
  (``ceil(days × pack_size / days_supply)``).
- **Lapsed member**: at least 3 visit days (2 intervals), and days since the last visit >
  ``max(lapse_floor, lapse_factor × median interval between visit days)`` (60 days, factor 3),
  and at most ``lapse_max_days`` = 365 (longer ago: gone, no reminder).
- **Birthdays** in the next ``birthday_days`` = 7 days (``as_of`` included); 29 February is
  celebrated on 28 February in other years.
- **Consent** (frames.care_members applies :func:`pharmadesk.core.privacy.consent_filter`): birthday
  greetings are marketing and go only to members with marketing consent; every other reminder is
  care and needs care consent.
- **Channel**: phone when the member has ≥ 2 active chronic therapies or the reminder is ``overdue``
  (and always for ``med_sync``); SMS otherwise; birthday greetings always SMS.
- **One reminder per member × therapy** (overdue beats refill_due beats low_adherence), and a
  reminder of the same member, kind and therapy (the logged product's therapy) issued within
  ``suppress_days`` = 7 days (the reminder log) is not repeated.
- **Conversion** (:func:`reminder_conversion`): a care reminder converts when the member buys any
  product of the reminded product's therapy (product kinds) or any maintenance product (med_sync, lapsed) within
  ``conversion_days`` = 7 days from the day it was issued (that day included), reported per month.

Reason and script texts are translatable templates (context ``"care"``) in :data:`REASONS` and
:data:`SCRIPTS`; the frame holds them as :class:`pharmadesk.wording.Text` (English as a ``str``), which the
care worklist renders in the member's language.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Callable

import numpy as np
import pandas as pd

from pharmadesk.wording import QT_TRANSLATE_NOOP, Joined, Text

Progress = Callable[[float, str], None] | None

PRODUCT_KINDS = ("refill_due", "overdue", "low_adherence")
KIND_PRIORITY = {"overdue": 1, "refill_due": 2, "med_sync": 3, "low_adherence": 4, "lapsed": 5, "birthday": 6}

#: The kinds in words (context "care", the same words the care worklist shows).
KIND_WORDS = {
    "refill_due": QT_TRANSLATE_NOOP("care", "refill due"), "overdue": QT_TRANSLATE_NOOP("care", "overdue"),
    "low_adherence": QT_TRANSLATE_NOOP("care", "low adherence"),
    "med_sync": QT_TRANSLATE_NOOP("care", "medication sync"), "lapsed": QT_TRANSLATE_NOOP("care", "lapsed"),
    "birthday": QT_TRANSLATE_NOOP("care", "birthday"),
}
REASONS = {
    "refill_due": QT_TRANSLATE_NOOP("care", "{product} runs out on {run_out}"),
    "overdue": QT_TRANSLATE_NOOP("care", "{product} ran out on {run_out}: {days_late} days without a refill"),
    "low_adherence": QT_TRANSLATE_NOOP("care", "{product}: {pdc_pct}% of days covered in the last {window} days (below {threshold_pct}%)"),
    "med_sync": QT_TRANSLATE_NOOP("care", "{n_products} chronic medicines run out on different days; one pickup day: {sync_day}"),
    "lapsed": QT_TRANSLATE_NOOP("care", "no visit for {days_since} days (usually every {usual} days)"),
    "birthday": QT_TRANSLATE_NOOP("care", "birthday on {birthday}"),
}
SCRIPTS = {
    "refill_due": QT_TRANSLATE_NOOP("care", "Hello {name}, this is {store}. Your {product} will run out on {run_out}. "
                                            "Shall we have your refill ready for you?"),
    "overdue": QT_TRANSLATE_NOOP("care", "Hello {name}, this is {store}. Our records show your {product} ran out on "
                                         "{run_out}. Is everything all right? We can have your refill ready today."),
    "low_adherence": QT_TRANSLATE_NOOP("care", "Hello {name}, this is {store}. We noticed some gaps between your "
                                               "{product} refills. Would a reminder before each refill help? The "
                                               "pharmacist is happy to talk it through."),
    "med_sync": QT_TRANSLATE_NOOP("care", "Hello {name}, this is {store}. We could line up your medicines so you "
                                          "collect them all on one day, starting {sync_day}. Would that be easier "
                                          "for you?"),
    "lapsed": QT_TRANSLATE_NOOP("care", "Hello {name}, this is {store}. We have not seen you for a while. "
                                        "Is there anything we can help you with?"),
    "birthday": QT_TRANSLATE_NOOP("care", "Happy birthday, {name}! Best wishes from everyone at {store}."),
}
DEFAULT_NAME = Text("care", QT_TRANSLATE_NOOP("care", "there"))
DEFAULT_STORE = Text("care", QT_TRANSLATE_NOOP("care", "your pharmacy"))


def _days(series: pd.Series) -> np.ndarray:
    """Dates (datetime64) as integer day numbers since 1970-01-01."""
    return series.to_numpy(dtype="datetime64[D]").astype(np.int64)


def _day(as_of: date) -> int:
    return (pd.Timestamp(as_of) - pd.Timestamp("1970-01-01")).days


def _to_date(days) -> pd.Series | np.ndarray:
    return np.asarray(days, dtype="int64").astype("datetime64[D]").astype("datetime64[s]")


def _iso(day: int) -> str:
    return (date(1970, 1, 1) + timedelta(days=int(day))).isoformat()


# -- therapy (molecule) keys --------------------------------------------------------------------------------

THERAPY_FALLBACK = "product:{}"


def therapy_keys(product_id, generic_name=None) -> np.ndarray:
    """The therapy key per row: ``generic_name`` casefolded with whitespace collapsed, or
    ``"product:<id>"`` when the generic name is missing or blank (object array, aligned with the input)."""
    ids = np.asarray(product_id).astype(np.int64)
    fallback = np.array([THERAPY_FALLBACK.format(i) for i in ids.tolist()], dtype=object)
    if generic_name is None:
        return fallback
    names = pd.Series(np.asarray(generic_name, dtype=object))
    norm = names.where(names.notna(), "").astype(str).str.split().str.join(" ").str.casefold().to_numpy(dtype=object)
    return np.where(norm == "", fallback, norm)


def with_therapy(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a ``therapy`` column: kept when present, else from ``generic_name`` (when present)
    and ``product_id`` via :func:`therapy_keys`, computed once per product."""
    if "therapy" in frame.columns:
        return frame
    frame = frame.copy()
    if not len(frame):
        frame["therapy"] = pd.Series(dtype=object)
        return frame
    if "generic_name" in frame.columns:
        per = frame[["product_id", "generic_name"]].drop_duplicates("product_id")
        keys = dict(zip(per["product_id"].tolist(), therapy_keys(per["product_id"], per["generic_name"]).tolist()))
        frame["therapy"] = frame["product_id"].map(keys).to_numpy(dtype=object)
    else:
        frame["therapy"] = therapy_keys(frame["product_id"])
    return frame


def _therapy_map(*frames: pd.DataFrame) -> dict:
    """product_id -> therapy over the given frames (later frames win)."""
    out: dict = {}
    for frame in frames:
        if frame is not None and len(frame) and "product_id" in frame.columns:
            part = with_therapy(frame)[["product_id", "therapy"]].drop_duplicates("product_id")
            out.update(zip(part["product_id"].astype("int64").tolist(), part["therapy"].tolist()))
    return out


def _therapy_of(product_ids, known: dict) -> list:
    """Therapies of (possibly missing) product ids; unknown products fall back to their own key."""
    return [None if pd.isna(p) else known.get(int(p), THERAPY_FALLBACK.format(int(p))) for p in product_ids]


# -- supply and status --------------------------------------------------------------------------------------

def supply_timeline(fills: pd.DataFrame) -> pd.DataFrame:
    """Each fill with its supply, shifted start and run-out date (carry-forward method, see module doc).

    ``fills`` needs ``member_id, product_id, date, packs, days_supply`` and optionally ``therapy`` or
    ``generic_name`` (see :func:`with_therapy`; without either each product is its own therapy).
    Returns the fills sorted by member, therapy, date (then sale) with ``therapy``, ``supply`` (days),
    ``start`` and ``run_out`` (datetime64) added; the carry-forward runs across the brands of a therapy.
    Vectorised: ``run_out_i = S_i + max_{j<=i}(date_j - S_{j-1})`` with ``S`` the running sum of supply.
    """
    order = ["member_id", "therapy", "date"] + (["sale_id"] if "sale_id" in fills.columns else [])
    frame = with_therapy(fills).sort_values(order, kind="stable").reset_index(drop=True)
    supply = (frame["packs"].to_numpy(dtype=np.int64) * frame["days_supply"].to_numpy(dtype=np.int64))
    group = frame.groupby(["member_id", "therapy"], sort=False).ngroup().to_numpy() if len(frame) else \
        np.zeros(0, dtype=np.int64)
    total = pd.Series(supply).groupby(group).cumsum().to_numpy()
    lead = pd.Series(_days(frame["date"]) - (total - supply))
    best = lead.groupby(group).cummax().to_numpy()
    run_out = total + best
    frame["supply"] = supply
    frame["start"] = _to_date(run_out - supply)
    frame["run_out"] = _to_date(run_out)
    return frame


def refill_status(fills: pd.DataFrame, as_of: date, *, due_days: int = 3, grace_days: int = 7,
                  max_overdue_days: int = 90, timeline: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per member × therapy on day ``as_of``: run-out date and status (see module doc).

    Columns: ``member_id, therapy, product_id`` (the product dispensed last in the therapy), ``fills,
    last_fill, run_out, due_from`` (run-out − due_days),
    ``overdue_from`` (first overdue day: run-out + grace_days + 1), ``days_left`` (run-out − as_of),
    ``status`` (ok / refill_due / overdue / stopped), ``pack_size, days_supply`` (of the last product).
    """
    timeline = supply_timeline(fills) if timeline is None else timeline
    groups = timeline.groupby(["member_id", "therapy"], sort=True)
    last = groups.tail(1).set_index(["member_id", "therapy"])
    out = pd.DataFrame({
        "product_id": last["product_id"],
        "fills": groups.size(),
        "last_fill": last["date"],
        "run_out": last["run_out"],
        "pack_size": last["pack_size"] if "pack_size" in last else 1,
        "days_supply": last["days_supply"],
    }).reset_index()
    today = _day(as_of)
    run_out = _days(out["run_out"])
    out["due_from"] = _to_date(run_out - due_days)
    out["overdue_from"] = _to_date(run_out + grace_days + 1)
    out["days_left"] = run_out - today
    status = np.select(
        [today < run_out - due_days, today <= run_out + grace_days, today <= run_out + max_overdue_days],
        ["ok", "refill_due", "overdue"], "stopped")
    out["status"] = status
    return out[["member_id", "therapy", "product_id", "fills", "last_fill", "run_out", "due_from", "overdue_from",
                "days_left", "status", "pack_size", "days_supply"]]


def adherence(fills: pd.DataFrame, as_of: date, *, window_days: int = 180, threshold: float = 0.80) -> pd.DataFrame:
    """PDC per member × therapy over ``[as_of - window_days, as_of)`` (PQA method, see module doc): the
    fills of every brand of the therapy count, overlaps shifted forward across brands.

    Columns: ``member_id, therapy, product_id`` (the last product dispensed in the window),
    ``fills_in_window, period_start, days_in_period, days_covered, pdc, low`` (PDC < threshold with
    ≥ 2 fills in the window).
    """
    today = _day(as_of)
    start = today - window_days
    day = _days(fills["date"])
    inside = fills[(day >= start) & (day < today)]
    columns = ["member_id", "therapy", "product_id", "fills_in_window", "period_start", "days_in_period",
               "days_covered", "pdc", "low"]
    if inside.empty:
        return pd.DataFrame(columns=columns)
    timeline = supply_timeline(inside)
    begin = _days(timeline["start"])
    end = np.minimum(_days(timeline["run_out"]), today)
    timeline["covered"] = np.maximum(0, end - begin)
    groups = timeline.groupby(["member_id", "therapy"], sort=True)
    out = pd.DataFrame({
        "product_id": groups["product_id"].last(),
        "fills_in_window": groups.size(),
        "first": groups["date"].min(),
        "days_covered": groups["covered"].sum(),
    }).reset_index()
    out["period_start"] = out.pop("first")
    out["days_in_period"] = today - _days(out["period_start"])
    out["pdc"] = np.minimum(1.0, out["days_covered"] / out["days_in_period"])
    out["low"] = (out["pdc"] < threshold) & (out["fills_in_window"] >= 2)
    return out[columns]


def run_out_accuracy(fills: pd.DataFrame) -> pd.DataFrame:
    """How well the run-out date predicts the next refill: for every fill followed by another fill of the
    same therapy (any brand), ``error = next fill date - run-out date`` in days (negative: came early).

    Returns one row: ``pairs, median_error, mean_abs_error, within_3_days, within_7_days, refilled_before_due``
    (share of next fills on or before run-out + 7 days, i.e. before the overdue threshold).
    """
    timeline = supply_timeline(fills)
    same = (timeline["member_id"].shift(-1) == timeline["member_id"]) & \
           (timeline["therapy"].shift(-1) == timeline["therapy"])
    nxt = _days(timeline["date"].shift(-1).fillna(timeline["date"]))
    error = (nxt - _days(timeline["run_out"]))[same.to_numpy()]
    if error.size == 0:
        return pd.DataFrame([{"pairs": 0}])
    return pd.DataFrame([{
        "pairs": int(error.size), "median_error": float(np.median(error)),
        "mean_abs_error": float(np.mean(np.abs(error))),
        "within_3_days": float(np.mean(np.abs(error) <= 3)), "within_7_days": float(np.mean(np.abs(error) <= 7)),
        "refilled_before_due": float(np.mean(error <= 7)),
    }])


# -- medication synchronisation ------------------------------------------------------------------------------

def med_sync_plan(status: pd.DataFrame, as_of: date, *, tolerance_days: int = 3) -> pd.DataFrame:
    """One pickup day for members with several active chronic therapies (method in the module doc).

    ``status`` is :func:`refill_status` output (one row per member × therapy); therapies with status
    ``stopped`` are ignored and an overdue therapy counts as running out today. Returns one row per
    member × therapy: ``member_id, sync_day`` (first day all therapies are collected together),
    ``anchor_product_id, cycle_days, therapy, product_id`` (the therapy's last product, the one to
    short-fill), ``run_out, short_fill_days, short_fill_units``.
    """
    columns = ["member_id", "sync_day", "anchor_product_id", "cycle_days", "therapy", "product_id", "run_out",
               "short_fill_days", "short_fill_units"]
    if "therapy" not in status.columns:
        status = status.assign(therapy=therapy_keys(status["product_id"]))
    active = status[status["status"] != "stopped"]
    counts = active.groupby("member_id")["therapy"].transform("size")
    active = active[counts >= 2]
    today = _day(as_of)
    rows = []
    for member_id, group in active.groupby("member_id", sort=True):
        run_out = np.maximum(_days(group["run_out"]), today)
        if run_out.max() - run_out.min() <= tolerance_days:
            continue
        supplies = group["days_supply"].to_numpy(dtype=np.int64)
        values, freq = np.unique(supplies, return_counts=True)
        cycle = int(values[np.argmax(freq)])          # np.unique sorts: ties go to the shorter cycle
        best = None
        for candidate in sorted(set(run_out.tolist())):
            cost = int(np.sum((candidate - run_out) % cycle))
            if best is None or cost < best[0]:
                best = (cost, candidate)
        anchor_day = best[1]
        short = (anchor_day - run_out) % cycle
        sync_day = int((run_out + short).max())       # every product is on the D + nC cycle from here on
        anchor = int(group["product_id"].to_numpy()[int(np.argmax(run_out == anchor_day))])
        packs = group["pack_size"].to_numpy(dtype=np.int64)
        for therapy, pid, ro, days, pack, supply in zip(group["therapy"], group["product_id"], run_out, short, packs,
                                                         supplies):
            rows.append((int(member_id), sync_day, anchor, cycle, therapy, int(pid), int(ro), int(days),
                         int(math.ceil(days * pack / supply))))
    out = pd.DataFrame(rows, columns=columns)
    for column in ("sync_day", "run_out"):
        out[column] = _to_date(out[column].to_numpy(dtype=np.int64)) if len(out) else pd.Series(dtype="datetime64[s]")
    return out


# -- lapsed members and birthdays ----------------------------------------------------------------------------

def lapsed_members(visits: pd.DataFrame, as_of: date, *, floor_days: int = 60, factor: float = 3.0,
                   max_days: int = 365, min_visits: int = 3) -> pd.DataFrame:
    """Members whose days since the last visit exceed ``max(floor_days, factor × median interval)``.

    ``visits``: distinct ``member_id, date`` (visit days) before ``as_of``. Returns ``member_id,
    visits, last_visit, usual_interval, threshold, days_since`` for the lapsed members only.
    """
    frame = visits.sort_values(["member_id", "date"], kind="stable")
    day = pd.Series(_days(frame["date"]), index=frame.index)
    gap = day.groupby(frame["member_id"]).diff()
    per = pd.DataFrame({"visits": frame.groupby("member_id").size(),
                        "last": day.groupby(frame["member_id"]).max(),
                        "usual_interval": gap.groupby(frame["member_id"]).median()}).reset_index()
    per = per[per["visits"] >= min_visits].copy()
    per["threshold"] = np.maximum(floor_days, factor * per["usual_interval"])
    per["days_since"] = _day(as_of) - per["last"]
    out = per[(per["days_since"] > per["threshold"]) & (per["days_since"] <= max_days)].copy()
    out["last_visit"] = _to_date(out.pop("last").to_numpy(dtype=np.int64))
    return out[["member_id", "visits", "last_visit", "usual_interval", "threshold", "days_since"]].reset_index(
        drop=True)


def upcoming_birthdays(members: pd.DataFrame, as_of: date, *, days: int = 7) -> pd.DataFrame:
    """Members whose birthday falls in ``[as_of, as_of + days)``: ``member_id, birthday, age``."""
    rows = []
    for member_id, birth in zip(members["member_id"], members["birth_date"]):
        if pd.isna(birth):
            continue
        for year in (as_of.year, as_of.year + 1):
            try:
                day = date(year, birth.month, birth.day)
            except ValueError:                  # 29 February in a common year
                day = date(year, 2, 28)
            if 0 <= (day - as_of).days < days:
                rows.append((int(member_id), pd.Timestamp(day), year - birth.year))
                break
    return pd.DataFrame(rows, columns=["member_id", "birthday", "age"])


# -- the reminder list ----------------------------------------------------------------------------------------

REMINDER_COLUMNS = ["member_id", "kind", "product_id", "product", "due_date", "reason", "channel", "script",
                    "pdc", "priority", "therapy"]


def care_reminders(fills: pd.DataFrame, members: pd.DataFrame, visits: pd.DataFrame, products: pd.DataFrame,
                   as_of: date, *, due_days: int = 3, grace_days: int = 7, max_overdue_days: int = 90,
                   pdc_window: int = 180, pdc_threshold: float = 0.80, sync_tolerance: int = 3,
                   lapse_floor: int = 60, lapse_factor: float = 3.0, lapse_max_days: int = 365,
                   birthday_days: int = 7, reminder_log: pd.DataFrame | None = None, suppress_days: int = 7,
                   store_name: str = DEFAULT_STORE, progress: Progress = None) -> pd.DataFrame:
    """Today's reminders (``as_of``), most urgent first, with reason, channel and call script.

    Inputs: ``fills`` (frames.care_fills), ``members`` (frames.care_members: consents, name,
    birth date; members with neither consent absent), ``visits`` (frames.member_visit_days),
    ``products`` (frames.care_products: ``product_id, name`` and optionally ``generic_name`` or
    ``therapy``), optionally ``reminder_log`` (frames.care_reminder_log) to avoid repeating a reminder
    within ``suppress_days``. Methods and defaults: module docstring. One product reminder per
    member × therapy. Columns: ``member_id, kind, product_id`` (Int64: the product dispensed last in
    the therapy), ``product``, ``due_date, reason, channel, script, pdc`` (float, product kinds),
    ``priority`` (1 = most urgent), ``therapy`` (product kinds; None otherwise).
    :func:`reminder_notes` counts the reminders per kind (no personal data).
    """
    step = progress or (lambda fraction, label: None)
    today = _day(as_of)
    care_ids = set(members.loc[members["care"], "member_id"].tolist())
    marketing_ids = set(members.loc[members["marketing"], "member_id"].tolist())
    names = dict(zip(members["member_id"], members["name"]))
    product_names = dict(zip(products["product_id"], products["name"]))

    step(0.1, "run-out dates")
    fills = with_therapy(fills)
    timeline = supply_timeline(fills)
    status = refill_status(fills, as_of, due_days=due_days, grace_days=grace_days,
                           max_overdue_days=max_overdue_days, timeline=timeline)
    step(0.4, "adherence")
    pdc = adherence(fills, as_of, window_days=pdc_window, threshold=pdc_threshold)
    status = status.merge(pdc[["member_id", "therapy", "pdc", "low"]], on=["member_id", "therapy"], how="left")
    status["low"] = status["low"].fillna(False).astype(bool)
    active = status[status["status"] != "stopped"]
    chronic_count = active.groupby("member_id").size()
    step(0.6, "medication synchronisation")
    sync = med_sync_plan(status, as_of, tolerance_days=sync_tolerance)
    step(0.7, "lapsed members and birthdays")
    lapsed = lapsed_members(visits, as_of, floor_days=lapse_floor, factor=lapse_factor, max_days=lapse_max_days)
    birthdays = upcoming_birthdays(members[members["marketing"]], as_of, days=birthday_days)

    rows: list[dict] = []

    def add(member_id, kind, due_day, fields, product_id=None, pdc_value=None, therapy=None):
        name = names.get(member_id)
        fields = {"store": store_name or DEFAULT_STORE, "name": name if isinstance(name, str) and name else
                  DEFAULT_NAME, **fields}
        several = chronic_count.get(member_id, 0) >= 2
        channel = "sms" if kind == "birthday" else (
            "phone" if several or kind in ("overdue", "med_sync") else "sms")
        rows.append({"member_id": member_id, "kind": kind, "product_id": product_id,
                     "product": fields.get("product"), "due_date": _iso(due_day),
                     "reason": Text("care", REASONS[kind], **fields), "channel": channel,
                     "script": Text("care", SCRIPTS[kind], **fields), "pdc": pdc_value, "priority": KIND_PRIORITY[kind],
                     "therapy": therapy})

    candidates = status[status["member_id"].isin(care_ids) & (
        status["status"].isin(["refill_due", "overdue"]) | ((status["status"] == "ok") & status["low"]))]
    for row in candidates.itertuples(index=False):
        run_out = int(_days(pd.Series([row.run_out]))[0])
        kind = row.status if row.status in ("refill_due", "overdue") else "low_adherence"
        pdc_value = None if pd.isna(row.pdc) else float(row.pdc)
        product = product_names.get(row.product_id, f"product {row.product_id}")
        fields = {"product": product, "run_out": _iso(run_out), "days_late": today - run_out,
                  "pdc_pct": 0 if pdc_value is None else int(round(pdc_value * 100)), "window": pdc_window,
                  "threshold_pct": int(round(pdc_threshold * 100))}
        add(int(row.member_id), kind, run_out if kind != "low_adherence" else today, fields,
            int(row.product_id), pdc_value, row.therapy)
    if len(sync):
        for member_id, group in sync.groupby("member_id", sort=True):
            if member_id not in care_ids:
                continue
            sync_day = int(_days(group["sync_day"])[0])
            add(int(member_id), "med_sync", sync_day, {"n_products": len(group), "sync_day": _iso(sync_day)})
    for row in lapsed.itertuples(index=False):
        if row.member_id in care_ids:
            add(int(row.member_id), "lapsed", today, {"days_since": int(row.days_since),
                                                      "usual": int(round(row.usual_interval))})
    for row in birthdays.itertuples(index=False):
        if row.member_id in marketing_ids:
            day = int(_days(pd.Series([row.birthday]))[0])
            add(int(row.member_id), "birthday", day, {"birthday": _iso(day)})

    step(0.9, "reminder list")
    out = pd.DataFrame(rows, columns=REMINDER_COLUMNS)
    for column in ("reason", "script"):     # kept as Text objects: pandas' string dtype would drop the template
        out[column] = pd.Series([row[column] for row in rows], dtype=object, index=out.index)
    out["product_id"] = out["product_id"].astype("Int64")
    out["pdc"] = out["pdc"].astype(float)
    if reminder_log is not None and len(reminder_log) and len(out):
        recent = reminder_log[_days(reminder_log["created"]) > today - suppress_days - 1]
        known = _therapy_map(products, fills)          # a logged product's therapy (else its own key)
        keys = set(zip(recent["member_id"], recent["kind"], _therapy_of(recent["product_id"], known)))
        mask = [(m, k, t) not in keys for m, k, t in zip(out["member_id"], out["kind"], out["therapy"])]
        out = out[mask]
    out = out.sort_values(["priority", "due_date", "member_id", "product_id"], kind="stable").reset_index(drop=True)
    step(1.0, "done")
    return out


def reminder_notes(reminders: pd.DataFrame, as_of: date, *, due_days: int = 3, grace_days: int = 7,
                   pdc_window: int = 180, pdc_threshold: float = 0.80, lapse_floor: int = 60,
                   lapse_factor: float = 3.0) -> list[Text]:
    """The lines printed under :func:`care_reminders`' frame (translatable): reminders per kind and the rules
    (no personal data). Kinds are translated in context ``"care"``."""
    counts = reminders["kind"].value_counts()
    kinds = [Text("analytics", QT_TRANSLATE_NOOP("analytics", "{kind}: {count}"), kind=Text("care", KIND_WORDS[kind]),
                  count=int(counts[kind])) for kind in KIND_PRIORITY if kind in counts]
    listed = (Joined("analytics", kinds, QT_TRANSLATE_NOOP("analytics", ", ")) if kinds
              else Text("analytics", QT_TRANSLATE_NOOP("analytics", "none")))
    return [
        Text("analytics", QT_TRANSLATE_NOOP("analytics", "Reminders on {date}: {kinds}"), date=as_of.isoformat(),
             kinds=listed),
        Text("analytics", QT_TRANSLATE_NOOP(
            "analytics", "Rules: a refill is due {due} days before the medicine runs out and overdue {grace} days "
                         "after; adherence (PDC) is measured over {window} days and flagged below {threshold:.0%}; a "
                         "member has lapsed after {floor} days or {factor:g} times their usual interval, whichever "
                         "is longer; call when they take 2 or more chronic medicines or are overdue, else send a "
                         "message."),
             due=due_days, grace=grace_days, window=pdc_window, threshold=pdc_threshold, floor=lapse_floor,
             factor=lapse_factor),
    ]


# -- conversion ---------------------------------------------------------------------------------------------

def reminder_conversion(reminder_log: pd.DataFrame, fills: pd.DataFrame, *, conversion_days: int = 7,
                        freq: str = "M", progress: Progress = None) -> pd.DataFrame:
    """Reminder conversion per period: care reminders followed by a refill within ``conversion_days``.

    ``reminder_log``: frames.care_reminder_log; ``fills``: frames.care_fills (which must reach
    ``conversion_days`` past the last reminder for the last period to be complete). A product
    reminder converts when the member buys any product of that product's therapy (see the module
    doc; the therapies come from ``fills``' ``therapy`` or ``generic_name``), a med_sync or lapsed reminder when the
    member buys any maintenance product, on days ``[created, created + conversion_days]``. Birthday
    greetings (marketing) are left out. Columns: ``period`` (start of the month), ``issued,
    converted, conversion`` (share), and the latest outcome counts ``called, no_answer, refilled,
    declined, no_outcome``; a last row ``period = NaT`` totals all periods.
    """
    care = reminder_log[reminder_log["kind"] != "birthday"].copy()
    outcome_columns = ["called", "no_answer", "refilled", "declined", "no_outcome"]
    columns = ["period", "issued", "converted", "conversion", *outcome_columns]
    if care.empty:
        return pd.DataFrame(columns=columns)
    created = _days(care["created"])
    care["_created"] = created
    fills = with_therapy(fills)
    care["_therapy"] = _therapy_of(care["product_id"], _therapy_map(fills))
    pairs = care[["reminder_id", "member_id", "_therapy", "kind", "_created"]].merge(
        pd.DataFrame({"member_id": fills["member_id"].to_numpy(), "fill_therapy": fills["therapy"].to_numpy(),
                      "_fill": _days(fills["date"])}), on="member_id", how="inner")
    in_time = (pairs["_fill"] >= pairs["_created"]) & (pairs["_fill"] <= pairs["_created"] + conversion_days)
    product_kind = pairs["kind"].isin(PRODUCT_KINDS)
    same_therapy = pairs["fill_therapy"] == pairs["_therapy"]
    hit = in_time & (~product_kind | same_therapy)
    converted = set(pairs.loc[hit.to_numpy(dtype=bool), "reminder_id"].tolist())
    care["converted"] = care["reminder_id"].isin(converted)
    care["period"] = care["created"].dt.to_period(freq).dt.start_time
    care["latest_outcome"] = care["latest_outcome"].fillna("no_outcome")

    def summarise(group: pd.DataFrame) -> dict:
        counts = group["latest_outcome"].value_counts()
        issued = len(group)
        return {"issued": issued, "converted": int(group["converted"].sum()),
                "conversion": float(group["converted"].mean()) if issued else float("nan"),
                **{c: int(counts.get(c, 0)) for c in outcome_columns}}

    rows = [{"period": period, **summarise(group)} for period, group in care.groupby("period", sort=True)]
    rows.append({"period": pd.NaT, **summarise(care)})
    if progress:
        progress(1.0, "conversion")
    return pd.DataFrame(rows, columns=columns)
