"""A8–A10 and the public pool: the development window, the idle reclaim, the protection period;
reclaim rules, the warning ladder and claiming beyond the seed.

Seeds: A8 "客户资源在开发申请后6个月内开发成功的,销售业绩归算到销售人员.如在6个月内未开发成功的,
公司召开评审会议…公司视具体情况可延长开发时限" (001 §4.4.3); A9 "对两个月时间内未产生任何销售动作的
客户资源,市场总监有权收回,改派其他客户经理负责" (001 §市场部 (2nd) 二.3); A10 "保护期为两个月,超过
保护期,由客户部经理根据情况确定调整或者重新申报" (003 §大客户部管理制度 三.1).
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.allocation import (
    EXTEND,
    ActionKind,
    AllocationPolicy,
    ClaimDecision,
    ClaimOutcome,
    Holding,
    HoldingStatus,
    IdleReading,
    IdleState,
    LadderStage,
    PersonStatus,
    ProtectionState,
    ReclaimKind,
    ReclaimReport,
    SalesAction,
    Salesperson,
    WindowCheck,
    WindowExtension,
    WindowState,
    apply_claim,
    claim,
    holding_case,
    holding_status,
    reclaimable,
)
from customer_rules.calendars import DeadlineMode, WorkingDayCalendar
from customer_rules.dates import SHANGHAI
from customer_rules.errors import InputError, PolicyError
from customer_rules.grading import DealSizeType, Grade
from customer_rules.interchange import from_data, to_data
from customer_rules.labels import Label
from customer_rules.reasons import explain
from customer_rules.roles import Approval, Role
from customer_rules.testing import holdings, sales_actions
from customer_rules.workflow import (
    Case,
    EventRecord,
    StepOutcome,
    Transition,
    apply,
    replay,
    start,
)
from refusals import problems_of

SEED = AllocationPolicy()
POOL = AllocationPolicy(pool={"enabled": True})
JAN15 = dt.date(2026, 1, 15)


def held(**more: object) -> Holding:
    values: dict[str, object] = {"customer": "C1", "holder": "S1", "received": JAN15}
    values.update(more)
    return Holding(**values)  # type: ignore[arg-type]


def status(holding: Holding, on: dt.date, policy: AllocationPolicy = SEED) -> HoldingStatus:
    return holding_status(holding, policy, on=on)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --------------------------------------------------------------------------- A10 protection


@pytest.mark.parametrize(
    ("on", "state", "left"),
    [
        ("2026-01-15", ProtectionState.PROTECTED, 59),
        ("2026-03-07", ProtectionState.PROTECTED, 8),
        ("2026-03-08", ProtectionState.WARNING, 7),  # warned 7 days before [default]
        # "保护期为两个月": from 2026-01-15 through 2026-03-15, that day included
        ("2026-03-15", ProtectionState.WARNING, 0),
        ("2026-03-16", ProtectionState.ENDED, None),
    ],
)
def test_a_declared_customer_is_protected_for_two_months(
    on: str, state: ProtectionState, left: int | None
) -> None:
    check = status(held(declared=JAN15), day(on)).protection
    assert check is not None
    assert check.state is state
    assert check.ends == day("2026-03-15")
    assert check.days_left == left


def test_when_protection_ends_the_customer_department_manager_decides() -> None:
    s = status(held(declared=JAN15, first_action=JAN15), day("2026-03-16"))
    assert s.deciders == (Role.CUSTOMER_DEPARTMENT_MANAGER,)
    assert not s.reclaimable
    assert s.holding.holder == "S1"  # nothing moves
    assert "the customer department manager decides between re-assignment and re-declaration" in (
        explain(s, "en")
    )
    assert "由客户部经理根据情况确定调整或者重新申报" in explain(s, "zh")


def test_two_months_from_the_end_of_a_month_end_on_the_last_day_of_the_month() -> None:
    check = status(held(declared=day("2025-12-31")), day("2026-02-28")).protection
    assert check is not None
    assert check.ends == day("2026-02-28")
    assert check.state is ProtectionState.WARNING


def test_the_other_reading_counts_from_the_report_and_the_rule_can_be_off() -> None:
    h = held(declared=JAN15, declared_in_report=day("2026-01-19"))
    report = AllocationPolicy(protection={"start": "report"})
    check = status(h, day("2026-03-16"), report).protection
    assert check is not None
    assert check.ends == day("2026-03-19")
    assert check.state is ProtectionState.WARNING
    off = AllocationPolicy(protection={"enabled": False})
    assert status(h, day("2026-03-16"), off).protection is None
    assert status(held(), day("2026-03-16")).protection is None  # not declared


# --------------------------------------------------------------------------- A9 idle reclaim


@pytest.mark.parametrize(
    ("first", "state"),
    [
        ("2026-01-15", IdleState.ACTIVE),
        # "两个月时间内": an action on 2026-03-15 is within two months of 2026-01-15
        ("2026-03-15", IdleState.ACTIVE),
        ("2026-03-16", IdleState.RECLAIMABLE),
    ],
)
def test_a_sales_action_within_two_months_of_receipt(first: str, state: IdleState) -> None:
    s = status(held(first_action=day(first), last_action=day(first)), day("2026-03-20"))
    assert s.idle is not None
    assert s.idle.state is state
    assert s.reclaimable is (state is IdleState.RECLAIMABLE)


@pytest.mark.parametrize(
    ("on", "state", "left"),
    [
        ("2026-03-07", IdleState.WATCH, 8),
        ("2026-03-08", IdleState.WARNING, 7),
        ("2026-03-15", IdleState.WARNING, 0),
        ("2026-03-16", IdleState.RECLAIMABLE, None),
    ],
)
def test_no_sales_action_two_months_after_receipt_is_reclaimable(
    on: str, state: IdleState, left: int | None
) -> None:
    s = status(held(), day(on))
    assert s.idle is not None
    assert s.idle.state is state
    assert s.idle.deadline == day("2026-03-15")
    assert s.idle.reclaim_from == day("2026-03-16")
    assert s.idle.days_left == left


def test_reclaimable_means_the_marketing_director_decides_never_a_move() -> None:
    s = status(held(), day("2026-03-16"))
    assert s.reclaimable
    assert s.deciders == (Role.MARKETING_DIRECTOR,)
    assert s.holding == held()  # the holding is what it was: nothing moved
    assert explain(s, "en") == (
        "[A9] no sales action within 2 months of receipt on 2026-01-15 (by 2026-03-15):"
        " reclaimable for another manager — the marketing director decides"
    )
    assert "可收回改派其他客户经理,由市场总监决定" in explain(s, "zh")


def test_a_late_first_action_does_not_undo_the_two_months() -> None:
    s = status(held(first_action=day("2026-04-01")), day("2026-04-10"))
    assert s.idle is not None
    assert s.idle.state is IdleState.RECLAIMABLE
    assert [str(r.code) for r in s.reasons] == ["A9.reclaimable.late"]


def test_only_the_last_action_known_stands_for_the_first() -> None:
    s = status(held(last_action=day("2026-02-01")), day("2026-06-01"))
    assert s.idle is not None
    assert s.idle.state is IdleState.ACTIVE


def test_the_other_reading_any_two_months_without_an_action() -> None:
    policy = AllocationPolicy(idle={"reading": "since_last_action"})
    h = held(first_action=day("2026-01-20"), last_action=day("2026-04-10"))
    check = status(h, day("2026-06-10"), policy).idle
    assert check is not None
    assert check.reading is IdleReading.SINCE_LAST_ACTION
    assert check.since == day("2026-04-10")
    assert check.state is IdleState.WARNING
    check = status(h, day("2026-06-11"), policy).idle
    assert check is not None
    assert check.state is IdleState.RECLAIMABLE
    # the default reading: an action within two months of receipt, A9 does not apply
    assert status(h, day("2026-06-11")).idle.state is IdleState.ACTIVE  # type: ignore[union-attr]


def test_the_actions_are_read_with_the_summary_dates() -> None:
    h = held()
    actions = [
        SalesAction("C1", day("2026-03-15"), by="S2"),  # someone else's: not the holder's
        SalesAction("C2", day("2026-02-01")),  # another customer
        SalesAction("C1", day("2026-01-10")),  # before receipt
        SalesAction("C1", day("2026-09-01")),  # after the day asked: not yet
    ]
    s = holding_status(h, SEED, on=day("2026-03-20"), actions=actions)
    assert s.idle is not None
    assert s.idle.state is IdleState.RECLAIMABLE
    mine = [SalesAction("C1", day("2026-03-15"), ActionKind.OPPORTUNITY, by="S1")]
    s = holding_status(h, SEED, on=day("2026-03-20"), actions=mine)
    assert s.idle.state is IdleState.ACTIVE  # type: ignore[union-attr]


# --------------------------------------------------------------------------- A8 window


@pytest.mark.parametrize(
    ("signed", "on", "state"),
    [
        (None, "2026-06-09", WindowState.OPEN),
        (None, "2026-06-10", WindowState.WARNING),  # 30 days before [default]
        # "6个月内": the window of a 2026-01-10 registration ends on 2026-07-10, included
        (None, "2026-07-10", WindowState.WARNING),
        (None, "2026-07-11", WindowState.REVIEW),
        ("2026-07-10", "2026-07-20", WindowState.SUCCEEDED),
        ("2026-07-11", "2026-07-20", WindowState.REVIEW),
    ],
)
def test_success_within_six_months_of_registration_credits_the_salesperson(
    signed: str | None, on: str, state: WindowState
) -> None:
    h = held(registered=day("2026-01-10"), signed=day(signed) if signed else None)
    check = status(h, day(on)).window
    assert check is not None
    assert check.deadline == day("2026-07-10")
    assert check.state is state


def test_after_the_window_a_review_meeting_decides() -> None:
    s = status(held(registered=day("2026-01-10"), first_action=JAN15), day("2026-07-11"))
    assert s.deciders == (Role.GENERAL_MANAGER,)
    text = explain(s, "en")
    assert "a review meeting (general manager) adjusts the resource" in text
    assert "the salesperson may state the problems met; the window may be extended" in text
    late = held(registered=day("2026-01-10"), signed=day("2026-07-11"), first_action=JAN15)
    assert [str(r.code) for r in status(late, day("2026-07-20")).reasons] == [
        "A8.review.late",
        "A9.active",
    ]


def extension(
    months: int, granted: bool = True, by: Role = Role.GENERAL_MANAGER
) -> WindowExtension:
    table = SEED.window.extension
    case = start(table, subject="C1")
    asked = apply(
        table,
        case,
        "request",
        by=Approval("S1", Role.SALESPERSON, "A8.request", day("2026-07-11")),
        on=day("2026-07-11"),
    )
    records: list[EventRecord] = [asked.record]  # type: ignore[list-item]
    if granted:
        signoff = Approval("赵总", by, EXTEND, day("2026-07-12"))
        done = apply(table, asked.after, "grant", by=signoff, on=day("2026-07-12"))
        assert done.record is not None
        records.append(done.record)
    return WindowExtension(months, records)


def test_a_granted_extension_adds_its_months() -> None:
    h = held(registered=day("2026-01-10"), extensions=[extension(3), extension(2, granted=False)])
    check = status(h, day("2026-07-20")).window
    assert check is not None
    assert check.months == 9
    assert check.deadline == day("2026-10-10")
    assert check.state is WindowState.OPEN
    assert check.extensions == (extension(3),)
    assert "extended by 3 month(s) on review (赵总, general manager, 2026-07-12)" in explain(
        check, "en"
    )


def test_an_extension_whose_steps_do_not_replay_is_refused_naming_it() -> None:
    wrong = extension(3)
    record = attrs.evolve(wrong.records[1], by=Approval("赵总", Role.SALES_MANAGER, EXTEND, JAN15))
    bad = held(
        registered=day("2026-01-10"), extensions=[WindowExtension(3, [wrong.records[0], record])]
    )
    with pytest.raises(InputError) as caught:
        reclaimable([held(), bad], [], SEED, on=day("2026-07-20"))
    assert caught.value.field.startswith("holdings[1].extensions[0].records[1]")


def test_the_window_may_start_from_a_separate_application_and_may_be_off() -> None:
    h = held(registered=day("2026-01-10"), applied=day("2026-02-01"))
    policy = AllocationPolicy(window={"start": "application"})
    assert status(h, day("2026-07-20"), policy).window.deadline == day("2026-08-01")  # type: ignore[union-attr]
    off = AllocationPolicy(window={"enabled": False})
    assert status(h, day("2026-07-20"), off).window is None


def test_the_reviewing_roles_follow_into_the_seed_extension_table() -> None:
    policy = AllocationPolicy(window={"reviewing_roles": ["chairman"]})
    move = policy.window.extension.transition("requested", "grant")
    assert move is not None
    assert move.roles == frozenset({Role.CHAIRMAN})
    with pytest.raises(PolicyError):
        AllocationPolicy(window={"extension": SEED.pool.table})


# --------------------------------------------------------------------------- the public pool


def test_the_pool_is_off_in_the_seed_book() -> None:
    assert not SEED.pool.enabled
    assert status(held(), day("2026-06-01")).pool is None


def test_a_holding_never_followed_up_counts_from_its_assignment_never_reclaim_now() -> None:
    fresh = status(held(received=day("2026-06-01")), day("2026-06-01"), POOL).pool
    assert fresh is not None
    assert fresh.stage is LadderStage.WATCH
    assert fresh.kind is ReclaimKind.NO_FOLLOW_UP
    assert fresh.since == day("2026-06-01")
    assert fresh.due == day("2026-07-01")  # 30 days [default example]
    assert fresh.reclaim_on == day("2026-07-02")


@pytest.mark.parametrize(
    ("on", "stage"),
    [
        ("2026-03-02", LadderStage.WATCH),
        ("2026-03-03", LadderStage.REMIND),  # 7 days before the last day
        ("2026-03-06", LadderStage.REMIND),
        ("2026-03-07", LadderStage.COPY_MANAGER),  # 3 days before
        ("2026-03-10", LadderStage.COPY_MANAGER),
        ("2026-03-11", LadderStage.RECLAIM),
    ],
)
def test_the_warning_ladder_reminds_then_copies_the_manager_then_reclaims(
    on: str, stage: LadderStage
) -> None:
    # the last follow-up on 2026-02-08 restarts the 30 days: act by 2026-03-10
    h = held(first_action=day("2026-02-08"), last_action=day("2026-02-08"))
    check = status(h, day(on), POOL).pool
    assert check is not None
    assert check.since == day("2026-02-08")
    assert check.due == day("2026-03-10")
    assert check.stage is stage


def test_the_no_deal_rule_an_open_opportunity_does_not_exempt() -> None:
    policy = AllocationPolicy(pool={"enabled": True, "rules": [{"kind": "no_deal", "days": 90}]})
    opportunity = [SalesAction("C1", day("2026-04-01"), ActionKind.OPPORTUNITY)]
    s = holding_status(held(), policy, on=day("2026-04-16"), actions=opportunity)
    assert s.pool is not None
    assert s.pool.kind is ReclaimKind.NO_DEAL
    assert s.pool.due == day("2026-04-15")
    assert s.pool.stage is LadderStage.RECLAIM
    # a deal since assignment meets it; the dealt exemption off, the rule is simply met
    deal = [SalesAction("C1", day("2026-04-01"), ActionKind.DEAL)]
    kept = AllocationPolicy(
        pool={"enabled": True, "exempt_dealt": False, "rules": [{"kind": "no_deal", "days": 90}]}
    )
    s = holding_status(held(), kept, on=day("2026-04-16"), actions=deal)
    assert s.pool is not None
    assert s.pool.stage is LadderStage.CLEAR
    # a deal before assignment is no deal since assignment
    old = held(last_deal=day("2025-12-01"))
    assert status(old, day("2026-04-16"), kept).pool.stage is LadderStage.RECLAIM  # type: ignore[union-attr]


def test_locked_and_dealt_customers_are_exempt() -> None:
    locked = status(held(locked=True), day("2026-06-01"), POOL)
    assert locked.pool is not None
    assert locked.pool.stage is LadderStage.EXEMPT
    assert not locked.reclaimable or locked.idle.state is IdleState.RECLAIMABLE  # type: ignore[union-attr]
    assert "locked" in explain(locked.pool, "en")
    dealt = status(held(last_deal=day("2025-05-01")), day("2026-06-01"), POOL).pool
    assert dealt is not None
    assert dealt.stage is LadderStage.EXEMPT
    assert dealt.last_deal == day("2025-05-01")


@pytest.mark.parametrize(
    ("grade", "lead_type", "days"),
    [
        (None, None, 30),
        (Grade.A, None, 60),
        (Grade.B, DealSizeType.A, 45),  # graded: the grade decides
        (Grade.C, DealSizeType.A, 30),  # grade C has no row: the rule's days
        (None, DealSizeType.A, 45),  # not graded: the lead type decides
        (None, DealSizeType.B, 30),
    ],
)
def test_durations_per_class_grade_where_graded_else_lead_type(
    grade: Grade | None, lead_type: DealSizeType | None, days: int
) -> None:
    check = status(held(grade=grade, lead_type=lead_type), day("2026-01-20"), POOL).pool
    assert check is not None
    assert check.days == days
    assert check.due == JAN15 + dt.timedelta(days=days)


def test_the_ladder_counts_on_the_policy_calendar_by_the_day_in_shanghai() -> None:
    calendar = WorkingDayCalendar(covered_years=frozenset({2026}))
    policy = AllocationPolicy(
        pool={
            "enabled": True,
            "mode": "working_days",
            "rules": [{"kind": "no_follow_up", "days": 5}],
        }
    )
    friday = day("2026-01-16")
    check = holding_status(held(received=friday), policy, on=friday, calendar=calendar).pool
    assert check is not None
    assert check.mode is DeadlineMode.WORKING_DAYS
    assert check.due == day("2026-01-23")  # five working days after a Friday
    assert check.remind_on == day("2026-01-14")  # seven working days before it
    assert check.copy_on == day("2026-01-20")
    # 2026-01-23T17:00Z is already 2026-01-24 in Asia/Shanghai: past the last day
    moment = dt.datetime(2026, 1, 23, 17, 0, tzinfo=dt.UTC)
    late = holding_status(held(received=friday), policy, on=moment, calendar=calendar)
    assert late.on == day("2026-01-24")
    assert late.pool.stage is LadderStage.RECLAIM  # type: ignore[union-attr]


def test_pool_policy_checks() -> None:
    with pytest.raises(PolicyError) as caught:
        AllocationPolicy(pool={"remind_days": 2, "copy_days": 3})
    assert caught.value.problems[0].path == "pool.copy_days"
    with pytest.raises(PolicyError):
        AllocationPolicy(
            pool={"rules": [{"kind": "no_deal", "days": 9}, {"kind": "no_deal", "days": 5}]}
        )
    with pytest.raises(PolicyError):
        AllocationPolicy(pool={"rules": [{"kind": "no_deal", "days": 9, "classes": [{"days": 3}]}]})


# --------------------------------------------------------------------------- reclaimable


def test_reclaimable_says_what_when_and_why_for_each_holding_in_order() -> None:
    items = [
        held(customer="C1"),
        held(customer="C2", first_action=day("2026-02-01")),
        Holding("C3", pool_entered=day("2026-01-01")),
    ]
    report = reclaimable(items, [], SEED, on=day("2026-03-16"))
    assert [s.holding.customer for s in report.items] == ["C1", "C2", "C3"]
    assert [s.holding.customer for s in report.due] == ["C1"]
    assert report.items[2].idle is None  # in the pool: nothing to reclaim
    assert explain(report, "en") == (
        "[A9] as of 2026-03-16: 3 holding(s), 1 reclaimable or due back to the pool,"
        " 0 warning(s), 1 awaiting a decision"
    )
    assert report.items == tuple(holding_status(h, SEED, on=day("2026-03-16")) for h in items)


def test_a_date_after_the_day_asked_is_refused_naming_the_holding() -> None:
    with pytest.raises(InputError) as caught:
        reclaimable([held(), held(declared=day("2026-04-01"))], [], SEED, on=day("2026-03-16"))
    assert caught.value.field == "holdings[1].declared"
    with pytest.raises(InputError) as caught:
        reclaimable([held(), "C2"], [], SEED, on=day("2026-03-16"))  # type: ignore[list-item]
    assert caught.value.field == "holdings[1]"
    with pytest.raises(InputError) as caught:
        reclaimable([held()], ["x"], SEED, on=day("2026-03-16"))  # type: ignore[list-item]
    assert caught.value.field == "actions[0]"
    with pytest.raises(InputError) as caught:
        reclaimable([held()], [], SEED, on=dt.datetime(2026, 3, 16))
    assert caught.value.field == "on"


@pytest.mark.parametrize(
    ("more", "field"),
    [
        ({"received": None}, "received"),  # held, so it was received
        ({"first_action": day("2026-01-14")}, "first_action"),  # before receipt
        ({"first_action": day("2026-02-02"), "last_action": day("2026-02-01")}, "last_action"),
        ({"version": -1}, "version"),
        ({"holder": " "}, "holder"),
        ({"locked": "yes"}, "locked"),
    ],
)
def test_a_holding_that_cannot_be_right_is_refused_naming_the_field(
    more: dict[str, object], field: str
) -> None:
    with pytest.raises(InputError) as caught:
        held(**more)
    assert caught.value.field == field


# --------------------------------------------------------------------------- claims

AT = dt.datetime(2026, 5, 6, 10, 0, tzinfo=SHANGHAI)
FREE = Holding("C9", pool_entered=day("2026-05-01"), version=3, previous_holder="S1")


def test_claiming_is_off_in_the_seed_book() -> None:
    d = claim(FREE, Salesperson("S2"), [], [], SEED, at=AT)
    assert d.outcome is ClaimOutcome.POOL_OFF
    assert "the marketing director allocates every customer resource" in explain(d, "en")


def test_a_granted_claim_carries_the_version_it_was_decided_on() -> None:
    d = claim(FREE, Salesperson("S2"), [], [], POOL, at=AT)
    assert d.granted
    assert d.version == 3
    assert d.after == attrs.evolve(
        FREE, holder="S2", received=day("2026-05-06"), version=4, pool_entered=None
    )
    assert d.record is not None
    assert (d.record.event, d.record.seq, d.record.before, d.record.after) == (
        "claim",
        4,
        "pool",
        "held",
    )
    assert replay(POOL.pool.table, holding_case(FREE, POOL), [d.record]) == Case(
        "A9.holding", "held", "C9", 4, "S2", day("2026-05-06")
    )
    assert holding_case(d.after, POOL).seq == d.after.version  # type: ignore[arg-type]
    assert from_data(ClaimDecision, to_data(d, lang="en"), policy=POOL) == d
    refused = claim(FREE, Salesperson("S1"), [], [], POOL, at=AT)
    assert from_data(ClaimDecision, to_data(refused), policy=POOL) == refused


@pytest.mark.parametrize(
    ("entered", "outcome"),
    [
        # the embargo counts from the entry into the pool (1 day [default example])
        ("2026-05-06", ClaimOutcome.EMBARGO),
        ("2026-05-05", ClaimOutcome.GRANTED),
    ],
)
def test_an_embargo_on_customers_new_to_the_pool(entered: str, outcome: ClaimOutcome) -> None:
    fresh = Holding("C9", pool_entered=day(entered))
    d = claim(fresh, Salesperson("S2"), [], [], POOL, at=AT)
    assert d.outcome is outcome
    if outcome is ClaimOutcome.EMBARGO:
        assert d.until == day("2026-05-07")


@pytest.mark.parametrize(
    ("on", "outcome"),
    [("2026-05-30", ClaimOutcome.COOLDOWN), ("2026-05-31", ClaimOutcome.GRANTED)],
)
def test_the_previous_holder_waits_out_the_cooldown(on: str, outcome: ClaimOutcome) -> None:
    at = dt.datetime.combine(day(on), dt.time(9), tzinfo=SHANGHAI)
    assert claim(FREE, Salesperson("S1"), [], [], POOL, at=at).outcome is outcome
    assert claim(FREE, Salesperson("S2"), [], [], POOL, at=at).outcome is ClaimOutcome.GRANTED


def test_the_cap_on_customers_held_counts_dealt_customers_or_not() -> None:
    mine = [held(customer=f"X{i}", holder="S2") for i in range(49)]
    dealt = held(customer="X49", holder="S2", last_deal=day("2026-01-01"))
    theirs = held(customer="Y1", holder="S3")
    d = claim(FREE, Salesperson("S2"), [*mine, dealt, theirs], [], POOL, at=AT)
    assert d.outcome is ClaimOutcome.GRANTED  # 49 counted: the dealt one is not [default]
    counting = AllocationPolicy(pool={"enabled": True, "count_dealt": True})
    d = claim(FREE, Salesperson("S2"), [*mine, dealt], [], counting, at=AT)
    assert d.outcome is ClaimOutcome.HELD_CAP
    assert (d.count, d.limit) == (50, 50)


def _claims_of(who: str, on: dt.date, count: int) -> list[EventRecord]:
    table = POOL.pool.table
    records = []
    for i in range(count):
        case = holding_case(Holding(f"P{i}", pool_entered=day("2026-01-01")), POOL)
        step = apply(
            table, case, "claim", by=Approval(who, Role.SALESPERSON, "A9.claim", on), on=on
        )
        assert step.record is not None
        records.append(step.record)
    return records


def test_the_daily_cap_counts_the_claims_made_that_day_released_or_not() -> None:
    today = day("2026-05-06")
    nine = _claims_of("S2", today, 9)
    # a claim later released still counts: its claim record stays
    released = apply(
        POOL.pool.table,
        holding_case(Holding("P0", "S2", today, version=1), POOL),
        "release",
        by=Approval("S2", Role.SALESPERSON, "A9.release", today),
        on=today,
    ).record
    others = [*_claims_of("S3", today, 5), *_claims_of("S2", day("2026-05-05"), 5)]
    d = claim(FREE, Salesperson("S2"), [], [*nine, released, *others], POOL, at=AT)
    assert d.outcome is ClaimOutcome.GRANTED  # nine that day: under the cap of 10
    ten = [*nine, *_claims_of("S2", today, 1)]
    d = claim(FREE, Salesperson("S2"), [], ten, POOL, at=AT)
    assert d.outcome is ClaimOutcome.DAILY_CAP
    assert (d.count, d.limit) == (10, 10)
    # a refused claim leaves no record, so it never counts
    refused = claim(Holding("P9", pool_entered=today), Salesperson("S2"), [], [], POOL, at=AT)
    assert refused.record is None


def test_the_day_of_a_claim_is_the_day_in_shanghai() -> None:
    late_utc = dt.datetime(2026, 5, 5, 17, 0, tzinfo=dt.UTC)  # 01:00 on 2026-05-06 in Shanghai
    records = _claims_of("S2", day("2026-05-06"), 10)
    d = claim(FREE, Salesperson("S2"), [], records, POOL, at=late_utc)
    assert d.on == day("2026-05-06")
    assert d.outcome is ClaimOutcome.DAILY_CAP


def test_claims_refused_for_who_claims_and_what() -> None:
    assert claim(held(), Salesperson("S2"), [], [], POOL, at=AT).outcome is ClaimOutcome.NOT_IN_POOL
    away = Salesperson("S2", status=PersonStatus.ON_LEAVE)
    assert claim(FREE, away, [], [], POOL, at=AT).outcome is ClaimOutcome.NOT_ACTIVE
    admin = Salesperson("S2", role=Role.SALES_ADMIN)
    d = claim(FREE, admin, [], [], POOL, at=AT)
    assert d.outcome is ClaimOutcome.REFUSED
    assert "may not take 'claim' (needs: salesperson)" in explain(d, "en")
    early = dt.datetime(2026, 4, 30, 10, tzinfo=SHANGHAI)  # before it entered the pool
    assert claim(FREE, Salesperson("S2"), [], [], POOL, at=early).outcome is ClaimOutcome.EMBARGO
    no_embargo = AllocationPolicy(pool={"enabled": True, "embargo_days": 0})
    d = claim(FREE, Salesperson("S2"), [], [], no_embargo, at=early)
    assert d.outcome is ClaimOutcome.REFUSED  # the pool table refuses a step dated earlier
    assert "is before the previous step on 2026-05-01" in explain(d, "en")


def test_two_claims_decided_on_the_same_version_never_both_apply_in_memory() -> None:
    mine = claim(FREE, Salesperson("S2"), [], [], POOL, at=AT)
    yours = claim(FREE, Salesperson("S3"), [], [], POOL, at=AT)
    won = apply_claim(FREE, mine)
    assert won is not None
    assert won.holder == "S2"
    assert apply_claim(won, yours) is None
    assert apply_claim(won, mine) is None  # nor the same one twice
    with pytest.raises(InputError) as caught:
        apply_claim(held(), mine)
    assert caught.value.field == "decision.holding.customer"


def _table(connection: sqlite3.Connection, holding: Holding) -> None:
    connection.execute(
        "CREATE TABLE holdings (customer TEXT PRIMARY KEY, holder TEXT, received TEXT,"
        " version INTEGER NOT NULL)"
    )
    connection.execute(
        "INSERT INTO holdings VALUES (?, ?, ?, ?)",
        (holding.customer, holding.holder, None, holding.version),
    )


def _apply(connection: sqlite3.Connection, decision: ClaimDecision) -> bool:
    """The host's compare-and-set, as docs/allocation.md shows it."""
    after = decision.after
    assert after is not None
    cursor = connection.execute(
        "UPDATE holdings SET holder = ?, received = ?, version = ?"
        " WHERE customer = ? AND version = ? AND holder IS NULL",
        (after.holder, after.received.isoformat(), after.version, after.customer, decision.version),  # type: ignore[union-attr]
    )
    return cursor.rowcount == 1


