"""Selling at the till: sales with FEFO allocation, prescriptions, payments and points; receipts;
suspended sales. Returns are in :mod:`pharmadesk.core.returns`, the day close in :mod:`pharmadesk.core.day_close`.

The payment methods, their rules, the refund plan and the one definition of net sales are in
:mod:`pharmadesk.core.payments`.

Promotions: :meth:`Sales.quote` and :meth:`Sales.sell` price the cart with the pricing engine
(:func:`pharmadesk.core.pricing.price_cart`) and the promotions ``store.promotions`` hands out (the active ones and
the coupons presented). A till's own line discount (``CartLine.discount``) comes on top of the promotion price, never
below zero. A sold line keeps its whole discount in ``sale_lines.discount`` and each promotion's part in
``sale_line_promotions``.

Each use case is one transaction: a sale that breaks any rule leaves stock, points
and the ledger exactly as they were.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from pharmadesk.core.catalog import Product, whole_number
from pharmadesk.core.ephedrine import EphedrineBuyer
from pharmadesk.errors import (
    QT_TRANSLATE_NOOP,
    NotFound,
    PermissionDenied,
    PharmacistRequired,
    PrescriptionRequired,
    ValidationError,
)
from pharmadesk.core.money import allocate, proportion, vat_included
from pharmadesk.core.payments import PAYMENT_METHODS, Payment, check_payments  # noqa: F401 - the till's names
from pharmadesk.core.permissions import Action
from pharmadesk.core.pricing import LineDiscount, PriceLine, Promotion, price_cart
from pharmadesk.core.promotions import normalise_code
from pharmadesk.core.stock import Allocation
from pharmadesk.core.timeutil import from_iso, parse_date, to_iso
from pharmadesk.core.trace_codes import clean_codes
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
    approval: Approval | None = None              # 审核: the reviewing pharmacist's, when the user is not one
    institution: str = ""                         # the hospital or clinic that issued it (China GSP: required)
    image_path: str | None = None                 # a scan of it (PNG/JPEG), kept inside the store
    dispense_approval: Approval | None = None     # 调配: who dispensed, when not the logged-in user (Action.SELL)
    check_approval: Approval | None = None        # 核对: the checking pharmacist's (Action.DISPENSE_RX)
    single_pharmacist_reason: str = ""            # one pharmacist signs review and check (rx_single_pharmacist)


@dataclass
class CartLine:
    product_id: int
    quantity: int = 1
    unit_price: int | None = None     # None: the catalogue price
    discount: int = 0                 # minor units off this line
    prescription: Prescription | None = None
    trace_codes: tuple[str, ...] = ()  # 药品追溯码 of the packs handed over, one per pack (core/trace_codes.py)
    by_units: bool = False            # 拆零: quantity is in units from an opened pack (core/split_packs.py)
    directions: str = ""              # for the split-pack label of a line sold by the unit


@dataclass
class SoldLine:
    sale_line_id: int
    product_id: int
    name: str
    quantity: int
    unit_price: int
    discount: int                     # the whole discount: promotions + the till's own
    line_total: int
    allocations: list[Allocation] = field(default_factory=list)
    promotions: tuple[LineDiscount, ...] = ()    # each promotion's part of ``discount``, with its label
    manual_discount: int = 0          # the till's own part of ``discount``


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
    savings: tuple[LineDiscount, ...] = ()       # per promotion over the whole sale
    coupons: tuple[str, ...] = ()                # the coupon codes the sale redeemed

    @property
    def saved(self) -> int:
        """What the customer saved: every discount, promotions and the till's own."""
        return self.discount


@dataclass(frozen=True)
class QuotedLine:
    """One cart line as priced now: the original price, each promotion's part, the till's own discount."""

    product_id: int
    quantity: int
    unit_price: int
    gross: int                                   # unit_price × quantity: the original price of the line
    promotions: tuple[LineDiscount, ...]         # (promotion id, label, amount), in the order applied
    manual_discount: int                         # CartLine.discount as applied (never below zero)
    discount: int                                # promotions + manual
    total: int                                   # gross − discount
    earns_points: bool
    points_percent: int                          # 100 normally, 200 on double points, 0: earns none


