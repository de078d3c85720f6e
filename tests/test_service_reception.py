"""S1 — visit reception by visitor class (002 §客户参观接待方案; 001 §客户资源管理制度 八)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import PolicyBook, PolicyError, explain
from customer_rules.interchange import from_data, to_data
from customer_rules.labels import Label
from customer_rules.reasons import find_reason
from customer_rules.roles import Approval, ApprovalStatus, Role
from customer_rules.service import (
    PHOTOGRAPHY,
    VISIT_INSTRUCTION,
    AdvanceReading,
    AreaOutcome,
    AreaPasses,
    Hospitality,
    HostLevel,
    ReceptionPolicy,
    ServicePolicy,
    ServiceReason,
    VisitArea,
    VisitDecision,
    VisitGuide,
    VisitInstruction,
    VisitorClass,
    VisitPreparation,
    VisitRefusal,
    VisitRequest,
    receive_visit,
)
from customer_rules.settings import settings_of
from customer_rules.testing import service_policies, visit_requests
from refusals import problems_of

SEED = ServicePolicy()
DAY = dt.date(2026, 6, 15)
GM = Approval("赵总", Role.GENERAL_MANAGER, VISIT_INSTRUCTION, dt.date(2026, 6, 1))


def _request(
    visitor_class: VisitorClass = VisitorClass.IMPORTANT,
    size: int = 8,
    areas: tuple[VisitArea, ...] = (VisitArea.WORKSHOP, VisitArea.RESEARCH),
    ahead: int = 7,
    ticked: tuple[AreaPasses, ...] = (AreaPasses(VisitArea.WORKSHOP),),
    approval: Approval | None = GM,
    **more: object,
) -> VisitRequest:
    instruction = None if approval is None else VisitInstruction(approval, ticked)
    return VisitRequest(
        "V-01",
        "华东重工",
        visitor_class,
        size,
        areas,
        DAY - dt.timedelta(days=ahead),
        DAY,
        instruction=instruction,
        **more,  # type: ignore[arg-type]
    )


# --------------------------------------------------------------------------- the seed's numbers


@pytest.mark.parametrize(
    ("size", "received"),
    [
        pytest.param(5, False, id="5人以下-includes-5"),
        pytest.param(1, False, id="5人以下-one"),
        pytest.param(6, True, id="6-received"),
    ],
)
def test_an_ad_hoc_group_of_five_or_fewer_is_not_received(size: int, received: bool) -> None:
    """一般客户 "5人以下的客户团体,原则上公司不予接待": 以下 includes the number — a group of 5
    is refused, a group of 6 is received."""
    d = receive_visit(_request(VisitorClass.GENERAL, size, (VisitArea.MARKETING,)), SEED)
    assert d.received is received
    assert (VisitRefusal.SMALL_GROUP in d.refusals) is (not received)
    if not received:
        reason = find_reason(d, ServiceReason.S1_SMALL_GROUP)
        assert reason is not None
        assert reason.fact("size") == size
        assert reason.fact("limit") == 5


def test_the_other_reading_of_five_or_fewer_is_a_parameter() -> None:
    """ "fewer than 5" is ``refuse_up_to = 4``: then a group of 5 is received."""
    rows = tuple(
        attrs.evolve(r, refuse_up_to=4) if r.visitor is VisitorClass.GENERAL else r
        for r in SEED.reception.treatments
    )
    policy = ServicePolicy(reception=ReceptionPolicy(treatments=rows))
    assert receive_visit(_request(VisitorClass.GENERAL, 5, (VisitArea.MARKETING,)), policy).received
    assert not receive_visit(
        _request(VisitorClass.GENERAL, 4, (VisitArea.MARKETING,)), policy
    ).received


@pytest.mark.parametrize(
    ("ahead", "received"),
    [
        pytest.param(4, False, id="4-days-ahead"),
        pytest.param(5, True, id="提前5天-on-time"),
        pytest.param(0, False, id="same-day"),
        pytest.param(10, True, id="10-days"),
    ],
)
def test_an_important_visit_is_booked_five_days_ahead(ahead: int, received: bool) -> None:
    """重要客户 "需要客户提前5天进行预约申请": visit date − booking date ≥ 5 [default reading] —
    booked 4 days ahead is refused, 5 days ahead is on time."""
    d = receive_visit(_request(ahead=ahead), SEED)
    assert d.received is received
    assert d.days_ahead == ahead
    assert (VisitRefusal.LATE_BOOKING in d.refusals) is (not received)
    if not received:
        reason = find_reason(d, ServiceReason.S1_LATE)
        assert reason is not None
        assert (reason.fact("ahead"), reason.fact("needed")) == (ahead, 5)


def test_five_full_days_between_is_the_other_reading() -> None:
    policy = ServicePolicy(reception=ReceptionPolicy(advance_reading=AdvanceReading.FULL_DAYS))
    assert not receive_visit(_request(ahead=5), policy).received
    assert receive_visit(_request(ahead=6), policy).received


def test_only_the_important_class_must_book_ahead() -> None:
    for visitor_class in (VisitorClass.BIG, VisitorClass.INSTITUTION):
        assert receive_visit(_request(visitor_class, ahead=0), SEED).received


@pytest.mark.parametrize(
    ("approval", "status"),
    [
        pytest.param(None, ApprovalStatus.MISSING, id="none"),
        pytest.param(
            Approval("王经理", Role.SALES_MANAGER, VISIT_INSTRUCTION, dt.date(2026, 6, 1)),
            ApprovalStatus.WRONG_ROLE,
            id="wrong-role",
        ),
        pytest.param(
            Approval("赵总", Role.GENERAL_MANAGER, "S1.other", dt.date(2026, 6, 1)),
            ApprovalStatus.WRONG_SUBJECT,
            id="other-matter",
        ),
        pytest.param(
            Approval("赵总", Role.GENERAL_MANAGER, VISIT_INSTRUCTION, DAY + dt.timedelta(days=1)),
            ApprovalStatus.NOT_IN_FORCE,
            id="signed-after-the-visit",
        ),
        pytest.param(
            Approval("赵总", Role.GENERAL_MANAGER, VISIT_INSTRUCTION, DAY, subject="V-99"),
            ApprovalStatus.OTHER_SUBJECT,
            id="bound-to-another-visit",
        ),
    ],
)
def test_no_approved_pass_no_visit(approval: Approval | None, status: ApprovalStatus) -> None:
    """ "没有凭证,任何人不得进行参观; 未经核准的参观人员,一律拒绝参观"."""
    d = receive_visit(_request(approval=approval), SEED)
    assert not d.received
    assert d.refusals == (VisitRefusal.NO_PASS,)
    assert d.instruction is status
    assert all(a.outcome is AreaOutcome.VISIT_REFUSED and a.passes == 0 for a in d.areas)
    assert (d.guide, d.host, d.hospitality, d.preparation) == (None, None, (), ())


def test_every_refusal_is_named_at_once() -> None:
    d = receive_visit(
        _request(VisitorClass.GENERAL, 3, (VisitArea.MARKETING,), approval=None), SEED
    )
    assert d.refusals == (VisitRefusal.SMALL_GROUP, VisitRefusal.NO_PASS)
    codes = [r.code for r in d.reasons]
    assert codes[:3] == [
        ServiceReason.S1_REFUSED,
        ServiceReason.S1_SMALL_GROUP,
        ServiceReason.S1_NO_PASS,
    ]
    assert explain(d, "en").splitlines()[2] == (
        "[S1] no approved pass (the company's instruction: none given): no one visits without one"
    )


# --------------------------------------------------------------------------- areas and passes


def test_passes_per_area_from_the_instruction_one_per_visitor_by_default() -> None:
    """公司批示 ticks the allowed areas with "×个" passes (blank: one per visitor [default]); an
    area it does not allow is explained and gets no pass."""
    ticked = (AreaPasses(VisitArea.WORKSHOP, 3), AreaPasses(VisitArea.MARKETING))
    areas = (VisitArea.WORKSHOP, VisitArea.MARKETING, VisitArea.RESEARCH)
    d = receive_visit(_request(size=8, areas=areas, ticked=ticked), SEED)
    assert [(a.area, a.outcome, a.passes) for a in d.areas] == [
        (VisitArea.WORKSHOP, AreaOutcome.PASS, 3),
        (VisitArea.MARKETING, AreaOutcome.PASS, 8),
        (VisitArea.RESEARCH, AreaOutcome.NOT_ALLOWED, 0),
    ]
    assert d.passes == 11
    zh = explain(d).splitlines()
    assert "[S1] 研发中心:公司不允许参观,予以说明,不发放参观证" in zh
    assert "[S1] 营销中心:发放参观证 8 个" in zh
    two = ServicePolicy(reception=ReceptionPolicy(passes_per_visitor=2))
    assert receive_visit(_request(size=8, areas=areas, ticked=ticked), two).passes == 3 + 16


def test_a_general_visitor_never_sees_the_key_production_areas() -> None:
    """一般客户 "公司重要的生产厂区也不能参观": closed whatever the instruction ticks."""
    ticked = tuple(AreaPasses(a) for a in VisitArea)
    areas = (VisitArea.FACTORY, VisitArea.WORKSHOP, VisitArea.MARKETING)
    d = receive_visit(_request(VisitorClass.GENERAL, 9, areas, ticked=ticked), SEED)
    assert [a.outcome for a in d.areas] == [
        AreaOutcome.RESTRICTED,
        AreaOutcome.RESTRICTED,
        AreaOutcome.PASS,
    ]
    assert d.guide is VisitGuide.NONE
    reason = find_reason(d, ServiceReason.S1_AREA_RESTRICTED)
    assert reason is not None
    assert reason.fact("area") is VisitArea.FACTORY


# --------------------------------------------------------------------------- treatment by class


def test_important_customers_vip_guide_tea_and_souvenir() -> None:
    """重要客户: a reception-department guide, tea and a souvenir [seed]; VIP level (001 §八)."""
    d = receive_visit(_request(size=20), SEED)
    assert d.guide is VisitGuide.RECEPTION
    assert d.host is HostLevel.VIP
    assert d.hospitality == (Hospitality.TEA, Hospitality.SOUVENIR)
    assert VisitPreparation.APPOINTMENT_FORM in d.preparation
    assert not d.room_too_small


def test_tea_and_souvenir_only_when_the_meeting_room_holds_the_group() -> None:
    """ "凡会客室能容纳下的参观团体,均以茶点招待": 20 fit the default room, 21 do not."""
    d = receive_visit(_request(size=21), SEED)
    assert d.received
    assert d.hospitality == ()
    assert d.room_too_small
    assert find_reason(d, ServiceReason.S1_ROOM) is not None


def test_big_customers_get_their_own_preparation_list() -> None:
    """大客户: prepared in advance, needs analysed, briefing rehearsed, senior staff, refreshments
    and a meal with the senior leaders."""
    d = receive_visit(_request(VisitorClass.BIG), SEED)
    assert d.guide is VisitGuide.SENIOR
    assert d.host is HostLevel.VIP
    assert d.hospitality == (Hospitality.REFRESHMENTS, Hospitality.MEAL)
    assert d.preparation == (
        VisitPreparation.ADVANCE,
        VisitPreparation.NEEDS_ANALYSIS,
        VisitPreparation.REHEARSAL,
        VisitPreparation.SENIOR_ESCORT,
        VisitPreparation.REFRESHMENTS,
        VisitPreparation.LEADERS_MEAL,
        VisitPreparation.PASSES,
    )


@pytest.mark.parametrize("dignitaries", [False, True])
def test_institutions_and_their_officials(dignitaries: bool) -> None:
    """机关团体: the reception department in charge with a dedicated guide; for officials and
    public figures the administration department handles all but the tour."""
    d = receive_visit(_request(VisitorClass.INSTITUTION, dignitaries=dignitaries), SEED)
    assert d.guide is VisitGuide.RECEPTION
    assert d.host is HostLevel.STANDARD
    assert VisitPreparation.DEDICATED_GUIDE in d.preparation
    assert (VisitPreparation.ADMIN_DEPARTMENT in d.preparation) is dignitaries


# --------------------------------------------------------------------------- photography, leaks


def test_photography_needs_a_special_permission() -> None:
    """ "参观人员除特准者外,一律谢绝拍照"."""
    assert receive_visit(_request(), SEED).photography is None
    refused = receive_visit(_request(photography=True), SEED)
    assert refused.photography is False
    assert find_reason(refused, ServiceReason.S1_PHOTO_REFUSED) is not None
    ok = Approval("赵总", Role.GENERAL_MANAGER, PHOTOGRAPHY, dt.date(2026, 6, 1))
    allowed = receive_visit(_request(photography=True, photo_permission=ok), SEED)
    assert allowed.photography is True
    wrong = Approval("王经理", Role.SALES_MANAGER, PHOTOGRAPHY, dt.date(2026, 6, 1))
    assert (
        receive_visit(_request(photography=True, photo_permission=wrong), SEED).photography is False
    )


@pytest.mark.parametrize(
    ("subject", "allowed"),
    [
        pytest.param("V-01", True, id="this-visit"),
        pytest.param(None, True, id="no-visit-named"),
        pytest.param("V-99", False, id="another-visit"),
    ],
)
def test_a_photography_permission_for_another_visit_does_not_count(
    subject: str | None, allowed: bool
) -> None:
    """The permission is bound to the request (its id) or to none, like the instruction."""
    permission = Approval(
        "赵总", Role.GENERAL_MANAGER, PHOTOGRAPHY, dt.date(2026, 6, 1), subject=subject
    )
    d = receive_visit(_request(photography=True, photo_permission=permission), SEED)
    assert d.received
    assert d.photography is allowed


def test_leading_unapproved_visitors_is_leaking_trade_secrets() -> None:
    """ "擅自率领参观人员参观者,按泄露商业机密论处"."""
    refused = receive_visit(_request(approval=None, led_by="张三"), SEED)
    assert refused.leak == "张三"
    assert explain(refused).splitlines()[-1] == (
        "[S1] 张三 擅自率领未经核准的参观人员参观,按泄露商业机密论处"
    )
    assert receive_visit(_request(led_by="张三"), SEED).leak is None


# --------------------------------------------------------------------------- every reason

_PHOTO_OK = Approval("赵总", Role.GENERAL_MANAGER, PHOTOGRAPHY, dt.date(2026, 6, 1))
_C, _P = VisitorClass, VisitPreparation
_R = ServiceReason


def _received(visitor_class: VisitorClass, size: int) -> tuple[str, str, dict[str, object]]:
    facts = {"visitor": "华东重工", "visitor_class": visitor_class, "size": size, "day": DAY}
    return ("S1", _R.S1_RECEIVED, facts)


def _refused(
    visitor_class: VisitorClass, size: int, *refusals: VisitRefusal
) -> tuple[str, str, dict[str, object]]:
    facts = {"visitor": "华东重工", "visitor_class": visitor_class, "size": size, "day": DAY}
    return ("S1", _R.S1_REFUSED, {**facts, "refusals": refusals})


def _areas(workshop: int) -> list[tuple[str, str, dict[str, object]]]:
    return [
        ("S1", _R.S1_AREA_PASS, {"area": VisitArea.WORKSHOP, "passes": workshop}),
        ("S1", _R.S1_AREA_NOT_ALLOWED, {"area": VisitArea.RESEARCH}),
    ]


@pytest.mark.parametrize(
    ("request_", "reasons"),
    [
        pytest.param(
            _request(ahead=4),
            [
                _refused(_C.IMPORTANT, 8, VisitRefusal.LATE_BOOKING),
                (
                    "S1",
                    _R.S1_LATE,
                    {"booked": dt.date(2026, 6, 11), "day": DAY, "ahead": 4, "needed": 5},
                ),
            ],
            id="important-booked-4-days-ahead",
        ),
        pytest.param(
            _request(_C.GENERAL, 3, (VisitArea.MARKETING,), approval=None, led_by="张三"),
            [
                _refused(_C.GENERAL, 3, VisitRefusal.SMALL_GROUP, VisitRefusal.NO_PASS),
                ("S1", _R.S1_SMALL_GROUP, {"size": 3, "limit": 5}),
                ("S1", _R.S1_NO_PASS, {"status": Label("未签批", "none given")}),
                ("S1", _R.S1_LEAK, {"who": "张三"}),
            ],
            id="general-group-of-3-without-pass-led-in",
        ),
        pytest.param(
            _request(_C.INSTITUTION, dignitaries=True),
            [
                _received(_C.INSTITUTION, 8),
                ("S1", _R.S1_GUIDE, {"guide": VisitGuide.RECEPTION}),
                ("S1", _R.S1_STANDARD, {"visitor_class": _C.INSTITUTION}),
                (
                    "S1",
                    _R.S1_PREPARATION,
                    {"items": (_P.DEDICATED_GUIDE, _P.PASSES, _P.ADMIN_DEPARTMENT)},
                ),
                *_areas(8),
            ],
            id="institution-of-officials",
        ),
        pytest.param(
            _request(size=21, photography=True, photo_permission=_PHOTO_OK),
            [
                _received(_C.IMPORTANT, 21),
                ("S1", _R.S1_GUIDE, {"guide": VisitGuide.RECEPTION}),
                ("S1", _R.S1_VIP, {"visitor_class": _C.IMPORTANT}),
                ("S1", _R.S1_ROOM, {"size": 21}),
                (
                    "S1",
                    _R.S1_PREPARATION,
                    {"items": (_P.APPOINTMENT_FORM, _P.ASSIGN_GUIDE, _P.PASSES)},
                ),
                *_areas(21),
                ("S1", _R.S1_PHOTO_ALLOWED, {}),
            ],
            id="important-group-of-21-photos-permitted",
        ),
        pytest.param(
            _request(
                _C.GENERAL,
                9,
                (VisitArea.FACTORY, VisitArea.MARKETING),
                ticked=(AreaPasses(VisitArea.FACTORY), AreaPasses(VisitArea.MARKETING)),
                photography=True,
            ),
            [
                _received(_C.GENERAL, 9),
                ("S1", _R.S1_GUIDE, {"guide": VisitGuide.NONE}),
                ("S1", _R.S1_STANDARD, {"visitor_class": _C.GENERAL}),
                ("S1", _R.S1_PREPARATION, {"items": (_P.PASSES,)}),
                (
                    "S1",
                    _R.S1_AREA_RESTRICTED,
                    {"area": VisitArea.FACTORY, "visitor_class": _C.GENERAL},
                ),
                ("S1", _R.S1_AREA_PASS, {"area": VisitArea.MARKETING, "passes": 9}),
                ("S1", _R.S1_PHOTO_REFUSED, {}),
            ],
            id="general-group-of-9-factory-closed-photos-declined",
        ),
        pytest.param(
            _request(_C.BIG, 30),
            [
                _received(_C.BIG, 30),
                ("S1", _R.S1_GUIDE, {"guide": VisitGuide.SENIOR}),
                ("S1", _R.S1_VIP, {"visitor_class": _C.BIG}),
                ("S1", _R.S1_HOSPITALITY, {"items": (Hospitality.REFRESHMENTS, Hospitality.MEAL)}),
                (
                    "S1",
                    _R.S1_PREPARATION,
                    {
                        "items": (
                            _P.ADVANCE,
                            _P.NEEDS_ANALYSIS,
                            _P.REHEARSAL,
                            _P.SENIOR_ESCORT,
                            _P.REFRESHMENTS,
                            _P.LEADERS_MEAL,
                            _P.PASSES,
                        )
                    },
                ),
                *_areas(30),
            ],
            id="big-customer-group-of-30",
        ),
    ],
)
def test_every_reason_of_a_decision(
    request_: VisitRequest, reasons: list[tuple[str, str, dict[str, object]]]
) -> None:
    """Each reason's rule, code and facts, in order, for the seed's classes: what a host stores
    and what the zh/en texts are rendered from."""
    d = receive_visit(request_, SEED)
    assert [(r.rule, r.code, dict(r.facts)) for r in d.reasons] == reasons


# --------------------------------------------------------------------------- the policy, inputs


_ROWS = ServicePolicy().reception.treatments


@pytest.mark.parametrize(
    ("rows", "problems"),
    [
        pytest.param(
            _ROWS[:3], [("treatments", "'3 row(s)'", "a row for institution")], id="no-row"
        ),
        pytest.param(
            (*_ROWS, _ROWS[0]),
            [("treatments[4].visitor", "'general'", "a class without another row")],
            id="two-rows",
        ),
        pytest.param(
            (_ROWS[0], _ROWS[0]),
            [
                ("treatments[1].visitor", "'general'", "a class without another row"),
                ("treatments", "'2 row(s)'", "a row for important"),
                ("treatments", "'2 row(s)'", "a row for big"),
                ("treatments", "'2 row(s)'", "a row for institution"),
            ],
            id="every-problem-at-once",
        ),
    ],
)
def test_the_policy_needs_one_row_per_class(
    rows: tuple[object, ...], problems: list[tuple[str, object, str]]
) -> None:
    with pytest.raises(PolicyError) as caught:
        ReceptionPolicy(treatments=rows)  # type: ignore[arg-type]
    assert [(p.path, p.given, p.expected) for p in caught.value.problems] == problems


def test_the_settings_are_marked() -> None:
    marks = {
        i.path: i.setting.mark.value for i in settings_of(SEED) if i.path.startswith("reception.")
    }
    assert marks["reception.treatments"] == "seed"
    assert marks["reception.passes_per_visitor"] == "default"
    assert marks["reception.meeting_room_capacity"] == "default"


_TEXT = "a non-empty string"
_DAY = "a datetime.date from 1900-01-01 to 2999-12-31"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"id": ""}, ("id", "''", _TEXT)),
        ({"visitor": " "}, ("visitor", "' '", _TEXT)),
        ({"visitor_class": "big"}, ("visitor_class", "'big'", "a VisitorClass")),
        ({"group_size": 0}, ("group_size", 0, "a whole number from 1 to 10,000")),
        ({"group_size": True}, ("group_size", True, "a whole number from 1 to 10,000")),
        ({"areas": "厂区"}, ("areas", "'厂区'", "a tuple of VisitArea values")),
        ({"areas": ("厂区",)}, ("areas[0]", "'厂区'", "VisitArea values")),
        (
            {"areas": (VisitArea.FACTORY, VisitArea.FACTORY)},
            ("areas[1]", "<VisitArea.FACTORY: 'factory'>", "VisitArea values, each once"),
        ),
        ({"booked_on": None}, ("booked_on", None, _DAY)),
        (
            {"visit_on": dt.date(2026, 1, 1)},
            ("visit_on", "datetime.date(2026, 1, 1)", "a day on or after booked_on (2026-06-14)"),
        ),
        ({"contact": " "}, ("contact", "' '", "a non-empty string or None")),
        ({"photography": 1}, ("photography", 1, "True or False")),
        ({"dignitaries": None}, ("dignitaries", None, "True or False")),
        ({"instruction": GM}, ("instruction", "a Approval", "a VisitInstruction")),
        ({"photo_permission": "赵总"}, ("photo_permission", "'赵总'", "an Approval or None")),
        ({"led_by": ""}, ("led_by", "''", "a non-empty string or None")),
    ],
    ids=lambda v: next(iter(v)) if isinstance(v, dict) else "",
)
def test_every_refusal_of_a_visit_request(
    change: dict[str, object], problem: tuple[str, object, str]
) -> None:
    values = {
        "id": "V-1",
        "visitor": "X",
        "visitor_class": VisitorClass.BIG,
        "group_size": 3,
        "areas": (VisitArea.FACTORY,),
        "booked_on": DAY - dt.timedelta(days=1),
        "visit_on": DAY,
    }
    values.update(change)
    assert problems_of(lambda: VisitRequest(**values)) == [problem]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        pytest.param(
            lambda: receive_visit("V-01", SEED),  # type: ignore[arg-type]
            ("request", "'V-01'", "a VisitRequest"),
            id="request",
        ),
        pytest.param(
            lambda: receive_visit(_request(), PolicyBook()),  # type: ignore[arg-type]
            (
                "policy",
                "a PolicyBook",
                "a ServicePolicy (ServicePolicy() is the seed; for a PolicyBook pass book.service)",
            ),
            id="policy",
        ),
        pytest.param(
            lambda: receive_visit(
                _request(), ServicePolicy(version="2027", effective=dt.date(2027, 1, 1))
            ),
            (
                "request.visit_on",
                "datetime.date(2026, 6, 15)",
                "a day on or after the policy's effective date 2027-01-01 (version '2027')",
            ),
            id="before-the-policy",
        ),
    ],
)
def test_the_rule_checks_its_arguments(
    call: Callable[[], object], problem: tuple[str, object, str]
) -> None:
    assert problems_of(call) == [problem]


def test_the_decision_names_the_policy_that_decided() -> None:
    dated = ServicePolicy(version="2027", effective=dt.date(2027, 1, 1))
    request = attrs.evolve(
        _request(approval=attrs.evolve(GM, on=dt.date(2027, 1, 4))),
        booked_on=dt.date(2027, 1, 4),
        visit_on=dt.date(2027, 1, 11),
    )
    d = receive_visit(request, dated)
    assert d.received
    assert (d.policy_version, d.policy_effective) == ("2027", dt.date(2027, 1, 1))
    assert (receive_visit(_request(), SEED).policy_version, SEED.effective) == ("seed", None)


def test_a_request_read_from_json_with_chinese_labels() -> None:
    data = {
        "id": "V-9",
        "visitor": "市工信局",
        "visitor_class": "机关团体",
        "group_size": "6",
        "areas": ["厂区", "实验中心"],
        "booked_on": "2026-06-01",
        "visit_on": "2026-06-15",
        "instruction": {
            "approval": {
                "who": "李副总",
                "role": "主管副总经理",
                "what": VISIT_INSTRUCTION,
                "on": "2026-06-02",
            },
            "areas": [{"area": "厂区"}, {"area": "实验中心", "passes": "3"}],
        },
    }
    d = receive_visit(from_data(VisitRequest, data), SEED)
    assert [(a.area, a.passes) for a in d.areas] == [
        (VisitArea.FACTORY, 6),
        (VisitArea.LABORATORY, 3),
    ]


# --------------------------------------------------------------------------- properties


@given(visit_requests())
def test_every_refusal_names_its_reason_and_received_means_no_refusal(
    request: VisitRequest,
) -> None:
    d = receive_visit(request, SEED)
    assert d.received is (not d.refusals)
    codes = {r.code for r in d.reasons}
    named = {
        VisitRefusal.SMALL_GROUP: ServiceReason.S1_SMALL_GROUP,
        VisitRefusal.LATE_BOOKING: ServiceReason.S1_LATE,
        VisitRefusal.NO_PASS: ServiceReason.S1_NO_PASS,
    }
    for refusal in d.refusals:
        assert named[refusal] in codes
    assert (ServiceReason.S1_RECEIVED in codes) is d.received
    assert all(r.rule == "S1" for r in d.reasons)
    # passes only for received visits, only for areas asked for and allowed
    assert all(a.passes > 0 for a in d.areas if a.outcome is AreaOutcome.PASS)
    assert all(a.passes == 0 for a in d.areas if a.outcome is not AreaOutcome.PASS)
    assert [a.area for a in d.areas] == list(request.areas)
    if not d.received:
        assert d.passes == 0
        assert d.leak == request.led_by


@given(visit_requests(), st.integers(1, 30))
def test_a_larger_group_is_never_refused_for_its_size_when_a_smaller_one_is_received(
    request: VisitRequest, more: int
) -> None:
    """Monotonic in the group size: adding people never brings a small-group refusal."""
    bigger = attrs.evolve(request, group_size=request.group_size + more)
    before, after = receive_visit(request, SEED), receive_visit(bigger, SEED)
    if VisitRefusal.SMALL_GROUP not in before.refusals:
        assert VisitRefusal.SMALL_GROUP not in after.refusals


@given(visit_requests(), st.integers(1, 5))
def test_booking_earlier_never_makes_a_visit_late(request: VisitRequest, earlier: int) -> None:
    sooner = attrs.evolve(request, booked_on=request.booked_on - dt.timedelta(days=earlier))
    if VisitRefusal.LATE_BOOKING not in receive_visit(request, SEED).refusals:
        assert VisitRefusal.LATE_BOOKING not in receive_visit(sooner, SEED).refusals


@given(visit_requests(), service_policies())
def test_deterministic_and_round_trips_through_json(
    request: VisitRequest, policy: ServicePolicy
) -> None:
    d = receive_visit(request, policy)
    assert receive_visit(request, policy) == d
    data = json.loads(json.dumps(to_data(d, lang="en"), ensure_ascii=False))
    assert from_data(VisitDecision, data, policy=policy) == d
    assert from_data(VisitRequest, to_data(request)) == request
