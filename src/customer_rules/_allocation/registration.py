"""A7 — first registration (先申请登记为原则), the registration form, and duplicates.

Source: seed 001 §4.2.1 (客户资源的开发以先申请登记为原则,销售人员新开发的客户,需要24小时内到
销售内勤处登记备案,禁止其他销售人员对已备案的客户再度开发(除公司特别指派销售人员跟踪的客户
资源外)) and §4.3.1–4.3.3 (the salesperson reports in writing; sales admin checks it, fills the
客户资源信息登记表 and enters it in the database weekly).

:func:`register` decides one registration at a moment, against the registrations already on
record, in this order:

1. **Reserved** — the company designated someone else to follow this customer (公司特别指派,
   a :class:`Designation` whose sign-off holds): no one else may register it. The designated
   person's own registration is accepted whatever else is on record.
2. **Duplicate** — a registration on record, made at or before the moment, names the same
   customer: the same company-name key or the same phone key
   (:mod:`~customer_rules._allocation.names`). The first to register keeps it; the decision
   says whose it is and since when.
3. **Too late** — more than 24 hours (以内: 24 hours exactly is in time) after the first contact
   [default: the clock runs from the first contact; from when the customer counts as developed is
   the other reading, ``clock``].
4. **Possible duplicate** — a registration on record whose name matches only once a leading place
   name is removed (北京X公司 / 上海X公司): accepted, and sales admin checks it (never a
   refusal).
5. **Accepted.**
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._allocation.checks import allocation_policy, items_of
from customer_rules._allocation.codes import AllocationReason
from customer_rules._allocation.names import (
    PLACE_NAMES,
    company_without_place,
    normalise_company_name,
    normalise_phone,
)
from customer_rules._bounded import keep
from customer_rules._checks import checked_moment
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import SHANGHAI, require_aware
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, ApprovalStatus, Role, approval_status
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._allocation.policy import AllocationPolicy

__all__ = [
    "DESIGNATE",
    "ContactClock",
    "Designation",
    "MatchBasis",
    "Prospect",
    "Registration",
    "RegistrationDecision",
    "RegistrationOutcome",
    "RegistrationPolicy",
    "register",
]

_A7 = "A7; 001 §4.2.1, §4.3.1–4.3.3"
_R = AllocationReason

DESIGNATE = "A7.designate"
"""What a company's designation of a salesperson to follow a customer (公司特别指派) grants:
the ``Approval.what`` of a :class:`Designation`'s sign-off."""


class ContactClock(LabelledEnum):
    """From when the 24 hours of A7 run (the catalogue's A7 ambiguity)."""

    FIRST_CONTACT = "first_contact"
    """From the salesperson's first contact with the customer [default]."""
    DEVELOPED = "developed"
    """From when the customer counts as developed (新开发的客户: ``Prospect.developed_at``)."""


class RegistrationOutcome(LabelledEnum):
    """What :func:`register` decided."""

    ACCEPTED = "accepted"
    """登记有效 — registered; the salesperson develops it."""
    POSSIBLE_DUPLICATE = "possible_duplicate"
    """登记有效,疑似重复待核实 — registered; a name on record differs only by a place name,
    and sales admin checks whether it is the same customer."""
    DUPLICATE = "duplicate"
    """重复登记 — someone registered the same customer first."""
    TOO_LATE = "too_late"
    """超时登记 — more than 24 hours after the first contact."""
    RESERVED = "reserved"
    """公司特别指派他人 — the company designated another salesperson to follow it."""


class MatchBasis(LabelledEnum):
    """Why a registration on record names the same customer."""

    NAME = "name"
    """客户名称相同 — the same company-name key."""
    PHONE = "phone"
    """联系电话相同 — the same phone key."""
    NAME_WITHOUT_PLACE = "name_without_place"
    """仅地名不同 — the same name once a leading place name is removed (a possible duplicate)."""


