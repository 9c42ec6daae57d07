"""``pharmadesk promotions`` (list, add from a JSON or YAML file, pause, resume, end) and ``pharmadesk coupons``
(issue, list, report, export for SMS/WeChat sending, restore, void): the owner's promotion tools for scripts."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from pharmadesk.cli.options import add_format, add_store, add_user, iso_date, open_store
from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError


def add_commands(sub) -> None:
    p = sub.add_parser("promotions", help="promotions: list, add from a JSON or YAML file, pause, resume, end")
    promotion_sub = p.add_subparsers(dest="promotions_command", required=True)
    c = promotion_sub.add_parser("list", help="every promotion, newest first")
    add_store(c)
    c.add_argument("--status", choices=["active", "paused", "ended"], help="only promotions with this status")
    add_format(c)
    add_user(c)
    c.set_defaults(func=cmd_promotions_list)
    c = promotion_sub.add_parser("add", help="create a promotion described in a .json (or .yaml) file")
    add_store(c)
    c.add_argument("file", type=Path, help="the promotion's fields (see docs/architecture.md, core/promotion_specs.py)")
    add_user(c)
    c.set_defaults(func=cmd_promotions_add)
    for name, text in (("pause", "stop a promotion for now"), ("resume", "restart a paused promotion"),
                       ("end", "end a promotion for good")):
        c = promotion_sub.add_parser(name, help=text)
        add_store(c)
        c.add_argument("promotion_id", type=int)
        add_user(c)
        c.set_defaults(func=cmd_promotions_status, change=name)

    p = sub.add_parser("coupons", help="coupons of a coupon promotion: issue, list, report, export, restore, void")
    coupon_sub = p.add_subparsers(dest="coupons_command", required=True)
    c = coupon_sub.add_parser("issue", help="issue coupons to members, a campaign's target group, or as codes")
    add_store(c)
    c.add_argument("promotion_id", type=int)
    c.add_argument("--expires", type=iso_date, required=True, help="last valid day, YYYY-MM-DD")
    source = c.add_mutually_exclusive_group(required=True)
    source.add_argument("--members", type=Path, help="a file of member numbers, one per line (a segment)")
    source.add_argument("--campaign", type=int, help="a campaign's number: its target group (never its holdout)")
    source.add_argument("--count", type=int, help="this many printed codes, for anyone")
    add_user(c)
    c.set_defaults(func=cmd_coupons_issue)
    c = coupon_sub.add_parser("list", help="the coupons of a promotion (code, member number, state)")
    add_store(c)
    c.add_argument("promotion_id", type=int)
    add_format(c)
    add_user(c)
    c.set_defaults(func=cmd_coupons_list)
    c = coupon_sub.add_parser("report", help="coupons issued, redeemed, expired, cancelled and open")
    add_store(c)
    c.add_argument("--promotion", type=int, help="one promotion (default: all)")
    add_format(c)
    add_user(c)
    c.set_defaults(func=cmd_coupons_report)
    c = coupon_sub.add_parser("export", help="open member coupons as a CSV for SMS/WeChat sending")
    add_store(c)
    c.add_argument("promotion_id", type=int)
    c.add_argument("--out", type=Path, required=True, help="the .csv file to write")
    add_user(c)
    c.set_defaults(func=cmd_coupons_export)
    for name, text in (("restore", "give a used coupon back after a return"), ("void", "cancel an unused coupon")):
        c = coupon_sub.add_parser(name, help=text)
        add_store(c)
        c.add_argument("code")
        add_user(c)
        c.set_defaults(func=cmd_coupons_change, change=name)


def read_spec(path: Path) -> dict:
    """A promotion spec from a .json file, or a .yaml/.yml file when PyYAML is installed."""
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError:
            raise SystemExit("pharmadesk: reading YAML needs PyYAML (pip install pyyaml); "
                             "or write the promotion as JSON.") from None
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The file is not valid {format}: {problem}"),
                                  format="YAML", problem=str(exc).splitlines()[0]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The file is not valid {format}: {problem}"),
                              format="JSON", problem=str(exc)) from None


def _print_rows(rows: list[dict], fmt: str) -> None:
    from pandas import DataFrame

    from pharmadesk.cli.analytics import format_frame

    print(format_frame(DataFrame(rows), fmt), end="")


def cmd_promotions_list(args) -> int:
    with open_store(args, login=True) as store:
        records = store.promotions.list(args.status)
    rows = [{"id": r.id, "name": r.name, "kind": r.promotion.kind, "label": r.promotion.label,
             "status": r.status, "stacking": r.promotion.stacking, "starts_on": r.promotion.calendar.starts_on,
             "ends_on": r.promotion.calendar.ends_on, "audience": r.promotion.audience.kind} for r in records]
    _print_rows(rows, args.format)
    return 0


def cmd_promotions_add(args) -> int:
    spec = read_spec(args.file)
    with open_store(args, login=True) as store:
        promotion_id = store.promotions.create(spec)
    print(f"Promotion {promotion_id} created.")
    return 0


def cmd_promotions_status(args) -> int:
    with open_store(args, login=True) as store:
        record = getattr(store.promotions, args.change)(args.promotion_id)
    print(f"Promotion {record.id} is now {record.status}.")
    return 0


def cmd_coupons_issue(args) -> int:
    members = None
    if args.members is not None:
        try:
            members = [int(line) for line in args.members.read_text(encoding="utf-8").split() if line]
        except ValueError:
            raise SystemExit("pharmadesk: --members must list member numbers, one per line.") from None
    with open_store(args, login=True) as store:
        issued = store.promotions.issue_coupons(args.promotion_id, expires_on=args.expires, member_ids=members,
                                                campaign_id=args.campaign, count=args.count)
    if args.count is not None:
        print("\n".join(issued.codes))
    else:
        print(f"Issued {len(issued.codes)} coupon(s); left out {issued.left_out_no_consent} member(s) without "
              f"marketing consent and {issued.already_holding} who already hold one. "
              f"Send them with: pharmadesk coupons export {args.promotion_id} --out FILE.csv", file=sys.stderr)
    return 0


def cmd_coupons_list(args) -> int:
    with open_store(args, login=True) as store:
        coupons = store.promotions.coupons(args.promotion_id)
    _print_rows([asdict(c) for c in coupons], args.format)
    return 0


def cmd_coupons_report(args) -> int:
    with open_store(args, login=True) as store:
        report = store.promotions.coupon_report(args.promotion)
    _print_rows([asdict(report)], args.format)
    return 0


def cmd_coupons_export(args) -> int:
    with open_store(args, login=True) as store:
        rows = store.promotions.export_coupon_list(args.promotion_id, args.out)
    print(f"Wrote {rows} coupon(s) to {args.out}.")
    return 0


def cmd_coupons_change(args) -> int:
    with open_store(args, login=True) as store:
        method = store.promotions.restore_coupon if args.change == "restore" else store.promotions.void_coupon
        coupon = method(args.code)
    print(f"Coupon {coupon.code}: {'restored' if args.change == 'restore' else 'cancelled'}.")
    return 0
