"""``customer-rules grade``: the grading chapter (G2–G6) on the command line.

Every output shows the grade in force (``grade``) and the grade this grading proposes
(``proposed_grade``): they differ while an upgrade or downgrade awaits the VP's approval (G6,
``pending_approval`` names the approving roles) — the table then shows both in the grade column.

Reads a portfolio (the shipped sample by default) row by row, grades each customer with
:func:`~customer_rules.grading.grade_customer` and writes it at once: only counters are kept, so
``--format csv`` and ``--format jsonl`` handle any number of customers in constant memory
(``json`` streams its array's items too). The table holds its rows until the widths are known —
use it for people, and ``csv``/``jsonl`` for big inputs. A rejected row is reported on standard
error with its line as it is met, and the rest are graded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

import attrs

from customer_rules._bounded import keep
from customer_rules._portfolio import PORTFOLIO_COLUMNS as _COLUMNS
from customer_rules._portfolio import SAMPLE_AS_OF as _SAMPLE_AS_OF
from customer_rules._portfolio import sample_portfolio_text as _sample_text
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
)
from customer_rules.cli._parallel import default_jobs, ordered_map
from customer_rules.cli._text import CliText
from customer_rules.cli._writers import (
    STREAMING as _STREAMING,
)
from customer_rules.cli._writers import (
    Column,
    encode_record,
    write_encoded,
    write_table,
)
from customer_rules.errors import CalendarCoverageError, InputError
from customer_rules.grading import (
    Customer,
    CustomerGrade,
    Grade,
    GradeWhatIf,
    GradingPolicy,
    Indicator,
    WhatIfCase,
    grade_customer,
)
from customer_rules.reasons import (
    Lang,
    MessageCode,
    Reason,
    register_codes,
    render_message,
    render_reason,
)
from customer_rules.rows import RowError, RowReader, RowResult

if typing.TYPE_CHECKING:
    from customer_rules.cli._core import Commands
    from customer_rules.rows import Unbuilt

__all__ = ["CSV_COLUMNS", "GradeText", "register"]


class GradeText(MessageCode):
    """The texts of the ``grade`` command (its title lines, column headers and summary)."""

    TITLE = "cli.grade.title"
    LEGEND = "cli.grade.legend"
    LIST_SEP = "cli.grade.list_sep"
    COL_CUSTOMER = "cli.grade.col.customer"
    COL_CATEGORY = "cli.grade.col.category"
    COL_POINTS = "cli.grade.col.points"
    COL_TOTAL = "cli.grade.col.total"
    COL_GRADE = "cli.grade.col.grade"
    COL_TIER = "cli.grade.col.tier"
    COL_REVISIT = "cli.grade.col.revisit"
    COL_REPORT = "cli.grade.col.report"
    OVERDUE = "cli.grade.overdue"
    PENDING = "cli.grade.pending"
    SUMMARY = "cli.grade.summary"
    SUMMARY_PENDING = "cli.grade.summary.pending"
    REJECTED = "cli.grade.rejected"


register_codes(
    GradeText,
    {
        GradeText.TITLE: ("客户评级", "Customer grades"),
        GradeText.LEGEND: (
            "得分依次为:{indicators}(G2);待遇为发货优先级与价格(G4);报告为书面报告截止日(G5)",
            "points: {indicators} (G2); tier: delivery priority and price (G4);"
            " report: the written report's due date (G5)",
        ),
        GradeText.LIST_SEP: ("、", ", "),
        GradeText.COL_CUSTOMER: ("客户", "customer"),
        GradeText.COL_CATEGORY: ("类别", "category"),
        GradeText.COL_POINTS: ("得分", "points"),
        GradeText.COL_TOTAL: ("合计", "total"),
        GradeText.COL_GRADE: ("等级", "grade"),
        GradeText.COL_TIER: ("待遇(优先级/价格)", "tier (priority, price)"),
        GradeText.COL_REVISIT: ("下次回访", "next revisit"),
        GradeText.COL_REPORT: ("下次报告", "next report"),
        GradeText.OVERDUE: ("逾期", "overdue"),
        GradeText.PENDING: ("{grade}(拟{proposed},待审批)", "{grade} ({proposed} pending)"),
        GradeText.SUMMARY: (
            "共 {count} 户:{grades},未评级 {ungraded}",
            "{count} customers: {grades}; not graded {ungraded}",
        ),
        GradeText.SUMMARY_PENDING: (
            ";其中 {count} 户等级调整待审批,仍按原等级",
            "; {count} change(s) of grade awaiting approval, the previous grade in force",
        ),
        GradeText.REJECTED: (
            ";另有 {count} 处输入问题未能评级(见标准错误输出)",
            "; {count} input problem(s), see stderr",
        ),
    },
)


def register(commands: Commands) -> None:
    """Add the ``grade`` command."""
    grade = commands.add_parser(
        "grade",
        help="grade a portfolio of customers (the shipped sample by default)",
        description="Grade customers (G2–G6) and print their grades, tiers and reasons.",
    )
    add_options(
        grade,
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
    grade.set_defaults(run=_run)


# --------------------------------------------------------------------------- what is shown


def _shown(result: CustomerGrade) -> tuple[Reason, ...]:
    """The reasons printed under a customer: what decided the grade first, then the notes."""
    return (*result.deciding, *result.notes)


def _texts(result: CustomerGrade, lang: Lang) -> list[str]:
    return [render_reason(r, lang) for r in _shown(result)]


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _point(index: int) -> Callable[[CustomerGrade, Lang], object]:
    def get(result: CustomerGrade, _: Lang) -> object:
        return result.scorecard.points[index] if result.scorecard is not None else None

    return get


def _grade(result: CustomerGrade, _: Lang) -> str | None:
    return result.grade.value if result.grade is not None else None


def _proposed(result: CustomerGrade, _: Lang) -> str | None:
    grade = result.proposed_grade
    return grade.value if grade is not None else None


def _pending(result: CustomerGrade, _: Lang) -> list[str] | None:
    return [role.value for role in result.pending_from] if result.pending_approval else None


def _grade_cell(result: CustomerGrade, lang: Lang) -> str | None:
    """The grade in force; with the proposed grade beside it while it awaits approval."""
    grade, proposed = result.grade, result.proposed_grade
    if grade is None or proposed is None or not result.pending_approval:
        return _grade(result, lang)
    return render_message(GradeText.PENDING, lang, grade=grade.value, proposed=proposed.value)


def _priority(result: CustomerGrade, _: Lang) -> int | None:
    row = result.tier.tier if result.tier is not None else None
    return row.priority if row is not None else None


def _price(result: CustomerGrade, _: Lang) -> str | None:
    row = result.tier.tier if result.tier is not None else None
    return row.price.value if row is not None else None


def _revisit(result: CustomerGrade, _: Lang) -> str | None:
    return _iso(result.tier.next_revisit if result.tier is not None else None)


def _report(result: CustomerGrade, _: Lang) -> str | None:
    return _iso(result.report.next_due if result.report is not None else None)


def _change(result: CustomerGrade, _: Lang) -> dict[str, object] | None:
    change = result.change
    if change is None:
        return None
    return {
        "previous": change.previous.value if change.previous is not None else None,
        "current": change.current.value,
        "change": change.change.value,
        "effective": change.effective,
        "pending": change.pending,
    }


def _reasons(result: CustomerGrade, lang: Lang) -> list[dict[str, object]]:
    return [
        {"rule": r.rule, "code": str(r.code), "text": render_reason(r, lang)}
        for r in result.reasons
    ]


def _what_if(result: CustomerGrade, lang: Lang) -> dict[str, object]:
    """The what-if of the final grade; a scored customer's is written once for every customer
    alike (the data is only ever encoded, never changed)."""
    final = result.what_if
    if final.case is not WhatIfCase.SCORED:
        return _what_if_item(final, lang)
    key = (id(final), lang)
    found = _WHAT_IFS.get(key)
    if found is not None and found[0] is final:
        return found[1]
    return keep(_WHAT_IFS, key, (final, _what_if_item(final, lang)), 4096)[1]


_WHAT_IFS: dict[tuple[int, Lang], tuple[GradeWhatIf, dict[str, object]]] = {}
"""The data of scored what-ifs (shared by customers alike) by what-if and language; each entry
holds its what-if, so an id in a key is not reused while the entry lives. Bounded."""


def _what_if_item(final: GradeWhatIf, lang: Lang) -> dict[str, object]:
    """The what-if of the final grade: the G2 levers when the scorecard decides, else when the
    new-customer cap ends or the customer becomes eligible, and the grade it would get then."""
    texts = [render_reason(r, lang) for r in final.reasons]
    levers = final.scorecard.levers if final.scorecard is not None else ()
    return {
        "case": final.case.value,
        "next_grade": final.next_grade.value if final.next_grade is not None else None,
        "points_short": final.points_short,
        "until": _iso(final.until),
        "since": _iso(final.since),
        "then": final.then.value if final.then is not None else None,
        "text": texts[0],
        "levers": [
            {
                "indicator": lever.indicator.value,
                "gain": lever.gain,
                "target": str(lever.target) if lever.target is not None else None,
                "closes_gap": lever.closes_gap,
                "text": text,
            }
            for lever, text in zip(levers, texts[1:], strict=True)
        ],
    }


_DATA: tuple[Column[CustomerGrade], ...] = (
    Column("id", lambda r, _: r.customer.id),
    Column("name", lambda r, _: r.customer.name),
    Column("category", lambda r, _: r.category.category.value),
    Column("points_contract", _point(0)),
    Column("points_receivables", _point(1)),
    Column("points_premium", _point(2)),
    Column("points_influence", _point(3)),
    Column("total", lambda r, _: r.scorecard.total if r.scorecard is not None else None),
    Column("grade", _grade),
    Column("proposed_grade", _proposed),
    Column("pending_approval", _pending),
    Column("tier_priority", _priority),
    Column("tier_price", _price),
    Column("next_revisit", _revisit),
    Column("next_report_due", _report),
    Column("policy_version", lambda r, _: r.policy_version),
)

_CSV: tuple[Column[CustomerGrade], ...] = (*_DATA, Column("reasons", _texts))
"""``--format csv``: ``reasons`` joins the table's reasons with `` | ``."""

