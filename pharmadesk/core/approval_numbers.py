"""China's product approval numbers (批准文号 and device registration numbers): their forms and the check.

Drugs carry 国药准字 + a letter + 8 digits (H chemical, Z traditional Chinese medicine, S biological, J imported
and packed in China, B health-care drug, F/T pharmaceutical excipient and in-vitro reagent under old rules).
Medical devices carry a registration number (国械注准 / 国械注进 / 国械注许, or a province's 械注准, + 11 digits)
or a filing number (械备, e.g. 苏苏械备20150012号). Health foods carry 国食健注 / 国食健字 + G or J + 8 digits,
or 食健备 + G or J + 12 to 13 digits. Imported drugs keep their registration certificate number
(H/Z/S + 8 digits). The check is on form only: whether a number exists is the regulator's database.
"""

from __future__ import annotations

import re
import unicodedata

from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

_PROVINCES = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘青蒙桂藏宁新港澳台"
FORMS = {
    "drug": re.compile(r"^国药准字[HZSJBFT]\d{8}$"),
    "imported_drug": re.compile(r"^[HZS][CJ]?\d{8}$"),
    "device": re.compile(rf"^(国|[{_PROVINCES}])械注[准进许]\d{{11}}$"),
    "device_filing": re.compile(rf"^[{_PROVINCES}]{{1,2}}[{_PROVINCES}]?械备\d{{8}}号?$"),
    "health_food": re.compile(r"^(国食健[注字][GJ]\d{8}|食健备[GJ]\d{12,13})$"),
}


def normalize_approval_number(text: str | None) -> str | None:
    """The number as it is printed: full-width letters and digits made plain, spaces removed, letters upper case."""
    if text is None:
        return None
    plain = unicodedata.normalize("NFKC", text)
    plain = "".join(plain.split()).upper()
    return plain or None


def kind_of(number: str) -> str | None:
    """Which form ``number`` (normalised) has: a key of :data:`FORMS`, or None."""
    for kind, pattern in FORMS.items():
        if pattern.match(number):
            return kind
    return None


def validate_approval_number(text: str | None) -> str | None:
    """The normalised approval number, or :class:`ValidationError` naming the expected forms; empty is None."""
    number = normalize_approval_number(text)
    if number is None:
        return None
    if kind_of(number) is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "That approval number is not in a known form: 国药准字 + H/Z/S/J + 8 digits for a drug, "
                      "国械注准 + 11 digits (or a filing number 械备) for a device."))
    return number
