"""Configuration as data: a :class:`~customer_rules.book.PolicyBook` or a
:class:`~customer_rules.book.PolicyHistory` from and to TOML or JSON.

Loading builds the book through the same conversions and checks as building it in Python
(:mod:`customer_rules.settings`), so a mistake gives the same
:class:`~customer_rules.errors.PolicyError` either way, with every problem at its dotted path::

    grading.scorecard.total_cutoffs.A: expected an integer, got 'fourteen'

Nothing else escapes: a file that is not UTF-8, not TOML/JSON, nested a thousand deep, or holding a
5,000-digit number is a ``PolicyError`` too. Money in a file is written as a string (``"80万"``,
``"800000"``) or an integer; a float is accepted only with at most two decimal places.

A policy history — several dated books — is one file of ``[[book]]`` tables (a JSON list of
books, or ``{"book": [...]}``) or a folder of book files (:func:`read_history`); every problem of
every book is reported at once, at ``book[1].grading.…`` (the books of a file, counted from 0) or
``2027.toml: grading.…`` (the books of a folder). A file of one book is a history of one book.

:func:`dump_book` writes TOML whose comments give each value's [seed]/[default] mark, unit and
source, so the file a sales-ops manager edits explains itself.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tomllib
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from customer_rules.book import MAX_BOOKS as _MAX_BOOKS
from customer_rules.book import PolicyBook, PolicyHistory
from customer_rules.book import _at as _at
from customer_rules.errors import PolicyError, Problem, shown
from customer_rules.settings import Setting, from_mapping, is_policy, plain

__all__ = [
    "Format",
    "dump_book",
    "dump_history",
    "load_book",
    "load_history",
    "read_book",
    "read_history",
    "structure_book",
    "structure_history",
]

Format = Literal["toml", "json"]

_MAX_BYTES = 10 * 1024 * 1024
_HISTORY = (
    "a policy history (several books): load it with load_history or read_history"
    " (customer-rules --policy reads both)"
)


def load_book(text: str, format: Format = "toml") -> PolicyBook:
    """Parse a policy book from TOML or JSON text.

    Keys left out keep the seed's values, so a company file needs only what differs.

    Args:
        text: the file's contents.
        format: ``"toml"`` (default) or ``"json"``.

    Returns:
        The book.

    Raises:
        PolicyError: listing every problem, each with its dotted path (a text of several books
            is one problem: read it with :func:`load_history`).
    """
    return structure_book(_parse(text, format))


def load_history(text: str, format: Format = "toml") -> PolicyHistory:
    """Parse a policy history from TOML or JSON text: several books (``[[book]]`` tables in
    TOML; a list of books, or ``{"book": [...]}``, in JSON) or one book.

    Args:
        text: the file's contents.
        format: ``"toml"`` (default) or ``"json"``.

    Returns:
        The history (of one book for a text of one book).

    Raises:
        PolicyError: listing every problem of every book, at ``book[i].…`` (i counted from 0),
            and the problems of the history itself (two books taking effect on the same day,
            calendar tables that disagree).

    Example:
        >>> h = load_history('''
        ... [[book]]
        ... version = "2026"
        ... effective = 2026-01-01
        ... [[book]]
        ... version = "2027"
        ... effective = 2027-01-01
        ... [book.grading.scorecard.total_cutoffs]
        ... A = 15
        ... ''')
        >>> [(b.version, str(b.effective)) for b in h.books]
        [('2026', '2026-01-01'), ('2027', '2027-01-01')]
        >>> h.in_force(dt.date(2027, 3, 1)).grading.scorecard.total_cutoffs.A
        15
    """
    return structure_history(_parse(text, format))


def _parse(text: str, format: Format) -> object:
    if not isinstance(text, str):
        raise PolicyError([Problem.mismatch("", text, "the text of a policy file (a str)")])
    if len(text) > _MAX_BYTES:
        raise PolicyError([Problem("", f"expected a policy file of at most {_MAX_BYTES} bytes")])
    if format != "toml" and format != "json":
        raise PolicyError([Problem.mismatch("format", format, "'toml' or 'json'")])
    try:
        return tomllib.loads(text) if format == "toml" else json.loads(text)
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


def structure_book(data: object) -> PolicyBook:
    """Build a book from plain data (dicts, lists, strings, numbers, dates).

    Raises:
        PolicyError: listing every problem with its dotted path.
    """
    if isinstance(data, list) or (isinstance(data, Mapping) and "book" in data):
        raise PolicyError([Problem("book" if isinstance(data, Mapping) else "", _HISTORY)])
    if not isinstance(data, Mapping):
        raise PolicyError([Problem.mismatch("", data, "a table of settings")])
    try:
        book: PolicyBook = from_mapping(PolicyBook, data)
    except RecursionError:
        raise PolicyError([Problem("", "expected tables nested a few levels deep")]) from None
    return book


def structure_history(data: object) -> PolicyHistory:
    """Build a policy history from plain data: a mapping ``{"book": [book, ...]}``, a list of
    books, or one book (a mapping of its settings).

    Raises:
        PolicyError: listing every problem of every book at ``book[i].…``, and the history's.
    """
    if isinstance(data, Mapping) and "book" in data:
        problems = [
            Problem(
                str(shown(key)) if not isinstance(key, str) else key,
                "unknown key; a file of several books holds only [[book]] tables",
                shown(key),
            )
            for key in data
            if key != "book"
        ]
        items = data["book"]
        if not isinstance(items, list):
            problems.append(Problem.mismatch("book", items, "a list of books ([[book]] tables)"))
            raise PolicyError(problems)
        return _history_of(items, problems)
    if isinstance(data, list):
        return _history_of(data, [])
    return PolicyHistory([structure_book(data)], locations=[""])


def _history_of(items: list[Any], problems: list[Problem]) -> PolicyHistory:
    if len(items) > _MAX_BOOKS:
        problems.append(Problem("book", f"expected at most {_MAX_BOOKS} books, got {len(items)}"))
        raise PolicyError(problems)
    books: list[PolicyBook] = []
    for i, item in enumerate(items):
        where = f"book[{i}]"
        if isinstance(item, list) or (isinstance(item, Mapping) and "book" in item):
            problems.append(Problem(where, "expected one book, got a list of books"))
            continue
        try:
            books.append(structure_book(item))
        except PolicyError as exc:
            problems.extend(_at(where, p) for p in exc.problems)
    if problems:
        raise PolicyError(problems)
    return PolicyHistory(books)


def read_book(path: str) -> PolicyBook:
    """Read a policy book from a ``.toml`` or ``.json`` file (UTF-8, with or without BOM).

    Raises:
        PolicyError: for an unreadable file or any problem in it (the path is in the message).
    """
    text, format = _read(path)
    try:
        return load_book(text, format)
    except PolicyError as exc:
        raise PolicyError(exc.problems, path) from None


def read_history(path: str) -> PolicyHistory:
    """Read a policy history from a file (one book, or several: ``[[book]]`` tables, a JSON list)
    or from a folder of book files (every ``*.toml`` and ``*.json`` file in it, one book each).

    Raises:
        PolicyError: for an unreadable file or folder and every problem of every book — at
            ``book[i].…`` in a file, at ``<file name>: …`` in a folder; ``.source`` is the path.
    """
    if isinstance(path, str) and path and "\x00" not in path and os.path.isdir(path):
        return _read_folder(path)
    text, format = _read(path)
    try:
        return load_history(text, format)
    except PolicyError as exc:
        raise PolicyError(exc.problems, path) from None


def _read(path: object) -> tuple[str, Format]:
    if not isinstance(path, str) or not path or "\x00" in path or len(path) > 4096:
        raise PolicyError([Problem.mismatch("path", path, "a file name")])
    format: Format = "json" if path.lower().endswith(".json") else "toml"
    if os.path.isdir(path):
        problem = Problem("", "expected a file, got a folder (a folder of books is a history)")
        raise PolicyError([problem], path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(_MAX_BYTES + 1)
    except OSError as exc:
        raise PolicyError([Problem("", f"cannot read the file: {exc.strerror}")], path) from None
    try:
        return raw.decode("utf-8-sig"), format
    except UnicodeDecodeError as exc:
        problem = Problem("", f"expected a UTF-8 text file; byte {exc.start} is not UTF-8")
        raise PolicyError([problem], path) from None


_BOOK_FILE = re.compile(r"^[^.].*\.(toml|json)$", re.IGNORECASE)


def _read_folder(path: str) -> PolicyHistory:
    try:
        names = sorted(
            name
            for name in os.listdir(path)
            if _BOOK_FILE.match(name) and os.path.isfile(os.path.join(path, name))
        )
    except OSError as exc:
        raise PolicyError([Problem("", f"cannot read the folder: {exc.strerror}")], path) from None
    if not names:
        problem = Problem(
            "", "expected policy books (*.toml, *.json files) in the folder, found none"
        )
        raise PolicyError([problem], path)
    if len(names) > _MAX_BOOKS:
        raise PolicyError([Problem("", f"expected at most {_MAX_BOOKS} books")], path)
    problems: list[Problem] = []
    books: list[PolicyBook] = []
    for name in names:
        try:
            text, format = _read(os.path.join(path, name))
            books.append(load_book(text, format))
        except PolicyError as exc:
            problems.extend(_at(name, p) for p in exc.problems)
    if problems:
        raise PolicyError(problems, path)
    try:
        return PolicyHistory(books, locations=names)
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


def dump_history(history: PolicyHistory, format: Format = "toml") -> str:
    """Write a history as TOML (``[[book]]`` tables, with comments) or JSON (a list of books)
    that :func:`load_history` reads back to an equal history; a history of one book is written
    as that book (:func:`dump_book`).

    Raises:
        PolicyError: for something that is not a PolicyHistory or an unknown format.
    """
    if not isinstance(history, PolicyHistory):
        raise PolicyError([Problem.mismatch("history", history, "a PolicyHistory")])
    if format != "toml" and format != "json":
        raise PolicyError([Problem.mismatch("format", format, "'toml' or 'json'")])
    if len(history.books) == 1:
        return dump_book(history.books[0], format)
    if format == "json":
        books = [plain(book) for book in history.books]
        return json.dumps(books, ensure_ascii=False, indent=2, default=_iso) + "\n"
    header = (
        "# customer_rules policy history: one [[book]] table per book; the book in force on a\n"
        "# day is the latest whose effective date is not after it. Each setting's comment:\n"
        "# [seed] = the regulation's own value, [default] = the library's choice where the seed\n"
        "# is blank; its unit; its source. Keys left out keep the seed's value.\n"
    )
    return header + "".join(
        f"\n[[book]]\n{_toml(book, ('book',)).lstrip(chr(10))}" for book in history.books
    )


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
