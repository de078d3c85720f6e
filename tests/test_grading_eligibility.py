"""G3 — category, eligibility, the new-customer rule, big-customer levels, key customers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import (
    Approval,
    CustomerRulesError,
    GradingPolicy,
    InputError,
    PolicyBook,
    PolicyError,
    Role,
    explain,
)
from customer_rules._grading.checks import in_force
from customer_rules._grading.codes import GradingReason
from customer_rules.errors import Problem
from customer_rules.grading import (
    KEY_CUSTOMER,
    BigCustomerCriterion,
    BigCustomerFacts,
    BigCustomerLevel,
    BigCustomerLevelResult,
    BigCustomerProfile,
    CriteriaMode,
    CustomerCategory,
    EligibilityPolicy,
    EligibilityResult,
    Grade,
    NewCustomerFrom,
    PurchaseFrequency,
    big_customer_level,
    check_eligibility,
    classify_category,
    designate_key_customer,
)
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import Reason, find_reason, render_reason
from customer_rules.settings import Mark, Unit, from_mapping, settings_of
from customer_rules.testing import amounts, days, grading_policies, malformed_values

SEED = GradingPolicy()
BY_REGISTRATION = GradingPolicy(eligibility={"new_customer_from": "registration"})
D = dt.date


def _lines(result: Any, lang: str) -> list[str]:
    return explain(result, lang).splitlines()  # type: ignore[arg-type]


# --------------------------------------------------------------------------- eligibility


def test_six_months_of_trade_both_sides() -> None:
    """G3 "经过六个月至一年正常的商业往来后": eligible once six months have passed — on the day
    six months after the first trade, not the day before."""
    first = D(2025, 3, 15)
    before = check_eligibility(first, D(2024, 1, 1), SEED, on=D(2025, 9, 14))
    at = check_eligibility(first, D(2024, 1, 1), SEED, on=D(2025, 9, 15))
    assert not before.eligible
    assert at.eligible
    assert before.eligible_from == D(2025, 9, 15)
    assert _lines(before, "zh") == ["[G3] 正常商业往来不足期限,2025-09-15 起方可评级"]
    assert _lines(before, "en") == [
        "[G3] not enough months of normal trade: eligible from 2025-09-15"
    ]
    assert _lines(at, "zh") == ["[G3] 正常商业往来已满期限(自 2025-09-15 起可评级)"]
    assert _lines(at, "en") == ["[G3] enough months of normal trade (eligible since 2025-09-15)"]
    assert find_reason(before, GradingReason.G3_NOT_ELIGIBLE) is not None
    assert find_reason(at, GradingReason.G3_ELIGIBLE) is not None


def test_new_customer_is_c_for_one_year_whatever_its_size() -> None:
    """G3 "新开发的客户,不管规模大小,一年之内都列为C等级": new through the day before the
    anniversary of its development, not on the anniversary."""
    developed = D(2025, 12, 1)
    inside = check_eligibility(developed, developed, SEED, on=D(2026, 11, 30))
    outside = check_eligibility(developed, developed, SEED, on=D(2026, 12, 1))
    assert inside.new_customer
    assert inside.forced_grade is Grade.C
    assert inside.new_until == D(2026, 11, 30)
    assert not outside.new_customer
    assert outside.forced_grade is None
    assert find_reason(outside, GradingReason.G3_NEW) is None
    assert _lines(inside, "zh") == [
        "[G3] 正常商业往来已满期限(自 2026-06-01 起可评级)",
        "[G3] 新开发客户一年之内列为 C等级(一般性客户)(至 2026-11-30)",
    ]
    assert _lines(inside, "en") == [
        "[G3] enough months of normal trade (eligible since 2026-06-01)",
        "[G3] a new customer is C (ordinary) for its first year (until 2026-11-30)",
    ]


def test_no_trade_yet_and_dates_in_the_future() -> None:
    r = check_eligibility(None, None, SEED, on=D(2026, 1, 1))
    assert not r.eligible
    assert r.eligible_from is None
    assert not r.new_customer
    assert _lines(r, "zh") == ["[G3] 尚无正常商业往来,不评级"]
    assert _lines(r, "en") == ["[G3] no normal trade yet: not graded"]
    with pytest.raises(InputError, match="first_trade"):
        check_eligibility(D(2027, 1, 1), None, SEED, on=D(2026, 1, 1))
    with pytest.raises(InputError, match="developed_on"):
        check_eligibility(None, D(2027, 1, 1), SEED, on=D(2026, 1, 1))


def test_a_period_ending_after_the_last_supported_day_names_the_date() -> None:
    # a new-customer year from 2999-06-01 would end in 3000: the date is refused, by name
    with pytest.raises(InputError) as info:
        check_eligibility(D(2999, 6, 1), None, SEED, on=D(2999, 12, 31))
    assert info.value.field == "first_trade"
    with pytest.raises(InputError) as info:
        check_eligibility(D(2000, 1, 1), D(2999, 6, 1), SEED, on=D(2999, 12, 31))
    assert info.value.field == "developed_on"


# --------------------------------------------------------------------------- category


def test_category_any_criterion_by_default_all_as_a_parameter() -> None:
    renowned = BigCustomerFacts(industry_renown=True)
    assert classify_category(renowned, SEED).category is CustomerCategory.BIG
    strict = attrs.evolve(SEED, eligibility=EligibilityPolicy(big_criteria=CriteriaMode.ALL))
    assert classify_category(renowned, strict).category is CustomerCategory.ORDINARY
    every = BigCustomerFacts(Decimal("5.01"), True, True, True)
    assert classify_category(every, strict).category is CustomerCategory.BIG
    assert classify_category(every, strict).met == tuple(BigCustomerCriterion)
    # the share criterion is "above" the share
    assert (
        classify_category(BigCustomerFacts(Decimal(5)), SEED).category is CustomerCategory.ORDINARY
    )
    share = classify_category(BigCustomerFacts(Decimal("5.01")), SEED)
    assert share.met == (BigCustomerCriterion.SALES_SHARE,)
    assert share.met[0].value == "sales_share"
    given_ = classify_category(CustomerCategory.BIG, SEED)
    assert given_.given
    assert given_.met == ()
    assert _lines(given_, "zh") == ["[G3] 客户类别:大客户(由业务系统给定)"]
    assert _lines(given_, "en") == ["[G3] category: big customer (given)"]
    with pytest.raises(InputError, match="facts"):
        classify_category("big", SEED)  # type: ignore[arg-type]


def test_criteria_keep_their_values_and_render_by_label() -> None:
    assert [c.value for c in BigCustomerCriterion] == [
        "sales_share",
        "high_recognition",
        "long_term_intent",
        "industry_renown",
    ]
    two = classify_category(BigCustomerFacts(Decimal("5.01"), False, True, False), SEED)
    assert _lines(two, "zh") == [
        "[G3] 大客户识别标准(满足任一项)满足:年销售(采购)额占比、长期合作意愿 → 大客户"
    ]
    assert _lines(two, "en") == [
        "[G3] big-customer criteria (any one criterion) met: sales share, long-term intent"
        " → big customer"
    ]
    none = classify_category(BigCustomerFacts(), SEED)
    assert _lines(none, "zh") == ["[G3] 大客户识别标准(满足任一项)满足:— → 普通客户"]
    assert _lines(none, "en") == [
        "[G3] big-customer criteria (any one criterion) met: — → ordinary customer"
    ]
    # the criteria are public labelled facts: the reason survives its plain-data form
    reason = find_reason(two, GradingReason.G3_CATEGORY)
    assert reason is not None
    assert reason.fact("met") == (
        BigCustomerCriterion.SALES_SHARE,
        BigCustomerCriterion.LONG_TERM_INTENT,
    )
    assert Reason.from_data(reason.to_data()) == reason


# --------------------------------------------------------------------------- big-customer levels


@pytest.mark.parametrize(
    ("sales", "freq", "years", "level"),
    [
        ("10000000.01", PurchaseFrequency.MONTHLY, 10, Grade.A),  # the seed's A: 超过1000万
        ("1000万", PurchaseFrequency.MONTHLY, 10, Grade.B),  # not more than 1000万: not A
        ("10000000.01", PurchaseFrequency.MONTHLY, 9, Grade.B),
        ("10000000.01", PurchaseFrequency.QUARTERLY, 10, Grade.B),
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
    code = {None: GradingReason.G3_LEVEL_NONE, Grade.A: GradingReason.G3_LEVEL_ABOVE}.get(
        level, GradingReason.G3_LEVEL
    )
    reason = find_reason(result, code)
    assert reason is not None
    assert reason.rule == "G3"


def test_big_customer_level_rendered() -> None:
    reached = big_customer_level(BigCustomerProfile("500万", PurchaseFrequency.QUARTERLY, 3), SEED)
    assert _lines(reached, "zh") == [
        "[G3] 年销售额 5,000,000 元、每季度采购、合作 3 年,达到大客户 B等级(较重要客户)"
        "(≥ 5,000,000 元、每季度采购、3 年)"
    ]
    assert _lines(reached, "en") == [
        "[G3] annual sales 5,000,000, quarterly purchases, 3 years: big-customer level"
        " B (fairly important) (≥ 5,000,000, quarterly purchases, 3 years)"
    ]
    below = big_customer_level(BigCustomerProfile("999999.99", PurchaseFrequency.MONTHLY, 20), SEED)
    assert _lines(below, "zh") == [
        "[G3] 年销售额 999,999.99 元、每月采购、合作 20 年,未达C级大客户示例"
    ]
    assert _lines(below, "en") == [
        "[G3] annual sales 999,999.99, monthly purchases, 20 years: below the C example"
    ]


# --------------------------------------------------------------------------- key customers


def test_key_customer_needs_both_statistics_and_office() -> None:
    day = D(2026, 3, 1)
    stats = Approval("李", Role.BUSINESS_STATISTICS, KEY_CUSTOMER, day)
    office = Approval("赵", Role.OFFICE_DIRECTOR, KEY_CUSTOMER, day)
    salesman = Approval("钱", Role.SALESPERSON, KEY_CUSTOMER, day)
    both = designate_key_customer([stats, office], SEED, on=day)
    assert both.designated
    assert _lines(both, "zh") == ["[G3] 由 办事处主任、业务统计 共同确定为重点客户"]
    assert _lines(both, "en") == [
        "[G3] designated a key customer by office director, business statistics"
    ]
    half = designate_key_customer([stats, salesman], SEED, on=day)
    assert not half.designated
    assert half.missing == (Role.OFFICE_DIRECTOR,)
    assert _lines(half, "zh") == ["[G3] 未确定为重点客户:尚缺 办事处主任 的确认"]
    assert _lines(half, "en") == [
        "[G3] not a key customer: missing the sign-off of office director"
    ]
    assert not designate_key_customer(
        [stats, office], SEED, on=day - dt.timedelta(days=1)
    ).designated
    with pytest.raises(InputError, match="approvals"):
        designate_key_customer(["yes"], SEED, on=day)  # type: ignore[list-item]
    with pytest.raises(InputError, match="approvals"):
        designate_key_customer(None, SEED, on=day)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the policy


def test_policy_validation() -> None:
    with pytest.raises(PolicyError) as info:
        EligibilityPolicy(min_trade_months=-1, big_sales_share_pct=Decimal(120))
    assert {p.path for p in info.value.problems} == {"min_trade_months", "big_sales_share_pct"}
    with pytest.raises(InputError, match="years"):
        BigCustomerProfile("1", PurchaseFrequency.MONTHLY, -1)


def _problems(build: Callable[[], object]) -> tuple[tuple[str, str], ...]:
    with pytest.raises(PolicyError) as info:
        build()
    return tuple((p.path, p.message) for p in info.value.problems)


@pytest.mark.parametrize(
    ("cls", "fields", "paths"),
    [
        (BigCustomerLevel, {"grade": "Z"}, ["grade"]),
        (BigCustomerLevel, {"grade": "A", "min_years": "x"}, ["min_years"]),
        (BigCustomerLevel, {"grade": "A", "min_years": -3}, ["min_years"]),
        (BigCustomerLevel, {"grade": "A", "min_annual_sales": "-1"}, ["min_annual_sales"]),
        (
            EligibilityPolicy,
            {
                "min_trade_months": -1,
                "new_customer_months": 121,
                "big_sales_share_pct": 120,
                "key_customer_designators": [],
            },
            [
                "min_trade_months",
                "new_customer_months",
                "big_sales_share_pct",
                "key_customer_designators",
            ],
        ),
        (
            EligibilityPolicy,
            {"min_trade_months": "x", "new_customer_grade": "E", "big_criteria": "some"},
            ["min_trade_months", "new_customer_grade", "big_criteria"],
        ),
        pytest.param(
            EligibilityPolicy,
            {"min_trade_months": -1, "big_criteria": "some"},
            ["min_trade_months", "big_criteria"],
            id="conversion-and-range-problems-together",
        ),
        (
            EligibilityPolicy,
            {"big_levels": [{"grade": "A", "min_years": -3}, 5, {"grade": "B", "min_years": []}]},
            ["big_levels[0].min_years", "big_levels[1]", "big_levels[2].min_years"],
        ),
        (
            EligibilityPolicy,
            {"big_levels": [{"grade": "A", "min_annual_sales": "100万"}, {"grade": "B"}]},
            [],  # ordered: 1,000,000 above 0
        ),
        (
            EligibilityPolicy,
            {
                "big_levels": [
                    {"grade": "A", "min_annual_sales": "100万"},
                    {"grade": "B", "min_annual_sales": "200万"},
                ]
            },
            ["big_levels[1].min_annual_sales"],
        ),
        (EligibilityPolicy, {"big_levels": 5}, ["big_levels"]),
        (EligibilityPolicy, {"key_customer_designators": ["x"]}, ["key_customer_designators[0]"]),
    ],
)
def test_policy_problems_are_the_same_from_python_and_from_a_mapping(
    cls: type, fields: dict[str, object], paths: list[str]
) -> None:
    if not paths:
        assert cls(**fields) == from_mapping(cls, fields)
        return
    from_python = _problems(lambda: cls(**fields))
    assert from_python == _problems(lambda: from_mapping(cls, fields))
    assert [path for path, _ in from_python] == paths


def test_big_customer_level_is_a_checked_record() -> None:
    with pytest.raises(PolicyError) as info:
        BigCustomerLevel("Z")
    assert [p.path for p in info.value.problems] == ["grade"]
    assert info.value.problems[0].given == "'Z'"
    with pytest.raises(PolicyError) as info:
        BigCustomerLevel(grade=Grade.A, min_years=-3)
    assert info.value.problems[0].message == "expected a number of at least 0, got -3"
    with pytest.raises(PolicyError) as info:
        from_mapping(BigCustomerLevel, {"min_years": 1})
    assert [p.path for p in info.value.problems] == ["grade"]
    with pytest.raises(PolicyError) as info:
        EligibilityPolicy(
            big_levels=[
                BigCustomerLevel(grade=Grade.A, min_annual_sales=Decimal(100)),
                BigCustomerLevel(grade=Grade.B, min_annual_sales=Decimal(100)),
            ]
        )
    assert [str(p) for p in info.value.problems] == [
        "big_levels[1].min_annual_sales: expected less than big_levels[0].min_annual_sales"
        " (100), got 100"
    ]


def test_numeric_strings_and_plain_values_are_converted() -> None:
    level = BigCustomerLevel(
        grade="b", min_annual_sales="500万", min_frequency="每季度采购", min_years="3"
    )
    assert level == BigCustomerLevel(
        grade=Grade.B,
        min_annual_sales=Decimal(5_000_000),
        min_frequency=PurchaseFrequency.QUARTERLY,
        min_years=3,
    )
    p = EligibilityPolicy(
        min_trade_months="12",
        new_customer_months=" 24 ",
        big_sales_share_pct="7.5%",
        big_criteria="all",
        big_levels=[{"grade": "A", "min_annual_sales": "1000万", "min_years": "10"}],
        key_customer_designators=["business_statistics"],
    )
    assert (p.min_trade_months, p.new_customer_months) == (12, 24)
    assert p.big_sales_share_pct == Decimal("7.5")
    assert p.big_criteria is CriteriaMode.ALL
    assert p.big_levels == (
        BigCustomerLevel(grade=Grade.A, min_annual_sales=Decimal(10_000_000), min_years=10),
    )
    assert p.key_customer_designators == frozenset({Role.BUSINESS_STATISTICS})
    assert EligibilityPolicy() == from_mapping(EligibilityPolicy, {})


RULES: list[tuple[str, Callable[..., object], dict[str, object]]] = [
    ("classify_category", classify_category, {"facts": CustomerCategory.BIG}),
    (
        "check_eligibility",
        check_eligibility,
        {"first_trade": D(2025, 1, 1), "developed_on": None, "on": D(2026, 1, 1)},
    ),
    (
        "big_customer_level",
        big_customer_level,
        {"profile": BigCustomerProfile("100万", PurchaseFrequency.IRREGULAR, 1)},
    ),
    ("designate_key_customer", designate_key_customer, {"approvals": [], "on": D(2026, 1, 1)}),
]


@pytest.mark.parametrize("bad", [None, PolicyBook(), "seed", EligibilityPolicy()])
@pytest.mark.parametrize(("name", "rule", "args"), RULES, ids=[r[0] for r in RULES])
def test_policy_argument_is_checked(
    name: str, rule: Callable[..., object], args: dict[str, object], bad: object
) -> None:
    with pytest.raises(InputError) as info:
        rule(**args, policy=bad)
    assert info.value.field == "policy"
    if isinstance(bad, PolicyBook):
        assert "book.grading" in str(info.value)


JUNK = malformed_values()

DAY = D(2026, 3, 1)
CALLABLES: list[tuple[Callable[..., object], dict[str, object]]] = [
    (classify_category, {"facts": BigCustomerFacts(industry_renown=True), "policy": SEED}),
    (
        check_eligibility,
        {"first_trade": D(2025, 1, 1), "developed_on": D(2024, 6, 1), "policy": SEED, "on": DAY},
    ),
    (
        check_eligibility,
        {
            "first_trade": D(2025, 1, 1),
            "developed_on": D(2024, 6, 1),
            "policy": BY_REGISTRATION,
            "on": DAY,
            "registered_on": D(2024, 1, 1),
        },
    ),
    (
        big_customer_level,
        {"profile": BigCustomerProfile("500万", PurchaseFrequency.QUARTERLY, 3), "policy": SEED},
    ),
    (
        designate_key_customer,
        {
            "approvals": [Approval("李", Role.BUSINESS_STATISTICS, KEY_CUSTOMER, DAY)],
            "policy": SEED,
            "on": DAY,
        },
    ),
    (
        BigCustomerFacts,
        {
            "sales_share_pct": Decimal(6),
            "high_recognition": True,
            "long_term_intent": False,
            "industry_renown": False,
        },
    ),
    (
        BigCustomerProfile,
        {"annual_sales": "100万", "frequency": PurchaseFrequency.MONTHLY, "years": 2},
    ),
    (
        BigCustomerLevel,
        {
            "grade": Grade.A,
            "min_annual_sales": Decimal(1),
            "min_frequency": PurchaseFrequency.MONTHLY,
            "min_years": 1,
            "sales_strictly_above": True,
        },
    ),
    (
        EligibilityPolicy,
        {a.name: getattr(EligibilityPolicy(), a.name) for a in attrs.fields(EligibilityPolicy)},
    ),
]
ARGUMENTS = [(call, args, name) for call, args in CALLABLES for name in args]


@given(
    st.sampled_from(ARGUMENTS),
    JUNK,
)
def test_malformed_arguments_raise_only_library_errors(
    case: tuple[Callable[..., object], dict[str, object], str], junk: object
) -> None:
    call, args, name = case
    try:
        result = call(**{**args, name: junk})
    except CustomerRulesError:
        return
    reasons = getattr(result, "reasons", ())
    for lang in ("zh", "en"):
        for reason in reasons:
            assert render_reason(reason, lang).startswith("[G3] ")


# --------------------------------------------------------------------------- properties


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
    assert (find_reason(now, GradingReason.G3_NEW) is not None) == now.new_customer


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


# --------------------------------------------------------------------------- the seed's words


def _level(sales: str, freq: PurchaseFrequency, years: int) -> Grade | None:
    return big_customer_level(BigCustomerProfile(sales, freq, years), SEED).level


@pytest.mark.parametrize(
    ("sales", "level"),
    [
        pytest.param("10000000.01", Grade.A, id="超过1000万-just-above"),
        pytest.param("1000万", Grade.B, id="超过1000万-at-the-number"),
    ],
)
def test_seed_word_chaoguo_1000wan_excludes_the_number(sales: str, level: Grade) -> None:
    """G3 A example "每年的销售额超过1000万": 超过 excludes the number — exactly 10,000,000 a
    year is not an A big customer (monthly, 10 years: it is B)."""
    assert _level(sales, PurchaseFrequency.MONTHLY, 10) is level


@pytest.mark.parametrize(
    ("years", "level"),
    [
        pytest.param(10, Grade.A, id="十年以上-at-the-number"),
        pytest.param(9, Grade.B, id="十年以上-below"),
    ],
)
def test_seed_word_shinian_yishang_includes_the_number(years: int, level: Grade) -> None:
    """G3 A example "已经合作了十年以上": 以上 includes the number — 10 years reach A."""
    assert _level("10000000.01", PurchaseFrequency.MONTHLY, years) is level


@pytest.mark.parametrize(
    ("sales", "freq", "years", "level"),
    [
        pytest.param("500万", PurchaseFrequency.QUARTERLY, 3, Grade.B, id="约500万-at"),
        pytest.param("4999999.99", PurchaseFrequency.QUARTERLY, 3, Grade.C, id="约500万-below"),
        pytest.param("500万", PurchaseFrequency.QUARTERLY, 2, Grade.C, id="合作历史为三年-below"),
        pytest.param("100万", PurchaseFrequency.IRREGULAR, 1, Grade.C, id="约100万-at"),
        pytest.param("999999.99", PurchaseFrequency.IRREGULAR, 1, None, id="约100万-below"),
        pytest.param("100万", PurchaseFrequency.IRREGULAR, 0, None, id="合作历史为一年-below"),
    ],
)
def test_seed_word_yue_is_read_as_at_least(
    sales: str, freq: PurchaseFrequency, years: int, level: Grade | None
) -> None:
    """G3 B and C examples "每年的销售额约500万" / "销售额约100万", "合作历史为三年/一年":
    "约" (about) is read as "at least" [default] — the number itself reaches the level."""
    assert _level(sales, freq, years) is level


def test_strict_level_reason_says_above_in_both_languages() -> None:
    """The A row's reason says "超过" / "above", not "≥"."""
    a = big_customer_level(BigCustomerProfile("10000000.01", PurchaseFrequency.MONTHLY, 10), SEED)
    assert [r.code for r in a.reasons] == [GradingReason.G3_LEVEL_ABOVE]
    assert _lines(a, "zh") == [
        "[G3] 年销售额 10,000,000.01 元、每月采购、合作 10 年,达到大客户 A等级(重要客户)"
        "(超过 10,000,000 元、每月采购、10 年)"
    ]
    assert _lines(a, "en") == [
        "[G3] annual sales 10,000,000.01, monthly purchases, 10 years: big-customer level"
        " A (important) (above 10,000,000, monthly purchases, 10 years)"
    ]
    at_the_number = big_customer_level(
        BigCustomerProfile("1000万", PurchaseFrequency.MONTHLY, 10), SEED
    )
    assert [r.code for r in at_the_number.reasons] == [GradingReason.G3_LEVEL]
    assert at_the_number.row == SEED.eligibility.big_levels[1]


