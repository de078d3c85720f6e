"""G4 — service tier by (category, grade): delivery priority, price, revisit cadence."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from customer_rules._grading.model import CustomerCategory, Grade, PriceLevel
from customer_rules._labels import LabelledEnum, set_labels
from customer_rules._validation import check_instance, check_int, raise_if
from customer_rules.dates import add_months, month_end, require_date
from customer_rules.errors import InputError, Problem
from customer_rules.reasons import Reason, register_messages
from customer_rules.roles import Role

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


class RevisitMode(enum.Enum):
    """How a revisit period is counted (the catalogue's G4 ambiguity)."""

    ROLLING = "rolling"
    """From the last visit: a quarterly revisit is due three months after it [default]."""
    CALENDAR = "calendar"
    """Once per calendar quarter / half-year / year: due by the end of the period after the one
    holding the last visit."""


def _roles(values: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(values)


def _benefits(values: Iterable[ServiceBenefit]) -> tuple[ServiceBenefit, ...]:
    return tuple(values)


@attrs.frozen
class ServiceTier:
    """One row of a service-tier table.

    Attributes:
        category: 大客户 or 普通客户.
        grade: A, B, C or D.
        price: price treatment.
        priority: delivery priority, 1 first (发货优先); ``None`` where the table gives none.
        revisit_months: months between revisits; ``None`` for no scheduled revisit.
        revisitors: the roles who revisit.
        benefits: further services (the big-customer benefit preset).
        seed: whether the row is the seed's own (``False``: the library's default for a blank).
    """

    category: CustomerCategory
    grade: Grade
    price: PriceLevel
    priority: int | None = None
    revisit_months: int | None = None
    revisitors: tuple[Role, ...] = attrs.field(default=(), converter=_roles)
    benefits: tuple[ServiceBenefit, ...] = attrs.field(default=(), converter=_benefits)
    seed: bool = True

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_instance(problems, "category", self.category, CustomerCategory)
        check_instance(problems, "grade", self.grade, Grade)
        check_instance(problems, "price", self.price, PriceLevel)
        if self.priority is not None:
            check_int(problems, "priority", self.priority, 1, 99)
        if self.revisit_months is not None:
            check_int(problems, "revisit_months", self.revisit_months, 1, 120)
            if not self.revisitors:
                problems.append(Problem("revisitors", "expected who revisits, got none"))
        raise_if(problems)


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


def _tiers(values: Iterable[ServiceTier]) -> tuple[ServiceTier, ...]:
    return tuple(values)


@attrs.frozen
class ServiceTierPolicy:
    """G4: the service-tier table. Source: seed 003 §6.1.2; §[管理制度]大客户管理制度 第二章 第五条.

    Attributes:
        tiers: one row per (category, grade); a pair with no row has no tier. Default: the
            6.1.2 treatment table, completed for 普通C and grade D [default].
        revisit_mode: rolling from the last visit [default] or per calendar period.
    """

    tiers: tuple[ServiceTier, ...] = attrs.field(default=SEED_TREATMENT, converter=_tiers)
    revisit_mode: RevisitMode = RevisitMode.ROLLING
    _index: Mapping[tuple[CustomerCategory, Grade], ServiceTier] = attrs.field(
        init=False, repr=False, eq=False, hash=False
    )

    @_index.default
    def _build_index(self) -> Mapping[tuple[CustomerCategory, Grade], ServiceTier]:
        return {(t.category, t.grade): t for t in self.tiers}

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_instance(problems, "revisit_mode", self.revisit_mode, RevisitMode)
        seen: set[tuple[CustomerCategory, Grade]] = set()
        for i, tier in enumerate(self.tiers):
            if not isinstance(tier, ServiceTier):
                problems.append(Problem(f"tiers[{i}]", f"expected a ServiceTier, got {tier!r}"))
                continue
            key = (tier.category, tier.grade)
            if key in seen:
                problems.append(
                    Problem(
                        f"tiers[{i}]", f"duplicate row for {tier.category.value} {tier.grade.value}"
                    )
                )
            seen.add(key)
        raise_if(problems)

    def lookup(self, category: CustomerCategory, grade: Grade) -> ServiceTier | None:
        """The row for ``(category, grade)``, or ``None``."""
        return self._index.get((category, grade))


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

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """G4 reasons: the tier row and the revisit due date."""
        t = self.tier
        if t is None:
            return (Reason.of("G4", "G4.none", category=self.category, grade=self.grade),)
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
            out.append(Reason.of("G4", "G4.no_revisit"))
        elif self.last_visit is None:
            out.append(Reason.of("G4", "G4.never", due=self.next_revisit, who=t.revisitors))
        else:
            out.append(
                Reason.of(
                    "G4",
                    "G4.overdue" if self.overdue else "G4.revisit",
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
        policy: the grading policy.
        on: the day asked about (for ``overdue``; a customer never visited is due on it).
        last_visit: the last revisit.

    Returns:
        The tier row and the next revisit due date.

    Raises:
        InputError: for a non-category, non-grade or non-date argument.

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
    require_date(on, "on")
    if last_visit is not None:
        require_date(last_visit, "last_visit")
    p = policy.service
    tier = p.lookup(category, grade)
    due = None
    if tier is not None and tier.revisit_months is not None:
        due = on if last_visit is None else _next_revisit(last_visit, tier.revisit_months, p)
    overdue = due is not None and due < on
    return ServiceTierResult(category, grade, tier, last_visit, due, overdue, policy.version)


def _tier_code(tier: ServiceTier) -> str:
    if tier.benefits:
        return "G4.tier.benefits"
    return "G4.tier" if tier.seed else "G4.tier.default"


def _next_revisit(last: dt.date, months: int, p: ServiceTierPolicy) -> dt.date:
    if p.revisit_mode is RevisitMode.ROLLING:
        return add_months(last, months)
    period_start_month = ((last.month - 1) // months) * months
    start_of_period = dt.date(last.year, period_start_month + 1, 1)
    return month_end(add_months(start_of_period, 2 * months - 1))


register_messages(
    {
        "G4.tier": (
            "{category}{grade}:发货优先级 {priority},{price}",
            "{category} {grade}: delivery priority {priority}, {price}",
        ),
        "G4.tier.benefits": (
            "{category}{grade}:{price};{benefits}",
            "{category} {grade}: {price}; {benefits}",
        ),
        "G4.tier.default": (
            "{category}{grade}:制度未列明,按本库默认:发货优先级 {priority},{price}",
            "{category} {grade}: blank in the seed, library default: priority {priority}, {price}",
        ),
        "G4.none": (
            "{category}{grade}:所用待遇表未列此级别",
            "{category} {grade}: the tier table in use has no row for it",
        ),
        "G4.no_revisit": ("无定期回访安排", "no scheduled revisit"),
        "G4.never": (
            "尚无回访记录,应立即回访(回访人:{who}),截止 {due}",
            "never revisited: due now ({who}), by {due}",
        ),
        "G4.revisit": (
            "每 {months} 个月由 {who} 回访;上次 {last},下次截止 {due}",
            "revisit every {months} months by {who}; last {last}, next due {due}",
        ),
        "G4.overdue": (
            "每 {months} 个月由 {who} 回访;上次 {last},已于 {due} 逾期",
            "revisit every {months} months by {who}; last {last}, overdue since {due}",
        ),
    }
)
