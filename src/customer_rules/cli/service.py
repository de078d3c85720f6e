"""``customer-rules service calendar|churn|reception``: the service chapter (S1, S4, S5) on the
command line.

* ``service calendar`` (S4) reads a customer list (the shipped sample by default) and prints the
  care calendar from ``--from`` to ``--to``: revisits by tier (G4), dedicated visits to A-level
  big customers and their reports, birthday and holiday greetings and gifts — sorted, each with
  its rule.
* ``service churn`` (S5) reads customer figures and prints each customer's churn warning with
  the signals that raised it, as of ``--as-of``.
* ``service reception`` (S1) reads visit requests and prints each decision: received or refused
  with every reason, the passes per area, the guide, host level and hospitality.

Every command runs with no arguments on its shipped sample (as of the sample's own dates). A
rejected row is reported on standard error with its line and column as it is met, and the rest
are processed (exit code 1). ``--format csv|json|jsonl`` writes one record per entry, customer
or visit; ``churn`` and ``reception`` stream row by row in constant memory, ``calendar`` sorts
its entries first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import typing
from collections import Counter
from collections.abc import Iterable, Iterator

from customer_rules._service.columns import (
    CARE_COLUMNS as _CARE_COLUMNS,
)
from customer_rules._service.columns import (
    CHURN_COLUMNS as _CHURN_COLUMNS,
)
from customer_rules._service.columns import (
    SAMPLE_AS_OF as _SAMPLE_AS_OF,
)
from customer_rules._service.columns import (
    SAMPLE_FROM as _SAMPLE_FROM,
)
from customer_rules._service.columns import (
    SAMPLE_TO as _SAMPLE_TO,
)
from customer_rules._service.columns import (
    VISIT_COLUMNS as _VISIT_COLUMNS,
)
from customer_rules._service.columns import (
    VisitRow,
    sample_text,
    visit_request,
)
from customer_rules.book import PolicyHistory
from customer_rules.cli._core import (
    CommandError,
    Progress,
    RowReport,
    add_options,
    book_in_force,
    input_error,
    iso_date,
    load_history,
    open_rows,
    output,
    policy_line,
    title_line,
    usage,
)
from customer_rules.cli._text import CliText
from customer_rules.cli._writers import STREAMING as _STREAMING
from customer_rules.cli._writers import Column, write_records, write_table
from customer_rules.errors import InputError
from customer_rules.reasons import Lang, MessageCode, register_codes, render_message, render_reason
from customer_rules.rows import ColumnMap, RowError
from customer_rules.service import (
    AreaOutcome,
    CareCustomer,
    CareEntry,
    ChurnFacts,
    ChurnLevel,
    ChurnWarning,
    VisitDecision,
    care_calendar,
    churn_warning,
    receive_visit,
)

if typing.TYPE_CHECKING:
    from customer_rules.cli._core import Commands

__all__ = [
    "CALENDAR_CSV_COLUMNS",
    "CHURN_CSV_COLUMNS",
    "RECEPTION_CSV_COLUMNS",
    "ServiceText",
    "register",
]


class ServiceText(MessageCode):
    """The texts of the ``service`` commands (titles, column headers, summaries)."""

    CALENDAR_TITLE = "cli.service.calendar.title"
    CHURN_TITLE = "cli.service.churn.title"
    RECEPTION_TITLE = "cli.service.reception.title"
    COL_DAY = "cli.service.col.day"
    COL_CUSTOMER = "cli.service.col.customer"
    COL_KIND = "cli.service.col.kind"
    COL_WHO = "cli.service.col.who"
    COL_RULE = "cli.service.col.rule"
    COL_NOTE = "cli.service.col.note"
    COL_LEVEL = "cli.service.col.level"
    COL_SIGNALS = "cli.service.col.signals"
    COL_DAYS = "cli.service.col.days"
    COL_YOY = "cli.service.col.yoy"
    COL_POP = "cli.service.col.pop"
    COL_COMPLAINTS = "cli.service.col.complaints"
    COL_FOLLOW_UP = "cli.service.col.follow_up"
    COL_VISIT = "cli.service.col.visit"
    COL_VISITOR = "cli.service.col.visitor"
    COL_SIZE = "cli.service.col.size"
    COL_DECISION = "cli.service.col.decision"
    COL_PASSES = "cli.service.col.passes"
    RECEIVED = "cli.service.received"
    REFUSED = "cli.service.refused"
    OVERDUE = "cli.service.overdue"
    CALENDAR_SUMMARY = "cli.service.calendar.summary"
    CHURN_SUMMARY = "cli.service.churn.summary"
    RECEPTION_SUMMARY = "cli.service.reception.summary"
    REJECTED = "cli.service.rejected"
    BAD_RANGE = "cli.service.bad_range"


register_codes(
    ServiceText,
    {
        ServiceText.CALENDAR_TITLE: (
            "客户回访与关怀日历 {start} 至 {end}",
            "Revisit and care calendar {start} to {end}",
        ),
        ServiceText.CHURN_TITLE: ("客户流失预警", "Churn warning"),
        ServiceText.RECEPTION_TITLE: ("客户参观接待", "Visit reception"),
        ServiceText.COL_DAY: ("日期", "day"),
        ServiceText.COL_CUSTOMER: ("客户", "customer"),
        ServiceText.COL_KIND: ("事项", "what"),
        ServiceText.COL_WHO: ("办理人", "who"),
        ServiceText.COL_RULE: ("依据", "rule"),
        ServiceText.COL_NOTE: ("说明", "note"),
        ServiceText.COL_LEVEL: ("预警", "level"),
        ServiceText.COL_SIGNALS: ("信号", "signals"),
        ServiceText.COL_DAYS: ("未下单天数", "days idle"),
        ServiceText.COL_YOY: ("同比%", "y/y %"),
        ServiceText.COL_POP: ("环比%", "p/p %"),
        ServiceText.COL_COMPLAINTS: ("未结投诉", "open complaints"),
        ServiceText.COL_FOLLOW_UP: ("流失回访", "follow-up due"),
        ServiceText.COL_VISIT: ("编号", "visit"),
        ServiceText.COL_VISITOR: ("来访客户", "visitor"),
        ServiceText.COL_SIZE: ("人数", "people"),
        ServiceText.COL_DECISION: ("接待", "decision"),
        ServiceText.COL_PASSES: ("参观证", "passes"),
        ServiceText.RECEIVED: ("予以接待", "received"),
        ServiceText.REFUSED: ("不予接待", "refused"),
        ServiceText.OVERDUE: ("逾期", "overdue"),
        ServiceText.CALENDAR_SUMMARY: (
            "共 {entries} 项,{customers} 户客户",
            "{entries} entries for {customers} customers",
        ),
        ServiceText.CHURN_SUMMARY: (
            "共 {count} 户:{levels}",
            "{count} customers: {levels}",
        ),
        ServiceText.RECEPTION_SUMMARY: (
            "共 {count} 批来访:接待 {received},不予接待 {refused};发放参观证 {passes} 个",
            "{count} visits: {received} received, {refused} refused; {passes} passes",
        ),
        ServiceText.REJECTED: (
            ";另有 {count} 处输入问题(见标准错误输出)",
            "; {count} input problem(s), see stderr",
        ),
        ServiceText.BAD_RANGE: (
            "--to {end} 早于 --from {start}",
            "--to {end} is before --from {start}",
        ),
    },
)


def register(commands: Commands) -> None:
    """Add ``service`` and its actions ``calendar``, ``churn`` and ``reception``."""
    service = commands.add_parser(
        "service",
        help="the service chapter: care calendar, churn warning, visit reception",
        description="Service, reception and complaints (S1, S4, S5) on CSV input.",
    )
    actions = service.add_subparsers(title="actions", metavar="{calendar,churn,reception}")
    calendar = actions.add_parser(
        "calendar",
        help="the revisit and care calendar of a customer list (S4)",
        description="Revisits by tier, dedicated visits, greetings and gifts, sorted (S4).",
    )
    add_options(calendar, "policy", "input")
    calendar.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        type=iso_date,
        help="the first day (YYYY-MM-DD); default: the sample's, or today",
    )
    calendar.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        type=iso_date,
        help="the last day; default: the sample's, or 90 days after --from",
    )
    add_options(calendar, "lang", "format", "encoding", "strict", "bom")
    calendar.set_defaults(run=_calendar)
    churn = actions.add_parser(
        "churn",
        help="the churn warning of each customer (S5)",
        description="Flag customers likely to be lost, with the signals that raised the flag (S5).",
    )
    add_options(churn, "policy", "input", "as_of", "lang", "format", "encoding", "strict", "bom")
    churn.set_defaults(run=_churn)
    reception = actions.add_parser(
        "reception",
        help="decide visit requests (S1)",
        description="Decide visit requests: received or refused, passes, guide, hospitality (S1).",
    )
    add_options(reception, "policy", "input", "lang", "format", "encoding", "strict", "bom")
    reception.set_defaults(run=_reception)
    service.set_defaults(run=usage(service))


# --------------------------------------------------------------------------- shared


def _check_bom(args: argparse.Namespace) -> None:
    if args.bom and args.format != "csv":
        raise CommandError(render_message(CliText.BOM_CSV_ONLY, args.lang))


def _located(line: int, columns: ColumnMap[typing.Any], exc: InputError) -> list[RowError]:
    """A rule's refusal of a row's facts, as row errors at its columns."""
    found = []
    for problem in exc.problems:
        path = problem.path
        for prefix in ("facts.", "request.", "application."):
            path = path.removeprefix(prefix)
        found.append(RowError(line, columns.column_of(path), problem.message))
    return found


def _texts(reasons: Iterable[object], lang: Lang) -> list[str]:
    return [render_reason(r, lang) for r in reasons]  # type: ignore[arg-type]


def _roles(roles: Iterable[typing.Any], lang: Lang) -> str:
    sep = "、" if lang == "zh" else ", "
    return sep.join(getattr(r, lang) for r in roles)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


# --------------------------------------------------------------------------- calendar (S4)

_Entry = tuple[CareEntry, str]
"""An entry with its customer's name."""


