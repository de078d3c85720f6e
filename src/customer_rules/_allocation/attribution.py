"""A11, A12 — to whom a deal's results count, and the reward for business brought in.

Sources: seed 001 §市场部客户资源管理制度 (2nd) 二.2 (不得私自调换客户资源,一经发现该客户所产生的
业务归入部门所有,不作为任何一方的业绩;如确有需要更换服务人员时,当事人双方应事先向市场总监提出
申请,由市场总监实施调换), 二.4 (客户经理新开发的客户原则上由其负责跟踪服务,所产生的业绩归其所有,
但应将客户信息汇集给市场总监,否则业绩归部门所有), 二.5 (老客户采用延续负责的原则); seed 003
§大客户部管理制度 三.2 (公司领导安排或者打电话进来的业务,执行者给予相应奖励).

:func:`attribute_deal` decides, in this order:

1. **A11 — a swap.** When the person who made the deal is not the one the customer is assigned
   to, the customer changed hands: it counts for the person who made it only if the swap was
   carried out by the marketing director — the swap's steps (both parties apply, the director
   carries it out) replay to ``swapped`` in the policy's ``swap`` table, on or before the day of
   the deal. Otherwise the business belongs to the department, to neither person.
2. **A12 — the source of the customer.** A customer the salesperson developed counts for them
   if its information reached the director on or before the deal [default; by the day asked is
   the other reading], else for the department; an old customer stays with its manager; an
   allocated one counts for whom it was allocated to; business arranged by a company leader or
   coming in by phone counts for the person who executes it, who also earns a reward.

The reward is blank in the seed ("相应奖励", a corresponding reward): the policy's example —
200 yuan a deal [default] — is for the company to set.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._allocation.checks import policy_on
from customer_rules._allocation.codes import AllocationReason
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import EARLIEST, LATEST, require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.roles import Role
from customer_rules.settings import Mark, Unit, policy, setting
from customer_rules.workflow import (
    Event,
    EventRecord,
    State,
    Transition,
    WorkflowTable,
    replay,
    start,
)

if TYPE_CHECKING:
    from customer_rules._allocation.policy import AllocationPolicy

__all__ = [
    "SWAP",
    "AttributionPolicy",
    "CreditTo",
    "Deal",
    "DealAttribution",
    "DealSource",
    "attribute_deal",
]

_R = AllocationReason
_A11 = "A11; 001 §市场部客户资源管理制度 (2nd) 二.2"
_A12 = "A12; 001 §市场部客户资源管理制度 (2nd) 二.4, 二.5"
_A12_REWARD = "A12; 003 §大客户部管理制度 三.2"
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")

SWAP = "A11.swap"
"""What the marketing director's sign-off of a swap grants (``Approval.what``)."""


class DealSource(LabelledEnum):
    """How the customer of a deal came to the person who made it (A12)."""

    ALLOCATED = "allocated"
    """分配 — allocated by the marketing director."""
    SELF_DEVELOPED = "self_developed"
    """自行开发 — developed by the salesperson."""
    OLD = "old"
    """老客户 — an old customer, in the manager's continuing care."""
    LEADER_ARRANGED = "leader_arranged"
    """公司领导安排 — business arranged by a company leader."""
    PHONE_IN = "phone_in"
    """打电话进来 — business coming in by phone."""


class CreditTo(LabelledEnum):
    """To whom a deal's results count (A11, A12)."""

    SALESPERSON = "salesperson"
    """归个人业绩 — the person who made it."""
    DEPARTMENT = "department"
    """归部门所有 — the department, no one's own."""


set_labels(
    {
        DealSource.ALLOCATED: ("市场总监分配", "allocated"),
        DealSource.SELF_DEVELOPED: ("自行开发", "self-developed"),
        DealSource.OLD: ("老客户", "an old customer"),
        DealSource.LEADER_ARRANGED: ("公司领导安排", "arranged by a company leader"),
        DealSource.PHONE_IN: ("打电话进来", "coming in by phone"),
        CreditTo.SALESPERSON: ("归个人业绩", "the salesperson"),
        CreditTo.DEPARTMENT: ("归部门所有", "the department"),
    }
)

_REWARDED = frozenset({DealSource.LEADER_ARRANGED, DealSource.PHONE_IN})


# --------------------------------------------------------------------------- the swap table

