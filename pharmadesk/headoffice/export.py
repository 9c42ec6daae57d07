"""The store side of the head-office sync: incremental, privacy-safe, signed and encrypted bundles.

    store.login("owner", ...)
    keys = store.headoffice.setup_keys(out_dir)     # once: the store's Ed25519 key; writes <store_id>.store.pub
    store.headoffice.trust_hq("hq.pub")             # once: head office's X25519 public key
    result = store.headoffice.export("/mnt/share/headoffice")

``store.headoffice`` imports this module on first use, so a store that never exports never loads it.

Each bundle covers ``[window_start, window_end)``: ``window_start`` is the previous bundle's
``window_end`` (the ``export_log`` watermark), ``window_end`` the moment of the export. Sales, sale
lines, returns, return lines, payments (per method, of those sales and returns; no transaction reference),
the promotions that priced those lines (promotion id and amount) and reminder outcomes are those whose time
lies in the window; the product master, the stock snapshot (from the stock ledger, as of ``window_end``),
member facts, campaign results and the promotions (id, kind, label, dates, status) are full snapshots as of
``window_end``. The format is in :mod:`pharmadesk.headoffice.bundle`.

Crash safety: the bundle is written to ``<out>/.tmp-<bundle name>``, every file fsynced, then renamed
to its final name, then the ``export_log`` row is committed. A crash before the rename leaves a temp
folder (removed by the next export, which exports the same window again); a crash after the rename but
before the row leaves a complete bundle that the next export adopts (checks its signature and window,
then records it) before writing the next one. Either way no window is lost or counted twice.

Known limit: sales history imported (``pharmadesk import sales``) with times before the last export
lies before the watermark and is not sent; import history before the first export.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from datetime import date, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import pyarrow as pa

from pharmadesk.io.durable import fsync_dir, write_file
from pharmadesk.db.migrate import schema_version
from pharmadesk.errors import QT_TRANSLATE_NOOP, AnalyticsError, PharmaDeskError, ValidationError
from pharmadesk.headoffice import bundle as fmt
from pharmadesk.core.audit import AuditAnchor, SourcedAnchor
from pharmadesk.core.permissions import Action
from pharmadesk.core.timeutil import from_iso, to_iso

if TYPE_CHECKING:
    from pharmadesk.core.day_close import DayReport
    from pharmadesk.core.store import Store

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None] | None
SCHEDULES = ("off", "day_close", "daily")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sequence: int
    window_start: str
    window_end: str
    rows: dict[str, int]
    size_bytes: int
    seconds: float
    adopted: list[int] = field(default_factory=list)   # sequences recovered from an earlier interrupted run


# -- keys ----------------------------------------------------------------------------------------------------

def _put_secret(store: "Store", name: str, value: str) -> None:
    """Write a key setting the settings dialog never shows (inside the caller's transaction)."""
    store.db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (name, value))


def _get_secret(store: "Store", name: str) -> bytes | None:
    value = store.db.scalar("SELECT value FROM settings WHERE key = ?", (name,))
    return bytes.fromhex(value) if value else None


def read_public_key_file(path: Path | str) -> bytes:
    """A raw 32-byte public key from ``hq.pub``: JSON with ``public_key`` (hex), or a bare hex line."""
    text = Path(path).expanduser().read_text(encoding="utf-8").strip()
    value = text
    with contextlib.suppress(ValueError):
        doc = json.loads(text)
        if isinstance(doc, dict):
            value = str(doc.get("public_key", ""))
    try:
        raw = bytes.fromhex(value.strip())
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "That file does not hold a head-office public key."))
    return raw


def _pseudonym_secret(store: "Store") -> bytes:
    secret = _get_secret(store, fmt.SETTING_PSEUDONYM_SECRET)
    if secret is None:
        secret = fmt.new_pseudonym_secret()
        with store.db.transaction():
            _put_secret(store, fmt.SETTING_PSEUDONYM_SECRET, secret.hex())
    return secret


