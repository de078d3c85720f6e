"""The history CSV of ``customer-rules allocate --history``: the column map, the shipped sample.

One header row names the columns (English names or their Chinese labels, any order); each
further row is one event of a person's history — one
:data:`~customer_rules.allocation.SanctionEvent`, its kind named in the ``kind`` column. The
reading is :mod:`customer_rules.rows` with :data:`HISTORY_COLUMNS`: each row becomes a
:class:`HistoryRow`, and :meth:`HistoryRow.event` the event the allocator (A13) and the
sanctions ledger (A3–A5) read. A row that cannot be right — an unknown kind, a time without its
offset, no person, a column the kind does not have — becomes a
:class:`~customer_rules.rows.RowError` naming its line and column (every problem of the row at
once), and the other rows are still read.

Example:
    >>> from customer_rules.rows import parse_rows
    >>> text = (
    ...     "kind,person,at,lead,judged,actual\\n"
    ...     "误判,S07,2026-11-05T10:00:00+08:00,L1,A,C\\n"
    ...     "violation,S04,2026-11-06T10:00:00+08:00,L2,,\\n"
    ...     "lateness,,2026-11-07 10:00,,,\\n"
    ... )
    >>> with parse_rows(text, HISTORY_COLUMNS) as rows:
    ...     for row in rows:
    ...         if row.value is not None:
    ...             event = row.value.event()
    ...             print(row.line, type(event).__name__, event.person, event.at.isoformat())
    ...         else:
    ...             print(row.line, [p.column for p in row.problems], row.problems[0].message)
    2 Misjudgment S07 2026-11-05T10:00:00+08:00
    3 ['lead'] not a column of a violation (its own columns: serious, what)
    4 ['kind', 'person', 'at'] expected a HistoryKind: one of misjudgment (误判), ...
"""

from __future__ import annotations

import datetime as dt

import attrs

from customer_rules._allocation.sanctions import (
    LeadGiven,
    Misjudgment,
    MissedReport,
    PassedOver,
    SanctionEvent,
    Violation,
)
from customer_rules._grading.model import DealSizeType
from customer_rules._samples import shipped_text
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.rows import ColumnMap

__all__ = ["HISTORY_COLUMNS", "HistoryKind", "HistoryRow", "sample_history_text"]


class HistoryKind(LabelledEnum):
    """The kind of one event of the history CSV: the
    :data:`~customer_rules.allocation.SanctionEvent` class a row becomes."""

    MISJUDGMENT = "misjudgment"
    """误判 — A3: a lead type judged wrongly (:class:`~customer_rules.allocation.Misjudgment`)."""
    VIOLATION = "violation"
    """违规 — A4: a punished violation of company rules
    (:class:`~customer_rules.allocation.Violation`)."""
    MISSED_REPORT = "missed_report"
    """未及时上报 — A5: a ten-minute report missed
    (:class:`~customer_rules.allocation.MissedReport`)."""
    PASSED_OVER = "passed_over"
    """跳过分配 — an allocation run passed the person over, serving one skip
    (:class:`~customer_rules.allocation.PassedOver`)."""
    LEAD_GIVEN = "lead_given"
    """已分配 — a lead given; quotas count these (:class:`~customer_rules.allocation.LeadGiven`)."""


set_labels(
    {
        HistoryKind.MISJUDGMENT: ("误判", "misjudgment"),
        HistoryKind.VIOLATION: ("违规", "violation"),
        HistoryKind.MISSED_REPORT: ("未及时上报", "missed report"),
        HistoryKind.PASSED_OVER: ("跳过分配", "passed over"),
        HistoryKind.LEAD_GIVEN: ("已分配", "lead given"),
    }
)

_OWN: dict[HistoryKind, tuple[str, ...]] = {
    HistoryKind.MISJUDGMENT: ("lead", "judged", "actual"),
    HistoryKind.VIOLATION: ("serious", "what"),
    HistoryKind.MISSED_REPORT: ("lead",),
    HistoryKind.PASSED_OVER: ("lead",),
    HistoryKind.LEAD_GIVEN: ("lead",),
}
"""The optional columns each kind has."""

_OPTIONAL = ("lead", "judged", "actual", "serious", "what")


@attrs.frozen
class HistoryRow:
    """One row of the history CSV: an event of some kind, with the columns it fills.

    Attributes:
        kind: which event the row is.
        person: the person's id (as the roster's ``id``).
        at: when it happened (timezone-aware).
        lead, judged, actual, serious, what: the kind's own fields (see
            :data:`HISTORY_COLUMNS`); ``None`` when the cell is empty. A filled cell that is not
            one of the kind's is refused (naming the column), never ignored.
    """

    kind: HistoryKind
    person: str
    at: dt.datetime
    lead: str | None = None
    judged: DealSizeType | None = None
    actual: DealSizeType | None = None
    serious: bool | None = None
    what: str | None = None

    def __attrs_post_init__(self) -> None:
        own = _OWN[self.kind]
        problems = [
            Problem(
                name,
                f"not a column of a {self.kind.value} (its own columns: {', '.join(own)})",
                getattr(self, name),
            )
            for name in _OPTIONAL
            if getattr(self, name) is not None and name not in own
        ]
        if problems:
            raise InputError.of(problems)

    def event(self) -> SanctionEvent:
        """The event of the row, for :func:`~customer_rules.allocation.allocate` and
        :func:`~customer_rules.allocation.sanctions`."""
        kind, lead = self.kind, self.lead or ""
        if kind is HistoryKind.MISJUDGMENT:
            return Misjudgment(self.person, self.at, lead, self.judged, self.actual)
        if kind is HistoryKind.VIOLATION:
            return Violation(self.person, self.at, bool(self.serious), self.what or "")
        if kind is HistoryKind.MISSED_REPORT:
            return MissedReport(self.person, self.at, lead)
        if kind is HistoryKind.PASSED_OVER:
            return PassedOver(self.person, self.at, lead)
        return LeadGiven(self.person, self.at, lead)


HISTORY_COLUMNS: ColumnMap[HistoryRow] = ColumnMap(
    HistoryRow,
    {
        "kind": "kind",
        "person": "person",
        "at": "at",
        "lead": "lead",
        "judged": "judged",
        "actual": "actual",
        "serious": "serious",
        "what": "what",
    },
    aliases={
        "事件类型": "kind",
        "类型": "kind",
        "工号": "person",
        "时间": "at",
        "线索编号": "lead",
        "判定类型": "judged",
        "实际类型": "actual",
        "情节严重": "serious",
        "违规事项": "what",
    },
    required={"kind", "person", "at"},
)
"""The history CSV: column → field of :class:`HistoryRow`, with the Chinese header labels
accepted. ``kind`` is the event's kind by value or label (``misjudgment`` 误判, ``violation``
违规, ``missed_report`` 未及时上报, ``passed_over`` 跳过分配, ``lead_given`` 已分配); ``at`` an
ISO date and time with its offset; ``lead`` belongs to every kind but ``violation``, ``judged``
and ``actual`` (A, B, C or D) to ``misjudgment``, ``serious`` (yes/no, 是/否) and ``what`` to
``violation``."""


def sample_history_text() -> str:
    """The CSV text of the sample history shipped in the package, for the sample run at
    2026-11-30T09:00:00+08:00: three misjudgments of S07 in November 2026 (A3's first level:
    one allocation skipped), a first violation of S04 whose seven days are over, and two leads
    given earlier in the month."""
    return shipped_text("sample_history.csv")
