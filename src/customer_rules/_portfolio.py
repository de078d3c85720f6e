"""A portfolio of customers as CSV: reading, checking and writing it (the edge; does I/O).

One header row names the columns (English names, any order; see ``docs/cli.md``); each further
row is one :class:`~customer_rules.grading.Customer`. A row that cannot be right — a bad date, an
amount that is not an amount, an unknown role, a missing or duplicate id — becomes a
:class:`RowError` naming its line and column, and the other rows are still returned: one bad row
never hides a whole portfolio. No raw ``KeyError``, ``TypeError`` or ``ValueError`` escapes.

The grading rules themselves are not here: this module only turns text into the library's fact
types (:class:`Customer`, :class:`ScorecardFacts`, :class:`Approval`) and back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from importlib import resources
from typing import NamedTuple, Protocol, TypeVar

import attrs

from customer_rules.dates import parse_date
from customer_rules.errors import CustomerRulesError, InputError
from customer_rules.grading import (
    INFLUENCE_ASSESSMENT,
    Customer,
    CustomerCategory,
    Grade,
    ScorecardFacts,
    StrategicInfluence,
)
from customer_rules.money import parse_amount, parse_decimal
from customer_rules.roles import Approval, Role

__all__ = [
    "COLUMNS",
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

COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "category",
    "first_trade",
    "developed_on",
    "contract_amount",
    "paid_on_time",
    "year_end_receivables",
    "premium_pct",
    "strategic_influence",
    "assessed_by",
    "assessor_role",
    "assessed_on",
    "last_visit",
    "previous_grade",
)
"""Every column a portfolio CSV may have, in the order :func:`format_portfolio` writes them.
Only ``id`` is required in the header."""

_SCORECARD_COLUMNS = (
    "contract_amount",
    "paid_on_time",
    "year_end_receivables",
    "premium_pct",
    "strategic_influence",
)
_ASSESSMENT_COLUMNS = ("assessed_by", "assessor_role", "assessed_on")

_CATEGORIES: Mapping[str, CustomerCategory] = {
    "big": CustomerCategory.BIG,
    "ordinary": CustomerCategory.ORDINARY,
    CustomerCategory.BIG.zh: CustomerCategory.BIG,
    CustomerCategory.ORDINARY.zh: CustomerCategory.ORDINARY,
}
_YES = frozenset({"yes", "true", "y", "1", "是"})
_NO = frozenset({"no", "false", "n", "0", "否"})
_SAMPLE_RESOURCE = ("data", "sample_portfolio.csv")

_T = TypeVar("_T")


class _LineReader(Protocol):
    """What this module uses of a ``csv.reader``."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


@attrs.frozen
class RowError:
    """One rejected row (or a problem with the header, on line 1).

    Attributes:
        line: the 1-based line of the file where the row starts (the header is line 1).
        column: the column at fault; ``""`` for a problem with the whole row.
        message: what is wrong: what was expected and what was given.
    """

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}: {self.column}: " if self.column else f"line {self.line}: "
        return where + self.message


class Portfolio(NamedTuple):
    """The customers read from a portfolio, and the rows that were rejected.

    Attributes:
        customers: the customers of the good rows, in file order.
        errors: every problem found, in file order (a row may have several).
        lines: the line each customer's row starts on, by customer id (for messages about a
            customer found later, e.g. while grading it).
    """

    customers: list[Customer]
    errors: list[RowError]
    lines: dict[str, int]


def parse_portfolio(text: str) -> Portfolio:
    """Parse a portfolio from CSV text (a header row, then one customer per row).

    Args:
        text: the CSV text; a leading byte-order mark is ignored.

    Returns:
        The customers of the good rows and a :class:`RowError` for each problem. Columns of the
        header that are not in :data:`COLUMNS` are reported on line 1 and ignored.

    Raises:
        InputError: if the text has no header row or the header has no ``id`` column — nothing
            can be read from it.

    Example:
        >>> p = parse_portfolio("id,name,category\\nC1,华东重工,大客户\\nC2,,huge\\n")
        >>> [c.id for c in p.customers], [str(e) for e in p.errors]
        (['C1'], ["line 3: category: expected big, ordinary, 大客户 or 普通客户, got 'huge'"])
    """
    if not isinstance(text, str):
        raise InputError("text", text, "the CSV text as a str")
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    result = Portfolio([], [], {})
    try:
        header, width = _read_header(reader, result.errors)
        _read_rows(reader, header, width, result)
    except csv.Error as exc:
        result.errors.append(RowError(reader.line_num, "", f"not valid CSV: {exc}"))
    return result


