"""The grading job: one customer through G3 → G2 → G3 new-customer rule → G4 → G5 → G6."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import (
    Approval,
    Customer,
    CustomerCategory,
    CustomerRulesError,
    Grade,
    GradingPolicy,
    InputError,
    PolicyBook,
    Role,
    explain,
    grade_customer,
)
from customer_rules._grading.codes import GradingReason
from customer_rules._grading.customer import GradeWhatIf, WhatIfCase
from customer_rules.cn_calendar import china_working_days
from customer_rules.errors import Problem
from customer_rules.grading import (
    INFLUENCE_ASSESSMENT,
    REGRADE,
    BigCustomerFacts,
    CustomerGrade,
    GradeChange,
    ScorecardFacts,
    StrategicInfluence,
)
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import Reason, find_reason, render_reason
from customer_rules.testing import customers, days, grading_policies, malformed_values

SEED = GradingPolicy()
ON = dt.date(2026, 11, 30)
OK = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, dt.date(2026, 11, 1))
STRONG = ScorecardFacts("1200万", True, "30万", "16", StrategicInfluence.LEADER, OK)
WEAK = ScorecardFacts("1200万", False, "30万", "16", StrategicInfluence.LEADER, None)


def test_established_big_customer_graded_by_score() -> None:
    c = Customer(
        "C001",
        "华东机电",
        CustomerCategory.BIG,
        dt.date(2018, 3, 1),
        None,
        STRONG,
        dt.date(2026, 10, 1),
    )
    r = grade_customer(c, SEED, on=ON)
    assert r.grade is Grade.A
    assert r.tier is not None
    assert r.tier.tier is not None
    assert r.tier.tier.priority == 1
    assert r.tier.next_revisit == dt.date(2027, 1, 1)
    assert r.report is not None
    assert r.report.next_due >= ON
    assert r.scorecard is not None
    assert r.deciding == (find_reason(r.scorecard, GradingReason.G2_TOTAL),)
    assert r.notes == ()  # paid on time, assessed, visited in time, no previous grade
    rules = {reason.rule for reason in r.reasons}
    assert {"G2", "G3", "G4", "G5"} <= rules


def test_a_host_subclass_of_customer_is_graded_as_a_customer() -> None:
    """A host may subclass the facts class (an ORM row, a record with extra fields): it is a
    Customer and is graded as one, as any Customer with the same facts."""
    import attrs

    @attrs.frozen
    class HostCustomer(Customer):
        crm_row: int = attrs.field(default=0, kw_only=True)

    facts = ("C001", "华东机电", CustomerCategory.BIG, dt.date(2018, 3, 1), None, STRONG)
    mine = grade_customer(HostCustomer(*facts, crm_row=7), SEED, on=ON)
    plain = grade_customer(Customer(*facts), SEED, on=ON)
    assert (mine.grade, mine.proposed_grade, mine.reasons) == (
        plain.grade,
        plain.proposed_grade,
        plain.reasons,
    )
    assert mine.customer.crm_row == 7


def test_new_customer_is_c_whatever_its_score_both_sides_of_a_year() -> None:
    c = Customer("N1", "新创科技", CustomerCategory.BIG, dt.date(2025, 12, 1), None, STRONG)
    inside = grade_customer(c, SEED, on=dt.date(2026, 11, 30))
    after = grade_customer(c, SEED, on=dt.date(2026, 12, 1))
    assert inside.grade is Grade.C
    assert inside.scorecard is not None
    assert inside.scorecard.grade is Grade.A
    assert [r.code for r in inside.deciding] == [GradingReason.G3_NEW_OVERRIDE]
    assert explain(inside.deciding, "zh") == (
        "[G3] 新开发客户一年之内列为 C等级(一般性客户)(评分结果 A等级(重要客户),至 2026-11-30)"
    )
    assert explain(inside.deciding, "en") == (
        "[G3] new customer: C (ordinary) for its first year whatever its score (A (important)),"
        " until 2026-11-30"
    )
    assert after.grade is Grade.A


def test_not_yet_eligible_is_not_graded() -> None:
    c = Customer(
        "E1", "", CustomerCategory.ORDINARY, dt.date(2026, 9, 1), dt.date(2024, 1, 1), STRONG
    )
    r = grade_customer(c, SEED, on=ON)
    assert r.grade is None
    assert r.tier is None
    assert r.report is None
    assert [x.code for x in r.deciding] == [GradingReason.G3_NOT_ELIGIBLE]
    assert explain(r.deciding, "zh") == "[G3] 正常商业往来不足期限,2027-03-01 起方可评级"
    assert explain(r.deciding, "en") == (
        "[G3] not enough months of normal trade: eligible from 2027-03-01"
    )


def test_eligible_without_facts_is_not_graded() -> None:
    c = Customer("E2", first_trade=dt.date(2020, 1, 1), developed_on=dt.date(2020, 1, 1))
    r = grade_customer(c, SEED, on=ON)
    assert r.grade is None
    assert [x.code for x in r.deciding] == [GradingReason.G2_NO_FACTS]
    assert explain(r.deciding, "zh") == "[G2] 缺少评分所需资料,暂不评级"
    assert explain(r.deciding, "en") == "[G2] no scorecard facts: not graded"


def test_previous_grade_gives_a_g6_change_awaiting_approval() -> None:
    c = Customer(
        "R1",
        category=CustomerCategory.BIG,
        first_trade=dt.date(2019, 1, 1),
        scorecard=STRONG,
        previous_grade=Grade.B,
    )
    r = grade_customer(c, SEED, on=ON)
    assert r.change is not None
    assert not r.change.effective
    assert any(reason.rule == "G6" for reason in r.reasons)


def test_notes_pick_arrears_influence_revisit_and_change_by_code() -> None:
    c = Customer(
        "R2",
        category=CustomerCategory.BIG,
        first_trade=dt.date(2019, 1, 1),
        scorecard=WEAK,
        previous_grade=Grade.A,
        last_visit=dt.date(2026, 1, 1),
    )
    r = grade_customer(c, SEED, on=ON)
    # the downgrade to D awaits the VP: A stays in force, and A's revisit is overdue
    assert (r.grade, r.proposed_grade) == (Grade.A, Grade.D)
    assert [x.code for x in r.deciding] == [GradingReason.G2_TOTAL_BELOW]
    assert [x.code for x in r.notes] == [
        GradingReason.G2_CONTRACT_ARREARS,
        GradingReason.G2_INFLUENCE_MISSING,
        GradingReason.G4_OVERDUE,
        GradingReason.G6_DOWNGRADE,
        GradingReason.G6_APPROVAL_MISSING,
    ]
    assert all(note in r.reasons and note not in r.deciding for note in r.notes)
    # an A customer never visited is due for a revisit now; one visited long ago is overdue
    never = grade_customer(
        Customer(
            "V1", category=CustomerCategory.BIG, first_trade=dt.date(2019, 1, 1), scorecard=STRONG
        ),
        SEED,
        on=ON,
    )
    assert [x.code for x in never.notes] == [GradingReason.G4_NEVER]
    late = grade_customer(
        Customer(
            "V2",
            category=CustomerCategory.BIG,
            first_trade=dt.date(2019, 1, 1),
            scorecard=STRONG,
            last_visit=dt.date(2026, 1, 1),
        ),
        SEED,
        on=ON,
    )
    assert [x.code for x in late.notes] == [GradingReason.G4_OVERDUE]


def test_category_from_criteria_and_working_day_calendar() -> None:
    c = Customer(
        "K1",
        category=BigCustomerFacts(industry_renown=True),
        first_trade=dt.date(2019, 1, 1),
        scorecard=STRONG,
    )
    r = grade_customer(c, SEED, on=dt.date(2026, 9, 10), calendar=china_working_days())
    assert r.category.category is CustomerCategory.BIG
    assert r.report is not None


def test_bad_customer_input() -> None:
    with pytest.raises(InputError, match="id"):
        Customer("")
    with pytest.raises(InputError, match="first_trade"):
        Customer("x", first_trade="2020-01-01")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="category"):
        Customer("x", category="big")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="customer"):
        grade_customer("x", SEED, on=ON)  # type: ignore[arg-type]
    with pytest.raises(InputError) as info:
        Customer("x", last_visit=dt.date(1899, 12, 31))
    assert info.value.field == "last_visit"
    with pytest.raises(InputError) as info:
        Customer("x", name=5)  # type: ignore[arg-type]
    assert info.value.field == "name"
    with pytest.raises(InputError) as info:
        grade_customer(Customer("x"), SEED, on=ON, calendar="china")  # type: ignore[arg-type]
    assert info.value.field == "calendar"


def test_every_fact_date_after_the_day_is_refused_by_its_field() -> None:
    later = ON + dt.timedelta(days=1)
    for field in ("first_trade", "developed_on", "last_visit"):
        dates = {"first_trade": dt.date(2019, 1, 1), field: later}
        c = Customer("F1", scorecard=STRONG, **dates)  # type: ignore[arg-type]
        with pytest.raises(InputError) as info:
            grade_customer(c, SEED, on=ON)
        assert [p.path for p in info.value.problems] == [field]
        assert info.value.problems[0].expected == (
            "a date on or before 2026-11-30, the day of the grading"
        )
    every = Customer("F2", first_trade=later, developed_on=later, last_visit=later)
    with pytest.raises(InputError) as info:
        grade_customer(every, SEED, on=ON)
    assert [p.path for p in info.value.problems] == ["first_trade", "developed_on", "last_visit"]
    # the day itself is fine
    same = Customer("F3", first_trade=dt.date(2019, 1, 1), scorecard=STRONG, last_visit=ON)
    assert grade_customer(same, SEED, on=ON).grade is Grade.A


def test_an_assessment_signed_after_the_day_does_not_hold_yet() -> None:
    signed_later = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, ON.replace(day=1))
    facts = ScorecardFacts("1200万", True, "30万", "16", StrategicInfluence.LEADER, signed_later)
    c = Customer("F4", first_trade=dt.date(2019, 1, 1), scorecard=facts)
    r = grade_customer(c, SEED, on=dt.date(2026, 10, 31))
    assert r.scorecard is not None
    assert not r.scorecard.influence_assessed
    assert find_reason(r, GradingReason.G2_INFLUENCE_EXPIRED) in r.notes


@pytest.mark.parametrize("bad", [None, PolicyBook(), "seed"])
def test_policy_argument_is_checked(bad: object) -> None:
    with pytest.raises(InputError) as info:
        grade_customer(Customer("P1"), bad, on=ON)  # type: ignore[arg-type]
    assert info.value.field == "policy"
    if isinstance(bad, PolicyBook):
        assert "book.grading" in str(info.value)


JUNK = malformed_values()
GRADED = Customer(
    "J1", "Acme", CustomerCategory.BIG, dt.date(2019, 1, 1), None, STRONG, None, Grade.B
)
CALLABLES: list[tuple[Callable[..., object], dict[str, object]]] = [
    (
        grade_customer,
        {
            "customer": GRADED,
            "policy": SEED,
            "on": ON,
            "calendar": china_working_days(),
            "approval": Approval("李副总", Role.VP_IN_CHARGE, REGRADE, ON),
        },
    ),
    (
        Customer,
        {
            "id": "J2",
            "name": "Acme",
            "category": CustomerCategory.ORDINARY,
            "first_trade": dt.date(2019, 1, 1),
            "developed_on": dt.date(2019, 1, 1),
            "scorecard": STRONG,
            "last_visit": dt.date(2026, 1, 1),
            "previous_grade": Grade.A,
        },
    ),
]
ARGUMENTS = [(call, args, name) for call, args in CALLABLES for name in args]


@given(st.sampled_from(ARGUMENTS), JUNK)
def test_malformed_arguments_raise_only_library_errors(
    case: tuple[Callable[..., object], dict[str, object], str], junk: object
) -> None:
    call, args, name = case
    try:
        result = call(**{**args, name: junk})
        if isinstance(result, Customer):  # an accepted customer is graded without surprises
            result = grade_customer(result, SEED, on=ON)
    except CustomerRulesError:
        return
    for lang in ("zh", "en"):
        for reason in getattr(result, "reasons", ()):
            assert render_reason(reason, lang).startswith(f"[{reason.rule}] ")


_DECIDING = frozenset(
    {
        GradingReason.G3_NO_TRADE,
        GradingReason.G3_ELIGIBLE,
        GradingReason.G3_NOT_ELIGIBLE,
        GradingReason.G3_NEW,
        GradingReason.G2_NO_FACTS,
        GradingReason.G3_NEW_OVERRIDE,
        GradingReason.G2_TOTAL,
        GradingReason.G2_TOTAL_BELOW,
    }
)


@given(
    customers(),
    grading_policies(),
    days(min_value=dt.date(2026, 7, 1), max_value=dt.date(2026, 11, 30)),
)
def test_every_customer_gets_an_explained_answer(
    customer: Customer, policy: GradingPolicy, on: dt.date
) -> None:
    r = grade_customer(customer, policy, on=on)
    assert r == grade_customer(customer, policy, on=on)
    if r.eligibility.forced_grade is not None:
        assert r.proposed_grade is r.eligibility.forced_grade
    elif r.proposed_grade is not None:
        assert r.scorecard is not None
        assert r.proposed_grade is r.scorecard.grade
        assert r.eligibility.eligible
    # the grade in force: the proposal unless a change awaits approval; else the previous one
    previous = customer.previous_grade
    if r.proposed_grade is None:
        assert r.grade is previous
        assert r.change is None
    elif r.pending_approval:
        assert r.grade is previous
        assert r.proposed_grade is not previous
        assert r.pending_from == (Role.VP_IN_CHARGE,)
    else:
        assert r.grade is r.proposed_grade
        assert r.pending_from == ()
    assert (r.tier is None) == (r.grade is None)
    if r.tier is not None:
        assert r.tier.grade is r.grade
    assert r.deciding
    assert all(reason.code in _DECIDING for reason in r.deciding)
    assert all(reason in r.reasons for reason in r.deciding)
    assert all(note in r.reasons and note not in r.deciding for note in r.notes)
    # the G3 reasons are plain data and come back from it
    for reason in r.reasons:
        if reason.rule == "G3" or reason.code == GradingReason.G2_NO_FACTS:
            assert Reason.from_data(reason.to_data()) == reason


# --------------------------------------------------------------------------- G6: what is in force

VP = Approval("李副总", Role.VP_IN_CHARGE, REGRADE, ON)
ESTABLISHED = dt.date(2019, 1, 1)


def _regraded(previous: Grade | None, facts: ScorecardFacts = STRONG) -> Customer:
    return Customer(
        "G6C", category=CustomerCategory.BIG, first_trade=ESTABLISHED, scorecard=facts,
        last_visit=dt.date(2026, 11, 1), previous_grade=previous,
    )  # fmt: skip


def test_an_upgrade_awaits_the_vp_and_the_previous_grade_stays_in_force() -> None:
    r = grade_customer(_regraded(Grade.C), SEED, on=ON)
    assert (r.grade, r.proposed_grade) == (Grade.C, Grade.A)
    assert r.pending_approval
    assert r.pending_from == (Role.VP_IN_CHARGE,)
    # the treatment follows the grade in force: C's tier, C's report months
    assert r.tier is not None
    assert r.tier.grade is Grade.C
    assert r.report is not None
    assert r.report.grade is Grade.C
    assert r.change is not None
    assert r.change.review.after.state == "proposed"
    assert explain(r.notes, "zh").splitlines()[-2:] == [
        "[G6] 年度重审:等级由 C等级(一般性客户) 调升为 A等级(重要客户)",
        "[G6] 客户评级调整尚未经主管副总经理审批,暂不生效(待审批)",
    ]
    assert explain(r.notes, "en").splitlines()[-1] == (
        "[G6] the re-grading awaits approval by the vp in charge: not yet effective"
    )


def test_a_downgrade_awaits_the_vp_too() -> None:
    r = grade_customer(_regraded(Grade.A, WEAK), SEED, on=ON)
    assert (r.grade, r.proposed_grade, r.pending_approval) == (Grade.A, Grade.D, True)


def test_the_vps_approval_puts_the_change_in_force() -> None:
    r = grade_customer(_regraded(Grade.C), SEED, on=ON, approval=VP)
    assert (r.grade, r.proposed_grade, r.pending_approval, r.pending_from) == (
        Grade.A,
        Grade.A,
        False,
        (),
    )
    assert r.tier is not None
    assert r.tier.grade is Grade.A
    assert r.change is not None
    assert r.change.review.after.state == "approved"
    record = r.change.review.record
    assert record is not None
    assert (record.who, record.role, record.subject, record.on) == (
        "李副总",
        Role.VP_IN_CHARGE,
        "G6C",
        ON,
    )
    assert [x.code for x in r.notes][-2:] == [
        GradingReason.G6_UPGRADE,
        GradingReason.G6_APPROVAL_GRANTED,
    ]


@pytest.mark.parametrize(
    ("approval", "code"),
    [
        # the manager re-examines; only the VP approves
        (Approval("王经理", Role.SALES_MANAGER, REGRADE, ON), GradingReason.G6_APPROVAL_ROLE),
        # expired the day before the grading
        (
            Approval("李副总", Role.VP_IN_CHARGE, REGRADE, ON.replace(day=1), ON.replace(day=29)),
            GradingReason.G6_APPROVAL_EXPIRED,
        ),
        # signed the day after
        (
            Approval("李副总", Role.VP_IN_CHARGE, REGRADE, ON + dt.timedelta(days=1)),
            GradingReason.G6_APPROVAL_EXPIRED,
        ),
        # for another customer
        (
            Approval("李副总", Role.VP_IN_CHARGE, REGRADE, ON, subject="C999"),
            GradingReason.G6_APPROVAL_SUBJECT,
        ),
        # for something else
        (Approval("李副总", Role.VP_IN_CHARGE, "G6.exit", ON), GradingReason.G6_APPROVAL_WHAT),
    ],
)
def test_an_approval_that_does_not_hold_leaves_the_change_pending(
    approval: Approval, code: GradingReason
) -> None:
    r = grade_customer(_regraded(Grade.C), SEED, on=ON, approval=approval)
    assert (r.grade, r.proposed_grade, r.pending_approval) == (Grade.C, Grade.A, True)
    assert r.notes[-1].code == code


def test_an_approval_on_its_last_valid_day_still_holds() -> None:
    last_day = Approval("李副总", Role.VP_IN_CHARGE, REGRADE, ON.replace(day=1), ON)
    assert grade_customer(_regraded(Grade.C), SEED, on=ON, approval=last_day).grade is Grade.A


def test_an_unchanged_grade_is_in_force_without_approval() -> None:
    r = grade_customer(_regraded(Grade.A), SEED, on=ON)
    assert (r.grade, r.proposed_grade, r.pending_approval) == (Grade.A, Grade.A, False)
    assert r.change is not None
    assert r.change.review.after.state == "proposed"  # the review still awaits sign-off
    assert r.notes == ()
    unchanged = find_reason(r, GradingReason.G6_IN_FORCE_UNCHANGED)
    assert unchanged is not None
    assert render_reason(unchanged, "en") == (
        "[G6] grade unchanged: A (important) stays in force without approval; the review awaits"
        " sign-off by the vp in charge"
    )


def test_a_first_grading_is_in_force_at_once() -> None:
    r = grade_customer(_regraded(None), SEED, on=ON)
    assert (r.grade, r.proposed_grade, r.pending_approval) == (Grade.A, Grade.A, False)
    assert r.change is not None
    assert r.change.change is GradeChange.NEW
    assert find_reason(r, GradingReason.G6_IN_FORCE_NEW) is not None


def test_a_customer_that_cannot_be_graded_keeps_its_previous_grade() -> None:
    c = Customer(  # no scorecard facts
        "K1", first_trade=ESTABLISHED, last_visit=dt.date(2026, 11, 1), previous_grade=Grade.B
    )
    r = grade_customer(c, SEED, on=ON)
    assert (r.grade, r.proposed_grade, r.change) == (Grade.B, None, None)
    assert r.tier is not None
    assert [x.code for x in r.deciding] == [GradingReason.G2_NO_FACTS]
    assert explain(r.notes, "zh") == "[G6] 本次未能评级,原等级 B等级(较重要客户) 继续有效"
    assert explain(r.notes, "en") == (
        "[G6] not graded this time: the previous grade B (fairly important) stays in force"
    )


def test_approval_argument_is_checked() -> None:
    with pytest.raises(InputError) as info:
        grade_customer(_regraded(Grade.C), SEED, on=ON, approval="yes")  # type: ignore[arg-type]
    assert info.value.field == "approval"


# --------------------------------------------------------------------------- the final what-if


def test_a_capped_customer_is_told_when_the_cap_ends_and_what_its_figures_give_then() -> None:
    # developed 2025-12-01: C through 2026-11-30 ("一年之内"), graded by its score from 12-01
    c = Customer("N1", "新创科技", CustomerCategory.BIG, dt.date(2025, 12, 1), None, STRONG)
    inside = grade_customer(c, SEED, on=dt.date(2026, 11, 30))
    w = inside.what_if
    assert (w.case, w.grade, w.until, w.since, w.then) == (
        WhatIfCase.CAPPED,
        Grade.C,
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 1),
        Grade.A,
    )
    assert (w.next_grade, w.points_short) == (None, None)  # never "next grade C" while C
    assert explain(w, "zh") == (
        "[G3] 新开发客户列为 C等级(一般性客户) 至 2026-11-30 止;按当前数据,2026-12-01 起将评为"
        " A等级(重要客户)"
    )
    assert explain(w, "en") == (
        "[G3] capped at C (ordinary) as a new customer until 2026-11-30; on its current figures"
        " it would be A (important) from 2026-12-01"
    )
    after = grade_customer(c, SEED, on=dt.date(2026, 12, 1))
    assert after.what_if.case is WhatIfCase.SCORED
    assert after.proposed_grade is Grade.A


def test_a_capped_customer_scoring_d_is_told_it_falls_to_d() -> None:
    """The issue's 2,276: capped at C, scorecard D — the old what-if said "next grade C"."""
    c = Customer("N2", first_trade=dt.date(2025, 12, 1), scorecard=WEAK)
    r = grade_customer(c, SEED, on=ON)
    assert (r.proposed_grade, r.scorecard and r.scorecard.grade) == (Grade.C, Grade.D)
    assert r.scorecard is not None
    assert r.scorecard.what_if.next_grade is Grade.C  # the scorecard's own what-if
    assert (r.what_if.case, r.what_if.then, r.what_if.next_grade) == (
        WhatIfCase.CAPPED,
        Grade.D,
        None,
    )


