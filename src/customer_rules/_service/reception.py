"""S1 — visit reception by visitor class (客户参观接待方案).

Sources: seed 002 §客户参观接待方案 (二 客户参观分类, 三 接待方式, 四 参观要求) and seed 001
§客户资源管理制度 八 ("对重要的客户按贵宾级别接待").

A visit request says who comes (the visitor class of the seed's four), how many, which areas of
the seed's fixed list they ask to see, when it was booked and for when, whether they wish to take
photographs, and the sign-offs held: the company's instruction (公司批示, by the person in
charge) that ticks the allowed areas and the passes for each, and a special photography
permission. :func:`receive_visit` decides whether the visit is received, with which guide, host
level, hospitality and preparation, which areas get passes and how many, which are explained and
refused, and every refusal with its reason.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._service.checks import day_in_force, service_policy, status_label
from customer_rules._service.codes import ServiceReason
from customer_rules._service.facts import as_tuple, day, optional_text, tuple_of, whole
from customer_rules._validation import IS_BOOL, fact_check, non_empty_text
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.roles import Approval, ApprovalStatus, Role, approval_status
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._service.policy import ServicePolicy

__all__ = [
    "PHOTOGRAPHY",
    "VISIT_INSTRUCTION",
    "AdvanceReading",
    "AreaDecision",
    "AreaOutcome",
    "AreaPasses",
    "Hospitality",
    "HostLevel",
    "ReceptionPolicy",
    "VisitArea",
    "VisitDecision",
    "VisitGuide",
    "VisitInstruction",
    "VisitPreparation",
    "VisitRefusal",
    "VisitRequest",
    "VisitTreatment",
    "VisitorClass",
    "receive_visit",
]

VISIT_INSTRUCTION = "S1.visit"
"""The ``Approval.what`` of the company's instruction on a visit (公司批示): the pass."""
PHOTOGRAPHY = "S1.photography"
"""The ``Approval.what`` of a special permission to take photographs (特准拍照)."""

_S1 = "S1; 002 §客户参观接待方案"
_S1_VIP = "S1; 001 §客户资源管理制度 八"


class VisitorClass(LabelledEnum):
    """The four classes of visitor of the seed (客户参观分类)."""

    GENERAL = "general"
    """一般客户 — decided to visit at short notice for business (因业务需要临时决定来公司参观)."""
    IMPORTANT = "important"
    """重要客户 — frequent business; comes to see new products or the production base."""
    BIG = "big"
    """大客户 — an important partner visiting for a strategic alliance or an inspection."""
    INSTITUTION = "institution"
    """机关团体 — offices, schools, associations; officials and public figures by approval."""


class VisitArea(LabelledEnum):
    """The areas of the appointment form, the seed's fixed list (需要参观的内容)."""

    FACTORY = "factory"
    WORKSHOP = "workshop"
    LOGISTICS = "logistics"
    TECHNOLOGY = "technology"
    RESEARCH = "research"
    FINISHED_GOODS = "finished_goods"
    MARKETING = "marketing"
    LABORATORY = "laboratory"
    OTHER = "other"


class VisitGuide(LabelledEnum):
    """Who accompanies and explains the visit."""

    NONE = "none"
    """不派专门的人员跟随讲解 — no dedicated guide (一般客户)."""
    RECEPTION = "reception"
    """接待部安排专人陪同并讲解 — a dedicated guide of the reception department."""
    SENIOR = "senior"
    """公司高级人员陪同 — accompanied by senior staff (大客户)."""


class HostLevel(LabelledEnum):
    """The level the visitors are received at."""

    STANDARD = "standard"
    """按公司对外接待办法 — by the company's ordinary reception rules."""
    VIP = "vip"
    """贵宾级别 — VIP level (001 §八: important customers)."""


class Hospitality(LabelledEnum):
    """What the visitors are offered."""

    TEA = "tea"
    """茶点招待 — tea and snacks, when the meeting room holds the group."""
    SOUVENIR = "souvenir"
    """公司纪念品一份 — a company souvenir, when the meeting room holds the group."""
    REFRESHMENTS = "refreshments"
    """糕点、咖啡、冷饮或其他方式招待 — refreshments as the company's notice says."""
    MEAL = "meal"
    """与公司重要领导共进午餐或晚餐 — lunch or dinner with the company's senior leaders."""


