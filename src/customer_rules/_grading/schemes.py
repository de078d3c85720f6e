"""G7 — other classification schemes: one generic tiered classifier and the seeds' schemes.

The regulations classify customers in many more ways than the G1–G6 grades: by value, by
influence, by time, by trade, by nature, by sector, by occupation. G7 models each of them as a
:class:`TieredScheme` — a closed set of :class:`Tier` s, each with the seed's meaning and optional
:class:`Criterion` s — and decides with one function, :func:`classify`. Every scheme the
catalogue's G7 row lists is a named preset in :data:`SCHEMES`.

Where a seed gives a measurable criterion (a yes/no, an occupation from a table) the preset encodes
it, so :func:`classify` works from facts; where it is a judgement (影响较大, 合作稳定, 贡献较大) or
the seed leaves the number blank, the tier has no criteria and is reached only by a person's
assignment (``assigned=``). Nothing is invented: each preset's ``notes`` say what the seed leaves
open.
"""

from __future__ import annotations

import enum
import operator
import re
import types
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from customer_rules._grading.codes import GradingReason
from customer_rules.errors import InputError, PolicyError, Problem
from customer_rules.labels import Label, LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason

__all__ = [
    "SCHEMES",
    "Classification",
    "Criterion",
    "CriterionCheck",
    "Op",
    "Tier",
    "TieredScheme",
    "classify",
    "scheme",
]

_CriterionValue = Decimal | str | bool | tuple[str, ...]
"""The value a :class:`Criterion` compares with, after conversion."""

_FactValue = Decimal | str | bool
"""A fact's value as a criterion reads it."""


class Op(LabelledEnum):
    """How a :class:`Criterion` compares a fact with its value (G7)."""

    GE = "ge"
    """Number at least the value (不低于, 及以上: the seed's words that include the number)."""
    GT = "gt"
    """Number more than the value (高于, 超过: the words that exclude it)."""
    LE = "le"
    """Number at most the value (不高于, 及以下: include it)."""
    LT = "lt"
    """Number less than the value (低于, 不足: exclude it)."""
    EQ = "eq"
    """Equal to the value: a number, a text or a yes/no (等于)."""
    IN = "in"
    """Text that is one of the values (属于)."""
    TRUE = "true"
    """A yes/no fact that is yes (是)."""


set_labels(
    {
        Op.GE: ("不低于", "at least"),
        Op.GT: ("高于", "more than"),
        Op.LE: ("不高于", "at most"),
        Op.LT: ("低于", "less than"),
        Op.EQ: ("等于", "equal to"),
        Op.IN: ("属于", "one of"),
        Op.TRUE: ("为", "is"),
    }
)


class _Kind(enum.Enum):
    """What type a fact must have for the criteria that read it."""

    NUMBER = "a number: a Decimal, an int or a string such as '800000' or '80万'"
    TEXT = "a text (str)"
    FLAG = "True or False"


_NUMERIC_OPS = frozenset({Op.GE, Op.GT, Op.LE, Op.LT})
_FACT_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SCHEME_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _to_op(value: object) -> Op:
    """An :class:`Op`, its name or its value (each value is its name in lower case)."""
    if isinstance(value, Op):
        return value
    if isinstance(value, str) and value.upper() in Op.__members__:
        return Op[value.upper()]
    names = ", ".join(op.name for op in Op)
    raise PolicyError([Problem.mismatch("op", value, f"an Op ({names})")])


def _criterion_value(value: object, self_: Any) -> _CriterionValue:
    op = self_.op
    if op in _NUMERIC_OPS or (
        op is Op.EQ and not isinstance(value, bool) and isinstance(value, int | Decimal)
    ):
        try:  # the problem is reported as "value" below, whatever parse_amount names
            return parse_amount(value, nonnegative=False)
        except InputError as exc:
            raise PolicyError([Problem.mismatch("value", value, exc.expected)]) from None
    if op is Op.EQ and isinstance(value, str | bool):
        return value
    if (
        op is Op.IN
        and isinstance(value, tuple | list | frozenset)
        and value
        and all(isinstance(item, str) and item for item in value)
    ):
        return tuple(sorted(value) if isinstance(value, frozenset) else value)
    if op is Op.TRUE and value is True:
        return True
    expected = {
        Op.EQ: "a number (Decimal or int), a text or True/False",
        Op.IN: "a non-empty tuple of non-empty texts",
        Op.TRUE: "True (the default)",
    }[op]
    raise PolicyError([Problem.mismatch("value", value, f"{expected} for {op.name}")])


def _check_fact_name(instance: object, attribute: object, value: str) -> None:
    if not isinstance(value, str) or not _FACT_NAME.match(value):
        raise PolicyError([Problem.mismatch("fact", value, "a fact name such as 'occupation'")])


@attrs.frozen
class Criterion:
    """A simple G7 comparison on one named fact: ``facts[fact] <op> value``.

    Attributes:
        fact: the name of the fact in the ``facts`` mapping given to :func:`classify`.
        op: the comparison: an :class:`Op`, or its name or value (``"GE"``, ``"ge"``).
        value: what the fact is compared with. ``GE``/``GT``/``LE``/``LT``: a number (``Decimal``,
            ``int`` or ``"80万"``; stored as ``Decimal``). ``EQ``: a number, a text or a bool.
            ``IN``: a non-empty tuple of texts. ``TRUE``: ``True`` (the default).

    Raises:
        PolicyError: naming ``fact``, ``op`` or ``value``, for a bad name, an unknown comparison, a
            float or a value that does not fit the comparison.
    """

    fact: str = attrs.field(validator=_check_fact_name)
    op: Op = attrs.field(converter=_to_op)
    value: _CriterionValue = attrs.field(
        default=True,
        converter=attrs.Converter(_criterion_value, takes_self=True),  # type: ignore[misc]
    )


_COMPARE = {Op.GE: operator.ge, Op.GT: operator.gt, Op.LE: operator.le, Op.LT: operator.lt}


def _holds(criterion: Criterion, given: _FactValue) -> bool:
    """Whether ``criterion`` holds for ``given``, already converted to the criterion's type."""
    value = criterion.value
    if criterion.op is Op.TRUE:
        return given is True
    if criterion.op is Op.IN:
        return isinstance(value, tuple) and given in value
    if criterion.op is Op.EQ:
        return type(given) is type(value) and given == value
    # GE/GT/LE/LT: both sides are Decimals (the criterion converts its value, classify the fact).
    return (
        isinstance(given, Decimal)
        and isinstance(value, Decimal)
        and _COMPARE[criterion.op](given, value)
    )


