"""The ``pharmadesk analytics NAME`` commands: a small registry shared by every analysis.

    pharmadesk analytics segments --store DIR [--as-of YYYY-MM-DD] [--format table|csv|json] [--k 5]
    pharmadesk analytics kpis --store DIR --start 2026-10-01 --end 2026-11-01

Each analysis registers one entry: a name, a one-line help, a function ``run(store, args) -> Result``
and (optionally) a function that adds its own argparse arguments. The registry adds the common
arguments (``--store``, ``--user``, ``--as-of``, ``--format``, ``--out``), opens the store, logs in
(password from ``$PHARMADESK_PASSWORD`` or a prompt, like every command) and prints the result.

``run`` only turns the arguments into the job's parameters, calls the job of
:mod:`pharmadesk.analytics.jobs` (the owner's pages call the same one) and picks the view to print (import
the jobs inside the function, so ``pharmadesk --help`` stays fast)::

    def _reorder_arguments(p):
        p.add_argument("--service-level", type=float, default=0.95)

    @register("reorder", "reorder suggestions per product", _reorder_arguments)
    def _reorder(store, args):
        from pharmadesk.analytics import jobs
        return jobs.run_reorder(store, args.as_of, jobs.ReorderParams(args.service_level), args.progress)

The result's ``notes`` (short lines, e.g. the segments' stability figure; never personal data) are
printed under the table format, and to stderr with csv and json so the data stays machine-readable.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from pharmadesk.paths import make_private
from pharmadesk.io.safe_cells import neutralise
from pharmadesk.cli.options import FORMATS, add_as_of, add_format, add_store, add_user, iso_date, open_store, progress

if TYPE_CHECKING:
    import pandas as pd

    from pharmadesk.analytics.result import Result
    from pharmadesk.core.store import Store



@dataclass(frozen=True)
class AnalyticsCommand:
    name: str
    help: str
    run: Callable[["Store", argparse.Namespace], "Result"]
    arguments: Callable[[argparse.ArgumentParser], None] | None = None
    minor: frozenset[str] = frozenset()       # columns holding money in minor units (see cli/display.py)


REGISTRY: dict[str, AnalyticsCommand] = {}


def register(name: str, help: str, arguments: Callable[[argparse.ArgumentParser], None] | None = None,
             minor: Iterable[str] = ()):
    """Decorator: register ``run(store, args) -> Result`` as ``pharmadesk analytics NAME``; ``minor`` names
    the result's columns that hold money in minor units (shown in currency units, ``_minor`` in JSON)."""
    def decorate(run):
        if name in REGISTRY:
            raise ValueError(f"analytics command {name!r} is registered twice")
        REGISTRY[name] = AnalyticsCommand(name, help, run, arguments, frozenset(minor))
        return run
    return decorate


# -- common arguments and output ----------------------------------------------------------------------------

def add_commands(sub) -> argparse.ArgumentParser:
    """Add ``analytics`` and one sub-command per registered analysis to the ``pharmadesk`` parser."""
    p = sub.add_parser("analytics", help="segments, KPIs and the other analyses (owner only)")
    analytics_sub = p.add_subparsers(dest="analytics_command", required=True, metavar="NAME")
    for command in sorted(REGISTRY.values(), key=lambda c: c.name):
        # argparse %-formats help strings: a literal "%" (as in "95 % CI") must not break --help
        a = analytics_sub.add_parser(command.name, help=command.help.replace("%", "%%"), description=command.help)
        add_store(a)
        add_user(a)
        add_as_of(a)
        add_format(a)
        a.add_argument("--out", default=None, help="write the output to this file instead of the screen")
        a.add_argument("--limit", type=int, default=None, help="table format: show at most this many rows")
        if command.arguments:
            command.arguments(a)
        a.set_defaults(func=run_command, analytics=command)
    return p


