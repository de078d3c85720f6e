"""G2 — the four-indicator scorecard, the assessor check, the arrears reading, what-if."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from customer_rules import (
    Approval,
    CustomerRulesError,
    GradingPolicy,
    InputError,
    PolicyBook,
    PolicyError,
    Role,
    explain,
)
from customer_rules._bounded import forget_all
from customer_rules._grading.codes import GradingReason
from customer_rules.grading import (
    INFLUENCE_ASSESSMENT,
    ArrearsReading,
    ContractAmountIndicator,
    ContractPeriod,
    ContractWindow,
    Grade,
    GradeCutoffs,
    Indicator,
    Lever,
    PremiumIndicator,
    ReceivablesIndicator,
    ScorecardFacts,
    ScorecardPolicy,
    ScorecardResult,
    StrategicInfluence,
    WhatIf,
    contract_window,
    score,
)
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import Reason, find_reason, render_reason
from customer_rules.settings import Mark, Unit, from_mapping, settings_of
from customer_rules.testing import (
    amounts,
    days,
    grading_policies,
    malformed_values,
    percentages,
    scorecard_facts,
)

DAY = dt.date(2026, 12, 31)
SEED = GradingPolicy()
MANAGER = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, dt.date(2026, 12, 1))


def facts(
    amount: Decimal | int | str = "1000万",
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
    """G2 (1) "当年度合同金额大于等于…万元并及时回款": 大于等于 includes the number (T1 scores 4,
    a cent less 3); "小于…万元" excludes it (T3 scores 2, a cent less 1)."""
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
    """G2 (2) "当年底应收帐款小于等于…万元时评为4分", "大于…万元小于等于…万元", "大于…万元时评为
    1分": 小于等于 includes the number, 大于 excludes it — on both sides of R1, R2 and R3."""
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
    """G2 (3) "溢价高出…%": 高出 excludes the number — a premium of exactly P scores the band
    below, a hundredth more scores the band."""
    assert score(facts(premium=premium), SEED, on=DAY).points[2] == points


# --------------------------------------------------------------------------- indicator (4)


def test_influence_needs_a_manager_or_above() -> None:
    """G2 (4) "此条款需业务部经理以上领导评定": 以上 includes the manager himself; the roles
    below him may not assess."""
    for role in (Role.SALES_MANAGER, Role.VP_IN_CHARGE, Role.GENERAL_MANAGER, Role.CHAIRMAN):
        a = Approval("x", role, INFLUENCE_ASSESSMENT, DAY)
        assert score(facts(assessment=a), SEED, on=DAY).points[3] == 4
    for role in (Role.SALESPERSON, Role.SUPERVISOR, Role.OFFICE_DIRECTOR, Role.FINANCE):
        a = Approval("x", role, INFLUENCE_ASSESSMENT, DAY)
        result = score(facts(assessment=a), SEED, on=DAY)
        assert result.points[3] == 0
        assert not result.influence_assessed
        reason = result.indicator_reason(Indicator.STRATEGIC_INFLUENCE)
        assert reason.code is GradingReason.G2_INFLUENCE_ROLE
        assert reason.fact("role") is role
    director = Approval("张主任", Role.OFFICE_DIRECTOR, INFLUENCE_ASSESSMENT, DAY)
    reason = score(facts(assessment=director), SEED, on=DAY).indicator_reason(
        Indicator.STRATEGIC_INFLUENCE
    )
    assert render_reason(reason, "zh") == (
        "[G2] 战略影响由办事处主任评定,无权评定"
        "(需:业务部经理、市场总监、主管副总经理、总经理、董事长)→ 0 分"
    )
    assert render_reason(reason, "en") == (
        "[G2] strategic influence assessed by the office director, not authorised"
        " (needs: sales manager, marketing director, vp in charge, general manager, chairman)"
        " → 0 pt"
    )


def test_missing_expired_or_wrong_approval_scores_zero_with_a_reason() -> None:
    cases = {
        GradingReason.G2_INFLUENCE_MISSING: (
            None,
            "[G2] 战略影响未经评定(需业务部经理以上领导:"
            "业务部经理、市场总监、主管副总经理、总经理、董事长)→ 0 分",
            "[G2] strategic influence not assessed (needs one of: sales manager,"
            " marketing director, vp in charge, general manager, chairman) → 0 pt",
        ),
        GradingReason.G2_INFLUENCE_EXPIRED: (
            Approval(
                "x",
                Role.SALES_MANAGER,
                INFLUENCE_ASSESSMENT,
                dt.date(2025, 1, 1),
                dt.date(2025, 12, 31),
            ),
            "[G2] 战略影响评定(2025-01-01 签,有效至 2025-12-31)在 2026-12-31 无效 → 0 分",
            "[G2] influence assessment signed 2025-01-01, valid until 2025-12-31,"
            " does not hold on 2026-12-31 → 0 pt",
        ),
        GradingReason.G2_INFLUENCE_WHAT: (
            Approval("x", Role.SALES_MANAGER, "G6.regrade", DAY),
            "[G2] 所附审批事项为“G6.regrade”,不是战略影响评定 → 0 分",
            "[G2] the approval given is for 'G6.regrade', not the influence assessment → 0 pt",
        ),
    }
    for code, (approval, zh, en) in cases.items():
        result = score(facts(assessment=approval), SEED, on=DAY)
        assert result.points[3] == 0
        reason = result.indicator_reason(Indicator.STRATEGIC_INFLUENCE)
        assert reason.code is code
        assert reason.fact("points") == 0  # the stored fact, not only the rendered "0 分"
        assert find_reason(result, code) == reason
        assert render_reason(reason, "zh") == zh
        assert render_reason(reason, "en") == en
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
    """G2 totals "分值≥14" → A, "14 > 分值≥12" → B, "12>分值≥10" → C: each line includes its
    number (14, 12, 10) and the line above excludes it (13, 11, 9 fall a grade)."""
    amount = {4: "1000万", 3: "500万", 2: "100万", 1: "10万"}[points[0]]
    receivables = {4: "10万", 3: "80万", 2: "150万", 1: "300万"}[points[1]]
    premium = {4: "20", 3: "12", 2: "7", 1: "2"}[points[2]]
    influence = StrategicInfluence(points[3])
    result = score(facts(amount, True, receivables, premium, influence), SEED, on=DAY)
    assert result.points == points
    assert result.total == sum(points)
    assert result.grade is grade
    assert result.grade_reason.fact("grade") is grade
    assert result.reasons[-1] == result.grade_reason  # the grade is the last line


