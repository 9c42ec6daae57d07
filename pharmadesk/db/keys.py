"""The database key: 32 random bytes, kept in the OS keyring and wrapped by the recovery passphrase.

The wrapped copy lives in ``pharmadesk.key`` beside the database so the store opens
on a new PC or from a backup with the passphrase alone. Wrapping is Argon2id
(memory-hard KDF) + ChaCha20-Poly1305 (AEAD); the store id is bound in as
associated data so a key file cannot be swapped between stores unnoticed.
Changing the passphrase re-wraps the same key: the database is not re-encrypted.

The file is checked against a schema with bounds (:func:`parse_key_file`) before any KDF runs, and
carries a ``check`` value: SHA-256 over its other fields. It needs no passphrase, so a damaged file
(a flipped bit in the wrapped key, an edited store id) is told apart from a wrong passphrase: only a
file whose check matches can fail the AEAD because of the passphrase. The check is not a secret MAC:
a deliberate forger can recompute it, and then the AEAD still refuses the file (as a wrong passphrase).
Files written before the check existed still open; they get one at their next rewrite.

``audit_anchor`` is where the audit log's head stood (issue 17): see :mod:`pharmadesk.core.audit`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pharmadesk import env
from pharmadesk.errors import (
    QT_TRANSLATE_NOOP,
    KeyFileDamaged,
    StoreLockedError,
    ValidationError,
    WrongPassphrase,
)

KEY_FILE_NAME = "pharmadesk.key"
KEYRING_SERVICE = "PharmaDesk"
MIN_PASSPHRASE_LENGTH = 10

# Argon2id parameters (RFC 9106 "second recommended option": t=3, m=64 MiB, p=4).
DEFAULT_KDF = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4}


KEY_FILE_FORMAT = 1
# Bounds on the Argon2id parameters a key file may ask for, checked before the KDF runs: a file asking for
# 4 GiB or 0 passes must not make the till allocate or spin. 1 GiB is 16 times the default.
KDF_BOUNDS = {"time_cost": (1, 16), "memory_cost": (8 * 1024, 1024 * 1024), "parallelism": (1, 16)}
SALT_BYTES = (16, 64)
NONCE_BYTES = 12
WRAPPED_KEY_BYTES = 32 + 16         # the key and the Poly1305 tag
MAX_KEY_FILE_CHARS = 64 * 1024       # a real one has about 500
_HEX64 = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class AuditAnchor:
    """Where the audit log's head stood when last written down: entry ``sequence`` had MAC ``head``."""

    sequence: int
    head: str

    def to_dict(self) -> dict:
        return {"sequence": self.sequence, "head": self.head}


@dataclass(frozen=True)
class KeyFile:
    """The public header and the wrapped key as stored in ``pharmadesk.key``."""

    store_id: str
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    kdf: dict
    audit_anchor: AuditAnchor | None = None

    def _fields(self) -> dict:
        fields = {
            "format": KEY_FILE_FORMAT,
            "store_id": self.store_id,
            "kdf": {"name": "argon2id", **self.kdf},
            "salt": base64.b64encode(self.salt).decode(),
            "aead": "chacha20poly1305",
            "nonce": base64.b64encode(self.nonce).decode(),
            "wrapped_key": base64.b64encode(self.wrapped_key).decode(),
        }
        if self.audit_anchor is not None:
            fields["audit_anchor"] = self.audit_anchor.to_dict()
        return fields

    def to_json(self) -> str:
        fields = self._fields()
        return json.dumps({**fields, "check": _check_value(fields)}, indent=2)

    @classmethod
    def from_json(cls, text: str) -> "KeyFile":
        """Parse and check a key file; :class:`KeyFileDamaged` names the first thing wrong with it."""
        if len(text) > MAX_KEY_FILE_CHARS:
            raise _damaged("far too long")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise _damaged("not JSON") from None
        return parse_key_file(data)


def _check_value(fields: dict) -> str:
    """SHA-256 over the key file's fields (not a secret): tells damage apart from a wrong passphrase."""
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _damaged(problem: str) -> KeyFileDamaged:
    return KeyFileDamaged(
        QT_TRANSLATE_NOOP("errors", "The key file pharmadesk.key is damaged ({problem}). Restore it from a "
                                    "backup of this store; the recovery passphrase is not the cause."),
        problem=problem)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_hex64(value) -> bool:
    return isinstance(value, str) and len(value) == 64 and set(value) <= _HEX64


