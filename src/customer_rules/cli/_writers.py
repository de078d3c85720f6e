"""Private: the output writers every chapter command shares, and the columns they write.

A chapter declares its columns as data — :class:`Column` values naming a key, a header and how
to get the value from one record — and hands an iterator of records to a writer. The writers
write as they go:

Nothing is written before the first record is ready, so a command that fails on its first
record leaves standard output empty.

* :func:`write_records` with ``"csv"`` — one row per record, cells as text (``None`` is an
  empty cell, a list is joined with `` | ``); optionally a UTF-8 byte-order mark first, so
  Excel shows Chinese text;
  ``"json"`` — one JSON array, written item by item (``[``, items separated by ``,\\n``,
  ``]``): the whole list is never built; ``"jsonl"`` — JSON Lines: one JSON object per line.
  (:func:`encode_record` and :func:`write_encoded` are its two halves, for a command whose
  records are encoded by worker processes.)
* :func:`write_table` — aligned columns for a terminal, measuring East Asian wide characters as
  two columns. The only writer that holds every row: widths are known only at the end.
"""

from __future__ import annotations

import csv
import io
import json
import os
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TextIO, TypeVar, cast

import attrs

from customer_rules.reasons import Lang, MessageCode, render_message

_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # the ``fast`` extra is not installed: the standard library writes JSON
    _orjson = None

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


STREAMING = ("csv", "json", "jsonl")
"""The formats written record by record (:func:`encode_record`, :func:`write_encoded`)."""


def encode_record(fmt: str, columns: Sequence[Column[R]], record: R, lang: Lang) -> bytes:
    """One record as ``fmt`` writes it, in UTF-8: a CSV line, a JSON array item (indented by
    two spaces, without its separator) or a JSON line — each ending as :func:`write_encoded`
    expects. Bytes, not text: a worker process hands them on and the command writes them as
    they are, with no decoding and encoding again on the way."""
    if fmt == "csv":
        return _csv_line([_cell(c.get(record, lang)) for c in columns]).encode()
    item = {c.name: c.get(record, lang) for c in columns}
    if fmt == "jsonl":
        return json_bytes(item) + b"\n"
    return json_bytes(item, indent=True).replace(b"\n", b"\n  ")  # JSON strings hold no newline


def json_bytes(value: object, *, indent: bool = False) -> bytes:
    """``value`` (a tree of ``None``, ``bool``, ``int``, ``str``, lists, tuples and dicts with
    text keys) as JSON in UTF-8, non-ASCII characters as they are: compact
    (``{"a":1,"b":[2]}``) or indented by two spaces (``json.dumps(value, ensure_ascii=False,
    indent=2)``).

    With the ``fast`` extra (orjson) installed it is written by orjson, about seven times
    faster than the standard library; the bytes are the same either way (a value orjson does
    not write, such as an int beyond 64 bits, is written by the standard library).
    """
    if _orjson is not None:
        try:
            return cast(bytes, _orjson.dumps(value, option=_INDENT_2 if indent else 0))
        except TypeError:  # orjson.JSONEncodeError: an int beyond 64 bits, a non-text key …
            pass
    return (_INDENTED if indent else _COMPACT).encode(value).encode()


def write_encoded(
    out: TextIO,
    fmt: str,
    columns: Sequence[Column[R]],
    records: Iterable[bytes],
    *,
    bom: bool = False,
) -> int:
    """Write the records (:func:`encode_record`) as one ``fmt`` document, as they come: CSV
    with its header (and a UTF-8 byte-order mark first with ``bom``), one JSON array, or JSON
    Lines. Nothing is written before the first record is ready, except what an empty document
    is.

    The bytes go straight to ``out``'s binary buffer when it has one and writes UTF-8 (standard
    output does for these formats: :func:`~customer_rules.cli._core.output`); otherwise they
    are decoded and written as text.

    Returns:
        The number of records written.
    """
    write = _byte_writer(out)
    count = 0
    for record in records:
        if not count:
            write(_opening(fmt, columns, bom).encode())
        elif fmt == "json":
            write(b",\n  ")
        write(record)
        count += 1
    if not count:
        empty = _opening(fmt, columns, bom) if fmt == "csv" else "[]\n" if fmt == "json" else ""
        write(empty.encode())
    elif fmt == "json":
        write(b"\n]\n")
    return count


def _byte_writer(out: TextIO) -> Callable[[bytes], object]:
    """How to write UTF-8 bytes to ``out``: to its buffer, after what it holds as text, when
    it has one, writes UTF-8 and keeps ``\n`` as it is; else decoded, as text."""
    buffer = getattr(out, "buffer", None)
    if buffer is None or not writes_utf8(out) or os.linesep != "\n":
        return lambda data: out.write(data.decode())
    out.flush()
    return cast(Callable[[bytes], object], buffer.write)


def writes_utf8(stream: object) -> bool:
    """Whether the text stream ``stream`` encodes what it is given as UTF-8."""
    encoding = getattr(stream, "encoding", None) or ""
    return encoding.replace("_", "-").lower() in ("utf-8", "utf8")


def _opening(fmt: str, columns: Sequence[Column[R]], bom: bool) -> str:
    if fmt == "csv":
        return (BOM if bom else "") + _csv_line([c.name for c in columns])
    return "[\n  " if fmt == "json" else ""


def write_records(
    out: TextIO,
    fmt: str,
    columns: Sequence[Column[R]],
    records: Iterable[R],
    lang: Lang,
    *,
    bom: bool = False,
) -> int:
    """Write ``records`` as one ``fmt`` document (one of :data:`STREAMING`), as they come: CSV
    with a header of column names (and a byte-order mark first with ``bom``), one JSON array
    of objects indented by two spaces — what ``json.dumps(items, ensure_ascii=False,
    indent=2)`` writes, with one item in memory at a time — or JSON Lines.

    Returns:
        The number of records written.
    """
    encoded = (encode_record(fmt, columns, r, lang) for r in records)
    return write_encoded(out, fmt, columns, encoded, bom=bom)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_JOINER.join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class _CsvLine:
    """One CSV line (``\\n``-terminated) from its cells, quoted as ``csv.writer`` quotes."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\n")

    def __call__(self, cells: Sequence[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(cells)
        return self._buffer.getvalue()


_csv_line = _CsvLine()
_INDENT_2 = 0 if _orjson is None else _orjson.OPT_INDENT_2
_COMPACT = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":"))
"""The standard library's compact JSON, made once: the columns give plain trees, no cycles."""
_INDENTED = json.JSONEncoder(ensure_ascii=False, check_circular=False, indent=2)


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
