"""The grading job shares answers between customers (docs/architecture.md, "Speed"): each
shared answer must equal what the public rule gives, a new policy, day or calendar must never
see an old answer, and shared reasons must read the same as freshly built ones."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from customer_rules import GradingPolicy, explain
from customer_rules.calendars import CALENDAR_DAYS, Deadline, DeadlineMode
from customer_rules.grading import (
    REGRADE,
    Customer,
    CustomerCategory,
    CustomerGrade,
    Grade,
    GradingReason,
    ScorecardFacts,
    StrategicInfluence,
    check_eligibility,
    classify_category,
    grade_customer,
    regrade,
    report_schedule,
    service_tier,
)
from customer_rules.reasons import Reason, render_reason
from customer_rules.roles import Approval, Role
from customer_rules.testing import customers, grading_policies

DAY = dt.date(2026, 6, 30)


@given(st.lists(customers(), min_size=1, max_size=8), grading_policies())
def test_every_shared_answer_is_the_public_rules_answer(
    portfolio: list[Customer], policy: GradingPolicy
) -> None:
    for customer in portfolio:  # the same job serves them all: answers are reused
        result = grade_customer(customer, policy, on=DAY)
        assert result.category == classify_category(customer.category, policy)
        assert result.eligibility == check_eligibility(
            customer.first_trade,
            customer.developed_on,
            policy,
            on=DAY,
            registered_on=customer.registered_on,
        )
        if result.grade is None:
            assert result.tier is None
            assert result.report is None
            continue
        assert result.tier == service_tier(
            result.category.category, result.grade, policy, on=DAY, last_visit=customer.last_visit
        )
        assert result.report == report_schedule(result.grade, policy, on=DAY)
        if result.change is not None:  # no sign-off given: the review of the pair, unbound
            assert result.proposed_grade is not None
            assert result.change == regrade(
                customer.previous_grade, result.proposed_grade, policy, on=DAY
            )


def _customer() -> Customer:
    """A customer without scorecard facts: it keeps its previous grade C (G6)."""
    return Customer(
        "C1",
        "",
        CustomerCategory.BIG,
        dt.date(2020, 1, 1),
        last_visit=dt.date(2026, 1, 10),
        previous_grade=Grade.C,
    )


def test_a_new_policy_is_never_answered_from_the_last_job() -> None:
    first = grade_customer(_customer(), GradingPolicy(), on=DAY)
    monthly = GradingPolicy(reporting={"c_months": [6], "a_months": [6], "b_months": [6]})
    second = grade_customer(_customer(), monthly, on=DAY)
    assert first.report is not None
    assert second.report is not None
    assert first.report.months != second.report.months
    assert second.report.months == (6,)


def test_a_new_day_is_never_answered_from_the_last_job() -> None:
    policy = GradingPolicy()
    june = grade_customer(_customer(), policy, on=DAY)
    july = grade_customer(_customer(), policy, on=dt.date(2026, 7, 1))
    assert june.report is not None
    assert july.report is not None
    assert june.report.on == DAY
    assert july.report.on == dt.date(2026, 7, 1)
    assert june.tier is not None
    assert july.tier is not None
    assert june.tier.overdue is False
    assert july.tier.overdue is False
    assert june.eligibility.eligible_from == july.eligibility.eligible_from


class _Shifting:
    """A host calendar whose answers change between calls (a mutable host object)."""

    def __init__(self) -> None:
        self.rest: set[dt.date] = set()

    def is_working_day(self, day: dt.date) -> bool:
        return day not in self.rest

    def covers(self, day: dt.date) -> bool:
        return True


def test_a_host_calendar_is_asked_again_each_time() -> None:
    policy = GradingPolicy(
        reporting={"supervisor_deadline": Deadline(2, mode=DeadlineMode.WORKING_DAYS)}
    )
    calendar = _Shifting()
    before = grade_customer(_customer(), policy, on=DAY, calendar=calendar)
    calendar.rest.add(dt.date(2026, 7, 1))
    after = grade_customer(_customer(), policy, on=DAY, calendar=calendar)
    assert before.report is not None
    assert after.report is not None
    assert after.report.supervisor_due == before.report.supervisor_due + dt.timedelta(days=1)
    plain = grade_customer(_customer(), policy, on=DAY, calendar=CALENDAR_DAYS)
    assert plain.report is not None
    assert plain.report.supervisor_due == before.report.supervisor_due


def test_reasons_of_names_numbers_dates_and_enums_are_shared() -> None:
    code = GradingReason.G2_TOTAL
    a = Reason.of("G2", code, total=15, grade=Grade.A, cutoff=14)
    b = Reason.of("G2", code, total=15, grade=Grade.A, cutoff=14)
    assert a is b
    assert Reason.of("G2", code, total=14, grade=Grade.A, cutoff=14) is not a


def test_reasons_with_amounts_are_never_shared_and_yes_is_not_one() -> None:
    code = GradingReason.G2_TOTAL
    one, one_point_zero = Decimal("1"), Decimal("1.0")
    a = Reason.of("G2", code, total=one, grade=Grade.A, cutoff=14)
    b = Reason.of("G2", code, total=one_point_zero, grade=Grade.A, cutoff=14)
    assert a == b
    assert a is not b
    assert render_reason(a) != render_reason(b)
    assert Reason.of("G2", code, total=one, grade=Grade.A, cutoff=14) is not a
    yes = Reason.of("G2", code, total=True, grade=Grade.A, cutoff=14)
    number = Reason.of("G2", code, total=1, grade=Grade.A, cutoff=14)
    assert yes == number
    assert yes is not number
    assert render_reason(yes, "en") != render_reason(number, "en")


@given(st.lists(customers(), min_size=2, max_size=6), grading_policies())
def test_shared_reasons_read_as_freshly_built_ones(
    portfolio: list[Customer], policy: GradingPolicy
) -> None:
    for customer in portfolio:
        result = grade_customer(customer, policy, on=DAY)
        for lang in ("zh", "en"):
            fresh = [Reason(r.rule, r.code, r.facts) for r in result.reasons]
            assert explain(result, lang) == explain(fresh, lang)


def test_customers_asking_the_same_question_share_one_answer() -> None:
    """The speed contract of the job (docs/architecture.md): one frozen answer per question
    and day, not one per customer."""
    policy = GradingPolicy()
    a = grade_customer(_customer(), policy, on=DAY)
    b = grade_customer(
        Customer(
            "C2",
            "",
            CustomerCategory.BIG,
            dt.date(2020, 1, 1),
            last_visit=dt.date(2026, 1, 10),
            previous_grade=Grade.C,
        ),
        policy,
        on=DAY,
    )
    assert b.category is a.category
    assert b.eligibility is a.eligibility
    assert b.tier is a.tier
    assert b.report is a.report
    assert b.change is a.change is None  # no scorecard facts: not re-graded
    other = grade_customer(_customer(), GradingPolicy(), on=DAY)  # another policy object
    assert other.eligibility == a.eligibility
    assert other.eligibility is not a.eligibility


def test_reviews_without_a_sign_off_are_shared_and_one_with_it_is_the_customers() -> None:
    """G6 without an approval to check is the same review for every customer with the same
    previous and proposed grades (its subject ``None``: nothing is bound to a customer); with
    an approval it is that customer's own review, bound to its id."""
    policy = GradingPolicy()
    facts = ScorecardFacts("1200万", True, "30万", "16", StrategicInfluence.KEY)  # 12 points: B

    def graded(customer_id: str, approval: Approval | None = None) -> CustomerGrade:
        customer = Customer(
            customer_id,
            "",
            first_trade=dt.date(2020, 1, 1),
            scorecard=facts,
            previous_grade=Grade.C,
        )
        return grade_customer(customer, policy, on=DAY, approval=approval)

    a, b = graded("C1"), graded("C2")
    assert a.change is not None
    assert b.change is a.change
    assert (a.change.subject, a.change.previous, a.change.current) == (None, Grade.C, Grade.B)
    assert (a.grade, a.proposed_grade, a.pending_approval) == (Grade.C, Grade.B, True)
    signed = graded("C3", Approval("李副总", Role.VP_IN_CHARGE, REGRADE, DAY))
    assert signed.change is not None
    assert signed.change is not a.change
    assert (signed.change.subject, signed.change.effective, signed.grade) == ("C3", True, Grade.B)
