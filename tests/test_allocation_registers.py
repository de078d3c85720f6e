"""A16 — the real-estate sales-control registers (preset); A17 — samples and materials."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.refusals import problems_of

from customer_rules import Deadline, DeadlineMode, InputError, PolicyError, explain
from customer_rules.allocation import (
    DEPOSIT_CONFIRMATION,
    AllocationPolicy,
    AllocationReason,
    Deposit,
    Enquiry,
    EnquiryKind,
    IntentCustomer,
    OwnerConflict,
    OwnerEntry,
    OwnerEvent,
    SaleMark,
    SalesControlRegisters,
    SalesRegister,
    SampleCheck,
    SampleDispatch,
    SampleOutcome,
    SampleRequest,
    SpecialDiscount,
    Tally,
    UnitChange,
    UnitChangeKind,
    check_sample,
    mark_sold,
    sales_control_registers,
)
from customer_rules.cn_calendar import china_working_days
from customer_rules.interchange import from_data, to_data
from customer_rules.recurrence import Recurrence
from customer_rules.roles import Approval, ApprovalStatus, Role
from customer_rules.testing import days

SEED = AllocationPolicy()
DAY = dt.date(2026, 11, 30)


def tallies(found: tuple[Tally, ...]) -> list[tuple[str | None, int]]:
    return [(t.key, t.count) for t in found]


def finance(on: dt.date = dt.date(2026, 11, 2), **kw: Any) -> Approval:
    return Approval("钱会计", Role.FINANCE, DEPOSIT_CONFIRMATION, on, **kw)


# --------------------------------------------------------------------------- A16 mark_sold


def test_the_preset_names_the_seed_s_registers() -> None:
    assert [r.zh for r in SalesRegister] == [
        "房源表",
        "意向客户登记表",
        "业主登记一览表",
        "客户换房、退房一览表",
        "销售退房情况一览表",
        "特殊优惠客户一览表",
        "销售日报表",
        "销售日动态表",
    ]


@pytest.mark.parametrize(
    ("deposit", "sold", "status"),
    [
        pytest.param(
            Deposit("U1", "K1", "5万", DAY, finance()),
            True,
            ApprovalStatus.GRANTED,
            id="paid-confirmed",
        ),
        pytest.param(
            Deposit("U1", "K1", "5万", None, finance()), False, ApprovalStatus.GRANTED, id="unpaid"
        ),
        pytest.param(
            Deposit("U1", "K1", "5万", DAY + dt.timedelta(days=1), finance()),
            False,
            ApprovalStatus.GRANTED,
            id="paid-tomorrow",
        ),
        pytest.param(
            Deposit("U1", "K1", "5万", DAY), False, ApprovalStatus.MISSING, id="unconfirmed"
        ),
        pytest.param(
            Deposit(
                "U1",
                "K1",
                "5万",
                DAY,
                Approval("王", Role.SALES_MANAGER, DEPOSIT_CONFIRMATION, DAY),
            ),
            False,
            ApprovalStatus.WRONG_ROLE,
            id="by-the-sales-manager",
        ),
        pytest.param(
            Deposit(
                "U1", "K1", "5万", DAY, Approval("董", Role.CHAIRMAN, DEPOSIT_CONFIRMATION, DAY)
            ),
            False,
            ApprovalStatus.WRONG_ROLE,
            id="by-the-chairman",
        ),
        pytest.param(
            Deposit("U1", "K1", "5万", DAY, finance(subject="U2")),
            False,
            ApprovalStatus.OTHER_SUBJECT,
            id="for-another-unit",
        ),
        pytest.param(
            Deposit("U1", "K1", "5万", DAY, finance(DAY + dt.timedelta(days=1))),
            False,
            ApprovalStatus.NOT_IN_FORCE,
            id="signed-tomorrow",
        ),
        pytest.param(
            Deposit("U1", "K1", "5万", DAY, Approval("钱", Role.FINANCE, "A16.other", DAY)),
            False,
            ApprovalStatus.WRONG_SUBJECT,
            id="another-matter",
        ),
    ],
)
def test_a_unit_is_sold_only_after_the_deposit_and_finance_s_confirmation(
    deposit: Deposit, sold: bool, status: ApprovalStatus
) -> None:
    """A16 "待客户交定金并以财务确认后,在销售大厅的房源表处做出出售出标志"."""
    mark = mark_sold(deposit, SEED, on=DAY)
    assert (mark.sold, mark.confirmation) == (sold, status)
    codes = {r.code for r in mark.reasons}
    if sold:
        assert codes == {AllocationReason.A16_SOLD}
    elif deposit.paid_on is None or deposit.paid_on > DAY:
        assert codes == {AllocationReason.A16_UNPAID}
    else:
        assert codes == {AllocationReason.A16_UNCONFIRMED}


def test_the_unconfirmed_reason_says_what_is_wrong_in_both_languages() -> None:
    mark = mark_sold(Deposit("3-1202", "K2", "5万", DAY, finance(subject="3-1203")), SEED, on=DAY)
    assert (
        explain(mark, "zh")
        == "[A16] 房位 3-1202:客户 K2 的定金未经财务确认(确认的是其他房位),不得标注售出"
    )
    assert explain(mark, "en") == (
        "[A16] unit 3-1202: customer K2's deposit is not confirmed by finance (confirmed for"
        " another unit): not marked sold"
    )


def test_a_mark_round_trips_through_data() -> None:
    mark = mark_sold(Deposit("U1", "K1", "5万", DAY, finance()), SEED, on=DAY)
    assert from_data(SaleMark, to_data(mark, lang="en"), policy=SEED) == mark


# --------------------------------------------------------------------------- A16 registers


def test_exchanges_and_refunds_update_the_owners_list() -> None:
    """A16 "业主换房或退房,要将业主换房退房情况输入“客户换房、退房一览表”并及时更新
    “业主登记一览表”"."""
    deposits = [
        Deposit("3-1201", "K1", "5万", dt.date(2026, 11, 2), finance()),
        Deposit("3-1202", "K2", "5万", dt.date(2026, 11, 3), finance(dt.date(2026, 11, 4))),
        Deposit("5-0801", "K3", "3万", DAY, finance(DAY)),
        Deposit("5-0802", "K4", "3万", DAY),
    ]
    changes = [
        UnitChange(
            "K1", "3-1201", UnitChangeKind.EXCHANGE, dt.date(2026, 11, 10), "换大户型", "3-1501"
        ),
        UnitChange("K2", "3-1202", UnitChangeKind.REFUND, dt.date(2026, 11, 20), "贷款未获批"),
        UnitChange("K9", "5-0801", UnitChangeKind.REFUND, dt.date(2026, 11, 21), "not the owner"),
        UnitChange("K3", "5-0801", UnitChangeKind.REFUND, dt.date(2026, 12, 1), "after the day"),
    ]
    r = sales_control_registers([], deposits, changes, [], [], SEED, on=DAY)
    assert [(o.customer, o.unit, o.since) for o in r.owners] == [
        ("K1", "3-1501", dt.date(2026, 11, 10)),
        ("K3", "5-0801", DAY),
    ]
    assert [m.deposit.unit for m in r.unconfirmed] == ["5-0802"]
    assert r.sold_today == ("5-0801",)
    assert [c.reason for c in r.changes] == ["换大户型", "贷款未获批", "not the owner"]
    assert [(c.event, c.customer, c.unit, c.taken, c.holder) for c in r.conflicts] == [
        (OwnerEvent.REFUND, "K9", "5-0801", False, None)
    ]