set_labels(
    {
        ContactClock.FIRST_CONTACT: ("自首次接触起算", "from the first contact"),
        ContactClock.DEVELOPED: ("自算作已开发起算", "from when the customer counts as developed"),
        RegistrationOutcome.ACCEPTED: ("登记有效", "accepted"),
        RegistrationOutcome.POSSIBLE_DUPLICATE: (
            "登记有效,疑似重复待核实",
            "accepted, a possible duplicate to check",
        ),
        RegistrationOutcome.DUPLICATE: ("重复登记", "a duplicate"),
        RegistrationOutcome.TOO_LATE: ("超时登记", "too late"),
        RegistrationOutcome.RESERVED: ("公司已指派他人", "reserved for a designated person"),
        MatchBasis.NAME: ("客户名称相同", "the same company name"),
        MatchBasis.PHONE: ("联系电话相同", "the same phone number"),
        MatchBasis.NAME_WITHOUT_PLACE: ("仅地名不同", "the same name but for a place"),
    }
)


# --------------------------------------------------------------------------- the policy


@policy
class RegistrationPolicy:
    """A7: registering a new customer, and telling duplicates.

    Source: seed 001 §4.2.1, §4.3.1–4.3.3.

    Attributes:
        hours: a new customer is registered with sales admin within this many hours, the limit
            itself included (24小时内) [seed: 24].
        clock: from when the hours run: the first contact [default] or when the customer counts
            as developed (the other reading).
        match_phone: a registration with the same phone key is a duplicate [default: yes; the
            seed's only de-duplication rule is A5's "first EC entry wins"].
        extra_places: place names a company adds to the built-in
            :data:`~customer_rules.allocation.PLACE_NAMES` (the provinces and the largest
            cities) when looking for a *possible* duplicate [default: none].
        reviewer: who checks a possible duplicate — sales admin, who "checks the customer
            resource information with the salesperson" (§4.3.2) [seed].
        designating_roles: who may designate a salesperson to follow a customer for the company
            (公司特别指派) [default: the marketing director, the general manager and the chairman
            — the seed says "the company"].

    Raises:
        PolicyError: listing every invalid field with its path.

    Example:
        >>> RegistrationPolicy().hours, RegistrationPolicy(hours="48").hours
        (24, 48)
    """

    hours: int = setting(default=24, unit=Unit.COUNT, source=_A7, low=1, high=720)
    clock: ContactClock = setting(
        default=ContactClock.FIRST_CONTACT, unit=Unit.CHOICE, source=_A7, mark=Mark.DEFAULT
    )
    match_phone: bool = setting(default=True, unit=Unit.FLAG, source=_A7, mark=Mark.DEFAULT)
    extra_places: tuple[str, ...] = setting(
        default=(), unit=Unit.TEXT, source=_A7, mark=Mark.DEFAULT
    )
    reviewer: Role = setting(default=Role.SALES_ADMIN, unit=Unit.ROLE, source=_A7)
    designating_roles: frozenset[Role] = setting(
        default=frozenset({Role.MARKETING_DIRECTOR, Role.GENERAL_MANAGER, Role.CHAIRMAN}),
        unit=Unit.ROLES,
        source=_A7,
        mark=Mark.DEFAULT,
        min_items=1,
    )

    def _check(self) -> Iterator[Problem]:
        for i, place in enumerate(self.extra_places):
            if not place.strip():
                yield Problem.mismatch(f"extra_places[{i}]", place, "a place name")

    @functools.cached_property
    def places(self) -> tuple[str, ...]:
        """The place names removed to find a possible duplicate: the built-in list and the
        company's own."""
        return PLACE_NAMES + self.extra_places if self.extra_places else PLACE_NAMES


# --------------------------------------------------------------------------- facts

_IS_TEXT = fact_check(str, "a text (may be empty)")
_IS_APPROVAL = fact_check(Approval, "an Approval (the company's sign-off)")


