"""G6 — yearly re-grading, the yearly review of the grading rules, and the big-customer exit.

Sources: seed 003 §客户管理办法 6.1.2-3 ("客户评级应每年末由业务部经理及相关业务人员进行重审,
交由主管副总经理审批"; "修订此办法每年末由业务部经理提交主管副总经理重审") and
§集团公司大客户管理制度 (2nd) 第六章 大客户退出.

Every decision here needs a sign-off: a re-grading, an exit or a rules review takes effect only
with an :class:`~customer_rules.roles.Approval` by an approving role, for the matching ``what``
(:data:`REGRADE`, :data:`EXIT`, :data:`RULES_REVIEW`), that holds on the day asked about.
Without one the result says the decision awaits approval — a business answer, not an exception.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from customer_rules._grading.model import CustomerCategory, Grade
from customer_rules._grading.reporting import _require_day
from customer_rules._labels import LabelledEnum, set_labels
from customer_rules._validation import (
    check_instance,
    check_int,
    check_roles,
    raise_if,
    roles_field,
)
from customer_rules.errors import InputError, Problem
from customer_rules.reasons import Reason, register_messages
from customer_rules.roles import (
    Approval,
    ApprovalStatus,
    Role,
    approval_status,
    in_rank_order,
)

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = [
    "EXIT",
    "REGRADE",
    "RULES_REVIEW",
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


class _Matter(LabelledEnum):
    """What an approval is for, with labels for rendering reasons."""

    REGRADE = REGRADE
    EXIT = EXIT
    RULES_REVIEW = RULES_REVIEW


set_labels(
    {
        _Matter.REGRADE: ("客户评级调整", "the re-grading"),
        _Matter.EXIT: ("退出大客户", "the exit from big-customer status"),
        _Matter.RULES_REVIEW: ("评级规则年度重审", "the yearly review of the grading rules"),
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

_VP = frozenset({Role.VP_IN_CHARGE})


@attrs.frozen
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

    Raises:
        PolicyError: listing every invalid field.

    Example:
        >>> RegradingPolicy().approving_roles
        frozenset({<Role.VP_IN_CHARGE: 'vp_in_charge'>})
        >>> RegradingPolicy(review_month=6, review_day=30).review_month
        6
    """

    review_month: int = 12
    review_day: int = 31
    approving_roles: frozenset[Role] = roles_field(_VP)
    preparing_role: Role = Role.SALES_MANAGER
    assisting_roles: frozenset[Role] = roles_field(frozenset({Role.SALESPERSON}))
    exit_approving_roles: frozenset[Role] = roles_field(_VP)
    rules_preparing_role: Role = Role.SALES_MANAGER
    rules_approving_roles: frozenset[Role] = roles_field(_VP)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_int(problems, "review_month", self.review_month, 1, 12)
        check_int(problems, "review_day", self.review_day, 1, 31)
        if not problems:
            try:
                dt.date(2001, self.review_month, self.review_day)
            except ValueError:
                problems.append(
                    Problem(
                        "review_day",
                        f"expected a day that exists in month {self.review_month} every year,"
                        f" got {self.review_day}",
                    )
                )
        for name in (
            "approving_roles",
            "assisting_roles",
            "exit_approving_roles",
            "rules_approving_roles",
        ):
            check_roles(problems, name, getattr(self, name), required=name != "assisting_roles")
        check_instance(problems, "preparing_role", self.preparing_role, Role)
        check_instance(problems, "rules_preparing_role", self.rules_preparing_role, Role)
        raise_if(problems)


