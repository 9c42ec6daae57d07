"""The head-office bundle format, shared by the store side (export) and head office (ingest).

A bundle is a folder ``<store_id>-<sequence:06d>.pdbundle/`` holding

- ``manifest.json``: UTF-8 JSON with sorted keys (see :func:`manifest_bytes`): store id and name,
  sequence, the window ``[window_start, window_end)`` in UTC ISO-8601, the store's schema version,
  per file its row count, the SHA-256 of the *plaintext* Parquet bytes and the AEAD nonce, the
  encryption parameters and the id of the signing key;
- ``manifest.sig``: the raw 64-byte Ed25519 signature of the exact ``manifest.json`` bytes;
- ``<table>.parquet.enc`` per table in :data:`TABLES`: ChaCha20-Poly1305 under a key derived by
  HKDF-SHA256 (info ``pharmadesk-bundle-v1``) from X25519(ephemeral private key, head office's
  public key), with a random 12-byte nonce per file and the AAD ``"<store_id>/<sequence>/<table>.parquet"``.

Nothing here touches a database: it is pure format, crypto and Parquet (de)serialisation.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pharmadesk.errors import QT_TRANSLATE_NOOP, PharmaDeskError

FORMAT_VERSION = 1
BUNDLE_SUFFIX = ".pdbundle"
TEMP_PREFIX = ".tmp-"                        # a bundle being written: <out>/.tmp-<bundle name>
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
ENCRYPTED_SUFFIX = ".enc"
ENCRYPTION_SCHEME = "x25519-hkdf-sha256-chacha20poly1305"
HKDF_INFO = b"pharmadesk-bundle-v1"
NONCE_SIZE = 12
KEY_ID_LENGTH = 16
STORE_PUB_SUFFIX = ".store.pub"             # <store_id>.store.pub: the store's signing key, for head office
HQ_PUB_NAME = "hq.pub"
HQ_KEY_NAME = "hq.key"

# Settings keys in the encrypted store (never written to a file).
SETTING_PSEUDONYM_SECRET = "headoffice_pseudonym_secret"   # 32 random bytes, hex
SETTING_SIGNING_KEY = "headoffice_signing_key"             # the store's Ed25519 private key, raw hex
SETTING_HQ_PUBLIC_KEY = "headoffice_hq_public_key"         # head office's X25519 public key, raw hex

AGE_BANDS = ("<18", "18-29", "30-44", "45-59", "60-74", "75+")


class BundleError(PharmaDeskError):
    """A bundle that is not whole, not genuine, or not readable."""


_TS = pa.timestamp("us", tz="UTC")

SCHEMAS: dict[str, pa.Schema] = {
    "sales": pa.schema([
        ("store_id", pa.string()), ("sale_id", pa.int64()), ("receipt_no", pa.string()), ("at", _TS),
        ("member_pseudonym", pa.string()), ("subtotal", pa.int64()), ("discount", pa.int64()),
        ("redeem_value", pa.int64()), ("total", pa.int64()), ("vat", pa.int64()), ("source", pa.string()),
        ("user_id", pa.int64()),
    ]),
    "sale_lines": pa.schema([
        ("store_id", pa.string()), ("sale_id", pa.int64()), ("line_id", pa.int64()), ("product_id", pa.int64()),
        ("quantity", pa.int64()), ("unit_price", pa.int64()), ("discount", pa.int64()),
        ("line_total", pa.int64()), ("unit_cost", pa.int64()), ("vat_rate_bp", pa.int64()),
    ]),
    "returns": pa.schema([
        ("store_id", pa.string()), ("return_id", pa.int64()), ("return_no", pa.string()), ("at", _TS),
        ("original_sale_id", pa.int64()), ("refund_total", pa.int64()),
    ]),
    "return_lines": pa.schema([
        ("store_id", pa.string()), ("return_id", pa.int64()), ("sale_line_id", pa.int64()),
        ("product_id", pa.int64()), ("quantity", pa.int64()), ("refund", pa.int64()), ("damaged", pa.bool_()),
    ]),
    # money taken (sale_id set) and paid back (return_id set) per payment method; no transaction reference
    "payments": pa.schema([
        ("store_id", pa.string()), ("payment_id", pa.int64()), ("sale_id", pa.int64()), ("return_id", pa.int64()),
        ("at", _TS), ("method", pa.string()), ("amount", pa.int64()),
    ]),
    "stock_snapshot": pa.schema([
        ("store_id", pa.string()), ("product_id", pa.int64()), ("batch_no", pa.string()),
        ("expiry", pa.date32()), ("on_hand", pa.int64()), ("unit_cost", pa.int64()),
    ]),
    "products": pa.schema([
        ("store_id", pa.string()), ("product_id", pa.int64()), ("barcode", pa.string()), ("name", pa.string()),
        ("generic_name", pa.string()), ("strength", pa.string()), ("form", pa.string()),
        ("atc_code", pa.string()), ("category", pa.string()), ("legal_class", pa.string()),
        ("pack_size", pa.int64()), ("price", pa.int64()), ("vat_rate_bp", pa.int64()),
        ("days_supply", pa.int64()), ("active", pa.bool_()),
    ]),
    "member_facts": pa.schema([
        ("store_id", pa.string()), ("member_pseudonym", pa.string()), ("age_band", pa.string()),
        ("sex", pa.string()), ("segment", pa.string()), ("registered_month", pa.string()),
        ("care_consent", pa.bool_()), ("marketing_consent", pa.bool_()), ("erased", pa.bool_()),
    ]),
    "reminder_outcomes": pa.schema([
        ("store_id", pa.string()), ("reminder_id", pa.int64()), ("member_pseudonym", pa.string()),
        ("kind", pa.string()), ("product_id", pa.int64()), ("due_date", pa.date32()), ("channel", pa.string()),
        ("created_at", _TS), ("outcome", pa.string()), ("outcome_at", _TS),
    ]),
    "campaign_results": pa.schema([
        ("store_id", pa.string()), ("campaign_id", pa.int64()), ("name", pa.string()), ("segment", pa.string()),
        ("starts_on", pa.date32()), ("ends_on", pa.date32()), ("target_size", pa.int64()),
        ("holdout_size", pa.int64()), ("target_conversion", pa.float64()), ("holdout_conversion", pa.float64()),
        ("uplift", pa.float64()), ("uplift_ci_low", pa.float64()), ("uplift_ci_high", pa.float64()),
        ("revenue", pa.int64()), ("cost", pa.int64()), ("roi", pa.float64()),
    ]),
    # which promotions priced each line of the window's sales, and by how much (their sum is part of
    # sale_lines.discount); never a member
    "sale_line_promotions": pa.schema([
        ("store_id", pa.string()), ("sale_id", pa.int64()), ("line_id", pa.int64()), ("promotion_id", pa.int64()),
        ("amount", pa.int64()),
    ]),
    # the promotions themselves: what they are and when they run; no member lists, no coupon codes
    "promotions": pa.schema([
        ("store_id", pa.string()), ("promotion_id", pa.int64()), ("kind", pa.string()), ("label", pa.string()),
        ("starts_on", pa.date32()), ("ends_on", pa.date32()), ("status", pa.string()),
    ]),
    # service records counted by kind and local day: no member, no product, no text (issue 20)
    "service_counts": pa.schema([
        ("store_id", pa.string()), ("day", pa.date32()), ("kind", pa.string()), ("opened", pa.int64()),
        ("closed", pa.int64()),
    ]),
}
TABLES: tuple[str, ...] = tuple(SCHEMAS)
# Tables added to format 1 after its first stores shipped: a bundle from a store that had not yet upgraded
# lacks them, and head office reads it as if they were empty.
OPTIONAL_TABLES = ("sale_line_promotions", "promotions")
# Tables holding only the rows of the window (the rest are full snapshots as of window_end).
INCREMENTAL_TABLES = ("sales", "sale_lines", "returns", "return_lines", "payments", "reminder_outcomes",
                      "sale_line_promotions", "service_counts")
# Sort keys: rows are written in this order so that the same window gives the same bytes.
SORT_KEYS: dict[str, tuple[str, ...]] = {
    "sales": ("sale_id",),
    "sale_lines": ("sale_id", "line_id"),
    "returns": ("return_id",),
    "return_lines": ("return_id", "sale_line_id", "product_id"),
    "payments": ("payment_id",),
    "stock_snapshot": ("product_id", "batch_no"),
    "products": ("product_id",),
    "member_facts": ("member_pseudonym",),
    "reminder_outcomes": ("reminder_id", "outcome_at", "outcome"),
    "campaign_results": ("campaign_id",),
    "sale_line_promotions": ("sale_id", "line_id", "promotion_id"),
    "promotions": ("promotion_id",),
    "service_counts": ("day", "kind"),
}


def file_name(table: str) -> str:
    """``sales.parquet``: the name the manifest lists (the file on disk adds ``.enc``)."""
    return f"{table}.parquet"


def bundle_name(store_id: str, sequence: int) -> str:
    return f"{store_id}-{sequence:06d}{BUNDLE_SUFFIX}"


def aad(store_id: str, sequence: int, table: str) -> bytes:
    return f"{store_id}/{sequence}/{table}.parquet".encode()


# -- pseudonyms and bands -----------------------------------------------------------------------------

def new_pseudonym_secret() -> bytes:
    return os.urandom(32)


def member_pseudonym(secret: bytes, anon_id: str) -> str:
    """HMAC-SHA256(store secret, member anon_id), hex, first 32 characters: stable, not reversible."""
    return hmac.new(secret, anon_id.encode(), hashlib.sha256).hexdigest()[:32]


def age_band(birth_date: str | date | None, as_of: date) -> str | None:
    """The member's age band on ``as_of`` (``AGE_BANDS``), or None when the birth date is unknown/invalid."""
    if birth_date in (None, ""):
        return None
    try:
        born = birth_date if isinstance(birth_date, date) else date.fromisoformat(str(birth_date)[:10])
    except ValueError:
        return None
    age = as_of.year - born.year - ((as_of.month, as_of.day) < (born.month, born.day))
    if age < 0:
        return None
    for limit, band in ((18, "<18"), (30, "18-29"), (45, "30-44"), (60, "45-59"), (75, "60-74")):
        if age < limit:
            return band
    return "75+"


