"""The library's exceptions.

A business "no" (a customer not yet eligible, an assessment by the wrong role) is a *result*;
these exceptions are for programming and configuration mistakes only.

Every exception derives from :class:`CustomerRulesError`, and each subclass also inherits the
builtin it resembles (``PolicyError`` and ``InputError`` are ``ValueError``s,
``CalendarCoverageError`` is a ``LookupError``), so existing ``except ValueError`` blocks keep
working.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "CalendarCoverageError",
    "CustomerRulesError",
    "InputError",
    "PolicyError",
    "Problem",
]


class CustomerRulesError(Exception):
    """Root of every exception raised by ``customer_rules``."""


@attrs.frozen
class Problem:
    """One thing wrong with a configuration or an input.

    Attributes:
        path: where, as a dotted path (``grading.scorecard.total_cutoffs.A``) or a field name.
        message: what is wrong, naming what was expected and what was given.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class PolicyError(CustomerRulesError, ValueError):
    """A policy or policy file is invalid.

    Carries *every* problem found, each with its dotted path, so one run of ``policy validate``
    shows all that needs fixing.

    Attributes:
        problems: the problems, in the order found; each path is a clean dotted path.
        source: the file the policy came from, if any (kept apart from the paths).
    """

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._render())

    def _render(self) -> str:
        where = f"{self.source}: " if self.source else ""
        if len(self.problems) == 1:
            return f"{where}{self.problems[0]}"
        lines = [f"{where}{len(self.problems)} problems in the policy:"]
        lines.extend(f"  - {p}" for p in self.problems)
        return "\n".join(lines)

    def prefixed(self, prefix: str) -> PolicyError:
        """Return the same error with ``prefix`` prepended to every path."""
        return PolicyError(
            Problem(f"{prefix}.{p.path}" if p.path else prefix, p.message) for p in self.problems
        )


class InputError(CustomerRulesError, ValueError):
    """A fact given to a rule cannot be right (negative amount, end before start, naive datetime).

    Attributes:
        field: the name of the offending field or argument.
        given: the value that was given.
        expected: what was expected, in words.
    """

    def __init__(self, field: str, given: object, expected: str) -> None:
        self.field = field
        self.given = given
        self.expected = expected
        super().__init__(f"{field}: expected {expected}, got {given!r}")


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
            f"no working-day data for {day}: the calendar covers the years {span}; "
            "load a newer table (WorkingDayCalendar) or update the holiday package"
        )
