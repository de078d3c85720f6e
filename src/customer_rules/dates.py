"""Dates and times: checks at the edge and month arithmetic.

Day rules take :class:`datetime.date`; minute rules take a timezone-aware
:class:`datetime.datetime`. A naive datetime is refused: "within 10 minutes" is meaningless when
the zone is unknown. Rendering uses Asia/Shanghai unless told otherwise.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
from zoneinfo import ZoneInfo

from customer_rules.errors import InputError

__all__ = [
    "SHANGHAI",
    "add_months",
    "month_end",
    "parse_date",
    "require_aware",
    "require_date",
]

SHANGHAI = ZoneInfo("Asia/Shanghai")
"""The default zone for rendering times (China Standard Time, UTC+8, no daylight saving)."""


def require_date(value: object, field: str) -> dt.date:
    """Return ``value`` if it is a plain ``date`` (not a ``datetime``).

    Raises:
        InputError: naming ``field`` otherwise.
    """
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        raise InputError(field, value, "a date; call .date() on the datetime in the right zone")
    raise InputError(field, value, "a datetime.date")


def require_aware(value: object, field: str) -> dt.datetime:
    """Return ``value`` if it is a timezone-aware ``datetime``.

    Raises:
        InputError: naming ``field`` for a naive datetime or anything else.
    """
    if not isinstance(value, dt.datetime):
        raise InputError(field, value, "a timezone-aware datetime.datetime")
    if value.tzinfo is None or value.utcoffset() is None:
        raise InputError(
            field, value, "a timezone-aware datetime, e.g. datetime(..., tzinfo=SHANGHAI)"
        )
    return value


def parse_date(value: object, field: str) -> dt.date:
    """Accept a ``date`` or an ISO string ``YYYY-MM-DD``.

    Raises:
        InputError: naming ``field`` for anything else.
    """
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(field, value, "an ISO date YYYY-MM-DD") from None
    return require_date(value, field)


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month."""
    return day.replace(day=_stdlib_calendar.monthrange(day.year, day.month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months, clamped to the month's last day.

    Example:
        >>> add_months(dt.date(2026, 8, 31), 6)
        datetime.date(2027, 2, 28)
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = _stdlib_calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))
