"""G6 — yearly re-grading, the yearly review of the grading rules, and the big-customer exit.

Sources: seed 003 §客户管理办法 6.1.2-3 ("客户评级应每年末由业务部经理及相关业务人员进行重审,
交由主管副总经理审批"; "修订此办法每年末由业务部经理提交主管副总经理重审") and
§集团公司大客户管理制度 (2nd) 第六章 大客户退出.

Every decision here needs a sign-off: a re-grading, an exit or a rules review takes effect only
with an :class:`~customer_rules.roles.Approval` by an approving role, for the matching ``what``
(:class:`ApprovalMatter`: :data:`REGRADE`, :data:`EXIT`, :data:`RULES_REVIEW`), that holds on the
day asked about. Without one the result says the decision awaits approval — a business answer,
not an exception.

The yearly review of a customer's grade is the first table on the shared workflow mechanism
(:mod:`customer_rules.workflow`): ``RegradingPolicy.review`` is its transition table — 待重审
(``due``) → the manager re-examines (``reexamine``) → 待审批 (``proposed``) → the VP approves
(``approve``, an approval for :data:`REGRADE`) → 已批准 (``approved``), or returns it for
re-examination (``return``, [default]). A re-grading's approval is checked by applying the
``approve`` step to the proposal (:attr:`RegradeResult.review`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from customer_rules._bounded import keep
from customer_rules._grading.checks import grading_policy, in_force
from customer_rules._grading.codes import GradingReason
from customer_rules._grading.model import CustomerCategory, Grade
from customer_rules.dates import require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.roles import (
    Approval,
    ApprovalStatus,
    Role,
    approval_status,
    in_rank_order,
)
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import Case, Event, State, Step, Transition, WorkflowTable, apply

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = [
    "EXIT",
    "REGRADE",
    "RULES_REVIEW",
    "ApprovalMatter",
    "ExitResult",
    "GradeChange",
    "RegradeResult",
    "RegradingPolicy",
    "RulesReview",
    "exit_big_customer",
    "next_regrade_review",
    "regrade",
    "rules_review_due",
]

REGRADE = "G6.regrade"
"""The ``Approval.what`` of the VP's approval of a yearly re-grading (交由主管副总经理审批)."""
EXIT = "G6.exit"
"""The ``Approval.what`` of the approval of a big customer's exit to ordinary (大客户退出)."""
RULES_REVIEW = "G6.rules_review"
"""The ``Approval.what`` of the VP's approval of the yearly review of the grading rules."""


class ApprovalMatter(LabelledEnum):
    """G6: what an approval is for; the value is the ``Approval.what`` it must carry.

    Reasons name the matter by this member (rendered by its label); hosts that stored the
    strings in ``Approval.what`` keep matching them (``ApprovalMatter.REGRADE.value == REGRADE``).
    """

    REGRADE = REGRADE
    """客户评级调整 — the yearly re-grading."""
    EXIT = EXIT
    """退出大客户 — a big customer's exit to ordinary."""
    RULES_REVIEW = RULES_REVIEW
    """评级规则年度重审 — the yearly review of the grading rules."""


set_labels(
    {
        ApprovalMatter.REGRADE: ("客户评级调整", "the re-grading"),
        ApprovalMatter.EXIT: ("退出大客户", "the exit from big-customer status"),
        ApprovalMatter.RULES_REVIEW: (
            "评级规则年度重审",
            "the yearly review of the grading rules",
        ),
    }
)


class GradeChange(LabelledEnum):
    """G6: how a yearly re-grading moves a customer, by :attr:`Grade.rank`."""

    UPGRADE = "upgrade"
    """调升 — the new grade ranks higher."""
    DOWNGRADE = "downgrade"
    """调降 — the new grade ranks lower."""
    UNCHANGED = "unchanged"
    """维持 — the same grade."""
    NEW = "new"
    """首次评级 — the customer had no grade before."""


set_labels(
    {
        GradeChange.UPGRADE: ("调升", "upgrade"),
        GradeChange.DOWNGRADE: ("调降", "downgrade"),
        GradeChange.UNCHANGED: ("维持不变", "unchanged"),
        GradeChange.NEW: ("首次评级", "first grading"),
    }
)