# -- the export log ---------------------------------------------------------------------------------------------

def _first_start(store: "Store") -> str:
    """The first window's start: the earliest sale, return or reminder outcome, or the store's creation."""
    candidates = [store.db.scalar(f"SELECT min(at) FROM {table}")
                  for table in ("sales", "returns", "care_reminder_outcomes", "audit_log")]
    found = [from_iso(c) for c in candidates if c]
    return to_iso(min(found)) if found else to_iso(store.now())


def _window_end(store: "Store") -> str:
    """Now, stamped while holding the write lock: every sale stamped earlier has committed, every later
    one is stamped later, so reading ``at < window_end`` afterwards misses nothing and nothing moves."""
    with store.db.transaction():
        return to_iso(store.now())


# -- building the tables ----------------------------------------------------------------------------------------

def _columns_table(name: str, rows: list[tuple], columns: tuple[str, ...], store_id: str) -> pa.Table:
    """Rows (already sorted by SQL) as a table of the fixed schema; ISO text casts to UTC timestamps/dates."""
    schema = fmt.SCHEMAS[name]
    data = list(zip(*rows)) if rows else [()] * len(columns)
    arrays = []
    for fld in schema:
        if fld.name == "store_id":
            arrays.append(pa.array([store_id] * len(rows), pa.string()))
            continue
        values = data[columns.index(fld.name)]
        if pa.types.is_timestamp(fld.type):
            arrays.append(pa.array(values, pa.string()).cast(fld.type))
        elif pa.types.is_date32(fld.type):
            arrays.append(pa.array([None if v is None else date.fromisoformat(v[:10]) for v in values], fld.type))
        elif pa.types.is_boolean(fld.type):
            arrays.append(pa.array([None if v is None else bool(v) for v in values], fld.type))
        else:
            arrays.append(pa.array(values, fld.type))
    return pa.Table.from_arrays(arrays, schema=schema)


@contextlib.contextmanager
def _read_snapshot(db):
    """A deferred (read) transaction: every query inside sees the same committed state."""
    if db.conn.in_transaction:
        yield
        return
    db.conn.execute("BEGIN DEFERRED")
    try:
        yield
    finally:
        if db.conn.in_transaction:
            db.conn.execute("COMMIT")


class _Builder:
    def __init__(self, store: "Store", window_start: str, window_end: str, progress: Progress) -> None:
        self.store = store
        self.db = store.db
        self.start, self.end = window_start, window_end
        self.report = progress or (lambda fraction, label: None)
        secret = _pseudonym_secret(store)
        self.pseudonyms = {row[0]: fmt.member_pseudonym(secret, row[1])
                           for row in self.db.execute("SELECT id, anon_id FROM members").fetchall()}

    def _query(self, sql: str, params: tuple = ()) -> tuple[list[tuple], tuple[str, ...]]:
        cursor = self.db.execute(sql, params)
        return cursor.fetchall(), tuple(d[0] for d in cursor.description)

    def _table(self, name: str, sql: str, params: tuple = ()) -> pa.Table:
        rows, columns = self._query(sql, params)
        return _columns_table(name, rows, columns, self.store.store_id)

    def sales(self) -> pa.Table:
        rows, columns = self._query(
            "SELECT id AS sale_id, receipt_no, at, member_id, subtotal, discount, redeem_value, total, vat, "
            "source, user_id FROM sales WHERE at >= ? AND at < ? ORDER BY id", (self.start, self.end))
        pseudo = self.pseudonyms
        rows = [(*r[:3], None if r[3] is None else pseudo[r[3]], *r[4:]) for r in rows]
        columns = tuple("member_pseudonym" if c == "member_id" else c for c in columns)
        return _columns_table("sales", rows, columns, self.store.store_id)

    def sale_lines(self) -> pa.Table:
        return self._table("sale_lines", """
            SELECT l.sale_id, l.id AS line_id, l.product_id, l.quantity, l.unit_price, l.discount, l.line_total,
                   l.unit_cost, l.vat_rate_bp
            FROM sales s JOIN sale_lines l ON l.sale_id = s.id
            WHERE s.at >= ? AND s.at < ? ORDER BY l.sale_id, l.id""", (self.start, self.end))

    def returns(self) -> pa.Table:
        return self._table("returns", """
            SELECT id AS return_id, return_no, at, original_sale_id, refund_total FROM returns
            WHERE at >= ? AND at < ? ORDER BY id""", (self.start, self.end))

    def return_lines(self) -> pa.Table:
        return self._table("return_lines", """
            SELECT rl.return_id, rl.sale_line_id, sl.product_id, SUM(rl.quantity) AS quantity,
                   SUM(rl.refund) AS refund, MAX(rl.damaged) AS damaged
            FROM returns r JOIN return_lines rl ON rl.return_id = r.id JOIN sale_lines sl ON sl.id = rl.sale_line_id
            WHERE r.at >= ? AND r.at < ?
            GROUP BY rl.return_id, rl.sale_line_id, sl.product_id
            ORDER BY rl.return_id, rl.sale_line_id, sl.product_id""", (self.start, self.end))

    def payments(self) -> pa.Table:
        """Money taken and paid back per method, for the window's sales and returns: method and amount only
        (the transaction reference stays at the store; it identifies a customer's payment, not a figure)."""
        return self._table("payments", """
            SELECT p.id AS payment_id, p.sale_id, p.return_id, COALESCE(s.at, r.at) AS at, p.method, p.amount
            FROM payments p LEFT JOIN sales s ON s.id = p.sale_id LEFT JOIN returns r ON r.id = p.return_id
            WHERE (s.at >= ? AND s.at < ?) OR (r.at >= ? AND r.at < ?)
            ORDER BY p.id""", (self.start, self.end, self.start, self.end))

    def stock_snapshot(self) -> pa.Table:
        # From the ledger (not the on_hand cache) so the same window_end gives the same snapshot.
        return self._table("stock_snapshot", """
            SELECT b.product_id, b.batch_no, b.expiry, m.on_hand, b.unit_cost
            FROM (SELECT batch_id, SUM(quantity) AS on_hand FROM stock_moves WHERE at < ? GROUP BY batch_id) m
            JOIN batches b ON b.id = m.batch_id
            WHERE m.on_hand <> 0
            ORDER BY b.product_id, b.batch_no""", (self.end,))

    def products(self) -> pa.Table:
        return self._table("products", """
            SELECT id AS product_id, barcode, name, generic_name, strength, form, atc_code, category, legal_class,
                   pack_size, price, vat_rate_bp, days_supply, active
            FROM products ORDER BY id""")

    def _segments(self) -> dict[int, str]:
        """Each member's segment (analytics.segments) as of window_end's UTC day; {} if not computable."""
        try:
            from pharmadesk.analytics import frames
            from pharmadesk.analytics.models.segments import build_features, segment_members

            as_of = from_iso(self.end).astimezone(timezone.utc).date()
            features = build_features(frames.member_features(self.store, as_of), as_of)
            result = segment_members(features, resamples=0)
        except AnalyticsError as exc:   # too few buyers: the segment column stays empty
            log.info("head-office export: no segments (%s)", type(exc).__name__)
            return {}
        except PharmaDeskError:
            raise
        except Exception as exc:        # noqa: BLE001 - too few buyers, etc.: the segment column stays empty
            log.info("head-office export: no segments (%s)", type(exc).__name__)
            return {}
        return dict(zip(result.members["member_id"].astype(int), result.members["segment"].astype(str)))

    def member_facts(self) -> pa.Table:
        as_of = from_iso(self.end).astimezone(timezone.utc).date()
        segments = self._segments()
        latest = """(SELECT c.granted FROM member_consents c WHERE c.member_id = m.id AND c.kind = '{kind}'
                     AND c.at <= ? ORDER BY c.id DESC LIMIT 1)"""
        rows = self.db.execute(f"""
            SELECT m.id, m.birth_date, m.sex, m.registered_at, m.erased_at,
                   {latest.format(kind='care')} AS care, {latest.format(kind='marketing')} AS marketing
            FROM members m WHERE m.registered_at < ?""", (self.end, self.end, self.end)).fetchall()
        facts = []
        for member_id, birth, sex, registered, erased_at, care, marketing in rows:
            erased = erased_at is not None and erased_at <= self.end
            facts.append((self.pseudonyms[member_id], None if erased else fmt.age_band(birth, as_of),
                          None if erased else sex, segments.get(member_id), registered[:7],
                          bool(care) and not erased, bool(marketing) and not erased, erased))
        facts.sort()
        columns = ("member_pseudonym", "age_band", "sex", "segment", "registered_month", "care_consent",
                   "marketing_consent", "erased")
        return _columns_table("member_facts", facts, columns, self.store.store_id)

    def reminder_outcomes(self) -> pa.Table:
        rows, columns = self._query("""
            SELECT r.id AS reminder_id, r.member_id, r.kind, r.product_id, r.due_date, o.channel, r.created_at,
                   o.outcome, o.at AS outcome_at, o.id
            FROM care_reminder_outcomes o JOIN care_reminders r ON r.id = o.reminder_id
            WHERE o.at >= ? AND o.at < ? ORDER BY r.id, o.at, o.outcome, o.id""", (self.start, self.end))
        rows = [(r[0], self.pseudonyms[r[1]], *r[2:9]) for r in rows]
        columns = tuple("member_pseudonym" if c == "member_id" else c for c in columns[:9])
        return _columns_table("reminder_outcomes", rows, columns, self.store.store_id)

    def campaign_results(self) -> pa.Table:
        campaigns = self.db.all("SELECT id FROM campaigns WHERE created_at < ? ORDER BY id", (self.end,))
        rows = []
        if campaigns:
            from pharmadesk.analytics import frames
            from pharmadesk.analytics.models.campaigns import campaign_results

            as_of = from_iso(self.end).astimezone(timezone.utc).date()
            purchases = frames.member_purchase_days(self.store, as_of, margin=True)
            for row in campaigns:
                campaign, arms = frames.campaign_frame(self.store, row["id"], as_of)
                scored = campaign_results(campaign, arms, purchases, as_of=as_of).iloc[0]

                def num(name):
                    value = scored[name]
                    return None if value is None or value != value else float(value)   # NaN -> null

                rows.append((int(campaign["id"]), campaign["name"], campaign["segment"], campaign["starts_on"],
                             campaign["ends_on"], int(scored["target_n"]), int(scored["holdout_n"]),
                             num("target_rate"), num("holdout_rate"), num("uplift"), num("uplift_low"),
                             num("uplift_high"), int(round(scored["incremental_revenue"] or 0)),
                             int(campaign["cost"] or 0), num("roi")))
        columns = ("campaign_id", "name", "segment", "starts_on", "ends_on", "target_size", "holdout_size",
                   "target_conversion", "holdout_conversion", "uplift", "uplift_ci_low", "uplift_ci_high",
                   "revenue", "cost", "roi")
        return _columns_table("campaign_results", rows, columns, self.store.store_id)

    def sale_line_promotions(self) -> pa.Table:
        return self._table("sale_line_promotions", """
            SELECT l.sale_id, l.id AS line_id, p.promotion_id, p.amount
            FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN sale_line_promotions p ON p.sale_line_id = l.id
            WHERE s.at >= ? AND s.at < ? ORDER BY l.sale_id, l.id, p.promotion_id""", (self.start, self.end))

    def promotions(self) -> pa.Table:
        """Every promotion made before window_end: id, kind, label, dates, status (no member list, no coupon)."""
        return self._table("promotions", """
            SELECT id AS promotion_id, kind, label, starts_on, ends_on, status FROM promotions
            WHERE created_at < ? ORDER BY id""", (self.end,))

    def service_counts(self) -> pa.Table:
        """Service records opened and closed in the window, per local day and kind: counts only."""
        counts: dict[tuple, list[int]] = {}
        for column, slot in (("created_at", 0), ("closed_at", 1)):
            for (at, kind) in self.db.execute(
                    f"SELECT {column}, kind FROM service_records WHERE {column} >= ? AND {column} < ?",
                    (self.start, self.end)).fetchall():
                key = (from_iso(at).astimezone().date(), kind)
                counts.setdefault(key, [0, 0])[slot] += 1
        rows = [(day.isoformat(), kind, opened, closed) for (day, kind), (opened, closed) in sorted(counts.items())]
        return _columns_table("service_counts", rows, ("day", "kind", "opened", "closed"), self.store.store_id)

    def tables(self) -> dict[str, pa.Table]:
        out = {}
        with _read_snapshot(self.db):   # one consistent read of every table, without blocking the till
            for i, name in enumerate(fmt.TABLES):
                self.report(0.05 + 0.6 * i / len(fmt.TABLES), f"reading {name}")
                out[name] = getattr(self, name)()
        return out


