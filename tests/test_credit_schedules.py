"""C8, C9, C10 — the monthly update, the year-end policy review, risk screening and the finance
survey: the seed's dates on both sides of each boundary, the screening table, and properties."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.calendars import Deadline, DeadlineMode
from customer_rules.cn_calendar import china_working_days
from customer_rules.credit import (
    CreditPolicy,
    CreditReason,
    Dealing,
    Duty,
    FinanceSurvey,
    MonthlyReport,
    MonthlyUpdate,
    PartnerBook,
    PartnerChange,
    PolicyMatter,
    ReassessmentDue,
    RiskLevel,
    ScheduleDue,
    SchedulesPolicy,
    ScreeningFacts,
    ScreeningPolicy,
    ScreeningResult,
    SurveyResult,
    YearEndDecision,
    YearEndReview,
    finance_survey,
    finance_survey_due,
    monthly_update,
    monthly_update_due,
    reassessment_due,
    screen_customer,
    year_end_review,
    year_end_review_due,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import explain, find_reason, render_reason
from customer_rules.recurrence import Recurrence, RecurrenceBasis
from customer_rules.roles import Approval, Role
from customer_rules.testing import (
    days,
    finance_surveys,
    monthly_reports,
    screening_facts,
    year_end_decisions,
)
from customer_rules.workflow import StepOutcome, apply, start
from refusals import problems_of

D = dt.date
SEED = CreditPolicy()
CN = china_working_days()
ROLLED = CreditPolicy(
    schedules=SchedulesPolicy(
        monthly_update=Recurrence.monthly(5, deadline=Deadline(0, DeadlineMode.CALENDAR_THEN_ROLL))
    )
)


def bad(value: object) -> Any:
    """A value of the wrong type, handed on as it is."""
    return value


def codes(result: Any) -> list[str]:
    return [r.code for r in result.reasons]


FEBRUARY = D(2026, 2, 1)


def report(reported: dt.date, *dealings: Dealing, month: dt.date = FEBRUARY) -> MonthlyReport:
    return MonthlyReport("华东办事处", month, reported, dealings)


# --- C8 the monthly update ----------------------------------------------------------------------


def test_c8_c9_c10_seed_policies_as_written() -> None:
    """The seed's C8, C9 and C10 values, every one pinned (a nudge of any default fails here)."""
    every_month = tuple(range(1, 13))
    s = SchedulesPolicy()
    assert s.monthly_update == Recurrence(RecurrenceBasis.CALENDAR, every_month, 5, 12, Deadline(0))
    assert s.year_end_review == Recurrence(RecurrenceBasis.CALENDAR, (12,), 31, 12, Deadline(0))
    assert s.survey == Recurrence(RecurrenceBasis.CALENDAR, (2, 8), 31, 12, Deadline(0))
    assert (s.update_role, s.records_role, s.year_end_role, s.policy_approving_role) == (
        Role.OFFICE_DIRECTOR,
        Role.BUSINESS_DEPARTMENT,
        Role.BUSINESS_DEPARTMENT,
        Role.GENERAL_MANAGER,
    )
    assert s.survey_role is Role.FINANCE
    c = ScreeningPolicy()
    assert c.high_risk_from is RiskLevel.HIGH
    assert c.high_risk_cycle == Recurrence(
        RecurrenceBasis.FROM_LAST, every_month, 31, 3, Deadline(0)
    )
    assert c.cycle == Recurrence(RecurrenceBasis.FROM_LAST, every_month, 31, 6, Deadline(0))
    t = c.table
    assert (t.name, t.rule, t.initial) == ("C9.screening", "C9", "unregistered")
    assert [(x.name, x.zh, x.en) for x in t.states] == [
        ("unregistered", "待登记", "not registered"),
        ("registered", "已登记", "registered"),
        ("evaluated", "已评估", "evaluated"),
        ("following", "跟进中", "followed up"),
    ]
    assert [(x.name, x.zh, x.en) for x in t.events] == [
        ("register", "客户登记", "register"),
        ("evaluate", "客户评估(资质审核、信用评估、风险评估)", "evaluate"),
        ("follow_up", "客户跟进", "follow up"),
        ("reassess", "定期重新评估", "re-assess"),
    ]
    office, business = Role.OFFICE_DIRECTOR, Role.BUSINESS_DEPARTMENT
    assert [
        (m.source, m.event, m.target, m.roles, m.approval, m.distinct) for m in t.transitions
    ] == [
        ("unregistered", "register", "registered", frozenset({office, business}), None, False),
        ("registered", "evaluate", "evaluated", frozenset({business}), None, False),
        ("evaluated", "follow_up", "following", frozenset({office}), None, False),
        ("following", "reassess", "evaluated", frozenset({business}), None, False),
    ]