_CHANGE_CODE = {
    GradeChange.UPGRADE: GradingReason.G6_UPGRADE,
    GradeChange.DOWNGRADE: GradingReason.G6_DOWNGRADE,
    GradeChange.UNCHANGED: GradingReason.G6_UNCHANGED,
    GradeChange.NEW: GradingReason.G6_NEW,
}

_VP = frozenset({Role.VP_IN_CHARGE})
_G6 = "G6; 003 §客户管理办法 6.1.2-3"
_G6_EXIT = "G6; 003 §集团公司大客户管理制度 (2nd) 第六章"

# --------------------------------------------------------------------------- the review table

_REVIEW = "G6.review"
_DUE, _PROPOSED, _APPROVED = "due", "proposed", "approved"
_REEXAMINE, _APPROVE, _RETURN = "reexamine", "approve", "return"


def _review_table(preparer: Role, approvers: frozenset[Role]) -> WorkflowTable:
    """The G6 review table with the seed's steps, signed by ``preparer`` and ``approvers``."""
    return WorkflowTable(
        name=_REVIEW,
        rule="G6",
        initial=_DUE,
        states=(
            State(_DUE, "待重审", "due for review"),
            State(_PROPOSED, "待审批", "awaiting sign-off"),
            State(_APPROVED, "已批准", "approved"),
        ),
        events=(
            Event(_REEXAMINE, "重审", "re-examine"),
            Event(_APPROVE, "审批通过", "approve"),
            Event(_RETURN, "退回重审", "return for re-examination"),
        ),
        transitions=(
            Transition(_DUE, _REEXAMINE, _PROPOSED, roles=frozenset({preparer})),
            Transition(_PROPOSED, _APPROVE, _APPROVED, roles=approvers, approval=REGRADE),
            Transition(_PROPOSED, _RETURN, _DUE, roles=approvers),
        ),
    )


_SEED_REVIEW = _review_table(Role.SALES_MANAGER, _VP)


