"""C7 — the twice-yearly credit review (信用审核: 客户升(降)级评审).

Sources: seed 003 §6.2.4-5(3) "业务部每年两次对授予信用的客户进行审核,根据所搜集的信息、与公司的
交易情况以及公司新的信用政策,按照信用评定和信用评审的方法对其信用额度及信用等级进行升级或降级评审。
填写“客户升(降)级评审表”,评审结果要及时通报办事处、财务部"; §6.2.3-2(2) (业务主管副总经理)
"负责组织信用等级和信用额度的评审工作".

* When a review is due: :func:`review_due` — every six months from the last review by default
  (``policy.review.cycle``, a :class:`~customer_rules.recurrence.Recurrence`: the seed says "每年两
  次" and names no months), overdue past it; a limit not reviewed within
  ``reapproval_months`` is flagged for re-approval.
* One review: :func:`review_credit` — the business department's 客户升(降)级评审表: the grade
  and limit before and proposed, giving upgrade / downgrade / unchanged, in force at once (the
  seed book) or after an approval when the policy asks for one, and the notice records for the
  office and finance.
* The steps are a table on the shared workflow mechanism (``policy.review.table``): 待评审
  ``due`` → the VP in charge organises (``organise``) → 评审中 ``open`` → the business department
  fills the form (``assess``) → 已评审 ``assessed`` → it notifies the office and finance
  (``notify``) → 已通报 ``notified``; with ``approval_required``, ``approve`` (an approval for
  :data:`REVIEW`) or ``return`` sits between ``assessed`` and ``notify``.

Every result names the role that must act next (``next_role``, C11).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._checks import calendar_arg
from customer_rules._credit.codes import CreditReason
from customer_rules._credit.model import policy_and_day
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar
from customer_rules.dates import LATEST, add_months, require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import Label, LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.recurrence import Occurrence, Recurrence
from customer_rules.roles import Approval, Role, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import Case, Event, State, Step, Transition, WorkflowTable, apply

if TYPE_CHECKING:
    from customer_rules._credit.policy import CreditPolicy

__all__ = [
    "REVIEW",
    "CreditStanding",
    "ReviewChange",
    "ReviewDue",
    "ReviewFacts",
    "ReviewNotice",
    "ReviewPolicy",
    "ReviewResult",
    "review_credit",
    "review_due",
]

REVIEW = "C7.review"
"""The ``Approval.what`` of the sign-off of a review's result, when the policy requires one."""

_C7 = "C7; 003 §6.2.4-5(3), 6.2.3-2(2)"
_R = CreditReason


class ReviewChange(LabelledEnum):
    """C7: what a review does to a customer's credit (升级 / 降级 / 维持)."""

    UPGRADE = "upgrade"
    """升级 — more credit: a higher limit, credit granted to a customer without, or a better
    grade at the same limit."""
    DOWNGRADE = "downgrade"
    """降级 — less credit: a lower limit, credit withdrawn, or a worse grade at the same limit."""
    UNCHANGED = "unchanged"
    """维持 — the same limit and a grade no better or worse in the C1 grade table."""


set_labels(
    {
        ReviewChange.UPGRADE: ("升级", "upgrade"),
        ReviewChange.DOWNGRADE: ("降级", "downgrade"),
        ReviewChange.UNCHANGED: ("维持", "unchanged"),
    }
)

_CHANGE_CODE = {
    ReviewChange.UPGRADE: _R.C7_UPGRADE,
    ReviewChange.DOWNGRADE: _R.C7_DOWNGRADE,
    ReviewChange.UNCHANGED: _R.C7_UNCHANGED,
}

# --------------------------------------------------------------------------- the review table

_TABLE = "C7.review"
_DUE, _OPEN, _ASSESSED, _APPROVED, _NOTIFIED = "due", "open", "assessed", "approved", "notified"
_ORGANISE, _ASSESS, _APPROVE, _RETURN, _NOTIFY = "organise", "assess", "approve", "return", "notify"


