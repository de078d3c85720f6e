"""G3 — category, eligibility for grading, the new-customer rule, big customers, key customers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from customer_rules._grading.model import CustomerCategory, Grade, PurchaseFrequency
from customer_rules._labels import LabelledEnum, set_labels
from customer_rules._validation import (
    IS_BOOL,
    amount_field,
    check_descending,
    check_instance,
    check_int,
    check_roles,
    fact_check,
    number_field,
    raise_if,
    roles_field,
)
from customer_rules.dates import add_months, require_date
from customer_rules.errors import InputError, Problem
from customer_rules.money import parse_amount, parse_decimal
from customer_rules.reasons import Reason, register_messages
from customer_rules.roles import Approval, Role, in_rank_order

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = [
    "KEY_CUSTOMER",
    "BigCustomerFacts",
    "BigCustomerLevel",
    "BigCustomerLevelResult",
    "BigCustomerProfile",
    "CategoryResult",
    "CriteriaMode",
    "EligibilityPolicy",
    "EligibilityResult",
    "KeyCustomerResult",
    "big_customer_level",
    "check_eligibility",
    "classify_category",
    "designate_key_customer",
]

KEY_CUSTOMER = "G3.key_customer"
"""The ``Approval.what`` of a key-customer designation (重点客户)."""


class CriteriaMode(LabelledEnum):
    """How the four big-customer criteria (第五条) combine; the seed has no and/or."""

    ANY = "any"
    """Any one criterion qualifies [default]."""
    ALL = "all"
    """All four are needed."""


set_labels(
    {
        CriteriaMode.ANY: ("满足任一项", "any one criterion"),
        CriteriaMode.ALL: ("四项全部满足", "all four criteria"),
    }
)


_IS_GRADE = fact_check(Grade, "a Grade (A, B, C or D)")
_IS_FREQUENCY = fact_check(PurchaseFrequency, "a PurchaseFrequency (MONTHLY, QUARTERLY, IRREGULAR)")


@attrs.frozen
class BigCustomerLevel:
    """One row of the big-customer worked examples (G3, seed 003 §公司大客户管理制度 (2nd)).

    A customer reaches the level with annual sales of at least ``min_annual_sales``, buying at
    least as often as ``min_frequency``, for at least ``min_years`` of cooperation.
    """

    grade: Grade = attrs.field(validator=_IS_GRADE)
    min_annual_sales: Decimal = amount_field(0)
    min_frequency: PurchaseFrequency = attrs.field(
        default=PurchaseFrequency.IRREGULAR, validator=_IS_FREQUENCY
    )
    min_years: int = 0


_SEED_LEVELS = (
    BigCustomerLevel(Grade.A, Decimal(10_000_000), PurchaseFrequency.MONTHLY, 10),
    BigCustomerLevel(Grade.B, Decimal(5_000_000), PurchaseFrequency.QUARTERLY, 3),
    BigCustomerLevel(Grade.C, Decimal(1_000_000), PurchaseFrequency.IRREGULAR, 1),
)

_DESIGNATORS = frozenset({Role.BUSINESS_STATISTICS, Role.OFFICE_DIRECTOR})


def _levels(values: Iterable[BigCustomerLevel]) -> tuple[BigCustomerLevel, ...]:
    return tuple(values)


@attrs.frozen
class EligibilityPolicy:
    """G3 parameters. Source: seed 003 §6.1.1-3, §公司大客户管理制度 (2nd) 第四、五条, §6.2.4-2(3)b.

    Attributes:
        min_trade_months: months of normal trade before a customer is graded [seed: 6–12 months;
            default 6].
        new_customer_months: a customer developed less than this many months ago is a new
            customer [seed: 一年之内, 12].
        new_customer_grade: the grade of every new customer "whatever its size" [seed: C].
        big_sales_share_pct: criterion 1 — annual sales or purchases above this share (percent)
            of the company's sales [default 5; the seed leaves the share blank].
        big_criteria: how the four criteria combine [default ANY].
        big_levels: the big-customer A/B/C worked examples [seed], best first.
        key_customer_designators: the roles that designate key customers jointly (业务统计与办事处
            一起确定) [seed].
    """

    min_trade_months: int = 6
    new_customer_months: int = 12
    new_customer_grade: Grade = Grade.C
    big_sales_share_pct: Decimal = number_field(5)
    big_criteria: CriteriaMode = CriteriaMode.ANY
    big_levels: tuple[BigCustomerLevel, ...] = attrs.field(default=_SEED_LEVELS, converter=_levels)
    key_customer_designators: frozenset[Role] = roles_field(_DESIGNATORS)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_int(problems, "min_trade_months", self.min_trade_months, 0, 120)
        check_int(problems, "new_customer_months", self.new_customer_months, 0, 120)
        check_instance(problems, "new_customer_grade", self.new_customer_grade, Grade)
        check_instance(problems, "big_criteria", self.big_criteria, CriteriaMode)
        if not Decimal(0) <= self.big_sales_share_pct <= Decimal(100):
            problems.append(
                Problem(
                    "big_sales_share_pct",
                    f"expected a percentage from 0 to 100, got {self.big_sales_share_pct}",
                )
            )
        check_roles(
            problems, "key_customer_designators", self.key_customer_designators, required=True
        )
        if self.big_levels:
            check_descending(
                problems,
                tuple(f"big_levels[{i}].min_annual_sales" for i in range(len(self.big_levels))),
                tuple(level.min_annual_sales for level in self.big_levels),
            )
        raise_if(problems)


# --------------------------------------------------------------------------- category


def _optional_number(value: object) -> Decimal | None:
    return None if value is None else parse_decimal(value, "sales_share_pct")


@attrs.frozen
class BigCustomerFacts:
    """The facts behind the four big-customer criteria (大客户识别标准, 第五条).

    Attributes:
        sales_share_pct: the customer's annual sales or purchases as a percentage of the
            company's annual sales; ``None`` when unknown (the criterion is then not met).
        high_recognition: high recognition of our products with important influence on our
            business.
        long_term_intent: long-term intent to cooperate, bringing continuing business.
        industry_renown: high renown in its industry, good for our brand.
    """

    sales_share_pct: Decimal | None = attrs.field(default=None, converter=_optional_number)
    high_recognition: bool = attrs.field(default=False, validator=IS_BOOL)
    long_term_intent: bool = attrs.field(default=False, validator=IS_BOOL)
    industry_renown: bool = attrs.field(default=False, validator=IS_BOOL)


@attrs.frozen
class CategoryResult:
    """G3: big or ordinary, and which criteria decided.

    Attributes:
        category: 大客户 or 普通客户.
        met: the names of the criteria met, in the seed's order.
        given: whether the category was given by the host rather than derived.
        policy_version: the policy version that decided.
    """

    category: CustomerCategory
    met: tuple[str, ...]
    given: bool
    policy_version: str
    mode: CriteriaMode = CriteriaMode.ANY

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One G3 reason."""
        if self.given:
            return (Reason.of("G3", "G3.category.given", category=self.category),)
        return (
            Reason.of(
                "G3",
                "G3.category",
                category=self.category,
                met=tuple(_CRITERIA_LABELS[name] for name in self.met) or None,
                mode=self.mode,
            ),
        )


