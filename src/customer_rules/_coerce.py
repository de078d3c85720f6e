"""Private: the one set of rules that turns plain values into the library's types.

Policies (built in Python or loaded from TOML/JSON), facts built from rows and JSON objects, and
results read back from data all go through :func:`coerce`. A value that cannot be converted
becomes a :class:`~customer_rules.errors.Problem` at its dotted path; every problem of a whole
structure is collected (:class:`Problems`) before anything is raised.

Accepted forms, by target type:

* ``int`` — an int (not a bool), an integral float (``15.0``, as pandas gives integers in a
  column with blanks), a numeric string (``"15"``, ``" 1,000 "``), a numpy/pandas integer scalar;
* ``Decimal`` — what :func:`~customer_rules.money.parse_amount` accepts (``"80万"``,
  ``"3,000,000"``), a percentage ``"12.5%"``, a float whose shortest decimal form has at most two
  decimal places (converted through that form, exactly), numpy/pandas scalars;
* ``bool`` — ``True``/``False``, 是/否, yes/no, y/n, true/false, 1/0, numpy booleans;
* ``date`` — a date, an ISO string, a pandas ``Timestamp`` or datetime at midnight;
* an enum — a member, its value (``"big"``, ``4``, ``"4"``), its name (any case), or its zh/en label
  (``"大客户"``, ``"big customer"``);
* ``str`` — a non-blank string;
* ``tuple[X, ...]``/``frozenset[X]`` — a list, tuple or set of ``X`` (not a string);
* an attrs class — an instance, or a mapping of its fields (unknown keys are problems);
* ``X | None`` — ``None`` and every *missing* value (``""``, NaN, ``pd.NA``, ``NaT``) mean ``None``.

numpy and pandas are never imported: their scalars are recognised by duck typing.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import enum
import math
import types
import typing
import zoneinfo
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from customer_rules.dates import parse_date, require_aware
from customer_rules.errors import CustomerRulesError, InputError, PolicyError, Problem, shown
from customer_rules.labels import LabelledEnum
from customer_rules.money import parse_amount, parse_decimal

__all__ = [
    "MISSING",
    "Problems",
    "build",
    "coerce",
    "constraints",
    "is_missing",
    "supplied",
    "type_hints",
]

_SUPPLIED: contextvars.ContextVar[Mapping[type, object] | None] = contextvars.ContextVar(
    "supplied", default=None
)


@contextlib.contextmanager
def supplied(values: Mapping[type, object]) -> Iterator[None]:
    """While active, a field of one of these types missing from the data takes the value given
    (a result read back takes its policy from the host, never from the data)."""
    token = _SUPPLIED.set(values)
    try:
        yield
    finally:
        _SUPPLIED.reset(token)


class Problems(Exception):  # noqa: N818 - an internal carrier, never escapes the package
    """The problems found while converting one structure (internal carrier)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


MISSING: Any = attrs.NOTHING
"""Marks a value that is absent (an empty cell, a key left out)."""

_YES = frozenset({"yes", "y", "true", "t", "1", "是", "对", "有"})
_NO = frozenset({"no", "n", "false", "f", "0", "否", "无"})
_MAX_TEXT = 10_000
_MAX_INT = 10**15


def is_missing(value: object) -> bool:
    """Whether ``value`` means "no value": None, an empty or blank string, NaN, pd.NA, NaT."""
    if value is None or value is MISSING:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    name = type(value).__name__
    if name in ("NAType", "NaTType"):
        return True
    if name.startswith("float") and hasattr(value, "item"):  # numpy floating scalar
        try:
            return math.isnan(float(value))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
    return False


def _scalar(value: object) -> object:
    """A numpy/pandas scalar as the Python value it holds; anything else unchanged."""
    if type(value).__module__.split(".")[0] in ("numpy", "pandas") and hasattr(value, "item"):
        try:
            item = value.item()
        except (TypeError, ValueError):
            return value
        if (
            isinstance(item, int)
            and not isinstance(item, bool)
            and type(value).__name__
            in (
                "Timestamp",
                "datetime64",
            )
        ):
            return value
        return item
    return value


def _to_int(value: object, path: str) -> int:
    value = _scalar(value)
    if type(value) is int and -_MAX_INT <= value <= _MAX_INT:
        return value
    if isinstance(value, bool) or type(value) is int:
        raise InputError(path, value, f"an integer from {-_MAX_INT} to {_MAX_INT}")
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if (
        isinstance(value, Decimal)
        and value.is_finite()
        and value.adjusted() <= 15
        and value == value.to_integral_value()
    ):
        return int(value)
    if isinstance(value, str) and len(value) <= 40:
        text = value.strip().replace(",", "")
        if text.lstrip("+-").isdigit() and text.isascii():
            return int(text)
    raise InputError(path, value, "an integer")


