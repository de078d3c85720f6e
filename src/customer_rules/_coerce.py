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

Speed, with the same results: the conversion to each type is chosen once (:func:`_converter`),
and the texts of the types whose cells repeat (yes/no, dates, enums) are converted once each;
each attrs class's fields are read once (:class:`_Plan`), and a ``dict`` in which all is plain is
built in one pass; a table row is built straight from its cells (:class:`PathBuilder`). Whatever
is not plain takes the careful path, which finds every problem.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import enum
import math
import re
import types
import typing
import zoneinfo
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from customer_rules._bounded import keep
from customer_rules.dates import parse_date, require_aware
from customer_rules.errors import CustomerRulesError, InputError, PolicyError, Problem, shown
from customer_rules.labels import LabelledEnum
from customer_rules.money import parse_amount, parse_decimal

__all__ = [
    "MISSING",
    "PathBuilder",
    "Problems",
    "build",
    "coerce",
    "constraints",
    "is_missing",
    "supplied",
    "supplied_now",
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


def supplied_now() -> bool:
    """Whether a :func:`supplied` with values is active."""
    return bool(_SUPPLIED.get())


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


_PLAIN = frozenset({str, int, float, bool, Decimal, type(None)})
"""Types whose values :func:`_scalar` returns unchanged, checked first (they are most cells)."""


def _scalar(value: object) -> object:
    """A numpy/pandas scalar as the Python value it holds; anything else unchanged."""
    if type(value) in _PLAIN:
        return value
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


_PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9,]*(?:\.[0-9]+)?")
"""A number as a spreadsheet cell most often holds one (``1,160,851.42``, ``-3.97``, ``15``): no
unit, no currency sign, no percent sign, no space. Such a text of at most 15 characters has at
most 15 digits, so it is within ±10^15 and 28 significant digits: :func:`_to_decimal` (through
``parse_amount`` or ``parse_decimal``) gives exactly ``Decimal`` of it without the commas."""


def _to_amount(value: object, path: str) -> Decimal:
    """:func:`_to_decimal` of money, a plain number (:data:`_PLAIN_NUMBER`) first."""
    if type(value) is str and len(value) <= 15 and _PLAIN_NUMBER.fullmatch(value):
        return Decimal(value.replace(",", ""))
    return _to_decimal(value, path, money=True)


def _to_number(value: object, path: str) -> Decimal:
    """:func:`_to_decimal` of a number that is not money, a plain number first."""
    if type(value) is str and len(value) <= 15 and _PLAIN_NUMBER.fullmatch(value):
        return Decimal(value.replace(",", ""))
    return _to_decimal(value, path, money=False)


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
    if type(value) is str:
        return parse_date(value, path)
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
    if is_missing(value):
        if _kind(kind)[0]:
            return None
        raise InputError.of([Problem(path, "required: a value is missing", None, "a value")])
    return _converter(kind, money)(value, path)


_Convert = Callable[[object, str], Any]
"""A conversion of a present (not missing) value to one type: ``convert(value, path)``, raising
:class:`~customer_rules.errors.InputError` (or another library error) at ``path``."""

_CONVERTERS: dict[tuple[Any, bool], _Convert] = {}


def _converter(kind: Any, money: bool) -> _Convert:
    """The conversion of a present value to ``kind`` (``X | None`` converts to ``X``), chosen
    once per type by :func:`_choose`."""
    try:
        return _CONVERTERS[kind, money]
    except (KeyError, TypeError):
        pass
    _, rest, origin = _kind(kind)
    found = _choose(rest, origin, money)
    with contextlib.suppress(TypeError):  # an unhashable annotation is not cached
        _CONVERTERS[kind, money] = found
    return found


