"""Before Qt starts: is there a display, and does this PC have the system libraries Qt's platform plugin needs?

When a library is missing, Qt aborts the process with "From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to
load the Qt xcb platform plugin", whatever the missing library really is (libxcb-icccm4, libxcb-keysyms1, ...).
So the program asks the dynamic loader first (``ldd`` on the plugin, or ``ctypes`` for each known library where
there is no ``ldd``) and prints the missing libraries and the command that installs them. This runs before any
Qt module is imported (a missing libEGL or libfontconfig makes even ``import PySide6.QtGui`` fail), so its text
is plain English and Chinese printed to the console, not a Qt translation. No Qt here.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# The system libraries PySide6's Qt links against that a fresh Debian/Ubuntu may lack, and their packages
# (Debian 12 and Ubuntu 22.04/24.04 use the same names). Found with `ldd` on PySide6 6.8-6.11's libraries.
QT_GUI_LIBRARIES = {                    # any platform, offscreen included (QtGui, QtWidgets, fonts)
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
XCB_LIBRARIES = {                       # the X11 (xcb) platform plugin, the desktop window on Linux
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
WAYLAND_LIBRARIES = {"libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0"}
PLUGIN_LIBRARIES = {"xcb": XCB_LIBRARIES, "wayland": WAYLAND_LIBRARIES}


@dataclass(frozen=True)
class PlatformProblem:
    """Why Qt cannot start here: no display, or libraries missing (their file names and packages)."""

    platform: str
    no_display: bool = False
    missing: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()

    def message(self) -> str:
        """What to tell the person at the console, in English and Chinese (Qt and its translations cannot load)."""
        if self.no_display:
            return ("pharmadesk: there is no display (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot "
                    "open.\n  Start it from the desktop, or check this installation with: pharmadesk --self-test\n"
                    "pharmadesk: 没有可用的显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。\n"
                    "  请在桌面环境中启动，或用 pharmadesk --self-test 检查安装。")
        libraries = ", ".join(self.missing)
        install = f"sudo apt-get install -y {' '.join(self.packages)}" if self.packages else ""
        lines = [f"pharmadesk: Qt cannot start its '{self.platform}' platform plugin: these system libraries are "
                 f"missing: {libraries}"]
        if install:
            lines.append(f"  Debian/Ubuntu: {install}")
        lines.append(f"pharmadesk: 缺少系统库，Qt 无法启动（{self.platform}）：{libraries}")
        if install:
            lines.append(f"  Debian/Ubuntu 安装命令：{install}")
        return "\n".join(lines)


def is_linux() -> bool:
    return sys.platform.startswith("linux")


def has_display(environ=None) -> bool:
    """False only on Linux with neither ``DISPLAY`` nor ``WAYLAND_DISPLAY`` set (a server, ssh, a container)."""
    environ = os.environ if environ is None else environ
    return not is_linux() or bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def chosen_platform(environ=None) -> str:
    """The platform plugin Qt will load: the first of ``QT_QPA_PLATFORM``, else wayland in a Wayland session
    with a Wayland display, else xcb."""
    environ = os.environ if environ is None else environ
    asked = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if asked:
        return asked
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def use_offscreen_without_display(environ=None) -> bool:
    """For checks that need no window (the self-test): with no display on Linux and no ``QT_QPA_PLATFORM``,
    set it to ``offscreen`` instead of letting Qt abort. Returns True when it did."""
    environ = os.environ if environ is None else environ
    if has_display(environ) or environ.get("QT_QPA_PLATFORM"):
        return False
    environ["QT_QPA_PLATFORM"] = "offscreen"
    return True


def pyside_qt_dir() -> Path | None:
    """PySide6's Qt folder (libraries and plugins), found without importing any Qt module."""
    spec = importlib.util.find_spec("PySide6")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / "Qt").is_dir():
            return Path(location) / "Qt"
    return None


def qt_files(platform: str, qt_dir: Path | None = None) -> list[Path]:
    """The Qt libraries and the platform plugin that starting the program on ``platform`` loads."""
    qt_dir = qt_dir or pyside_qt_dir()
    if qt_dir is None:
        return []
    names = ["lib/libQt6Gui.so.6", "lib/libQt6Widgets.so.6", f"plugins/platforms/libq{platform}.so"]
    if platform == "xcb":
        names.append("lib/libQt6XcbQpa.so.6")
    return [qt_dir / name for name in names if (qt_dir / name).is_file()]


def parse_ldd(output: str) -> list[str]:
    """The libraries ``ldd`` reports as ``not found``, in its order, once each."""
    return list(dict.fromkeys(re.findall(r"^\s*(\S+)\s+=>\s+not found", output, flags=re.MULTILINE)))


def missing_by_ldd(files: list[Path]) -> list[str] | None:
    """Libraries the loader cannot find for ``files`` (None: no ``ldd`` here)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    missing: list[str] = []
    for path in files:
        run = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=30)
        missing += [name for name in parse_ldd(run.stdout) if name not in missing]
    return missing


def missing_by_ctypes(libraries) -> list[str]:
    """The known libraries that ``ctypes`` cannot load (the fallback where there is no ``ldd``)."""
    missing = []
    for name in libraries:
        try:
            ctypes.CDLL(name)
        except OSError:
            missing.append(name)
    return missing


def package_of(library: str) -> str | None:
    """The Debian/Ubuntu package of a library file name (also for another version: libfoo.so.9 -> libfoo's)."""
    known = {**QT_GUI_LIBRARIES, **XCB_LIBRARIES, **WAYLAND_LIBRARIES}
    if library in known:
        return known[library]
    stem = library.split(".so")[0]
    return next((package for name, package in known.items() if name.split(".so")[0] == stem), None)


def platform_problem(environ=None, qt_dir: Path | None = None, *, window: bool = True) -> PlatformProblem | None:
    """Why Qt would abort starting here, or None. ``window=False`` (the self-test, offscreen) skips the display
    check. On Windows and macOS Qt ships everything it needs: always None there."""
    environ = os.environ if environ is None else environ
    if not is_linux():
        return None
    platform = chosen_platform(environ)
    if window and platform in PLUGIN_LIBRARIES and not has_display(environ):
        return PlatformProblem(platform, no_display=True)
    files = qt_files(platform, qt_dir)
    missing = missing_by_ldd(files) if files else None
    if missing is None:
        missing = missing_by_ctypes([*QT_GUI_LIBRARIES, *PLUGIN_LIBRARIES.get(platform, {})])
    if not missing:
        return None
    packages = tuple(dict.fromkeys(p for p in map(package_of, missing) if p))
    return PlatformProblem(platform, missing=tuple(missing), packages=packages)
