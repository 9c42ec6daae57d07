"""The receipt of one sale, made from ``store.sales.receipt``: HTML for the preview and a page printer, and
plain text lines for an ESC/POS thermal printer (:mod:`pharmadesk.reports.escpos`). Words: context ``receipt``.

Each line shows its original price (price × quantity) and, under it, a medicine's specification and manufacturer
(the sales record GSP asks for), each promotion's label with what it took off and the till's own discount; after
the totals, "You saved" with the savings per promotion."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from pharmadesk.core.catalog import is_medicine
from pharmadesk.core.money import format_money as money
from pharmadesk.reports.labels import method_label
from pharmadesk.core.timeutil import from_iso
from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.fonts import CJK_FAMILY
from pharmadesk.reports import escpos, split_label


# One table of the receipt's words, shared by the HTML preview and the ESC/POS text (context "receipt").
TEXT = {
    "exp": QT_TRANSLATE_NOOP("receipt", "exp."),
    "subtotal": QT_TRANSLATE_NOOP("receipt", "Subtotal"),
    "discounts": QT_TRANSLATE_NOOP("receipt", "Discounts"),
    "points_redeemed": QT_TRANSLATE_NOOP("receipt", "Points redeemed"),
    "total": QT_TRANSLATE_NOOP("receipt", "TOTAL"),
    "vat": QT_TRANSLATE_NOOP("receipt", "incl. VAT"),
    "ref": QT_TRANSLATE_NOOP("receipt", "ref."),
    "given": QT_TRANSLATE_NOOP("receipt", "Given"),
    "change": QT_TRANSLATE_NOOP("receipt", "Change"),
    "points_earned": QT_TRANSLATE_NOOP("receipt", "Points earned: {0}"),
    "receipt": QT_TRANSLATE_NOOP("receipt", "Receipt"),
    "item": QT_TRANSLATE_NOOP("receipt", "Item"),
    "qty": QT_TRANSLATE_NOOP("receipt", "Qty"),
    "price": QT_TRANSLATE_NOOP("receipt", "Price"),
    "amount": QT_TRANSLATE_NOOP("receipt", "Amount"),
    "thanks": QT_TRANSLATE_NOOP("receipt", "Thank you"),
    "manual": QT_TRANSLATE_NOOP("receipt", "Discount"),
    "saved": QT_TRANSLATE_NOOP("receipt", "You saved"),
    "spec": QT_TRANSLATE_NOOP("receipt", "Spec."),
    "maker": QT_TRANSLATE_NOOP("receipt", "Mfr."),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate("receipt", TEXT[key])


def _totals(sale: dict) -> list[tuple[str, int]]:
    totals = [(_tr("subtotal"), sale["subtotal"])]
    if sale["discount"]:
        totals.append((_tr("discounts"), -sale["discount"]))
    if sale["redeem_value"]:
        totals.append((_tr("points_redeemed"), -sale["redeem_value"]))
    totals.append((_tr("total"), sale["total"]))
    totals.append((_tr("vat"), sale["vat"]))
    for p in sale["payments"]:
        name = method_label(p["method"])
        if p.get("reference"):             # the transaction the customer can show their bank, app or insurer
            name = f"{name} {_tr('ref')} {p['reference']}"
        totals.append((name, p["amount"]))
        if p["method"] == "cash" and p["tendered"]:
            totals += [(_tr("given"), p["tendered"]), (_tr("change"), p["change"])]
    return totals


def _master(line: dict) -> list[str]:
    """A medicine line's specification and manufacturer, each as "label value" (none for other goods)."""
    if not is_medicine(line):
        return []
    return [f"{_tr(key)} {line[field]}" for key, field in (("spec", "specification"), ("maker", "manufacturer"))
            if line.get(field)]


def _line_savings(line: dict) -> list[tuple[str, int]]:
    """What came off one line, each as (label, amount): its promotions, then the till's own discount."""
    parts = [(part["label"], part["amount"]) for part in line["promotions"]]
    if line["manual_discount"]:
        parts.append((_tr("manual"), line["manual_discount"]))
    return parts


def _savings(sale: dict) -> list[tuple[str, int]]:
    """The sale's savings per promotion, then the till's own discounts, for the "You saved" block."""
    parts = [(saving["label"], saving["amount"]) for saving in sale["savings"]]
    manual = sum(line["manual_discount"] for line in sale["lines"])
    if manual:
        parts.append((_tr("manual"), manual))
    return parts


def _when(sale: dict) -> str:
    return from_iso(sale["at"]).astimezone().strftime("%Y-%m-%d %H:%M")


