"""Money: CNY amounts as :class:`decimal.Decimal`.

The public API accepts an amount as a ``Decimal``, an ``int``, or a string in the forms people
write in regulations and spreadsheets — ``"800000"``, ``"800,000"``, ``"80万"``, ``"1.5亿"``,
``"¥800,000元"`` — and converts it once, at the edge. ``float`` is refused: binary floating point
cannot hold 799,999.99 exactly, and a boundary like "80万及以上" must not be decided by rounding
noise.

Amounts beyond any real customer's are refused at the edge too: at most :data:`MAX_AMOUNT`
(10^15 yuan) either way, a string of at most 64 characters (checked before any parsing, so a
million-digit string costs nothing), and a string with at most 28 significant digits — a unit
such as 万 is applied exactly, never by rounding.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN as _ROUND_HALF_EVEN
from decimal import Context, Decimal, InvalidOperation

from customer_rules.errors import InputError

__all__ = ["MAX_AMOUNT", "WAN", "YI", "parse_amount", "parse_decimal"]

WAN = Decimal(10_000)
"""万: ten thousand yuan."""
YI = Decimal(100_000_000)
"""亿: one hundred million yuan."""
MAX_AMOUNT = Decimal(10) ** 15
"""The largest amount accepted, either way: 10^15 yuan (一千万亿元).

Orders of magnitude beyond any real customer's contract, credit limit or receivable; a larger
figure is a typo or a unit mix-up (fen for yuan), and refusing it at the edge keeps every sum
and ratio of the library exact in ``Decimal``'s default 28 digits.
"""

_NEG_MAX = -MAX_AMOUNT
_ZERO = Decimal(0)
_MAX_INT = 10**15
_BEYOND = MAX_AMOUNT + 1
_MAX_TEXT = 64
"""A string longer than this is refused before any parsing."""
_MAX_DIGITS = 28
"""Significant digits a string may carry: ``Decimal``'s default precision."""
_EXACT = Context(prec=_MAX_DIGITS, rounding=_ROUND_HALF_EVEN, traps=[InvalidOperation])
"""The context units are applied in, independent of the caller's thread context. With at most
28 significant digits in and a power of ten as the unit, the product loses at most trailing
zeros: it is exact."""

_UNITS = {"": Decimal(1), "万": WAN, "亿": YI, "千": Decimal(1000)}
_LIMITS = {unit: MAX_AMOUNT / factor for unit, factor in _UNITS.items()}
"""The largest number before each unit: 10^15, 10^11 万, 10^7 亿, 10^12 千 (exact)."""
_AMOUNT = re.compile(r"^([+-]?[0-9][0-9,]*(?:\.[0-9]+)?|[+-]?\.[0-9]+)\s*(万|亿|千|)\s*(元)?$")
_EXPECTED = "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'"
_EXPECTED_NUMBER = "a number such as '14' or '12.5'"
_TOO_LARGE_AMOUNT = "an amount of at most 10^15 yuan"
_TOO_LARGE_SIGNED = "an amount from -10^15 to 10^15 yuan"
_TOO_LARGE_NUMBER = "a number from -10^15 to 10^15"
_TOO_PRECISE = f"a number with at most {_MAX_DIGITS} significant digits"


def parse_decimal(value: object, field: str = "value") -> Decimal:
    """Convert a plain number (``Decimal``, ``int`` or numeric string) to a finite ``Decimal``.

    Args:
        value: the number.
        field: the name used in the error message.

    Returns:
        The number as a ``Decimal``.

    Raises:
        InputError: for a float, a bool, a non-numeric string, NaN or infinity, a number beyond
            ±10^15, or a string longer than 64 characters or with more than 28 significant
            digits.
    """
    if type(value) is Decimal and value.is_finite() and _NEG_MAX <= value <= MAX_AMOUNT:
        return value
    number = _convert(value, field, units=False)
    if not _NEG_MAX <= number <= MAX_AMOUNT:
        raise InputError(field, value, _TOO_LARGE_NUMBER)
    return number


