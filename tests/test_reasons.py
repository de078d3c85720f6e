"""Reasons and messages: codes as data, a catalogue that checks itself, plain-data round trips."""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import customer_rules.cli
import customer_rules.grading  # noqa: F401 - registers the grading chapter's codes
from customer_rules import InputError, PolicyError, Reason, explain
from customer_rules.dates import SHANGHAI
from customer_rules.grading import Grade
from customer_rules.labels import Label, LabelledEnum, labelled_enums
from customer_rules.reasons import (
    MessageCode,
    find_reason,
    register_codes,
    registered_codes,
    render_message,
    render_reason,
    template_of,
)


class _Demo(MessageCode):
    AMOUNT = "T.amount"
    PLAIN = "T.plain"


register_codes(
    _Demo,
    {
        _Demo.AMOUNT: ("金额 {amount} 元,等级 {grade}", "amount {amount}, grade {grade}"),
        _Demo.PLAIN: ("无事实", "no facts"),
    },
)


class _Result:
    def __init__(self, *reasons: Reason) -> None:
        self.reasons = reasons


def test_render_in_both_languages_with_values_formatted() -> None:
    reason = Reason.of("G1", _Demo.AMOUNT, amount=Decimal(800000), grade=Grade.A)
    assert render_reason(reason, "zh") == "[G1] 金额 800,000 元,等级 A等级(重要客户)"
    assert render_reason(reason, "en") == "[G1] amount 800,000, grade A (important)"
    assert explain(_Result(reason, reason), "en").count("\n") == 1
    assert reason.code == "T.amount"  # a member equals its code string


def test_unknown_code_still_renders_its_facts() -> None:
    reason = Reason.of("G9", "nowhere", x=1)
    assert render_reason(reason) == "[G9] nowhere: x=1"


def test_fact_lookup_and_bad_language() -> None:
    reason = Reason.of("G1", _Demo.AMOUNT, amount=1)
    assert reason.fact("amount") == 1
    with pytest.raises(InputError, match="name"):
        reason.fact("missing")
    with pytest.raises(InputError, match="lang"):
        render_reason(reason, "fr")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="result"):
        explain(None)  # type: ignore[arg-type]


def test_a_missing_fact_renders_as_a_dash_not_a_key_error() -> None:
    assert render_reason(Reason.of("G1", _Demo.AMOUNT), "en") == "[G1] amount —, grade —"


def test_find_reason_by_code() -> None:
    a, b = Reason.of("G1", _Demo.PLAIN), Reason.of("G1", _Demo.AMOUNT, amount=1, grade=None)
    assert find_reason(_Result(a, b), _Demo.AMOUNT) is b
    assert find_reason(_Result(a, b), "T.amount") is b
    assert find_reason(_Result(a), _Demo.AMOUNT) is None


# --------------------------------------------------------------------------- registration


def test_registration_refuses_a_missing_language_and_different_placeholders() -> None:
    class Bad(MessageCode):
        ONE = "T.bad.one"
        TWO = "T.bad.two"
        THREE = "T.bad.three"

    with pytest.raises(PolicyError) as info:
        register_codes(Bad, {Bad.ONE: ("{a}", "{b}"), Bad.TWO: ("只有中文", "")})
    assert [str(p) for p in info.value.problems] == [
        "Bad.ONE: expected the same placeholders in zh and en, got zh ['a'] and en ['b']",
        "Bad.TWO: expected a (zh, en) pair of non-empty texts, got ('只有中文', '')",
        "Bad.THREE: expected zh and en templates, got none",
    ]
    with pytest.raises(InputError):
        template_of("T.bad.one", "zh")  # nothing was registered


def test_registration_refuses_a_code_of_another_enum() -> None:
    class Clash(MessageCode):
        SAME = "T.amount"

    with pytest.raises(PolicyError, match="already registered"):
        register_codes(Clash, {Clash.SAME: ("x", "x")})
    assert template_of("T.amount", "en") == "amount {amount}, grade {grade}"