def test_a_capped_customer_not_yet_eligible_when_the_cap_ends() -> None:
    # developed 2025-12-01, trading since 2026-09-01: eligible only from 2027-03-01
    c = Customer("N3", first_trade=dt.date(2026, 9, 1), developed_on=dt.date(2025, 12, 1))
    w = grade_customer(c, SEED, on=ON).what_if
    assert (w.case, w.until, w.since, w.then) == (
        WhatIfCase.CAPPED,
        dt.date(2026, 11, 30),
        dt.date(2027, 3, 1),
        None,
    )
    assert explain(w, "zh") == (
        "[G3] 新开发客户列为 C等级(一般性客户) 至 2026-11-30 止;2027-03-01 起按评分评级,"
        "目前缺少评分资料"
    )
    assert explain(w, "en") == (
        "[G3] capped at C (ordinary) as a new customer until 2026-11-30; graded by its scorecard"
        " from 2027-03-01, whose facts are missing"
    )


def test_a_capped_customer_without_trade() -> None:
    c = Customer("N4", developed_on=dt.date(2026, 6, 1))
    w = grade_customer(c, SEED, on=ON).what_if
    assert (w.case, w.until, w.since, w.months) == (
        WhatIfCase.CAPPED,
        dt.date(2027, 5, 31),
        None,
        6,
    )
    assert explain(w, "zh") == (
        "[G3] 新开发客户列为 C等级(一般性客户) 至 2027-05-31 止;尚无正常商业往来,"
        "须满 6 个月方可按评分评级"
    )
    assert explain(w, "en") == (
        "[G3] capped at C (ordinary) as a new customer until 2027-05-31; no normal trade yet:"
        " graded by its scorecard after 6 months of it"
    )


