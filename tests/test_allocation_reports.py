"""A15 — the weekly development summary: every Monday, sales admin to the chairman, in writing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.refusals import problems_of

from customer_rules import Deadline, DeadlineMode, InputError, explain
from customer_rules.allocation import (
    AllocationPolicy,
    AllocationReason,
    Development,
    PersonStatus,
    Salesperson,
    WeeklySummary,
    weekly_summary,
)
from customer_rules.calendars import Weekday
from customer_rules.cn_calendar import china_working_days
from customer_rules.interchange import from_data, to_data
from customer_rules.roles import Role
from customer_rules.testing import days

SEED = AllocationPolicy()
PEOPLE = [Salesperson("S1", "王强"), Salesperson("S2", "李娜")]
MONDAY = dt.date(2026, 11, 30)


def dev(
    person: str, customer: str, registered: dt.date, *actions: dt.date, **kw: Any
) -> Development:
    return Development(person, customer, registered, actions=actions, **kw)


@pytest.mark.parametrize(
    ("on", "report_day"),
    [
        pytest.param(dt.date(2026, 11, 30), dt.date(2026, 11, 30), id="每周一-on-monday"),
        pytest.param(dt.date(2026, 11, 29), dt.date(2026, 11, 30), id="sunday-before"),
        pytest.param(dt.date(2026, 12, 1), dt.date(2026, 12, 7), id="tuesday-after"),
    ],
)
def test_the_report_day_is_the_next_monday(on: dt.date, report_day: dt.date) -> None:
    """A15 "销售内勤应每周一…向董事长书面汇报": the summary of the week before each Monday."""
    s = weekly_summary([], PEOPLE, SEED, on=on)
    assert (s.report_day, s.due) == (report_day, report_day)
    assert (s.start, s.end) == (
        report_day - dt.timedelta(days=7),
        report_day - dt.timedelta(days=1),
    )
    assert (s.preparer, s.recipient) == (Role.SALES_ADMIN, Role.CHAIRMAN)


def test_every_salesperson_has_a_line_even_without_development() -> None:
    """ "对每个销售人员的开发客户情况进行整理汇总": zeros are a line too; an inactive person is
    not in it, and someone the records name who is not on the roster is."""
    roster = [*PEOPLE, Salesperson("S3", status=PersonStatus.INACTIVE)]
    records = [dev("S8", "C9", dt.date(2026, 11, 25))]
    s = weekly_summary(records, roster, SEED, on=MONDAY)
    assert [(line.person, line.name) for line in s.lines] == [
        ("S1", "王强"),
        ("S2", "李娜"),
        ("S8", ""),
    ]
    assert explain(s.lines[0], "en") == (
        "[A15] S1 王强: 0 registered, 0 acted on, 0 won, 0 in development, 0 of them without a"
        " sales action"
    )


@pytest.mark.parametrize(
    ("day", "inside"),
    [
        pytest.param(dt.date(2026, 11, 22), False, id="sunday-before-the-week"),
        pytest.param(dt.date(2026, 11, 23), True, id="first-day"),
        pytest.param(dt.date(2026, 11, 29), True, id="last-day"),
        pytest.param(dt.date(2026, 11, 30), False, id="the-report-day"),
    ],
)
def test_the_week_runs_from_monday_to_sunday_before_the_report(day: dt.date, inside: bool) -> None:
    records = [
        dev("S1", "C1", day),
        dev("S2", "C2", dt.date(2026, 10, 1), day),
        dev("S2", "C3", dt.date(2026, 10, 1), day, won_on=day),
    ]
    s = weekly_summary(records, PEOPLE, SEED, on=MONDAY)
    one, two = s.lines
    assert (one.registered == ("C1",)) is inside
    assert (two.acted == ("C2", "C3")) is inside
    assert (two.won == ("C3",)) is inside


def test_developing_and_idle() -> None:
    records = [
        dev("S1", "C1", dt.date(2026, 11, 24), dt.date(2026, 11, 26)),  # new, acted
        dev("S1", "C2", dt.date(2026, 10, 9), dt.date(2026, 10, 20)),  # old, idle
        dev("S1", "C3", dt.date(2026, 9, 1), dt.date(2026, 11, 27), won_on=dt.date(2026, 11, 27)),
        dev("S1", "C4", dt.date(2026, 9, 1), won_on=dt.date(2026, 10, 1)),  # won before
        dev("S1", "C5", dt.date(2026, 11, 25)),  # new, no action yet: not idle
        dev("S1", "C6", dt.date(2026, 10, 1), won_on=dt.date(2026, 12, 2)),  # won after the week
    ]
    (line, _) = weekly_summary(records, PEOPLE, SEED, on=MONDAY).lines
    assert line.registered == ("C1", "C5")
    assert line.acted == ("C1", "C3")
    assert line.won == ("C3",)
    assert line.developing == ("C1", "C2", "C5", "C6")
    assert line.idle == ("C2", "C6")


def test_a_holiday_monday_may_roll_to_the_next_working_day() -> None:
    rolled = AllocationPolicy(summary={"deadline": Deadline(0, DeadlineMode.CALENDAR_THEN_ROLL)})
    new_year = dt.date(2024, 1, 1)  # a Monday and a public holiday
    s = weekly_summary([], PEOPLE, rolled, on=new_year, calendar=china_working_days())
    assert (s.report_day, s.due) == (new_year, dt.date(2024, 1, 2))
    assert explain(s, "en").splitlines()[0] == (
        "[A15] sales admin reports in writing to the chairman on 2024-01-01 (by 2024-01-02) each"
        " salesperson's development from 2023-12-25 to 2023-12-31: 2 people"
    )


def test_the_seed_summary_is_due_on_the_monday_even_a_holiday() -> None:
    """ "每周一": the report day itself, whatever the working-day calendar says [default]."""
    s = weekly_summary([], PEOPLE, SEED, on=dt.date(2024, 1, 1), calendar=china_working_days())
    assert (s.report_day, s.due) == (dt.date(2024, 1, 1), dt.date(2024, 1, 1))


def test_the_weekday_and_period_are_policy_data() -> None:
    friday = AllocationPolicy(summary={"weekday": Weekday.FRIDAY, "period_days": 14})
    s = weekly_summary([], PEOPLE, friday, on=MONDAY)
    assert (s.report_day, s.start, s.end) == (
        dt.date(2026, 12, 4),
        dt.date(2026, 11, 20),
        dt.date(2026, 12, 3),
    )


def test_facts_that_cannot_be_are_refused_at_their_path() -> None:
    with pytest.raises(InputError) as early:
        Development(
            "S1", "C1", dt.date(2026, 11, 2), actions=[dt.date(2026, 11, 3), dt.date(2026, 11, 1)]
        )
    assert early.value.field == "actions[1]"
    with pytest.raises(InputError) as won:
        Development("S1", "C1", dt.date(2026, 11, 2), won_on=dt.date(2026, 11, 1))
    assert won.value.field == "won_on"
    with pytest.raises(InputError) as bad:
        weekly_summary([object()], PEOPLE, SEED, on=MONDAY)  # type: ignore[list-item]
    assert bad.value.field == "developments[0]"
    with pytest.raises(InputError) as day:
        weekly_summary([], PEOPLE, SEED, on=dt.datetime(2026, 11, 30, 9))  # type: ignore[arg-type]
    assert day.value.field == "on"
    with pytest.raises(InputError) as before:
        weekly_summary([], PEOPLE, AllocationPolicy(effective=dt.date(2027, 1, 1)), on=MONDAY)
    assert before.value.field == "on"


def test_a_summary_round_trips_through_data() -> None:
    s = weekly_summary(
        [dev("S1", "C1", dt.date(2026, 11, 24), dt.date(2026, 11, 25))], PEOPLE, SEED, on=MONDAY
    )
    data = to_data(s, lang="en")
    assert data["reasons"][0]["code"] == AllocationReason.A15_SUMMARY
    assert from_data(WeeklySummary, data, policy=SEED) == s


@st.composite
def records(draw: st.DrawFn) -> list[Development]:
    found = []
    for i in range(draw(st.integers(min_value=0, max_value=12))):
        registered = draw(days(dt.date(2026, 9, 1), dt.date(2026, 12, 31)))
        actions = draw(st.lists(days(registered, dt.date(2026, 12, 31)), max_size=3))
        won = draw(st.one_of(st.none(), days(registered, dt.date(2026, 12, 31))))
        found.append(
            Development(
                draw(st.sampled_from(["S1", "S2"])),
                f"C{i}",
                registered,
                actions=actions,
                won_on=won,
            )
        )
    return found


@given(records(), days(dt.date(2026, 10, 1), dt.date(2026, 12, 31)))
def test_each_line_is_consistent_with_its_week(found: list[Development], on: dt.date) -> None:
    s = weekly_summary(found, PEOPLE, SEED, on=on)
    assert s.report_day.isoweekday() == 1
    assert s.start <= s.end < s.report_day <= s.due
    assert on <= s.report_day < on + dt.timedelta(days=7)
    for line in s.lines:
        mine = {r.customer: r for r in found if r.salesperson == line.person}
        assert set(line.idle) <= set(line.developing)
        assert set(line.won).isdisjoint(line.developing)
        for cid in line.registered:
            assert s.start <= mine[cid].registered_on <= s.end
        for cid in line.developing:
            assert mine[cid].registered_on <= s.end
        assert line.reasons[0].fact("developing") == len(line.developing)


def test_a15_a_customer_registered_on_the_first_day_is_new_not_idle() -> None:
    """A15: "idle" is registered before the week and without a sales action in it."""
    (line, _) = weekly_summary(
        [dev("S1", "C1", dt.date(2026, 11, 23))], PEOPLE, SEED, on=MONDAY
    ).lines
    assert (line.registered, line.developing, line.idle) == (("C1",), ("C1",), ())


DATED = AllocationPolicy(effective=dt.date(2026, 1, 1))
NOT_YET = "a day on or after the policy's effective date 2027-01-01 (version 'seed')"


def test_a15_the_summary_names_the_dated_policy_s_effective_day() -> None:
    """A15: a dated policy in force on the day decides; the summary names its effective day."""
    s = weekly_summary([], PEOPLE, DATED, on=MONDAY)
    assert (s.report_day, s.policy_effective) == (MONDAY, dt.date(2026, 1, 1))


def test_a15_arguments_and_facts_that_cannot_be_are_refused_with_what_is_expected() -> None:
    """A15: the path, the value given and what was expected, for every refusal."""
    later = AllocationPolicy(effective=dt.date(2027, 1, 1))
    assert problems_of(lambda: weekly_summary([], PEOPLE, later, on=MONDAY)) == [
        ("on", "datetime.date(2026, 11, 30)", NOT_YET)
    ]
    assert problems_of(lambda: weekly_summary("x", PEOPLE, SEED, on=MONDAY)) == [  # type: ignore[arg-type]
        ("developments", "'x'", "a list of Development values")
    ]
    assert problems_of(lambda: weekly_summary([], "x", SEED, on=MONDAY)) == [  # type: ignore[arg-type]
        ("roster", "'x'", "a list of Salesperson values")
    ]
    assert problems_of(lambda: Development("S1", "C1", MONDAY, actions=5)) == [
        ("actions", 5, "a list of the days of the sales actions")
    ]
    assert problems_of(lambda: Development("S1", "C1", MONDAY, actions=["x"])) == [
        ("actions[0]", "'x'", "a datetime.date")
    ]


@pytest.mark.parametrize(
    ("make", "path", "given", "expected"),
    [
        pytest.param(
            lambda: Development("S1", "C1", dt.date(1899, 1, 1)),
            "registered_on",
            "datetime.date(1899, 1, 1)",
            "a date from 1900-01-01 to 2999-12-31",
            id="registered-out-of-range",
        ),
        pytest.param(
            lambda: Development("S1", "C1", MONDAY, won_on=dt.date(3000, 1, 1)),
            "won_on",
            "datetime.date(3000, 1, 1)",
            "a date from 1900-01-01 to 2999-12-31",
            id="won-out-of-range",
        ),
        pytest.param(
            lambda: Development("S1", "C1", MONDAY, won_on=dt.date(2026, 11, 1)),
            "won_on",
            "datetime.date(2026, 11, 1)",
            "a day on or after registered_on (2026-11-30)",
            id="won-before-registered",
        ),
        pytest.param(
            lambda: Development("S1", "C1", MONDAY, actions=[MONDAY, dt.date(2026, 11, 1)]),
            "actions[1]",
            "datetime.date(2026, 11, 1)",
            "a day on or after registered_on (2026-11-30)",
            id="action-before-registered",
        ),
    ],
)
def test_a15_development_days_that_cannot_be_are_refused_at_their_path(
    make: Any, path: str, given: str, expected: str
) -> None:
    """A15: a development's days lie in the supported range, none before its registration."""
    assert problems_of(make) == [(path, given, expected)]