def test_below_the_c_line_is_d_by_default_and_says_so() -> None:
    # 1 (in arrears) + 3 + 2 + 0 (not assessed) = 6 → D
    result = score(facts("1000万", False, "80万", "7", StrategicInfluence.KEY, None), SEED, on=DAY)
    assert result.grade is Grade.D
    assert result.grade_reason.code is GradingReason.G2_TOTAL_BELOW
    assert explain(result, "zh").splitlines() == [
        "[G2] 合同金额 10,000,000 元,拖欠回款(拖欠即1分)→ 1 分",
        "[G2] 年底应收账款 800,000 元,不超过 1,000,000 元 → 3 分",
        "[G2] 合同溢价 7%,相对界限 5% → 2 分",
        "[G2] 战略影响未经评定(需业务部经理以上领导:"
        "业务部经理、市场总监、主管副总经理、总经理、董事长)→ 0 分",
        "[G2] 四项合计 6 分,低于C级下限 10 分,评为 D等级(未达C级)(本库默认)",
    ]
    assert explain(result, "en").splitlines() == [
        "[G2] contract amount 10,000,000, in arrears (arrears scores 1 point) → 1 pt",
        "[G2] year-end receivables 800,000, within 1,000,000 → 3 pt",
        "[G2] contract premium 7% against the 5% line → 2 pt",
        "[G2] strategic influence not assessed (needs one of: sales manager,"
        " marketing director, vp in charge, general manager, chairman) → 0 pt",
        "[G2] total 6 points, below the C line of 10: grade D (below C) (library default)",
    ]


def test_worked_example_explains_every_indicator() -> None:
    result = score(facts("1200万", True, "30万", "16", StrategicInfluence.KEY), SEED, on=DAY)
    assert (result.points, result.total, result.grade) == ((4, 4, 4, 3), 15, Grade.A)
    assert explain(result, "zh").splitlines() == [
        "[G2] 合同金额 12,000,000 元,按时回款,达到 10,000,000 元档 → 4 分",
        "[G2] 年底应收账款 300,000 元,不超过 500,000 元 → 4 分",
        "[G2] 合同溢价 16%,相对界限 15% → 4 分",
        "[G2] 战略影响:关键地位、较大影响力,由业务部经理 王经理 评定 → 3 分",
        "[G2] 四项合计 15 分,评为 A等级(重要客户)(下限 14 分)",
    ]
    assert explain(result, "en").splitlines() == [
        "[G2] contract amount 12,000,000, paid on time, reached the 10,000,000 band → 4 pt",
        "[G2] year-end receivables 300,000, within 500,000 → 4 pt",
        "[G2] contract premium 16% against the 15% line → 4 pt",
        "[G2] strategic influence: key position, large influence, assessed by 王经理"
        " (sales manager) → 3 pt",
        "[G2] total 15 points: grade A (important) (from 14 points)",
    ]
    assert result.what_if.next_grade is None
    assert result.what_if.levers == ()
    assert explain(result.what_if, "zh") == "[G2] 已是最高等级 A"
    assert explain(result.what_if, "en") == "[G2] already at the top grade A"


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
    assert explain(what, "zh").splitlines() == [
        "[G2] 距 B等级(较重要客户) 还差 2 分",
        "[G2] 合同金额达到 10,000,000 元(按时回款)可增 2 分;单项可补足:是",
        "[G2] 合同溢价高于 15% 可增 2 分;单项可补足:是",
        "[G2] 年底应收账款降至 500,000 元以内可增 1 分;单项可补足:否",
    ]
    assert explain(what, "en").splitlines() == [
        "[G2] 2 point(s) short of B (fairly important)",
        "[G2] contract amount of at least 10,000,000 (paid on time) adds 2 pt;"
        " closes the gap alone: yes",
        "[G2] a premium above 15% adds 2 pt; closes the gap alone: yes",
        "[G2] year-end receivables of at most 500,000 add 1 pt; closes the gap alone: no",
    ]


def test_what_if_offers_collecting_arrears_and_an_assessment() -> None:
    result = score(facts("1000万", False, "80万", "7", StrategicInfluence.KEY, None), SEED, on=DAY)
    levers = {(lv.indicator, lv.target) for lv in result.what_if.levers}
    assert (Indicator.CONTRACT_AMOUNT, None) in levers
    assert (Indicator.STRATEGIC_INFLUENCE, None) in levers
    what = result.what_if
    collect = find_reason(what, GradingReason.G2_LEVER_CONTRACT_AMOUNT_ACT)
    assess = find_reason(what, GradingReason.G2_LEVER_STRATEGIC_INFLUENCE_ACT)
    assert collect is not None
    assert assess is not None
    assert render_reason(collect, "zh") == "[G2] 清收拖欠回款可增 3 分;单项可补足:否"
    assert render_reason(collect, "en") == (
        "[G2] collecting the arrears adds 3 pt; closes the gap alone: no"
    )
    assert render_reason(assess, "zh") == (
        "[G2] 由业务部经理以上领导评定战略影响可增 3 分;单项可补足:否"
    )
    assert render_reason(assess, "en") == (
        "[G2] a valid influence assessment by a manager or above adds 3 pt;"
        " closes the gap alone: no"
    )
    head = find_reason(what, GradingReason.G2_WHATIF)
    assert head is not None
    assert render_reason(head, "zh") == "[G2] 距 C等级(一般性客户) 还差 4 分"
    assert render_reason(head, "en") == "[G2] 4 point(s) short of C (ordinary)"


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
    # a float that is not an exact amount is refused (one with at most two decimal places, as
    # pandas gives, is read through its decimal form)
    with pytest.raises(PolicyError, match="four_points") as info:
        ContractAmountIndicator(four_points=10_000_000.005)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["four_points"]


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
    assert tuple(result.indicator_reason(i).fact("points") for i in Indicator) == result.points
    assert reasons == (*(result.indicator_reason(i) for i in Indicator), result.grade_reason)
    assert result.grade_reason.fact("grade") is result.grade
    assert result.grade_reason.fact("total") == result.total
    assert result.policy_version == policy.version
    # every reason is a registered G2 code whose facts survive the plain-data round trip
    for reason in (*reasons, *result.what_if.reasons):
        assert isinstance(reason.code, GradingReason)
        assert reason.code.value.startswith("G2.")
        assert Reason.from_data(reason.to_data("en")) == reason


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


