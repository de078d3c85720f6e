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
from customer_rules.calendars import Calendar, CalendarTable, CalendarYear
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


# --------------------------------------------------------------------------- a company's own data

# An illustrative arrangement for 2027, as a company would copy the State Council's notice:
# New Year's Day (Friday) with the weekend, the Spring Festival week, two weekend days worked.
Y2027 = CalendarYear(
    2027,
    holidays=[D(2027, 1, 1), *(D(2027, 2, d) for d in range(6, 13))],
    makeup_workdays=[D(2027, 1, 31), D(2027, 2, 20)],
)


def test_a_year_table_says_which_days_rest() -> None:
    assert not Y2027.is_working_day(D(2027, 1, 1))  # a Friday holiday
    assert not Y2027.is_working_day(D(2027, 1, 2))  # a Saturday, by the weekend rule
    assert Y2027.is_working_day(D(2027, 1, 4))  # a Monday
    assert Y2027.is_working_day(D(2027, 1, 31))  # a Sunday worked (调休)
    assert not Y2027.is_working_day(D(2027, 2, 8))  # a Monday of the Spring Festival


def test_a_year_table_checks_its_days() -> None:
    with pytest.raises(PolicyError) as info:
        CalendarYear(
            2027,
            holidays=["2026-12-31", "2027-01-02"],
            makeup_workdays=["2027-01-02", "2027-02-08"],
        )
    assert [str(p) for p in info.value.problems] == [
        "holidays: expected dates in 2027, got 2026-12-31",
        "makeup_workdays: expected a day to be either a holiday or a make-up workday, got both"
        " on 2027-01-02",
        "makeup_workdays: expected a Saturday or Sunday (a make-up workday is a weekend day"
        " worked), got 2027-02-08 (a Monday)",
    ]
    with pytest.raises(PolicyError, match="year: expected a number from 1900 to 2999"):
        CalendarYear(3000)
    with pytest.raises(PolicyError, match="holidays\\[0\\]: expected an ISO date"):
        CalendarYear(2027, holidays=["2027-02-30"])


def test_a_table_gives_each_year_once() -> None:
    with pytest.raises(PolicyError) as info:
        CalendarTable([{"year": 2027}, {"year": 2028}, {"year": 2027, "holidays": ["2027-01-01"]}])
    assert [str(p) for p in info.value.problems] == [
        "years[2].year: expected each year once, got 2027 again (also years[0])"
    ]
    with pytest.raises(PolicyError) as info:
        CalendarTable([{"year": 2027}, {"year": 2028, "holidays": ["2027-01-01"]}])
    assert [p.path for p in info.value.problems] == ["years[1].holidays"]
    assert CalendarTable([Y2027, {"year": 2028}]).covered_years == {2027, 2028}


def test_the_package_extended_with_2027_reaches_into_2027() -> None:
    """The deadline of 2026-12-28 runs over New Year: 29, 30, 31 December, then 4 and 5 January
    (1 January a holiday, 2 and 3 a weekend)."""
    five = Deadline(5, DeadlineMode.WORKING_DAYS)
    with pytest.raises(CalendarCoverageError):
        five.due(D(2026, 12, 28), CN)
    extended = CN.extended(CalendarTable([Y2027]))
    assert five.due(D(2026, 12, 28), extended) == D(2027, 1, 5)
    assert max(extended.covered_years) == 2027
    assert extended.name == "China (chinesecalendar) + calendar table"
    # the Spring Festival: from Thursday 4 February, Friday 5th, then (6–12 off, 13–14 a
    # weekend) Monday 15th to Thursday 18th
    assert five.due(D(2027, 2, 4), extended) == D(2027, 2, 18)
    with pytest.raises(CalendarCoverageError):
        five.due(D(2027, 12, 28), extended)  # 2028: nobody covers it


def test_a_table_that_repeats_the_package_is_accepted() -> None:
    same = CN.year_table(2026)
    assert CN.extended(CalendarTable([same]), CN.name) == CN
    assert CN.extended(CalendarTable()) is CN


