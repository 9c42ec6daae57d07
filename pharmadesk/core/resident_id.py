"""The 18-character resident identity number of the PRC (居民身份证号码, GB 11643): read, checked, masked.

The check is python-stdnum's ``stdnum.cn.ric`` (length, digits, the ISO 7064 MOD 11-2 check character, a real
birth date and an issuing region). A number read here is personal data: it is never logged, put in an error
message or audited (core/ephedrine.py keeps it sealed).
"""

from __future__ import annotations

import re

from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumError

from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

_SHAPE = re.compile(r"[0-9]{17}[0-9X]", re.ASCII)


def parse_resident_id(text: object) -> str:
    """The ID number in ``text`` (spaces ignored, a lower-case x read as X), checked against GB 11643; a plain
    :class:`ValidationError` for anything else, which never repeats the number."""
    if not isinstance(text, str):
        raise _invalid()
    number = "".join(text.split()).upper()
    if not _SHAPE.fullmatch(number):
        raise _invalid()
    try:
        return ric.validate(number)
    except (StdnumError, ValueError, KeyError):
        raise _invalid() from None


def mask_resident_id(number: str) -> str:
    """The region (first 6) and the last 4 characters, the birth date and sequence hidden: 110105********002X."""
    return number[:6] + "*" * (len(number) - 10) + number[-4:] if len(number) > 10 else "*" * len(number)


def _invalid() -> ValidationError:
    return ValidationError(QT_TRANSLATE_NOOP(
        "errors", "That is not a valid 18-character resident ID number: check it against the ID card."))
