"""Facts in and results out, as plain data: the host's interchange.

* :func:`from_data` builds any public facts class from a plain mapping — a JSON object, a CSV row
  of strings, a DataFrame row as a dict — with the library's one set of conversion rules (enum
  members by value or by their Chinese or English label, ISO dates, amounts as ``"80万"`` or
  ``"3,000,000"``, percentages ``"12.5%"``, 是/否, numpy and pandas scalars, NaN and empty cells as
  missing). Every problem of the row comes back at once in one
  :class:`~customer_rules.errors.InputError`, each :class:`~customer_rules.errors.Problem` with its
  dotted path (``scorecard.influence_assessment.on``), the value given (JSON-safe) and what was
  expected.
* :func:`to_data` turns any result (or facts) into JSON-safe data: its fields (amounts as
  strings, dates as ISO strings, enums by value), its ``reasons`` as
  :meth:`~customer_rules.reasons.Reason.to_data` (rule, code, facts and, with ``lang``, the
  rendered text) and its derived parts (the scorecard's ``what_if``). No policy is copied into a
  result's data — a result's ``policy`` field is left out; ``policy_version`` says which one
  decided. (A table row a result reports, such as the service tier reached, is part of the
  outcome and is written.)
* :func:`from_data` also reads a result back, given the chapter policy that decided it
  (``policy=``); the version must match and the stored reasons must be the ones that policy
  gives, so a stored result round-trips exactly.

:data:`converter` is the one cattrs converter of the library, with these rules as its hooks:
``converter.structure(row, Customer)``, ``converter.unstructure(result)``.

Schema of a result's data: see ``docs/architecture.md`` ("Results as data").
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

import attrs
import cattrs

from customer_rules._coerce import build, supplied
from customer_rules.errors import InputError, Problem
from customer_rules.labels import Label, Lang
from customer_rules.reasons import Reason
from customer_rules.settings import from_mapping, is_policy, plain

__all__ = ["converter", "from_data", "to_data"]

T = TypeVar("T")


def from_data(cls: type[T], data: Mapping[str, Any], *, policy: object = None) -> T:
    """Build a facts class — or read back a result — from plain data.

    Args:
        cls: a public attrs class of the library (facts, a result, a policy).
        data: the mapping: a JSON object, a CSV row as nested dicts, a DataFrame row's dict.
        policy: for a result that holds a policy, the chapter policy that decided it (e.g.
            ``book.grading``); its version must equal the data's ``policy_version``.

    Returns:
        The instance.

    Raises:
        InputError: listing every problem, each with its dotted path (for a policy class:
            :class:`~customer_rules.errors.PolicyError`).

    Example:
        >>> from customer_rules.grading import Customer
        >>> row = {"id": "C1", "category": "大客户", "first_trade": "2019-03-01",
        ...        "scorecard": {"contract_amount": "800万", "paid_on_time": "是",
        ...                      "year_end_receivables": "60万", "premium_pct": "12%",
        ...                      "strategic_influence": "3"}}
        >>> c = from_data(Customer, row)
        >>> c.category, c.scorecard.contract_amount, c.scorecard.paid_on_time
        (<CustomerCategory.BIG: 'big'>, Decimal('8000000'), True)
    """
    if not isinstance(cls, type) or not attrs.has(cls):
        raise InputError("cls", cls, "a public attrs class of customer_rules")
    if not isinstance(data, Mapping):
        raise InputError("data", data, f"a mapping of the fields of {cls.__name__}")
    if is_policy(cls):
        return cast(T, from_mapping(cls, data))
    plain_data, derived = _split(cls, data)
    policies = _policies(policy) if policy is not None else {}
    with supplied(policies):
        try:
            result: T = build(cls, plain_data)
        except RecursionError:
            raise InputError("data", data, "data nested a few levels deep") from None
    _verify(result, derived, policy)
    return result


def _split(cls: type, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The init fields, and the derived parts (reasons, what-if) a result's data carries."""
    names = {f.alias for f in attrs.fields(cast(Any, cls)) if f.init}
    derived_names = set(_derived(cls))
    fields, derived = {}, {}
    for key, value in data.items():
        if key in derived_names and key not in names:
            derived[key] = value
        else:
            fields[key] = value
    return fields, derived


def _policies(policy: object) -> dict[type, object]:
    """Every policy object in the tree of ``policy``, by class."""
    if not is_policy(type(policy)):
        raise InputError("policy", policy, "the chapter policy that decided (e.g. book.grading)")
    found: dict[type, object] = {}
    stack = [policy]
    while stack:
        current = stack.pop()
        found.setdefault(type(current), current)
        for field in attrs.fields(cast(Any, type(current))):
            value = getattr(current, field.name)
            if is_policy(type(value)):
                stack.append(value)
    return found