@pytest.mark.parametrize(
    ("on", "last", "due", "overdue"),
    [
        (D(2026, 3, 1), None, D(2026, 3, 5), False),
        (D(2026, 3, 5), None, D(2026, 3, 5), False),  # "每月5日前": on the 5th still on time
        (D(2026, 3, 6), None, D(2026, 4, 5), False),
        (D(2026, 3, 6), D(2026, 2, 3), D(2026, 3, 5), True),  # February's report is missing
        (D(2026, 3, 6), D(2026, 3, 4), D(2026, 4, 5), False),
    ],
)
def test_c8_monthly_update_due_by_the_5th(
    on: dt.date, last: dt.date | None, due: dt.date, overdue: bool
) -> None:
    """C8 "办事处每月5日前…报业务部", read as on or before the 5th [seed reading]."""
    d = monthly_update_due(SEED, on=on, last=last)
    assert d.duty is Duty.MONTHLY_UPDATE
    assert d.occurrence.due == due
    assert d.overdue is overdue
    assert d.next_role is Role.OFFICE_DIRECTOR
    assert ("C8.overdue" in codes(d)) is overdue


def test_c8_monthly_update_due_reasons() -> None:
    d = monthly_update_due(SEED, on=D(2026, 3, 6), last=D(2026, 2, 3))
    assert explain(d, "zh").splitlines() == [
        "[C8] 办事处主任须于 2026-03-05 前将 2026-02 与客户的业务往来(日期、接洽内容、经办人员)"
        "报业务部(每月5日)",
        "[C8] 月度客户信息更新已逾期:截止 2026-03-05,至 2026-03-06 未完成",
    ]
    assert explain(d, "en").splitlines() == [
        "[C8] the office director reports the dealings of 2026-02 with each customer (date,"
        " subject, staff) to the business department by 2026-03-05 (the 5th of each month)",
        "[C8] the monthly information update is overdue: due 2026-03-05, not done by 2026-03-06",
    ]


def test_c8_strictly_before_the_5th_is_the_other_reading() -> None:
    strict = CreditPolicy(schedules=SchedulesPolicy(monthly_update=Recurrence.monthly(4)))
    assert monthly_update_due(strict, on=D(2026, 3, 5)).occurrence.due == D(2026, 4, 4)
    assert not monthly_update(report(D(2026, 3, 5)), strict).on_time


def test_c8_the_5th_on_a_holiday_rolls_with_the_calendar() -> None:
    """2026-04-05 is a Sunday of Qingming: rolled to Tuesday 04-07, still open on the 6th."""
    d = monthly_update_due(ROLLED, on=D(2026, 4, 6), calendar=CN)
    assert (d.occurrence.day, d.occurrence.due, d.overdue) == (
        D(2026, 4, 5),
        D(2026, 4, 7),
        False,
    )
    march = report(D(2026, 4, 7), month=D(2026, 3, 1))
    assert monthly_update(march, ROLLED, calendar=CN).on_time
    assert not monthly_update(march, SEED, calendar=CN).on_time


@pytest.mark.parametrize(("reported", "on_time"), [(D(2026, 3, 5), True), (D(2026, 3, 6), False)])
def test_c8_report_on_time_or_late(reported: dt.date, on_time: bool) -> None:
    u = monthly_update(report(reported), SEED)
    assert u.on_time is on_time
    assert u.occurrence.due == D(2026, 3, 5)
    assert ("C8.update.on_time" if on_time else "C8.update.late") in codes(u)
    assert u.next_role is Role.BUSINESS_DEPARTMENT


def test_c8_dealings_of_the_month_are_recorded_by_customer() -> None:
    inside_1 = Dealing("C107", D(2026, 2, 20), "回款沟通", "李华")
    inside_2 = Dealing("C042", D(2026, 2, 28), "报价", "陈小明")
    inside_3 = Dealing("C042", D(2026, 2, 1), "实地拜访", "陈小明")
    outside = Dealing("C042", D(2026, 3, 1), "报价", "陈小明")
    u = monthly_update(report(D(2026, 3, 4), inside_1, outside, inside_2, inside_3), SEED)
    assert u.entries == (inside_3, inside_2, inside_1)
    assert u.outside == (outside,)
    assert u.customers == ("C042", "C107")
    assert explain(u, "zh").splitlines() == [
        "[C8] 华东办事处(办事处主任)于 2026-03-04 报送 2026-02 业务往来 4 条",
        "[C8] 按时报送:2026-03-04,截止 2026-03-05",
        "[C8] 客户 C042 于 2026-03-01 的往来不在 2026-02 内,不据此记载",
        "[C8] 业务部在 2 个客户的信息档案中记载或更新 3 条往来",
    ]
    assert render_reason(u.reasons[-1], "en") == (
        "[C8] the business department records 3 dealing(s) in the files of 2 customer(s)"
    )


def test_c8_a_report_before_the_month_ends_is_flagged() -> None:
    u = monthly_update(report(D(2026, 2, 28)), SEED)
    assert u.early
    assert u.on_time
    assert find_reason(u, CreditReason.C8_UPDATE_EARLY) is not None
    assert not monthly_update(report(D(2026, 3, 1)), SEED).early


