"""S3 — complaints and suggestions on the workflow table, the response clock in business hours,
and the regular opinion survey (003 §6.3.2; §企业客户管理办法制度范本 第十六条)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import InputError, PolicyError, explain
from customer_rules.calendars import Deadline, DeadlineMode, WorkingDayCalendar
from customer_rules.dates import SHANGHAI
from customer_rules.errors import shown
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import find_reason
from customer_rules.recurrence import Recurrence
from customer_rules.roles import Approval, Role
from customer_rules.service import (
    BusinessHours,
    Complaint,
    ComplaintPolicy,
    ComplaintSeverity,
    ComplaintStatus,
    ServicePolicy,
    ServiceReason,
    SeverityCriteria,
    SeverityReading,
    SeverityResult,
    SlaMeasure,
    SlaTarget,
    StampedRecord,
    StepDue,
    SurveyDue,
    classify_complaint,
    complaint_status,
    survey_due,
)
from customer_rules.workflow import (
    Case,
    Event,
    State,
    StepOutcome,
    Transition,
    WorkflowTable,
    apply,
    start,
)
from refusals import problems_of

SEED = ServicePolicy()
TABLE = SEED.complaints.table
WAITING = SEED.complaints.waiting
T0 = dt.datetime(2026, 6, 5, 9, 0, tzinfo=SHANGHAI)  # a Friday
CS = Role.CUSTOMER_SERVICE
BD = Role.BUSINESS_DEPARTMENT
VP = Role.VP_IN_CHARGE

# weekends rest, nothing else: a calendar of 2026 without holidays
WEEKDAYS = WorkingDayCalendar(covered_years=frozenset({2026}))


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 6, day, hour, minute, tzinfo=SHANGHAI)


def _steps(
    table: WorkflowTable, subject: str, *moves: tuple[str, Role, dt.datetime]
) -> list[StampedRecord]:
    """Apply ``moves`` (event, role, moment) in order; each must apply."""
    case = start(table, subject=subject)
    stamped = []
    for event, role, moment in moves:
        day = moment.astimezone(SHANGHAI).date()
        step = apply(table, case, event, by=Approval(f"{role.value}", role, "S3", day), on=day)
        assert step.applied, explain(step, "en")
        assert step.record is not None
        stamped.append(StampedRecord(step.record, moment))
        case = step.after
    return stamped


def _complaint(
    severity: ComplaintSeverity | None = ComplaintSeverity.MAJOR, **more: object
) -> Complaint:
    return Complaint("K-1", "C042", T0, severity=severity, **more)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the route


def test_a_major_complaint_goes_to_the_vp_at_once_and_is_answered_by_letter() -> None:
    """The major route: "其情节重大者,业务部应立即提呈主管副总经理核阅或核转,提前加以处理,
    并将处理情况函告该客户"."""
    records = _steps(
        TABLE,
        "K-1",
        ("classify_major", CS, _at(5, 10)),
        ("refer", VP, _at(5, 11)),
        ("handle", Role.FINANCE_MANAGER, _at(5, 15)),
        ("answer_letter", BD, _at(5, 16)),
        ("confirm", CS, _at(8, 10)),
        ("analyse", Role.CUSTOMER_SERVICE_MANAGER, _at(8, 11)),
    )
    s = complaint_status(_complaint(), records, SEED, at=_at(8, 12))
    assert s.case.state == "analysed"
    assert s.next == ()
    assert [r.record.event for r in records][1] == "refer"
    assert records[1].record.role is VP
    assert s.first_response.met
    assert s.resolution.met
    assert find_reason(s, ServiceReason.S3_DONE) is not None


def test_with_the_vp_only_the_vp_acts_and_a_referral_is_a_recorded_event() -> None:
    case = start(TABLE, subject="K-1")
    day = T0.date()
    up = apply(TABLE, case, "classify_major", by=Approval("周", CS, "S3", day), on=day)
    assert up.after.state == "with_vp"
    for role in (BD, Role.SALES_MANAGER, Role.GENERAL_MANAGER, CS):
        for event in ("review", "refer"):
            step = apply(TABLE, up.after, event, by=Approval("某", role, "S3", day), on=day)
            assert step.outcome is StepOutcome.WRONG_ROLE
        handled = apply(TABLE, up.after, "handle", by=Approval("某", role, "S3", day), on=day)
        assert handled.outcome is StepOutcome.NO_TRANSITION
    referred = apply(TABLE, up.after, "refer", by=Approval("李副总", VP, "S3", day), on=day)
    assert referred.record is not None
    assert (referred.record.event, referred.record.who, referred.record.after) == (
        "refer",
        "李副总",
        "referred",
    )


def test_an_ordinary_complaint_is_handled_by_the_business_department() -> None:
    """ "其属一般性质者,业务部自行酌情处理,但必须将处理结果,以书面或电话通知该客户"."""
    records = _steps(
        TABLE,
        "K-1",
        ("classify_ordinary", BD, _at(5, 10)),
        ("handle", BD, _at(5, 14)),
        ("answer_phone", BD, _at(5, 15)),
    )
    s = complaint_status(_complaint(ComplaintSeverity.ORDINARY), records, SEED, at=_at(5, 16))
    assert s.case.state == "answered"
    assert [n.event.name for n in s.next] == ["confirm"]
    assert s.resolution.done_at == _at(5, 15)


