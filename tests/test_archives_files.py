"""R1, R2, R8, R12: a customer file's lifecycle, its required contents, holds and disposal, and
who records in it.

Seed 004 §第一篇 三.1–2: "工程结束收到竣工文档后5天内要把临时文档整理成正式的客户档案,并且
上柜" (due on receipt + 5 [default reading]); 三.8: "工程竣工文档必须包含公司指定的表格内容(电话
交换机安装参数一览表)"; 三.9: "必须在档案柜里有保留一份以上" (以上 includes the number: one copy
is enough). Seed 000 第六条: "完全不可能恢复交易来往的名簿,取得主管经理的承认后将其处理掉".
Seed 001 §四.1: "每发展、接触一个新客户,均应建立客户档案户头"; §4.2.4 and §市场部 (2nd) 一.4:
who edits.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import deque
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.archives import (
    DISPOSAL,
    ArchivesPolicy,
    ArchivesReason,
    CustomerFile,
    FileOutcome,
    FileStep,
    FormalisationStatus,
    Hold,
    HoldKind,
    ManualsCheck,
    OverdueFiles,
    RecordCheck,
    RecordEditing,
    RecordForm,
    check_manuals,
    check_record,
    file_step,
    formalisation,
    open_file,
    overdue_files,
)
from customer_rules.book import PolicyBook
from customer_rules.calendars import Deadline, DeadlineMode, WorkingDayCalendar
from customer_rules.cn_calendar import china_working_days
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import explain
from customer_rules.roles import Approval, Role
from customer_rules.testing import customer_files, days
from customer_rules.workflow import Case, StepOutcome, replay, start
from refusals import problems_of

D = dt.date
SEED = ArchivesPolicy()
TABLE = SEED.files.lifecycle
FORM = "电话交换机安装参数一览表"


NEW_YEAR = D(2026, 1, 1)


def who(name: str, role: Role, what: str = "R1", day: D = NEW_YEAR, **kw: Any) -> Approval:
    return Approval(name, role, what, day, **kw)


CLERK = who("李内勤", Role.ARCHIVE_DEPARTMENT)
LEAD = who("周工", Role.PROJECT_LEAD)
FINANCE = who("孙科长", Role.GENERAL_AFFAIRS_FINANCE)
MANAGER = who("王经理", Role.SALES_MANAGER, DISPOSAL)
ADMIN = who("刘内勤", Role.SALES_ADMIN)
SALES = who("陈小明", Role.SALESPERSON)


def walk(
    steps: list[tuple[str, Approval, D]],
    policy: ArchivesPolicy = SEED,
    **kw: Any,
) -> tuple[Case, list[FileStep]]:
    """Take ``steps`` from a new file R-0042; every one must apply."""
    case = open_file("R-0042", policy)
    done = []
    for event, by, day in steps:
        step = file_step(case, event, policy, by=by, on=day, **kw)
        assert step.applied, explain(step, "en")
        done.append(step)
        case = step.after
    return case, done


TO_FORMAL = [
    ("sign_contract", CLERK, D(2026, 1, 5)),
    ("add_documents", CLERK, D(2026, 2, 1)),
    ("complete_project", LEAD, D(2026, 2, 27)),
    ("receive_completion", CLERK, D(2026, 3, 2)),
]


# --------------------------------------------------------------------------- R1 the lifecycle


def test_a_file_opens_at_first_contact_and_runs_to_formal() -> None:
    case, steps = walk(TO_FORMAL)
    assert open_file(CustomerFile("R-0042"), SEED) == start(TABLE, subject="R-0042")
    assert case.state == "awaiting_formal"
    done = file_step(case, "formalise", SEED, by=CLERK, on=D(2026, 3, 7), forms=[FORM])
    assert done.applied
    assert done.after.state == "formal"
    assert [r.code for r in done.reasons] == ["workflow.applied", ArchivesReason.R2_FORMS_COMPLETE]
    records = [s.record for s in (*steps, done)]
    assert replay(TABLE, open_file("R-0042", SEED), records) == done.after  # type: ignore[arg-type]


def test_an_out_of_order_step_is_refused_with_the_reason() -> None:
    case = open_file("R-0042", SEED)
    step = file_step(case, "formalise", SEED, by=CLERK, on=D(2026, 3, 7), forms=[FORM])
    assert step.outcome is FileOutcome.REFUSED
    assert step.workflow is StepOutcome.NO_TRANSITION
    assert step.after == case
    assert step.record is None
    assert "'formalise and shelve' is not a step from 'opened'" in explain(step, "en")


def test_a_wrong_role_is_refused() -> None:
    case, _ = walk(TO_FORMAL)
    step = file_step(case, "formalise", SEED, by=SALES, on=D(2026, 3, 7), forms=[FORM])
    assert step.workflow is StepOutcome.WRONG_ROLE
    assert not step.applied
    assert "陈小明 (salesperson) may not take 'formalise and shelve'" in explain(step, "en")


def test_formalising_without_the_companys_forms_names_the_missing_ones() -> None:
    case, _ = walk(TO_FORMAL)
    step = file_step(case, "formalise", SEED, by=CLERK, on=D(2026, 3, 7), forms=["竣工图"])
    assert step.outcome is FileOutcome.MISSING_FORMS
    assert step.missing == (FORM,)
    assert step.after == case
    assert step.record is None
    assert step.workflow is StepOutcome.APPLIED  # the table alone would allow it
    assert explain(step, "zh") == (
        "[R2] 档案 R-0042 的竣工文档缺少公司指定的表格:电话交换机安装参数一览表,不能整理成正式档案"
    )
    assert file_step(case, "formalise", SEED, by=CLERK, on=D(2026, 3, 7)).missing == (FORM,)


# --------------------------------------------------------------------------- R1 the deadline


def _received(day: D, formalised: D | None = None) -> CustomerFile:
    return CustomerFile("R-0042", received_on=day, formalised_on=formalised)


def test_formal_within_five_days_of_receipt_is_due_on_receipt_plus_five() -> None:
    """ "收到竣工文档后5天内": received 2 March → due 7 March; the 7th on time, the 8th late."""
    on_time = formalisation(_received(D(2026, 3, 2)), SEED, on=D(2026, 3, 7))
    assert (on_time.due, on_time.overdue, on_time.days_late) == (D(2026, 3, 7), False, 0)
    assert on_time.reasons[0].code == ArchivesReason.R1_FORMAL_DUE
    late = formalisation(_received(D(2026, 3, 2)), SEED, on=D(2026, 3, 8))
    assert (late.overdue, late.days_late) == (True, 1)
    assert "1 day(s) overdue" in explain(late, "en")


def test_the_other_reading_and_working_days_are_parameters() -> None:
    counting = ArchivesPolicy(files={"formal_within": Deadline(5, count_start_day=True)})
    assert formalisation(_received(D(2026, 3, 2)), counting, on=D(2026, 3, 2)).due == D(2026, 3, 6)
    working = ArchivesPolicy(files={"formal_within": Deadline(5, DeadlineMode.WORKING_DAYS)})
    # received Friday 25 September 2026, a holiday: the five working days after it are 28–30
    # September and, after the National Day week, 8 and 9 October
    status = formalisation(
        _received(D(2026, 9, 25)), working, on=D(2026, 10, 1), calendar=china_working_days()
    )
    assert status.due == D(2026, 10, 9)


def test_a_formalised_file_is_done_or_late_and_never_overdue() -> None:
    done = formalisation(_received(D(2026, 3, 2), D(2026, 3, 7)), SEED, on=D(2026, 4, 1))
    assert (done.overdue, done.late, done.formalised_on) == (False, False, D(2026, 3, 7))
    late = formalisation(_received(D(2026, 3, 2), D(2026, 3, 9)), SEED, on=D(2026, 4, 1))
    assert (late.late, late.days_late) == (True, 2)
    assert late.reasons[0].code == ArchivesReason.R1_FORMAL_LATE
    # a formalisation after the day asked about is not known on that day
    before = formalisation(_received(D(2026, 3, 2), D(2026, 3, 9)), SEED, on=D(2026, 3, 8))
    assert (before.formalised_on, before.overdue) == (None, True)


def test_a_file_not_yet_received_has_no_deadline() -> None:
    status = formalisation(CustomerFile("R-1"), SEED, on=D(2026, 3, 8))
    assert (status.due, status.overdue) == (None, False)
    assert status.reasons[0].code == ArchivesReason.R1_NOT_RECEIVED
    future = formalisation(_received(D(2026, 3, 9)), SEED, on=D(2026, 3, 8))
    assert future.received_on is None


def test_the_list_of_files_past_the_deadline() -> None:
    files = [
        CustomerFile("A", received_on=D(2026, 3, 1)),
        CustomerFile("B", received_on=D(2026, 3, 3)),
        CustomerFile("C", received_on=D(2026, 2, 20)),
        CustomerFile("D", received_on=D(2026, 2, 20), formalised_on=D(2026, 2, 24)),
        CustomerFile("E"),
    ]
    result = overdue_files(files, SEED, on=D(2026, 3, 8))
    assert [(s.file, s.days_late) for s in result.files] == [("C", 11), ("A", 2)]
    assert result.checked == 5
    assert explain(result, "en") == (
        "[R1] as of 2026-03-08, 2 of 5 file(s) are past their formalisation deadline"
    )
    with pytest.raises(InputError, match=r"files\[1\]\.id"):
        overdue_files([files[0], files[0]], SEED, on=D(2026, 3, 8))
    with pytest.raises(InputError, match=r"files\[0\]"):
        overdue_files(["A"], SEED, on=D(2026, 3, 8))  # type: ignore[list-item]


WEEKENDS = WorkingDayCalendar(covered_years=frozenset(range(1900, 3000)), name="weekends")
"""Saturdays and Sundays off, every year covered."""


@given(
    customer_files(),
    days(),
    st.integers(0, 30),
    st.sampled_from(list(DeadlineMode)),
    st.booleans(),
)
def test_deadlines_are_never_before_their_start_and_lateness_grows(
    file: CustomerFile, on: D, n: int, mode: DeadlineMode, count: bool
) -> None:
    policy = ArchivesPolicy(files={"formal_within": Deadline(n, mode, count_start_day=count)})
    calendar = WEEKENDS
    status = formalisation(file, policy, on=on, calendar=calendar)
    if status.due is not None:
        assert status.received_on is not None
        assert status.due >= status.received_on
        assert status.overdue == (status.formalised_on is None and on > status.due)
    later = formalisation(file, policy, on=on + dt.timedelta(days=1), calendar=calendar)
    if status.overdue:
        assert later.overdue
        assert later.days_late == status.days_late + 1
    assert formalisation(file, policy, on=on, calendar=calendar) == status  # deterministic
    listed = overdue_files([file], policy, on=on, calendar=calendar)
    assert listed.files == ((status,) if status.overdue else ())


# --------------------------------------------------------------------------- R8 disposal


def _past(requested_by: Approval = FINANCE) -> Case:
    case, _ = walk(
        [
            *TO_FORMAL,
            ("formalise", CLERK, D(2026, 3, 6)),
            ("end_trade", FINANCE, D(2026, 6, 1)),
            ("request_disposal", requested_by, D(2026, 6, 2)),
        ],
        forms=[FORM],
    )
    return case


def _hold(state: str, subject: str = "R-0042", kind: HoldKind = HoldKind.LITIGATION) -> Hold:
    return Hold(kind, Case(SEED.files.holds.name, state, subject, 1, "赵总", D(2026, 5, 1)))


def test_disposal_needs_the_manager_in_charges_approval_by_another_person() -> None:
    case = _past()
    ok = file_step(case, "approve_disposal", SEED, by=MANAGER, on=D(2026, 6, 3))
    assert ok.applied
    assert ok.after.state == "disposed"
    wrong_what = who("王经理", Role.SALES_MANAGER, "R8.other")
    assert file_step(case, "approve_disposal", SEED, by=wrong_what, on=D(2026, 6, 3)).workflow is (
        StepOutcome.WRONG_APPROVAL
    )
    gm = who("赵总", Role.GENERAL_MANAGER, DISPOSAL)
    assert file_step(case, "approve_disposal", SEED, by=gm, on=D(2026, 6, 3)).workflow is (
        StepOutcome.WRONG_ROLE
    )


def test_the_requester_cannot_approve_the_disposal() -> None:
    both = who("王经理", Role.SALES_MANAGER, DISPOSAL)
    policy = ArchivesPolicy(files={"disposal_roles": [Role.SALES_MANAGER]})
    case = _past()
    # a manager who also requested: the two-person rule
    requested = Case(case.workflow, case.state, case.subject, case.seq, "王经理", case.last_on)
    step = file_step(requested, "approve_disposal", policy, by=both, on=D(2026, 6, 3))
    assert step.workflow is StepOutcome.SAME_PERSON
    assert not step.applied


def test_a_file_under_a_hold_cannot_be_disposed_of() -> None:
    case = _past()
    held = file_step(
        case,
        "approve_disposal",
        SEED,
        by=MANAGER,
        on=D(2026, 6, 3),
        holds=[_hold("placed"), _hold("placed", kind=HoldKind.AUDIT)],
    )
    assert held.outcome is FileOutcome.HELD
    assert held.after == case
    assert held.holds == (HoldKind.LITIGATION, HoldKind.AUDIT)
    assert explain(held, "en") == (
        "[R8] file R-0042 is under a hold (litigation hold, audit hold): it cannot be disposed of"
    )
    lifted = file_step(
        case,
        "approve_disposal",
        SEED,
        by=MANAGER,
        on=D(2026, 6, 3),
        holds=[_hold("lifted"), _hold("placed", subject="R-9")],
    )
    assert lifted.applied
    with pytest.raises(InputError, match=r"holds\[0\]"):
        file_step(case, "approve_disposal", SEED, by=MANAGER, on=D(2026, 6, 3), holds=["x"])  # type: ignore[list-item]


def test_a_hold_also_stops_the_request() -> None:
    case, _ = walk(
        [*TO_FORMAL, ("formalise", CLERK, D(2026, 3, 6)), ("end_trade", FINANCE, D(2026, 6, 1))],
        forms=[FORM],
    )
    step = file_step(
        case,
        "request_disposal",
        SEED,
        by=FINANCE,
        on=D(2026, 6, 2),
        holds=[_hold("placed", kind=HoldKind.RECEIVABLE)],
    )
    assert step.outcome is FileOutcome.HELD


def test_only_a_past_file_is_disposed_of() -> None:
    case, _ = walk(
        [
            *TO_FORMAL,
            ("formalise", CLERK, D(2026, 3, 6)),
            ("suspend_trade", FINANCE, D(2026, 6, 1)),
        ],
        forms=[FORM],
    )
    step = file_step(case, "request_disposal", SEED, by=FINANCE, on=D(2026, 6, 2))
    assert step.workflow is StepOutcome.NO_TRANSITION
    resumed = file_step(case, "resume_trade", SEED, by=FINANCE, on=D(2026, 7, 1))
    assert resumed.after.state == "formal"


# --------------------------------------------------------------------------- R12 records


def test_under_the_sales_admin_preset_sales_admin_records() -> None:
    case = open_file("R-0042", SEED)
    step = file_step(case, "record_call", SEED, by=ADMIN, on=D(2026, 1, 2))
    assert step.applied
    assert step.after.state == "opened"
    assert step.after.seq == 1
    assert step.reasons[-1].code == ArchivesReason.R12_EDITOR_SALES_ADMIN
    assert file_step(case, "record_call", SEED, by=SALES, on=D(2026, 1, 2)).workflow is (
        StepOutcome.WRONG_ROLE
    )
    visit = file_step(case, "record_visit", SEED, by=SALES, on=D(2026, 1, 2))
    assert visit.applied
    assert len(visit.reasons) == 1


def test_under_the_customer_manager_preset_only_the_files_manager_records() -> None:
    policy = ArchivesPolicy(files={"record_editing": RecordEditing.CUSTOMER_MANAGER})
    assert policy.files.lifecycle.transition("formal", "record_letter").roles == {Role.SALESPERSON}
    case = open_file("R-0042", policy)
    mine = CustomerFile("R-0042", owner="陈小明")
    step = file_step(case, "record_letter", policy, by=SALES, on=D(2026, 1, 2), file=mine)
    assert step.applied
    assert "periodically sends electronic copies to the marketing director" in explain(step, "en")
    other = who("王芳", Role.SALESPERSON)
    refused = file_step(case, "record_letter", policy, by=other, on=D(2026, 1, 2), file=mine)
    assert refused.outcome is FileOutcome.NOT_OWNER
    assert refused.owner == "陈小明"
    unknown = file_step(case, "record_letter", policy, by=SALES, on=D(2026, 1, 2))
    assert unknown.outcome is FileOutcome.NOT_OWNER  # deny by default: no owner known
    with pytest.raises(InputError, match=r"file\.id"):
        file_step(
            case, "record_letter", policy, by=SALES, on=D(2026, 1, 2), file=CustomerFile("R-1")
        )


def test_recording_during_a_disposal_request_is_not_a_step() -> None:
    """No step may come between the request and the approval: it would let the requester
    approve (the two-person rule compares with the step before)."""
    case = _past()
    assert file_step(case, "record_call", SEED, by=ADMIN, on=D(2026, 6, 3)).workflow is (
        StepOutcome.NO_TRANSITION
    )


# --------------------------------------------------------------------------- R2 contents


def test_the_required_fields_of_the_form_in_use() -> None:
    full = dict.fromkeys(SEED.files.record_forms[0].fields, "x")
    assert check_record(full, SEED).complete
    partial = {**full, "fax": "  ", "postcode": None}
    result = check_record(partial, SEED)
    assert result.missing == ("postcode", "fax")
    assert (
        explain(result, "en")
        == "[R2] the customer record (basic) lacks required fields: postcode, fax"
    )
    credit = check_record(full, SEED, form="credit")
    assert credit.missing == ("profit_and_loss", "balance_sheet", "key_ratios")
    with pytest.raises(InputError, match="form"):
        check_record(full, SEED, form="nope")
    with pytest.raises(InputError, match="values"):
        check_record({1: "x"}, SEED)  # type: ignore[dict-item]


def test_manuals_keep_one_copy_or_more() -> None:
    """ "保留一份以上": 以上 includes the number — one copy is enough, none is short."""
    result = check_manuals({"PBX-200": 1, "PBX-300": 0, "PBX-400": 2}, SEED)
    assert result.short == ("PBX-300",)
    assert check_manuals({"PBX-200": 1}, SEED).reasons[0].code == ArchivesReason.R2_MANUALS_OK
    two = ArchivesPolicy(files={"manual_copies": 2})
    assert check_manuals({"PBX-200": 1}, two).short == ("PBX-200",)
    with pytest.raises(InputError, match=r"copies\[PBX\]"):
        check_manuals({"PBX": -1}, SEED)


# --------------------------------------------------------------------------- the policy


def test_the_policy_checks_its_tables_at_their_paths() -> None:
    with pytest.raises(PolicyError, match="form_in_use"):
        ArchivesPolicy(files={"form_in_use": "nope"})
    table = SEED.files.lifecycle
    rows = [t for t in table.transitions if t.event != "formalise"]
    with pytest.raises(PolicyError, match=r"lifecycle\.transitions"):
        ArchivesPolicy(
            files={"lifecycle": {**_plain(table), "transitions": [_plain(t) for t in rows]}}
        )
    loose = [
        _plain(t) | ({"distinct": False} if t.event == "approve_disposal" else {})
        for t in table.transitions
    ]
    with pytest.raises(PolicyError, match=r"distinct"):
        ArchivesPolicy(files={"lifecycle": {**_plain(table), "transitions": loose}})
    looped = [
        *map(_plain, table.transitions),
        {
            "source": "disposal_requested",
            "event": "add_documents",
            "target": "disposal_requested",
            "roles": ["archive_department"],
        },
    ]
    with pytest.raises(PolicyError, match="approver is not the requester"):
        ArchivesPolicy(files={"lifecycle": {**_plain(table), "transitions": looped}})


def _plain(value: Any) -> Any:
    from customer_rules.settings import plain

    return plain(value)


def test_the_seed_table_follows_the_disposal_roles() -> None:
    policy = ArchivesPolicy(files={"disposal_roles": ["general_affairs_manager"]})
    move = policy.files.lifecycle.transition("disposal_requested", "approve_disposal")
    assert move is not None
    assert move.roles == {Role.GENERAL_AFFAIRS_MANAGER}


# --------------------------------------------------------------------------- properties

SIGNERS = st.builds(
    lambda name, role, what: Approval(name, role, what, D(2026, 1, 1)),
    st.sampled_from(["甲", "乙"]),
    st.sampled_from(
        [
            Role.ARCHIVE_DEPARTMENT,
            Role.PROJECT_LEAD,
            Role.GENERAL_AFFAIRS_FINANCE,
            Role.SALES_MANAGER,
            Role.SALES_ADMIN,
            Role.SALESPERSON,
            Role.GENERAL_MANAGER,
        ]
    ),
    st.sampled_from(["R1", DISPOSAL]),
)
EVENTS = st.sampled_from([e.name for e in TABLE.events])


def _reachable(table: Any) -> set[str]:
    seen, todo = {table.initial}, deque([table.initial])
    while todo:
        for move in table.moves(todo.popleft()):
            if move.target not in seen:
                seen.add(move.target)
                todo.append(move.target)
    return seen


@given(
    st.lists(
        st.tuples(EVENTS, SIGNERS, st.integers(0, 3), st.booleans(), st.booleans()), max_size=40
    ),
)
def test_every_run_stays_in_the_table_and_replays(
    run: list[tuple[str, Approval, int, bool, bool]],
) -> None:
    """Every state a run reaches is reachable in the table read as a graph; every refused step
    is one the table does not allow (or a rule of the chapter names); a disposal never happens
    under a hold or by the requester; replaying the records reproduces the case."""
    reachable = _reachable(TABLE)
    case, day, records = open_file("R-0042", SEED), D(2026, 1, 1), []
    for event, by, gap, with_forms, held in run:
        day += dt.timedelta(days=gap)
        holds = [_hold("placed")] if held else []
        step = file_step(
            case, event, SEED, by=by, on=day, forms=[FORM] if with_forms else (), holds=holds
        )
        move = TABLE.transition(case.state, event)
        if step.applied:
            assert move is not None
            assert by.role in move.roles
            assert step.after.state == move.target
            assert step.after.state in reachable
            if event == "approve_disposal":
                assert not held
                assert by.who != case.last_by
                assert by.what == DISPOSAL
            if event == "formalise":
                assert with_forms
            records.append(step.record)
            case = step.after
        else:
            assert step.after == case
            assert step.record is None
            if step.outcome is FileOutcome.REFUSED:
                assert (
                    move is None
                    or by.role not in move.roles
                    or (move.approval is not None and by.what != move.approval)
                    or (move.distinct and by.who == case.last_by)
                )
            else:
                assert move is not None
                assert step.workflow is StepOutcome.APPLIED
            assert step.reasons[0].rule in ("R1", "R2", "R8")
    assert replay(TABLE, open_file("R-0042", SEED), records) == case


def test_results_round_trip_as_plain_data() -> None:
    case, _ = walk(TO_FORMAL)
    results: list[Any] = [
        file_step(case, "formalise", SEED, by=CLERK, on=D(2026, 3, 7), forms=[]),
        file_step(case, "formalise", SEED, by=CLERK, on=D(2026, 3, 7), forms=[FORM]),
        formalisation(_received(D(2026, 3, 2)), SEED, on=D(2026, 3, 9)),
        overdue_files([_received(D(2026, 3, 2))], SEED, on=D(2026, 3, 9)),
        check_record({"name": "x"}, SEED),
    ]
    kinds = [FileStep, FileStep, FormalisationStatus, OverdueFiles, RecordCheck]
    for result, kind in zip(results, kinds, strict=True):
        data = json.loads(json.dumps(to_data(result, lang="zh"), ensure_ascii=False))
        assert from_data(kind, data, policy=SEED) == result
    assert "policy" not in to_data(results[0])


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: open_file(" ", SEED), "file"),
        (lambda: open_file("R-1", object()), "policy"),
        (
            lambda: file_step(open_file("R-1", SEED), "fly", SEED, by=CLERK, on=D(2026, 1, 1)),
            "event",
        ),
        (
            lambda: file_step(
                open_file("R-1", SEED), "sign_contract", SEED, by=CLERK, on=D(2026, 1, 1), forms="x"
            ),
            "forms",
        ),
        (
            lambda: file_step(
                open_file("R-1", SEED),
                "sign_contract",
                SEED,
                by=CLERK,
                on=D(2026, 1, 1),
                file="R-1",
            ),
            "file",
        ),
        (lambda: formalisation("R-1", SEED, on=D(2026, 1, 1)), "file"),  # type: ignore[arg-type]
        (lambda: formalisation(CustomerFile("R"), SEED, on=D(2026, 1, 1), calendar=3), "calendar"),
        (
            lambda: CustomerFile("R", received_on=D(2026, 3, 2), formalised_on=D(2026, 3, 1)),
            "formalised_on",
        ),
    ],
)
def test_input_that_cannot_be_right_names_the_field(call: Any, field: str) -> None:
    with pytest.raises(InputError) as error:
        call()
    assert error.value.field == field


def test_a_day_before_the_book_is_refused() -> None:
    from customer_rules.book import PolicyBook

    book = PolicyBook(version="2027", effective=D(2027, 1, 1))
    with pytest.raises(InputError, match="effective date"):
        formalisation(CustomerFile("R"), book.archives, on=D(2026, 12, 31))


@given(customer_files())
def test_a_file_round_trips_as_plain_data(file: CustomerFile) -> None:
    data = json.loads(json.dumps(to_data(file), ensure_ascii=False))
    assert from_data(CustomerFile, data) == file


# --------------------------------------------------------------------------- pinned tables

BOOK_2027 = PolicyBook(version="2027", effective=D(2027, 1, 1)).archives
"""A book with its own version and effective date: every result must carry both."""


def test_the_lifecycle_keeps_its_stored_names() -> None:
    """The table's name, rule, states and events are stored in every case and record a host
    keeps: renaming one orphans them."""
    assert (TABLE.name, TABLE.rule, TABLE.initial) == ("R1.file", "R1", "opened")
    assert [s.name for s in TABLE.states] == [
        "opened",
        "temporary",
        "completed",
        "awaiting_formal",
        "formal",
        "suspended",
        "past",
        "disposal_requested",
        "disposed",
    ]
    assert [e.name for e in TABLE.events] == [
        "sign_contract",
        "add_documents",
        "complete_project",
        "receive_completion",
        "formalise",
        "suspend_trade",
        "end_trade",
        "resume_trade",
        "request_disposal",
        "approve_disposal",
        "reject_disposal",
        "record_dealing",
        "record_change",
        "record_letter",
        "record_fax",
        "record_call",
        "record_results",
        "record_visit",
    ]
    holds = SEED.files.holds
    assert (holds.name, holds.rule, holds.initial) == ("R8.hold", "R8", "none")
    assert [s.name for s in holds.states] == ["none", "placed", "lifted"]
    assert [e.name for e in holds.events] == ["place", "lift"]


def _status_of(
    file: str,
    received: D | None,
    due: D | None,
    formalised: D | None,
    on: D,
    overdue: bool,
    late: bool,
    days: int,
) -> FormalisationStatus:
    return FormalisationStatus(
        file,
        received,
        due,
        formalised,
        on,
        overdue,
        late,
        days,
        "2027",
        policy_effective=D(2027, 1, 1),
    )


R = D(2027, 3, 2)  # received; due 7 March (receipt + 5)
DUE = D(2027, 3, 7)


@pytest.mark.parametrize(
    ("file", "on", "expected"),
    [
        pytest.param(
            CustomerFile("R-1"),
            D(2027, 3, 8),
            _status_of("R-1", None, None, None, D(2027, 3, 8), False, False, 0),
            id="not-received",
        ),
        pytest.param(
            CustomerFile("R-2", received_on=D(2027, 3, 9)),
            D(2027, 3, 8),
            _status_of("R-2", None, None, None, D(2027, 3, 8), False, False, 0),
            id="received-after-the-day-asked",
        ),
        pytest.param(
            CustomerFile("R-3", received_on=R),
            D(2027, 3, 4),
            _status_of("R-3", R, DUE, None, D(2027, 3, 4), False, False, 0),
            id="open-before-due",
        ),
        pytest.param(
            CustomerFile("R-4", received_on=R),
            DUE,
            _status_of("R-4", R, DUE, None, DUE, False, False, 0),
            id="open-on-the-due-day",
        ),
        pytest.param(
            CustomerFile("R-5", received_on=R),
            D(2027, 3, 8),
            _status_of("R-5", R, DUE, None, D(2027, 3, 8), True, False, 1),
            id="open-a-day-past-due",
        ),
        pytest.param(
            CustomerFile("R-6", received_on=R, formalised_on=D(2027, 3, 5)),
            D(2027, 3, 5),
            _status_of("R-6", R, DUE, D(2027, 3, 5), D(2027, 3, 5), False, False, 0),
            id="formalised-early-on-the-day-asked",
        ),
        pytest.param(
            CustomerFile("R-7", received_on=R, formalised_on=DUE),
            D(2027, 4, 1),
            _status_of("R-7", R, DUE, DUE, D(2027, 4, 1), False, False, 0),
            id="formalised-on-the-due-day",
        ),
        pytest.param(
            CustomerFile("R-8", received_on=R, formalised_on=D(2027, 3, 9)),
            D(2027, 3, 9),
            _status_of("R-8", R, DUE, D(2027, 3, 9), D(2027, 3, 9), False, True, 2),
            id="formalised-late-on-the-day-asked",
        ),
        pytest.param(
            CustomerFile("R-9", received_on=R, formalised_on=D(2027, 3, 9)),
            D(2027, 3, 8),
            _status_of("R-9", R, DUE, None, D(2027, 3, 8), True, False, 1),
            id="formalised-after-the-day-asked",
        ),
    ],
)
def test_every_field_of_the_formalisation_status(
    file: CustomerFile, on: D, expected: FormalisationStatus
) -> None:
    """R1 "收到竣工文档后5天内" on both sides of the due day, with the book's version and date."""
    assert formalisation(file, BOOK_2027, on=on) == expected
    listed = overdue_files([file], BOOK_2027, on=on)
    assert listed == OverdueFiles(
        on,
        (expected,) if expected.overdue else (),
        1,
        "2027",
        policy_effective=D(2027, 1, 1),
    )


