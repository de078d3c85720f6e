"""Private: the command line's conventions, shared by every chapter command.

* **Commands are discovered.** Every public (not underscored) module of the
  ``customer_rules.cli`` package is a chapter command module and defines
  ``register(commands) -> None``, which adds its subcommands to ``commands`` (the
  ``argparse`` sub-parsers). :func:`build_parser` finds the modules with
  :func:`pkgutil.iter_modules` in sorted order: adding a chapter command means adding one module.
* **Common options** (:func:`add_options`): ``--policy``, ``--input``, ``--encoding``,
  ``--strict``, ``--as-of``, ``--lang``, ``--format``, ``--bom``, ``--calendar`` — the same
  spelling, help and defaults in every command that takes them.
* **What options give**: ``--policy`` is a file of one book, a file of several books or a folder
  of book files (:func:`load_history`; :func:`load_book` gives the book in force on a day), and
  ``--calendar cn`` is China's calendar extended with the books' ``[calendar]`` tables
  (:func:`load_calendar`).
* **Exit codes**: :data:`EXIT_OK` (0) — done; :data:`EXIT_REJECTED` (1) — some input rows were
  rejected (the others were processed and printed); :data:`EXIT_USAGE` (2) — a usage error, a bad
  configuration (policy file, calendar) or an unreadable input; nothing useful was printed.
* **Errors** go to standard error as ``customer-rules: error: …`` (:class:`CommandError`); a row's
  problems as ``line N: column: …``, a warning as ``warning: line N: column: …``
  (:class:`RowReport`).
* **A closed pipe** (``customer-rules grade | head``) ends the command quietly with exit code 0:
  the reader chose to stop, which is not a failure of the command — whatever the rows already
  read. Standard output is then pointed at the null device so that the interpreter's final flush
  does not fail again.
* **Titles**: a table starts with :func:`title_line` (``<what> as of <day>``, with a note when
  the day is the shipped sample's) and :func:`policy_line` (``policy <version> (effective
  <date>) · <calendar>``), in every chapter the same texts.
* **Progress**: on an input of more than 5,000 rows, a line on standard error counts the rows
  processed, updated in place with carriage returns and cleared when the reading ends — only
  when standard error is a terminal, so logs and pipes never see it (and not when a streaming
  format is written to the same terminal).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import importlib
import io
import os
import pkgutil
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, Literal, TextIO, TypeAlias, TypeVar

from customer_rules import __version__
from customer_rules import calendars as _calendars
from customer_rules.book import PolicyBook, PolicyHistory
from customer_rules.calendars import Calendar, WorkingDayCalendar
from customer_rules.cli._text import CliText
from customer_rules.cli._writers import writes_utf8
from customer_rules.config import read_history
from customer_rules.dates import parse_date
from customer_rules.errors import CalendarCoverageError, CustomerRulesError, InputError, PolicyError
from customer_rules.reasons import Lang, render_message
from customer_rules.rows import ColumnMap, RowError, RowReader, Unbuilt, parse_rows, read_rows

if TYPE_CHECKING:
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

PROG = "customer-rules"

EXIT_OK = 0
"""Everything was done."""
EXIT_REJECTED = 1
"""Some input rows were rejected; the others were processed and printed."""
EXIT_USAGE = 2
"""A usage error, a bad policy file or calendar, or an unreadable input."""

PROGRESS_ABOVE = 5_000
"""Rows after which the progress line appears (on a terminal)."""
PROGRESS_EVERY = 1_000
"""Rows between two updates of the progress line."""

FORMATS = ("table", "csv", "json", "jsonl")
"""The output formats; ``csv`` and ``jsonl`` stream, ``json`` streams its array's items."""

Option = Literal[
    "policy", "input", "encoding", "strict", "as_of", "lang", "format", "bom", "calendar", "jobs"
]
Run: TypeAlias = Callable[[argparse.Namespace], int]

T = TypeVar("T")


class CommandError(CustomerRulesError):
    """Stops a command: printed as ``customer-rules: error: <message>``, exit code 2."""


