"""Roles of the regulations and the :class:`Approval` record that rules check.

A sign-off — a manager's signature, the VP's approval of a re-grading, an assessment of strategic
influence "by the business-department manager or above" — is never a bare ``approved=True``:
it is an :class:`Approval` saying who signed, in which role, what, when, and until when it is
valid. Rules check the role and the dates themselves.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from customer_rules._labels import LabelledEnum, set_labels
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.errors import InputError

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
}
set_labels({role: (zh, role.value.replace("_", " ")) for role, zh in _ZH.items()})


def in_rank_order(roles: Iterable[Role]) -> tuple[Role, ...]:
    """``roles`` in the order :class:`Role` declares them: the front line first, then up the
    line of management (销售员 … 业务部经理, 市场总监, 主管副总经理, 总经理, 董事长), then the
    departments."""
    return tuple(sorted(roles, key=_ORDER.__getitem__))


_ORDER = {role: i for i, role in enumerate(Role)}

_IS_ROLE = fact_check(Role, f"a Role, one of {[r.value for r in Role]}")
_IS_DATE = fact_check(dt.date, "a datetime.date")
_IS_OPTIONAL_DATE = fact_check(dt.date, "a datetime.date or None", optional=True)


@attrs.frozen
class Approval:
    """A sign-off by a person in a role.

    Attributes:
        who: the person's name or staff id.
        role: the role they signed in.
        what: what they approve, e.g. ``"G2.strategic_influence"`` or ``"G6.regrade:C042"``.
        on: the day they signed.
        valid_until: the last day the approval holds; ``None`` for no expiry.

    Raises:
        InputError: for an empty name, an unknown role, a non-date, or ``valid_until`` before
            ``on``.

    Example:
        >>> Approval("王经理", Role.SALES_MANAGER, "G2.strategic_influence", dt.date(2026, 1, 5))
        ... # doctest: +ELLIPSIS
        Approval(who='王经理', role=<Role.SALES_MANAGER: 'sales_manager'>, ...)
    """

    who: str = attrs.field(validator=non_empty_text)
    role: Role = attrs.field(validator=_IS_ROLE)
    what: str = attrs.field(validator=non_empty_text)
    on: dt.date = attrs.field(validator=_IS_DATE)
    valid_until: dt.date | None = attrs.field(default=None, validator=_IS_OPTIONAL_DATE)

    def __attrs_post_init__(self) -> None:
        if self.valid_until is not None and self.valid_until < self.on:
            raise InputError("valid_until", self.valid_until, f"a date on or after {self.on}")

    def holds_on(self, day: dt.date) -> bool:
        """Whether the approval was given by ``day`` and has not expired."""
        return self.on <= day and (self.valid_until is None or day <= self.valid_until)

    def grants(self, roles: frozenset[Role], what: str, day: dt.date) -> bool:
        """Whether this approval is by one of ``roles``, for ``what``, and holds on ``day``."""
        return self.role in roles and self.what == what and self.holds_on(day)


class ApprovalStatus(enum.Enum):
    """Why an approval does or does not grant a matter, checked in this order."""

    MISSING = "missing"
    """No approval was given."""
    WRONG_ROLE = "wrong_role"
    """Signed in a role that may not approve the matter."""
    WRONG_SUBJECT = "wrong_subject"
    """Signed for something else (``what`` differs)."""
    NOT_IN_FORCE = "not_in_force"
    """Not yet signed on the day, or expired."""
    GRANTED = "granted"
    """It grants the matter on the day."""


def approval_status(
    approval: Approval | None, roles: frozenset[Role], what: str, day: dt.date
) -> ApprovalStatus:
    """Diagnose ``approval`` for ``what`` on ``day``: ``GRANTED`` exactly when
    :meth:`Approval.grants` is true, otherwise the first check that failed."""
    if approval is None:
        return ApprovalStatus.MISSING
    if approval.role not in roles:
        return ApprovalStatus.WRONG_ROLE
    if approval.what != what:
        return ApprovalStatus.WRONG_SUBJECT
    if not approval.holds_on(day):
        return ApprovalStatus.NOT_IN_FORCE
    return ApprovalStatus.GRANTED
