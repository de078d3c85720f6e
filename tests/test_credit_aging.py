"""C4 — receivables aging and who owns collection: the buckets on both sides of each boundary,
ownership ("正常收帐期内" the office, "超出正常收帐期" 企划部, "坏账" finance), the partition check,
totals to the cent, and properties (every receivable in exactly one bucket, totals equal the
ledger, monotonic in the day, round trip, reasons that match, no float)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import PolicyBook, load_book
from customer_rules.credit import (
    AgedReceivable,
    AgingBucket,
    AgingLine,
    AgingPolicy,
    AgingReport,
    CreditPolicy,
    CreditReason,
    Receivable,
    age_receivable,
    aging_report,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.labels import Label
from customer_rules.reasons import Reason, explain, find_reason
from customer_rules.roles import Role
from customer_rules.settings import settings_of
from customer_rules.testing import aging_policies, days, receivables
from refusals import problems_of

D = dt.date
SEED = CreditPolicy()
DUE = D(2026, 6, 30)


def aged(days_past_due: int, policy: CreditPolicy = SEED) -> AgedReceivable:
    """A receivable of 1,000 yuan due on DUE, aged ``days_past_due`` days after it."""
    r = Receivable("AR-1", "C1", "1000", DUE)
    return age_receivable(r, policy, on=DUE + dt.timedelta(days=days_past_due))


def with_aging(**settings: Any) -> CreditPolicy:
    return CreditPolicy(version="test", aging=AgingPolicy(**settings))


def no_floats(data: Any) -> bool:
    if isinstance(data, float):
        return False
    if isinstance(data, dict):
        return all(no_floats(v) for v in data.values())
    if isinstance(data, list):
        return all(no_floats(v) for v in data)
    return True


# --------------------------------------------------------------------------- the seed buckets


@pytest.mark.parametrize(
    ("days_past_due", "bucket"),
    [
        (-30, "current"),
        (0, "current"),  # on the due date: not yet past due
        (1, "1-30"),
        (30, "1-30"),
        (31, "31-60"),
        (60, "31-60"),
        (61, "61-90"),
        (90, "61-90"),
        (91, "91-180"),
        (180, "91-180"),  # "超过180天" excludes 180 itself
        (181, "over-180"),
        (3650, "over-180"),
    ],
)
def test_each_bucket_boundary_on_both_sides(days_past_due: int, bucket: str) -> None:
    item = aged(days_past_due)
    assert item.days_past_due == days_past_due
    assert item.bucket == bucket
    assert item.overdue is (days_past_due > 0)
    assert item.next_role is item.owner  # C11: who acts next is who owns the collection


def test_the_default_buckets_are_the_catalogues() -> None:
    buckets = AgingPolicy().buckets
    assert [(b.low, b.high) for b in buckets] == [
        (None, 0), (1, 30), (31, 60), (61, 90), (91, 180), (181, None)
    ]  # fmt: skip
    assert [(b.name, b.zh, b.en) for b in buckets] == [
        ("current", "未逾期", "current"),
        ("1-30", "逾期1-30天", "1–30 days past due"),
        ("31-60", "逾期31-60天", "31–60 days past due"),
        ("61-90", "逾期61-90天", "61–90 days past due"),
        ("91-180", "逾期91-180天", "91–180 days past due"),
        ("over-180", "逾期超过180天", "over 180 days past due"),  # 超过 excludes 180
    ]


# --------------------------------------------------------------------------- ownership


def test_the_office_collects_to_the_due_date_and_planning_from_the_day_after() -> None:
    """003 §6.2.3: 办事处 "正常收帐期内账款的催收"; 企划部 "超出正常收帐期的拖欠货款追讨"."""
    assert aged(-5).owner is Role.OFFICE_DIRECTOR
    assert aged(0).owner is Role.OFFICE_DIRECTOR
    assert aged(1).owner is Role.PLANNING_DEPARTMENT
    assert aged(400).owner is Role.PLANNING_DEPARTMENT  # no write-off age by default


def test_a_grace_period_keeps_the_office_collecting_through_its_last_day() -> None:
    policy = with_aging(grace_days=5)
    assert aged(5, policy).owner is Role.OFFICE_DIRECTOR
    assert aged(6, policy).owner is Role.PLANNING_DEPARTMENT
    reason = find_reason(aged(5, policy), CreditReason.C4_OFFICE_GRACE)
    assert reason is not None
    assert reason.fact("until") == D(2026, 7, 5)


def test_finance_owns_a_bad_debt_from_the_write_off_age_inclusive() -> None:
    """003 §6.2.3: 财务部 "负责坏账的处理工作"; the age is a policy choice [default none]."""
    policy = with_aging(write_off_days=365)
    assert aged(364, policy).owner is Role.PLANNING_DEPARTMENT
    assert aged(365, policy).owner is Role.FINANCE
    reason = find_reason(aged(365, policy), CreditReason.C4_WRITE_OFF)
    assert reason is not None
    assert (reason.fact("days"), reason.fact("limit")) == (365, 365)


def test_owner_and_bucket_of_are_the_policys_own_answers() -> None:
    p = AgingPolicy(grace_days=2, write_off_days=100)
    assert [p.owner(d) for d in (2, 3, 99, 100)] == [
        Role.OFFICE_DIRECTOR, Role.PLANNING_DEPARTMENT, Role.PLANNING_DEPARTMENT, Role.FINANCE
    ]  # fmt: skip
    assert p.bucket_of(-1).name == "current"
    for bad in ("3", 3.0, None, True):
        with pytest.raises(InputError, match="days"):
            p.owner(bad)  # type: ignore[arg-type]
        with pytest.raises(InputError, match="days"):
            p.bucket_of(bad)  # type: ignore[arg-type]


def test_owner_roles_are_settings() -> None:
    policy = with_aging(office_role=Role.SALESPERSON, recovery_role=Role.FINANCE)
    assert aged(0, policy).owner is Role.SALESPERSON
    assert aged(1, policy).owner is Role.FINANCE


# --------------------------------------------------------------------------- the partition check


def bucket(name: str, low: int | None, high: int | None) -> AgingBucket:
    return AgingBucket(name, name, name, low, high)


def problems(exc: pytest.ExceptionInfo[PolicyError]) -> list[str]:
    return [p.path for p in exc.value.problems]


def test_a_gap_between_buckets_is_refused_naming_the_bucket() -> None:
    with pytest.raises(PolicyError) as exc:
        AgingPolicy(buckets=(bucket("a", None, 0), bucket("b", 1, 30), bucket("c", 32, None)))
    assert problems(exc) == ["buckets[2].low"]
    assert "31, the day after buckets[1].high" in exc.value.problems[0].expected


def test_an_overlap_is_refused() -> None:
    with pytest.raises(PolicyError) as exc:
        AgingPolicy(buckets=(bucket("a", None, 10), bucket("b", 5, None)))
    assert problems(exc) == ["buckets[1].low"]


def test_the_first_bucket_starts_open_and_the_last_ends_open() -> None:
    with pytest.raises(PolicyError) as exc:
        AgingPolicy(buckets=(bucket("a", 0, 10), bucket("b", 11, 20)))
    assert problems(exc) == ["buckets[0].low", "buckets[1].high"]


def test_only_the_last_bucket_is_open_ended_and_names_are_unique() -> None:
    with pytest.raises(PolicyError) as exc:
        AgingPolicy(buckets=(bucket("a", None, None), bucket("a", None, None)))
    assert problems(exc) == ["buckets[0].high", "buckets[1].name"]


def test_a_bucket_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(PolicyError) as exc:
        AgingBucket("x", "x", "x", 10, 9)
    assert problems(exc) == ["high"]


def test_one_open_bucket_holds_everything() -> None:
    p = CreditPolicy(aging=AgingPolicy(buckets=(bucket("all", None, None),)))
    assert aged(-99, p).bucket == aged(99_999, p).bucket == "all"


def test_write_off_within_the_grace_period_is_refused() -> None:
    with pytest.raises(PolicyError) as exc:
        AgingPolicy(grace_days=30, write_off_days=30)
    assert problems(exc) == ["write_off_days"]
    assert AgingPolicy(grace_days=30, write_off_days=31).write_off_days == 31


def test_a_policy_file_gets_the_same_problems_at_its_paths() -> None:
    toml = (
        "[[credit.aging.buckets]]\nname = 'a'\nzh = 'a'\nen = 'a'\nhigh = 0\n"
        "[[credit.aging.buckets]]\nname = 'b'\nzh = 'b'\nen = 'b'\nlow = 2\n"
    )
    with pytest.raises(PolicyError) as exc:
        load_book(toml)
    assert problems(exc) == ["credit.aging.buckets[1].low"]


def test_a_policy_file_sets_its_own_buckets() -> None:
    toml = (
        "[credit.aging]\ngrace_days = 3\n"
        "[[credit.aging.buckets]]\nname = 'due'\nzh = '未到期'\nen = 'not due'\nhigh = 0\n"
        "[[credit.aging.buckets]]\nname = 'late'\nzh = '逾期'\nen = 'late'\nlow = 1\n"
    )
    book = load_book(toml)
    assert [b.name for b in book.credit.aging.buckets] == ["due", "late"]
    assert age_receivable(Receivable("A", "C", "1", DUE), book.credit, on=D(2026, 7, 1)).bucket == (
        "late"
    )


def test_every_aging_setting_is_declared_with_its_mark() -> None:
    marks = {s.path: s.setting.mark.value for s in settings_of(SEED) if s.path.startswith("aging.")}
    assert marks == {
        "aging.buckets": "default",
        "aging.grace_days": "default",
        "aging.office_role": "default",
        "aging.recovery_role": "seed",
        "aging.write_off_role": "seed",
        "aging.write_off_days": "default",
    }


# --------------------------------------------------------------------------- the record


LEDGER = [
    Receivable("A1", "C2", "1,000", D(2026, 11, 1)),
    Receivable("A2", "C1", "250.50", D(2026, 12, 31), paid="50"),
    Receivable("A3", "C1", "0.10", D(2026, 9, 15)),
    Receivable("A4", "C1", "0.20", D(2026, 9, 15)),
    Receivable("A5", "C3", "30万", D(2026, 5, 1), paid="30万"),
]


def test_totals_per_bucket_and_per_customer_are_exact() -> None:
    report = aging_report(LEDGER, SEED, on=D(2026, 11, 30))
    assert report.count == 5
    assert report.total == Decimal("1200.80")
    assert report.overdue == Decimal("1000.30")
    assert [(b.bucket.name, b.count, b.amount) for b in report.buckets] == [
        ("current", 1, Decimal("200.50")),
        ("1-30", 1, Decimal("1000")),
        ("31-60", 0, Decimal(0)),
        ("61-90", 2, Decimal("0.30")),  # 0.10 + 0.20 is 0.30 exactly, not 0.30000000000000004
        ("91-180", 0, Decimal(0)),
        ("over-180", 1, Decimal(0)),  # paid in full: counted, nothing open
    ]
    assert [(c.customer, c.count, c.total, c.overdue) for c in report.customers] == [
        ("C1", 3, Decimal("200.80"), Decimal("0.30")),
        ("C2", 1, Decimal("1000"), Decimal("1000")),
        ("C3", 1, Decimal(0), Decimal(0)),
    ]
    assert report.customers[0].amounts == (
        Decimal("200.50"), Decimal(0), Decimal(0), Decimal("0.30"), Decimal(0), Decimal(0)
    )  # fmt: skip
    assert [i.receivable.id for i in report.items] == ["A1", "A2", "A3", "A4", "A5"]
    alone = age_receivable(LEDGER[0], SEED, on=D(2026, 11, 30))
    assert report.items[0] == AgingLine(LEDGER[0], alone.days_past_due, alone.bucket, alone.owner)
    assert (report.items[0].open_amount, report.items[0].overdue) == (Decimal(1000), True)


def test_an_empty_ledger_is_a_report_of_zeros() -> None:
    report = aging_report([], SEED, on=D(2026, 11, 30))
    assert (report.count, report.total, report.overdue, report.customers) == (
        0, Decimal(0), Decimal(0), ()
    )  # fmt: skip
    assert all(b.count == 0 and b.amount == 0 for b in report.buckets)


def test_huge_and_tiny_amounts_add_exactly() -> None:
    """Beyond the 28 digits of the default decimal context, nothing is rounded."""
    ledger = [
        Receivable("A", "C1", Decimal(10) ** 15, DUE),
        Receivable("B", "C1", Decimal("0.0000000000001"), DUE),
    ]
    report = aging_report(ledger, SEED, on=DUE)
    assert report.total == Decimal("1000000000000000.0000000000001")


def test_the_reports_reasons_give_the_totals() -> None:
    report = aging_report(LEDGER, SEED, on=D(2026, 11, 30))
    lines = explain(report, "en").splitlines()
    assert lines[0] == "[C4] 5 receivables on 2026-11-30, 1,200.80 yuan open in all"
    assert lines[4] == "[C4] '61–90 days past due': 2 receivables, 0.30 yuan"
    assert lines[-1] == (
        "[C4] the office director collects within the normal collection period (to 0 days after"
        " the due date), the planning department pursues recovery after it, and the finance"
        " handles bad debts"
    )
    assert find_reason(aging_report([], with_aging(write_off_days=720), on=DUE),
                       CreditReason.C4_OWNERSHIP_WRITE_OFF) is not None  # fmt: skip


def test_an_items_reasons_say_its_bucket_and_owner() -> None:
    assert explain(aged(31), "zh").splitlines() == [
        "[C4] 到期日 2026-06-30,截至 2026-07-31 逾期 31 天:归入「逾期31-60天」",
        "[C4] 已超出正常收帐期(截至 2026-06-30):由企划部负责追讨",
    ]
    assert explain(aged(0), "en").splitlines() == [
        "[C4] due 2026-06-30, not past due on 2026-06-30: bucket 'current'",
        "[C4] within the normal collection period (the credit term, to the due date"
        " 2026-06-30): the office director collects",
    ]


# --------------------------------------------------------------------------- wrong input


def test_another_currency_is_refused_never_summed() -> None:
    ledger = [*LEDGER, Receivable("U1", "C9", "10", DUE, currency="USD")]
    ledger.append(Receivable("H1", "C9", "10", DUE, currency="HKD"))
    with pytest.raises(InputError) as exc:
        aging_report(ledger, SEED, on=DUE)
    refused = [p.path for p in exc.value.problems]
    assert refused == ["receivables[5].currency", "receivables[6].currency"]
    with pytest.raises(InputError) as one:
        age_receivable(ledger[5], SEED, on=DUE)
    assert [p.path for p in one.value.problems] == ["receivable.currency"]


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda: aging_report([LEDGER[0], "A2"], SEED, on=DUE), "receivables[1]"),  # type: ignore[list-item]
        (lambda: aging_report("A1,A2", SEED, on=DUE), "receivables"),  # type: ignore[arg-type]
        (lambda: aging_report(7, SEED, on=DUE), "receivables"),  # type: ignore[arg-type]
        (lambda: aging_report(LEDGER, PolicyBook(), on=DUE), "policy"),  # type: ignore[arg-type]
        (lambda: aging_report(LEDGER, SEED, on="2026-06-30"), "on"),  # type: ignore[arg-type]
        (lambda: age_receivable("A1", SEED, on=DUE), "receivable"),  # type: ignore[arg-type]
        (lambda: age_receivable(LEDGER[0], SEED, on=dt.datetime(2026, 6, 30)), "on"),
    ],
)
def test_wrong_input_is_an_input_error_naming_it(call: Any, path: str) -> None:
    with pytest.raises(InputError) as exc:
        call()
    assert exc.value.problems[0].path == path


def test_a_whole_book_is_refused_with_a_hint() -> None:
    with pytest.raises(InputError, match=r"book\.credit"):
        age_receivable(LEDGER[0], PolicyBook(), on=DUE)  # type: ignore[arg-type]


def test_a_day_before_the_policy_takes_effect_is_refused() -> None:
    policy = CreditPolicy(version="2027", effective=D(2027, 1, 1))
    with pytest.raises(InputError) as exc:
        aging_report(LEDGER, policy, on=D(2026, 12, 31))
    assert exc.value.problems[0].path == "on"
    assert aging_report(LEDGER, policy, on=D(2027, 1, 1)).policy_version == "2027"


def test_an_amount_too_precise_to_add_exactly_is_named() -> None:
    ledger = [Receivable("A", "C1", "1", DUE), Receivable("B", "C1", Decimal("1E-300"), DUE)]
    with pytest.raises(InputError) as exc:
        aging_report(ledger, SEED, on=DUE)
    assert exc.value.problems[0].path == "receivables[1].amount"


# --------------------------------------------------------------------------- properties

ON = days(dt.date(2000, 1, 1), dt.date(2099, 12, 31))
POLICIES = aging_policies().map(lambda a: CreditPolicy(version="drawn", aging=a))


@given(st.lists(receivables(), max_size=30), POLICIES, ON)
def test_every_receivable_falls_in_exactly_one_bucket_and_totals_equal_the_ledger(
    ledger: list[Receivable], policy: CreditPolicy, on: dt.date
) -> None:
    report = aging_report(ledger, policy, on=on)
    buckets = policy.aging.buckets
    for item in report.items:
        holding = [b.name for b in buckets if b.holds(item.days_past_due)]
        assert holding == [item.bucket]
    ledger_total = sum((r.amount - r.paid for r in ledger), Decimal(0))
    assert report.total == ledger_total
    assert sum((b.amount for b in report.buckets), Decimal(0)) == ledger_total
    assert sum((c.total for c in report.customers), Decimal(0)) == ledger_total
    assert sum(b.count for b in report.buckets) == report.count == len(ledger)
    assert sum(c.count for c in report.customers) == len(ledger)
    for c in report.customers:
        assert sum(c.amounts, Decimal(0)) == c.total
    assert report.overdue == sum(
        (i.open_amount for i in report.items if i.days_past_due > 0), Decimal(0)
    )
    assert [c.customer for c in report.customers] == sorted({r.customer for r in ledger})


@given(receivables(), POLICIES, ON, st.integers(0, 400))
def test_an_older_receivable_never_moves_to_an_earlier_bucket_or_back_to_the_office(
    r: Receivable, policy: CreditPolicy, on: dt.date, more: int
) -> None:
    later = on + dt.timedelta(days=more)
    first, second = age_receivable(r, policy, on=on), age_receivable(r, policy, on=later)
    names = [b.name for b in policy.aging.buckets]
    assert names.index(second.bucket) >= names.index(first.bucket)
    rank = {policy.aging.office_role: 0, policy.aging.recovery_role: 1}
    rank[policy.aging.write_off_role] = 2
    assert rank[second.owner] >= rank[first.owner]


@given(receivables(), POLICIES, ON)
def test_an_aged_receivable_round_trips_and_its_reasons_match(
    r: Receivable, policy: CreditPolicy, on: dt.date
) -> None:
    item = age_receivable(r, policy, on=on)
    data = to_data(item, lang="en")
    assert no_floats(data)
    assert "policy" not in data
    assert from_data(AgedReceivable, data, policy=policy) == item
    assert item == age_receivable(r, policy, on=on)  # deterministic
    where = item.reasons[0]
    label = next(b.label for b in policy.aging.buckets if b.name == item.bucket)
    assert where.fact("bucket") == label
    assert where.code == (CreditReason.C4_PAST_DUE if item.overdue else CreditReason.C4_NOT_DUE)
    assert item.reasons[1].fact("role") is item.owner


@given(st.lists(receivables(), max_size=8), ON)
def test_an_aging_report_round_trips_through_plain_data(
    ledger: list[Receivable], on: dt.date
) -> None:
    report = aging_report(ledger, SEED, on=on)
    data = to_data(report)
    assert no_floats(data)
    assert from_data(AgingReport, data, policy=SEED) == report
    assert report.reasons[0].fact("total") == report.total


def test_a_result_read_under_another_book_is_refused() -> None:
    report = aging_report(LEDGER, SEED, on=DUE)
    with pytest.raises(InputError) as exc:
        from_data(AgingReport, to_data(report), policy=CreditPolicy(version="other"))
    assert exc.value.problems[0].path == "policy_version"


def test_a_bucket_unknown_to_the_policy_renders_its_own_name() -> None:
    item = aged(3)
    other = CreditPolicy(aging=AgingPolicy(buckets=(bucket("all", None, None),)))
    foreign = AgedReceivable(
        item.receivable, item.on, 3, "1-30", Role.PLANNING_DEPARTMENT, other.aging, "seed"
    )
    assert foreign.reasons[0].fact("bucket") == Label("1-30", "1-30")


# --------------------------------------------------------------------------- errors in full


@pytest.mark.parametrize(
    ("call", "path", "given", "expected"),
    [
        (
            lambda: aging_report([LEDGER[0], "A2"], SEED, on=DUE),  # type: ignore[list-item]
            "receivables[1]",
            "'A2'",
            "a Receivable",
        ),
        (
            lambda: AgingPolicy().bucket_of("3"),  # type: ignore[arg-type]
            "days",
            "'3'",
            "a whole number of days past due",
        ),
        (
            lambda: AgingPolicy().owner(3.0),  # type: ignore[arg-type]
            "days",
            "a float",
            "a whole number of days past due",
        ),
    ],
)
def test_a_wrong_argument_is_named_with_what_was_given_and_expected(
    call: Any, path: str, given: str, expected: str
) -> None:
    """Bad input gets a typed error naming the field, what was given and what was expected."""
    assert problems_of(call) == [(path, given, expected)]


def test_a_subclass_of_receivable_is_aged_like_one() -> None:
    """The ledger check accepts any Receivable, not only the class itself."""

    class LedgerLine(Receivable):
        pass

    line = LedgerLine("A1", "C2", "1,000", D(2026, 11, 1))
    report = aging_report([line], SEED, on=D(2026, 11, 30))
    assert (report.count, report.total, report.items[0].bucket) == (1, Decimal(1000), "1-30")


@pytest.mark.parametrize("bucket", AgingPolicy().buckets, ids=lambda b: b.name)
def test_each_seed_bucket_holds_both_its_ends_and_nothing_beyond(bucket: AgingBucket) -> None:
    """Both ends of a bucket are inclusive: "1-30" holds 1 and 30, not 0 or 31."""
    if bucket.low is not None:
        assert (bucket.holds(bucket.low), bucket.holds(bucket.low - 1)) == (True, False)
    if bucket.high is not None:
        assert (bucket.holds(bucket.high), bucket.holds(bucket.high + 1)) == (True, False)


# --------------------------------------------------------------------------- pinned in full


def test_one_day_past_due_is_past_due_in_the_items_reason() -> None:
    """C4: the first day after the due date is past due (days > 0), not "not yet due"."""
    item = aged(1)
    assert item.reasons[0] == Reason.of(
        "C4",
        CreditReason.C4_PAST_DUE,
        due=DUE,
        on=D(2026, 7, 1),
        days=1,
        bucket=Label("逾期1-30天", "1–30 days past due"),
    )


def test_each_owner_reason_names_rule_c4_and_every_fact() -> None:
    """C4 (003 §6.2.3): the office within the term plus grace, 企划部 after it (the grace
    period counted forward from the due date), finance from the write-off age."""
    policy = with_aging(grace_days=5, write_off_days=365)
    grace = D(2026, 7, 5)
    assert aged(5, policy).reasons[1] == Reason.of(
        "C4",
        CreditReason.C4_OFFICE_GRACE,
        due=DUE,
        grace=5,
        until=grace,
        role=Role.OFFICE_DIRECTOR,
    )
    assert aged(6, policy).reasons[1] == Reason.of(
        "C4", CreditReason.C4_RECOVERY, until=grace, role=Role.PLANNING_DEPARTMENT
    )
    assert aged(365, policy).reasons[1] == Reason.of(
        "C4", CreditReason.C4_WRITE_OFF, days=365, limit=365, role=Role.FINANCE
    )
    assert [r.rule for r in aged(5, policy).reasons + aged(365, policy).reasons] == ["C4"] * 4


def test_the_policy_effective_date_is_carried_by_both_results() -> None:
    """C4: an aged receivable and a report name the effective date of the book that decided."""
    policy = CreditPolicy(version="2027", effective=D(2027, 1, 1))
    r = Receivable("AR-1", "C1", "1000", DUE)
    assert age_receivable(r, policy, on=D(2027, 1, 1)).policy_effective == D(2027, 1, 1)
    assert aging_report([r], policy, on=D(2027, 1, 1)).policy_effective == D(2027, 1, 1)


def test_a_receivable_on_its_due_date_is_not_overdue_and_one_day_later_is() -> None:
    """C4: overdue means more than 0 days past due, in the report's totals as in its items."""
    ledger = [
        Receivable("A", "C1", "100", DUE),
        Receivable("B", "C1", "10", DUE - dt.timedelta(days=1)),
        Receivable("C", "C1", "1", DUE - dt.timedelta(days=2)),
    ]
    report = aging_report(ledger, SEED, on=DUE)
    assert (report.overdue, report.customers[0].overdue) == (Decimal(11), Decimal(11))
    assert [(i.days_past_due, i.overdue) for i in report.items] == [
        (0, False), (1, True), (2, True)
    ]  # fmt: skip