def test_the_refund_summary_covers_the_period_of_its_recurrence() -> None:
    """ "定期出一份“销售退房情况一览表”…并总结退房原因": monthly [default], the reasons counted."""
    refunds = [
        UnitChange(f"K{i}", f"U{i}", UnitChangeKind.REFUND, day, why)
        for i, (day, why) in enumerate(
            [
                (dt.date(2026, 10, 31), "贷款未获批"),
                (dt.date(2026, 11, 1), "贷款未获批"),
                (dt.date(2026, 11, 15), "换城市工作"),
                (dt.date(2026, 11, 16), "贷款未获批"),
            ]
        )
    ]
    r = sales_control_registers([], [], refunds, [], [], SEED, on=DAY)
    assert (r.refunds.start, r.refunds.end, r.refunds.due) == (
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 30),
        dt.date(2026, 11, 30),
    )
    later = AllocationPolicy(
        registers={
            "refund_summary": Recurrence.monthly(deadline=Deadline(5, DeadlineMode.WORKING_DAYS))
        }
    )
    due = sales_control_registers(
        [], [], refunds, [], [], later, on=DAY, calendar=china_working_days()
    )
    assert due.refunds.due == dt.date(2026, 12, 7)
    assert tallies(r.refunds.by_reason) == [("贷款未获批", 2), ("换城市工作", 1)]
    quarterly = AllocationPolicy(registers={"refund_summary": Recurrence.in_months(3, 6, 9, 12)})
    q = sales_control_registers([], [], refunds, [], [], quarterly, on=DAY)
    assert (q.refunds.start, q.refunds.end) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert tallies(q.refunds.by_reason) == [("贷款未获批", 3), ("换城市工作", 1)]


