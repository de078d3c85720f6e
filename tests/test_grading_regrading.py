"""G6 — yearly re-grading, the rules review and the big-customer exit: examples and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules._grading.model import CustomerCategory, Grade
from customer_rules._grading.policy import GradingPolicy
from customer_rules._grading.regrading import (
    EXIT,
    REGRADE,
    RULES_REVIEW,
    GradeChange,
    RegradingPolicy,
    exit_big_customer,
    next_regrade_review,
    regrade,
    rules_review_due,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.reasons import explain
from customer_rules.roles import Approval, Role

D = dt.date
SEED = GradingPolicy()
YEAR_END = D(2026, 12, 31)
VP_REGRADE = Approval("李副总", Role.VP_IN_CHARGE, REGRADE, YEAR_END)


def codes(result: object) -> list[str]:
    return [r.code for r in result.reasons]  # type: ignore[attr-defined]


# --- G6 examples: re-grading ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("previous", "current", "change"),
    [
        (Grade.C, Grade.B, GradeChange.UPGRADE),
        (Grade.D, Grade.A, GradeChange.UPGRADE),
        (Grade.A, Grade.B, GradeChange.DOWNGRADE),
        (Grade.B, Grade.D, GradeChange.DOWNGRADE),
        (Grade.B, Grade.B, GradeChange.UNCHANGED),
        (None, Grade.C, GradeChange.NEW),
    ],
)
def test_g6_change_with_vp_approval_is_effective(
    previous: Grade | None, current: Grade, change: GradeChange
) -> None:
    r = regrade(previous, current, SEED, on=YEAR_END, approval=VP_REGRADE)
    assert r.change is change
    assert r.effective
    assert r.in_force is current
    assert codes(r) == ["G6.review", f"G6.{change.value}", "G6.approval.granted"]
    assert r.reasons[1].fact("previous") is previous
    assert r.reasons[1].fact("current") is current
    assert r.policy_version == "seed"


def test_g6_without_approval_the_change_awaits_the_vp() -> None:
    r = regrade(Grade.C, Grade.B, SEED, on=YEAR_END)
    assert r.change is GradeChange.UPGRADE
    assert not r.effective
    assert r.in_force is Grade.C
    assert codes(r)[-1] == "G6.approval.missing"
    assert "待审批" in explain(r, "zh")
    assert "主管副总经理" in explain(r, "zh")
    assert "awaits approval" in explain(r, "en")


@pytest.mark.parametrize(
    ("approval", "code"),
    [
        (Approval("王经理", Role.SALES_MANAGER, REGRADE, YEAR_END), "G6.approval.role"),
        (Approval("李副总", Role.VP_IN_CHARGE, EXIT, YEAR_END), "G6.approval.what"),
        (Approval("李副总", Role.VP_IN_CHARGE, "G6.regrade:C042", YEAR_END), "G6.approval.what"),
        # signed the day after: it does not hold yet on the 31st
        (Approval("李副总", Role.VP_IN_CHARGE, REGRADE, D(2027, 1, 1)), "G6.approval.expired"),
        # expired the day before
        (
            Approval("李副总", Role.VP_IN_CHARGE, REGRADE, D(2026, 12, 1), D(2026, 12, 30)),
            "G6.approval.expired",
        ),
    ],
)
def test_g6_invalid_approvals_are_not_effective(approval: Approval, code: str) -> None:
    r = regrade(Grade.A, Grade.B, SEED, on=YEAR_END, approval=approval)
    assert not r.effective
    assert r.in_force is Grade.A
    assert codes(r)[-1] == code
    assert "{" not in explain(r, "zh") + explain(r, "en")


def test_g6_approval_on_its_last_valid_day() -> None:
    ok = Approval("李副总", Role.VP_IN_CHARGE, REGRADE, D(2026, 12, 1), YEAR_END)
    assert regrade(Grade.A, Grade.B, SEED, on=YEAR_END, approval=ok).effective
    assert not regrade(Grade.A, Grade.B, SEED, on=D(2027, 1, 1), approval=ok).effective


def test_g6_approving_roles_are_a_parameter() -> None:
    gm = GradingPolicy(
        version="gm", regrading=RegradingPolicy(approving_roles=frozenset({Role.GENERAL_MANAGER}))
    )
    assert not regrade(Grade.A, Grade.B, gm, on=YEAR_END, approval=VP_REGRADE).effective
    by_gm = Approval("赵总", Role.GENERAL_MANAGER, REGRADE, YEAR_END)
    r = regrade(Grade.A, Grade.B, gm, on=YEAR_END, approval=by_gm)
    assert r.effective
    assert r.policy_version == "gm"


@pytest.mark.parametrize(
    ("args", "kwargs", "field"),
    [
        (("A", Grade.B), {}, "previous"),
        ((Grade.A, "B"), {}, "current"),
        ((Grade.A, None), {}, "current"),
        ((Grade.A, Grade.B), {"on": dt.datetime(2026, 12, 31, 18, 0)}, "on"),
        ((Grade.A, Grade.B), {"on": "2026-12-31"}, "on"),
        ((Grade.A, Grade.B), {"approval": True}, "approval"),
    ],
)
def test_g6_regrade_bad_input_names_the_field(
    args: tuple[object, object], kwargs: dict[str, object], field: str
) -> None:
    call: dict[str, object] = {"on": YEAR_END, **kwargs}
    with pytest.raises(InputError) as info:
        regrade(args[0], args[1], SEED, **call)  # type: ignore[arg-type]
    assert info.value.field == field


# --- G6 examples: the yearly review date ------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "review"),
    [
        (D(2026, 12, 30), D(2026, 12, 31)),
        (D(2026, 12, 31), D(2026, 12, 31)),
        (D(2027, 1, 1), D(2027, 12, 31)),
        (D(2026, 6, 15), D(2026, 12, 31)),
    ],
)
def test_g6_next_regrade_review_at_year_end(on: dt.date, review: dt.date) -> None:
    assert next_regrade_review(SEED, on=on) == review


def test_g6_review_day_is_a_parameter() -> None:
    mid_year = GradingPolicy(regrading=RegradingPolicy(review_month=6, review_day=30))
    assert next_regrade_review(mid_year, on=D(2026, 6, 30)) == D(2026, 6, 30)
    assert next_regrade_review(mid_year, on=D(2026, 7, 1)) == D(2027, 6, 30)


def test_g6_next_review_bad_on() -> None:
    with pytest.raises(InputError) as info:
        next_regrade_review(SEED, on=dt.datetime(2026, 1, 1, 0, 0))
    assert info.value.field == "on"


# --- G6 examples: the big-customer exit -------------------------------------------------------


def test_g6_big_customer_no_longer_qualifying_exits_after_approval() -> None:
    pending = exit_big_customer(CustomerCategory.BIG, SEED, on=YEAR_END, still_qualifies=False)
    assert pending.exits
    assert not pending.effective
    assert pending.in_force is CustomerCategory.BIG
    assert codes(pending) == ["G6.exit", "G6.approval.missing", "G6.exit.care"]
    assert pending.reasons[0].fact("change") is GradeChange.DOWNGRADE
    assert "妥善处理" in explain(pending, "zh")
    assert "careful handling" in explain(pending, "en")

    ok = Approval("李副总", Role.VP_IN_CHARGE, EXIT, YEAR_END)
    done = exit_big_customer(
        CustomerCategory.BIG, SEED, on=YEAR_END, still_qualifies=False, approval=ok
    )
    assert done.exits
    assert done.effective
    assert done.in_force is CustomerCategory.ORDINARY
    assert codes(done)[1] == "G6.approval.granted"


def test_g6_exit_needs_an_exit_approval_not_a_regrade_one() -> None:
    r = exit_big_customer(
        CustomerCategory.BIG, SEED, on=YEAR_END, still_qualifies=False, approval=VP_REGRADE
    )
    assert not r.effective
    assert codes(r)[1] == "G6.approval.what"


@pytest.mark.parametrize(
    ("category", "qualifies", "code"),
    [
        (CustomerCategory.ORDINARY, False, "G6.exit.not_big"),
        (CustomerCategory.ORDINARY, True, "G6.exit.not_big"),
        (CustomerCategory.BIG, True, "G6.exit.qualifies"),
    ],
)
def test_g6_no_exit(category: CustomerCategory, qualifies: bool, code: str) -> None:
    ok = Approval("李副总", Role.VP_IN_CHARGE, EXIT, YEAR_END)
    r = exit_big_customer(category, SEED, on=YEAR_END, still_qualifies=qualifies, approval=ok)
    assert not r.exits
    assert not r.effective
    assert r.in_force is category
    assert codes(r) == [code]


@pytest.mark.parametrize(
    ("category", "kwargs", "field"),
    [
        ("big", {}, "category"),
        (Grade.A, {}, "category"),
        (CustomerCategory.BIG, {"still_qualifies": 0}, "still_qualifies"),
        (CustomerCategory.BIG, {"still_qualifies": None}, "still_qualifies"),
        (CustomerCategory.BIG, {"on": D(9999, 12, 31)}, "on"),
        (CustomerCategory.BIG, {"approval": "VP said yes"}, "approval"),
    ],
)
def test_g6_exit_bad_input_names_the_field(
    category: object, kwargs: dict[str, object], field: str
) -> None:
    call: dict[str, object] = {"on": YEAR_END, "still_qualifies": False, **kwargs}
    with pytest.raises(InputError) as info:
        exit_big_customer(category, SEED, **call)  # type: ignore[arg-type]
    assert info.value.field == field


# --- G6 examples: the yearly review of the grading rules --------------------------------------


def test_g6_rules_review_due_and_overdue() -> None:
    effective = D(2026, 1, 1)
    assert not rules_review_due(effective, SEED, on=D(2026, 12, 31)).overdue
    late = rules_review_due(effective, SEED, on=D(2027, 1, 1))
    assert late.due == D(2026, 12, 31)
    assert late.overdue
    assert not late.approved
    assert codes(late) == ["G6.rules.due", "G6.rules.overdue", "G6.approval.missing"]
    assert "逾期" in explain(late, "zh")
    assert "overdue" in explain(late, "en")


def test_g6_rules_review_approved_by_the_vp() -> None:
    ok = Approval("李副总", Role.VP_IN_CHARGE, RULES_REVIEW, D(2026, 12, 28))
    r = rules_review_due(D(2026, 1, 1), SEED, on=D(2027, 3, 1), approval=ok)
    assert r.approved
    assert not r.overdue
    assert codes(r) == ["G6.rules.due", "G6.approval.granted"]


def test_g6_rules_review_due_strictly_after_effective() -> None:
    assert rules_review_due(D(2026, 12, 31), SEED, on=D(2026, 12, 31)).due == D(2027, 12, 31)
    assert rules_review_due(D(2026, 12, 30), SEED, on=D(2026, 12, 30)).due == D(2026, 12, 31)


@pytest.mark.parametrize(
    ("approval", "code"),
    [
        # signed the day the rules took effect: that is their adoption, not the yearly review
        (Approval("李副总", Role.VP_IN_CHARGE, RULES_REVIEW, D(2026, 1, 1)), "G6.approval.stale"),
        (Approval("王经理", Role.SALES_MANAGER, RULES_REVIEW, D(2026, 12, 28)), "G6.approval.role"),
        (Approval("李副总", Role.VP_IN_CHARGE, REGRADE, D(2026, 12, 28)), "G6.approval.what"),
    ],
)
def test_g6_rules_review_invalid_approval_stays_overdue(approval: Approval, code: str) -> None:
    r = rules_review_due(D(2026, 1, 1), SEED, on=D(2027, 1, 1), approval=approval)
    assert r.overdue
    assert not r.approved
    assert codes(r)[-1] == code


def test_g6_rules_review_pending() -> None:
    r = rules_review_due(D(2026, 1, 1), SEED, on=D(2026, 6, 1))
    assert not r.overdue
    assert codes(r)[:2] == ["G6.rules.due", "G6.rules.pending"]


@pytest.mark.parametrize(
    ("effective", "kwargs", "field"),
    [
        ("2026-01-01", {}, "effective"),
        (D(2026, 1, 1), {"on": None}, "on"),
        (D(2026, 1, 1), {"approval": object()}, "approval"),
    ],
)
def test_g6_rules_review_bad_input(
    effective: object, kwargs: dict[str, object], field: str
) -> None:
    call: dict[str, object] = {"on": D(2027, 1, 1), **kwargs}
    with pytest.raises(InputError) as info:
        rules_review_due(effective, SEED, **call)  # type: ignore[arg-type]
    assert info.value.field == field


# --- G6: the policy ---------------------------------------------------------------------------


def test_g6_seed_policy() -> None:
    p = RegradingPolicy()
    assert (p.review_month, p.review_day) == (12, 31)
    assert p.approving_roles == frozenset({Role.VP_IN_CHARGE})
    assert p.preparing_role is Role.SALES_MANAGER
    assert p.assisting_roles == frozenset({Role.SALESPERSON})
    assert p.exit_approving_roles == frozenset({Role.VP_IN_CHARGE})
    assert p.rules_preparing_role is Role.SALES_MANAGER
    assert p.rules_approving_roles == frozenset({Role.VP_IN_CHARGE})
    assert RegradingPolicy(approving_roles=[Role.VP_IN_CHARGE]) == p  # type: ignore[arg-type]


def test_g6_policy_collects_every_problem() -> None:
    with pytest.raises(PolicyError) as info:
        RegradingPolicy(
            review_month=13,
            review_day=0,
            approving_roles=frozenset(),
            exit_approving_roles=["vp_in_charge"],  # type: ignore[arg-type]
            preparing_role="sales_manager",  # type: ignore[arg-type]
        )
    assert [p.path for p in info.value.problems] == [
        "review_month",
        "review_day",
        "approving_roles",
        "exit_approving_roles",
        "preparing_role",
    ]


@pytest.mark.parametrize(("month", "day"), [(2, 29), (4, 31), (2, 30)])
def test_g6_review_day_must_exist_every_year(month: int, day: int) -> None:
    with pytest.raises(PolicyError) as info:
        RegradingPolicy(review_month=month, review_day=day)
    assert info.value.problems[0].path == "review_day"


def test_g6_roles_must_be_a_collection() -> None:
    with pytest.raises(PolicyError) as info:
        RegradingPolicy(approving_roles=Role.VP_IN_CHARGE)  # type: ignore[arg-type]
    assert info.value.problems[0].path == "approving_roles"


# --- G6 properties ----------------------------------------------------------------------------

grades = st.sampled_from(Grade)
maybe_grades = st.none() | grades
days = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31))
whats = st.sampled_from([REGRADE, EXIT, RULES_REVIEW, "G2.strategic_influence"])


@st.composite
def approvals(draw: st.DrawFn) -> Approval:
    signed = draw(days)
    until = draw(st.none() | st.integers(0, 800).map(lambda n: signed + dt.timedelta(days=n)))
    return Approval("张三", draw(st.sampled_from(Role)), draw(whats), signed, until)


maybe_approvals = st.none() | approvals()
role_sets = st.sets(st.sampled_from(Role), min_size=1)
policies = st.builds(
    RegradingPolicy,
    review_month=st.integers(1, 12),
    review_day=st.integers(1, 28),
    approving_roles=role_sets,
    exit_approving_roles=role_sets,
    rules_approving_roles=role_sets,
).map(lambda p: GradingPolicy(version="prop", regrading=p))


def valid(approval: Approval | None, roles: frozenset[Role], what: str, on: dt.date) -> bool:
    return approval is not None and approval.grants(roles, what, on)


def renders(result: object) -> None:
    for lang in ("zh", "en"):
        text = explain(result, lang)  # type: ignore[arg-type]
        assert "{" not in text
        assert "}" not in text


@given(maybe_grades, grades, days, maybe_approvals, policies)
def test_g6_regrade_change_agrees_with_ranks(
    previous: Grade | None,
    current: Grade,
    on: dt.date,
    approval: Approval | None,
    policy: GradingPolicy,
) -> None:
    r = regrade(previous, current, policy, on=on, approval=approval)
    if previous is None:
        assert r.change is GradeChange.NEW
    elif current.rank > previous.rank:
        assert r.change is GradeChange.UPGRADE
    elif current.rank < previous.rank:
        assert r.change is GradeChange.DOWNGRADE
    else:
        assert r.change is GradeChange.UNCHANGED
    assert r == regrade(previous, current, policy, on=on, approval=approval)


@given(grades, grades, days)
def test_g6_upgrade_iff_reverse_downgrade(a: Grade, b: Grade, on: dt.date) -> None:
    forward = regrade(a, b, SEED, on=on).change
    backward = regrade(b, a, SEED, on=on).change
    assert (forward is GradeChange.UPGRADE) == (backward is GradeChange.DOWNGRADE)
    assert (forward is GradeChange.UNCHANGED) == (backward is GradeChange.UNCHANGED) == (a is b)


@given(maybe_grades, grades, days, maybe_approvals, policies)
def test_g6_unapproved_change_never_effective(
    previous: Grade | None,
    current: Grade,
    on: dt.date,
    approval: Approval | None,
    policy: GradingPolicy,
) -> None:
    r = regrade(previous, current, policy, on=on, approval=approval)
    assert r.effective == valid(approval, policy.regrading.approving_roles, REGRADE, on)
    assert r.in_force is (current if r.effective else previous)
    # reasons cite G6 and match the outcome
    assert {x.rule for x in r.reasons} == {"G6"}
    assert r.reasons[1].code == f"G6.{r.change.value}"
    assert r.reasons[1].fact("previous") is previous
    assert r.reasons[1].fact("current") is current
    assert (r.reasons[-1].code == "G6.approval.granted") == r.effective
    assert r.policy_version == "prop"
    renders(r)


@given(days, policies)
def test_g6_next_review_is_the_first_review_day(on: dt.date, policy: GradingPolicy) -> None:
    review = next_regrade_review(policy, on=on)
    p = policy.regrading
    assert (review.month, review.day) == (p.review_month, p.review_day)
    assert on <= review <= on + dt.timedelta(days=365)
    assert D(review.year - 1, p.review_month, p.review_day) < on  # no earlier review day
    assert review == next_regrade_review(policy, on=on)


@given(st.sampled_from(CustomerCategory), st.booleans(), days, maybe_approvals, policies)
def test_g6_exit_only_for_big_customers_that_no_longer_qualify(
    category: CustomerCategory,
    qualifies: bool,
    on: dt.date,
    approval: Approval | None,
    policy: GradingPolicy,
) -> None:
    r = exit_big_customer(category, policy, on=on, still_qualifies=qualifies, approval=approval)
    assert r.exits == (category is CustomerCategory.BIG and not qualifies)
    assert r.effective == (
        r.exits and valid(approval, policy.regrading.exit_approving_roles, EXIT, on)
    )
    assert r.in_force is (CustomerCategory.ORDINARY if r.effective else category)
    assert {x.rule for x in r.reasons} == {"G6"}
    assert (r.reasons[0].code == "G6.exit") == r.exits
    assert ("G6.approval.granted" in codes(r)) == r.effective
    renders(r)


@given(days, st.integers(0, 800), maybe_approvals, policies)
def test_g6_rules_review_consistent(
    effective: dt.date, later: int, approval: Approval | None, policy: GradingPolicy
) -> None:
    on = effective + dt.timedelta(days=later)
    r = rules_review_due(effective, policy, on=on, approval=approval)
    p = policy.regrading
    assert effective < r.due <= effective + dt.timedelta(days=366)
    assert (r.due.month, r.due.day) == (p.review_month, p.review_day)
    assert r.approved == (
        valid(approval, p.rules_approving_roles, RULES_REVIEW, on)
        and approval is not None
        and approval.on > effective
    )
    assert r.overdue == (not r.approved and on > r.due)
    assert {x.rule for x in r.reasons} == {"G6"}
    assert ("G6.rules.overdue" in codes(r)) == r.overdue
    assert ("G6.approval.granted" in codes(r)) == r.approved
    renders(r)