def test_the_reports_owners_at_each_boundary() -> None:
    """C4: the office through the last day of grace, 企划部 after it, finance from the
    write-off age inclusive — in the report's lines as in age_receivable."""
    ledger = [Receivable(f"A{d}", "C1", "1", DUE - dt.timedelta(days=d)) for d in (0, 1, 99, 100)]
    report = aging_report(ledger, with_aging(write_off_days=100), on=DUE)
    assert [(i.days_past_due, i.owner) for i in report.items] == [
        (0, Role.OFFICE_DIRECTOR),
        (1, Role.PLANNING_DEPARTMENT),
        (99, Role.PLANNING_DEPARTMENT),
        (100, Role.FINANCE),
    ]
    graced = aging_report(ledger, with_aging(grace_days=1), on=DUE)
    assert [i.owner for i in graced.items[:3]] == [
        Role.OFFICE_DIRECTOR, Role.OFFICE_DIRECTOR, Role.PLANNING_DEPARTMENT
    ]  # fmt: skip


def test_a_customers_count_is_a_whole_number() -> None:
    """C4: the count of a customer's receivables is an int (not a Decimal that equals one)."""
    report = aging_report(LEDGER, SEED, on=D(2026, 11, 30))
    assert [(c.count, type(c.count)) for c in report.customers] == [
        (3, int), (1, int), (1, int)
    ]  # fmt: skip
    assert [c["count"] for c in to_data(report)["customers"]] == [3, 1, 1]