class _Criterion(LabelledEnum):
    SALES_SHARE = "sales_share"
    HIGH_RECOGNITION = "high_recognition"
    LONG_TERM_INTENT = "long_term_intent"
    INDUSTRY_RENOWN = "industry_renown"


set_labels(
    {
        _Criterion.SALES_SHARE: ("年销售(采购)额占比", "sales share"),
        _Criterion.HIGH_RECOGNITION: ("高度认可且影响重要", "high recognition"),
        _Criterion.LONG_TERM_INTENT: ("长期合作意愿", "long-term intent"),
        _Criterion.INDUSTRY_RENOWN: ("行业知名度", "industry renown"),
    }
)
_CRITERIA_LABELS = {c.value: c for c in _Criterion}


def classify_category(
    facts: BigCustomerFacts | CustomerCategory, policy: GradingPolicy
) -> CategoryResult:
    """G3: big customer (大客户) or ordinary (普通客户).

    The seed divides customers "by order size and future potential" without a threshold, so the
    category is either given by the host or derived from the four big-customer criteria of
    第五条 — any one qualifies by default (``policy.eligibility.big_criteria``).

    Args:
        facts: a category the host already decided, or the criteria facts.
        policy: the grading policy.

    Returns:
        The category and the criteria met.

    Raises:
        InputError: if ``facts`` is neither.

    Example:
        >>> from customer_rules.grading import GradingPolicy
        >>> classify_category(BigCustomerFacts(industry_renown=True), GradingPolicy()).category
        <CustomerCategory.BIG: 'big'>
    """
    p = policy.eligibility
    if isinstance(facts, CustomerCategory):
        return CategoryResult(facts, (), True, policy.version, p.big_criteria)
    if not isinstance(facts, BigCustomerFacts):
        raise InputError("facts", facts, "a BigCustomerFacts or a CustomerCategory")
    share = facts.sales_share_pct
    flags = (
        (_Criterion.SALES_SHARE.value, share is not None and share > p.big_sales_share_pct),
        (_Criterion.HIGH_RECOGNITION.value, facts.high_recognition),
        (_Criterion.LONG_TERM_INTENT.value, facts.long_term_intent),
        (_Criterion.INDUSTRY_RENOWN.value, facts.industry_renown),
    )
    met = tuple(name for name, ok in flags if ok)
    qualifies = bool(met) if p.big_criteria is CriteriaMode.ANY else len(met) == len(flags)
    category = CustomerCategory.BIG if qualifies else CustomerCategory.ORDINARY
    return CategoryResult(category, met, False, policy.version, p.big_criteria)


