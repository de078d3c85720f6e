"""S6 — customer development: yearly targets in monthly tasks, and the development application
as a workflow (XX客户开发方案).

Source: seed 002 §XX客户开发方案 二 (职责分配), 三 (确定客户开发目标), 六 (提出客户开发申请),
七 (进行客户开发), 八 (新客户信息录入).

* **Targets** (三): the marketing manager sets the yearly development targets — the number of
  customers and the sales — and splits them into monthly tasks: :func:`monthly_tasks`, exact to
  the customer and to the cent.
* **The application** (六–八): a case of :attr:`DevelopmentPolicy.table` on the shared workflow
  mechanism — the salesperson applies (《客户开发申请单》), the marketing supervisor signs, the
  salesperson develops the customer and reports progress to the supervisor regularly, reports
  the success (《新开发客户报告表》), the supervisor and the department manager review it; the
  final report on an important customer is approved by the marketing director and the general
  manager (二.2); the customer is then entered in the system. :func:`development_status` rebuilds
  the case from its records and says what is next, when the next progress report is due, and
  flags an important customer entered without the final approval.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import ROUND_DOWN, Decimal
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
    status_label,
)
from customer_rules._service.codes import ServiceReason
from customer_rules._service.facts import whole
from customer_rules._validation import IS_BOOL, fact_check, non_empty_text
from customer_rules.errors import InputError, Problem
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.recurrence import Occurrence, Recurrence
from customer_rules.roles import Approval, ApprovalStatus, Role, approval_status
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import Case, Event, EventRecord, State, Transition, WorkflowTable

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from customer_rules._service.policy import ServicePolicy

__all__ = [
    "DEVELOPMENT_TARGETS",
    "DevelopmentApplication",
    "DevelopmentPlan",
    "DevelopmentPolicy",
    "DevelopmentStatus",
    "DevelopmentTarget",
    "MonthlyTask",
    "development_status",
    "monthly_tasks",
]

DEVELOPMENT_TARGETS = "S6.targets"
"""The ``Approval.what`` of the marketing manager's setting of the yearly targets."""

_S6 = "S6; 002 §XX客户开发方案 三、六、七、八"
_CENT = Decimal("0.01")
_ONE = Decimal(1)

# --------------------------------------------------------------------------- the table

DRAFTED, APPLIED, DEVELOPING, REPORTED = "drafted", "applied", "developing", "reported"
SUPERVISOR_REVIEWED, MANAGER_REVIEWED = "supervisor_reviewed", "manager_reviewed"
DIRECTOR_APPROVED, APPROVED, REGISTERED, ABANDONED = (
    "director_approved",
    "approved",
    "registered",
    "abandoned",
)
_SALES, _SUP = Role.SALESPERSON, Role.MARKETING_SUPERVISOR

