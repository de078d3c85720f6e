"""G4 — service tier by (category, grade) and the next revisit."""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import (
    CustomerRulesError,
    GradingPolicy,
    InputError,
    PolicyBook,
    PolicyError,
    Role,
    explain,
)
from customer_rules._grading.codes import GradingReason
from customer_rules.dates import EARLIEST, LATEST
from customer_rules.errors import Problem
from customer_rules.grading import (
    TIER_PRESETS,
    CustomerCategory,
    Grade,
    PriceLevel,
    RevisitMode,
    ServiceBenefit,
    ServiceTier,
    ServiceTierPolicy,
    service_tier,
)
from customer_rules.reasons import Reason, find_reason, render_reason
from customer_rules.settings import from_mapping
from customer_rules.testing import days, malformed_values

SEED = GradingPolicy()
BIG, ORD = CustomerCategory.BIG, CustomerCategory.ORDINARY
D = dt.date
ON = D(2026, 11, 30)
G4_CODES = {m for m in GradingReason if m.value.startswith("G4.")}


def reason(result: Any, code: GradingReason) -> Reason:
    found = find_reason(result, code)
    assert found is not None, f"no {code} in {[r.code for r in result.reasons]}"
    return found


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
    assert find_reason(due, GradingReason.G4_OVERDUE) is None
    assert explain(due, "zh") == (
        "[G4] 大客户A等级(重要客户):发货优先级 1,最优价格\n"
        "[G4] 每 3 个月由 主管副总经理、业务部经理 回访;上次 2026-08-31,下次截止 2026-11-30"
    )
    assert explain(due, "en") == (
        "[G4] big customer A (important): delivery priority 1, best price\n"
        "[G4] revisit every 3 months by vp in charge, sales manager; last 2026-08-31,"
        " next due 2026-11-30"
    )
    late = service_tier(BIG, Grade.A, SEED, on=D(2026, 12, 1), last_visit=last)
    assert late.overdue
    assert find_reason(late, GradingReason.G4_REVISIT) is None
    overdue = reason(late, GradingReason.G4_OVERDUE)
    assert render_reason(overdue, "zh") == (
        "[G4] 每 3 个月由 主管副总经理、业务部经理 回访;上次 2026-08-31,已于 2026-11-30 逾期"
    )
    assert render_reason(overdue, "en") == (
        "[G4] revisit every 3 months by vp in charge, sales manager; last 2026-08-31,"
        " overdue since 2026-11-30"
    )


@pytest.mark.parametrize(
    ("category", "grade", "due"),
    [
        pytest.param(BIG, Grade.A, D(2026, 6, 15), id="大A-每季度回访"),
        pytest.param(BIG, Grade.B, D(2026, 9, 15), id="大B-每半年回访"),
        pytest.param(ORD, Grade.A, D(2027, 3, 15), id="普A-每一年回访"),
        pytest.param(BIG, Grade.C, D(2027, 3, 15), id="大C-每一年回访"),
        pytest.param(ORD, Grade.B, D(2026, 9, 15), id="普B-每半年回访"),
    ],
)
def test_seed_words_revisit_due_on_the_day_overdue_the_day_after(
    category: CustomerCategory, grade: Grade, due: dt.date
) -> None:
    """G4 "主管副总经理、业务部经理每季度回访", "每半年回访", "业务部经理每一年回访",
    "办事处主任每半年回访": a quarter, half-year or year after the last visit (rolling
    [default]) the revisit is due — on that day it is not yet overdue, the day after it is."""
    last = D(2026, 3, 15)
    on_the_day = service_tier(category, grade, SEED, on=due, last_visit=last)
    day_after = service_tier(category, grade, SEED, on=due + dt.timedelta(days=1), last_visit=last)
    assert on_the_day.next_revisit == due
    assert not on_the_day.overdue
    assert find_reason(on_the_day, GradingReason.G4_REVISIT) is not None
    assert day_after.overdue
    assert find_reason(day_after, GradingReason.G4_OVERDUE) is not None


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
    assert explain(r, "zh") == (
        "[G4] 大客户B等级(较重要客户):发货优先级 2,较优价格\n"
        "[G4] 尚无回访记录,应立即回访(回访人:主管副总经理、业务部经理),截止 2026-11-30"
    )
    assert explain(r, "en") == (
        "[G4] big customer B (fairly important): delivery priority 2, better price\n"
        "[G4] never revisited: due now (vp in charge, sales manager), by 2026-11-30"
    )
    none = service_tier(ORD, Grade.C, SEED, on=ON, last_visit=D(2020, 1, 1))
    assert none.next_revisit is None
    assert find_reason(none, GradingReason.G4_NO_REVISIT) is not None
    assert explain(none, "zh") == (
        "[G4] 普通客户C等级(一般性客户):制度未列明,按本库默认:发货优先级 6,标准价格\n"
        "[G4] 无定期回访安排"
    )
    assert explain(none, "en") == (
        "[G4] ordinary customer C (ordinary): blank in the seed, library default:"
        " priority 6, list price\n"
        "[G4] no scheduled revisit"
    )


