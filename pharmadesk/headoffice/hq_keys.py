"""Head office's keys: its X25519 key pair, and the registry of trusted store signing keys.

``hq.pub`` (JSON, sent to every store) carries head office's raw X25519 public key in hex.
``hq.key`` (JSON, file mode 0600, never leaves head office) carries the private key, in hex or —
when ``PHARMADESK_HQ_PASSPHRASE`` is set at creation — wrapped by Argon2id + ChaCha20-Poly1305 with
the same functions as the store's database key (:mod:`pharmadesk.db.keys`).

A store's signing key arrives as ``<store_id>.store.pub`` (JSON) and is registered in the head-office
DuckDB (table ``trusted_stores``) with ``pharmadesk hq trust-store``; ingest refuses any bundle whose
store is not registered or which is signed with another key.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from pharmadesk import env
from pharmadesk.db import keys as dbkeys
from pharmadesk.errors import ValidationError
from pharmadesk.headoffice.bundle import HQ_KEY_NAME, HQ_PUB_NAME, hq_public_key, key_id, new_hq_key

HQ_PUBLIC_FILE = HQ_PUB_NAME
HQ_PRIVATE_FILE = HQ_KEY_NAME
_WRAP_ID = "pharmadesk-hq"


class HQKeyError(ValidationError):
    """A head-office key file is missing, damaged, or its passphrase is wrong."""


def _write(path: Path, text: str, mode: int) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, mode)
    os.replace(tmp, path)


def create_hq_keys(out_dir, passphrase: str | None = None, kdf: dict | None = None) -> tuple[Path, Path]:
    """Create ``hq.pub`` and ``hq.key`` in ``out_dir``; refuses to overwrite an existing ``hq.key``
    (bundles already made for it could no longer be read)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if (out / HQ_PRIVATE_FILE).exists():
        raise HQKeyError(f"{out / HQ_PRIVATE_FILE} already exists; it was not replaced.")
    raw_priv, pub = new_hq_key()
    if passphrase is None:
        passphrase = os.environ.get(env.HQ_PASSPHRASE) or None
    body = {"format": 1, "kind": "pharmadesk-hq-private-key", "key_id": key_id(pub)}
    if passphrase:
        body["wrapped"] = json.loads(dbkeys.wrap_key(raw_priv, passphrase, _WRAP_ID, kdf).to_json())
    else:
        body["private_key"] = raw_priv.hex()
    _write(out / HQ_PRIVATE_FILE, json.dumps(body, indent=2, sort_keys=True), 0o600)
    _write(out / HQ_PUBLIC_FILE, json.dumps({"format": 1, "kind": "pharmadesk-hq-public-key",
                                             "public_key": pub.hex(), "key_id": key_id(pub)},
                                            indent=2, sort_keys=True), 0o644)
    return out / HQ_PUBLIC_FILE, out / HQ_PRIVATE_FILE


def _read_json(path: Path, missing: str, damaged: str) -> dict:
    """The JSON object in ``path``, or :class:`HQKeyError` with ``missing`` / ``damaged``."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HQKeyError(missing) from None
    except ValueError:
        raise HQKeyError(damaged) from None


def load_hq_private(path, passphrase: str | None = None) -> bytes:
    """Read ``hq.key`` (a file, or a folder holding it): the raw 32-byte X25519 private key."""
    path = Path(path)
    if path.is_dir():
        path = path / HQ_PRIVATE_FILE
    body = _read_json(path, f"The head-office private key {path} is missing.",
                      f"The head-office private key {path} is damaged.")
    if "wrapped" in body:
        passphrase = passphrase or os.environ.get(env.HQ_PASSPHRASE)
        if not passphrase:
            raise HQKeyError(f"{path} is protected by a passphrase: set {env.HQ_PASSPHRASE}.")
        raw = dbkeys.unwrap_key(dbkeys.KeyFile.from_json(json.dumps(body["wrapped"])), passphrase)
    else:
        raw = bytes.fromhex(body["private_key"])
    if len(raw) != 32 or (body.get("key_id") and key_id(hq_public_key(raw)) != body["key_id"]):
        raise HQKeyError(f"The head-office private key {path} is damaged.")
    return raw


def read_public_key_file(path) -> dict:
    """Read a public key file (``hq.pub`` or ``<store_id>.store.pub``): returns its JSON with
    ``public_key`` (hex) always present. Accepts the key under "public_key" or "key"."""
    path = Path(path)
    body = _read_json(path, f"The key file {path} is missing.", f"The key file {path} is not a PharmaDesk key file.")
    hex_key = body.get("public_key") or body.get("key") or body.get("signing_public_key")
    try:
        if len(bytes.fromhex(hex_key)) != 32:
            raise ValueError
    except (TypeError, ValueError):
        raise HQKeyError(f"The key file {path} holds no 32-byte public key.") from None
    body["public_key"] = hex_key
    return body


# -- the trust store, inside the head-office DuckDB --------------------------------------------------

TRUST_DDL = """
CREATE TABLE IF NOT EXISTS trusted_stores (
    store_id    VARCHAR PRIMARY KEY,
    store_name  VARCHAR,
    public_key  VARCHAR NOT NULL,   -- raw Ed25519 public key, hex
    key_id      VARCHAR NOT NULL,   -- sha256(raw)[:16], as in manifests' signing_key_id
    added_at    TIMESTAMPTZ NOT NULL
)"""


def trust_store(con, key_file, replace: bool = False) -> dict:
    """Register a store's signing key from its ``.store.pub`` file. A different key for a store
    already registered is refused unless ``replace`` (a store that made new keys)."""
    body = read_public_key_file(key_file)
    store_id = body.get("store_id")
    if not store_id:
        raise HQKeyError(f"The key file {key_file} does not say which store it belongs to.")
    raw = bytes.fromhex(body["public_key"])
    con.execute(TRUST_DDL)
    row = con.execute("SELECT public_key FROM trusted_stores WHERE store_id = ?", [store_id]).fetchall()
    row = row[0] if row else None
    if row and row[0] != raw.hex() and not replace:
        raise HQKeyError(f"Store {store_id} is already registered with another key; "
                         "use --replace if the store really made new keys.")
    con.execute("INSERT OR REPLACE INTO trusted_stores VALUES (?, ?, ?, ?, ?)",
                [store_id, body.get("store_name") or body.get("name"), raw.hex(), key_id(raw),
                 datetime.now(timezone.utc)])
    return {"store_id": store_id, "store_name": body.get("store_name") or body.get("name"), "key_id": key_id(raw)}


def trusted_key(con, store_id: str) -> bytes | None:
    con.execute(TRUST_DDL)
    row = con.execute("SELECT public_key FROM trusted_stores WHERE store_id = ?", [store_id]).fetchall()
    return bytes.fromhex(row[0][0]) if row else None
