"""Reasons and their rendering."""

from __future__ import annotations

from decimal import Decimal

import pytest

from customer_rules import InputError, Reason, explain
from customer_rules.grading import Grade
from customer_rules.reasons import register_messages, render_reason


class _Result:
    def __init__(self, *reasons: Reason) -> None:
        self.reasons = reasons


def test_render_in_both_languages_with_values_formatted() -> None:
    register_messages({"T.x": ("金额 {amount} 元,等级 {grade}", "amount {amount}, grade {grade}")})
    reason = Reason.of("G1", "T.x", amount=Decimal(800000), grade=Grade.A)
    assert render_reason(reason, "zh") == "[G1] 金额 800,000 元,等级 A等级(重要客户)"
    assert render_reason(reason, "en") == "[G1] amount 800,000, grade A (important)"
    assert explain(_Result(reason, reason), "en").count("\n") == 1


def test_unknown_code_still_renders_its_facts() -> None:
    reason = Reason.of("G9", "nowhere", x=1)
    assert render_reason(reason) == "[G9] nowhere: x=1"


def test_fact_lookup_and_bad_language() -> None:
    reason = Reason.of("G1", "T.x", amount=1)
    assert reason.fact("amount") == 1
    with pytest.raises(InputError, match="name"):
        reason.fact("missing")
    with pytest.raises(InputError, match="lang"):
        render_reason(reason, "fr")  # type: ignore[arg-type]
