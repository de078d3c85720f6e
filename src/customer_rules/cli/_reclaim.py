"""``customer-rules reclaim``: A8–A10 and the public pool on the command line.

Reads holdings (the shipped sample by default, as of its day :data:`SAMPLE_AS_OF`) row by row
and writes, for each, the A10 protection, the A8 development window, the A9 idle reclaim and —
where the policy runs a public pool — the pool's warning ladder, with the reasons. A9's "may
reclaim" is shown as who decides (the marketing director), never as a move. A row that cannot
be right — a bad date, a held customer without the day it was received, a date after
``--as-of`` — is reported on standard error with its line (``line 4: received: …``), and the
others are decided (exit code 1). ``csv`` and ``jsonl`` stream any number of holdings.

The command module :mod:`customer_rules.cli.allocation` registers it (its ``reclaim`` section).
"""

from __future__ import annotations

import argparse
import datetime as dt
import typing
from collections.abc import Iterable, Iterator

from customer_rules._allocation.holdings_csv import HOLDINGS_COLUMNS as _HOLDINGS_COLUMNS
from customer_rules._allocation.holdings_csv import SAMPLE_AS_OF
from customer_rules._allocation.holdings_csv import sample_holdings_text as _sample_holdings_text
from customer_rules.allocation import (
    AllocationPolicy,
    AllocationReason,
    Holding,
    HoldingStatus,
    holding_status,
)
from customer_rules.calendars import Calendar
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
)
from customer_rules.cli._text import CliText
from customer_rules.cli._writers import Column, write_records, write_table
from customer_rules.errors import CalendarCoverageError, InputError
from customer_rules.reasons import (
    Lang,
    MessageCode,
    Reason,
    register_codes,
    render_message,
    render_reason,
)
from customer_rules.rows import RowError, RowResult

if typing.TYPE_CHECKING:
    from customer_rules.cli._core import Commands

__all__ = ["RECLAIM_CSV_COLUMNS", "SAMPLE_AS_OF", "ReclaimText", "register_reclaim"]


class ReclaimText(MessageCode):
    """The texts of the ``reclaim`` command (title, column headers, summary)."""

    TITLE = "cli.reclaim.title"
    COL_CUSTOMER = "cli.reclaim.col.customer"
    COL_HOLDER = "cli.reclaim.col.holder"
    COL_PROTECTION = "cli.reclaim.col.protection"
    COL_WINDOW = "cli.reclaim.col.window"
    COL_IDLE = "cli.reclaim.col.idle"
    COL_POOL = "cli.reclaim.col.pool"
    COL_DECIDES = "cli.reclaim.col.decides"
    IN_POOL = "cli.reclaim.in_pool"
    REJECTED = "cli.reclaim.rejected"


register_codes(
    ReclaimText,
    {
        ReclaimText.TITLE: ("客户资源保护与收回", "Holdings: protection and reclaim"),
        ReclaimText.COL_CUSTOMER: ("客户", "customer"),
        ReclaimText.COL_HOLDER: ("负责人", "holder"),
        ReclaimText.COL_PROTECTION: ("保护期(A10)", "protection (A10)"),
        ReclaimText.COL_WINDOW: ("开发期(A8)", "window (A8)"),
        ReclaimText.COL_IDLE: ("销售动作(A9)", "sales action (A9)"),
        ReclaimText.COL_POOL: ("公海", "pool"),
        ReclaimText.COL_DECIDES: ("待决定", "to decide"),
        ReclaimText.IN_POOL: ("公海", "in the pool"),
        ReclaimText.REJECTED: (
            ";另有 {count} 处输入问题未能处理(见标准错误输出)",
            "; {count} input problem(s), see stderr",
        ),
    },
)


def register_reclaim(commands: Commands) -> None:
    """Add the ``reclaim`` command (A8–A10 and the public pool)."""
    reclaim = commands.add_parser(
        "reclaim",
        help="protection, development windows and reclaims of holdings (the shipped sample"
        " by default)",
        description="For each holding: the day its protection ends (A10), its development"
        " window's deadline (A8), the day it becomes reclaimable — the marketing director"
        " decides (A9) — and, where the policy runs a public pool, its warning ladder. Without"
        " --holdings: the shipped sample as of 2026-11-30.",
    )
    reclaim.add_argument(
        "--holdings",
        metavar="FILE.csv",
        help="the holdings as CSV ('-' for standard input); default: the shipped sample",
    )
    add_options(
        reclaim, "policy", "as_of", "lang", "format", "calendar", "encoding", "strict", "bom"
    )
    reclaim.set_defaults(run=_run_reclaim)


