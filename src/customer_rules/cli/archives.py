"""``customer-rules archives report|overdue|cedar``: the archives chapter (R1–R12) on the command
line.

* ``archives report --loans loans.csv --as-of DATE`` (R3–R5): the monthly report to the general
  manager — every original and copy lent and not returned on the day, each once, with where it
  is and the day it was due back — and the overdue list. Without ``--loans``: the shipped sample
  as of its own day.
* ``archives overdue --files files.csv --as-of DATE`` (R1): the files received but not formal
  within their deadline (due on receipt of the completion documents + 5 days).
* ``archives cedar`` (R9, R11): the access rules of the policy in force as Cedar policy text.

A rejected row is reported on standard error with its line as it is met, and the rest are
processed (exit code 1). A loan's ``state`` may be given by its name (``out``) or its label
(``借出``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import typing
from collections.abc import Iterator

import attrs

from customer_rules._archives.columns import FILE_COLUMNS as _FILES
from customer_rules._archives.columns import LOAN_COLUMNS as _LOANS
from customer_rules._archives.columns import SAMPLE_AS_OF as _SAMPLE_AS_OF
from customer_rules._archives.columns import sample_files_text as _sample_files
from customer_rules._archives.columns import sample_loans_text as _sample_loans
from customer_rules.archives import (
    CustomerFile,
    FormalisationStatus,
    Loan,
    LoanItem,
    ReportLine,
    cedar_policies,
    monthly_report,
    overdue_files,
)
from customer_rules.book import PolicyBook
from customer_rules.cli._core import (
    CommandError,
    Progress,
    RowReport,
    add_options,
    book_in_force,
    check_covered,
    input_error,
    load_calendar,
    load_history,
    open_rows,
    output,
    policy_line,
    title_line,
    usage,
)
from customer_rules.cli._text import CliText
from customer_rules.cli._writers import Column, write_records, write_table
from customer_rules.errors import CalendarCoverageError, InputError
from customer_rules.reasons import Lang, MessageCode, register_codes, render_message, render_reason
from customer_rules.rows import RowError, RowReader
from customer_rules.workflow import WorkflowTable

if typing.TYPE_CHECKING:
    from customer_rules.cli._core import Commands

    Actions: typing.TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = ["FILES_CSV_COLUMNS", "REPORT_CSV_COLUMNS", "ArchivesText", "register"]


class ArchivesText(MessageCode):
    """The texts of the ``archives`` commands (titles, column headers, summaries)."""

    REPORT_TITLE = "cli.archives.report.title"
    OVERDUE_TITLE = "cli.archives.overdue.title"
    COL_LOAN = "cli.archives.col.loan"
    COL_FILE = "cli.archives.col.file"
    COL_ITEM = "cli.archives.col.item"
    COL_WHERE = "cli.archives.col.where"
    COL_LENT = "cli.archives.col.lent"
    COL_DUE = "cli.archives.col.due"
    COL_LATE = "cli.archives.col.late"
    COL_CUSTOMER = "cli.archives.col.customer"
    COL_OWNER = "cli.archives.col.owner"
    COL_RECEIVED = "cli.archives.col.received"
    COL_FORMAL_DUE = "cli.archives.col.formal_due"
    OVERDUE_LIST = "cli.archives.overdue_list"
    NONE_OVERDUE = "cli.archives.none_overdue"
    NONE_OUT = "cli.archives.none_out"
    REJECTED = "cli.archives.rejected"


register_codes(
    ArchivesText,
    {
        ArchivesText.REPORT_TITLE: (
            "客户档案借出未归还月报(R5)",
            "Archive loans out and unreturned (R5)",
        ),
        ArchivesText.OVERDUE_TITLE: (
            "超过正式归档期限的档案(R1)",
            "Files past their formalisation deadline (R1)",
        ),
        ArchivesText.COL_LOAN: ("借阅编号", "loan"),
        ArchivesText.COL_FILE: ("档案", "file"),
        ArchivesText.COL_ITEM: ("类型", "item"),
        ArchivesText.COL_WHERE: ("去向", "where"),
        ArchivesText.COL_LENT: ("借出日期", "lent"),
        ArchivesText.COL_DUE: ("应还日期", "due back"),
        ArchivesText.COL_LATE: ("逾期天数", "days late"),
        ArchivesText.COL_CUSTOMER: ("客户", "customer"),
        ArchivesText.COL_OWNER: ("负责人", "owner"),
        ArchivesText.COL_RECEIVED: ("收到竣工文档", "received"),
        ArchivesText.COL_FORMAL_DUE: ("应正式归档", "formal by"),
        ArchivesText.OVERDUE_LIST: ("逾期未还(R3、R4):", "Overdue (R3, R4):"),
        ArchivesText.NONE_OVERDUE: ("无逾期未还", "nothing overdue"),
        ArchivesText.NONE_OUT: ("无借出未归还", "nothing is out"),
        ArchivesText.REJECTED: (
            "另有 {count} 处输入问题未能处理(见标准错误输出)",
            "{count} input problem(s), see stderr",
        ),
    },
)


def register(commands: Commands) -> None:
    """Add ``archives`` and its actions ``report``, ``overdue`` and ``cedar``."""
    archives = commands.add_parser(
        "archives",
        help="customer archives: the monthly loan report, files past their deadline, Cedar",
        description="The archives chapter (R1–R12): the monthly report of loans out (R5), the"
        " files past their formalisation deadline (R1), the access rules as Cedar (R9, R11).",
    )
    actions = archives.add_subparsers(title="actions")
    _register_report(actions)
    _register_overdue(actions)
    _register_cedar(actions)
    actions.metavar = "{" + ",".join(sorted(actions.choices)) + "}"
    archives.set_defaults(run=usage(archives))


def _input(parser: argparse.ArgumentParser, flag: str, what: str) -> None:
    parser.add_argument(
        flag,
        "--input",
        dest="input",
        metavar="FILE.csv",
        help=f"the {what} as CSV ('-' for standard input); default: the shipped sample",
    )


def _register_report(actions: Actions) -> None:
    report = actions.add_parser(
        "report",
        help="the monthly report of originals and copies out, and the overdue list",
        description="Every original and copy lent and not returned on a day, each once, with"
        " where it is and when it was due back (R3–R5), and those overdue. Without --loans:"
        f" the shipped sample as of {_SAMPLE_AS_OF}.",
    )
    _input(report, "--loans", "loans register")
    add_options(
        report, "policy", "as_of", "lang", "format", "calendar", "encoding", "strict", "bom"
    )
    report.set_defaults(run=_run_report)


def _register_overdue(actions: Actions) -> None:
    overdue = actions.add_parser(
        "overdue",
        help="files past their formalisation deadline (receipt + 5 days)",
        description="The files whose completion documents were received but which are not"
        " formal within the deadline (R1). Without --files: the shipped sample as of"
        f" {_SAMPLE_AS_OF}.",
    )
    _input(overdue, "--files", "file list")
    add_options(
        overdue, "policy", "as_of", "lang", "format", "calendar", "encoding", "strict", "bom"
    )
    overdue.set_defaults(run=_run_overdue)


def _register_cedar(actions: Actions) -> None:
    cedar = actions.add_parser(
        "cedar",
        help="the access rules (R9, R11) as Cedar policy text",
        description="Write the access rules of the policy in force as Cedar policies, for hosts"
        " that authorise with Cedar (see docs/archives.md for the request shape).",
    )
    add_options(cedar, "policy", "as_of")
    cedar.add_argument(
        "--slots",
        type=int,
        default=4,
        metavar="N",
        help="approvals and consents a request may carry (1-16, default 4)",
    )
    cedar.set_defaults(run=_run_cedar)


# --------------------------------------------------------------------------- shared


def _setup(args: argparse.Namespace) -> tuple[Lang, str, bool, dt.date, PolicyBook]:
    lang: Lang = args.lang
    fmt: str = args.format
    if args.bom and fmt != "csv":
        raise CommandError(render_message(CliText.BOM_CSV_ONLY, lang))
    history = load_history(args.policy)
    sample = args.input is None
    as_of: dt.date = args.as_of or (_SAMPLE_AS_OF if sample else dt.date.today())
    book = book_in_force(history, as_of, args.policy)
    return lang, fmt, sample, as_of, book


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


# --------------------------------------------------------------------------- report


def _state_names(table: WorkflowTable) -> dict[str, str]:
    """A loan state by its name or either label → its name."""
    names: dict[str, str] = {}
    for state in table.states:
        names[state.name] = state.name
        names.setdefault(state.zh, state.name)
        names.setdefault(state.en, state.name)
    return names


def _loans(
    rows: RowReader[Loan], book: PolicyBook, report: RowReport, progress: Progress
) -> Iterator[Loan]:
    """The good loans, their state given by name or label read as its name; every other row
    reported."""
    states = {
        LoanItem.ORIGINAL: _state_names(book.archives.loans.originals),
        LoanItem.COPY: _state_names(book.archives.loans.copies),
    }
    for row in rows:
        progress.tick()
        loan = row.value
        if loan is None:
            report.add(row.problems)
            continue
        known = states[loan.item]
        name = known.get(loan.state.strip())
        if name is None:
            table = (
                book.archives.loans.originals
                if loan.item is LoanItem.ORIGINAL
                else (book.archives.loans.copies)
            )
            wanted = ", ".join(s.name for s in table.states)
            report.add(
                [
                    RowError(
                        row.line,
                        "state",
                        f"expected a state of {table.name}: {wanted}, got {loan.state!r}",
                    )
                ]
            )
            continue
        yield loan if name == loan.state else attrs.evolve(loan, state=name)
    progress.clear()


def _item(line: ReportLine, lang: Lang) -> str:
    return line.loan.item.zh if lang == "zh" else line.loan.item.value


_REPORT_DATA: tuple[Column[ReportLine], ...] = (
    Column("loan", lambda r, _: r.loan.id),
    Column("file", lambda r, _: r.loan.file),
    Column("item", lambda r, _: r.loan.item.value),
    Column("borrower", lambda r, _: r.loan.borrower),
    Column("where", lambda r, _: r.where),
    Column("lent_on", lambda r, _: r.loan.lent_on.isoformat()),
    Column("state", lambda r, _: r.loan.state),
    Column("due", lambda r, _: r.due.isoformat()),
    Column("overdue", lambda r, _: r.overdue),
    Column("days_late", lambda r, _: r.days_late),
    Column("outside", lambda r, _: r.loan.outside),
    Column("registration", lambda r, _: r.loan.registration),
)

REPORT_CSV_COLUMNS: tuple[str, ...] = tuple(c.name for c in _REPORT_DATA)
"""The columns of ``archives report --format csv|json|jsonl``, in order: one record per loan out
and unreturned."""

_REPORT_TABLE: tuple[Column[ReportLine], ...] = (
    Column("loan", lambda r, _: r.loan.id, ArchivesText.COL_LOAN),
    Column("file", lambda r, _: r.loan.file, ArchivesText.COL_FILE),
    Column("item", _item, ArchivesText.COL_ITEM),
    Column("where", lambda r, _: r.where, ArchivesText.COL_WHERE),
    Column("lent_on", lambda r, _: r.loan.lent_on.isoformat(), ArchivesText.COL_LENT),
    Column("due", lambda r, _: r.due.isoformat(), ArchivesText.COL_DUE),
    Column("days_late", lambda r, _: r.days_late or None, ArchivesText.COL_LATE),
)


def _run_report(args: argparse.Namespace) -> int:
    lang, fmt, sample, as_of, book = _setup(args)
    calendar = load_calendar(args.calendar, book, args.policy)
    check_covered(calendar, as_of)
    progress = Progress(lang)
    rows_report = RowReport(progress)
    with open_rows(args, _LOANS, _sample_loans) as rows:
        rows_report.add(rows.header_problems)
        try:
            result = monthly_report(
                _loans(rows, book, rows_report, progress),
                book.archives,
                on=as_of,
                calendar=calendar,
            )
        except CalendarCoverageError as exc:
            raise CommandError(str(exc)) from None
        except InputError as exc:
            raise CommandError(input_error(exc, args.input, lang)) from None
        finally:
            progress.clear()
    out = output(fmt)
    if fmt != "table":
        write_records(out, fmt, _REPORT_DATA, result.lines, lang, bom=args.bom)
        return rows_report.exit_code
    heading = render_message(ArchivesText.REPORT_TITLE, lang)
    title = (
        f"{title_line(lang, heading, as_of=as_of, sample=sample and args.as_of is None)}\n"
        f"{policy_line(lang, book, calendar=args.calendar)}\n"
    )
    if result.lines:
        write_table(out, _REPORT_TABLE, result.lines, lang, title=title)
    else:
        out.write(title + render_message(ArchivesText.NONE_OUT, lang) + "\n")
    out.write("\n")
    for reason in result.reasons:
        out.write(render_reason(reason, lang) + "\n")
    late = result.overdue
    out.write(
        "\n"
        + render_message(ArchivesText.OVERDUE_LIST if late else ArchivesText.NONE_OVERDUE, lang)
        + "\n"
    )
    for line in late:
        out.write(
            f"    {line.loan.id} {line.loan.file} {_item(line, lang)} {line.where}"
            f" {line.due.isoformat()} +{line.days_late}\n"
        )
    if rows_report.rejected:
        out.write(
            "\n" + render_message(ArchivesText.REJECTED, lang, count=rows_report.rejected) + "\n"
        )
    return rows_report.exit_code


# --------------------------------------------------------------------------- overdue


def _files(
    rows: RowReader[CustomerFile], report: RowReport, progress: Progress
) -> Iterator[CustomerFile]:
    for row in rows:
        progress.tick()
        if row.value is None:
            report.add(row.problems)
            continue
        yield row.value
    progress.clear()


@attrs.frozen
class _Late:
    """One file past its deadline, with the facts the output names."""

    status: FormalisationStatus
    file: CustomerFile


_FILES_DATA: tuple[Column[_Late], ...] = (
    Column("file", lambda r, _: r.status.file),
    Column("customer", lambda r, _: r.file.customer),
    Column("owner", lambda r, _: r.file.owner),
    Column("department", lambda r, _: r.file.department),
    Column("received_on", lambda r, _: _iso(r.status.received_on)),
    Column("due", lambda r, _: _iso(r.status.due)),
    Column("days_late", lambda r, _: r.status.days_late),
)

FILES_CSV_COLUMNS: tuple[str, ...] = tuple(c.name for c in _FILES_DATA)
"""The columns of ``archives overdue --format csv|json|jsonl``, in order: one record per file
past its deadline."""

_FILES_TABLE: tuple[Column[_Late], ...] = (
    Column("file", lambda r, _: r.status.file, ArchivesText.COL_FILE),
    Column("customer", lambda r, _: r.file.customer, ArchivesText.COL_CUSTOMER),
    Column("owner", lambda r, _: r.file.owner, ArchivesText.COL_OWNER),
    Column("received_on", lambda r, _: _iso(r.status.received_on), ArchivesText.COL_RECEIVED),
    Column("due", lambda r, _: _iso(r.status.due), ArchivesText.COL_FORMAL_DUE),
    Column("days_late", lambda r, _: r.status.days_late, ArchivesText.COL_LATE),
)


def _run_overdue(args: argparse.Namespace) -> int:
    lang, fmt, sample, as_of, book = _setup(args)
    calendar = load_calendar(args.calendar, book, args.policy)
    check_covered(calendar, as_of)
    progress = Progress(lang)
    rows_report = RowReport(progress)
    pending: dict[str, CustomerFile] = {}

    def files(rows: RowReader[CustomerFile]) -> Iterator[CustomerFile]:
        for f in _files(rows, rows_report, progress):
            if f.received_on is not None and f.formalised_on is None:
                pending[f.id] = f  # only the files still awaiting formalisation are kept
            yield f

    with open_rows(args, _FILES, _sample_files) as rows:
        rows_report.add(rows.header_problems)
        try:
            result = overdue_files(files(rows), book.archives, on=as_of, calendar=calendar)
        except CalendarCoverageError as exc:
            raise CommandError(str(exc)) from None
        except InputError as exc:
            raise CommandError(input_error(exc, args.input, lang)) from None
        finally:
            progress.clear()
    late = [_Late(status, pending[status.file]) for status in result.files]
    out = output(fmt)
    if fmt != "table":
        write_records(out, fmt, _FILES_DATA, late, lang, bom=args.bom)
        return rows_report.exit_code
    heading = render_message(ArchivesText.OVERDUE_TITLE, lang)
    title = (
        f"{title_line(lang, heading, as_of=as_of, sample=sample and args.as_of is None)}\n"
        f"{policy_line(lang, book, calendar=args.calendar)}\n"
    )
    write_table(out, _FILES_TABLE, late, lang, title=title)
    out.write("\n")
    for reason in result.reasons:
        out.write(render_reason(reason, lang) + "\n")
    if rows_report.rejected:
        out.write(render_message(ArchivesText.REJECTED, lang, count=rows_report.rejected) + "\n")
    return rows_report.exit_code


# --------------------------------------------------------------------------- cedar


def _run_cedar(args: argparse.Namespace) -> int:
    history = load_history(args.policy)
    book = history.latest if args.as_of is None else book_in_force(history, args.as_of, args.policy)
    try:
        text = cedar_policies(book.archives, slots=args.slots)
    except InputError as exc:
        raise CommandError(f"--slots: {exc.problems[0].message}") from None
    sys.stdout.write(text + "\n")
    return 0