# -- files --------------------------------------------------------------------------------------------------------


def _clean_temp(out: Path, store_id: str) -> None:
    for leftover in out.glob(f"{fmt.TEMP_PREFIX}{store_id}-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _publish(temp: Path, final: Path) -> None:
    """Move the finished temp folder to its final name (replacing a stale copy of the same bundle)."""
    if final.exists():
        shutil.rmtree(final)
    os.rename(temp, final)
    fsync_dir(final.parent)


def _out_folder(folder: Path | str) -> Path:
    out = Path(folder).expanduser()
    if not out.is_dir():
        if out.parent.is_dir() and not out.exists():
            with contextlib.suppress(OSError):
                out.mkdir()
        if not out.is_dir():
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "The head-office export folder {folder} is not available. Is the drive connected?"),
                folder=str(out))
    return out


def decrypt_bundle(path: Path | str, hq_private: bytes, store_public: bytes) -> tuple[dict, dict[str, bytes]]:
    """Verify and decrypt one bundle (for tests and the owner's own checks): ``(manifest, {table: parquet})``.
    Head office's loader is :mod:`pharmadesk.headoffice.ingest`."""
    path = Path(path)
    data = (path / fmt.MANIFEST_NAME).read_bytes()
    fmt.verify(store_public, data, (path / fmt.SIGNATURE_NAME).read_bytes())
    manifest = fmt.parse_manifest(data)
    key = fmt.open_bundle_key(hq_private, bytes.fromhex(manifest["encryption"]["ephemeral_public_key"]))
    out = {}
    for file, meta in manifest["files"].items():
        table = file.removesuffix(".parquet")
        plain = fmt.decrypt(key, bytes.fromhex(meta["nonce"]), (path / (file + fmt.ENCRYPTED_SUFFIX)).read_bytes(),
                            manifest["store_id"], manifest["sequence"], table)
        if fmt.sha256_hex(plain) != meta["sha256"]:
            raise fmt.BundleError(QT_TRANSLATE_NOOP("errors", "The file {name} does not match its checksum."),
                                  name=file)
        out[table] = plain
    return manifest, out


