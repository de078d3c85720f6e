"""A16 — the real-estate sales-control registers (a preset); A17 — samples and materials.

**A16** (seed 001 §客户资源管理及服务规范 2): a sales office keeps a set of registers, kept by
sales control (销控). The preset is the set itself (:class:`SalesRegister`) and two rules over
the host's records:

* :func:`mark_sold` — a unit is marked sold only after the customer pays the deposit *and*
  finance confirms it (待客户交定金并以财务确认后,在销售大厅的房源表处做出售出标志); the
  confirmation is an :class:`~customer_rules.roles.Approval` by finance, never a flag;
* :func:`sales_control_registers` — the registers on a day: the intent-customer register with
  one page per sales consultant (意向客户登记表, 每位置业顾问一个页面) and its counts by grade
  reported to sales control; the owners' list (业主登记一览表) of the units marked sold, updated
  by every exchange and refund; the exchange/refund list (客户换房、退房一览表); the periodic
  refund summary with its reasons (销售退房情况一览表, monthly [default]); the special-discount
  list (特殊优惠客户一览表); the daily sales report (销售日报表) and the daily visit and call
  statistics by source (销售日动态表) that feed the advertising review.

A company that sells no real estate does not use them; they decide nothing elsewhere.

**A17** (seed 001 §4.4.2): samples or company materials for a prospect are sent only by sales
admin, from the salesperson's written request with the customer's particulars; a salesperson
may not send them privately. :func:`check_sample` decides one dispatch.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._allocation.checks import allocation_policy, day_in_force, items_of
from customer_rules._allocation.codes import AllocationReason
from customer_rules._grading.checks import calendar_arg
from customer_rules._validation import IS_BOOL, fact_check, non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar
from customer_rules.dates import EARLIEST, require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import Label, LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.recurrence import Recurrence, RecurrenceBasis
from customer_rules.roles import Approval, ApprovalStatus, Role, approval_status
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._allocation.policy import AllocationPolicy

__all__ = [
    "DEPOSIT_CONFIRMATION",
    "Deposit",
    "Enquiry",
    "EnquiryKind",
    "IntentCustomer",
    "IntentPage",
    "OwnerConflict",
    "OwnerEntry",
    "OwnerEvent",
    "RefundSummary",
    "RegistersPolicy",
    "SaleMark",
    "SalesControlRegisters",
    "SalesRegister",
    "SampleCheck",
    "SampleDispatch",
    "SampleOutcome",
    "SampleRequest",
    "SamplesPolicy",
    "SpecialDiscount",
    "Tally",
    "UnitChange",
    "UnitChangeKind",
    "check_sample",
    "mark_sold",
    "sales_control_registers",
]

_A16 = "A16; 001 §客户资源管理及服务规范 2"
_A17 = "A17; 001 §4.4.2"
_R = AllocationReason

_ONE_DAY = dt.timedelta(days=1)
_YEAR = dt.timedelta(days=366)

DEPOSIT_CONFIRMATION = "A16.deposit"
"""The ``what`` of finance's confirmation of a deposit (:class:`Deposit.confirmation`)."""


class SalesRegister(LabelledEnum):
    """The registers of the real-estate sales-control preset (A16), with the seed's names."""

    UNITS = "units"
    """房源表 — the units for sale, where a sold unit is marked."""
    INTENT = "intent"
    """意向客户登记表 — intent customers, one page per sales consultant."""
    OWNERS = "owners"
    """业主登记一览表 — the owners: customers whose deposit finance confirmed."""
    CHANGES = "changes"
    """客户换房、退房一览表 — exchanges and refunds."""
    REFUNDS = "refunds"
    """销售退房情况一览表 — the periodic refund summary, with reasons."""
    DISCOUNTS = "discounts"
    """特殊优惠客户一览表 — customers with a special discount."""
    DAILY_SALES = "daily_sales"
    """销售日报表 — the day's sales."""
    DAILY_DYNAMICS = "daily_dynamics"
    """销售日动态表 — the day's visits and calls, for the advertising review."""


class UnitChangeKind(LabelledEnum):
    """An owner's change of unit (A16)."""

    EXCHANGE = "exchange"
    """换房 — to another unit."""
    REFUND = "refund"
    """退房 — the purchase is undone."""


class OwnerEvent(LabelledEnum):
    """What would change the owners' list (A16): a sale (a deposit marked sold), an exchange
    or a refund."""

    SALE = "sale"
    """售出 — the deposit confirmed."""
    EXCHANGE = "exchange"
    """换房 — to another unit."""
    REFUND = "refund"
    """退房 — the purchase is undone."""


class EnquiryKind(LabelledEnum):
    """How a prospect came in on a day (来访来电, A16)."""

    VISIT = "visit"
    """来访."""
    CALL = "call"
    """来电."""