def test_the_overdue_list_carries_the_books_version_and_date() -> None:
    files = [
        CustomerFile("B", received_on=D(2027, 3, 1)),
        CustomerFile("A", received_on=D(2027, 3, 1)),
        CustomerFile("C", received_on=D(2027, 2, 20)),
    ]
    result = overdue_files(files, BOOK_2027, on=D(2027, 3, 8))
    assert result == OverdueFiles(
        D(2027, 3, 8),
        (
            _status_of("C", D(2027, 2, 20), D(2027, 2, 25), None, D(2027, 3, 8), True, False, 11),
            _status_of("A", D(2027, 3, 1), D(2027, 3, 6), None, D(2027, 3, 8), True, False, 2),
            _status_of("B", D(2027, 3, 1), D(2027, 3, 6), None, D(2027, 3, 8), True, False, 2),
        ),
        3,
        "2027",
        policy_effective=D(2027, 1, 1),
    )


def test_record_and_manual_checks_carry_the_books_version_and_date() -> None:
    assert check_record({"name": "华东机电"}, BOOK_2027, form="contact") == RecordCheck(
        "contact",
        (
            "website",
            "address",
            "business_scope",
            "registered_capital",
            "phone",
            "fax",
            "principal_mobile",
            "email",
        ),
        "2027",
        policy_effective=D(2027, 1, 1),
    )
    assert check_manuals({"PBX-200": 1, "PBX-300": 0}, BOOK_2027) == ManualsCheck(
        ("PBX-300",), 1, "2027", policy_effective=D(2027, 1, 1)
    )


