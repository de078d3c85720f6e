"""C4/C5 — the sample ledger shipped with ``credit aging``: read as UTF-8 whatever the locale.

The sample holds Chinese customer names; a host on Chinese Windows runs Python with a GBK locale,
where a text file opened without an encoding is decoded as GBK (garbled, or an error).
"""

from __future__ import annotations

import datetime as dt
import io
from importlib import resources
from typing import Any

import pytest

from customer_rules._credit.receivables import LEDGER_COLUMNS, LedgerEntry, sample_ledger_text
from customer_rules.credit import CollectionStep, Receivable
from customer_rules.rows import parse_rows
from refusals import problems_of


def test_the_sample_ledger_is_read_as_utf8_under_a_gbk_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = resources.files("customer_rules").joinpath("data", "sample_receivables.csv").read_bytes()
    # what ``open(..., encoding=None)`` decodes with on a machine whose locale is GBK
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "gbk")
    text = sample_ledger_text()
    assert text == raw.decode("utf-8-sig")
    with parse_rows(text, LEDGER_COLUMNS) as rows:
        first = next(iter(rows))
    assert first.value is not None
    assert first.value.customer_name == "华东重工集团有限公司"


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