def _float_to_decimal(value: float, path: str) -> Decimal:
    if math.isfinite(value):
        text = repr(value)
        if "e" not in text and "E" not in text:
            places = len(text.partition(".")[2].rstrip("0"))
            if places <= 2:
                return Decimal(text)
    raise InputError(
        path,
        value,
        "an exact number: a float is accepted only with at most two decimal places — read the"
        " column as text, or pass a Decimal",
    )


def _to_decimal(value: object, path: str, *, money: bool) -> Decimal:
    value = _scalar(value)
    if isinstance(value, float):
        value = _float_to_decimal(value, path)
    if isinstance(value, str) and value.strip().endswith("%"):
        return parse_decimal(value.strip()[:-1], path)
    if money:
        return parse_amount(value, path, nonnegative=False)
    return parse_decimal(value, path)


def _to_bool(value: object, path: str) -> bool:
    value = _scalar(value)
    if isinstance(value, bool):
        return value
    if type(value) is int and value in (0, 1):
        return value == 1
    if isinstance(value, str) and len(value) <= 10:
        text = value.strip().lower()
        if text in _YES:
            return True
        if text in _NO:
            return False
    raise InputError(path, value, "yes or no (true/false, 是/否, 1/0)")


def _to_str(value: object, path: str) -> str:
    if isinstance(value, str) and value.strip() and len(value) <= _MAX_TEXT and "\x00" not in value:
        return value
    raise InputError(path, value, "a non-empty text")


def _to_date(value: object, path: str) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.tzinfo is None:
            value = value.date()
        else:
            raise InputError(path, value, "a date (not a date and time)")
    if type(value).__name__ == "Timestamp" and hasattr(value, "to_pydatetime"):
        return _to_date(value.to_pydatetime(), path)
    return parse_date(value, path)


def _to_datetime(value: object, path: str) -> dt.datetime:
    if type(value).__name__ == "Timestamp" and hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, str) and len(value) <= 80:
        text, _, zone = value.strip().partition("[")  # RFC 9557: ...+08:00[Asia/Shanghai]
        try:
            moment = dt.datetime.fromisoformat(text)
            if zone and moment.tzinfo is not None:
                moment = moment.replace(tzinfo=zoneinfo.ZoneInfo(zone.rstrip("]")))
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            raise InputError(path, value, "an ISO date and time with its offset") from None
        value = moment
    if isinstance(value, dt.datetime):
        return require_aware(value, path)
    raise InputError(path, value, "a timezone-aware date and time (ISO, with its offset)")


def _to_enum(value: object, cls: type[enum.Enum], path: str) -> enum.Enum:
    if isinstance(value, cls):
        return value
    value = _scalar(value)
    found = None
    if isinstance(value, str) and len(value) <= 100:
        found = _enum_lookup(cls).get(value.strip().lower())
    elif type(value) is int and -_MAX_INT <= value <= _MAX_INT:
        found = _enum_lookup(cls).get(str(value))
        if found is None:
            try:
                found = cls(value)
            except ValueError:
                found = None
    if found is None:
        raise InputError(path, value, _enum_choices(cls))
    return found


_ENUM_LOOKUP: dict[type[enum.Enum], dict[object, enum.Enum]] = {}


def _enum_lookup(cls: type[enum.Enum]) -> dict[object, enum.Enum]:
    table = _ENUM_LOOKUP.get(cls)
    if table is None:
        table = {}
        for member in cls:
            keys: list[object] = [member.name.lower(), str(member.value).lower()]
            if isinstance(member, LabelledEnum):
                keys += [member.zh.lower(), member.en.lower()]
            for key in keys:
                table.setdefault(key, member)
        _ENUM_LOOKUP[cls] = table
    return table


def _enum_choices(cls: type[enum.Enum]) -> str:
    parts = []
    for member in cls:
        part = repr(member.value) if not isinstance(member.value, str) else member.value
        if isinstance(member, LabelledEnum):
            part += f" ({member.zh})"
        parts.append(part)
    return f"a {cls.__name__}: one of {', '.join(parts)}"


# --------------------------------------------------------------------------- types

_HINTS: dict[type, dict[str, Any]] = {}


