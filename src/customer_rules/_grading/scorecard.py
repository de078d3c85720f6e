"""G2 — the four-indicator scorecard (客户评分) and its what-if analysis."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from customer_rules._grading.model import ArrearsReading, Grade, StrategicInfluence
from customer_rules._labels import LabelledEnum, set_labels
from customer_rules._validation import (
    IS_BOOL,
    amount_field,
    check_ascending,
    check_descending,
    check_instance,
    check_int,
    check_roles,
    fact_check,
    number_field,
    raise_if,
    roles_field,
)
from customer_rules.errors import InputError, Problem
from customer_rules.money import parse_amount, parse_decimal
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
    "INFLUENCE_ASSESSMENT",
    "ContractAmountIndicator",
    "GradeCutoffs",
    "Indicator",
    "Lever",
    "PremiumIndicator",
    "ReceivablesIndicator",
    "ScorecardFacts",
    "ScorecardPolicy",
    "ScorecardResult",
    "WhatIf",
    "score",
]

INFLUENCE_ASSESSMENT = "G2.strategic_influence"
"""``Approval.what`` of an assessment of strategic influence (此条款需业务部经理以上领导评定)."""


class Indicator(LabelledEnum):
    """The four G2 indicators, in the seed's order."""

    CONTRACT_AMOUNT = "contract_amount"
    """(1) 提货金额:合同金额及回款."""
    RECEIVABLES = "receivables"
    """(2) 年底应收账款."""
    PREMIUM = "premium"
    """(3) 合同溢价程度."""
    STRATEGIC_INFLUENCE = "strategic_influence"
    """(4) 战略影响."""


set_labels(
    {
        Indicator.CONTRACT_AMOUNT: ("合同金额及回款", "contract amount"),
        Indicator.RECEIVABLES: ("年底应收账款", "receivables"),
        Indicator.PREMIUM: ("合同溢价", "premium"),
        Indicator.STRATEGIC_INFLUENCE: ("战略影响", "strategic influence"),
    }
)


@attrs.frozen
class ContractAmountIndicator:
    """G2 (1): contract amount of the period and collection (当年度合同金额 … 并及时回款).

    The seed leaves T1–T3 blank ("大于等于万元"); the defaults are taken from the big-customer
    examples of G3 (10,000,000 / 5,000,000 / 1,000,000 a year) [default].

    Attributes:
        four_points: T1 — amount at or above it, paid on time, scores 4.
        three_points: T2 — scores 3.
        two_points: T3 — scores 2; below T3 scores 1 whether paid on time [default] or not [seed].
        arrears: how a customer in arrears scores above T3 (``ONE_POINT`` [default] or
            ``LOWER_ONE_BAND``).
    """

    four_points: Decimal = amount_field(10_000_000)
    three_points: Decimal = amount_field(5_000_000)
    two_points: Decimal = amount_field(1_000_000)
    arrears: ArrearsReading = ArrearsReading.ONE_POINT

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_descending(
            problems,
            ("four_points", "three_points", "two_points"),
            (self.four_points, self.three_points, self.two_points),
        )
        check_instance(problems, "arrears", self.arrears, ArrearsReading)
        raise_if(problems)

    def band(self, amount: Decimal) -> int:
        """The points the amount earns when paid on time (4, 3, 2 or 1)."""
        if amount >= self.four_points:
            return 4
        if amount >= self.three_points:
            return 3
        if amount >= self.two_points:
            return 2
        return 1

    def points(self, amount: Decimal, paid_on_time: bool) -> int:
        """Points for the amount and the collection record."""
        band = self.band(amount)
        if paid_on_time or band == 1:
            return band
        if self.arrears is ArrearsReading.ONE_POINT:
            return 1
        return band - 1

    def threshold(self, band: int) -> Decimal | None:
        """The inclusive lower bound of a band (``None`` for band 1)."""
        return {4: self.four_points, 3: self.three_points, 2: self.two_points}.get(band)


@attrs.frozen
class ReceivablesIndicator:
    """G2 (2): year-end receivables (年底应收账款), lower is better.

    ≤ R1 → 4; > R1 and ≤ R2 → 3; > R2 and ≤ R3 → 2; > R3 → 1 [seed structure]. The seed leaves
    R1–R3 blank; the defaults are examples (500,000 / 1,000,000 / 2,000,000) [default].
    """

    four_points_max: Decimal = amount_field(500_000)
    three_points_max: Decimal = amount_field(1_000_000)
    two_points_max: Decimal = amount_field(2_000_000)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_ascending(
            problems,
            ("four_points_max", "three_points_max", "two_points_max"),
            (self.four_points_max, self.three_points_max, self.two_points_max),
        )
        raise_if(problems)

    def points(self, receivables: Decimal) -> int:
        """Points for the year-end receivables."""
        if receivables <= self.four_points_max:
            return 4
        if receivables <= self.three_points_max:
            return 3
        if receivables <= self.two_points_max:
            return 2
        return 1

    def threshold(self, points: int) -> Decimal | None:
        """The inclusive upper bound for ``points`` (``None`` for 1 point: no bound)."""
        return {4: self.four_points_max, 3: self.three_points_max, 2: self.two_points_max}.get(
            points
        )


@attrs.frozen
class PremiumIndicator:
    """G2 (3): contract price premium in percent (溢价高出 P%), strictly above each threshold.

    Above P1 → 4, above P2 → 3, above P3 → 2, above P4 → 1; at or below P4 → 0 points [default:
    the seed is silent]. P1–P4 are blank in the seed; defaults 15 / 10 / 5 / 0 % are examples.
    """

    four_points_above: Decimal = number_field(15)
    three_points_above: Decimal = number_field(10)
    two_points_above: Decimal = number_field(5)
    one_point_above: Decimal = number_field(0)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_descending(
            problems,
            ("four_points_above", "three_points_above", "two_points_above", "one_point_above"),
            (
                self.four_points_above,
                self.three_points_above,
                self.two_points_above,
                self.one_point_above,
            ),
        )
        raise_if(problems)

    def points(self, premium_pct: Decimal) -> int:
        """Points for the premium."""
        if premium_pct > self.four_points_above:
            return 4
        if premium_pct > self.three_points_above:
            return 3
        if premium_pct > self.two_points_above:
            return 2
        if premium_pct > self.one_point_above:
            return 1
        return 0

    def threshold(self, points: int) -> Decimal | None:
        """The exclusive lower bound for ``points`` (``None`` for 0 points)."""
        return {
            4: self.four_points_above,
            3: self.three_points_above,
            2: self.two_points_above,
            1: self.one_point_above,
        }.get(points)


@attrs.frozen
class GradeCutoffs:
    """G2 totals [seed]: ≥ 14 → A; 12–13 → B; 10–11 → C; below C → D [default]."""

    A: int = 14
    B: int = 12
    C: int = 10

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name in ("A", "B", "C"):
            check_int(problems, name, getattr(self, name), 0, 16)
        if not problems:
            check_descending(problems, ("A", "B", "C"), (self.A, self.B, self.C))
        raise_if(problems)

    def grade(self, total: int) -> Grade:
        """The grade of a total."""
        if total >= self.A:
            return Grade.A
        if total >= self.B:
            return Grade.B
        if total >= self.C:
            return Grade.C
        return Grade.D

    def cutoff(self, grade: Grade) -> int | None:
        """The minimum total of ``grade`` (``None`` for D)."""
        return {Grade.A: self.A, Grade.B: self.B, Grade.C: self.C}.get(grade)


_DEFAULT_ASSESSORS = frozenset(
    {
        Role.SALES_MANAGER,
        Role.MARKETING_DIRECTOR,
        Role.VP_IN_CHARGE,
        Role.GENERAL_MANAGER,
        Role.CHAIRMAN,
    }
)


@attrs.frozen
class ScorecardPolicy:
    """G2: the scorecard. Source: seed 003 §客户管理办法 6.1.1-3.

    Attributes:
        contract_amount: indicator (1).
        receivables: indicator (2).
        premium: indicator (3).
        influence_assessors: roles that may assess indicator (4) — "业务部经理以上": the
            business-department manager and every role above it [seed].
        total_cutoffs: totals for A, B and C.
    """

    contract_amount: ContractAmountIndicator = ContractAmountIndicator()
    receivables: ReceivablesIndicator = ReceivablesIndicator()
    premium: PremiumIndicator = PremiumIndicator()
    influence_assessors: frozenset[Role] = roles_field(_DEFAULT_ASSESSORS)
    total_cutoffs: GradeCutoffs = GradeCutoffs()

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_roles(problems, "influence_assessors", self.influence_assessors, required=True)
        raise_if(problems)


_IS_INFLUENCE = fact_check(
    StrategicInfluence, "a StrategicInfluence (LEADER, KEY, ORDINARY, SPORADIC)"
)
_IS_ASSESSMENT = fact_check(Approval, "an Approval or None", optional=True)


def _to_contract_amount(value: object) -> Decimal:
    return parse_amount(value, "contract_amount")


def _to_year_end_receivables(value: object) -> Decimal:
    return parse_amount(value, "year_end_receivables")


def _to_premium_pct(value: object) -> Decimal:
    return parse_decimal(value, "premium_pct")


@attrs.frozen
class ScorecardFacts:
    """What the host knows for the G2 scorecard of one customer.

    Attributes:
        contract_amount: contract amount of the period (the last 12 months by default; the
            period is the host's choice, see the docs) (当年度合同金额).
        paid_on_time: whether the customer paid on time (及时回款); ``False`` means in arrears.
        year_end_receivables: receivables at the year end (年底应收账款).
        premium_pct: contract price premium in percent (合同溢价), may be negative.
        strategic_influence: the judged level of indicator (4).
        influence_assessment: the sign-off of that judgement; without a valid one from an
            authorised role, indicator (4) scores 0 and the result says why.

    Raises:
        InputError: naming the field, for a negative or float amount, a non-bool
            ``paid_on_time``, an unknown influence level.
    """

    contract_amount: Decimal = attrs.field(converter=_to_contract_amount)
    paid_on_time: bool = attrs.field(validator=IS_BOOL)
    year_end_receivables: Decimal = attrs.field(converter=_to_year_end_receivables)
    premium_pct: Decimal = attrs.field(converter=_to_premium_pct)
    strategic_influence: StrategicInfluence = attrs.field(validator=_IS_INFLUENCE)
    influence_assessment: Approval | None = attrs.field(default=None, validator=_IS_ASSESSMENT)


@attrs.frozen
class Lever:
    """One way to close (part of) the gap to the next grade.

    Attributes:
        indicator: the indicator to move.
        gain: the points it would add.
        target: the value to reach: at least this contract amount; at most this receivable;
            a premium strictly above this percentage; ``None`` where the lever is not a number
            (collect the arrears, obtain a valid influence assessment).
        closes_gap: whether this lever alone reaches the next grade.
    """

    indicator: Indicator
    gain: int
    target: Decimal | None
    closes_gap: bool


@attrs.frozen
class WhatIf:
    """How far a customer is from the next grade and what would close the gap (G2).

    Attributes:
        next_grade: the next better grade, ``None`` at A.
        points_short: points missing to reach it (0 at A).
        levers: single-indicator moves, the smallest move that closes the gap where one exists,
            otherwise the largest gain the indicator allows; those that close the gap first.
    """

    next_grade: Grade | None
    points_short: int
    levers: tuple[Lever, ...]

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """G2 what-if lines, one per lever."""
        if self.next_grade is None:
            return (Reason.of("G2", "G2.whatif.top"),)
        head = Reason.of("G2", "G2.whatif", next=self.next_grade, short=self.points_short)
        lines = [head]
        for lever in self.levers:
            code = f"G2.lever.{lever.indicator.value}"
            if lever.target is None:
                code += ".act"
            lines.append(
                Reason.of("G2", code, gain=lever.gain, target=lever.target, closes=lever.closes_gap)
            )
        return tuple(lines)


