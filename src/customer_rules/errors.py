"""The library's exceptions.

A business "no" (a customer not yet eligible, an assessment by the wrong role) is a *result*;
these exceptions are for programming and configuration mistakes only.

Every exception derives from :class:`CustomerRulesError`, and each subclass also inherits the
builtin it resembles (``PolicyError`` and ``InputError`` are ``ValueError``s,
``CalendarCoverageError`` is a ``LookupError``), so existing ``except ValueError`` blocks keep
working.

Both :class:`PolicyError` and :class:`InputError` carry *every* problem found, each a
:class:`Problem` with its dotted path (``grading.scorecard.total_cutoffs.A``,
``scorecard.influence_assessment.on``), what was expected and what was given. A given value is
kept in a JSON-safe, bounded form (:func:`shown`): an error about a million-digit number or a
deeply nested structure never costs more than a short line to build or to print.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import cast

import attrs

__all__ = [
    "CalendarCoverageError",
    "CustomerRulesError",
    "InputError",
    "PolicyError",
    "Problem",
    "shown",
]

_MAX_SHOWN = 80
"""Characters of a given value kept in an error; longer values are cut with an ellipsis."""


def shown(value: object) -> str | int | bool | None:
    """A given value in a JSON-safe, bounded form for an error message or record.

    ``None``, booleans and small integers stay as they are; everything else becomes a short
    ``repr``-like text of at most 80 characters. Never raises, whatever the value.

    Example:
        >>> shown(Decimal("12.5")), shown("x" * 100)[-3:], shown(10**400)
        ("Decimal('12.5')", '...', 'an integer of about 401 digits')
    """
    if value is None or isinstance(value, bool):
        return value
    if type(value) is int:
        if -(10**15) <= value <= 10**15:
            return value
        digits = value.bit_length() * 30103 // 100000 + 1  # about log10: str() may refuse it
        return f"an integer of about {digits} digits"
    try:
        if isinstance(value, str):
            text = repr(value[: _MAX_SHOWN + 1])
        elif isinstance(value, Decimal):
            text = f"Decimal('{value}')" if _small_decimal(value) else "a Decimal out of range"
        elif isinstance(value, dt.date | enum.Enum):
            text = repr(value)
        elif isinstance(value, bytes | bytearray):
            text = repr(bytes(value[:_MAX_SHOWN]))
        elif isinstance(value, list | tuple | dict | set | frozenset):
            text = f"a {type(value).__name__} of {len(value)} item(s)"
            if len(value) <= 8:
                short = repr(value)
                text = short if len(short) <= _MAX_SHOWN else text
        else:
            text = f"a {type(value).__name__}"
    except Exception:  # a hostile __repr__ or __len__ must not break the error itself
        text = f"a {type(value).__name__}"
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def _small_decimal(value: Decimal) -> bool:
    if not value.is_finite():
        return True
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and -40 <= exponent <= 40 and value.adjusted() <= 40


class CustomerRulesError(Exception):
    """Root of every exception raised by ``customer_rules``."""


@attrs.frozen
class Problem:
    """One thing wrong with a configuration or an input.

    Attributes:
        path: where, as a dotted path (``grading.scorecard.total_cutoffs.A``,
            ``scorecard.influence_assessment.on``, ``tiers[2].priority``) or a field name;
            ``""`` for the whole document.
        message: what is wrong, naming what was expected and what was given.
        given: the value given, JSON-safe and bounded (see :func:`shown`); ``None`` if not
            recorded.
        expected: what was expected, in words; ``""`` if the message says it otherwise.
    """

    path: str
    message: str
    given: str | int | bool | None = None
    expected: str = ""

    @classmethod
    def mismatch(cls, path: str, given: object, expected: str) -> Problem:
        """The usual problem: ``expected <expected>, got <given>``."""
        safe = shown(given)
        return cls(path, f"expected {expected}, got {safe}", safe, expected)

    def at(self, prefix: str) -> Problem:
        """The same problem with ``prefix`` prepended to its path (``prefix.path`` or
        ``prefix[0]`` for an index)."""
        if not prefix:
            return self
        if not self.path:
            path = prefix
        elif self.path.startswith("["):
            path = prefix + self.path
        else:
            path = f"{prefix}.{self.path}"
        return attrs.evolve(self, path=path)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def _problems(items: object) -> tuple[Problem, ...]:
    if isinstance(items, Problem):
        return (items,)
    try:
        found: tuple[object, ...] = tuple(cast(Iterable[object], items))
    except TypeError:
        return (Problem.mismatch("", items, "a list of Problem values"),)
    return tuple(p if isinstance(p, Problem) else Problem("", str(shown(p))) for p in found)


def _render(problems: tuple[Problem, ...], what: str, where: str) -> str:
    if len(problems) == 1:
        return f"{where}{problems[0]}"
    lines = [f"{where}{len(problems)} problems in the {what}:"]
    lines.extend(f"  - {p}" for p in problems)
    return "\n".join(lines)


class PolicyError(CustomerRulesError, ValueError):
    """A policy or policy file is invalid.

    Carries *every* problem found, each with its dotted path, so one run of ``policy validate``
    shows all that needs fixing. A policy built in Python and the same policy loaded from a file
    give the same problems.

    Attributes:
        problems: the problems, in the order found; each path is a clean dotted path.
        source: the file the policy came from, if any (kept apart from the paths).
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = _problems(problems)
        self.source = source if isinstance(source, str) else None
        super().__init__(_render(self.problems, "policy", f"{self.source}: " if source else ""))

    def prefixed(self, prefix: str) -> PolicyError:
        """Return the same error with ``prefix`` prepended to every path."""
        return PolicyError((p.at(prefix) for p in self.problems), self.source)