def _kind(criterion: Criterion) -> _Kind:
    if criterion.op is Op.TRUE or isinstance(criterion.value, bool):
        return _Kind.FLAG
    if isinstance(criterion.value, Decimal):
        return _Kind.NUMBER
    return _Kind.TEXT


def _as_tuple(value: object, path: str, kind: str) -> tuple[Any, ...]:
    if isinstance(value, tuple | list):
        return tuple(value)
    raise PolicyError([Problem.mismatch(path, value, f"a tuple of {kind}")])


def _to_criteria(value: object) -> tuple[Criterion, ...]:
    """Converter of ``Tier.criteria`` (each item is checked by the tier)."""
    return _as_tuple(value, "criteria", "Criterion")


def _to_tiers(value: object) -> tuple[Tier, ...]:
    """Converter of ``TieredScheme.tiers`` (each item is checked by the scheme)."""
    return _as_tuple(value, "tiers", "Tier")


def _check_text(problems: list[Problem], name: str, value: object, required: bool = False) -> None:
    """A problem for ``name`` unless ``value`` is a text, and not blank when ``required``."""
    if not isinstance(value, str) or (required and not value.strip()):
        problems.append(Problem.mismatch(name, value, "a non-empty text"))


@attrs.frozen
class Tier:
    """One tier (类别/等级) of a G7 scheme.

    Attributes:
        code: the short key, e.g. ``"A"`` or ``"重点"``; what ``assigned=`` names.
        zh: the seed's Chinese name, e.g. ``"重点客户"`` (``assigned=`` accepts it too).
        en: an English name.
        meaning_zh: the seed's meaning, quoted; ``"原文未释义…"`` where the seed gives none.
        meaning_en: a short English gloss of the meaning.
        criteria: all must hold for a customer to fall in this tier by its facts; empty for a
            judgement, reachable only by assignment.

    Raises:
        PolicyError: naming the field, for an empty code or name or a criterion of another type.
    """

    code: str
    zh: str
    en: str
    meaning_zh: str
    meaning_en: str
    criteria: tuple[Criterion, ...] = attrs.field(default=(), converter=_to_criteria)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name in ("code", "zh", "en"):
            _check_text(problems, name, getattr(self, name), required=True)
        for name in ("meaning_zh", "meaning_en"):
            _check_text(problems, name, getattr(self, name))
        for i, criterion in enumerate(self.criteria):
            if not isinstance(criterion, Criterion):
                problems.append(Problem.mismatch(f"criteria[{i}]", criterion, "a Criterion"))
        if problems:
            raise PolicyError(problems)

    @property
    def label(self) -> Label:
        """The tier's name in both languages: ``Label(zh, en)``."""
        return _tier_label(self)

    @property
    def meaning(self) -> Label:
        """The tier's meaning in both languages, ``"—"`` for a language left blank."""
        return _tier_meaning(self)


# The bodies of the properties of Tier, TieredScheme and Classification: plain functions, so
# that mutation testing reaches them (mutmut leaves decorated functions alone).


def _tier_label(tier: Tier) -> Label:
    return Label(tier.zh, tier.en)


def _tier_meaning(tier: Tier) -> Label:
    return Label(
        tier.meaning_zh if tier.meaning_zh.strip() else "—",
        tier.meaning_en if tier.meaning_en.strip() else "—",
    )


@attrs.frozen
class TieredScheme:
    """A G7 classification scheme: a closed, ordered set of tiers.

    Attributes:
        name: a stable snake_case key, e.g. ``"personal_target"``.
        title_zh: a Chinese title.
        title_en: an English title.
        source: the seed file and article, e.g. ``"001 §简单的客户管理制度 第一.1"``.
        dimension_zh: what it classifies by, in Chinese (e.g. ``"客户价值"``).
        dimension_en: the same in English.
        tiers: the tiers in the seed's order (ranked schemes list the best first); the first tier
            whose criteria all hold wins.
        notes: what the seed says beside the tiers (what to do with each, what it leaves open).

    Raises:
        PolicyError: listing every problem with its path: a name that is not snake_case, no tiers,
            repeated tier codes or names, a fact compared as two different types.
    """

    name: str
    title_zh: str
    title_en: str
    source: str
    dimension_zh: str
    dimension_en: str
    tiers: tuple[Tier, ...] = attrs.field(converter=_to_tiers)
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not isinstance(self.name, str) or not _SCHEME_NAME.match(self.name):
            problems.append(
                Problem.mismatch("name", self.name, "a snake_case key such as 'by_value'")
            )
        for field in ("title_zh", "title_en", "source", "dimension_zh", "dimension_en"):
            _check_text(problems, field, getattr(self, field), required=True)
        _check_text(problems, "notes", self.notes)
        if not self.tiers:
            problems.append(Problem("tiers", "expected at least one tier, got none"))
        keys: dict[str, int] = {}
        kinds: dict[str, tuple[_Kind, str]] = {}
        for i, tier in enumerate(self.tiers):
            if not isinstance(tier, Tier):
                problems.append(Problem.mismatch(f"tiers[{i}]", tier, "a Tier"))
                continue
            for field, key in (("code", tier.code), ("zh", tier.zh)):
                first = keys.setdefault(key, i)
                if first != i:
                    problems.append(
                        Problem(
                            f"tiers[{i}].{field}",
                            f"expected a code or name no other tier uses, got {key!r}"
                            f" (already used by tiers[{first}])",
                        )
                    )
            for j, criterion in enumerate(tier.criteria):
                path = f"tiers[{i}].criteria[{j}]"
                kind = _kind(criterion)
                seen = kinds.setdefault(criterion.fact, (kind, path))
                if seen[0] is not kind:
                    problems.append(
                        Problem(
                            f"{path}.value",
                            f"expected {criterion.fact!r} compared as {seen[0].name.lower()}"
                            f" as in {seen[1]}, got a {kind.name.lower()} comparison",
                        )
                    )
        if problems:
            raise PolicyError(problems)

    @property
    def title(self) -> Label:
        """The scheme's title in both languages: ``Label(title_zh, title_en)``."""
        return _scheme_title(self)

    @property
    def dimension(self) -> Label:
        """What the scheme classifies by, in both languages."""
        return _scheme_dimension(self)

    @property
    def codes(self) -> tuple[str, ...]:
        """The tier codes, in order."""
        return _scheme_codes(self)

    @property
    def facts(self) -> tuple[str, ...]:
        """The fact names the criteria read, in first-use order (empty for judgement schemes)."""
        return tuple(_fact_kinds(self))


