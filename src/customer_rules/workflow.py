"""Workflows: a transition table as policy data, ``apply`` one step, ``replay`` the record.

Every chapter that moves something through steps — the yearly grade review (G6), credit reviews
and screening, lead re-requests and claims, the archive lifecycle and its loans, complaints,
development applications — uses this one mechanism:

* a :class:`WorkflowTable` is policy data: its :class:`State` and :class:`Event` records (each a
  name with a Chinese and an English label) and its :class:`Transition` rows (from a state, on an
  event, to a state; the roles allowed; the ``Approval.what`` an approval must grant, if any;
  whether the person must differ from the one who took the step before). A company changes its
  table in the policy book like any other setting, and the table's ``rule`` names the catalogue
  ID its reasons cite (a credit table's refusals cite C7, the grade review's G6);
* a :class:`Case` is the frozen state of one thing going through a table (one customer's
  review, one loan): its state, the subject it is about, how many steps it has taken, and who
  took the last one and when;
* :func:`apply` takes one step: it returns a :class:`Step` — the new case and an
  :class:`EventRecord` for the host to store (who, in which role, what event, when, the state
  before and after), or a refusal with reasons (no such transition from this state, a day
  before the last step's, no sign-off, the wrong role, an approval for something else or bound
  to another subject, one not in force on the day, the same person twice). Nothing is ever
  applied silently: an out-of-order or wrong-role step is a refusal, never a new state;
* :func:`replay` rebuilds a case from its stored records, refusing a record that does not apply.

The sign-off a step needs is an :class:`~customer_rules.roles.Approval` checked by
:func:`~customer_rules.roles.approval_status` — the same diagnosis every rule uses.

Holds, several open loans, and other chapters. A later chapter needs no second mechanism:

* several things open at once (an archive lent out in several sub-loans) are several cases,
  one per thing, each with its own ``subject`` (``"R-0042/loan-2"``) and its own records, each
  replayed on its own; the archive's lifecycle is one more case of another table;
* a hold (a legal hold on an archive, a credit block) is a case of a table of its own
  (``placed`` → ``lifted``); a rule that must refuse a step while a hold is open asks for the
  hold cases of the same subject — a guard the chapter's rule checks before it calls
  :func:`apply`, or a keyword argument a later version of :func:`apply` adds (with its own
  refusal code) — so the tables, cases and records stay as they are;
* a step that needs more than a role and an approval (an amount within a limit, a stated
  purpose) adds keyword arguments to :func:`apply` that it passes on to
  :func:`~customer_rules.roles.approval_status`, and fields to :class:`EventRecord` so that
  :func:`replay` checks them again.

Example:
    >>> import datetime as dt
    >>> from customer_rules.reasons import explain
    >>> from customer_rules.roles import Approval, Role
    >>> table = WorkflowTable(
    ...     name="demo", rule="G6", initial="draft",
    ...     states=[State("draft", "草稿", "draft"), State("signed", "已签批", "signed")],
    ...     events=[Event("sign", "签批", "sign")],
    ...     transitions=[Transition("draft", "sign", "signed", roles=[Role.VP_IN_CHARGE],
    ...                             approval="demo.sign")],
    ... )
    >>> case = start(table, subject="C042")
    >>> vp = Approval("李副总", Role.VP_IN_CHARGE, "demo.sign", dt.date(2026, 12, 31))
    >>> step = apply(table, case, "sign", by=vp, on=dt.date(2026, 12, 31))
    >>> step.applied, step.after.state, step.record.before, step.record.after
    (True, 'signed', 'draft', 'signed')
    >>> explain(step, "en")
    "[G6] 李副总 (vp in charge) took 'sign' on 2026-12-31: draft → signed"
    >>> replay(table, case, [step.record]) == step.after
    True
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import EARLIEST as _EARLIEST
from customer_rules.dates import LATEST as _LATEST
from customer_rules.dates import require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import Label, LabelledEnum, set_labels
from customer_rules.reasons import MessageCode, Reason, register_codes, render_reason
from customer_rules.roles import Approval, ApprovalStatus, Role, approval_status, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting

__all__ = [
    "Case",
    "Event",
    "EventRecord",
    "State",
    "Step",
    "StepOutcome",
    "Transition",
    "WorkflowReason",
    "WorkflowTable",
    "apply",
    "replay",
    "start",
]

_SOURCE = "design: workflows"


# --------------------------------------------------------------------------- the table


@policy(generic=True)
class _Named:
    """A name (what cases and records store) with its Chinese and English labels."""

    name: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_SOURCE, mark=Mark.DEFAULT)
    zh: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_SOURCE)
    en: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_SOURCE, mark=Mark.DEFAULT)

    @property
    def label(self) -> Label:
        """Both labels, as reasons render them."""
        return Label(self.zh, self.en)


@policy(generic=True)
class State(_Named):
    """A state of a workflow: a name (what cases and records store) with its labels.

    Attributes:
        name: the state's name, e.g. ``"proposed"``; unique in its table.
        zh: its Chinese label, e.g. ``"待审批"``.
        en: its English label.

    Raises:
        PolicyError: for a blank name or label.
    """


@policy(generic=True)
class Event(_Named):
    """An event of a workflow — a step someone takes: a name with its labels.

    Attributes:
        name: the event's name, e.g. ``"approve"``; unique in its table.
        zh: its Chinese label, e.g. ``"审批通过"``.
        en: its English label.

    Raises:
        PolicyError: for a blank name or label.
    """


@policy(generic=True)
class Transition:
    """One row of a transition table: from ``source``, on ``event``, to ``target``.

    Attributes:
        source: the state the step starts from.
        event: the event that takes it.
        target: the state it leads to.
        roles: the roles that may take the step, at least one; the step's sign-off
            (``by=``) must be in one of them.
        approval: the ``Approval.what`` the sign-off must grant (``"G6.regrade"``); ``None``:
            only the role is checked (and that the sign-off holds on the day).
        distinct: the person must differ from the one who took the step before (a two-person
            rule: the approver is not the requester).

    Raises:
        PolicyError: listing every invalid field.
    """

    source: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_SOURCE)
    event: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_SOURCE)
    target: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_SOURCE)
    roles: frozenset[Role] = setting(
        default=attrs.NOTHING, unit=Unit.ROLES, source=_SOURCE, min_items=1
    )
    approval: str | None = setting(default=None, unit=Unit.TEXT, source=_SOURCE, mark=Mark.DEFAULT)
    distinct: bool = setting(default=False, unit=Unit.FLAG, source=_SOURCE, mark=Mark.DEFAULT)


@attrs.frozen
class _Index:
    states: dict[str, State]
    events: dict[str, Event]
    moves: dict[tuple[str, str], Transition]


@policy(generic=True)
class WorkflowTable:
    """A workflow as policy data: its states, events and transitions.

    The steps are the regulation's ([seed] in a dump); the names that identify the table and
    its rows in stored data, the catalogue ID, English labels and approval keys are the
    library's ([default]).

    Attributes:
        name: the table's name, stored in every case and record of it (``"G6.review"``).
        rule: the catalogue ID its reasons cite (``"G6"``, ``"C7"``).
        initial: the state a new case starts in.
        states: the states, at least one, names unique.
        events: the events, at least one, names unique.
        transitions: the rows, at least one: each ``source`` and ``target`` a state, each
            ``event`` an event, and at most one row per (``source``, ``event``).

    Raises:
        PolicyError: listing every problem with its path (``transitions[2].target``).
    """

    name: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_SOURCE, mark=Mark.DEFAULT)
    rule: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_SOURCE, mark=Mark.DEFAULT)
    initial: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_SOURCE)
    states: tuple[State, ...] = setting(
        default=attrs.NOTHING, unit=Unit.TABLES, source=_SOURCE, min_items=1
    )
    events: tuple[Event, ...] = setting(
        default=attrs.NOTHING, unit=Unit.TABLES, source=_SOURCE, min_items=1
    )
    transitions: tuple[Transition, ...] = setting(
        default=attrs.NOTHING, unit=Unit.TABLES, source=_SOURCE, min_items=1
    )

    def _check(self) -> Iterator[Problem]:
        states: set[str] = set()
        for i, state in enumerate(self.states):
            if state.name in states:
                yield Problem.mismatch(f"states[{i}].name", state.name, "a name not used before")
            states.add(state.name)
        events: set[str] = set()
        for i, event in enumerate(self.events):
            if event.name in events:
                yield Problem.mismatch(f"events[{i}].name", event.name, "a name not used before")
            events.add(event.name)
        if self.initial not in states:
            yield Problem.mismatch("initial", self.initial, f"one of the states {sorted(states)}")
        seen: set[tuple[str, str]] = set()
        for i, move in enumerate(self.transitions):
            for part in ("source", "target"):
                if getattr(move, part) not in states:
                    yield Problem.mismatch(
                        f"transitions[{i}].{part}",
                        getattr(move, part),
                        f"one of the states {sorted(states)}",
                    )
            if move.event not in events:
                yield Problem.mismatch(
                    f"transitions[{i}].event", move.event, f"one of the events {sorted(events)}"
                )
            if (move.source, move.event) in seen:
                yield Problem.mismatch(
                    f"transitions[{i}].event",
                    move.event,
                    f"an event without another row from {move.source!r}",
                )
            seen.add((move.source, move.event))

    @functools.cached_property
    def _index(self) -> _Index:
        return _Index(
            {s.name: s for s in self.states},
            {e.name: e for e in self.events},
            {(t.source, t.event): t for t in self.transitions},
        )

    def state(self, name: str) -> State:
        """The state called ``name``.

        Raises:
            InputError: naming ``state`` for a name that is not a state of the table.
        """
        found = self._index.states.get(name) if isinstance(name, str) else None
        if found is None:
            raise InputError("state", name, f"one of the states {list(self._index.states)}")
        return found

    def event(self, name: str) -> Event:
        """The event called ``name``.

        Raises:
            InputError: naming ``event`` for a name that is not an event of the table.
        """
        found = self._index.events.get(name) if isinstance(name, str) else None
        if found is None:
            raise InputError("event", name, f"one of the events {list(self._index.events)}")
        return found

    def transition(self, source: str, event: str) -> Transition | None:
        """The row from ``source`` on ``event``, or ``None`` when the table has none."""
        return self._index.moves.get((source, event))

    def moves(self, source: str) -> tuple[Transition, ...]:
        """The rows from ``source``, in the table's order (``()`` for a final state)."""
        return tuple(t for t in self.transitions if t.source == source)


