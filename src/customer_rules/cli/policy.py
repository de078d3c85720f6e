"""``customer-rules policy show|validate|dump``: print, check or write a policy book or history.

``--policy`` (and ``validate``'s argument) is a file of one book, a file of several dated books
(``[[book]]`` tables, a JSON list) or a folder of book files: a policy history. ``show`` and
``dump`` write every book of a history, or with ``--as-of DATE`` the book in force that day.
"""

from __future__ import annotations

import argparse
import sys
import typing

from customer_rules.book import PolicyBook, PolicyHistory
from customer_rules.cli._core import EXIT_OK as _OK
from customer_rules.cli._core import EXIT_USAGE as _USAGE
from customer_rules.cli._core import (
    add_options,
    book_in_force,
    iso_date,
    load_history,
    print_error,
    print_problems,
    usage,
)
from customer_rules.cli._text import CliText
from customer_rules.config import Format, dump_book, dump_history, read_history
from customer_rules.errors import CustomerRulesError, PolicyError
from customer_rules.reasons import Lang, MessageCode, register_codes, render_message

if typing.TYPE_CHECKING:
    from customer_rules.cli._core import Commands

__all__ = ["PolicyText", "register"]


class PolicyText(MessageCode):
    """The texts of ``policy`` about policy histories and calendar tables (the verdicts about
    one book are the core's :class:`~customer_rules.cli._text.CliText`)."""

    VALID_HISTORY = "cli.policy.valid_history"
    BOOK = "cli.policy.book"
    BOOK_SEP = "cli.policy.book_sep"
    CALENDAR_YEARS = "cli.policy.calendar_years"
    WRITTEN_HISTORY = "cli.policy.written_history"


register_codes(
    PolicyText,
    {
        PolicyText.VALID_HISTORY: (
            "{path}:有效({count} 本政策书:{books})",
            "{path}: valid ({count} books: {books})",
        ),
        PolicyText.BOOK: (
            "版本 {version},{effective} 起生效",
            "version {version} from {effective}",
        ),
        PolicyText.BOOK_SEP: (";", "; "),
        PolicyText.CALENDAR_YEARS: (
            "{path}:自带日历数据({years} 年)",
            "{path}: calendar tables for {years}",
        ),
        PolicyText.WRITTEN_HISTORY: (
            "{path}:已写入({format},{count} 本政策书)",
            "{path}: written ({format}, {count} books)",
        ),
    },
)


def register(commands: Commands) -> None:
    """Add ``policy`` and its actions ``show``, ``validate`` and ``dump``."""
    policy = commands.add_parser(
        "policy",
        help="print, check or write a policy book or history",
        description="Print, check or write a policy book, or a history of dated books.",
    )
    actions = policy.add_subparsers(title="actions", metavar="{show,validate,dump}")
    show = actions.add_parser("show", help="print the effective policy book(s) as TOML")
    add_options(show, "policy")
    _add_as_of(show)
    show.set_defaults(run=_show)
    validate = actions.add_parser(
        "validate", help="check a policy file or folder and list every problem"
    )
    validate.add_argument(
        "file",
        metavar="FILE",
        help="the policy book (.toml or .json), a file of several books or a folder of books",
    )
    add_options(validate, "lang")
    validate.set_defaults(run=_validate)
    dump = actions.add_parser("dump", help="write the effective policy book(s)")
    add_options(dump, "policy")
    _add_as_of(dump)
    dump.add_argument(
        "--format",
        choices=("toml", "json"),
        help="default: from the --output file's extension, else toml",
    )
    dump.add_argument("--output", metavar="FILE", help="default: standard output")
    add_options(dump, "lang")
    dump.set_defaults(run=_dump)
    policy.set_defaults(run=usage(policy))


def _add_as_of(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        type=iso_date,
        help="only the book in force on DATE (YYYY-MM-DD); default: every book of a history",
    )


def _chosen(args: argparse.Namespace) -> PolicyBook | PolicyHistory:
    """The history of ``--policy``, or its book in force on ``--as-of``."""
    history = load_history(args.policy)
    if args.as_of is None:
        return history
    return book_in_force(history, args.as_of, args.policy)


def _text(chosen: PolicyBook | PolicyHistory, format: Format) -> str:
    if isinstance(chosen, PolicyBook):
        return dump_book(chosen, format)
    return dump_history(chosen, format)


def _show(args: argparse.Namespace) -> int:
    sys.stdout.write(_text(_chosen(args), "toml"))
    return _OK


def _validate(args: argparse.Namespace) -> int:
    path: str = args.file
    lang: Lang = args.lang
    try:
        history = read_history(path)
        _check_calendar(history)
    except PolicyError as exc:
        print_problems(exc, path)
        count = len(exc.problems)
        code = CliText.INVALID_ONE if count == 1 else CliText.INVALID_MANY
        print(render_message(code, lang, path=path, count=count), file=sys.stderr)
        return _USAGE
    books = history.books
    if len(books) == 1:
        book = books[0]
        print(
            render_message(
                CliText.VALID, lang, path=path, version=book.version, effective=book.effective
            )
        )
    else:
        sep = render_message(PolicyText.BOOK_SEP, lang)
        listed = sep.join(
            render_message(PolicyText.BOOK, lang, version=b.version, effective=b.effective)
            for b in books
        )
        print(
            render_message(
                PolicyText.VALID_HISTORY, lang, path=path, count=len(books), books=listed
            )
        )
    years = sorted(history.calendar.covered_years)
    if years:
        shown = ", ".join(str(y) for y in years)
        print(render_message(PolicyText.CALENDAR_YEARS, lang, path=path, years=shown))
    return _OK


def _check_calendar(history: PolicyHistory) -> None:
    """The books' calendar tables against the holiday package's data, when it is installed.

    Raises:
        PolicyError: for each year of a table that disagrees with the package.
    """
    if not history.calendar.years:
        return
    from customer_rules import cn_calendar

    try:
        base = cn_calendar.china_working_days()
    except CustomerRulesError:  # pragma: no cover - exercised only without the extra
        return
    history.working_calendar(base)


def _dump(args: argparse.Namespace) -> int:
    chosen = _chosen(args)
    lang: Lang = args.lang
    output: str | None = args.output
    format: Format
    if args.format is not None:
        format = "json" if args.format == "json" else "toml"
    else:
        format = "json" if output is not None and output.lower().endswith(".json") else "toml"
    text = _text(chosen, format)
    if output is None:
        sys.stdout.write(text)
        return _OK
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        print_error(render_message(CliText.CANNOT_WRITE, lang, path=output, reason=exc.strerror))
        return _USAGE
    if isinstance(chosen, PolicyHistory) and len(chosen.books) > 1:
        written = render_message(
            PolicyText.WRITTEN_HISTORY, lang, path=output, format=format, count=len(chosen.books)
        )
    else:
        book = chosen if isinstance(chosen, PolicyBook) else chosen.books[0]
        written = render_message(
            CliText.WRITTEN, lang, path=output, format=format, version=book.version
        )
    print(written, file=sys.stderr)
    return _OK
