"""S3 — complaints and suggestions on the workflow table, the response clock in business hours,
and the regular opinion survey (003 §6.3.2; §企业客户管理办法制度范本 第十六条)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import InputError, PolicyError, explain
from customer_rules.calendars import DeadlineMode, WorkingDayCalendar
from customer_rules.dates import SHANGHAI
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
    SlaMeasure,
    StampedRecord,
    SurveyDue,
    classify_complaint,
    complaint_status,
    survey_due,
)
from customer_rules.workflow import Case, StepOutcome, Transition, WorkflowTable, apply, start

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
