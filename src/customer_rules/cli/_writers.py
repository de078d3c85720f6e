"""Private: the output writers every chapter command shares, and the columns they write.

A chapter declares its columns as data — :class:`Column` values naming a key, a header and how
to get the value from one record — and hands an iterator of records to a writer. The writers
write as they go:

Nothing is written before the first record is ready, so a command that fails on its first
record leaves standard output empty.

* :func:`write_csv` — one row per record, cells as text (``None`` is an empty cell, a list is
  joined with `` | ``); optionally a UTF-8 byte-order mark first, so Excel shows Chinese text.
* :func:`write_json` — one JSON array, written item by item (``[``, items separated by
  ``,\\n``, ``]``): the whole list is never built.
* :func:`write_jsonl` — JSON Lines: one JSON object per line.
* :func:`write_table` — aligned columns for a terminal, measuring East Asian wide characters as
  two columns. The only writer that holds every row: widths are known only at the end.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TextIO, TypeVar

import attrs

from customer_rules.reasons import Lang, MessageCode, render_message

R = TypeVar("R")

BOM = "\ufeff"
"""The byte-order mark written before CSV with ``--bom``."""

LIST_JOINER = " | "
"""How a list value is joined into one CSV cell."""

EMPTY = "—"
"""What the table shows for a value that does not apply."""


@attrs.frozen
class Column(Generic[R]):
    """One output column of a chapter command.

    Attributes:
        name: the key: the CSV header and the JSON key (stable, English, snake_case).
        get: the value for one record in a language: JSON-safe (``None``, ``bool``, ``int``,
            ``str``, lists and dicts of these).
        header: the table's header for the column (a message code, rendered in ``--lang``);
            ``None`` shows :attr:`name`.
    """

    name: str
    get: Callable[[R, Lang], object]
    header: MessageCode | None = None

    def title(self, lang: Lang) -> str:
        """The header text in ``lang``."""
        return self.name if self.header is None else render_message(self.header, lang)


Writer = Callable[[TextIO, Sequence[Column[R]], Iterable[R], Lang], int]


def write_csv(
    out: TextIO,
    columns: Sequence[Column[R]],
    records: Iterable[R],
    lang: Lang,
    *,
    bom: bool = False,
) -> int:
    """Write CSV: a header of column names, then one row per record, as the records come.

    Returns:
        The number of records written.
    """
    writer = csv.writer(out, lineterminator="\n")
    header = [c.name for c in columns]
    count = 0
    for record in records:
        cells = [_cell(c.get(record, lang)) for c in columns]
        if not count:  # nothing is written before the first record is ready
            out.write(BOM if bom else "")
            writer.writerow(header)
        writer.writerow(cells)
        count += 1
    if not count:
        out.write(BOM if bom else "")
        writer.writerow(header)
    return count


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_JOINER.join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _object(columns: Sequence[Column[R]], record: R, lang: Lang) -> dict[str, object]:
    return {c.name: c.get(record, lang) for c in columns}


def write_json(out: TextIO, columns: Sequence[Column[R]], records: Iterable[R], lang: Lang) -> int:
    """Write one JSON array of objects (indented by two spaces), item by item.

    The output equals ``json.dumps(items, ensure_ascii=False, indent=2)`` plus a newline, but
    only one item is in memory at a time.

    Returns:
        The number of records written.
    """
    count = 0
    for record in records:
        text = json.dumps(_object(columns, record, lang), ensure_ascii=False, indent=2)
        out.write(",\n  " if count else "[\n  ")
        out.write(text.replace("\n", "\n  "))  # JSON strings never hold a raw newline
        count += 1
    out.write("\n]\n" if count else "[]\n")
    return count


def write_jsonl(out: TextIO, columns: Sequence[Column[R]], records: Iterable[R], lang: Lang) -> int:
    """Write JSON Lines: one compact JSON object per record and line.

    Returns:
        The number of records written.
    """
    count = 0
    encode = _COMPACT.encode
    for record in records:
        out.write(encode(_object(columns, record, lang)))
        out.write("\n")
        count += 1
    return count


_COMPACT = json.JSONEncoder(ensure_ascii=False, check_circular=False)
"""``json.dumps(…, ensure_ascii=False)``, made once: the columns give plain trees, no cycles."""


def write_table(
    out: TextIO,
    columns: Sequence[Column[R]],
    records: Iterable[R],
    lang: Lang,
    *,
    details: Callable[[R, Lang], Iterable[str]] | None = None,
    title: str = "",
) -> int:
    """Write an aligned table: ``title``, headers, a rule, one line per record and, under each,
    its ``details`` indented by four spaces. Wide (CJK) characters count two columns.

    Holds every row's text (not the records) until the widths are known; nothing is written
    before every record is read.

    Returns:
        The number of records written.
    """
    header = [c.title(lang) for c in columns]
    rows: list[tuple[list[str], list[str]]] = []
    for record in records:
        cells = [_text(c.get(record, lang)) for c in columns]
        rows.append((cells, list(details(record, lang)) if details is not None else []))
    widths = [width(h) for h in header]
    for cells, _ in rows:
        widths = [max(w, width(c)) for w, c in zip(widths, cells, strict=True)]
    out.write(title)
    out.write(_line(header, widths) + "\n")
    out.write(_line(["─" * w for w in widths], widths) + "\n")
    for cells, below in rows:
        out.write(_line(cells, widths) + "\n")
        for text in below:
            out.write(f"    {text}\n")
    return len(rows)


def _text(value: object) -> str:
    if value is None:
        return EMPTY
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value)
    return str(value)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(c + " " * (w - width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()


def width(text: str) -> int:
    """Display width in a terminal: wide and full-width characters take two columns,
    combining marks none."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )
