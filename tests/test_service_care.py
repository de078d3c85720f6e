"""S4 — the revisit and care calendar (003 §6.1.2 via G4, §[管理制度]大客户管理制度 第三章,
§集团内部客户管理制度范本 第十一条, §公司客户管理制度 (2nd) 三.5)."""

from __future__ import annotations

import datetime as dt
import json

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
    care_calendar,
)
from customer_rules.testing import care_customers, days

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
