"""C6 — the emergency report: a refusal or likely refusal of payment is escalated at once.

Source: seed 003 §6.1.1-2(2), 6.1.1-5: "当遇客户拒付、可能拒付货款,或其他紧急事件发生时,应以最快速
方式在最短时间内向主管上级报告" — orally or by phone, at once, to the direct superior [seed].

This is the same report as grading's G5 emergency report
(:func:`customer_rules.grading.emergency_report`): :func:`escalate_emergency` builds it with that
function — same recipient, same immediate due time, same G5 and C6 reasons — and adds what the
credit chapter knows: the customer, the kind of emergency, the amount at risk, and the roles told
besides the superior (the business department, which handles credit events, 负责信用管理中事件的
处理 [default]).
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._checks import checked_day
from customer_rules._credit.codes import CreditReason
from customer_rules._credit.model import credit_policy
from customer_rules._grading.reporting import EmergencyReport, emergency_report
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import require_aware
from customer_rules.errors import InputError
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.roles import Role, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._credit.policy import CreditPolicy

__all__ = [
    "EmergencyKind",
    "EmergencyPolicy",
    "Escalation",
    "PaymentEmergency",
    "escalate_emergency",
]

_C6 = "C6; 003 §6.1.1-2(2), 6.1.1-5"


class EmergencyKind(LabelledEnum):
    """C6: the emergencies the seed names."""

    REFUSED = "refused"
    """客户拒付 — the customer refuses payment."""
    LIKELY_REFUSAL = "likely_refusal"
    """可能拒付 — the customer may refuse payment."""
    OTHER = "other"
    """其他紧急事件 — another emergency."""


set_labels(
    {
        EmergencyKind.REFUSED: ("客户拒付货款", "refusal of payment"),
        EmergencyKind.LIKELY_REFUSAL: ("客户可能拒付货款", "likely refusal of payment"),
        EmergencyKind.OTHER: ("其他紧急事件", "another emergency"),
    }
)


@policy
class EmergencyPolicy:
    """C6: who is told of a payment emergency besides the direct superior.

    The recipient of the report itself, and its due time, are the seed's and G5's: the direct
    superior (主管上级), at once — they are not parameters.

    Attributes:
        notify: the roles told at the same time [default: the business department, which
            handles credit events (业务部负责信用管理中事件的处理, 003 §6.2.3-3)]; may be empty.

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    notify: frozenset[Role] = setting(
        default=frozenset({Role.BUSINESS_DEPARTMENT}),
        unit=Unit.ROLES,
        source="C6; 003 §6.2.3-3",
        mark=Mark.DEFAULT,
    )


def _optional_amount(value: object) -> Decimal | None:
    return None if value is None else parse_amount(value, "amount")


def _at(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    require_aware(value, "at")


@attrs.frozen
class PaymentEmergency:
    """C6: what happened.

    Attributes:
        customer: the customer's id.
        kind: a refusal, a likely refusal, or another emergency.
        at: when it became known (timezone-aware).
        amount: the amount refused or at risk, in yuan, if known.
        detail: what happened, in words, if given.

    Raises:
        InputError: naming the field (``at`` for a naive datetime).
    """

    customer: str = attrs.field(validator=non_empty_text)
    kind: EmergencyKind = attrs.field(validator=fact_check(EmergencyKind, "an EmergencyKind"))
    at: dt.datetime = attrs.field(validator=_at)
    amount: Decimal | None = attrs.field(default=None, converter=_optional_amount)
    detail: str | None = attrs.field(default=None)

    @detail.validator
    def _detail(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InputError("detail", value, "a text or None")


@attrs.frozen
class Escalation:
    """C6: the escalation of a payment emergency.

    Attributes:
        emergency: what happened.
        report: G5's emergency report — to the direct superior, due at once.
        notify: the roles told at the same time, in rank order.
        policy_version: the version of the policy book that decided.
        policy_effective: the effective date of that book.

    Derived: ``to`` (the recipient), ``due`` (at once), ``next_role``, ``reasons``.
    """

    emergency: PaymentEmergency
    report: EmergencyReport
    notify: tuple[Role, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def to(self) -> Role:
        """The recipient: the direct superior (G5's)."""
        return self.report.to

    @property
    def due(self) -> dt.datetime:
        """When the report is due: at once."""
        return self.report.due

    @functools.cached_property
    def next_role(self) -> Role | None:
        """C11: the recipient, who must act on the report now."""
        return self.report.to

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C6: what happened and who is told, then G5's report (G5 and C6)."""
        e = self.emergency
        if e.amount is None:
            head = Reason.of(
                "C6", CreditReason.C6_ESCALATE, customer=e.customer, kind=e.kind, to=self.to
            )
        else:
            head = Reason.of(
                "C6",
                CreditReason.C6_ESCALATE_AMOUNT,
                customer=e.customer,
                kind=e.kind,
                amount=e.amount,
                to=self.to,
            )
        told = (Reason.of("C6", CreditReason.C6_NOTIFY, notify=self.notify),) if self.notify else ()
        return (head, *told, *self.report.reasons)


def escalate_emergency(emergency: PaymentEmergency, policy: CreditPolicy) -> Escalation:
    """C6: escalate a refusal or likely refusal of payment (or another emergency) at once.

    The report is G5's emergency report (:func:`customer_rules.grading.emergency_report`): orally
    or by phone, to the direct superior, due the moment the emergency is known; the roles of
    ``policy.emergency.notify`` are told at the same time.

    Args:
        emergency: what happened, and when.
        policy: the credit policy (``CreditPolicy()`` is the seed); it must be in force on the
            day of ``emergency.at``.

    Returns:
        The escalation: ``to``, ``due``, ``notify``, ``next_role`` and the reasons.

    Raises:
        InputError: naming ``emergency`` or ``policy``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> from customer_rules.dates import SHANGHAI
        >>> at = dt.datetime(2026, 11, 30, 9, 30, tzinfo=SHANGHAI)
        >>> refused = PaymentEmergency("C007", EmergencyKind.REFUSED, at, "12万")
        >>> e = escalate_emergency(refused, CreditPolicy())
        >>> e.to, e.due == at, [r.value for r in e.notify]
        (<Role.SUPERVISOR: 'supervisor'>, True, ['business_department'])
    """
    if not isinstance(emergency, PaymentEmergency):
        raise InputError("emergency", emergency, "a PaymentEmergency")
    credit = credit_policy(policy)
    try:
        checked_day(credit, emergency.at.date())
    except InputError as exc:
        raise InputError("emergency.at", emergency.at, exc.expected) from None
    report = emergency_report(emergency.at)
    return Escalation(
        emergency,
        report,
        in_rank_order(credit.emergency.notify),
        credit.version,
        policy_effective=credit.effective,
    )
