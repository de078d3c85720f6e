"""``customer-rules allocate``: the allocator (A13) on the command line — and, in its own section,
``reclaim`` (A8–A10).

``allocate`` reads a batch of leads, a roster and the people's history (the shipped samples by
default, at the sample's moment :data:`SAMPLE_AT`; with ``--leads`` the history is empty unless
``--history`` gives it), allocates the leads with :func:`~customer_rules.allocation.allocate`
and prints one line per lead in priority order: to whom it goes, or why it goes to nobody — then
who receives nothing in the run and why (for a sanction, the A3–A5 ledger's reasons below), and
the leads each person got. ``--format csv|json|jsonl`` writes one record per lead instead, or,
with ``--left-out``, one per person left out of the run.

The files are read row by row through :mod:`customer_rules.rows`: a row that cannot be right is
reported on standard error with its file and line (``leads: line 4: type: …``) and the others
are used (exit code 1). A lead received after ``--at`` is such a row. The run itself needs every
lead at once (leads are dealt in priority order), so its output is written when the run is done.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import typing
from collections.abc import Callable

from customer_rules._allocation.history_csv import HISTORY_COLUMNS as _HISTORY_COLUMNS
from customer_rules._allocation.history_csv import HistoryRow as _HistoryRow
from customer_rules._allocation.history_csv import sample_history_text as _sample_history_text
from customer_rules._samples import shipped_text
from customer_rules.allocation import (
    AllocationPolicy,
    AllocationRun,
    Assignment,
    ExcludedPerson,
    Exclusion,
    Lead,
    Salesperson,
    Unassigned,
    allocate,
    sanctions,
)
from customer_rules.cli._core import (
    EXIT_OK as _EXIT_OK,
)
from customer_rules.cli._core import (
    EXIT_REJECTED as _EXIT_REJECTED,
)
from customer_rules.cli._core import (
    CommandError,
    add_options,
    input_error,
    load_book,
    open_rows,
    output,
    policy_line,
    title_line,
)
from customer_rules.cli._text import CliText
from customer_rules.cli._writers import Column, write_records, write_table
from customer_rules.dates import SHANGHAI as _SHANGHAI
from customer_rules.dates import require_aware
from customer_rules.errors import InputError
from customer_rules.reasons import (
    Lang,
    MessageCode,
    Reason,
    register_codes,
    render_message,
    render_reason,
)
from customer_rules.rows import ColumnMap, RowError

if typing.TYPE_CHECKING:
    from customer_rules.allocation import SanctionEvent
    from customer_rules.cli._core import Commands

__all__ = [
    "ALLOCATE_CSV_COLUMNS",
    "LEAD_COLUMNS",
    "ROSTER_COLUMNS",
    "SAMPLE_AT",
    "AllocateText",
    "register",
    "sample_leads_text",
    "sample_roster_text",
]


def register(commands: Commands) -> None:
    """Add the ``allocate`` command (A13) and the ``reclaim`` command (A8–A10)."""
    _register_allocate(commands)
    _register_reclaim(commands)


# =========================================================================== allocate (A13)

SAMPLE_AT = dt.datetime(2026, 11, 30, 9, 0, tzinfo=_SHANGHAI)
"""The moment of the shipped samples: ``allocate`` without ``--leads`` allocates the sample
leads at 2026-11-30 09:00 Asia/Shanghai, so the sample reads the same whatever the time is."""

LEAD_COLUMNS: ColumnMap[Lead] = ColumnMap(
    Lead,
    {
        "id": "id",
        "type": "type",
        "received_at": "received_at",
        "customer": "customer",
        "phone": "phone",
        "contribution": "contribution",
        "potential": "potential",
    },
    aliases={
        "线索编号": "id",
        "客户类型": "type",
        "接收时间": "received_at",
        "客户名称": "customer",
        "联系电话": "phone",
        "贡献": "contribution",
        "潜力": "potential",
    },
    required={"id", "type", "received_at"},
    key="id",
)
"""The leads CSV of ``allocate``: one :class:`~customer_rules.allocation.Lead` per row. ``type``
is A, B, C or D (or ``A类``…); ``received_at`` an ISO date and time with its offset
(``2026-11-30T08:55:00+08:00``); amounts as the library reads them (``120万``, ``"1,200,000"``)."""

ROSTER_COLUMNS: ColumnMap[Salesperson] = ColumnMap(
    Salesperson,
    {
        "id": "id",
        "name": "name",
        "level": "level",
        "team": "team",
        "manager": "manager",
        "status": "status",
        "role": "role",
    },
    aliases={
        "工号": "id",
        "姓名": "name",
        "级别": "level",
        "小组": "team",
        "经理": "manager",
        "状态": "status",
        "角色": "role",
    },
    required={"id"},
    key="id",
)
"""The roster CSV of ``allocate``: one :class:`~customer_rules.allocation.Salesperson` per
row; ``status`` is ``active`` (在岗), ``on_leave`` (休假) or ``inactive`` (离岗)."""


def sample_leads_text() -> str:
    """The CSV text of the sample leads shipped in the package (twenty leads of every type,
    received before :data:`SAMPLE_AT`)."""
    return shipped_text("sample_leads.csv")


def sample_roster_text() -> str:
    """The CSV text of the sample roster shipped in the package (nine people over three levels
    and three teams; one on leave, one inactive, one of a level the seed table lacks)."""
    return shipped_text("sample_roster.csv")


class AllocateText(MessageCode):
    """The texts of the ``allocate`` command (title, column headers, sections, summary)."""

    TITLE = "cli.allocate.title"
    COL_RANK = "cli.allocate.col.rank"
    COL_LEAD = "cli.allocate.col.lead"
    COL_TYPE = "cli.allocate.col.type"
    COL_CONTRIBUTION = "cli.allocate.col.contribution"
    COL_POTENTIAL = "cli.allocate.col.potential"
    COL_PERSON = "cli.allocate.col.person"
    COL_LEVEL = "cli.allocate.col.level"
    COL_TEAM = "cli.allocate.col.team"
    NOBODY = "cli.allocate.nobody"
    LEFT_OUT = "cli.allocate.left_out"
    PER_PERSON = "cli.allocate.per_person"
    SUMMARY = "cli.allocate.summary"
    REJECTED = "cli.allocate.rejected"
    LIST_SEP = "cli.allocate.list_sep"
    LATE = "cli.allocate.late"


register_codes(
    AllocateText,
    {
        AllocateText.TITLE: ("客户资源分配 {at}", "Lead allocation at {at}"),
        AllocateText.COL_RANK: ("序", "#"),
        AllocateText.COL_LEAD: ("线索", "lead"),
        AllocateText.COL_TYPE: ("类型", "type"),
        AllocateText.COL_CONTRIBUTION: ("贡献", "contribution"),
        AllocateText.COL_POTENTIAL: ("潜力", "potential"),
        AllocateText.COL_PERSON: ("分配给", "to"),
        AllocateText.COL_LEVEL: ("级别", "level"),
        AllocateText.COL_TEAM: ("小组", "team"),
        AllocateText.NOBODY: ("未分配", "nobody"),
        AllocateText.LEFT_OUT: ("本轮不参与分配:", "Left out of this run:"),
        AllocateText.PER_PERSON: ("每人分配:{counts}", "Leads per person: {counts}"),
        AllocateText.SUMMARY: (
            "共 {count} 条线索:已分配 {assigned} 条,未分配 {unassigned} 条",
            "{count} leads: {assigned} allocated, {unassigned} not",
        ),
        AllocateText.REJECTED: (
            ";另有 {count} 处输入问题未能处理(见标准错误输出)",
            "; {count} input problem(s), see stderr",
        ),
        AllocateText.LIST_SEP: ("、", ", "),
        AllocateText.LATE: (
            "晚于分配时间 {at} 接收",
            "received after the allocation moment {at}",
        ),
    },
)


def _moment(text: str) -> dt.datetime:
    """An argparse ``type`` for ``--at``: an ISO date and time with its offset."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
        return require_aware(moment, "--at")
    except (ValueError, InputError):
        raise argparse.ArgumentTypeError(
            "expected a date and time with its offset, e.g. 2026-11-30T09:00:00+08:00,"
            f" got {text!r}"
        ) from None


