"""Private: validators that fact classes use to check their fields on construction.

Policies validate through :mod:`customer_rules.settings`; facts keep these cheap attrs validators
because hosts construct facts millions of times a night.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from customer_rules.errors import InputError

Validator = Callable[[object, "attrs.Attribute[Any]", Any], None]


def fact_check(
    kind: type | tuple[type, ...], expected: str, *, optional: bool = False
) -> Validator:
    """An attrs validator for a fact: ``InputError`` naming the field unless ``value`` is a
    ``kind`` (or ``None`` when ``optional``). A ``datetime`` never passes for a ``date``."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    refuse_datetime = dt.date in kinds and dt.datetime not in kinds

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kinds) or (refuse_datetime and isinstance(value, dt.datetime)):
            raise InputError(attribute.name, value, expected)

    return check


IS_BOOL = fact_check(bool, "True or False")
"""Validator of a yes/no fact."""


def non_empty_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator of a required name or id: a string that is not blank."""
    if not isinstance(value, str) or not value.strip():
        raise InputError(attribute.name, value, "a non-empty string")