@attrs.frozen
class ScorecardResult:
    """The G2 score of one customer.

    Attributes:
        facts: the facts scored.
        policy: the scorecard policy used.
        on: the day of the scoring.
        points: points per indicator, in :class:`Indicator` order.
        total: the sum of the points.
        grade: the grade of the total.
        policy_version: the version of the policy book that decided.

    ``reasons`` and ``what_if`` are computed on first access, so scoring millions of customers
    pays only for what it reads.
    """

    facts: ScorecardFacts
    policy: ScorecardPolicy
    on: dt.date
    points: tuple[int, int, int, int]
    total: int
    grade: Grade
    policy_version: str

    @property
    def influence_assessed(self) -> bool:
        """Whether indicator (4) had a valid assessment by an authorised role."""
        return self.points[3] > 0

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """G2 reasons: each indicator with the threshold it hit, then the total and grade."""
        f, p = self.facts, self.policy
        contract, receivables, premium, influence = self.points
        band = p.contract_amount.band(f.contract_amount)
        reasons = [
            Reason.of(
                "G2",
                "G2.contract" if f.paid_on_time else "G2.contract.arrears",
                amount=f.contract_amount,
                threshold=p.contract_amount.threshold(band),
                points=contract,
                reading=p.contract_amount.arrears,
            ),
            Reason.of(
                "G2",
                "G2.receivables",
                amount=f.year_end_receivables,
                threshold=p.receivables.threshold(receivables),
                points=receivables,
            ),
            Reason.of(
                "G2",
                "G2.premium",
                premium=f.premium_pct,
                threshold=p.premium.threshold(premium) if premium else p.premium.one_point_above,
                points=premium,
            ),
        ]
        assessment = f.influence_assessment
        if influence:
            assert assessment is not None
            reasons.append(
                Reason.of(
                    "G2",
                    "G2.influence",
                    level=f.strategic_influence,
                    who=assessment.who,
                    role=assessment.role,
                    points=influence,
                )
            )
        else:
            reasons.append(_unassessed_reason(assessment, p, self.on))
        cutoff = p.total_cutoffs.cutoff(self.grade)
        if cutoff is None:
            reasons.append(
                Reason.of(
                    "G2",
                    "G2.total.below",
                    total=self.total,
                    grade=self.grade,
                    lowest=p.total_cutoffs.C,
                )
            )
        else:
            reasons.append(
                Reason.of("G2", "G2.total", total=self.total, grade=self.grade, cutoff=cutoff)
            )
        return tuple(reasons)

    @functools.cached_property
    def what_if(self) -> WhatIf:
        """Points short of the next grade and the single-indicator moves that would close it."""
        return _what_if(self)


def score(facts: ScorecardFacts, policy: GradingPolicy, *, on: dt.date) -> ScorecardResult:
    """G2: score a customer on the four indicators and grade the total.

    Indicator (4) counts only with an :class:`~customer_rules.roles.Approval` for
    :data:`INFLUENCE_ASSESSMENT` by one of ``policy.scorecard.influence_assessors`` that holds on
    ``on``; otherwise it scores 0 and the reasons say why.

    Args:
        facts: the customer's scorecard facts.
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day of the scoring (the assessment must hold on it).

    Returns:
        Points per indicator, total and grade; reasons and what-if on demand.

    Raises:
        InputError: if ``on`` is not a date or ``facts`` not a :class:`ScorecardFacts`.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy, ScorecardFacts, StrategicInfluence
        >>> from customer_rules.roles import Approval, Role
        >>> day = dt.date(2026, 12, 31)
        >>> ok = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, day)
        >>> facts = ScorecardFacts("1200万", True, "30万", "16", StrategicInfluence.KEY, ok)
        >>> result = score(facts, GradingPolicy(), on=day)
        >>> result.points, result.total, result.grade
        ((4, 4, 4, 3), 15, <Grade.A: 'A'>)
    """
    if type(on) is not dt.date:
        raise InputError("on", on, "a datetime.date")
    if not isinstance(facts, ScorecardFacts):
        raise InputError("facts", facts, "ScorecardFacts")
    sc = policy.scorecard
    points = (
        sc.contract_amount.points(facts.contract_amount, facts.paid_on_time),
        sc.receivables.points(facts.year_end_receivables),
        sc.premium.points(facts.premium_pct),
        _influence_points(facts, sc, on),
    )
    total = points[0] + points[1] + points[2] + points[3]
    return ScorecardResult(
        facts, sc, on, points, total, sc.total_cutoffs.grade(total), policy.version
    )