def _aware(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    require_aware(value, attribute.name)


def _optional_aware(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        require_aware(value, attribute.name)


def _optional_price(value: object) -> Decimal | None:
    return None if value is None else parse_amount(value, "expected_price")


@attrs.frozen
class Prospect:
    """The customer resource registration form (客户资源信息登记表, A7; 001 §4.3.3), filled for
    one new customer, with who registers it and when they first contacted it.

    The form's fields, in its order: 登记日期 is the moment of :func:`register` (kept in the
    :class:`Registration`); 客户名称 ``customer``; 客户来源 ``source``; 所属行业 ``industry``;
    公司地点 ``location``; 需求意向 ``intent``; 需求时间 ``needed_by``; 联系人及联系方式
    ``contact`` and ``phone``; 期望价格及付款方式 ``expected_price`` and ``payment_terms``.

    Attributes:
        salesperson: who registers it (the salesperson who developed it).
        customer: 客户名称, as written.
        first_contact_at: when the salesperson first contacted the customer (tz-aware).
        source: 客户来源 (a fair, the website, a call …).
        industry: 所属行业.
        location: 公司地点.
        intent: 需求意向.
        needed_by: 需求时间, as the customer put it.
        contact: 联系人.
        phone: 联系方式 (a phone number, matched after normalisation).
        expected_price: 期望价格, in yuan (``"80万"`` accepted), ``None`` if not stated.
        payment_terms: 付款方式.
        developed_at: when the customer counts as developed (for the ``developed`` reading of
            the 24 hours), tz-aware, or ``None``.

    Raises:
        InputError: naming the field: a blank ``salesperson`` or ``customer``, a naive or
            non-datetime moment, a float or negative price, a value of the wrong type.
    """

    salesperson: str = attrs.field(validator=non_empty_text)
    customer: str = attrs.field(validator=non_empty_text)
    first_contact_at: dt.datetime = attrs.field(validator=_aware)
    source: str = attrs.field(default="", validator=_IS_TEXT)
    industry: str = attrs.field(default="", validator=_IS_TEXT)
    location: str = attrs.field(default="", validator=_IS_TEXT)
    intent: str = attrs.field(default="", validator=_IS_TEXT)
    needed_by: str = attrs.field(default="", validator=_IS_TEXT)
    contact: str = attrs.field(default="", validator=_IS_TEXT)
    phone: str = attrs.field(default="", validator=_IS_TEXT)
    expected_price: Decimal | None = attrs.field(default=None, converter=_optional_price)
    payment_terms: str = attrs.field(default="", validator=_IS_TEXT)
    developed_at: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)


def _is_prospect(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Prospect):
        raise InputError(attribute.name, value, "a Prospect (the registration form)")


@attrs.frozen
class Registration:
    """A registration on record: the form and the moment it was registered (登记日期).

    Attributes:
        prospect: the form.
        registered_at: when sales admin registered it (tz-aware).

    Raises:
        InputError: naming the field for a value of the wrong type or a naive moment.
    """

    prospect: Prospect = attrs.field(validator=_is_prospect)
    registered_at: dt.datetime = attrs.field(validator=_aware)


@attrs.frozen
class Designation:
    """The company designates a salesperson to follow a customer (公司特别指派, A7): that person
    may develop it even when someone registered it, and no one else may register it.

    Attributes:
        customer: the customer's name, as written (matched by its key).
        salesperson: who is designated.
        approval: the company's sign-off, for :data:`DESIGNATE`, by one of the policy's
            ``designating_roles``, holding on the day of the registration and, if bound to a
            subject, bound to this ``customer``.
        phone: the customer's phone, if the designation gives one (matched by its key).

    Raises:
        InputError: naming the field: a blank customer or salesperson, an approval that is not
            an :class:`~customer_rules.roles.Approval`.
    """

    customer: str = attrs.field(validator=non_empty_text)
    salesperson: str = attrs.field(validator=non_empty_text)
    approval: Approval = attrs.field(validator=_IS_APPROVAL)
    phone: str = attrs.field(default="", validator=_IS_TEXT)


# --------------------------------------------------------------------------- the result


@attrs.frozen
class RegistrationDecision:
    """A7: the decision on one registration.

    Attributes:
        outcome: accepted, possibly a duplicate (accepted, to check), a duplicate, too late, or
            reserved for a designated person.
        prospect: the form decided on.
        at: the moment of the registration.
        deadline: the last moment to register in time (the first contact plus the hours);
            ``None`` when the clock has not started (the ``developed`` reading, not developed).
        registration: the registration to keep on record when accepted (also for a possible
            duplicate); ``None`` otherwise.
        duplicate_of: the registration on record that came first (a duplicate), or ``None``.
        basis: why it is the same customer (name or phone), or ``None``.
        possible: registrations on record whose names differ only by a place name.
        designation: the designation that decided (reserved, or the designated person's own
            registration), or ``None``.
        void: designations of this customer whose sign-off does not hold (not used).
        reviewer: who checks a possible duplicate, ``None`` when there is none.
        policy: the A7 policy that decided (not written by ``interchange.to_data``).
        policy_version: the policy version that decided.
        policy_effective: the effective date of the book that decided.
    """

    outcome: RegistrationOutcome
    prospect: Prospect
    at: dt.datetime
    deadline: dt.datetime | None
    registration: Registration | None
    duplicate_of: Registration | None
    basis: MatchBasis | None
    possible: tuple[Registration, ...]
    designation: Designation | None
    void: tuple[Designation, ...]
    reviewer: Role | None
    policy: RegistrationPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def accepted(self) -> bool:
        """Whether the registration stands (accepted, or accepted as a possible duplicate)."""
        return self.registration is not None

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """A7 reasons: the designations not used, the decision, and each possible duplicate."""
        return tuple(_decision_reasons(self))


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(SHANGHAI)


def _decision_reasons(d: RegistrationDecision) -> Iterator[Reason]:
    p = d.prospect
    day = _local(d.at).date()
    for void in d.void:
        a = void.approval
        status = approval_status(
            a, d.policy.designating_roles, DESIGNATE, day, subject=void.customer
        )
        yield Reason.of(
            "A7",
            _R.A7_DESIGNATION_VOID,
            who=a.who,
            role=a.role,
            customer=void.customer,
            status=status.value.replace("_", " "),
        )
    at = _local(d.at)
    hours = d.policy.hours
    if d.designation is not None:
        a = d.designation.approval
        if d.outcome is RegistrationOutcome.RESERVED:
            yield Reason.of(
                "A7",
                _R.A7_RESERVED,
                customer=p.customer,
                designated=d.designation.salesperson,
                who=a.who,
                role=a.role,
                signed=a.on,
            )
        else:
            yield Reason.of(
                "A7",
                _R.A7_DESIGNATED,
                salesperson=p.salesperson,
                customer=p.customer,
                who=a.who,
                role=a.role,
                signed=a.on,
            )
        return
    if d.duplicate_of is not None:
        first = d.duplicate_of
        own = first.prospect.salesperson == p.salesperson
        yield Reason.of(
            "A7",
            _R.A7_DUPLICATE_OWN if own else _R.A7_DUPLICATE,
            customer=p.customer,
            existing=first.prospect.customer,
            holder=first.prospect.salesperson,
            since=_local(first.registered_at),
            basis=d.basis,
        )
        return
    if d.deadline is None:
        yield Reason.of(
            "A7",
            _R.A7_NOT_STARTED,
            salesperson=p.salesperson,
            at=at,
            customer=p.customer,
            hours=hours,
        )
    else:
        start = _local(d.deadline - dt.timedelta(hours=hours))
        if d.outcome is RegistrationOutcome.TOO_LATE:
            yield Reason.of(
                "A7",
                _R.A7_TOO_LATE,
                start=start,
                hours=hours,
                deadline=_local(d.deadline),
                at=at,
            )
            return
        yield Reason.of(
            "A7",
            _R.A7_ACCEPTED,
            salesperson=p.salesperson,
            at=at,
            customer=p.customer,
            start=start,
            hours=hours,
        )
    for other in d.possible:
        yield Reason.of(
            "A7",
            _R.A7_POSSIBLE,
            customer=p.customer,
            existing=other.prospect.customer,
            holder=other.prospect.salesperson,
            since=_local(other.registered_at),
            reviewer=d.reviewer,
        )


# --------------------------------------------------------------------------- the rule

_KEYS_MAX = 65_536
_PLACE_KEYS: dict[tuple[str, int], tuple[tuple[str, ...], str]] = {}


def _place_key(name: str, places: tuple[str, ...]) -> str:
    """:func:`company_without_place`, remembered per name and place list."""
    key = (name, id(places))
    found = _PLACE_KEYS.get(key)
    if found is not None and found[0] is places:
        return found[1]
    value = company_without_place(name, places)
    keep(_PLACE_KEYS, key, (places, value), _KEYS_MAX)
    return value


def _same_customer(
    name_key: str, phone_key: str, other_name: str, other_phone: str, match_phone: bool
) -> MatchBasis | None:
    if name_key and normalise_company_name(other_name) == name_key:
        return MatchBasis.NAME
    if match_phone and phone_key and normalise_phone(other_phone) == phone_key:
        return MatchBasis.PHONE
    return None


def register(
    prospect: Prospect,
    registrations: Iterable[Registration],
    policy: AllocationPolicy,
    *,
    at: dt.datetime,
    designations: Iterable[Designation] = (),
) -> RegistrationDecision:
    """A7: register a prospect for a salesperson at a moment.

    Args:
        prospect: the registration form, with who registers it and the first contact.
        registrations: the registrations on record (any order); those made after ``at`` are not
            on record yet and are not compared.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        at: the moment of the registration (tz-aware); its day in Asia/Shanghai must be on or
            after the policy's effective date.
        designations: the company's designations of salespeople to follow customers.

    Returns:
        The decision: accepted (with the registration to keep), possibly a duplicate (accepted;
        sales admin checks), a duplicate of the registration that came first (whose, since
        when), too late, or reserved for the designated person.

    Raises:
        InputError: naming the argument: a ``prospect`` that is not a :class:`Prospect`,
            ``registrations[i]`` not a :class:`Registration`, ``designations[i]`` not a
            :class:`Designation`, a naive or non-datetime ``at``, a ``policy`` that is not an
            ``AllocationPolicy`` or not in force on the day.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.dates import SHANGHAI
        >>> first = dt.datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI)
        >>> mine = Prospect("陈小明", "北京华远科技有限公司", first, phone="010-6552 9988")
        >>> d = register(mine, [], AllocationPolicy(), at=first + dt.timedelta(hours=24))
        >>> d.outcome.value, d.registration.registered_at == first + dt.timedelta(hours=24)
        ('accepted', True)
        >>> later = first + dt.timedelta(days=1)
        >>> theirs = Prospect("王芳", "华远科技公司", later, phone="+86 10 65529988")
        >>> d2 = register(theirs, [d.registration], AllocationPolicy(), at=later.replace(hour=15))
        >>> d2.outcome.value, d2.basis.value, d2.duplicate_of.prospect.salesperson
        ('duplicate', 'phone', '陈小明')
        >>> other = Prospect("王芳", "上海华远科技有限公司", later)
        >>> d3 = register(other, [d.registration], AllocationPolicy(), at=later.replace(hour=15))
        >>> d3.outcome.value, d3.accepted, d3.reviewer.value
        ('possible_duplicate', True, 'sales_admin')
    """
    if not isinstance(prospect, Prospect):
        raise InputError("prospect", prospect, "a Prospect (the registration form)")
    allocation = allocation_policy(policy)
    moment = checked_moment(allocation, at)
    day = _local(moment).date()
    p = allocation.registration
    on_record = items_of(registrations, "registrations", Registration, "Registration")
    designated = items_of(designations, "designations", Designation, "Designation")
    name_key = normalise_company_name(prospect.customer)
    phone_key = normalise_phone(prospect.phone)
    match_phone = p.match_phone
    deadline = _deadline(prospect, p)
    common: dict[str, Any] = {
        "prospect": prospect,
        "at": moment,
        "deadline": deadline,
        "policy": p,
        "policy_version": allocation.version,
        "policy_effective": allocation.effective,
    }
    # 1. the company's designations of this customer
    holding: list[Designation] = []
    void: list[Designation] = []
    for item in designated:
        if _same_customer(name_key, phone_key, item.customer, item.phone, match_phone) is None:
            continue
        status = approval_status(
            item.approval, p.designating_roles, DESIGNATE, day, subject=item.customer
        )
        if status is ApprovalStatus.GRANTED:
            holding.append(item)
        else:
            void.append(item)
    common["void"] = tuple(sorted(void, key=repr))  # the same whatever the host's order
    if holding:
        own = [d for d in holding if d.salesperson == prospect.salesperson]
        if own:
            return RegistrationDecision(
                RegistrationOutcome.ACCEPTED,
                registration=Registration(prospect, moment),
                duplicate_of=None,
                basis=None,
                possible=(),
                designation=max(own, key=lambda d: (d.approval.on, repr(d))),
                reviewer=None,
                **common,
            )
        latest = max(holding, key=lambda d: (d.approval.on, d.salesperson, repr(d)))
        return RegistrationDecision(
            RegistrationOutcome.RESERVED,
            registration=None,
            duplicate_of=None,
            basis=None,
            possible=(),
            designation=latest,
            reviewer=None,
            **common,
        )
    # 2. the same customer on record: the first to register keeps it
    first: Registration | None = None
    basis: MatchBasis | None = None
    possible: list[Registration] = []
    places = p.places
    place_key = ""
    for item in on_record:
        if item.registered_at > moment:
            continue
        other = item.prospect
        found = _same_customer(name_key, phone_key, other.customer, other.phone, match_phone)
        if found is not None:
            if first is None or _order(item) < _order(first):
                first, basis = item, found
            continue
        if name_key:
            if not place_key:
                place_key = _place_key(prospect.customer, places)
            if place_key and _place_key(other.customer, places) == place_key:
                possible.append(item)
    if first is not None:
        return RegistrationDecision(
            RegistrationOutcome.DUPLICATE,
            registration=None,
            duplicate_of=first,
            basis=basis,
            possible=(),
            designation=None,
            reviewer=None,
            **common,
        )
    # 3. the hours
    if deadline is not None and moment > deadline:
        return RegistrationDecision(
            RegistrationOutcome.TOO_LATE,
            registration=None,
            duplicate_of=None,
            basis=None,
            possible=(),
            designation=None,
            reviewer=None,
            **common,
        )
    # 4. a possible duplicate is for a person to decide, never a refusal
    possible.sort(key=_order)
    return RegistrationDecision(
        RegistrationOutcome.POSSIBLE_DUPLICATE if possible else RegistrationOutcome.ACCEPTED,
        registration=Registration(prospect, moment),
        duplicate_of=None,
        basis=None,
        possible=tuple(possible),
        designation=None,
        reviewer=p.reviewer if possible else None,
        **common,
    )


def _order(item: Registration) -> tuple[dt.datetime, str, str, str]:
    """A total order of registrations: the earliest first, then by salesperson and customer,
    and at last by the whole record — so which of two registrations made at the same moment
    counts never depends on the order the host lists them in."""
    return (item.registered_at, item.prospect.salesperson, item.prospect.customer, repr(item))


def _deadline(prospect: Prospect, p: RegistrationPolicy) -> dt.datetime | None:
    start = prospect.first_contact_at
    if p.clock is ContactClock.DEVELOPED:
        start = prospect.developed_at  # type: ignore[assignment]
        if start is None:
            return None
    return start + dt.timedelta(hours=p.hours)
