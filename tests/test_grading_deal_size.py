"""G1 — deal-size type A/B/C/D by expected deal amount."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given

from customer_rules import GradingPolicy, InputError, PolicyError, explain
from customer_rules.grading import DealSizePolicy, DealSizeType, deal_size_type
from customer_rules.testing import amounts, grading_policies

SEED = GradingPolicy()


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("80万", DealSizeType.A),  # G1: A ≥ 800,000 (及以上 includes the number)
        ("799999.99", DealSizeType.B),
        ("40万", DealSizeType.B),
        ("399,999.99", DealSizeType.C),
        ("20万", DealSizeType.C),
        ("199999.99", DealSizeType.D),
        (0, DealSizeType.D),
        ("1.5亿", DealSizeType.A),
    ],
)
def test_seed_boundaries_both_sides(amount: object, expected: DealSizeType) -> None:
    assert deal_size_type(amount, SEED).type is expected


def test_reasons_cite_g1_with_threshold() -> None:
    result = deal_size_type("80万", SEED)
    (reason,) = result.reasons
    assert reason.rule == "G1"
    assert reason.fact("threshold") == Decimal(800_000)
    assert "800,000" in explain(result)
    assert "D" in explain(deal_size_type(5, SEED), "en")
    assert result.policy_version == "seed"


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