# --- C8 the year-end policy review --------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "last", "due", "overdue"),
    [
        (D(2026, 6, 1), None, D(2026, 12, 31), False),
        (D(2026, 12, 31), None, D(2026, 12, 31), False),
        (D(2027, 1, 1), D(2025, 12, 30), D(2026, 12, 31), True),
        (D(2027, 1, 1), D(2026, 12, 30), D(2027, 12, 31), False),
    ],
)
def test_c8_year_end_review_due(
    on: dt.date, last: dt.date | None, due: dt.date, overdue: bool
) -> None:
    """C8 "每年底": 31 December [seed]."""
    d = year_end_review_due(SEED, on=on, last=last)
    assert (d.occurrence.due, d.overdue) == (due, overdue)
    assert d.next_role is Role.BUSINESS_DEPARTMENT


@pytest.mark.parametrize(("decided", "on_time"), [(D(2026, 12, 31), True), (D(2027, 1, 1), False)])
def test_c8_year_end_decision_on_time_or_late(decided: dt.date, on_time: bool) -> None:
    r = year_end_review(YearEndDecision(2026, decided), SEED)
    assert r.occurrence.due == D(2026, 12, 31)
    assert r.on_time is on_time
    assert r.changed == ()
    assert r.kept == tuple(PolicyMatter)
    assert r.next_role is None


def test_c8_a_change_goes_to_the_general_manager() -> None:
    d = YearEndDecision(2026, D(2026, 12, 20), ["credit_terms", PolicyMatter.COLLECTION])
    r = year_end_review(d, SEED)
    assert r.changed == (PolicyMatter.CREDIT_TERMS, PolicyMatter.COLLECTION)
    assert r.next_role is Role.GENERAL_MANAGER
    assert explain(r, "zh").splitlines() == [
        "[C8] 业务部于 2026 年底评审信用政策,制定和调整 2027 年度的信用管理政策",
        "[C8] 按时决策:2026-12-20,截止 2026-12-31",
        "[C8] 调整:信用条件、收账方案",
        "[C8] 维持:信用标准、可否接受客户的信用订单",
        "[C8] 调整后的信用管理政策报总经理审批",
    ]
    assert explain(r, "en").splitlines()[2:] == [
        "[C8] to change: the credit terms, the collection approach",
        "[C8] kept: the credit standard, accepting credit orders",
        "[C8] the changed credit policy goes to the general manager for approval",
    ]


# --- C9 risk screening ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("risk", "due"),
    [
        (RiskLevel.HIGH, D(2026, 4, 30)),  # quarterly [default]
        (RiskLevel.MEDIUM, D(2026, 7, 31)),
        (RiskLevel.LOW, D(2026, 7, 31)),
    ],
)
def test_c9_high_risk_customers_are_reassessed_quarterly(risk: RiskLevel, due: dt.date) -> None:
    """C9 "对高风险客户进行定期监控和评估": every three months [default], others every six."""
    r = screen_customer(ScreeningFacts("C042", True, True, risk), SEED, on=D(2026, 1, 31))
    assert r.next_assessment.due == due
    assert r.high_risk is (risk is RiskLevel.HIGH)
    assert r.passed
    assert r.next_role is Role.OFFICE_DIRECTOR


def test_c9_medium_counts_as_high_when_the_policy_says_so() -> None:
    strict = CreditPolicy(screening=ScreeningPolicy(high_risk_from=RiskLevel.MEDIUM))
    r = screen_customer(
        ScreeningFacts("C042", True, True, RiskLevel.MEDIUM), strict, on=D(2026, 1, 31)
    )
    assert r.high_risk
    assert r.next_assessment.due == D(2026, 4, 30)


@pytest.mark.parametrize(("qualified", "credit_ok"), [(False, True), (True, False), (False, False)])
def test_c9_evaluation_fails_on_qualification_or_credit(qualified: bool, credit_ok: bool) -> None:
    r = screen_customer(
        ScreeningFacts("C042", qualified, credit_ok, RiskLevel.LOW), SEED, on=D(2026, 1, 31)
    )
    assert not r.passed
    assert codes(r)[1] == "C9.failed"


def test_c9_screening_reasons() -> None:
    r = screen_customer(
        ScreeningFacts("C042", True, False, RiskLevel.HIGH), SEED, on=D(2026, 1, 31)
    )
    assert explain(r, "zh").splitlines() == [
        "[C9] 客户 C042 评估:资质审核通过 是,信用评估通过 否,风险评估 高风险",
        "[C9] 资质审核或信用评估未通过",
        "[C9] 高风险客户,定期监控和评估:自上次起每3个月,下次评估截止 2026-04-30",
        "[C9] 下一步:由办事处主任跟进客户",
    ]
    assert explain(r, "en").splitlines()[2] == (
        "[C9] a high risk customer, monitored and re-assessed regularly: every 3 month(s) from"
        " the last; next assessment due 2026-04-30"
    )


