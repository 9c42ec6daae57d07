"""``pharmadesk quality ...``: the GSP quality records from scripts (docs/quality.md) — qualification documents
and first-time approvals, acceptance, the storage log, maintenance, quarantine and the near-expiry report."""

from __future__ import annotations

import getpass
import sys
from dataclasses import asdict
from pathlib import Path

from pharmadesk.cli.options import add_format, add_store, add_user, iso_date, open_store
from pharmadesk.core.quality_records import CONCLUSIONS, DISPOSAL_METHODS, DOCUMENT_KINDS, MAINTENANCE_CONCLUSIONS


def _command(sub, name: str, text: str, func, listing: bool = False):
    c = sub.add_parser(name, help=text)
    add_store(c)
    add_user(c)
    if listing:
        add_format(c)
    c.set_defaults(func=func)
    return c


def add_commands(sub) -> None:
    p = sub.add_parser("quality", help="GSP quality records: documents, approvals, acceptance, storage log, "
                                       "maintenance, quarantine, near expiry")
    subjects = p.add_subparsers(dest="quality_subject", required=True)

    documents = subjects.add_parser("documents", help="suppliers' and products' licences and approvals")
    d = documents.add_subparsers(dest="quality_command", required=True)
    c = _command(d, "list", "the current documents", cmd_documents_list, listing=True)
    c.add_argument("--supplier", type=int)
    c.add_argument("--product", type=int)
    c = _command(d, "expiring", "documents expiring within --days (expired ones too)", cmd_documents_expiring, True)
    c.add_argument("--days", type=int, default=30)
    c = _command(d, "add", "record a supplier's or a product's document (or its renewal)", cmd_documents_add)
    c.add_argument("kind", choices=DOCUMENT_KINDS)
    c.add_argument("number")
    c.add_argument("--issuer", required=True)
    c.add_argument("--expires", type=iso_date, help="last valid day (none: valid without a term)")
    c.add_argument("--issued", type=iso_date)
    owner = c.add_mutually_exclusive_group(required=True)
    owner.add_argument("--supplier", type=int)
    owner.add_argument("--product", type=int)

    approve = subjects.add_parser("approve", help="first-time approval of a supplier or a product")
    a = approve.add_subparsers(dest="quality_command", required=True)
    c = _command(a, "supplier", "approve a supplier whose documents are on file", cmd_approve_supplier)
    c.add_argument("supplier_id", type=int)
    c.add_argument("--note")
    c = _command(a, "product", "approve a product with its approval document", cmd_approve_product)
    c.add_argument("product_id", type=int)
    c.add_argument("--number", required=True, help="the approval document's number")
    c.add_argument("--issuer", required=True)
    c.add_argument("--expires", type=iso_date)
    c.add_argument("--note")

    acceptance = subjects.add_parser("acceptance", help="acceptance checks of goods receipts")
    a = acceptance.add_subparsers(dest="quality_command", required=True)
    c = _command(a, "pending", "receipt lines awaiting acceptance", cmd_acceptance_pending, listing=True)
    c.add_argument("--receipt", type=int)
    c = _command(a, "list", "acceptance records", cmd_acceptance_list, listing=True)
    c.add_argument("--receipt", type=int)
    c.add_argument("--from", dest="start", type=iso_date)
    c.add_argument("--to", dest="end", type=iso_date)
    c = _command(a, "record", "record the acceptance of a receipt line", cmd_acceptance_record)
    c.add_argument("receipt_id", type=int)
    c.add_argument("batch_id", type=int)
    c.add_argument("--conclusion", choices=CONCLUSIONS, required=True)
    c.add_argument("--checked", type=int, required=True, help="units checked")
    c.add_argument("--appearance", required=True)
    c.add_argument("--temperature", type=float, help="arrival temperature, °C (cold-chain items)")
    c.add_argument("--quantity", type=int, help="units concluded (default: all still pending)")
    c.add_argument("--note")

    storage = subjects.add_parser("storage", help="temperature and humidity log")
    s = storage.add_subparsers(dest="quality_command", required=True)
    c = _command(s, "areas", "the storage areas", cmd_storage_areas, listing=True)
    c.add_argument("--add-gsp", action="store_true", help="first add the GSP's three areas not yet set up")
    c = _command(s, "add", "log a reading now", cmd_storage_add)
    c.add_argument("area_id", type=int)
    c.add_argument("temperature", type=float)
    c.add_argument("humidity", type=float)
    c.add_argument("--action", help="the corrective action (required when out of range)")
    c = _command(s, "import", "import a data logger's CSV (timestamp, area, temperature, humidity)",
                 cmd_storage_import)
    c.add_argument("file", type=Path)
    c.add_argument("--action", help="corrective action for the out-of-range rows")
    c = _command(s, "due", "readings still to take today", cmd_storage_due, listing=True)
    c = _command(s, "list", "readings", cmd_storage_list, listing=True)
    c.add_argument("--area", type=int)
    c.add_argument("--from", dest="start", type=iso_date)
    c.add_argument("--to", dest="end", type=iso_date)
    c.add_argument("--out-of-range", action="store_true")

    maintenance = subjects.add_parser("maintenance", help="maintenance checks of stock")
    m = maintenance.add_subparsers(dest="quality_command", required=True)
    c = _command(m, "due", "batches due for a check (key items monthly, others quarterly)", cmd_maintenance_due,
                 listing=True)
    c.add_argument("--on", type=iso_date)
    c = _command(m, "record", "record a batch's check", cmd_maintenance_record)
    c.add_argument("batch_id", type=int)
    c.add_argument("--appearance", required=True)
    c.add_argument("--packaging", required=True)
    c.add_argument("--conclusion", choices=MAINTENANCE_CONCLUSIONS, required=True)
    c.add_argument("--action", help="what was done (required for 'bad': the batch goes to quarantine)")

    quarantine = subjects.add_parser("quarantine", help="quarantined stock")
    q = quarantine.add_subparsers(dest="quality_command", required=True)
    c = _command(q, "list", "quarantine records (held ones unless --all)", cmd_quarantine_list, listing=True)
    c.add_argument("--all", action="store_true")
    c = _command(q, "move", "move units of a batch to quarantine", cmd_quarantine_move)
    c.add_argument("batch_id", type=int)
    c.add_argument("quantity", type=int)
    c.add_argument("--reason", required=True)
    c = _command(q, "dispose", "destroy (two witnesses type their password) or return to the supplier",
                 cmd_quarantine_dispose)
    c.add_argument("quarantine_id", type=int)
    c.add_argument("--method", choices=DISPOSAL_METHODS, required=True)
    c.add_argument("--witness", action="append", default=[], help="a witness's user name (twice for destroy)")
    c.add_argument("--note")
    c = _command(q, "release", "release units back to sellable stock", cmd_quarantine_release)
    c.add_argument("quarantine_id", type=int)
    c.add_argument("--note", required=True)

    c = _command(subjects, "near-expiry", "the near-expiry report by expiry month", cmd_near_expiry, listing=True)
    c.add_argument("--days", type=int, help="window (default: the store's near_expiry_days)")
    c.add_argument("--as-of", type=iso_date)

    c = _command(subjects, "export", "every quality record of a period for the inspector: the printed forms (PDF), "
                                     "CSV and one Excel workbook, in a folder", cmd_export)
    c.add_argument("--from", dest="start", type=iso_date, required=True, help="first day (YYYY-MM-DD)")
    c.add_argument("--to", dest="end", type=iso_date, required=True, help="last day (YYYY-MM-DD), included")
    c.add_argument("--to-dir", dest="folder", type=Path, required=True, help="the folder to write into")