def _influence_points(facts: ScorecardFacts, sc: ScorecardPolicy, on: dt.date) -> int:
    a = facts.influence_assessment
    if a is not None and a.grants(sc.influence_assessors, INFLUENCE_ASSESSMENT, on):
        return int(facts.strategic_influence.value)
    return 0


def _unassessed_reason(assessment: Approval | None, p: ScorecardPolicy, on: dt.date) -> Reason:
    roles = in_rank_order(p.influence_assessors)
    if assessment is None:
        return Reason.of("G2", "G2.influence.missing", roles=roles, points=0)
    status = approval_status(assessment, p.influence_assessors, INFLUENCE_ASSESSMENT, on)
    if status is ApprovalStatus.WRONG_ROLE:
        return Reason.of("G2", "G2.influence.role", role=assessment.role, roles=roles, points=0)
    if status is ApprovalStatus.WRONG_SUBJECT:
        return Reason.of("G2", "G2.influence.what", what=assessment.what, points=0)
    return Reason.of(
        "G2",
        "G2.influence.expired",
        on=on,
        signed=assessment.on,
        until=assessment.valid_until,
        points=0,
    )


def _what_if(result: ScorecardResult) -> WhatIf:
    cutoffs = result.policy.total_cutoffs
    if result.grade is Grade.A:
        return WhatIf(None, 0, ())
    next_grade = {Grade.B: Grade.A, Grade.C: Grade.B, Grade.D: Grade.C}[result.grade]
    short = (cutoffs.cutoff(next_grade) or 0) - result.total
    levers = [lever for lever in _levers(result, short) if lever.gain > 0]
    levers.sort(key=lambda lv: (not lv.closes_gap, -lv.gain if not lv.closes_gap else lv.gain))
    return WhatIf(next_grade, short, tuple(levers))


def _levers(result: ScorecardResult, short: int) -> list[Lever]:
    f, p = result.facts, result.policy
    contract, receivables, premium, influence = result.points
    levers: list[Lever] = []
    # (1) contract amount: raise the amount (paid on time), or collect the arrears first.
    if not f.paid_on_time:
        gain = p.contract_amount.band(f.contract_amount) - contract
        levers.append(Lever(Indicator.CONTRACT_AMOUNT, gain, None, gain >= short))
    best = _first_closing(short, contract, 4, p.contract_amount.threshold)
    if f.paid_on_time and best is not None:
        gain, target = best
        levers.append(Lever(Indicator.CONTRACT_AMOUNT, gain, target, gain >= short))
    best = _first_closing(short, receivables, 4, p.receivables.threshold)
    if best is not None:
        levers.append(Lever(Indicator.RECEIVABLES, best[0], best[1], best[0] >= short))
    best = _first_closing(short, premium, 4, p.premium.threshold)
    if best is not None:
        levers.append(Lever(Indicator.PREMIUM, best[0], best[1], best[0] >= short))
    if influence == 0:
        gain = int(f.strategic_influence.value)
        levers.append(Lever(Indicator.STRATEGIC_INFLUENCE, gain, None, gain >= short))
    return levers