def test_two_claims_decided_on_the_same_version_never_both_apply_in_sqlite() -> None:
    connection = sqlite3.connect(":memory:")
    _table(connection, FREE)
    mine = claim(FREE, Salesperson("S2"), [], [], POOL, at=AT)
    yours = claim(FREE, Salesperson("S3"), [], [], POOL, at=AT)
    assert _apply(connection, mine)
    assert not _apply(connection, yours)
    assert connection.execute("SELECT holder, version FROM holdings").fetchall() == [("S2", 4)]


@given(
    st.lists(st.sampled_from(["S2", "S3", "S4", "S5"]), min_size=2, max_size=6),
    st.randoms(use_true_random=False),
)
def test_of_claims_decided_on_one_version_exactly_one_applies(
    claimants: list[str], order: object
) -> None:
    decisions = [claim(FREE, Salesperson(who), [], [], POOL, at=AT) for who in claimants]
    order.shuffle(decisions)  # type: ignore[attr-defined]
    connection = sqlite3.connect(":memory:")
    _table(connection, FREE)
    current: Holding | None = FREE
    applied_memory = applied_sql = 0
    for decision in decisions:
        after = apply_claim(current, decision) if current is not None else None
        if after is not None:
            current, applied_memory = after, applied_memory + 1
        applied_sql += _apply(connection, decision)
    assert applied_memory == applied_sql == 1


