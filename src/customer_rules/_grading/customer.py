"""The grading job: one customer through G3 → G2 → G3 new-customer rule → G4 → G5 (→ G6)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._grading.checks import grading_policy
from customer_rules._grading.codes import GradingReason
from customer_rules._grading.eligibility import (
    BigCustomerFacts,
    CategoryResult,
    EligibilityResult,
    _classify,
    _eligibility,
)
from customer_rules._grading.model import CustomerCategory, Grade
from customer_rules._grading.regrading import GradeChange, RegradeResult, regrade
from customer_rules._grading.reporting import ReportSchedule, report_schedule
from customer_rules._grading.scorecard import ScorecardFacts, ScorecardResult, score
from customer_rules._grading.service_tier import ServiceTierResult, service_tier
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar
from customer_rules.dates import require_date
from customer_rules.errors import InputError, Problem
from customer_rules.reasons import Reason

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = ["Customer", "CustomerGrade", "grade_customer"]

_R = GradingReason
_CHANGES = frozenset({GradeChange.UPGRADE, GradeChange.DOWNGRADE})
_TOTAL = frozenset({_R.G2_TOTAL, _R.G2_TOTAL_BELOW})
"""G2: the total and the grade it gives."""
_ARREARS = frozenset({_R.G2_CONTRACT_ARREARS})
"""G2 (1): contract amount scored in arrears."""
_UNASSESSED = frozenset(
    {
        _R.G2_INFLUENCE_MISSING,
        _R.G2_INFLUENCE_ROLE,
        _R.G2_INFLUENCE_WHAT,
        _R.G2_INFLUENCE_EXPIRED,
    }
)
"""G2 (4): why strategic influence scored 0."""
_REVISIT_DUE = frozenset({_R.G4_NEVER, _R.G4_OVERDUE})
"""G4: a revisit due now (never visited) or overdue."""
_CHANGE = frozenset(
    {
        _R.G6_UPGRADE,
        _R.G6_DOWNGRADE,
        _R.G6_APPROVAL_MISSING,
        _R.G6_APPROVAL_ROLE,
        _R.G6_APPROVAL_WHAT,
        _R.G6_APPROVAL_EXPIRED,
        _R.G6_APPROVAL_STALE,
        _R.G6_APPROVAL_GRANTED,
    }
)
"""G6: the change from/to and the state of its approval."""


def _picked(reasons: Iterable[Reason], codes: frozenset[GradingReason]) -> tuple[Reason, ...]:
    """The reasons whose code is one of ``codes``, in their order."""
    return tuple(r for r in reasons if r.code in codes)


_IS_CATEGORY = fact_check(
    (CustomerCategory, BigCustomerFacts), "a CustomerCategory or BigCustomerFacts"
)
_IS_NAME = fact_check(str, "a text (may be empty)")


def _optional_day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        require_date(value, attribute.name)


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

    Raises:
        InputError: naming the field: a blank ``id``, a ``name`` that is not a text, a
            ``category`` that is neither, a date that is not a ``datetime.date`` from 1900-01-01
            to 2999-12-31, ``scorecard`` or ``previous_grade`` of the wrong type.
    """

    id: str = attrs.field(validator=non_empty_text)
    name: str = attrs.field(default="", validator=_IS_NAME)
    category: CustomerCategory | BigCustomerFacts = attrs.field(
        default=CustomerCategory.ORDINARY, validator=_IS_CATEGORY
    )
    first_trade: dt.date | None = attrs.field(default=None, validator=_optional_day)
    developed_on: dt.date | None = attrs.field(default=None, validator=_optional_day)
    scorecard: ScorecardFacts | None = attrs.field(
        default=None, validator=fact_check(ScorecardFacts, "ScorecardFacts or None", optional=True)
    )
    last_visit: dt.date | None = attrs.field(default=None, validator=_optional_day)
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

    :attr:`deciding`, :attr:`notes` and :attr:`reasons` are computed on first access.
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

    @functools.cached_property
    def deciding(self) -> tuple[Reason, ...]:
        """The reasons that decided the grade, without the supporting detail: G3's eligibility
        reasons or ``G2.no_facts`` without a grade, ``G3.new.override`` for a new customer, else
        the G2 total (``G2.total`` or ``G2.total.below``)."""
        if self.grade is None:
            if self.scorecard is None and self.eligibility.eligible:
                return (Reason.of("G2", _R.G2_NO_FACTS),)
            return self.eligibility.reasons
        if self.eligibility.forced_grade is not None:
            scored = None if self.scorecard is None else self.scorecard.grade
            return (
                Reason.of(
                    "G3",
                    _R.G3_NEW_OVERRIDE,
                    grade=self.grade,
                    scored=scored,
                    until=self.eligibility.new_until,
                ),
            )
        if self.scorecard is None:  # pragma: no cover - grade_customer never builds this
            return ()
        return _picked(self.scorecard.reasons, _TOTAL)

    @functools.cached_property
    def notes(self) -> tuple[Reason, ...]:
        """What a reader must not miss beside :attr:`deciding`: arrears and an influence that
        scored 0 (G2), a revisit due now or overdue (G4), a changed grade with the state of its
        approval (G6)."""
        found: list[Reason] = []
        scored = self.scorecard
        if scored is not None:
            if not scored.facts.paid_on_time:
                found.extend(_picked(scored.reasons, _ARREARS))
            if not scored.influence_assessed:
                found.extend(_picked(scored.reasons, _UNASSESSED))
        tier = self.tier
        if (
            tier is not None
            and tier.next_revisit is not None
            and (tier.overdue or tier.last_visit is None)
        ):
            found.extend(_picked(tier.reasons, _REVISIT_DUE))
        change = self.change
        if change is not None and change.change in _CHANGES:
            found.extend(_picked(change.reasons, _CHANGE))
        deciding = self.deciding
        return tuple(r for r in found if r not in deciding)

    @functools.cached_property
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

    Every date of the customer is a fact about the past: ``first_trade``, ``developed_on`` and
    ``last_visit`` after ``on`` are refused, each named by its field. An influence assessment
    (G2) signed after ``on`` is not an error: it simply does not hold yet, and the scorecard says
    so.

    Args:
        customer: the customer.
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day of the grading.
        calendar: the calendar for report deadlines (working-day modes).

    Returns:
        The grade with every intermediate decision and its reasons.

    Raises:
        InputError: naming ``policy`` unless it is a ``GradingPolicy`` (for a ``PolicyBook``
            pass ``book.grading``); naming ``customer`` unless it is a :class:`Customer`;
            naming ``on`` unless it is a date from 1900-01-01 to 2999-12-31; naming
            ``calendar`` unless it is a :class:`~customer_rules.calendars.Calendar`; naming
            every one of ``first_trade``, ``developed_on`` and ``last_visit`` that is after
            ``on``.
        CalendarCoverageError: if a working-day deadline falls outside the calendar's data.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy, Customer, CustomerCategory
        >>> c = Customer("C001", "新客户", CustomerCategory.BIG, first_trade=dt.date(2026, 6, 1))
        >>> grade_customer(c, GradingPolicy(), on=dt.date(2026, 11, 30)).grade
        <Grade.C: 'C'>
    """
    checked = grading_policy(policy)
    if not isinstance(customer, Customer):
        raise InputError("customer", customer, "a Customer")
    day = require_date(on, "on")
    if calendar is not CALENDAR_DAYS and not isinstance(calendar, Calendar):
        raise InputError("calendar", calendar, "a Calendar, e.g. CALENDAR_DAYS")
    first, developed, visited = customer.first_trade, customer.developed_on, customer.last_visit
    if (
        (first is not None and first > day)
        or (developed is not None and developed > day)
        or (visited is not None and visited > day)
    ):
        raise _after(customer, day)
    category = _classify(customer.category, checked)
    eligibility = _eligibility(first, developed, checked, day)
    scored = None if customer.scorecard is None else score(customer.scorecard, checked, on=day)
    grade: Grade | None
    if eligibility.forced_grade is not None:
        grade = eligibility.forced_grade
    elif eligibility.eligible and scored is not None:
        grade = scored.grade
    else:
        grade = None
    tier = report = change = None
    if grade is not None:
        tier = service_tier(category.category, grade, checked, on=day, last_visit=visited)
        report = report_schedule(grade, checked, on=day, calendar=calendar)
        if customer.previous_grade is not None:
            change = regrade(customer.previous_grade, grade, checked, on=day, approval=None)
    return CustomerGrade(
        customer, day, grade, category, eligibility, scored, tier, report, change, checked.version
    )


def _after(customer: Customer, day: dt.date) -> InputError:
    """One error naming every date of ``customer`` after ``day``."""
    expected = f"a date on or before {day.isoformat()}, the day of the grading"
    problems = [
        Problem.mismatch(name, value, expected)
        for name, value in (
            ("first_trade", customer.first_trade),
            ("developed_on", customer.developed_on),
            ("last_visit", customer.last_visit),
        )
        if value is not None and value > day
    ]
    return InputError.of(problems)