SEED_TABLE = WorkflowTable(
    name="S6.development",
    rule="S6",
    initial=DRAFTED,
    states=(
        State(DRAFTED, "草拟", "drafted"),
        State(APPLIED, "已提交开发申请", "applied"),
        State(DEVELOPING, "开发中", "in development"),
        State(REPORTED, "已填报新开发客户报告表", "success reported"),
        State(SUPERVISOR_REVIEWED, "主管已审核", "reviewed by the supervisor"),
        State(MANAGER_REVIEWED, "部门经理已审核", "reviewed by the manager"),
        State(DIRECTOR_APPROVED, "营销总监已审批", "approved by the marketing director"),
        State(APPROVED, "总经理已审批", "approved by the general manager"),
        State(REGISTERED, "已录入客户信息系统", "entered in the system"),
        State(ABANDONED, "已终止开发", "abandoned"),
    ),
    events=(
        Event("apply", "提交客户开发申请单", "apply"),
        Event("sign", "营销主管审核签字", "sign the application"),
        Event("return", "退回申请", "return the application"),
        Event("report_progress", "汇报开发进度", "report progress"),
        Event("succeed", "填报新开发客户报告表", "report the success"),
        Event("abandon", "终止开发", "abandon"),
        Event("supervisor_review", "主管审核", "supervisor's review"),
        Event("manager_review", "部门经理审核", "manager's review"),
        Event("director_approve", "营销总监审批最后报告", "marketing director's approval"),
        Event("gm_approve", "总经理审批最后报告", "general manager's approval"),
        Event("register", "录入客户信息系统", "enter in the system"),
    ),
    transitions=(
        Transition(DRAFTED, "apply", APPLIED, roles=frozenset({_SALES})),
        Transition(
            APPLIED,
            "sign",
            DEVELOPING,
            roles=frozenset({_SUP}),
            approval="S6.application",
            distinct=True,
        ),
        Transition(APPLIED, "return", DRAFTED, roles=frozenset({_SUP})),
        Transition(DEVELOPING, "report_progress", DEVELOPING, roles=frozenset({_SALES})),
        Transition(DEVELOPING, "succeed", REPORTED, roles=frozenset({_SALES})),
        Transition(DEVELOPING, "abandon", ABANDONED, roles=frozenset({_SUP})),
        Transition(
            REPORTED,
            "supervisor_review",
            SUPERVISOR_REVIEWED,
            roles=frozenset({_SUP}),
            approval="S6.report",
        ),
        Transition(
            SUPERVISOR_REVIEWED,
            "manager_review",
            MANAGER_REVIEWED,
            roles=frozenset({Role.MARKETING_MANAGER}),
            approval="S6.report",
        ),
        Transition(
            MANAGER_REVIEWED,
            "director_approve",
            DIRECTOR_APPROVED,
            roles=frozenset({Role.MARKETING_DIRECTOR}),
            approval="S6.final",
        ),
        Transition(
            DIRECTOR_APPROVED,
            "gm_approve",
            APPROVED,
            roles=frozenset({Role.GENERAL_MANAGER}),
            approval="S6.final",
        ),
        Transition(
            MANAGER_REVIEWED, "register", REGISTERED, roles=frozenset({_SALES, Role.SALES_ADMIN})
        ),
        Transition(APPROVED, "register", REGISTERED, roles=frozenset({_SALES, Role.SALES_ADMIN})),
    ),
)
"""The seed's development workflow (002 §XX客户开发方案 二.2, 六, 七.4, 八). ``return`` and
``abandon`` are the library's [default]: the seed does not say what happens to an application
the supervisor does not sign, or to a development that fails."""

_FINAL_EVENTS = ("director_approve", "gm_approve")
_REGISTER = "register"