def _print_rows(rows: list[dict], fmt: str) -> None:
    from pandas import DataFrame

    from pharmadesk.cli.analytics import format_frame

    print(format_frame(DataFrame(rows), fmt), end="")


def _print_records(records, fmt: str) -> None:
    _print_rows([asdict(record) for record in records], fmt)


def cmd_documents_list(args) -> int:
    with open_store(args, login=True) as store:
        _print_records(store.quality.documents(args.supplier, args.product), args.format)
    return 0


def cmd_documents_expiring(args) -> int:
    with open_store(args, login=True) as store:
        _print_records(store.quality.expiring_documents(args.days), args.format)
    return 0


def cmd_documents_add(args) -> int:
    with open_store(args, login=True) as store:
        document = store.quality.add_document(args.kind, args.number, args.issuer, args.expires,
                                              supplier_id=args.supplier, product_id=args.product,
                                              issued_on=args.issued)
    print(f"Document {document.id} recorded.")
    return 0


def cmd_approve_supplier(args) -> int:
    with open_store(args, login=True) as store:
        store.quality.approve_supplier(args.supplier_id, args.note)
    print(f"Supplier {args.supplier_id} approved.")
    return 0


def cmd_approve_product(args) -> int:
    with open_store(args, login=True) as store:
        store.quality.approve_product(args.product_id, args.number, args.issuer, args.expires, args.note)
    print(f"Product {args.product_id} approved.")
    return 0


def cmd_acceptance_pending(args) -> int:
    with open_store(args, login=True) as store:
        _print_records(store.quality.pending_acceptance(args.receipt), args.format)
    return 0


def cmd_acceptance_list(args) -> int:
    with open_store(args, login=True) as store:
        _print_records(store.quality.acceptances(args.receipt, args.start, args.end), args.format)
    return 0


def cmd_acceptance_record(args) -> int:
    with open_store(args, login=True) as store:
        record = store.quality.accept(args.receipt_id, args.batch_id, args.conclusion, args.checked,
                                      args.appearance, args.temperature, args.quantity, args.note)
    print(f"Acceptance {record.id}: {record.quantity} unit(s) {record.conclusion}.")
    return 0