class InputError(CustomerRulesError, ValueError):
    """Facts given to a rule cannot be right (negative amount, end before start, naive datetime).

    ``InputError(field, given, expected)`` reports one problem; :meth:`of` reports several
    (every problem of a row at once).

    Attributes:
        field: the dotted path of the (first) offending field or argument.
        given: the value that was given (the first problem's, as given).
        expected: what was expected, in words (the first problem's).
        problems: every problem, each with its path, bounded given value and expectation.
    """

    def __init__(self, field: str, given: object, expected: str) -> None:
        self.field = field if isinstance(field, str) else str(shown(field))
        self.given = given
        self.expected = expected if isinstance(expected, str) else str(shown(expected))
        self.problems: tuple[Problem, ...] = (Problem.mismatch(self.field, given, self.expected),)
        super().__init__(str(self.problems[0]))

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> InputError:
        """One error carrying several problems (at least one)."""
        found = _problems(problems) or (Problem("", "invalid input"),)
        first = found[0]
        error = cls.__new__(cls)
        error.field = first.path
        error.given = first.given
        error.expected = first.expected
        error.problems = found
        CustomerRulesError.__init__(error, _render(found, "input", ""))
        return error

    def prefixed(self, prefix: str) -> InputError:
        """The same error with ``prefix`` prepended to every path."""
        return InputError.of(p.at(prefix) for p in self.problems)


class CalendarCoverageError(CustomerRulesError, LookupError):
    """A working-day calendar was asked about a date outside the years its data covers.

    Raised instead of guessing: official Chinese holidays and make-up workdays are published
    year by year, and a year without published data cannot be answered correctly.

    Attributes:
        day: the date asked about.
        covered_years: the years the calendar's data covers.
    """

    def __init__(self, day: object, covered_years: Iterable[int]) -> None:
        self.day = day
        self.covered_years = tuple(sorted(covered_years))
        span = f"{self.covered_years[0]}–{self.covered_years[-1]}" if self.covered_years else "none"
        super().__init__(
            f"no working-day data for {shown(day)}: the calendar covers the years {span}; "
            "add the year's holidays and make-up workdays (a [calendar] table or a "
            "WorkingDayCalendar) or update the holiday package"
        )
