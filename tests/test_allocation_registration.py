"""A7 — first registration: "客户资源的开发以先申请登记为原则,销售人员新开发的客户,需要24小时内到
销售内勤处登记备案,禁止其他销售人员对已备案的客户再度开发(除公司特别指派销售人员跟踪的客户
资源外)" (001 §4.2.1), and the registration form of §4.3.3."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.refusals import problems_of

from customer_rules.allocation import (
    DESIGNATE,
    AllocationPolicy,
    ContactClock,
    Designation,
    MatchBasis,
    Prospect,
    Registration,
    RegistrationDecision,
    RegistrationOutcome,
    register,
)
from customer_rules.dates import SHANGHAI
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import explain
from customer_rules.roles import Approval, Role
from customer_rules.testing import prospects, registrations

POLICY = AllocationPolicy()
FIRST = dt.datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI)
DAY = FIRST.date()


def form(
    who: str = "陈小明",
    name: str = "北京华远科技有限公司",
    phone: str = "",
    first: dt.datetime = FIRST,
    **more: object,
) -> Prospect:
    return Prospect(who, name, first, phone=phone, **more)  # type: ignore[arg-type]


def on_record(who: str, name: str, at: dt.datetime, phone: str = "") -> Registration:
    return Registration(form(who, name, phone, at - dt.timedelta(hours=1)), at)


def codes(decision: RegistrationDecision) -> list[str]:
    return [str(r.code) for r in decision.reasons]


# --------------------------------------------------------------------------- the 24 hours


@pytest.mark.parametrize(
    ("after", "outcome"),
    [
        (dt.timedelta(0), RegistrationOutcome.ACCEPTED),
        (dt.timedelta(hours=23, minutes=59, seconds=59), RegistrationOutcome.ACCEPTED),
        # "24小时内": the 24th hour itself is in time
        (dt.timedelta(hours=24), RegistrationOutcome.ACCEPTED),
        (dt.timedelta(hours=24, seconds=1), RegistrationOutcome.TOO_LATE),
        (dt.timedelta(hours=25), RegistrationOutcome.TOO_LATE),
    ],
)
def test_registered_within_24_hours_of_first_contact(
    after: dt.timedelta, outcome: RegistrationOutcome
) -> None:
    d = register(form(), [], POLICY, at=FIRST + after)
    assert d.outcome is outcome
    assert d.deadline == FIRST + dt.timedelta(hours=24)
    assert d.accepted is (outcome is RegistrationOutcome.ACCEPTED)
    if d.accepted:
        assert d.registration == Registration(form(), FIRST + after)
        assert codes(d) == ["A7.accepted"]
    else:
        assert d.registration is None
        assert codes(d) == ["A7.too_late"]
        assert "too late" in explain(d, "en")
        assert "已超时" in explain(d, "zh")


def test_the_hours_are_counted_in_absolute_time_whatever_the_zones() -> None:
    utc = (FIRST + dt.timedelta(hours=24)).astimezone(dt.UTC)
    assert register(form(), [], POLICY, at=utc).outcome is RegistrationOutcome.ACCEPTED
    late = utc + dt.timedelta(seconds=1)
    assert register(form(), [], POLICY, at=late).outcome is RegistrationOutcome.TOO_LATE


def test_the_other_reading_counts_from_when_the_customer_counts_as_developed() -> None:
    policy = AllocationPolicy(registration={"clock": "developed"})
    assert policy.registration.clock is ContactClock.DEVELOPED
    at = FIRST + dt.timedelta(days=5)
    # not developed yet: the clock has not started
    d = register(form(), [], policy, at=at)
    assert d.outcome is RegistrationOutcome.ACCEPTED
    assert d.deadline is None
    assert codes(d) == ["A7.not_started"]
    developed = form(developed_at=at - dt.timedelta(hours=24))
    assert register(developed, [], policy, at=at).outcome is RegistrationOutcome.ACCEPTED
    developed = form(developed_at=at - dt.timedelta(hours=24, minutes=1))
    assert register(developed, [], policy, at=at).outcome is RegistrationOutcome.TOO_LATE


def test_the_hours_are_a_parameter() -> None:
    policy = AllocationPolicy(registration={"hours": 48})
    at = FIRST + dt.timedelta(hours=30)
    assert register(form(), [], policy, at=at).outcome is RegistrationOutcome.ACCEPTED
    assert register(form(), [], POLICY, at=at).outcome is RegistrationOutcome.TOO_LATE
    with pytest.raises(PolicyError):
        AllocationPolicy(registration={"hours": 0})


# --------------------------------------------------------------------------- first to register


def test_a_registered_customer_is_a_duplicate_for_anyone_else_whose_and_since_when() -> None:
    first = on_record("王芳", "北京 华远科技（有限公司）", FIRST - dt.timedelta(days=3))
    d = register(form(), [first], POLICY, at=FIRST)
    assert d.outcome is RegistrationOutcome.DUPLICATE
    assert d.duplicate_of == first
    assert d.basis is MatchBasis.NAME
    assert d.registration is None
    text = explain(d, "en")
    assert "registered by 王芳 at 2026-02-27T09:00:00+08:00" in text
    assert "no other salesperson may develop a registered customer" in text
    assert "禁止" not in explain(d, "zh")  # the reason says it in its own words
    assert "其他销售人员不得再度开发" in explain(d, "zh")


def test_the_same_phone_is_a_duplicate_and_the_first_registration_wins() -> None:
    later = on_record("赵六", "华远", FIRST - dt.timedelta(days=1), "+86 10 6552 9988")
    earlier = on_record("王芳", "华远公司", FIRST - dt.timedelta(days=2), "010-65529988")
    d = register(form(name="HY Tech", phone="(010) 6552-9988"), [later, earlier], POLICY, at=FIRST)
    assert d.outcome is RegistrationOutcome.DUPLICATE
    assert d.duplicate_of == earlier
    assert d.basis is MatchBasis.PHONE


def test_phones_are_not_compared_when_the_policy_says_so() -> None:
    other = on_record("王芳", "华远", FIRST - dt.timedelta(days=1), "010-65529988")
    policy = AllocationPolicy(registration={"match_phone": False})
    d = register(form(name="HY Tech", phone="010-65529988"), [other], policy, at=FIRST)
    assert d.outcome is RegistrationOutcome.ACCEPTED


def test_ones_own_registration_again_is_a_duplicate_of_ones_own() -> None:
    mine = on_record("陈小明", "北京华远科技有限公司", FIRST - dt.timedelta(days=1))
    d = register(form(), [mine], POLICY, at=FIRST)
    assert d.outcome is RegistrationOutcome.DUPLICATE
    assert codes(d) == ["A7.duplicate.own"]


def test_a_registration_made_after_the_moment_is_not_on_record_yet() -> None:
    later = on_record("王芳", "北京华远科技有限公司", FIRST + dt.timedelta(minutes=1))
    assert register(form(), [later], POLICY, at=FIRST).outcome is RegistrationOutcome.ACCEPTED
    same = on_record("王芳", "北京华远科技有限公司", FIRST)
    assert register(form(), [same], POLICY, at=FIRST).outcome is RegistrationOutcome.DUPLICATE


def test_a_duplicate_is_decided_before_the_hours() -> None:
    first = on_record("王芳", "北京华远科技有限公司", FIRST - dt.timedelta(days=1))
    d = register(form(), [first], POLICY, at=FIRST + dt.timedelta(days=3))
    assert d.outcome is RegistrationOutcome.DUPLICATE


# --------------------------------------------------------------------------- possible duplicates


def test_a_match_only_without_the_place_is_for_sales_admin_to_check_never_a_refusal() -> None:
    shanghai = on_record("王芳", "上海华远科技有限公司", FIRST - dt.timedelta(days=2))
    beijing = on_record("赵六", "华远科技有限公司", FIRST - dt.timedelta(days=1))
    d = register(form(), [beijing, shanghai], POLICY, at=FIRST)
    assert d.outcome is RegistrationOutcome.POSSIBLE_DUPLICATE
    assert d.accepted
    assert d.registration == Registration(form(), FIRST)
    assert d.possible == (shanghai, beijing)  # the earliest first
    assert d.reviewer is Role.SALES_ADMIN
    assert codes(d) == ["A7.accepted", "A7.possible", "A7.possible"]
    assert "for the sales admin to check (not a refusal)" in explain(d, "en")


def test_a_late_registration_is_refused_even_with_a_possible_duplicate() -> None:
    shanghai = on_record("王芳", "上海华远科技有限公司", FIRST - dt.timedelta(days=2))
    d = register(form(), [shanghai], POLICY, at=FIRST + dt.timedelta(hours=25))
    assert d.outcome is RegistrationOutcome.TOO_LATE


def test_the_place_list_of_the_policy_is_used() -> None:
    yiwu = on_record("王芳", "义乌华远科技有限公司", FIRST - dt.timedelta(days=2))
    assert register(form(), [yiwu], POLICY, at=FIRST).outcome is RegistrationOutcome.ACCEPTED
    policy = AllocationPolicy(registration={"extra_places": ["义乌"]})
    d = register(form(), [yiwu], policy, at=FIRST)
    assert d.outcome is RegistrationOutcome.POSSIBLE_DUPLICATE


# --------------------------------------------------------------------------- designations


def designation(who: str, role: Role = Role.MARKETING_DIRECTOR, **more: object) -> Designation:
    approval = Approval("李总监", role, DESIGNATE, DAY - dt.timedelta(days=10), **more)  # type: ignore[arg-type]
    return Designation("北京华远科技", who, approval)


def test_a_customer_the_company_designated_to_someone_else_is_reserved() -> None:
    d = register(form(), [], POLICY, at=FIRST, designations=[designation("王芳")])
    assert d.outcome is RegistrationOutcome.RESERVED
    assert d.designation is not None
    assert d.designation.salesperson == "王芳"
    assert codes(d) == ["A7.reserved"]
    assert "designated 王芳 to follow" in explain(d, "en")


def test_the_designated_person_develops_it_even_when_someone_registered_it() -> None:
    first = on_record("王芳", "北京华远科技有限公司", FIRST - dt.timedelta(days=3))
    d = register(form(), [first], POLICY, at=FIRST, designations=[designation("陈小明")])
    assert d.outcome is RegistrationOutcome.ACCEPTED
    assert d.registration is not None
    assert codes(d) == ["A7.designated"]


@pytest.mark.parametrize(
    ("role", "more"),
    [
        (Role.SALES_MANAGER, {}),  # not a designating role
        (Role.MARKETING_DIRECTOR, {"subject": "另一客户"}),  # bound to another customer
        (Role.MARKETING_DIRECTOR, {"valid_until": DAY - dt.timedelta(days=1)}),  # expired
    ],
)
def test_a_designation_whose_sign_off_does_not_hold_is_not_used(
    role: Role, more: dict[str, object]
) -> None:
    d = register(form(), [], POLICY, at=FIRST, designations=[designation("王芳", role, **more)])
    assert d.outcome is RegistrationOutcome.ACCEPTED
    assert d.void == (designation("王芳", role, **more),)
    assert codes(d) == ["A7.designation.void", "A7.accepted"]
    assert "does not hold" in explain(d, "en")


def test_a_designation_of_another_customer_is_not_this_ones() -> None:
    other = Designation("北京远景贸易", "王芳", designation("王芳").approval)
    d = register(form(), [], POLICY, at=FIRST, designations=[other])
    assert d.outcome is RegistrationOutcome.ACCEPTED
    assert d.void == ()


# --------------------------------------------------------------------------- the form and input


def test_the_form_has_the_fields_of_the_registration_form() -> None:
    p = Prospect(
        "陈小明",
        "北京华远科技有限公司",
        FIRST,
        source="展会",
        industry="电子",
        location="北京海淀",
        intent="采购服务器",
        needed_by="2026年第三季度",
        contact="刘经理",
        phone="010-65529988",
        expected_price="80万",
        payment_terms="分三期",
    )
    assert p.expected_price == Decimal(800_000)
    data = to_data(p)
    assert list(data) == [
        "salesperson",
        "customer",
        "first_contact_at",
        "source",
        "industry",
        "location",
        "intent",
        "needed_by",
        "contact",
        "phone",
        "expected_price",
        "payment_terms",
        "developed_at",
    ]
    assert from_data(Prospect, data) == p


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"salesperson": " "}, "salesperson"),
        ({"customer": ""}, "customer"),
        ({"first_contact_at": dt.datetime(2026, 3, 2, 9)}, "first_contact_at"),
        ({"expected_price": 1.5}, "expected_price"),
        ({"expected_price": "-1"}, "expected_price"),
        ({"phone": 13812345678}, "phone"),
    ],
)
def test_a_form_that_cannot_be_right_is_refused_naming_the_field(
    kwargs: dict[str, object], field: str
) -> None:
    given_: dict[str, object] = {
        "salesperson": "陈小明",
        "customer": "华远",
        "first_contact_at": FIRST,
    }
    given_.update(kwargs)
    with pytest.raises(InputError) as caught:
        Prospect(**given_)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_bad_arguments_are_refused_naming_them() -> None:
    with pytest.raises(InputError) as caught:
        register(form(), [], POLICY, at=dt.datetime(2026, 3, 2, 9))
    assert caught.value.field == "at"
    with pytest.raises(InputError) as caught:
        register(form(), [on_record("王芳", "x", FIRST), "x"], POLICY, at=FIRST)  # type: ignore[list-item]
    assert caught.value.field == "registrations[1]"
    with pytest.raises(InputError) as caught:
        register(form(), [], POLICY, at=FIRST, designations=["x"])  # type: ignore[list-item]
    assert caught.value.field == "designations[0]"
    with pytest.raises(InputError) as caught:
        register("x", [], POLICY, at=FIRST)  # type: ignore[arg-type]
    assert caught.value.field == "prospect"
    with pytest.raises(InputError) as caught:
        register(form(), [], object(), at=FIRST)  # type: ignore[arg-type]
    assert caught.value.field == "policy"
    late = AllocationPolicy(effective=dt.date(2027, 1, 1))
    with pytest.raises(InputError) as caught:
        register(form(), [], late, at=FIRST)
    assert caught.value.field == "at"


# --------------------------------------------------------------------------- properties


@given(prospects(), st.lists(registrations(), max_size=6), st.data())
def test_decisions_are_total_deterministic_and_independent_of_the_order(
    prospect: Prospect, existing: list[Registration], data: st.DataObject
) -> None:
    at = prospect.first_contact_at + dt.timedelta(hours=data.draw(st.integers(0, 30)))
    d = register(prospect, existing, POLICY, at=at)
    shuffled = data.draw(st.permutations(existing))
    again = register(prospect, shuffled, POLICY, at=at)
    assert again.outcome is d.outcome
    assert again.duplicate_of == d.duplicate_of
    assert set(again.possible) == set(d.possible)
    # the explanation matches the outcome
    code = {
        RegistrationOutcome.ACCEPTED: {"A7.accepted", "A7.not_started"},
        RegistrationOutcome.POSSIBLE_DUPLICATE: {"A7.accepted", "A7.not_started"},
        RegistrationOutcome.DUPLICATE: {"A7.duplicate", "A7.duplicate.own"},
        RegistrationOutcome.TOO_LATE: {"A7.too_late"},
        RegistrationOutcome.RESERVED: {"A7.reserved"},
    }[d.outcome]
    assert codes(d)[0] in code
    assert all(r.rule == "A7" for r in d.reasons)
    assert d.accepted is (d.registration is not None)
    assert (d.outcome is RegistrationOutcome.POSSIBLE_DUPLICATE) is bool(d.possible)


@given(prospects())
def test_a_prospect_is_always_a_duplicate_of_its_own_registration_by_someone_else(
    prospect: Prospect,
) -> None:
    theirs = Registration(
        Prospect("其他人", prospect.customer, prospect.first_contact_at), prospect.first_contact_at
    )
    d = register(prospect, [theirs], POLICY, at=prospect.first_contact_at)
    assert d.outcome is RegistrationOutcome.DUPLICATE
    assert d.duplicate_of == theirs


@given(prospects(), st.lists(registrations(), max_size=4))
def test_a_decision_round_trips_through_plain_data(
    prospect: Prospect, existing: list[Registration]
) -> None:
    d = register(prospect, existing, POLICY, at=prospect.first_contact_at + dt.timedelta(hours=2))
    assert from_data(RegistrationDecision, to_data(d, lang="en"), policy=POLICY) == d


# --------------------------------------------------------------------------- the reasons, exactly


def facts(decision: RegistrationDecision) -> list[tuple[object, str, dict[str, object]]]:
    return [(r.rule, str(r.code), dict(r.facts)) for r in decision.reasons]


def test_an_accepted_registration_names_who_when_what_and_the_start_of_the_hours() -> None:
    """A7: the accepted reason's facts, and the clock's start (the deadline less the hours)."""
    at = FIRST + dt.timedelta(hours=3)
    d = register(form(), [], POLICY, at=at.astimezone(dt.UTC))
    assert facts(d) == [
        (
            "A7",
            "A7.accepted",
            {
                "salesperson": "陈小明",
                "at": at,
                "customer": "北京华远科技有限公司",
                "start": FIRST,
                "hours": 24,
            },
        )
    ]
    assert d.reasons[0].facts[1][1].tzinfo is SHANGHAI  # type: ignore[union-attr]


def test_a_late_registration_names_the_start_the_hours_the_deadline_and_the_moment() -> None:
    """A7: too late — start, hours, deadline and moment, in Asia/Shanghai."""
    at = FIRST + dt.timedelta(hours=30)
    d = register(form(), [], POLICY, at=at)
    assert facts(d) == [
        (
            "A7",
            "A7.too_late",
            {"start": FIRST, "hours": 24, "deadline": FIRST + dt.timedelta(hours=24), "at": at},
        )
    ]


def test_a_registration_before_the_clock_starts_names_who_when_what_and_the_hours() -> None:
    """A7 (the ``developed`` reading): not started — salesperson, moment, customer, hours."""
    policy = AllocationPolicy(registration={"clock": "developed", "hours": 48})
    at = FIRST + dt.timedelta(days=5)
    d = register(form(), [], policy, at=at)
    assert facts(d) == [
        (
            "A7",
            "A7.not_started",
            {"salesperson": "陈小明", "at": at, "customer": "北京华远科技有限公司", "hours": 48},
        )
    ]


def test_a_possible_duplicate_names_the_registration_on_record_and_the_reviewer() -> None:
    """A7: each possible duplicate — customer, the name on record, whose, since when, reviewer."""
    since = FIRST - dt.timedelta(days=2)
    shanghai = on_record("王芳", "上海华远科技有限公司", since)
    d = register(form(), [shanghai], POLICY, at=FIRST)
    assert facts(d)[1:] == [
        (
            "A7",
            "A7.possible",
            {
                "customer": "北京华远科技有限公司",
                "existing": "上海华远科技有限公司",
                "holder": "王芳",
                "since": since,
                "reviewer": Role.SALES_ADMIN,
            },
        )
    ]


def test_a_reserved_customer_names_the_designated_person_and_the_sign_off() -> None:
    """A7 (公司特别指派): reserved — customer, designated person, who signed, role, when."""
    d = register(form(), [], POLICY, at=FIRST, designations=[designation("王芳")])
    assert facts(d) == [
        (
            "A7",
            "A7.reserved",
            {
                "customer": "北京华远科技有限公司",
                "designated": "王芳",
                "who": "李总监",
                "role": Role.MARKETING_DIRECTOR,
                "signed": DAY - dt.timedelta(days=10),
            },
        )
    ]
    assert d.possible == ()
    assert d.reviewer is None


def test_the_designated_persons_own_registration_names_the_sign_off() -> None:
    """A7 (公司特别指派): the designated person's registration — who, what, the sign-off."""
    d = register(form(), [], POLICY, at=FIRST, designations=[designation("陈小明")])
    assert facts(d) == [
        (
            "A7",
            "A7.designated",
            {
                "salesperson": "陈小明",
                "customer": "北京华远科技有限公司",
                "who": "李总监",
                "role": Role.MARKETING_DIRECTOR,
                "signed": DAY - dt.timedelta(days=10),
            },
        )
    ]
    assert d.possible == ()
    assert d.reviewer is None


