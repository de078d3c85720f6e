"""The service chapter's policy: every S parameter, defaulted to the seed."""

from __future__ import annotations

import datetime as dt

import attrs

from customer_rules._service.big_customers import BigCustomerPolicy
from customer_rules._service.care import CarePolicy
from customer_rules._service.churn import ChurnPolicy
from customer_rules._service.complaints import ComplaintPolicy
from customer_rules._service.development import DevelopmentPolicy
from customer_rules._service.expenses import ExpensePolicy
from customer_rules._service.reception import ReceptionPolicy
from customer_rules.settings import Unit, policy, setting

__all__ = ["ServicePolicy"]


@policy
class ServicePolicy:
    """Every parameter of the service chapter (S1–S7); ``ServicePolicy()`` is the seed as written.

    Attributes:
        version: the label of the policy book this policy belongs to; results record it (a
            :class:`~customer_rules.book.PolicyBook` stamps its own, as for grading).
        effective: the day the policy takes effect; ``None`` for any day. A rule refuses a day
            before it.
        reception: S1, visit reception.
        expenses: S2, reception expenses.
        complaints: S3, complaints and suggestions, the opinion survey.
        care: S4, the revisit and care calendar (revisits themselves are G4's).
        churn: S5, the churn warning.
        development: S6, customer development.
        big_customers: S7, big-customer commitments.
    """

    version: str = attrs.field(default="seed")
    effective: dt.date | None = attrs.field(default=None)
    reception: ReceptionPolicy = setting(
        default=ReceptionPolicy(), unit=Unit.TABLE, source="S1; 002 §客户参观接待方案"
    )
    expenses: ExpensePolicy = setting(
        default=ExpensePolicy(), unit=Unit.TABLE, source="S2; 002 §客户接待费用方案"
    )
    complaints: ComplaintPolicy = setting(
        default=ComplaintPolicy(), unit=Unit.TABLE, source="S3; 003 §6.3.2"
    )
    care: CarePolicy = setting(
        default=CarePolicy(), unit=Unit.TABLE, source="S4; 003 §6.1.2, §集团内部 第十一条"
    )
    churn: ChurnPolicy = setting(
        default=ChurnPolicy(), unit=Unit.TABLE, source="S5; 003 §事业公司客户管理制度模板 五"
    )
    development: DevelopmentPolicy = setting(
        default=DevelopmentPolicy(), unit=Unit.TABLE, source="S6; 002 §XX客户开发方案"
    )
    big_customers: BigCustomerPolicy = setting(
        default=BigCustomerPolicy(), unit=Unit.TABLE, source="S7; 003 §大客户综合管理制度"
    )