@dataclass(frozen=True)
class CouponProblem:
    """A presented coupon the cart does not meet (yet): its code and a plain, translatable reason."""

    code: str
    error: ValidationError


@dataclass(frozen=True)
class Quote:
    """The cart priced as :meth:`Sales.sell` would book it now (before points and payments)."""

    lines: tuple[QuotedLine, ...]                # in the order given
    gross: int
    discount: int                                # promotions + the till's own discounts
    total: int
    savings: tuple[LineDiscount, ...]            # per promotion, in the order applied
    coupons: tuple[str, ...]                     # the presented codes, normalised
    unmet: tuple[CouponProblem, ...]             # coupons that cannot apply to this cart; sell refuses them
    below_cost: tuple[int, ...]                  # indexes of lines a promotion would have taken below cost

    @property
    def saved(self) -> int:
        return self.discount

    @property
    def promotion_discount(self) -> int:
        return sum(d.amount for d in self.savings)


@dataclass(frozen=True)
class ParkedCart:
    """A suspended cart as it comes back to the till."""

    lines: list[CartLine]
    member_id: int | None
    coupons: tuple[str, ...] = ()


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


_MINIMUM_SPEND = re.compile(r"minimum spend (\S+) not reached \((\S+) eligible\)")
_COUPON_REASONS = {
    "not valid at this time": QT_TRANSLATE_NOOP("errors", "This coupon is not valid at this time."),
    "not for this customer": QT_TRANSLATE_NOOP("errors", "This coupon is not for this customer."),
    "nothing in the cart is eligible": QT_TRANSLATE_NOOP("errors", "Nothing in the cart is eligible for this coupon."),
    "the eligible lines are already at cost": QT_TRANSLATE_NOOP(
        "errors", "This coupon cannot apply: the eligible items are already sold at cost."),
    "does not combine with the better promotions in this cart": QT_TRANSLATE_NOOP(
        "errors", "This coupon does not combine with the better promotions in this cart."),
}