class SampleOutcome(LabelledEnum):
    """A17: what a check of a sample or material dispatch found, checked in this order."""

    PRIVATE = "private"
    """Sent by someone who may not send (禁止销售人员私自寄样品或公司资料)."""
    NO_REQUEST = "no_request"
    """No request from a salesperson."""
    NOT_WRITTEN = "not_written"
    """The request was not in writing (书面提交)."""
    NO_DETAILS = "no_details"
    """The request did not give the customer's particulars (客户的具体信息)."""
    OTHER_CUSTOMER = "other_customer"
    """The request was for another customer."""
    BEFORE_REQUEST = "before_request"
    """Sent before the request was made."""
    WRONG_REQUESTER = "wrong_requester"
    """The request was not made by a role that may request."""
    ALLOWED = "allowed"
    """Sent by sales admin from a written request — as the rule wants."""


set_labels(
    {
        SalesRegister.UNITS: ("房源表", "units for sale"),
        SalesRegister.INTENT: ("意向客户登记表", "intent-customer register"),
        SalesRegister.OWNERS: ("业主登记一览表", "owners' list"),
        SalesRegister.CHANGES: ("客户换房、退房一览表", "exchange and refund list"),
        SalesRegister.REFUNDS: ("销售退房情况一览表", "refund summary"),
        SalesRegister.DISCOUNTS: ("特殊优惠客户一览表", "special-discount list"),
        SalesRegister.DAILY_SALES: ("销售日报表", "daily sales report"),
        SalesRegister.DAILY_DYNAMICS: ("销售日动态表", "daily visits and calls"),
        UnitChangeKind.EXCHANGE: ("换房", "exchange"),
        UnitChangeKind.REFUND: ("退房", "refund"),
        OwnerEvent.SALE: ("售出", "sale"),
        OwnerEvent.EXCHANGE: ("换房", "exchange"),
        OwnerEvent.REFUND: ("退房", "refund"),
        EnquiryKind.VISIT: ("来访", "visit"),
        EnquiryKind.CALL: ("来电", "call"),
        SampleOutcome.PRIVATE: ("私自寄送", "sent privately"),
        SampleOutcome.NO_REQUEST: ("无申请", "no request"),
        SampleOutcome.NOT_WRITTEN: ("非书面申请", "request not in writing"),
        SampleOutcome.NO_DETAILS: ("未附客户具体信息", "no customer particulars"),
        SampleOutcome.OTHER_CUSTOMER: ("申请的是其他客户", "request for another customer"),
        SampleOutcome.BEFORE_REQUEST: ("先寄后申请", "sent before the request"),
        SampleOutcome.WRONG_REQUESTER: ("申请人不符", "request by a role that may not request"),
        SampleOutcome.ALLOWED: ("按规定寄送", "sent as the rule wants"),
    }
)


# --------------------------------------------------------------------------- policies


