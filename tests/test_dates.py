"""Dates at the edge: one supported range, month arithmetic that never overflows."""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import InputError
from customer_rules.dates import (
    EARLIEST,
    LATEST,
    SHANGHAI,
    add_months,
    month_end,
    parse_date,
    require_aware,
    require_date,
)

D = dt.date
T = TypeVar("T")
RANGE = "a date from 1900-01-01 to 2999-12-31"
MONTHS = "a whole number of months (an int)"


def attempt(function: Callable[..., T], *args: object) -> T | InputError:
    """``function(*args)``, or the InputError it raised (any other exception propagates)."""
    try:
        return function(*args)
    except InputError as error:
        return error


class _Day(dt.date):
    """A date subclass, as some libraries hand out."""


class _Months(enum.IntEnum):
    HALF_YEAR = 6


class _NoOffset(dt.tzinfo):
    """A hand-made tzinfo that returns an impossible offset."""

    def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(hours=30)

    def dst(self, when: dt.datetime | None) -> dt.timedelta:
        return dt.timedelta(0)

    def tzname(self, when: dt.datetime | None) -> str:
        return "broken"


# --- the range -------------------------------------------------------------------------------


def test_the_range_is_public_and_fixed() -> None:
    import customer_rules.dates as dates

    assert D(1900, 1, 1) == EARLIEST
    assert D(2999, 12, 31) == LATEST
    assert {"EARLIEST", "LATEST"} <= set(dates.__all__)


def test_the_range_leaves_headroom_for_every_computation_of_the_library() -> None:
    # 120 months and then 366 days beyond the last accepted day are still representable
    last = add_months(D(2889, 12, 31), 120)
    assert last + dt.timedelta(days=366) <= dt.date.max
    assert LATEST.replace(year=LATEST.year + 10) + dt.timedelta(days=366) <= dt.date.max


@pytest.mark.parametrize("day", [EARLIEST, D(2026, 6, 30), LATEST])
def test_require_date_accepts_the_range_inclusive(day: dt.date) -> None:
    assert require_date(day, "on") is day


@pytest.mark.parametrize("day", [D(1899, 12, 31), D(3000, 1, 1), dt.date.min, dt.date.max])
def test_require_date_refuses_outside_the_range(day: dt.date) -> None:
    with pytest.raises(InputError) as info:
        require_date(day, "on")
    assert info.value.field == "on"
    assert info.value.given == day
    assert info.value.expected == RANGE
    assert str(info.value) == f"on: expected {RANGE}, got {day!r}"


def test_require_date_refuses_a_datetime_and_other_things() -> None:
    with pytest.raises(InputError) as info:
        require_date(dt.datetime(2026, 1, 1, tzinfo=SHANGHAI), "on")
    assert info.value.expected == "a date; call .date() on the datetime in the right zone"
    for bad in (None, "2026-01-01", 20260101):
        with pytest.raises(InputError) as info:
            require_date(bad, "on")
        assert (info.value.field, info.value.expected) == ("on", "a datetime.date")


def test_require_date_takes_a_date_subclass_as_a_plain_date() -> None:
    day = require_date(_Day(2026, 3, 4), "on")
    assert type(day) is dt.date
    assert day == D(2026, 3, 4)
    with pytest.raises(InputError) as info:
        require_date(_Day(3000, 1, 1), "on")
    assert info.value.expected == RANGE


# --- parse_date ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-01-01", D(2026, 1, 1)),
        ("  2026-01-01\n", D(2026, 1, 1)),
        ("1900-01-01", EARLIEST),
        ("2999-12-31", LATEST),
        ("2026-01-01".center(40), D(2026, 1, 1)),
    ],
)
def test_parse_date_accepts_iso_text(text: str, day: dt.date) -> None:
    assert parse_date(text, "as_of") == day


