"""G5 — reporting cadence (报告的种类和方法): daily, emergency and periodic written reports.

Source: seed 003 §客户管理办法 6.1.1-2, 4, 5, 6.

* Daily report (日常报告): oral, weekly, to the direct superior [seed] — :func:`weekly_report`.
* Emergency report (紧急报告): oral or by phone, at once, when a customer refuses or may refuse
  payment or another emergency occurs [seed] (also C6) — :func:`emergency_report`.
* Periodic written report (定期报告): A in March and September, B in January, April, July and
  October, C every month [seed]; the report goes salesperson → supervisor at the month end →
  business-department manager → VP in charge → general manager — :func:`report_schedule`.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._grading.model import Grade
from customer_rules._validation import check_ascending, check_instance, check_int, raise_if
from customer_rules.calendars import CALENDAR_DAYS, Calendar, Deadline, DeadlineMode
from customer_rules.dates import add_months, month_end, require_aware, require_date
from customer_rules.errors import InputError, PolicyError, Problem
from customer_rules.reasons import Reason, register_messages
from customer_rules.roles import Role

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
_MAX_DEADLINE_DAYS = 366
_FIRST_DAY = dt.date(2, 1, 1)
_LAST_DAY = dt.date(9990, 12, 31)


def _require_day(value: object, field: str) -> dt.date:
    """``require_date`` plus the range in which every G5/G6 date computation stays representable."""
    day = require_date(value, field)
    if not _FIRST_DAY <= day <= _LAST_DAY:
        raise InputError(field, value, f"a date from {_FIRST_DAY} to {_LAST_DAY}")
    return day


def _months(value: object, field: attrs.Attribute[Any]) -> tuple[int, ...]:
    """attrs converter: a list or tuple of months (TOML gives lists) becomes a tuple."""
    if isinstance(value, (list, tuple)):
        return tuple(value)
    raise PolicyError([Problem(field.name, f"expected a list of months 1-12, got {value!r}")])


def _months_field(default: tuple[int, ...]) -> Any:
    return attrs.field(default=default, converter=attrs.Converter(_months, takes_field=True))


@attrs.frozen
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
        PolicyError: listing every invalid field.

    Example:
        >>> ReportingPolicy().months(Grade.B)
        (1, 4, 7, 10)
        >>> ReportingPolicy(supervisor_deadline=Deadline(3)).supervisor_deadline.days
        3
    """

    a_months: tuple[int, ...] = _months_field((3, 9))
    b_months: tuple[int, ...] = _months_field((1, 4, 7, 10))
    c_months: tuple[int, ...] = _months_field(_EVERY_MONTH)
    d_months: tuple[int, ...] = _months_field(_EVERY_MONTH)
    due_offset_months: int = 0
    supervisor_deadline: Deadline = Deadline(2)
    manager_deadline: Deadline = Deadline(5, count_start_day=True)
    weekly_report_weekday: int = 5

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name in ("a_months", "b_months", "c_months", "d_months"):
            _check_months(problems, name, getattr(self, name))
        check_int(problems, "due_offset_months", self.due_offset_months, 0, 12)
        for name in ("supervisor_deadline", "manager_deadline"):
            deadline = getattr(self, name)
            check_instance(problems, name, deadline, Deadline)
            if isinstance(deadline, Deadline):
                check_int(problems, f"{name}.days", deadline.days, 0, _MAX_DEADLINE_DAYS)
                check_instance(problems, f"{name}.mode", deadline.mode, DeadlineMode)
        check_int(problems, "weekly_report_weekday", self.weekly_report_weekday, 1, 7)
        raise_if(problems)

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
        if not isinstance(grade, Grade):
            raise InputError("grade", grade, "a Grade (A, B, C or D)")
        return {
            Grade.A: self.a_months,
            Grade.B: self.b_months,
            Grade.C: self.c_months,
            Grade.D: self.d_months,
        }[grade]


def _check_months(problems: list[Problem], name: str, months: tuple[int, ...]) -> None:
    if not months:
        problems.append(Problem(name, "expected at least one month, got none"))
        return
    before = len(problems)
    for index, month in enumerate(months):
        check_int(problems, f"{name}[{index}]", month, 1, 12)
    if len(problems) == before:
        names = [f"{name}[{i}]" for i in range(len(months))]
        check_ascending(problems, names, months)


