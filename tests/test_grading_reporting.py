"""G5 — reporting cadence: the seed's cases on both sides of each boundary, and properties."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import PolicyBook
from customer_rules._grading.codes import GradingReason
from customer_rules._grading.model import Grade
from customer_rules._grading.policy import GradingPolicy
from customer_rules._grading.reporting import (
    EmergencyReport,
    ReportingPolicy,
    ReportSchedule,
    _months_check,
    emergency_report,
    report_schedule,
    weekly_report,
    weekly_report_due,
)
from customer_rules.calendars import (
    CALENDAR_DAYS,
    Deadline,
    DeadlineMode,
    Weekday,
    WorkingDayCalendar,
)
from customer_rules.cn_calendar import china_working_days
from customer_rules.dates import EARLIEST, LATEST, SHANGHAI, month_end
from customer_rules.errors import (
    CalendarCoverageError,
    CustomerRulesError,
    InputError,
    PolicyError,
    Problem,
)
from customer_rules.reasons import Reason, explain, find_reason, render_reason
from customer_rules.roles import Role
from customer_rules.settings import from_mapping
from customer_rules.testing import malformed_values

D = dt.date
SEED = GradingPolicy()
WORKING = ReportingPolicy(
    supervisor_deadline=Deadline(2, DeadlineMode.WORKING_DAYS),
    manager_deadline=Deadline(5, DeadlineMode.WORKING_DAYS, count_start_day=True),
)


def with_reporting(reporting: ReportingPolicy) -> GradingPolicy:
    return GradingPolicy(version="test", reporting=reporting)


G5_CODES = {m for m in GradingReason if m.value.startswith("G5.")}
CHAIN_CODES = {m for m in G5_CODES if m.value.startswith("G5.chain.")}


def codes(result: ReportSchedule | EmergencyReport) -> list[str]:
    return [r.code for r in result.reasons]


def reason(result: Any, code: GradingReason) -> Reason:
    found = find_reason(result, code)
    assert found is not None, f"no {code} in {codes(result)}"
    return found


def chain_step(s: ReportSchedule, who: Role) -> Reason:
    """The reason of one step of the deadline chain, by who presents the report."""
    (step,) = [r for r in s.reasons if r.code in CHAIN_CODES and r.fact("who") is who]
    return step


def month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def end_of(index: int) -> dt.date:
    """The last day of a month given as ``year * 12 + month - 1`` (any year, unlike
    ``customer_rules.dates.month_end``, which keeps to the supported range)."""
    year, month0 = divmod(index, 12)
    return dt.date(year, month0 + 1, calendar.monthrange(year, month0 + 1)[1])


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
    """G5 "A等级:6个月一次(每年9月、3月", "B等级:3个月一次(每年1月、4月、7月、10月", "C等级:每月
    一次", "书面报告于每月底": on a reporting month's last day that month's report is due, the
    day after the next reporting month's."""
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
    assert find_reason(s, GradingReason.G5_MONTHS) is None
    d = reason(s, GradingReason.G5_MONTHS_D)
    assert render_reason(d, "zh") == (
        "[G5] D等级(未达C级)定期书面报告月份:每年 1、2、3、4、5、6、7、8、9、10、11、12 月"
        "(制度未设D等级,按本库默认);本次报告月截至 2026-06-30"
    )
    assert render_reason(d, "en") == (
        "[G5] grade D (below C) reports in writing in months 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,"
        " 12 (the seed has no grade D: library default); this report's month ends 2026-06-30"
    )
    c = report_schedule(Grade.C, SEED, on=D(2026, 6, 15))
    assert find_reason(c, GradingReason.G5_MONTHS_D) is None
    assert reason(c, GradingReason.G5_MONTHS).fact("grade") is Grade.C


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
    assert explain(s, "zh").splitlines() == [
        "[G5] A等级(重要客户)定期书面报告月份:每年 3、9 月;本次报告月截至 2026-03-31",
        "[G5] 书面报告于每月底向主管上级提示:业务员截止 2026-03-31",
        "[G5] 主管上级自 2026-03-31 次日起算 2 个自然日内向业务部经理提示,截止 2026-04-02",
        "[G5] 未提供业务部经理收到日期,按主管上级截止日 2026-04-02 起算",
        "[G5] 业务部经理自 2026-04-02 当天起算 5 个自然日内向主管副总经理提示,截止 2026-04-06",
        "[G5] 主管副总经理阅览后送交总经理;制度未规定此步期限",
    ]
    assert explain(s, "en").splitlines() == [
        "[G5] grade A (important) reports in writing in months 3, 9; this report's month ends"
        " 2026-03-31",
        "[G5] the salesperson's written report is due to the supervisor at the month end:"
        " 2026-03-31",
        "[G5] the supervisor presents it to the sales manager within 2 calendar day(s), counting"
        " the day after 2026-03-31 as day 1: due 2026-04-02",
        "[G5] no receipt date given: the sales manager's deadline counts from the supervisor's"
        " due date 2026-04-02",
        "[G5] the sales manager presents it to the vp in charge within 5 calendar day(s),"
        " counting 2026-04-02 itself as day 1: due 2026-04-06",
        "[G5] the vp in charge reads it and passes it to the general manager; the seed sets no"
        " deadline for this step",
    ]


