"""A6: the fines table (元/次) and a period's total per person.

Seed 001 §客户资源分配管理制度 3.3.5: "ABCD客户统筹管理表,未按时录入20元/次;4客户来成20元/次";
§3.6.7: "暂停资源分配一次扣罚" (the amount left blank: the library's example is [default]).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.allocation import (
    AllocationPolicy,
    FineLine,
    FineOffence,
    FinesReport,
    Incident,
    MissedReport,
    fines,
)
from customer_rules.dates import SHANGHAI
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import explain, find_reason
from customer_rules.settings import Mark, settings_of
from customer_rules.testing import fine_incidents

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