def coupon_refusal(promotion: Promotion, reason: str) -> ValidationError:
    """The engine's reason why a presented coupon does not apply (:attr:`PricedCart.unmet`) as a plain,
    translatable error."""
    spend = _MINIMUM_SPEND.fullmatch(reason)
    if spend:
        return ValidationError(QT_TRANSLATE_NOOP(
            "errors", "This coupon needs {threshold} spent on eligible items; the cart has {eligible}."),
            threshold=spend.group(1), eligible=spend.group(2))
    return ValidationError(_COUPON_REASONS.get(reason) or QT_TRANSLATE_NOOP(
        "errors", "This coupon cannot be used in this sale."))


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
             redeem_points: int = 0, approval: Approval | list[Approval] | None = None,
             coupons: Sequence[str] = (), buyer: EphedrineBuyer | None = None) -> SaleResult:
        """Complete a sale, priced with the running promotions and the presented ``coupons`` (codes as typed
        or scanned). ``approval`` is a colleague's consent (or several) for discounts or price changes the
        logged-in user may not give; :meth:`approvals_needed` says which. A coupon that cannot be used (unknown,
        used, expired, another member's, its minimum spend not reached) refuses the whole sale.

        China GSP: ``buyer`` is the ID number and name an ephedrine-containing line needs
        (:mod:`pharmadesk.core.ephedrine`); a line's ``trace_codes`` are its packs' codes
        (:mod:`pharmadesk.core.trace_codes`)."""
        store = self._store
        cashier = store.require(Action.SELL)
        self._check_size(lines)
        threshold = store.settings.discount_threshold_pct
        today = store.today()
        db = store.db
        seen_codes: set[str] = set()
        with db.transaction():
            checked = [self._check_line(line, approval, threshold, today, seen_codes) for line in lines]
            buyer = store.ephedrine.check_sale(((c["product"], c["quantity"], c["by_units"]) for c in checked), buyer)
            if member_id is not None:
                store.members.live_row(member_id)      # an erased member cannot be attached
                store.safety.confirm_for_sale(member_id, [c["product"] for c in checked], approval)
            quote = self._quote(checked, member_id, coupons, today)
            if quote.unmet:
                raise quote.unmet[0].error
            subtotal, discount, after_discounts = quote.gross, quote.discount, quote.total
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
            vat = sum(vat_included(q.total, c["product"].vat_rate_bp) for q, c in zip(quote.lines, checked))
            vat = proportion(vat, total, after_discounts) if after_discounts else 0
            db.insert("sales", {
                "id": sale_id, "receipt_no": receipt_no, "at": at, "user_id": cashier.id, "member_id": member_id,
                "subtotal": subtotal, "discount": discount, "points_redeemed": redeem_points,
                "redeem_value": redeem_value, "total": total, "vat": vat, "points_earned": 0})
            sold = [self._book_line(sale_id, c, q, member_id, today, at) for c, q in zip(checked, quote.lines)]
            if buyer is not None:
                for c, line in zip(checked, sold):
                    if c["product"].contains_ephedrine:
                        store.ephedrine.register(line.sale_line_id, line.quantity, buyer, at)
            for code in quote.coupons:
                store.promotions.redeem_coupon(code, sale_id)
            for payment in payments:
                db.insert("payments", {
                    "sale_id": sale_id, "method": payment.method, "amount": payment.amount,
                    "tendered": payment.tendered if payment.method == "cash" else None,
                    "change": (payment.tendered - payment.amount) if payment.method == "cash" and payment.tendered
                    else 0, "reference": payment.reference})
            points_earned = 0
            if member_id is not None:
                store.members.post_points(member_id, -redeem_points, "redeem", sale_id=sale_id)
                points_earned = self._points_earned(quote, total)
                store.members.post_points(member_id, points_earned, "earn", sale_id=sale_id)
                db.execute("UPDATE sales SET points_earned = ? WHERE id = ?", (points_earned, sale_id))
            store.note_sale_after_commit(receipt_no)
        store.spend_approvals(approval)             # approvals are single-use: this sale used them up
        store.spend_approvals(a for line in lines if line.prescription for a in (
            line.prescription.approval, line.prescription.dispense_approval, line.prescription.check_approval))
        log.info("sale committed: %s, total %s, %d line(s)%s", receipt_no, f"{total:,}", len(sold),
                 ", member attached" if member_id is not None else "")
        return SaleResult(sale_id, receipt_no, at, subtotal, discount, redeem_value, total, vat, change,
                          points_earned, sold, quote.savings, quote.coupons)

    def quote(self, lines: list[CartLine], member_id: int | None = None, coupons: Sequence[str] = ()) -> Quote:
        """Price a cart as :meth:`sell` would now, for the till to show as the cart changes: each line's original
        price, the promotions' parts with their labels, the total and what the customer saves. Writes nothing
        and checks no discount permission or prescription (the sale does). A coupon that cannot be used at all
        raises :class:`ValidationError`; one whose condition the cart does not meet yet (a minimum spend) is
        listed in ``unmet``. Reads each product once, the stock of the cart's products once."""
        store = self._store
        store.require(Action.SELL)
        self._check_size(lines)
        products = store.catalog.get_many(line.product_id for line in lines)
        checked = []
        for line in lines:
            quantity = whole_number(line.quantity, "quantity", 1, MAX_LINE_QUANTITY)
            product = products[line.product_id]
            list_price = self._list_price(product, line)
            unit_price = list_price if line.unit_price is None else whole_number(line.unit_price, "price", 0, 10**9)
            checked.append({"product": product, "quantity": quantity, "unit_price": unit_price,
                            "by_units": bool(line.by_units),
                            "gross": unit_price * quantity,
                            "manual": min(whole_number(line.discount, "discount", 0, 10**12), unit_price * quantity)})
        return self._quote(checked, member_id, coupons, store.today())

    @staticmethod
    def _check_size(lines: list[CartLine]) -> None:
        if not lines:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The sale has no items."))
        if len(lines) > MAX_LINES:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A sale can have at most {n} lines."), n=MAX_LINES)

    def _coupon_promotions(self, codes: Sequence[str], member_id: int | None) -> list[Promotion]:
        """The engine promotions of the presented coupons; refuses a code given twice, two coupons of one
        promotion, and any coupon :meth:`~pharmadesk.core.promotions.Promotions.check_coupon` refuses."""
        if isinstance(codes, str):
            codes = [codes]
        found: list[Promotion] = []
        for code in codes:
            text = normalise_code(code)
            if any(p.coupon_code == text for p in found):
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "This coupon is already in the sale."))
            promotion = self._store.promotions.check_coupon(text, member_id)
            if any(p.id == promotion.id for p in found):
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Only one coupon of the same promotion can be used in a sale."))
            found.append(promotion)
        return found

    def _quote(self, checked: list[dict], member_id: int | None, codes: Sequence[str], today: date) -> Quote:
        """Price checked lines (product, quantity, unit_price, gross, manual) with the promotions running now."""
        store = self._store
        now = store.now()
        local_now = now.astimezone().replace(tzinfo=None)
        coupon_promotions = self._coupon_promotions(codes, member_id)
        promotions = store.promotions.active(now) + coupon_promotions
        costs = store.stock.fefo_unit_costs([(c["product"].id, self._packs_of(c)) for c in checked], today)
        costs = [proportion(cost, 1, c["product"].split_units) if c.get("by_units") else cost
                 for cost, c in zip(costs, checked)]
        cart = [PriceLine(index, c["product"].id, c["product"].category, c["product"].legal_class, c["quantity"],
                          c["unit_price"], cost) for index, (c, cost) in enumerate(zip(checked, costs))]
        shopper = store.promotions.shopper(member_id, now)
        priced = price_cart(cart, shopper, promotions, local_now)
        quoted = []
        for c, line in zip(checked, priced.lines):
            manual = min(c["manual"], line.total)           # on top of the promotion price, never below zero
            quoted.append(QuotedLine(
                product_id=line.product_id, quantity=line.quantity, unit_price=line.unit_price, gross=line.gross,
                promotions=line.discounts, manual_discount=manual, discount=line.discount + manual,
                total=line.total - manual, earns_points=line.earns_points, points_percent=line.points_percent))
        by_id = {p.id: p for p in coupon_promotions}
        unmet = tuple(CouponProblem(by_id[pid].coupon_code, coupon_refusal(by_id[pid], reason))
                      for pid, reason in priced.unmet if pid in by_id)
        return Quote(lines=tuple(quoted), gross=priced.gross, discount=sum(q.discount for q in quoted),
                     total=sum(q.total for q in quoted), savings=priced.savings,
                     coupons=tuple(p.coupon_code for p in coupon_promotions), unmet=unmet,
                     below_cost=priced.below_cost)

    @staticmethod
    def _packs_of(checked: dict) -> int:
        """The packs a checked line stands for: its quantity, or the packs its units come out of."""
        if checked.get("by_units"):
            return -(-checked["quantity"] // checked["product"].split_units)
        return checked["quantity"]

    def _list_price(self, product: Product, line: CartLine) -> int:
        """The catalogue price of one of the line's units: the pack's, or the unit's when sold by the unit."""
        return self._store.split.unit_price(product) if line.by_units else product.price

    def _points_earned(self, quote: Quote, total: int) -> int:
        """Points for a sale paying ``total`` after points: each line's share of what was paid, counted at its
        ``points_percent`` (none for a promotion that earns no points), then the per-currency-unit rule."""
        paid = allocate(total, [line.total for line in quote.lines])
        earning = sum(share * line.points_percent for share, line in zip(paid, quote.lines)) // 100
        return (earning // 100) * self._store.settings.points_per_currency_unit

    def _check_line(self, line: CartLine, approval: Approval | None, threshold_pct: int, today: date,
                    seen_codes: set[str]) -> dict:
        """Validate one cart line (its product, quantity, price, the till's own discount and the permissions
        they call for, its prescription); writes nothing. The promotions price it afterwards."""
        store = self._store
        product: Product = store.catalog.get(line.product_id)
        if not product.active:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{product} is no longer sold."), product=product.name)
        quantity = whole_number(line.quantity, "quantity", 1, MAX_LINE_QUANTITY)
        list_price = self._list_price(product, line)
        unit_price = list_price
        if line.unit_price is not None and line.unit_price != list_price:
            unit_price = whole_number(line.unit_price, "price", 0, 10**9)
        gross = unit_price * quantity
        discount = whole_number(line.discount, "discount", 0, 10**12)
        if discount > gross:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A discount cannot exceed the line's price."))
        large_discount = discount * 100 > gross * threshold_pct
        for action in self._line_actions(list_price, unit_price, discount, large_discount):
            store.require(action, approval)
        pharmacist = signatures = None
        if product.needs_prescription:
            pharmacist = self._check_prescription(product, line.prescription, approval, today)
            signatures = store.prescriptions.check_signatures(product, line.prescription, pharmacist)
        codes = tuple(line.trace_codes or ())
        prefer = store.trace.check_sale_line(product, quantity, codes, seen_codes, bool(line.by_units))
        directions = store.split.clean_directions(line.directions) if line.by_units else ""
        return {"product": product, "quantity": quantity, "unit_price": unit_price, "gross": gross,
                "trace_codes": codes, "prefer": prefer, "by_units": bool(line.by_units), "directions": directions,
                "manual": discount, "pharmacist": pharmacist, "prescription": line.prescription,
                "signatures": signatures,
                "large_discount": large_discount, "price_override": unit_price != list_price, "list_price": list_price}

    @staticmethod
    def _line_actions(list_price: int, unit_price: int, discount: int, large_discount: bool) -> list[Action]:
        """The permissions a line's price and discount call for (beyond selling it)."""
        actions = []
        if unit_price != list_price:
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
            list_price = self._list_price(product, line)
            unit_price = list_price if line.unit_price is None else whole_number(line.unit_price, "price", 0, 10**9)
            discount = whole_number(line.discount, "discount", 0, 10**12)
            large = discount * 100 > unit_price * quantity * threshold
            for action in self._line_actions(list_price, unit_price, discount, large):
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

    def _book_line(self, sale_id: int, priced: dict, quoted: QuotedLine, member_id: int | None, today: date,
                   at: str) -> SoldLine:
        store, db = self._store, self._store.db
        product: Product = priced["product"]
        units_taken = []
        if priced["by_units"]:
            units_taken = store.split.allocate_units(product.id, priced["quantity"], today)
            allocations = []
            cost = sum(part.quantity * part.unit_cost for part in units_taken)
        else:
            allocations = store.stock.allocate(product.id, priced["quantity"], today, priced["prefer"])
            cost = sum(a.quantity * db.scalar("SELECT unit_cost FROM batches WHERE id = ?", (a.batch_id,))
                       for a in allocations)
        line_id = db.insert("sale_lines", {
            "sale_id": sale_id, "product_id": product.id, "quantity": priced["quantity"],
            "unit_price": priced["unit_price"], "discount": quoted.discount, "line_total": quoted.total,
            "vat_rate_bp": product.vat_rate_bp, "unit_cost": proportion(cost, 1, priced["quantity"])})
        for part in quoted.promotions:
            db.insert("sale_line_promotions", {"sale_line_id": line_id, "promotion_id": part.promotion_id,
                                               "amount": part.amount})
        for allocation in allocations:
            store.stock.post_move(allocation.batch_id, -allocation.quantity, "sale", "sale", sale_id)
            db.insert("sale_line_batches", {"sale_line_id": line_id, "batch_id": allocation.batch_id,
                                            "quantity": allocation.quantity})
        if units_taken:
            allocations = store.split.book_units(line_id, product, units_taken, priced["directions"], at)
        if priced["trace_codes"]:
            store.trace.link_sold(priced["trace_codes"], product.id, line_id, allocations, at)
        pharmacist = priced["pharmacist"]
        if pharmacist is not None:
            rx: Prescription = priced["prescription"]
            rx_date = parse_date(rx.rx_date, "prescription date").isoformat()
            store.prescriptions.record(line_id, rx, rx_date, pharmacist, priced["signatures"], at)
            if product.legal_class == "controlled":
                for allocation in allocations:
                    db.insert("controlled_register", {
                        "at": at, "sale_line_id": line_id, "product_id": product.id,
                        "batch_id": allocation.batch_id, "quantity": allocation.quantity, "member_id": member_id,
                        "pharmacist_id": pharmacist.id, "rx_number": rx.rx_number.strip()})
                store.audit.record("controlled.dispense", "sale_line", line_id, quantity=priced["quantity"])
        if priced["large_discount"]:
            store.audit.record("discount.large", "sale_line", line_id, discount=quoted.manual_discount,
                               gross=priced["gross"])
        if priced["price_override"]:
            store.audit.record("price.override", "sale_line", line_id, price=priced["unit_price"],
                               catalogue=priced["list_price"])
        return SoldLine(line_id, product.id, product.name, priced["quantity"], priced["unit_price"],
                        quoted.discount, quoted.total, allocations, quoted.promotions, quoted.manual_discount)

    # -- receipts ------------------------------------------------------------------------------------

    def receipt(self, receipt_no: str) -> dict:
        """A sale with its lines, batches, payments and what has been returned of each line, for a return
        or a reprint.

        Who bought it is shown as the member view is: ``member_id`` only to a role with the full member
        view; every role gets ``member_attached`` (points to reverse, "points earned" on the receipt). A role
        without the full view may look up only receipts within ``return_window_days``, and each look-up of
        a sale someone else made is audited as ``receipt.view`` (the receipt number only).
        """
        user = self._store.require(Action.SELL)
        sale = self.sale_record(receipt_no)
        self.require_receipt_access(sale)
        full_view = self._store.may(Action.VIEW_MEMBER_FULL)
        if not full_view and sale["user_id"] != user.id:
            with self._store.db.transaction():
                self._store.audit.record("receipt.view", "sale", sale["id"], receipt_no=sale["receipt_no"])
        sale["member_attached"] = sale["member_id"] is not None
        if not full_view:
            del sale["member_id"]
        return sale

    def require_receipt_access(self, sale: dict) -> None:
        """Refuse a sale the logged-in user may not look up: a role without the full member view sees only
        receipts within the ``return_window_days`` setting (what a return needs), so it cannot walk the
        sales history. No audit and no masking of its own (see :meth:`receipt`)."""
        store = self._store
        if store.may(Action.VIEW_MEMBER_FULL):
            return
        store.require(Action.SELL)
        window = store.settings.return_window_days
        if from_iso(sale["at"]) < store.now() - timedelta(days=window):
            raise PermissionDenied(QT_TRANSLATE_NOOP(
                "errors", "This receipt is more than {days} days old: a pharmacist or the owner can look it up."),
                days=window)

    def sale_record(self, receipt_no: str) -> dict:
        """The sale behind a receipt number, with lines, batches and payments, unmasked.

        A helper for use cases that made their own check (:meth:`receipt`, returns); no permission check.
        """
        db = self._store.db
        sale = db.one("SELECT * FROM sales WHERE receipt_no = ?", ((receipt_no or "").strip().upper(),))
        if sale is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No sale has this receipt number."))
        sale["lines"] = db.all(
            "SELECT l.*, p.name AS product_name, p.legal_class, p.category, p.manufacturer, p.specification, "
            "x.units_per_pack, x.unit_name, x.directions, "
            "COALESCE((SELECT SUM(r.quantity) FROM return_lines r WHERE r.sale_line_id = l.id), 0) AS returned "
            "FROM sale_lines l JOIN products p ON p.id = l.product_id "
            "LEFT JOIN split_sale_lines x ON x.sale_line_id = l.id WHERE l.sale_id = ? ORDER BY l.id",
            (sale["id"],))
        for line in sale["lines"]:       # a line sold by the unit (拆零) has no batches here: its units stay opened
            line["batches"] = db.all(
                "SELECT b.id AS batch_id, b.batch_no, b.expiry, a.quantity FROM sale_line_batches a "
                "JOIN batches b ON b.id = a.batch_id WHERE a.sale_line_id = ? ORDER BY b.expiry", (line["id"],))
            line["unit_batches"] = db.all(
                "SELECT b.id AS batch_id, b.batch_no, b.expiry, u.quantity FROM sale_line_units u "
                "JOIN open_packs o ON o.id = u.open_pack_id JOIN batches b ON b.id = o.batch_id "
                "WHERE u.sale_line_id = ? ORDER BY b.expiry", (line["id"],)) if line["units_per_pack"] else []
        parts: dict[int, list[dict]] = {}
        for row in db.all(
                "SELECT p.sale_line_id, p.promotion_id, r.label, p.amount FROM sale_line_promotions p "
                "JOIN promotions r ON r.id = p.promotion_id JOIN sale_lines l ON l.id = p.sale_line_id "
                "WHERE l.sale_id = ? ORDER BY p.rowid", (sale["id"],)):
            parts.setdefault(row.pop("sale_line_id"), []).append(row)
        savings: dict[int, dict] = {}
        for line in sale["lines"]:
            line["promotions"] = parts.get(line["id"], [])
            line["manual_discount"] = line["discount"] - sum(part["amount"] for part in line["promotions"])
            for part in line["promotions"]:
                saving = savings.setdefault(part["promotion_id"], {**part, "amount": 0})
                saving["amount"] += part["amount"]
        sale["savings"] = list(savings.values())
        sale["payments"] = db.all("SELECT method, amount, tendered, change, reference FROM payments "
                                  "WHERE sale_id = ? ORDER BY id", (sale["id"],))
        sale["coupons"] = [row["code"] for row in db.all(
            "SELECT code FROM coupons WHERE redeemed_sale_id = ? ORDER BY id", (sale["id"],))]
        return sale

    # -- suspended sales ------------------------------------------------------------------------------

    def suspend(self, lines: list[CartLine], label: str = "", member_id: int | None = None,
                coupons: Sequence[str] = ()) -> int:
        """Park a cart (a customer went to fetch something) with the coupon codes presented; prescriptions must
        be confirmed again, and the coupons are checked again when the cart is sold."""
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
                 "trace_codes": list(clean_codes(l.trace_codes or ())),
                 "by_units": bool(l.by_units), "directions": self._store.split.clean_directions(l.directions),
                 "prescription": None if l.prescription is None else {
                     "prescriber": l.prescription.prescriber, "rx_number": l.prescription.rx_number,
                     "rx_date": str(l.prescription.rx_date), "institution": l.prescription.institution}}
                for l in lines],
            "coupons": [normalise_code(code) for code in ([coupons] if isinstance(coupons, str) else coupons)],
        }
        with self._store.db.transaction():
            return self._store.db.insert("suspended_sales", {
                "at": to_iso(self._store.now()), "user_id": user.id, "label": self.clean_label(label),
                "cart": json.dumps(cart)})

    @staticmethod
    def clean_label(label: str | None) -> str:
        """A parked cart's label, trimmed to 60 characters. It is a note for telling carts apart ("blue
        coat"), not a place for personal data: five digits in a row (a phone or card number) are refused,
        and labels are blanked at the day close (:meth:`pharmadesk.core.day_close.DayClose.close_day`)."""
        label = (label or "").strip()[:60]
        if re.search(r"\d{5}", re.sub(r"[\s\-().]", "", label)):
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "A parked sale's label cannot hold a phone or card number: attach the member instead."))
        return label

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
        """Take a parked cart back to the till (and off the suspended list): its lines and member.
        :meth:`resume_cart` gives its coupons too."""
        parked = self.resume_cart(suspended_id)
        return parked.lines, parked.member_id

    def resume_cart(self, suspended_id: int) -> ParkedCart:
        """Take a parked cart back to the till (and off the suspended list), with its coupon codes."""
        self._store.require(Action.SELL)
        row = self._store.db.one("SELECT cart FROM suspended_sales WHERE id = ?", (suspended_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "That suspended sale is no longer there."))
        cart = json.loads(row["cart"])
        with self._store.db.transaction():
            self._store.db.execute("DELETE FROM suspended_sales WHERE id = ?", (suspended_id,))
        lines = [
            CartLine(l["product_id"], l["quantity"], l["unit_price"], l["discount"],
                     None if l["prescription"] is None else Prescription(**l["prescription"]),
                     tuple(l.get("trace_codes", ())), l.get("by_units", False), l.get("directions", ""))
            for l in cart["lines"]]
        return ParkedCart(lines, cart["member_id"], tuple(cart.get("coupons", ())))
