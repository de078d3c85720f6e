"""Roles of the regulations and the :class:`Approval` record that rules check.

A sign-off — a manager's signature, the VP's approval of a re-grading, an assessment of strategic
influence "by the business-department manager or above" — is never a bare ``approved=True``:
it is an :class:`Approval` saying who signed, in which role, what, when, and until when it is
valid. An approval may also say what it covers — the customer, order or file it is bound to
(``subject``), the largest amount it covers (``max_amount``) and the purpose it was given for
(``purpose``) — and a rule that asks about them gets a distinct :class:`ApprovalStatus` for each
mismatch. Rules check the role and the dates themselves, through the one diagnosis
:func:`approval_status` (``Approval.grants`` is its yes/no).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Iterable
from decimal import Decimal
from typing import Any

import attrs

from customer_rules._bounded import keep
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import EARLIEST as _EARLIEST
from customer_rules.dates import LATEST as _LATEST
from customer_rules.dates import require_date
from customer_rules.errors import InputError
from customer_rules.labels import LabelledEnum, LookupEnumType, set_labels
from customer_rules.money import parse_amount

__all__ = ["Approval", "ApprovalStatus", "Role", "approval_status", "in_rank_order"]


class Role(LabelledEnum):
    """A role named in the regulations. ``zh`` is the regulations' own term."""

    SALESPERSON = "salesperson"
    """销售员 / 业务员 / 客户经理 — holds and develops customers."""
    SALES_ADMIN = "sales_admin"
    """销售内勤 — registers customers, sends samples, weekly summaries."""
    CALL_CENTRE_AGENT = "call_centre_agent"
    """接听客服 — answers the 400 hotline and 离线宝, types incoming leads."""
    SUPERVISOR = "supervisor"
    """主管上级 — a salesperson's direct superior."""
    OFFICE_DIRECTOR = "office_director"
    """办事处主任 — head of a sales office."""
    BUSINESS_STATISTICS = "business_statistics"
    """业务统计 — business statistics clerk (contracts, credit cards, payment records)."""
    SALES_MANAGER = "sales_manager"
    """业务部经理 / 销售经理 — manager of the sales (business) department."""
    MARKETING_DIRECTOR = "marketing_director"
    """市场总监 — allocates and reclaims customer resources."""
    VP_IN_CHARGE = "vp_in_charge"
    """主管副总经理 — vice-president in charge of the business."""
    GENERAL_MANAGER = "general_manager"
    """总经理 — general manager."""
    CHAIRMAN = "chairman"
    """董事长 — chairman of the board."""
    FINANCE = "finance"
    """财务部 — finance department."""
    ARCHIVE_DEPARTMENT = "archive_department"
    """内勤部 — keeps customer archives."""
    BUSINESS_DEPARTMENT = "business_department"
    """业务部 — drafts the credit standard, rates customers, signs contracts, reviews credit."""
    PLANNING_DEPARTMENT = "planning_department"
    """企划部 — pursues the recovery of receivables past the normal collection period."""
    WAREHOUSE_KEEPER = "warehouse_keeper"
    """库管员 — writes the delivery note of a shipment."""
    CUSTOMER_DEPARTMENT_MANAGER = "customer_department_manager"
    """客户部经理 — decides re-assignment or re-declaration when a declaration's protection ends."""
    SALES_CONTROL = "sales_control"
    """销控 — keeps the sales-control registers of a real-estate sales office (A16 preset)."""
    ARCHIVE_KEEPER = "archive_keeper"
    """客户档案管理员 — keeps the archive room, consents to and registers loans (R3)."""
    ARCHIVE_MANAGER = "archive_manager"
    """内勤部经理 — manager of 内勤部: approves copies, is told of the backup key (R4, R6)."""
    GM_ASSISTANT = "gm_assistant"
    """总经理助理 — general manager's assistant, oversees the archives (R6)."""
    PROJECT_LEAD = "project_lead"
    """项目负责人 — hands over a completed project's documents (R1)."""
    GENERAL_AFFAIRS_FINANCE = "general_affairs_finance"
    """总务部财务科 — writes and corrects the trading-partner ledger cards and lists (R7)."""
    GENERAL_AFFAIRS_MANAGER = "general_affairs_manager"
    """总务部经理 — keeps the original ledger cards in their office (R7)."""
    CUSTOMER_SERVICE = "customer_service"
    """客服人员 — customer-service staff: records complaints, drafts corrections (R10, S3)."""
    CUSTOMER_SERVICE_MANAGER = "customer_service_manager"
    """客服部经理 — reviews corrections and approves reception expenses (R10, S2)."""
    FINANCE_MANAGER = "finance_manager"
    """财务经理 — approves reception expenses and reimbursements (S2)."""
    MARKETING_MANAGER = "marketing_manager"
    """营销经理 — sets yearly development targets (S6)."""
    MARKETING_SUPERVISOR = "marketing_supervisor"
    """营销主管 — signs development applications and follows their progress (S6)."""