def _jsonable(value):
    import pandas as pd
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if value is pd.NaT:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def format_frame(frame: pd.DataFrame, fmt: str = "table", limit: int | None = None, notes: tuple[str, ...] = (),
                 minor: Iterable[str] = ()) -> str:
    """The frame as text: an aligned table (with ``notes`` below), CSV, or JSON (a list of records). Money
    columns in minor units (``minor``) show in currency units, or as ``<name>_minor`` in JSON; timestamps in
    local time to the minute (:mod:`pharmadesk.cli.display`)."""
    import pandas as pd

    from pharmadesk.cli.display import for_people, for_programs
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    minor = tuple(minor)
    if fmt == "json":
        frame = for_programs(frame, minor)
    else:
        frame = for_people(frame, minor)
        if fmt == "table":
            for column in minor:
                if column in frame.columns:
                    frame[column] = frame[column].map(lambda v: "" if pd.isna(v) else f"{v:,.2f}")
    if fmt == "csv":
        buffer = io.StringIO()
        safe = frame.copy()         # text that looks like a formula is written as text (io/safe_cells.py)
        for position, column in enumerate(frame.columns):
            values = frame.iloc[:, position]
            if values.dtype == object or pd.api.types.is_string_dtype(values):
                safe.isetitem(position, values.map(neutralise))
        safe.columns = [neutralise(column) for column in frame.columns]
        safe.to_csv(buffer, index=False, lineterminator="\n")
        return buffer.getvalue()
    if fmt == "json":
        records = [{str(k): _jsonable(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    shown = frame if limit is None else frame.head(limit)
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                           "display.float_format", "{:,.3f}".format):
        text = shown.to_string(index=False) if len(shown) else "(no rows)"
    if limit is not None and len(frame) > limit:
        text += f"\n... {len(frame) - limit} more row(s)"
    if notes:
        text += "\n\n" + "\n".join(notes)
    return text + "\n"


def run_command(args) -> int:
    """Open the store, log in, run the analysis and print (or write) its result."""
    from pharmadesk.errors import AnalyticsError

    command: AnalyticsCommand = args.analytics
    store = open_store(args, login=True)
    try:
        if args.as_of is None:
            args.as_of = store.today()
        args.progress = progress if sys.stderr.isatty() else None
        try:
            result = command.run(store, args)
        except AnalyticsError as exc:   # the data cannot answer as asked (e.g. --k larger than the members)
            raise SystemExit(f"pharmadesk analytics {command.name}: {exc}") from None
        language = store.settings.language
    finally:
        store.close()
    notes = in_language(result.notes, language)
    if args.progress:
        print(file=sys.stderr)
    text = format_frame(result.frame, args.format, args.limit, notes, command.minor)
    if args.format != "table":
        for note in notes:
            print(note, file=sys.stderr)
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        make_private(args.out)
        print(f"Wrote {len(result.frame)} row(s) to {args.out}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def in_language(texts, language: str) -> tuple[str, ...]:
    """Notes (translatable :class:`~pharmadesk.wording.Text`) in the store's language, as the pages show them."""
    from pharmadesk.i18n import translate_in
    from pharmadesk.wording import render

    translate = translate_in(language)
    return tuple(render(text, translate) for text in texts)


def _view(result: Result, frame: pd.DataFrame) -> Result:
    """``result`` showing another of its tables (same parameters and notes)."""
    from pharmadesk.analytics.result import Result

    return Result(frame=frame, params=result.params, notes=result.notes)


# -- segments -----------------------------------------------------------------------------------------------

def _segments_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--k", type=int, default=None, help="number of segments (default: chosen by silhouette, 3..8)")
    p.add_argument("--view", choices=("summary", "members"), default="summary",
                   help="summary: one row per segment (default); members: each member's segment and RFM score")
    p.add_argument("--resamples", type=int, default=5, help="bootstrap resamples for the stability figure")


@register("segments", "member segments (RFM + tenure + category mix, k-means) with a summary per segment",
          _segments_arguments)
def _segments(store, args) -> Result:
    from pharmadesk.analytics import jobs

    result = jobs.run_segments(store, args.as_of, jobs.SegmentParams(k=args.k, resamples=args.resamples),
                               args.progress)
    return result if args.view == "summary" else _view(result, result.members)


# -- KPIs ---------------------------------------------------------------------------------------------------

def _kpis_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--start", type=iso_date, default=None,
                   help="first day of the period (default: 30 days before --end)")
    p.add_argument("--end", type=iso_date, default=None,
                   help="day after the period's last day (default: --as-of, i.e. today)")


@register("kpis", "the owner's numbers for a period, with the previous period of equal length", _kpis_arguments)
def _kpis(store, args) -> Result:
    from pharmadesk.analytics import jobs

    return jobs.run_kpis(store, args.as_of, jobs.KpiParams(start=args.start, end=args.end), args.progress)


# -- member value (BG/NBD + Gamma-Gamma) ------------------------------------------------------------------------

def _value_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--view", choices=("members", "model", "backtest"), default="members",
                   help="members: P(alive), expected purchases/spend and CLV per member, highest CLV first "
                        "(default); model: the fitted parameters; backtest: fit 90 days before --as-of and "
                        "compare with what members really bought since")
    p.add_argument("--horizon-days", type=int, default=90, help="days ahead for expected purchases and spend")


@register("value", "member value and churn: P(alive), expected 90-day purchases and spend, 12-month CLV",
          _value_arguments, minor=("monetary_value", "expected_spend_per_purchase", "expected_spend", "clv",
                                   "predicted_spend", "actual_spend"))
def _value(store, args) -> Result:
    from pharmadesk.analytics import jobs

    if args.view == "backtest":
        return jobs.run_value_backtest(store, args.as_of, jobs.ValueBacktestParams(args.horizon_days), args.progress)
    result = jobs.run_value(store, args.as_of, jobs.ValueParams(args.horizon_days), args.progress)
    return result if args.view == "members" else _view(result, result.model)


# -- campaigns (target vs random holdout) -------------------------------------------------------------------

def _campaign_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--id", type=int, default=None, help="the campaign to score (default: every campaign)")
    p.add_argument("--create", metavar="NAME", default=None,
                   help="create a campaign NAME targeting --segment (marketing-consented members only)")
    p.add_argument("--segment", default=None, help="with --create: the segment to target, e.g. 'call before they drift'")
    p.add_argument("--starts-on", type=iso_date, default=None, help="with --create: first day of the window")
    p.add_argument("--ends-on", type=iso_date, default=None, help="with --create: last day of the window")
    p.add_argument("--cost", type=float, default=0.0,
                   help="with --create: campaign cost in currency units, e.g. 120.50")
    p.add_argument("--holdout", type=float, default=0.10, help="with --create: holdout share (default 0.10)")
    p.add_argument("--seed", type=int, default=0, help="with --create: seed of the random holdout draw")


@register("campaign", "campaign results: conversion vs random holdout, uplift (95 % CI), ROI, CLV/CAC",
          _campaign_arguments, minor=("cost", "revenue", "margin", "target_revenue", "holdout_revenue",
                                      "incremental_revenue", "incremental_margin", "cac", "clv"))
def _campaign(store, args) -> Result:
    from pharmadesk.analytics import jobs

    if args.create:
        if not (args.segment and args.starts_on and args.ends_on):
            raise SystemExit("--create needs --segment, --starts-on and --ends-on")
        members = jobs.run_segments(store, args.as_of, progress=args.progress).members
        chosen = [int(i) for i, s in zip(members["member_id"], members["segment"]) if s == args.segment]
        if not chosen:
            raise SystemExit(f"no member in segment {args.segment!r}; segments: "
                             + ", ".join(sorted(members["segment"].unique())))
        args.id = store.campaigns.create(args.create, chosen, starts_on=args.starts_on,
                                         ends_on=args.ends_on, cost=int(round(args.cost * 100)),
                                         holdout=args.holdout,
                                         seed=args.seed, segment=args.segment)
    result = jobs.run_campaigns(store, args.as_of, jobs.CampaignParams(args.id))
    if len(result.frame) == 1 and args.format == "table":
        return _view(result, jobs.members.long_table(result.frame.iloc[0].to_dict()))
    return result


# -- reorder suggestions and their backtest ------------------------------------------------------------------

_REORDER_BRIEF = ["product_id", "name", "supplier_name", "demand_class", "method", "forecast_daily",
                  "forecast_weekly", "on_hand", "days_of_stock", "on_order", "lead_time_days", "service_level",
                  "reorder_point", "order_up_to", "suggested_qty", "order_value", "expected_fill", "reason"]


def _reorder_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--service-level", type=float, default=None,
                   help="target cycle service level for every product (default: the store's setting per category)")
    p.add_argument("--window", type=int, default=365, help="days of demand history used (default 365)")
    p.add_argument("--expiry-margin", type=int, default=30,
                   help="days before expiry by which a new batch must be sold (default 30)")
    p.add_argument("--all-products", action="store_true", help="list every product, not only those to order")
    p.add_argument("--all-columns", action="store_true", help="every column (forecast, distribution, caps, ...)")
    p.add_argument("--view", choices=("products", "orders", "tradeoff"), default="products",
                   help="products: one row per product (default); orders: draft purchase order lines per supplier; "
                        "tradeoff: expected fill rate against stock per service level, the chosen levels last")