# --------------------------------------------------------------------------- properties


def _deadlines(s: HoldingStatus) -> list[tuple[dt.date, dt.date]]:
    found = []
    if s.protection is not None:
        found.append((s.protection.start, s.protection.ends))
    if s.window is not None:
        found.append((s.window.start, s.window.deadline))
    if s.idle is not None:
        found.append((s.idle.since, s.idle.deadline))
    if s.pool is not None and s.pool.due is not None and s.pool.since is not None:
        found.append((s.pool.since, s.pool.due))
    return found


_POLICIES = st.sampled_from(
    [
        SEED,
        POOL,
        AllocationPolicy(idle={"reading": "since_last_action"}),
        AllocationPolicy(window={"start": "application"}, protection={"start": "report"}),
    ]
)


@given(st.lists(holdings(), max_size=8), st.lists(sales_actions(), max_size=6), _POLICIES)
def test_every_deadline_is_after_its_start_and_the_batch_agrees_with_each(
    items: list[Holding], actions: list[SalesAction], policy: AllocationPolicy
) -> None:
    on = dt.date(2026, 12, 31)
    report = reclaimable(items, actions, policy, on=on)
    assert len(report.items) == len(items)
    for h, s in zip(items, report.items, strict=True):
        assert s.holding is h
        for begun, due in _deadlines(s):
            assert due > begun
        assert s == holding_status(h, policy, on=on, actions=actions)
        assert all(r.rule in ("A8", "A9", "A10") for r in s.reasons)
        if s.reclaimable:
            assert (s.idle is not None and s.idle.state is IdleState.RECLAIMABLE) or (
                s.pool is not None and s.pool.stage is LadderStage.RECLAIM
            )


