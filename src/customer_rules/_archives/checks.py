"""Private: the checks every archives rule makes on its ``policy``, ``on`` and ``calendar`` (the
shared checks of :mod:`customer_rules._checks`, for the archives chapter)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from customer_rules._checks import calendar_arg, chapter_policy, checked_day

if TYPE_CHECKING:
    from customer_rules._archives.policy import ArchivesPolicy

__all__ = ["archives_policy", "calendar_arg", "checked_day"]


def archives_policy(value: object) -> ArchivesPolicy:
    """``value`` if it is an :class:`ArchivesPolicy`; otherwise an :class:`InputError` naming
    ``policy`` that says what to pass (a whole ``PolicyBook`` is a common slip)."""
    checked: ArchivesPolicy = chapter_policy(value, "archives")
    return checked