# -- keys ----------------------------------------------------------------------------------------------

def key_id(raw_public_key: bytes) -> str:
    """The short id of a raw 32-byte public key: sha256 hex, first 16 characters."""
    return hashlib.sha256(raw_public_key).hexdigest()[:KEY_ID_LENGTH]


def _raw_public(key) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def new_signing_key() -> tuple[bytes, bytes]:
    """A new Ed25519 key pair for a store: (raw private 32 bytes, raw public 32 bytes)."""
    private = Ed25519PrivateKey.generate()
    return _raw_private(private), _raw_public(private.public_key())


def signing_public_key(raw_private: bytes) -> bytes:
    return _raw_public(Ed25519PrivateKey.from_private_bytes(raw_private).public_key())


def new_hq_key() -> tuple[bytes, bytes]:
    """A new X25519 key pair for head office: (raw private 32 bytes, raw public 32 bytes)."""
    private = X25519PrivateKey.generate()
    return _raw_private(private), _raw_public(private.public_key())


def hq_public_key(raw_private: bytes) -> bytes:
    return _raw_public(X25519PrivateKey.from_private_bytes(raw_private).public_key())


def _check_raw_key(raw: bytes, what: str) -> bytes:
    if not isinstance(raw, (bytes, bytearray)) or len(raw) != 32:
        raise BundleError(QT_TRANSLATE_NOOP("errors", "The {what} key is not a 32-byte key."), what=what)
    return bytes(raw)


