"""``pharmadesk report``: the owner's daily or monthly report, as printed (PDF) or as a workbook, and the
promotion report as a table, CSV or JSON (``pharmadesk report promotions``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pharmadesk.cli.options import FORMATS, add_as_of, add_store, add_user, open_store


def add_commands(sub) -> None:
    p = sub.add_parser("report", help="the owner's daily or monthly report, as printed (PDF) or as Excel; "
                                      "the promotion report as a table, CSV or JSON")
    add_store(p)
    p.add_argument("kind", choices=["daily", "monthly", "promotions"])
    p.add_argument("--date", help="daily/monthly: the day (YYYY-MM-DD) or month (YYYY-MM); default: the last "
                                  "complete one")
    p.add_argument("--out", type=Path, default=None,
                   help="daily/monthly: the .pdf or .xlsx file to write (required); promotions: write the output "
                        "to this file instead of the screen")
    add_as_of(p)
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="promotions: table (default), csv or json (no personal data)")
    p.add_argument("--weeks", type=int, default=None,
                   help="promotions: comparison weeks of the same-weekday baseline (default 4)")
    add_user(p)
    p.set_defaults(func=cmd_report)


def report_day(text: str, kind: str):
    """``--date``: a day YYYY-MM-DD (daily) or a month YYYY-MM (monthly, its first day); a plain message, never a
    traceback, for anything else."""
    from datetime import date

    shape = "YYYY-MM" if kind == "monthly" else "YYYY-MM-DD"
    try:
        if kind == "monthly" and len(text) == 7:
            return date.fromisoformat(text + "-01")
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"pharmadesk: --date {text!r} is not a date; write it as {shape}, e.g. "
                         f"{'2026-11' if kind == 'monthly' else '2026-11-05'}.") from None


def cmd_report(args) -> int:
    """The owner's daily or monthly report as the program prints it (.pdf) or as a workbook (.xlsx); the
    promotion report as text."""
    from datetime import date, timedelta

    from pharmadesk.analytics import jobs

    if args.kind == "promotions":
        return _promotions(args)
    if args.out is None:
        raise SystemExit("pharmadesk: the daily and monthly reports need --out FILE.pdf or FILE.xlsx.")
    if args.out.suffix.lower() not in (".pdf", ".xlsx"):
        raise SystemExit("pharmadesk: --out must end in .pdf or .xlsx.")
    day = report_day(args.date, args.kind) if args.date else None
    with open_store(args, login=True) as store:
        if day is None:   # by default the last complete day / month
            day = store.today() - timedelta(days=1) if args.kind == "daily" else \
                (store.today().replace(day=1) - timedelta(days=1))
        run = jobs.run_daily_report if args.kind == "daily" else jobs.run_monthly_report
        report = run(store, store.today(), jobs.ReportParams(day)).report
        _write_report(report, store, args.out)
    print(f"Report written: {args.out}")
    return 0


#: The promotion report's columns in minor units (shown in currency units; ``_minor`` in JSON).
PROMOTION_MINOR = ("sales", "margin", "discount_cost", "net_effect", "verdict_amount", "expected_sales",
                   "expected_margin", "actual_sales", "actual_margin", "incremental_margin", "incremental_revenue")

#: The columns the table format shows (csv and json carry every column).
PROMOTION_BRIEF = ["promotion_id", "name", "kind", "starts_on", "ends_on", "running_days", "sales", "units",
                   "discount_cost", "margin", "members_reached", "method", "net_effect", "verdict_text"]


def promotion_rows(frame):
    """The promotion report's table with its verdict in words (``verdict_text``) beside the code and amount:
    English here, in the program's language on the owner's page (:func:`pharmadesk.reports.labels.promotion_verdict`)."""
    from pharmadesk.reports.labels import promotion_verdict

    out = frame.copy()
    out.insert(out.columns.get_loc("verdict_amount") + 1, "verdict_text",
               [promotion_verdict(code, amount) for code, amount in zip(out["verdict"], out["verdict_amount"])])
    return out


def _promotions(args) -> int:
    """Every promotion's results as of ``--as-of`` (:func:`pharmadesk.analytics.jobs.run_promotion_report`)."""
    from pharmadesk.analytics import jobs
    from pharmadesk.cli.analytics import format_frame

    fmt = args.format or "table"
    with open_store(args, login=True) as store:
        as_of = args.as_of or store.today()
        params = jobs.PromotionParams() if args.weeks is None else jobs.PromotionParams(weeks=args.weeks)
        result = jobs.run_promotion_report(store, as_of, params)
    frame = promotion_rows(result.frame)
    text = format_frame(frame[PROMOTION_BRIEF] if fmt == "table" else frame, fmt, notes=result.notes,
                        minor=PROMOTION_MINOR)
    if fmt != "table":
        for note in result.notes:
            print(note, file=sys.stderr)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"Wrote {len(result.frame)} promotion(s) to {args.out}.", file=sys.stderr)
    else:
        sys.stdout.write(text)
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
