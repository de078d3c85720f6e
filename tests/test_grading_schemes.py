"""G7 — other classification schemes: the generic tiered classifier and its presets."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules._grading.schemes import (
    SCHEMES,
    Classification,
    Criterion,
    Op,
    Tier,
    TieredScheme,
    classify,
    scheme,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.reasons import Reason, explain

# The schemes of the catalogue's G7 row, in its order.
G7_ROW = (
    "value_strategic",
    "influence_abc",
    "key_ordinary_potential",
    "potential_existing",
    "construction_resources",
    "customer_definition",
    "value_abcd",
    "importance_core",
    "big_customer_service_abc",
    "big_customer_scale_abc",
    "big_customer_sector",
    "big_customer_value_2024",
    "group_big_customer_abc",
    "key_general_potential",
    "contribution_abcd",
    "relationship_card",
    "archive_by_volume",
    "archive_by_time",
    "archive_by_trade",
    "archive_by_nature",
    "enterprise_target",
    "personal_target",
)

# A scheme with numeric comparisons (the presets have none: the seeds give no G7 amounts).
NUMERIC = TieredScheme(
    "test_numeric",
    "测试:按金额",
    "Test: by amount",
    "test",
    "金额",
    "amount",
    (
        Tier(
            "A",
            "A类",
            "class A",
            "≥ 80万",
            "at least 800,000",
            (Criterion("amount", "ge", "80万"),),
        ),
        Tier(
            "B",
            "B类",
            "class B",
            "≥ 40万且逾期不超过30天",
            "at least 400,000 and at most 30 days overdue",
            (Criterion("amount", Op.GE, 400_000), Criterion("overdue_days", Op.LE, 30)),
        ),
        Tier(
            "C",
            "C类",
            "class C",
            "",
            "",
            (Criterion("amount", Op.GT, 0), Criterion("overdue_days", Op.LT, 90)),
        ),
        Tier("F", "关注", "flagged", "", "", (Criterion("flagged", Op.TRUE),)),
        Tier("E", "华东", "east", "", "", (Criterion("region", Op.EQ, "华东"),)),
        Tier("T", "三单", "three orders", "", "", (Criterion("orders", Op.EQ, 3),)),
        Tier("J", "判定", "judged", "人工判定", "by judgement"),
    ),
)

ALL_SCHEMES = (*SCHEMES.values(), NUMERIC)
PLACEHOLDER = re.compile(r"\{[A-Za-z_]*\}")


def _kind(criterion: Criterion) -> str:
    if criterion.op is Op.TRUE or isinstance(criterion.value, bool):
        return "flag"
    if isinstance(criterion.value, Decimal):
        return "number"
    return "text"


def _fact_kinds(s: TieredScheme) -> dict[str, str]:
    return {c.fact: _kind(c) for t in s.tiers for c in t.criteria}


def _texts(s: TieredScheme, fact: str) -> list[str]:
    found: list[str] = []
    for tier in s.tiers:
        for c in tier.criteria:
            if c.fact == fact:
                found.extend(c.value if isinstance(c.value, tuple) else (str(c.value),))
    return found


_SAFE_TEXT = st.text(st.characters(exclude_characters="{}", codec="utf-8"))
_NUMBERS = st.one_of(
    st.integers(-(10**9), 10**9),
    st.decimals(-(10**9), 10**9, allow_nan=False, allow_infinity=False, places=2),
    st.integers(0, 10**6).map(lambda n: f"{n}万"),
    st.decimals(0, 10**7, places=2).map(str),
)


@st.composite
def scheme_and_facts(draw: st.DrawFn) -> tuple[TieredScheme, dict[str, object]]:
    """A scheme and a facts mapping with every fact its criteria read, of the right type."""
    s = draw(st.sampled_from(ALL_SCHEMES))
    facts: dict[str, object] = {}
    for fact, kind in _fact_kinds(s).items():
        if kind == "flag":
            facts[fact] = draw(st.booleans())
        elif kind == "number":
            facts[fact] = draw(_NUMBERS)
        else:
            facts[fact] = draw(st.one_of(st.sampled_from(_texts(s, fact)), _SAFE_TEXT))
    return s, facts


# -- the presets ---------------------------------------------------------------------------------


def test_presets_are_the_g7_row() -> None:
    assert tuple(SCHEMES) == G7_ROW


@pytest.mark.parametrize("name", G7_ROW)
def test_every_g7_preset_constructs_with_unique_codes_and_cites_a_seed(name: str) -> None:
    s = scheme(name)
    assert s.name == name
    assert re.match(r"^00[0-4] §\S", s.source), s.source
    assert s.tiers
    assert len(set(s.codes)) == len(s.codes)
    assert len({t.zh for t in s.tiers}) == len(s.tiers)
    for tier in s.tiers:
        assert tier.meaning_zh
        assert tier.meaning_en
    assert s.notes
    assert TieredScheme(**attrs.asdict(s, recurse=False)) == s


def test_schemes_mapping_is_read_only() -> None:
    with pytest.raises(TypeError):
        SCHEMES["x"] = SCHEMES["influence_abc"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("occupation", "level"),
    [
        ("政府及行政机关官员", "高"),
        ("政府及行政机关公务员(中等职位)", "较高"),
        ("普通公务员", "中等"),
        ("高层管理人员", "高"),
        ("中层管理人员", "较高"),
        ("普通管理人员", "中等"),
        ("私企业主", "高"),
        ("中高管理人士", "较高"),
        ("商贸个体户", "高"),
        ("职业经理人", "较高"),
        ("外企或大型企业员工", "中等"),
        ("专业人士", "较高"),
        ("知识型自由职业者", "中等"),
    ],
)
def test_personal_target_table_maps_each_occupation_to_its_level(
    occupation: str, level: str
) -> None:
    result = classify("personal_target", {"occupation": occupation})
    assert result.tier is not None
    assert result.code == level
    assert result.tier.zh == f"{level}消费层"
    assert not result.assigned
    assert result.reasons[1].fact("given") == occupation
    assert occupation in explain(result, "zh")


def test_personal_target_unknown_occupation_is_unclassified_with_reasons() -> None:
    result = classify("personal_target", {"occupation": "学生"})
    assert result.tier is None
    assert result.code is None
    codes = [r.code for r in result.reasons]
    assert codes == ["G7.unclassified", "G7.failed", "G7.failed", "G7.failed"]
    assert "未分类" in explain(result, "zh")
    assert "unclassified" in explain(result, "en")


@pytest.mark.parametrize("assigned", ["C", "C类客户", " C "])
def test_assigned_tier_by_code_or_chinese_name(assigned: str) -> None:
    result = classify("influence_abc", assigned=assigned)
    assert result.code == "C"
    assert result.assigned
    assert result.reasons == (result.reasons[0],)
    assert result.reasons[0].code == "G7.assigned"
    assert "经人工判定" in explain(result, "zh")
    assert "转变为B类" in SCHEMES["influence_abc"].notes


def test_assignment_overrides_the_facts() -> None:
    result = classify("construction_resources", {"signed_contract": True}, assigned="老客户")
    assert (result.code, result.assigned) == ("老", True)


def test_judgement_scheme_without_assignment_is_unclassified() -> None:
    result = classify("value_abcd")
    assert result.tier is None
    last = result.reasons[-1]
    assert last.code == "G7.judgement"
    assert last.fact("codes") == ("A", "B", "C", "D")


@pytest.mark.parametrize(
    ("facts", "code"),
    [
        ({"has_business_relationship": True}, "现有"),
        ({"has_business_relationship": False}, "潜在"),
    ],
)
def test_potential_existing(facts: dict[str, object], code: str) -> None:
    assert classify("potential_existing", facts).code == code


@pytest.mark.parametrize(("signed", "code"), [(True, "现有"), (False, "潜在")])
def test_construction_contract_decides_potential_or_existing(signed: bool, code: str) -> None:
    assert classify("construction_resources", {"signed_contract": signed}).code == code


@pytest.mark.parametrize(
    ("facts", "code"),
    [
        ({"relation": "供应商", "has_business_dealings": True}, "客户"),
        ({"relation": "经销商", "has_business_dealings": True}, "客户"),
        ({"relation": "供应商", "has_business_dealings": False}, None),
        ({"relation": "银行"}, "特殊"),
        ({"relation": "融资协助机构"}, "特殊"),
        ({"relation": "学校"}, None),
    ],
)
def test_who_counts_as_a_customer(facts: dict[str, object], code: str | None) -> None:
    assert classify("customer_definition", facts).code == code


@pytest.mark.parametrize(
    ("before", "now", "code"),
    [(True, False, "过去"), (True, True, "正在"), (False, True, "正在"), (False, False, "未来")],
)
def test_archive_by_trade(before: bool, now: bool, code: str) -> None:
    result = classify("archive_by_trade", {"traded_before": before, "trading_now": now})
    assert result.code == code


def test_matched_reasons_give_the_facts_values() -> None:
    result = classify("archive_by_trade", {"traded_before": True, "trading_now": False})
    assert [r.code for r in result.reasons] == ["G7.matched", "G7.held.flag", "G7.held.flag"]
    assert explain(result, "en").splitlines()[1:] == [
        "[G7] traded_before: yes",
        "[G7] trading_now: no",
    ]


# -- a numeric scheme: the seed's style of boundary --------------------------------------------


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("80万", "A"),
        (800_000, "A"),
        (Decimal("799999.99"), "B"),
        ("400,000", "B"),
        ("399999.99", "C"),
    ],
)
def test_numeric_boundaries(amount: object, code: str) -> None:
    result = classify(NUMERIC, {"amount": amount, "overdue_days": 30, "flagged": False})
    assert result.code == code


def test_numeric_reasons_render_the_bound() -> None:
    result = classify(NUMERIC, {"amount": "799999.99", "overdue_days": 30})
    assert explain(result, "zh").splitlines()[1:] == [
        "[G7] amount 为 799,999.99,不低于 400,000",
        "[G7] overdue_days 为 30,不高于 30",
    ]


def test_numeric_equality_text_and_judgement_tiers() -> None:
    base = {"amount": 0, "overdue_days": 100, "flagged": False, "region": "华北"}
    assert classify(NUMERIC, {**base, "orders": 3}).code == "T"
    assert classify(NUMERIC, {**base, "orders": "3.0"}).code == "T"
    assert classify(NUMERIC, {**base, "region": "华东"}).code == "E"
    assert classify(NUMERIC, {**base, "flagged": True}).code == "F"
    assert classify(NUMERIC, {**base, "orders": 4}).code is None
    assert classify(NUMERIC, assigned="判定").code == "J"


# -- errors name the field ---------------------------------------------------------------------


def test_unknown_scheme_names_the_field_and_lists_the_names() -> None:
    with pytest.raises(InputError) as info:
        scheme("no_such_scheme")
    assert info.value.field == "name"
    assert "personal_target" in info.value.expected
    with pytest.raises(InputError) as info:
        classify("no_such_scheme")
    assert info.value.field == "name"


def test_unknown_tier_names_assigned_and_lists_the_codes() -> None:
    with pytest.raises(InputError) as info:
        classify("influence_abc", assigned="E")
    assert info.value.field == "assigned"
    assert "A (A类客户)" in info.value.expected
    with pytest.raises(InputError, match="assigned"):
        classify("influence_abc", assigned=1)  # type: ignore[arg-type]


def test_missing_fact_names_the_fact() -> None:
    with pytest.raises(InputError) as info:
        classify("customer_definition", {"relation": "供应商"})
    assert info.value.field == "has_business_dealings"
    with pytest.raises(InputError) as info:
        classify("personal_target", {})
    assert info.value.field == "occupation"


@pytest.mark.parametrize(
    ("s", "facts", "field"),
    [
        (NUMERIC, {"amount": 1.5}, "amount"),
        (NUMERIC, {"amount": "很多"}, "amount"),
        (NUMERIC, {"amount": True}, "amount"),
        (NUMERIC, {"amount": 1, "overdue_days": Decimal("NaN")}, "overdue_days"),
        (SCHEMES["personal_target"], {"occupation": 3}, "occupation"),
        (SCHEMES["archive_by_trade"], {"traded_before": 1, "trading_now": False}, "traded_before"),
        (SCHEMES["archive_by_trade"], {"traded_before": True, "trading_now": "否"}, "trading_now"),
    ],
)
def test_wrong_type_names_the_fact(s: TieredScheme, facts: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as info:
        classify(s, facts)
    assert info.value.field == field


def test_facts_and_scheme_arguments_are_checked() -> None:
    with pytest.raises(InputError, match="facts"):
        classify("personal_target", [("occupation", "私企业主")])  # type: ignore[arg-type]
    with pytest.raises(InputError, match="scheme"):
        classify(3)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: Criterion("x", "between"), "op"),
        (lambda: Criterion("x", Op.GE, 1.5), "value"),
        (lambda: Criterion("x", Op.GE, "高"), "value"),
        (lambda: Criterion("x", Op.IN, "供应商"), "value"),
        (lambda: Criterion("x", Op.IN, ()), "value"),
        (lambda: Criterion("x", Op.TRUE, False), "value"),
        (lambda: Criterion("x", Op.EQ, 1.5), "value"),
        (lambda: Criterion("not a name", Op.TRUE), "fact"),
        (lambda: Tier("", "甲", "a", "", ""), "code"),
        (lambda: Tier("A", "甲", "a", "", "", ("x",)), "criteria[0]"),
        (lambda: Tier("A", "甲", "a", "", "", "x"), "criteria"),
    ],
)
def test_bad_criterion_or_tier_names_the_field(build: object, path: str) -> None:
    with pytest.raises(PolicyError) as info:
        build()  # type: ignore[operator]
    assert [p.path for p in info.value.problems] == [path]


def _scheme(*tiers: Tier, name: str = "custom") -> TieredScheme:
    return TieredScheme(name, "自定义", "custom", "test", "维度", "dimension", tiers)


def test_bad_scheme_lists_every_problem_with_its_path() -> None:
    a = Tier("A", "甲", "a", "", "", (Criterion("n", Op.GE, 1),))
    with pytest.raises(PolicyError) as info:
        _scheme(name="Not Snake")
    assert [p.path for p in info.value.problems] == ["name", "tiers"]
    with pytest.raises(PolicyError) as info:
        _scheme(a, Tier("A", "乙", "b", "", ""), Tier("甲", "丙", "c", "", ""))
    assert [p.path for p in info.value.problems] == ["tiers[1].code", "tiers[2].code"]
    with pytest.raises(PolicyError) as info:
        _scheme(a, Tier("B", "乙", "b", "", "", (Criterion("n", Op.EQ, "x"),)))
    assert [p.path for p in info.value.problems] == ["tiers[1].criteria[0].value"]
    with pytest.raises(PolicyError) as info:
        _scheme(a, "B")  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["tiers[1]"]


def test_op_accepts_names_and_values() -> None:
    assert Criterion("n", "GE", 1) == Criterion("n", "ge", 1) == Criterion("n", Op.GE, 1)
    assert Criterion("n", Op.GE, 1).value == Decimal(1)
    assert (Op.GE.zh, Op.GE.en) == ("不低于", "at least")


# -- properties ---------------------------------------------------------------------------------


@given(scheme_and_facts())
def test_g7_classify_is_total_and_deterministic(
    case: tuple[TieredScheme, dict[str, object]],
) -> None:
    s, facts = case
    result = classify(s, facts)
    assert isinstance(result, Classification)
    assert result == classify(s, dict(facts))
    assert result.tier is None or result.tier in s.tiers
    assert not result.assigned


@given(scheme_and_facts())
def test_g7_reasons_cite_g7_and_name_the_tier(case: tuple[TieredScheme, dict[str, object]]) -> None:
    s, facts = case
    result = classify(s, facts)
    assert result.reasons
    assert all(isinstance(r, Reason) and r.rule == "G7" for r in result.reasons)
    head = result.reasons[0]
    assert head.fact("scheme") == s.name
    assert head.fact("tier") == result.code
    if result.tier is None:
        assert head.code == "G7.unclassified"
        # every tier that has criteria is ruled out by one failing criterion
        failed = [r.fact("tier") for r in result.reasons if r.code.startswith("G7.failed")]
        assert failed == [t.code for t in s.tiers if t.criteria]
    else:
        assert head.code == "G7.matched"
        held = result.reasons[1:]
        assert [r.fact("fact") for r in held] == [c.fact for c in result.tier.criteria]
        assert all(r.code.startswith("G7.held") for r in held)
        earlier = s.tiers[: s.tiers.index(result.tier)]
        checked = {c.tier for c in result.checks if not c.held}
        assert checked == {t.code for t in earlier if t.criteria}


@given(scheme_and_facts(), st.sampled_from(["zh", "en"]))
def test_g7_explain_leaves_no_placeholder(
    case: tuple[TieredScheme, dict[str, object]], lang: str
) -> None:
    result = classify(*case)
    text = explain(result, lang)  # type: ignore[arg-type]
    assert text.startswith("[G7] ")
    assert PLACEHOLDER.search(text) is None


@given(
    st.sampled_from(ALL_SCHEMES).flatmap(lambda s: st.tuples(st.just(s), st.sampled_from(s.tiers))),
    st.booleans(),
    st.sampled_from(["zh", "en"]),
)
def test_g7_assignment_reaches_any_tier(
    case: tuple[TieredScheme, Tier], by_name: bool, lang: str
) -> None:
    s, tier = case
    result = classify(s, assigned=tier.zh if by_name else tier.code)
    assert (result.tier, result.assigned) == (tier, True)
    assert [r.code for r in result.reasons] == ["G7.assigned"]
    assert result.reasons[0].fact("tier") == tier.code
    assert PLACEHOLDER.search(explain(result, lang)) is None  # type: ignore[arg-type]


_WRONG = {
    "number": st.one_of(
        st.floats(allow_nan=False),
        st.booleans(),
        st.sampled_from(["abc", "", "1.2.3", "万"]),
        st.none(),
    ),
    "text": st.one_of(st.integers(), st.booleans(), st.none(), st.just(Decimal(1))),
    "flag": st.one_of(st.integers(), st.sampled_from(["是", "yes", "True"]), st.none()),
}


@given(scheme_and_facts(), st.data())
def test_g7_a_wrong_type_names_the_fact(
    case: tuple[TieredScheme, dict[str, object]], data: st.DataObject
) -> None:
    s, facts = case
    kinds = _fact_kinds(s)
    if not kinds:
        return
    fact = data.draw(st.sampled_from(sorted(kinds)))
    facts[fact] = data.draw(_WRONG[kinds[fact]])
    with pytest.raises(InputError) as info:
        classify(s, facts)
    assert info.value.field == fact


@given(
    st.sampled_from(ALL_SCHEMES),
    st.dictionaries(
        st.sampled_from(
            [
                "amount",
                "overdue_days",
                "flagged",
                "region",
                "orders",
                "occupation",
                "relation",
                "has_business_dealings",
                "traded_before",
                "trading_now",
                "signed_contract",
                "has_business_relationship",
                "other",
            ]
        ),
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(), st.decimals()),
    ),
)
def test_g7_any_facts_give_a_result_or_an_input_error(
    s: TieredScheme, facts: dict[str, object]
) -> None:
    outcome: Classification | InputError
    try:
        outcome = classify(s, facts)
    except InputError as exc:
        outcome = exc
    if isinstance(outcome, InputError):
        assert outcome.field in _fact_kinds(s)
    else:
        assert isinstance(outcome, Classification)
