"""The credit chapter's reason codes (C1–C11) and their zh/en templates.

One enum, one table, registered once (:func:`customer_rules.reasons.register_codes`): a code
without both languages, or with different placeholders in zh and en, is refused at import.
Codes are grouped by rule, in catalogue order.
"""

from __future__ import annotations

from customer_rules.reasons import MessageCode, register_codes

__all__ = ["CreditReason"]


class CreditReason(MessageCode):
    """Every reason code of the credit chapter; a member equals its code (``"C2.accept"``)."""

    # --- C1 standard and rating; C2 exposure and orders; C3 shipment; C6 emergency; C11 roles
    # --- C4 aging; C5 collection ladder
    # --- C7 review; C8 monthly update and year-end review; C9 screening; C10 finance survey


_R = CreditReason

register_codes(
    CreditReason,
    {
        # --- C1, C2, C3, C6, C11
        # --- C4, C5
        # --- C7, C8, C9, C10
    },
)
