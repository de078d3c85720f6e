"""The command line: ``customer-rules grade`` and ``customer-rules policy show|validate|dump``.

The edge of the library: it reads files and the clock, parses arguments, calls
:func:`~customer_rules.grading.grade_customer` for each customer and renders the results. It
decides nothing itself. See ``docs/cli.md`` for the commands and the CSV columns.

Exit codes: 0 — everything was graded (a customer not yet eligible is still a graded row);
1 — some rows of the input were rejected (the rest are still printed); 2 — a usage error, an
unreadable file, a bad policy file, or a date outside the working-day calendar.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

from customer_rules import __version__, _portfolio
from customer_rules import calendars as _calendars
from customer_rules import cn_calendar as _cn_calendar
from customer_rules._portfolio import (
    Portfolio,
    RowError,
    parse_portfolio,
    read_portfolio,
    sample_portfolio,
)
from customer_rules.calendars import Calendar, WorkingDayCalendar
from customer_rules.config import Format, PolicyBook, dump_book, read_book
from customer_rules.dates import parse_date
from customer_rules.errors import CalendarCoverageError, CustomerRulesError, InputError, PolicyError
from customer_rules.grading import (
    CustomerGrade,
    Grade,
    Indicator,
    grade_customer,
)
from customer_rules.reasons import Lang, Reason, render_reason

__all__ = ["CSV_COLUMNS", "main"]

_PROG = "customer-rules"
_EXIT_OK, _EXIT_REJECTED, _EXIT_USAGE = 0, 1, 2

_OutputFormat = Literal["table", "csv", "json"]


_TEXT: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "title": "客户评级",
        "as_of": "截至 {day}",
        "sample": "(样例数据的日期;可用 --as-of 指定)",
        "policy": "政策版本 {version}({effective} 起生效)",
        "calendar.days": "自然日",
        "calendar.cn": "中国法定工作日",
        "calendar": "日历:{name}",
        "customer": "客户",
        "category": "类别",
        "points": "得分",
        "total": "合计",
        "grade": "等级",
        "tier": "待遇(优先级/价格)",
        "revisit": "下次回访",
        "report": "下次报告",
        "overdue": "逾期",
        "legend": "得分依次为:{indicators}(G2);待遇为发货优先级与价格(G4);报告为书面报告截止日(G5)",
        "summary": "共 {count} 户:{grades},未评级 {ungraded}",
        "rejected": ";另有 {count} 处输入问题未能评级(见标准错误输出)",
        "sep": "、",
    },
    "en": {
        "title": "Customer grades",
        "as_of": "as of {day}",
        "sample": " (the sample's date; use --as-of)",
        "policy": "policy {version} (effective {effective})",
        "calendar.days": "calendar days",
        "calendar.cn": "China working days",
        "calendar": "calendar: {name}",
        "customer": "customer",
        "category": "category",
        "points": "points",
        "total": "total",
        "grade": "grade",
        "tier": "tier (priority, price)",
        "revisit": "next revisit",
        "report": "next report",
        "overdue": "overdue",
        "legend": "points: {indicators} (G2); tier: delivery priority and price (G4);"
        " report: the written report's due date (G5)",
        "summary": "{count} customers: {grades}; not graded {ungraded}",
        "rejected": "; {count} input problem(s), see stderr",
        "sep": ", ",
    },
}

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "category",
    "points_contract",
    "points_receivables",
    "points_premium",
    "points_influence",
    "total",
    "grade",
    "tier_priority",
    "tier_price",
    "next_revisit",
    "next_report_due",
    "policy_version",
    "reasons",
)
"""The columns of ``grade --format csv``, in order (``reasons`` joins the shown reasons with
`` | ``)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: the arguments without the program name; ``None`` reads ``sys.argv``.

    Returns:
        The exit code: 0 success, 1 some input rows rejected, 2 usage or configuration error.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else _EXIT_USAGE
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return _EXIT_USAGE
    try:
        return run(args)
    except BrokenPipeError:  # the reader went away (``customer-rules grade | head``)
        _silence_stdout()
        return _EXIT_REJECTED


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # pragma: no cover - no real stdout
        pass