@pytest.mark.parametrize(("on", "overdue"), [(D(2026, 4, 10), False), (D(2026, 4, 11), True)])
def test_c9_reassessment_due(on: dt.date, overdue: bool) -> None:
    d = reassessment_due(D(2026, 1, 10), RiskLevel.HIGH, SEED, on=on)
    assert d.occurrence.due == D(2026, 4, 10)
    assert d.overdue is overdue
    assert d.next_role is Role.BUSINESS_DEPARTMENT
    assert ("C9.overdue" in codes(d)) is overdue
    low = reassessment_due(D(2026, 1, 10), RiskLevel.LOW, SEED, on=on)
    assert (low.occurrence.due, low.overdue) == (D(2026, 7, 10), False)


def test_c9_screening_table_runs_register_evaluate_follow_up() -> None:
    table = SEED.screening.table
    day = D(2026, 1, 31)
    case = start(table, subject="C042")
    steps = [
        ("register", Role.OFFICE_DIRECTOR),
        ("evaluate", Role.BUSINESS_DEPARTMENT),
        ("follow_up", Role.OFFICE_DIRECTOR),
        ("reassess", Role.BUSINESS_DEPARTMENT),
    ]
    states = []
    for event, role in steps:
        step = apply(table, case, event, by=Approval("x", role, "C9", day), on=day)
        assert step.applied, event
        case = step.after
        states.append(case.state)
    assert states == ["registered", "evaluated", "following", "evaluated"]
    skipped = apply(
        table,
        start(table),
        "evaluate",
        by=Approval("x", Role.BUSINESS_DEPARTMENT, "C9", day),
        on=day,
    )
    assert skipped.outcome is StepOutcome.NO_TRANSITION
    assert skipped.reasons[0].rule == "C9"
    wrong = apply(
        table, start(table), "register", by=Approval("x", Role.FINANCE, "C9", day), on=day
    )
    assert wrong.outcome is StepOutcome.WRONG_ROLE


def test_c9_policy_checks() -> None:
    with pytest.raises(PolicyError) as info:
        ScreeningPolicy(high_risk_cycle=Recurrence.every(6))
    assert [p.path for p in info.value.problems] == ["high_risk_cycle.interval"]
    assert ScreeningPolicy(
        high_risk_cycle=Recurrence.in_months(3, 6, 9, 12)
    ).high_risk_cycle.months == (3, 6, 9, 12)
    table = SEED.screening.table
    no_follow_up = {
        "name": table.name,
        "rule": "C9",
        "initial": table.initial,
        "states": [{"name": s.name, "zh": s.zh, "en": s.en} for s in table.states],
        "events": [{"name": e.name, "zh": e.zh, "en": e.en} for e in table.events],
        "transitions": [
            {
                "source": "unregistered",
                "event": "register",
                "target": "registered",
                "roles": ["office_director"],
            },
            {
                "source": "registered",
                "event": "evaluate",
                "target": "evaluated",
                "roles": ["business_department"],
            },
        ],
    }
    with pytest.raises(PolicyError) as info:
        ScreeningPolicy(table=no_follow_up)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["table.transitions"]


def test_c9_policy_problems_are_exact() -> None:
    """C9: a high-risk cycle not shorter than the other, and a screening table without a step the
    rules rely on, are refused with what was given and what was expected."""
    assert problems_of(
        lambda: ScreeningPolicy(high_risk_cycle=Recurrence.every(6)), PolicyError
    ) == [
        (
            "high_risk_cycle.interval",
            6,
            "fewer months than cycle.interval (6): high-risk customers are re-assessed more often",
        )
    ]
    data: dict[str, Any] = to_data(SEED.screening.table)
    data["transitions"] = [t for t in data["transitions"] if t["event"] != "follow_up"]
    rows = len(data["transitions"])
    assert problems_of(lambda: ScreeningPolicy(table=data), PolicyError) == [  # type: ignore[arg-type]
        ("table.transitions", f"'{rows} row(s)'", "a row from 'evaluated' on 'follow_up'")
    ]


# --- C10 the finance survey ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "last", "due", "overdue"),
    [
        (D(2026, 2, 28), None, D(2026, 2, 28), False),
        (D(2026, 3, 1), None, D(2026, 8, 31), False),
        (D(2026, 3, 1), D(2026, 2, 10), D(2026, 8, 31), False),
        (D(2026, 3, 1), D(2025, 8, 20), D(2026, 2, 28), True),  # February's survey missed
        (D(2028, 2, 29), None, D(2028, 2, 29), False),
    ],
)
def test_c10_survey_due_in_february_and_august(
    on: dt.date, last: dt.date | None, due: dt.date, overdue: bool
) -> None:
    """C10 "一年2次(2月、8月)": by the end of February and of August."""
    d = finance_survey_due(SEED, on=on, last=last)
    assert (d.occurrence.due, d.overdue) == (due, overdue)
    assert d.next_role is Role.FINANCE
    assert d.reasons[0].rule == "C10"


