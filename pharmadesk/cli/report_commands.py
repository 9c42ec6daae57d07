"""``pharmadesk report``: the owner's daily or monthly report, as printed (PDF) or as a workbook."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pharmadesk.cli.options import add_store, add_user, open_store


def add_commands(sub) -> None:
    p = sub.add_parser("report", help="the owner's daily or monthly report, as printed (PDF) or as Excel")
    add_store(p)
    p.add_argument("kind", choices=["daily", "monthly"])
    p.add_argument("--date", help="the day (YYYY-MM-DD) or month (YYYY-MM); default: the last complete one")
    p.add_argument("--out", type=Path, required=True, help="the .pdf or .xlsx file to write")
    add_user(p)
    p.set_defaults(func=cmd_report)


def cmd_report(args) -> int:
    """The owner's daily or monthly report as the program prints it (.pdf) or as a workbook (.xlsx)."""
    from datetime import date, timedelta

    from pharmadesk.analytics import jobs

    if args.out.suffix.lower() not in (".pdf", ".xlsx"):
        raise SystemExit("pharmadesk: --out must end in .pdf or .xlsx.")
    with open_store(args, login=True) as store:
        if args.date:
            day = date.fromisoformat(args.date + ("-01" if len(args.date) == 7 else ""))
        else:   # by default the last complete day / month
            day = store.today() - timedelta(days=1) if args.kind == "daily" else \
                (store.today().replace(day=1) - timedelta(days=1))
        run = jobs.run_daily_report if args.kind == "daily" else jobs.run_monthly_report
        report = run(store, store.today(), jobs.ReportParams(day)).report
        _write_report(report, store, args.out)
    print(f"Report written: {args.out}")
    return 0


def _write_report(report, store, out: Path) -> None:
    """Render with Qt's document and printer on a QGuiApplication: no widgets, and the offscreen platform when
    there is no display."""
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from pharmadesk.i18n import apply_fonts, install_translators
    from pharmadesk.reports import document as rd
    from pharmadesk.reports.export import export_excel
    from pharmadesk.reports.printing import save_pdf

    app = QGuiApplication.instance() or QGuiApplication([])
    apply_fonts(app)
    install_translators(app, store.settings.language)
    if out.suffix.lower() == ".xlsx":
        export_excel(out, rd.report_tables(report))
        return
    save_pdf(rd.report_document(report, store), out, rd.title_of(report))