@pytest.mark.parametrize(
    ("role", "more", "status"),
    [
        (Role.SALES_MANAGER, {}, "wrong role"),
        (Role.MARKETING_DIRECTOR, {"subject": "另一客户"}, "other subject"),
        (Role.MARKETING_DIRECTOR, {"valid_until": DAY - dt.timedelta(days=1)}, "not in force"),
    ],
)
def test_a_void_designation_names_the_sign_off_and_why_it_does_not_hold(
    role: Role, more: dict[str, object], status: str
) -> None:
    """A7: a designation not used — who signed, role, customer, and the sign-off's status."""
    d = register(form(), [], POLICY, at=FIRST, designations=[designation("王芳", role, **more)])
    assert facts(d)[0] == (
        "A7",
        "A7.designation.void",
        {"who": "李总监", "role": role, "customer": "北京华远科技", "status": status},
    )


# --------------------------------------------------------------------------- designations, exactly


def test_a_designation_giving_only_the_phone_reserves_the_customer_of_that_phone() -> None:
    """A7 (公司特别指派): a designation matches by the phone key too, and a designation of
    another customer listed first does not stop the search."""
    approval = designation("王芳").approval
    by_phone = Designation("HY Tech", "王芳", approval, phone="+86 10 6552 9988")
    other = Designation("北京远景贸易", "赵六", approval)
    d = register(form(phone="010-65529988"), [], POLICY, at=FIRST, designations=[other, by_phone])
    assert d.outcome is RegistrationOutcome.RESERVED
    assert d.designation == by_phone
    policy = AllocationPolicy(registration={"match_phone": False})
    d = register(form(phone="010-65529988"), [], policy, at=FIRST, designations=[by_phone])
    assert d.outcome is RegistrationOutcome.ACCEPTED