def _next_review(p: RegradingPolicy, day: dt.date, *, after: bool) -> dt.date:
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
    matter: _Matter,
    on: dt.date,
    *,
    signed_after: dt.date | None = None,
) -> Reason:
    """Why ``approval`` does or does not make ``matter`` effective on ``on`` (G6)."""
    wanted = in_rank_order(roles)
    if approval is None:
        return Reason.of("G6", "G6.approval.missing", matter=matter, roles=wanted)
    status = approval_status(approval, roles, matter.value, on)
    if status is ApprovalStatus.WRONG_ROLE:
        return Reason.of("G6", "G6.approval.role", matter=matter, role=approval.role, roles=wanted)
    if status is ApprovalStatus.WRONG_SUBJECT:
        return Reason.of(
            "G6", "G6.approval.what", matter=matter, what=approval.what, expected=matter.value
        )
    if status is ApprovalStatus.NOT_IN_FORCE:
        return Reason.of(
            "G6",
            "G6.approval.expired",
            matter=matter,
            signed=approval.on,
            until=approval.valid_until,
            on=on,
        )
    if signed_after is not None and approval.on <= signed_after:
        return Reason.of(
            "G6", "G6.approval.stale", matter=matter, signed=approval.on, since=signed_after
        )
    return Reason.of(
        "G6",
        "G6.approval.granted",
        matter=matter,
        who=approval.who,
        role=approval.role,
        signed=approval.on,
        on=on,
    )


