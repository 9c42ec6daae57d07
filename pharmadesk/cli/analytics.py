"""The ``pharmadesk analytics NAME`` commands: a small registry shared by every analysis.

    pharmadesk analytics segments --store DIR [--as-of YYYY-MM-DD] [--format table|csv|json] [--k 5]
    pharmadesk analytics kpis --store DIR --start 2026-10-01 --end 2026-11-01

Each analysis registers one entry: a name, a one-line help, a function ``run(store, args) ->
DataFrame`` and (optionally) a function that adds its own argparse arguments. The registry adds the
common arguments (``--store``, ``--user``, ``--as-of``, ``--format``, ``--out``), opens the store,
logs in (password from ``$PHARMADESK_PASSWORD`` or a prompt, like every command) and prints the frame.

To add an analysis, append an entry in the section with your analysis' name below (import your module
inside the function, so ``pharmadesk --help`` stays fast)::

    def _reorder_arguments(p):
        p.add_argument("--service-level", type=float, default=0.95)

    @register("reorder", "reorder suggestions per product", _reorder_arguments)
    def _reorder(store, args):
        from pharmadesk.analytics import frames
        from pharmadesk.analytics.models import reorder
        return reorder.suggest(frames.daily_demand(store, args.as_of), ...)

A frame may carry ``frame.attrs["notes"]`` (a list of short lines, e.g. the segments' stability
figure): the table format prints them under the table, csv and json formats print them to stderr so
the data stays machine-readable. No personal data is ever put in notes.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Callable

from pharmadesk.cli.options import FORMATS, add_as_of, add_format, add_store, add_user, iso_date, open_store, progress

if TYPE_CHECKING:
    import pandas as pd

    from pharmadesk.core.store import Store



@dataclass(frozen=True)
class AnalyticsCommand:
    name: str
    help: str
    run: Callable[["Store", argparse.Namespace], pd.DataFrame]
    arguments: Callable[[argparse.ArgumentParser], None] | None = None


REGISTRY: dict[str, AnalyticsCommand] = {}


def register(name: str, help: str, arguments: Callable[[argparse.ArgumentParser], None] | None = None):
    """Decorator: register ``run(store, args) -> DataFrame`` as ``pharmadesk analytics NAME``."""
    def decorate(run):
        if name in REGISTRY:
            raise ValueError(f"analytics command {name!r} is registered twice")
        REGISTRY[name] = AnalyticsCommand(name, help, run, arguments)
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


def format_frame(frame: pd.DataFrame, fmt: str = "table", limit: int | None = None) -> str:
    """The frame as text: an aligned table (with notes below), CSV, or JSON (a list of records)."""
    import pandas as pd
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    notes = list(frame.attrs.get("notes", []))
    if fmt == "csv":
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, lineterminator="\n")
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
    """Open the store, log in, run the analysis and print (or write) its frame."""
    command: AnalyticsCommand = args.analytics
    store = open_store(args, login=True)
    try:
        if args.as_of is None:
            args.as_of = store.today()
        args.progress = progress if sys.stderr.isatty() else None
        try:
            frame = command.run(store, args)
        except ValueError as exc:       # bad parameters for this data (e.g. --k larger than the members)
            raise SystemExit(f"pharmadesk analytics {command.name}: {exc}") from None
    finally:
        store.close()
    if args.progress:
        print(file=sys.stderr)
    text = format_frame(frame, args.format, args.limit)
    if args.format != "table":
        for note in frame.attrs.get("notes", []):
            print(note, file=sys.stderr)
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        print(f"Wrote {len(frame)} row(s) to {args.out}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


# -- segments -----------------------------------------------------------------------------------------------

def _segments_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--k", type=int, default=None, help="number of segments (default: chosen by silhouette, 3..8)")
    p.add_argument("--view", choices=("summary", "members"), default="summary",
                   help="summary: one row per segment (default); members: each member's segment and RFM score")
    p.add_argument("--resamples", type=int, default=5, help="bootstrap resamples for the stability figure")


@register("segments", "member segments (RFM + tenure + category mix, k-means) with a summary per segment",
          _segments_arguments)
def _segments(store, args) -> pd.DataFrame:
    from pharmadesk.analytics import frames
    from pharmadesk.analytics.models import segments

    features = segments.build_features(frames.member_features(store, args.as_of), args.as_of)
    result = segments.segment_members(features, k=args.k, resamples=args.resamples, progress=args.progress)
    frame = result.summary if args.view == "summary" else result.members
    frame.attrs["notes"] = result.notes()
    return frame


# -- KPIs ---------------------------------------------------------------------------------------------------

def _kpis_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--start", type=iso_date, default=None,
                   help="first day of the period (default: 30 days before --end)")
    p.add_argument("--end", type=iso_date, default=None,
                   help="day after the period's last day (default: --as-of, i.e. today)")


@register("kpis", "the owner's numbers for a period, with the previous period of equal length", _kpis_arguments)
def _kpis(store, args) -> pd.DataFrame:
    from datetime import timedelta

    from pharmadesk.analytics import frames
    from pharmadesk.analytics.models import kpis

    end = args.end or args.as_of
    start = args.start or (end - timedelta(days=30))
    if end > args.as_of:
        raise SystemExit(f"pharmadesk: the period ends {end}, after --as-of {args.as_of}; it would use later data.")
    if start >= end:
        raise SystemExit("pharmadesk: --start must be before --end.")
    inputs = frames.kpi_frames(store, start - (end - start), end, progress=args.progress)
    return kpis.owner_kpis(inputs, start, end, progress=args.progress)


# -- member value (BG/NBD + Gamma-Gamma) ------------------------------------------------------------------------

def _value_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--view", choices=("members", "model", "backtest"), default="members",
                   help="members: P(alive), expected purchases/spend and CLV per member, highest CLV first "
                        "(default); model: the fitted parameters; backtest: fit 90 days before --as-of and "
                        "compare with what members really bought since")
    p.add_argument("--horizon-days", type=int, default=90, help="days ahead for expected purchases and spend")


def _long(items: dict) -> pd.DataFrame:
    import pandas as pd
    return pd.DataFrame({"metric": list(items), "value": [str(v) if not isinstance(v, (int, float)) else v
                                                          for v in items.values()]})


@register("value", "member value and churn: P(alive), expected 90-day purchases and spend, 12-month CLV",
          _value_arguments)
def _value(store, args) -> pd.DataFrame:
    from pharmadesk.analytics import frames
    from pharmadesk.analytics.models import value

    purchases = frames.member_purchase_days(store, args.as_of, progress=None)
    if args.view == "backtest":
        frame = value.backtest_value(purchases, args.as_of, holdout_days=args.horizon_days, progress=args.progress)
        return _long(frame.iloc[0].to_dict())
    table = value.member_value(purchases, args.as_of, horizon_days=args.horizon_days, progress=args.progress)
    bg, gg = table.attrs["bgnbd"], table.attrs["gamma_gamma"]
    notes = [f"BG/NBD (weeks): r={bg['r']:.4f} alpha={bg['alpha']:.4f} a={bg['a']:.4f} b={bg['b']:.4f} "
             f"(log-likelihood {bg['log_likelihood']:.1f}, {bg['n']} members)",
             f"Gamma-Gamma (minor units): p={gg['p']:.4f} q={gg['q']:.4f} v={gg['v']:.2f} ({gg['n']} repeat buyers)",
             f"CLV: {table.attrs['clv_months']} months, monthly discount {table.attrs['monthly_discount']:.0%}, "
             "on revenue"]
    if args.view == "model":
        frame = _long({**{f"bgnbd_{k}": v for k, v in bg.items()}, **{f"gamma_gamma_{k}": v for k, v in gg.items()},
                       "members": len(table), "expected_purchases_total": table["expected_purchases"].sum(),
                       "expected_spend_total": table["expected_spend"].sum(), "clv_total": table["clv"].sum(),
                       "mean_p_alive": table["p_alive"].mean()})
    else:
        frame = table.sort_values(["clv", "member_id"], ascending=[False, True], kind="stable")
    frame.attrs["notes"] = notes
    return frame


# -- campaigns (target vs random holdout) -------------------------------------------------------------------

def _campaign_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--id", type=int, default=None, help="the campaign to score (default: every campaign)")
    p.add_argument("--create", metavar="NAME", default=None,
                   help="create a campaign NAME targeting --segment (marketing-consented members only)")
    p.add_argument("--segment", default=None, help="with --create: the segment to target, e.g. 'at risk'")
    p.add_argument("--starts-on", type=iso_date, default=None, help="with --create: first day of the window")
    p.add_argument("--ends-on", type=iso_date, default=None, help="with --create: last day of the window")
    p.add_argument("--cost", type=int, default=0, help="with --create: campaign cost in minor units")
    p.add_argument("--holdout", type=float, default=0.10, help="with --create: holdout share (default 0.10)")
    p.add_argument("--seed", type=int, default=0, help="with --create: seed of the random holdout draw")


def campaign_report(store, campaign_id: int, as_of: date, progress=None) -> pd.DataFrame:
    """Load one campaign's data (as of ``as_of``) and score it with :func:`campaigns.campaign_results`;
    CLV comes from :func:`value.member_value` fitted on the data before the window."""
    from datetime import timedelta

    from pharmadesk.analytics import frames
    from pharmadesk.analytics.models import campaigns, value

    campaign, arms = frames.campaign_frame(store, campaign_id, as_of)
    starts_on, ends_on = date.fromisoformat(campaign["starts_on"]), date.fromisoformat(campaign["ends_on"])
    stop = min(as_of, ends_on + timedelta(days=1))
    window = frames.member_purchase_days(store, stop, start=starts_on, margin=True)
    try:
        clv = value.member_value(frames.member_purchase_days(store, starts_on), starts_on)[["member_id", "clv"]]
    except ValueError:          # no purchase history before the window: no CLV
        clv = None
    return campaigns.campaign_results(campaign, arms, window, as_of=as_of, clv=clv, progress=progress)


@register("campaign", "campaign results: conversion vs random holdout, uplift (95 % CI), ROI, CLV/CAC",
          _campaign_arguments)
def _campaign(store, args) -> pd.DataFrame:
    import pandas as pd

    if args.create:
        from pharmadesk.analytics import frames
        from pharmadesk.analytics.models import segments

        if not (args.segment and args.starts_on and args.ends_on):
            raise SystemExit("--create needs --segment, --starts-on and --ends-on")
        result = segments.segment_members(segments.build_features(frames.member_features(store, args.as_of),
                                                                  args.as_of), progress=args.progress)
        members = result.members
        ids = members.index if "member_id" not in members else members["member_id"]
        chosen = [int(i) for i, s in zip(ids, members["segment"]) if s == args.segment]
        if not chosen:
            raise SystemExit(f"no member in segment {args.segment!r}; segments: "
                             + ", ".join(sorted(members["segment"].unique())))
        args.id = store.campaigns.create(args.create, chosen, starts_on=args.starts_on,
                                         ends_on=args.ends_on, cost=args.cost, holdout=args.holdout,
                                         seed=args.seed, segment=args.segment)
    ids = [args.id] if args.id is not None else [c["id"] for c in store.campaigns.list()]
    if not ids:
        return pd.DataFrame(columns=["campaign_id"])
    frame = pd.concat([campaign_report(store, i, args.as_of) for i in ids], ignore_index=True)
    if len(frame) == 1 and args.format == "table":
        frame = _long(frame.iloc[0].to_dict())
    frame.attrs["notes"] = ["uplift CI: Newcombe hybrid score interval (95 %); ROI = (incremental gross margin - "
                            "cost) / cost; CAC = cost / incremental converters; CLV = 12-month margin CLV"]
    return frame


# -- reorder suggestions and their backtest ------------------------------------------------------------------

_REORDER_BRIEF = ["product_id", "name", "supplier_name", "demand_class", "method", "forecast_daily", "on_hand",
                  "on_order", "reorder_point", "order_up_to", "suggested_qty", "order_value", "why"]


def _reorder_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--service-level", type=float, default=0.95, help="target cycle service level (default 0.95)")
    p.add_argument("--window", type=int, default=365, help="days of demand history used (default 365)")
    p.add_argument("--expiry-margin", type=int, default=30,
                   help="days before expiry by which a new batch must be sold (default 30)")
    p.add_argument("--all-products", action="store_true", help="list every product, not only those to order")
    p.add_argument("--all-columns", action="store_true", help="every column (forecast, distribution, caps, ...)")
    p.add_argument("--view", choices=("products", "orders"), default="products",
                   help="products: one row per product (default); orders: draft purchase order lines per supplier")


@register("reorder", "reorder suggestions per product (demand class, forecast, safety stock, pack and expiry rules)",
          _reorder_arguments)
def _reorder(store, args) -> pd.DataFrame:
    import pandas as pd
    from pharmadesk.analytics import frames
    from pharmadesk.analytics.models import reorder

    as_of = args.as_of
    result = reorder.suggest(
        frames.reorder_daily_demand(store, as_of, args.window), frames.reorder_products(store, as_of),
        frames.reorder_batches(store, as_of), frames.reorder_on_order(store, as_of), as_of,
        service_level=args.service_level, window=args.window, expiry_margin_days=args.expiry_margin,
        progress=args.progress)
    notes = result.attrs.get("notes", [])
    if args.view == "orders":
        rows = [{"supplier_id": s, "product_id": p, "quantity": q} for s, lines in
                reorder.draft_orders(result).items() for p, q in lines]
        frame = pd.DataFrame(rows, columns=["supplier_id", "product_id", "quantity"])
    else:
        frame = result if args.all_products else result[result["suggested_qty"] > 0]
        if not args.all_columns:
            frame = frame[_REORDER_BRIEF]
    frame = frame.reset_index(drop=True)
    frame.attrs["notes"] = notes
    return frame


def _reorder_backtest_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--origins", type=int, default=6, help="rolling origins (default 6)")
    p.add_argument("--step", type=int, default=28, help="days between origins, also the horizon (default 28)")
    p.add_argument("--service-level", type=float, default=0.95, help="target cycle service level (default 0.95)")
    p.add_argument("--view", choices=("accuracy", "methods", "simulation"), default="accuracy",
                   help="accuracy: MASE and bias per class (default); methods: every candidate method per "
                        "class; simulation: fill rate and average stock, our policy vs min/max")


@register("reorder-backtest", "backtest of the reorder forecasts (MASE, bias) and policy (fill rate, stock)",
          _reorder_backtest_arguments)
def _reorder_backtest(store, args) -> pd.DataFrame:
    from pharmadesk.analytics import frames
    from pharmadesk.analytics.models import reorder

    as_of, window = args.as_of, 365
    demand = frames.reorder_daily_demand(store, as_of, reorder.history_days_needed(window, args.origins, args.step))
    start = reorder.backtest_start(as_of, args.origins, args.step)
    batches, on_order = frames.reorder_batches(store, start), frames.reorder_on_order(store, start)
    stock = batches[batches["sellable"]].groupby("product_id")["on_hand"].sum().add(
        on_order.set_index("product_id")["on_order"], fill_value=0)
    result = reorder.backtest(demand, frames.reorder_products(store, as_of), stock, origins=args.origins,
                              step=args.step, horizon=args.step, window=window,
                              service_level=args.service_level, progress=args.progress)
    frame = result[args.view]
    frame.attrs["notes"] = [f"{args.origins} origins {args.step} days apart before {as_of.isoformat()}, horizon "
                            f"{args.step} days; min/max = 14/28 days of the previous 90 days' average demand."]
    return frame


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
def _reminders(store, args) -> pd.DataFrame:
    from pharmadesk.analytics import frames
    from pharmadesk.analytics.models import reminders

    as_of = args.as_of
    fills = frames.care_fills(store, as_of)
    if args.view == "conversion":
        return reminders.reminder_conversion(frames.care_reminder_log(store, as_of), fills)
    if args.view in ("status", "sync"):
        status = reminders.refill_status(fills, as_of, due_days=args.due_days, grace_days=args.grace_days)
        if args.view == "sync":
            return reminders.med_sync_plan(status, as_of)
        pdc = reminders.adherence(fills, as_of, window_days=args.pdc_window)
        return status.merge(pdc.drop(columns="product_id"), on=["member_id", "therapy"], how="left")
    frame = reminders.care_reminders(
        fills, frames.care_members(store, as_of), frames.member_visit_days(store, as_of), frames.care_products(store),
        as_of, due_days=args.due_days, grace_days=args.grace_days, pdc_window=args.pdc_window,
        reminder_log=frames.care_reminder_log(store, as_of), store_name=store.settings.store_name,
        progress=args.progress)
    if args.record:
        if as_of != store.today():
            raise SystemExit("pharmadesk: --record records today's reminders; leave out --as-of.")
        # consent is checked again now: a withdrawal since midnight takes the member off the list
        allowed = [store.care.may_contact(int(m), k) for m, k in zip(frame["member_id"], frame["kind"])]
        withdrawn, notes = len(frame) - sum(allowed), list(frame.attrs.get("notes", []))
        frame = frame[allowed].reset_index(drop=True)
        ids = store.care.issue_reminders(frame.to_dict("records"))
        frame.insert(0, "reminder_id", ids)
        frame.attrs["notes"] = notes + [
            f"Recorded {len(ids)} reminder(s) as issued" + (f"; {withdrawn} left out (consent withdrawn today)."
                                                            if withdrawn else ".")]
    return frame


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
def _baskets(store, args) -> pd.DataFrame:
    import pandas as pd
    from pharmadesk.analytics import frames
    from pharmadesk.analytics.models import baskets

    lines, products = frames.basket_lines(store, args.as_of), frames.products(store, args.as_of)
    options = {"min_support": args.min_support, "min_confidence": args.min_confidence}
    if args.view == "evaluate":
        return baskets.evaluate_hit_rate(lines, products, args.as_of, test_days=args.test_days, k=args.k,
                                         progress=args.progress, **options)
    rules = baskets.mine_rules(lines, products, progress=args.progress, **options)
    if args.view == "recommend":
        cart = [int(x) for x in args.cart.replace(" ", "").split(",") if x]
        index = baskets.build_index(rules, lines, products)
        picked = baskets.recommend(cart, index, k=args.k)
        names = dict(zip(products["product_id"], products["name"]))
        return pd.DataFrame({"rank": range(1, len(picked) + 1), "product_id": picked,
                             "name": [names.get(p, "") for p in picked]})
    rules.attrs["notes"] = [f"{len(rules)} rules from {rules.attrs.get('baskets', 0)} baskets (sales with 2 or "
                            f"more products); Rx-only and controlled products are never suggested."]
    return rules