# --------------------------------------------------------------------------- arguments


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Grade customers and manage policies by the company's customer regulations.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="{grade,policy}")

    policy_option = argparse.ArgumentParser(add_help=False)
    policy_option.add_argument(
        "--policy",
        metavar="FILE",
        help="the company's policy book (.toml or .json); default: the seed regulations",
    )

    grade = commands.add_parser(
        "grade",
        parents=[policy_option],
        help="grade a portfolio of customers (the shipped sample by default)",
        description="Grade customers (G2–G6) and print their grades, tiers and reasons.",
    )
    grade.add_argument(
        "--input",
        metavar="FILE.csv",
        help="your portfolio as CSV ('-' for standard input); default: the shipped sample",
    )
    grade.add_argument(
        "--as-of",
        metavar="DATE",
        type=_iso_date,
        help="the day of the grading (YYYY-MM-DD); default: the sample's date, or today",
    )
    grade.add_argument("--lang", choices=("zh", "en"), default="zh", help="language (default zh)")
    grade.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="output format"
    )
    grade.add_argument(
        "--calendar",
        choices=("days", "cn"),
        default="days",
        help="count deadlines in calendar days (default) or China's working days",
    )
    grade.set_defaults(run=_grade)

    policy = commands.add_parser(
        "policy",
        help="print, check or write a policy book",
        description="Print, check or write a policy book.",
    )
    actions = policy.add_subparsers(title="actions", metavar="{show,validate,dump}")
    show = actions.add_parser(
        "show", parents=[policy_option], help="print the effective policy book as TOML"
    )
    show.set_defaults(run=_policy_show)
    validate = actions.add_parser("validate", help="check a policy file and list every problem")
    validate.add_argument("file", metavar="FILE", help="the policy book (.toml or .json)")
    validate.set_defaults(run=_policy_validate)
    dump = actions.add_parser(
        "dump", parents=[policy_option], help="write the effective policy book"
    )
    dump.add_argument(
        "--format",
        choices=("toml", "json"),
        help="default: from the --output file's extension, else toml",
    )
    dump.add_argument("--output", metavar="FILE", help="default: standard output")
    dump.set_defaults(run=_policy_dump)
    policy.set_defaults(run=lambda _: _usage(policy))
    return parser


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return _EXIT_USAGE


def _iso_date(text: str) -> dt.date:
    try:
        return parse_date(text, "--as-of")
    except InputError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _error(message: str) -> None:
    print(f"{_PROG}: error: {message}", file=sys.stderr)


def _load_book(path: str | None) -> PolicyBook | None:
    """The policy book of ``path`` (the seed without one); ``None`` after printing its problems."""
    if path is None:
        return PolicyBook()
    try:
        return read_book(path)
    except PolicyError as exc:
        _print_problems(exc, path)
        return None


def _print_problems(exc: PolicyError, path: str) -> None:
    for problem in exc.problems:
        text = str(problem)
        # read_book already names the file; a problem without a path names it here
        print(text if text.startswith(path) else f"{path}: {text}", file=sys.stderr)


# --------------------------------------------------------------------------- policy commands


def _policy_show(args: argparse.Namespace) -> int:
    book = _load_book(args.policy)
    if book is None:
        return _EXIT_USAGE
    sys.stdout.write(dump_book(book, "toml"))
    return _EXIT_OK


def _policy_validate(args: argparse.Namespace) -> int:
    path: str = args.file
    try:
        book = read_book(path)
    except PolicyError as exc:
        _print_problems(exc, path)
        count = len(exc.problems)
        print(f"{path}: invalid ({count} problem{'s' if count != 1 else ''})", file=sys.stderr)
        return _EXIT_USAGE
    print(f"{path}: valid (version {book.version}, effective {book.effective.isoformat()})")
    return _EXIT_OK


def _policy_dump(args: argparse.Namespace) -> int:
    book = _load_book(args.policy)
    if book is None:
        return _EXIT_USAGE
    output: str | None = args.output
    chosen: Format
    if args.format is not None:
        chosen = "json" if args.format == "json" else "toml"
    else:
        chosen = "json" if output is not None and output.lower().endswith(".json") else "toml"
    text = dump_book(book, chosen)
    if output is None:
        sys.stdout.write(text)
        return _EXIT_OK
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        _error(f"{output}: cannot write the file: {exc.strerror}")
        return _EXIT_USAGE
    print(f"{output}: written ({chosen}, version {book.version})", file=sys.stderr)
    return _EXIT_OK


# --------------------------------------------------------------------------- grade


