"""The allocation chapter's policy: every A parameter, defaulted to the seed."""

from __future__ import annotations

import datetime as dt

import attrs

from customer_rules.settings import policy

__all__ = ["AllocationPolicy"]


@policy
class AllocationPolicy:
    """Every parameter of the allocation chapter (A1–A17); ``AllocationPolicy()`` is the seed as
    written.

    Attributes:
        version: the label of the policy book this policy belongs to; results record it (a
            :class:`~customer_rules.book.PolicyBook` stamps its own, as for grading).
        effective: the day the policy takes effect; ``None`` for any day. A rule refuses a day
            before it.
    """

    version: str = attrs.field(default="seed")
    effective: dt.date | None = attrs.field(default=None)
    # --- A1 typing; A2 re-request; A3-A5 sanctions; A6 fines
    # --- A7 registration; A8-A10 windows, protection, reclaim, the pool; A11-A12 attribution
    # --- A13 allocator; A14 hand-over and contacts; A15 summary; A16 registers; A17 samples