def _scheme_title(s: TieredScheme) -> Label:
    return Label(s.title_zh, s.title_en)


def _scheme_dimension(s: TieredScheme) -> Label:
    return Label(s.dimension_zh, s.dimension_en)


def _scheme_codes(s: TieredScheme) -> tuple[str, ...]:
    return tuple(tier.code for tier in s.tiers)


def _fact_kinds(s: TieredScheme) -> dict[str, _Kind]:
    kinds: dict[str, _Kind] = {}
    for tier in s.tiers:
        for criterion in tier.criteria:
            kinds.setdefault(criterion.fact, _kind(criterion))
    return kinds


@attrs.frozen
class CriterionCheck:
    """One criterion evaluated by :func:`classify` (G7).

    Attributes:
        tier: the code of the tier the criterion belongs to.
        criterion: the criterion.
        given: the fact's value, converted (numbers as ``Decimal``).
        held: whether the criterion held.
    """

    tier: str
    criterion: Criterion
    given: _FactValue
    held: bool


@attrs.frozen
class Classification:
    """The G7 class of one customer under one scheme.

    Attributes:
        scheme: the scheme used.
        tier: the tier chosen; ``None`` when no tier applies and none was assigned (unclassified).
        assigned: whether the tier is a person's assignment rather than the criteria's outcome.
        checks: the criteria evaluated, in order: for each tier tried, its criteria up to the
            first that failed; empty for an assignment.
    """

    scheme: TieredScheme
    tier: Tier | None
    assigned: bool = False
    checks: tuple[CriterionCheck, ...] = ()

    @property
    def code(self) -> str | None:
        """The code of the tier chosen, ``None`` if unclassified."""
        return _classification_code(self)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """G7 reasons: the scheme and tier with its meaning, then the criteria that decided.

        For a tier reached by its facts, ``G7.matched`` and every criterion that held with the
        fact's value (``G7.held``/``G7.held.flag``); for an assignment, ``G7.assigned``; for an
        unclassified customer, ``G7.unclassified``, why each tier did not apply
        (``G7.failed``/``G7.failed.flag``) and which tiers need a person's judgement
        (``G7.judgement``). Names are :class:`~customer_rules.labels.Label` facts; the first
        reason also carries the ``scheme``'s name and the tier's ``tier_code`` (``None`` when
        unclassified), and each criterion's reason the ``tier_code`` of its tier.
        """
        return _classification_reasons(self)


def _classification_code(result: Classification) -> str | None:
    return None if result.tier is None else result.tier.code


def _classification_reasons(result: Classification) -> tuple[Reason, ...]:
    s = result.scheme
    if result.tier is None:
        reasons = [
            Reason.of(
                "G7",
                GradingReason.G7_UNCLASSIFIED,
                scheme=s.name,
                title=s.title,
                source=s.source,
                tier_code=None,
            ),
            *(_check_reason(c, s) for c in result.checks if not c.held),
        ]
        judged = tuple(t for t in s.tiers if not t.criteria)
        if judged:
            reasons.append(
                Reason.of(
                    "G7",
                    GradingReason.G7_JUDGEMENT,
                    codes=tuple(t.code for t in judged),
                    tiers=tuple(t.label for t in judged),
                )
            )
        return tuple(reasons)
    t = result.tier
    head = Reason.of(
        "G7",
        GradingReason.G7_ASSIGNED if result.assigned else GradingReason.G7_MATCHED,
        scheme=s.name,
        title=s.title,
        source=s.source,
        tier=t.label,
        tier_code=t.code,
        meaning=t.meaning,
    )
    if result.assigned:
        return (head,)
    return (head, *(_check_reason(c, s) for c in result.checks if c.tier == t.code))


_CHECK_CODES = {
    (True, False): GradingReason.G7_HELD,
    (True, True): GradingReason.G7_HELD_FLAG,
    (False, False): GradingReason.G7_FAILED,
    (False, True): GradingReason.G7_FAILED_FLAG,
}
"""The reason code of a criterion checked: by (held, compared as a yes/no)."""


def _check_reason(check: CriterionCheck, s: TieredScheme) -> Reason:
    c = check.criterion
    tier = next(t for t in s.tiers if t.code == check.tier)
    return Reason.of(
        "G7",
        _CHECK_CODES[check.held, _kind(c) is _Kind.FLAG],
        tier=tier.label,
        tier_code=tier.code,
        fact=c.fact,
        given=check.given,
        op=c.op,
        value=c.value,
    )


def scheme(name: str) -> TieredScheme:
    """The G7 preset called ``name``.

    Args:
        name: a key of :data:`SCHEMES`, e.g. ``"personal_target"``.

    Returns:
        The preset.

    Raises:
        InputError: naming ``name`` and listing the valid names, for an unknown name.
    """
    if isinstance(name, str) and name in SCHEMES:
        return SCHEMES[name]
    raise InputError("name", name, f"one of the G7 schemes: {', '.join(SCHEMES)}")


def classify(
    scheme: TieredScheme | str,
    facts: Mapping[str, object] | None = None,
    *,
    assigned: str | None = None,
) -> Classification:
    """G7: classify a customer under a tiered scheme, by its facts or by a person's assignment.

    Tiers are tried in order; the first whose criteria all hold wins (within a tier, criteria are
    read in order and the first that fails rules the tier out). A tier without criteria is a
    judgement and only ``assigned=`` reaches it. With ``assigned=`` the facts are not consulted:
    the person's judgement decides, and the reasons say so. If no tier applies and none is
    assigned, the result is unclassified (``tier is None``) with the reasons why — a business
    answer, not an exception.

    Args:
        scheme: a :class:`TieredScheme` or the name of a preset in :data:`SCHEMES`.
        facts: the customer's facts by name; only those the criteria read are used. Numbers as
            ``Decimal``, ``int`` or strings such as ``"80万"``; texts as ``str``; yes/no as
            ``bool``.
        assigned: a tier chosen by a person: its code (``"A"``) or its Chinese name.

    Returns:
        The tier chosen (or ``None``), whether it was assigned, and the criteria checked.

    Raises:
        InputError: naming ``assigned`` and listing the codes, for an unknown tier; naming the
            fact, for a fact the criteria need that is missing or of the wrong type (a float, a
            text where a number is compared, a number where a yes/no is); naming ``facts`` if it
            is not a mapping; naming ``name`` for an unknown preset.

    Example:
        >>> classify("personal_target", {"occupation": "私企业主"}).tier.zh
        '高消费层'
        >>> classify("archive_by_trade", {"traded_before": True, "trading_now": False}).code
        '过去'
        >>> result = classify("influence_abc", assigned="B类客户")
        >>> result.code, result.assigned
        ('B', True)
        >>> classify("influence_abc").tier is None
        True
    """
    s = _scheme_or_name(scheme)
    if assigned is not None:
        return Classification(s, _find_tier(s, assigned), assigned=True)
    if facts is None:
        facts = {}
    if not isinstance(facts, Mapping):
        raise InputError("facts", facts, "a mapping of fact names to values, or None")
    values = _read_facts(s, facts)
    checks: list[CriterionCheck] = []
    for tier in s.tiers:
        if not tier.criteria:
            continue
        for criterion in tier.criteria:
            given = values.get(criterion.fact)
            if given is None:
                raise InputError(
                    criterion.fact,
                    None,
                    f"a value ({_fact_kinds(s)[criterion.fact].value}): the fact is missing and"
                    f" tier {tier.code!r} of scheme {s.name!r} needs it",
                )
            held = _holds(criterion, given)
            checks.append(CriterionCheck(tier.code, criterion, given, held))
            if not held:
                break
        else:
            return Classification(s, tier, checks=tuple(checks))
    return Classification(s, None, checks=tuple(checks))


