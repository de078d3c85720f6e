"""C4/C5 — a ledger line of ``credit aging``: every refusal named in full, and its collection
case about its own receivable. (That the shipped sample ledger reads as UTF-8 under any locale
is checked with every other sample in ``tests/test_samples.py``.)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from customer_rules._credit.receivables import LedgerEntry
from customer_rules.credit import CollectionStep, Receivable
from refusals import problems_of

# ------------------------------------------------------------------- a ledger line's refusals

DUE = dt.date(2026, 6, 30)
RECEIVABLE = Receivable("AR-1", "C1", "1000", DUE)


@pytest.mark.parametrize(
    ("kwargs", "path", "given", "expected"),
    [
        ({"customer_name": 7}, "customer_name", 7, "a non-empty string or None"),
        ({"customer_name": " "}, "customer_name", "' '", "a non-empty string or None"),
        ({"customer_name": ""}, "customer_name", "''", "a non-empty string or None"),
        ({"last_step_on": "2026-07-01"}, "last_step_on", "'2026-07-01'", "a datetime.date"),
        (
            {"last_step": CollectionStep.PHONE},
            "last_step_on",
            None,
            "the day 'phone' was taken",
        ),
        (
            {"last_step_on": dt.date(2026, 7, 1)},
            "last_step",
            None,
            "the step taken on 2026-07-01",
        ),
    ],
    ids=["name-not-text", "name-blank", "name-empty", "day-not-date", "step-no-day", "day-no-step"],
)
def test_a_bad_ledger_line_is_named_in_full(
    kwargs: dict[str, Any], path: str, given: object, expected: str
) -> None:
    """C4/C5: a ledger line names the field, what was given and what was expected."""
    assert problems_of(lambda: LedgerEntry(RECEIVABLE, **kwargs)) == [(path, given, expected)]


def test_a_ledger_lines_case_is_about_its_receivable() -> None:
    """C5: the case of the collection ladder is bound to the receivable's id, in the state of
    the last step taken."""
    entry = LedgerEntry(
        RECEIVABLE, last_step=CollectionStep.PHONE, last_step_on=dt.date(2026, 7, 1)
    )
    case = entry.case()
    assert case is not None
    assert (case.workflow, case.state, case.subject, case.seq, case.last_by, case.last_on) == (
        "C5.ladder", "phone", "AR-1", 1, None, dt.date(2026, 7, 1)
    )  # fmt: skip
    assert LedgerEntry(RECEIVABLE, customer_name="华东重工").case() is None