@policy
class RegradingPolicy:
    """G6: the yearly re-grading, the yearly review of the grading rules, and the exit.

    Source: seed 003 §客户管理办法 6.1.2-3; §集团公司大客户管理制度 (2nd) 第六章.

    Attributes:
        review_month: month of the yearly review, "每年末" [seed: 12].
        review_day: day of the yearly review [seed: 31 — the year end]. Month and day must make
            a date every year (29 February is refused).
        approving_roles: who approves a re-grading, "交由主管副总经理审批" [seed: VP in charge].
        preparing_role: who re-examines the grades, "由业务部经理及相关业务人员进行重审" [seed:
            the business-department manager] …
        assisting_roles: … together with the sales staff [seed: salesperson].
        exit_approving_roles: who approves a big customer's exit to ordinary [default: the same
            VP in charge as a re-grading, an exit being a downgrade; the seed only requires an
            exit mechanism with an orderly procedure and careful handling of the relationship].
        rules_preparing_role: who re-examines the grading rules each year end and submits them
            (修订此办法每年末由业务部经理提交) [seed: the business-department manager].
        rules_approving_roles: who reviews and approves them (主管副总经理重审) [seed: VP].
        review: the yearly review of a customer's grade as a workflow table
            (:class:`~customer_rules.workflow.WorkflowTable`, reasons citing G6): 待重审
            ``due`` → ``reexamine`` by the ``preparing_role`` → 待审批 ``proposed`` →
            ``approve`` by the ``approving_roles`` with an approval for :data:`REGRADE` → 已批准
            ``approved`` [seed]; ``return`` by the ``approving_roles`` from ``proposed`` back to
            ``due`` [default: the seed does not say what happens when the VP does not approve].
            Left at the seed's table, its roles follow ``preparing_role`` and
            ``approving_roles``; a table of a company's own may add states and steps and relabel
            them, but must keep ``reexamine`` (``due`` → ``proposed``, allowed to the
            ``preparing_role``) and ``approve`` (``proposed`` → ``approved``, allowed to exactly
            the ``approving_roles``, granting :data:`REGRADE`).

    Every role set but ``assisting_roles`` needs at least one role. Roles are given as
    :class:`~customer_rules.roles.Role` members or their values, names or labels
    (``"vp_in_charge"``, ``"主管副总经理"``); sets as any list or set; month and day also as
    numeric strings (``"12"``).

    Raises:
        PolicyError: listing every invalid field with its path.

    Example:
        >>> RegradingPolicy().approving_roles
        frozenset({<Role.VP_IN_CHARGE: 'vp_in_charge'>})
        >>> RegradingPolicy(review_month=6, review_day=30).review_month
        6
    """

    review_month: int = setting(default=12, unit=Unit.MONTH_OF_YEAR, source=_G6, low=1, high=12)
    review_day: int = setting(default=31, unit=Unit.DAY_OF_MONTH, source=_G6, low=1, high=31)
    approving_roles: frozenset[Role] = setting(
        default=_VP, unit=Unit.ROLES, source=_G6, min_items=1
    )
    preparing_role: Role = setting(default=Role.SALES_MANAGER, unit=Unit.ROLE, source=_G6)
    assisting_roles: frozenset[Role] = setting(
        default=frozenset({Role.SALESPERSON}), unit=Unit.ROLES, source=_G6
    )
    exit_approving_roles: frozenset[Role] = setting(
        default=_VP, unit=Unit.ROLES, source=_G6_EXIT, mark=Mark.DEFAULT, min_items=1
    )
    rules_preparing_role: Role = setting(default=Role.SALES_MANAGER, unit=Unit.ROLE, source=_G6)
    rules_approving_roles: frozenset[Role] = setting(
        default=_VP, unit=Unit.ROLES, source=_G6, min_items=1
    )
    review: WorkflowTable = setting(default=_SEED_REVIEW, unit=Unit.TABLE, source=_G6)

    def _check(self) -> Iterator[Problem]:
        # 2001 is not a leap year: a day that exists in it exists in every year
        try:
            dt.date(2001, self.review_month, self.review_day)
        except ValueError:
            yield Problem.mismatch(
                "review_day",
                self.review_day,
                f"a day that exists in month {self.review_month} every year",
            )
        if self.review == _SEED_REVIEW and (
            self.preparing_role is not Role.SALES_MANAGER or self.approving_roles != _VP
        ):
            # the seed's table follows the roles (attrs' documented way to set a field of a
            # frozen instance during initialisation, as PolicyBook stamps its version)
            table = _review_table(self.preparing_role, self.approving_roles)
            object.__setattr__(self, "review", table)
        yield from _review_problems(self)


def _review_problems(p: RegradingPolicy) -> Iterator[Problem]:
    """The review table keeps the seed's two steps, signed by the roles the policy names."""
    table = p.review
    for source, event, target in ((_DUE, _REEXAMINE, _PROPOSED), (_PROPOSED, _APPROVE, _APPROVED)):
        move = table.transition(source, event)
        if move is None or move.target != target:
            yield Problem.mismatch(
                "review.transitions",
                f"{len(table.transitions)} row(s)",
                f"a row from {source!r} on {event!r} to {target!r}",
            )
            continue
        where = f"review.transitions[{table.transitions.index(move)}]"
        if event == _REEXAMINE and p.preparing_role not in move.roles:
            yield Problem.mismatch(
                f"{where}.roles",
                sorted(r.value for r in move.roles),
                f"roles including the preparing_role ({p.preparing_role.value})",
            )
        if event == _APPROVE:
            if move.roles != p.approving_roles:
                wanted = ", ".join(sorted(r.value for r in p.approving_roles))
                yield Problem.mismatch(
                    f"{where}.roles",
                    sorted(r.value for r in move.roles),
                    f"the approving_roles ({wanted})",
                )
            if move.approval != REGRADE:
                yield Problem.mismatch(f"{where}.approval", move.approval, repr(REGRADE))


def _next_review(p: RegradingPolicy, day: dt.date, *, after: bool = False) -> dt.date:
    """The first review date on or after ``day`` (strictly after it with ``after=True``)."""
    review = dt.date(day.year, p.review_month, p.review_day)
    if review < day or (after and review == day):
        review = review.replace(year=day.year + 1)
    return review


def _check_approval(approval: object) -> Approval | None:
    if approval is not None and not isinstance(approval, Approval):
        raise InputError("approval", approval, "an Approval or None")
    return approval


