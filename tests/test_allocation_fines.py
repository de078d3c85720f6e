"""A6: the fines table (元/次) and a period's total per person.

Seed 001 §客户资源分配管理制度 3.3.5: "ABCD客户统筹管理表,未按时录入20元/次;4客户来成20元/次";
§3.6.7: "暂停资源分配一次扣罚" (the amount left blank: the library's example is [default]).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.allocation import (
    AllocationPolicy,
    FineLine,
    FineOffence,
    FinesPolicy,
    FinesReport,
    Incident,
    MissedReport,
    fines,
)
from customer_rules.dates import SHANGHAI
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.labels import Label
from customer_rules.reasons import explain, find_reason
from customer_rules.settings import Mark, settings_of
from customer_rules.testing import fine_incidents
from refusals import problems_of

SEED = AllocationPolicy()
APRIL = {"start": dt.date(2026, 4, 1), "end": dt.date(2026, 4, 30)}


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI)


def test_the_seed_table() -> None:
    found = {s.path: s for s in settings_of(SEED)}
    assert found["fines.abcd_table_late"].value == Decimal(20)
    assert found["fines.abcd_table_late"].setting.mark is Mark.SEED
    assert found["fines.item_4"].value == Decimal(20)
    assert found["fines.item_4"].setting.mark is Mark.SEED
    # the A5 deduction is blank in the seed: an example the company must set
    assert found["fines.ten_minute_report"].value == Decimal(20)
    assert found["fines.ten_minute_report"].setting.mark is Mark.DEFAULT


def test_a_period_total_per_person() -> None:
    incidents = [
        Incident("S07", at(4, 3), FineOffence.ABCD_TABLE_LATE),
        Incident("S07", at(4, 9), "abcd_table_late", count=2),
        Incident("S02", at(4, 10), FineOffence.ITEM_4),
        MissedReport("S07", at(4, 11), "L1"),
    ]
    report = fines(incidents, SEED, **APRIL)
    assert [p.person for p in report.people] == ["S02", "S07"]
    s07 = report.of("S07")
    assert s07 is not None
    assert s07.lines == (
        FineLine("abcd_table_late", 3, Decimal(20), Decimal(60)),
        FineLine("ten_minute_report", 1, Decimal(20), Decimal(20)),
    )
    assert s07.total == Decimal(80)
    assert report.total == Decimal(100)
    assert report.of("S99") is None
    assert "[A6] ABCD table not entered on time: 3 × 20 = 60" in explain(report, "en")
    assert find_reason(report, "A6.total").fact("total") == Decimal(20)  # S02 first


def test_the_period_includes_both_days_in_shanghai() -> None:
    first = Incident("S07", at(4, 1, 0, 0), "item_4")
    last = Incident("S07", at(4, 30, 23, 59), "item_4")
    before = Incident("S07", at(3, 31, 23, 59), "item_4")
    # 16:00 UTC on 30 April is midnight on 1 May in Shanghai
    may = Incident("S07", dt.datetime(2026, 4, 30, 16, 0, tzinfo=dt.UTC), "item_4")
    report = fines([first, last, before, may], SEED, **APRIL)
    assert report.people[0].lines[0].count == 2


def test_amounts_are_exact_and_the_company_sets_its_own() -> None:
    policy = AllocationPolicy(
        fines={
            "ten_minute_report": "50",
            "extra": [
                {
                    "offence": "no_visit_log",
                    "zh": "未填拜访记录",
                    "en": "no visit log",
                    "amount": "0.10",
                }
            ],
        }
    )
    incidents = [Incident("S1", at(4, 2), "no_visit_log") for _ in range(3)]
    incidents.append(MissedReport("S1", at(4, 2)))
    report = fines(incidents, policy, **APRIL)
    assert report.total == Decimal("50.30")
    assert "未填拜访记录:3 次 × 0.10 元 = 0.30 元" in explain(report, "zh")


def test_no_fines() -> None:
    report = fines([], SEED, **APRIL)
    assert (report.people, report.total) == ((), Decimal(0))
    assert [r.code for r in report.reasons] == ["A6.none"]


def test_bad_input_names_the_item() -> None:
    with pytest.raises(InputError) as error:
        fines([Incident("S1", at(4, 2), "speeding")], SEED, **APRIL)
    assert error.value.problems[0].path == "incidents[0].offence"
    with pytest.raises(InputError) as error:
        fines([Incident("S1", at(4, 2), "item_4"), 20], SEED, **APRIL)  # type: ignore[list-item]
    assert error.value.problems[0].path == "incidents[1]"
    with pytest.raises(InputError, match="end"):
        fines([], SEED, start=dt.date(2026, 4, 30), end=dt.date(2026, 4, 1))
    with pytest.raises(InputError, match="count"):
        Incident("S1", at(4, 2), "item_4", count=0)
    with pytest.raises(InputError, match="at"):
        Incident("S1", dt.datetime(2026, 4, 2), "item_4")


def test_an_extra_offence_may_not_reuse_a_key() -> None:
    with pytest.raises(PolicyError, match=r"fines\.extra\[1\]\.offence"):
        AllocationPolicy(
            fines={
                "extra": [
                    {"offence": "x", "zh": "甲", "en": "x", "amount": 1},
                    {"offence": "x", "zh": "乙", "en": "y", "amount": 2},
                ]
            }
        )
    with pytest.raises(PolicyError, match=r"fines\.extra\[0\]\.offence"):
        AllocationPolicy(
            fines={"extra": [{"offence": "item_4", "zh": "甲", "en": "x", "amount": 1}]}
        )
    with pytest.raises(PolicyError, match=r"fines\.item_4"):
        AllocationPolicy(fines={"item_4": "-5"})  # never negative


def test_the_report_round_trips() -> None:
    report = fines(
        [Incident("S07", at(4, 3), "item_4"), MissedReport("S02", at(4, 4))], SEED, **APRIL
    )
    data = to_data(report, lang="en")
    assert data["total"] == "40"
    assert "policy" not in data
    assert from_data(FinesReport, data, policy=SEED) == report


@given(st.lists(fine_incidents(), max_size=30), st.randoms(use_true_random=False))
def test_totals_add_up_and_order_does_not_matter(
    incidents: list[Incident], rnd: random.Random
) -> None:
    year = {"start": dt.date(2026, 1, 1), "end": dt.date(2026, 12, 31)}
    report = fines(incidents, SEED, **year)
    assert report.total == 20 * sum(i.count for i in incidents)
    assert report.total == sum((p.total for p in report.people), Decimal(0))
    for entry in report.people:
        assert entry.total == sum((line.total for line in entry.lines), Decimal(0))
    shuffled = list(incidents)
    rnd.shuffle(shuffled)
    assert fines(shuffled, SEED, **year) == report
    assert from_data(FinesReport, to_data(report), policy=SEED) == report


_EXAMPLE = "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'"


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: fines("x", SEED, **APRIL),  # type: ignore[arg-type]
            [("incidents", "'x'", "a list of Incident or MissedReport")],
            id="incidents-not-a-list",
        ),
        pytest.param(
            lambda: fines([20], SEED, **APRIL),  # type: ignore[list-item]
            [("incidents[0]", 20, "an Incident or a MissedReport")],
            id="not-an-incident",
        ),
        pytest.param(
            lambda: fines([Incident("S1", at(4, 2), "speeding")], SEED, **APRIL),
            [
                (
                    "incidents[0].offence",
                    "'speeding'",
                    "an offence of the table: ['abcd_table_late', 'item_4', 'ten_minute_report']",
                )
            ],
            id="unknown-offence",
        ),
        pytest.param(
            lambda: fines([], SEED, start=dt.date(2026, 4, 30), end=dt.date(2026, 4, 1)),
            [("end", "datetime.date(2026, 4, 1)", "a day on or after start (2026-04-30)")],
            id="end-before-start",
        ),
        pytest.param(
            lambda: fines([], SEED, start="x", end=dt.date(2026, 4, 1)),  # type: ignore[arg-type]
            [("start", "'x'", "a datetime.date")],
            id="start-not-a-date",
        ),
        pytest.param(
            lambda: fines([], SEED, start=dt.date(2026, 4, 1), end="x"),  # type: ignore[arg-type]
            [("end", "'x'", "a datetime.date")],
            id="end-not-a-date",
        ),
        pytest.param(
            lambda: fines([], AllocationPolicy(effective=dt.date(2026, 5, 1)), **APRIL),
            [
                (
                    "end",
                    "datetime.date(2026, 4, 30)",
                    "a day on or after the policy's effective date 2026-05-01 (version 'seed')",
                )
            ],
            id="end-before-the-policy",
        ),
        pytest.param(
            lambda: Incident("S1", at(4, 2), "item_4", count=0),
            [("count", 0, "a whole number of occurrences, 1–100000")],
            id="count-0",
        ),
        pytest.param(
            lambda: Incident("S1", at(4, 2), "item_4", count=100_001),
            [("count", 100001, "a whole number of occurrences, 1–100000")],
            id="count-100001",
        ),
        pytest.param(
            lambda: Incident("S1", dt.datetime(2026, 4, 2), "item_4"),
            [
                (
                    "at",
                    "datetime.datetime(2026, 4, 2, 0, 0)",
                    "a timezone-aware datetime, e.g. datetime(..., tzinfo=SHANGHAI)",
                )
            ],
            id="naive-at",
        ),
        pytest.param(
            lambda: FineLine("item_4", 0, Decimal(1), Decimal(0)),
            [("count", 0, "a whole number, 1 or more")],
            id="line-count-0",
        ),
        pytest.param(
            lambda: FineLine("item_4", 1, "x", Decimal(0)),  # type: ignore[arg-type]
            [("amount", "'x'", _EXAMPLE)],
            id="line-amount",
        ),
        pytest.param(
            lambda: FineLine("item_4", 1, Decimal(1), "x"),  # type: ignore[arg-type]
            [("total", "'x'", _EXAMPLE)],
            id="line-total",
        ),
    ],
)
def test_a_refusal_names_the_field_the_value_and_what_was_expected(
    call: Any, problems: list[tuple[str, object, str]]
) -> None:
    """A6: every refusal of the fines rule pins its path, the value given and the expectation."""
    assert problems_of(call) == problems


def test_a_reused_extra_key_is_refused_with_its_value() -> None:
    """A6: an ``extra`` row may not reuse a key of the seed's table."""
    extra = [{"offence": "item_4", "zh": "甲", "en": "x", "amount": 1}]
    assert problems_of(lambda: AllocationPolicy(fines={"extra": extra}), PolicyError) == [
        ("fines.extra[0].offence", "'item_4'", "a key not used before in the table")
    ]


