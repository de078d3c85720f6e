"""G4 — service tier by (category, grade): delivery priority, price, revisit cadence."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from customer_rules._frozen import quick_init
from customer_rules._grading.checks import grading_policy, in_force
from customer_rules._grading.codes import GradingReason
from customer_rules._grading.model import CustomerCategory, Grade, PriceLevel
from customer_rules.dates import require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.roles import Role
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = [
    "TIER_PRESETS",
    "RevisitMode",
    "ServiceBenefit",
    "ServiceTier",
    "ServiceTierPolicy",
    "ServiceTierResult",
    "service_tier",
]


class ServiceBenefit(LabelledEnum):
    """Services of the big-customer benefit table (大客户管理制度 第二章 第五条)."""

    CREDIT_SERVICE = "credit_service"
    """信用服务."""
    SUPPORTING_SERVICE = "supporting_service"
    """配套服务."""
    BASIC_SERVICE = "basic_service"
    """基本服务."""


set_labels(
    {
        ServiceBenefit.CREDIT_SERVICE: ("信用服务", "credit service"),
        ServiceBenefit.SUPPORTING_SERVICE: ("配套服务", "supporting service"),
        ServiceBenefit.BASIC_SERVICE: ("基本服务", "basic service"),
    }
)


class RevisitMode(LabelledEnum):
    """How a revisit period is counted (the catalogue's G4 ambiguity)."""

    ROLLING = "rolling"
    """From the last visit (自上次回访起算): a quarterly revisit is due three months after it
    [default]."""
    CALENDAR = "calendar"
    """Once per calendar period (按自然季度/半年/年): due by the end of the period after the one
    holding the last visit."""


set_labels(
    {
        RevisitMode.ROLLING: ("自上次回访起算", "rolling from the last visit"),
        RevisitMode.CALENDAR: ("按自然周期", "per calendar period"),
    }
)


_G4 = "G4; 003 §6.1.2"
_G4_BENEFITS = "G4; 003 §[管理制度]大客户管理制度 第二章 第五条"
_REQUIRED = attrs.NOTHING
"""The default of a column every row must give (a declared setting without a default)."""


@policy
class ServiceTier:
    """One row of a service-tier table.

    Attributes:
        category: 大客户 or 普通客户.
        grade: A, B, C or D.
        price: price treatment.
        priority: delivery priority from 1 (first, 发货优先) to 99; ``None`` where the table
            gives none.
        revisit_months: months between revisits, 1 to 120; ``None`` for no scheduled revisit.
        revisitors: the roles who revisit (at least one when ``revisit_months`` is set).
        benefits: further services (the big-customer benefit preset).
        seed: whether the row is the seed's own [seed] (``False``: the library's default for a
            blank [default]).

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    category: CustomerCategory = setting(default=_REQUIRED, unit=Unit.CHOICE, source=_G4)
    grade: Grade = setting(default=_REQUIRED, unit=Unit.CHOICE, source=_G4)
    price: PriceLevel = setting(default=_REQUIRED, unit=Unit.CHOICE, source=_G4)
    priority: int | None = setting(default=None, unit=Unit.COUNT, source=_G4, low=1, high=99)
    revisit_months: int | None = setting(
        default=None, unit=Unit.MONTHS, source=_G4, low=1, high=120
    )
    revisitors: tuple[Role, ...] = setting(default=(), unit=Unit.ROLES, source=_G4)
    benefits: tuple[ServiceBenefit, ...] = setting(
        default=(), unit=Unit.CHOICE, source=_G4_BENEFITS
    )
    seed: bool = setting(default=True, unit=Unit.FLAG, source=_G4)

    def _check(self) -> Iterator[Problem]:
        if self.revisit_months is not None and not self.revisitors:
            yield Problem("revisitors", "expected who revisits, got none", None, "a role")


_BIG, _ORD = CustomerCategory.BIG, CustomerCategory.ORDINARY
_VP, _MGR, _OFFICE = Role.VP_IN_CHARGE, Role.SALES_MANAGER, Role.OFFICE_DIRECTOR

SEED_TREATMENT = (
    # 003 §6.1.2 分类客户享受待遇 [seed]
    ServiceTier(_BIG, Grade.A, PriceLevel.BEST, 1, 3, (_VP, _MGR)),
    ServiceTier(_BIG, Grade.B, PriceLevel.BETTER, 2, 6, (_VP, _MGR)),
    ServiceTier(_ORD, Grade.A, PriceLevel.BETTER, 3, 12, (_MGR,)),
    ServiceTier(_BIG, Grade.C, PriceLevel.DISCOUNT, 4, 12, (_MGR,)),
    ServiceTier(_ORD, Grade.B, PriceLevel.DISCOUNT, 5, 6, (_OFFICE,)),
    # the seed stops at 普通客户B; the rest are the library's defaults [default]
    ServiceTier(_ORD, Grade.C, PriceLevel.LIST, 6, seed=False),
    ServiceTier(_BIG, Grade.D, PriceLevel.LIST, 7, seed=False),
    ServiceTier(_ORD, Grade.D, PriceLevel.LIST, 7, seed=False),
)

BIG_CUSTOMER_BENEFITS = (
    # 003 §[管理制度]大客户管理制度 第二章 第五条 [seed]
    ServiceTier(_BIG, Grade.A, PriceLevel.BEST, benefits=(ServiceBenefit.CREDIT_SERVICE,)),
    ServiceTier(_BIG, Grade.B, PriceLevel.DISCOUNT, benefits=(ServiceBenefit.SUPPORTING_SERVICE,)),
    ServiceTier(_BIG, Grade.C, PriceLevel.LIST, benefits=(ServiceBenefit.BASIC_SERVICE,)),
)

TIER_PRESETS: Mapping[str, tuple[ServiceTier, ...]] = MappingProxyType(
    {"treatment_6_1_2": SEED_TREATMENT, "big_customer_benefits": BIG_CUSTOMER_BENEFITS}
)
"""The G4 tables of the seeds, by name: ``treatment_6_1_2`` (the default) and
``big_customer_benefits``."""


@policy
class ServiceTierPolicy:
    """G4: the service-tier table. Source: seed 003 §6.1.2; §[管理制度]大客户管理制度 第二章 第五条.

    Attributes:
        tiers: one row per (category, grade); a pair with no row has no tier. Default: the
            6.1.2 treatment table [seed], completed for 普通C and grade D [default].
        revisit_mode: rolling from the last visit [default] or per calendar period.

    Raises:
        PolicyError: listing every invalid field with its path (``tiers[2].revisitors[0]``) and
            every duplicate (category, grade) row.
    """

    tiers: tuple[ServiceTier, ...] = setting(default=SEED_TREATMENT, unit=Unit.TABLES, source=_G4)
    revisit_mode: RevisitMode = setting(
        default=RevisitMode.ROLLING, unit=Unit.CHOICE, source=_G4, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        seen: set[tuple[CustomerCategory, Grade]] = set()
        for i, tier in enumerate(self.tiers):
            key = (tier.category, tier.grade)
            if key in seen:
                yield Problem(
                    f"tiers[{i}]", f"duplicate row for {tier.category.value} {tier.grade.value}"
                )
            seen.add(key)

    @functools.cached_property
    def _index(self) -> Mapping[tuple[CustomerCategory, Grade], ServiceTier]:
        """The rows by (category, grade), built once, after validation."""
        return {(t.category, t.grade): t for t in self.tiers}

    def lookup(self, category: CustomerCategory, grade: Grade) -> ServiceTier | None:
        """The row for ``(category, grade)``, or ``None``.

        Raises:
            InputError: for a non-category or non-grade argument.
        """
        if not isinstance(category, CustomerCategory):
            raise InputError("category", category, "a CustomerCategory (BIG or ORDINARY)")
        if not isinstance(grade, Grade):
            raise InputError("grade", grade, "a Grade (A, B, C or D)")
        return self._index.get((category, grade))


@quick_init(preset=("reasons",))
@attrs.frozen
class ServiceTierResult:
    """G4: the tier of a customer and its next revisit.

    Attributes:
        category: the customer's category.
        grade: the customer's grade.
        tier: the table row, ``None`` if the table has none for the pair.
        last_visit: the last revisit, ``None`` if never visited.
        next_revisit: when the next revisit is due; ``None`` without a scheduled revisit.
        overdue: whether ``next_revisit`` is before the day asked about.
        policy_version: the policy version that decided.
    """

    category: CustomerCategory
    grade: Grade
    tier: ServiceTier | None
    last_visit: dt.date | None
    next_revisit: dt.date | None
    overdue: bool
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """G4 reasons: the tier row and the revisit due date."""
        t = self.tier
        if t is None:
            return (
                Reason.of("G4", GradingReason.G4_NONE, category=self.category, grade=self.grade),
            )
        out = [
            Reason.of(
                "G4",
                _tier_code(t),
                category=self.category,
                grade=self.grade,
                priority=t.priority,
                price=t.price,
                benefits=t.benefits or None,
            )
        ]
        if t.revisit_months is None:
            out.append(Reason.of("G4", GradingReason.G4_NO_REVISIT))
        elif self.last_visit is None:
            out.append(
                Reason.of("G4", GradingReason.G4_NEVER, due=self.next_revisit, who=t.revisitors)
            )
        else:
            out.append(
                Reason.of(
                    "G4",
                    GradingReason.G4_OVERDUE if self.overdue else GradingReason.G4_REVISIT,
                    months=t.revisit_months,
                    who=t.revisitors,
                    last=self.last_visit,
                    due=self.next_revisit,
                )
            )
        return tuple(out)


def service_tier(
    category: CustomerCategory,
    grade: Grade,
    policy: GradingPolicy,
    *,
    on: dt.date,
    last_visit: dt.date | None = None,
) -> ServiceTierResult:
    """G4: delivery priority, price and revisit cadence of a tier, and the next revisit due.

    The seed's table (003 §6.1.2): 大A priority 1, best price, quarterly revisit by the VP in
    charge and the business-department manager; 大B 2, better price, half-yearly by both; 普A 3,
    better price, yearly by the manager; 大C 4, appropriate discount, yearly by the manager; 普B 5,
    appropriate discount, half-yearly by the office director. 普C and grade D are blank in the
    seed: priority 6/7, list price, no scheduled revisit [default].

    Args:
        category: 大客户 or 普通客户.
        grade: A, B, C or D.
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day asked about (for ``overdue``; a customer never visited is due on it), from
            :data:`~customer_rules.dates.EARLIEST` to :data:`~customer_rules.dates.LATEST`.
        last_visit: the last revisit, in the same range.

    Returns:
        The tier row and the next revisit due date.

    Raises:
        InputError: for a non-category or non-grade argument, a ``policy`` that is not a
            ``GradingPolicy``, or a non-date or out-of-range ``on`` or ``last_visit``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import CustomerCategory, Grade, GradingPolicy
        >>> r = service_tier(CustomerCategory.BIG, Grade.A, GradingPolicy(),
        ...                  on=dt.date(2026, 11, 1), last_visit=dt.date(2026, 9, 15))
        >>> r.tier.priority, r.next_revisit
        (1, datetime.date(2026, 12, 15))
    """
    if not isinstance(category, CustomerCategory):
        raise InputError("category", category, "a CustomerCategory (BIG or ORDINARY)")
    if not isinstance(grade, Grade):
        raise InputError("grade", grade, "a Grade (A, B, C or D)")
    grading = grading_policy(policy)
    day = require_date(on, "on")
    in_force(grading, day)
    last = None if last_visit is None else require_date(last_visit, "last_visit")
    return _service_tier(category, grade, grading, day, last)


def _service_tier(
    category: CustomerCategory,
    grade: Grade,
    grading: GradingPolicy,
    day: dt.date,
    last: dt.date | None,
) -> ServiceTierResult:
    """:func:`service_tier` on checked arguments."""
    p = grading.service
    tier = p._index.get((category, grade))
    due = None
    if tier is not None and tier.revisit_months is not None:
        due = day if last is None else _next_revisit(last, tier.revisit_months, p.revisit_mode)
    overdue = due is not None and due < day
    return ServiceTierResult(
        category,
        grade,
        tier,
        last,
        due,
        overdue,
        grading.version,
        policy_effective=grading.effective,
    )


def _tier_code(tier: ServiceTier) -> GradingReason:
    if tier.benefits:
        return GradingReason.G4_TIER_BENEFITS
    return GradingReason.G4_TIER if tier.seed else GradingReason.G4_TIER_DEFAULT


def _next_revisit(last: dt.date, months: int, mode: RevisitMode) -> dt.date:
    """The revisit due date; plain month arithmetic, so a due date after
    :data:`~customer_rules.dates.LATEST` (at most 239 months after it) is still an answer."""
    index = last.year * 12 + last.month - 1
    if mode is RevisitMode.ROLLING:
        year, month0 = divmod(index + months, 12)
        return dt.date(year, month0 + 1, min(last.day, _days_in(year, month0 + 1)))
    period_start = index - (last.month - 1) + ((last.month - 1) // months) * months
    year, month0 = divmod(period_start + 2 * months - 1, 12)
    return dt.date(year, month0 + 1, _days_in(year, month0 + 1))


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