def _approval_reason(
    approval: Approval | None,
    roles: frozenset[Role],
    matter: ApprovalMatter,
    on: dt.date,
    *,
    signed_after: dt.date | None = None,
    subject: str | None = None,
) -> Reason:
    """Why ``approval`` does or does not make ``matter`` effective on ``on`` (G6)."""
    wanted = in_rank_order(roles)
    if approval is None:
        return Reason.of("G6", GradingReason.G6_APPROVAL_MISSING, matter=matter, roles=wanted)
    status = approval_status(approval, roles, matter.value, on, subject=subject)
    if status is ApprovalStatus.WRONG_ROLE:
        return Reason.of(
            "G6", GradingReason.G6_APPROVAL_ROLE, matter=matter, role=approval.role, roles=wanted
        )
    if status is ApprovalStatus.WRONG_SUBJECT:
        return Reason.of(
            "G6",
            GradingReason.G6_APPROVAL_WHAT,
            matter=matter,
            what=approval.what,
            expected=matter.value,
        )
    if status is ApprovalStatus.OTHER_SUBJECT:
        return Reason.of(
            "G6",
            GradingReason.G6_APPROVAL_SUBJECT,
            matter=matter,
            bound=approval.subject,
            subject=subject,
        )
    if status is ApprovalStatus.NOT_IN_FORCE:
        return Reason.of(
            "G6",
            GradingReason.G6_APPROVAL_EXPIRED,
            matter=matter,
            signed=approval.on,
            until=approval.valid_until,
            on=on,
        )
    if signed_after is not None and approval.on <= signed_after:
        return Reason.of(
            "G6",
            GradingReason.G6_APPROVAL_STALE,
            matter=matter,
            signed=approval.on,
            since=signed_after,
        )
    return Reason.of(
        "G6",
        GradingReason.G6_APPROVAL_GRANTED,
        matter=matter,
        who=approval.who,
        role=approval.role,
        signed=approval.on,
        on=on,
    )


def _approved(
    approval: Approval | None,
    roles: frozenset[Role],
    matter: ApprovalMatter,
    on: dt.date,
    *,
    signed_after: dt.date | None = None,
) -> bool:
    return (
        approval is not None
        and approval.grants(roles, matter.value, on)
        and (signed_after is None or approval.on > signed_after)
    )


@attrs.frozen
class RegradeResult:
    """G6: the outcome of one customer's yearly re-grading.

    Attributes:
        previous: the grade before the review (``None`` for a customer never graded).
        current: the grade the review arrived at.
        change: upgrade, downgrade, unchanged or new, by :attr:`Grade.rank`.
        effective: whether the review is signed off: a valid approval for :data:`REGRADE` by an
            approving role, not bound to another subject, holds on ``on`` (the ``approve`` step
            of ``policy.review`` applies). Without it an upgrade or downgrade awaits approval
            and ``previous`` stays in force; an unchanged grade and a first grade are in force
            all the same, the review still awaiting sign-off.
        approval: the approval given, if any.
        on: the day asked about.
        policy: the re-grading policy used.
        policy_version: the version of the policy book that decided.
        subject: keyword-only; the customer the review is about (its id), or ``None``; an
            approval bound to another customer does not sign it off.

    :attr:`in_force`, :attr:`pending` and :attr:`awaiting` say what applies and who must act;
    :attr:`review` is the workflow step that decided ``effective``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> r = regrade(Grade.C, Grade.B, GradingPolicy(), on=dt.date(2026, 12, 31))
        >>> r.change, r.effective, r.in_force
        (<GradeChange.UPGRADE: 'upgrade'>, False, <Grade.C: 'C'>)
    """

    previous: Grade | None
    current: Grade
    change: GradeChange
    effective: bool
    approval: Approval | None
    on: dt.date
    policy: RegradingPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""
    subject: str | None = attrs.field(default=None, kw_only=True)

    @property
    def in_force(self) -> Grade:
        """G6: the grade that applies on ``on`` — ``current`` once approved, and an unchanged
        grade or a first grade at once; ``previous`` while an upgrade or downgrade awaits
        approval."""
        if self.effective or self.previous is None or self.change is GradeChange.UNCHANGED:
            return self.current
        return self.previous

    @property
    def pending(self) -> bool:
        """G6: whether a change of grade (upgrade or downgrade) awaits approval."""
        return not self.effective and self.change in _MOVES

    @property
    def awaiting(self) -> tuple[Role, ...]:
        """G6: the roles whose approval the change awaits (``()`` when nothing is pending)."""
        return in_rank_order(self.policy.approving_roles) if self.pending else ()

    @property
    def review(self) -> Step:
        """G6: the ``approve`` step of ``policy.review`` applied to this review's proposal (a
        case in state ``proposed`` about :attr:`subject`), signed by :attr:`approval`: applied
        when the review is signed off — its ``after`` case (state ``approved``) and ``record``
        are for the host to store — else refused with the workflow's reason. Built when read
        (not part of the result's data: ``effective`` says the outcome)."""
        return _sign_off(self.policy, self.approval, self.on, self.subject)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """G6 reasons: who reviews and approves (``G6.review``), the change from/to
        (``G6.upgrade``/``downgrade``/``unchanged``/``new``), and the approval's state
        (``G6.approval.*``) — for an unchanged or first grade not signed off, that it is in
        force all the same (``G6.in_force.unchanged``/``new``), followed by why a sign-off
        given does not hold."""
        if self.approval is not None:
            return _regrade_reasons(self)
        # without a sign-off the lines say nothing of the customer or the day: every such
        # review of a portfolio under one policy shares them (and their rendered texts)
        key = (id(self.policy), self.previous, self.current)
        found = _UNSIGNED.get(key)
        if found is None or found[0] is not self.policy:
            found = keep(_UNSIGNED, key, (self.policy, _regrade_reasons(self)), _UNSIGNED_MAX)
        return found[1]