_EXAMPLES: dict[str, object] = {
    "amount": Decimal("800000"),
    "grade": Grade.A,
    "on": dt.date(2026, 11, 30),
    "at": dt.datetime(2026, 11, 30, 9, 30, tzinfo=SHANGHAI),
    "roles": (),
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", registered_codes(), ids=str)
def test_every_registered_code_renders_in_both_languages(code: MessageCode) -> None:
    zh, en = template_of(code, "zh"), template_of(code, "en")
    names = _fields(zh)
    assert names == _fields(en)
    facts = {name: _EXAMPLES.get(name, f"<{name}>") for name in names}
    for lang, template in (("zh", zh), ("en", en)):
        text = render_message(code, lang, **facts)  # type: ignore[arg-type]
        assert "{" not in text.replace("{{", "")
        for name in names:
            if isinstance(facts[name], str):
                assert facts[name] in text, (code, lang, name)
        assert text.strip()
        assert template  # the table has the language


def test_every_labelled_enum_member_has_both_labels() -> None:
    for enum_cls in labelled_enums():
        for member in enum_cls:
            assert member.zh.strip(), member
            assert member.en.strip(), member


# --------------------------------------------------------------------------- plain data

_FACT = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**12), max_value=10**12),
        st.text(max_size=10),
        st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**12),
        st.dates(),
        st.datetimes(timezones=st.just(SHANGHAI)),
        st.sampled_from([m for e in labelled_enums() for m in e]),
        st.builds(
            Label, st.text(min_size=1).filter(str.strip), st.text(min_size=1).filter(str.strip)
        ),
    ),
    lambda children: st.lists(children, max_size=3).map(tuple),
    max_leaves=6,
)


@given(st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), _FACT, max_size=5))
def test_reasons_round_trip_through_plain_data(facts: dict[str, object]) -> None:
    import json

    reason = Reason("G2", _Demo.AMOUNT, tuple(facts.items()))
    data = json.loads(json.dumps(reason.to_data("en"), ensure_ascii=False))
    back = Reason.from_data(data)
    assert back == reason
    assert [type(v) for _, v in back.facts] == [type(v) for _, v in reason.facts]


def test_reason_data_names_every_bad_fact() -> None:
    with pytest.raises(InputError) as info:
        Reason.from_data({"rule": "", "code": "T.amount", "facts": {"a": {"date": "x"}}, "z": 1})
    assert sorted(p.path for p in info.value.problems) == ["facts.a", "rule", "z"]


def test_a_private_object_is_not_a_fact() -> None:
    with pytest.raises(InputError, match=r"facts\.x"):
        Reason.of("G1", _Demo.PLAIN, x=object()).to_data()


def test_labelled_enum_names_are_unique() -> None:
    names = [e.__name__ for e in labelled_enums()]
    assert len(names) == len(set(names))
    assert issubclass(labelled_enums()[0], LabelledEnum)


@pytest.mark.parametrize(
    "facts",
    [
        {"amount": 1, "grade": Grade.A},
        {"amount": "一百", "grade": None},
        {"amount": dt.date(2026, 1, 1), "grade": (Grade.A, Grade.B)},
        {"amount": (), "grade": True},
    ],
    ids=["number-member", "text-none", "date-members", "empty-yes"],
)
def test_equal_facts_that_read_the_same_give_the_same_reason(facts: dict[str, object]) -> None:
    """Reason.of shares a reason whose facts are equal texts, whole numbers, dates, None,
    yes/no, labelled-enum members or tuples of members: rendered once for every result."""
    assert Reason.of("G1", _Demo.AMOUNT, **facts) is Reason.of("G1", _Demo.AMOUNT, **facts)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (True, 1),  # equal, yet "yes" and "1"
        (False, 0),
        (Decimal("1.0"), Decimal("1.00")),  # equal, yet "1.0" and "1.00"
        ((1, 2), (1, 2)),  # a tuple of numbers is not a tuple of members
        ((Grade.A, "A"), (Grade.A, "A")),
    ],
    ids=["true-one", "false-zero", "decimals", "tuple-of-numbers", "tuple-half-members"],
)
def test_facts_that_may_read_differently_are_never_shared(one: object, other: object) -> None:
    """Reason.of never hands back a reason built for facts that could render otherwise."""
    first = Reason.of("G1", _Demo.AMOUNT, amount=one, grade=Grade.A)
    second = Reason.of("G1", _Demo.AMOUNT, amount=other, grade=Grade.A)
    assert first is not second
    assert first.fact("amount") is one
    assert second.fact("amount") is other


