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
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeVar, cast

import attrs
import cattrs

from customer_rules._coerce import PathBuilder, build, supplied, supplied_now
from customer_rules._frozen import Preset
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
    try:
        if policies or supplied_now():
            with supplied(policies):
                result: T = build(cls, plain_data)
        else:  # nothing supplied, inside or outside: the same build without the context
            result = build(cls, plain_data)
    except RecursionError:
        raise InputError("data", data, "data nested a few levels deep") from None
    _verify(result, derived, policy)
    return result


def _row_builder(
    cls: type, cells: Sequence[tuple[int, str]], constants: Mapping[str, object]
) -> PathBuilder | None:
    """For the CSV reader (:mod:`customer_rules.rows`): a builder of ``cls`` from a row's cells
    (index in the row, dotted path) that gives what :func:`from_data` without a policy gives for
    the row's nested mapping, or ``None`` (see :class:`~customer_rules._coerce.PathBuilder`).
    ``None`` too unless ``from_data`` only builds ``cls``: for a policy, or a class with derived
    parts to set aside."""
    if not (isinstance(cls, type) and attrs.has(cls)) or is_policy(cls) or _moved(cls):
        return None
    return PathBuilder.of(cls, cells, constants)


def _split(cls: type, data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The init fields, and the derived parts (reasons, what-if) a result's data carries."""
    moved = _moved(cls)
    if not moved and type(data) is dict:
        return data, {}  # nothing to move: build only reads the dict
    fields, derived = {}, {}
    for key, value in data.items():
        if key in moved:
            derived[key] = value
        else:
            fields[key] = value
    return fields, derived


_MOVED: dict[type, frozenset[str]] = {}


def _moved(cls: type) -> frozenset[str]:
    """The derived parts of ``cls`` that :func:`_split` moves out of its data: those that are not
    also the key of an init field."""
    found = _MOVED.get(cls)
    if found is None:
        names = {f.alias for f in attrs.fields(cast(Any, cls)) if f.init}
        found = _MOVED[cls] = frozenset(_derived(cls)) - names
    return found


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
    encode = _ENCODERS.get(type(value))
    if encode is None:
        encode = _ENCODERS[type(value)] = _encoder(type(value))
    return encode(value, lang, depth)


_Encoder = Callable[[Any, "Lang | None", int], Any]
_ENCODERS: dict[type, _Encoder] = {}
"""How each type met so far is written: decided once per type by :func:`_encoder`."""


def _encoder(kind: type) -> _Encoder:
    """How to write a value of type ``kind`` (the rules of :func:`to_data`)."""
    if kind is type(None) or issubclass(kind, bool | str) or kind is int:
        return _same
    if issubclass(kind, Decimal):
        return lambda value, lang, depth: str(value)
    if issubclass(kind, dt.datetime):
        return _moment
    if issubclass(kind, dt.date):
        return lambda value, lang, depth: value.isoformat()
    if issubclass(kind, enum.Enum):
        _ENUMS.add(kind)
        return lambda value, lang, depth: value._value_
    if issubclass(kind, Reason):
        return lambda value, lang, depth: value.to_data(lang)
    if issubclass(kind, Label):
        return lambda value, lang, depth: [value.zh, value.en]
    if issubclass(kind, frozenset | set):
        return _members
    if issubclass(kind, tuple | list):
        return _items
    if is_policy(kind):
        return lambda value, lang, depth: plain(value)
    if attrs.has(kind):
        return _record(kind)
    return _refused


def _same(value: object, lang: Lang | None, depth: int) -> object:
    return value


def _moment(value: dt.datetime, lang: Lang | None, depth: int) -> str:
    zone = getattr(value.tzinfo, "key", None)  # RFC 9557 keeps the zone: …+08:00[Asia/Shanghai]
    return f"{value.isoformat()}[{zone}]" if isinstance(zone, str) else value.isoformat()


def _deeper(value: object, depth: int) -> int:
    if depth > _MAX_DEPTH:
        raise InputError("value", value, "data nested a few levels deep")
    return depth + 1


def _members(value: frozenset[Any] | set[Any], lang: Lang | None, depth: int) -> list[Any]:
    inner = _deeper(value, depth)
    return sorted(_to_data(v, lang, inner) for v in value)


def _items(value: Sequence[Any], lang: Lang | None, depth: int) -> list[Any]:
    if not value:
        return []
    inner = _deeper(value, depth)
    out = []
    for item in value:
        kind = type(item)
        out.append(
            item.to_data(lang)
            if kind is Reason
            else item
            if kind in _PLAIN
            else item._value_
            if kind in _ENUMS
            else _to_data(item, lang, inner)
        )
    return out


def _refused(value: object, lang: Lang | None, depth: int) -> Any:
    raise InputError("value", value, "a value of customer_rules (facts, a result, a reason)")


def _record(kind: type) -> _Encoder:
    """The writer of an attrs class: its init fields (not a policy) and its derived parts.

    Generated once per class as straight-line code (the way attrs writes ``__init__``): each
    part is read by attribute, and a text, number, yes/no, ``None`` or amount is written in
    place, so a result of fifty values costs a few calls, not fifty. Anything else is written by
    its type's writer (called directly once :func:`_to_data` has met the type), so the output is
    the same as writing each part on its own.
    """
    parts = [
        (field.name, field.alias)
        for field in attrs.fields(kind)
        if not field.name.startswith("_") and field.init
    ]
    parts += [(name, name) for name in _derived(kind)]
    lines = [
        "def write(value, lang, depth):",
        f"    if depth > {_MAX_DEPTH}:",
        "        _deeper(value, depth)",
        "    inner = depth + 1",
        "    out = {}",
    ]
    for name, alias in parts:
        lines.append(f"    item = value.{name}")
        indent = "    "
        if name == "policy":
            lines.append("    if not _is_policy(type(item)):  # no policy is copied into data")
            indent = "        "
        lines += [
            f"{indent}kind = type(item)",
            f"{indent}out[{alias!r}] = (",
            f"{indent}    item if kind in _PLAIN else str(item) if kind is _Decimal",
            f"{indent}    else item._value_ if kind in _ENUMS",
            f"{indent}    else (_ENCODERS.get(kind) or _to_data)(item, lang, inner)",
            f"{indent})",
        ]
    lines.append("    return out")
    scope: dict[str, Any] = {
        "_deeper": _deeper,
        "_is_policy": is_policy,
        "_PLAIN": _PLAIN,
        "_Decimal": Decimal,
        "_ENUMS": _ENUMS,
        "_to_data": _to_data,
        "_ENCODERS": _ENCODERS,
    }
    exec(compile("\n".join(lines), f"<to_data writer of {kind.__qualname__}>", "exec"), scope)
    return cast(_Encoder, scope["write"])


_PLAIN = frozenset({type(None), bool, str, int})
"""The types written as they are."""
_ENUMS: set[type] = set()
"""The enum classes met so far (written by value), filled in by :func:`_encoder`."""


def _derived(cls: type) -> tuple[str, ...]:
    """A result class's derived parts: ``reasons`` and its cached (lazily built) attributes."""
    fields = {f.name for f in attrs.fields(cls)}
    found = [
        name
        for klass in cls.__mro__
        for name, member in vars(klass).items()
        if not name.startswith("_")
        and name not in fields
        and (
            type(member).__name__ in ("member_descriptor", "cached_property")
            or isinstance(member, Preset)
        )
    ]
    if hasattr(cls, "reasons") and "reasons" not in found:
        found.insert(0, "reasons")
    return tuple(dict.fromkeys(found))


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