def _register_allocate(commands: Commands) -> None:
    allocate_ = commands.add_parser(
        "allocate",
        help="allocate a batch of leads over a roster (the shipped samples by default)",
        description="Allocate typed leads over a roster (A13): only to levels that may take the"
        " lead's type, never to anyone suspended (A3–A5, from --history), on leave or inactive,"
        " the customers of greatest contribution and potential first, spread over teams and"
        " managers. Without --leads: the shipped samples (leads, roster and history) at"
        " 2026-11-30T09:00:00+08:00.",
    )
    allocate_.add_argument(
        "--leads",
        metavar="FILE.csv",
        help="the leads as CSV ('-' for standard input); default: the shipped sample",
    )
    allocate_.add_argument(
        "--roster",
        metavar="FILE.csv",
        help="the roster as CSV; default: the shipped sample",
    )
    allocate_.add_argument(
        "--history",
        metavar="FILE.csv",
        help="the people's history as CSV, one event per row (kind, person, at: misjudgment,"
        " violation, missed_report, passed_over, lead_given): who is suspended (A3–A5) and the"
        " leads already given for the quotas; default: the shipped sample without --leads, else"
        " no history (no one suspended)",
    )
    allocate_.add_argument(
        "--at",
        metavar="DATETIME",
        type=_moment,
        help="the moment of the run, with its offset (2026-11-30T09:00:00+08:00); default: the"
        " sample's moment with the sample leads, else now",
    )
    allocate_.add_argument(
        "--seed",
        metavar="N",
        type=int,
        default=0,
        help="rotates where each level's cycle starts (e.g. the run's number); default 0",
    )
    allocate_.add_argument(
        "--left-out",
        action="store_true",
        help="with --format csv|json|jsonl: one record per person left out of the run (who, why,"
        " the reasons) instead of one per lead; the table always shows them",
    )
    add_options(allocate_, "policy", "lang", "format", "encoding", "strict", "bom")
    allocate_.set_defaults(run=_run_allocate)