def test_the_seed_refund_summary_is_due_at_the_month_end_even_a_rest_day() -> None:
    r = sales_control_registers(
        [], [], [], [], [], SEED, on=dt.date(2026, 1, 15), calendar=china_working_days()
    )
    assert (r.refunds.end, r.refunds.due) == (dt.date(2026, 1, 31), dt.date(2026, 1, 31))
    december = sales_control_registers([], [], [], [], [], SEED, on=dt.date(2026, 12, 15))
    assert (december.refunds.start, december.refunds.end) == (
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 31),
    )


def test_a_refund_summary_counted_from_the_last_is_refused() -> None:
    with pytest.raises(PolicyError) as caught:
        AllocationPolicy(registers={"refund_summary": Recurrence.every(1)})
    assert caught.value.problems[0].path == "registers.refund_summary.basis"


def test_intent_pages_per_consultant_and_the_day_s_figures() -> None:
    """ "每位置业顾问一个页面"; "根据客户等级,将意向客户报给销控"; "对每天来访来电做出统计"."""
    intents = [
        IntentCustomer("K7", "G1", "A", dt.date(2026, 11, 29)),
        IntentCustomer("K8", "G2", "B", DAY),
        IntentCustomer("K9", "G1", "A", DAY),
        IntentCustomer("K6", "G1", "C", DAY + dt.timedelta(days=1)),
    ]
    enquiries = [
        Enquiry(DAY, EnquiryKind.VISIT, "报纸"),
        Enquiry(DAY, EnquiryKind.CALL, "网站"),
        Enquiry(DAY, EnquiryKind.CALL, "网站"),
        Enquiry(DAY - dt.timedelta(days=1), EnquiryKind.CALL, "网站"),
    ]
    discounts = [SpecialDiscount("K3", "5-0801", "老带新 九八折", DAY)]
    r = sales_control_registers(intents, [], [], discounts, enquiries, SEED, on=DAY)
    assert [(page.consultant, [e.customer for e in page.entries]) for page in r.intent] == [
        ("G1", ["K7", "K9"]),
        ("G2", ["K8"]),
    ]
    assert tallies(r.intent_by_grade) == [("A", 2), ("B", 1)]
    assert (r.visits, r.calls) == (1, 2)
    assert tallies(r.by_source) == [("网站", 2), ("报纸", 1)]
    assert [d.customer for d in r.discounts] == ["K3"]
    assert explain(r, "en").splitlines()[0] == (
        "[A16] sales-control registers on 2026-11-30, kept by sales control: 3 intent customers,"
        " 0 owners, 0 units sold that day, 1 visits, 2 calls"
    )


def test_registers_round_trip_through_data() -> None:
    r = sales_control_registers(
        [IntentCustomer("K7", "G1", "A", DAY)],
        [Deposit("U1", "K1", "5万", DAY, finance())],
        [],
        [],
        [Enquiry(DAY, EnquiryKind.CALL), Enquiry(DAY, EnquiryKind.VISIT, "报纸")],
        SEED,
        on=DAY,
    )
    assert from_data(SalesControlRegisters, to_data(r, lang="zh"), policy=SEED) == r


def test_registers_with_conflicts_round_trip_through_data() -> None:
    """A16: the conflicts are part of the stored result."""
    deposits = [
        Deposit("U1", "K1", "5万", dt.date(2026, 11, 2), finance()),
        Deposit("U1", "K2", "5万", dt.date(2026, 11, 3), finance()),
    ]
    refund = UnitChange("K3", "U1", UnitChangeKind.REFUND, dt.date(2026, 11, 4), "x")
    r = sales_control_registers([], deposits, [refund], [], [], SEED, on=DAY)
    assert len(r.conflicts) == 2
    assert from_data(SalesControlRegisters, to_data(r, lang="en"), policy=SEED) == r


