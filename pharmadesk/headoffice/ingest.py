"""Head office: verify, decrypt and load store bundles into DuckDB (the embedded default).

For each bundle folder, in order of store and sequence, :func:`ingest_bundles` checks, before loading
anything:

1. the folder holds ``manifest.json`` and ``manifest.sig``, the manifest parses and is format 1;
2. the store is registered (``pharmadesk hq trust-store``) and the manifest's ``signing_key_id`` is
   the registered key's; the Ed25519 signature verifies over the exact ``manifest.json`` bytes;
3. the folder name matches the manifest's store id and sequence;
4. the bundle is encrypted for *our* key (``recipient_key_id``) with the known scheme;
5. the manifest lists exactly the tables in :data:`bundle.SCHEMAS` (a bundle from a store that had not yet
   upgraded may lack the :data:`bundle.OPTIONAL_TABLES`, read as empty); each ``.parquet.enc`` exists,
   decrypts (ChaCha20-Poly1305, AAD ``store/sequence/table.parquet``), has the manifest's SHA-256
   and row count, reads as Parquet with the fixed schema, and carries only this store's id.

Only then is the whole bundle loaded in ONE DuckDB transaction, together with its row in
``bundles``. A refused bundle loads nothing and the reason is returned. A bundle already loaded
(same store, sequence and manifest SHA-256) is skipped ("already loaded"); the same sequence with a
different manifest is refused. A gap in a store's sequence numbers is reported as a warning and the
bundle is still loaded (head office is missing a window; the missing bundle can be ingested later).

Incremental tables are appended (primary keys refuse an overlap); snapshot tables keep the latest
bundle per store (an older bundle arriving late does not overwrite them); ``stock_history`` keeps
every stock snapshot keyed by the bundle's ``window_end``.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from pharmadesk.headoffice import bundle as B
from pharmadesk.headoffice.hq_keys import TRUST_DDL, trusted_key

SNAPSHOT_TABLES = tuple(t for t in B.SCHEMAS if t not in B.INCREMENTAL_TABLES)

# -- the head-office DuckDB schema -------------------------------------------------------------------

DUCK_TYPES = {pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.bool_(): "BOOLEAN", pa.float64(): "DOUBLE",
              pa.date32(): "DATE", pa.timestamp("us", tz="UTC"): "TIMESTAMPTZ"}
PRIMARY_KEYS = {
    "sales": ("store_id", "sale_id"),
    "sale_lines": ("store_id", "line_id"),
    "returns": ("store_id", "return_id"),
    "return_lines": ("store_id", "return_id", "sale_line_id"),
    "payments": ("store_id", "payment_id"),
    "stock_snapshot": ("store_id", "product_id", "batch_no"),
    "products": ("store_id", "product_id"),
    "member_facts": ("store_id", "member_pseudonym"),
    "campaign_results": ("store_id", "campaign_id"),
    "sale_line_promotions": ("store_id", "line_id", "promotion_id"),
    "promotions": ("store_id", "promotion_id"),
}

# Views over the tables, the same whether the bundles carried the optional tables or not (then empty).
VIEWS = {
    "promoted_lines": """CREATE OR REPLACE VIEW promoted_lines AS
SELECT l.store_id, l.sale_id, l.line_id, p.promotion_id, pr.kind, pr.label, p.amount, l.product_id, l.quantity,
       l.discount AS line_discount, l.line_total