class HeadOffice:
    """The store side of the head-office sync as use cases: ``store.headoffice``."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def store_public_key(self) -> bytes | None:
        store = self._store
        private = _get_secret(store, fmt.SETTING_SIGNING_KEY)
        return fmt.signing_public_key(private) if private else None

    def hq_public_key(self) -> bytes | None:
        store = self._store
        return _get_secret(store, fmt.SETTING_HQ_PUBLIC_KEY)

    def store_pub_document(self, public: bytes) -> dict:
        store = self._store
        return {"format": fmt.FORMAT_VERSION, "kind": "pharmadesk-store-signing-key", "store_id": store.store_id,
                "store_name": store.settings.store_name, "public_key": public.hex(), "key_id": fmt.key_id(public)}

    def bundle_anchor(self, path: Path | str) -> SourcedAnchor | None:
        """The audit anchor in one of this store's bundles, once its signature verified with the store's own key
        (None when the bundle has no anchor). Raises :class:`BundleError` for a bundle that does not verify."""
        path = Path(path).expanduser()
        data = (path / fmt.MANIFEST_NAME).read_bytes()
        fmt.verify(self.store_public_key() or b"", data, (path / fmt.SIGNATURE_NAME).read_bytes())
        manifest = fmt.parse_manifest(data)
        raw = manifest.get("audit_anchor")
        if manifest["store_id"] != self._store.store_id or not isinstance(raw, dict):
            return None
        return SourcedAnchor(AuditAnchor(int(raw["sequence"]), str(raw["head"])),
                             f"head-office bundle {manifest['sequence']}")

    def setup_keys(self, out_dir: Path | str | None = None, *, replace: bool = False) -> dict:
        """Create the store's Ed25519 signing key (once; kept only inside the encrypted store) and write
        ``<store_id>.store.pub`` to ``out_dir`` for head office. Returns the public document (and ``path``).

        An existing key is kept unless ``replace`` (head office must then trust the new key)."""
        store = self._store
        store.require(Action.EXPORT_HEADOFFICE)
        public = self.store_public_key()
        created = False
        if public is None or replace:
            private, public = fmt.new_signing_key()
            with store.db.transaction():
                _put_secret(store, fmt.SETTING_SIGNING_KEY, private.hex())
                store.audit.record("headoffice.keys", "store", store.store_id, key_id=fmt.key_id(public),
                                   replaced=bool(replace))
            created = True
        doc = self.store_pub_document(public)
        if out_dir is not None:
            out = Path(out_dir).expanduser()
            out.mkdir(parents=True, exist_ok=True)
            path = out / f"{store.store_id}{fmt.STORE_PUB_SUFFIX}"
            path.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            doc = {**doc, "path": str(path)}
        return {**doc, "created": created}

    def trust_hq(self, key_file: Path | str) -> str:
        """Save head office's X25519 public key in the store; returns its key id."""
        store = self._store
        store.require(Action.EXPORT_HEADOFFICE)
        raw = read_public_key_file(key_file)
        with store.db.transaction():
            _put_secret(store, fmt.SETTING_HQ_PUBLIC_KEY, raw.hex())
            store.audit.record("headoffice.trust_hq", "store", store.store_id, key_id=fmt.key_id(raw))
        return fmt.key_id(raw)

    def last_export(self) -> dict | None:
        """The latest recorded bundle: ``{sequence, window_start, window_end, created_at, bundle_name}``."""
        store = self._store
        return store.db.one("SELECT sequence, window_start, window_end, created_at, bundle_name, manifest_sha256 "
                            "FROM export_log ORDER BY sequence DESC LIMIT 1")

    def export_log(self) -> list[dict]:
        store = self._store
        return store.db.all("SELECT sequence, window_start, window_end, created_at, bundle_name, manifest_sha256 "
                            "FROM export_log ORDER BY sequence")

    def export_folder(self) -> Path | None:
        store = self._store
        value = store.settings.headoffice_dir.strip()
        return Path(value).expanduser() if value else None

    def ready(self) -> bool:
        """A folder, the store's signing key and head office's key are all set."""
        return self.export_folder() is not None and self.store_public_key() is not None \
            and self.hq_public_key() is not None

    def export(self, out: Path | str | None = None, *, progress: Progress = None,
               trigger: str = "manual") -> ExportResult:
        """Write the next bundle for ``[last export, now)`` into ``out`` (default: setting ``headoffice_dir``).

        Needs the owner's export right (``trigger="day_close"``: the day-close right, since the owner chose the
        folder and the schedule). Audited as ``headoffice.export`` with the sequence and row counts.
        """
        store = self._store
        started = time.perf_counter()
        if trigger == "manual":
            store.require(Action.EXPORT_HEADOFFICE)
        else:
            store.require(Action.DAY_CLOSE)
            out = None
        report = progress or (lambda fraction, label: None)
        folder = out if out is not None else self.export_folder()
        if folder is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose a folder for the head-office export first."))
        signing = _get_secret(store, fmt.SETTING_SIGNING_KEY)
        hq_key = self.hq_public_key()
        if signing is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "This store has no signing key yet: run 'pharmadesk export keys' first."))
        if hq_key is None:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "Head office's public key is not set: run 'pharmadesk export trust-hq' first."))
        out_dir = _out_folder(folder)
        _clean_temp(out_dir, store.store_id)

        report(0.0, "checking the watermark")
        adopted = []
        while True:
            last = self.last_export()
            sequence = (last["sequence"] + 1) if last else 1
            window_start = last["window_end"] if last else _first_start(store)
            if self._adopt(out_dir, sequence, window_start, trigger) is None:
                break
            adopted.append(sequence)
        window_end = _window_end(store)
        if window_end < window_start:
            window_end = window_start           # a clock set back: an empty window rather than an overlap

        tables = _Builder(store, window_start, window_end, progress).tables()
        report(0.7, "writing the bundle")
        name = fmt.bundle_name(store.store_id, sequence)
        temp = out_dir / f"{fmt.TEMP_PREFIX}{name}"
        final = out_dir / name
        temp.mkdir()
        try:
            key, ephemeral_public = fmt.new_bundle_key(hq_key)
            files, rows = {}, {}
            for table_name, table in tables.items():
                plain = fmt.parquet_bytes(table)
                nonce = fmt.new_nonce()
                write_file(temp / (fmt.file_name(table_name) + fmt.ENCRYPTED_SUFFIX),
                            fmt.encrypt(key, nonce, plain, store.store_id, sequence, table_name))
                files[fmt.file_name(table_name)] = {"rows": table.num_rows, "sha256": fmt.sha256_hex(plain),
                                                    "nonce": nonce.hex()}
                rows[table_name] = table.num_rows
            signing_public = fmt.signing_public_key(signing)
            manifest = {
                "format": fmt.FORMAT_VERSION, "store_id": store.store_id, "store_name": store.settings.store_name,
                "sequence": sequence, "window_start": window_start, "window_end": window_end,
                "schema_version": schema_version(store.db), "created_at": to_iso(store.now()), "files": files,
                "encryption": {"scheme": fmt.ENCRYPTION_SCHEME, "ephemeral_public_key": ephemeral_public.hex(),
                               "recipient_key_id": fmt.key_id(hq_key)},
                "signing_key_id": fmt.key_id(signing_public),
                # Where the audit log stood (issue 17): signed, and out of the till's reach once delivered.
                "audit_anchor": anchor.to_dict() if (anchor := store.audit.head()) else None,
            }
            data = fmt.manifest_bytes(manifest)
            write_file(temp / fmt.MANIFEST_NAME, data)
            write_file(temp / fmt.SIGNATURE_NAME, fmt.sign(signing, data))
            fsync_dir(temp)
            report(0.9, "publishing the bundle")
            _publish(temp, final)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        self._record_export(manifest, name, fmt.sha256_hex(data), trigger, rows)
        size = sum(p.stat().st_size for p in final.iterdir())
        seconds = time.perf_counter() - started
        log.info("head-office export %d: %s, %.1f KB in %.2f s", sequence, name, size / 1e3, seconds)
        report(1.0, "done")
        return ExportResult(final, sequence, window_start, window_end, rows, size, seconds, adopted)

    def build_tables(self, window_start: str, window_end: str, progress: Progress = None) -> dict[str, pa.Table]:
        """The bundle's tables for ``[window_start, window_end)`` (no files written). Needs the export right."""
        store = self._store
        store.require(Action.EXPORT_HEADOFFICE)
        return _Builder(store, window_start, window_end, progress).tables()

    def record_failure(self, trigger: str, exc: BaseException) -> None:
        store = self._store
        log.warning("head-office export failed (%s): %s", trigger, type(exc).__name__)
        with contextlib.suppress(Exception):
            with store.db.transaction():
                store.audit.record("headoffice.export_failed", "export", None, trigger=trigger,
                                   error=type(exc).__name__)

    def after_day_close(self, report: "DayReport") -> dict | None:
        """The day-close hook: export when the schedule is ``day_close`` and a folder and head office's key are
        set. Returns the outcome (None when not scheduled); a failure is reported and audited, never raised."""
        store = self._store
        if store.settings.headoffice_schedule != "day_close" or not self.ready():
            return None
        try:
            result = self.export(trigger="day_close")
        except Exception as exc:        # noqa: BLE001 - the day is closed; report, never raise
            self.record_failure("day_close", exc)
            return {"ok": False, "error": str(exc) if isinstance(exc, PharmaDeskError)
                    else f"{type(exc).__name__}: {exc}"}
        return {"ok": True, "path": str(result.path), "sequence": result.sequence,
                "seconds": round(result.seconds, 2)}

    def daily_due(self) -> bool:
        """Schedule ``daily``: true when the last bundle is older than a day (the program checks this while open)."""
        store = self._store
        if store.settings.headoffice_schedule != "daily" or not self.ready():
            return False
        last = self.last_export()
        return last is None or (store.now() - from_iso(last["created_at"])).total_seconds() >= 86400

    def _record_export(self, manifest: dict, name: str, manifest_sha: str, trigger: str,
                       rows: dict[str, int], adopted: bool = False) -> None:
        store = self._store
        with store.db.transaction():
            store.db.execute("INSERT INTO export_log (sequence, window_start, window_end, created_at, bundle_name, "
                             "manifest_sha256) VALUES (?, ?, ?, ?, ?, ?)",
                             (manifest["sequence"], manifest["window_start"], manifest["window_end"],
                              manifest["created_at"], name, manifest_sha))
            store.audit.record("headoffice.export", "export", manifest["sequence"], trigger=trigger,
                               sequence=manifest["sequence"], rows=rows, adopted=adopted)

    def _adopt(self, out: Path, sequence: int, window_start: str, trigger: str) -> dict | None:
        """A complete bundle ``sequence`` left by a run that crashed before recording it: record it if it is
        ours, signed, and starts at the watermark; otherwise remove it. Returns its manifest or None."""
        store = self._store
        final = out / fmt.bundle_name(store.store_id, sequence)
        if not final.is_dir():
            return None
        try:
            data = (final / fmt.MANIFEST_NAME).read_bytes()
            fmt.verify(self.store_public_key() or b"", data, (final / fmt.SIGNATURE_NAME).read_bytes())
            manifest = fmt.parse_manifest(data)
            ok = (manifest["store_id"] == store.store_id and manifest["sequence"] == sequence
                  and manifest["window_start"] == window_start
                  and all((final / (n + fmt.ENCRYPTED_SUFFIX)).is_file() for n in manifest["files"]))
        except (OSError, PharmaDeskError):
            ok = False
        if not ok:
            shutil.rmtree(final, ignore_errors=True)
            return None
        rows = {n.removesuffix(".parquet"): f["rows"] for n, f in manifest["files"].items()}
        self._record_export(manifest, final.name, fmt.sha256_hex(data), trigger, rows, adopted=True)
        log.info("head-office export: adopted bundle %d left by an interrupted run", sequence)
        return manifest
