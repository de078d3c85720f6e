"""G2 — the four-indicator scorecard, the assessor check, the arrears reading, what-if."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from customer_rules import Approval, GradingPolicy, InputError, PolicyError, Role, explain
from customer_rules.grading import (
    INFLUENCE_ASSESSMENT,
    ArrearsReading,
    ContractAmountIndicator,
    Grade,
    GradeCutoffs,
    Indicator,
    PremiumIndicator,
    ReceivablesIndicator,
    ScorecardFacts,
    StrategicInfluence,
    score,
)
from customer_rules.testing import amounts, days, grading_policies, percentages, scorecard_facts

DAY = dt.date(2026, 12, 31)
SEED = GradingPolicy()
MANAGER = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, dt.date(2026, 12, 1))


def facts(
    amount: str = "1000万",
    on_time: bool = True,
    receivables: str = "50万",
    premium: str = "16",
    influence: StrategicInfluence = StrategicInfluence.LEADER,
    assessment: Approval | None = MANAGER,
) -> ScorecardFacts:
    return ScorecardFacts(amount, on_time, receivables, premium, influence, assessment)


# --------------------------------------------------------------------------- indicator (1)


@pytest.mark.parametrize(
    ("amount", "points"),
    [
        ("1000万", 4),
        ("9999999.99", 3),
        ("500万", 3),
        ("4999999.99", 2),
        ("100万", 2),
        ("999999.99", 1),  # below T3, on time: 1 point [default]
    ],
)
def test_contract_amount_bands_on_time(amount: str, points: int) -> None:
    assert score(facts(amount=amount), SEED, on=DAY).points[0] == points


@pytest.mark.parametrize(
    ("reading", "amount", "points"),
    [
        (ArrearsReading.ONE_POINT, "1000万", 1),
        (ArrearsReading.ONE_POINT, "50万", 1),  # the seed's own row: below T3 and in arrears → 1
        (ArrearsReading.LOWER_ONE_BAND, "1000万", 3),
        (ArrearsReading.LOWER_ONE_BAND, "500万", 2),
        (ArrearsReading.LOWER_ONE_BAND, "100万", 1),
        (ArrearsReading.LOWER_ONE_BAND, "50万", 1),
    ],
)
def test_arrears_readings(reading: ArrearsReading, amount: str, points: int) -> None:
    policy = attrs.evolve(
        SEED,
        scorecard=attrs.evolve(
            SEED.scorecard, contract_amount=ContractAmountIndicator(arrears=reading)
        ),
    )
    assert score(facts(amount=amount, on_time=False), policy, on=DAY).points[0] == points


# --------------------------------------------------------------------------- indicators (2) (3)


@pytest.mark.parametrize(
    ("receivables", "points"),
    [
        ("50万", 4),
        ("500000.01", 3),
        ("100万", 3),
        ("1000000.01", 2),
        ("200万", 2),
        ("2000000.01", 1),
    ],
)
def test_receivables_lower_is_better_upper_bounds_inclusive(receivables: str, points: int) -> None:
    assert score(facts(receivables=receivables), SEED, on=DAY).points[1] == points


@pytest.mark.parametrize(
    ("premium", "points"),
    [
        ("15.01", 4),
        ("15", 3),
        ("10.01", 3),
        ("10", 2),
        ("5.01", 2),
        ("5", 1),
        ("0.01", 1),
        ("0", 0),
        ("-3", 0),
    ],
)
def test_premium_strictly_above(premium: str, points: int) -> None:
    assert score(facts(premium=premium), SEED, on=DAY).points[2] == points


# --------------------------------------------------------------------------- indicator (4)


def test_influence_needs_a_manager_or_above() -> None:
    for role in (Role.SALES_MANAGER, Role.VP_IN_CHARGE, Role.GENERAL_MANAGER, Role.CHAIRMAN):
        a = Approval("x", role, INFLUENCE_ASSESSMENT, DAY)
        assert score(facts(assessment=a), SEED, on=DAY).points[3] == 4
    for role in (Role.SALESPERSON, Role.SUPERVISOR, Role.OFFICE_DIRECTOR, Role.FINANCE):
        a = Approval("x", role, INFLUENCE_ASSESSMENT, DAY)
        result = score(facts(assessment=a), SEED, on=DAY)
        assert result.points[3] == 0
        assert not result.influence_assessed
        assert result.reasons[3].code == "G2.influence.role"


def test_missing_expired_or_wrong_approval_scores_zero_with_a_reason() -> None:
    cases = {
        "G2.influence.missing": None,
        "G2.influence.expired": Approval(
            "x",
            Role.SALES_MANAGER,
            INFLUENCE_ASSESSMENT,
            dt.date(2025, 1, 1),
            dt.date(2025, 12, 31),
        ),
        "G2.influence.what": Approval("x", Role.SALES_MANAGER, "G6.regrade", DAY),
    }
    for code, approval in cases.items():
        result = score(facts(assessment=approval), SEED, on=DAY)
        assert result.points[3] == 0
        assert result.reasons[3].code == code
        assert "0" in explain(result, "en").splitlines()[3]
    future = Approval("x", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, DAY + dt.timedelta(days=1))
    assert score(facts(assessment=future), SEED, on=DAY).points[3] == 0


# --------------------------------------------------------------------------- totals (seed)


@pytest.mark.parametrize(
    ("points", "grade"),
    [
        ((4, 4, 4, 4), Grade.A),
        ((4, 4, 4, 2), Grade.A),  # 14
        ((4, 4, 4, 1), Grade.B),  # 13
        ((4, 4, 3, 1), Grade.B),  # 12
        ((4, 4, 2, 1), Grade.C),  # 11
        ((4, 4, 1, 1), Grade.C),  # 10
        ((4, 3, 1, 1), Grade.D),  # 9 — below the seed's C: D [default]
    ],
)
def test_seed_totals(points: tuple[int, int, int, int], grade: Grade) -> None:
    amount = {4: "1000万", 3: "500万", 2: "100万", 1: "10万"}[points[0]]
    receivables = {4: "10万", 3: "80万", 2: "150万", 1: "300万"}[points[1]]
    premium = {4: "20", 3: "12", 2: "7", 1: "2"}[points[2]]
    influence = StrategicInfluence(points[3])
    result = score(facts(amount, True, receivables, premium, influence), SEED, on=DAY)
    assert result.points == points
    assert result.total == sum(points)
    assert result.grade is grade
    assert result.reasons[-1].fact("grade") is grade


def test_worked_example_explains_every_indicator() -> None:
    result = score(facts("1200万", True, "30万", "16", StrategicInfluence.KEY), SEED, on=DAY)
    assert (result.points, result.total, result.grade) == ((4, 4, 4, 3), 15, Grade.A)
    text = explain(result, "zh")
    assert text.count("[G2]") == 5
    assert "12,000,000" in text
    assert "王经理" in text
    assert "15 分" in text
    assert result.what_if.next_grade is None


# --------------------------------------------------------------------------- what-if


def test_what_if_names_the_gap_and_thresholds_that_close_it() -> None:
    # 2 + 3 + 2 + 3 = 10 → C; B needs 12: 2 points short
    result = score(facts("100万", True, "80万", "7", StrategicInfluence.KEY), SEED, on=DAY)
    assert result.grade is Grade.C
    what = result.what_if
    assert (what.next_grade, what.points_short) == (Grade.B, 2)
    by_indicator = {lv.indicator: lv for lv in what.levers}
    assert by_indicator[Indicator.CONTRACT_AMOUNT].target == Decimal(10_000_000)
    assert by_indicator[Indicator.CONTRACT_AMOUNT].closes_gap
    assert by_indicator[Indicator.PREMIUM].target == Decimal(15)
    assert by_indicator[Indicator.RECEIVABLES].gain == 1
    assert not by_indicator[Indicator.RECEIVABLES].closes_gap
    assert what.levers[0].closes_gap
    assert not what.levers[-1].closes_gap
    assert "2" in explain(what, "en").splitlines()[0]


def test_what_if_offers_collecting_arrears_and_an_assessment() -> None:
    result = score(facts("1000万", False, "80万", "7", StrategicInfluence.KEY, None), SEED, on=DAY)
    levers = {(lv.indicator, lv.target) for lv in result.what_if.levers}
    assert (Indicator.CONTRACT_AMOUNT, None) in levers
    assert (Indicator.STRATEGIC_INFLUENCE, None) in levers


# --------------------------------------------------------------------------- bad input and policy


def test_bad_facts_name_the_field() -> None:
    with pytest.raises(InputError, match="contract_amount"):
        facts(amount=-1)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="year_end_receivables"):
        ScorecardFacts("1", True, 1.5, "1", StrategicInfluence.KEY)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="paid_on_time"):
        ScorecardFacts("1", "yes", "1", "1", StrategicInfluence.KEY)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="strategic_influence"):
        ScorecardFacts("1", True, "1", "1", 4)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="on"):
        score(facts(), SEED, on="2026-12-31")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="facts"):
        score({"contract_amount": 1}, SEED, on=DAY)  # type: ignore[arg-type]


def test_policy_errors_collect_every_problem() -> None:
    with pytest.raises(PolicyError) as info:
        GradeCutoffs(A=10, B=12, C=14)
    assert [p.path for p in info.value.problems] == ["B", "C"]
    with pytest.raises(PolicyError, match="expected an integer"):
        GradeCutoffs(A="fourteen")  # type: ignore[arg-type]
    with pytest.raises(PolicyError, match="three_points_max"):
        ReceivablesIndicator(four_points_max=Decimal(5), three_points_max=Decimal(5))
    with pytest.raises(PolicyError, match="one_point_above"):
        PremiumIndicator(one_point_above=Decimal(50))
    with pytest.raises(PolicyError, match="four_points"):
        ContractAmountIndicator(four_points=1e7)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- properties

ANY_DAY = days()


@given(scorecard_facts(), grading_policies(), ANY_DAY)
def test_total_deterministic_and_consistent(
    f: ScorecardFacts, policy: GradingPolicy, day: dt.date
) -> None:
    result = score(f, policy, on=day)
    assert result == score(f, policy, on=day)
    assert result.total == sum(result.points)
    assert all(0 <= p <= 4 for p in result.points)
    assert result.grade is policy.scorecard.total_cutoffs.grade(result.total)
    # the explanation matches the outcome: every reason is G2, the points quoted are the points
    reasons = result.reasons
    assert all(r.rule == "G2" for r in reasons)
    assert tuple(r.fact("points") for r in reasons[:4]) == result.points
    assert reasons[-1].fact("grade") is result.grade
    assert result.policy_version == policy.version
    for lang in ("zh", "en"):
        assert "{" not in explain(result, lang)


@given(scorecard_facts(), grading_policies(), ANY_DAY, amounts(max_value=50_000_000))
def test_more_contract_amount_never_lowers_the_grade(
    f: ScorecardFacts, policy: GradingPolicy, day: dt.date, other: Decimal
) -> None:
    assume(other >= f.contract_amount)
    richer = attrs.evolve(f, contract_amount=other)
    assert score(richer, policy, on=day).grade.rank >= score(f, policy, on=day).grade.rank


@given(scorecard_facts(), grading_policies(), ANY_DAY, percentages())
def test_more_premium_never_lowers_the_grade(
    f: ScorecardFacts, policy: GradingPolicy, day: dt.date, other: Decimal
) -> None:
    assume(other >= f.premium_pct)
    better = attrs.evolve(f, premium_pct=other)
    assert score(better, policy, on=day).grade.rank >= score(f, policy, on=day).grade.rank


@given(scorecard_facts(), grading_policies(), ANY_DAY, amounts(max_value=10_000_000))
def test_less_receivables_never_lowers_the_grade(
    f: ScorecardFacts, policy: GradingPolicy, day: dt.date, other: Decimal
) -> None:
    assume(other <= f.year_end_receivables)
    better = attrs.evolve(f, year_end_receivables=other)
    assert score(better, policy, on=day).grade.rank >= score(f, policy, on=day).grade.rank


@given(scorecard_facts(), grading_policies(), ANY_DAY)
def test_paying_on_time_never_lowers_the_grade(
    f: ScorecardFacts, policy: GradingPolicy, day: dt.date
) -> None:
    paid = attrs.evolve(f, paid_on_time=True)
    assert score(paid, policy, on=day).grade.rank >= score(f, policy, on=day).grade.rank


@given(scorecard_facts(), grading_policies(), ANY_DAY, st.data())
def test_what_if_levers_really_close_the_gap(
    f: ScorecardFacts, policy: GradingPolicy, day: dt.date, data: st.DataObject
) -> None:
    result = score(f, policy, on=day)
    what = result.what_if
    if result.grade is Grade.A:
        assert what.next_grade is None
        assert what.levers == ()
        return
    assert (
        what.points_short
        == (policy.scorecard.total_cutoffs.cutoff(what.next_grade) or 0) - result.total
    )
    assert what.points_short > 0
    numeric = [lv for lv in what.levers if lv.target is not None]
    if not numeric:
        return
    lever = data.draw(st.sampled_from(numeric))
    moved = {
        Indicator.CONTRACT_AMOUNT: lambda t: attrs.evolve(f, contract_amount=t),
        Indicator.RECEIVABLES: lambda t: attrs.evolve(f, year_end_receivables=t),
        Indicator.PREMIUM: lambda t: attrs.evolve(f, premium_pct=t + Decimal("0.01")),
    }[lever.indicator](lever.target)
    after = score(moved, policy, on=day)
    assert after.total == result.total + lever.gain
    assert (after.grade.rank > result.grade.rank) == lever.closes_gap