def _review_table(
    organiser: Role, performer: Role, approvers: frozenset[Role] | None
) -> WorkflowTable:
    """The C7 table with the seed's steps; ``approvers`` (an approval before the result takes
    effect) adds ``approve`` and ``return`` between ``assessed`` and ``notify``."""
    states = [
        State(_DUE, "待评审", "due for review"),
        State(_OPEN, "评审中", "under review"),
        State(_ASSESSED, "已填写评审表", "assessed"),
        State(_NOTIFIED, "已通报办事处、财务部", "office and finance notified"),
    ]
    events = [
        Event(_ORGANISE, "组织评审", "organise the review"),
        Event(_ASSESS, "填写客户升(降)级评审表", "fill in the upgrade/downgrade review form"),
        Event(_NOTIFY, "通报办事处、财务部", "notify the office and finance"),
    ]
    rows = [
        Transition(_DUE, _ORGANISE, _OPEN, roles=frozenset({organiser})),
        Transition(_OPEN, _ASSESS, _ASSESSED, roles=frozenset({performer})),
    ]
    if approvers is None:
        rows.append(Transition(_ASSESSED, _NOTIFY, _NOTIFIED, roles=frozenset({performer})))
    else:
        states.insert(3, State(_APPROVED, "已审批", "approved"))
        events[2:2] = [
            Event(_APPROVE, "审批通过", "approve"),
            Event(_RETURN, "退回重审", "return for review"),
        ]
        rows += [
            Transition(
                _ASSESSED, _APPROVE, _APPROVED, roles=approvers, approval=REVIEW, distinct=True
            ),
            Transition(_ASSESSED, _RETURN, _OPEN, roles=approvers),
            Transition(_APPROVED, _NOTIFY, _NOTIFIED, roles=frozenset({performer})),
        ]
    return WorkflowTable(
        name=_TABLE,
        rule="C7",
        initial=_DUE,
        states=tuple(states),
        events=tuple(events),
        transitions=tuple(rows),
    )


_VP = frozenset({Role.VP_IN_CHARGE})
_SEED_TABLE = _review_table(Role.VP_IN_CHARGE, Role.BUSINESS_DEPARTMENT, None)


