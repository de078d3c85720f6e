"""The grading job: one customer through G3 → G2 → G3 new-customer rule → G6 → G4 → G5.

The job proposes a grade (G3, G2, the new-customer rule) and G6 says which grade is in force:
the proposal itself when it is a first grade, when it leaves the grade unchanged, or when the
VP in charge has approved it; the previous grade while an upgrade or downgrade awaits that
approval. The service tier (G4) and the report schedule (G5) follow the grade in force.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any

import attrs

from customer_rules._bounded import keep
from customer_rules._frozen import quick_init
from customer_rules._grading.checks import calendar_arg, grading_policy, in_force
from customer_rules._grading.codes import GradingReason
from customer_rules._grading.eligibility import (
    BigCustomerFacts,
    CategoryResult,
    EligibilityResult,
    _classify,
    _eligibility,
)
from customer_rules._grading.model import CustomerCategory, Grade
from customer_rules._grading.policy import GradingPolicy
from customer_rules._grading.regrading import (
    GradeChange,
    RegradeResult,
    _check_approval,
    _regrade,
)
from customer_rules._grading.reporting import ReportSchedule, report_schedule
from customer_rules._grading.scorecard import (
    ScorecardFacts,
    ScorecardResult,
    WhatIf,
    _score,
    score,
)
from customer_rules._grading.service_tier import ServiceTierResult, _service_tier
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar, CalendarDays, WorkingDayCalendar
from customer_rules.dates import require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, Role

__all__ = ["Customer", "CustomerGrade", "GradeWhatIf", "WhatIfCase", "grade_customer"]

_R = GradingReason
_CHANGES = frozenset({GradeChange.UPGRADE, GradeChange.DOWNGRADE})
_BUILT = frozenset({_R.G3_NEW_OVERRIDE, _R.G2_NO_FACTS})
"""The deciding lines built for the purpose, not among the chapters' own reasons."""
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
        _R.G6_APPROVAL_SUBJECT,
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
        registered_on: when the customer was registered (G3: under the registration reading of
            "一年之内", the new-customer year counts from it); keyword-only.

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
    registered_on: dt.date | None = attrs.field(default=None, kw_only=True, validator=_optional_day)


class WhatIfCase(LabelledEnum):
    """What stands between a customer and the grade its figures would give (the what-if of the
    final grade, :class:`GradeWhatIf`)."""

    SCORED = "scored"
    """按评分定级 — the scorecard decides now: the G2 what-if (next grade, points short)."""
    CAPPED = "capped"
    """新客户封顶 — the new-customer rule caps it (G3) until a day."""
    NOT_ELIGIBLE = "not_eligible"
    """未满评级期限 — not enough months of normal trade yet (G3)."""
    NO_TRADE = "no_trade"
    """尚无正常往来 — no normal trade yet (G3)."""
    NO_FACTS = "no_facts"
    """缺少评分资料 — eligible, but the scorecard facts are missing (G2)."""


set_labels(
    {
        WhatIfCase.SCORED: ("按评分定级", "graded by its scorecard"),
        WhatIfCase.CAPPED: ("新客户封顶", "capped as a new customer"),
        WhatIfCase.NOT_ELIGIBLE: ("未满评级期限", "not yet eligible"),
        WhatIfCase.NO_TRADE: ("尚无正常往来", "no normal trade yet"),
        WhatIfCase.NO_FACTS: ("缺少评分资料", "no scorecard facts"),
    }
)

_IS_GRADE = fact_check(Grade, "a Grade or None", optional=True)