# -- signing ---------------------------------------------------------------------------------------------

def sign(raw_private: bytes, data: bytes) -> bytes:
    """The raw 64-byte Ed25519 signature of ``data``."""
    return Ed25519PrivateKey.from_private_bytes(_check_raw_key(raw_private, "signing")).sign(data)


def verify(raw_public: bytes, data: bytes, signature: bytes) -> None:
    """Raise :class:`BundleError` unless ``signature`` is the Ed25519 signature of ``data`` by that key."""
    try:
        Ed25519PublicKey.from_public_bytes(_check_raw_key(raw_public, "store")).verify(signature, data)
    except InvalidSignature:
        raise BundleError(QT_TRANSLATE_NOOP(
            "errors", "The manifest's signature does not match the store's key: the bundle was altered "
                      "or not made by that store.")) from None


# -- encryption ------------------------------------------------------------------------------------------

def _derive(shared_secret: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=HKDF_INFO).derive(shared_secret)


def new_bundle_key(hq_public: bytes) -> tuple[bytes, bytes]:
    """A fresh ephemeral X25519 key for one bundle: (symmetric key, raw ephemeral public key)."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(_check_raw_key(hq_public, "head office")))
    return _derive(shared), _raw_public(ephemeral.public_key())


def open_bundle_key(hq_private: bytes, ephemeral_public: bytes) -> bytes:
    """Head office's side of :func:`new_bundle_key`: the same symmetric key from its private key."""
    private = X25519PrivateKey.from_private_bytes(_check_raw_key(hq_private, "head office"))
    return _derive(private.exchange(X25519PublicKey.from_public_bytes(_check_raw_key(ephemeral_public,
                                                                                   "ephemeral"))))