def test_g5_report_to_manager_on_the_3rd_is_late() -> None:
    """G5 "主管上级从第2天算起2日内向业务部经理提示": the day after the month end is day 1 —
    presenting on the 2nd is on time, on the 3rd late."""
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
    """G5 "业务部经理从收到当天算起5日内向主管副总经理提示": the day of receipt is day 1 — due on
    receipt + 4; presenting that day is on time, the day after late."""
    deadline = SEED.reporting.manager_deadline
    assert deadline.is_met(received, due)
    assert not deadline.is_met(received, due + dt.timedelta(days=1))
    s = report_schedule(Grade.C, SEED, on=D(2026, 3, 1), manager_received=received)
    assert s.manager_received == received
    assert s.manager_start == received
    assert s.manager_due == due
    assert "G5.received" in codes(s)
    assert find_reason(s, GradingReason.G5_RECEIVED_ASSUMED) is None
    got = reason(s, GradingReason.G5_RECEIVED)
    assert render_reason(got, "zh") == f"[G5] 业务部经理于 {received.isoformat()} 收到报告"
    assert render_reason(got, "en") == (
        f"[G5] the sales manager received the report on {received.isoformat()}"
    )


def test_g5_other_readings_are_parameters() -> None:
    other = with_reporting(
        ReportingPolicy(supervisor_deadline=Deadline(3), manager_deadline=Deadline(5))
    )
    s = report_schedule(Grade.A, other, on=D(2026, 3, 31), manager_received=D(2026, 4, 2))
    assert s.supervisor_due == D(2026, 4, 3)  # counting starts on the 2nd, due the 3rd
    assert s.manager_due == D(2026, 4, 7)  # receipt + 5
    assert s.policy_version == "test"
    assert render_reason(chain_step(s, Role.SALES_MANAGER), "zh") == (
        "[G5] 业务部经理自 2026-04-02 次日起算 5 个自然日内向主管副总经理提示,截止 2026-04-07"
    )


def test_g5_offset_reading_covers_the_period_ending_then() -> None:
    covered = with_reporting(ReportingPolicy(due_offset_months=1))
    # the March period of an A customer is due at the end of April
    s = report_schedule(Grade.A, covered, on=D(2026, 4, 15))
    assert (s.period_end, s.next_due, s.supervisor_due) == (
        D(2026, 3, 31),
        D(2026, 4, 30),
        D(2026, 5, 2),
    )
    assert find_reason(s, GradingReason.G5_WRITTEN) is None
    written = reason(s, GradingReason.G5_WRITTEN_OFFSET)
    assert render_reason(written, "zh") == (
        "[G5] 书面报告涵盖截至 2026-03-31 的期间,顺延 1 个月于月底提交:业务员截止 2026-04-30"
    )
    assert render_reason(written, "en") == (
        "[G5] the written report covers the period ending 2026-03-31 and is due 1 month(s)"
        " later, at the month end: 2026-04-30"
    )
    assert report_schedule(Grade.A, covered, on=D(2026, 4, 30)).next_due == D(2026, 4, 30)
    assert report_schedule(Grade.A, covered, on=D(2026, 5, 1)).next_due == D(2026, 10, 31)
    assert report_schedule(Grade.A, covered, on=D(2026, 3, 15)).next_due == D(2026, 4, 30)


