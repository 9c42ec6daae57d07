"""The printable member-data export: A4 pages rendered with matplotlib from the data that
:meth:`pharmadesk.core.privacy.Privacy.member_data` gathers.

Pure rendering: no store, no Qt; the privacy service calls it before it writes and audits the file.
"""

from __future__ import annotations

import textwrap

from pharmadesk.core.money import format_money
from pharmadesk.core.timeutil import from_iso
from pharmadesk.fonts import matplotlib_families

_PAGE = (8.27, 11.69)           # A4 portrait, inches
_ROWS_PER_PAGE = 38


def _clip(value, width: int = 38) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _local(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        return from_iso(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def member_export_pdf(data: dict) -> bytes:
    """A4 pages: the member's data on the first, then tables of purchases, returns, points, consents and
    corrections. matplotlib's PDF backend; no display needed."""
    import io

    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    member, currency = data["member"], data["store"]["currency"]
    money = lambda minor: f"{format_money(minor)}"    # noqa: E731
    buffer = io.BytesIO()
    with matplotlib.rc_context({"font.family": matplotlib_families(), "pdf.fonttype": 42,
                                "axes.unicode_minus": False}):
        with PdfPages(buffer, metadata={"Title": "PharmaDesk member data export", "Creator": "PharmaDesk",
                                        "Producer": "PharmaDesk"}) as pdf:
            # -- title page
            fig = Figure(figsize=_PAGE)
            lines: list[tuple[str, str]] = [
                ("Member number", str(member["id"])), ("Anonymous id", member["anon_id"]),
                ("Card number", member["card_no"] or ""), ("Name", member["name"] or ""),
                ("Phone", member["phone"] or ""), ("Birth date", member["birth_date"] or ""),
                ("Sex", member["sex"] or ""), ("Registered", _local(member["registered_at"])),
                ("Last changed", _local(member["updated_at"])), ("Points", str(member["points"])),
                ("Chronic conditions", ", ".join(data["conditions"]) or "none recorded"),
                ("Allergies", member["allergies"] or "none recorded"), ("Notes", member["notes"] or ""),
                ("Care reminders", "yes" if data["consents_now"]["care"] else "no"),
                ("Marketing", "yes" if data["consents_now"]["marketing"] else "no"),
            ]
            if member["erased_at"]:
                lines.append(("Personal data erased", _local(member["erased_at"])))
            lines += [
                ("Purchases", str(len(data["purchases"]))), ("Returns", str(len(data["returns"]))),
                ("Corrections", str(len(data["corrections"]))),
            ]
            fig.text(0.08, 0.94, "Personal data held about a member", fontsize=18, weight="bold")
            fig.text(0.08, 0.915, f"{data['store']['name']} — exported {_local(data['exported_at'])}; "
                                  f"amounts in {currency}", fontsize=9, color="#444444")
            y = 0.87
            for label, value in lines:
                wrapped = textwrap.wrap(value, 70) or [""]
                fig.text(0.08, y, label, fontsize=10, weight="bold")
                for part in wrapped[:6]:
                    fig.text(0.36, y, part, fontsize=10)
                    y -= 0.022
                y -= 0.006
            fig.text(0.08, 0.04, "The following pages list every purchase, return, points movement, consent "
                                 "and correction on record.", fontsize=8, color="#444444")
            pdf.savefig(fig)

            purchase_rows = []
            for sale in data["purchases"]:
                for line in sale["lines"]:
                    rx = line["prescription"]
                    purchase_rows.append([
                        _local(sale["at"]), sale["receipt_no"], _clip(line["product"], 34), str(line["quantity"]),
                        money(line["unit_price"]), money(line["discount"]), money(line["line_total"]),
                        _clip(f"{rx['rx_number']} ({rx['prescriber']})", 21) if rx else ""])
                purchase_rows.append(["", "", f"receipt total (points used: {sale['points_redeemed']})", "", "", "",
                                      money(sale["total"]), ""])
            _table_pages(pdf, Figure, "Purchases",
                         ["Date", "Receipt", "Product", "Qty", "Price", "Discount", "Total", "Prescription"],
                         purchase_rows, [0.14, 0.1, 0.3, 0.05, 0.08, 0.08, 0.08, 0.17])
            return_rows = [[_local(r["at"]), r["return_no"], r["receipt_no"], _clip(line["product"], 34),
                            str(line["quantity"]), money(line["refund"]), _clip(r["reason"], 24)]
                           for r in data["returns"] for line in r["lines"]]
            _table_pages(pdf, Figure, "Returns", ["Date", "Return", "Receipt", "Product", "Qty", "Refund", "Reason"],
                         return_rows, [0.14, 0.1, 0.1, 0.3, 0.05, 0.09, 0.22])
            _table_pages(pdf, Figure, "Points",
                         ["Date", "Change", "Reason", "Receipt", "Return"],
                         [[_local(p["at"]), f"{p['delta']:+d}", p["reason"], p["receipt_no"] or "",
                           p["return_no"] or ""] for p in data["points_ledger"]], [0.2, 0.15, 0.2, 0.2, 0.25])
            _table_pages(pdf, Figure, "Consents (the latest of each kind is the member's answer)",
                         ["Date", "Kind", "Answer", "How given"],
                         [[_local(c["at"]), c["kind"], "yes" if c["granted"] else "no", c["source"]]
                          for c in data["consents"]], [0.25, 0.25, 0.2, 0.3])
            _table_pages(pdf, Figure, "Corrections", ["Date", "Field", "Old value", "New value"],
                         [[_local(c["at"]), c["field"], _clip(c["old_value"], 40), _clip(c["new_value"], 40)]
                          for c in data["corrections"]], [0.18, 0.14, 0.34, 0.34])
            if data["controlled_register"]:
                _table_pages(pdf, Figure, "Controlled medicines register", ["Date", "Product", "Batch", "Qty", "Rx"],
                             [[_local(c["at"]), _clip(c["product"], 40), c["batch_no"], str(c["quantity"]),
                               c["rx_number"] or ""] for c in data["controlled_register"]],
                             [0.2, 0.4, 0.15, 0.08, 0.17])
    return buffer.getvalue()


def _table_pages(pdf, figure_class, title: str, headers: list[str], rows: list[list[str]],
                 widths: list[float]) -> None:
    """One or more A4 pages holding ``rows`` as a table under ``title`` ("none" when empty)."""
    chunks = [rows[i:i + _ROWS_PER_PAGE] for i in range(0, len(rows), _ROWS_PER_PAGE)] or [[]]
    for number, chunk in enumerate(chunks, 1):
        fig = figure_class(figsize=_PAGE)
        suffix = f" ({number} of {len(chunks)})" if len(chunks) > 1 else ""
        fig.text(0.06, 0.95, title + suffix, fontsize=14, weight="bold")
        if not chunk:
            fig.text(0.06, 0.91, "None on record.", fontsize=10)
        else:
            ax = fig.add_axes((0.04, 0.05, 0.92, 0.88))
            ax.axis("off")
            height = (len(chunk) + 1) / (_ROWS_PER_PAGE + 1)
            table = ax.table(cellText=chunk, colLabels=headers, colWidths=widths, cellLoc="left",
                             bbox=(0, 1 - height, 1, height))
            table.auto_set_font_size(False)
            table.set_fontsize(7)
            for (row, _col), cell in table.get_celld().items():
                cell.set_linewidth(0.3)
                if row == 0:
                    cell.set_text_props(weight="bold")
                    cell.set_facecolor("#e8eef4")
        pdf.savefig(fig)
