"""An adverse drug reaction report in the layout of the national form (药品不良反应/事件报告表): report type,
patient, suspect medicine with approval number, manufacturer and batch, the reaction and its course, the reporter
and the reporting pharmacy; printed on A4 or saved as PDF (context ``AdrFormWriter``).

The form holds the patient's name and health data: it is made only for care staff (``store.service.get`` checks
the permission) and written where they choose, never logged.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument

from pharmadesk.reports.labels import ADR_OUTCOME_LABELS, ADR_SERIOUSNESS_LABELS, label
from pharmadesk.reports.printing import save_pdf

_BOX, _TICK = "☐", "☒"


def _tick(chosen: bool) -> str:
    return _TICK if chosen else _BOX


class AdrFormWriter(QObject):
    """The translated title and page of one ADR report."""

    def title(self, record_id: int) -> str:
        return self.tr("Adverse drug reaction / event report %1").replace("%1", str(record_id))

    def html(self, store, record_id: int) -> str:
        record = store.service.get(record_id)
        adr = record.adr
        product = store.catalog.get(adr["product_id"])
        batch = store.stock.batch(adr["batch_id"]) if adr["batch_id"] else None
        member = store.members.get(record.member_id) if record.member_id else None
        e = lambda value: escape(str(value)) if value not in (None, "") else "&nbsp;"  # noqa: E731
        serious = adr["seriousness"] == "serious"
        new, unit_kind = self.tr("new"), self.tr("pharmacy (distributor)")
        heading, number_label = self.tr("Adverse drug reaction / event report"), self.tr("Report number")
        signature, date_label = self.tr("Signature of the reporter"), self.tr("Date")
        outcomes = "&nbsp; ".join(f"{_tick(adr['adr_outcome'] == code)} {e(label(ADR_OUTCOME_LABELS, code))}"
                                  for code in ADR_OUTCOME_LABELS)
        rows = [
            (self.tr("Report type"), f"{_tick(False)} {e(new)} &nbsp; "
                                     f"{_tick(serious)} {e(label(ADR_SERIOUSNESS_LABELS, 'serious'))} &nbsp; "
                                     f"{_tick(not serious)} {e(label(ADR_SERIOUSNESS_LABELS, 'general'))}"),
            (self.tr("Reporting unit"), f"{e(unit_kind)}: {e(store.settings.store_name)}"),
            (self.tr("Patient"), e(member.name if member else self.tr("walk-in customer (name on the paper form)"))),
            (self.tr("Sex / birth date"), e(" / ".join(x for x in (member.sex if member else None,
                                                                     member.birth_date if member else None) if x))),
            (self.tr("Contact"), e(member.phone if member else None)),
            (self.tr("Known allergies"), e(member.allergies if member else None)),
            (self.tr("Suspect medicine (brand / generic name)"),
             e(" / ".join(x for x in (product.name, product.generic_name) if x))),
            (self.tr("Approval number"), e(getattr(product, "approval_number", None))),
            (self.tr("Manufacturer"), e(product.manufacturer)),
            (self.tr("Batch number / expiry"), e(f"{batch['batch_no']} / {batch['expiry']}" if batch else None)),
            (self.tr("Dose, route, frequency, dates taken"), e(adr["usage"])),
            (self.tr("Adverse reaction"), e(adr["reaction"])),
            (self.tr("Onset date"), e(adr["onset_date"])),
            (self.tr("Course and handling"), e(record.account)),
            (self.tr("Outcome"), outcomes),
            (self.tr("Batch put on quality hold"), e(self.tr("yes") if adr["quality_hold"] else self.tr("no"))),
            (self.tr("Reporter (name, title)"), e(adr["reporter"])),
            (self.tr("Report date"), e(record.created_at[:10])),
        ]
        body = "".join(f"<tr><td width='32%'><b>{escape(name)}</b></td><td>{value}</td></tr>" for name, value in rows)
        address = store.settings.store_address
        return (f"<h2 align='center'>{escape(heading)}</h2>"
                f"<p align='center'>{e(store.settings.store_name)}"
                + (f" · {e(address)}" if address else "") + "</p>"
                f"<p>{escape(number_label)}: {record.id}</p>"
                f"<table border='1' cellspacing='0' cellpadding='5' width='100%'>{body}</table>"
                f"<p>{escape(signature)}: ______________________ &nbsp; "
                f"{escape(date_label)}: ____________</p>")


def adr_form_document(store, record_id: int) -> QTextDocument:
    """ADR report ``record_id`` ready to print."""
    document = QTextDocument()
    document.setHtml(AdrFormWriter().html(store, record_id))
    return document


def save_adr_form_pdf(store, record_id: int, path) -> None:
    """Write ADR report ``record_id`` as an A4 PDF at ``path``."""
    save_pdf(adr_form_document(store, record_id), path, AdrFormWriter().title(record_id))