def test_a_yes_is_never_taken_for_a_one() -> None:
    """Reason.of: ``True == 1``, but the shared reason of one never renders for the other."""
    one = Reason.of("G1", _Demo.AMOUNT, amount=1, grade=Grade.A)
    yes = Reason.of("G1", _Demo.AMOUNT, amount=True, grade=Grade.A)
    assert render_reason(one, "en") != render_reason(yes, "en")
    assert type(yes.fact("amount")) is bool


@given(st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), _FACT, max_size=4))
def test_a_rendered_line_is_kept_but_is_not_part_of_the_reason(facts: dict[str, object]) -> None:
    """A reason renders once per language and keeps the line; a reason that has rendered equals,
    hashes, shows and writes as one that has not, and both copy and pickle as the same value."""
    import copy
    import pickle

    import attrs

    rendered = Reason("G2", _Demo.AMOUNT, tuple(facts.items()))
    fresh = Reason("G2", _Demo.AMOUNT, tuple(facts.items()))
    zh, en = render_reason(rendered, "zh"), render_reason(rendered, "en")
    assert render_reason(rendered, "zh") is zh  # kept, not rendered again
    assert explain([rendered], "en") == en
    assert rendered == fresh
    assert hash(rendered) == hash(fresh)
    assert repr(rendered) == repr(fresh)
    assert rendered.to_data() == fresh.to_data()
    for other in (pickle.loads(pickle.dumps(rendered)), copy.copy(rendered)):
        assert other == fresh
        assert (render_reason(other, "zh"), render_reason(other, "en")) == (zh, en)
    moved = attrs.evolve(rendered, rule="G3")
    assert (moved.rule, moved.code, moved.facts) == ("G3", rendered.code, rendered.facts)
    assert render_reason(moved, "en") == "[G3] " + en.removeprefix("[G2] ")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rendered.rule = "G9"  # type: ignore[misc]


def test_a_reason_is_built_by_position_or_by_name() -> None:
    by_name = Reason(rule="G1", code=_Demo.PLAIN, facts=(("x", 1),))
    assert by_name == Reason("G1", _Demo.PLAIN, (("x", 1),))
    assert Reason("G1", _Demo.PLAIN).facts == ()


def _amount_text(value: Decimal) -> str:
    """How an amount reads: in full with thousands separators (an integral amount without an
    exponent: 5E+6 reads 5,000,000), from 10**18 in scientific notation."""
    if not value.is_finite() or (value.adjusted() >= 18 and not value.is_zero()):
        return f"{value:.6E}" if value.is_finite() else str(value)
    return f"{value:,f}" if value == value.to_integral_value() else f"{value:,}"


@given(
    st.one_of(
        st.decimals(allow_nan=True, allow_infinity=True),
        st.decimals(min_value=-(10**20), max_value=10**20, places=2),
        st.sampled_from(
            [
                Decimal(t)
                for t in (
                    "5E+6",
                    "1E-7",
                    "0E-10",
                    "-0.00",
                    "1E+18",
                    "999999999999999999.5",
                    "1000000000000000000",
                    "-123456789012345678901.25",
                )
            ]
        ),
    )
)
def test_an_amount_reads_the_same_whichever_way_it_is_rendered(value: Decimal) -> None:
    """The quick path for an amount written without an exponent gives the same text as the
    full rule, on both sides of 10**18 and for every exponent."""
    text = _amount_text(value)
    assert render_message("T.amount", "zh", amount=value, grade="A") == f"金额 {text} 元,等级 A"
    assert render_message("T.amount", "en", amount=value, grade="A") == f"amount {text}, grade A"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "item",
    [None, "[G1] text", 3, ("G1", "x", ()), __import__("unittest.mock").mock.Mock()],
    ids=["none", "text", "number", "tuple", "mock"],
)
def test_explain_names_an_item_that_is_not_a_reason(item: object, lang: str) -> None:
    good = Reason.of("G1", _Demo.PLAIN)
    for reasons in ([good, item], [item], (good, good, item)):
        with pytest.raises(InputError) as info:
            explain(reasons, lang)  # type: ignore[arg-type]
        assert [p.path for p in info.value.problems] == ["reason"]
