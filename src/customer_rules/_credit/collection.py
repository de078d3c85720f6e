"""C5 — the collection ladder (催收): the next action on a receivable, its due date and who acts.

Source: seed 003 §6.2.4-7(1) (事前防范 / 事中管理 / 事后处理) and §6.2.3 (who collects, C4).

The seed's three phases of credit management:

* **事前** (before the formal transaction — signing or shipment): choosing the customer, credit
  investigation, the credit terms (C1, C2);
* **事中** (from shipment to the due date): tracking by phone (电话沟通) → letter (信函提示) →
  on-site visit (实地走访), and early collection on signs of arrears (早期催收) — the office's
  collection within the normal collection period (C4);
* **事后** (once arrears occur): 企划部 analyses the debt, chooses the recovery method and pursues
  it (债务分析、确定追讨方式、实施追讨).

The ladder is a table on the shared workflow mechanism (:func:`collection_ladder`, a
:class:`~customer_rules.workflow.WorkflowTable` whose reasons cite C5): 未催收 ``open`` →
``phone`` → ``letter`` → ``visit`` → ``hand_over`` (to 企划部) → ``consider_legal``. A host
records each step it takes with :func:`customer_rules.workflow.apply` — a step out of order is
refused there — and asks :func:`collection_action` for the next one with the case. So the next
action always follows the last step actually taken: a receivable never jumps from a phone call
to legal action, and never steps back as it ages.

The day of each step is counted from the due date [default offsets]: phone at due − 10, letter
at due − 5, visit at due − 1, the hand-over to 企划部 from due + 1 plus the grace period (C4,
default 0), a prompt to consider legal action at due + 90. An action not taken keeps its own day
— it is overdue, not moved to the day asked about — and no day is ever before what it counts
from: the shipment, the last step taken, the end of a payment promise.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._bounded import keep
from customer_rules._checks import calendar_arg
from customer_rules._credit.aging import _owner, receivable_arg
from customer_rules._credit.codes import CreditReason
from customer_rules._credit.model import Receivable, credit_policy, policy_and_day
from customer_rules._validation import non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar, Deadline, DeadlineMode
from customer_rules.dates import EARLIEST, LATEST, require_date
from customer_rules.errors import InputError
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.roles import Role
from customer_rules.settings import Mark, Unit, descending, policy, setting
from customer_rules.workflow import Case, Event, State, Transition, WorkflowTable

if TYPE_CHECKING:
    from customer_rules._credit.aging import AgingPolicy
    from customer_rules._credit.policy import CreditPolicy

__all__ = [
    "LADDER",
    "CollectionAction",
    "CollectionPhase",
    "CollectionPolicy",
    "CollectionStep",
    "PaymentPromise",
    "RecoveryMethod",
    "collection_action",
    "collection_ladder",
]

_C5 = "C5; 003 §6.2.4-7(1)"
_C5_OFFICE = "C5; 003 §6.2.3, §6.2.4-2(1)"

LADDER = "C5.ladder"
"""The name of the collection ladder's workflow table (stored in its cases and records)."""
_OPEN = "open"


class CollectionPhase(LabelledEnum):
    """C5: the seed's three phases of credit management (信用管理)."""

    BEFORE = "before"
    """事前防范 — before the formal transaction (signing or shipment)."""
    DURING = "during"
    """事中管理 — from shipment to the due date."""
    AFTER = "after"
    """事后处理 — once arrears occur (after the due date)."""


class CollectionStep(LabelledEnum):
    """C5: the steps of the collection ladder, in order; each is an event of
    :func:`collection_ladder` (its value is the event's and the state's name)."""

    PHONE = "phone"
    """电话沟通 — the office's call (事中)."""
    LETTER = "letter"
    """信函提示 — the office's reminder letter (事中)."""
    VISIT = "visit"
    """实地走访 — the office's on-site visit (事中)."""
    HAND_OVER = "hand_over"
    """移交企划部追讨 — the arrears pass to the planning department (事后)."""
    CONSIDER_LEGAL = "consider_legal"
    """考虑法律诉讼 — the prompt to consider legal action (事后)."""

    @property
    def phase(self) -> CollectionPhase:
        """The phase the step belongs to: 事中 for the office's three, 事后 for the rest."""
        return _PHASE[self]


