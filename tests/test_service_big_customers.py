"""S7 — big-customer commitments: the 24-hour hotline, the dedicated account manager, the pipeline
on the workflow table (003 §大客户综合管理制度 三、四; §集团公司大客户管理制度 (2nd) 第四章)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import InputError, explain
from customer_rules.dates import SHANGHAI
from customer_rules.errors import shown
from customer_rules.interchange import from_data, to_data
from customer_rules.roles import Approval, Role
from customer_rules.service import (
    AccountManagerCheck,
    BigCustomerAccount,
    BigCustomerPolicy,
    HotlineCoverage,
    HotlineShift,
    PipelineStatus,
    ServicePolicy,
    ServiceReason,
    account_manager,
    hotline_coverage,
    pipeline_status,
)
from customer_rules.workflow import StepOutcome, apply, start
from refusals import problems_of

SEED = ServicePolicy()
DAY = dt.date(2026, 6, 1)
PIPELINE = SEED.big_customers.pipeline


def _at(hours: float) -> dt.datetime:
    return dt.datetime(2026, 6, 1, tzinfo=SHANGHAI) + dt.timedelta(hours=hours)


# --------------------------------------------------------------------------- the hotline


def test_three_shifts_staff_the_hotline_round_the_clock() -> None:
    """ "为大客户提供24小时热线服务": every minute from 00:00 to 24:00."""
    shifts = [
        HotlineShift("甲", _at(-2), _at(8)),
        HotlineShift("乙", _at(8), _at(16)),
        HotlineShift("丙", _at(16), _at(26)),
    ]
    c = hotline_coverage(shifts, SEED, on=DAY)
    assert c.covered
    assert c.gaps == ()
    assert c.staff == ("甲", "乙", "丙")
    assert explain(c) == "[S7] 2026-06-01 大客户服务热线24小时有人值守(甲、乙、丙)"


def test_an_unstaffed_hour_is_a_gap() -> None:
    shifts = [
        HotlineShift("甲", _at(0), _at(8)),
        HotlineShift("乙", _at(8), _at(16)),
        HotlineShift("丙", _at(17), _at(24)),
    ]
    c = hotline_coverage(shifts, SEED, on=DAY)
    assert not c.covered
    assert [(g.start, g.end, g.minutes, g.staffed) for g in c.gaps] == [(_at(16), _at(17), 60, 0)]
    assert (
        explain(c, "en").splitlines()[0] == "[S7] 2026-06-01: the big-customer hotline has 1 gap(s)"
    )


def test_shifts_in_another_zone_count_at_their_moment() -> None:
    utc = dt.UTC
    shifts = [
        HotlineShift(
            "甲", dt.datetime(2026, 5, 31, 16, tzinfo=utc), dt.datetime(2026, 6, 1, 16, tzinfo=utc)
        )
    ]
    assert hotline_coverage(shifts, SEED, on=DAY).covered  # 00:00–24:00 in Shanghai


def test_two_people_at_every_moment_is_a_setting() -> None:
    shifts = [HotlineShift("甲", _at(0), _at(24)), HotlineShift("乙", _at(6), _at(24))]
    two = ServicePolicy(big_customers=BigCustomerPolicy(hotline_staff=2))
    c = hotline_coverage(shifts, two, on=DAY)
    assert [(g.start, g.end, g.staffed) for g in c.gaps] == [(_at(0), _at(6), 1)]


def test_an_empty_roster_leaves_the_whole_day_open() -> None:
    c = hotline_coverage([], SEED, on=DAY)
    assert [(g.start, g.end) for g in c.gaps] == [(_at(0), _at(24))]
    with pytest.raises(InputError) as caught:
        HotlineShift("甲", _at(8), _at(8))
    assert caught.value.field == "end"
    with pytest.raises(InputError) as caught:
        HotlineShift("甲", dt.datetime(2026, 6, 1), _at(8))  # type: ignore[arg-type]
    assert caught.value.field == "start"


@given(st.lists(st.tuples(st.integers(-6, 30), st.integers(1, 12)), max_size=6))
def test_the_gaps_and_the_shifts_never_overlap_and_cover_the_day(
    spans: list[tuple[int, int]],
) -> None:
    shifts = [HotlineShift(f"P{i}", _at(a), _at(a + n)) for i, (a, n) in enumerate(spans)]
    c = hotline_coverage(shifts, SEED, on=DAY)
    for gap in c.gaps:
        assert _at(0) <= gap.start < gap.end <= _at(24)
        middle = gap.start + (gap.end - gap.start) / 2
        assert not any(s.start <= middle < s.end for s in shifts)
    assert c.covered is (not c.gaps)
    data = json.loads(json.dumps(to_data(c, lang="en"), ensure_ascii=False))
    assert from_data(HotlineCoverage, data, policy=SEED) == c


# --------------------------------------------------------------------------- the account manager


@pytest.mark.parametrize(
    ("account", "assigned", "problem"),
    [
        (BigCustomerAccount("C1", "陈小明", Role.SALESPERSON, since=DAY), True, None),
        (BigCustomerAccount("C1"), False, "none"),
        (BigCustomerAccount("C1", "王", Role.SALES_ADMIN), False, "role"),
        (
            BigCustomerAccount("C1", "陈小明", Role.SALESPERSON, since=DAY + dt.timedelta(days=1)),
            False,
            "not_yet",
        ),
        (
            BigCustomerAccount("C1", "陈小明", Role.SALESPERSON, until=DAY - dt.timedelta(days=1)),
            False,
            "ended",
        ),
    ],
)
def test_a_dedicated_account_manager(
    account: BigCustomerAccount, assigned: bool, problem: str | None
) -> None:
    """ "指派专门的客户经理负责大客户的维护工作"."""
    check = account_manager(account, SEED, on=DAY)
    assert (check.assigned, check.problem) == (assigned, problem)
    (reason,) = check.reasons
    assert reason.rule == "S7"
    assert (reason.code == ServiceReason.S7_MANAGER) is assigned
    data = json.loads(json.dumps(to_data(check, lang="zh"), ensure_ascii=False))
    assert from_data(AccountManagerCheck, data, policy=SEED) == check


# --------------------------------------------------------------------------- the pipeline


def _steps(*moves: tuple[str, Role]) -> list:  # type: ignore[type-arg]
    case = start(PIPELINE, subject="C1")
    records = []
    for event, role in moves:
        what = "S7.intent" if event == "sign_intent" else "S7"
        step = apply(PIPELINE, case, event, by=Approval(role.value, role, what, DAY), on=DAY)
        assert step.applied, explain(step, "en")
        records.append(step.record)
        case = step.after
    return records


def test_the_pipeline_negotiation_is_the_sales_managers() -> None:
    """ "销售经理与潜在大客户进行洽谈,确立合作意向,并进行价格、合同等方面的谈判"."""
    screened = _steps(("screen", Role.SALESPERSON))
    case = pipeline_status("C1", screened, SEED, on=DAY).case
    by_sales = apply(
        PIPELINE, case, "negotiate", by=Approval("陈", Role.SALESPERSON, "S7", DAY), on=DAY
    )
    assert by_sales.outcome is StepOutcome.WRONG_ROLE
    s = pipeline_status("C1", screened, SEED, on=DAY)
    assert [(n.event.name, n.roles) for n in s.next] == [
        ("negotiate", (Role.SALES_MANAGER,)),
        ("drop", (Role.SALES_MANAGER,)),
    ]


def test_the_whole_pipeline_and_its_periodic_review() -> None:
    """发现与筛选 → 洽谈与谈判 → 合作意向书签订 → 实施计划制定 → 实施计划执行 → 业绩考核与总结
    (every three months [default])."""
    records = _steps(
        ("screen", Role.SALESPERSON),
        ("negotiate", Role.SALES_MANAGER),
        ("sign_intent", Role.GENERAL_MANAGER),
        ("plan", Role.SALES_MANAGER),
        ("execute", Role.SALES_MANAGER),
    )
    s = pipeline_status("C1", records, SEED, on=dt.date(2026, 9, 1))
    assert s.state.name == "executing"
    assert s.review_due is not None
    assert (s.review_due.due, s.review_overdue) == (dt.date(2026, 9, 1), False)
    late = pipeline_status("C1", records, SEED, on=dt.date(2026, 9, 2))
    assert late.review_overdue
    assert (
        explain(late, "en").splitlines()[-1]
        == "[S7] performance review was due 2026-09-01: overdue"
    )
    data = json.loads(json.dumps(to_data(late, lang="en"), ensure_ascii=False))
    assert from_data(PipelineStatus, data, policy=SEED) == late


def test_the_letter_of_intent_needs_its_approval() -> None:
    records = _steps(("screen", Role.SALESPERSON), ("negotiate", Role.SALES_MANAGER))
    case = pipeline_status("C1", records, SEED, on=DAY).case
    plain = apply(
        PIPELINE, case, "sign_intent", by=Approval("赵总", Role.GENERAL_MANAGER, "S7", DAY), on=DAY
    )
    assert plain.outcome is StepOutcome.WRONG_APPROVAL


def test_a_record_of_another_customer_is_refused() -> None:
    records = _steps(("screen", Role.SALESPERSON))
    with pytest.raises(InputError) as caught:
        pipeline_status("C2", records, SEED, on=DAY)
    assert caught.value.field == "records[0].subject"
    with pytest.raises(InputError) as caught:
        pipeline_status(" ", records, SEED, on=DAY)
    assert caught.value.field == "customer"


# --------------------------------------------------------------------------- pinned tables

EFFECTIVE = ServicePolicy(effective=dt.date(2026, 1, 1))
TWO = ServicePolicy(big_customers=BigCustomerPolicy(hotline_staff=2))


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: HotlineShift("甲", _at(8), _at(8)),
            [("end", shown(_at(8)), "a moment after start (2026-06-01 08:00:00+08:00)")],
            id="shift-ends-when-it-starts",
        ),
        pytest.param(
            lambda: hotline_coverage("甲", SEED, on=DAY),
            [("shifts", "'甲'", "a list of a HotlineShift")],
            id="shifts-not-a-list",
        ),
        pytest.param(
            lambda: hotline_coverage(["甲"], SEED, on=DAY),
            [("shifts[0]", "'甲'", "a HotlineShift")],
            id="shift-not-a-HotlineShift",
        ),
        pytest.param(
            lambda: account_manager("C1", SEED, on=DAY),  # type: ignore[arg-type]
            [("account", "'C1'", "a BigCustomerAccount")],
            id="account-not-a-BigCustomerAccount",
        ),
        pytest.param(
            lambda: pipeline_status(" ", [], SEED, on=DAY),
            [("customer", "' '", "a customer id")],
            id="customer-blank",
        ),
        pytest.param(
            lambda: pipeline_status("C1", "x", SEED, on=DAY),  # type: ignore[arg-type]
            [("records", "'x'", "a list of an EventRecord")],
            id="records-not-a-list",
        ),
        pytest.param(
            lambda: pipeline_status("C1", ["x"], SEED, on=DAY),  # type: ignore[list-item]
            [("records[0]", "'x'", "an EventRecord")],
            id="record-not-an-EventRecord",
        ),
        pytest.param(
            lambda: pipeline_status(
                "C1", _steps(("screen", Role.SALESPERSON)), SEED, on=DAY - dt.timedelta(days=1)
            ),
            [("records[0].on", "datetime.date(2026, 6, 1)", "a day on or before on (2026-05-31)")],
            id="record-after-on",
        ),
    ],
)
def test_every_argument_error_of_the_big_customer_checks(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == problems


@pytest.mark.parametrize(
    ("policy", "spans", "gaps"),
    [
        pytest.param(SEED, [(6, 12)], [(0, 6, 0), (12, 24, 0)], id="one-shift-in-the-middle"),
        pytest.param(
            TWO, [(0, 12), (12, 24)], [(0, 24, 1)], id="one-on-the-line-all-day-is-one-gap"
        ),
        pytest.param(
            TWO,
            [(0, 6), (8, 12), (12, 24)],
            [(0, 6, 1), (6, 8, 0), (8, 24, 1)],
            id="consecutive-gaps-merge-only-at-the-same-staffing",
        ),
        pytest.param(
            TWO,
            [(0, 12), (6, 12), (12, 24)],
            [(0, 6, 1), (12, 24, 1)],
            id="two-shifts-end-together",
        ),
    ],
)
def test_the_hotline_gaps_exactly(
    policy: ServicePolicy, spans: list[tuple[int, int]], gaps: list[tuple[int, int, int]]
) -> None:
    """Each gap with its start, end and the people on the line; adjacent spans with the same
    staffing are one gap."""
    shifts = [HotlineShift(f"P{i}", _at(a), _at(b)) for i, (a, b) in enumerate(spans)]
    c = hotline_coverage(shifts, policy, on=DAY)
    assert [(g.start, g.end, g.staffed) for g in c.gaps] == [
        (_at(a), _at(b), n) for a, b, n in gaps
    ]
    assert c.covered is False


def test_a_shift_that_only_touches_the_day_is_not_on_the_line() -> None:
    """A night shift ending at 00:00 and one starting at 24:00 staff no moment of the day."""
    shifts = [
        HotlineShift("夜", _at(-8), _at(0)),
        HotlineShift("甲", _at(0), _at(24)),
        HotlineShift("晨", _at(24), _at(32)),
    ]
    c = hotline_coverage(shifts, EFFECTIVE, on=DAY)
    assert (c.day, c.covered, c.gaps, c.staff) == (DAY, True, (), ("甲",))
    assert (c.policy_version, c.policy_effective) == ("seed", dt.date(2026, 1, 1))


def test_an_assignment_ending_on_the_day_still_holds() -> None:
    a = BigCustomerAccount("C1", "陈小明", Role.SALESPERSON, since=DAY, until=DAY)
    check = account_manager(a, EFFECTIVE, on=DAY)
    assert (check.assigned, check.problem, check.on) == (True, None, DAY)
    assert (check.policy_version, check.policy_effective) == ("seed", dt.date(2026, 1, 1))


def test_no_review_is_due_before_the_plan_is_executed() -> None:
    s = pipeline_status("C1", _steps(("screen", Role.SALESPERSON)), EFFECTIVE, on=DAY)
    assert (s.state.name, s.review_due, s.review_overdue) == ("screened", None, False)
    assert (s.policy_version, s.policy_effective, s.on) == ("seed", dt.date(2026, 1, 1), DAY)
    assert [r.code for r in s.reasons] == [
        ServiceReason.S7_STAGE,
        ServiceReason.S7_NEXT,
        ServiceReason.S7_NEXT,
    ]