def test_c10_survey_changes_go_into_the_card_and_the_list() -> None:
    change = PartnerChange("C042", "地址", "上海", "苏州")
    r = finance_survey(FinanceSurvey(D(2026, 8, 20), [change]), SEED)
    assert r.in_window
    assert [(e.book, e.customer, e.before, e.after, e.by) for e in r.entries] == [
        (PartnerBook.CARD, "C042", "上海", "苏州", Role.FINANCE),
        (PartnerBook.LIST, "C042", "上海", "苏州", Role.FINANCE),
    ]
    assert r.next_role is Role.FINANCE
    assert explain(r, "zh").splitlines() == [
        "[C10] 财务部于 2026-08-20 调查交易往来客户,发现变化 1 项",
        "[C10] 在调查月份内完成(每年2、8月月底,截止 2026-08-31)",
        "[C10] 客户 C042 的地址:上海 → 苏州,记入交易往来客户原簿、交易往来客户一览表",
    ]
    assert render_reason(r.reasons[-1], "en") == (
        "[C10] C042's 地址: 上海 → 苏州, written in the ledger card, the ledger list"
    )


@pytest.mark.parametrize(
    ("done", "in_window"),
    [
        (D(2026, 1, 31), False),
        (D(2026, 2, 1), True),
        (D(2026, 2, 28), True),
        (D(2026, 3, 1), False),
        (D(2026, 7, 31), False),
        (D(2026, 8, 1), True),
    ],
)
def test_c10_survey_in_the_survey_month_or_not(done: dt.date, in_window: bool) -> None:
    r = finance_survey(FinanceSurvey(done), SEED)
    assert r.in_window is in_window
    assert r.next_role is None
    assert ("C10.survey.in_window" if in_window else "C10.survey.outside") in codes(r)
    assert "C10.no_change" in codes(r)


# --- refusals -------------------------------------------------------------------------------------


def test_bad_input_names_the_field() -> None:
    cases: list[tuple[Any, str]] = [
        (lambda: monthly_update_due(SEED, on=D(2026, 3, 1), last=D(2026, 3, 2)), "last"),
        (lambda: monthly_update_due(SEED, on=bad("2026-03-01")), "on"),
        (lambda: monthly_update_due(SEED, on=D(2026, 3, 1), calendar=bad(object())), "calendar"),
        (lambda: monthly_update(bad("report"), SEED), "report"),
        (lambda: MonthlyReport("华东", D(2026, 2, 1), D(2026, 1, 31), []), "reported"),
        (lambda: MonthlyReport("华东", D(2026, 2, 1), D(2026, 3, 1), bad("x")), "dealings"),
        (lambda: MonthlyReport("华东", D(2026, 2, 1), D(2026, 3, 1), bad([1])), "dealings[0]"),
        (lambda: Dealing("C1", D(2026, 2, 1), " ", "x"), "subject"),
        (lambda: YearEndDecision(2999, D(2026, 12, 1)), "year"),
        (lambda: YearEndDecision(2026, D(2026, 12, 1), ["nothing"]), "PolicyMatter"),
        (lambda: ScreeningFacts("C1", bad("yes"), True, RiskLevel.LOW), "qualified"),
        (lambda: reassessment_due(D(2026, 1, 1), bad("high"), SEED, on=D(2026, 2, 1)), "risk"),
        (
            lambda: reassessment_due(D(2026, 3, 1), RiskLevel.HIGH, SEED, on=D(2026, 2, 1)),
            "last_assessed",
        ),
        (
            lambda: FinanceSurvey(D(2026, 2, 1), bad([PartnerChange("C1", "x", None, "y"), "z"])),
            "changes[1]",
        ),
        (lambda: finance_survey(FinanceSurvey(D(2026, 2, 1)), SEED, last=D(2026, 2, 2)), "last"),
        (
            lambda: screen_customer(
                ScreeningFacts("C1", True, True, RiskLevel.LOW),
                bad(SEED.schedules),
                on=D(2026, 1, 1),
            ),
            "policy",
        ),
    ]
    for call, field in cases:
        with pytest.raises(InputError) as info:
            call()
        assert info.value.field == field, (field, info.value)


def test_from_last_schedules_need_the_last_day() -> None:
    every_six = CreditPolicy(
        schedules=SchedulesPolicy(survey=Recurrence.every(6), year_end_review=Recurrence.every(12))
    )
    with pytest.raises(InputError) as info:
        finance_survey_due(every_six, on=D(2026, 3, 1))
    assert info.value.field == "last"
    d = finance_survey_due(every_six, on=D(2026, 3, 1), last=D(2025, 8, 20))
    assert (d.occurrence.due, d.overdue) == (D(2026, 2, 20), True)
    r = finance_survey(FinanceSurvey(D(2026, 2, 10)), every_six, last=D(2025, 8, 20))
    assert r.in_window
    with pytest.raises(InputError):
        year_end_review(YearEndDecision(2026, D(2026, 12, 20)), every_six)
    y = year_end_review(YearEndDecision(2026, D(2026, 12, 20)), every_six, last=D(2025, 12, 30))
    assert y.occurrence.due == D(2026, 12, 30)