_ZH = {
    Role.SALESPERSON: "业务员",
    Role.SALES_ADMIN: "销售内勤",
    Role.CALL_CENTRE_AGENT: "接听客服",
    Role.SUPERVISOR: "主管上级",
    Role.OFFICE_DIRECTOR: "办事处主任",
    Role.BUSINESS_STATISTICS: "业务统计",
    Role.SALES_MANAGER: "业务部经理",
    Role.MARKETING_DIRECTOR: "市场总监",
    Role.VP_IN_CHARGE: "主管副总经理",
    Role.GENERAL_MANAGER: "总经理",
    Role.CHAIRMAN: "董事长",
    Role.FINANCE: "财务部",
    Role.ARCHIVE_DEPARTMENT: "内勤部",
    Role.BUSINESS_DEPARTMENT: "业务部",
    Role.PLANNING_DEPARTMENT: "企划部",
    Role.WAREHOUSE_KEEPER: "库管员",
    Role.CUSTOMER_DEPARTMENT_MANAGER: "客户部经理",
    Role.SALES_CONTROL: "销控",
    Role.ARCHIVE_KEEPER: "客户档案管理员",
    Role.ARCHIVE_MANAGER: "内勤部经理",
    Role.GM_ASSISTANT: "总经理助理",
    Role.PROJECT_LEAD: "项目负责人",
    Role.GENERAL_AFFAIRS_FINANCE: "总务部财务科",
    Role.GENERAL_AFFAIRS_MANAGER: "总务部经理",
    Role.CUSTOMER_SERVICE: "客服人员",
    Role.CUSTOMER_SERVICE_MANAGER: "客服部经理",
    Role.FINANCE_MANAGER: "财务经理",
    Role.MARKETING_MANAGER: "营销经理",
    Role.MARKETING_SUPERVISOR: "营销主管",
}
set_labels({role: (zh, role.value.replace("_", " ")) for role, zh in _ZH.items()})


def in_rank_order(roles: Iterable[Role]) -> tuple[Role, ...]:
    """``roles`` in the order :class:`Role` declares them: the front line first, then up the
    line of management (销售员 … 业务部经理, 市场总监, 主管副总经理, 总经理, 董事长), then the
    departments.

    Raises:
        InputError: naming ``"roles"`` unless ``roles`` is an iterable (not a string) of
            :class:`Role` members.
    """
    if type(roles) is frozenset:  # a policy's set of roles: ordered once
        found = _RANKED.get(roles)
        if found is not None:
            return found
    elif isinstance(roles, str | bytes) or not isinstance(roles, Iterable):
        raise InputError("roles", roles, _ROLE_VALUES)
    items = tuple(roles)
    for role in items:
        if type(role) is not Role:
            raise InputError("roles", roles, _ROLE_VALUES)
    ranked = tuple(sorted(items, key=_ORDER.__getitem__))
    if type(roles) is frozenset:
        keep(_RANKED, roles, ranked, 256)
    return ranked


_RANKED: dict[frozenset[Role], tuple[Role, ...]] = {}
"""The sets of roles ordered so far (:func:`in_rank_order`); bounded."""


_ORDER = {role: i for i, role in enumerate(Role)}
_ROLE_VALUES = "Role values"
_ROLE_SET = "a frozenset of Role values"
_RANGE = f"a date from {_EARLIEST.isoformat()} to {_LATEST.isoformat()}"

_IS_ROLE = fact_check(Role, f"a Role, one of {[r.value for r in Role]}")
_IS_DATE = fact_check(dt.date, "a datetime.date")
_IS_OPTIONAL_DATE = fact_check(dt.date, "a datetime.date or None", optional=True)


