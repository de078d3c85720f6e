"""China's official working-day calendar, from the ``chinesecalendar`` package (extra ``cn``).

``pip install customer_rules[cn]`` installs `chinesecalendar`_, which is maintained from the State
Council's yearly holiday notices and, unlike some general holiday packages, carries the make-up
workdays (调休) and *refuses* years it has no notice for. This module copies its tables into a
frozen :class:`~customer_rules.calendars.WorkingDayCalendar`, so a deadline never silently
guesses an unpublished year: asking about one raises
:class:`~customer_rules.errors.CalendarCoverageError`.

A year published after the installed release is added by the company itself, as a
``[calendar]`` table of its policy book:
``book.working_calendar(china_working_days())`` (or ``history.working_calendar(…)`` for every
book of a history) extends the package's data with it, refusing a year the two disagree on.

.. _chinesecalendar: https://pypi.org/project/chinesecalendar/
"""

from __future__ import annotations

import datetime as dt
import functools

from customer_rules.calendars import WorkingDayCalendar
from customer_rules.errors import CustomerRulesError

__all__ = ["china_working_days"]


@functools.cache
def china_working_days() -> WorkingDayCalendar:
    """The Chinese working-day calendar for every year the installed data covers.

    Returns:
        A calendar whose ``covered_years`` are the years of the package's data (2004 through the
        latest published notice).

    Raises:
        CustomerRulesError: if the ``chinesecalendar`` package is not installed.

    Example:
        >>> from customer_rules.calendars import Deadline, DeadlineMode
        >>> cal = china_working_days()
        >>> Deadline(5, DeadlineMode.WORKING_DAYS).due(dt.date(2026, 9, 28), cal)
        datetime.date(2026, 10, 10)
    """
    try:
        from chinese_calendar import constants
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise CustomerRulesError(
            "the Chinese working-day calendar needs the 'cn' extra: "
            "pip install 'customer_rules[cn]'"
        ) from exc
    holidays: dict[dt.date, object] = constants.holidays
    workdays: dict[dt.date, object] = constants.workdays
    years = {d.year for d in holidays} | {d.year for d in workdays}
    covered = range(min(years), max(years) + 1)
    return WorkingDayCalendar(
        holidays=frozenset(holidays),
        makeup_workdays=frozenset(workdays),
        covered_years=frozenset(covered),
        name="China (chinesecalendar)",
    )
