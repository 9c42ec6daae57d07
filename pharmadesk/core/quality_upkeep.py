"""The recurring GSP records of ``store.quality``: the storage log (温湿度, twice a day per area), the
maintenance checks (养护) and the sales record the inspector reads (销售记录).

:class:`Upkeep` is mixed into :class:`pharmadesk.core.quality.Quality`, so these are methods of the one
``store.quality`` service; it holds no state of its own.

Maintenance rule (docs/quality.md): key items — cold-chain or cool-storage products, batches within the
store's ``near_expiry_days``, ephedrine preparations and products the owner flags — are checked once per
calendar month; every other batch in stock once per calendar quarter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pharmadesk.core.permissions import Action
from pharmadesk.core.quality_records import (
    GSP_AREAS,
    MAINTENANCE_CONCLUSIONS,
    SLOTS,
    STORAGE_CONDITIONS,
    DueReading,
    MaintenanceCheck,
    MaintenanceItem,
    ReadingImport,
    StorageArea,
    StorageReading,
    clean_text,
    key_reasons,
    maintenance_period,
    measurement,
    slot_of,
    within,
)
from pharmadesk.core.timeutil import parse_date, to_iso
from pharmadesk.errors import QT_TRANSLATE_NOOP, NotFound, PharmaDeskError, ValidationError

if TYPE_CHECKING:
    from pharmadesk.core.store import Store

TEMPERATURE_LIMITS = (-40.0, 60.0)          # what a store thermometer can read; beyond it is a typing error
HUMIDITY_LIMITS = (0.0, 100.0)
MAX_IMPORT_ROWS = 200_000


def local_day_start(day: date) -> str:
    """The UTC timestamp (as stored) of the store's local midnight that starts ``day``."""
    return to_iso(datetime.combine(day, time()).astimezone())


def parse_moment(text: str) -> datetime:
    """A logger's timestamp: ISO-8601 with a date and a time; without an offset it is the store's local time."""
    value = (text or "").strip().replace("/", "-")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter a date and time as YYYY-MM-DD HH:MM."),
                              field="timestamp") from None
    return moment.astimezone() if moment.tzinfo is None else moment


@dataclass(frozen=True)
class SaleRecordLine:
    """One line of the GSP sales record: what was sold, its maker, specification, batch and expiry."""

    sold_at: str
    receipt_no: str
    product_id: int
    product_name: str
    generic_name: str | None
    specification: str | None
    form: str | None
    manufacturer: str | None
    approval_number: str | None
    batch_no: str
    expiry: str
    quantity: int
    unit_price: int
    user_id: int


