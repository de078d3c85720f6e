"""Money parsing: Decimal, int and regulation-style strings accepted; floats refused."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal, InvalidOperation, Overflow, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import InputError, parse_amount
from customer_rules.money import MAX_AMOUNT, parse_decimal


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


# --- the bound, the length and the digits ----------------------------------------------------

EXPECTED = "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'"
AT_MOST = "an amount of at most 10^15 yuan"
SIGNED = "an amount from -10^15 to 10^15 yuan"
NUMBER = "a number from -10^15 to 10^15"
DIGITS = "a number with at most 28 significant digits"


def test_max_amount_is_public() -> None:
    import customer_rules.money as money

    assert Decimal(1_000_000_000_000_000) == MAX_AMOUNT
    assert "MAX_AMOUNT" in money.__all__


@pytest.mark.parametrize(
    "value",
    [
        MAX_AMOUNT,
        Decimal("1000000000000000.00"),
        10**15,
        "1000000000000000",
        "1,000,000,000,000,000.00",
        "10000000亿",
        "100000000000万",
        "¥1000000000000000元",
    ],
)
def test_max_amount_is_accepted(value: object) -> None:
    assert parse_amount(value) == MAX_AMOUNT
    assert parse_amount(value, nonnegative=False) == MAX_AMOUNT


@pytest.mark.parametrize(
    "value",
    [
        MAX_AMOUNT + Decimal("0.01"),
        10**15 + 1,
        "1000000000000000.01",
        "10000000.0001亿",
        "100000000000.01万",
        Decimal("1E+999999999"),
        10**5000,
        "9" * 64,
    ],
    ids=["decimal", "int", "text", "yi", "wan", "huge-exponent", "5000-digit-int", "64-nines"],
)
def test_beyond_max_amount_is_refused(value: object) -> None:
    with pytest.raises(InputError) as info:
        parse_amount(value, "credit_limit")
    assert (info.value.field, info.value.expected) == ("credit_limit", AT_MOST)
    assert info.value.given is value
    with pytest.raises(InputError) as info:
        parse_amount(value, nonnegative=False)
    assert info.value.expected == SIGNED


def test_the_bound_holds_both_ways_for_signed_amounts() -> None:
    assert parse_amount(-MAX_AMOUNT, nonnegative=False) == -MAX_AMOUNT
    assert parse_amount("-1000000000000000", nonnegative=False) == -MAX_AMOUNT
    for value in (-MAX_AMOUNT - Decimal("0.01"), "-1000000000000000.01", -(10**15) - 1):
        with pytest.raises(InputError) as info:
            parse_amount(value, nonnegative=False)
        assert info.value.expected == SIGNED
        with pytest.raises(InputError) as info:
            parse_amount(value)
        assert info.value.expected == "a non-negative amount"


def test_parse_decimal_has_the_same_bound() -> None:
    assert parse_decimal(MAX_AMOUNT) == MAX_AMOUNT
    assert parse_decimal("-1000000000000000") == -MAX_AMOUNT
    for value in (MAX_AMOUNT + 1, Decimal("-1E+999999999"), "1000000000000000.5", 10**16):
        with pytest.raises(InputError) as info:
            parse_decimal(value, "premium_pct")
        assert (info.value.field, info.value.expected) == ("premium_pct", NUMBER)


def test_a_huge_decimal_is_an_input_error_not_a_decimal_signal() -> None:
    with localcontext() as ctx:
        ctx.traps[Overflow] = True
        ctx.traps[InvalidOperation] = True
        for value in (Decimal("1E+999999999"), Decimal("-1E+999999999")):
            with pytest.raises(InputError):
                parse_amount(value)


def test_64_characters_are_parsed_65_are_refused_before_parsing() -> None:
    assert parse_amount("1".rjust(64)) == 1
    assert parse_amount("0" * 63 + "1") == 1
    for text in ("1".rjust(65), "0" * 64 + "1"):
        with pytest.raises(InputError) as info:
            parse_amount(text, "amount")
        assert info.value.expected == f"{EXPECTED}, of at most 64 characters"
        assert info.value.given == text
    with pytest.raises(InputError) as info:
        parse_decimal("0" * 64 + "1", "share")
    assert info.value.expected == "a number such as '14' or '12.5', of at most 64 characters"


def test_a_million_digit_string_costs_nothing() -> None:
    text = "9" * 1_000_000
    start = time.perf_counter()
    for _ in range(100):
        with pytest.raises(InputError, match="at most 64 characters"):
            parse_amount(text)
    assert time.perf_counter() - start < 2  # a parse of a million digits would take far longer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.1234567890123456789012345678", Decimal("0.1234567890123456789012345678")),
        ("1.234567890123456789012345678万", Decimal("12345.67890123456789012345678")),
        ("0.000000000000000000000000000000001亿", Decimal("1E-25")),
        ("123456789012.3456789012345678", Decimal("123456789012.3456789012345678")),
    ],
)
def test_28_significant_digits_are_kept_exactly(text: str, expected: Decimal) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "0.12345678901234567890123456789",
        "1.23456789012345678901234567890123万",
        "1.2345678901234567890123456789亿",
        "12345678901.234567890123456789",
    ],
)
def test_more_than_28_significant_digits_are_refused_not_rounded(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_amount(text, "amount")
    assert (info.value.field, info.value.expected, info.value.given) == ("amount", DIGITS, text)


def test_units_are_exact_whatever_the_callers_decimal_context() -> None:
    with localcontext() as ctx:
        ctx.prec = 5
        assert parse_amount("1.23456789万") == Decimal("12345.6789")
        assert parse_amount("1.5亿") == Decimal("150000000.0")


def test_a_decimal_is_returned_as_given_and_a_subclass_as_a_plain_decimal() -> None:
    class Money(Decimal):
        pass

    value = Decimal("799999.99")
    assert parse_amount(value) is value
    assert parse_decimal(value) is value
    converted = parse_amount(Money("12.50"))
    assert type(converted) is Decimal
    assert converted == Decimal("12.50")
    with pytest.raises(InputError, match="finite"):
        parse_amount(Money("NaN"))
    with pytest.raises(InputError) as info:
        parse_amount(Money("1E16"))
    assert info.value.expected == AT_MOST


@pytest.mark.parametrize("bad", [Decimal("sNaN"), Decimal("-Infinity"), Decimal("-NaN")])
def test_every_non_finite_decimal_is_refused(bad: Decimal) -> None:
    for parse in (parse_amount, parse_decimal):
        with pytest.raises(InputError) as info:
            parse(bad, "x")
        assert info.value.expected == "a finite number"


def attempt(parse: Callable[..., Decimal], *args: object, **kwargs: bool) -> Decimal | InputError:
    """``parse(...)``, or the InputError it raised (any other exception propagates)."""
    try:
        return parse(*args, **kwargs)
    except InputError as error:
        return error


def _in_bounds(value: Decimal) -> bool:
    return -MAX_AMOUNT <= value <= MAX_AMOUNT


@given(st.text())
def test_any_text_gives_an_amount_or_an_input_error(text: str) -> None:
    amount = attempt(parse_amount, text, "amount")
    if isinstance(amount, InputError):
        assert amount.field == "amount"
        assert amount.given == text
    else:
        assert type(amount) is Decimal
        assert 0 <= amount <= MAX_AMOUNT


@given(st.text(alphabet="0123456789,.+- 万亿千元¥￥", max_size=70))
def test_any_amount_like_text_gives_an_amount_or_an_input_error(text: str) -> None:
    for parse in (parse_amount, parse_decimal):
        value = attempt(parse, text, "x")
        if isinstance(value, InputError):
            assert value.field == "x"
        else:
            assert _in_bounds(value)


@given(st.decimals())
def test_any_decimal_gives_itself_or_an_input_error(value: Decimal) -> None:
    for nonnegative in (True, False):
        amount = attempt(parse_amount, value, nonnegative=nonnegative)
        if isinstance(amount, InputError):
            assert amount.given is value
            assert not value.is_finite() or not _in_bounds(value) or value < 0
        else:
            assert amount is value
            assert _in_bounds(amount)


ANYTHING = st.one_of(
    st.integers(),
    st.floats(),
    st.text(),
    st.none(),
    st.booleans(),
    st.lists(st.integers()),
    st.decimals(),
)


@given(ANYTHING)
def test_anything_gives_an_amount_or_an_input_error(value: object) -> None:
    for parse in (parse_amount, parse_decimal):
        result = attempt(parse, value, "x")
        if isinstance(result, InputError):
            assert result.field == "x"
        else:
            assert type(result) is Decimal
            assert result.is_finite()
            assert _in_bounds(result)


@given(st.decimals(min_value=0, max_value=10**10, places=10, allow_nan=False))
def test_units_multiply_exactly(value: Decimal) -> None:
    text = f"{value:f}"
    with localcontext() as ctx:
        ctx.prec = 100
        for unit, factor in (("千", 1000), ("万", 10_000), ("亿", 100_000_000)):
            exact = value * factor
            if exact > MAX_AMOUNT:
                with pytest.raises(InputError):
                    parse_amount(text + unit)
            else:
                assert parse_amount(text + unit) == exact
