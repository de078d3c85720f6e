"""Money: CNY amounts as :class:`decimal.Decimal`.

The public API accepts an amount as a ``Decimal``, an ``int``, or a string in the forms people
write in regulations and spreadsheets — ``"800000"``, ``"800,000"``, ``"80万"``, ``"1.5亿"``,
``"¥800,000元"`` — and converts it once, at the edge. ``float`` is refused: binary floating point
cannot hold 799,999.99 exactly, and a boundary like "80万及以上" must not be decided by rounding
noise.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from customer_rules.errors import InputError

__all__ = ["WAN", "YI", "parse_amount", "parse_decimal"]

WAN = Decimal(10_000)
"""万: ten thousand yuan."""
YI = Decimal(100_000_000)
"""亿: one hundred million yuan."""

_UNITS = {"": Decimal(1), "万": WAN, "亿": YI, "千": Decimal(1000)}
_AMOUNT = re.compile(r"^([+-]?[0-9][0-9,]*(?:\.[0-9]+)?|[+-]?\.[0-9]+)\s*(万|亿|千|)\s*(元)?$")
_EXPECTED = "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'"


def parse_decimal(value: object, field: str = "value") -> Decimal:
    """Convert a plain number (``Decimal``, ``int`` or numeric string) to a finite ``Decimal``.

    Args:
        value: the number.
        field: the name used in the error message.

    Returns:
        The number as a ``Decimal``.

    Raises:
        InputError: for a float, a bool, a non-numeric string, NaN or infinity.
    """
    return _convert(value, field, units=False)


def parse_amount(value: object, field: str = "amount", *, nonnegative: bool = True) -> Decimal:
    """Convert an amount of money to a ``Decimal`` number of yuan.

    Args:
        value: ``Decimal``, ``int`` or a string (``"80万"``, ``"1.5亿"``, ``"800,000"``).
        field: the name used in the error message.
        nonnegative: refuse negative amounts (the default; pass ``False`` for adjustments).

    Returns:
        The amount in yuan.

    Raises:
        InputError: naming ``field``, for a float, a malformed string, NaN, infinity, or a
            negative amount when ``nonnegative`` is true.

    Example:
        >>> parse_amount("80万")
        Decimal('800000')
        >>> parse_amount("1.5亿")
        Decimal('150000000.0')
    """
    amount = _convert(value, field, units=True)
    if nonnegative and amount < 0:
        raise InputError(field, value, "a non-negative amount")
    return amount


def _convert(value: object, field: str, *, units: bool) -> Decimal:
    if type(value) is Decimal:
        if not value.is_finite():
            raise InputError(field, value, "a finite number")
        return value
    if isinstance(value, bool):
        raise InputError(field, value, _EXPECTED)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return _convert(Decimal(value), field, units=units)
    if isinstance(value, float):
        raise InputError(
            field,
            value,
            f"{_EXPECTED}; floats are refused because they cannot hold money exactly — "
            f"pass Decimal('{value!r}') or the string '{value!r}'",
        )
    if isinstance(value, str):
        return _parse_text(value, field, units=units)
    raise InputError(field, value, _EXPECTED)


def _parse_text(text: str, field: str, *, units: bool) -> Decimal:
    cleaned = text.strip().lstrip("¥￥").strip()
    match = _AMOUNT.match(cleaned)
    if match is None or (not units and (match.group(2) or match.group(3))):
        raise InputError(field, text, _EXPECTED if units else "a number such as '14' or '12.5'")
    digits, unit, _ = match.groups()
    try:
        number = Decimal(digits.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise InputError(field, text, _EXPECTED) from None
    return number * _UNITS[unit] if unit else number