def _choose(kind: Any, origin: Any, money: bool) -> _Convert:
    """The conversion to ``kind`` (not optional; ``origin`` its typing origin): the rules of
    the module docstring, by target type."""
    if kind is Any or kind is object:
        return _as_given
    if origin in (tuple, frozenset):

        def collection(value: object, path: str) -> Any:
            return _collection(value, kind, origin, path, money)

        return collection
    if origin is typing.Union or isinstance(kind, types.UnionType):
        return _union(typing.get_args(kind))
    simple = _SIMPLE.get(kind) if isinstance(kind, type) else None
    if simple is not None:
        return simple if kind is not Decimal or money else _to_number
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return _member(kind)
    if isinstance(kind, type) and attrs.has(kind):
        return _Structure(kind)

    def other(value: object, path: str) -> Any:
        if isinstance(kind, type) and isinstance(value, kind):
            return value
        raise InputError(path, value, f"a {getattr(kind, '__name__', kind)}")

    return other


def _as_given(value: object, path: str) -> object:
    return value


_MEMO_SIZE = 10_000
_UNSEEN: Any = object()


def _remembered(convert: _Convert) -> _Convert:
    """``convert``, remembering what it gives for each text it accepts: for the types whose
    cells repeat a few words or days (yes/no, dates, enums). Converting a text gives the same
    every time; a problem is not remembered; all is forgotten at :data:`_MEMO_SIZE` texts."""
    seen: dict[str, Any] = {}

    def remembered(value: object, path: str) -> Any:
        if type(value) is not str:
            return convert(value, path)
        found = seen.get(value, _UNSEEN)
        if found is _UNSEEN:
            return keep(seen, value, convert(value, path), _MEMO_SIZE)
        return found

    _MEMOS[remembered] = seen
    return remembered


_MEMOS: dict[_Convert, dict[str, Any]] = {}
"""What each conversion made by :func:`_remembered` remembers (text → value)."""


_SIMPLE: dict[type, _Convert] = {
    int: _to_int,
    Decimal: _to_amount,
    bool: _remembered(_to_bool),
    str: _to_str,
    dt.datetime: _to_datetime,
    dt.date: _remembered(_to_date),
}
"""The conversion to each plain type (a ``Decimal`` that is not money: :func:`_to_number`)."""


def _member(cls: type[enum.Enum]) -> _Convert:
    """The conversion to the enum ``cls``."""

    def member(value: object, path: str) -> Any:
        return _to_enum(value, cls, path)

    return _remembered(member)


class _Structure:
    """The conversion to the attrs class ``cls``: an instance as given, a mapping built."""

    __slots__ = ("cls",)

    def __init__(self, cls: type) -> None:
        self.cls = cls

    def __call__(self, value: object, path: str) -> Any:
        if isinstance(value, self.cls):
            return value
        if isinstance(value, Mapping):
            return build(self.cls, value, path)
        raise InputError(path, value, f"a {self.cls.__name__} or a table of its fields")


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


def _union(options: tuple[Any, ...]) -> _Convert:
    """The conversion to a union of classes: a value of one of them as given; a mapping built as
    the first attrs class; else the value as a member of the first enum."""
    classes = [o for o in options if isinstance(o, type)]
    structure = next((o for o in classes if attrs.has(o)), None)
    choices = next((o for o in classes if issubclass(o, enum.Enum)), None)
    names = " or ".join(o.__name__ for o in classes)

    def union(value: object, path: str) -> Any:
        for option in classes:
            if isinstance(value, option):
                return value
        if structure is not None and isinstance(value, Mapping):
            return build(structure, value, path)
        if choices is not None:
            return _to_enum(value, choices, path)
        raise InputError(path, value, f"a {names}")

    return _remembered(union)


# --------------------------------------------------------------------------- attrs classes

Builder = Callable[..., Any]

_Step = tuple[str, Any, "type | None", bool, bool, bool, _Convert]
"""How :func:`build` reads one field: its key (the alias), its annotation, the annotation again
if it is a class (a policy the host supplies may stand in for it), whether it has a default,
whether it is optional, whether a ``Decimal`` in it is money, and its conversion."""