def _in_range(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator: a date (already type-checked) or None within the library's date range."""
    if value is not None and not _EARLIEST <= value <= _LATEST:
        raise InputError(attribute.name, value, _RANGE)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator: ``None`` or a string that is not blank."""
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError(attribute.name, value, "a non-empty string or None")


def _optional_amount(value: object) -> Decimal | None:
    """Converter of ``max_amount``: ``None``, or what :func:`parse_amount` accepts."""
    return None if value is None else parse_amount(value, "max_amount")


@attrs.frozen
class Approval:
    """A sign-off by a person in a role.

    Attributes:
        who: the person's name or staff id.
        role: the role they signed in.
        what: what they approve, e.g. ``"G2.strategic_influence"`` or ``"G6.regrade:C042"``.
        on: the day they signed.
        valid_until: the last day the approval holds; ``None`` for no expiry.
        subject: keyword-only; the customer, order or file id the approval is bound to;
            ``None`` (the default) for an approval bound to none, which — as every approval
            before this attribute existed — holds whatever subject a rule asks about.
        max_amount: keyword-only; the largest amount in yuan it covers (a credit exception),
            anything :func:`~customer_rules.money.parse_amount` accepts (``"80万"``), stored as a
            ``Decimal``; ``None`` (the default) covers any amount.
        purpose: keyword-only; the purpose it was given for (access to personal data, e.g.
            ``"credit review"``); ``None`` (the default) for none stated — which does *not*
            satisfy a rule that asks for a purpose.

    Text (``subject``, ``purpose``) is compared exactly as given.

    Raises:
        InputError: for an empty name, an unknown role, a non-date or a date outside
            1900-01-01 to 2999-12-31, ``valid_until`` before ``on``, a blank ``subject`` or
            ``purpose``, or a ``max_amount`` that :func:`parse_amount` refuses.

    Example:
        >>> Approval("王经理", Role.SALES_MANAGER, "G2.strategic_influence", dt.date(2026, 1, 5))
        ... # doctest: +ELLIPSIS
        Approval(who='王经理', role=<Role.SALES_MANAGER: 'sales_manager'>, ...)
        >>> Approval("李总", Role.GENERAL_MANAGER, "C5.credit_exception", dt.date(2026, 1, 5),
        ...          subject="C042", max_amount="80万").max_amount
        Decimal('800000')
    """

    who: str = attrs.field(validator=non_empty_text)
    role: Role = attrs.field(validator=_IS_ROLE)
    what: str = attrs.field(validator=non_empty_text)
    on: dt.date = attrs.field(validator=[_IS_DATE, _in_range])
    valid_until: dt.date | None = attrs.field(
        default=None, validator=[_IS_OPTIONAL_DATE, _in_range]
    )
    subject: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)
    max_amount: Decimal | None = attrs.field(default=None, kw_only=True, converter=_optional_amount)
    purpose: str | None = attrs.field(default=None, kw_only=True, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.valid_until is not None and self.valid_until < self.on:
            raise InputError("valid_until", self.valid_until, f"a date on or after {self.on}")

    def holds_on(self, day: dt.date) -> bool:
        """Whether the approval was given by ``day`` and has not expired.

        Raises:
            InputError: naming ``"day"`` unless ``day`` is a ``datetime.date``.
        """
        if type(day) is not dt.date:
            day = require_date(day, "day")
        return self.on <= day and (self.valid_until is None or day <= self.valid_until)

    def grants(
        self,
        roles: frozenset[Role],
        what: str,
        day: dt.date,
        *,
        subject: str | None = None,
        amount: Decimal | int | str | None = None,
        purpose: str | None = None,
    ) -> bool:
        """Whether this approval is by one of ``roles``, for ``what``, holds on ``day`` and —
        where the rule asks — covers ``subject``, ``amount`` and ``purpose``: exactly
        ``approval_status(self, ...) is ApprovalStatus.GRANTED``.

        Raises:
            InputError: as :func:`approval_status`.
        """
        if type(roles) is not frozenset or type(what) is not str or type(day) is not dt.date:
            roles, what, day = _matter(roles, what, day)
        if subject is None and amount is None and purpose is None:
            return (
                self.role in roles
                and self.what == what
                and self.on <= day
                and (self.valid_until is None or day <= self.valid_until)
            )
        status = approval_status(
            self, roles, what, day, subject=subject, amount=amount, purpose=purpose
        )
        return status is ApprovalStatus.GRANTED


class ApprovalStatus(enum.Enum, metaclass=LookupEnumType):
    """Why an approval does or does not grant a matter, checked in this order.

    Hosts store the values; looking one up that is no status (``ApprovalStatus("granted ")``)
    is an :class:`~customer_rules.errors.InputError` naming ``ApprovalStatus``.
    """

    MISSING = "missing"
    """No approval was given."""
    WRONG_ROLE = "wrong_role"
    """Signed in a role that may not approve the matter."""
    WRONG_SUBJECT = "wrong_subject"
    """Signed for something else (``what`` differs)."""
    OTHER_SUBJECT = "other_subject"
    """Bound to another customer, order or file: the rule asks about a ``subject`` and the
    approval's differs. An approval bound to none (``subject=None``) is not refused for it."""
    OVER_AMOUNT = "over_amount"
    """The amount the rule asks about exceeds the approval's ``max_amount``. An approval with
    no ``max_amount`` covers any amount."""
    OTHER_PURPOSE = "other_purpose"
    """The rule asks about a ``purpose`` and the approval states another, or none: access to
    personal data must state its purpose."""
    NOT_IN_FORCE = "not_in_force"
    """Not yet signed on the day, or expired."""
    GRANTED = "granted"
    """It grants the matter on the day."""


def approval_status(
    approval: Approval | None,
    roles: frozenset[Role],
    what: str,
    day: dt.date,
    *,
    subject: str | None = None,
    amount: Decimal | int | str | None = None,
    purpose: str | None = None,
) -> ApprovalStatus:
    """Diagnose ``approval`` for ``what`` on ``day``: ``GRANTED`` exactly when
    :meth:`Approval.grants` is true, otherwise the first check that failed, in the order of
    :class:`ApprovalStatus`.

    ``subject``, ``amount`` and ``purpose`` are what the *rule* asks about; each left ``None``
    is not checked, so a rule that asks none of them gets exactly the answers it got before
    approvals could carry them. When asked:

    * ``subject`` — ``OTHER_SUBJECT`` if the approval is bound to a different subject; an
      approval bound to none still grants (approvals recorded before binding existed keep
      working);
    * ``amount`` (anything :func:`~customer_rules.money.parse_amount` accepts) — ``OVER_AMOUNT``
      if it exceeds the approval's ``max_amount``; an approval without one covers any amount;
    * ``purpose`` — ``OTHER_PURPOSE`` unless the approval states the same purpose; an approval
      stating none does not grant, since access to personal data must state its purpose.

    Raises:
        InputError: naming the argument for ``roles`` that are not a set of :class:`Role`
            values, a ``what`` that is not a string, a ``day`` that :func:`require_date`
            refuses, a blank or non-string ``subject`` or ``purpose``, an ``amount`` that
            :func:`parse_amount` refuses, or an ``approval`` that is neither an
            :class:`Approval` nor ``None``.

    Example:
        >>> a = Approval("李总", Role.GENERAL_MANAGER, "C5.credit_exception",
        ...              dt.date(2026, 1, 5), subject="C042", max_amount="80万")
        >>> gm = frozenset({Role.GENERAL_MANAGER})
        >>> approval_status(a, gm, "C5.credit_exception", dt.date(2026, 2, 1), subject="C007")
        <ApprovalStatus.OTHER_SUBJECT: 'other_subject'>
        >>> approval_status(a, gm, "C5.credit_exception", dt.date(2026, 2, 1), amount="90万")
        <ApprovalStatus.OVER_AMOUNT: 'over_amount'>
    """
    if type(roles) is not frozenset or type(what) is not str or type(day) is not dt.date:
        roles, what, day = _matter(roles, what, day)
    if subject is not None:
        subject = _asked_text(subject, "subject")
    asked_amount = None if amount is None else parse_amount(amount, "amount")
    if purpose is not None:
        purpose = _asked_text(purpose, "purpose")
    if approval is None:
        return ApprovalStatus.MISSING
    if not isinstance(approval, Approval):
        raise InputError("approval", approval, "an Approval or None")
    if approval.role not in roles:
        return ApprovalStatus.WRONG_ROLE
    if approval.what != what:
        return ApprovalStatus.WRONG_SUBJECT
    if subject is not None and approval.subject is not None and approval.subject != subject:
        return ApprovalStatus.OTHER_SUBJECT
    if (
        asked_amount is not None
        and approval.max_amount is not None
        and asked_amount > approval.max_amount
    ):
        return ApprovalStatus.OVER_AMOUNT
    if purpose is not None and approval.purpose != purpose:
        return ApprovalStatus.OTHER_PURPOSE
    if not approval.holds_on(day):
        return ApprovalStatus.NOT_IN_FORCE
    return ApprovalStatus.GRANTED


def _matter(roles: object, what: object, day: object) -> tuple[frozenset[Role], str, dt.date]:
    """The checked ``roles``, ``what`` and ``day`` of a question about an approval (the slow
    path, taken only when one of them is not of the exact expected type).

    A ``frozenset`` of roles is taken as it is, on the slow path as on the fast one (an item
    that is not a role simply never matches); any other collection — a set, a list, a tuple —
    is checked item by item and converted."""
    if type(roles) is not frozenset:
        if isinstance(roles, str | bytes) or not isinstance(roles, Collection):
            raise InputError("roles", roles, _ROLE_SET)
        for role in roles:
            if type(role) is not Role:
                raise InputError("roles", roles, _ROLE_SET)
        roles = frozenset(roles)
    if not isinstance(what, str):
        raise InputError("what", what, "a string naming the matter, e.g. 'G6.regrade'")
    return roles, what, require_date(day, "day")


def _asked_text(value: object, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(field, value, "a non-empty string or None")
    return value
