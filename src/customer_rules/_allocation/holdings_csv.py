"""The holdings CSV of ``customer-rules reclaim``: the column map, the shipped sample, reading.

One header row names the columns (English names or their Chinese labels, any order); each
further row is one :class:`~customer_rules.allocation.Holding`. The reading is
:mod:`customer_rules.rows` with :data:`HOLDINGS_COLUMNS`: a row that cannot be right — a bad
date, an unknown grade, a held customer without the day it was received, a repeated customer —
becomes a :class:`~customer_rules.rows.RowError` naming its line and column, and the other rows
are still read. Window extensions are workflow records, not columns: a host that grants them
passes :class:`~customer_rules.allocation.Holding` values to
:func:`~customer_rules.allocation.reclaimable` itself.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import NamedTuple

from customer_rules._allocation.holdings import Holding
from customer_rules._samples import shipped_text
from customer_rules.rows import ColumnMap, RowError, RowReader, parse_rows, read_rows

__all__ = [
    "HOLDINGS_COLUMNS",
    "SAMPLE_AS_OF",
    "HoldingsFile",
    "parse_holdings",
    "read_holdings",
    "sample_holdings_text",
]

SAMPLE_AS_OF = dt.date(2026, 11, 30)
"""The day the shipped sample describes: ``reclaim`` without ``--holdings`` decides as of it, so
the sample reads the same whatever today's date is."""

HOLDINGS_COLUMNS: ColumnMap[Holding] = ColumnMap(
    Holding,
    {
        "customer": "customer",
        "name": "name",
        "holder": "holder",
        "received": "received",
        "version": "version",
        "registered": "registered",
        "applied": "applied",
        "declared": "declared",
        "declared_in_report": "declared_in_report",
        "grade": "grade",
        "lead_type": "lead_type",
        "locked": "locked",
        "first_action": "first_action",
        "last_action": "last_action",
        "signed": "signed",
        "last_deal": "last_deal",
        "pool_entered": "pool_entered",
        "previous_holder": "previous_holder",
    },
    aliases={
        "客户编号": "customer",
        "客户名称": "name",
        "负责人": "holder",
        "客户经理": "holder",
        "接收日期": "received",
        "分配日期": "received",
        "版本": "version",
        "登记日期": "registered",
        "开发申请日期": "applied",
        "申报日期": "declared",
        "申报报表日期": "declared_in_report",
        "客户等级": "grade",
        "客户类型": "lead_type",
        "锁定": "locked",
        "首次销售动作": "first_action",
        "首次跟进": "first_action",
        "最近销售动作": "last_action",
        "最后跟进": "last_action",
        "签约日期": "signed",
        "最近成交": "last_deal",
        "进入公海日期": "pool_entered",
        "前负责人": "previous_holder",
    },
    required={"customer"},
    key="customer",
)
"""The holdings CSV: column → field of :class:`~customer_rules.allocation.Holding`, with the
Chinese header labels accepted for each. Only ``customer`` is required in the header, and it is
unique in a file; an empty ``holder`` is a customer in the public pool."""


class HoldingsFile(NamedTuple):
    """The holdings read from a CSV, and the problems found.

    Attributes:
        holdings: the holdings of the good rows, in file order.
        errors: every problem found, in file order; header warnings (unknown columns) among
            them with ``warning=True``.
        lines: the line each holding's row starts on, by customer.
    """

    holdings: list[Holding]
    errors: list[RowError]
    lines: dict[str, int]


def parse_holdings(text: str, *, strict: bool = False) -> HoldingsFile:
    """Parse holdings from CSV text (a header row, then one holding per row).

    Raises:
        InputError: if the text has no header with a ``customer`` column.

    Example:
        >>> f = parse_holdings("客户编号,负责人,接收日期\\nC1,陈小明,2026-09-01\\nC2,王芳,\\n")
        >>> [h.customer for h in f.holdings], [(e.line, e.column) for e in f.errors]
        (['C1'], [(3, 'received')])
    """
    return _collect(parse_rows(text, HOLDINGS_COLUMNS, strict=strict))


def read_holdings(
    path: str | os.PathLike[str], *, encoding: str | None = None, strict: bool = False
) -> HoldingsFile:
    """Read a holdings CSV file: UTF-8 with or without a byte-order mark, else GB18030 (GBK).

    Raises:
        InputError: if the file cannot be read or decoded, or has no ``customer`` column.
    """
    return _collect(read_rows(path, HOLDINGS_COLUMNS, encoding=encoding, strict=strict))


def _collect(reader: RowReader[Holding]) -> HoldingsFile:
    found = HoldingsFile([], list(reader.header_problems), {})
    with reader:
        for row in reader:
            if row.value is None:
                found.errors.extend(row.problems)
            else:
                found.holdings.append(row.value)
                found.lines[row.value.customer] = row.line
    return found


def sample_holdings_text() -> str:
    """The CSV text of the sample holdings shipped in the package, as of :data:`SAMPLE_AS_OF`:
    every state of A8, A9 and A10, two customers in the public pool, a locked one and one with
    a deal."""
    return shipped_text("sample_holdings.csv")
