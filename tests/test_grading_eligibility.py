"""G3 — category, eligibility, the new-customer rule, big-customer levels, key customers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import Approval, GradingPolicy, InputError, PolicyError, Role, explain
from customer_rules.grading import (
    KEY_CUSTOMER,
    BigCustomerFacts,
    BigCustomerProfile,
    CriteriaMode,
    CustomerCategory,
    EligibilityPolicy,
    Grade,
    PurchaseFrequency,
    big_customer_level,
    check_eligibility,
    classify_category,
    designate_key_customer,
)
from customer_rules.testing import amounts, days, grading_policies

SEED = GradingPolicy()
D = dt.date


def test_six_months_of_trade_both_sides() -> None:
    first = D(2025, 3, 15)
    before = check_eligibility(first, D(2024, 1, 1), SEED, on=D(2025, 9, 14))
    at = check_eligibility(first, D(2024, 1, 1), SEED, on=D(2025, 9, 15))
    assert not before.eligible
    assert at.eligible
    assert before.eligible_from == D(2025, 9, 15)
    assert before.reasons[0].code == "G3.not_eligible"
    assert at.reasons[0].code == "G3.eligible"


def test_new_customer_is_c_for_one_year_whatever_its_size() -> None:
    developed = D(2025, 12, 1)
    inside = check_eligibility(developed, developed, SEED, on=D(2026, 11, 30))
    outside = check_eligibility(developed, developed, SEED, on=D(2026, 12, 1))
    assert inside.new_customer
    assert inside.forced_grade is Grade.C
    assert inside.new_until == D(2026, 11, 30)
    assert not outside.new_customer
    assert outside.forced_grade is None
    assert "G3" in explain(inside)
    assert "C" in explain(inside, "en")


def test_no_trade_yet_and_dates_in_the_future() -> None:
    r = check_eligibility(None, None, SEED, on=D(2026, 1, 1))
    assert not r.eligible
    assert r.eligible_from is None
    assert not r.new_customer
    assert r.reasons[0].code == "G3.no_trade"
    with pytest.raises(InputError, match="first_trade"):
        check_eligibility(D(2027, 1, 1), None, SEED, on=D(2026, 1, 1))
    with pytest.raises(InputError, match="developed_on"):
        check_eligibility(None, D(2027, 1, 1), SEED, on=D(2026, 1, 1))


def test_category_any_criterion_by_default_all_as_a_parameter() -> None:
    renowned = BigCustomerFacts(industry_renown=True)
    assert classify_category(renowned, SEED).category is CustomerCategory.BIG
    strict = attrs.evolve(SEED, eligibility=EligibilityPolicy(big_criteria=CriteriaMode.ALL))
    assert classify_category(renowned, strict).category is CustomerCategory.ORDINARY
    every = BigCustomerFacts(Decimal("5.01"), True, True, True)
    assert classify_category(every, strict).category is CustomerCategory.BIG
    # the share criterion is "above" the share
    assert (
        classify_category(BigCustomerFacts(Decimal(5)), SEED).category is CustomerCategory.ORDINARY
    )
    assert classify_category(BigCustomerFacts(Decimal("5.01")), SEED).met == ("sales_share",)
    given_ = classify_category(CustomerCategory.BIG, SEED)
    assert given_.given
    assert given_.reasons[0].code == "G3.category.given"
    with pytest.raises(InputError, match="facts"):
        classify_category("big", SEED)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sales", "freq", "years", "level"),
    [
        ("1000万", PurchaseFrequency.MONTHLY, 10, Grade.A),  # the seed's A example
        ("1000万", PurchaseFrequency.MONTHLY, 9, Grade.B),
        ("1000万", PurchaseFrequency.QUARTERLY, 10, Grade.B),
        ("500万", PurchaseFrequency.QUARTERLY, 3, Grade.B),  # the seed's B example
        ("4999999.99", PurchaseFrequency.QUARTERLY, 3, Grade.C),
        ("100万", PurchaseFrequency.IRREGULAR, 1, Grade.C),  # the seed's C example
        ("100万", PurchaseFrequency.IRREGULAR, 0, None),
        ("999999.99", PurchaseFrequency.MONTHLY, 20, None),
    ],
)
def test_big_customer_examples(
    sales: str, freq: PurchaseFrequency, years: int, level: Grade | None
) -> None:
    result = big_customer_level(BigCustomerProfile(sales, freq, years), SEED)
    assert result.level is level
    assert result.reasons[0].rule == "G3"


def test_key_customer_needs_both_statistics_and_office() -> None:
    day = D(2026, 3, 1)
    stats = Approval("李", Role.BUSINESS_STATISTICS, KEY_CUSTOMER, day)
    office = Approval("赵", Role.OFFICE_DIRECTOR, KEY_CUSTOMER, day)
    salesman = Approval("钱", Role.SALESPERSON, KEY_CUSTOMER, day)
    assert designate_key_customer([stats, office], SEED, on=day).designated
    half = designate_key_customer([stats, salesman], SEED, on=day)
    assert not half.designated
    assert half.missing == (Role.OFFICE_DIRECTOR,)
    assert "办事处主任" in explain(half)
    assert not designate_key_customer(
        [stats, office], SEED, on=day - dt.timedelta(days=1)
    ).designated
    with pytest.raises(InputError, match="approvals"):
        designate_key_customer(["yes"], SEED, on=day)  # type: ignore[list-item]


def test_policy_validation() -> None:
    with pytest.raises(PolicyError) as info:
        EligibilityPolicy(min_trade_months=-1, big_sales_share_pct=Decimal(120))
    assert {p.path for p in info.value.problems} == {"min_trade_months", "big_sales_share_pct"}
    with pytest.raises(InputError, match="years"):
        BigCustomerProfile("1", PurchaseFrequency.MONTHLY, -1)


@given(days(), days(), days(), grading_policies())
def test_eligibility_is_total_and_monotonic_in_time(
    a: dt.date, b: dt.date, c: dt.date, policy: GradingPolicy
) -> None:
    first, on, later = sorted((a, b, c))
    now = check_eligibility(first, first, policy, on=on)
    then = check_eligibility(first, first, policy, on=later)
    assert then.eligible >= now.eligible  # once eligible, stays eligible
    assert then.new_customer <= now.new_customer  # once not new, never new again
    assert (now.forced_grade is not None) == now.new_customer


@given(
    amounts(max_value=50_000_000),
    st.sampled_from(list(PurchaseFrequency)),
    st.integers(min_value=0, max_value=30),
    st.integers(min_value=0, max_value=5),
)
def test_big_customer_level_monotonic(
    sales: Decimal, freq: PurchaseFrequency, years: int, extra: int
) -> None:
    base = big_customer_level(BigCustomerProfile(sales, freq, years), SEED).level
    more = big_customer_level(BigCustomerProfile(sales, freq, years + extra), SEED).level
    rank = {None: 0, Grade.C: 1, Grade.B: 2, Grade.A: 3}
    assert rank[more] >= rank[base]
