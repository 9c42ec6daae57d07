"""A kept prescription as a printable page (HTML for the preview and a page printer): the prescription, the
medicine and the three signatures (审核 / 调配 / 核对). Words: context ``prescriptionRecord``."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from pharmadesk.core.prescriptions import PrescriptionRecord
from pharmadesk.core.timeutil import from_iso
from pharmadesk.errors import QT_TRANSLATE_NOOP

TEXT = {
    "title": QT_TRANSLATE_NOOP("prescriptionRecord", "Prescription record"),
    "institution": QT_TRANSLATE_NOOP("prescriptionRecord", "Institution"),
    "prescriber": QT_TRANSLATE_NOOP("prescriptionRecord", "Prescriber"),
    "number": QT_TRANSLATE_NOOP("prescriptionRecord", "Prescription number"),
    "date": QT_TRANSLATE_NOOP("prescriptionRecord", "Prescription date"),
    "medicine": QT_TRANSLATE_NOOP("prescriptionRecord", "Medicine"),
    "quantity": QT_TRANSLATE_NOOP("prescriptionRecord", "Quantity"),
    "receipt": QT_TRANSLATE_NOOP("prescriptionRecord", "Receipt"),
    "reviewed": QT_TRANSLATE_NOOP("prescriptionRecord", "Reviewed by (审核)"),
    "dispensed": QT_TRANSLATE_NOOP("prescriptionRecord", "Dispensed by (调配)"),
    "checked": QT_TRANSLATE_NOOP("prescriptionRecord", "Checked by (核对)"),
    "single": QT_TRANSLATE_NOOP("prescriptionRecord", "One pharmacist signed both: {0}"),
    "image": QT_TRANSLATE_NOOP("prescriptionRecord", "A scan of the prescription is kept with this record."),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate("prescriptionRecord", TEXT[key])


def prescription_html(store, record: PrescriptionRecord) -> str:
    """One prescription record as a page, with the store's name on top."""
    sold = from_iso(record.sold_at).astimezone().strftime("%Y-%m-%d %H:%M")
    rows = [
        (_tr("institution"), record.institution), (_tr("prescriber"), record.prescriber),
        (_tr("number"), record.rx_number), (_tr("date"), record.rx_date),
        (_tr("medicine"), f"{record.product_name} {record.specification}".strip()),
        (_tr("quantity"), str(record.quantity)), (_tr("receipt"), f"{record.receipt_no}  {sold}"),
        (_tr("reviewed"), record.reviewed_by), (_tr("dispensed"), record.dispensed_by),
        (_tr("checked"), record.checked_by),
    ]
    table = "".join(f"<tr><td>{escape(key)}</td><td>{escape(value)}</td></tr>" for key, value in rows)
    notes = ""
    if record.single_reason:
        notes += f"<p>{escape(_tr('single').format(record.single_reason))}</p>"
    if record.has_image:
        notes += f"<p>{escape(_tr('image'))}</p>"
    return (f"<html><body><h3>{escape(store.settings.store_name)}</h3><h4>{escape(_tr('title'))}</h4>"
            f"<table cellspacing='0' cellpadding='3'>{table}</table>{notes}</body></html>")