def _regrade_reasons(result: RegradeResult) -> tuple[Reason, ...]:
    """:attr:`RegradeResult.reasons`, built."""
    p = result.policy
    signed = _approval_reason(
        result.approval,
        p.approving_roles,
        ApprovalMatter.REGRADE,
        result.on,
        subject=result.subject,
    )
    if result.change in _MOVES or result.effective:
        status: tuple[Reason, ...] = (signed,)
    else:
        code = (
            GradingReason.G6_IN_FORCE_NEW
            if result.change is GradeChange.NEW
            else GradingReason.G6_IN_FORCE_UNCHANGED
        )
        status = (
            Reason.of("G6", code, grade=result.current, roles=in_rank_order(p.approving_roles)),
        )
        if result.approval is not None:
            status += (signed,)
    return (
        Reason.of(
            "G6",
            GradingReason.G6_REVIEW,
            month=p.review_month,
            day=p.review_day,
            preparer=p.preparing_role,
            assistants=in_rank_order(p.assisting_roles),
            roles=in_rank_order(p.approving_roles),
        ),
        Reason.of(
            "G6", _CHANGE_CODE[result.change], previous=result.previous, current=result.current
        ),
        *status,
    )


_MOVES = frozenset({GradeChange.UPGRADE, GradeChange.DOWNGRADE})
_UNSIGNED: dict[tuple[int, Grade | None, Grade], tuple[RegradingPolicy, tuple[Reason, ...]]] = {}
"""The reasons of a review without a sign-off, by ``id(policy)`` and grades; each entry holds
its policy, so the id is not reused while the entry lives."""
_UNSIGNED_MAX = 256


def _sign_off(
    p: RegradingPolicy, approval: Approval | None, on: dt.date, subject: str | None
) -> Step:
    """The ``approve`` step of the review table, on a proposal about ``subject``."""
    proposal = Case(p.review.name, _PROPOSED, subject)
    return apply(p.review, proposal, _APPROVE, by=approval, on=on)


def _grade_change(previous: Grade | None, current: Grade) -> GradeChange:
    if previous is None:
        return GradeChange.NEW
    if current.rank > previous.rank:
        return GradeChange.UPGRADE
    if current.rank < previous.rank:
        return GradeChange.DOWNGRADE
    return GradeChange.UNCHANGED