class Exit(Exception):  # noqa: N818 - a control-flow signal, not an error
    """Stops a command with ``code`` after it printed what it had to say."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


# --------------------------------------------------------------------------- the parser


def build_parser() -> argparse.ArgumentParser:
    """The ``customer-rules`` parser with every chapter command module's subcommands."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Grade customers and manage policies by the company's customer regulations.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands")
    for name in chapter_modules():
        module = importlib.import_module(f"{__package__}.{name}")
        register = getattr(module, "register", None)
        if not callable(register):
            raise TypeError(f"{module.__name__} defines no register(commands) function")
        register(commands)
    commands.metavar = "{" + ",".join(commands.choices) + "}"
    return parser


def chapter_modules() -> list[str]:
    """The names of the chapter command modules: the package's public modules, sorted."""
    package = importlib.import_module(__package__ or "customer_rules.cli")
    return sorted(
        info.name
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    )


def run(argv: Sequence[str] | None) -> int:
    """Parse ``argv`` and run the chosen command, applying the conventions above."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    command: Run | None = getattr(args, "run", None)
    if command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        with _fewer_collections():
            return command(args)
    except CommandError as exc:
        print_error(str(exc))
        return EXIT_USAGE
    except Exit as exc:
        return exc.code
    except BrokenPipeError:  # the reader went away (``customer-rules grade | head``)
        _silence_stdout()
        return EXIT_OK


YOUNG_OBJECTS = 10_000
"""How many new objects the cycle collector lets pile up before it looks at them while a
command runs (Python's default: 700)."""


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """While a command runs, the cycle collector runs after :data:`YOUNG_OBJECTS` new objects
    instead of 700 (the older generations keep their settings); the caller's thresholds come
    back after.

    A command makes and drops millions of short-lived objects — rows, results, reasons — that
    reference counting frees at once; looking for cycles among them every 700 cost about 5 %
    of the ``grade`` command's time (50,000 customers, measured), and the peak memory stays
    the same. Worker processes forked by the command inherit the setting.
    """
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _silence_stdout() -> None:
    """Point stdout at the null device so that the interpreter's final flush does not fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # no real file descriptor (tests, embedded use): nothing will flush to it


def usage(parser: argparse.ArgumentParser) -> Run:
    """A command that prints ``parser``'s help on standard error: exit 2 (``policy`` alone)."""

    def show(_: argparse.Namespace) -> int:
        parser.print_help(sys.stderr)
        return EXIT_USAGE

    return show


def add_options(
    parser: argparse.ArgumentParser, *options: Option, formats: Sequence[str] = FORMATS
) -> None:
    """Add the common options a command takes, in the order given.

    Args:
        parser: the command's parser.
        options: which of the common options to add.
        formats: the choices of ``--format`` (the first is the default).
    """
    for option in options:
        flag, spec = _OPTIONS[option]
        if option == "format":
            spec = {
                "choices": tuple(formats),
                "default": formats[0],
                "help": f"output format (default {formats[0]}); csv and jsonl stream any number"
                " of rows",
            }
        parser.add_argument(flag, **spec)


def iso_date(text: str) -> dt.date:
    """An argparse ``type`` for a day given as ``YYYY-MM-DD``."""
    try:
        return parse_date(text, "--as-of")
    except InputError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


_OPTIONS: dict[Option, tuple[str, dict[str, Any]]] = {
    "policy": (
        "--policy",
        {
            "metavar": "FILE",
            "help": "the company's policy book (.toml or .json), a file of several dated books"
            " ([[book]] tables) or a folder of book files; default: the seed regulations",
        },
    ),
    "input": (
        "--input",
        {
            "metavar": "FILE.csv",
            "help": "the input as CSV ('-' for standard input); default: the shipped sample",
        },
    ),
    "encoding": (
        "--encoding",
        {
            "metavar": "NAME",
            "help": "the input's encoding (e.g. gbk, utf-8); default: UTF-8 with or without a"
            " BOM, else GB18030 (which reads GBK)",
        },
    ),
    "strict": (
        "--strict",
        {
            "action": "store_true",
            "help": "an unknown column in the input is an error (default: a warning)",
        },
    ),
    "as_of": (
        "--as-of",
        {
            "metavar": "DATE",
            "type": iso_date,
            "help": "the day of the decision (YYYY-MM-DD); default: the sample's date, or today",
        },
    ),
    "lang": (
        "--lang",
        {"choices": ("zh", "en"), "default": "zh", "help": "language of the texts (default zh)"},
    ),
    "format": ("--format", {}),  # choices from the command: see add_options
    "bom": (
        "--bom",
        {
            "action": "store_true",
            "help": "start CSV output with a UTF-8 byte-order mark (for Excel)",
        },
    ),
    "jobs": (
        "--jobs",
        {
            "metavar": "N",
            "type": int,
            "default": 0,
            "help": "processes for csv, json and jsonl output over more than 1,000 rows"
            " (default 0: one per core; 1: this process only)",
        },
    ),
    "calendar": (
        "--calendar",
        {
            "choices": ("days", "cn"),
            "default": "days",
            "help": "count deadlines in calendar days (default) or China's working days",
        },
    ),
}
"""The common options: the flag and its argparse settings, declared once."""


# --------------------------------------------------------------------------- what options give


def print_error(message: str) -> None:
    """Print ``customer-rules: error: <message>`` on standard error."""
    print(f"{PROG}: error: {message}", file=sys.stderr)


def load_history(path: str | None) -> PolicyHistory:
    """The policy history of ``--policy``: a file of one book, a file of several books or a
    folder of book files (the seed book alone without one).

    Raises:
        Exit: with code 2, after printing every problem of every book with its location.
    """
    if path is None:
        return _SEED_HISTORY
    try:
        return read_history(path)
    except PolicyError as exc:
        print_problems(exc, path)
        raise Exit(EXIT_USAGE) from None


_SEED_HISTORY = PolicyHistory([PolicyBook()], locations=[""])


def load_book(path: str | None, on: dt.date | None = None) -> PolicyBook:
    """The policy book of ``--policy`` in force on ``on`` (the latest book without a day; the
    seed without ``--policy``).

    Raises:
        Exit: with code 2, after printing every problem of a bad file or folder.
        CommandError: for a day before the first book takes effect.
    """
    history = load_history(path)
    if on is None:
        return history.latest
    return book_in_force(history, on, path)


def book_in_force(history: PolicyHistory, on: dt.date, path: str | None) -> PolicyBook:
    """The book of ``history`` in force on ``on``.

    Raises:
        CommandError: for a day before the first book takes effect, naming the file.
    """
    try:
        return history.in_force(on)
    except InputError as exc:
        first = history.books[0]
        where = f"{path}: " if path else ""
        raise CommandError(
            f"{where}no policy book is in force on {on}: the first"
            f" ({first.version}) takes effect on {first.effective}"
        ) from exc


def print_problems(exc: PolicyError, path: str) -> None:
    """Print each problem of a policy file on its own line, naming the file."""
    for problem in exc.problems:
        text = str(problem)
        # read_book already names the file; a problem without a path names it here
        print(text if text.startswith(path) else f"{path}: {text}", file=sys.stderr)


def load_calendar(
    name: str, policy: PolicyBook | PolicyHistory | None = None, path: str | None = None
) -> Calendar:
    """The calendar of ``--calendar``: calendar days, or China's working days (the package's data)
    extended with the ``[calendar]`` tables of ``policy`` — every book of a history, merged.

    Args:
        name: ``"days"`` or ``"cn"``.
        policy: the book or history whose calendar tables extend the package's data.
        path: the ``--policy`` argument, to name in problems.

    Raises:
        CommandError: if the working-day calendar is not available.
        Exit: with code 2, after printing each year of a table that disagrees with the
            package's data.
    """
    if name == "days":
        return _calendars.CALENDAR_DAYS
    from customer_rules import cn_calendar

    try:
        base = cn_calendar.china_working_days()
    except CustomerRulesError as exc:
        raise CommandError(str(exc)) from None
    if policy is None:
        return base
    try:
        return policy.working_calendar(base)
    except PolicyError as exc:
        if path:
            print_problems(exc, path)
        else:
            for problem in exc.problems:
                print_error(str(problem))
        raise Exit(EXIT_USAGE) from None


def calendar_name(name: str, lang: Lang) -> str:
    """``日历:自然日`` / ``calendar: China working days`` for the title lines."""
    kind = CliText.CALENDAR_CN if name == "cn" else CliText.CALENDAR_DAYS
    return render_message(CliText.CALENDAR, lang, name=render_message(kind, lang))


SampleOption = Literal["--as-of", "--at"]
"""The options that ask for another day than a shipped sample's: a date, or a moment."""

_SAMPLE_SETS: dict[SampleOption, CliText] = {
    "--as-of": CliText.SAMPLE_DATE,
    "--at": CliText.SAMPLE_MOMENT,
}
"""What each option sets, as the sample note names it."""


def title_line(
    lang: Lang,
    heading: str,
    *,
    as_of: dt.date | None = None,
    sample: bool = False,
    option: SampleOption | None = "--as-of",
) -> str:
    """A table's first title line: ``<heading>[ as of <day>][ <sample note>]``, no newline.

    ``客户评级 截至 2026-11-30(样例数据的日期;可用 --as-of 指定)`` /
    ``Customer grades as of 2026-11-30 (the sample's date; use --as-of)``.

    Args:
        lang: the language of the line.
        heading: what the table shows, rendered; it may hold its own days
            (``Lead allocation at 2026-11-30T09:00:00+08:00``).
        as_of: the day the table is as of, shown after the heading.
        sample: the days shown are the shipped sample's, not asked for: add the sample note.
        option: the option that asks for another day, named in the note (``--as-of`` sets a
            date, ``--at`` a moment); ``None``: the note only says the data is the shipped
            sample.
    """
    line = heading
    if as_of is not None:
        line += " " + render_message(CliText.AS_OF, lang, day=as_of)
    if sample and option is None:
        line += render_message(CliText.SAMPLE, lang)
    elif sample and option is not None:
        what = render_message(_SAMPLE_SETS[option], lang)
        line += render_message(CliText.SAMPLE_NOTE, lang, what=what, option=option)
    return line


def policy_line(
    lang: Lang, book: PolicyBook, *, calendar: str | None = None, note: str | None = None
) -> str:
    """A table's title line of the book in force, no newline:
    ``政策版本 seed(2026-01-01 起生效) · 日历:自然日`` /
    ``policy seed (effective 2026-01-01) · calendar: calendar days``.

    Args:
        lang: the language of the line.
        book: the policy book the table was decided with.
        calendar: the ``--calendar`` choice (``days`` or ``cn``), named after `` · ``.
        note: a rendered text after `` · `` (the check point of ``credit check``).
    """
    parts = [render_message(CliText.POLICY, lang, version=book.version, effective=book.effective)]
    if calendar is not None:
        parts.append(calendar_name(calendar, lang))
    if note is not None:
        parts.append(note)
    return " · ".join(parts)


def check_covered(calendar: Calendar, day: dt.date) -> None:
    """Raises :class:`CommandError` if ``calendar`` has no data for ``day``."""
    if not calendar.covers(day):
        years = calendar.covered_years if isinstance(calendar, WorkingDayCalendar) else ()
        raise CommandError(str(CalendarCoverageError(day, years)))


def open_rows(
    args: argparse.Namespace,
    columns: ColumnMap[T],
    sample: Callable[[], str],
) -> RowReader[T]:
    """The rows of ``--input`` (``-``: standard input; none: ``sample()``), with ``--encoding``
    and ``--strict``.

    Raises:
        CommandError: for an unreadable input, an unknown encoding or a header without a
            required column.
    """
    path: str | None = args.input
    strict: bool = getattr(args, "strict", False)
    encoding: str | None = getattr(args, "encoding", None)
    try:
        if path is None:
            return parse_rows(sample(), columns, strict=strict)
        if path == "-":
            stdin: IO[bytes] | TextIO = getattr(sys.stdin, "buffer", sys.stdin)
            return read_rows(stdin, columns, encoding=encoding, strict=strict)
        return read_rows(path, columns, encoding=encoding, strict=strict)
    except InputError as exc:
        lang: Lang = getattr(args, "lang", "zh")
        raise CommandError(input_error(exc, path, lang)) from None


def input_error(exc: InputError, path: str | None, lang: Lang) -> str:
    """One line for an input that cannot be read: where, then every problem."""
    where = render_message(CliText.STDIN, lang) if path in (None, "-") else path
    return f"{where}: " + "; ".join(str(p) for p in exc.problems)


def output(fmt: str) -> TextIO:
    """Standard output for ``fmt``: machine formats (everything but ``table``) are UTF-8
    whatever the terminal's encoding."""
    stream = sys.stdout
    if fmt != "table" and isinstance(stream, io.TextIOWrapper) and not writes_utf8(stream):
        with contextlib.suppress(ValueError, io.UnsupportedOperation):
            stream.reconfigure(encoding="utf-8")
    return stream


# --------------------------------------------------------------------------- progress, problems


class Progress:
    """The progress line on standard error (a terminal only; above :data:`PROGRESS_ABOVE`).

    Args:
        lang: the language of the line.
        streaming: the command writes its output as it reads; then the line is left out when
            standard output is a terminal too (the output itself shows the progress, and the
            two would garble each other).
    """

    def __init__(self, lang: Lang, *, streaming: bool = False) -> None:
        self._lang: Lang = lang
        self._stream: TextIO = sys.stderr
        self._on = _isatty(self._stream) and not (streaming and _isatty(sys.stdout))
        self._shown = 0
        self.count = 0

    def tick(self) -> None:
        """Count one row; update the line every :data:`PROGRESS_EVERY` rows past the start."""
        self.count += 1
        if self._on and self.count > PROGRESS_ABOVE and self.count % PROGRESS_EVERY == 0:
            text = render_message(CliText.PROGRESS, self._lang, count=self.count)
            self._stream.write("\r" + text)
            self._stream.flush()
            self._shown = max(self._shown, _width(text))

    def clear(self) -> None:
        """Erase the line (before another message, and at the end)."""
        if self._shown:
            self._stream.write("\r" + " " * self._shown + "\r")
            self._stream.flush()
            self._shown = 0


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def _width(text: str) -> int:
    from customer_rules.cli._writers import width

    return width(text)


class RowReport:
    """Prints the problems of an input's rows on standard error as they are found, and counts
    them: warnings do not count as rejected.

    Attributes:
        rejected: the problems that rejected a row (or an error of the header).
        warnings: the warnings.
    """

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self.rejected = 0
        self.warnings = 0

    def add(self, problems: Sequence[RowError]) -> None:
        """Print and count ``problems``."""
        if not problems:
            return
        self._progress.clear()
        for problem in problems:
            if problem.warning:
                print(f"warning: {problem}", file=sys.stderr)
                self.warnings += 1
            else:
                print(str(problem), file=sys.stderr)
                self.rejected += 1

    @property
    def exit_code(self) -> int:
        """:data:`EXIT_REJECTED` if anything was rejected, else :data:`EXIT_OK`."""
        return EXIT_REJECTED if self.rejected else EXIT_OK


# --------------------------------------------------------------------------- rows built in workers

_W = TypeVar("_W")


def built_rows(
    rows: RowReader[T], items: Iterable[Unbuilt]
) -> list[tuple[int, str | None, T | None, tuple[RowError, ...]]]:
    """A chunk of rows as read (:meth:`~customer_rules.rows.RowReader.unbuilt`), built where
    the command works on them (a worker, or this process): each row's line, key (``None``
    unless the row was built), facts (``None`` with its problems) and problems. Blank rows
    are left out. The whole chunk is built before any of it is worked on: building and
    grading row by row measured about 3 % slower over 50,000 rows."""
    done: list[tuple[int, str | None, T | None, tuple[RowError, ...]]] = []
    for line, row, problems in items:
        if row is None:
            done.append((line, None, None, problems))
            continue
        made = rows.build(line, row)
        if made is not None:
            built, key = made
            done.append((line, key, built.value, built.problems))
    return done


def good_rows(
    done: Iterable[tuple[int, str | None, tuple[RowError, ...], _W | None]],
    rows: RowReader[Any],
    progress: Progress,
    report: RowReport,
) -> Iterator[_W]:
    """The work on each good row, in input order, each row ticking ``progress``: ``done`` gives
    each row's line, key (``None`` unless it was built), problems and work (``None`` for a row
    refused, whose problems are reported). A built row whose key an earlier built row had is
    reported and left out, whatever its work gave — as reading the rows in one process does.
    The progress line is cleared once every row is through."""
    for line, key, problems, work in done:
        progress.tick()
        if key is not None:
            repeated = rows.repeated(line, key)
            if repeated is not None:
                report.add((repeated,))
                continue
        if work is None:
            report.add(problems)
            continue
        yield work
    progress.clear()