@register("reorder", "reorder suggestions per product (demand class, forecast, safety stock, pack and expiry rules)",
          _reorder_arguments, minor=("unit_cost", "order_value"))
def _reorder(store, args) -> Result:
    import pandas as pd

    from pharmadesk.analytics import jobs
    from pharmadesk.analytics.models import reorder
    from pharmadesk.analytics.models.reorder_words import reorder_reason

    result = jobs.run_reorder(store, args.as_of, jobs.ReorderParams(
        service_level=args.service_level, window=args.window, expiry_margin_days=args.expiry_margin), args.progress)
    table = result.frame
    if args.view == "orders":
        rows = [{"supplier_id": s, "product_id": p, "quantity": q} for s, lines in
                reorder.draft_orders(table).items() for p, q in lines]
        frame = pd.DataFrame(rows, columns=["supplier_id", "product_id", "quantity"])
    elif args.view == "tradeoff":
        frame = result.tradeoff
    else:
        frame = table if args.all_products else table[table["suggested_qty"] > 0]
        frame = frame.assign(reason=list(in_language([reorder_reason(r) for r in frame.to_dict("records")],
                                                     store.settings.language)))
        if not args.all_columns:
            frame = frame[_REORDER_BRIEF]
    return _view(result, frame.reset_index(drop=True))


