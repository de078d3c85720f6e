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
import enum
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

import attrs

from customer_rules.errors import CalendarCoverageError, InputError, PolicyError, Problem

__all__ = [
    "CALENDAR_DAYS",
    "Calendar",
    "CalendarDays",
    "Deadline",
    "DeadlineMode",
    "WorkingDayCalendar",
]

_ONE_DAY = dt.timedelta(days=1)


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


def _frozen_dates(values: Iterable[dt.date]) -> frozenset[dt.date]:
    return frozenset(values)


def _frozen_years(values: Iterable[int]) -> frozenset[int]:
    return frozenset(values)


@attrs.frozen
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
        PolicyError: if a holiday is also a make-up workday, or data falls outside
            ``covered_years``.
    """

    holidays: frozenset[dt.date] = attrs.field(converter=_frozen_dates)
    makeup_workdays: frozenset[dt.date] = attrs.field(converter=_frozen_dates)
    covered_years: frozenset[int] = attrs.field(converter=_frozen_years)
    weekend: frozenset[int] = attrs.field(default=frozenset({6, 7}), converter=_frozen_years)
    name: str = "working days"

    def __attrs_post_init__(self) -> None:
        problems = []
        clash = self.holidays & self.makeup_workdays
        if clash:
            problems.append(
                Problem("makeup_workdays", f"dates also listed as holidays: {sorted(clash)[:3]}")
            )
        outside = sorted(
            d for d in self.holidays | self.makeup_workdays if d.year not in self.covered_years
        )
        if outside:
            problems.append(
                Problem("covered_years", f"data for years it does not cover: {outside[:3]}")
            )
        if not self.weekend <= set(range(1, 8)):
            problems.append(
                Problem("weekend", f"expected ISO weekdays 1-7, got {sorted(self.weekend)}")
            )
        if problems:
            raise PolicyError(problems)

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


class DeadlineMode(enum.Enum):
    """How a deadline counts its days."""

    CALENDAR_DAYS = "calendar_days"
    """Count calendar days (自然日)."""
    WORKING_DAYS = "working_days"
    """Count working days only (工作日)."""
    CALENDAR_THEN_ROLL = "calendar_then_roll"
    """Count calendar days, then move a due date on a rest day to the next working day (顺延)."""


def _check_days(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PolicyError([Problem(attribute.name, f"expected a whole number ≥ 0, got {value!r}")])


@attrs.frozen
class Deadline:
    """ "Within N days" as data.

    Attributes:
        days: N.
        mode: how days are counted.
        count_start_day: whether the start day itself is day 1 ("从收到当天算起" counts the day of
            receipt; "从第2天算起" does not). With ``False``, N days after the start are allowed.

    Example:
        >>> Deadline(5).due(dt.date(2026, 9, 28))
        datetime.date(2026, 10, 3)
        >>> Deadline(5, count_start_day=True).due(dt.date(2026, 9, 28))
        datetime.date(2026, 10, 2)
    """

    days: int = attrs.field(validator=_check_days)
    mode: DeadlineMode = DeadlineMode.CALENDAR_DAYS
    count_start_day: bool = False

    def due(self, start: dt.date, calendar: Calendar = CALENDAR_DAYS) -> dt.date:
        """The last day on which the duty is still on time.

        Args:
            start: the day the period starts from (receipt, month end, contract date…).
            calendar: the calendar for working-day modes.

        Raises:
            CalendarCoverageError: if a working-day question falls outside the calendar's data.
            InputError: if ``start`` is not a date.
        """
        if type(start) is not dt.date:
            raise InputError("start", start, "a datetime.date")
        if self.mode is DeadlineMode.WORKING_DAYS:
            return self._count_working_days(start, calendar)
        shift = self.days - 1 if self.count_start_day and self.days > 0 else self.days
        due = start + dt.timedelta(days=shift)
        if self.mode is DeadlineMode.CALENDAR_THEN_ROLL:
            while not calendar.is_working_day(due):
                due += _ONE_DAY
        return due

    def _count_working_days(self, start: dt.date, calendar: Calendar) -> dt.date:
        remaining = self.days
        day = start
        if remaining and self.count_start_day and calendar.is_working_day(start):
            remaining -= 1
        while remaining:
            day += _ONE_DAY
            if calendar.is_working_day(day):
                remaining -= 1
        return day

    def is_met(self, start: dt.date, done: dt.date, calendar: Calendar = CALENDAR_DAYS) -> bool:
        """Whether something done on ``done`` met the deadline that started on ``start``."""
        return done <= self.due(start, calendar)