def test_register_facts_that_cannot_be_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        UnitChange("K1", "U1", UnitChangeKind.EXCHANGE, DAY, "x")
    assert caught.value.field == "new_unit"
    with pytest.raises(InputError):
        UnitChange("K1", "U1", UnitChangeKind.REFUND, DAY, "x", "U2")
    with pytest.raises(InputError) as bad:
        sales_control_registers([], [object()], [], [], [], SEED, on=DAY)  # type: ignore[list-item]
    assert bad.value.field == "deposits[0]"
    with pytest.raises(InputError) as amount:
        Deposit("U1", "K1", -5)
    assert amount.value.field == "amount"


@given(
    st.lists(
        st.tuples(days(dt.date(2026, 11, 1), dt.date(2026, 12, 31)), st.booleans()),
        max_size=8,
    ),
    days(dt.date(2026, 11, 1), dt.date(2026, 12, 31)),
)
def test_every_owner_holds_a_unit_whose_deposit_finance_confirmed(
    items: list[tuple[dt.date, bool]], on: dt.date
) -> None:
    deposits = [
        Deposit(f"U{i}", f"K{i}", "1万", paid, finance(paid) if confirmed else None)
        for i, (paid, confirmed) in enumerate(items)
    ]
    r = sales_control_registers([], deposits, [], [], [], SEED, on=on)
    sold = {d.unit for d in deposits if mark_sold(d, SEED, on=on).sold}
    assert {o.unit for o in r.owners} == sold
    assert len(r.owners) + len(r.unconfirmed) == len(deposits)


# --------------------------------------------------------------------------- A17


REQUEST = SampleRequest("C1", "S1", DAY, details="华东重工 采购部 王工 021-5555-0101")


@pytest.mark.parametrize(
    ("dispatch", "outcome"),
    [
        pytest.param(
            SampleDispatch("C1", "N1", Role.SALES_ADMIN, DAY, REQUEST),
            SampleOutcome.ALLOWED,
            id="销售内勤统一寄出",
        ),
        pytest.param(
            SampleDispatch("C1", "S1", Role.SALESPERSON, DAY, REQUEST),
            SampleOutcome.PRIVATE,
            id="禁止私自寄",
        ),
        pytest.param(
            SampleDispatch("C1", "N1", Role.SALES_ADMIN, DAY),
            SampleOutcome.NO_REQUEST,
            id="no-request",
        ),
        pytest.param(
            SampleDispatch(
                "C1",
                "N1",
                Role.SALES_ADMIN,
                DAY,
                SampleRequest("C1", "S1", DAY, written=False, details="x"),
            ),
            SampleOutcome.NOT_WRITTEN,
            id="书面提交",
        ),
        pytest.param(
            SampleDispatch("C1", "N1", Role.SALES_ADMIN, DAY, SampleRequest("C1", "S1", DAY)),
            SampleOutcome.NO_DETAILS,
            id="客户的具体信息",
        ),
        pytest.param(
            SampleDispatch("C2", "N1", Role.SALES_ADMIN, DAY, REQUEST),
            SampleOutcome.OTHER_CUSTOMER,
            id="other-customer",
        ),
        pytest.param(
            SampleDispatch("C1", "N1", Role.SALES_ADMIN, DAY - dt.timedelta(days=1), REQUEST),
            SampleOutcome.BEFORE_REQUEST,
            id="before-the-request",
        ),
        pytest.param(
            SampleDispatch(
                "C1",
                "N1",
                Role.SALES_ADMIN,
                DAY,
                SampleRequest("C1", "X", DAY, details="x", role=Role.FINANCE),
            ),
            SampleOutcome.WRONG_REQUESTER,
            id="not-a-salesperson",
        ),
        pytest.param(
            SampleDispatch(
                "C1",
                "N1",
                Role.SALES_ADMIN,
                DAY,
                SampleRequest("C1", "N1", DAY, details="x", role=Role.SALES_ADMIN),
            ),
            SampleOutcome.WRONG_REQUESTER,
            id="sales-admin-asking-itself",
        ),
    ],
)
def test_only_sales_admin_sends_from_a_written_request(
    dispatch: SampleDispatch, outcome: SampleOutcome
) -> None:
    """A17 "销售人员应把客户的具体信息书面提交到销售内勤,销售内勤统一寄出,禁止销售人员
    私自寄样品或公司资料"."""
    check = check_sample(dispatch, SEED)
    assert check.outcome is outcome
    assert check.allowed is (outcome is SampleOutcome.ALLOWED)
    (reason,) = check.reasons
    assert (reason.rule, reason.fact("customer")) == ("A17", dispatch.customer)
    assert reason.code == f"A17.{outcome.value}"


