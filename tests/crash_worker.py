"""A till that is killed: sells, receives and returns in a loop until the test kills it with SIGKILL.

    python tests/crash_worker.py STORE_DIR SEED [BACKUP_DIR]

The store key comes in ``$PHARMADESK_TEST_KEY`` (hex), the owner's PIN in ``$PHARMADESK_TEST_PIN``.
Prints ``READY`` once the store is open, then one line per use case *after* it returned, so
every printed line is something the till confirmed to the customer:

    SALE <receipt_no>      RETURN <return_no> <receipt_no>      RECEIVE <receipt_id>      BACKUP <folder>
"""

from __future__ import annotations

import os
import random
import sys
from datetime import timedelta

from argon2 import PasswordHasher

import pharmadesk.core.users as users
from pharmadesk import env
from pharmadesk.errors import PharmaDeskError
from pharmadesk.core.sales import CartLine, Payment, Prescription
from pharmadesk.core.returns import ReturnItem
from pharmadesk.core.stock import ReceiptLine
from pharmadesk.core.store import Store

OTC, RX, SUPPLIER = 1, 2, 1            # ids in the conftest template store

users._hasher = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)   # as in conftest


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> None:
    store_dir, seed = sys.argv[1], int(sys.argv[2])
    backup_dir = sys.argv[3] if len(sys.argv) > 3 else None
    rng = random.Random(seed)
    store = Store.open(store_dir, key=bytes.fromhex(os.environ[env.TEST_KEY]), use_keyring=False)
    store.login("owner", os.environ[env.TEST_PIN])
    today = store.today()
    sold: list[str] = []
    say("READY")
    for n in range(1_000_000):
        if min(store.stock.on_hand(OTC, sellable_only=True), store.stock.on_hand(RX, sellable_only=True)) < 8:
            receipt_id = store.stock.receive(SUPPLIER, [
                ReceiptLine(OTC, f"CR-{seed}-{n}", today + timedelta(days=400), rng.randint(20, 60), 500),
                ReceiptLine(RX, f"CRX-{seed}-{n}", today + timedelta(days=300), rng.randint(10, 30), 1500),
            ], delivery_note=f"crash {seed}/{n}")
            say(f"RECEIVE {receipt_id}")
            continue
        if backup_dir and n % 25 == 24:
            say(f"BACKUP {store.backups.run(backup_dir).path.name}")
            continue
        if sold and rng.random() < 0.2:
            receipt_no = rng.choice(sold)
            open_lines = [line for line in store.sales.receipt(receipt_no)["lines"]
                          if line["quantity"] > line["returned"]]
            if open_lines:
                line = rng.choice(open_lines)
                done = store.returns.return_items(receipt_no, [ReturnItem(line["id"], 1, damaged=rng.random() < 0.3)],
                                                "crash test", method=rng.choice([None, "cash"]))
                say(f"RETURN {done.return_no} {receipt_no}")
                continue
        lines = [CartLine(OTC, rng.randint(1, 3))]
        if rng.random() < 0.3:
            lines.append(CartLine(RX, 1, prescription=Prescription("Dr. Crash", f"RX-{seed}-{n}", today)))
        total = sum(line.quantity * (1250 if line.product_id == OTC else 3000) for line in lines)
        card = rng.choice([0, total, total // 2])
        payments = [Payment("card", card, reference="TERM-0001")] if card else []
        if total - card:
            payments.append(Payment("cash", total - card, tendered=total - card + rng.choice([0, 50, 750])))
        try:
            sale = store.sales.sell(lines, payments)
        except PharmaDeskError as exc:          # not expected; make it visible to the test
            print(f"REFUSED {exc}", file=sys.stderr, flush=True)
            raise
        sold.append(sale.receipt_no)
        say(f"SALE {sale.receipt_no}")


if __name__ == "__main__":
    main()