@given(st.lists(scorecard_facts(), min_size=2, max_size=6), grading_policies(), ANY_DAY)
def test_a_shared_what_if_is_the_one_each_customer_would_get_alone(
    many: list[ScorecardFacts], policy: GradingPolicy, day: dt.date
) -> None:
    """Customers alike in what the what-if reads share one; each still gets exactly the
    what-if worked out for it alone, with the same reasons."""
    for f in many:
        result = score(f, policy, on=day)
        shared = result.what_if
        forget_all()
        alone = score(f, policy, on=day).what_if
        assert shared == alone
        assert shared.reasons == alone.reasons


def test_customers_alike_share_one_what_if_and_its_reasons() -> None:
    policy, day = GradingPolicy(), dt.date(2026, 12, 31)
    ok = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, day)
    one = score(
        ScorecardFacts("600万", True, "80万", "8", StrategicInfluence.KEY, ok), policy, on=day
    )
    two = score(
        ScorecardFacts("700万", True, "90万", "9", StrategicInfluence.KEY, ok), policy, on=day
    )
    assert one.points == two.points == (3, 3, 2, 3)
    assert one.what_if is two.what_if
    assert one.what_if.reasons is two.what_if.reasons
    # in arrears, the band the amount would earn decides the lever: not shared across bands
    late = [
        score(ScorecardFacts(a, False, "80万", "8", StrategicInfluence.KEY, ok), policy, on=day)
        for a in ("600万", "1200万")
    ]
    assert late[0].points == late[1].points
    gains = [
        {lv.indicator: lv.gain for lv in r.what_if.levers}[Indicator.CONTRACT_AMOUNT] for r in late
    ]
    assert gains == [2, 3]
    # unassessed, the level the assessment would score decides the lever
    bare = [
        score(ScorecardFacts("600万", True, "80万", "8", level), policy, on=day)
        for level in (StrategicInfluence.KEY, StrategicInfluence.SPORADIC)
    ]
    assert bare[0].points == bare[1].points
    gains = [
        {lv.indicator: lv.gain for lv in r.what_if.levers}[Indicator.STRATEGIC_INFLUENCE]
        for r in bare
    ]
    assert gains == [3, 1]


# --------------------------------------------------------------------------- policy declarations


def test_every_setting_is_declared_with_its_mark_unit_and_source() -> None:
    found = {info.path: info for info in settings_of(ScorecardPolicy())}
    assert list(found) == [
        "contract_amount.four_points",
        "contract_amount.three_points",
        "contract_amount.two_points",
        "contract_amount.arrears",
        "receivables.four_points_max",
        "receivables.three_points_max",
        "receivables.two_points_max",
        "premium.four_points_above",
        "premium.three_points_above",
        "premium.two_points_above",
        "premium.one_point_above",
        "influence_assessors",
        "total_cutoffs.A",
        "total_cutoffs.B",
        "total_cutoffs.C",
        "period",
        "fiscal_year_start_month",
    ]
    seed = {"influence_assessors", "total_cutoffs.A", "total_cutoffs.B", "total_cutoffs.C"}
    for path, info in found.items():
        assert info.setting.mark is (Mark.SEED if path in seed else Mark.DEFAULT), path
        assert info.setting.source == "G2; 003 §客户管理办法 6.1.1-3"
        assert info.value == info.default
    units = {path: info.setting.unit for path, info in found.items()}
    assert units["contract_amount.four_points"] is Unit.YUAN
    assert units["receivables.two_points_max"] is Unit.YUAN
    assert units["premium.one_point_above"] is Unit.PERCENT
    assert units["contract_amount.arrears"] is Unit.CHOICE
    assert units["influence_assessors"] is Unit.ROLES
    assert units["total_cutoffs.A"] is Unit.POINTS
    assert found["premium.one_point_above"].setting.low == Decimal(-100)
    assert found["total_cutoffs.A"].setting.high == 16
    assert found["influence_assessors"].setting.min_items == 1
    assert units["period"] is Unit.CHOICE
    assert units["fiscal_year_start_month"] is Unit.MONTH_OF_YEAR
    month = found["fiscal_year_start_month"].setting
    assert (month.low, month.high) == (1, 12)


def _problems(build: Callable[[], object]) -> list[tuple[str, str]]:
    with pytest.raises(PolicyError) as info:
        build()
    return [(p.path, p.message) for p in info.value.problems]


POLICY_CASES: list[tuple[type, dict[str, Any], list[str]]] = [
    (GradeCutoffs, {"A": "fourteen"}, ["A"]),
    (GradeCutoffs, {"A": 10, "B": 12, "C": 14}, ["B", "C"]),
    (GradeCutoffs, {"A": 17, "C": -1}, ["A", "C"]),
    (GradeCutoffs, {"A": True}, ["A"]),
    (GradeCutoffs, {"B": [12]}, ["B"]),
    (
        ContractAmountIndicator,
        {"four_points": "abc", "arrears": "sometimes"},
        ["four_points", "arrears"],
    ),
    (ContractAmountIndicator, {"two_points": "-1"}, ["two_points"]),
    (ContractAmountIndicator, {"three_points": "2000万"}, ["three_points"]),
    (
        ReceivablesIndicator,
        {"four_points_max": [], "two_points_max": "abc"},
        ["four_points_max", "two_points_max"],
    ),
    (ReceivablesIndicator, {"three_points_max": "10万"}, ["three_points_max"]),
    (PremiumIndicator, {"one_point_above": "-101"}, ["one_point_above"]),
    (PremiumIndicator, {"two_points_above": "x", "one_point_above": "20"}, ["two_points_above"]),
    (ScorecardPolicy, {"influence_assessors": []}, ["influence_assessors"]),
    (ScorecardPolicy, {"influence_assessors": ["nobody", "chairman"]}, ["influence_assessors[0]"]),
    (ScorecardPolicy, {"influence_assessors": "chairman"}, ["influence_assessors"]),
    (ScorecardPolicy, {"contract_amount": 5, "premium": [1]}, ["contract_amount", "premium"]),
    (
        ScorecardPolicy,
        {"total_cutoffs": {"A": [1], "B": "20"}},
        ["total_cutoffs.A", "total_cutoffs.B"],
    ),
    (
        ScorecardPolicy,
        {"total_cutoffs": {"A": "x"}, "influence_assessors": []},
        ["influence_assessors", "total_cutoffs.A"],
    ),
    (ScorecardPolicy, {"total_cutoffs": {"A": 10, "B": 12}}, ["total_cutoffs.B"]),
    (ScorecardPolicy, {"receivables": {"two_points_max": "0"}}, ["receivables.two_points_max"]),
    (
        ScorecardPolicy,
        {"contract_amount": {"four_points": "abc", "zzz": 1}},
        ["contract_amount.zzz", "contract_amount.four_points"],
    ),
    (ScorecardPolicy, {"period": "half_year"}, ["period"]),
    (ScorecardPolicy, {"fiscal_year_start_month": 13}, ["fiscal_year_start_month"]),
    (
        ScorecardPolicy,
        {"period": 1, "fiscal_year_start_month": "0"},
        ["period", "fiscal_year_start_month"],
    ),
]