# --------------------------------------------------------------------------- eligibility


@attrs.frozen
class EligibilityResult:
    """G3: may the customer be graded, and is it a new customer?

    Attributes:
        eligible: enough months of normal trade for the scorecard.
        eligible_from: the first day it is eligible (``None`` without a first trade).
        new_customer: developed less than ``new_customer_months`` ago.
        new_until: the last day it counts as new (``None`` if the development date is unknown).
        forced_grade: the grade the new-customer rule imposes, ``None`` if it does not apply.
        policy_version: the policy version that decided.
    """

    eligible: bool
    eligible_from: dt.date | None
    new_customer: bool
    new_until: dt.date | None
    forced_grade: Grade | None
    policy_version: str

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """G3 reasons for eligibility and the new-customer rule."""
        out = []
        if self.eligible_from is None:
            out.append(Reason.of("G3", "G3.no_trade"))
        elif self.eligible:
            out.append(Reason.of("G3", "G3.eligible", since=self.eligible_from))
        else:
            out.append(Reason.of("G3", "G3.not_eligible", since=self.eligible_from))
        if self.new_customer:
            out.append(Reason.of("G3", "G3.new", until=self.new_until, grade=self.forced_grade))
        return tuple(out)


def check_eligibility(
    first_trade: dt.date | None,
    developed_on: dt.date | None,
    policy: GradingPolicy,
    *,
    on: dt.date,
) -> EligibilityResult:
    """G3: eligibility after 6 months of normal trade, and the new-customer grade C.

    "经过六个月至一年正常的商业往来后" — graded after ``min_trade_months`` (6) of trade;
    "新开发的客户,不管规模大小,一年之内都列为C等级" — a customer developed less than a year ago
    (counted from its development, i.e. first contract [default]) is C whatever its score.

    Args:
        first_trade: the day normal trade began (``None``: no trade yet).
        developed_on: the day the customer was developed (first contract); ``None`` falls back
            to ``first_trade``.
        policy: the grading policy.
        on: the day of the decision.

    Returns:
        Whether it is eligible and whether the new-customer rule applies.

    Raises:
        InputError: for a non-date, or a development or first-trade date after ``on``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> day = dt.date(2026, 11, 1)
        >>> r = check_eligibility(dt.date(2026, 5, 1), None, GradingPolicy(), on=day)
        >>> r.eligible, r.new_customer, r.forced_grade
        (True, True, <Grade.C: 'C'>)
    """
    require_date(on, "on")
    p = policy.eligibility
    if first_trade is not None:
        require_date(first_trade, "first_trade")
        if first_trade > on:
            raise InputError("first_trade", first_trade, f"a date on or before {on}")
    if developed_on is not None:
        require_date(developed_on, "developed_on")
        if developed_on > on:
            raise InputError("developed_on", developed_on, f"a date on or before {on}")
    developed = developed_on if developed_on is not None else first_trade
    eligible_from = None if first_trade is None else add_months(first_trade, p.min_trade_months)
    eligible = eligible_from is not None and on >= eligible_from
    new_until = None
    new_customer = False
    if developed is not None:
        new_until = add_months(developed, p.new_customer_months) - dt.timedelta(days=1)
        new_customer = on <= new_until
    forced = p.new_customer_grade if new_customer else None
    return EligibilityResult(
        eligible, eligible_from, new_customer, new_until, forced, policy.version
    )


