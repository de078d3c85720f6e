"""Calendars and deadlines.

Every "within N days" of the regulations is a :class:`Deadline` evaluated against a
:class:`Calendar`. Three modes are available to every policy deadline:

* ``CALENDAR_DAYS`` — count calendar days (the catalogue's default reading of "days");
* ``WORKING_DAYS`` — count only working days of the calendar;
* ``CALENDAR_THEN_ROLL`` — count calendar days, then roll a due date that falls on a rest day
  forward to the next working day.

Two calendars ship: :data:`CALENDAR_DAYS` (every day is a working day; covers every date) and
:class:`WorkingDayCalendar`, a frozen data table of official holidays and make-up workdays (调休)
for the years it covers. ``customer_rules.cn_calendar.china_working_days()`` builds the latter
from the maintained ``chinesecalendar`` package (``pip install customer_rules[cn]``). A working-day
calendar asked about a year outside its data raises :class:`CalendarCoverageError` — it never
guesses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Protocol, runtime_checkable

import attrs

from customer_rules.dates import require_date
from customer_rules.errors import CalendarCoverageError, InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.settings import Mark, Unit, policy, setting

__all__ = [
    "CALENDAR_DAYS",
    "Calendar",
    "CalendarDays",
    "Deadline",
    "DeadlineMode",
    "Weekday",
    "WorkingDayCalendar",
]

_ONE_DAY = dt.timedelta(days=1)
_MAX_DAYS = 366
_FIRST_YEAR, _LAST_YEAR = 1900, 2999
_EARLIEST, _LATEST = dt.date(_FIRST_YEAR, 1, 1), dt.date(_LAST_YEAR, 12, 31)
_MAX_SCAN = 3 * _MAX_DAYS


class Weekday(LabelledEnum):
    """An ISO weekday (1 = Monday … 7 = Sunday), e.g. the day of the weekly report (G5)."""

    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 7


set_labels(
    {day: ("周" + "一二三四五六日"[day.value - 1], day.name.capitalize()) for day in Weekday}
)


@runtime_checkable
class Calendar(Protocol):
    """What a deadline needs to know about days."""

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day. Raises ``CalendarCoverageError`` outside coverage."""
        ...

    def covers(self, day: dt.date) -> bool:
        """Whether the calendar's data can answer for ``day``."""
        ...


@attrs.frozen
class CalendarDays:
    """The plain calendar: every day is a working day and every date is covered."""

    def is_working_day(self, day: dt.date) -> bool:
        """Always true."""
        return True

    def covers(self, day: dt.date) -> bool:
        """Always true."""
        return True


CALENDAR_DAYS = CalendarDays()
"""The default calendar: counts calendar days."""


_DATA = "design: calendars"