FROM sale_line_promotions p
JOIN sale_lines l ON l.store_id = p.store_id AND l.line_id = p.line_id
LEFT JOIN promotions pr ON pr.store_id = p.store_id AND pr.promotion_id = p.promotion_id;""",
}


def _columns(table: str) -> list[str]:
    return [f'"{f.name}" {DUCK_TYPES[f.type]}' for f in B.SCHEMAS[table]]


def schema_sql() -> str:
    """The DDL of the head-office database (also printed in docs/headoffice.md)."""
    parts = [TRUST_DDL.strip() + ";", """CREATE TABLE IF NOT EXISTS bundles (
    store_id        VARCHAR NOT NULL,
    sequence        BIGINT NOT NULL,
    store_name      VARCHAR,
    window_start    TIMESTAMPTZ NOT NULL,
    window_end      TIMESTAMPTZ NOT NULL,
    schema_version  BIGINT,
    created_at      TIMESTAMPTZ,
    manifest_sha256 VARCHAR NOT NULL,
    bundle_name     VARCHAR NOT NULL,
    loaded_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (store_id, sequence)
);"""]
    for table in B.SCHEMAS:
        cols = _columns(table) + ["bundle_sequence BIGINT NOT NULL"]
        if table in PRIMARY_KEYS:  # reminder_outcomes: no key (a reminder may have several outcome rows)
            cols.append(f"PRIMARY KEY ({', '.join(PRIMARY_KEYS[table])})")
        parts.append(f"CREATE TABLE IF NOT EXISTS {table} (\n    " + ",\n    ".join(cols) + "\n);")
    hist = _columns("stock_snapshot") + ["window_end TIMESTAMPTZ NOT NULL", "bundle_sequence BIGINT NOT NULL",
                                         "PRIMARY KEY (store_id, window_end, product_id, batch_no)"]
    parts.append("CREATE TABLE IF NOT EXISTS stock_history (\n    " + ",\n    ".join(hist) + "\n);")
    parts.extend(VIEWS.values())
    return "\n\n".join(parts)


def connect(db_path) -> duckdb.DuckDBPyConnection:
    """Open (or create) the head-office DuckDB file with its schema."""
    con = duckdb.connect(str(db_path))
    con.execute(schema_sql())
    return con


# -- verification -----------------------------------------------------------------------------------


class BundleRefused(Exception):
    """A bundle failed a check; ``reason`` says which, in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class VerifiedBundle:
    path: Path
    manifest: dict
    manifest_sha256: str
    tables: dict[str, pa.Table]

    @property
    def store_id(self) -> str:
        return self.manifest["store_id"]

    @property
    def sequence(self) -> int:
        return int(self.manifest["sequence"])


@dataclass
class IngestResult:
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.refused


_NAME = re.compile(r"^(?P<store>.+)-(?P<seq>\d{6,})" + re.escape(B.BUNDLE_SUFFIX) + "$")
_MANIFEST_KEYS = ("format", "store_id", "sequence", "window_start", "window_end", "files", "encryption",
                  "signing_key_id")


def _ts(text: str) -> datetime:
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("no time zone")
    return moment


def _epoch_us(moment: datetime) -> int:
    return round(moment.timestamp() * 1_000_000)


def read_manifest(path: Path) -> tuple[dict, bytes, bytes]:
    """(manifest, exact manifest bytes, signature) or BundleRefused."""
    try:
        raw = (path / B.MANIFEST_NAME).read_bytes()
    except FileNotFoundError:
        raise BundleRefused("manifest.json is missing (truncated bundle)") from None
    try:
        sig = (path / B.SIGNATURE_NAME).read_bytes()
    except FileNotFoundError:
        raise BundleRefused("manifest.sig is missing (unsigned or truncated bundle)") from None
    try:
        manifest = json.loads(raw.decode("utf-8"))
        missing = [k for k in _MANIFEST_KEYS if k not in manifest]
        if missing:
            raise ValueError(f"missing {', '.join(missing)}")
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleRefused(f"manifest.json is damaged ({exc})") from None
    return manifest, raw, sig