# --------------------------------------------------------------------------- big-customer levels


def _to_annual_sales(value: object) -> Decimal:
    return parse_amount(value, "annual_sales")


@attrs.frozen
class BigCustomerProfile:
    """What the big-customer worked examples look at.

    Attributes:
        annual_sales: our annual sales to the customer.
        frequency: how often it buys.
        years: whole years of cooperation.
    """

    annual_sales: Decimal = attrs.field(converter=_to_annual_sales)
    frequency: PurchaseFrequency = attrs.field(validator=_IS_FREQUENCY)
    years: int = attrs.field()

    @years.validator
    def _check_years(self, attribute: object, value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InputError("years", value, "a whole number of years ≥ 0")


@attrs.frozen
class BigCustomerLevelResult:
    """G3: the big-customer level (A/B/C) a profile reaches, ``None`` below C."""

    level: Grade | None
    profile: BigCustomerProfile
    row: BigCustomerLevel | None
    policy_version: str

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One G3 reason naming the example row reached."""
        pr = self.profile
        if self.row is None:
            return (
                Reason.of(
                    "G3", "G3.level.none", sales=pr.annual_sales, freq=pr.frequency, years=pr.years
                ),
            )
        return (
            Reason.of(
                "G3",
                "G3.level",
                sales=pr.annual_sales,
                freq=pr.frequency,
                years=pr.years,
                level=self.row.grade,
                min_sales=self.row.min_annual_sales,
                min_freq=self.row.min_frequency,
                min_years=self.row.min_years,
            ),
        )


def big_customer_level(
    profile: BigCustomerProfile, policy: GradingPolicy
) -> BigCustomerLevelResult:
    """G3: the big-customer level from the seed's worked examples.

    A: > 10,000,000 a year, monthly purchases, 10+ years; B: ≈ 5,000,000, quarterly, 3 years;
    C: ≈ 1,000,000, irregular, 1 year [seed]. "约" (about) is read as "at least" [default]; the
    rows are ``policy.eligibility.big_levels``, tried best first.

    Example:
        >>> from customer_rules.grading import GradingPolicy
        >>> p = BigCustomerProfile("500万", PurchaseFrequency.QUARTERLY, 3)
        >>> big_customer_level(p, GradingPolicy()).level
        <Grade.B: 'B'>
    """
    for row in policy.eligibility.big_levels:
        if (
            profile.annual_sales >= row.min_annual_sales
            and profile.frequency.rank >= row.min_frequency.rank
            and profile.years >= row.min_years
        ):
            return BigCustomerLevelResult(row.grade, profile, row, policy.version)
    return BigCustomerLevelResult(None, profile, None, policy.version)


# --------------------------------------------------------------------------- key customers


@attrs.frozen
class KeyCustomerResult:
    """G3: whether a customer (possibly a potential one) is designated a key customer (重点客户)."""

    designated: bool
    signed_by: tuple[Role, ...]
    missing: tuple[Role, ...]
    policy_version: str

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One G3 reason naming who signed and who is missing."""
        if self.designated:
            return (Reason.of("G3", "G3.key", roles=self.signed_by),)
        return (Reason.of("G3", "G3.key.missing", missing=self.missing),)


def designate_key_customer(
    approvals: Iterable[Approval], policy: GradingPolicy, *, on: dt.date
) -> KeyCustomerResult:
    """G3: key customers are designated jointly by business statistics and the office.

    "业务统计…与办事处一起确定重点客户。重点客户不仅要包括现有客户,而且还应包括未来客户或潜在客户"
    — every role of ``policy.eligibility.key_customer_designators`` must have signed an
    :class:`Approval` for :data:`KEY_CUSTOMER` that holds on ``on``. No trade history is
    required: potential customers may be key customers.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> d = dt.date(2026, 3, 1)
        >>> a = Approval("李", Role.BUSINESS_STATISTICS, KEY_CUSTOMER, d)
        >>> b = Approval("赵", Role.OFFICE_DIRECTOR, KEY_CUSTOMER, d)
        >>> designate_key_customer([a, b], GradingPolicy(), on=d).designated
        True
    """
    require_date(on, "on")
    needed = policy.eligibility.key_customer_designators
    signed = set()
    for approval in approvals:
        if not isinstance(approval, Approval):
            raise InputError("approvals", approval, "Approval records")
        if approval.grants(needed, KEY_CUSTOMER, on):
            signed.add(approval.role)
    missing = in_rank_order(needed - signed)
    ordered = in_rank_order(signed)
    return KeyCustomerResult(not missing, ordered, missing, policy.version)


register_messages(
    {
        "G3.category.given": (
            "客户类别:{category}(由业务系统给定)",
            "category: {category} (given)",
        ),
        "G3.category": (
            "大客户识别标准({mode})满足:{met} → {category}",
            "big-customer criteria ({mode}) met: {met} → {category}",
        ),
        "G3.no_trade": ("尚无正常商业往来,不评级", "no normal trade yet: not graded"),
        "G3.eligible": (
            "正常商业往来已满期限(自 {since} 起可评级)",
            "enough months of normal trade (eligible since {since})",
        ),
        "G3.not_eligible": (
            "正常商业往来不足期限,{since} 起方可评级",
            "not enough months of normal trade: eligible from {since}",
        ),
        "G3.new": (
            "新开发客户一年之内列为 {grade}(至 {until})",
            "a new customer is {grade} for its first year (until {until})",
        ),
        "G3.level": (
            "年销售额 {sales} 元、{freq}、合作 {years} 年,达到 {level} 级大客户"
            "(≥ {min_sales} 元、{min_freq}、{min_years} 年)",
            "annual sales {sales}, {freq}, {years} years: big-customer level {level}"
            " (≥ {min_sales}, {min_freq}, {min_years} years)",
        ),
        "G3.level.none": (
            "年销售额 {sales} 元、{freq}、合作 {years} 年,未达C级大客户示例",
            "annual sales {sales}, {freq}, {years} years: below the C example",
        ),
        "G3.key": ("由 {roles} 共同确定为重点客户", "designated a key customer by {roles}"),
        "G3.key.missing": (
            "未确定为重点客户:尚缺 {missing} 的确认",
            "not a key customer: missing the sign-off of {missing}",
        ),
    }
)
