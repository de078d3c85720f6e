"""G7 — other classification schemes: the generic tiered classifier and its presets."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules._grading import schemes as g7
from customer_rules._grading.codes import GradingReason as R
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
from customer_rules.errors import CustomerRulesError, InputError, PolicyError, Problem
from customer_rules.labels import Label
from customer_rules.reasons import Reason, explain, find_reason, render_reason

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


def codes(result: Classification) -> list[str]:
    return [r.code for r in result.reasons]


def reason(result: Classification, code: R) -> Reason:
    found = find_reason(result, code)
    assert found is not None, (code, codes(result))
    return found


def rendered(result: Classification, code: R) -> tuple[str, str]:
    """The reason ``code`` of ``result`` rendered in zh and en."""
    found = reason(result, code)
    return render_reason(found, "zh"), render_reason(found, "en")


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
    assert codes(result) == [R.G7_MATCHED, R.G7_HELD]
    assert reason(result, R.G7_HELD).fact("given") == occupation
    assert occupation in explain(result, "zh")


def test_personal_target_matched_renders_the_tier_and_the_criterion() -> None:
    result = classify("personal_target", {"occupation": "私企业主"})
    title = (
        "个人目标客户构成细分:高/较高/中等消费层"
        "(002 §XX客户开发方案 五.2(2) 个人目标客户构成细分表)"
    )
    title_en = (
        "Personal target customers by occupation: high / upper-middle / middle spending"
        " (002 §XX客户开发方案 五.2(2) 个人目标客户构成细分表)"
    )
    assert explain(result, "zh").splitlines() == [
        f"[G7] {title}:归为「高消费层」(高)——个人目标客户构成细分表列为高消费层:"
        "政府行政机关·政府及行政机关官员、企事业单位·高层管理人员、私营企业·私企业主、"
        "个体工商户·商贸个体户",
        "[G7] occupation 为 私企业主,属于 政府及行政机关官员、高层管理人员、私企业主、商贸个体户",
    ]
    assert explain(result, "en").splitlines() == [
        f"[G7] {title_en}: high spending (高) — government officials, senior managers of"
        " enterprises and institutions, private-business owners, trading sole proprietors",
        "[G7] occupation is 私企业主, one of"
        " 政府及行政机关官员, 高层管理人员, 私企业主, 商贸个体户",
    ]
    head = reason(result, R.G7_MATCHED)
    assert head.fact("title") == Label(
        "个人目标客户构成细分:高/较高/中等消费层",
        "Personal target customers by occupation: high / upper-middle / middle spending",
    )
    assert head.fact("tier") == Label("高消费层", "high spending")
    assert head.fact("tier_code") == "高"


def test_personal_target_unknown_occupation_is_unclassified_with_reasons() -> None:
    result = classify("personal_target", {"occupation": "学生"})
    assert result.tier is None
    assert result.code is None
    assert codes(result) == [R.G7_UNCLASSIFIED, R.G7_FAILED, R.G7_FAILED, R.G7_FAILED]
    assert explain(result, "zh").splitlines() == [
        "[G7] 个人目标客户构成细分:高/较高/中等消费层"
        "(002 §XX客户开发方案 五.2(2) 个人目标客户构成细分表):没有适用的类别,未分类",
        "[G7] 「高消费层」(高)不适用:occupation 为 学生,"
        "不满足“属于 政府及行政机关官员、高层管理人员、私企业主、商贸个体户”",
        "[G7] 「较高消费层」(较高)不适用:occupation 为 学生,不满足“属于 政府及行政机关公务员"
        "(中等职位)、中层管理人员、中高管理人士、职业经理人、专业人士”",
        "[G7] 「中等消费层」(中等)不适用:occupation 为 学生,"
        "不满足“属于 普通公务员、普通管理人员、外企或大型企业员工、知识型自由职业者”",
    ]
    assert explain(result, "en").splitlines() == [
        "[G7] Personal target customers by occupation: high / upper-middle / middle spending"
        " (002 §XX客户开发方案 五.2(2) 个人目标客户构成细分表): no tier applies — unclassified",
        "[G7] high spending (高) does not apply: occupation is 学生, not one of"
        " 政府及行政机关官员, 高层管理人员, 私企业主, 商贸个体户",
        "[G7] upper-middle spending (较高) does not apply: occupation is 学生, not one of"
        " 政府及行政机关公务员(中等职位), 中层管理人员, 中高管理人士, 职业经理人, 专业人士",
        "[G7] middle spending (中等) does not apply: occupation is 学生, not one of"
        " 普通公务员, 普通管理人员, 外企或大型企业员工, 知识型自由职业者",
    ]


@pytest.mark.parametrize("assigned", ["C", "C类客户", " C "])
def test_assigned_tier_by_code_or_chinese_name(assigned: str) -> None:
    result = classify("influence_abc", assigned=assigned)
    assert result.code == "C"
    assert result.assigned
    assert codes(result) == [R.G7_ASSIGNED]
    assert rendered(result, R.G7_ASSIGNED) == (
        "[G7] 按重要性和价值分类:A/B/C类客户(001 §客户管理制度 第四–八条):"
        "经人工判定归为「C类客户」(C)——对企业影响较小、合作不够稳定的客户",
        "[G7] By importance and value: A / B / C (001 §客户管理制度 第四–八条): class C (C),"
        " assigned by a person — small influence, cooperation not stable enough",
    )
    assert "转变为B类" in SCHEMES["influence_abc"].notes


def test_assignment_overrides_the_facts() -> None:
    result = classify("construction_resources", {"signed_contract": True}, assigned="老客户")
    assert (result.code, result.assigned) == ("老", True)


def test_judgement_scheme_without_assignment_is_unclassified() -> None:
    result = classify("value_abcd")
    assert result.tier is None
    assert codes(result) == [R.G7_UNCLASSIFIED, R.G7_JUDGEMENT]
    judgement = reason(result, R.G7_JUDGEMENT)
    assert judgement.fact("codes") == ("A", "B", "C", "D")
    assert explain(result, "zh").splitlines() == [
        "[G7] 按特点和重要性分级:A/B/C/D类客户(003 §公司对客户管理制度 第九–十三条):"
        "没有适用的类别,未分类",
        "[G7] 须人工判定的类别:A类客户、B类客户、C类客户、D类客户(以 assigned= 指定)",
    ]
    assert explain(result, "en").splitlines() == [
        "[G7] By characteristics and importance: A / B / C / D (003 §公司对客户管理制度"
        " 第九–十三条): no tier applies — unclassified",
        "[G7] tiers decided by a person: class A (key), class B (potential), class C (ordinary),"
        " class D (low value) (pass assigned=)",
    ]


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
    assert codes(result) == [R.G7_MATCHED, R.G7_HELD_FLAG, R.G7_HELD_FLAG]
    assert explain(result, "en").splitlines() == [
        "[G7] Archive subjects by trade: past / current / future (000 §客户信息管理办法 第七条):"
        " past trading customer (过去) — traded before: keep the archive even when trade has"
        " stopped",
        "[G7] traded_before: yes",
        "[G7] trading_now: no",
    ]
    assert explain(result, "zh").splitlines() == [
        "[G7] 客户档案管理对象(交易过程):过去/正在/未来交易的客户(000 §客户信息管理办法 第七条):"
        "归为「曾经有过交易业务的客户」(过去)——对于曾经有过交易业务的客户,"
        "不能因为交易中断而放弃对其的档案管理",
        "[G7] traded_before:是",
        "[G7] trading_now:否",
    ]


def test_failed_flag_reason_renders() -> None:
    result = classify("construction_resources", {"signed_contract": False})
    assert result.code == "潜在"
    result = classify("customer_definition", {"relation": "供应商", "has_business_dealings": False})
    assert result.tier is None
    assert codes(result) == [R.G7_UNCLASSIFIED, R.G7_FAILED_FLAG, R.G7_FAILED]
    assert rendered(result, R.G7_FAILED_FLAG) == (
        "[G7] 「客户」(客户)不适用:has_business_dealings 为 否",
        "[G7] customer (客户) does not apply: has_business_dealings is no",
    )
    assert reason(result, R.G7_FAILED_FLAG).fact("tier") == Label("客户", "customer")


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


@pytest.mark.parametrize(
    ("op", "word", "amount", "held"),
    [
        pytest.param(Op.GE, "不低于", "100", True, id="不低于-at-the-number"),
        pytest.param(Op.GE, "不低于", "99.99", False, id="不低于-below"),
        pytest.param(Op.GT, "高于", "100", False, id="高于-at-the-number"),
        pytest.param(Op.GT, "高于", "100.01", True, id="高于-above"),
        pytest.param(Op.LE, "不高于", "100", True, id="不高于-at-the-number"),
        pytest.param(Op.LE, "不高于", "100.01", False, id="不高于-above"),
        pytest.param(Op.LT, "低于", "100", False, id="低于-at-the-number"),
        pytest.param(Op.LT, "低于", "99.99", True, id="低于-below"),
    ],
)
def test_seed_words_of_the_comparisons(op: Op, word: str, amount: str, held: bool) -> None:
    """G7 criteria read the seeds' words as the catalogue does: 以上/以下/不低于/不高于 include
    the number, 超过/高于/低于/不足 exclude it — at the number itself and a cent beyond."""
    assert op.zh == word
    one = TieredScheme(
        "test_words",
        "测试",
        "Test",
        "test",
        "金额",
        "amount",
        (Tier("X", "X类", "class X", "", "", (Criterion("amount", op, 100),)),),
    )
    result = classify(one, {"amount": amount})
    assert (result.code == "X") is held
    assert [check.held for check in result.checks] == [held]


def test_numeric_reasons_render_the_bound() -> None:
    result = classify(NUMERIC, {"amount": "799999.99", "overdue_days": 30})
    assert codes(result) == [R.G7_MATCHED, R.G7_HELD, R.G7_HELD]
    assert explain(result, "zh").splitlines() == [
        "[G7] 测试:按金额(test):归为「B类」(B)——≥ 40万且逾期不超过30天",
        "[G7] amount 为 799,999.99,不低于 400,000",
        "[G7] overdue_days 为 30,不高于 30",
    ]
    assert explain(result, "en").splitlines() == [
        "[G7] Test: by amount (test): class B (B) — at least 400,000 and at most 30 days overdue",
        "[G7] amount is 799,999.99, at least 400,000",
        "[G7] overdue_days is 30, at most 30",
    ]


def test_numeric_failed_reasons_render_the_bound_and_an_empty_meaning() -> None:
    result = classify(NUMERIC, {"amount": "12万", "overdue_days": 31})
    assert result.code == "C"
    assert codes(result) == [R.G7_MATCHED, R.G7_HELD, R.G7_HELD]
    assert rendered(result, R.G7_MATCHED) == (
        "[G7] 测试:按金额(test):归为「C类」(C)———",
        "[G7] Test: by amount (test): class C (C) — —",
    )
    failed = [(c.tier, c.criterion.fact) for c in result.checks if not c.held]
    assert failed == [("A", "amount"), ("B", "amount")]
    unclassified = classify(
        NUMERIC, {"amount": 0, "overdue_days": 90, "flagged": False, "region": "华北", "orders": 1}
    )
    assert unclassified.tier is None
    assert rendered(unclassified, R.G7_FAILED) == (
        "[G7] 「A类」(A)不适用:amount 为 0,不满足“不低于 800,000”",
        "[G7] class A (A) does not apply: amount is 0, not at least 800,000",
    )


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


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: Criterion("x", Op.IN, frozenset({"a", 1})), "value"),
        (lambda: Criterion("x", Op.IN, ["a", None]), "value"),
        (lambda: Criterion("x", Op.IN, ("a", "")), "value"),
        (lambda: Criterion("x", Op.EQ, ["a"]), "value"),
        (lambda: Criterion("x", Op.GE, Decimal("NaN")), "value"),
        (lambda: Criterion("x", Op.GE, [1]), "value"),
        (lambda: Criterion("x", [1]), "op"),  # type: ignore[arg-type]
        (lambda: Criterion(None, Op.TRUE), "fact"),  # type: ignore[arg-type]
        (lambda: Tier("A", "甲", "a", "", "", None), "criteria"),  # type: ignore[arg-type]
        (lambda: Tier("A", None, "a", "", ""), "zh"),  # type: ignore[arg-type]
        (lambda: Tier("A", "甲", "a", None, ""), "meaning_zh"),  # type: ignore[arg-type]
        (
            lambda: TieredScheme("x", "甲", "a", "s", "d", "d", None),  # type: ignore[arg-type]
            "tiers",
        ),
        (
            lambda: TieredScheme(
                "x", "甲", "a", "s", "d", "d", (Tier("A", "甲", "a", "", ""),), None
            ),  # type: ignore[arg-type]
            "notes",
        ),
    ],
)
def test_malformed_presets_are_policy_errors_never_raw(
    build: Callable[[], object], path: str
) -> None:
    with pytest.raises(PolicyError) as info:
        build()
    assert [p.path for p in info.value.problems] == [path]


def test_frozenset_of_texts_is_sorted_into_a_tuple() -> None:
    assert Criterion("x", Op.IN, frozenset({"乙", "甲"})).value == ("乙", "甲")
    # ten texts: a set's own iteration order is all but never the sorted one
    stems = frozenset("甲乙丙丁戊己庚辛壬癸")
    assert Criterion("x", Op.IN, stems).value == (
        "丁",
        "丙",
        "乙",
        "壬",
        "己",
        "庚",
        "戊",
        "甲",
        "癸",
        "辛",
    )


def test_scheme_and_tier_labels() -> None:
    s = SCHEMES["influence_abc"]
    assert s.title == Label("按重要性和价值分类:A/B/C类客户", "By importance and value: A / B / C")
    assert s.dimension == Label(
        "重要性和价值(影响力、合作稳定性)",
        "importance and value (influence, stability of cooperation)",
    )
    a = s.tiers[0]
    assert a.label == Label("A类客户", "class A")
    assert a.meaning == Label(
        "对企业影响较大、合作务实、资源丰富的客户",
        "large influence on the company, practical cooperation, rich resources",
    )
    assert Tier("X", "甲", "x", " ", "").meaning == Label("—", "—")


# code -> (a classification that gives it, its zh line, its en line)
EVERY_CODE: dict[R, tuple[Callable[[], Classification], str, str]] = {
    R.G7_MATCHED: (
        lambda: classify("potential_existing", {"has_business_relationship": False}),
        "[G7] 市场部客户资源分类:潜在/现有客户(001 §市场部客户资源管理制度 一):归为「潜在客户」"
        "(潜在)——指尚未建立业务关系的潜在合作方,包括线上线下获取的各类潜在客户",
        "[G7] Marketing-department customer resources: potential / existing (001"
        " §市场部客户资源管理制度 一): potential customer (潜在) — a prospective partner with no"
        " business relationship yet",
    ),
    R.G7_ASSIGNED: (
        lambda: classify("relationship_card", assigned="重要"),
        "[G7] 客户关系卡区别化管理:重要/一般客户(002 §客户关系维护方案 二.2):经人工判定归为"
        "「重要客户」(重要)——原文未释义:主要根据客户的重要程度划分为重要客户和一般客户",
        "[G7] Relationship cards: important / general (002 §客户关系维护方案 二.2): important"
        " customer (重要), assigned by a person — not defined; split by importance",
    ),
    R.G7_HELD: (
        lambda: classify(NUMERIC, {"amount": "80万"}),
        "[G7] amount 为 800,000,不低于 800,000",
        "[G7] amount is 800,000, at least 800,000",
    ),
    R.G7_HELD_FLAG: (
        lambda: classify(NUMERIC, {"amount": 0, "overdue_days": 0, "flagged": True}),
        "[G7] flagged:是",
        "[G7] flagged: yes",
    ),
    R.G7_UNCLASSIFIED: (
        lambda: classify("archive_by_nature"),
        "[G7] 客户档案管理对象(客户性质)(000 §客户信息管理办法 第八条):没有适用的类别,未分类",
        "[G7] Archive subjects by nature (000 §客户信息管理办法 第八条): no tier applies —"
        " unclassified",
    ),
    R.G7_FAILED: (
        lambda: classify(
            NUMERIC,
            {"amount": 1, "overdue_days": 90, "flagged": False, "region": "华北", "orders": 0},
        ),
        "[G7] 「A类」(A)不适用:amount 为 1,不满足“不低于 800,000”",
        "[G7] class A (A) does not apply: amount is 1, not at least 800,000",
    ),
    R.G7_FAILED_FLAG: (
        lambda: classify(
            NUMERIC,
            {"amount": 0, "overdue_days": 0, "flagged": False, "region": "华北", "orders": 0},
        ),
        "[G7] 「关注」(F)不适用:flagged 为 否",
        "[G7] flagged (F) does not apply: flagged is no",
    ),
    R.G7_JUDGEMENT: (
        lambda: classify("enterprise_target"),
        "[G7] 须人工判定的类别:核心客户、重要客户、一般客户(以 assigned= 指定)",
        "[G7] tiers decided by a person: core customer, important customer, general customer"
        " (pass assigned=)",
    ),
}


def test_g7_every_code_has_a_rendering_test() -> None:
    assert set(EVERY_CODE) == {code for code in R if code.startswith("G7.")}


@pytest.mark.parametrize("code", list(EVERY_CODE))
def test_g7_every_code_renders_in_both_languages(code: R) -> None:
    build, zh, en = EVERY_CODE[code]
    result = build()
    assert rendered(result, code) == (zh, en)
    found = reason(result, code)
    assert found.rule == "G7"
    assert Reason.from_data(found.to_data()) == found


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
    head = reason(result, R.G7_UNCLASSIFIED if result.tier is None else R.G7_MATCHED)
    assert head.fact("scheme") == s.name
    assert head.fact("title") == s.title
    assert head.fact("tier_code") == result.code
    if result.tier is None:
        # every tier that has criteria is ruled out by one failing criterion
        failed = [
            r.fact("tier_code") for r in result.reasons if r.code in (R.G7_FAILED, R.G7_FAILED_FLAG)
        ]
        assert failed == [t.code for t in s.tiers if t.criteria]
        judged = [t for t in s.tiers if not t.criteria]
        assert codes(result) == [
            R.G7_UNCLASSIFIED,
            *(R.G7_FAILED_FLAG if _kind(c) == "flag" else R.G7_FAILED for c in _failed(result)),
            *([R.G7_JUDGEMENT] if judged else []),
        ]
    else:
        assert head.fact("tier") == result.tier.label
        held = [r for r in result.reasons if r.code in (R.G7_HELD, R.G7_HELD_FLAG)]
        assert codes(result) == [R.G7_MATCHED, *(r.code for r in held)]
        assert [r.fact("fact") for r in held] == [c.fact for c in result.tier.criteria]
        assert all(r.fact("tier_code") == result.code for r in held)
        earlier = s.tiers[: s.tiers.index(result.tier)]
        checked = {c.tier for c in result.checks if not c.held}
        assert checked == {t.code for t in earlier if t.criteria}


def _failed(result: Classification) -> list[Criterion]:
    return [c.criterion for c in result.checks if not c.held]


@given(scheme_and_facts(), st.sampled_from(["zh", "en"]))
def test_g7_explain_is_one_line_per_reason_naming_the_scheme(
    case: tuple[TieredScheme, dict[str, object]], lang: str
) -> None:
    s, _ = case
    result = classify(*case)
    lines = [render_reason(r, lang) for r in result.reasons]  # type: ignore[arg-type]
    assert explain(result, lang) == "\n".join(lines)  # type: ignore[arg-type]
    assert all(line.startswith("[G7] ") for line in lines)
    t = result.tier
    if t is None:
        head = {
            "zh": f"[G7] {s.title_zh}({s.source}):没有适用的类别,未分类",
            "en": f"[G7] {s.title_en} ({s.source}): no tier applies — unclassified",
        }
    else:
        head = {
            "zh": f"[G7] {s.title_zh}({s.source}):归为「{t.zh}」({t.code})——{t.meaning_zh or '—'}",
            "en": f"[G7] {s.title_en} ({s.source}): {t.en} ({t.code}) — {t.meaning_en or '—'}",
        }
    code = R.G7_UNCLASSIFIED if t is None else R.G7_MATCHED
    assert render_reason(reason(result, code), lang) == head[lang]  # type: ignore[arg-type]
    for r in result.reasons:
        assert Reason.from_data(r.to_data()) == r


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
    assert codes(result) == [R.G7_ASSIGNED]
    head = reason(result, R.G7_ASSIGNED)
    assert head.fact("tier_code") == tier.code
    assert head.fact("tier") == Label(tier.zh, tier.en)
    assert head.fact("meaning") == tier.meaning
    zh, en = rendered(result, R.G7_ASSIGNED)
    assert zh == (
        f"[G7] {s.title_zh}({s.source}):经人工判定归为「{tier.zh}」({tier.code})——"
        f"{tier.meaning_zh or '—'}"
    )
    assert en == (
        f"[G7] {s.title_en} ({s.source}): {tier.en} ({tier.code}), assigned by a person —"
        f" {tier.meaning_en or '—'}"
    )


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


# -- fuzz: malformed arguments are refused with the library's errors ----------------------------

ANY = st.one_of(
    st.none(),
    st.integers(),
    st.text(),
    st.decimals(allow_nan=True),
    st.floats(),
    st.dates(),
    st.booleans(),
    st.lists(st.integers()),
)

_A = Tier("A", "甲", "a", "", "", (Criterion("n", Op.GE, 1),))
_VALID: dict[str, tuple[Callable[..., object], dict[str, object]]] = {
    "classify": (classify, {"scheme": NUMERIC, "facts": {"amount": 1}, "assigned": None}),
    "scheme": (scheme, {"name": "influence_abc"}),
    "Criterion": (Criterion, {"fact": "n", "op": Op.IN, "value": ("a",)}),
    "Tier": (
        Tier,
        {"code": "A", "zh": "甲", "en": "a", "meaning_zh": "", "meaning_en": "", "criteria": ()},
    ),
    "TieredScheme": (
        TieredScheme,
        {
            "name": "custom",
            "title_zh": "自定义",
            "title_en": "custom",
            "source": "test",
            "dimension_zh": "维度",
            "dimension_en": "dimension",
            "tiers": (_A,),
            "notes": "",
        },
    ),
}


@pytest.mark.parametrize(
    ("name", "argument"), [(n, a) for n, (_, valid) in _VALID.items() for a in valid]
)
@given(value=ANY)
def test_g7_public_callables_raise_only_library_errors(
    name: str, argument: str, value: object
) -> None:
    function, valid = _VALID[name]
    try:
        result = function(**{**valid, argument: value})
    except CustomerRulesError:
        return
    if isinstance(result, Classification):
        for lang in ("zh", "en"):
            explain(result, lang)  # type: ignore[arg-type]


@given(st.dictionaries(st.sampled_from(["amount", "overdue_days", "flagged", "region"]), ANY))
def test_g7_malformed_facts_are_input_errors_naming_the_fact(facts: dict[str, Any]) -> None:
    outcome: Classification | InputError
    try:
        outcome = classify(NUMERIC, facts)
    except InputError as exc:
        outcome = exc
    if isinstance(outcome, InputError):
        assert outcome.field in ("amount", "overdue_days", "flagged", "region")
        assert [p.path for p in outcome.problems] == [outcome.field]


# -- criteria, problems and errors, field by field ----------------------------------------------

_AMOUNT_FORMS = "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'"


def test_g7_criterion_values_are_converted_by_comparison() -> None:
    """G7 criteria: a number compared (GE…, and EQ with a number) is a Decimal and may be
    negative (a discount, a shortfall); EQ keeps a text or a yes/no as given; IN keeps the
    seed's order of a tuple or list (only a frozenset, which has none, is sorted); TRUE is
    True."""
    assert Criterion("x", Op.GE, -5).value == Decimal(-5)
    assert Criterion("x", Op.LT, "-1.5万").value == Decimal(-15_000)
    assert Criterion("x", Op.EQ, 5).value == Decimal(5)
    assert Criterion("x", Op.EQ, False).value is False
    assert Criterion("x", Op.EQ, True).value is True
    assert Criterion("x", Op.EQ, "华东").value == "华东"
    assert Criterion("x", Op.IN, ("乙", "甲")).value == ("乙", "甲")
    assert Criterion("x", Op.IN, ["乙", "甲"]).value == ("乙", "甲")
    assert Criterion("x", Op.TRUE).value is True
    assert Criterion("x", Op.TRUE, True).value is True


def _problems_of(build: Callable[[], object]) -> tuple[Problem, ...]:
    with pytest.raises(PolicyError) as info:
        build()
    return info.value.problems


_A = Tier("A", "甲", "a", "", "", (Criterion("n", Op.GE, 1),))


@pytest.mark.parametrize(
    ("build", "problems"),
    [
        (
            lambda: Criterion("x", "between"),
            [Problem.mismatch("op", "between", "an Op (GE, GT, LE, LT, EQ, IN, TRUE)")],
        ),
        (lambda: Criterion("x", Op.GE, "高"), [Problem.mismatch("value", "高", _AMOUNT_FORMS)]),
        (
            lambda: Criterion("x", Op.EQ, ["a"]),
            [
                Problem.mismatch(
                    "value", ["a"], "a number (Decimal or int), a text or True/False for EQ"
                )
            ],
        ),
        (
            lambda: Criterion("x", Op.IN, ()),
            [Problem.mismatch("value", (), "a non-empty tuple of non-empty texts for IN")],
        ),
        (
            lambda: Criterion("x", Op.IN, 5),
            [Problem.mismatch("value", 5, "a non-empty tuple of non-empty texts for IN")],
        ),
        (
            lambda: Criterion("x", Op.TRUE, 1),
            [Problem.mismatch("value", 1, "True (the default) for TRUE")],
        ),
        (
            lambda: Criterion("1x", Op.TRUE),
            [Problem.mismatch("fact", "1x", "a fact name such as 'occupation'")],
        ),
        (
            lambda: Tier("", "甲", "a", "", ""),
            [Problem.mismatch("code", "", "a non-empty text")],
        ),
        (
            lambda: Tier("A", "甲", "a", "", "", ("x",)),
            [Problem.mismatch("criteria[0]", "x", "a Criterion")],
        ),
        (
            lambda: Tier("A", "甲", "a", "", "", "x"),
            [Problem.mismatch("criteria", "x", "a tuple of Criterion")],
        ),
        (
            lambda: TieredScheme("x", "甲", "a", "s", "d", "d", None),  # type: ignore[arg-type]
            [Problem.mismatch("tiers", None, "a tuple of Tier")],
        ),
        (
            lambda: _scheme(name="Not Snake"),
            [
                Problem.mismatch("name", "Not Snake", "a snake_case key such as 'by_value'"),
                Problem("tiers", "expected at least one tier, got none"),
            ],
        ),
        (
            lambda: TieredScheme("x", " ", "a", "s", "d", "d", (_A,)),
            [Problem.mismatch("title_zh", " ", "a non-empty text")],
        ),
        (
            lambda: _scheme("junk", _A, attrs.evolve(_A, en="a2")),  # type: ignore[arg-type]
            [
                Problem.mismatch("tiers[0]", "junk", "a Tier"),
                Problem(
                    "tiers[2].code",
                    "expected a code or name no other tier uses, got 'A' (already used by"
                    " tiers[1])",
                ),
                Problem(
                    "tiers[2].zh",
                    "expected a code or name no other tier uses, got '甲' (already used by"
                    " tiers[1])",
                ),
            ],
        ),
        (
            lambda: _scheme(_A, Tier("B", "乙", "b", "", "", (Criterion("n", Op.EQ, "x"),))),
            [
                Problem(
                    "tiers[1].criteria[0].value",
                    "expected 'n' compared as number as in tiers[0].criteria[0], got a text"
                    " comparison",
                )
            ],
        ),
    ],
)
def test_g7_policy_problems_keep_path_given_and_expected(
    build: Callable[[], object], problems: list[Problem]
) -> None:
    assert list(_problems_of(build)) == problems


@pytest.mark.parametrize(
    ("call", "field", "given", "expected"),
    [
        (
            lambda: scheme("nope"),
            "name",
            "nope",
            f"one of the G7 schemes: {', '.join(G7_ROW)}",
        ),
        (lambda: classify(3), "scheme", 3, "a TieredScheme or the name of a G7 preset"),  # type: ignore[arg-type]
        (
            lambda: classify("personal_target", [("occupation", "x")]),  # type: ignore[arg-type]
            "facts",
            [("occupation", "x")],
            "a mapping of fact names to values, or None",
        ),
        (
            lambda: classify("influence_abc", assigned="E"),
            "assigned",
            "E",
            "a tier of 'influence_abc': A (A类客户), B (B类客户), C (C类客户)",
        ),
        (
            lambda: classify("personal_target", {}),
            "occupation",
            None,
            "a value (a text (str)): the fact is missing and tier '高' of scheme"
            " 'personal_target' needs it",
        ),
        (
            lambda: classify("personal_target", {"occupation": 3}),
            "occupation",
            3,
            "a text (str)",
        ),
        (
            lambda: classify("archive_by_trade", {"traded_before": 1, "trading_now": False}),
            "traded_before",
            1,
            "True or False",
        ),
        (lambda: classify(NUMERIC, {"amount": "很多"}), "amount", "很多", _AMOUNT_FORMS),
    ],
)
def test_g7_input_errors_keep_field_given_and_expected(
    call: Callable[[], object], field: str, given: object, expected: str
) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert (info.value.field, info.value.given, info.value.expected) == (field, given, expected)


def test_g7_a_judgement_tier_is_skipped_not_the_end_of_the_tiers() -> None:
    """G7 classify: a tier without criteria (a person's judgement) is passed over by the
    facts; the tiers after it are still tried."""
    s = _scheme(
        Tier("J", "判定", "judged", "人工判定", "by judgement"),
        Tier("A", "甲", "a", "", "", (Criterion("x", Op.TRUE),)),
    )
    result = classify(s, {"x": True})
    assert (result.code, result.assigned) == ("A", False)
    assert [c.tier for c in result.checks] == ["A"]


def test_g7_a_fact_only_an_unreached_criterion_reads_may_be_missing() -> None:
    """G7 classify: a fact is needed only when a criterion reads it; facts after a missing one
    are still read (tier T1 fails on x before it reads y; T2 decides on z)."""
    s = _scheme(
        Tier("T1", "一", "one", "", "", (Criterion("x", Op.TRUE), Criterion("y", Op.GE, 5))),
        Tier("T2", "二", "two", "", "", (Criterion("z", Op.TRUE),)),
    )
    result = classify(s, {"x": False, "z": True})
    assert result.code == "T2"
    assert [(c.tier, c.criterion.fact, c.held) for c in result.checks] == [
        ("T1", "x", False),
        ("T2", "z", True),
    ]


def test_g7_personal_target_tiers_are_the_seed_table_rows() -> None:
    """002 §XX客户开发方案 五.2(2) 个人目标客户构成细分表: each 消费层 tier lists the table's
    细分属性 of that level, in the table's order, and says which rows they are."""
    tiers = SCHEMES["personal_target"].tiers
    assert [(t.code, t.zh) for t in tiers] == [
        ("高", "高消费层"),
        ("较高", "较高消费层"),
        ("中等", "中等消费层"),
    ]
    assert tiers[0].criteria == (
        Criterion(
            "occupation", Op.IN, ("政府及行政机关官员", "高层管理人员", "私企业主", "商贸个体户")
        ),
    )
    assert tiers[0].meaning_zh == (
        "个人目标客户构成细分表列为高消费层:政府行政机关·政府及行政机关官员、企事业单位·高层管理人员、"
        "私营企业·私企业主、个体工商户·商贸个体户"
    )
    assert tiers[2].criteria[0].value == (
        "普通公务员",
        "普通管理人员",
        "外企或大型企业员工",
        "知识型自由职业者",
    )
    # the presets are built when the module is imported; building them again gives the same
    for tier in tiers:
        assert g7._consumption_tier(tier.code, tier.en, tier.meaning_en) == tier


def test_g7_the_preset_index_is_read_only_and_refuses_a_repeated_name() -> None:
    rebuilt = g7._index(g7._PRESETS)
    assert dict(rebuilt) == dict(SCHEMES)
    assert tuple(rebuilt) == G7_ROW
    with pytest.raises(TypeError):
        rebuilt["x"] = SCHEMES["influence_abc"]  # type: ignore[index]
    twice = (SCHEMES["influence_abc"], SCHEMES["influence_abc"])
    assert list(_problems_of(lambda: g7._index(twice))) == [
        Problem("name", "expected a unique preset name, got 'influence_abc'")
    ]


def test_g7_stored_comparison_values_are_pinned() -> None:
    """A scheme written to a file names each comparison by its value."""
    assert [m.value for m in Op] == ["ge", "gt", "le", "lt", "eq", "in", "true"]