def test_seed_rows_say_which_sales_line_is_strict() -> None:
    """The seed rows: only A's "超过" is strict; B's and C's "约" are not."""
    rows = SEED.eligibility.big_levels
    assert [(r.grade, r.min_annual_sales, r.sales_strictly_above) for r in rows] == [
        (Grade.A, Decimal(10_000_000), True),
        (Grade.B, Decimal(5_000_000), False),
        (Grade.C, Decimal(1_000_000), False),
    ]
    assert BigCustomerLevel(grade=Grade.A).sales_strictly_above is False  # a row leaving it out
    inclusive_a = attrs.evolve(rows[0], sales_strictly_above=False)
    policy = GradingPolicy(eligibility={"big_levels": [inclusive_a, *rows[1:]]})
    profile = BigCustomerProfile("1000万", PurchaseFrequency.MONTHLY, 10)
    assert big_customer_level(profile, policy).level is Grade.A  # the other reading, by a flag


def test_sales_strictly_above_is_a_declared_flag() -> None:
    level = from_mapping(BigCustomerLevel, {"grade": "A", "sales_strictly_above": "是"})
    assert level.sales_strictly_above is True
    with pytest.raises(PolicyError) as info:
        from_mapping(BigCustomerLevel, {"grade": "A", "sales_strictly_above": "maybe"})
    assert [p.path for p in info.value.problems] == ["sales_strictly_above"]
    (row,) = [i for i in settings_of(SEED.eligibility.big_levels[0]) if i.path.endswith("above")]
    assert row.setting.unit is Unit.FLAG
    assert row.setting.mark is Mark.DEFAULT
    assert row.setting.source == "G3; 003 §[管理制度]大客户管理制度 第二章"


