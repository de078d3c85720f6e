"""G5 — reporting cadence (报告的种类和方法): daily, emergency and periodic written reports.

Source: seed 003 §客户管理办法 6.1.1-2, 4, 5, 6.

* Daily report (日常报告): oral, weekly, to the direct superior [seed] — :func:`weekly_report`.
* Emergency report (紧急报告): oral or by phone, at once, when a customer refuses or may refuse
  payment or another emergency occurs [seed] (also C6) — :func:`emergency_report`.
* Periodic written report (定期报告): A in March and September, B in January, April, July and
  October, C every month [seed]; the report goes salesperson → supervisor at the month end →
  business-department manager → VP in charge → general manager — :func:`report_schedule`. Each
  grade's reporting months are a :class:`~customer_rules.recurrence.Recurrence` (the end of each
  reporting month, :meth:`ReportingPolicy.recurrence`), the vocabulary every chapter's recurring
  due dates share.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from customer_rules._grading.checks import calendar_arg, grading_policy, in_force
from customer_rules._grading.codes import GradingReason
from customer_rules._grading.model import Grade
from customer_rules.calendars import CALENDAR_DAYS, Calendar, Deadline, DeadlineMode, Weekday
from customer_rules.dates import LATEST, require_aware, require_date
from customer_rules.errors import InputError, Problem
from customer_rules.reasons import Reason
from customer_rules.recurrence import Recurrence
from customer_rules.roles import Role
from customer_rules.settings import Check, Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = [
    "EmergencyReport",
    "ReportSchedule",
    "ReportingPolicy",
    "WeeklyReport",
    "emergency_report",
    "report_schedule",
    "weekly_report",
    "weekly_report_due",
]

_EVERY_MONTH = tuple(range(1, 13))
_G5_WEEKLY = "G5; 003 §6.1.1-4"
_G5_MONTHS = "G5; 003 §6.1.1-6(2)"
_G5_CHAIN = "G5; 003 §6.1.1-6(3)"


def _months_check(name: str) -> Check:
    """The check of one month list: in calendar order, without repeats (the range of each item,
    1-12, is the setting's own ``low``/``high``).

    Scoped to its own field, so it runs (and its problems are reported with the others) whenever
    that field converted and is in range, whatever the other fields hold.
    """

    def check(instance: object) -> Iterator[Problem]:
        months: tuple[int, ...] = getattr(instance, name)
        for i in range(1, len(months)):
            before, month = months[i - 1], months[i]
            if not before < month:
                yield Problem(
                    f"{name}[{i}]",
                    f"expected more than {name}[{i - 1}] ({before}), got {month}",
                    month,
                    f"> {before}",
                )

    check.fields = (name,)  # type: ignore[attr-defined]
    return check


@policy(checks=[_months_check(n) for n in ("a_months", "b_months", "c_months", "d_months")])
class ReportingPolicy:
    """G5: when the periodic written reports fall due and how fast they move up the chain.

    Source: seed 003 §客户管理办法 6.1.1-4, 6.1.1-6.

    Attributes:
        a_months: reporting months of grade A, "6个月一次(每年9月、3月)" [seed: 3, 9].
        b_months: grade B, "3个月一次(每年1月、4月、7月、10月)" [seed: 1, 4, 7, 10].
        c_months: grade C, "每月一次" [seed: every month].
        d_months: grade D — the seed has no D grade (it is G2's library default), so D reports
            like the lowest grade it names, every month [default].
        due_offset_months: 0 — the report is due at the end of each reporting month (书面报告于
            每月底) [default]; 1 — the other reading, the report covers the period ending with the
            reporting month and is due at the end of the month after it.
        supervisor_deadline: supervisor → business-department manager, counted from the
            salesperson's due date, "从第2天算起2日内": the day after the month end is day 1, so
            the report is due on the 2nd of the next month — ``Deadline(2)`` [default reading];
            the other reading ("counting starts on the 2nd, due the 3rd") is ``Deadline(3)``.
            Use ``mode=DeadlineMode.WORKING_DAYS`` to count working days.
        manager_deadline: manager → VP in charge, "从收到当天算起5日内": the day of receipt is
            day 1, due receipt + 4 days — ``Deadline(5, count_start_day=True)`` [default
            reading]; the other reading (receipt + 5) is ``Deadline(5)``.
        weekly_report_weekday: ISO weekday (1 = Monday … 7 = Sunday) of the weekly oral daily
            report "每周向主管上级口头报告" [default: 5, Friday]. The seed says "weekly" but names
            no day; Friday closes the working week, so the report covers the whole week's
            customer contacts, and it is the usual day for a weekly report (周报).

    Every month list must be non-empty, in calendar order and without repeats; deadlines are
    :class:`~customer_rules.calendars.Deadline` values of at most 366 days.

    Raises:
        PolicyError: listing every invalid field with its path (``c_months[0]``,
            ``supervisor_deadline.days``).

    The file form is the month lists above; :meth:`recurrence` gives each grade's as a
    :class:`~customer_rules.recurrence.Recurrence` — the end of each reporting month — which is
    what :func:`report_schedule` counts with.

    Example:
        >>> ReportingPolicy().months(Grade.B)
        (1, 4, 7, 10)
        >>> ReportingPolicy(supervisor_deadline=Deadline(3)).supervisor_deadline.days
        3
        >>> ReportingPolicy().recurrence(Grade.A).label.en
        'the end of March and September'
    """

    a_months: tuple[int, ...] = setting(
        default=(3, 9), unit=Unit.MONTH_OF_YEAR, source=_G5_MONTHS, low=1, high=12, min_items=1
    )
    b_months: tuple[int, ...] = setting(
        default=(1, 4, 7, 10),
        unit=Unit.MONTH_OF_YEAR,
        source=_G5_MONTHS,
        low=1,
        high=12,
        min_items=1,
    )
    c_months: tuple[int, ...] = setting(
        default=_EVERY_MONTH,
        unit=Unit.MONTH_OF_YEAR,
        source=_G5_MONTHS,
        low=1,
        high=12,
        min_items=1,
    )
    d_months: tuple[int, ...] = setting(
        default=_EVERY_MONTH,
        unit=Unit.MONTH_OF_YEAR,
        source=_G5_MONTHS,
        mark=Mark.DEFAULT,
        low=1,
        high=12,
        min_items=1,
    )
    due_offset_months: int = setting(
        default=0, unit=Unit.MONTHS, source=_G5_CHAIN, mark=Mark.DEFAULT, high=12
    )
    supervisor_deadline: Deadline = setting(
        default=Deadline(2), unit=Unit.TABLE, source=_G5_CHAIN, mark=Mark.DEFAULT
    )
    manager_deadline: Deadline = setting(
        default=Deadline(5, count_start_day=True),
        unit=Unit.TABLE,
        source=_G5_CHAIN,
        mark=Mark.DEFAULT,
    )
    weekly_report_weekday: int = setting(
        default=5, unit=Unit.WEEKDAY, source=_G5_WEEKLY, mark=Mark.DEFAULT, low=1, high=7
    )

    def months(self, grade: Grade) -> tuple[int, ...]:
        """G5: the reporting months of ``grade``.

        Args:
            grade: the customer's grade.

        Returns:
            The months (1-12) in which the grade's periodic written report falls.

        Raises:
            InputError: if ``grade`` is not a :class:`Grade`.

        Example:
            >>> ReportingPolicy().months(Grade.A)
            (3, 9)
        """
        if grade is Grade.A:
            return self.a_months
        if grade is Grade.B:
            return self.b_months
        if grade is Grade.C:
            return self.c_months
        if grade is Grade.D:
            return self.d_months
        raise InputError("grade", grade, "a Grade (A, B, C or D)")

    def recurrence(self, grade: Grade) -> Recurrence:
        """G5: the periodic written report of ``grade`` as a recurrence: the end of each of its
        reporting months (:meth:`months`), due that day.

        Raises:
            InputError: if ``grade`` is not a :class:`Grade`.

        Example:
            >>> ReportingPolicy().recurrence(Grade.B).first_on_or_after(dt.date(2026, 2, 1))
            datetime.date(2026, 4, 30)
        """
        found = self._recurrences.get(grade) if isinstance(grade, Grade) else None
        if found is None:
            raise InputError("grade", grade, "a Grade (A, B, C or D)")
        return found

    @functools.cached_property
    def _recurrences(self) -> dict[Grade, Recurrence]:
        return {grade: Recurrence.in_months(*self.months(grade)) for grade in Grade}


@attrs.frozen
class ReportSchedule:
    """G5: the next periodic written report of a customer and its deadline chain.

    Attributes:
        grade: the customer's grade.
        on: the day the schedule was computed from.
        months: the grade's reporting months that were used.
        period_end: the last day of the reporting month.
        next_due: the salesperson's written report to the supervisor is due on this day (the
            reporting month's end, moved by ``due_offset_months``).
        supervisor_due: the supervisor must present it to the business-department manager by
            this day.
        manager_received: the day the manager received it, if the host gave one.
        manager_start: the day the manager's deadline counts from: ``manager_received``, else
            ``supervisor_due`` (the latest on-time receipt).
        manager_due: the manager must present it to the VP in charge by this day. The VP reads
            it and passes it to the general manager; the seed sets no deadline for that step.
        policy: the reporting policy used.
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> s = report_schedule(Grade.A, GradingPolicy(), on=dt.date(2026, 3, 31))
        >>> s.next_due, s.supervisor_due, s.manager_due
        (datetime.date(2026, 3, 31), datetime.date(2026, 4, 2), datetime.date(2026, 4, 6))
    """

    grade: Grade
    on: dt.date
    months: tuple[int, ...]
    period_end: dt.date
    next_due: dt.date
    supervisor_due: dt.date
    manager_received: dt.date | None
    manager_start: dt.date
    manager_due: dt.date
    policy: ReportingPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """G5 reasons: the grade's months, each step of the chain with its due date."""
        p = self.policy
        months_code = (
            GradingReason.G5_MONTHS_D if self.grade is Grade.D else GradingReason.G5_MONTHS
        )
        reasons = [
            Reason.of(
                "G5", months_code, grade=self.grade, months=self.months, period=self.period_end
            )
        ]
        if p.due_offset_months:
            reasons.append(
                Reason.of(
                    "G5",
                    GradingReason.G5_WRITTEN_OFFSET,
                    period=self.period_end,
                    offset=p.due_offset_months,
                    due=self.next_due,
                )
            )
        else:
            reasons.append(Reason.of("G5", GradingReason.G5_WRITTEN, due=self.next_due))
        reasons.append(
            _chain_reason(
                p.supervisor_deadline,
                Role.SUPERVISOR,
                Role.SALES_MANAGER,
                self.next_due,
                self.supervisor_due,
            )
        )
        received_code = (
            GradingReason.G5_RECEIVED_ASSUMED
            if self.manager_received is None
            else GradingReason.G5_RECEIVED
        )
        reasons.append(Reason.of("G5", received_code, start=self.manager_start))
        reasons.append(
            _chain_reason(
                p.manager_deadline,
                Role.SALES_MANAGER,
                Role.VP_IN_CHARGE,
                self.manager_start,
                self.manager_due,
            )
        )
        reasons.append(
            Reason.of("G5", GradingReason.G5_VP, who=Role.VP_IN_CHARGE, to=Role.GENERAL_MANAGER)
        )
        return tuple(reasons)


_CHAIN_CODES: dict[tuple[bool, DeadlineMode], GradingReason] = {
    (False, DeadlineMode.CALENDAR_DAYS): GradingReason.G5_CHAIN_NEXT_CALENDAR_DAYS,
    (False, DeadlineMode.WORKING_DAYS): GradingReason.G5_CHAIN_NEXT_WORKING_DAYS,
    (False, DeadlineMode.CALENDAR_THEN_ROLL): GradingReason.G5_CHAIN_NEXT_CALENDAR_THEN_ROLL,
    (True, DeadlineMode.CALENDAR_DAYS): GradingReason.G5_CHAIN_SAME_CALENDAR_DAYS,
    (True, DeadlineMode.WORKING_DAYS): GradingReason.G5_CHAIN_SAME_WORKING_DAYS,
    (True, DeadlineMode.CALENDAR_THEN_ROLL): GradingReason.G5_CHAIN_SAME_CALENDAR_THEN_ROLL,
}
"""The reason code of a step of the chain, by (``count_start_day``, ``mode``) of its deadline."""


def _chain_reason(deadline: Deadline, who: Role, to: Role, start: dt.date, due: dt.date) -> Reason:
    return Reason.of(
        "G5",
        _CHAIN_CODES[deadline.count_start_day, deadline.mode],
        who=who,
        to=to,
        start=start,
        days=deadline.days,
        due=due,
    )


def report_schedule(
    grade: Grade,
    policy: GradingPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
    manager_received: dt.date | None = None,
) -> ReportSchedule:
    """G5: the next periodic written report of a customer of ``grade`` and its deadline chain.

    The report is the one of the first reporting month of the grade whose due date is on or after
    ``on`` — with the default ``due_offset_months=0`` that is simply the next reporting month on
    or after ``on`` (an A customer on 2026-03-31 reports for March, on 2026-04-01 for
    September). The salesperson's report is due at that month's end; the supervisor's and the
    manager's deadlines follow from ``policy.reporting`` and ``calendar``.

    Args:
        grade: the customer's grade.
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day to look from, from :data:`~customer_rules.dates.EARLIEST` to
            :data:`~customer_rules.dates.LATEST`.
        calendar: the calendar for working-day deadlines (``CALENDAR_DAYS`` by default; e.g.
            ``customer_rules.cn_calendar.china_working_days()``).
        manager_received: the day the business-department manager received this report; its
            5-day deadline counts from it. Without it, the deadline counts from the supervisor's
            due date, the latest day an on-time report can reach the manager.

    Returns:
        The schedule: ``next_due`` (salesperson), ``supervisor_due``, ``manager_due`` and the
        reasons citing G5.

    Raises:
        InputError: for a non-Grade ``grade``, a ``policy`` that is not a ``GradingPolicy``, a
            non-date or out-of-range ``on`` or ``manager_received``, a ``manager_received``
            before the reporting month, something that is not a
            :class:`~customer_rules.calendars.Calendar`, or an ``on`` so close to
            :data:`~customer_rules.dates.LATEST` that the chain would start after it.
        CalendarCoverageError: if a working-day deadline falls outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> s = report_schedule(Grade.A, GradingPolicy(), on=dt.date(2026, 4, 1))
        >>> s.next_due
        datetime.date(2026, 9, 30)
    """
    if not isinstance(grade, Grade):
        raise InputError("grade", grade, "a Grade (A, B, C or D)")
    grading = grading_policy(policy)
    p = grading.reporting
    months = p.months(grade)
    recurrence = p.recurrence(grade)
    day = require_date(on, "on")
    in_force(grading, day)
    calendar_arg(calendar)
    received = None
    if manager_received is not None:
        received = require_date(manager_received, "manager_received")
    # the first reporting month whose report is due on or after ``day``: the first occurrence
    # in or after the month ``due_offset_months`` before it — as a month index, so a period
    # before 1900 (``on`` in 1900 with an offset) is still an answer
    index = recurrence._first_month(day.year * 12 + day.month - 1 - p.due_offset_months)
    month = _month_start(index)
    if received is not None and received < month:
        raise InputError(
            "manager_received",
            manager_received,
            f"a date on or after {month}, the start of the reporting month of this schedule",
        )
    next_due = _month_end(index + p.due_offset_months)
    if next_due > LATEST:
        raise InputError("on", on, _BEYOND)
    supervisor_due = p.supervisor_deadline.due(next_due, calendar)
    start = supervisor_due if received is None else received
    if start > LATEST:
        raise InputError("on", on, _BEYOND)
    return ReportSchedule(
        grade=grade,
        on=day,
        months=months,
        period_end=_month_end(index),
        next_due=next_due,
        supervisor_due=supervisor_due,
        manager_received=received,
        manager_start=start,
        manager_due=p.manager_deadline.due(start, calendar),
        policy=p,
        policy_version=grading.version,
        policy_effective=grading.effective,
    )


_BEYOND = (
    f"a date far enough before {LATEST.isoformat()}, the last supported day, that the"
    " salesperson's due date (and the supervisor's, when no receipt date is given) is not after it"
)


def _month_start(index: int) -> dt.date:
    year, month0 = divmod(index, 12)
    return dt.date(year, month0 + 1, 1)


def _month_end(index: int) -> dt.date:
    year, month0 = divmod(index, 12)
    return dt.date(year, month0 + 1, _calendar.monthrange(year, month0 + 1)[1])


@attrs.frozen
class WeeklyReport:
    """G5: the next weekly oral daily report (日常报告) to the direct superior.

    Attributes:
        on: the day asked about.
        due: the next report day on or after ``on``.
        weekday: the ISO weekday of the report (policy parameter).
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> weekly_report(GradingPolicy(), on=dt.date(2026, 4, 6)).due
        datetime.date(2026, 4, 10)
    """

    on: dt.date
    due: dt.date
    weekday: int
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One G5 reason: oral, weekly, to the direct superior, on the policy's weekday."""
        return (
            Reason.of(
                "G5",
                GradingReason.G5_WEEKLY,
                to=Role.SUPERVISOR,
                weekday=Weekday(self.weekday),
                due=self.due,
            ),
        )


def weekly_report(policy: GradingPolicy, *, on: dt.date) -> WeeklyReport:
    """G5: the next weekly oral report to the direct superior, on or after ``on``.

    "按照客户信息内容要求每周向主管上级口头报告" [seed]; the weekday is
    ``policy.reporting.weekly_report_weekday`` (Friday [default]), a calendar weekday.

    Args:
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day to look from.

    Returns:
        The next report day with its G5 reason.

    Raises:
        InputError: if ``policy`` is not a ``GradingPolicy`` or ``on`` is not a date from
            :data:`~customer_rules.dates.EARLIEST` to :data:`~customer_rules.dates.LATEST`.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> weekly_report(GradingPolicy(), on=dt.date(2026, 4, 10)).due
        datetime.date(2026, 4, 10)
    """
    grading = grading_policy(policy)
    day = require_date(on, "on")
    in_force(grading, day)
    weekday = grading.reporting.weekly_report_weekday
    due = day + dt.timedelta(days=(weekday - day.isoweekday()) % 7)
    return WeeklyReport(day, due, weekday, grading.version, policy_effective=grading.effective)


def weekly_report_due(policy: GradingPolicy, *, on: dt.date) -> dt.date:
    """G5: the day of the next weekly oral report, on or after ``on`` (see :func:`weekly_report`).

    Args:
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day to look from.

    Returns:
        The date of the next report (a Friday with the default policy).

    Raises:
        InputError: if ``policy`` is not a ``GradingPolicy`` or ``on`` is not a date from
            :data:`~customer_rules.dates.EARLIEST` to :data:`~customer_rules.dates.LATEST`.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> weekly_report_due(GradingPolicy(), on=dt.date(2026, 4, 11))
        datetime.date(2026, 4, 17)
    """
    return weekly_report(policy, on=on).due


@attrs.frozen
class EmergencyReport:
    """G5 / C6: an emergency report (紧急报告), due at once, orally or by phone.

    Attributes:
        at: when the emergency became known (timezone-aware).
        due: when the report is due — ``at`` itself: "以最快速方式在最短时间内" [seed].
        to: the role to report to, the direct superior (主管上级).

    Example:
        >>> import datetime as dt
        >>> from customer_rules.dates import SHANGHAI
        >>> at = dt.datetime(2026, 4, 1, 9, 30, tzinfo=SHANGHAI)
        >>> emergency_report(at).due == at
        True
    """

    at: dt.datetime
    due: dt.datetime
    to: Role

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Two reasons: G5 (the report, oral or by phone, at once) and C6 (its triggers)."""
        return (
            Reason.of("G5", GradingReason.G5_EMERGENCY, to=self.to, at=self.at),
            Reason.of("C6", GradingReason.G5_EMERGENCY_C6),
        )


def emergency_report(at: dt.datetime) -> EmergencyReport:
    """G5 / C6: an emergency report is due at once, orally or by phone, to the direct superior.

    "当遇客户拒付、可能拒付货款,或其他紧急事件发生时,应以最快速方式在最短时间内向主管上级报告"
    [seed]: no period to compute — the report is due the moment the emergency is known. The seed
    sets no parameter for it, so the rule takes no policy.

    Args:
        at: when the emergency became known; must be timezone-aware.

    Returns:
        The report, due at ``at``, with reasons citing G5 and C6.

    Raises:
        InputError: for a naive datetime or anything that is not a datetime (field ``at``).

    Example:
        >>> import datetime as dt
        >>> from customer_rules.dates import SHANGHAI
        >>> emergency_report(dt.datetime(2026, 4, 1, 9, 30, tzinfo=SHANGHAI)).to
        <Role.SUPERVISOR: 'supervisor'>
    """
    moment = require_aware(at, "at")
    return EmergencyReport(moment, moment, Role.SUPERVISOR)
