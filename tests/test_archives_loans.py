"""R3–R6: lending originals and copies, the monthly loan report, the cabinet keys.

Seed 004 §三.3: "客户档案原件不允许拿出公司阅读,在公司内可以登记后借阅,原则上当天借阅须当天
归还" (by the close of that working day [default]); 三.4–5: the lending and copying procedures
(the copy returned and checked after the original); 三.6: "每月5日前统计《客户档案》的原件和
影印件,借出未归还的去向列表,呈交总经理" (on or before the 5th [default]); 三.2: "用备份锁匙取
文件柜资料,须知会内勤部经理".
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.archives import (
    COPY,
    OUTSIDE,
    ArchivesPolicy,
    ArchivesReason,
    Loan,
    LoanItem,
    LoanOutcome,
    LoanOverdue,
    LoanReport,
    LoanStep,
    RegistrationStatus,
    cabinet_step,
    loan_overdue,
    loan_step,
    monthly_report,
    open_loan,
    registration_status,
)
from customer_rules.calendars import Deadline
from customer_rules.cn_calendar import china_working_days
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import explain
from customer_rules.recurrence import Recurrence
from customer_rules.roles import Approval, Role
from customer_rules.settings import plain
from customer_rules.testing import archive_loans, days
from customer_rules.workflow import Case, StepOutcome, replay, start
from refusals import problems_of

D = dt.date
SEED = ArchivesPolicy()
MONDAY = D(2026, 3, 2)
KEEPER = Approval("王档案", Role.ARCHIVE_KEEPER, "R3", MONDAY)
MANAGER = Approval("李经理", Role.ARCHIVE_MANAGER, COPY, MONDAY)
MANAGER_OUT = Approval("李经理", Role.ARCHIVE_MANAGER, OUTSIDE, MONDAY)
GM = Approval("赵总", Role.GENERAL_MANAGER, "R6", MONDAY)


def loan(
    ident: str = "L1",
    item: LoanItem = LoanItem.ORIGINAL,
    day: D = MONDAY,
    state: str = "requested",
    **kw: Any,
) -> Loan:
    return Loan(ident, "R-0042", item, "李工", day, state, **kw)


def run(
    the_loan: Loan, steps: list[tuple[str, Approval, D]], **kw: Any
) -> tuple[Case, list[LoanStep]]:
    case, done = open_loan(the_loan, SEED), []
    for event, by, day in steps:
        step = loan_step(the_loan, case, event, SEED, by=by, on=day, **kw)
        assert step.applied, explain(step, "en")
        done.append(step)
        case = step.after
    return case, done


# --------------------------------------------------------------------------- R3 originals


def test_an_original_is_lent_in_house_returned_checked_and_closed() -> None:
    the_loan = loan()
    case, steps = run(
        the_loan,
        [("lend", KEEPER, MONDAY), ("return", KEEPER, MONDAY), ("check_complete", KEEPER, MONDAY)],
    )
    assert case.state == "closed"
    records = [s.record for s in steps]
    assert replay(SEED.loans.originals, open_loan(the_loan, SEED), records) == case  # type: ignore[arg-type]


def test_originals_never_leave_the_company() -> None:
    outside = loan(outside=True)
    step = loan_step(outside, open_loan(outside, SEED), "lend", SEED, by=KEEPER, on=MONDAY)
    assert step.outcome is LoanOutcome.ORIGINAL_OUTSIDE
    assert not step.applied
    assert explain(step, "en") == (
        "[R3] originals never leave the company: loan L1 (file R-0042) is in-house only"
    )


def test_consent_is_the_keepers_by_default() -> None:
    sales = Approval("陈小明", Role.SALESPERSON, "R3", MONDAY)
    the_loan = loan()
    step = loan_step(the_loan, open_loan(the_loan, SEED), "lend", SEED, by=sales, on=MONDAY)
    assert step.workflow is StepOutcome.WRONG_ROLE
    policy = ArchivesPolicy(loans={"consent_roles": ["archive_manager"]})
    move = policy.loans.originals.transition("requested", "lend")
    assert move is not None
    assert move.roles == {Role.ARCHIVE_MANAGER}


def test_same_day_return_by_the_close_of_that_working_day() -> None:
    """ "当天借阅须当天归还": lent Monday 2 March, due that day; overdue on the 3rd."""
    out = loan(state="out")
    same_day = loan_overdue(out, SEED, on=MONDAY)
    assert (same_day.due, same_day.overdue, same_day.days_late) == (MONDAY, False, 0)
    next_day = loan_overdue(out, SEED, on=D(2026, 3, 3))
    assert (next_day.overdue, next_day.days_late) == (True, 1)
    assert (
        explain(next_day, "en") == "[R3] original L1 was due back by 2026-03-02: 1 day(s) overdue"
    )
    # lent on Saturday 7 March 2026, a rest day: due by the close of the next working day
    saturday = loan(day=D(2026, 3, 7), state="out")
    assert loan_overdue(saturday, SEED, on=D(2026, 3, 7), calendar=china_working_days()).due == (
        D(2026, 3, 9)
    )
    midnight = ArchivesPolicy(loans={"original_due": Deadline(0)})
    assert loan_overdue(
        saturday, midnight, on=D(2026, 3, 7), calendar=china_working_days()
    ).due == D(2026, 3, 7)


def test_a_loan_not_out_is_never_overdue() -> None:
    for state in ("requested", "returned", "closed", "refused"):
        status = loan_overdue(loan(state=state), SEED, on=D(2026, 4, 1))
        assert not status.out
        assert not status.overdue
        assert status.reasons[0].code == ArchivesReason.R3_NOT_OUT
    with pytest.raises(InputError, match=r"loan\.state"):
        loan_overdue(loan(state="lost"), SEED, on=MONDAY)


def test_a_missing_page_keeps_the_loan_open_and_flags_the_file() -> None:
    the_loan = loan()
    case, _ = run(the_loan, [("lend", KEEPER, MONDAY), ("return", KEEPER, MONDAY)])
    bad = loan_step(the_loan, case, "check_incomplete", SEED, by=KEEPER, on=MONDAY)
    assert bad.flagged
    assert bad.after.state == "incomplete"
    assert bad.reasons[-1].code == ArchivesReason.R3_INCOMPLETE
    still_out = monthly_report([loan(state="incomplete")], SEED, on=D(2026, 3, 4))
    assert [line.loan.id for line in still_out.lines] == ["L1"]
    back = loan_step(the_loan, bad.after, "return", SEED, by=KEEPER, on=D(2026, 3, 3))
    done = loan_step(the_loan, back.after, "check_complete", SEED, by=KEEPER, on=D(2026, 3, 3))
    assert done.after.state == "closed"
    assert not done.flagged


# --------------------------------------------------------------------------- R4 copies


def test_a_copy_needs_the_archive_managers_approval() -> None:
    copy = loan("C1", LoanItem.COPY)
    case = open_loan(copy, SEED)
    assert loan_step(copy, case, "issue", SEED, by=KEEPER, on=MONDAY).workflow is (
        StepOutcome.NO_TRANSITION
    )
    by_keeper = Approval("王档案", Role.ARCHIVE_KEEPER, COPY, MONDAY)
    assert loan_step(copy, case, "approve", SEED, by=by_keeper, on=MONDAY).workflow is (
        StepOutcome.WRONG_ROLE
    )
    wrong = Approval("李经理", Role.ARCHIVE_MANAGER, OUTSIDE, MONDAY)
    assert loan_step(copy, case, "approve", SEED, by=wrong, on=MONDAY).workflow is (
        StepOutcome.WRONG_APPROVAL
    )
    approved = loan_step(copy, case, "approve", SEED, by=MANAGER, on=MONDAY)
    issued = loan_step(copy, approved.after, "issue", SEED, by=KEEPER, on=MONDAY)
    assert issued.after.state == "out"


def test_a_copy_for_use_outside_needs_its_own_approval() -> None:
    copy = loan("C1", LoanItem.COPY, outside=True)
    approved = loan_step(copy, open_loan(copy, SEED), "approve", SEED, by=MANAGER, on=MONDAY)
    refused = loan_step(copy, approved.after, "issue", SEED, by=KEEPER, on=MONDAY)
    assert refused.outcome is LoanOutcome.OUTSIDE_UNAPPROVED
    assert "for use outside the company" in explain(refused, "en")
    cleared = loan_step(copy, approved.after, "approve_outside", SEED, by=MANAGER_OUT, on=MONDAY)
    assert cleared.after.state == "approved_outside"
    assert loan_step(copy, cleared.after, "issue", SEED, by=KEEPER, on=MONDAY).applied


def test_the_original_comes_back_before_its_copies() -> None:
    """ "归还《客户档案》→检查完整性,还原存档→归还影印件→核对影印件完整性注销登记"."""
    copy = loan("C1", LoanItem.COPY, registration="G1")
    case = Case("R4.copy", "returned", "C1", 3, "王档案", MONDAY)
    original_out = loan("O1", state="out", registration="G1")
    early = loan_step(
        copy, case, "check_complete", SEED, by=KEEPER, on=MONDAY, registration=[original_out]
    )
    assert early.outcome is LoanOutcome.ORIGINAL_FIRST
    assert loan_step(copy, case, "check_complete", SEED, by=KEEPER, on=MONDAY).outcome is (
        LoanOutcome.ORIGINAL_FIRST
    )  # the registration's original not given: not shown back
    original_back = loan("O1", state="closed", registration="G1")
    assert loan_step(
        copy, case, "check_complete", SEED, by=KEEPER, on=MONDAY, registration=[original_back]
    ).applied
    spare = loan("C2", LoanItem.COPY)  # a spare copy for technical staff: no registration
    spare_case = Case("R4.copy", "returned", "C2", 3, "王档案", MONDAY)
    assert loan_step(spare, spare_case, "check_complete", SEED, by=KEEPER, on=MONDAY).applied


def test_a_registration_closes_when_the_original_and_every_copy_are_back() -> None:
    loans = [
        loan("O1", state="closed", registration="G1"),
        loan("C1", LoanItem.COPY, state="closed", registration="G1"),
        loan("C2", LoanItem.COPY, state="out", registration="G1"),
        loan("X", LoanItem.COPY, state="out", registration="G2"),
    ]
    status = registration_status("G1", loans, SEED)
    assert (status.closed, status.outstanding, status.original_closed) == (False, ("C2",), True)
    assert "not back and checked: C2" in explain(status, "en")
    loans[2] = loan("C2", LoanItem.COPY, state="closed", registration="G1")
    assert registration_status("G1", loans, SEED).closed
    no_original = registration_status("G2", loans, SEED)
    assert not no_original.closed
    assert not no_original.original_closed


def test_a_copy_is_due_back_after_the_copy_term() -> None:
    out = loan("C1", LoanItem.COPY, state="out")
    assert loan_overdue(out, SEED, on=MONDAY).due == D(2026, 4, 1)
    status = loan_overdue(out, SEED, on=D(2026, 4, 2))
    assert status.overdue
    assert status.reasons[0].rule == "R4"


# --------------------------------------------------------------------------- R5 the report


def test_the_monthly_report_is_due_by_the_fifth() -> None:
    """ "每月5日前": on or before the 5th [default] — on the 5th it is still this month's."""
    assert monthly_report([], SEED, on=D(2026, 12, 3)).due == D(2026, 12, 5)
    assert monthly_report([], SEED, on=D(2026, 12, 5)).due == D(2026, 12, 5)
    assert monthly_report([], SEED, on=D(2026, 12, 6)).due == D(2027, 1, 5)
    strictly = ArchivesPolicy(loans={"report": Recurrence.monthly(4)})
    assert monthly_report([], strictly, on=D(2026, 12, 5)).due == D(2027, 1, 4)