@pytest.mark.parametrize(
    ("share", "met"),
    [
        pytest.param("5.01", True, id="超过一定比例-just-above"),
        pytest.param("5", False, id="超过一定比例-at-the-number"),
    ],
)
def test_seed_word_chaoguo_share_excludes_the_number(share: str, met: bool) -> None:
    """G3 第五条 "年销售额或采购额超过公司年销售额一定比例的客户": 超过 excludes the share."""
    result = classify_category(BigCustomerFacts(Decimal(share)), SEED)
    assert (BigCustomerCriterion.SALES_SHARE in result.met) is met
    assert (result.category is CustomerCategory.BIG) is met


@given(
    amounts(max_value=50_000_000),
    st.sampled_from(list(PurchaseFrequency)),
    st.integers(min_value=0, max_value=30),
)
def test_big_customer_level_matches_its_row_and_round_trips(
    sales: Decimal, freq: PurchaseFrequency, years: int
) -> None:
    result = big_customer_level(BigCustomerProfile(sales, freq, years), SEED)
    rows = SEED.eligibility.big_levels
    if result.row is None:
        assert result.level is None
    else:
        row = result.row
        assert result.level is row.grade
        line = row.min_annual_sales
        assert sales > line if row.sales_strictly_above else sales >= line
        assert all(not r._reached_by(result.profile) for r in rows[: rows.index(row)])
    data = to_data(result, lang="en")
    assert from_data(BigCustomerLevelResult, data, policy=SEED) == result


