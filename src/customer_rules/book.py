"""The :class:`PolicyBook`: every chapter's policy, with a version label and an effective date.

A chapter joins the book by ONE declaration here — a field whose type is the chapter's policy
class, declared with :func:`~customer_rules.settings.setting` (``unit=Unit.TABLE``). Loading,
dumping, validation (:mod:`customer_rules.config`) and the test strategies
(:mod:`customer_rules.testing`) find the chapters from these fields (:func:`chapters`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from customer_rules._grading.policy import GradingPolicy
from customer_rules.settings import Mark, Unit, is_policy, policy, setting

__all__ = ["SEED_EFFECTIVE", "PolicyBook", "chapters"]

SEED_EFFECTIVE = dt.date(2026, 1, 1)
"""The effective date given to the seed book [default: the seeds are undated]."""


@policy
class PolicyBook:
    """Every policy of a company, with a version label and an effective date.

    ``PolicyBook()`` is the seed regulations as written. Regulations are re-examined yearly (G6),
    so a book says which version it is; every result records the version that decided it — the
    book stamps its label on each chapter policy it holds.

    Attributes:
        version: a label, e.g. ``"2027"`` or ``"seed"``.
        effective: the day the book takes effect.
        grading: the grading chapter (G1–G7).

    Example:
        >>> from customer_rules.config import load_book
        >>> book = load_book('version = "2027"\\n[grading.scorecard.total_cutoffs]\\nA = 15\\n')
        >>> book.grading.scorecard.total_cutoffs.A, book.grading.version
        (15, '2027')
    """

    version: str = setting(default="seed", unit=Unit.TEXT, source="G6", mark=Mark.DEFAULT)
    effective: dt.date = setting(
        default=SEED_EFFECTIVE, unit=Unit.DATE, source="G6", mark=Mark.DEFAULT
    )
    grading: GradingPolicy = setting(default=GradingPolicy(), unit=Unit.TABLE, source="G1–G7")

    def _check(self) -> tuple[()]:
        for name in chapters(type(self)):
            chapter = getattr(self, name)
            if getattr(chapter, "version", self.version) != self.version:
                # attrs' documented way to set a field of a frozen instance during initialisation
                object.__setattr__(self, name, attrs.evolve(chapter, version=self.version))
        return ()


def chapters(book: type[Any] = PolicyBook) -> tuple[str, ...]:
    """The names of the book's chapters (its policy-class fields), in declaration order."""
    return tuple(f.name for f in attrs.fields(book) if is_policy(f.type) or _policy_hint(f))


def _policy_hint(field: attrs.Attribute[Any]) -> bool:
    from customer_rules._coerce import type_hints

    return is_policy(type_hints(PolicyBook).get(field.name))
