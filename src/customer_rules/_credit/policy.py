"""The credit chapter's policy: every C parameter, defaulted to the seed."""

from __future__ import annotations

import datetime as dt

import attrs

from customer_rules.settings import policy

__all__ = ["CreditPolicy"]


@policy
class CreditPolicy:
    """Every parameter of the credit chapter (C1–C11); ``CreditPolicy()`` is the seed as written.

    Attributes:
        version: the label of the policy book this policy belongs to; results record it (a
            :class:`~customer_rules.book.PolicyBook` stamps its own, as for grading).
        effective: the day the policy takes effect; ``None`` for any day. A rule refuses a day
            before it.
    """

    version: str = attrs.field(default="seed")
    effective: dt.date | None = attrs.field(default=None)
    # --- C1 standard and rating; C2 exposure and orders; C3 shipment; C6 emergency; C11 roles
    # --- C4 aging; C5 collection ladder
    # --- C7 review; C8 monthly update and year-end review; C9 screening; C10 finance survey