def _grade(args: argparse.Namespace) -> int:
    book = _load_book(args.policy)
    if book is None:
        return _EXIT_USAGE
    calendar = _calendar(args.calendar)
    if calendar is None:
        return _EXIT_USAGE
    portfolio = _read_input(args.input)
    if portfolio is None:
        return _EXIT_USAGE
    sample = args.input is None
    as_of: dt.date = args.as_of or (_portfolio.SAMPLE_AS_OF if sample else dt.date.today())
    if not calendar.covers(as_of):
        years = calendar.covered_years if isinstance(calendar, WorkingDayCalendar) else ()
        _error(str(CalendarCoverageError(as_of, years)))
        return _EXIT_USAGE
    errors = list(portfolio.errors)
    graded: list[CustomerGrade] = []
    for customer in portfolio.customers:
        try:
            graded.append(grade_customer(customer, book.grading, on=as_of, calendar=calendar))
        except CalendarCoverageError as exc:
            _error(str(exc))
            return _EXIT_USAGE
        except InputError as exc:
            line = portfolio.lines.get(customer.id, 0)
            errors.append(RowError(line, exc.field, f"expected {exc.expected}, got {exc.given!r}"))
    errors.sort(key=lambda e: e.line)
    lang: Lang = "en" if args.lang == "en" else "zh"
    fmt: _OutputFormat = args.format
    if fmt == "csv":
        sys.stdout.write(_render_csv(graded, lang))
    elif fmt == "json":
        sys.stdout.write(_render_json(graded, lang))
    else:
        title = _title(
            lang, as_of, sample=sample and args.as_of is None, book=book, cal=args.calendar
        )
        sys.stdout.write(_render_table(graded, lang, title, rejected=len(errors)))
    for error in errors:
        print(str(error), file=sys.stderr)
    return _EXIT_REJECTED if errors else _EXIT_OK


def _calendar(name: str) -> Calendar | None:
    if name == "days":
        return _calendars.CALENDAR_DAYS
    try:
        return _cn_calendar.china_working_days()
    except CustomerRulesError as exc:
        _error(str(exc))
        return None


def _read_input(path: str | None) -> Portfolio | None:
    try:
        if path is None:
            return sample_portfolio()
        if path == "-":
            return parse_portfolio(sys.stdin.read())
        return read_portfolio(path)
    except InputError as exc:
        where = "standard input" if path == "-" else path
        _error(f"{where}: {exc.field}: expected {exc.expected}")
        return None


# --------------------------------------------------------------------------- what is shown


def _shown(result: CustomerGrade) -> tuple[Reason, ...]:
    """The reasons printed under a customer: what decided the grade first, then the notes."""
    return (*result.deciding, *result.notes)


def _record(result: CustomerGrade, lang: Lang) -> dict[str, object]:
    """The machine-friendly fields of one graded customer (CSV columns and JSON keys)."""
    customer, sc, tier, report = result.customer, result.scorecard, result.tier, result.report
    points: Sequence[int | None] = sc.points if sc is not None else (None,) * 4
    row = tier.tier if tier is not None else None
    return {
        "id": customer.id,
        "name": customer.name,
        "category": result.category.category.value,
        "points_contract": points[0],
        "points_receivables": points[1],
        "points_premium": points[2],
        "points_influence": points[3],
        "total": sc.total if sc is not None else None,
        "grade": result.grade.value if result.grade is not None else None,
        "tier_priority": row.priority if row is not None else None,
        "tier_price": row.price.value if row is not None else None,
        "next_revisit": _iso(tier.next_revisit if tier is not None else None),
        "next_report_due": _iso(report.next_due if report is not None else None),
        "policy_version": result.policy_version,
        "reasons": [render_reason(r, lang) for r in _shown(result)],
    }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _render_csv(results: Sequence[CustomerGrade], lang: Lang) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        record = _record(result, lang)
        reasons = record["reasons"]
        record["reasons"] = " | ".join(reasons) if isinstance(reasons, list) else ""
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
    return out.getvalue()


