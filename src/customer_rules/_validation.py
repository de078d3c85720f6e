"""Private helpers that policy and fact classes use to validate themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import pairwise
from typing import Any

import attrs

from customer_rules.errors import InputError, PolicyError, Problem
from customer_rules.money import parse_amount, parse_decimal


def policy_amount(value: object, field: attrs.Attribute[Any]) -> Decimal:
    """attrs converter for a policy's money field: accepts "80万", refuses floats."""
    try:
        return parse_amount(value, field.name)
    except InputError as exc:
        raise PolicyError(
            [Problem(field.name, f"expected {exc.expected}, got {value!r}")]
        ) from None


def policy_number(value: object, field: attrs.Attribute[Any]) -> Decimal:
    """attrs converter for a policy's plain decimal field (a percentage, a share)."""
    try:
        return parse_decimal(value, field.name)
    except InputError as exc:
        raise PolicyError(
            [Problem(field.name, f"expected {exc.expected}, got {value!r}")]
        ) from None


def amount_field(default: int | str) -> Any:
    """A policy money field defaulting to ``default``; accepts ``"80万"``, refuses floats."""
    return attrs.field(
        default=parse_amount(default), converter=attrs.Converter(policy_amount, takes_field=True)
    )


def number_field(default: int | str) -> Any:
    """A policy decimal field (percentages, shares), converted by :func:`policy_number`."""
    return attrs.field(
        default=parse_decimal(default), converter=attrs.Converter(policy_number, takes_field=True)
    )


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


def _role_set(value: object, field: attrs.Attribute[Any]) -> frozenset[Any]:
    if not isinstance(value, list | tuple | set | frozenset):
        raise PolicyError([Problem(field.name, f"expected a list of roles, got {value!r}")])
    return frozenset(value)


def roles_field(default: frozenset[Any]) -> Any:
    """A policy field holding a set of roles (TOML and JSON give lists); check its items in
    ``__attrs_post_init__`` with :func:`check_roles`, so every problem is reported together."""
    return attrs.field(default=default, converter=attrs.Converter(_role_set, takes_field=True))


def check_roles(
    problems: list[Problem], name: str, roles: frozenset[Any], *, required: bool
) -> None:
    """Append a problem for an empty required role set and for each item that is not a Role."""
    from customer_rules.roles import Role  # roles imports this module

    if required and not roles:
        problems.append(Problem(name, "expected at least one role, got none"))
    for role in roles:
        check_instance(problems, name, role, Role)


def check_int(problems: list[Problem], name: str, value: object, low: int, high: int) -> None:
    """Append a problem unless ``low <= value <= high`` for an int (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(Problem(name, f"expected an integer, got {value!r}"))
    elif not low <= value <= high:
        problems.append(Problem(name, f"expected an integer from {low} to {high}, got {value}"))


def check_descending(
    problems: list[Problem], names: Sequence[str], values: Sequence[Decimal | int]
) -> None:
    """Append a problem for each neighbour that is not strictly below the one before."""
    for (n1, v1), (n2, v2) in pairwise(zip(names, values, strict=True)):
        if not v1 > v2:
            problems.append(Problem(n2, f"expected less than {n1} ({v1}), got {v2}"))


def check_ascending(
    problems: list[Problem], names: Sequence[str], values: Sequence[Decimal | int]
) -> None:
    """Append a problem for each neighbour that is not strictly above the one before."""
    for (n1, v1), (n2, v2) in pairwise(zip(names, values, strict=True)):
        if not v1 < v2:
            problems.append(Problem(n2, f"expected more than {n1} ({v1}), got {v2}"))


def check_instance(problems: list[Problem], name: str, value: object, kind: type) -> None:
    """Append a problem unless ``value`` is an instance of ``kind``."""
    if not isinstance(value, kind):
        problems.append(Problem(name, f"expected {kind.__name__}, got {value!r}"))


def raise_if(problems: list[Problem]) -> None:
    """Raise one :class:`PolicyError` carrying every problem, if there are any."""
    if problems:
        raise PolicyError(problems)
