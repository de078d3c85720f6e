"""C2 — the credit range, the exposure and the acceptance of orders against it.

Source: seed 003 §6.2.3-1(2) (总经理负责审批超出信用范围的特殊合同), §6.2.4-4(1) (根据《合同评审控制
程序》业务部与客户签订合同,同时,合同副本交业务统计记入客户的"客户信用管理卡"和"应收账款账龄记录表"),
§6.2.4-7(1) (信用条件:信用形式、期限、金额).

* The credit range is the customer's credit terms — form, term and amount [seed]. A contract
  beyond it is a special contract the general manager approves [seed]: its exposure exceeds the
  limit in force, its payment term is longer than granted, or its credit form was not granted
  [default]. "超出" excludes the number: an exposure equal to the limit is within it.
* Exposure = open receivables (not yet due, and past due) + signed-but-unshipped orders + the
  new order [default: the seed does not define it], component by component, each with an include
  flag and an optional sub-limit of its own (:class:`ComponentPolicy`).
* The limit in force (:func:`credit_limit`) is the customer's own, else its group's, else the
  company default, plus temporary raises in force, and says where it came from. A customer not
  rated has no credit (C1). Whether an explicit limit of 0 means "no credit" or "no check" is a
  policy choice (:class:`ZeroLimitReading`).
* Each check point (order confirmation, shipment, invoice) reacts in its own way
  (:class:`CheckReaction`): the seed book asks the general manager's approval at order
  confirmation (C2) and holds at shipment (C3). An approval is an
  :class:`~customer_rules.roles.Approval` record, never a flag.
* Orders decided in sequence (:func:`check_orders`) each see the exposure the earlier ones
  created; a re-submitted order replaces its earlier amount, it is never counted twice nor lost.
* Money is one currency: an order, receivable or contract in another currency is refused with an
  :class:`~customer_rules.errors.InputError` naming it — never summed.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._bounded import keep
from customer_rules._checks import checked_day
from customer_rules._credit.codes import CreditReason
from customer_rules._credit.model import CNY, Receivable, credit_policy, require_cny
from customer_rules._credit.shipment import ShipmentReaction
from customer_rules._credit.standard import (
    ApprovalFinding,
    CreditForm,
    CreditRecord,
    CreditTerms,
)
from customer_rules._frozen import quick_init
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, ApprovalStatus, Role, approval_status, in_rank_order
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._credit.policy import CreditPolicy

__all__ = [
    "CONTRACT_REVIEW",
    "CREDIT_RAISE",
    "SPECIAL_CONTRACT",
    "CheckPoint",
    "CheckReaction",
    "ComponentAmount",
    "ComponentPolicy",
    "ContractRecords",
    "CreditFailure",
    "CreditLimit",
    "CreditPosition",
    "Exposure",
    "ExposureComponent",
    "GroupLimit",
    "LimitSource",
    "Order",
    "OrderCheck",
    "OrderDecision",
    "OrderPolicy",
    "RecordEntry",
    "SignedContract",
    "TemporaryRaise",
    "ZeroLimitReading",
    "check_order",
    "check_orders",
    "contract_records",
    "credit_limit",
    "exposure",
]

SPECIAL_CONTRACT = "C2.special_contract"
"""The ``Approval.what`` of the general manager's approval of a special contract (审批超出信用
范围的特殊合同): an order beyond the credit range, bound to the order (``subject``) and covering
its amount (``max_amount``)."""
CREDIT_RAISE = "C2.raise"
"""The ``Approval.what`` of a temporary raise of a customer's limit, bound to the customer."""
CONTRACT_REVIEW = "C2.contract_review"
"""The ``Approval.what`` of the business department's signature of a contract under the
contract-review procedure (合同评审控制程序), bound to the contract."""

_C2 = "C2; 003 §6.2.3-1(2), 6.2.4-7(1)"
_C2_EXPOSURE = "C2; 003 §6.2.4-7(1) 信用限额 (exposure undefined in the seed)"
_C2_CONTRACT = "C2; 003 §6.2.4-4(1)"
_C2_POINTS = "C2; 003 §6.2.3-1(2), 6.2.4-4"
_ZERO = Decimal(0)


# --------------------------------------------------------------------------- vocabulary


class ExposureComponent(LabelledEnum):
    """C2: a component of a customer's exposure, in the order reported."""

    OPEN_NOT_DUE = "open_not_due"
    """未到期应收账款 — open receivables not yet due (due on or after the day)."""
    PAST_DUE = "past_due"
    """逾期应收账款 — open receivables past their due date."""
    UNSHIPPED = "unshipped"
    """已签约未发货订单 — signed orders not yet shipped."""
    THIS_ORDER = "this_order"
    """本订单 — the order being checked."""


class CheckPoint(LabelledEnum):
    """C2: where in the order's life the credit check runs."""

    ORDER_CONFIRMATION = "order_confirmation"
    """订单确认(签约) — before the contract is signed."""
    SHIPMENT = "shipment"
    """发货 — before the goods leave (C3)."""
    INVOICE = "invoice"
    """开票 — when the receivable is invoiced."""


class CheckReaction(LabelledEnum):
    """C2/C3: what a check point does with an order that fails a check."""

    APPROVAL = "approval"
    """报总经理审批 — the order waits for the approval of a special contract."""
    HOLD = "hold"
    """暂停 — the order is held; an approval releases it."""
    WARN = "warn"
    """放行并提示 — the order goes ahead with a warning."""
    IGNORE = "ignore"
    """不检查 — no credit check at this point."""


class ZeroLimitReading(LabelledEnum):
    """C2: what an explicit limit of 0 means (ERPs disagree silently; here it is a choice)."""

    NO_CREDIT = "no_credit"
    """零额度即不授信 — any exposure is over the limit [default, as C1]."""
    NO_CHECK = "no_check"
    """零额度即不控制 — the limit is not checked."""


class LimitSource(LabelledEnum):
    """C2: where the limit in force came from."""

    CUSTOMER = "customer"
    """the customer's own credit card (客户信用管理卡)."""
    GROUP = "group"
    """the customer's group (policy ``group_limits``)."""
    COMPANY_DEFAULT = "company_default"
    """the company default (policy ``default_limit``)."""
    NONE = "none"
    """no limit anywhere: no credit."""
    NOT_RATED = "not_rated"
    """the customer has no credit terms (not rated, C1): no credit."""


class OrderDecision(LabelledEnum):
    """C2: the decision on an order at a check point."""

    ACCEPT = "accept"
    """通过 — every check enabled at the check point passes."""
    WARN = "warn"
    """放行并提示 — a check fails and the check point lets it go with a warning."""
    NEEDS_APPROVAL = "needs_approval"
    """需总经理审批 — a check fails: a special contract, awaiting the approval."""
    HOLD = "hold"
    """暂停 — a check fails and the check point holds the order until approved."""
    BY_EXCEPTION = "by_exception"
    """特批通过 — a check fails and a valid approval accepts it by exception."""
    REFUSED = "refused"
    """不予通过 — a check fails and the approval given does not hold (wrong role, smaller
    amount, expired, another order)."""

    @property
    def accepted(self) -> bool:
        """Whether the order goes ahead (accept, warn, by exception)."""
        return self in _GOES_AHEAD


_GOES_AHEAD = frozenset({OrderDecision.ACCEPT, OrderDecision.WARN, OrderDecision.BY_EXCEPTION})


class CreditFailure(LabelledEnum):
    """C2: a check an order fails."""

    NOT_RATED = "not_rated"
    """the customer has no credit terms (C1)."""
    OVER_LIMIT = "over_limit"
    """the exposure exceeds the limit in force."""
    SUB_LIMIT = "sub_limit"
    """a component exceeds its sub-limit."""
    PAST_DUE_BLOCK = "past_due_block"
    """past-due receivables above the tolerance (the past-due block option)."""
    TERM = "term"
    """the payment term is longer than granted."""
    FORM = "form"
    """the credit form was not granted."""


