"""The service chapter's policy: every S parameter, defaulted to the seed."""

from __future__ import annotations

import datetime as dt

import attrs

from customer_rules.settings import policy

__all__ = ["ServicePolicy"]


@policy
class ServicePolicy:
    """Every parameter of the service chapter (S1–S7); ``ServicePolicy()`` is the seed as written.

    Attributes:
        version: the label of the policy book this policy belongs to; results record it (a
            :class:`~customer_rules.book.PolicyBook` stamps its own, as for grading).
        effective: the day the policy takes effect; ``None`` for any day. A rule refuses a day
            before it.
    """

    version: str = attrs.field(default="seed")
    effective: dt.date | None = attrs.field(default=None)
