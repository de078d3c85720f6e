"""Recurrences: the seed's recurring due dates, their deadlines through a calendar, properties."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.calendars import CALENDAR_DAYS, Deadline, DeadlineMode
from customer_rules.cn_calendar import china_working_days
from customer_rules.config import dump_book, load_book
from customer_rules.dates import EARLIEST, LATEST, add_months
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.recurrence import Occurrence, Recurrence, RecurrenceBasis
from customer_rules.settings import from_mapping, plain

D = dt.date
CN = china_working_days()
ROLL = Deadline(0, DeadlineMode.CALENDAR_THEN_ROLL)

# --- the seed's recurrences ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 3, 1), D(2026, 3, 5)),
        (D(2026, 3, 5), D(2026, 3, 5)),  # "每月5日前": on the 5th itself still this month's
        (D(2026, 3, 6), D(2026, 4, 5)),
        (D(2026, 12, 6), D(2027, 1, 5)),
    ],
)
def test_by_the_5th_of_each_month(day: dt.date, expected: dt.date) -> None:
    """C8 "每月5日前": the 5th of each month; the day after it, next month's."""
    assert Recurrence.monthly(5).first_on_or_after(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 1, 15), D(2026, 2, 28)),
        (D(2026, 2, 28), D(2026, 2, 28)),
        (D(2026, 3, 1), D(2026, 8, 31)),
        (D(2028, 2, 29), D(2028, 2, 29)),  # a leap year's February ends on the 29th
        (D(2026, 9, 1), D(2027, 2, 28)),
    ],
)
def test_february_and_august(day: dt.date, expected: dt.date) -> None:
    """C10 "一年2次(2月、8月)": the end of February and of August."""
    assert Recurrence.in_months(2, 8).first_on_or_after(day) == expected


def test_every_six_months_from_the_last_keeps_its_day() -> None:
    """C7 "每年两次", read as every six months from the last review: 31 August → 28 February →
    31 August again (counted from the last, so the day never drifts to the 28th)."""
    six = Recurrence.every(6)
    last = D(2026, 8, 31)
    assert six.first_on_or_after(D(2026, 9, 1), last=last) == D(2027, 2, 28)
    assert six.first_on_or_after(D(2027, 3, 1), last=last) == D(2027, 8, 31)
    assert six.first_on_or_after(D(2027, 8, 31), last=last) == D(2027, 8, 31)
    assert six.first_on_or_after(last, last=last) == last
    assert six.first_on_or_after(D(2020, 1, 1), last=last) == last
    occurrence = six.next(D(2026, 12, 1), last=last)
    assert (occurrence.opens, occurrence.day, occurrence.due) == (
        D(2026, 9, 1),
        D(2027, 2, 28),
        D(2027, 2, 28),
    )


def test_quarterly_and_year_end() -> None:
    """C9 quarterly [default], from the last assessment; C8 "每年底": 31 December."""
    assert Recurrence.every(3).next(D(2026, 5, 1), last=D(2026, 1, 31)).day == D(2026, 4, 30)
    year_end = Recurrence.in_months(12)
    assert year_end.first_on_or_after(D(2026, 12, 31)) == D(2026, 12, 31)
    assert year_end.first_on_or_after(D(2027, 1, 1)) == D(2027, 12, 31)


def test_labels() -> None:
    cases = {
        Recurrence.monthly(5): ("每月5日", "the 5th of each month"),
        Recurrence.monthly(): ("每月月底", "the end of each month"),
        Recurrence.monthly(1): ("每月1日", "the 1st of each month"),
        Recurrence.monthly(22): ("每月22日", "the 22nd of each month"),
        Recurrence.monthly(13): ("每月13日", "the 13th of each month"),
        Recurrence.in_months(2, 8): ("每年2、8月月底", "the end of February and August"),
        Recurrence.in_months(1, 4, 7, 10, day=3): (
            "每年1、4、7、10月3日",
            "the 3rd of January, April, July and October",
        ),
        Recurrence.in_months(2, day=30): (
            "每年2月30日(当月无此日则为月底)",
            "the 30th (or the month's last day) of February",
        ),
        Recurrence.every(6): ("自上次起每6个月", "every 6 month(s) from the last"),
        Recurrence.monthly(5, deadline=ROLL): (
            "每月5日,遇休息日顺延",
            "the 5th of each month, moved to the next working day when on a rest day",
        ),
        Recurrence.monthly(
            1, deadline=Deadline(5, DeadlineMode.WORKING_DAYS, count_start_day=True)
        ): (
            "每月1日,其后5日内(工作日;含当日)",
            "the 1st of each month, then within 5 day(s) (working days; counting that day)",
        ),
        Recurrence.every(3, deadline=Deadline(10)): (
            "自上次起每3个月,其后10日内(自然日)",
            "every 3 month(s) from the last, then within 10 day(s) (calendar days)",
        ),
    }
    for recurrence, (zh, en) in cases.items():
        assert (recurrence.label.zh, recurrence.label.en) == (zh, en)