def test_a_table_that_disagrees_with_the_package_is_an_error() -> None:
    noted = CN.year_table(2026)
    wrong = CalendarYear(2026, noted.holidays | {D(2026, 10, 8)}, noted.makeup_workdays)
    with pytest.raises(PolicyError) as info:
        CN.extended(CalendarTable([Y2027, wrong]))
    assert [str(p) for p in info.value.problems] == [
        "years[1]: 2026 disagrees with China (chinesecalendar) on 1 day(s): 2026-10-08"
        " (a rest day here, working there)"
    ]
    bare = CalendarYear(2026, holidays=[D(2026, 10, 8)])
    with pytest.raises(PolicyError) as info:
        CN.extended(CalendarTable([bare]))
    (problem,) = info.value.problems
    # 19 weekday holidays and 6 weekend days worked left out, and 8 October added
    assert problem.message == (
        "2026 disagrees with China (chinesecalendar) on 26 day(s): 2026-01-01 (working here, a"
        " rest day there), 2026-01-02 (working here, a rest day there), 2026-01-04 (a rest day"
        " here, working there) and 23 more"
    )


def test_extending_refuses_what_it_cannot_read() -> None:
    with pytest.raises(InputError, match="table"):
        CN.extended(None)  # type: ignore[arg-type]
    odd = WorkingDayCalendar(covered_years={2026}, weekend={5, 6})
    with pytest.raises(InputError, match="weekend"):
        odd.extended(CalendarTable([Y2027]))
    with pytest.raises(InputError, match="name"):
        CN.extended(CalendarTable([Y2027]), name="")


def test_year_table_gives_what_the_package_says() -> None:
    y = CN.year_table(2026)
    assert sorted(y.makeup_workdays) == [
        D(2026, 1, 4),
        D(2026, 2, 14),
        D(2026, 2, 28),
        D(2026, 5, 9),
        D(2026, 9, 20),
        D(2026, 10, 10),
    ]
    assert D(2026, 10, 7) in y.holidays
    with pytest.raises(CalendarCoverageError):
        CN.year_table(2027)
    with pytest.raises(InputError, match="year"):
        CN.year_table("2026")  # type: ignore[arg-type]


def test_merging_tables_unites_agreeing_years_and_refuses_the_others() -> None:
    a = CalendarTable([Y2027])
    weekend_listed = CalendarYear(2027, Y2027.holidays | {D(2027, 1, 2)}, Y2027.makeup_workdays)
    merged = a.merged(CalendarTable([weekend_listed, {"year": 2028}]))
    assert merged.covered_years == {2027, 2028}
    assert merged.years[0].holidays == weekend_listed.holidays
    other = CalendarYear(2027, Y2027.holidays - {D(2027, 2, 12)}, Y2027.makeup_workdays)
    with pytest.raises(PolicyError) as info:
        a.merged(CalendarTable([{"year": 2028}, other]), "book 2026")
    assert [str(p) for p in info.value.problems] == [
        "years[1]: 2027 disagrees with book 2026 on 1 day(s): 2027-02-12 (working here, a rest"
        " day there)"
    ]


@given(st.sets(days(D(2027, 1, 1), D(2027, 12, 31)), max_size=20), days(D(2026, 1, 1)))
def test_an_extended_calendar_agrees_with_each_source_on_its_years(
    rest: set[dt.date], day: dt.date
) -> None:
    table = CalendarTable([CalendarYear(2027, holidays=rest)])
    extended = CN.extended(table)
    assert extended.is_working_day(day) == CN.is_working_day(day)  # 2026: the package's
    in_2027 = day.replace(year=2027) if (day.month, day.day) != (2, 29) else D(2027, 2, 28)
    assert extended.is_working_day(in_2027) == table.years[0].is_working_day(in_2027)
    assert extended.is_working_day(in_2027) == (in_2027 not in rest and in_2027.isoweekday() < 6)
