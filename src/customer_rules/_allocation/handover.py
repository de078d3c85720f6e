"""A14 — a departing employee's customers: re-assignment, customer notices, the data hand-over,
and the company contacts of important new customers.

Source: seed 001 §客户资源管理制度 六 ("员工调离公司时,不得将客户资料带走,其主管部门将其
客户资料接收、整理、归档") and 八 ("对一些较重要、未来将发展的新客户,公司要有两个以上的人员与之
联系,并建立联系报告制。负责与客户联系的员工调离公司时,应由公司及时通知有关客户,并指派其员工
顶替调离员工迅速与客户建立联系").

* :func:`handover` re-assigns the departing person's customers through the allocator (A13) —
  same levels, suspensions, quotas and dispersal as any run, the departing person left out —
  and gives, per customer, the notice to send and by when, the successor who contacts the
  customer and by when, and the data the department takes over and files.
* :func:`check_contacts` flags an important new customer with fewer company contacts than the
  policy's minimum ("两个以上" read as two or more [default]).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._allocation.allocator import (
    AllocationRun,
    _seed,
    allocate,
)
from customer_rules._allocation.checks import allocation_policy, items_of
from customer_rules._allocation.codes import AllocationReason
from customer_rules._allocation.model import Lead, Salesperson
from customer_rules._grading.checks import calendar_arg
from customer_rules._grading.model import DealSizeType
from customer_rules._validation import IS_BOOL, fact_check, non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar, Deadline
from customer_rules.dates import SHANGHAI, require_aware
from customer_rules.errors import InputError, Problem
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.roles import Role
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._allocation.policy import AllocationPolicy

__all__ = [
    "ContactCheck",
    "CustomerNotice",
    "DataHandover",
    "Handover",
    "HandoverPolicy",
    "HeldCustomer",
    "check_contacts",
    "handover",
]

_SIX = "A14; 001 §客户资源管理制度 六"
_EIGHT = "A14; 001 §客户资源管理制度 八"
_R = AllocationReason


@policy
class HandoverPolicy:
    """A14: a departing employee's customers and the contacts of important new customers.

    Attributes:
        notifier: who tells the customers of the departure [default: sales admin (销售内勤),
            who keeps the customer information, 001 §4.2.5; the seed says "the company"].
        notice: by when the customers are told, counted from the departure ("及时") [default:
            within 1 calendar day].
        contact: by when the successor contacts each customer ("迅速") [default: within 1
            calendar day].
        data_receiver: who takes over and files the departing employee's customer data (其主管
            部门接收、整理、归档) [default: sales admin, who keeps customer information, §4.2.5].
        data: by when the data is taken over [default: the day of the departure].
        min_contacts: the company contacts an important new customer must have ("两个以上")
            [seed: 2 — 以上 includes the number].

    Raises:
        PolicyError: listing every invalid field with its path (``notice.days``).
    """

    notifier: Role = setting(
        default=Role.SALES_ADMIN, unit=Unit.ROLE, source=_EIGHT, mark=Mark.DEFAULT
    )
    notice: Deadline = setting(
        default=Deadline(1), unit=Unit.TABLE, source=_EIGHT, mark=Mark.DEFAULT
    )
    contact: Deadline = setting(
        default=Deadline(1), unit=Unit.TABLE, source=_EIGHT, mark=Mark.DEFAULT
    )
    data_receiver: Role = setting(
        default=Role.SALES_ADMIN, unit=Unit.ROLE, source=_SIX, mark=Mark.DEFAULT
    )
    data: Deadline = setting(default=Deadline(0), unit=Unit.TABLE, source=_SIX, mark=Mark.DEFAULT)
    min_contacts: int = setting(default=2, unit=Unit.COUNT, source=_EIGHT, low=1, high=100)


# --------------------------------------------------------------------------- facts


_IS_TEXT = fact_check(str, "a text (may be empty)")
_IS_TYPE = fact_check(DealSizeType, "a DealSizeType (A, B, C or D)")


def _to_contribution(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "contribution")


def _to_potential(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "potential")


def _to_contacts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError("contacts", value, "a list of the ids of the company's contacts")
    found = tuple(value)
    for i, item in enumerate(found):
        if not isinstance(item, str) or not item.strip():
            raise InputError(f"contacts[{i}]", item, "a non-empty id")
    return found


@attrs.frozen
class HeldCustomer:
    """A customer a person holds (A14).

    Attributes:
        id: the host's id of the customer.
        type: its G1 deal-size type (the allocator deals it like a lead of that type).
        name: its name.
        phone: its phone.
        contribution: its contribution so far, in yuan (the allocator serves greater first).
        potential: its expected potential, in yuan.
        contacts: the ids of the company's people in contact with it (联系人员), the holder
            among them or not.
        important: a more important customer (较重要).
        new: a new customer the company will develop (未来将发展的新客户).

    Raises:
        InputError: naming the field: a blank id, an amount that is negative, a float or
            unreadable, contacts that are not a list of ids, a value of the wrong type.
    """

    id: str = attrs.field(validator=non_empty_text)
    type: DealSizeType = attrs.field(validator=_IS_TYPE)
    name: str = attrs.field(default="", validator=_IS_TEXT)
    phone: str = attrs.field(default="", validator=_IS_TEXT)
    contribution: Decimal = attrs.field(default=Decimal(0), converter=_to_contribution)
    potential: Decimal = attrs.field(default=Decimal(0), converter=_to_potential)
    contacts: tuple[str, ...] = attrs.field(default=(), converter=_to_contacts)
    important: bool = attrs.field(default=False, validator=IS_BOOL)
    new: bool = attrs.field(default=False, validator=IS_BOOL)


# --------------------------------------------------------------------------- contacts


@attrs.frozen
class ContactCheck:
    """A14: whether an important new customer has enough company contacts.

    Attributes:
        customer: the customer's id.
        applies: whether it is an important new customer (else nothing is required).
        contacts: its company contacts counted (each id once).
        minimum: the policy's minimum.
        short: whether it applies and ``contacts`` is below ``minimum``.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    customer: str
    applies: bool
    contacts: int
    minimum: int
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def short(self) -> bool:
        """Whether the customer needs more company contacts."""
        return self.applies and self.contacts < self.minimum

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One A14 reason: not required, enough, or short."""
        if not self.applies:
            return (Reason.of("A14", _R.A14_CONTACTS_NA, customer=self.customer),)
        code = _R.A14_CONTACTS_SHORT if self.short else _R.A14_CONTACTS_OK
        return (
            Reason.of(
                "A14", code, customer=self.customer, contacts=self.contacts, minimum=self.minimum
            ),
        )


def check_contacts(customer: HeldCustomer, policy: AllocationPolicy) -> ContactCheck:
    """A14: flag an important new customer with fewer company contacts than required.

    "对一些较重要、未来将发展的新客户,公司要有两个以上的人员与之联系,并建立联系报告制" [seed]: the
    rule applies to a customer that is both ``important`` and ``new``; its distinct contacts must
    be at least ``policy.handover.min_contacts`` (2: 以上 includes the number).

    Args:
        customer: the customer.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).

    Returns:
        The check; ``short`` says whether to add contacts.

    Raises:
        InputError: naming ``customer`` or ``policy`` when not of their types.

    Example:
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.grading import DealSizeType
        >>> vip = HeldCustomer("C1", DealSizeType.A, contacts=["S1"], important=True, new=True)
        >>> check_contacts(vip, AllocationPolicy()).short
        True
    """
    if not isinstance(customer, HeldCustomer):
        raise InputError("customer", customer, "a HeldCustomer")
    checked = allocation_policy(policy)
    return _contact_check(customer, set(customer.contacts), checked)


def _contact_check(
    customer: HeldCustomer, contacts: set[str], policy: AllocationPolicy
) -> ContactCheck:
    return ContactCheck(
        customer.id,
        customer.important and customer.new,
        len(contacts),
        policy.handover.min_contacts,
        policy.version,
        policy_effective=policy.effective,
    )


# --------------------------------------------------------------------------- hand-over


@attrs.frozen
class CustomerNotice:
    """A14: one customer of the departing person — who tells it, who takes it over, by when.

    Attributes:
        customer: the customer.
        successor: the person it is re-assigned to; ``None`` when the allocator found nobody
            (the reason says why: a manager assigns it by hand).
        notify_by: the last day to tell the customer of the departure.
        notifier: who tells it.
        contact_by: the last day the successor contacts it (``None`` without a successor).
        contacts: its company-contacts check after the hand-over (the departing person gone,
            the successor added).
    """

    customer: HeldCustomer
    successor: Salesperson | None
    notify_by: dt.date
    notifier: Role
    contact_by: dt.date | None
    contacts: ContactCheck

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The A14 notice, then the contacts check when the customer is short of contacts."""
        customer = self.customer.id
        successor = self.successor
        if successor is None:
            first = Reason.of(
                "A14",
                _R.A14_NO_SUCCESSOR,
                customer=customer,
                notifier=self.notifier,
                notify_by=self.notify_by,
            )
        else:
            first = Reason.of(
                "A14",
                _R.A14_NOTICE,
                customer=customer,
                notifier=self.notifier,
                notify_by=self.notify_by,
                successor=successor.id,
                contact_by=self.contact_by,
            )
        if self.contacts.short:
            return (first, *self.contacts.reasons)
        return (first,)


