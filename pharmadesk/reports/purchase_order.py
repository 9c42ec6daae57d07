"""A purchase order as the supplier reads it: the store, the supplier, date and status, the lines with barcode,
quantity and expected cost, and the total at cost; printed on A4 or saved as PDF (context
``PurchaseOrderWriter``)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument

from pharmadesk.i18n import document_font
from pharmadesk.core.money import format_money
from pharmadesk.reports.labels import ORDER_STATUS_LABELS, label
from pharmadesk.reports.printing import save_pdf


class PurchaseOrderWriter(QObject):
    """The translated title and page of one purchase order."""

    def title(self, order_id: int) -> str:
        return self.tr("Purchase order %1").replace("%1", str(order_id))

    def html(self, store, order_id: int) -> str:
        order = store.stock.order(order_id)
        supplier = store.catalog.supplier(order["supplier_id"])
        supplier_name = supplier["name"] if isinstance(supplier, dict) else getattr(supplier, "name", "")
        e = escape
        rows, total = [], 0
        for line in order["lines"]:
            cost = line["unit_cost"]
            amount = None if cost is None else cost * int(line["quantity"])
            total += amount or 0
            rows.append(f"<tr><td>{e(str(line['product_name']))}</td><td>{e(str(line['barcode']))}</td>"
                        f"<td align='right'>{int(line['quantity'])}</td>"
                        f"<td align='right'>{'' if cost is None else format_money(cost)}</td>"
                        f"<td align='right'>{'' if amount is None else format_money(amount)}</td></tr>")
        supplier_label, date_label, status_label = self.tr("Supplier"), self.tr("Date"), self.tr("Status")
        headers = [self.tr("Product"), self.tr("Barcode"), self.tr("Quantity"), self.tr("Unit cost"),
                   self.tr("Line total")]
        total_label = self.tr("Total at cost")
        status = label(ORDER_STATUS_LABELS, order["status"])
        head = "".join(f"<th align='{'left' if i < 2 else 'right'}'>{e(h)}</th>" for i, h in enumerate(headers))
        address = store.settings.store_address
        return (f"<h2>{e(store.settings.store_name)}</h2>"
                + (f"<p>{e(address)}</p>" if address else "")
                + f"<h3>{e(self.title(order_id))}</h3>"
                f"<p>{e(supplier_label)}: {e(supplier_name)}<br>"
                f"{e(date_label)}: {e(str(order['created_at'])[:10])}<br>"
                f"{e(status_label)}: {e(status)}</p>"
                f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{''.join(rows)}"
                f"<tr><td colspan='4' align='right'><b>{e(total_label)}</b></td>"
                f"<td align='right'><b>{format_money(total)}</b></td></tr></table>")


def order_title(order_id: int) -> str:
    """"Purchase order 12", translated: the printed document's name."""
    return PurchaseOrderWriter().title(order_id)


def order_html(store, order_id: int) -> str:
    """The page of purchase order ``order_id`` as rich text."""
    return PurchaseOrderWriter().html(store, order_id)


def order_document(store, order_id: int) -> QTextDocument:
    """Purchase order ``order_id`` ready to print."""
    document = QTextDocument()
    document.setDefaultFont(document_font())        # the bundled CJK font: Chinese prints on any PC
    document.setHtml(order_html(store, order_id))
    return document


def save_order_pdf(store, order_id: int, path) -> None:
    """Write purchase order ``order_id`` as an A4 PDF at ``path``."""
    save_pdf(order_document(store, order_id), path, order_title(order_id))
