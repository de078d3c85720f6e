"""Facts the allocation rules share: the people on a roster and the leads they are given.

The library keeps no state: a host passes its roster, its leads and each person's history in,
and gets decisions out.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from customer_rules._grading.model import DealSizeType
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import require_aware
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.roles import Role

__all__ = ["Lead", "PersonStatus", "Salesperson"]


class PersonStatus(LabelledEnum):
    """Whether a person on the roster can be given leads at all (A13)."""

    ACTIVE = "active"
    """在岗 — at work."""
    ON_LEAVE = "on_leave"
    """休假 — on leave: given no leads while away."""
    INACTIVE = "inactive"
    """离岗 — left or no longer taking customers."""


set_labels(
    {
        PersonStatus.ACTIVE: ("在岗", "active"),
        PersonStatus.ON_LEAVE: ("休假", "on leave"),
        PersonStatus.INACTIVE: ("离岗", "inactive"),
    }
)

_IS_STATUS = fact_check(PersonStatus, "a PersonStatus (active, on_leave, inactive)")
_IS_ROLE = fact_check(Role, "a Role")
_IS_TYPE = fact_check(DealSizeType, "a DealSizeType (A, B, C or D)")
_IS_TEXT = fact_check(str, "a text (may be empty)")


def _aware(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    require_aware(value, attribute.name)


def _to_contribution(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "contribution")


def _to_potential(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "potential")


@attrs.frozen
class Salesperson:
    """One person on the roster (业务员 / 客户经理, or a call-centre agent 接听客服).

    Attributes:
        id: the host's id of the person.
        name: a display name.
        level: the person's level (销售员级别, A13) — levels are policy data: the seed names them
            but never defines them.
        team: the team (小组 / 办事处) the person belongs to, for dispersal (A13).
        manager: the id of the person's manager, for dispersal across managers (A13).
        status: at work, on leave or inactive (A13: only people at work are given leads).
        role: the person's role (``Role.SALESPERSON`` by default; ``Role.CALL_CENTRE_AGENT`` for
            an agent who types leads, A1/A3).

    Raises:
        InputError: naming the field: a blank ``id`` or ``level``, a value of the wrong type.
    """

    id: str = attrs.field(validator=non_empty_text)
    name: str = attrs.field(default="", validator=_IS_TEXT)
    level: str = attrs.field(default="1", validator=non_empty_text)
    team: str = attrs.field(default="", validator=_IS_TEXT)
    manager: str = attrs.field(default="", validator=_IS_TEXT)
    status: PersonStatus = attrs.field(default=PersonStatus.ACTIVE, validator=_IS_STATUS)
    role: Role = attrs.field(default=Role.SALESPERSON, validator=_IS_ROLE)


@attrs.frozen
class Lead:
    """One typed customer lead to allocate (客户资源, A1/A13).

    Attributes:
        id: the host's id of the lead.
        type: its deal-size type (G1, as typed by the call-centre agent, A1).
        received_at: when the company received it (tz-aware).
        customer: the prospect's name as given.
        phone: the prospect's phone as given.
        contribution: the customer's contribution so far, in yuan (A13: served first).
        potential: its expected potential, in yuan (A13: served first).

    Raises:
        InputError: naming the field: a blank ``id``, a naive or non-datetime ``received_at``,
            an amount that is negative, a float or unreadable, a value of the wrong type.
    """

    id: str = attrs.field(validator=non_empty_text)
    type: DealSizeType = attrs.field(validator=_IS_TYPE)
    received_at: dt.datetime = attrs.field(validator=_aware)
    customer: str = attrs.field(default="", validator=_IS_TEXT)
    phone: str = attrs.field(default="", validator=_IS_TEXT)
    contribution: Decimal = attrs.field(default=Decimal(0), converter=_to_contribution)
    potential: Decimal = attrs.field(default=Decimal(0), converter=_to_potential)