@attrs.frozen
class DataHandover:
    """A14: the departing person's customer data, taken over and filed by the department.

    Attributes:
        person: the departing person's id.
        customers: the ids of the customers whose data is taken over.
        receiver: who takes it over and files it.
        by: the last day to do it.
    """

    person: str
    customers: tuple[str, ...]
    receiver: Role
    by: dt.date

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One A14 reason: the data stays with the company."""
        return (
            Reason.of(
                "A14",
                _R.A14_DATA,
                person=self.person,
                count=len(self.customers),
                receiver=self.receiver,
                by=self.by,
            ),
        )


@attrs.frozen
class Handover:
    """A14: the hand-over of a departing person's customers.

    Attributes:
        person: the departing person.
        at: the moment of the departure.
        allocation: the re-assignment, through the allocator (A13).
        notices: one per customer, in the order the customers were given.
        data: the data hand-over.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    person: Salesperson
    at: dt.datetime
    allocation: AllocationRun
    notices: tuple[CustomerNotice, ...]
    data: DataHandover
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def short_of_contacts(self) -> tuple[CustomerNotice, ...]:
        """The notices of the important new customers left short of company contacts."""
        return tuple(n for n in self.notices if n.contacts.short)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The data hand-over, then each customer's notice (and contacts flag)."""
        return (*self.data.reasons, *(r for n in self.notices for r in n.reasons))


