"""The archives chapter's policy: every R parameter, defaulted to the seed."""

from __future__ import annotations

import datetime as dt

import attrs

from customer_rules._archives.access import AccessPolicy
from customer_rules._archives.corrections import CorrectionPolicy
from customer_rules._archives.files import FilesPolicy
from customer_rules._archives.ledger import LedgerPolicy
from customer_rules._archives.loans import LendingPolicy
from customer_rules.settings import Unit, policy, setting

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
        files: R1, R2, R8, R12 — the file's lifecycle, its contents, holds, disposal, records.
        ledger: R7 — the trading-partner ledger.
        loans: R3–R6 — lending originals and copies, the monthly report, the cabinet keys.
        access: R9, R11 — who may view, borrow, copy or transmit; consent; sanctions.
        corrections: R10 — the correction chain.
    """

    version: str = attrs.field(default="seed")
    effective: dt.date | None = attrs.field(default=None)
    files: FilesPolicy = setting(
        default=FilesPolicy(), unit=Unit.TABLE, source="R1, R2, R8, R12; 004, 000, 001"
    )
    ledger: LedgerPolicy = setting(
        default=LedgerPolicy(), unit=Unit.TABLE, source="R7; 000 第二条, 第四条; 003"
    )
    loans: LendingPolicy = setting(
        default=LendingPolicy(), unit=Unit.TABLE, source="R3–R6; 004 §三.2–7"
    )
    access: AccessPolicy = setting(
        default=AccessPolicy(), unit=Unit.TABLE, source="R9, R11; 001, 000, 003"
    )
    corrections: CorrectionPolicy = setting(
        default=CorrectionPolicy(), unit=Unit.TABLE, source="R10; 001 §客户资源管理制度 例"
    )
