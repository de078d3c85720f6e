"""C3 — the shipment check: release or hold a shipment from the customer's payment performance.

Source: seed 003 §6.2.4-4(2): "生产完成后,库管员填写《发货单》,经发货人确认后报业务部,业务统计查对
客户按合同规定的履约付款情况." After production the warehouse keeper writes the delivery note, the
shipper confirms it, it goes to the business department, and business statistics checks the
customer's contractual payment performance [seed]. A customer behind on its payments is held or
released with a warning — a policy choice, hold by default [default]. The overdue items are the
reasons.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._checks import checked_day
from customer_rules._credit.codes import CreditReason
from customer_rules._credit.model import Receivable, credit_policy, require_cny
from customer_rules._credit.standard import ApprovalFinding
from customer_rules._validation import non_empty_text
from customer_rules.errors import InputError
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, ApprovalStatus, Role, approval_status
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._credit.policy import CreditPolicy

__all__ = [
    "RELEASE_SHIPMENT",
    "OverdueItem",
    "Shipment",
    "ShipmentCheck",
    "ShipmentOutcome",
    "ShipmentPolicy",
    "ShipmentReaction",
    "check_shipment",
]

RELEASE_SHIPMENT = "C3.release"
"""The ``Approval.what`` of the release of a held shipment by exception, bound to the shipment."""

_C3 = "C3; 003 §6.2.4-4(2)"
_ZERO = Decimal(0)


class ShipmentOutcome(LabelledEnum):
    """C3: what happens to a shipment."""

    RELEASE = "release"
    """放行 — no overdue item."""
    WARN = "warn"
    """放行并提示 — overdue items, and the policy releases with a warning."""
    HOLD = "hold"
    """暂停发货 — overdue items, and the policy holds."""
    BY_EXCEPTION = "by_exception"
    """特批放行 — held, and released by a valid approval."""

    @property
    def released(self) -> bool:
        """Whether the goods may leave."""
        return self is not ShipmentOutcome.HOLD


class ShipmentReaction(LabelledEnum):
    """C3: what a shipment of a customer behind on its payments gets (the policy's choice)."""

    HOLD = "hold"
    """暂停发货 — held until paid or released by exception [default]."""
    WARN = "warn"
    """放行并提示 — released with a warning."""


set_labels(
    {
        ShipmentReaction.HOLD: ("暂停发货", "hold"),
        ShipmentReaction.WARN: ("放行并提示", "release with a warning"),
        ShipmentOutcome.RELEASE: ("放行", "released"),
        ShipmentOutcome.WARN: ("放行并提示", "released with a warning"),
        ShipmentOutcome.HOLD: ("暂停发货", "held"),
        ShipmentOutcome.BY_EXCEPTION: ("特批放行", "released by exception"),
    }
)


@policy
class ShipmentPolicy:
    """C3: the shipment check.

    Source: seed 003 §6.2.4-4(2); 6.2.3-6.

    Attributes:
        reaction: what a shipment of a customer behind on its payments gets — ``hold`` or
            ``warn`` (release with a warning) [default: hold]. The same reaction applies to C2's
            credit check at the shipment check point (:class:`ShipmentReaction`).
        grace_days: days after the due date before an unpaid receivable counts as overdue
            [default: 0 — overdue from the day after the due date].
        tolerance: an open amount at or below it is not an overdue item (a residue of cents)
            [default: 0].
        checker: who checks the payment performance (业务统计查对) [seed: business statistics].
        release_role: who ships once released (库管员…发货) [seed: the warehouse keeper].
        hold_role: who acts on a held shipment: the arrears are past the normal collection
            period, which the planning department pursues (企划部负责超出正常收帐期的拖欠货款追讨)
            [seed].
        release_roles: who may release a held shipment by exception [default: the general
            manager, who approves what goes beyond the credit range].

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    reaction: ShipmentReaction = setting(
        default=ShipmentReaction.HOLD, unit=Unit.CHOICE, source=_C3, mark=Mark.DEFAULT
    )
    grace_days: int = setting(default=0, unit=Unit.DAYS, source=_C3, mark=Mark.DEFAULT, high=3650)
    tolerance: Decimal = setting(default=_ZERO, unit=Unit.YUAN, source=_C3, mark=Mark.DEFAULT)
    checker: Role = setting(default=Role.BUSINESS_STATISTICS, unit=Unit.ROLE, source=_C3)
    release_role: Role = setting(default=Role.WAREHOUSE_KEEPER, unit=Unit.ROLE, source=_C3)
    hold_role: Role = setting(
        default=Role.PLANNING_DEPARTMENT, unit=Unit.ROLE, source="C3; 003 §6.2.3-6"
    )
    release_roles: frozenset[Role] = setting(
        default=frozenset({Role.GENERAL_MANAGER}),
        unit=Unit.ROLES,
        source=_C3,
        mark=Mark.DEFAULT,
        min_items=1,
    )


@attrs.frozen
class Shipment:
    """C3: a shipment awaiting the payment-performance check (its delivery note written by the
    warehouse keeper and confirmed by the shipper).

    Attributes:
        id: the delivery note's id.
        customer: the customer's id.
        order: the order it ships, if known.

    Raises:
        InputError: naming the field.
    """

    id: str = attrs.field(validator=non_empty_text)
    customer: str = attrs.field(validator=non_empty_text)
    order: str | None = attrs.field(default=None)

    @order.validator
    def _order(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InputError("order", value, "an order id or None")


@attrs.frozen
class OverdueItem:
    """C3: a receivable the customer is behind on.

    Attributes:
        id: the receivable's id.
        due: its due date.
        days: days past the due date on the day of the check.
        open_amount: what is still owed.
    """

    id: str
    due: dt.date
    days: int
    open_amount: Decimal


@attrs.frozen
class ShipmentCheck:
    """C3: the outcome of the shipment check.

    Attributes:
        shipment: the shipment.
        on: the day of the check.
        outcome: release, release with a warning, hold, released by exception.
        overdue: the overdue items, most days past due first.
        approval: the release approval given, if any.
        approval_status: what it is worth (``None`` when none was needed or given).
        next_role: C11 — the warehouse keeper ships a released shipment; the planning
            department pursues the arrears of a held one.
        policy_version: the version of the policy book that decided.
        policy_effective: the effective date of that book.
    """

    shipment: Shipment
    on: dt.date
    outcome: ShipmentOutcome
    overdue: tuple[OverdueItem, ...]
    approval: Approval | None
    approval_status: ApprovalStatus | None
    next_role: Role | None
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def overdue_amount(self) -> Decimal:
        """The total open amount of the overdue items."""
        return sum((i.open_amount for i in self.overdue), _ZERO)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C3: each overdue item, then the outcome."""
        reasons = [
            Reason.of(
                "C3",
                CreditReason.C3_OVERDUE,
                item=i.id,
                due=i.due,
                days=i.days,
                amount=i.open_amount,
            )
            for i in self.overdue
        ]
        s = self.shipment
        if self.outcome is ShipmentOutcome.RELEASE:
            reasons.append(
                Reason.of("C3", CreditReason.C3_RELEASE, shipment=s.id, next=self.next_role)
            )
        elif self.outcome is ShipmentOutcome.WARN:
            reasons.append(
                Reason.of(
                    "C3",
                    CreditReason.C3_WARN,
                    shipment=s.id,
                    amount=self.overdue_amount,
                    next=self.next_role,
                )
            )
        elif self.outcome is ShipmentOutcome.HOLD:
            held_by = self.approval
            if held_by is not None and self.approval_status is not None:
                reasons.append(
                    Reason.of(
                        "C3",
                        CreditReason.C3_APPROVAL_REFUSED,
                        who=held_by.who,
                        role=held_by.role,
                        finding=ApprovalFinding.of(self.approval_status),
                    )
                )
            reasons.append(
                Reason.of(
                    "C3",
                    CreditReason.C3_HOLD,
                    shipment=s.id,
                    amount=self.overdue_amount,
                    next=self.next_role,
                )
            )
        else:
            a = self.approval
            assert a is not None  # pragma: no mutate
            reasons.append(
                Reason.of(
                    "C3",
                    CreditReason.C3_BY_EXCEPTION,
                    shipment=s.id,
                    who=a.who,
                    role=a.role,
                    next=self.next_role,
                )
            )
        return tuple(reasons)


def check_shipment(
    shipment: Shipment,
    receivables: Sequence[Receivable],
    policy: CreditPolicy,
    *,
    on: dt.date,
    approval: Approval | None = None,
) -> ShipmentCheck:
    """C3: release or hold ``shipment`` from the customer's payment performance on ``on``.

    A receivable of the customer is overdue when its open amount (amount less paid) is above
    ``policy.shipment.tolerance`` and ``on`` is more than ``grace_days`` days after its due date.
    No overdue item: **release**. Overdue items: **hold** or **release with a warning**, as
    ``policy.shipment.reaction`` says; a held shipment is **released by exception** with an
    approval by ``release_roles`` for :data:`RELEASE_SHIPMENT`, bound to the shipment and holding
    on ``on`` (one that does not hold is reported, and the shipment stays held).

    Args:
        shipment: the shipment.
        receivables: the customer's receivables (others' are refused; so is another currency).
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day of the check.
        approval: a release approval, if given.

    Returns:
        The outcome, the overdue items (the reasons), ``next_role``.

    Raises:
        InputError: naming ``shipment``, ``receivables`` (``receivables[2].customer``,
            ``receivables[0].currency``), ``policy``, ``on`` or ``approval``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> late = Receivable("INV-7", "C007", "3万", dt.date(2026, 11, 15))
        >>> day = dt.date(2026, 11, 30)
        >>> c = check_shipment(Shipment("FH-1", "C007"), [late], CreditPolicy(), on=day)
        >>> c.outcome.value, [(i.id, i.days) for i in c.overdue], c.next_role.value
        ('hold', [('INV-7', 15)], 'planning_department')
    """
    if not isinstance(shipment, Shipment):
        raise InputError("shipment", shipment, "a Shipment")
    if isinstance(receivables, str | bytes) or not isinstance(receivables, Sequence):
        raise InputError("receivables", receivables, "a list of Receivable values")
    for i, r in enumerate(receivables):
        if not isinstance(r, Receivable):
            raise InputError(f"receivables[{i}]", r, "a Receivable")
        if r.customer != shipment.customer:
            raise InputError(f"receivables[{i}].customer", r.customer, repr(shipment.customer))
    require_cny(receivables, "receivables")
    credit = credit_policy(policy)
    day = checked_day(credit, on)
    if approval is not None and not isinstance(approval, Approval):
        raise InputError("approval", approval, "an Approval or None")
    p = credit.shipment
    overdue = sorted(
        (
            OverdueItem(r.id, r.due, (day - r.due).days, r.amount - r.paid)
            for r in receivables
            if (day - r.due).days > p.grace_days and r.amount - r.paid > p.tolerance
        ),
        key=lambda i: (-i.days, i.id),
    )
    status = None
    if not overdue:
        outcome, next_role = ShipmentOutcome.RELEASE, p.release_role
    elif p.reaction is ShipmentReaction.WARN:
        outcome, next_role = ShipmentOutcome.WARN, p.release_role
    elif approval is None:
        outcome, next_role = ShipmentOutcome.HOLD, p.hold_role
    else:
        status = approval_status(
            approval, p.release_roles, RELEASE_SHIPMENT, day, subject=shipment.id
        )
        if status is ApprovalStatus.GRANTED:
            outcome, next_role = ShipmentOutcome.BY_EXCEPTION, p.release_role
        else:
            outcome, next_role = ShipmentOutcome.HOLD, p.hold_role
    return ShipmentCheck(
        shipment,
        day,
        outcome,
        tuple(overdue),
        approval,
        status,
        next_role,
        credit.version,
        policy_effective=credit.effective,
    )
