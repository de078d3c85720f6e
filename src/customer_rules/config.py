"""Configuration as data: the :class:`PolicyBook` and its TOML/JSON form.

One cattrs converter turns a book into plain data and back. Loading never lets a raw
``KeyError``, ``TypeError`` or ``decimal.InvalidOperation`` escape: every problem of a file is
collected into one :class:`~customer_rules.errors.PolicyError`, each with its dotted path::

    grading.scorecard.total_cutoffs.A: expected an integer, got 'fourteen'

Money in a file is written as a string (``"80万"``, ``"800000"``) or an integer; a float is
refused, because TOML and JSON floats cannot hold every amount exactly.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import tomllib
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from decimal import Decimal
from typing import Any, Literal

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from customer_rules._grading.policy import GradingPolicy
from customer_rules.dates import parse_date
from customer_rules.errors import InputError, PolicyError, Problem
from customer_rules.money import parse_amount

__all__ = [
    "SEED_EFFECTIVE",
    "Format",
    "PolicyBook",
    "converter",
    "dump_book",
    "load_book",
    "read_book",
    "structure_book",
]

Format = Literal["toml", "json"]

SEED_EFFECTIVE = dt.date(2026, 1, 1)
"""The effective date given to the seed book [default: the seeds are undated]."""


def _check_version(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise PolicyError([Problem("version", f"expected a non-empty label, got {value!r}")])


def _check_effective(instance: object, attribute: attrs.Attribute[dt.date], value: object) -> None:
    if type(value) is not dt.date:
        raise PolicyError([Problem("effective", f"expected a date, got {value!r}")])


@attrs.frozen
class PolicyBook:
    """Every policy of a company, with a version label and an effective date.

    ``PolicyBook()`` is the seed regulations as written. Regulations are re-examined yearly (G6),
    so a book says which version it is; every result records the version that decided it — the
    book stamps its label on each chapter policy it holds.

    Attributes:
        version: a label, e.g. ``"2027"`` or ``"seed"``.
        effective: the day the book takes effect.
        grading: the grading chapter (G1–G7).

    Example:
        >>> book = load_book('version = "2027"\\n[grading.scorecard.total_cutoffs]\\nA = 15\\n')
        >>> book.grading.scorecard.total_cutoffs.A, book.grading.version
        (15, '2027')
    """

    version: str = attrs.field(default="seed", validator=_check_version)
    effective: dt.date = attrs.field(default=SEED_EFFECTIVE, validator=_check_effective)
    grading: GradingPolicy = GradingPolicy()

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.grading, GradingPolicy):
            raise PolicyError(
                [Problem("grading", f"expected a GradingPolicy, got {self.grading!r}")]
            )
        if self.grading.version != self.version:
            # attrs' documented way to set a field of a frozen instance during initialisation.
            object.__setattr__(self, "grading", attrs.evolve(self.grading, version=self.version))


# --------------------------------------------------------------------------- the converter


def _structure_decimal(value: object, _: type) -> Decimal:
    return parse_amount(value, "value", nonnegative=False)


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError("value", value, "an integer")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise InputError("value", value, "true or false")
    return value


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise InputError("value", value, "a string")
    return value


def _structure_date(value: object, _: type) -> dt.date:
    return parse_date(value, "value")


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in cls)
        raise InputError("value", value, f"one of {choices}") from None


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(
        forbid_extra_keys=True,
        detailed_validation=True,
        # sets (of roles) are written as sorted lists, so a dump is stable and diffable
        unstruct_collection_overrides={AbstractSet: sorted},
    )
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, lambda d: d)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    # A chapter's version is the book's: it is written once, at the top of the file.
    conv.register_structure_hook(
        GradingPolicy,
        make_dict_structure_fn(
            GradingPolicy, conv, _cattrs_forbid_extra_keys=True, version=override(omit=True)
        ),
    )
    conv.register_unstructure_hook(
        GradingPolicy, make_dict_unstructure_fn(GradingPolicy, conv, version=override(omit=True))
    )
    return conv


converter = _make_converter()
"""The one cattrs converter for configuration: ``converter.structure(data, PolicyBook)``."""


# --------------------------------------------------------------------------- errors with paths


def _segment(exc: BaseException) -> str:
    for note in getattr(exc, "__notes__", ()):
        name = getattr(note, "name", None)
        if isinstance(name, str):
            return f".{name}"
        index = getattr(note, "index", None)
        if index is not None:
            return f"[{index}]"
    return ""


def _join(path: str, sub: str) -> str:
    if not sub:
        return path
    if sub.startswith("["):
        return f"{path}{sub}"
    return f"{path}.{sub}" if path else sub


def _problems(exc: BaseException, path: str) -> list[Problem]:
    if isinstance(exc, PolicyError):
        return [Problem(_join(path, p.path), p.message) for p in exc.problems]
    if isinstance(exc, ClassValidationError | IterableValidationError):
        found: list[Problem] = []
        for sub in exc.exceptions:
            found.extend(_problems(sub, path + _segment(sub)))
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        omitted = {"version"} if exc.cl is GradingPolicy else set()  # written once, at the top
        known = ", ".join(a.name for a in attrs.fields(exc.cl) if a.init and a.name not in omitted)
        return [
            Problem(_join(path, key), f"unknown key; expected one of: {known}")
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, InputError):
        return [Problem(path.lstrip("."), f"expected {exc.expected}, got {exc.given!r}")]
    if isinstance(exc, KeyError):
        return [Problem(_join(path, str(exc.args[0])), "required key is missing")]
    return [Problem(path.lstrip("."), f"{type(exc).__name__}: {exc}")]


# --------------------------------------------------------------------------- load and dump


def load_book(text: str, format: Format = "toml") -> PolicyBook:
    """Parse a policy book from TOML or JSON text.

    Keys left out keep the seed's values, so a company file needs only what differs.

    Args:
        text: the file's contents.
        format: ``"toml"`` (default) or ``"json"``.

    Returns:
        The book.

    Raises:
        PolicyError: listing every problem, each with its dotted path.
    """
    if format == "toml":
        try:
            data: object = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise PolicyError([Problem("", f"not valid TOML: {exc}")]) from None
    elif format == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PolicyError([Problem("", f"not valid JSON: {exc}")]) from None
    else:
        raise PolicyError([Problem("format", f"expected 'toml' or 'json', got {format!r}")])
    return structure_book(data)


def structure_book(data: object) -> PolicyBook:
    """Build a book from plain data (dicts, lists, strings, numbers, dates).

    Raises:
        PolicyError: listing every problem with its dotted path.
    """
    if not isinstance(data, Mapping):
        raise PolicyError([Problem("", f"expected a table of settings, got {type(data).__name__}")])
    try:
        return converter.structure(dict(data), PolicyBook)
    except Exception as exc:  # every failure becomes a located PolicyError
        problems = [Problem(p.path.lstrip("."), p.message) for p in _problems(exc, "")]
        raise PolicyError(problems) from None


def read_book(path: str) -> PolicyBook:
    """Read a policy book from a ``.toml`` or ``.json`` file.

    Raises:
        PolicyError: for an unreadable file or any problem in it (the path is in the message).
    """
    format: Format = "json" if path.lower().endswith(".json") else "toml"
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise PolicyError([Problem("", f"cannot read the file: {exc.strerror}")], path) from None
    try:
        return load_book(text, format)
    except PolicyError as exc:
        raise PolicyError(exc.problems, path) from None


def dump_book(book: PolicyBook, format: Format = "toml") -> str:
    """Write a book as TOML or JSON text that :func:`load_book` reads back to an equal book."""
    data = converter.unstructure(book)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    return _toml_table(data, ()).lstrip("\n")


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {value!r} as JSON")  # pragma: no cover - converter is total


# --------------------------------------------------------------------------- a small TOML writer

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else json.dumps(name, ensure_ascii=False)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")  # pragma: no cover - converter is total


def _is_table_list(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _toml_table(data: Mapping[str, Any], path: tuple[str, ...]) -> str:
    lines: list[str] = []
    nested: list[str] = []
    for name, value in data.items():
        if value is None:
            continue  # TOML has no null: a None field is left out and loads as its default
        if isinstance(value, dict):
            nested.append(f"\n[{'.'.join(_key(p) for p in (*path, name))}]\n")
            nested.append(_toml_table(value, (*path, name)))
        elif _is_table_list(value):
            for item in value:
                nested.append(f"\n[[{'.'.join(_key(p) for p in (*path, name))}]]\n")
                nested.append(_toml_table(item, (*path, name)))
        else:
            lines.append(f"{_key(name)} = {_scalar(value)}\n")
    return "".join(lines) + "".join(nested)
