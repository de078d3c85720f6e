"""Private: the checks every allocation rule makes on its ``policy``, ``on`` and ``at`` (the
shared checks of :mod:`customer_rules._checks`, for the allocation chapter)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from customer_rules._checks import chapter_policy, in_force
from customer_rules.errors import InputError

if TYPE_CHECKING:
    from customer_rules._allocation.policy import AllocationPolicy

__all__ = ["allocation_policy", "day_in_force", "items_of", "policy_on"]


def allocation_policy(value: object) -> AllocationPolicy:
    """``value`` if it is an :class:`~customer_rules.allocation.AllocationPolicy`; otherwise an
    :class:`InputError` naming ``policy`` that says what to pass (a whole ``PolicyBook`` is a
    common slip)."""
    checked: AllocationPolicy = chapter_policy(value, "allocation")
    return checked


def day_in_force(policy: AllocationPolicy, day: dt.date, field: str = "on") -> None:
    """Refuse a day (checked already) before the policy takes effect, naming ``field``."""
    in_force(policy, day, field)


def policy_on(policy: object, day: dt.date) -> AllocationPolicy:
    """The checked ``policy``, in force on ``day`` (a day checked already)."""
    allocation = allocation_policy(policy)
    in_force(allocation, day)
    return allocation


def items_of(value: object, field: str, kind: type, expected: str) -> list[Any]:
    """The items of a collection argument, each a ``kind``; ``InputError`` at ``field`` (not
    a list: "a list of ``expected``") or at ``field[i]``."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError(field, value, f"a list of {expected}")
    items = list(value)
    for i, item in enumerate(items):
        if type(item) is not kind and not isinstance(item, kind):
            raise InputError(f"{field}[{i}]", item, f"a {kind.__name__}")
    return items
