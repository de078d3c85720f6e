"""Private: the attrs validators and converters the service chapter's fact classes share.

Facts are built millions of times a night, so they keep cheap attrs validators (as
:mod:`customer_rules._validation` does); each names its field in the
:class:`~customer_rules.errors.InputError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from customer_rules.dates import EARLIEST, LATEST, require_aware
from customer_rules.errors import InputError

Validator = Callable[[object, "attrs.Attribute[Any]", Any], None]

_RANGE = "a datetime.date from 1900-01-01 to 2999-12-31"


def day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A plain date of the supported range."""
    if type(value) is not dt.date or not EARLIEST <= value <= LATEST:
        raise InputError(attribute.name, value, _RANGE)


def optional_day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """``None`` or a plain date of the supported range."""
    if value is not None and (type(value) is not dt.date or not EARLIEST <= value <= LATEST):
        raise InputError(attribute.name, value, _RANGE + ", or None")


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """``None`` or a text that is not blank."""
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError(attribute.name, value, "a non-empty string or None")


def aware(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A timezone-aware datetime of the supported range."""
    require_aware(value, attribute.name)


def whole(low: int, high: int, *, optional: bool = False) -> Validator:
    """A whole number (not a bool) from ``low`` to ``high`` (or ``None`` when ``optional``)."""
    expected = f"a whole number from {low:,} to {high:,}" + (", or None" if optional else "")

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if type(value) is not int or not low <= value <= high:
            raise InputError(attribute.name, value, expected)

    return check


def tuple_of(kind: type, expected: str, *, unique: bool = False) -> Validator:
    """A tuple of ``kind`` items (each once when ``unique``: by its ``area`` if it has one)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise InputError(attribute.name, value, f"a tuple of {expected}")
        seen: set[object] = set()
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise InputError(f"{attribute.name}[{i}]", item, expected)
            if unique:
                key = getattr(item, "area", item)
                if key in seen:
                    raise InputError(f"{attribute.name}[{i}]", item, f"{expected}, each once")
                seen.add(key)

    return check


def names(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A tuple of names that are not blank."""
    if not isinstance(value, tuple):
        raise InputError(attribute.name, value, "a tuple of names")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise InputError(f"{attribute.name}[{i}]", item, "a non-empty name")


def as_tuple(value: object) -> object:
    """A list as a tuple (what a JSON array gives); anything else as it is, for the validator."""
    return tuple(value) if isinstance(value, list) else value
