"""Translated names of the catalogue's codes (categories, legal classes, order statuses), for pages and
documents alike (context ``codes``; QtCore only)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pharmadesk.core.payments import METHOD_LABELS
from pharmadesk.errors import QT_TRANSLATE_NOOP

CATEGORY_LABELS = {
    "chronic": QT_TRANSLATE_NOOP("codes", "chronic"), "acute": QT_TRANSLATE_NOOP("codes", "acute"),
    "otc": QT_TRANSLATE_NOOP("codes", "OTC"), "supplement": QT_TRANSLATE_NOOP("codes", "supplement"),
    "mother_baby": QT_TRANSLATE_NOOP("codes", "mother & baby"),
    "personal_care": QT_TRANSLATE_NOOP("codes", "personal care"), "device": QT_TRANSLATE_NOOP("codes", "device"),
}
CLASS_LABELS = {
    "otc": QT_TRANSLATE_NOOP("codes", "OTC"), "rx": QT_TRANSLATE_NOOP("codes", "Rx only"),
    "controlled": QT_TRANSLATE_NOOP("codes", "controlled"),
}
ORDER_STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("codes", "draft"), "sent": QT_TRANSLATE_NOOP("codes", "sent"),
    "partial": QT_TRANSLATE_NOOP("codes", "partly received"), "received": QT_TRANSLATE_NOOP("codes", "received"),
    "cancelled": QT_TRANSLATE_NOOP("codes", "cancelled"),
}


def method_label(method: str) -> str:
    """The translated name of a payment method (``cash``, ``wechat``...; context "payments")."""
    return QCoreApplication.translate("payments", METHOD_LABELS.get(method, method))


def label(table: dict, code: str | None) -> str:
    """The translated name of ``code`` in ``table`` (the code itself when the table lacks it)."""
    if code is None:
        return ""
    return QCoreApplication.translate("codes", table.get(code, code))