_SWAP_TABLE = "A11.swap"
_DRAFT, _APPLIED, _AGREED, _SWAPPED, _REFUSED = "draft", "applied", "agreed", "swapped", "refused"
_APPLY, _CO_APPLY, _CARRY_OUT, _REFUSE = "apply", "co_apply", "carry_out", "refuse"
_SEED_DIRECTORS = frozenset({Role.MARKETING_DIRECTOR})


def _swap_table(directors: frozenset[Role]) -> WorkflowTable:
    """A11: both parties apply to the director beforehand, who carries the swap out."""
    return WorkflowTable(
        name=_SWAP_TABLE,
        rule="A11",
        initial=_DRAFT,
        states=(
            State(_DRAFT, "未申请", "not applied for"),
            State(_APPLIED, "一方已申请", "applied for by one party"),
            State(_AGREED, "双方已申请", "applied for by both parties"),
            State(_SWAPPED, "已实施调换", "carried out"),
            State(_REFUSED, "不予调换", "refused"),
        ),
        events=(
            Event(_APPLY, "提出调换申请", "apply"),
            Event(_CO_APPLY, "另一方申请", "the other party applies"),
            Event(_CARRY_OUT, "市场总监实施调换", "the director carries it out"),
            Event(_REFUSE, "市场总监不予调换", "the director refuses"),
        ),
        transitions=(
            Transition(_DRAFT, _APPLY, _APPLIED, roles=frozenset({Role.SALESPERSON})),
            Transition(
                _APPLIED, _CO_APPLY, _AGREED, roles=frozenset({Role.SALESPERSON}), distinct=True
            ),
            Transition(_AGREED, _CARRY_OUT, _SWAPPED, roles=directors, approval=SWAP),
            Transition(_APPLIED, _REFUSE, _REFUSED, roles=directors),
            Transition(_AGREED, _REFUSE, _REFUSED, roles=directors),
        ),
    )


_SEED_SWAP = _swap_table(_SEED_DIRECTORS)


@policy
class AttributionPolicy:
    """A11, A12: to whom a deal's results count, and the reward for business brought in.

    Sources: seed 001 §市场部客户资源管理制度 (2nd) 二.2, 二.4, 二.5;
    seed 003 §大客户部管理制度 三.2.

    Attributes:
        director_roles: who carries out a swap and receives a self-developed customer's
            information (市场总监) [seed].
        swap: the swap as a workflow table: ``draft`` → ``apply`` by one party → ``applied`` →
            ``co_apply`` by the other (another person) → ``agreed`` → ``carry_out`` by the
            director, signing :data:`SWAP` → ``swapped``; ``refuse`` by the director from
            ``applied`` or ``agreed`` [seed: "当事人双方应事先向市场总监提出申请,
            由市场总监实施调换"; the names are the library's]. Left at the seed's table, its
            roles follow ``director_roles``; a company's own table must keep ``agreed`` →
            ``carry_out`` → ``swapped``, allowed to the director roles.
        reported_by_deal: a self-developed customer's information must reach the director on or
            before the day of the deal [default: yes]; ``False``: by the day asked.
        reward_fixed: the reward for executing business arranged by a company leader or coming
            in by phone, per deal, in yuan [default: 200 — blank in the seed ("相应奖励"): the
            company must set it].
        reward_percent: plus this percentage of the deal's amount [default: 0].

    Raises:
        PolicyError: listing every invalid field with its path.

    Example:
        >>> AttributionPolicy(reward_fixed="500").reward_fixed
        Decimal('500')
    """

    director_roles: frozenset[Role] = setting(
        default=_SEED_DIRECTORS, unit=Unit.ROLES, source=_A11, min_items=1
    )
    swap: WorkflowTable = setting(default=_SEED_SWAP, unit=Unit.TABLE, source=_A11)
    reported_by_deal: bool = setting(default=True, unit=Unit.FLAG, source=_A12, mark=Mark.DEFAULT)
    reward_fixed: Decimal = setting(
        default=Decimal(200), unit=Unit.YUAN, source=_A12_REWARD, mark=Mark.DEFAULT
    )
    reward_percent: Decimal = setting(
        default=Decimal(0), unit=Unit.PERCENT, source=_A12_REWARD, mark=Mark.DEFAULT, high=100
    )

    def _check(self) -> Iterator[Problem]:
        if self.swap == _SEED_SWAP and self.director_roles != _SEED_DIRECTORS:
            object.__setattr__(self, "swap", _swap_table(self.director_roles))
        move = self.swap.transition(_AGREED, _CARRY_OUT)
        if move is None or move.target != _SWAPPED:
            yield Problem.mismatch(
                "swap.transitions",
                f"{len(self.swap.transitions)} row(s)",
                f"a row from {_AGREED!r} on {_CARRY_OUT!r} to {_SWAPPED!r}",
            )
        elif not self.director_roles <= move.roles:
            yield Problem.mismatch(
                f"swap.transitions[{self.swap.transitions.index(move)}].roles",
                sorted(r.value for r in move.roles),
                "roles including the director_roles",
            )