@attrs.frozen
class GradeWhatIf:
    """What would change the customer's final grade — the grade the job gives, after G3's
    rules, not the bare scorecard grade.

    Attributes:
        case: what decides: the scorecard now (``SCORED``), or what holds it back.
        grade: the grade the job gives now (its proposed grade; ``None`` if not graded).
        until: ``CAPPED``: the last day of the new-customer cap.
        since: ``CAPPED`` and ``NOT_ELIGIBLE``: the first day its scorecard decides (the day
            after the cap, or the day it becomes eligible, whichever is later); ``None``
            without trade.
        then: the grade its current figures would give on ``since`` (scored on that day);
            ``None`` without scorecard facts or without ``since``.
        months: ``NO_TRADE`` (and ``CAPPED`` without trade): the months of normal trade it needs.
        scorecard: ``SCORED``: the G2 what-if — next grade, points short, levers.

    :attr:`next_grade` and :attr:`points_short` read the G2 what-if (``None`` unless
    ``SCORED``); :attr:`reasons` say it in words.

    Raises:
        InputError: naming the field, for a value of the wrong type.
    """

    case: WhatIfCase = attrs.field(validator=fact_check(WhatIfCase, "a WhatIfCase"))
    grade: Grade | None = attrs.field(validator=_IS_GRADE)
    until: dt.date | None = attrs.field(default=None, validator=_optional_day)
    since: dt.date | None = attrs.field(default=None, validator=_optional_day)
    then: Grade | None = attrs.field(default=None, validator=_IS_GRADE)
    months: int | None = attrs.field(
        default=None, validator=fact_check(int, "a number of months or None", optional=True)
    )
    scorecard: WhatIf | None = attrs.field(
        default=None, validator=fact_check(WhatIf, "a WhatIf or None", optional=True)
    )

    @property
    def next_grade(self) -> Grade | None:
        """The next better grade its scorecard could reach now (``SCORED`` only)."""
        return None if self.scorecard is None else self.scorecard.next_grade

    @property
    def points_short(self) -> int | None:
        """The points it lacks for :attr:`next_grade` (``SCORED`` only)."""
        return None if self.scorecard is None else self.scorecard.points_short

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``SCORED``: the G2 what-if (``G2.whatif``, ``G2.whatif.top`` and the levers);
        otherwise one G3 line — ``G3.whatif.capped`` (``.no_facts``, ``.no_trade``),
        ``G3.whatif.eligible`` (``.no_facts``), ``G3.whatif.no_trade`` — or ``G2.no_facts``."""
        case = self.case
        if case is WhatIfCase.SCORED:
            return () if self.scorecard is None else self.scorecard.reasons
        if case is WhatIfCase.NO_FACTS:
            return (Reason.of("G2", _R.G2_NO_FACTS),)
        if case is WhatIfCase.NO_TRADE:
            return (Reason.of("G3", _R.G3_WHATIF_NO_TRADE, months=self.months),)
        if case is WhatIfCase.NOT_ELIGIBLE:
            if self.then is None:
                return (Reason.of("G3", _R.G3_WHATIF_ELIGIBLE_NO_FACTS, since=self.since),)
            return (Reason.of("G3", _R.G3_WHATIF_ELIGIBLE, since=self.since, then=self.then),)
        if self.since is None:
            code = _R.G3_WHATIF_CAPPED_NO_TRADE
            return (Reason.of("G3", code, grade=self.grade, until=self.until, months=self.months),)
        if self.then is None:
            code = _R.G3_WHATIF_CAPPED_NO_FACTS
            return (Reason.of("G3", code, grade=self.grade, until=self.until, since=self.since),)
        return (
            Reason.of(
                "G3",
                _R.G3_WHATIF_CAPPED,
                grade=self.grade,
                until=self.until,
                since=self.since,
                then=self.then,
            ),
        )


_DAY = dt.timedelta(days=1)


def _what_if(result: CustomerGrade) -> GradeWhatIf:
    e, p, facts = result.eligibility, result.policy, result.customer.scorecard
    proposed = result.proposed_grade
    months = p.eligibility.min_trade_months
    if e.forced_grade is not None and e.new_until is not None:
        if e.eligible_from is None:
            return GradeWhatIf(WhatIfCase.CAPPED, proposed, until=e.new_until, months=months)
        since = max(e.new_until + _DAY, e.eligible_from)
        then = None if facts is None else score(facts, p, on=since).grade
        return GradeWhatIf(WhatIfCase.CAPPED, proposed, until=e.new_until, since=since, then=then)
    if proposed is not None and result.scorecard is not None:
        return _scored(proposed, result.scorecard.what_if)
    # not graded now: no trade yet, not yet eligible, or no scorecard facts
    if e.eligible_from is None:
        return GradeWhatIf(WhatIfCase.NO_TRADE, None, months=months)
    if not e.eligible:
        since = e.eligible_from
        then = None if facts is None else score(facts, p, on=since).grade
        return GradeWhatIf(WhatIfCase.NOT_ELIGIBLE, None, since=since, then=then)
    return GradeWhatIf(WhatIfCase.NO_FACTS, None)


def _scored(grade: Grade, what_if: WhatIf) -> GradeWhatIf:
    """The ``SCORED`` what-if of ``grade`` with the G2 what-if ``what_if``: shared, as the
    G2 what-if is by customers alike."""
    key = (grade, id(what_if))
    found = _SCORED.get(key)
    if found is not None and found.scorecard is what_if:
        return found
    return keep(_SCORED, key, GradeWhatIf(WhatIfCase.SCORED, grade, scorecard=what_if), 4096)


_SCORED: dict[tuple[Grade, int], GradeWhatIf] = {}
"""Scored what-ifs by grade and G2 what-if (:func:`_scored`); each holds its G2 what-if, so an
id in a key is not reused while the entry lives. Bounded."""


@quick_init(preset=("reasons", "deciding"))
@attrs.frozen
class CustomerGrade:
    """The outcome of the grading job for one customer.

    Attributes:
        customer: the customer graded.
        on: the day of the grading.
        grade: the grade IN FORCE on ``on`` — what a host stores and treats the customer by:
            the proposed grade once in force (a first grade, an unchanged grade, or a change the
            VP has approved), the previous grade while an upgrade or downgrade awaits approval
            or when the customer cannot be graded this time; ``None`` for a customer neither
            graded before nor now.
        category: the G3 category decision.
        eligibility: the G3 eligibility decision.
        scorecard: the G2 score (``None`` without scorecard facts).
        tier: the G4 tier and next revisit, by the grade in force (``None`` without one).
        report: the G5 report schedule, by the grade in force (``None`` without one).
        change: the G6 review of the proposed grade against ``previous_grade`` — upgrade,
            downgrade, unchanged, or new for a first grade — and whether it is signed off
            (``None`` when the customer cannot be graded). Without an ``approval`` to check,
            it is the same review for every customer with the same two grades (its
            ``subject`` is ``None``); with one, it is bound to the customer's ``id``.
        policy_version: the policy version that decided.
        proposed_grade: keyword-only; the grade this grading arrives at (G3 → G2 → the
            new-customer rule), in force or not; ``None`` if the customer cannot be graded yet.
        policy: keyword-only; the grading policy used (not written by
            ``interchange.to_data``; give it back with ``from_data(..., policy=book.grading)``).

    :attr:`pending_approval`, :attr:`pending_from`, :attr:`what_if`, :attr:`deciding`,
    :attr:`notes` and :attr:`reasons` are computed on first access.
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
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""
    proposed_grade: Grade | None = attrs.field(kw_only=True)
    policy: GradingPolicy = attrs.field(kw_only=True, repr=False)

    @functools.cached_property
    def pending_approval(self) -> bool:
        """G6: whether the proposed grade awaits approval — an upgrade or downgrade not yet
        approved; :attr:`grade` is then the previous grade."""
        return self.change is not None and self.change.pending

    @functools.cached_property
    def pending_from(self) -> tuple[Role, ...]:
        """G6: whose approval is pending (the approving roles, ``()`` when none is)."""
        return () if self.change is None else self.change.awaiting

    @functools.cached_property
    def what_if(self) -> GradeWhatIf:
        """What would change the final grade: the G2 what-if when the scorecard decides, else
        when the new-customer cap ends and what its current figures would give then, from when
        it can be graded, or what is missing."""
        return _what_if(self)

    @functools.cached_property
    def deciding(self) -> tuple[Reason, ...]:
        """The reasons that decided the proposed grade, without the supporting detail: G3's
        eligibility reasons or ``G2.no_facts`` without a grade, ``G3.new.override`` for a new
        customer, else the G2 total (``G2.total`` or ``G2.total.below``)."""
        proposed = self.proposed_grade
        if proposed is None:
            if self.scorecard is None and self.eligibility.eligible:
                return (Reason.of("G2", _R.G2_NO_FACTS),)
            return self.eligibility.reasons
        if self.eligibility.forced_grade is not None:
            scored = None if self.scorecard is None else self.scorecard.grade
            return (
                Reason.of(
                    "G3",
                    _R.G3_NEW_OVERRIDE,
                    grade=proposed,
                    scored=scored,
                    until=self.eligibility.new_until,
                ),
            )
        if self.scorecard is None:  # pragma: no cover - grade_customer never builds this
            return ()
        return self.scorecard.reasons[-1:]  # its grade_reason: G2.total or G2.total.below

    @functools.cached_property
    def notes(self) -> tuple[Reason, ...]:
        """What a reader must not miss beside :attr:`deciding`: arrears and an influence that
        scored 0 (G2), a revisit due now or overdue (G4), a changed grade with the state of its
        approval, or the previous grade kept when the customer cannot be graded (G6)."""
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
        kept = self._kept
        if kept is not None:
            found.append(kept)
        deciding = self.deciding
        return tuple(r for r in found if r not in deciding)

    @property
    def _kept(self) -> Reason | None:
        """``G6.kept`` when the customer cannot be graded and its previous grade stays."""
        if self.proposed_grade is None and self.grade is not None:
            return Reason.of("G6", _R.G6_KEPT, grade=self.grade)
        return None

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """Every reason, chapter by chapter: G3 category and eligibility, G2, G4, G5, G6."""
        found = [*self.category.reasons, *self.eligibility.reasons]
        if self.scorecard is not None:
            found.extend(self.scorecard.reasons)
        deciding = self.deciding
        # the deciding lines are the eligibility's or the G2 total above, or one line built
        # to say what decided: ``G3.new.override`` or ``G2.no_facts``
        if deciding and deciding[0].code in _BUILT:
            found.extend(deciding)
        for extra in (self.tier, self.report, self.change):
            if extra is not None:
                found.extend(extra.reasons)
        kept = self._kept
        if kept is not None:
            found.append(kept)
        return tuple(found)