def test_a_customer_not_yet_eligible_is_told_from_when_it_can_be_graded() -> None:
    # the sample's C013: developed 2024, first trade 2026-09-01 — 6 months: from 2027-03-01
    c = Customer(
        "E1", "", CustomerCategory.ORDINARY, dt.date(2026, 9, 1), dt.date(2024, 1, 1), STRONG
    )
    w = grade_customer(c, SEED, on=ON).what_if
    assert (w.case, w.grade, w.since, w.then) == (
        WhatIfCase.NOT_ELIGIBLE,
        None,
        dt.date(2027, 3, 1),
        Grade.A,
    )
    assert explain(w, "zh") == "[G3] 2027-03-01 起方可评级;按当前数据届时将评为 A等级(重要客户)"
    assert explain(w, "en") == (
        "[G3] can be graded from 2027-03-01; on its current figures it would be A (important) then"
    )
    # the day before it is still not graded; on the day it is, with that grade
    assert grade_customer(c, SEED, on=dt.date(2027, 2, 28)).proposed_grade is None
    assert grade_customer(c, SEED, on=dt.date(2027, 3, 1)).proposed_grade is Grade.A


def test_not_eligible_without_facts_no_trade_and_no_facts() -> None:
    bare = Customer("E3", first_trade=dt.date(2026, 9, 1), developed_on=dt.date(2024, 1, 1))
    w = grade_customer(bare, SEED, on=ON).what_if
    assert (w.case, w.since, w.then) == (WhatIfCase.NOT_ELIGIBLE, dt.date(2027, 3, 1), None)
    assert explain(w, "zh") == "[G3] 2027-03-01 起方可评级;目前缺少评分资料"
    assert explain(w, "en") == "[G3] can be graded from 2027-03-01; its scorecard facts are missing"
    none = grade_customer(Customer("E4", scorecard=STRONG), SEED, on=ON).what_if
    assert (none.case, none.months) == (WhatIfCase.NO_TRADE, 6)
    assert explain(none, "zh") == "[G3] 尚无正常商业往来,须满 6 个月方可评级"
    assert explain(none, "en") == "[G3] no normal trade yet: it can be graded after 6 months of it"
    missing = grade_customer(Customer("E5", first_trade=ESTABLISHED), SEED, on=ON).what_if
    assert missing.case is WhatIfCase.NO_FACTS
    assert explain(missing, "en") == "[G2] no scorecard facts: not graded"