def test_a_record_form_names_each_field_once() -> None:
    with pytest.raises(PolicyError) as error:
        RecordForm("x", ("a", "b", "a", "b"), "s")
    assert [(p.path, p.given, p.expected) for p in error.value.problems] == [
        ("fields[2]", "'a'", "a field not named before"),
        ("fields[3]", "'b'", "a field not named before"),
    ]


# --------------------------------------------------------------------------- the step's result

OWNER_POLICY = ArchivesPolicy(files={"record_editing": RecordEditing.CUSTOMER_MANAGER})


def _facts(step: FileStep) -> list[tuple[str, str, Any]]:
    return [(r.rule, r.code, r.facts) for r in step.reasons]


def test_a_record_by_another_than_the_files_manager_names_who_whose_and_which_file() -> None:
    mine = CustomerFile("R-0042", owner="陈小明")
    other = who("王芳", Role.SALESPERSON)
    case = open_file("R-0042", OWNER_POLICY)
    step = file_step(case, "record_letter", OWNER_POLICY, by=other, on=D(2026, 1, 2), file=mine)
    assert _facts(step) == [
        (
            "R12",
            ArchivesReason.R12_NOT_OWNER,
            (("who", "王芳"), ("file", "R-0042"), ("owner", "陈小明")),
        )
    ]
    assert (step.missing, step.holds, step.owner, step.record) == ((), (), "陈小明", None)


def test_the_reasons_an_applied_step_adds() -> None:
    """R2: an applied formalise names the forms; R12: a record step names who edits."""
    case, _ = walk(TO_FORMAL)
    done = file_step(case, "formalise", SEED, by=CLERK, on=D(2026, 3, 7), forms=[FORM, "竣工图"])
    assert _facts(done)[1:] == [("R2", ArchivesReason.R2_FORMS_COMPLETE, (("forms", (FORM,)),))]
    assert _facts(done)[0][0] == "R1"
    admin = file_step(open_file("R-0042", SEED), "record_call", SEED, by=ADMIN, on=D(2026, 1, 2))
    assert _facts(admin)[1:] == [("R12", ArchivesReason.R12_EDITOR_SALES_ADMIN, ())]
    mine = file_step(
        open_file("R-0042", OWNER_POLICY),
        "record_letter",
        OWNER_POLICY,
        by=SALES,
        on=D(2026, 1, 2),
        file=CustomerFile("R-0042", owner="陈小明"),
    )
    assert _facts(mine)[1:] == [
        ("R12", ArchivesReason.R12_EDITOR_MANAGER, (("to", Role.MARKETING_DIRECTOR),))
    ]


def test_a_step_other_than_formalising_or_disposal_lists_no_forms_and_no_holds() -> None:
    """``missing`` is for formalising, ``holds`` for the disposal steps: a hold on the file
    does not show on any other step."""
    held = [_hold("placed")]
    case = open_file("R-0042", SEED)
    step = file_step(case, "sign_contract", SEED, by=CLERK, on=D(2026, 1, 5), holds=held)
    assert step.applied
    assert (step.missing, step.holds, step.owner) == ((), (), None)
    formal, _ = walk(TO_FORMAL)
    done = file_step(
        formal, "formalise", SEED, by=CLERK, on=D(2026, 3, 7), forms=[FORM], holds=held
    )
    assert done.applied
    assert (done.missing, done.holds) == ((), ())


def test_every_step_result_carries_the_books_version_and_date() -> None:
    case = open_file("R-0042", BOOK_2027)
    step = file_step(case, "sign_contract", BOOK_2027, by=CLERK, on=D(2027, 1, 5))
    assert (step.policy_version, step.policy_effective) == ("2027", D(2027, 1, 1))
    refused = file_step(case, "formalise", BOOK_2027, by=CLERK, on=D(2027, 1, 5))
    assert (refused.policy_version, refused.policy_effective) == ("2027", D(2027, 1, 1))


# --------------------------------------------------------------------------- argument errors

_CASE = open_file("R-1", SEED)
_DAY = D(2026, 1, 5)


def _step(**kw: Any) -> Any:
    return lambda: file_step(_CASE, "sign_contract", SEED, by=CLERK, on=_DAY, **kw)


def _holds_case(workflow: str) -> Hold:
    return Hold(HoldKind.AUDIT, Case(workflow, "placed", "R-1", 1, "赵总", D(2026, 1, 1)))


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: open_file(" ", SEED),
            [("file", "' '", "a CustomerFile or a file id (a non-blank string)")],
            id="open_file-blank-id",
        ),
        pytest.param(
            lambda: open_file(7, SEED),
            [("file", 7, "a CustomerFile or a file id (a non-blank string)")],
            id="open_file-not-an-id",
        ),
        pytest.param(
            _step(file="R-1"),
            [("file", "'R-1'", "a CustomerFile or None")],
            id="file_step-file-not-a-CustomerFile",
        ),
        pytest.param(
            _step(file=CustomerFile("R-2")),
            [("file.id", "'R-2'", "the case's subject 'R-1'")],
            id="file_step-another-file",
        ),
        pytest.param(
            _step(forms="电话交换机安装参数一览表"),
            [("forms", "'电话交换机安装参数一览表'", "an iterable of form names")],
            id="file_step-forms-a-string",
        ),
        pytest.param(
            _step(forms=3),
            [("forms", 3, "an iterable of form names")],
            id="file_step-forms-not-iterable",
        ),
        pytest.param(
            _step(forms=[FORM, 3]),
            [("forms[1]", 3, "a form's name (a string)")],
            id="file_step-a-form-not-a-string",
        ),
        pytest.param(
            _step(holds="placed"),
            [("holds", "'placed'", "an iterable of Hold")],
            id="file_step-holds-a-string",
        ),
        pytest.param(
            _step(holds=3),
            [("holds", 3, "an iterable of Hold")],
            id="file_step-holds-not-iterable",
        ),
        pytest.param(
            _step(holds=[_holds_case("R8.hold"), "x"]),
            [("holds[1]", "'x'", "a Hold")],
            id="file_step-a-hold-not-a-Hold",
        ),
        pytest.param(
            _step(holds=[_holds_case("R8.hold"), _holds_case("R1.file")]),
            [("holds[1].case.workflow", "'R1.file'", "'R8.hold'")],
            id="file_step-a-hold-of-another-table",
        ),
        pytest.param(
            lambda: formalisation("R-1", SEED, on=_DAY),
            [("file", "'R-1'", "a CustomerFile")],
            id="formalisation-file-not-a-CustomerFile",
        ),
        pytest.param(
            lambda: overdue_files("R-1", SEED, on=_DAY),
            [("files", "'R-1'", "an iterable of CustomerFile")],
            id="overdue_files-a-string",
        ),
        pytest.param(
            lambda: overdue_files(3, SEED, on=_DAY),
            [("files", 3, "an iterable of CustomerFile")],
            id="overdue_files-not-iterable",
        ),
        pytest.param(
            lambda: overdue_files([CustomerFile("A"), "B"], SEED, on=_DAY),
            [("files[1]", "'B'", "a CustomerFile")],
            id="overdue_files-an-item-not-a-CustomerFile",
        ),
        pytest.param(
            lambda: overdue_files([CustomerFile("A"), CustomerFile("A")], SEED, on=_DAY),
            [("files[1].id", "'A'", "an id not listed before")],
            id="overdue_files-an-id-twice",
        ),
        pytest.param(
            lambda: check_record([("name", "x")], SEED),
            [("values", "[('name', 'x')]", "a mapping of field names to values")],
            id="check_record-values-not-a-mapping",
        ),
        pytest.param(
            lambda: check_record({"name": "x", 1: "y"}, SEED),
            [("values", 1, "field names (strings) as keys")],
            id="check_record-a-key-not-a-string",
        ),
        pytest.param(
            lambda: check_record({"name": "x"}, SEED, form="nope"),
            [("form", "'nope'", "one of ['basic', 'contact', 'new_customer', 'credit']")],
            id="check_record-an-unknown-form",
        ),
        pytest.param(
            lambda: check_manuals([("PBX", 1)], SEED),
            [("copies", "[('PBX', 1)]", "a mapping of manual names to copies on file")],
            id="check_manuals-not-a-mapping",
        ),
        pytest.param(
            lambda: check_manuals({"PBX": 1, " ": 1}, SEED),
            [("copies", "' '", "manual names (non-blank strings) as keys")],
            id="check_manuals-a-blank-name",
        ),
        pytest.param(
            lambda: check_manuals({"PBX": 1, 2: 1}, SEED),
            [("copies", 2, "manual names (non-blank strings) as keys")],
            id="check_manuals-a-name-not-a-string",
        ),
        pytest.param(
            lambda: check_manuals({"PBX": -1}, SEED),
            [("copies[PBX]", -1, "a whole number of copies, 0 or more")],
            id="check_manuals-a-negative-count",
        ),
        pytest.param(
            lambda: check_manuals({"PBX": 1.0}, SEED),
            [("copies[PBX]", "a float", "a whole number of copies, 0 or more")],
            id="check_manuals-a-count-not-whole",
        ),
    ],
)
def test_every_argument_error_names_the_path_the_value_and_what_was_expected(
    call: Any, problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == problems


# --------------------------------------------------------------------------- the policy's refusals


_ROWS = [_plain(t) for t in TABLE.transitions]
_APPROVE_ROW = next(i for i, t in enumerate(TABLE.transitions) if t.event == "approve_disposal")
_APPROVAL_AT = f"files.lifecycle.transitions[{_APPROVE_ROW}]"


def _files(**files: Any) -> Any:
    return lambda: ArchivesPolicy(files=files)  # type: ignore[arg-type]


def _lifecycle(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {**_plain(TABLE), "transitions": rows}


def _approve_row_with(**changes: Any) -> list[dict[str, Any]]:
    return [row | changes if row["event"] == "approve_disposal" else row for row in _ROWS]


_LOOP = {
    "source": "disposal_requested",
    "event": "add_documents",
    "target": "disposal_requested",
    "roles": ["archive_department"],
}
# two roles, so that the expected text shows them sorted and joined
_TWO_DISPOSERS = ["sales_manager", "general_affairs_manager"]
_FORM_X = RecordForm("x", ("a",), "s")
_FORM_Y = RecordForm("y", ("b",), "s")
_HOLDS = _plain(SEED.files.holds)


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            _files(record_forms=[_FORM_X, _FORM_Y, RecordForm("x", ("b",), "s")], form_in_use="y"),
            [("files.record_forms[2].name", "'x'", "a name not used before")],
            id="R2-a-form-name-twice",
        ),
        pytest.param(
            _files(record_forms=[_FORM_X, _FORM_Y], form_in_use="nope"),
            [("files.form_in_use", "'nope'", "one of ['x', 'y']")],
            id="R2-form-in-use-not-a-form",
        ),
        pytest.param(
            _files(
                lifecycle=_lifecycle(
                    [
                        *_approve_row_with(
                            roles=["general_manager"], approval="R1", distinct=False
                        ),
                        _LOOP,
                    ]
                ),
                disposal_roles=_TWO_DISPOSERS,
            ),
            [
                (
                    f"{_APPROVAL_AT}.roles",
                    "['general_manager']",
                    "the disposal_roles (general_affairs_manager, sales_manager)",
                ),
                (f"{_APPROVAL_AT}.approval", "'R1'", "'R8.dispose'"),
                (f"{_APPROVAL_AT}.distinct", False, "true (two persons)"),
                (
                    f"files.lifecycle.transitions[{len(_ROWS)}].target",
                    "'disposal_requested'",
                    "a state other than 'disposal_requested' (the approver is not the requester)",
                ),
            ],
            id="R8-approval-by-other-roles-without-sign-off-by-one-person-and-a-loop",
        ),
        pytest.param(
            _files(
                lifecycle=_lifecycle(
                    [
                        row
                        for row in _approve_row_with(distinct=False)
                        if row["event"] != "formalise"
                    ]
                )
            ),
            [
                (
                    "files.lifecycle.transitions",
                    f"'{len(_ROWS) - 1} row(s)'",
                    "a row from 'awaiting_formal' on 'formalise' to 'formal'",
                ),
                # the approval row is still checked after the missing formalise row
                (
                    f"files.lifecycle.transitions[{_APPROVE_ROW - 1}].distinct",
                    False,
                    "true (two persons)",
                ),
            ],
            id="R1-no-formalise-row-and-R8-a-one-person-approval",
        ),
        pytest.param(
            _files(
                holds={
                    **_HOLDS,
                    "states": [
                        _HOLDS["states"][0],
                        {"name": "frozen", "zh": "冻结", "en": "frozen"},
                    ],
                    "events": _HOLDS["events"][:1],
                    "transitions": [
                        {
                            "source": "none",
                            "event": "place",
                            "target": "frozen",
                            "roles": ["general_manager"],
                        }
                    ],
                }
            ),
            [("files.holds.states", "['none', 'frozen']", "a state 'placed'")],
            id="R8-holds-without-placed",
        ),
    ],
)
def test_every_policy_error_names_the_path_the_value_and_what_was_expected(
    call: Any, problems: list[tuple[str, object, str]]
) -> None:
    """R1, R2, R8: a company's own forms, lifecycle and holds are refused field by field."""
    assert problems_of(call, PolicyError) == problems