def verify_bundle(path, con, hq_private) -> VerifiedBundle:
    """Every check of the module docstring; returns the decrypted tables, or raises BundleRefused."""
    path = Path(path)
    manifest, raw, sig = read_manifest(path)
    if manifest["format"] != B.FORMAT_VERSION:
        raise BundleRefused(f"unknown bundle format {manifest['format']!r}")
    store_id, sequence = str(manifest["store_id"]), manifest["sequence"]
    if not isinstance(sequence, int) or sequence < 1:
        raise BundleRefused(f"manifest.json has a bad sequence {sequence!r}")
    public = trusted_key(con, store_id)
    if public is None:
        raise BundleRefused(f"store {store_id} is not trusted: register its key with "
                            f"'pharmadesk hq trust-store --key {store_id}.store.pub'")
    if manifest["signing_key_id"] != B.key_id(public):
        raise BundleRefused(f"signed with key {manifest['signing_key_id']}, not store {store_id}'s "
                            f"registered key {B.key_id(public)}")
    if len(sig) != 64:
        raise BundleRefused("manifest.sig is not a 64-byte Ed25519 signature (damaged or cut)")
    try:
        B.verify(public, raw, sig)
    except B.BundleError:
        raise BundleRefused(f"the signature does not match: manifest.json was changed or not signed by "
                            f"store {store_id}") from None
    if path.name != B.bundle_name(store_id, sequence):
        raise BundleRefused(f"the folder name {path.name} does not match its manifest "
                            f"({B.bundle_name(store_id, sequence)})")
    try:
        start, end = _ts(manifest["window_start"]), _ts(manifest["window_end"])
    except ValueError:
        raise BundleRefused("the manifest's window is not two UTC times") from None
    if end < start:
        raise BundleRefused("the manifest's window ends before it starts")
    enc = manifest["encryption"]
    if enc.get("scheme") != B.ENCRYPTION_SCHEME:
        raise BundleRefused(f"unknown encryption scheme {enc.get('scheme')!r}")
    ours = B.key_id(B.hq_public_key(hq_private))
    if enc.get("recipient_key_id") != ours:
        raise BundleRefused(f"encrypted for head-office key {enc.get('recipient_key_id')}, not ours ({ours})")
    try:
        key = B.open_bundle_key(hq_private, bytes.fromhex(enc["ephemeral_public_key"]))
    except (KeyError, ValueError, TypeError, B.BundleError):
        raise BundleRefused("the manifest's ephemeral public key is damaged") from None
    expected = {B.file_name(t) for t in B.SCHEMAS}
    listed = set(manifest["files"])
    optional = {B.file_name(t) for t in B.OPTIONAL_TABLES}
    if not expected - optional <= listed <= expected:
        extra, missing = sorted(listed - expected), sorted(expected - optional - listed)
        raise BundleRefused("the manifest lists the wrong files" + (f"; missing {', '.join(missing)}" if missing
                                                                       else "") +
                            (f"; unexpected {', '.join(extra)}" if extra else ""))
    tables = {}
    for table, schema in B.SCHEMAS.items():
        name = B.file_name(table)
        if name not in listed:              # an optional table an older store did not send: empty
            tables[table] = schema.empty_table()
            continue
        entry = manifest["files"][name]
        enc_path = path / (name + B.ENCRYPTED_SUFFIX)
        try:
            ciphertext = enc_path.read_bytes()
        except FileNotFoundError:
            raise BundleRefused(f"{enc_path.name} is missing (truncated bundle)") from None
        try:
            plain = B.decrypt(key, bytes.fromhex(entry["nonce"]), ciphertext, store_id, sequence, table)
        except (B.BundleError, ValueError, KeyError, TypeError):
            raise BundleRefused(f"{enc_path.name} does not decrypt: the file was changed or cut") from None
        if hashlib.sha256(plain).hexdigest() != entry.get("sha256"):
            raise BundleRefused(f"{name}: SHA-256 differs from the manifest")
        try:
            data = pq.read_table(io.BytesIO(plain))
        except (pa.ArrowException, OSError) as exc:
            raise BundleRefused(f"{name} is not readable Parquet ({exc})") from None
        got = [(f.name, f.type) for f in data.schema]
        want = [(f.name, f.type) for f in schema]
        if got != want:
            raise BundleRefused(f"{name} has columns {got}, expected {want}")
        if data.num_rows != entry.get("rows"):
            raise BundleRefused(f"{name} has {data.num_rows} rows, the manifest says {entry.get('rows')}")
        if data.num_rows and set(data.column("store_id").unique().to_pylist()) != {store_id}:
            raise BundleRefused(f"{name} carries rows of another store")
        tables[table] = data
    return VerifiedBundle(path, manifest, hashlib.sha256(raw).hexdigest(), tables)


