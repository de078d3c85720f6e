"""S4 — the revisit and care calendar (003 §6.1.2 via G4, §[管理制度]大客户管理制度 第三章,
§集团内部客户管理制度范本 第十一条, §公司客户管理制度 (2nd) 三.5)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import InputError, PolicyError, explain
from customer_rules.grading import (
    CustomerCategory,
    Grade,
    GradingPolicy,
    RevisitMode,
    ServiceTierPolicy,
    service_tier,
)
from customer_rules.interchange import from_data, to_data
from customer_rules.recurrence import Recurrence
from customer_rules.roles import Role
from customer_rules.service import (
    CareCalendar,
    CareCustomer,
    CareKind,
    CarePolicy,
    Festival,
    GiftRow,
    ServicePolicy,
    ServiceReason,
    Term,
    care_calendar,
)
from customer_rules.testing import care_customers, days
from refusals import problems_of

SEED = ServicePolicy()
BIG, ORD = CustomerCategory.BIG, CustomerCategory.ORDINARY
START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)


def _kinds(cal: CareCalendar, kind: CareKind) -> list[dt.date]:
    return [e.day for e in cal.entries if e.kind is kind]


# --------------------------------------------------------------------------- revisits (G4)


@pytest.mark.parametrize(
    ("category", "grade", "dates"),
    [
        pytest.param(
            BIG,
            Grade.A,
            ["2026-03-20", "2026-06-20", "2026-09-20", "2026-12-20"],
            id="大A-quarterly",
        ),
        pytest.param(BIG, Grade.B, ["2026-06-20", "2026-12-20"], id="大B-half-yearly"),
        pytest.param(ORD, Grade.A, ["2026-12-20"], id="普A-yearly"),
        pytest.param(ORD, Grade.B, ["2026-06-20", "2026-12-20"], id="普B-half-yearly"),
        pytest.param(ORD, Grade.C, [], id="普C-none"),
    ],
)
def test_revisits_follow_the_g4_table(
    category: CustomerCategory, grade: Grade, dates: list[str]
) -> None:
    """003 §6.1.2 via G4: 大A 每季度, 大B 每半年, 普A 每一年, 普B 每半年 — rolling from the last
    visit [G4 default]."""
    c = CareCustomer("C1", category, grade, last_visit=dt.date(2025, 12, 20))
    cal = care_calendar([c], SEED, start=START, end=END)
    revisits = [e for e in cal.entries if e.kind is CareKind.REVISIT]
    assert [e.day.isoformat() for e in revisits] == dates
    assert all(e.rule == "G4" for e in revisits)
    tier = service_tier(category, grade, GradingPolicy(), on=START).tier
    assert tier is not None
    assert all(e.who == tier.revisitors for e in revisits)


def test_the_revisits_are_g4s_own_so_a_company_table_changes_them() -> None:
    """The calendar never re-implements G4: the grading policy passed decides."""
    c = CareCustomer("C1", BIG, Grade.A, last_visit=dt.date(2025, 12, 20))
    calendar_periods = GradingPolicy(service=ServiceTierPolicy(revisit_mode=RevisitMode.CALENDAR))
    cal = care_calendar([c], SEED, start=START, end=END, grading=calendar_periods)
    assert [e.day.isoformat() for e in cal.entries if e.kind is CareKind.REVISIT] == [
        "2026-03-31",
        "2026-06-30",
        "2026-09-30",
        "2026-12-31",
    ]


def test_an_overdue_revisit_comes_first_with_its_due_date() -> None:
    c = CareCustomer("C1", BIG, Grade.A, last_visit=dt.date(2025, 9, 1))
    cal = care_calendar([c], SEED, start=START, end=dt.date(2026, 3, 31))
    first = cal.entries[0]
    assert (first.day, first.kind, first.due, first.overdue) == (
        START,
        CareKind.REVISIT,
        dt.date(2025, 12, 1),
        True,
    )
    assert _kinds(cal, CareKind.REVISIT) == [START]  # the next, 1 April, is after the range
    assert explain(first, "en") == (
        "[G4] C1: revisit by the vp in charge, sales manager (every 3 months), due 2025-12-01:"
        " overdue"
    )


def test_a_customer_never_visited_is_due_at_the_start() -> None:
    cal = care_calendar([CareCustomer("C1", ORD, Grade.B)], SEED, start=START, end=END)
    assert _kinds(cal, CareKind.REVISIT) == [START, dt.date(2026, 7, 1)]


# --------------------------------------------------------------------------- dedicated visits


def test_dedicated_staff_visit_a_level_big_customers_and_report_upward() -> None:
    """ "公司定期派专职人员拜访A级大客户,了解其需求,并向上级汇报": monthly from the last visit
    [default], the report due two days after [default]."""
    c = CareCustomer(
        "C1", BIG, Grade.A, dedicated_staff="陈小明", last_dedicated_visit=dt.date(2025, 12, 10)
    )
    cal = care_calendar([c], SEED, start=START, end=dt.date(2026, 3, 31))
    assert _kinds(cal, CareKind.DEDICATED_VISIT) == [
        dt.date(2026, 1, 10),
        dt.date(2026, 2, 10),
        dt.date(2026, 3, 10),
    ]
    assert _kinds(cal, CareKind.REPORT) == [
        dt.date(2026, 1, 12),
        dt.date(2026, 2, 12),
        dt.date(2026, 3, 12),
    ]
    report = next(e for e in cal.entries if e.kind is CareKind.REPORT)
    assert (report.staff, report.to) == ("陈小明", Role.SUPERVISOR)
    assert cal.unassigned == ()


def test_only_the_dedicated_grades_of_big_customers() -> None:
    others = [CareCustomer("C2", BIG, Grade.B), CareCustomer("C3", ORD, Grade.A)]
    cal = care_calendar(others, SEED, start=START, end=END)
    assert _kinds(cal, CareKind.DEDICATED_VISIT) == []


def test_an_a_level_big_customer_without_dedicated_staff_is_reported() -> None:
    cal = care_calendar(
        [CareCustomer("C1", BIG, Grade.A)], SEED, start=START, end=dt.date(2026, 2, 28)
    )
    assert cal.unassigned == ("C1",)
    assert _kinds(cal, CareKind.DEDICATED_VISIT) == [START, dt.date(2026, 2, 1)]
    assert "[S4] 未指派专职人员:C1" in explain(cal).splitlines()


# --------------------------------------------------------------------------- greetings and gifts


def test_birthday_greetings_and_gifts_by_grade() -> None:
    """ "在客户生日…向客户发送祝福"; "根据客户级别赠送相应的礼品" (A: a birthday gift [default])."""
    a = CareCustomer("CA", ORD, Grade.A, birthday=dt.date(1970, 3, 8))
    b = CareCustomer("CB", ORD, Grade.B, birthday=dt.date(1970, 3, 8))
    cal = care_calendar([a, b], SEED, start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))
    found = [(e.customer, e.kind) for e in cal.entries if e.day == dt.date(2026, 3, 8)]
    assert found == [("CA", CareKind.BIRTHDAY), ("CA", CareKind.GIFT), ("CB", CareKind.BIRTHDAY)]


@pytest.mark.parametrize(
    ("year", "day"), [(2027, dt.date(2027, 2, 28)), (2028, dt.date(2028, 2, 29))]
)
def test_a_29_february_birthday(year: int, day: dt.date) -> None:
    c = CareCustomer("C1", ORD, Grade.C, birthday=dt.date(1972, 2, 29))
    cal = care_calendar([c], SEED, start=dt.date(year, 2, 1), end=dt.date(year, 3, 1))
    assert _kinds(cal, CareKind.BIRTHDAY) == [day]


def test_holiday_greetings_come_from_the_dated_table() -> None:
    """Spring Festival and Mid-Autumn on their published dates, New Year and National Day on their
    fixed days — no lunar arithmetic."""
    c = CareCustomer("C1", ORD, Grade.A)
    cal = care_calendar([c], SEED, start=START, end=END)
    holidays = [
        (e.day, e.occasion.name if e.occasion else None)
        for e in cal.entries
        if e.kind is CareKind.HOLIDAY
    ]
    assert holidays == [
        (dt.date(2026, 1, 1), "new_year"),
        (dt.date(2026, 2, 17), "spring_festival"),
        (dt.date(2026, 9, 25), "mid_autumn"),
        (dt.date(2026, 10, 1), "national_day"),
    ]
    gifts = [e.occasion.name for e in cal.entries if e.kind is CareKind.GIFT and e.occasion]
    assert gifts == ["spring_festival", "mid_autumn"]


def test_a_year_the_table_does_not_give_is_reported_not_guessed() -> None:
    cal = care_calendar(
        [CareCustomer("C1", ORD, Grade.A)],
        SEED,
        start=dt.date(2031, 1, 1),
        end=dt.date(2031, 12, 31),
    )
    assert [(g.festival.name, g.year) for g in cal.gaps] == [
        ("spring_festival", 2031),
        ("mid_autumn", 2031),
    ]
    assert [e.occasion.name for e in cal.entries if e.kind is CareKind.HOLIDAY and e.occasion] == [
        "new_year",
        "national_day",
    ]
    assert (
        "[S4] the festival table gives no date of Spring Festival in 2031:"
        " its greetings are missing" in explain(cal, "en").splitlines()
    )


def test_the_festival_dates_are_holidays_of_the_official_calendar() -> None:
    """The dated table agrees with chinesecalendar: each festival day it gives is a rest day."""
    pytest.importorskip("chinese_calendar")
    from customer_rules.cn_calendar import china_working_days

    cal = china_working_days()
    for festival in SEED.care.festivals:
        for day in festival.dates:
            if cal.covers(day):
                assert not cal.is_working_day(day), (festival.name, day)


def test_the_care_policy_checks_its_tables() -> None:
    with pytest.raises(PolicyError) as caught:
        CarePolicy(gifts=(GiftRow(Grade.A, frozenset({"easter"})),))
    assert caught.value.problems[0].path == "gifts[0].festivals"
    with pytest.raises(PolicyError):
        Festival("x", "某节", "x")
    with pytest.raises(PolicyError):
        Festival("x", "某节", "x", month=2, day=30)
    with pytest.raises(PolicyError):
        Festival("x", "某节", "x", month=1, day=1, dates=frozenset({dt.date(2026, 1, 1)}))
    quarterly = CarePolicy(dedicated_visit=Recurrence.every(3))
    assert quarterly.dedicated_visit.interval == 3


def test_the_range_is_checked() -> None:
    with pytest.raises(InputError) as caught:
        care_calendar([], SEED, start=END, end=START)
    assert caught.value.field == "end"
    with pytest.raises(InputError) as caught:
        care_calendar([], SEED, start=START, end=dt.date(2036, 1, 1))
    assert caught.value.field == "end"
    with pytest.raises(InputError) as caught:
        care_calendar(["C1"], SEED, start=START, end=END)  # type: ignore[list-item]
    assert caught.value.field == "customers[0]"
    with pytest.raises(InputError) as caught:
        care_calendar([], SEED, start=START, end=END, grading=SEED)  # type: ignore[arg-type]
    assert caught.value.field == "grading"


# --------------------------------------------------------------------------- properties


@given(
    st.lists(care_customers(), max_size=6),
    days(dt.date(2026, 1, 1), dt.date(2027, 12, 31)),
    st.integers(0, 400),
)
def test_the_calendar_is_sorted_inside_the_range_and_each_entry_has_its_rule(
    customers: list[CareCustomer], start: dt.date, length: int
) -> None:
    end = start + dt.timedelta(days=length)
    cal = care_calendar(customers, SEED, start=start, end=end)
    assert all(start <= e.day <= end for e in cal.entries)
    keys = [(e.day, e.customer) for e in cal.entries]
    assert keys == sorted(keys)
    for e in cal.entries:
        (reason,) = e.reasons
        assert reason.rule == e.rule == ("G4" if e.kind is CareKind.REVISIT else "S4")
        assert e.who
    assert cal.customers == len(customers)
    assert care_calendar(customers, SEED, start=start, end=end) == cal


@given(st.lists(care_customers(), max_size=3), days(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
def test_a_longer_range_only_adds_entries(customers: list[CareCustomer], start: dt.date) -> None:
    short = care_calendar(customers, SEED, start=start, end=start + dt.timedelta(days=60))
    long = care_calendar(customers, SEED, start=start, end=start + dt.timedelta(days=120))
    assert list(long.entries[: len(short.entries)]) == list(short.entries)


@given(st.lists(care_customers(), max_size=3))
def test_the_calendar_round_trips_through_json(customers: list[CareCustomer]) -> None:
    cal = care_calendar(customers, SEED, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31))
    data = json.loads(json.dumps(to_data(cal, lang="en"), ensure_ascii=False))
    assert from_data(CareCalendar, data, policy=SEED) == cal
    for customer in customers:
        assert from_data(CareCustomer, to_data(customer)) == customer


def test_every_reason_of_a_year_renders() -> None:
    c = [
        CareCustomer("C1", BIG, Grade.A, birthday=dt.date(1970, 5, 1), dedicated_staff="王"),
        CareCustomer("C2", BIG, Grade.A, last_visit=dt.date(2025, 6, 1)),
    ]
    cal = care_calendar(c, SEED, start=START, end=END)
    codes = {e.reasons[0].code for e in cal.entries}
    assert {
        ServiceReason.S4_REVISIT,
        ServiceReason.S4_REVISIT_OVERDUE,
        ServiceReason.S4_DEDICATED,
        ServiceReason.S4_DEDICATED_NO_STAFF,
        ServiceReason.S4_REPORT,
        ServiceReason.S4_BIRTHDAY,
        ServiceReason.S4_HOLIDAY,
        ServiceReason.S4_GIFT,
    } <= codes
    for e in cal.entries:
        assert "{" not in explain(e)
        assert "{" not in explain(e, "en")


# --------------------------------------------------------------------------- pinned tables


EFFECTIVE = ServicePolicy(effective=dt.date(2026, 1, 1))
A_BIG = CareCustomer("C1", BIG, Grade.A)


def _policy_problems(call: Callable[[], object]) -> list[tuple[str, object, str]]:
    """The ``(path, given, expected)`` of every problem of the :class:`PolicyError` raised."""
    with pytest.raises(PolicyError) as info:
        call()
    return [(p.path, p.given, p.expected) for p in info.value.problems]


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: care_calendar([], SEED, start="x", end=END),
            [("start", "'x'", "a datetime.date")],
            id="start-not-a-date",
        ),
        pytest.param(
            lambda: care_calendar([], EFFECTIVE, start=dt.date(2025, 12, 31), end=END),
            [
                (
                    "start",
                    "datetime.date(2025, 12, 31)",
                    "a day on or after the policy's effective date 2026-01-01 (version 'seed')",
                )
            ],
            id="start-before-the-policy",
        ),
        pytest.param(
            lambda: care_calendar([], SEED, start=START, end="x"),
            [("end", "'x'", "a datetime.date")],
            id="end-not-a-date",
        ),
        pytest.param(
            lambda: care_calendar([], SEED, start=END, end=START),
            [("end", "datetime.date(2026, 1, 1)", "a day on or after start (2026-12-31)")],
            id="end-before-start",
        ),
        pytest.param(
            lambda: care_calendar([], SEED, start=START, end=dt.date(2031, 1, 6)),
            [
                (
                    "end",
                    "datetime.date(2031, 1, 6)",
                    "a day at most 1830 days after start (2026-01-01)",
                )
            ],
            id="end-1831-days-after-start",
        ),
        pytest.param(
            lambda: care_calendar("C1", SEED, start=START, end=END),
            [("customers", "'C1'", "a list of a CareCustomer")],
            id="customers-not-a-list",
        ),
        pytest.param(
            lambda: care_calendar(["C1"], SEED, start=START, end=END),
            [("customers[0]", "'C1'", "a CareCustomer")],
            id="customer-not-a-CareCustomer",
        ),
        pytest.param(
            lambda: care_calendar([], SEED, start=START, end=END, grading=SEED),
            [("grading", "a ServicePolicy", "a GradingPolicy (GradingPolicy() is the seed)")],
            id="grading-not-a-GradingPolicy",
        ),
    ],
)
def test_every_argument_error_of_care_calendar(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == problems


def test_the_range_may_span_exactly_max_days() -> None:
    """1830 days after the start is the last end accepted; 1831 is refused (above)."""
    cal = care_calendar([], EFFECTIVE, start=START, end=dt.date(2031, 1, 5))
    assert (cal.start, cal.end, cal.entries, cal.customers) == (START, dt.date(2031, 1, 5), (), 0)
    assert (cal.policy_version, cal.policy_effective) == ("seed", dt.date(2026, 1, 1))


_NEW_YEAR = Festival("new_year", "元旦", "New Year's Day", month=1, day=1)


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: Festival("x", "某节", "x"),
            [("dates", "'none'", "a fixed month and day, or the festival's dates")],
            id="neither-a-day-nor-dates",
        ),
        pytest.param(
            lambda: Festival("x", "某节", "x", month=1, day=1, dates=frozenset({START})),
            [("dates", "'1 date(s)'", "no dates for a fixed-date festival")],
            id="a-fixed-day-and-dates",
        ),
        pytest.param(
            lambda: Festival("x", "某节", "x", month=2),
            [("day", None, "a month and a day, both")],
            id="a-month-without-a-day",
        ),
        pytest.param(
            lambda: Festival("x", "某节", "x", day=5),
            [("day", 5, "a month and a day, both")],
            id="a-day-without-a-month",
        ),
        pytest.param(
            lambda: Festival("x", "某节", "x", month=2, day=30),
            [("day", 30, "a day of month 2")],
            id="30-february",
        ),
        pytest.param(
            lambda: CarePolicy(festivals=(_NEW_YEAR, _NEW_YEAR), gifts=()),
            [("festivals[1].name", "'new_year'", "a name used once")],
            id="a-festival-twice",
        ),
        pytest.param(
            lambda: CarePolicy(gifts=(GiftRow(Grade.B), GiftRow(Grade.A), GiftRow(Grade.B))),
            [("gifts[2].grade", "'B'", "a grade listed once")],
            id="a-grade-twice",
        ),
        pytest.param(
            lambda: CarePolicy(festivals=(_NEW_YEAR,), gifts=(GiftRow(Grade.A, frozenset({"x"})),)),
            [("gifts[0].festivals", "'x'", "one of the festivals ['new_year']")],
            id="a-gift-on-an-unknown-festival",
        ),
    ],
)
def test_every_problem_of_the_care_tables(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    assert _policy_problems(call) == problems


def test_29_february_is_a_fixed_festival_day() -> None:
    """The fixed day is checked against a leap year: 29 February exists (28 February in a
    common year, like a birthday)."""
    leap = Festival("leap", "闰日", "Leap day", month=2, day=29)
    assert leap.in_year(2028) == (dt.date(2028, 2, 29),)
    assert leap.in_year(2027) == (dt.date(2027, 2, 28),)


@pytest.mark.parametrize(
    ("year", "problems"),
    [
        (1899, [("year", 1899, "a year from 1900 to 2999")]),
        (3000, [("year", 3000, "a year from 1900 to 2999")]),
        ("2026", [("year", "'2026'", "a year from 1900 to 2999")]),
        (True, [("year", True, "a year from 1900 to 2999")]),
    ],
)
def test_a_festivals_year_is_checked(year: object, problems: list[tuple[str, object, str]]) -> None:
    assert problems_of(lambda: _NEW_YEAR.in_year(year)) == problems  # type: ignore[arg-type]


def test_a_festivals_first_and_last_years() -> None:
    assert _NEW_YEAR.in_year(1900) == (dt.date(1900, 1, 1),)
    assert _NEW_YEAR.in_year(2999) == (dt.date(2999, 1, 1),)
    assert SEED.care.festivals[1].in_year(2999) is None


def _dedicated_rows(cal: CareCalendar) -> list[tuple[object, ...]]:
    return [
        (e.day, e.kind, e.due, e.staff, e.to, e.who, e.reasons[0].code, e.reasons[0].facts)
        for e in cal.entries
        if e.kind in (CareKind.DEDICATED_VISIT, CareKind.REPORT)
    ]


_SALES = (Role.SALESPERSON,)
_REPORT_FACTS = (("customer", "C1"), ("who", _SALES), ("to", Role.SUPERVISOR))


@pytest.mark.parametrize(
    ("customer", "end", "rows"),
    [
        pytest.param(
            CareCustomer(
                "C1",
                BIG,
                Grade.A,
                dedicated_staff="陈小明",
                last_dedicated_visit=dt.date(2025, 12, 1),
            ),
            dt.date(2026, 2, 3),
            [
                (
                    dt.date(2026, 1, 1),
                    CareKind.DEDICATED_VISIT,
                    None,
                    "陈小明",
                    None,
                    _SALES,
                    ServiceReason.S4_DEDICATED,
                    (("customer", "C1"), ("staff", "陈小明"), ("due", None)),
                ),
                (
                    dt.date(2026, 1, 3),
                    CareKind.REPORT,
                    None,
                    "陈小明",
                    Role.SUPERVISOR,
                    _SALES,
                    ServiceReason.S4_REPORT,
                    _REPORT_FACTS,
                ),
                (
                    dt.date(2026, 2, 1),
                    CareKind.DEDICATED_VISIT,
                    None,
                    "陈小明",
                    None,
                    _SALES,
                    ServiceReason.S4_DEDICATED,
                    (("customer", "C1"), ("staff", "陈小明"), ("due", None)),
                ),
                (
                    dt.date(2026, 2, 3),
                    CareKind.REPORT,
                    None,
                    "陈小明",
                    Role.SUPERVISOR,
                    _SALES,
                    ServiceReason.S4_REPORT,
                    _REPORT_FACTS,
                ),
            ],
            id="due-on-the-start-and-a-report-on-the-end",
        ),
        pytest.param(
            CareCustomer(
                "C1",
                BIG,
                Grade.A,
                dedicated_staff="陈小明",
                last_dedicated_visit=dt.date(2025, 11, 15),
            ),
            dt.date(2026, 2, 1),
            [
                (
                    dt.date(2026, 1, 1),
                    CareKind.DEDICATED_VISIT,
                    dt.date(2025, 12, 15),
                    "陈小明",
                    None,
                    _SALES,
                    ServiceReason.S4_DEDICATED_OVERDUE,
                    (("customer", "C1"), ("staff", "陈小明"), ("due", dt.date(2025, 12, 15))),
                ),
                (
                    dt.date(2026, 1, 3),
                    CareKind.REPORT,
                    None,
                    "陈小明",
                    Role.SUPERVISOR,
                    _SALES,
                    ServiceReason.S4_REPORT,
                    _REPORT_FACTS,
                ),
                (
                    dt.date(2026, 2, 1),
                    CareKind.DEDICATED_VISIT,
                    None,
                    "陈小明",
                    None,
                    _SALES,
                    ServiceReason.S4_DEDICATED,
                    (("customer", "C1"), ("staff", "陈小明"), ("due", None)),
                ),
            ],
            id="overdue-and-a-visit-on-the-end",
        ),
        pytest.param(
            CareCustomer("C1", BIG, Grade.A, last_dedicated_visit=dt.date(2025, 11, 15)),
            dt.date(2026, 1, 31),
            [
                (
                    dt.date(2026, 1, 1),
                    CareKind.DEDICATED_VISIT,
                    dt.date(2025, 12, 15),
                    None,
                    None,
                    _SALES,
                    ServiceReason.S4_DEDICATED_NO_STAFF,
                    (("customer", "C1"), ("due", dt.date(2025, 12, 15))),
                ),
                (
                    dt.date(2026, 1, 3),
                    CareKind.REPORT,
                    None,
                    None,
                    Role.SUPERVISOR,
                    _SALES,
                    ServiceReason.S4_REPORT,
                    _REPORT_FACTS,
                ),
            ],
            id="no-staff-overdue",
        ),
        pytest.param(
            A_BIG,
            dt.date(2026, 1, 2),
            [
                (
                    dt.date(2026, 1, 1),
                    CareKind.DEDICATED_VISIT,
                    None,
                    None,
                    None,
                    _SALES,
                    ServiceReason.S4_DEDICATED_NO_STAFF,
                    (("customer", "C1"), ("due", dt.date(2026, 1, 1))),
                ),
            ],
            id="no-staff-never-visited",
        ),
    ],
)
def test_every_field_of_the_dedicated_visits_and_their_reports(
    customer: CareCustomer, end: dt.date, rows: list[tuple[object, ...]]
) -> None:
    """Monthly from the last dedicated visit [default], the report two days after [default];
    a visit due on the first day is not overdue, one due before it is; the last day of the
    range is inside it."""
    cal = care_calendar([customer], SEED, start=START, end=end)
    assert _dedicated_rows(cal) == rows
    rules = {e.reasons[0].rule for e in cal.entries if e.kind is not CareKind.REVISIT}
    assert rules == {"S4"}


def test_the_dedicated_visits_explain_who_when_and_to_whom() -> None:
    c = CareCustomer(
        "C1", BIG, Grade.A, dedicated_staff="陈小明", last_dedicated_visit=dt.date(2025, 11, 15)
    )
    cal = care_calendar([c], SEED, start=START, end=dt.date(2026, 2, 1))
    lines = [
        explain(e, "en")
        for e in cal.entries
        if e.kind in (CareKind.DEDICATED_VISIT, CareKind.REPORT)
    ]
    assert lines == [
        "[S4] C1: dedicated visit by 陈小明, due 2025-12-15: overdue",
        "[S4] C1: the salesperson reports the visit to the supervisor",
        "[S4] C1: dedicated staff 陈小明 visits the A-level big customer",
    ]
    (no_staff,) = [
        e
        for e in care_calendar([A_BIG], SEED, start=START, end=START).entries
        if e.kind is CareKind.DEDICATED_VISIT
    ]
    assert explain(no_staff, "en") == (
        "[S4] C1: an A-level big customer is due a dedicated visit (due 2026-01-01); no"
        " dedicated staff assigned"
    )


def test_dedicated_visits_on_fixed_calendar_days_start_at_the_first_of_them() -> None:
    """With a calendar recurrence (the end of each quarter) and no visit yet, the first
    dedicated visit is the first quarter end of the range, not the range's first day."""
    quarterly = ServicePolicy(care=CarePolicy(dedicated_visit=Recurrence.in_months(3, 6, 9, 12)))
    c = CareCustomer("C1", BIG, Grade.A, dedicated_staff="陈小明")
    cal = care_calendar([c], quarterly, start=dt.date(2026, 1, 10), end=END)
    assert _kinds(cal, CareKind.DEDICATED_VISIT) == [
        dt.date(2026, 3, 31),
        dt.date(2026, 6, 30),
        dt.date(2026, 9, 30),
        dt.date(2026, 12, 31),
    ]
    assert _kinds(cal, CareKind.REPORT) == [
        dt.date(2026, 4, 2),
        dt.date(2026, 7, 2),
        dt.date(2026, 10, 2),
    ]


