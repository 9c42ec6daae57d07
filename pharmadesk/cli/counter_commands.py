"""``pharmadesk counter ...``: the counter controls' registers from scripts (docs/counter-controls.md) — the
traceability-code report and upload file, the ephedrine buyers' review and erasure, the prescription register."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path

from pharmadesk.cli.options import add_format, add_store, add_user, iso_date, open_store


def _command(sub, name: str, text: str, func, listing: bool = False, period: bool = False):
    c = sub.add_parser(name, help=text)
    add_store(c)
    add_user(c)
    if listing:
        add_format(c)
    if period:
        c.add_argument("--from", dest="start", type=iso_date, help="first day (default: today)")
        c.add_argument("--to", dest="end", type=iso_date, help="last day (default: the first day)")
    c.set_defaults(func=func)
    return c


def add_commands(sub) -> None:
    p = sub.add_parser("counter", help="China GSP counter controls: traceability codes, ephedrine buyers, "
                                       "prescriptions")
    s = p.add_subparsers(dest="counter_command", required=True)
    _command(s, "trace-report", "traceability codes received, sold and returned", cmd_trace_report, True, True)
    c = _command(s, "trace-export", "the sales with their codes as the upload CSV", cmd_trace_export, period=True)
    c.add_argument("path", type=Path)
    c = _command(s, "ephedrine-review", "buyers with more than --times ephedrine purchases in --days",
                 cmd_ephedrine_review, True)
    c.add_argument("--times", type=int)
    c.add_argument("--days", type=int)
    _command(s, "ephedrine-erase", "erase buyers' IDs past the retention period", cmd_ephedrine_erase)
    _command(s, "prescriptions", "the prescriptions dispensed, with their signatures", cmd_prescriptions, True, True)


def _period(store, args) -> tuple[date, date]:
    start = args.start or store.today()
    return start, args.end or start


def _print_records(records, fmt: str) -> None:
    from pandas import DataFrame

    from pharmadesk.cli.analytics import format_frame

    print(format_frame(DataFrame([asdict(record) for record in records]), fmt), end="")


def cmd_trace_report(args) -> int:
    with open_store(args, login=True) as store:
        _print_records(store.trace.report(*_period(store, args)), args.format)
    return 0


def cmd_trace_export(args) -> int:
    with open_store(args, login=True) as store:
        rows = store.trace.export_sales(*_period(store, args), args.path)
    print(f"{rows} pack(s) written to {args.path}")
    return 0


def cmd_ephedrine_review(args) -> int:
    with open_store(args, login=True) as store:
        _print_records(store.ephedrine.frequent_buyers(args.times, args.days), args.format)
    return 0


def cmd_ephedrine_erase(args) -> int:
    with open_store(args, login=True) as store:
        erased = store.ephedrine.erase_expired()
    print(f"{erased} purchase(s) erased")
    return 0


def cmd_prescriptions(args) -> int:
    with open_store(args, login=True) as store:
        _print_records(store.prescriptions.list(*_period(store, args)), args.format)
    return 0
