"""Money as integer minor units (cents / fen): parsing and formatting, never floats."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation, ROUND_HALF_UP

from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")  # 1,250.00 is unambiguous; 12,50 is not
MAX_AMOUNT = 10**10  # 100 million in major units: anything larger is a typo


def parse_money(text: str | int | Decimal, field: str = "amount") -> int:
    """'12.5' -> 1250. Rejects negatives, more than two decimals and absurd sizes."""
    if isinstance(text, int) and not isinstance(text, bool):
        value = Decimal(text) / 100
    else:
        cleaned = str(text).strip()
        if "," in cleaned:
            if not _THOUSANDS.match(cleaned):
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "{field}: use a point for decimals, e.g. 12.50."), field=field)
            cleaned = cleaned.replace(",", "")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{field}: enter an amount such as 12.50."), field=field
            ) from None
    if not value.is_finite() or value < 0 or value.as_tuple().exponent < -2:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: enter an amount such as 12.50."), field=field)
    minor = int((value * 100).to_integral_value(ROUND_HALF_UP))
    if minor > MAX_AMOUNT:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{field}: the amount is too large."), field=field)
    return minor


def format_money(minor: int) -> str:
    """1250 -> '12.50'; -5 -> '-0.05'."""
    sign = "-" if minor < 0 else ""
    minor = abs(int(minor))
    return f"{sign}{minor // 100}.{minor % 100:02d}"


def vat_included(gross: int, rate_bp: int) -> int:
    """VAT contained in a VAT-inclusive ``gross`` at ``rate_bp`` basis points, rounded half up."""
    if rate_bp <= 0:
        return 0
    return int((Decimal(gross) * rate_bp / (10000 + rate_bp)).to_integral_value(ROUND_HALF_UP))


def proportion(amount: int, numerator: int, denominator: int) -> int:
    """amount * numerator / denominator, rounded half up, in integers."""
    if denominator <= 0:
        return 0
    return (2 * amount * numerator + denominator) // (2 * denominator)


def allocate(amount: int, weights: Sequence[int]) -> list[int]:
    """Split ``amount`` in proportion to ``weights`` so the shares add up to exactly ``amount`` (largest
    remainder; equal remainders go to the earlier weights). All weights zero: every share is zero."""
    if any(weight < 0 for weight in weights):
        raise ValueError("weights must not be negative")
    total = sum(weights)
    if total == 0:
        return [0] * len(weights)
    shares = [amount * weight // total for weight in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % total), i))
    for i in order[:amount - sum(shares)]:
        shares[i] += 1
    return shares