def test_void_designations_are_listed_in_a_fixed_order_whatever_the_hosts() -> None:
    """A7: several designations not used are all kept, in the same order either way."""
    a = designation("王芳", Role.SALES_MANAGER)
    b = designation("赵六", Role.SALES_MANAGER)
    one = register(form(), [], POLICY, at=FIRST, designations=[a, b])
    two = register(form(), [], POLICY, at=FIRST, designations=[b, a])
    assert one.void == two.void == tuple(sorted([a, b], key=repr))


def _signed(who: str, on: dt.date, customer: str = "北京华远科技") -> Designation:
    return Designation(customer, who, Approval("李总监", Role.MARKETING_DIRECTOR, DESIGNATE, on))


def test_the_latest_designation_decides_whatever_the_hosts_order() -> None:
    """A7: of several designations that hold, the latest sign-off decides; ties are broken by
    the salesperson, then by the whole record, never by the host's order."""
    older, newer = DAY - dt.timedelta(days=9), DAY - dt.timedelta(days=2)
    # the designated person's own: the latest of theirs
    mine = [_signed("陈小明", older), _signed("陈小明", newer)]
    for given_ in (mine, mine[::-1]):
        d = register(form(), [], POLICY, at=FIRST, designations=given_)
        assert d.designation == mine[1]
    same_day = [_signed("陈小明", older), _signed("陈小明", older, "北京华远科技有限公司")]
    best = max(same_day, key=repr)
    for given_ in (same_day, same_day[::-1]):
        d = register(form(), [], POLICY, at=FIRST, designations=given_)
        assert d.designation == best
    # someone else's: the latest, then the salesperson, then the record
    theirs = [_signed("王芳", older), _signed("赵六", newer)]
    for given_ in (theirs, theirs[::-1]):
        d = register(form(), [], POLICY, at=FIRST, designations=given_)
        assert d.outcome is RegistrationOutcome.RESERVED
        assert d.designation == theirs[1]
    tied = [_signed("王芳", older), _signed("赵六", older)]
    for given_ in (tied, tied[::-1]):
        d = register(form(), [], POLICY, at=FIRST, designations=given_)
        assert d.designation == max(tied, key=lambda x: x.salesperson)
    records = [_signed("王芳", older), _signed("王芳", older, "北京华远科技有限公司")]
    for given_ in (records, records[::-1]):
        d = register(form(), [], POLICY, at=FIRST, designations=given_)
        assert d.designation == max(records, key=repr)