def test_a_revisit_due_on_the_first_day_is_not_overdue() -> None:
    c = CareCustomer("C1", BIG, Grade.A, last_visit=dt.date(2025, 10, 1))
    cal = care_calendar([c], SEED, start=START, end=END)
    revisits = [(e.day, e.due, e.months) for e in cal.entries if e.kind is CareKind.REVISIT]
    assert revisits == [
        (dt.date(2026, 1, 1), None, 3),
        (dt.date(2026, 4, 1), None, 3),
        (dt.date(2026, 7, 1), None, 3),
        (dt.date(2026, 10, 1), None, 3),
    ]


def test_a_pair_without_a_row_in_the_g4_table_has_no_revisits() -> None:
    """G4 "a pair with no row has no tier": the calendar lists no revisit for it."""
    (big_a,) = [t for t in GradingPolicy().service.tiers if (t.category, t.grade) == (BIG, Grade.A)]
    only_big_a = GradingPolicy(service=ServiceTierPolicy(tiers=(big_a,)))
    c = CareCustomer("C1", ORD, Grade.B, last_visit=dt.date(2025, 12, 20))
    cal = care_calendar([c], SEED, start=START, end=END, grading=only_big_a)
    assert _kinds(cal, CareKind.REVISIT) == []


def test_a_birthday_gift_is_stored_with_the_birthday_occasion() -> None:
    a = CareCustomer("CA", ORD, Grade.A, birthday=dt.date(1970, 3, 8))
    cal = care_calendar([a], SEED, start=dt.date(2026, 3, 8), end=dt.date(2026, 3, 8))
    greetings = [e for e in cal.entries if e.kind in (CareKind.BIRTHDAY, CareKind.GIFT)]
    assert [(e.kind, e.occasion) for e in greetings] == [
        (CareKind.BIRTHDAY, None),
        (CareKind.GIFT, Term("birthday", "生日", "birthday")),
    ]
    assert explain(greetings[1], "en") == "[S4] CA: birthday gift for grade A (important)"