def test_g5_vp_step_has_no_deadline_in_the_seed() -> None:
    s = report_schedule(Grade.B, SEED, on=D(2026, 1, 5))
    vp = reason(s, GradingReason.G5_VP)
    assert (vp.fact("who"), vp.fact("to")) == (Role.VP_IN_CHARGE, Role.GENERAL_MANAGER)
    assert render_reason(vp, "zh") == "[G5] 主管副总经理阅览后送交总经理;制度未规定此步期限"
    assert render_reason(vp, "en") == (
        "[G5] the vp in charge reads it and passes it to the general manager; the seed sets no"
        " deadline for this step"
    )


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
    supervisor = chain_step(s, Role.SUPERVISOR)
    manager = chain_step(s, Role.SALES_MANAGER)
    assert render_reason(supervisor, "zh") == (
        "[G5] 主管上级自 2026-09-30 次日起算 2 个工作日内向业务部经理提示,截止 2026-10-09"
    )
    assert render_reason(supervisor, "en") == (
        "[G5] the supervisor presents it to the sales manager within 2 working day(s), counting"
        " the day after 2026-09-30 as day 1: due 2026-10-09"
    )
    assert render_reason(manager, "zh") == (
        "[G5] 业务部经理自 2026-10-09 当天起算 5 个工作日内向主管副总经理提示,截止 2026-10-14"
    )
    assert render_reason(manager, "en") == (
        "[G5] the sales manager presents it to the vp in charge within 5 working day(s),"
        " counting 2026-10-09 itself as day 1: due 2026-10-14"
    )


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
    assert [r.code for r in s.reasons if r.code in CHAIN_CODES] == [
        GradingReason.G5_CHAIN_NEXT_CALENDAR_THEN_ROLL,
        GradingReason.G5_CHAIN_SAME_CALENDAR_THEN_ROLL,
    ]
    assert render_reason(chain_step(s, Role.SUPERVISOR), "zh") == (
        "[G5] 主管上级自 2026-09-30 次日起算 2 个自然日(截止日遇休息日顺延)内向业务部经理提示,"
        "截止 2026-10-08"
    )
    assert render_reason(chain_step(s, Role.SUPERVISOR), "en") == (
        "[G5] the supervisor presents it to the sales manager within 2 calendar day(s), a due"
        " date on a rest day moving to the next working day, counting the day after 2026-09-30"
        " as day 1: due 2026-10-08"
    )
    assert render_reason(chain_step(s, Role.SALES_MANAGER), "zh") == (
        "[G5] 业务部经理自 2026-10-08 当天起算 5 个自然日(截止日遇休息日顺延)内向主管副总经理"
        "提示,截止 2026-10-12"
    )
    assert render_reason(chain_step(s, Role.SALES_MANAGER), "en") == (
        "[G5] the sales manager presents it to the vp in charge within 5 calendar day(s), a due"
        " date on a rest day moving to the next working day, counting 2026-10-08 itself as"
        " day 1: due 2026-10-12"
    )


def test_g5_working_day_calendar_outside_its_years() -> None:
    only_2026 = WorkingDayCalendar(holidays=(), makeup_workdays=(), covered_years=(2026,))
    policy = with_reporting(WORKING)
    s = report_schedule(Grade.C, policy, on=D(2026, 11, 2), calendar=only_2026)
    assert (s.next_due, s.supervisor_due, s.manager_due) == (
        D(2026, 11, 30),
        D(2026, 12, 2),
        D(2026, 12, 8),
    )
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
    """G5 "每周向主管上级口头报告": the next report day on or after ``on`` — a Friday itself is
    that day's report, the Saturday after waits a week."""
    assert weekly_report_due(SEED, on=on) == due
    w = weekly_report(SEED, on=on)
    assert (w.due, w.weekday, w.policy_version) == (due, 5, "seed")
    assert explain(w, "zh") == (
        "[G5] 日常报告:每周向主管上级口头报告;报告日为周五(制度未规定星期几,按政策参数),"
        f"下次 {due.isoformat()}"
    )
    assert explain(w, "en") == (
        "[G5] daily report: oral, weekly, to the supervisor; report day Friday (the seed names"
        f" no day: policy parameter), next on {due.isoformat()}"
    )
    weekly = reason(w, GradingReason.G5_WEEKLY)
    assert (weekly.rule, weekly.fact("weekday")) == ("G5", Weekday.FRIDAY)


