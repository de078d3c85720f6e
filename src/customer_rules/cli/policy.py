"""``customer-rules policy show|validate|dump``: print, check or write a policy book."""

from __future__ import annotations

import argparse
import sys
import typing

from customer_rules.cli._core import EXIT_OK as _OK
from customer_rules.cli._core import EXIT_USAGE as _USAGE
from customer_rules.cli._core import (
    add_options,
    load_book,
    print_error,
    print_problems,
    usage,
)
from customer_rules.cli._text import CliText
from customer_rules.config import Format, dump_book, read_book
from customer_rules.errors import PolicyError
from customer_rules.reasons import Lang, render_message

if typing.TYPE_CHECKING:
    from customer_rules.cli._core import Commands

__all__ = ["register"]


def register(commands: Commands) -> None:
    """Add ``policy`` and its actions ``show``, ``validate`` and ``dump``."""
    policy = commands.add_parser(
        "policy",
        help="print, check or write a policy book",
        description="Print, check or write a policy book.",
    )
    actions = policy.add_subparsers(title="actions", metavar="{show,validate,dump}")
    show = actions.add_parser("show", help="print the effective policy book as TOML")
    add_options(show, "policy")
    show.set_defaults(run=_show)
    validate = actions.add_parser("validate", help="check a policy file and list every problem")
    validate.add_argument("file", metavar="FILE", help="the policy book (.toml or .json)")
    add_options(validate, "lang")
    validate.set_defaults(run=_validate)
    dump = actions.add_parser("dump", help="write the effective policy book")
    add_options(dump, "policy")
    dump.add_argument(
        "--format",
        choices=("toml", "json"),
        help="default: from the --output file's extension, else toml",
    )
    dump.add_argument("--output", metavar="FILE", help="default: standard output")
    add_options(dump, "lang")
    dump.set_defaults(run=_dump)
    policy.set_defaults(run=usage(policy))


def _show(args: argparse.Namespace) -> int:
    book = load_book(args.policy)
    sys.stdout.write(dump_book(book, "toml"))
    return _OK


def _validate(args: argparse.Namespace) -> int:
    path: str = args.file
    lang: Lang = args.lang
    try:
        book = read_book(path)
    except PolicyError as exc:
        print_problems(exc, path)
        count = len(exc.problems)
        code = CliText.INVALID_ONE if count == 1 else CliText.INVALID_MANY
        print(render_message(code, lang, path=path, count=count), file=sys.stderr)
        return _USAGE
    valid = render_message(
        CliText.VALID, lang, path=path, version=book.version, effective=book.effective
    )
    print(valid)
    return _OK


def _dump(args: argparse.Namespace) -> int:
    book = load_book(args.policy)
    lang: Lang = args.lang
    output: str | None = args.output
    chosen: Format
    if args.format is not None:
        chosen = "json" if args.format == "json" else "toml"
    else:
        chosen = "json" if output is not None and output.lower().endswith(".json") else "toml"
    text = dump_book(book, chosen)
    if output is None:
        sys.stdout.write(text)
        return _OK
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        print_error(render_message(CliText.CANNOT_WRITE, lang, path=output, reason=exc.strerror))
        return _USAGE
    written = render_message(
        CliText.WRITTEN, lang, path=output, format=chosen, version=book.version
    )
    print(written, file=sys.stderr)
    return _OK
