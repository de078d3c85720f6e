"""``customer-rules credit check|aging``: the credit chapter (C1–C11) on the command line.

``credit aging`` (C4, C5) reads a receivables ledger (the shipped sample by default, as of its
own date), ages every receivable into the policy's buckets and prints the aging record — one
line per customer with its amount in each bucket, and the totals, which add up to the ledger —
then every overdue receivable with its next collection action: the step, the day it falls due,
who acts, and why. ``--format csv|json|jsonl`` writes one record per receivable instead (its
bucket, owner and next action), row by row, in constant memory and with ``--jobs``. A rejected
row is reported on standard error with its line as it is met, and the rest are processed (exit
code 1).

``credit check`` (C2) is the other action of the group (see its section below).
"""

from __future__ import annotations

import argparse
import datetime as dt
import typing
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from customer_rules._credit.receivables import LEDGER_COLUMNS as _COLUMNS
from customer_rules._credit.receivables import SAMPLE_AS_OF as _SAMPLE_AS_OF
from customer_rules._credit.receivables import LedgerEntry
from customer_rules._credit.receivables import sample_ledger_text as _sample_text
from customer_rules.book import PolicyBook
from customer_rules.calendars import Calendar
from customer_rules.cli._core import (
    CommandError,
    Progress,
    RowReport,
    add_options,
    book_in_force,
    built_rows,
    check_covered,
    good_rows,
    input_error,
    load_calendar,
    load_history,
    open_rows,
    output,
    policy_line,
    title_line,
    usage,
)
from customer_rules.cli._parallel import default_jobs, ordered_map
from customer_rules.cli._text import CliText
from customer_rules.cli._writers import STREAMING as _STREAMING
from customer_rules.cli._writers import (
    Column,
    encode_record,
    write_encoded,
    write_records,
    write_table,
)
from customer_rules.credit import (
    AgedReceivable,
    AgingReport,
    CollectionAction,
    CreditPolicy,
    CustomerAging,
    age_receivable,
    aging_report,
    collection_action,
)
from customer_rules.errors import CalendarCoverageError, InputError
from customer_rules.reasons import Lang, MessageCode, register_codes, render_message, render_reason
from customer_rules.rows import RowError, RowReader, RowResult

if typing.TYPE_CHECKING:
    from customer_rules.cli._core import Commands
    from customer_rules.rows import Unbuilt

    Actions: typing.TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = ["AGING_CSV_COLUMNS", "CreditText", "register"]


class CreditText(MessageCode):
    """The texts of the ``credit`` commands (titles, column headers, summaries)."""

    # --- credit aging (C4, C5)
    AGING_TITLE = "cli.credit.aging.title"
    COL_CUSTOMER = "cli.credit.col.customer"
    COL_COUNT = "cli.credit.col.count"
    COL_TOTAL = "cli.credit.col.total"
    TOTAL_ROW = "cli.credit.total_row"
    OVERDUE_TITLE = "cli.credit.overdue_title"
    NONE_OVERDUE = "cli.credit.none_overdue"
    COL_RECEIVABLE = "cli.credit.col.receivable"
    COL_DUE = "cli.credit.col.due"
    COL_OPEN = "cli.credit.col.open"
    COL_DAYS = "cli.credit.col.days"
    COL_BUCKET = "cli.credit.col.bucket"
    COL_OWNER = "cli.credit.col.owner"
    COL_NEXT = "cli.credit.col.next"
    COL_NEXT_DUE = "cli.credit.col.next_due"
    COL_ROLE = "cli.credit.col.role"
    OVERDUE = "cli.credit.overdue"
    COMPLETE = "cli.credit.complete"
    SUMMARY = "cli.credit.summary"
    SUMMARY_SETTLED = "cli.credit.summary.settled"
    REJECTED = "cli.credit.rejected"
    # --- credit check (C2): the other helper's texts
    CHECK_TITLE = "cli.credit.check.title"
    CHECK_POINT = "cli.credit.check.point"
    CHECK_TERMS = "cli.credit.check.terms"
    CHECK_NO_TERMS = "cli.credit.check.no_terms"
    COL_ORDER = "cli.credit.col.order"
    COL_AMOUNT = "cli.credit.col.amount"
    COL_EXPOSURE = "cli.credit.col.exposure"
    COL_LIMIT = "cli.credit.col.limit"
    COL_OVER = "cli.credit.col.over"
    COL_DECISION = "cli.credit.col.decision"
    COL_NEXT_ROLE = "cli.credit.col.next_role"
    CHECK_SUMMARY = "cli.credit.check.summary"
    CHECK_REJECTED = "cli.credit.check.rejected"


register_codes(
    CreditText,
    {
        # --- credit aging (C4, C5)
        CreditText.AGING_TITLE: ("应收账款账龄", "Receivables aging"),
        CreditText.COL_CUSTOMER: ("客户", "customer"),
        CreditText.COL_COUNT: ("笔数", "count"),
        CreditText.COL_TOTAL: ("合计", "total"),
        CreditText.TOTAL_ROW: ("合计", "total"),
        CreditText.OVERDUE_TITLE: (
            "逾期应收账款及下一步催收(C5)",
            "Overdue receivables and their next collection action (C5)",
        ),
        CreditText.NONE_OVERDUE: ("无逾期应收账款", "no receivable is overdue"),
        CreditText.COL_RECEIVABLE: ("应收编号", "receivable"),
        CreditText.COL_DUE: ("到期日", "due"),
        CreditText.COL_OPEN: ("未收金额", "open"),
        CreditText.COL_DAYS: ("逾期天数", "days past due"),
        CreditText.COL_BUCKET: ("账龄段", "bucket"),
        CreditText.COL_OWNER: ("负责催收", "owner"),
        CreditText.COL_NEXT: ("下一步", "next action"),
        CreditText.COL_NEXT_DUE: ("应办日期", "due by"),
        CreditText.COL_ROLE: ("办理人", "who acts"),
        CreditText.OVERDUE: ("逾期", "overdue"),
        CreditText.COMPLETE: ("步骤已完成", "ladder complete"),
        CreditText.SUMMARY: (
            "共 {count} 笔应收,未收合计 {total} 元,其中逾期 {overdue} 元;逾期待催收 {pursued} 笔",
            "{count} receivables, {total} yuan open, {overdue} yuan of it past due;"
            " {pursued} overdue to pursue",
        ),
        CreditText.SUMMARY_SETTLED: (
            ";{count} 笔余额低于容差,不再催收",
            "; {count} with a residual below the tolerance, not pursued",
        ),
        CreditText.REJECTED: (
            ";另有 {count} 处输入问题未能处理(见标准错误输出)",
            "; {count} input problem(s), see stderr",
        ),
        # --- credit check (C2): the other helper's texts
        CreditText.CHECK_TITLE: ("信用检查", "Credit check"),
        CreditText.CHECK_POINT: ("检查环节:{at}", "check point: {at}"),
        CreditText.CHECK_TERMS: (
            "客户 {customer}:信用额度 {limit},信用期限 {days} 天,信用形式 {forms}",
            "customer {customer}: limit {limit}, term {days} days, forms {forms}",
        ),
        CreditText.CHECK_NO_TERMS: (
            "客户 {customer}:未评定信用,无信用条件",
            "customer {customer}: not rated, no credit terms",
        ),
        CreditText.COL_ORDER: ("订单", "order"),
        CreditText.COL_AMOUNT: ("金额", "amount"),
        CreditText.COL_EXPOSURE: ("信用占用", "exposure"),
        CreditText.COL_LIMIT: ("额度", "limit"),
        CreditText.COL_OVER: ("超出", "over"),
        CreditText.COL_DECISION: ("结论", "decision"),
        CreditText.COL_NEXT_ROLE: ("下一步办理", "next"),
        CreditText.CHECK_SUMMARY: (
            "共 {count} 笔订单:{decisions}",
            "{count} order(s): {decisions}",
        ),
        CreditText.CHECK_REJECTED: (
            ";另有 {count} 处输入问题未能检查(见标准错误输出)",
            "; {count} input problem(s) not checked, see stderr",
        ),
    },
)


def register(commands: Commands) -> None:
    """Add ``credit`` and its actions ``aging`` (C4, C5) and ``check`` (C2)."""
    credit = commands.add_parser(
        "credit",
        help="credit management: check an order, age receivables (the shipped samples by default)",
        description="The credit chapter (C1–C11): order checks against the credit terms and the"
        " aging of receivables with their next collection action.",
    )
    actions = credit.add_subparsers(title="actions")
    _register_aging(actions)
    _register_check(actions)
    actions.metavar = "{" + ",".join(sorted(actions.choices)) + "}"
    credit.set_defaults(run=usage(credit))


# --------------------------------------------------------------------------- credit aging


def _register_aging(actions: Actions) -> None:
    aging = actions.add_parser(
        "aging",
        help="age receivables and show each overdue item's next collection action",
        description="Age receivables into the policy's buckets as of a day (C4): totals per"
        " bucket and per customer that add up to the ledger, who owns each collection, and each"
        " overdue receivable's next collection action (C5). Without --input: the shipped sample"
        f" as of {_SAMPLE_AS_OF}.",
    )
    add_options(
        aging,
        "policy",
        "input",
        "as_of",
        "lang",
        "format",
        "calendar",
        "encoding",
        "strict",
        "bom",
        "jobs",
    )
    aging.set_defaults(run=_run_aging)


@attrs.frozen
class _Aged:
    """One ledger entry with its aging (C4) and its next collection action (C5)."""

    entry: LedgerEntry
    aged: AgedReceivable
    action: CollectionAction


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _money(value: Decimal) -> str:
    """An amount as text: to the fen when it has at most two decimal places (exactly), else
    every digit it has."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        return f"{value.quantize(_FEN):f}"
    return f"{value:f}"


_FEN = Decimal("0.01")


def _shown(value: Decimal) -> str:
    """An amount for the table: as :func:`_money`, with thousands separators."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        return f"{value.quantize(_FEN):,f}"
    return f"{value:,f}"


def _value(member: object) -> object:
    return getattr(member, "value", None)


def _texts(record: _Aged, lang: Lang) -> list[str]:
    return [render_reason(r, lang) for r in (*record.aged.reasons, *record.action.reasons)]


def _reasons(record: _Aged, lang: Lang) -> list[dict[str, object]]:
    return [
        {"rule": r.rule, "code": str(r.code), "text": render_reason(r, lang)}
        for r in (*record.aged.reasons, *record.action.reasons)
    ]


_DATA: tuple[Column[_Aged], ...] = (
    Column("id", lambda r, _: r.entry.receivable.id),
    Column("customer", lambda r, _: r.entry.receivable.customer),
    Column("customer_name", lambda r, _: r.entry.customer_name),
    Column("amount", lambda r, _: _money(r.entry.receivable.amount)),
    Column("paid", lambda r, _: _money(r.entry.receivable.paid)),
    Column("open_amount", lambda r, _: _money(r.aged.open_amount)),
    Column("issued", lambda r, _: _iso(r.entry.receivable.issued)),
    Column("due", lambda r, _: _iso(r.entry.receivable.due)),
    Column("days_past_due", lambda r, _: r.aged.days_past_due),
    Column("bucket", lambda r, _: r.aged.bucket),
    Column("owner", lambda r, _: r.aged.owner.value),
    Column("phase", lambda r, _: r.action.phase.value),
    Column("last_step", lambda r, _: _value(r.action.last_step)),
    Column("last_step_on", lambda r, _: _iso(r.action.last_on)),
    Column("next_action", lambda r, _: _value(r.action.next_action)),
    Column("next_due", lambda r, _: _iso(r.action.next_due)),
    Column("next_role", lambda r, _: _value(r.action.next_role)),
    Column("overdue", lambda r, _: r.action.overdue),
    Column("settled", lambda r, _: r.action.settled),
    Column("method", lambda r, _: _value(r.action.method)),
    Column("policy_version", lambda r, _: r.aged.policy_version),
)

_CSV: tuple[Column[_Aged], ...] = (*_DATA, Column("reasons", _texts))
"""``--format csv``: ``reasons`` joins the C4 and C5 reasons with `` | ``."""

_JSON: tuple[Column[_Aged], ...] = (*_DATA, Column("reasons", _reasons))
"""``--format json`` and ``jsonl``: one object per receivable."""

AGING_CSV_COLUMNS: tuple[str, ...] = tuple(c.name for c in _CSV)
"""The columns of ``credit aging --format csv``, in order."""


def _run_aging(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    fmt: str = args.format
    if args.bom and fmt != "csv":
        raise CommandError(render_message(CliText.BOM_CSV_ONLY, lang))
    history = load_history(args.policy)
    sample = args.input is None
    as_of: dt.date = args.as_of or (_SAMPLE_AS_OF if sample else dt.date.today())
    book = book_in_force(history, as_of, args.policy)
    calendar = load_calendar(args.calendar, history, args.policy)
    check_covered(calendar, as_of)
    progress = Progress(lang, streaming=fmt != "table")
    report = RowReport(progress)
    with open_rows(args, _COLUMNS, _sample_text) as rows:
        report.add(rows.header_problems)
        out = output(fmt)
        try:
            if fmt in _STREAMING:
                _JOB[:] = [_Job(book.credit, as_of, calendar, fmt, lang, rows)]
                # rows are built where they are aged; their keys are checked here, in order
                done = ordered_map(_age_rows, rows.unbuilt(), jobs=args.jobs or default_jobs())
                write_encoded(
                    out,
                    fmt,
                    _CSV if fmt == "csv" else _JSON,
                    good_rows(done, rows, progress, report),
                    bom=args.bom,
                )
            else:
                aged = list(_aged_rows(rows, book.credit, as_of, calendar, progress, report))
                ledger = aging_report((a.entry.receivable for a in aged), book.credit, on=as_of)
                heading = render_message(CreditText.AGING_TITLE, lang)
                sampled = sample and args.as_of is None
                title = (
                    f"{title_line(lang, heading, as_of=as_of, sample=sampled)}\n"
                    f"{policy_line(lang, book, calendar=args.calendar)}\n"
                )
                _write_aging(out, ledger, aged, lang, title)
                out.write("\n" + _summary(ledger, aged, report.rejected, lang) + "\n")
        except InputError as exc:  # the input stopped being readable midway (its encoding)
            raise CommandError(input_error(exc, args.input, lang)) from None
        finally:
            progress.clear()
    return report.exit_code


@attrs.frozen
class _Job:
    """What every row of one run is worked with (set before the workers fork)."""

    policy: CreditPolicy
    on: dt.date
    calendar: Calendar
    fmt: str
    lang: Lang
    rows: RowReader[LedgerEntry]


_JOB: list[_Job] = []
"""The aging of the current run, for :func:`_age_rows` (in this process or a worker)."""

_Done = tuple[int, str | None, tuple[RowError, ...], bytes | None]
"""A row worked on: its line, its key (``None`` unless it was built), its problems and its
encoded output (``None`` for a row refused)."""


_CASE_COLUMNS = {"case.last_on": "last_step_on", "case.subject": "id", "case.state": "last_step"}
"""The column of a problem the ladder finds in a row's case (built from its last step)."""


def _age(
    line: int, entry: LedgerEntry, policy: CreditPolicy, on: dt.date, calendar: Calendar
) -> _Aged | tuple[RowError, ...]:
    """Age one entry and find its next action; or the row's problems (a currency other than
    CNY, a step taken after the day asked about)."""
    r = entry.receivable
    try:
        aged = age_receivable(r, policy, on=on)
        action = collection_action(
            r, policy, on=on, case=entry.case(), method=entry.method, calendar=calendar
        )
    except CalendarCoverageError as exc:
        raise CommandError(str(exc)) from None
    except InputError as exc:
        return tuple(
            RowError(line, _CASE_COLUMNS.get(p.path) or _COLUMNS.column_of(p.path), p.message)
            for p in exc.problems
        )
    return _Aged(entry, aged, action)


def _age_rows(items: list[Unbuilt]) -> list[_Done]:
    """Build a chunk of rows, age them and encode each for the output (in a worker, or
    in this process)."""
    job = _JOB[0]
    columns = _CSV if job.fmt == "csv" else _JSON
    done: list[_Done] = []
    for line, key, entry, problems in built_rows(job.rows, items):
        if entry is None:
            done.append((line, key, problems, None))
            continue
        result = _age(line, entry, job.policy, job.on, job.calendar)
        if isinstance(result, tuple):
            done.append((line, key, result, None))
            continue
        done.append((line, key, (), encode_record(job.fmt, columns, result, job.lang)))
    return done


def _aged_rows(
    rows: Iterable[RowResult[LedgerEntry]],
    policy: CreditPolicy,
    on: dt.date,
    calendar: Calendar,
    progress: Progress,
    report: RowReport,
) -> Iterator[_Aged]:
    """Each good row aged, as it is read; the others reported."""
    for row in rows:
        progress.tick()
        if row.value is None:
            report.add(row.problems)
            continue
        result = _age(row.line, row.value, policy, on, calendar)
        if isinstance(result, tuple):
            report.add(result)
            continue
        yield result
    progress.clear()


# --------------------------------------------------------------------------- the aging table


_Line = tuple[str, int, tuple[Decimal, ...], Decimal]
"""One line of the aging table: who, how many receivables, the amount per bucket, the total."""


def _bucket_column(index: int, title: str) -> Column[_Line]:
    return Column(title, lambda line, _: _shown(line[2][index]))


def _write_aging(
    out: typing.TextIO, ledger: AgingReport, aged: list[_Aged], lang: Lang, title: str
) -> None:
    names = {a.entry.receivable.customer: a.entry.customer_name for a in aged}

    def who(c: CustomerAging) -> str:
        name = names.get(c.customer)
        return f"{c.customer} {name}" if name else c.customer

    lines: list[_Line] = [(who(c), c.count, c.amounts, c.total) for c in ledger.customers]
    total = render_message(CreditText.TOTAL_ROW, lang)
    lines.append((total, ledger.count, tuple(b.amount for b in ledger.buckets), ledger.total))
    columns: list[Column[_Line]] = [
        Column("customer", lambda line, _: line[0], CreditText.COL_CUSTOMER),
        Column("count", lambda line, _: line[1], CreditText.COL_COUNT),
    ]
    columns.extend(_bucket_column(i, getattr(b.bucket, lang)) for i, b in enumerate(ledger.buckets))
    columns.append(Column("total", lambda line, _: _shown(line[3]), CreditText.COL_TOTAL))
    write_table(out, columns, lines, lang, title=title)
    overdue = [a for a in aged if a.aged.overdue and not a.action.settled]
    out.write("\n" + render_message(CreditText.OVERDUE_TITLE, lang) + "\n")
    if not overdue:
        out.write(render_message(CreditText.NONE_OVERDUE, lang) + "\n")
        return
    labels = {b.bucket.name: getattr(b.bucket, lang) for b in ledger.buckets}
    write_table(out, _overdue_columns(labels), overdue, lang, details=_details)


def _overdue_columns(labels: dict[str, str]) -> list[Column[_Aged]]:
    def next_due(a: _Aged, lang: Lang) -> str | None:
        due = a.action.next_due
        if due is None:
            return None
        text = due.isoformat()
        return f"{text} {render_message(CreditText.OVERDUE, lang)}" if a.action.overdue else text

    def next_action(a: _Aged, lang: Lang) -> str:
        step = a.action.next_action
        if step is None:
            return render_message(CreditText.COMPLETE, lang)
        return str(getattr(step, lang))

    def role(member: object, lang: Lang) -> str | None:
        return None if member is None else str(getattr(member, lang))

    return [
        Column("id", lambda a, _: a.entry.receivable.id, CreditText.COL_RECEIVABLE),
        Column("customer", lambda a, _: a.entry.receivable.customer, CreditText.COL_CUSTOMER),
        Column("due", lambda a, _: _iso(a.entry.receivable.due), CreditText.COL_DUE),
        Column("open", lambda a, _: _shown(a.aged.open_amount), CreditText.COL_OPEN),
        Column("days", lambda a, _: a.aged.days_past_due, CreditText.COL_DAYS),
        Column(
            "bucket", lambda a, _: labels.get(a.aged.bucket, a.aged.bucket), CreditText.COL_BUCKET
        ),
        Column("owner", lambda a, lang: role(a.aged.owner, lang), CreditText.COL_OWNER),
        Column("next", next_action, CreditText.COL_NEXT),
        Column("next_due", next_due, CreditText.COL_NEXT_DUE),
        Column("role", lambda a, lang: role(a.action.next_role, lang), CreditText.COL_ROLE),
    ]


def _details(a: _Aged, lang: Lang) -> list[str]:
    """The C5 reasons under an overdue receivable, the phase first."""
    return [render_reason(r, lang) for r in a.action.reasons]


def _summary(ledger: AgingReport, aged: list[_Aged], rejected: int, lang: Lang) -> str:
    overdue = [a for a in aged if a.aged.overdue and not a.action.settled]
    text = render_message(
        CreditText.SUMMARY,
        lang,
        count=ledger.count,
        total=_shown(ledger.total),
        overdue=_shown(ledger.overdue),
        pursued=len(overdue),
    )
    settled = sum(a.action.settled for a in aged)
    if settled:
        text += render_message(CreditText.SUMMARY_SETTLED, lang, count=settled)
    if rejected:
        text += render_message(CreditText.REJECTED, lang, count=rejected)
    return text


# --- credit check (C2): the other helper adds its action here
# ``credit check`` (C2, C3's shipment reaction, C11): orders of one customer, decided in turn
# against its credit position — the shipped sample (``data/sample_credit_position.json``) by
# default. The input is one JSON object: ``position`` (a CreditPosition: customer, terms, group,
# receivables, unshipped orders, temporary raises), ``orders`` (a list of orders, or ``order``
# for one), optionally ``approvals`` (order id → approval), ``at`` (the check point) and
# ``as_of``. A receivable or order without a ``customer`` is the position's. A malformed order or
# approval is reported on standard error with its path and the others are decided (exit 1); a
# position that cannot be read stops the command (exit 2).

import json  # noqa: E402
import sys  # noqa: E402
from collections import Counter  # noqa: E402
from typing import Any  # noqa: E402

from customer_rules._samples import shipped_text  # noqa: E402
from customer_rules.credit import (  # noqa: E402
    CheckPoint,
    CreditPosition,
    CreditReason,
    Order,
    OrderCheck,
    OrderDecision,
    check_orders,
)
from customer_rules.dates import parse_date  # noqa: E402
from customer_rules.interchange import from_data  # noqa: E402
from customer_rules.reasons import Reason  # noqa: E402
from customer_rules.roles import Approval  # noqa: E402

_CHECK_SAMPLE = "sample_credit_position.json"
_CHECK_SAMPLE_AS_OF = dt.date(2026, 11, 30)
"""The day the shipped position describes (its ``as_of``)."""


def _register_check(actions: Actions) -> None:
    """Add ``credit check`` (C2): orders against a customer's credit position."""
    check = actions.add_parser(
        "check",
        help="check orders against a customer's credit position (the shipped sample by default)",
        description="Decide orders of one customer in turn against its credit terms and"
        " exposure (C2): accept, or the general manager's approval with the amount over the"
        " limit and what would make it pass; each decision names who acts next (C11). Without"
        f" --input: the shipped sample position as of {_CHECK_SAMPLE_AS_OF}.",
    )
    add_options(check, "policy", "input", "as_of", "lang", "format")
    for action in check._actions:
        if action.dest == "input":
            action.metavar = "FILE.json"
            action.help = (
                "the position and orders as JSON ('-' for standard input); default: the shipped"
                " sample"
            )
    check.add_argument(
        "--at",
        choices=[point.value for point in CheckPoint],
        default=None,
        help="the check point (default: the file's 'at', else order_confirmation)",
    )
    check.set_defaults(run=_run_check)


def _sample_position_text() -> str:
    return shipped_text(_CHECK_SAMPLE)


def _check_input(path: str | None, lang: Lang) -> str:
    """The text of ``--input``: UTF-8 (with or without a BOM), else GB18030."""
    if path is None:
        return _sample_position_text()
    where = render_message(CliText.STDIN, lang) if path == "-" else path
    try:
        if path == "-":
            stream: Any = getattr(sys.stdin, "buffer", sys.stdin)
            raw = stream.read()
        else:
            with open(path, "rb") as handle:
                raw = handle.read()
    except OSError as exc:
        raise CommandError(f"{where}: cannot read the file: {exc.strerror}") from None
    if isinstance(raw, str):
        return raw
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text: str = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text
    raise CommandError(f"{where}: not UTF-8 or GB18030 text")


def _problems(exc: InputError, prefix: str) -> list[str]:
    return [str(p.at(prefix)) for p in exc.problems]


def _owned(items: list[Any], customer: object) -> list[Any]:
    """``items`` with the position's customer filled into each mapping without one."""
    if not isinstance(customer, str):
        return items
    return [{"customer": customer, **item} if isinstance(item, dict) else item for item in items]


def _position(data: dict[str, Any], where: str) -> CreditPosition:
    raw = data.get("position")
    if not isinstance(raw, dict):
        raise CommandError(f"{where}: expected a 'position' object (a customer's credit position)")
    customer = raw.get("customer")
    filled = dict(raw)
    for key in ("receivables", "unshipped"):
        if isinstance(filled.get(key), list):
            filled[key] = _owned(filled[key], customer)
    try:
        return from_data(CreditPosition, filled)
    except InputError as exc:
        raise CommandError(f"{where}: " + "; ".join(_problems(exc, "position"))) from None


def _orders(data: dict[str, Any], position: CreditPosition, problems: list[str]) -> list[Order]:
    raw = data.get("orders", [data["order"]] if "order" in data else None)
    if not isinstance(raw, list):
        problems.append("orders: expected a list of orders")
        return []
    orders = []
    for i, item in enumerate(_owned(raw, position.customer)):
        path = f"orders[{i}]"
        if not isinstance(item, dict):
            problems.append(f"{path}: expected an order object, got {type(item).__name__}")
            continue
        try:
            order = from_data(Order, item)
        except InputError as exc:
            problems.extend(_problems(exc, path))
            continue
        if order.customer != position.customer:
            wanted = position.customer
            problems.append(f"{path}.customer: expected {wanted!r}, got {order.customer!r}")
        elif order.currency != "CNY":
            got = order.currency
            problems.append(f"{path}.currency: expected 'CNY' (one currency), got {got!r}")
        else:
            orders.append(order)
    return orders


def _approvals(data: dict[str, Any], problems: list[str]) -> dict[str, Approval]:
    raw = data.get("approvals", {})
    if not isinstance(raw, dict):
        problems.append("approvals: expected an object of order ids to approvals")
        return {}
    found = {}
    for key, item in raw.items():
        if not isinstance(item, dict):
            problems.append(f"approvals.{key}: expected an approval object")
            continue
        try:
            found[key] = from_data(Approval, item)
        except InputError as exc:
            problems.extend(_problems(exc, f"approvals.{key}"))
    return found


def _check_day(args: argparse.Namespace, data: dict[str, Any], where: str) -> dt.date:
    if args.as_of is not None:
        day: dt.date = args.as_of
        return day
    if "as_of" not in data:
        return dt.date.today()
    try:
        return parse_date(data["as_of"], "as_of")
    except InputError as exc:
        raise CommandError(f"{where}: {exc}") from None


def _check_point(args: argparse.Namespace, data: dict[str, Any], where: str) -> CheckPoint:
    value = args.at if args.at is not None else data.get("at", CheckPoint.ORDER_CONFIRMATION.value)
    try:
        return CheckPoint(value)
    except InputError:
        choices = ", ".join(point.value for point in CheckPoint)
        raise CommandError(f"{where}: at: expected one of {choices}, got {value!r}") from None


def _run_check(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    fmt: str = args.format
    history = load_history(args.policy)
    where = (
        "sample"
        if args.input is None
        else (render_message(CliText.STDIN, lang) if args.input == "-" else args.input)
    )
    text = _check_input(args.input, lang)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise CommandError(f"{where}: not valid JSON: {str(exc)[:200]}") from None
    if not isinstance(data, dict):
        raise CommandError(f"{where}: expected a JSON object with 'position' and 'orders'")
    day = _check_day(args, data, where)
    book = book_in_force(history, day, args.policy)
    point = _check_point(args, data, where)
    position = _position(data, where)
    problems: list[str] = []
    orders = _orders(data, position, problems)
    approvals = _approvals(data, problems)
    try:
        checks = check_orders(orders, position, book.credit, on=day, at=point, approvals=approvals)
    except InputError as exc:  # the position's own receivables (another currency)
        raise CommandError(f"{where}: " + "; ".join(str(p) for p in exc.problems)) from None
    for problem in problems:
        print(problem, file=sys.stderr)
    out = output(fmt)
    if fmt in _STREAMING:
        columns = _CHECK_CSV if fmt == "csv" else _CHECK_JSON
        write_records(out, fmt, columns, checks, lang)
    else:
        sample = args.input is None and args.as_of is None
        title = _check_title(lang, day, point, book, position, checks, sample=sample)
        write_table(out, _CHECK_TABLE, checks, lang, details=_check_details, title=title)
        out.write("\n" + _check_summary(checks, len(problems), lang) + "\n")
    return 1 if problems else 0


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else _money(value)


def _amount_cell(value: Decimal | None) -> str | None:
    return None if value is None else _shown(value)


def _check_reasons(c: OrderCheck, lang: Lang) -> list[dict[str, object]]:
    return [
        {"rule": r.rule, "code": str(r.code), "text": render_reason(r, lang)} for r in c.reasons
    ]


def _check_texts(c: OrderCheck, lang: Lang) -> list[str]:
    return [render_reason(r, lang) for r in c.reasons]


_CHECK_DATA: tuple[Column[OrderCheck], ...] = (
    Column("order", lambda c, _: c.order.id),
    Column("customer", lambda c, _: c.order.customer),
    Column("amount", lambda c, _: _money(c.order.amount)),
    Column("at", lambda c, _: c.at.value),
    Column("decision", lambda c, _: c.decision.value),
    Column("accepted", lambda c, _: c.accepted),
    Column("failures", lambda c, _: [f.value for f in c.failures]),
    Column("open_not_due", lambda c, _: _money(c.exposure.open_not_due)),
    Column("past_due", lambda c, _: _money(c.exposure.past_due)),
    Column("unshipped", lambda c, _: _money(c.exposure.unshipped)),
    Column("this_order", lambda c, _: _money(c.exposure.this_order)),
    Column("exposure", lambda c, _: _money(c.exposure.total)),
    Column("limit", lambda c, _: _amount(c.limit.amount)),
    Column("limit_source", lambda c, _: c.limit.source.value),
    Column("over", lambda c, _: _money(c.over)),
    Column("collect_first", lambda c, _: _amount(c.collect_first)),
    Column("ship_less", lambda c, _: _amount(c.ship_less)),
    Column("next_role", lambda c, _: None if c.next_role is None else c.next_role.value),
    Column("policy_version", lambda c, _: c.policy_version),
)
_CHECK_CSV: tuple[Column[OrderCheck], ...] = (*_CHECK_DATA, Column("reasons", _check_texts))
"""``credit check --format csv``: ``reasons`` joins every reason with `` | ``."""
_CHECK_JSON: tuple[Column[OrderCheck], ...] = (*_CHECK_DATA, Column("reasons", _check_reasons))
"""``credit check --format json`` and ``jsonl``: one object per order."""


def _next_role(c: OrderCheck, lang: Lang) -> str | None:
    return None if c.next_role is None else getattr(c.next_role, lang)


_CHECK_TABLE: tuple[Column[OrderCheck], ...] = (
    Column("order", lambda c, _: c.order.id, CreditText.COL_ORDER),
    Column("amount", lambda c, _: _shown(c.order.amount), CreditText.COL_AMOUNT),
    Column("exposure", lambda c, _: _shown(c.exposure.total), CreditText.COL_EXPOSURE),
    Column("limit", lambda c, _: _amount_cell(c.limit.amount), CreditText.COL_LIMIT),
    Column("over", lambda c, _: _shown(c.over) if c.over else None, CreditText.COL_OVER),
    Column("decision", lambda c, lang: getattr(c.decision, lang), CreditText.COL_DECISION),
    Column("next_role", _next_role, CreditText.COL_NEXT_ROLE),
)

_HEADER_CODES = frozenset(
    {
        CreditReason.C2_LIMIT_CUSTOMER,
        CreditReason.C2_LIMIT_GROUP,
        CreditReason.C2_LIMIT_DEFAULT,
        CreditReason.C2_LIMIT_NONE,
        CreditReason.C2_NOT_RATED,
        CreditReason.C2_RAISE,
        CreditReason.C2_RAISE_IGNORED,
        CreditReason.C2_LIMIT_IN_FORCE,
        CreditReason.C2_ZERO_NO_CHECK,
        CreditReason.C2_ZERO_NO_CREDIT,
        CreditReason.C2_EXPOSURE,
        CreditReason.C2_EXPOSURE_PARTIAL,
    }
)
"""Reasons the table shows once, above it (the limit), or as columns (the exposure)."""


def _check_details(c: OrderCheck, lang: Lang) -> list[str]:
    """The reasons under an order: the failed checks, the decision, what would make it pass."""
    return [render_reason(r, lang) for r in c.reasons if r.code not in _HEADER_CODES]


def _check_title(
    lang: Lang,
    day: dt.date,
    point: CheckPoint,
    book: PolicyBook,
    position: CreditPosition,
    checks: tuple[OrderCheck, ...],
    *,
    sample: bool,
) -> str:
    heading = render_message(CreditText.CHECK_TITLE, lang)
    lines = [
        title_line(lang, heading, as_of=day, sample=sample),
        policy_line(
            lang, book, note=render_message(CreditText.CHECK_POINT, lang, at=getattr(point, lang))
        ),
    ]
    terms = position.terms
    if terms is None:
        lines.append(render_message(CreditText.CHECK_NO_TERMS, lang, customer=position.customer))
    else:
        lines.append(
            render_message(
                CreditText.CHECK_TERMS,
                lang,
                customer=position.customer,
                limit=_amount_cell(terms.limit),
                days=terms.term_days,
                forms=terms.forms,
            )
        )
    if checks:
        limit: tuple[Reason, ...] = checks[0].limit.reasons
        lines.extend(render_reason(r, lang) for r in limit)
    return "\n".join(lines) + "\n\n"


def _check_summary(checks: tuple[OrderCheck, ...], rejected: int, lang: Lang) -> str:
    counts = Counter(c.decision for c in checks)
    sep = "、" if lang == "zh" else ", "
    decisions = sep.join(f"{getattr(d, lang)} {counts[d]}" for d in OrderDecision if counts.get(d))
    text = render_message(CreditText.CHECK_SUMMARY, lang, count=len(checks), decisions=decisions)
    if rejected:
        text += render_message(CreditText.CHECK_REJECTED, lang, count=rejected)
    return text