def test_an_accepted_registration_without_a_possible_duplicate_has_no_reviewer() -> None:
    """A7: sales admin checks only a possible duplicate."""
    d = register(form(), [], POLICY, at=FIRST)
    assert d.outcome is RegistrationOutcome.ACCEPTED
    assert d.reviewer is None


# --------------------------------------------------------------------------- refusals, exactly


def test_bad_arguments_are_refused_with_what_was_given_and_what_was_expected() -> None:
    """A7: each refusal names the path, the value given and what was expected."""
    assert problems_of(lambda: register("x", [], POLICY, at=FIRST)) == [  # type: ignore[arg-type]
        ("prospect", "'x'", "a Prospect (the registration form)")
    ]
    assert problems_of(lambda: register(form(), "ab", POLICY, at=FIRST)) == [  # type: ignore[arg-type]
        ("registrations", "'ab'", "a list of Registration")
    ]
    assert problems_of(lambda: register(form(), [], POLICY, at=FIRST, designations=5)) == [  # type: ignore[arg-type]
        ("designations", 5, "a list of Designation")
    ]
    assert problems_of(lambda: register(form(), [1], POLICY, at=FIRST)) == [  # type: ignore[list-item]
        ("registrations[0]", 1, "a Registration")
    ]
    assert problems_of(lambda: Registration("x", FIRST)) == [  # type: ignore[arg-type]
        ("prospect", "'x'", "a Prospect (the registration form)")
    ]
    assert problems_of(lambda: form(developed_at=dt.datetime(2026, 3, 2))) == [
        (
            "developed_at",
            "datetime.datetime(2026, 3, 2, 0, 0)",
            "a timezone-aware datetime, e.g. datetime(..., tzinfo=SHANGHAI)",
        )
    ]


