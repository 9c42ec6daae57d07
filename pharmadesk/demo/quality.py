"""The GSP quality records of a demo store under the china_gsp profile (issue 15), consistent with its stock.

For a store whose receipts and batches are already written (the demo's history, or any test store), this adds:
every supplier's licences (one sales authorisation expiring within 30 days) and first-time approval, every
product's approval document and approval, an acceptance record for every receipt line, a year of twice-daily
temperature / humidity readings in the GSP's three areas with a few out-of-range ones and their corrective
actions, maintenance checks by the monthly / quarterly rule, and one quarantined batch.

Rows are written in bulk through the program's own tables (one transaction, one audit entry), like the rest
of the demo; deterministic per ``seed``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from pharmadesk.core.quality_records import GSP_AREAS, key_reasons, maintenance_period, slot_of, within
from pharmadesk.core.timeutil import to_iso

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

LOG_DAYS = 365
OUT_OF_RANGE_READINGS = 6
CORRECTIVE_ACTIONS = {
    "ambient": ("开启空调降温，30分钟后复测正常", "开启除湿机，1小时后复测正常"),
    "cool": ("调低阴凉区空调温度，复测正常", "开启除湿机，复测正常"),
    "cold": ("冷藏柜门未关严，已关好并复测为5.0℃", "冷藏柜除霜后复测正常，药品未受影响"),
}


@dataclass(frozen=True)
class QualityDemo:
    """How many of each record the builder wrote, and the quarantine record it left held."""

    documents: int
    approvals: int
    acceptances: int
    readings: int
    out_of_range: int
    maintenance_checks: int
    quarantine_id: int | None


def _stamp(day: date, hour: int, minute: int) -> str:
    return to_iso(datetime.combine(day, time(hour, minute)).astimezone())


def build_quality_records(store: "Store", seed: int = 42, end: date | None = None) -> QualityDemo:
    """Write the quality records of ``store`` (profile china_gsp, owner logged in) up to ``end`` (default
    today). Call once, after the stock history is written."""
    r = random.Random(f"{seed}-quality")
    end = end or store.today()
    db = store.db
    users = {row["role"]: row["id"] for row in db.all("SELECT id, role FROM users WHERE active = 1 ORDER BY id DESC")}
    manager = users.get("pharmacist", store.user.id)        # the quality manager signs
    first_receipt = db.scalar("SELECT min(received_at) FROM goods_receipts")
    approved_at = (datetime.fromisoformat(first_receipt) - timedelta(days=30)) if first_receipt else \
        datetime.combine(end - timedelta(days=LOG_DAYS), time(10)).astimezone()
    approved_on = approved_at.astimezone().date()
    counts = dict.fromkeys(("documents", "approvals", "acceptances", "readings", "out_of_range", "maintenance"), 0)
    with db.transaction():
        _qualifications(store, r, end, approved_at, approved_on, manager, counts)
        _acceptances(store, r, manager, counts)
        _storage_log(store, r, end, users, counts)
        _maintenance(store, r, end, manager, counts)
        quarantine_id = _one_quarantine(store, r)
        store.audit.record("demo.quality", "store", store.store_id, seed=seed, **counts)
    return QualityDemo(counts["documents"], counts["approvals"], counts["acceptances"], counts["readings"],
                       counts["out_of_range"], counts["maintenance"], quarantine_id)


def _qualifications(store, r, end, approved_at, approved_on, manager, counts) -> None:
    db = store.db
    recorded = to_iso(approved_at)
    suppliers = db.all("SELECT id, name FROM suppliers ORDER BY id")
    documents = []
    for index, supplier in enumerate(suppliers):
        sid = supplier["id"]
        documents += [
            (sid, None, "drug_trading_licence", f"沪AA{r.randint(1000000, 9999999)}", "上海市药品监督管理局",
             (approved_on - timedelta(days=r.randint(200, 900))).isoformat(),
             (end + timedelta(days=r.randint(400, 1600))).isoformat()),
            (sid, None, "business_licence", f"91310{r.randint(10**12, 10**13 - 1)}", "上海市市场监督管理局",
             (approved_on - timedelta(days=r.randint(900, 3000))).isoformat(), None),   # 长期
            (sid, None, "sales_authorisation", f"SQ-{sid:03d}-{end.year}", supplier["name"],
             (approved_on - timedelta(days=5)).isoformat(),
             # the first supplier's authorisation runs out soon: the expiring list is never empty
             (end + timedelta(days=18 if index == 0 else r.randint(120, 360))).isoformat()),
        ]
        if index % 2 == 0:                       # older suppliers still have a GSP certificate on file
            documents.append((sid, None, "gsp_certificate", f"A-SH-{r.randint(10000, 99999)}", "上海市药品监督管理局",
                              (approved_on - timedelta(days=700)).isoformat(),
                              (end + timedelta(days=r.randint(200, 700))).isoformat()))
    products = db.all("SELECT id, approval_number FROM products ORDER BY id")
    for product in products:
        number = product["approval_number"] or f"国药准字H{20000000 + product['id'] * 37 % 9999999:08d}"
        documents.append((None, product["id"], "product_registration", number, "国家药品监督管理局",
                          (approved_on - timedelta(days=r.randint(300, 1500))).isoformat(),
                          (end + timedelta(days=r.randint(200, 1700))).isoformat()))
    db.conn.executemany(
        "INSERT INTO quality_documents (supplier_id, product_id, kind, number, issuer, issued_on, expires_on, "
        "recorded_at, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(*document, recorded, manager) for document in documents])
    approvals = [(s["id"], None) for s in suppliers] + [(None, p["id"]) for p in products]
    db.conn.executemany(
        "INSERT OR IGNORE INTO quality_approvals (supplier_id, product_id, approved_at, user_id, note) "
        "VALUES (?, ?, ?, ?, ?)", [(s, p, recorded, manager, "资料齐全，同意首营") for s, p in approvals])
    counts["documents"] += len(documents)
    counts["approvals"] += len(approvals)


def _acceptances(store, r, manager, counts) -> None:
    """An acceptance for every receipt line not yet concluded; units still pending are accepted."""
    db = store.db
    lines = db.all(
        "SELECT m.ref_id AS receipt_id, m.batch_id, SUM(m.quantity) AS received, min(m.at) AS at, "
        "p.storage_condition, b.pending_qty, COALESCE((SELECT SUM(a.quantity) FROM quality_acceptances a "
        "WHERE a.receipt_id = m.ref_id AND a.batch_id = m.batch_id), 0) AS concluded "
        "FROM stock_moves m JOIN batches b ON b.id = m.batch_id JOIN products p ON p.id = b.product_id "
        "WHERE m.reason = 'receipt' AND m.ref_type = 'goods_receipt' GROUP BY m.ref_id, m.batch_id "
        "ORDER BY m.ref_id, m.batch_id")
    rows = []
    for line in lines:
        quantity = line["received"] - line["concluded"]
        if quantity <= 0:
            continue
        at = to_iso(datetime.fromisoformat(line["at"]) + timedelta(minutes=r.randint(10, 50)))
        temperature = round(r.uniform(3.0, 7.5), 1) if line["storage_condition"] == "cold" else None
        rows.append((line["receipt_id"], line["batch_id"], quantity, min(quantity, r.randint(2, 5)),
                     "外观、包装、标签完好，随货同行单相符", temperature, "accepted", at, manager))
        if line["pending_qty"]:
            db.execute("UPDATE batches SET pending_qty = max(0, pending_qty - ?) WHERE id = ?",
                       (quantity, line["batch_id"]))
    db.conn.executemany(
        "INSERT INTO quality_acceptances (receipt_id, batch_id, quantity, quantity_checked, appearance, "
        "arrival_temp_c, conclusion, at, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    counts["acceptances"] += len(rows)


def _storage_log(store, r, end, users, counts) -> None:
    db = store.db
    existing = {row["name"] for row in db.all("SELECT name FROM storage_areas")}
    for t in GSP_AREAS:
        if t.name not in existing:
            db.insert("storage_areas", {"name": t.name, "condition": t.condition, "temp_min": t.temp_min,
                                        "temp_max": t.temp_max, "humidity_min": t.humidity_min,
                                        "humidity_max": t.humidity_max})
    areas = db.all("SELECT * FROM storage_areas WHERE active = 1 ORDER BY id")
    typical = {"ambient": (18.0, 26.0), "cool": (12.0, 18.5), "cold": (3.0, 7.0)}
    days = [end - timedelta(days=n) for n in range(LOG_DAYS, 0, -1)]
    excursions = set(r.sample([(d, s) for d in range(len(days)) for s in range(2)], OUT_OF_RANGE_READINGS))
    loggers = [users.get(role) for role in ("pharmacist", "cashier") if users.get(role)] or [store.user.id]
    rows = []
    for d, day in enumerate(days):
        for s, hour in enumerate((9, 15)):
            signer = loggers[(d + s) % len(loggers)]
            bad_area = r.randrange(len(areas)) if (d, s) in excursions else None
            for a, area in enumerate(areas):
                low, high = typical.get(area["condition"], (area["temp_min"] + 1, area["temp_max"] - 1))
                temperature = round(r.uniform(low, high), 1)
                humidity = round(r.uniform(45, 65), 1)
                if a == bad_area:
                    if r.random() < 0.5:
                        temperature = round(area["temp_max"] + r.uniform(0.5, 2.0), 1)
                    else:
                        humidity = round(area["humidity_max"] + r.uniform(1.0, 6.0), 1)
                in_range = within(temperature, area["temp_min"], area["temp_max"]) and within(
                    humidity, area["humidity_min"], area["humidity_max"])
                action = None if in_range else r.choice(CORRECTIVE_ACTIONS.get(area["condition"],
                                                                               CORRECTIVE_ACTIONS["ambient"]))
                taken = datetime.combine(day, time(hour, r.randint(0, 40))).astimezone()
                on_date, slot = slot_of(taken)
                rows.append((area["id"], to_iso(taken), on_date.isoformat(), slot, temperature, humidity,
                             1 if in_range else 0, action, "manual", signer))
                counts["out_of_range"] += 0 if in_range else 1
    db.conn.executemany(
        "INSERT INTO storage_readings (area_id, taken_at, on_date, slot, temperature, humidity, in_range, "
        "corrective_action, source, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    counts["readings"] += len(rows)


def _maintenance(store, r, end, manager, counts) -> None:
    """Checks over the last three months, by the rule: key batches each month, ordinary ones once a quarter."""
    db = store.db
    near_days = store.settings.near_expiry_days
    batches = db.all(
        "SELECT b.id, b.expiry, p.storage_condition, p.contains_ephedrine, k.product_id IS NOT NULL AS flagged, "
        "(SELECT min(m.at) FROM stock_moves m WHERE m.batch_id = b.id) AS first_at FROM batches b "
        "JOIN products p ON p.id = b.product_id LEFT JOIN quality_key_products k ON k.product_id = b.product_id "
        "WHERE b.on_hand - b.pending_qty - b.quarantine_qty > 0 ORDER BY b.id")
    month_starts = sorted({(end.replace(day=1) - timedelta(days=31 * n)).replace(day=1) for n in range(1, 4)})
    rows = []
    for batch in batches:
        arrived = datetime.fromisoformat(batch["first_at"]).astimezone().date() if batch["first_at"] else end
        done_periods = set()
        for start in month_starts:
            day = start + timedelta(days=r.randint(3, 20))
            if day < arrived or day >= end:
                continue
            key = bool(key_reasons(batch["storage_condition"], bool(batch["contains_ephedrine"]),
                                   bool(batch["flagged"]), batch["expiry"], day, near_days))
            period = maintenance_period(day, key)
            if period in done_periods:
                continue
            done_periods.add(period)
            rows.append((batch["id"], _stamp(day, 10, r.randint(0, 59)), day.isoformat(), "性状正常", "包装完好",
                         "ok", None, manager))
    db.conn.executemany(
        "INSERT INTO maintenance_checks (batch_id, checked_at, on_date, appearance, packaging, conclusion, action, "
        "user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    counts["maintenance"] += len(rows)


def _one_quarantine(store, r) -> int | None:
    """Quarantine a couple of units of one batch in stock, as a customer complaint would."""
    db = store.db
    candidates = db.all("SELECT id, on_hand - pending_qty - quarantine_qty AS sellable FROM batches "
                        "WHERE on_hand - pending_qty - quarantine_qty >= 2 ORDER BY id")
    if not candidates:
        return None
    batch = r.choice(candidates)
    store.quality.post_quarantine(batch["id"], min(2, batch["sellable"]), "顾客反映药片变色，待查", "demo", None)
    return db.scalar("SELECT max(id) FROM quality_quarantine")