set_labels(
    {
        ExposureComponent.OPEN_NOT_DUE: ("未到期应收账款", "open receivables not due"),
        ExposureComponent.PAST_DUE: ("逾期应收账款", "past-due receivables"),
        ExposureComponent.UNSHIPPED: ("已签约未发货订单", "signed unshipped orders"),
        ExposureComponent.THIS_ORDER: ("本订单", "this order"),
        CheckPoint.ORDER_CONFIRMATION: ("订单确认", "order confirmation"),
        CheckPoint.SHIPMENT: ("发货", "shipment"),
        CheckPoint.INVOICE: ("开票", "invoice"),
        CheckReaction.APPROVAL: ("报总经理审批", "general manager's approval"),
        CheckReaction.HOLD: ("暂停", "hold"),
        CheckReaction.WARN: ("放行并提示", "go ahead with a warning"),
        CheckReaction.IGNORE: ("不检查", "no check"),
        ZeroLimitReading.NO_CREDIT: ("零额度即不授信", "a zero limit means no credit"),
        ZeroLimitReading.NO_CHECK: ("零额度即不控制", "a zero limit means no check"),
        LimitSource.CUSTOMER: ("客户信用管理卡", "the customer's credit card"),
        LimitSource.GROUP: ("客户组额度", "the customer group's limit"),
        LimitSource.COMPANY_DEFAULT: ("公司默认额度", "the company default"),
        LimitSource.NONE: ("未设额度", "no limit set"),
        LimitSource.NOT_RATED: ("未评定信用", "not rated"),
        OrderDecision.ACCEPT: ("通过", "accepted"),
        OrderDecision.WARN: ("放行并提示", "accepted with a warning"),
        OrderDecision.NEEDS_APPROVAL: ("需总经理审批", "needs the general manager's approval"),
        OrderDecision.HOLD: ("暂停", "held"),
        OrderDecision.BY_EXCEPTION: ("特批通过", "accepted by exception"),
        OrderDecision.REFUSED: ("不予通过", "refused"),
        CreditFailure.NOT_RATED: ("未评定信用", "not rated"),
        CreditFailure.OVER_LIMIT: ("超出信用额度", "over the limit"),
        CreditFailure.SUB_LIMIT: ("超出分项限额", "over a sub-limit"),
        CreditFailure.PAST_DUE_BLOCK: ("存在逾期账款", "past-due receivables"),
        CreditFailure.TERM: ("超出信用期限", "term longer than granted"),
        CreditFailure.FORM: ("信用形式未获授予", "credit form not granted"),
    }
)


# --------------------------------------------------------------------------- the policy

_REQUIRED = attrs.NOTHING


@policy
class ComponentPolicy:
    """C2: how one exposure component counts.

    Attributes:
        include: whether it counts towards the exposure checked against the limit [default:
            true for every component].
        sub_limit: a limit of its own in yuan, checked whether or not the component is
            included; the component exceeding it (超过) fails; ``None`` for none [default].
    """

    include: bool = setting(default=True, unit=Unit.FLAG, source=_C2_EXPOSURE, mark=Mark.DEFAULT)
    sub_limit: Decimal | None = setting(
        default=None, unit=Unit.YUAN, source=_C2_EXPOSURE, mark=Mark.DEFAULT
    )


@policy
class GroupLimit:
    """C2: the limit of a customer group, for its customers without a limit of their own.

    Attributes:
        group: the group's name, as the position gives it.
        limit: the limit in yuan.
    """

    group: str = setting(default=_REQUIRED, unit=Unit.TEXT, source=_C2, mark=Mark.DEFAULT)
    limit: Decimal = setting(default=_REQUIRED, unit=Unit.YUAN, source=_C2, mark=Mark.DEFAULT)