def test_facts_from_plain_data() -> None:
    row = {
        "office": "华东办事处",
        "month": "2026-02-01",
        "reported": "2026-03-04",
        "dealings": [
            {"customer": "C042", "day": "2026-02-12", "subject": "报价", "staff": "陈小明"}
        ],
    }
    r = from_data(MonthlyReport, row)
    assert monthly_update(r, SEED).customers == ("C042",)
    f = from_data(
        ScreeningFacts, {"customer": "C1", "qualified": "是", "credit_ok": "否", "risk": "高风险"}
    )
    assert f.risk is RiskLevel.HIGH
    assert not f.credit_ok


# --- properties ---------------------------------------------------------------------------------


@given(monthly_reports())
def test_c8_entries_and_outside_partition_the_dealings(r: MonthlyReport) -> None:
    u = monthly_update(r, SEED)
    assert sorted(u.entries + u.outside, key=repr) == sorted(r.dealings, key=repr)
    assert all(d.day.year == r.month.year and d.day.month == r.month.month for d in u.entries)
    assert u.on_time is (r.reported <= u.occurrence.due)
    assert u.occurrence.due >= u.occurrence.day > r.month
    assert codes(u).count("C8.update.outside") == len(u.outside)
    assert {reason.rule for reason in u.reasons} == {"C8"}
    assert from_data(MonthlyUpdate, to_data(u, lang="zh"), policy=SEED) == u


@given(days(), st.none() | st.integers(0, 400), st.sampled_from(list(Duty)))
def test_schedule_dues_never_before_the_day_they_count_from(
    on: dt.date, back: int | None, duty: Duty
) -> None:
    last = None if back is None else on - dt.timedelta(days=back)
    rule = {
        Duty.MONTHLY_UPDATE: monthly_update_due,
        Duty.YEAR_END_REVIEW: year_end_review_due,
        Duty.FINANCE_SURVEY: finance_survey_due,
    }[duty]
    d = rule(SEED, on=on, last=last)
    assert d.duty is duty
    assert d.occurrence.due >= d.occurrence.day >= d.occurrence.opens
    if last is None:
        assert d.occurrence.due >= on
        assert not d.overdue
    else:
        assert d.occurrence.opens > last
    assert d.overdue is (on > d.occurrence.due)
    assert codes(d)[-1].endswith("overdue") is d.overdue
    assert from_data(ScheduleDue, to_data(d), policy=SEED) == d


@given(year_end_decisions())
def test_c8_year_end_partition_and_next_role(d: YearEndDecision) -> None:
    r = year_end_review(d, SEED)
    assert set(r.changed) | set(r.kept) == set(PolicyMatter)
    assert not set(r.changed) & set(r.kept)
    assert (r.next_role is Role.GENERAL_MANAGER) is bool(d.changes)
    assert r.on_time is (d.decided <= D(d.year, 12, 31))
    assert from_data(YearEndReview, to_data(r), policy=SEED) == r


@given(screening_facts(), days())
def test_c9_high_risk_is_never_reassessed_later(f: ScreeningFacts, on: dt.date) -> None:
    r = screen_customer(f, SEED, on=on)
    calm = screen_customer(
        ScreeningFacts(f.customer, f.qualified, f.credit_ok, RiskLevel.LOW), SEED, on=on
    )
    assert r.next_assessment.due <= calm.next_assessment.due
    assert r.next_assessment.due > on
    assert r.passed is (f.qualified and f.credit_ok)
    assert ("C9.passed" in codes(r)) is r.passed
    assert ("C9.high_risk" in codes(r)) is r.high_risk
    assert from_data(ScreeningResult, to_data(r), policy=SEED) == r


@given(days(), st.integers(0, 400), st.sampled_from(list(RiskLevel)))
def test_c9_reassessment_due_is_monotonic(last: dt.date, after: int, risk: RiskLevel) -> None:
    on = last + dt.timedelta(days=after)
    d = reassessment_due(last, risk, SEED, on=on)
    later = reassessment_due(last, risk, SEED, on=on + dt.timedelta(days=30))
    assert d.occurrence == later.occurrence
    assert d.overdue <= later.overdue
    assert d.occurrence.due > last
    assert from_data(ReassessmentDue, to_data(d), policy=SEED) == d


@given(finance_surveys())
def test_c10_every_change_is_written_in_both_books(s: FinanceSurvey) -> None:
    r = finance_survey(s, SEED)
    assert len(r.entries) == 2 * len(s.changes)
    for change in s.changes:
        books = {
            e.book
            for e in r.entries
            if (e.customer, e.item, e.after) == (change.customer, change.item, change.after)
        }
        assert books == set(PartnerBook)
    assert r.in_window is (s.done.month in (2, 8))
    assert (r.next_role is Role.FINANCE) is bool(s.changes)
    assert codes(r).count("C10.change") == len(s.changes)
    assert from_data(SurveyResult, to_data(r), policy=SEED) == r


# --- errors in full, the deciding book, calendars and boundaries ---------------------------------

EVERY = CreditPolicy(
    schedules=SchedulesPolicy(
        monthly_update=Recurrence.every(1),
        survey=Recurrence.every(6),
        year_end_review=Recurrence.every(12),
    )
)
_A_DATE = "a datetime.date from 1900-01-01 to 2999-12-31"
_COUNTED = "the policy counts it from the last one"