def test_the_senders_and_the_details_are_policy_data() -> None:
    lenient = AllocationPolicy(
        samples={"senders": [Role.SALES_ADMIN, Role.SALESPERSON], "details_required": False}
    )
    bare = SampleRequest("C1", "S1", DAY)
    assert check_sample(SampleDispatch("C1", "S1", Role.SALESPERSON, DAY, bare), lenient).allowed
    with pytest.raises(PolicyError):
        AllocationPolicy(samples={"senders": []})


def test_a_dispatch_before_the_policy_takes_effect_is_refused_at_its_day() -> None:
    later = AllocationPolicy(effective=dt.date(2027, 1, 1))
    with pytest.raises(InputError) as caught:
        check_sample(SampleDispatch("C1", "N1", Role.SALES_ADMIN, DAY, REQUEST), later)
    assert caught.value.field == "dispatch.on"


def test_a_sample_check_round_trips_through_data() -> None:
    check = check_sample(SampleDispatch("C1", "N1", Role.SALES_ADMIN, DAY, REQUEST), SEED)
    assert from_data(SampleCheck, to_data(check, lang="zh"), policy=SEED) == check


# --------------------------------------------------------------------------- refusals, dated

DATED = AllocationPolicy(effective=dt.date(2026, 1, 1))


def test_a16_a17_results_name_the_dated_policy_s_effective_day() -> None:
    """A16/A17: a dated policy decides from its effective day on; each result names that day."""
    deposit = Deposit("U1", "K1", "5万", DAY, finance())
    assert mark_sold(deposit, DATED, on=DAY).policy_effective == dt.date(2026, 1, 1)
    r = sales_control_registers([], [deposit], [], [], [], DATED, on=DAY)
    assert r.policy_effective == dt.date(2026, 1, 1)
    (mark,) = sales_control_registers(
        [], [Deposit("U2", "K2", "5万", DAY)], [], [], [], DATED, on=DAY
    ).unconfirmed
    assert mark.policy_effective == dt.date(2026, 1, 1)
    check = check_sample(SampleDispatch("C1", "N1", Role.SALES_ADMIN, DAY, REQUEST), DATED)
    assert (check.outcome, check.policy_effective) == (SampleOutcome.ALLOWED, dt.date(2026, 1, 1))


LATER = AllocationPolicy(effective=dt.date(2027, 1, 1))
NOT_YET = "a day on or after the policy's effective date 2027-01-01 (version 'seed')"


def test_a16_a17_days_before_the_policy_are_refused_with_the_day() -> None:
    """A16/A17: a day before the policy takes effect is refused, naming the day given."""
    given = "datetime.date(2026, 11, 30)"
    assert problems_of(lambda: mark_sold(Deposit("U1", "K1", "5万"), LATER, on=DAY)) == [
        ("on", given, NOT_YET)
    ]
    assert problems_of(lambda: sales_control_registers([], [], [], [], [], LATER, on=DAY)) == [
        ("on", given, NOT_YET)
    ]
    dispatch = SampleDispatch("C1", "N1", Role.SALES_ADMIN, DAY, REQUEST)
    assert problems_of(lambda: check_sample(dispatch, LATER)) == [("dispatch.on", given, NOT_YET)]


def test_a16_a17_arguments_of_the_wrong_kind_are_refused_at_their_path() -> None:
    """A16/A17: the argument named, what was given and what was expected."""
    assert problems_of(lambda: check_sample("x", SEED)) == [  # type: ignore[arg-type]
        ("dispatch", "'x'", "a SampleDispatch")
    ]
    assert problems_of(lambda: mark_sold("x", SEED, on=DAY)) == [  # type: ignore[arg-type]
        ("deposit", "'x'", "a Deposit")
    ]
    deposit = Deposit("U1", "K1", "5万")
    assert problems_of(lambda: mark_sold(deposit, SEED, on="x")) == [  # type: ignore[arg-type]
        ("on", "'x'", "a datetime.date")
    ]
    assert problems_of(
        lambda: sales_control_registers([], [], [], [], [], SEED, on="x")  # type: ignore[arg-type]
    ) == [("on", "'x'", "a datetime.date")]