def read_portfolio(path: str | os.PathLike[str]) -> Portfolio:
    """Read a portfolio CSV file (UTF-8, with or without a byte-order mark).

    Args:
        path: the file.

    Returns:
        As :func:`parse_portfolio`.

    Raises:
        InputError: if the file cannot be read, is not UTF-8, or has no header with an ``id``
            column.
    """
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except OSError as exc:
        raise InputError("input", name, f"a readable file ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise InputError(
            "input", name, f"a UTF-8 text file (byte {exc.start} is not UTF-8)"
        ) from None
    return parse_portfolio(text)


def sample_portfolio_text() -> str:
    """The CSV text of the sample portfolio shipped in the package, as of :data:`SAMPLE_AS_OF`."""
    resource = resources.files("customer_rules")
    for part in _SAMPLE_RESOURCE:
        resource = resource.joinpath(part)
    return resource.read_text(encoding="utf-8-sig")


def sample_portfolio() -> Portfolio:
    """The sample portfolio: about twenty customers covering every grade, as of 2026-11-30.

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


# --------------------------------------------------------------------------- reading


def _read_header(reader: _LineReader, errors: list[RowError]) -> tuple[dict[str, int], int]:
    """Column name → cell index, and the header's cell count.

    Unknown and repeated names are reported on the header's line.
    """
    for row in reader:
        if any(cell.strip() for cell in row):
            break
    else:
        raise InputError("header", "", "a header row naming the columns, e.g. 'id,name,...'")
    line = reader.line_num
    index: dict[str, int] = {}
    for i, cell in enumerate(row):
        name = cell.strip()
        if not name:
            continue
        if name in index:
            errors.append(RowError(line, name, "column named twice; the first is used"))
        elif name not in COLUMNS:
            errors.append(
                RowError(
                    line, name, f"unknown column, ignored; expected one of: {', '.join(COLUMNS)}"
                )
            )
        else:
            index[name] = i
    if "id" not in index:
        raise InputError("header", ",".join(row), "a header row with an 'id' column")
    return index, len(row)


def _read_rows(
    reader: _LineReader, header: Mapping[str, int], width: int, result: Portfolio
) -> None:
    line = reader.line_num
    for row in reader:
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = {name: row[i].strip() if i < len(row) else "" for name, i in header.items()}
        problems: list[RowError] = []
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            problems.append(
                RowError(start, "", f"row has {len(row)} cells, the header names {width}")
            )
        customer = _customer(cells, start, problems)
        if customer is not None and customer.id in result.lines:
            first = result.lines[customer.id]
            problems.append(
                RowError(start, "id", f"duplicate id {customer.id!r} (first on line {first})")
            )
        result.errors.extend(problems)
        if customer is not None and not problems:
            result.customers.append(customer)
            result.lines[customer.id] = start


class _Row:
    """The cells of one row, and the problems found reading them."""

    def __init__(self, cells: Mapping[str, str], line: int, problems: list[RowError]) -> None:
        self.cells = cells
        self.line = line
        self.problems = problems

    def text(self, column: str) -> str:
        return self.cells.get(column, "")

    def fail(self, column: str, message: str) -> None:
        self.problems.append(RowError(self.line, column, message))

    def get(self, column: str, convert: Callable[[str], _T]) -> _T | None:
        """The converted cell, ``None`` if it is empty or does not convert (a problem is noted)."""
        text = self.text(column)
        if not text:
            return None
        try:
            return convert(text)
        except InputError as exc:
            self.fail(column, f"expected {exc.expected}, got {text!r}")
        except CustomerRulesError as exc:  # pragma: no cover - converters raise InputError
            self.fail(column, str(exc))
        return None

    def require(self, column: str, why: str) -> None:
        if not self.text(column):
            self.fail(column, f"required {why}")


def _customer(cells: Mapping[str, str], line: int, problems: list[RowError]) -> Customer | None:
    row = _Row(cells, line, problems)
    row.require("id", "(the customer id)")
    category = row.get("category", _category)
    first_trade = row.get("first_trade", _date)
    developed_on = row.get("developed_on", _date)
    last_visit = row.get("last_visit", _date)
    previous = row.get("previous_grade", _grade)
    scorecard = _scorecard(row)
    if problems:
        return None
    try:
        return Customer(
            row.text("id"),
            row.text("name"),
            category if category is not None else CustomerCategory.ORDINARY,
            first_trade=first_trade,
            developed_on=developed_on,
            scorecard=scorecard,
            last_visit=last_visit,
            previous_grade=previous,
        )
    except InputError as exc:  # pragma: no cover - every field is checked above
        row.fail(exc.field, f"expected {exc.expected}, got {exc.given!r}")
        return None


def _scorecard(row: _Row) -> ScorecardFacts | None:
    filled = [c for c in (*_SCORECARD_COLUMNS, *_ASSESSMENT_COLUMNS) if row.text(c)]
    if not row.text("contract_amount"):
        if filled:
            row.fail(
                "contract_amount",
                f"required when the other scorecard columns are filled ({', '.join(filled)});"
                " leave them all empty for a customer without scorecard facts",
            )
        return None
    for column in _SCORECARD_COLUMNS[1:]:
        row.require(column, "with contract_amount (the scorecard columns go together)")
    amount = row.get("contract_amount", _amount("contract_amount"))
    paid = row.get("paid_on_time", _yes_no)
    receivables = row.get("year_end_receivables", _amount("year_end_receivables"))
    premium = row.get("premium_pct", _percent)
    influence = row.get("strategic_influence", _influence)
    assessment = _assessment(row)
    if amount is None or paid is None or receivables is None or premium is None:
        return None
    if influence is None:
        return None
    try:
        return ScorecardFacts(amount, paid, receivables, premium, influence, assessment)
    except InputError as exc:  # pragma: no cover - every field is checked above
        row.fail(exc.field, f"expected {exc.expected}, got {exc.given!r}")
        return None


def _assessment(row: _Row) -> Approval | None:
    """The influence assessment; none without ``assessed_by`` (indicator (4) then scores 0)."""
    if not row.text("assessed_by"):
        for column in _ASSESSMENT_COLUMNS[1:]:
            if row.text(column):
                row.fail("assessed_by", f"required when {column} is filled (who assessed?)")
        return None
    row.require("assessor_role", "with assessed_by (the assessor's role)")
    row.require("assessed_on", "with assessed_by (the day of the assessment)")
    role = row.get("assessor_role", _role)
    on = row.get("assessed_on", _date)
    if role is None or on is None:
        return None
    return Approval(row.text("assessed_by"), role, INFLUENCE_ASSESSMENT, on)


def _date(text: str) -> dt.date:
    return parse_date(text, "date")


def _amount(column: str) -> Callable[[str], Decimal]:
    def convert(text: str) -> Decimal:
        return parse_amount(text, column)

    return convert


def _percent(text: str) -> Decimal:
    return parse_decimal(text.removesuffix("%").strip(), "premium_pct")


def _category(text: str) -> CustomerCategory:
    found = _CATEGORIES.get(text.lower())
    if found is None:
        raise InputError("category", text, "big, ordinary, 大客户 or 普通客户")
    return found


def _yes_no(text: str) -> bool:
    value = text.lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise InputError("paid_on_time", text, "yes or no (also true/false, 是/否)")


def _influence(text: str) -> StrategicInfluence:
    choices = {str(level.value): level for level in StrategicInfluence}
    found = choices.get(text)
    if found is None:
        raise InputError(
            "strategic_influence", text, "1, 2, 3 or 4 (4 = industry leader … 1 = sporadic)"
        )
    return found


def _role(text: str) -> Role:
    for role in Role:
        if text.lower() == role.value or text == role.zh:
            return role
    raise InputError("assessor_role", text, f"a role, one of {', '.join(r.value for r in Role)}")


def _grade(text: str) -> Grade:
    try:
        return Grade(text.upper())
    except ValueError:
        raise InputError("previous_grade", text, "A, B, C or D") from None


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
