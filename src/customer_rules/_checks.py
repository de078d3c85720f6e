"""Private: the checks every chapter's rules make on their ``policy``, ``on``/``at`` and
``calendar`` arguments — one set for all chapters.

A chapter's policy class is found from its field in :class:`~customer_rules.book.PolicyBook`
(looked up once, lazily: the book imports every chapter), so a rule module checks its policy
with ``chapter_policy(value, "credit")`` and needs no import of its own policy class.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from customer_rules.calendars import CALENDAR_DAYS, Calendar
from customer_rules.dates import SHANGHAI, require_aware, require_date
from customer_rules.errors import InputError

__all__ = [
    "Versioned",
    "calendar_arg",
    "chapter_policy",
    "checked_day",
    "checked_moment",
    "in_force",
]


class Versioned(Protocol):
    """What :func:`in_force` reads of a chapter policy: its book's version and effective day."""

    @property
    def version(self) -> str: ...

    @property
    def effective(self) -> dt.date | None: ...


_CLASSES: dict[str, type] = {}
"""Each chapter's policy class by its field name in the book, once asked for."""


def _policy_class(chapter: str) -> type:
    from customer_rules.book import PolicyBook

    found = type(getattr(PolicyBook(), chapter))
    _CLASSES[chapter] = found
    return found


def chapter_policy(value: object, chapter: str) -> Any:
    """``value`` if it is the policy class of ``chapter`` (the book's field: ``"grading"``,
    ``"credit"``…); otherwise an :class:`InputError` naming ``policy`` that says what to pass
    (a whole ``PolicyBook`` is a common slip)."""
    cls = _CLASSES.get(chapter) or _policy_class(chapter)  # pragma: no mutate - a lookup
    if type(value) is cls or isinstance(value, cls):  # pragma: no mutate - a fast path
        return value
    name = cls.__name__
    article = "an" if name[0] in "AEIOU" else "a"
    expected = f"{article} {name} ({name}() is the seed"
    if hasattr(value, chapter):
        expected += f"; for a PolicyBook pass book.{chapter}"
    raise InputError("policy", value, expected + ")")


def calendar_arg(value: object) -> Calendar:
    """``value`` if it is a :class:`~customer_rules.calendars.Calendar` (the plain calendar is
    let through without the protocol check); otherwise an :class:`InputError` naming
    ``calendar``."""
    if value is not CALENDAR_DAYS and not isinstance(value, Calendar):
        raise InputError("calendar", value, "a Calendar, e.g. CALENDAR_DAYS")
    return value


def in_force(policy: Versioned, on: dt.date, field: str = "on") -> None:
    """Refuse a day before the policy takes effect (regulations are re-examined yearly, G6,
    and a book applies from its effective date on).

    One comparison: call it after ``policy`` and ``on`` are checked. A policy whose
    ``effective`` is ``None`` (the seed, a policy built alone) applies to any day.

    Raises:
        InputError: naming ``field``, e.g. ``on: expected a day on or after the policy's
            effective date 2027-01-01 (version '2027'), got datetime.date(2026, 6, 30)``.
    """
    effective = policy.effective
    try:
        early = effective is not None and on < effective
    except TypeError:  # not a date: the rule's own check of ``on`` names it first
        raise InputError(field, on, "a datetime.date") from None
    if early:
        raise InputError(
            field,
            on,
            f"a day on or after the policy's effective date {effective}"
            f" (version {policy.version!r})",
        )


def checked_day(policy: Versioned, on: object, field: str = "on") -> dt.date:
    """``on`` as a date of the supported range on which ``policy`` is in force.

    Raises:
        InputError: naming ``field`` otherwise.
    """
    day = require_date(on, field)
    in_force(policy, day, field)
    return day


def checked_moment(policy: Versioned, at: object, field: str = "at") -> dt.datetime:
    """``at`` as a timezone-aware moment whose day in Asia/Shanghai the policy is in force on.

    Raises:
        InputError: naming ``field`` otherwise.
    """
    moment = require_aware(at, field)
    day = require_date(moment.astimezone(SHANGHAI).date(), field)
    effective = policy.effective
    if effective is not None and day < effective:
        raise InputError(
            field,
            at,
            f"a moment on or after the policy's effective date {effective}"
            f" (version {policy.version!r}, Asia/Shanghai)",
        )
    return moment
