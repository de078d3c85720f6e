"""A15 — the weekly development summary: every Monday, sales admin to the chairman, in writing.

Source: seed 001 §4.4.1 "销售内勤应每周一对每个销售人员的开发客户情况进行整理汇总,
并向董事长书面汇报".

:func:`weekly_summary` gives, for the report day on or after a day asked about, one line per
salesperson: the customers they registered, acted on and won in the week before the report
day, those still in development, and those in development without a sales action that week.
The report day is a weekday of the calendar (Monday [seed]) and its due date a
:class:`~customer_rules.calendars.Deadline` from it through the policy's calendar — the weekly
counterpart of the recurrences of :mod:`customer_rules.recurrence`, which count months and do
not name weekdays.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._allocation.checks import allocation_policy, day_in_force, items_of
from customer_rules._allocation.codes import AllocationReason
from customer_rules._allocation.model import PersonStatus, Salesperson
from customer_rules._grading.checks import calendar_arg
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar, Deadline, Weekday
from customer_rules.dates import require_date
from customer_rules.errors import InputError
from customer_rules.reasons import Reason
from customer_rules.roles import Role
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._allocation.policy import AllocationPolicy

__all__ = [
    "Development",
    "PersonDevelopment",
    "SummaryPolicy",
    "WeeklySummary",
    "weekly_summary",
]

_A15 = "A15; 001 §4.4.1"
_R = AllocationReason
_WEEK = 7


@policy
class SummaryPolicy:
    """A15: the weekly development summary.

    Attributes:
        weekday: the report day [seed: Monday, 每周一].
        deadline: its due date, counted from the report day [default: the day itself; a company
            whose Monday falls on a holiday may use ``CALENDAR_THEN_ROLL`` to move it to the next
            working day].
        preparer: who prepares it [seed: sales admin, 销售内勤].
        recipient: to whom it is reported, in writing [seed: the chairman, 董事长].
        period_days: the days before the report day it covers [default: 7, the week before].

    Raises:
        PolicyError: listing every invalid field with its path (``deadline.mode``).
    """

    weekday: Weekday = setting(default=Weekday.MONDAY, unit=Unit.WEEKDAY, source=_A15)
    deadline: Deadline = setting(
        default=Deadline(), unit=Unit.TABLE, source=_A15, mark=Mark.DEFAULT
    )
    preparer: Role = setting(default=Role.SALES_ADMIN, unit=Unit.ROLE, source=_A15)
    recipient: Role = setting(default=Role.CHAIRMAN, unit=Unit.ROLE, source=_A15)
    period_days: int = setting(
        default=_WEEK, unit=Unit.DAYS, source=_A15, mark=Mark.DEFAULT, low=1, high=31
    )


# --------------------------------------------------------------------------- facts


_IS_TEXT = fact_check(str, "a text (may be empty)")
_IS_DAY = fact_check(dt.date, "a datetime.date")
_IS_OPTIONAL_DAY = fact_check(dt.date, "a datetime.date or None", optional=True)


def _to_days(value: Any) -> tuple[dt.date, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError("actions", value, "a list of the days of the sales actions")
    return tuple(require_date(day, f"actions[{i}]") for i, day in enumerate(value))


@attrs.frozen
class Development:
    """One customer a salesperson develops (开发客户, A15), as the registration form and the
    sales records give it.

    Attributes:
        salesperson: the id of the salesperson developing it.
        customer: the customer's id.
        registered_on: the day it was registered with sales admin (A7).
        name: the customer's name.
        actions: the days of the sales actions on it (contact, visit, quotation), any order.
        won_on: the day the development succeeded (a signed contract); ``None`` while in
            development.

    Raises:
        InputError: naming the field: a blank id, a value that is not a date, an action
            (``actions[1]``) or the success before the registration.
    """

    salesperson: str = attrs.field(validator=non_empty_text)
    customer: str = attrs.field(validator=non_empty_text)
    registered_on: dt.date = attrs.field(validator=_IS_DAY)
    name: str = attrs.field(default="", validator=_IS_TEXT)
    actions: tuple[dt.date, ...] = attrs.field(default=(), converter=_to_days)
    won_on: dt.date | None = attrs.field(default=None, validator=_IS_OPTIONAL_DAY)

    def __attrs_post_init__(self) -> None:
        registered = require_date(self.registered_on, "registered_on")
        expected = f"a day on or after registered_on ({registered})"
        for i, action in enumerate(self.actions):
            if action < registered:
                raise InputError(f"actions[{i}]", action, expected)
        if self.won_on is not None and require_date(self.won_on, "won_on") < registered:
            raise InputError("won_on", self.won_on, expected)


# --------------------------------------------------------------------------- results


@attrs.frozen
class PersonDevelopment:
    """A15: one salesperson's line of the weekly summary.

    Attributes:
        person: the salesperson's id.
        name: their name ("" when not on the roster).
        registered: the customers registered in the period.
        acted: the customers with a sales action in the period.
        won: the customers won in the period.
        developing: the customers in development at the period's end (registered by then, not
            won by then).
        idle: those of ``developing`` registered before the period and without a sales action
            in it.
    """

    person: str
    name: str
    registered: tuple[str, ...]
    acted: tuple[str, ...]
    won: tuple[str, ...]
    developing: tuple[str, ...]
    idle: tuple[str, ...]

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One A15 reason: the counts of the line."""
        return (
            Reason.of(
                "A15",
                _R.A15_LINE,
                person=f"{self.person} {self.name}" if self.name else self.person,
                registered=len(self.registered),
                acted=len(self.acted),
                won=len(self.won),
                developing=len(self.developing),
                idle=len(self.idle),
            ),
        )


