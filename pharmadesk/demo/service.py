"""The demo store's service records over the last :data:`WINDOW_DAYS`: complaints (most closed within a few days,
some still open and one overdue), enquiries, return / quality feedback, follow-up calls after first purchases
of maintenance medicines (care consent respected; reached, no answer and retried, declined, some still due) and
call-backs after complaints, and one adverse drug reaction report (a dry cough on an ACE inhibitor).

Written straight to the tables like the rest of the demo history (one ``demo.build`` audit entry counts the
build); the texts are in the store's language. Used only by :mod:`pharmadesk.demo.build`.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from pharmadesk.core.timeutil import from_iso

if TYPE_CHECKING:
    from pharmadesk.core.store import Store
    from pharmadesk.demo.sim import Timeline

WINDOW_DAYS = 120
COMPLAINTS_PER_WEEK = 2.0
ENQUIRIES_PER_WEEK = 1.5
FEEDBACK_PER_WEEK = 0.4
CALL_AFTER_DAYS = 7

TEXTS = {
    "en": {
        "complaint": [("Waited 15 minutes at the counter at lunchtime", "Added a second till at noon", "resolved"),
                      ("Box of tablets was crushed", "Replaced the box", "replaced"),
                      ("Charged twice for one item", "Refunded the extra charge", "refunded"),
                      ("Points from last visit not added", "Added the points by hand", "resolved"),
                      ("Staff did not explain how to take the medicine", "Pharmacist called and explained",
                       "resolved"),
                      ("Price higher than at another pharmacy", "Explained our price; no change", "not_upheld")],
        "enquiry": [("Can this be taken with blood pressure tablets?", "Checked interactions: yes", "answered"),
                    ("Is there a sugar-free version?", "Ordered the sugar-free syrup", "answered"),
                    ("When will the blood glucose strips be back in stock?", "In two days", "answered")],
        "quality_feedback": [("Blister pack was open", "Returned to the supplier", "replaced"),
                             ("Syrup looked cloudy", "Batch checked: normal sediment", "not_upheld")],
        "call_notes": {"reached": ["Taking it daily, no side effects", "Some stomach upset; advised to take with food",
                                   "Doing well; asked about the refill date"],
                       "declined": ["Did not want to talk now"]},
        "adr": ("Dry, tickly cough at night since starting the tablets", "10 mg once daily by mouth",
                "Advised to see the doctor; switched to another medicine"),
    },
    "zh_CN": {
        "complaint": [("午间排队等了15分钟", "中午增开一个收银台", "resolved"),
                      ("药盒被压坏", "已更换新药盒", "replaced"),
                      ("同一件商品被扣款两次", "已退回多收的款项", "refunded"),
                      ("上次消费的积分没有到账", "已手工补录积分", "resolved"),
                      ("店员没有讲清楚用法用量", "药师电话回访并解释", "resolved"),
                      ("价格比别家药店贵", "已解释定价，不做调整", "not_upheld")],
        "enquiry": [("这个药能和降压药一起吃吗？", "已查相互作用：可以", "answered"),
                    ("有无糖型的吗？", "已订无糖型糖浆", "answered"),
                    ("血糖试纸什么时候到货？", "两天后到货", "answered")],
        "quality_feedback": [("铝塑板已破损", "已退回供应商", "replaced"),
                             ("糖浆有些浑浊", "已核查批次：属正常沉淀", "not_upheld")],
        "call_notes": {"reached": ["每天按时服用，无不良反应", "有些胃部不适，建议饭后服用", "情况良好，询问了续药时间"],
                       "declined": ["现在不方便通话"]},
        "adr": ("服药后夜间干咳", "每日一次，每次10mg，口服", "建议就医，已换用其他药物"),
    },
}


def build_service_history(store: "Store", tl: "Timeline", pharmacist: int, cashier: int, reporter: str,
                          r: random.Random) -> int:
    """Write the service records of the window (``reporter``: the pharmacist's name on the ADR report); returns
    how many records were written."""
    texts = TEXTS.get(store.settings.language, TEXTS["en"])
    db = store.db
    first_day = max(0, tl.days - WINDOW_DAYS)
    close_days = store.settings.complaint_close_days
    care = {row[0] for row in db.execute(
        "SELECT c.member_id FROM member_consents c WHERE c.kind = 'care' AND c.id = "
        "(SELECT max(c2.id) FROM member_consents c2 WHERE c2.member_id = c.member_id AND c2.kind = 'care') "
        "AND c.granted = 1")}
    window_start = tl.stamp(first_day, 0)
    member_sales = db.all("SELECT id, member_id, at FROM sales WHERE member_id IS NOT NULL AND at >= ? ORDER BY id",
                          (window_start,))
    written = 0

    def day_of(at: str) -> int:
        return (from_iso(at).astimezone().date() - tl.start).days

    def insert(kind, member_id, sale_id, account, day, second, due, user, reason="manual", origin=None) -> int:
        nonlocal written
        at = tl.stamp(day, second)
        record_id = db.insert("service_records", {
            "kind": kind, "member_id": member_id, "sale_id": sale_id, "account": account, "status": "open",
            "due_date": due, "reason": reason, "origin_id": origin, "created_at": at, "created_by": user})
        db.insert("service_notes", {"record_id": record_id, "at": at, "user_id": user, "status": "open",
                                    "outcome": None, "text": None})
        written += 1
        return record_id

    def close(record_id, day, second, outcome, resolution, user, note_outcome=None) -> None:
        at = tl.stamp(day, second)
        db.execute("UPDATE service_records SET status = 'closed', outcome = ?, resolution = ?, closed_at = ?, "
                   "closed_by = ? WHERE id = ?", (outcome, resolution if note_outcome is None else None, at, user,
                                                  record_id))
        db.insert("service_notes", {"record_id": record_id, "at": at, "user_id": user, "status": "closed",
                                    "outcome": note_outcome or outcome, "text": resolution})

    def call_back(member_id, sale_id, due_day, reason, origin=None, products=()) -> None:
        if member_id not in care:
            return
        call = insert("follow_up", member_id, sale_id, None, max(first_day, due_day - CALL_AFTER_DAYS),
                      r.uniform(9 * 3600, 11 * 3600), tl.iso_date(due_day), pharmacist, reason, origin)
        for product_id in products:
            db.insert("service_record_products", {"record_id": call, "product_id": product_id, "batch_id": None})
        if due_day >= tl.days - 2:
            return                                   # due today or tomorrow: still on the list
        day = due_day
        if r.random() < 0.3:                         # no answer first, a second try the next day
            db.insert("service_notes", {"record_id": call, "at": tl.stamp(day, 10.5 * 3600), "user_id": pharmacist,
                                        "status": "in_progress", "outcome": "no_answer", "text": None})
            db.execute("UPDATE service_records SET status = 'in_progress' WHERE id = ?", (call,))
            day += 1
            if day >= tl.days:
                return
        outcome = r.choices(("reached", "no_answer", "declined"), (0.75, 0.1, 0.15))[0]
        note = r.choice(texts["call_notes"].get(outcome, [None]))
        close(call, day, r.uniform(10 * 3600, 16 * 3600), outcome, note, pharmacist, note_outcome=outcome)

    with db.transaction():
        for kind, per_week in (("complaint", COMPLAINTS_PER_WEEK), ("enquiry", ENQUIRIES_PER_WEEK),
                               ("quality_feedback", FEEDBACK_PER_WEEK)):
            for day in range(first_day, tl.days):
                if r.random() >= per_week / 7:
                    continue
                account, resolution, outcome = r.choice(texts[kind])
                sale = r.choice(member_sales) if member_sales and r.random() < 0.6 else None
                if sale is not None and day_of(sale["at"]) > day:
                    sale = None
                member_id = sale["member_id"] if sale else None
                due = tl.iso_date(day + close_days) if kind == "complaint" else None
                second = r.uniform(9 * 3600, 20 * 3600)
                record_id = insert(kind, member_id, sale["id"] if sale else None, account, day, second, due,
                                   r.choice((cashier, pharmacist)))
                late = kind == "complaint" and r.random() < 0.08       # left open past its due date
                took = r.choice((0, 1, 1, 2, 3, 5)) + (close_days + 2 if late else 0)
                if day + took >= tl.days:
                    continue                                        # still open today
                closing = min(second + r.uniform(900, 7200), 21 * 3600) if took == 0 else r.uniform(10 * 3600, 18 * 3600)
                close(record_id, day + took, closing, outcome, resolution, pharmacist)
                if kind == "complaint" and member_id is not None:
                    call_back(member_id, sale["id"], day + took + store.settings.complaint_follow_up_days,
                              "complaint", origin=record_id)
        overdue_day = max(first_day, tl.days - close_days - 3)      # one complaint nobody closed: overdue today
        account, _resolution, _outcome = texts["complaint"][0]
        insert("complaint", None, None, account, overdue_day, 12.5 * 3600, tl.iso_date(overdue_day + close_days),
               cashier)
        _first_purchase_calls(db, tl, first_day, care, call_back)
        _one_adr(db, tl, texts["adr"], pharmacist, reporter, insert, close)
    return written


def _first_purchase_calls(db, tl: "Timeline", first_day: int, care: set, call_back) -> None:
    """A call a week after each first purchase of a maintenance medicine (a molecule new to the member)."""
    rows = db.all("""
        SELECT s.id AS sale_id, s.member_id, s.at, l.product_id
        FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN products p ON p.id = l.product_id
        WHERE s.at >= ? AND s.member_id IS NOT NULL AND p.days_supply IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM sales s2 JOIN sale_lines l2 ON l2.sale_id = s2.id
                          JOIN products p2 ON p2.id = l2.product_id
                          WHERE s2.member_id = s.member_id AND s2.at < s.at
                            AND COALESCE(p2.generic_name, p2.name) = COALESCE(p.generic_name, p.name))
        ORDER BY s.at, l.product_id""", (tl.stamp(first_day, 0),))
    seen = set()
    for row in rows:
        key = (row["member_id"], row["product_id"])
        if key in seen or row["member_id"] not in care:
            continue
        seen.add(key)
        day = (from_iso(row["at"]).astimezone().date() - tl.start).days
        call_back(row["member_id"], row["sale_id"], day + CALL_AFTER_DAYS, "first_chronic_purchase",
                  products=(row["product_id"],))


def _one_adr(db, tl: "Timeline", text: tuple[str, str, str], pharmacist: int, reporter: str, insert, close) -> None:
    """A dry cough reported by a member on an ACE inhibitor (general, recovered after a switch)."""
    row = db.one("""
        SELECT s.id AS sale_id, s.member_id, s.at, l.product_id, a.batch_id
        FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN products p ON p.id = l.product_id
        JOIN sale_line_batches a ON a.sale_line_id = l.id
        WHERE s.member_id IS NOT NULL AND p.atc_code LIKE 'C09A%' AND s.at >= ?
        ORDER BY s.at LIMIT 1""", (tl.stamp(max(0, tl.days - 60), 0),))
    if row is None:
        return
    reaction, usage, course = text
    sold = (from_iso(row["at"]).astimezone().date() - tl.start).days
    day = min(tl.days - 1, sold + 12)
    record_id = insert("adr", row["member_id"], row["sale_id"], course, day, 15 * 3600, None, pharmacist)
    db.insert("service_record_products", {"record_id": record_id, "product_id": row["product_id"],
                                          "batch_id": row["batch_id"]})
    db.insert("adr_reports", {"record_id": record_id, "product_id": row["product_id"], "batch_id": row["batch_id"],
                              "reaction": reaction, "usage": usage, "onset_date": tl.iso_date(sold + 4),
                              "seriousness": "general", "adr_outcome": "recovered", "reporter": reporter,
                              "quality_hold": 0})
    if day + 1 < tl.days:
        close(record_id, day + 1, 10 * 3600, "reported", course, pharmacist)