def test_a_companys_own_lifecycle_is_kept_under_the_customer_manager_preset() -> None:
    """R1, R12: only the seed's table follows ``record_editing``; a company's own table (here
    the seed's with one label changed) is kept exactly as given."""
    own = {
        **_plain(TABLE),
        "events": [
            event | ({"en": "contract signed (own)"} if event["name"] == "sign_contract" else {})
            for event in _plain(TABLE)["events"]
        ],
    }
    policy = ArchivesPolicy(files={"lifecycle": own, "record_editing": "customer_manager"})  # type: ignore[arg-type]
    assert _plain(policy.files.lifecycle) == own
    move = policy.files.lifecycle.transition("opened", "record_call")
    assert move is not None
    assert move.roles == {Role.SALES_ADMIN}


@pytest.mark.parametrize(
    "files",
    [
        {"record_editing": RecordEditing.CUSTOMER_MANAGER},
        {"disposal_roles": [Role.GENERAL_AFFAIRS_MANAGER]},
    ],
    ids=["customer-manager-edits", "other-disposers"],
)
def test_a_rebuilt_lifecycle_changes_only_who_acts(files: dict[str, Any]) -> None:
    """R1, R8, R12: the preset of who edits records, or who approves a disposal, rebuilds the
    seed table with the same stored vocabulary — its name, rule, first state, every state's and
    event's name and labels (the keys a host stores in its records) — and the same steps,
    approvals and two-person rules; only the roles differ."""
    new = ArchivesPolicy(files=files).files.lifecycle  # type: ignore[arg-type]
    assert new != TABLE
    assert (new.name, new.rule, new.initial) == (TABLE.name, TABLE.rule, TABLE.initial)
    assert [(s.name, s.zh, s.en) for s in new.states] == [
        (s.name, s.zh, s.en) for s in TABLE.states
    ]
    assert [(e.name, e.zh, e.en) for e in new.events] == [
        (e.name, e.zh, e.en) for e in TABLE.events
    ]
    assert [(t.source, t.event, t.target, t.approval, t.distinct) for t in new.transitions] == [
        (t.source, t.event, t.target, t.approval, t.distinct) for t in TABLE.transitions
    ]
