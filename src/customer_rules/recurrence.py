"""Recurrences: due dates that come back — "by the 5th of each month", "February and August",
"every six months from the last", "quarterly", "every year at year end".

One small vocabulary over the calendars (:mod:`customer_rules.calendars`). A
:class:`Recurrence` is policy data (a generic ``@policy`` record, so a chapter's policy holds one
as a setting and a policy book loads it from TOML) with two bases:

* ``calendar`` — fixed days of the year: the ``day`` of each month listed in ``months`` (a day
  past a month's end falls on its last day, so ``day = 31`` is the month end);
  ``Recurrence.monthly(day=5)``, ``Recurrence.in_months(2, 8)``, ``Recurrence.in_months(12)``
  (the year end);
* ``from_last`` — every ``interval`` months counted from the last occurrence (the last review,
  the last assessment); ``Recurrence.every(6)``, ``Recurrence.every(3)`` (quarterly).

Each occurrence has a due date: its ``deadline``, a :class:`~customer_rules.calendars.Deadline`
counted from the occurrence through a :class:`~customer_rules.calendars.Calendar`, with the three
deadline modes — ``Deadline()`` (the default) is due on the occurrence itself;
``Deadline(0, DeadlineMode.CALENDAR_THEN_ROLL)`` moves an occurrence on a rest day to the next
working day; ``Deadline(5, DeadlineMode.WORKING_DAYS, count_start_day=True)`` from the 1st is
"by the 5th working day". A due date is never before its occurrence.

:meth:`Recurrence.first_on_or_after` gives the next occurrence on or after a day;
:meth:`Recurrence.next` gives the occurrence a duty stands at — the one still open on a day, or
the first one the last action did not cover — as an :class:`Occurrence` (the day, the first day
an action counts for it, the due date).

Example:
    >>> import datetime as dt
    >>> monthly = Recurrence.monthly(day=5)
    >>> monthly.first_on_or_after(dt.date(2026, 3, 6))
    datetime.date(2026, 4, 5)
    >>> Recurrence.every(6).next(dt.date(2026, 9, 1), last=dt.date(2026, 2, 28)).due
    datetime.date(2026, 8, 28)
    >>> Recurrence.in_months(2, 8).label.en
    'the end of February and August'
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

import attrs

from customer_rules._validation import fact_check
from customer_rules.calendars import CALENDAR_DAYS as _CALENDAR_DAYS
from customer_rules.calendars import Calendar, Deadline, DeadlineMode
from customer_rules.dates import EARLIEST as _EARLIEST
from customer_rules.dates import LATEST as _LATEST
from customer_rules.dates import require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import Label, LabelledEnum, set_labels
from customer_rules.settings import Mark, Unit, policy, setting

__all__ = ["Occurrence", "Recurrence", "RecurrenceBasis"]

_SOURCE = "design: recurrences"
_ALL_MONTHS = tuple(range(1, 13))
_ONE_DAY = dt.timedelta(days=1)
_MONTH_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_FIRST_MONTH = _EARLIEST.year * 12 + _EARLIEST.month - 1
_LAST_MONTH = _LATEST.year * 12 + _LATEST.month - 1


class RecurrenceBasis(LabelledEnum):
    """What a :class:`Recurrence` counts from."""

    CALENDAR = "calendar"
    """按日历 — fixed days of the year: the ``day`` of each of the ``months``."""
    FROM_LAST = "from_last"
    """自上次起 — every ``interval`` months from the last occurrence."""


set_labels(
    {
        RecurrenceBasis.CALENDAR: ("按日历", "on fixed days of the calendar"),
        RecurrenceBasis.FROM_LAST: ("自上次起", "from the last occurrence"),
    }
)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _date_in(index: int, day: int) -> dt.date:
    """The ``day`` of the month ``index`` (``year * 12 + month - 1``), clamped to its last day."""
    year, month0 = divmod(index, 12)
    last = 29 if month0 == 1 and _is_leap(year) else _DAYS_IN_MONTH[month0]
    return dt.date(year, month0 + 1, day if day <= last else last)


def _index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _ordered_months(instance: Any) -> Iterator[Problem]:
    """``months`` in calendar order without repeats (each problem at ``months[i]``)."""
    months: tuple[int, ...] = instance.months
    for i in range(1, len(months)):
        if not months[i - 1] < months[i]:
            yield Problem(
                f"months[{i}]",
                f"expected more than months[{i - 1}] ({months[i - 1]}), got {months[i]}",
                months[i],
                f"> {months[i - 1]}",
            )


_ordered_months.fields = ("months",)  # type: ignore[attr-defined]


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def _english_list(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


@attrs.frozen
class Occurrence:
    """One occurrence of a recurrence and its due date.

    Attributes:
        day: the occurrence: the 5th, a month end, the last review + 6 months.
        opens: the first day an action counts for it — the first day of its month for a
            calendar recurrence ("by the 5th": a report on the 2nd is this month's; "in
            February": any day of February), the day after the last occurrence for a
            ``from_last`` one.
        due: the last day on time: ``day`` moved by the recurrence's deadline through the
            calendar; never before ``day``.

    Raises:
        InputError: naming the field, for a value that is not a ``datetime.date``, or for
            ``opens`` after ``day`` or ``due`` before it.

    Example:
        >>> import datetime as dt
        >>> o = Recurrence.monthly(day=5).next(dt.date(2026, 3, 3))
        >>> o.opens, o.day, o.due
        (datetime.date(2026, 3, 1), datetime.date(2026, 3, 5), datetime.date(2026, 3, 5))
    """

    day: dt.date = attrs.field(validator=fact_check(dt.date, "a datetime.date"))
    opens: dt.date = attrs.field(validator=fact_check(dt.date, "a datetime.date"))
    due: dt.date = attrs.field(validator=fact_check(dt.date, "a datetime.date"))

    def __attrs_post_init__(self) -> None:
        if self.opens > self.day:
            raise InputError("opens", self.opens, f"a day on or before day ({self.day})")
        if self.due < self.day:
            raise InputError("due", self.due, f"a day on or after day ({self.day})")

    def overdue(self, on: dt.date) -> bool:
        """Whether the due date has passed on ``on`` (``on`` is after :attr:`due`).

        Raises:
            InputError: naming ``on`` unless it is a date of the supported range.
        """
        return require_date(on, "on") > self.due


@policy(generic=True, checks=[_ordered_months])
class Recurrence:
    """A recurring due date as policy data.

    Attributes:
        basis: ``calendar`` (fixed days of the year) or ``from_last`` (counted from the last
            occurrence).
        months: ``calendar``: the months (1-12) it falls in, in calendar order without repeats,
            at least one; every month by default.
        day: ``calendar``: the day of the month, 1-31; a day past a month's end falls on the
            month's last day, so 31 (the default) is the month end and 30 is 30 April and
            28/29 February.
        interval: ``from_last``: the months from one occurrence to the next, 1-120 (6 for "every
            six months", 3 for "quarterly"). An occurrence keeps the last one's day of the month,
            clamped (31 August + 6 months is 28 February), always counted from the last
            occurrence, so days never drift. Marked [default] in a dump: a period the seeds name
            in words ("每年两次", "定期") is the library's reading.
        deadline: the due date of each occurrence, counted from it
            (:class:`~customer_rules.calendars.Deadline`, any of its three modes); the default
            ``Deadline()`` is due on the occurrence itself.

    A ``calendar`` recurrence does not read ``interval``, and a ``from_last`` one does not read
    ``months`` or ``day``: they keep their values (a dump writes them) but decide nothing.

    Raises:
        PolicyError: listing every invalid field with its path (``months[1]``,
            ``deadline.mode``).

    Example:
        >>> Recurrence.in_months(3, 9).first_on_or_after(dt.date(2026, 4, 1))
        datetime.date(2026, 9, 30)
        >>> Recurrence(months=[9, 3])
        Traceback (most recent call last):
        ...
        customer_rules.errors.PolicyError: months[1]: expected more than months[0] (9), got 3
    """

    basis: RecurrenceBasis = setting(
        default=RecurrenceBasis.CALENDAR, unit=Unit.CHOICE, source=_SOURCE, mark=Mark.DEFAULT
    )
    months: tuple[int, ...] = setting(
        default=_ALL_MONTHS,
        unit=Unit.MONTH_OF_YEAR,
        source=_SOURCE,
        low=1,
        high=12,
        min_items=1,
    )
    day: int = setting(default=31, unit=Unit.DAY_OF_MONTH, source=_SOURCE, low=1, high=31)
    interval: int = setting(
        default=12, unit=Unit.MONTHS, source=_SOURCE, mark=Mark.DEFAULT, low=1, high=120
    )
    deadline: Deadline = setting(
        default=Deadline(), unit=Unit.TABLE, source=_SOURCE, mark=Mark.DEFAULT
    )

    # ------------------------------------------------------------------ constructors

    @classmethod
    def monthly(cls, day: int = 31, *, deadline: Deadline | None = None) -> Recurrence:
        """The ``day`` of each month ("by the 5th of each month": ``monthly(5)``; the month end:
        ``monthly()``).

        Raises:
            PolicyError: for a day outside 1-31 or a deadline that is not one.
        """
        return cls(
            RecurrenceBasis.CALENDAR,
            _ALL_MONTHS,
            day,
            deadline=Deadline() if deadline is None else deadline,
        )

    @classmethod
    def in_months(cls, *months: int, day: int = 31, deadline: Deadline | None = None) -> Recurrence:
        """The ``day`` (the month end by default) of each of ``months`` ("February and August":
        ``in_months(2, 8)``; the year end: ``in_months(12)``).

        Raises:
            PolicyError: for no month, a month outside 1-12, months out of order or repeated.
        """
        return cls(
            RecurrenceBasis.CALENDAR,
            months,
            day,
            deadline=Deadline() if deadline is None else deadline,
        )

    @classmethod
    def every(cls, months: int, *, deadline: Deadline | None = None) -> Recurrence:
        """Every ``months`` months from the last occurrence ("every six months from the last":
        ``every(6)``; quarterly: ``every(3)``).

        Raises:
            PolicyError: for an interval outside 1-120.
        """
        return cls(
            RecurrenceBasis.FROM_LAST,
            interval=months,
            deadline=Deadline() if deadline is None else deadline,
        )

    # ------------------------------------------------------------------ reading it

    @functools.cached_property
    def _month_set(self) -> frozenset[int]:
        return frozenset(self.months)

    @functools.cached_property
    def label(self) -> Label:
        """What it says, in both languages: ``每月5日`` / ``the 5th of each month``,
        ``每年2、8月月底`` / ``the end of February and August``, ``自上次起每6个月`` / ``every 6
        month(s) from the last``, and the deadline when it moves the due date."""
        if self.basis is RecurrenceBasis.FROM_LAST:
            zh, en = (
                f"自上次起每{self.interval}个月",
                f"every {self.interval} month(s) from the last",
            )
        else:
            if self.day == 31:
                day_zh, day_en = "月底", "the end"
            elif self.day >= 29:
                day_zh = f"{self.day}日(当月无此日则为月底)"
                day_en = f"the {_ordinal(self.day)} (or the month's last day)"
            else:
                day_zh, day_en = f"{self.day}日", f"the {_ordinal(self.day)}"
            if self.months == _ALL_MONTHS:
                zh, en = f"每月{day_zh}", f"{day_en} of each month"
            else:
                zh = f"每年{'、'.join(map(str, self.months))}月{day_zh}"
                en = f"{day_en} of {_english_list([_MONTH_EN[m - 1] for m in self.months])}"
        d = self.deadline
        if d.days:
            start_zh = ";含当日" if d.count_start_day else ""
            start_en = "; counting that day" if d.count_start_day else ""
            zh += f",其后{d.days}日内({d.mode.zh}{start_zh})"
            en += f", then within {d.days} day(s) ({d.mode.en}{start_en})"
        elif d.mode is DeadlineMode.CALENDAR_THEN_ROLL:
            zh += ",遇休息日顺延"
            en += ", moved to the next working day when on a rest day"
        return Label(zh, en)

    # ------------------------------------------------------------------ occurrences

    def _first_month(self, index: int) -> int:
        """Private to the library: the first month index (``year * 12 + month - 1``) at or after
        ``index`` whose month is one of :attr:`months` — plain arithmetic, any year (G5 asks
        about reporting periods of 1899)."""
        months = self._month_set
        for candidate in range(index, index + 12):
            if candidate % 12 + 1 in months:
                return candidate
        raise AssertionError("unreachable: months holds a month 1-12")  # pragma: no cover

    def _last_month(self, index: int) -> int:
        """The last month index at or before ``index`` whose month is one of :attr:`months`."""
        months = self._month_set
        for candidate in range(index, index - 12, -1):
            if candidate % 12 + 1 in months:
                return candidate
        raise AssertionError("unreachable: months holds a month 1-12")  # pragma: no cover

    def _shifted(self, last: dt.date, steps: int, field: str) -> dt.date:
        """``last`` moved by ``steps`` intervals (clamped to the month's last day)."""
        index = _index(last) + steps * self.interval
        if index > _LAST_MONTH:
            raise InputError(field, last, _BEYOND)
        return _date_in(index, last.day)

    def first_on_or_after(self, day: dt.date, *, last: dt.date | None = None) -> dt.date:
        """The first occurrence on or after ``day`` (``day`` itself when it is one).

        Args:
            day: the day to look from.
            last: the last occurrence — required for a ``from_last`` recurrence, whose
                occurrences are ``last`` and every ``interval`` months after it (a ``day`` on or
                before ``last`` gives ``last``); a ``calendar`` recurrence does not depend on it.

        Returns:
            The occurrence.

        Raises:
            InputError: naming ``day`` or ``last`` for a value that is not a date of the
                supported range, ``last`` missing for a ``from_last`` recurrence, or a ``day``
                whose next occurrence would fall after 2999-12-31.

        Example:
            >>> quarterly = Recurrence.every(3)
            >>> quarterly.first_on_or_after(dt.date(2026, 6, 1), last=dt.date(2026, 1, 31))
            datetime.date(2026, 7, 31)
        """
        start = require_date(day, "day")
        if self.basis is RecurrenceBasis.FROM_LAST:
            anchor = _required_last(last)
            if start <= anchor:
                return anchor
            steps = (_index(start) - _index(anchor)) // self.interval
            found = self._shifted(anchor, steps, "day")
            return found if found >= start else self._shifted(anchor, steps + 1, "day")
        return self._calendar_on_or_after(start, "day")

    def _calendar_on_or_after(self, start: dt.date, field: str) -> dt.date:
        """The first occurrence of a calendar recurrence on or after ``start`` (checked)."""
        index = self._first_month(_index(start))
        found = _date_in(index, self.day)
        if found < start:
            index = self._first_month(index + 1)
            found = _date_in(index, self.day)
        if found > _LATEST:
            raise InputError(field, start, _BEYOND)
        return found

    def due(self, occurrence: dt.date, calendar: Calendar = _CALENDAR_DAYS) -> dt.date:
        """The due date of the occurrence on ``occurrence``: the :attr:`deadline` counted from
        it through ``calendar``; never before it.

        Raises:
            InputError: naming ``start`` (the occurrence) or ``calendar`` as
                :meth:`Deadline.due <customer_rules.calendars.Deadline.due>` does.
            CalendarCoverageError: for a working-day question outside the calendar's years.
        """
        return self.deadline.due(occurrence, calendar)

    def next(
        self,
        on: dt.date,
        *,
        last: dt.date | None = None,
        calendar: Calendar = _CALENDAR_DAYS,
    ) -> Occurrence:
        """The occurrence a duty stands at on ``on``, with its due date.

        * ``from_last``: ``interval`` months after ``last`` (required) — due then, whatever
          ``on`` is; past it, the duty is overdue.
        * ``calendar`` with ``last`` (the day the duty was last done): the first occurrence
          that ``last`` does not cover, i.e. the first whose month starts after ``last`` ("in
          February" done on 10 February: the next is August's) — possibly already past due.
        * ``calendar`` without ``last``: the first occurrence still open on ``on`` — the first
          whose due date is on or after ``on`` (a 5th moved by a rest day to the 7th is still
          open on the 6th).

        Args:
            on: the day asked about.
            last: the day the duty was last done (the last review, survey or report), on or
                before ``on``.
            calendar: the calendar the deadline counts with.

        Returns:
            The :class:`Occurrence`: its day, the first day an action counts for it, its due
            date. ``occurrence.overdue(on)`` says whether it is past.

        Raises:
            InputError: naming ``on``, ``last`` or ``calendar``: a value that is not a date of
                the supported range or a calendar, ``last`` after ``on``, ``last`` missing for
                a ``from_last`` recurrence, an occurrence after 2999-12-31.
            CalendarCoverageError: for a working-day question outside the calendar's years.

        Example:
            >>> survey = Recurrence.in_months(2, 8)
            >>> survey.next(dt.date(2026, 3, 1), last=dt.date(2026, 2, 10)).day
            datetime.date(2026, 8, 31)
            >>> survey.next(dt.date(2026, 3, 1), last=dt.date(2025, 8, 20)).day
            datetime.date(2026, 2, 28)
        """
        day = require_date(on, "on")
        done = None if last is None else require_date(last, "last")
        if done is not None and done > day:
            raise InputError("last", last, f"a day on or before on ({day})")
        if self.basis is RecurrenceBasis.FROM_LAST:
            anchor = _required_last(done)
            found = self._shifted(anchor, 1, "last")
            return Occurrence(found, anchor + _ONE_DAY, self.deadline.due(found, calendar))
        if done is not None:
            index = self._first_month(_index(done) + 1)
            if index > _LAST_MONTH:
                raise InputError("last", last, _BEYOND)
            found = _date_in(index, self.day)
            return Occurrence(found, _date_in(index, 1), self.deadline.due(found, calendar))
        found = self._calendar_on_or_after(day, "on")
        index = _index(found)
        due = self.deadline.due(found, calendar)
        # an earlier occurrence whose deadline runs past its day may still be open on ``on``
        while index > _FIRST_MONTH:
            before = self._last_month(index - 1)
            if before < _FIRST_MONTH:
                break
            earlier = _date_in(before, self.day)
            earlier_due = self.deadline.due(earlier, calendar)
            if earlier_due < day:
                break
            found, index, due = earlier, before, earlier_due
        return Occurrence(found, _date_in(index, 1), due)


_BEYOND = f"a day whose next occurrence is on or before {_LATEST.isoformat()}"


def _required_last(last: dt.date | None) -> dt.date:
    if last is None:
        raise InputError(
            "last", None, "the day of the last occurrence: a from_last recurrence counts from it"
        )
    return require_date(last, "last")
