"""G4 — service tier by (category, grade) and the next revisit."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import GradingPolicy, InputError, PolicyError, Role, explain
from customer_rules.grading import (
    TIER_PRESETS,
    CustomerCategory,
    Grade,
    PriceLevel,
    RevisitMode,
    ServiceTier,
    ServiceTierPolicy,
    service_tier,
)
from customer_rules.testing import days

SEED = GradingPolicy()
BIG, ORD = CustomerCategory.BIG, CustomerCategory.ORDINARY
D = dt.date
ON = D(2026, 11, 30)


@pytest.mark.parametrize(
    ("category", "grade", "priority", "price", "months", "who"),
    [
        (BIG, Grade.A, 1, PriceLevel.BEST, 3, (Role.VP_IN_CHARGE, Role.SALES_MANAGER)),
        (BIG, Grade.B, 2, PriceLevel.BETTER, 6, (Role.VP_IN_CHARGE, Role.SALES_MANAGER)),
        (ORD, Grade.A, 3, PriceLevel.BETTER, 12, (Role.SALES_MANAGER,)),
        (BIG, Grade.C, 4, PriceLevel.DISCOUNT, 12, (Role.SALES_MANAGER,)),
        (ORD, Grade.B, 5, PriceLevel.DISCOUNT, 6, (Role.OFFICE_DIRECTOR,)),
        (ORD, Grade.C, 6, PriceLevel.LIST, None, ()),
    ],
)
def test_seed_table(
    category: CustomerCategory,
    grade: Grade,
    priority: int,
    price: PriceLevel,
    months: int | None,
    who: tuple[Role, ...],
) -> None:
    tier = service_tier(category, grade, SEED, on=ON).tier
    assert tier is not None
    assert (tier.priority, tier.price, tier.revisit_months, tier.revisitors) == (
        priority,
        price,
        months,
        who,
    )
    assert tier.seed is (not (category is ORD and grade is Grade.C))


def test_rolling_revisit_both_sides_of_due() -> None:
    last = D(2026, 8, 31)
    due = service_tier(BIG, Grade.A, SEED, on=D(2026, 11, 30), last_visit=last)
    assert due.next_revisit == D(2026, 11, 30)
    assert not due.overdue
    late = service_tier(BIG, Grade.A, SEED, on=D(2026, 12, 1), last_visit=last)
    assert late.overdue
    assert late.reasons[-1].code == "G4.overdue"
    assert "逾期" in explain(late)


def test_calendar_revisit_mode() -> None:
    policy = attrs.evolve(SEED, service=ServiceTierPolicy(revisit_mode=RevisitMode.CALENDAR))
    r = service_tier(BIG, Grade.A, policy, on=ON, last_visit=D(2026, 2, 10))
    assert r.next_revisit == D(2026, 6, 30)  # visited in Q1: the Q2 visit is due by 30 June
    r = service_tier(ORD, Grade.B, policy, on=ON, last_visit=D(2026, 7, 1))
    assert r.next_revisit == D(2027, 6, 30)


def test_never_visited_is_due_now_and_no_revisit_tiers() -> None:
    r = service_tier(BIG, Grade.B, SEED, on=ON)
    assert r.next_revisit == ON
    assert not r.overdue
    none = service_tier(ORD, Grade.C, SEED, on=ON, last_visit=D(2020, 1, 1))
    assert none.next_revisit is None
    assert none.reasons[-1].code == "G4.no_revisit"


def test_big_customer_benefit_preset() -> None:
    policy = attrs.evolve(SEED, service=ServiceTierPolicy(TIER_PRESETS["big_customer_benefits"]))
    a = service_tier(BIG, Grade.A, policy, on=ON)
    assert a.tier is not None
    assert a.tier.price is PriceLevel.BEST
    assert a.tier.benefits
    assert "信用服务" in explain(a)
    missing = service_tier(ORD, Grade.A, policy, on=ON)
    assert missing.tier is None
    assert missing.reasons[0].code == "G4.none"


def test_bad_input_and_bad_table() -> None:
    with pytest.raises(InputError, match="grade"):
        service_tier(BIG, "A", SEED, on=ON)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="last_visit"):
        service_tier(BIG, Grade.A, SEED, on=ON, last_visit="2026-01-01")  # type: ignore[arg-type]
    row = ServiceTier(BIG, Grade.A, PriceLevel.BEST, 1)
    with pytest.raises(PolicyError, match=r"tiers\[1\]"):
        ServiceTierPolicy((row, row))
    with pytest.raises(PolicyError, match="revisitors"):
        ServiceTier(BIG, Grade.A, PriceLevel.BEST, 1, revisit_months=3)


@given(
    st.sampled_from(list(CustomerCategory)),
    st.sampled_from(list(Grade)),
    days(),
    days(),
    st.sampled_from(list(RevisitMode)),
)
def test_revisit_is_after_the_last_visit_and_consistent(
    category: CustomerCategory, grade: Grade, a: dt.date, b: dt.date, mode: RevisitMode
) -> None:
    last, on = sorted((a, b))
    policy = attrs.evolve(SEED, service=ServiceTierPolicy(revisit_mode=mode))
    r = service_tier(category, grade, policy, on=on, last_visit=last)
    assert r == service_tier(category, grade, policy, on=on, last_visit=last)
    if r.next_revisit is not None:
        assert r.next_revisit > last
        assert r.overdue == (r.next_revisit < on)
        assert r.reasons[-1].code == ("G4.overdue" if r.overdue else "G4.revisit")
    assert all(reason.rule == "G4" for reason in r.reasons)
    for lang in ("zh", "en"):
        assert "{" not in explain(r, lang)


@given(st.sampled_from(list(CustomerCategory)), days(), days())
def test_better_grade_never_gets_a_worse_priority(
    category: CustomerCategory, a: dt.date, b: dt.date
) -> None:
    priorities = [
        service_tier(category, g, SEED, on=a).tier for g in (Grade.A, Grade.B, Grade.C, Grade.D)
    ]
    numbers = [t.priority for t in priorities if t is not None and t.priority is not None]
    assert numbers == sorted(numbers)