def test_g5_weekly_weekday_is_a_parameter() -> None:
    monday = with_reporting(ReportingPolicy(weekly_report_weekday=1))
    assert weekly_report_due(monday, on=D(2026, 4, 7)) == D(2026, 4, 13)
    assert explain(weekly_report(monday, on=D(2026, 4, 7)), "zh") == (
        "[G5] 日常报告:每周向主管上级口头报告;报告日为周一(制度未规定星期几,按政策参数),"
        "下次 2026-04-13"
    )


def test_g5_emergency_report_is_due_at_once() -> None:
    at = dt.datetime(2026, 4, 1, 9, 30, tzinfo=SHANGHAI)
    e = emergency_report(at)
    assert e.due == at
    assert e.to is Role.SUPERVISOR
    assert [r.rule for r in e.reasons] == ["G5", "C6"]
    assert explain(e, "zh").splitlines() == [
        "[G5] 紧急报告:应以最快速方式(口头或电话)在最短时间内向主管上级报告,即时截止"
        "(2026-04-01T09:30:00+08:00)",
        "[C6] 客户拒付、可能拒付货款或发生其他紧急事件时须紧急报告",
    ]
    assert explain(e, "en").splitlines() == [
        "[G5] emergency report: orally or by phone to the supervisor at once, due immediately"
        " (2026-04-01T09:30:00+08:00)",
        "[C6] a customer refusing or likely to refuse payment, or another emergency, requires"
        " an emergency report",
    ]


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
        ({"on": D(1899, 12, 31)}, "on"),
        ({"manager_received": D(3000, 1, 1)}, "manager_received"),
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


BAD_REPORTING: dict[str, Any] = {
    "a_months": (),
    "b_months": (4, 1),
    "c_months": (0, 13),
    "due_offset_months": -1,
    "supervisor_deadline": {"days": 400},
    "manager_deadline": "5 days",
    "weekly_report_weekday": 8,
}


def test_g5_policy_collects_every_problem() -> None:
    with pytest.raises(PolicyError) as info:
        ReportingPolicy(**BAD_REPORTING)
    paths = [p.path for p in info.value.problems]
    assert sorted(paths) == [
        "a_months",
        "b_months[1]",
        "c_months[0]",
        "c_months[1]",
        "due_offset_months",
        "manager_deadline",
        "supervisor_deadline.days",
        "weekly_report_weekday",
    ]
    messages = {p.path: p.message for p in info.value.problems}
    assert messages["b_months[1]"] == "expected more than b_months[0] (4), got 1"
    assert messages["c_months[1]"] == "expected a number from 1 to 12, got 13"
    with pytest.raises(PolicyError) as built:
        ReportingPolicy(supervisor_deadline=Deadline(400))
    assert [p.path for p in built.value.problems] == ["days"]


def test_g5_policy_problems_from_python_equal_those_from_a_mapping() -> None:
    with pytest.raises(PolicyError) as python:
        ReportingPolicy(**BAD_REPORTING)
    with pytest.raises(PolicyError) as mapping:
        from_mapping(ReportingPolicy, BAD_REPORTING)
    assert python.value.problems == mapping.value.problems


@pytest.mark.parametrize(
    ("kwargs", "paths"),
    [
        ({"a_months": [None]}, ["a_months[0]"]),
        ({"a_months": [[3], "9"]}, ["a_months[0]"]),
        ({"a_months": [3, 9, 9]}, ["a_months[2]"]),
        ({"c_months": {"1": 1}}, ["c_months"]),
        ({"due_offset_months": "one"}, ["due_offset_months"]),
        ({"due_offset_months": 1.5}, ["due_offset_months"]),
        ({"supervisor_deadline": None}, ["supervisor_deadline"]),
        ({"supervisor_deadline": 2}, ["supervisor_deadline"]),
        ({"supervisor_deadline": {"days": 2, "mode": "x"}}, ["supervisor_deadline.mode"]),
        (
            {"manager_deadline": {"days": "5", "count_start_day": "maybe", "weeks": 1}},
            ["manager_deadline.weeks", "manager_deadline.count_start_day"],
        ),
        ({"weekly_report_weekday": "Friday"}, ["weekly_report_weekday"]),
        ({"weekly_report_weekday": 0}, ["weekly_report_weekday"]),
    ],
)
def test_g5_wrong_nested_types_are_problems_at_their_path(
    kwargs: dict[str, Any], paths: list[str]
) -> None:
    with pytest.raises(PolicyError) as python:
        ReportingPolicy(**kwargs)
    assert [p.path for p in python.value.problems] == paths
    with pytest.raises(PolicyError) as mapping:
        from_mapping(ReportingPolicy, kwargs)
    assert mapping.value.problems == python.value.problems


def test_g5_policy_accepts_numeric_strings_and_tables() -> None:
    given = ReportingPolicy(
        a_months=["3", " 9 "],  # type: ignore[list-item]
        due_offset_months="0",  # type: ignore[arg-type]
        supervisor_deadline={"days": "2"},  # type: ignore[arg-type]
        manager_deadline={"days": 5, "count_start_day": "是"},  # type: ignore[arg-type]
        weekly_report_weekday="5",  # type: ignore[arg-type]
    )
    assert given == ReportingPolicy()
    assert from_mapping(ReportingPolicy, {"b_months": ["1", "4", "7", "10"]}) == ReportingPolicy()


def test_g5_deadline_refuses_a_bad_mode_and_flag() -> None:
    with pytest.raises(PolicyError):
        Deadline(2, mode="x")  # type: ignore[arg-type]
    with pytest.raises(PolicyError):
        Deadline(2, count_start_day="maybe")  # type: ignore[arg-type]


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
    period = month_index(s.period_end)
    assert s.months == p.months(s.grade)
    assert s.period_end.month in s.months
    assert s.period_end == end_of(period)
    assert s.next_due == end_of(period + p.due_offset_months)
    assert s.next_due >= on
    assert s.next_due <= s.supervisor_due <= s.manager_due
    if s.manager_received is None:
        assert s.manager_start == s.supervisor_due
    # the first reporting month still due: the one before it was due before `on`
    for back in range(1, 13):
        if (period - back) % 12 + 1 in s.months:
            assert end_of(period - back + p.due_offset_months) < on
            break
    # reasons cite G5 and carry the facts used
    assert {r.rule for r in s.reasons} == {"G5"}
    assert {r.code for r in s.reasons} <= G5_CODES
    months_code = GradingReason.G5_MONTHS_D if s.grade is Grade.D else GradingReason.G5_MONTHS
    months = reason(s, months_code)
    assert months.fact("months") == s.months
    assert months.fact("grade") is s.grade
    written_code = (
        GradingReason.G5_WRITTEN_OFFSET if p.due_offset_months else GradingReason.G5_WRITTEN
    )
    assert reason(s, written_code).fact("due") == s.next_due
    supervisor = chain_step(s, Role.SUPERVISOR)
    manager = chain_step(s, Role.SALES_MANAGER)
    assert (supervisor.fact("start"), supervisor.fact("due")) == (s.next_due, s.supervisor_due)
    assert (manager.fact("start"), manager.fact("due")) == (s.manager_start, s.manager_due)
    if not p.due_offset_months:
        assert render_reason(reason(s, written_code), "zh") == (
            f"[G5] 书面报告于每月底向主管上级提示:业务员截止 {s.next_due.isoformat()}"
        )
    assert render_reason(supervisor, "en").endswith(f": due {s.supervisor_due.isoformat()}")
    assert render_reason(manager, "zh").endswith(f",截止 {s.manager_due.isoformat()}")


@given(grades, days)
def test_g5_seed_total_and_never_before_the_month_end(grade: Grade, on: dt.date) -> None:
    s = report_schedule(grade, SEED, on=on)
    assert s.next_due >= month_end(on)
    assert s.next_due <= end_of(month_index(on) + 11)
    check_schedule(s, SEED, on)


@given(grades, st.dates(min_value=EARLIEST, max_value=D(LATEST.year - 1, 11, 30)))
def test_g5_total_over_the_whole_supported_range(grade: Grade, on: dt.date) -> None:
    assert report_schedule(grade, SEED, on=on).next_due >= on


