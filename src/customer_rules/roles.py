"""Roles of the regulations and the :class:`Approval` record that rules check.

A sign-off — a manager's signature, the VP's approval of a re-grading, an assessment of strategic
influence "by the business-department manager or above" — is never a bare ``approved=True``:
it is an :class:`Approval` saying who signed, in which role, what, when, and until when it is
valid. Rules check the role and the dates themselves.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from customer_rules.dates import require_date
from customer_rules.errors import InputError

__all__ = ["Approval", "Role"]


class Role(enum.Enum):
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

    @property
    def zh(self) -> str:
        """The regulations' Chinese term."""
        return _ZH[self]

    @property
    def en(self) -> str:
        """An English label."""
        return self.value.replace("_", " ")


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


def _check_role(instance: object, attribute: attrs.Attribute[Role], value: object) -> None:
    if not isinstance(value, Role):
        raise InputError(attribute.name, value, f"a Role, one of {[r.value for r in Role]}")


def _check_nonempty(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InputError(attribute.name, value, "a non-empty string")


def _check_date(instance: object, attribute: attrs.Attribute[dt.date], value: object) -> None:
    require_date(value, attribute.name)


def _check_optional_date(
    instance: object, attribute: attrs.Attribute[dt.date | None], value: object
) -> None:
    if value is not None:
        require_date(value, attribute.name)


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

    who: str = attrs.field(validator=_check_nonempty)
    role: Role = attrs.field(validator=_check_role)
    what: str = attrs.field(validator=_check_nonempty)
    on: dt.date = attrs.field(validator=_check_date)
    valid_until: dt.date | None = attrs.field(default=None, validator=_check_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.valid_until is not None and self.valid_until < self.on:
            raise InputError("valid_until", self.valid_until, f"a date on or after {self.on}")

    def holds_on(self, day: dt.date) -> bool:
        """Whether the approval was given by ``day`` and has not expired."""
        return self.on <= day and (self.valid_until is None or day <= self.valid_until)

    def grants(self, roles: frozenset[Role], what: str, day: dt.date) -> bool:
        """Whether this approval is by one of ``roles``, for ``what``, and holds on ``day``."""
        return self.role in roles and self.what == what and self.holds_on(day)
