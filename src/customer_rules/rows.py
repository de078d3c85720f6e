"""CSV rows into facts: the one CSV reader of every chapter (the edge; does I/O).

A chapter's CSV format is a :class:`ColumnMap`: each column names the dotted path of a field in
a facts class (``"contract_amount" → "scorecard.contract_amount"``), optionally with constants
for a group and alternative header names (Chinese labels such as ``客户编号``). Reading gives,
lazily, one :class:`RowResult` per data row: its line, and either the facts built through
:func:`customer_rules.interchange.from_data` — the one converter every chapter shares — or the
row's problems, each a :class:`RowError` naming the line and the column. One bad row never
hides the others, and a file of any length is read in constant memory. (A row is built straight
from its cells, by a plan made once per header, into exactly what ``from_data`` gives; a row
that is not plain goes through ``from_data``, which names every problem.)

What real spreadsheets need:

* **Encodings.** ``encoding=None`` reads UTF-8 with or without a byte-order mark and, if the
  bytes are not UTF-8, GB18030 (a superset of GBK, the default of Excel on Chinese Windows). A
  file is checked as a whole before the first row is read; a stream that cannot be rewound
  (standard input) is judged by its first megabyte. An explicit encoding is used as given.
* **Unquoted thousands.** ``3,000,000`` in a cell that was not quoted splits into three cells;
  the row then has more cells than the header. When the surplus cells are the tail of a number
  split at its thousands separators, the row gets *one* error with the hint to quote the
  amount, not an error for every shifted cell.
* **Headers.** Columns may come in any order; an unknown column is a warning on line 1 (an error
  with ``strict=True``) and is ignored; a column named twice is an error (the first is used); a
  required column missing from the header stops the reading (:class:`InputError`).

Example:
    >>> import attrs
    >>> @attrs.frozen
    ... class Item:
    ...     code: str
    ...     price: int
    >>> items = ColumnMap(Item, {"code": "code", "price": "price"}, aliases={"价格": "price"})
    >>> with parse_rows("code,价格\\nA1,12\\nA2,x\\n", items) as reader:
    ...     [(r.line, r.value, [str(p) for p in r.problems]) for r in reader]
    [(2, Item(code='A1', price=12), []), (3, None, ["line 3: price: expected an integer, got 'x'"])]
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import typing
from collections.abc import Iterable, Iterator, Mapping
from types import TracebackType
from typing import IO, Generic, TypeVar

import attrs

from customer_rules.errors import CustomerRulesError, InputError, PolicyError, Problem
from customer_rules.interchange import _row_builder, from_data

if typing.TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = [
    "ColumnMap",
    "RowError",
    "RowReader",
    "RowResult",
    "Unbuilt",
    "parse_rows",
    "read_rows",
]

T = TypeVar("T")

_FALLBACK = "gb18030"
"""The encoding tried when the bytes are not UTF-8: GB18030 decodes every GBK (Excel on Chinese
Windows) and GB2312 file."""

_CHUNK = 1 << 20
"""Bytes read at a time while checking a file's encoding; also the part of a stream that cannot
be rewound that decides its encoding."""

_BOM = "\ufeff"


@attrs.frozen
class RowError:
    """One problem with a row (or with the header, on its line).

    Attributes:
        line: the 1-based line of the file where the row starts (the header is line 1, unless
            blank lines precede it).
        column: the column at fault (as the map names it); ``""`` for the whole row.
        message: what is wrong: what was expected and what was given.
        warning: ``True`` for a problem that rejects nothing (an unknown column, ignored).
    """

    line: int
    column: str
    message: str
    warning: bool = attrs.field(default=False, kw_only=True)

    def __str__(self) -> str:
        where = f"line {self.line}: {self.column}: " if self.column else f"line {self.line}: "
        return where + self.message


Unbuilt = tuple[int, list[str] | None, tuple["RowError", ...]]
"""A data row as read, not yet built (:meth:`RowReader.unbuilt`): its line, its cells as read
(``None`` for a line that is not CSV) and that line's problem."""


@attrs.frozen
class RowResult(Generic[T]):
    """One data row, read.

    Attributes:
        line: the 1-based line the row starts on.
        value: the facts built from the row; ``None`` if the row has problems.
        problems: the row's problems (empty when ``value`` is set).
    """

    line: int
    value: T | None
    problems: tuple[RowError, ...] = ()