@pytest.mark.parametrize("grade", list(Grade))
def test_g5_schedules_at_the_ends_of_the_supported_range(grade: Grade) -> None:
    last_year = with_reporting(ReportingPolicy(due_offset_months=12))
    first = report_schedule(grade, last_year, on=EARLIEST)  # a period of 1899: still an answer
    assert first.next_due == (D(1900, 3, 31) if grade is Grade.A else D(1900, 1, 31))
    assert first.period_end.year == 1899
    check_schedule(first, last_year, EARLIEST)
    with pytest.raises(InputError) as info:
        report_schedule(grade, SEED, on=LATEST)  # the chain would start in 3000
    assert info.value.field == "on"
    late = report_schedule(grade, SEED, on=D(LATEST.year, 3, 1), manager_received=LATEST)
    assert late.manager_due == D(3000, 1, 4)


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
    received = max(s.period_end.replace(day=1), EARLIEST) + dt.timedelta(days=after)
    r = report_schedule(grade, policy, on=on, manager_received=received)
    assert r.manager_start == received
    assert r.manager_due >= received
    assert r.manager_due == policy.reporting.manager_deadline.due(received, CALENDAR_DAYS)
    assert (r.next_due, r.supervisor_due) == (s.next_due, s.supervisor_due)
    assert find_reason(r, GradingReason.G5_RECEIVED_ASSUMED) is None
    assert render_reason(reason(r, GradingReason.G5_RECEIVED), "en") == (
        f"[G5] the sales manager received the report on {received.isoformat()}"
    )


@given(days, st.integers(1, 7))
def test_g5_weekly_is_the_next_such_weekday(on: dt.date, weekday: int) -> None:
    policy = with_reporting(ReportingPolicy(weekly_report_weekday=weekday))
    w = weekly_report(policy, on=on)
    assert w.due.isoweekday() == weekday
    assert on <= w.due < on + dt.timedelta(days=7)
    assert w.due == weekly_report_due(policy, on=on)
    assert explain(w, "en") == (
        f"[G5] daily report: oral, weekly, to the supervisor; report day {Weekday(weekday).en}"
        f" (the seed names no day: policy parameter), next on {w.due.isoformat()}"
    )


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
    assert render_reason(reason(e, GradingReason.G5_EMERGENCY), "en") == (
        "[G5] emergency report: orally or by phone to the supervisor at once, due immediately"
        f" ({at.isoformat()})"
    )


# --- G5: every code rendered, reasons as data, policy argument, fuzz ---------------------------


def test_every_g5_code_is_rendered_above() -> None:
    """The examples above render every G5 code in both languages (keep this list in step)."""
    assert {
        GradingReason.G5_CHAIN_NEXT_CALENDAR_DAYS,  # march report chain
        GradingReason.G5_CHAIN_NEXT_CALENDAR_THEN_ROLL,  # calendar then roll
        GradingReason.G5_CHAIN_NEXT_WORKING_DAYS,  # across National Day
        GradingReason.G5_CHAIN_SAME_CALENDAR_DAYS,  # march report chain
        GradingReason.G5_CHAIN_SAME_CALENDAR_THEN_ROLL,  # calendar then roll
        GradingReason.G5_CHAIN_SAME_WORKING_DAYS,  # across National Day
        GradingReason.G5_EMERGENCY,
        GradingReason.G5_EMERGENCY_C6,
        GradingReason.G5_MONTHS,  # march report chain
        GradingReason.G5_MONTHS_D,
        GradingReason.G5_RECEIVED,
        GradingReason.G5_RECEIVED_ASSUMED,  # march report chain
        GradingReason.G5_VP,
        GradingReason.G5_WEEKLY,
        GradingReason.G5_WRITTEN,  # march report chain
        GradingReason.G5_WRITTEN_OFFSET,
    } == G5_CODES


@pytest.mark.parametrize("count_start_day", [False, True])
@pytest.mark.parametrize("mode", list(DeadlineMode))
def test_g5_chain_code_by_reading(count_start_day: bool, mode: DeadlineMode) -> None:
    deadline = Deadline(3, mode, count_start_day)
    policy = with_reporting(
        ReportingPolicy(supervisor_deadline=deadline, manager_deadline=deadline)
    )
    s = report_schedule(Grade.C, policy, on=D(2026, 3, 2), calendar=china_working_days())
    expected = f"G5.chain.{'same' if count_start_day else 'next'}.{mode.value}"
    assert chain_step(s, Role.SUPERVISOR).code == expected
    assert chain_step(s, Role.SALES_MANAGER).code == expected


