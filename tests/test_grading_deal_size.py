"""G1 — deal-size type A/B/C/D by expected deal amount."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import (
    CustomerRulesError,
    GradingPolicy,
    InputError,
    PolicyBook,
    PolicyError,
    explain,
)
from customer_rules._grading.codes import GradingReason
from customer_rules.grading import DealSizePolicy, DealSizeResult, DealSizeType, deal_size_type
from customer_rules.reasons import Reason
from customer_rules.settings import Mark, Unit, from_mapping, settings_of
from customer_rules.testing import amounts, grading_policies, malformed_values

SEED = GradingPolicy()


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        pytest.param("80万", DealSizeType.A, id="80万及以上-at"),
        pytest.param("799999.99", DealSizeType.B, id="80万及以上-below"),
        pytest.param("40万", DealSizeType.B, id="40万及以上-at"),
        pytest.param("399,999.99", DealSizeType.C, id="40万及以上-below"),
        pytest.param("20万", DealSizeType.C, id="20万及以上-at"),
        pytest.param("199999.99", DealSizeType.D, id="20万及以上-below"),
        pytest.param(0, DealSizeType.D, id="zero"),
        pytest.param("1.5亿", DealSizeType.A, id="far-above"),
    ],
)
def test_seed_boundaries_both_sides(amount: Decimal | int | str, expected: DealSizeType) -> None:
    """G1 "A类客户指的是预计成交金额在80万及以上" (B "40万及以上", C "20万及以上"): 及以上
    includes the number — each threshold itself reaches its type, a cent less does not."""
    result = deal_size_type(amount, SEED)
    assert result.type is expected
    if result.threshold is not None:
        assert result.amount >= result.threshold


def test_reasons_cite_g1_with_threshold() -> None:
    result = deal_size_type("80万", SEED)
    (reason,) = result.reasons
    assert reason.rule == "G1"
    assert reason.code is GradingReason.G1_TYPE
    assert reason.fact("threshold") == Decimal(800_000)
    assert explain(result) == "[G1] 预计成交金额 800,000 元 ≥ 800,000 元,客户类型为 A类"
    assert explain(result, "en") == "[G1] expected deal amount 800,000 ≥ 800,000: type A"
    below = deal_size_type(5, SEED)
    (reason,) = below.reasons
    assert reason.code is GradingReason.G1_BELOW
    assert explain(below) == ("[G1] 预计成交金额 5 元低于C类下限,客户类型为 D类(D类为本库默认定义)")
    assert explain(below, "en") == (
        "[G1] expected deal amount 5 is below the C threshold: type D (library default)"
    )
    assert result.policy_version == "seed"


_DATED = GradingPolicy(version="2026-v2", effective=dt.date(2026, 1, 1))


@pytest.mark.parametrize(
    ("amount", "kind", "threshold"),
    [
        ("80万", DealSizeType.A, Decimal(800_000)),
        ("40万", DealSizeType.B, Decimal(400_000)),
        ("20万", DealSizeType.C, Decimal(200_000)),
        ("199999.99", DealSizeType.D, None),
    ],
)
def test_g1_every_type_records_amount_threshold_reason_and_the_book_that_decided(
    amount: str, kind: DealSizeType, threshold: Decimal | None
) -> None:
    """G1 "80万及以上" / "40万及以上" / "20万及以上", and D below [default]: every field of the
    result and its one reason, under a dated book whose version and effective date it records."""
    value = Decimal(amount.replace("万", "0000"))
    result = deal_size_type(amount, _DATED)
    assert result == DealSizeResult(
        kind, value, threshold, "2026-v2", policy_effective=dt.date(2026, 1, 1)
    )
    if threshold is None:
        expected = Reason.of("G1", GradingReason.G1_BELOW, amount=value, type=kind)
    else:
        expected = Reason.of(
            "G1", GradingReason.G1_TYPE, amount=value, threshold=threshold, type=kind
        )
    assert result.reasons == (expected,)


def test_g1_a_bad_amount_is_named_amount_and_kept_as_given() -> None:
    with pytest.raises(InputError) as info:
        deal_size_type("-1", SEED)
    assert (info.value.field, info.value.given) == ("amount", "-1")


def test_unordered_thresholds_are_a_policy_error() -> None:
    with pytest.raises(PolicyError) as info:
        DealSizePolicy(a_min=Decimal(100), b_min=Decimal(200), c_min=Decimal(300))
    assert [p.path for p in info.value.problems] == ["b_min", "c_min"]


def test_float_amount_is_refused() -> None:
    with pytest.raises(InputError, match="amount"):
        deal_size_type(800000.0, SEED)


@given(amounts(), amounts(), grading_policies())
def test_monotonic_more_amount_never_lowers_the_type(
    a: Decimal, b: Decimal, policy: GradingPolicy
) -> None:
    low, high = sorted((a, b))
    order = "DCBA"
    assert order.index(deal_size_type(high, policy).type.value) >= order.index(
        deal_size_type(low, policy).type.value
    )


@given(amounts(), grading_policies())
def test_threshold_reached_is_consistent(amount: Decimal, policy: GradingPolicy) -> None:
    result = deal_size_type(amount, policy)
    assert result == deal_size_type(amount, policy)  # deterministic
    if result.threshold is None:
        assert result.type is DealSizeType.D
        assert amount < policy.deal_size.c_min
    else:
        assert amount >= result.threshold
    assert all(r.rule == "G1" for r in result.reasons)
    for reason in result.reasons:  # facts are plain data and come back exactly
        assert Reason.from_data(reason.to_data("zh")) == reason


# --------------------------------------------------------------------------- the policy


def test_thresholds_are_declared_seed_yuan_settings() -> None:
    found = {info.path: info for info in settings_of(DealSizePolicy())}
    assert list(found) == ["a_min", "b_min", "c_min"]
    for info in found.values():
        assert info.setting.mark is Mark.SEED
        assert info.setting.unit is Unit.YUAN
        assert info.setting.source == "G1; 001 §客户资源分配管理制度 3.1.1"
    assert [info.default for info in found.values()] == [
        Decimal(800_000),
        Decimal(400_000),
        Decimal(200_000),
    ]


def _problems(build: Callable[[], object]) -> list[tuple[str, str]]:
    with pytest.raises(PolicyError) as info:
        build()
    return [(p.path, p.message) for p in info.value.problems]


@pytest.mark.parametrize(
    ("fields", "paths"),
    [
        ({"a_min": "abc"}, ["a_min"]),
        ({"a_min": "abc", "c_min": [1]}, ["a_min", "c_min"]),
        ({"b_min": "-1"}, ["b_min"]),
        ({"a_min": 100, "b_min": 200, "c_min": 300}, ["b_min", "c_min"]),
        ({"c_min": "50万"}, ["c_min"]),
        ({"a_min": 800000.001}, ["a_min"]),
        ({"a_min": True}, ["a_min"]),
    ],
)
def test_policy_problems_from_python_equal_those_from_a_mapping(
    fields: dict[str, Any], paths: list[str]
) -> None:
    from_python = _problems(lambda: DealSizePolicy(**fields))
    assert [path for path, _ in from_python] == paths
    assert _problems(lambda: from_mapping(DealSizePolicy, fields)) == from_python


def test_policy_messages_name_what_was_expected_and_given() -> None:
    assert _problems(lambda: DealSizePolicy(b_min="-1")) == [
        ("b_min", "expected a number of at least 0, got Decimal('-1')")
    ]
    assert _problems(lambda: DealSizePolicy(c_min="50万")) == [
        ("c_min", "expected less than b_min (400000), got 500000")
    ]


def test_amounts_are_accepted_as_people_write_them() -> None:
    assert DealSizePolicy("100万", "50万", 200_000) == DealSizePolicy(
        Decimal(1_000_000), Decimal(500_000), Decimal(200_000)
    )
    assert from_mapping(DealSizePolicy, {"a_min": "100万"}).a_min == Decimal(1_000_000)


# --------------------------------------------------------------------------- arguments at the edge


@pytest.mark.parametrize("policy", [None, PolicyBook(), DealSizePolicy(), "seed"])
def test_anything_but_a_grading_policy_is_an_input_error_naming_policy(policy: object) -> None:
    with pytest.raises(InputError) as info:
        deal_size_type("80万", policy)  # type: ignore[arg-type]
    assert info.value.field == "policy"
    if isinstance(policy, PolicyBook):
        assert "book.grading" in info.value.expected


MALFORMED = malformed_values()

PUBLIC_CALLABLES: dict[str, tuple[Callable[..., object], tuple[object, ...]]] = {
    "DealSizePolicy": (DealSizePolicy, (Decimal(800_000), Decimal(400_000), Decimal(200_000))),
    "DealSizeResult": (DealSizeResult, (DealSizeType.A, Decimal(1), Decimal(1), "seed")),
    "deal_size_type": (deal_size_type, (Decimal(1), SEED)),
}


@pytest.mark.parametrize("name", sorted(PUBLIC_CALLABLES))
@given(data=st.data())
def test_malformed_arguments_raise_only_library_errors(name: str, data: st.DataObject) -> None:
    call, valid = PUBLIC_CALLABLES[name]
    args = data.draw(st.tuples(*(st.one_of(st.just(v), MALFORMED) for v in valid)))
    with contextlib.suppress(CustomerRulesError):
        call(*args)


def test_g1_stored_values_are_pinned() -> None:
    """What hosts store: the deal-size types, and the version label of the seed's own values."""
    assert [m.value for m in DealSizeType] == ["A", "B", "C", "D"]
    assert SEED.version == "seed"
    assert deal_size_type("80万", SEED).policy_version == "seed"


def test_a_subclass_of_grading_policy_is_a_grading_policy() -> None:
    """A host's own subclass of ``GradingPolicy`` is accepted wherever a policy is (the check is
    ``isinstance``, with a fast path for the class itself)."""

    class HostPolicy(GradingPolicy):
        pass

    result = deal_size_type("80万", HostPolicy(version="host-1"))
    assert (result.type, result.policy_version) == (DealSizeType.A, "host-1")