def _reorder_backtest_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--origins", type=int, default=6, help="rolling origins (default 6)")
    p.add_argument("--step", type=int, default=28, help="days between origins, also the horizon (default 28)")
    p.add_argument("--service-level", type=float, default=None,
                   help="target cycle service level for every product (default: the store's setting per category)")
    p.add_argument("--tradeoff", type=float, nargs="*", default=[],
                   help="also replay the order-up-to rule at these service levels (e.g. 0.9 0.95 0.99)")
    p.add_argument("--view", choices=("accuracy", "methods", "simulation"), default="accuracy",
                   help="accuracy: MASE and bias per class (default); methods: every candidate method per "
                        "class; simulation: fill rate, average stock and days of cover per policy")


@register("reorder-backtest", "backtest of the reorder forecasts (MASE, bias) and policy (fill rate, stock)",
          _reorder_backtest_arguments)
def _reorder_backtest(store, args) -> Result:
    from pharmadesk.analytics import jobs

    result = jobs.run_reorder_backtest(store, args.as_of, jobs.ReorderBacktestParams(
        origins=args.origins, step=args.step, service_level=args.service_level,
        tradeoff_levels=tuple(args.tradeoff)), args.progress)
    views = {"accuracy": result.frame, "methods": result.methods, "simulation": result.simulation}
    return result if args.view == "accuracy" else _view(result, views[args.view])