@policy(generic=True)
class WorkingDayCalendar:
    """A working-day calendar as a data table (the python-holidays way: data, not code).

    A day is a working day when it is a make-up workday, or when it is a weekday that is not a
    holiday. Hosts can build one from any source — a published State Council notice, their own
    HR system — or use ``customer_rules.cn_calendar.china_working_days()``.

    Attributes:
        holidays: official rest days (including weekdays given off in lieu).
        makeup_workdays: weekend days that are working days (调休 make-up workdays).
        covered_years: the years whose data is complete; any other year is an error.
        weekend: ISO weekday numbers of the normal weekend (default Saturday and Sunday).
        name: a label for messages and explanations.

    Raises:
        PolicyError: listing every problem: an item that is not a date (or year), a holiday that
            is also a make-up workday, data outside ``covered_years``, a weekday outside 1-7.
    """

    holidays: frozenset[dt.date] = setting(default=frozenset(), unit=Unit.DATE, source=_DATA)
    makeup_workdays: frozenset[dt.date] = setting(default=frozenset(), unit=Unit.DATE, source=_DATA)
    covered_years: frozenset[int] = setting(
        default=frozenset(), unit=Unit.YEARS, source=_DATA, low=_FIRST_YEAR, high=_LAST_YEAR
    )
    weekend: frozenset[int] = setting(
        default=frozenset({6, 7}), unit=Unit.WEEKDAY, source=_DATA, low=1, high=7
    )
    name: str = setting(default="working days", unit=Unit.TEXT, source=_DATA)

    def _check(self) -> Iterator[Problem]:
        clash = self.holidays & self.makeup_workdays
        if clash:
            yield Problem("makeup_workdays", f"dates also listed as holidays: {sorted(clash)[:3]}")
        outside = sorted(
            d for d in self.holidays | self.makeup_workdays if d.year not in self.covered_years
        )
        if outside:
            yield Problem("covered_years", f"data for years it does not cover: {outside[:3]}")

    def covers(self, day: dt.date) -> bool:
        """Whether ``day``'s year is in :attr:`covered_years`."""
        return day.year in self.covered_years

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day.

        Raises:
            CalendarCoverageError: for a date outside :attr:`covered_years`.
        """
        if day.year not in self.covered_years:
            raise CalendarCoverageError(day, self.covered_years)
        if day in self.makeup_workdays:
            return True
        if day in self.holidays:
            return False
        return day.isoweekday() not in self.weekend


class DeadlineMode(LabelledEnum):
    """How a deadline counts its days."""

    CALENDAR_DAYS = "calendar_days"
    """Count calendar days (自然日)."""
    WORKING_DAYS = "working_days"
    """Count working days only (工作日)."""
    CALENDAR_THEN_ROLL = "calendar_then_roll"
    """Count calendar days, then move a due date on a rest day to the next working day (顺延)."""


set_labels(
    {
        DeadlineMode.CALENDAR_DAYS: ("自然日", "calendar days"),
        DeadlineMode.WORKING_DAYS: ("工作日", "working days"),
        DeadlineMode.CALENDAR_THEN_ROLL: (
            "自然日,遇休息日顺延",
            "calendar days, rolled to a working day",
        ),
    }
)


@policy(generic=True)
class Deadline:
    """ "Within N days" as data.

    Attributes:
        days: N, from 0 to 366.
        mode: how days are counted.
        count_start_day: whether the start day itself is day 1 ("从收到当天算起" counts the day of
            receipt; "从第2天算起" does not). With ``False``, N days after the start are allowed.

    Raises:
        PolicyError: listing every invalid field (``Deadline(2, mode="x")``,
            ``count_start_day="no"`` — "no" is read as false, "maybe" is refused).

    Example:
        >>> Deadline(5).due(dt.date(2026, 9, 28))
        datetime.date(2026, 10, 3)
        >>> Deadline(5, count_start_day=True).due(dt.date(2026, 9, 28))
        datetime.date(2026, 10, 2)
    """

    days: int = setting(default=0, unit=Unit.DAYS, source="design: deadlines", high=_MAX_DAYS)
    mode: DeadlineMode = setting(
        default=DeadlineMode.CALENDAR_DAYS,
        unit=Unit.CHOICE,
        source="design: deadlines",
        mark=Mark.DEFAULT,
    )
    count_start_day: bool = setting(
        default=False, unit=Unit.FLAG, source="design: deadlines", mark=Mark.DEFAULT
    )

    def due(self, start: dt.date, calendar: Calendar = CALENDAR_DAYS) -> dt.date:
        """The last day on which the duty is still on time.

        Args:
            start: the day the period starts from (receipt, month end, contract date…).
            calendar: the calendar for working-day modes.

        Raises:
            CalendarCoverageError: if a working-day question falls outside the calendar's data.
            InputError: if ``start`` is not a date.
        """
        if type(start) is not dt.date or not _EARLIEST <= start <= _LATEST:
            require_date(start, "start")
            raise InputError("start", start, f"a date from {_EARLIEST} to {_LATEST}")
        if not isinstance(calendar, CalendarDays | WorkingDayCalendar) and not (
            callable(getattr(calendar, "is_working_day", None))
        ):
            raise InputError("calendar", calendar, "a Calendar, e.g. CALENDAR_DAYS")
        if self.mode is DeadlineMode.WORKING_DAYS:
            return self._count_working_days(start, calendar)
        shift = self.days - 1 if self.count_start_day and self.days > 0 else self.days
        due = start + dt.timedelta(days=shift)
        if self.mode is DeadlineMode.CALENDAR_THEN_ROLL:
            limit = due + dt.timedelta(days=_MAX_SCAN)
            while not calendar.is_working_day(due):
                due += _ONE_DAY
                if due > limit:
                    raise InputError(
                        "calendar", calendar, f"a calendar with working days after {start}"
                    )
        return due

    def _count_working_days(self, start: dt.date, calendar: Calendar) -> dt.date:
        remaining = self.days
        day = start
        if remaining and self.count_start_day and calendar.is_working_day(start):
            remaining -= 1
        limit = start + dt.timedelta(days=_MAX_SCAN)
        while remaining:
            day += _ONE_DAY
            if day > limit:
                raise InputError(
                    "calendar", calendar, f"a calendar with working days after {start}"
                )
            if calendar.is_working_day(day):
                remaining -= 1
        return day

    def is_met(self, start: dt.date, done: dt.date, calendar: Calendar = CALENDAR_DAYS) -> bool:
        """Whether something done on ``done`` met the deadline that started on ``start``."""
        return done <= self.due(start, calendar)
