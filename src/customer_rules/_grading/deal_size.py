"""G1 — deal-size type (客户类型 ABCD) by expected deal amount."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from customer_rules._grading.model import DealSizeType
from customer_rules._validation import amount_field, check_descending, raise_if
from customer_rules.errors import Problem
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason, register_messages

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = ["DealSizePolicy", "DealSizeResult", "deal_size_type"]


@attrs.frozen
class DealSizePolicy:
    """G1 thresholds on the expected deal amount (预计成交金额), each inclusive (及以上).

    Source: seed 001 §客户资源分配管理制度 3.1.1.

    Attributes:
        a_min: A from this amount [seed: 800,000].
        b_min: B from this amount [seed: 400,000].
        c_min: C from this amount [seed: 200,000]; below it is D [default: the seed names four
            classes but never defines D].
    """

    a_min: Decimal = amount_field(800_000)
    b_min: Decimal = amount_field(400_000)
    c_min: Decimal = amount_field(200_000)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        check_descending(
            problems, ("a_min", "b_min", "c_min"), (self.a_min, self.b_min, self.c_min)
        )
        raise_if(problems)


@attrs.frozen
class DealSizeResult:
    """The G1 type of one amount.

    Attributes:
        type: A, B, C or D.
        amount: the expected deal amount used.
        threshold: the inclusive lower bound of the type (``None`` for D).
        policy_version: the version of the policy that decided.
    """

    type: DealSizeType
    amount: Decimal
    threshold: Decimal | None
    policy_version: str

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One G1 reason with the amount and the threshold reached."""
        if self.threshold is None:
            return (Reason.of("G1", "G1.below", amount=self.amount, type=self.type),)
        return (
            Reason.of(
                "G1", "G1.type", amount=self.amount, threshold=self.threshold, type=self.type
            ),
        )


def deal_size_type(amount: object, policy: GradingPolicy) -> DealSizeResult:
    """G1: type a lead or customer A/B/C/D by its expected deal amount.

    Args:
        amount: expected deal amount (预计成交金额): ``Decimal``, ``int`` or ``"80万"``.
        policy: the grading policy (``GradingPolicy()`` is the seed).

    Returns:
        The type with the threshold it reached.

    Raises:
        InputError: for a float, a malformed or negative amount.

    Example:
        >>> from customer_rules.grading import GradingPolicy
        >>> deal_size_type("80万", GradingPolicy()).type
        <DealSizeType.A: 'A'>
        >>> deal_size_type("799999.99", GradingPolicy()).type
        <DealSizeType.B: 'B'>
    """
    value = parse_amount(amount, "amount")
    p = policy.deal_size
    if value >= p.a_min:
        return DealSizeResult(DealSizeType.A, value, p.a_min, policy.version)
    if value >= p.b_min:
        return DealSizeResult(DealSizeType.B, value, p.b_min, policy.version)
    if value >= p.c_min:
        return DealSizeResult(DealSizeType.C, value, p.c_min, policy.version)
    return DealSizeResult(DealSizeType.D, value, None, policy.version)


register_messages(
    {
        "G1.type": (
            "预计成交金额 {amount} 元 ≥ {threshold} 元,客户类型为 {type}",
            "expected deal amount {amount} ≥ {threshold}: {type}",
        ),
        "G1.below": (
            "预计成交金额 {amount} 元低于C类下限,客户类型为 {type}(D类为本库默认定义)",
            "expected deal amount {amount} is below the C threshold: {type} (library default)",
        ),
    }
)
