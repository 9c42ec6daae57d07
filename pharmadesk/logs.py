"""The program's log file: rotating, in the platform's log folder, and without personal data.

    path = setup_logging()                 # <log_dir()>/pharmadesk.log, 1 MB x 5 files
    log = logging.getLogger(__name__)      # in any module
    log.info("sale committed: %s, total %d", receipt_no, total)

The first line of defence is that PharmaDesk's code never logs personal data: it logs ids,
receipt numbers, counts and amounts, never a member's name, phone, card number, birth date or
health data, nor a user name typed at the login (a password is often typed there by mistake).
The second line is :class:`RedactingFilter` on the file handler: anything that still looks
like a phone number or other long digit run (7 or more digits, also with spaces, dashes or
brackets between them, which covers EAN-13 card numbers), or like an e-mail address, is
replaced by ``[redacted]`` in the message, its arguments and any traceback, also in records
from other libraries.

Only the ``pharmadesk`` loggers follow ``level``; other libraries' records reach the file
from WARNING up, so a DEBUG session is not flooded by matplotlib's font search.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

from pharmadesk import env
from pharmadesk.paths import PRIVATE_FILE_MODE, log_dir, make_private

LOG_FILE_NAME = "pharmadesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
REDACTED = "[redacted]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 7+ digits, optionally with a leading + and up to two separators between them ("(010) 6552-9988");
# not glued to letters, so receipt numbers like S00000042 and hex digests stay readable. Amounts are
# logged with thousands separators (1,234,567), which keeps them readable too.
_DIGITS = re.compile(r"(?<![\w+])\+?\d(?:[ \-().\u00a0]{0,2}\d){6,}(?![\w])")


def redact(text: str) -> str:
    """``text`` with e-mail addresses and phone-like digit runs replaced by ``[redacted]``."""
    return _DIGITS.sub(REDACTED, _EMAIL.sub(REDACTED, text))


class RedactingFilter(logging.Filter):
    """Rewrite each record so that what looks like a phone, card number or e-mail never reaches the file."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = redact(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _Handler(logging.handlers.RotatingFileHandler):
    """PharmaDesk's file handler (a class of its own so :func:`setup_logging` can find and replace it).

    Every log file it opens, also after a rotation, is readable by this PC's user only (0600)."""

    def _open(self):
        stream = open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors,
                      opener=lambda name, flags: os.open(name, flags, PRIVATE_FILE_MODE))
        make_private(self.baseFilename)
        return stream


def setup_logging(directory: str | Path | None = None, level: int = logging.INFO) -> Path:
    """Log to ``directory`` (default ``$PHARMADESK_LOG_DIR`` or the platform's log folder) and return the
    log file's path. Calling it again replaces the earlier set-up."""
    folder = Path(directory or os.environ.get(env.LOG_DIR) or log_dir()).expanduser()
    ours = not folder.exists() or not (directory or os.environ.get(env.LOG_DIR))
    folder.mkdir(parents=True, exist_ok=True)
    if ours:                # a folder someone chose and made for us keeps the rights they gave it
        make_private(folder)
    path = folder / LOG_FILE_NAME
    stop_logging()
    handler = _Handler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=False)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter())
    logging.getLogger().addHandler(handler)
    logging.getLogger("pharmadesk").setLevel(level)
    logging.captureWarnings(True)
    return path


def stop_logging() -> None:
    """Close and remove the handler :func:`setup_logging` added (if any)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _Handler):
            root.removeHandler(handler)
            handler.close()