_ROOM_BOUND = frozenset({Hospitality.TEA, Hospitality.SOUVENIR})
"""The hospitality the seed gives only to a group the meeting room holds (凡会客室能容纳下的)."""


class VisitPreparation(LabelledEnum):
    """An item of a visit's preparation list."""

    PASSES = "passes"
    """报相关部门办理参观凭证 — the visit plan is sent for passes first (四.1)."""
    APPOINTMENT_FORM = "appointment_form"
    """预约申请表 — the appointment form, five days ahead (重要客户)."""
    ASSIGN_GUIDE = "assign_guide"
    """接待部安排专门的人员陪同并讲解 — the reception department assigns a guide."""
    ADVANCE = "advance"
    """接到相关部门信息后预先进行接待准备 — prepared in advance on the departments' notice."""
    NEEDS_ANALYSIS = "needs_analysis"
    """仔细分析来访目的和需求 — the visit's purpose and needs analysed."""
    REHEARSAL = "rehearsal"
    """预先进行讲解演练 — the briefing rehearsed."""
    SENIOR_ESCORT = "senior_escort"
    """安排公司高级人员陪同 — senior staff to accompany."""
    REFRESHMENTS = "refreshments"
    """按公司通知准备招待 — refreshments as the company's notice says."""
    LEADERS_MEAL = "leaders_meal"
    """准备公司重要领导和大客户的午餐或晚餐 — lunch or dinner with the senior leaders."""
    DEDICATED_GUIDE = "dedicated_guide"
    """接待部统一负责,指派专人陪同并讲解 — the reception department in charge, a dedicated guide."""
    ADMIN_DEPARTMENT = "admin_department"
    """接待部负责参观讲解,其他事项交由行政部处理 — officials and public figures: the reception
    department handles the tour, the administration department everything else."""


class AdvanceReading(LabelledEnum):
    """How "提前5天" (book five days ahead) is counted (the catalogue's S1 ambiguity)."""

    DIFFERENCE = "difference"
    """visit date − booking date ≥ 5 days: booked on the 1st, a visit on the 6th is on time
    [default]."""
    FULL_DAYS = "full_days"
    """five full days between booking and visit: booked on the 1st, the 7th at the earliest."""


class VisitRefusal(LabelledEnum):
    """Why a visit is not received."""

    SMALL_GROUP = "small_group"
    """5人以下的客户团体,原则上公司不予接待 — an ad hoc group of five or fewer."""
    LATE_BOOKING = "late_booking"
    """未提前5天预约 — an important visit booked less than five days ahead."""
    NO_PASS = "no_pass"
    """没有凭证,任何人不得进行参观 — no approved pass (the company's instruction)."""


class AreaOutcome(LabelledEnum):
    """What happens to one requested area."""

    PASS = "pass"
    """发放参观证 — passes issued."""
    NOT_ALLOWED = "not_allowed"
    """公司不允许参观,予以说明,不发放参观证 — not ticked by the instruction: explained, no pass."""
    RESTRICTED = "restricted"
    """公司重要的生产厂区不能参观 — closed to this class of visitor."""
    VISIT_REFUSED = "visit_refused"
    """参观未获接待 — the visit itself is refused."""