@pytest.mark.parametrize(
    ("call", "path", "given", "expected"),
    [
        (lambda: monthly_update(bad("x"), SEED), "report", "'x'", "a MonthlyReport"),
        (
            lambda: monthly_update(
                MonthlyReport("华东", D(2999, 12, 1), D(2999, 12, 31), []), SEED
            ),
            "report.month",
            "datetime.date(2999, 12, 1)",
            "a month before December 2999",
        ),
        (
            lambda: MonthlyReport("华东", D(2026, 2, 1), D(2026, 1, 31), []),
            "reported",
            "datetime.date(2026, 1, 31)",
            "a day on or after 2026-02-01",
        ),
        (
            lambda: MonthlyReport("华东", D(2026, 2, 1), D(2026, 3, 1), bad("x")),
            "dealings",
            "'x'",
            "a list of Dealing records",
        ),
        (lambda: Dealing("C1", bad("2026-02-12"), "报价", "陈"), "day", "'2026-02-12'", _A_DATE),
        (
            lambda: FinanceSurvey(D(2026, 2, 1), bad("C1 地址")),
            "changes",
            "'C1 地址'",
            "a list of PartnerChange records",
        ),
        (
            lambda: PartnerChange("C1", "地址", "  ", "苏州"),
            "before",
            "'  '",
            "a non-empty string or None",
        ),
        (
            lambda: PartnerChange("C1", "地址", bad(5), "苏州"),
            "before",
            5,
            "a non-empty string or None",
        ),
        (lambda: finance_survey(bad("x"), SEED), "survey", "'x'", "a FinanceSurvey"),
        (
            lambda: YearEndDecision(bad("2026"), D(2026, 12, 1)),
            "year",
            "'2026'",
            "a year from 1900 to 2998",
        ),
        (
            lambda: YearEndDecision(2026, D(2026, 12, 1), bad("collection")),
            "changes",
            "'collection'",
            "a set of PolicyMatter values",
        ),
        (lambda: year_end_review(bad("x"), SEED), "decision", "'x'", "a YearEndDecision"),
        (
            lambda: year_end_review(
                YearEndDecision(2026, D(2026, 12, 20)), SEED, last=D(2026, 12, 21)
            ),
            "last",
            "datetime.date(2026, 12, 21)",
            "a day on or before on (2026-12-20)",
        ),
        (
            lambda: reassessment_due(D(2026, 1, 1), bad("high"), SEED, on=D(2026, 2, 1)),
            "risk",
            "'high'",
            "a RiskLevel (low, medium, high)",
        ),
        (
            lambda: screen_customer(bad("C1"), SEED, on=D(2026, 1, 1)),
            "facts",
            "'C1'",
            "a ScreeningFacts",
        ),
        (
            lambda: SEED.screening.role_of("appeal"),
            "event",
            "'appeal'",
            "an event with a row in the screening table",
        ),
        (
            lambda: monthly_update_due(EVERY, on=D(2026, 3, 1)),
            "last",
            None,
            f"the day it was last done: {_COUNTED}",
        ),
        (
            lambda: finance_survey(FinanceSurvey(D(2026, 2, 10)), EVERY),
            "last",
            None,
            f"the day of the survey before: {_COUNTED}",
        ),
        (
            lambda: year_end_review(YearEndDecision(2026, D(2026, 12, 20)), EVERY),
            "last",
            None,
            f"the day of the review before: {_COUNTED}",
        ),
    ],
)
def test_a_wrong_argument_is_named_with_what_was_given_and_expected(
    call: Any, path: str, given: object, expected: str
) -> None:
    """Bad input gets a typed error naming the field, what was given and what was expected."""
    assert problems_of(call) == [(path, given, expected)]


def test_the_first_and_last_supported_days_and_years_are_accepted() -> None:
    """Dates run from 1900-01-01 to 2999-12-31 inclusive; a year-end decision from 1900."""
    assert Dealing("C1", D(1900, 1, 1), "报价", "陈").day == D(1900, 1, 1)
    assert Dealing("C1", D(2999, 12, 31), "报价", "陈").day == D(2999, 12, 31)
    assert YearEndDecision(1900, D(1900, 12, 28)).year == 1900


def test_every_result_records_the_book_that_decided() -> None:
    """Each C8, C9 and C10 result says which policy version and effective date decided it."""
    from customer_rules.book import PolicyBook

    credit = PolicyBook(version="2027", effective=D(2026, 1, 1)).credit
    results: list[Any] = [
        monthly_update_due(credit, on=D(2026, 3, 1)),
        monthly_update(MonthlyReport("华东", D(2026, 2, 1), D(2026, 3, 4), []), credit),
        year_end_review(YearEndDecision(2026, D(2026, 12, 28)), credit),
        screen_customer(
            ScreeningFacts("C042", True, True, RiskLevel.HIGH), credit, on=D(2026, 1, 31)
        ),
        reassessment_due(D(2026, 1, 10), RiskLevel.HIGH, credit, on=D(2026, 4, 11)),
        finance_survey(FinanceSurvey(D(2026, 8, 20)), credit),
    ]
    assert [(r.policy_version, r.policy_effective) for r in results] == [
        ("2027", D(2026, 1, 1))
    ] * len(results)


