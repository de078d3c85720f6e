"""G1 — deal-size type (客户类型 ABCD) by expected deal amount."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from customer_rules._grading.checks import grading_policy
from customer_rules._grading.codes import GradingReason
from customer_rules._grading.model import DealSizeType
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.settings import Unit, descending, policy, setting

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = ["DealSizePolicy", "DealSizeResult", "deal_size_type"]


_G1 = "G1; 001 §客户资源分配管理制度 3.1.1"


@policy(checks=[descending("a_min", "b_min", "c_min")])
class DealSizePolicy:
    """G1 thresholds on the expected deal amount (预计成交金额), each inclusive (及以上).

    Source: seed 001 §客户资源分配管理制度 3.1.1.

    Attributes:
        a_min: A from this amount [seed: 800,000].
        b_min: B from this amount [seed: 400,000].
        c_min: C from this amount [seed: 200,000]; below it is D [default: the seed names four
            classes but never defines D].
    """

    a_min: Decimal = setting(default=Decimal(800_000), unit=Unit.YUAN, source=_G1)
    b_min: Decimal = setting(default=Decimal(400_000), unit=Unit.YUAN, source=_G1)
    c_min: Decimal = setting(default=Decimal(200_000), unit=Unit.YUAN, source=_G1)


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
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One G1 reason with the amount and the threshold reached."""
        return _reasons(self)


def _reasons(result: DealSizeResult) -> tuple[Reason, ...]:
    """:attr:`DealSizeResult.reasons` (a plain function, so that mutation testing reaches it)."""
    if result.threshold is None:
        return (Reason.of("G1", GradingReason.G1_BELOW, amount=result.amount, type=result.type),)
    return (
        Reason.of(
            "G1",
            GradingReason.G1_TYPE,
            amount=result.amount,
            threshold=result.threshold,
            type=result.type,
        ),
    )


def deal_size_type(amount: Decimal | int | str, policy: GradingPolicy) -> DealSizeResult:
    """G1: type a lead or customer A/B/C/D by its expected deal amount.

    Args:
        amount: expected deal amount (预计成交金额): ``Decimal``, ``int`` or ``"80万"``.
        policy: the grading policy (``GradingPolicy()`` is the seed).

    Returns:
        The type with the threshold it reached.

    Raises:
        InputError: naming ``amount`` for a float, a malformed or negative amount, or an amount
            beyond 10^15; naming ``policy`` unless a ``GradingPolicy`` (for a ``PolicyBook``,
            pass ``book.grading``).

    Example:
        >>> from customer_rules.grading import GradingPolicy
        >>> deal_size_type("80万", GradingPolicy()).type
        <DealSizeType.A: 'A'>
        >>> deal_size_type("799999.99", GradingPolicy()).type
        <DealSizeType.B: 'B'>
    """
    value = parse_amount(amount)  # names ``amount`` by default
    policy = grading_policy(policy)
    p = policy.deal_size
    if value >= p.a_min:
        return DealSizeResult(
            DealSizeType.A, value, p.a_min, policy.version, policy_effective=policy.effective
        )
    if value >= p.b_min:
        return DealSizeResult(
            DealSizeType.B, value, p.b_min, policy.version, policy_effective=policy.effective
        )
    if value >= p.c_min:
        return DealSizeResult(
            DealSizeType.C, value, p.c_min, policy.version, policy_effective=policy.effective
        )
    return DealSizeResult(
        DealSizeType.D, value, None, policy.version, policy_effective=policy.effective
    )