class _Plan:
    """How :func:`build` reads one attrs class, worked out once per class.

    Attributes:
        declared: whether the class is a policy (only its declared settings are keys).
        fields: the init fields (of a policy: its declared settings) by key (alias).
        steps: one :data:`_Step` per field, in field order (not for a policy).
        required: the keys of the fields without a default that are not optional: each is a
            problem when left out of the data.
        nullable: the keys of the optional fields without a default: ``None`` when left out.
        wheres: by the path of the data, the dotted path of each field below it.
        keyed: by the path of the data, each key's ``(conversion, dotted path)``.
    """

    __slots__ = ("declared", "fields", "keyed", "nullable", "required", "steps", "wheres")

    def __init__(self, cls: type) -> None:
        fields = {a.alias: a for a in attrs.fields(cls) if a.init}
        declared = {k: a for k, a in fields.items() if "customer_rules" in a.metadata}
        self.declared = bool(declared)
        # a policy: only its declared settings are keys of a file
        self.fields: dict[str, attrs.Attribute[Any]] = declared or fields
        hints = type_hints(cls)
        steps: list[_Step] = []
        if not declared:  # a policy converts and checks itself (_build_policy)
            for name, field in fields.items():
                kind = hints.get(field.name, Any)
                money = _is_money(field)
                steps.append(
                    (
                        name,
                        kind,
                        kind if isinstance(kind, type) else None,
                        field.default is not attrs.NOTHING,
                        _kind(kind)[0],
                        money,
                        _converter(kind, money),
                    )
                )
        self.steps = tuple(steps)
        self.required = frozenset(step[0] for step in steps if not step[3] and not step[4])
        self.nullable = tuple(step[0] for step in steps if not step[3] and step[4])
        self.wheres: dict[str, tuple[str, ...]] = {}
        self.keyed: dict[str, dict[str, tuple[_Convert, str]]] = {}

    def where(self, path: str) -> tuple[str, ...]:
        """The dotted path of each field (in field order) of data at ``path``."""
        found = self.wheres.get(path)
        if found is None:
            found = tuple(f"{path}.{name}" if path else name for name in self.fields)
            if len(self.wheres) < _MAX_PATHS:  # the paths seen first are kept
                self.wheres[path] = found
        return found

    def by_key(self, path: str) -> dict[str, tuple[_Convert, str]]:
        """Each field's conversion and dotted path, by key, for data at ``path``."""
        found = self.keyed.get(path)
        if found is None:
            found = {
                step[0]: (step[6], where)
                for step, where in zip(self.steps, self.where(path), strict=True)
            }
            if len(self.keyed) < _MAX_PATHS:
                self.keyed[path] = found
        return found


_PLANS: dict[type, _Plan] = {}
_MAX_PATHS = 64


def _plan(cls: type) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _Plan(cls)
    return plan


def build(cls: type, data: Mapping[Any, Any], path: str = "") -> Any:
    """Build the attrs class ``cls`` from a mapping of its init fields.

    Unknown keys, every field that does not convert, and then whatever the constructor itself
    refuses are problems at their paths; all of them are raised together.

    A ``dict`` of known keys and present values that all convert, with nothing supplied, is
    built by :func:`_build_plainly`; anything else, and everything it refuses, takes the careful
    path below, which finds every problem in field order (taking over the conversions made
    before the refusal rather than making them again).
    """
    plan = _PLANS.get(cls) or _plan(cls)
    done: dict[str, object] = {}  # conversions made by _build_plainly before it stopped
    failed: tuple[str, Exception] | None = None  # the one that failed there
    if type(data) is dict and not plan.declared and not _SUPPLIED.get():
        built = _build_plainly(cls, plan, data, path)
        if type(built) is not _Stopped:
            return built
        done, failed = built.done, built.failed
    fields = plan.fields
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
    if plan.declared:  # a policy converts and checks itself: the same problems as from Python
        return _build_policy(cls, data, fields, problems, path)
    given = _SUPPLIED.get() or {}
    for (name, kind, cls_kind, has_default, optional, money, convert), where in zip(
        plan.steps, plan.where(path), strict=True
    ):
        raw = data.get(name, MISSING)
        if raw is MISSING:
            if cls_kind is not None and cls_kind in given:
                kwargs[name] = given[cls_kind]
                continue
            missing = True
        else:
            missing = is_missing(raw)
        try:
            if not missing:
                if name in done:
                    kwargs[name] = done[name]
                elif failed is not None and failed[0] == name:
                    raise failed[1]
                else:
                    kwargs[name] = convert(raw, where)
                continue
            if has_default:
                continue  # the field's default
            if optional:
                kwargs[name] = None
                continue
            kwargs[name] = coerce(raw, kind, where, money=money)  # "required: a value is missing"
        except CustomerRulesError as exc:
            problems.extend(_located(exc, where))
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


