"""Issue 17 item 9: a malformed or damaged key file is reported as damaged, never as a traceback, never as a
wrong passphrase, and never makes Argon2 run with parameters out of bounds."""

from __future__ import annotations

import base64
import json

import pytest

from conftest import PASSPHRASE, dir_hashes
from pharmadesk import env
from pharmadesk.cli.main import main as cli_main
from pharmadesk.core.store import Store
from pharmadesk.db import keys
from pharmadesk.errors import KeyFileDamaged, WrongPassphrase


def _edit(store_dir, change):
    """Rewrite the key file as an attacker or a failing disk would: the JSON text, not through KeyFile."""
    path = store_dir / keys.KEY_FILE_NAME
    data = json.loads(path.read_text())
    data = change(data)
    path.write_text(json.dumps(data) if not isinstance(data, str) else data)


def _set_kdf(field, value):
    def change(data):
        data["kdf"][field] = value
        return data
    return change


def _set(field, value):
    def change(data):
        data[field] = value
        return data
    return change


def _flip_bit(field):
    def change(data):
        raw = bytearray(base64.b64decode(data[field]))
        raw[5] ^= 0x01
        data[field] = base64.b64encode(bytes(raw)).decode()
        return data
    return change


MALFORMED = {
    "time_cost 0": _set_kdf("time_cost", 0),
    "unknown kdf field": _set_kdf("lanes", 4),
    "string parallelism": _set_kdf("parallelism", "4"),
    "5-byte nonce": _set("nonce", base64.b64encode(b"12345").decode()),
    "JSON list": lambda data: [data],
    "kdf null": _set("kdf", None),
    "memory_cost 4 GiB": _set_kdf("memory_cost", 4 * 1024 * 1024),
    "boolean time_cost": _set_kdf("time_cost", True),
    "deeply nested": lambda data: "[" * 100_000 + "]" * 100_000,
}
DAMAGED = {
    "flipped bit in wrapped_key": _flip_bit("wrapped_key"),
    "flipped bit in salt": _flip_bit("salt"),
    "foreign store_id": _set("store_id", "0b5e2a5c-1f6e-4d1a-9b43-6f1d2e3c4b5a"),
    "lowered audit anchor": lambda data: {**data, "audit_anchor": {**data["audit_anchor"], "sequence": 1}},
}


@pytest.fixture
def kdf_calls(monkeypatch):
    """Count the Argon2 runs: a bad key file must be refused before any."""
    calls = []
    real = keys.hash_secret_raw

    def counting(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(keys, "hash_secret_raw", counting)
    return calls


@pytest.mark.parametrize("variant", list(MALFORMED) + list(DAMAGED))
def test_a_malformed_or_damaged_key_file_is_reported_as_damaged(store_dir, variant, kdf_calls, monkeypatch):
    monkeypatch.delenv(env.PASSPHRASE, raising=False)
    _edit(store_dir, {**MALFORMED, **DAMAGED}[variant])
    before = dir_hashes(store_dir)
    with pytest.raises(KeyFileDamaged) as info:
        Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False)
    assert not isinstance(info.value, WrongPassphrase)
    assert "damaged" in info.value.message and "passphrase is not the cause" in info.value.message
    assert kdf_calls == []                      # refused before Argon2 allocated or ran anything
    assert dir_hashes(store_dir) == before      # and nothing was rewritten


@pytest.mark.parametrize("variant", ["time_cost 0", "JSON list", "kdf null", "flipped bit in wrapped_key"])
def test_the_command_line_says_damaged_without_a_traceback(store_dir, variant, monkeypatch, capsys):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    _edit(store_dir, {**MALFORMED, **DAMAGED}[variant])
    assert cli_main(["info", "--store", str(store_dir)]) == 1
    err = capsys.readouterr().err
    assert "key file pharmadesk.key is damaged" in err
    assert "Traceback" not in err and "not correct" not in err


def test_a_wrong_passphrase_on_a_sound_key_file_is_still_a_wrong_passphrase(store_dir):
    with pytest.raises(WrongPassphrase) as info:
        Store.open(store_dir, passphrase="not the passphrase at all", use_keyring=False)
    assert not isinstance(info.value, KeyFileDamaged)


def test_an_old_key_file_without_check_still_opens(store_dir, template_store):
    """Key files written before issue 17 have no check value and no anchor: they open as before, and a wrong
    passphrase on them is still a wrong passphrase (nothing tells damage apart there)."""
    _edit(store_dir, lambda data: {k: v for k, v in data.items() if k not in ("check", "audit_anchor")})
    with pytest.raises(WrongPassphrase):
        Store.open(store_dir, passphrase="not the passphrase at all", use_keyring=False)
    with Store.open(store_dir, passphrase=PASSPHRASE, use_keyring=False) as store:
        assert store.settings.store_name == "Test Pharmacy"
    assert keys.unwrap_key(keys.read_key_file(store_dir), PASSPHRASE) == template_store[1]


def test_kdf_parameters_out_of_bounds_are_never_used_for_a_new_wrapping():
    with pytest.raises(KeyFileDamaged):
        keys.wrap_key(keys.new_database_key(), PASSPHRASE, "store-1",
                      {"time_cost": 1, "memory_cost": 4 * 1024 * 1024, "parallelism": 1})