# --------------------------------------------------------------------------- one record per lead

_Row: typing.TypeAlias = Assignment | Unassigned


def _assigned(row: _Row) -> Assignment | None:
    return row if isinstance(row, Assignment) else None


def _person(row: _Row, _: Lang) -> str | None:
    found = _assigned(row)
    return found.person.id if found is not None else None


def _attr(name: str) -> Callable[[_Row, Lang], object]:
    def get(row: _Row, _: Lang) -> object:
        found = _assigned(row)
        return getattr(found.person, name) if found is not None else None

    return get


def _level(row: _Row, _: Lang) -> str | None:
    found = _assigned(row)
    return found.level if found is not None else None


def _why(row: _Row, _: Lang) -> str | None:
    return row.why.value if isinstance(row, Unassigned) else None


def _reason_texts(row: _Row, lang: Lang) -> list[str]:
    return [render_reason(r, lang) for r in row.reasons]


def _reason_data(row: _Row, lang: Lang) -> list[dict[str, object]]:
    return [
        {"rule": r.rule, "code": str(r.code), "text": render_reason(r, lang)} for r in row.reasons
    ]


_DATA: tuple[Column[_Row], ...] = (
    Column("rank", lambda r, _: r.rank),
    Column("lead", lambda r, _: r.lead.id),
    Column("type", lambda r, _: r.lead.type.value),
    Column("customer", lambda r, _: r.lead.customer),
    Column("received_at", lambda r, _: r.lead.received_at.isoformat()),
    Column("contribution", lambda r, _: f"{r.lead.contribution:f}"),
    Column("potential", lambda r, _: f"{r.lead.potential:f}"),
    Column("assigned", lambda r, _: isinstance(r, Assignment)),
    Column("person", _person),
    Column("person_name", _attr("name")),
    Column("level", _level),
    Column("team", _attr("team")),
    Column("manager", _attr("manager")),
    Column("unassigned_reason", _why),
)

_CSV: tuple[Column[_Row], ...] = (*_DATA, Column("reasons", _reason_texts))
_JSON: tuple[Column[_Row], ...] = (*_DATA, Column("reasons", _reason_data))

ALLOCATE_CSV_COLUMNS: tuple[str, ...] = tuple(c.name for c in _CSV)
"""The columns of ``allocate --format csv``, in order: one row per lead, in priority order
(``reasons`` joins the lead's reasons with `` | ``)."""

# --------------------------------------------------------------- one record per person left out

_Out: typing.TypeAlias = tuple[ExcludedPerson, tuple[Reason, ...]]
"""A person left out of the run, with the reasons shown: the run's, then the ledger's."""


def _out_reason_texts(row: _Out, lang: Lang) -> list[str]:
    return [render_reason(r, lang) for r in row[1]]


def _out_reason_data(row: _Out, lang: Lang) -> list[dict[str, object]]:
    return [{"rule": r.rule, "code": str(r.code), "text": render_reason(r, lang)} for r in row[1]]


def _until(row: _Out, _: Lang) -> str | None:
    until = row[0].until
    return until.isoformat() if until is not None else None