def test_greetings_every_year_of_a_longer_range_and_a_gap_year_between() -> None:
    """A birthday recurs each year of the range, up to its last day; a dated festival missing
    one year is reported for that year and still greeted in the years after it."""
    fair = Festival(
        "fair",
        "交易会",
        "Trade fair",
        dates=frozenset({dt.date(2026, 5, 10), dt.date(2028, 5, 10)}),
    )
    p = ServicePolicy(care=CarePolicy(festivals=(fair,), gifts=()))
    c = CareCustomer("C1", ORD, Grade.C, birthday=dt.date(1970, 3, 8))
    cal = care_calendar([c], p, start=START, end=dt.date(2028, 3, 8))
    assert [(e.day, e.kind) for e in cal.entries] == [
        (dt.date(2026, 3, 8), CareKind.BIRTHDAY),
        (dt.date(2026, 5, 10), CareKind.HOLIDAY),
        (dt.date(2027, 3, 8), CareKind.BIRTHDAY),
        (dt.date(2028, 3, 8), CareKind.BIRTHDAY),
    ]
    assert [(g.festival.name, g.year) for g in cal.gaps] == [("fair", 2027)]
    later = care_calendar([c], p, start=START, end=dt.date(2028, 12, 31))
    assert _kinds(later, CareKind.HOLIDAY) == [dt.date(2026, 5, 10), dt.date(2028, 5, 10)]


def test_festivals_on_the_same_day_are_listed_by_name() -> None:
    """Sorted by day, customer, kind, then the occasion's stored name — not the table's
    order."""
    zeta = Festival("zeta", "乙节", "Zeta day", month=5, day=1)
    alpha = Festival("alpha", "甲节", "Alpha day", month=5, day=1)
    p = ServicePolicy(
        care=CarePolicy(
            festivals=(zeta, alpha), gifts=(GiftRow(Grade.C, frozenset({"zeta", "alpha"})),)
        )
    )
    no_revisits = CareCustomer("C1", ORD, Grade.C)
    cal = care_calendar([no_revisits], p, start=dt.date(2026, 5, 1), end=dt.date(2026, 5, 1))
    assert [(e.kind, e.occasion.name if e.occasion else None) for e in cal.entries] == [
        (CareKind.HOLIDAY, "alpha"),
        (CareKind.HOLIDAY, "zeta"),
        (CareKind.GIFT, "alpha"),
        (CareKind.GIFT, "zeta"),
    ]
