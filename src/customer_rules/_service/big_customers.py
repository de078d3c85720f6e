"""S7 — big-customer service commitments: the 24-hour hotline, the dedicated account manager, and
the big-customer pipeline as a workflow.

Sources: seed 003 §大客户综合管理制度 三 (工作流程: 发现与筛选 → 洽谈与谈判 → 合作意向书签订 →
实施计划制定 → 实施计划执行 → 业绩考核与总结), 四.2 ("为大客户提供24小时热线服务") and
§集团公司大客户管理制度 (2nd) 第四章 1 ("指派专门的客户经理负责大客户的维护工作").

The commitments are checks on the host's facts: :func:`hotline_coverage` says whether the
hotline's shifts staff every minute of a day (and where they do not), :func:`account_manager`
whether a big customer has its dedicated account manager. The pipeline is a case of
:attr:`BigCustomerPolicy.pipeline` on the shared workflow mechanism; :func:`pipeline_status`
rebuilds it and says what is next and when the next performance review is due.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from typing import TYPE_CHECKING

import attrs

from customer_rules._service.checks import (
    NextStep,
    Term,
    day_in_force,
    items_of,
    next_steps,
    replayed,
    service_policy,
    state_term,
)
from customer_rules._service.codes import ServiceReason
from customer_rules._service.facts import aware, optional_day, optional_text
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import SHANGHAI
from customer_rules.errors import InputError
from customer_rules.reasons import Reason
from customer_rules.recurrence import Occurrence, Recurrence
from customer_rules.roles import Role
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import Case, Event, EventRecord, State, Transition, WorkflowTable

if TYPE_CHECKING:
    from collections.abc import Iterable

    from customer_rules._service.policy import ServicePolicy

__all__ = [
    "AccountManagerCheck",
    "BigCustomerAccount",
    "BigCustomerPolicy",
    "HotlineCoverage",
    "HotlineGap",
    "HotlineShift",
    "PipelineStatus",
    "account_manager",
    "hotline_coverage",
    "pipeline_status",
]

_S7 = "S7; 003 §大客户综合管理制度 三、四"
_S7_MANAGER = "S7; 003 §集团公司大客户管理制度 (2nd) 第四章"

DISCOVERED, SCREENED, NEGOTIATED = "discovered", "screened", "negotiated"
INTENT_SIGNED, PLANNED, EXECUTING = "intent_signed", "planned", "executing"
CLOSED, DROPPED = "closed", "dropped"
_SALES, _MGR = Role.SALESPERSON, Role.SALES_MANAGER

SEED_PIPELINE = WorkflowTable(
    name="S7.pipeline",
    rule="S7",
    initial=DISCOVERED,
    states=(
        State(DISCOVERED, "已发现", "discovered"),
        State(SCREENED, "已初步筛选", "screened"),
        State(NEGOTIATED, "已洽谈,确立合作意向", "negotiated"),
        State(INTENT_SIGNED, "已签订合作意向书", "letter of intent signed"),
        State(PLANNED, "已制定实施计划", "plan made"),
        State(EXECUTING, "实施计划执行中", "in execution"),
        State(CLOSED, "已结束合作", "closed"),
        State(DROPPED, "已放弃", "dropped"),
    ),
    events=(
        Event("screen", "初步筛选", "screen"),
        Event("negotiate", "洽谈与谈判", "negotiate"),
        Event("sign_intent", "签订合作意向书", "sign the letter of intent"),
        Event("plan", "制定实施计划", "make the implementation plan"),
        Event("execute", "执行实施计划", "execute the plan"),
        Event("review", "业绩考核与总结", "review the performance"),
        Event("close", "结束合作", "close"),
        Event("drop", "放弃", "drop"),
    ),
    transitions=(
        Transition(DISCOVERED, "screen", SCREENED, roles=frozenset({_SALES, _MGR})),
        Transition(DISCOVERED, "drop", DROPPED, roles=frozenset({_SALES, _MGR})),
        Transition(SCREENED, "negotiate", NEGOTIATED, roles=frozenset({_MGR})),
        Transition(SCREENED, "drop", DROPPED, roles=frozenset({_MGR})),
        Transition(
            NEGOTIATED,
            "sign_intent",
            INTENT_SIGNED,
            roles=frozenset({_MGR, Role.GENERAL_MANAGER}),
            approval="S7.intent",
        ),
        Transition(NEGOTIATED, "drop", DROPPED, roles=frozenset({_MGR})),
        Transition(INTENT_SIGNED, "plan", PLANNED, roles=frozenset({_MGR})),
        Transition(PLANNED, "execute", EXECUTING, roles=frozenset({_MGR})),
        Transition(
            EXECUTING, "review", EXECUTING, roles=frozenset({_MGR, Role.MARKETING_DIRECTOR})
        ),
        Transition(EXECUTING, "close", CLOSED, roles=frozenset({_MGR, Role.MARKETING_DIRECTOR})),
    ),
)
"""The seed's pipeline (003 §大客户综合管理制度 三): discovery and screening by the development
team, negotiation by the sales manager (销售经理), the letter of intent, the implementation plan,
its execution, the periodic performance review. Who signs the letter of intent (the sales
manager or the general manager, with an approval for ``S7.intent``), who plans, reviews and
closes, and the ``drop`` and ``close`` steps are the library's [default]."""