@pytest.mark.parametrize(
    ("position", "path", "expected"),
    [
        pytest.param(0, "intents", "a list of IntentCustomer values", id="intents"),
        pytest.param(1, "deposits", "a list of Deposit values", id="deposits"),
        pytest.param(2, "changes", "a list of UnitChange values", id="changes"),
        pytest.param(3, "discounts", "a list of SpecialDiscount values", id="discounts"),
        pytest.param(4, "enquiries", "a list of Enquiry values", id="enquiries"),
    ],
)
def test_a16_register_records_that_are_not_lists_are_refused(
    position: int, path: str, expected: str
) -> None:
    """A16: each record argument of the registers is a list of its kind."""
    args: list[Any] = [[], [], [], [], []]
    args[position] = 5
    intents, deposits, changes, discounts, enquiries = args
    assert problems_of(
        lambda: sales_control_registers(
            intents, deposits, changes, discounts, enquiries, SEED, on=DAY
        )
    ) == [(path, 5, expected)]


def test_a16_unit_change_and_date_refusals_say_what_is_expected() -> None:
    """A16: an exchange names the unit it moves to; a refund none; days in the supported range."""
    assert problems_of(lambda: UnitChange("K1", "U1", UnitChangeKind.EXCHANGE, DAY, "x", "  ")) == [
        ("new_unit", "'  '", "the unit an exchange moves to")
    ]
    assert problems_of(lambda: UnitChange("K1", "U1", UnitChangeKind.REFUND, DAY, "x", "U2")) == [
        ("new_unit", "'U2'", "None for a refund")
    ]
    assert problems_of(lambda: Deposit("U1", "K1", "5万", dt.date(1899, 12, 31))) == [
        ("paid_on", "datetime.date(1899, 12, 31)", "a date from 1900-01-01 to 2999-12-31")
    ]
    assert Deposit("U1", "K1", "5万").paid_on is None


def test_a16_a_refund_summary_counted_from_the_last_is_refused_with_its_text() -> None:
    """A16 "定期": fixed days; the registers keep no last summary to count from."""
    assert problems_of(
        lambda: AllocationPolicy(
            registers={"refund_summary": Recurrence.every(1)}  # type: ignore[arg-type]
        ),
        PolicyError,
    ) == [
        (
            "registers.refund_summary.basis",
            "'from_last'",
            "calendar (fixed days: the registers keep no last summary to count from)",
        )
    ]


def test_a16_a_blank_source_or_reason_comes_last_among_equals() -> None:
    """A16 销售日动态表: sources most first; a blank one (None) after the named ones it ties."""
    enquiries = [Enquiry(DAY, EnquiryKind.CALL, ""), Enquiry(DAY, EnquiryKind.VISIT, "报纸")]
    r = sales_control_registers([], [], [], [], enquiries, SEED, on=DAY)
    assert tallies(r.by_source) == [("报纸", 1), (None, 1)]


def test_a16_the_first_summary_period_of_the_supported_range_starts_at_its_first_day() -> None:
    """A16: with no earlier summary day in the range, the period starts on 1900-01-01."""
    r = sales_control_registers([], [], [], [], [], SEED, on=dt.date(1900, 1, 15))
    assert (r.refunds.start, r.refunds.end) == (dt.date(1900, 1, 1), dt.date(1900, 1, 31))


def test_a16_intent_pages_list_by_day_then_customer() -> None:
    """A16 "每位置业顾问一个页面": each page by the day recorded, then by customer."""
    intents = [
        IntentCustomer("K9", "G1", "A", DAY),
        IntentCustomer("K1", "G1", "A", DAY),
        IntentCustomer("K8", "G1", "A", DAY - dt.timedelta(days=1)),
    ]
    (page,) = sales_control_registers(intents, [], [], [], [], SEED, on=DAY).intent
    assert [e.customer for e in page.entries] == ["K8", "K1", "K9"]


def test_a16_a_refund_on_the_day_and_the_period_end_counts() -> None:
    """A16 "业主换房或退房…及时更新": a refund on the registers' day (the month end) takes the
    owner off and is in that month's refund summary."""
    deposits = [Deposit("U1", "K1", "5万", dt.date(2026, 11, 2), finance())]
    refund = UnitChange("K1", "U1", UnitChangeKind.REFUND, DAY, "贷款未获批")
    r = sales_control_registers([], deposits, [refund], [], [], SEED, on=DAY)
    assert r.owners == ()
    assert r.changes == (refund,)
    assert (r.refunds.end, r.refunds.refunds) == (DAY, (refund,))
    assert tallies(r.refunds.by_reason) == [("贷款未获批", 1)]