class RecoveryMethod(LabelledEnum):
    """C5: how 企划部 pursues arrears (确定追讨方式) — an input of the host; legal action is one."""

    NEGOTIATION = "negotiation"
    """协商追讨 — a repayment agreed with the customer."""
    SECURITY = "security"
    """履约保障索偿 — a claim on the guarantee, insurance or factoring (担保、保险、保理)."""
    AGENCY = "agency"
    """委托追收 — a collection agency."""
    LEGAL = "legal"
    """法律诉讼 — a lawsuit or arbitration."""
    OTHER = "other"
    """其他方式."""


set_labels(
    {
        CollectionPhase.BEFORE: ("事前防范", "before the transaction"),
        CollectionPhase.DURING: ("事中管理", "from shipment to the due date"),
        CollectionPhase.AFTER: ("事后处理", "after default"),
        CollectionStep.PHONE: ("电话沟通", "phone call"),
        CollectionStep.LETTER: ("信函提示", "reminder letter"),
        CollectionStep.VISIT: ("实地走访", "on-site visit"),
        CollectionStep.HAND_OVER: ("移交企划部追讨", "hand-over to the planning department"),
        CollectionStep.CONSIDER_LEGAL: ("考虑法律诉讼", "consider legal action"),
        RecoveryMethod.NEGOTIATION: ("协商追讨", "negotiation"),
        RecoveryMethod.SECURITY: ("履约保障索偿", "claim on a guarantee, insurance or factoring"),
        RecoveryMethod.AGENCY: ("委托追收", "collection agency"),
        RecoveryMethod.LEGAL: ("法律诉讼", "legal action"),
        RecoveryMethod.OTHER: ("其他方式", "other means"),
    }
)

_STEPS = tuple(CollectionStep)
_PHASE = {
    CollectionStep.PHONE: CollectionPhase.DURING,
    CollectionStep.LETTER: CollectionPhase.DURING,
    CollectionStep.VISIT: CollectionPhase.DURING,
    CollectionStep.HAND_OVER: CollectionPhase.AFTER,
    CollectionStep.CONSIDER_LEGAL: CollectionPhase.AFTER,
}
_NEXT: dict[str, CollectionStep | None] = {
    _OPEN: _STEPS[0],
    **{
        step.value: (_STEPS[i + 1] if i + 1 < len(_STEPS) else None)
        for i, step in enumerate(_STEPS)
    },
}
"""The next step after each state of the ladder (a state is named by the last step taken)."""
_STATE_LABELS = {
    _OPEN: ("未催收", "not yet pursued"),
    CollectionStep.PHONE: ("已电话沟通", "phoned"),
    CollectionStep.LETTER: ("已信函提示", "reminder letter sent"),
    CollectionStep.VISIT: ("已实地走访", "visited"),
    CollectionStep.HAND_OVER: ("已移交企划部", "handed over to the planning department"),
    CollectionStep.CONSIDER_LEGAL: ("已提示考虑法律诉讼", "legal action considered"),
}


# --------------------------------------------------------------------------- the policy