@pytest.mark.parametrize(("cls", "fields", "paths"), POLICY_CASES)
def test_policy_problems_from_python_equal_those_from_a_mapping(
    cls: type, fields: dict[str, Any], paths: list[str]
) -> None:
    from_python = _problems(lambda: cls(**fields))
    assert [path for path, _ in from_python] == paths
    assert _problems(lambda: from_mapping(cls, fields)) == from_python


def test_policy_messages_name_what_was_expected_and_given() -> None:
    assert _problems(lambda: GradeCutoffs(A="fourteen")) == [
        ("A", "expected an integer, got 'fourteen'")
    ]
    assert _problems(lambda: GradeCutoffs(A=17)) == [
        ("A", "expected a number from 0 to 16, got 17")
    ]
    assert _problems(lambda: GradeCutoffs(A=10, B=12, C=14)) == [
        ("B", "expected less than A (10), got 12"),
        ("C", "expected less than B (12), got 14"),
    ]
    assert _problems(lambda: PremiumIndicator(-1, -2, -3, "-101")) == [
        ("one_point_above", "expected a number of at least -100, got Decimal('-101')")
    ]
    assert _problems(lambda: ScorecardPolicy(influence_assessors=[])) == [
        ("influence_assessors", "expected at least 1 item(s), got 0")
    ]
    assert _problems(lambda: ScorecardPolicy(contract_amount=5)) == [
        ("contract_amount", "expected a ContractAmountIndicator or a table of its fields, got 5")
    ]


def test_settings_accept_the_forms_a_file_or_a_spreadsheet_gives() -> None:
    assert GradeCutoffs(A="15", B=" 13 ", C=Decimal(9)) == GradeCutoffs(15, 13, 9)
    assert from_mapping(GradeCutoffs, {"A": "15"}) == GradeCutoffs(A=15)
    assert ContractAmountIndicator("1000万", "500万", "100万", "lower_one_band") == (
        ContractAmountIndicator(arrears=ArrearsReading.LOWER_ONE_BAND)
    )
    assert ContractAmountIndicator(arrears="拖欠降一档").arrears is ArrearsReading.LOWER_ONE_BAND
    assert PremiumIndicator("15%", "10", 5, "0%") == PremiumIndicator()
    negative = PremiumIndicator(-1, -2, -3, "-100")  # a discount line is allowed, down to -100 %
    assert negative.one_point_above == Decimal(-100)
    assert ScorecardPolicy(influence_assessors=["chairman", "总经理"]).influence_assessors == {
        Role.CHAIRMAN,
        Role.GENERAL_MANAGER,
    }
    nested = ScorecardPolicy(total_cutoffs={"A": "15"}, premium={"one_point_above": "-5"})
    assert nested.total_cutoffs == GradeCutoffs(A=15)
    assert nested.premium == PremiumIndicator(one_point_above=Decimal(-5))
    assert from_mapping(ScorecardPolicy, {"total_cutoffs": {"A": "15"}}).total_cutoffs.A == 15


# --------------------------------------------------------------------------- arguments at the edge


@pytest.mark.parametrize("policy", [None, PolicyBook(), SEED.scorecard, "seed"])
def test_score_refuses_anything_but_a_grading_policy(policy: object) -> None:
    with pytest.raises(InputError) as info:
        score(facts(), policy, on=DAY)  # type: ignore[arg-type]
    assert info.value.field == "policy"
    if isinstance(policy, PolicyBook):
        assert "book.grading" in info.value.expected


@pytest.mark.parametrize(
    "on", [dt.date(1899, 12, 31), dt.date(3000, 1, 1), dt.datetime(2026, 12, 31, 9, 0), None]
)
def test_score_refuses_a_day_outside_the_supported_range(on: object) -> None:
    with pytest.raises(InputError) as info:
        score(facts(), SEED, on=on)  # type: ignore[arg-type]
    assert info.value.field == "on"


def test_the_indicators_public_methods_check_their_arguments() -> None:
    contract, receivables = ContractAmountIndicator(), ReceivablesIndicator()
    premium, cutoffs = PremiumIndicator(), GradeCutoffs()
    assert contract.band("500万") == 3
    assert contract.points("1000万", False) == 1
    assert contract.points("1000万", True) == 4
    assert contract.threshold(4) == Decimal(10_000_000)
    assert contract.threshold(1) is None
    assert receivables.points("50万") == 4
    assert receivables.threshold(2) == Decimal(2_000_000)
    assert premium.points("15.01") == 4
    assert premium.threshold(0) is None
    assert cutoffs.grade(13) is Grade.B
    assert cutoffs.cutoff(Grade.D) is None
    for call, name in [
        (lambda: contract.band(1.5), "amount"),
        (lambda: contract.points("1", "yes"), "paid_on_time"),
        (lambda: contract.threshold([4]), "band"),
        (lambda: receivables.points("-1"), "receivables"),
        (lambda: receivables.threshold(True), "points"),
        (lambda: premium.points("abc"), "premium_pct"),
        (lambda: premium.threshold("4"), "points"),
        (lambda: cutoffs.grade(None), "total"),
        (lambda: cutoffs.cutoff("A"), "grade"),
    ]:
        with pytest.raises(InputError) as info:
            call()
        assert info.value.field == name


