"""``customer-rules calendar show YEAR``: what the library believes about a year's working days.

Lists every holiday and make-up workday (调休) of the year by the working-day calendar that
``--calendar cn`` uses — China's official calendar from the ``chinesecalendar`` package, extended
with the ``[calendar]`` tables of the ``--policy`` book(s) — and where each day's status comes
from: the package's data, a book's table (both, when they agree), or, for every day not listed,
the weekend rule. A year nobody covers is an error (exit 2), never a guess; so is a book's table
that disagrees with the package.
"""

from __future__ import annotations

import argparse
import datetime as dt
import typing
from importlib import metadata

import attrs

from customer_rules.book import PolicyHistory
from customer_rules.calendars import Weekday, WorkingDayCalendar
from customer_rules.cli._core import EXIT_OK as _OK
from customer_rules.cli._core import EXIT_USAGE as _USAGE
from customer_rules.cli._core import (
    CommandError,
    Exit,
    add_options,
    load_history,
    output,
    print_error,
    print_problems,
    usage,
)
from customer_rules.cli._writers import STREAMING as _STREAMING
from customer_rules.cli._writers import Column, write_records, write_table
from customer_rules.errors import CustomerRulesError, PolicyError
from customer_rules.reasons import Lang, MessageCode, register_codes, render_message

if typing.TYPE_CHECKING:
    from customer_rules.cli._core import Commands

__all__ = ["CalendarText", "register"]

_FIRST_YEAR, _LAST_YEAR = 1900, 2999


class CalendarText(MessageCode):
    """The texts of the ``calendar`` command."""

    TITLE = "cli.calendar.show.title"
    NO_PACKAGE = "cli.calendar.show.no_package"
    COL_DAY = "cli.calendar.show.col.day"
    COL_WEEKDAY = "cli.calendar.show.col.weekday"
    COL_STATUS = "cli.calendar.show.col.status"
    COL_SOURCE = "cli.calendar.show.col.source"
    HOLIDAY = "cli.calendar.show.holiday"
    MAKEUP = "cli.calendar.show.makeup"
    FROM_PACKAGE = "cli.calendar.show.from_package"
    FROM_BOOK = "cli.calendar.show.from_book"
    SOURCE_SEP = "cli.calendar.show.source_sep"
    WEEKEND_RULE = "cli.calendar.show.weekend_rule"
    NO_DATA = "cli.calendar.show.no_data"
    COVERED = "cli.calendar.show.covered"
    COVERED_NONE = "cli.calendar.show.covered_none"


register_codes(
    CalendarText,
    {
        CalendarText.TITLE: (
            "{year} 年工作日历:节假日 {holidays} 天,调休上班 {makeup} 天",
            "Working days {year}: {holidays} holiday(s), {makeup} make-up workday(s)",
        ),
        CalendarText.NO_PACKAGE: (
            "(未安装 chinesecalendar,只有政策书的日历表)",
            "(chinesecalendar is not installed: the policy books' tables only)",
        ),
        CalendarText.COL_DAY: ("日期", "day"),
        CalendarText.COL_WEEKDAY: ("星期", "weekday"),
        CalendarText.COL_STATUS: ("状态", "status"),
        CalendarText.COL_SOURCE: ("来源", "source"),
        CalendarText.HOLIDAY: ("节假日(休息)", "holiday (rest)"),
        CalendarText.MAKEUP: ("调休上班", "make-up workday"),
        CalendarText.FROM_PACKAGE: ("{package} 软件包数据", "package data ({package})"),
        CalendarText.FROM_BOOK: (
            "政策书 {version} 的日历表",
            "the calendar table of book {version}",
        ),
        CalendarText.SOURCE_SEP: ("、", "; "),
        CalendarText.WEEKEND_RULE: (
            "其余日期按周末规则:周六、周日休息,周一至周五上班",
            "Every other day follows the weekend rule: Saturday and Sunday rest,"
            " Monday to Friday work",
        ),
        CalendarText.NO_DATA: (
            "{year} 年没有工作日数据({covered}):请把该年的节假日与调休安排写入政策书的"
            " [[calendar.years]] 表,或更新节假日软件包",
            "no working-day data for {year} ({covered}): add the year's holidays and make-up"
            " workdays to the policy book as a [[calendar.years]] table, or update the holiday"
            " package",
        ),
        CalendarText.COVERED: ("已有数据的年份为 {span}", "the data covers the years {span}"),
        CalendarText.COVERED_NONE: ("没有任何年份的数据", "no year has data"),
    },
)


def register(commands: Commands) -> None:
    """Add ``calendar`` and its action ``show``."""
    calendar = commands.add_parser(
        "calendar",
        help="show the working-day calendar of a year and where each day's status comes from",
        description="Show what the library believes about a year's working days.",
    )
    actions = calendar.add_subparsers(title="actions", metavar="{show}")
    show = actions.add_parser(
        "show",
        help="list a year's holidays and make-up workdays, each with its source",
        description="List every holiday and make-up workday of YEAR by China's calendar"
        " extended with the policy book's [calendar] tables, and where each comes from.",
    )
    show.add_argument("year", metavar="YEAR", type=_year, help="the year, e.g. 2027")
    add_options(show, "policy", "lang", "format")
    show.set_defaults(run=_show)
    calendar.set_defaults(run=usage(calendar))