class _Stopped:
    """Where :func:`_build_plainly` stopped: the conversions it made (key → value) and the one
    that failed (key, exception), which the careful path takes over rather than make again."""

    __slots__ = ("done", "failed")

    def __init__(
        self, done: dict[str, object], failed: tuple[str, Exception] | None = None
    ) -> None:
        self.done = done
        self.failed = failed


def _build_plainly(cls: type, plan: _Plan, data: dict[Any, Any], path: str) -> Any:
    """The instance built from ``data`` in one pass over its items, or :class:`_Stopped` at the
    first thing that is not plain: a key that is not a field's (or not a ``str``), a missing
    value (``None``, blank, NaN), a value that does not convert, a field without a default left
    out (unless optional: ``None``), or a constructor that refuses. Whatever it builds, the
    careful path would build too, from the same conversions of the same values."""
    keyed = plan.keyed.get(path) or plan.by_key(path)
    kwargs: dict[str, object] = {}
    for key, raw in data.items():
        if type(key) is not str:
            return _Stopped(kwargs)
        step = keyed.get(key)
        if step is None or (not raw.strip() if type(raw) is str else is_missing(raw)):
            return _Stopped(kwargs)
        try:
            kwargs[key] = step[0](raw, step[1])
        except (CustomerRulesError, Problems) as exc:
            return _Stopped(kwargs, (key, exc))
    if not kwargs.keys() >= plan.required:
        return _Stopped(kwargs)
    for name in plan.nullable:
        if name not in kwargs:
            kwargs[name] = None
    try:
        return cls(**kwargs)
    except (InputError, PolicyError):
        return _Stopped(kwargs)


# --------------------------------------------------------------------------- rows of cells


class _Refused(Exception):  # noqa: N818 - a signal inside PathBuilder.of, never escapes it
    """A path or constant :meth:`PathBuilder.of` leaves to :func:`build`."""


_ABSENT: Any = object()
"""What a group of :class:`PathBuilder` builds when none of its cells is filled."""

_Leaf = tuple[int, str, _Convert, str]
"""A cell of a group: its index in the row, its key, its conversion and its dotted path."""


class _Group:
    """The attrs class at one dotted path of a :class:`PathBuilder`: its cells, its inner
    groups, its constants and what :class:`_Plan` says of its fields left out."""

    __slots__ = (
        "children",
        "cls",
        "constants",
        "leaves",
        "nullable",
        "plan",
        "remembered",
        "root",
    )

    def __init__(self, cls: type, plan: _Plan, *, root: bool) -> None:
        self.cls = cls
        self.plan = plan
        self.root = root
        self.nullable = plan.nullable
        self.leaves: list[_Leaf] = []
        self.remembered: list[tuple[int, str, dict[str, Any], _Convert, str]] = []
        """The leaves whose conversion remembers texts, with what it remembers: a text seen
        before is not converted again."""
        self.children: list[tuple[str, _Group]] = []
        self.constants: dict[str, object] = {}
        """Each constant's key and its converted value."""

    def build(self, cells: Sequence[str]) -> Any:
        """The instance; :data:`_ABSENT` for an inner group none of whose cells is filled. What
        is not plain raises; the root group returns ``None`` for it."""
        try:
            kwargs: dict[str, object] = {}
            for index, key, convert, where in self.leaves:
                text = cells[index]
                if text:
                    kwargs[key] = convert(text, where)
            for index, key, seen, convert, where in self.remembered:
                text = cells[index]
                if text:
                    value = seen.get(text, _UNSEEN)
                    kwargs[key] = convert(text, where) if value is _UNSEEN else value
            for key, child in self.children:
                built = child.build(cells)
                if built is not _ABSENT:
                    kwargs[key] = built
            if not kwargs and not self.root:
                return _ABSENT
            if self.constants:
                kwargs.update(self.constants)
            for name in self.nullable:
                if name not in kwargs:
                    kwargs[name] = None
            # a field without a default left out fails the call (TypeError) before the
            # constructor runs; build's careful path reports it
            return self.cls(**kwargs)
        except (CustomerRulesError, Problems, TypeError):
            if self.root:
                return None
            raise


