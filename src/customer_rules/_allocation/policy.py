"""The allocation chapter's policy: every A parameter, defaulted to the seed."""

from __future__ import annotations

import datetime as dt

import attrs

from customer_rules._allocation.allocator import AllocatorPolicy
from customer_rules._allocation.attribution import AttributionPolicy
from customer_rules._allocation.fines import FinesPolicy
from customer_rules._allocation.handover import HandoverPolicy
from customer_rules._allocation.holdings import (
    IdlePolicy,
    PoolPolicy,
    ProtectionPolicy,
    WindowPolicy,
)
from customer_rules._allocation.leads import ReRequestPolicy, TypingPolicy
from customer_rules._allocation.registers import RegistersPolicy, SamplesPolicy
from customer_rules._allocation.registration import RegistrationPolicy
from customer_rules._allocation.reports import SummaryPolicy
from customer_rules._allocation.sanctions import ResponsePolicy, SanctionsPolicy
from customer_rules.settings import Unit as _Unit
from customer_rules.settings import policy
from customer_rules.settings import setting as _setting

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
        typing: A1, the lead-judgment standard (G1's table by default).
        rerequest: A2, the re-request of a mismatched lead (a workflow table).
        sanctions: A3, A4, the escalation of misjudgments and violations.
        response: A5, the ten-minute response, business hours and the deduction.
        fines: A6, the per-occurrence fines.
        registration: A7, first registration, its 24 hours and de-duplication.
        window: A8, the six-month development window and its extensions.
        idle: A9, reclaim of a resource without a sales action.
        protection: A10, the two-month protection of a declared customer.
        pool: the public pool (公海) beyond the seed, off in the seed book.
        attribution: A11, A12, whose results a deal counts for; the reward rule.
        allocator: A13, the allocator's levels, priority, spread, rotation and quotas.
        handover: A14, a departing employee's customers and the contacts of important new
            customers.
        summary: A15, the weekly development summary.
        registers: A16, the real-estate sales-control registers (preset).
        samples: A17, who sends samples and materials, from what request.
    """

    version: str = attrs.field(default="seed")
    effective: dt.date | None = attrs.field(default=None)
    typing: TypingPolicy = _setting(
        default=TypingPolicy(), unit=_Unit.TABLE, source="A1; 001 §客户资源分配管理制度 3.1.1-4"
    )
    rerequest: ReRequestPolicy = _setting(
        default=ReRequestPolicy(), unit=_Unit.TABLE, source="A2; 001 §客户资源分配管理制度 3.1.1-4"
    )
    sanctions: SanctionsPolicy = _setting(
        default=SanctionsPolicy(), unit=_Unit.TABLE, source="A3, A4; 001 §3.1.1-4, §3.3.6"
    )
    response: ResponsePolicy = _setting(
        default=ResponsePolicy(), unit=_Unit.TABLE, source="A5; 001 §客户资源分配管理制度 3.6.7"
    )
    fines: FinesPolicy = _setting(
        default=FinesPolicy(), unit=_Unit.TABLE, source="A6; 001 §3.3.5, §3.6.7"
    )
    registration: RegistrationPolicy = _setting(
        default=RegistrationPolicy(), unit=_Unit.TABLE, source="A7; 001 §4.2.1, §4.3.1–4.3.3"
    )
    window: WindowPolicy = _setting(
        default=WindowPolicy(), unit=_Unit.TABLE, source="A8; 001 §4.4.3"
    )
    idle: IdlePolicy = _setting(
        default=IdlePolicy(), unit=_Unit.TABLE, source="A9; 001 §市场部客户资源管理制度 (2nd) 二.3"
    )
    protection: ProtectionPolicy = _setting(
        default=ProtectionPolicy(), unit=_Unit.TABLE, source="A10; 003 §大客户部管理制度 三.1"
    )
    pool: PoolPolicy = _setting(
        default=PoolPolicy(), unit=_Unit.TABLE, source="A9 beyond the seed: the public pool (公海)"
    )
    attribution: AttributionPolicy = _setting(
        default=AttributionPolicy(),
        unit=_Unit.TABLE,
        source="A11, A12; 001 §市场部客户资源管理制度 (2nd) 二.2, 二.4, 二.5;"
        " 003 §大客户部管理制度 三.2",
    )
    allocator: AllocatorPolicy = _setting(
        default=AllocatorPolicy(), unit=_Unit.TABLE, source="A13; 001 §客户资源分配管理制度 三.3"
    )
    handover: HandoverPolicy = _setting(
        default=HandoverPolicy(), unit=_Unit.TABLE, source="A14; 001 §客户资源管理制度 六、八"
    )
    summary: SummaryPolicy = _setting(
        default=SummaryPolicy(), unit=_Unit.TABLE, source="A15; 001 §4.4.1"
    )
    registers: RegistersPolicy = _setting(
        default=RegistersPolicy(), unit=_Unit.TABLE, source="A16; 001 §客户资源管理及服务规范 2"
    )
    samples: SamplesPolicy = _setting(
        default=SamplesPolicy(), unit=_Unit.TABLE, source="A17; 001 §4.4.2"
    )