# --------------------------------------------------------------------------- facts


def _day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not dt.date and not isinstance(value, dt.date):
        raise InputError(attribute.name, value, "a datetime.date")
    if isinstance(value, dt.datetime) or not EARLIEST <= value <= LATEST:
        raise InputError(attribute.name, value, f"a date from {EARLIEST} to {LATEST}")


def _optional_day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _day(instance, attribute, value)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError(attribute.name, value, "a non-empty text or None")


def _amount(value: object) -> Decimal:
    return parse_amount(value, "amount")


def _records(value: object) -> tuple[EventRecord, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InputError("swap", value, "a list of EventRecord")
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, EventRecord):
            raise InputError(f"swap[{i}]", item, "an EventRecord")
    return items


@attrs.frozen
class Deal:
    """A deal, and how its customer came to the person who made it (A11, A12).

    Attributes:
        id: the host's id of the deal.
        customer: the customer's id (the subject of its swap case).
        salesperson: who made the deal (执行者).
        signed: the day of the deal.
        amount: the deal's amount in yuan (``"80万"`` accepted).
        source: how the customer came [default: allocated by the director].
        holder: whom the customer is assigned to; ``None`` for the salesperson.
        reported_on: when a self-developed customer's information reached the director
            (汇集给市场总监), or ``None``.
        swap: the steps of the customer's swap case in the policy's ``swap`` table (subject:
            the customer), if it changed hands.

    Raises:
        InputError: naming the field: a blank id, customer or salesperson, a date out of range,
            a float or negative amount, a value of the wrong type.
    """

    id: str = attrs.field(validator=non_empty_text)
    customer: str = attrs.field(validator=non_empty_text)
    salesperson: str = attrs.field(validator=non_empty_text)
    signed: dt.date = attrs.field(validator=_day)
    amount: Decimal = attrs.field(default=Decimal(0), converter=_amount)
    source: DealSource = attrs.field(
        default=DealSource.ALLOCATED,
        validator=fact_check(DealSource, "a DealSource (allocated, self_developed, old, …)"),
    )
    holder: str | None = attrs.field(default=None, validator=_optional_text)
    reported_on: dt.date | None = attrs.field(default=None, validator=_optional_day)
    swap: tuple[EventRecord, ...] = attrs.field(default=(), converter=_records)


# --------------------------------------------------------------------------- the result