@given(holdings(on=dt.date(2026, 6, 30)), st.integers(0, 400), st.integers(0, 400))
def test_once_reclaimable_a_holding_stays_reclaimable_as_days_pass(
    holding: Holding, a: int, b: int
) -> None:
    first, later = sorted((a, b))
    start_day = dt.date(2026, 6, 30)
    before = status(holding, start_day + dt.timedelta(days=first))
    after = status(holding, start_day + dt.timedelta(days=later))
    if before.idle is not None and before.idle.state is IdleState.RECLAIMABLE:
        assert after.idle is not None
        assert after.idle.state is IdleState.RECLAIMABLE
    if before.protection is not None and before.protection.state is ProtectionState.ENDED:
        assert after.protection is not None
        assert after.protection.state is ProtectionState.ENDED


@given(st.lists(holdings(), max_size=4), _POLICIES)
def test_results_round_trip_through_plain_data(
    items: list[Holding], policy: AllocationPolicy
) -> None:
    report = reclaimable(items, [], policy, on=dt.date(2026, 12, 31))
    assert from_data(ReclaimReport, to_data(report, lang="zh"), policy=policy) == report
    for h in items:
        assert from_data(Holding, to_data(h)) == h


# --------------------------------------------------------------------------- the ladder's dates


@attrs.frozen
class _OpenFrom:
    """A calendar whose working days are ``start`` on, and the days of ``also`` before it."""

    start: dt.date
    also: frozenset[dt.date] = frozenset()

    def is_working_day(self, day: dt.date) -> bool:
        return day >= self.start or day in self.also

    def covers(self, day: dt.date) -> bool:
        return True


