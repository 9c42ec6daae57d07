"""Translated names of the catalogue's codes (categories, legal classes, OTC classes, storage conditions, the
regulatory profiles, order statuses, promotion kinds and verdicts), for pages, documents and the command line alike (context ``codes``; QtCore only)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pharmadesk.core.payments import METHOD_LABELS
from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.reports.formatting import format_amount

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
OTC_CLASS_LABELS = {"a": QT_TRANSLATE_NOOP("codes", "OTC class A (甲类)"),
                    "b": QT_TRANSLATE_NOOP("codes", "OTC class B (乙类)")}
STORAGE_LABELS = {
    "ambient": QT_TRANSLATE_NOOP("codes", "ambient (常温)"), "cool": QT_TRANSLATE_NOOP("codes", "cool, ≤ 20 °C (阴凉)"),
    "cold": QT_TRANSLATE_NOOP("codes", "cold chain, 2–8 °C (冷藏)"),
}
REGULATORY_PROFILE_LABELS = {"none": QT_TRANSLATE_NOOP("codes", "None"),
                             "china_gsp": QT_TRANSLATE_NOOP("codes", "China GSP (零售药店)")}
ORDER_STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("codes", "draft"), "sent": QT_TRANSLATE_NOOP("codes", "sent"),
    "partial": QT_TRANSLATE_NOOP("codes", "partly received"), "received": QT_TRANSLATE_NOOP("codes", "received"),
    "cancelled": QT_TRANSLATE_NOOP("codes", "cancelled"),
}

PROMOTION_KIND_LABELS = {
    "member_price": QT_TRANSLATE_NOOP("codes", "member price"), "percent_off": QT_TRANSLATE_NOOP("codes", "percent off"),
    "amount_off": QT_TRANSLATE_NOOP("codes", "amount off"), "nth_item": QT_TRANSLATE_NOOP("codes", "Nth item off"),
    "buy_x_get_y": QT_TRANSLATE_NOOP("codes", "buy X get Y"), "spend_save": QT_TRANSLATE_NOOP("codes", "spend X save Y"),
    "coupon": QT_TRANSLATE_NOOP("codes", "coupon"), "points_multiplier": QT_TRANSLATE_NOOP("codes", "extra points"),
}
PROMOTION_STATUS_LABELS = {
    "active": QT_TRANSLATE_NOOP("codes", "active"), "paused": QT_TRANSLATE_NOOP("codes", "paused"),
    "ended": QT_TRANSLATE_NOOP("codes", "ended"),
}
PROMOTION_STACKING_LABELS = {
    "exclusive": QT_TRANSLATE_NOOP("codes", "exclusive"), "stackable": QT_TRANSLATE_NOOP("codes", "stacks"),
    "best": QT_TRANSLATE_NOOP("codes", "best for customer"),
}
MEMBER_TIER_LABELS = {
    "standard": QT_TRANSLATE_NOOP("codes", "standard"), "silver": QT_TRANSLATE_NOOP("codes", "silver"),
    "gold": QT_TRANSLATE_NOOP("codes", "gold"),
}
#: Service records (core.service): kinds, statuses, outcomes, ADR seriousness and course.
SERVICE_KIND_LABELS = {
    "complaint": QT_TRANSLATE_NOOP("codes", "complaint"), "follow_up": QT_TRANSLATE_NOOP("codes", "follow-up call"),
    "enquiry": QT_TRANSLATE_NOOP("codes", "enquiry"), "adr": QT_TRANSLATE_NOOP("codes", "adverse reaction (ADR)"),
    "quality_feedback": QT_TRANSLATE_NOOP("codes", "return / quality feedback"),
}
SERVICE_STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("codes", "open"), "in_progress": QT_TRANSLATE_NOOP("codes", "in progress"),
    "closed": QT_TRANSLATE_NOOP("codes", "closed"),
}
SERVICE_OUTCOME_LABELS = {
    "resolved": QT_TRANSLATE_NOOP("codes", "resolved"), "refunded": QT_TRANSLATE_NOOP("codes", "refunded"),
    "replaced": QT_TRANSLATE_NOOP("codes", "replaced"), "not_upheld": QT_TRANSLATE_NOOP("codes", "not upheld"),
    "referred": QT_TRANSLATE_NOOP("codes", "referred"), "reached": QT_TRANSLATE_NOOP("codes", "reached"),
    "no_answer": QT_TRANSLATE_NOOP("codes", "no answer"), "declined": QT_TRANSLATE_NOOP("codes", "declined"),
    "wrong_number": QT_TRANSLATE_NOOP("codes", "wrong number"), "answered": QT_TRANSLATE_NOOP("codes", "answered"),
    "reported": QT_TRANSLATE_NOOP("codes", "reported"),
    "not_reportable": QT_TRANSLATE_NOOP("codes", "not reportable"),
    "corrected": QT_TRANSLATE_NOOP("codes", "corrected"),
}
SERVICE_REASON_LABELS = {
    "manual": QT_TRANSLATE_NOOP("codes", "taken by staff"),
    "first_chronic_purchase": QT_TRANSLATE_NOOP("codes", "after a first purchase"),
    "complaint": QT_TRANSLATE_NOOP("codes", "after a complaint"),
}
ADR_SERIOUSNESS_LABELS = {
    "general": QT_TRANSLATE_NOOP("codes", "general"), "serious": QT_TRANSLATE_NOOP("codes", "serious"),
}
ADR_OUTCOME_LABELS = {
    "recovered": QT_TRANSLATE_NOOP("codes", "recovered"), "improving": QT_TRANSLATE_NOOP("codes", "improving"),
    "not_recovered": QT_TRANSLATE_NOOP("codes", "not recovered"),
    "sequelae": QT_TRANSLATE_NOOP("codes", "recovered with sequelae"), "death": QT_TRANSLATE_NOOP("codes", "death"),
    "unknown": QT_TRANSLATE_NOOP("codes", "unknown"),
}
#: How a promotion's effect was measured (analytics.models.promotions.METHODS).
PROMOTION_METHOD_LABELS = {
    "holdout": QT_TRANSLATE_NOOP("codes", "vs campaign holdout"),
    "weekdays": QT_TRANSLATE_NOOP("codes", "vs same weekdays before"),
}
#: The verdicts of analytics.models.promotions.VERDICTS; %1 is the amount in currency units.
PROMOTION_VERDICT_LABELS = {
    "paid_for_itself": QT_TRANSLATE_NOOP("codes", "paid for itself (+%1)"),
    "cost_more": QT_TRANSLATE_NOOP("codes", "cost %1 more than it brought"),
    "too_early": QT_TRANSLATE_NOOP("codes", "too early to tell"),
    "no_baseline": QT_TRANSLATE_NOOP("codes", "no days to compare with yet"),
}


def promotion_verdict(code: str, amount: float | None) -> str:
    """A promotion report's verdict in words: ``("cost_more", 123000)`` -> "cost 1,230.00 more than it brought"
    (``amount`` in minor units; translated in context "codes")."""
    text = label(PROMOTION_VERDICT_LABELS, code)
    if "%1" in text:
        text = text.replace("%1", format_amount((amount or 0) / 100))
    return text


def method_label(method: str) -> str:
    """The translated name of a payment method (``cash``, ``wechat``...; context "payments")."""
    return QCoreApplication.translate("payments", METHOD_LABELS.get(method, method))


def label(table: dict, code: str | None) -> str:
    """The translated name of ``code`` in ``table`` (the code itself when the table lacks it)."""
    if code is None:
        return ""
    return QCoreApplication.translate("codes", table.get(code, code))