class _Weekday(enum.Enum):
    """ISO weekdays with labels, for rendering reasons."""

    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 7

    @property
    def zh(self) -> str:
        return "周" + "一二三四五六日"[self.value - 1]

    @property
    def en(self) -> str:
        return self.name.capitalize()


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

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """G5 reasons: the grade's months, each step of the chain with its due date."""
        p = self.policy
        months_code = "G5.months.d" if self.grade is Grade.D else "G5.months"
        reasons = [
            Reason.of(
                "G5", months_code, grade=self.grade, months=self.months, period=self.period_end
            )
        ]
        if p.due_offset_months:
            reasons.append(
                Reason.of(
                    "G5",
                    "G5.written.offset",
                    period=self.period_end,
                    offset=p.due_offset_months,
                    due=self.next_due,
                )
            )
        else:
            reasons.append(Reason.of("G5", "G5.written", due=self.next_due))
        reasons.append(
            _chain_reason(
                p.supervisor_deadline,
                Role.SUPERVISOR,
                Role.SALES_MANAGER,
                self.next_due,
                self.supervisor_due,
            )
        )
        received_code = "G5.received.assumed" if self.manager_received is None else "G5.received"
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
        reasons.append(Reason.of("G5", "G5.vp", who=Role.VP_IN_CHARGE, to=Role.GENERAL_MANAGER))
        return tuple(reasons)


def _chain_reason(deadline: Deadline, who: Role, to: Role, start: dt.date, due: dt.date) -> Reason:
    counted = "same" if deadline.count_start_day else "next"
    return Reason.of(
        "G5",
        f"G5.chain.{counted}.{deadline.mode.value}",
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
        on: the day to look from (from 0002-01-01 to 9990-12-31).
        calendar: the calendar for working-day deadlines (``CALENDAR_DAYS`` by default; e.g.
            ``customer_rules.cn_calendar.china_working_days()``).
        manager_received: the day the business-department manager received this report; its
            5-day deadline counts from it. Without it, the deadline counts from the supervisor's
            due date, the latest day an on-time report can reach the manager.

    Returns:
        The schedule: ``next_due`` (salesperson), ``supervisor_due``, ``manager_due`` and the
        reasons citing G5.

    Raises:
        InputError: for a non-Grade ``grade``, a non-date ``on`` or ``manager_received``, a
            ``manager_received`` before the reporting month, or something that is not a
            :class:`~customer_rules.calendars.Calendar`.
        CalendarCoverageError: if a working-day deadline falls outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> s = report_schedule(Grade.A, GradingPolicy(), on=dt.date(2026, 4, 1))
        >>> s.next_due
        datetime.date(2026, 9, 30)
    """
    p = policy.reporting
    months = p.months(grade)
    day = _require_day(on, "on")
    if not isinstance(calendar, Calendar):
        raise InputError("calendar", calendar, "a Calendar, e.g. CALENDAR_DAYS")
    month = _reporting_month(months, day, p.due_offset_months)
    period_end = month_end(month)
    next_due = month_end(add_months(month, p.due_offset_months))
    supervisor_due = p.supervisor_deadline.due(next_due, calendar)
    received = None
    if manager_received is not None:
        received = _require_day(manager_received, "manager_received")
        if received < month:
            raise InputError(
                "manager_received",
                manager_received,
                f"a date on or after {month}, the start of the reporting month of this schedule",
            )
    start = supervisor_due if received is None else received
    return ReportSchedule(
        grade=grade,
        on=day,
        months=months,
        period_end=period_end,
        next_due=next_due,
        supervisor_due=supervisor_due,
        manager_received=received,
        manager_start=start,
        manager_due=p.manager_deadline.due(start, calendar),
        policy=p,
        policy_version=policy.version,
    )


def _reporting_month(months: tuple[int, ...], on: dt.date, offset: int) -> dt.date:
    """The first day of the first reporting month whose report is due on or after ``on``."""
    first = add_months(on.replace(day=1), -offset)
    for ahead in range(12):
        candidate = add_months(first, ahead)
        if candidate.month in months:
            return candidate
    raise AssertionError("unreachable: the policy guarantees at least one month 1-12")


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

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One G5 reason: oral, weekly, to the direct superior, on the policy's weekday."""
        return (
            Reason.of(
                "G5",
                "G5.weekly",
                to=Role.SUPERVISOR,
                weekday=_Weekday(self.weekday),
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
        InputError: if ``on`` is not a date.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> weekly_report(GradingPolicy(), on=dt.date(2026, 4, 10)).due
        datetime.date(2026, 4, 10)
    """
    day = _require_day(on, "on")
    weekday = policy.reporting.weekly_report_weekday
    due = day + dt.timedelta(days=(weekday - day.isoweekday()) % 7)
    return WeeklyReport(day, due, weekday, policy.version)


def weekly_report_due(policy: GradingPolicy, *, on: dt.date) -> dt.date:
    """G5: the day of the next weekly oral report, on or after ``on`` (see :func:`weekly_report`).

    Args:
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day to look from.

    Returns:
        The date of the next report (a Friday with the default policy).

    Raises:
        InputError: if ``on`` is not a date.

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
            Reason.of("G5", "G5.emergency", to=self.to, at=self.at),
            Reason.of("C6", "G5.emergency.c6"),
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


def _chain_messages() -> dict[str, tuple[str, str]]:
    units = {
        DeadlineMode.CALENDAR_DAYS: ("个自然日", "calendar day(s)"),
        DeadlineMode.WORKING_DAYS: ("个工作日", "working day(s)"),
        DeadlineMode.CALENDAR_THEN_ROLL: (
            "个自然日(截止日遇休息日顺延)",
            "calendar day(s), a due date on a rest day moving to the next working day",
        ),
    }
    counted = {
        "next": ("次日", "counting the day after {start} as day 1"),
        "same": ("当天", "counting {start} itself as day 1"),
    }
    messages: dict[str, tuple[str, str]] = {}
    for mode, (unit_zh, unit_en) in units.items():
        for key, (from_zh, from_en) in counted.items():
            messages[f"G5.chain.{key}.{mode.value}"] = (
                f"{{who}}自 {{start}} {from_zh}起算 {{days}} {unit_zh}内向{{to}}提示,截止 {{due}}",
                f"the {{who}} presents it to the {{to}} within {{days}} {unit_en},"
                f" {from_en}: due {{due}}",
            )
    return messages


register_messages(
    {
        "G5.months": (
            "{grade}定期书面报告月份:每年 {months} 月;本次报告月截至 {period}",
            "grade {grade} reports in writing in months {months}; this report's month ends"
            " {period}",
        ),
        "G5.months.d": (
            "{grade}定期书面报告月份:每年 {months} 月(制度未设D等级,按本库默认);"
            "本次报告月截至 {period}",
            "grade {grade} reports in writing in months {months} (the seed has no grade D:"
            " library default); this report's month ends {period}",
        ),
        "G5.written": (
            "书面报告于每月底向主管上级提示:业务员截止 {due}",
            "the salesperson's written report is due to the supervisor at the month end: {due}",
        ),
        "G5.written.offset": (
            "书面报告涵盖截至 {period} 的期间,顺延 {offset} 个月于月底提交:业务员截止 {due}",
            "the written report covers the period ending {period} and is due {offset} month(s)"
            " later, at the month end: {due}",
        ),
        "G5.received": (
            "业务部经理于 {start} 收到报告",
            "the sales manager received the report on {start}",
        ),
        "G5.received.assumed": (
            "未提供业务部经理收到日期,按主管上级截止日 {start} 起算",
            "no receipt date given: the sales manager's deadline counts from the supervisor's"
            " due date {start}",
        ),
        "G5.vp": (
            "{who}阅览后送交{to};制度未规定此步期限",
            "the {who} reads it and passes it to the {to}; the seed sets no deadline for this step",
        ),
        "G5.weekly": (
            "日常报告:每周向{to}口头报告;报告日为{weekday}(制度未规定星期几,按政策参数),下次 {due}",
            "daily report: oral, weekly, to the {to}; report day {weekday} (the seed names no"
            " day: policy parameter), next on {due}",
        ),
        "G5.emergency": (
            "紧急报告:应以最快速方式(口头或电话)在最短时间内向{to}报告,即时截止({at})",
            "emergency report: orally or by phone to the {to} at once, due immediately ({at})",
        ),
        "G5.emergency.c6": (
            "客户拒付、可能拒付货款或发生其他紧急事件时须紧急报告",
            "a customer refusing or likely to refuse payment, or another emergency, requires an"
            " emergency report",
        ),
        **_chain_messages(),
    }
)
