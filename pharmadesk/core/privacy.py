"""Members' privacy rights: who may be contacted, a member's data export, erasure, and retention.

    ids = consented_members(store, "care")                     # the one list of members to remind
    export_member(store, member_id, "member-17.json")            # or .pdf: everything held about them
    erase_member(store, member_id)                              # personal data gone, sales kept
    apply_retention(store)                                      # erase members inactive for N years

Rules:

- **Consent** is the member's latest answer per kind (care reminders, marketing), recorded
  with date and source by :meth:`Members.set_consent`. :func:`consented_members` (and the
  SQL condition :func:`consent_filter` for queries that join members) is the single source of
  truth for every list or export of members to contact: a withdrawal takes effect at once,
  and an erased member has consented to nothing.
- **Export** (:func:`member_data`, :func:`export_member`) gathers everything held about one
  member: the member row, conditions, allergies, consent history, points ledger, purchases
  with their lines and prescriptions, returns, controlled-register entries and the correction
  history. It needs :attr:`Action.PRIVACY_REQUESTS` (the owner) and is audited as
  ``privacy.export`` with the file's format and SHA-256 only, so the store can later tell
  whether a file presented as its export was altered (:func:`verify_export`).
- **Erasure** (:func:`erase_member`) removes the personal data (name, phone, card number,
  birth date, sex, allergies, notes, conditions, correction history) and zeroes the points
  with a ledger row. The member row stays with ``erased_at`` set, so the sales stay for the
  accounts, linked to the member's anonymous id (``members.anon_id``). Consent records (kind,
  yes/no, date, how) are kept as proof of what the member had agreed to; they hold no personal
  data. Prescriptions and the controlled-drugs register are dispensing records the law makes
  the pharmacy keep; they stay with the sales. An erased member cannot be found, changed, or
  attached to a sale. Erasure overwrites the deleted content in the database file
  (``secure_delete``) and checkpoints the WAL, so no old copy lingers in the store's files;
  backups made before the erasure keep it until they rotate out.
- **Retention** (:func:`apply_retention`): with the ``retention_years`` setting N > 0, members
  with neither a purchase nor their registration in the last N years are erased as above.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import textwrap
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pharmadesk.errors import QT_TRANSLATE_NOOP, IntegrityFailure, ValidationError
from pharmadesk.core.members import CONSENT_KINDS
from pharmadesk.core.money import format_money
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import from_iso, to_iso

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

EXPORT_FORMAT = "pharmadesk-member-export/1"
EXPORT_SUFFIXES = (".json", ".pdf")
# Who may draw up a list of members to contact, per kind of consent.
CONSENT_ACTIONS = {"care": Action.CARE_REMINDERS, "marketing": Action.RUN_ANALYTICS}


# -- consent: the one list of members who may be contacted -----------------------------------------------

def consent_filter(kind: str, as_of: datetime | None = None, alias: str = "m") -> tuple[str, tuple]:
    """The SQL condition (and parameters) on ``members AS alias`` for "may be contacted about ``kind``":
    not erased, and the latest consent of that kind (given up to ``as_of``) is a yes.

    Use it in every query that lists members to remind or to market to; :func:`consented_members`
    is the same condition as a list of ids.
    """
    if kind not in CONSENT_KINDS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Consent is for care reminders or marketing."))
    until, params = "", (kind,)
    if as_of is not None:
        until, params = " AND c.at <= ?", (kind, to_iso(as_of))
    return (f"({alias}.erased_at IS NULL AND (SELECT c.granted FROM member_consents c "
            f"WHERE c.member_id = {alias}.id AND c.kind = ?{until} ORDER BY c.id DESC LIMIT 1) = 1)", params)


def consented_members(store: "Store", kind: str, as_of: datetime | None = None) -> list[int]:
    """Ids of the members who may be contacted about ``kind`` ('care' or 'marketing'), ascending.

    A withdrawn consent or an erasure takes the member off this list at once. ``as_of`` answers
    "as if now were then" (consents given later are ignored), for backtests.
    """
    if kind in CONSENT_ACTIONS:
        store.require(CONSENT_ACTIONS[kind])
    condition, params = consent_filter(kind, as_of)
    return [row[0] for row in store.db.execute(f"SELECT m.id FROM members m WHERE {condition} ORDER BY m.id",
                                               params).fetchall()]


# -- export ------------------------------------------------------------------------------------------------

def member_data(store: "Store", member_id: int) -> dict:
    """Everything the store holds about one member, as plain JSON-ready data (not audited by itself;
    :func:`export_member` writes and audits it)."""
    store.require(Action.PRIVACY_REQUESTS)
    db = store.db
    member = store.members._row(member_id)
    sales = db.all(
        "SELECT id, receipt_no, at, source, subtotal, discount, points_redeemed, redeem_value, total, vat, "
        "points_earned FROM sales WHERE member_id = ? ORDER BY at, id", (member_id,))
    for sale in sales:
        sale["lines"] = db.all(
            "SELECT l.id, p.barcode, p.name AS product, p.generic_name, p.strength, p.form, l.quantity, "
            "l.unit_price, l.discount, l.line_total FROM sale_lines l JOIN products p ON p.id = l.product_id "
            "WHERE l.sale_id = ? ORDER BY l.id", (sale["id"],))
        for line in sale["lines"]:
            line["batches"] = db.all(
                "SELECT b.batch_no, b.expiry, a.quantity FROM sale_line_batches a JOIN batches b ON b.id = a.batch_id "
                "WHERE a.sale_line_id = ? ORDER BY b.expiry", (line["id"],))
            line["prescription"] = db.one(
                "SELECT prescriber, rx_number, rx_date, confirmed_at FROM prescriptions WHERE sale_line_id = ?",
                (line.pop("id"),))
        sale["payments"] = db.all("SELECT method, amount FROM payments WHERE sale_id = ? ORDER BY id", (sale["id"],))
        del sale["id"]
    returns = db.all(
        "SELECT r.id, r.return_no, r.at, s.receipt_no, r.reason, r.refund_total, r.points_reversed "
        "FROM returns r JOIN sales s ON s.id = r.original_sale_id WHERE s.member_id = ? ORDER BY r.at, r.id",
        (member_id,))
    for ret in returns:
        ret["lines"] = db.all(
            "SELECT p.name AS product, rl.quantity, rl.refund, rl.damaged FROM return_lines rl "
            "JOIN sale_lines l ON l.id = rl.sale_line_id JOIN products p ON p.id = l.product_id "
            "WHERE rl.return_id = ? ORDER BY rl.id", (ret.pop("id"),))
    suspended = []
    for row in db.all("SELECT at, label, cart FROM suspended_sales ORDER BY id"):
        cart = json.loads(row["cart"])
        if cart.get("member_id") == member_id:
            suspended.append({"at": row["at"], "label": row["label"], "lines": cart.get("lines", [])})
    return {
        "format": EXPORT_FORMAT,
        "store": {"name": store.settings.store_name, "store_id": store.store_id,
                  "currency": store.settings.currency},
        "exported_at": to_iso(store.now()),
        "member": {key: member[key] for key in (
            "id", "anon_id", "card_no", "name", "phone", "birth_date", "sex", "allergies", "notes", "points",
            "registered_at", "updated_at", "erased_at")},
        "conditions": [r["condition"] for r in db.all(
            "SELECT condition FROM member_conditions WHERE member_id = ? ORDER BY condition", (member_id,))],
        "consents_now": {kind: store.members.has_consent(member_id, kind) for kind in CONSENT_KINDS},
        "consents": [{**r, "granted": bool(r["granted"])} for r in db.all(
            "SELECT kind, granted, at, source FROM member_consents WHERE member_id = ? ORDER BY id", (member_id,))],
        "points_ledger": db.all(
            "SELECT p.at, p.delta, p.reason, s.receipt_no, r.return_no FROM points_ledger p "
            "LEFT JOIN sales s ON s.id = p.sale_id LEFT JOIN returns r ON r.id = p.return_id "
            "WHERE p.member_id = ? ORDER BY p.id", (member_id,)),
        "purchases": sales,
        "returns": returns,
        "controlled_register": db.all(
            "SELECT c.at, p.name AS product, b.batch_no, c.quantity, c.rx_number FROM controlled_register c "
            "JOIN products p ON p.id = c.product_id JOIN batches b ON b.id = c.batch_id "
            "WHERE c.member_id = ? ORDER BY c.id", (member_id,)),
        "suspended_sales": suspended,
        "corrections": db.all(
            "SELECT at, field, old_value, new_value FROM member_history WHERE member_id = ? ORDER BY id",
            (member_id,)),
        "care_reminders": [
            {**reminder, "outcomes": db.all(
                "SELECT at, outcome, channel FROM care_reminder_outcomes WHERE reminder_id = ? ORDER BY id",
                (reminder.pop("id"),))}
            for reminder in db.all(
                "SELECT r.id, r.created_at, r.kind, p.name AS product, r.due_date, r.reason, r.channel "
                "FROM care_reminders r LEFT JOIN products p ON p.id = r.product_id "
                "WHERE r.member_id = ? ORDER BY r.id", (member_id,))],
        "campaigns": db.all(
            "SELECT c.name, c.starts_on, c.ends_on, m.arm FROM campaign_members m "
            "JOIN campaigns c ON c.id = m.campaign_id WHERE m.member_id = ? ORDER BY c.id", (member_id,)),
    }


def export_member(store: "Store", member_id: int, path: str | Path) -> Path:
    """Write everything held about the member to ``path`` (``.json`` or a printable ``.pdf``).

    The file appears whole or not at all, and is audited as ``privacy.export`` (format and SHA-256,
    no personal data) in the same transaction.
    """
    store.require(Action.PRIVACY_REQUESTS)
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Export to a .json or a .pdf file."))
    if not path.parent.is_dir():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The folder for the export does not exist."))
    data = member_data(store, member_id)
    if suffix == ".json":
        payload = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        payload = _pdf_bytes(data)          # rendered before the transaction: the till is not kept waiting
    written = False
    try:
        with store.db.transaction():
            _write_atomically(path, payload)
            written = True
            store.audit.record("privacy.export", "member", member_id, format=suffix[1:],
                               sha256=hashlib.sha256(payload).hexdigest(), purchases=len(data["purchases"]))
    except BaseException:
        if written:                         # no audit entry, no export
            path.unlink(missing_ok=True)
        raise
    log.info("member data exported: member %s, %s, %d purchases", member_id, suffix[1:], len(data["purchases"]))
    return path


def verify_export(store: "Store", path: str | Path) -> int:
    """The id of the ``privacy.export`` audit entry whose SHA-256 matches the file ``path`` byte for byte.

    Raises :class:`IntegrityFailure` when none does: the file was altered, or was never exported here.
    """
    store.require(Action.PRIVACY_REQUESTS)
    try:
        digest = hashlib.sha256(Path(path).expanduser().read_bytes()).hexdigest()
    except OSError:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "The file cannot be read; check its name and location.")) from None
    for row in store.db.all("SELECT id, details FROM audit_log WHERE action = 'privacy.export' ORDER BY id DESC"):
        if json.loads(row["details"]).get("sha256") == digest:
            return row["id"]
    raise IntegrityFailure(QT_TRANSLATE_NOOP(
        "errors", "This file is not an export made by this store, or it was changed after the export."))


def _write_atomically(path: Path, payload: bytes) -> None:
    handle, temp = tempfile.mkstemp(prefix=".pharmadesk-export-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# -- the printable PDF ----------------------------------------------------------------------------------------

_PAGE = (8.27, 11.69)           # A4 portrait, inches
_ROWS_PER_PAGE = 38
_CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
              "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB",
              "Arial Unicode MS")


def _fonts() -> list[str]:
    """DejaVu Sans plus the CJK fonts installed here, so Chinese names print (matplotlib falls back per glyph)."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return ["DejaVu Sans", *[name for name in _CJK_FONTS if name in installed]]


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