def test_g5_reasons_round_trip_as_data() -> None:
    at = dt.datetime(2026, 4, 1, 9, 30, tzinfo=SHANGHAI)
    results: list[Any] = [
        report_schedule(Grade.D, SEED, on=D(2026, 6, 15), manager_received=D(2026, 7, 1)),
        weekly_report(SEED, on=D(2026, 4, 6)),
        emergency_report(at),
    ]
    for result in results:
        for item in result.reasons:
            assert Reason.from_data(item.to_data("zh")) == item


@pytest.mark.parametrize("policy", [None, PolicyBook(), "seed", ReportingPolicy()])
def test_g5_policy_must_be_a_grading_policy(policy: object) -> None:
    for call in (
        lambda: report_schedule(Grade.A, policy, on=D(2026, 3, 1)),  # type: ignore[arg-type]
        lambda: weekly_report(policy, on=D(2026, 3, 1)),  # type: ignore[arg-type]
        lambda: weekly_report_due(policy, on=D(2026, 3, 1)),  # type: ignore[arg-type]
    ):
        with pytest.raises(InputError) as info:
            call()
        assert info.value.field == "policy"


JUNK = malformed_values()


def arg(*valid: object) -> st.SearchStrategy[Any]:
    return st.one_of(JUNK, st.sampled_from(valid))


@given(
    arg(*Grade),
    arg(SEED, with_reporting(ReportingPolicy(due_offset_months=12))),
    arg(D(2026, 3, 1), EARLIEST, LATEST),
    arg(CALENDAR_DAYS),
    arg(None, D(2026, 3, 31), LATEST),
)
def test_g5_report_schedule_fuzz(grade: Any, policy: Any, on: Any, cal: Any, received: Any) -> None:
    try:
        s = report_schedule(grade, policy, on=on, calendar=cal, manager_received=received)
    except CustomerRulesError:
        return
    explain(s, "en")


@given(arg(SEED), arg(D(2026, 3, 1), EARLIEST, LATEST))
def test_g5_weekly_fuzz(policy: Any, on: Any) -> None:
    for call in (weekly_report, weekly_report_due):
        with contextlib.suppress(CustomerRulesError):
            call(policy, on=on)


@given(
    st.one_of(
        JUNK,
        st.datetimes(timezones=st.sampled_from([SHANGHAI, dt.UTC])),
        st.datetimes(),
    )
)
def test_g5_emergency_fuzz(at: Any) -> None:
    with contextlib.suppress(CustomerRulesError):
        emergency_report(at)


@given(
    arg((3, 9), [1, "4"]),
    arg((1, 4, 7, 10)),
    arg(tuple(range(1, 13))),
    arg((12,)),
    arg(0, 1, "12"),
    arg(Deadline(2), {"days": 3}),
    arg(Deadline(5, count_start_day=True), {"days": "5", "mode": "working_days"}),
    arg(5, "7"),
)
def test_g5_reporting_policy_fuzz(
    a: Any, b: Any, c: Any, d: Any, offset: Any, sup: Any, mgr: Any, weekday: Any
) -> None:
    try:
        policy = ReportingPolicy(a, b, c, d, offset, sup, mgr, weekday)
    except CustomerRulesError:
        return
    for grade in Grade:
        assert policy.months(grade)


@given(arg(*Grade))
def test_g5_months_fuzz(grade: Any) -> None:
    with contextlib.suppress(CustomerRulesError):
        ReportingPolicy().months(grade)


# --------------------------------------------------------------------------- errors, field by field

_BEYOND = (
    "a date far enough before 2999-12-31, the last supported day, that the salesperson's due"
    " date (and the supervisor's, when no receipt date is given) is not after it"
)


