"""Returns against the original receipt: units go back on the batch they were sold from (damaged ones are
written off), the refund is the running share of what was paid and goes back the way the sale was paid,
and the member's points follow. One transaction per return; a refused return changes nothing.

Promotions need nothing of their own: a line's ``line_total`` is what the promotions left of it (its share of a
basket discount such as 满减 included, an nth-item or buy-X-get-Y discount spread over the line's units), so the
running share refunds what was actually paid. A coupon the sale used stays used unless the return says
``restore_coupon`` with the owner's consent."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pharmadesk.core.catalog import whole_number
from pharmadesk.core.money import proportion
from pharmadesk.core.payments import PAYMENT_METHODS, RefundPart, refund_plan, totals_by_method
from pharmadesk.core.permissions import Action
from pharmadesk.core.sales import MAX_LINE_QUANTITY
from pharmadesk.core.timeutil import to_iso
from pharmadesk.core.users import Approval
from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

# Under China GSP these categories are medicines: a sold medicine never goes back on sale (quarantine instead).
# Devices, personal care, supplements and mother & baby goods may go back to stock.
MEDICINE_CATEGORIES = ("chronic", "acute", "otc")


def is_medicine(category: str, legal_class: str) -> bool:
    """Whether a product is a medicine for the GSP returns rule: Rx and controlled always, else by category."""
    return legal_class in ("rx", "controlled") or category in MEDICINE_CATEGORIES


@dataclass(frozen=True)
class ReturnItem:
    sale_line_id: int
    quantity: int
    damaged: bool = False


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
    coupons_restored: int = 0
    quarantined: int = 0              # China GSP: returned medicine units held in quarantine, not back on sale


class Returns:
    """``store.returns``: take goods back against their receipt, and preview how a refund is paid back."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def return_items(self, receipt_no: str, items: list[ReturnItem], reason: str, method: str | None = None,
                     approval: Approval | list[Approval] | None = None, restore_coupon: bool = False) -> ReturnResult:
        """Take goods back against their receipt: units return to their original batch (damaged ones
        are then written off), the refund is the share of what was paid, and points follow.

        The refund goes back the way the sale was paid (``method=None``, see
        :func:`pharmadesk.core.payments.refund_plan`: up to what each payment still holds, non-cash first).
        ``method`` may name the sale's own single method, or ``"cash"``: paying back a card, WeChat Pay,
        Alipay, insurance or voucher payment in cash needs :attr:`Action.REFUND_IN_CASH` (the owner, or the
        owner's approval in ``approval``) and is audited as ``refund.in_cash``. Any refusal changes nothing.

        A coupon the sale used stays used; ``restore_coupon`` gives it back (usually with a return of the whole
        sale), which is the owner's decision: :attr:`Action.MANAGE_PROMOTIONS`, or the owner's approval for the
        receipt; audited as ``coupon.restore``.

        A colleague's approval counts for the one receipt it names (``store.users.approve(..., subject=
        receipt_no)``) and is spent by the return.
        """
        store, db = self._store, self._store.db
        store.require(Action.SELL)
        receipt_no = (receipt_no or "").strip().upper()
        approver = store.require(Action.REFUND, approval, subject=receipt_no)
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
            cash_approver = store.require(Action.REFUND_IN_CASH, approval, subject=receipt_no)
        coupon_approver = None
        if restore_coupon:
            coupon_approver = store.require(Action.MANAGE_PROMOTIONS, approval, subject=receipt_no)
            if not sale["coupons"]:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "No coupon of this sale is still used."))
        lines_sum = sum(line["line_total"] for line in sale["lines"])

        def value_of(returned: dict[int, int]) -> int:
            """The line value (after line discounts) of ``returned`` units (line id -> units)."""
            return sum(proportion(lines[line_id]["line_total"], units, lines[line_id]["quantity"])
                       for line_id, units in returned.items())

        def paid_for(returned: dict[int, int]) -> int:
            """What was paid for ``returned`` units: their line value scaled to the sale total."""
            return proportion(value_of(returned), sale["total"], lines_sum)

        returned_before = {line_id: line["returned"] for line_id, line in lines.items()}
        at = to_iso(store.now())
        quarantine = store.settings.china_gsp        # GSP: sold medicines come back into quarantine
        quarantined = 0
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
                quarantined += self._put_back(return_id, sale, line, quantity, refund, item.damaged, at, approver,
                                              reason if quarantine else None)
            refunded = paid_for({line_id: line["returned"] for line_id, line in lines.items()})
            refund_total = refunded - paid_for(returned_before)
            if refund_total != refund_due:      # the plan was made from the same figures: never, but not silently
                raise RuntimeError("the refund plan and the booked refund differ")
            points_reversed = 0
            if sale["member_id"] is not None and sale["points_earned"]:
                # Like the refund, a running share: all returns of a sale together reverse what it earned.
                reversed_before = db.scalar(
                    "SELECT COALESCE(SUM(points_reversed), 0) FROM returns WHERE original_sale_id = ?", (sale["id"],))
                due = proportion(sale["points_earned"], refunded, sale["total"]) - reversed_before
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
                points_restored = max(0, proportion(sale["points_redeemed"], returned_value, lines_sum)
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
            coupons_restored = 0
            if coupon_approver is not None:
                coupons_restored = store.promotions.restore_coupons_of_sale(sale["id"], return_id, coupon_approver.id)
            if cash_approver is not None:
                store.audit.record("refund.in_cash", "return", return_id, sale_id=sale["id"], amount=refund_total,
                                   approved_by=cash_approver.id)
        store.spend_approvals(approval)
        log.info("return committed: %s against %s, refund %s", return_no, sale["receipt_no"], f"{refund_total:,}")
        return ReturnResult(return_id, return_no, refund_total, points_reversed, points_restored, tuple(parts),
                            coupons_restored, quarantined)

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
        sale = self._store.sales.sale_record(receipt_no)
        self._store.sales.require_receipt_access(sale)      # a cashier: only within the return window
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
            value = sum(proportion(lines[i]["line_total"], n, lines[i]["quantity"]) for i, n in units.items())
            return proportion(value, sale["total"], lines_sum)

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
                  at: str, approver, quarantine_reason: str | None = None) -> int:
        """Return units to the batches this line took them from, latest expiry first; returns the units held in
        quarantine.

        A controlled item's return is registered under ``approver``, who authorised it (a cashier cannot). With
        ``quarantine_reason`` (China GSP) a medicine's units are held in quarantine with that reason
        (``store.quality.post_quarantine``) instead of going back on sale, and its traceability codes go back on
        file as quarantined; damaged units are written off as always.
        """
        store, db = self._store, self._store.db
        if line.get("units_per_pack"):       # 拆零 units: never back on sale (core/split_packs.py)
            batch_id = store.split.return_units(line["id"], quantity, return_id, at)
            db.insert("return_lines", {"return_id": return_id, "sale_line_id": line["id"], "batch_id": batch_id,
                                       "quantity": quantity, "refund": refund, "damaged": 1})
            return 0
        held = 0
        medicine = quarantine_reason is not None and is_medicine(line["category"], line["legal_class"])
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
            share = proportion(refund, done, quantity) - given      # running share: the batches add up to refund
            given += share
            return_line_id = db.insert("return_lines", {
                "return_id": return_id, "sale_line_id": line["id"], "batch_id": batch["batch_id"],
                "quantity": take, "refund": share, "damaged": 1 if damaged else 0})
            store.stock.post_move(batch["batch_id"], take, "return", "return", return_id)
            if damaged:
                store.stock.post_move(batch["batch_id"], -take, "write_off", "return", return_id, "returned damaged")
            elif medicine:
                store.quality.post_quarantine(batch["batch_id"], take, quarantine_reason, "return", return_id)
                store.trace.quarantine_returned(line["id"], batch["batch_id"], take, return_id, at)
                held += take
            if line["legal_class"] == "controlled":
                db.insert("controlled_register", {
                    "at": at, "return_line_id": return_line_id, "product_id": line["product_id"],
                    "batch_id": batch["batch_id"], "quantity": -take, "member_id": sale["member_id"],
                    "pharmacist_id": approver.id, "rx_number": None})
            remaining -= take
            if remaining == 0:
                break
        return held
