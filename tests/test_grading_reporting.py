"""G5 — reporting cadence: the seed's cases on both sides of each boundary, and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules._grading.model import Grade
from customer_rules._grading.policy import GradingPolicy
from customer_rules._grading.reporting import (
    EmergencyReport,
    ReportingPolicy,
    ReportSchedule,
    emergency_report,
    report_schedule,
    weekly_report,
    weekly_report_due,
)
from customer_rules.calendars import CALENDAR_DAYS, Deadline, DeadlineMode, WorkingDayCalendar
from customer_rules.cn_calendar import china_working_days
from customer_rules.dates import SHANGHAI, add_months, month_end
from customer_rules.errors import CalendarCoverageError, InputError, PolicyError
from customer_rules.reasons import explain
from customer_rules.roles import Role

D = dt.date
SEED = GradingPolicy()
WORKING = ReportingPolicy(
    supervisor_deadline=Deadline(2, DeadlineMode.WORKING_DAYS),
    manager_deadline=Deadline(5, DeadlineMode.WORKING_DAYS, count_start_day=True),
)


def with_reporting(reporting: ReportingPolicy) -> GradingPolicy:
    return GradingPolicy(version="test", reporting=reporting)


def codes(result: ReportSchedule | EmergencyReport) -> list[str]:
    return [r.code for r in result.reasons]


# --- G5 examples: reporting months ----------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "on", "due"),
    [
        # A: March and September (6个月一次,每年9月、3月)
        (Grade.A, D(2026, 3, 31), D(2026, 3, 31)),
        (Grade.A, D(2026, 4, 1), D(2026, 9, 30)),
        (Grade.A, D(2026, 9, 30), D(2026, 9, 30)),
        (Grade.A, D(2026, 10, 1), D(2027, 3, 31)),
        (Grade.A, D(2026, 1, 1), D(2026, 3, 31)),
        # B: January, April, July, October
        (Grade.B, D(2026, 1, 31), D(2026, 1, 31)),
        (Grade.B, D(2026, 2, 1), D(2026, 4, 30)),
        (Grade.B, D(2026, 10, 31), D(2026, 10, 31)),
        (Grade.B, D(2026, 11, 1), D(2027, 1, 31)),
        # C: every month
        (Grade.C, D(2026, 2, 1), D(2026, 2, 28)),
        (Grade.C, D(2028, 2, 29), D(2028, 2, 29)),
        (Grade.C, D(2026, 12, 31), D(2026, 12, 31)),
        # D: not in the seed, every month [default]
        (Grade.D, D(2026, 6, 15), D(2026, 6, 30)),
    ],
)
def test_g5_next_due_by_grade(grade: Grade, on: dt.date, due: dt.date) -> None:
    s = report_schedule(grade, SEED, on=on)
    assert s.next_due == due
    assert s.period_end == due
    assert s.months == SEED.reporting.months(grade)
    assert s.policy_version == "seed"


def test_g5_seed_months() -> None:
    p = ReportingPolicy()
    assert p.months(Grade.A) == (3, 9)
    assert p.months(Grade.B) == (1, 4, 7, 10)
    assert p.months(Grade.C) == tuple(range(1, 13))
    assert p.months(Grade.D) == tuple(range(1, 13))


def test_g5_d_reason_says_default() -> None:
    s = report_schedule(Grade.D, SEED, on=D(2026, 6, 15))
    assert codes(s)[0] == "G5.months.d"
    assert "本库默认" in explain(s, "zh")
    assert "library default" in explain(s, "en")
    assert codes(report_schedule(Grade.C, SEED, on=D(2026, 6, 15)))[0] == "G5.months"


# --- G5 examples: the deadline chain (calendar days) ------------------------------------------


def test_g5_march_report_chain() -> None:
    s = report_schedule(Grade.A, SEED, on=D(2026, 3, 31))
    assert s.next_due == D(2026, 3, 31)
    # 从第2天算起2日内: 04-01 is day 1, 04-02 day 2.
    assert s.supervisor_due == D(2026, 4, 2)
    # no receipt date: the manager's 5 days count from the supervisor's due date, that day 1.
    assert s.manager_start == D(2026, 4, 2)
    assert s.manager_received is None
    assert s.manager_due == D(2026, 4, 6)
    assert "G5.received.assumed" in codes(s)


def test_g5_report_to_manager_on_the_3rd_is_late() -> None:
    s = report_schedule(Grade.A, SEED, on=D(2026, 3, 31))
    deadline = SEED.reporting.supervisor_deadline
    assert deadline.is_met(s.next_due, D(2026, 4, 2))
    assert not deadline.is_met(s.next_due, D(2026, 4, 3))
    assert D(2026, 4, 3) > s.supervisor_due


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 4, 2), D(2026, 4, 6)),
        (D(2026, 4, 3), D(2026, 4, 7)),
        (D(2026, 3, 31), D(2026, 4, 4)),
    ],
)
def test_g5_manager_deadline_from_receipt(received: dt.date, due: dt.date) -> None:
    # 从收到当天算起5日内: the day of receipt is day 1.
    s = report_schedule(Grade.C, SEED, on=D(2026, 3, 1), manager_received=received)
    assert s.manager_received == received
    assert s.manager_start == received
    assert s.manager_due == due
    assert "G5.received" in codes(s)


def test_g5_other_readings_are_parameters() -> None:
    other = with_reporting(
        ReportingPolicy(supervisor_deadline=Deadline(3), manager_deadline=Deadline(5))
    )
    s = report_schedule(Grade.A, other, on=D(2026, 3, 31), manager_received=D(2026, 4, 2))
    assert s.supervisor_due == D(2026, 4, 3)  # counting starts on the 2nd, due the 3rd
    assert s.manager_due == D(2026, 4, 7)  # receipt + 5
    assert s.policy_version == "test"


def test_g5_offset_reading_covers_the_period_ending_then() -> None:
    covered = with_reporting(ReportingPolicy(due_offset_months=1))
    # the March period of an A customer is due at the end of April
    s = report_schedule(Grade.A, covered, on=D(2026, 4, 15))
    assert (s.period_end, s.next_due, s.supervisor_due) == (
        D(2026, 3, 31),
        D(2026, 4, 30),
        D(2026, 5, 2),
    )
    assert codes(s)[1] == "G5.written.offset"
    assert report_schedule(Grade.A, covered, on=D(2026, 4, 30)).next_due == D(2026, 4, 30)
    assert report_schedule(Grade.A, covered, on=D(2026, 5, 1)).next_due == D(2026, 10, 31)
    assert report_schedule(Grade.A, covered, on=D(2026, 3, 15)).next_due == D(2026, 4, 30)


def test_g5_vp_step_has_no_deadline_in_the_seed() -> None:
    s = report_schedule(Grade.B, SEED, on=D(2026, 1, 5))
    assert codes(s)[-1] == "G5.vp"
    assert "未规定" in explain(s, "zh")
    assert "no deadline" in explain(s, "en")


# --- G5 examples: working days around National Day 2026 ---------------------------------------


def test_g5_september_report_calendar_days() -> None:
    s = report_schedule(Grade.A, SEED, on=D(2026, 9, 1))
    assert (s.next_due, s.supervisor_due, s.manager_due) == (
        D(2026, 9, 30),
        D(2026, 10, 2),
        D(2026, 10, 6),
    )


def test_g5_september_report_working_days_across_national_day() -> None:
    cal = china_working_days()
    s = report_schedule(Grade.A, with_reporting(WORKING), on=D(2026, 9, 1), calendar=cal)
    assert s.next_due == D(2026, 9, 30)
    # 10-01..10-07 are holidays: 10-08 is working day 1, 10-09 day 2
    assert s.supervisor_due == D(2026, 10, 9)
    # from receipt 10-09 (day 1): 10-10 Saturday is a make-up workday (day 2), 10-12 .. 10-14
    assert s.manager_due == D(2026, 10, 14)
    assert "G5.chain.next.working_days" in codes(s)
    assert "G5.chain.same.working_days" in codes(s)
    assert "工作日" in explain(s, "zh")


def test_g5_make_up_workday_counts() -> None:
    cal = china_working_days()
    without_makeup = WorkingDayCalendar(
        holidays=cal.holidays,
        makeup_workdays=cal.makeup_workdays - {D(2026, 10, 10)},
        covered_years=cal.covered_years,
    )
    policy = with_reporting(WORKING)
    s = report_schedule(Grade.A, policy, on=D(2026, 9, 1), calendar=without_makeup)
    assert s.supervisor_due == D(2026, 10, 9)
    assert s.manager_due == D(2026, 10, 15)


def test_g5_received_on_the_make_up_saturday() -> None:
    cal = china_working_days()
    policy = with_reporting(WORKING)
    s = report_schedule(
        Grade.A, policy, on=D(2026, 9, 1), calendar=cal, manager_received=D(2026, 10, 10)
    )
    assert s.manager_due == D(2026, 10, 15)  # 10-10, 10-12, 10-13, 10-14, 10-15
    s = report_schedule(
        Grade.A, policy, on=D(2026, 9, 1), calendar=cal, manager_received=D(2026, 10, 8)
    )
    assert s.manager_due == D(2026, 10, 13)  # 10-08, 10-09, 10-10, 10-12, 10-13


def test_g5_calendar_then_roll() -> None:
    rolled = with_reporting(
        ReportingPolicy(
            supervisor_deadline=Deadline(2, DeadlineMode.CALENDAR_THEN_ROLL),
            manager_deadline=Deadline(5, DeadlineMode.CALENDAR_THEN_ROLL, count_start_day=True),
        )
    )
    s = report_schedule(Grade.A, rolled, on=D(2026, 9, 1), calendar=china_working_days())
    assert s.supervisor_due == D(2026, 10, 8)  # 10-02 is a holiday, rolled to 10-08
    assert s.manager_due == D(2026, 10, 12)  # 10-08 + 4 = 10-12, a Monday
    assert "顺延" in explain(s, "zh")


def test_g5_working_day_calendar_outside_its_years() -> None:
    only_2026 = WorkingDayCalendar(holidays=(), makeup_workdays=(), covered_years=(2026,))
    policy = with_reporting(WORKING)
    assert report_schedule(Grade.C, policy, on=D(2026, 11, 2), calendar=only_2026)
    with pytest.raises(CalendarCoverageError):
        report_schedule(Grade.C, policy, on=D(2026, 12, 1), calendar=only_2026)


# --- G5: weekly and emergency reports ---------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "due"),
    [
        (D(2026, 4, 6), D(2026, 4, 10)),  # Monday → Friday
        (D(2026, 4, 10), D(2026, 4, 10)),  # Friday → that day
        (D(2026, 4, 11), D(2026, 4, 17)),  # Saturday → next Friday
    ],
)
def test_g5_weekly_report_friday_by_default(on: dt.date, due: dt.date) -> None:
    assert weekly_report_due(SEED, on=on) == due
    w = weekly_report(SEED, on=on)
    assert (w.due, w.weekday, w.policy_version) == (due, 5, "seed")
    assert "周五" in explain(w, "zh")
    assert "Friday" in explain(w, "en")
    assert w.reasons[0].rule == "G5"


def test_g5_weekly_weekday_is_a_parameter() -> None:
    monday = with_reporting(ReportingPolicy(weekly_report_weekday=1))
    assert weekly_report_due(monday, on=D(2026, 4, 7)) == D(2026, 4, 13)
    assert "周一" in explain(weekly_report(monday, on=D(2026, 4, 7)), "zh")


def test_g5_emergency_report_is_due_at_once() -> None:
    at = dt.datetime(2026, 4, 1, 9, 30, tzinfo=SHANGHAI)
    e = emergency_report(at)
    assert e.due == at
    assert e.to is Role.SUPERVISOR
    assert [r.rule for r in e.reasons] == ["G5", "C6"]
    assert "电话" in explain(e, "zh")
    assert "phone" in explain(e, "en")


@pytest.mark.parametrize("at", [dt.datetime(2026, 4, 1, 9, 30), D(2026, 4, 1), "now"])
def test_g5_emergency_report_needs_an_aware_datetime(at: object) -> None:
    with pytest.raises(InputError) as info:
        emergency_report(at)  # type: ignore[arg-type]
    assert info.value.field == "at"


# --- G5: bad input and bad policies ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"grade": "A"}, "grade"),
        ({"grade": None}, "grade"),
        ({"on": dt.datetime(2026, 3, 31, 12, 0)}, "on"),
        ({"on": "2026-03-31"}, "on"),
        ({"on": D(9999, 1, 1)}, "on"),
        ({"calendar": object()}, "calendar"),
        ({"manager_received": "2026-04-02"}, "manager_received"),
        ({"manager_received": D(2026, 2, 28)}, "manager_received"),
    ],
)
def test_g5_bad_input_names_the_field(kwargs: dict[str, object], field: str) -> None:
    args: dict[str, object] = {"grade": Grade.A, "on": D(2026, 3, 1)}
    args.update(kwargs)
    grade = args.pop("grade")
    with pytest.raises(InputError) as info:
        report_schedule(grade, SEED, **args)  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize("on", [dt.datetime(2026, 4, 6, 8, 0), "2026-04-06", None])
def test_g5_weekly_bad_on(on: object) -> None:
    with pytest.raises(InputError) as info:
        weekly_report_due(SEED, on=on)  # type: ignore[arg-type]
    assert info.value.field == "on"


def test_g5_policy_collects_every_problem() -> None:
    with pytest.raises(PolicyError) as info:
        ReportingPolicy(
            a_months=(),
            b_months=(4, 1),
            c_months=(0, 13),
            due_offset_months=-1,
            supervisor_deadline=Deadline(400),
            manager_deadline="5 days",  # type: ignore[arg-type]
            weekly_report_weekday=8,
        )
    paths = [p.path for p in info.value.problems]
    assert paths == [
        "a_months",
        "b_months[1]",
        "c_months[0]",
        "c_months[1]",
        "due_offset_months",
        "supervisor_deadline.days",
        "manager_deadline",
        "weekly_report_weekday",
    ]


def test_g5_policy_months_from_lists_and_refuses_non_lists() -> None:
    assert ReportingPolicy(a_months=[3, 9]) == ReportingPolicy()  # type: ignore[arg-type]
    with pytest.raises(PolicyError) as info:
        ReportingPolicy(a_months="3,9")  # type: ignore[arg-type]
    assert info.value.problems[0].path == "a_months"
    with pytest.raises(PolicyError):
        ReportingPolicy(d_months=(1, True))


def test_g5_months_needs_a_grade() -> None:
    with pytest.raises(InputError) as info:
        ReportingPolicy().months("A")  # type: ignore[arg-type]
    assert info.value.field == "grade"


# --- G5 properties ----------------------------------------------------------------------------

grades = st.sampled_from(Grade)
days = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31))
month_sets = st.sets(st.integers(1, 12), min_size=1).map(lambda s: tuple(sorted(s)))
calendar_modes = st.sampled_from([DeadlineMode.CALENDAR_DAYS, DeadlineMode.CALENDAR_THEN_ROLL])
all_modes = st.sampled_from(DeadlineMode)
any_offset = st.integers(0, 12)


def deadlines(modes: st.SearchStrategy[DeadlineMode]) -> st.SearchStrategy[Deadline]:
    return st.builds(Deadline, st.integers(0, 30), modes, st.booleans())


def reporting_policies(
    modes: st.SearchStrategy[DeadlineMode] = calendar_modes,
    offsets: st.SearchStrategy[int] = any_offset,
) -> st.SearchStrategy[GradingPolicy]:
    return st.builds(
        ReportingPolicy,
        a_months=month_sets,
        b_months=month_sets,
        c_months=month_sets,
        d_months=month_sets,
        due_offset_months=offsets,
        supervisor_deadline=deadlines(modes),
        manager_deadline=deadlines(modes),
        weekly_report_weekday=st.integers(1, 7),
    ).map(with_reporting)


def check_schedule(s: ReportSchedule, policy: GradingPolicy, on: dt.date) -> None:
    p = policy.reporting
    assert s.months == p.months(s.grade)
    assert s.period_end.month in s.months
    assert s.period_end == month_end(s.period_end)
    assert s.next_due == month_end(add_months(s.period_end.replace(day=1), p.due_offset_months))
    assert s.next_due >= on
    assert s.next_due <= s.supervisor_due <= s.manager_due
    if s.manager_received is None:
        assert s.manager_start == s.supervisor_due
    # the first reporting month still due: the one before it was due before `on`
    previous = s.period_end.replace(day=1)
    for back in range(1, 13):
        earlier = add_months(previous, -back)
        if earlier.month in s.months:
            assert month_end(add_months(earlier, p.due_offset_months)) < on
            break
    # reasons cite G5 and carry the facts used
    assert {r.rule for r in s.reasons} == {"G5"}
    assert s.reasons[0].fact("months") == s.months
    assert s.reasons[0].fact("grade") is s.grade
    assert s.reasons[1].fact("due") == s.next_due
    assert s.reasons[2].fact("due") == s.supervisor_due
    assert s.reasons[4].fact("due") == s.manager_due
    for lang in ("zh", "en"):
        text = explain(s, lang)
        assert "{" not in text
        assert "}" not in text
        assert s.next_due.isoformat() in text


@given(grades, days)
def test_g5_seed_total_and_never_before_the_month_end(grade: Grade, on: dt.date) -> None:
    s = report_schedule(grade, SEED, on=on)
    assert s.next_due >= month_end(on)
    assert s.next_due <= month_end(add_months(on, 11))
    check_schedule(s, SEED, on)


@given(grades, st.dates(min_value=D(2, 1, 1), max_value=D(9990, 12, 31)))
def test_g5_total_over_the_whole_supported_range(grade: Grade, on: dt.date) -> None:
    assert report_schedule(grade, SEED, on=on).next_due >= on


@given(grades, days, reporting_policies())
def test_g5_any_policy_total_and_consistent(
    grade: Grade, on: dt.date, policy: GradingPolicy
) -> None:
    s = report_schedule(grade, policy, on=on)
    if policy.reporting.due_offset_months == 0:
        assert s.next_due >= month_end(on)
    check_schedule(s, policy, on)


@given(grades, days, reporting_policies())
def test_g5_deterministic(grade: Grade, on: dt.date, policy: GradingPolicy) -> None:
    first = report_schedule(grade, policy, on=on)
    assert first == report_schedule(grade, policy, on=on)
    assert first.reasons == report_schedule(grade, policy, on=on).reasons


@given(
    grades,
    st.dates(min_value=D(2004, 1, 1), max_value=D(2025, 12, 31)),
    reporting_policies(all_modes, st.integers(0, 1)),
)
def test_g5_working_day_calendar_total_and_non_decreasing(
    grade: Grade, on: dt.date, policy: GradingPolicy
) -> None:
    cal = china_working_days()
    s = report_schedule(grade, policy, on=on, calendar=cal)
    check_schedule(s, policy, on)


@given(grades, days, reporting_policies(), st.integers(0, 60))
def test_g5_manager_due_follows_receipt(
    grade: Grade, on: dt.date, policy: GradingPolicy, after: int
) -> None:
    s = report_schedule(grade, policy, on=on)
    received = s.period_end.replace(day=1) + dt.timedelta(days=after)
    r = report_schedule(grade, policy, on=on, manager_received=received)
    assert r.manager_start == received
    assert r.manager_due >= received
    assert r.manager_due == policy.reporting.manager_deadline.due(received, CALENDAR_DAYS)
    assert (r.next_due, r.supervisor_due) == (s.next_due, s.supervisor_due)
    assert "{" not in explain(r, "zh") + explain(r, "en")


@given(days, st.integers(1, 7))
def test_g5_weekly_is_the_next_such_weekday(on: dt.date, weekday: int) -> None:
    policy = with_reporting(ReportingPolicy(weekly_report_weekday=weekday))
    w = weekly_report(policy, on=on)
    assert w.due.isoweekday() == weekday
    assert on <= w.due < on + dt.timedelta(days=7)
    assert w.due == weekly_report_due(policy, on=on)
    assert "{" not in explain(w, "zh") + explain(w, "en")


@given(
    st.datetimes(
        min_value=dt.datetime(2000, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.sampled_from([SHANGHAI, dt.UTC]),
    )
)
def test_g5_emergency_due_immediately(at: dt.datetime) -> None:
    e = emergency_report(at)
    assert e.due == at == e.at
    assert {r.rule for r in e.reasons} == {"G5", "C6"}
    assert "{" not in explain(e, "zh") + explain(e, "en")