# --------------------------------------------------------------------------- "一年之内" from when


def test_new_customer_year_counts_from_the_first_contract_by_default() -> None:
    """G3 "一年之内" [default]: from the development (first contract); a registration date is
    read only under the registration reading."""
    assert SEED.eligibility.new_customer_from is NewCustomerFrom.FIRST_CONTRACT
    developed, registered = D(2026, 3, 1), D(2025, 12, 20)
    r = check_eligibility(developed, developed, SEED, on=D(2026, 12, 20), registered_on=registered)
    assert r.new_customer
    assert (r.new_since, r.new_until) == (developed, D(2027, 2, 28))
    assert r.new_counted_from is NewCustomerFrom.FIRST_CONTRACT
    assert r == check_eligibility(developed, developed, SEED, on=D(2026, 12, 20))
    assert find_reason(r, GradingReason.G3_NEW) is not None


def test_new_customer_year_from_registration_both_sides() -> None:
    """G3 "一年之内" read from registration (``new_customer_from = registration``): new through
    the day before the anniversary of the registration, not on it."""
    developed, registered = D(2026, 3, 1), D(2025, 12, 20)
    inside = check_eligibility(
        developed, developed, BY_REGISTRATION, on=D(2026, 12, 19), registered_on=registered
    )
    outside = check_eligibility(
        developed, developed, BY_REGISTRATION, on=D(2026, 12, 20), registered_on=registered
    )
    assert inside.new_customer
    assert inside.forced_grade is Grade.C
    assert (inside.new_since, inside.new_until) == (registered, D(2026, 12, 19))
    assert inside.new_counted_from is NewCustomerFrom.REGISTRATION
    assert not outside.new_customer
    assert outside.forced_grade is None
    assert find_reason(outside, GradingReason.G3_NEW_REGISTERED) is None
    assert [r.code for r in inside.reasons] == [
        GradingReason.G3_ELIGIBLE,
        GradingReason.G3_NEW_REGISTERED,
    ]
    assert _lines(inside, "zh") == [
        "[G3] 正常商业往来已满期限(自 2026-09-01 起可评级)",
        "[G3] 新开发客户自登记(2025-12-20)起一年之内列为 C等级(一般性客户)(至 2026-12-19)",
    ]
    assert _lines(inside, "en") == [
        "[G3] enough months of normal trade (eligible since 2026-09-01)",
        "[G3] a new customer is C (ordinary) for the first year from its registration on"
        " 2025-12-20 (until 2026-12-19)",
    ]


