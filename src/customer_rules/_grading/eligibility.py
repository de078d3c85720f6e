"""G3 — category, eligibility for grading, the new-customer rule, big customers, key customers."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._frozen import quick_init
from customer_rules._grading.checks import grading_policy, in_force
from customer_rules._grading.codes import GradingReason
from customer_rules._grading.model import CustomerCategory, Grade, PurchaseFrequency
from customer_rules._validation import IS_BOOL, fact_check
from customer_rules.dates import LATEST, add_months, require_date
from customer_rules.errors import InputError, Problem, shown
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount, parse_decimal
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, Role, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = [
    "KEY_CUSTOMER",
    "BigCustomerCriterion",
    "BigCustomerFacts",
    "BigCustomerLevel",
    "BigCustomerLevelResult",
    "BigCustomerProfile",
    "CategoryResult",
    "CriteriaMode",
    "EligibilityPolicy",
    "EligibilityResult",
    "KeyCustomerResult",
    "NewCustomerFrom",
    "big_customer_level",
    "check_eligibility",
    "classify_category",
    "designate_key_customer",
]

KEY_CUSTOMER = "G3.key_customer"
"""The ``Approval.what`` of a key-customer designation (重点客户)."""

_TRADE = "G3; 003 §6.1.1-3"
_CRITERIA = "G3; 003 §公司大客户管理制度 (2nd) 第五条"
_LEVELS = "G3; 003 §[管理制度]大客户管理制度 第二章"
_KEY = "G3; 003 §6.2.4-2(3)b"


class CriteriaMode(LabelledEnum):
    """How the four big-customer criteria (第五条) combine; the seed has no and/or."""

    ANY = "any"
    """Any one criterion qualifies [default]."""
    ALL = "all"
    """All four are needed."""


class NewCustomerFrom(LabelledEnum):
    """Where the new-customer year ("一年之内") of G3 counts from (the catalogue's G3 ambiguity).

    Either way the rule is about a *developed* customer (新开发的客户): one with a development
    date or trade; the reading decides only the day its year starts.
    """

    FIRST_CONTRACT = "first_contract"
    """From its development, the first contract (``developed_on``, else ``first_trade``)
    [default]."""
    REGISTRATION = "registration"
    """From its registration (``registered_on``); without a registration date, as
    ``FIRST_CONTRACT``."""


class BigCustomerCriterion(LabelledEnum):
    """One of the four big-customer identification criteria (大客户识别标准, 第五条), in the
    seed's order."""

    SALES_SHARE = "sales_share"
    """年销售额或采购额超过公司年销售额一定比例 — annual sales above a share of ours."""
    HIGH_RECOGNITION = "high_recognition"
    """对公司产品或服务有高度认可,且对公司业务有重要影响力 — high recognition, important
    influence."""
    LONG_TERM_INTENT = "long_term_intent"
    """具有长期合作意愿 — long-term intent to cooperate."""
    INDUSTRY_RENOWN = "industry_renown"
    """在行业内具有较高知名度 — renown in its industry."""


set_labels(
    {
        CriteriaMode.ANY: ("满足任一项", "any one criterion"),
        CriteriaMode.ALL: ("四项全部满足", "all four criteria"),
        NewCustomerFrom.FIRST_CONTRACT: ("自开发(首次签约)起算", "from the first contract"),
        NewCustomerFrom.REGISTRATION: ("自登记起算", "from registration"),
        BigCustomerCriterion.SALES_SHARE: ("年销售(采购)额占比", "sales share"),
        BigCustomerCriterion.HIGH_RECOGNITION: ("高度认可且影响重要", "high recognition"),
        BigCustomerCriterion.LONG_TERM_INTENT: ("长期合作意愿", "long-term intent"),
        BigCustomerCriterion.INDUSTRY_RENOWN: ("行业知名度", "industry renown"),
    }
)


_IS_FREQUENCY = fact_check(PurchaseFrequency, "a PurchaseFrequency (MONTHLY, QUARTERLY, IRREGULAR)")


@policy
class BigCustomerLevel:
    """One row of the big-customer worked examples (G3, seed 003 §[管理制度]大客户管理制度 第二章).

    A customer reaches the level with annual sales of at least ``min_annual_sales`` (strictly
    more with ``sales_strictly_above``), buying at least as often as ``min_frequency``, for at
    least ``min_years`` of cooperation.

    Attributes:
        grade: the big-customer level of the row (A, B or C) [seed]; required.
        min_annual_sales: the annual sales line, in yuan [seed rows: A "超过1000万" 10,000,000,
            B "约500万" 5,000,000, C "约100万" 1,000,000 — "约" read as "at least" [default];
            0 when a row leaves it out].
        min_frequency: the least purchase frequency [seed rows: monthly / quarterly / irregular;
            irregular when a row leaves it out].
        min_years: the least whole years of cooperation, ≥ 0 [seed rows: "十年以上" 10 (以上
            includes the number) / "三年" 3 / "一年" 1; 0 when a row leaves it out].
        sales_strictly_above: whether the annual sales must be strictly more than
            ``min_annual_sales`` (the seed's "超过") rather than at least it [seed rows: A
            ``True`` ("超过1000万"), B and C ``False`` ("约"); ``False`` when a row leaves it
            out].

    Raises:
        PolicyError: listing every field that is not of its type or out of range.
    """

    grade: Grade = setting(default=attrs.NOTHING, unit=Unit.CHOICE, source=_LEVELS)
    min_annual_sales: Decimal = setting(
        default=Decimal(0), unit=Unit.YUAN, source=_LEVELS, mark=Mark.DEFAULT
    )
    min_frequency: PurchaseFrequency = setting(
        default=PurchaseFrequency.IRREGULAR, unit=Unit.CHOICE, source=_LEVELS, mark=Mark.DEFAULT
    )
    min_years: int = setting(default=0, unit=Unit.YEARS, source=_LEVELS, mark=Mark.DEFAULT)
    sales_strictly_above: bool = setting(
        default=False, unit=Unit.FLAG, source=_LEVELS, mark=Mark.DEFAULT
    )

    def _reached_by(self, profile: BigCustomerProfile) -> bool:
        """Whether ``profile`` reaches this row."""
        sales = profile.annual_sales
        return (
            (
                sales > self.min_annual_sales
                if self.sales_strictly_above
                else sales >= self.min_annual_sales
            )
            and profile.frequency.rank >= self.min_frequency.rank
            and profile.years >= self.min_years
        )


_SEED_LEVELS = (
    BigCustomerLevel(
        grade=Grade.A,
        min_annual_sales=Decimal(10_000_000),
        min_frequency=PurchaseFrequency.MONTHLY,
        min_years=10,
        sales_strictly_above=True,  # "每年的销售额超过1000万": strictly more
    ),
    BigCustomerLevel(
        grade=Grade.B,
        min_annual_sales=Decimal(5_000_000),
        min_frequency=PurchaseFrequency.QUARTERLY,
        min_years=3,
    ),
    BigCustomerLevel(
        grade=Grade.C,
        min_annual_sales=Decimal(1_000_000),
        min_frequency=PurchaseFrequency.IRREGULAR,
        min_years=1,
    ),
)

_DESIGNATORS = frozenset({Role.BUSINESS_STATISTICS, Role.OFFICE_DIRECTOR})


@policy
class EligibilityPolicy:
    """G3 parameters. Source: seed 003 §6.1.1-3, §公司大客户管理制度 (2nd) 第四、五条,
    §[管理制度]大客户管理制度 第二章, §6.2.4-2(3)b.

    Attributes:
        min_trade_months: months of normal trade before a customer is graded, 0–120 [seed: 6–12
            months; default 6].
        new_customer_months: a customer developed less than this many months ago is a new
            customer, 0–120 [seed: 一年之内, 12].
        new_customer_grade: the grade of every new customer "whatever its size" [seed: C].
        big_sales_share_pct: criterion 1 — annual sales or purchases above this share (percent,
            0–100) of the company's sales [default 5; the seed leaves the share blank].
        big_criteria: how the four criteria combine [default ANY].
        big_levels: the big-customer A/B/C worked examples [seed], best first: each row's
            ``min_annual_sales`` strictly below the one before.
        key_customer_designators: the roles that designate key customers jointly (业务统计与办事处
            一起确定), at least one [seed].
        new_customer_from: where "一年之内" counts from: the customer's development, its first
            contract (``FIRST_CONTRACT``) [default], or its registration (``REGISTRATION``).

    Raises:
        PolicyError: listing every problem with its dotted path (``big_levels[1].min_years``).
    """

    min_trade_months: int = setting(default=6, unit=Unit.MONTHS, source=_TRADE, high=120)
    new_customer_months: int = setting(default=12, unit=Unit.MONTHS, source=_TRADE, high=120)
    new_customer_grade: Grade = setting(default=Grade.C, unit=Unit.CHOICE, source=_TRADE)
    big_sales_share_pct: Decimal = setting(
        default=Decimal(5), unit=Unit.PERCENT, source=_CRITERIA, mark=Mark.DEFAULT, high=100
    )
    big_criteria: CriteriaMode = setting(
        default=CriteriaMode.ANY, unit=Unit.CHOICE, source=_CRITERIA, mark=Mark.DEFAULT
    )
    big_levels: tuple[BigCustomerLevel, ...] = setting(
        default=_SEED_LEVELS, unit=Unit.TABLES, source=_LEVELS
    )
    key_customer_designators: frozenset[Role] = setting(
        default=_DESIGNATORS, unit=Unit.ROLES, source=_KEY, min_items=1
    )
    new_customer_from: NewCustomerFrom = setting(
        default=NewCustomerFrom.FIRST_CONTRACT, unit=Unit.CHOICE, source=_TRADE, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        """The rows best first: each ``min_annual_sales`` strictly below the one before."""
        levels = self.big_levels
        for i in range(1, len(levels)):
            above, value = levels[i - 1].min_annual_sales, levels[i].min_annual_sales
            if not above > value:
                before = f"big_levels[{i - 1}].min_annual_sales"
                yield Problem(
                    f"big_levels[{i}].min_annual_sales",
                    f"expected less than {before} ({above}), got {value}",
                    shown(value),
                    f"< {above}",
                )


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
        met: the criteria met, in the seed's order (empty when the category was given).
        given: whether the category was given by the host rather than derived.
        policy_version: the policy version that decided.
        mode: how the criteria combined (``policy.eligibility.big_criteria``).
    """

    category: CustomerCategory
    met: tuple[BigCustomerCriterion, ...]
    given: bool
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""
    mode: CriteriaMode = CriteriaMode.ANY

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One G3 reason: ``G3.category.given`` or ``G3.category`` with the criteria met."""
        return _category_reasons(self)


def _category_reasons(result: CategoryResult) -> tuple[Reason, ...]:
    """:attr:`CategoryResult.reasons` (a plain function, so that mutation testing reaches it)."""
    if result.given:
        return (Reason.of("G3", GradingReason.G3_CATEGORY_GIVEN, category=result.category),)
    return (
        Reason.of(
            "G3",
            GradingReason.G3_CATEGORY,
            category=result.category,
            met=result.met or None,
            mode=result.mode,
        ),
    )


def classify_category(
    facts: BigCustomerFacts | CustomerCategory, policy: GradingPolicy
) -> CategoryResult:
    """G3: big customer (大客户) or ordinary (普通客户).

    The seed divides customers "by order size and future potential" without a threshold, so the
    category is either given by the host or derived from the four big-customer criteria of
    第五条 — any one qualifies by default (``policy.eligibility.big_criteria``).

    Args:
        facts: a category the host already decided, or the criteria facts.
        policy: the grading policy (``GradingPolicy()`` is the seed).

    Returns:
        The category and the criteria met (:class:`BigCustomerCriterion` members).

    Raises:
        InputError: naming ``policy`` unless it is a ``GradingPolicy``; naming ``facts`` if
            ``facts`` is neither a ``BigCustomerFacts`` nor a ``CustomerCategory``.

    Example:
        >>> from customer_rules.grading import GradingPolicy
        >>> classify_category(BigCustomerFacts(industry_renown=True), GradingPolicy()).category
        <CustomerCategory.BIG: 'big'>
    """
    checked = grading_policy(policy)
    if not isinstance(facts, BigCustomerFacts | CustomerCategory):
        raise InputError("facts", facts, "a BigCustomerFacts or a CustomerCategory")
    return _classify(facts, checked)


def _classify(facts: BigCustomerFacts | CustomerCategory, policy: GradingPolicy) -> CategoryResult:
    """:func:`classify_category` on checked arguments."""
    p = policy.eligibility
    if isinstance(facts, CustomerCategory):
        return CategoryResult(
            facts, (), True, policy.version, p.big_criteria, policy_effective=policy.effective
        )
    share = facts.sales_share_pct
    met: list[BigCustomerCriterion] = []
    if share is not None and share > p.big_sales_share_pct:
        met.append(BigCustomerCriterion.SALES_SHARE)
    if facts.high_recognition:
        met.append(BigCustomerCriterion.HIGH_RECOGNITION)
    if facts.long_term_intent:
        met.append(BigCustomerCriterion.LONG_TERM_INTENT)
    if facts.industry_renown:
        met.append(BigCustomerCriterion.INDUSTRY_RENOWN)
    qualifies = bool(met) if p.big_criteria is CriteriaMode.ANY else len(met) == _CRITERIA_COUNT
    category = CustomerCategory.BIG if qualifies else CustomerCategory.ORDINARY
    return CategoryResult(
        category,
        tuple(met),
        False,
        policy.version,
        p.big_criteria,
        policy_effective=policy.effective,
    )


_CRITERIA_COUNT = len(BigCustomerCriterion)


# --------------------------------------------------------------------------- eligibility


@quick_init
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
        new_since: the day the new-customer year counted from (``None`` if unknown);
            keyword-only.
        new_counted_from: what that day is: the first contract (development or first trade) or
            the registration — ``REGISTRATION`` only when the policy reads it so and a
            registration date was given (``None`` if unknown); keyword-only.
    """

    eligible: bool
    eligible_from: dt.date | None
    new_customer: bool
    new_until: dt.date | None
    forced_grade: Grade | None
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""
    new_since: dt.date | None = attrs.field(default=None, kw_only=True)
    new_counted_from: NewCustomerFrom | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """G3 reasons: ``G3.no_trade``, ``G3.eligible`` or ``G3.not_eligible``, then ``G3.new``
        for a new customer (``G3.new.registered`` when its year counted from registration)."""
        return _eligibility_reasons(self)


def _eligibility_reasons(result: EligibilityResult) -> tuple[Reason, ...]:
    """:attr:`EligibilityResult.reasons` (a plain function, so that mutation testing reaches it)."""
    if result.eligible_from is None:
        trade = Reason.of("G3", GradingReason.G3_NO_TRADE)
    elif result.eligible:
        trade = Reason.of("G3", GradingReason.G3_ELIGIBLE, since=result.eligible_from)
    else:
        trade = Reason.of("G3", GradingReason.G3_NOT_ELIGIBLE, since=result.eligible_from)
    if not result.new_customer:
        return (trade,)
    if result.new_counted_from is NewCustomerFrom.REGISTRATION:
        new = Reason.of(
            "G3",
            GradingReason.G3_NEW_REGISTERED,
            since=result.new_since,
            until=result.new_until,
            grade=result.forced_grade,
        )
    else:
        new = Reason.of(
            "G3", GradingReason.G3_NEW, until=result.new_until, grade=result.forced_grade
        )
    return (trade, new)


def check_eligibility(
    first_trade: dt.date | None,
    developed_on: dt.date | None,
    policy: GradingPolicy,
    *,
    on: dt.date,
    registered_on: dt.date | None = None,
) -> EligibilityResult:
    """G3: eligibility after 6 months of normal trade, and the new-customer grade C.

    "经过六个月至一年正常的商业往来后" — graded once ``min_trade_months`` (6) of trade have passed;
    "新开发的客户,不管规模大小,一年之内都列为C等级" — a customer developed less than a year ago
    is C whatever its score. "一年之内" counts from ``policy.eligibility.new_customer_from``:

    * ``FIRST_CONTRACT`` [default]: from ``developed_on`` (the first contract), else from
      ``first_trade``;
    * ``REGISTRATION``: from ``registered_on``, else as ``FIRST_CONTRACT``.

    Either way the rule is about a developed customer: without ``developed_on`` and
    ``first_trade`` no year runs, whatever ``registered_on`` says (a registered prospect is not
    graded C). The year holds through the day before its anniversary: developed 2025-12-01,
    new through 2026-11-30.

    Args:
        first_trade: the day normal trade began (``None``: no trade yet).
        developed_on: the day the customer was developed (first contract); ``None`` falls back
            to ``first_trade``.
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day of the decision.
        registered_on: the day the customer was registered (登记); read only under the
            ``REGISTRATION`` reading.

    Returns:
        Whether it is eligible and whether the new-customer rule applies.

    Raises:
        InputError: naming ``policy`` unless it is a ``GradingPolicy``; naming the argument for
            a date that is not a ``datetime.date`` from 1900-01-01 to 2999-12-31, for a
            registration, development or first-trade date after ``on``, and for one so close
            to 2999-12-31 that its eligibility or new-customer period would end after it.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> day = dt.date(2026, 11, 1)
        >>> r = check_eligibility(dt.date(2026, 5, 1), None, GradingPolicy(), on=day)
        >>> r.eligible, r.new_customer, r.forced_grade
        (True, True, <Grade.C: 'C'>)
    """
    checked = grading_policy(policy)
    day = require_date(on, "on")
    in_force(checked, day)
    first = None if first_trade is None else require_date(first_trade, "first_trade")
    developed = None if developed_on is None else require_date(developed_on, "developed_on")
    registered = None if registered_on is None else require_date(registered_on, "registered_on")
    if first is not None and first > day:
        raise InputError("first_trade", first_trade, f"a date on or before {day}")
    if developed is not None and developed > day:
        raise InputError("developed_on", developed_on, f"a date on or before {day}")
    if registered is not None and registered > day:
        raise InputError("registered_on", registered_on, f"a date on or before {day}")
    return _eligibility(first, developed, checked, day, registered)


def _eligibility(
    first_trade: dt.date | None,
    developed_on: dt.date | None,
    policy: GradingPolicy,
    on: dt.date,
    registered_on: dt.date | None = None,
) -> EligibilityResult:
    """:func:`check_eligibility` on checked dates, none after ``on``."""
    p = policy.eligibility
    eligible_from = None
    if first_trade is not None:
        eligible_from = _months_after(first_trade, p.min_trade_months, "first_trade")
    eligible = eligible_from is not None and on >= eligible_from
    new_until = None
    new_customer = False
    counted_from = None
    since = developed_on
    field = "developed_on"
    if since is None:
        since, field = first_trade, "first_trade"
    if since is not None:
        counted_from = NewCustomerFrom.FIRST_CONTRACT
        if registered_on is not None and p.new_customer_from is NewCustomerFrom.REGISTRATION:
            since, field, counted_from = registered_on, "registered_on", p.new_customer_from
        new_until = _months_after(since, p.new_customer_months, field) - _ONE_DAY
        new_customer = on <= new_until
    forced = p.new_customer_grade if new_customer else None
    return EligibilityResult(
        eligible,
        eligible_from,
        new_customer,
        new_until,
        forced,
        policy.version,
        policy_effective=policy.effective,
        new_since=since,
        new_counted_from=counted_from,
    )


_ONE_DAY = dt.timedelta(days=1)


def _months_after(day: dt.date, months: int, field: str) -> dt.date:
    """``day`` plus ``months``; an :class:`InputError` naming ``field`` past the last day the
    library supports."""
    try:
        return add_months(day, months)
    except InputError:
        raise InputError(
            field, day, f"a date at least {months} month(s) before {LATEST.isoformat()}"
        ) from None


# --------------------------------------------------------------------------- big-customer levels


def _to_annual_sales(value: object) -> Decimal:
    return parse_amount(value, "annual_sales")


def _check_years(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator of ``BigCustomerProfile.years``: a whole number ≥ 0 (not a bool); a plain
    function, so that mutation testing reaches it."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError("years", value, "a whole number of years ≥ 0")


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
    years: int = attrs.field(validator=_check_years)


@attrs.frozen
class BigCustomerLevelResult:
    """G3: the big-customer level (A/B/C) a profile reaches, ``None`` below C.

    Attributes:
        level: the level reached, ``None`` below the last row.
        profile: the profile looked at.
        row: the row of ``policy.eligibility.big_levels`` reached, ``None`` below the last.
        policy_version: the policy version that decided.
    """

    level: Grade | None
    profile: BigCustomerProfile
    row: BigCustomerLevel | None
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One G3 reason: ``G3.level`` naming the row reached (``G3.level.above`` for a row
        whose sales must be strictly above its line), or ``G3.level.none``."""
        return _level_reasons(self)


def _level_reasons(result: BigCustomerLevelResult) -> tuple[Reason, ...]:
    """:attr:`BigCustomerLevelResult.reasons` (a plain function: mutation testing reaches it)."""
    pr = result.profile
    if result.row is None:
        return (
            Reason.of(
                "G3",
                GradingReason.G3_LEVEL_NONE,
                sales=pr.annual_sales,
                freq=pr.frequency,
                years=pr.years,
            ),
        )
    code = (
        GradingReason.G3_LEVEL_ABOVE if result.row.sales_strictly_above else GradingReason.G3_LEVEL
    )
    return (
        Reason.of(
            "G3",
            code,
            sales=pr.annual_sales,
            freq=pr.frequency,
            years=pr.years,
            level=result.row.grade,
            min_sales=result.row.min_annual_sales,
            min_freq=result.row.min_frequency,
            min_years=result.row.min_years,
        ),
    )


def big_customer_level(
    profile: BigCustomerProfile, policy: GradingPolicy
) -> BigCustomerLevelResult:
    """G3: the big-customer level from the seed's worked examples.

    A: "超过1000万" — strictly more than 10,000,000 a year — monthly purchases, "十年以上" — 10
    years or more; B: "约500万", quarterly, 3 years; C: "约100万", irregular, 1 year [seed].
    "约" (about) is read as "at least" [default]; the rows are ``policy.eligibility.big_levels``,
    tried best first (a row's ``sales_strictly_above`` says "超过").

    Args:
        profile: annual sales, purchase frequency and years of cooperation.
        policy: the grading policy (``GradingPolicy()`` is the seed).

    Returns:
        The level with the row reached (``None`` for both below the last row).

    Raises:
        InputError: naming ``policy`` unless it is a ``GradingPolicy``; naming ``profile``
            unless it is a ``BigCustomerProfile``.

    Example:
        >>> from customer_rules.grading import GradingPolicy
        >>> p = BigCustomerProfile("500万", PurchaseFrequency.QUARTERLY, 3)
        >>> big_customer_level(p, GradingPolicy()).level
        <Grade.B: 'B'>
    """
    checked = grading_policy(policy)
    if not isinstance(profile, BigCustomerProfile):
        raise InputError("profile", profile, "a BigCustomerProfile")
    for row in checked.eligibility.big_levels:
        if row._reached_by(profile):
            return BigCustomerLevelResult(
                row.grade, profile, row, checked.version, policy_effective=checked.effective
            )
    return BigCustomerLevelResult(
        None, profile, None, checked.version, policy_effective=checked.effective
    )


# --------------------------------------------------------------------------- key customers


@attrs.frozen
class KeyCustomerResult:
    """G3: whether a customer (possibly a potential one) is designated a key customer (重点客户).

    Attributes:
        designated: whether every designating role signed.
        signed_by: the designating roles whose approval holds, in rank order.
        missing: the designating roles still missing, in rank order.
        policy_version: the policy version that decided.
    """

    designated: bool
    signed_by: tuple[Role, ...]
    missing: tuple[Role, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One G3 reason: ``G3.key`` naming who signed, or ``G3.key.missing`` naming who is
        missing."""
        return _key_reasons(self)


def _key_reasons(result: KeyCustomerResult) -> tuple[Reason, ...]:
    """:attr:`KeyCustomerResult.reasons` (a plain function, so that mutation testing reaches it)."""
    if result.designated:
        return (Reason.of("G3", GradingReason.G3_KEY, roles=result.signed_by),)
    return (Reason.of("G3", GradingReason.G3_KEY_MISSING, missing=result.missing),)


def designate_key_customer(
    approvals: Iterable[Approval], policy: GradingPolicy, *, on: dt.date
) -> KeyCustomerResult:
    """G3: key customers are designated jointly by business statistics and the office.

    "业务统计…与办事处一起确定重点客户。重点客户不仅要包括现有客户,而且还应包括未来客户或潜在客户"
    — every role of ``policy.eligibility.key_customer_designators`` must have signed an
    :class:`Approval` for :data:`KEY_CUSTOMER` that holds on ``on``. No trade history is
    required: potential customers may be key customers.

    Args:
        approvals: the sign-offs given (any iterable of ``Approval``).
        policy: the grading policy (``GradingPolicy()`` is the seed).
        on: the day asked about.

    Returns:
        Whether the customer is designated, who signed and who is missing.

    Raises:
        InputError: naming ``policy`` unless it is a ``GradingPolicy``; naming ``on`` unless it
            is a date from 1900-01-01 to 2999-12-31; naming ``approvals`` (or
            ``approvals[i]``) unless it is an iterable of ``Approval`` records.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import GradingPolicy
        >>> d = dt.date(2026, 3, 1)
        >>> a = Approval("李", Role.BUSINESS_STATISTICS, KEY_CUSTOMER, d)
        >>> b = Approval("赵", Role.OFFICE_DIRECTOR, KEY_CUSTOMER, d)
        >>> designate_key_customer([a, b], GradingPolicy(), on=d).designated
        True
    """
    checked = grading_policy(policy)
    day = require_date(on, "on")
    in_force(checked, day)
    if not isinstance(approvals, Iterable) or isinstance(approvals, str | bytes):
        raise InputError("approvals", approvals, "a list of Approval records")
    needed = checked.eligibility.key_customer_designators
    signed = set()
    for i, approval in enumerate(approvals):
        if not isinstance(approval, Approval):
            raise InputError(f"approvals[{i}]", approval, "an Approval record")
        if approval.grants(needed, KEY_CUSTOMER, day):
            signed.add(approval.role)
    missing = in_rank_order(needed - signed)
    ordered = in_rank_order(signed)
    return KeyCustomerResult(
        not missing, ordered, missing, checked.version, policy_effective=checked.effective
    )
