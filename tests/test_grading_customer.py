"""The grading job: one customer through G3 → G2 → G3 new-customer rule → G4 → G5 → G6."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from customer_rules import (
    Approval,
    Customer,
    CustomerCategory,
    Grade,
    GradingPolicy,
    InputError,
    Role,
    explain,
    grade_customer,
)
from customer_rules.cn_calendar import china_working_days
from customer_rules.grading import (
    INFLUENCE_ASSESSMENT,
    BigCustomerFacts,
    ScorecardFacts,
    StrategicInfluence,
)
from customer_rules.testing import customers, days, grading_policies

SEED = GradingPolicy()
ON = dt.date(2026, 11, 30)
OK = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, dt.date(2026, 11, 1))
STRONG = ScorecardFacts("1200万", True, "30万", "16", StrategicInfluence.LEADER, OK)


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
    assert r.deciding[0].code == "G2.total"
    rules = {reason.rule for reason in r.reasons}
    assert {"G2", "G3", "G4", "G5"} <= rules


def test_new_customer_is_c_whatever_its_score_both_sides_of_a_year() -> None:
    c = Customer("N1", "新创科技", CustomerCategory.BIG, dt.date(2025, 12, 1), None, STRONG)
    inside = grade_customer(c, SEED, on=dt.date(2026, 11, 30))
    after = grade_customer(c, SEED, on=dt.date(2026, 12, 1))
    assert inside.grade is Grade.C
    assert inside.scorecard is not None
    assert inside.scorecard.grade is Grade.A
    assert inside.deciding[0].code == "G3.new.override"
    assert after.grade is Grade.A


def test_not_yet_eligible_is_not_graded() -> None:
    c = Customer(
        "E1", "", CustomerCategory.ORDINARY, dt.date(2026, 9, 1), dt.date(2024, 1, 1), STRONG
    )
    r = grade_customer(c, SEED, on=ON)
    assert r.grade is None
    assert r.tier is None
    assert r.report is None
    assert r.deciding[0].code == "G3.not_eligible"
    assert "2027-03-01" in explain(r)


def test_eligible_without_facts_is_not_graded() -> None:
    c = Customer("E2", first_trade=dt.date(2020, 1, 1), developed_on=dt.date(2020, 1, 1))
    r = grade_customer(c, SEED, on=ON)
    assert r.grade is None
    assert r.deciding[0].code == "G2.no_facts"


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
    assert all(reason in r.reasons for reason in r.deciding)
    for lang in ("zh", "en"):
        assert "{" not in explain(r, lang)