def _entry_text(record: _Entry, lang: Lang) -> str:
    return render_reason(record[0].reasons[0], lang)


def _kind(record: _Entry, lang: Lang) -> str:
    entry = record[0]
    text: str = entry.kind.label(lang)
    if entry.occasion is not None:
        text += f" ({entry.occasion.label(lang)})" if lang == "en" else f"({entry.occasion.zh})"
    if entry.overdue:
        text += " " + render_message(ServiceText.OVERDUE, lang)
    return text


_CALENDAR_DATA: tuple[Column[_Entry], ...] = (
    Column("day", lambda r, _: r[0].day.isoformat()),
    Column("customer", lambda r, _: r[0].customer),
    Column("name", lambda r, _: r[1] or None),
    Column("kind", lambda r, _: r[0].kind.value),
    Column("who", lambda r, _: [w.value for w in r[0].who]),
    Column("rule", lambda r, _: r[0].rule),
    Column("due", lambda r, _: _iso(r[0].due)),
    Column("overdue", lambda r, _: r[0].overdue),
    Column("occasion", lambda r, _: r[0].occasion.name if r[0].occasion is not None else None),
    Column("staff", lambda r, _: r[0].staff),
    Column("to", lambda r, _: r[0].to.value if r[0].to is not None else None),
    Column("text", _entry_text),
)