def cmd_storage_areas(args) -> int:
    with open_store(args, login=True) as store:
        if args.add_gsp:
            store.quality.add_gsp_areas()
        _print_records(store.quality.areas(), args.format)
    return 0


def cmd_storage_add(args) -> int:
    with open_store(args, login=True) as store:
        reading = store.quality.record_reading(args.area_id, args.temperature, args.humidity, args.action)
    print(f"Reading {reading.id} saved ({'in range' if reading.in_range else 'out of range'}).")
    return 0


def cmd_storage_import(args) -> int:
    with open_store(args, login=True) as store:
        result = store.quality.import_readings(args.file, args.action)
    for line, message in result.skipped:
        print(f"line {line}: {message}", file=sys.stderr)
    print(f"{result.saved} reading(s) saved, {len(result.skipped)} skipped.")
    return 0 if not result.skipped else 1


def cmd_storage_due(args) -> int:
    with open_store(args, login=True) as store:
        _print_records(store.quality.due_readings(), args.format)
    return 0


def cmd_storage_list(args) -> int:
    with open_store(args, login=True) as store:
        _print_records(store.quality.readings(args.area, args.start, args.end, args.out_of_range), args.format)
    return 0


def cmd_maintenance_due(args) -> int:
    with open_store(args, login=True) as store:
        rows = [{**asdict(item), "reasons": ",".join(item.reasons)} for item in store.quality.maintenance_due(args.on)]
    _print_rows(rows, args.format)
    return 0


def cmd_maintenance_record(args) -> int:
    with open_store(args, login=True) as store:
        check = store.quality.record_maintenance(args.batch_id, args.appearance, args.packaging, args.conclusion,
                                                 args.action)
    extra = f"; quarantine record {check.quarantine_id}" if check.quarantine_id else ""
    print(f"Maintenance check {check.id} recorded{extra}.")
    return 0


def cmd_quarantine_list(args) -> int:
    with open_store(args, login=True) as store:
        _print_records(store.quality.quarantined(None if args.all else "held"), args.format)
    return 0


def cmd_quarantine_move(args) -> int:
    with open_store(args, login=True) as store:
        record = store.quality.quarantine(args.batch_id, args.quantity, args.reason)
    print(f"Quarantine record {record.id}: {record.quantity} unit(s) held.")
    return 0


def cmd_quarantine_dispose(args) -> int:
    from pharmadesk.core.permissions import Action

    if args.method == "destroy" and len(args.witness) != 2:
        raise SystemExit("pharmadesk: a destruction needs --witness NAME twice (two colleagues).")
    if args.witness and not sys.stdin.isatty():
        raise SystemExit("pharmadesk: witnesses type their password in a terminal; run this command in one.")
    with open_store(args, login=True) as store:
        witnesses = [store.users.approve(name, getpass.getpass(f"Password of witness {name}: "),
                                         Action.WITNESS_DISPOSAL, f"quarantine:{args.quarantine_id}")
                     for name in args.witness]
        record = store.quality.dispose(args.quarantine_id, args.method, witnesses, args.note)
    print(f"Quarantine record {record.id}: {record.status}.")
    return 0


def cmd_quarantine_release(args) -> int:
    with open_store(args, login=True) as store:
        record = store.quality.release_quarantine(args.quarantine_id, args.note)
    print(f"Quarantine record {record.id}: {record.status}.")
    return 0


def cmd_near_expiry(args) -> int:
    with open_store(args, login=True) as store:
        report = store.quality.near_expiry_report(args.as_of, args.days)
    rows = [{"month": month.month, **asdict(batch)} for month in report for batch in month.batches]
    _print_rows(rows, args.format)
    return 0


def cmd_export(args) -> int:
    """The inspector's export (:func:`pharmadesk.reports.quality_export.export_store_quality`), rendered with
    Qt's document and printer on a QGuiApplication (the offscreen platform when there is no display)."""
    import os

    if args.end < args.start:
        raise SystemExit("pharmadesk: --to is before --from.")
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from pharmadesk.i18n import apply_fonts, choose_language, install_translators
    from pharmadesk.reports.quality_export import export_store_quality

    app = QGuiApplication.instance() or QGuiApplication([])
    apply_fonts(app)
    with open_store(args, login=True) as store:
        install_translators(app, choose_language(store.settings.language))
        moment = store.now().astimezone().strftime("%Y-%m-%d %H:%M")
        who = store.user.display_name if store.user else ""
        result = export_store_quality(store, args.start, args.end, args.folder, printed=f"{moment} {who}".strip())
    for kind, count in result.counts.items():
        print(f"{kind}: {count} record(s)")
    print(f"{len(result.files)} files written to {result.folder}")
    return 0