def _render_json(results: Sequence[CustomerGrade], lang: Lang) -> str:
    items = []
    for result in results:
        record = _record(result, lang)
        record["deciding"] = record.pop("reasons")
        tier = result.tier
        record["revisit_overdue"] = tier.overdue if tier is not None else None
        change = result.change
        record["change"] = (
            None
            if change is None
            else {
                "previous": change.previous.value if change.previous is not None else None,
                "current": change.current.value,
                "change": change.change.value,
                "effective": change.effective,
            }
        )
        record["reasons"] = [
            {"rule": r.rule, "code": r.code, "text": render_reason(r, lang)} for r in result.reasons
        ]
        record["what_if"] = _what_if(result, lang)
        items.append(record)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _what_if(result: CustomerGrade, lang: Lang) -> dict[str, object] | None:
    if result.scorecard is None:
        return None
    what_if = result.scorecard.what_if
    texts = [render_reason(r, lang) for r in what_if.reasons]
    return {
        "next_grade": what_if.next_grade.value if what_if.next_grade is not None else None,
        "points_short": what_if.points_short,
        "text": texts[0],
        "levers": [
            {
                "indicator": lever.indicator.value,
                "gain": lever.gain,
                "target": str(lever.target) if lever.target is not None else None,
                "closes_gap": lever.closes_gap,
                "text": text,
            }
            for lever, text in zip(what_if.levers, texts[1:], strict=True)
        ],
    }


# --------------------------------------------------------------------------- the table


def _title(lang: Lang, as_of: dt.date, *, sample: bool, book: PolicyBook, cal: str) -> str:
    t = _TEXT[lang]
    when = t["as_of"].format(day=as_of.isoformat()) + (t["sample"] if sample else "")
    policy = t["policy"].format(version=book.version, effective=book.effective.isoformat())
    calendar = t["calendar"].format(name=t[f"calendar.{cal}"])
    indicators = t["sep"].join(getattr(i, lang) for i in Indicator)
    legend = t["legend"].format(indicators=indicators)
    return f"{t['title']} {when}\n{policy} · {calendar}\n{legend}\n"


def _cells(result: CustomerGrade, lang: Lang) -> list[str]:
    t = _TEXT[lang]
    customer, sc, tier, report = result.customer, result.scorecard, result.tier, result.report
    category = result.category.category
    row = tier.tier if tier is not None else None
    if row is None:
        tier_text = "—"
    else:
        price = getattr(row.price, lang)
        tier_text = f"{row.priority}/{price}" if row.priority is not None else price
    revisit = "—"
    if tier is not None and tier.next_revisit is not None:
        revisit = tier.next_revisit.isoformat()
        if tier.overdue:
            revisit += f" {t['overdue']}"
    return [
        f"{customer.id} {customer.name}".strip(),
        category.zh if lang == "zh" else category.value,
        " ".join(str(p) for p in sc.points) if sc is not None else "— — — —",
        str(sc.total) if sc is not None else "—",
        result.grade.value if result.grade is not None else "—",
        tier_text,
        revisit,
        report.next_due.isoformat() if report is not None else "—",
    ]


def _render_table(
    results: Sequence[CustomerGrade], lang: Lang, title: str, *, rejected: int
) -> str:
    t = _TEXT[lang]
    header = [t[k] for k in ("customer", "category", "points", "total", "grade", "tier")]
    header += [t["revisit"], t["report"]]
    rows = [_cells(r, lang) for r in results]
    widths = [max(_width(cells[i]) for cells in [header, *rows]) for i in range(len(header))]
    out = io.StringIO()
    out.write(title + "\n")
    out.write(_line(header, widths) + "\n")
    out.write(_line(["─" * w for w in widths], widths) + "\n")
    for result, cells in zip(results, rows, strict=True):
        out.write(_line(cells, widths) + "\n")
        for reason in _shown(result):
            out.write(f"    {render_reason(reason, lang)}\n")
    out.write("\n" + _summary(results, lang, rejected) + "\n")
    return out.getvalue()


def _summary(results: Sequence[CustomerGrade], lang: Lang, rejected: int) -> str:
    t = _TEXT[lang]
    counts = Counter(r.grade for r in results)
    grades = t["sep"].join(f"{g.value} {counts.get(g, 0)}" for g in Grade)
    text = t["summary"].format(count=len(results), grades=grades, ungraded=counts.get(None, 0))
    if rejected:
        text += t["rejected"].format(count=rejected)
    return text


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(_pad(c, w) for c, w in zip(cells, widths, strict=True)).rstrip()


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _width(text: str) -> int:
    """Display width in a terminal: wide and full-width characters take two columns."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )
