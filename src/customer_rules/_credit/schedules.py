"""C8, C9, C10 — the credit chapter's recurring duties and risk screening.

Sources: seed 003 §6.2.4-5(1),(2) (C8); 003 §客户制度管理办法 第十三条 and §公司客户管理制度 (3rd)
第十一条 (C9); seed 000 §客户名簿处理制度 第四条(二) (C10).

* C8 monthly information update: "办事处每月5日前,将上月与客户业务往来的日期、接洽内容、经办人员
  等简要内容报业务部,由业务部在客户信息档案中予以记载或更新" — :func:`monthly_update_due`
  (when the next report is due) and :func:`monthly_update` (one office's report: on time, the
  dealings of the month to record, each customer's).
* C8 year-end policy review: "每年底,公司业务部依据信用政策和市场竞争的需要,做出应否改变信用标
  准、信用条件、可否接受客户的信用订单以及应当采取怎样的收账方案的决策,制定和调整下年度的信用
  管理政策" — :func:`year_end_review_due` and :func:`year_end_review` (the four decisions).
* C9 risk screening: "客户管理流程包括客户登记、客户评估和客户跟进三个环节…客户评估是指…进行资
  质审核、信用评估和风险评估"; "对高风险客户进行定期监控和评估" — the steps are a workflow table
  (``policy.screening.table``), :func:`screen_customer` reads one evaluation, and
  :func:`reassessment_due` says when a customer is assessed again — quarterly for a high-risk one
  [default].
* C10 finance survey: "财务科应一年2次(2月、8月)定期对交易往来客户作调查,如果有变化的时候,在
  交易往来客户原簿及交易往来客户一览表里记入、订正" — :func:`finance_survey_due` and
  :func:`finance_survey` (the changes found, as entries for the card and the list).

Every due date comes from a :class:`~customer_rules.recurrence.Recurrence` of the policy through a
:class:`~customer_rules.calendars.Calendar`; every result names the role that must act next
(``next_role``, C11).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._checks import calendar_arg
from customer_rules._credit.codes import CreditReason
from customer_rules._credit.model import policy_and_day
from customer_rules._credit.review import _last_day
from customer_rules._validation import IS_BOOL, fact_check, non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar
from customer_rules.dates import EARLIEST, LATEST
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.recurrence import Occurrence, Recurrence, RecurrenceBasis
from customer_rules.roles import Role, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import Event, State, Transition, WorkflowTable

if TYPE_CHECKING:
    from customer_rules._credit.policy import CreditPolicy

__all__ = [
    "Dealing",
    "Duty",
    "FinanceSurvey",
    "MonthlyReport",
    "MonthlyUpdate",
    "PartnerBook",
    "PartnerChange",
    "PartnerEntry",
    "PolicyMatter",
    "ReassessmentDue",
    "RiskLevel",
    "ScheduleDue",
    "SchedulesPolicy",
    "ScreeningFacts",
    "ScreeningPolicy",
    "ScreeningResult",
    "SurveyResult",
    "YearEndDecision",
    "YearEndReview",
    "finance_survey",
    "finance_survey_due",
    "monthly_update",
    "monthly_update_due",
    "reassessment_due",
    "screen_customer",
    "year_end_review",
    "year_end_review_due",
]

_R = CreditReason
_C8_UPDATE = "C8; 003 §6.2.4-5(1)"
_C8_YEAR_END = "C8; 003 §6.2.4-5(2)"
_C8_APPROVAL = "C8, C11; 003 §6.2.3-1(1)"
_C9 = "C9; 003 §客户制度管理办法 第十三条, §公司客户管理制度 (3rd) 第十一条"
_C10 = "C10; 000 第四条(二)"
_ONE_DAY = dt.timedelta(days=1)


def _month_text(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month_start(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


# --------------------------------------------------------------------------- the policies


@policy
class SchedulesPolicy:
    """C8 and C10: the monthly information update, the year-end policy review and the finance
    survey — when each falls due and who does it.

    Sources: seed 003 §6.2.4-5(1),(2), §6.2.3-1(1); seed 000 第四条(二).

    Attributes:
        monthly_update: "办事处每月5日前…报业务部" — the 5th of each month
            (``Recurrence.monthly(5)``) [seed; "5日前" read as on or before the 5th — day 4 is
            the other reading, strictly before]; it reports the month before.
        update_role: who reports the previous month's dealings [seed: the office — its
            director].
        records_role: who records them in the customer files [seed: the business department].
        year_end_review: "每年底" — 31 December (``Recurrence.in_months(12)``) [seed].
        year_end_role: who decides whether to change the credit standard, the credit terms,
            the acceptance of credit orders and the collection approach for the next year
            [seed: the business department].
        policy_approving_role: who approves a changed credit policy before it applies, "总经理
            负责审批公司的信用管理制度" [seed: the general manager].
        survey: "一年2次(2月、8月)" — the end of February and of August
            (``Recurrence.in_months(2, 8)``) [seed; the month end is the library's reading of
            "in February": a survey any day of the month is on time].
        survey_role: who surveys the trading partners and writes the ledger card and list
            [seed: finance (财务科)].

    Raises:
        PolicyError: listing every invalid field with its path (``survey.months[1]``).

    Example:
        >>> SchedulesPolicy().monthly_update.label.zh
        '每月5日'
    """

    monthly_update: Recurrence = setting(
        default=Recurrence.monthly(5), unit=Unit.TABLE, source=_C8_UPDATE
    )
    update_role: Role = setting(default=Role.OFFICE_DIRECTOR, unit=Unit.ROLE, source=_C8_UPDATE)
    records_role: Role = setting(
        default=Role.BUSINESS_DEPARTMENT, unit=Unit.ROLE, source=_C8_UPDATE
    )
    year_end_review: Recurrence = setting(
        default=Recurrence.in_months(12), unit=Unit.TABLE, source=_C8_YEAR_END
    )
    year_end_role: Role = setting(
        default=Role.BUSINESS_DEPARTMENT, unit=Unit.ROLE, source=_C8_YEAR_END
    )
    policy_approving_role: Role = setting(
        default=Role.GENERAL_MANAGER, unit=Unit.ROLE, source=_C8_APPROVAL
    )
    survey: Recurrence = setting(default=Recurrence.in_months(2, 8), unit=Unit.TABLE, source=_C10)
    survey_role: Role = setting(default=Role.FINANCE, unit=Unit.ROLE, source=_C10)


class RiskLevel(LabelledEnum):
    """C9: the outcome of a risk assessment (风险评估)."""

    LOW = "low"
    """低风险."""
    MEDIUM = "medium"
    """中风险."""
    HIGH = "high"
    """高风险."""

    @property
    def rank(self) -> int:
        """1 (low) to 3 (high)."""
        return _RISK_RANK[self]


_RISK_RANK = {RiskLevel.LOW: 1, RiskLevel.MEDIUM: 2, RiskLevel.HIGH: 3}

set_labels(
    {
        RiskLevel.LOW: ("低风险", "low risk"),
        RiskLevel.MEDIUM: ("中风险", "medium risk"),
        RiskLevel.HIGH: ("高风险", "high risk"),
    }
)

_SCREENING = "C9.screening"
_UNREGISTERED, _REGISTERED, _EVALUATED, _FOLLOWING = (
    "unregistered",
    "registered",
    "evaluated",
    "following",
)
_REGISTER, _EVALUATE, _FOLLOW_UP, _REASSESS = "register", "evaluate", "follow_up", "reassess"

_SEED_SCREENING = WorkflowTable(
    name=_SCREENING,
    rule="C9",
    initial=_UNREGISTERED,
    states=(
        State(_UNREGISTERED, "待登记", "not registered"),
        State(_REGISTERED, "已登记", "registered"),
        State(_EVALUATED, "已评估", "evaluated"),
        State(_FOLLOWING, "跟进中", "followed up"),
    ),
    events=(
        Event(_REGISTER, "客户登记", "register"),
        Event(_EVALUATE, "客户评估(资质审核、信用评估、风险评估)", "evaluate"),
        Event(_FOLLOW_UP, "客户跟进", "follow up"),
        Event(_REASSESS, "定期重新评估", "re-assess"),
    ),
    transitions=(
        Transition(
            _UNREGISTERED,
            _REGISTER,
            _REGISTERED,
            roles=frozenset({Role.OFFICE_DIRECTOR, Role.BUSINESS_DEPARTMENT}),
        ),
        Transition(_REGISTERED, _EVALUATE, _EVALUATED, roles=frozenset({Role.BUSINESS_DEPARTMENT})),
        Transition(
            _EVALUATED,
            _FOLLOW_UP,
            _FOLLOWING,
            roles=frozenset({Role.OFFICE_DIRECTOR}),
        ),
        Transition(_FOLLOWING, _REASSESS, _EVALUATED, roles=frozenset({Role.BUSINESS_DEPARTMENT})),
    ),
)


@policy
class ScreeningPolicy:
    """C9: risk screening — registration, evaluation, follow-up — and how often a customer is
    assessed again.

    Sources: seed 003 §客户制度管理办法 第十三条 (客户登记、客户评估和客户跟进三个环节; 资质审核、
    信用评估和风险评估); §公司客户管理制度 (3rd) 第十一条 (对高风险客户进行定期监控和评估).

    Attributes:
        table: the steps as a workflow table (reasons citing C9): 待登记 ``unregistered`` →
            ``register`` → 已登记 ``registered`` → ``evaluate`` (qualification, credit, risk) →
            已评估 ``evaluated`` → ``follow_up`` → 跟进中 ``following``, and ``reassess`` back to
            ``evaluated`` each cycle [seed steps]. Roles [default: the seed names none]: the
            office registers (it collects customer information, 6.2.4-2(1)) or the business
            department; the business department evaluates and re-assesses (it investigates
            credit, 6.2.4-3(3)); the office follows up (its director signs). A company's own
            table keeps ``evaluate`` and ``follow_up`` rows; the first role of each names
            who acts next.
        high_risk_from: the lowest risk level that is "high risk" [default: high].
        high_risk_cycle: how often a high-risk customer is re-assessed, "定期" — quarterly,
            every three months from the last assessment (``Recurrence.every(3)``) [default].
        cycle: how often any other customer is re-assessed — with the credit review, every six
            months from the last (``Recurrence.every(6)``) [default: the seed sets none].

    With both cycles counted from the last assessment, the high-risk one must be the shorter.

    Raises:
        PolicyError: listing every invalid field with its path.

    Example:
        >>> ScreeningPolicy().high_risk_cycle.interval
        3
    """

    table: WorkflowTable = setting(default=_SEED_SCREENING, unit=Unit.TABLE, source=_C9)
    high_risk_from: RiskLevel = setting(
        default=RiskLevel.HIGH, unit=Unit.CHOICE, source=_C9, mark=Mark.DEFAULT
    )
    high_risk_cycle: Recurrence = setting(
        default=Recurrence.every(3), unit=Unit.TABLE, source=_C9, mark=Mark.DEFAULT
    )
    cycle: Recurrence = setting(
        default=Recurrence.every(6), unit=Unit.TABLE, source=_C9, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        for source, event in ((_REGISTERED, _EVALUATE), (_EVALUATED, _FOLLOW_UP)):
            if self.table.transition(source, event) is None:
                yield Problem.mismatch(
                    "table.transitions",
                    f"{len(self.table.transitions)} row(s)",
                    f"a row from {source!r} on {event!r}",
                )
        high, other = self.high_risk_cycle, self.cycle
        both = high.basis is other.basis is RecurrenceBasis.FROM_LAST
        if both and high.interval >= other.interval:
            yield Problem.mismatch(
                "high_risk_cycle.interval",
                high.interval,
                f"fewer months than cycle.interval ({other.interval}): high-risk customers are"
                " re-assessed more often",
            )

    def role_of(self, event: str) -> Role:
        """The first role (in rank order) allowed to take ``event`` in :attr:`table`.

        Raises:
            InputError: naming ``event`` when the table has no row on it.
        """
        for move in self.table.transitions:
            if move.event == event:
                return in_rank_order(move.roles)[0]
        raise InputError("event", event, "an event with a row in the screening table")


def _required(last: dt.date | None, what: str) -> dt.date:
    if last is None:
        raise InputError("last", None, f"{what}: the policy counts it from the last one")
    return last


# --------------------------------------------------------------------------- duties and dues


class Duty(LabelledEnum):
    """C8, C10: a recurring duty of the credit chapter."""

    MONTHLY_UPDATE = "monthly_update"
    """C8 月度客户信息更新 — the office's report of last month's dealings, by the 5th."""
    YEAR_END_REVIEW = "year_end_review"
    """C8 年底信用政策评审 — the business department's decisions for the next year."""
    FINANCE_SURVEY = "finance_survey"
    """C10 财务定期调查 — finance's survey of trading partners in February and August."""