def test_registration_reading_falls_back_to_the_first_contract() -> None:
    """Without a registration date the registration reading counts as the default does."""
    developed = D(2026, 3, 1)
    by_registration = check_eligibility(developed, developed, BY_REGISTRATION, on=D(2026, 6, 1))
    by_default = check_eligibility(developed, developed, SEED, on=D(2026, 6, 1))
    # the same decision; only the version label of the two books may differ
    assert by_registration == attrs.evolve(
        by_default, policy_version=by_registration.policy_version
    )
    assert by_registration.new_counted_from is NewCustomerFrom.FIRST_CONTRACT
    assert find_reason(by_registration, GradingReason.G3_NEW) is not None
    # and without a development date, from the first trade, as before
    only_trade = check_eligibility(D(2026, 2, 1), None, BY_REGISTRATION, on=D(2026, 6, 1))
    assert (only_trade.new_since, only_trade.new_until) == (D(2026, 2, 1), D(2027, 1, 31))


def test_a_registered_prospect_runs_no_new_customer_year() -> None:
    """The rule is about a developed customer (新开发的客户): registration alone is not one."""
    r = check_eligibility(
        None, None, BY_REGISTRATION, on=D(2026, 6, 1), registered_on=D(2026, 1, 1)
    )
    assert not r.new_customer
    assert r.forced_grade is None
    assert (r.new_since, r.new_until, r.new_counted_from) == (None, None, None)
    assert [reason.code for reason in r.reasons] == [GradingReason.G3_NO_TRADE]