def test_a16_the_change_list_is_by_day_then_customer_then_unit() -> None:
    """A16 客户换房、退房一览表: by day, then customer, then unit."""
    first = dt.date(2026, 11, 5)
    second = dt.date(2026, 11, 10)
    changes = [
        UnitChange("K3", "U2", UnitChangeKind.REFUND, second, "b"),
        UnitChange("K3", "U1", UnitChangeKind.REFUND, second, "a"),
        UnitChange("K2", "U1", UnitChangeKind.REFUND, second, "c"),
        UnitChange("K1", "U9", UnitChangeKind.REFUND, second, "d"),
        UnitChange("K9", "U5", UnitChangeKind.REFUND, first, "e"),
    ]
    r = sales_control_registers([], [], changes, [], [], SEED, on=DAY)
    assert [(c.customer, c.unit) for c in r.changes] == [
        ("K9", "U5"),
        ("K1", "U9"),
        ("K2", "U1"),
        ("K3", "U1"),
        ("K3", "U2"),
    ]


def test_a16_the_discount_list_is_by_day_then_customer_then_unit() -> None:
    """A16 特殊优惠客户一览表: by day, then customer, then unit."""
    first = dt.date(2026, 11, 5)
    second = dt.date(2026, 11, 10)
    discounts = [
        SpecialDiscount("K3", "U2", "九八折", second),
        SpecialDiscount("K3", "U1", "九八折", second),
        SpecialDiscount("K2", "U1", "九八折", second),
        SpecialDiscount("K1", "U9", "九八折", second),
        SpecialDiscount("K9", "U5", "九八折", first),
    ]
    r = sales_control_registers([], [], [], discounts, [], SEED, on=DAY)
    assert [(d.customer, d.unit) for d in r.discounts] == [
        ("K9", "U5"),
        ("K1", "U9"),
        ("K2", "U1"),
        ("K3", "U1"),
        ("K3", "U2"),
    ]


def test_a16_the_owners_list_applies_deposits_and_changes_in_date_order() -> None:
    """A16 业主登记一览表: every sale, exchange and refund in date order, a sale before a
    change of the same day — so K1's exchange into U7 on the day U7 is sold to K9 finds U7
    held: K9 keeps it, K1 keeps U2, and sales control is told."""
    deposits = [
        Deposit("U1", "K1", "5万", dt.date(2026, 11, 2), finance()),
        Deposit("U1", "K2", "5万", dt.date(2026, 11, 20), finance()),
        Deposit("U7", "K9", "5万", dt.date(2026, 11, 12), finance()),
    ]
    changes = [
        UnitChange("K1", "U1", UnitChangeKind.EXCHANGE, dt.date(2026, 11, 10), "", "U2"),
        UnitChange("K1", "U2", UnitChangeKind.EXCHANGE, dt.date(2026, 11, 12), "", "U7"),
    ]
    r = sales_control_registers([], deposits, changes, [], [], SEED, on=DAY)
    assert [(o.customer, o.unit, o.since) for o in r.owners] == [
        ("K2", "U1", dt.date(2026, 11, 20)),
        ("K1", "U2", dt.date(2026, 11, 10)),
        ("K9", "U7", dt.date(2026, 11, 12)),
    ]
    assert r.conflicts == (
        OwnerConflict(
            OwnerEvent.EXCHANGE,
            "K1",
            "U7",
            dt.date(2026, 11, 12),
            True,
            OwnerEntry("K9", "U7", dt.date(2026, 11, 12)),
            Role.SALES_CONTROL,
        ),
    )
    assert explain(r, "en").splitlines()[-1] == (
        "[A16] unit U7 is held by customer K9 since 2026-11-12: the exchange of customer K1"
        " on 2026-11-12 is not entered on the owners' list; sales control checks it"
    )