@policy
class ReviewPolicy:
    """C7: the twice-yearly credit review.

    Source: seed 003 §6.2.4-5(3), §6.2.3-2(2).

    Attributes:
        cycle: when reviews fall due, a :class:`~customer_rules.recurrence.Recurrence`: "每年两
            次" — every six months from the last review (``Recurrence.every(6)``) [default: the
            seed names no months; two fixed months are ``Recurrence.in_months(6, 12)``].
        performing_role: who reviews and fills the 客户升(降)级评审表, "业务部…对授予信用的客户
            进行审核" [seed: the business department].
        organising_role: who organises grade and limit reviews, "(业务主管副总经理)负责组织信用
            等级和信用额度的评审工作" [seed: the VP in charge].
        notify_roles: who is told the result, "评审结果要及时通报办事处、财务部" [seed: the
            office (its director) and finance].
        approval_required: whether a result takes effect only after an approval for
            :data:`REVIEW` [default: no — the seed has no approval step; the result is
            notified and applies].
        approving_roles: who approves a result when ``approval_required`` [default: the VP in
            charge, who organises the reviews]; the approver must not be who filled the form.
        reapproval_months: a limit whose last review is more than this many months ago is
            flagged for re-approval [default: 12 — two reviews missed].
        table: the review's steps as a workflow table (reasons citing C7) — 待评审 ``due`` →
            ``organise`` (``organising_role``) → 评审中 ``open`` → ``assess``
            (``performing_role``) → 已填写评审表 ``assessed`` → ``notify`` (``performing_role``) →
            已通报 ``notified`` [seed]; with ``approval_required``, ``approve``
            (``approving_roles``, granting :data:`REVIEW`) to 已审批 ``approved`` and ``return``
            to ``open`` come before ``notify``. Left at the seed's table, its roles and steps
            follow the settings above; a company's own table may add states and relabel them,
            but keeps ``assess`` and ``notify`` (allowed to the ``performing_role``) and, with
            ``approval_required``, an ``approve`` row from ``assessed`` allowed to exactly the
            ``approving_roles``, granting :data:`REVIEW`.

    Raises:
        PolicyError: listing every invalid field with its path.

    Example:
        >>> ReviewPolicy().cycle.label.en
        'every 6 month(s) from the last'
        >>> [t.event for t in ReviewPolicy(approval_required=True).table.transitions]
        ['organise', 'assess', 'approve', 'return', 'notify']
    """

    cycle: Recurrence = setting(
        default=Recurrence.every(6), unit=Unit.TABLE, source=_C7, mark=Mark.DEFAULT
    )
    performing_role: Role = setting(default=Role.BUSINESS_DEPARTMENT, unit=Unit.ROLE, source=_C7)
    organising_role: Role = setting(default=Role.VP_IN_CHARGE, unit=Unit.ROLE, source=_C7)
    notify_roles: frozenset[Role] = setting(
        default=frozenset({Role.OFFICE_DIRECTOR, Role.FINANCE}),
        unit=Unit.ROLES,
        source=_C7,
        min_items=1,
    )
    approval_required: bool = setting(default=False, unit=Unit.FLAG, source=_C7, mark=Mark.DEFAULT)
    approving_roles: frozenset[Role] = setting(
        default=_VP, unit=Unit.ROLES, source=_C7, mark=Mark.DEFAULT, min_items=1
    )
    reapproval_months: int = setting(
        default=12, unit=Unit.MONTHS, source=_C7, mark=Mark.DEFAULT, low=1, high=120
    )
    table: WorkflowTable = setting(default=_SEED_TABLE, unit=Unit.TABLE, source=_C7)

    def _check(self) -> Iterator[Problem]:
        if self.table == _SEED_TABLE:
            table = _review_table(
                self.organising_role,
                self.performing_role,
                self.approving_roles if self.approval_required else None,
            )
            if table != _SEED_TABLE:
                # the seed's table follows the settings (as G6's review table does)
                object.__setattr__(self, "table", table)
        yield from _table_problems(self)


def _table_problems(p: ReviewPolicy) -> Iterator[Problem]:
    """The review table keeps the steps the rules rely on, signed by the roles named."""
    table = p.table
    needed: list[tuple[str, str, str | None]] = [(_OPEN, _ASSESS, _ASSESSED)]
    if p.approval_required:
        needed.append((_ASSESSED, _APPROVE, None))
    for source, event, target in needed:
        move = table.transition(source, event)
        if move is None or (target is not None and move.target != target):
            where = f"to {target!r}" if target else "to a state"
            yield Problem.mismatch(
                "table.transitions",
                f"{len(table.transitions)} row(s)",
                f"a row from {source!r} on {event!r} {where}",
            )
            continue
        at = f"table.transitions[{table.transitions.index(move)}]"
        if event == _ASSESS and p.performing_role not in move.roles:
            yield Problem.mismatch(
                f"{at}.roles",
                sorted(r.value for r in move.roles),
                f"roles including the performing_role ({p.performing_role.value})",
            )
        if event == _APPROVE:
            if move.roles != p.approving_roles:
                wanted = ", ".join(sorted(r.value for r in p.approving_roles))
                yield Problem.mismatch(
                    f"{at}.roles",
                    sorted(r.value for r in move.roles),
                    f"the approving_roles ({wanted})",
                )
            if move.approval != REVIEW:
                yield Problem.mismatch(f"{at}.approval", move.approval, repr(REVIEW))
    if not any(t.event == _NOTIFY and p.performing_role in t.roles for t in table.transitions):
        yield Problem.mismatch(
            "table.transitions",
            f"{len(table.transitions)} row(s)",
            f"a row on {_NOTIFY!r} allowed to the performing_role ({p.performing_role.value})",
        )