def _approved(
    approval: Approval | None,
    roles: frozenset[Role],
    matter: _Matter,
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
        effective: whether a valid approval by an approving role holds on ``on``; otherwise the
            change awaits approval and ``previous`` stays in force.
        approval: the approval given, if any.
        on: the day asked about.
        policy: the re-grading policy used.
        policy_version: the version of the policy book that decided.

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

    @property
    def in_force(self) -> Grade | None:
        """G6: the grade that applies on ``on`` — ``current`` once approved, else ``previous``."""
        return self.current if self.effective else self.previous

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """G6 reasons: who reviews and approves, the change from/to, and the approval's state."""
        p = self.policy
        return (
            Reason.of(
                "G6",
                "G6.review",
                month=p.review_month,
                day=p.review_day,
                preparer=p.preparing_role,
                assistants=in_rank_order(p.assisting_roles),
                roles=in_rank_order(p.approving_roles),
            ),
            Reason.of(
                "G6", f"G6.{self.change.value}", previous=self.previous, current=self.current
            ),
            _approval_reason(self.approval, p.approving_roles, _Matter.REGRADE, self.on),
        )


def _grade_change(previous: Grade | None, current: Grade) -> GradeChange:
    if previous is None:
        return GradeChange.NEW
    if current.rank > previous.rank:
        return GradeChange.UPGRADE
    if current.rank < previous.rank:
        return GradeChange.DOWNGRADE
    return GradeChange.UNCHANGED


def regrade(
    previous: Grade | None,
    current: Grade,
    policy: GradingPolicy,
    *,
    on: dt.date,
    approval: Approval | None = None,
) -> RegradeResult:
    """G6: compare a customer's grade before and after the yearly review.

    "客户评级应每年末由业务部经理及相关业务人员进行重审,交由主管副总经理审批" [seed]: the
    outcome takes effect only with an :class:`~customer_rules.roles.Approval` for
    :data:`REGRADE` by one of ``policy.regrading.approving_roles`` that holds on ``on``; without
    one the result says the re-grading awaits approval and the previous grade stays in force.
    The approval is matched on ``what`` exactly; a host signing per customer keeps that link.

    Args:
        previous: the grade before the review, ``None`` for a customer never graded.
        current: the grade the review arrived at (e.g. the G2 scorecard's grade).
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day asked about.
        approval: the VP's approval, if any.

    Returns:
        The change (by :attr:`Grade.rank`), whether it is effective, and reasons citing G6.

    Raises:
        InputError: for a ``previous`` that is neither a Grade nor ``None``, a non-Grade
            ``current``, a non-date ``on``, or an ``approval`` that is not an Approval.

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
    day = _require_day(on, "on")
    given = _check_approval(approval)
    p = policy.regrading
    return RegradeResult(
        previous=previous,
        current=current,
        change=_grade_change(previous, current),
        effective=_approved(given, p.approving_roles, _Matter.REGRADE, day),
        approval=given,
        on=day,
        policy=p,
        policy_version=policy.version,
    )


def next_regrade_review(policy: GradingPolicy, *, on: dt.date) -> dt.date:
    """G6: the next yearly re-grading review (每年末), on or after ``on``.

    Args:
        policy: the grading policy (``GradingPolicy()`` is the seed: 31 December).
        on: the day to look from.

    Returns:
        The review date: ``on`` itself when it is a review day.

    Raises:
        InputError: if ``on`` is not a date.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> next_regrade_review(GradingPolicy(), on=dt.date(2027, 1, 1))
        datetime.date(2027, 12, 31)
    """
    return _next_review(policy.regrading, _require_day(on, "on"), after=False)


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

    @property
    def in_force(self) -> CustomerCategory:
        """G6: the category that applies on ``on`` — ordinary once an exit is approved."""
        return CustomerCategory.ORDINARY if self.effective else self.category

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """G6 exit reasons: why the customer does or does not exit, and the approval's state."""
        if self.category is not CustomerCategory.BIG:
            return (Reason.of("G6", "G6.exit.not_big", category=self.category),)
        if self.still_qualifies:
            return (Reason.of("G6", "G6.exit.qualifies", category=self.category),)
        roles = self.policy.exit_approving_roles
        return (
            Reason.of(
                "G6",
                "G6.exit",
                category=self.category,
                to=CustomerCategory.ORDINARY,
                change=GradeChange.DOWNGRADE,
            ),
            _approval_reason(self.approval, roles, _Matter.EXIT, self.on),
            Reason.of("G6", "G6.exit.care", roles=in_rank_order(roles)),
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
        on: the day asked about.
        still_qualifies: whether the customer still meets the big-customer criteria.
        approval: the approval of the exit, if any.

    Returns:
        Whether the customer exits, whether that is effective, and reasons citing G6.

    Raises:
        InputError: for a non-CustomerCategory ``category``, a non-date ``on``, a non-bool
            ``still_qualifies``, or an ``approval`` that is not an Approval.

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
    day = _require_day(on, "on")
    if not isinstance(still_qualifies, bool):
        raise InputError("still_qualifies", still_qualifies, "True or False")
    given = _check_approval(approval)
    p = policy.regrading
    exits = category is CustomerCategory.BIG and not still_qualifies
    return ExitResult(
        category=category,
        still_qualifies=still_qualifies,
        exits=exits,
        effective=exits and _approved(given, p.exit_approving_roles, _Matter.EXIT, day),
        approval=given,
        on=day,
        policy=p,
        policy_version=policy.version,
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

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """G6 reasons: when the review is due, and whether it is approved, pending or overdue."""
        p = self.policy
        head = Reason.of(
            "G6",
            "G6.rules.due",
            effective=self.effective,
            due=self.due,
            preparer=p.rules_preparing_role,
            roles=in_rank_order(p.rules_approving_roles),
        )
        status = _approval_reason(
            self.approval,
            p.rules_approving_roles,
            _Matter.RULES_REVIEW,
            self.on,
            signed_after=self.effective,
        )
        if self.approved:
            return (head, status)
        if self.overdue:
            return (head, Reason.of("G6", "G6.rules.overdue", due=self.due, on=self.on), status)
        return (head, Reason.of("G6", "G6.rules.pending", due=self.due, on=self.on), status)


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

    Returns:
        The due date, whether the review is approved or overdue, and reasons citing G6.

    Raises:
        InputError: for a non-date ``effective`` or ``on``, or an ``approval`` that is not an
            Approval.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> rules_review_due(dt.date(2026, 1, 1), GradingPolicy(), on=dt.date(2026, 12, 31)).overdue
        False
    """
    start = _require_day(effective, "effective")
    day = _require_day(on, "on")
    given = _check_approval(approval)
    p = policy.regrading
    due = _next_review(p, start, after=True)
    approved = _approved(
        given, p.rules_approving_roles, _Matter.RULES_REVIEW, day, signed_after=start
    )
    return RulesReview(
        effective=start,
        on=day,
        due=due,
        approved=approved,
        overdue=not approved and day > due,
        approval=given,
        policy=p,
        policy_version=policy.version,
    )


register_messages(
    {
        "G6.review": (
            "客户评级每年 {month} 月 {day} 日由{preparer}会同{assistants}重审,交{roles}审批",
            "grades are re-examined each year on {month}/{day} by the {preparer} with the"
            " {assistants} and approved by the {roles}",
        ),
        "G6.upgrade": (
            "年度重审:等级由 {previous} 调升为 {current}",
            "yearly review: upgrade from {previous} to {current}",
        ),
        "G6.downgrade": (
            "年度重审:等级由 {previous} 调降为 {current}",
            "yearly review: downgrade from {previous} to {current}",
        ),
        "G6.unchanged": (
            "年度重审:等级维持 {current}(原为 {previous})",
            "yearly review: unchanged at {current} (was {previous})",
        ),
        "G6.new": (
            "年度重审:首次评级为 {current}(此前无等级)",
            "yearly review: first grade {current} (no previous grade)",
        ),
        "G6.approval.granted": (
            "{matter}已由{role} {who} 于 {signed} 批准,在 {on} 有效,生效",
            "{matter} was approved by {who} ({role}) on {signed}, holding on {on}: effective",
        ),
        "G6.approval.missing": (
            "{matter}尚未经{roles}审批,暂不生效(待审批)",
            "{matter} awaits approval by the {roles}: not yet effective",
        ),
        "G6.approval.role": (
            "{matter}由{role}审批,无权审批(需:{roles}),暂不生效(待审批)",
            "{matter} was approved by a {role}, who may not approve it (needs: {roles}):"
            " not yet effective",
        ),
        "G6.approval.what": (
            "所附审批事项为“{what}”,不是{matter}(“{expected}”),暂不生效(待审批)",
            "the approval given is for '{what}', not {matter} ('{expected}'): not yet effective",
        ),
        "G6.approval.expired": (
            "{matter}的审批({signed} 签,有效至 {until})在 {on} 无效,暂不生效(待审批)",
            "the approval of {matter} signed {signed}, valid until {until}, does not hold on"
            " {on}: not yet effective",
        ),
        "G6.approval.stale": (
            "{matter}的审批于 {signed} 签署,不晚于规则生效日 {since},不属本次重审",
            "the approval of {matter} was signed {signed}, not after the rules took effect on"
            " {since}: it is not this year's review",
        ),
        "G6.exit": (
            "{category}已不再符合大客户条件,按退出机制退出为{to}({change})",
            "the {category} no longer qualifies and exits to {to} under the exit mechanism"
            " ({change})",
        ),
        "G6.exit.care": (
            "制度仅要求建立合理规范的退出机制并妥善处理与客户的关系、安抚客户情绪;"
            "审批角色({roles})为政策参数,默认沿用评级审批的主管副总经理(本库默认)",
            "the seed only requires an orderly exit mechanism and careful handling of the"
            " relationship; the approving roles ({roles}) are a policy parameter, by default the"
            " VP in charge who approves re-gradings (library default)",
        ),
        "G6.exit.not_big": (
            "{category}不是大客户,不适用大客户退出机制",
            "an {category} is not a big customer: the exit mechanism does not apply",
        ),
        "G6.exit.qualifies": (
            "{category}仍符合大客户条件,不退出",
            "the {category} still qualifies: no exit",
        ),
        "G6.rules.due": (
            "评级规则自 {effective} 起施行,每年末由{preparer}提交{roles}重审,本次截止 {due}",
            "the grading rules in force since {effective} are submitted by the {preparer} to"
            " the {roles} for review each year end: due {due}",
        ),
        "G6.rules.pending": (
            "截至 {on} 未到重审日 {due}",
            "on {on} the review due {due} is not yet due",
        ),
        "G6.rules.overdue": (
            "截至 {on} 已过重审日 {due} 仍未获批准:逾期",
            "on {on} the review due {due} is past without approval: overdue",
        ),
    }
)