_CHANGES = {
    (previous, current): _grade_change(previous, current)
    for previous in (None, *Grade)
    for current in Grade
}
""":func:`_grade_change` of every pair, looked up on the grading job's hot path."""


def regrade(
    previous: Grade | None,
    current: Grade,
    policy: GradingPolicy,
    *,
    on: dt.date,
    approval: Approval | None = None,
    subject: str | None = None,
) -> RegradeResult:
    """G6: compare a customer's grade before and after the yearly review.

    "客户评级应每年末由业务部经理及相关业务人员进行重审,交由主管副总经理审批" [seed]: an
    upgrade or downgrade takes effect only with an :class:`~customer_rules.roles.Approval` for
    :data:`REGRADE` by one of ``policy.regrading.approving_roles`` that holds on ``on`` — the
    ``approve`` step of ``policy.regrading.review``; without one the result says the re-grading
    awaits approval and the previous grade stays in force. An unchanged grade and a first grade
    (no ``previous``) are in force at once; the review is still recorded as awaiting sign-off
    until approved. The approval is matched on ``what`` exactly; one bound to a ``subject``
    signs off only the review of that subject.

    Args:
        previous: the grade before the review, ``None`` for a customer never graded.
        current: the grade the review arrived at (e.g. the G2 scorecard's grade).
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day asked about, from 1900-01-01 to 2999-12-31.
        approval: the VP's approval, if any.
        subject: the customer's id, if the review is about one.

    Returns:
        The change (by :attr:`Grade.rank`), whether it is effective, and reasons citing G6.

    Raises:
        InputError: naming the argument, for a ``previous`` that is neither a Grade nor
            ``None``, a non-Grade ``current``, a ``policy`` that is not a GradingPolicy, an
            ``on`` that is not a date in the supported range, an ``approval`` that is not an
            Approval, or a ``subject`` that is neither ``None`` nor a non-blank string.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> from customer_rules.roles import Approval, Role
        >>> day = dt.date(2026, 12, 31)
        >>> ok = Approval("李副总", Role.VP_IN_CHARGE, REGRADE, day)
        >>> r = regrade(Grade.A, Grade.B, GradingPolicy(), on=day, approval=ok)
        >>> r.change, r.effective
        (<GradeChange.DOWNGRADE: 'downgrade'>, True)
    """
    if previous is not None and not isinstance(previous, Grade):
        raise InputError("previous", previous, "a Grade (A, B, C or D) or None")
    if not isinstance(current, Grade):
        raise InputError("current", current, "a Grade (A, B, C or D)")
    book = grading_policy(policy)
    day = require_date(on, "on")
    in_force(book, day)
    given = _check_approval(approval)
    if subject is not None and (not isinstance(subject, str) or not subject.strip()):
        raise InputError("subject", subject, "a customer id (a non-blank string) or None")
    return _regrade(previous, current, book, day, given, subject)


def _regrade(
    previous: Grade | None,
    current: Grade,
    book: GradingPolicy,
    day: dt.date,
    approval: Approval | None,
    subject: str | None,
) -> RegradeResult:
    """:func:`regrade` on checked arguments."""
    p = book.regrading
    effective = approval is not None and _sign_off(p, approval, day, subject).applied
    return RegradeResult(
        previous,
        current,
        _CHANGES[previous, current],
        effective,
        approval,
        day,
        p,
        book.version,
        policy_effective=book.effective,
        subject=subject,
    )


def next_regrade_review(policy: GradingPolicy, *, on: dt.date) -> dt.date:
    """G6: the next yearly re-grading review (每年末), on or after ``on``.

    Args:
        policy: the grading policy (``GradingPolicy()`` is the seed: 31 December).
        on: the day to look from, from 1900-01-01 to 2999-12-31.

    Returns:
        The review date: ``on`` itself when it is a review day.

    Raises:
        InputError: naming the argument, for a ``policy`` that is not a GradingPolicy or an
            ``on`` that is not a date in the supported range.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> next_regrade_review(GradingPolicy(), on=dt.date(2027, 1, 1))
        datetime.date(2027, 12, 31)
    """
    book = grading_policy(policy)
    day = require_date(on, "on")
    in_force(book, day)
    return _next_review(book.regrading, day)