# --- the three deadline modes -----------------------------------------------------------------


def test_the_5th_on_a_rest_day_rolls_and_stays_open() -> None:
    """2026-04-05 is a Sunday of the Qingming holiday: rolled to Tuesday 04-07, so on 04-06 the
    April report is still the open one; with calendar days it is due on the Sunday."""
    rolled = Recurrence.monthly(5, deadline=ROLL)
    assert rolled.due(D(2026, 4, 5), CN) == D(2026, 4, 7)
    occurrence = rolled.next(D(2026, 4, 6), calendar=CN)
    assert (occurrence.day, occurrence.due) == (D(2026, 4, 5), D(2026, 4, 7))
    assert not occurrence.overdue(D(2026, 4, 7))
    assert occurrence.overdue(D(2026, 4, 8))
    assert rolled.next(D(2026, 4, 8), calendar=CN).day == D(2026, 5, 5)
    plain_days = Recurrence.monthly(5)
    assert plain_days.next(D(2026, 4, 6), calendar=CN).day == D(2026, 5, 5)
    # National Day: 10-05 rolls past the holiday week to 10-08
    assert rolled.due(D(2026, 10, 5), CN) == D(2026, 10, 8)


def test_by_the_5th_working_day() -> None:
    """By the 5th working day: the 1st, then 5 working days, the 1st counted when it is one. In
    October 2026 the holiday week (10-01..07) pushes it to 10-13: 10-08, 10-09, 10-10 (a make-up
    Saturday), 10-12, 10-13."""
    fifth = Recurrence.monthly(
        1, deadline=Deadline(5, DeadlineMode.WORKING_DAYS, count_start_day=True)
    )
    assert fifth.due(D(2026, 3, 1), CN) == D(2026, 3, 6)  # Sunday the 1st: 2, 3, 4, 5, 6
    assert fifth.due(D(2026, 10, 1), CN) == D(2026, 10, 13)
    occurrence = fifth.next(D(2026, 10, 9), calendar=CN)
    assert (occurrence.day, occurrence.opens, occurrence.due) == (
        D(2026, 10, 1),
        D(2026, 10, 1),
        D(2026, 10, 13),
    )


def test_calendar_recurrence_with_last_covers_its_window() -> None:
    """A duty done in an occurrence's window (its month, up to the due date) covers it."""
    monthly = Recurrence.monthly(5)
    assert monthly.next(D(2026, 3, 20), last=D(2026, 3, 4)).day == D(2026, 4, 5)
    assert monthly.next(D(2026, 3, 20), last=D(2026, 3, 10)).day == D(2026, 4, 5)  # late
    # done on 27 February: March's report is still to come
    assert monthly.next(D(2026, 3, 3), last=D(2026, 2, 27)).day == D(2026, 3, 5)
    # last done in January: February's was missed, overdue since 02-05
    missed = monthly.next(D(2026, 3, 3), last=D(2026, 1, 3))
    assert missed.day == D(2026, 2, 5)
    assert missed.overdue(D(2026, 3, 3))


def test_refusals_name_the_field() -> None:
    six = Recurrence.every(6)
    with pytest.raises(InputError) as info:
        six.next(D(2026, 1, 1))
    assert info.value.field == "last"
    with pytest.raises(InputError) as info:
        six.first_on_or_after(D(2026, 1, 1))
    assert info.value.field == "last"
    with pytest.raises(InputError) as info:
        Recurrence.monthly(5).next(D(2026, 1, 1), last=D(2026, 1, 2))
    assert info.value.field == "last"
    with pytest.raises(InputError) as info:
        Recurrence.in_months(3).first_on_or_after(LATEST)
    assert info.value.field == "day"
    with pytest.raises(InputError) as info:
        six.next(LATEST, last=D(2999, 9, 1))
    assert info.value.field == "last"
    with pytest.raises(InputError) as info:
        Recurrence.monthly(5).next(D(2026, 1, 1), calendar="cn")  # type: ignore[arg-type]
    assert info.value.field == "calendar"
    with pytest.raises(InputError) as info:
        Recurrence.monthly(5).first_on_or_after(dt.datetime(2026, 1, 1))
    assert info.value.field == "day"
    with pytest.raises(InputError) as info:
        Occurrence(D(2026, 1, 5), D(2026, 1, 1), D(2026, 1, 4))
    assert info.value.field == "due"
    with pytest.raises(InputError) as info:
        Occurrence(D(2026, 1, 5), D(2026, 1, 6), D(2026, 1, 6))
    assert info.value.field == "opens"