set_labels(
    {
        VisitorClass.GENERAL: ("一般客户", "general visitor"),
        VisitorClass.IMPORTANT: ("重要客户", "important customer"),
        VisitorClass.BIG: ("大客户", "big customer"),
        VisitorClass.INSTITUTION: ("机关团体", "institution"),
        VisitArea.FACTORY: ("厂区", "factory site"),
        VisitArea.WORKSHOP: ("生产车间", "production workshop"),
        VisitArea.LOGISTICS: ("物流中心", "logistics centre"),
        VisitArea.TECHNOLOGY: ("技术中心", "technology centre"),
        VisitArea.RESEARCH: ("研发中心", "R&D centre"),
        VisitArea.FINISHED_GOODS: ("成品中心", "finished-goods centre"),
        VisitArea.MARKETING: ("营销中心", "marketing centre"),
        VisitArea.LABORATORY: ("实验中心", "laboratory"),
        VisitArea.OTHER: ("其他", "other"),
        VisitGuide.NONE: ("不派专人陪同讲解", "no dedicated guide"),
        VisitGuide.RECEPTION: ("接待部专人陪同讲解", "a reception-department guide"),
        VisitGuide.SENIOR: ("公司高级人员陪同", "senior staff accompany"),
        HostLevel.STANDARD: ("按公司对外接待办法接待", "standard reception"),
        HostLevel.VIP: ("贵宾级别接待", "VIP reception"),
        Hospitality.TEA: ("茶点招待", "tea and snacks"),
        Hospitality.SOUVENIR: ("公司纪念品一份", "a company souvenir"),
        Hospitality.REFRESHMENTS: ("糕点、咖啡、冷饮等招待", "refreshments"),
        Hospitality.MEAL: ("与公司重要领导共进午餐或晚餐", "a meal with senior leaders"),
        VisitPreparation.PASSES: (
            "报相关部门办理参观凭证",
            "passes from the departments concerned",
        ),
        VisitPreparation.APPOINTMENT_FORM: ("填写预约申请表", "the appointment form"),
        VisitPreparation.ASSIGN_GUIDE: ("接待部安排专人陪同讲解", "a guide assigned"),
        VisitPreparation.ADVANCE: ("预先进行接待准备", "prepared in advance"),
        VisitPreparation.NEEDS_ANALYSIS: ("分析来访目的和需求", "purpose and needs analysed"),
        VisitPreparation.REHEARSAL: ("预先进行讲解演练", "briefing rehearsed"),
        VisitPreparation.SENIOR_ESCORT: ("安排公司高级人员陪同", "senior staff to accompany"),
        VisitPreparation.REFRESHMENTS: ("按公司通知准备招待", "refreshments as notified"),
        VisitPreparation.LEADERS_MEAL: (
            "准备公司重要领导和大客户的午餐或晚餐",
            "lunch or dinner with the senior leaders",
        ),
        VisitPreparation.DEDICATED_GUIDE: (
            "接待部统一负责,指派专人陪同讲解",
            "the reception department in charge, a dedicated guide",
        ),
        VisitPreparation.ADMIN_DEPARTMENT: (
            "接待部负责参观讲解,其他事项交由行政部处理",
            "the tour by reception, everything else by the administration department",
        ),
        AdvanceReading.DIFFERENCE: ("参观日减预约日不少于5天", "visit date − booking date ≥ 5"),
        AdvanceReading.FULL_DAYS: ("中间相隔5个整天", "five full days between"),
        VisitRefusal.SMALL_GROUP: ("团体人数过少", "group too small"),
        VisitRefusal.LATE_BOOKING: ("未按期预约", "booked too late"),
        VisitRefusal.NO_PASS: ("无核准的参观凭证", "no approved pass"),
        AreaOutcome.PASS: ("发放参观证", "passes issued"),
        AreaOutcome.NOT_ALLOWED: ("不允许参观,予以说明", "not allowed: explained"),
        AreaOutcome.RESTRICTED: ("不对该类客户开放", "closed to this class"),
        AreaOutcome.VISIT_REFUSED: ("参观未获接待", "visit refused"),
    }
)


# --------------------------------------------------------------------------- the policy

_REQUIRED: Any = attrs.NOTHING


@policy
class VisitTreatment:
    """How one visitor class is received: one row of the S1 treatment table.

    Attributes:
        visitor: the visitor class.
        refuse_up_to: a group of this many or fewer is not received (一般客户 "5人以下": 5);
            ``None``: any size.
        advance_days: the days ahead a visit must be booked (重要客户 "提前5天": 5); ``None``:
            no booking period.
        guide: who accompanies and explains.
        host: the reception level (VIP or standard).
        hospitality: what the visitors are offered; tea and the souvenir only when the meeting
            room holds the group.
        preparation: the preparation list of the reception department.
        restricted_areas: areas closed to this class whatever the instruction says.

    Raises:
        PolicyError: listing every invalid field with its path.
    """

    visitor: VisitorClass = setting(default=_REQUIRED, unit=Unit.CHOICE, source=_S1)
    refuse_up_to: int | None = setting(default=None, unit=Unit.COUNT, source=_S1, high=1000)
    advance_days: int | None = setting(default=None, unit=Unit.DAYS, source=_S1, high=366)
    guide: VisitGuide = setting(default=VisitGuide.RECEPTION, unit=Unit.CHOICE, source=_S1)
    host: HostLevel = setting(default=HostLevel.STANDARD, unit=Unit.CHOICE, source=_S1_VIP)
    hospitality: tuple[Hospitality, ...] = setting(default=(), unit=Unit.CHOICE, source=_S1)
    preparation: tuple[VisitPreparation, ...] = setting(default=(), unit=Unit.CHOICE, source=_S1)
    restricted_areas: frozenset[VisitArea] = setting(
        default=frozenset(), unit=Unit.CHOICE, source=_S1
    )