@policy
class OrderPolicy:
    """C2: the credit range, the exposure and how each check point reacts.

    Source: seed 003 §6.2.3-1(2), 6.2.4-4(1), 6.2.4-7(1).

    Attributes:
        approving_roles: who approves a special contract — an order beyond the credit range
            (总经理负责审批超出信用范围的特殊合同) [seed: the general manager].
        default_limit: the company default limit for a rated customer with no limit of its own
            nor of its group; ``None`` for none [default].
        group_limits: the limits of customer groups [default: none].
        zero_limit: what an explicit limit of 0 means [default: no credit, as C1].
        raise_roles: who may grant a temporary raise of a limit [default: the general manager,
            who approves what goes beyond the credit range].
        check_term: a payment term longer than granted needs the approval [default: true].
        check_form: a credit form not granted needs the approval [default: true].
        block_past_due: block any order while past-due receivables exceed the tolerance,
            whatever the limit [default: false — the seed has no such rule].
        past_due_tolerance: the past-due amount allowed with ``block_past_due`` [default: 0].
        open_not_due, past_due, unshipped, this_order: each exposure component's include flag
            and sub-limit [default: all included, no sub-limit].
        confirmation_reaction: at order confirmation, an order beyond the range waits for the
            general manager's approval [seed]. (At shipment, C3's ``shipment.reaction`` applies.)
        invoice_reaction: at invoicing [default: go ahead with a warning — the goods are gone,
            and holding the invoice would only delay the collection].
        confirmation_role: who acts once an order is accepted at confirmation: the business
            department signs the contract (业务部与客户签订合同) [seed].
        invoice_role: who acts once an order passes at invoicing: finance accounts for the
            receivable (财务部负责应收账款财务核算) [seed].
        contract_signers: who signs a contract under the contract-review procedure [seed: the
            business department].
        record_keeper: who enters a signed contract's copy on the records [seed: business
            statistics].
        contract_records: the records a signed contract's copy is entered on [seed: the customer
            credit card and the receivables aging record].

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    approving_roles: frozenset[Role] = setting(
        default=frozenset({Role.GENERAL_MANAGER}), unit=Unit.ROLES, source=_C2, min_items=1
    )
    default_limit: Decimal | None = setting(
        default=None, unit=Unit.YUAN, source=_C2, mark=Mark.DEFAULT
    )
    group_limits: tuple[GroupLimit, ...] = setting(
        default=(), unit=Unit.TABLES, source=_C2, mark=Mark.DEFAULT
    )
    zero_limit: ZeroLimitReading = setting(
        default=ZeroLimitReading.NO_CREDIT, unit=Unit.CHOICE, source=_C2, mark=Mark.DEFAULT
    )
    raise_roles: frozenset[Role] = setting(
        default=frozenset({Role.GENERAL_MANAGER}),
        unit=Unit.ROLES,
        source=_C2,
        mark=Mark.DEFAULT,
        min_items=1,
    )
    check_term: bool = setting(default=True, unit=Unit.FLAG, source=_C2, mark=Mark.DEFAULT)
    check_form: bool = setting(default=True, unit=Unit.FLAG, source=_C2, mark=Mark.DEFAULT)
    block_past_due: bool = setting(
        default=False, unit=Unit.FLAG, source=_C2_EXPOSURE, mark=Mark.DEFAULT
    )
    past_due_tolerance: Decimal = setting(
        default=_ZERO, unit=Unit.YUAN, source=_C2_EXPOSURE, mark=Mark.DEFAULT
    )
    open_not_due: ComponentPolicy = setting(
        default=ComponentPolicy(), unit=Unit.TABLE, source=_C2_EXPOSURE, mark=Mark.DEFAULT
    )
    past_due: ComponentPolicy = setting(
        default=ComponentPolicy(), unit=Unit.TABLE, source=_C2_EXPOSURE, mark=Mark.DEFAULT
    )
    unshipped: ComponentPolicy = setting(
        default=ComponentPolicy(), unit=Unit.TABLE, source=_C2_EXPOSURE, mark=Mark.DEFAULT
    )
    this_order: ComponentPolicy = setting(
        default=ComponentPolicy(), unit=Unit.TABLE, source=_C2_EXPOSURE, mark=Mark.DEFAULT
    )
    confirmation_reaction: CheckReaction = setting(
        default=CheckReaction.APPROVAL, unit=Unit.CHOICE, source=_C2_POINTS
    )
    invoice_reaction: CheckReaction = setting(
        default=CheckReaction.WARN, unit=Unit.CHOICE, source=_C2_POINTS, mark=Mark.DEFAULT
    )
    confirmation_role: Role = setting(
        default=Role.BUSINESS_DEPARTMENT, unit=Unit.ROLE, source=_C2_CONTRACT
    )
    invoice_role: Role = setting(default=Role.FINANCE, unit=Unit.ROLE, source="C2; 003 §6.2.3-5")
    contract_signers: frozenset[Role] = setting(
        default=frozenset({Role.BUSINESS_DEPARTMENT}),
        unit=Unit.ROLES,
        source=_C2_CONTRACT,
        min_items=1,
    )
    record_keeper: Role = setting(
        default=Role.BUSINESS_STATISTICS, unit=Unit.ROLE, source=_C2_CONTRACT
    )
    contract_records: tuple[CreditRecord, ...] = setting(
        default=(CreditRecord.CREDIT_CARD, CreditRecord.AGING_RECORD),
        unit=Unit.CHOICE,
        source=_C2_CONTRACT,
        min_items=1,
    )

    def _check(self) -> Iterator[Problem]:
        seen: set[str] = set()
        for i, row in enumerate(self.group_limits):
            if row.group in seen:
                yield Problem(f"group_limits[{i}].group", f"duplicate group {row.group!r}")
            seen.add(row.group)
        if len(set(self.contract_records)) != len(self.contract_records):
            yield Problem.mismatch("contract_records", self.contract_records, "each record once")

    @functools.cached_property
    def _plain(self) -> bool:
        """Every exposure component included and none with a sub-limit (the seed book)."""
        return all(c.include and c.sub_limit is None for c in self._components.values())

    @functools.cached_property
    def _groups(self) -> dict[str, Decimal]:
        return {row.group: row.limit for row in self.group_limits}

    def group_limit(self, group: str) -> Decimal | None:
        """The limit of ``group``, or ``None`` when the policy gives it none."""
        return self._groups.get(group)

    def component(self, component: ExposureComponent) -> ComponentPolicy:
        """The include flag and sub-limit of ``component``."""
        return self._components[component]

    @functools.cached_property
    def _components(self) -> dict[ExposureComponent, ComponentPolicy]:
        return {
            ExposureComponent.OPEN_NOT_DUE: self.open_not_due,
            ExposureComponent.PAST_DUE: self.past_due,
            ExposureComponent.UNSHIPPED: self.unshipped,
            ExposureComponent.THIS_ORDER: self.this_order,
        }


# --------------------------------------------------------------------------- facts


def _amount(value: object) -> Decimal:
    return parse_amount(value, "amount")


def _optional_days(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (type(value) is not int or not 0 <= value <= 3650):
        raise InputError(attribute.name, value, "a whole number of days from 0 to 3650, or None")


def _currency(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not str or len(value) != 3 or not value.isascii() or not value.isupper():
        raise InputError(attribute.name, value, "an ISO 4217 currency code such as 'CNY'")


_IS_FORM = fact_check(CreditForm, "a CreditForm or None", optional=True)


@attrs.frozen
class Order:
    """C2: an order (or the unshipped part of a signed one) on credit.

    Attributes:
        id: the host's id of the order; a re-submission keeps its id.
        customer: the customer's id.
        amount: the amount in yuan (for a signed order in a position: the part not yet shipped).
        term_days: the payment term it asks for; ``None`` for the customer's granted term.
        form: the credit form it asks for; ``None`` for a form granted to the customer.
        currency: ISO 4217 code, ``"CNY"`` by default; the rules refuse any other.

    Raises:
        InputError: naming the field.

    Example:
        >>> Order("SO-1", "C007", "12万").amount
        Decimal('120000')
    """

    id: str = attrs.field(validator=non_empty_text)
    customer: str = attrs.field(validator=non_empty_text)
    amount: Decimal = attrs.field(converter=_amount)
    term_days: int | None = attrs.field(default=None, validator=_optional_days)
    form: CreditForm | None = attrs.field(default=None, validator=_IS_FORM)
    currency: str = attrs.field(default=CNY, validator=_currency)


def _check_raise_approval(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Approval):
        raise InputError("approval", value, "an Approval")
    if value.valid_until is None:
        raise InputError(
            "approval.valid_until", None, "the last day of the temporary raise (it must expire)"
        )


@attrs.frozen
class TemporaryRaise:
    """C2: a temporary raise of a customer's limit, in force from the approval's ``on`` to its
    ``valid_until`` (which it must have: a temporary raise expires).

    Attributes:
        amount: the raise in yuan.
        approval: the approval for :data:`CREDIT_RAISE`, bound to the customer (``subject``),
            covering the amount (``max_amount``, if given).

    Raises:
        InputError: naming the field; ``approval.valid_until`` for an approval without an end.
    """

    amount: Decimal = attrs.field(converter=_amount)
    approval: Approval = attrs.field(validator=_check_raise_approval)


def _tuple_of(value: object, kind: type, name: str, one: str) -> tuple[Any, ...]:
    """``value`` as a tuple of ``kind`` (``one`` names an item: "an Order"), naming ``name`` or
    the item at fault."""
    if type(value) is tuple and all(type(v) is kind for v in value):
        return value
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple):
        raise InputError(name, value, f"a list of {kind.__name__} values")
    for i, item in enumerate(value):
        if not isinstance(item, kind):
            raise InputError(f"{name}[{i}]", item, one)
    return tuple(value)


def _to_receivables(value: object) -> tuple[Receivable, ...]:
    return _tuple_of(value, Receivable, "receivables", "a Receivable")


def _to_unshipped(value: object) -> tuple[Order, ...]:
    return _tuple_of(value, Order, "unshipped", "an Order")


def _to_raises(value: object) -> tuple[TemporaryRaise, ...]:
    return _tuple_of(value, TemporaryRaise, "raises", "a TemporaryRaise")


def _optional_group(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError("group", value, "a group name or None")


@attrs.frozen
class CreditPosition:
    """C2: what the company has at stake with one customer, and its credit terms.

    Attributes:
        customer: the customer's id.
        terms: its credit terms (from its rating, C1); ``None`` for a customer not rated, who
            has no credit.
        group: its customer group, for a group limit; ``None`` for none.
        receivables: its receivables (:class:`~customer_rules.credit.Receivable`), paid or not.
        unshipped: its signed orders not yet (fully) shipped, each with the unshipped amount;
            ids unique.
        raises: temporary raises of its limit (in force or not).

    Raises:
        InputError: naming the field: an item of another customer
            (``receivables[2].customer``), a duplicate unshipped order id, a wrong type.
    """

    customer: str = attrs.field(validator=non_empty_text)
    terms: CreditTerms | None = attrs.field(
        default=None, validator=fact_check(CreditTerms, "CreditTerms or None", optional=True)
    )
    group: str | None = attrs.field(default=None, validator=_optional_group)
    receivables: tuple[Receivable, ...] = attrs.field(default=(), converter=_to_receivables)
    unshipped: tuple[Order, ...] = attrs.field(default=(), converter=_to_unshipped)
    raises: tuple[TemporaryRaise, ...] = attrs.field(default=(), converter=_to_raises)

    def __attrs_post_init__(self) -> None:
        problems = [
            Problem.mismatch(f"receivables[{i}].customer", r.customer, repr(self.customer))
            for i, r in enumerate(self.receivables)
            if r.customer != self.customer
        ]
        seen: set[str] = set()
        for i, o in enumerate(self.unshipped):
            if o.customer != self.customer:
                problems.append(
                    Problem.mismatch(f"unshipped[{i}].customer", o.customer, repr(self.customer))
                )
            if o.id in seen:
                problems.append(Problem.mismatch(f"unshipped[{i}].id", o.id, "a unique order id"))
            seen.add(o.id)
        if problems:
            raise InputError.of(problems)


# --------------------------------------------------------------------------- the limit


@attrs.frozen
class CreditLimit:
    """C2: the limit in force for a customer on a day, and where it came from.

    Attributes:
        customer: the customer's id.
        on: the day.
        source: where the base limit came from.
        base: the base limit (0 for none).
        group: the customer's group, if any.
        raises: the temporary raises of the position.
        statuses: what each raise's approval is worth on ``on``, in the same order; a raise
            counts only when ``GRANTED``.
        amount: the limit in force — base plus the raises in force; ``None`` when an explicit
            zero limit means "no check".
        policy_version: the version of the policy book that decided.
        policy_effective: the effective date of that book.
    """

    customer: str
    on: dt.date
    source: LimitSource
    base: Decimal
    group: str | None
    raises: tuple[TemporaryRaise, ...]
    statuses: tuple[ApprovalStatus, ...]
    amount: Decimal | None
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def granted(self) -> bool:
        """Whether the customer has credit at all (rated, with a limit set somewhere)."""
        return self.source not in (LimitSource.NOT_RATED, LimitSource.NONE)

    @functools.cached_property
    def next_role(self) -> Role | None:
        """C11: the business department rates the customer or sets its limit when it has no
        credit; ``None`` otherwise (nobody needs to act on a limit)."""
        return None if self.granted else Role.BUSINESS_DEPARTMENT

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C2: where the limit came from, each raise in force or not, and the zero reading."""
        return tuple(_limit_reasons(self))