def _scheme_or_name(value: object) -> TieredScheme:
    if isinstance(value, TieredScheme):
        return value
    if isinstance(value, str):
        return scheme(value)
    raise InputError("scheme", value, "a TieredScheme or the name of a G7 preset")


def _find_tier(s: TieredScheme, assigned: object) -> Tier:
    if isinstance(assigned, str):
        key = assigned.strip()
        for tier in s.tiers:
            if key in (tier.code, tier.zh):
                return tier
    listed = ", ".join(f"{t.code} ({t.zh})" for t in s.tiers)
    raise InputError("assigned", assigned, f"a tier of {s.name!r}: {listed}")


def _read_facts(s: TieredScheme, facts: Mapping[str, object]) -> dict[str, _FactValue]:
    """Every fact the scheme reads that is present, converted; wrong types raise at once."""
    values: dict[str, _FactValue] = {}
    for name, kind in _fact_kinds(s).items():
        if name not in facts:
            continue
        raw = facts[name]
        if kind is _Kind.NUMBER:
            values[name] = parse_amount(raw, name, nonnegative=False)
        elif (kind is _Kind.TEXT and isinstance(raw, str)) or (
            kind is _Kind.FLAG and isinstance(raw, bool)
        ):
            values[name] = raw
        else:
            raise InputError(name, raw, kind.value)
    return values


# ---------------------------------------------------------------------------------------------
# The presets: every scheme of the catalogue's G7 row, in the order of the row.
#
# TieredScheme(name, title_zh, title_en, source, dimension_zh, dimension_en, tiers, notes);
# Tier(code, zh, en, meaning_zh, meaning_en, criteria). meaning_zh quotes the seed; where the
# seed names a tier without defining it, it starts with "原文未释义". Tiers without criteria are
# judgements, reached by classify(..., assigned=code).
# ---------------------------------------------------------------------------------------------

_NO_RELATIONSHIP = Criterion("has_business_relationship", Op.EQ, False)
_RELATIONSHIP = Criterion("has_business_relationship", Op.TRUE)
_NO_CONTRACT = Criterion("signed_contract", Op.EQ, False)
_CONTRACT = Criterion("signed_contract", Op.TRUE)
_TRADED_BEFORE = Criterion("traded_before", Op.TRUE)
_NEVER_TRADED = Criterion("traded_before", Op.EQ, False)
_TRADING_NOW = Criterion("trading_now", Op.TRUE)
_NOT_TRADING_NOW = Criterion("trading_now", Op.EQ, False)

_CUSTOMER_RELATIONS = ("供应商", "经销商")
_SPECIAL_RELATIONS = ("律师", "财务顾问", "广告", "公关", "银行", "保险", "融资协助机构")

# fmt: off
# 002 §XX客户开发方案 五.2(2) 个人目标客户构成细分表, row by row (its 年收入水平 column is empty).
_PERSONAL_TARGETS: tuple[tuple[str, str, str], ...] = (
    # 客户具体属性             细分属性                           消费层类别
    ("政府行政机关",          "政府及行政机关官员",              "高"),
    ("政府行政机关",          "政府及行政机关公务员(中等职位)", "较高"),
    ("政府行政机关",          "普通公务员",                      "中等"),
    ("企事业单位",            "高层管理人员",                    "高"),
    ("企事业单位",            "中层管理人员",                    "较高"),
    ("企事业单位",            "普通管理人员",                    "中等"),
    ("私营企业",              "私企业主",                        "高"),
    ("外资企业",              "中高管理人士",                    "较高"),
    ("个体工商户",            "商贸个体户",                      "高"),
    ("城市新兴白领中产阶层",  "职业经理人",                      "较高"),
    ("城市新兴白领中产阶层",  "外企或大型企业员工",              "中等"),
    ("城市新兴白领中产阶层",  "专业人士",                        "较高"),
    ("城市新兴白领中产阶层",  "知识型自由职业者",                "中等"),
)
# fmt: on


def _consumption_tier(level: str, en: str, meaning_en: str) -> Tier:
    """A tier of the personal target table: the occupations the table puts on ``level``."""
    rows = [(group, job) for group, job, lv in _PERSONAL_TARGETS if lv == level]
    listed = "、".join(f"{group}·{job}" for group, job in rows)
    return Tier(
        level,
        f"{level}消费层",
        en,
        f"个人目标客户构成细分表列为{level}消费层:{listed}",
        meaning_en,
        (Criterion("occupation", Op.IN, tuple(job for _, job in rows)),),
    )


