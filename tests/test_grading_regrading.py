"""G6 — yearly re-grading, the rules review and the big-customer exit: examples and properties."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import PolicyBook
from customer_rules._grading.codes import GradingReason as R
from customer_rules._grading.customer import Customer, grade_customer
from customer_rules._grading.model import CustomerCategory, Grade
from customer_rules._grading.policy import GradingPolicy
from customer_rules._grading.regrading import (
    EXIT,
    REGRADE,
    RULES_REVIEW,
    ApprovalMatter,
    GradeChange,
    RegradingPolicy,
    _grade_change,
    exit_big_customer,
    next_regrade_review,
    regrade,
    rules_review_due,
)
from customer_rules.config import dump_book, load_book
from customer_rules.errors import CustomerRulesError, InputError, PolicyError, Problem
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import Reason, explain, find_reason, render_reason
from customer_rules.roles import Approval, Role, in_rank_order
from customer_rules.settings import from_mapping, plain, settings_of
from customer_rules.testing import malformed_values
from customer_rules.workflow import (
    Case,
    EventRecord,
    Step,
    StepOutcome,
    Transition,
    apply,
    replay,
    start,
)

D = dt.date
SEED = GradingPolicy()
YEAR_END = D(2026, 12, 31)
VP_REGRADE = Approval("李副总", Role.VP_IN_CHARGE, REGRADE, YEAR_END)
CHANGE_CODE = {
    GradeChange.UPGRADE: R.G6_UPGRADE,
    GradeChange.DOWNGRADE: R.G6_DOWNGRADE,
    GradeChange.UNCHANGED: R.G6_UNCHANGED,
    GradeChange.NEW: R.G6_NEW,
}


def codes(result: object) -> list[str]:
    return [r.code for r in result.reasons]  # type: ignore[attr-defined]


def reason(result: object, code: R) -> Reason:
    found = find_reason(result, code)  # type: ignore[arg-type]
    assert found is not None, (code, codes(result))
    return found


def rendered(result: object, code: R) -> tuple[str, str]:
    """The reason ``code`` of ``result`` rendered in zh and en."""
    found = reason(result, code)
    return render_reason(found, "zh"), render_reason(found, "en")


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
    assert codes(r) == [R.G6_REVIEW, CHANGE_CODE[change], R.G6_APPROVAL_GRANTED]
    assert reason(r, CHANGE_CODE[change]).fact("previous") is previous
    assert reason(r, CHANGE_CODE[change]).fact("current") is current
    assert r.policy_version == "seed"


def test_g6_without_approval_the_change_awaits_the_vp() -> None:
    r = regrade(Grade.C, Grade.B, SEED, on=YEAR_END)
    assert r.change is GradeChange.UPGRADE
    assert not r.effective
    assert r.in_force is Grade.C
    assert codes(r) == [R.G6_REVIEW, R.G6_UPGRADE, R.G6_APPROVAL_MISSING]
    assert explain(r, "zh").splitlines() == [
        "[G6] 客户评级每年 12 月 31 日由业务部经理会同业务员重审,交主管副总经理审批",
        "[G6] 年度重审:等级由 C等级(一般性客户) 调升为 B等级(较重要客户)",
        "[G6] 客户评级调整尚未经主管副总经理审批,暂不生效(待审批)",
    ]
    assert explain(r, "en").splitlines() == [
        "[G6] grades are re-examined each year on 12/31 by the sales manager with the"
        " salesperson and approved by the vp in charge",
        "[G6] yearly review: upgrade from C (ordinary) to B (fairly important)",
        "[G6] the re-grading awaits approval by the vp in charge: not yet effective",
    ]
    assert reason(r, R.G6_APPROVAL_MISSING).fact("matter") is ApprovalMatter.REGRADE


@pytest.mark.parametrize(
    ("approval", "code", "zh", "en"),
    [
        (
            Approval("王经理", Role.SALES_MANAGER, REGRADE, YEAR_END),
            R.G6_APPROVAL_ROLE,
            "[G6] 客户评级调整由业务部经理审批,无权审批(需:主管副总经理),暂不生效(待审批)",
            "[G6] the re-grading was approved by a sales manager, who may not approve it"
            " (needs: vp in charge): not yet effective",
        ),
        (
            Approval("李副总", Role.VP_IN_CHARGE, EXIT, YEAR_END),
            R.G6_APPROVAL_WHAT,
            "[G6] 所附审批事项为“G6.exit”,不是客户评级调整(“G6.regrade”),暂不生效(待审批)",
            "[G6] the approval given is for 'G6.exit', not the re-grading ('G6.regrade'):"
            " not yet effective",
        ),
        (
            Approval("李副总", Role.VP_IN_CHARGE, "G6.regrade:C042", YEAR_END),
            R.G6_APPROVAL_WHAT,
            "[G6] 所附审批事项为“G6.regrade:C042”,不是客户评级调整(“G6.regrade”),暂不生效(待审批)",
            "[G6] the approval given is for 'G6.regrade:C042', not the re-grading"
            " ('G6.regrade'): not yet effective",
        ),
        # signed the day after: it does not hold yet on the 31st
        (
            Approval("李副总", Role.VP_IN_CHARGE, REGRADE, D(2027, 1, 1)),
            R.G6_APPROVAL_EXPIRED,
            "[G6] 客户评级调整的审批(2027-01-01 签,有效至 —)在 2026-12-31 无效,暂不生效(待审批)",
            "[G6] the approval of the re-grading signed 2027-01-01, valid until —, does not hold"
            " on 2026-12-31: not yet effective",
        ),
        # expired the day before
        (
            Approval("李副总", Role.VP_IN_CHARGE, REGRADE, D(2026, 12, 1), D(2026, 12, 30)),
            R.G6_APPROVAL_EXPIRED,
            "[G6] 客户评级调整的审批(2026-12-01 签,有效至 2026-12-30)在 2026-12-31 无效,"
            "暂不生效(待审批)",
            "[G6] the approval of the re-grading signed 2026-12-01, valid until 2026-12-30, does"
            " not hold on 2026-12-31: not yet effective",
        ),
    ],
)
def test_g6_invalid_approvals_are_not_effective(
    approval: Approval, code: R, zh: str, en: str
) -> None:
    r = regrade(Grade.A, Grade.B, SEED, on=YEAR_END, approval=approval)
    assert not r.effective
    assert r.in_force is Grade.A
    assert codes(r) == [R.G6_REVIEW, R.G6_DOWNGRADE, code]
    assert rendered(r, code) == (zh, en)


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


# --- G6 examples: the review as a workflow ----------------------------------------------------


def test_g6_an_unchanged_grade_is_in_force_without_approval_the_review_awaits_sign_off() -> None:
    r = regrade(Grade.B, Grade.B, SEED, on=YEAR_END)
    assert (r.change, r.effective, r.in_force, r.pending, r.awaiting) == (
        GradeChange.UNCHANGED,
        False,
        Grade.B,
        False,
        (),
    )
    assert codes(r) == [R.G6_REVIEW, R.G6_UNCHANGED, R.G6_IN_FORCE_UNCHANGED]
    assert r.review.after.state == "proposed"  # recorded as awaiting sign-off
    assert r.review.outcome is StepOutcome.MISSING
    assert r.review.record is None
    signed = regrade(Grade.B, Grade.B, SEED, on=YEAR_END, approval=VP_REGRADE)
    assert signed.review.after.state == "approved"
    assert codes(signed) == [R.G6_REVIEW, R.G6_UNCHANGED, R.G6_APPROVAL_GRANTED]


def test_g6_a_first_grade_is_in_force_at_once() -> None:
    r = regrade(None, Grade.C, SEED, on=YEAR_END)
    assert (r.change, r.effective, r.in_force, r.pending) == (
        GradeChange.NEW,
        False,
        Grade.C,
        False,
    )
    assert codes(r) == [R.G6_REVIEW, R.G6_NEW, R.G6_IN_FORCE_NEW]


@pytest.mark.parametrize(("previous", "current"), [(Grade.C, Grade.B), (Grade.B, Grade.D)])
def test_g6_upgrade_and_downgrade_await_the_vp_and_name_the_role(
    previous: Grade, current: Grade
) -> None:
    r = regrade(previous, current, SEED, on=YEAR_END)
    assert (r.pending, r.awaiting, r.in_force) == (True, (Role.VP_IN_CHARGE,), previous)
    approved = regrade(previous, current, SEED, on=YEAR_END, approval=VP_REGRADE)
    assert (approved.pending, approved.awaiting, approved.in_force) == (False, (), current)


def test_g6_an_unchanged_grade_with_a_wrong_role_says_why_it_is_not_signed_off() -> None:
    by_manager = Approval("王经理", Role.SALES_MANAGER, REGRADE, YEAR_END)
    r = regrade(Grade.B, Grade.B, SEED, on=YEAR_END, approval=by_manager)
    assert (r.in_force, r.effective, r.pending) == (Grade.B, False, False)
    assert codes(r) == [R.G6_REVIEW, R.G6_UNCHANGED, R.G6_IN_FORCE_UNCHANGED, R.G6_APPROVAL_ROLE]


def test_g6_the_approve_step_gives_the_record_to_store() -> None:
    r = regrade(Grade.C, Grade.B, SEED, on=YEAR_END, approval=VP_REGRADE, subject="C042")
    step = r.review
    assert step.applied
    assert step.before == Case("G6.review", "proposed", "C042")
    assert step.after == Case("G6.review", "approved", "C042", 1, "李副总", YEAR_END)
    assert step.record == EventRecord(
        "G6.review", "C042", 1, "approve", "proposed", "approved", VP_REGRADE, YEAR_END
    )
    assert (step.record.who, step.record.role) == ("李副总", Role.VP_IN_CHARGE)
    assert (
        explain(step, "zh")
        == "[G6] 李副总(主管副总经理)于 2026-12-31 办理「审批通过」:待审批 → 已批准"
    )
    assert explain(step, "en") == (
        "[G6] 李副总 (vp in charge) took 'approve' on 2026-12-31: awaiting sign-off → approved"
    )
    # the record replays from the proposal to the same case
    table = SEED.regrading.review
    assert replay(table, step.before, [step.record]) == step.after
    # and round-trips as plain data
    data = json.loads(json.dumps(to_data(step.record)))
    assert data["by"]["who"] == "李副总"
    assert (data["before"], data["after"], data["on"]) == ("proposed", "approved", "2026-12-31")
    assert from_data(EventRecord, data) == step.record


def test_g6_an_approval_bound_to_another_customer_does_not_sign_off() -> None:
    bound = Approval("李副总", Role.VP_IN_CHARGE, REGRADE, YEAR_END, subject="C042")
    mine = regrade(Grade.C, Grade.B, SEED, on=YEAR_END, approval=bound, subject="C042")
    other = regrade(Grade.C, Grade.B, SEED, on=YEAR_END, approval=bound, subject="C007")
    assert mine.effective
    assert mine.in_force is Grade.B
    assert not other.effective
    assert other.in_force is Grade.C
    assert codes(other)[-1] == R.G6_APPROVAL_SUBJECT
    assert other.review.outcome is StepOutcome.OTHER_SUBJECT
    # an approval bound to no one keeps signing any review, as before subjects existed
    assert regrade(Grade.C, Grade.B, SEED, on=YEAR_END, approval=VP_REGRADE, subject="C7").effective


@pytest.mark.parametrize("subject", ["", "  ", 42])
def test_g6_subject_must_be_a_customer_id(subject: object) -> None:
    with pytest.raises(InputError) as info:
        regrade(Grade.C, Grade.B, SEED, on=YEAR_END, subject=subject)  # type: ignore[arg-type]
    assert info.value.field == "subject"


def test_g6_regrade_result_with_its_review_round_trips_as_data() -> None:
    r = regrade(Grade.C, Grade.B, SEED, on=YEAR_END, approval=VP_REGRADE, subject="C042")
    data = json.loads(json.dumps(to_data(r, lang="en"), ensure_ascii=False))
    assert "policy" not in data
    assert "review" not in data  # built when read: ``effective`` says the outcome
    assert (data["subject"], data["effective"]) == ("C042", True)
    back = from_data(type(r), data, policy=SEED)
    assert back == r
    assert to_data(back, lang="en") == data
    assert back.review == r.review
    step = json.loads(json.dumps(to_data(r.review, lang="en"), ensure_ascii=False))
    assert (step["outcome"], step["after"]["state"]) == ("applied", "approved")
    assert from_data(Step, step, policy=SEED.regrading.review) == r.review


# --- G6: the review table in the policy -------------------------------------------------------


def test_g6_the_seed_review_table() -> None:
    table = RegradingPolicy().review
    assert (table.name, table.rule, table.initial) == ("G6.review", "G6", "due")
    assert [(s.name, s.zh, s.en) for s in table.states] == [
        ("due", "待重审", "due for review"),
        ("proposed", "待审批", "awaiting sign-off"),
        ("approved", "已批准", "approved"),
    ]
    assert [(e.name, e.zh) for e in table.events] == [
        ("reexamine", "重审"),
        ("approve", "审批通过"),
        ("return", "退回重审"),
    ]
    assert [
        (t.source, t.event, t.target, t.roles, t.approval, t.distinct) for t in table.transitions
    ] == [
        ("due", "reexamine", "proposed", frozenset({Role.SALES_MANAGER}), None, False),
        ("proposed", "approve", "approved", frozenset({Role.VP_IN_CHARGE}), REGRADE, False),
        ("proposed", "return", "due", frozenset({Role.VP_IN_CHARGE}), None, False),
    ]
    # the whole review, step by step: the manager re-examines, the VP approves
    manager = Approval("王经理", Role.SALES_MANAGER, "G6.reexamine", D(2026, 12, 20))
    case = start(table, subject="C042")
    proposed = apply(table, case, "reexamine", by=manager, on=D(2026, 12, 20))
    assert proposed.after.state == "proposed"
    early = apply(table, case, "approve", by=VP_REGRADE, on=YEAR_END)
    assert early.outcome is StepOutcome.NO_TRANSITION  # not before the re-examination
    approved = apply(table, proposed.after, "approve", by=VP_REGRADE, on=YEAR_END)
    assert approved.after.state == "approved"
    records = [proposed.record, approved.record]
    assert replay(table, case, records) == approved.after  # type: ignore[arg-type]


def test_g6_the_review_table_is_in_the_book() -> None:
    toml = dump_book(PolicyBook())
    assert "[grading.regrading.review]" in toml
    assert 'approval = "G6.regrade"' in toml
    assert load_book(toml).grading.regrading.review == RegradingPolicy().review
    paths = {info.path for info in settings_of(GradingPolicy())}
    assert {"regrading.review.transitions", "regrading.review.states"} <= paths


def test_g6_the_seed_table_follows_the_roles() -> None:
    gm = RegradingPolicy(
        preparing_role=Role.MARKETING_DIRECTOR, approving_roles=frozenset({Role.GENERAL_MANAGER})
    )
    moves = {(t.source, t.event): t.roles for t in gm.review.transitions}
    assert moves[("due", "reexamine")] == frozenset({Role.MARKETING_DIRECTOR})
    assert moves[("proposed", "approve")] == frozenset({Role.GENERAL_MANAGER})
    assert moves[("proposed", "return")] == frozenset({Role.GENERAL_MANAGER})
    # a dumped and reloaded policy is the same policy
    assert from_mapping(RegradingPolicy, plain(gm)) == gm


def _table_data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = plain(RegradingPolicy().review)
    for path, value in changes.items():
        index, key = path.split("__")
        data["transitions"][int(index[1:])][key] = value
    return data


def test_g6_a_company_table_may_add_steps_and_relabel() -> None:
    data = plain(RegradingPolicy().review)
    data["states"].append({"name": "checked", "zh": "财务已核", "en": "checked by finance"})
    data["events"].append({"name": "check", "zh": "财务核对", "en": "finance check"})
    data["transitions"][0]["target"] = "checked"
    data["transitions"].append(
        {"source": "checked", "event": "check", "target": "proposed", "roles": ["finance"]}
    )
    data["states"][1]["zh"] = "待副总审批"
    with pytest.raises(PolicyError) as info:
        RegradingPolicy(review=data)
    # the re-examination must still lead to the proposal
    assert [p.path for p in info.value.problems] == ["review.transitions"]
    data["transitions"][0]["target"] = "proposed"
    data["transitions"][-1]["source"] = "due"
    p = RegradingPolicy(review=data)
    assert p.review.state("proposed").zh == "待副总审批"
    assert regrade(Grade.C, Grade.B, GradingPolicy(regrading=p), on=YEAR_END, approval=VP_REGRADE)


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"t1__roles": ["general_manager"]}, "review.transitions[1].roles"),
        ({"t1__approval": "G6.other"}, "review.transitions[1].approval"),
        ({"t0__roles": ["salesperson"]}, "review.transitions[0].roles"),
        ({"t1__target": "due"}, "review.transitions"),
    ],
)
def test_g6_a_company_table_must_agree_with_the_roles(changes: dict[str, Any], path: str) -> None:
    with pytest.raises(PolicyError) as info:
        RegradingPolicy(review=_table_data(**changes))  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == [path]
    with pytest.raises(PolicyError) as loaded:
        from_mapping(GradingPolicy, {"regrading": {"review": _table_data(**changes)}})
    assert [p.path for p in loaded.value.problems] == [f"regrading.{path}"]


def test_g6_a_table_agreeing_with_changed_roles_is_accepted() -> None:
    data = _table_data(t1__roles=["general_manager"], t2__roles=["general_manager"])
    p = RegradingPolicy(approving_roles=frozenset({Role.GENERAL_MANAGER}), review=data)  # type: ignore[arg-type]
    assert p == RegradingPolicy(approving_roles=frozenset({Role.GENERAL_MANAGER}))


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
    assert codes(pending) == [R.G6_EXIT, R.G6_APPROVAL_MISSING, R.G6_EXIT_CARE]
    assert reason(pending, R.G6_EXIT).fact("change") is GradeChange.DOWNGRADE
    assert explain(pending, "zh").splitlines() == [
        "[G6] 大客户已不再符合大客户条件,按退出机制退出为普通客户(调降)",
        "[G6] 退出大客户尚未经主管副总经理审批,暂不生效(待审批)",
        "[G6] 制度仅要求建立合理规范的退出机制并妥善处理与客户的关系、安抚客户情绪;"
        "审批角色(主管副总经理)为政策参数,默认沿用评级审批的主管副总经理(本库默认)",
    ]
    assert explain(pending, "en").splitlines() == [
        "[G6] the big customer no longer qualifies and exits to ordinary customer under the"
        " exit mechanism (downgrade)",
        "[G6] the exit from big-customer status awaits approval by the vp in charge:"
        " not yet effective",
        "[G6] the seed only requires an orderly exit mechanism and careful handling of the"
        " relationship; the approving roles (vp in charge) are a policy parameter, by default"
        " the VP in charge who approves re-gradings (library default)",
    ]

    ok = Approval("李副总", Role.VP_IN_CHARGE, EXIT, YEAR_END)
    done = exit_big_customer(
        CustomerCategory.BIG, SEED, on=YEAR_END, still_qualifies=False, approval=ok
    )
    assert done.exits
    assert done.effective
    assert done.in_force is CustomerCategory.ORDINARY
    assert codes(done) == [R.G6_EXIT, R.G6_APPROVAL_GRANTED, R.G6_EXIT_CARE]
    assert rendered(done, R.G6_APPROVAL_GRANTED) == (
        "[G6] 退出大客户已由主管副总经理 李副总 于 2026-12-31 批准,在 2026-12-31 有效,生效",
        "[G6] the exit from big-customer status was approved by 李副总 (vp in charge) on"
        " 2026-12-31, holding on 2026-12-31: effective",
    )


def test_g6_exit_needs_an_exit_approval_not_a_regrade_one() -> None:
    r = exit_big_customer(
        CustomerCategory.BIG, SEED, on=YEAR_END, still_qualifies=False, approval=VP_REGRADE
    )
    assert not r.effective
    assert codes(r) == [R.G6_EXIT, R.G6_APPROVAL_WHAT, R.G6_EXIT_CARE]
    assert reason(r, R.G6_APPROVAL_WHAT).fact("expected") == EXIT


_NOT_BIG = (
    "[G6] 普通客户不是大客户,不适用大客户退出机制",
    "[G6] an ordinary customer is not a big customer: the exit mechanism does not apply",
)


@pytest.mark.parametrize(
    ("category", "qualifies", "code", "text"),
    [
        (CustomerCategory.ORDINARY, False, R.G6_EXIT_NOT_BIG, _NOT_BIG),
        (CustomerCategory.ORDINARY, True, R.G6_EXIT_NOT_BIG, _NOT_BIG),
        (
            CustomerCategory.BIG,
            True,
            R.G6_EXIT_QUALIFIES,
            (
                "[G6] 大客户仍符合大客户条件,不退出",
                "[G6] the big customer still qualifies: no exit",
            ),
        ),
    ],
)
def test_g6_no_exit(
    category: CustomerCategory, qualifies: bool, code: R, text: tuple[str, str]
) -> None:
    ok = Approval("李副总", Role.VP_IN_CHARGE, EXIT, YEAR_END)
    r = exit_big_customer(category, SEED, on=YEAR_END, still_qualifies=qualifies, approval=ok)
    assert not r.exits
    assert not r.effective
    assert r.in_force is category
    assert codes(r) == [code]
    assert rendered(r, code) == text


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
    assert codes(late) == [R.G6_RULES_DUE, R.G6_RULES_OVERDUE, R.G6_APPROVAL_MISSING]
    assert explain(late, "zh").splitlines() == [
        "[G6] 评级规则自 2026-01-01 起施行,每年末由业务部经理提交主管副总经理重审,"
        "本次截止 2026-12-31",
        "[G6] 截至 2027-01-01 已过重审日 2026-12-31 仍未获批准:逾期",
        "[G6] 评级规则年度重审尚未经主管副总经理审批,暂不生效(待审批)",
    ]
    assert explain(late, "en").splitlines() == [
        "[G6] the grading rules in force since 2026-01-01 are submitted by the sales manager"
        " to the vp in charge for review each year end: due 2026-12-31",
        "[G6] on 2027-01-01 the review due 2026-12-31 is past without approval: overdue",
        "[G6] the yearly review of the grading rules awaits approval by the vp in charge:"
        " not yet effective",
    ]


def test_g6_rules_review_approved_by_the_vp() -> None:
    ok = Approval("李副总", Role.VP_IN_CHARGE, RULES_REVIEW, D(2026, 12, 28))
    r = rules_review_due(D(2026, 1, 1), SEED, on=D(2027, 3, 1), approval=ok)
    assert r.approved
    assert not r.overdue
    assert codes(r) == [R.G6_RULES_DUE, R.G6_APPROVAL_GRANTED]
    assert reason(r, R.G6_APPROVAL_GRANTED).fact("matter") is ApprovalMatter.RULES_REVIEW


def test_g6_rules_review_due_strictly_after_effective() -> None:
    assert rules_review_due(D(2026, 12, 31), SEED, on=D(2026, 12, 31)).due == D(2027, 12, 31)
    assert rules_review_due(D(2026, 12, 30), SEED, on=D(2026, 12, 30)).due == D(2026, 12, 31)


@pytest.mark.parametrize(
    ("approval", "code"),
    [
        # signed the day the rules took effect: that is their adoption, not the yearly review
        (Approval("李副总", Role.VP_IN_CHARGE, RULES_REVIEW, D(2026, 1, 1)), R.G6_APPROVAL_STALE),
        (Approval("王经理", Role.SALES_MANAGER, RULES_REVIEW, D(2026, 12, 28)), R.G6_APPROVAL_ROLE),
        (Approval("李副总", Role.VP_IN_CHARGE, REGRADE, D(2026, 12, 28)), R.G6_APPROVAL_WHAT),
    ],
)
def test_g6_rules_review_invalid_approval_stays_overdue(approval: Approval, code: R) -> None:
    r = rules_review_due(D(2026, 1, 1), SEED, on=D(2027, 1, 1), approval=approval)
    assert r.overdue
    assert not r.approved
    assert codes(r) == [R.G6_RULES_DUE, R.G6_RULES_OVERDUE, code]


def test_g6_rules_review_stale_approval_renders() -> None:
    stale = Approval("李副总", Role.VP_IN_CHARGE, RULES_REVIEW, D(2026, 1, 1))
    r = rules_review_due(D(2026, 1, 1), SEED, on=D(2027, 1, 1), approval=stale)
    assert rendered(r, R.G6_APPROVAL_STALE) == (
        "[G6] 评级规则年度重审的审批于 2026-01-01 签署,不晚于规则生效日 2026-01-01,不属本次重审",
        "[G6] the approval of the yearly review of the grading rules was signed 2026-01-01, not"
        " after the rules took effect on 2026-01-01: it is not this year's review",
    )


def test_g6_rules_review_pending() -> None:
    r = rules_review_due(D(2026, 1, 1), SEED, on=D(2026, 6, 1))
    assert not r.overdue
    assert codes(r) == [R.G6_RULES_DUE, R.G6_RULES_PENDING, R.G6_APPROVAL_MISSING]
    assert rendered(r, R.G6_RULES_PENDING) == (
        "[G6] 截至 2026-06-01 未过重审日 2026-12-31,尚未逾期",
        "[G6] on 2026-06-01 the review due 2026-12-31 is not yet overdue",
    )


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


# --- G6: every reason code, rendered ------------------------------------------------------------

_LI = "李副总"
_EXIT_OK = Approval(_LI, Role.VP_IN_CHARGE, EXIT, YEAR_END)

# code -> (a result that gives it, its zh line, its en line)
EVERY_CODE: dict[R, tuple[Callable[[], Any], str, str]] = {
    R.G6_REVIEW: (
        lambda: regrade(Grade.B, Grade.B, SEED, on=YEAR_END),
        "[G6] 客户评级每年 12 月 31 日由业务部经理会同业务员重审,交主管副总经理审批",
        "[G6] grades are re-examined each year on 12/31 by the sales manager with the"
        " salesperson and approved by the vp in charge",
    ),
    R.G6_UPGRADE: (
        lambda: regrade(Grade.D, Grade.A, SEED, on=YEAR_END),
        "[G6] 年度重审:等级由 D等级(未达C级) 调升为 A等级(重要客户)",
        "[G6] yearly review: upgrade from D (below C) to A (important)",
    ),
    R.G6_DOWNGRADE: (
        lambda: regrade(Grade.A, Grade.C, SEED, on=YEAR_END),
        "[G6] 年度重审:等级由 A等级(重要客户) 调降为 C等级(一般性客户)",
        "[G6] yearly review: downgrade from A (important) to C (ordinary)",
    ),
    R.G6_UNCHANGED: (
        lambda: regrade(Grade.B, Grade.B, SEED, on=YEAR_END),
        "[G6] 年度重审:等级维持 B等级(较重要客户)(原为 B等级(较重要客户))",
        "[G6] yearly review: unchanged at B (fairly important) (was B (fairly important))",
    ),
    R.G6_NEW: (
        lambda: regrade(None, Grade.C, SEED, on=YEAR_END),
        "[G6] 年度重审:首次评级为 C等级(一般性客户)(此前无等级)",
        "[G6] yearly review: first grade C (ordinary) (no previous grade)",
    ),
    R.G6_APPROVAL_GRANTED: (
        lambda: regrade(Grade.A, Grade.B, SEED, on=YEAR_END, approval=VP_REGRADE),
        "[G6] 客户评级调整已由主管副总经理 李副总 于 2026-12-31 批准,在 2026-12-31 有效,生效",
        "[G6] the re-grading was approved by 李副总 (vp in charge) on 2026-12-31, holding on"
        " 2026-12-31: effective",
    ),
    R.G6_APPROVAL_SUBJECT: (
        lambda: regrade(
            Grade.A,
            Grade.B,
            SEED,
            on=YEAR_END,
            approval=Approval(_LI, Role.VP_IN_CHARGE, REGRADE, YEAR_END, subject="C007"),
            subject="C042",
        ),
        "[G6] 客户评级调整的审批针对 C007,不是 C042,暂不生效(待审批)",
        "[G6] the approval of the re-grading is bound to C007, not C042: not yet effective",
    ),
    R.G6_IN_FORCE_NEW: (
        lambda: regrade(None, Grade.C, SEED, on=YEAR_END),
        "[G6] 首次评级,C等级(一般性客户) 即时生效;本次评级待主管副总经理签批",
        "[G6] first grading: C (ordinary) is in force at once; the review awaits sign-off by"
        " the vp in charge",
    ),
    R.G6_IN_FORCE_UNCHANGED: (
        lambda: regrade(Grade.B, Grade.B, SEED, on=YEAR_END),
        "[G6] 等级未变,B等级(较重要客户) 无需审批继续有效;本次重审待主管副总经理签批",
        "[G6] grade unchanged: B (fairly important) stays in force without approval; the review"
        " awaits sign-off by the vp in charge",
    ),
    R.G6_KEPT: (
        lambda: grade_customer(
            Customer("K1", first_trade=D(2019, 1, 1), previous_grade=Grade.B), SEED, on=YEAR_END
        ),
        "[G6] 本次未能评级,原等级 B等级(较重要客户) 继续有效",
        "[G6] not graded this time: the previous grade B (fairly important) stays in force",
    ),
    R.G6_APPROVAL_MISSING: (
        lambda: rules_review_due(D(2026, 1, 1), SEED, on=D(2026, 6, 1)),
        "[G6] 评级规则年度重审尚未经主管副总经理审批,暂不生效(待审批)",
        "[G6] the yearly review of the grading rules awaits approval by the vp in charge:"
        " not yet effective",
    ),
    R.G6_APPROVAL_ROLE: (
        lambda: exit_big_customer(
            CustomerCategory.BIG,
            SEED,
            on=YEAR_END,
            still_qualifies=False,
            approval=Approval("赵总", Role.GENERAL_MANAGER, EXIT, YEAR_END),
        ),
        "[G6] 退出大客户由总经理审批,无权审批(需:主管副总经理),暂不生效(待审批)",
        "[G6] the exit from big-customer status was approved by a general manager, who may not"
        " approve it (needs: vp in charge): not yet effective",
    ),
    R.G6_APPROVAL_WHAT: (
        lambda: rules_review_due(D(2026, 1, 1), SEED, on=YEAR_END, approval=VP_REGRADE),
        "[G6] 所附审批事项为“G6.regrade”,不是评级规则年度重审(“G6.rules_review”),暂不生效(待审批)",
        "[G6] the approval given is for 'G6.regrade', not the yearly review of the grading rules"
        " ('G6.rules_review'): not yet effective",
    ),
    R.G6_APPROVAL_EXPIRED: (
        lambda: regrade(
            Grade.A,
            Grade.B,
            SEED,
            on=D(2027, 1, 1),
            approval=Approval(_LI, Role.VP_IN_CHARGE, REGRADE, D(2026, 12, 1), YEAR_END),
        ),
        "[G6] 客户评级调整的审批(2026-12-01 签,有效至 2026-12-31)在 2027-01-01 无效,"
        "暂不生效(待审批)",
        "[G6] the approval of the re-grading signed 2026-12-01, valid until 2026-12-31, does"
        " not hold on 2027-01-01: not yet effective",
    ),
    R.G6_APPROVAL_STALE: (
        lambda: rules_review_due(
            D(2026, 3, 1),
            SEED,
            on=D(2026, 12, 31),
            approval=Approval(_LI, Role.VP_IN_CHARGE, RULES_REVIEW, D(2026, 2, 1)),
        ),
        "[G6] 评级规则年度重审的审批于 2026-02-01 签署,不晚于规则生效日 2026-03-01,不属本次重审",
        "[G6] the approval of the yearly review of the grading rules was signed 2026-02-01, not"
        " after the rules took effect on 2026-03-01: it is not this year's review",
    ),
    R.G6_EXIT: (
        lambda: exit_big_customer(
            CustomerCategory.BIG, SEED, on=YEAR_END, still_qualifies=False, approval=_EXIT_OK
        ),
        "[G6] 大客户已不再符合大客户条件,按退出机制退出为普通客户(调降)",
        "[G6] the big customer no longer qualifies and exits to ordinary customer under the exit"
        " mechanism (downgrade)",
    ),
    R.G6_EXIT_CARE: (
        lambda: exit_big_customer(
            CustomerCategory.BIG,
            GradingPolicy(
                regrading=RegradingPolicy(
                    exit_approving_roles=frozenset({Role.CHAIRMAN, Role.GENERAL_MANAGER})
                )
            ),
            on=YEAR_END,
            still_qualifies=False,
        ),
        "[G6] 制度仅要求建立合理规范的退出机制并妥善处理与客户的关系、安抚客户情绪;"
        "审批角色(总经理、董事长)为政策参数,默认沿用评级审批的主管副总经理(本库默认)",
        "[G6] the seed only requires an orderly exit mechanism and careful handling of the"
        " relationship; the approving roles (general manager, chairman) are a policy parameter,"
        " by default the VP in charge who approves re-gradings (library default)",
    ),
    R.G6_EXIT_NOT_BIG: (
        lambda: exit_big_customer(
            CustomerCategory.ORDINARY, SEED, on=YEAR_END, still_qualifies=False
        ),
        "[G6] 普通客户不是大客户,不适用大客户退出机制",
        "[G6] an ordinary customer is not a big customer: the exit mechanism does not apply",
    ),
    R.G6_EXIT_QUALIFIES: (
        lambda: exit_big_customer(CustomerCategory.BIG, SEED, on=YEAR_END, still_qualifies=True),
        "[G6] 大客户仍符合大客户条件,不退出",
        "[G6] the big customer still qualifies: no exit",
    ),
    R.G6_RULES_DUE: (
        lambda: rules_review_due(D(2026, 12, 31), SEED, on=D(2027, 3, 1)),
        "[G6] 评级规则自 2026-12-31 起施行,每年末由业务部经理提交主管副总经理重审,"
        "本次截止 2027-12-31",
        "[G6] the grading rules in force since 2026-12-31 are submitted by the sales manager to"
        " the vp in charge for review each year end: due 2027-12-31",
    ),
    R.G6_RULES_PENDING: (
        lambda: rules_review_due(D(2026, 1, 1), SEED, on=YEAR_END),
        "[G6] 截至 2026-12-31 未过重审日 2026-12-31,尚未逾期",
        "[G6] on 2026-12-31 the review due 2026-12-31 is not yet overdue",
    ),
    R.G6_RULES_OVERDUE: (
        lambda: rules_review_due(D(2025, 6, 1), SEED, on=D(2026, 1, 1)),
        "[G6] 截至 2026-01-01 已过重审日 2025-12-31 仍未获批准:逾期",
        "[G6] on 2026-01-01 the review due 2025-12-31 is past without approval: overdue",
    ),
}


def test_g6_every_code_has_a_rendering_test() -> None:
    assert set(EVERY_CODE) == {code for code in R if code.startswith("G6.")}


@pytest.mark.parametrize("code", list(EVERY_CODE))
def test_g6_every_code_renders_in_both_languages(code: R) -> None:
    build, zh, en = EVERY_CODE[code]
    result = build()
    assert rendered(result, code) == (zh, en)
    found = reason(result, code)
    assert found.rule == "G6"
    assert Reason.from_data(found.to_data()) == found


def test_g6_approval_matter_is_public_and_keeps_the_stored_strings() -> None:
    assert [m.value for m in ApprovalMatter] == [REGRADE, EXIT, RULES_REVIEW]
    assert (REGRADE, EXIT, RULES_REVIEW) == ("G6.regrade", "G6.exit", "G6.rules_review")
    assert ApprovalMatter("G6.exit") is ApprovalMatter.EXIT
    assert (ApprovalMatter.REGRADE.zh, ApprovalMatter.REGRADE.en) == (
        "客户评级调整",
        "the re-grading",
    )


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


def test_g6_policy_accepts_what_a_file_says() -> None:
    given = RegradingPolicy(
        review_month="6",  # type: ignore[arg-type]
        review_day=" 30 ",  # type: ignore[arg-type]
        approving_roles=["vp_in_charge", "总经理"],  # type: ignore[arg-type]
        preparing_role="sales_manager",  # type: ignore[arg-type]
        assisting_roles=[],  # type: ignore[arg-type]
        exit_approving_roles={"GENERAL_MANAGER"},  # type: ignore[arg-type]
    )
    assert given == RegradingPolicy(
        review_month=6,
        review_day=30,
        approving_roles=frozenset({Role.VP_IN_CHARGE, Role.GENERAL_MANAGER}),
        preparing_role=Role.SALES_MANAGER,
        assisting_roles=frozenset(),
        exit_approving_roles=frozenset({Role.GENERAL_MANAGER}),
    )
    assert from_mapping(
        RegradingPolicy, {"review_month": "6", "review_day": "30"}
    ) == RegradingPolicy(review_month=6, review_day=30)


def test_g6_policy_collects_every_problem() -> None:
    with pytest.raises(PolicyError) as info:
        RegradingPolicy(
            review_month=13,
            review_day=0,
            approving_roles=frozenset(),
            exit_approving_roles=["boss"],  # type: ignore[arg-type]
            preparing_role="nobody",  # type: ignore[arg-type]
        )
    assert sorted(p.path for p in info.value.problems) == [
        "approving_roles",
        "exit_approving_roles[0]",
        "preparing_role",
        "review_day",
        "review_month",
    ]


@pytest.mark.parametrize(("month", "day"), [(2, 29), (4, 31), (2, 30)])
def test_g6_review_day_must_exist_every_year(month: int, day: int) -> None:
    with pytest.raises(PolicyError) as info:
        RegradingPolicy(review_month=month, review_day=day)
    assert [p.path for p in info.value.problems] == ["review_day"]
    assert info.value.problems[0].message == (
        f"expected a day that exists in month {month} every year, got {day}"
    )


def test_g6_roles_must_be_a_collection() -> None:
    with pytest.raises(PolicyError) as info:
        RegradingPolicy(approving_roles=Role.VP_IN_CHARGE)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["approving_roles"]


@pytest.mark.parametrize(
    "bad",
    [
        {"review_month": 13},
        {"review_month": "十二"},
        {"review_month": 2, "review_day": 30},
        {"review_day": -1},
        {"review_day": 1.5},
        {"approving_roles": []},
        {"approving_roles": "vp_in_charge"},
        {"approving_roles": ["vp_in_charge", "boss"]},
        {"rules_approving_roles": {"vp": "yes"}},
        {"preparing_role": "boss"},
        {"rules_preparing_role": 3},
        {"exit_approving_roles": [], "assisting_roles": ["nobody"]},
    ],
)
def test_g6_policy_problems_from_python_equal_those_from_a_mapping(bad: dict[str, Any]) -> None:
    with pytest.raises(PolicyError) as python:
        RegradingPolicy(**bad)
    with pytest.raises(PolicyError) as mapping:
        from_mapping(RegradingPolicy, bad)
    assert python.value.problems == mapping.value.problems


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"regrading": {"review_month": [12]}}, "regrading.review_month"),
        ({"regrading": {"approving_roles": [["vp_in_charge"]]}}, "regrading.approving_roles[0]"),
        ({"regrading": {"approving_roles": {"a": 1}}}, "regrading.approving_roles"),
        ({"regrading": {"preparing_role": {"role": "sales_manager"}}}, "regrading.preparing_role"),
        ({"regrading": ["review_month", 12]}, "regrading"),
        ({"regrading": {"review_day": dt.date(2026, 12, 31)}}, "regrading.review_day"),
        ({"regrading": {"no_such_setting": 1}}, "regrading.no_such_setting"),
    ],
)
def test_g6_wrong_nested_types_give_a_problem_at_their_path(
    data: dict[str, Any], path: str
) -> None:
    with pytest.raises(PolicyError) as info:
        from_mapping(GradingPolicy, data)
    assert [p.path for p in info.value.problems] == [path]


@pytest.mark.parametrize("policy", [None, PolicyBook(), RegradingPolicy(), "seed"])
def test_g6_policy_argument_must_be_a_grading_policy(policy: object) -> None:
    calls: list[Callable[[], object]] = [
        lambda: regrade(Grade.A, Grade.B, policy, on=YEAR_END),  # type: ignore[arg-type]
        lambda: next_regrade_review(policy, on=YEAR_END),  # type: ignore[arg-type]
        lambda: exit_big_customer(
            CustomerCategory.BIG,
            policy,  # type: ignore[arg-type]
            on=YEAR_END,
            still_qualifies=False,
        ),
        lambda: rules_review_due(D(2026, 1, 1), policy, on=YEAR_END),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(InputError) as info:
            call()
        assert info.value.field == "policy"
        if isinstance(policy, PolicyBook):
            assert "book.grading" in info.value.expected


def test_g6_a_policy_book_works_through_its_grading_policy() -> None:
    book = PolicyBook()
    assert regrade(Grade.A, Grade.B, book.grading, on=YEAR_END).change is GradeChange.DOWNGRADE


@pytest.mark.parametrize("on", [D(1899, 12, 31), D(3000, 1, 1), D(1, 1, 1), D(9999, 12, 31)])
def test_g6_dates_outside_the_supported_range_are_refused(on: dt.date) -> None:
    for call in (
        lambda: regrade(Grade.A, Grade.B, SEED, on=on),
        lambda: next_regrade_review(SEED, on=on),
        lambda: exit_big_customer(CustomerCategory.BIG, SEED, on=on, still_qualifies=False),
        lambda: rules_review_due(D(2026, 1, 1), SEED, on=on),
    ):
        with pytest.raises(InputError) as info:
            call()
        assert info.value.field == "on"
    with pytest.raises(InputError) as info:
        rules_review_due(on, SEED, on=YEAR_END)
    assert info.value.field == "effective"


def test_g6_the_last_supported_day_still_has_a_next_review() -> None:
    last = D(2999, 12, 31)
    assert next_regrade_review(SEED, on=last) == last
    mid_year = GradingPolicy(regrading=RegradingPolicy(review_month=6, review_day=30))
    assert next_regrade_review(mid_year, on=last) == D(3000, 6, 30)
    assert rules_review_due(last, SEED, on=last).due == D(3000, 12, 31)


# --- G6 fuzz: malformed arguments are refused with the library's errors ------------------------

ANY = malformed_values()

_VALID: dict[str, tuple[Callable[..., object], dict[str, object]]] = {
    "regrade": (
        regrade,
        {"previous": Grade.A, "current": Grade.B, "policy": SEED, "on": YEAR_END, "approval": None},
    ),
    "next_regrade_review": (next_regrade_review, {"policy": SEED, "on": YEAR_END}),
    "exit_big_customer": (
        exit_big_customer,
        {
            "category": CustomerCategory.BIG,
            "policy": SEED,
            "on": YEAR_END,
            "still_qualifies": False,
            "approval": None,
        },
    ),
    "rules_review_due": (
        rules_review_due,
        {"effective": D(2026, 1, 1), "policy": SEED, "on": YEAR_END, "approval": None},
    ),
    "RegradingPolicy": (RegradingPolicy, {}),
}
_ARGUMENTS = [
    pytest.param(name, argument)
    for name, (_, valid) in _VALID.items()
    for argument in (valid or {f.name: None for f in attrs.fields(RegradingPolicy)})
]


@pytest.mark.parametrize(("name", "argument"), _ARGUMENTS)
@given(value=ANY)
def test_g6_public_callables_raise_only_library_errors(
    name: str, argument: str, value: object
) -> None:
    function, valid = _VALID[name]
    try:
        result = function(**{**valid, argument: value})
    except CustomerRulesError:
        return
    for lang in ("zh", "en"):  # whatever was accepted also explains itself
        if hasattr(result, "reasons"):
            explain(result, lang)  # type: ignore[arg-type]


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
    """Every reason is plain data that reads back equal, and explains as one line per reason."""
    reasons = result.reasons  # type: ignore[attr-defined]
    for r in reasons:
        assert Reason.from_data(r.to_data()) == r
    for lang in ("zh", "en"):
        lines = explain(result, lang).splitlines()  # type: ignore[arg-type]
        assert lines == [render_reason(r, lang) for r in reasons]  # type: ignore[arg-type]
        assert all(line.startswith("[G6] ") for line in lines)


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
    moved = r.change in (GradeChange.UPGRADE, GradeChange.DOWNGRADE)
    # a change awaits approval; an unchanged or first grade is in force at once
    assert r.in_force is (previous if moved and not r.effective else current)
    assert r.pending == (moved and not r.effective)
    assert r.awaiting == (tuple(in_rank_order(policy.regrading.approving_roles)) * r.pending)
    # the workflow step decided it: applied exactly when effective, citing G6
    assert r.review.applied == r.effective
    assert r.review.after.state == ("approved" if r.effective else "proposed")
    assert (r.review.record is not None) == r.effective
    assert {x.rule for x in r.review.reasons} == {"G6"}
    # reasons cite G6 and match the outcome
    assert {x.rule for x in r.reasons} == {"G6"}
    change = reason(r, CHANGE_CODE[r.change])
    assert change.fact("previous") is previous
    assert change.fact("current") is current
    approval_codes = [c for c in codes(r) if c.startswith("G6.approval.")]
    in_force_codes = [c for c in codes(r) if c.startswith("G6.in_force.")]
    assert len(approval_codes) == (1 if moved or r.effective or approval is not None else 0)
    assert len(in_force_codes) == (0 if moved or r.effective else 1)
    assert [c for c in codes(r) if c not in approval_codes + in_force_codes] == [
        R.G6_REVIEW,
        CHANGE_CODE[r.change],
    ]
    assert (find_reason(r, R.G6_APPROVAL_GRANTED) is not None) == r.effective
    assert r.policy_version == "prop"
    renders(r)


@given(policies)
def test_g6_policy_dumps_and_loads_to_an_equal_policy(policy: GradingPolicy) -> None:
    p = policy.regrading
    assert from_mapping(RegradingPolicy, plain(p)) == p
    assert RegradingPolicy(**plain(p)) == p


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
    assert (find_reason(r, R.G6_EXIT) is not None) == r.exits
    assert (find_reason(r, R.G6_APPROVAL_GRANTED) is not None) == r.effective
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
    assert (find_reason(r, R.G6_RULES_OVERDUE) is not None) == r.overdue
    assert (find_reason(r, R.G6_APPROVAL_GRANTED) is not None) == r.approved
    renders(r)


# --------------------------------------------------------------------------- errors, field by field

_D = dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    ("call", "field", "given", "expected"),
    [
        (
            lambda: regrade("B", Grade.A, GradingPolicy(), on=_D),  # type: ignore[arg-type]
            "previous",
            "B",
            "a Grade (A, B, C or D) or None",
        ),
        (
            lambda: regrade(Grade.B, "A", GradingPolicy(), on=_D),  # type: ignore[arg-type]
            "current",
            "A",
            "a Grade (A, B, C or D)",
        ),
        (
            lambda: regrade(Grade.B, Grade.A, GradingPolicy(), on=_D, approval="VP"),  # type: ignore[arg-type]
            "approval",
            "VP",
            "an Approval or None",
        ),
        (
            lambda: regrade(Grade.B, Grade.A, GradingPolicy(), on=_D, subject=" "),
            "subject",
            " ",
            "a customer id (a non-blank string) or None",
        ),
        (
            lambda: exit_big_customer("big", GradingPolicy(), on=_D, still_qualifies=False),  # type: ignore[arg-type]
            "category",
            "big",
            "a CustomerCategory (BIG or ORDINARY)",
        ),
        (
            lambda: exit_big_customer(
                CustomerCategory.BIG,
                GradingPolicy(),
                on=_D,
                still_qualifies="no",  # type: ignore[arg-type]
            ),
            "still_qualifies",
            "no",
            "True or False",
        ),
    ],
)
def test_g6_input_errors_keep_field_given_and_expected(
    call: Callable[[], object], field: str, given: object, expected: str
) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert (info.value.field, info.value.given, info.value.expected) == (field, given, expected)


def test_g6_a_first_or_unchanged_grade_is_in_force_and_says_so() -> None:
    """G6 "交由主管副总经理审批": a first grade and an unchanged grade need no sign-off; the
    last line says it is in force and names the VP who approves changes. (A regrading policy
    of its own: the lines of an unsigned review are shared per policy and pair of grades.)"""
    own = GradingPolicy(regrading=RegradingPolicy())
    for previous, current, code in (
        (None, Grade.B, R.G6_IN_FORCE_NEW),
        (Grade.C, Grade.C, R.G6_IN_FORCE_UNCHANGED),
    ):
        result = regrade(previous, current, own, on=_D)
        assert (result.effective, result.in_force) == (False, current)
        last = result.reasons[-1]
        assert last.code is code
        assert (last.fact("grade"), last.fact("roles")) == (current, (Role.VP_IN_CHARGE,))


def test_g6_grade_changes_by_rank() -> None:
    """G6: A above B above C above D — a first grade is new, a better one an upgrade, a worse
    one a downgrade, the same one unchanged (the helper also builds the module's tables)."""
    assert _grade_change(None, Grade.D) is GradeChange.NEW
    assert _grade_change(Grade.C, Grade.B) is GradeChange.UPGRADE
    assert _grade_change(Grade.B, Grade.C) is GradeChange.DOWNGRADE
    assert _grade_change(Grade.B, Grade.B) is GradeChange.UNCHANGED


def test_g6_the_seed_review_table_follows_the_preparing_role() -> None:
    """G6 "由业务部经理…进行重审": with another preparing role, the seed's table lets that role
    re-examine (it is rebuilt, not refused)."""
    p = RegradingPolicy(preparing_role=Role.MARKETING_DIRECTOR)
    assert p.review.transition("due", "reexamine").roles == frozenset({Role.MARKETING_DIRECTOR})


def test_g6_a_review_table_of_ones_own_is_kept_when_the_roles_change() -> None:
    """G6: a company's own review table (here without the ``return`` step) is kept as given,
    also with approving roles other than the seed's; only the seed's table follows the roles."""
    seed = RegradingPolicy().review
    own = attrs.evolve(
        seed,
        transitions=(
            Transition("due", "reexamine", "proposed", roles=frozenset({Role.SALES_MANAGER})),
            Transition(
                "proposed",
                "approve",
                "approved",
                roles=frozenset({Role.GENERAL_MANAGER}),
                approval=REGRADE,
            ),
        ),
    )
    p = RegradingPolicy(approving_roles={Role.GENERAL_MANAGER}, review=own)
    assert p.review == own
    assert p.review.transition("proposed", "return") is None
    # the table's approver must be exactly the approving roles, every one of them named
    with pytest.raises(PolicyError) as info:
        RegradingPolicy(approving_roles={Role.GENERAL_MANAGER, Role.VP_IN_CHARGE}, review=own)
    assert info.value.problems == (
        Problem.mismatch(
            "review.transitions[1].roles",
            ["general_manager"],
            "the approving_roles (general_manager, vp_in_charge)",
        ),
    )


def test_g6_review_table_problems_name_the_row_the_given_and_the_expected() -> None:
    """G6: the review table keeps ``reexamine`` by the preparing role and ``approve`` by exactly
    the approving roles granting G6.regrade; every problem is listed, also after a missing row."""
    seed = RegradingPolicy().review
    no_reexamine = attrs.evolve(
        seed,
        transitions=(
            Transition(
                "proposed",
                "approve",
                "approved",
                roles=frozenset({Role.GENERAL_MANAGER}),
                approval="G6.other",
            ),
            seed.transitions[2],
        ),
    )
    with pytest.raises(PolicyError) as info:
        RegradingPolicy(review=no_reexamine)
    assert info.value.problems == (
        Problem.mismatch(
            "review.transitions", "2 row(s)", "a row from 'due' on 'reexamine' to 'proposed'"
        ),
        Problem.mismatch(
            "review.transitions[0].roles",
            ["general_manager"],
            "the approving_roles (vp_in_charge)",
        ),
        Problem.mismatch("review.transitions[0].approval", "G6.other", "'G6.regrade'"),
    )
    wrong_preparer = attrs.evolve(
        seed,
        transitions=(
            Transition(
                "due",
                "reexamine",
                "proposed",
                roles=frozenset({Role.SALESPERSON, Role.SUPERVISOR}),
            ),
            *seed.transitions[1:],
        ),
    )
    with pytest.raises(PolicyError) as info:
        RegradingPolicy(review=wrong_preparer)
    assert info.value.problems == (
        Problem.mismatch(
            "review.transitions[0].roles",
            ["salesperson", "supervisor"],
            "roles including the preparing_role (sales_manager)",
        ),
    )