_LEFT_OUT_DATA: tuple[Column[_Out], ...] = (
    Column("person", lambda r, _: r[0].person.id),
    Column("person_name", lambda r, _: r[0].person.name),
    Column("level", lambda r, _: r[0].person.level),
    Column("team", lambda r, _: r[0].person.team),
    Column("manager", lambda r, _: r[0].person.manager),
    Column("why", lambda r, _: r[0].why.value),
    Column("until", _until),
    Column("skips", lambda r, _: r[0].skips),
    Column("serves_skip", lambda r, _: r[0].served),
)
_LEFT_OUT_CSV: tuple[Column[_Out], ...] = (*_LEFT_OUT_DATA, Column("reasons", _out_reason_texts))
_LEFT_OUT_JSON: tuple[Column[_Out], ...] = (*_LEFT_OUT_DATA, Column("reasons", _out_reason_data))


def _lead_cell(row: _Row, _: Lang) -> str:
    return f"{row.lead.id} {row.lead.customer}".strip()


def _person_cell(row: _Row, lang: Lang) -> str:
    found = _assigned(row)
    if found is None:
        return render_message(AllocateText.NOBODY, lang)
    return f"{found.person.id} {found.person.name}".strip()


def _type_cell(row: _Row, lang: Lang) -> str:
    return row.lead.type.zh if lang == "zh" else row.lead.type.value


def _amount(value: object) -> str:
    return f"{value:,f}"


_TABLE: tuple[Column[_Row], ...] = (
    Column("rank", lambda r, _: r.rank, AllocateText.COL_RANK),
    Column("lead", _lead_cell, AllocateText.COL_LEAD),
    Column("type", _type_cell, AllocateText.COL_TYPE),
    Column(
        "contribution", lambda r, _: _amount(r.lead.contribution), AllocateText.COL_CONTRIBUTION
    ),
    Column("potential", lambda r, _: _amount(r.lead.potential), AllocateText.COL_POTENTIAL),
    Column("person", _person_cell, AllocateText.COL_PERSON),
    Column("level", _level, AllocateText.COL_LEVEL),
    Column("team", _attr("team"), AllocateText.COL_TEAM),
)


def _details(row: _Row, lang: Lang) -> list[str]:
    """Under a lead the table shows why it went to nobody (an assignment's line says it all)."""
    return _reason_texts(row, lang) if isinstance(row, Unassigned) else []


# --------------------------------------------------------------------------- the command


