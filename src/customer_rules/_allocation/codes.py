"""The allocation chapter's reason codes (A1–A17) and their zh/en templates.

One enum, one table, registered once (:func:`customer_rules.reasons.register_codes`): a code
without both languages, or with different placeholders in zh and en, is refused at import.
Codes are grouped by rule, in catalogue order.
"""

from __future__ import annotations

from customer_rules.reasons import MessageCode, register_codes

__all__ = ["AllocationReason"]


class AllocationReason(MessageCode):
    """Every reason code of the allocation chapter; a member equals its code (``"A3.suspended"``)."""

    # --- A1 typing; A2 re-request; A3-A5 sanctions; A6 fines
    # --- A7 registration; A8-A10 windows, protection, reclaim, the pool; A11-A12 attribution
    # --- A13 allocator; A14 hand-over and contacts; A15 summary; A16 registers; A17 samples


_R = AllocationReason

register_codes(
    AllocationReason,
    {
        # --- A1-A6
        # --- A7-A12
        # --- A13-A17
    },
)
