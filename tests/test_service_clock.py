"""S3's business-hours clock (``customer_rules._service.clock``, private): the moment a target
falls due, to the second, with the pauses while a complaint awaits the customer; and that the
days it counts are Asia/Shanghai's whatever time zone the host runs in."""

from __future__ import annotations

import datetime as dt

import pytest

from customer_rules._service.clock import (
    BusinessHours,
    Pause,
    advance,
    business_seconds,
    running_seconds,
)
from customer_rules.calendars import CALENDAR_DAYS
from customer_rules.dates import SHANGHAI
from customer_rules.errors import PolicyError

HOURS = BusinessHours()  # 09:00–17:00 [default]
H = 3600


def _at(day: int, hour: int, minute: int = 0, second: int = 0) -> dt.datetime:
    """A moment of June 2026 in Asia/Shanghai (5 June is a Friday)."""
    return dt.datetime(2026, 6, day, hour, minute, second, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("opens", "closes", "problems"),
    [
        ("9am", "17:00", [("opens", "'9am'", "a time HH:MM, e.g. '09:00'")]),
        ("09:00", "5pm", [("closes", "'5pm'", "a time HH:MM, e.g. '09:00'")]),
        ("24:00", "17:00", [("opens", "'24:00'", "a time HH:MM, e.g. '09:00'")]),
        ("17:00", "09:00", [("closes", "'09:00'", "a time after opens (17:00)")]),
        ("09:00", "09:00", [("closes", "'09:00'", "a time after opens (09:00)")]),
    ],
)
def test_every_refusal_of_business_hours(
    opens: str, closes: str, problems: list[tuple[str, object, str]]
) -> None:
    """Each setting is ``HH:MM`` (24-hour), and the day closes after it opens — a day that
    closes when it opens has no business hours."""
    with pytest.raises(PolicyError) as caught:
        BusinessHours(opens, closes)
    assert [(p.path, p.given, p.expected) for p in caught.value.problems] == problems


def test_business_hours_to_the_minute() -> None:
    hours = BusinessHours("08:30", "17:45")
    assert hours.seconds_a_day == 9 * H + 15 * 60
    assert hours.day_span(dt.date(2026, 6, 5)) == (_at(5, 8, 30), _at(5, 17, 45))
    assert BusinessHours("00:00", "23:59").seconds_a_day == 24 * H - 60


@pytest.mark.parametrize(
    ("start", "seconds", "pauses", "due"),
    [
        pytest.param(_at(5, 20), 0, [], _at(5, 20), id="nothing-to-run-is-due-at-the-start"),
        pytest.param(_at(5, 9), 1, [], _at(5, 9, 0, 1), id="one-second"),
        pytest.param(_at(5, 9), 8 * H, [], _at(5, 17), id="a-whole-day-is-due-at-closing"),
        pytest.param(
            _at(5, 9), 2 * H, [(_at(5, 14), _at(5, 15))], _at(5, 11), id="due-before-a-pause"
        ),
        pytest.param(
            _at(5, 9), 2 * H, [(_at(5, 11), _at(5, 12))], _at(5, 11), id="due-as-a-pause-starts"
        ),
        pytest.param(
            _at(5, 9), 10 * H, [(_at(6, 12), _at(6, 13))], _at(6, 11), id="a-later-days-pause"
        ),
        pytest.param(
            _at(5, 9),
            16 * H,
            [(_at(5, 10), _at(5, 11)), (_at(6, 10), _at(6, 11))],
            _at(7, 11),
            id="a-pause-each-day",
        ),
        pytest.param(
            _at(5, 9), 16 * H, [(_at(5, 16), _at(8, 10))], _at(9, 11), id="a-pause-over-nights"
        ),
        pytest.param(
            _at(5, 9),
            3 * H,
            [(_at(5, 14), _at(5, 15)), (_at(5, 10), _at(5, 11))],
            _at(5, 13),
            id="pauses-in-any-order",
        ),
        pytest.param(
            _at(5, 9),
            3 * H,
            [(_at(5, 10), _at(5, 11)), (_at(5, 14), None)],
            _at(5, 13),
            id="due-before-an-open-pause",
        ),
        pytest.param(
            _at(5, 9),
            5 * H,
            [(_at(5, 10), _at(5, 11)), (_at(5, 14), None)],
            None,
            id="stopped-by-an-open-pause",
        ),
    ],
)
def test_a_target_falls_due_at_its_exact_business_second(
    start: dt.datetime, seconds: int, pauses: list[Pause], due: dt.datetime | None
) -> None:
    """Business hours 09:00–17:00 on every day (``CALENDAR_DAYS``): the clock runs inside
    them and stops in a pause; ``None`` while an open pause stops it before the target.

    A target reached at closing is due at closing, not the next morning; one reached as a
    pause starts is due when the pause starts; a pause on a later day, or one already over,
    holds back nothing today; a closed pause over nights and a weekend resumes the next day it
    ends on."""
    assert advance(start, seconds, HOURS, CALENDAR_DAYS, pauses) == due


@pytest.mark.parametrize(
    ("start", "end", "pauses", "seconds"),
    [
        pytest.param(_at(5, 9), _at(5, 9), [], 0, id="nothing"),
        pytest.param(_at(5, 8), _at(5, 18), [], 8 * H, id="a-whole-day"),
        pytest.param(_at(5, 16), _at(8, 10), [], 18 * H, id="over-nights"),
        pytest.param(_at(5, 9), _at(5, 17), [(_at(5, 10), _at(5, 14))], 4 * H, id="paused"),
        pytest.param(_at(5, 9), _at(5, 17), [(_at(5, 15), None)], 6 * H, id="paused-until-now"),
        pytest.param(
            _at(5, 9), _at(6, 17), [(_at(5, 16), _at(6, 10))], 14 * H, id="paused-over-a-night"
        ),
    ],
)
def test_the_clock_counts_business_seconds_less_the_pauses(
    start: dt.datetime, end: dt.datetime, pauses: list[Pause], seconds: int
) -> None:
    assert running_seconds(start, end, HOURS, CALENDAR_DAYS, pauses) == seconds


def test_the_days_are_shanghais_whatever_the_hosts_time_zone(host_zone: str) -> None:
    """The clock takes each moment's day in Asia/Shanghai, never in the host's zone: from
    Friday 19:00 to Saturday 10:00 in a help desk open 09:00–21:00 is three business hours
    (two on Friday, one on Saturday) in every zone; with the default hours, Friday 09:00 to
    Saturday 10:00 is nine."""
    late = BusinessHours("09:00", "21:00")
    start, end = _at(5, 19), _at(6, 10)
    assert business_seconds(start, end, late, CALENDAR_DAYS) == 3 * H
    assert advance(start, 3 * H, late, CALENDAR_DAYS, []) == end
    assert running_seconds(start, end, late, CALENDAR_DAYS, [(_at(5, 20), _at(6, 9))]) == 2 * H
    assert business_seconds(_at(5, 9), end, HOURS, CALENDAR_DAYS) == 9 * H
    assert advance(_at(5, 9), 9 * H, HOURS, CALENDAR_DAYS, []) == end
