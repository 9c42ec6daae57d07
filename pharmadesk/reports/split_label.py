"""The split-pack label (拆零标签) of a line sold by the unit: name, specification, quantity, directions, batch,
expiry and the store, from ``store.split.label``. HTML for a page or label printer, plain text lines for the
ESC/POS receipt printer (printed after the receipt, each label cut off on its own). Words: context ``splitLabel``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from pharmadesk.core.split_packs import SplitLabel
from pharmadesk.core.timeutil import from_iso
from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.reports import escpos

TEXT = {
    "title": QT_TRANSLATE_NOOP("splitLabel", "Split-pack label"),
    "name": QT_TRANSLATE_NOOP("splitLabel", "Medicine"),
    "spec": QT_TRANSLATE_NOOP("splitLabel", "Specification"),
    "quantity": QT_TRANSLATE_NOOP("splitLabel", "Quantity"),
    "directions": QT_TRANSLATE_NOOP("splitLabel", "Directions"),
    "batch": QT_TRANSLATE_NOOP("splitLabel", "Batch"),
    "expiry": QT_TRANSLATE_NOOP("splitLabel", "Expiry"),
    "date": QT_TRANSLATE_NOOP("splitLabel", "Dispensed"),
    "ask": QT_TRANSLATE_NOOP("splitLabel", "Ask the pharmacist"),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate("splitLabel", TEXT[key])


def _fields(label: SplitLabel) -> list[tuple[str, str]]:
    name = label.product_name + (f" ({label.generic_name})" if label.generic_name else "")
    return [
        (_tr("name"), name),
        (_tr("spec"), label.specification),
        (_tr("quantity"), f"{label.quantity} {label.unit_name}".strip()),
        (_tr("directions"), label.directions or _tr("ask")),
        (_tr("batch"), label.batch_no),
        (_tr("expiry"), label.expiry),
        (_tr("date"), from_iso(label.sold_at).astimezone().strftime("%Y-%m-%d %H:%M") + f"  {label.receipt_no}"),
    ]


def label_html(label: SplitLabel) -> str:
    """One label as an HTML block."""
    rows = "".join(f"<tr><td>{escape(key)}</td><td>{escape(value)}</td></tr>" for key, value in _fields(label))
    store = escape(label.store_name) + (f"<br>{escape(label.store_address)}" if label.store_address else "")
    return (f"<div style='border: 1px solid black; padding: 4px; margin-top: 8px'><b>{escape(_tr('title'))}</b>"
            f"<table cellspacing='0' cellpadding='1'>{rows}</table><small>{store}</small></div>")


def label_lines(label: SplitLabel, width: int = escpos.DEFAULT_WIDTH) -> list[str]:
    """One label as text lines ``width`` columns wide, for the ESC/POS printer."""
    lines = ["=" * width, escpos.centred(_tr("title"), width)]
    for key, value in _fields(label):
        lines += _wrap(f"{key}: {value}", width)
    lines += [escpos.centred(label.store_name, width)]
    if label.store_address:
        lines.append(escpos.centred(label.store_address, width))
    return lines


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` printed columns (a Chinese character takes two), continued indented."""
    lines, current = [], ""
    for ch in text:
        if escpos.text_width(current + ch) > width:
            lines.append(current)
            current = "  "
        current += ch
    return lines + [current]


def sale_labels(store, sale_id: int) -> list[SplitLabel]:
    """The labels of a sale's lines sold by the unit (none for an ordinary sale)."""
    return [store.split.label(line_id) for line_id in store.split.split_lines_of(sale_id)]