# fmt: off
_PRESETS: tuple[TieredScheme, ...] = (
    TieredScheme(
        "value_strategic",
        "按客户价值分类:战略/重要/一般/潜在客户",
        "By customer value: strategic / important / general / potential",
        "001 §简单的客户管理制度 第一.1",
        "客户价值(贡献度和潜在价值)",
        "customer value (contribution and potential value)",
        (
            Tier("战略", "战略客户", "strategic customer",
                 "原文未逐级释义:根据客户的贡献度和潜在价值进行分类,"
                 "重点关注战略客户和重要客户",
                 "not defined one by one; a focus customer, by contribution and potential"),
            Tier("重要", "重要客户", "important customer",
                 "原文未逐级释义:根据客户的贡献度和潜在价值进行分类,"
                 "重点关注战略客户和重要客户",
                 "not defined one by one; a focus customer, by contribution and potential"),
            Tier("一般", "一般客户", "general customer",
                 "原文未逐级释义:根据客户的贡献度和潜在价值进行分类",
                 "not defined one by one; by contribution and potential value"),
            Tier("潜在", "潜在客户", "potential customer",
                 "原文未逐级释义:根据客户的贡献度和潜在价值进行分类",
                 "not defined one by one; by contribution and potential value"),
        ),
        "重点关注战略客户和重要客户,提升他们的满意度和忠诚度 (focus on strategic and "
        "important customers, raise their satisfaction and loyalty). The seed gives no "
        "measurable line between the tiers: every tier is assigned.",
    ),
    TieredScheme(
        "influence_abc",
        "按重要性和价值分类:A/B/C类客户",
        "By importance and value: A / B / C",
        "001 §客户管理制度 第四–八条",
        "重要性和价值(影响力、合作稳定性)",
        "importance and value (influence, stability of cooperation)",
        (
            Tier("A", "A类客户", "class A",
                 "对企业影响较大、合作务实、资源丰富的客户",
                 "large influence on the company, practical cooperation, rich resources"),
            Tier("B", "B类客户", "class B",
                 "对企业有潜在机会、合作稳定的客户",
                 "offers potential opportunities, stable cooperation"),
            Tier("C", "C类客户", "class C",
                 "对企业影响较小、合作不够稳定的客户",
                 "small influence, cooperation not stable enough"),
        ),
        "第五条: deepen cooperation with A, individual marketing strategy. 第六条: keep good "
        "relations with B and deepen cooperation. 第七条: give C basic products and services "
        "and turn C customers into B (将C类客户转变为B类客户). 第八条: key customers (重点客户) "
        "get a dedicated account manager (专门的客户经理); the seed does not say whether "
        "重点客户 means A. Influence and stability are judgements: every tier is assigned.",
    ),
    TieredScheme(
        "key_ordinary_potential",
        "客户关系管理分类:重点/普通/潜在客户",
        "Relationship management: key / ordinary / potential",
        "001 §客户管理制度(实用文档) 三.1",
        "客户的价值、需求和潜在需求",
        "value, needs and latent needs",
        (
            Tier("重点", "重点客户", "key customer",
                 "原文未释义:根据客户的价值、需求和潜在需求,将客户分为重点客户、普通客户和潜在客户",
                 "not defined; by value, needs and latent needs"),
            Tier("普通", "普通客户", "ordinary customer",
                 "原文未释义:根据客户的价值、需求和潜在需求,将客户分为重点客户、普通客户和潜在客户",
                 "not defined; by value, needs and latent needs"),
            Tier("潜在", "潜在客户", "potential customer",
                 "原文未释义:根据客户的价值、需求和潜在需求,将客户分为重点客户、普通客户和潜在客户",
                 "not defined; by value, needs and latent needs"),
        ),
        "The seed names the three classes without defining them: every tier is assigned.",
    ),
    TieredScheme(
        "potential_existing",
        "市场部客户资源分类:潜在/现有客户",
        "Marketing-department customer resources: potential / existing",
        "001 §市场部客户资源管理制度 一",
        "是否已建立业务合作关系",
        "whether a business relationship exists",
        (
            Tier("潜在", "潜在客户", "potential customer",
                 "指尚未建立业务关系的潜在合作方,包括线上线下获取的各类潜在客户",
                 "a prospective partner with no business relationship yet",
                 (_NO_RELATIONSHIP,)),
            Tier("现有", "现有客户", "existing customer",
                 "指已与公司建立业务合作关系的客户,"
                 "包括自然增长客户、新开发客户和其他业务推进中的客户",
                 "has a business relationship: naturally grown, newly developed, "
                 "or other business in progress",
                 (_RELATIONSHIP,)),
        ),
        "Fact: has_business_relationship (bool). 现有 has three kinds — 自然增长客户 "
        "(naturally grown), 新开发客户 (newly developed), 其他业务推进中的客户 (other business "
        "in progress) — which the seed lists inside the tier without saying how to tell them "
        "apart; they are kept in the meaning, not as tiers.",
    ),
    TieredScheme(
        "construction_resources",
        "建筑公司客户资源分类:潜在/现有/老/特殊客户",
        "Construction company customer resources: potential / existing / long-standing / special",
        "001 §建筑公司客户资源管理制度 第四条",
        "合同关系、合作时间、满意度与特殊性",
        "contract, length of cooperation, satisfaction, special needs or value",
        (
            Tier("潜在", "潜在客户", "potential customer",
                 "指对公司产品或服务感兴趣,但尚未正式成为公司客户的个人或单位",
                 "interested in the products or services but not yet a formal customer",
                 (_NO_CONTRACT,)),
            Tier("现有", "现有客户", "existing customer",
                 "指已与我公司签订合同,成为公司正式客户的个人或单位",
                 "has signed a contract and become a formal customer",
                 (_CONTRACT,)),
            Tier("老", "老客户", "long-standing customer",
                 "指与我公司合作时间较长,对公司产品或服务满意度较高的客户",
                 "long cooperation with the company and high satisfaction"),
            Tier("特殊", "特殊客户", "special customer",
                 "指对公司有特殊需求或具有特殊价值的客户",
                 "has special needs or special value to the company"),
        ),
        "Fact: signed_contract (bool) decides 潜在 and 现有; 感兴趣 (interested) is taken as "
        "given for anyone in the customer resources. The classes overlap: a 老 or 特殊 "
        "customer also has a contract, so those two are assigned; the seed gives no length "
        "for 合作时间较长 and no level for 满意度较高.",
    ),
    TieredScheme(
        "customer_definition",
        "客户界定:客户/特殊的一类客户",
        "Who counts as a customer: customer / special class",
        "001 §客户资源管理制度 二",
        "与公司的关系",
        "relation to the company",
        (
            Tier("客户", "客户", "customer",
                 "公司客户为与公司有业务往来的供应商和经销商",
                 "suppliers and distributors doing business with the company",
                 (Criterion("relation", Op.IN, _CUSTOMER_RELATIONS),
                  Criterion("has_business_dealings", Op.TRUE))),
            Tier("特殊", "特殊的一类客户", "special class of customer",
                 "公司有关的律师、财务顾问、广告、公关、银行、保险、融资协助机构,"
                 "可列为特殊的一类客户",
                 "the company's lawyers, financial advisers, advertising, PR, banks, insurers "
                 "and financing agencies may be listed as a special class",
                 (Criterion("relation", Op.IN, _SPECIAL_RELATIONS),)),
        ),
        "Facts: relation (text: 供应商, 经销商, 律师, 财务顾问, 广告, 公关, 银行, 保险, "
        "融资协助机构) and has_business_dealings (bool, read for suppliers and distributors "
        "only). Anyone else is not a customer under this definition: the result is "
        "unclassified. The seed says the special class 可列为 (may be listed): a company that "
        "does not use it drops the tier.",
    ),
    TieredScheme(
        "value_abcd",
        "按特点和重要性分级:A/B/C/D类客户",
        "By characteristics and importance: A / B / C / D",
        "003 §公司对客户管理制度 第九–十三条",
        "客户的特点和重要性(价值)",
        "characteristics and importance (value)",
        (
            Tier("A", "A类客户", "class A (key)",
                 "A类客户是公司的重点客户,拥有较高的商业价值和合作潜力,"
                 "公司要加强对A类客户的关注和服务",
                 "key customer: high commercial value and cooperation potential; "
                 "more attention and service"),
            Tier("B", "B类客户", "class B (potential)",
                 "B类客户是公司的潜力客户,具有一定的发展空间,"
                 "公司要积极开发B类客户,提高其忠诚度",
                 "potential customer with room to grow; develop actively, raise loyalty"),
            Tier("C", "C类客户", "class C (ordinary)",
                 "C类客户是公司的普通客户,公司要维护C类客户的正常合作关系,提高其满意度",
                 "ordinary customer; maintain normal cooperation, raise satisfaction"),
            Tier("D", "D类客户", "class D (low value)",
                 "D类客户是公司的低价值客户,公司要适当管理D类客户,避免资源浪费",
                 "low-value customer; manage appropriately, avoid wasting resources"),
        ),
        "The seed gives no amounts or other measures: every tier is assigned.",
    ),
    TieredScheme(
        "importance_core",
        "按重要性和需求特点分类:重要/核心/一般/潜在客户",
        "By importance and needs: important / core / general / potential",
        "003 §公司客户管理制度 第六–十条",
        "客户的重要性和需求特点",
        "importance and needs",
        (
            Tier("重要", "重要客户", "important customer",
                 "重要客户是公司业务的主要支撑和收入来源,需给予重点关注和维护,"
                 "建立长期稳定的合作关系",
                 "the main support and source of income; focus, long-term stable cooperation"),
            Tier("核心", "核心客户", "core customer",
                 "核心客户是公司重要的潜在合作伙伴,有较大的合作潜力和发展空间,"
                 "需加强沟通和合作,共同开拓市场",
                 "an important prospective partner with large potential; closer "
                 "communication, develop the market together"),
            Tier("一般", "一般客户", "general customer",
                 "一般客户是公司业务的普通客户,对公司业务贡献一定的收入和价值,"
                 "需根据客户需求给予适当服务和支持",
                 "ordinary customer contributing some income and value; service as needed"),
            Tier("潜在", "潜在客户", "potential customer",
                 "潜在客户是公司未来业务的发展潜力客户,需要通过有效的营销和推广活动,"
                 "提高客户的了解和认可度,转化为实际合作客户",
                 "future potential; convert to an actual customer through marketing"),
        ),
        "Kept in the seed's order: 重要 before 核心, and 核心 is defined as a prospective "
        "partner (潜在合作伙伴), not as the top tier. No measurable criteria: every tier is "
        "assigned.",
    ),
    TieredScheme(
        "big_customer_service_abc",
        "大客户分类:A类重点/B类重要/C类普通服务对象",
        "Big customers by service priority: A key / B important / C ordinary",
        "003 §公司大客户管理制度 第八–十二条",
        "服务重要程度(需求和贡献度)",
        "service priority (needs and contribution)",
        (
            Tier("A", "A类客户(重点服务对象)", "class A (key service object)",
                 "A类客户是公司的重点服务对象,通常是公司的重要合作伙伴和资源提供者,"
                 "公司应当加大对A类客户的服务力度,确保其利益最大化",
                 "usually an important partner and resource provider; more service"),
            Tier("B", "B类客户(重要服务对象)", "class B (important service object)",
                 "B类客户是公司的重要服务对象,通常是公司的潜在合作伙伴和资源需求者,"
                 "公司应当与B类客户建立稳定的合作关系,共同推动业务发展",
                 "usually a prospective partner needing resources; stable cooperation"),
            Tier("C", "C类客户(普通服务对象)", "class C (ordinary service object)",
                 "C类客户是公司的普通服务对象,通常是公司的小型客户和零散客户,"
                 "公司应当尽力为C类客户提供优质的服务,提升客户满意度",
                 "usually small and occasional customers; good service"),
        ),
        "第十二条: classify big customers periodically and adjust by needs and contribution "
        "(根据客户的需求和贡献度进行分类调整). No measurable criteria: every tier is assigned.",
    ),
    TieredScheme(
        "big_customer_scale_abc",
        "大客户按业务规模分类:A类核心/B类重点/C类潜力大客户",
        "Big customers by business scale: A core / B key / C potential",
        "003 §公司大客户管理制度 (2nd) 第四条.1",
        "业务规模",
        "business scale",
        (
            Tier("A", "A类客户(核心大客户)", "class A (core big customer)",
                 "A类客户为公司核心大客户", "core big customer"),
            Tier("B", "B类客户(重点大客户)", "class B (key big customer)",
                 "B 类客户为公司重点大客户", "key big customer"),
            Tier("C", "C类客户(潜力大客户)", "class C (potential big customer)",
                 "C类客户为公司潜力大客户", "potential big customer"),
        ),
        "第三条: a big customer has a major influence on the business and brings marked "
        "economic benefit. 第五条 identifies big customers by, among others, "
        "年销售额或采购额超过公司年销售额一定比例 — the proportion is left blank, so it is not "
        "encoded; nor are scale bands for A/B/C given: every tier is assigned. The same "
        "article's sector scheme is the preset big_customer_sector.",
    ),
    TieredScheme(
        "big_customer_sector",
        "大客户按行业领域分类:政府机构/大型企业/中小企业",
        "Big customers by sector: government / large enterprise / SME",
        "003 §公司大客户管理制度 (2nd) 第四条.2",
        "行业领域",
        "sector",
        (
            Tier("政府机构", "政府机构", "government body",
                 "原文未释义:按行业领域分类:分为政府机构、大型企业、中小企业等",
                 "not defined; a sector"),
            Tier("大型企业", "大型企业", "large enterprise",
                 "原文未释义:按行业领域分类:分为政府机构、大型企业、中小企业等",
                 "not defined; a sector"),
            Tier("中小企业", "中小企业", "small or medium enterprise",
                 "原文未释义:按行业领域分类:分为政府机构、大型企业、中小企业等",
                 "not defined; a sector"),
        ),
        "The seed's list ends with 等 (and so on): it is open, and other sectors stay "
        "unclassified unless a company adds tiers. No size line between 大型 and 中小 is "
        "given: every tier is assigned.",
    ),
    TieredScheme(
        "big_customer_value_2024",
        "大客户按价值和潜力分级:核心/战略/重要/潜在大客户",
        "Big customers by value and potential: core / strategic / important / potential",
        "003 §2024年集团大客户管理制度 一.1",
        "客户价值和潜力",
        "value and potential",
        (
            Tier("核心", "核心大客户", "core big customer",
                 "对企业业绩具有重要影响,市场份额较大",
                 "major influence on results, larger market share"),
            Tier("战略", "战略大客户", "strategic big customer",
                 "与企业有深度合作关系,具有战略合作意义",
                 "deep cooperation with strategic significance"),
            Tier("重要", "重要大客户", "important big customer",
                 "对企业业绩有一定影响,市场份额较小",
                 "some influence on results, smaller market share"),
            Tier("潜在", "潜在大客户", "potential big customer",
                 "有较大的发展潜力,但尚未与企业建立合作关系",
                 "large development potential, no cooperation with the company yet"),
        ),
        "一.2 screens big customers by 销售额在一定规模以上 — the scale is left open, so it is "
        "not encoded. 潜在 needs no cooperation yet, but that alone does not make a "
        "潜在大客户 (the potential is a judgement): every tier is assigned.",
    ),
    TieredScheme(
        "group_big_customer_abc",
        "集团大客户分级:A类优质/B类中等/C类普通客户",
        "Group big customers: A high-quality / B medium / C ordinary",
        "003 §集团公司大客户管理制度 (2nd) 第二章.1",
        "业务规模、稳定性及潜在价值",
        "business scale, stability and potential value",
        (
            Tier("A", "A类客户(优质客户)", "class A (high-quality)",
                 "A类客户是公司的优质客户,拥有大额业务量,对公司贡献较大",
                 "large business volume, large contribution"),
            Tier("B", "B类客户(中等客户)", "class B (medium)",
                 "B类客户是中等客户,对公司的贡献一般",
                 "average contribution"),
            Tier("C", "C类客户(普通客户)", "class C (ordinary)",
                 "C类客户是普通客户,对公司贡献较小",
                 "small contribution"),
        ),
        "第二章.2: sub-segment each class by industry, region and potential. 第五章: "
        "incentives and preferential policies for 优质客户. 大额业务量 is not quantified: "
        "every tier is assigned.",
    ),
    TieredScheme(
        "key_general_potential",
        "客户分类:重点/一般/潜在客户",
        "Customer classes: key / general / potential",
        "003 §客户制度管理办法 第六条",
        "行业性质、资本实力、合作历史、发展潜力",
        "industry, capital strength, cooperation history, development potential",
        (
            Tier("重点", "重点客户", "key customer",
                 "原文未释义(第六条只释义一般客户和潜在客户);"
                 "客户维护包括加强与重点客户的沟通和交流",
                 "not defined (the article explains only general and potential); "
                 "closer communication"),
            Tier("一般", "一般客户", "general customer",
                 "一般客户指在公司市场范围内的客户,公司应当进行日常管理和服务",
                 "a customer within the company's market; routine management and service"),
            Tier("潜在", "潜在客户", "potential customer",
                 "潜在客户指具有潜在合作价值的客户,公司应当进行市场开拓和挖掘,"
                 "提供适当的服务和支持",
                 "potential cooperation value; develop, with suitable service and support"),
        ),
        "第四条 classifies by industry, capital strength, cooperation history and potential; "
        "第五条 adjusts the classes to risk tolerance and the market. The seed defines 一般 "
        "and 潜在 but not 重点. No measurable criteria: every tier is assigned.",
    ),
    TieredScheme(
        "contribution_abcd",
        "按贡献和合作基础分级:A/B/C/D级客户",
        "By contribution and cooperation base: A / B / C / D",
        "003 §公司客户管理制度范文 第四条",
        "贡献与合作基础(客户需求、购买力、合作关系)",
        "contribution and cooperation base (needs, purchasing power, relationship)",
        (
            Tier("A", "A级客户", "grade A",
                 "对公司有重大贡献,长期稳定的客户",
                 "major contribution, long-term and stable"),
            Tier("B", "B级客户", "grade B",
                 "对公司有一定贡献,有一定合作基础的客户",
                 "some contribution, some cooperation base"),
            Tier("C", "C级客户", "grade C",
                 "对公司贡献较小,合作基础一般的客户",
                 "small contribution, average cooperation base"),
            Tier("D", "D级客户", "grade D",
                 "对公司贡献较小,合作基础较弱的客户",
                 "small contribution, weak cooperation base"),
        ),
        "第五条: manage each grade with matching attention and service. C and D differ only "
        "by the cooperation base (一般 vs 较弱). No amounts: every tier is assigned.",
    ),
    TieredScheme(
        "relationship_card",
        "客户关系卡区别化管理:重要/一般客户",
        "Relationship cards: important / general",
        "002 §客户关系维护方案 二.2",
        "客户的重要程度",
        "importance",
        (
            Tier("重要", "重要客户", "important customer",
                 "原文未释义:主要根据客户的重要程度划分为重要客户和一般客户",
                 "not defined; split by importance"),
            Tier("一般", "一般客户", "general customer",
                 "原文未释义:主要根据客户的重要程度划分为重要客户和一般客户",
                 "not defined; split by importance"),
        ),
        "The seed is cut off after 对于重点 …: how each class's card is handled is lost. "
        "Importance is a judgement: every tier is assigned.",
    ),
    TieredScheme(
        "archive_by_volume",
        "客户档案管理对象:主力/一般/零散客户",
        "Archive subjects by volume and market position: main / general / occasional",
        "000 §客户信息管理办法 第九条",
        "交易数量和市场地位",
        "trade volume and market position",
        (
            Tier("主力", "主力客户", "main customer",
                 "原文未释义:根据交易数量和市场地位划分;"
                 "客户档案管理的重点应当放在主力客户",
                 "not defined; the focus of archive management"),
            Tier("一般", "一般客户", "general customer",
                 "原文未释义:根据交易数量和市场地位划分",
                 "not defined; by trade volume and market position"),
            Tier("零散", "零散客户", "occasional customer",
                 "原文未释义:根据交易数量和市场地位划分",
                 "not defined; by trade volume and market position"),
        ),
        "客户档案管理的重点应当放在主力客户 (archive management focuses on main customers). "
        "The seed gives no volumes: every tier is assigned.",
    ),
    TieredScheme(
        "archive_by_time",
        "客户档案管理对象(时间序列):老/新/未来客户",
        "Archive subjects by time: old / new / future",
        "000 §客户信息管理办法 第六条",
        "时间序列",
        "time",
        (
            Tier("老", "老客户", "old customer",
                 "原文未释义:根据时间序列划分;应当以老客户和新客户为重点管理对象",
                 "not defined; a focus of archive management"),
            Tier("新", "新客户", "new customer",
                 "原文未释义:根据时间序列划分;应当以老客户和新客户为重点管理对象",
                 "not defined; a focus of archive management"),
            Tier("未来", "未来客户", "future customer",
                 "原文未释义:根据时间序列划分",
                 "not defined; by time"),
        ),
        "其中应当以老客户和新客户为重点管理对象 (old and new customers are the focus); "
        "第十九条: watch future and potential customers. The seed gives no cut-off between "
        "old and new: every tier is assigned.",
    ),
    TieredScheme(
        "archive_by_trade",
        "客户档案管理对象(交易过程):过去/正在/未来交易的客户",
        "Archive subjects by trade: past / current / future",
        "000 §客户信息管理办法 第七条",
        "交易过程",
        "trading",
        (
            Tier("过去", "曾经有过交易业务的客户", "past trading customer",
                 "对于曾经有过交易业务的客户,不能因为交易中断而放弃对其的档案管理",
                 "traded before: keep the archive even when trade has stopped",
                 (_TRADED_BEFORE, _NOT_TRADING_NOW)),
            Tier("正在", "正在进行交易的客户", "current trading customer",
                 "对于正在进行交易的客户,应当逐步充实和完善其档案内容",
                 "trading now: build up and complete the archive",
                 (_TRADING_NOW,)),
            Tier("未来", "未来进行交易的客户", "future trading customer",
                 "对于未来进行交易的客户,档案管理的重点是全面搜集和整理客户资料,"
                 "为将来展开交易业务准备资料",
                 "to trade in future: collect and organise information to prepare for trade",
                 (_NEVER_TRADED, _NOT_TRADING_NOW)),
        ),
        "Facts: traded_before and trading_now (bool). 正在 is any customer trading now; 过去 "
        "has traded but is not trading now; 未来 has never traded. The seed does not say "
        "where a past customer expected to trade again belongs; read here as 过去, whose "
        "archive must be kept.",
    ),
    TieredScheme(
        "archive_by_nature",
        "客户档案管理对象(客户性质)",
        "Archive subjects by nature",
        "000 §客户信息管理办法 第八条",
        "客户性质",
        "nature of the customer",
        (
            Tier("政府", "政府机构(政府采购)", "government body (government procurement)",
                 "原文未释义:根据客户性质划分", "not defined; by nature"),
            Tier("特殊业务", "与公司有特殊业务的公司", "company with special business",
                 "原文未释义:根据客户性质划分", "not defined; by nature"),
            Tier("普通", "普通公司", "ordinary company",
                 "原文未释义:根据客户性质划分", "not defined; by nature"),
            Tier("顾客", "顾客", "consumer",
                 "原文未释义:根据客户性质划分", "not defined; by nature"),
            Tier("合作伙伴", "合作伙伴", "partner",
                 "原文未释义:根据客户性质划分", "not defined; by nature"),
        ),
        "The list ends with 等 (and so on). 公司应当根据客户的性质、需求特点、需求方式和"
        "需求量等不同,实施不同特点的客户档案管理 (archive each kind in its own way). The "
        "nature is a judgement: every tier is assigned.",
    ),
    TieredScheme(
        "enterprise_target",
        "企业目标客户分类:核心/重要/一般客户",
        "Enterprise target customers: core / important / general",
        "002 §XX客户开发方案 五.2(1)",
        "企业目标客户的重要性",
        "importance of an enterprise target",
        (
            Tier("核心", "核心客户", "core customer",
                 "原文未释义:企业客户分为核心客户、重要客户和一般客户", "not defined"),
            Tier("重要", "重要客户", "important customer",
                 "原文未释义:企业客户分为核心客户、重要客户和一般客户", "not defined"),
            Tier("一般", "一般客户", "general customer",
                 "原文未释义:企业客户分为核心客户、重要客户和一般客户", "not defined"),
        ),
        "The seed names the three classes without defining them: every tier is assigned. "
        "The personal targets of the same article are the preset personal_target.",
    ),
    TieredScheme(
        "personal_target",
        "个人目标客户构成细分:高/较高/中等消费层",
        "Personal target customers by occupation: high / upper-middle / middle spending",
        "002 §XX客户开发方案 五.2(2) 个人目标客户构成细分表",
        "职业(细分属性)→ 消费层类别",
        "occupation → spending level",
        (
            _consumption_tier("高", "high spending",
                              "government officials, senior managers of enterprises and "
                              "institutions, private-business owners, trading sole proprietors"),
            _consumption_tier("较高", "upper-middle spending",
                              "mid-rank civil servants, middle managers, mid-to-senior managers "
                              "of foreign firms, professional managers, professionals"),
            _consumption_tier("中等", "middle spending",
                              "ordinary civil servants, ordinary managers, employees of foreign "
                              "or large firms, knowledge-based freelancers"),
        ),
        "Fact: occupation (text), one of the table's 细分属性 exactly as written, e.g. "
        "私企业主, 普通公务员, 专业人士. An occupation not in the table is unclassified. The "
        "table's 年收入水平 (annual income) column is empty in the seed, so income is not "
        "encoded.",
    ),
)
# fmt: on


def _index(presets: Sequence[TieredScheme]) -> Mapping[str, TieredScheme]:
    table: dict[str, TieredScheme] = {}
    for preset in presets:
        if preset.name in table:
            raise PolicyError(
                [Problem("name", f"expected a unique preset name, got {preset.name!r}")]
            )
        table[preset.name] = preset
    return types.MappingProxyType(table)


SCHEMES: Mapping[str, TieredScheme] = _index(_PRESETS)
"""Every G7 preset by name (read-only), in the order of the catalogue's G7 row."""
