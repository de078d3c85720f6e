"""Private: the checks every service rule makes on its arguments, and the workflow helpers the
S3, S6 and S7 tables share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._checks import chapter_policy, checked_day
from customer_rules._validation import non_empty_text
from customer_rules.errors import InputError
from customer_rules.labels import Label
from customer_rules.roles import ApprovalStatus, Role, in_rank_order
from customer_rules.workflow import Case, EventRecord, WorkflowTable, replay, start

if TYPE_CHECKING:
    from customer_rules._service.policy import ServicePolicy

__all__ = ["NextStep", "Term"]

_MAX_ITEMS = 100_000
"""The most items a list argument may hold (a history, a customer list, a record list)."""


def service_policy(value: object) -> ServicePolicy:
    """``value`` if it is a :class:`ServicePolicy`; otherwise an :class:`InputError` naming
    ``policy`` that says what to pass (a whole ``PolicyBook`` is a common slip)."""
    checked: ServicePolicy = chapter_policy(value, "service")
    return checked


_STATUS = {
    ApprovalStatus.MISSING: Label("未签批", "none given"),
    ApprovalStatus.WRONG_ROLE: Label("签批人无此权限", "signed in a role that may not"),
    ApprovalStatus.WRONG_SUBJECT: Label("签批事项不符", "signed for something else"),
    ApprovalStatus.OTHER_SUBJECT: Label("签批针对其他对象", "bound to another subject"),
    ApprovalStatus.OVER_AMOUNT: Label("金额超出签批额度", "over the amount signed for"),
    ApprovalStatus.OTHER_PURPOSE: Label("签批用途不符", "for another purpose"),
    ApprovalStatus.NOT_IN_FORCE: Label("当日不在有效期内", "not in force on the day"),
    ApprovalStatus.GRANTED: Label("已签批", "granted"),
}


def status_label(status: ApprovalStatus) -> Label:
    """What an approval's diagnosis says, in both languages (a reason's fact)."""
    return _STATUS[status]


def day_in_force(policy: ServicePolicy, on: object, field: str = "on") -> dt.date:
    """``on`` as a checked date on which ``policy`` is in force."""
    return checked_day(policy, on, field)


def items_of(
    value: object, field: str, kind: type | tuple[type, ...], expected: str
) -> tuple[Any, ...]:
    """``value`` as a tuple of ``kind`` items; an :class:`InputError` naming ``field`` (or
    ``field[i]``) otherwise."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError(field, value, f"a list of {expected}")
    items: list[Any] = []
    for i, item in enumerate(value):
        if i >= _MAX_ITEMS:
            raise InputError(field, value, f"at most {_MAX_ITEMS} items")
        if not isinstance(item, kind):
            raise InputError(f"{field}[{i}]", item, expected)
        items.append(item)
    return tuple(items)


# --------------------------------------------------------------------------- workflows


@attrs.frozen
class Term:
    """A name with its Chinese and English labels, as a result stores it (a festival, a step).

    Attributes:
        name: the name hosts store (``"spring_festival"``, ``"refer"``).
        zh: the Chinese label.
        en: the English label.
    """

    name: str = attrs.field(validator=non_empty_text)
    zh: str = attrs.field(validator=non_empty_text)
    en: str = attrs.field(validator=non_empty_text)

    @property
    def label(self) -> Label:
        """Both labels, as reasons render them."""
        return Label(self.zh, self.en)


@attrs.frozen
class NextStep:
    """A step a case may take next, and who may take it.

    Attributes:
        event: the event, with its labels.
        roles: the roles that may take it, in rank order.
        approval: the ``Approval.what`` the sign-off must grant, or ``None``.
    """

    event: Term
    roles: tuple[Role, ...]
    approval: str | None = None


def next_steps(
    table: WorkflowTable, case: Case, *, leave_out: Iterable[str] = ()
) -> tuple[NextStep, ...]:
    """The steps of ``table`` from the case's state, in the table's order (less ``leave_out``)."""
    skipped = frozenset(leave_out)
    found = []
    for move in table.moves(case.state):
        if move.event in skipped:
            continue
        event = table.event(move.event)
        found.append(
            NextStep(Term(event.name, event.zh, event.en), in_rank_order(move.roles), move.approval)
        )
    return tuple(found)


def replayed(
    table: WorkflowTable, subject: str, records: tuple[EventRecord, ...], field: str = "records"
) -> Case:
    """The case of ``subject`` rebuilt from ``records`` (an :class:`InputError` naming
    ``field[i]`` for a record that does not apply)."""
    try:
        return replay(table, start(table, subject=subject), records)
    except InputError as exc:
        if field == "records":
            raise
        raise InputError.of(
            attrs.evolve(p, path=field + p.path.removeprefix("records")) for p in exc.problems
        ) from None


def state_term(table: WorkflowTable, name: str) -> Term:
    """The state ``name`` of ``table`` as a :class:`Term`."""
    state = table.state(name)
    return Term(state.name, state.zh, state.en)
