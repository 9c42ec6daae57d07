"""UTC timestamps for storage and strict date parsing for input."""

from __future__ import annotations

from datetime import date, datetime, timezone

from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def to_iso(moment: datetime) -> str:
    """Store a moment as UTC ISO-8601 with microseconds and a +00:00 offset (sorts as text)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware UTC datetime")
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def parse_date(value: str | date, field: str) -> date:
    """Accept a date or a ``YYYY-MM-DD`` string; anything else is a clear validation error."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{field}: enter a date as YYYY-MM-DD."), field=field
        ) from None


def local_day_start(day: date) -> datetime:
    """The first moment of ``day`` in the till PC's local time, as an aware datetime (``Store.today`` is local)."""
    return datetime(day.year, day.month, day.day).astimezone()