_CONSTANT = frozenset({str, int, bool, Decimal, dt.date})
"""The types of a constant :class:`PathBuilder` converts once (with enum members): values that
do not change, whose conversion is the same every time."""


def _step(group: _Group, path: str, key: str) -> tuple[_Convert, str]:
    """The conversion and dotted path of field ``key`` of the group at ``path``."""
    step = group.plan.by_key(path).get(key)
    if step is None:
        raise _Refused  # not a field: an unknown key
    return step


def _group_at(made: dict[str, _Group], path: str) -> _Group:
    """The group at ``path``, made (with its parents) if need be."""
    group = made.get(path)
    if group is None:
        parent_path, _, key = path.rpartition(".")
        parent = _group_at(made, parent_path)
        convert, _ = _step(parent, parent_path, key)
        if not isinstance(convert, _Structure):
            raise _Refused  # a field whose conversion is not simply an attrs class
        group = _Group(convert.cls, _plan(convert.cls), root=False)
        if group.plan.declared:
            raise _Refused  # a policy
        parent.children.append((key, group))
        made[path] = group
    return group


class PathBuilder:
    """Builds an attrs class from the cells of a row, each filling the field at its dotted path.

    ``builder.build(cells)``, for the cells of a row stripped of surrounding space, is what
    :func:`build` makes of the row's nested mapping — each cell that is not empty at its path,
    then each constant whose group has such a cell (or that has no group) — when it makes it
    without a problem; otherwise ``None``, and :func:`build` of that mapping finds the problems.
    Cells go straight to the fields' conversions and the constructors: no mapping is made, no
    key looked up.

    :meth:`of` gives a builder only for paths that nest plainly through attrs classes that are
    not policies, to fields they have, with constants that are not missing.
    """

    __slots__ = ("_root", "build")

    def __init__(self, root: _Group) -> None:
        self._root = root
        self.build: Callable[[Sequence[str]], Any] = root.build
        """The instance built from the cells of a row (stripped; one for every index), or
        ``None``."""

    @classmethod
    def of(
        cls, target: type, cells: Sequence[tuple[int, str]], constants: Mapping[str, object]
    ) -> PathBuilder | None:
        """The builder of ``target`` from ``cells`` ((index in the row, dotted path)) and
        ``constants`` (dotted path → value); ``None`` where it would not be what build makes."""
        paths = [path.split(".") for path in [*(path for _, path in cells), *constants]]
        groups = {".".join(parts[:n]) for parts in paths for n in range(1, len(parts))}
        if any("" in parts or ".".join(parts) in groups for parts in paths):
            return None  # an empty part, or a path that is also a group: build's own business
        try:
            made = {"": _Group(target, _plan(target), root=True)}
            if made[""].plan.declared:
                raise _Refused  # a policy
            for index, path in cells:
                parent, _, key = path.rpartition(".")
                group = _group_at(made, parent)
                convert, where = _step(group, parent, key)
                seen = _MEMOS.get(convert)
                if seen is None:
                    group.leaves.append((index, key, convert, where))
                else:
                    group.remembered.append((index, key, seen, convert, where))
            for path, value in constants.items():
                parent, _, key = path.rpartition(".")
                if parent not in made:
                    continue  # no cell of its group: never added
                if type(value) not in _CONSTANT and not isinstance(value, enum.Enum):
                    raise _Refused  # converted again for every row: build's business
                if is_missing(value):
                    raise _Refused  # a missing constant: build's business
                group = made[parent]
                convert, where = _step(group, parent, key)
                group.constants[key] = convert(value, where)
        except Exception:  # anything unusual: build meets it row by row, as it always has
            return None  # (a constant that does not convert, type hints that do not resolve)
        return cls(made[""])


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
