"""The grading chapter's CSV: the portfolio column map, the shipped sample, reading and writing.

One header row names the columns (English names or their Chinese labels, any order; see
``docs/cli.md``); each further row is one :class:`~customer_rules.grading.Customer`. The reading
is :mod:`customer_rules.rows` with :data:`PORTFOLIO_COLUMNS`: a row that cannot be right — a bad
date, an amount that is not an amount, an unknown role, a missing or duplicate id — becomes a
:class:`RowError` naming its line and column, and the other rows are still read. No raw
``KeyError``, ``TypeError`` or ``ValueError`` escapes.

The grading rules themselves are not here: this module only turns text into the library's fact
types (:class:`Customer`, :class:`ScorecardFacts`, :class:`Approval`) and back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from customer_rules._samples import shipped_text
from customer_rules.errors import InputError
from customer_rules.grading import INFLUENCE_ASSESSMENT, Customer, CustomerCategory
from customer_rules.rows import ColumnMap, RowError, RowReader, parse_rows, read_rows

__all__ = [
    "COLUMNS",
    "PORTFOLIO_COLUMNS",
    "SAMPLE_AS_OF",
    "Portfolio",
    "RowError",
    "format_portfolio",
    "parse_portfolio",
    "read_portfolio",
    "sample_portfolio",
    "sample_portfolio_text",
]

SAMPLE_AS_OF = dt.date(2026, 11, 30)
"""The reference date of the shipped sample portfolio: its figures describe that day, so the
sample grades the same whatever today's date is."""

PORTFOLIO_COLUMNS: ColumnMap[Customer] = ColumnMap(
    Customer,
    {
        "id": "id",
        "name": "name",
        "category": "category",
        "first_trade": "first_trade",
        "developed_on": "developed_on",
        "contract_amount": "scorecard.contract_amount",
        "paid_on_time": "scorecard.paid_on_time",
        "year_end_receivables": "scorecard.year_end_receivables",
        "premium_pct": "scorecard.premium_pct",
        "strategic_influence": "scorecard.strategic_influence",
        "assessed_by": "scorecard.influence_assessment.who",
        "assessor_role": "scorecard.influence_assessment.role",
        "assessed_on": "scorecard.influence_assessment.on",
        "last_visit": "last_visit",
        "previous_grade": "previous_grade",
        "registered_on": "registered_on",
    },
    aliases={
        "客户编号": "id",
        "客户名称": "name",
        "客户类别": "category",
        "正常往来起始日": "first_trade",
        "开发日期": "developed_on",
        "合同金额": "contract_amount",
        "及时回款": "paid_on_time",
        "年底应收账款": "year_end_receivables",
        "合同溢价": "premium_pct",
        "战略影响": "strategic_influence",
        "评定人": "assessed_by",
        "评定人角色": "assessor_role",
        "评定日期": "assessed_on",
        "最近回访": "last_visit",
        "上次等级": "previous_grade",
        "登记日期": "registered_on",
    },
    constants={"scorecard.influence_assessment.what": INFLUENCE_ASSESSMENT},
    required={"id"},
    key="id",
)
"""The portfolio CSV of ``customer-rules grade``: column → field of
:class:`~customer_rules.grading.Customer`, the Chinese header labels accepted for each column,
and the subject of the influence assessment (which has no column). Only ``id`` is required in
the header; ``id`` is unique in a file."""

COLUMNS: tuple[str, ...] = tuple(PORTFOLIO_COLUMNS.columns)
"""Every column a portfolio CSV may have, in the order :func:`format_portfolio` writes them.
Only ``id`` is required in the header."""

_SAMPLE_FILE = "sample_portfolio.csv"


class Portfolio(NamedTuple):
    """The customers read from a portfolio, and the problems found.

    Attributes:
        customers: the customers of the good rows, in file order.
        errors: every problem found, in file order (a row may have several); header warnings
            (unknown columns) are among them with ``warning=True``.
        lines: the line each customer's row starts on, by customer id (for messages about a
            customer found later, e.g. while grading it).
    """

    customers: list[Customer]
    errors: list[RowError]
    lines: dict[str, int]