def _state(check: object) -> str | None:
    if check is None:
        return None
    state = getattr(check, "state", None) or getattr(check, "stage", None)
    return None if state is None else str(state.value)


def _iso_of(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _pool_due(status: HoldingStatus) -> dt.date | None:
    return status.pool.due if status.pool is not None else None


def _reclaim_texts(status: HoldingStatus, lang: Lang) -> list[str]:
    return [render_reason(r, lang) for r in status.reasons]


def _reclaim_data(status: HoldingStatus, lang: Lang) -> list[dict[str, object]]:
    return [
        {"rule": r.rule, "code": str(r.code), "text": render_reason(r, lang)}
        for r in status.reasons
    ]


_RECLAIM_DATA: tuple[Column[HoldingStatus], ...] = (
    Column("customer", lambda s, _: s.holding.customer),
    Column("name", lambda s, _: s.holding.name),
    Column("holder", lambda s, _: s.holding.holder),
    Column("version", lambda s, _: s.holding.version),
    Column("protection_state", lambda s, _: _state(s.protection)),
    Column(
        "protection_ends",
        lambda s, _: _iso_of(s.protection.ends if s.protection is not None else None),
    ),
    Column("window_state", lambda s, _: _state(s.window)),
    Column(
        "window_deadline",
        lambda s, _: _iso_of(s.window.deadline if s.window is not None else None),
    ),
    Column("idle_state", lambda s, _: _state(s.idle)),
    Column("idle_deadline", lambda s, _: _iso_of(s.idle.deadline if s.idle is not None else None)),
    Column(
        "reclaim_from", lambda s, _: _iso_of(s.idle.reclaim_from if s.idle is not None else None)
    ),
    Column("pool_stage", lambda s, _: _state(s.pool)),
    Column("pool_due", lambda s, _: _iso_of(_pool_due(s))),
    Column("reclaimable", lambda s, _: s.reclaimable),
    Column("warning", lambda s, _: s.warning),
    Column("deciders", lambda s, _: [r.value for r in s.deciders]),
    Column("policy_version", lambda s, _: s.policy_version),
)
_RECLAIM_CSV: tuple[Column[HoldingStatus], ...] = (
    *_RECLAIM_DATA,
    Column("reasons", _reclaim_texts),
)
_RECLAIM_JSON: tuple[Column[HoldingStatus], ...] = (
    *_RECLAIM_DATA,
    Column("reasons", _reclaim_data),
)

RECLAIM_CSV_COLUMNS: tuple[str, ...] = tuple(c.name for c in _RECLAIM_CSV)
"""The columns of ``reclaim --format csv``, in order (``reasons`` joins the holding's reasons
with `` | ``)."""


def _dated(day: dt.date | None, check: object, lang: Lang) -> str | None:
    if check is None:
        return None
    state = getattr(check, "state", None) or getattr(check, "stage", None)
    label = getattr(state, lang) if state is not None else ""
    return f"{day.isoformat()} {label}" if day is not None else str(label)


def _holder_cell(status: HoldingStatus, lang: Lang) -> str:
    holder = status.holding.holder
    return holder if holder is not None else render_message(ReclaimText.IN_POOL, lang)


def _decides_cell(status: HoldingStatus, lang: Lang) -> str | None:
    roles = status.deciders
    return "/".join(getattr(r, lang) for r in roles) if roles else None


_RECLAIM_TABLE: tuple[Column[HoldingStatus], ...] = (
    Column(
        "customer",
        lambda s, _: f"{s.holding.customer} {s.holding.name}".strip(),
        ReclaimText.COL_CUSTOMER,
    ),
    Column("holder", _holder_cell, ReclaimText.COL_HOLDER),
    Column(
        "protection",
        lambda s, lang: _dated(
            s.protection.ends if s.protection is not None else None, s.protection, lang
        ),
        ReclaimText.COL_PROTECTION,
    ),
    Column(
        "window",
        lambda s, lang: _dated(s.window.deadline if s.window is not None else None, s.window, lang),
        ReclaimText.COL_WINDOW,
    ),
    Column(
        "idle",
        lambda s, lang: _dated(s.idle.deadline if s.idle is not None else None, s.idle, lang),
        ReclaimText.COL_IDLE,
    ),
    Column("pool", lambda s, lang: _dated(_pool_due(s), s.pool, lang), ReclaimText.COL_POOL),
    Column("decides", _decides_cell, ReclaimText.COL_DECIDES),
)


def _run_reclaim(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    fmt: str = args.format
    if args.bom and fmt != "csv":
        raise CommandError(render_message(CliText.BOM_CSV_ONLY, lang))
    history = load_history(args.policy)
    sample = args.holdings is None
    as_of: dt.date = args.as_of or (SAMPLE_AS_OF if sample else dt.date.today())
    book = book_in_force(history, as_of, args.policy)
    calendar = load_calendar(args.calendar, history, args.policy)
    check_covered(calendar, as_of)
    policy: AllocationPolicy = book.allocation
    progress = Progress(lang, streaming=fmt != "table")
    report = RowReport(progress)
    counts = [0, 0, 0, 0]  # holdings, reclaimable, warnings, awaiting a decision
    source = argparse.Namespace(
        input=args.holdings, encoding=args.encoding, strict=args.strict, lang=lang
    )
    with open_rows(source, _HOLDINGS_COLUMNS, _sample_holdings_text) as rows:
        report.add(rows.header_problems)
        statuses = _statuses(rows, policy, as_of, calendar, progress, report, counts)
        out = output(fmt)
        try:
            if fmt == "table":
                heading = render_message(ReclaimText.TITLE, lang)
                sampled = sample and args.as_of is None
                title = (
                    f"{title_line(lang, heading, as_of=as_of, sample=sampled)}\n"
                    f"{policy_line(lang, book, calendar=args.calendar)}\n\n"
                )
                write_table(
                    out, _RECLAIM_TABLE, statuses, lang, details=_reclaim_texts, title=title
                )
                out.write("\n" + _reclaim_summary(as_of, counts, report.rejected, lang) + "\n")
            else:
                columns = _RECLAIM_CSV if fmt == "csv" else _RECLAIM_JSON
                write_records(out, fmt, columns, statuses, lang, bom=args.bom)
        except InputError as exc:  # the input stopped being readable midway (its encoding)
            raise CommandError(input_error(exc, args.holdings, lang)) from None
        finally:
            progress.clear()
    return report.exit_code


def _statuses(
    rows: Iterable[RowResult[Holding]],
    policy: AllocationPolicy,
    on: dt.date,
    calendar: Calendar,
    progress: Progress,
    report: RowReport,
    counts: list[int],
) -> Iterator[HoldingStatus]:
    """Decide each good row as it is read; report the others (a date after the day too)."""
    for row in rows:
        progress.tick()
        if row.value is None:
            report.add(row.problems)
            continue
        try:
            status = holding_status(row.value, policy, on=on, calendar=calendar)
        except CalendarCoverageError as exc:
            raise CommandError(str(exc)) from None
        except InputError as exc:
            report.add(
                [
                    RowError(row.line, _HOLDINGS_COLUMNS.column_of(p.path), p.message)
                    for p in exc.problems
                ]
            )
            continue
        counts[0] += 1
        counts[1] += status.reclaimable
        counts[2] += status.warning
        counts[3] += bool(status.deciders)
        yield status
    progress.clear()


def _reclaim_summary(on: dt.date, counts: list[int], rejected: int, lang: Lang) -> str:
    total, reclaim, warnings, decisions = counts
    line = render_reason(
        Reason.of(
            "A9",
            AllocationReason.A9_REPORT,
            on=on,
            count=total,
            reclaimable=reclaim,
            warnings=warnings,
            decisions=decisions,
        ),
        lang,
    )
    if rejected:
        line += render_message(ReclaimText.REJECTED, lang, count=rejected)
    return line