@attrs.frozen
class ExitResult:
    """G6: whether a big customer exits to ordinary (大客户退出).

    Attributes:
        category: the customer's category before the decision.
        still_qualifies: whether it still meets the big-customer criteria (host input, e.g. G3).
        exits: whether it should exit — a big customer that no longer qualifies.
        effective: whether the exit is approved by an exit-approving role on ``on``.
        approval: the approval given, if any.
        on: the day asked about.
        policy: the re-grading policy used.
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> day = dt.date(2026, 12, 31)
        >>> big = CustomerCategory.BIG
        >>> r = exit_big_customer(big, GradingPolicy(), on=day, still_qualifies=False)
        >>> r.exits, r.effective, r.in_force
        (True, False, <CustomerCategory.BIG: 'big'>)
    """

    category: CustomerCategory
    still_qualifies: bool
    exits: bool
    effective: bool
    approval: Approval | None
    on: dt.date
    policy: RegradingPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def in_force(self) -> CustomerCategory:
        """G6: the category that applies on ``on`` — ordinary once an exit is approved."""
        return CustomerCategory.ORDINARY if self.effective else self.category

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """G6 exit reasons: why the customer does or does not exit (``G6.exit``,
        ``G6.exit.not_big``, ``G6.exit.qualifies``), the approval's state (``G6.approval.*``)
        and what the seed asks of the procedure (``G6.exit.care``)."""
        if self.category is not CustomerCategory.BIG:
            return (Reason.of("G6", GradingReason.G6_EXIT_NOT_BIG, category=self.category),)
        if self.still_qualifies:
            return (Reason.of("G6", GradingReason.G6_EXIT_QUALIFIES, category=self.category),)
        roles = self.policy.exit_approving_roles
        return (
            Reason.of(
                "G6",
                GradingReason.G6_EXIT,
                category=self.category,
                to=CustomerCategory.ORDINARY,
                change=GradeChange.DOWNGRADE,
            ),
            _approval_reason(self.approval, roles, ApprovalMatter.EXIT, self.on),
            Reason.of("G6", GradingReason.G6_EXIT_CARE, roles=in_rank_order(roles)),
        )


def exit_big_customer(
    category: CustomerCategory,
    policy: GradingPolicy,
    *,
    on: dt.date,
    still_qualifies: bool,
    approval: Approval | None = None,
) -> ExitResult:
    """G6: the big-customer exit mechanism (退出机制) — a big customer that no longer qualifies.

    "根据客户的业务变化和关系发展情况,对不同类型的客户制定退出机制,确保退出程序合理规范"
    [seed]: a big customer that no longer qualifies exits to ordinary, a downgrade with its own
    reason. It takes effect only with an approval for :data:`EXIT` by one of
    ``policy.regrading.exit_approving_roles`` (the VP in charge [default]) that holds on ``on``.
    The seed asks that the relationship be handled with care (妥善处理与客户的关系); the reasons
    say so. An ordinary customer, or a big one that still qualifies, does not exit.

    Args:
        category: the customer's current category.
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day asked about, from 1900-01-01 to 2999-12-31.
        still_qualifies: whether the customer still meets the big-customer criteria.
        approval: the approval of the exit, if any.

    Returns:
        Whether the customer exits, whether that is effective, and reasons citing G6.

    Raises:
        InputError: naming the argument, for a non-CustomerCategory ``category``, a ``policy``
            that is not a GradingPolicy, an ``on`` that is not a date in the supported range, a
            non-bool ``still_qualifies``, or an ``approval`` that is not an Approval.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> from customer_rules.roles import Approval, Role
        >>> day = dt.date(2026, 12, 31)
        >>> ok = Approval("李副总", Role.VP_IN_CHARGE, EXIT, day)
        >>> exit_big_customer(
        ...     CustomerCategory.BIG, GradingPolicy(), on=day, still_qualifies=False, approval=ok
        ... ).in_force
        <CustomerCategory.ORDINARY: 'ordinary'>
    """
    if not isinstance(category, CustomerCategory):
        raise InputError("category", category, "a CustomerCategory (BIG or ORDINARY)")
    book = grading_policy(policy)
    day = require_date(on, "on")
    in_force(book, day)
    if not isinstance(still_qualifies, bool):
        raise InputError("still_qualifies", still_qualifies, "True or False")
    given = _check_approval(approval)
    p = book.regrading
    exits = category is CustomerCategory.BIG and not still_qualifies
    return ExitResult(
        category=category,
        still_qualifies=still_qualifies,
        exits=exits,
        effective=exits and _approved(given, p.exit_approving_roles, ApprovalMatter.EXIT, day),
        approval=given,
        on=day,
        policy=p,
        policy_version=book.version,
        policy_effective=book.effective,
    )


