"""The grading job: one customer through G3 → G2 → G3 new-customer rule → G4 → G5 → G6."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import (
    Approval,
    Customer,
    CustomerCategory,
    CustomerRulesError,
    Grade,
    GradingPolicy,
    InputError,
    PolicyBook,
    Role,
    explain,
    grade_customer,
)
from customer_rules._grading.codes import GradingReason
from customer_rules.cn_calendar import china_working_days
from customer_rules.grading import (
    INFLUENCE_ASSESSMENT,
    BigCustomerFacts,
    ScorecardFacts,
    StrategicInfluence,
)
from customer_rules.reasons import Reason, find_reason, render_reason
from customer_rules.testing import customers, days, grading_policies, malformed_values

SEED = GradingPolicy()
ON = dt.date(2026, 11, 30)
OK = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, dt.date(2026, 11, 1))
STRONG = ScorecardFacts("1200万", True, "30万", "16", StrategicInfluence.LEADER, OK)
WEAK = ScorecardFacts("1200万", False, "30万", "16", StrategicInfluence.LEADER, None)


def test_established_big_customer_graded_by_score() -> None:
    c = Customer(
        "C001",
        "华东机电",
        CustomerCategory.BIG,
        dt.date(2018, 3, 1),
        None,
        STRONG,
        dt.date(2026, 10, 1),
    )
    r = grade_customer(c, SEED, on=ON)
    assert r.grade is Grade.A
    assert r.tier is not None
    assert r.tier.tier is not None
    assert r.tier.tier.priority == 1
    assert r.tier.next_revisit == dt.date(2027, 1, 1)
    assert r.report is not None
    assert r.report.next_due >= ON
    assert r.scorecard is not None
    assert r.deciding == (find_reason(r.scorecard, GradingReason.G2_TOTAL),)
    assert r.notes == ()  # paid on time, assessed, visited in time, no previous grade
    rules = {reason.rule for reason in r.reasons}
    assert {"G2", "G3", "G4", "G5"} <= rules


def test_new_customer_is_c_whatever_its_score_both_sides_of_a_year() -> None:
    c = Customer("N1", "新创科技", CustomerCategory.BIG, dt.date(2025, 12, 1), None, STRONG)
    inside = grade_customer(c, SEED, on=dt.date(2026, 11, 30))
    after = grade_customer(c, SEED, on=dt.date(2026, 12, 1))
    assert inside.grade is Grade.C
    assert inside.scorecard is not None
    assert inside.scorecard.grade is Grade.A
    assert [r.code for r in inside.deciding] == [GradingReason.G3_NEW_OVERRIDE]
    assert explain(inside.deciding, "zh") == (
        "[G3] 新开发客户一年之内列为 C等级(一般性客户)(评分结果 A等级(重要客户),至 2026-11-30)"
    )
    assert explain(inside.deciding, "en") == (
        "[G3] new customer: C (ordinary) for its first year whatever its score (A (important)),"
        " until 2026-11-30"
    )
    assert after.grade is Grade.A


def test_not_yet_eligible_is_not_graded() -> None:
    c = Customer(
        "E1", "", CustomerCategory.ORDINARY, dt.date(2026, 9, 1), dt.date(2024, 1, 1), STRONG
    )
    r = grade_customer(c, SEED, on=ON)
    assert r.grade is None
    assert r.tier is None
    assert r.report is None
    assert [x.code for x in r.deciding] == [GradingReason.G3_NOT_ELIGIBLE]
    assert explain(r.deciding, "zh") == "[G3] 正常商业往来不足期限,2027-03-01 起方可评级"
    assert explain(r.deciding, "en") == (
        "[G3] not enough months of normal trade: eligible from 2027-03-01"
    )


def test_eligible_without_facts_is_not_graded() -> None:
    c = Customer("E2", first_trade=dt.date(2020, 1, 1), developed_on=dt.date(2020, 1, 1))
    r = grade_customer(c, SEED, on=ON)
    assert r.grade is None
    assert [x.code for x in r.deciding] == [GradingReason.G2_NO_FACTS]
    assert explain(r.deciding, "zh") == "[G2] 缺少评分所需资料,暂不评级"
    assert explain(r.deciding, "en") == "[G2] no scorecard facts: not graded"


def test_previous_grade_gives_a_g6_change_awaiting_approval() -> None:
    c = Customer(
        "R1",
        category=CustomerCategory.BIG,
        first_trade=dt.date(2019, 1, 1),
        scorecard=STRONG,
        previous_grade=Grade.B,
    )
    r = grade_customer(c, SEED, on=ON)
    assert r.change is not None
    assert not r.change.effective
    assert any(reason.rule == "G6" for reason in r.reasons)


def test_notes_pick_arrears_influence_revisit_and_change_by_code() -> None:
    c = Customer(
        "R2",
        category=CustomerCategory.BIG,
        first_trade=dt.date(2019, 1, 1),
        scorecard=WEAK,
        previous_grade=Grade.A,
        last_visit=dt.date(2026, 1, 1),
    )
    r = grade_customer(c, SEED, on=ON)
    assert r.grade is Grade.D
    assert [x.code for x in r.deciding] == [GradingReason.G2_TOTAL_BELOW]
    assert [x.code for x in r.notes] == [
        GradingReason.G2_CONTRACT_ARREARS,
        GradingReason.G2_INFLUENCE_MISSING,
        GradingReason.G6_DOWNGRADE,
        GradingReason.G6_APPROVAL_MISSING,
    ]
    assert all(note in r.reasons and note not in r.deciding for note in r.notes)
    # an A customer never visited is due for a revisit now; one visited long ago is overdue
    never = grade_customer(
        Customer(
            "V1", category=CustomerCategory.BIG, first_trade=dt.date(2019, 1, 1), scorecard=STRONG
        ),
        SEED,
        on=ON,
    )
    assert [x.code for x in never.notes] == [GradingReason.G4_NEVER]
    late = grade_customer(
        Customer(
            "V2",
            category=CustomerCategory.BIG,
            first_trade=dt.date(2019, 1, 1),
            scorecard=STRONG,
            last_visit=dt.date(2026, 1, 1),
        ),
        SEED,
        on=ON,
    )
    assert [x.code for x in late.notes] == [GradingReason.G4_OVERDUE]


def test_category_from_criteria_and_working_day_calendar() -> None:
    c = Customer(
        "K1",
        category=BigCustomerFacts(industry_renown=True),
        first_trade=dt.date(2019, 1, 1),
        scorecard=STRONG,
    )
    r = grade_customer(c, SEED, on=dt.date(2026, 9, 10), calendar=china_working_days())
    assert r.category.category is CustomerCategory.BIG
    assert r.report is not None


def test_bad_customer_input() -> None:
    with pytest.raises(InputError, match="id"):
        Customer("")
    with pytest.raises(InputError, match="first_trade"):
        Customer("x", first_trade="2020-01-01")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="category"):
        Customer("x", category="big")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="customer"):
        grade_customer("x", SEED, on=ON)  # type: ignore[arg-type]
    with pytest.raises(InputError) as info:
        Customer("x", last_visit=dt.date(1899, 12, 31))
    assert info.value.field == "last_visit"
    with pytest.raises(InputError) as info:
        Customer("x", name=5)  # type: ignore[arg-type]
    assert info.value.field == "name"
    with pytest.raises(InputError) as info:
        grade_customer(Customer("x"), SEED, on=ON, calendar="china")  # type: ignore[arg-type]
    assert info.value.field == "calendar"


def test_every_fact_date_after_the_day_is_refused_by_its_field() -> None:
    later = ON + dt.timedelta(days=1)
    for field in ("first_trade", "developed_on", "last_visit"):
        dates = {"first_trade": dt.date(2019, 1, 1), field: later}
        c = Customer("F1", scorecard=STRONG, **dates)  # type: ignore[arg-type]
        with pytest.raises(InputError) as info:
            grade_customer(c, SEED, on=ON)
        assert [p.path for p in info.value.problems] == [field]
        assert info.value.problems[0].expected == (
            "a date on or before 2026-11-30, the day of the grading"
        )
    every = Customer("F2", first_trade=later, developed_on=later, last_visit=later)
    with pytest.raises(InputError) as info:
        grade_customer(every, SEED, on=ON)
    assert [p.path for p in info.value.problems] == ["first_trade", "developed_on", "last_visit"]
    # the day itself is fine
    same = Customer("F3", first_trade=dt.date(2019, 1, 1), scorecard=STRONG, last_visit=ON)
    assert grade_customer(same, SEED, on=ON).grade is Grade.A


def test_an_assessment_signed_after_the_day_does_not_hold_yet() -> None:
    signed_later = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, ON.replace(day=1))
    facts = ScorecardFacts("1200万", True, "30万", "16", StrategicInfluence.LEADER, signed_later)
    c = Customer("F4", first_trade=dt.date(2019, 1, 1), scorecard=facts)
    r = grade_customer(c, SEED, on=dt.date(2026, 10, 31))
    assert r.scorecard is not None
    assert not r.scorecard.influence_assessed
    assert find_reason(r, GradingReason.G2_INFLUENCE_EXPIRED) in r.notes


@pytest.mark.parametrize("bad", [None, PolicyBook(), "seed"])
def test_policy_argument_is_checked(bad: object) -> None:
    with pytest.raises(InputError) as info:
        grade_customer(Customer("P1"), bad, on=ON)  # type: ignore[arg-type]
    assert info.value.field == "policy"
    if isinstance(bad, PolicyBook):
        assert "book.grading" in str(info.value)


JUNK = malformed_values()
GRADED = Customer(
    "J1", "Acme", CustomerCategory.BIG, dt.date(2019, 1, 1), None, STRONG, None, Grade.B
)
CALLABLES: list[tuple[Callable[..., object], dict[str, object]]] = [
    (
        grade_customer,
        {"customer": GRADED, "policy": SEED, "on": ON, "calendar": china_working_days()},
    ),
    (
        Customer,
        {
            "id": "J2",
            "name": "Acme",
            "category": CustomerCategory.ORDINARY,
            "first_trade": dt.date(2019, 1, 1),
            "developed_on": dt.date(2019, 1, 1),
            "scorecard": STRONG,
            "last_visit": dt.date(2026, 1, 1),
            "previous_grade": Grade.A,
        },
    ),
]
ARGUMENTS = [(call, args, name) for call, args in CALLABLES for name in args]


@given(st.sampled_from(ARGUMENTS), JUNK)
def test_malformed_arguments_raise_only_library_errors(
    case: tuple[Callable[..., object], dict[str, object], str], junk: object
) -> None:
    call, args, name = case
    try:
        result = call(**{**args, name: junk})
        if isinstance(result, Customer):  # an accepted customer is graded without surprises
            result = grade_customer(result, SEED, on=ON)
    except CustomerRulesError:
        return
    for lang in ("zh", "en"):
        for reason in getattr(result, "reasons", ()):
            assert render_reason(reason, lang).startswith(f"[{reason.rule}] ")


_DECIDING = frozenset(
    {
        GradingReason.G3_NO_TRADE,
        GradingReason.G3_ELIGIBLE,
        GradingReason.G3_NOT_ELIGIBLE,
        GradingReason.G3_NEW,
        GradingReason.G2_NO_FACTS,
        GradingReason.G3_NEW_OVERRIDE,
        GradingReason.G2_TOTAL,
        GradingReason.G2_TOTAL_BELOW,
    }
)


@given(
    customers(),
    grading_policies(),
    days(min_value=dt.date(2026, 7, 1), max_value=dt.date(2026, 11, 30)),
)
def test_every_customer_gets_an_explained_answer(
    customer: Customer, policy: GradingPolicy, on: dt.date
) -> None:
    r = grade_customer(customer, policy, on=on)
    assert r == grade_customer(customer, policy, on=on)
    if r.eligibility.forced_grade is not None:
        assert r.grade is r.eligibility.forced_grade
    elif r.grade is not None:
        assert r.scorecard is not None
        assert r.grade is r.scorecard.grade
        assert r.eligibility.eligible
    assert (r.tier is None) == (r.grade is None)
    assert r.deciding
    assert all(reason.code in _DECIDING for reason in r.deciding)
    assert all(reason in r.reasons for reason in r.deciding)
    assert all(note in r.reasons and note not in r.deciding for note in r.notes)
    # the G3 reasons are plain data and come back from it
    for reason in r.reasons:
        if reason.rule == "G3" or reason.code == GradingReason.G2_NO_FACTS:
            assert Reason.from_data(reason.to_data()) == reason
