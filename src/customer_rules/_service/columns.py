"""Private: the service chapter's CSV formats — the column maps of the care calendar (S4), the
churn warning (S5) and the visit requests (S1) — and the samples shipped with the package.

The reading is :mod:`customer_rules.rows` with these maps: a row that cannot be right becomes a
:class:`~customer_rules.rows.RowError` naming its line and column, and the other rows are still
read. A visit request has lists in its cells (the areas asked for, the areas the instruction
allows with their passes): the map fills a flat row (:class:`VisitRow`) and
:func:`visit_request` builds the request from it, naming the column of every problem.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

from customer_rules._samples import shipped_text
from customer_rules._service.care import CareCustomer
from customer_rules._service.churn import ChurnFacts
from customer_rules._service.reception import (
    PHOTOGRAPHY,
    VISIT_INSTRUCTION,
    AreaPasses,
    VisitInstruction,
    VisitorClass,
    VisitRequest,
)
from customer_rules.errors import InputError, Problem
from customer_rules.interchange import from_data
from customer_rules.roles import Approval, Role
from customer_rules.rows import ColumnMap

__all__ = [
    "CARE_COLUMNS",
    "CHURN_COLUMNS",
    "SAMPLE_AS_OF",
    "SAMPLE_FROM",
    "SAMPLE_TO",
    "VISIT_COLUMNS",
    "VisitRow",
    "sample_text",
    "visit_request",
]

SAMPLE_AS_OF = dt.date(2026, 11, 30)
"""The day the churn sample describes: its figures are as of that day."""
SAMPLE_FROM = dt.date(2026, 12, 1)
"""The first day of the care calendar of the customer sample."""
SAMPLE_TO = dt.date(2027, 2, 28)
"""The last day of the care calendar of the customer sample."""

CARE_COLUMNS: ColumnMap[CareCustomer] = ColumnMap(
    CareCustomer,
    {
        "id": "id",
        "name": "name",
        "category": "category",
        "grade": "grade",
        "birthday": "birthday",
        "last_visit": "last_visit",
        "dedicated_staff": "dedicated_staff",
        "last_dedicated_visit": "last_dedicated_visit",
    },
    aliases={
        "客户编号": "id",
        "客户名称": "name",
        "客户类别": "category",
        "客户等级": "grade",
        "等级": "grade",
        "生日": "birthday",
        "最近回访": "last_visit",
        "专职人员": "dedicated_staff",
        "最近专职拜访": "last_dedicated_visit",
    },
    required={"id", "category", "grade"},
    key="id",
)
"""The customer list of ``customer-rules service calendar`` (S4)."""

CHURN_COLUMNS: ColumnMap[ChurnFacts] = ColumnMap(
    ChurnFacts,
    {
        "customer": "customer",
        "name": "name",
        "last_order": "last_order",
        "sales": "sales",
        "sales_last_year": "sales_last_year",
        "sales_previous": "sales_previous",
        "open_complaints": "open_complaints",
        "churned_on": "churned_on",
        "last_follow_up": "last_follow_up",
    },
    aliases={
        "客户编号": "customer",
        "客户名称": "name",
        "最近下单": "last_order",
        "本期销售": "sales",
        "去年同期销售": "sales_last_year",
        "上期销售": "sales_previous",
        "未结投诉": "open_complaints",
        "流失日期": "churned_on",
        "最近流失回访": "last_follow_up",
    },
    required={"customer"},
    key="customer",
)
"""The customer figures of ``customer-rules service churn`` (S5)."""


def _text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError(attribute.name, value, "a non-empty text")


@attrs.frozen
class VisitRow:
    """One row of a visit CSV, before its lists are read (see :func:`visit_request`).

    ``areas`` lists the areas asked for, separated by ``;``, ``、``, ``,`` or ``/``
    (``厂区;营销中心``); ``allowed_areas`` the areas the company's instruction ticks, each with
    its passes after a colon when the instruction gives a number (``生产车间:10;营销中心``).
    """

    id: str
    visitor: str
    visitor_class: VisitorClass
    group_size: int
    areas: str
    booked_on: dt.date
    visit_on: dt.date
    contact: str | None = attrs.field(default=None, validator=_text)
    photography: bool = False
    dignitaries: bool = False
    approved_by: str | None = attrs.field(default=None, validator=_text)
    approver_role: Role | None = None
    approved_on: dt.date | None = None
    allowed_areas: str | None = attrs.field(default=None, validator=_text)
    photo_permitted_by: str | None = attrs.field(default=None, validator=_text)
    photo_permitter_role: Role | None = None
    photo_permitted_on: dt.date | None = None
    led_by: str | None = attrs.field(default=None, validator=_text)


VISIT_COLUMNS: ColumnMap[VisitRow] = ColumnMap(
    VisitRow,
    {name: name for name in (a.name for a in attrs.fields(VisitRow))},
    aliases={
        "编号": "id",
        "来访客户名称": "visitor",
        "客户分类": "visitor_class",
        "来访人数": "group_size",
        "需要参观的内容": "areas",
        "预约日期": "booked_on",
        "来访时间": "visit_on",
        "联系人": "contact",
        "拍照": "photography",
        "政府官员或社会名流": "dignitaries",
        "批示负责人": "approved_by",
        "批示人角色": "approver_role",
        "批示日期": "approved_on",
        "批准参观": "allowed_areas",
        "特准拍照人": "photo_permitted_by",
        "特准人角色": "photo_permitter_role",
        "特准日期": "photo_permitted_on",
        "带领人": "led_by",
    },
    required={"id", "visitor", "visitor_class", "group_size", "areas", "booked_on", "visit_on"},
    key="id",
)
"""The visit requests of ``customer-rules service reception`` (S1)."""

_SPLIT = re.compile(r"\s*[;;,,、/|]\s*")
_PASSES = re.compile(r"\s*[::=]\s*")


def _areas(text: str, column: str, *, passes: bool) -> tuple[tuple[AreaPasses, ...], list[Problem]]:
    found: list[AreaPasses] = []
    problems: list[Problem] = []
    seen: set[object] = set()
    for part in (p for p in _SPLIT.split(text.strip()) if p):
        name, number = part, ""
        if passes:
            name, _, number = _PASSES.sub(":", part, count=1).partition(":")
        data: dict[str, object] = {"area": name.strip()}
        if number.strip():
            data["passes"] = number.strip()
        try:
            item = from_data(AreaPasses, data)
        except InputError as exc:
            problems.extend(Problem(column, p.message, p.given, p.expected) for p in exc.problems)
            continue
        if item.area in seen:
            problems.append(Problem.mismatch(column, part, "each area once"))
            continue
        seen.add(item.area)
        found.append(item)
    return tuple(found), problems


def _approval(
    row: VisitRow, who: str, role: str, on: str, what: str
) -> tuple[Approval | None, list[Problem]]:
    name, kind, day = getattr(row, who), getattr(row, role), getattr(row, on)
    if name is None and kind is None and day is None:
        return None, []
    problems = [
        Problem.mismatch(column, None, f"a value: {who} needs {role} and {on}")
        for column, value in ((who, name), (role, kind), (on, day))
        if value is None
    ]
    if problems:
        return None, problems
    try:
        return Approval(name, kind, what, day), []
    except InputError as exc:  # a role no sign-off has (the row checked the rest): its column
        return None, [
            Problem(role if p.path == "role" else on, p.message, p.given, p.expected)
            for p in exc.problems
        ]


def visit_request(row: VisitRow) -> VisitRequest:
    """The :class:`~customer_rules.service.VisitRequest` of a visit CSV row.

    Raises:
        InputError: listing every problem, each at its column (``areas``, ``approver_role``…).
    """
    problems: list[Problem] = []
    asked, found = _areas(row.areas, "areas", passes=False)
    problems.extend(found)
    if not asked and not found:
        problems.append(Problem.mismatch("areas", row.areas, "at least one area"))
    allowed: tuple[AreaPasses, ...] = ()
    if row.allowed_areas is not None:
        allowed, found = _areas(row.allowed_areas, "allowed_areas", passes=True)
        problems.extend(found)
    approval, found = _approval(
        row, "approved_by", "approver_role", "approved_on", VISIT_INSTRUCTION
    )
    problems.extend(found)
    if approval is None and allowed and not found:
        problems.append(
            Problem.mismatch(
                "approved_by", None, "who signed the instruction that allows the areas"
            )
        )
    photo, found = _approval(
        row, "photo_permitted_by", "photo_permitter_role", "photo_permitted_on", PHOTOGRAPHY
    )
    problems.extend(found)
    if problems:
        raise InputError.of(problems)
    try:
        return VisitRequest(
            row.id,
            row.visitor,
            row.visitor_class,
            row.group_size,
            tuple(a.area for a in asked),
            row.booked_on,
            row.visit_on,
            contact=row.contact,
            photography=row.photography,
            dignitaries=row.dignitaries,
            instruction=None if approval is None else VisitInstruction(approval, allowed),
            photo_permission=photo,
            led_by=row.led_by,
        )
    except InputError as exc:
        raise InputError.of(exc.problems) from None


_SAMPLES = {
    "customers": "sample_service_customers.csv",
    "churn": "sample_service_churn.csv",
    "visits": "sample_service_visits.csv",
}


def sample_text(name: str) -> str:
    """The CSV text of a sample shipped in the package: ``customers`` (S4), ``churn`` (S5) or
    ``visits`` (S1).

    Raises:
        InputError: for another name.
    """
    file = _SAMPLES.get(name) if isinstance(name, str) else None
    if file is None:
        raise InputError("name", name, f"one of {sorted(_SAMPLES)}")
    return shipped_text(file)
