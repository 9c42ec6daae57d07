"""The database key: 32 random bytes, kept in the OS keyring and wrapped by the recovery passphrase.

The wrapped copy lives in ``pharmadesk.key`` beside the database so the store opens
on a new PC or from a backup with the passphrase alone. Wrapping is Argon2id
(memory-hard KDF) + ChaCha20-Poly1305 (AEAD); the store id is bound in as
associated data so a key file cannot be swapped between stores unnoticed.
Changing the passphrase re-wraps the same key: the database is not re-encrypted.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from pharmadesk import env
from pharmadesk.errors import QT_TRANSLATE_NOOP, StoreLockedError, ValidationError, WrongPassphrase

KEY_FILE_NAME = "pharmadesk.key"
KEYRING_SERVICE = "PharmaDesk"
MIN_PASSPHRASE_LENGTH = 10

# Argon2id parameters (RFC 9106 "second recommended option": t=3, m=64 MiB, p=4).
DEFAULT_KDF = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4}


@dataclass(frozen=True)
class KeyFile:
    """The public header and the wrapped key as stored in ``pharmadesk.key``."""

    store_id: str
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    kdf: dict

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": 1,
                "store_id": self.store_id,
                "kdf": {"name": "argon2id", **self.kdf},
                "salt": base64.b64encode(self.salt).decode(),
                "aead": "chacha20poly1305",
                "nonce": base64.b64encode(self.nonce).decode(),
                "wrapped_key": base64.b64encode(self.wrapped_key).decode(),
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> "KeyFile":
        data = json.loads(text)
        kdf = {k: v for k, v in data["kdf"].items() if k != "name"}
        return cls(
            store_id=data["store_id"],
            salt=base64.b64decode(data["salt"]),
            nonce=base64.b64decode(data["nonce"]),
            wrapped_key=base64.b64decode(data["wrapped_key"]),
            kdf=kdf,
        )


def new_database_key() -> bytes:
    """Return a fresh random 32-byte database key."""
    return secrets.token_bytes(32)


def _derive(passphrase: str, salt: bytes, kdf: dict) -> bytes:
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


def wrap_key(key: bytes, passphrase: str, store_id: str, kdf: dict | None = None) -> KeyFile:
    """Encrypt ``key`` under a key derived from ``passphrase``."""
    kdf = dict(kdf or DEFAULT_KDF)
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    wrapped = ChaCha20Poly1305(_derive(passphrase, salt, kdf)).encrypt(nonce, key, store_id.encode())
    return KeyFile(store_id=store_id, salt=salt, nonce=nonce, wrapped_key=wrapped, kdf=kdf)


def unwrap_key(key_file: KeyFile, passphrase: str) -> bytes:
    """Recover the database key, or raise :class:`WrongPassphrase`."""
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
    except (ValueError, KeyError):
        raise StoreLockedError(
            QT_TRANSLATE_NOOP("errors", "The key file pharmadesk.key is damaged.")
        ) from None


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