_SOURCE_CODES = {
    LimitSource.CUSTOMER: CreditReason.C2_LIMIT_CUSTOMER,
    LimitSource.GROUP: CreditReason.C2_LIMIT_GROUP,
    LimitSource.COMPANY_DEFAULT: CreditReason.C2_LIMIT_DEFAULT,
    LimitSource.NONE: CreditReason.C2_LIMIT_NONE,
    LimitSource.NOT_RATED: CreditReason.C2_NOT_RATED,
}


def _limit_reasons(r: CreditLimit) -> Iterator[Reason]:
    yield Reason.of("C2", _SOURCE_CODES[r.source], customer=r.customer, limit=r.base, group=r.group)
    for raised, status in zip(r.raises, r.statuses, strict=False):
        a = raised.approval
        if status is ApprovalStatus.GRANTED:
            yield Reason.of(
                "C2",
                CreditReason.C2_RAISE,
                amount=raised.amount,
                who=a.who,
                role=a.role,
                until=a.valid_until,
            )
        else:
            yield Reason.of(
                "C2",
                CreditReason.C2_RAISE_IGNORED,
                amount=raised.amount,
                who=a.who,
                role=a.role,
                finding=ApprovalFinding.of(status),
            )
    if r.granted and r.amount is None:
        yield Reason.of("C2", CreditReason.C2_ZERO_NO_CHECK)
    elif r.granted and r.amount == _ZERO:
        yield Reason.of("C2", CreditReason.C2_ZERO_NO_CREDIT)
    elif r.granted and r.raises:
        yield Reason.of("C2", CreditReason.C2_LIMIT_IN_FORCE, limit=r.amount)


def _limit(position: CreditPosition, credit: CreditPolicy, day: dt.date) -> CreditLimit:
    p = credit.orders
    terms = position.terms
    group = position.group
    if terms is None:
        source, base = LimitSource.NOT_RATED, _ZERO
    elif terms.limit is not None:
        source, base = LimitSource.CUSTOMER, terms.limit
    elif group is not None and p.group_limit(group) is not None:
        source, base = LimitSource.GROUP, p._groups[group]
    elif p.default_limit is not None:
        source, base = LimitSource.COMPANY_DEFAULT, p.default_limit
    else:
        source, base = LimitSource.NONE, _ZERO
    raises = position.raises if terms is not None else ()
    statuses = tuple(
        approval_status(
            r.approval,
            p.raise_roles,
            CREDIT_RAISE,
            day,
            subject=position.customer,
            amount=r.amount,
        )
        for r in raises
    )
    amount: Decimal | None = base + sum(
        (r.amount for r, s in zip(raises, statuses, strict=True) if s is ApprovalStatus.GRANTED),
        _ZERO,
    )
    if (
        amount == _ZERO
        and source not in (LimitSource.NOT_RATED, LimitSource.NONE)
        and p.zero_limit is ZeroLimitReading.NO_CHECK
    ):
        amount = None
    return CreditLimit(
        position.customer,
        day,
        source,
        base,
        group,
        raises,
        statuses,
        amount,
        credit.version,
        policy_effective=credit.effective,
    )


def _position(value: object) -> CreditPosition:
    if type(value) is not CreditPosition and not isinstance(value, CreditPosition):
        raise InputError("position", value, "a CreditPosition")
    return value


def credit_limit(position: CreditPosition, policy: CreditPolicy, *, on: dt.date) -> CreditLimit:
    """C2: the limit in force for the customer of ``position`` on ``on``, and where it came from.

    The base is the customer's own limit (its terms); for terms without one, its group's
    (``policy.orders.group_limits``), else the company default (``default_limit``); with none of
    these, or without terms at all (not rated, C1), there is no credit. The temporary raises whose
    approval (by ``raise_roles``, for :data:`CREDIT_RAISE`, bound to the customer, covering the
    raise) holds on ``on`` are added; an expired or wrong one is reported and not added. An
    explicit total of 0 is "no credit" or "no check" as ``zero_limit`` says.

    Raises:
        InputError: naming ``position``, ``policy`` or ``on``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> p = CreditPosition("C007", CreditTerms("50万", 60, (CreditForm.OPEN_ACCOUNT,)))
        >>> limit = credit_limit(p, CreditPolicy(), on=dt.date(2026, 11, 30))
        >>> limit.amount, limit.source
        (Decimal('500000'), <LimitSource.CUSTOMER: 'customer'>)
    """
    pos = _position(position)
    return _job(policy, on, CheckPoint.ORDER_CONFIRMATION).base(pos).limit


# --------------------------------------------------------------------------- exposure


class _Job:
    """One policy, day and check point: what every order checked with them shares (the checks
    of the arguments, the policy's reaction and flags) and, per position, its :class:`_Base`.
    Kept by :func:`_job`; bounded."""

    __slots__ = (
        "approver",
        "at",
        "bases",
        "check_form",
        "check_term",
        "credit",
        "day",
        "effective",
        "inc_not_due",
        "inc_past",
        "inc_this",
        "inc_unshipped",
        "p",
        "reaction",
        "sub_not_due",
        "sub_past",
        "sub_this",
        "sub_unshipped",
        "then",
        "tolerance",
        "version",
    )

    def __init__(self, credit: CreditPolicy, day: dt.date, at: CheckPoint) -> None:
        p = credit.orders
        self.credit, self.p, self.day, self.at = credit, p, day, at
        self.reaction, self.then = _reaction(credit, at)
        self.approver = in_rank_order(p.approving_roles)[0]
        self.version, self.effective = credit.version, credit.effective
        self.inc_not_due, self.sub_not_due = p.open_not_due.include, p.open_not_due.sub_limit
        self.inc_past, self.sub_past = p.past_due.include, p.past_due.sub_limit
        self.inc_unshipped, self.sub_unshipped = p.unshipped.include, p.unshipped.sub_limit
        self.inc_this, self.sub_this = p.this_order.include, p.this_order.sub_limit
        self.tolerance = p.past_due_tolerance if p.block_past_due else None
        self.check_term, self.check_form = p.check_term, p.check_form
        self.bases: dict[int, _Base] = {}

    def base(self, position: CreditPosition) -> _Base:
        """The shared sums of ``position``, worked out once; each entry holds its position, so
        an id in a key is not reused while the entry lives."""
        found = self.bases.get(id(position))
        if found is not None and found.position is position:
            return found
        return keep(self.bases, id(position), _Base(position, self), _BASES_MAX)


