"""R7: the trading-partner ledger.

Seed 000 第四条(一): "对于开始有交易往来的公司,各负责者要在「交易开始调查书」里,记入必要
事项,并且取得单位主管的认可并禀报董事长。而后依照调查书,在财务科里将交易往来客户原簿做成"; 003
§公司顾客管理办法 1(2): when customers are many, only important or big customers need a ledger.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.archives import (
    INVESTIGATION,
    ArchivesPolicy,
    ArchivesReason,
    LedgerDecision,
    TradingPartner,
    ledger_entry,
)
from customer_rules.errors import InputError
from customer_rules.grading import CustomerCategory, Grade
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import explain
from customer_rules.roles import Approval, ApprovalStatus, Role
from customer_rules.testing import days
from refusals import problems_of

D = dt.date
DAY = D(2026, 3, 2)
SEED = ArchivesPolicy()
HEAD = Approval("张主任", Role.OFFICE_DIRECTOR, INVESTIGATION, DAY, subject="P-9")


def test_a_partner_enters_with_an_approved_investigation_reported_to_the_chairman() -> None:
    d = ledger_entry(TradingPartner("P-9", HEAD, reported_on=DAY), SEED, on=DAY)
    assert (d.may_enter, d.card_needed) == (True, True)
    assert [r.code for r in d.reasons] == [ArchivesReason.R7_ENTER, ArchivesReason.R7_CARD]
    assert "reported to the chairman" in explain(d, "en")


def test_without_the_report_to_the_chairman_it_waits() -> None:
    d = ledger_entry(TradingPartner("P-9", HEAD), SEED, on=DAY)
    assert not d.may_enter
    assert d.investigation is ApprovalStatus.GRANTED
    assert not d.reported
    assert d.reasons[0].code == ArchivesReason.R7_NOT_REPORTED
    before = ledger_entry(
        TradingPartner("P-9", HEAD, reported_on=DAY - dt.timedelta(days=1)), SEED, on=DAY
    )
    assert not before.reported  # reported before the approval: not the approved investigation
    later = ledger_entry(
        TradingPartner("P-9", HEAD, reported_on=DAY + dt.timedelta(days=1)), SEED, on=DAY
    )
    assert not later.reported  # not yet reported on the day asked


@pytest.mark.parametrize(
    ("approval", "status"),
    [
        (None, ApprovalStatus.MISSING),
        (Approval("陈小明", Role.SALESPERSON, INVESTIGATION, DAY), ApprovalStatus.WRONG_ROLE),
        (Approval("张主任", Role.OFFICE_DIRECTOR, "R7.other", DAY), ApprovalStatus.WRONG_SUBJECT),
        (
            Approval("张主任", Role.OFFICE_DIRECTOR, INVESTIGATION, DAY, subject="P-1"),
            ApprovalStatus.OTHER_SUBJECT,
        ),
        (
            Approval("张主任", Role.OFFICE_DIRECTOR, INVESTIGATION, DAY + dt.timedelta(days=1)),
            ApprovalStatus.NOT_IN_FORCE,
        ),
    ],
)
def test_the_investigation_must_be_approved_by_a_unit_head(
    approval: Approval | None, status: ApprovalStatus
) -> None:
    d = ledger_entry(TradingPartner("P-9", approval, reported_on=DAY), SEED, on=DAY)
    assert not d.may_enter
    assert d.investigation is status
    assert d.reasons[0].code == ArchivesReason.R7_INVESTIGATION


def test_when_customers_are_many_only_important_or_big_ones_need_a_card() -> None:
    many = ArchivesPolicy(ledger={"important_only": True})
    small = TradingPartner("P-9", HEAD, reported_on=DAY, grade=Grade.B)
    assert not ledger_entry(small, many, on=DAY).card_needed
    assert ledger_entry(small, SEED, on=DAY).card_needed
    key = TradingPartner("P-9", HEAD, reported_on=DAY, grade=Grade.A)
    big = TradingPartner("P-9", HEAD, reported_on=DAY, category=CustomerCategory.BIG)
    assert ledger_entry(key, many, on=DAY).card_needed
    assert ledger_entry(big, many, on=DAY).card_needed
    assert "only important or big customers need a card" in explain(
        ledger_entry(small, many, on=DAY), "en"
    )


@given(days(), st.none() | days(), st.none() | days(), st.booleans())
def test_entry_needs_both_and_round_trips(
    signed: D, reported: D | None, on: D | None, bound: bool
) -> None:
    day = on or signed
    approval = Approval(
        "张主任", Role.SUPERVISOR, INVESTIGATION, signed, subject="P-9" if bound else None
    )
    d = ledger_entry(TradingPartner("P-9", approval, reported_on=reported), SEED, on=day)
    assert d.may_enter == (signed <= day and reported is not None and signed <= reported <= day)
    data = json.loads(json.dumps(to_data(d, lang="zh"), ensure_ascii=False))
    assert from_data(LedgerDecision, data, policy=SEED) == d


def test_input_that_cannot_be_right_names_the_field() -> None:
    with pytest.raises(InputError) as error:
        ledger_entry("P-9", SEED, on=DAY)  # type: ignore[arg-type]
    assert error.value.field == "partner"
    with pytest.raises(InputError) as error:
        TradingPartner("P-9", grade="A")  # type: ignore[arg-type]
    assert error.value.field == "grade"


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        (
            lambda: ledger_entry("P-9", SEED, on=DAY),  # type: ignore[arg-type]
            [("partner", "'P-9'", "a TradingPartner")],
        ),
        (
            lambda: TradingPartner("P-9", HEAD, reported_on="2026-03-02"),  # type: ignore[arg-type]
            [("reported_on", "'2026-03-02'", "a datetime.date")],
        ),
        (
            lambda: TradingPartner("P-9", HEAD, reported_on=D(1899, 12, 31)),
            [
                (
                    "reported_on",
                    "datetime.date(1899, 12, 31)",
                    "a date from 1900-01-01 to 2999-12-31",
                )
            ],
        ),
    ],
)
def test_every_refusal_names_the_argument_the_value_and_what_was_expected(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == problems


def test_a_decision_records_the_books_version_and_effective_day() -> None:
    book = ArchivesPolicy(version="2027", effective=D(2026, 1, 1))
    d = ledger_entry(TradingPartner("P-9", HEAD, reported_on=DAY), book, on=DAY)
    assert (d.may_enter, d.policy_version, d.policy_effective) == (True, "2027", D(2026, 1, 1))