# The converters copy what they can and leave anything else as given, so that
# ``ColumnMap.__attrs_post_init__`` reports it as a PolicyError with its field's name.


def _frozen(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str | bytes):
        return typing.cast(frozenset[str], value)
    try:
        return frozenset(value)
    except TypeError:
        return typing.cast(frozenset[str], value)


def _dict(value: Mapping[str, object]) -> dict[str, object]:
    return dict(value) if isinstance(value, Mapping) else typing.cast(dict[str, object], value)


def _str_dict(value: Mapping[str, str]) -> dict[str, str]:
    return dict(value) if isinstance(value, Mapping) else typing.cast(dict[str, str], value)


def _texts(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@attrs.frozen(eq=False)
class ColumnMap(Generic[T]):
    """A chapter's CSV format: which column fills which field of a facts class.

    Attributes:
        cls: the facts class a row becomes (through ``interchange.from_data``).
        columns: column name → dotted path of the field it fills, in the order a writer should
            use (``{"assessed_by": "scorecard.influence_assessment.who", …}``).
        aliases: other header names accepted for a column (``{"客户编号": "id"}``); matched
            exactly, then ignoring case.
        constants: dotted path → value added to every row whose group (the path without its
            last part) has a filled cell, e.g. the subject of an approval that has no column.
        required: the columns the header must have.
        key: a column whose values must be unique in a file (a repeated value rejects the row
            and names the first line).

    Raises:
        PolicyError: for an alias, required column or key that is not a column, or a constant
            outside every group of the columns.
    """

    cls: type[T]
    columns: Mapping[str, str] = attrs.field(converter=_str_dict)
    aliases: Mapping[str, str] = attrs.field(factory=dict, converter=_str_dict)
    constants: Mapping[str, object] = attrs.field(factory=dict, converter=_dict)
    required: frozenset[str] = attrs.field(default=frozenset(), converter=_frozen)
    key: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = self._types()
        if problems:
            raise PolicyError(problems)
        problems = [
            Problem(f"aliases.{alias}", f"expected one of the columns, got {target!r}")
            for alias, target in self.aliases.items()
            if target not in self.columns
        ]
        problems.extend(
            Problem("required", f"expected one of the columns, got {name!r}")
            for name in sorted(self.required - set(self.columns))
        )
        if self.key is not None and self.key not in self.columns:
            problems.append(Problem("key", f"expected one of the columns, got {self.key!r}"))
        groups = {p.rpartition(".")[0] for p in self.columns.values()}
        problems.extend(
            Problem(f"constants.{path}", "expected a path in a group of the columns")
            for path in self.constants
            if path.rpartition(".")[0] not in groups
        )
        if problems:
            raise PolicyError(problems)

    def _types(self) -> list[Problem]:
        problems = []
        if not (isinstance(self.cls, type) and attrs.has(self.cls)):
            problems.append(Problem.mismatch("cls", self.cls, "an attrs facts class"))
        for name in ("columns", "aliases"):
            value = getattr(self, name)
            if not isinstance(value, dict) or not all(
                _texts(k) and _texts(v) for k, v in value.items()
            ):
                expected = "a mapping of names to dotted paths" if name == "columns" else ""
                problems.append(
                    Problem.mismatch(name, value, expected or "a mapping of names to columns")
                )
        if isinstance(self.columns, dict) and not self.columns:
            problems.append(Problem.mismatch("columns", self.columns, "at least one column"))
        if not isinstance(self.constants, dict) or not all(map(_texts, self.constants)):
            problems.append(
                Problem.mismatch("constants", self.constants, "a mapping of dotted paths to values")
            )
        if not isinstance(self.required, frozenset) or not all(map(_texts, self.required)):
            problems.append(Problem.mismatch("required", self.required, "a set of column names"))
        if self.key is not None and not _texts(self.key):
            problems.append(Problem.mismatch("key", self.key, "a column name or None"))
        return problems

    def column_of(self, path: str) -> str:
        """The column a problem at dotted ``path`` belongs to; the path itself if none does.

        A path below a column's (``…amounts[2]``) belongs to that column.
        """
        best, found = "", path
        for column, field in self.columns.items():
            if path == field:
                return column
            if path.startswith((field + ".", field + "[")) and len(field) > len(best):
                best, found = field, column
        return found

    def canonical(self, name: str) -> str | None:
        """The column a header cell names (itself or an alias), or ``None``."""
        if name in self.columns:
            return name
        if name in self.aliases:
            return self.aliases[name]
        folded = name.casefold()
        for candidate in (*self.columns, *self.aliases):
            if candidate.casefold() == folded:
                return self.aliases.get(candidate, candidate)
        return None


def read_rows(
    source: str | os.PathLike[str] | IO[bytes] | IO[str],
    columns: ColumnMap[T],
    *,
    encoding: str | None = None,
    strict: bool = False,
) -> RowReader[T]:
    """Open a CSV file or stream and read its header; iterate the result for the rows.

    Args:
        source: a path, a binary stream (``sys.stdin.buffer``) or a text stream (read as is).
        columns: the chapter's column map.
        encoding: ``None`` for UTF-8 (with or without a byte-order mark), else GB18030; or an
            encoding name (``"gbk"``, ``"utf-8-sig"``) used as given.
        strict: an unknown column is an error rather than a warning.

    Returns:
        A :class:`RowReader` (a context manager that closes a file it opened).

    Raises:
        InputError: for an unreadable file (``input``), an unknown encoding (``encoding``),
            bytes that are not text in the encoding (``encoding``), no header row or a header
            without a required column (``header``).
    """
    if isinstance(source, str | os.PathLike):
        try:
            name = os.fspath(source)
            binary: IO[bytes] = open(name, "rb")  # noqa: SIM115 - closed by the reader
        except OSError as exc:
            raise InputError("input", source, f"a readable file ({exc.strerror})") from None
        except (TypeError, ValueError):  # a bad __fspath__, a NUL in the name
            raise InputError("input", source, "the path of a readable file") from None
        try:
            text, used = _decoded(binary, encoding, name, owned=True)
        except BaseException:
            binary.close()
            raise
        return RowReader(text, columns, strict=strict, name=name, encoding=used)
    if isinstance(source, io.TextIOBase):
        return RowReader(source, columns, strict=strict, name=_name(source), owned=False)
    if not isinstance(source, io.IOBase):
        raise InputError("source", source, "a path, a binary stream or a text stream")
    if not isinstance(columns, ColumnMap):
        raise InputError("columns", columns, "a ColumnMap")
    name = _name(source)
    text, used = _decoded(source, encoding, name, owned=False)
    return RowReader(text, columns, strict=strict, name=name, encoding=used)


def parse_rows(text: str, columns: ColumnMap[T], *, strict: bool = False) -> RowReader[T]:
    """Read CSV from a string (a leading byte-order mark is ignored); as :func:`read_rows`.

    Raises:
        InputError: if ``text`` is not a string, or has no header with the required columns.
    """
    if not isinstance(text, str):
        raise InputError("text", text, "the CSV text as a str")
    stream = io.StringIO(text.removeprefix(_BOM), newline="")
    return RowReader(stream, columns, strict=strict, name="<text>")


def _name(stream: object) -> str:
    name = getattr(stream, "name", None)
    return name if isinstance(name, str) else "<stream>"


# --------------------------------------------------------------------------- decoding


class _Prefixed(io.RawIOBase):
    """A read-only raw stream: ``prefix`` first, then the rest of ``rest`` (left open)."""

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._prefix = memoryview(prefix)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        target = memoryview(buffer).cast("B")
        if self._prefix:
            n = min(len(target), len(self._prefix))
            target[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._rest.read(len(target))
        n = len(data)
        target[:n] = data
        return n


def _decoded(
    binary: IO[bytes], encoding: str | None, name: str, *, owned: bool
) -> tuple[IO[str], str]:
    """A text stream over ``binary`` by the encoding rule, and the encoding chosen."""
    prefix = b""
    if encoding is not None:
        try:
            used = codecs.lookup(encoding).name
        except (LookupError, TypeError, ValueError):
            raise InputError(
                "encoding", encoding, "a text encoding such as utf-8, utf-8-sig, gbk or gb18030"
            ) from None
        if used == "utf-8":
            used = "utf-8-sig"  # a byte-order mark is never part of the first column's name
    elif _seekable(binary):
        start = binary.tell()
        used = "utf-8-sig" if _all_utf8(binary, name) else _FALLBACK
        binary.seek(start)
    else:
        prefix = _read(binary, _CHUNK, name)
        used = "utf-8-sig" if _utf8_start(prefix) else _FALLBACK
    raw: IO[bytes] = (
        binary if owned and not prefix else io.BufferedReader(_Prefixed(prefix, binary))
    )
    return io.TextIOWrapper(raw, encoding=used, newline=""), used


def _seekable(binary: IO[bytes]) -> bool:
    try:
        return bool(binary.seekable()) and binary.tell() >= 0
    except (OSError, ValueError):
        return False


def _read(binary: IO[bytes], size: int, name: str) -> bytes:
    try:
        data = binary.read(size)
    except OSError as exc:
        raise InputError("input", name, f"a readable file ({exc.strerror})") from None
    except ValueError:  # closed, or not open for reading
        raise InputError("input", name, "an open, readable stream") from None
    if not isinstance(data, bytes):
        raise InputError("input", name, "a binary stream")
    return data


def _all_utf8(binary: IO[bytes], name: str) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := _read(binary, _CHUNK, name):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _utf8_start(data: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


# --------------------------------------------------------------------------- reading

_HEAD = re.compile(r"[¥￥]?[+-]?[0-9]{1,3}")
_TAIL = re.compile(r"[0-9]{3}")
_LAST = re.compile(r"[0-9]{3}(?:\.[0-9]+)?\s*(?:万|亿|千)?\s*元?")


class RowReader(Generic[T]):
    """The rows of one CSV source, read lazily; the header is read on construction.

    Iterate it once for one :class:`RowResult` per data row (blank rows are skipped). Use it as
    a context manager, or call :meth:`close`, to close a file :func:`read_rows` opened.

    Attributes:
        columns: the column map.
        header: the column each header cell fills (``None`` for an ignored cell).
        header_problems: unknown columns (warnings, or errors with ``strict``) and repeated
            columns (errors), on the header's line.
        name: the file name, ``"<stdin>"``, ``"<text>"`` or ``"<stream>"``.
        encoding: the encoding the bytes are read with (``None`` for text given as text).
    """

    def __init__(
        self,
        stream: IO[str],
        columns: ColumnMap[T],
        *,
        strict: bool = False,
        name: str = "<stream>",
        encoding: str | None = None,
        owned: bool = True,
    ) -> None:
        if not isinstance(stream, io.TextIOBase):
            raise InputError("stream", stream, "a text stream (io.TextIOBase)")
        if not isinstance(columns, ColumnMap):
            raise InputError("columns", columns, "a ColumnMap")
        self.columns = columns
        self.name = name
        self.encoding = encoding
        self._stream = stream
        self._owned = owned
        self._reader = csv.reader(stream)
        self._seen: dict[str, int] = {}
        self._started = False
        try:
            self.header, self.header_problems = self._read_header(strict)
        except BaseException:
            self.close()
            raise
        self._line = self._reader.line_num
        cells = [(i, columns.columns[c]) for i, c in enumerate(self.header) if c is not None]
        builder = _row_builder(columns.cls, cells, columns.constants)
        self._build = builder.build if builder is not None else None
        self._key = next((i for i, c in enumerate(self.header) if c == columns.key), None)

    def __enter__(self) -> RowReader[T]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the file the reader opened (a caller's stream is left open)."""
        if self._owned:
            self._stream.close()

    def __iter__(self) -> Iterator[RowResult[T]]:
        return self._rows(self.unbuilt())

    # ----------------------------------------------------------------------- header

    def _next(self) -> list[str] | None:
        try:
            return next(self._reader, None)
        except (OSError, ValueError) as exc:
            self._unreadable(exc)

    def _unreadable(self, exc: OSError | ValueError) -> typing.NoReturn:
        """Raise the :class:`InputError` of a stream that could not be read on."""
        if isinstance(exc, UnicodeDecodeError):
            raise InputError(
                "encoding",
                self.name,
                f"text in {self.encoding or 'the stream encoding'} (a byte after line"
                f" {self._reader.line_num} is not); pass the file's encoding, e.g."
                " --encoding gb18030 or --encoding utf-8",
            ) from exc
        if isinstance(exc, OSError):
            raise InputError("input", self.name, f"a readable file ({exc.strerror})") from None
        raise InputError("input", self.name, "an open, readable stream") from None  # closed

    def _read_header(self, strict: bool) -> tuple[tuple[str | None, ...], tuple[RowError, ...]]:
        try:
            row = self._next()
            while row is not None and not any(cell.strip() for cell in row):
                row = self._next()
        except csv.Error as exc:
            raise InputError("header", self.name, f"a CSV header row ({exc})") from None
        if row is None:
            raise InputError("header", "", "a header row naming the columns, e.g. 'id,name,...'")
        line = self._reader.line_num
        known = ", ".join(self.columns.columns)
        problems: list[RowError] = []
        header: list[str | None] = []
        for i, cell in enumerate(row):
            name = cell.removeprefix(_BOM).strip() if i == 0 else cell.strip()
            column = self.columns.canonical(name) if name else None
            if name and column is None:
                message = f"unknown column, ignored; expected one of: {known}"
                problems.append(RowError(line, name, message, warning=not strict))
            elif column is not None and column in header:
                problems.append(RowError(line, name, "column named twice; the first is used"))
                column = None
            header.append(column)
        missing = [c for c in self.columns.columns if c in self.columns.required - set(header)]
        if missing:
            raise InputError(
                "header",
                ",".join(row),
                f"a header row with the column(s) {', '.join(missing)}",
            )
        return tuple(header), tuple(problems)

    # ----------------------------------------------------------------------- rows

    def _rows(self, unbuilt: Iterator[Unbuilt]) -> Iterator[RowResult[T]]:
        for line, row, problems in unbuilt:
            if row is None:
                yield RowResult(line, None, problems)
                continue
            made = self.build(line, row)
            if made is None:
                continue  # a blank row is skipped
            result, key_value = made
            repeated = None if key_value is None else self.repeated(line, key_value)
            yield result if repeated is None else RowResult(line, None, (repeated,))

    def unbuilt(self) -> Iterator[Unbuilt]:
        """The data rows as read, not yet built: ``(line, cells, ())`` — or ``(line, None,
        (problem,))`` for a line that is not CSV, the last. Iterating the reader is
        :meth:`build` and :meth:`repeated` on each; a command that builds rows in worker
        processes calls them itself (``build`` in a worker, ``repeated`` here, in input
        order).

        Raises:
            InputError: naming ``rows`` when the rows were read before.
        """
        if self._started:
            raise InputError("rows", self.name, "rows read once (open the source again)")
        self._started = True
        return self._unbuilt()

    def _unbuilt(self) -> Iterator[Unbuilt]:
        reader = self._reader
        line = self._line  # the last line read
        try:
            while True:
                try:
                    row = next(reader, None)
                except csv.Error as exc:
                    line += 1
                    yield line, None, (RowError(line, "", f"not valid CSV: {exc}"),)
                    return
                except (OSError, ValueError) as exc:
                    self._unreadable(exc)
                if row is None:
                    return
                start, line = line + 1, reader.line_num
                yield start, row, ()
        finally:
            self.close()

    def build(self, line: int, row: list[str]) -> tuple[RowResult[T], str | None] | None:
        """The row that starts on ``line`` (its cells as read) built — its facts, or its
        problems — with its key cell's text (``None`` when it was not built); ``None`` for a
        blank row. Not yet checked against the rows before it (:meth:`repeated`).

        Raises:
            InputError: naming ``line`` unless a positive int, ``row`` unless a list of str.
        """
        if type(line) is not int or line < 1:
            raise InputError("line", line, "the line a row starts on (a positive int)")
        try:
            cells = list(map(str.strip, row)) if not isinstance(row, str) else None
        except TypeError:  # not iterable, or a cell that is not a str
            cells = None
        if cells is None:
            raise InputError("row", row, "the cells of a row as read (a list of str)")
        if not any(cells):
            return None
        build, width = self._build, len(self.header)
        if build is not None and len(cells) <= width:  # the usual row
            if len(cells) < width:
                cells += [""] * (width - len(cells))
            value = build(cells)
            if value is not None:
                return RowResult(line, value), cells[self._key] if self._key is not None else ""
            return self._row(row, cells, line, built=True)
        return self._row(row, cells, line, built=False)

    def repeated(self, line: int, key_value: str) -> RowError | None:
        """The problem of a row built on ``line`` whose key was on an earlier row; ``None``
        (and the key noted) for a new key or a row without one.

        Raises:
            InputError: naming ``line`` unless a positive int, ``key_value`` unless a str.
        """
        if type(line) is not int or line < 1:
            raise InputError("line", line, "the line a row starts on (a positive int)")
        if type(key_value) is not str:
            raise InputError("key_value", key_value, "the text of the row's key cell (a str)")
        if not key_value:
            return None
        first = self._seen.get(key_value)
        if first is None:
            self._seen[key_value] = line
            return None
        key = self.columns.key or ""
        return RowError(line, key, f"duplicate {key} {key_value!r} (first on line {first})")

    def _row(
        self, row: list[str], cells: list[str], line: int, *, built: bool
    ) -> tuple[RowResult[T], str | None]:
        """The result of one row and its key text (``None`` when not built): ``row`` as read,
        ``cells`` its cells stripped; ``built``: the builder has already refused it."""
        width = len(self.header)
        if len(row) > width:
            surplus = self._surplus(row, line)
            if surplus is not None:
                return RowResult(line, None, (surplus,)), None
        if self._build is not None and not built:
            padded = cells + [""] * (width - len(cells))
            value = self._build(padded)
            if value is not None:
                return RowResult(line, value), padded[self._key] if self._key is not None else ""
        data, key_value = self._place(row)
        try:
            value = from_data(self.columns.cls, data)
        except InputError as exc:
            return RowResult(line, None, self._problems(exc.problems, line)), None
        except CustomerRulesError as exc:  # pragma: no cover - from_data raises InputError
            return RowResult(line, None, (RowError(line, "", str(exc)),)), None
        return RowResult(line, value), key_value

    def _place(self, row: list[str]) -> tuple[dict[str, object], str]:
        """The row as the nested mapping ``from_data`` reads, and the text of its key cell."""
        data: dict[str, object] = {}
        groups: set[str] = set()
        key_value = ""
        for column, cell in zip(self.header, row, strict=False):
            if column is None:
                continue
            text = cell.strip()
            if not text:
                continue
            if column == self.columns.key:
                key_value = text
            path = self.columns.columns[column]
            _put(data, path, text)
            groups.update(_parents(path))
        for path, value in self.columns.constants.items():
            group = path.rpartition(".")[0]
            if not group or group in groups:
                _put(data, path, value)
        return data, key_value

    def _problems(self, problems: tuple[Problem, ...], line: int) -> tuple[RowError, ...]:
        return tuple(
            RowError(line, self.columns.column_of(p.path), p.message) for p in problems
        ) or (RowError(line, "", "invalid row"),)

    def _surplus(self, row: list[str], line: int) -> RowError | None:
        """The error of a row with more cells than the header; ``None`` if the extra cells are
        empty (trailing commas) and no amount was split into them."""
        width = len(self.header)
        filled = len(row)
        while filled > width and not row[filled - 1].strip():
            filled -= 1
        split = None
        for end in range(len(row), filled - 1, -1):  # the trailing empty cells may be shifted
            split = _split_amounts(row[:end], width)
            if split is not None:
                break
        if split is None:
            if filled == width:
                return None
            return RowError(line, "", f"row has {filled} cells, the header names {width}")
        index, _ = split[0]
        column = self.header[index] if index < width else None
        amounts = [amount for _, amount in split]
        what = (
            f"amounts {' and '.join(amounts)} were"
            if len(amounts) > 1
            else f"amount {amounts[0]} was"
        )
        message = (
            f"{what} split at the commas (the cell is not quoted), so the row has {end} cells"
            f' for {width} columns; quote the amount ("{amounts[0]}") or write it without'
            f" commas ({amounts[0].replace(',', '')})"
        )
        return RowError(line, column or "", message)


def _split_amounts(row: list[str], width: int) -> list[tuple[int, str]] | None:
    """The amounts (header index, text) whose split at thousands separators explains every
    surplus cell of ``row``; ``None`` if they do not."""
    surplus = len(row) - width
    found: list[tuple[int, str]] = []
    merged = 0
    i = 0
    cells = [c.strip() for c in row]
    while i < len(cells) - 1:
        if not _HEAD.fullmatch(cells[i]):
            i += 1
            continue
        j = i + 1
        while j < len(cells) and _TAIL.fullmatch(cells[j]):
            j += 1
        if j < len(cells) and _LAST.fullmatch(cells[j]):
            j += 1
        if j - i > 1:
            found.append((i - merged, ",".join(cells[i:j])))
            merged += j - i - 1
            i = j
        else:
            i += 1
    return found if found and merged == surplus else None


def _parents(path: str) -> Iterator[str]:
    parts = path.split(".")
    for n in range(1, len(parts)):
        yield ".".join(parts[:n])


def _put(data: dict[str, object], path: str, value: object) -> None:
    *groups, last = path.split(".")
    target = data
    for group in groups:
        inner = target.setdefault(group, {})
        assert isinstance(inner, dict)
        target = inner
    target[last] = value