def parse_portfolio(text: str, *, strict: bool = False) -> Portfolio:
    """Parse a portfolio from CSV text (a header row, then one customer per row).

    Args:
        text: the CSV text; a leading byte-order mark is ignored.
        strict: an unknown column is an error rather than a warning.

    Returns:
        The customers of the good rows and a :class:`RowError` for each problem. Columns of the
        header that are not in :data:`COLUMNS` (nor their Chinese labels) are reported on the
        header's line and ignored.

    Raises:
        InputError: if the text has no header row or the header has no ``id`` column — nothing
            can be read from it.

    Example:
        >>> p = parse_portfolio("id,name,category\\nC1,华东重工,大客户\\nC2,,huge\\n")
        >>> [c.id for c in p.customers], [e.line for e in p.errors]
        (['C1'], [3])
    """
    return _collect(parse_rows(text, PORTFOLIO_COLUMNS, strict=strict))


def read_portfolio(
    path: str | os.PathLike[str], *, encoding: str | None = None, strict: bool = False
) -> Portfolio:
    """Read a portfolio CSV file: UTF-8 with or without a byte-order mark, else GB18030 (GBK).

    Args:
        path: the file.
        encoding: the file's encoding, if not UTF-8 or GB18030 as above.
        strict: an unknown column is an error rather than a warning.

    Returns:
        As :func:`parse_portfolio`.

    Raises:
        InputError: if the file cannot be read or decoded, or has no header with an ``id``
            column.
    """
    return _collect(read_rows(path, PORTFOLIO_COLUMNS, encoding=encoding, strict=strict))


def _collect(reader: RowReader[Customer]) -> Portfolio:
    result = Portfolio([], list(reader.header_problems), {})
    with reader:
        for row in reader:
            if row.value is None:
                result.errors.extend(row.problems)
            else:
                result.customers.append(row.value)
                result.lines[row.value.id] = row.line
    return result


def sample_portfolio_text() -> str:
    """The CSV text of the sample portfolio shipped in the package, as of :data:`SAMPLE_AS_OF`."""
    return shipped_text(_SAMPLE_FILE)


def sample_portfolio() -> Portfolio:
    """The sample portfolio: twenty customers covering every grade, as of 2026-11-30.

    Returns:
        The parsed sample (it has no rejected rows).
    """
    return parse_portfolio(sample_portfolio_text())


def format_portfolio(customers: Iterable[Customer]) -> str:
    """Write customers as portfolio CSV that :func:`parse_portfolio` reads back to equal customers.

    Args:
        customers: customers whose ``category`` is a :class:`CustomerCategory` (the CSV has no
            columns for the big-customer criteria) and whose influence assessment, if any, is for
            :data:`~customer_rules.grading.INFLUENCE_ASSESSMENT` without an expiry.

    Returns:
        The CSV text with a header row of every column in :data:`COLUMNS`.

    Raises:
        InputError: for a customer the columns cannot express.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for customer in customers:
        writer.writerow(_customer_row(customer))
    return out.getvalue()


# --------------------------------------------------------------------------- writing


def _customer_row(customer: Customer) -> Sequence[str]:
    if not isinstance(customer, Customer):
        raise InputError("customers", customer, "Customer values")
    if not isinstance(customer.category, CustomerCategory):
        raise InputError(
            "category", customer.category, "a CustomerCategory (the CSV has no criteria columns)"
        )
    cells = dict.fromkeys(COLUMNS, "")
    cells.update(
        id=customer.id,
        name=customer.name,
        category=customer.category.value,
        first_trade=_iso(customer.first_trade),
        developed_on=_iso(customer.developed_on),
        last_visit=_iso(customer.last_visit),
        previous_grade="" if customer.previous_grade is None else customer.previous_grade.value,
        registered_on=_iso(customer.registered_on),
    )
    facts = customer.scorecard
    if facts is not None:
        cells.update(
            contract_amount=f"{facts.contract_amount:f}",
            paid_on_time="yes" if facts.paid_on_time else "no",
            year_end_receivables=f"{facts.year_end_receivables:f}",
            premium_pct=f"{facts.premium_pct:f}",
            strategic_influence=str(facts.strategic_influence.value),
        )
        a = facts.influence_assessment
        if a is not None:
            if a.what != INFLUENCE_ASSESSMENT or a.valid_until is not None:
                raise InputError(
                    "influence_assessment", a, "an assessment with no expiry (no CSV column)"
                )
            cells.update(assessed_by=a.who, assessor_role=a.role.value, assessed_on=_iso(a.on))
    return [cells[c] for c in COLUMNS]


def _iso(day: dt.date | None) -> str:
    return "" if day is None else day.isoformat()