def test_a_major_complaint_is_not_answered_by_phone() -> None:
    records = _steps(
        TABLE,
        "K-1",
        ("classify_major", CS, _at(5, 10)),
        ("review", VP, _at(5, 11)),
        ("handle", BD, _at(5, 12)),
    )
    case = Case("S3.complaint", "handled_major", "K-1", 3, "business_department", T0.date())
    phone = apply(TABLE, case, "answer_phone", by=Approval("某", BD, "S3", T0.date()), on=T0.date())
    assert phone.outcome is StepOutcome.NO_TRANSITION
    s = complaint_status(_complaint(), records, SEED, at=_at(5, 13))
    assert [n.event.name for n in s.next] == ["answer_letter"]


def test_the_classification_must_agree_with_the_severity() -> None:
    records = _steps(TABLE, "K-1", ("classify_ordinary", CS, _at(5, 10)))
    with pytest.raises(InputError) as caught:
        complaint_status(_complaint(ComplaintSeverity.MAJOR), records, SEED, at=_at(5, 11))
    assert caught.value.field == "records[0].event"


_EVENTS = [e.name for e in TABLE.events]
_ROLES = [
    CS,
    BD,
    VP,
    Role.SALES_MANAGER,
    Role.FINANCE_MANAGER,
    Role.SALESPERSON,
    Role.CUSTOMER_SERVICE_MANAGER,
]


@given(st.lists(st.tuples(st.sampled_from(_EVENTS), st.sampled_from(_ROLES)), max_size=12))
def test_a_major_complaint_reaches_the_vp_first_and_leaves_only_by_the_vps_step(
    moves: list[tuple[str, Role]],
) -> None:
    """Whatever is tried by whoever: once classified major, the next step taken is the VP's —
    a review or a recorded referral — and nothing else leaves the VP's desk."""
    case = start(TABLE, subject="K-1")
    day = T0.date()
    taken = []
    for event, role in moves:
        step = apply(TABLE, case, event, by=Approval("某", role, "S3", day), on=day)
        if step.record is not None:
            taken.append(step.record)
        case = step.after
    for before, after in itertools.pairwise(taken):
        if before.event == "classify_major":
            assert after.role is VP
            assert after.event in ("review", "refer")
    for record in taken:
        if record.after == "referred":
            assert (record.event, record.role) == ("refer", VP)
        if record.before == "with_vp":
            assert record.role is VP


def test_the_table_must_keep_the_vp_route() -> None:
    moves = tuple(
        Transition(t.source, t.event, t.target, roles=frozenset({VP, BD}))
        if t.source == "with_vp"
        else t
        for t in TABLE.transitions
    )
    table = WorkflowTable(
        name=TABLE.name,
        rule="S3",
        initial=TABLE.initial,
        states=TABLE.states,
        events=TABLE.events,
        transitions=moves,
    )
    with pytest.raises(PolicyError) as caught:
        ComplaintPolicy(table=table)
    assert "only the VP in charge acts" in str(caught.value)


# --------------------------------------------------------------------------- due dates per step


def test_a_major_complaint_is_escalated_the_same_day() -> None:
    """ "立即提呈": the classification of a major complaint is due the day it is recorded."""
    s = complaint_status(_complaint(), [], SEED, at=_at(5, 12))
    assert s.step_due == T0.date()
    assert not s.step_overdue
    late = complaint_status(_complaint(), [], SEED, at=_at(6, 9))
    assert late.step_overdue
    reason = find_reason(late, ServiceReason.S3_NEXT_OVERDUE)
    assert reason is not None
    assert reason.fact("due") == T0.date()


def test_the_step_due_dates_are_policy_data() -> None:
    records = _steps(TABLE, "K-1", ("classify_ordinary", CS, _at(5, 10)))
    s = complaint_status(_complaint(ComplaintSeverity.ORDINARY), records, SEED, at=_at(5, 11))
    assert s.step_due == dt.date(2026, 6, 10)  # verified: 5 days [default]
    rows = tuple(
        r if r.state != "verified" else attrs.evolve(r, days=1, mode=DeadlineMode.WORKING_DAYS)
        for r in SEED.complaints.steps_due
    )
    policy = ServicePolicy(complaints=ComplaintPolicy(steps_due=rows))
    c = _complaint(ComplaintSeverity.ORDINARY)
    s = complaint_status(c, records, policy, at=_at(5, 11), calendar=WEEKDAYS)
    assert s.step_due == dt.date(2026, 6, 8)  # Friday + 1 working day


# --------------------------------------------------------------------------- the response clock


def test_the_clock_runs_only_in_business_hours_on_working_days() -> None:
    """Received Friday 16:00, a major complaint's first response (2 business hours [default])
    is due Monday 10:00: Friday's last hour counts, the weekend does not."""
    friday = Complaint("K-2", "C042", _at(5, 16), severity=ComplaintSeverity.MAJOR)
    s = complaint_status(friday, [], SEED, at=_at(8, 9, 30), calendar=WEEKDAYS)
    first = s.first_response
    assert first.target_minutes == 120
    assert first.elapsed_minutes == 90  # 16:00–17:00 Friday, 09:00–09:30 Monday
    assert first.left_minutes == 30
    assert first.due_at == _at(8, 10)
    assert not first.breached
    breached = complaint_status(friday, [], SEED, at=_at(8, 10, 1), calendar=WEEKDAYS)
    assert breached.first_response.breached
    assert breached.first_response.left_minutes == -1
    assert find_reason(breached, ServiceReason.S3_SLA_BREACHED) is not None


def test_the_clock_counts_on_the_company_calendar_with_its_holidays() -> None:
    holiday = WorkingDayCalendar(
        holidays=frozenset({dt.date(2026, 6, 8)}), covered_years=frozenset({2026})
    )
    friday = Complaint("K-2", "C042", _at(5, 16), severity=ComplaintSeverity.MAJOR)
    s = complaint_status(friday, [], SEED, at=_at(9, 9, 0), calendar=holiday)
    assert s.first_response.elapsed_minutes == 60
    assert s.first_response.due_at == _at(9, 10)


def test_the_clock_pauses_while_the_complaint_awaits_the_customer() -> None:
    """Paused from 10:00 to 14:00 on a Friday: four business hours do not count."""
    c = _complaint(ComplaintSeverity.ORDINARY)
    records = _steps(TABLE, "K-1", ("classify_ordinary", CS, _at(5, 9, 30)))
    waiting = _steps(
        WAITING, "K-1", ("await_customer", CS, _at(5, 10)), ("customer_replied", CS, _at(5, 14))
    )
    s = complaint_status(c, records, SEED, at=_at(5, 17), calendar=WEEKDAYS, waiting=waiting)
    assert s.resolution.elapsed_minutes == 8 * 60 - 4 * 60
    assert s.resolution.left_minutes == 40 * 60 - 4 * 60
    assert not s.paused
    # the due moment moves by the pause: 40 business hours from Friday 9:00 end on Thursday at
    # 17:00; with four hours paused, on Friday a week later at 13:00
    assert s.resolution.due_at == dt.datetime(2026, 6, 12, 13, 0, tzinfo=SHANGHAI)
    still = complaint_status(
        c, records, SEED, at=_at(5, 17), calendar=WEEKDAYS, waiting=waiting[:1]
    )
    assert still.paused
    assert still.resolution.paused
    assert still.resolution.due_at is None
    assert still.resolution.elapsed_minutes == 60
    assert find_reason(still, ServiceReason.S3_SLA_PAUSED) is not None
    assert not still.first_response.paused  # met before the pause


def test_time_left_and_breach_are_computed_from_the_records_not_counters() -> None:
    records = _steps(TABLE, "K-1", ("classify_major", CS, _at(5, 12)))
    s = complaint_status(_complaint(), records, SEED, at=_at(5, 12))
    assert s.first_response.done_at == _at(5, 12)
    assert s.first_response.elapsed_minutes == 180
    assert s.first_response.breached  # 3 hours against 2
    assert not s.first_response.met
    assert explain(s.first_response, "en") == (
        "[S3] first response: done at 2026-06-05T12:00:00+08:00 in 180 business minutes, over"
        " the target 120"
    )


def test_stamped_records_must_agree_with_their_day_and_come_in_order() -> None:
    records = _steps(TABLE, "K-1", ("classify_major", CS, _at(5, 12)))
    with pytest.raises(InputError) as caught:
        StampedRecord(records[0].record, _at(6, 12))
    assert caught.value.field == "at"
    with pytest.raises(InputError) as caught:
        StampedRecord(records[0].record, dt.datetime(2026, 6, 5, 12))  # type: ignore[arg-type]
    assert caught.value.field == "at"
    early = StampedRecord(records[0].record, _at(5, 8))
    with pytest.raises(InputError) as caught:
        complaint_status(_complaint(), [early], SEED, at=_at(5, 12))
    assert caught.value.field == "records[0].at"
    with pytest.raises(InputError) as caught:
        complaint_status(_complaint(), records, SEED, at=_at(5, 11))
    assert caught.value.field == "records[0].at"


@given(st.integers(0, 60 * 24 * 10))
def test_the_clock_is_monotonic_and_left_plus_elapsed_is_the_target(minutes: int) -> None:
    at = T0 + dt.timedelta(minutes=minutes)
    s = complaint_status(_complaint(), [], SEED, at=at, calendar=WEEKDAYS)
    later = complaint_status(
        _complaint(), [], SEED, at=at + dt.timedelta(minutes=30), calendar=WEEKDAYS
    )
    for clock, after in (
        (s.first_response, later.first_response),
        (s.resolution, later.resolution),
    ):
        assert clock.elapsed_minutes + clock.left_minutes == clock.target_minutes
        assert after.elapsed_minutes >= clock.elapsed_minutes
        assert clock.breached == (clock.elapsed_minutes > clock.target_minutes)
        assert clock.due_at is not None
        if clock.breached:  # past the due moment (after hours it may be passed unbreached)
            assert at > clock.due_at


# --------------------------------------------------------------------------- severity


def test_severity_is_an_input_by_default() -> None:
    r = classify_complaint(_complaint(), SEED)
    assert (r.severity, r.reading) == (ComplaintSeverity.MAJOR, SeverityReading.INPUT)
    with pytest.raises(InputError) as caught:
        classify_complaint(_complaint(None), SEED)
    assert caught.value.field == "complaint.severity"


@pytest.mark.parametrize(
    ("big", "amount", "severity"),
    [
        (False, "99999.99", ComplaintSeverity.ORDINARY),
        (False, "100000", ComplaintSeverity.MAJOR),
        (True, None, ComplaintSeverity.MAJOR),
        (False, None, ComplaintSeverity.ORDINARY),
    ],
)
def test_severity_from_the_policys_criteria_is_the_other_reading(
    big: bool, amount: str | None, severity: ComplaintSeverity
) -> None:
    policy = ServicePolicy(complaints=ComplaintPolicy(reading=SeverityReading.CRITERIA))
    c = _complaint(None, big_customer=big, amount=amount)
    r = classify_complaint(c, policy)
    assert r.severity is severity
    assert r.reading is SeverityReading.CRITERIA
    off = ServicePolicy(
        complaints=ComplaintPolicy(
            reading=SeverityReading.CRITERIA, criteria=SeverityCriteria(big_customer=False)
        )
    )
    if amount is None:
        assert classify_complaint(c, off).severity is ComplaintSeverity.ORDINARY


# --------------------------------------------------------------------------- the policy


def test_the_policy_checks_its_tables() -> None:
    with pytest.raises(PolicyError) as caught:
        ComplaintPolicy(resolved_state="done")
    assert caught.value.problems[0].path == "resolved_state"
    with pytest.raises(PolicyError) as caught:
        ComplaintPolicy(targets=SEED.complaints.targets[:1])
    assert "a target for ordinary" in str(caught.value)
    with pytest.raises(PolicyError):
        BusinessHours("17:00", "09:00")
    with pytest.raises(PolicyError):
        BusinessHours("9am", "17:00")


# --------------------------------------------------------------------------- the survey


@pytest.mark.parametrize(
    ("on", "last", "day", "overdue"),
    [
        (dt.date(2026, 8, 1), dt.date(2026, 6, 20), dt.date(2026, 12, 31), False),
        (dt.date(2026, 8, 1), dt.date(2025, 12, 20), dt.date(2026, 6, 30), True),
        (dt.date(2026, 3, 1), None, dt.date(2026, 6, 30), False),
    ],
)
def test_the_opinion_survey_is_a_recurrence(
    on: dt.date, last: dt.date | None, day: dt.date, overdue: bool
) -> None:
    """ "特定期举办客户意见调查": at the end of June and December [default]."""
    s = survey_due(SEED, on=on, last=last)
    assert s.occurrence.day == day
    assert s.overdue is overdue
    code = ServiceReason.S3_SURVEY_OVERDUE if overdue else ServiceReason.S3_SURVEY
    assert [r.code for r in s.reasons] == [code]
    quarterly = ServicePolicy(complaints=ComplaintPolicy(survey=Recurrence.every(3)))
    assert survey_due(
        quarterly, on=dt.date(2026, 8, 1), last=dt.date(2026, 6, 20)
    ).occurrence.day == dt.date(2026, 9, 20)
    data = json.loads(json.dumps(to_data(s, lang="en")))
    assert from_data(SurveyDue, data, policy=SEED) == s


# --------------------------------------------------------------------------- round trip


def test_a_status_round_trips_through_json() -> None:
    records = _steps(TABLE, "K-1", ("classify_major", CS, _at(5, 10)), ("review", VP, _at(5, 11)))
    waiting = _steps(WAITING, "K-1", ("await_customer", CS, _at(5, 12)))
    s = complaint_status(
        _complaint(amount=Decimal("12.50")), records, SEED, at=_at(5, 16), waiting=waiting
    )
    data = json.loads(json.dumps(to_data(s, lang="zh"), ensure_ascii=False))
    back = from_data(ComplaintStatus, data, policy=SEED)
    assert back == s
    assert back.reasons == s.reasons
    assert s.first_response.measure is SlaMeasure.FIRST_RESPONSE


# --------------------------------------------------------------------------- exact refusals

_MAJOR_AT_10 = _steps(TABLE, "K-1", ("classify_major", CS, _at(5, 10)))
_TWO_STEPS = _steps(TABLE, "K-1", ("classify_major", CS, _at(5, 10)), ("review", VP, _at(5, 11)))
_OTHER_SUBJECT = _steps(TABLE, "K-2", ("classify_major", CS, _at(5, 10)))
_ORDINARY_AT_10 = _steps(TABLE, "K-1", ("classify_ordinary", CS, _at(5, 10)))
_AWAIT = _steps(WAITING, "K-1", ("await_customer", CS, _at(5, 10)))
# a calendar on which no day is ever worked (every weekday is the weekend)
_NEVER = WorkingDayCalendar(
    weekend=frozenset(range(1, 8)), covered_years=frozenset(range(2026, 2050))
)