# --------------------------------------------------------------------------- checks


def _last_day(value: object, field: str, on: dt.date) -> dt.date:
    """Private to the chapter: a day of the supported range on or before ``on``."""
    day = require_date(value, field)
    if day > on:
        raise InputError(field, value, f"a day on or before on ({on})")
    return day


# --------------------------------------------------------------------------- facts


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError(attribute.name, value, "a grade name (a non-empty string) or None")


def _limit(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "limit")


def _texts(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise InputError(f"{attribute.name}[{i}]", item, "a non-empty string")


def _to_tuple(value: Any) -> Any:
    if isinstance(value, list | tuple) and not isinstance(value, str):
        return tuple(value)
    raise InputError("grounds", value, "a list of texts")


@attrs.frozen
class CreditStanding:
    """C7: a customer's credit grade and limit (信用等级、信用额度) before or after a review.

    Attributes:
        grade: the credit grade's name (C1's grade table: ``"A"``, ``"B"``…); ``None`` for a
            customer without credit.
        limit: the credit limit in yuan (``Decimal``; ``"50万"`` accepted, a float refused); 0
            for a customer without credit.

    Raises:
        InputError: naming the field: a blank grade, an unreadable or negative limit, a limit
            above 0 without a grade.

    Example:
        >>> CreditStanding("B", "50万").limit
        Decimal('500000')
    """

    grade: str | None = attrs.field(validator=_optional_text)
    limit: Decimal = attrs.field(converter=_limit)

    def __attrs_post_init__(self) -> None:
        if self.grade is None and self.limit:
            raise InputError("limit", self.limit, "0 for a customer without a credit grade")

    @property
    def label(self) -> Label:
        """The grade as reasons name it: its name, or 无信用 / no credit."""
        if self.grade is None:
            return _NO_CREDIT
        return Label(self.grade, self.grade)


_NO_CREDIT = Label("无信用", "no credit")


@attrs.frozen
class ReviewFacts:
    """C7: one customer's 客户升(降)级评审表 as the business department fills it.

    Attributes:
        customer: the customer's id.
        last_review: the day of the customer's last review — or, before the first, the day
            credit was granted; the cycle counts from it.
        current: the grade and limit before the review.
        proposed: the grade and limit the review arrives at, from the information collected,
            the trade record and the current credit policy.
        grounds: what the review rests on (评审依据), as written on the form; may be empty.

    Raises:
        InputError: naming the field: a blank customer, a ``last_review`` that is not a date
            of the supported range, a standing that is not a :class:`CreditStanding`, a
            ground that is not a non-empty text.

    Example:
        >>> import datetime as dt
        >>> f = ReviewFacts("C042", dt.date(2026, 1, 15), CreditStanding("B", "50万"),
        ...                 CreditStanding("A", "80万"), ("按期付款",))
        >>> f.proposed.limit - f.current.limit
        Decimal('300000')
    """

    customer: str = attrs.field(validator=non_empty_text)
    last_review: dt.date = attrs.field(
        validator=fact_check(dt.date, "a datetime.date from 1900-01-01 to 2999-12-31")
    )
    current: CreditStanding = attrs.field(
        validator=fact_check(CreditStanding, "a CreditStanding (grade, limit)")
    )
    proposed: CreditStanding = attrs.field(
        validator=fact_check(CreditStanding, "a CreditStanding (grade, limit)")
    )
    grounds: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_texts)

    def __attrs_post_init__(self) -> None:
        require_date(self.last_review, "last_review")