@attrs.frozen
class DealAttribution:
    """A11, A12: to whom one deal's results count.

    Attributes:
        deal: the deal.
        on: the day asked about.
        credit_to: the salesperson, or the department.
        person: the person credited, ``None`` for the department.
        reward: the reward its executor earns (leader-arranged or phone-in business), else 0.
        swapped_on: the day the director carried out the swap, if there was one.
        policy: the A11–A12 policy that decided (not written by ``interchange.to_data``).
        policy_version: the policy version that decided.
        policy_effective: the effective date of the book that decided.
    """

    deal: Deal
    on: dt.date
    credit_to: CreditTo
    person: str | None
    reward: Decimal
    swapped_on: dt.date | None
    policy: AttributionPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The A11 reason of a swap, the A12 reason of the source, the reward."""
        return tuple(_reasons(self))


def _reasons(a: DealAttribution) -> Iterator[Reason]:
    d, p = a.deal, a.policy
    role = min(p.director_roles, key=_rank)
    holder = d.holder if d.holder is not None else d.salesperson
    if holder != d.salesperson:
        if a.credit_to is CreditTo.DEPARTMENT:
            if a.swapped_on is not None:
                yield Reason.of(
                    "A11",
                    _R.A11_SWAP_LATE,
                    customer=d.customer,
                    role=role,
                    on=a.swapped_on,
                    signed=d.signed,
                )
            else:
                yield Reason.of(
                    "A11",
                    _R.A11_UNAUTHORISED,
                    customer=d.customer,
                    holder=holder,
                    salesperson=d.salesperson,
                    role=role,
                )
            return
        yield Reason.of(
            "A11",
            _R.A11_SWAPPED,
            customer=d.customer,
            role=role,
            on=a.swapped_on,
            salesperson=d.salesperson,
        )
    source = d.source
    if source is DealSource.SELF_DEVELOPED:
        if a.credit_to is CreditTo.SALESPERSON:
            yield Reason.of(
                "A12",
                _R.A12_OWN,
                customer=d.customer,
                salesperson=d.salesperson,
                reported=d.reported_on,
                role=role,
            )
        else:
            yield Reason.of(
                "A12",
                _R.A12_UNREPORTED,
                customer=d.customer,
                salesperson=d.salesperson,
                by=d.signed if p.reported_by_deal else a.on,
                role=role,
            )
    elif source is DealSource.OLD:
        yield Reason.of("A12", _R.A12_OLD, customer=d.customer, salesperson=d.salesperson)
    elif source is DealSource.ALLOCATED:
        yield Reason.of(
            "A12", _R.A12_ALLOCATED, customer=d.customer, salesperson=d.salesperson, role=role
        )
    else:
        yield Reason.of(
            "A12", _R.A12_EXECUTED, customer=d.customer, source=source, salesperson=d.salesperson
        )
        yield Reason.of(
            "A12", _R.A12_REWARD, source=source, salesperson=d.salesperson, reward=a.reward
        )


_ORDER = {role: i for i, role in enumerate(Role)}


def _rank(role: Role) -> int:
    return _ORDER[role]


# --------------------------------------------------------------------------- the rule


def attribute_deal(deal: Deal, policy: AllocationPolicy, *, on: dt.date) -> DealAttribution:
    """A11, A12: to whom a deal's results count, and the executor's reward.

    Args:
        deal: the deal.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        on: the day asked about (on or after the deal).

    Returns:
        The attribution: the salesperson or the department, the person, the reward.

    Raises:
        InputError: naming the argument or field: a ``deal`` that is not a :class:`Deal`, a
            deal or report dated after ``on``, swap steps that do not replay in the policy's
            table, a bad ``on`` or ``policy``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> day = dt.date(2026, 6, 30)
        >>> private = Deal("D1", "C7", "王芳", dt.date(2026, 6, 1), "50万", holder="陈小明")
        >>> attribute_deal(private, AllocationPolicy(), on=day).credit_to.value
        'department'
        >>> phoned = Deal("D2", "C8", "王芳", dt.date(2026, 6, 1), "50万", DealSource.PHONE_IN)
        >>> a = attribute_deal(phoned, AllocationPolicy(), on=day)
        >>> a.credit_to.value, a.person, a.reward
        ('salesperson', '王芳', Decimal('200'))
    """
    day = require_date(on, "on")
    allocation = policy_on(policy, day)
    if not isinstance(deal, Deal):
        raise InputError("deal", deal, "a Deal")
    late = [
        Problem.mismatch(name, value, f"a date on or before {day}, the day asked")
        for name, value in (("signed", deal.signed), ("reported_on", deal.reported_on))
        if value is not None and value > day
    ]
    if late:
        raise InputError.of(late)
    p = allocation.attribution
    common: dict[str, Any] = {
        "deal": deal,
        "on": day,
        "policy": p,
        "policy_version": allocation.version,
        "policy_effective": allocation.effective,
    }
    holder = deal.holder if deal.holder is not None else deal.salesperson
    swapped_on = None
    if deal.swap:
        case = start(p.swap, subject=deal.customer)
        try:
            final = replay(p.swap, case, deal.swap)
        except InputError as exc:
            raise exc.prefixed("deal.swap") from None
        if final.state == _SWAPPED:
            swapped_on = final.last_on
    if holder != deal.salesperson and (swapped_on is None or swapped_on > deal.signed):
        return DealAttribution(
            credit_to=CreditTo.DEPARTMENT,
            person=None,
            reward=Decimal(0),
            swapped_on=swapped_on,
            **common,
        )
    if deal.source is DealSource.SELF_DEVELOPED:
        by = deal.signed if p.reported_by_deal else day
        if deal.reported_on is None or deal.reported_on > by:
            return DealAttribution(
                credit_to=CreditTo.DEPARTMENT,
                person=None,
                reward=Decimal(0),
                swapped_on=swapped_on,
                **common,
            )
    reward = Decimal(0)
    if deal.source in _REWARDED:
        reward = p.reward_fixed
        if p.reward_percent:
            reward += (deal.amount * p.reward_percent / _HUNDRED).quantize(_CENT)
    return DealAttribution(
        credit_to=CreditTo.SALESPERSON,
        person=deal.salesperson,
        reward=reward,
        swapped_on=swapped_on,
        **common,
    )