_P = VisitPreparation
SEED_TREATMENTS = (
    VisitTreatment(
        VisitorClass.GENERAL,
        refuse_up_to=5,
        guide=VisitGuide.NONE,
        preparation=(_P.PASSES,),
        restricted_areas=frozenset({VisitArea.FACTORY, VisitArea.WORKSHOP}),
    ),
    VisitTreatment(
        VisitorClass.IMPORTANT,
        advance_days=5,
        guide=VisitGuide.RECEPTION,
        host=HostLevel.VIP,
        hospitality=(Hospitality.TEA, Hospitality.SOUVENIR),
        preparation=(_P.APPOINTMENT_FORM, _P.ASSIGN_GUIDE, _P.PASSES),
    ),
    VisitTreatment(
        VisitorClass.BIG,
        guide=VisitGuide.SENIOR,
        host=HostLevel.VIP,
        hospitality=(Hospitality.REFRESHMENTS, Hospitality.MEAL),
        preparation=(
            _P.ADVANCE,
            _P.NEEDS_ANALYSIS,
            _P.REHEARSAL,
            _P.SENIOR_ESCORT,
            _P.REFRESHMENTS,
            _P.LEADERS_MEAL,
            _P.PASSES,
        ),
    ),
    VisitTreatment(
        VisitorClass.INSTITUTION,
        guide=VisitGuide.RECEPTION,
        preparation=(_P.DEDICATED_GUIDE, _P.PASSES),
    ),
)
"""The seed's four rows (002 §客户参观接待方案 三)."""

_HEADS = frozenset({Role.GENERAL_MANAGER, Role.VP_IN_CHARGE})


@policy
class ReceptionPolicy:
    """S1: the visit reception rules. Source: seed 002 §客户参观接待方案; 001 §客户资源管理制度 八.

    Attributes:
        treatments: one row per visitor class (all four): 一般客户 — a group of 5 or fewer
            ("5人以下", which includes 5) is not received, no dedicated guide, the company's
            key production areas (厂区, 生产车间 [default: the seed says "公司重要的生产厂区"
            without naming them]) closed [seed]; 重要客户 — booked 5 days ahead with the
            appointment form, a reception-department guide, tea and a souvenir when the meeting
            room holds the group [seed], VIP level [seed, 001]; 大客户 — prepared in advance,
            briefing rehearsed, senior staff accompany, refreshments, a meal with the senior
            leaders [seed], VIP level [default: a big customer is "公司重要的合作伙伴"];
            机关团体 — the reception department in charge with a dedicated guide [seed].
        instruction_roles: who signs the company's instruction (公司批示 … 负责人) that ticks
            the allowed areas and their passes [default: the general manager or the VP in
            charge; the seed names only "负责人"].
        photo_roles: who may specially permit photography ("除特准者外,一律谢绝拍照")
            [default: as ``instruction_roles``].
        passes_per_visitor: passes per visitor for an allowed area whose number the
            instruction leaves blank ("×个", blank in the seed) [default: 1].
        meeting_room_capacity: the most visitors the meeting room holds; a larger group gets no
            tea and souvenir ("凡会客室能容纳下的参观团体") [default: 20 — set the room's size].
        advance_reading: how "提前5天" is counted [default: visit date − booking date ≥ 5;
            ``full_days``: five full days between].
        dignitary_preparation: added to an institution's list when the visitors are officials
            or public figures [seed: the administration department handles all but the tour].

    Raises:
        PolicyError: listing every invalid field with its path, and a visitor class without a
            row or with two.
    """

    treatments: tuple[VisitTreatment, ...] = setting(
        default=SEED_TREATMENTS, unit=Unit.TABLES, source=_S1
    )
    instruction_roles: frozenset[Role] = setting(
        default=_HEADS, unit=Unit.ROLES, source=_S1, mark=Mark.DEFAULT, min_items=1
    )
    photo_roles: frozenset[Role] = setting(
        default=_HEADS, unit=Unit.ROLES, source=_S1, mark=Mark.DEFAULT, min_items=1
    )
    passes_per_visitor: int = setting(
        default=1, unit=Unit.COUNT, source=_S1, mark=Mark.DEFAULT, low=1, high=100
    )
    meeting_room_capacity: int = setting(
        default=20, unit=Unit.COUNT, source=_S1, mark=Mark.DEFAULT, low=1, high=10_000
    )
    advance_reading: AdvanceReading = setting(
        default=AdvanceReading.DIFFERENCE, unit=Unit.CHOICE, source=_S1, mark=Mark.DEFAULT
    )
    dignitary_preparation: tuple[VisitPreparation, ...] = setting(
        default=(VisitPreparation.ADMIN_DEPARTMENT,), unit=Unit.CHOICE, source=_S1
    )

    def _check(self) -> Iterator[Problem]:
        seen: set[VisitorClass] = set()
        for i, row in enumerate(self.treatments):
            if row.visitor in seen:
                yield Problem.mismatch(
                    f"treatments[{i}].visitor", row.visitor.value, "a class without another row"
                )
            seen.add(row.visitor)
        for missing in (c for c in VisitorClass if c not in seen):
            yield Problem.mismatch(
                "treatments", f"{len(self.treatments)} row(s)", f"a row for {missing.value}"
            )

    @functools.cached_property
    def _rows(self) -> dict[VisitorClass, VisitTreatment]:
        return {row.visitor: row for row in self.treatments}