def _pdf_bytes(data: dict) -> bytes:
    """A4 pages: the member's data on the first, then tables of purchases, returns, points, consents and
    corrections. matplotlib's PDF backend; no display needed."""
    import io

    import matplotlib
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    member, currency = data["member"], data["store"]["currency"]
    money = lambda minor: f"{format_money(minor)}"    # noqa: E731
    buffer = io.BytesIO()
    with matplotlib.rc_context({"font.family": _fonts(), "pdf.fonttype": 42, "axes.unicode_minus": False}):
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


# -- erasure ---------------------------------------------------------------------------------------------------

_PERSONAL_COLUMNS = ("card_no", "name", "phone", "birth_date", "sex", "allergies", "notes")


def erase_member(store: "Store", member_id: int) -> dict:
    """Erase a member's personal data at their request; their sales stay, linked to the anonymous id.

    Returns ``{"member_id", "anon_id", "sales", "points_cleared"}``. Audited as ``member.erase``.
    """
    store.require(Action.PRIVACY_REQUESTS)
    with _secure_delete(store):
        with store.db.transaction():
            result = _erase(store, member_id, "request")
    log.info("member erased: member %s (%d sale(s) kept)", member_id, result["sales"])
    return result


def _erase(store: "Store", member_id: int, reason: str) -> dict:
    """Erase one member inside the caller's transaction."""
    db = store.db
    row = store.members._row(member_id)
    if row["erased_at"] is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "This member's data has already been erased."))
    now = to_iso(store.now())
    points = row["points"]
    store.members._change_points(member_id, -points, "adjust")     # a ledger row: the points liability ends
    db.execute("DELETE FROM member_conditions WHERE member_id = ?", (member_id,))
    db.execute("DELETE FROM member_history WHERE member_id = ?", (member_id,))
    db.execute(f"UPDATE members SET {', '.join(f'{c} = NULL' for c in _PERSONAL_COLUMNS)}, points = 0, "
               "updated_at = ?, erased_at = ? WHERE id = ?", (now, now, member_id))
    for parked in db.all("SELECT id, cart FROM suspended_sales"):
        cart = json.loads(parked["cart"])
        if cart.get("member_id") == member_id:
            cart["member_id"] = None
            db.execute("UPDATE suspended_sales SET cart = ? WHERE id = ?", (json.dumps(cart), parked["id"]))
    sales = db.scalar("SELECT count(*) FROM sales WHERE member_id = ?", (member_id,))
    store.audit.record("member.erase", "member", member_id, reason=reason, sales=sales, points_cleared=points)
    return {"member_id": member_id, "anon_id": row["anon_id"], "sales": sales, "points_cleared": points}


