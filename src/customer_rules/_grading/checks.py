"""Private: the checks every grading rule makes on its ``policy`` argument (the shared checks of
:mod:`customer_rules._checks`, for the grading chapter)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from customer_rules._checks import calendar_arg, chapter_policy, in_force

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

__all__ = ["calendar_arg", "grading_policy", "in_force"]


def grading_policy(value: object) -> GradingPolicy:
    """``value`` if it is a :class:`GradingPolicy`; otherwise an :class:`InputError` naming
    ``policy`` that says what to pass (a whole ``PolicyBook`` is a common slip)."""
    checked: GradingPolicy = chapter_policy(value, "grading")
    return checked