def test_a_scored_customer_gets_the_scorecard_what_if() -> None:
    r = grade_customer(_regraded(None, WEAK), SEED, on=ON)
    assert r.scorecard is not None
    assert r.what_if.case is WhatIfCase.SCORED
    assert r.what_if.scorecard == r.scorecard.what_if
    assert (r.what_if.next_grade, r.what_if.points_short) == (
        r.scorecard.what_if.next_grade,
        r.scorecard.what_if.points_short,
    )
    assert r.what_if.reasons == r.scorecard.what_if.reasons


def test_the_result_round_trips_with_its_grade_in_force_and_what_if() -> None:
    r = grade_customer(_regraded(Grade.C), SEED, on=ON)
    data = json.loads(json.dumps(to_data(r, lang="en"), ensure_ascii=False))
    assert (data["grade"], data["proposed_grade"], data["pending_approval"]) == ("C", "A", True)
    assert data["pending_from"] == ["vp_in_charge"]
    assert data["what_if"]["case"] == "scored"
    assert "policy" not in data
    back = from_data(CustomerGrade, data, policy=SEED)
    assert back == r
    assert to_data(back, lang="en") == data


@given(
    customers(),
    grading_policies(),
    days(min_value=dt.date(2026, 7, 1), max_value=dt.date(2026, 11, 30)),
)
def test_the_what_if_says_what_grading_on_its_day_gives(
    customer: Customer, policy: GradingPolicy, on: dt.date
) -> None:
    """What-if and final grade agree: ``then`` is the proposed grade of grading on ``since``,
    and the day before ``since`` the scorecard does not decide yet."""
    r = grade_customer(customer, policy, on=on)
    w = r.what_if
    assert w.grade is r.proposed_grade
    scored_now = r.eligibility.forced_grade is None and r.proposed_grade is not None
    assert (w.case is WhatIfCase.SCORED) == scored_now
    if w.case is not WhatIfCase.SCORED:
        assert (w.next_grade, w.points_short) == (None, None)
    if w.case is WhatIfCase.CAPPED:
        assert w.grade is r.eligibility.forced_grade
        assert w.until == r.eligibility.new_until
    if w.since is not None:
        assert w.since > on
        later = grade_customer(customer, policy, on=w.since)
        assert later.what_if.case in (WhatIfCase.SCORED, WhatIfCase.NO_FACTS)
        assert later.proposed_grade is w.then
        before = grade_customer(customer, policy, on=w.since - dt.timedelta(days=1))
        assert before.what_if.case not in (WhatIfCase.SCORED, WhatIfCase.NO_FACTS)
    data = json.loads(json.dumps(to_data(w, lang="zh"), ensure_ascii=False))
    assert from_data(GradeWhatIf, data) == w
    for reason in w.reasons:
        assert reason.rule in ("G2", "G3")
        assert Reason.from_data(reason.to_data()) == reason
        assert render_reason(reason, "zh").startswith(f"[{reason.rule}] ")