@attrs.frozen
class ReviewNotice:
    """C7: the notice of a review's result to one recipient (评审结果通报办事处、财务部).

    Attributes:
        to: the recipient (the office, finance).
        by: who sends it (the business department).
        customer: the customer reviewed.
        change: upgrade, downgrade or unchanged.
        grade: the grade now in force (``None``: no credit).
        limit: the limit now in force, in yuan.
        on: the day of the review.
    """

    to: Role
    by: Role
    customer: str
    change: ReviewChange
    grade: str | None
    limit: Decimal
    on: dt.date


# --------------------------------------------------------------------------- review_due


@attrs.frozen
class ReviewDue:
    """C7: when a customer's next credit review is due, and whether its limit needs
    re-approval.

    Attributes:
        last_review: the last review (or the day credit was granted).
        on: the day asked about.
        occurrence: the review the customer stands at: its day, the first day a review counts
            for it and its due date (``policy.cycle`` through the calendar).
        reapproval_after: the last day the limit stands without re-approval: ``last_review``
            plus ``reapproval_months``.
        policy: the review policy used.
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> d = review_due(dt.date(2026, 1, 15), CreditPolicy(), on=dt.date(2026, 8, 1))
        >>> d.occurrence.due, d.overdue, d.needs_reapproval, d.next_role
        (datetime.date(2026, 7, 15), True, False, <Role.VP_IN_CHARGE: 'vp_in_charge'>)
    """

    last_review: dt.date
    on: dt.date
    occurrence: Occurrence
    reapproval_after: dt.date
    policy: ReviewPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @functools.cached_property
    def overdue(self) -> bool:
        """Whether the review's due date has passed on :attr:`on`."""
        return self.on > self.occurrence.due

    @functools.cached_property
    def needs_reapproval(self) -> bool:
        """Whether the limit went unreviewed past :attr:`reapproval_after`."""
        return self.on > self.reapproval_after

    @functools.cached_property
    def next_role(self) -> Role:
        """C11: the role that must act next — the organiser of the review (the VP in
        charge)."""
        return self.policy.organising_role

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C7 reasons: the cycle and the due date (``C7.due``), overdue or not yet
        (``C7.overdue``/``C7.pending``), and the re-approval flag (``C7.reapproval``)."""
        p = self.policy
        reasons = [
            Reason.of(
                "C7",
                _R.C7_DUE,
                cycle=p.cycle.label,
                last=self.last_review,
                due=self.occurrence.due,
                organiser=p.organising_role,
                performer=p.performing_role,
            )
        ]
        if self.overdue:
            reasons.append(Reason.of("C7", _R.C7_OVERDUE, due=self.occurrence.due, on=self.on))
        else:
            reasons.append(Reason.of("C7", _R.C7_PENDING, due=self.occurrence.due, on=self.on))
        if self.needs_reapproval:
            reasons.append(
                Reason.of(
                    "C7",
                    _R.C7_REAPPROVAL,
                    last=self.last_review,
                    months=p.reapproval_months,
                    until=self.reapproval_after,
                )
            )
        return tuple(reasons)


def review_due(
    last_review: dt.date,
    policy: CreditPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
) -> ReviewDue:
    """C7: when the next credit review of a customer is due, and whether it is overdue.

    "业务部每年两次对授予信用的客户进行审核" [seed]: ``policy.review.cycle`` from
    ``last_review`` (six months after it by default) gives the review's due date; past it the
    review is overdue. A limit not reviewed for more than ``policy.review.reapproval_months``
    (12 [default]) is flagged for re-approval: it should not be relied on until a review
    confirms it.

    Args:
        last_review: the last review, or the day credit was granted; on or before ``on``.
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day asked about.
        calendar: the calendar the cycle's deadline counts with.

    Returns:
        The due review, whether it is overdue, the re-approval flag, the role that acts next
        (the VP in charge organises) and reasons citing C7.

    Raises:
        InputError: naming the argument: a ``policy`` that is not a CreditPolicy, a date that is
            not one of the supported range, ``last_review`` after ``on``, something that is not
            a calendar, a due date after 2999-12-31.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> d = review_due(dt.date(2025, 6, 30), CreditPolicy(), on=dt.date(2026, 7, 1))
        >>> d.needs_reapproval, d.reapproval_after
        (True, datetime.date(2026, 6, 30))
    """
    credit, day = policy_and_day(policy, on)
    last = _last_day(last_review, "last_review", day)
    cal = calendar_arg(calendar)
    p = credit.review
    occurrence = p.cycle.next(day, last=last, calendar=cal)
    try:
        reapproval_after = add_months(last, p.reapproval_months)
    except InputError:  # beyond the supported range: the flag cannot rise before it ends
        reapproval_after = LATEST
    return ReviewDue(
        last,
        day,
        occurrence,
        reapproval_after,
        p,
        credit.version,
        policy_effective=credit.effective,
    )


# --------------------------------------------------------------------------- review_credit


def _change(
    current: CreditStanding, proposed: CreditStanding, rank: Callable[[str], int | None]
) -> ReviewChange:
    """Upgrade or downgrade by the limit; credit granted is an upgrade, withdrawn a downgrade; at
    the same limit, by the grades' ranks in the C1 grade table when both are in it."""
    if current.grade is None and proposed.grade is not None:
        return ReviewChange.UPGRADE
    if current.grade is not None and proposed.grade is None:
        return ReviewChange.DOWNGRADE
    if proposed.limit > current.limit:
        return ReviewChange.UPGRADE
    if proposed.limit < current.limit:
        return ReviewChange.DOWNGRADE
    if current.grade is not None and proposed.grade is not None:
        before, after = rank(current.grade), rank(proposed.grade)
        if before is not None and after is not None and before != after:
            return ReviewChange.UPGRADE if after > before else ReviewChange.DOWNGRADE
    return ReviewChange.UNCHANGED


