"""Private: a clock that runs only in business hours on a calendar's working days, and stops
while paused — what the S3 response and resolution targets count in.

The shared vocabulary counts whole days (:class:`~customer_rules.calendars.Deadline`); a
help-desk target counts hours of the working day. :class:`BusinessHours` is the working day's
span in Asia/Shanghai wall-clock time; the working days are the
:class:`~customer_rules.calendars.Calendar`'s. Pauses are closed intervals of aware datetimes
(an open one has no end yet) that do not overlap.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Sequence

from customer_rules.calendars import Calendar
from customer_rules.dates import SHANGHAI
from customer_rules.errors import InputError, Problem
from customer_rules.settings import Mark, Unit, policy, setting

__all__ = ["BusinessHours"]

_HHMM = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
_ONE_DAY = dt.timedelta(days=1)
_MAX_SCAN_DAYS = 20 * 366
"""The most days a clock walks looking for business time before it gives up (a calendar with no
working days, a target far beyond any help desk's)."""
_SOURCE = "S3; design: business-hours clock (help-desk SLA: first response and resolution)"

Pause = tuple[dt.datetime, dt.datetime | None]


def _time(text: str) -> dt.time | None:
    match = _HHMM.fullmatch(text) if isinstance(text, str) else None
    return dt.time(int(match[1]), int(match[2])) if match else None


@policy
class BusinessHours:
    """The span of a working day, in Asia/Shanghai wall-clock time (``"HH:MM"``, 24-hour).

    Attributes:
        opens: when the working day starts [default: 09:00].
        closes: when it ends, after ``opens`` [default: 17:00 — eight business hours a day].

    Raises:
        PolicyError: for a time that is not ``HH:MM`` or a day that closes before it opens.

    Example:
        >>> BusinessHours("08:30", "17:30").seconds_a_day
        32400
    """

    opens: str = setting(default="09:00", unit=Unit.TEXT, source=_SOURCE, mark=Mark.DEFAULT)
    closes: str = setting(default="17:00", unit=Unit.TEXT, source=_SOURCE, mark=Mark.DEFAULT)

    def _check(self) -> Iterator[Problem]:
        opens, closes = _time(self.opens), _time(self.closes)
        for name, value in (("opens", opens), ("closes", closes)):
            if value is None:
                yield Problem.mismatch(name, getattr(self, name), "a time HH:MM, e.g. '09:00'")
        if opens is not None and closes is not None and not opens < closes:
            yield Problem.mismatch("closes", self.closes, f"a time after opens ({self.opens})")

    @functools.cached_property
    def _span(self) -> tuple[dt.time, dt.time]:
        opens, closes = _time(self.opens), _time(self.closes)
        assert opens is not None
        assert closes is not None
        return opens, closes

    @property
    def seconds_a_day(self) -> int:
        """The business seconds of one working day."""
        opens, closes = self._span
        return (closes.hour - opens.hour) * 3600 + (closes.minute - opens.minute) * 60

    def day_span(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """The business hours of ``day`` as two aware datetimes in Asia/Shanghai."""
        opens, closes = self._span
        return (
            dt.datetime.combine(day, opens, tzinfo=SHANGHAI),
            dt.datetime.combine(day, closes, tzinfo=SHANGHAI),
        )


def _intervals(
    hours: BusinessHours, calendar: Calendar, start: dt.datetime
) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """The business intervals from ``start`` on, day by day (the first clipped to ``start``)."""
    day = start.astimezone(SHANGHAI).date()
    limit = _MAX_SCAN_DAYS
    for _ in range(limit):
        if calendar.is_working_day(day):
            opens, closes = hours.day_span(day)
            if closes > start:
                yield (max(opens, start), closes)
        day += _ONE_DAY
    raise InputError("calendar", calendar, f"working days within {limit} days after {start}")


def business_seconds(
    start: dt.datetime, end: dt.datetime, hours: BusinessHours, calendar: Calendar
) -> int:
    """The business seconds from ``start`` to ``end`` (0 when ``end`` is not after ``start``)."""
    if end <= start:
        return 0
    total = 0
    day = start.astimezone(SHANGHAI).date()
    last = end.astimezone(SHANGHAI).date()
    while day <= last:
        if calendar.is_working_day(day):
            opens, closes = hours.day_span(day)
            a, b = max(opens, start), min(closes, end)
            if b > a:
                total += int((b - a).total_seconds())
        day += _ONE_DAY
    return total


def running_seconds(
    start: dt.datetime,
    end: dt.datetime,
    hours: BusinessHours,
    calendar: Calendar,
    pauses: Sequence[Pause],
) -> int:
    """The business seconds from ``start`` to ``end`` less those inside ``pauses``."""
    total = business_seconds(start, end, hours, calendar)
    for p_start, p_end in pauses:
        a, b = max(p_start, start), min(p_end if p_end is not None else end, end)
        if b > a:
            total -= business_seconds(a, b, hours, calendar)
    return total


def advance(
    start: dt.datetime,
    seconds: int,
    hours: BusinessHours,
    calendar: Calendar,
    pauses: Sequence[Pause],
) -> dt.datetime | None:
    """The moment the clock started at ``start`` has run ``seconds`` business seconds, skipping
    ``pauses``; ``None`` when an open pause stops it first."""
    left = seconds
    ordered = sorted(pauses, key=lambda p: p[0])
    if left <= 0:
        return start
    for a, b in _intervals(hours, calendar, start):
        cursor = a
        for p_start, p_end in ordered:
            if (p_end is not None and p_end <= cursor) or p_start >= b:
                continue
            if p_start > cursor:
                run = int((p_start - cursor).total_seconds())
                if run >= left:
                    return cursor + dt.timedelta(seconds=left)
                left -= run
            if p_end is None:
                return None
            cursor = max(cursor, p_end)
            if cursor >= b:
                break
        if cursor < b:
            run = int((b - cursor).total_seconds())
            if run >= left:
                return cursor + dt.timedelta(seconds=left)
            left -= run
    return None  # pragma: no cover - _intervals raises first