CALENDAR_CSV_COLUMNS: tuple[str, ...] = tuple(c.name for c in _CALENDAR_DATA)
"""The columns of ``service calendar --format csv``, in order."""

_CALENDAR_TABLE: tuple[Column[_Entry], ...] = (
    Column("day", lambda r, _: r[0].day.isoformat(), ServiceText.COL_DAY),
    Column("customer", lambda r, _: f"{r[0].customer} {r[1]}".strip(), ServiceText.COL_CUSTOMER),
    Column("kind", _kind, ServiceText.COL_KIND),
    Column("who", lambda r, lang: _roles(r[0].who, lang), ServiceText.COL_WHO),
    Column("rule", lambda r, _: r[0].rule, ServiceText.COL_RULE),
)


def _calendar(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    fmt: str = args.format
    _check_bom(args)
    sample = args.input is None
    start: dt.date = args.start or (_SAMPLE_FROM if sample else dt.date.today())
    end: dt.date = args.end or (
        _SAMPLE_TO if sample and args.start is None else start + dt.timedelta(days=90)
    )
    if end < start:
        raise CommandError(render_message(ServiceText.BAD_RANGE, lang, start=start, end=end))
    history = load_history(args.policy)
    book = book_in_force(history, start, args.policy)
    progress = Progress(lang)
    report = RowReport(progress)
    customers: list[CareCustomer] = []
    names: dict[str, str] = {}
    with open_rows(args, _CARE_COLUMNS, lambda: sample_text("customers")) as rows:
        report.add(rows.header_problems)
        try:
            for row in rows:
                progress.tick()
                if row.value is None:
                    report.add(row.problems)
                    continue
                customers.append(row.value)
                names[row.value.id] = row.value.name
        except InputError as exc:
            raise CommandError(input_error(exc, args.input, lang)) from None
        finally:
            progress.clear()
    try:
        result = care_calendar(customers, book.service, start=start, end=end, grading=book.grading)
    except InputError as exc:
        raise CommandError("; ".join(str(p) for p in exc.problems)) from None
    records = [(entry, names.get(entry.customer, "")) for entry in result.entries]
    out = output(fmt)
    if fmt in _STREAMING:
        write_records(out, fmt, _CALENDAR_DATA, records, lang, bom=args.bom)
    else:
        heading = render_message(ServiceText.CALENDAR_TITLE, lang, start=start, end=end)
        sampled = sample and args.start is None
        title = (
            f"{title_line(lang, heading, sample=sampled, option=None)}\n{policy_line(lang, book)}\n"
        )
        write_table(
            out,
            _CALENDAR_TABLE,
            records,
            lang,
            details=lambda r, lg: [_entry_text(r, lg)],
            title=title,
        )
        summary = render_message(
            ServiceText.CALENDAR_SUMMARY, lang, entries=len(records), customers=result.customers
        )
        if report.rejected:
            summary += render_message(ServiceText.REJECTED, lang, count=report.rejected)
        out.write("\n" + summary + "\n")
        for reason in result.reasons[1:]:
            out.write(render_reason(reason, lang) + "\n")
    return report.exit_code


# --------------------------------------------------------------------------- churn (S5)


def _dec(value: object) -> str | None:
    return None if value is None else str(value)


def _follow_up(result: ChurnWarning, lang: Lang) -> str | None:
    if result.follow_up is None:
        return None
    text = result.follow_up.due.isoformat()
    return (
        f"{text} {render_message(ServiceText.OVERDUE, lang)}" if result.follow_up_overdue else text
    )


_CHURN_DATA: tuple[Column[ChurnWarning], ...] = (
    Column("customer", lambda r, _: r.facts.customer),
    Column("name", lambda r, _: r.facts.name or None),
    Column("level", lambda r, _: r.level.value),
    Column("signals", lambda r, _: [s.value for s in r.signals]),
    Column("days_since_order", lambda r, _: r.days_since_order),
    Column("year_on_year", lambda r, _: _dec(r.year_on_year)),
    Column("period_on_period", lambda r, _: _dec(r.period_on_period)),
    Column("open_complaints", lambda r, _: r.facts.open_complaints),
    Column(
        "follow_up_due", lambda r, _: _iso(r.follow_up.due) if r.follow_up is not None else None
    ),
    Column(
        "follow_up_overdue", lambda r, _: r.follow_up_overdue if r.follow_up is not None else None
    ),
    Column("policy_version", lambda r, _: r.policy_version),
    Column("reasons", lambda r, lang: _texts(r.reasons, lang)),
)

CHURN_CSV_COLUMNS: tuple[str, ...] = tuple(c.name for c in _CHURN_DATA)
"""The columns of ``service churn --format csv``, in order (``reasons`` joined with `` | ``)."""

_CHURN_TABLE: tuple[Column[ChurnWarning], ...] = (
    Column(
        "customer",
        lambda r, _: f"{r.facts.customer} {r.facts.name}".strip(),
        ServiceText.COL_CUSTOMER,
    ),
    Column("level", lambda r, lang: getattr(r.level, lang), ServiceText.COL_LEVEL),
    Column("signals", lambda r, lang: _roles(r.signals, lang) or None, ServiceText.COL_SIGNALS),
    Column("days", lambda r, _: r.days_since_order, ServiceText.COL_DAYS),
    Column("yoy", lambda r, _: _dec(r.year_on_year), ServiceText.COL_YOY),
    Column("pop", lambda r, _: _dec(r.period_on_period), ServiceText.COL_POP),
    Column("complaints", lambda r, _: r.facts.open_complaints, ServiceText.COL_COMPLAINTS),
    Column("follow_up", _follow_up, ServiceText.COL_FOLLOW_UP),
)


def _churn(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    fmt: str = args.format
    _check_bom(args)
    sample = args.input is None
    as_of: dt.date = args.as_of or (_SAMPLE_AS_OF if sample else dt.date.today())
    history = load_history(args.policy)
    book = book_in_force(history, as_of, args.policy)
    progress = Progress(lang, streaming=fmt != "table")
    report = RowReport(progress)
    counts: Counter[ChurnLevel] = Counter()
    with open_rows(args, _CHURN_COLUMNS, lambda: sample_text("churn")) as rows:
        report.add(rows.header_problems)
        warnings = _warnings(rows, book.service, as_of, progress, report, counts)
        out = output(fmt)
        try:
            if fmt in _STREAMING:
                write_records(out, fmt, _CHURN_DATA, warnings, lang, bom=args.bom)
            else:
                heading = render_message(ServiceText.CHURN_TITLE, lang)
                sampled = sample and args.as_of is None
                title = (
                    f"{title_line(lang, heading, as_of=as_of, sample=sampled, option=None)}\n"
                    f"{policy_line(lang, book)}\n"
                )
                write_table(
                    out,
                    _CHURN_TABLE,
                    warnings,
                    lang,
                    details=lambda r, lg: _texts(r.reasons[1:], lg),
                    title=title,
                )
                sep = "、" if lang == "zh" else ", "
                levels = sep.join(
                    f"{getattr(level, lang)} {counts.get(level, 0)}" for level in ChurnLevel
                )
                summary = render_message(
                    ServiceText.CHURN_SUMMARY, lang, count=sum(counts.values()), levels=levels
                )
                if report.rejected:
                    summary += render_message(ServiceText.REJECTED, lang, count=report.rejected)
                out.write("\n" + summary + "\n")
        except InputError as exc:
            raise CommandError(input_error(exc, args.input, lang)) from None
        finally:
            progress.clear()
    return report.exit_code


def _warnings(
    rows: Iterable[typing.Any],
    policy: typing.Any,
    on: dt.date,
    progress: Progress,
    report: RowReport,
    counts: Counter[ChurnLevel],
) -> Iterator[ChurnWarning]:
    for row in rows:
        progress.tick()
        facts: ChurnFacts | None = row.value
        if facts is None:
            report.add(row.problems)
            continue
        try:
            result = churn_warning(facts, policy, on=on)
        except InputError as exc:  # a date after the day asked about
            report.add(_located(row.line, _CHURN_COLUMNS, exc))
            continue
        counts[result.level] += 1
        yield result
    progress.clear()


# --------------------------------------------------------------------------- reception (S1)


def _passes(result: VisitDecision, lang: Lang) -> str | None:
    sep = "、" if lang == "zh" else ", "
    parts = [
        f"{getattr(a.area, lang)} {a.passes}" for a in result.areas if a.outcome is AreaOutcome.PASS
    ]
    return sep.join(parts) or None


def _decision(result: VisitDecision, lang: Lang) -> str:
    return render_message(ServiceText.RECEIVED if result.received else ServiceText.REFUSED, lang)


def _areas_with(outcome: AreaOutcome) -> typing.Callable[[VisitDecision, Lang], list[str]]:
    def get(result: VisitDecision, _: Lang) -> list[str]:
        return [a.area.value for a in result.areas if a.outcome is outcome]

    return get


_RECEPTION_DATA: tuple[Column[VisitDecision], ...] = (
    Column("id", lambda r, _: r.request.id),
    Column("visitor", lambda r, _: r.request.visitor),
    Column("visitor_class", lambda r, _: r.request.visitor_class.value),
    Column("group_size", lambda r, _: r.request.group_size),
    Column("visit_on", lambda r, _: r.request.visit_on.isoformat()),
    Column("received", lambda r, _: r.received),
    Column("refusals", lambda r, _: [x.value for x in r.refusals]),
    Column("guide", lambda r, _: r.guide.value if r.guide is not None else None),
    Column("host", lambda r, _: r.host.value if r.host is not None else None),
    Column("hospitality", lambda r, _: [h.value for h in r.hospitality]),
    Column("preparation", lambda r, _: [p.value for p in r.preparation]),
    Column(
        "passes",
        lambda r, _: [
            f"{a.area.value}:{a.passes}" for a in r.areas if a.outcome is AreaOutcome.PASS
        ],
    ),
    Column("not_allowed", _areas_with(AreaOutcome.NOT_ALLOWED)),
    Column("restricted", _areas_with(AreaOutcome.RESTRICTED)),
    Column("photography", lambda r, _: r.photography),
    Column("leak", lambda r, _: r.leak),
    Column("policy_version", lambda r, _: r.policy_version),
    Column("reasons", lambda r, lang: _texts(r.reasons, lang)),
)

RECEPTION_CSV_COLUMNS: tuple[str, ...] = tuple(c.name for c in _RECEPTION_DATA)
"""The columns of ``service reception --format csv``, in order (lists joined with `` | ``)."""

_RECEPTION_TABLE: tuple[Column[VisitDecision], ...] = (
    Column("visit", lambda r, _: r.request.id, ServiceText.COL_VISIT),
    Column("day", lambda r, _: r.request.visit_on.isoformat(), ServiceText.COL_DAY),
    Column(
        "visitor",
        lambda r, lang: (
            f"{r.request.visitor} ({getattr(r.request.visitor_class, lang)})"
            if lang == "en"
            else f"{r.request.visitor}({r.request.visitor_class.zh})"
        ),
        ServiceText.COL_VISITOR,
    ),
    Column("size", lambda r, _: r.request.group_size, ServiceText.COL_SIZE),
    Column("decision", _decision, ServiceText.COL_DECISION),
    Column("passes", _passes, ServiceText.COL_PASSES),
)


def _reception(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    fmt: str = args.format
    _check_bom(args)
    sample = args.input is None
    history = load_history(args.policy)
    progress = Progress(lang, streaming=fmt != "table")
    report = RowReport(progress)
    counts: Counter[bool] = Counter()
    passes = [0]
    with open_rows(args, _VISIT_COLUMNS, lambda: sample_text("visits")) as rows:
        report.add(rows.header_problems)
        decisions = _decisions(rows, history, progress, report, counts, passes)
        out = output(fmt)
        try:
            if fmt in _STREAMING:
                write_records(out, fmt, _RECEPTION_DATA, decisions, lang, bom=args.bom)
            else:
                heading = render_message(ServiceText.RECEPTION_TITLE, lang)
                title = (
                    f"{title_line(lang, heading, sample=sample, option=None)}\n"
                    f"{policy_line(lang, history.latest)}\n"
                )
                write_table(
                    out,
                    _RECEPTION_TABLE,
                    decisions,
                    lang,
                    details=lambda r, lg: _texts(r.reasons, lg),
                    title=title,
                )
                summary = render_message(
                    ServiceText.RECEPTION_SUMMARY,
                    lang,
                    count=counts[True] + counts[False],
                    received=counts[True],
                    refused=counts[False],
                    passes=passes[0],
                )
                if report.rejected:
                    summary += render_message(ServiceText.REJECTED, lang, count=report.rejected)
                out.write("\n" + summary + "\n")
        except InputError as exc:
            raise CommandError(input_error(exc, args.input, lang)) from None
        finally:
            progress.clear()
    return report.exit_code


def _decisions(
    rows: Iterable[typing.Any],
    history: PolicyHistory,
    progress: Progress,
    report: RowReport,
    counts: Counter[bool],
    passes: list[int],
) -> Iterator[VisitDecision]:
    for row in rows:
        progress.tick()
        visit: VisitRow | None = row.value
        if visit is None:
            report.add(row.problems)
            continue
        try:
            request = visit_request(visit)
        except InputError as exc:
            report.add(_located(row.line, _VISIT_COLUMNS, exc))
            continue
        try:
            book = history.in_force(request.visit_on)
        except InputError as exc:
            report.add([RowError(row.line, "visit_on", f"no policy book in force: {exc.expected}")])
            continue
        try:
            result = receive_visit(request, book.service)
        except InputError as exc:
            report.add(_located(row.line, _VISIT_COLUMNS, exc))
            continue
        counts[result.received] += 1
        passes[0] += result.passes
        yield result
    progress.clear()
