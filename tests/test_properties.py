"""Property-based: random days at the store keep the ledger, FEFO, expiry, points and refunds right.

A state machine receives goods, sells (with members, points and prescriptions), takes returns (some
damaged), adjusts, writes off and lets days pass, on a fresh copy of the template store. It keeps its own
model of every batch and checks the store against it after every step.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from pharmadesk.errors import ExpiredStockError, StockError, ValidationError
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.store import Store

from conftest import PASSWORDS, Clock

PRODUCTS = ("otc", "rx", "controlled", "expired_only")


class StoreDay(RuleBasedStateMachine):
    template = None          # (directory, key, ids), set by the test

    def __init__(self) -> None:
        super().__init__()
        directory, key, self.ids = self.template
        self.tmp = Path(tempfile.mkdtemp(prefix="pharmadesk-prop-"))
        shutil.copytree(directory, self.tmp / "store")
        self.clock = Clock()
        self.store = Store.open(self.tmp / "store", key=key, use_keyring=False, clock=self.clock)
        self.store.login("owner", PASSWORDS["owner"])
        self.product = {name: getattr(self.ids, name) for name in PRODUCTS}
        self.price = {pid: self.store.catalog.get(pid).price for pid in self.product.values()}
        self.needs_rx = {pid: self.store.catalog.get(pid).needs_prescription for pid in self.product.values()}
        # The model: every batch's expiry and on-hand, units sold net of returns, every sale line.
        self.batches = {
            b["id"]: {"product": b["product_id"], "expiry": date.fromisoformat(b["expiry"]), "on_hand": b["on_hand"]}
            for b in self.store.db.all("SELECT * FROM batches")}
        self.net_sold = {pid: 0 for pid in self.product.values()}
        self.lines: list[dict] = []
        self.sales: dict[int, dict] = {}
        self.members = [self.store.members.register(f"Member {n}", f"1390000{n:04d}") for n in range(2)]
        self.serial = 0

    def teardown(self) -> None:
        try:
            assert self.store.audit.verify() == []
            self.store.close()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers ----------------------------------------------------------------------------------------

    def _next(self) -> int:
        self.serial += 1
        return self.serial

    def _fefo(self, product_id: int, quantity: int, today: date):
        """What FEFO must take, or the error it must raise, according to the model."""
        candidates = sorted((b["expiry"], batch_id, b["on_hand"]) for batch_id, b in self.batches.items()
                            if b["product"] == product_id and b["on_hand"] > 0)
        sellable = [(batch_id, on_hand) for expiry, batch_id, on_hand in candidates if expiry >= today]
        if sum(on_hand for _, on_hand in sellable) < quantity:
            expired = any(expiry < today for expiry, _, _ in candidates)
            return ExpiredStockError if expired else StockError
        plan, remaining = [], quantity
        for batch_id, on_hand in sellable:
            take = min(on_hand, remaining)
            plan.append((batch_id, take))
            remaining -= take
            if not remaining:
                break
        return plan

    def _batch_ids(self) -> list[int]:
        return sorted(self.batches)

    # -- rules ------------------------------------------------------------------------------------------

    @rule(name=st.sampled_from(PRODUCTS), quantity=st.integers(1, 12), days=st.integers(0, 60))
    def receive(self, name, quantity, days):
        product_id = self.product[name]
        expiry = self.store.today() + timedelta(days=days)
        batch_no = f"H-{self._next()}"
        self.store.stock.receive(self.ids.supplier, [ReceiptLine(product_id, batch_no, expiry, quantity, 100)])
        batch_id = self.store.db.scalar("SELECT id FROM batches WHERE batch_no = ?", (batch_no,))
        self.batches[batch_id] = {"product": product_id, "expiry": expiry, "on_hand": quantity}

    @rule(name=st.sampled_from(PRODUCTS), quantity=st.integers(1, 8), member=st.sampled_from([None, 0, 1]),
          redeem_share=st.sampled_from([0, 0, 0.5, 1]))
    def sell(self, name, quantity, member, redeem_share):
        product_id = self.product[name]
        today = self.store.today()
        member_id = None if member is None else self.members[member]
        gross = self.price[product_id] * quantity
        redeem = 0
        if member_id is not None:
            redeem = min(self.store.members.get(member_id).points, int(gross * redeem_share))
        total = gross - redeem
        prescription = Prescription("Dr. Prop", f"RX-{self._next()}", today.isoformat()) \
            if self.needs_rx[product_id] else None
        expected = self._fefo(product_id, quantity, today)
        sales_before = self.store.db.scalar("SELECT count(*) FROM sales")
        call = lambda: self.store.sales.sell(  # noqa: E731
            [CartLine(product_id, quantity, prescription=prescription)],
            [Payment("card", total, reference="TERM-0001")] if total else [], member_id=member_id, redeem_points=redeem)
        if not isinstance(expected, list):
            try:
                call()
            except StockError as exc:
                assert type(exc) is expected, (type(exc), expected)
            else:
                raise AssertionError("the model says this sale cannot be served")
            assert self.store.db.scalar("SELECT count(*) FROM sales") == sales_before
            return
        sale = call()
        allocations = [(a.batch_id, a.quantity) for a in sale.lines[0].allocations]
        assert allocations == expected, "allocation is not first-expiry-first-out"
        for batch_id, taken in allocations:
            assert self.batches[batch_id]["expiry"] >= today, "sold from an expired batch"
            self.batches[batch_id]["on_hand"] -= taken
        self.net_sold[product_id] += quantity
        self.sales[sale.sale_id] = {"total": sale.total, "units": quantity, "returned": 0,
                                    "points_earned": sale.points_earned}
        self.lines.append({"receipt": sale.receipt_no, "sale_id": sale.sale_id, "id": sale.lines[0].sale_line_id,
                           "product": product_id, "quantity": quantity, "returned": 0,
                           "alloc": dict(allocations), "back": {batch_id: 0 for batch_id, _ in allocations}})

    @precondition(lambda self: self.lines)
    @rule(pick=st.integers(0, 10**6), quantity=st.integers(1, 8), damaged=st.booleans())
    def give_back(self, pick, quantity, damaged):
        line = self.lines[pick % len(self.lines)]
        returnable = line["quantity"] - line["returned"]
        if quantity > returnable:
            returns_before = self.store.db.scalar("SELECT count(*) FROM returns")
            try:
                self.store.returns.return_items(line["receipt"], [ReturnItem(line["id"], quantity)], "prop")
            except ValidationError:
                pass
            else:
                raise AssertionError("returned more than was sold")
            assert self.store.db.scalar("SELECT count(*) FROM returns") == returns_before
            return
        result = self.store.returns.return_items(line["receipt"], [ReturnItem(line["id"], quantity, damaged)], "prop")
        rows = self.store.db.all("SELECT batch_id, quantity, damaged FROM return_lines WHERE return_id = ?",
                                 (result.return_id,))
        assert sum(r["quantity"] for r in rows) == quantity
        for row in rows:
            assert row["batch_id"] in line["alloc"], "returned to a batch the line never took from"
            assert row["damaged"] == int(damaged)
            line["back"][row["batch_id"]] += row["quantity"]
            assert line["back"][row["batch_id"]] <= line["alloc"][row["batch_id"]]
            if not damaged:
                self.batches[row["batch_id"]]["on_hand"] += row["quantity"]
        # Latest expiry back first: an earlier-expiring batch gets units only once every later one is full.
        for a in line["alloc"]:
            for b in line["alloc"]:
                if self.batches[a]["expiry"] > self.batches[b]["expiry"] and line["back"][b]:
                    assert line["back"][a] == line["alloc"][a]
        line["returned"] += quantity
        self.net_sold[line["product"]] -= quantity
        self.sales[line["sale_id"]]["returned"] += quantity

    @precondition(lambda self: self.batches)
    @rule(pick=st.integers(0, 10**6), delta=st.integers(-6, 6).filter(bool))
    def adjust(self, pick, delta):
        batch_id = self._batch_ids()[pick % len(self.batches)]
        if self.batches[batch_id]["on_hand"] + delta < 0:
            try:
                self.store.stock.adjust(batch_id, delta, "prop")
            except StockError:
                return
            raise AssertionError("stock went below zero")
        self.store.stock.adjust(batch_id, delta, "prop")
        self.batches[batch_id]["on_hand"] += delta

    @precondition(lambda self: self.batches)
    @rule(pick=st.integers(0, 10**6), quantity=st.integers(1, 6))
    def write_off(self, pick, quantity):
        batch_id = self._batch_ids()[pick % len(self.batches)]
        if self.batches[batch_id]["on_hand"] < quantity:
            try:
                self.store.stock.write_off(batch_id, quantity, "prop")
            except StockError:
                return
            raise AssertionError("stock went below zero")
        self.store.stock.write_off(batch_id, quantity, "prop")
        self.batches[batch_id]["on_hand"] -= quantity

    @rule()
    def write_off_expired(self):
        today = self.store.today()
        expected = sum(b["on_hand"] for b in self.batches.values() if b["expiry"] < today)
        assert self.store.stock.write_off_expired() == expected
        for batch in self.batches.values():
            if batch["expiry"] < today:
                batch["on_hand"] = 0

    @rule(days=st.integers(1, 12))
    def days_pass(self, days):
        self.clock.advance(days=days)

    # -- invariants -------------------------------------------------------------------------------------

    @invariant()
    def ledger_agrees(self):
        assert self.store.stock.verify_ledger() == []
        assert self.store.db.scalar("SELECT COALESCE(MIN(on_hand), 0) FROM batches") >= 0

    @invariant()
    def batches_match_the_model(self):
        actual = {r["id"]: r["on_hand"] for r in self.store.db.all("SELECT id, on_hand FROM batches")}
        assert actual == {batch_id: b["on_hand"] for batch_id, b in self.batches.items()}

    @invariant()
    def sold_minus_returned_matches_the_model(self):
        for product_id, net in self.net_sold.items():
            sold = self.store.db.scalar("SELECT COALESCE(SUM(quantity), 0) FROM sale_lines WHERE product_id = ?",
                                        (product_id,))
            returned = self.store.db.scalar(
                "SELECT COALESCE(SUM(r.quantity), 0) FROM return_lines r JOIN sale_lines l ON l.id = r.sale_line_id "
                "WHERE l.product_id = ?", (product_id,))
            assert sold - returned == net

    @invariant()
    def points_are_their_ledger(self):
        rows = self.store.db.all(
            "SELECT m.id, m.points, COALESCE(SUM(p.delta), 0) AS ledger FROM members m "
            "LEFT JOIN points_ledger p ON p.member_id = m.id GROUP BY m.id")
        for row in rows:
            assert row["points"] == row["ledger"] >= 0

    @invariant()
    def refunds_and_reversals_stay_within_the_sale(self):
        for sale_id, sale in self.sales.items():
            refunded, reversed_points = self.store.db.execute(
                "SELECT COALESCE(SUM(refund_total), 0), COALESCE(SUM(points_reversed), 0) FROM returns "
                "WHERE original_sale_id = ?", (sale_id,)).fetchone()
            assert refunded <= sale["total"] and reversed_points <= sale["points_earned"]
            if sale["returned"] == sale["units"]:
                assert refunded == sale["total"]


def test_random_days_at_the_store_keep_every_rule(template_store):
    StoreDay.template = template_store
    run_state_machine_as_test(StoreDay, settings=settings(
        max_examples=100, stateful_step_count=50, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