# --------------------------------------------------------------------------- facts


@attrs.frozen
class AreaPasses:
    """One area ticked by the company's instruction, with its passes (参观证 ×个).

    Attributes:
        area: the area.
        passes: the number of passes; ``None`` (the blank "×个"): the policy's passes per
            visitor for each visitor.

    Raises:
        InputError: naming the field, for an area that is not a :class:`VisitArea` or a number
            of passes that is not a whole number from 1 to 10,000.
    """

    area: VisitArea = attrs.field(validator=fact_check(VisitArea, "a VisitArea"))
    passes: int | None = attrs.field(default=None, validator=whole(1, 10_000, optional=True))


@attrs.frozen
class VisitInstruction:
    """The company's instruction on a visit (公司批示): the sign-off and the areas it allows.

    Attributes:
        approval: the sign-off of the person in charge, for :data:`VISIT_INSTRUCTION`, bound
            to the request's id or to none; it must hold on the visit day.
        areas: the areas ticked, each once, with their passes.

    Raises:
        InputError: naming the field, for an approval that is not an
            :class:`~customer_rules.roles.Approval` or areas that are not :class:`AreaPasses`
            with each area once.
    """

    approval: Approval = attrs.field(validator=fact_check(Approval, "an Approval"))
    areas: tuple[AreaPasses, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(AreaPasses, "AreaPasses", unique=True)
    )