def new_nonce() -> bytes:
    return os.urandom(NONCE_SIZE)


def encrypt(key: bytes, nonce: bytes, plaintext: bytes, store_id: str, sequence: int, table: str) -> bytes:
    return ChaCha20Poly1305(key).encrypt(nonce, plaintext, aad(store_id, sequence, table))


def decrypt(key: bytes, nonce: bytes, ciphertext: bytes, store_id: str, sequence: int, table: str) -> bytes:
    """Raise :class:`BundleError` if the file was altered, truncated, or is not for this key/bundle/table."""
    try:
        return ChaCha20Poly1305(key).decrypt(nonce, ciphertext, aad(store_id, sequence, table))
    except InvalidTag:
        raise BundleError(QT_TRANSLATE_NOOP(
            "errors", "The file {name} cannot be decrypted: it was altered or truncated, or the bundle was "
                      "not made for this head office."), name=file_name(table) + ENCRYPTED_SUFFIX) from None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- manifest ----------------------------------------------------------------------------------------------

def manifest_bytes(manifest: dict) -> bytes:
    """The exact bytes written to ``manifest.json`` (and signed): UTF-8 JSON, sorted keys, 2-space indent."""
    return (json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def parse_manifest(data: bytes) -> dict:
    """The manifest as a dict; :class:`BundleError` if it is not a format-1 manifest."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BundleError(QT_TRANSLATE_NOOP("errors", "The manifest is not valid JSON.")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise BundleError(QT_TRANSLATE_NOOP("errors", "The manifest is not a PharmaDesk bundle manifest "
                                                      "of a known format."))
    required = ("store_id", "sequence", "window_start", "window_end", "schema_version", "files",
                "encryption", "signing_key_id")
    missing = [name for name in required if name not in manifest]
    if missing:
        raise BundleError(QT_TRANSLATE_NOOP("errors", "The manifest lacks {fields}."), fields=", ".join(missing))
    return manifest


# -- Parquet -------------------------------------------------------------------------------------------------

def to_table(name: str, rows: list[dict]) -> pa.Table:
    """The rows (dicts keyed by column) as a table of the fixed schema, sorted by :data:`SORT_KEYS`."""
    schema = SCHEMAS[name]
    keys = SORT_KEYS[name]
    rows = sorted(rows, key=lambda r: tuple((r[k] is None, r[k] if r[k] is not None else 0) for k in keys))
    return pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()


def parquet_bytes(table: pa.Table) -> bytes:
    """Deterministic Parquet bytes: one row group, zstd, no pandas or creation-time metadata."""
    table = table.replace_schema_metadata(None)
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd", row_group_size=max(1, table.num_rows),
                   write_statistics=True, use_dictionary=True, store_schema=True)
    return sink.getvalue()


def read_parquet_bytes(data: bytes) -> pa.Table:
    return pq.read_table(io.BytesIO(data), use_threads=False)