def _early(stamped: StampedRecord) -> StampedRecord:
    """The same record stamped at 08:00 of its day, before the complaint's receipt at 09:00."""
    return StampedRecord(stamped.record, stamped.at.replace(hour=8))


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: complaint_status("K-1", [], SEED, at=_at(5, 11)),  # type: ignore[arg-type]
            [("complaint", "'K-1'", "a Complaint")],
            id="complaint",
        ),
        pytest.param(
            lambda: complaint_status(_complaint(), [], SEED, at=dt.datetime(2026, 6, 5, 10)),
            [
                (
                    "at",
                    "datetime.datetime(2026, 6, 5, 10, 0)",
                    "a timezone-aware datetime, e.g. datetime(..., tzinfo=SHANGHAI)",
                )
            ],
            id="at-naive",
        ),
        pytest.param(
            lambda: complaint_status(
                _complaint(), [], ServicePolicy(effective=dt.date(2026, 7, 1)), at=_at(5, 11)
            ),
            [
                (
                    "at",
                    "datetime.datetime(2026, 6, 5, 11, 0,"
                    " tzinfo=zoneinfo.ZoneInfo(key='Asia/Shang...",
                    "a moment on or after the policy's effective date 2026-07-01"
                    " (version 'seed', Asia/Shanghai)",
                )
            ],
            id="at-before-the-policy",
        ),
        pytest.param(
            lambda: complaint_status(_complaint(), "x", SEED, at=_at(5, 11)),  # type: ignore[arg-type]
            [("records", "'x'", "a list of a StampedRecord")],
            id="records-not-a-list",
        ),
        pytest.param(
            lambda: complaint_status(_complaint(), ["x"], SEED, at=_at(5, 11)),  # type: ignore[list-item]
            [("records[0]", "'x'", "a StampedRecord")],
            id="records-item",
        ),
        pytest.param(
            lambda: complaint_status(_complaint(), _OTHER_SUBJECT, SEED, at=_at(5, 11)),
            [("records[0].subject", "'K-2'", "'K-1', as the case")],
            id="records-of-another-complaint",
        ),
        pytest.param(
            lambda: complaint_status(_complaint(), [_early(_MAJOR_AT_10[0])], SEED, at=_at(5, 11)),
            [
                (
                    "records[0].at",
                    shown(_at(5, 8)),
                    "a moment on or after the complaint's receipt",
                )
            ],
            id="records-before-the-receipt",
        ),
        pytest.param(
            lambda: complaint_status(
                _complaint(),
                [_TWO_STEPS[0], StampedRecord(_TWO_STEPS[1].record, _at(5, 9, 30))],
                SEED,
                at=_at(5, 12),
            ),
            [("records[1].at", shown(_at(5, 9, 30)), "a moment on or after the record before")],
            id="records-out-of-order",
        ),
        pytest.param(
            lambda: complaint_status(_complaint(), _MAJOR_AT_10, SEED, at=_at(5, 9, 30)),
            [
                (
                    "records[0].at",
                    shown(_at(5, 10)),
                    "a moment on or before at (2026-06-05 09:30:00+08:00)",
                )
            ],
            id="records-after-at",
        ),
        pytest.param(
            lambda: complaint_status(_complaint(), _ORDINARY_AT_10, SEED, at=_at(5, 11)),
            [
                (
                    "records[0].event",
                    "'classify_ordinary'",
                    "'classify_major': the complaint's severity is major",
                )
            ],
            id="records-classified-against-the-severity",
        ),
        pytest.param(
            lambda: complaint_status(_complaint(None), [], SEED, at=_at(5, 11)),
            [
                (
                    "complaint.severity",
                    None,
                    "major or ordinary: the policy reads the severity as an input",
                )
            ],
            id="severity-missing",
        ),
        pytest.param(
            lambda: complaint_status(_complaint(), [], SEED, at=_at(5, 11), waiting="x"),  # type: ignore[arg-type]
            [("waiting", "'x'", "a list of a StampedRecord")],
            id="waiting-not-a-list",
        ),
        pytest.param(
            lambda: complaint_status(
                _complaint(), [], SEED, at=_at(5, 11), waiting=[_early(_AWAIT[0])]
            ),
            [
                (
                    "waiting[0].at",
                    shown(_at(5, 8)),
                    "a moment on or after the complaint's receipt",
                )
            ],
            id="waiting-before-the-receipt",
        ),
        pytest.param(
            lambda: complaint_status(_complaint(), [], SEED, at=_at(5, 11), waiting=_MAJOR_AT_10),
            [
                ("waiting[0].workflow", "'S3.complaint'", "'S3.waiting', as the case"),
                ("waiting[0].before", "'recorded'", "'open', as the case"),
            ],
            id="waiting-a-record-of-the-complaint-table",
        ),
        pytest.param(
            lambda: complaint_status(_complaint(), [], SEED, at=_at(5, 11), calendar=_NEVER),
            [
                (
                    "calendar",
                    "a WorkingDayCalendar",
                    "working days within 7320 days after 2026-06-05 09:00:00+08:00",
                )
            ],
            id="calendar-without-working-days",
        ),
    ],
)
def test_every_refusal_of_complaint_status(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    """Each argument check names the argument or the record (its dotted path), the value given
    and what was expected; pause records are named ``waiting[i]``, not ``records[i]``."""
    assert problems_of(call) == problems


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: classify_complaint("K-1", SEED),  # type: ignore[arg-type]
            [("complaint", "'K-1'", "a Complaint")],
            id="complaint",
        ),
        pytest.param(
            lambda: classify_complaint(_complaint(None), SEED),
            [
                (
                    "complaint.severity",
                    None,
                    "major or ordinary: the policy reads the severity as an input",
                )
            ],
            id="severity-missing",
        ),
        pytest.param(
            lambda: classify_complaint(_complaint(), "x"),  # type: ignore[arg-type]
            [("policy", "'x'", "a ServicePolicy (ServicePolicy() is the seed)")],
            id="policy",
        ),
    ],
)
def test_every_refusal_of_classify_complaint(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == problems


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: survey_due("x", on=dt.date(2026, 8, 1)),  # type: ignore[arg-type]
            [("policy", "'x'", "a ServicePolicy (ServicePolicy() is the seed)")],
            id="policy",
        ),
        pytest.param(
            lambda: survey_due(SEED, on="x"),  # type: ignore[arg-type]
            [("on", "'x'", "a datetime.date")],
            id="on",
        ),
        pytest.param(
            lambda: survey_due(SEED, on=dt.date(2026, 8, 1), last="x"),  # type: ignore[arg-type]
            [("last", "'x'", "a datetime.date")],
            id="last",
        ),
        pytest.param(
            lambda: survey_due(SEED, on=dt.date(2026, 8, 1), last=dt.date(2026, 9, 1)),
            [("last", "datetime.date(2026, 9, 1)", "a day on or before on (2026-08-01)")],
            id="last-after-on",
        ),
        pytest.param(
            lambda: survey_due(SEED, on=dt.date(2026, 8, 1), calendar="x"),  # type: ignore[arg-type]
            [("calendar", "'x'", "a Calendar, e.g. CALENDAR_DAYS")],
            id="calendar",
        ),
    ],
)
def test_every_refusal_of_survey_due(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == problems


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: _complaint(amount="x"),
            [
                (
                    "amount",
                    "'x'",
                    "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'",
                )
            ],
            id="complaint-amount",
        ),
        pytest.param(
            lambda: StampedRecord(_MAJOR_AT_10[0].record, _at(6, 10)),
            [
                (
                    "at",
                    shown(_at(6, 10)),
                    "a moment on the record's day 2026-06-05 (Asia/Shanghai)",
                )
            ],
            id="stamp-on-another-day",
        ),
    ],
)
def test_every_refusal_of_a_complaints_facts(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == problems


def _table(*, without: tuple[str, ...] = (), anyone_refers: bool = False) -> WorkflowTable:
    """The seed's complaint table less the rows of the events ``without`` (or the rows out of
    ``with_vp`` when ``without`` names that state); ``anyone_refers``: the business department
    may refer too."""
    rows = tuple(
        Transition(t.source, t.event, t.target, roles=frozenset({VP, BD}))
        if anyone_refers and t.event == "refer"
        else t
        for t in TABLE.transitions
        if t.event not in without and t.source not in without
    )
    return WorkflowTable(
        name=TABLE.name,
        rule=TABLE.rule,
        initial=TABLE.initial,
        states=TABLE.states,
        events=TABLE.events,
        transitions=rows,
    )


_STATES = (
    "one of the states ['analysed', 'answered', 'confirmed', 'handled', 'handled_major',"
    " 'recorded', 'referred', 'verified', 'vp_reviewed', 'with_vp']"
)
_DUE = SEED.complaints.steps_due
_TARGETS = SEED.complaints.targets


@pytest.mark.parametrize(
    ("make", "problems"),
    [
        pytest.param(
            lambda: ComplaintPolicy(table=_table(without=("classify_major",))),
            [("table.transitions", "'11 row(s)'", "a row from 'recorded' on 'classify_major'")],
            id="no-major-route",
        ),
        pytest.param(
            lambda: ComplaintPolicy(table=_table(without=("classify_ordinary",))),
            [
                (
                    "table.transitions",
                    "'11 row(s)'",
                    "a row from 'recorded' on 'classify_ordinary'",
                )
            ],
            id="no-ordinary-route",
        ),
        pytest.param(
            lambda: ComplaintPolicy(table=_table(without=("classify_major", "classify_ordinary"))),
            [
                ("table.transitions", "'10 row(s)'", "a row from 'recorded' on 'classify_major'"),
                (
                    "table.transitions",
                    "'10 row(s)'",
                    "a row from 'recorded' on 'classify_ordinary'",
                ),
            ],
            id="no-classification",
        ),
        pytest.param(
            lambda: ComplaintPolicy(table=_table(without=("with_vp",))),
            [
                (
                    "table.transitions",
                    "'with_vp'",
                    "a state after classify_major from which only the VP in charge acts",
                )
            ],
            id="nothing-from-the-vps-desk",
        ),
        pytest.param(
            lambda: ComplaintPolicy(table=_table(anyone_refers=True)),
            [
                (
                    "table.transitions",
                    "'with_vp'",
                    "a state after classify_major from which only the VP in charge acts",
                )
            ],
            id="another-role-at-the-vps-desk",
        ),
        pytest.param(
            lambda: ComplaintPolicy(steps_due=(*_DUE, StepDue("done", ComplaintSeverity.MAJOR, 0))),
            [("steps_due[12].state", "'done'", _STATES)],
            id="step-due-of-no-state",
        ),
        pytest.param(
            lambda: ComplaintPolicy(steps_due=(*_DUE, _DUE[1])),
            [("steps_due[12]", "'with_vp'", "a state and severity listed once")],
            id="step-due-twice",
        ),
        pytest.param(
            lambda: ComplaintPolicy(targets=(*_TARGETS, _TARGETS[0])),
            [("targets[2].severity", "'major'", "a severity listed once")],
            id="target-twice",
        ),
        pytest.param(
            lambda: ComplaintPolicy(targets=_TARGETS[1:]),
            [("targets", "'1 row(s)'", "a target for major")],
            id="no-major-target",
        ),
        pytest.param(
            lambda: ComplaintPolicy(targets=()),
            [
                ("targets", "'0 row(s)'", "a target for major"),
                ("targets", "'0 row(s)'", "a target for ordinary"),
            ],
            id="no-targets",
        ),
        pytest.param(
            lambda: ComplaintPolicy(resolved_state="done"),
            [("resolved_state", "'done'", _STATES)],
            id="resolved-state",
        ),
    ],
)
def test_every_refusal_of_a_complaint_policy(
    make: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    """The table keeps both classifications from its initial state and the VP's desk (only the
    VP in charge acts there); each due date and target is listed once, both severities have a
    target, and the resolved state is one of the table's."""
    with pytest.raises(PolicyError) as caught:
        make()
    assert [(p.path, p.given, p.expected) for p in caught.value.problems] == problems


def test_a_resolution_target_may_equal_the_first_response_target_but_not_fall_short() -> None:
    same = SlaTarget(ComplaintSeverity.MAJOR, 8, 8)
    assert (same.first_response_hours, same.resolution_hours) == (8, 8)
    with pytest.raises(PolicyError) as caught:
        SlaTarget(ComplaintSeverity.MAJOR, 8, 7)
    assert [(p.path, p.given, p.expected) for p in caught.value.problems] == [
        ("resolution_hours", 7, "at least first_response_hours (8)")
    ]


# --------------------------------------------------------------------------- exact results

_VERSIONED = ServicePolicy(version="2026.6", effective=dt.date(2026, 1, 1))
_BY_CRITERIA = ServicePolicy(
    version="2026.6",
    effective=dt.date(2026, 1, 1),
    complaints=ComplaintPolicy(reading=SeverityReading.CRITERIA),
)
_BY_AMOUNT_ONLY = ServicePolicy(
    version="2026.6",
    effective=dt.date(2026, 1, 1),
    complaints=ComplaintPolicy(
        reading=SeverityReading.CRITERIA, criteria=SeverityCriteria(big_customer=False)
    ),
)


@pytest.mark.parametrize(
    ("policy", "big", "amount", "severity", "big_found", "amount_found"),
    [
        # the input reading: the host's severity, no criterion looked at
        (_VERSIONED, True, "200000", ComplaintSeverity.ORDINARY, False, None),
        # the criteria: a big customer, or at least 100,000 at stake [default]
        (_BY_CRITERIA, True, None, ComplaintSeverity.MAJOR, True, None),
        (_BY_CRITERIA, True, "100000", ComplaintSeverity.MAJOR, True, Decimal(100_000)),
        (_BY_CRITERIA, False, "100000", ComplaintSeverity.MAJOR, False, Decimal(100_000)),
        (_BY_CRITERIA, False, "99999.99", ComplaintSeverity.ORDINARY, False, None),
        (_BY_AMOUNT_ONLY, True, "99999.99", ComplaintSeverity.ORDINARY, False, None),
    ],
)
def test_a_severity_result_says_exactly_what_decided_it(
    policy: ServicePolicy,
    big: bool,
    amount: str | None,
    severity: ComplaintSeverity,
    big_found: bool,
    amount_found: Decimal | None,
) -> None:
    c = _complaint(ComplaintSeverity.ORDINARY, big_customer=big, amount=amount)
    assert classify_complaint(c, policy) == SeverityResult(
        "K-1",
        severity,
        policy.complaints.reading,
        big_found,
        amount_found,
        "2026.6",
        policy_effective=dt.date(2026, 1, 1),
    )


def test_every_result_carries_the_policys_version_and_effective_date() -> None:
    status = complaint_status(_complaint(), _MAJOR_AT_10, _VERSIONED, at=_at(5, 11))
    assert (status.policy_version, status.policy_effective) == ("2026.6", dt.date(2026, 1, 1))
    s = status.severity
    assert (s.policy_version, s.policy_effective) == ("2026.6", dt.date(2026, 1, 1))
    survey = survey_due(_VERSIONED, on=dt.date(2026, 8, 1))
    assert (survey.policy_version, survey.policy_effective) == ("2026.6", dt.date(2026, 1, 1))


def test_a_step_taken_at_the_moment_of_receipt_counts_no_time() -> None:
    """A record may be stamped at the receipt itself, and the next at the same moment."""
    records = _steps(TABLE, "K-1", ("classify_major", CS, _at(5, 9)), ("review", VP, _at(5, 9)))
    s = complaint_status(_complaint(), records, SEED, at=_at(5, 9))
    assert (s.first_response.done_at, s.first_response.elapsed_minutes) == (_at(5, 9), 0)
    assert s.first_response.met
    assert s.state.name == "vp_reviewed"


def test_the_next_step_is_due_from_the_day_of_the_last_step() -> None:
    """Received Friday 5 June, classified ordinary on Monday 8 June: "verified" allows five days
    [default] from the Monday, not from the receipt."""
    records = _steps(TABLE, "K-1", ("classify_ordinary", CS, _at(8, 10)))
    s = complaint_status(_complaint(ComplaintSeverity.ORDINARY), records, SEED, at=_at(8, 11))
    assert s.step_due == dt.date(2026, 6, 13)


def test_the_response_clock_to_the_second_with_pauses() -> None:
    """A major complaint received Friday 09:00 (2 and 16 business hours [default], every day
    worked): awaiting the customer from 11:00 to 12:00 and again Monday from 10:00 — the first
    response falls due at 11:00, as the pause starts; the resolution stops with the open pause
    (7 hours on Friday, 8 on Saturday, 8 on Sunday: breached before Monday's pause)."""
    waiting = _steps(
        WAITING,
        "K-1",
        ("await_customer", CS, _at(5, 11)),
        ("customer_replied", CS, _at(5, 12)),
        ("await_customer", CS, _at(8, 10)),
    )
    s = complaint_status(_complaint(), [], SEED, at=_at(8, 12), waiting=waiting)
    assert (s.first_response.due_at, s.first_response.elapsed_minutes) == (_at(5, 11), 24 * 60)
    assert (s.resolution.due_at, s.resolution.breached) == (_at(7, 10), True)
    assert s.paused
    replied = _steps(
        WAITING,
        "K-1",
        ("await_customer", CS, _at(5, 16)),
        ("customer_replied", CS, _at(8, 10)),
    )
    over_the_weekend = complaint_status(_complaint(), [], SEED, at=_at(8, 12), waiting=replied)
    # 7 hours on Friday, paused to Monday 10:00, 7 on Monday, 2 on Tuesday
    assert over_the_weekend.resolution.due_at == _at(9, 11)
    assert over_the_weekend.resolution.elapsed_minutes == (7 + 2) * 60


def test_the_first_response_of_a_whole_day_is_due_at_closing() -> None:
    """An ordinary complaint received 09:00 (8 business hours [default]) is due at 17:00 the
    same day, not at the next opening."""
    c = _complaint(ComplaintSeverity.ORDINARY)
    s = complaint_status(c, [], SEED, at=_at(5, 10), calendar=WEEKDAYS)
    assert s.first_response.due_at == _at(5, 17)


_REMINDING = WorkflowTable(
    name="S3.waiting",
    rule="S3",
    initial="open",
    states=(State("open", "处理中", "open"), State("waiting", "等待客户回复", "awaiting")),
    events=(
        Event("await_customer", "等待客户回复", "await the customer"),
        Event("remind", "提醒客户", "remind the customer"),
        Event("customer_replied", "客户已回复", "the customer replied"),
    ),
    transitions=(
        Transition("open", "await_customer", "waiting", roles=frozenset({CS})),
        Transition("waiting", "remind", "waiting", roles=frozenset({CS})),
        Transition("waiting", "customer_replied", "open", roles=frozenset({CS})),
    ),
)


def test_a_step_inside_the_pause_neither_restarts_nor_ends_it() -> None:
    """With a waiting table of the host's that has a reminder while awaiting the customer, the
    pause runs from leaving the initial state to coming back to it."""
    policy = ServicePolicy(complaints=ComplaintPolicy(waiting=_REMINDING))
    waiting = _steps(
        _REMINDING,
        "K-1",
        ("await_customer", CS, _at(5, 10)),
        ("remind", CS, _at(5, 12)),
        ("customer_replied", CS, _at(5, 14)),
    )
    s = complaint_status(_complaint(), [], policy, at=_at(5, 17), waiting=waiting)
    assert s.resolution.elapsed_minutes == (8 - 4) * 60
    still = complaint_status(_complaint(), [], policy, at=_at(5, 17), waiting=waiting[:2])
    assert (still.resolution.elapsed_minutes, still.paused) == (60, True)


def test_the_survey_keeps_its_last_day_and_counts_its_deadline_on_the_calendar() -> None:
    """A survey due five working days after the end of June (a policy's choice): from Tuesday
    30 June over a weekend on the company calendar, Tuesday 7 July."""
    s = survey_due(SEED, on=dt.date(2026, 8, 1), last=dt.date(2026, 6, 20))
    assert s.last == dt.date(2026, 6, 20)
    survey = Recurrence.in_months(6, 12, deadline=Deadline(5, DeadlineMode.WORKING_DAYS))
    policy = ServicePolicy(complaints=ComplaintPolicy(survey=survey))
    s = survey_due(policy, on=dt.date(2026, 6, 1), calendar=WEEKDAYS)
    assert (s.occurrence.day, s.occurrence.due) == (dt.date(2026, 6, 30), dt.date(2026, 7, 7))


# --------------------------------------------------------------------------- the host's zone


@pytest.mark.parametrize(
    ("received", "at", "overdue"),
    [
        pytest.param(_at(5, 7), _at(6, 7), True, id="mornings"),
        pytest.param(_at(5, 20), _at(5, 20, 30), False, id="evening"),
    ],
)
def test_a_complaints_days_are_shanghais_whatever_the_hosts_zone(
    host_zone: str, received: dt.datetime, at: dt.datetime, overdue: bool
) -> None:
    """A major complaint's classification is due the day it is received ("立即") — 5 June in
    Asia/Shanghai, whatever the host's zone; asked the next Shanghai morning it is overdue."""
    c = Complaint("K-1", "C042", received, severity=ComplaintSeverity.MAJOR)
    s = complaint_status(c, [], SEED, at=at)
    assert (s.step_due, s.step_overdue) == (dt.date(2026, 6, 5), overdue)
    day = received.date()
    step = apply(
        TABLE,
        start(TABLE, subject="K-1"),
        "classify_major",
        by=Approval("周", CS, "S3", day),
        on=day,
    )
    assert step.record is not None
    assert StampedRecord(step.record, received).at == received