@attrs.frozen
class RulesReview:
    """G6: the yearly review of the grading rules themselves.

    Attributes:
        effective: the day the rules (or their last approved review) took effect.
        on: the day asked about.
        due: the first year-end review strictly after ``effective``.
        approved: whether an approval for :data:`RULES_REVIEW` by a rules-approving role, signed
            after ``effective``, holds on ``on``.
        overdue: ``on`` is past ``due`` and the review is not approved.
        approval: the approval given, if any.
        policy: the re-grading policy used.
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> r = rules_review_due(dt.date(2026, 1, 1), GradingPolicy(), on=dt.date(2027, 1, 1))
        >>> r.due, r.overdue
        (datetime.date(2026, 12, 31), True)
    """

    effective: dt.date
    on: dt.date
    due: dt.date
    approved: bool
    overdue: bool
    approval: Approval | None
    policy: RegradingPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """G6 reasons: when the review is due (``G6.rules.due``), whether it is pending or
        overdue (``G6.rules.pending``/``overdue``, left out once approved), and the approval's
        state (``G6.approval.*``)."""
        p = self.policy
        head = Reason.of(
            "G6",
            GradingReason.G6_RULES_DUE,
            effective=self.effective,
            due=self.due,
            preparer=p.rules_preparing_role,
            roles=in_rank_order(p.rules_approving_roles),
        )
        status = _approval_reason(
            self.approval,
            p.rules_approving_roles,
            ApprovalMatter.RULES_REVIEW,
            self.on,
            signed_after=self.effective,
        )
        if self.approved:
            return (head, status)
        code = GradingReason.G6_RULES_OVERDUE if self.overdue else GradingReason.G6_RULES_PENDING
        return (head, Reason.of("G6", code, due=self.due, on=self.on), status)


def rules_review_due(
    effective: dt.date,
    policy: GradingPolicy,
    *,
    on: dt.date,
    approval: Approval | None = None,
) -> RulesReview:
    """G6: the grading rules are re-examined yearly — when the review is due and if it is overdue.

    "修订此办法每年末由业务部经理提交主管副总经理重审" [seed]: the review is due at the first
    year end (``policy.regrading.review_month``/``review_day``) strictly after ``effective``; it
    is done with an approval for :data:`RULES_REVIEW` by one of ``rules_approving_roles``, signed
    after ``effective`` and holding on ``on``. After an approved review, pass its date as the new
    ``effective`` to get the following year's due date.

    Args:
        effective: the day the rules (or their last approved review) took effect.
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day asked about.
        approval: the VP's approval of the review, if any.

    Dates are accepted from 1900-01-01 to 2999-12-31.

    Returns:
        The due date, whether the review is approved or overdue, and reasons citing G6.

    Raises:
        InputError: naming the argument, for an ``effective`` or ``on`` that is not a date in
            the supported range, a ``policy`` that is not a GradingPolicy, or an ``approval``
            that is not an Approval.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> rules_review_due(dt.date(2026, 1, 1), GradingPolicy(), on=dt.date(2026, 12, 31)).overdue
        False
    """
    start = require_date(effective, "effective")
    book = grading_policy(policy)
    day = require_date(on, "on")
    in_force(book, day)
    given = _check_approval(approval)
    p = book.regrading
    due = _next_review(p, start, after=True)
    approved = _approved(
        given, p.rules_approving_roles, ApprovalMatter.RULES_REVIEW, day, signed_after=start
    )
    return RulesReview(
        effective=start,
        on=day,
        due=due,
        approved=approved,
        overdue=not approved and day > due,
        approval=given,
        policy=p,
        policy_version=book.version,
        policy_effective=book.effective,
    )