def _verify(result: object, derived: Mapping[str, Any], policy: object) -> None:
    version = getattr(result, "policy_version", None)
    if (
        policy is not None
        and version is not None
        and getattr(policy, "version", version) != version
    ):
        raise InputError(
            "policy_version",
            version,
            f"the version of the policy given ({policy.version!r})",  # type: ignore[attr-defined]
        )
    effective = getattr(result, "policy_effective", None)
    if (
        policy is not None
        and version is not None
        and getattr(policy, "effective", None) != effective
    ):
        raise InputError(
            "policy_effective",
            effective,
            f"the effective date of the policy given ({getattr(policy, 'effective', None)})",
        )
    stored = derived.get("reasons")
    if stored is None:
        return
    if not isinstance(stored, list):
        raise InputError("reasons", stored, "a list of reasons")
    problems: list[Problem] = []
    reasons: list[Reason] = []
    for i, item in enumerate(stored):
        try:
            reasons.append(Reason.from_data(item))
        except InputError as exc:
            problems.extend(p.at(f"reasons[{i}]") for p in exc.problems)
    if problems:
        raise InputError.of(problems)
    if tuple(reasons) != tuple(getattr(result, "reasons", ())):
        raise InputError(
            "reasons", f"{len(reasons)} stored reason(s)", "the reasons the policy given decides"
        )


# --------------------------------------------------------------------------- to data


def to_data(value: object, *, lang: Lang | None = None) -> Any:
    """A result, facts or policy as JSON-safe data (dicts, lists, str, int, bool, None).

    Amounts are strings (``"800000"``), dates ISO strings, enums their value, sets sorted lists.
    A result's ``reasons`` are written with :meth:`~customer_rules.reasons.Reason.to_data`
    (with ``lang``, each with its rendered ``"text"``); its derived parts (``what_if``) are
    included; its policy is not (``policy_version`` says which one decided).

    Raises:
        InputError: for a value of a type the library does not define.
    """
    return _to_data(value, lang, 0)


_MAX_DEPTH = 32


def _to_data(value: object, lang: Lang | None, depth: int) -> Any:
    if value is None or isinstance(value, bool | str) or type(value) is int:
        return value
    if depth > _MAX_DEPTH:
        raise InputError("value", value, "data nested a few levels deep")
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        zone = getattr(value.tzinfo, "key", None)  # RFC 9557 keeps the zone: …+08:00[Asia/Shanghai]
        return f"{value.isoformat()}[{zone}]" if isinstance(zone, str) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Reason):
        return value.to_data(lang)
    if isinstance(value, Label):
        return [value.zh, value.en]
    if isinstance(value, frozenset | set):
        return sorted(_to_data(v, lang, depth + 1) for v in value)
    if isinstance(value, tuple | list):
        return [_to_data(v, lang, depth + 1) for v in value]
    cls = type(value)
    if is_policy(cls):
        return plain(value)
    if attrs.has(cls):
        out: dict[str, Any] = {}
        for field in attrs.fields(cls):
            if field.name.startswith("_") or not field.init:
                continue
            item = getattr(value, field.name)
            if field.name == "policy" and is_policy(type(item)):
                continue  # no policy is copied into a result's data
            out[field.alias] = _to_data(item, lang, depth + 1)
        for name in _derived(cls):
            out[name] = _to_data(getattr(value, name), lang, depth + 1)
        return out
    raise InputError("value", value, "a value of customer_rules (facts, a result, a reason)")


_DERIVED: dict[type, tuple[str, ...]] = {}


def _derived(cls: type) -> tuple[str, ...]:
    """A result class's derived parts: ``reasons`` and its cached (lazily built) attributes."""
    names = _DERIVED.get(cls)
    if names is None:
        fields = {f.name for f in attrs.fields(cls)}
        found = [
            name
            for klass in cls.__mro__
            for name, member in vars(klass).items()
            if not name.startswith("_")
            and name not in fields
            and type(member).__name__ in ("member_descriptor", "cached_property")
        ]
        if hasattr(cls, "reasons") and "reasons" not in found:
            found.insert(0, "reasons")
        names = tuple(dict.fromkeys(found))
        _DERIVED[cls] = names
    return names


# --------------------------------------------------------------------------- the converter


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and attrs.has(t), lambda data, cls: from_data(cls, data)
    )
    conv.register_unstructure_hook_func(lambda t: isinstance(t, type) and attrs.has(t), to_data)
    for kind in (Decimal, dt.date):
        conv.register_unstructure_hook(kind, to_data)
    return conv


converter = _make_converter()
"""The one cattrs converter: policies, facts and results with the rules above."""
