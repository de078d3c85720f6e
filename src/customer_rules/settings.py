"""Policy settings: every parameter declared once, next to its default.

A chapter's policy is a tree of frozen attrs classes declared with :func:`policy`, each field
with :func:`setting`::

    @policy(checks=[descending("a_min", "b_min", "c_min")])
    class DealSizePolicy:
        a_min: Decimal = setting(
            800_000, unit=Unit.YUAN, source="G1; 001 §客户资源分配管理制度 3.1.1"
        )

A :class:`Setting` records whether the value is the seed's or the library's choice
(:class:`Mark`), its source (catalogue ID and seed passage), its :class:`Unit` and its
constraints (a range, a minimum number of items, the roles allowed). From that one declaration:

* construction in Python and loading from TOML/JSON run the same conversions and checks and
  collect every problem, each at its dotted path, into one
  :class:`~customer_rules.errors.PolicyError` (a nested table given as a mapping is built the same
  way, so ``GradingPolicy(scorecard={"total_cutoffs": {"A": 15}})`` is what a file says);
* the parameter tables of the docs and the comments of ``customer-rules policy dump`` come from
  :func:`settings_of`.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import pairwise
from typing import Any, TypeVar

import attrs

from customer_rules._coerce import Problems, build, coerce, constraints, type_hints
from customer_rules.errors import InputError, PolicyError, Problem
from customer_rules.labels import LabelledEnum, set_labels

__all__ = [
    "Check",
    "Mark",
    "Setting",
    "SettingInfo",
    "Unit",
    "ascending",
    "descending",
    "from_mapping",
    "is_policy",
    "plain",
    "policy",
    "setting",
    "settings_of",
]

_KEY = "customer_rules"
_C = TypeVar("_C", bound=type)
_T = TypeVar("_T")


class Mark(LabelledEnum):
    """Whose value a default is."""

    SEED = "seed"
    """The regulation's own value."""
    DEFAULT = "default"
    """The library's documented choice where the seed is blank or silent."""


class Unit(LabelledEnum):
    """What a setting's number or value means."""

    YUAN = "yuan"
    PERCENT = "percent"
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    MONTHS = "months"
    YEARS = "years"
    COUNT = "count"
    POINTS = "points"
    MONTH_OF_YEAR = "month of year"
    DAY_OF_MONTH = "day of month"
    WEEKDAY = "weekday"
    ROLE = "role"
    ROLES = "roles"
    CHOICE = "choice"
    FLAG = "flag"
    TEXT = "text"
    DATE = "date"
    TABLE = "table"
    TABLES = "tables"


set_labels(
    {
        Mark.SEED: ("制度原文", "seed"),
        Mark.DEFAULT: ("本库默认", "default"),
        Unit.YUAN: ("元", "yuan"),
        Unit.PERCENT: ("百分比", "percent"),
        Unit.MINUTES: ("分钟", "minutes"),
        Unit.HOURS: ("小时", "hours"),
        Unit.DAYS: ("天", "days"),
        Unit.MONTHS: ("个月", "months"),
        Unit.YEARS: ("年", "years"),
        Unit.COUNT: ("次数/个数", "count"),
        Unit.POINTS: ("分", "points"),
        Unit.MONTH_OF_YEAR: ("月份(1-12)", "month of year (1-12)"),
        Unit.DAY_OF_MONTH: ("日(1-31)", "day of month (1-31)"),
        Unit.WEEKDAY: ("星期(1=周一…7=周日)", "ISO weekday (1 = Monday … 7 = Sunday)"),
        Unit.ROLE: ("角色", "role"),
        Unit.ROLES: ("角色集合", "set of roles"),
        Unit.CHOICE: ("选项", "choice"),
        Unit.FLAG: ("是/否", "yes/no"),
        Unit.TEXT: ("文本", "text"),
        Unit.DATE: ("日期", "date"),
        Unit.TABLE: ("子表", "table"),
        Unit.TABLES: ("子表列表", "list of tables"),
    }
)