def test_big_customer_benefit_preset() -> None:
    policy = attrs.evolve(SEED, service=ServiceTierPolicy(TIER_PRESETS["big_customer_benefits"]))
    a = service_tier(BIG, Grade.A, policy, on=ON)
    assert a.tier is not None
    assert a.tier.price is PriceLevel.BEST
    assert a.tier.benefits == (ServiceBenefit.CREDIT_SERVICE,)
    assert explain(a, "zh") == "[G4] 大客户A等级(重要客户):最优价格;信用服务\n[G4] 无定期回访安排"
    assert explain(a, "en") == (
        "[G4] big customer A (important): best price; credit service\n[G4] no scheduled revisit"
    )
    missing = service_tier(ORD, Grade.A, policy, on=ON)
    assert missing.tier is None
    assert [r.code for r in missing.reasons] == [GradingReason.G4_NONE]
    assert explain(missing, "zh") == "[G4] 普通客户A等级(重要客户):所用待遇表未列此级别"
    assert explain(missing, "en") == (
        "[G4] ordinary customer A (important): the tier table in use has no row for it"
    )


def test_every_g4_code_is_rendered_above() -> None:
    """The examples above render every G4 code in both languages (keep this list in step)."""
    assert {
        GradingReason.G4_NEVER,
        GradingReason.G4_NO_REVISIT,
        GradingReason.G4_NONE,
        GradingReason.G4_OVERDUE,
        GradingReason.G4_REVISIT,
        GradingReason.G4_TIER,
        GradingReason.G4_TIER_BENEFITS,
        GradingReason.G4_TIER_DEFAULT,
    } == G4_CODES


def test_reasons_round_trip_as_data() -> None:
    r = service_tier(BIG, Grade.A, SEED, on=D(2026, 12, 1), last_visit=D(2026, 8, 31))
    for item in r.reasons:
        assert Reason.from_data(item.to_data("en")) == item


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


@pytest.mark.parametrize("policy", [None, PolicyBook(), "seed", GradingPolicy().service])
def test_policy_must_be_a_grading_policy(policy: object) -> None:
    with pytest.raises(InputError) as info:
        service_tier(BIG, Grade.A, policy, on=ON)  # type: ignore[arg-type]
    assert info.value.field == "policy"


@pytest.mark.parametrize(
    ("on", "last_visit", "field"),
    [
        (D(1899, 12, 31), None, "on"),
        (D(3000, 1, 1), None, "on"),
        (dt.datetime(2026, 1, 1), None, "on"),
        (ON, D(1, 1, 1), "last_visit"),
        (ON, D(9999, 12, 31), "last_visit"),
    ],
)
def test_dates_outside_the_supported_range(
    on: dt.date, last_visit: dt.date | None, field: str
) -> None:
    with pytest.raises(InputError) as info:
        service_tier(BIG, Grade.A, SEED, on=on, last_visit=last_visit)
    assert info.value.field == field