def test_a_bucket_of_one_day_is_accepted() -> None:
    """C4: ``high`` equal to ``low`` is a bucket of one day, not an empty one."""
    one = AgingBucket("30", "逾期30天", "30 days past due", 30, 30)
    assert (one.holds(29), one.holds(30), one.holds(31)) == (False, True, False)


@pytest.mark.parametrize(
    ("call", "problems_"),
    [
        (
            lambda: AgingPolicy(buckets=(bucket("a", 0, None), bucket("a", None, None))),
            [
                (
                    "buckets[0].low",
                    0,
                    "none: the first bucket holds every receivable up to its high, not yet due"
                    " included",
                ),
                ("buckets[0].high", None, "a last day: only the last bucket is open-ended"),
                ("buckets[1].name", "'a'", "a name not used before"),
            ],
        ),
        (
            lambda: AgingPolicy(
                buckets=(bucket("a", None, 10), bucket("b", 12, 20), bucket("c", 21, 30))
            ),
            [
                ("buckets[1].low", 12, "11, the day after buckets[0].high: no gap, no overlap"),
                (
                    "buckets[2].high",
                    30,
                    "none: the last bucket holds everything past the one before it",
                ),
            ],
        ),
        (lambda: AgingBucket("x", "x", "x", 10, 9), [("high", 9, "at least low (10)")]),
        (
            lambda: AgingPolicy(grace_days=30, write_off_days=30),
            [
                (
                    "write_off_days",
                    30,
                    "more than grace_days (30): past the normal collection period",
                )
            ],
        ),
    ],
    ids=["first-low-open-middle-name", "gap-closed-last", "high-below-low", "write-off"],
)
def test_a_bad_aging_policy_names_every_problem_in_full(
    call: Any, problems_: list[tuple[str, object, str]]
) -> None:
    """C4: the partition check gives each problem's path, given value and expectation."""
    assert problems_of(call, PolicyError) == problems_