@policy
class BigCustomerPolicy:
    """S7: big-customer commitments. Source: seed 003 §大客户综合管理制度 三、四;
    §集团公司大客户管理制度 (2nd) 第四章.

    Attributes:
        hotline_staff: the people who must be on the hotline at every minute of the day
            ("24小时热线服务") [default: 1].
        manager_roles: the roles a dedicated account manager holds (客户经理) [seed: the
            salesperson role, 销售员 / 业务员 / 客户经理].
        pipeline: the big-customer pipeline [seed steps; see :data:`SEED_PIPELINE`].
        review: how often the performance is reviewed while the plan is executed ("定期":
            no period given) [default: every three months from the start of execution or the
            last review].

    Raises:
        PolicyError: listing every invalid field.
    """

    hotline_staff: int = setting(
        default=1, unit=Unit.COUNT, source=_S7, mark=Mark.DEFAULT, low=1, high=1000
    )
    manager_roles: frozenset[Role] = setting(
        default=frozenset({Role.SALESPERSON}), unit=Unit.ROLES, source=_S7_MANAGER, min_items=1
    )
    pipeline: WorkflowTable = setting(default=SEED_PIPELINE, unit=Unit.TABLE, source=_S7)
    review: Recurrence = setting(
        default=Recurrence.every(3), unit=Unit.TABLE, source=_S7, mark=Mark.DEFAULT
    )


# --------------------------------------------------------------------------- the hotline


@attrs.frozen
class HotlineShift:
    """One shift on the big-customer hotline.

    Attributes:
        staff: who answers.
        start: when the shift starts (timezone-aware).
        end: when it ends, after ``start``.

    Raises:
        InputError: naming the field, for a blank name, a naive moment or an end not after the
            start.
    """

    staff: str = attrs.field(validator=non_empty_text)
    start: dt.datetime = attrs.field(validator=aware)
    end: dt.datetime = attrs.field(validator=aware)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise InputError("end", self.end, f"a moment after start ({self.start})")


@attrs.frozen
class HotlineGap:
    """A span of the day with fewer people on the hotline than the policy asks.

    Attributes:
        start: when it starts.
        end: when it ends.
        staffed: how many were on the line in it.
    """

    start: dt.datetime
    end: dt.datetime
    staffed: int

    @property
    def minutes(self) -> int:
        """Its length in whole minutes."""
        return int((self.end - self.start).total_seconds()) // 60