@pytest.mark.parametrize("mode", list(RevisitMode))
def test_revisit_from_the_last_supported_day(mode: RevisitMode) -> None:
    """The longest period from LATEST is still an answer: no OverflowError, no refusal."""
    row = ServiceTier(BIG, Grade.A, PriceLevel.BEST, 1, 120, (Role.SALES_MANAGER,))
    policy = attrs.evolve(SEED, service=ServiceTierPolicy((row,), mode))
    r = service_tier(BIG, Grade.A, policy, on=LATEST, last_visit=LATEST)
    assert r.next_revisit == (D(3009, 12, 31) if mode is RevisitMode.ROLLING else D(3018, 12, 31))
    assert not r.overdue
    early = service_tier(BIG, Grade.A, policy, on=EARLIEST, last_visit=EARLIEST)
    assert early.next_revisit == (D(1910, 1, 1) if mode is RevisitMode.ROLLING else D(1919, 12, 31))


# --- G4 policy: one set of checks for Python and for files ---------------------------------


def test_service_tier_row_refuses_unknown_roles_and_none() -> None:
    with pytest.raises(PolicyError) as info:
        ServiceTier(BIG, Grade.A, PriceLevel.BEST, revisitors=("boss",))  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["revisitors[0]"]
    with pytest.raises(PolicyError) as info:
        ServiceTier(BIG, Grade.A, PriceLevel.BEST, revisitors=None)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["revisitors"]


def test_tiers_refuse_none_rows() -> None:
    with pytest.raises(PolicyError) as info:
        ServiceTierPolicy(tiers=[None])  # type: ignore[list-item]
    assert [p.path for p in info.value.problems] == ["tiers[0]"]


@pytest.mark.parametrize(
    ("kwargs", "paths"),
    [
        ({"tiers": [None]}, ["tiers[0]"]),
        ({"tiers": [1, "x"]}, ["tiers[0]", "tiers[1]"]),
        ({"tiers": "treatment_6_1_2"}, ["tiers"]),
        ({"tiers": {"category": "big"}}, ["tiers"]),
        ({"revisit_mode": "weekly"}, ["revisit_mode"]),
        ({"revisit_mode": None}, ["revisit_mode"]),
        (
            {
                "tiers": [
                    {"category": "big", "grade": "A", "price": "best", "revisitors": ["boss"]},
                    {"category": "giant", "grade": "A", "price": "best"},
                    {"category": "big", "grade": "B", "price": "best", "priority": "0"},
                ]
            },
            ["tiers[0].revisitors[0]", "tiers[1].category", "tiers[2].priority"],
        ),
        (
            {"tiers": [{"category": "big", "grade": "A", "price": "best", "revisit_months": 3}]},
            ["tiers[0].revisitors"],
        ),
        (
            {
                "tiers": [
                    {"category": "big", "grade": "A", "price": "best"},
                    {"category": "大客户", "grade": "a", "price": "list"},
                ]
            },
            ["tiers[1]"],
        ),
    ],
)
def test_policy_problems_from_python_equal_those_from_a_mapping(
    kwargs: dict[str, Any], paths: list[str]
) -> None:
    with pytest.raises(PolicyError) as python:
        ServiceTierPolicy(**kwargs)
    with pytest.raises(PolicyError) as mapping:
        from_mapping(ServiceTierPolicy, kwargs)
    assert python.value.problems == mapping.value.problems
    assert [p.path for p in python.value.problems] == paths


@pytest.mark.parametrize(
    ("kwargs", "paths"),
    [
        ({"revisitors": ["boss"]}, ["revisitors[0]"]),
        ({"priority": 0, "revisit_months": 121}, ["priority", "revisit_months"]),
        ({"priority": True}, ["priority"]),
        ({"priority": "first"}, ["priority"]),
        ({"benefits": ["cash back"]}, ["benefits[0]"]),
        ({"seed": "maybe"}, ["seed"]),
    ],
)
def test_row_problems_from_python_equal_those_from_a_mapping(
    kwargs: dict[str, Any], paths: list[str]
) -> None:
    row = {"category": "big", "grade": "A", "price": "best", **kwargs}
    with pytest.raises(PolicyError) as python:
        ServiceTier(**row)
    with pytest.raises(PolicyError) as mapping:
        from_mapping(ServiceTier, row)
    assert python.value.problems == mapping.value.problems
    assert [p.path for p in python.value.problems] == paths


