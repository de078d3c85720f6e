"""The service chapter's reason codes (S1–S7) and their zh/en templates.

One enum, one table, registered once (:func:`customer_rules.reasons.register_codes`): a code
without both languages, or with different placeholders in zh and en, is refused at import.
Codes are grouped by rule, in catalogue order.
"""

from __future__ import annotations

from customer_rules.reasons import MessageCode, register_codes

__all__ = ["ServiceReason"]


class ServiceReason(MessageCode):
    """Every reason code of the service chapter; a member equals its code (``"S1.refused"``)."""


_R = ServiceReason

register_codes(ServiceReason, {})