@pytest.mark.parametrize("text", ["1899-12-31", "3000-01-01", "0001-01-01", "9999-12-31"])
def test_parse_date_refuses_text_outside_the_range(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_date(text, "as_of")
    assert (info.value.field, info.value.given, info.value.expected) == ("as_of", text, RANGE)


def test_parse_date_refuses_text_longer_than_40_characters_before_parsing() -> None:
    text = "2026-01-01".center(41)
    with pytest.raises(InputError) as info:
        parse_date(text, "as_of")
    assert info.value.field == "as_of"
    assert info.value.expected == "an ISO date YYYY-MM-DD (at most 40 characters)"
    with pytest.raises(InputError, match="at most 40 characters"):
        parse_date("2" * 1_000_000, "as_of")


@pytest.mark.parametrize("text", ["", "abc", "2026-13-01", "2026-02-30", "0000-01-01"])
def test_parse_date_refuses_malformed_text(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_date(text, "as_of")
    assert info.value.expected == "an ISO date YYYY-MM-DD"


def test_parse_date_checks_a_date_like_require_date() -> None:
    assert parse_date(D(2026, 1, 1), "as_of") == D(2026, 1, 1)
    with pytest.raises(InputError) as info:
        parse_date(D(3000, 1, 1), "as_of")
    assert info.value.expected == RANGE
    with pytest.raises(InputError) as info:
        parse_date(None, "as_of")
    assert info.value.expected == "a datetime.date"


@given(st.text())
def test_parse_date_never_raises_anything_but_input_error(text: str) -> None:
    day = attempt(parse_date, text, "as_of")
    if isinstance(day, InputError):
        assert day.field == "as_of"
    else:
        assert EARLIEST <= day <= LATEST


@given(st.dates())
def test_parse_date_round_trips_iso_text_in_range(day: dt.date) -> None:
    if EARLIEST <= day <= LATEST:
        assert parse_date(day.isoformat(), "d") == day
    else:
        with pytest.raises(InputError):
            parse_date(day.isoformat(), "d")


# --- require_aware ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(1900, 1, 1, tzinfo=dt.UTC),
        dt.datetime(2026, 4, 1, 9, 30, tzinfo=SHANGHAI),
        dt.datetime(2999, 12, 31, 23, 59, 59, tzinfo=SHANGHAI),
    ],
)
def test_require_aware_accepts_the_range(moment: dt.datetime) -> None:
    assert require_aware(moment, "at") is moment


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(1899, 12, 31, 23, 59, tzinfo=dt.UTC),
        dt.datetime(3000, 1, 1, tzinfo=SHANGHAI),
        dt.datetime.max.replace(tzinfo=dt.UTC),
        dt.datetime.min.replace(tzinfo=dt.UTC),
    ],
)
def test_require_aware_refuses_outside_the_range(moment: dt.datetime) -> None:
    with pytest.raises(InputError) as info:
        require_aware(moment, "at")
    assert info.value.field == "at"
    assert info.value.expected == (
        "a timezone-aware datetime on a day from 1900-01-01 to 2999-12-31"
    )


def test_require_aware_refuses_naive_broken_and_other_values() -> None:
    with pytest.raises(InputError, match="timezone-aware"):
        require_aware(dt.datetime(2026, 1, 1), "at")
    for broken in (_NoOffset(), dt.tzinfo()):  # type: ignore[abstract]
        with pytest.raises(InputError) as info:
            require_aware(dt.datetime(2026, 1, 1, tzinfo=broken), "at")
        assert info.value.expected == (
            "a timezone-aware datetime whose tzinfo gives a valid UTC offset"
        )
    for bad in (None, D(2026, 1, 1), "2026-01-01T00:00+08:00"):
        with pytest.raises(InputError) as info:
            require_aware(bad, "at")
        assert info.value.expected == "a timezone-aware datetime.datetime"


# --- month_end -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "end"),
    [
        (D(2026, 2, 10), D(2026, 2, 28)),
        (D(2024, 2, 1), D(2024, 2, 29)),
        (D(1900, 2, 10), D(1900, 2, 28)),  # 1900 was not a leap year
        (D(2000, 2, 29), D(2000, 2, 29)),
        (EARLIEST, D(1900, 1, 31)),
        (D(2999, 12, 1), LATEST),
        (_Day(2026, 4, 2), D(2026, 4, 30)),
    ],
)
def test_month_end(day: dt.date, end: dt.date) -> None:
    assert month_end(day) == end
    assert type(month_end(day)) is dt.date


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (None, "a datetime.date"),
        ("x", "a datetime.date"),
        ("2026-01-01", "a datetime.date"),
        (dt.datetime(2026, 1, 1), "a date; call .date() on the datetime in the right zone"),
        (D(1899, 12, 31), RANGE),
        (D(3000, 1, 1), RANGE),
    ],
)
def test_month_end_refuses_anything_but_a_date_in_range(bad: object, expected: str) -> None:
    with pytest.raises(InputError) as info:
        month_end(bad)  # type: ignore[arg-type]
    assert (info.value.field, info.value.expected) == ("day", expected)


@given(st.dates(min_value=EARLIEST, max_value=LATEST))
def test_month_end_is_the_calendars_last_day(day: dt.date) -> None:
    end = month_end(day)
    assert (end.year, end.month) == (day.year, day.month)
    assert end.day == calendar.monthrange(day.year, day.month)[1]


