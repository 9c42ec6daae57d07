"""How customers pay and how refunds go back: the payment methods, their rules, and the refund plan.

Methods: ``cash``, ``card`` (bank card on the store's own terminal), ``wechat`` (WeChat Pay), ``alipay``,
``insurance`` (医保个账, the member's personal medical-insurance account) and ``voucher``. A sale may mix any
of them. PharmaDesk contacts no payment provider: the clerk records what the terminal or the phone showed,
and for ``card``, ``wechat``, ``alipay`` and ``insurance`` that includes the transaction's reference (the
number the store later finds on the terminal batch, the merchant bill or the insurer's settlement list).

Refunds go back where the money came from (:func:`refund_plan`). Net sales are defined once, here
(:func:`net_sales`), and every report uses that function.

Pure rules, no database and no Qt: :mod:`pharmadesk.core.sales` calls them inside its transactions.
"""

from __future__ import annotations

from dataclasses import dataclass

from pharmadesk.core.catalog import whole_number
from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

#: every payment method, in the order the till and the reports list them
PAYMENT_METHODS = ("cash", "card", "wechat", "alipay", "insurance", "voucher")
#: methods whose transaction reference must be recorded (it is how the store reconciles them)
REFERENCE_REQUIRED = frozenset({"card", "wechat", "alipay", "insurance"})
REFERENCE_MIN, REFERENCE_MAX = 4, 64

#: the methods' names as people at the counter say them (context "payments")
METHOD_LABELS = {
    "cash": QT_TRANSLATE_NOOP("payments", "Cash"),
    "card": QT_TRANSLATE_NOOP("payments", "Card"),
    "wechat": QT_TRANSLATE_NOOP("payments", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("payments", "Alipay"),
    "insurance": QT_TRANSLATE_NOOP("payments", "Insurance (医保)"),
    "voucher": QT_TRANSLATE_NOOP("payments", "Voucher"),
}

#: how every report labels :func:`net_sales` (context "payments")
NET_SALES_LABEL = QT_TRANSLATE_NOOP("payments", "Net sales (VAT incl., after refunds)")


def net_sales(paid: int, refunded: int) -> int:
    """Net sales, the one definition every report uses (X/Z report, Reports page, Dashboard, head office).

    ``paid``: the sum of the sales' totals — what customers paid, **VAT included**, after line discounts and
    after points redeemed; ``refunded``: the sum of the refunds made in the same period (whatever the date of
    the sale they refund). Net sales = paid − refunded: **refunds are taken out, VAT stays in**. Works on
    integer minor units or on currency units alike.
    """
    return paid - refunded


@dataclass(frozen=True)
class Payment:
    """One payment towards a sale.

    ``amount`` is what it pays of the sale; ``tendered`` (cash only) what the customer handed over, the
    change being ``tendered - amount``; ``reference`` the transaction id the terminal, phone or insurer
    showed (required for card, WeChat Pay, Alipay and insurance; a voucher may carry its number).
    """

    method: str
    amount: int
    tendered: int | None = None
    reference: str | None = None


@dataclass(frozen=True)
class RefundPart:
    """One part of a refund: ``amount`` paid back by ``method``; ``refund_of`` is the id of the sale's payment
    it gives back (its ``reference`` copied, so the merchant finds the original transaction)."""

    method: str
    amount: int
    refund_of: int | None
    reference: str | None


def clean_reference(method: str, reference: str | None) -> str | None:
    """The trimmed reference of a ``method`` payment, or a ValidationError saying what is wrong with it.

    A reference is 4–64 printable characters once trimmed; required for :data:`REFERENCE_REQUIRED`,
    optional for vouchers, refused for cash (cash has no transaction to refer to).
    """
    text = (reference or "").strip()
    if not text:
        if method in REFERENCE_REQUIRED:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Enter the transaction reference shown on the terminal or the customer's phone."))
        return None
    if method == "cash":
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "A cash payment has no transaction reference."))
    if not REFERENCE_MIN <= len(text) <= REFERENCE_MAX or not text.isprintable():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "A transaction reference is {low} to {high} letters or digits."),
            low=REFERENCE_MIN, high=REFERENCE_MAX)
    return text


def check_payments(payments: list[Payment], total: int) -> tuple[list[Payment], int]:
    """Validate the payments of a sale of ``total``: known methods, whole amounts, references where needed,
    cash tendered only for cash and never less than its amount; together they pay exactly ``total``.

    Returns the payments with their references trimmed, and the change to give (from cash only).
    """
    if not payments and total > 0:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Take payment first."))
    cleaned = []
    change = 0
    for payment in payments:
        if payment.method not in PAYMENT_METHODS:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Choose how the customer pays: cash, card, WeChat Pay, Alipay, medical insurance or "
                          "voucher."))
        whole_number(payment.amount, "payment", 0, 10**10)
        reference = clean_reference(payment.method, payment.reference)
        if payment.tendered is not None:
            if payment.method != "cash":
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Only cash is handed over with change."))
            whole_number(payment.tendered, "cash given", 0, 10**10)
            if payment.tendered < payment.amount:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "The cash given is less than the amount due."))
            change += payment.tendered - payment.amount
        cleaned.append(Payment(payment.method, payment.amount, payment.tendered, reference))
    if sum(p.amount for p in cleaned) != total:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The payments do not add up to the total."))
    return cleaned, change


def refund_plan(paid: list[dict], refund: int) -> list[RefundPart]:
    """Split a refund of ``refund`` over the sale's payments so that it goes back the way it was paid.

    ``paid``: the sale's payments in the order they were taken, each ``{"id", "method", "amount",
    "reference", "refunded"}`` where ``refunded`` is what earlier returns already gave back of it.

    Rule (**up to what each payment still holds, not proportionally**): the non-cash payments are refunded
    first, in the order they were taken, each up to its amount less what was refunded of it before; cash
    comes last. So a customer who paid 50 in cash and 150 by Alipay and returns an item worth 30 gets 30
    back on Alipay (one refund in the app, traced by its reference, the drawer untouched), and only what no
    electronic payment still covers is paid out of the drawer. A sale with no recorded payment (points paid
    for it all) is refunded in cash.
    """
    order = [p for p in paid if p["method"] != "cash"] + [p for p in paid if p["method"] == "cash"]
    parts: list[RefundPart] = []
    left = refund
    for payment in order:
        if left <= 0:
            break
        take = min(left, max(0, payment["amount"] - payment["refunded"]))
        if take:
            parts.append(RefundPart(payment["method"], take, payment["id"], payment["reference"]))
            left -= take
    if left > 0:      # rounding of earlier shares, or a sale paid by points only: the rest in cash
        parts.append(RefundPart("cash", left, None, None))
    return parts


def totals_by_method(rows) -> dict[str, int]:
    """``{method: amount}`` for every method (zero when absent) from rows of ``(method, amount)``."""
    totals = dict.fromkeys(PAYMENT_METHODS, 0)
    for method, amount in rows:
        totals[method] = totals.get(method, 0) + (amount or 0)
    return totals