# --------------------------------------------------------------------------- cases and records

_IS_DAY = fact_check(dt.date, "a datetime.date from 1900-01-01 to 2999-12-31")


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError(attribute.name, value, "a non-empty string or None")


def _count(low: int) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    """Validator: a whole number (not a bool) of at least ``low``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not int or value < low:
            raise InputError(attribute.name, value, f"a whole number, {low} or more")

    return check


def _day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None and attribute.name == "last_on":
        return
    _IS_DAY(instance, attribute, value)
    if not _EARLIEST <= value <= _LATEST:
        raise InputError(attribute.name, value, "a date from 1900-01-01 to 2999-12-31")


@attrs.frozen
class Case:
    """The state of one thing going through a workflow (one customer's review, one loan).

    Attributes:
        workflow: the name of its :class:`WorkflowTable`.
        state: the name of its current state.
        subject: what it is about — a customer, order or file id; an approval bound to another
            subject does not sign its steps. ``None``: not bound.
        seq: how many steps it has taken (the next record's ``seq`` is one more).
        last_by: who took the last step (``None`` before the first).
        last_on: the day of the last step; a step dated before it is refused.

    Raises:
        InputError: naming the field, for a blank name or state, a blank subject or
            ``last_by``, a negative ``seq``, a date that is not a ``datetime.date`` from
            1900-01-01 to 2999-12-31.
    """

    workflow: str = attrs.field(validator=non_empty_text)
    state: str = attrs.field(validator=non_empty_text)
    subject: str | None = attrs.field(default=None, validator=_optional_text)
    seq: int = attrs.field(default=0, validator=_count(0))
    last_by: str | None = attrs.field(default=None, validator=_optional_text)
    last_on: dt.date | None = attrs.field(default=None, validator=_day)


@attrs.frozen
class EventRecord:
    """What a host stores for one step taken: enough to :func:`replay` it.

    Attributes:
        workflow: the name of the table.
        subject: the case's subject.
        seq: the step's number in its case, from 1.
        event: the event taken.
        before: the state before.
        after: the state after.
        by: the sign-off of the person who took it — who, in which role, what, signed when,
            valid until when.
        on: the day of the step.

    ``who`` and ``role`` read the sign-off's. As plain data (``interchange.to_data``) a
    record is an object of these fields, the sign-off an object of its own; ``from_data``
    reads it back equal.

    Raises:
        InputError: naming the field, for a value of the wrong type.
    """

    workflow: str = attrs.field(validator=non_empty_text)
    subject: str | None = attrs.field(validator=_optional_text)
    seq: int = attrs.field(validator=_count(1))
    event: str = attrs.field(validator=non_empty_text)
    before: str = attrs.field(validator=non_empty_text)
    after: str = attrs.field(validator=non_empty_text)
    by: Approval = attrs.field(validator=fact_check(Approval, "an Approval"))
    on: dt.date = attrs.field(validator=_day)

    @property
    def who(self) -> str:
        """Who took the step."""
        return self.by.who

    @property
    def role(self) -> Role:
        """The role they took it in."""
        return self.by.role


# --------------------------------------------------------------------------- reasons


class WorkflowReason(MessageCode):
    """The reason codes of the workflow mechanism; each reason cites the table's ``rule``."""

    APPLIED = "workflow.applied"
    NO_TRANSITION = "workflow.no_transition"
    FINAL = "workflow.final"
    EARLIER = "workflow.earlier"
    MISSING = "workflow.missing"
    MISSING_APPROVAL = "workflow.missing.approval"
    ROLE = "workflow.role"
    WHAT = "workflow.what"
    SUBJECT = "workflow.subject"
    NOT_YET = "workflow.not_yet"
    EXPIRED = "workflow.expired"
    SAME_PERSON = "workflow.same_person"


_W = WorkflowReason

register_codes(
    WorkflowReason,
    {
        _W.APPLIED: (
            "{who}({role})于 {on} 办理「{event}」:{before} → {after}",
            "{who} ({role}) took '{event}' on {on}: {before} → {after}",
        ),
        _W.NO_TRANSITION: (
            "当前状态为「{state}」,不能办理「{event}」(可办理:{possible})",
            "'{event}' is not a step from '{state}' (possible: {possible})",
        ),
        _W.FINAL: (
            "「{state}」为终止状态,不能再办理「{event}」",
            "'{state}' is a final state: '{event}' is not possible",
        ),
        _W.EARLIER: (
            "「{event}」日期 {on} 早于上一步骤日期 {last},不能倒序办理",
            "'{event}' on {on} is before the previous step on {last}: steps are taken in order",
        ),
        _W.MISSING: (
            "「{event}」须由{roles}办理,未提供签署人",
            "'{event}' is taken by the {roles}; no one signed it",
        ),
        _W.MISSING_APPROVAL: (
            "「{event}」须经{roles}审批(“{what}”),尚未审批",
            "'{event}' needs the approval ('{what}') of the {roles}; none given",
        ),
        _W.ROLE: (
            "{who}({role})无权办理「{event}」(须:{roles})",
            "{who} ({role}) may not take '{event}' (needs: {roles})",
        ),
        _W.WHAT: (
            "所附审批事项为“{what}”,「{event}」须为“{expected}”",
            "the approval given is for '{what}'; '{event}' needs '{expected}'",
        ),
        _W.SUBJECT: (
            "所附审批针对 {bound},不是 {subject}",
            "the approval given is bound to {bound}, not {subject}",
        ),
        _W.NOT_YET: (
            "{who} 的签批日期 {signed} 晚于办理日 {on}",
            "the sign-off by {who} is dated {signed}, after the day of the step {on}",
        ),
        _W.EXPIRED: (
            "{who} 的签批({signed} 签,有效至 {until})在 {on} 已失效",
            "the sign-off by {who} signed {signed}, valid until {until}, has expired on {on}",
        ),
        _W.SAME_PERSON: (
            "{who} 已办理上一步骤,「{event}」须由另一人办理",
            "{who} took the previous step; '{event}' needs another person",
        ),
    },
)


class StepOutcome(LabelledEnum):
    """What :func:`apply` did with a step: applied it, or why not. Hosts store the values."""

    APPLIED = "applied"
    """已办理 — the step is taken."""
    NO_TRANSITION = "no_transition"
    """当前状态不能办理此步骤 — no such step from the current state (an out-of-order step)."""
    EARLIER = "earlier"
    """日期早于上一步骤 — dated before the case's last step."""
    MISSING = "missing"
    """未签批 — no sign-off given."""
    WRONG_ROLE = "wrong_role"
    """签批人无权办理 — signed in a role the step does not allow."""
    WRONG_APPROVAL = "wrong_approval"
    """审批事项不符 — an approval for something else (``Approval.what``)."""
    OTHER_SUBJECT = "other_subject"
    """审批对象不符 — an approval bound to another subject."""
    NOT_IN_FORCE = "not_in_force"
    """签批未生效或已失效 — not yet signed on the day, or expired."""
    SAME_PERSON = "same_person"
    """须由另一人办理 — the person who took the step before, where the step needs another."""


set_labels(
    {
        StepOutcome.APPLIED: ("已办理", "applied"),
        StepOutcome.NO_TRANSITION: ("当前状态不能办理此步骤", "not a step from this state"),
        StepOutcome.EARLIER: ("日期早于上一步骤", "dated before the last step"),
        StepOutcome.MISSING: ("未签批", "not signed"),
        StepOutcome.WRONG_ROLE: ("签批人无权办理", "wrong role"),
        StepOutcome.WRONG_APPROVAL: ("审批事项不符", "approval for something else"),
        StepOutcome.OTHER_SUBJECT: ("审批对象不符", "approval bound to another subject"),
        StepOutcome.NOT_IN_FORCE: ("签批未生效或已失效", "sign-off not in force"),
        StepOutcome.SAME_PERSON: ("须由另一人办理", "needs another person"),
    }
)

_STATUS = {
    ApprovalStatus.MISSING: StepOutcome.MISSING,
    ApprovalStatus.WRONG_ROLE: StepOutcome.WRONG_ROLE,
    ApprovalStatus.WRONG_SUBJECT: StepOutcome.WRONG_APPROVAL,
    ApprovalStatus.OTHER_SUBJECT: StepOutcome.OTHER_SUBJECT,
    ApprovalStatus.NOT_IN_FORCE: StepOutcome.NOT_IN_FORCE,
    ApprovalStatus.GRANTED: StepOutcome.APPLIED,
}


@attrs.frozen
class Step:
    """The outcome of :func:`apply`: the step taken, or a refusal with its reason.

    Attributes:
        outcome: :attr:`StepOutcome.APPLIED`, or why the step was refused.
        event: the event asked for.
        before: the case before.
        after: the case after — ``before`` itself when refused.
        record: the :class:`EventRecord` to store, ``None`` when refused.
        by: the sign-off given, if any.
        on: the day of the step.
        policy: the table used (not written by ``interchange.to_data``; give it back with
            ``from_data(Step, data, policy=table)``).

    ``reasons`` (one reason, citing the table's ``rule``) is built when read.
    """

    outcome: StepOutcome
    event: str
    before: Case
    after: Case
    record: EventRecord | None
    by: Approval | None
    on: dt.date
    policy: WorkflowTable

    @property
    def applied(self) -> bool:
        """Whether the step was taken."""
        return self.outcome is StepOutcome.APPLIED

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Why: ``workflow.applied``, or the refusal (``workflow.no_transition``,
        ``workflow.final``, ``workflow.earlier``, ``workflow.missing``,
        ``workflow.missing.approval``, ``workflow.role``, ``workflow.what``,
        ``workflow.subject``, ``workflow.not_yet``, ``workflow.expired``,
        ``workflow.same_person``), citing the table's ``rule``."""
        return (_reason(self),)


def _reason(step: Step) -> Reason:
    table, outcome, by = step.policy, step.outcome, step.by
    rule = table.rule
    event = table.event(step.event).label
    state = table.state(step.before.state)
    if outcome is StepOutcome.NO_TRANSITION:
        possible = tuple(table.event(t.event).label for t in table.moves(state.name))
        if not possible:
            return Reason.of(rule, _W.FINAL, state=state.label, event=event)
        return Reason.of(rule, _W.NO_TRANSITION, state=state.label, event=event, possible=possible)
    if outcome is StepOutcome.EARLIER:
        return Reason.of(rule, _W.EARLIER, event=event, on=step.on, last=step.before.last_on)
    move = table.transition(step.before.state, step.event)
    if move is None:  # pragma: no cover - every other outcome is about an existing row
        return Reason.of(rule, _W.FINAL, state=state.label, event=event)
    roles = in_rank_order(move.roles)
    if by is None:
        if move.approval is None:
            return Reason.of(rule, _W.MISSING, event=event, roles=roles)
        return Reason.of(rule, _W.MISSING_APPROVAL, event=event, roles=roles, what=move.approval)
    if outcome is StepOutcome.APPLIED:
        after = table.state(step.after.state).label
        return Reason.of(
            rule,
            _W.APPLIED,
            who=by.who,
            role=by.role,
            on=step.on,
            event=event,
            before=state.label,
            after=after,
        )
    if outcome is StepOutcome.WRONG_ROLE:
        return Reason.of(rule, _W.ROLE, who=by.who, role=by.role, event=event, roles=roles)
    if outcome is StepOutcome.WRONG_APPROVAL:
        return Reason.of(rule, _W.WHAT, what=by.what, event=event, expected=move.approval)
    if outcome is StepOutcome.OTHER_SUBJECT:
        return Reason.of(rule, _W.SUBJECT, bound=by.subject, subject=step.before.subject)
    if outcome is StepOutcome.NOT_IN_FORCE:
        if by.on > step.on:
            return Reason.of(rule, _W.NOT_YET, who=by.who, signed=by.on, on=step.on)
        return Reason.of(
            rule, _W.EXPIRED, who=by.who, signed=by.on, until=by.valid_until, on=step.on
        )
    return Reason.of(rule, _W.SAME_PERSON, who=by.who, event=event)


# --------------------------------------------------------------------------- the functions


def _table(table: object) -> WorkflowTable:
    if not isinstance(table, WorkflowTable):
        raise InputError("table", table, "a WorkflowTable")
    return table


def _case(table: WorkflowTable, case: object, field: str = "case") -> Case:
    if not isinstance(case, Case):
        raise InputError(field, case, "a Case (start(table) gives the first)")
    if case.workflow != table.name:
        raise InputError(f"{field}.workflow", case.workflow, f"the table's name {table.name!r}")
    if case.state not in table._index.states:
        raise InputError(
            f"{field}.state", case.state, f"one of the states {list(table._index.states)}"
        )
    return case


def start(table: WorkflowTable, *, subject: str | None = None) -> Case:
    """A new case of ``table``, in its initial state, with no step taken.

    Args:
        table: the workflow table.
        subject: what the case is about (a customer, order or file id), or ``None``.

    Raises:
        InputError: naming ``table`` unless it is a :class:`WorkflowTable`, or ``subject``
            unless it is ``None`` or a non-blank string.
    """
    checked = _table(table)
    return Case(checked.name, checked.initial, subject)


def apply(
    table: WorkflowTable,
    case: Case,
    event: str,
    *,
    by: Approval | None,
    on: dt.date,
) -> Step:
    """Take one step: ``event`` on ``case``, signed by ``by``, on the day ``on``.

    The step is taken when the table has a row from the case's state on ``event``, ``on`` is
    not before the case's last step, ``by`` is in one of the row's roles, grants the row's
    ``approval`` (if it names one), is not bound to another subject than the case's, and holds
    on ``on`` — and, for a ``distinct`` row, ``by`` is not who took the step before. Otherwise
    the step is refused: the case stays as it was and the reason says why. A business "no" is a
    result, never an exception.

    Args:
        table: the workflow table (from the policy book).
        case: the case's current state.
        event: the event's name.
        by: the sign-off of the person taking the step (an
            :class:`~customer_rules.roles.Approval`: who, role, what, when, valid until).
        on: the day of the step.

    Returns:
        A :class:`Step`: the new case and the :class:`EventRecord` to store, or the refusal.

    Raises:
        InputError: naming the argument, for a ``table`` that is not a
            :class:`WorkflowTable`, a ``case`` that is not a :class:`Case` of this table (its
            ``workflow`` or ``state`` unknown to it), an ``event`` the table does not list, a
            ``by`` that is neither an Approval nor ``None``, an ``on`` that is not a date in the
            supported range.
    """
    checked = _table(table)
    current = _case(checked, case)
    checked.event(event)
    if by is not None and not isinstance(by, Approval):
        raise InputError("by", by, "an Approval or None")
    day = require_date(on, "on")
    move = checked.transition(current.state, event)
    if move is None:
        outcome = StepOutcome.NO_TRANSITION
    elif current.last_on is not None and day < current.last_on:
        outcome = StepOutcome.EARLIER
    else:
        what = move.approval if move.approval is not None else (by.what if by else "")
        status = approval_status(by, move.roles, what, day, subject=current.subject)
        outcome = _STATUS.get(status, StepOutcome.WRONG_APPROVAL)
        if (
            outcome is StepOutcome.APPLIED
            and move.distinct
            and by is not None
            and by.who == current.last_by
        ):
            outcome = StepOutcome.SAME_PERSON
    if outcome is not StepOutcome.APPLIED or move is None or by is None:
        return Step(outcome, event, current, current, None, by, day, checked)
    seq = current.seq + 1
    after = Case(current.workflow, move.target, current.subject, seq, by.who, day)
    record = EventRecord(
        current.workflow, current.subject, seq, event, current.state, move.target, by, day
    )
    return Step(outcome, event, current, after, record, by, day, checked)


def replay(table: WorkflowTable, initial: Case, records: Iterable[EventRecord]) -> Case:
    """Rebuild a case from its stored records, applying each again in order.

    A record must be of this table and subject, numbered one after the case's last step, start
    from the case's state, apply (the same checks as :func:`apply`, with its own sign-off and
    day) and lead to the state it says.

    Args:
        table: the workflow table the records were taken under.
        initial: the case the records start from (:func:`start` for a new one, or a stored
            case to continue from).
        records: the records, in order.

    Returns:
        The case after the last record.

    Raises:
        InputError: naming ``records[i]`` (and the field) for the first record that does not
            apply, with the refusal's reason in English; naming ``table`` or ``initial`` as
            :func:`apply` does; naming ``records`` unless it is an iterable of records.
    """
    checked = _table(table)
    case = _case(checked, initial, "initial")
    if isinstance(records, str | bytes) or not isinstance(records, Iterable):
        raise InputError("records", records, "an iterable of EventRecord")
    for i, record in enumerate(records):
        where = f"records[{i}]"
        if not isinstance(record, EventRecord):
            raise InputError(where, record, "an EventRecord")
        problems = [
            Problem.mismatch(f"{where}.{name}", got, f"{want!r}, as the case")
            for name, got, want in (
                ("workflow", record.workflow, case.workflow),
                ("subject", record.subject, case.subject),
                ("seq", record.seq, case.seq + 1),
                ("before", record.before, case.state),
            )
            if got != want
        ]
        if problems:
            raise InputError.of(problems)
        try:
            step = apply(checked, case, record.event, by=record.by, on=record.on)
        except InputError as exc:
            raise exc.prefixed(where) from None
        if not step.applied:
            raise InputError(
                f"{where}.event",
                record.event,
                f"a step that applies: {render_reason(step.reasons[0], 'en')}",
            )
        if step.after.state != record.after:
            raise InputError(
                f"{where}.after", record.after, f"{step.after.state!r}, where the table leads"
            )
        case = step.after
    return case
