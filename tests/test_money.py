"""Money parsing: Decimal, int and regulation-style strings accepted; floats refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import InputError, parse_amount
from customer_rules.money import parse_decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("80万", Decimal(800_000)),
        ("1.5亿", Decimal(150_000_000)),
        ("800,000", Decimal(800_000)),
        ("799,999.99", Decimal("799999.99")),
        ("¥800,000元", Decimal(800_000)),
        (" 20 万 ", Decimal(200_000)),
        ("0", Decimal(0)),
        (800_000, Decimal(800_000)),
        (Decimal("1.10"), Decimal("1.10")),
    ],
)
def test_accepts_regulation_forms(text: object, expected: Decimal) -> None:
    assert parse_amount(text) == expected


def test_float_is_refused_with_a_hint() -> None:
    with pytest.raises(InputError) as info:
        parse_amount(0.1, "contract_amount")
    message = str(info.value)
    assert "contract_amount" in message
    assert "Decimal('0.1')" in message
    assert info.value.field == "contract_amount"


@pytest.mark.parametrize("bad", ["abc", "80万万", "", "1e5", True, None, [1], "NaN"])
def test_malformed_is_an_input_error(bad: object) -> None:
    with pytest.raises(InputError) as info:
        parse_amount(bad, "amount")
    assert info.value.given == bad


def test_negative_refused_unless_allowed() -> None:
    with pytest.raises(InputError, match="non-negative"):
        parse_amount("-5")
    assert parse_amount("-5", nonnegative=False) == Decimal(-5)


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity")])
def test_non_finite_decimal_refused(bad: Decimal) -> None:
    with pytest.raises(InputError, match="finite"):
        parse_decimal(bad)


def test_plain_numbers_do_not_take_units() -> None:
    with pytest.raises(InputError):
        parse_decimal("5万", "premium_pct")
    assert parse_decimal("12.5") == Decimal("12.5")


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False))
def test_round_trip_through_text(value: Decimal) -> None:
    assert parse_amount(str(value)) == value
    assert parse_amount(f"{value:,}") == value
    assert parse_amount(f"{value / 10_000}万") == value


@given(st.floats(allow_nan=True))
def test_every_float_is_refused(value: float) -> None:
    with pytest.raises(InputError):
        parse_amount(value)