def test_registered_on_is_checked_by_name() -> None:
    with pytest.raises(InputError) as info:
        check_eligibility(None, None, SEED, on=D(2026, 1, 1), registered_on=D(2026, 1, 2))
    assert info.value.field == "registered_on"
    with pytest.raises(InputError) as info:
        check_eligibility(None, None, SEED, on=D(2026, 1, 1), registered_on="2025-01-01")  # type: ignore[arg-type]
    assert info.value.field == "registered_on"
    with pytest.raises(InputError) as info:
        check_eligibility(
            D(2000, 1, 1), None, BY_REGISTRATION, on=D(2999, 12, 31), registered_on=D(2999, 6, 1)
        )
    assert info.value.field == "registered_on"


def test_new_customer_from_is_a_declared_choice() -> None:
    (info,) = [i for i in settings_of(SEED.eligibility) if i.path == "new_customer_from"]
    assert info.setting.unit is Unit.CHOICE
    assert info.setting.mark is Mark.DEFAULT
    assert info.default is NewCustomerFrom.FIRST_CONTRACT
    assert [m.value for m in NewCustomerFrom] == ["first_contract", "registration"]
    assert from_mapping(EligibilityPolicy, {"new_customer_from": "自登记起算"}) == (
        BY_REGISTRATION.eligibility
    )
    with pytest.raises(PolicyError) as info_:
        EligibilityPolicy(new_customer_from="signup")
    assert [p.path for p in info_.value.problems] == ["new_customer_from"]


