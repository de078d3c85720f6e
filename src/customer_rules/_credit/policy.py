"""The credit chapter's policy: every C parameter, defaulted to the seed."""

from __future__ import annotations

import datetime as dt

import attrs

from customer_rules._credit.aging import AgingPolicy
from customer_rules._credit.collection import CollectionPolicy
from customer_rules._credit.emergency import EmergencyPolicy
from customer_rules._credit.exposure import OrderPolicy
from customer_rules._credit.review import ReviewPolicy
from customer_rules._credit.schedules import SchedulesPolicy, ScreeningPolicy
from customer_rules._credit.shipment import ShipmentPolicy
from customer_rules._credit.standard import CreditStandardPolicy
from customer_rules.settings import Unit, policy, setting

__all__ = ["CreditPolicy"]


@policy
class CreditPolicy:
    """Every parameter of the credit chapter (C1–C11); ``CreditPolicy()`` is the seed as written.

    Attributes:
        version: the label of the policy book this policy belongs to; results record it (a
            :class:`~customer_rules.book.PolicyBook` stamps its own, as for grading).
        effective: the day the policy takes effect; ``None`` for any day. A rule refuses a day
            before it.
        standard: C1 — the credit standard (minimum conditions, credit grades with limit, term
            and forms) and who adopts it.
        orders: C2 — the limit in force, exposure components, sub-limits, the past-due block and
            each check point's reaction.
        shipment: C3 — hold or release with a warning for a customer behind on payments.
        emergency: C6 — who is told at once when a customer refuses or may refuse payment.
        aging: C4 — the aging buckets and who owns collection when.
        collection: C5 — the collection ladder's steps and their days.
        review: C7 — the twice-yearly credit review (a workflow table) and its re-approval flag.
        schedules: C8, C10 — the monthly update, the year-end policy review and finance's
            survey in February and August.
        screening: C9 — risk screening (a workflow table) and the re-assessment cycles.
    """

    version: str = attrs.field(default="seed")
    effective: dt.date | None = attrs.field(default=None)
    standard: CreditStandardPolicy = setting(
        default=CreditStandardPolicy(), unit=Unit.TABLE, source="C1; 003 §6.2.4-3"
    )
    orders: OrderPolicy = setting(
        default=OrderPolicy(), unit=Unit.TABLE, source="C2; 003 §6.2.3-1(2), 6.2.4-4(1)"
    )
    shipment: ShipmentPolicy = setting(
        default=ShipmentPolicy(), unit=Unit.TABLE, source="C3; 003 §6.2.4-4(2)"
    )
    emergency: EmergencyPolicy = setting(
        default=EmergencyPolicy(), unit=Unit.TABLE, source="C6; 003 §6.1.1-5"
    )
    aging: AgingPolicy = setting(
        default=AgingPolicy(), unit=Unit.TABLE, source="C4; 003 §6.2.3, §6.2.4-4(1)"
    )
    collection: CollectionPolicy = setting(
        default=CollectionPolicy(), unit=Unit.TABLE, source="C5; 003 §6.2.4-7(1)"
    )
    review: ReviewPolicy = setting(
        default=ReviewPolicy(), unit=Unit.TABLE, source="C7; 003 §6.2.4-5(3), 6.2.3-2(2)"
    )
    schedules: SchedulesPolicy = setting(
        default=SchedulesPolicy(),
        unit=Unit.TABLE,
        source="C8, C10; 003 §6.2.4-5(1),(2); 000 第四条(二)",
    )
    screening: ScreeningPolicy = setting(
        default=ScreeningPolicy(),
        unit=Unit.TABLE,
        source="C9; 003 §客户制度管理办法 第十三条, §公司客户管理制度 (3rd) 第十一条",
    )
