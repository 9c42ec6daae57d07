"""``pharmadesk suppliers`` (list, add, set): the supplier terms reorder suggestions use — lead time, review
period, minimum order value — for scripts and for a store just migrated from CSV."""

from __future__ import annotations

from pharmadesk.cli.options import add_format, add_store, add_user, open_store
from pharmadesk.core.money import parse_money


def _add_terms(parser, defaults: bool) -> None:
    parser.add_argument("--lead-time-days", type=int, default=2 if defaults else None,
                        help="days from order to delivery" + (" (default %(default)s)" if defaults else ""))
    parser.add_argument("--review-days", type=int, default=7 if defaults else None,
                        help="days between two orders to this supplier" + (" (default %(default)s)" if defaults else ""))
    parser.add_argument("--min-order-value", default="0" if defaults else None,
                        help="smallest order the supplier delivers, e.g. 300.00" + (" (default 0)" if defaults else ""))
    parser.add_argument("--phone", default=None)
    parser.add_argument("--email", default=None)


def add_commands(sub) -> None:
    p = sub.add_parser("suppliers", help="suppliers: list, add, set lead time, review period, minimum order value")
    supplier_sub = p.add_subparsers(dest="suppliers_command", required=True)
    c = supplier_sub.add_parser("list", help="every supplier with its ordering terms")
    add_store(c)
    c.add_argument("--all", action="store_true", help="include inactive suppliers")
    add_format(c)
    add_user(c)
    c.set_defaults(func=cmd_suppliers_list)
    c = supplier_sub.add_parser("add", help="a new supplier and its ordering terms")
    add_store(c)
    c.add_argument("name")
    _add_terms(c, defaults=True)
    add_user(c)
    c.set_defaults(func=cmd_suppliers_add)
    c = supplier_sub.add_parser("set", help="change a supplier's name or terms (only the options given)")
    add_store(c)
    c.add_argument("supplier_id", type=int)
    c.add_argument("--name", default=None)
    _add_terms(c, defaults=False)
    add_user(c)
    c.set_defaults(func=cmd_suppliers_set)


def _terms(args) -> dict:
    """The options given, as the catalogue's supplier fields (money in minor units)."""
    fields = {"lead_time_days": args.lead_time_days, "review_days": args.review_days, "phone": args.phone,
              "email": args.email, "name": getattr(args, "name", None)}
    fields = {key: value for key, value in fields.items() if value is not None}
    if args.min_order_value is not None:
        fields["min_order_value"] = parse_money(args.min_order_value, "minimum order value")
    return fields


def cmd_suppliers_list(args) -> int:
    from pandas import DataFrame

    from pharmadesk.cli.analytics import format_frame
    from pharmadesk.core.money import format_money

    with open_store(args, login=True) as store:
        rows = store.catalog.suppliers(include_inactive=args.all)
    table = DataFrame([{"id": r["id"], "name": r["name"], "lead_time_days": r["lead_time_days"],
                        "review_days": r["review_days"], "min_order_value": format_money(r["min_order_value"]),
                        "active": bool(r["active"])} for r in rows],
                      columns=["id", "name", "lead_time_days", "review_days", "min_order_value", "active"])
    print(format_frame(table, args.format), end="")
    return 0


def cmd_suppliers_add(args) -> int:
    with open_store(args, login=True) as store:
        supplier_id = store.catalog.add_supplier(**_terms(args))
    print(f"Supplier {supplier_id} added.")
    return 0


def cmd_suppliers_set(args) -> int:
    changes = _terms(args)
    if not changes:
        raise SystemExit("pharmadesk suppliers set: give at least one of --name, --lead-time-days, --review-days, "
                         "--min-order-value, --phone, --email.")
    with open_store(args, login=True) as store:
        store.catalog.update_supplier(args.supplier_id, **changes)
    print(f"Supplier {args.supplier_id} updated: {', '.join(sorted(changes))}.")
    return 0