@policy
class DevelopmentPolicy:
    """S6: customer development. Source: seed 002 §XX客户开发方案.

    Attributes:
        target_roles: who sets the yearly targets (市场营销部经理) [seed: the marketing
            manager].
        month_weights: the share of each month, January to December, in the yearly targets
            [default: equal — the seed says "分配到每个月", not how].
        table: the development workflow [seed steps; ``return`` and ``abandon`` [default]].
            It must keep ``director_approve`` and ``gm_approve`` (the final approval of an
            important customer) and ``register``.
        progress_report: how often the salesperson reports progress to the supervisor while
            developing ("定期": no period given) [default: every month from the signature or the
            last report].

    Raises:
        PolicyError: for weights that are not 12 whole numbers with a positive sum, or a table
            without the steps above.
    """

    target_roles: frozenset[Role] = setting(
        default=frozenset({Role.MARKETING_MANAGER}), unit=Unit.ROLES, source=_S6, min_items=1
    )
    month_weights: tuple[int, ...] = setting(
        default=(1,) * 12, unit=Unit.COUNT, source=_S6, mark=Mark.DEFAULT, high=1000
    )
    table: WorkflowTable = setting(default=SEED_TABLE, unit=Unit.TABLE, source=_S6)
    progress_report: Recurrence = setting(
        default=Recurrence.every(1), unit=Unit.TABLE, source=_S6, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        if len(self.month_weights) != 12:
            yield Problem.mismatch(
                "month_weights",
                f"{len(self.month_weights)} weight(s)",
                "12 weights, January to December",
            )
        elif sum(self.month_weights) <= 0:
            yield Problem.mismatch("month_weights", "all zero", "weights with a positive sum")
        events = {e.name for e in self.table.events}
        for name in (*_FINAL_EVENTS, _REGISTER):
            if name not in events:
                yield Problem.mismatch(
                    "table.events", f"{len(events)} event(s)", f"an event {name!r}"
                )


# --------------------------------------------------------------------------- targets


def _amount(value: object) -> Decimal:
    return parse_amount(value, "sales")


@attrs.frozen
class DevelopmentTarget:
    """A year's development targets (客户开发目标).

    Attributes:
        year: the year.
        customers: the number of new customers to develop.
        sales: the total sales to reach from them, in yuan.
        set_by: the marketing manager's sign-off (:data:`DEVELOPMENT_TARGETS`), if given.

    Raises:
        InputError: naming the field.
    """

    year: int = attrs.field(validator=whole(1900, 2999))
    customers: int = attrs.field(validator=whole(0, 1_000_000))
    sales: Decimal = attrs.field(converter=_amount)
    set_by: Approval | None = attrs.field(
        default=None, validator=fact_check(Approval, "an Approval or None", optional=True)
    )


@attrs.frozen
class MonthlyTask:
    """One month's development task.

    Attributes:
        month: the month's first day.
        customers: the customers to develop that month.
        sales: the sales to reach that month.
    """

    month: dt.date
    customers: int
    sales: Decimal


@attrs.frozen
class DevelopmentPlan:
    """S6: a year's targets split into monthly tasks.

    Attributes:
        target: the yearly targets.
        months: the twelve monthly tasks; their customers and sales add up to the target's
            exactly.
        set_by: the diagnosis of the targets' sign-off (``granted`` when the marketing manager
            set them).
        on: the day asked about.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    target: DevelopmentTarget
    months: tuple[MonthlyTask, ...]
    set_by: ApprovalStatus
    on: dt.date
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """S6 reasons: the split and whether the targets are set by the right role."""
        t = self.target
        out = [
            Reason.of(
                "S6",
                ServiceReason.S6_PLAN,
                year=t.year,
                customers=t.customers,
                sales=t.sales,
            )
        ]
        if self.set_by is ApprovalStatus.GRANTED:
            who = t.set_by.who if t.set_by is not None else None
            out.append(Reason.of("S6", ServiceReason.S6_TARGETS_SET, who=who))
        else:
            out.append(
                Reason.of("S6", ServiceReason.S6_TARGETS_UNSET, status=status_label(self.set_by))
            )
        return tuple(out)


def monthly_tasks(
    target: DevelopmentTarget, policy: ServicePolicy, *, on: dt.date
) -> DevelopmentPlan:
    """S6: split a year's targets into monthly tasks by ``month_weights``.

    Each month gets its weight's share, rounded down — to a whole customer, to the cent — and
    what rounding leaves is handed out one unit at a time to the months with the largest
    remainders (the earlier month first on a tie): the months add up to the target exactly.

    Args:
        target: the yearly targets.
        policy: the service policy.
        on: the day asked about (the targets' sign-off must hold on it).

    Returns:
        The :class:`DevelopmentPlan`.

    Raises:
        InputError: naming ``target``, ``policy`` or ``on``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.service import ServicePolicy
        >>> plan = monthly_tasks(DevelopmentTarget(2026, 30, "100万"), ServicePolicy(),
        ...                      on=dt.date(2026, 1, 5))
        >>> [m.customers for m in plan.months], plan.months[0].sales, plan.months[-1].sales
        ([3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2], Decimal('83333.34'), Decimal('83333.33'))
    """
    if not isinstance(target, DevelopmentTarget):
        raise InputError("target", target, "a DevelopmentTarget")
    service = service_policy(policy)
    day = day_in_force(service, on)
    p = service.development
    weights = p.month_weights
    customers = _split(Decimal(target.customers), weights, _ONE)
    sales = _split(target.sales, weights, _CENT)
    months = tuple(
        MonthlyTask(dt.date(target.year, m + 1, 1), int(customers[m]), sales[m]) for m in range(12)
    )
    status = approval_status(target.set_by, p.target_roles, DEVELOPMENT_TARGETS, day)
    return DevelopmentPlan(
        target, months, status, day, service.version, policy_effective=service.effective
    )


def _split(total: Decimal, weights: tuple[int, ...], unit: Decimal) -> list[Decimal]:
    """``total`` in ``unit``s split by ``weights`` (largest remainders), adding up exactly."""
    whole = sum(weights)
    units = int((total / unit).to_integral_value(rounding=ROUND_DOWN))
    parts = [divmod(units * w, whole) for w in weights]
    floors = [share for share, _ in parts]
    left = units - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-parts[i][1], i))
    for i in order[:left]:
        floors[i] += 1
    out = [Decimal(f) * unit for f in floors]
    out[-1] += total - Decimal(units) * unit  # below one unit (a fraction of a cent): the last
    return out


# --------------------------------------------------------------------------- the application


@attrs.frozen
class DevelopmentApplication:
    """A customer development application (客户开发申请单).

    Attributes:
        id: the application's id (the subject of its case).
        customer: the target customer.
        applicant: the salesperson applying.
        important: the customer is an important one: its final report needs the marketing
            director and the general manager.

    Raises:
        InputError: naming the field.
    """

    id: str = attrs.field(validator=non_empty_text)
    customer: str = attrs.field(validator=non_empty_text)
    applicant: str = attrs.field(validator=non_empty_text)
    important: bool = attrs.field(default=False, validator=IS_BOOL)


@attrs.frozen
class DevelopmentStatus:
    """S6: where a development application stands.

    Attributes:
        application: the application.
        case: the case rebuilt from its records.
        state: the current state with its labels.
        next: the steps possible for this application (an important customer goes through the
            final approval before ``register``; an ordinary one is registered after the
            manager's review).
        progress_due: while in development, the next progress report.
        progress_overdue: that report's due date has passed.
        final_missing: an important customer was entered in the system without the final
            approval.
        on: the day asked about.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    application: DevelopmentApplication
    case: Case
    state: Term
    next: tuple[NextStep, ...]
    progress_due: Occurrence | None
    progress_overdue: bool
    final_missing: bool
    on: dt.date
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """S6 reasons: the state, the next steps with who takes them, the progress report, a
        missing final approval."""
        a = self.application
        out = [
            Reason.of(
                "S6",
                ServiceReason.S6_STATE,
                id=a.id,
                customer=a.customer,
                state=self.state.label,
                important=a.important,
            )
        ]
        for step in self.next:
            out.append(
                Reason.of("S6", ServiceReason.S6_NEXT, event=step.event.label, roles=step.roles)
            )
        if self.progress_due is not None:
            code = (
                ServiceReason.S6_PROGRESS_OVERDUE
                if self.progress_overdue
                else ServiceReason.S6_PROGRESS
            )
            out.append(Reason.of("S6", code, due=self.progress_due.due))
        if self.final_missing:
            out.append(Reason.of("S6", ServiceReason.S6_FINAL_MISSING, customer=a.customer))
        return tuple(out)


def development_status(
    application: DevelopmentApplication,
    records: Iterable[EventRecord],
    policy: ServicePolicy,
    *,
    on: dt.date,
) -> DevelopmentStatus:
    """S6: a development application's case rebuilt from its records, and what is next.

    Args:
        application: the application.
        records: its records, in order (from :func:`~customer_rules.workflow.apply` on
            ``policy.development.table``).
        policy: the service policy.
        on: the day asked about; no record after it.

    Returns:
        The :class:`DevelopmentStatus`.

    Raises:
        InputError: naming the argument, or ``records[i]`` for a record that does not apply or
            is dated after ``on``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.roles import Approval, Role
        >>> from customer_rules.service import ServicePolicy
        >>> from customer_rules.workflow import apply, start
        >>> table = ServicePolicy().development.table
        >>> day = dt.date(2026, 3, 2)
        >>> app = DevelopmentApplication("D-7", "华南电气", "陈小明", important=True)
        >>> s1 = apply(table, start(table, subject="D-7"), "apply",
        ...            by=Approval("陈小明", Role.SALESPERSON, "S6", day), on=day)
        >>> lin = Approval("林主管", Role.MARKETING_SUPERVISOR, "S6.application", day)
        >>> s2 = apply(table, s1.after, "sign", by=lin, on=day)
        >>> s = development_status(app, [s1.record, s2.record], ServicePolicy(),
        ...                        on=dt.date(2026, 4, 10))
        >>> s.state.name, s.progress_due.due, s.progress_overdue
        ('developing', datetime.date(2026, 4, 2), True)
    """
    if not isinstance(application, DevelopmentApplication):
        raise InputError("application", application, "a DevelopmentApplication")
    service = service_policy(policy)
    day = day_in_force(service, on)
    items = items_of(records, "records", EventRecord, "an EventRecord")
    for i, record in enumerate(items):
        if record.on > day:
            raise InputError(f"records[{i}].on", record.on, f"a day on or before on ({day})")
    p = service.development
    table = p.table
    case = replayed(table, application.id, items)
    leave_out: tuple[str, ...] = ()
    if case.state == MANAGER_REVIEWED:
        leave_out = (_REGISTER,) if application.important else ("director_approve",)
    steps = next_steps(table, case, leave_out=leave_out)
    due: Occurrence | None = None
    if case.state == DEVELOPING:
        last = next(
            r.on for r in reversed(items) if r.after == DEVELOPING
        )  # the signature or the last progress report
        due = p.progress_report.next(day, last=last)
    final_missing = application.important and any(
        r.event == _REGISTER and r.before != APPROVED for r in items
    )
    return DevelopmentStatus(
        application,
        case,
        state_term(table, case.state),
        steps,
        due,
        due is not None and due.overdue(day),
        final_missing,
        day,
        service.version,
        policy_effective=service.effective,
    )
