"""Selling at the till: sales with FEFO allocation, prescriptions, payments and points;
returns against the original receipt; suspended sales; the day close (Z report).

The payment methods, their rules, the refund plan and the one definition of net sales are in
:mod:`pharmadesk.core.payments`.

Each use case is one transaction: a sale that breaks any rule leaves stock, points
and the ledger exactly as they were.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Mapping

from pharmadesk.core.catalog import Product, whole_number
from pharmadesk.errors import (
    QT_TRANSLATE_NOOP,
    NotFound,
    PermissionDenied,
    PharmacistRequired,
    PrescriptionRequired,
    ValidationError,
)
from pharmadesk.core.money import vat_included
from pharmadesk.core.payments import (  # noqa: F401  (Payment and PAYMENT_METHODS: the till's names)
    PAYMENT_METHODS, Payment, RefundPart, check_payments, net_sales, refund_plan, totals_by_method,
)
from pharmadesk.core.permissions import Action
from pharmadesk.core.stock import Allocation
from pharmadesk.core.timeutil import parse_date, to_iso
from pharmadesk.core.users import Approval

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

MAX_LINES = 200
MAX_LINE_QUANTITY = 10_000
PRESCRIPTION_VALID_DAYS = 365


@dataclass
class Prescription:
    """The prescription behind an Rx-only line, confirmed by a pharmacist.

    ``approval`` is a pharmacist's PIN approval when the logged-in user is not one.
    """

    prescriber: str
    rx_number: str
    rx_date: date | str
    approval: Approval | None = None


@dataclass
class CartLine:
    product_id: int
    quantity: int = 1
    unit_price: int | None = None     # None: the catalogue price
    discount: int = 0                 # minor units off this line
    prescription: Prescription | None = None


@dataclass(frozen=True)
class ReturnItem:
    sale_line_id: int
    quantity: int
    damaged: bool = False


@dataclass
class SoldLine:
    sale_line_id: int
    product_id: int
    name: str
    quantity: int
    unit_price: int
    discount: int
    line_total: int
    allocations: list[Allocation] = field(default_factory=list)


@dataclass
class SaleResult:
    sale_id: int
    receipt_no: str
    at: str
    subtotal: int
    discount: int
    redeem_value: int
    total: int
    vat: int
    change: int
    points_earned: int
    lines: list[SoldLine]


@dataclass(frozen=True)
class ReturnResult:
    """What a return did: its number, the refund and the points taken back from and given back to the member;
    ``refunded_by`` how the refund was paid back (see :func:`pharmadesk.core.payments.refund_plan`)."""

    return_id: int
    return_no: str
    refund: int
    points_reversed: int
    points_restored: int
    refunded_by: tuple[RefundPart, ...] = ()


@dataclass(frozen=True)
class DayReport:
    """The totals since the last day close: the X report, or with ``counted_cash`` and ``day_close_id`` the Z report.

    ``paid`` is what customers paid (sales totals, VAT included, after discounts and points); ``net`` is net
    sales as :func:`pharmadesk.core.payments.net_sales` defines it: ``paid`` minus the refunds of the period.
    ``payments`` and ``refunds_by_method`` hold every method of :data:`PAYMENT_METHODS`; the expected cash
    counts cash only (opening float + cash taken − cash refunded).

    ``after_close`` holds what each day-close hook reported (``"backup"``, ``"headoffice"``: an outcome
    dict); ``after_close_errors`` the errors a hook let escape.
    """

    period_start: str
    period_end: str
    transactions: int
    gross: int
    discounts: int
    points_redeemed: int
    paid: int
    net: int
    vat: int
    items: int
    average_ticket: int
    payments: Mapping[str, int]
    refunds: int
    refund_amount: int
    refunds_by_method: Mapping[str, int]
    opening_float: int
    expected_cash: int
    counted_cash: int | None = None
    cash_variance: int | None = None
    day_close_id: int | None = None
    after_close: Mapping[str, dict] = field(default_factory=dict)
    after_close_errors: tuple[str, ...] = ()

    @property
    def net_by_method(self) -> dict[str, int]:
        """Per method: taken minus refunded (what the terminal batch, merchant bill or drawer should show)."""
        return {m: self.payments.get(m, 0) - self.refunds_by_method.get(m, 0)
                for m in dict.fromkeys([*self.payments, *self.refunds_by_method])}

    @property
    def closed(self) -> bool:
        """True for a Z report (the day was closed), False for an X report."""
        return self.day_close_id is not None

    def with_count(self, counted_cash: int) -> "DayReport":
        """This report with the cash counted in the drawer and the variance (counted − expected): what a day
        close records, and what its confirmation shows before the close."""
        return replace(self, counted_cash=counted_cash, cash_variance=counted_cash - self.expected_cash)


def _proportion(amount: int, numerator: int, denominator: int) -> int:
    """amount * numerator / denominator, rounded half up, in integers."""
    if denominator <= 0:
        return 0
    return (2 * amount * numerator + denominator) // (2 * denominator)


_RX_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{4})(\d{2})(\d{2})")


def read_prescription_date(value: date | str | None, today: date) -> date:
    """The date written on a prescription, as the till types it: ``2026-12-04`` or ``20261204`` (or a date).

    One plain field, so Tab and typed digits never land in a date widget's sections. Anything else is
    refused with a message that shows both ways of typing it, using ``today`` as the example.
    """
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    match = _RX_DATE.fullmatch(text)
    if match:
        year, month, day = (int(part) for part in (match.groups()[:3] if match.group(1) else match.groups()[3:]))
        try:
            return date(year, month, day)
        except ValueError:
            pass
    raise ValidationError(
        QT_TRANSLATE_NOOP("errors", "Type the prescription date as {example} or {compact}."),
        example=today.isoformat(), compact=today.strftime("%Y%m%d"))


@dataclass(frozen=True)
class SuspendedSale:
    """A parked sale as the till lists it: enough to tell the waiting customers apart.

    Of the member only the name and the last four digits of the phone are given, what every role
    at the till may see. ``total`` is the cart at its current prices, before points.
    """

    id: int
    at: str                           # UTC ISO-8601, when it was parked
    label: str                        # the clerk's free text, "" if none
    parked_by: str                    # the display name of the user who parked it
    line_count: int
    item_count: int                   # units over all lines
    total: int                        # minor units
    member_id: int | None
    member_name: str | None           # None without a member, or once the member was erased
    member_phone_last4: str | None


class Sales:
    def __init__(self, store: "Store") -> None:
        self._store = store

    # -- selling ---------------------------------------------------------------------------------

    def sell(self, lines: list[CartLine], payments: list[Payment], member_id: int | None = None,
             redeem_points: int = 0, approval: Approval | list[Approval] | None = None) -> SaleResult:
        """Complete a sale. ``approval`` is a colleague's consent (or several) for discounts or price
        changes the logged-in user may not give; :meth:`approvals_needed` says which."""
        store = self._store
        cashier = store.require(Action.SELL)
        if not lines:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The sale has no items."))
        if len(lines) > MAX_LINES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A sale can have at most {n} lines."), n=MAX_LINES)
        threshold = store.settings.discount_threshold_pct
        today = store.today()
        db = store.db
        with db.transaction():
            priced = [self._price_line(line, approval, threshold, today) for line in lines]
            subtotal = sum(p["gross"] for p in priced)
            discount = sum(p["discount"] for p in priced)
            after_discounts = subtotal - discount
            if member_id is not None:
                store.members.live_row(member_id)      # an erased member cannot be attached
            redeem_points = whole_number(redeem_points, "points", 0, 10**9)
            redeem_value = self.redeem_value(redeem_points)
            if redeem_points and member_id is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Attach the member to redeem points."))
            if redeem_value > after_discounts:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Points can pay for at most the whole sale."))
            total = after_discounts - redeem_value
            payments, change = check_payments(payments, total)

            at = to_iso(store.now())
            sale_id = (db.scalar("SELECT COALESCE(MAX(id), 0) FROM sales") or 0) + 1
            receipt_no = f"S{sale_id:08d}"
            vat = sum(vat_included(p["line_total"], p["product"].vat_rate_bp) for p in priced)
            vat = _proportion(vat, total, after_discounts) if after_discounts else 0
            db.insert("sales", {
                "id": sale_id, "receipt_no": receipt_no, "at": at, "user_id": cashier.id, "member_id": member_id,
                "subtotal": subtotal, "discount": discount, "points_redeemed": redeem_points,
                "redeem_value": redeem_value, "total": total, "vat": vat, "points_earned": 0})
            sold = [self._book_line(sale_id, p, member_id, today, at) for p in priced]
            for payment in payments:
                db.insert("payments", {
                    "sale_id": sale_id, "method": payment.method, "amount": payment.amount,
                    "tendered": payment.tendered if payment.method == "cash" else None,
                    "change": (payment.tendered - payment.amount) if payment.method == "cash" and payment.tendered
                    else 0, "reference": payment.reference})
            points_earned = 0
            if member_id is not None:
                store.members.post_points(member_id, -redeem_points, "redeem", sale_id=sale_id)
                points_earned = (total // 100) * store.settings.points_per_currency_unit
                store.members.post_points(member_id, points_earned, "earn", sale_id=sale_id)
                db.execute("UPDATE sales SET points_earned = ? WHERE id = ?", (points_earned, sale_id))
        log.info("sale committed: %s, total %s, %d line(s)%s", receipt_no, f"{total:,}", len(sold),
                 ", member attached" if member_id is not None else "")
        return SaleResult(sale_id, receipt_no, at, subtotal, discount, redeem_value, total, vat, change,
                          points_earned, sold)

    def _price_line(self, line: CartLine, approval: Approval | None, threshold_pct: int, today: date) -> dict:
        """Validate one cart line and work out its money and its pharmacist; writes nothing."""
        store = self._store
        product: Product = store.catalog.get(line.product_id)
        if not product.active:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{product} is no longer sold."), product=product.name)
        quantity = whole_number(line.quantity, "quantity", 1, MAX_LINE_QUANTITY)
        unit_price = product.price
        if line.unit_price is not None and line.unit_price != product.price:
            unit_price = whole_number(line.unit_price, "price", 0, 10**9)
        gross = unit_price * quantity
        discount = whole_number(line.discount, "discount", 0, 10**12)
        if discount > gross:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A discount cannot exceed the line's price."))
        large_discount = discount * 100 > gross * threshold_pct
        for action in self._line_actions(product, unit_price, discount, large_discount):
            store.require(action, approval)
        pharmacist = None
        if product.needs_prescription:
            pharmacist = self._check_prescription(product, line.prescription, approval, today)
        return {"product": product, "quantity": quantity, "unit_price": unit_price, "gross": gross,
                "discount": discount, "line_total": gross - discount, "pharmacist": pharmacist,
                "prescription": line.prescription, "large_discount": large_discount,
                "price_override": unit_price != product.price}

    @staticmethod
    def _line_actions(product: Product, unit_price: int, discount: int, large_discount: bool) -> list[Action]:
        """The permissions a line's price and discount call for (beyond selling it)."""
        actions = []
        if unit_price != product.price:
            actions.append(Action.OVERRIDE_PRICE)
        if discount:
            actions.append(Action.DISCOUNT_ANY if large_discount else Action.DISCOUNT)
        return actions

    def approvals_needed(self, lines: list[CartLine]) -> list[Action]:
        """Which colleague approvals the logged-in user needs before :meth:`sell` accepts ``lines``
        (discounts and price changes); prescriptions are confirmed per line, not here."""
        store = self._store
        store.require(Action.SELL)
        threshold = store.settings.discount_threshold_pct
        needed: list[Action] = []
        for line in lines:
            product = store.catalog.get(line.product_id)
            quantity = whole_number(line.quantity, "quantity", 1, MAX_LINE_QUANTITY)
            unit_price = product.price if line.unit_price is None else whole_number(line.unit_price, "price", 0, 10**9)
            discount = whole_number(line.discount, "discount", 0, 10**12)
            large = discount * 100 > unit_price * quantity * threshold
            for action in self._line_actions(product, unit_price, discount, large):
                if not store.may(action) and action not in needed:
                    needed.append(action)
        return needed

    def redeem_value(self, points: int) -> int:
        """What ``points`` are worth in minor units when a member pays with them."""
        return whole_number(points, "points", 0, 10**9) * self._store.settings.point_value_minor

    def check_prescription(self, product_id: int, prescription: Prescription | None) -> Prescription:
        """Check a prescription as the till enters it, before a pharmacist is asked to confirm it.

        The checks :meth:`sell` makes on every Rx line: prescriber and number given, a readable date
        (``2026-12-04`` or ``20261204``) that is neither in the future nor more than a year old. The till
        calls this so the clerk sees the refusal while still holding the prescription, and a PIN is not
        spent on a prescription the sale would refuse. Returns it trimmed, with its date as a ``date``;
        writes nothing. Raises PrescriptionRequired or ValidationError.
        """
        self._store.require(Action.SELL)
        product = self._store.catalog.get(product_id)
        rx_date = self._prescription_date(product, prescription, self._store.today())
        return replace(prescription, prescriber=prescription.prescriber.strip(),
                       rx_number=prescription.rx_number.strip(), rx_date=rx_date)

    @staticmethod
    def _prescription_date(product: Product, rx: Prescription | None, today: date) -> date:
        """Validate a prescription's fields (not who confirms it); returns its date."""
        if rx is None or not (rx.prescriber or "").strip() or not (rx.rx_number or "").strip():
            raise PrescriptionRequired(
                QT_TRANSLATE_NOOP("errors", "{product} needs a prescription: enter prescriber and number."),
                product=product.name)
        rx_date = read_prescription_date(rx.rx_date, today)
        if rx_date > today:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The prescription date {date} is in the future: check the date on the prescription."),
                date=rx_date.isoformat())
        if rx_date < today - timedelta(days=PRESCRIPTION_VALID_DAYS):
            raise PrescriptionRequired(QT_TRANSLATE_NOOP("errors", "This prescription is more than a year old."))
        return rx_date

    def _check_prescription(self, product: Product, rx: Prescription | None, approval: Approval | None,
                            today: date):
        self._prescription_date(product, rx, today)
        try:
            return self._store.require(Action.DISPENSE_RX, rx.approval or approval)
        except PermissionDenied:
            raise PharmacistRequired(
                QT_TRANSLATE_NOOP("errors", "{product} is prescription-only: a pharmacist must confirm it."),
                product=product.name) from None

    def _book_line(self, sale_id: int, priced: dict, member_id: int | None, today: date, at: str) -> SoldLine:
        store, db = self._store, self._store.db
        product: Product = priced["product"]
        allocations = store.stock.allocate(product.id, priced["quantity"], today)
        cost = sum(a.quantity * db.scalar("SELECT unit_cost FROM batches WHERE id = ?", (a.batch_id,))
                   for a in allocations)
        line_id = db.insert("sale_lines", {
            "sale_id": sale_id, "product_id": product.id, "quantity": priced["quantity"],
            "unit_price": priced["unit_price"], "discount": priced["discount"], "line_total": priced["line_total"],
            "vat_rate_bp": product.vat_rate_bp, "unit_cost": _proportion(cost, 1, priced["quantity"])})
        for allocation in allocations:
            store.stock.post_move(allocation.batch_id, -allocation.quantity, "sale", "sale", sale_id)
            db.insert("sale_line_batches", {"sale_line_id": line_id, "batch_id": allocation.batch_id,
                                            "quantity": allocation.quantity})
        pharmacist = priced["pharmacist"]
        if pharmacist is not None:
            rx: Prescription = priced["prescription"]
            rx_date = parse_date(rx.rx_date, "prescription date").isoformat()
            db.insert("prescriptions", {"sale_line_id": line_id, "prescriber": rx.prescriber.strip(),
                                        "rx_number": rx.rx_number.strip(), "rx_date": rx_date,
                                        "pharmacist_id": pharmacist.id, "confirmed_at": at})
            if product.legal_class == "controlled":
                for allocation in allocations:
                    db.insert("controlled_register", {
                        "at": at, "sale_line_id": line_id, "product_id": product.id,
                        "batch_id": allocation.batch_id, "quantity": allocation.quantity, "member_id": member_id,
                        "pharmacist_id": pharmacist.id, "rx_number": rx.rx_number.strip()})
                store.audit.record("controlled.dispense", "sale_line", line_id, quantity=priced["quantity"])
        if priced["large_discount"]:
            store.audit.record("discount.large", "sale_line", line_id, discount=priced["discount"],
                               gross=priced["gross"])
        if priced["price_override"]:
            store.audit.record("price.override", "sale_line", line_id, price=priced["unit_price"],
                               catalogue=product.price)
        return SoldLine(line_id, product.id, product.name, priced["quantity"], priced["unit_price"],
                        priced["discount"], priced["line_total"], allocations)

    # -- receipts ------------------------------------------------------------------------------------

    def receipt(self, receipt_no: str) -> dict:
        """A sale with its lines, batches, payments and what has been returned of each line."""
        self._store.require_user()
        db = self._store.db
        sale = db.one("SELECT * FROM sales WHERE receipt_no = ?", ((receipt_no or "").strip().upper(),))
        if sale is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No sale has this receipt number."))
        sale["lines"] = db.all(
            "SELECT l.*, p.name AS product_name, p.legal_class, "
            "COALESCE((SELECT SUM(r.quantity) FROM return_lines r WHERE r.sale_line_id = l.id), 0) AS returned "
            "FROM sale_lines l JOIN products p ON p.id = l.product_id WHERE l.sale_id = ? ORDER BY l.id",
            (sale["id"],))
        for line in sale["lines"]:
            line["batches"] = db.all(
                "SELECT b.id AS batch_id, b.batch_no, b.expiry, a.quantity FROM sale_line_batches a "
                "JOIN batches b ON b.id = a.batch_id WHERE a.sale_line_id = ? ORDER BY b.expiry", (line["id"],))
        sale["payments"] = db.all("SELECT method, amount, tendered, change, reference FROM payments "
                                  "WHERE sale_id = ? ORDER BY id", (sale["id"],))
        return sale

    # -- returns --------------------------------------------------------------------------------------

    def return_items(self, receipt_no: str, items: list[ReturnItem], reason: str, method: str | None = None,
                     approval: Approval | list[Approval] | None = None) -> ReturnResult:
        """Take goods back against their receipt: units return to their original batch (damaged ones
        are then written off), the refund is the share of what was paid, and points follow.

        The refund goes back the way the sale was paid (``method=None``, see
        :func:`pharmadesk.core.payments.refund_plan`: up to what each payment still holds, non-cash first).
        ``method`` may name the sale's own single method, or ``"cash"``: paying back a card, WeChat Pay,
        Alipay, insurance or voucher payment in cash needs :attr:`Action.REFUND_IN_CASH` (the owner, or the
        owner's approval in ``approval``) and is audited as ``refund.in_cash``. Any refusal changes nothing.
        """
        store, db = self._store, self._store.db
        store.require(Action.SELL)
        approver = store.require(Action.REFUND, approval)
        reason = (reason or "").strip()
        if not reason or len(reason) > 200:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give a reason for the return."))
        if method is not None and method not in PAYMENT_METHODS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose how the refund is paid back."))
        sale, lines, returned = self._returnable(receipt_no, items)
        refund_due = self._refund_of(sale, lines, returned)
        parts = self._refund_parts(sale, refund_due, method)
        cash_approver = None
        if method == "cash" and any(part.method != "cash" for part in self._refund_parts(sale, refund_due, None)):
            cash_approver = store.require(Action.REFUND_IN_CASH, approval)
        lines_sum = sum(line["line_total"] for line in sale["lines"])

        def value_of(returned: dict[int, int]) -> int:
            """The line value (after line discounts) of ``returned`` units (line id -> units)."""
            return sum(_proportion(lines[line_id]["line_total"], units, lines[line_id]["quantity"])
                       for line_id, units in returned.items())

        def paid_for(returned: dict[int, int]) -> int:
            """What was paid for ``returned`` units: their line value scaled to the sale total."""
            return _proportion(value_of(returned), sale["total"], lines_sum)

        returned_before = {line_id: line["returned"] for line_id, line in lines.items()}
        at = to_iso(store.now())
        with db.transaction():
            return_id = (db.scalar("SELECT COALESCE(MAX(id), 0) FROM returns") or 0) + 1
            return_no = f"R{return_id:08d}"
            db.insert("returns", {"id": return_id, "return_no": return_no, "at": at,
                                  "original_sale_id": sale["id"], "user_id": store.user.id,
                                  "approved_by": approver.id, "reason": reason, "refund_total": 0})
            for item in items:
                line = lines[item.sale_line_id]
                quantity = item.quantity
                refund = (paid_for({line["id"]: line["returned"] + quantity})
                          - paid_for({line["id"]: line["returned"]}))
                line["returned"] += quantity
                self._put_back(return_id, sale, line, quantity, refund, item.damaged, at, approver)
            refunded = paid_for({line_id: line["returned"] for line_id, line in lines.items()})
            refund_total = refunded - paid_for(returned_before)
            if refund_total != refund_due:      # the plan was made from the same figures: never, but not silently
                raise RuntimeError("the refund plan and the booked refund differ")
            points_reversed = 0
            if sale["member_id"] is not None and sale["points_earned"]:
                # Like the refund, a running share: all returns of a sale together reverse what it earned.
                reversed_before = db.scalar(
                    "SELECT COALESCE(SUM(points_reversed), 0) FROM returns WHERE original_sale_id = ?", (sale["id"],))
                due = _proportion(sale["points_earned"], refunded, sale["total"]) - reversed_before
                balance = store.members.row(sale["member_id"])["points"]
                points_reversed = max(0, min(balance, due))
                store.members.post_points(sale["member_id"], -points_reversed, "return", return_id=return_id)
            points_restored = 0
            if sale["member_id"] is not None and sale["points_redeemed"]:
                # Points the member spent on the returned share come back to them, as a running share too.
                restored_before = db.scalar(
                    "SELECT COALESCE(SUM(p.delta), 0) FROM points_ledger p JOIN returns r ON r.id = p.return_id "
                    "WHERE r.original_sale_id = ? AND p.delta > 0", (sale["id"],))
                returned_value = value_of({line_id: line["returned"] for line_id, line in lines.items()})
                points_restored = max(0, _proportion(sale["points_redeemed"], returned_value, lines_sum)
                                      - restored_before)
                store.members.post_points(sale["member_id"], points_restored, "return", return_id=return_id)
            db.execute("UPDATE returns SET refund_total = ?, points_reversed = ? WHERE id = ?",
                       (refund_total, points_reversed, return_id))
            for part in parts:
                db.insert("payments", {"return_id": return_id, "method": part.method, "amount": part.amount,
                                       "reference": part.reference, "refund_of": part.refund_of})
            by_method = totals_by_method((part.method, part.amount) for part in parts)
            store.audit.record("refund", "return", return_id, sale_id=sale["id"], amount=refund_total,
                               approved_by=approver.id, methods={m: a for m, a in by_method.items() if a})
            if cash_approver is not None:
                store.audit.record("refund.in_cash", "return", return_id, sale_id=sale["id"], amount=refund_total,
                                   approved_by=cash_approver.id)
        log.info("return committed: %s against %s, refund %s", return_no, sale["receipt_no"], f"{refund_total:,}")
        return ReturnResult(return_id, return_no, refund_total, points_reversed, points_restored, tuple(parts))

    def refund_preview(self, receipt_no: str, items: list[ReturnItem], method: str | None = None) -> list[RefundPart]:
        """How :meth:`return_items` would pay back ``items`` with ``method`` (None: the original payments);
        writes nothing. The return dialog shows it before the clerk confirms."""
        self._store.require(Action.SELL)
        if method is not None and method not in PAYMENT_METHODS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose how the refund is paid back."))
        sale, lines, returned = self._returnable(receipt_no, items)
        return self._refund_parts(sale, self._refund_of(sale, lines, returned), method)

    def _returnable(self, receipt_no: str, items: list[ReturnItem]) -> tuple[dict, dict[int, dict], dict[int, int]]:
        """The sale, its lines by id, and the units returned now per line; refuses items that cannot be
        returned (not on the receipt, more than is left, an old till's receipt)."""
        if not items:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose what is being returned."))
        sale = self.receipt(receipt_no)
        if sale["source"] != "till":
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "This receipt comes from the old till's history; take returns of it by hand."))
        lines = {line["id"]: line for line in sale["lines"]}
        returned: dict[int, int] = {}
        for item in items:
            line = lines.get(item.sale_line_id)
            if line is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "That item is not on this receipt."))
            quantity = whole_number(item.quantity, "quantity", 1, MAX_LINE_QUANTITY)
            returnable = line["quantity"] - line["returned"] - returned.get(line["id"], 0)
            if quantity > returnable:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "Only {n} of this item can still be returned."),
                                      n=max(0, returnable))
            returned[line["id"]] = returned.get(line["id"], 0) + quantity
        return sale, lines, returned

    @staticmethod
    def _refund_of(sale: dict, lines: dict[int, dict], returned: dict[int, int]) -> int:
        """The refund for ``returned`` units (line id -> units): the running share of the sale total, so the
        returns of a whole sale refund exactly its total, however many returns it takes and however cents round."""
        lines_sum = sum(line["line_total"] for line in lines.values())

        def paid_for(units: dict[int, int]) -> int:
            value = sum(_proportion(lines[i]["line_total"], n, lines[i]["quantity"]) for i, n in units.items())
            return _proportion(value, sale["total"], lines_sum)

        before = {i: line["returned"] for i, line in lines.items()}
        after = {i: n + returned.get(i, 0) for i, n in before.items()}
        return paid_for(after) - paid_for(before)

    def _refund_parts(self, sale: dict, refund: int, method: str | None) -> list[RefundPart]:
        """The refund plan for ``refund`` of ``sale`` paid back by ``method`` (None: the original payments)."""
        db = self._store.db
        paid = db.all("SELECT id, method, amount, reference FROM payments WHERE sale_id = ? ORDER BY id",
                      (sale["id"],))
        linked = {row["refund_of"]: row["amount"] for row in db.all(
            "SELECT refund_of, SUM(amount) AS amount FROM payments WHERE refund_of IN "
            "(SELECT id FROM payments WHERE sale_id = ?) GROUP BY refund_of", (sale["id"],))}
        # refunds made before refunds were linked to payments count against the sale's payments of their method
        unlinked = {row["method"]: row["amount"] for row in db.all(
            "SELECT p.method, SUM(p.amount) AS amount FROM payments p JOIN returns r ON r.id = p.return_id "
            "WHERE r.original_sale_id = ? AND p.refund_of IS NULL GROUP BY p.method", (sale["id"],))}
        for row in paid:
            row["refunded"] = linked.get(row["id"], 0)
            take = min(unlinked.get(row["method"], 0), max(0, row["amount"] - row["refunded"]))
            row["refunded"] += take
            unlinked[row["method"]] = unlinked.get(row["method"], 0) - take
        parts = refund_plan(paid, refund)
        if method is None or all(part.method == method for part in parts):
            return parts
        if method != "cash":
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A refund goes back the way the sale was paid, or in cash with the owner's approval."))
        return [RefundPart("cash", part.amount, part.refund_of, None) for part in parts]

    def _put_back(self, return_id: int, sale: dict, line: dict, quantity: int, refund: int, damaged: bool,
                  at: str, approver) -> None:
        """Return units to the batches this line took them from, latest expiry first.

        A controlled item's return is registered under ``approver``, who authorised it (a cashier cannot).
        """
        store, db = self._store, self._store.db
        remaining = quantity
        given = 0
        for batch in sorted(line["batches"], key=lambda b: b["expiry"], reverse=True):
            already = db.scalar(
                "SELECT COALESCE(SUM(quantity), 0) FROM return_lines WHERE sale_line_id = ? AND batch_id = ?",
                (line["id"], batch["batch_id"]))
            take = min(remaining, batch["quantity"] - already)
            if take <= 0:
                continue
            done = quantity - remaining + take
            share = _proportion(refund, done, quantity) - given      # running share: the batches add up to refund
            given += share
            return_line_id = db.insert("return_lines", {
                "return_id": return_id, "sale_line_id": line["id"], "batch_id": batch["batch_id"],
                "quantity": take, "refund": share, "damaged": 1 if damaged else 0})
            store.stock.post_move(batch["batch_id"], take, "return", "return", return_id)
            if damaged:
                store.stock.post_move(batch["batch_id"], -take, "write_off", "return", return_id, "returned damaged")
            if line["legal_class"] == "controlled":
                db.insert("controlled_register", {
                    "at": at, "return_line_id": return_line_id, "product_id": line["product_id"],
                    "batch_id": batch["batch_id"], "quantity": -take, "member_id": sale["member_id"],
                    "pharmacist_id": approver.id, "rx_number": None})
            remaining -= take
            if remaining == 0:
                break

    # -- suspended sales ------------------------------------------------------------------------------

    def suspend(self, lines: list[CartLine], label: str = "", member_id: int | None = None) -> int:
        """Park a cart (a customer went to fetch something); prescriptions must be confirmed again."""
        user = self._store.require(Action.SELL)
        if not lines:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is nothing to suspend."))
        if len(lines) > MAX_LINES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A sale can have at most {n} lines."), n=MAX_LINES)
        if member_id is not None:
            self._store.members.live_row(member_id)
        cart = {
            "member_id": member_id,
            "lines": [     # the numbers a cart line may hold, so a parked cart comes back as one that can be sold
                {"product_id": self._store.catalog.get(l.product_id).id,
                 "quantity": whole_number(l.quantity, "quantity", 1, MAX_LINE_QUANTITY),
                 "unit_price": None if l.unit_price is None else whole_number(l.unit_price, "price", 0, 10**9),
                 "discount": whole_number(l.discount, "discount", 0, 10**12),
                 "prescription": None if l.prescription is None else {
                     "prescriber": l.prescription.prescriber, "rx_number": l.prescription.rx_number,
                     "rx_date": str(l.prescription.rx_date)}}
                for l in lines],
        }
        with self._store.db.transaction():
            return self._store.db.insert("suspended_sales", {
                "at": to_iso(self._store.now()), "user_id": user.id, "label": (label or "").strip()[:60],
                "cart": json.dumps(cart)})

    def suspended(self) -> list[dict]:
        self._store.require(Action.SELL)
        return self._store.db.all("SELECT id, at, user_id, label FROM suspended_sales ORDER BY id")

    def suspended_summaries(self) -> list[SuspendedSale]:
        """The parked sales with what tells them apart at the till: items, total, member, label, who parked it."""
        self._store.require(Action.SELL)
        rows = self._store.db.all(
            "SELECT s.id, s.at, s.label, s.cart, u.display_name FROM suspended_sales s "
            "LEFT JOIN users u ON u.id = s.user_id ORDER BY s.id")
        return [self._summary(row) for row in rows]

    def _summary(self, row: dict) -> SuspendedSale:
        cart = json.loads(row["cart"])
        total = 0
        for line in cart["lines"]:
            unit_price = line["unit_price"]
            if unit_price is None:
                try:
                    unit_price = self._store.catalog.get(line["product_id"]).price
                except NotFound:             # gone from the catalogue: resuming will say so
                    unit_price = 0
            total += unit_price * line["quantity"] - line["discount"]
        member_id = cart["member_id"]
        name = phone_last4 = None
        if member_id is not None:
            try:
                member = self._store.members.row(member_id)
            except NotFound:
                member = {"name": None, "phone": None}
            name = member["name"]
            phone_last4 = member["phone"][-4:] if member["phone"] else None
        return SuspendedSale(
            id=row["id"], at=row["at"], label=row["label"] or "", parked_by=row["display_name"] or "",
            line_count=len(cart["lines"]), item_count=sum(line["quantity"] for line in cart["lines"]),
            total=total, member_id=member_id, member_name=name, member_phone_last4=phone_last4)

    def resume(self, suspended_id: int) -> tuple[list[CartLine], int | None]:
        """Take a parked cart back to the till (and off the suspended list)."""
        self._store.require(Action.SELL)
        row = self._store.db.one("SELECT cart FROM suspended_sales WHERE id = ?", (suspended_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That suspended sale is no longer there."))
        cart = json.loads(row["cart"])
        with self._store.db.transaction():
            self._store.db.execute("DELETE FROM suspended_sales WHERE id = ?", (suspended_id,))
        lines = [
            CartLine(l["product_id"], l["quantity"], l["unit_price"], l["discount"],
                     None if l["prescription"] is None else Prescription(**l["prescription"]))
            for l in cart["lines"]]
        return lines, cart["member_id"]

    # -- day close ------------------------------------------------------------------------------------

    def x_report(self, opening_float: int = 0) -> DayReport:
        """Totals since the last day close, without closing (the X report)."""
        self._store.require(Action.DAY_CLOSE)
        db = self._store.db
        last = db.one("SELECT period_end FROM day_closes ORDER BY id DESC LIMIT 1")
        first_sale = db.scalar("SELECT MIN(at) FROM sales WHERE source = 'till'")
        start = last["period_end"] if last else (first_sale or to_iso(self._store.now()))
        sales = db.one(
            "SELECT count(*) AS transactions, COALESCE(SUM(subtotal), 0) AS gross, "
            "COALESCE(SUM(discount), 0) AS discounts, COALESCE(SUM(redeem_value), 0) AS points_redeemed, "
            "COALESCE(SUM(total), 0) AS paid, COALESCE(SUM(vat), 0) AS vat FROM sales "
            "WHERE day_close_id IS NULL AND source = 'till'")
        by_method = totals_by_method(db.execute(
            "SELECT p.method, SUM(p.amount) FROM payments p JOIN sales s ON s.id = p.sale_id "
            "WHERE s.day_close_id IS NULL AND s.source = 'till' GROUP BY p.method").fetchall())
        refunds = db.one("SELECT count(*) AS count, COALESCE(SUM(refund_total), 0) AS amount FROM returns "
                         "WHERE day_close_id IS NULL")
        refunds_by_method = totals_by_method(db.execute(
            "SELECT p.method, SUM(p.amount) FROM payments p "
            "JOIN returns r ON r.id = p.return_id WHERE r.day_close_id IS NULL GROUP BY p.method").fetchall())
        items = db.scalar("SELECT COALESCE(SUM(l.quantity), 0) FROM sale_lines l JOIN sales s ON s.id = l.sale_id "
                          "WHERE s.day_close_id IS NULL AND s.source = 'till'")
        opening_float = whole_number(opening_float, "opening float", 0, 10**9)
        return DayReport(
            period_start=start,
            period_end=to_iso(self._store.now()),
            **sales,
            net=net_sales(sales["paid"], refunds["amount"]),
            items=items,
            average_ticket=sales["paid"] // sales["transactions"] if sales["transactions"] else 0,
            payments=by_method,
            refunds=refunds["count"],
            refund_amount=refunds["amount"],
            refunds_by_method=refunds_by_method,
            opening_float=opening_float,
            expected_cash=opening_float + by_method["cash"] - refunds_by_method["cash"],
        )

    def close_day(self, counted_cash: int, opening_float: int = 0, *, run_hooks: bool = True) -> DayReport:
        """Close the till: the Z report with expected against counted cash; sales move into the closed day.

        ``run_hooks=False`` skips the store's day-close hooks (the automatic backup, the head-office export):
        a caller that must not wait for them (the desktop program) runs ``store.backups.after_day_close(report)``
        itself afterwards, e.g. in a worker thread on ``store.open_for_thread()``.
        """
        user = self._store.require(Action.DAY_CLOSE)
        counted_cash = whole_number(counted_cash, "counted cash", 0, 10**10)
        db = self._store.db
        with db.transaction():
            report = self.x_report(opening_float).with_count(counted_cash)
            stored = {key: value for key, value in asdict(report).items()
                      if key not in ("day_close_id", "after_close", "after_close_errors")}
            close_id = db.insert("day_closes", {
                "closed_at": report.period_end, "period_start": report.period_start,
                "period_end": report.period_end, "user_id": user.id, "opening_float": report.opening_float,
                "expected_cash": report.expected_cash, "counted_cash": counted_cash,
                "report": json.dumps(stored)})
            db.execute("UPDATE sales SET day_close_id = ? WHERE day_close_id IS NULL AND source = 'till'",
                       (close_id,))
            db.execute("UPDATE returns SET day_close_id = ? WHERE day_close_id IS NULL", (close_id,))
            self._store.audit.record("day.close", "day_close", close_id, net=report.net,
                                     cash_variance=report.cash_variance)
        report = replace(report, day_close_id=close_id)
        log.info("day closed: day close %d, %d transactions, net %s", close_id, report.transactions,
                 f"{report.net:,}")
        if run_hooks:
            report = self._store.run_day_close_hooks(report)  # their failures are reported, never raised
        return report

    def day_closes(self, limit: int = 60) -> list[dict]:
        self._store.require(Action.DAY_CLOSE)
        rows = self._store.db.all("SELECT * FROM day_closes ORDER BY id DESC LIMIT ?", (limit,))
        for row in rows:
            row["report"] = json.loads(row["report"])
        return rows
