"""Dates and times: checks at the edge and month arithmetic.

Day rules take :class:`datetime.date`; minute rules take a timezone-aware
:class:`datetime.datetime`. A naive datetime is refused: "within 10 minutes" is meaningless when
the zone is unknown. Rendering uses Asia/Shanghai unless told otherwise.

The supported range is decided here, once: every date and datetime entering the library lies
from :data:`EARLIEST` to :data:`LATEST` (1900-01-01 to 2999-12-31), and :func:`add_months` never
leaves it. A date outside is refused with an :class:`~customer_rules.errors.InputError` at the
edge, never with a raw ``OverflowError`` or ``ValueError`` somewhere inside a rule.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
from zoneinfo import ZoneInfo

from customer_rules.errors import InputError

__all__ = [
    "EARLIEST",
    "LATEST",
    "SHANGHAI",
    "add_months",
    "month_end",
    "parse_date",
    "require_aware",
    "require_date",
]

SHANGHAI = ZoneInfo("Asia/Shanghai")
"""The default zone for rendering times (China Standard Time, UTC+8, no daylight saving)."""

EARLIEST = dt.date(1900, 1, 1)
"""The first day the library accepts.

Real business dates — a customer's first trade, a contract, an archive file — are all later; an
earlier date is a typo or a placeholder (``0001-01-01``), and refusing it at the edge keeps every
backward computation (a period start, "the last six months") representable.
"""

LATEST = dt.date(2999, 12, 31)
"""The last day the library accepts.

Far beyond any real business date, and far enough below ``datetime.date.max`` (9999-12-31)
that every month or deadline computation of the library from an accepted date — up to 120 months
and 366 days ahead — stays representable. :func:`add_months` refuses a result after it.
"""

_RANGE = f"a date from {EARLIEST.isoformat()} to {LATEST.isoformat()}"
_DATETIME_RANGE = (
    f"a timezone-aware datetime on a day from {EARLIEST.isoformat()} to {LATEST.isoformat()}"
)
_FIRST_MONTH = EARLIEST.year * 12 + EARLIEST.month - 1
_LAST_MONTH = LATEST.year * 12 + LATEST.month - 1
_MAX_DATE_TEXT = 40
"""A date string longer than this is refused before parsing (a date needs 10 characters)."""
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def require_date(value: object, field: str) -> dt.date:
    """Return ``value`` if it is a plain ``date`` (not a ``datetime``) from :data:`EARLIEST` to
    :data:`LATEST`. A subclass of ``date`` is returned as a plain ``date``.

    Raises:
        InputError: naming ``field`` otherwise.
    """
    if type(value) is dt.date:
        if EARLIEST <= value <= LATEST:
            return value
        raise InputError(field, value, _RANGE)
    if isinstance(value, dt.datetime):
        raise InputError(field, value, "a date; call .date() on the datetime in the right zone")
    if isinstance(value, dt.date):  # a subclass of date: returned as a plain date
        plain = dt.date(value.year, value.month, value.day)
        if EARLIEST <= plain <= LATEST:
            return plain
        raise InputError(field, value, _RANGE)
    raise InputError(field, value, "a datetime.date")


def require_aware(value: object, field: str) -> dt.datetime:
    """Return ``value`` if it is a timezone-aware ``datetime`` whose own (wall-clock) day lies
    from :data:`EARLIEST` to :data:`LATEST`.

    Raises:
        InputError: naming ``field`` for a naive datetime, one out of range, or anything else.
    """
    if not isinstance(value, dt.datetime):
        raise InputError(field, value, "a timezone-aware datetime.datetime")
    if value.tzinfo is None:
        raise InputError(
            field, value, "a timezone-aware datetime, e.g. datetime(..., tzinfo=SHANGHAI)"
        )
    try:
        offset = value.utcoffset()
    except (ValueError, TypeError, NotImplementedError):
        # a hand-made tzinfo that returns no valid offset (or the abstract base class itself)
        raise InputError(
            field, value, "a timezone-aware datetime whose tzinfo gives a valid UTC offset"
        ) from None
    if offset is None:
        raise InputError(
            field, value, "a timezone-aware datetime, e.g. datetime(..., tzinfo=SHANGHAI)"
        )
    if not EARLIEST.year <= value.year <= LATEST.year:
        raise InputError(field, value, _DATETIME_RANGE)
    return value


def parse_date(value: object, field: str) -> dt.date:
    """Accept a ``date`` or an ISO string ``YYYY-MM-DD`` (surrounding whitespace is ignored),
    from :data:`EARLIEST` to :data:`LATEST`.

    Raises:
        InputError: naming ``field`` for anything else, for a string longer than 40 characters
            (refused before parsing), and for a date out of range.
    """
    if isinstance(value, str):
        if len(value) > _MAX_DATE_TEXT:
            raise InputError(
                field, value, f"an ISO date YYYY-MM-DD (at most {_MAX_DATE_TEXT} characters)"
            )
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(field, value, "an ISO date YYYY-MM-DD") from None
        if EARLIEST <= day <= LATEST:
            return day
        raise InputError(field, value, _RANGE)
    return require_date(value, field)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and _stdlib_calendar.isleap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month.

    Raises:
        InputError: naming ``"day"`` unless ``day`` is a date accepted by :func:`require_date`.
    """
    if type(day) is not dt.date or not EARLIEST <= day <= LATEST:
        day = require_date(day, "day")
    return day.replace(day=_days_in_month(day.year, day.month))


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months, clamped to the month's last day.

    Raises:
        InputError: naming ``"day"`` unless ``day`` is a date accepted by :func:`require_date`;
            naming ``"months"`` unless ``months`` is an ``int`` (not a ``bool``) that keeps the
            result from :data:`EARLIEST` to :data:`LATEST`.

    Example:
        >>> add_months(dt.date(2026, 8, 31), 6)
        datetime.date(2027, 2, 28)
    """
    if type(day) is not dt.date or not EARLIEST <= day <= LATEST:
        day = require_date(day, "day")
    if type(months) is not int:
        months = _require_months(months)
    start = day.year * 12 + day.month - 1
    index = start + months
    if not _FIRST_MONTH <= index <= _LAST_MONTH:
        raise InputError(
            "months",
            months,
            f"a whole number of months from {_FIRST_MONTH - start} to {_LAST_MONTH - start}, "
            f"so that {day.isoformat()} moved by it stays {_RANGE}",
        )
    year, month0 = divmod(index, 12)
    date = day.day
    if date > 28:
        date = min(date, _days_in_month(year, month0 + 1))
    return dt.date(year, month0 + 1, date)


def _require_months(value: object) -> int:
    """A number of months: an ``int`` or an ``int`` subclass (an ``IntEnum``), never a ``bool``,
    a float or a ``Decimal``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    raise InputError("months", value, "a whole number of months (an int)")