def _pool(mode: str, days: int, **more: object) -> AllocationPolicy:
    settings: dict[str, object] = {
        "enabled": True,
        "mode": mode,
        "rules": [{"kind": "no_follow_up", "days": days}],
    }
    settings.update(more)
    return AllocationPolicy(pool=settings)


@pytest.mark.parametrize(
    ("copy_days", "copy_on"),
    [(0, "2026-02-14"), (1, "2026-02-13"), (2, "2026-02-12")],
)
def test_the_manager_is_copied_the_days_before_the_last_day_one_day_included(
    copy_days: int, copy_on: str
) -> None:
    """A9 pool ladder: ``copy_days`` before the last day, counted back (1 day is the eve)."""
    check = status(held(), JAN15, _pool("calendar_days", 30, copy_days=copy_days)).pool
    assert check is not None
    assert check.due == day("2026-02-14")
    assert check.remind_on == day("2026-02-07")
    assert check.copy_on == day(copy_on)


@pytest.mark.parametrize(
    ("mode", "remind_on", "copy_on"),
    [
        # due Wednesday 2026-01-21: 3 days before is Sunday 2026-01-18
        ("calendar_days", "2026-01-14", "2026-01-18"),
        ("calendar_then_roll", "2026-01-14", "2026-01-16"),  # rolled back to Friday
        ("working_days", "2026-01-12", "2026-01-16"),
    ],
)
def test_a_warning_on_a_rest_day_is_rolled_back_only_in_the_rolling_mode(
    mode: str, remind_on: str, copy_on: str
) -> None:
    """A9 pool ladder: in ``calendar_then_roll`` a warning day off work moves to the working day
    before it; counted in calendar days it stays where it falls."""
    calendar = WorkingDayCalendar(covered_years=frozenset({2026}))
    policy = _pool(mode, 5 if mode != "working_days" else 3)
    friday = day("2026-01-16")
    check = holding_status(held(received=friday), policy, on=friday, calendar=calendar).pool
    assert check is not None
    assert check.due == day("2026-01-21")
    assert (check.remind_on, check.copy_on) == (day(remind_on), day(copy_on))


_SCAN_DAYS = 3 * 366  # how far back a warning day is looked for


@pytest.mark.parametrize(
    ("mode", "back"),
    [
        # the second working day before 2026-01-16 is the one found on the last day scanned
        ("working_days", 1097),
        # 2026-01-14 is off work: rolled back, the working day found on the last day scanned
        ("calendar_then_roll", 1 + _SCAN_DAYS),
    ],
)
def test_a_warning_day_is_looked_for_as_far_back_as_the_scan_goes(mode: str, back: int) -> None:
    """A9 pool ladder: the remind day counted back finds a working day up to three years back."""
    far = JAN15 - dt.timedelta(days=back)
    calendar = _OpenFrom(JAN15, frozenset({far}))
    policy = _pool(mode, 1, remind_days=2, copy_days=1)
    check = holding_status(held(), policy, on=JAN15, calendar=calendar).pool
    assert check is not None
    assert (check.due, check.remind_on, check.copy_on) == (day("2026-01-16"), far, JAN15)


@pytest.mark.parametrize("mode", ["working_days", "calendar_then_roll"])
def test_a_calendar_without_working_days_before_the_last_day_is_refused(mode: str) -> None:
    """A9 pool ladder: no working day to warn on within the scan names the calendar."""
    calendar = _OpenFrom(JAN15)
    policy = _pool(mode, 1, remind_days=2, copy_days=1)
    assert problems_of(lambda: holding_status(held(), policy, on=JAN15, calendar=calendar)) == [
        ("calendar", "a _OpenFrom", "a calendar with working days before 2026-01-16")
    ]


# --------------------------------------------------------------------------- reclaimable, a batch


def test_reclaimable_refuses_what_is_not_a_list_of_holdings() -> None:
    """A8–A10 batch: the holdings argument and each item are checked, naming them."""
    assert problems_of(lambda: reclaimable("C1", [], SEED, on=JAN15)) == [  # type: ignore[arg-type]
        ("holdings", "'C1'", "a list of Holding")
    ]
    assert problems_of(lambda: reclaimable(5, [], SEED, on=JAN15)) == [  # type: ignore[arg-type]
        ("holdings", 5, "a list of Holding")
    ]
    assert problems_of(lambda: reclaimable([held(), "C2"], [], SEED, on=JAN15)) == [  # type: ignore[list-item]
        ("holdings[1]", "'C2'", "a Holding")
    ]


class _MyHolding(Holding):
    """A host's own kind of holding."""


def test_reclaimable_takes_a_holding_of_a_subclass() -> None:
    """A9 batch: a subclass of Holding is a Holding."""
    mine = _MyHolding("C1", "S1", JAN15)
    report = reclaimable([mine], [], SEED, on=day("2026-03-16"))
    assert report.items[0].holding is mine
    assert report.items[0].idle.state is IdleState.RECLAIMABLE  # type: ignore[union-attr]


_BOTH = held(
    registered=day("2026-01-10"),
    applied=day("2026-02-01"),
    declared=JAN15,
    declared_in_report=day("2026-01-19"),
    first_action=day("2026-01-20"),
    last_action=day("2026-04-10"),
)
_PLAIN = held(  # the seed's readings' dates only: the common case
    registered=day("2026-01-10"),
    declared=JAN15,
    first_action=day("2026-01-20"),
    last_action=day("2026-04-10"),
)


@pytest.mark.parametrize(
    ("settings", "on", "facts"),
    [
        ({"window": {"start": "application"}}, "2026-07-20", ("window", "2026-08-01")),
        ({"window": {"enabled": False}}, "2026-07-20", ("window", None)),
        ({"protection": {"start": "report"}}, "2026-04-20", ("protection", "2026-03-19")),
        ({"protection": {"enabled": False}}, "2026-04-20", ("protection", None)),
        ({"idle": {"reading": "since_last_action"}}, "2026-06-11", ("idle", "2026-06-10")),
        ({"idle": {"enabled": False}}, "2026-06-11", ("idle", None)),
    ],
)
def test_reclaimable_reads_each_holding_as_holding_status_does_under_every_reading(
    settings: dict[str, object], on: str, facts: tuple[str, str | None]
) -> None:
    """A8 (window from the application), A10 (protection from the report), A9 (two months from
    the last action), and each rule off: the batch gives what one holding at a time gives."""
    policy = AllocationPolicy(**settings)  # type: ignore[arg-type]
    items = (_BOTH, _PLAIN, held())
    report = reclaimable(items, [], policy, on=day(on))
    assert report.items == tuple(holding_status(h, policy, on=day(on)) for h in items)
    check = getattr(report.items[0], facts[0])
    if facts[1] is None:
        assert check is None
    else:
        last = check.deadline if facts[0] != "protection" else check.ends
        assert last == day(facts[1])