def test_result_parts_are_selected_by_indicator_not_position() -> None:
    result = score(facts(), SEED, on=DAY)
    reason = result.indicator_reason(Indicator.PREMIUM)
    assert reason.code is GradingReason.G2_PREMIUM
    assert reason.fact("points") == result.points[2]
    with pytest.raises(InputError, match="indicator"):
        result.indicator_reason("premium")  # type: ignore[arg-type]


def test_a_lever_has_a_target_exactly_where_its_indicator_has_a_number() -> None:
    Lever(Indicator.CONTRACT_AMOUNT, 1, None, False)
    Lever(Indicator.CONTRACT_AMOUNT, 1, Decimal(1), False)
    for indicator, target in [
        (Indicator.RECEIVABLES, None),
        (Indicator.PREMIUM, None),
        (Indicator.STRATEGIC_INFLUENCE, Decimal(3)),
    ]:
        with pytest.raises(InputError, match="target"):
            Lever(indicator, 1, target, False)
    with pytest.raises(InputError, match="levers"):
        WhatIf(Grade.A, 1, [Lever(Indicator.PREMIUM, 1, Decimal(1), True)])  # type: ignore[arg-type]


# --------------------------------------------------------------------------- fuzz: malformed args

MALFORMED = malformed_values()

_SEED_RESULT = score(facts(), SEED, on=DAY)

PUBLIC_CALLABLES: dict[str, tuple[Callable[..., object], tuple[object, ...]]] = {
    # name: (callable, a valid argument for each position)
    "ContractAmountIndicator": (
        ContractAmountIndicator,
        (Decimal(10_000_000), Decimal(5_000_000), Decimal(1_000_000), ArrearsReading.ONE_POINT),
    ),
    "ContractAmountIndicator.band": (ContractAmountIndicator().band, (Decimal(1),)),
    "ContractAmountIndicator.points": (ContractAmountIndicator().points, (Decimal(1), True)),
    "ContractAmountIndicator.threshold": (ContractAmountIndicator().threshold, (4,)),
    "ReceivablesIndicator": (
        ReceivablesIndicator,
        (Decimal(500_000), Decimal(1_000_000), Decimal(2_000_000)),
    ),
    "ReceivablesIndicator.points": (ReceivablesIndicator().points, (Decimal(1),)),
    "ReceivablesIndicator.threshold": (ReceivablesIndicator().threshold, (4,)),
    "PremiumIndicator": (
        PremiumIndicator,
        (Decimal(15), Decimal(10), Decimal(5), Decimal(0)),
    ),
    "PremiumIndicator.points": (PremiumIndicator().points, (Decimal(1),)),
    "PremiumIndicator.threshold": (PremiumIndicator().threshold, (4,)),
    "GradeCutoffs": (GradeCutoffs, (14, 12, 10)),
    "GradeCutoffs.grade": (GradeCutoffs().grade, (12,)),
    "GradeCutoffs.cutoff": (GradeCutoffs().cutoff, (Grade.A,)),
    "ScorecardPolicy": (
        ScorecardPolicy,
        (
            ContractAmountIndicator(),
            ReceivablesIndicator(),
            PremiumIndicator(),
            frozenset({Role.CHAIRMAN}),
            GradeCutoffs(),
        ),
    ),
    "ScorecardFacts": (
        ScorecardFacts,
        (Decimal(1), True, Decimal(1), Decimal(1), StrategicInfluence.KEY, MANAGER),
    ),
    "Lever": (Lever, (Indicator.PREMIUM, 1, Decimal(1), True)),
    "WhatIf": (WhatIf, (Grade.A, 1, ())),
    "ScorecardResult": (
        ScorecardResult,
        (facts(), SEED.scorecard, DAY, (4, 4, 4, 4), 16, Grade.A, "seed"),
    ),
    "ScorecardResult.indicator_reason": (_SEED_RESULT.indicator_reason, (Indicator.PREMIUM,)),
    "score": (lambda f, p, on: score(f, p, on=on), (facts(), SEED, DAY)),
    "ContractWindow": (ContractWindow, (ContractPeriod.LAST_12_MONTHS, DAY, DAY, "seed")),
    "ContractWindow.includes": (contract_window(SEED, on=DAY).includes, (DAY,)),
    "contract_window": (lambda p, on: contract_window(p, on=on), (SEED, DAY)),
}


@pytest.mark.parametrize("name", sorted(PUBLIC_CALLABLES))
@given(data=st.data())
def test_malformed_arguments_raise_only_library_errors(name: str, data: st.DataObject) -> None:
    call, valid = PUBLIC_CALLABLES[name]
    args = data.draw(st.tuples(*(st.one_of(st.just(v), MALFORMED) for v in valid)))
    with contextlib.suppress(CustomerRulesError):
        call(*args)


def test_g2_below_the_lowest_band_and_above_the_highest_receivable_say_so() -> None:
    """G2 (1) below T3 on time and (2) above R3: the reasons name the line passed, not a blank."""
    facts = ScorecardFacts("999999.99", True, "2000000.01", "0", StrategicInfluence.SPORADIC)
    result = score(facts, GradingPolicy(), on=DAY)
    assert result.points[:2] == (1, 1)
    contract = find_reason(result, GradingReason.G2_CONTRACT_BELOW)
    receivables = find_reason(result, GradingReason.G2_RECEIVABLES_ABOVE)
    assert contract is not None
    assert receivables is not None
    assert render_reason(contract, "zh") == (
        "[G2] 合同金额 999,999.99 元,按时回款,低于最低档 1,000,000 元 → 1 分(制度未评分,本库默认)"
    )
    assert render_reason(contract, "en") == (
        "[G2] contract amount 999,999.99, paid on time, below the lowest band of 1,000,000"
        " → 1 pt (unscored in the seed: library default)"
    )
    assert (
        render_reason(receivables, "zh")
        == "[G2] 年底应收账款 2,000,000.01 元,超过 2,000,000 元 → 1 分"
    )
    assert render_reason(receivables, "en") == (
        "[G2] year-end receivables 2,000,000.01, above 2,000,000 → 1 pt"
    )
    at_the_line = score(
        ScorecardFacts("1000000", True, "2000000", "0", StrategicInfluence.SPORADIC),
        GradingPolicy(),
        on=DAY,
    )
    assert at_the_line.points[:2] == (2, 2)
    assert find_reason(at_the_line, GradingReason.G2_CONTRACT_BELOW) is None
    assert find_reason(at_the_line, GradingReason.G2_RECEIVABLES_ABOVE) is None


