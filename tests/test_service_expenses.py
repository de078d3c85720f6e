"""S2 — reception expenses: the application and the reimbursement (002 §客户接待费用方案)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import InputError, explain
from customer_rules.calendars import Deadline
from customer_rules.interchange import from_data, to_data
from customer_rules.labels import Label
from customer_rules.reasons import find_reason
from customer_rules.roles import Approval, ApprovalStatus, Role
from customer_rules.service import (
    RECEPTION_EXPENSE,
    REIMBURSEMENT,
    ApplicationCheck,
    BudgetBasis,
    CapBasis,
    ClaimLine,
    ClaimLineOutcome,
    CostItem,
    ExecutionType,
    ExpenseFlag,
    ExpenseItem,
    ExpensePolicy,
    ReceptionApplication,
    ReceptionPurpose,
    ReceptionRecord,
    Reimbursement,
    ReimbursementClaim,
    ReimbursementOutcome,
    ServicePolicy,
    ServiceReason,
    VenueGrade,
    check_application,
    reimburse,
)
from customer_rules.testing import amounts, reception_applications, reception_records
from refusals import problems_of

SEED = ServicePolicy()
DAY = dt.date(2026, 6, 5)
SIGNED = (
    Approval("钱经理", Role.CUSTOMER_SERVICE_MANAGER, RECEPTION_EXPENSE, dt.date(2026, 6, 1)),
    Approval("孙经理", Role.FINANCE_MANAGER, RECEPTION_EXPENSE, dt.date(2026, 6, 1)),
)
SIGN_OFF = Approval("钱经理", Role.CUSTOMER_SERVICE_MANAGER, REIMBURSEMENT, dt.date(2026, 6, 1))
VERSIONED = ServicePolicy(version="2026.6", effective=dt.date(2026, 1, 1))
CSM, FM = Role.CUSTOMER_SERVICE_MANAGER, Role.FINANCE_MANAGER


def _application(
    *items: tuple[CostItem, str],
    approvals: tuple[Approval, ...] = SIGNED,
    execution: ExecutionType = ExecutionType.FULL,
    **more: object,
) -> ReceptionApplication:
    lines = tuple(ExpenseItem(i, a) for i, a in items) or (
        ExpenseItem(CostItem.HOSPITALITY, "1000"),
    )
    return ReceptionApplication(
        "R-1",
        "华东重工",
        "王芳",
        DAY,
        execution,
        lines,
        ReceptionPurpose.VISIT,
        VenueGrade.MID,
        approvals=approvals,
        **more,  # type: ignore[arg-type]
    )


def _history(
    *amounts_: str, host: str = "李雷", on: dt.date = dt.date(2026, 3, 2)
) -> list[ReceptionRecord]:
    return [ReceptionRecord(on, host, a) for a in amounts_]


# --------------------------------------------------------------------------- the application


def test_both_sign_offs_are_needed_before_money_is_drawn() -> None:
    """ "经客户服务部经理和财务部经理审批签字后,申请人就可以凭此单领取接待费用"."""
    ok = check_application(_application(), SEED, on=DAY, history=_history("1500"))
    assert ok.approved
    assert ok.drawable == Decimal(1000)
    assert [(s.role, s.status) for s in ok.signatures] == [
        (Role.CUSTOMER_SERVICE_MANAGER, ApprovalStatus.GRANTED),
        (Role.FINANCE_MANAGER, ApprovalStatus.GRANTED),
    ]
    one = check_application(
        _application(approvals=SIGNED[:1]), SEED, on=DAY, history=_history("1500")
    )
    assert not one.approved
    assert one.drawable == 0
    assert one.signatures[1].status is ApprovalStatus.MISSING
    reason = find_reason(one, ServiceReason.S2_UNSIGNED)
    assert reason is not None
    assert reason.fact("role") is Role.FINANCE_MANAGER
    assert (
        explain(one, "en").splitlines()[2] == "[S2] no sign-off by the finance manager (none given)"
    )


def test_a_sign_off_for_a_smaller_amount_does_not_cover_the_application() -> None:
    small = (
        SIGNED[0],
        Approval(
            "孙经理",
            Role.FINANCE_MANAGER,
            RECEPTION_EXPENSE,
            dt.date(2026, 6, 1),
            max_amount="999.99",
        ),
    )
    c = check_application(_application(approvals=small), SEED, on=DAY, history=_history("1500"))
    assert c.signatures[1].status is ApprovalStatus.OVER_AMOUNT
    assert not c.approved


@pytest.mark.parametrize(
    ("amount", "over"),
    [("1500.00", False), ("1500.01", True), ("0", False)],
)
def test_the_budget_is_the_past_average(amount: str, over: bool) -> None:
    """ "客户接待费用的预算按过去的平均实绩确定": the mean of the receptions of the 12 months
    before [default], rounded half up to the cent; over it is refused [default]."""
    history = _history("1000", "2000", "1500")
    c = check_application(
        _application((CostItem.HOSPITALITY, amount)), SEED, on=DAY, history=history
    )
    assert c.budget == Decimal("1500.00")
    assert c.over_budget is over
    assert c.approved is not over
    code = ServiceReason.S2_OVER_BUDGET if over else ServiceReason.S2_BUDGET
    assert find_reason(c, code) is not None


def test_the_budget_rounds_to_the_cent_and_forgets_old_receptions() -> None:
    history = [
        ReceptionRecord(dt.date(2026, 1, 10), "李雷", "100"),
        ReceptionRecord(dt.date(2026, 2, 10), "李雷", "100"),
        ReceptionRecord(dt.date(2026, 3, 10), "李雷", "100.01"),
        ReceptionRecord(dt.date(2025, 6, 4), "李雷", "99999"),  # more than 12 months before
        ReceptionRecord(dt.date(2026, 6, 6), "李雷", "99999"),  # after the reception
    ]
    c = check_application(_application(), SEED, on=DAY, history=history)
    assert c.budget == Decimal("100.00")  # 300.01 / 3 = 100.0033…


def test_over_budget_flagged_only_is_the_other_setting() -> None:
    policy = ServicePolicy(expenses=ExpensePolicy(over_budget_refused=False))
    c = check_application(
        _application((CostItem.GIFT, "5000")), policy, on=DAY, history=_history("10")
    )
    assert c.over_budget
    assert c.approved


def test_the_per_month_budget_counts_the_months_spend() -> None:
    policy = ServicePolicy(expenses=ExpensePolicy(budget_basis=BudgetBasis.PER_MONTH))
    history = [ReceptionRecord(dt.date(2025, 7 + i % 6, 1), "李雷", "1000") for i in range(12)]
    history.append(ReceptionRecord(dt.date(2026, 6, 2), "李雷", "500"))
    c = check_application(
        _application((CostItem.HOSPITALITY, "500")), policy, on=DAY, history=history
    )
    assert c.budget == Decimal("1041.67")  # 12,500 / 12
    assert c.spent == Decimal(500)
    assert not c.over_budget
    c = check_application(
        _application((CostItem.HOSPITALITY, "541.68")), policy, on=DAY, history=history
    )
    assert c.over_budget


def test_no_history_is_flagged_and_self_paid_is_not_budgeted() -> None:
    c = check_application(_application(), SEED, on=DAY)
    assert c.budget is None
    assert ExpenseFlag.NO_BUDGET in c.flags
    assert c.approved
    self_paid = check_application(_application(execution=ExecutionType.SELF_PAID), SEED, on=DAY)
    assert self_paid.approved
    assert self_paid.drawable == 0
    assert ExpenseFlag.NO_BUDGET not in self_paid.flags


@pytest.mark.parametrize(("earlier", "flagged"), [(3, False), (4, True)])
def test_the_monthly_cap_is_flagged_not_refused(earlier: int, flagged: bool) -> None:
    """ "客户接待次数原则上每人每月不得超过×次" (blank; example 4 [default]): the 4th reception of
    the month is within, the 5th over ("超过" excludes the number) — flagged, not refused
    ("原则上")."""
    history = _history("2000", on=dt.date(2026, 5, 31)) + [
        ReceptionRecord(dt.date(2026, 6, 1 + i), "王芳", "2000") for i in range(earlier)
    ]
    c = check_application(_application(), SEED, on=DAY, history=history)
    assert c.month_count == earlier + 1
    assert (ExpenseFlag.OVER_CAP in c.flags) is flagged
    assert c.approved
    if flagged:
        reason = find_reason(c, ServiceReason.S2_OVER_CAP)
        assert reason is not None
        assert (reason.fact("count"), reason.fact("cap")) == (5, 4)


def test_the_cap_per_guest_is_the_other_reading() -> None:
    policy = ServicePolicy(expenses=ExpensePolicy(cap_basis=CapBasis.PER_GUEST, monthly_cap=2))
    history = [
        ReceptionRecord(dt.date(2026, 6, 1), "李雷", "100", guests=("刘总",)),
        ReceptionRecord(dt.date(2026, 6, 2), "韩梅", "100", guests=("刘总", "陈总")),
    ]
    c = check_application(_application(guests=("刘总", "吴经理")), policy, on=DAY, history=history)
    assert c.over_cap == ("刘总",)
    assert c.month_count == 3


def test_repeats_of_the_same_content_and_guests_are_flagged() -> None:
    """ "同样内容与对象的客户接待应尽量避免": flagged, not refused, within 30 days [default]."""
    same = ReceptionRecord(
        dt.date(2026, 5, 20), "李雷", "2000", guests=("陈总", "刘总"), content=" 工厂参观 "
    )
    old = attrs.evolve(same, on=dt.date(2026, 5, 5))
    other = attrs.evolve(same, on=dt.date(2026, 5, 21), guests=("陈总",))
    app = _application(guests=("刘总", "陈总"), content="工厂参观")
    c = check_application(app, SEED, on=DAY, history=[same, old, other])
    assert c.repeats == (dt.date(2026, 5, 20),)
    assert ExpenseFlag.REPEAT in c.flags
    assert c.approved


def test_an_important_customer_needs_a_reception_card() -> None:
    c = check_application(_application(important=True), SEED, on=DAY)
    assert ExpenseFlag.NO_CARD in c.flags
    c = check_application(_application(important=True, card_on_file=True), SEED, on=DAY)
    assert ExpenseFlag.NO_CARD not in c.flags


def test_an_items_standard_is_the_sum_of_its_lines_in_decimal_yuan() -> None:
    app = _application(
        (CostItem.HOSPITALITY, "1000"), (CostItem.HOSPITALITY, "200.50"), (CostItem.GIFT, "300")
    )
    assert app.total == Decimal("1500.50")
    assert app.standard(CostItem.HOSPITALITY) == Decimal("1200.50")
    assert repr(app.standard(CostItem.MEETING)) == "Decimal('0')"  # not applied for: 0 yuan


@pytest.mark.parametrize(
    ("approvals", "signatures", "approved"),
    [
        pytest.param(
            (
                SIGNED[0],
                Approval("赵经理", FM, RECEPTION_EXPENSE, dt.date(2026, 6, 1), subject="R-2"),
                SIGNED[1],
            ),
            [(CSM, ApprovalStatus.GRANTED, "钱经理"), (FM, ApprovalStatus.GRANTED, "孙经理")],
            True,
            id="a-later-sign-off-in-the-role-grants",
        ),
        pytest.param(
            (
                SIGNED[0],
                Approval("赵经理", FM, RECEPTION_EXPENSE, dt.date(2026, 6, 1), subject="R-2"),
            ),
            [(CSM, ApprovalStatus.GRANTED, "钱经理"), (FM, ApprovalStatus.OTHER_SUBJECT, "赵经理")],
            False,
            id="bound-to-another-application",
        ),
        pytest.param(
            (SIGNED[1],),
            [(CSM, ApprovalStatus.MISSING, None), (FM, ApprovalStatus.GRANTED, "孙经理")],
            False,
            id="one-missing",
        ),
    ],
)
def test_each_sign_off_names_its_signer_and_its_diagnosis(
    approvals: tuple[Approval, ...],
    signatures: list[tuple[Role, ApprovalStatus, str | None]],
    approved: bool,
) -> None:
    """Each required role is checked on the best sign-off given in it: one that grants wins
    over an earlier one that does not; a sign-off bound to another application does not count
    (审批签字 is for this application), and the check says who gave it."""
    c = check_application(_application(approvals=approvals), SEED, on=DAY, history=_history("1500"))
    assert [(s.role, s.status, s.who) for s in c.signatures] == signatures
    assert c.approved is approved


def test_the_budget_window_is_the_twelve_months_before_the_reception_day() -> None:
    """The window runs from the same day 12 months earlier (included) to the day before the
    reception: the reception day itself is not "过去"."""
    history = [
        ReceptionRecord(dt.date(2025, 6, 5), "李雷", "300"),  # 12 months before: in
        ReceptionRecord(dt.date(2025, 6, 4), "李雷", "99999"),  # a day earlier: out
        ReceptionRecord(dt.date(2026, 6, 4), "李雷", "100"),  # the day before: in
        ReceptionRecord(DAY, "李雷", "99999"),  # the reception day: out
    ]
    c = check_application(_application(), SEED, on=DAY, history=history)
    assert c.budget == Decimal("200.00")


def test_the_budget_rounds_half_a_cent_up() -> None:
    """(100.00 + 100.01) / 2 = 100.005: half up to 100.01, not half even to 100.00."""
    c = check_application(_application(), SEED, on=DAY, history=_history("100.00", "100.01"))
    assert c.budget == Decimal("100.01")


def test_the_per_month_budget_counts_the_reception_days_spend_and_may_be_reached() -> None:
    """Per month: the month's spend up to the reception day (that day included, later days
    not) plus this reception must not exceed the monthly average; reaching it is within."""
    policy = ServicePolicy(expenses=ExpensePolicy(budget_basis=BudgetBasis.PER_MONTH))
    history = [
        ReceptionRecord(dt.date(2026, 3, 2), "李雷", "1200"),  # 1,200 / 12 = 100.00 a month
        ReceptionRecord(DAY, "李雷", "40"),  # earlier the same day: spent, not in the window
        ReceptionRecord(dt.date(2026, 6, 6), "李雷", "999"),  # later this month: neither
    ]
    at = check_application(
        _application((CostItem.HOSPITALITY, "60")), policy, on=DAY, history=history
    )
    assert (at.budget, at.spent, at.over_budget, at.approved) == (
        Decimal("100.00"),
        Decimal(40),
        False,
        True,
    )
    over = check_application(
        _application((CostItem.HOSPITALITY, "60.01")), policy, on=DAY, history=history
    )
    assert (over.over_budget, over.approved) == (True, False)
    nothing_yet = check_application(_application(), policy, on=DAY, history=history[:1])
    assert repr(nothing_yet.spent) == "Decimal('0')"


def test_the_monthly_cap_counts_the_calendar_month_only() -> None:
    """ "每人每月": receptions of another month of the same year, or of the same month of
    another year, do not count."""
    history = [ReceptionRecord(dt.date(2026, 5, 1 + i), "王芳", "100") for i in range(4)] + [
        ReceptionRecord(dt.date(2025, 6, 1 + i), "王芳", "100") for i in range(4)
    ]
    c = check_application(_application(), SEED, on=DAY, history=history)
    assert (c.month_count, c.over_cap, c.flags) == (1, (), ())


def test_the_cap_per_guest_is_over_only_past_the_cap_and_counts_one_without_guests() -> None:
    policy = ServicePolicy(expenses=ExpensePolicy(cap_basis=CapBasis.PER_GUEST, monthly_cap=2))
    history = [ReceptionRecord(dt.date(2026, 6, 1), "李雷", "100", guests=("陈总",))]
    at_cap = check_application(_application(guests=("陈总",)), policy, on=DAY, history=history)
    assert (at_cap.month_count, at_cap.over_cap) == (2, ())
    assert ExpenseFlag.OVER_CAP not in at_cap.flags
    no_guests = check_application(_application(), policy, on=DAY, history=history)
    assert (no_guests.month_count, no_guests.over_cap) == (1, ())


def test_a_repeat_is_within_thirty_days_both_ends_included() -> None:
    """30 days before the reception (5 May → 5 June is 31 days: out; 6 May: in) up to the
    reception day itself."""
    same = ReceptionRecord(dt.date(2026, 5, 6), "李雷", "2000", guests=("陈总",), content="午宴")
    history = [
        same,
        attrs.evolve(same, on=dt.date(2026, 5, 5)),
        attrs.evolve(same, on=DAY),
    ]
    c = check_application(
        _application(guests=("陈总",), content="午宴"), SEED, on=DAY, history=history
    )
    assert c.repeats == (dt.date(2026, 5, 6), DAY)


_CARD_AND_REPEATS = [
    ReceptionRecord(dt.date(2026, 6, 1 + i), "王芳", "2000", guests=("刘总",), content="工厂参观")
    for i in range(4)
]


def _reasons(result: ApplicationCheck | Reimbursement) -> list[tuple[str, str, object]]:
    return [(r.rule, r.code, r.facts) for r in result.reasons]


_APPLIED = (("id", "R-1"), ("total", Decimal(1000)), ("purpose", ReceptionPurpose.VISIT))
_VENUE = (("grade", VenueGrade.MID),)


@pytest.mark.parametrize(
    ("app", "policy", "history", "reasons"),
    [
        pytest.param(
            _application(
                approvals=SIGNED[:1], important=True, guests=("刘总",), content="工厂参观"
            ),
            SEED,
            _CARD_AND_REPEATS,
            [
                ("S2", "S2.not_approved", (*_APPLIED, *_VENUE, ("execution", ExecutionType.FULL))),
                ("S2", "S2.signed", (("role", CSM), ("who", "钱经理"))),
                ("S2", "S2.unsigned", (("role", FM), ("status", Label("未签批", "none given")))),
                (
                    "S2",
                    "S2.budget",
                    (("total", Decimal(1000)), ("spent", Decimal(0)), ("budget", Decimal(2000))),
                ),
                ("S2", "S2.over_cap", (("who", ("王芳",)), ("count", 5), ("cap", 4))),
                ("S2", "S2.repeat", (("days", tuple(r.on for r in _CARD_AND_REPEATS)),)),
                ("S2", "S2.no_card", (("customer", "华东重工"),)),
            ],
            id="unsigned-with-every-flag",
        ),
        pytest.param(
            _application(),
            SEED,
            [],
            [
                ("S2", "S2.approved", (*_APPLIED, *_VENUE, ("execution", ExecutionType.FULL))),
                ("S2", "S2.signed", (("role", CSM), ("who", "钱经理"))),
                ("S2", "S2.signed", (("role", FM), ("who", "孙经理"))),
                ("S2", "S2.no_budget", ()),
            ],
            id="approved-without-history",
        ),
        pytest.param(
            _application(execution=ExecutionType.SELF_PAID),
            SEED,
            _history("10"),
            [
                (
                    "S2",
                    "S2.approved",
                    (*_APPLIED, *_VENUE, ("execution", ExecutionType.SELF_PAID)),
                ),
                ("S2", "S2.signed", (("role", CSM), ("who", "钱经理"))),
                ("S2", "S2.signed", (("role", FM), ("who", "孙经理"))),
                ("S2", "S2.self_paid", ()),
            ],
            id="self-paid",
        ),
        pytest.param(
            _application(),
            ServicePolicy(expenses=ExpensePolicy(budget_basis=BudgetBasis.PER_MONTH)),
            [
                ReceptionRecord(dt.date(2026, 3, 2), "李雷", "1250"),
                ReceptionRecord(dt.date(2026, 6, 2), "李雷", "50"),
            ],
            [
                ("S2", "S2.not_approved", (*_APPLIED, *_VENUE, ("execution", ExecutionType.FULL))),
                ("S2", "S2.signed", (("role", CSM), ("who", "钱经理"))),
                ("S2", "S2.signed", (("role", FM), ("who", "孙经理"))),
                (
                    "S2",
                    "S2.over_budget",
                    (
                        ("total", Decimal(1000)),
                        ("spent", Decimal(50)),
                        ("budget", Decimal("108.33")),  # 1,300 / 12
                    ),
                ),
            ],
            id="over-the-monthly-budget",
        ),
    ],
)
def test_every_reason_of_an_application_check(
    app: ReceptionApplication,
    policy: ServicePolicy,
    history: list[ReceptionRecord],
    reasons: list[tuple[str, str, object]],
) -> None:
    """Each reason's rule, code and facts — what a host stores and renders — exactly."""
    assert _reasons(check_application(app, policy, on=DAY, history=history)) == reasons