def handover(
    departing: Salesperson,
    customers: Iterable[HeldCustomer],
    roster: Iterable[Salesperson],
    history: Iterable[object],
    policy: AllocationPolicy,
    *,
    at: dt.datetime,
    calendar: Calendar = CALENDAR_DAYS,
    seed: int = 0,
) -> Handover:
    """A14: re-assign a departing person's customers and say who tells them, by when.

    The customers are dealt by :func:`~customer_rules.allocation.allocate` as leads of their
    type, received at the departure, over the roster without the departing person: the same
    levels, suspensions, quotas and dispersal as any run. Each customer gets a notice (the
    policy's ``notifier`` tells it by ``notice``), its successor contacts it by ``contact``,
    and the department takes over its data by ``data``; an important new customer's contacts
    are checked again without the departing person and with the successor (A14).

    Args:
        departing: the person leaving.
        customers: the customers they hold (ids unique).
        roster: the people who may take them over (the departing person, if listed, is left
            out).
        history: as for :func:`~customer_rules.allocation.allocate`.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        at: the moment of the departure (timezone-aware); deadlines count from its day in
            Asia/Shanghai.
        calendar: the calendar the deadlines count with.
        seed: the allocator's rotation seed.

    Returns:
        The :class:`Handover`.

    Raises:
        InputError: naming the argument or item, as :func:`allocate` does; ``departing`` when
            not a :class:`Salesperson`.
        CalendarCoverageError: for a working-day deadline outside the calendar's years.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy, Salesperson
        >>> from customer_rules.dates import SHANGHAI
        >>> from customer_rules.grading import DealSizeType
        >>> at = dt.datetime(2026, 11, 30, 17, 0, tzinfo=SHANGHAI)
        >>> leaving = Salesperson("S9", "周离")
        >>> held = [HeldCustomer("C1", DealSizeType.B, "华东重工", contacts=["S9", "S2"],
        ...                      important=True, new=True)]
        >>> roster = [leaving, Salesperson("S1")]
        >>> done = handover(leaving, held, roster, [], AllocationPolicy(), at=at)
        >>> n = done.notices[0]
        >>> n.successor.id, n.notify_by, n.contacts.contacts, n.contacts.short
        ('S1', datetime.date(2026, 12, 1), 2, False)
    """
    if not isinstance(departing, Salesperson):
        raise InputError("departing", departing, "a Salesperson")
    checked = allocation_policy(policy)
    moment = require_aware(at, "at")
    calendar_arg(calendar)
    _seed(seed)
    held: list[HeldCustomer] = items_of(customers, "customers", HeldCustomer, "HeldCustomer values")
    people: list[Salesperson] = items_of(roster, "roster", Salesperson, "Salesperson values")
    others = [p for p in people if p.id != departing.id]
    leads = [Lead(c.id, c.type, moment, c.name, c.phone, c.contribution, c.potential) for c in held]
    try:
        run = allocate(leads, others, history, checked, at=moment, seed=seed)
    except InputError as exc:  # a repeated customer id: named as the caller gave it
        raise InputError.of(_renamed(p) for p in exc.problems) from None
    day = moment.astimezone(SHANGHAI).date()
    h = checked.handover
    notify_by = h.notice.due(day, calendar)
    contact_by = h.contact.due(day, calendar)
    successors: dict[str, Salesperson] = {}
    for item in run.assignments:
        successors[item.lead.id] = item.person
    notices = []
    for customer in held:
        successor = successors.get(customer.id)
        contacts = set(customer.contacts) - {departing.id}
        if successor is not None:
            contacts.add(successor.id)
        notices.append(
            CustomerNotice(
                customer,
                successor,
                notify_by,
                h.notifier,
                contact_by if successor is not None else None,
                _contact_check(customer, contacts, checked),
            )
        )
    data = DataHandover(
        departing.id, tuple(c.id for c in held), h.data_receiver, h.data.due(day, calendar)
    )
    return Handover(
        departing,
        moment,
        run,
        tuple(notices),
        data,
        checked.version,
        policy_effective=checked.effective,
    )


def _renamed(problem: Problem) -> Problem:
    """A problem of the leads the customers became, at the customer's path."""
    if problem.path.startswith("leads"):
        return attrs.evolve(problem, path="customers" + problem.path.removeprefix("leads"))
    return problem