def test_the_report_lists_every_loan_out_once_with_where_it_is() -> None:
    loans = [
        loan("L1", state="out", location="技术部"),
        loan("L2", state="closed"),
        loan("C1", LoanItem.COPY, state="out", day=D(2026, 2, 1)),
        loan("L3", state="incomplete", day=D(2026, 3, 3)),
        loan("L4", state="out", day=D(2026, 3, 9)),  # lent after the day asked: not out yet
        loan("L5", state="returned"),
    ]
    report = monthly_report(loans, SEED, on=D(2026, 3, 4))
    assert [line.loan.id for line in report.lines] == ["L1", "L3", "C1"]
    assert [line.where for line in report.lines] == ["技术部", "李工", "李工"]
    assert (report.originals, report.copies, report.to) == (2, 1, Role.GENERAL_MANAGER)
    assert [(line.loan.id, line.days_late) for line in report.overdue] == [
        ("L1", 2),
        ("L3", 1),
        ("C1", 1),
    ]
    assert explain(report, "en").splitlines()[0] == (
        "[R5] out and unreturned on 2026-03-04: 2 original(s), 1 copy(ies), with where each is;"
        " to the general manager by 2026-03-05"
    )
    with pytest.raises(InputError, match=r"loans\[1\]\.id"):
        monthly_report([loans[0], loans[0]], SEED, on=D(2026, 3, 4))
    with pytest.raises(InputError, match=r"loans\[0\]\.state"):
        monthly_report([loan(state="lost")], SEED, on=D(2026, 3, 4))