@policy
class RegistersPolicy:
    """A16: the real-estate sales-control registers (preset).

    Attributes:
        keeper: who keeps the registers and marks units sold [seed: sales control, 销控].
        confirmers: who confirm a deposit before a unit is marked sold [seed: finance, 以财务
            确认].
        refund_summary: when the refund summary is drawn up ("定期") [default: at the end of
            each month; the summary covers the month].

    Raises:
        PolicyError: listing every invalid field with its path (``refund_summary.months[0]``).
    """

    keeper: Role = setting(default=Role.SALES_CONTROL, unit=Unit.ROLE, source=_A16)
    confirmers: frozenset[Role] = setting(
        default=frozenset({Role.FINANCE}), unit=Unit.ROLES, source=_A16, min_items=1
    )
    refund_summary: Recurrence = setting(
        default=Recurrence.monthly(), unit=Unit.TABLE, source=_A16, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        """The refund summary falls on fixed days: the registers keep no "last summary" for a
        recurrence counted from the last one."""
        if self.refund_summary.basis is not RecurrenceBasis.CALENDAR:
            yield Problem.mismatch(
                "refund_summary.basis",
                self.refund_summary.basis.value,
                "calendar (fixed days: the registers keep no last summary to count from)",
            )


@policy
class SamplesPolicy:
    """A17: who may send samples and company materials, and from what request.

    Attributes:
        senders: who may send them [seed: sales admin, 销售内勤统一寄出].
        requesters: who requests them [seed: the salesperson, 销售人员].
        details_required: the request gives the customer's particulars [seed: 把客户的具体信息
            书面提交].

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    senders: frozenset[Role] = setting(
        default=frozenset({Role.SALES_ADMIN}), unit=Unit.ROLES, source=_A17, min_items=1
    )
    requesters: frozenset[Role] = setting(
        default=frozenset({Role.SALESPERSON}), unit=Unit.ROLES, source=_A17, min_items=1
    )
    details_required: bool = setting(default=True, unit=Unit.FLAG, source=_A17)


# --------------------------------------------------------------------------- A16 facts

_IS_TEXT = fact_check(str, "a text (may be empty)")
_IS_DAY = fact_check(dt.date, "a datetime.date")
_IS_OPTIONAL_DAY = fact_check(dt.date, "a datetime.date or None", optional=True)
_IS_OPTIONAL_APPROVAL = fact_check(Approval, "an Approval or None", optional=True)
_IS_OPTIONAL_TEXT = fact_check(str, "a text or None", optional=True)
_IS_CHANGE = fact_check(UnitChangeKind, "a UnitChangeKind (exchange, refund)")
_IS_ENQUIRY = fact_check(EnquiryKind, "an EnquiryKind (visit, call)")
_IS_ROLE = fact_check(Role, "a Role")


def _in_range(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        require_date(value, attribute.name)


def _to_amount(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "amount")


@attrs.frozen
class IntentCustomer:
    """A16: one intent customer as a sales consultant (置业顾问) records it.

    Attributes:
        customer: the customer's id.
        consultant: the id of the sales consultant who received them.
        grade: the customer's grade (客户等级), as the office grades intent customers.
        recorded_on: the day recorded.
        name: the customer's name.
        unit: the unit of interest, if any.
    """

    customer: str = attrs.field(validator=non_empty_text)
    consultant: str = attrs.field(validator=non_empty_text)
    grade: str = attrs.field(validator=non_empty_text)
    recorded_on: dt.date = attrs.field(validator=[_IS_DAY, _in_range])
    name: str = attrs.field(default="", validator=_IS_TEXT)
    unit: str = attrs.field(default="", validator=_IS_TEXT)


@attrs.frozen
class Deposit:
    """A16: a customer's deposit on a unit (定金).

    Attributes:
        unit: the unit's id (房位).
        customer: the customer's id.
        amount: the deposit, in yuan.
        paid_on: the day it was paid; ``None`` while unpaid.
        confirmation: finance's confirmation: an :class:`~customer_rules.roles.Approval` for
            :data:`DEPOSIT_CONFIRMATION` (bound to the unit, or to none); ``None`` while
            unconfirmed.
    """

    unit: str = attrs.field(validator=non_empty_text)
    customer: str = attrs.field(validator=non_empty_text)
    amount: Decimal = attrs.field(converter=_to_amount)
    paid_on: dt.date | None = attrs.field(default=None, validator=[_IS_OPTIONAL_DAY, _in_range])
    confirmation: Approval | None = attrs.field(default=None, validator=_IS_OPTIONAL_APPROVAL)


@attrs.frozen
class UnitChange:
    """A16: an owner's exchange (换房) or refund (退房).

    Attributes:
        customer: the owner's id.
        unit: the unit they held.
        kind: exchange or refund.
        on: the day of the change.
        reason: why (the refund summary groups refunds by it).
        new_unit: for an exchange, the unit they move to.

    Raises:
        InputError: naming the field: an exchange without ``new_unit``, a refund with one.
    """

    customer: str = attrs.field(validator=non_empty_text)
    unit: str = attrs.field(validator=non_empty_text)
    kind: UnitChangeKind = attrs.field(validator=_IS_CHANGE)
    on: dt.date = attrs.field(validator=[_IS_DAY, _in_range])
    reason: str = attrs.field(default="", validator=_IS_TEXT)
    new_unit: str | None = attrs.field(default=None, validator=_IS_OPTIONAL_TEXT)

    def __attrs_post_init__(self) -> None:
        blank = self.new_unit is None or not self.new_unit.strip()
        if self.kind is UnitChangeKind.EXCHANGE and blank:
            raise InputError("new_unit", self.new_unit, "the unit an exchange moves to")
        if self.kind is UnitChangeKind.REFUND and self.new_unit is not None:
            raise InputError("new_unit", self.new_unit, "None for a refund")


@attrs.frozen
class SpecialDiscount:
    """A16: a customer given a special discount (特殊优惠).

    Attributes:
        customer: the customer's id.
        unit: the unit.
        terms: what the discount is.
        on: the day granted.
        approval: the sign-off of the discount, if the office records one.
    """

    customer: str = attrs.field(validator=non_empty_text)
    unit: str = attrs.field(validator=non_empty_text)
    terms: str = attrs.field(validator=non_empty_text)
    on: dt.date = attrs.field(validator=[_IS_DAY, _in_range])
    approval: Approval | None = attrs.field(default=None, validator=_IS_OPTIONAL_APPROVAL)


@attrs.frozen
class Enquiry:
    """A16: one visit or call (来访来电).

    Attributes:
        on: the day.
        kind: visit or call.
        source: how the prospect learned of the project (了解产品渠道: a newspaper, a
            website…); "" when unknown.
        consultant: the consultant who received it, if any.
    """

    on: dt.date = attrs.field(validator=[_IS_DAY, _in_range])
    kind: EnquiryKind = attrs.field(validator=_IS_ENQUIRY)
    source: str = attrs.field(default="", validator=_IS_TEXT)
    consultant: str = attrs.field(default="", validator=_IS_TEXT)


# --------------------------------------------------------------------------- A16 rules


@attrs.frozen
class SaleMark:
    """A16: whether a unit may be marked sold on a day.

    Attributes:
        deposit: the deposit looked at.
        on: the day asked about.
        sold: whether the unit is marked sold: the deposit paid by ``on`` and confirmed by
            finance on or before ``on``.
        confirmation: the diagnosis of finance's confirmation
            (:class:`~customer_rules.roles.ApprovalStatus`).
        keeper: who marks it and tells the sales staff (sales control [seed]).
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    deposit: Deposit
    on: dt.date
    sold: bool
    confirmation: ApprovalStatus
    keeper: Role
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One A16 reason: sold, unpaid, or unconfirmed (with the confirmation's diagnosis)."""
        d = self.deposit
        confirmation = d.confirmation
        if self.sold and confirmation is not None:
            return (
                Reason.of(
                    "A16",
                    _R.A16_SOLD,
                    unit=d.unit,
                    customer=d.customer,
                    amount=d.amount,
                    paid_on=d.paid_on,
                    confirmed_by=confirmation.who,
                    keeper=self.keeper,
                ),
            )
        if d.paid_on is None or d.paid_on > self.on:
            return (Reason.of("A16", _R.A16_UNPAID, unit=d.unit, customer=d.customer),)
        return (
            Reason.of(
                "A16",
                _R.A16_UNCONFIRMED,
                unit=d.unit,
                customer=d.customer,
                status=_STATUS_TEXT[self.confirmation],
            ),
        )


_STATUS_TEXT = {
    ApprovalStatus.MISSING: Label("无财务确认", "no confirmation"),
    ApprovalStatus.WRONG_ROLE: Label("确认人不是财务", "confirmed by someone not in finance"),
    ApprovalStatus.WRONG_SUBJECT: Label(
        "确认的不是定金", "the sign-off is not a deposit confirmation"
    ),
    ApprovalStatus.OTHER_SUBJECT: Label("确认的是其他房位", "confirmed for another unit"),
    ApprovalStatus.OVER_AMOUNT: Label("超出确认金额", "over the amount confirmed"),
    ApprovalStatus.OTHER_PURPOSE: Label("确认用途不符", "confirmed for another purpose"),
    ApprovalStatus.NOT_IN_FORCE: Label(
        "确认尚未签署或已失效", "confirmation not signed yet or expired"
    ),
    ApprovalStatus.GRANTED: Label("已确认", "confirmed"),
}
"""How the reasons name the diagnosis of finance's confirmation."""


def mark_sold(deposit: Deposit, policy: AllocationPolicy, *, on: dt.date) -> SaleMark:
    """A16: whether a unit may be marked sold on ``on``.

    "待客户交定金并以财务确认后,在销售大厅的房源表处做出出售出标志,及时通知销售人员房位认购情况"
    [seed]: the deposit paid by ``on`` and finance's confirmation — an
    :class:`~customer_rules.roles.Approval` for :data:`DEPOSIT_CONFIRMATION` by one of
    ``policy.registers.confirmers``, bound to the unit or to none, in force on ``on``.

    Args:
        deposit: the deposit.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        on: the day asked about.

    Returns:
        The :class:`SaleMark`.

    Raises:
        InputError: naming ``deposit``, ``policy`` or ``on``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.roles import Approval, Role
        >>> day = dt.date(2026, 11, 30)
        >>> ok = Approval("钱会计", Role.FINANCE, DEPOSIT_CONFIRMATION, day)
        >>> mark_sold(Deposit("3-1201", "K1", "5万", day, ok), AllocationPolicy(), on=day).sold
        True
        >>> mark_sold(Deposit("3-1202", "K2", "5万", day), AllocationPolicy(), on=day).sold
        False
    """
    if not isinstance(deposit, Deposit):
        raise InputError("deposit", deposit, "a Deposit")
    checked = allocation_policy(policy)
    day = require_date(on, "on")
    day_in_force(checked, day)
    return _mark(deposit, checked, day)


def _mark(deposit: Deposit, policy: AllocationPolicy, day: dt.date) -> SaleMark:
    p = policy.registers
    status = approval_status(
        deposit.confirmation, p.confirmers, DEPOSIT_CONFIRMATION, day, subject=deposit.unit
    )
    paid = deposit.paid_on is not None and deposit.paid_on <= day
    return SaleMark(
        deposit,
        day,
        paid and status is ApprovalStatus.GRANTED,
        status,
        p.keeper,
        policy.version,
        policy_effective=policy.effective,
    )


@attrs.frozen
class OwnerEntry:
    """A16: one line of the owners' list (业主登记一览表).

    Attributes:
        customer: the owner's id.
        unit: the unit they hold now.
        since: the day they came to hold it (the deposit confirmed, or the exchange).
    """

    customer: str
    unit: str
    since: dt.date


@attrs.frozen
class OwnerConflict:
    """A16: a sale, exchange or refund the owners' list cannot take — a unit sold or exchanged
    into while another customer holds it, or a change by a customer who does not hold the
    unit. It is not applied (whoever held the unit keeps it) and sales control checks it.

    Attributes:
        event: the sale, exchange or refund.
        customer: the customer it is for.
        unit: the unit in conflict (for an exchange into a held unit, the new unit).
        on: its day.
        taken: ``True`` when ``unit`` is held already (a sale of it, or an exchange into it);
            ``False`` when ``customer`` does not hold the unit they exchange or refund.
        holder: the owners' list line holding ``unit`` then; ``None`` when nobody holds it.
        keeper: who checks it (sales control [seed]).
    """

    event: OwnerEvent
    customer: str
    unit: str
    on: dt.date
    taken: bool
    holder: OwnerEntry | None
    keeper: Role

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """A16: the unit held already, or the change by a customer who does not hold it — not
        applied, for sales control to check."""
        h = self.holder
        if not self.taken or h is None:
            return (
                Reason.of(
                    "A16",
                    _R.A16_NOT_HOLDER,
                    unit=self.unit,
                    customer=self.customer,
                    event=self.event,
                    on=self.on,
                    holder=None if h is None else h.customer,
                    keeper=self.keeper,
                ),
            )
        return (
            Reason.of(
                "A16",
                _R.A16_HELD,
                unit=self.unit,
                customer=self.customer,
                event=self.event,
                on=self.on,
                holder=h.customer,
                since=h.since,
                keeper=self.keeper,
            ),
        )


@attrs.frozen
class Tally:
    """A16: one line of a count: a grade, a refund reason or a source, and how many.

    Attributes:
        key: what is counted; ``None`` for records that leave it blank.
        count: how many.
    """

    key: str | None
    count: int


@attrs.frozen
class IntentPage:
    """A16: one consultant's page of the intent-customer register (每位置业顾问一个页面).

    Attributes:
        consultant: the consultant's id.
        entries: their intent customers, by day then customer.
    """

    consultant: str
    entries: tuple[IntentCustomer, ...]


@attrs.frozen
class RefundSummary:
    """A16: the refund summary (销售退房情况一览表) of one period.

    Attributes:
        start: the first day of the period.
        end: the last day (the summary's day under the policy's recurrence).
        due: the day the summary is due: the recurrence's deadline from ``end`` (``end`` itself
            by default).
        refunds: the refunds of the period, by day.
        by_reason: each reason with its number of refunds, most first, then by reason (a
            blank reason is ``None``, last among equals).
    """

    start: dt.date
    end: dt.date
    due: dt.date
    refunds: tuple[UnitChange, ...]
    by_reason: tuple[Tally, ...]


@attrs.frozen
class SalesControlRegisters:
    """A16: the sales-control registers on a day.

    Attributes:
        on: the day.
        keeper: who keeps them (sales control [seed]).
        intent: the intent-customer register, one page per consultant, by consultant id.
        intent_by_grade: intent customers per grade, by grade, as reported to sales control.
        owners: the owners' list after every exchange and refund up to ``on``, by unit.
        unconfirmed: the deposits not (yet) marked sold on ``on``, each with why.
        changes: the exchange/refund list up to ``on``, by day.
        refunds: the refund summary of the period that contains ``on``.
        discounts: the special-discount list up to ``on``, by day.
        sold_today: the units marked sold on ``on`` (their confirmation signed that day) — the
            daily sales report.
        visits: the visits of ``on``.
        calls: the calls of ``on``.
        by_source: the day's visits and calls per source, most first — for the advertising
            review.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
        conflicts: the sales, exchanges and refunds the owners' list could not take, in the
            order they were applied — a unit sold twice, an exchange into a held unit, a change
            by a customer who does not hold the unit — left out of ``owners`` for sales
            control to check.
    """

    on: dt.date
    keeper: Role
    intent: tuple[IntentPage, ...]
    intent_by_grade: tuple[Tally, ...]
    owners: tuple[OwnerEntry, ...]
    unconfirmed: tuple[SaleMark, ...]
    changes: tuple[UnitChange, ...]
    refunds: RefundSummary
    discounts: tuple[SpecialDiscount, ...]
    sold_today: tuple[str, ...]
    visits: int
    calls: int
    by_source: tuple[Tally, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    conflicts: tuple[OwnerConflict, ...] = attrs.field(default=(), kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The A16 day's figures, then the refund summary, then why each unconfirmed deposit
        is not marked sold, then each sale, exchange or refund the owners' list could not
        take."""
        day = Reason.of(
            "A16",
            _R.A16_REGISTERS,
            on=self.on,
            keeper=self.keeper,
            intents=sum(len(page.entries) for page in self.intent),
            owners=len(self.owners),
            sold=len(self.sold_today),
            visits=self.visits,
            calls=self.calls,
        )
        refunds = Reason.of(
            "A16",
            _R.A16_REFUNDS,
            start=self.refunds.start,
            end=self.refunds.end,
            due=self.refunds.due,
            count=len(self.refunds.refunds),
            reasons=tuple(f"{t.key or '—'} {t.count}" for t in self.refunds.by_reason),
        )
        return (
            day,
            refunds,
            *(r for mark in self.unconfirmed for r in mark.reasons),
            *(r for conflict in self.conflicts for r in conflict.reasons),
        )


def sales_control_registers(
    intents: Iterable[IntentCustomer],
    deposits: Iterable[Deposit],
    changes: Iterable[UnitChange],
    discounts: Iterable[SpecialDiscount],
    enquiries: Iterable[Enquiry],
    policy: AllocationPolicy,
    *,
    on: dt.date,
    calendar: Calendar = CALENDAR_DAYS,
) -> SalesControlRegisters:
    """A16: the sales-control registers on ``on`` from the office's records.

    Records dated after ``on`` are left out. A unit enters the owners' list when
    :func:`mark_sold` marks it (on the day finance's confirmation is signed, or the day the
    deposit is paid if later); an exchange moves the owner to the new unit, a refund takes
    them off — each applied in date order and only to an owner of that unit. The refund
    summary covers the period of ``policy.registers.refund_summary`` that contains ``on``
    (the calendar month [default]).

    Args:
        intents: the intent customers recorded.
        deposits: the deposits.
        changes: the exchanges and refunds.
        discounts: the special discounts.
        enquiries: the visits and calls.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        on: the day of the registers.
        calendar: the calendar the refund summary's deadline counts with.

    Returns:
        The :class:`SalesControlRegisters`.

    Raises:
        InputError: naming the argument or item (``deposits[2]``), ``on`` or ``calendar``.
        CalendarCoverageError: for a working-day deadline outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.roles import Approval, Role
        >>> day = dt.date(2026, 11, 30)
        >>> ok = Approval("钱会计", Role.FINANCE, DEPOSIT_CONFIRMATION, dt.date(2026, 11, 2))
        >>> deposits = [Deposit("3-1201", "K1", "5万", dt.date(2026, 11, 1), ok)]
        >>> refund = UnitChange("K1", "3-1201", UnitChangeKind.REFUND, dt.date(2026, 11, 20),
        ...                     "贷款未获批")
        >>> r = sales_control_registers([], deposits, [refund], [], [], AllocationPolicy(), on=day)
        >>> r.owners, r.refunds.by_reason
        ((), (Tally(key='贷款未获批', count=1),))
    """
    checked = allocation_policy(policy)
    day = require_date(on, "on")
    day_in_force(checked, day)
    calendar_arg(calendar)
    intent_list: list[IntentCustomer] = items_of(
        intents, "intents", IntentCustomer, "IntentCustomer values"
    )
    deposit_list: list[Deposit] = items_of(deposits, "deposits", Deposit, "Deposit values")
    change_list: list[UnitChange] = items_of(changes, "changes", UnitChange, "UnitChange values")
    discount_list: list[SpecialDiscount] = items_of(
        discounts, "discounts", SpecialDiscount, "SpecialDiscount values"
    )
    enquiry_list: list[Enquiry] = items_of(enquiries, "enquiries", Enquiry, "Enquiry values")
    p = checked.registers

    pages: dict[str, list[IntentCustomer]] = {}
    grades: dict[str, int] = {}
    for entry in intent_list:
        if entry.recorded_on <= day:
            pages.setdefault(entry.consultant, []).append(entry)
            grades[entry.grade] = grades.get(entry.grade, 0) + 1
    intent = tuple(
        IntentPage(
            consultant, tuple(sorted(found, key=operator.attrgetter("recorded_on", "customer")))
        )
        for consultant, found in sorted(pages.items())
    )

    marks = [_mark(d, checked, day) for d in deposit_list]
    events: list[tuple[dt.date, int, str, str, str | None]] = []  # day, order, customer, unit, to
    unconfirmed = []
    sold_today = []
    for mark in marks:
        d = mark.deposit
        if not mark.sold or d.confirmation is None or d.paid_on is None:
            unconfirmed.append(mark)
            continue
        since = max(d.paid_on, d.confirmation.on)
        if since == day:
            sold_today.append(d.unit)
        events.append((since, 0, d.customer, d.unit, d.unit))
    past_changes = sorted(
        (c for c in change_list if c.on <= day), key=operator.attrgetter("on", "customer", "unit")
    )
    for change in past_changes:
        events.append((change.on, 1, change.customer, change.unit, change.new_unit))
    events.sort(key=lambda e: (e[0], e[1]))
    owners: dict[str, OwnerEntry] = {}
    conflicts: list[OwnerConflict] = []
    keeper = p.keeper
    for when, order, customer, unit, target in events:
        held = owners.get(unit)
        if order == 0:
            if held is None:
                owners[unit] = OwnerEntry(customer, unit, when)
            else:  # sold twice: the first holder keeps it
                conflicts.append(
                    OwnerConflict(OwnerEvent.SALE, customer, unit, when, True, held, keeper)
                )
            continue
        event = OwnerEvent.REFUND if target is None else OwnerEvent.EXCHANGE
        if held is None or held.customer != customer:
            conflicts.append(OwnerConflict(event, customer, unit, when, False, held, keeper))
            continue
        if target is not None:
            taken = owners.get(target)
            if taken is not None:  # exchanged into a held unit: the customer keeps theirs
                conflicts.append(OwnerConflict(event, customer, target, when, True, taken, keeper))
                continue
            owners[target] = OwnerEntry(customer, target, when)
        del owners[unit]

    start, end = _summary_period(p.refund_summary, day)
    refunds = tuple(
        c for c in past_changes if c.kind is UnitChangeKind.REFUND and start <= c.on <= end
    )
    reasons: dict[str, int] = {}
    for refund in refunds:
        reasons[refund.reason] = reasons.get(refund.reason, 0) + 1
    today = [e for e in enquiry_list if e.on == day]
    sources: dict[str, int] = {}
    for enquiry in today:
        sources[enquiry.source] = sources.get(enquiry.source, 0) + 1
    return SalesControlRegisters(
        day,
        p.keeper,
        intent,
        tuple(Tally(grade, n) for grade, n in sorted(grades.items())),
        tuple(sorted(owners.values(), key=operator.attrgetter("unit"))),
        tuple(unconfirmed),
        tuple(past_changes),
        RefundSummary(
            start, end, p.refund_summary.due(end, calendar), refunds, _most_first(reasons)
        ),
        tuple(
            sorted(
                (d for d in discount_list if d.on <= day),
                key=operator.attrgetter("on", "customer", "unit"),
            )
        ),
        tuple(sorted(sold_today)),
        sum(1 for e in today if e.kind is EnquiryKind.VISIT),
        sum(1 for e in today if e.kind is EnquiryKind.CALL),
        _most_first(sources),
        checked.version,
        policy_effective=checked.effective,
        conflicts=tuple(conflicts),
    )


def _most_first(counts: dict[str, int]) -> tuple[Tally, ...]:
    """Each key with its count, most first, then by key; a blank key is ``None``, last."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], not item[0].strip(), item[0]))
    return tuple(Tally(key if key.strip() else None, n) for key, n in ordered)


def _summary_period(recurrence: Recurrence, day: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the summary that covers ``day``: from the day after the previous
    occurrence to the first occurrence on or after ``day`` (a calendar recurrence: the policy
    refuses one counted from the last)."""
    end = recurrence.first_on_or_after(day)
    before = recurrence.first_on_or_after(max(EARLIEST, end - _YEAR))
    previous = None
    while before < end:
        previous = before
        before = recurrence.first_on_or_after(before + _ONE_DAY)
    return (previous + _ONE_DAY if previous is not None else EARLIEST), end


# --------------------------------------------------------------------------- A17


@attrs.frozen
class SampleRequest:
    """A17: a request to send samples or company materials to a prospect.

    Attributes:
        customer: the customer's id.
        requester: who asked (a salesperson's id).
        on: the day of the request.
        written: whether it was handed in writing (书面提交).
        details: the customer's particulars given with it (客户的具体信息); "" when none.
        role: the requester's role (a salesperson [default]).
    """

    customer: str = attrs.field(validator=non_empty_text)
    requester: str = attrs.field(validator=non_empty_text)
    on: dt.date = attrs.field(validator=[_IS_DAY, _in_range])
    written: bool = attrs.field(default=True, validator=IS_BOOL)
    details: str = attrs.field(default="", validator=_IS_TEXT)
    role: Role = attrs.field(default=Role.SALESPERSON, validator=_IS_ROLE)


_IS_OPTIONAL_REQUEST = fact_check(SampleRequest, "a SampleRequest or None", optional=True)


@attrs.frozen
class SampleDispatch:
    """A17: samples or company materials sent (or about to be sent) to a prospect.

    Attributes:
        customer: the customer's id.
        sender: who sends them (a person's id).
        sender_role: the sender's role.
        on: the day sent.
        request: the request it answers; ``None`` for none.
        what: what is sent (样品, 公司资料…).
    """

    customer: str = attrs.field(validator=non_empty_text)
    sender: str = attrs.field(validator=non_empty_text)
    sender_role: Role = attrs.field(validator=_IS_ROLE)
    on: dt.date = attrs.field(validator=[_IS_DAY, _in_range])
    request: SampleRequest | None = attrs.field(default=None, validator=_IS_OPTIONAL_REQUEST)
    what: str = attrs.field(default="", validator=_IS_TEXT)


@attrs.frozen
class SampleCheck:
    """A17: a dispatch of samples or materials checked.

    Attributes:
        dispatch: the dispatch.
        outcome: allowed, or the first thing wrong (in the order of :class:`SampleOutcome`).
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    dispatch: SampleDispatch
    outcome: SampleOutcome
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def allowed(self) -> bool:
        """Whether the dispatch is as the rule wants."""
        return self.outcome is SampleOutcome.ALLOWED

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One A17 reason for the outcome."""
        d = self.dispatch
        return (
            Reason.of(
                "A17",
                _SAMPLE_CODES[self.outcome],
                customer=d.customer,
                sender=d.sender,
                role=d.sender_role,
                on=d.on,
            ),
        )


_SAMPLE_CODES = {
    SampleOutcome.PRIVATE: _R.A17_PRIVATE,
    SampleOutcome.NO_REQUEST: _R.A17_NO_REQUEST,
    SampleOutcome.NOT_WRITTEN: _R.A17_NOT_WRITTEN,
    SampleOutcome.NO_DETAILS: _R.A17_NO_DETAILS,
    SampleOutcome.OTHER_CUSTOMER: _R.A17_OTHER_CUSTOMER,
    SampleOutcome.BEFORE_REQUEST: _R.A17_BEFORE_REQUEST,
    SampleOutcome.WRONG_REQUESTER: _R.A17_WRONG_REQUESTER,
    SampleOutcome.ALLOWED: _R.A17_ALLOWED,
}


def check_sample(dispatch: SampleDispatch, policy: AllocationPolicy) -> SampleCheck:
    """A17: whether samples or materials are sent as the rule wants.

    "客户开发过程中如客户需要寄样品或公司资料等,销售人员应把客户的具体信息书面提交到销售内勤,
    销售内勤统一寄出,禁止销售人员私自寄样品或公司资料等" [seed]. Checked in order: the sender's
    role is one of ``policy.samples.senders`` (else ``PRIVATE``); there is a request
    (``NO_REQUEST``) in writing (``NOT_WRITTEN``) with the customer's particulars when the
    policy requires them (``NO_DETAILS``), for this customer (``OTHER_CUSTOMER``), made on or
    before the dispatch (``BEFORE_REQUEST``) by one of ``policy.samples.requesters``
    (``WRONG_REQUESTER``). A host may call it before sending, with the day it means to send.

    Args:
        dispatch: the dispatch.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).

    Returns:
        The :class:`SampleCheck`.

    Raises:
        InputError: naming ``dispatch`` or ``policy``, or ``dispatch.on`` before the policy
            takes effect.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.roles import Role
        >>> day = dt.date(2026, 11, 30)
        >>> asked = SampleRequest("C1", "S1", day, details="华东重工 采购部 王工 021-5555")
        >>> check_sample(SampleDispatch("C1", "N1", Role.SALES_ADMIN, day, asked),
        ...              AllocationPolicy()).outcome
        <SampleOutcome.ALLOWED: 'allowed'>
        >>> check_sample(SampleDispatch("C1", "S1", Role.SALESPERSON, day, asked),
        ...              AllocationPolicy()).outcome
        <SampleOutcome.PRIVATE: 'private'>
    """
    if not isinstance(dispatch, SampleDispatch):
        raise InputError("dispatch", dispatch, "a SampleDispatch")
    checked = allocation_policy(policy)
    day_in_force(checked, dispatch.on, "dispatch.on")
    return SampleCheck(
        dispatch, _outcome(dispatch, checked), checked.version, policy_effective=checked.effective
    )


def _outcome(dispatch: SampleDispatch, policy: AllocationPolicy) -> SampleOutcome:
    p = policy.samples
    request = dispatch.request
    if dispatch.sender_role not in p.senders:
        return SampleOutcome.PRIVATE
    if request is None:
        return SampleOutcome.NO_REQUEST
    if not request.written:
        return SampleOutcome.NOT_WRITTEN
    if p.details_required and not request.details.strip():
        return SampleOutcome.NO_DETAILS
    if request.customer != dispatch.customer:
        return SampleOutcome.OTHER_CUSTOMER
    if request.on > dispatch.on:
        return SampleOutcome.BEFORE_REQUEST
    if request.role not in p.requesters:
        return SampleOutcome.WRONG_REQUESTER
    return SampleOutcome.ALLOWED