@attrs.frozen
class VisitRequest:
    """A visit request: the appointment form (预约访问申请表) and the sign-offs held.

    Attributes:
        id: the request's id (what the instruction is bound to).
        visitor: the visiting customer's name (来访客户名称).
        visitor_class: one of the seed's four classes.
        group_size: how many people come (来访人数), 1 to 10,000.
        areas: the areas asked for, from the fixed list, each once (需要参观的内容).
        booked_on: the day the visit was booked (the appointment form's date).
        visit_on: the day of the visit (来访时间); not before ``booked_on``.
        contact: the contact person (联系人), if given.
        photography: the visitors wish to take photographs.
        dignitaries: an institution's visitors are officials or public figures (政府官员或社会
            名流).
        instruction: the company's instruction, if given.
        photo_permission: the special permission to take photographs, if given.
        led_by: the employee leading the group in, if named; leading visitors who are not
            received is flagged as leaking trade secrets.

    Raises:
        InputError: naming the field, for a value of the wrong type, a group size outside
            1–10,000, an area listed twice, or a visit before its booking.
    """

    id: str = attrs.field(validator=non_empty_text)
    visitor: str = attrs.field(validator=non_empty_text)
    visitor_class: VisitorClass = attrs.field(validator=fact_check(VisitorClass, "a VisitorClass"))
    group_size: int = attrs.field(validator=whole(1, 10_000))
    areas: tuple[VisitArea, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(VisitArea, "VisitArea values", unique=True)
    )
    booked_on: dt.date = attrs.field(validator=day)
    visit_on: dt.date = attrs.field(validator=day)
    contact: str | None = attrs.field(default=None, validator=optional_text)
    photography: bool = attrs.field(default=False, validator=IS_BOOL)
    dignitaries: bool = attrs.field(default=False, validator=IS_BOOL)
    instruction: VisitInstruction | None = attrs.field(
        default=None, validator=fact_check(VisitInstruction, "a VisitInstruction", optional=True)
    )
    photo_permission: Approval | None = attrs.field(
        default=None, validator=fact_check(Approval, "an Approval or None", optional=True)
    )
    led_by: str | None = attrs.field(default=None, validator=optional_text)

    def __attrs_post_init__(self) -> None:
        if self.visit_on < self.booked_on:
            raise InputError(
                "visit_on", self.visit_on, f"a day on or after booked_on ({self.booked_on})"
            )


# --------------------------------------------------------------------------- the result


@attrs.frozen
class AreaDecision:
    """What happens to one requested area.

    Attributes:
        area: the area.
        outcome: passes issued, not allowed (explained), closed to the class, or the visit is
            refused.
        passes: the passes issued (0 unless ``outcome`` is ``pass``).
    """

    area: VisitArea
    outcome: AreaOutcome
    passes: int = 0