def test_the_count_limit_and_a_one_day_period_are_accepted() -> None:
    """A6: 100000 occurrences is the largest count; a period may be a single day."""
    assert Incident("S1", at(4, 2), "item_4", count=100_000).count == 100_000
    day = dt.date(2026, 4, 2)
    report = fines([Incident("S1", at(4, 2), "item_4")], SEED, start=day, end=day)
    assert (report.start, report.end, report.total) == (day, day, Decimal(20))


def test_an_unknown_offence_is_labelled_by_its_key() -> None:
    """A6: the table names an offence it does not have by its key, in both languages."""
    assert FinesPolicy().label_of("zzz") == Label("zzz", "zzz")


def test_lines_follow_the_table_order_and_a_zero_amount_stays_zero() -> None:
    """A6: a person's lines follow the table (the seed's offences, then ``extra``), not the
    alphabet; an offence the company sets to 0 yuan costs nothing."""
    policy = AllocationPolicy(
        effective=dt.date(2026, 1, 1),
        fines={
            "ten_minute_report": "0",
            "extra": [{"offence": "a_custom", "zh": "甲", "en": "a", "amount": "5"}],
        },
    )
    incidents = [
        Incident("S1", at(4, 2), "a_custom"),
        Incident("S1", at(4, 2), "item_4"),
        MissedReport("S1", at(4, 3)),
    ]
    report = fines(incidents, policy, **APRIL)
    assert report.people[0].lines == (
        FineLine("item_4", 1, Decimal(20), Decimal(20)),
        FineLine("ten_minute_report", 1, Decimal(0), Decimal(0)),
        FineLine("a_custom", 1, Decimal(5), Decimal(5)),
    )
    assert report.total == Decimal(25)
    assert report.policy_effective == dt.date(2026, 1, 1)