def grade_customer(
    customer: Customer,
    policy: GradingPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
    approval: Approval | None = None,
) -> CustomerGrade:
    """Grade one customer: the library's main job.

    G3 decides the category and whether the customer may be graded; G2 scores it; G3's
    new-customer rule sets a customer developed less than a year ago to C whatever its score —
    that is the proposed grade. G6 says whether it is in force: a first grade (no
    ``previous_grade``) and an unchanged grade are in force at once, the review still awaiting
    the VP's sign-off; an upgrade or downgrade only with ``approval`` — the VP's
    :class:`~customer_rules.roles.Approval` for :data:`~customer_rules.grading.REGRADE`
    holding on ``on`` and not bound to another customer — and until then the previous grade
    stays in force (:attr:`CustomerGrade.pending_approval`). A customer that cannot be graded
    keeps its previous grade. G4 gives the service tier and next revisit and G5 the next written
    report, both by the grade in force.

    Every date of the customer is a fact about the past: ``first_trade``, ``developed_on`` and
    ``last_visit`` after ``on`` are refused, each named by its field. An influence assessment
    (G2) signed after ``on`` is not an error: it simply does not hold yet, and the scorecard says
    so.

    Args:
        customer: the customer.
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day of the grading.
        calendar: the calendar for report deadlines (working-day modes).
        approval: the VP's approval of this customer's re-grading (G6), if given; an approval
            bound to a ``subject`` must name the customer's ``id``.

    Returns:
        The grade in force and the proposed grade, with every intermediate decision and its
        reasons.

    Raises:
        InputError: naming ``policy`` unless it is a ``GradingPolicy`` (for a ``PolicyBook``
            pass ``book.grading``); naming ``customer`` unless it is a :class:`Customer`;
            naming ``on`` unless it is a date from 1900-01-01 to 2999-12-31; naming
            ``calendar`` unless it is a :class:`~customer_rules.calendars.Calendar`; naming
            ``approval`` unless it is an Approval or ``None``; naming every one of
            ``first_trade``, ``developed_on`` and ``last_visit`` that is after ``on``.
        CalendarCoverageError: if a working-day deadline falls outside the calendar's data.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy, Customer, CustomerCategory
        >>> c = Customer("C001", "新客户", CustomerCategory.BIG, first_trade=dt.date(2026, 6, 1))
        >>> r = grade_customer(c, GradingPolicy(), on=dt.date(2026, 11, 30))
        >>> r.grade, r.proposed_grade, r.pending_approval
        (<Grade.C: 'C'>, <Grade.C: 'C'>, False)
        >>> r.what_if.case, r.what_if.until, r.what_if.since
        (<WhatIfCase.CAPPED: 'capped'>, datetime.date(2027, 5, 31), datetime.date(2027, 6, 1))
    """
    job = _LAST.get(0)
    if (
        job is None
        or policy is not job.policy
        or calendar is not job.calendar
        or type(on) is not dt.date
        or on != job.day
    ):
        job = keep(_LAST, 0, _Job(grading_policy(policy), require_date(on, "on"), calendar), 1)
    if type(customer) is not Customer and not isinstance(customer, Customer):
        raise InputError("customer", customer, "a Customer")
    given = None if approval is None else _check_approval(approval)
    day = job.day
    first, developed, visited = customer.first_trade, customer.developed_on, customer.last_visit
    registered = customer.registered_on
    if (
        (first is not None and first > day)
        or (developed is not None and developed > day)
        or (visited is not None and visited > day)
        or (registered is not None and registered > day)
    ):
        raise _after(customer, day)
    checked = job.policy
    # the shared tables are read inline (a hit is the common case); a miss asks the job
    given_category = customer.category
    category = job.categories.get(given_category) or job.category(given_category)
    dates = (first, developed, registered)
    eligibility = job.eligibilities.get(dates) or job.eligibility(dates)
    facts = customer.scorecard
    scored = None if facts is None else _score(facts, checked, day)
    proposed: Grade | None
    if eligibility.forced_grade is not None:
        proposed = eligibility.forced_grade
    elif eligibility.eligible and scored is not None:
        proposed = scored.grade
    else:
        proposed = None
    change = None
    grade = customer.previous_grade
    if proposed is not None:
        if given is None:  # no sign-off to check: the same review for every such pair
            pair = (grade, proposed)
            change, grade = job.reviews.get(pair) or job.review(pair)
        else:
            change = _regrade(grade, proposed, checked, day, given, customer.id)
            grade = change.in_force
    tier = report = None
    if grade is not None:
        seen = (category.category, grade, visited)
        tier = job.tiers.get(seen) or job.tier(seen)
        report = job.reports.get(grade) or job.report(grade)
    return CustomerGrade(
        customer,
        day,
        grade,
        category,
        eligibility,
        scored,
        tier,
        report,
        change,
        checked.version,
        policy_effective=checked.effective,
        proposed_grade=proposed,
        policy=checked,
    )