@attrs.frozen
class HotlineCoverage:
    """S7: whether the hotline is staffed round the clock on a day (Asia/Shanghai).

    Attributes:
        day: the day.
        covered: every minute had ``hotline_staff`` people or more.
        gaps: the spans with fewer, in order.
        staff: who was on the line that day, in order of first shift.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    day: dt.date
    covered: bool
    gaps: tuple[HotlineGap, ...]
    staff: tuple[str, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """S7 reasons: covered, or each gap with its times."""
        if self.covered:
            return (
                Reason.of("S7", ServiceReason.S7_HOTLINE_COVERED, day=self.day, staff=self.staff),
            )
        out = [Reason.of("S7", ServiceReason.S7_HOTLINE_GAPS, day=self.day, count=len(self.gaps))]
        out.extend(
            Reason.of(
                "S7",
                ServiceReason.S7_HOTLINE_GAP,
                start=g.start,
                end=g.end,
                minutes=g.minutes,
                staffed=g.staffed,
            )
            for g in self.gaps
        )
        return tuple(out)


def hotline_coverage(
    shifts: Iterable[HotlineShift], policy: ServicePolicy, *, on: dt.date
) -> HotlineCoverage:
    """S7: check the 24-hour hotline ("为大客户提供24小时热线服务") on a day: every moment from
    00:00 to 24:00 (Asia/Shanghai) must have ``hotline_staff`` people on shift.

    Args:
        shifts: the hotline's shifts (any that touch the day count).
        policy: the service policy.
        on: the day.

    Returns:
        The :class:`HotlineCoverage`: covered, or the gaps.

    Raises:
        InputError: naming ``shifts``, ``policy`` or ``on``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.dates import SHANGHAI
        >>> from customer_rules.service import ServicePolicy
        >>> def at(h): return dt.datetime(2026, 6, 1, tzinfo=SHANGHAI) + dt.timedelta(hours=h)
        >>> shifts = [HotlineShift("甲", at(0), at(8)), HotlineShift("乙", at(8), at(16)),
        ...           HotlineShift("丙", at(17), at(24))]
        >>> c = hotline_coverage(shifts, ServicePolicy(), on=dt.date(2026, 6, 1))
        >>> c.covered, [(g.start.hour, g.end.hour) for g in c.gaps]
        (False, [(16, 17)])
    """
    service = service_policy(policy)
    day = day_in_force(service, on)
    items = items_of(shifts, "shifts", HotlineShift, "a HotlineShift")
    begin = dt.datetime.combine(day, dt.time(0), tzinfo=SHANGHAI)
    finish = begin + dt.timedelta(days=1)
    points: dict[dt.datetime, int] = {begin: 0, finish: 0}
    staff: list[str] = []
    for shift in sorted(items, key=lambda s: s.start):
        a, b = max(shift.start, begin), min(shift.end, finish)
        if b <= a:
            continue
        points[a.astimezone(SHANGHAI)] = points.get(a.astimezone(SHANGHAI), 0) + 1
        points[b.astimezone(SHANGHAI)] = points.get(b.astimezone(SHANGHAI), 0) - 1
        staff.append(shift.staff)
    need = service.big_customers.hotline_staff
    gaps: list[HotlineGap] = []
    level = 0
    moments = sorted(points)
    for here, there in itertools.pairwise(moments):
        level += points[here]
        if level >= need:
            continue
        if gaps and gaps[-1].end == here and gaps[-1].staffed == level:
            gaps[-1] = HotlineGap(gaps[-1].start, there, level)
        else:
            gaps.append(HotlineGap(here, there, level))
    return HotlineCoverage(
        day,
        not gaps,
        tuple(gaps),
        tuple(dict.fromkeys(staff)),
        service.version,
        policy_effective=service.effective,
    )


# --------------------------------------------------------------------------- the account manager


@attrs.frozen
class BigCustomerAccount:
    """Who looks after a big customer.

    Attributes:
        customer: the customer's id.
        manager: the dedicated account manager, if one is assigned.
        manager_role: the role the manager holds.
        since: the day the assignment took effect.
        until: the last day of the assignment, if it ends.

    Raises:
        InputError: naming the field.
    """

    customer: str = attrs.field(validator=non_empty_text)
    manager: str | None = attrs.field(default=None, validator=optional_text)
    manager_role: Role | None = attrs.field(
        default=None, validator=fact_check(Role, "a Role or None", optional=True)
    )
    since: dt.date | None = attrs.field(default=None, validator=optional_day)
    until: dt.date | None = attrs.field(default=None, validator=optional_day)


@attrs.frozen
class AccountManagerCheck:
    """S7: whether a big customer has its dedicated account manager on a day.

    Attributes:
        account: the facts checked.
        assigned: a manager is named, in one of the ``manager_roles``, and the assignment
            holds on ``on``.
        problem: why not (``None`` when assigned): ``none``, ``role``, ``not_yet`` or
            ``ended``.
        on: the day.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    account: BigCustomerAccount
    assigned: bool
    problem: str | None
    on: dt.date
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One S7 reason: the manager, or what is missing."""
        a = self.account
        if self.assigned:
            return (
                Reason.of(
                    "S7",
                    ServiceReason.S7_MANAGER,
                    customer=a.customer,
                    manager=a.manager,
                    role=a.manager_role,
                ),
            )
        if self.problem == "role":
            return (
                Reason.of(
                    "S7",
                    ServiceReason.S7_MANAGER_ROLE,
                    customer=a.customer,
                    manager=a.manager,
                    role=a.manager_role,
                ),
            )
        if self.problem in ("not_yet", "ended"):
            return (
                Reason.of(
                    "S7",
                    ServiceReason.S7_MANAGER_DATES,
                    customer=a.customer,
                    manager=a.manager,
                    since=a.since,
                    until=a.until,
                ),
            )
        return (Reason.of("S7", ServiceReason.S7_NO_MANAGER, customer=a.customer),)


def account_manager(
    account: BigCustomerAccount, policy: ServicePolicy, *, on: dt.date
) -> AccountManagerCheck:
    """S7: check that a big customer has a dedicated account manager (指派专门的客户经理).

    Args:
        account: who looks after the customer.
        policy: the service policy.
        on: the day.

    Returns:
        The :class:`AccountManagerCheck`.

    Raises:
        InputError: naming ``account``, ``policy`` or ``on``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.roles import Role
        >>> from customer_rules.service import ServicePolicy
        >>> a = BigCustomerAccount("C001", "陈小明", Role.SALESPERSON, since=dt.date(2026, 1, 1))
        >>> account_manager(a, ServicePolicy(), on=dt.date(2026, 6, 1)).assigned
        True
    """
    if not isinstance(account, BigCustomerAccount):
        raise InputError("account", account, "a BigCustomerAccount")
    service = service_policy(policy)
    day = day_in_force(service, on)
    problem: str | None = None
    if account.manager is None:
        problem = "none"
    elif account.manager_role not in service.big_customers.manager_roles:
        problem = "role"
    elif account.since is not None and account.since > day:
        problem = "not_yet"
    elif account.until is not None and account.until < day:
        problem = "ended"
    return AccountManagerCheck(
        account, problem is None, problem, day, service.version, policy_effective=service.effective
    )


# --------------------------------------------------------------------------- the pipeline


@attrs.frozen
class PipelineStatus:
    """S7: where a big customer stands in the pipeline.

    Attributes:
        customer: the customer's id.
        case: the case rebuilt from its records.
        state: the current state with its labels.
        next: the steps possible from it, with who may take them.
        review_due: while the plan is executed, the next performance review.
        review_overdue: that review's due date has passed.
        on: the day asked about.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    customer: str
    case: Case
    state: Term
    next: tuple[NextStep, ...]
    review_due: Occurrence | None
    review_overdue: bool
    on: dt.date
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """S7 reasons: the stage, the next steps with who takes them, the review."""
        out = [
            Reason.of("S7", ServiceReason.S7_STAGE, customer=self.customer, state=self.state.label)
        ]
        for step in self.next:
            out.append(
                Reason.of("S7", ServiceReason.S7_NEXT, event=step.event.label, roles=step.roles)
            )
        if self.review_due is not None:
            code = (
                ServiceReason.S7_REVIEW_OVERDUE if self.review_overdue else ServiceReason.S7_REVIEW
            )
            out.append(Reason.of("S7", code, due=self.review_due.due))
        return tuple(out)


