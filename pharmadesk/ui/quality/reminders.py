"""What the till shows of the GSP records: a reminder when a storage reading is due, and a notice when the
batch FEFO gives a scanned product expires within the store's near-expiry window. Both ask the domain
(``store.quality.due_readings`` / ``near_expiry_warning``) and show nothing under the profile "none"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel

from pharmadesk.core.permissions import Action
from pharmadesk.errors import PharmaDeskError
from pharmadesk.reports.quality_forms import SLOT_LABELS, code_label

REMINDER_INTERVAL_MS = 5 * 60 * 1000      # the afternoon slot opens at noon: look again every five minutes


def due_readings_text(store) -> str:
    """"Storage readings due: 常温区 (Morning, overdue); 冷藏柜 (Afternoon)", or "" when none is due, the
    profile is not china_gsp, or the user may not log readings."""
    if store.user is None or not store.settings.china_gsp or not store.may(Action.LOG_STORAGE):
        return ""
    due = store.quality.due_readings()
    if not due:
        return ""
    overdue = QCoreApplication.translate("QualityReminder", "overdue")
    parts = [f"{d.area_name} ({code_label(SLOT_LABELS, d.slot)}{', ' + overdue if d.overdue else ''})" for d in due]
    return QCoreApplication.translate("QualityReminder", "Storage readings due: {0}. Enter them on the Quality "
                                                         "page (Storage log).").format("; ".join(parts))


def near_expiry_notice(store, product, quantity: int) -> str:
    """A line for the till's message area when FEFO gives ``quantity`` units of ``product`` from a batch
    within the near-expiry window ("" otherwise, and always under the profile "none")."""
    if not store.settings.china_gsp:
        return ""
    try:
        batches = store.quality.near_expiry_warning(product.id, quantity)
    except PharmaDeskError:
        return ""           # the sale's own checks say what is wrong with the stock
    if not batches:
        return ""
    batch = batches[0]
    return QCoreApplication.translate(
        "QualityReminder", "Near expiry: {0} batch {1} expires on {2} ({3} days left). Tell the customer.").format(
        product.name, batch.batch_no, batch.expiry, batch.days_left)


class ReadingReminder(QLabel):
    """The till's reminder line for due storage readings; hidden when nothing is due."""

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("qualityReminder")
        self.setWordWrap(True)
        self.setProperty("kind", "info")
        self.timer = QTimer(self)
        self.timer.setInterval(REMINDER_INTERVAL_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.hide()

    def refresh(self) -> str:
        try:
            text = due_readings_text(self.store)
        except PharmaDeskError:
            text = ""
        self.setText(text)
        self.setVisible(bool(text))
        return text