@pytest.mark.parametrize(
    ("signed", "state"),
    [
        ("2026-01-10", WindowState.SUCCEEDED),  # signed the day it was registered
        ("2026-01-09", WindowState.REVIEW),  # signed before the window: not its success
    ],
)
def test_reclaimable_counts_a_signature_from_the_day_of_registration(
    signed: str, state: WindowState
) -> None:
    """A8 batch: a success on the registration day is within the window; one before is not."""
    h = held(registered=day("2026-01-10"), signed=day(signed), first_action=JAN15)
    check = reclaimable([h], [], SEED, on=day("2026-07-20")).items[0].window
    assert check is not None
    assert check.state is state
    assert check.signed == (day(signed) if state is WindowState.SUCCEEDED else None)


def test_reclaimable_lets_the_last_action_stand_for_an_unknown_first() -> None:
    """A9 batch: only the last action known, it is the action within two months."""
    report = reclaimable([held(last_action=day("2026-02-01"))], [], SEED, on=day("2026-06-01"))
    check = report.items[0].idle
    assert check is not None
    assert (check.state, check.first) == (IdleState.ACTIVE, day("2026-02-01"))


def test_reclaimable_names_the_book_in_force() -> None:
    """G6: the report and each status name the effective date of the book that decided."""
    policy = AllocationPolicy(version="2026", effective=day("2026-01-01"))
    report = reclaimable([held()], [], policy, on=day("2026-03-16"))
    assert report.policy_effective == day("2026-01-01")
    assert report.items[0].policy_effective == day("2026-01-01")
    assert report.policy_version == "2026"


def test_reclaimable_under_the_other_reading_keeps_each_holdings_last_action() -> None:
    """A9 (two months from the last action), in a batch: one holding's last action being
    another's first does not lend it the other's two months."""
    policy = AllocationPolicy(idle={"reading": "since_last_action"})
    a = held(customer="A", first_action=day("2026-01-20"), last_action=day("2026-02-01"))
    b = held(customer="B", first_action=day("2026-02-01"), last_action=day("2026-03-01"))
    report = reclaimable([a, b], [], policy, on=day("2026-04-15"))
    checks = [s.idle for s in report.items]
    assert [(c.since, c.deadline, c.state) for c in checks if c is not None] == [
        (day("2026-02-01"), day("2026-04-01"), IdleState.RECLAIMABLE),
        (day("2026-03-01"), day("2026-05-01"), IdleState.WATCH),
    ]


# --------------------------------------------------------------------------- claims, further


def test_claim_refuses_bad_arguments_naming_each() -> None:
    """A9 pool claims: each argument is checked and named."""
    s2 = Salesperson("S2")
    assert problems_of(lambda: claim(FREE, s2, [], [], POOL, at=dt.datetime(2026, 5, 6))) == [
        (
            "at",
            "datetime.datetime(2026, 5, 6, 0, 0)",
            "a timezone-aware datetime, e.g. datetime(..., tzinfo=SHANGHAI)",
        )
    ]
    beyond = dt.datetime(2999, 12, 31, 20, tzinfo=dt.UTC)  # 3000-01-01 in Shanghai
    assert problems_of(lambda: claim(FREE, s2, [], [], POOL, at=beyond)) == [
        ("at", "datetime.date(3000, 1, 1)", "a date from 1900-01-01 to 2999-12-31")
    ]
    assert problems_of(lambda: claim("C9", s2, [], [], POOL, at=AT)) == [  # type: ignore[arg-type]
        ("holding", "'C9'", "a Holding")
    ]
    assert problems_of(lambda: claim(FREE, "S2", [], [], POOL, at=AT)) == [  # type: ignore[arg-type]
        ("claimant", "'S2'", "a Salesperson")
    ]
    assert problems_of(lambda: claim(FREE, s2, "x", [], POOL, at=AT)) == [  # type: ignore[arg-type]
        ("held", "'x'", "a list of Holding")
    ]
    assert problems_of(lambda: claim(FREE, s2, ["x"], [], POOL, at=AT)) == [  # type: ignore[list-item]
        ("held[0]", "'x'", "a Holding")
    ]
    assert problems_of(lambda: claim(FREE, s2, [], "x", POOL, at=AT)) == [  # type: ignore[arg-type]
        ("claims", "'x'", "a list of EventRecord")
    ]
    assert problems_of(lambda: claim(FREE, s2, [], ["x"], POOL, at=AT)) == [  # type: ignore[list-item]
        ("claims[0]", "'x'", "a EventRecord")
    ]


def test_claim_is_decided_by_the_book_in_force_that_day() -> None:
    """G6 / A9 pool claims: a book not yet in force refuses the day; one in force is named."""
    later = AllocationPolicy(version="2027", effective=day("2026-06-01"), pool={"enabled": True})
    assert problems_of(lambda: claim(FREE, Salesperson("S2"), [], [], later, at=AT)) == [
        (
            "at",
            "datetime.datetime(2026, 5, 6, 10, 0, tzinfo=zoneinfo.ZoneInfo(key='Asia/Shang...",
            "a moment on or after the policy's effective date 2026-06-01"
            " (version '2027', Asia/Shanghai)",
        )
    ]
    now = AllocationPolicy(version="2026", effective=day("2026-01-01"), pool={"enabled": True})
    d = claim(FREE, Salesperson("S2"), [], [], now, at=AT)
    assert d.outcome is ClaimOutcome.GRANTED
    assert (d.policy_version, d.policy_effective) == ("2026", day("2026-01-01"))


def test_the_cooldown_says_from_when_the_previous_holder_may_claim() -> None:
    """A9 pool claims: the cooldown counts from the entry into the pool (30 days [default])."""
    d = claim(FREE, Salesperson("S1"), [], [], POOL, at=AT)
    assert d.outcome is ClaimOutcome.COOLDOWN
    assert d.until == day("2026-05-31")


def test_the_cap_on_customers_held_counts_those_without_a_deal_or_signature() -> None:
    """A9 pool claims: with ``count_dealt`` off, a customer with a deal or a signature is not
    counted; fifty without reach the cap of 50 [default]."""
    mine = [held(customer=f"X{i}", holder="S2") for i in range(50)]
    signed = held(customer="X50", holder="S2", signed=day("2026-02-01"))
    d = claim(FREE, Salesperson("S2"), [*mine, signed], [], POOL, at=AT)
    assert d.outcome is ClaimOutcome.HELD_CAP
    assert (d.count, d.limit) == (50, 50)
    d = claim(FREE, Salesperson("S2"), [*mine[:49], signed], [], POOL, at=AT)
    assert d.outcome is ClaimOutcome.GRANTED


def test_a_claim_refused_by_the_pool_table_names_its_outcome() -> None:
    """A9 pool claims: the table's own refusal is kept as ``step``."""
    admin = Salesperson("S2", role=Role.SALES_ADMIN)
    d = claim(FREE, admin, [], [], POOL, at=AT)
    assert d.outcome is ClaimOutcome.REFUSED
    assert d.step is StepOutcome.WRONG_ROLE
    assert (d.after, d.record) == (None, None)


def test_a_granted_claim_is_signed_off_for_the_customer_and_starts_afresh() -> None:
    """A9 pool claims: the record's sign-off names the customer; the holding after the claim
    keeps none of the dates of the previous holding (a new holder's A8–A10 start over)."""
    stale = Holding(
        "C9",
        pool_entered=day("2026-05-01"),
        version=3,
        registered=day("2026-01-10"),
        applied=day("2026-01-12"),
        declared=JAN15,
        declared_in_report=day("2026-01-19"),
        first_action=day("2026-01-20"),
        last_action=day("2026-02-01"),
        signed=day("2026-03-01"),
        extensions=[extension(3)],
    )
    d = claim(stale, Salesperson("S2"), [], [], POOL, at=AT)
    assert d.outcome is ClaimOutcome.GRANTED
    assert d.record is not None
    assert (d.record.by.who, d.record.by.subject) == ("S2", "C9")
    assert d.after == Holding("C9", "S2", day("2026-05-06"), version=4)


_NAMED = attrs.evolve(FREE, name="九号")