def pipeline_status(
    customer: str, records: Iterable[EventRecord], policy: ServicePolicy, *, on: dt.date
) -> PipelineStatus:
    """S7: a big customer's pipeline case rebuilt from its records, what is next, and when the
    next performance review is due while the plan is executed.

    Args:
        customer: the customer's id (the subject of the case).
        records: its records, in order (from :func:`~customer_rules.workflow.apply` on
            ``policy.big_customers.pipeline``).
        policy: the service policy.
        on: the day asked about; no record after it.

    Returns:
        The :class:`PipelineStatus`.

    Raises:
        InputError: naming the argument, or ``records[i]`` for a record that does not apply or
            is dated after ``on``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.roles import Approval, Role
        >>> from customer_rules.service import ServicePolicy
        >>> from customer_rules.workflow import apply, start
        >>> table = ServicePolicy().big_customers.pipeline
        >>> day = dt.date(2026, 2, 2)
        >>> s = apply(table, start(table, subject="C001"), "screen",
        ...           by=Approval("陈小明", Role.SALESPERSON, "S7", day), on=day)
        >>> p = pipeline_status("C001", [s.record], ServicePolicy(), on=day)
        >>> p.state.name, [(n.event.name, [r.value for r in n.roles]) for n in p.next]
        ('screened', [('negotiate', ['sales_manager']), ('drop', ['sales_manager'])])
    """
    if not isinstance(customer, str) or not customer.strip():
        raise InputError("customer", customer, "a customer id")
    service = service_policy(policy)
    day = day_in_force(service, on)
    items = items_of(records, "records", EventRecord, "an EventRecord")
    for i, record in enumerate(items):
        if record.on > day:
            raise InputError(f"records[{i}].on", record.on, f"a day on or before on ({day})")
    p = service.big_customers
    case = replayed(p.pipeline, customer, items)
    due: Occurrence | None = None
    if case.state == EXECUTING and case.last_on is not None:
        due = p.review.next(day, last=case.last_on)
    return PipelineStatus(
        customer,
        case,
        state_term(p.pipeline, case.state),
        next_steps(p.pipeline, case),
        due,
        due is not None and due.overdue(day),
        day,
        service.version,
        policy_effective=service.effective,
    )