def kdf_problem(kdf) -> str | None:
    """What is wrong with Argon2id parameters ``kdf`` (without ``name``), or None when they are in bounds."""
    if not isinstance(kdf, dict):
        return "kdf is not an object"
    if set(kdf) != set(KDF_BOUNDS):
        return f"kdf fields {sorted(kdf)} are not {sorted(KDF_BOUNDS)}"
    for name, (low, high) in KDF_BOUNDS.items():
        if not _is_int(kdf[name]) or not low <= kdf[name] <= high:
            return f"kdf {name} must be a whole number from {low} to {high}"
    return None


def _bytes_field(data: dict, name: str, sizes: tuple[int, int]) -> bytes:
    value = data.get(name)
    try:
        if not isinstance(value, str):
            raise ValueError
        raw = base64.b64decode(value, validate=True)
    except (ValueError, binascii.Error):
        raise _damaged(f"{name} is not base64") from None
    if not sizes[0] <= len(raw) <= sizes[1]:
        raise _damaged(f"{name} has {len(raw)} bytes")
    return raw


def parse_key_file(data) -> KeyFile:
    """Check a decoded key file against its schema and bounds and its check value; return it.

    Everything is checked before any KDF runs. Raises :class:`KeyFileDamaged`.
    """
    if not isinstance(data, dict):
        raise _damaged("not a JSON object")
    allowed = {"format", "store_id", "kdf", "salt", "aead", "nonce", "wrapped_key", "audit_anchor", "check"}
    required = allowed - {"audit_anchor", "check"}
    if missing := sorted(required - set(data)):
        raise _damaged(f"missing {', '.join(missing)}")
    if unknown := sorted(set(data) - allowed):
        raise _damaged(f"unknown field {', '.join(unknown)}")
    if data["format"] != KEY_FILE_FORMAT or not _is_int(data["format"]):
        raise _damaged("unknown format")
    store_id = data["store_id"]
    if not isinstance(store_id, str) or not 1 <= len(store_id) <= 100 or not store_id.isprintable():
        raise _damaged("store_id is not a store id")
    if data["aead"] != "chacha20poly1305":
        raise _damaged("unknown aead")
    kdf_field = data["kdf"]
    if not isinstance(kdf_field, dict) or kdf_field.get("name") != "argon2id":
        raise _damaged("kdf is not argon2id")
    kdf = {k: v for k, v in kdf_field.items() if k != "name"}
    if problem := kdf_problem(kdf):
        raise _damaged(problem)
    salt = _bytes_field(data, "salt", SALT_BYTES)
    nonce = _bytes_field(data, "nonce", (NONCE_BYTES, NONCE_BYTES))
    wrapped = _bytes_field(data, "wrapped_key", (WRAPPED_KEY_BYTES, WRAPPED_KEY_BYTES))
    anchor = None
    if "audit_anchor" in data:
        raw = data["audit_anchor"]
        if (not isinstance(raw, dict) or set(raw) != {"sequence", "head"} or not _is_int(raw["sequence"])
                or not 1 <= raw["sequence"] < 2 ** 63 or not _is_hex64(raw["head"])):
            raise _damaged("audit_anchor is malformed")
        anchor = AuditAnchor(raw["sequence"], raw["head"])
    key_file = KeyFile(store_id, salt, nonce, wrapped, kdf, anchor)
    if "check" in data:      # files written before issue 17 have none: they still open
        fields = {k: v for k, v in data.items() if k != "check"}
        if not _is_hex64(data["check"]) or data["check"] != _check_value(fields):
            raise _damaged("its contents do not match their check value")
    return key_file


def derive_subkey(key: bytes, label: str) -> bytes:
    """A 32-byte key for one purpose (``label``), derived from the database key with HKDF-SHA256.

    Knowing a subkey tells nothing about the database key or another label's subkey.
    """
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label.encode("utf-8")).derive(key)


def new_database_key() -> bytes:
    """Return a fresh random 32-byte database key."""
    return secrets.token_bytes(32)


def _derive(passphrase: str, salt: bytes, kdf: dict) -> bytes:
    if problem := kdf_problem(kdf):     # never hand Argon2 parameters out of bounds
        raise _damaged(problem)
    return hash_secret_raw(
        passphrase.encode("utf-8"), salt, hash_len=32, type=Type.ID, **kdf
    )


def check_passphrase_strength(passphrase: str) -> None:
    """Refuse recovery passphrases too short to resist guessing on a stolen backup."""
    if len(passphrase or "") < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The recovery passphrase must have at least {n} characters."),
            n=MIN_PASSPHRASE_LENGTH,
        )