def parse_amount(value: object, field: str = "amount", *, nonnegative: bool = True) -> Decimal:
    """Convert an amount of money to a ``Decimal`` number of yuan.

    Args:
        value: ``Decimal``, ``int`` or a string (``"80万"``, ``"1.5亿"``, ``"800,000"``).
        field: the name used in the error message.
        nonnegative: refuse negative amounts (the default; pass ``False`` for adjustments).

    Returns:
        The amount in yuan. A ``Decimal`` is returned as given (a subclass as a plain
        ``Decimal``); a unit (万, 亿, 千) is applied exactly.

    Raises:
        InputError: naming ``field``, for a float, a malformed string, NaN, infinity, a negative
            amount when ``nonnegative`` is true, an amount beyond :data:`MAX_AMOUNT` (10^15
            yuan) either way, or a string longer than 64 characters or with more than 28
            significant digits.

    Example:
        >>> parse_amount("80万")
        Decimal('800000')
        >>> parse_amount("1.5亿")
        Decimal('150000000.0')
    """
    if (
        type(value) is Decimal
        and value.is_finite()
        and (_ZERO if nonnegative else _NEG_MAX) <= value <= MAX_AMOUNT
    ):
        return value
    amount = _convert(value, field, units=True)
    if nonnegative and amount < 0:
        raise InputError(field, value, "a non-negative amount")
    if not _NEG_MAX <= amount <= MAX_AMOUNT:
        raise InputError(field, value, _TOO_LARGE_AMOUNT if nonnegative else _TOO_LARGE_SIGNED)
    return amount


def _convert(value: object, field: str, *, units: bool) -> Decimal:
    """``value`` as a finite ``Decimal`` (bounds are checked by the callers)."""
    if type(value) is Decimal:
        if not value.is_finite():
            raise InputError(field, value, "a finite number")
        return value
    if isinstance(value, bool):
        raise InputError(field, value, _EXPECTED if units else _EXPECTED_NUMBER)
    if isinstance(value, int):
        if -_MAX_INT <= value <= _MAX_INT:
            return Decimal(int(value))
        # never convert a huge int (a million digits would cost): any number beyond the bound,
        # with the int's sign, makes the caller refuse ``value`` itself
        return _BEYOND if value > 0 else -_BEYOND
    if isinstance(value, Decimal):  # a subclass: as a plain Decimal
        return _convert(Decimal(value), field, units=units)
    if isinstance(value, float):
        raise InputError(
            field,
            value,
            f"{_EXPECTED if units else _EXPECTED_NUMBER}; floats are refused because they "
            f"cannot hold money exactly — pass Decimal('{value!r}') or the string '{value!r}'",
        )
    if isinstance(value, str):
        return _parse_text(value, field, units=units)
    raise InputError(field, value, _EXPECTED if units else _EXPECTED_NUMBER)


def _parse_text(text: str, field: str, *, units: bool) -> Decimal:
    expected = _EXPECTED if units else _EXPECTED_NUMBER
    if len(text) > _MAX_TEXT:
        raise InputError(field, text, f"{expected}, of at most {_MAX_TEXT} characters")
    cleaned = text.strip().lstrip("¥￥").strip()
    match = _AMOUNT.match(cleaned)
    if match is None or (not units and (match.group(2) or match.group(3))):
        raise InputError(field, text, expected)
    digits, unit, _ = match.groups()
    try:
        number = Decimal(digits.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise InputError(field, text, expected) from None
    limit = _LIMITS[unit]
    if not -limit <= number <= limit:
        # beyond the bound once the unit is applied: the caller refuses ``text`` for its size
        return _BEYOND.copy_sign(number)
    if len(digits) > _MAX_DIGITS and len(number.as_tuple().digits) > _MAX_DIGITS:
        raise InputError(field, text, _TOO_PRECISE)
    return _EXACT.multiply(number, _UNITS[unit]) if unit else number
