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

A company adds a year the package does not have yet — the State Council publishes each year's
arrangement weeks before the year starts — as a :class:`CalendarTable` of :class:`CalendarYear`
entries (the ``[calendar]`` table of a policy book), and :meth:`WorkingDayCalendar.extended`
adds it to the package's data, refusing a year on which the two disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Protocol, runtime_checkable

import attrs

from customer_rules.dates import require_date
from customer_rules.errors import CalendarCoverageError, InputError, PolicyError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.settings import Mark, Unit, policy, setting

__all__ = [
    "CALENDAR_DAYS",
    "Calendar",
    "CalendarDays",
    "CalendarTable",
    "CalendarYear",
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
_WEEKEND = frozenset({6, 7})
_SHOWN = 3
"""Days named in one disagreement before the rest are counted."""


def _days_of(year: int) -> Iterator[dt.date]:
    day = dt.date(year, 1, 1)
    while day.year == year:
        yield day
        day += _ONE_DAY


_HERE_THERE = {True: "working here, a rest day there", False: "a rest day here, working there"}


def _disagreement(
    path: str, entry: CalendarYear, other: Callable[[dt.date], bool], other_name: str
) -> Problem | None:
    """Private to the library: the problem of ``entry`` disagreeing with ``other`` (whether a
    day is a working day, by another table) on some day of its year, or ``None``."""
    days = [d for d in _days_of(entry.year) if entry.is_working_day(d) != other(d)]
    if not days:
        return None
    listed = ", ".join(f"{d} ({_HERE_THERE[entry.is_working_day(d)]})" for d in days[:_SHOWN])
    more = f" and {len(days) - _SHOWN} more" if len(days) > _SHOWN else ""
    return Problem(
        path,
        f"{entry.year} disagrees with {other_name} on {len(days)} day(s): {listed}{more}",
        entry.year,
        f"the same working days as {other_name}",
    )


@policy(generic=True)
class CalendarYear:
    """One year's official arrangement of rest days (法定节假日与调休), as published.

    The State Council publishes each year's holidays and make-up workdays weeks before the year
    starts; a company copies the notice into its policy book's ``[calendar]`` table (one
    ``[[calendar.years]]`` entry per year) the day it is published. Any day not listed follows
    the weekend rule: Saturday and Sunday rest, Monday to Friday work.

    Attributes:
        year: the year, 1900–2999; required.
        holidays: the year's rest days by the notice: the public holidays and the weekdays
            given off in lieu (weekend days inside a holiday may be listed or left out).
        makeup_workdays: the Saturdays and Sundays worked instead (调休上班).

    Raises:
        PolicyError: listing every problem: a date outside ``year``, a day listed both as a
            holiday and as a make-up workday, a make-up workday that is not a Saturday or
            Sunday (a weekday is a working day already: a typo).

    Example:
        >>> y = CalendarYear(2027, holidays=["2027-01-01"], makeup_workdays=["2027-01-31"])
        >>> y.is_working_day(dt.date(2027, 1, 1)), y.is_working_day(dt.date(2027, 1, 31))
        (False, True)
    """

    year: int = setting(
        default=attrs.NOTHING,
        unit=Unit.YEARS,
        source=_DATA,
        mark=Mark.DEFAULT,
        low=_FIRST_YEAR,
        high=_LAST_YEAR,
    )
    holidays: frozenset[dt.date] = setting(
        default=frozenset(), unit=Unit.DATE, source=_DATA, mark=Mark.DEFAULT
    )
    makeup_workdays: frozenset[dt.date] = setting(
        default=frozenset(), unit=Unit.DATE, source=_DATA, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        for name in ("holidays", "makeup_workdays"):
            outside = sorted(d for d in getattr(self, name) if d.year != self.year)
            if outside:
                yield Problem(
                    name,
                    f"expected dates in {self.year}, got {outside[0]}",
                    str(outside[0]),
                    f"dates in {self.year}",
                )
        clash = sorted(self.holidays & self.makeup_workdays)
        if clash:
            yield Problem(
                "makeup_workdays",
                f"expected a day to be either a holiday or a make-up workday, got both on "
                f"{', '.join(map(str, clash[:_SHOWN]))}",
                str(clash[0]),
                "a holiday or a make-up workday",
            )
        weekdays = sorted(d for d in self.makeup_workdays if d.isoweekday() not in _WEEKEND)
        if weekdays:
            day = weekdays[0]
            expected = "a Saturday or Sunday (a make-up workday is a weekend day worked)"
            yield Problem(
                "makeup_workdays",
                f"expected {expected}, got {day} (a {Weekday(day.isoweekday()).en})",
                str(day),
                expected,
            )

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` (a day of :attr:`year`) is a working day by this arrangement."""
        if day in self.makeup_workdays:
            return True
        if day in self.holidays:
            return False
        return day.isoweekday() not in _WEEKEND


@policy(generic=True)
class CalendarTable:
    """A company's own calendar data: one :class:`CalendarYear` per year (the ``[calendar]`` table
    of a policy book).

    It extends the holiday package's data (:meth:`WorkingDayCalendar.extended`): a year the
    package does not cover yet is added, and a year both cover must agree day by day.

    Attributes:
        years: the years' arrangements, each year at most once.

    Raises:
        PolicyError: for a year listed twice, or any problem of an entry (at ``years[i]``).

    Example:
        >>> table = CalendarTable([{"year": 2027, "holidays": ["2027-01-01"]}])
        >>> sorted(table.covered_years)
        [2027]
    """

    years: tuple[CalendarYear, ...] = setting(
        default=(),
        unit=Unit.TABLES,
        source="design: calendars — one [[calendar.years]] table per year: year, holidays,"
        " makeup_workdays (调休)",
        mark=Mark.DEFAULT,
    )

    def _check(self) -> Iterator[Problem]:
        seen: dict[int, int] = {}
        for i, entry in enumerate(self.years):
            if entry.year in seen:
                yield Problem(
                    f"years[{i}].year",
                    f"expected each year once, got {entry.year} again"
                    f" (also years[{seen[entry.year]}])",
                    entry.year,
                    "each year once",
                )
            seen.setdefault(entry.year, i)

    @property
    def covered_years(self) -> frozenset[int]:
        """The years the table gives."""
        return frozenset(entry.year for entry in self.years)

    def merged(
        self, other: CalendarTable, name: str = "the table it is merged with"
    ) -> CalendarTable:
        """This table and ``other``'s years together (a year in both must agree day by day).

        Args:
            other: the table to add.
            name: how a disagreement names this table.

        Raises:
            PolicyError: for each year of ``other`` that disagrees, at ``years[i]`` of ``other``.
        """
        name = _text(name, "name")
        mine = {entry.year: entry for entry in self.years}
        problems: list[Problem] = []
        added: list[CalendarYear] = []
        for i, entry in enumerate(_table(other, "other").years):
            known = mine.get(entry.year)
            if known is None:
                added.append(entry)
                continue
            problem = _disagreement(f"years[{i}]", entry, known.is_working_day, name)
            if problem is not None:
                problems.append(problem)
            else:
                mine[entry.year] = _union(known, entry)
        if problems:
            raise PolicyError(problems)
        years = sorted((*mine.values(), *added), key=lambda e: e.year)
        return CalendarTable(tuple(years))


def _union(a: CalendarYear, b: CalendarYear) -> CalendarYear:
    if a == b:
        return a
    return CalendarYear(a.year, a.holidays | b.holidays, a.makeup_workdays | b.makeup_workdays)


def _table(value: object, name: str) -> CalendarTable:
    if isinstance(value, CalendarTable):
        return value
    raise InputError(name, value, "a CalendarTable (e.g. book.calendar)")


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

    def year_table(self, year: int) -> CalendarYear:
        """The holidays and make-up workdays of ``year``, as a :class:`CalendarYear` (what a
        policy book's ``[calendar]`` table would say).

        Raises:
            CalendarCoverageError: for a year outside :attr:`covered_years`.
            InputError: for something that is not a year.

        Example:
            >>> from customer_rules.cn_calendar import china_working_days
            >>> y = china_working_days().year_table(2026)
            >>> len(y.holidays), sorted(y.makeup_workdays)[:2]
            (33, [datetime.date(2026, 1, 4), datetime.date(2026, 2, 14)])
        """
        if type(year) is not int or not _FIRST_YEAR <= year <= _LAST_YEAR:
            raise InputError("year", year, f"a year from {_FIRST_YEAR} to {_LAST_YEAR}")
        if year not in self.covered_years:
            raise CalendarCoverageError(dt.date(year, 1, 1), self.covered_years)
        return CalendarYear(
            year,
            frozenset(d for d in self.holidays if d.year == year),
            frozenset(d for d in self.makeup_workdays if d.year == year),
        )

    def extended(self, table: CalendarTable, name: str | None = None) -> WorkingDayCalendar:
        """This calendar with ``table``'s years added — a company's own calendar data on top of
        the holiday package's.

        A year the calendar does not cover is added from the table; a year both cover must give
        every day the same status (working or rest): the two disagreeing is an error, never a
        silent choice. A table's years rest on Saturdays and Sundays, so only a calendar with
        that weekend can be extended.

        Args:
            table: the years to add (a policy book's ``book.calendar``).
            name: the name of the result (default: this calendar's name, ``+ calendar table``).

        Returns:
            A calendar covering this calendar's years and the table's.

        Raises:
            PolicyError: for each year of the table that disagrees with this calendar, at
                ``years[i]``.
            InputError: for a table that is not a :class:`CalendarTable`, or a calendar whose
                weekend is not Saturday and Sunday.

        Example:
            >>> from customer_rules.cn_calendar import china_working_days
            >>> table = CalendarTable([{"year": 2027, "holidays": ["2027-01-01"]}])
            >>> cal = china_working_days().extended(table)
            >>> cal.is_working_day(dt.date(2027, 1, 1)), max(cal.covered_years)
            (False, 2027)
        """
        table = _table(table, "table")
        if name is not None:
            name = _text(name, "name")
        if table.years and self.weekend != _WEEKEND:
            raise InputError(
                "weekend", self.weekend, "Saturday and Sunday, as a calendar table has"
            )
        problems: list[Problem] = []
        holidays, makeup = set(self.holidays), set(self.makeup_workdays)
        for i, entry in enumerate(table.years):
            if entry.year in self.covered_years:
                problem = _disagreement(f"years[{i}]", entry, self._works, self.name)
                if problem is not None:
                    problems.append(problem)
                    continue
            holidays.update(entry.holidays)
            makeup.update(entry.makeup_workdays)
        if problems:
            raise PolicyError(problems)
        if not table.years:
            return self
        return WorkingDayCalendar(
            holidays=frozenset(holidays),
            makeup_workdays=frozenset(makeup),
            covered_years=self.covered_years | table.covered_years,
            weekend=self.weekend,
            name=name if name is not None else f"{self.name} + calendar table",
        )

    def _works(self, day: dt.date) -> bool:
        return self.is_working_day(day)


def _text(value: object, name: str) -> str:
    if isinstance(value, str) and value.strip() and len(value) <= 200:
        return value
    raise InputError(name, value, "a short non-empty text")


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