def test_the_overdue_list_is_most_late_first() -> None:
    loans = [
        loan("A", state="out", day=D(2026, 3, 3)),
        loan("B", state="out", day=D(2026, 3, 1)),
        loan("C", LoanItem.COPY, state="out", day=D(2026, 1, 1)),
    ]
    report = monthly_report(loans, SEED, on=D(2026, 3, 4))
    assert [(line.loan.id, line.days_late) for line in report.overdue] == [
        ("C", 32),
        ("B", 3),
        ("A", 1),
    ]


@given(
    st.lists(
        archive_loans(ids=st.sampled_from([f"L{i}" for i in range(30)])),
        max_size=25,
        unique_by=lambda x: x.id,
    ),
    days(),
)
def test_every_unreturned_loan_appears_exactly_once_and_no_returned_one(
    loans: list[Loan], on: D
) -> None:
    report = monthly_report(loans, SEED, on=on)
    listed = [line.loan.id for line in report.lines]
    expected = {x.id for x in loans if x.state in ("out", "incomplete") and x.lent_on <= on}
    assert sorted(listed) == sorted(expected)
    assert len(listed) == len(set(listed))
    assert report.due >= on
    assert report.due.day == 5
    for line in report.lines:
        assert line.due >= line.loan.lent_on
        assert line.days_late == max(0, (on - line.due).days)
    assert monthly_report(list(reversed(loans)), SEED, on=on) == report  # order-free
    assert report.checked == len(loans)


# --------------------------------------------------------------------------- R6 the cabinet


def test_the_backup_key_needs_the_archive_manager_told() -> None:
    cabinet = start(SEED.loans.cabinet)
    opened = cabinet_step(cabinet, "open_backup", SEED, by=GM, on=MONDAY)
    assert opened.after.state == "awaiting_notice"
    refused = cabinet_step(opened.after, "close", SEED, by=GM, on=MONDAY)
    assert not refused.applied
    assert "possible: tell the 内勤部 manager" in explain(refused, "en")
    told = cabinet_step(opened.after, "notify", SEED, by=GM, on=MONDAY)
    locked = cabinet_step(told.after, "close", SEED, by=GM, on=MONDAY)
    assert locked.after.state == "locked"
    assert told.record is not None
    clerk = Approval("李内勤", Role.ARCHIVE_DEPARTMENT, "R6", MONDAY)
    assert cabinet_step(cabinet, "open", SEED, by=clerk, on=MONDAY).after.state == "open"
    assert cabinet_step(cabinet, "open_backup", SEED, by=clerk, on=MONDAY).outcome is (
        StepOutcome.WRONG_ROLE
    )


def test_the_lending_policy_keeps_the_states_the_rules_read() -> None:
    table = SEED.loans.originals
    from customer_rules.settings import plain

    data = plain(table)
    data["states"] = [s for s in data["states"] if s["name"] != "incomplete"]
    data["transitions"] = [
        t for t in data["transitions"] if "incomplete" not in (t["source"], t["target"])
    ]
    with pytest.raises(PolicyError, match=r"originals\.states"):
        ArchivesPolicy(loans={"originals": data})


# --------------------------------------------------------------------------- properties

EVENTS = st.sampled_from([e.name for e in SEED.loans.copies.events])
SIGNERS = st.builds(
    lambda name, role, what: Approval(name, role, what, MONDAY),
    st.sampled_from(["甲", "乙"]),
    st.sampled_from([Role.ARCHIVE_KEEPER, Role.ARCHIVE_MANAGER, Role.SALESPERSON]),
    st.sampled_from(["R3", COPY, OUTSIDE]),
)


@given(
    st.sampled_from(list(LoanItem)),
    st.booleans(),
    st.lists(st.tuples(EVENTS, SIGNERS), max_size=25),
)
def test_a_loans_records_replay_to_its_state(
    item: LoanItem, outside: bool, run_: list[tuple[str, Approval]]
) -> None:
    the_loan = loan("L9", item, outside=outside)
    table = SEED.loans.originals if item is LoanItem.ORIGINAL else SEED.loans.copies
    case, records = open_loan(the_loan, SEED), []
    for event, by in run_:
        if event not in {e.name for e in table.events}:
            with pytest.raises(InputError):
                loan_step(the_loan, case, event, SEED, by=by, on=MONDAY)
            continue
        step = loan_step(
            the_loan,
            case,
            event,
            SEED,
            by=by,
            on=MONDAY,
            registration=[loan("O", state="closed", registration=None)],
        )
        if step.applied:
            move = table.transition(case.state, event)
            assert move is not None
            assert by.role in move.roles
            assert not (item is LoanItem.ORIGINAL and outside and event == "lend")
            records.append(step.record)
            case = step.after
        else:
            assert step.after == case
            assert step.record is None
    assert replay(table, open_loan(the_loan, SEED), records) == case


def test_results_round_trip_as_plain_data() -> None:
    the_loan = loan()
    step = loan_step(the_loan, open_loan(the_loan, SEED), "lend", SEED, by=KEEPER, on=MONDAY)
    results: list[tuple[Any, type]] = [
        (step, LoanStep),
        (loan_overdue(loan(state="out"), SEED, on=D(2026, 3, 4)), LoanOverdue),
        (monthly_report([loan(state="out")], SEED, on=D(2026, 3, 4)), LoanReport),
        (registration_status("G", [loan(registration="G")], SEED), RegistrationStatus),
    ]
    for result, kind in results:
        data = json.loads(json.dumps(to_data(result, lang="en"), ensure_ascii=False))
        assert from_data(kind, data, policy=SEED) == result


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: open_loan("L1", SEED), "loan"),  # type: ignore[arg-type]
        (
            lambda: loan_step(
                loan(), Case("R3.original", "requested", "L2"), "lend", SEED, by=KEEPER, on=MONDAY
            ),
            "case.subject",
        ),
        (
            lambda: loan_step(
                loan(), Case("R4.copy", "requested", "L1"), "lend", SEED, by=KEEPER, on=MONDAY
            ),
            "case.workflow",
        ),
        (
            lambda: loan_step(
                loan(),
                open_loan(loan(), SEED),
                "lend",
                SEED,
                by=KEEPER,
                on=MONDAY,
                registration="x",
            ),
            "registration",
        ),
        (lambda: monthly_report("x", SEED, on=MONDAY), "loans"),  # type: ignore[arg-type]
        (lambda: registration_status(" ", [], SEED), "registration"),
        (lambda: Loan("L", "R", "book", "x", MONDAY), "item"),  # type: ignore[arg-type]
    ],
)
def test_input_that_cannot_be_right_names_the_field(call: Any, field: str) -> None:
    with pytest.raises(InputError) as error:
        call()
    assert error.value.field == field


@given(archive_loans())
def test_a_loan_round_trips_as_plain_data(the_loan: Loan) -> None:
    data = json.loads(json.dumps(to_data(the_loan), ensure_ascii=False))
    assert from_data(Loan, data) == the_loan


# --------------------------------------------------------------------------- every refusal, pinned

ORIGINAL_STATES = "['requested', 'out', 'returned', 'incomplete', 'closed', 'refused']"
COPY_STATES = (
    "['requested', 'approved', 'approved_outside', 'out', 'returned', 'incomplete', 'closed',"
    " 'refused']"
)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        pytest.param(
            lambda: open_loan("L1", SEED),  # type: ignore[arg-type]
            [("loan", "'L1'", "a Loan")],
            id="open_loan-loan",
        ),
        pytest.param(
            lambda: loan_step("L1", open_loan(loan(), SEED), "lend", SEED, by=KEEPER, on=MONDAY),  # type: ignore[arg-type]
            [("loan", "'L1'", "a Loan")],
            id="loan_step-loan",
        ),
        pytest.param(
            lambda: loan_step(
                loan(), Case("R3.original", "requested", "L2"), "lend", SEED, by=KEEPER, on=MONDAY
            ),
            [("case.subject", "'L2'", "the loan's id 'L1'")],
            id="loan_step-case.subject",
        ),
        pytest.param(
            lambda: loan_step(
                loan(),
                open_loan(loan(), SEED),
                "lend",
                SEED,
                by=KEEPER,
                on=MONDAY,
                registration="x",
            ),
            [("registration", "'x'", "an iterable of Loan")],
            id="loan_step-registration",
        ),
        pytest.param(
            lambda: loan_step(
                loan(),
                open_loan(loan(), SEED),
                "lend",
                SEED,
                by=KEEPER,
                on=MONDAY,
                registration=[loan("O"), 7],  # type: ignore[list-item]
            ),
            [("registration[1]", 7, "a Loan")],
            id="loan_step-registration[i]",
        ),
        pytest.param(
            lambda: loan_overdue("L1", SEED, on=MONDAY),  # type: ignore[arg-type]
            [("loan", "'L1'", "a Loan")],
            id="loan_overdue-loan",
        ),
        pytest.param(
            # "approved" is a state of the copies' table, not of the originals'
            lambda: loan_overdue(loan(state="approved"), SEED, on=MONDAY),
            [("loan.state", "'approved'", f"a state of R3.original: {ORIGINAL_STATES}")],
            id="loan_overdue-original-state",
        ),
        pytest.param(
            lambda: loan_overdue(loan(item=LoanItem.COPY, state="lost"), SEED, on=MONDAY),
            [("loan.state", "'lost'", f"a state of R4.copy: {COPY_STATES}")],
            id="loan_overdue-copy-state",
        ),
        pytest.param(
            lambda: monthly_report("x", SEED, on=MONDAY),  # type: ignore[arg-type]
            [("loans", "'x'", "an iterable of Loan")],
            id="monthly_report-loans",
        ),
        pytest.param(
            lambda: monthly_report([loan(), "x"], SEED, on=MONDAY),  # type: ignore[list-item]
            [("loans[1]", "'x'", "a Loan")],
            id="monthly_report-loans[i]",
        ),
        pytest.param(
            lambda: monthly_report([loan(), loan("L2"), loan()], SEED, on=MONDAY),
            [("loans[2].id", "'L1'", "a loan id not listed before")],
            id="monthly_report-loans[i].id",
        ),
        pytest.param(
            lambda: monthly_report([loan(), loan("L2", state="approved")], SEED, on=MONDAY),
            [("loans[1].state", "'approved'", f"a state of R3.original: {ORIGINAL_STATES}")],
            id="monthly_report-loans[i].state",
        ),
        pytest.param(
            lambda: registration_status(" ", [], SEED),
            [("registration", "' '", "a registration id")],
            id="registration_status-registration",
        ),
        pytest.param(
            lambda: registration_status("G1", "x", SEED),
            [("loans", "'x'", "an iterable of Loan")],
            id="registration_status-loans",
        ),
        pytest.param(
            lambda: registration_status("G1", [loan(), 7], SEED),  # type: ignore[list-item]
            [("loans[1]", 7, "a Loan")],
            id="registration_status-loans[i]",
        ),
        pytest.param(
            lambda: registration_status(
                "G1", [loan(), loan("L2", LoanItem.COPY, state="lent")], SEED
            ),
            [("loans[1].state", "'lent'", f"a state of R4.copy: {COPY_STATES}")],
            id="registration_status-loans[i].state",
        ),
    ],
)
def test_every_argument_refusal_names_the_path_the_value_and_what_was_expected(
    call: Any, expected: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == expected


def test_a_subclass_of_loan_is_a_loan_in_the_report() -> None:
    class TaggedLoan(Loan):
        pass

    tagged = TaggedLoan("T1", "R-0042", LoanItem.ORIGINAL, "李工", MONDAY, "out")
    report = monthly_report([tagged], SEED, on=MONDAY)
    assert [(line.loan.id, line.due, line.days_late) for line in report.lines] == [
        ("T1", MONDAY, 0)
    ]


# --------------------------------------------------------------------------- the day boundaries


def test_a_loan_lent_on_the_day_asked_is_out_and_not_yet_late() -> None:
    original = loan_overdue(loan(state="out"), SEED, on=MONDAY)
    assert (original.out, original.due, original.overdue, original.days_late) == (
        True,
        MONDAY,
        False,
        0,
    )
    assert original.reasons[0].code == ArchivesReason.R3_DUE
    before = loan_overdue(loan(state="out"), SEED, on=D(2026, 3, 1))  # asked before it was lent
    assert (before.out, before.overdue, before.days_late) == (False, False, 0)


def test_a_report_line_not_yet_due_is_zero_days_late() -> None:
    """A copy lent on the report's day is due 30 days on: 0 days late, not in the overdue list;
    an original lent that day is due that day: 0 days late too; the day after, 1."""
    loans = [
        loan("C1", LoanItem.COPY, state="out"),
        loan("O1", state="out"),
        loan("O2", state="out", day=D(2026, 3, 1)),
    ]
    report = monthly_report(loans, SEED, on=MONDAY)
    assert [(line.loan.id, line.due, line.days_late) for line in report.lines] == [
        ("O2", D(2026, 3, 1), 1),
        ("O1", MONDAY, 0),
        ("C1", D(2026, 4, 1), 0),
    ]
    assert [line.loan.id for line in report.overdue] == ["O2"]
    assert [line.overdue for line in report.lines] == [True, False, False]


# --------------------------------------------------------------------------- refused by a rule


def test_a_step_refused_by_a_rule_leaves_the_case_and_stores_nothing() -> None:
    """The table would allow these steps; the rule refuses them: nothing moves, no record."""
    outside = loan(outside=True)
    lend = loan_step(outside, open_loan(outside, SEED), "lend", SEED, by=KEEPER, on=MONDAY)
    copy = loan("C1", LoanItem.COPY, outside=True)
    approved = Case("R4.copy", "approved", "C1", 1, "李经理", MONDAY)
    issue = loan_step(copy, approved, "issue", SEED, by=KEEPER, on=MONDAY)
    registered = loan("C2", LoanItem.COPY, registration="G1")
    returned = Case("R4.copy", "returned", "C2", 3, "王档案", MONDAY)
    check = loan_step(
        registered,
        returned,
        "check_complete",
        SEED,
        by=KEEPER,
        on=MONDAY,
        registration=[loan("O1", state="out", registration="G1")],
    )
    for step, outcome in [
        (lend, LoanOutcome.ORIGINAL_OUTSIDE),
        (issue, LoanOutcome.OUTSIDE_UNAPPROVED),
        (check, LoanOutcome.ORIGINAL_FIRST),
    ]:
        assert step.outcome is outcome
        assert step.workflow is StepOutcome.APPLIED  # the table alone would have taken it
        assert step.after == step.before
        assert step.record is None
        assert not step.applied


def test_a_step_keeps_who_signed_it_and_the_books_version() -> None:
    book = ArchivesPolicy(version="2026", effective=D(2026, 1, 1))
    the_loan = loan()
    step = loan_step(the_loan, open_loan(the_loan, book), "lend", book, by=KEEPER, on=MONDAY)
    assert (step.by, step.on, step.policy_version, step.policy_effective) == (
        KEEPER,
        MONDAY,
        "2026",
        D(2026, 1, 1),
    )
    results: list[Any] = [
        loan_overdue(loan(state="out"), book, on=MONDAY),
        monthly_report([loan(state="out")], book, on=MONDAY),
        registration_status("G", [loan(registration="G")], book),
    ]
    for result in results:
        assert (result.policy_version, result.policy_effective) == ("2026", D(2026, 1, 1))


# --------------------------------------------------------------------------- R4 the registration


@pytest.mark.parametrize(
    ("others", "applied"),
    [
        pytest.param(
            [loan("O1", state="closed", registration="G1")], True, id="its original closed"
        ),
        pytest.param(
            # another copy of the registration still out does not hold this one back
            [
                loan("O1", state="closed", registration="G1"),
                loan("C9", LoanItem.COPY, state="out", registration="G1"),
            ],
            True,
            id="another copy out",
        ),
        pytest.param(
            # an unclosed loan of another registration does not hold it back
            [
                loan("O1", state="closed", registration="G1"),
                loan("X1", state="out", registration="G2"),
                loan("X2", LoanItem.COPY, state="out", registration="G2"),
            ],
            True,
            id="another registration out",
        ),
        pytest.param(
            # the original of another registration, closed, is not this one's original
            [loan("X1", state="closed", registration="G2")],
            False,
            id="only another registration's original",
        ),
        pytest.param(
            [loan("C9", LoanItem.COPY, state="closed", registration="G1")],
            False,
            id="only a copy closed",
        ),
        pytest.param(
            [
                loan("O1", state="closed", registration="G1"),
                loan("O2", state="returned", registration="G1"),
            ],
            False,
            id="one of two originals not checked",
        ),
        pytest.param(
            # an original whose loan was refused never left: it is done, as registration_status
            # counts it, so the copy can be checked in and the registration closed
            [loan("O1", state="refused", registration="G1")],
            True,
            id="original refused",
        ),
    ],
)
def test_a_copy_is_checked_in_only_after_its_own_original(
    others: list[Loan], applied: bool
) -> None:
    copy = loan("C1", LoanItem.COPY, registration="G1")
    returned = Case("R4.copy", "returned", "C1", 3, "王档案", MONDAY)
    step = loan_step(
        copy, returned, "check_complete", SEED, by=KEEPER, on=MONDAY, registration=others
    )
    assert step.outcome is (LoanOutcome.APPLIED if applied else LoanOutcome.ORIGINAL_FIRST)
    assert step.after.state == ("closed" if applied else "returned")


def test_the_outstanding_loans_list_originals_first_then_by_id() -> None:
    loans = [
        loan("C0", LoanItem.COPY, state="out", registration="G1"),
        loan("O9", state="incomplete", registration="G1"),
        loan("A1", LoanItem.COPY, state="returned", registration="G1"),
        loan("O1", state="out", registration="G1"),
    ]
    status = registration_status("G1", loans, SEED)
    assert (status.registration, status.closed, status.outstanding, status.original_closed) == (
        "G1",
        False,
        ("O1", "O9", "A1", "C0"),
        False,
    )


# --------------------------------------------------------------------------- the role settings


def _rows(table: Any) -> list[tuple[str, str, str, list[str], str | None]]:
    return [
        (t["source"], t["event"], t["target"], t["roles"], t["approval"])
        for t in plain(table)["transitions"]
    ]


def _copy_rows(
    keeper: list[str], approvers: list[str], outside: list[str]
) -> list[tuple[str, str, str, list[str], str | None]]:
    return [
        ("requested", "approve", "approved", approvers, COPY),
        ("requested", "refuse", "refused", approvers, None),
        ("approved", "approve_outside", "approved_outside", outside, OUTSIDE),
        ("approved", "issue", "out", keeper, None),
        ("approved_outside", "issue", "out", keeper, None),
        ("out", "return", "returned", keeper, None),
        ("returned", "check_complete", "closed", keeper, None),
        ("returned", "check_incomplete", "incomplete", keeper, None),
        ("incomplete", "return", "returned", keeper, None),
    ]


@pytest.mark.parametrize(
    ("loans", "rows"),
    [
        pytest.param({}, _copy_rows(["archive_keeper"], ["archive_manager"], ["archive_manager"])),
        pytest.param(
            {"consent_roles": ["archive_department"]},
            _copy_rows(["archive_department"], ["archive_manager"], ["archive_manager"]),
            id="consent_roles",
        ),
        pytest.param(
            {"copy_roles": ["general_manager"]},
            _copy_rows(["archive_keeper"], ["general_manager"], ["archive_manager"]),
            id="copy_roles",
        ),
        pytest.param(
            {"outside_roles": ["general_manager"]},
            _copy_rows(["archive_keeper"], ["archive_manager"], ["general_manager"]),
            id="outside_roles",
        ),
    ],
)
def test_the_seed_copy_table_follows_each_role_setting(
    loans: dict[str, Any], rows: list[Any]
) -> None:
    copies = ArchivesPolicy(loans=loans).loans.copies
    assert (copies.name, copies.rule, copies.initial) == ("R4.copy", "R4", "requested")
    assert _rows(copies) == rows


def _cabinet_rows(keys: list[str], backup: list[str]) -> list[Any]:
    return [
        ("locked", "open", "open", keys, None),
        ("locked", "open_backup", "awaiting_notice", backup, None),
        ("awaiting_notice", "notify", "open", backup, None),
        ("open", "close", "locked", sorted(set(keys) | set(backup)), None),
    ]


CABINET_STATES = [
    {"name": "locked", "zh": "已上锁", "en": "locked"},
    {"name": "open", "zh": "已开启", "en": "open"},
    {
        "name": "awaiting_notice",
        "zh": "备用锁匙开启,待知会内勤部经理",
        "en": "opened with the backup key, the 内勤部 manager not yet told",
    },
]
CABINET_EVENTS = [
    {"name": "open", "zh": "用内勤部锁匙开启", "en": "open with 内勤部's key"},
    {"name": "open_backup", "zh": "用备份锁匙开启", "en": "open with the backup key"},
    {"name": "notify", "zh": "知会内勤部经理", "en": "tell the 内勤部 manager"},
    {"name": "close", "zh": "上锁", "en": "lock"},
]
DEPARTMENT = ["archive_department", "archive_keeper", "archive_manager"]


@pytest.mark.parametrize(
    ("loans", "rows"),
    [
        pytest.param({}, _cabinet_rows(DEPARTMENT, ["general_manager"]), id="seed"),
        pytest.param(
            {"key_roles": ["archive_keeper"]},
            _cabinet_rows(["archive_keeper"], ["general_manager"]),
            id="key_roles",
        ),
        pytest.param(
            {"backup_roles": ["chairman"]},
            _cabinet_rows(DEPARTMENT, ["chairman"]),
            id="backup_roles",
        ),
    ],
)
def test_the_seed_cabinet_follows_the_key_settings(loans: dict[str, Any], rows: list[Any]) -> None:
    cabinet = ArchivesPolicy(loans=loans).loans.cabinet
    data = plain(cabinet)
    assert (data["name"], data["rule"], data["initial"]) == ("R6.cabinet", "R6", "locked")
    assert data["states"] == CABINET_STATES
    assert data["events"] == CABINET_EVENTS
    assert _rows(cabinet) == rows


def test_a_companys_own_tables_are_kept_when_the_role_settings_change() -> None:
    originals = plain(SEED.loans.originals)
    originals["transitions"][0]["roles"] = ["archive_manager"]  # lend by the manager only
    copies = plain(SEED.loans.copies)
    copies["transitions"][3]["roles"] = ["archive_manager"]  # issue by the manager only
    cabinet = plain(SEED.loans.cabinet)
    cabinet["transitions"][0]["roles"] = ["archive_manager"]  # open by the manager only
    policy = ArchivesPolicy(
        loans={
            "originals": originals,
            "copies": copies,
            "cabinet": cabinet,
            "consent_roles": ["archive_department"],
            "copy_roles": ["general_manager"],
            "outside_roles": ["general_manager"],
            "key_roles": ["archive_department"],
            "backup_roles": ["chairman"],
        }
    ).loans
    assert plain(policy.originals) == originals
    assert plain(policy.copies) == copies
    assert plain(policy.cabinet) == cabinet


def test_a_company_table_missing_what_the_rules_read_is_refused_with_every_field() -> None:
    originals = plain(SEED.loans.originals)
    originals["states"] = [s for s in originals["states"] if s["name"] != "incomplete"]
    originals["transitions"] = [
        t for t in originals["transitions"] if "incomplete" not in (t["source"], t["target"])
    ]
    with pytest.raises(PolicyError) as missing:
        ArchivesPolicy(loans={"originals": originals})
    assert [(p.path, p.given, p.expected) for p in missing.value.problems] == [
        (
            "loans.originals.states",
            "['closed', 'out', 'refused', 'requested', 'returned']",
            "a state 'incomplete'",
        )
    ]
    copies = plain(SEED.loans.copies)
    copies["transitions"][0]["approval"] = OUTSIDE  # approve granting the wrong thing
    with pytest.raises(PolicyError) as wrong:
        ArchivesPolicy(loans={"copies": copies})
    assert [(p.path, p.given, p.expected) for p in wrong.value.problems] == [
        (
            "loans.copies.transitions",
            "'9 row(s)'",
            "a row from 'requested' on 'approve' granting 'R4.copy'",
        )
    ]


@pytest.mark.parametrize("consent", [["archive_keeper"], ["archive_department"]])
def test_the_seed_original_table_follows_the_consent_roles(consent: list[str]) -> None:
    originals = ArchivesPolicy(loans={"consent_roles": consent}).loans.originals
    assert (originals.name, originals.rule, originals.initial) == (
        "R3.original",
        "R3",
        "requested",
    )
    assert _rows(originals) == [
        ("requested", "lend", "out", consent, None),
        ("requested", "refuse", "refused", consent, None),
        ("out", "return", "returned", consent, None),
        ("returned", "check_complete", "closed", consent, None),
        ("returned", "check_incomplete", "incomplete", consent, None),
        ("incomplete", "return", "returned", consent, None),
    ]