def test_results_built_positionally_keep_working() -> None:
    """The result's new fields are keyword-only: six positional values still build one."""
    r = EligibilityResult(True, D(2026, 1, 1), True, D(2026, 12, 31), Grade.C, "seed")
    assert (r.new_since, r.new_counted_from) == (None, None)
    assert [reason.code for reason in r.reasons] == [
        GradingReason.G3_ELIGIBLE,
        GradingReason.G3_NEW,
    ]


@given(
    days(),
    days(),
    days(),
    days(),
    st.booleans(),
    st.sampled_from([SEED, BY_REGISTRATION]),
)
def test_new_customer_reading_total_consistent_and_round_trips(
    a: dt.date, b: dt.date, c: dt.date, d: dt.date, developed: bool, policy: GradingPolicy
) -> None:
    registered, first, on, later = sorted((a, b, c, d))
    now = check_eligibility(
        first, first if developed else None, policy, on=on, registered_on=registered
    )
    then = check_eligibility(
        first, first if developed else None, policy, on=later, registered_on=registered
    )
    assert then.new_customer <= now.new_customer  # once not new, never new again
    by_registration = policy.eligibility.new_customer_from is NewCustomerFrom.REGISTRATION
    assert now.new_since == (registered if by_registration else first)
    assert (now.new_counted_from is NewCustomerFrom.REGISTRATION) == by_registration
    assert now.new_customer == (now.new_until is not None and on <= now.new_until)
    code = GradingReason.G3_NEW_REGISTERED if by_registration else GradingReason.G3_NEW
    assert (find_reason(now, code) is not None) == now.new_customer
    assert from_data(EligibilityResult, to_data(now, lang="zh"), policy=policy) == now


# --------------------------------------------------------------------------- errors, field by field

_ON = D(2026, 6, 30)
_DATED = GradingPolicy(version="2027", effective=D(2027, 1, 1))
_AMOUNT_FORMS = "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'"