def test_a_schedule_due_keeps_the_day_it_was_last_done() -> None:
    d = finance_survey_due(SEED, on=D(2026, 3, 1), last=D(2025, 8, 20))
    assert (d.last, d.on) == (D(2025, 8, 20), D(2026, 3, 1))


ROLL = Deadline(0, DeadlineMode.CALENDAR_THEN_ROLL)


def test_c9_both_cycles_roll_with_the_calendar_given() -> None:
    """From 1 July 2026, quarterly falls on National Day: due the next working day, 8 October."""
    rolled = CreditPolicy(
        screening=ScreeningPolicy(high_risk_cycle=Recurrence.every(3, deadline=ROLL))
    )
    due = reassessment_due(D(2026, 7, 1), RiskLevel.HIGH, rolled, on=D(2026, 9, 1), calendar=CN)
    facts = ScreeningFacts("C042", True, True, RiskLevel.HIGH)
    screened = screen_customer(facts, rolled, on=D(2026, 7, 1), calendar=CN)
    assert (due.occurrence.day, due.occurrence.due) == (D(2026, 10, 1), D(2026, 10, 8))
    assert (screened.next_assessment.day, screened.next_assessment.due) == (
        D(2026, 10, 1),
        D(2026, 10, 8),
    )


def test_c10_a_survey_month_end_on_a_rest_day_rolls_with_the_calendar() -> None:
    """31 August 2025 is a Sunday: the survey is due on Monday 1 September."""
    rolled = CreditPolicy(
        schedules=SchedulesPolicy(survey=Recurrence.in_months(2, 8, deadline=ROLL))
    )
    r = finance_survey(FinanceSurvey(D(2025, 8, 10)), rolled, calendar=CN)
    assert (r.occurrence.day, r.occurrence.due) == (D(2025, 8, 31), D(2025, 9, 1))


def test_c8_a_year_end_on_a_rest_day_rolls_with_the_calendar() -> None:
    """31 December 2022 is a Saturday and 2 January 2023 a holiday: due 3 January."""
    rolled = CreditPolicy(
        schedules=SchedulesPolicy(year_end_review=Recurrence.in_months(12, deadline=ROLL))
    )
    r = year_end_review(YearEndDecision(2022, D(2022, 12, 28)), rolled, calendar=CN)
    assert (r.occurrence.day, r.occurrence.due) == (D(2022, 12, 31), D(2023, 1, 3))


def test_c8_a_year_review_falling_on_new_years_day_is_that_years() -> None:
    """A company reviewing on 1 January: the review of 2026 is due 1 January 2026, counted from
    that day."""
    jan = CreditPolicy(schedules=SchedulesPolicy(year_end_review=Recurrence.in_months(1, day=1)))
    r = year_end_review(YearEndDecision(2026, D(2026, 1, 1)), jan)
    assert (r.occurrence.day, r.occurrence.opens, r.occurrence.due) == (
        D(2026, 1, 1),
        D(2026, 1, 1),
        D(2026, 1, 1),
    )
    assert r.on_time


def test_c8_a_report_is_due_in_the_month_after_the_one_reported() -> None:
    """With 30 days to report after the 5th, February's 5th is still open on 1 March; the report
    on February is still due by 5 March (then 30 days), not by February's own 5th."""
    slow = CreditPolicy(
        schedules=SchedulesPolicy(monthly_update=Recurrence.monthly(5, deadline=Deadline(30)))
    )
    u = monthly_update(MonthlyReport("华东", D(2026, 2, 1), D(2026, 3, 4), []), slow)
    assert (u.occurrence.day, u.occurrence.due) == (D(2026, 3, 5), D(2026, 4, 4))


def test_c8_c10_a_cycle_from_the_last_one_rolls_with_the_calendar_given() -> None:
    """Counted from the last survey (1 April 2026, every six months) or the last review (1
    October 2025, every twelve), the next falls on National Day 2026: due on the next working
    day, 8 October, as ``finance_survey_due`` and ``year_end_review_due`` say — so a survey done
    and a decision made that day are in time."""
    rolled = CreditPolicy(
        schedules=SchedulesPolicy(
            survey=Recurrence.every(6, deadline=ROLL),
            year_end_review=Recurrence.every(12, deadline=ROLL),
        )
    )
    day = D(2026, 10, 8)
    survey = finance_survey(FinanceSurvey(day), rolled, last=D(2026, 4, 1), calendar=CN)
    review = year_end_review(YearEndDecision(2026, day), rolled, last=D(2025, 10, 1), calendar=CN)
    assert (survey.occurrence.day, survey.occurrence.due, survey.in_window) == (
        D(2026, 10, 1),
        day,
        True,
    )
    assert (review.occurrence.day, review.occurrence.due, review.on_time) == (
        D(2026, 10, 1),
        day,
        True,
    )
