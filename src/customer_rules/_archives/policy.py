"""The archives chapter's policy: every R parameter, defaulted to the seed."""

from __future__ import annotations

import datetime as dt

import attrs

from customer_rules.settings import policy

__all__ = ["ArchivesPolicy"]


@policy
class ArchivesPolicy:
    """Every parameter of the archives chapter (R1–R12); ``ArchivesPolicy()`` is the seed as
    written.

    Attributes:
        version: the label of the policy book this policy belongs to; results record it (a
            :class:`~customer_rules.book.PolicyBook` stamps its own, as for grading).
        effective: the day the policy takes effect; ``None`` for any day. A rule refuses a day
            before it.
    """

    version: str = attrs.field(default="seed")
    effective: dt.date | None = attrs.field(default=None)
