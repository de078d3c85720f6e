"""The facts the allocation rules share (A1/A13: the roster and the leads) and the check of a
policy's effective date.

A lead's ``received_at`` is a moment (tz-aware); its contribution and potential are amounts in
yuan (A13: served first). A refusal names the field, the value given and what was expected.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from tests.refusals import problems_of

from customer_rules._allocation.checks import day_in_force
from customer_rules.allocation import AllocationPolicy, Lead
from customer_rules.dates import SHANGHAI
from customer_rules.grading import DealSizeType

AT = dt.datetime(2026, 5, 6, 15, 0, tzinfo=SHANGHAI)


def test_a_lead_keeps_its_amounts_in_yuan() -> None:
    """A13: ``"80万"`` is 800,000 yuan."""
    lead = Lead("L1", DealSizeType.A, AT, contribution="80万", potential=150_000)
    assert (lead.contribution, lead.potential) == (Decimal(800_000), Decimal(150_000))


def test_a_naive_received_at_is_refused_naming_it() -> None:
    """A1/A13: when the company received a lead is a moment in a known zone."""
    naive = dt.datetime(2026, 5, 6, 15, 0)
    assert problems_of(lambda: Lead("L1", DealSizeType.A, naive)) == [
        (
            "received_at",
            "datetime.datetime(2026, 5, 6, 15, 0)",
            "a timezone-aware datetime, e.g. datetime(..., tzinfo=SHANGHAI)",
        )
    ]


@pytest.mark.parametrize(
    ("field", "amounts"),
    [
        ("contribution", {"contribution": "-1"}),
        ("potential", {"potential": "-1"}),
    ],
)
def test_a_negative_amount_is_refused_naming_its_field(field: str, amounts: dict[str, str]) -> None:
    """A13: contribution and potential are non-negative amounts."""
    assert problems_of(lambda: Lead("L1", DealSizeType.A, AT, **amounts)) == [
        (field, "'-1'", "a non-negative amount")
    ]


def test_a_day_before_the_policy_takes_effect_is_refused() -> None:
    """A policy applies from its effective date on (the day itself included)."""
    book = AllocationPolicy(version="2027", effective=dt.date(2027, 1, 1))
    day_in_force(book, dt.date(2027, 1, 1))
    day_in_force(book, dt.date(2027, 3, 1), "end")
    assert problems_of(lambda: day_in_force(book, dt.date(2026, 12, 31), "end")) == [
        (
            "end",
            "datetime.date(2026, 12, 31)",
            "a day on or after the policy's effective date 2027-01-01 (version '2027')",
        )
    ]