class _Base:
    """What every order of one position shares on a day: the limit, the receivables' and
    unshipped orders' sums and the checks that do not depend on the order."""

    __slots__ = (
        "blocked",
        "by_id",
        "fixed",
        "head",
        "limit",
        "limit_amount",
        "open_not_due",
        "past_due",
        "position",
        "standing_sub",
        "terms",
        "unshipped",
    )

    def __init__(self, position: CreditPosition, job: _Job) -> None:
        require_cny(position.receivables, "position.receivables")
        require_cny(position.unshipped, "position.unshipped")
        day = job.day
        self.position = position
        self.terms = position.terms
        self.limit = _limit(position, job.credit, day)
        rated = position.terms is not None
        self.head: tuple[CreditFailure, ...] = () if rated else (CreditFailure.NOT_RATED,)
        self.limit_amount = self.limit.amount if rated else None
        not_due = past = _ZERO
        for r in position.receivables:
            if r.due < day:
                past += r.amount - r.paid
            else:
                not_due += r.amount - r.paid
        self.open_not_due, self.past_due = not_due, past
        self.by_id = {o.id: o.amount for o in position.unshipped}
        self.unshipped = sum(self.by_id.values(), _ZERO)
        self.fixed = (not_due if job.inc_not_due else _ZERO) + (past if job.inc_past else _ZERO)
        self.standing_sub = (job.sub_not_due is not None and not_due > job.sub_not_due) or (
            job.sub_past is not None and past > job.sub_past
        )
        self.blocked = job.tolerance is not None and past > job.tolerance


_BASES_MAX = 4096
_JOBS: dict[tuple[int, dt.date, CheckPoint], _Job] = {}
_LAST: dict[int, _Job] = {}
"""The job of the last call under key 0, checked first (a host checks many orders with one
policy, day and check point); kept by :func:`keep`, so ``forget_all`` empties it too."""


def _job(policy: object, on: object, at: object) -> _Job:
    """The job of ``policy``, ``on`` and ``at``, after checking them (naming ``policy``, ``on``
    or ``at``)."""
    credit = credit_policy(policy)
    day = checked_day(credit, on)
    point = _check_point(at)
    key = (id(credit), day, point)
    found = _JOBS.get(key)
    if found is None or found.credit is not credit:
        found = keep(_JOBS, key, _Job(credit, day, point), 16)
    keep(_LAST, 0, found, 1)
    return found


@attrs.frozen
class ComponentAmount:
    """C2: one component of an exposure.

    Attributes:
        component: which.
        amount: its amount in yuan.
        included: whether it counts towards the exposure checked against the limit.
        sub_limit: its own limit, if the policy gives one.
    """

    component: ExposureComponent
    amount: Decimal
    included: bool
    sub_limit: Decimal | None

    @property
    def over(self) -> Decimal:
        """How far it exceeds its sub-limit (0 within it or without one)."""
        s = self.sub_limit
        return self.amount - s if s is not None and self.amount > s else _ZERO


