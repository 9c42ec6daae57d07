"""`pharmadesk --self-test`: the installation check the bundle build runs as its smoke test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKS = ("Qt system libraries", "Qt platform plugin", "Qt image formats", "Qt print support", "resources", "style sheet",
          "translations", "CJK font", "keyring", "demo store", "open and log in", "SQLCipher", "main window", "sale",
          "audit log")


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               # logs and caches go to the temporary folder, not the user's
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               MPLCONFIGDIR=str(tmp_path / "mpl"))
    return subprocess.run([sys.executable, "-m", "pharmadesk.cli.main", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_self_test_passes_and_reports_every_check(tmp_path):
    result = _run(tmp_path, "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("PharmaDesk ") and "self-test" in lines[0]
    for check in CHECKS:
        status = ("ok", "warn") if check == "keyring" else ("ok",)     # no keyring here is a warning, not a failure
        assert any(line.startswith(f"{s:<6}{check}") for s in status for line in lines), \
            f"{check} missing:\n{result.stdout}"
    assert not any(line.startswith("FAIL") for line in lines)
    assert "SQLCipher 4." in result.stdout
    assert "pharmadesk_zh_CN.qm" in result.stdout
    assert lines[-1].startswith("Self-test passed")
    assert not list(tmp_path.glob("data/PharmaDesk/*store*")), "the self-test must not create a real store"


def test_self_test_reports_a_failure_and_exits_1(monkeypatch, capsys):
    from pharmadesk.cli import selftest

    def broken_build(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("pharmadesk.demo.build.build_demo_store", broken_build)
    assert selftest.run_self_test() == 1
    out = capsys.readouterr().out
    assert "FAIL  demo store: OSError: disk full" in out
    assert "Self-test FAILED (1: demo store)" in out


def test_no_keyring_is_a_warning_that_says_what_to_install(monkeypatch, capsys):
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.backends import fail

    from pharmadesk.cli import selftest

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    test = selftest.SelfTest()
    assert test.check("keyring", selftest.keyring_backend) is not None
    out = capsys.readouterr().out
    assert out.startswith("warn  keyring: no usable keyring (keyring.backends.fail.Keyring)")
    assert "asked at every start" in out and "gnome-keyring" in out and "keyrings.alt is not recommended" in out
    assert test.warnings == ["keyring"] and test.failures == []

    class Working(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            return None

        def set_password(self, service, username, password):
            pass

        def delete_password(self, service, username):
            pass

    monkeypatch.setattr(keyring, "get_keyring", lambda: Working())
    test = selftest.SelfTest()
    test.check("keyring", selftest.keyring_backend)
    assert capsys.readouterr().out.startswith("ok    keyring: ") and test.warnings == []
