"""Configuration as data: a :class:`~customer_rules.book.PolicyBook` from and to TOML or JSON.

Loading builds the book through the same conversions and checks as building it in Python
(:mod:`customer_rules.settings`), so a mistake gives the same
:class:`~customer_rules.errors.PolicyError` either way, with every problem at its dotted path::

    grading.scorecard.total_cutoffs.A: expected an integer, got 'fourteen'

Nothing else escapes: a file that is not UTF-8, not TOML/JSON, nested a thousand deep, or holding a
5,000-digit number is a ``PolicyError`` too. Money in a file is written as a string (``"80万"``,
``"800000"``) or an integer; a float is accepted only with at most two decimal places.

:func:`dump_book` writes TOML whose comments give each value's [seed]/[default] mark, unit and
source, so the file a sales-ops manager edits explains itself.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from customer_rules.book import PolicyBook
from customer_rules.errors import PolicyError, Problem, shown
from customer_rules.settings import Setting, from_mapping, is_policy, plain

__all__ = ["Format", "dump_book", "load_book", "read_book", "structure_book"]

Format = Literal["toml", "json"]

_MAX_BYTES = 10 * 1024 * 1024


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
    if not isinstance(text, str):
        raise PolicyError([Problem.mismatch("", text, "the text of a policy file (a str)")])
    if len(text) > _MAX_BYTES:
        raise PolicyError([Problem("", f"expected a policy file of at most {_MAX_BYTES} bytes")])
    if format != "toml" and format != "json":
        raise PolicyError([Problem.mismatch("format", format, "'toml' or 'json'")])
    data: object
    try:
        data = tomllib.loads(text) if format == "toml" else json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError([Problem("", f"not valid TOML: {exc}")]) from None
    except json.JSONDecodeError as exc:
        raise PolicyError([Problem("", f"not valid JSON: {exc}")]) from None
    except RecursionError:
        raise PolicyError([Problem("", "expected tables nested a few levels deep")]) from None
    except ValueError as exc:  # json: an integer of more than 4,300 digits
        raise PolicyError(
            [Problem("", f"not a readable {format} file: {shown(str(exc))}")]
        ) from None
    return structure_book(data)


def structure_book(data: object) -> PolicyBook:
    """Build a book from plain data (dicts, lists, strings, numbers, dates).

    Raises:
        PolicyError: listing every problem with its dotted path.
    """
    if not isinstance(data, Mapping):
        raise PolicyError([Problem.mismatch("", data, "a table of settings")])
    try:
        book: PolicyBook = from_mapping(PolicyBook, data)
    except RecursionError:
        raise PolicyError([Problem("", "expected tables nested a few levels deep")]) from None
    return book


def read_book(path: str) -> PolicyBook:
    """Read a policy book from a ``.toml`` or ``.json`` file (UTF-8, with or without BOM).

    Raises:
        PolicyError: for an unreadable file or any problem in it (the path is in the message).
    """
    if not isinstance(path, str) or not path or "\x00" in path:
        raise PolicyError([Problem.mismatch("path", path, "a file name")])
    format: Format = "json" if path.lower().endswith(".json") else "toml"
    try:
        with open(path, "rb") as handle:
            raw = handle.read(_MAX_BYTES + 1)
    except OSError as exc:
        raise PolicyError([Problem("", f"cannot read the file: {exc.strerror}")], path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = Problem("", f"expected a UTF-8 text file; byte {exc.start} is not UTF-8")
        raise PolicyError([problem], path) from None
    try:
        return load_book(text, format)
    except PolicyError as exc:
        raise PolicyError(exc.problems, path) from None


def dump_book(book: PolicyBook, format: Format = "toml") -> str:
    """Write a book as TOML (with comments) or JSON text that :func:`load_book` reads back to an
    equal book.

    Raises:
        PolicyError: for something that is not a PolicyBook or an unknown format.
    """
    if not isinstance(book, PolicyBook):
        raise PolicyError([Problem.mismatch("book", book, "a PolicyBook")])
    if format == "json":
        return json.dumps(plain(book), ensure_ascii=False, indent=2, default=_iso) + "\n"
    if format != "toml":
        raise PolicyError([Problem.mismatch("format", format, "'toml' or 'json'")])
    header = (
        "# customer_rules policy book. Each setting's comment: [seed] = the regulation's own\n"
        "# value, [default] = the library's choice where the seed is blank; its unit; its source.\n"
        "# Keys left out keep the seed's value.\n"
    )
    return header + _toml(book, ()).lstrip("\n")


def _iso(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise PolicyError([Problem.mismatch("", value, "a policy value")])  # pragma: no cover


# --------------------------------------------------------------------------- a small TOML writer

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else json.dumps(name, ensure_ascii=False)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | dt.date):
        return str(value) if isinstance(value, int) else value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    raise PolicyError([Problem.mismatch("", value, "a TOML value")])  # pragma: no cover


def _comment(meta: Setting) -> str:
    return f"  # [{meta.mark.value}] {meta.unit.en} — {meta.source}"


def _toml(obj: Any, path: tuple[str, ...]) -> str:
    """One table: its scalar settings with comments, then its sub-tables."""
    lines: list[str] = []
    nested: list[str] = []
    for field in attrs.fields(type(obj)):
        meta: Setting | None = field.metadata.get("customer_rules")
        if not field.init or (meta is None and is_policy(type(obj))):
            continue
        value = getattr(obj, field.name)
        here = (*path, field.name)
        dotted = ".".join(_key(p) for p in here)
        if attrs.has(type(value)):
            note = f"\n# {meta.source}" if meta is not None else ""
            nested.append(f"{note}\n[{dotted}]\n{_toml(value, here)}")
        elif isinstance(value, tuple) and value and attrs.has(type(value[0])):
            note = f"\n# {meta.source} — one [[{dotted}]] table per row" if meta else ""
            nested.append(note)
            nested.extend(f"\n[[{dotted}]]\n{_toml(row, here)}" for row in value)
        else:
            data = plain(value)
            if data is None:
                continue  # TOML has no null: a None field is left out and loads as None/default
            lines.append(f"{_key(field.name)} = {_scalar(data)}{_comment(meta) if meta else ''}\n")
    return "".join(lines) + "".join(nested)
