"""What every service rule checks on its arguments, and the workflow helpers S3, S6 and S7 share
(``customer_rules._service.checks``): which argument a refusal names, how long a list argument
may be, which sign-off a next step needs, and which argument a record that does not apply came
in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from customer_rules.dates import SHANGHAI
from customer_rules.roles import Approval, Role
from customer_rules.service import (
    ChurnFacts,
    ClaimLine,
    Complaint,
    ComplaintSeverity,
    CostItem,
    ExecutionType,
    ExpenseItem,
    HotlineShift,
    ReceptionApplication,
    ReceptionPurpose,
    ReceptionRecord,
    ReimbursementClaim,
    ServicePolicy,
    StampedRecord,
    VenueGrade,
    care_calendar,
    check_application,
    churn_warning,
    complaint_status,
    hotline_coverage,
    pipeline_status,
    reimburse,
    survey_due,
)
from customer_rules.workflow import EventRecord, WorkflowTable, apply, start
from refusals import problems_of

SEED = ServicePolicy()
DAY = dt.date(2026, 6, 5)
T0 = dt.datetime(2026, 6, 5, 9, 0, tzinfo=SHANGHAI)
APPLICATION = ReceptionApplication(
    "R-1",
    "华东重工",
    "王芳",
    DAY,
    ExecutionType.FULL,
    (ExpenseItem(CostItem.HOSPITALITY, "1000"),),
    ReceptionPurpose.VISIT,
    VenueGrade.MID,
)
RECORD = ReceptionRecord(dt.date(2026, 3, 2), "李雷", "1500")
SHIFT = HotlineShift("甲", T0, T0 + dt.timedelta(hours=8))


def _records(table: WorkflowTable, subject: str, *moves: tuple[str, Role]) -> list[EventRecord]:
    """Apply ``moves`` (event, role) on ``DAY`` in order; each must apply."""
    case = start(table, subject=subject)
    out = []
    for event, role in moves:
        step = apply(table, case, event, by=Approval(role.value, role, table.rule, DAY), on=DAY)
        assert step.record is not None
        out.append(step.record)
        case = step.after
    return out


# --------------------------------------------------------------------------- the day asked about

_NOT_A_DAY = "2026-06-05"


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(
            lambda: check_application(APPLICATION, SEED, on=_NOT_A_DAY),  # type: ignore[arg-type]
            id="check_application",
        ),
        pytest.param(
            lambda: reimburse(
                ReimbursementClaim("R-1", DAY, (ClaimLine(CostItem.HOSPITALITY, "1"),)),
                APPLICATION,
                SEED,
                on=_NOT_A_DAY,  # type: ignore[arg-type]
            ),
            id="reimburse",
        ),
        pytest.param(
            lambda: churn_warning(ChurnFacts("C042"), SEED, on=_NOT_A_DAY),  # type: ignore[arg-type]
            id="churn_warning",
        ),
        pytest.param(
            lambda: hotline_coverage([SHIFT], SEED, on=_NOT_A_DAY),  # type: ignore[arg-type]
            id="hotline_coverage",
        ),
        pytest.param(
            lambda: pipeline_status("C001", [], SEED, on=_NOT_A_DAY),  # type: ignore[arg-type]
            id="pipeline_status",
        ),
        pytest.param(
            lambda: survey_due(SEED, on=_NOT_A_DAY),  # type: ignore[arg-type]
            id="survey_due",
        ),
    ],
)
def test_every_rule_names_its_day_argument_on(call: Callable[[], object]) -> None:
    """The day a rule is asked about is the argument ``on``, and a refusal names it so."""
    assert problems_of(call) == [("on", "'2026-06-05'", "a datetime.date")]


# --------------------------------------------------------------------------- list arguments


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: check_application(APPLICATION, SEED, on=DAY, history="R-0"),  # type: ignore[arg-type]
            [("history", "'R-0'", "a list of a ReceptionRecord")],
            id="history-a-text",
        ),
        pytest.param(
            lambda: check_application(APPLICATION, SEED, on=DAY, history=b"R-0"),  # type: ignore[arg-type]
            [("history", "b'R-0'", "a list of a ReceptionRecord")],
            id="history-bytes",
        ),
        pytest.param(
            lambda: check_application(APPLICATION, SEED, on=DAY, history=7),  # type: ignore[arg-type]
            [("history", 7, "a list of a ReceptionRecord")],
            id="history-a-number",
        ),
        pytest.param(
            lambda: check_application(APPLICATION, SEED, on=DAY, history=[RECORD, RECORD, "R-0"]),  # type: ignore[list-item]
            [("history[2]", "'R-0'", "a ReceptionRecord")],
            id="history-item",
        ),
        pytest.param(
            lambda: hotline_coverage("甲", SEED, on=DAY),  # type: ignore[arg-type]
            [("shifts", "'甲'", "a list of a HotlineShift")],
            id="shifts-a-text",
        ),
        pytest.param(
            lambda: hotline_coverage([SHIFT, None], SEED, on=DAY),  # type: ignore[list-item]
            [("shifts[1]", None, "a HotlineShift")],
            id="shifts-item",
        ),
        pytest.param(
            lambda: pipeline_status("C001", "screen", SEED, on=DAY),  # type: ignore[arg-type]
            [("records", "'screen'", "a list of an EventRecord")],
            id="records-a-text",
        ),
        pytest.param(
            lambda: pipeline_status("C001", [DAY], SEED, on=DAY),  # type: ignore[list-item]
            [("records[0]", "datetime.date(2026, 6, 5)", "an EventRecord")],
            id="records-item",
        ),
        pytest.param(
            lambda: care_calendar("C001", SEED, start=DAY, end=DAY),  # type: ignore[arg-type]
            [("customers", "'C001'", "a list of a CareCustomer")],
            id="customers-a-text",
        ),
    ],
)
def test_every_list_argument_is_refused_whole_or_by_its_item(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    """A list argument that is not a list is named as a whole; a wrong item by its index, with
    the item given and the kind expected."""
    assert problems_of(call) == problems


def test_a_list_argument_holds_at_most_100000_items() -> None:
    within = check_application(APPLICATION, SEED, on=DAY, history=[RECORD] * 100_000)
    assert within.budget == 1500
    assert problems_of(
        lambda: check_application(APPLICATION, SEED, on=DAY, history=[RECORD] * 100_001)
    ) == [("history", "a list of 100001 item(s)", "at most 100000 items")]


# --------------------------------------------------------------------------- workflow helpers


def test_the_next_steps_say_who_may_take_them_and_which_sign_off_they_need() -> None:
    """From ``negotiated``, the S7 pipeline offers the letter of intent — by the sales manager
    or the general manager, with an approval for ``S7.intent`` — and ``drop``, which needs
    none; in the table's order, the roles in rank order."""
    table = SEED.big_customers.pipeline
    records = _records(
        table, "C001", ("screen", Role.SALESPERSON), ("negotiate", Role.SALES_MANAGER)
    )
    status = pipeline_status("C001", records, SEED, on=DAY)
    assert [(n.event.name, n.event.zh, n.event.en, n.roles, n.approval) for n in status.next] == [
        (
            "sign_intent",
            "签订合作意向书",
            "sign the letter of intent",
            (Role.SALES_MANAGER, Role.GENERAL_MANAGER),
            "S7.intent",
        ),
        ("drop", "放弃", "drop", (Role.SALES_MANAGER,), None),
    ]