def test_a_registration_of_a_subclass_is_accepted_on_record() -> None:
    """A7: a host's subclass of Registration is a Registration."""

    class Kept(Registration):
        pass

    first = Kept(form("王芳"), FIRST - dt.timedelta(days=1))
    d = register(form(), [first], POLICY, at=FIRST)
    assert d.outcome is RegistrationOutcome.DUPLICATE
    assert d.duplicate_of == first


def test_a_policy_not_yet_in_force_is_refused_naming_the_moment_of_the_registration() -> None:
    """A7 / G6: the refusal names the argument given, ``at``; the day checked is its day in
    Asia/Shanghai, so 2026-12-31 16:00 UTC (2027-01-01 00:00 in Shanghai) is in force."""
    late = AllocationPolicy(effective=dt.date(2027, 1, 1))
    assert problems_of(lambda: register(form(), [], late, at=FIRST)) == [
        (
            "at",
            "datetime.datetime(2026, 3, 2, 9, 0, tzinfo=zoneinfo.ZoneInfo(key='Asia/Shangh...",
            "a moment on or after the policy's effective date 2027-01-01"
            " (version 'seed', Asia/Shanghai)",
        )
    ]
    midnight = dt.datetime(2026, 12, 31, 16, 0, tzinfo=dt.UTC)
    prospect = Prospect("陈小明", "北京华远科技有限公司", midnight, phone="13800138000")
    d = register(prospect, [], late, at=midnight)
    assert (d.outcome, d.policy_effective) == (RegistrationOutcome.ACCEPTED, dt.date(2027, 1, 1))
    assert problems_of(
        lambda: register(prospect, [], late, at=midnight - dt.timedelta(minutes=1))
    ) == [
        (
            "at",
            "datetime.datetime(2026, 12, 31, 15, 59, tzinfo=datetime.timezone.utc)",
            "a moment on or after the policy's effective date 2027-01-01"
            " (version 'seed', Asia/Shanghai)",
        )
    ]


def test_a_duplicate_lists_no_possible_duplicates_and_no_reviewer() -> None:
    """A7: a duplicate is refused outright; nothing is left for sales admin to check."""
    first = on_record("王芳", "北京华远科技有限公司", FIRST - dt.timedelta(days=1))
    shanghai = on_record("赵六", "上海华远科技有限公司", FIRST - dt.timedelta(days=2))
    d = register(form(), [first, shanghai], POLICY, at=FIRST)
    assert d.outcome is RegistrationOutcome.DUPLICATE
    assert d.possible == ()
    assert d.reviewer is None


def test_a_late_registration_lists_no_possible_duplicates_and_no_reviewer() -> None:
    """A7: too late is a refusal; a name differing by a place is not left to check."""
    shanghai = on_record("王芳", "上海华远科技有限公司", FIRST - dt.timedelta(days=2))
    d = register(form(), [shanghai], POLICY, at=FIRST + dt.timedelta(hours=25))
    assert d.outcome is RegistrationOutcome.TOO_LATE
    assert d.possible == ()
    assert d.reviewer is None
