"""Before Qt starts: a missing system library is named with its package (not Qt's misleading xcb-cursor abort),
no display is said plainly, and the self-test runs offscreen where there is no display."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pharmadesk import qt_platform

ROOT = Path(__file__).resolve().parents[1]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's platform libraries: Linux only")


def _qt_with_a_missing_library(tmp_path: Path) -> Path:
    """A copy of PySide6's Qt folder whose xcb platform library needs libxcb-icccm.so.9, which no PC has: the
    real ELF file with one byte of its needed-library name changed, so the loader itself reports it missing."""
    real = qt_platform.pyside_qt_dir()
    fake = tmp_path / "Qt"
    (fake / "lib").mkdir(parents=True)
    (fake / "plugins" / "platforms").mkdir(parents=True)
    for path in (real / "lib").iterdir():
        (fake / "lib" / path.name).symlink_to(path)
    (fake / "plugins" / "platforms" / "libqxcb.so").symlink_to(real / "plugins" / "platforms" / "libqxcb.so")
    patched = fake / "lib" / "libQt6XcbQpa.so.6"
    patched.unlink()
    data = (real / "lib" / "libQt6XcbQpa.so.6").read_bytes()
    assert b"libxcb-icccm.so.4\x00" in data
    patched.write_bytes(data.replace(b"libxcb-icccm.so.4\x00", b"libxcb-icccm.so.9\x00"))
    return fake


@linux_only
def test_the_loader_names_a_missing_xcb_library_and_its_package(tmp_path):
    fake = _qt_with_a_missing_library(tmp_path)
    real = qt_platform.platform_problem({"DISPLAY": ":0"})          # None where every xcb library is installed
    problem = qt_platform.platform_problem({"DISPLAY": ":0"}, fake)
    assert problem is not None and problem.platform == "xcb" and not problem.no_display
    assert set(problem.missing) == {"libxcb-icccm.so.9", *(real.missing if real else ())}
    assert "libxcb-icccm4" in problem.packages
    message = problem.message()
    assert "sudo apt-get install -y " in message and "libxcb-icccm4" in message and "libxcb-icccm.so.9" in message
    assert "缺少系统库" in message and "xcb-cursor0 or libxcb-cursor0 is needed" not in message


@linux_only
def test_pharmadesk_demo_prints_the_missing_library_instead_of_starting_qt(tmp_path, monkeypatch, capsys):
    from pharmadesk.cli.main import main

    fake = _qt_with_a_missing_library(tmp_path)
    monkeypatch.setattr(qt_platform, "pyside_qt_dir", lambda: fake)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert main(["--demo"]) == 1
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.9" in err and "sudo apt-get install -y " in err and "libxcb-icccm4" in err


def test_without_ldd_each_known_library_is_tried_with_ctypes(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert qt_platform.missing_by_ldd([Path("/bin/sh")]) is None
    missing = qt_platform.missing_by_ctypes(["libpharmadesk-not-here.so.3", "libc.so.6"])
    assert missing == ["libpharmadesk-not-here.so.3"]


def test_ldd_output_is_read_for_not_found_lines():
    output = ("\tlinux-vdso.so.1 (0x00007ffd)\n\tlibxcb-icccm.so.4 => not found\n"
              "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)\n\tlibxcb-keysyms.so.1 => not found\n"
              "\tlibxcb-icccm.so.4 => not found\n")
    assert qt_platform.parse_ldd(output) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert [qt_platform.package_of(name) for name in ("libxcb-keysyms.so.1", "libxcb-cursor.so.0", "libEGL.so.1",
                                                       "libnothing.so.1")] == \
        ["libxcb-keysyms1", "libxcb-cursor0", "libegl1", None]


@linux_only
def test_display_and_platform_are_read_from_the_environment():
    assert not qt_platform.has_display({}) and qt_platform.has_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert qt_platform.chosen_platform({}) == "xcb"
    assert qt_platform.chosen_platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert qt_platform.chosen_platform({"WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland"}) == "wayland"
    assert qt_platform.platform_problem({}).no_display
    assert qt_platform.platform_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    environ = {}
    assert qt_platform.use_offscreen_without_display(environ) and environ == {"QT_QPA_PLATFORM": "offscreen"}
    assert not qt_platform.use_offscreen_without_display({"DISPLAY": ":0"})
    assert not qt_platform.use_offscreen_without_display({"QT_QPA_PLATFORM": "xcb"})


def _without_display(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return dict(env, HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
                XDG_STATE_HOME=str(tmp_path / "state"), XDG_CACHE_HOME=str(tmp_path / "cache"),
                XDG_CONFIG_HOME=str(tmp_path / "config"), MPLCONFIGDIR=str(tmp_path / "mpl"))


@linux_only
def test_with_no_display_the_demo_says_so_and_the_self_test_runs_offscreen(tmp_path):
    env = _without_display(tmp_path)
    demo = subprocess.run([sys.executable, "-m", "pharmadesk.cli.main", "--demo"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert demo.returncode == 1
    assert "there is no display" in demo.stderr and "没有可用的显示" in demo.stderr
    assert "xcb" not in demo.stderr                      # Qt never started, so its abort message never came
    assert not (tmp_path / "data" / "PharmaDesk" / "demo-store").exists()
    test = subprocess.run([sys.executable, "-m", "pharmadesk.cli.main", "--self-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert test.returncode == 0, test.stdout + test.stderr
    assert "note  no display" in test.stdout
    assert "ok    Qt platform plugin: platform 'offscreen'" in test.stdout
    assert "ok    Qt system libraries: none missing" in test.stdout


def test_the_readme_lists_every_package_the_loader_check_knows_and_keeps_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```")[1::2]
    commands = [block.strip() for block in blocks if "pharmadesk" in block or "pytest" in block]
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/pharmadesk --demo",
        "python3 -m venv .venv && .venv/bin/pip install '.[test]' && QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest",  # noqa: E501
    ]
    apt = [block for block in blocks if "apt-get install" in block]
    assert len(apt) == 1
    listed = set(apt[0].replace("\\", " ").split()) - {"sudo", "apt-get", "install", "-y"}
    assert {"python3-venv", *qt_platform.QT_GUI_LIBRARIES.values(), *qt_platform.XCB_LIBRARIES.values()} == listed
    assert "fonts-noto-cjk" not in readme