def test_rows_accept_numeric_strings_labels_and_lists() -> None:
    row = ServiceTier(
        "大客户",  # type: ignore[arg-type]
        "A",  # type: ignore[arg-type]
        "best",  # type: ignore[arg-type]
        priority="1",  # type: ignore[arg-type]
        revisit_months=" 3 ",  # type: ignore[arg-type]
        revisitors=["vp_in_charge", "业务部经理"],  # type: ignore[arg-type]
    )
    assert row == SEED.service.tiers[0]
    policy = ServiceTierPolicy(tiers=[{**attrs.asdict(row), "priority": "1"}])  # type: ignore[list-item]
    assert policy.tiers == (row,)
    assert policy.lookup(BIG, Grade.A) is policy.tiers[0]
    assert policy.lookup(ORD, Grade.A) is None


def test_default_policy_round_trips_through_a_mapping() -> None:
    from customer_rules.settings import plain

    for preset in TIER_PRESETS.values():
        policy = ServiceTierPolicy(preset, RevisitMode.CALENDAR)
        assert from_mapping(ServiceTierPolicy, plain(policy)) == policy


@pytest.mark.parametrize("bad", [None, "A", 1, ["big", "A"]])
def test_lookup_refuses_non_members(bad: object) -> None:
    with pytest.raises(InputError):
        SEED.service.lookup(bad, Grade.A)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        SEED.service.lookup(BIG, bad)  # type: ignore[arg-type]


# --- G4 properties -----------------------------------------------------------------------------


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
        assert r.tier is not None
        assert r.next_revisit > last
        assert r.overdue == (r.next_revisit < on)
        code = GradingReason.G4_OVERDUE if r.overdue else GradingReason.G4_REVISIT
        step = reason(r, code)
        who = "、".join(role.zh for role in r.tier.revisitors)
        state = "已于 {} 逾期" if r.overdue else "下次截止 {}"
        assert render_reason(step, "zh") == (
            f"[G4] 每 {r.tier.revisit_months} 个月由 {who} 回访;"
            f"上次 {last.isoformat()},{state.format(r.next_revisit.isoformat())}"
        )
    assert all(reason.rule == "G4" for reason in r.reasons)
    assert {reason.code for reason in r.reasons} <= G4_CODES


@given(st.sampled_from(list(CustomerCategory)), days(), days())
def test_better_grade_never_gets_a_worse_priority(
    category: CustomerCategory, a: dt.date, b: dt.date
) -> None:
    priorities = [
        service_tier(category, g, SEED, on=a).tier for g in (Grade.A, Grade.B, Grade.C, Grade.D)
    ]
    numbers = [t.priority for t in priorities if t is not None and t.priority is not None]
    assert numbers == sorted(numbers)


# --- G4 fuzz: malformed arguments give a CustomerRulesError, never a raw builtin error --------

JUNK = malformed_values()


def arg(*valid: object) -> st.SearchStrategy[Any]:
    return st.one_of(JUNK, st.sampled_from(valid))


@given(
    arg(*CustomerCategory),
    arg(*Grade),
    arg(SEED, attrs.evolve(SEED, service=ServiceTierPolicy(revisit_mode=RevisitMode.CALENDAR))),
    arg(ON, LATEST, EARLIEST),
    arg(None, D(2026, 1, 31), LATEST),
)
def test_service_tier_fuzz(
    category: Any, grade: Any, policy: Any, on: Any, last_visit: Any
) -> None:
    try:
        r = service_tier(category, grade, policy, on=on, last_visit=last_visit)
    except CustomerRulesError:
        return
    explain(r, "en")


@given(arg(*CustomerCategory), arg(*Grade))
def test_lookup_fuzz(category: Any, grade: Any) -> None:
    with contextlib.suppress(CustomerRulesError):
        SEED.service.lookup(category, grade)


@given(
    arg(*CustomerCategory, "big"),
    arg(*Grade, "A"),
    arg(*PriceLevel),
    arg(None, 1, "2"),
    arg(None, 3, "12"),
    arg((), (Role.SALES_MANAGER,), ["vp_in_charge"]),
    arg((), (ServiceBenefit.BASIC_SERVICE,)),
    arg(True, False, "否"),
)
def test_service_tier_row_fuzz(
    category: Any,
    grade: Any,
    price: Any,
    priority: Any,
    months: Any,
    revisitors: Any,
    benefits: Any,
    seed: Any,
) -> None:
    with contextlib.suppress(CustomerRulesError):
        ServiceTier(category, grade, price, priority, months, revisitors, benefits, seed)