# --- add_months ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "result"),
    [
        (D(2026, 8, 31), 6, D(2027, 2, 28)),
        (D(2027, 8, 31), 6, D(2028, 2, 29)),
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 3, 31), -1, D(2026, 2, 28)),
        (D(2026, 5, 15), 0, D(2026, 5, 15)),
        (D(2026, 5, 15), -12, D(2025, 5, 15)),
        (D(2026, 5, 15), 120, D(2036, 5, 15)),
        (D(2026, 5, 15), _Months.HALF_YEAR, D(2026, 11, 15)),
        (_Day(2026, 5, 15), 1, D(2026, 6, 15)),
        (D(1900, 2, 28), -1, D(1900, 1, 28)),
        (D(1900, 1, 31), 0, EARLIEST.replace(day=31)),
        (D(2999, 11, 30), 1, D(2999, 12, 30)),
        (D(2999, 1, 31), 11, LATEST),
    ],
)
def test_add_months(day: dt.date, months: int, result: dt.date) -> None:
    assert add_months(day, months) == result
    assert type(add_months(day, months)) is dt.date


@pytest.mark.parametrize(
    ("day", "months", "low", "high"),
    [
        (D(2999, 12, 1), 1, -13199, 0),
        (D(1900, 1, 31), -1, 0, 13199),
        (D(2026, 5, 15), 10**100, -1516, 11683),
        (D(2026, 5, 15), -(10**100), -1516, 11683),
        (D(2026, 5, 15), 10**5000, -1516, 11683),
    ],
    ids=["after-latest", "before-earliest", "googol", "minus-googol", "5000-digits"],
)
def test_add_months_refuses_a_result_outside_the_range(
    day: dt.date, months: int, low: int, high: int
) -> None:
    with pytest.raises(InputError) as info:
        add_months(day, months)
    assert info.value.field == "months"
    assert info.value.given == months
    assert info.value.expected == (
        f"a whole number of months from {low} to {high}, "
        f"so that {day.isoformat()} moved by it stays {RANGE}"
    )


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal(1), 1.5, 1.0, True, False, None, "1"])
def test_add_months_refuses_anything_but_an_int_of_months(bad: object) -> None:
    with pytest.raises(InputError) as info:
        add_months(D(2026, 1, 1), bad)  # type: ignore[arg-type]
    assert (info.value.field, info.value.expected) == ("months", MONTHS)
    assert info.value.given is bad


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        (None, "a datetime.date"),
        ("2026-01-01", "a datetime.date"),
        (dt.datetime(2026, 1, 1), "a date; call .date() on the datetime in the right zone"),
        (D(1899, 12, 31), RANGE),
        (D(3000, 1, 1), RANGE),
    ],
)
def test_add_months_refuses_anything_but_a_day_in_range(bad: object, expected: str) -> None:
    with pytest.raises(InputError) as info:
        add_months(bad, 1)  # type: ignore[arg-type]
    assert (info.value.field, info.value.expected) == ("day", expected)


def _reference(day: dt.date, months: int) -> dt.date | None:
    """add_months by counting, or None when the result leaves the range."""
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    if not EARLIEST.year <= year <= LATEST.year:
        return None
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


@given(st.dates(), st.integers())
def test_add_months_never_raises_anything_but_input_error(day: dt.date, months: int) -> None:
    result = attempt(add_months, day, months)
    if isinstance(result, InputError):
        in_range = EARLIEST <= day <= LATEST
        assert result.field == ("months" if in_range else "day")
        if in_range:
            assert _reference(day, months) is None
    else:
        assert EARLIEST <= day <= LATEST
        assert result == _reference(day, months)
        assert EARLIEST <= result <= LATEST


@given(st.dates(min_value=EARLIEST, max_value=LATEST), st.integers(-14_000, 14_000))
def test_add_months_round_trips_within_the_range(day: dt.date, months: int) -> None:
    result = _reference(day, months)
    if result is None:
        with pytest.raises(InputError):
            add_months(day, months)
        return
    assert add_months(day, months) == result
    back = add_months(result, -months)
    assert (back.year, back.month) == (day.year, day.month)
    assert back.day <= day.day
    if day.day <= 28:
        assert back == day


@given(
    st.one_of(st.dates(), st.datetimes(), st.none(), st.text(), st.integers()),
    st.one_of(
        st.integers(),
        st.floats(),
        st.decimals(),
        st.booleans(),
        st.none(),
        st.text(),
        st.lists(st.integers()),
    ),
)
def test_add_months_refuses_any_bad_input_with_input_error(day: object, months: object) -> None:
    result = attempt(add_months, day, months)
    if isinstance(result, InputError):
        assert result.field in {"day", "months"}
    else:
        assert type(day) is dt.date
        assert type(months) is int