@pytest.mark.parametrize(
    ("call", "field", "given", "expected"),
    [
        (
            lambda: report_schedule("A", SEED, on=D(2026, 1, 1)),  # type: ignore[arg-type]
            "grade",
            "A",
            "a Grade (A, B, C or D)",
        ),
        (
            lambda: SEED.reporting.months("A"),  # type: ignore[arg-type]
            "grade",
            "A",
            "a Grade (A, B, C or D)",
        ),
        (
            lambda: report_schedule(Grade.A, SEED, on=D(2026, 1, 1), calendar="x"),  # type: ignore[arg-type]
            "calendar",
            "x",
            "a Calendar, e.g. CALENDAR_DAYS",
        ),
        (  # the calendar is checked before the dates the schedule counts with it
            lambda: report_schedule(
                Grade.A, SEED, on=D(2026, 4, 1), calendar="x", manager_received=D(2026, 8, 31)
            ),  # type: ignore[arg-type]
            "calendar",
            "x",
            "a Calendar, e.g. CALENDAR_DAYS",
        ),
        (  # A reports for March and September: on 2026-04-01 the month is September
            lambda: report_schedule(
                Grade.A, SEED, on=D(2026, 4, 1), manager_received=D(2026, 8, 31)
            ),
            "manager_received",
            D(2026, 8, 31),
            "a date on or after 2026-09-01, the start of the reporting month of this schedule",
        ),
        (  # A's next report month is March 3000: its due date is past the last supported day
            lambda: report_schedule(Grade.A, SEED, on=D(2999, 12, 1)),
            "on",
            D(2999, 12, 1),
            _BEYOND,
        ),
        (  # D's report is due 2999-12-31, but the supervisor's deadline falls in 3000
            lambda: report_schedule(Grade.D, SEED, on=D(2999, 12, 1)),
            "on",
            D(2999, 12, 1),
            _BEYOND,
        ),
    ],
)
def test_g5_input_errors_keep_field_given_and_expected(
    call: Any, field: str, given: object, expected: str
) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert (info.value.field, info.value.given, info.value.expected) == (field, given, expected)


def test_g5_a_report_due_on_the_last_supported_day_is_scheduled() -> None:
    """G5: D reports every month; on 2999-12-01 its report is due 2999-12-31 — the last
    supported day itself is a due date — and with the manager's receipt date given, the
    chain starts from it (5 days: 2999-12-24)."""
    s = report_schedule(Grade.D, SEED, on=D(2999, 12, 1), manager_received=D(2999, 12, 20))
    assert (s.next_due, s.manager_start, s.manager_due) == (
        D(2999, 12, 31),
        D(2999, 12, 20),
        D(2999, 12, 24),
    )


def test_g5_month_lists_are_checked_in_calendar_order() -> None:
    """G5: a grade's reporting months in calendar order without repeats; each problem names
    the item, what it had to exceed and what it was. (The check is built per field when the
    module is imported; it is built here again so that the builder itself is tested.)"""
    check = _months_check("a_months")
    assert check.fields == ("a_months",)  # type: ignore[attr-defined]
    assert list(check(SimpleNamespace(a_months=(3, 9)))) == []
    assert list(check(SimpleNamespace(a_months=(9, 3, 3)))) == [
        Problem("a_months[1]", "expected more than a_months[0] (9), got 3", 3, "> 9"),
        Problem("a_months[2]", "expected more than a_months[1] (3), got 3", 3, "> 3"),
    ]
    with pytest.raises(PolicyError) as info:
        ReportingPolicy(a_months=(9, 3))
    assert [p.path for p in info.value.problems] == ["a_months[1]"]


def test_a_grades_recurrence_is_its_report_months_and_nothing_else_is_one() -> None:
    """G5: each grade's report months as a recurrence; anything but a Grade is refused at
    ``grade``."""
    from customer_rules.errors import InputError
    from customer_rules.grading import Grade, ReportingPolicy

    policy = ReportingPolicy()
    assert policy.recurrence(Grade.B).first_on_or_after(dt.date(2026, 2, 1)) == dt.date(2026, 4, 30)
    assert policy.recurrence(Grade.A).first_on_or_after(dt.date(2026, 4, 1)) == dt.date(2026, 9, 30)
    with pytest.raises(InputError) as info:
        policy.recurrence("B")  # type: ignore[arg-type]
    (problem,) = info.value.problems
    assert (problem.path, problem.given, problem.expected) == (
        "grade",
        "'B'",
        "a Grade (A, B, C or D)",
    )
    for unhashable in (["B"], {"grade": "B"}):  # refused by name, never a raw TypeError
        with pytest.raises(InputError) as info:
            policy.recurrence(unhashable)  # type: ignore[arg-type]
        assert info.value.problems[0].path == "grade"
