"""The application icon, DPI-aware: a QIcon made from the SVG draws sharp at any scale factor;
without Qt's SVG icon engine (a trimmed bundle) it falls back to the 256 px PNG, which Qt scales down."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from pharmadesk.paths import RESOURCES

ICONS = RESOURCES / "icons"
APP_ICON_SVG = ICONS / "pharmadesk.svg"
APP_ICON_PNG = ICONS / "pharmadesk.png"


def app_icon() -> QIcon:
    icon = QIcon(str(APP_ICON_SVG)) if APP_ICON_SVG.exists() else QIcon()
    if icon.isNull() or not icon.availableSizes() and icon.pixmap(32, 32).isNull():
        icon = QIcon(str(APP_ICON_PNG))
    return icon