class Upkeep:
    """Storage log, maintenance and sales-record methods of ``store.quality``."""

    _store: "Store"

    # -- storage areas and readings (温湿度) ------------------------------------------------------------

    def add_area(self, name: str, condition: str, temp_min: float, temp_max: float, humidity_min: float = 35.0,
                 humidity_max: float = 75.0) -> StorageArea:
        """Add a storage area (e.g. 常温区, 阴凉区, 冷藏柜) with its allowed temperature (°C) and humidity (%) ranges."""
        self._store.require(Action.MANAGE_SETTINGS)
        name = clean_text(name, "name", 60)
        if condition not in STORAGE_CONDITIONS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose ambient, cool or cold."))
        low_t, high_t = (measurement(v, "temperature", *TEMPERATURE_LIMITS) for v in (temp_min, temp_max))
        low_h, high_h = (measurement(v, "humidity", *HUMIDITY_LIMITS) for v in (humidity_min, humidity_max))
        if low_t >= high_t or low_h >= high_h:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The lower limit must be below the upper limit."))
        db = self._store.db
        if db.one("SELECT id FROM storage_areas WHERE name = ?", (name,)):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is already an area called {name}."), name=name)
        with db.transaction():
            area_id = db.insert("storage_areas", {"name": name, "condition": condition, "temp_min": low_t,
                                                  "temp_max": high_t, "humidity_min": low_h, "humidity_max": high_h})
            self._store.audit.record("quality.area", "storage_area", area_id, condition=condition)
        return self._area(area_id)

    def add_gsp_areas(self) -> list[StorageArea]:
        """Add the GSP's three areas (常温区 10–30 °C, 阴凉区 ≤ 20 °C, 冷藏柜 2–8 °C; 35–75 %) not yet set up."""
        self._store.require(Action.MANAGE_SETTINGS)
        existing = {area.name for area in self.areas(include_inactive=True)}
        return [self.add_area(t.name, t.condition, t.temp_min, t.temp_max, t.humidity_min, t.humidity_max)
                for t in GSP_AREAS if t.name not in existing]

    def set_area_active(self, area_id: int, active: bool) -> StorageArea:
        """Stop (or resume) logging an area; its readings stay."""
        self._store.require(Action.MANAGE_SETTINGS)
        self._area(area_id)
        with self._store.db.transaction():
            self._store.db.execute("UPDATE storage_areas SET active = ? WHERE id = ?", (1 if active else 0, area_id))
            self._store.audit.record("quality.area_active", "storage_area", area_id, active=bool(active))
        return self._area(area_id)

    def areas(self, include_inactive: bool = False) -> list[StorageArea]:
        """The storage areas, by name."""
        self._store.require_user()
        where = "" if include_inactive else "WHERE active = 1"
        return [self._to_area(row) for row in self._store.db.all(f"SELECT * FROM storage_areas {where} ORDER BY id")]

    def _area(self, area_id: int) -> StorageArea:
        row = self._store.db.one("SELECT * FROM storage_areas WHERE id = ?", (area_id,))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such storage area."))
        return self._to_area(row)

    @staticmethod
    def _to_area(row: dict) -> StorageArea:
        return StorageArea(**{**row, "active": bool(row["active"])})

    def record_reading(self, area_id: int, temperature: float, humidity: float,
                       corrective_action: str | None = None, taken_at: datetime | None = None) -> StorageReading:
        """Log an area's temperature and humidity (now, or at ``taken_at``, never in the future). A reading
        outside the area's ranges is saved only with the corrective action taken."""
        self._store.require(Action.LOG_STORAGE)
        area = self._area(area_id)
        values = self._reading_values(area, temperature, humidity, corrective_action, taken_at, "manual")
        with self._store.db.transaction():
            reading_id = self._store.db.insert("storage_readings", values)
            self._store.audit.record("quality.reading", "storage_reading", reading_id, area_id=area_id,
                                     in_range=values["in_range"] == 1)
        return self.readings(reading_id=reading_id)[0]

    def _reading_values(self, area: StorageArea, temperature: object, humidity: object,
                        corrective_action: str | None, taken_at: datetime | None, source: str) -> dict:
        if not area.active:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This storage area is no longer logged."))
        now = self._store.now()
        moment = taken_at or now
        if moment.tzinfo is None:
            moment = moment.astimezone()
        if moment > now + timedelta(minutes=5):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A reading cannot be taken in the future."))
        temp = measurement(temperature, "temperature", *TEMPERATURE_LIMITS)
        humid = measurement(humidity, "humidity", *HUMIDITY_LIMITS)
        in_range = within(temp, area.temp_min, area.temp_max) and within(humid, area.humidity_min, area.humidity_max)
        action = clean_text(corrective_action, "corrective action", required=False)
        if not in_range and action is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{area}: {temperature} °C / {humidity} % is outside the allowed range; "
                          "enter the corrective action taken."), area=area.name, temperature=temp, humidity=humid)
        day, slot = slot_of(moment)
        return {"area_id": area.id, "taken_at": to_iso(moment), "on_date": day.isoformat(), "slot": slot,
                "temperature": temp, "humidity": humid, "in_range": 1 if in_range else 0,
                "corrective_action": action, "source": source, "user_id": self._store.user.id}

    def readings(self, area_id: int | None = None, start: date | str | None = None, end: date | str | None = None,
                 out_of_range_only: bool = False, reading_id: int | None = None) -> list[StorageReading]:
        """Readings by time (local days ``start``..``end`` inclusive), of one area or all."""
        self._store.require_user()
        where, params = ["1"], []
        for clause, value in (("r.area_id = ?", area_id), ("r.id = ?", reading_id),
                              ("r.on_date >= ?", parse_date(start, "from").isoformat() if start else None),
                              ("r.on_date <= ?", parse_date(end, "to").isoformat() if end else None)):
            if value is not None:
                where.append(clause)
                params.append(value)
        if out_of_range_only:
            where.append("r.in_range = 0")
        rows = self._store.db.all(
            "SELECT r.*, a.name AS area_name FROM storage_readings r JOIN storage_areas a ON a.id = r.area_id "
            f"WHERE {' AND '.join(where)} ORDER BY r.taken_at, r.area_id, r.id", tuple(params))
        return [StorageReading(**{**row, "in_range": bool(row["in_range"])}) for row in rows]

    def due_readings(self, now: datetime | None = None) -> list[DueReading]:
        """The area/slot readings of today still to take: the morning one (overdue from noon) and, from noon,
        the afternoon one. The pharmacist's home page shows this list."""
        self._store.require_user()
        day, slot = slot_of(now or self._store.now())
        slots = SLOTS[:SLOTS.index(slot) + 1]
        taken = {(row["area_id"], row["slot"]) for row in self._store.db.all(
            "SELECT DISTINCT area_id, slot FROM storage_readings WHERE on_date = ?", (day.isoformat(),))}
        return [DueReading(area.id, area.name, day.isoformat(), due_slot, overdue=due_slot != slot)
                for area in self.areas() for due_slot in slots if (area.id, due_slot) not in taken]

    def import_readings(self, path: str | Path, corrective_action: str | None = None,
                        encoding: str | None = None) -> ReadingImport:
        """Import a data logger's CSV (columns: timestamp, area name, temperature, humidity; a header row is
        skipped). Rows out of range are saved only when ``corrective_action`` is given; rows that cannot be
        read are skipped and reported with their line. One transaction for the rows saved."""
        from pharmadesk.io.csv_source import CsvSource, FileProblem

        self._store.require(Action.LOG_STORAGE)
        areas = {area.name: area for area in self.areas()}
        values, skipped = [], []
        try:
            with CsvSource(path, encoding) as source:
                for line, cells in source.rows():
                    if len(values) + len(skipped) >= MAX_IMPORT_ROWS:
                        skipped.append((line, QT_TRANSLATE_NOOP("errors", "Too many rows; import the rest separately.")))
                        break
                    cells = [cell.strip() for cell in cells]
                    if line == 1 and cells and cells[0].lower() in ("timestamp", "time", "时间", "datetime"):
                        continue
                    try:
                        if len(cells) < 4:
                            raise ValidationError(QT_TRANSLATE_NOOP(
                                "errors", "A row needs timestamp, area, temperature and humidity."))
                        area = areas.get(cells[1])
                        if area is None:
                            raise ValidationError(QT_TRANSLATE_NOOP("errors", "No such storage area."))
                        values.append(self._reading_values(area, cells[2], cells[3], corrective_action,
                                                           parse_moment(cells[0]), "logger"))
                    except PharmaDeskError as error:
                        skipped.append((line, error.message))
        except OSError:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "import", "The file cannot be read; check its name and location.")) from None
        except FileProblem as problem:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Line {line}: {problem}"), line=problem.error.line,
                                  problem=problem.error.message) from None
        db = self._store.db
        with db.transaction():
            for row in values:
                db.insert("storage_readings", row)
            self._store.audit.record("quality.readings_import", "storage_reading", None, saved=len(values),
                                     skipped=len(skipped))
        return ReadingImport(len(values), tuple(skipped))

    # -- maintenance (养护) -----------------------------------------------------------------------------

    def flag_key_product(self, product_id: int, key: bool = True) -> None:
        """Flag (or unflag) a product as a key maintenance item, checked monthly like cold-chain items."""
        user = self._store.require(Action.MANAGE_CATALOG)
        self._store.catalog.get(product_id)
        db = self._store.db
        with db.transaction():
            if key:
                db.execute("INSERT OR IGNORE INTO quality_key_products (product_id, flagged_at, user_id) "
                           "VALUES (?, ?, ?)", (product_id, to_iso(self._store.now()), user.id))
            else:
                db.execute("DELETE FROM quality_key_products WHERE product_id = ?", (product_id,))
            self._store.audit.record("quality.key_product", "product", product_id, key=bool(key))

    def key_products(self) -> list[int]:
        """The ids of the products the owner flagged as key maintenance items."""
        self._store.require_user()
        return [row["product_id"] for row in self._store.db.all(
            "SELECT product_id FROM quality_key_products ORDER BY product_id")]

    def maintenance_due(self, on: date | None = None) -> list[MaintenanceItem]:
        """Batches in stock (released units) due for a maintenance check on ``on``: key items without a check
        this calendar month, ordinary items without one this calendar quarter. Key items first."""
        self._store.require_user()
        on = on or self._store.today()
        near_days = self._store.settings.near_expiry_days
        rows = self._store.db.all(
            "SELECT b.id AS batch_id, b.product_id, p.name AS product_name, b.batch_no, b.expiry, "
            "b.on_hand - b.pending_qty - b.quarantine_qty AS on_hand, p.storage_condition, p.contains_ephedrine, "
            "k.product_id IS NOT NULL AS flagged, (SELECT max(c.on_date) FROM maintenance_checks c "
            "WHERE c.batch_id = b.id) AS last_checked FROM batches b JOIN products p ON p.id = b.product_id "
            "LEFT JOIN quality_key_products k ON k.product_id = b.product_id "
            "WHERE b.on_hand - b.pending_qty - b.quarantine_qty > 0 ORDER BY p.name, b.expiry, b.id")
        due = []
        for row in rows:
            reasons = key_reasons(row["storage_condition"], bool(row["contains_ephedrine"]), bool(row["flagged"]),
                                  row["expiry"], on, near_days)
            since = maintenance_period(on, key=bool(reasons)).isoformat()
            if row["last_checked"] is None or row["last_checked"] < since:
                due.append(MaintenanceItem(row["batch_id"], row["product_id"], row["product_name"], row["batch_no"],
                                           row["expiry"], row["on_hand"], bool(reasons), reasons,
                                           row["last_checked"]))
        due.sort(key=lambda item: not item.key)
        return due

    def record_maintenance(self, batch_id: int, appearance: str, packaging: str, conclusion: str,
                           action: str | None = None, quarantine_quantity: int | None = None) -> MaintenanceCheck:
        """Record a batch's maintenance check. A 'bad' batch needs the action taken and goes to quarantine
        (``quarantine_quantity`` units, default all its sellable units) in the same transaction."""
        user = self._store.require(Action.MAINTAIN_STOCK)
        batch = self._store.stock.batch(batch_id)
        if conclusion not in MAINTENANCE_CONCLUSIONS:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose ok or bad."))
        appearance = clean_text(appearance, "appearance")
        packaging = clean_text(packaging, "packaging")
        action = clean_text(action, "action", required=conclusion == "bad")
        sellable = batch["on_hand"] - batch["pending_qty"] - batch["quarantine_qty"]
        held = 0
        if conclusion == "bad":
            held = sellable if quarantine_quantity is None else quarantine_quantity
        now = self._store.now()
        db = self._store.db
        with db.transaction():
            check_id = db.insert("maintenance_checks", {
                "batch_id": batch_id, "checked_at": to_iso(now), "on_date": self._store.today().isoformat(),
                "appearance": appearance, "packaging": packaging, "conclusion": conclusion, "action": action,
                "user_id": user.id})
            if held:
                quarantine_id = self._hold(batch_id, held, action, "maintenance_check", check_id)
                db.execute("UPDATE maintenance_checks SET quarantine_id = ? WHERE id = ?", (quarantine_id, check_id))
            self._store.audit.record("quality.maintenance", "batch", batch_id, conclusion=conclusion,
                                     quarantined=held)
        return self.maintenance_checks(check_id=check_id)[0]

    def maintenance_checks(self, start: date | str | None = None, end: date | str | None = None,
                           batch_id: int | None = None, check_id: int | None = None) -> list[MaintenanceCheck]:
        """Maintenance records between local days ``start`` and ``end`` (inclusive), of one batch or all."""
        self._store.require_user()
        where, params = ["1"], []
        for clause, value in (("c.batch_id = ?", batch_id), ("c.id = ?", check_id),
                              ("c.on_date >= ?", parse_date(start, "from").isoformat() if start else None),
                              ("c.on_date <= ?", parse_date(end, "to").isoformat() if end else None)):
            if value is not None:
                where.append(clause)
                params.append(value)
        rows = self._store.db.all(
            "SELECT c.*, b.product_id, p.name AS product_name, b.batch_no FROM maintenance_checks c "
            "JOIN batches b ON b.id = c.batch_id JOIN products p ON p.id = b.product_id "
            f"WHERE {' AND '.join(where)} ORDER BY c.checked_at, c.id", tuple(params))
        return [MaintenanceCheck(**row) for row in rows]

    # -- sales record (销售记录) --------------------------------------------------------------------------

    def sales_record(self, start: date | str, end: date | str) -> list[SaleRecordLine]:
        """Every unit sold between local days ``start`` and ``end`` (inclusive) with the product's maker,
        specification, approval number, batch and expiry: the GSP sales record. No member data."""
        self._store.require(Action.INSPECTION_RECORDS)
        first = local_day_start(parse_date(start, "from"))
        after = local_day_start(parse_date(end, "to") + timedelta(days=1))
        rows = self._store.db.all(
            "SELECT s.at AS sold_at, s.receipt_no, l.product_id, p.name AS product_name, p.generic_name, "
            "p.specification, p.form, p.manufacturer, p.approval_number, b.batch_no, b.expiry, a.quantity, "
            "l.unit_price, s.user_id FROM sales s JOIN sale_lines l ON l.sale_id = s.id "
            "JOIN sale_line_batches a ON a.sale_line_id = l.id JOIN batches b ON b.id = a.batch_id "
            "JOIN products p ON p.id = l.product_id WHERE s.at >= ? AND s.at < ? ORDER BY s.at, l.id, b.expiry",
            (first, after))
        return [SaleRecordLine(**row) for row in rows]