# --------------------------------------------------------------------------- the period of (1)

FISCAL_APRIL = GradingPolicy(scorecard={"period": "fiscal_year", "fiscal_year_start_month": 4})


def test_the_last_12_months_by_default_both_ends_included() -> None:
    """G2 (1) "主要参考客户过去年一年…实际合同金额" read as the last 12 months [default]: from the
    day after the same day a year earlier to the day of the scoring, both included."""
    assert SEED.scorecard.period is ContractPeriod.LAST_12_MONTHS
    w = contract_window(SEED, on=dt.date(2026, 6, 15))
    assert (w.period, w.start, w.end) == (
        ContractPeriod.LAST_12_MONTHS,
        dt.date(2025, 6, 16),
        dt.date(2026, 6, 15),
    )
    assert w.policy_version == "seed"
    assert [w.includes(d) for d in (dt.date(2025, 6, 15), w.start, w.end)] == [False, True, True]
    assert not w.includes(dt.date(2026, 6, 16))
    assert [r.code for r in w.reasons] == [GradingReason.G2_WINDOW]
    assert explain(w) == "[G2] 合同金额按最近12个月统计:2025-06-16 至 2026-06-15(含首尾两日)"
    assert explain(w, "en") == (
        "[G2] contract amount of the last 12 months: 2025-06-16 to 2026-06-15, both days included"
    )


@pytest.mark.parametrize(
    ("on", "start"),
    [
        (dt.date(2026, 12, 31), dt.date(2026, 1, 1)),  # the year-end review: the calendar year
        (dt.date(2026, 1, 1), dt.date(2025, 1, 2)),
        (dt.date(2024, 2, 29), dt.date(2023, 3, 1)),  # a year before 29 February: the 28th
        (dt.date(2025, 2, 28), dt.date(2024, 2, 29)),
        (dt.date(2025, 3, 1), dt.date(2024, 3, 2)),
        (dt.date(1900, 12, 31), dt.date(1900, 1, 1)),  # the first day with a whole year behind
        (dt.date(2999, 12, 31), dt.date(2999, 1, 1)),
    ],
)
def test_last_12_months_windows(on: dt.date, start: dt.date) -> None:
    w = contract_window(SEED, on=on)
    assert (w.start, w.end) == (start, on)


def test_the_current_fiscal_year_is_the_other_reading() -> None:
    """G2 (1) "当年度合同金额" read as the current fiscal year: from its first day (the 1st of
    ``fiscal_year_start_month``) to the day of the scoring — the year to date."""
    last_day = contract_window(FISCAL_APRIL, on=dt.date(2026, 3, 31))
    first_day = contract_window(FISCAL_APRIL, on=dt.date(2026, 4, 1))
    assert (last_day.start, last_day.end) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert (first_day.start, first_day.end) == (dt.date(2026, 4, 1), dt.date(2026, 4, 1))
    assert last_day.period is ContractPeriod.FISCAL_YEAR
    assert not first_day.includes(dt.date(2026, 3, 31))
    assert [r.code for r in last_day.reasons] == [GradingReason.G2_WINDOW_FISCAL]
    assert explain(last_day) == ("[G2] 合同金额按当年度统计:2025-04-01 至 2026-03-31(含首尾两日)")
    assert explain(last_day, "en") == (
        "[G2] contract amount of the current fiscal year: 2025-04-01 to 2026-03-31,"
        " both days included"
    )
    calendar_year = GradingPolicy(scorecard={"period": "当年度(财年)"})
    assert calendar_year.scorecard.fiscal_year_start_month == 1  # January [default]
    w = contract_window(calendar_year, on=dt.date(2026, 6, 15))
    assert (w.start, w.end) == (dt.date(2026, 1, 1), dt.date(2026, 6, 15))
    # at the year-end review both readings agree with the defaults
    year_end = dt.date(2026, 12, 31)
    a, b = contract_window(calendar_year, on=year_end), contract_window(SEED, on=year_end)
    assert (a.start, a.end) == (b.start, b.end)


def test_the_period_settings_are_declared_defaults() -> None:
    found = {i.path: i for i in settings_of(SEED.scorecard)}
    assert found["period"].default is ContractPeriod.LAST_12_MONTHS
    assert found["fiscal_year_start_month"].default == 1
    assert {found[n].setting.mark for n in ("period", "fiscal_year_start_month")} == {Mark.DEFAULT}
    assert [m.value for m in ContractPeriod] == ["last_12_months", "fiscal_year"]
    mapping = {"period": "FISCAL_YEAR", "fiscal_year_start_month": "4"}
    assert from_mapping(ScorecardPolicy, mapping) == FISCAL_APRIL.scorecard


@pytest.mark.parametrize(
    ("policy", "on", "first"),
    [
        (SEED, dt.date(1900, 12, 30), "1900-12-31"),
        (FISCAL_APRIL, dt.date(1900, 3, 31), "1900-04-01"),
    ],
)
def test_a_window_starting_before_the_supported_range_names_on(
    policy: GradingPolicy, on: dt.date, first: str
) -> None:
    with pytest.raises(InputError) as info:
        contract_window(policy, on=on)
    assert info.value.field == "on"
    assert info.value.given == on
    assert first in info.value.expected


@pytest.mark.parametrize("bad", [None, PolicyBook(), SEED.scorecard, "seed"])
def test_contract_window_refuses_anything_but_a_grading_policy(bad: object) -> None:
    with pytest.raises(InputError) as info:
        contract_window(bad, on=DAY)  # type: ignore[arg-type]
    assert info.value.field == "policy"


def test_contract_window_checks_its_days_by_name() -> None:
    with pytest.raises(InputError) as info:
        contract_window(SEED, on=dt.datetime(2026, 6, 15, 9, 0))
    assert info.value.field == "on"
    with pytest.raises(InputError) as info:
        contract_window(SEED, on=DAY).includes("2026-01-01")  # type: ignore[arg-type]
    assert info.value.field == "day"
    with pytest.raises(InputError) as info:
        ContractWindow("fiscal", DAY, DAY, "seed")  # type: ignore[arg-type]
    assert info.value.field == "period"
    with pytest.raises(InputError) as info:
        ContractWindow(ContractPeriod.FISCAL_YEAR, DAY, dt.datetime(2026, 1, 1), "seed")
    assert info.value.field == "end"