@attrs.frozen
class Setting:
    """The declaration of one policy field (kept in the attrs field's metadata).

    Attributes:
        unit: what the value means.
        mark: the seed's value or the library's choice.
        source: the catalogue ID and seed passage, e.g. ``"G1; 001 §客户资源分配管理制度 3.1.1"``.
        low: the smallest value allowed (numbers), inclusive.
        high: the largest value allowed (numbers), inclusive.
        min_items: the fewest items a list or set may have.
        allowed: the values a choice or the items of a set may take (``None``: any member).
    """

    unit: Unit
    mark: Mark
    source: str
    low: int | Decimal | None = None
    high: int | Decimal | None = None
    min_items: int = 0
    allowed: frozenset[Any] | None = None


def setting(
    *,
    default: Any,
    unit: Unit,
    source: str,
    mark: Mark = Mark.SEED,
    low: int | Decimal | str | None = None,
    high: int | Decimal | str | None = None,
    min_items: int = 0,
    allowed: Iterable[Any] | None = None,
) -> Any:
    """Declare a policy field: its default and what it is (see :class:`Setting`).

    ``low``/``high`` default to 0 and nothing for numbers (amounts, counts and periods are
    never negative unless a ``low`` says so).
    """
    if isinstance(low, str):
        low = Decimal(low)
    if isinstance(high, str):
        high = Decimal(high)
    meta = Setting(
        unit, mark, source, low, high, min_items, None if allowed is None else frozenset(allowed)
    )
    if isinstance(default, list | set):
        default = tuple(default) if isinstance(default, list) else frozenset(default)
    return attrs.field(default=default, metadata={_KEY: meta})


# --------------------------------------------------------------------------- cross-field checks

Check = Callable[[Any], Iterable[Problem]]
"""A check across the fields of one policy class: returns the problems it finds."""


def _ordered(names: Sequence[str], *, down: bool) -> Check:
    def check(instance: Any) -> Iterator[Problem]:
        values = [(n, getattr(instance, n)) for n in names]
        for (n1, v1), (n2, v2) in pairwise(values):
            if down and not v1 > v2:
                yield Problem(n2, f"expected less than {n1} ({v1}), got {v2}", v2, f"< {v1}")
            if not down and not v1 < v2:
                yield Problem(n2, f"expected more than {n1} ({v1}), got {v2}", v2, f"> {v1}")

    check.fields = tuple(names)  # type: ignore[attr-defined]
    return check


def descending(*names: str) -> Check:
    """Each named field strictly below the one before (A's threshold above B's above C's)."""
    return _ordered(names, down=True)


def ascending(*names: str) -> Check:
    """Each named field strictly above the one before."""
    return _ordered(names, down=False)


# --------------------------------------------------------------------------- the decorator


@typing.dataclass_transform(frozen_default=True, field_specifiers=(attrs.field, setting))
def policy(cls: _C | None = None, *, checks: Sequence[Check] = (), generic: bool = False) -> Any:
    """Make ``cls`` a frozen, self-validating policy class.

    Every init field is converted and checked on construction (its type, its :class:`Setting`'s
    range, items and allowed values), then each of ``checks`` and the class's own
    ``_check(self) -> Iterable[Problem]`` method, if it defines one, run over the fields that
    converted. Every problem is collected into one :class:`~customer_rules.errors.PolicyError`.

    ``generic=True`` marks a record of the shared vocabulary (a :class:`Deadline`, a calendar
    table) whose meaning comes from where it is used: :func:`settings_of` reports its fields
    with the mark and source of the setting that holds it.
    """

    def wrap(target: _C) -> _C:
        target.__attrs_post_init__ = _validate  # type: ignore[attr-defined]
        target.__policy_checks__ = tuple(checks)  # type: ignore[attr-defined]
        target.__policy_generic__ = generic  # type: ignore[attr-defined]
        frozen: _C = attrs.frozen(target)
        return frozen

    return wrap if cls is None else wrap(cls)


def is_policy(cls: object) -> bool:
    """Whether ``cls`` is a class declared with :func:`policy`."""
    return isinstance(cls, type) and "__policy_checks__" in cls.__dict__


