"""The grading job: one customer through G3 → G2 → G3 new-customer rule → G4 → G5 (→ G6)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from customer_rules._grading.eligibility import (
    BigCustomerFacts,
    CategoryResult,
    EligibilityResult,
    check_eligibility,
    classify_category,
)
from customer_rules._grading.model import CustomerCategory, Grade
from customer_rules._grading.regrading import GradeChange, RegradeResult, regrade
from customer_rules._grading.reporting import ReportSchedule, report_schedule
from customer_rules._grading.scorecard import ScorecardFacts, ScorecardResult, score
from customer_rules._grading.service_tier import ServiceTierResult, service_tier
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar
from customer_rules.errors import InputError
from customer_rules.reasons import Reason, register_messages

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = ["Customer", "CustomerGrade", "grade_customer"]

_CHANGES = frozenset({GradeChange.UPGRADE, GradeChange.DOWNGRADE})


_IS_CATEGORY = fact_check(
    (CustomerCategory, BigCustomerFacts), "a CustomerCategory or BigCustomerFacts"
)


_DATE = fact_check(dt.date, "a datetime.date or None", optional=True)


@attrs.frozen
class Customer:
    """Everything the grading job needs to know about one customer.

    Attributes:
        id: the host's customer id.
        name: a display name.
        category: 大客户/普通客户 as decided by the host, or the facts of the four big-customer
            criteria (G3) to derive it from.
        first_trade: when normal trade began (G3 eligibility); ``None``: no trade yet.
        developed_on: when the customer was developed (first contract; G3 new-customer rule);
            ``None`` falls back to ``first_trade``.
        scorecard: the G2 facts; ``None`` when not yet collected.
        last_visit: the last revisit (G4).
        previous_grade: the grade of the last review (G6); ``None`` for a first grading.
    """

    id: str = attrs.field(validator=non_empty_text)
    name: str = ""
    category: CustomerCategory | BigCustomerFacts = attrs.field(
        default=CustomerCategory.ORDINARY, validator=_IS_CATEGORY
    )
    first_trade: dt.date | None = attrs.field(default=None, validator=_DATE)
    developed_on: dt.date | None = attrs.field(default=None, validator=_DATE)
    scorecard: ScorecardFacts | None = attrs.field(
        default=None, validator=fact_check(ScorecardFacts, "ScorecardFacts or None", optional=True)
    )
    last_visit: dt.date | None = attrs.field(default=None, validator=_DATE)
    previous_grade: Grade | None = attrs.field(
        default=None, validator=fact_check(Grade, "a Grade or None", optional=True)
    )


@attrs.frozen
class CustomerGrade:
    """The outcome of the grading job for one customer.

    Attributes:
        customer: the customer graded.
        on: the day of the grading.
        grade: the final grade; ``None`` if the customer cannot be graded yet.
        category: the G3 category decision.
        eligibility: the G3 eligibility decision.
        scorecard: the G2 score (``None`` without scorecard facts).
        tier: the G4 tier and next revisit (``None`` without a grade).
        report: the G5 report schedule (``None`` without a grade).
        change: the G6 change against ``previous_grade`` (``None`` without one).
        policy_version: the policy version that decided.
    """

    customer: Customer
    on: dt.date
    grade: Grade | None
    category: CategoryResult
    eligibility: EligibilityResult
    scorecard: ScorecardResult | None
    tier: ServiceTierResult | None
    report: ReportSchedule | None
    change: RegradeResult | None
    policy_version: str

    @property
    def deciding(self) -> tuple[Reason, ...]:
        """The reasons that decided the grade, without the supporting detail."""
        if self.grade is None:
            if self.scorecard is None and self.eligibility.eligible:
                return (Reason.of("G2", "G2.no_facts"),)
            return self.eligibility.reasons
        if self.eligibility.forced_grade is not None:
            scored = None if self.scorecard is None else self.scorecard.grade
            return (
                Reason.of(
                    "G3",
                    "G3.new.override",
                    grade=self.grade,
                    scored=scored,
                    until=self.eligibility.new_until,
                ),
            )
        assert self.scorecard is not None
        return self.scorecard.reasons[-1:]

    @property
    def notes(self) -> tuple[Reason, ...]:
        """What a reader must not miss beside :attr:`deciding`: arrears and an influence that
        scored 0 (G2), a revisit due now or overdue (G4), a changed grade with the state of its
        approval (G6)."""
        found: list[Reason] = []
        scored = self.scorecard
        if scored is not None:
            if not scored.facts.paid_on_time:
                found.append(scored.reasons[0])
            if not scored.influence_assessed:
                found.append(scored.reasons[3])
        tier = self.tier
        due = tier is not None and tier.next_revisit is not None
        if due and tier is not None and (tier.overdue or tier.last_visit is None):
            found.append(tier.reasons[-1])
        change = self.change
        if change is not None and change.change in _CHANGES:
            found.extend(change.reasons[1:])
        deciding = self.deciding
        return tuple(r for r in found if r not in deciding)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Every reason, chapter by chapter: G3 category and eligibility, G2, G4, G5, G6."""
        parts: list[tuple[Reason, ...]] = [self.category.reasons, self.eligibility.reasons]
        if self.scorecard is not None:
            parts.append(self.scorecard.reasons)
        parts.append(self.deciding)
        for extra in (self.tier, self.report, self.change):
            if extra is not None:
                parts.append(extra.reasons)
        seen: list[Reason] = []
        for part in parts:
            seen.extend(r for r in part if r not in seen)
        return tuple(seen)