@policy(checks=[descending("phone_days_before", "letter_days_before", "visit_days_before")])
class CollectionPolicy:
    """C5: the day of each step of the collection ladder, and the tolerance on residuals.

    Source: seed 003 §6.2.4-7(1) (the steps and their order); the days are the library's.

    Attributes:
        phone_days_before: the office's phone call (电话沟通), days before the due date
            [default 10].
        letter_days_before: the reminder letter (信函提示) [default 5].
        visit_days_before: the on-site visit (实地走访) [default 1]. The three are strictly
            descending: phone, then letter, then visit, all in 事中 — the seed puts the office's
            tracking between shipment and the due date.
        legal_prompt_days: the prompt to consider legal action, days after the due date
            [default 90]. The hand-over to 企划部 has no setting of its own: it falls on the
            first day past the normal collection period, due + 1 + ``aging.grace_days`` (C4).
        tolerance: an open amount below this (低于: strictly below) is a residual, ignored: no
            action [default 1 yuan].
        mode: how the days are counted: calendar days [default], working days of the calendar
            given, or calendar days rolled to a working day (before the due date to the working
            day before — the step stays ahead of the due date —, after it to the one after).
        office_staff: who besides the office's role (``aging.office_role``) may record the
            office's steps: its salespeople (各办事处业务员) [seed].

    Raises:
        PolicyError: listing every invalid field with its path.

    Example:
        >>> CollectionPolicy().phone_days_before
        10
        >>> CollectionPolicy(letter_days_before=12)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        customer_rules.errors.PolicyError: ...letter_days_before: expected less than ...
    """

    phone_days_before: int = setting(
        default=10, unit=Unit.DAYS, source=_C5, mark=Mark.DEFAULT, high=366
    )
    letter_days_before: int = setting(
        default=5, unit=Unit.DAYS, source=_C5, mark=Mark.DEFAULT, high=366
    )
    visit_days_before: int = setting(
        default=1, unit=Unit.DAYS, source=_C5, mark=Mark.DEFAULT, high=366
    )
    legal_prompt_days: int = setting(
        default=90, unit=Unit.DAYS, source=_C5, mark=Mark.DEFAULT, low=1, high=366
    )
    tolerance: Decimal = setting(default=Decimal(1), unit=Unit.YUAN, source=_C5, mark=Mark.DEFAULT)
    mode: DeadlineMode = setting(
        default=DeadlineMode.CALENDAR_DAYS, unit=Unit.CHOICE, source=_C5, mark=Mark.DEFAULT
    )
    office_staff: frozenset[Role] = setting(
        default=frozenset({Role.SALESPERSON}), unit=Unit.ROLES, source=_C5_OFFICE
    )


# --------------------------------------------------------------------------- the ladder table


_TABLES: dict[tuple[Role, frozenset[Role], Role], WorkflowTable] = {}


def collection_ladder(policy: CreditPolicy) -> WorkflowTable:
    """C5: the collection ladder as a workflow table, for recording the steps taken.

    未催收 ``open`` → ``phone`` → ``letter`` → ``visit`` (by the office:
    ``aging.office_role`` or ``collection.office_staff``) → ``hand_over`` (by the office or
    企划部) → ``consider_legal`` (by 企划部, ``aging.recovery_role``). A state is named by the
    last step taken. No step needs an approval beyond its role; a step out of order is refused
    by :func:`~customer_rules.workflow.apply` (``no_transition``).

    Args:
        policy: the credit policy (``CreditPolicy()`` is the seed).

    Returns:
        The table (named :data:`LADDER`, reasons citing C5); the same object for the same roles.

    Raises:
        InputError: naming ``policy`` unless it is a ``CreditPolicy``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> from customer_rules.roles import Approval, Role
        >>> from customer_rules.workflow import apply, start
        >>> ladder = collection_ladder(CreditPolicy())
        >>> case = start(ladder, subject="INV-7")
        >>> day = dt.date(2026, 11, 20)
        >>> by = Approval("陈小明", Role.SALESPERSON, "C5", day)
        >>> apply(ladder, case, "phone", by=by, on=day).after.state
        'phone'
        >>> apply(ladder, case, "consider_legal", by=by, on=day).outcome.value
        'no_transition'
    """

    credit = credit_policy(policy)
    return _ladder(credit.aging, credit.collection)


def _ladder(aging: AgingPolicy, collection: CollectionPolicy) -> WorkflowTable:
    key = (aging.office_role, collection.office_staff, aging.recovery_role)
    table = _TABLES.get(key)
    if table is None:
        table = keep(_TABLES, key, _build_ladder(*key), 64)
    return table


def _build_ladder(office: Role, staff: frozenset[Role], recovery: Role) -> WorkflowTable:
    states = [State(_OPEN, *_STATE_LABELS[_OPEN])]
    events = []
    moves = []
    before = _OPEN
    for step in _STEPS:
        states.append(State(step.value, *_STATE_LABELS[step]))
        events.append(Event(step.value, step.zh, step.en))
        if step.phase is CollectionPhase.DURING:
            roles = frozenset({office, *staff})
        elif step is CollectionStep.HAND_OVER:
            roles = frozenset({office, recovery})
        else:
            roles = frozenset({recovery})
        moves.append(Transition(before, step.value, step.value, roles=roles))
        before = step.value
    return WorkflowTable(
        name=LADDER,
        rule="C5",
        initial=_OPEN,
        states=tuple(states),
        events=tuple(events),
        transitions=tuple(moves),
    )


# --------------------------------------------------------------------------- facts


def _day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    require_date(value, attribute.name)


