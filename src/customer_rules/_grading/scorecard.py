"""G2 — the four-indicator scorecard (客户评分) and its what-if analysis."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._bounded import keep
from customer_rules._frozen import quick_init
from customer_rules._grading.checks import grading_policy, in_force
from customer_rules._grading.codes import GradingReason
from customer_rules._grading.model import ArrearsReading, Grade, StrategicInfluence
from customer_rules._validation import IS_BOOL, fact_check
from customer_rules.dates import EARLIEST, LATEST, require_date
from customer_rules.errors import InputError
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount, parse_decimal
from customer_rules.reasons import Reason
from customer_rules.roles import (
    Approval,
    ApprovalStatus,
    Role,
    approval_status,
    in_rank_order,
)
from customer_rules.settings import Mark, Unit, ascending, descending, policy, setting

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = [
    "INFLUENCE_ASSESSMENT",
    "ContractAmountIndicator",
    "ContractPeriod",
    "ContractWindow",
    "GradeCutoffs",
    "Indicator",
    "Lever",
    "PremiumIndicator",
    "ReceivablesIndicator",
    "ScorecardFacts",
    "ScorecardPolicy",
    "ScorecardResult",
    "WhatIf",
    "contract_window",
    "score",
]

INFLUENCE_ASSESSMENT = "G2.strategic_influence"
"""``Approval.what`` of an assessment of strategic influence (此条款需业务部经理以上领导评定)."""

_G2 = "G2; 003 §客户管理办法 6.1.1-3"


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


class ContractPeriod(LabelledEnum):
    """G2 (1): the period whose contract amount is scored (the catalogue's G2 ambiguity).

    The seed's heading says "过去年一年或半年度实际合同金额" (the past year), its rows
    "当年度合同金额" (the current year); :func:`contract_window` gives the days of either.
    """

    LAST_12_MONTHS = "last_12_months"
    """最近12个月 — the twelve months ending on the day of the scoring, the heading's "过去一年"
    [default]."""
    FISCAL_YEAR = "fiscal_year"
    """当年度 — the current fiscal year, from its first day to the day of the scoring, the rows'
    "当年度"."""


set_labels(
    {
        ContractPeriod.LAST_12_MONTHS: ("最近12个月", "the last 12 months"),
        ContractPeriod.FISCAL_YEAR: ("当年度(财年)", "the current fiscal year"),
    }
)


def _points_arg(value: object, name: str) -> int:
    """An indicator's points or a total given to a public method: an int (not a bool)."""
    if type(value) is not int:
        raise InputError(name, value, "an integer (points)")
    return value


@policy(checks=[descending("four_points", "three_points", "two_points")])
class ContractAmountIndicator:
    """G2 (1): contract amount of the period and collection (当年度合同金额 … 并及时回款).

    The seed leaves T1–T3 blank ("大于等于万元"); the defaults are taken from the big-customer
    examples of G3 (10,000,000 / 5,000,000 / 1,000,000 a year) [default].

    Attributes:
        four_points: T1 — amount at or above it, paid on time, scores 4 [default: 10,000,000].
        three_points: T2 — scores 3 [default: 5,000,000].
        two_points: T3 — scores 2; below T3 scores 1 whether paid on time [default] or not [seed]
            [default: 1,000,000].
        arrears: how a customer in arrears scores above T3 (``ONE_POINT`` [default] or
            ``LOWER_ONE_BAND``).
    """

    four_points: Decimal = setting(
        default=Decimal(10_000_000), unit=Unit.YUAN, source=_G2, mark=Mark.DEFAULT
    )
    three_points: Decimal = setting(
        default=Decimal(5_000_000), unit=Unit.YUAN, source=_G2, mark=Mark.DEFAULT
    )
    two_points: Decimal = setting(
        default=Decimal(1_000_000), unit=Unit.YUAN, source=_G2, mark=Mark.DEFAULT
    )
    arrears: ArrearsReading = setting(
        default=ArrearsReading.ONE_POINT, unit=Unit.CHOICE, source=_G2, mark=Mark.DEFAULT
    )

    def band(self, amount: Decimal | int | str) -> int:
        """The points the amount earns when paid on time (4, 3, 2 or 1).

        Raises:
            InputError: naming ``amount`` for what :func:`~customer_rules.money.parse_amount`
                refuses.
        """
        return self._band(parse_amount(amount))  # parse_amount names ``amount`` by default

    def points(self, amount: Decimal | int | str, paid_on_time: bool) -> int:
        """Points for the amount and the collection record.

        Raises:
            InputError: naming ``amount`` as :meth:`band`, or ``paid_on_time`` unless a bool.
        """
        value = parse_amount(amount)  # names ``amount`` by default
        if type(paid_on_time) is not bool:
            raise InputError("paid_on_time", paid_on_time, "True or False")
        return self._points(value, paid_on_time)

    def threshold(self, band: int) -> Decimal | None:
        """The inclusive lower bound of a band (``None`` for band 1 and any other number).

        Raises:
            InputError: naming ``band`` unless an int.
        """
        return self._threshold(_points_arg(band, "band"))

    def _threshold(self, band: int) -> Decimal | None:
        if band == 4:
            return self.four_points
        if band == 3:
            return self.three_points
        if band == 2:
            return self.two_points
        return None

    def _band(self, amount: Decimal) -> int:
        if amount >= self.four_points:
            return 4
        if amount >= self.three_points:
            return 3
        if amount >= self.two_points:
            return 2
        return 1

    def _points(self, amount: Decimal, paid_on_time: bool) -> int:
        band = self._band(amount)
        if paid_on_time or band == 1:
            return band
        if self.arrears is ArrearsReading.ONE_POINT:
            return 1
        return band - 1


@policy(checks=[ascending("four_points_max", "three_points_max", "two_points_max")])
class ReceivablesIndicator:
    """G2 (2): year-end receivables (年底应收账款), lower is better.

    ≤ R1 → 4; > R1 and ≤ R2 → 3; > R2 and ≤ R3 → 2; > R3 → 1 [seed structure]. The seed leaves
    R1–R3 blank; the defaults are examples (500,000 / 1,000,000 / 2,000,000) [default].

    Attributes:
        four_points_max: R1 — receivables at or below it score 4 [default: 500,000].
        three_points_max: R2 — score 3 [default: 1,000,000].
        two_points_max: R3 — score 2; above it score 1 [default: 2,000,000].
    """

    four_points_max: Decimal = setting(
        default=Decimal(500_000), unit=Unit.YUAN, source=_G2, mark=Mark.DEFAULT
    )
    three_points_max: Decimal = setting(
        default=Decimal(1_000_000), unit=Unit.YUAN, source=_G2, mark=Mark.DEFAULT
    )
    two_points_max: Decimal = setting(
        default=Decimal(2_000_000), unit=Unit.YUAN, source=_G2, mark=Mark.DEFAULT
    )

    def points(self, receivables: Decimal | int | str) -> int:
        """Points for the year-end receivables.

        Raises:
            InputError: naming ``receivables`` for what
                :func:`~customer_rules.money.parse_amount` refuses.
        """
        return self._points(parse_amount(receivables, "receivables"))

    def threshold(self, points: int) -> Decimal | None:
        """The inclusive upper bound for ``points`` (``None`` for 1 point: no bound).

        Raises:
            InputError: naming ``points`` unless an int.
        """
        return self._threshold(_points_arg(points, "points"))

    def _threshold(self, points: int) -> Decimal | None:
        if points == 4:
            return self.four_points_max
        if points == 3:
            return self.three_points_max
        if points == 2:
            return self.two_points_max
        return None

    def _points(self, receivables: Decimal) -> int:
        if receivables <= self.four_points_max:
            return 4
        if receivables <= self.three_points_max:
            return 3
        if receivables <= self.two_points_max:
            return 2
        return 1


@policy(
    checks=[
        descending("four_points_above", "three_points_above", "two_points_above", "one_point_above")
    ]
)
class PremiumIndicator:
    """G2 (3): contract price premium in percent (溢价高出 P%), strictly above each threshold.

    Above P1 → 4, above P2 → 3, above P3 → 2, above P4 → 1; at or below P4 → 0 points [default:
    the seed is silent]. P1–P4 are blank in the seed; defaults 15 / 10 / 5 / 0 % are examples.
    A threshold may be negative (a discount), down to -100 %.

    Attributes:
        four_points_above: P1 — a premium strictly above it scores 4 [default: 15].
        three_points_above: P2 — scores 3 [default: 10].
        two_points_above: P3 — scores 2 [default: 5].
        one_point_above: P4 — scores 1; at or below it scores 0 [default: 0].
    """

    four_points_above: Decimal = setting(
        default=Decimal(15), unit=Unit.PERCENT, source=_G2, mark=Mark.DEFAULT, low="-100"
    )
    three_points_above: Decimal = setting(
        default=Decimal(10), unit=Unit.PERCENT, source=_G2, mark=Mark.DEFAULT, low="-100"
    )
    two_points_above: Decimal = setting(
        default=Decimal(5), unit=Unit.PERCENT, source=_G2, mark=Mark.DEFAULT, low="-100"
    )
    one_point_above: Decimal = setting(
        default=Decimal(0), unit=Unit.PERCENT, source=_G2, mark=Mark.DEFAULT, low="-100"
    )

    def points(self, premium_pct: Decimal | int | str) -> int:
        """Points for the premium.

        Raises:
            InputError: naming ``premium_pct`` for what
                :func:`~customer_rules.money.parse_decimal` refuses.
        """
        return self._points(parse_decimal(premium_pct, "premium_pct"))

    def threshold(self, points: int) -> Decimal | None:
        """The exclusive lower bound for ``points`` (``None`` for 0 points).

        Raises:
            InputError: naming ``points`` unless an int.
        """
        return self._threshold(_points_arg(points, "points"))

    def _threshold(self, points: int) -> Decimal | None:
        if points == 4:
            return self.four_points_above
        if points == 3:
            return self.three_points_above
        if points == 2:
            return self.two_points_above
        if points == 1:
            return self.one_point_above
        return None

    def _points(self, premium_pct: Decimal) -> int:
        if premium_pct > self.four_points_above:
            return 4
        if premium_pct > self.three_points_above:
            return 3
        if premium_pct > self.two_points_above:
            return 2
        if premium_pct > self.one_point_above:
            return 1
        return 0


@policy(checks=[descending("A", "B", "C")])
class GradeCutoffs:
    """G2 totals [seed]: ≥ 14 → A; 12–13 → B; 10–11 → C; below C → D [default].

    Attributes:
        A: the lowest total graded A (重要客户) [seed: 14].
        B: the lowest total graded B (较重要客户) [seed: 12].
        C: the lowest total graded C (一般性客户) [seed: 10]; below it is D [default: the seed
            is silent].
    """

    A: int = setting(default=14, unit=Unit.POINTS, source=_G2, high=16)
    B: int = setting(default=12, unit=Unit.POINTS, source=_G2, high=16)
    C: int = setting(default=10, unit=Unit.POINTS, source=_G2, high=16)

    def grade(self, total: int) -> Grade:
        """The grade of a total.

        Raises:
            InputError: naming ``total`` unless an int.
        """
        return self._grade(_points_arg(total, "total"))

    def cutoff(self, grade: Grade) -> int | None:
        """The minimum total of ``grade`` (``None`` for D).

        Raises:
            InputError: naming ``grade`` unless a :class:`Grade`.
        """
        if type(grade) is not Grade:
            raise InputError("grade", grade, "a Grade (A, B, C or D)")
        if grade is _A:
            return self.A
        if grade is _B:
            return self.B
        return self.C if grade is _C else None

    def _grade(self, total: int) -> Grade:
        if total >= self.A:
            return _A
        if total >= self.B:
            return _B
        if total >= self.C:
            return _C
        return _D


_A, _B, _C, _D = Grade.A, Grade.B, Grade.C, Grade.D
"""The grades, read once: a member read through its enum class costs a lookup each time."""


_DEFAULT_ASSESSORS = frozenset(
    {
        Role.SALES_MANAGER,
        Role.MARKETING_DIRECTOR,
        Role.VP_IN_CHARGE,
        Role.GENERAL_MANAGER,
        Role.CHAIRMAN,
    }
)


@policy
class ScorecardPolicy:
    """G2: the scorecard. Source: seed 003 §客户管理办法 6.1.1-3.

    Attributes:
        contract_amount: indicator (1).
        receivables: indicator (2).
        premium: indicator (3).
        influence_assessors: roles that may assess indicator (4) — "业务部经理以上": the
            business-department manager and every role above it [seed]; at least one.
        total_cutoffs: totals for A, B and C.
        period: the period whose contract amount indicator (1) scores —
            ``LAST_12_MONTHS``, the heading's "过去一年" [default], or ``FISCAL_YEAR``, the rows'
            "当年度"; :func:`contract_window` gives its first and last day.
        fiscal_year_start_month: the month (1–12) the fiscal year starts on, its 1st day; read
            only with ``period = FISCAL_YEAR`` [default: 1, January — the Chinese fiscal year is
            the calendar year].
    """

    contract_amount: ContractAmountIndicator = setting(
        default=ContractAmountIndicator(), unit=Unit.TABLE, source=_G2
    )
    receivables: ReceivablesIndicator = setting(
        default=ReceivablesIndicator(), unit=Unit.TABLE, source=_G2
    )
    premium: PremiumIndicator = setting(default=PremiumIndicator(), unit=Unit.TABLE, source=_G2)
    influence_assessors: frozenset[Role] = setting(
        default=_DEFAULT_ASSESSORS, unit=Unit.ROLES, source=_G2, min_items=1
    )
    total_cutoffs: GradeCutoffs = setting(default=GradeCutoffs(), unit=Unit.TABLE, source=_G2)
    period: ContractPeriod = setting(
        default=ContractPeriod.LAST_12_MONTHS, unit=Unit.CHOICE, source=_G2, mark=Mark.DEFAULT
    )
    fiscal_year_start_month: int = setting(
        default=1, unit=Unit.MONTH_OF_YEAR, source=_G2, mark=Mark.DEFAULT, low=1, high=12
    )


_IS_INFLUENCE = fact_check(
    StrategicInfluence, "a StrategicInfluence (LEADER, KEY, ORDINARY, SPORADIC)"
)
_IS_ASSESSMENT = fact_check(Approval, "an Approval or None", optional=True)


def _to_contract_amount(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "contract_amount")


def _to_year_end_receivables(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "year_end_receivables")


def _to_premium_pct(value: Decimal | int | str) -> Decimal:
    return parse_decimal(value, "premium_pct")


@attrs.frozen
class ScorecardFacts:
    """What the host knows for the G2 scorecard of one customer.

    Attributes:
        contract_amount: contract amount of the period (当年度合同金额): the contracts dated from
            ``contract_window(policy, on=day).start`` to its ``end``, both included — the last
            12 months by default, the current fiscal year with ``period = FISCAL_YEAR``.
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


_LEVER_CODES = {
    (Indicator.CONTRACT_AMOUNT, True): GradingReason.G2_LEVER_CONTRACT_AMOUNT,
    (Indicator.CONTRACT_AMOUNT, False): GradingReason.G2_LEVER_CONTRACT_AMOUNT_ACT,
    (Indicator.RECEIVABLES, True): GradingReason.G2_LEVER_RECEIVABLES,
    (Indicator.PREMIUM, True): GradingReason.G2_LEVER_PREMIUM,
    (Indicator.STRATEGIC_INFLUENCE, False): GradingReason.G2_LEVER_STRATEGIC_INFLUENCE_ACT,
}
"""The reason code of a lever, by its indicator and whether it has a numeric target."""


def _check_lever(instance: Lever, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator of ``Lever.target`` (after its type): a number exactly where the indicator
    has one."""
    if (instance.indicator, value is not None) not in _LEVER_CODES:
        if value is None:
            raise InputError("target", None, f"a Decimal target for {instance.indicator.name}")
        raise InputError("target", value, f"None for {instance.indicator.name} (not a number)")


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

    Raises:
        InputError: naming the field, for a value of the wrong type, or a ``target`` that is
            ``None`` for receivables or premium, or a number for strategic influence.
    """

    indicator: Indicator = attrs.field(validator=fact_check(Indicator, "an Indicator"))
    gain: int = attrs.field(validator=fact_check(int, "an integer (points)"))
    target: Decimal | None = attrs.field(
        validator=[fact_check(Decimal, "a Decimal or None", optional=True), _check_lever]
    )
    closes_gap: bool = attrs.field(validator=IS_BOOL)


def _are_levers(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not tuple or not all(isinstance(lever, Lever) for lever in value):
        raise InputError(attribute.name, value, "a tuple of Lever")


@attrs.frozen
class WhatIf:
    """How far a customer is from the next grade and what would close the gap (G2).

    Attributes:
        next_grade: the next better grade, ``None`` at A.
        points_short: points missing to reach it (0 at A).
        levers: single-indicator moves, the smallest move that closes the gap where one exists,
            otherwise the largest gain the indicator allows; those that close the gap first.

    Raises:
        InputError: naming the field, for a value of the wrong type.
    """

    next_grade: Grade | None = attrs.field(
        validator=fact_check(Grade, "a Grade or None", optional=True)
    )
    points_short: int = attrs.field(validator=fact_check(int, "an integer (points)"))
    levers: tuple[Lever, ...] = attrs.field(validator=_are_levers)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """G2 what-if lines: the gap, then one line per lever (built once: customers alike
        share one what-if)."""
        return _what_if_reasons(self)


def _what_if_reasons(what_if: WhatIf) -> tuple[Reason, ...]:
    """:attr:`WhatIf.reasons` (a plain function, so that mutation testing reaches it)."""
    if what_if.next_grade is None:
        return (Reason.of("G2", GradingReason.G2_WHATIF_TOP),)
    head = Reason.of(
        "G2", GradingReason.G2_WHATIF, next=what_if.next_grade, short=what_if.points_short
    )
    lines = [head]
    for lever in what_if.levers:
        code = _LEVER_CODES[lever.indicator, lever.target is not None]
        lines.append(
            Reason.of("G2", code, gain=lever.gain, target=lever.target, closes=lever.closes_gap)
        )
    return tuple(lines)


_POSITION = {indicator: i for i, indicator in enumerate(Indicator)}


@quick_init(preset=("reasons",))
@attrs.frozen
class ScorecardResult:
    """The G2 score of one customer, as :func:`score` builds it.

    Attributes:
        facts: the facts scored.
        policy: the scorecard policy used.
        on: the day of the scoring.
        points: points per indicator, in :class:`Indicator` order.
        total: the sum of the points.
        grade: the grade of the total.
        policy_version: the version of the policy book that decided.

    ``reasons``, ``grade_reason``, :meth:`indicator_reason` and ``what_if`` are computed on
    first access, so scoring millions of customers pays only for what it reads.
    """

    facts: ScorecardFacts
    policy: ScorecardPolicy
    on: dt.date
    points: tuple[int, int, int, int]
    total: int
    grade: Grade
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def influence_assessed(self) -> bool:
        """Whether indicator (4) had a valid assessment by an authorised role."""
        return _influence_assessed(self)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """G2 reasons: each indicator with the threshold it hit, in :class:`Indicator` order,
        then the total and grade (:attr:`grade_reason`)."""
        return (*_reasons_by_indicator(self), _grade_reason(self))

    def indicator_reason(self, indicator: Indicator) -> Reason:
        """The reason that scored ``indicator`` (for strategic influence, why it scored 0 when
        it did: ``G2.influence.missing``, ``.role``, ``.what`` or ``.expired``).

        Raises:
            InputError: naming ``indicator`` unless an :class:`Indicator`.
        """
        if type(indicator) is not Indicator:
            raise InputError("indicator", indicator, "an Indicator")
        return self.reasons[_POSITION[indicator]]

    @functools.cached_property
    def grade_reason(self) -> Reason:
        """The reason that decided the grade: the total against the cutoff it reached
        (``G2.total``), or below the C line (``G2.total.below``) — the last of
        :attr:`reasons`."""
        return self.reasons[-1]

    @functools.cached_property
    def what_if(self) -> WhatIf:
        """Points short of the next grade and the single-indicator moves that would close it."""
        return _what_if(self)


# The bodies of ScorecardResult's properties: plain functions, so that mutation testing reaches
# them (mutmut leaves decorated functions alone).


def _influence_assessed(result: ScorecardResult) -> bool:
    return result.points[3] > 0


def _grade_reason(result: ScorecardResult) -> Reason:
    cutoffs = result.policy.total_cutoffs
    cutoff = cutoffs.cutoff(result.grade)
    if cutoff is None:
        return Reason.of(
            "G2",
            GradingReason.G2_TOTAL_BELOW,
            total=result.total,
            grade=result.grade,
            lowest=cutoffs.C,
        )
    return Reason.of(
        "G2", GradingReason.G2_TOTAL, total=result.total, grade=result.grade, cutoff=cutoff
    )


def _reasons_by_indicator(result: ScorecardResult) -> tuple[Reason, Reason, Reason, Reason]:
    f, p = result.facts, result.policy
    contract, receivables, premium, influence = result.points
    band = p.contract_amount._band(f.contract_amount)
    assessment = f.influence_assessment
    if influence:
        assert assessment is not None
        influence_reason = Reason.of(
            "G2",
            GradingReason.G2_INFLUENCE,
            level=f.strategic_influence,
            who=assessment.who,
            role=assessment.role,
            points=influence,
        )
    else:
        influence_reason = _unassessed_reason(assessment, p, result.on)
    if not f.paid_on_time:
        contract_reason = Reason.of(
            "G2",
            GradingReason.G2_CONTRACT_ARREARS,
            amount=f.contract_amount,
            points=contract,
            reading=p.contract_amount.arrears,
        )
    elif band == 1:
        contract_reason = Reason.of(
            "G2",
            GradingReason.G2_CONTRACT_BELOW,
            amount=f.contract_amount,
            lowest=p.contract_amount.two_points,
            points=contract,
        )
    else:
        contract_reason = Reason.of(
            "G2",
            GradingReason.G2_CONTRACT,
            amount=f.contract_amount,
            threshold=p.contract_amount._threshold(band),
            points=contract,
        )
    if receivables == 1:
        receivables_reason = Reason.of(
            "G2",
            GradingReason.G2_RECEIVABLES_ABOVE,
            amount=f.year_end_receivables,
            highest=p.receivables.two_points_max,
            points=receivables,
        )
    else:
        receivables_reason = Reason.of(
            "G2",
            GradingReason.G2_RECEIVABLES,
            amount=f.year_end_receivables,
            threshold=p.receivables._threshold(receivables),
            points=receivables,
        )
    return (
        contract_reason,
        receivables_reason,
        Reason.of(
            "G2",
            GradingReason.G2_PREMIUM,
            premium=f.premium_pct,
            threshold=p.premium._threshold(premium) if premium else p.premium.one_point_above,
            points=premium,
        ),
        influence_reason,
    )


_policy_class: type | None = None
"""``GradingPolicy``, once :func:`score` has checked one (the policy module imports this one)."""


def _checked_policy(value: object) -> GradingPolicy:
    global _policy_class
    checked = grading_policy(value)
    from customer_rules._grading.policy import GradingPolicy

    _policy_class = GradingPolicy
    return checked


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
        InputError: naming ``on`` unless a date from 1900-01-01 to 2999-12-31, ``facts``
            unless a :class:`ScorecardFacts`, ``policy`` unless a ``GradingPolicy``.

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
    if type(on) is not dt.date or not EARLIEST <= on <= LATEST:
        on = require_date(on, "on")
    if not isinstance(facts, ScorecardFacts):
        raise InputError("facts", facts, "ScorecardFacts")
    if type(policy) is not _policy_class:
        policy = _checked_policy(policy)
    if policy.effective is not None and on < policy.effective:  # in_force, inlined: a hot path
        in_force(policy, on)
    return _score(facts, policy, on)


def _score(facts: ScorecardFacts, policy: GradingPolicy, on: dt.date) -> ScorecardResult:
    """:func:`score` on checked arguments (the grading job checks them once)."""
    sc = policy.scorecard
    contract = sc.contract_amount._points(facts.contract_amount, facts.paid_on_time)
    receivables = sc.receivables._points(facts.year_end_receivables)
    premium = sc.premium._points(facts.premium_pct)
    influence = _influence_points(facts, sc, on)
    total = contract + receivables + premium + influence
    return ScorecardResult(
        facts,
        sc,
        on,
        (contract, receivables, premium, influence),
        total,
        sc.total_cutoffs._grade(total),
        policy.version,
        policy_effective=policy.effective,
    )


def _influence_points(facts: ScorecardFacts, sc: ScorecardPolicy, on: dt.date) -> int:
    a = facts.influence_assessment
    if a is not None and a.grants(sc.influence_assessors, INFLUENCE_ASSESSMENT, on):
        return int(facts.strategic_influence._value_)  # the points it scores
    return 0


def _unassessed_reason(assessment: Approval | None, p: ScorecardPolicy, on: dt.date) -> Reason:
    roles = in_rank_order(p.influence_assessors)
    if assessment is None:
        return Reason.of("G2", GradingReason.G2_INFLUENCE_MISSING, roles=roles, points=0)
    status = approval_status(assessment, p.influence_assessors, INFLUENCE_ASSESSMENT, on)
    if status is ApprovalStatus.WRONG_ROLE:
        return Reason.of(
            "G2", GradingReason.G2_INFLUENCE_ROLE, role=assessment.role, roles=roles, points=0
        )
    if status is ApprovalStatus.WRONG_SUBJECT:
        return Reason.of("G2", GradingReason.G2_INFLUENCE_WHAT, what=assessment.what, points=0)
    return Reason.of(
        "G2",
        GradingReason.G2_INFLUENCE_EXPIRED,
        on=on,
        signed=assessment.on,
        until=assessment.valid_until,
        points=0,
    )


# --------------------------------------------------------------------------- the period of (1)


_IS_PERIOD = fact_check(ContractPeriod, "a ContractPeriod (LAST_12_MONTHS or FISCAL_YEAR)")
_IS_DAY = fact_check(dt.date, "a datetime.date")
_IS_VERSION = fact_check(str, "a policy version (str)")


@attrs.frozen
class ContractWindow:
    """The days whose contracts the host sums for indicator (1) of G2 (:func:`contract_window`).

    Attributes:
        period: the reading of the period (``policy.scorecard.period``).
        start: the first day counted.
        end: the last day counted: the day of the scoring.
        policy_version: the version of the policy book that decided.

    Raises:
        InputError: naming the field, for a value of the wrong type.
    """

    period: ContractPeriod = attrs.field(validator=_IS_PERIOD)
    start: dt.date = attrs.field(validator=_IS_DAY)
    end: dt.date = attrs.field(validator=_IS_DAY)
    policy_version: str = attrs.field(validator=_IS_VERSION)
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One G2 reason: ``G2.window`` (the last 12 months) or ``G2.window.fiscal``."""
        return _window_reasons(self)

    def includes(self, day: dt.date) -> bool:
        """Whether a contract dated ``day`` counts: ``start <= day <= end``.

        Raises:
            InputError: naming ``day`` unless a date from 1900-01-01 to 2999-12-31.
        """
        if type(day) is not dt.date or not EARLIEST <= day <= LATEST:
            day = require_date(day, "day")
        return self.start <= day <= self.end


def _window_reasons(window: ContractWindow) -> tuple[Reason, ...]:
    """:attr:`ContractWindow.reasons` (a plain function, so that mutation testing reaches it)."""
    code = (
        GradingReason.G2_WINDOW_FISCAL
        if window.period is ContractPeriod.FISCAL_YEAR
        else GradingReason.G2_WINDOW
    )
    return (Reason.of("G2", code, start=window.start, end=window.end),)


_LAST_YEAR_FROM = dt.date(EARLIEST.year, 12, 31)
"""The first day whose last 12 months start on or after :data:`~customer_rules.dates.EARLIEST`."""


def contract_window(policy: GradingPolicy, *, on: dt.date) -> ContractWindow:
    """G2 (1): the first and last day of the period whose contract amount is scored on ``on``.

    The seed's heading reads "主要参考客户过去年一年或半年度实际合同金额" and its rows "当年度合同
    金额"; the catalogue reads the period as the last 12 months [default] and makes the current
    fiscal year reachable (``policy.scorecard.period``). The host sums the contracts dated in
    the window (both ends included) and passes the sum as
    :attr:`ScorecardFacts.contract_amount`.

    * ``LAST_12_MONTHS``: from the day after the same day a year earlier (the 28th for a
      29 February) to ``on`` — on 2026-06-15, 2025-06-16 to 2026-06-15.
    * ``FISCAL_YEAR``: from the 1st of ``fiscal_year_start_month`` that starts the fiscal year
      holding ``on``, to ``on`` — the year to date (April fiscal years: on 2026-03-31,
      2025-04-01 to 2026-03-31).

    Args:
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day of the scoring.

    Returns:
        The window with its G2 reason.

    Raises:
        InputError: naming ``policy`` unless a ``GradingPolicy``; naming ``on`` unless a date
            from 1900-01-01 to 2999-12-31 whose window starts on or after 1900-01-01 (the last
            12 months from 1900-12-31 on).

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> w = contract_window(GradingPolicy(), on=dt.date(2026, 6, 15))
        >>> w.start, w.end
        (datetime.date(2025, 6, 16), datetime.date(2026, 6, 15))
    """
    checked = grading_policy(policy)
    day = require_date(on, "on")
    in_force(checked, day)
    sc = checked.scorecard
    if sc.period is ContractPeriod.FISCAL_YEAR:
        first = sc.fiscal_year_start_month
        start = dt.date(day.year if day.month >= first else day.year - 1, first, 1)
        if start < EARLIEST:
            raise InputError(
                "on",
                on,
                f"a date on or after {dt.date(EARLIEST.year, first, 1)}, so that its fiscal"
                f" year starts on or after {EARLIEST}",
            )
    else:
        if day < _LAST_YEAR_FROM:
            raise InputError(
                "on",
                on,
                f"a date on or after {_LAST_YEAR_FROM}, so that its last 12 months start on or"
                f" after {EARLIEST}",
            )
        if day.month == 2 and day.day == 29:
            year_before = dt.date(day.year - 1, 2, 28)
        else:
            year_before = day.replace(year=day.year - 1)
        start = year_before + dt.timedelta(days=1)
    return ContractWindow(
        sc.period, start, day, checked.version, policy_effective=checked.effective
    )


# --------------------------------------------------------------------------- what-if


def _what_if(result: ScorecardResult) -> WhatIf:
    """The what-if of ``result``, shared: it reads only the points, total and grade, whether
    the customer paid on time, the contract amount's band when in arrears and the influence
    level when it scored 0 — so customers alike in those, under one policy, share one
    :class:`WhatIf` (and its reasons, built and rendered once)."""
    f, p, points = result.facts, result.policy, result.points
    paid = f.paid_on_time
    key = (
        id(p),
        points,
        result.total,
        result.grade,
        paid,
        None if paid else p.contract_amount._band(f.contract_amount),
        None if points[3] else f.strategic_influence,
    )
    found = _WHAT_IFS.get(key)
    if found is not None and found[0] is p:
        return found[1]
    return keep(_WHAT_IFS, key, (p, _worked_out_what_if(result)), _WHAT_IFS_MAX)[1]


_WHAT_IFS: dict[tuple[object, ...], tuple[ScorecardPolicy, WhatIf]] = {}
"""What-ifs by what they read (:func:`_what_if`); each entry holds its policy, so an id in a
key is not reused while the entry lives. Bounded."""
_WHAT_IFS_MAX = 4096


def _worked_out_what_if(result: ScorecardResult) -> WhatIf:
    if result.grade is Grade.A:
        return WhatIf(None, 0, ())
    cutoffs = result.policy.total_cutoffs
    next_grade, cutoff = {
        Grade.B: (Grade.A, cutoffs.A),
        Grade.C: (Grade.B, cutoffs.B),
        Grade.D: (Grade.C, cutoffs.C),
    }[result.grade]
    short = cutoff - result.total
    levers = sorted(_levers(result, short), key=_lever_order)
    return WhatIf(next_grade, short, tuple(levers))


def _lever_order(lever: Lever) -> tuple[bool, int]:
    """The levers that close the gap first, the smallest gain first; then the others, the
    largest gain first (ties keep the indicators' order)."""
    if lever.closes_gap:
        return (False, lever.gain)
    return (True, -lever.gain)


def _levers(result: ScorecardResult, short: int) -> list[Lever]:
    """Every single-indicator move that gains points, in :class:`Indicator` order."""
    f, p = result.facts, result.policy
    _, receivables, premium, influence = result.points
    moves = (
        (Indicator.CONTRACT_AMOUNT, _contract_move(result, short)),
        (Indicator.RECEIVABLES, _first_closing(short, receivables, p.receivables.threshold)),
        (Indicator.PREMIUM, _first_closing(short, premium, p.premium.threshold)),
        # (4) unassessed: a valid assessment would add the level's points
        (
            Indicator.STRATEGIC_INFLUENCE,
            (0 if influence else int(f.strategic_influence.value), None),
        ),
    )
    return [
        Lever(indicator, gain, target, gain >= short)
        for indicator, (gain, target) in moves
        if gain > 0
    ]


def _contract_move(result: ScorecardResult, short: int) -> tuple[int, Decimal | None]:
    """(1): raise the amount (paid on time), or, in arrears, collect them first: that restores
    the band the amount earns (no numeric target)."""
    p = result.policy.contract_amount
    if result.facts.paid_on_time:
        return _first_closing(short, result.points[0], p.threshold)
    return p._band(result.facts.contract_amount) - result.points[0], None


def _first_closing(
    short: int, current: int, threshold: Callable[[int], Decimal | None]
) -> tuple[int, Decimal | None]:
    """The gain and target of the smallest level above ``current`` that closes ``short``,
    else of the top level (4); a gain of 0 at the top."""
    level = min(current + short, 4)
    return level - current, threshold(level)
