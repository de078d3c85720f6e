"""R10: correcting a wrong customer record through the approval chain, ending archived.

Seed 001 §客户资源管理制度 例: "先由客服部人员制订补救处理方案,交由客服部经理审核,客服经理
审核后再交由总经理审批,总经理审批后转回客服部组织执行,客服部再交接给其他部门执行,其他部门执行
后反馈意见给客服部,客服部再写报告交由客服经理审核,客服经理再交给总经理审批,总经理审批后存档".
"""

from __future__ import annotations

import datetime as dt
from collections import deque

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.archives import (
    PLAN_APPROVAL,
    REPORT_APPROVAL,
    ArchivesPolicy,
    correction_step,
    open_correction,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.reasons import explain
from customer_rules.roles import Approval, Role
from customer_rules.workflow import StepOutcome, replay

D = dt.date
DAY = D(2026, 3, 2)
SEED = ArchivesPolicy()
CHAIN = SEED.corrections.chain
STAFF = Approval("小周", Role.CUSTOMER_SERVICE, "R10", DAY)
MANAGER = Approval("吴经理", Role.CUSTOMER_SERVICE_MANAGER, "R10", DAY)
GM_PLAN = Approval("赵总", Role.GENERAL_MANAGER, PLAN_APPROVAL, DAY)
GM_REPORT = Approval("赵总", Role.GENERAL_MANAGER, REPORT_APPROVAL, DAY)
SALES = Approval("刘内勤", Role.SALES_ADMIN, "R10", DAY)

SEED_CHAIN = [
    ("draft", STAFF),
    ("review", MANAGER),
    ("approve", GM_PLAN),
    ("hand_over", STAFF),
    ("feedback", SALES),
    ("report", STAFF),
    ("review_report", MANAGER),
    ("approve_report", GM_REPORT),
]


def test_the_seeds_chain_ends_archived_and_replays() -> None:
    case, records = open_correction("C-7/phone", SEED), []
    for event, by in SEED_CHAIN:
        step = correction_step(case, event, SEED, by=by, on=DAY)
        assert step.applied, explain(step, "en")
        records.append(step.record)
        case = step.after
    assert case.state == "archived"
    assert case.seq == 8
    assert replay(CHAIN, open_correction("C-7/phone", SEED), records) == case  # type: ignore[arg-type]
    final = correction_step(case, "draft", SEED, by=STAFF, on=DAY)
    assert (
        explain(final, "en")
        == "[R10] 'archived' is a final state: 'draft the remedy' is not possible"
    )


def test_out_of_order_and_wrong_role_steps_are_refused() -> None:
    case = open_correction("C-7/phone", SEED)
    assert correction_step(case, "approve", SEED, by=GM_PLAN, on=DAY).outcome is (
        StepOutcome.NO_TRANSITION
    )
    drafted = correction_step(case, "draft", SEED, by=STAFF, on=DAY).after
    assert correction_step(drafted, "review", SEED, by=GM_PLAN, on=DAY).outcome is (
        StepOutcome.WRONG_ROLE
    )
    reviewed = correction_step(drafted, "review", SEED, by=MANAGER, on=DAY).after
    gm_role_only = Approval("赵总", Role.GENERAL_MANAGER, "R10", DAY)
    refused = correction_step(reviewed, "approve", SEED, by=gm_role_only, on=DAY)
    assert refused.outcome is StepOutcome.WRONG_APPROVAL
    assert "[R10]" in explain(refused, "en")
    assert correction_step(reviewed, "approve", SEED, by=GM_REPORT, on=DAY).outcome is (
        StepOutcome.WRONG_APPROVAL
    )


def test_the_drafter_does_not_review_their_own_remedy() -> None:
    both = ArchivesPolicy(
        corrections={"managers": ["customer_service", "customer_service_manager"]}
    )
    drafted = correction_step(open_correction("C", both), "draft", both, by=STAFF, on=DAY).after
    self_review = Approval("小周", Role.CUSTOMER_SERVICE, "R10", DAY)
    assert correction_step(drafted, "review", both, by=self_review, on=DAY).outcome is (
        StepOutcome.SAME_PERSON
    )


def test_a_review_may_send_the_remedy_back() -> None:
    drafted = correction_step(open_correction("C", SEED), "draft", SEED, by=STAFF, on=DAY).after
    back = correction_step(drafted, "send_back", SEED, by=MANAGER, on=DAY)
    assert back.after.state == "found"


def test_a_chain_must_end_archived_by_an_approval() -> None:
    from customer_rules.settings import plain

    data = plain(CHAIN)
    data["transitions"] = [
        t | {"approval": None} if t["target"] == "archived" else t for t in data["transitions"]
    ]
    with pytest.raises(PolicyError, match=r"chain\.transitions"):
        ArchivesPolicy(corrections={"chain": data})
    with pytest.raises(InputError, match="record"):
        open_correction(" ", SEED)


SIGNERS = st.sampled_from(
    [
        STAFF,
        MANAGER,
        GM_PLAN,
        GM_REPORT,
        SALES,
        Approval("小周", Role.CUSTOMER_SERVICE_MANAGER, "R10", DAY),
    ]
)


def _reachable() -> set[str]:
    seen, todo = {CHAIN.initial}, deque([CHAIN.initial])
    while todo:
        for move in CHAIN.moves(todo.popleft()):
            if move.target not in seen:
                seen.add(move.target)
                todo.append(move.target)
    return seen


@given(st.lists(st.tuples(st.sampled_from([e.name for e in CHAIN.events]), SIGNERS), max_size=30))
def test_every_run_stays_in_the_chain_and_replays(run: list[tuple[str, Approval]]) -> None:
    reachable = _reachable()
    case, records = open_correction("C", SEED), []
    for event, by in run:
        step = correction_step(case, event, SEED, by=by, on=DAY)
        move = CHAIN.transition(case.state, event)
        if step.applied:
            assert move is not None
            assert by.role in move.roles
            assert step.after.state in reachable
            if move.approval is not None:
                assert by.what == move.approval
            records.append(step.record)
            case = step.after
        else:
            assert step.after == case
            assert (
                move is None
                or by.role not in move.roles
                or (move.approval is not None and by.what != move.approval)
                or (move.distinct and by.who == case.last_by)
            )
    assert replay(CHAIN, open_correction("C", SEED), records) == case
    if case.state == "archived":
        assert [r.event for r in records][-1] == "approve_report"