def _run_allocate(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    fmt: str = args.format
    if args.bom and fmt != "csv":
        raise CommandError(render_message(CliText.BOM_CSV_ONLY, lang))
    if args.seed < 0 or args.seed > 10**15:
        raise CommandError(f"--seed: expected a whole number from 0 to 10^15, got {args.seed}")
    if args.left_out and fmt == "table":
        raise CommandError(
            "--left-out: only with --format csv, json or jsonl (the table shows them always)"
        )
    sample = args.leads is None
    at: dt.datetime = args.at or (SAMPLE_AT if sample else dt.datetime.now(_SHANGHAI))
    book = load_book(args.policy, at.astimezone(_SHANGHAI).date())
    problems: list[tuple[str, RowError]] = []
    roster = _read(args, args.roster, ROSTER_COLUMNS, sample_roster_text, "roster", problems)
    leads = _read(args, args.leads, LEAD_COLUMNS, sample_leads_text, "leads", problems)
    history: list[SanctionEvent] = []
    if sample or args.history is not None:
        found = _read(
            args, args.history, _HISTORY_COLUMNS, _sample_history_text, "history", problems
        )
        history = [row.event() for _, row in found]
    kept: list[Lead] = []
    for line, lead in leads:
        if lead.received_at > at:
            late = render_message(AllocateText.LATE, lang, at=at.isoformat())
            problems.append(("leads", RowError(line, "received_at", late)))
        else:
            kept.append(lead)
    rejected = _report(problems)
    policy: AllocationPolicy = book.allocation
    run = allocate(kept, [p for _, p in roster], history, policy, at=at, seed=args.seed)
    left_out = _left_out(run, history, policy)
    rows: list[_Row] = sorted([*run.assignments, *run.unassigned], key=lambda r: r.rank)
    out = output(fmt)
    if fmt == "table":
        heading = render_message(AllocateText.TITLE, lang, at=at.isoformat())
        sampled = sample and args.at is None
        title = (
            f"{title_line(lang, heading, sample=sampled, option='--at')}\n"
            f"{policy_line(lang, book)}\n\n"
        )
        write_table(out, _TABLE, rows, lang, details=_details, title=title)
        out.write(_footer(run, left_out, len(rows), rejected, lang))
    elif args.left_out:
        columns = _LEFT_OUT_CSV if fmt == "csv" else _LEFT_OUT_JSON
        write_records(out, fmt, columns, left_out, lang, bom=args.bom)
    else:
        write_records(out, fmt, _CSV if fmt == "csv" else _JSON, rows, lang, bom=args.bom)
    return _EXIT_REJECTED if rejected else _EXIT_OK


_SANCTIONED = frozenset({Exclusion.SUSPENDED, Exclusion.PASSED_OVER, Exclusion.RESIGNED})
"""The exclusions the A3–A5 ledger decided: their ledger's reasons are shown too."""


def _left_out(
    run: AllocationRun, history: list[SanctionEvent], policy: AllocationPolicy
) -> list[_Out]:
    """Each person left out of the run with the reasons shown: the run's, then — for a
    sanction — the ledger's (what was imposed, and what is in force at the run's moment)."""
    sanctioned = {e.person.id for e in run.excluded if e.why in _SANCTIONED}
    events: dict[str, list[SanctionEvent]] = {}
    for event in history:
        if event.person in sanctioned:
            events.setdefault(event.person, []).append(event)
    found: list[_Out] = []
    for person in run.excluded:
        reasons = person.reasons
        if person.why in _SANCTIONED:
            pid = person.person.id
            ledger = sanctions(events.get(pid, []), policy, at=run.at, person=pid)
            reasons = (*reasons, *ledger.reasons)
        found.append((person, reasons))
    return found


_T = typing.TypeVar("_T", Lead, Salesperson, _HistoryRow)


def _read(
    args: argparse.Namespace,
    path: str | None,
    columns: ColumnMap[_T],
    sample: Callable[[], str],
    label: str,
    problems: list[tuple[str, RowError]],
) -> list[tuple[int, _T]]:
    """The good rows of one input, with their lines; every problem kept with the input's
    label."""
    source = argparse.Namespace(
        input=path, encoding=args.encoding, strict=args.strict, lang=args.lang
    )
    try:
        reader = open_rows(source, columns, sample)
    except CommandError as exc:
        raise CommandError(f"--{label}: {exc}") from None
    found: list[tuple[int, _T]] = []
    problems.extend((label, p) for p in reader.header_problems)
    try:
        with reader:
            for row in reader:
                if row.value is None:
                    problems.extend((label, p) for p in row.problems)
                else:
                    found.append((row.line, row.value))
    except InputError as exc:  # the input stopped being readable midway (its encoding)
        raise CommandError(f"--{label}: " + input_error(exc, path, args.lang)) from None
    return found


def _report(problems: list[tuple[str, RowError]]) -> int:
    """Print each problem on standard error as ``leads: line N: column: …``, the roster's first,
    each input's by line; the number that rejected a row (warnings are printed, not counted)."""
    rejected = 0
    order = {"roster": 0, "leads": 1, "history": 2}
    for label, problem in sorted(problems, key=lambda item: (order[item[0]], item[1].line)):
        if problem.warning:
            print(f"warning: {label}: {problem}", file=sys.stderr)
        else:
            print(f"{label}: {problem}", file=sys.stderr)
            rejected += 1
    return rejected


def _footer(run: AllocationRun, left_out: list[_Out], count: int, rejected: int, lang: Lang) -> str:
    lines = [""]
    if left_out:
        lines.append(render_message(AllocateText.LEFT_OUT, lang))
        for person, reasons in left_out:
            own = len(person.reasons)  # the run's reasons; the ledger's, indented, below them
            lines.extend(
                f"{'    ' if i < own else '        '}{render_reason(r, lang)}"
                for i, r in enumerate(reasons)
            )
    counts = run.counts()
    if counts:
        sep = render_message(AllocateText.LIST_SEP, lang)
        names = {a.person.id: a.person.name for a in run.assignments}
        shown = sep.join(
            f"{pid} {names[pid]} {n}".replace("  ", " ") for pid, n in sorted(counts.items())
        )
        lines.append(render_message(AllocateText.PER_PERSON, lang, counts=shown))
    summary = render_message(
        AllocateText.SUMMARY,
        lang,
        count=count,
        assigned=len(run.assignments),
        unassigned=len(run.unassigned),
    )
    if rejected:
        summary += render_message(AllocateText.REJECTED, lang, count=rejected)
    lines.append(summary)
    return "\n".join(lines) + "\n"


# =========================================================================== reclaim (A8–A10)
# --- reclaim (A8-A10): the other helper adds its command here


def _register_reclaim(commands: Commands) -> None:
    """Add the ``reclaim`` command (A8–A10 and the public pool): see
    :mod:`customer_rules.cli._reclaim`."""
    from customer_rules.cli._reclaim import register_reclaim

    register_reclaim(commands)