set_labels(
    {
        Duty.MONTHLY_UPDATE: ("月度客户信息更新", "monthly information update"),
        Duty.YEAR_END_REVIEW: ("年底信用政策评审", "year-end credit policy review"),
        Duty.FINANCE_SURVEY: ("财务定期调查", "finance survey"),
    }
)

_DUTY_RULE = {Duty.MONTHLY_UPDATE: "C8", Duty.YEAR_END_REVIEW: "C8", Duty.FINANCE_SURVEY: "C10"}


def _duty_recurrence(p: SchedulesPolicy, duty: Duty) -> Recurrence:
    if duty is Duty.MONTHLY_UPDATE:
        return p.monthly_update
    if duty is Duty.YEAR_END_REVIEW:
        return p.year_end_review
    return p.survey


def _duty_role(p: SchedulesPolicy, duty: Duty) -> Role:
    if duty is Duty.MONTHLY_UPDATE:
        return p.update_role
    if duty is Duty.YEAR_END_REVIEW:
        return p.year_end_role
    return p.survey_role


@attrs.frozen
class ScheduleDue:
    """C8, C10: when a recurring duty is next due and whether it is overdue.

    Attributes:
        duty: the duty.
        on: the day asked about.
        last: the day it was last done, if the host gave one.
        occurrence: the occurrence the duty stands at: its day, the first day an action counts
            for it, its due date (see :meth:`Recurrence.next
            <customer_rules.recurrence.Recurrence.next>`).
        policy: the schedules policy used.
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> d = monthly_update_due(CreditPolicy(), on=dt.date(2026, 3, 6), last=dt.date(2026, 2, 3))
        >>> d.occurrence.due, d.overdue, d.next_role
        (datetime.date(2026, 3, 5), True, <Role.OFFICE_DIRECTOR: 'office_director'>)
    """

    duty: Duty
    on: dt.date
    last: dt.date | None
    occurrence: Occurrence
    policy: SchedulesPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @functools.cached_property
    def overdue(self) -> bool:
        """Whether the due date has passed on :attr:`on`."""
        return self.on > self.occurrence.due

    @functools.cached_property
    def next_role(self) -> Role:
        """C11: who must do it — the office (monthly update), the business department
        (year-end review), finance (survey), as the policy says."""
        return _duty_role(self.policy, self.duty)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The duty with its due date (``C8.update.due``, ``C8.year_end.due``,
        ``C10.survey.due``) and, past it, ``C8.overdue`` / ``C10.overdue``."""
        p, occurrence, rule = self.policy, self.occurrence, _DUTY_RULE[self.duty]
        recurrence = _duty_recurrence(p, self.duty)
        if self.duty is Duty.MONTHLY_UPDATE:
            covered = _month_start(occurrence.opens) - _ONE_DAY
            head = Reason.of(
                rule,
                _R.C8_UPDATE_DUE,
                who=p.update_role,
                to=p.records_role,
                month=_month_text(covered),
                due=occurrence.due,
                cycle=recurrence.label,
            )
        elif self.duty is Duty.YEAR_END_REVIEW:
            head = Reason.of(
                rule,
                _R.C8_YEAR_END_DUE,
                who=p.year_end_role,
                due=occurrence.due,
                cycle=recurrence.label,
            )
        else:
            head = Reason.of(
                rule,
                _R.C10_SURVEY_DUE,
                who=p.survey_role,
                due=occurrence.due,
                cycle=recurrence.label,
            )
        if not self.overdue:
            return (head,)
        code = _R.C8_OVERDUE if rule == "C8" else _R.C10_OVERDUE
        return head, Reason.of(rule, code, duty=self.duty, due=occurrence.due, on=self.on)


def _schedule_due(
    duty: Duty,
    policy: CreditPolicy,
    on: dt.date,
    last: dt.date | None,
    calendar: Calendar,
) -> ScheduleDue:
    credit, day = policy_and_day(policy, on)
    done = None if last is None else _last_day(last, "last", day)
    cal = calendar_arg(calendar)
    p = credit.schedules
    recurrence = _duty_recurrence(p, duty)
    if recurrence.basis is RecurrenceBasis.FROM_LAST:
        _required(done, "the day it was last done")
    occurrence = recurrence.next(day, last=done, calendar=cal)
    return ScheduleDue(
        duty, day, done, occurrence, p, credit.version, policy_effective=credit.effective
    )


def monthly_update_due(
    policy: CreditPolicy,
    *,
    on: dt.date,
    last: dt.date | None = None,
    calendar: Calendar = CALENDAR_DAYS,
) -> ScheduleDue:
    """C8: when the office's next monthly report of its dealings with customers is due.

    "办事处每月5日前,将上月与客户业务往来…报业务部" [seed]: each month's report covers the month
    before and is due by the 5th (``policy.schedules.monthly_update``). Without ``last`` the
    answer is the report still open on ``on``; with it, the first month ``last`` did not cover —
    overdue if its 5th has passed.

    Args:
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day asked about.
        last: the day the office last reported, on or before ``on``.
        calendar: the calendar the deadline counts with.

    Returns:
        The due occurrence, whether it is overdue, the office as the role to act and reasons
        citing C8.

    Raises:
        InputError: naming the argument: a ``policy`` that is not a CreditPolicy, a date that is
            not one of the supported range, ``last`` after ``on``, something that is not a
            calendar, a due date after 2999-12-31.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> monthly_update_due(CreditPolicy(), on=dt.date(2026, 3, 5)).occurrence.due
        datetime.date(2026, 3, 5)
    """
    return _schedule_due(Duty.MONTHLY_UPDATE, policy, on, last, calendar)


def year_end_review_due(
    policy: CreditPolicy,
    *,
    on: dt.date,
    last: dt.date | None = None,
    calendar: Calendar = CALENDAR_DAYS,
) -> ScheduleDue:
    """C8: when the business department's year-end review of the credit policy is due ("每年
    底": 31 December [seed]), and whether it is overdue.

    Args:
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day asked about.
        last: the day of the last year-end review, on or before ``on``.
        calendar: the calendar the deadline counts with.

    Returns:
        The due occurrence, whether it is overdue, the business department as the role to act
        and reasons citing C8.

    Raises:
        InputError: as :func:`monthly_update_due`.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> year_end_review_due(CreditPolicy(), on=dt.date(2026, 6, 1)).occurrence.due
        datetime.date(2026, 12, 31)
    """
    return _schedule_due(Duty.YEAR_END_REVIEW, policy, on, last, calendar)


def finance_survey_due(
    policy: CreditPolicy,
    *,
    on: dt.date,
    last: dt.date | None = None,
    calendar: Calendar = CALENDAR_DAYS,
) -> ScheduleDue:
    """C10: when finance's next survey of the trading partners is due ("一年2次(2月、8月)"
    [seed]: by the end of February and of August), and whether it is overdue.

    Args:
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day asked about.
        last: the day of the last survey, on or before ``on``: a survey in February covers
            February's, so the next is August's.
        calendar: the calendar the deadline counts with.

    Returns:
        The due occurrence, whether it is overdue, finance as the role to act and reasons
        citing C10.

    Raises:
        InputError: as :func:`monthly_update_due`.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> feb = dt.date(2026, 2, 10)
        >>> d = finance_survey_due(CreditPolicy(), on=dt.date(2026, 3, 2), last=feb)
        >>> d.occurrence.due, d.overdue
        (datetime.date(2026, 8, 31), False)
    """
    return _schedule_due(Duty.FINANCE_SURVEY, policy, on, last, calendar)


# --------------------------------------------------------------------------- C8 monthly update


def _day_in_range(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not dt.date or not EARLIEST <= value <= LATEST:
        raise InputError(attribute.name, value, _A_DATE)


_A_DATE = f"a datetime.date from {EARLIEST} to {LATEST}"


def _tuple_of(value: Any, field: str, expected: str) -> tuple[Any, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple):
        raise InputError(field, value, f"a list of {expected}")
    return tuple(value)


def _dealings(value: Any) -> tuple[Any, ...]:
    return _tuple_of(value, "dealings", "Dealing records")


def _changes(value: Any) -> tuple[Any, ...]:
    return _tuple_of(value, "changes", "PartnerChange records")


def _items_of(kind: type, expected: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise InputError(f"{attribute.name}[{i}]", item, expected)

    return check


@attrs.frozen
class Dealing:
    """C8: one dealing with a customer in the month reported (业务往来: 日期、接洽内容、经办人员).

    Attributes:
        customer: the customer's id.
        day: the date of the dealing.
        subject: what was discussed (接洽内容).
        staff: who handled it (经办人员).

    Raises:
        InputError: naming the field: a blank text, a date that is not one of the supported
            range.
    """

    customer: str = attrs.field(validator=non_empty_text)
    day: dt.date = attrs.field(validator=_day_in_range)
    subject: str = attrs.field(validator=non_empty_text)
    staff: str = attrs.field(validator=non_empty_text)


@attrs.frozen
class MonthlyReport:
    """C8: an office's report of a month's dealings with its customers, for the business
    department.

    Attributes:
        office: the office's name or id.
        month: any day of the month reported (the month before the report, by the seed).
        reported: the day the report reached the business department.
        dealings: the dealings of the month, one per customer contact.

    Raises:
        InputError: naming the field: a blank office, a date that is not one of the supported
            range, a ``reported`` day before the month reported, a dealing that is not a
            :class:`Dealing` (at ``dealings[i]``).

    Example:
        >>> import datetime as dt
        >>> r = MonthlyReport("华东办事处", dt.date(2026, 2, 1), dt.date(2026, 3, 4),
        ...                   [Dealing("C042", dt.date(2026, 2, 12), "报价", "陈小明")])
        >>> len(r.dealings)
        1
    """

    office: str = attrs.field(validator=non_empty_text)
    month: dt.date = attrs.field(validator=_day_in_range)
    reported: dt.date = attrs.field(validator=_day_in_range)
    dealings: tuple[Dealing, ...] = attrs.field(
        converter=_dealings,
        validator=_items_of(Dealing, "a Dealing (customer, day, subject, staff)"),
    )

    def __attrs_post_init__(self) -> None:
        if self.reported < _month_start(self.month):
            raise InputError(
                "reported", self.reported, f"a day on or after {_month_start(self.month)}"
            )


@attrs.frozen
class MonthlyUpdate:
    """C8: an office's monthly report, read: on time or late, the dealings to record.

    Attributes:
        report: the report.
        occurrence: the report's occurrence: the monthly update of the month after the month
            reported (its 5th by default) and its due date.
        policy: the schedules policy used.
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> r = MonthlyReport("华东办事处", dt.date(2026, 2, 1), dt.date(2026, 3, 6),
        ...                   [Dealing("C042", dt.date(2026, 2, 12), "报价", "陈小明")])
        >>> u = monthly_update(r, CreditPolicy())
        >>> u.occurrence.due, u.on_time, u.customers
        (datetime.date(2026, 3, 5), False, ('C042',))
        >>> u.next_role
        <Role.BUSINESS_DEPARTMENT: 'business_department'>
    """

    report: MonthlyReport
    occurrence: Occurrence
    policy: SchedulesPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @functools.cached_property
    def on_time(self) -> bool:
        """Whether the report reached the business department by its due date."""
        return self.report.reported <= self.occurrence.due

    @functools.cached_property
    def early(self) -> bool:
        """Whether it was reported before the month reported had ended (it cannot hold the
        whole month then)."""
        return self.report.reported < _next_month_start(self.report.month)

    @functools.cached_property
    def entries(self) -> tuple[Dealing, ...]:
        """The dealings of the month reported, by customer and date: what the business
        department records in each customer's file."""
        start, end = _month_start(self.report.month), _next_month_start(self.report.month)
        inside = [d for d in self.report.dealings if start <= d.day < end]
        return tuple(sorted(inside, key=lambda d: (d.customer, d.day)))

    @functools.cached_property
    def outside(self) -> tuple[Dealing, ...]:
        """The dealings dated outside the month reported: not recorded from this report."""
        start, end = _month_start(self.report.month), _next_month_start(self.report.month)
        return tuple(d for d in self.report.dealings if not start <= d.day < end)

    @functools.cached_property
    def customers(self) -> tuple[str, ...]:
        """The customers whose files get an entry, in order."""
        return tuple(dict.fromkeys(d.customer for d in self.entries))

    @functools.cached_property
    def next_role(self) -> Role:
        """C11: the business department, which records the entries."""
        return self.policy.records_role

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C8 reasons: the report (``C8.update``), on time or late (``C8.update.on_time`` /
        ``late``), reported before the month ended (``C8.update.early``), each dealing outside
        the month (``C8.update.outside``), and what is recorded (``C8.update.record``)."""
        p, r = self.policy, self.report
        month = _month_text(r.month)
        reasons = [
            Reason.of(
                "C8",
                _R.C8_UPDATE,
                office=r.office,
                who=p.update_role,
                month=month,
                count=len(r.dealings),
                reported=r.reported,
            )
        ]
        code = _R.C8_UPDATE_ON_TIME if self.on_time else _R.C8_UPDATE_LATE
        reasons.append(Reason.of("C8", code, reported=r.reported, due=self.occurrence.due))
        if self.early:
            reasons.append(Reason.of("C8", _R.C8_UPDATE_EARLY, reported=r.reported, month=month))
        reasons.extend(
            Reason.of("C8", _R.C8_UPDATE_OUTSIDE, customer=d.customer, day=d.day, month=month)
            for d in self.outside
        )
        reasons.append(
            Reason.of(
                "C8",
                _R.C8_UPDATE_RECORD,
                who=p.records_role,
                count=len(self.entries),
                customers=len(self.customers),
            )
        )
        return tuple(reasons)


def monthly_update(
    report: MonthlyReport, policy: CreditPolicy, *, calendar: Calendar = CALENDAR_DAYS
) -> MonthlyUpdate:
    """C8: read an office's monthly report — on time or late, and what to record.

    "办事处每月5日前,将上月与客户业务往来的日期、接洽内容、经办人员等简要内容报业务部,由业务部在
    客户信息档案中予以记载或更新" [seed]: the report of a month is due by the 5th of the next
    (``policy.schedules.monthly_update``, on or before the 5th [seed reading]); the business
    department records each dealing of the month in its customer's file. A dealing dated
    outside the month is not recorded from this report and says so; a late report is still
    recorded, with the reason.

    Args:
        report: the office's report.
        policy: the credit policy (``CreditPolicy()`` is the seed).
        calendar: the calendar the deadline counts with.

    Returns:
        The report's due date, whether it was on time, the entries to record by customer, the
        business department as the role to act, and reasons citing C8.

    Raises:
        InputError: naming the argument: a report that is not a :class:`MonthlyReport`, a
            ``policy`` that is not a CreditPolicy or not in force on the day reported,
            something that is not a calendar, a due date after 2999-12-31.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> r = MonthlyReport("华东办事处", dt.date(2026, 2, 1), dt.date(2026, 3, 5), [])
        >>> monthly_update(r, CreditPolicy()).on_time
        True
    """
    if not isinstance(report, MonthlyReport):
        raise InputError("report", report, "a MonthlyReport")
    credit, _ = policy_and_day(policy, report.reported)
    cal = calendar_arg(calendar)
    p = credit.schedules
    following = _next_month_start(report.month)
    if following > LATEST:
        raise InputError("report.month", report.month, "a month before December 2999")
    occurrence = p.monthly_update.next(following, last=following - _ONE_DAY, calendar=cal)
    return MonthlyUpdate(report, occurrence, p, credit.version, policy_effective=credit.effective)


# --------------------------------------------------------------------------- C8 year end


class PolicyMatter(LabelledEnum):
    """C8: the four matters decided at each year end for the next year's credit policy."""

    CREDIT_STANDARD = "credit_standard"
    """信用标准 — the credit standard (C1)."""
    CREDIT_TERMS = "credit_terms"
    """信用条件 — the credit terms: form, term, amount (C2)."""
    CREDIT_ORDERS = "credit_orders"
    """可否接受客户的信用订单 — whether to accept customers' credit orders (C2)."""
    COLLECTION = "collection"
    """收账方案 — the collection approach (C5)."""