def _claim_case(case: str) -> ClaimDecision:
    s2 = Salesperson("S2")
    if case == "granted":
        return claim(_NAMED, s2, [], [], POOL, at=AT)
    if case == "held":
        return claim(held(name="九号"), s2, [], [], POOL, at=AT)
    if case == "inactive":
        return claim(_NAMED, Salesperson("S2", status=PersonStatus.ON_LEAVE), [], [], POOL, at=AT)
    if case == "embargo":
        fresh = attrs.evolve(_NAMED, pool_entered=day("2026-05-06"))
        return claim(fresh, s2, [], [], POOL, at=AT)
    if case == "cooldown":
        return claim(_NAMED, Salesperson("S1"), [], [], POOL, at=AT)
    if case == "cap":
        mine = [held(customer=f"X{i}", holder="S2") for i in range(50)]
        return claim(_NAMED, s2, mine, [], POOL, at=AT)
    return claim(_NAMED, s2, [], _claims_of("S2", day("2026-05-06"), 10), POOL, at=AT)


@pytest.mark.parametrize(
    ("case", "code", "facts"),
    [
        (
            "granted",
            "A9.claim.granted",
            {"who": "S2", "on": day("2026-05-06"), "customer": "九号", "version": 3},
        ),
        ("held", "A9.claim.held", {"customer": "九号", "holder": "S1"}),
        ("inactive", "A9.claim.inactive", {"who": "S2", "status": PersonStatus.ON_LEAVE}),
        (
            "embargo",
            "A9.claim.embargo",
            {
                "customer": "九号",
                "entered": day("2026-05-06"),
                "days": 1,
                "until": day("2026-05-07"),
            },
        ),
        (
            "cooldown",
            "A9.claim.cooldown",
            {
                "who": "S1",
                "customer": "九号",
                "entered": day("2026-05-01"),
                "days": 30,
                "until": day("2026-05-31"),
            },
        ),
        (
            "cap",
            "A9.claim.cap",
            {
                "who": "S2",
                "count": 50,
                "counted": "customers with a deal not counted",
                "limit": 50,
            },
        ),
        (
            "daily",
            "A9.claim.daily",
            {"who": "S2", "on": day("2026-05-06"), "count": 10, "limit": 10},
        ),
    ],
)
def test_a_claims_reason_names_its_facts(case: str, code: str, facts: dict[str, object]) -> None:
    """A9 pool claims: each decision's one reason cites A9 with the facts it was decided on
    (the customer by name where it has one)."""
    d = _claim_case(case)
    (reason,) = d.reasons
    assert (reason.rule, str(reason.code)) == ("A9", code)
    found = {k: (v.en if k == "counted" else v) for k, v in reason.facts}
    assert found == facts


# --------------------------------------------------------------------------- pinned by mutation


def test_a_date_after_the_day_asked_names_each_date_that_is_later_not_the_day_itself() -> None:
    """A8–A10: every date of a holding after the day asked is refused with its value; a date on
    the day asked is not."""
    h = held(received=day("2026-03-16"), declared=day("2026-04-01"), signed=day("2026-04-02"))
    assert problems_of(lambda: holding_status(h, SEED, on=day("2026-03-16"))) == [
        ("declared", "datetime.date(2026, 4, 1)", "a date on or before 2026-03-16"),
        ("signed", "datetime.date(2026, 4, 2)", "a date on or before 2026-03-16"),
    ]


def test_one_holding_whose_extension_does_not_replay_is_refused_naming_the_extension() -> None:
    """A8: holding_status names the extension's record, with no holding index before it."""
    wrong = extension(3)
    record = attrs.evolve(wrong.records[1], by=Approval("赵总", Role.SALES_MANAGER, EXTEND, JAN15))
    bad = held(
        registered=day("2026-01-10"), extensions=[WindowExtension(3, [wrong.records[0], record])]
    )
    assert problems_of(lambda: holding_status(bad, SEED, on=day("2026-07-20"))) == [
        (
            ".extensions[0].records[1].event",
            "'grant'",
            "a step that applies: [A8] 赵总 (sales manager) may not take 'grant on review'"
            " (needs: general manager)",
        )
    ]


@pytest.mark.parametrize(
    ("call", "problem"),
    [
        (
            lambda: holding_status("C1", SEED, on=JAN15),  # type: ignore[arg-type]
            ("holding", "'C1'", "a Holding"),
        ),
        (lambda: holding_case("C1", POOL), ("holding", "'C1'", "a Holding")),  # type: ignore[arg-type]
        (
            lambda: apply_claim("x", claim(FREE, Salesperson("S2"), [], [], POOL, at=AT)),  # type: ignore[arg-type]
            ("current", "'x'", "a Holding"),
        ),
        (lambda: apply_claim(FREE, "x"), ("decision", "'x'", "a ClaimDecision")),  # type: ignore[arg-type]
        (
            lambda: apply_claim(held(), claim(FREE, Salesperson("S2"), [], [], POOL, at=AT)),
            ("decision.holding.customer", "'C9'", "the customer of current ('C1')"),
        ),
    ],
)
def test_holding_functions_refuse_a_value_of_the_wrong_kind_naming_it(
    call: object, problem: tuple[str, object, str]
) -> None:
    """A9 pool / A8–A10: holding_status, holding_case and apply_claim name the bad argument."""
    assert problems_of(call) == [problem]  # type: ignore[arg-type]


@pytest.mark.parametrize(("months", "accepted"), [(0, False), (1, True), (120, True), (121, False)])
def test_an_extension_is_of_1_to_120_months(months: int, accepted: bool) -> None:
    """A8: an extension's months are a whole number from 1 to 120."""
    if accepted:
        assert WindowExtension(months).months == months
    else:
        assert problems_of(lambda: WindowExtension(months)) == [
            ("months", months, "a whole number of months from 1 to 120")
        ]


def test_an_extension_reason_cites_a8_with_who_granted_it() -> None:
    """A8: the reason of a granted extension cites A8 and names the grant's sign-off."""
    check = status(held(registered=day("2026-01-10"), extensions=[extension(3)]), JAN15).window
    assert check is not None
    reason = check.reasons[0]
    assert (reason.rule, str(reason.code)) == ("A8", "A8.extended")
    assert dict(reason.facts) == {
        "months": 3,
        "who": "赵总",
        "role": Role.GENERAL_MANAGER,
        "on": day("2026-07-12"),
    }


def test_a_check_read_back_with_an_extension_never_granted_still_explains_it() -> None:
    """A8: a window check built by hand (or read back) with an extension lacking its grant
    gives an A8 reason naming its months and no one."""
    check = WindowCheck(
        WindowState.OPEN,
        day("2026-01-10"),
        day("2026-10-10"),
        9,
        (WindowExtension(3),),
        None,
        30,
        frozenset({Role.GENERAL_MANAGER}),
    )
    reason = check.reasons[0]
    assert (reason.rule, str(reason.code)) == ("A8", "A8.extended")
    assert dict(reason.facts) == {"months": 3, "who": "", "role": None, "on": None}


def test_the_window_says_the_days_left() -> None:
    """A8: while open, the days from the day asked to the deadline."""
    check = status(held(registered=day("2026-01-10")), day("2026-06-09")).window
    assert check is not None
    assert (check.state, check.days_left) == (WindowState.OPEN, 31)


def test_holding_status_counts_a_signature_on_the_registration_day_and_names_the_book() -> None:
    """A8 / G6: a contract signed the day the window starts is its success; the status names
    the effective date of the book that decided."""
    policy = AllocationPolicy(version="2026", effective=day("2026-01-01"))
    h = held(registered=day("2026-01-10"), signed=day("2026-01-10"))
    s = holding_status(h, policy, on=day("2026-07-20"))
    assert s.window is not None
    assert (s.window.state, s.window.signed) == (WindowState.SUCCEEDED, day("2026-01-10"))
    assert (s.policy_version, s.policy_effective) == ("2026", day("2026-01-01"))