_SHARED_MAX = 32768
"""At most this many shared results of one kind per :class:`_Job` (emptied when full)."""


class _Job:
    """What the grading job decides once per policy, day and calendar, and shares.

    A portfolio graded on one day under one policy repeats the same questions: the report
    schedule of a grade, the tier of a category and grade with a given last visit, the
    eligibility of a customer whose trade began on a given day. The answers are frozen results,
    equal to what :func:`report_schedule`, :func:`service_tier` and
    :func:`check_eligibility` give, so customers that ask the same question share one answer
    (and its reasons, built and rendered once). Each table is bounded.

    The checks every rule makes on ``policy``, ``on`` and ``calendar`` run once, when the job
    for them is made; :func:`grade_customer` keeps the last one.
    """

    __slots__ = (
        "calendar",
        "categories",
        "day",
        "eligibilities",
        "policy",
        "reports",
        "reviews",
        "tiers",
    )

    def __init__(self, policy: GradingPolicy, day: dt.date, calendar: Calendar) -> None:
        in_force(policy, day)
        self.policy, self.day, self.calendar = policy, day, calendar_arg(calendar)
        self.categories: dict[CustomerCategory | BigCustomerFacts, CategoryResult] = {}
        self.eligibilities: dict[tuple[dt.date | None, ...], EligibilityResult] = {}
        self.tiers: dict[tuple[CustomerCategory, Grade, dt.date | None], ServiceTierResult] = {}
        self.reports: dict[Grade, ReportSchedule] = {}
        self.reviews: dict[tuple[Grade | None, Grade], tuple[RegradeResult, Grade]] = {}

    def category(self, given: CustomerCategory | BigCustomerFacts) -> CategoryResult:
        """G3: the category, given or derived."""
        return keep(self.categories, given, _classify(given, self.policy), _SHARED_MAX)

    def eligibility(self, dates: tuple[dt.date | None, ...]) -> EligibilityResult:
        """G3: eligibility and the new-customer rule, from the customer's first trade,
        development and registration dates."""
        first, developed, registered = dates
        found = _eligibility(first, developed, self.policy, self.day, registered)
        return keep(self.eligibilities, dates, found, _SHARED_MAX)

    def tier(self, key: tuple[CustomerCategory, Grade, dt.date | None]) -> ServiceTierResult:
        """G4: the tier and next revisit of a category, grade and last visit."""
        category, grade, last_visit = key
        found = _service_tier(category, grade, self.policy, self.day, last_visit)
        return keep(self.tiers, key, found, _SHARED_MAX)

    def report(self, grade: Grade) -> ReportSchedule:
        """G5: the next report and its deadline chain."""
        found = report_schedule(grade, self.policy, on=self.day, calendar=self.calendar)
        if isinstance(self.calendar, CalendarDays | WorkingDayCalendar):  # frozen answers
            self.reports[grade] = found
        return found

    def review(self, pair: tuple[Grade | None, Grade]) -> tuple[RegradeResult, Grade]:
        """G6: the review of a (previous, proposed) pair without a sign-off to check — the
        same for every customer (its ``subject`` is ``None``: no approval is bound to one) —
        with the grade it leaves in force."""
        previous, proposed = pair
        found = _regrade(previous, proposed, self.policy, self.day, None, None)
        self.reviews[pair] = (found, found.in_force)  # at most 5 × 4 pairs
        return self.reviews[pair]


_LAST: dict[int, _Job] = {}
"""The job of the last call of :func:`grade_customer` under key 0 (one slot: a host grading a
portfolio asks about one policy and day at a time); kept by :func:`keep`, so ``forget_all``
empties it too."""


def _after(customer: Customer, day: dt.date) -> InputError:
    """One error naming every date of ``customer`` after ``day``."""
    expected = f"a date on or before {day.isoformat()}, the day of the grading"
    problems = [
        Problem.mismatch(name, value, expected)
        for name, value in (
            ("first_trade", customer.first_trade),
            ("developed_on", customer.developed_on),
            ("last_visit", customer.last_visit),
            ("registered_on", customer.registered_on),
        )
        if value is not None and value > day
    ]
    return InputError.of(problems)