def receipt_html(store, receipt_no: str) -> str:
    """The printable receipt of one sale (store name, lines with batches, totals, payments, points)."""
    sale = store.sales.receipt(receipt_no)
    header = store.settings.receipt_header
    rows = []
    for line in sale["lines"]:
        batches = ", ".join(f"{b['batch_no']} {_tr('exp')} {b['expiry']}" for b in line["batches"] or line["unit_batches"])
        rows.append(
            f"<tr><td>{escape(line['product_name'])}<br>"
            + "".join(f"<small>{escape(part)}</small><br>" for part in _master(line))
            + f"<small>{escape(batches)}</small></td>"
            f"<td align='right'>{line['quantity']}</td><td align='right'>{money(line['unit_price'])}</td>"
            f"<td align='right'>{money(line['unit_price'] * line['quantity'])}</td></tr>")
        rows += [f"<tr><td colspan='3'><small>&nbsp;&nbsp;{escape(label)}</small></td>"
                 f"<td align='right'><small>{money(-amount)}</small></td></tr>" for label, amount in _line_savings(line)]
    total_rows = "".join(f"<tr><td colspan='3'>{escape(label)}</td><td align='right'>{money(value)}</td></tr>"
                         for label, value in _totals(sale))
    savings = _savings(sale)
    if savings:
        total_rows += (f"<tr><td colspan='4'><hr></td></tr><tr><td colspan='3'><b>{escape(_tr('saved'))}</b></td>"
                       f"<td align='right'><b>{money(sale['discount'])}</b></td></tr>")
        total_rows += "".join(f"<tr><td colspan='3'>&nbsp;&nbsp;{escape(label)}</td>"
                              f"<td align='right'>{money(amount)}</td></tr>" for label, amount in savings)
    points = (f"<p>{escape(_tr('points_earned').format(sale['points_earned']))}</p>"
              if sale["member_attached"] else "")
    return (
        f"<html><body style=\"font-family: monospace, '{CJK_FAMILY}'\">"       # Chinese names: the bundled font
        f"<h3 align='center'>{escape(store.settings.store_name)}</h3>"
        + (f"<p align='center'>{escape(header)}</p>" if header else "")
        + f"<p>{escape(_tr('receipt'))} {escape(sale['receipt_no'])}<br>{_when(sale)}</p>"
        f"<table width='100%' cellspacing='0' cellpadding='2'>"
        f"<tr><th align='left'>{_tr('item')}</th><th align='right'>{_tr('qty')}</th>"
        f"<th align='right'>{_tr('price')}</th><th align='right'>{_tr('amount')}</th></tr>"
        + "".join(rows) + "<tr><td colspan='4'><hr></td></tr>" + total_rows
        + f"</table>{points}<p align='center'>{escape(_tr('thanks'))}</p>"
        + "".join(split_label.label_html(label) for label in split_label.sale_labels(store, sale["id"]))
        + "</body></html>"
    )


def receipt_lines(store, receipt_no: str, width: int = escpos.DEFAULT_WIDTH) -> list[str]:
    """The same receipt as plain text lines ``width`` columns wide, for an ESC/POS printer."""
    sale = store.sales.receipt(receipt_no)
    lines = [escpos.centred(store.settings.store_name, width)]
    lines += [escpos.centred(part, width) for part in store.settings.receipt_header.splitlines() if part.strip()]
    lines += [f"{_tr('receipt')} {sale['receipt_no']}", _when(sale), "-" * width]
    for line in sale["lines"]:
        lines.append(escpos.fit(line["product_name"], width))
        lines += [escpos.fit(f"  {part}", width) for part in _master(line)]
        lines.append(escpos.two_columns(f"  {line['quantity']} x {money(line['unit_price'])}",
                                        money(line["unit_price"] * line["quantity"]), width))
        lines += [escpos.two_columns(f"  {label}", money(-amount), width) for label, amount in _line_savings(line)]
        lines += [escpos.fit(f"  {b['batch_no']} {_tr('exp')} {b['expiry']}", width) for b in line["batches"] or line["unit_batches"]]
    lines.append("-" * width)
    lines += [escpos.two_columns(label, money(value), width) for label, value in _totals(sale)]
    savings = _savings(sale)
    if savings:
        lines += ["-" * width, escpos.two_columns(_tr("saved"), money(sale["discount"]), width)]
        lines += [escpos.two_columns(f"  {label}", money(amount), width) for label, amount in savings]
    if sale["member_attached"]:
        lines.append(_tr("points_earned").format(sale["points_earned"]))
    lines += ["", escpos.centred(_tr("thanks"), width)]
    for label in split_label.sale_labels(store, sale["id"]):        # 拆零: each line sold by the unit
        lines += ["", *split_label.label_lines(label, width)]
    return lines