def _year(text: str) -> int:
    value = text.strip()
    if value.isascii() and value.isdigit() and _FIRST_YEAR <= int(value) <= _LAST_YEAR:
        return int(value)
    raise argparse.ArgumentTypeError(
        f"expected a year from {_FIRST_YEAR} to {_LAST_YEAR}, got {text!r}"
    )


# --------------------------------------------------------------------------- what is shown


@attrs.frozen
class _Source:
    """Where a day's status comes from: the package (``version`` None) or a book's table."""

    package: str | None = None
    version: str | None = None

    def key(self) -> str:
        return f"package:{self.package}" if self.package is not None else f"book:{self.version}"

    def text(self, lang: Lang) -> str:
        if self.package is not None:
            return render_message(CalendarText.FROM_PACKAGE, lang, package=self.package)
        return render_message(CalendarText.FROM_BOOK, lang, version=self.version)


@attrs.frozen
class _Day:
    day: dt.date
    working: bool
    sources: tuple[_Source, ...]


def _status(day: _Day, lang: Lang) -> str:
    return render_message(CalendarText.MAKEUP if day.working else CalendarText.HOLIDAY, lang)


def _sources(day: _Day, lang: Lang) -> str:
    sep = render_message(CalendarText.SOURCE_SEP, lang)
    return sep.join(s.text(lang) for s in day.sources)


def _weekday(day: _Day, lang: Lang) -> str:
    weekday = Weekday(day.day.isoweekday())
    return weekday.zh if lang == "zh" else weekday.en


_TABLE: tuple[Column[_Day], ...] = (
    Column("day", lambda d, _: d.day.isoformat(), CalendarText.COL_DAY),
    Column("weekday", _weekday, CalendarText.COL_WEEKDAY),
    Column("status", _status, CalendarText.COL_STATUS),
    Column("source", _sources, CalendarText.COL_SOURCE),
)

_DATA: tuple[Column[_Day], ...] = (
    Column("day", lambda d, _: d.day.isoformat()),
    Column("weekday", lambda d, _: d.day.isoweekday()),
    Column("status", lambda d, _: "makeup_workday" if d.working else "holiday"),
    Column("sources", lambda d, _: [s.key() for s in d.sources]),
)
"""``--format csv|json|jsonl``: stable keys; ``sources`` are ``package:<name version>`` and
``book:<version>``."""


# --------------------------------------------------------------------------- the command


def _package() -> tuple[WorkingDayCalendar, str | None]:
    """China's calendar and the package's name and version, or an empty calendar."""
    from customer_rules import cn_calendar

    try:
        calendar = cn_calendar.china_working_days()
    except CustomerRulesError:  # pragma: no cover - exercised only without the extra
        return WorkingDayCalendar(name="no package"), None
    try:
        version = metadata.version("chinesecalendar")
    except metadata.PackageNotFoundError:  # pragma: no cover - installed without metadata
        return calendar, "chinesecalendar"
    return calendar, f"chinesecalendar {version}"


def _believed(
    year: int, base: WorkingDayCalendar, package: str | None, history: PolicyHistory
) -> list[_Day]:
    """Every listed day of ``year`` by ``base`` extended with the history's tables, with its
    sources (``year`` is covered)."""
    merged = history.working_calendar(base)
    entry = merged.year_table(year)
    tables = [
        (book.version, e) for book in history.books for e in book.calendar.years if e.year == year
    ]
    days: list[_Day] = []
    for day in sorted(entry.holidays | entry.makeup_workdays):
        working = day in entry.makeup_workdays
        sources: list[_Source] = []
        if package is not None and base.covers(day):
            listed = base.makeup_workdays if working else base.holidays
            if day in listed:
                sources.append(_Source(package=package))
        for version, table in tables:
            if day in (table.makeup_workdays if working else table.holidays):
                sources.append(_Source(version=version))
        days.append(_Day(day, working, tuple(sources)))
    return days


def _show(args: argparse.Namespace) -> int:
    year: int = args.year
    lang: Lang = args.lang
    fmt: str = args.format
    policy: str | None = args.policy
    history = load_history(policy)
    base, package = _package()
    try:
        covered = base.covered_years | history.calendar.covered_years
        if year not in covered:
            raise CommandError(_no_data(year, covered, lang))
        days = _believed(year, base, package, history)
    except PolicyError as exc:  # a book's table disagrees with the package
        if policy:
            print_problems(exc, policy)
        else:  # pragma: no cover - the seed has no tables
            print_error(str(exc))
        raise Exit(_USAGE) from None
    out = output(fmt)
    if fmt in _STREAMING:
        write_records(out, fmt, _DATA, days, lang)
    else:
        holidays = sum(not d.working for d in days)
        title = render_message(
            CalendarText.TITLE, lang, year=year, holidays=holidays, makeup=len(days) - holidays
        )
        if package is None:  # pragma: no cover - exercised only without the extra
            title += render_message(CalendarText.NO_PACKAGE, lang)
        write_table(out, _TABLE, days, lang, title=title + "\n")
        out.write(render_message(CalendarText.WEEKEND_RULE, lang) + "\n")
    return _OK


def _no_data(year: int, covered: frozenset[int], lang: Lang) -> str:
    if covered:
        years = sorted(covered)
        span = _spans(years)
        text = render_message(CalendarText.COVERED, lang, span=span)
    else:  # pragma: no cover - exercised only without the extra
        text = render_message(CalendarText.COVERED_NONE, lang)
    return render_message(CalendarText.NO_DATA, lang, year=year, covered=text)


def _spans(years: list[int]) -> str:
    """``2004–2027`` or ``2004–2026, 2028`` for sorted years."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
