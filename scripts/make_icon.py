"""Render resources/icons/pharmadesk.svg to pharmadesk.png (256 px) and a multi-size pharmadesk.ico.

    QT_QPA_PLATFORM=offscreen python scripts/make_icon.py

Qt draws each size from the SVG (QSvgRenderer, in PySide6-Essentials), so the small sizes are
rendered sharp rather than scaled down. Qt's ICO writer stores one image per file, so the .ico is
assembled here: one PNG-compressed entry per size (16, 32, 48, 256), which Windows Vista and later,
PyInstaller and Inno Setup all read. No third-party package is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 32, 48, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO file holding ``images`` as PNG entries (ICONDIR, ICONDIRENTRY x n, then the data)."""
    blobs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = 6 + 16 * len(blobs)
    entries = b""
    for image, blob in zip(images, blobs):
        side = image.width() if image.width() < 256 else 0     # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return header + entries + b"".join(blobs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 - QImage text/fonts need it
    renderer = QSvgRenderer(str(ICONS / "pharmadesk.svg"))
    if not renderer.isValid():
        print("pharmadesk.svg cannot be read", file=sys.stderr)
        return 1
    render(renderer, 256).save(str(ICONS / "pharmadesk.png"), "PNG")
    (ICONS / "pharmadesk.ico").write_bytes(ico_bytes([render(renderer, size) for size in ICO_SIZES]))
    print(f"wrote {ICONS / 'pharmadesk.png'} and {ICONS / 'pharmadesk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