@pytest.mark.parametrize(
    ("call", "field", "given", "expected"),
    [
        *(
            (
                lambda years=years: BigCustomerProfile("500万", PurchaseFrequency.MONTHLY, years),
                "years",
                years,
                "a whole number of years ≥ 0",
            )
            for years in (-1, 1.5, True, "3")
        ),
        (
            lambda: BigCustomerProfile("abc", PurchaseFrequency.MONTHLY, 1),
            "annual_sales",
            "abc",
            _AMOUNT_FORMS,
        ),
        (
            lambda: BigCustomerFacts("abc"),  # type: ignore[arg-type]
            "sales_share_pct",
            "abc",
            "a number such as '14' or '12.5'",
        ),
        (
            lambda: big_customer_level("big", SEED),  # type: ignore[arg-type]
            "profile",
            "big",
            "a BigCustomerProfile",
        ),
        (
            lambda: classify_category("big", SEED),  # type: ignore[arg-type]
            "facts",
            "big",
            "a BigCustomerFacts or a CustomerCategory",
        ),
        (
            lambda: check_eligibility(D(2026, 7, 1), None, SEED, on=_ON),
            "first_trade",
            D(2026, 7, 1),
            "a date on or before 2026-06-30",
        ),
        (
            lambda: check_eligibility(None, D(2026, 7, 1), SEED, on=_ON),
            "developed_on",
            D(2026, 7, 1),
            "a date on or before 2026-06-30",
        ),
        (
            lambda: check_eligibility(None, None, SEED, on=_ON, registered_on=D(2026, 7, 1)),
            "registered_on",
            D(2026, 7, 1),
            "a date on or before 2026-06-30",
        ),
        (  # six months of trade (min_trade_months) would end after 2999-12-31
            lambda: check_eligibility(D(2999, 10, 1), None, SEED, on=D(2999, 12, 31)),
            "first_trade",
            D(2999, 10, 1),
            "a date at least 6 month(s) before 2999-12-31",
        ),
        (  # the new-customer year (12 months) would end after 2999-12-31
            lambda: check_eligibility(None, D(2999, 10, 1), SEED, on=D(2999, 12, 31)),
            "developed_on",
            D(2999, 10, 1),
            "a date at least 12 month(s) before 2999-12-31",
        ),
        (
            lambda: designate_key_customer("李", SEED, on=_ON),  # type: ignore[arg-type]
            "approvals",
            "李",
            "a list of Approval records",
        ),
        (
            lambda: designate_key_customer(["李"], SEED, on=_ON),  # type: ignore[list-item]
            "approvals[0]",
            "李",
            "an Approval record",
        ),
        (
            lambda: check_eligibility(None, None, PolicyBook(), on=_ON),  # type: ignore[arg-type]
            "policy",
            PolicyBook(),
            "a GradingPolicy (GradingPolicy() is the seed; for a PolicyBook pass book.grading)",
        ),
        (
            lambda: check_eligibility(None, None, "seed", on=_ON),  # type: ignore[arg-type]
            "policy",
            "seed",
            "a GradingPolicy (GradingPolicy() is the seed)",
        ),
        (
            lambda: check_eligibility(None, None, _DATED, on=_ON),
            "on",
            _ON,
            "a day on or after the policy's effective date 2027-01-01 (version '2027')",
        ),
        (  # checks.in_force on its own: a day that is not a date cannot be compared
            lambda: in_force(_DATED, "2026-06-30"),  # type: ignore[arg-type]
            "on",
            "2026-06-30",
            "a datetime.date",
        ),
    ],
)
def test_g3_input_errors_keep_field_given_and_expected(
    call: Callable[[], object], field: str, given: object, expected: str
) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert (info.value.field, info.value.given, info.value.expected) == (field, given, expected)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: check_eligibility(None, None, SEED, on=dt.datetime(2026, 6, 30, 9)), "on"),
        (lambda: check_eligibility(dt.datetime(2026, 1, 1, 9), None, SEED, on=_ON), "first_trade"),
        (lambda: check_eligibility(None, dt.datetime(2026, 1, 1, 9), SEED, on=_ON), "developed_on"),
        (lambda: designate_key_customer([], SEED, on=dt.datetime(2026, 6, 30, 9)), "on"),
    ],
)
def test_g3_a_datetime_is_refused_by_the_arguments_name(
    call: Callable[[], object], field: str
) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field


def test_g3_big_levels_out_of_order_say_which_line_and_what_was_given() -> None:
    """G3 big-customer rows best first: C's 1,000,000 row before B's 5,000,000 row is refused,
    naming B's line, its value and the bound it had to stay below."""
    c_row, b_row = SEED.eligibility.big_levels[2], SEED.eligibility.big_levels[1]
    with pytest.raises(PolicyError) as info:
        EligibilityPolicy(big_levels=(c_row, b_row))
    assert info.value.problems == (
        Problem(
            "big_levels[1].min_annual_sales",
            "expected less than big_levels[0].min_annual_sales (1000000), got 5000000",
            "Decimal('5000000')",
            "< 1000000",
        ),
    )


def test_g3_stored_keys_are_pinned() -> None:
    """What hosts store: the approval subject of a key-customer designation and the values of
    the G3 choices, categories and purchase frequencies (with their order)."""
    assert KEY_CUSTOMER == "G3.key_customer"
    assert [m.value for m in CriteriaMode] == ["any", "all"]
    assert [m.value for m in BigCustomerCriterion] == [
        "sales_share",
        "high_recognition",
        "long_term_intent",
        "industry_renown",
    ]
    assert [m.value for m in CustomerCategory] == ["big", "ordinary"]
    assert [(m.value, m.rank) for m in PurchaseFrequency] == [
        ("monthly", 3),
        ("quarterly", 2),
        ("irregular", 1),
    ]
