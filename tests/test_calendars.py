"""Calendars and deadlines: three modes, a Chinese working-day table, no silent guesses."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import (
    CALENDAR_DAYS,
    CalendarCoverageError,
    Deadline,
    DeadlineMode,
    InputError,
    PolicyError,
    WorkingDayCalendar,
)
from customer_rules.calendars import Calendar
from customer_rules.cn_calendar import china_working_days
from customer_rules.dates import add_months, month_end, parse_date, require_aware, require_date
from customer_rules.testing import days

CN = china_working_days()
D = dt.date


def test_five_working_days_after_national_day_eve_is_the_makeup_saturday() -> None:
    # Monday 2026-09-28: 29th, 30th, (1–7 October off), 8th, 9th, Saturday 10th (调休 workday).
    assert Deadline(5, DeadlineMode.WORKING_DAYS).due(D(2026, 9, 28), CN) == D(2026, 10, 10)
    assert D(2026, 10, 10).isoweekday() == 6
    assert CN.is_working_day(D(2026, 10, 10))


def test_three_modes_differ_across_a_holiday() -> None:
    start = D(2026, 9, 28)
    assert Deadline(5).due(start, CN) == D(2026, 10, 3)
    assert Deadline(5, DeadlineMode.CALENDAR_THEN_ROLL).due(start, CN) == D(2026, 10, 8)
    assert Deadline(5, DeadlineMode.WORKING_DAYS).due(start, CN) == D(2026, 10, 10)


def test_count_start_day() -> None:
    assert Deadline(5, count_start_day=True).due(D(2026, 4, 2)) == D(2026, 4, 6)
    assert Deadline(5).due(D(2026, 4, 2)) == D(2026, 4, 7)
    # working days: a receipt on a working day counts as day 1
    wd = Deadline(2, DeadlineMode.WORKING_DAYS, count_start_day=True)
    assert wd.due(D(2026, 9, 30), CN) == D(2026, 10, 8)


def test_outside_coverage_is_an_error_not_a_guess() -> None:
    last = max(CN.covered_years)
    with pytest.raises(CalendarCoverageError) as info:
        CN.is_working_day(D(last + 1, 1, 4))
    assert str(last) in str(info.value)
    assert isinstance(info.value, LookupError)
    with pytest.raises(CalendarCoverageError):
        Deadline(10, DeadlineMode.WORKING_DAYS).due(D(last, 12, 28), CN)


def test_calendar_days_cover_everything() -> None:
    assert CALENDAR_DAYS.covers(D(3000, 1, 1))
    assert CALENDAR_DAYS.is_working_day(D(2026, 10, 1))
    assert isinstance(CN, Calendar)
    assert isinstance(CALENDAR_DAYS, Calendar)


def test_table_calendar_validates_its_data() -> None:
    day = D(2026, 1, 1)
    with pytest.raises(PolicyError) as info:
        WorkingDayCalendar({day}, {day}, {2025})
    paths = {p.path for p in info.value.problems}
    assert paths == {"makeup_workdays", "covered_years"}


def test_host_supplied_table() -> None:
    cal = WorkingDayCalendar(
        holidays={D(2027, 1, 1)}, makeup_workdays={D(2027, 1, 2)}, covered_years={2027}
    )
    assert not cal.is_working_day(D(2027, 1, 1))
    assert cal.is_working_day(D(2027, 1, 2))  # a Saturday made a workday
    assert not cal.is_working_day(D(2027, 1, 3))  # Sunday


def test_bad_deadline_and_start() -> None:
    with pytest.raises(PolicyError, match="days"):
        Deadline(-1)
    with pytest.raises(InputError, match="start"):
        Deadline(1).due(dt.datetime(2026, 1, 1))  # type: ignore[arg-type]


def test_dates_helpers() -> None:
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert add_months(D(2024, 2, 29), -12) == D(2023, 2, 28)
    assert month_end(D(2028, 2, 3)) == D(2028, 2, 29)
    assert parse_date("2026-11-30", "on") == D(2026, 11, 30)
    with pytest.raises(InputError, match="as_of"):
        parse_date("30/11/2026", "as_of")
    with pytest.raises(InputError, match=r"naive|timezone"):
        require_aware(dt.datetime(2026, 1, 1, 9), "at")
    with pytest.raises(InputError, match="date"):
        require_date(dt.datetime(2026, 1, 1, 9), "on")


modes = st.sampled_from(list(DeadlineMode))


@given(
    days(max_value=D(2026, 10, 31)), st.integers(min_value=0, max_value=40), modes, st.booleans()
)
def test_due_is_never_before_start_and_is_monotonic_in_days(
    start: dt.date, n: int, mode: DeadlineMode, count_start: bool
) -> None:
    due = Deadline(n, mode, count_start).due(start, CN)
    more = Deadline(n + 1, mode, count_start).due(start, CN)
    assert start <= due <= more


@given(days(max_value=D(2026, 11, 30)), st.integers(min_value=1, max_value=20))
def test_working_day_due_date_is_a_working_day(start: dt.date, n: int) -> None:
    due = Deadline(n, DeadlineMode.WORKING_DAYS).due(start, CN)
    assert CN.is_working_day(due)
    between = [start + dt.timedelta(days=i) for i in range(1, (due - start).days + 1)]
    assert sum(CN.is_working_day(d) for d in between) == n


@given(days(max_value=D(2026, 10, 31)), st.integers(min_value=0, max_value=30))
def test_roll_lands_on_or_after_calendar_due_on_a_working_day(start: dt.date, n: int) -> None:
    plain = Deadline(n).due(start, CN)
    rolled = Deadline(n, DeadlineMode.CALENDAR_THEN_ROLL).due(start, CN)
    assert rolled >= plain
    assert CN.is_working_day(rolled)


@given(days(), st.integers(min_value=-240, max_value=240))
def test_add_months_round_trip_when_day_exists(day: dt.date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    if day.day <= 28:
        assert add_months(moved, -months) == day