# --------------------------------------------------------------------------- errors, field by field

_C = Customer("E1", "华东机电", CustomerCategory.BIG, dt.date(2020, 1, 1), None, STRONG)


@pytest.mark.parametrize(
    ("call", "field", "given", "expected"),
    [
        (
            lambda: grade_customer("E1", SEED, on=ON),  # type: ignore[arg-type]
            "customer",
            "E1",
            "a Customer",
        ),
        (
            lambda: grade_customer(_C, SEED, on=ON, calendar="x"),  # type: ignore[arg-type]
            "calendar",
            "x",
            "a Calendar, e.g. CALENDAR_DAYS",
        ),
        (
            lambda: GradeWhatIf(WhatIfCase.CAPPED, Grade.C, until="2026-12-01"),  # type: ignore[arg-type]
            "until",
            "2026-12-01",
            "a datetime.date",
        ),
    ],
)
def test_grading_job_input_errors_keep_field_given_and_expected(
    call: Callable[[], object], field: str, given: object, expected: str
) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert (info.value.field, info.value.given, info.value.expected) == (field, given, expected)


def test_grading_job_refuses_a_datetime_for_the_day_by_name() -> None:
    grade_customer(_C, SEED, on=ON)  # the job of this policy and day is the last one
    with pytest.raises(InputError) as info:
        grade_customer(_C, SEED, on=dt.datetime(2026, 11, 30, 9, 0))
    assert info.value.field == "on"


def test_grading_job_dates_on_the_day_of_the_grading_are_accepted() -> None:
    """The customer's dates may fall on the day of the grading ("on or before"); only those
    after it are refused, each named with the date given."""
    on_the_day = Customer("E2", "当天", CustomerCategory.BIG, ON, ON, STRONG, ON, registered_on=ON)
    assert grade_customer(on_the_day, SEED, on=ON).customer is on_the_day
    late = dt.date(2026, 12, 1)
    mixed = Customer("E3", "次日", CustomerCategory.BIG, ON, None, STRONG, late)
    with pytest.raises(InputError) as info:
        grade_customer(mixed, SEED, on=ON)
    assert info.value.problems == (
        Problem.mismatch(
            "last_visit", late, "a date on or before 2026-11-30, the day of the grading"
        ),
    )