def _stamped(records: list[EventRecord]) -> list[StampedRecord]:
    return [StampedRecord(r, T0 + dt.timedelta(hours=1 + i)) for i, r in enumerate(records)]


_MAJOR = _stamped(_records(SEED.complaints.table, "K-1", ("classify_major", Role.CUSTOMER_SERVICE)))
_AWAIT = _stamped(
    _records(SEED.complaints.waiting, "K-1", ("await_customer", Role.CUSTOMER_SERVICE))
)
_COMPLAINT = Complaint("K-1", "C042", T0, severity=ComplaintSeverity.MAJOR)
_AT = T0 + dt.timedelta(hours=6)


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: complaint_status(_COMPLAINT, _AWAIT, SEED, at=_AT),
            [
                ("records[0].workflow", "'S3.waiting'", "'S3.complaint', as the case"),
                ("records[0].before", "'open'", "'recorded', as the case"),
            ],
            id="records",
        ),
        pytest.param(
            lambda: complaint_status(_COMPLAINT, [], SEED, at=_AT, waiting=_MAJOR),
            [
                ("waiting[0].workflow", "'S3.complaint'", "'S3.waiting', as the case"),
                ("waiting[0].before", "'recorded'", "'open', as the case"),
            ],
            id="waiting",
        ),
    ],
)
def test_a_record_that_does_not_apply_is_named_by_the_argument_it_came_in(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    """A complaint's records and its pause records are replayed on two tables; a record that
    does not apply is named ``records[i]`` or ``waiting[i]``, after the argument that holds
    it, with every field that disagrees."""
    assert problems_of(call) == problems