# -- loading ----------------------------------------------------------------------------------------


def _insert(con, target: str, source: str, columns: list[str], extra: dict) -> None:
    cols = ", ".join(f'"{c}"' for c in columns)
    extras = ", ".join(f"${i + 1} AS {name}" for i, name in enumerate(extra))
    con.execute(f"INSERT INTO {target} BY NAME SELECT {cols}, {extras} FROM {source}", list(extra.values()))


def load_bundle(con, vb: VerifiedBundle) -> None:
    """Load one verified bundle in one transaction (all or nothing)."""
    m, store_id, seq = vb.manifest, vb.store_id, vb.sequence
    window_end = _ts(m["window_end"])
    latest = con.execute("SELECT max(sequence) FROM bundles WHERE store_id = ?", [store_id]).fetchall()[0][0]
    newest = latest is None or seq > latest
    for table, data in vb.tables.items():  # registered outside the transaction (an abort cannot strand them)
        con.register(f"_in_{table}", data)
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            for table in B.INCREMENTAL_TABLES:
                _insert(con, table, f"_in_{table}", vb.tables[table].column_names, {"bundle_sequence": seq})
            if newest:
                for table in SNAPSHOT_TABLES:
                    con.execute(f"DELETE FROM {table} WHERE store_id = ?", [store_id])
                    _insert(con, table, f"_in_{table}", vb.tables[table].column_names, {"bundle_sequence": seq})
            _insert(con, "stock_history", "_in_stock_snapshot", vb.tables["stock_snapshot"].column_names,
                    {"window_end": window_end, "bundle_sequence": seq})
            con.execute("INSERT INTO bundles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
                        [store_id, seq, m.get("store_name"), _ts(m["window_start"]), window_end,
                         m.get("schema_version"), _ts(m["created_at"]) if m.get("created_at") else None,
                         vb.manifest_sha256, vb.path.name])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    finally:
        for table in vb.tables:
            con.unregister(f"_in_{table}")


def _order(path: Path):
    match = _NAME.match(path.name)
    return (match["store"], int(match["seq"])) if match else (path.name, 0)


def find_bundles(bundles_dir) -> list[Path]:
    """Bundle folders in ``bundles_dir`` (and one level below, e.g. one folder per store), sorted by
    store and sequence. Temporary folders (``.…``) are ignored."""
    root = Path(bundles_dir)
    found = [p for p in root.glob(f"*{B.BUNDLE_SUFFIX}") if p.is_dir() and not p.name.startswith(".")]
    found += [p for p in root.glob(f"*/*{B.BUNDLE_SUFFIX}") if p.is_dir() and not p.name.startswith(".")
              and not p.parent.name.startswith(".")]
    return sorted(found, key=_order)


def sequence_gaps(con) -> dict[str, list[int]]:
    """Missing sequence numbers per store, between 1 and the highest loaded."""
    gaps = {}
    for store_id, seqs in con.execute("SELECT store_id, list(sequence ORDER BY sequence) FROM bundles "
                                      "GROUP BY store_id ORDER BY store_id").fetchall():
        missing = sorted(set(range(1, max(seqs) + 1)) - set(seqs))
        if missing:
            gaps[store_id] = missing
    return gaps


