"""The archives chapter's reason codes (R1–R12) and their zh/en templates.

One enum, one table, registered once (:func:`customer_rules.reasons.register_codes`): a code
without both languages, or with different placeholders in zh and en, is refused at import.
Codes are grouped by rule, in catalogue order.
"""

from __future__ import annotations

from customer_rules.reasons import MessageCode, register_codes

__all__ = ["ArchivesReason"]


class ArchivesReason(MessageCode):
    """Every reason code of the archives chapter; a member equals its code (``"R1.formal_due"``)."""


_R = ArchivesReason

register_codes(ArchivesReason, {})