_PERIOD_POLICIES = st.builds(
    lambda period, month: GradingPolicy(
        scorecard={"period": period, "fiscal_year_start_month": month}
    ),
    st.sampled_from(list(ContractPeriod)),
    st.integers(min_value=1, max_value=12),
)


@given(_PERIOD_POLICIES, days(min_value=dt.date(1901, 1, 1)), days(min_value=dt.date(1901, 1, 1)))
def test_window_total_deterministic_monotonic_and_round_trips(
    policy: GradingPolicy, a: dt.date, b: dt.date
) -> None:
    early, late = sorted((a, b))
    w, later = contract_window(policy, on=early), contract_window(policy, on=late)
    assert w == contract_window(policy, on=early)
    assert w.end == early
    assert w.includes(w.start)
    assert w.includes(w.end)
    assert not w.includes(w.start - dt.timedelta(days=1))
    assert later.start >= w.start  # a later day never looks further back
    length = (w.end - w.start).days + 1
    if policy.scorecard.period is ContractPeriod.LAST_12_MONTHS:
        assert length in (365, 366)
        assert [r.code for r in w.reasons] == [GradingReason.G2_WINDOW]
    else:
        assert 1 <= length <= 366
        assert (w.start.month, w.start.day) == (policy.scorecard.fiscal_year_start_month, 1)
        assert [r.code for r in w.reasons] == [GradingReason.G2_WINDOW_FISCAL]
    assert all(r.rule == "G2" for r in w.reasons)
    assert w.reasons[0].fact("start") == w.start
    assert from_data(ContractWindow, to_data(w, lang="en"), policy=policy) == w


@given(_PERIOD_POLICIES, MALFORMED)
def test_contract_window_with_malformed_days_raises_only_library_errors(
    policy: GradingPolicy, junk: object
) -> None:
    with contextlib.suppress(CustomerRulesError):
        contract_window(policy, on=junk)  # type: ignore[arg-type]
    with contextlib.suppress(CustomerRulesError):
        contract_window(SEED, on=DAY).includes(junk)  # type: ignore[arg-type]


def test_g2_what_if_a_lever_that_exactly_closes_the_gap_closes_it() -> None:
    """G2 what-if: a gain equal to the points short closes the gap (≥, not >); the smallest
    closing move is offered (receivables back within 50万, a premium above 10%), not a larger
    one, and the levers that close come first, smallest gain first."""
    facts = ScorecardFacts("1000万", True, "60万", "6", StrategicInfluence.ORDINARY)
    result = score(facts, GradingPolicy(), on=DAY)
    assert (result.points, result.total, result.grade) == ((4, 3, 2, 0), 9, Grade.D)
    what_if = result.what_if
    assert (what_if.next_grade, what_if.points_short) == (Grade.C, 1)
    assert [(lv.indicator, lv.gain, lv.target, lv.closes_gap) for lv in what_if.levers] == [
        (Indicator.RECEIVABLES, 1, Decimal(500_000), True),
        (Indicator.PREMIUM, 1, Decimal(10), True),
        (Indicator.STRATEGIC_INFLUENCE, 2, None, True),
    ]
    assessed = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, DAY)
    top = score(
        ScorecardFacts("1000万", True, "30万", "16", StrategicInfluence.LEADER, assessed),
        GradingPolicy(),
        on=DAY,
    )
    assert (top.grade, top.what_if.next_grade, top.what_if.points_short) == (Grade.A, None, 0)
    assert top.what_if.levers == ()


def test_g2_a_fiscal_year_may_start_on_the_first_supported_day() -> None:
    """G2 (1) ``FISCAL_YEAR`` from January: on 1900-01-01 the year to date is that one day —
    it starts on the first supported day, not before it."""
    january = GradingPolicy(scorecard={"period": "fiscal_year"})
    w = contract_window(january, on=dt.date(1900, 1, 1))
    assert (w.start, w.end) == (dt.date(1900, 1, 1), dt.date(1900, 1, 1))


def _lever_rows(what_if: WhatIf) -> list[tuple[Indicator, int, Decimal | None, bool]]:
    return [(lv.indicator, lv.gain, lv.target, lv.closes_gap) for lv in what_if.levers]


def test_g2_what_if_every_lever_kind_closes_a_gap_it_exactly_equals() -> None:
    """G2 what-if: raising the contract amount, collecting the arrears and a valid influence
    assessment each close a gap equal to their gain; an indicator already at 4 points (or an
    assessed influence) offers no lever."""
    # 3 + 4 + 4 + 0 = 11 → C, one point short of B (12): 5,000,000 scores 3 (T2), 10,000,000
    # scores 4 (T1); a sporadic customer's assessment would add 1 point.
    c = score(facts("500万", True, "50万", "16", StrategicInfluence.SPORADIC, None), SEED, on=DAY)
    assert (c.points, c.grade, c.what_if.next_grade, c.what_if.points_short) == (
        (3, 4, 4, 0),
        Grade.C,
        Grade.B,
        1,
    )
    assert _lever_rows(c.what_if) == [
        (Indicator.CONTRACT_AMOUNT, 1, Decimal(10_000_000), True),
        (Indicator.STRATEGIC_INFLUENCE, 1, None, True),
    ]
    # arrears lowering one band: 10,000,000 in arrears scores 3; receivables of 1,500,000 score
    # 2 (at most R3 2,000,000); premium 16 % scores 4; an assessed leader 4 → 13, B, 1 short of A.
    lower = GradingPolicy(scorecard={"contract_amount": {"arrears": "lower_one_band"}})
    b = score(facts("1000万", False, "150万"), lower, on=DAY)
    assert (b.points, b.grade, b.what_if.points_short) == ((3, 2, 4, 4), Grade.B, 1)
    assert b.influence_assessed
    assert _lever_rows(b.what_if) == [
        (Indicator.CONTRACT_AMOUNT, 1, None, True),  # collect the arrears: back to band 4
        (Indicator.RECEIVABLES, 1, Decimal(1_000_000), True),  # at most R2 scores 3
    ]
    assert [r.code for r in b.what_if.reasons] == [
        GradingReason.G2_WHATIF,
        GradingReason.G2_LEVER_CONTRACT_AMOUNT_ACT,
        GradingReason.G2_LEVER_RECEIVABLES,
    ]