@pytest.mark.parametrize(
    ("signed", "deal", "state", "success"),
    [
        # a deal in the log within the window is its success
        (None, "2026-03-01", WindowState.SUCCEEDED, "2026-03-01"),
        # a deal on the registration day counts
        (None, "2026-01-10", WindowState.SUCCEEDED, "2026-01-10"),
        # a deal before the window is not its success, and does not hide the one known
        ("2026-03-01", "2026-01-05", WindowState.SUCCEEDED, "2026-03-01"),
        (None, "2026-01-05", WindowState.REVIEW, None),
    ],
)
def test_a_deal_in_the_actions_is_the_windows_success_from_its_start(
    signed: str | None, deal: str, state: WindowState, success: str | None
) -> None:
    """A8: the first contract since the window's start, read from the actions with the
    summary dates."""
    h = held(registered=day("2026-01-10"), signed=day(signed) if signed else None)
    actions = [SalesAction("C1", day(deal), ActionKind.DEAL, by="S9")]
    check = holding_status(h, SEED, on=day("2026-07-20"), actions=actions).window
    assert check is not None
    assert check.state is state
    assert check.signed == (day(success) if success else None)


def test_an_action_on_the_day_of_receipt_is_a_sales_action_within_two_months() -> None:
    """A9: the holder's action on the day it received the customer counts."""
    actions = [SalesAction("C1", JAN15)]
    s = holding_status(held(), SEED, on=day("2026-03-20"), actions=actions)
    assert s.idle is not None
    assert (s.idle.state, s.idle.first) == (IdleState.ACTIVE, JAN15)


def test_a_follow_up_in_the_actions_restarts_the_pool_count() -> None:
    """A9 pool: the last follow-up read from the actions is what the no-follow-up rule counts
    from."""
    actions = [SalesAction("C1", day("2026-02-08")), SalesAction("C1", day("2026-02-01"))]
    check = holding_status(held(), POOL, on=day("2026-03-02"), actions=actions).pool
    assert check is not None
    assert (check.since, check.due, check.stage) == (
        day("2026-02-08"),
        day("2026-03-10"),
        LadderStage.WATCH,
    )


@pytest.mark.parametrize(
    ("on", "state", "left"),
    [
        ("2026-06-02", IdleState.WATCH, 8),
        ("2026-06-03", IdleState.WARNING, 7),
    ],
)
def test_the_other_reading_warns_the_days_before(on: str, state: IdleState, left: int) -> None:
    """A9 (any two months without an action): warned 7 days before [default]."""
    policy = AllocationPolicy(idle={"reading": "since_last_action"})  # type: ignore[arg-type]
    h = held(first_action=day("2026-01-20"), last_action=day("2026-04-10"))
    check = status(h, day(on), policy).idle
    assert check is not None
    assert (check.deadline, check.state, check.days_left) == (day("2026-06-10"), state, left)


def test_a_signature_alone_exempts_from_the_pool_as_a_customer_with_a_deal() -> None:
    """A9 pool: a contract signed since the window started is a deal (exempt_dealt)."""
    h = held(registered=day("2026-01-10"), signed=day("2026-02-01"))
    check = status(h, day("2026-06-01"), POOL).pool
    assert check is not None
    assert (check.stage, check.last_deal) == (LadderStage.EXEMPT, day("2026-02-01"))
    s = holding_status(h, POOL, on=day("2026-06-01"), actions=[SalesAction("C2", JAN15)])
    assert s.pool == check


def _rules(*rules: tuple[str, int]) -> AllocationPolicy:
    return AllocationPolicy(
        pool={  # type: ignore[arg-type]
            "enabled": True,
            "exempt_dealt": False,
            "rules": [{"kind": kind, "days": days} for kind, days in rules],
        }
    )


@pytest.mark.parametrize(
    ("policy", "more", "stage", "kind"),
    [
        # a deal on the day of assignment is a deal since assignment: the rule is met
        (_rules(("no_deal", 30)), {"last_deal": JAN15}, LadderStage.CLEAR, None),
        # a met rule first does not stop the next from applying
        (
            _rules(("no_deal", 30), ("no_follow_up", 30)),
            {"last_deal": day("2026-01-20")},
            LadderStage.WATCH,
            ReclaimKind.NO_FOLLOW_UP,
        ),
        # two rules due the same day: the first listed is named
        (
            _rules(("no_follow_up", 30), ("no_deal", 30)),
            {},
            LadderStage.WATCH,
            ReclaimKind.NO_FOLLOW_UP,
        ),
        (_rules(("no_deal", 30), ("no_follow_up", 30)), {}, LadderStage.WATCH, ReclaimKind.NO_DEAL),
    ],
)
def test_the_rule_that_bites_first_is_the_one_named(
    policy: AllocationPolicy, more: dict[str, object], stage: LadderStage, kind: ReclaimKind | None
) -> None:
    """A9 pool: each rule runs from its start; the earliest due is named, ties to the first."""
    check = status(held(**more), day("2026-01-20"), policy).pool
    assert check is not None
    assert (check.stage, check.kind) == (stage, kind)


@pytest.mark.parametrize(
    ("grade", "lead_type", "fields", "customer_class"),
    [
        (Grade.B, DealSizeType.A, (Grade.B, None), Grade.B),
        (None, DealSizeType.A, (None, DealSizeType.A), DealSizeType.A),
        (None, None, (None, None), Label("未分级客户", "a customer without grade or type")),
    ],
)
def test_the_pool_check_names_the_customer_class_and_whom_it_copies(
    grade: Grade | None,
    lead_type: DealSizeType | None,
    fields: tuple[Grade | None, DealSizeType | None],
    customer_class: object,
) -> None:
    """A9 pool: the class is the grade where graded, else the lead type; the ladder copies the
    sales manager [default]."""
    check = status(held(grade=grade, lead_type=lead_type), day("2026-01-20"), POOL).pool
    assert check is not None
    assert (check.grade, check.lead_type, check.manager_role) == (*fields, Role.SALES_MANAGER)
    assert dict(check.reasons[0].facts)["customer_class"] == customer_class


def test_holding_case_is_the_pool_tables_case_of_the_holding() -> None:
    """A9 pool: held since its receipt, or in the pool since its entry, at its version."""
    assert holding_case(held(version=2), POOL) == Case("A9.holding", "held", "C1", 2, None, JAN15)
    assert holding_case(FREE, POOL) == Case("A9.holding", "pool", "C9", 3, None, day("2026-05-01"))


@pytest.mark.parametrize(
    "current",
    [
        attrs.evolve(FREE, version=5),  # a step came first, and the customer is back in the pool
        attrs.evolve(FREE, holder="S3", received=day("2026-05-06")),  # held at the same version
    ],
)
def test_a_claim_applies_only_to_the_holding_in_the_pool_at_its_version(current: Holding) -> None:
    """A9 pool claims: the compare-and-set needs both the version and the pool."""
    d = claim(FREE, Salesperson("S2"), [], [], POOL, at=AT)
    assert apply_claim(current, d) is None
    assert apply_claim(FREE, d) == d.after


def test_a_refused_decision_read_back_about_a_held_customer_gives_the_tables_reason() -> None:
    """A9 pool claims: a refusal by the pool table explains the step from the holding's state."""
    d = claim(FREE, Salesperson("S2", role=Role.SALES_ADMIN), [], [], POOL, at=AT)
    back = attrs.evolve(d, holding=held(customer="C9", version=2))
    (reason,) = back.reasons
    assert (reason.rule, str(reason.code)) == ("A9", "workflow.no_transition")
    assert explain(back, "en") == (
        "[A9] 'claim' is not a step from 'held'"
        " (possible: release, reclaim, return under the rules, transfer)"
    )


def test_a_refused_decision_read_back_is_explained_from_the_day_the_holding_was_received() -> None:
    """A9 pool claims: under a company's table with a step from ``held`` on ``claim``, the
    table's refusal of a decision dated before the holding was received names that day."""
    table = POOL.pool.table
    again = Transition("held", "claim", "held", roles=frozenset({Role.SALESPERSON}))
    own = attrs.evolve(table, transitions=(*table.transitions, again))  # type: ignore[misc]
    policy = AllocationPolicy(pool={"enabled": True, "table": own})  # type: ignore[arg-type]
    d = claim(FREE, Salesperson("S2", role=Role.SALES_ADMIN), [], [], policy, at=AT)
    assert d.outcome is ClaimOutcome.REFUSED
    later = held(customer="C9", received=day("2026-05-10"), version=2)
    back = attrs.evolve(d, claimant=Salesperson("S2"), holding=later)
    (reason,) = back.reasons
    assert (reason.rule, str(reason.code)) == ("A9", "workflow.earlier")
    assert dict(reason.facts)["last"] == day("2026-05-10")
