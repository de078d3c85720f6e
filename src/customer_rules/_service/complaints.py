"""S3 — complaints and suggestions, and the regular opinion survey (客户意见调查, 客户投诉管理).

Sources: seed 003 §客户管理办法 6.3.2 ("对客户的建议或投诉,其情节重大者,业务部应立即提呈主管副总
经理核阅或核转,提前加以处理,并将处理情况函告该客户;其属一般性质者,业务部自行酌情处理,但必须
将处理结果,以书面或电话通知该客户") and §企业客户管理办法制度范本 第十六条 (record → verify and
classify nature and urgency → handle → feed back and confirm → analyse and improve).

A complaint is a case of :attr:`ComplaintPolicy.table`, a table on the shared workflow mechanism
(:mod:`customer_rules.workflow`): 已记录 ``recorded`` → verified and classified, either
``classify_major`` → 已呈报主管副总经理 ``with_vp``, where only the VP in charge acts — ``review``
(核阅: the VP decides the handling) or ``refer`` (核转: a recorded referral to another
department) — then handled first and answered by letter (``answer_letter``); or
``classify_ordinary`` → ``verified``, handled by the business department and answered in writing
or by phone → ``answered`` → ``confirm`` → ``analyse``. Each step has a due date as policy data
(:class:`StepDue`).

The response clock (:func:`complaint_status`): targets for the first response and for the
resolution by severity (:class:`SlaTarget`), counted in business hours (:class:`BusinessHours`)
on the calendar's working days, paused while the complaint awaits the customer — a second case,
of :attr:`ComplaintPolicy.waiting`, with the same subject — and computed from the complaint's
event records, never from stored counters. The workflow's records carry a day; the clock needs
the time, so each record is given with its moment (:class:`StampedRecord`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._checks import checked_moment
from customer_rules._grading.checks import calendar_arg
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
from customer_rules._service.clock import BusinessHours, Pause, advance, running_seconds
from customer_rules._service.codes import ServiceReason
from customer_rules._service.facts import aware
from customer_rules._validation import IS_BOOL, fact_check, non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar, Deadline, DeadlineMode
from customer_rules.dates import SHANGHAI, require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.recurrence import Occurrence, Recurrence
from customer_rules.roles import Role
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import Case, Event, EventRecord, State, Transition, WorkflowTable

if TYPE_CHECKING:
    from customer_rules._service.policy import ServicePolicy

__all__ = [
    "BusinessHours",
    "Complaint",
    "ComplaintPolicy",
    "ComplaintSeverity",
    "ComplaintStatus",
    "FeedbackKind",
    "SeverityCriteria",
    "SeverityReading",
    "SeverityResult",
    "SlaClock",
    "SlaMeasure",
    "SlaTarget",
    "StampedRecord",
    "StepDue",
    "SurveyDue",
    "classify_complaint",
    "complaint_status",
    "survey_due",
]

_S3 = "S3; 003 §6.3.2, §企业客户管理办法制度范本 第十六条"
_S3_SURVEY = "S3; 003 §6.3.2 (1) 定期举办客户意见调查"
_REQUIRED: Any = attrs.NOTHING


class FeedbackKind(LabelledEnum):
    """What the customer brought (客户的建议或投诉)."""

    COMPLAINT = "complaint"
    """投诉."""
    SUGGESTION = "suggestion"
    """建议."""


class ComplaintSeverity(LabelledEnum):
    """How serious a complaint is (情节)."""

    MAJOR = "major"
    """情节重大 — at once to the VP in charge, handled first, answered by letter."""
    ORDINARY = "ordinary"
    """一般性质 — handled by the business department, answered in writing or by phone."""


class SeverityReading(LabelledEnum):
    """Who decides the severity (the catalogue's S3 ambiguity)."""

    INPUT = "input"
    """The host says it when the complaint is verified [default]."""
    CRITERIA = "criteria"
    """The policy's criteria decide (:class:`SeverityCriteria`)."""


class SlaMeasure(LabelledEnum):
    """The two targets of the response clock."""

    FIRST_RESPONSE = "first_response"
    """首次响应 — the complaint verified and classified (its first step)."""
    RESOLUTION = "resolution"
    """处理完毕 — the result fed back to the customer."""


set_labels(
    {
        FeedbackKind.COMPLAINT: ("投诉", "complaint"),
        FeedbackKind.SUGGESTION: ("建议", "suggestion"),
        ComplaintSeverity.MAJOR: ("情节重大", "major"),
        ComplaintSeverity.ORDINARY: ("一般性质", "ordinary"),
        SeverityReading.INPUT: ("由核实人判定", "given when verified"),
        SeverityReading.CRITERIA: ("按政策标准判定", "by the policy's criteria"),
        SlaMeasure.FIRST_RESPONSE: ("首次响应", "first response"),
        SlaMeasure.RESOLUTION: ("处理答复", "resolution"),
    }
)

# --------------------------------------------------------------------------- the tables

RECORDED, WITH_VP, VP_REVIEWED, REFERRED = "recorded", "with_vp", "vp_reviewed", "referred"
VERIFIED, HANDLED_MAJOR, HANDLED = "verified", "handled_major", "handled"
ANSWERED, CONFIRMED, ANALYSED = "answered", "confirmed", "analysed"
CLASSIFY_MAJOR, CLASSIFY_ORDINARY = "classify_major", "classify_ordinary"

_CS, _BD, _VP = Role.CUSTOMER_SERVICE, Role.BUSINESS_DEPARTMENT, Role.VP_IN_CHARGE
_HANDLERS = frozenset(
    {
        _BD,
        Role.SALES_MANAGER,
        Role.CUSTOMER_SERVICE_MANAGER,
        Role.FINANCE_MANAGER,
        Role.GENERAL_MANAGER,
    }
)

SEED_TABLE = WorkflowTable(
    name="S3.complaint",
    rule="S3",
    initial=RECORDED,
    states=(
        State(RECORDED, "已记录", "recorded"),
        State(WITH_VP, "已呈报主管副总经理", "with the VP in charge"),
        State(VP_REVIEWED, "主管副总经理已核阅", "reviewed by the VP"),
        State(REFERRED, "主管副总经理已核转", "referred by the VP"),
        State(VERIFIED, "已核实(一般性质)", "verified (ordinary)"),
        State(HANDLED_MAJOR, "已优先处理", "handled first"),
        State(HANDLED, "已处理", "handled"),
        State(ANSWERED, "已答复客户", "answered"),
        State(CONFIRMED, "已跟踪确认", "confirmed"),
        State(ANALYSED, "已汇总分析", "analysed"),
    ),
    events=(
        Event(CLASSIFY_MAJOR, "核实:情节重大", "classify as major"),
        Event(CLASSIFY_ORDINARY, "核实:一般性质", "classify as ordinary"),
        Event("review", "核阅", "review"),
        Event("refer", "核转", "refer"),
        Event("handle", "处理", "handle"),
        Event("answer_letter", "书面(函告)答复客户", "answer in writing"),
        Event("answer_phone", "电话答复客户", "answer by phone"),
        Event("confirm", "跟踪确认", "confirm with the customer"),
        Event("analyse", "汇总分析、提出改进措施", "analyse and improve"),
    ),
    transitions=(
        Transition(RECORDED, CLASSIFY_MAJOR, WITH_VP, roles=frozenset({_CS, _BD})),
        Transition(RECORDED, CLASSIFY_ORDINARY, VERIFIED, roles=frozenset({_CS, _BD})),
        Transition(WITH_VP, "review", VP_REVIEWED, roles=frozenset({_VP})),
        Transition(WITH_VP, "refer", REFERRED, roles=frozenset({_VP})),
        Transition(VP_REVIEWED, "handle", HANDLED_MAJOR, roles=frozenset({_BD, _VP})),
        Transition(REFERRED, "handle", HANDLED_MAJOR, roles=_HANDLERS),
        Transition(
            VERIFIED,
            "handle",
            HANDLED,
            roles=frozenset({_BD, Role.SALESPERSON, Role.SALES_MANAGER}),
        ),
        Transition(HANDLED_MAJOR, "answer_letter", ANSWERED, roles=frozenset({_BD, _CS})),
        Transition(
            HANDLED, "answer_letter", ANSWERED, roles=frozenset({_BD, _CS, Role.SALESPERSON})
        ),
        Transition(
            HANDLED, "answer_phone", ANSWERED, roles=frozenset({_BD, _CS, Role.SALESPERSON})
        ),
        Transition(ANSWERED, "confirm", CONFIRMED, roles=frozenset({_CS})),
        Transition(
            CONFIRMED, "analyse", ANALYSED, roles=frozenset({_CS, Role.CUSTOMER_SERVICE_MANAGER})
        ),
    ),
)
"""The seed's complaint workflow (003 §6.3.2; §企业客户管理办法制度范本 第十六条)."""

_WAITERS = frozenset(
    {_CS, _BD, _VP, Role.SALESPERSON, Role.SALES_MANAGER, Role.CUSTOMER_SERVICE_MANAGER}
)

SEED_WAITING = WorkflowTable(
    name="S3.waiting",
    rule="S3",
    initial="open",
    states=(
        State("open", "处理中", "open"),
        State("waiting", "等待客户回复", "awaiting the customer"),
    ),
    events=(
        Event("await_customer", "等待客户回复", "await the customer"),
        Event("customer_replied", "客户已回复", "the customer replied"),
    ),
    transitions=(
        Transition("open", "await_customer", "waiting", roles=_WAITERS),
        Transition("waiting", "customer_replied", "open", roles=_WAITERS),
    ),
)
"""The pause of the response clock: a complaint awaiting the customer is a case of this table
(its subject the complaint's id) in any state but its initial one [default]."""


@policy
class SeverityCriteria:
    """S3, the other reading: when the policy's criteria decide the severity, a complaint is
    major when any criterion holds [default values: the seed gives none].

    Attributes:
        big_customer: a complaint of a big customer is major [default: yes].
        amount: a complaint with at least this amount at stake is major [default: 100,000].

    Raises:
        PolicyError: listing every invalid field.
    """

    big_customer: bool = setting(default=True, unit=Unit.FLAG, source=_S3, mark=Mark.DEFAULT)
    amount: Decimal = setting(
        default=Decimal(100_000), unit=Unit.YUAN, source=_S3, mark=Mark.DEFAULT
    )


@policy
class StepDue:
    """How long a complaint may stay in one state: the next step is due ``days`` after the day
    it reached the state (a :class:`~customer_rules.calendars.Deadline` of ``days`` in ``mode``).

    Attributes:
        state: a state of the complaint table.
        severity: the route it applies to.
        days: the days allowed, 0 (the same day) to 366.
        mode: how they are counted: calendar days, working days, or calendar days rolled to a
            working day.
    """

    state: str = setting(default=_REQUIRED, unit=Unit.TEXT, source=_S3, mark=Mark.DEFAULT)
    severity: ComplaintSeverity = setting(default=_REQUIRED, unit=Unit.CHOICE, source=_S3)
    days: int = setting(default=0, unit=Unit.DAYS, source=_S3, mark=Mark.DEFAULT, high=366)
    mode: DeadlineMode = setting(
        default=DeadlineMode.CALENDAR_DAYS, unit=Unit.CHOICE, source=_S3, mark=Mark.DEFAULT
    )

    @property
    def deadline(self) -> Deadline:
        """The row as a :class:`~customer_rules.calendars.Deadline`."""
        return Deadline(self.days, self.mode)


def _due(state: str, severity: ComplaintSeverity, days: int) -> StepDue:
    return StepDue(state, severity, days)


_M, _O = ComplaintSeverity.MAJOR, ComplaintSeverity.ORDINARY
SEED_STEPS_DUE = (
    _due(RECORDED, _M, 0),
    _due(WITH_VP, _M, 1),
    _due(VP_REVIEWED, _M, 3),
    _due(REFERRED, _M, 3),
    _due(HANDLED_MAJOR, _M, 1),
    _due(ANSWERED, _M, 7),
    _due(CONFIRMED, _M, 30),
    _due(RECORDED, _O, 1),
    _due(VERIFIED, _O, 5),
    _due(HANDLED, _O, 2),
    _due(ANSWERED, _O, 7),
    _due(CONFIRMED, _O, 30),
)
"""The due dates of the steps [default: the seed says only "立即" for a major complaint's
escalation — the same day — and gives no other period]."""


@policy
class SlaTarget:
    """The response clock's targets for one severity, in business hours.

    Attributes:
        severity: the severity.
        first_response_hours: from receipt to the first step (verified and classified).
        resolution_hours: from receipt to the result fed back to the customer.

    Raises:
        PolicyError: for hours outside 1–10,000, or a resolution before the first response.
    """

    severity: ComplaintSeverity = setting(default=_REQUIRED, unit=Unit.CHOICE, source=_S3)
    first_response_hours: int = setting(
        default=8, unit=Unit.COUNT, source=_S3, mark=Mark.DEFAULT, low=1, high=10_000
    )
    resolution_hours: int = setting(
        default=40, unit=Unit.COUNT, source=_S3, mark=Mark.DEFAULT, low=1, high=10_000
    )

    def _check(self) -> Iterator[Problem]:
        if self.resolution_hours < self.first_response_hours:
            yield Problem.mismatch(
                "resolution_hours",
                self.resolution_hours,
                f"at least first_response_hours ({self.first_response_hours})",
            )


SEED_TARGETS = (
    SlaTarget(ComplaintSeverity.MAJOR, 2, 16),
    SlaTarget(ComplaintSeverity.ORDINARY, 8, 40),
)
"""[default] A major complaint is answered first ("提前加以处理"): two business hours to reach
the VP, two working days to answer; an ordinary one: one working day and five."""


@policy
class ComplaintPolicy:
    """S3: complaints and suggestions, and the opinion survey. Source: seed 003 §6.3.2;
    §企业客户管理办法制度范本 第十六条.

    Attributes:
        table: the complaint workflow [seed steps; names, labels and the roles of a step the
            seed does not assign are the library's]. It must keep ``classify_major`` and
            ``classify_ordinary`` from its initial state, and a state reached by
            ``classify_major`` from which only the VP in charge acts.
        reading: who decides the severity [default: the host, as an input; ``criteria``: the
            ``criteria`` below].
        criteria: the criteria of the other reading [default].
        steps_due: the due date of the next step by state and severity [default: 0 days
            ("立即") from recorded for a major complaint; see the table in the docs].
        targets: the first-response and resolution targets by severity, in business hours
            [default: major 2 and 16, ordinary 8 and 40].
        hours: the business hours the clock runs in [default: 09:00–17:00, Asia/Shanghai].
        resolved_state: reaching this state stops the resolution clock [default:
            ``answered`` — the result fed back to the customer].
        waiting: the table of the pause while the complaint awaits the customer [default].
        survey: when the customer opinion survey is held ("定期举办客户意见调查": regularly,
            no period given) [default: at the end of June and December].

    Raises:
        PolicyError: listing every invalid field with its path, a table without the two
            classification steps or whose major route does not go to the VP alone, a due date
            or target listed twice, a severity without a target, or a resolved state that is
            not a state of the table.
    """

    table: WorkflowTable = setting(default=SEED_TABLE, unit=Unit.TABLE, source=_S3)
    reading: SeverityReading = setting(
        default=SeverityReading.INPUT, unit=Unit.CHOICE, source=_S3, mark=Mark.DEFAULT
    )
    criteria: SeverityCriteria = setting(
        default=SeverityCriteria(), unit=Unit.TABLE, source=_S3, mark=Mark.DEFAULT
    )
    steps_due: tuple[StepDue, ...] = setting(
        default=SEED_STEPS_DUE, unit=Unit.TABLES, source=_S3, mark=Mark.DEFAULT
    )
    targets: tuple[SlaTarget, ...] = setting(
        default=SEED_TARGETS, unit=Unit.TABLES, source=_S3, mark=Mark.DEFAULT
    )
    hours: BusinessHours = setting(
        default=BusinessHours(), unit=Unit.TABLE, source=_S3, mark=Mark.DEFAULT
    )
    resolved_state: str = setting(default=ANSWERED, unit=Unit.TEXT, source=_S3, mark=Mark.DEFAULT)
    waiting: WorkflowTable = setting(
        default=SEED_WAITING, unit=Unit.TABLE, source=_S3, mark=Mark.DEFAULT
    )
    survey: Recurrence = setting(
        default=Recurrence.in_months(6, 12), unit=Unit.TABLE, source=_S3_SURVEY, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        table = self.table
        for event in (CLASSIFY_MAJOR, CLASSIFY_ORDINARY):
            if table.transition(table.initial, event) is None:
                yield Problem.mismatch(
                    "table.transitions",
                    f"{len(table.transitions)} row(s)",
                    f"a row from {table.initial!r} on {event!r}",
                )
        major = table.transition(table.initial, CLASSIFY_MAJOR)
        if major is not None:
            moves = table.moves(major.target)
            if not moves or any(m.roles != frozenset({_VP}) for m in moves):
                yield Problem.mismatch(
                    "table.transitions",
                    major.target,
                    "a state after classify_major from which only the VP in charge acts",
                )
        seen: set[tuple[str, ComplaintSeverity]] = set()
        names = {s.name for s in table.states}
        for i, row in enumerate(self.steps_due):
            if row.state not in names:
                yield Problem.mismatch(
                    f"steps_due[{i}].state", row.state, f"one of the states {sorted(names)}"
                )
            if (row.state, row.severity) in seen:
                yield Problem.mismatch(
                    f"steps_due[{i}]", row.state, "a state and severity listed once"
                )
            seen.add((row.state, row.severity))
        given: set[ComplaintSeverity] = set()
        for i, target in enumerate(self.targets):
            if target.severity in given:
                yield Problem.mismatch(
                    f"targets[{i}].severity", target.severity.value, "a severity listed once"
                )
            given.add(target.severity)
        for severity in ComplaintSeverity:
            if severity not in given:
                yield Problem.mismatch(
                    "targets", f"{len(self.targets)} row(s)", f"a target for {severity.value}"
                )
        if self.resolved_state not in names:
            yield Problem.mismatch(
                "resolved_state", self.resolved_state, f"one of the states {sorted(names)}"
            )

    @functools.cached_property
    def _due(self) -> dict[tuple[str, ComplaintSeverity], Deadline]:
        return {(row.state, row.severity): row.deadline for row in self.steps_due}

    @functools.cached_property
    def _targets(self) -> dict[ComplaintSeverity, SlaTarget]:
        return {t.severity: t for t in self.targets}


# --------------------------------------------------------------------------- facts


def _optional_amount(value: object) -> Decimal | None:
    return None if value is None else parse_amount(value, "amount")


@attrs.frozen
class Complaint:
    """A complaint or suggestion as recorded (客户服务部门接收并记录).

    Attributes:
        id: the complaint's id (the subject of its cases).
        customer: the customer's id or name.
        received_at: when it was received (a timezone-aware datetime): the clock starts here.
        kind: a complaint or a suggestion.
        severity: major or ordinary when verified; ``None`` while unknown (the ``input``
            reading needs it, the ``criteria`` reading ignores it).
        big_customer: the customer is a big customer (a criterion of the other reading).
        amount: the amount at stake, if any (a criterion of the other reading).
        summary: what it is about.

    Raises:
        InputError: naming the field.
    """

    id: str = attrs.field(validator=non_empty_text)
    customer: str = attrs.field(validator=non_empty_text)
    received_at: dt.datetime = attrs.field(validator=aware)
    kind: FeedbackKind = attrs.field(
        default=FeedbackKind.COMPLAINT, validator=fact_check(FeedbackKind, "a FeedbackKind")
    )
    severity: ComplaintSeverity | None = attrs.field(
        default=None,
        validator=fact_check(ComplaintSeverity, "a ComplaintSeverity or None", optional=True),
    )
    big_customer: bool = attrs.field(default=False, validator=IS_BOOL)
    amount: Decimal | None = attrs.field(default=None, converter=_optional_amount)
    summary: str = attrs.field(default="", validator=fact_check(str, "a text"))


@attrs.frozen
class StampedRecord:
    """A workflow record with the moment the step was taken (the clock needs the time; the
    record carries the day).

    Attributes:
        record: the :class:`~customer_rules.workflow.EventRecord` that
            :func:`~customer_rules.workflow.apply` gave.
        at: when the step was taken (timezone-aware); its day in Asia/Shanghai is the record's.

    Raises:
        InputError: naming the field, for a record that is not one, a naive moment, or a
            moment on another day than the record's.
    """

    record: EventRecord = attrs.field(validator=fact_check(EventRecord, "an EventRecord"))
    at: dt.datetime = attrs.field(validator=aware)

    def __attrs_post_init__(self) -> None:
        local = self.at.astimezone(SHANGHAI).date()
        if local != self.record.on:
            raise InputError(
                "at", self.at, f"a moment on the record's day {self.record.on} (Asia/Shanghai)"
            )


# --------------------------------------------------------------------------- severity


@attrs.frozen
class SeverityResult:
    """S3: the severity of a complaint and what decided it.

    Attributes:
        complaint: the complaint's id.
        severity: major or ordinary.
        reading: the input or the criteria decided.
        big_customer: (criteria) the big-customer criterion holds.
        amount: (criteria) the amount at stake, when it reached the criterion.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    complaint: str
    severity: ComplaintSeverity
    reading: SeverityReading
    big_customer: bool
    amount: Decimal | None
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One S3 reason: the severity and what decided it."""
        if self.reading is SeverityReading.INPUT:
            return (Reason.of("S3", ServiceReason.S3_SEVERITY_INPUT, severity=self.severity),)
        return (
            Reason.of(
                "S3",
                ServiceReason.S3_SEVERITY_CRITERIA,
                severity=self.severity,
                big_customer=self.big_customer,
                amount=self.amount,
            ),
        )


def classify_complaint(complaint: Complaint, policy: ServicePolicy) -> SeverityResult:
    """S3: the severity of a complaint — the input [default] or the policy's criteria.

    Args:
        complaint: the complaint.
        policy: the service policy.

    Returns:
        The :class:`SeverityResult`.

    Raises:
        InputError: naming ``complaint`` or ``policy``; naming ``complaint.severity`` when the
            reading is ``input`` and it is not given.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.dates import SHANGHAI
        >>> from customer_rules.service import ServicePolicy
        >>> c = Complaint("K-1", "C042", dt.datetime(2026, 6, 1, 9, tzinfo=SHANGHAI),
        ...               severity=ComplaintSeverity.MAJOR)
        >>> classify_complaint(c, ServicePolicy()).severity
        <ComplaintSeverity.MAJOR: 'major'>
    """
    if not isinstance(complaint, Complaint):
        raise InputError("complaint", complaint, "a Complaint")
    service = service_policy(policy)
    return _classify(complaint, service)


def _classify(complaint: Complaint, service: ServicePolicy) -> SeverityResult:
    p = service.complaints
    if p.reading is SeverityReading.INPUT:
        if complaint.severity is None:
            raise InputError(
                "complaint.severity",
                None,
                "major or ordinary: the policy reads the severity as an input",
            )
        return SeverityResult(
            complaint.id,
            complaint.severity,
            p.reading,
            False,
            None,
            service.version,
            policy_effective=service.effective,
        )
    big = p.criteria.big_customer and complaint.big_customer
    amount = (
        complaint.amount
        if complaint.amount is not None and complaint.amount >= p.criteria.amount
        else None
    )
    severity = ComplaintSeverity.MAJOR if big or amount is not None else ComplaintSeverity.ORDINARY
    return SeverityResult(
        complaint.id,
        severity,
        p.reading,
        big,
        amount,
        service.version,
        policy_effective=service.effective,
    )


# --------------------------------------------------------------------------- status and clock


@attrs.frozen
class SlaClock:
    """One target of the response clock, as it stands.

    Attributes:
        measure: first response or resolution.
        target_minutes: the target, in business minutes.
        elapsed_minutes: the business minutes the clock has run (pauses left out), up to the
            step that met it or up to the moment asked about.
        left_minutes: the target less the elapsed minutes (negative once breached).
        done_at: when the step that meets it was taken, if it was.
        due_at: when the target falls due, pauses known so far left out; ``None`` while an
            open pause stops the clock before it is reached.
        breached: the clock ran past the target (for a step taken, it was taken late).
        paused: the complaint awaits the customer now (the clock is stopped).
    """

    measure: SlaMeasure
    target_minutes: int
    elapsed_minutes: int
    left_minutes: int
    done_at: dt.datetime | None
    due_at: dt.datetime | None
    breached: bool
    paused: bool

    @property
    def met(self) -> bool:
        """The step was taken within the target."""
        return self.done_at is not None and not self.breached

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One S3 reason: met, breached, running or paused, with the minutes."""
        facts: dict[str, Any] = {
            "measure": self.measure,
            "target": self.target_minutes,
            "elapsed": self.elapsed_minutes,
        }
        if self.done_at is not None:
            code = ServiceReason.S3_SLA_LATE if self.breached else ServiceReason.S3_SLA_MET
            return (Reason.of("S3", code, done=self.done_at, **facts),)
        if self.breached:
            return (Reason.of("S3", ServiceReason.S3_SLA_BREACHED, due=self.due_at, **facts),)
        if self.paused:
            return (Reason.of("S3", ServiceReason.S3_SLA_PAUSED, left=self.left_minutes, **facts),)
        return (
            Reason.of(
                "S3", ServiceReason.S3_SLA_RUNNING, left=self.left_minutes, due=self.due_at, **facts
            ),
        )


@attrs.frozen
class ComplaintStatus:
    """S3: where a complaint stands, what is next and when, and its response clock.

    Attributes:
        complaint: the complaint.
        severity: its severity (:class:`SeverityResult` for what decided it).
        case: the case rebuilt from its records.
        state: the current state with its labels.
        next: the steps possible from it, with who may take them (empty when final).
        step_due: the day the next step is due (``None`` in a final state or without a due
            date for the state).
        step_overdue: the day asked about is after ``step_due``.
        paused: the complaint awaits the customer.
        first_response: the first-response clock.
        resolution: the resolution clock.
        at: the moment asked about.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    complaint: Complaint
    severity: SeverityResult
    case: Case
    state: Term
    next: tuple[NextStep, ...]
    step_due: dt.date | None
    step_overdue: bool
    paused: bool
    first_response: SlaClock
    resolution: SlaClock
    at: dt.datetime
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """S3 reasons: the severity, the state, the next step and its due date, the two
        clocks."""
        out = [*self.severity.reasons]
        out.append(
            Reason.of(
                "S3",
                ServiceReason.S3_STATE,
                id=self.complaint.id,
                state=self.state.label,
                steps=self.case.seq,
            )
        )
        if not self.next:
            out.append(Reason.of("S3", ServiceReason.S3_DONE))
        for step in self.next:
            code = ServiceReason.S3_NEXT_OVERDUE if self.step_overdue else ServiceReason.S3_NEXT
            out.append(
                Reason.of("S3", code, event=step.event.label, roles=step.roles, due=self.step_due)
            )
        out.extend(self.first_response.reasons)
        out.extend(self.resolution.reasons)
        return tuple(out)


def complaint_status(
    complaint: Complaint,
    records: Iterable[StampedRecord],
    policy: ServicePolicy,
    *,
    at: dt.datetime,
    calendar: Calendar = CALENDAR_DAYS,
    waiting: Iterable[StampedRecord] = (),
) -> ComplaintStatus:
    """S3: the complaint's case rebuilt from its records, its next step and due date, and the
    response clock.

    The records are replayed on :attr:`ComplaintPolicy.table` (a record that does not apply is
    an :class:`InputError` naming ``records[i]``), the pause records on
    :attr:`ComplaintPolicy.waiting`. The classification step must agree with the severity (a
    major complaint is classified ``classify_major``: it reaches the VP first, and goes
    elsewhere only by the VP's recorded ``refer``). The next step is due by the
    :class:`StepDue` of the state and severity, counted from the day of the last step (the
    receipt for the first) through ``calendar``.

    The clock: the business time from ``received_at`` — inside :attr:`ComplaintPolicy.hours`
    on ``calendar``'s working days — less the time the complaint awaited the customer, up to
    the first step (first response) and up to reaching the ``resolved_state``
    (resolution), or up to ``at`` while not reached; each against its :class:`SlaTarget`,
    breached when it ran past the target.

    Args:
        complaint: the complaint.
        records: its steps, in order, each with its moment.
        policy: the service policy.
        at: the moment asked about (timezone-aware); no record may be after it.
        calendar: the working days (``CALENDAR_DAYS``: every day).
        waiting: the records of its pause case, in order.

    Returns:
        The :class:`ComplaintStatus`.

    Raises:
        InputError: naming the argument or the record (``records[2].at``) that cannot be
            right: a record before the receipt, out of order or after ``at``, a record that does
            not apply, a classification that disagrees with the severity.
        CalendarCoverageError: for a working day asked of a calendar outside its years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.dates import SHANGHAI
        >>> from customer_rules.roles import Approval, Role
        >>> from customer_rules.service import ServicePolicy
        >>> from customer_rules.workflow import apply, start
        >>> policy = ServicePolicy()
        >>> t0 = dt.datetime(2026, 6, 1, 9, 0, tzinfo=SHANGHAI)
        >>> c = Complaint("K-1", "C042", t0, severity=ComplaintSeverity.MAJOR)
        >>> case = start(policy.complaints.table, subject="K-1")
        >>> cs = Approval("周客服", Role.CUSTOMER_SERVICE, "S3", t0.date())
        >>> step = apply(policy.complaints.table, case, "classify_major", by=cs, on=t0.date())
        >>> s = complaint_status(c, [StampedRecord(step.record, t0.replace(hour=10))], policy,
        ...                      at=t0.replace(hour=15))
        >>> s.state.name, [n.event.name for n in s.next], s.first_response.met
        ('with_vp', ['review', 'refer'], True)
        >>> s.resolution.elapsed_minutes, s.resolution.left_minutes
        (360, 600)
    """
    if not isinstance(complaint, Complaint):
        raise InputError("complaint", complaint, "a Complaint")
    service = service_policy(policy)
    moment = checked_moment(service, at)
    day = moment.astimezone(SHANGHAI).date()
    calendar = calendar_arg(calendar)
    main = _stamped(records, "records", complaint.received_at, moment)
    pauses_records = _stamped(waiting, "waiting", complaint.received_at, moment)
    p = service.complaints
    severity = _classify(complaint, service)
    case = replayed(p.table, complaint.id, tuple(s.record for s in main), "records")
    _check_route(p.table, main, severity.severity)
    wait_case = replayed(
        p.waiting, complaint.id, tuple(s.record for s in pauses_records), "waiting"
    )
    pauses = _pauses(p.waiting, pauses_records)
    paused = wait_case.state != p.waiting.initial
    steps = next_steps(p.table, case)
    due: dt.date | None = None
    if steps:
        deadline = p._due.get((case.state, severity.severity))
        if deadline is not None:
            since = (
                case.last_on
                if case.last_on is not None
                else complaint.received_at.astimezone(SHANGHAI).date()
            )
            due = deadline.due(since, calendar)
    target = p._targets[severity.severity]
    first = main[0].at if main else None
    resolved = next((s.at for s in main if s.record.after == p.resolved_state), None)
    clocks = tuple(
        _clock(
            measure, hours, done, complaint.received_at, moment, p.hours, calendar, pauses, paused
        )
        for measure, hours, done in (
            (SlaMeasure.FIRST_RESPONSE, target.first_response_hours, first),
            (SlaMeasure.RESOLUTION, target.resolution_hours, resolved),
        )
    )
    return ComplaintStatus(
        complaint,
        severity,
        case,
        state_term(p.table, case.state),
        steps,
        due,
        due is not None and day > due,
        paused,
        clocks[0],
        clocks[1],
        moment,
        service.version,
        policy_effective=service.effective,
    )


def _stamped(
    value: Iterable[StampedRecord], field: str, received: dt.datetime, at: dt.datetime
) -> tuple[StampedRecord, ...]:
    items = items_of(value, field, StampedRecord, "a StampedRecord")
    last = received
    for i, item in enumerate(items):
        if item.at < last:
            expected = (
                "a moment on or after the complaint's receipt"
                if i == 0
                else "a moment on or after the record before"
            )
            raise InputError(f"{field}[{i}].at", item.at, expected)
        if item.at > at:
            raise InputError(f"{field}[{i}].at", item.at, f"a moment on or before at ({at})")
        last = item.at
    return items


def _check_route(
    table: WorkflowTable, main: tuple[StampedRecord, ...], severity: ComplaintSeverity
) -> None:
    wanted = CLASSIFY_MAJOR if severity is ComplaintSeverity.MAJOR else CLASSIFY_ORDINARY
    for i, item in enumerate(main):
        event = item.record.event
        if event in (CLASSIFY_MAJOR, CLASSIFY_ORDINARY) and event != wanted:
            raise InputError(
                f"records[{i}].event",
                event,
                f"{wanted!r}: the complaint's severity is {severity.value}",
            )


def _pauses(table: WorkflowTable, records: tuple[StampedRecord, ...]) -> list[Pause]:
    """The spans the pause case spent outside its initial state."""
    found: list[Pause] = []
    opened: dt.datetime | None = None
    for item in records:
        if item.record.before == table.initial and item.record.after != table.initial:
            opened = item.at
        elif item.record.after == table.initial and opened is not None:
            found.append((opened, item.at))
            opened = None
    if opened is not None:
        found.append((opened, None))
    return found


def _clock(
    measure: SlaMeasure,
    hours: int,
    done: dt.datetime | None,
    received: dt.datetime,
    at: dt.datetime,
    business: BusinessHours,
    calendar: Calendar,
    pauses: list[Pause],
    paused: bool,
) -> SlaClock:
    target = hours * 3600
    end = done if done is not None else at
    elapsed = running_seconds(received, end, business, calendar, pauses)
    due = advance(received, target, business, calendar, pauses)
    return SlaClock(
        measure,
        hours * 60,
        elapsed // 60,
        (target - elapsed) // 60,
        done,
        due,
        elapsed > target,
        paused and done is None,
    )


# --------------------------------------------------------------------------- the survey


@attrs.frozen
class SurveyDue:
    """S3: when the next customer opinion survey is due.

    Attributes:
        occurrence: the survey's occurrence (its day, the first day a survey counts for it,
            its due date).
        overdue: its due date has passed on ``on``.
        last: the day of the last survey, if given.
        on: the day asked about.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    occurrence: Occurrence
    overdue: bool
    last: dt.date | None
    on: dt.date
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One S3 reason: the survey's rule, its next occurrence and due date."""
        code = ServiceReason.S3_SURVEY_OVERDUE if self.overdue else ServiceReason.S3_SURVEY
        return (
            Reason.of("S3", code, day=self.occurrence.day, due=self.occurrence.due, last=self.last),
        )


def survey_due(
    policy: ServicePolicy,
    *,
    on: dt.date,
    last: dt.date | None = None,
    calendar: Calendar = CALENDAR_DAYS,
) -> SurveyDue:
    """S3: the customer opinion survey held regularly (定期举办客户意见调查), by
    :attr:`ComplaintPolicy.survey` (a :class:`~customer_rules.recurrence.Recurrence`).

    Args:
        policy: the service policy.
        on: the day asked about.
        last: the day of the last survey; without it, the first occurrence still open on
            ``on``.
        calendar: the calendar the survey's deadline counts with.

    Returns:
        The :class:`SurveyDue`.

    Raises:
        InputError: naming ``policy``, ``on``, ``last`` (after ``on``) or ``calendar``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.service import ServicePolicy
        >>> s = survey_due(ServicePolicy(), on=dt.date(2026, 8, 1), last=dt.date(2026, 6, 20))
        >>> s.occurrence.day, s.overdue
        (datetime.date(2026, 12, 31), False)
    """
    service = service_policy(policy)
    day = day_in_force(service, on)
    calendar = calendar_arg(calendar)
    done = None if last is None else require_date(last, "last")
    occurrence = service.complaints.survey.next(day, last=done, calendar=calendar)
    return SurveyDue(
        occurrence,
        occurrence.overdue(day),
        done,
        day,
        service.version,
        policy_effective=service.effective,
    )