def type_hints(cls: type) -> dict[str, Any]:
    """The resolved field types of an attrs class (cached)."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = typing.get_type_hints(cls)
        _HINTS[cls] = hints
    return hints


_KINDS: dict[Any, tuple[bool, Any, Any]] = {}


def _optional(kind: Any) -> tuple[bool, Any]:
    """``(True, X)`` for ``X | None``, ``(False, kind)`` otherwise."""
    optional, rest, _ = _kind(kind)
    return optional, rest


def _kind(kind: Any) -> tuple[bool, Any, Any]:
    """``(optional, the type without None, its typing origin)``, worked out once per type."""
    try:
        return _KINDS[kind]
    except (KeyError, TypeError):
        pass
    optional, rest = False, kind
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        optional = len(args) < len(typing.get_args(kind))
        rest = args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007
    found = (optional, rest, typing.get_origin(rest))
    with contextlib.suppress(TypeError):  # an unhashable annotation is not cached
        _KINDS[kind] = found
    return found


def coerce(value: object, kind: Any, path: str, *, money: bool = True) -> Any:
    """Convert ``value`` to ``kind``; raise :class:`Problems` with every problem found.

    Args:
        value: the plain value.
        kind: the target type (a class, ``X | None``, ``tuple[X, ...]``, ``frozenset[X]``).
        path: the dotted path of the value, for problems.
        money: whether a ``Decimal`` is an amount of money (``"80万"`` accepted).
    """
    try:
        return _coerce(value, kind, path, money)
    except CustomerRulesError as exc:
        raise Problems(_located(exc, path)) from None


def _located(exc: CustomerRulesError, path: str) -> list[Problem]:
    if isinstance(exc, InputError | PolicyError):
        found = []
        for p in exc.problems:
            # problems raised by a converter carry the path it was given, or a bare field name
            same = p.path == path or p.path.startswith((f"{path}.", f"{path}["))
            found.append(p if same or not path else p.at(path))
        return found
    return [Problem(path, str(exc))]


def _coerce(value: object, kind: Any, path: str, money: bool) -> Any:
    optional, kind, origin = _kind(kind)
    if is_missing(value):
        if optional:
            return None
        raise InputError.of([Problem(path, "required: a value is missing", None, "a value")])
    if kind is Any or kind is object:
        return value
    if origin in (tuple, frozenset):
        return _collection(value, kind, origin, path, money)
    if origin is typing.Union or isinstance(kind, types.UnionType):
        return _union(value, typing.get_args(kind), path, money)
    if kind is int:
        return _to_int(value, path)
    if kind is Decimal:
        return _to_decimal(value, path, money=money)
    if kind is bool:
        return _to_bool(value, path)
    if kind is str:
        return _to_str(value, path)
    if kind is dt.datetime:
        return _to_datetime(value, path)
    if kind is dt.date:
        return _to_date(value, path)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _to_enum(value, kind, path)
    if isinstance(kind, type) and attrs.has(kind):
        if isinstance(value, kind):
            return value
        if isinstance(value, Mapping):
            return build(kind, value, path)
        raise InputError(path, value, f"a {kind.__name__} or a table of its fields")
    if isinstance(kind, type) and isinstance(value, kind):
        return value
    raise InputError(path, value, f"a {getattr(kind, '__name__', kind)}")


def _collection(value: object, kind: Any, origin: Any, path: str, money: bool) -> Any:
    if isinstance(value, str | bytes | Mapping) or not isinstance(
        value, list | tuple | set | frozenset
    ):
        raise InputError(path, value, "a list")
    args = typing.get_args(kind)
    item = args[0]
    items = list(value)
    if isinstance(value, set | frozenset):
        items.sort(key=repr)
    converted: list[object] = []
    problems: list[Problem] = []
    for i, element in enumerate(items):
        try:
            converted.append(_coerce(element, item, f"{path}[{i}]", money))
        except CustomerRulesError as exc:
            problems.extend(_located(exc, f"{path}[{i}]"))
    if problems:
        raise InputError.of(problems)
    return tuple(converted) if origin is tuple else frozenset(converted)


def _union(value: object, options: tuple[Any, ...], path: str, money: bool) -> Any:
    classes = [o for o in options if isinstance(o, type)]
    for option in classes:
        if isinstance(value, option):
            return value
    if isinstance(value, Mapping):
        for option in classes:
            if attrs.has(option):
                return build(option, value, path)
    for option in classes:
        if issubclass(option, enum.Enum):
            return _to_enum(value, option, path)
    names = " or ".join(o.__name__ for o in classes)
    raise InputError(path, value, f"a {names}")


# --------------------------------------------------------------------------- attrs classes

Builder = Callable[..., Any]


def build(cls: type, data: Mapping[Any, Any], path: str = "") -> Any:
    """Build the attrs class ``cls`` from a mapping of its init fields.

    Unknown keys, every field that does not convert, and then whatever the constructor itself
    refuses are problems at their paths; all of them are raised together.
    """
    fields = {a.alias: a for a in attrs.fields(cls) if a.init}
    declared = {k: a for k, a in fields.items() if "customer_rules" in a.metadata}
    if declared:  # a policy: only its declared settings are keys of a file
        fields = declared
    hints = type_hints(cls)
    problems: list[Problem] = []
    kwargs: dict[str, object] = {}
    for key in data:
        if isinstance(key, str) and (key in fields or _derived_name(cls, key)):
            continue
        where = key if isinstance(key, str) else f"[{shown(key)}]"
        where = f"{path}.{where}" if path and isinstance(key, str) else path + where
        problems.append(
            Problem(where, f"unknown key; expected one of: {', '.join(fields)}", shown(key))
        )
    if declared:  # a policy converts and checks itself: the same problems as from Python
        return _build_policy(cls, data, fields, problems, path)
    given = _SUPPLIED.get() or {}
    for name, field in fields.items():
        raw = data.get(name, MISSING)
        where = f"{path}.{name}" if path else name
        kind = hints.get(field.name, Any)
        if raw is MISSING and isinstance(kind, type) and kind in given:
            kwargs[name] = given[kind]
            continue
        if raw is MISSING or (is_missing(raw) and not declared):
            if field.default is not attrs.NOTHING:
                continue  # the field's default (the seed's value for a policy)
            optional, _ = _optional(hints.get(field.name, Any))
            if optional:
                kwargs[name] = None
                continue
        try:
            kwargs[name] = coerce(raw, hints.get(field.name, Any), where, money=_is_money(field))
        except Problems as exc:
            problems.extend(exc.problems)
    if not problems:
        try:
            return cls(**kwargs)  # the usual case: the constructor's own checks run once
        except (InputError, PolicyError) as exc:
            refused = [p.at(path) for p in exc.problems]
    else:
        refused = []
    # something is wrong: run each field's own rules alone, so that every field's problem is
    # reported, not only the first the constructor met
    for name, value in kwargs.items():
        _field_rules(fields[name], value, f"{path}.{name}" if path else name, problems)
    raise InputError.of(problems or refused)


def constraints(name: str, value: Any, meta: Any) -> list[Problem]:
    """The problems of a converted setting against its declared range, items and choices."""
    found: list[Problem] = []
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        low = 0 if meta.low is None else meta.low
        high = meta.high
        if value < low or (high is not None and value > high):
            span = f"from {low} to {high}" if high is not None else f"of at least {low}"
            found.append(Problem.mismatch(name, value, f"a number {span}"))
    items: Any = (value,)
    if isinstance(value, tuple | frozenset):
        if len(value) < meta.min_items:
            found.append(
                Problem(name, f"expected at least {meta.min_items} item(s), got {len(value)}")
            )
        items = value
        if value and all(isinstance(v, int | Decimal) and not isinstance(v, bool) for v in value):
            low, high = (0 if meta.low is None else meta.low), meta.high
            for i, v in enumerate(value):
                if v < low or (high is not None and v > high):
                    span = f"from {low} to {high}" if high is not None else f"of at least {low}"
                    found.append(Problem.mismatch(f"{name}[{i}]", v, f"a number {span}"))
    if meta.allowed is not None:
        for item in items:
            if item not in meta.allowed:
                choices = ", ".join(sorted(str(getattr(a, "value", a)) for a in meta.allowed))
                found.append(Problem.mismatch(name, item, f"one of {choices}"))
    return found


def _build_policy(
    cls: type,
    data: Mapping[Any, Any],
    fields: Mapping[str, Any],
    problems: list[Problem],
    path: str,
) -> Any:
    kwargs = {k: v for k, v in data.items() if k in fields and v is not MISSING}
    for name, field in fields.items():
        if name not in kwargs and field.default is attrs.NOTHING:
            kwargs[name] = None  # the policy reports it: "required: a value is missing"
    try:
        built = cls(**kwargs)
    except (InputError, PolicyError) as exc:
        problems.extend(p.at(path) for p in exc.problems)
    if problems:
        raise InputError.of(problems)
    return built


def _derived_name(cls: type, key: str) -> bool:
    """Whether ``key`` names a derived, read-only part of ``cls`` (a result's ``reasons`` or
    ``what_if``): data written by ``to_data`` carries them; reading back ignores them."""
    if key.startswith("_") or key in attrs.fields_dict(cls):
        return False
    return hasattr(cls, key) and not callable(getattr(cls, key))


def _field_rules(
    field: attrs.Attribute[Any], value: object, where: str, problems: list[Problem]
) -> None:
    """Run the field's own converter and validator alone, so that every field's problem is
    found before the constructor stops at the first."""
    try:
        converter = field.converter
        if isinstance(converter, attrs.Converter):
            return  # converters that need the instance run in the constructor
        if converter is not None:
            value = converter(value)
        if field.validator is not None:
            field.validator(None, field, value)
    except (InputError, PolicyError) as exc:
        problems.extend(
            p if p.path.startswith(where) else attrs.evolve(p, path=where) for p in exc.problems
        )
    except AttributeError:
        return  # a validator that reads other fields of the instance: the constructor runs it


def _is_money(field: attrs.Attribute[Any]) -> bool:
    meta = field.metadata.get("customer_rules")
    unit = getattr(meta, "unit", None)
    return unit is None or getattr(unit, "value", None) == "yuan"