@attrs.frozen
class VisitDecision:
    """S1: whether a visit is received, and how.

    Attributes:
        request: the request decided.
        received: whether the visit is received.
        refusals: every reason the visit is refused (empty when received), in the seed's order.
        instruction: the diagnosis of the company's instruction (``granted`` when it holds).
        days_ahead: visit date − booking date, in days.
        guide: who accompanies (``None`` when refused).
        host: the reception level (``None`` when refused).
        hospitality: what is offered (empty when refused).
        preparation: the preparation list (empty when refused).
        areas: one decision per requested area, in the request's order.
        photography: ``None`` when no photographs are wished or the visit is refused; else
            whether they are allowed.
        leak: the employee who led visitors who are not received (按泄露商业机密论处), if any.
        room_too_small: the group is larger than the meeting room (no tea and souvenir).
        refuse_up_to: the class's small-group limit, if it has one (from the policy).
        advance_days: the days ahead the class must book, by the policy's reading (5, or 6 for
            five full days between), if it must.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    request: VisitRequest
    received: bool
    refusals: tuple[VisitRefusal, ...]
    instruction: ApprovalStatus
    days_ahead: int
    guide: VisitGuide | None
    host: HostLevel | None
    hospitality: tuple[Hospitality, ...]
    preparation: tuple[VisitPreparation, ...]
    areas: tuple[AreaDecision, ...]
    photography: bool | None
    leak: str | None
    room_too_small: bool
    refuse_up_to: int | None
    advance_days: int | None
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def passes(self) -> int:
        """The passes issued, over every area."""
        return sum(a.passes for a in self.areas)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """S1 reasons: the verdict and each refusal, the guide, host level, hospitality and
        preparation, each area, photography and a leak."""
        return _reasons(self)


def _reasons(d: VisitDecision) -> tuple[Reason, ...]:
    r = d.request
    out: list[Reason] = []
    if d.received:
        out.append(
            Reason.of(
                "S1",
                ServiceReason.S1_RECEIVED,
                visitor=r.visitor,
                visitor_class=r.visitor_class,
                size=r.group_size,
                day=r.visit_on,
            )
        )
    else:
        out.append(
            Reason.of(
                "S1",
                ServiceReason.S1_REFUSED,
                visitor=r.visitor,
                visitor_class=r.visitor_class,
                size=r.group_size,
                day=r.visit_on,
                refusals=d.refusals,
            )
        )
    for refusal in d.refusals:
        out.append(_refusal_reason(d, refusal))
    if d.received:
        out.append(Reason.of("S1", ServiceReason.S1_GUIDE, guide=d.guide))
        code = ServiceReason.S1_VIP if d.host is HostLevel.VIP else ServiceReason.S1_STANDARD
        out.append(Reason.of("S1", code, visitor_class=r.visitor_class))
        if d.hospitality:
            out.append(Reason.of("S1", ServiceReason.S1_HOSPITALITY, items=d.hospitality))
        if d.room_too_small:
            out.append(Reason.of("S1", ServiceReason.S1_ROOM, size=r.group_size))
        out.append(Reason.of("S1", ServiceReason.S1_PREPARATION, items=d.preparation))
    for area in d.areas:
        if area.outcome is AreaOutcome.PASS:
            out.append(
                Reason.of("S1", ServiceReason.S1_AREA_PASS, area=area.area, passes=area.passes)
            )
        elif area.outcome is AreaOutcome.NOT_ALLOWED:
            out.append(Reason.of("S1", ServiceReason.S1_AREA_NOT_ALLOWED, area=area.area))
        elif area.outcome is AreaOutcome.RESTRICTED:
            out.append(
                Reason.of(
                    "S1",
                    ServiceReason.S1_AREA_RESTRICTED,
                    area=area.area,
                    visitor_class=r.visitor_class,
                )
            )
    if d.photography is True:
        out.append(Reason.of("S1", ServiceReason.S1_PHOTO_ALLOWED))
    elif d.photography is False:
        out.append(Reason.of("S1", ServiceReason.S1_PHOTO_REFUSED))
    if d.leak is not None:
        out.append(Reason.of("S1", ServiceReason.S1_LEAK, who=d.leak))
    return tuple(out)


def _refusal_reason(d: VisitDecision, refusal: VisitRefusal) -> Reason:
    r = d.request
    if refusal is VisitRefusal.SMALL_GROUP:
        return Reason.of(
            "S1", ServiceReason.S1_SMALL_GROUP, size=r.group_size, limit=d.refuse_up_to
        )
    if refusal is VisitRefusal.LATE_BOOKING:
        return Reason.of(
            "S1",
            ServiceReason.S1_LATE,
            booked=r.booked_on,
            day=r.visit_on,
            ahead=d.days_ahead,
            needed=d.advance_days,
        )
    return Reason.of("S1", ServiceReason.S1_NO_PASS, status=status_label(d.instruction))


# --------------------------------------------------------------------------- the rule


def receive_visit(request: VisitRequest, policy: ServicePolicy) -> VisitDecision:
    """S1: decide a visit request — received or refused, and how.

    A visit is refused, with every reason that applies (a business "no", never an exception):

    * ``small_group`` — the class refuses a group of its ``refuse_up_to`` or fewer (一般客户
      "5人以下", which includes 5: 5 people are refused, 6 are not);
    * ``late_booking`` — the class must book ``advance_days`` ahead (重要客户 "提前5天": booked
      4 days ahead is refused, 5 days is on time, by the default reading);
    * ``no_pass`` — no company instruction that grants :data:`VISIT_INSTRUCTION` on the visit
      day, signed in one of ``instruction_roles`` and bound to the request or to none
      ("没有凭证,任何人不得进行参观").

    A received visit gets its class's guide, host level, hospitality (tea and the souvenir only
    when ``meeting_room_capacity`` holds the group) and preparation list (an institution of
    officials adds ``dignitary_preparation``). Each requested area gets passes when the
    instruction ticks it and the class may enter it — the instruction's number, or
    ``passes_per_visitor`` per visitor when blank; an area the instruction does not tick is
    explained and gets no pass; an area closed to the class gets none whatever the instruction
    says. Photographs are allowed only with a special permission (:data:`PHOTOGRAPHY`, by
    ``photo_roles``, bound to the request or to none) on a received visit. An employee named in
    ``led_by`` on a visit that is not received is flagged as leaking trade secrets.

    Args:
        request: the visit request.
        policy: the service policy (``ServicePolicy()`` is the seed).

    Returns:
        The :class:`VisitDecision`.

    Raises:
        InputError: naming ``request`` unless it is a :class:`VisitRequest`, ``policy`` unless a
            ``ServicePolicy``, or ``request.visit_on`` for a day before the policy takes effect.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.roles import Approval, Role
        >>> from customer_rules.service import ServicePolicy
        >>> day = dt.date(2026, 6, 15)
        >>> gm = Approval("赵总", Role.GENERAL_MANAGER, VISIT_INSTRUCTION, dt.date(2026, 6, 8))
        >>> request = VisitRequest(
        ...     "V-01", "华东重工", VisitorClass.IMPORTANT, 8,
        ...     (VisitArea.WORKSHOP, VisitArea.RESEARCH), dt.date(2026, 6, 10), day,
        ...     instruction=VisitInstruction(gm, (AreaPasses(VisitArea.WORKSHOP),)))
        >>> d = receive_visit(request, ServicePolicy())
        >>> d.received, d.host.value, [(a.area.value, a.outcome.value, a.passes) for a in d.areas]
        (True, 'vip', [('workshop', 'pass', 8), ('research', 'not_allowed', 0)])
    """
    if not isinstance(request, VisitRequest):
        raise InputError("request", request, "a VisitRequest")
    service = service_policy(policy)
    day_in_force(service, request.visit_on, "request.visit_on")
    p = service.reception
    row = p._rows[request.visitor_class]
    refusals: list[VisitRefusal] = []
    if row.refuse_up_to is not None and request.group_size <= row.refuse_up_to:
        refusals.append(VisitRefusal.SMALL_GROUP)
    ahead = (request.visit_on - request.booked_on).days
    needed: int | None = None
    if row.advance_days is not None:
        needed = row.advance_days + (1 if p.advance_reading is AdvanceReading.FULL_DAYS else 0)
        if ahead < needed:
            refusals.append(VisitRefusal.LATE_BOOKING)
    instruction = request.instruction
    status = approval_status(
        instruction.approval if instruction is not None else None,
        p.instruction_roles,
        VISIT_INSTRUCTION,
        request.visit_on,
        subject=request.id,
    )
    if status is not ApprovalStatus.GRANTED:
        refusals.append(VisitRefusal.NO_PASS)
    received = not refusals
    allowed = {a.area: a for a in instruction.areas} if instruction is not None else {}
    areas = tuple(
        _area_decision(area, request, row, allowed, p.passes_per_visitor, received)
        for area in request.areas
    )
    photography: bool | None = None
    if request.photography and received:
        permitted = approval_status(
            request.photo_permission,
            p.photo_roles,
            PHOTOGRAPHY,
            request.visit_on,
            subject=request.id,
        )
        photography = permitted is ApprovalStatus.GRANTED
    room_too_small = (
        received
        and request.group_size > p.meeting_room_capacity
        and any(h in _ROOM_BOUND for h in row.hospitality)
    )
    hospitality: tuple[Hospitality, ...] = ()
    preparation: tuple[VisitPreparation, ...] = ()
    if received:
        hospitality = tuple(h for h in row.hospitality if not (room_too_small and h in _ROOM_BOUND))
        preparation = row.preparation
        if request.visitor_class is VisitorClass.INSTITUTION and request.dignitaries:
            preparation = (
                *preparation,
                *(x for x in p.dignitary_preparation if x not in preparation),
            )
    return VisitDecision(
        request,
        received,
        tuple(refusals),
        status,
        ahead,
        row.guide if received else None,
        row.host if received else None,
        hospitality,
        preparation,
        areas,
        photography,
        request.led_by if not received else None,
        room_too_small,
        row.refuse_up_to,
        needed,
        service.version,
        policy_effective=service.effective,
    )


def _area_decision(
    area: VisitArea,
    request: VisitRequest,
    row: VisitTreatment,
    allowed: dict[VisitArea, AreaPasses],
    per_visitor: int,
    received: bool,
) -> AreaDecision:
    if not received:
        return AreaDecision(area, AreaOutcome.VISIT_REFUSED)
    if area in row.restricted_areas:
        return AreaDecision(area, AreaOutcome.RESTRICTED)
    ticked = allowed.get(area)
    if ticked is None:
        return AreaDecision(area, AreaOutcome.NOT_ALLOWED)
    passes = ticked.passes if ticked.passes is not None else request.group_size * per_visitor
    return AreaDecision(area, AreaOutcome.PASS, passes)