_JSON: tuple[Column[CustomerGrade], ...] = (
    *_DATA,
    Column("deciding", _texts),
    Column("revisit_overdue", lambda r, _: r.tier.overdue if r.tier is not None else None),
    Column("change", _change),
    Column("reasons", _reasons),
    Column("what_if", _what_if),
)
"""``--format json`` and ``jsonl``: one object per customer."""

CSV_COLUMNS: tuple[str, ...] = tuple(c.name for c in _CSV)
"""The columns of ``grade --format csv``, in order (``reasons`` joins the shown reasons with
`` | ``)."""


def _customer(result: CustomerGrade, _: Lang) -> str:
    return f"{result.customer.id} {result.customer.name}".strip()


def _category(result: CustomerGrade, lang: Lang) -> str:
    category = result.category.category
    return category.zh if lang == "zh" else category.value


def _points(result: CustomerGrade, _: Lang) -> list[int | None]:
    sc = result.scorecard
    return list(sc.points) if sc is not None else [None] * len(Indicator)


def _tier(result: CustomerGrade, lang: Lang) -> str | None:
    row = result.tier.tier if result.tier is not None else None
    if row is None:
        return None
    price = getattr(row.price, lang)
    return f"{row.priority}/{price}" if row.priority is not None else str(price)


def _revisit_cell(result: CustomerGrade, lang: Lang) -> str | None:
    tier = result.tier
    if tier is None or tier.next_revisit is None:
        return None
    text = tier.next_revisit.isoformat()
    return f"{text} {render_message(GradeText.OVERDUE, lang)}" if tier.overdue else text