# -- care reminders ------------------------------------------------------------------------------------------

def _reminders_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--view", choices=("reminders", "status", "sync", "conversion"), default="reminders",
                   help="reminders: today's list with reason, channel and script (default); status: run-out, "
                        "status and PDC per member x maintenance product; sync: medication-synchronisation "
                        "plans; conversion: refills within 7 days of the reminders issued, per month")
    p.add_argument("--due-days", type=int, default=3, help="refill due this many days before run-out (default 3)")
    p.add_argument("--grace-days", type=int, default=7, help="overdue after run-out plus this grace (default 7)")
    p.add_argument("--pdc-window", type=int, default=180, help="adherence (PDC) window in days (default 180)")
    p.add_argument("--record", action="store_true",
                   help="record today's reminders as issued (care reminder log), so outcomes can be entered")


@register("reminders", "care reminders: refills due and overdue, adherence (PDC), medication sync, lapsed "
          "members, birthdays (pharmacist or owner; consent respected)", _reminders_arguments)
def _reminders(store, args) -> Result:
    from pharmadesk.analytics import jobs
    from pharmadesk.analytics.result import Result

    params = jobs.ReminderParams(due_days=args.due_days, grace_days=args.grace_days, pdc_window=args.pdc_window)
    other = {"conversion": jobs.run_reminder_conversion, "status": jobs.run_refill_status, "sync": jobs.run_med_sync}
    if args.view in other:
        return other[args.view](store, args.as_of, params, args.progress)
    result = jobs.run_reminders(store, args.as_of, params, args.progress)
    if not args.record:
        return result
    if args.as_of != store.today():
        raise SystemExit("pharmadesk: --record records today's reminders; leave out --as-of.")
    frame = result.frame
    # consent is checked again now: a withdrawal since midnight takes the member off the list
    allowed = [store.care.may_contact(int(m), k) for m, k in zip(frame["member_id"], frame["kind"])]
    withdrawn = len(frame) - sum(allowed)
    frame = frame[allowed].reset_index(drop=True)
    ids = store.care.issue_reminders(frame.to_dict("records"))
    frame.insert(0, "reminder_id", ids)
    recorded = f"Recorded {len(ids)} reminder(s) as issued" + (
        f"; {withdrawn} left out (consent withdrawn today)." if withdrawn else ".")
    return Result(frame=frame, params=params, notes=(*result.notes, recorded))


# -- basket recommendations ----------------------------------------------------------------------------------

def _baskets_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--view", choices=("rules", "evaluate", "recommend"), default="rules",
                   help="rules: association rules (support, confidence, lift; default); evaluate: hit rate at 3 "
                        "on the last 90 days' baskets vs most popular; recommend: top 3 for --cart")
    p.add_argument("--cart", default="", help="recommend: product ids in the cart, comma-separated")
    p.add_argument("--min-support", type=float, default=0.0001, help="minimum support (default 0.0001)")
    p.add_argument("--min-confidence", type=float, default=0.02, help="minimum confidence (default 0.02)")
    p.add_argument("--test-days", type=int, default=90, help="evaluate: held-out days (default 90)")
    p.add_argument("--k", type=int, default=3, help="how many products to recommend (default 3)")


@register("baskets", "basket recommendations: association rules (FP-growth), the till's top 3, hit rate",
          _baskets_arguments)
def _baskets(store, args) -> Result:
    from pharmadesk.analytics import jobs

    params = jobs.BasketParams(min_support=args.min_support, min_confidence=args.min_confidence,
                               test_days=args.test_days, k=args.k,
                               cart=tuple(int(x) for x in args.cart.replace(" ", "").split(",") if x))
    run = {"rules": jobs.run_basket_rules, "evaluate": jobs.run_basket_evaluation,
           "recommend": jobs.run_basket_recommendation}[args.view]
    return run(store, args.as_of, params, args.progress)
