"""Receipts for ESC/POS thermal printers: plain bytes, built by pure functions, sent to a device or TCP port.

    data = escpos_bytes(receipt_text_lines(...))      # ESC @, the lines in GB18030, feed, GS V 0 (cut)
    send_escpos(data, "/dev/usb/lp0")                 # a device or file path (Windows: \\\\.\\COM3, a share)
    send_escpos(data, "192.168.1.50:9100")            # a network printer's raw port

Chinese text is encoded in GB18030, the encoding Chinese ESC/POS printers use in their Chinese
mode (selected with FS &, which the printers without it ignore). Column widths count a CJK
character as two columns, as the printer prints it.
"""

from __future__ import annotations

import re
import socket
import unicodedata
from pathlib import Path

ESC_INIT = b"\x1b@"             # ESC @: reset the printer
FS_CHINESE_ON = b"\x1c&"        # FS &: Chinese character mode (GB18030 double-byte text)
FEED_BEFORE_CUT = b"\x1bd\x04"  # ESC d 4: feed four lines so the cut falls below the last line
CUT = b"\x1dV\x00"              # GS V 0: full cut
ENCODING = "gb18030"
DEFAULT_WIDTH = 32              # columns of a 58 mm printer's standard font (80 mm: 48)

_HOST_PORT = re.compile(r"^(?P<host>[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:]+\]):(?P<port>\d{1,5})$")


def text_width(text: str) -> int:
    """Printed columns of ``text``: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` printed columns."""
    out, used = [], 0
    for ch in text:
        w = text_width(ch)
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out)


def two_columns(left: str, right: str, width: int = DEFAULT_WIDTH) -> str:
    """``left`` and ``right`` on one line, ``right`` flush with the right edge."""
    right = fit(right, width)
    left = fit(left, max(0, width - text_width(right) - 1))
    return left + " " * (width - text_width(left) - text_width(right)) + right


def centred(text: str, width: int = DEFAULT_WIDTH) -> str:
    text = fit(text, width)
    return " " * ((width - text_width(text)) // 2) + text


def escpos_bytes(lines: list[str], *, cut: bool = True) -> bytes:
    """The byte stream printing ``lines``: init, Chinese mode, each line + LF in GB18030, feed and cut."""
    body = b"".join(line.encode(ENCODING, errors="replace") + b"\n" for line in lines)
    return ESC_INIT + FS_CHINESE_ON + body + (FEED_BEFORE_CUT + CUT if cut else b"")


def parse_target(target: str) -> tuple[str, str]:
    """``("tcp", "host:port")`` for a network printer, else ``("path", target)`` (an existing path wins)."""
    target = target.strip()
    match = _HOST_PORT.match(target)
    if match and not Path(target).exists():
        return "tcp", target
    return "path", target


def send_escpos(data: bytes, target: str, timeout: float = 3.0) -> None:
    """Write ``data`` to ``target``: ``host:port`` (raw TCP, usually port 9100) or a device/file path.
    Raises OSError when the printer cannot be reached."""
    kind, where = parse_target(target)
    if kind == "tcp":
        host, _, port = str(where).rpartition(":")
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout) as conn:
            conn.sendall(data)
        return
    with open(where, "ab") as device:       # append: a device ignores it, a test file keeps every receipt
        device.write(data)
        device.flush()