def grade_customer(
    customer: Customer,
    policy: GradingPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
) -> CustomerGrade:
    """Grade one customer: the library's main job.

    G3 decides the category and whether the customer may be graded; G2 scores it; G3's
    new-customer rule sets a customer developed less than a year ago to C whatever its score;
    G4 gives its service tier and next revisit; G5 its next written report; G6 compares with
    the previous grade (a change takes effect only with the VP's approval, see
    :func:`~customer_rules.grading.regrade`).

    Args:
        customer: the customer.
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day of the grading.
        calendar: the calendar for report deadlines (working-day modes).

    Returns:
        The grade with every intermediate decision and its reasons.

    Raises:
        InputError: for facts that cannot be right (dates after ``on``, wrong types).
        CalendarCoverageError: if a working-day deadline falls outside the calendar's data.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy, Customer, CustomerCategory
        >>> c = Customer("C001", "新客户", CustomerCategory.BIG, first_trade=dt.date(2026, 6, 1))
        >>> grade_customer(c, GradingPolicy(), on=dt.date(2026, 11, 30)).grade
        <Grade.C: 'C'>
    """
    if not isinstance(customer, Customer):
        raise InputError("customer", customer, "a Customer")
    category = classify_category(customer.category, policy)
    eligibility = check_eligibility(customer.first_trade, customer.developed_on, policy, on=on)
    scored = None if customer.scorecard is None else score(customer.scorecard, policy, on=on)
    grade: Grade | None
    if eligibility.forced_grade is not None:
        grade = eligibility.forced_grade
    elif eligibility.eligible and scored is not None:
        grade = scored.grade
    else:
        grade = None
    tier = report = change = None
    if grade is not None:
        tier = service_tier(category.category, grade, policy, on=on, last_visit=customer.last_visit)
        report = report_schedule(grade, policy, on=on, calendar=calendar)
        if customer.previous_grade is not None:
            change = regrade(customer.previous_grade, grade, policy, on=on, approval=None)
    return CustomerGrade(
        customer, on, grade, category, eligibility, scored, tier, report, change, policy.version
    )


register_messages(
    {
        "G2.no_facts": (
            "缺少评分所需资料,暂不评级",
            "no scorecard facts: not graded",
        ),
        "G3.new.override": (
            "新开发客户一年之内列为 {grade}(评分结果 {scored},至 {until})",
            "new customer: {grade} for its first year whatever its score ({scored}), until {until}",
        ),
    }
)
