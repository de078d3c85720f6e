"""The :class:`PolicyBook` — every chapter's policy, with a version label, an effective date and
the company's own calendar data — and the :class:`PolicyHistory` of a company's dated books.

A chapter joins the book by ONE declaration here — a field whose type is the chapter's policy
class, declared with :func:`~customer_rules.settings.setting` (``unit=Unit.TABLE``). Loading,
dumping, validation (:mod:`customer_rules.config`) and the test strategies
(:mod:`customer_rules.testing`) find the chapters from these fields (:func:`chapters`).

Regulations are re-examined every year (G6): a host grades "as of" any day under the book in force
then (:meth:`PolicyHistory.in_force`), and every result says which book decided it — the book
stamps its version and effective date on each chapter policy it holds, and a rule refuses a day
before that date.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import enum
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from customer_rules._allocation.policy import AllocationPolicy
from customer_rules._archives.policy import ArchivesPolicy
from customer_rules._credit.policy import CreditPolicy
from customer_rules._grading.policy import SEED_VERSION as _SEED_VERSION
from customer_rules._grading.policy import GradingPolicy
from customer_rules._service.policy import ServicePolicy
from customer_rules.calendars import CalendarTable, CalendarYear, WorkingDayCalendar
from customer_rules.calendars import _disagreement as _calendar_disagreement
from customer_rules.calendars import _union as _calendar_union
from customer_rules.dates import require_date
from customer_rules.errors import InputError, PolicyError, Problem, shown
from customer_rules.settings import Mark, Unit, is_policy, policy, setting, settings_of

__all__ = ["MAX_BOOKS", "SEED_EFFECTIVE", "PolicyBook", "PolicyHistory", "chapters"]

SEED_EFFECTIVE = dt.date(2026, 1, 1)
"""The effective date shown for the seed book [default: the seeds are undated — the seed book
used on its own applies to any day]."""

MAX_BOOKS = 1000
"""The most books a policy history may hold."""

_DERIVED_VERSION = re.compile(r"custom-[0-9a-f]{8}")
"""The form of a derived version label; a book recomputes a label of this form."""


@policy
class PolicyBook:
    """Every policy of a company, with a version label, an effective date and its calendar data.

    ``PolicyBook()`` is the seed regulations as written. Regulations are re-examined yearly (G6),
    so a book says which version it is and from when it applies; the book stamps both on each
    chapter policy it holds (``book.grading.version``, ``book.grading.effective``), so every
    result records the version that decided it and a rule refuses a day before the book takes
    effect.

    The label ``"seed"`` names the seed's own values only: a book whose values differ from the
    seed's and that carries no label of its own gets one derived from the settings that differ
    (``"custom-"`` and 8 hex digits of their hash — the same values give the same label; a
    chapter or setting added later with its default value does not change it). A label of that
    form is always recomputed, so it cannot go stale.

    Attributes:
        version: a label, e.g. ``"2027"``; ``"seed"`` for the seed's values.
        effective: the day the book takes effect. The seed book (label ``"seed"`` at
            :data:`SEED_EFFECTIVE`) is undated: used on its own it applies to any day
            (:attr:`dated`).
        grading: the grading chapter (G1–G7).
        credit: the credit chapter (C1–C11).
        allocation: the allocation chapter (A1–A17).
        archives: the archives chapter (R1–R12).
        service: the service chapter (S1–S7).
        calendar: the company's own working-day data: the holidays and make-up workdays (调休)
            of years the holiday package does not cover yet, one ``[[calendar.years]]`` table per
            year (see :meth:`working_calendar`). Calendar data is about days, not policy
            versions: it does not change the book's label.

    Example:
        >>> from customer_rules.config import load_book
        >>> book = load_book('version = "2027"\\n[grading.scorecard.total_cutoffs]\\nA = 15\\n')
        >>> book.grading.scorecard.total_cutoffs.A, book.grading.version
        (15, '2027')
        >>> load_book('[grading.scorecard.total_cutoffs]\\nA = 15\\n').version
        'custom-40e4248e'
        >>> PolicyBook().grading.effective is None, book.grading.effective
        (True, datetime.date(2026, 1, 1))
    """

    version: str = setting(default=_SEED_VERSION, unit=Unit.TEXT, source="G6", mark=Mark.DEFAULT)
    effective: dt.date = setting(
        default=SEED_EFFECTIVE, unit=Unit.DATE, source="G6", mark=Mark.DEFAULT
    )
    grading: GradingPolicy = setting(default=GradingPolicy(), unit=Unit.TABLE, source="G1–G7")
    credit: CreditPolicy = setting(default=CreditPolicy(), unit=Unit.TABLE, source="C1–C11")
    allocation: AllocationPolicy = setting(
        default=AllocationPolicy(), unit=Unit.TABLE, source="A1–A17"
    )
    archives: ArchivesPolicy = setting(default=ArchivesPolicy(), unit=Unit.TABLE, source="R1–R12")
    service: ServicePolicy = setting(default=ServicePolicy(), unit=Unit.TABLE, source="S1–S7")
    calendar: CalendarTable = setting(
        default=CalendarTable(),
        unit=Unit.TABLE,
        source="design: calendars — the company's own holidays and make-up workdays by year",
        mark=Mark.DEFAULT,
    )

    def _check(self) -> tuple[()]:
        names = chapters(type(self))
        label = self.version
        if label == _SEED_VERSION or _DERIVED_VERSION.fullmatch(label):
            label = _derived_version((name, getattr(self, name)) for name in names)
            # attrs' documented way to set a field of a frozen instance during initialisation
            object.__setattr__(self, "version", label)
        effective = self.effective if self.dated else None
        for name in names:
            chapter = getattr(self, name)
            stamp = {"version": label, "effective": effective}
            if any(getattr(chapter, k, v) != v for k, v in stamp.items()):
                # a copy with the book's stamp: the chapter was checked when it was built, so it
                # is not converted and checked again
                stamped = copy.copy(chapter)
                for key, value in stamp.items():
                    if hasattr(stamped, key):
                        object.__setattr__(stamped, key, value)
                object.__setattr__(self, name, stamped)
        return ()

    @property
    def dated(self) -> bool:
        """Whether the book applies from its :attr:`effective` date on: every book but the seed
        (label ``"seed"`` at :data:`SEED_EFFECTIVE`), which applies to any day."""
        return not (self.version == _SEED_VERSION and self.effective == SEED_EFFECTIVE)

    def working_calendar(self, base: WorkingDayCalendar) -> WorkingDayCalendar:
        """``base`` (the holiday package's calendar) extended with the book's ``[calendar]``
        table.

        Raises:
            PolicyError: for each year of the table that disagrees with ``base``, at
                ``calendar.years[i]``.

        Example:
            >>> from customer_rules.cn_calendar import china_working_days
            >>> book = PolicyBook(calendar={"years": [{"year": 2027, "holidays": ["2027-01-01"]}]})
            >>> book.working_calendar(china_working_days()).is_working_day(dt.date(2027, 1, 1))
            False
        """
        return _extended(_calendar_of(base), ((self, ""),), self.calendar)


def _derived_version(chapters: Iterable[tuple[str, Any]]) -> str:
    """The version label of a book without a label of its own: ``"seed"`` when every setting
    has the seed's value, else ``"custom-"`` and the first 8 hex digits of the SHA-256 of the
    settings that differ (their dotted paths and values, sorted by path).

    Only what differs is hashed, so a chapter or a setting added later with its default value
    does not change the label of an unchanged book; the same values give the same label in
    every run, on every machine.

    Args:
        chapters: ``(name, policy)`` pairs; each setting's path starts with the name.
    """
    changed = sorted(
        (info.path, _canonical(info.value))
        for name, chapter in chapters
        for info in settings_of(chapter, name)
        if info.value != info.default
    )
    if not changed:
        return _SEED_VERSION
    text = json.dumps(changed, ensure_ascii=False, separators=(",", ":"))
    return "custom-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _canonical(value: Any) -> Any:
    """A setting's value as JSON data that is the same for equal values (``Decimal("1E+7")``
    and ``Decimal("10000000.00")`` alike)."""
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return _canonical(value.value)
    if isinstance(value, frozenset):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, tuple):
        return [_canonical(v) for v in value]
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return {
            f.name: _canonical(getattr(value, f.name))
            for f in fields
            if f.init and ("customer_rules" in f.metadata or not is_policy(type(value)))
        }
    return repr(value)  # pragma: no cover - policies hold only the values above


def chapters(book: type[Any] = PolicyBook) -> tuple[str, ...]:
    """The names of the book's chapters (its policy-class fields but the shared records, such as
    the calendar table), in declaration order.

    Raises:
        InputError: for something that is not a policy class.
    """
    if not is_policy(book):
        raise InputError("book", book, "a policy class, e.g. PolicyBook")
    from customer_rules._coerce import type_hints

    hints = type_hints(book)
    return tuple(f.name for f in attrs.fields(book) if _is_chapter(hints.get(f.name)))


def _is_chapter(kind: object) -> bool:
    return is_policy(kind) and not getattr(kind, "__policy_generic__", False)


# --------------------------------------------------------------------------- the history


@attrs.frozen(init=False)
class PolicyHistory:
    """A company's policy books over time (G6: the rules are re-examined yearly): the book in
    force on a day is the latest whose effective date is not after it.

    Build it from the books in any order; they are kept in the order of their effective dates.
    :func:`customer_rules.config.read_history` reads one from a file holding several books
    (``[[book]]`` tables, or a JSON list) or from a folder of book files.

    Args:
        books: the books (at least one, at most :data:`MAX_BOOKS`).
        locations: where each book came from, for problems: ``"book[1]"`` by default, a file
            name for a folder, ``""`` for a file holding one book.

    Attributes:
        books: the books, by effective date.
        locations: where each book of :attr:`books` came from.
        calendar: the calendar tables of all books merged: calendar data is about days, not
            about versions, so a deadline computed under the 2026 book may reach into the 2027
            table of the 2027 book.

    Raises:
        PolicyError: listing every problem with its location: no book; two books taking effect
            on the same day, or sharing a version label; calendar tables of two books that
            disagree about a day.

    Example:
        >>> h = PolicyHistory([PolicyBook(version="2027", effective=dt.date(2027, 1, 1)),
        ...                    PolicyBook(version="2026", effective=dt.date(2026, 1, 1))])
        >>> h.in_force(dt.date(2026, 12, 31)).version, h.in_force(dt.date(2027, 1, 1)).version
        ('2026', '2027')
        >>> h.in_force(dt.date(2025, 12, 31))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        customer_rules.errors.InputError: on: expected a day on or after 2026-01-01, when the ...
    """

    books: tuple[PolicyBook, ...]
    locations: tuple[str, ...] = attrs.field(eq=False, repr=False)
    calendar: CalendarTable = attrs.field(eq=False, repr=False)

    def __init__(self, books: Iterable[PolicyBook], *, locations: Iterable[str] | None = None):
        given = _books(books)
        where = _locations(locations, len(given))
        problems = [*_clashes(given, where)]
        calendar = _merged_calendar(given, where, problems)
        if problems:
            raise PolicyError(problems)
        order = sorted(range(len(given)), key=lambda i: given[i].effective)
        self.__attrs_init__(
            tuple(given[i] for i in order), tuple(where[i] for i in order), calendar
        )

    def in_force(self, on: dt.date) -> PolicyBook:
        """The book in force on ``on``: the latest whose effective date is not after it (the
        seed book alone applies to any day).

        Raises:
            InputError: naming ``on`` for a day before the first book takes effect, or for
                something that is not a date.
        """
        day = require_date(on, "on")
        books = self.books
        if len(books) == 1 and not books[0].dated:
            return books[0]
        index = bisect.bisect_right(books, day, key=_effective)
        if index == 0:
            first = books[0]
            raise InputError(
                "on",
                on,
                f"a day on or after {first.effective}, when the first book of the policy history"
                f" takes effect (version {first.version!r})",
            )
        return books[index - 1]

    @property
    def latest(self) -> PolicyBook:
        """The book with the latest effective date."""
        return self.books[-1]

    def working_calendar(self, base: WorkingDayCalendar) -> WorkingDayCalendar:
        """``base`` (the holiday package's calendar) extended with the merged calendar tables of
        every book.

        Raises:
            PolicyError: for each year of a book's table that disagrees with ``base``, at
                ``<location>.calendar.years[i]``.
        """
        return _extended(
            _calendar_of(base), zip(self.books, self.locations, strict=True), self.calendar
        )


def _effective(book: PolicyBook) -> dt.date:
    return book.effective


def _books(books: object) -> list[PolicyBook]:
    if isinstance(books, PolicyBook):
        return [books]
    if isinstance(books, str | bytes | Mapping) or not isinstance(
        books, list | tuple | Iterator | range | set | frozenset
    ):
        raise PolicyError([Problem.mismatch("book", books, "a list of PolicyBook values")])
    given: list[object] = []
    for item in books:
        given.append(item)
        if len(given) > MAX_BOOKS:
            raise PolicyError([Problem("book", f"expected at most {MAX_BOOKS} books")])
    if not given:
        raise PolicyError([Problem("book", "expected at least one policy book, got none")])
    wrong = [
        Problem.mismatch(f"book[{i}]", item, "a PolicyBook")
        for i, item in enumerate(given)
        if not isinstance(item, PolicyBook)
    ]
    if wrong:
        raise PolicyError(wrong)
    return given  # type: ignore[return-value]


def _locations(locations: object, count: int) -> list[str]:
    if locations is None:
        return [f"book[{i}]" for i in range(count)]
    if isinstance(locations, list | tuple):
        names = list(locations)
        if len(names) == count and all(
            isinstance(n, str) and len(n) <= 1000 and "\x00" not in n for n in names
        ):
            return names
    raise PolicyError(
        [Problem.mismatch("locations", locations, f"a list of {count} location name(s)")]
    )


def _at(location: str, problem: Problem) -> Problem:
    """``problem`` of the book at ``location``: under ``book[1]``, after a file name
    (``"2027.toml: path"``), or as it is for ``""``."""
    if not location:
        return problem
    if location.startswith("book["):
        return problem.at(location)
    return attrs.evolve(problem, path=f"{location}: {problem.path}" if problem.path else location)


def _name(location: str, book: PolicyBook) -> str:
    return f"{location or 'the book'} (version {book.version!r})"


def _clashes(books: list[PolicyBook], where: list[str]) -> Iterator[Problem]:
    dates: dict[dt.date, int] = {}
    versions: dict[str, int] = {}
    for i, book in enumerate(books):
        j = dates.setdefault(book.effective, i)
        if j != i:
            yield _at(
                where[i],
                Problem(
                    "effective",
                    f"expected a day of its own, got {book.effective}, when"
                    f" {_name(where[j], books[j])} takes effect too",
                    str(book.effective),
                    "a day no other book takes effect on",
                ),
            )
        k = versions.setdefault(book.version, i)
        if k != i:
            yield _at(
                where[i],
                Problem(
                    "version",
                    f"expected a label of its own, got {book.version!r}, the label of"
                    f" {where[k] or 'another book'} too",
                    shown(book.version),
                    "a version label no other book has",
                ),
            )


def _merged_calendar(
    books: list[PolicyBook], where: list[str], problems: list[Problem]
) -> CalendarTable:
    merged: dict[int, tuple[CalendarYear, int]] = {}
    for i, book in enumerate(books):
        for j, entry in enumerate(book.calendar.years):
            known = merged.get(entry.year)
            if known is None:
                merged[entry.year] = (entry, i)
                continue
            other, k = known
            problem = _calendar_disagreement(
                f"calendar.years[{j}]",
                entry,
                other.is_working_day,
                f"the calendar table of {_name(where[k], books[k])}",
            )
            if problem is not None:
                problems.append(_at(where[i], problem))
            else:
                merged[entry.year] = (_calendar_union(other, entry), k)
    return CalendarTable(tuple(merged[year][0] for year in sorted(merged)))


def _calendar_of(base: object) -> WorkingDayCalendar:
    if isinstance(base, WorkingDayCalendar):
        return base
    raise InputError("base", base, "a WorkingDayCalendar, e.g. china_working_days()")


def _extended(
    base: WorkingDayCalendar,
    books: Iterable[tuple[PolicyBook, str]],
    table: CalendarTable,
) -> WorkingDayCalendar:
    problems: list[Problem] = []
    for book, location in books:
        try:
            base.extended(book.calendar)
        except PolicyError as exc:
            problems.extend(_at(location, p.at("calendar")) for p in exc.problems)
    if problems:
        raise PolicyError(problems)
    return base.extended(table, name=f"{base.name} + the policy book's calendar table")
