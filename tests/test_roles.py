"""Roles and the Approval record that rules check instead of a boolean."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import Approval, InputError, PolicyError, Role
from customer_rules.grading import EligibilityPolicy, ScorecardPolicy
from customer_rules.roles import ApprovalStatus, approval_status, in_rank_order
from customer_rules.testing import amounts, approvals, days

T = TypeVar("T")


def test_every_role_has_chinese_and_english_labels() -> None:
    assert Role.SALES_MANAGER.zh == "业务部经理"
    assert Role.CALL_CENTRE_AGENT.zh == "接听客服"
    assert Role.ARCHIVE_DEPARTMENT.zh == "内勤部"
    for role in Role:
        assert role.zh
        assert role.en


def test_validity_window() -> None:
    a = Approval(
        "王经理", Role.VP_IN_CHARGE, "G6.regrade", dt.date(2026, 12, 1), dt.date(2026, 12, 31)
    )
    assert not a.holds_on(dt.date(2026, 11, 30))
    assert a.holds_on(dt.date(2026, 12, 1))
    assert a.holds_on(dt.date(2026, 12, 31))
    assert not a.holds_on(dt.date(2027, 1, 1))
    assert a.grants(frozenset({Role.VP_IN_CHARGE}), "G6.regrade", dt.date(2026, 12, 15))
    assert not a.grants(frozenset({Role.GENERAL_MANAGER}), "G6.regrade", dt.date(2026, 12, 15))
    assert not a.grants(frozenset({Role.VP_IN_CHARGE}), "G2.other", dt.date(2026, 12, 15))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"who": ""}, "who"),
        ({"role": "vp"}, "role"),
        ({"what": " "}, "what"),
        ({"on": "2026-01-01"}, "on"),
        ({"valid_until": dt.date(2025, 1, 1)}, "valid_until"),
    ],
)
def test_bad_approvals_name_the_field(kwargs: dict[str, object], field: str) -> None:
    base: dict[str, object] = {
        "who": "王",
        "role": Role.SALES_MANAGER,
        "what": "x",
        "on": dt.date(2026, 1, 1),
    }
    with pytest.raises(InputError) as info:
        Approval(**{**base, **kwargs})  # type: ignore[arg-type]
    assert info.value.field == field


@given(approvals(), days())
def test_holds_on_agrees_with_its_dates(approval: Approval, day: dt.date) -> None:
    inside = approval.on <= day and (approval.valid_until is None or day <= approval.valid_until)
    assert approval.holds_on(day) is inside


@given(
    st.none() | approvals(),
    st.frozensets(st.sampled_from(list(Role)), min_size=1),
    st.sampled_from(["G2.strategic_influence", "G6.regrade"]),
    days(),
)
def test_status_is_granted_exactly_when_the_approval_grants(
    approval: Approval | None, roles: frozenset[Role], what: str, day: dt.date
) -> None:
    status = approval_status(approval, roles, what, day)
    grants = approval is not None and approval.grants(roles, what, day)
    assert (status is ApprovalStatus.GRANTED) == grants
    assert (status is ApprovalStatus.MISSING) == (approval is None)


def test_role_sets_in_policies_refuse_anything_but_roles() -> None:
    with pytest.raises(PolicyError, match="influence_assessors"):
        ScorecardPolicy(influence_assessors=["nobody"])  # type: ignore[arg-type]
    with pytest.raises(PolicyError, match="key_customer_designators"):
        EligibilityPolicy(key_customer_designators="office_director")  # type: ignore[arg-type]
    assert ScorecardPolicy(influence_assessors=[Role.CHAIRMAN]).influence_assessors == {  # type: ignore[arg-type]
        Role.CHAIRMAN
    }


# --- wrong types are InputErrors -------------------------------------------------------------

DAY = dt.date(2026, 6, 1)
VP = frozenset({Role.VP_IN_CHARGE})
REGRADE = "G6.regrade"
A_VP = Approval("李副总", Role.VP_IN_CHARGE, REGRADE, dt.date(2026, 1, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (None, "a datetime.date"),
        ("2026-01-01", "a datetime.date"),
        (dt.datetime(2026, 1, 1), "a date; call .date() on the datetime in the right zone"),
    ],
)
def test_holds_on_refuses_anything_but_a_date(day: object, expected: str) -> None:
    with pytest.raises(InputError) as info:
        A_VP.holds_on(day)  # type: ignore[arg-type]
    assert (info.value.field, info.value.expected) == ("day", expected)


@pytest.mark.parametrize(
    "roles",
    [["sales_manager"], None, "sales_manager", [Role.CHAIRMAN, 1], frozenset({Role.CHAIRMAN, 1})],
)
def test_in_rank_order_refuses_anything_but_roles(roles: object) -> None:
    with pytest.raises(InputError) as info:
        in_rank_order(roles)  # type: ignore[arg-type]
    assert (info.value.field, info.value.expected) == ("roles", "Role values")
    assert info.value.given is roles


def test_in_rank_order_takes_any_iterable_of_roles() -> None:
    assert in_rank_order(r for r in (Role.CHAIRMAN, Role.SALESPERSON)) == (
        Role.SALESPERSON,
        Role.CHAIRMAN,
    )
    assert in_rank_order(frozenset()) == ()


@given(st.frozensets(st.sampled_from(Role)))
def test_a_set_of_roles_is_ordered_once_and_the_same_as_any_iterable_of_them(
    roles: frozenset[Role],
) -> None:
    first = in_rank_order(roles)
    assert first == in_rank_order(list(roles)) == in_rank_order(iter(sorted(roles, key=str)))
    assert in_rank_order(roles) is first
    assert [r for r in Role if r in roles] == list(first)


BAD_QUESTIONS: list[tuple[dict[str, object], str, str]] = [
    ({"roles": None}, "roles", "a frozenset of Role values"),
    ({"roles": "vp_in_charge"}, "roles", "a frozenset of Role values"),
    ({"roles": ["vp_in_charge"]}, "roles", "a frozenset of Role values"),
    ({"roles": 3}, "roles", "a frozenset of Role values"),
    ({"what": None}, "what", "a string naming the matter, e.g. 'G6.regrade'"),
    ({"what": 6}, "what", "a string naming the matter, e.g. 'G6.regrade'"),
    ({"day": None}, "day", "a datetime.date"),
    ({"day": "2026-06-01"}, "day", "a datetime.date"),
    ({"day": dt.datetime(2026, 6, 1)}, "day", "a date; call .date() on the datetime"),
    ({"subject": ""}, "subject", "a non-empty string or None"),
    ({"subject": 42}, "subject", "a non-empty string or None"),
    ({"purpose": " "}, "purpose", "a non-empty string or None"),
    ({"amount": 1.5}, "amount", ""),
    ({"amount": "-1"}, "amount", "a non-negative amount"),
    ({"amount": "2E+16"}, "amount", ""),
    ({"amount": 10**16}, "amount", "an amount of at most 10^15 yuan"),
]


@pytest.mark.parametrize(("change", "field", "expected"), BAD_QUESTIONS)
@pytest.mark.parametrize("approval", [A_VP, None])
def test_a_bad_question_is_an_input_error_naming_the_argument(
    approval: Approval | None, change: dict[str, object], field: str, expected: str
) -> None:
    question: dict[str, object] = {"roles": VP, "what": REGRADE, "day": DAY, **change}
    with pytest.raises(InputError) as info:
        approval_status(approval, **question)  # type: ignore[arg-type]
    assert info.value.field == field
    assert info.value.expected.startswith(expected)
    if approval is not None:
        with pytest.raises(InputError) as info:
            approval.grants(**question)  # type: ignore[arg-type]
        assert info.value.field == field
        assert info.value.expected.startswith(expected)


@pytest.mark.parametrize("approval", [{"role": "vp_in_charge"}, "李副总", 1])
def test_approval_status_refuses_what_is_not_an_approval(approval: object) -> None:
    with pytest.raises(InputError) as info:
        approval_status(approval, VP, REGRADE, DAY)  # type: ignore[arg-type]
    assert (info.value.field, info.value.expected) == ("approval", "an Approval or None")


def test_role_collections_other_than_frozensets_still_work() -> None:
    for roles in ({Role.VP_IN_CHARGE}, [Role.VP_IN_CHARGE], (Role.VP_IN_CHARGE, Role.CHAIRMAN)):
        assert A_VP.grants(roles, REGRADE, DAY)  # type: ignore[arg-type]
        assert approval_status(A_VP, roles, REGRADE, DAY) is ApprovalStatus.GRANTED  # type: ignore[arg-type]


# --- the supported date range on approvals ---------------------------------------------------


@pytest.mark.parametrize(
    ("on", "until", "field"),
    [
        (dt.date(1899, 12, 31), None, "on"),
        (dt.date(3000, 1, 1), None, "on"),
        (dt.date(2026, 1, 1), dt.date(3000, 1, 1), "valid_until"),
    ],
)
def test_approval_dates_stay_in_the_supported_range(
    on: dt.date, until: dt.date | None, field: str
) -> None:
    with pytest.raises(InputError) as info:
        Approval("王", Role.SALES_MANAGER, "x", on, until)
    assert (info.value.field, info.value.expected) == (
        field,
        "a date from 1900-01-01 to 2999-12-31",
    )
    assert Approval("王", Role.SALES_MANAGER, "x", dt.date(1900, 1, 1), dt.date(2999, 12, 31))


# --- what a sign-off covers: subject, amount, purpose ----------------------------------------

CREDIT = "C5.credit_exception"
GM = frozenset({Role.GENERAL_MANAGER})
EXCEPTION = Approval(
    "李总",
    Role.GENERAL_MANAGER,
    CREDIT,
    dt.date(2026, 1, 5),
    dt.date(2026, 3, 31),
    subject="C042",
    max_amount="80万",
    purpose="credit review",
)


def test_new_members_have_stable_values_in_check_order() -> None:
    assert [(s.name, s.value) for s in ApprovalStatus] == [
        ("MISSING", "missing"),
        ("WRONG_ROLE", "wrong_role"),
        ("WRONG_SUBJECT", "wrong_subject"),
        ("OTHER_SUBJECT", "other_subject"),
        ("OVER_AMOUNT", "over_amount"),
        ("OTHER_PURPOSE", "other_purpose"),
        ("NOT_IN_FORCE", "not_in_force"),
        ("GRANTED", "granted"),
    ]


def test_positional_construction_still_works_and_the_new_attributes_default_to_none() -> None:
    a = Approval("王", Role.SALES_MANAGER, "x", dt.date(2026, 1, 1), dt.date(2026, 2, 1))
    assert (a.subject, a.max_amount, a.purpose) == (None, None, None)
    assert EXCEPTION.max_amount == Decimal(800_000)
    assert type(EXCEPTION.max_amount) is Decimal
    assert (EXCEPTION.subject, EXCEPTION.purpose) == ("C042", "credit review")


@pytest.mark.parametrize(
    ("kwargs", "field", "expected"),
    [
        ({"subject": ""}, "subject", "a non-empty string or None"),
        ({"subject": "  "}, "subject", "a non-empty string or None"),
        ({"subject": 42}, "subject", "a non-empty string or None"),
        ({"purpose": ""}, "purpose", "a non-empty string or None"),
        ({"purpose": ["marketing"]}, "purpose", "a non-empty string or None"),
        ({"max_amount": "-1"}, "max_amount", "a non-negative amount"),
        ({"max_amount": "abc"}, "max_amount", "a Decimal, an int or a string"),
        ({"max_amount": 0.5}, "max_amount", "a Decimal, an int or a string"),
        ({"max_amount": Decimal("NaN")}, "max_amount", "a finite number"),
        ({"max_amount": 10**16}, "max_amount", "an amount of at most 10^15 yuan"),
    ],
)
def test_new_attributes_are_validated(kwargs: dict[str, object], field: str, expected: str) -> None:
    with pytest.raises(InputError) as info:
        Approval("王", Role.SALES_MANAGER, "x", dt.date(2026, 1, 1), **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
    assert info.value.expected.startswith(expected)


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ({}, ApprovalStatus.GRANTED),
        ({"subject": "C042"}, ApprovalStatus.GRANTED),
        ({"subject": "C007"}, ApprovalStatus.OTHER_SUBJECT),
        ({"amount": "80万"}, ApprovalStatus.GRANTED),
        ({"amount": Decimal("800000.00")}, ApprovalStatus.GRANTED),
        ({"amount": 0}, ApprovalStatus.GRANTED),
        ({"amount": Decimal("800000.01")}, ApprovalStatus.OVER_AMOUNT),
        ({"amount": "1亿"}, ApprovalStatus.OVER_AMOUNT),
        ({"purpose": "credit review"}, ApprovalStatus.GRANTED),
        ({"purpose": "marketing"}, ApprovalStatus.OTHER_PURPOSE),
        ({"purpose": "Credit review"}, ApprovalStatus.OTHER_PURPOSE),  # compared exactly
        ({"subject": "C042", "amount": "80万", "purpose": "credit review"}, ApprovalStatus.GRANTED),
        # the first failing check decides
        ({"subject": "C007", "amount": "1亿", "purpose": "x"}, ApprovalStatus.OTHER_SUBJECT),
        ({"amount": "1亿", "purpose": "x"}, ApprovalStatus.OVER_AMOUNT),
        ({"day": dt.date(2026, 4, 1), "purpose": "x"}, ApprovalStatus.OTHER_PURPOSE),
        ({"day": dt.date(2026, 4, 1), "subject": "C042"}, ApprovalStatus.NOT_IN_FORCE),
        ({"what": "other", "subject": "C007"}, ApprovalStatus.WRONG_SUBJECT),
        ({"roles": VP, "subject": "C007"}, ApprovalStatus.WRONG_ROLE),
    ],
)
def test_status_checks_what_the_rule_asks(
    question: dict[str, object], status: ApprovalStatus
) -> None:
    asked: dict[str, object] = {"roles": GM, "what": CREDIT, "day": dt.date(2026, 2, 1), **question}
    assert approval_status(EXCEPTION, **asked) is status  # type: ignore[arg-type]
    assert EXCEPTION.grants(**asked) is (status is ApprovalStatus.GRANTED)  # type: ignore[arg-type]


def test_an_unbound_approval_covers_any_subject_and_amount_but_no_purpose() -> None:
    plain = Approval("李总", Role.GENERAL_MANAGER, CREDIT, dt.date(2026, 1, 5))
    day = dt.date(2026, 2, 1)
    assert approval_status(plain, GM, CREDIT, day, subject="C007") is ApprovalStatus.GRANTED
    assert approval_status(plain, GM, CREDIT, day, amount="1000000000000000") is (
        ApprovalStatus.GRANTED
    )
    assert approval_status(plain, GM, CREDIT, day, purpose="credit review") is (
        ApprovalStatus.OTHER_PURPOSE
    )
    assert not plain.grants(GM, CREDIT, day, purpose="credit review")


def test_callers_that_ask_nothing_more_see_no_change() -> None:
    # a bound, limited approval for a purpose still answers the old three-argument question
    day = dt.date(2026, 2, 1)
    assert EXCEPTION.grants(GM, CREDIT, day)
    assert approval_status(EXCEPTION, GM, CREDIT, day) is ApprovalStatus.GRANTED
    assert approval_status(EXCEPTION, GM, CREDIT, dt.date(2026, 4, 1)) is (
        ApprovalStatus.NOT_IN_FORCE
    )
    assert approval_status(None, GM, CREDIT, day, subject="C042") is ApprovalStatus.MISSING


SUBJECTS = st.sampled_from(["C042", "C007", "O-2026-001"])
PURPOSES = st.sampled_from(["credit review", "marketing"])
CAPS = st.sampled_from([Decimal(0), Decimal("800000"), Decimal("800000.01"), Decimal(10) ** 15])


def _bound(a: Approval, subject: str | None, cap: Decimal | None, purpose: str | None) -> Approval:
    return attrs.evolve(a, subject=subject, max_amount=cap, purpose=purpose)


bound_approvals = st.builds(
    _bound, approvals(), st.none() | SUBJECTS, st.none() | CAPS, st.none() | PURPOSES
)


def _reference_status(
    a: Approval | None,
    roles: frozenset[Role],
    what: str,
    day: dt.date,
    subject: str | None,
    amount: Decimal | None,
    purpose: str | None,
) -> ApprovalStatus:
    """The documented checks, written out plainly."""
    if a is None:
        return ApprovalStatus.MISSING
    if a.role not in roles:
        return ApprovalStatus.WRONG_ROLE
    if a.what != what:
        return ApprovalStatus.WRONG_SUBJECT
    if subject is not None and a.subject not in (None, subject):
        return ApprovalStatus.OTHER_SUBJECT
    if amount is not None and a.max_amount is not None and amount > a.max_amount:
        return ApprovalStatus.OVER_AMOUNT
    if purpose is not None and a.purpose != purpose:
        return ApprovalStatus.OTHER_PURPOSE
    if not (a.on <= day and (a.valid_until is None or day <= a.valid_until)):
        return ApprovalStatus.NOT_IN_FORCE
    return ApprovalStatus.GRANTED


@given(
    st.none() | bound_approvals,
    st.frozensets(st.sampled_from(list(Role)), min_size=1),
    st.sampled_from(["G2.strategic_influence", "G6.regrade"]),
    days(),
    st.none() | SUBJECTS,
    st.none() | CAPS | amounts(max_value=2_000_000),
    st.none() | PURPOSES,
)
def test_status_and_grants_agree_over_subjects_amounts_and_purposes(
    approval: Approval | None,
    roles: frozenset[Role],
    what: str,
    day: dt.date,
    subject: str | None,
    amount: Decimal | None,
    purpose: str | None,
) -> None:
    asked = {"subject": subject, "amount": amount, "purpose": purpose}
    status = approval_status(approval, roles, what, day, **asked)  # type: ignore[arg-type]
    assert status is _reference_status(approval, roles, what, day, subject, amount, purpose)
    if approval is not None:
        assert approval.grants(roles, what, day, **asked) is (status is ApprovalStatus.GRANTED)  # type: ignore[arg-type]
        # asking nothing more is the old question: extras only ever refuse more
        old = approval_status(approval, roles, what, day)
        assert old is _reference_status(approval, roles, what, day, None, None, None)
        if status is ApprovalStatus.GRANTED:
            assert old is ApprovalStatus.GRANTED


QUESTION_PARTS = st.one_of(
    st.none(), st.integers(), st.floats(), st.text(max_size=5), st.booleans(), st.decimals()
)


@given(st.none() | bound_approvals, QUESTION_PARTS, QUESTION_PARTS, QUESTION_PARTS)
def test_any_asked_value_gives_a_status_or_an_input_error_in_both(
    approval: Approval | None, subject: object, amount: object, purpose: object
) -> None:
    asked = {"subject": subject, "amount": amount, "purpose": purpose}
    status = _attempt(lambda: approval_status(approval, VP, REGRADE, DAY, **asked))  # type: ignore[arg-type]
    if approval is None:
        return
    granted = _attempt(lambda: approval.grants(VP, REGRADE, DAY, **asked))  # type: ignore[arg-type]
    if isinstance(status, InputError):
        assert isinstance(granted, InputError)
        assert (granted.field, granted.expected) == (status.field, status.expected)
    else:
        assert granted is (status is ApprovalStatus.GRANTED)


def _attempt(question: Callable[[], T]) -> T | InputError:
    try:
        return question()
    except InputError as error:
        return error


class _Day(dt.date):
    """A date subclass, as some libraries hand out."""


def test_a_frozenset_is_taken_as_it_is_on_every_path() -> None:
    # a stray item in a frozenset never matches, whatever path the question takes
    roles = frozenset({Role.VP_IN_CHARGE, "chairman"})
    for day in (DAY, _Day(2026, 6, 1)):
        assert A_VP.grants(roles, REGRADE, day)  # type: ignore[arg-type]
        assert approval_status(A_VP, roles, REGRADE, day) is ApprovalStatus.GRANTED  # type: ignore[arg-type]
    # any other collection is checked item by item
    with pytest.raises(InputError) as info:
        A_VP.grants({Role.VP_IN_CHARGE, "chairman"}, REGRADE, DAY)  # type: ignore[arg-type]
    assert (info.value.field, info.value.expected) == ("roles", "a frozenset of Role values")


@pytest.mark.parametrize(
    "stored",
    ["granted ", "GRANTED", None, 1, [], 10**5000],
    ids=["space", "name", "none", "int", "list", "huge-int"],
)
def test_a_stored_status_that_is_no_status_is_an_input_error(stored: object) -> None:
    assert ApprovalStatus("over_amount") is ApprovalStatus.OVER_AMOUNT
    with pytest.raises(InputError) as info:
        ApprovalStatus(stored)
    assert info.value.field == "ApprovalStatus"
    assert info.value.expected == (
        "one of 'missing', 'wrong_role', 'wrong_subject', 'other_subject', 'over_amount', "
        "'other_purpose', 'not_in_force', 'granted'"
    )
