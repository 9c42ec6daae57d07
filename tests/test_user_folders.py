"""The test suite writes only to temporary folders: a failing command's log line lands in the session's
temporary home (tests/conftest.py), and the real user's log, data and config folders are left as they were."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pharmadesk import env, paths
from pharmadesk.cli.main import main as cli_main

from conftest import REAL_USER_DIRS, SESSION_HOME

ROOT = Path(__file__).resolve().parents[1]


def _state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time (empty when the folder is missing)."""
    if not folder.exists():
        return {}
    return {str(path): (path.stat().st_size, path.stat().st_mtime_ns) for path in folder.rglob("*") if path.is_file()}


def test_the_user_folders_point_into_the_session_home():
    for folder in (paths.data_dir(), paths.log_dir(), paths.default_store_dir(), paths.demo_store_dir()):
        assert folder.resolve().is_relative_to(SESSION_HOME.resolve()), folder
    assert Path(os.environ["HOME"]).resolve() == SESSION_HOME.resolve()
    assert all(not folder.resolve().is_relative_to(SESSION_HOME.resolve()) for folder in REAL_USER_DIRS.values())


def test_a_failing_command_logs_only_into_temporary_folders(tmp_path, monkeypatch, capsys):
    before = {kind: _state(folder) for kind, folder in REAL_USER_DIRS.items()}
    corrupt = tmp_path / "store"
    corrupt.mkdir()
    (corrupt / "pharmadesk.db").write_bytes(b"not a database at all" * 100)
    (corrupt / "pharmadesk.key").write_text("{ broken", encoding="utf-8")
    monkeypatch.delenv(env.LOG_DIR)                      # the default folders, as a user's command would use
    assert cli_main(["info", "--store", str(corrupt)]) == 1
    assert "pharmadesk:" in capsys.readouterr().err
    # the same, as a separate process (what the README's command and the CI run)
    run = subprocess.run([sys.executable, "-m", "pharmadesk.cli.main", "info", "--store", str(corrupt)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={k: v for k, v in os.environ.items() if k != env.LOG_DIR})
    assert run.returncode == 1, run.stdout + run.stderr

    logged = (paths.log_dir() / "pharmadesk.log").read_text(encoding="utf-8")
    assert logged.count("command info failed: ") >= 2                       # it was logged, in the session home
    assert paths.log_dir().resolve().is_relative_to(SESSION_HOME.resolve())
    assert {kind: _state(folder) for kind, folder in REAL_USER_DIRS.items()} == before