def test_an_application_check_carries_the_policys_version_and_effective_date() -> None:
    c = check_application(_application(), VERSIONED, on=DAY)
    assert (c.policy_version, c.policy_effective) == ("2026.6", dt.date(2026, 1, 1))
    r = reimburse(_claim(dt.date(2026, 6, 10)), _application(), VERSIONED, on=DAY)
    assert (r.policy_version, r.policy_effective) == ("2026.6", dt.date(2026, 1, 1))


_RECORD = ReceptionRecord(dt.date(2026, 3, 2), "李雷", "1500")


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: check_application("R-1", SEED, on=DAY),  # type: ignore[arg-type]
            [("application", "'R-1'", "a ReceptionApplication")],
            id="application",
        ),
        pytest.param(
            lambda: check_application(_application(), SEED, on="2026-06-05"),  # type: ignore[arg-type]
            [("on", "'2026-06-05'", "a datetime.date")],
            id="on",
        ),
        pytest.param(
            lambda: check_application(_application(), SEED, on=DAY, history="R"),  # type: ignore[arg-type]
            [("history", "'R'", "a list of a ReceptionRecord")],
            id="history-not-a-list",
        ),
        pytest.param(
            lambda: check_application(_application(), SEED, on=DAY, history=[_RECORD, "R"]),  # type: ignore[list-item]
            [("history[1]", "'R'", "a ReceptionRecord")],
            id="history-item",
        ),
    ],
)
def test_every_refusal_of_check_application(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == problems


# --------------------------------------------------------------------------- reimbursement


def _claim(
    submitted: dt.date, *lines: ClaimLine, sign_off: Approval | None = SIGN_OFF
) -> ReimbursementClaim:
    return ReimbursementClaim(
        "R-1", submitted, lines or (ClaimLine(CostItem.HOSPITALITY, "1000"),), sign_off
    )


@pytest.mark.parametrize(
    ("day", "late"),
    [
        pytest.param(dt.date(2026, 6, 20), False, id="day-15-on-time"),
        pytest.param(dt.date(2026, 6, 21), True, id="day-16-late"),
        pytest.param(DAY, False, id="the-same-day"),
    ],
)
def test_receipts_within_fifteen_days_after_the_reception(day: dt.date, late: bool) -> None:
    """ "在客户接待工作结束后15日内": the day after the reception is day 1 — submitted on day 15
    is on time, day 16 is late and refused [default]."""
    r = reimburse(_claim(day), _application(), SEED, on=dt.date(2026, 6, 25))
    assert r.due == dt.date(2026, 6, 20)
    assert r.late is late
    assert r.reimbursable == (0 if late else 1000)
    assert r.outcome is (ReimbursementOutcome.REFUSED if late else ReimbursementOutcome.FULL)
    if late:
        assert all(line.outcome is ClaimLineOutcome.LATE for line in r.lines)
        assert find_reason(r, ServiceReason.S2_LATE) is not None


def test_late_claims_flagged_only_is_the_other_setting() -> None:
    policy = ServicePolicy(
        expenses=ExpensePolicy(late_claim_refused=False, claim_deadline=Deadline(10))
    )
    r = reimburse(_claim(dt.date(2026, 6, 16)), _application(), policy, on=dt.date(2026, 6, 25))
    assert r.late
    assert r.reimbursable == 1000


def test_over_standard_is_reduced_unauthorised_and_receiptless_refused() -> None:
    """ "不得擅自接待或超标开支。否则,客户服务部不予报销,或在报销时予以核减"."""
    app = _application((CostItem.HOSPITALITY, "1000"), (CostItem.GIFT, "300.50"))
    claim = _claim(
        dt.date(2026, 6, 10),
        ClaimLine(CostItem.HOSPITALITY, "800"),
        ClaimLine(CostItem.HOSPITALITY, "300.25"),
        ClaimLine(CostItem.GIFT, "300.50"),
        ClaimLine(CostItem.MEETING, "50"),
        ClaimLine(CostItem.GIFT, "20", receipt=False),
    )
    r = reimburse(claim, app, SEED, on=dt.date(2026, 6, 12))
    assert [(line.allowed, line.outcome) for line in r.lines] == [
        (Decimal(800), ClaimLineOutcome.PAID),
        (Decimal(200), ClaimLineOutcome.REDUCED),
        (Decimal("300.50"), ClaimLineOutcome.PAID),
        (Decimal(0), ClaimLineOutcome.UNAUTHORISED),
        (Decimal(0), ClaimLineOutcome.NO_RECEIPT),
    ]
    assert r.claimed == Decimal("1470.75")
    assert r.reimbursable == Decimal("1300.50")
    assert r.outcome is ReimbursementOutcome.REDUCED
    assert explain(r).splitlines()[0] == (
        "[S2] 申请 R-1 报销:申报 1,470.75 元,可报销 1,300.50 元(核减报销)"
    )


def test_an_unapproved_application_is_not_reimbursed() -> None:
    r = reimburse(
        _claim(dt.date(2026, 6, 10)),
        _application(approvals=SIGNED[1:]),
        SEED,
        on=dt.date(2026, 6, 12),
    )
    assert not r.authorised
    assert r.reimbursable == 0
    assert r.outcome is ReimbursementOutcome.REFUSED
    assert find_reason(r, ServiceReason.S2_UNAUTHORISED) is not None


def test_the_customer_service_manager_signs_the_claim_off() -> None:
    r = reimburse(
        _claim(dt.date(2026, 6, 10), sign_off=None), _application(), SEED, on=dt.date(2026, 6, 12)
    )
    assert r.outcome is ReimbursementOutcome.AWAITING_SIGN_OFF
    assert r.reimbursable == 1000
    assert not r.signed
    wrong = Approval("孙经理", Role.FINANCE_MANAGER, REIMBURSEMENT, dt.date(2026, 6, 1))
    r = reimburse(
        _claim(dt.date(2026, 6, 10), sign_off=wrong), _application(), SEED, on=dt.date(2026, 6, 12)
    )
    assert r.outcome is ReimbursementOutcome.AWAITING_SIGN_OFF


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: reimburse("R-1", _application(), SEED, on=DAY),  # type: ignore[arg-type]
            [("claim", "'R-1'", "a ReimbursementClaim")],
            id="claim",
        ),
        pytest.param(
            lambda: reimburse(_claim(DAY), "R-1", SEED, on=DAY),  # type: ignore[arg-type]
            [("application", "'R-1'", "a ReceptionApplication")],
            id="application",
        ),
        pytest.param(
            lambda: reimburse(_claim(DAY), _application(), SEED, on="2026-06-05"),  # type: ignore[arg-type]
            [("on", "'2026-06-05'", "a datetime.date")],
            id="on",
        ),
        pytest.param(
            lambda: reimburse(
                attrs.evolve(_claim(DAY), application="R-2"), _application(), SEED, on=DAY
            ),
            [("claim.application", "'R-2'", "the application's id 'R-1'")],
            id="another-application",
        ),
        pytest.param(
            lambda: reimburse(_claim(dt.date(2026, 6, 4)), _application(), SEED, on=DAY),
            [
                (
                    "claim.submitted_on",
                    "datetime.date(2026, 6, 4)",
                    "a day on or after the reception (2026-06-05)",
                )
            ],
            id="submitted-before-the-reception",
        ),
    ],
)
def test_every_refusal_of_reimburse(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == problems


def test_an_application_and_a_claim_have_at_least_one_line() -> None:
    assert problems_of(lambda: attrs.evolve(_application(), items=())) == [
        ("items", "()", "at least one cost line")
    ]
    assert problems_of(lambda: ReimbursementClaim("R-1", DAY, ())) == [
        ("lines", "()", "at least one line")
    ]


@pytest.mark.parametrize(
    ("app", "submitted", "outcome"),
    [
        pytest.param(
            _application(approvals=SIGNED[1:]),
            dt.date(2026, 6, 10),
            ClaimLineOutcome.UNAUTHORISED,
            id="unauthorised",
        ),
        pytest.param(_application(), dt.date(2026, 6, 21), ClaimLineOutcome.LATE, id="late"),
    ],
)
def test_a_refused_claim_refuses_every_line_and_says_why(
    app: ReceptionApplication, submitted: dt.date, outcome: ClaimLineOutcome
) -> None:
    claim = _claim(
        submitted,
        ClaimLine(CostItem.HOSPITALITY, "600"),
        ClaimLine(CostItem.GIFT, "30", receipt=False),
        ClaimLine(CostItem.HOSPITALITY, "400"),
    )
    r = reimburse(claim, app, SEED, on=dt.date(2026, 6, 25))
    assert [(line.item, line.claimed, line.allowed, line.outcome) for line in r.lines] == [
        (CostItem.HOSPITALITY, Decimal(600), Decimal(0), outcome),
        (CostItem.GIFT, Decimal(30), Decimal(0), outcome),
        (CostItem.HOSPITALITY, Decimal(400), Decimal(0), outcome),
    ]
    assert (r.outcome, r.reimbursable) == (ReimbursementOutcome.REFUSED, Decimal(0))


def test_the_application_must_have_been_signed_for_its_whole_amount() -> None:
    """Authorisation is checked on the reception day against the application's total: a
    finance sign-off for 999.99 does not cover 1,000 (擅自接待)."""
    short = (
        SIGNED[0],
        Approval("孙经理", FM, RECEPTION_EXPENSE, dt.date(2026, 6, 1), max_amount="999.99"),
    )
    r = reimburse(
        _claim(dt.date(2026, 6, 10)), _application(approvals=short), SEED, on=dt.date(2026, 6, 12)
    )
    assert (r.authorised, r.outcome, r.reimbursable) == (
        False,
        ReimbursementOutcome.REFUSED,
        Decimal(0),
    )


def test_a_line_past_its_items_used_up_standard_is_reduced_to_nothing_not_unauthorised() -> None:
    """The item was applied for: a second line after the first used its standard up is over
    standard (核减 to 0), not an item never applied for."""
    claim = _claim(
        dt.date(2026, 6, 10),
        ClaimLine(CostItem.HOSPITALITY, "1000"),
        ClaimLine(CostItem.HOSPITALITY, "200"),
    )
    r = reimburse(claim, _application(), SEED, on=dt.date(2026, 6, 12))
    assert [(line.allowed, line.outcome) for line in r.lines] == [
        (Decimal(1000), ClaimLineOutcome.PAID),
        (Decimal(0), ClaimLineOutcome.REDUCED),
    ]
    assert (r.outcome, r.reimbursable) == (ReimbursementOutcome.REDUCED, Decimal(1000))


def test_a_claim_sign_off_bound_to_another_application_does_not_count() -> None:
    def signed_for(subject: str) -> Reimbursement:
        sign_off = Approval("钱经理", CSM, REIMBURSEMENT, dt.date(2026, 6, 1), subject=subject)
        claim = _claim(dt.date(2026, 6, 10), sign_off=sign_off)
        return reimburse(claim, _application(), SEED, on=dt.date(2026, 6, 12))

    assert (signed_for("R-1").signed, signed_for("R-1").outcome) == (
        True,
        ReimbursementOutcome.FULL,
    )
    assert (signed_for("R-2").signed, signed_for("R-2").outcome) == (
        False,
        ReimbursementOutcome.AWAITING_SIGN_OFF,
    )


def test_a_claim_of_nothing_is_paid_in_full_not_refused() -> None:
    """Refused means nothing reimbursed *of something claimed*: a claim of 0 yuan, on time,
    authorised and signed, is reimbursed in full (0)."""
    r = reimburse(
        _claim(dt.date(2026, 6, 10), ClaimLine(CostItem.HOSPITALITY, "0")),
        _application(),
        SEED,
        on=dt.date(2026, 6, 12),
    )
    assert (r.claimed, r.reimbursable, r.outcome) == (
        Decimal(0),
        Decimal(0),
        ReimbursementOutcome.FULL,
    )


@pytest.mark.parametrize(
    ("app", "claim", "reasons"),
    [
        pytest.param(
            _application((CostItem.HOSPITALITY, "1000"), (CostItem.GIFT, "300.50")),
            ReimbursementClaim(
                "R-1",
                dt.date(2026, 6, 20),
                (
                    ClaimLine(CostItem.HOSPITALITY, "1200"),
                    ClaimLine(CostItem.GIFT, "20", receipt=False),
                    ClaimLine(CostItem.MEETING, "50"),
                    ClaimLine(CostItem.GIFT, "300.50"),
                ),
            ),
            [
                (
                    "S2",
                    "S2.claim",
                    (
                        ("application", "R-1"),
                        ("outcome", ReimbursementOutcome.AWAITING_SIGN_OFF),
                        ("claimed", Decimal("1570.50")),
                        ("reimbursable", Decimal("1300.50")),
                    ),
                ),
                (
                    "S2",
                    "S2.on_time",
                    (("submitted", dt.date(2026, 6, 20)), ("due", dt.date(2026, 6, 20))),
                ),
                (
                    "S2",
                    "S2.line.reduced",
                    (
                        ("item", CostItem.HOSPITALITY),
                        ("claimed", Decimal(1200)),
                        ("allowed", Decimal(1000)),
                    ),
                ),
                (
                    "S2",
                    "S2.line.no_receipt",
                    (("item", CostItem.GIFT), ("claimed", Decimal(20))),
                ),
                (
                    "S2",
                    "S2.line.unauthorised",
                    (("item", CostItem.MEETING), ("claimed", Decimal(50))),
                ),
                ("S2", "S2.awaiting_sign_off", ()),
            ],
            id="reduced-awaiting-the-sign-off",
        ),
        pytest.param(
            _application(approvals=SIGNED[1:]),
            _claim(
                dt.date(2026, 6, 21),
                ClaimLine(CostItem.HOSPITALITY, "600"),
                ClaimLine(CostItem.GIFT, "30"),
            ),
            [
                (
                    "S2",
                    "S2.claim",
                    (
                        ("application", "R-1"),
                        ("outcome", ReimbursementOutcome.REFUSED),
                        ("claimed", Decimal(630)),
                        ("reimbursable", Decimal(0)),
                    ),
                ),
                ("S2", "S2.unauthorised", (("application", "R-1"),)),
                (
                    "S2",
                    "S2.late",
                    (("submitted", dt.date(2026, 6, 21)), ("due", dt.date(2026, 6, 20))),
                ),
                (
                    "S2",
                    "S2.line.unauthorised",
                    (("item", CostItem.HOSPITALITY), ("claimed", Decimal(600))),
                ),
                (
                    "S2",
                    "S2.line.unauthorised",
                    (("item", CostItem.GIFT), ("claimed", Decimal(30))),
                ),
            ],
            id="unauthorised-and-late",
        ),
    ],
)
def test_every_reason_of_a_reimbursement(
    app: ReceptionApplication, claim: ReimbursementClaim, reasons: list[tuple[str, str, object]]
) -> None:
    """Each reason's rule, code and facts exactly; a line refused without receipt in the
    middle of a claim does not stop the lines after it from being decided."""
    r = reimburse(claim, app, SEED, on=dt.date(2026, 6, 22))
    assert _reasons(r) == reasons


def test_money_is_never_a_float() -> None:
    with pytest.raises(InputError) as caught:
        ExpenseItem(CostItem.GIFT, 12.5)
    assert caught.value.field == "amount"
    assert "Decimal('12.5')" in caught.value.expected
    with pytest.raises(InputError):
        ClaimLine(CostItem.GIFT, "-1")


# --------------------------------------------------------------------------- properties


@st.composite
def _claims(draw: st.DrawFn, app: ReceptionApplication) -> ReimbursementClaim:
    lines = draw(
        st.lists(
            st.builds(
                ClaimLine, st.sampled_from(list(CostItem)), amounts(0, 12_000), st.booleans()
            ),
            min_size=1,
            max_size=5,
        )
    )
    submitted = app.reception_on + dt.timedelta(days=draw(st.integers(0, 20)))
    return ReimbursementClaim(app.id, submitted, tuple(lines), draw(st.none() | st.just(SIGN_OFF)))


@given(st.data())
def test_a_reimbursement_never_exceeds_the_claim_or_the_standard(data: st.DataObject) -> None:
    app = data.draw(reception_applications())
    claim = data.draw(_claims(app))
    on = claim.submitted_on
    r = reimburse(claim, app, SEED, on=on)
    assert 0 <= r.reimbursable <= r.claimed
    assert r.reimbursable <= app.total
    for item in CostItem:
        assert sum(
            (line.allowed for line in r.lines if line.item is item), Decimal(0)
        ) <= app.standard(item)
    assert all(line.allowed <= line.claimed for line in r.lines)
    if r.outcome is ReimbursementOutcome.FULL:
        assert r.signed
        assert r.reimbursable == r.claimed
    elif r.outcome is ReimbursementOutcome.REDUCED:
        assert r.signed
        assert 0 < r.reimbursable < r.claimed
    elif r.outcome is ReimbursementOutcome.REFUSED:
        assert r.reimbursable == 0
    else:
        assert not r.signed
    if not r.authorised or r.late:
        assert r.outcome is ReimbursementOutcome.REFUSED
    data_ = json.loads(json.dumps(to_data(r, lang="zh"), ensure_ascii=False))
    assert from_data(Reimbursement, data_, policy=SEED) == r


@given(reception_applications(), st.lists(reception_records(), max_size=12))
def test_an_application_check_is_consistent_and_round_trips(
    app: ReceptionApplication, history: list[ReceptionRecord]
) -> None:
    c = check_application(app, SEED, on=app.reception_on, history=history)
    signed = all(s.status is ApprovalStatus.GRANTED for s in c.signatures)
    assert c.approved == (signed and not c.over_budget)
    assert c.drawable == (
        c.total if c.approved and app.execution is not ExecutionType.SELF_PAID else 0
    )
    assert (ExpenseFlag.OVER_CAP in c.flags) == (c.month_count > 4)
    codes = [r.code for r in c.reasons]
    assert codes[0] == (ServiceReason.S2_APPROVED if c.approved else ServiceReason.S2_NOT_APPROVED)
    assert check_application(app, SEED, on=app.reception_on, history=history) == c
    data = json.loads(json.dumps(to_data(c, lang="en"), ensure_ascii=False))
    assert from_data(ApplicationCheck, data, policy=SEED) == c


@given(
    reception_applications(),
    st.lists(reception_records(), min_size=1, max_size=8),
    amounts(1, 5000),
)
def test_more_amount_never_brings_an_application_within_budget(
    app: ReceptionApplication, history: list[ReceptionRecord], extra: Decimal
) -> None:
    more = attrs.evolve(app, items=(*app.items, ExpenseItem(CostItem.OTHER, extra)))
    before = check_application(app, SEED, on=app.reception_on, history=history)
    after = check_application(more, SEED, on=app.reception_on, history=history)
    if before.over_budget:
        assert after.over_budget