@given(
    st.one_of(JUNK, st.lists(st.one_of(JUNK, st.sampled_from(SEED.service.tiers)), max_size=4)),
    arg(*RevisitMode, "calendar"),
)
def test_service_tier_policy_fuzz(tiers: Any, mode: Any) -> None:
    with contextlib.suppress(CustomerRulesError):
        ServiceTierPolicy(tiers, mode)


def test_float_and_decimal_priorities() -> None:
    assert ServiceTier(BIG, Grade.A, PriceLevel.BEST, Decimal(2)).priority == 2  # type: ignore[arg-type]
    with pytest.raises(PolicyError):
        ServiceTier(BIG, Grade.A, PriceLevel.BEST, Decimal("2.5"))  # type: ignore[arg-type]


def test_g4_the_whole_6_1_2_table_is_pinned_row_by_row() -> None:
    """G4 (003 §6.1.2): every row of the default table, the seed's five and the library's three
    defaults for 普C and grade D — a changed priority, price, revisit, revisitor, benefit or
    seed mark is a changed decision and must fail here."""
    big, ordinary = CustomerCategory.BIG, CustomerCategory.ORDINARY
    vp, mgr, office = Role.VP_IN_CHARGE, Role.SALES_MANAGER, Role.OFFICE_DIRECTOR
    rows = [
        (
            t.category,
            t.grade,
            t.price,
            t.priority,
            t.revisit_months,
            t.revisitors,
            t.benefits,
            t.seed,
        )
        for t in GradingPolicy().service.tiers
    ]
    assert rows == [
        (big, Grade.A, PriceLevel.BEST, 1, 3, (vp, mgr), (), True),
        (big, Grade.B, PriceLevel.BETTER, 2, 6, (vp, mgr), (), True),
        (ordinary, Grade.A, PriceLevel.BETTER, 3, 12, (mgr,), (), True),
        (big, Grade.C, PriceLevel.DISCOUNT, 4, 12, (mgr,), (), True),
        (ordinary, Grade.B, PriceLevel.DISCOUNT, 5, 6, (office,), (), True),
        (ordinary, Grade.C, PriceLevel.LIST, 6, None, (), (), False),
        (big, Grade.D, PriceLevel.LIST, 7, None, (), (), False),
        (ordinary, Grade.D, PriceLevel.LIST, 7, None, (), (), False),
    ]


# --------------------------------------------------------------------------- errors, field by field


@pytest.mark.parametrize(
    ("call", "field", "given", "expected"),
    [
        (
            lambda: service_tier("big", Grade.A, SEED, on=ON),  # type: ignore[arg-type]
            "category",
            "big",
            "a CustomerCategory (BIG or ORDINARY)",
        ),
        (
            lambda: service_tier(BIG, "A", SEED, on=ON),  # type: ignore[arg-type]
            "grade",
            "A",
            "a Grade (A, B, C or D)",
        ),
        (
            lambda: ServiceTierPolicy().lookup("big", Grade.A),  # type: ignore[arg-type]
            "category",
            "big",
            "a CustomerCategory (BIG or ORDINARY)",
        ),
        (
            lambda: ServiceTierPolicy().lookup(BIG, "A"),  # type: ignore[arg-type]
            "grade",
            "A",
            "a Grade (A, B, C or D)",
        ),
    ],
)
def test_g4_input_errors_keep_field_given_and_expected(
    call: Any, field: str, given: object, expected: str
) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert (info.value.field, info.value.given, info.value.expected) == (field, given, expected)


def test_g4_table_problems_say_which_row_and_what_is_missing() -> None:
    """G4: a (category, grade) pair has one row; a row that revisits names who revisits."""
    first = SEED.service.tiers[0]
    with pytest.raises(PolicyError) as info:
        ServiceTierPolicy(tiers=(first, first))
    assert info.value.problems == (Problem("tiers[1]", "duplicate row for big A"),)
    with pytest.raises(PolicyError) as info:
        ServiceTier(BIG, Grade.A, PriceLevel.BEST, 1, 3)
    assert info.value.problems == (
        Problem("revisitors", "expected who revisits, got none", None, "a role"),
    )