def test_the_edges_of_the_supported_range() -> None:
    assert Recurrence.monthly(5).next(EARLIEST).day == D(1900, 1, 5)
    assert Recurrence.monthly(1).first_on_or_after(EARLIEST) == EARLIEST
    assert Recurrence.in_months(12).first_on_or_after(LATEST) == LATEST
    assert Recurrence.every(1).next(D(2999, 12, 1), last=D(2999, 11, 30)).day == D(2999, 12, 30)


def test_policy_errors_carry_paths() -> None:
    with pytest.raises(PolicyError) as info:
        Recurrence(
            basis="weekly",  # type: ignore[arg-type]
            months=(3, 3, 13),
            day=0,
            interval=121,
            deadline={"mode": "fortnights"},  # type: ignore[arg-type]
        )
    paths = {p.path for p in info.value.problems}
    assert paths == {"basis", "months[2]", "day", "interval", "deadline.mode"}
    with pytest.raises(PolicyError) as info:
        Recurrence(months=(9, 3, 3))
    assert [p.path for p in info.value.problems] == ["months[1]", "months[2]"]
    with pytest.raises(PolicyError) as info:
        Recurrence(months=())
    assert [p.path for p in info.value.problems] == ["months"]


def test_from_a_file_and_back() -> None:
    recurrence = from_mapping(
        Recurrence,
        {"basis": "从上次起".replace("从", "自"), "interval": "6", "deadline": {"days": 2}},
    )
    assert recurrence == Recurrence.every(6, deadline=Deadline(2))
    assert from_mapping(Recurrence, plain(recurrence)) == recurrence
    assert from_mapping(Recurrence, {"months": ["2", 8]}) == Recurrence.in_months(2, 8)
    assert RecurrenceBasis("from_last") is RecurrenceBasis.FROM_LAST


def test_a_book_holds_recurrences() -> None:
    """The credit chapter's recurrences load from and dump to TOML like any setting."""
    book = load_book("[credit.schedules.survey]\nmonths = [3, 9]\nday = 15\n")
    assert book.credit.schedules.survey == Recurrence.in_months(3, 9, day=15)
    assert load_book(dump_book(book)) == book


def test_occurrence_round_trips_as_data() -> None:
    occurrence = Recurrence.monthly(5, deadline=ROLL).next(D(2026, 4, 6), calendar=CN)
    data = to_data(occurrence)
    assert data == {"day": "2026-04-05", "opens": "2026-04-01", "due": "2026-04-07"}
    assert from_data(Occurrence, data) == occurrence


# --- properties ---------------------------------------------------------------------------------

month_sets = st.sets(st.integers(1, 12), min_size=1).map(lambda s: tuple(sorted(s)))
deadlines = st.builds(Deadline, st.integers(0, 20), st.sampled_from(DeadlineMode), st.booleans())
calendar_recurrences = st.builds(
    lambda months, day, deadline: Recurrence(
        RecurrenceBasis.CALENDAR, months, day, deadline=deadline
    ),
    month_sets,
    st.integers(1, 31),
    deadlines,
)
from_last = st.builds(
    lambda interval, deadline: Recurrence.every(interval, deadline=deadline),
    st.integers(1, 120),
    deadlines,
)
recurrences = calendar_recurrences | from_last
days = st.dates(min_value=D(1950, 1, 1), max_value=D(2900, 12, 31))
cn_days = st.dates(min_value=D(2005, 1, 1), max_value=D(2025, 10, 31))


def is_occurrence(recurrence: Recurrence, day: dt.date, last: dt.date | None) -> bool:
    """Whether ``day`` is an occurrence, by the definition (not by the code under test)."""
    if recurrence.basis is RecurrenceBasis.FROM_LAST:
        assert last is not None
        months = (day.year - last.year) * 12 + day.month - last.month
        return months >= 0 and months % recurrence.interval == 0 and add_months(last, months) == day
    length = calendar.monthrange(day.year, day.month)[1]
    return day.month in recurrence.months and day.day == min(recurrence.day, length)


