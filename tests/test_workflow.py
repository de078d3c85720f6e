"""The workflow mechanism: a transition table as policy data, apply, refuse, replay."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.errors import CustomerRulesError, InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import Reason, explain, render_reason
from customer_rules.roles import Approval, Role
from customer_rules.settings import from_mapping, plain
from customer_rules.testing import malformed_values
from customer_rules.workflow import (
    Case,
    Event,
    EventRecord,
    State,
    Step,
    StepOutcome,
    Transition,
    WorkflowReason,
    WorkflowTable,
    apply,
    replay,
    start,
)

D = dt.date
DAY = D(2026, 12, 1)
EXCEPTION = "C7.exception"

# A credit exception as a later chapter would declare it: the salesperson submits, the general
# manager approves with an approval for the exception — and must not be the one who submitted.
TABLE = WorkflowTable(
    name="C7.exception",
    rule="C7",
    initial="draft",
    states=(
        State("draft", "草稿", "draft"),
        State("submitted", "已提交", "submitted"),
        State("approved", "已批准", "approved"),
        State("rejected", "已驳回", "rejected"),
    ),
    events=(
        Event("submit", "提交", "submit"),
        Event("approve", "批准", "approve"),
        Event("reject", "驳回", "reject"),
    ),
    transitions=(
        Transition(
            "draft",
            "submit",
            "submitted",
            roles=frozenset({Role.SALESPERSON, Role.GENERAL_MANAGER}),
        ),
        Transition(
            "submitted",
            "approve",
            "approved",
            roles=frozenset({Role.GENERAL_MANAGER}),
            approval=EXCEPTION,
            distinct=True,
        ),
        Transition("submitted", "reject", "rejected", roles=frozenset({Role.GENERAL_MANAGER})),
    ),
)
SALES = Approval("陈小明", Role.SALESPERSON, "C7.submit", DAY)
GM = Approval("赵总", Role.GENERAL_MANAGER, EXCEPTION, DAY)


def submitted(subject: str | None = "C042") -> Case:
    step = apply(TABLE, start(TABLE, subject=subject), "submit", by=SALES, on=DAY)
    assert step.applied
    return step.after


def texts(step: Step) -> tuple[str, str]:
    return explain(step, "zh"), explain(step, "en")


# --------------------------------------------------------------------------- apply


def test_start_is_the_initial_state_with_no_step() -> None:
    case = start(TABLE, subject="C042")
    assert case == Case("C7.exception", "draft", "C042", 0, None, None)
    assert start(TABLE) == Case("C7.exception", "draft")


def test_a_step_gives_the_new_state_and_the_record_to_store() -> None:
    step = apply(TABLE, start(TABLE, subject="C042"), "submit", by=SALES, on=DAY)
    assert step.outcome is StepOutcome.APPLIED
    assert step.applied
    assert step.before == Case("C7.exception", "draft", "C042")
    assert step.after == Case("C7.exception", "submitted", "C042", 1, "陈小明", DAY)
    assert step.record == EventRecord(
        "C7.exception", "C042", 1, "submit", "draft", "submitted", SALES, DAY
    )
    assert step.record is not None
    assert (step.record.who, step.record.role) == ("陈小明", Role.SALESPERSON)
    assert texts(step) == (
        "[C7] 陈小明(业务员)于 2026-12-01 办理「提交」:草稿 → 已提交",
        "[C7] 陈小明 (salesperson) took 'submit' on 2026-12-01: draft → submitted",
    )
    assert [r.code for r in step.reasons] == [WorkflowReason.APPLIED]


def test_a_role_only_step_does_not_look_at_what_was_signed() -> None:
    any_what = Approval("陈小明", Role.SALESPERSON, "whatever", DAY)
    assert apply(TABLE, start(TABLE), "submit", by=any_what, on=DAY).applied


def test_the_approver_must_differ_from_the_requester() -> None:
    gm_submits = Approval("赵总", Role.GENERAL_MANAGER, "C7.submit", DAY)
    case = apply(TABLE, start(TABLE), "submit", by=gm_submits, on=DAY).after
    same = apply(TABLE, case, "approve", by=GM, on=DAY)
    assert same.outcome is StepOutcome.SAME_PERSON
    assert same.after == case
    assert same.record is None
    assert texts(same) == (
        "[C7] 赵总 已办理上一步骤,「批准」须由另一人办理",
        "[C7] 赵总 took the previous step; 'approve' needs another person",
    )
    other = Approval("钱总", Role.GENERAL_MANAGER, EXCEPTION, DAY)
    assert apply(TABLE, case, "approve", by=other, on=DAY).applied
    # a row without the rule lets the same person take it
    assert apply(TABLE, case, "reject", by=gm_submits, on=DAY).applied


# code -> (the step that gives it, zh, en)
REFUSALS: dict[WorkflowReason, tuple[Callable[[], Step], StepOutcome, str, str]] = {
    WorkflowReason.NO_TRANSITION: (
        lambda: apply(TABLE, start(TABLE), "approve", by=GM, on=DAY),
        StepOutcome.NO_TRANSITION,
        "[C7] 当前状态为「草稿」,不能办理「批准」(可办理:提交)",
        "[C7] 'approve' is not a step from 'draft' (possible: submit)",
    ),
    WorkflowReason.FINAL: (
        lambda: apply(
            TABLE,
            apply(TABLE, submitted(), "approve", by=GM, on=DAY).after,
            "reject",
            by=GM,
            on=DAY,
        ),
        StepOutcome.NO_TRANSITION,
        "[C7] 「已批准」为终止状态,不能再办理「驳回」",
        "[C7] 'approved' is a final state: 'reject' is not possible",
    ),
    WorkflowReason.EARLIER: (
        lambda: apply(TABLE, submitted(), "approve", by=GM, on=DAY - dt.timedelta(days=1)),
        StepOutcome.EARLIER,
        "[C7] 「批准」日期 2026-11-30 早于上一步骤日期 2026-12-01,不能倒序办理",
        "[C7] 'approve' on 2026-11-30 is before the previous step on 2026-12-01: steps are taken"
        " in order",
    ),
    WorkflowReason.MISSING: (
        lambda: apply(TABLE, start(TABLE), "submit", by=None, on=DAY),
        StepOutcome.MISSING,
        "[C7] 「提交」须由业务员、总经理办理,未提供签署人",
        "[C7] 'submit' is taken by the salesperson, general manager; no one signed it",
    ),
    WorkflowReason.MISSING_APPROVAL: (
        lambda: apply(TABLE, submitted(), "approve", by=None, on=DAY),
        StepOutcome.MISSING,
        "[C7] 「批准」须经总经理审批(“C7.exception”),尚未审批",
        "[C7] 'approve' needs the approval ('C7.exception') of the general manager; none given",
    ),
    WorkflowReason.ROLE: (
        lambda: apply(
            TABLE,
            submitted(),
            "approve",
            by=Approval("王经理", Role.SALES_MANAGER, EXCEPTION, DAY),
            on=DAY,
        ),
        StepOutcome.WRONG_ROLE,
        "[C7] 王经理(业务部经理)无权办理「批准」(须:总经理)",
        "[C7] 王经理 (sales manager) may not take 'approve' (needs: general manager)",
    ),
    WorkflowReason.WHAT: (
        lambda: apply(
            TABLE,
            submitted(),
            "approve",
            by=Approval("赵总", Role.GENERAL_MANAGER, "G6.regrade", DAY),
            on=DAY,
        ),
        StepOutcome.WRONG_APPROVAL,
        "[C7] 所附审批事项为“G6.regrade”,「批准」须为“C7.exception”",
        "[C7] the approval given is for 'G6.regrade'; 'approve' needs 'C7.exception'",
    ),
    WorkflowReason.SUBJECT: (
        lambda: apply(
            TABLE,
            submitted("C042"),
            "approve",
            by=Approval("赵总", Role.GENERAL_MANAGER, EXCEPTION, DAY, subject="C007"),
            on=DAY,
        ),
        StepOutcome.OTHER_SUBJECT,
        "[C7] 所附审批针对 C007,不是 C042",
        "[C7] the approval given is bound to C007, not C042",
    ),
    WorkflowReason.NOT_YET: (
        lambda: apply(
            TABLE,
            submitted(),
            "approve",
            by=Approval("赵总", Role.GENERAL_MANAGER, EXCEPTION, D(2026, 12, 2)),
            on=DAY,
        ),
        StepOutcome.NOT_IN_FORCE,
        "[C7] 赵总 的签批日期 2026-12-02 晚于办理日 2026-12-01",
        "[C7] the sign-off by 赵总 is dated 2026-12-02, after the day of the step 2026-12-01",
    ),
    WorkflowReason.EXPIRED: (
        lambda: apply(
            TABLE,
            submitted(),
            "approve",
            by=Approval("赵总", Role.GENERAL_MANAGER, EXCEPTION, D(2026, 11, 1), D(2026, 11, 30)),
            on=DAY,
        ),
        StepOutcome.NOT_IN_FORCE,
        "[C7] 赵总 的签批(2026-11-01 签,有效至 2026-11-30)在 2026-12-01 已失效",
        "[C7] the sign-off by 赵总 signed 2026-11-01, valid until 2026-11-30, has expired on"
        " 2026-12-01",
    ),
}


@pytest.mark.parametrize("code", list(REFUSALS))
def test_every_refusal_keeps_the_case_and_says_why(code: WorkflowReason) -> None:
    build, outcome, zh, en = REFUSALS[code]
    step = build()
    assert step.outcome is outcome
    assert not step.applied
    assert step.after == step.before
    assert step.record is None
    assert [r.code for r in step.reasons] == [code]
    assert [r.rule for r in step.reasons] == ["C7"]
    assert texts(step) == (zh, en)


def test_every_code_has_a_rendering_test() -> None:
    tested = {*REFUSALS, WorkflowReason.APPLIED, WorkflowReason.SAME_PERSON}
    assert tested == set(WorkflowReason)


def test_the_approval_on_its_last_valid_day_and_bound_to_the_subject() -> None:
    last = Approval("赵总", Role.GENERAL_MANAGER, EXCEPTION, D(2026, 11, 1), DAY, subject="C042")
    assert apply(TABLE, submitted("C042"), "approve", by=last, on=DAY).applied
    # an approval bound to a subject does not sign a case bound to none? it does: the case asks
    # about no subject, so nothing is compared
    assert apply(TABLE, submitted(None), "approve", by=last, on=DAY).applied


def test_the_reasons_cite_the_tables_rule() -> None:
    g6 = WorkflowTable(
        name="x",
        rule="G6",
        initial="a",
        states=[State("a", "甲", "a"), State("b", "乙", "b")],  # type: ignore[arg-type]
        events=[Event("go", "前进", "go")],  # type: ignore[arg-type]
        transitions=[Transition("a", "go", "b", roles=["salesperson"])],  # type: ignore[arg-type]
    )  # lists and role names, as a file gives them
    step = apply(g6, start(g6), "go", by=SALES, on=DAY)
    assert [r.rule for r in step.reasons] == ["G6"]


# --------------------------------------------------------------------------- wrong input


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"table": "C7"}, "table"),
        ({"case": "draft"}, "case"),
        ({"case": Case("other", "draft")}, "case.workflow"),
        ({"case": Case("C7.exception", "lost")}, "case.state"),
        ({"event": "cancel"}, "event"),
        ({"event": 3}, "event"),
        ({"by": "赵总"}, "by"),
        ({"on": "2026-12-01"}, "on"),
        ({"on": dt.datetime(2026, 12, 1, 9, 0)}, "on"),
        ({"on": D(3000, 1, 1)}, "on"),
    ],
)
def test_input_that_cannot_be_right_names_the_argument(kwargs: dict[str, Any], field: str) -> None:
    call: dict[str, Any] = {
        "table": TABLE,
        "case": start(TABLE),
        "event": "submit",
        "by": SALES,
        "on": DAY,
        **kwargs,
    }
    with pytest.raises(InputError) as info:
        apply(call.pop("table"), call.pop("case"), call.pop("event"), **call)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"workflow": " "}, "workflow"),
        ({"state": None}, "state"),
        ({"subject": ""}, "subject"),
        ({"seq": -1}, "seq"),
        ({"seq": True}, "seq"),
        ({"seq": 1.0}, "seq"),
        ({"last_by": 7}, "last_by"),
        ({"last_on": "2026-12-01"}, "last_on"),
        ({"last_on": D(1899, 12, 31)}, "last_on"),
    ],
)
def test_a_case_checks_its_fields(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as info:
        Case(**{"workflow": "w", "state": "s", **kwargs})
    assert info.value.field == field


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"seq": 0}, "seq"),
        ({"by": None}, "by"),
        ({"on": None}, "on"),
        ({"event": ""}, "event"),
    ],
)
def test_a_record_checks_its_fields(kwargs: dict[str, Any], field: str) -> None:
    fields: dict[str, Any] = {
        "workflow": "w",
        "subject": None,
        "seq": 1,
        "event": "e",
        "before": "a",
        "after": "b",
        "by": SALES,
        "on": DAY,
    }
    with pytest.raises(InputError) as info:
        EventRecord(**{**fields, **kwargs})
    assert info.value.field == field


# --------------------------------------------------------------------------- the table as policy


def _data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = plain(TABLE)
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "paths"),
    [
        ({"initial": "open"}, ["initial"]),
        ({"states": []}, ["states"]),
        ({"events": []}, ["events"]),
        ({"transitions": []}, ["transitions"]),
        (
            {"states": [*plain(TABLE)["states"], {"name": "draft", "zh": "重", "en": "dup"}]},
            ["states[4].name"],
        ),
        (
            {"events": [*plain(TABLE)["events"], {"name": "submit", "zh": "重", "en": "dup"}]},
            ["events[3].name"],
        ),
        (
            {
                "transitions": [
                    *plain(TABLE)["transitions"],
                    {"source": "draft", "event": "submit", "target": "lost", "roles": ["chairman"]},
                ]
            },
            ["transitions[3].target", "transitions[3].event"],
        ),
        (
            {
                "transitions": [
                    {"source": "nowhere", "event": "fly", "target": "draft", "roles": []}
                ]
            },
            ["transitions[0].roles"],
        ),
        (
            {"transitions": [{"source": "x", "event": "fly", "target": "draft", "roles": ["ceo"]}]},
            ["transitions[0].roles[0]"],
        ),
        ({"name": ""}, ["name"]),
        ({"rule": None}, ["rule"]),
    ],
)
def test_a_bad_table_lists_every_problem_at_its_path(
    changes: dict[str, Any], paths: list[str]
) -> None:
    with pytest.raises(PolicyError) as python:
        WorkflowTable(**_data(**changes))
    assert [p.path for p in python.value.problems] == paths
    with pytest.raises(PolicyError) as mapping:
        from_mapping(WorkflowTable, _data(**changes))
    assert mapping.value.problems == python.value.problems


def test_unknown_states_and_events_in_a_row_are_named() -> None:
    with pytest.raises(PolicyError) as info:
        WorkflowTable(
            **_data(
                transitions=[
                    {"source": "nowhere", "event": "fly", "target": "draft", "roles": ["chairman"]}
                ]
            )
        )
    assert [p.path for p in info.value.problems] == [
        "transitions[0].source",
        "transitions[0].event",
    ]


def test_a_table_reads_back_from_its_plain_data() -> None:
    assert from_mapping(WorkflowTable, plain(TABLE)) == TABLE
    assert WorkflowTable(**plain(TABLE)) == TABLE
    assert TABLE.state("submitted").label.en == "submitted"
    assert TABLE.event("approve").label.zh == "批准"
    assert [t.event for t in TABLE.moves("submitted")] == ["approve", "reject"]
    assert TABLE.moves("approved") == ()
    assert TABLE.transition("draft", "approve") is None
    with pytest.raises(InputError) as info:
        TABLE.state("lost")
    assert info.value.field == "state"


def test_outcomes_are_labelled_and_stored_by_value() -> None:
    assert StepOutcome("applied") is StepOutcome.APPLIED
    assert (StepOutcome.SAME_PERSON.zh, StepOutcome.SAME_PERSON.en) == (
        "须由另一人办理",
        "needs another person",
    )
    with pytest.raises(InputError):
        StepOutcome("done")


# --------------------------------------------------------------------------- replay


def _run() -> tuple[Case, list[EventRecord]]:
    case = start(TABLE, subject="C042")
    first = apply(TABLE, case, "submit", by=SALES, on=DAY)
    second = apply(TABLE, first.after, "approve", by=GM, on=D(2026, 12, 3))
    assert first.record is not None
    assert second.record is not None
    return second.after, [first.record, second.record]


def test_replay_rebuilds_the_case() -> None:
    final, records = _run()
    assert replay(TABLE, start(TABLE, subject="C042"), records) == final
    assert replay(TABLE, start(TABLE, subject="C042"), []) == start(TABLE, subject="C042")
    # from a stored case, the rest
    middle = replay(TABLE, start(TABLE, subject="C042"), records[:1])
    assert replay(TABLE, middle, records[1:]) == final


def _changed(record: EventRecord, **changes: Any) -> EventRecord:
    fields = {k: getattr(record, k) for k in attrs_names(EventRecord)}
    return EventRecord(**{**fields, **changes})


def attrs_names(cls: type) -> list[str]:
    import attrs

    return [f.name for f in attrs.fields(cls)]


@pytest.mark.parametrize(
    ("tamper", "path"),
    [
        (lambda r: _changed(r, seq=3), "records[1].seq"),
        (lambda r: _changed(r, before="draft"), "records[1].before"),
        (lambda r: _changed(r, workflow="G6.review"), "records[1].workflow"),
        (lambda r: _changed(r, subject="C007"), "records[1].subject"),
        (lambda r: _changed(r, after="rejected"), "records[1].after"),
        (lambda r: _changed(r, event="submit"), "records[1].event"),
        (lambda r: _changed(r, event="cancel"), "records[1].event"),
        (lambda r: _changed(r, by=SALES), "records[1].event"),
        (lambda r: _changed(r, on=D(2026, 11, 30)), "records[1].event"),
        (lambda r: "approve", "records[1]"),
    ],
)
def test_replay_refuses_a_record_that_does_not_apply(
    tamper: Callable[[EventRecord], Any], path: str
) -> None:
    _, records = _run()
    with pytest.raises(InputError) as info:
        replay(TABLE, start(TABLE, subject="C042"), [records[0], tamper(records[1])])
    assert info.value.problems[0].path == path


def test_replay_says_why_in_words() -> None:
    _, records = _run()
    forged = _changed(records[1], by=SALES)
    with pytest.raises(InputError) as info:
        replay(TABLE, start(TABLE, subject="C042"), [records[0], forged])
    assert str(info.value) == (
        "records[1].event: expected a step that applies: [C7] 陈小明 (salesperson) may not take"
        " 'approve' (needs: general manager), got 'approve'"
    )


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("table", start(TABLE), []), "table"),
        ((TABLE, "draft", []), "initial"),
        ((TABLE, Case("other", "draft"), []), "initial.workflow"),
        ((TABLE, start(TABLE), 5), "records"),
        ((TABLE, start(TABLE), "records"), "records"),
    ],
)
def test_replay_input_names_the_argument(args: tuple[Any, Any, Any], field: str) -> None:
    with pytest.raises(InputError) as info:
        replay(*args)
    assert info.value.field == field


# --------------------------------------------------------------------------- data


def test_records_and_steps_round_trip_as_plain_data() -> None:
    _, records = _run()
    for record in records:
        data = json.loads(json.dumps(to_data(record), ensure_ascii=False))
        assert sorted(data) == [
            "after",
            "before",
            "by",
            "event",
            "on",
            "seq",
            "subject",
            "workflow",
        ]
        assert from_data(EventRecord, data) == record
    step = apply(TABLE, submitted(), "approve", by=None, on=DAY)
    data = json.loads(json.dumps(to_data(step, lang="en"), ensure_ascii=False))
    assert "policy" not in data
    assert data["outcome"] == "missing"
    assert data["reasons"][0]["text"] == (
        "[C7] 'approve' needs the approval ('C7.exception') of the general manager; none given"
    )
    assert from_data(Step, data, policy=TABLE) == step


# --------------------------------------------------------------------------- properties

# The same steps with a way back (a rejected or approved request reopened), so that runs are long.
LOOP = WorkflowTable(
    **{
        **plain(TABLE),
        "name": "C7.loop",
        "events": [*plain(TABLE)["events"], {"name": "reopen", "zh": "重开", "en": "reopen"}],
        "transitions": [
            *plain(TABLE)["transitions"],
            {"source": "rejected", "event": "reopen", "target": "draft", "roles": ["salesperson"]},
            {
                "source": "approved",
                "event": "reopen",
                "target": "draft",
                "roles": ["general_manager"],
                "distinct": True,
            },
        ],
    }
)
PEOPLE = {
    Role.SALESPERSON: ["陈小明", "李娜"],
    Role.GENERAL_MANAGER: ["赵总", "钱总"],
    Role.SALES_MANAGER: ["王经理"],
}


@st.composite
def runs(draw: st.DrawFn) -> list[tuple[str, Approval | None, dt.date]]:
    """Random event sequences: mostly a step the table has from the current state, signed mostly
    by an allowed role, on a day mostly not before the last — with every kind of mistake mixed
    in. The state is tracked while drawing, so that the runs get long."""
    case = start(LOOP, subject="C042")
    day = DAY
    steps: list[tuple[str, Approval | None, dt.date]] = []
    for _ in range(draw(st.integers(0, 25))):
        moves = LOOP.moves(case.state)
        possible = draw(st.integers(0, 4)) > 0
        if moves and possible:
            move: Transition = draw(st.sampled_from(moves))
            event, roles = move.event, sorted(move.roles, key=lambda r: r.value)
        else:
            event = draw(st.sampled_from([e.name for e in LOOP.events]))
            roles = sorted(PEOPLE, key=lambda r: r.value)
        day += dt.timedelta(days=draw(st.integers(-2, 5)))
        by: Approval | None = None
        if draw(st.integers(0, 9)):
            role = draw(
                st.sampled_from(roles) if draw(st.integers(0, 4)) else st.sampled_from(list(PEOPLE))
            )
            who = draw(st.sampled_from(PEOPLE[role]))
            what = EXCEPTION if draw(st.integers(0, 5)) else "G6.regrade"
            signed = day - dt.timedelta(days=draw(st.integers(-1, 10)))
            valid_days = draw(st.none() | st.integers(0, 20))
            until = None if valid_days is None else signed + dt.timedelta(days=valid_days)
            subject = draw(st.sampled_from([None, None, None, "C042", "C007"]))
            by = Approval(who, role, what, signed, until, subject=subject)
        steps.append((event, by, day))
        case = apply(LOOP, case, event, by=by, on=day).after
    return steps


@given(runs())
def test_replaying_the_records_of_a_run_reproduces_its_state(
    steps: list[tuple[str, Approval | None, dt.date]],
) -> None:
    initial = start(LOOP, subject="C042")
    case = initial
    records: list[EventRecord] = []
    for event, by, on in steps:
        step = apply(LOOP, case, event, by=by, on=on)
        assert step.before == case
        assert step == apply(LOOP, case, event, by=by, on=on)  # deterministic
        move = LOOP.transition(case.state, event)
        if step.applied:
            assert move is not None
            assert by is not None
            assert step.after.state == move.target
            assert step.after.seq == case.seq + 1
            assert by.role in move.roles
            assert by.holds_on(on)
            assert move.approval is None or by.what == move.approval
            assert by.subject in (None, case.subject)
            assert not (move.distinct and by.who == case.last_by)
            assert case.last_on is None or on >= case.last_on
            assert step.record is not None
            records.append(step.record)
        else:
            # never a silent out-of-order or wrong-role step
            assert step.after == case
            assert step.record is None
            assert (move is None) == (step.outcome is StepOutcome.NO_TRANSITION)
        # the explanation matches the outcome and cites the table's rule
        (reason,) = step.reasons
        assert reason.rule == "C7"
        assert (reason.code == WorkflowReason.APPLIED) == step.applied
        assert Reason.from_data(reason.to_data()) == reason
        assert render_reason(reason, "zh").startswith("[C7] ")
        case = step.after
    assert replay(LOOP, initial, records) == case
    assert case.seq == len(records)
    for record in records:
        data = json.loads(json.dumps(to_data(record), ensure_ascii=False))
        assert from_data(EventRecord, data) == record


@given(st.sampled_from(["submit", "approve", "reject"]), malformed_values(), malformed_values())
def test_malformed_arguments_raise_only_library_errors(event: str, by: object, on: object) -> None:
    calls: list[Callable[[], object]] = [
        lambda: apply(TABLE, submitted(), event, by=by, on=on),  # type: ignore[arg-type]
        lambda: replay(TABLE, start(TABLE), [by, on]),  # type: ignore[list-item]
        lambda: apply(TABLE, start(TABLE), event, by=SALES, on=on),  # type: ignore[arg-type]
    ]
    for call in calls:
        try:
            call()
        except CustomerRulesError as exc:
            message = str(exc)
        else:
            message = "returned"
        assert message
