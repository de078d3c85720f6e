"""Private: the checks every grading rule makes on its ``policy`` argument."""

from __future__ import annotations

from typing import TYPE_CHECKING

from customer_rules.errors import InputError

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

_CLASS: list[type] = []


def grading_policy(value: object) -> GradingPolicy:
    """``value`` if it is a :class:`GradingPolicy`; otherwise an :class:`InputError` naming
    ``policy`` that says what to pass (a whole ``PolicyBook`` is a common slip)."""
    if not _CLASS:
        from customer_rules._grading.policy import GradingPolicy  # the policy imports the rules

        _CLASS.append(GradingPolicy)
    if type(value) is _CLASS[0] or isinstance(value, _CLASS[0]):
        return value  # type: ignore[return-value]
    expected = "a GradingPolicy (GradingPolicy() is the seed"
    if hasattr(value, "grading"):
        expected += "; for a PolicyBook pass book.grading"
    raise InputError("policy", value, expected + ")")