@attrs.frozen
class WeeklySummary:
    """A15: the weekly development summary.

    Attributes:
        on: the day asked about.
        report_day: the report day on or after ``on`` (a Monday [seed]).
        due: the last day to report, from the policy's deadline.
        start: the first day the summary covers.
        end: the last day it covers (the day before the report day).
        preparer: who prepares it (sales admin [seed]).
        recipient: who receives it, in writing (the chairman [seed]).
        lines: one per salesperson, by id.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    on: dt.date
    report_day: dt.date
    due: dt.date
    start: dt.date
    end: dt.date
    preparer: Role
    recipient: Role
    lines: tuple[PersonDevelopment, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The A15 report (who, to whom, in writing, by when, what it covers), then each line."""
        head = Reason.of(
            "A15",
            _R.A15_SUMMARY,
            preparer=self.preparer,
            recipient=self.recipient,
            report_day=self.report_day,
            due=self.due,
            start=self.start,
            end=self.end,
            people=len(self.lines),
        )
        return (head, *(r for line in self.lines for r in line.reasons))


def weekly_summary(
    developments: Iterable[Development],
    roster: Iterable[Salesperson],
    policy: AllocationPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
) -> WeeklySummary:
    """A15: the development summary sales admin reports to the chairman on the next report day.

    The report day is the first ``policy.summary.weekday`` (Monday [seed]) on or after ``on``;
    the summary covers the ``period_days`` (7 [default]) before it. Every salesperson on the
    roster who is not inactive has a line — with zeros when they developed nothing ("对每个销售
    人员") — and so does anyone the developments name who is not on the roster. Developments
    registered after the period are not in it.

    Args:
        developments: the customers in development and developed, any order.
        roster: the salespeople.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        on: the day asked about.
        calendar: the calendar the deadline counts with.

    Returns:
        The :class:`WeeklySummary`.

    Raises:
        InputError: naming the argument or item (``developments[2]``) when not of its type,
            ``on`` when not a date of the supported range or before the policy takes effect.
        CalendarCoverageError: for a working-day deadline outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy, Salesperson
        >>> dev = [Development("S1", "C1", dt.date(2026, 11, 24), actions=[dt.date(2026, 11, 26)])]
        >>> s = weekly_summary(dev, [Salesperson("S1"), Salesperson("S2")], AllocationPolicy(),
        ...                    on=dt.date(2026, 11, 26))
        >>> s.report_day, s.start, s.end
        (datetime.date(2026, 11, 30), datetime.date(2026, 11, 23), datetime.date(2026, 11, 29))
        >>> [(line.person, line.registered, line.acted) for line in s.lines]
        [('S1', ('C1',), ('C1',)), ('S2', (), ())]
    """
    checked = allocation_policy(policy)
    day = require_date(on, "on")
    day_in_force(checked, day)
    calendar_arg(calendar)
    records: list[Development] = items_of(
        developments, "developments", Development, "Development values"
    )
    people: list[Salesperson] = items_of(roster, "roster", Salesperson, "Salesperson values")
    p = checked.summary
    report_day = day + dt.timedelta(days=(p.weekday.value - day.isoweekday()) % _WEEK)
    end = report_day - dt.timedelta(days=1)
    start = report_day - dt.timedelta(days=p.period_days)
    names: dict[str, str] = {}
    for person in people:
        if person.status is not PersonStatus.INACTIVE:
            names.setdefault(person.id, person.name)
    mine: dict[str, list[Development]] = {pid: [] for pid in names}
    for record in records:
        if record.registered_on <= end:
            mine.setdefault(record.salesperson, []).append(record)
    lines = tuple(
        _line(
            pid, names.get(pid, ""), sorted(found, key=operator.attrgetter("customer")), start, end
        )
        for pid, found in sorted(mine.items())
    )
    return WeeklySummary(
        day,
        report_day,
        p.deadline.due(report_day, calendar),
        start,
        end,
        p.preparer,
        p.recipient,
        lines,
        checked.version,
        policy_effective=checked.effective,
    )


def _line(
    person: str, name: str, records: list[Development], start: dt.date, end: dt.date
) -> PersonDevelopment:
    registered, acted, won, developing, idle = [], [], [], [], []
    for r in records:
        if start <= r.registered_on:
            registered.append(r.customer)
        action = any(start <= day <= end for day in r.actions)
        if action:
            acted.append(r.customer)
        if r.won_on is not None and start <= r.won_on <= end:
            won.append(r.customer)
        if r.won_on is None or r.won_on > end:
            developing.append(r.customer)
            if r.registered_on < start and not action:
                idle.append(r.customer)
    return PersonDevelopment(
        person, name, tuple(registered), tuple(acted), tuple(won), tuple(developing), tuple(idle)
    )