@quick_init
@attrs.frozen
class Exposure:
    """C2: a customer's exposure on a day, component by component.

    Attributes:
        customer: the customer's id.
        on: the day (receivables due before it are past due).
        open_not_due: open receivables due on or after ``on``.
        past_due: open receivables due before ``on``.
        unshipped: signed orders not yet shipped (without the order checked, if it is one of
            them: a re-submission replaces its earlier amount).
        this_order: the order checked (0 for none).
        total: the sum of the included components — what the limit is checked against.
        policy: the order policy (include flags, sub-limits).
        policy_version: the version of the policy book that decided.
        policy_effective: the effective date of that book.
    """

    customer: str
    on: dt.date
    open_not_due: Decimal
    past_due: Decimal
    unshipped: Decimal
    this_order: Decimal
    total: Decimal
    policy: OrderPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def components(self) -> tuple[ComponentAmount, ...]:
        """The four components in :class:`ExposureComponent` order, each with its include flag
        and sub-limit."""
        return tuple(
            ComponentAmount(c, amount, rule.include, rule.sub_limit)
            for c, rule, amount in _component_amounts(
                self.policy, self.open_not_due, self.past_due, self.unshipped, self.this_order
            )
        )

    @functools.cached_property
    def next_role(self) -> Role | None:
        """C11: ``None`` — an exposure is a measurement; the decision on it names who acts."""
        return None

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C2: the total and each component (those the policy leaves out named), then each
        component over its sub-limit."""
        return _exposure_reasons(
            self.policy,
            self.total,
            self.open_not_due,
            self.past_due,
            self.unshipped,
            self.this_order,
        )


def _exposure_reasons(
    p: OrderPolicy,
    total: Decimal,
    open_not_due: Decimal,
    past_due: Decimal,
    unshipped: Decimal,
    this_order: Decimal,
) -> tuple[Reason, ...]:
    """The reasons of an exposure (:attr:`Exposure.reasons`), from its amounts: what an
    :class:`OrderCheck` explains without building its :class:`Exposure`."""
    amounts = {
        "total": total,
        "open_not_due": open_not_due,
        "past_due": past_due,
        "unshipped": unshipped,
        "this_order": this_order,
    }
    if p._plain:  # every component included, none with a sub-limit (the seed book)
        return (Reason.of("C2", CreditReason.C2_EXPOSURE, **amounts),)
    values = _component_amounts(p, open_not_due, past_due, unshipped, this_order)
    excluded = tuple(c for c, rule, _ in values if not rule.include)
    if excluded:
        head = Reason.of("C2", CreditReason.C2_EXPOSURE_PARTIAL, **amounts, excluded=excluded)
    else:
        head = Reason.of("C2", CreditReason.C2_EXPOSURE, **amounts)
    return (
        head,
        *(
            Reason.of(
                "C2",
                CreditReason.C2_SUB_LIMIT,
                component=c,
                amount=value,
                sub_limit=rule.sub_limit,
                over=value - rule.sub_limit,
            )
            for c, rule, value in values
            if rule.sub_limit is not None and value > rule.sub_limit
        ),
    )


def _component_amounts(
    p: OrderPolicy,
    open_not_due: Decimal,
    past_due: Decimal,
    unshipped: Decimal,
    this_order: Decimal,
) -> tuple[tuple[ExposureComponent, ComponentPolicy, Decimal], ...]:
    """Each exposure component in :class:`ExposureComponent` order with its rule (include flag,
    sub-limit) and its amount."""
    return (
        (ExposureComponent.OPEN_NOT_DUE, p.open_not_due, open_not_due),
        (ExposureComponent.PAST_DUE, p.past_due, past_due),
        (ExposureComponent.UNSHIPPED, p.unshipped, unshipped),
        (ExposureComponent.THIS_ORDER, p.this_order, this_order),
    )


def _exposure(job: _Job, base: _Base, unshipped: Decimal, amount: Decimal) -> Exposure:
    total = base.fixed
    if job.inc_unshipped:
        total += unshipped
    if job.inc_this:
        total += amount
    return Exposure(
        base.position.customer,
        job.day,
        base.open_not_due,
        base.past_due,
        unshipped,
        amount,
        total,
        job.p,
        job.version,
        policy_effective=job.effective,
    )


def exposure(
    position: CreditPosition,
    policy: CreditPolicy,
    *,
    on: dt.date,
    order: Order | None = None,
) -> Exposure:
    """C2: the exposure of ``position`` on ``on``, with ``order`` as this order if given.

    Open receivables (amount less paid) are past due when their due date is before ``on``, not
    yet due otherwise. An ``order`` already among the position's unshipped orders (the same id)
    counts once, as this order.

    Raises:
        InputError: naming ``position``, ``policy``, ``on`` or ``order``, and any receivable,
            unshipped order or order not in CNY (``position.receivables[1].currency``).

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy, Receivable
        >>> p = CreditPosition("C007", receivables=[
        ...     Receivable("INV-1", "C007", "10万", dt.date(2026, 10, 31)),
        ...     Receivable("INV-2", "C007", "5万", dt.date(2026, 12, 31))])
        >>> day = dt.date(2026, 11, 30)
        >>> e = exposure(p, CreditPolicy(), on=day, order=Order("SO-9", "C007", "2万"))
        >>> e.past_due, e.open_not_due, e.this_order, e.total
        (Decimal('100000'), Decimal('50000'), Decimal('20000'), Decimal('170000'))
    """
    pos = _position(position)
    job = _job(policy, on, CheckPoint.ORDER_CONFIRMATION)
    base = job.base(pos)
    if order is None:
        return _exposure(job, base, base.unshipped, _ZERO)
    _check_order(order, pos)
    prior = base.by_id.get(order.id)
    unshipped = base.unshipped if prior is None else base.unshipped - prior
    return _exposure(job, base, unshipped, order.amount)


# --------------------------------------------------------------------------- the decision


@quick_init(preset=("reasons",))
@attrs.frozen
class OrderCheck:
    """C2: the decision on one order at one check point.

    Attributes:
        order: the order.
        at: the check point.
        reaction: how the check point reacts to a failed check (the policy's).
        decision: accept, warn, needs approval, hold, accepted by exception, refused.
        failures: the checks the order fails (empty when ``reaction`` is ``IGNORE``).
        terms: the customer's credit terms, if rated.
        limit: the limit in force and where it came from.
        open_not_due: the exposure's open receivables not yet due.
        past_due: the exposure's past-due receivables.
        unshipped: the exposure's signed unshipped orders (without this order; with the
            earlier orders of a sequence that went ahead).
        total: the exposure with this order: the sum of the included components.
        replaces: the earlier amount of the same order (a re-submission), which this one
            replaces; ``None`` for a new order.
        approval: the approval given, if any.
        approval_status: what it is worth (``None`` when none was needed or given).
        next_role: C11 — who acts next: the approving role while an approval is needed or
            refused; otherwise the check point's role (the business department signs at
            confirmation, the warehouse keeper ships, finance books the invoice).
        policy: the order policy (include flags, sub-limits).
        policy_version: the version of the policy book that decided.
        policy_effective: the effective date of that book.

    Derived: ``accepted``, ``exposure`` (the :class:`Exposure` with this order, component by
    component), ``over`` (the amount over the limit), ``collect_first`` and ``ship_less`` (what
    would make it pass), ``reasons``.
    """

    order: Order
    at: CheckPoint
    reaction: CheckReaction
    decision: OrderDecision
    failures: tuple[CreditFailure, ...]
    terms: CreditTerms | None
    limit: CreditLimit
    open_not_due: Decimal
    past_due: Decimal
    unshipped: Decimal
    total: Decimal
    replaces: Decimal | None
    approval: Approval | None
    approval_status: ApprovalStatus | None
    next_role: Role | None
    policy: OrderPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def exposure(self) -> Exposure:
        """The exposure with this order, component by component (its amounts are this result's
        ``open_not_due``, ``past_due``, ``unshipped``, ``total`` and the order's amount; not
        repeated in the result's data)."""
        return self._exposure

    @functools.cached_property
    def _exposure(self) -> Exposure:
        return Exposure(
            self.order.customer,
            self.limit.on,
            self.open_not_due,
            self.past_due,
            self.unshipped,
            self.order.amount,
            self.total,
            self.policy,
            self.policy_version,
            policy_effective=self.policy_effective,
        )

    @property
    def accepted(self) -> bool:
        """Whether the order goes ahead: accepted, with a warning, or by exception."""
        return self.decision in _GOES_AHEAD

    @functools.cached_property
    def over(self) -> Decimal:
        """The amount by which the exposure exceeds the limit in force (the whole exposure for a
        customer without credit); 0 within it."""
        failures = self.failures
        if CreditFailure.NOT_RATED in failures:
            return self.total
        if CreditFailure.OVER_LIMIT in failures and self.limit.amount is not None:
            return self.total - self.limit.amount
        return _ZERO

    @functools.cached_property
    def collect_first(self) -> Decimal | None:
        """The smallest amount to collect from the customer's open receivables (past due first)
        that would make every failed check pass; ``None`` when collecting cannot (a term, form,
        unshipped or this-order failure, no credit, or not enough receivables)."""
        return _collect_first(self)

    @functools.cached_property
    def ship_less(self) -> Decimal | None:
        """The smallest reduction of this order that would make every failed check pass;
        ``None`` when reducing it cannot (another kind of failure, or nothing of it fits)."""
        return _ship_less(self)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C2: the limit, the exposure, each failed check, the decision and what would make
        it pass."""
        return tuple(_check_reasons(self))


def _collect_first(c: OrderCheck) -> Decimal | None:
    failures = c.failures
    if not failures or not _RECEIVABLE_FAILURES.issuperset(failures):
        return None
    p = c.policy
    if (p.unshipped.sub_limit is not None and c.unshipped > p.unshipped.sub_limit) or (
        p.this_order.sub_limit is not None and c.order.amount > p.this_order.sub_limit
    ):
        return None
    past, not_due = c.past_due, c.open_not_due
    need = _ZERO
    if CreditFailure.OVER_LIMIT in failures:
        over = c.over
        if p.past_due.include and (
            over <= past or (p.open_not_due.include and over <= past + not_due)
        ):
            need = over
        elif not p.past_due.include and p.open_not_due.include and over <= not_due:
            need = past + over
        else:
            return None
    sub = p.past_due.sub_limit
    if sub is not None and past > sub:
        need = max(need, past - sub)
    sub = p.open_not_due.sub_limit
    if sub is not None and not_due > sub:
        need = max(need, past + not_due - sub)
    if CreditFailure.PAST_DUE_BLOCK in failures:
        need = max(need, past - p.past_due_tolerance)
    return need


_RECEIVABLE_FAILURES = frozenset(
    {CreditFailure.OVER_LIMIT, CreditFailure.SUB_LIMIT, CreditFailure.PAST_DUE_BLOCK}
)
_ORDER_FAILURES = frozenset({CreditFailure.OVER_LIMIT, CreditFailure.SUB_LIMIT})


def _ship_less(c: OrderCheck) -> Decimal | None:
    failures = c.failures
    if not failures or not _ORDER_FAILURES.issuperset(failures):
        return None
    p, amount = c.policy, c.order.amount
    for sub, value in (
        (p.open_not_due.sub_limit, c.open_not_due),
        (p.past_due.sub_limit, c.past_due),
        (p.unshipped.sub_limit, c.unshipped),
    ):
        if sub is not None and value > sub:
            return None
    need = _ZERO
    if CreditFailure.OVER_LIMIT in failures:
        if not p.this_order.include:
            return None
        need = c.over
    sub = p.this_order.sub_limit
    if sub is not None and amount > sub:
        need = max(need, amount - sub)
    return need if need < amount else None


def _check_reasons(c: OrderCheck) -> Iterator[Reason]:
    yield from c.limit.reasons
    order = c.order
    yield from _exposure_reasons(
        c.policy, c.total, c.open_not_due, c.past_due, c.unshipped, order.amount
    )
    if c.replaces is not None:
        yield Reason.of("C2", CreditReason.C2_RESUBMITTED, order=order.id, earlier=c.replaces)
    if c.reaction is CheckReaction.IGNORE:
        yield Reason.of("C2", CreditReason.C2_NOT_CHECKED, at=c.at)
    for failure in c.failures:
        if failure is CreditFailure.OVER_LIMIT:
            yield Reason.of(
                "C2",
                CreditReason.C2_OVER_LIMIT,
                total=c.total,
                limit=c.limit.amount,
                over=c.over,
            )
        elif failure is CreditFailure.PAST_DUE_BLOCK:
            yield Reason.of(
                "C2",
                CreditReason.C2_PAST_DUE_BLOCK,
                past_due=c.past_due,
                tolerance=c.policy.past_due_tolerance,
            )
        elif failure is CreditFailure.TERM and c.terms is not None:
            yield Reason.of(
                "C2", CreditReason.C2_TERM, days=order.term_days, granted=c.terms.term_days
            )
        elif failure is CreditFailure.FORM and c.terms is not None:
            yield Reason.of("C2", CreditReason.C2_FORM, form=order.form, granted=c.terms.forms)
        # NOT_RATED and SUB_LIMIT are told by the limit's and the exposure's own reasons
    yield _decision_reason(c)
    if c.decision is OrderDecision.BY_EXCEPTION:
        return
    collect, less = c.collect_first, c.ship_less
    if collect is not None:
        yield Reason.of("C2", CreditReason.C2_COLLECT_FIRST, amount=collect)
    if less is not None:
        yield Reason.of("C2", CreditReason.C2_SHIP_LESS, amount=less, remaining=order.amount - less)


def _decision_reason(c: OrderCheck) -> Reason:
    d = c.decision
    if d is OrderDecision.ACCEPT:
        return Reason.of("C2", CreditReason.C2_ACCEPT, at=c.at, next=c.next_role)
    if d is OrderDecision.WARN:
        return Reason.of("C2", CreditReason.C2_WARN, at=c.at, next=c.next_role)
    if d is OrderDecision.NEEDS_APPROVAL:
        return Reason.of("C2", CreditReason.C2_NEEDS_APPROVAL, order=c.order.id, next=c.next_role)
    if d is OrderDecision.HOLD:
        return Reason.of("C2", CreditReason.C2_HOLD, at=c.at, next=c.next_role)
    a = c.approval
    assert a is not None  # pragma: no mutate
    assert c.approval_status is not None  # pragma: no mutate
    if d is OrderDecision.BY_EXCEPTION:
        return Reason.of("C2", CreditReason.C2_BY_EXCEPTION, who=a.who, role=a.role, signed=a.on)
    return Reason.of(
        "C2",
        CreditReason.C2_APPROVAL_REFUSED,
        who=a.who,
        role=a.role,
        finding=ApprovalFinding.of(c.approval_status),
        next=c.next_role,
    )


def _check_order(order: object, position: CreditPosition) -> Order:
    if type(order) is not Order and not isinstance(order, Order):
        raise InputError("order", order, "an Order")
    if order.customer != position.customer:
        raise InputError("order.customer", order.customer, repr(position.customer))
    if order.currency != CNY:
        raise InputError("order.currency", order.currency, f"'{CNY}': amounts in one currency")
    return order


def _reaction(credit: CreditPolicy, at: CheckPoint) -> tuple[CheckReaction, Role]:
    if at is CheckPoint.ORDER_CONFIRMATION:
        return credit.orders.confirmation_reaction, credit.orders.confirmation_role
    if at is CheckPoint.SHIPMENT:
        shipment = credit.shipment
        held = shipment.reaction is ShipmentReaction.HOLD
        return (CheckReaction.HOLD if held else CheckReaction.WARN), shipment.release_role
    return credit.orders.invoice_reaction, credit.orders.invoice_role


_NONE: tuple[CreditFailure, ...] = ()


def _decide(
    job: _Job,
    base: _Base,
    order: Order,
    unshipped: Decimal,
    replaces: Decimal | None,
    approval: Approval | None,
) -> OrderCheck:
    amount = order.amount
    total = base.fixed
    if job.inc_unshipped:
        total += unshipped
    if job.inc_this:
        total += amount
    terms = base.terms
    reaction = job.reaction
    failures = _NONE
    if reaction is not _IGNORE:
        found = base.head
        limit = base.limit_amount
        if limit is not None and total > limit:
            found = (*found, _OVER)
        if (
            base.standing_sub
            or (job.sub_unshipped is not None and unshipped > job.sub_unshipped)
            or (job.sub_this is not None and amount > job.sub_this)
        ):
            found = (*found, _SUB)
        if base.blocked:
            found = (*found, _BLOCKED)
        if terms is not None:
            days = order.term_days
            if days is not None and days > terms.term_days and job.check_term:
                found = (*found, _TERM)
            form = order.form
            if form is not None and form not in terms.forms and job.check_form:
                found = (*found, _FORM)
        failures = found
    status = None
    if not failures:
        decision, next_role = _ACCEPT, job.then
    elif reaction is _WARN:
        decision, next_role = OrderDecision.WARN, job.then
    elif approval is None:
        decision = OrderDecision.NEEDS_APPROVAL if reaction is _APPROVAL else OrderDecision.HOLD
        next_role = job.approver
    else:
        status = approval_status(
            approval,
            job.p.approving_roles,
            SPECIAL_CONTRACT,
            job.day,
            subject=order.id,
            amount=amount,
        )
        if status is ApprovalStatus.GRANTED:
            decision, next_role = OrderDecision.BY_EXCEPTION, job.then
        else:
            decision, next_role = OrderDecision.REFUSED, job.approver
    return OrderCheck(
        order,
        job.at,
        reaction,
        decision,
        failures,
        terms,
        base.limit,
        base.open_not_due,
        base.past_due,
        unshipped,
        total,
        replaces,
        approval,
        status,
        next_role,
        job.p,
        job.version,
        policy_effective=job.effective,
    )


_IGNORE, _WARN, _APPROVAL = CheckReaction.IGNORE, CheckReaction.WARN, CheckReaction.APPROVAL
_ACCEPT = OrderDecision.ACCEPT
_OVER, _SUB = CreditFailure.OVER_LIMIT, CreditFailure.SUB_LIMIT
_BLOCKED, _TERM, _FORM = CreditFailure.PAST_DUE_BLOCK, CreditFailure.TERM, CreditFailure.FORM


def _check_point(value: object) -> CheckPoint:
    if type(value) is not CheckPoint:
        raise InputError("at", value, "a CheckPoint")
    return value


def _approval(value: object, field: str) -> Approval | None:
    if value is not None and not isinstance(value, Approval):
        raise InputError(field, value, "an Approval or None")
    return value


def check_order(
    order: Order,
    position: CreditPosition,
    policy: CreditPolicy,
    *,
    on: dt.date,
    at: CheckPoint = CheckPoint.ORDER_CONFIRMATION,
    approval: Approval | None = None,
) -> OrderCheck:
    """C2: decide ``order`` against the customer's ``position`` at the check point ``at``.

    The checks, each enabled by the policy: the customer is rated (C1); the exposure with this
    order does not exceed (超出) the limit in force; no component exceeds its sub-limit; no
    past-due amount above the tolerance (``block_past_due``); the order's term is not longer than
    granted (``check_term``); its form was granted (``check_form``). All pass: **accept**. One
    fails: the check point's reaction decides — **warn** (go ahead with a warning), or
    **needs approval** (order confirmation, the seed) / **hold** (shipment) until an approval by
    ``approving_roles`` for :data:`SPECIAL_CONTRACT`, bound to the order, covering its amount and
    holding on ``on`` turns it into **accepted by exception**; an approval that does not hold is
    **refused** with the reason. A check point whose reaction is ``IGNORE`` checks nothing.

    An order with the id of one of the position's unshipped orders is a re-submission: it
    replaces that order's amount in the exposure.

    Args:
        order: the order.
        position: the customer's position (terms, receivables, unshipped orders, raises).
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day of the check.
        at: the check point (order confirmation by default).
        approval: the general manager's approval of the special contract, if given.

    Returns:
        The decision with the failed checks, the limit and where it came from, the exposure
        component by component, the amount over the limit and what would make it pass
        (``collect_first``, ``ship_less``), ``next_role`` and the reasons.

    Raises:
        InputError: naming ``order`` (``order.customer`` of another customer,
            ``order.currency`` not CNY), ``position`` (``position.receivables[i].currency``),
            ``policy``, ``on``, ``at`` or ``approval``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> p = CreditPosition("C007", CreditTerms("50万", 60, (CreditForm.OPEN_ACCOUNT,)),
        ...                    unshipped=[Order("SO-1", "C007", "45万")])
        >>> day = dt.date(2026, 11, 30)
        >>> c = check_order(Order("SO-2", "C007", "8万"), p, CreditPolicy(), on=day)
        >>> c.decision.value, c.over, c.ship_less, c.next_role.value
        ('needs_approval', Decimal('30000'), Decimal('30000'), 'general_manager')
    """
    if (
        type(on) is not dt.date
        or (job := _LAST.get(0)) is None
        or job.credit is not policy
        or job.at is not at
        or (job.day is not on and job.day != on)
    ):
        job = _job(policy, on, at)
    if type(position) is not CreditPosition:
        position = _position(position)
    if type(order) is not Order or order.customer != position.customer or order.currency != CNY:
        _check_order(order, position)
    if approval is not None:
        _approval(approval, "approval")
    base = job.bases.get(id(position))
    if base is None or base.position is not position:
        base = job.base(position)
    prior = base.by_id.get(order.id) if base.by_id else None
    unshipped = base.unshipped if prior is None else base.unshipped - prior
    return _decide(job, base, order, unshipped, prior, approval)


def check_orders(
    orders: Sequence[Order],
    position: CreditPosition,
    policy: CreditPolicy,
    *,
    on: dt.date,
    at: CheckPoint = CheckPoint.ORDER_CONFIRMATION,
    approvals: Mapping[str, Approval] | None = None,
) -> tuple[OrderCheck, ...]:
    """C2: decide several orders of one customer in turn, each seeing the exposure the earlier
    ones created.

    An order that goes ahead (accepted, with a warning or by exception) joins the unshipped
    orders for the ones after it; one that does not, does not. An order whose id was seen before
    — among the position's unshipped orders or earlier in ``orders`` — is a re-submission: it
    replaces the earlier amount, so a duplicated or re-opened order is never counted twice, nor
    dropped. So no sequence of orders, splits or re-submissions gets more accepted without an
    approval than the limit allows.

    Args:
        orders: the orders, in the order they are decided.
        position: the customer's position before them.
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day of the checks.
        at: the check point.
        approvals: approvals by order id (each still checked: role, order, amount, dates).

    Returns:
        One :class:`OrderCheck` per order, in order.

    Raises:
        InputError: as :func:`check_order`, the paths prefixed with ``orders[i]``; naming
            ``approvals`` unless a mapping of order ids to approvals.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> p = CreditPosition("C007", CreditTerms("50万", 60, (CreditForm.OPEN_ACCOUNT,)))
        >>> split = [Order(f"SO-{i}", "C007", "20万") for i in range(3)]
        >>> checks = check_orders(split, p, CreditPolicy(), on=dt.date(2026, 11, 30))
        >>> [c.decision.value for c in checks]
        ['accept', 'accept', 'needs_approval']
    """
    pos = _position(position)
    job = _job(policy, on, at)
    if isinstance(orders, str | bytes) or not isinstance(orders, Sequence):
        raise InputError("orders", orders, "a list of Order values")
    given: Mapping[str, Approval] = {} if approvals is None else approvals
    if not isinstance(given, Mapping):
        raise InputError("approvals", approvals, "a mapping of order ids to Approval records")
    for key, value in given.items():
        if not isinstance(key, str) or not isinstance(value, Approval):
            raise InputError(f"approvals[{key!r}]", value, "an Approval under an order id")
    base = job.base(pos)
    amounts = dict(base.by_id)
    unshipped = base.unshipped
    checks = []
    for i, order in enumerate(orders):
        try:
            _check_order(order, pos)
        except InputError as exc:
            raise exc.prefixed(f"orders[{i}]") from None
        prior = amounts.get(order.id)
        others = unshipped if prior is None else unshipped - prior
        check = _decide(job, base, order, others, prior, given.get(order.id))
        checks.append(check)
        if check.accepted:
            amounts[order.id] = order.amount
            unshipped = others + order.amount
    return tuple(checks)


# --------------------------------------------------------------------------- signed contracts


def _day_check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    require_date(value, attribute.name)


@attrs.frozen
class SignedContract:
    """C2: a contract the business department signed with the customer.

    Attributes:
        id: the contract's id.
        customer: the customer's id.
        amount: the contract amount in yuan.
        signed_on: the day it was signed.
        signed_by: the signature, an :class:`Approval` for :data:`CONTRACT_REVIEW` (the
            contract-review procedure), bound to the contract.
        term_days: its payment term, if stated.
        form: its credit form, if stated.
        currency: ISO 4217 code, ``"CNY"`` by default; the rule refuses any other.

    Raises:
        InputError: naming the field.
    """

    id: str = attrs.field(validator=non_empty_text)
    customer: str = attrs.field(validator=non_empty_text)
    amount: Decimal = attrs.field(converter=_amount)
    signed_on: dt.date = attrs.field(validator=_day_check)
    signed_by: Approval = attrs.field(validator=fact_check(Approval, "an Approval"))
    term_days: int | None = attrs.field(default=None, validator=_optional_days)
    form: CreditForm | None = attrs.field(default=None, validator=_IS_FORM)
    currency: str = attrs.field(default=CNY, validator=_currency)


@attrs.frozen
class RecordEntry:
    """C2: one entry a signed contract's copy makes on a record.

    Attributes:
        record: the record (the credit card, the aging record).
        keeper: who enters it (business statistics).
        contract: the contract's id.
        customer: the customer's id.
        amount: the contract amount.
        signed_on: the day the contract was signed.
    """

    record: CreditRecord
    keeper: Role
    contract: str
    customer: str
    amount: Decimal
    signed_on: dt.date


@attrs.frozen
class ContractRecords:
    """C2: what a signed contract yields — the entries business statistics makes — or, if the
    signature does not hold, nothing and why.

    Attributes:
        contract: the contract.
        on: the day asked about.
        status: what the signature is worth (``GRANTED``: signed by a signing role under the
            contract-review procedure, for this contract, on its signing day).
        entries: the entries to make (none unless the signature holds).
        next_role: C11 — the record keeper once signed; the signing role otherwise.
        policy_version: the version of the policy book that decided.
        policy_effective: the effective date of that book.
    """

    contract: SignedContract
    on: dt.date
    status: ApprovalStatus
    entries: tuple[RecordEntry, ...]
    next_role: Role | None
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C2: the signature and each entry to make, or why none is made."""
        c, a = self.contract, self.contract.signed_by
        if self.status is not ApprovalStatus.GRANTED:
            return (
                Reason.of(
                    "C2",
                    CreditReason.C2_CONTRACT_UNSIGNED,
                    contract=c.id,
                    who=a.who,
                    role=a.role,
                    finding=ApprovalFinding.of(self.status),
                    next=self.next_role,
                ),
            )
        return tuple(
            Reason.of(
                "C2",
                CreditReason.C2_CONTRACT_ENTRY,
                contract=c.id,
                amount=c.amount,
                keeper=e.keeper,
                record=e.record,
            )
            for e in self.entries
        )


def contract_records(
    contract: SignedContract, policy: CreditPolicy, *, on: dt.date
) -> ContractRecords:
    """C2: the entries a signed contract yields: its copy goes to business statistics, which
    enters it on the customer credit card and on the receivables aging record [seed 003
    §6.2.4-4(1)].

    The signature must be by one of ``policy.orders.contract_signers`` (the business
    department), for :data:`CONTRACT_REVIEW`, bound to the contract and holding on the signing
    day; otherwise no entry is made and the result says why.

    Raises:
        InputError: naming ``contract`` (``contract.currency`` not CNY), ``policy`` or ``on``
            (before the signing day).

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy
        >>> day = dt.date(2026, 11, 30)
        >>> signed = Approval("王", Role.BUSINESS_DEPARTMENT, CONTRACT_REVIEW, day, subject="HT-1")
        >>> contract = SignedContract("HT-1", "C007", "12万", day, signed)
        >>> r = contract_records(contract, CreditPolicy(), on=day)
        >>> [e.record.value for e in r.entries], r.next_role
        (['credit_card', 'aging_record'], <Role.BUSINESS_STATISTICS: 'business_statistics'>)
    """
    if not isinstance(contract, SignedContract):
        raise InputError("contract", contract, "a SignedContract")
    credit = credit_policy(policy)
    day = checked_day(credit, on)
    if contract.currency != CNY:
        raise InputError(
            "contract.currency", contract.currency, f"'{CNY}': amounts in one currency"
        )
    if day < contract.signed_on:
        raise InputError("on", on, f"a day on or after the signing day {contract.signed_on}")
    p = credit.orders
    status = approval_status(
        contract.signed_by,
        p.contract_signers,
        CONTRACT_REVIEW,
        contract.signed_on,
        subject=contract.id,
    )
    entries: tuple[RecordEntry, ...] = ()
    if status is ApprovalStatus.GRANTED:
        entries = tuple(
            RecordEntry(
                record,
                p.record_keeper,
                contract.id,
                contract.customer,
                contract.amount,
                contract.signed_on,
            )
            for record in p.contract_records
        )
        next_role = p.record_keeper
    else:
        next_role = in_rank_order(p.contract_signers)[0]
    return ContractRecords(
        contract,
        day,
        status,
        entries,
        next_role,
        credit.version,
        policy_effective=credit.effective,
    )