set_labels(
    {
        PolicyMatter.CREDIT_STANDARD: ("信用标准", "the credit standard"),
        PolicyMatter.CREDIT_TERMS: ("信用条件", "the credit terms"),
        PolicyMatter.CREDIT_ORDERS: ("可否接受客户的信用订单", "accepting credit orders"),
        PolicyMatter.COLLECTION: ("收账方案", "the collection approach"),
    }
)


def _matters(value: Any) -> frozenset[PolicyMatter]:
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple | set | frozenset):
        raise InputError("changes", value, "a set of PolicyMatter values")
    found = []
    for item in value:
        if not isinstance(item, PolicyMatter):
            item = PolicyMatter(item)
        found.append(item)
    return frozenset(found)


def _year(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or not EARLIEST.year <= value < LATEST.year:
        raise InputError(attribute.name, value, f"a year from {EARLIEST.year} to {LATEST.year - 1}")


@attrs.frozen
class YearEndDecision:
    """C8: the business department's year-end decision on the next year's credit policy.

    Attributes:
        year: the year reviewed; the decision sets the credit policy of the year after.
        decided: the day it was decided.
        changes: the matters to change for the next year; every other matter is kept.

    Raises:
        InputError: naming the field: a year outside 1900–2998, a date that is not one of the
            supported range, a change that is not a :class:`PolicyMatter`.
    """

    year: int = attrs.field(validator=_year)
    decided: dt.date = attrs.field(validator=_day_in_range)
    changes: frozenset[PolicyMatter] = attrs.field(default=frozenset(), converter=_matters)


@attrs.frozen
class YearEndReview:
    """C8: a year-end decision, read: on time, each matter changed or kept, and who approves.

    Attributes:
        decision: the decision.
        occurrence: the year-end review of :attr:`YearEndDecision.year` and its due date.
        policy: the schedules policy used.
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> d = YearEndDecision(2026, dt.date(2026, 12, 28), {PolicyMatter.COLLECTION})
        >>> r = year_end_review(d, CreditPolicy())
        >>> r.on_time, [m.value for m in r.kept]
        (True, ['credit_standard', 'credit_terms', 'credit_orders'])
        >>> r.next_role
        <Role.GENERAL_MANAGER: 'general_manager'>
    """

    decision: YearEndDecision
    occurrence: Occurrence
    policy: SchedulesPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @functools.cached_property
    def on_time(self) -> bool:
        """Whether it was decided by the due date."""
        return self.decision.decided <= self.occurrence.due

    @functools.cached_property
    def kept(self) -> tuple[PolicyMatter, ...]:
        """The matters kept for the next year, in catalogue order."""
        return tuple(m for m in PolicyMatter if m not in self.decision.changes)

    @functools.cached_property
    def changed(self) -> tuple[PolicyMatter, ...]:
        """The matters changed for the next year, in catalogue order."""
        return tuple(m for m in PolicyMatter if m in self.decision.changes)

    @functools.cached_property
    def next_role(self) -> Role | None:
        """C11: who approves the changed policy (the general manager), or ``None`` when
        nothing changes."""
        return self.policy.policy_approving_role if self.changed else None

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C8 reasons: the review (``C8.year_end``), on time or late
        (``C8.year_end.on_time``/``late``), the matters changed and kept
        (``C8.year_end.change``/``keep``) and, for a change, the approval it needs
        (``C8.year_end.approval``)."""
        p, d = self.policy, self.decision
        reasons = [
            Reason.of("C8", _R.C8_YEAR_END, who=p.year_end_role, year=d.year, next=d.year + 1)
        ]
        code = _R.C8_YEAR_END_ON_TIME if self.on_time else _R.C8_YEAR_END_LATE
        reasons.append(Reason.of("C8", code, decided=d.decided, due=self.occurrence.due))
        if self.changed:
            reasons.append(Reason.of("C8", _R.C8_YEAR_END_CHANGE, matters=self.changed))
        if self.kept:
            reasons.append(Reason.of("C8", _R.C8_YEAR_END_KEEP, matters=self.kept))
        if self.changed:
            reasons.append(Reason.of("C8", _R.C8_YEAR_END_APPROVAL, who=p.policy_approving_role))
        return tuple(reasons)


def year_end_review(
    decision: YearEndDecision,
    policy: CreditPolicy,
    *,
    last: dt.date | None = None,
    calendar: Calendar = CALENDAR_DAYS,
) -> YearEndReview:
    """C8: read the business department's year-end decision on the next year's credit policy.

    "每年底,公司业务部…做出应否改变信用标准、信用条件、可否接受客户的信用订单以及应当采取怎样的
    收账方案的决策,制定和调整下年度的信用管理政策" [seed]: the decision covers the four
    :class:`PolicyMatter` s, each changed or kept; it is due at the year end of the year reviewed
    (``policy.schedules.year_end_review``). A changed policy goes to the general manager, who
    approves the credit rules (C11) [seed 6.2.3-1(1)].

    Args:
        decision: the decision.
        policy: the credit policy (``CreditPolicy()`` is the seed).
        last: the day of the review before, on or before ``decision.decided``; needed only
            when the policy counts the review from the last one (a ``from_last`` recurrence).
        calendar: the calendar the deadline counts with.

    Returns:
        Whether it was on time, the matters changed and kept, the role that acts next and
        reasons citing C8.

    Raises:
        InputError: naming the argument: a decision that is not a :class:`YearEndDecision`, a
            ``policy`` that is not a CreditPolicy or not in force on the day decided,
            something that is not a calendar.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> late = YearEndDecision(2026, dt.date(2027, 1, 8))
        >>> year_end_review(late, CreditPolicy()).on_time
        False
    """
    if not isinstance(decision, YearEndDecision):
        raise InputError("decision", decision, "a YearEndDecision")
    credit, day = policy_and_day(policy, decision.decided)
    done = None if last is None else _last_day(last, "last", day)
    cal = calendar_arg(calendar)
    p = credit.schedules
    recurrence = p.year_end_review
    if recurrence.basis is RecurrenceBasis.FROM_LAST:
        occurrence = recurrence.next(
            day, last=_required(done, "the day of the review before"), calendar=cal
        )
    else:  # the year's review: its first occurrence from 1 January of the year reviewed
        found = recurrence.first_on_or_after(dt.date(decision.year, 1, 1))
        occurrence = Occurrence(found, found.replace(day=1), recurrence.due(found, cal))
    return YearEndReview(decision, occurrence, p, credit.version, policy_effective=credit.effective)


# --------------------------------------------------------------------------- C9 screening


@attrs.frozen
class ScreeningFacts:
    """C9: one customer's evaluation (客户评估): qualification review, credit assessment, risk
    assessment.

    Attributes:
        customer: the customer's id.
        qualified: whether the qualification review (资质审核) passed.
        credit_ok: whether the credit assessment (信用评估) passed.
        risk: the risk assessment's outcome (风险评估).

    Raises:
        InputError: naming the field.
    """

    customer: str = attrs.field(validator=non_empty_text)
    qualified: bool = attrs.field(validator=IS_BOOL)
    credit_ok: bool = attrs.field(validator=IS_BOOL)
    risk: RiskLevel = attrs.field(
        validator=fact_check(RiskLevel, "a RiskLevel (low, medium, high)")
    )


@attrs.frozen
class ScreeningResult:
    """C9: an evaluation, read: passed or not, high risk or not, and the next assessment.

    Attributes:
        facts: the evaluation.
        on: the day of the evaluation.
        next_assessment: when the customer is assessed again: the high-risk cycle (quarterly
            [default]) or the ordinary one, from ``on``.
        policy: the screening policy used.
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> r = screen_customer(ScreeningFacts("C042", True, True, RiskLevel.HIGH), CreditPolicy(),
        ...                     on=dt.date(2026, 1, 31))
        >>> r.passed, r.high_risk, r.next_assessment.due, r.next_role
        (True, True, datetime.date(2026, 4, 30), <Role.OFFICE_DIRECTOR: 'office_director'>)
    """

    facts: ScreeningFacts
    on: dt.date
    next_assessment: Occurrence
    policy: ScreeningPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @functools.cached_property
    def passed(self) -> bool:
        """Whether the qualification review and the credit assessment both passed."""
        return self.facts.qualified and self.facts.credit_ok

    @functools.cached_property
    def high_risk(self) -> bool:
        """Whether the risk is at or above ``policy.high_risk_from``."""
        return self.facts.risk.rank >= self.policy.high_risk_from.rank

    @functools.cached_property
    def next_role(self) -> Role:
        """C11: who follows the customer up next (the ``follow_up`` row's first role: the
        office)."""
        return self.policy.role_of(_FOLLOW_UP)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C9 reasons: the three assessments (``C9.evaluation``), passed or not
        (``C9.passed``/``C9.failed``), the cycle — high risk or ordinary (``C9.high_risk``,
        ``C9.cycle``) — and the follow-up (``C9.follow_up``)."""
        p, f = self.policy, self.facts
        reasons = [
            Reason.of(
                "C9",
                _R.C9_EVALUATION,
                customer=f.customer,
                qualified=f.qualified,
                credit=f.credit_ok,
                risk=f.risk,
            ),
            Reason.of("C9", _R.C9_PASSED if self.passed else _R.C9_FAILED),
        ]
        cycle = p.high_risk_cycle if self.high_risk else p.cycle
        code = _R.C9_HIGH_RISK if self.high_risk else _R.C9_CYCLE
        reasons.append(
            Reason.of("C9", code, risk=f.risk, cycle=cycle.label, due=self.next_assessment.due)
        )
        reasons.append(Reason.of("C9", _R.C9_FOLLOW_UP, who=self.next_role))
        return tuple(reasons)


def _screening_cycle(p: ScreeningPolicy, risk: RiskLevel) -> Recurrence:
    return p.high_risk_cycle if risk.rank >= p.high_risk_from.rank else p.cycle


def screen_customer(
    facts: ScreeningFacts,
    policy: CreditPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
) -> ScreeningResult:
    """C9: read one evaluation of risk screening (registration → evaluation → follow-up).

    "客户评估是指针对不同客户分类,对其进行资质审核、信用评估和风险评估等工作" [seed]: the customer
    passes when the qualification review and the credit assessment pass; a risk at or above
    ``policy.screening.high_risk_from`` makes it a high-risk customer, "对高风险客户进行定期监控和
    评估" [seed], re-assessed on ``high_risk_cycle`` (quarterly [default]) instead of ``cycle``.
    The follow-up comes next (the screening table's ``follow_up`` step).

    Args:
        facts: the evaluation.
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day of the evaluation.
        calendar: the calendar the cycle's deadline counts with.

    Returns:
        Passed or not, high risk or not, the next assessment, the role that follows up and
        reasons citing C9.

    Raises:
        InputError: naming the argument: facts that are not :class:`ScreeningFacts`, a
            ``policy`` that is not a CreditPolicy, an ``on`` that is not a date of the supported
            range, something that is not a calendar, a next assessment after 2999-12-31.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> r = screen_customer(ScreeningFacts("C7", True, False, RiskLevel.LOW), CreditPolicy(),
        ...                     on=dt.date(2026, 1, 31))
        >>> r.passed, r.next_assessment.due
        (False, datetime.date(2026, 7, 31))
    """
    if not isinstance(facts, ScreeningFacts):
        raise InputError("facts", facts, "a ScreeningFacts")
    credit, day = policy_and_day(policy, on)
    cal = calendar_arg(calendar)
    p = credit.screening
    cycle = _screening_cycle(p, facts.risk)
    occurrence = cycle.next(day, last=day, calendar=cal)
    return ScreeningResult(
        facts, day, occurrence, p, credit.version, policy_effective=credit.effective
    )


@attrs.frozen
class ReassessmentDue:
    """C9: when a customer is next re-assessed, by its risk, and whether that is overdue.

    Attributes:
        risk: the customer's risk level at its last assessment.
        last_assessed: the day of the last assessment.
        on: the day asked about.
        occurrence: the re-assessment due.
        policy: the screening policy used.
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> d = reassessment_due(dt.date(2026, 1, 10), RiskLevel.HIGH, CreditPolicy(),
        ...                      on=dt.date(2026, 4, 11))
        >>> d.occurrence.due, d.overdue, d.next_role
        (datetime.date(2026, 4, 10), True, <Role.BUSINESS_DEPARTMENT: 'business_department'>)
    """

    risk: RiskLevel
    last_assessed: dt.date
    on: dt.date
    occurrence: Occurrence
    policy: ScreeningPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @functools.cached_property
    def high_risk(self) -> bool:
        """Whether the risk is at or above ``policy.high_risk_from``."""
        return self.risk.rank >= self.policy.high_risk_from.rank

    @functools.cached_property
    def overdue(self) -> bool:
        """Whether the due date has passed on :attr:`on`."""
        return self.on > self.occurrence.due

    @functools.cached_property
    def next_role(self) -> Role:
        """C11: who re-assesses (the ``reassess`` row's first role, else the ``evaluate``
        row's: the business department)."""
        p = self.policy
        if any(t.event == _REASSESS for t in p.table.transitions):
            return p.role_of(_REASSESS)
        return p.role_of(_EVALUATE)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C9 reasons: the cycle and due date (``C9.high_risk`` or ``C9.cycle``), and past it
        ``C9.overdue``."""
        p = self.policy
        cycle = p.high_risk_cycle if self.high_risk else p.cycle
        code = _R.C9_HIGH_RISK if self.high_risk else _R.C9_CYCLE
        head = Reason.of("C9", code, risk=self.risk, cycle=cycle.label, due=self.occurrence.due)
        if not self.overdue:
            return (head,)
        return head, Reason.of("C9", _R.C9_OVERDUE, due=self.occurrence.due, on=self.on)


def reassessment_due(
    last_assessed: dt.date,
    risk: RiskLevel,
    policy: CreditPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
) -> ReassessmentDue:
    """C9: when a customer is next re-assessed — sooner for a high-risk one.

    "对高风险客户进行定期监控和评估" [seed]: a customer whose last risk level is at or above
    ``policy.screening.high_risk_from`` is re-assessed on ``high_risk_cycle`` (every three
    months from the last assessment [default]); any other on ``cycle`` (every six [default]).

    Args:
        last_assessed: the day of the last assessment, on or before ``on``.
        risk: the risk level it found.
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day asked about.
        calendar: the calendar the cycle's deadline counts with.

    Returns:
        The due re-assessment, whether it is overdue, the role that re-assesses and reasons
        citing C9.

    Raises:
        InputError: naming the argument: a date that is not one of the supported range,
            ``last_assessed`` after ``on``, a risk that is not a :class:`RiskLevel`, a ``policy``
            that is not a CreditPolicy, something that is not a calendar.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> reassessment_due(dt.date(2026, 1, 10), RiskLevel.LOW, CreditPolicy(),
        ...                  on=dt.date(2026, 4, 11)).overdue
        False
    """
    credit, day = policy_and_day(policy, on)
    last = _last_day(last_assessed, "last_assessed", day)
    if not isinstance(risk, RiskLevel):
        raise InputError("risk", risk, "a RiskLevel (low, medium, high)")
    cal = calendar_arg(calendar)
    p = credit.screening
    occurrence = _screening_cycle(p, risk).next(day, last=last, calendar=cal)
    return ReassessmentDue(
        risk, last, day, occurrence, p, credit.version, policy_effective=credit.effective
    )


# --------------------------------------------------------------------------- C10 finance survey


class PartnerBook(LabelledEnum):
    """C10: the two books of trading partners finance keeps (000 第二条)."""

    CARD = "card"
    """交易往来客户原簿 — the original card, one per company."""
    LIST = "list"
    """交易往来客户一览表 — the per-department list."""


set_labels(
    {
        PartnerBook.CARD: ("交易往来客户原簿", "the ledger card"),
        PartnerBook.LIST: ("交易往来客户一览表", "the ledger list"),
    }
)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError(attribute.name, value, "a non-empty string or None")


@attrs.frozen
class PartnerChange:
    """C10: one change the survey found about a trading partner.

    Attributes:
        customer: the customer's id.
        item: what changed (地址, 法定代表人, 信用状况…).
        before: the entry before (``None``: a new entry).
        after: the entry now.

    Raises:
        InputError: naming the field, for a blank text.
    """

    customer: str = attrs.field(validator=non_empty_text)
    item: str = attrs.field(validator=non_empty_text)
    before: str | None = attrs.field(validator=_optional_text)
    after: str = attrs.field(validator=non_empty_text)


@attrs.frozen
class FinanceSurvey:
    """C10: finance's survey of the trading partners.

    Attributes:
        done: the day of the survey.
        changes: the changes it found (none is a survey too).

    Raises:
        InputError: naming the field: a date that is not one of the supported range, a change
            that is not a :class:`PartnerChange` (at ``changes[i]``).
    """

    done: dt.date = attrs.field(validator=_day_in_range)
    changes: tuple[PartnerChange, ...] = attrs.field(
        default=(),
        converter=_changes,
        validator=_items_of(PartnerChange, "a PartnerChange (customer, item, before, after)"),
    )


@attrs.frozen
class PartnerEntry:
    """C10: an entry to write or correct in one of the two books (记入、订正).

    Attributes:
        book: the card or the list.
        customer: the customer's id.
        item: what changed.
        before: the entry before (``None``: a new entry).
        after: the entry now.
        on: the day of the survey.
        by: who writes it (finance).
    """

    book: PartnerBook
    customer: str
    item: str
    before: str | None
    after: str
    on: dt.date
    by: Role


@attrs.frozen
class SurveyResult:
    """C10: a finance survey, read: in its survey month or not, and the entries to write.

    Attributes:
        survey: the survey.
        occurrence: the survey occurrence it falls under: the one still open on its day (the
            end of February or of August by default).
        policy: the schedules policy used.
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> s = FinanceSurvey(dt.date(2026, 8, 20), [PartnerChange("C042", "地址", "上海", "苏州")])
        >>> r = finance_survey(s, CreditPolicy())
        >>> r.in_window, [e.book.value for e in r.entries], r.next_role
        (True, ['card', 'list'], <Role.FINANCE: 'finance'>)
    """

    survey: FinanceSurvey
    occurrence: Occurrence
    policy: SchedulesPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @functools.cached_property
    def in_window(self) -> bool:
        """Whether the survey was held in a survey month, by its due date (a survey at another
        time still records its changes: 随时记入)."""
        return self.occurrence.opens <= self.survey.done <= self.occurrence.due

    @functools.cached_property
    def entries(self) -> tuple[PartnerEntry, ...]:
        """Each change written in the card and in the list, by finance, dated the survey."""
        by, on = self.policy.survey_role, self.survey.done
        return tuple(
            PartnerEntry(book, c.customer, c.item, c.before, c.after, on, by)
            for c in self.survey.changes
            for book in PartnerBook
        )

    @functools.cached_property
    def next_role(self) -> Role | None:
        """C11: finance, which writes the entries; ``None`` when nothing changed."""
        return self.policy.survey_role if self.survey.changes else None

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C10 reasons: the survey (``C10.survey``), in a survey month or not
        (``C10.survey.in_window``/``outside``), each change (``C10.change``) or none
        (``C10.no_change``)."""
        p, s = self.policy, self.survey
        reasons = [
            Reason.of("C10", _R.C10_SURVEY, who=p.survey_role, on=s.done, count=len(s.changes))
        ]
        if self.in_window:
            reasons.append(
                Reason.of("C10", _R.C10_IN_WINDOW, cycle=p.survey.label, due=self.occurrence.due)
            )
        else:
            reasons.append(
                Reason.of(
                    "C10",
                    _R.C10_OUTSIDE,
                    on=s.done,
                    cycle=p.survey.label,
                    opens=self.occurrence.opens,
                    due=self.occurrence.due,
                )
            )
        if not s.changes:
            reasons.append(Reason.of("C10", _R.C10_NO_CHANGE))
        for c in s.changes:
            reasons.append(
                Reason.of(
                    "C10",
                    _R.C10_CHANGE,
                    customer=c.customer,
                    item=c.item,
                    before=c.before,
                    after=c.after,
                    books=tuple(PartnerBook),
                )
            )
        return tuple(reasons)


def finance_survey(
    survey: FinanceSurvey,
    policy: CreditPolicy,
    *,
    last: dt.date | None = None,
    calendar: Calendar = CALENDAR_DAYS,
) -> SurveyResult:
    """C10: read finance's survey of the trading partners — when it fell and what to write.

    "财务科应一年2次(2月、8月)定期对交易往来客户作调查,如果有变化的时候,在交易往来客户原簿及
    交易往来客户一览表里记入、订正" [seed]: a survey in February or August (by the month end
    [default]) is on schedule; each change it found is written in both books, the card and the
    list, by finance. A survey at another time is recorded all the same (第四条(三): changes are
    written as they become known) and says it was outside the survey months.

    Args:
        survey: the survey.
        policy: the credit policy (``CreditPolicy()`` is the seed).
        last: the day of the survey before, on or before this one's; needed only when the
            policy counts surveys from the last one (a ``from_last`` recurrence).
        calendar: the calendar the deadline counts with.

    Returns:
        Whether it fell in a survey month, the ledger entries, the role that writes them and
        reasons citing C10.

    Raises:
        InputError: naming the argument: a survey that is not a :class:`FinanceSurvey`, a
            ``policy`` that is not a CreditPolicy or not in force on the survey's day, a
            ``last`` after the survey or missing for a ``from_last`` survey cycle, something
            that is not a calendar, an occurrence after 2999-12-31.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> finance_survey(FinanceSurvey(dt.date(2026, 5, 6)), CreditPolicy()).in_window
        False
    """
    if not isinstance(survey, FinanceSurvey):
        raise InputError("survey", survey, "a FinanceSurvey")
    credit, day = policy_and_day(policy, survey.done)
    done = None if last is None else _last_day(last, "last", day)
    cal = calendar_arg(calendar)
    p = credit.schedules
    if p.survey.basis is RecurrenceBasis.FROM_LAST:
        occurrence = p.survey.next(
            day, last=_required(done, "the day of the survey before"), calendar=cal
        )
    else:  # the survey month still open on its day
        occurrence = p.survey.next(day, calendar=cal)
    return SurveyResult(survey, occurrence, p, credit.version, policy_effective=credit.effective)