def test_g2_what_if_levers_that_do_not_close_come_largest_gain_first() -> None:
    """G2 what-if: 2 + 3 + 2 + 0 = 7 → D, 3 short of C (10). Only the key customer's
    assessment (3 points) closes alone; the others move to 4 points and are listed by gain,
    largest first, ties in the indicators' order."""
    result = score(facts("100万", True, "80万", "6", StrategicInfluence.KEY, None), SEED, on=DAY)
    assert (result.points, result.grade, result.what_if.points_short) == ((2, 3, 2, 0), Grade.D, 3)
    assert _lever_rows(result.what_if) == [
        (Indicator.STRATEGIC_INFLUENCE, 3, None, True),
        (Indicator.CONTRACT_AMOUNT, 2, Decimal(10_000_000), False),
        (Indicator.PREMIUM, 2, Decimal(15), False),
        (Indicator.RECEIVABLES, 1, Decimal(500_000), False),
    ]


def test_g2_a_sporadic_customer_assessed_counts_its_one_point() -> None:
    """G2 (4) 零星客户 scores 1 point once assessed: the assessment counts (1 > 0)."""
    result = score(facts(premium="0", influence=StrategicInfluence.SPORADIC), SEED, on=DAY)
    assert result.points == (4, 4, 0, 1)
    assert result.influence_assessed
    # a premium at or below P4 (0 %) scores 0: its reason quotes P4, the line it did not pass
    assert result.indicator_reason(Indicator.PREMIUM).fact("threshold") == Decimal(0)


_ANY_LEVER = Lever(Indicator.PREMIUM, 1, Decimal(1), True)


@pytest.mark.parametrize(
    ("call", "field", "given", "expected"),
    [
        (
            lambda: ContractAmountIndicator().points("1", "yes"),
            "paid_on_time",
            "yes",
            "True or False",
        ),
        (lambda: ContractAmountIndicator().threshold([4]), "band", [4], "an integer (points)"),
        (lambda: GradeCutoffs().cutoff("A"), "grade", "A", "a Grade (A, B, C or D)"),
        (lambda: _SEED_RESULT.indicator_reason("premium"), "indicator", "premium", "an Indicator"),
        (lambda: score({"a": 1}, SEED, on=DAY), "facts", {"a": 1}, "ScorecardFacts"),
        (
            lambda: Lever(Indicator.RECEIVABLES, 1, None, False),
            "target",
            None,
            "a Decimal target for RECEIVABLES",
        ),
        (
            lambda: Lever(Indicator.STRATEGIC_INFLUENCE, 1, Decimal(3), False),
            "target",
            Decimal(3),
            "None for STRATEGIC_INFLUENCE (not a number)",
        ),
        (lambda: WhatIf(Grade.B, 1, [_ANY_LEVER]), "levers", [_ANY_LEVER], "a tuple of Lever"),
    ],
)
def test_g2_errors_name_the_argument_keep_the_value_and_say_what_was_expected(
    call: Callable[[], object], field: str, given: object, expected: str
) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert (info.value.field, info.value.given, info.value.expected) == (field, given, expected)


@pytest.mark.parametrize(
    ("call", "field", "given"),
    [
        (lambda: ContractAmountIndicator().band(1.5), "amount", 1.5),
        (lambda: ContractAmountIndicator().points(1.5, True), "amount", 1.5),
        (lambda: facts(amount=-1), "contract_amount", -1),
        (lambda: facts(receivables=1.5), "year_end_receivables", 1.5),
        (lambda: facts(premium="abc"), "premium_pct", "abc"),
        (lambda: score(facts(), SEED, on=dt.date(3000, 1, 1)), "on", dt.date(3000, 1, 1)),
        (
            lambda: contract_window(SEED, on=DAY).includes(dt.date(3000, 1, 1)),
            "day",
            dt.date(3000, 1, 1),
        ),
        (
            lambda: contract_window(SEED, on=DAY).includes(dt.date(1899, 12, 31)),
            "day",
            dt.date(1899, 12, 31),
        ),
    ],
)
def test_g2_input_errors_name_the_field_and_keep_the_value(
    call: Callable[[], object], field: str, given: object
) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert (info.value.field, info.value.given) == (field, given)


def test_g2_stored_keys_are_pinned() -> None:
    """What hosts store: the approval subject of an influence assessment, the indicators' and
    the periods' values, and what each influence level and arrears reading is called."""
    assert INFLUENCE_ASSESSMENT == "G2.strategic_influence"
    assert [m.value for m in Indicator] == [
        "contract_amount",
        "receivables",
        "premium",
        "strategic_influence",
    ]
    # (4) the level's value is the points it scores
    assert [(m.name, m.value) for m in StrategicInfluence] == [
        ("LEADER", 4),
        ("KEY", 3),
        ("ORDINARY", 2),
        ("SPORADIC", 1),
    ]
    assert [m.value for m in ArrearsReading] == ["one_point", "lower_one_band"]
    assert [(g.value, g.rank) for g in Grade] == [("A", 4), ("B", 3), ("C", 2), ("D", 1)]


@pytest.mark.parametrize(
    ("amount", "points", "threshold"),
    [
        ("1000万", 4, Decimal(10_000_000)),  # 1000万以上: 4
        ("999.9999万", 3, Decimal(5_000_000)),
        ("500万", 3, Decimal(5_000_000)),  # 500万以上: 3
        ("499.9999万", 2, Decimal(1_000_000)),
        ("100万", 2, Decimal(1_000_000)),  # 100万以上: 2
    ],
)
def test_the_contract_reason_names_the_band_it_reached(
    amount: str, points: int, threshold: Decimal
) -> None:
    """G2 (1): the reason names the lower bound of the band the amount reached, band by band."""
    reason = score(facts(amount=amount), SEED, on=DAY).indicator_reason(Indicator.CONTRACT_AMOUNT)
    assert reason.code == GradingReason.G2_CONTRACT
    assert reason.fact("points") == points
    assert reason.fact("threshold") == threshold
