"""Private: the checks every grading rule makes on its ``policy`` argument."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from customer_rules.calendars import CALENDAR_DAYS, Calendar
from customer_rules.errors import InputError

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy

_CLASS: list[type] = []


def grading_policy(value: object) -> GradingPolicy:
    """``value`` if it is a :class:`GradingPolicy`; otherwise an :class:`InputError` naming
    ``policy`` that says what to pass (a whole ``PolicyBook`` is a common slip)."""
    # a lazy import (the policy imports the rules) and a fast path before isinstance: neither
    # decides anything, so mutation testing leaves them alone
    if not _CLASS:  # pragma: no mutate
        from customer_rules._grading.policy import GradingPolicy

        _CLASS.append(GradingPolicy)  # pragma: no mutate
    if type(value) is _CLASS[0] or isinstance(value, _CLASS[0]):  # pragma: no mutate
        return value  # type: ignore[return-value]
    expected = "a GradingPolicy (GradingPolicy() is the seed"
    if hasattr(value, "grading"):
        expected += "; for a PolicyBook pass book.grading"
    raise InputError("policy", value, expected + ")")


def calendar_arg(value: object) -> Calendar:
    """``value`` if it is a :class:`~customer_rules.calendars.Calendar` (the plain calendar is
    let through without the protocol check); otherwise an :class:`InputError` naming
    ``calendar``."""
    if value is not CALENDAR_DAYS and not isinstance(value, Calendar):
        raise InputError("calendar", value, "a Calendar, e.g. CALENDAR_DAYS")
    return value


def in_force(policy: GradingPolicy, on: dt.date) -> None:
    """Refuse a day before the policy takes effect (G6: regulations are re-examined yearly, and a
    book applies from its effective date on).

    One comparison: call it after ``policy`` and ``on`` are checked. A policy whose
    ``effective`` is ``None`` (the seed, a policy built alone) applies to any day.

    Raises:
        InputError: naming ``on``, e.g. ``on: expected a day on or after the policy's effective
            date 2027-01-01 (version '2027'), got datetime.date(2026, 6, 30)``.
    """
    effective = policy.effective
    try:
        early = effective is not None and on < effective
    except TypeError:  # not a date: the rule's own check of ``on`` names it first
        raise InputError("on", on, "a datetime.date") from None
    if early:
        raise InputError(
            "on",
            on,
            f"a day on or after the policy's effective date {effective}"
            f" (version {policy.version!r})",
        )