@attrs.frozen
class PaymentPromise:
    """C5: a customer's promise to pay a receivable by a day (承诺付款) — an immutable record.

    While it runs the ladder is paused: the next action falls due the day after ``until``.

    Attributes:
        receivable: the id of the receivable promised.
        who: who promised (the customer's person).
        on: the day the promise was made (and recorded).
        until: the day by which the customer promised to pay; on or after ``on``.

    Raises:
        InputError: naming the field, for a blank text, a value that is not a date in range, or
            ``until`` before ``on``.
    """

    receivable: str = attrs.field(validator=non_empty_text)
    who: str = attrs.field(validator=non_empty_text)
    on: dt.date = attrs.field(validator=_day)
    until: dt.date = attrs.field(validator=_day)

    def __attrs_post_init__(self) -> None:
        if self.until < self.on:
            raise InputError("until", self.until, f"a date on or after on ({self.on})")

    @property
    def resume(self) -> dt.date:
        """The day the ladder resumes if the promise is not kept: the day after ``until``."""
        return self.until + _ONE_DAY


_ONE_DAY = dt.timedelta(days=1)


# --------------------------------------------------------------------------- the result


@attrs.frozen
class CollectionAction:
    """C5: where a receivable stands on the collection ladder, and its next action.

    Attributes:
        receivable: the receivable.
        on: the day asked about.
        phase: the receivable's phase on ``on``: 事前 before its shipment (``issued``), 事中 to
            its due date, 事后 once past it.
        days_past_due: ``on − due`` in calendar days (negative before the due date).
        settled: the open amount is below the tolerance: nothing to collect.
        last_step: the last step actually taken (the case's state), ``None`` for none.
        last_on: the day it was taken.
        next_action: the next step, ``None`` when settled or when every step is taken.
        offset: the next step's day relative to the due date in the policy's days (−10 for the
            phone call, 1 + grace for the hand-over), ``None`` without a next step.
        next_scheduled: the day the policy sets for it, counted from the due date.
        next_due: the day it falls due: ``next_scheduled``, brought forward on signs of
            arrears (``early_signs``), and never before the shipment, the last step taken or
            the end of a payment promise. It does not depend on ``on``: an action not taken
            keeps its day and is overdue.
        next_role: who must act next (C11): the office for its three steps, 企划部 from the
            hand-over on, the owner of the collection (C4) when every step is taken, ``None``
            when settled.
        promise: the payment promise recorded, if any.
        method: the recovery method chosen by 企划部, if any (legal action is one).
        early_signs: the day signs of arrears were seen, if any.
        policy: the collection policy used (not written by ``interchange.to_data``).
        policy_version: the version of the policy book that decided.
    """

    receivable: Receivable
    on: dt.date
    phase: CollectionPhase
    days_past_due: int
    settled: bool
    last_step: CollectionStep | None
    last_on: dt.date | None
    next_action: CollectionStep | None
    offset: int | None
    next_scheduled: dt.date | None
    next_due: dt.date | None
    next_role: Role | None
    promise: PaymentPromise | None
    method: RecoveryMethod | None
    early_signs: dt.date | None
    policy: CollectionPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def overdue(self) -> bool:
        """Whether the next action's day is before ``on``."""
        return self.next_due is not None and self.next_due < self.on

    @property
    def paused(self) -> bool:
        """Whether a payment promise pauses the ladder on ``on`` (to its ``until``)."""
        return self.promise is not None and self.on <= self.promise.until

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C5 reasons: the phase; then the residual ignored, or the last step, the next one
        with its due date and role, why its day moved, the promise and the recovery method."""
        return _reasons(self)


def _reasons(a: CollectionAction) -> tuple[Reason, ...]:
    r = a.receivable
    out = [_phase_reason(a)]
    if a.settled:
        out.append(
            Reason.of(
                "C5", CreditReason.C5_SETTLED, open=r.open_amount, tolerance=a.policy.tolerance
            )
        )
        return tuple(out)
    if a.last_step is None:
        out.append(Reason.of("C5", CreditReason.C5_NONE_YET))
    else:
        out.append(Reason.of("C5", CreditReason.C5_LAST, step=a.last_step, on=a.last_on))
    step = a.next_action
    if step is None or a.next_due is None or a.offset is None or a.next_scheduled is None:
        out.append(Reason.of("C5", CreditReason.C5_COMPLETE, role=a.next_role))
        out.append(_method_reason(a))
        return tuple(out)
    if a.overdue:
        late = (a.on - a.next_due).days
        out.append(
            Reason.of(
                "C5",
                CreditReason.C5_NEXT_OVERDUE,
                step=step,
                role=a.next_role,
                due=a.next_due,
                late=late,
            )
        )
    else:
        out.append(
            Reason.of("C5", CreditReason.C5_NEXT, step=step, role=a.next_role, due=a.next_due)
        )
    code = CreditReason.C5_BEFORE_DUE if a.offset <= 0 else CreditReason.C5_AFTER_DUE
    mode = a.policy.mode
    out.append(
        Reason.of("C5", code, step=step, days=abs(a.offset), mode=mode, day=a.next_scheduled)
    )
    out.extend(_moved(a))
    if step.phase is CollectionPhase.AFTER:
        out.append(_method_reason(a))
    if step is CollectionStep.CONSIDER_LEGAL:
        if a.method is RecoveryMethod.LEGAL:
            out.append(Reason.of("C5", CreditReason.C5_LEGAL_CHOSEN))
        else:
            out.append(Reason.of("C5", CreditReason.C5_LEGAL, days=a.offset))
    return tuple(out)


def _phase_reason(a: CollectionAction) -> Reason:
    r = a.receivable
    if a.phase is CollectionPhase.BEFORE:
        return Reason.of("C5", CreditReason.C5_PHASE_BEFORE, on=a.on, issued=r.issued)
    if a.phase is CollectionPhase.DURING:
        return Reason.of("C5", CreditReason.C5_PHASE_DURING, due=r.due)
    return Reason.of("C5", CreditReason.C5_PHASE_AFTER, due=r.due, days=a.days_past_due)


def _method_reason(a: CollectionAction) -> Reason:
    if a.method is None:
        return Reason.of("C5", CreditReason.C5_METHOD_OPEN, role=a.next_role)
    return Reason.of("C5", CreditReason.C5_METHOD, method=a.method)


def _moved(a: CollectionAction) -> list[Reason]:
    """Why the next action's day differs from the policy's — early collection, then the floors
    it may not precede (the shipment, the last step taken) — and the promise, if any."""
    out: list[Reason] = []
    step, due, base = a.next_action, a.next_due, a.next_scheduled
    if step is None or due is None or base is None:  # pragma: no cover - the caller checked
        return out
    if a.early_signs is not None and step.phase is CollectionPhase.DURING and a.early_signs < base:
        base = a.early_signs
        out.append(Reason.of("C5", CreditReason.C5_EARLY, seen=a.early_signs, due=due))
    p = a.promise
    floors = [d for d in (a.receivable.issued, a.last_on, p.resume if p else None) if d]
    top = max(floors, default=base)
    issued = a.receivable.issued
    if issued is not None and issued > base and issued == top:
        out.append(Reason.of("C5", CreditReason.C5_AFTER_ISSUE, issued=issued, due=due))
    if a.last_on is not None and a.last_on > base and a.last_on == top:
        out.append(Reason.of("C5", CreditReason.C5_AFTER_LAST, last=a.last_on, due=due))
    if p is not None:
        code = CreditReason.C5_PAUSED if a.on <= p.until else CreditReason.C5_LAPSED
        out.append(Reason.of("C5", code, who=p.who, made=p.on, until=p.until, resume=p.resume))
    return out


# --------------------------------------------------------------------------- the rule


def collection_action(
    receivable: Receivable,
    policy: CreditPolicy,
    *,
    on: dt.date,
    case: Case | None = None,
    promise: PaymentPromise | None = None,
    method: RecoveryMethod | None = None,
    early_signs: dt.date | None = None,
    calendar: Calendar = CALENDAR_DAYS,
) -> CollectionAction:
    """C5: the next collection action on ``receivable``, its due date, phase and role.

    The next action is the step after the last one taken (``case``, a case of
    :func:`collection_ladder`; none taken without it). Its day is the policy's, counted from the
    due date in ``policy.collection.mode`` with ``calendar``; signs of arrears bring an office
    step forward to the day they were seen (早期催收); it is never before the shipment
    (``issued``), the last step taken or the end of a payment promise (the day after
    ``promise.until``), which also pauses the ladder while it runs. An open amount below
    ``policy.collection.tolerance`` is a residual: settled, no action.

    Args:
        receivable: the receivable (in CNY).
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day asked about.
        case: the receivable's case of the ladder (its state is the last step taken, its
            ``last_on`` the day); ``None`` for no step taken.
        promise: the customer's payment promise on this receivable, made on or before ``on``.
        method: the recovery method 企划部 chose (an input: legal action is one option).
        early_signs: the day the office saw signs of arrears (拖欠征兆), on or before ``on``.
        calendar: the calendar of working-day modes (``CALENDAR_DAYS`` by default).

    Returns:
        The :class:`CollectionAction` with its C5 reasons.

    Raises:
        InputError: naming the argument — ``receivable`` (not a Receivable, or
            ``receivable.currency`` not CNY), ``policy``, ``on``, ``case`` (not a case of the
            ladder, another receivable's, or a ``case.last_on`` after ``on``), ``promise`` (for
            another receivable, or made after ``on``), ``method``, ``early_signs`` (after
            ``on``), ``calendar``; ``receivable.due`` when a step's day would fall outside
            1900-01-01 to 2999-12-31.
        CalendarCoverageError: when a working-day count leaves the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy, Receivable
        >>> r = Receivable("INV-9", "C003", "5万", dt.date(2026, 12, 31),
        ...                issued=dt.date(2026, 10, 31))
        >>> a = collection_action(r, CreditPolicy(), on=dt.date(2026, 12, 1))
        >>> a.phase.value, a.next_action.value, a.next_due, a.next_role.value
        ('during', 'phone', datetime.date(2026, 12, 21), 'office_director')
    """
    item = receivable_arg(receivable)
    credit, day = policy_and_day(policy, on)
    calendar_arg(calendar)
    aging, p = credit.aging, credit.collection
    last, last_on = _last_step(case, item, day)
    if promise is not None:
        _check_promise(promise, item, day)
    if method is not None and type(method) is not RecoveryMethod:
        raise InputError("method", method, "a RecoveryMethod or None")
    if early_signs is not None:
        early_signs = require_date(early_signs, "early_signs")
        if early_signs > day:
            raise InputError("early_signs", early_signs, f"a day on or before on ({day})")
    days = (day - item.due).days
    if item.issued is not None and day < item.issued:
        phase = CollectionPhase.BEFORE
    elif days <= 0:
        phase = CollectionPhase.DURING
    else:
        phase = CollectionPhase.AFTER
    settled = item.open_amount < p.tolerance
    step = None if settled else _NEXT[_OPEN if last is None else last.value]
    offset = scheduled = due = role = None
    if step is not None:
        offset = _offset(step, aging, p)
        scheduled = _scheduled(item.due, offset, p.mode, calendar)
        due = _due(step, scheduled, item, last_on, promise, early_signs, p.mode, calendar)
        role = aging.office_role if step.phase is CollectionPhase.DURING else aging.recovery_role
    elif not settled:
        role = _owner(aging, days)
    return CollectionAction(
        item,
        day,
        phase,
        days,
        settled,
        last,
        last_on,
        step,
        offset,
        scheduled,
        due,
        role,
        promise,
        method,
        early_signs,
        p,
        credit.version,
        policy_effective=credit.effective,
    )


def _last_step(
    case: object, item: Receivable, day: dt.date
) -> tuple[CollectionStep | None, dt.date | None]:
    """The last step taken and its day, from a case of the ladder."""
    if case is None:
        return None, None
    if not isinstance(case, Case):
        raise InputError("case", case, "a Case of the collection ladder, or None")
    if case.workflow != LADDER:
        raise InputError("case.workflow", case.workflow, f"{LADDER!r}, the collection ladder")
    if case.state not in _NEXT:
        raise InputError("case.state", case.state, f"one of the states {list(_NEXT)}")
    if case.subject is not None and case.subject != item.id:
        raise InputError("case.subject", case.subject, f"the receivable's id {item.id!r}")
    if case.last_on is not None and case.last_on > day:
        raise InputError("case.last_on", case.last_on, f"a day on or before on ({day})")
    last = None if case.state == _OPEN else CollectionStep(case.state)
    return last, case.last_on


def _check_promise(promise: object, item: Receivable, day: dt.date) -> None:
    if not isinstance(promise, PaymentPromise):
        raise InputError("promise", promise, "a PaymentPromise or None")
    if promise.receivable != item.id:
        raise InputError(
            "promise.receivable", promise.receivable, f"the receivable's id {item.id!r}"
        )
    if promise.on > day:
        raise InputError("promise.on", promise.on, f"a day on or before on ({day})")


def _offset(step: CollectionStep, aging: AgingPolicy, p: CollectionPolicy) -> int:
    """The step's day relative to the due date, in the policy's days."""
    if step is CollectionStep.PHONE:
        return -p.phone_days_before
    if step is CollectionStep.LETTER:
        return -p.letter_days_before
    if step is CollectionStep.VISIT:
        return -p.visit_days_before
    if step is CollectionStep.HAND_OVER:
        return 1 + aging.grace_days
    return max(p.legal_prompt_days, 1 + aging.grace_days)


_DEADLINES: dict[tuple[int, DeadlineMode], Deadline] = {}


def _scheduled(due: dt.date, offset: int, mode: DeadlineMode, calendar: Calendar) -> dt.date:
    """The day ``offset`` days from the due date: after it (the recovery steps) forward through a
    :class:`~customer_rules.calendars.Deadline`; on or before it (the office's steps, 事中)
    backward the same way in reverse, so a step never rolls past the due date."""
    if offset > 0:
        deadline = _DEADLINES.get((offset, mode))
        if deadline is None:
            deadline = keep(_DEADLINES, (offset, mode), Deadline(offset, mode), 1024)
        if due + dt.timedelta(days=offset) > LATEST:
            raise InputError("receivable.due", due, _FITS)
        day = deadline.due(due, calendar)
    else:
        day = _back(due, -offset, mode, calendar)
    if not EARLIEST <= day <= LATEST:
        raise InputError("receivable.due", due, _FITS)
    return day


_FITS = "a due date whose collection steps fall from 1900-01-01 to 2999-12-31"
_MAX_SCAN = 3 * 366


def _back(due: dt.date, days: int, mode: DeadlineMode, calendar: Calendar) -> dt.date:
    """``days`` before ``due``: calendar days; or working days; or calendar days rolled back
    to the working day before (so that the step stays ahead of the due date)."""
    if mode is DeadlineMode.WORKING_DAYS:
        day, remaining = due, days
        while remaining:
            day = _earlier(day, due, calendar)
            if calendar.is_working_day(day):
                remaining -= 1
        return day
    if due - EARLIEST < dt.timedelta(days=days):
        raise InputError("receivable.due", due, _FITS)
    day = due - dt.timedelta(days=days)
    if mode is DeadlineMode.CALENDAR_THEN_ROLL:
        while not calendar.is_working_day(day):
            day = _earlier(day, due, calendar)
    return day


def _earlier(day: dt.date, due: dt.date, calendar: Calendar) -> dt.date:
    """The day before ``day``, within the supported dates and a bounded scan back from ``due``."""
    if day <= EARLIEST:
        raise InputError("receivable.due", due, _FITS)
    if due - day > dt.timedelta(days=_MAX_SCAN):
        raise InputError("calendar", calendar, f"a calendar with working days before {due}")
    return day - _ONE_DAY


def _due(
    step: CollectionStep,
    scheduled: dt.date,
    item: Receivable,
    last_on: dt.date | None,
    promise: PaymentPromise | None,
    early_signs: dt.date | None,
    mode: DeadlineMode,
    calendar: Calendar,
) -> dt.date:
    """The day the next step falls due: the policy's day, earlier on signs of arrears, never
    before what it counts from."""
    day = scheduled
    if early_signs is not None and step.phase is CollectionPhase.DURING and early_signs < day:
        day = early_signs
    floor = day
    if item.issued is not None and item.issued > floor:
        floor = item.issued
    if last_on is not None and last_on > floor:
        floor = last_on
    if promise is not None:
        if promise.until >= LATEST:
            raise InputError("promise.until", promise.until, f"a day before {LATEST}")
        resume = promise.resume
        if resume > floor:
            floor = resume
    if floor > day and mode is not DeadlineMode.CALENDAR_DAYS:
        limit = floor + dt.timedelta(days=_MAX_SCAN)
        while not calendar.is_working_day(floor):
            floor += _ONE_DAY
            if floor > limit or floor > LATEST:
                raise InputError("calendar", calendar, f"a calendar with working days after {day}")
    return floor
