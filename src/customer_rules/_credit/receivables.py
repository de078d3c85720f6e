"""The credit chapter's CSV: the receivables ledger (应收账款账龄记录表) as rows, and its sample.

One header row names the columns (English names or their Chinese labels, any order); each
further row is one :class:`LedgerEntry`: a :class:`~customer_rules.credit.Receivable` and where it
stands on the collection ladder (the last step taken and its day, the recovery method chosen).
The reading is :mod:`customer_rules.rows` with :data:`LEDGER_COLUMNS`: a row that cannot be right
— a bad date, an amount that is not one, a ``paid`` above the ``amount``, a step without its day,
a repeated id — becomes a :class:`~customer_rules.rows.RowError` naming its line and column, and
the other rows are still read. GBK files, a UTF-8 byte-order mark, thousands separators and 万
are the reader's.

No rule is here: this module only turns text into the library's facts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from customer_rules._credit.collection import (
    LADDER,
    CollectionStep,
    RecoveryMethod,
)
from customer_rules._credit.model import Receivable
from customer_rules._samples import shipped_text
from customer_rules._validation import fact_check
from customer_rules.dates import require_date
from customer_rules.errors import InputError
from customer_rules.rows import ColumnMap
from customer_rules.workflow import Case

__all__ = [
    "LEDGER_COLUMNS",
    "SAMPLE_AS_OF",
    "LedgerEntry",
    "sample_ledger_text",
]

SAMPLE_AS_OF = dt.date(2026, 11, 30)
"""The day the shipped sample ledger describes: ``credit aging`` without ``--input`` ages it as of
this day, so the sample reads the same whatever today's date is."""

_STEPS = tuple(CollectionStep)
_IS_RECEIVABLE = fact_check(Receivable, "a Receivable")
_IS_STEP = fact_check(CollectionStep, "a CollectionStep or None", optional=True)
_IS_METHOD = fact_check(RecoveryMethod, "a RecoveryMethod or None", optional=True)


def _optional_day(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        require_date(value, attribute.name)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError(attribute.name, value, "a non-empty string or None")


@attrs.frozen
class LedgerEntry:
    """One line of the receivables ledger: a receivable and where it stands on the collection
    ladder (C4, C5).

    Attributes:
        receivable: the receivable.
        customer_name: the customer's name, for people reading the record; ``None`` if not given.
        last_step: the last collection step taken (C5), ``None`` for none.
        last_step_on: the day it was taken; given exactly when ``last_step`` is.
        method: the recovery method 企划部 chose, if any.

    Raises:
        InputError: naming the field: a value of the wrong type, ``last_step_on`` without
            ``last_step`` or the reverse.

    Example:
        >>> import datetime as dt
        >>> r = Receivable("AR-1", "C001", "12,000", dt.date(2026, 11, 30))
        >>> e = LedgerEntry(r, last_step=CollectionStep.PHONE, last_step_on=dt.date(2026, 11, 20))
        >>> e.case().state, e.case().seq
        ('phone', 1)
    """

    receivable: Receivable = attrs.field(validator=_IS_RECEIVABLE)
    customer_name: str | None = attrs.field(default=None, validator=_optional_text)
    last_step: CollectionStep | None = attrs.field(default=None, validator=_IS_STEP)
    last_step_on: dt.date | None = attrs.field(default=None, validator=_optional_day)
    method: RecoveryMethod | None = attrs.field(default=None, validator=_IS_METHOD)

    def __attrs_post_init__(self) -> None:
        if self.last_step is not None and self.last_step_on is None:
            raise InputError("last_step_on", None, f"the day {self.last_step.value!r} was taken")
        if self.last_step is None and self.last_step_on is not None:
            raise InputError("last_step", None, f"the step taken on {self.last_step_on}")

    def case(self) -> Case | None:
        """The receivable's case of the collection ladder (:data:`~customer_rules.credit.LADDER`),
        in the state of the last step taken, or ``None`` when none is; for
        :func:`~customer_rules.credit.collection_action`. A ledger keeps only the last step, so
        the case is that step's, as if the ones before it were taken in order."""
        if self.last_step is None:
            return None
        return Case(
            LADDER,
            self.last_step.value,
            self.receivable.id,
            _STEPS.index(self.last_step) + 1,
            None,
            self.last_step_on,
        )


LEDGER_COLUMNS: ColumnMap[LedgerEntry] = ColumnMap(
    LedgerEntry,
    {
        "id": "receivable.id",
        "customer": "receivable.customer",
        "customer_name": "customer_name",
        "amount": "receivable.amount",
        "paid": "receivable.paid",
        "issued": "receivable.issued",
        "due": "receivable.due",
        "currency": "receivable.currency",
        "last_step": "last_step",
        "last_step_on": "last_step_on",
        "method": "method",
    },
    aliases={
        "单据编号": "id",
        "应收编号": "id",
        "客户编号": "customer",
        "客户名称": "customer_name",
        "应收金额": "amount",
        "已收金额": "paid",
        "发货日期": "issued",
        "到期日": "due",
        "币种": "currency",
        "上次催收步骤": "last_step",
        "上次催收日期": "last_step_on",
        "追讨方式": "method",
    },
    required={"id", "customer", "amount", "due"},
    key="id",
)
"""The ledger CSV of ``customer-rules credit aging``: column → field of :class:`LedgerEntry`, with
the Chinese header labels accepted. ``id``, ``customer``, ``amount`` and ``due`` are required in
the header; ``id`` is unique in a file; ``paid`` defaults to 0 and ``currency`` to CNY."""

_SAMPLE_FILE = "sample_receivables.csv"


def sample_ledger_text() -> str:
    """The CSV text of the sample ledger shipped in the package, as of :data:`SAMPLE_AS_OF`."""
    return shipped_text(_SAMPLE_FILE)