@attrs.frozen
class ReviewResult:
    """C7: the outcome of one customer's credit review.

    Attributes:
        facts: the review form.
        change: upgrade, downgrade or unchanged.
        effective: whether the result is in force: at once when the policy requires no
            approval (the seed book); otherwise when an approval for :data:`REVIEW` by an
            approving role — not the person who filled the form, not bound to another
            customer — holds on ``on`` (the ``approve`` step of the table applies).
        approval: the approval given, if any.
        on: the day of the review.
        occurrence: the review this one answers (from ``facts.last_review`` by the cycle).
        next_review: the review after this one (from ``on`` by the cycle).
        policy: the review policy used.
        policy_version: the version of the policy book that decided.

    :attr:`in_force`, :attr:`notices` and :attr:`next_role` follow from these.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> facts = ReviewFacts("C042", dt.date(2026, 1, 15), CreditStanding("B", "50万"),
        ...                     CreditStanding("A", "80万"))
        >>> r = review_credit(facts, CreditPolicy(), on=dt.date(2026, 7, 10))
        >>> r.change, r.effective, [n.to.value for n in r.notices]
        (<ReviewChange.UPGRADE: 'upgrade'>, True, ['office_director', 'finance'])
    """

    facts: ReviewFacts
    change: ReviewChange
    effective: bool
    approval: Approval | None
    on: dt.date
    occurrence: Occurrence
    next_review: Occurrence
    policy: ReviewPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""
    filled_by: str | None = attrs.field(default=None, kw_only=True)
    """Who filled the form, if known: their own approval does not sign the result off."""

    @functools.cached_property
    def in_force(self) -> CreditStanding:
        """The grade and limit that apply on :attr:`on`: the proposed ones once effective, the
        current ones while the result awaits approval."""
        return self.facts.proposed if self.effective else self.facts.current

    @functools.cached_property
    def late(self) -> bool:
        """Whether the review came after its due date."""
        return self.on > self.occurrence.due

    @property
    def sign_off(self) -> Step | None:
        """The ``approve`` step of the review table applied to this review (a case in
        ``assessed`` about the customer, last stepped by :attr:`filled_by`), signed by
        :attr:`approval` —
        ``None`` when the policy requires no approval. Built when read."""
        if not self.policy.approval_required:
            return None
        return _sign_off(self.policy, self.approval, self.on, self.facts.customer, self.filled_by)

    @functools.cached_property
    def notices(self) -> tuple[ReviewNotice, ...]:
        """The notice records of an effective result: one to each of ``notify_roles`` (the
        office, finance), sent by the ``performing_role``; ``()`` while it awaits approval."""
        if not self.effective:
            return ()
        p, standing = self.policy, self.facts.proposed
        return tuple(
            ReviewNotice(
                to,
                p.performing_role,
                self.facts.customer,
                self.change,
                standing.grade,
                standing.limit,
                self.on,
            )
            for to in in_rank_order(p.notify_roles)
        )

    @functools.cached_property
    def next_role(self) -> Role | None:
        """C11: who acts next — the first approving role while the result awaits approval,
        else the ``performing_role``, which sends the notices."""
        if self.effective:
            return self.policy.performing_role
        return in_rank_order(self.policy.approving_roles)[0]

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C7 reasons: the form (``C7.form``) and its grounds (``C7.grounds``), the change
        (``C7.upgrade``/``downgrade``/``unchanged``, and ``C7.regraded`` for a new grade at the
        same limit), on time or late (``C7.on_time``/``C7.late``), in force (``C7.in_force``,
        ``C7.approved``) or awaiting approval (``C7.awaiting`` with the workflow's refusal),
        the notices (``C7.notice``) and the next review (``C7.next``)."""
        p, f = self.policy, self.facts
        reasons = [
            Reason.of(
                "C7",
                _R.C7_FORM,
                customer=f.customer,
                performer=p.performing_role,
                organiser=p.organising_role,
            )
        ]
        if f.grounds:
            reasons.append(Reason.of("C7", _R.C7_GROUNDS, grounds=f.grounds))
        reasons.append(
            Reason.of(
                "C7",
                _CHANGE_CODE[self.change],
                grade=f.current.label,
                new_grade=f.proposed.label,
                limit=f.current.limit,
                new_limit=f.proposed.limit,
            )
        )
        if f.current.limit == f.proposed.limit and f.current.grade != f.proposed.grade:
            reasons.append(
                Reason.of(
                    "C7",
                    _R.C7_REGRADED,
                    grade=f.current.label,
                    new_grade=f.proposed.label,
                    limit=f.proposed.limit,
                )
            )
        timing = _R.C7_LATE if self.late else _R.C7_ON_TIME
        reasons.append(Reason.of("C7", timing, due=self.occurrence.due, cycle=p.cycle.label))
        step = self.sign_off
        if step is None:
            reasons.append(Reason.of("C7", _R.C7_IN_FORCE))
        elif self.effective and self.approval is not None:
            reasons.append(
                Reason.of(
                    "C7",
                    _R.C7_APPROVED,
                    who=self.approval.who,
                    role=self.approval.role,
                    signed=self.approval.on,
                )
            )
        else:
            reasons.append(Reason.of("C7", _R.C7_AWAITING, roles=in_rank_order(p.approving_roles)))
            reasons.append(step.reasons[0])
        if self.notices:
            reasons.append(
                Reason.of(
                    "C7",
                    _R.C7_NOTICE,
                    by=p.performing_role,
                    to=tuple(n.to for n in self.notices),
                )
            )
        reasons.append(Reason.of("C7", _R.C7_NEXT, due=self.next_review.due))
        return tuple(reasons)


def _sign_off(
    p: ReviewPolicy,
    approval: Approval | None,
    on: dt.date,
    customer: str,
    filled_by: str | None,
) -> Step:
    """The ``approve`` step of the review table on an assessed review of ``customer``."""
    assessed = Case(p.table.name, _ASSESSED, customer, last_by=filled_by)
    return apply(p.table, assessed, _APPROVE, by=approval, on=on)


def review_credit(
    facts: ReviewFacts,
    policy: CreditPolicy,
    *,
    on: dt.date,
    approval: Approval | None = None,
    filled_by: str | None = None,
    calendar: Calendar = CALENDAR_DAYS,
) -> ReviewResult:
    """C7: one customer's credit review — upgrade, downgrade or unchanged, and who is told.

    "按照信用评定和信用评审的方法对其信用额度及信用等级进行升级或降级评审。填写“客户升(降)级评审
    表”,评审结果要及时通报办事处、财务部" [seed]: the change is read from the form — a higher
    limit, or credit granted, is an upgrade; a lower limit, or credit withdrawn, a downgrade; at
    the same limit a grade ranked higher in the C1 grade table (``policy.standard``) is an
    upgrade, one ranked lower a downgrade, and anything else is unchanged. The result is in force
    at once in the seed book (the seed has no approval step), and its notice records go to the
    office and finance. With
    ``policy.review.approval_required`` it takes effect only when ``approval`` grants
    :data:`REVIEW` as the table's ``approve`` step (an approving role, holding on ``on``, not
    bound to another customer, not ``filled_by`` the same person); until then the current grade
    and limit stay in force and no notice goes out.

    Args:
        facts: the review form.
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day of the review, on or after ``facts.last_review``.
        approval: the sign-off of the result, when the policy requires one.
        filled_by: who filled the form (the person of the ``assess`` step), so that the
            approval is refused when it is theirs; ``None`` when unknown.
        calendar: the calendar the cycle's deadline counts with.

    Returns:
        The change, whether it is in force, the notices, the role that acts next and reasons
        citing C7.

    Raises:
        InputError: naming the argument: facts that are not :class:`ReviewFacts`, a
            ``policy`` that is not a CreditPolicy, an ``on`` that is not a date of the
            supported range or before ``facts.last_review``, an ``approval`` that is not an
            Approval, a blank ``filled_by``, something that is not a calendar.
        CalendarCoverageError: for a working-day question outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> facts = ReviewFacts("C042", dt.date(2026, 1, 15), CreditStanding("A", "80万"),
        ...                     CreditStanding("B", "50万"))
        >>> strict = CreditPolicy(review={"approval_required": True})
        >>> r = review_credit(facts, strict, on=dt.date(2026, 7, 10))
        >>> r.change, r.effective, r.in_force.limit
        (<ReviewChange.DOWNGRADE: 'downgrade'>, False, Decimal('800000'))
        >>> r.next_role
        <Role.VP_IN_CHARGE: 'vp_in_charge'>
    """
    if not isinstance(facts, ReviewFacts):
        raise InputError("facts", facts, "a ReviewFacts (the 客户升(降)级评审表)")
    credit, day = policy_and_day(policy, on)
    if facts.last_review > day:
        raise InputError("facts.last_review", facts.last_review, f"a day on or before on ({day})")
    if approval is not None and not isinstance(approval, Approval):
        raise InputError("approval", approval, "an Approval or None")
    if filled_by is not None and (not isinstance(filled_by, str) or not filled_by.strip()):
        raise InputError("filled_by", filled_by, "a person's name (a non-empty string) or None")
    cal = calendar_arg(calendar)
    p = credit.review
    if not p.approval_required:
        effective = True
    elif approval is None:
        effective = False
    else:
        effective = _sign_off(p, approval, day, facts.customer, filled_by).applied
    return ReviewResult(
        facts,
        _change(facts.current, facts.proposed, credit.standard.rank),
        effective,
        approval,
        day,
        p.cycle.next(day, last=facts.last_review, calendar=cal),
        p.cycle.next(day, last=day, calendar=cal),
        p,
        credit.version,
        policy_effective=credit.effective,
        filled_by=filled_by,
    )
