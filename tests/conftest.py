"""Shared fixtures: a small real encrypted store, copied fresh for every test."""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from datetime import date, datetime, timedelta, timezone

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import platformdirs  # noqa: E402

from pharmadesk import env  # noqa: E402

# The whole session, and every process it starts, runs with a temporary home: logs, data, settings and caches
# never reach the real user's folders (nor a store named in the real PHARMADESK_* variables). The real folders
# are kept here for tests/test_user_folders.py, which proves it. Some tests import this file again as
# ``tests.conftest``: that second copy reuses the first one's home instead of making (and pointing at) another.
_first = next((module for module in (sys.modules.get("conftest"), sys.modules.get("tests.conftest"))
               if module is not None and hasattr(module, "SESSION_HOME")), None)
_inherited = Path(os.environ.get("HOME", "")).name.startswith("pharmadesk-tests-home-")
if _first is not None:
    REAL_USER_DIRS, SESSION_HOME = _first.REAL_USER_DIRS, _first.SESSION_HOME
elif _inherited:                         # a worker process of the session (it may be killed): its parent's home
    SESSION_HOME = Path(os.environ["HOME"])
    REAL_USER_DIRS = {}
else:
    REAL_USER_DIRS = {kind: Path(getattr(platformdirs, f"user_{kind}_dir")("PharmaDesk", appauthor=False))
                      for kind in ("log", "data", "config", "cache", "state")}
    SESSION_HOME = Path(tempfile.mkdtemp(prefix="pharmadesk-tests-home-"))
    atexit.register(shutil.rmtree, SESSION_HOME, ignore_errors=True)
    for _variable, _under in (("HOME", "."), ("USERPROFILE", "."), ("XDG_DATA_HOME", ".local/share"),
                              ("XDG_STATE_HOME", ".local/state"), ("XDG_CONFIG_HOME", ".config"),
                              ("XDG_CACHE_HOME", ".cache"), ("APPDATA", "AppData/Roaming"),
                              ("LOCALAPPDATA", "AppData/Local")):
        os.environ[_variable] = str((SESSION_HOME / _under).resolve())
    for _variable in env.ALL:
        os.environ.pop(_variable, None)
    os.environ[env.LOG_DIR] = str(SESSION_HOME / "logs")         # a test's own folder (_logs_in_tmp) overrides it

from argon2 import PasswordHasher  # noqa: E402
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes  # noqa: E402

import pharmadesk.core.users as _users  # noqa: E402
from pharmadesk.db import keys  # noqa: E402
from pharmadesk.core.stock import ReceiptLine  # noqa: E402
from pharmadesk.core.store import Store  # noqa: E402

PASSPHRASE = "test recovery passphrase"
FAST_KDF = {"time_cost": 1, "memory_cost": 8 * 1024, "parallelism": 1}  # tests only: real Argon2id, small cost
PASSWORDS = {"owner": "owner-pass-1", "pharmacist": "pharm-pass-1", "cashier": "cash-pass-1"}
PINS = {"owner": "1111", "pharmacist": "2222", "cashier": "3333"}

# Staff passwords and PINs: real Argon2id at a small cost, tests only (like FAST_KDF for the store key).
# The production hasher is kept so a test can check its parameters.
PRODUCTION_HASHER = _users._hasher
_users._hasher = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)


class Clock:
    """A settable clock so tests control 'now' (expiry, lockout, prescriptions)."""

    def __init__(self, moment: datetime | None = None) -> None:
        self.moment = moment or datetime.now(timezone.utc).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta) -> None:
        self.moment += timedelta(**delta)


@dataclass
class Fixture:
    """Ids of the template store's contents."""

    supplier: int
    otc: int            # paracetamol, OTC, two batches
    rx: int             # ramipril, Rx-only chronic
    controlled: int     # tramadol, controlled
    expired_only: int   # a product whose only batch has expired


@pytest.fixture(autouse=True)
def _logs_in_tmp(tmp_path_factory, monkeypatch):
    """Tests never write into the real PharmaDesk log folder of the machine they run on."""
    monkeypatch.setenv(env.LOG_DIR, str(tmp_path_factory.getbasetemp() / "logs"))


@pytest.fixture(scope="session")
def template_store(tmp_path_factory):
    directory = tmp_path_factory.mktemp("template") / "store"
    store = Store.create(directory, passphrase=PASSPHRASE, store_name="Test Pharmacy", owner_username="owner",
                         owner_name="Olivia Owner", owner_password=PASSWORDS["owner"], owner_pin=PINS["owner"],
                         use_keyring=False, kdf=FAST_KDF)
    store.users.create("pharmacist", "Pat Pharmacist", "pharmacist", PASSWORDS["pharmacist"], PINS["pharmacist"])
    store.users.create("cashier", "Casey Cashier", "cashier", PASSWORDS["cashier"], PINS["cashier"])
    supplier = store.catalog.add_supplier("MedSupply", lead_time_days=2)
    otc = store.catalog.add_product(barcode="4006381333931", name="Paracetamol 500mg", generic_name="paracetamol",
                                    category="otc", legal_class="otc", price=1250, vat_rate_bp=1300,
                                    supplier_id=supplier, atc_code="N02BE01")
    rx = store.catalog.add_product(barcode="6901234567892", name="Ramipril 5mg", generic_name="ramipril",
                                   category="chronic", legal_class="rx", price=3000, days_supply=30,
                                   atc_code="C09AA05", supplier_id=supplier)
    controlled = store.catalog.add_product(barcode="TRAM50", name="Tramadol 50mg", generic_name="tramadol",
                                           category="acute", legal_class="controlled", price=2000,
                                           atc_code="N02AX02", supplier_id=supplier)
    expired_only = store.catalog.add_product(barcode="OLDSYRUP", name="Cough Syrup", generic_name="dextromethorphan",
                                             category="acute", legal_class="otc", price=1800, supplier_id=supplier)
    today = store.today()
    store.stock.receive(supplier, [
        ReceiptLine(otc, "P-LATE", today + timedelta(days=400), 10, 500),
        ReceiptLine(otc, "P-SOON", today + timedelta(days=20), 5, 480),
        ReceiptLine(rx, "R-1", today + timedelta(days=300), 20, 1500),
        ReceiptLine(controlled, "T-1", today + timedelta(days=300), 10, 900),
        ReceiptLine(expired_only, "OLD-1", today + timedelta(days=1), 4, 700),
    ])
    ids = Fixture(supplier, otc, rx, controlled, expired_only)
    key = keys.unwrap_key(keys.read_key_file(directory), PASSPHRASE)
    store.close()
    return directory, key, ids


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store_dir(template_store, tmp_path):
    directory, _key, _ids = template_store
    target = tmp_path / "store"
    shutil.copytree(directory, target)
    return target


@pytest.fixture
def ids(template_store) -> Fixture:
    return template_store[2]


@pytest.fixture
def open_store(template_store, store_dir, clock):
    """Factory: open the per-test copy of the store, logged in as ``role`` (None: nobody)."""
    _directory, key, _ids = template_store
    opened = []

    def _open(role: str | None = "owner") -> Store:
        store = Store.open(store_dir, key=key, use_keyring=False, clock=clock)
        opened.append(store)
        if role:
            store.login(role, PINS[role])
        return store

    yield _open
    for store in opened:
        try:
            store.close()
        except Exception:
            pass


@pytest.fixture
def store(open_store) -> Store:
    return open_store("owner")


def today_of(store: Store) -> date:
    return store.today()


def table_snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, in rowid order: two equal snapshots mean nothing was written."""
    tables = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    snapshot = {table: store.db.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall() for table in tables}
    snapshot["(schema)"] = store.db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    snapshot["(user_version)"] = store.db.scalar("PRAGMA user_version")
    return snapshot


def dir_hashes(directory) -> dict[str, str]:
    """SHA-256 of every file under ``directory`` (relative name -> digest)."""
    root = Path(directory)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*")) if path.is_file()
    }


@pytest.fixture
def shanghai_time(monkeypatch):
    """The process runs in Asia/Shanghai (UTC+8) for the test: local days start at 16:00 UTC the day before."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def approve_for_gsp(store: Store, ids: Fixture) -> None:
    """Switch ``store`` (logged in as the owner) to the china_gsp profile, with the test supplier's documents on
    file and approved (首营企业) and every product of the fixture approved (首营品种), each valid for a year."""
    store.set_setting("regulatory_profile", "china_gsp")
    until = store.today() + timedelta(days=365)
    for kind in ("drug_trading_licence", "business_licence", "sales_authorisation"):
        store.quality.add_document(kind, f"{kind[:3].upper()}-0001", "Issuing authority", until, supplier_id=ids.supplier)
    store.quality.approve_supplier(ids.supplier)
    for product_id in (ids.otc, ids.rx, ids.controlled, ids.expired_only):
        store.quality.approve_product(product_id, f"国药准字H2000{product_id:04d}", "NMPA", until)


@pytest.fixture
def gsp_store(open_store, ids) -> Store:
    """The test store under the china_gsp profile with its supplier and products approved, as the owner."""
    store = open_store("owner")
    approve_for_gsp(store, ids)
    return store


def _decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    """One SQLCipher 4 page's plaintext (AES-256-CBC; the last 80 bytes hold IV and HMAC; page 1 starts with
    the 16-byte salt)."""
    decryptor = Cipher(algorithms.AES(key), modes.CBC(page[4096 - 80:4096 - 64])).decryptor()
    return decryptor.update(page[16 if first else 0:4096 - 80]) + decryptor.finalize()


def decrypted_pages(path: Path, key: bytes) -> bytes:
    """The plaintext of every page of the database file or its WAL (32-byte header, then frames of a 24-byte
    header naming the page and the 4096-byte page), free pages and slack included."""
    data = path.read_bytes() if path.exists() else b""
    if path.name.endswith("-wal"):
        frames = range(32, len(data) - 4119, 4120)
        return b"".join(_decrypt_page(data[at + 24:at + 4120], key, int.from_bytes(data[at:at + 4], "big") == 1)
                        for at in frames)
    return b"".join(_decrypt_page(data[at:at + 4096], key, at == 0) for at in range(0, len(data) - 4095, 4096))