def _first_closing(
    short: int, current: int, top: int, threshold: Callable[[int], Decimal | None]
) -> tuple[int, Decimal] | None:
    """The smallest level above ``current`` that closes ``short``, else the top level."""
    for level in range(current + 1, top + 1):
        if level - current >= short or level == top:
            target = threshold(level)
            return (level - current, target) if target is not None else None
    return None


register_messages(
    {
        "G2.contract": (
            "合同金额 {amount} 元,按时回款,达到 {threshold} 元档 → {points} 分",
            "contract amount {amount}, paid on time, reached the {threshold} band → {points} pt",
        ),
        "G2.contract.arrears": (
            "合同金额 {amount} 元,拖欠回款({reading})→ {points} 分",
            "contract amount {amount}, in arrears ({reading}) → {points} pt",
        ),
        "G2.receivables": (
            "年底应收账款 {amount} 元,不超过 {threshold} 元 → {points} 分",
            "year-end receivables {amount}, within {threshold} → {points} pt",
        ),
        "G2.premium": (
            "合同溢价 {premium}%,相对界限 {threshold}% → {points} 分",
            "contract premium {premium}% against the {threshold}% line → {points} pt",
        ),
        "G2.influence": (
            "战略影响:{level},由{role} {who} 评定 → {points} 分",
            "strategic influence: {level}, assessed by {who} ({role}) → {points} pt",
        ),
        "G2.influence.missing": (
            "战略影响未经评定(需业务部经理以上领导:{roles})→ 0 分",
            "strategic influence not assessed (needs one of: {roles}) → 0 pt",
        ),
        "G2.influence.role": (
            "战略影响由{role}评定,无权评定(需:{roles})→ 0 分",
            "strategic influence assessed by a {role}, not authorised (needs: {roles}) → 0 pt",
        ),
        "G2.influence.what": (
            "所附审批事项为“{what}”,不是战略影响评定 → 0 分",
            "the approval given is for '{what}', not the influence assessment → 0 pt",
        ),
        "G2.influence.expired": (
            "战略影响评定({signed} 签,有效至 {until})在 {on} 无效 → 0 分",
            "influence assessment signed {signed}, valid until {until}, does not hold on {on}"
            " → 0 pt",
        ),
        "G2.total": (
            "四项合计 {total} 分,评为 {grade}(下限 {cutoff} 分)",
            "total {total} points: grade {grade} (from {cutoff} points)",
        ),
        "G2.total.below": (
            "四项合计 {total} 分,低于C级下限 {lowest} 分,评为 {grade}(本库默认)",
            "total {total} points, below the C line of {lowest}: grade {grade} (library default)",
        ),
        "G2.whatif.top": ("已是最高等级 A", "already at the top grade A"),
        "G2.whatif": (
            "距 {next} 还差 {short} 分",
            "{short} point(s) short of {next}",
        ),
        "G2.lever.contract_amount": (
            "合同金额达到 {target} 元(按时回款)可增 {gain} 分;单项可补足:{closes}",
            "contract amount of at least {target} (paid on time) adds {gain} pt;"
            " closes the gap alone: {closes}",
        ),
        "G2.lever.contract_amount.act": (
            "清收拖欠回款可增 {gain} 分;单项可补足:{closes}",
            "collecting the arrears adds {gain} pt; closes the gap alone: {closes}",
        ),
        "G2.lever.receivables": (
            "年底应收账款降至 {target} 元以内可增 {gain} 分;单项可补足:{closes}",
            "year-end receivables of at most {target} add {gain} pt;"
            " closes the gap alone: {closes}",
        ),
        "G2.lever.premium": (
            "合同溢价高于 {target}% 可增 {gain} 分;单项可补足:{closes}",
            "a premium above {target}% adds {gain} pt; closes the gap alone: {closes}",
        ),
        "G2.lever.strategic_influence.act": (
            "由业务部经理以上领导评定战略影响可增 {gain} 分;单项可补足:{closes}",
            "a valid influence assessment by a manager or above adds {gain} pt;"
            " closes the gap alone: {closes}",
        ),
    }
)