@pytest.mark.parametrize(
    ("call", "path", "given", "expected"),
    [
        (
            lambda: aging_report("A1,A2", SEED, on=DUE),  # type: ignore[arg-type]
            "receivables",
            "'A1,A2'",
            "an iterable of Receivable",
        ),
        (
            lambda: aging_report(
                [Receivable("A", "C1", "1", DUE), Receivable("B", "C1", Decimal("1E-300"), DUE)],
                SEED,
                on=DUE,
            ),
            "receivables[1].amount",
            "a Decimal out of range",
            "an amount the ledger can add exactly (at most 200 significant digits)",
        ),
        (
            lambda: age_receivable("A1", SEED, on=DUE),  # type: ignore[arg-type]
            "receivable",
            "'A1'",
            "a Receivable",
        ),
        (
            lambda: age_receivable(Receivable("U1", "C9", "10", DUE, currency="USD"), SEED, on=DUE),
            "receivable.currency",
            "'USD'",
            "'CNY': amounts in one currency (C2)",
        ),
    ],
    ids=["not-iterable", "too-precise", "not-a-receivable", "not-cny"],
)
def test_a_wrong_ledger_or_receivable_is_named_in_full(
    call: Any, path: str, given: object, expected: str
) -> None:
    """C4/C2: the refusal names the argument, what was given and what was expected."""
    assert problems_of(call) == [(path, given, expected)]


def test_a_subclass_of_receivable_is_aged_alone_like_one() -> None:
    """C4: age_receivable accepts any Receivable, not only the class itself."""

    class LedgerLine(Receivable):
        pass

    item = age_receivable(LedgerLine("A1", "C2", "1,000", D(2026, 11, 1)), SEED, on=D(2026, 11, 30))
    assert (item.days_past_due, item.bucket, item.owner) == (29, "1-30", Role.PLANNING_DEPARTMENT)