def previous_occurrence(recurrence: Recurrence, day: dt.date) -> dt.date | None:
    """The last occurrence of a calendar recurrence before ``day`` (searched day by day)."""
    for back in range(1, 370):
        earlier = day - dt.timedelta(days=back)
        if is_occurrence(recurrence, earlier, None):
            return earlier
    return None


@given(recurrences, days, days)
def test_next_occurrence_is_on_or_after_the_day_and_idempotent(
    recurrence: Recurrence, day: dt.date, last: dt.date
) -> None:
    found = recurrence.first_on_or_after(day, last=last)
    assert found >= day
    assert is_occurrence(recurrence, found, last)
    assert recurrence.first_on_or_after(found, last=last) == found


@given(recurrences, days, st.integers(0, 400), days)
def test_next_occurrence_is_monotonic(
    recurrence: Recurrence, day: dt.date, later: int, last: dt.date
) -> None:
    after = min(day + dt.timedelta(days=later), D(2900, 12, 31))
    assert recurrence.first_on_or_after(day, last=last) <= recurrence.first_on_or_after(
        after, last=last
    )


@given(calendar_recurrences, days)
def test_no_occurrence_is_skipped(recurrence: Recurrence, day: dt.date) -> None:
    found = recurrence.first_on_or_after(day)
    between = day
    while between < found:
        assert not is_occurrence(recurrence, between, None)
        between += dt.timedelta(days=1)


@given(
    calendar_recurrences | from_last.filter(lambda r: r.interval <= 24),
    cn_days.filter(lambda d: d.year <= 2023),
    st.integers(0, 200),
    st.booleans(),
)
def test_deadline_never_before_the_occurrence(
    recurrence: Recurrence, on: dt.date, back: int, with_last: bool
) -> None:
    last = on - dt.timedelta(days=back) if with_last else None
    if recurrence.basis is RecurrenceBasis.FROM_LAST and last is None:
        last = on
    occurrence = recurrence.next(on, last=last, calendar=CN)
    assert occurrence.opens <= occurrence.day <= occurrence.due
    assert occurrence.due == recurrence.due(occurrence.day, CN)
    if last is not None:
        assert occurrence.opens > last
    else:
        assert occurrence.due >= on


@given(calendar_recurrences, cn_days)
def test_without_last_the_open_occurrence_is_the_first_still_open(
    recurrence: Recurrence, on: dt.date
) -> None:
    occurrence = recurrence.next(on, calendar=CN)
    assert occurrence.due >= on
    assert not occurrence.overdue(on)
    assert is_occurrence(recurrence, occurrence.day, None)
    before = previous_occurrence(recurrence, occurrence.day)
    if before is not None and before.year >= 2004:
        assert recurrence.due(before, CN) < on


@given(calendar_recurrences, days, st.integers(0, 400), st.integers(0, 400))
def test_calendar_next_with_last_is_monotonic_in_last(
    recurrence: Recurrence, last: dt.date, more: int, ahead: int
) -> None:
    later = last + dt.timedelta(days=more)
    on = later + dt.timedelta(days=ahead)
    first = recurrence.next(on, last=last)
    second = recurrence.next(on, last=later)
    assert first.day <= second.day
    assert first.opens > last
    assert first.day == recurrence.first_on_or_after(first.opens)


@given(from_last, days, st.integers(0, 2000))
def test_from_last_is_the_interval_after_the_last(
    recurrence: Recurrence, last: dt.date, ahead: int
) -> None:
    on = last + dt.timedelta(days=ahead)
    occurrence = recurrence.next(on, last=last)
    assert occurrence.day == add_months(last, recurrence.interval)
    assert occurrence.opens == last + dt.timedelta(days=1)
    assert occurrence.overdue(on) == (on > occurrence.due)


@given(recurrences)
def test_round_trip_through_plain_data(recurrence: Recurrence) -> None:
    assert from_mapping(Recurrence, plain(recurrence)) == recurrence
    assert from_data(Recurrence, to_data(recurrence)) == recurrence


@given(recurrences, days)
def test_deterministic(recurrence: Recurrence, day: dt.date) -> None:
    kwargs: dict[str, Any] = {"last": day}
    assert recurrence.next(day, **kwargs) == recurrence.next(day, **kwargs)
    assert recurrence.next(day, **kwargs, calendar=CALENDAR_DAYS).due >= day