def test_a16_a_unit_sold_twice_stays_with_its_first_buyer() -> None:
    """A16 "房位标注售出": a unit marked sold is not sold again — the second sale (here the
    same day, listed later) is not entered; sales control checks it."""
    deposits = [
        Deposit("U1", "K2", "5万", dt.date(2026, 11, 2), finance()),
        Deposit("U1", "K1", "5万", dt.date(2026, 11, 2), finance()),
    ]
    r = sales_control_registers([], deposits, [], [], [], SEED, on=DAY)
    assert [(o.customer, o.unit) for o in r.owners] == [("K2", "U1")]
    assert [(c.event, c.customer, c.unit, c.taken) for c in r.conflicts] == [
        (OwnerEvent.SALE, "K1", "U1", True)
    ]
    assert [(x.rule, x.code, dict(x.facts)) for x in r.conflicts[0].reasons] == [
        (
            "A16",
            "A16.held",
            {
                "unit": "U1",
                "customer": "K1",
                "event": OwnerEvent.SALE,
                "on": dt.date(2026, 11, 2),
                "holder": "K2",
                "since": dt.date(2026, 11, 2),
                "keeper": Role.SALES_CONTROL,
            },
        )
    ]
    assert explain(r.conflicts[0], "zh") == (
        "[A16] 房位 U1 自 2026-11-02 起属客户 K2:客户 K1 于 2026-11-02 的售出未计入业主登记一览表,"
        "由销控核对"
    )


@pytest.mark.parametrize(
    ("change", "holder"),
    [
        (UnitChange("K9", "U1", UnitChangeKind.REFUND, dt.date(2026, 11, 5), "x"), "K1"),
        (UnitChange("K9", "U1", UnitChangeKind.EXCHANGE, dt.date(2026, 11, 5), "", "U3"), "K1"),
        (UnitChange("K9", "U5", UnitChangeKind.REFUND, dt.date(2026, 11, 5), "x"), None),
    ],
    ids=["refund-by-another", "exchange-by-another", "refund-of-an-unsold-unit"],
)
def test_a16_a_change_by_a_customer_who_does_not_hold_the_unit_is_not_applied(
    change: UnitChange, holder: str | None
) -> None:
    """A16 "及时更新业主登记一览表": only the owner's exchange or refund changes the list; any
    other is not applied and sales control checks it."""
    deposits = [Deposit("U1", "K1", "5万", dt.date(2026, 11, 2), finance())]
    r = sales_control_registers([], deposits, [change], [], [], SEED, on=DAY)
    assert [(o.customer, o.unit) for o in r.owners] == [("K1", "U1")]
    event = OwnerEvent.REFUND if change.kind is UnitChangeKind.REFUND else OwnerEvent.EXCHANGE
    (conflict,) = r.conflicts
    assert (conflict.event, conflict.customer, conflict.unit, conflict.taken) == (
        event,
        "K9",
        change.unit,
        False,
    )
    assert (conflict.holder and conflict.holder.customer) == holder
    assert [(x.rule, x.code, x.fact("holder")) for x in conflict.reasons] == [
        ("A16", "A16.not_holder", holder)
    ]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["U1", "U2", "U3"]),
            st.sampled_from(["K1", "K2", "K3"]),
            days(dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
        ),
        max_size=8,
    ),
    st.lists(
        st.tuples(
            st.sampled_from(["U1", "U2", "U3"]),
            st.sampled_from(["K1", "K2", "K3"]),
            st.sampled_from([None, "U1", "U2", "U3", "U4"]),
            days(dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
        ),
        max_size=6,
    ),
)
def test_a16_no_unit_is_held_twice_and_every_record_is_entered_or_told(
    sales: list[tuple[str, str, dt.date]],
    moves: list[tuple[str, str, str | None, dt.date]],
) -> None:
    """A16: whatever the records, each unit on the owners' list has one owner, and every sale
    or change is either entered or listed as a conflict: each sale adds one owner, each
    refund takes one away, an exchange keeps the count — unless it is a conflict."""
    deposits = [Deposit(u, k, "1万", d, finance(d)) for u, k, d in sales]
    changes = [
        UnitChange(k, u, UnitChangeKind.EXCHANGE, d, "", to)
        if to is not None
        else UnitChange(k, u, UnitChangeKind.REFUND, d, "x")
        for u, k, to, d in moves
    ]
    r = sales_control_registers([], deposits, changes, [], [], SEED, on=DAY)
    told = [c.event for c in r.conflicts]
    entered_sales = len(deposits) - told.count(OwnerEvent.SALE)
    entered_refunds = sum(c.kind is UnitChangeKind.REFUND for c in changes) - told.count(
        OwnerEvent.REFUND
    )
    assert len(r.owners) == entered_sales - entered_refunds
    assert len({o.unit for o in r.owners}) == len(r.owners)
    assert all(len(c.reasons) == 1 and c.reasons[0].rule == "A16" for c in r.conflicts)