class _secure_delete:  # noqa: N801 - used like a function
    """Zero deleted content in the database file while erasing (SQLCipher's default; made sure of here),
    then fold the WAL, which still holds the old page images, back into the file."""

    def __init__(self, store: "Store") -> None:
        self._db = store.db

    def __enter__(self) -> None:
        self._before = self._db.scalar("PRAGMA secure_delete")
        self._db.execute("PRAGMA secure_delete = ON")

    def __exit__(self, *exc) -> None:
        self._db.execute(f"PRAGMA secure_delete = {int(self._before or 0)}")
        if exc[0] is None and not self._db.in_transaction:
            # Old page images still sit in the WAL until a checkpoint; a busy reader just delays it.
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


# -- retention -----------------------------------------------------------------------------------------------

def _years_before(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:                      # 29 February
        return moment.replace(year=moment.year - years, day=28)


def retention_due(store: "Store") -> list[int]:
    """Members (not yet erased) with neither a purchase nor their registration within ``retention_years``;
    empty when the setting is 0 (off)."""
    store.require(Action.PRIVACY_REQUESTS)
    years = store.settings.retention_years
    if years <= 0:
        return []
    cutoff = to_iso(_years_before(store.now(), years))
    return [row[0] for row in store.db.execute(
        "SELECT m.id FROM members m WHERE m.erased_at IS NULL AND m.registered_at < ? "
        "AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.member_id = m.id AND s.at >= ?) ORDER BY m.id",
        (cutoff, cutoff)).fetchall()]


def apply_retention(store: "Store") -> int:
    """Erase every member :func:`retention_due` lists, in one transaction; returns how many.

    Audited as one ``member.erase`` per member (reason ``retention``) and one ``retention.apply``.
    """
    store.require(Action.PRIVACY_REQUESTS)
    due = retention_due(store)
    if not due:
        return 0
    with _secure_delete(store):
        with store.db.transaction():
            for member_id in due:
                _erase(store, member_id, "retention")
            store.audit.record("retention.apply", "member", None, erased=len(due),
                               years=store.settings.retention_years)
    log.info("retention applied: %d members erased", len(due))
    return len(due)