_TABLE: tuple[Column[CustomerGrade], ...] = (
    Column("customer", _customer, GradeText.COL_CUSTOMER),
    Column("category", _category, GradeText.COL_CATEGORY),
    Column("points", _points, GradeText.COL_POINTS),
    Column(
        "total",
        lambda r, _: r.scorecard.total if r.scorecard is not None else None,
        GradeText.COL_TOTAL,
    ),
    Column("grade", _grade_cell, GradeText.COL_GRADE),
    Column("tier", _tier, GradeText.COL_TIER),
    Column("next_revisit", _revisit_cell, GradeText.COL_REVISIT),
    Column("next_report_due", _report, GradeText.COL_REPORT),
)
"""The table: one line per customer, its reasons indented below."""


# --------------------------------------------------------------------------- the command


def _run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    fmt: str = args.format
    if args.bom and fmt != "csv":
        raise CommandError(render_message(CliText.BOM_CSV_ONLY, lang))
    history = load_history(args.policy)
    sample = args.input is None
    as_of: dt.date = args.as_of or (_SAMPLE_AS_OF if sample else dt.date.today())
    book = book_in_force(history, as_of, args.policy)  # the book in force on the day asked
    calendar = load_calendar(args.calendar, history, args.policy)  # every book's calendar table
    check_covered(calendar, as_of)
    progress = Progress(lang, streaming=fmt != "table")
    report = RowReport(progress)
    counts: Counter[Grade | None] = Counter()
    pending: list[int] = [0]
    with open_rows(args, _COLUMNS, _sample_text) as rows:
        report.add(rows.header_problems)
        out = output(fmt)
        try:
            if fmt in _STREAMING:
                _GRADING[:] = [_Grading(book.grading, as_of, calendar, fmt, lang, rows)]
                # rows are built where they are graded; their keys are checked here, in order
                done = ordered_map(_grade_rows, rows.unbuilt(), jobs=args.jobs or default_jobs())
                encoded = _encoded_of(done, rows, progress, report, counts, pending)
                write_encoded(out, fmt, _CSV if fmt == "csv" else _JSON, encoded, bom=args.bom)
            else:
                graded = _graded(
                    rows, book.grading, as_of, calendar, lang, progress, report, counts, pending
                )
                heading = render_message(GradeText.TITLE, lang)
                sampled = sample and args.as_of is None
                title = (
                    f"{title_line(lang, heading, as_of=as_of, sample=sampled)}\n"
                    f"{policy_line(lang, book, calendar=args.calendar)}\n{_legend(lang)}\n\n"
                )
                write_table(out, _TABLE, graded, lang, details=_texts, title=title)
                out.write("\n" + _summary(counts, pending[0], report.rejected, lang) + "\n")
        except InputError as exc:  # the input stopped being readable midway (its encoding)
            raise CommandError(input_error(exc, args.input, lang)) from None
        finally:
            progress.clear()
    return report.exit_code


