"""The day close: the X report (totals since the last close) and the Z report that closes the till, with
expected against counted cash and totals per payment method; the day-close hooks run after it."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Mapping

from pharmadesk.core.catalog import whole_number
from pharmadesk.core.payments import net_sales, totals_by_method
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import to_iso

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)


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


class DayClose:
    """``store.day_close``: the X report, the day close (Z report) and the list of past closes."""

    def __init__(self, store: "Store") -> None:
        self._store = store

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
        Parked sales stay parked, but their labels are blanked (see ``Sales.clean_label``).

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
            # A parked cart's free-text label may name its customer: it does not outlive the day it was written.
            db.execute("UPDATE suspended_sales SET label = '' WHERE label <> '' AND at <= ?", (report.period_end,))
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