# Letters and digits that cannot be mistaken for one another when written down (no I, L, O, 0, 1).
PASSPHRASE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def generate_passphrase(groups: int = 5, size: int = 4) -> str:
    """A random recovery passphrase like ``K7QM-3XPD-9HWT-R4NB-2FJC`` (5 x 4 characters: about 99 bits),
    made with :mod:`secrets`, easy to write down and to type back."""
    return "-".join("".join(secrets.choice(PASSPHRASE_ALPHABET) for _ in range(size)) for _ in range(groups))


def wrap_key(key: bytes, passphrase: str, store_id: str, kdf: dict | None = None,
             audit_anchor: AuditAnchor | None = None) -> KeyFile:
    """Encrypt ``key`` under a key derived from ``passphrase``."""
    kdf = dict(kdf or DEFAULT_KDF)
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapped = ChaCha20Poly1305(_derive(passphrase, salt, kdf)).encrypt(nonce, key, store_id.encode())
    return KeyFile(store_id=store_id, salt=salt, nonce=nonce, wrapped_key=wrapped, kdf=kdf,
                   audit_anchor=audit_anchor)


def unwrap_key(key_file: KeyFile, passphrase: str) -> bytes:
    """Recover the database key, or raise :class:`WrongPassphrase`.

    A key file read from disk has passed :func:`parse_key_file` (schema, bounds, check value), so a
    failure here is the passphrase, or a forger who recomputed the check.
    """
    try:
        return ChaCha20Poly1305(_derive(passphrase, key_file.salt, key_file.kdf)).decrypt(
            key_file.nonce, key_file.wrapped_key, key_file.store_id.encode()
        )
    except InvalidTag:
        raise WrongPassphrase(
            QT_TRANSLATE_NOOP("errors", "That recovery passphrase is not correct. Nothing was changed.")
        ) from None


def read_key_file(store_dir: Path) -> KeyFile:
    path = Path(store_dir) / KEY_FILE_NAME
    try:
        return KeyFile.from_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreLockedError(
            QT_TRANSLATE_NOOP("errors", "The key file pharmadesk.key is missing from the store folder.")
        ) from None
    except UnicodeDecodeError:
        raise _damaged("not text") from None


def write_key_file(store_dir: Path, key_file: KeyFile) -> None:
    """Replace the key file atomically: a crash leaves the old or the new file, never half of one."""
    store_dir = Path(store_dir)
    fd, tmp = tempfile.mkstemp(prefix=".pharmadesk.key.", dir=store_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(key_file.to_json())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, store_dir / KEY_FILE_NAME)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- OS credential store -------------------------------------------------------------


def _keyring():
    """Return the keyring module if a real backend is usable here, else None."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
            return None
        return keyring
    except Exception:  # a broken keyring must never stop the till from opening
        return None


def keyring_available() -> bool:
    return _keyring() is not None


def save_key_in_keyring(store_id: str, key: bytes) -> bool:
    """Remember the key in the OS credential store; False where there is none."""
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.set_password(KEYRING_SERVICE, store_id, key.hex())
        return True
    except Exception:
        return False


def key_from_keyring(store_id: str) -> bytes | None:
    kr = _keyring()
    if kr is None:
        return None
    try:
        value = kr.get_password(KEYRING_SERVICE, store_id)
    except Exception:
        return None
    if not value:
        return None
    try:
        key = bytes.fromhex(value)
    except ValueError:
        return None
    return key if len(key) == 32 else None


def forget_key_in_keyring(store_id: str) -> None:
    kr = _keyring()
    if kr is None:
        return
    try:
        kr.delete_password(KEYRING_SERVICE, store_id)
    except Exception:
        pass


def resolve_key(store_dir: Path, passphrase: str | None = None, use_keyring: bool = True) -> bytes:
    """Find the database key: keyring first, then the passphrase (argument or environment).

    Raises :class:`StoreLockedError` when neither is available, so a UI knows to ask,
    and :class:`WrongPassphrase` when the passphrase does not fit.
    """
    key_file = read_key_file(store_dir)
    if use_keyring and passphrase is None:
        key = key_from_keyring(key_file.store_id)
        if key is not None:
            return key
    if passphrase is None:
        passphrase = os.environ.get(env.PASSPHRASE)
    if not passphrase:
        raise StoreLockedError(
            QT_TRANSLATE_NOOP("errors", "Enter the store's recovery passphrase to unlock it.")
        )
    return unwrap_key(key_file, passphrase)