def _validate(self: Any) -> None:
    cls = type(self)
    hints = type_hints(cls)
    problems: list[Problem] = []
    bad: set[str] = set()
    for field in attrs.fields(cls):
        if not field.init:
            continue
        value = getattr(self, field.name)
        meta: Setting | None = field.metadata.get(_KEY)
        money = meta is None or meta.unit is Unit.YUAN
        try:
            converted = coerce(value, hints[field.name], field.name, money=money)
        except Problems as exc:
            problems.extend(exc.problems)
            bad.add(field.name)
            continue
        if converted is not value:
            object.__setattr__(self, field.name, converted)
        if meta is not None:
            found = constraints(field.name, converted, meta)
            if found:
                problems.extend(found)
                bad.add(field.name)
    for check in cls.__policy_checks__:
        if not bad.intersection(getattr(check, "fields", ())):
            problems.extend(check(self))
    own = getattr(self, "_check", None)
    if own is not None and not bad:
        problems.extend(own())
    if problems:
        raise PolicyError(problems)


# --------------------------------------------------------------------------- reading the tree


@attrs.frozen
class SettingInfo:
    """One setting of a policy tree, as :func:`settings_of` lists it.

    Attributes:
        path: the dotted path from the class given (``scorecard.total_cutoffs.A``).
        value: the value in the policy given.
        default: the declared default.
        setting: the declaration.
        kind: the field's type.
    """

    path: str
    value: Any
    default: Any
    setting: Setting
    kind: Any


def settings_of(obj: Any, prefix: str = "") -> tuple[SettingInfo, ...]:
    """Every declared setting of a policy (an instance), depth first in declaration order.

    Nested policy classes are walked; a list of records (a table of rows) is one setting. A
    setting inside a nested table reports the default the enclosing table declares (the G5
    supervisor deadline's days default to 2, not to a bare ``Deadline``'s 0), and the fields of a
    generic record (``policy(generic=True)``) carry the source of the setting that holds it.
    """
    if not is_policy(type(obj)):
        raise InputError("obj", obj, "a policy (an instance of a class declared with policy)")
    return tuple(_walk(obj, prefix, None, None))


def _walk(obj: Any, prefix: str, defaults: Any, holder: Setting | None) -> Iterator[SettingInfo]:
    cls = type(obj)
    hints = type_hints(cls)
    generic = holder is not None and getattr(cls, "__policy_generic__", False)
    for field in attrs.fields(cls):
        meta = field.metadata.get(_KEY)
        if meta is None or not field.init:
            continue
        if generic and holder is not None:
            meta = attrs.evolve(meta, source=holder.source)
        path = f"{prefix}.{field.name}" if prefix else field.name
        value = getattr(obj, field.name)
        default = field.default if defaults is None else getattr(defaults, field.name)
        if meta.unit is Unit.TABLE and is_policy(type(value)):
            yield from _walk(value, path, default, meta)
        else:
            yield SettingInfo(path, value, default, meta, hints[field.name])


def from_mapping(cls: type[_T], data: Any, path: str = "") -> _T:
    """Build a policy class from a mapping of its fields (what a TOML table holds).

    The values are handed to the class as they are, so the same conversions and checks run as
    when it is built in Python, and the same problems come back.

    Raises:
        PolicyError: listing every problem with its dotted path.
    """
    if not is_policy(cls):
        raise PolicyError([Problem.mismatch("cls", cls, "a policy class")])
    if not isinstance(data, Mapping):
        raise PolicyError([Problem.mismatch(path, data, f"a table of {cls.__name__} settings")])
    try:
        built: _T = build(cls, data, path)
    except InputError as exc:
        raise PolicyError(exc.problems) from None
    return built


def plain(value: Any) -> Any:
    """A policy value as TOML/JSON data: tables as dicts, amounts as strings, enums by value,
    sets as sorted lists, dates as dates."""
    if attrs.has(type(value)):
        out: dict[str, Any] = {}
        for field in attrs.fields(type(value)):
            if field.init and (_KEY in field.metadata or not is_policy(type(value))):
                out[field.name] = plain(getattr(value, field.name))
        return out
    if isinstance(value, bool | int | str | dt.date) or value is None:
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, frozenset):
        return sorted(plain(v) for v in value)
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    raise PolicyError([Problem.mismatch("", value, "a policy value")])  # pragma: no cover