@attrs.frozen
class _Grading:
    """What every row of one run is graded with (set before the workers fork)."""

    policy: GradingPolicy
    on: dt.date
    calendar: Calendar
    fmt: str
    lang: Lang
    rows: RowReader[Customer]


_GRADING: list[_Grading] = []
"""The grading of the current run, for :func:`_grade_rows` (in this process or a worker)."""

_Done = tuple[int, str | None, tuple[RowError, ...], tuple[bytes, Grade | None, bool] | None]
"""A row worked on: its line, its key (``None`` unless it was built), its problems, and its
encoded output, grade in force and pending approval (``None`` for a row refused)."""


def _grade_rows(items: list[Unbuilt]) -> list[_Done]:
    """Build a chunk of rows, grade them and encode each for the output (in a worker, or
    in this process)."""
    job = _GRADING[0]
    columns = _CSV if job.fmt == "csv" else _JSON
    done: list[_Done] = []
    for line, key, customer, problems in built_rows(job.rows, items):
        if customer is None:
            done.append((line, key, problems, None))
            continue
        try:
            result = grade_customer(customer, job.policy, on=job.on, calendar=job.calendar)
        except CalendarCoverageError as exc:
            raise CommandError(str(exc)) from None
        except InputError as exc:  # a fact that cannot be right on that day (a date after it)
            refused = tuple(
                RowError(line, _COLUMNS.column_of(p.path), p.message) for p in exc.problems
            )
            done.append((line, key, refused, None))
            continue
        encoded = encode_record(job.fmt, columns, result, job.lang)
        done.append((line, key, (), (encoded, result.grade, result.pending_approval)))
    return done


def _encoded_of(
    done: Iterable[_Done],
    rows: RowReader[Customer],
    progress: Progress,
    report: RowReport,
    counts: Counter[Grade | None],
    pending: list[int],
) -> Iterator[bytes]:
    """The encoded output of the rows, in input order, counting the grades in force and the
    changes awaiting approval; report the rows refused."""
    for encoded, grade, waiting in good_rows(done, rows, progress, report):
        counts[grade] += 1
        pending[0] += waiting
        yield encoded


def _graded(
    rows: Iterable[RowResult[Customer]],
    policy: GradingPolicy,
    on: dt.date,
    calendar: Calendar,
    lang: Lang,
    progress: Progress,
    report: RowReport,
    counts: Counter[Grade | None],
    pending: list[int],
) -> Iterator[CustomerGrade]:
    """Grade each good row as it is read; report the others; count the grades in force and
    the changes awaiting approval."""
    for row in rows:
        progress.tick()
        if row.value is None:
            report.add(row.problems)
            continue
        try:
            result = grade_customer(row.value, policy, on=on, calendar=calendar)
        except CalendarCoverageError as exc:
            raise CommandError(str(exc)) from None
        except InputError as exc:  # a fact that cannot be right on that day (a date after it)
            report.add(
                [RowError(row.line, _COLUMNS.column_of(p.path), p.message) for p in exc.problems]
            )
            continue
        counts[result.grade] += 1
        if result.pending_approval:
            pending[0] += 1
        yield result
    progress.clear()


def _legend(lang: Lang) -> str:
    """The title's line that says what the points, tier and report columns hold."""
    sep = render_message(GradeText.LIST_SEP, lang)
    return render_message(
        GradeText.LEGEND, lang, indicators=sep.join(getattr(i, lang) for i in Indicator)
    )


def _summary(counts: Counter[Grade | None], pending: int, rejected: int, lang: Lang) -> str:
    sep = render_message(GradeText.LIST_SEP, lang)
    grades = sep.join(f"{g.value} {counts.get(g, 0)}" for g in Grade)
    text = render_message(
        GradeText.SUMMARY,
        lang,
        count=sum(counts.values()),
        grades=grades,
        ungraded=counts.get(None, 0),
    )
    if pending:
        text += render_message(GradeText.SUMMARY_PENDING, lang, count=pending)
    if rejected:
        text += render_message(GradeText.REJECTED, lang, count=rejected)
    return text
