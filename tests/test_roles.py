"""Roles and the Approval record that rules check instead of a boolean."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import Approval, InputError, PolicyError, Role
from customer_rules.grading import EligibilityPolicy, ScorecardPolicy
from customer_rules.roles import ApprovalStatus, approval_status
from customer_rules.testing import approvals, days


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
        ScorecardPolicy(influence_assessors=["vp_in_charge"])  # type: ignore[arg-type]
    with pytest.raises(PolicyError, match="key_customer_designators"):
        EligibilityPolicy(key_customer_designators="office_director")  # type: ignore[arg-type]
    assert ScorecardPolicy(influence_assessors=[Role.CHAIRMAN]).influence_assessors == {  # type: ignore[arg-type]
        Role.CHAIRMAN
    }