def ingest_bundle(con, path, hq_private, result: IngestResult | None = None) -> IngestResult:
    result = result or IngestResult()
    path = Path(path)
    try:
        manifest, raw, _ = read_manifest(path)
        digest = hashlib.sha256(raw).hexdigest()
        row = con.execute("SELECT manifest_sha256 FROM bundles WHERE store_id = ? AND sequence = ?",
                          [str(manifest["store_id"]), manifest["sequence"]]).fetchall()
        row = row[0] if row else None
        if row and row[0] == digest:
            result.skipped.append(path.name)
            result.messages.append(f"{path.name}: already loaded, skipped")
            return result
        if row:
            raise BundleRefused(f"sequence {manifest['sequence']} of store {manifest['store_id']} is already "
                                "loaded with a different manifest")
        vb = verify_bundle(path, con, hq_private)
        prev = con.execute("SELECT sequence, epoch_us(window_end) FROM bundles WHERE store_id = ? AND sequence < ? "
                           "ORDER BY sequence DESC LIMIT 1", [vb.store_id, vb.sequence]).fetchall()
        prev = prev[0] if prev else None
        nxt = con.execute("SELECT sequence, epoch_us(window_start) FROM bundles WHERE store_id = ? AND sequence > ? "
                          "ORDER BY sequence LIMIT 1", [vb.store_id, vb.sequence]).fetchall()
        nxt = nxt[0] if nxt else None
        start, end = (_epoch_us(_ts(vb.manifest[k])) for k in ("window_start", "window_end"))
        if prev and start < prev[1] or nxt and end > nxt[1]:
            raise BundleRefused("its window overlaps a bundle already loaded for this store")
        if (prev[0] if prev else 0) != vb.sequence - 1:
            missing = range((prev[0] if prev else 0) + 1, vb.sequence)
            result.warnings.append(f"{path.name}: head office is missing bundle(s) "
                                   f"{', '.join(str(s) for s in missing)} of store {vb.store_id}; "
                                   "loaded anyway — ingest the missing bundle(s) when they arrive")
        try:
            load_bundle(con, vb)
        except duckdb.ConstraintException as exc:
            raise BundleRefused(f"it repeats rows already loaded from another bundle ({exc})") from None
        result.loaded.append(path.name)
        result.messages.append(f"{path.name}: loaded ({sum(t.num_rows for t in vb.tables.values())} rows)")
    except BundleRefused as exc:
        result.refused.append((path.name, exc.reason))
        result.messages.append(f"{path.name}: REFUSED — {exc.reason}; nothing from it was loaded")
    return result


def ingest_bundles(bundles_dir, db_path, hq_private, con=None) -> IngestResult:
    """Verify and load every bundle under ``bundles_dir`` into the DuckDB file ``db_path``."""
    own = con is None
    con = con or connect(db_path)
    try:
        result = IngestResult()
        for path in find_bundles(bundles_dir):
            ingest_bundle(con, path, hq_private, result)
        return result
    finally:
        if own:
            con.close()


# -- plain Parquet for Spark / Trino ---------------------------------------------------------------


def extract_bundles(bundles_dir, out_dir, hq_private, db_path=None) -> list[Path]:
    """Verify and decrypt every bundle to plain Parquet in a Hive-style layout:
    ``out/<table>/store_id=<id>/sequence=<n>/part.parquet``. Trust comes from the head-office DuckDB
    (``db_path``). A refused bundle writes nothing; returns the written files."""
    con = connect(db_path) if db_path else duckdb.connect()
    con.execute(schema_sql())
    out = Path(out_dir)
    written = []
    try:
        for path in find_bundles(bundles_dir):
            vb = verify_bundle(path, con, hq_private)
            for table, data in vb.tables.items():
                target = out / table / f"store_id={vb.store_id}" / f"sequence={vb.sequence}"
                target.mkdir(parents=True, exist_ok=True)
                tmp = target / ".part.parquet.tmp"
                # store_id lives in the path (Hive partition); the file keeps the other columns.
                pq.write_table(data.drop_columns(["store_id"]), tmp)
                tmp.replace(target / "part.parquet")
                written.append(target / "part.parquet")
    finally:
        con.close()
    return written
