"""S6 — customer development: yearly targets in monthly tasks, the development application on the
workflow table (002 §XX客户开发方案 二、三、六、七、八)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import InputError, PolicyError, explain
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import find_reason
from customer_rules.roles import Approval, ApprovalStatus, Role
from customer_rules.service import (
    DEVELOPMENT_TARGETS,
    DevelopmentApplication,
    DevelopmentPlan,
    DevelopmentPolicy,
    DevelopmentStatus,
    DevelopmentTarget,
    ServicePolicy,
    ServiceReason,
    development_status,
    monthly_tasks,
)
from customer_rules.testing import amounts
from customer_rules.workflow import EventRecord, StepOutcome, WorkflowTable, apply, start
from refusals import problems_of

SEED = ServicePolicy()
TABLE = SEED.development.table
DAY = dt.date(2026, 3, 2)
MANAGER = Approval("黄经理", Role.MARKETING_MANAGER, DEVELOPMENT_TARGETS, dt.date(2026, 1, 2))


# --------------------------------------------------------------------------- targets


def test_yearly_targets_split_into_monthly_tasks_exactly() -> None:
    """ "将指标分配到每个月的客户开发任务中": equal months [default], adding up exactly."""
    plan = monthly_tasks(
        DevelopmentTarget(2026, 30, "100万", MANAGER), SEED, on=dt.date(2026, 1, 5)
    )
    assert [m.month for m in plan.months] == [dt.date(2026, m, 1) for m in range(1, 13)]
    assert [m.customers for m in plan.months] == [3] * 6 + [2] * 6
    assert sum(m.sales for m in plan.months) == Decimal(1_000_000)
    assert {m.sales for m in plan.months} == {Decimal("83333.34"), Decimal("83333.33")}
    assert plan.set_by is ApprovalStatus.GRANTED
    assert explain(plan, "en").splitlines() == [
        "[S6] 2026 development targets: 30 customers, 1,000,000 in sales, by month",
        "[S6] targets set by 黄经理",
    ]


def test_targets_set_by_another_role_are_flagged() -> None:
    """ "市场营销部经理根据公司年度生产目标和销售目标确定客户开发目标"."""
    other = Approval("林主管", Role.MARKETING_SUPERVISOR, DEVELOPMENT_TARGETS, dt.date(2026, 1, 2))
    plan = monthly_tasks(DevelopmentTarget(2026, 12, "12万", other), SEED, on=dt.date(2026, 1, 5))
    assert plan.set_by is ApprovalStatus.WRONG_ROLE
    assert find_reason(plan, ServiceReason.S6_TARGETS_UNSET) is not None
    assert (
        monthly_tasks(DevelopmentTarget(2026, 12, "12万"), SEED, on=DAY).set_by
        is ApprovalStatus.MISSING
    )


def test_month_weights_are_policy_data() -> None:
    weights = (0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
    plan = monthly_tasks(
        DevelopmentTarget(2026, 7, "0.07"),
        ServicePolicy(development=DevelopmentPolicy(month_weights=weights)),
        on=DAY,
    )
    assert [m.customers for m in plan.months] == [0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]
    assert [m.sales for m in plan.months][:3] == [Decimal("0.00"), Decimal("0.00"), Decimal("0.01")]
    with pytest.raises(PolicyError):
        DevelopmentPolicy(month_weights=(1,) * 11)
    with pytest.raises(PolicyError):
        DevelopmentPolicy(month_weights=(0,) * 12)


@given(
    st.integers(0, 10_000),
    amounts(0, 10**9),
    st.lists(st.integers(0, 20), min_size=12, max_size=12),
)
def test_the_months_always_add_up_to_the_year(
    customers: int, sales: Decimal, weights: list[int]
) -> None:
    if not sum(weights):
        return
    policy = ServicePolicy(development=DevelopmentPolicy(month_weights=tuple(weights)))
    plan = monthly_tasks(DevelopmentTarget(2026, customers, sales), policy, on=DAY)
    assert sum(m.customers for m in plan.months) == customers
    assert sum(m.sales for m in plan.months) == sales
    assert all(m.customers >= 0 and m.sales >= 0 for m in plan.months)
    assert all(
        m.customers == 0 and m.sales == 0
        for m, w in zip(plan.months, weights, strict=True)
        if w == 0
    )
    data = json.loads(json.dumps(to_data(plan, lang="en")))
    assert from_data(DevelopmentPlan, data, policy=policy) == plan


# --------------------------------------------------------------------------- the application


def _run(
    *moves: tuple[str, Role, str], subject: str = "D-1", on: dt.date = DAY
) -> list[EventRecord]:
    case = start(TABLE, subject=subject)
    records = []
    for event, role, who in moves:
        step = apply(TABLE, case, event, by=Approval(who, role, _WHAT.get(event, "S6"), on), on=on)
        assert step.applied, explain(step, "en")
        assert step.record is not None
        records.append(step.record)
        case = step.after
    return records


_WHAT = {
    "sign": "S6.application",
    "supervisor_review": "S6.report",
    "manager_review": "S6.report",
    "director_approve": "S6.final",
    "gm_approve": "S6.final",
}
_APPLY = ("apply", Role.SALESPERSON, "陈小明")
_SIGN = ("sign", Role.MARKETING_SUPERVISOR, "林主管")
_SUCCEED = ("succeed", Role.SALESPERSON, "陈小明")
_SUP = ("supervisor_review", Role.MARKETING_SUPERVISOR, "林主管")
_MGR = ("manager_review", Role.MARKETING_MANAGER, "黄经理")


def test_the_application_is_signed_by_the_marketing_supervisor_not_the_applicant() -> None:
    """ "营销主管审核《客户开发申请单》,并在申请单上签字"."""
    records = _run(_APPLY)
    case = start(TABLE, subject="D-1")
    applied = apply(
        TABLE, case, "apply", by=Approval("陈小明", Role.SALESPERSON, "S6", DAY), on=DAY
    ).after
    self_signed = apply(
        TABLE,
        applied,
        "sign",
        by=Approval("陈小明", Role.MARKETING_SUPERVISOR, "S6.application", DAY),
        on=DAY,
    )
    assert self_signed.outcome is StepOutcome.SAME_PERSON
    by_sales = apply(
        TABLE, applied, "sign", by=Approval("李", Role.SALESPERSON, "S6.application", DAY), on=DAY
    )
    assert by_sales.outcome is StepOutcome.WRONG_ROLE
    s = development_status(
        DevelopmentApplication("D-1", "华南电气", "陈小明"), records, SEED, on=DAY
    )
    assert [(n.event.name, n.roles) for n in s.next] == [
        ("sign", (Role.MARKETING_SUPERVISOR,)),
        ("return", (Role.MARKETING_SUPERVISOR,)),
    ]


def test_progress_is_reported_to_the_supervisor_regularly() -> None:
    """ "营销人员定期将客户开发的进度向营销主管进行汇报": monthly [default] from the signature or
    the last report."""
    app = DevelopmentApplication("D-1", "华南电气", "陈小明")
    records = _run(_APPLY, _SIGN)
    s = development_status(app, records, SEED, on=dt.date(2026, 4, 2))
    assert s.progress_due is not None
    assert (s.progress_due.due, s.progress_overdue) == (dt.date(2026, 4, 2), False)
    late = development_status(app, records, SEED, on=dt.date(2026, 4, 3))
    assert late.progress_overdue
    case = development_status(app, records, SEED, on=DAY).case
    reported = dt.date(2026, 3, 20)
    step = apply(
        TABLE,
        case,
        "report_progress",
        by=Approval("陈小明", Role.SALESPERSON, "S6", reported),
        on=reported,
    )
    assert step.record is not None
    s = development_status(app, [*records, step.record], SEED, on=dt.date(2026, 4, 10))
    assert s.progress_due is not None
    assert s.progress_due.due == dt.date(2026, 4, 20)


def test_an_ordinary_customer_is_entered_after_the_managers_review() -> None:
    """ "新开发客户报告表": 主管审核意见, 部门经理审核意见; then into the system."""
    app = DevelopmentApplication("D-1", "华南电气", "陈小明")
    records = _run(_APPLY, _SIGN, _SUCCEED, _SUP, _MGR)
    s = development_status(app, records, SEED, on=DAY)
    assert s.case.state == "manager_reviewed"
    assert [n.event.name for n in s.next] == ["register"]


def test_an_important_customers_final_report_needs_the_director_and_the_gm() -> None:
    """二.2 "营销总监和总经理负责重要客户开发工作的最后报告的审核审批和决策"."""
    app = DevelopmentApplication("D-1", "华南电气", "陈小明", important=True)
    records = _run(_APPLY, _SIGN, _SUCCEED, _SUP, _MGR)
    s = development_status(app, records, SEED, on=DAY)
    assert [(n.event.name, n.roles) for n in s.next] == [
        ("director_approve", (Role.MARKETING_DIRECTOR,))
    ]
    full = _run(
        _APPLY,
        _SIGN,
        _SUCCEED,
        _SUP,
        _MGR,
        ("director_approve", Role.MARKETING_DIRECTOR, "钱总监"),
        ("gm_approve", Role.GENERAL_MANAGER, "赵总"),
        ("register", Role.SALES_ADMIN, "小周"),
    )
    done = development_status(app, full, SEED, on=DAY)
    assert done.case.state == "registered"
    assert not done.final_missing
    skipped = _run(_APPLY, _SIGN, _SUCCEED, _SUP, _MGR, ("register", Role.SALES_ADMIN, "小周"))
    flagged = development_status(app, skipped, SEED, on=DAY)
    assert flagged.final_missing
    assert (
        explain(flagged).splitlines()[-1]
        == "[S6] 重要客户 华南电气 未经营销总监和总经理审批最后报告即录入"
    )


def test_records_are_checked() -> None:
    app = DevelopmentApplication("D-1", "华南电气", "陈小明")
    records = _run(_APPLY, subject="D-2")
    with pytest.raises(InputError) as caught:
        development_status(app, records, SEED, on=DAY)
    assert caught.value.field.startswith("records[0]")
    with pytest.raises(InputError) as caught:
        development_status(app, _run(_APPLY), SEED, on=DAY - dt.timedelta(days=1))
    assert caught.value.field == "records[0].on"
    with pytest.raises(PolicyError):
        DevelopmentPolicy(table=SEED.big_customers.pipeline)


@given(st.lists(st.sampled_from([e.name for e in TABLE.events]), max_size=12), st.booleans())
def test_the_status_follows_any_record_and_round_trips(events: list[str], important: bool) -> None:
    roles = {t.event: min(t.roles, key=lambda r: r.value) for t in TABLE.transitions}
    case = start(TABLE, subject="D-1")
    records = []
    for i, event in enumerate(events):
        step = apply(
            TABLE,
            case,
            event,
            by=Approval(f"P{i}", roles[event], _WHAT.get(event, "S6"), DAY),
            on=DAY,
        )
        if step.record is not None:
            records.append(step.record)
        case = step.after
    app = DevelopmentApplication("D-1", "华南电气", "陈小明", important=important)
    s = development_status(app, records, SEED, on=DAY)
    assert s.case == case
    if important:
        assert "register" not in [n.event.name for n in s.next] or s.case.state == "approved"
    data = json.loads(json.dumps(to_data(s, lang="zh"), ensure_ascii=False))
    assert from_data(DevelopmentStatus, data, policy=SEED) == s


# --------------------------------------------------------------------------- exact results

_VERSIONED = ServicePolicy(version="2026.6", effective=dt.date(2026, 1, 1))


def test_a_fraction_of_a_cent_goes_to_the_last_month() -> None:
    """Sales of 1.239 yuan: 123 whole cents (rounded down, never up), 10 a month and the 3 left
    to January–March (equal remainders: the earlier month first), and the 0.009 below a cent to
    December — the months add up to 1.239 exactly."""
    plan = monthly_tasks(DevelopmentTarget(2026, 0, "1.239"), SEED, on=DAY)
    assert [m.sales for m in plan.months] == [
        *[Decimal("0.11")] * 3,
        *[Decimal("0.10")] * 8,
        Decimal("0.109"),
    ]


def test_every_result_carries_the_policys_version_and_effective_date() -> None:
    plan = monthly_tasks(DevelopmentTarget(2026, 12, "12万"), _VERSIONED, on=DAY)
    assert (plan.policy_version, plan.policy_effective) == ("2026.6", dt.date(2026, 1, 1))
    app = DevelopmentApplication("D-1", "华南电气", "陈小明")
    s = development_status(app, _run(_APPLY), _VERSIONED, on=DAY)
    assert (s.policy_version, s.policy_effective) == ("2026.6", dt.date(2026, 1, 1))


# --------------------------------------------------------------------------- exact refusals

_APP = DevelopmentApplication("D-1", "华南电气", "陈小明")
_AMOUNT = "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'"


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: DevelopmentTarget(1899, 3, "1"),
            [("year", 1899, "a whole number from 1,900 to 2,999")],
            id="year",
        ),
        pytest.param(
            lambda: DevelopmentTarget(2026, -1, "1"),
            [("customers", -1, "a whole number from 0 to 1,000,000")],
            id="customers",
        ),
        pytest.param(
            lambda: DevelopmentTarget(2026, 3, "x"), [("sales", "'x'", _AMOUNT)], id="sales"
        ),
        pytest.param(
            lambda: DevelopmentTarget(2026, 3, "-1"),
            [("sales", "'-1'", "a non-negative amount")],
            id="sales-negative",
        ),
        pytest.param(
            lambda: DevelopmentTarget(2026, 3, "1", set_by="x"),  # type: ignore[arg-type]
            [("set_by", "'x'", "an Approval or None")],
            id="set_by",
        ),
        pytest.param(
            lambda: monthly_tasks("x", SEED, on=DAY),  # type: ignore[arg-type]
            [("target", "'x'", "a DevelopmentTarget")],
            id="target",
        ),
        pytest.param(
            lambda: monthly_tasks(DevelopmentTarget(2026, 1, "1"), "x", on=DAY),  # type: ignore[arg-type]
            [("policy", "'x'", "a ServicePolicy (ServicePolicy() is the seed)")],
            id="policy",
        ),
        pytest.param(
            lambda: monthly_tasks(DevelopmentTarget(2026, 1, "1"), SEED, on="x"),  # type: ignore[arg-type]
            [("on", "'x'", "a datetime.date")],
            id="on",
        ),
    ],
)
def test_every_refusal_of_monthly_tasks(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    """The yearly targets' facts and ``monthly_tasks``' arguments: each problem with its path,
    the value given and what was expected."""
    assert problems_of(call) == problems


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: development_status("D-1", [], SEED, on=DAY),  # type: ignore[arg-type]
            [("application", "'D-1'", "a DevelopmentApplication")],
            id="application",
        ),
        pytest.param(
            lambda: DevelopmentApplication("D-1", "华南电气", "陈小明", important="yes"),  # type: ignore[arg-type]
            [("important", "'yes'", "True or False")],
            id="application-important",
        ),
        pytest.param(
            lambda: development_status(_APP, [], "x", on=DAY),  # type: ignore[arg-type]
            [("policy", "'x'", "a ServicePolicy (ServicePolicy() is the seed)")],
            id="policy",
        ),
        pytest.param(
            lambda: development_status(_APP, [], SEED, on="x"),  # type: ignore[arg-type]
            [("on", "'x'", "a datetime.date")],
            id="on",
        ),
        pytest.param(
            lambda: development_status(_APP, "x", SEED, on=DAY),  # type: ignore[arg-type]
            [("records", "'x'", "a list of an EventRecord")],
            id="records-not-a-list",
        ),
        pytest.param(
            lambda: development_status(_APP, ["x"], SEED, on=DAY),  # type: ignore[list-item]
            [("records[0]", "'x'", "an EventRecord")],
            id="records-item",
        ),
        pytest.param(
            lambda: development_status(_APP, _run(_APPLY), SEED, on=dt.date(2026, 3, 1)),
            [("records[0].on", "datetime.date(2026, 3, 2)", "a day on or before on (2026-03-01)")],
            id="records-after-on",
        ),
        pytest.param(
            lambda: development_status(_APP, _run(_APPLY, subject="D-2"), SEED, on=DAY),
            [("records[0].subject", "'D-2'", "'D-1', as the case")],
            id="records-of-another-application",
        ),
    ],
)
def test_every_refusal_of_development_status(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == problems


def _without(*events: str) -> WorkflowTable:
    """The seed's development table less ``events`` and their rows."""
    return WorkflowTable(
        name=TABLE.name,
        rule=TABLE.rule,
        initial=TABLE.initial,
        states=TABLE.states,
        events=tuple(e for e in TABLE.events if e.name not in events),
        transitions=tuple(t for t in TABLE.transitions if t.event not in events),
    )


@pytest.mark.parametrize(
    ("make", "problems"),
    [
        pytest.param(
            lambda: DevelopmentPolicy(month_weights=(1,) * 11),
            [("month_weights", "'11 weight(s)'", "12 weights, January to December")],
            id="eleven-weights",
        ),
        pytest.param(
            lambda: DevelopmentPolicy(month_weights=(0,) * 12),
            [("month_weights", "'all zero'", "weights with a positive sum")],
            id="all-zero",
        ),
        pytest.param(
            lambda: DevelopmentPolicy(table=_without("gm_approve")),
            [("table.events", "'10 event(s)'", "an event 'gm_approve'")],
            id="no-gm-approval",
        ),
        pytest.param(
            lambda: DevelopmentPolicy(table=SEED.big_customers.pipeline),
            [
                ("table.events", "'8 event(s)'", "an event 'director_approve'"),
                ("table.events", "'8 event(s)'", "an event 'gm_approve'"),
                ("table.events", "'8 event(s)'", "an event 'register'"),
            ],
            id="another-table",
        ),
    ],
)
def test_every_refusal_of_a_development_policy(
    make: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    """Twelve weights with a positive sum, and a table that keeps the final approval
    (``director_approve``, ``gm_approve``) and ``register``."""
    with pytest.raises(PolicyError) as caught:
        make()
    assert [(p.path, p.given, p.expected) for p in caught.value.problems] == problems


def test_one_month_may_carry_the_whole_year() -> None:
    """Weights with a sum of one are enough: the whole year in December."""
    policy = ServicePolicy(development=DevelopmentPolicy(month_weights=(0,) * 11 + (1,)))
    plan = monthly_tasks(DevelopmentTarget(2026, 5, "1000"), policy, on=DAY)
    assert [(m.customers, m.sales) for m in plan.months][-2:] == [
        (0, Decimal("0.00")),
        (5, Decimal("1000.00")),
    ]
