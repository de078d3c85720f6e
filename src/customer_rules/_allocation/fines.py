"""A6 — per-occurrence fines: the offence → amount table and a period's total per person.

Source: seed 001 §客户资源分配管理制度 3.3.5 (a fragment: "…理表——ABCD客户统筹管理表,未按时录入
20元/次;4客户来成20元/次。") and §3.6.7 (A5: "暂停资源分配一次扣罚", the amount left blank).

The table has the seed's two 20-yuan entries, the A5 deduction — blank in the seed, so the
library's example of 20 yuan is marked [default] and **the company must set its own** — and any
offences a company adds (``extra``). Amounts are ``Decimal`` yuan, sums exact.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._allocation.checks import allocation_policy, day_in_force
from customer_rules._allocation.codes import AllocationReason
from customer_rules._allocation.sanctions import (
    MissedReport,
)
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.dates import SHANGHAI, require_aware, require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import Label, LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._allocation.policy import AllocationPolicy

__all__ = [
    "FineLine",
    "FineOffence",
    "FineRow",
    "FinesPolicy",
    "FinesReport",
    "Incident",
    "PersonFines",
    "fines",
]

_A6 = "A6; 001 §客户资源分配管理制度 3.3.5"
_A5 = "A5, A6; 001 §客户资源分配管理制度 3.6.7 (amount blank)"
_R = AllocationReason


class FineOffence(LabelledEnum):
    """A6: the offences of the seed's fines table; the value is an :class:`Incident`'s
    ``offence``. A company's own offences are rows of ``FinesPolicy.extra``."""

    ABCD_TABLE_LATE = "abcd_table_late"
    """ABCD客户统筹管理表,未按时录入 — the ABCD customer table not entered on time."""
    ITEM_4 = "item_4"
    """"客户来成" — the seed's item 4, garbled in the source; 20 yuan each time."""
    TEN_MINUTE_REPORT = "ten_minute_report"
    """未及时上报销售经理 — the A5 ten-minute report missed (扣罚)."""


set_labels(
    {
        FineOffence.ABCD_TABLE_LATE: (
            "ABCD客户统筹管理表未按时录入",
            "ABCD table not entered on time",
        ),
        FineOffence.ITEM_4: ("客户来成(原文第4项)", "item 4 (客户来成, garbled)"),
        FineOffence.TEN_MINUTE_REPORT: ("未在10分钟内上报销售经理", "ten-minute report missed"),
    }
)


@policy
class FineRow:
    """A company's own offence in the fines table (A6).

    Attributes:
        offence: its key, what an :class:`Incident` names (not one of :class:`FineOffence`'s).
        zh: its Chinese name.
        en: its English name.
        amount: yuan per occurrence.
    """

    offence: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_A6, mark=Mark.DEFAULT)
    zh: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_A6, mark=Mark.DEFAULT)
    en: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_A6, mark=Mark.DEFAULT)
    amount: Decimal = setting(default=attrs.NOTHING, unit=Unit.YUAN, source=_A6, mark=Mark.DEFAULT)


@policy
class FinesPolicy:
    """A6: what each offence costs, per occurrence (元/次).

    Attributes:
        abcd_table_late: the ABCD customer table (ABCD客户统筹管理表) not entered on time
            [seed: 20 yuan].
        item_4: the seed's item 4, "客户来成20元/次" — garbled in the source; kept with its
            amount [seed: 20 yuan].
        ten_minute_report: the A5 deduction (扣罚) for a ten-minute report missed — blank in the
            seed; 20 yuan is the library's example, in line with the seed's other entries
            [default] — **the company must set its own amount**.
        extra: the company's own offences, each a :class:`FineRow` [default: none]; their keys
            unique and not one of :class:`FineOffence`'s.
    """

    abcd_table_late: Decimal = setting(default=Decimal(20), unit=Unit.YUAN, source=_A6)
    item_4: Decimal = setting(default=Decimal(20), unit=Unit.YUAN, source=_A6)
    ten_minute_report: Decimal = setting(
        default=Decimal(20), unit=Unit.YUAN, source=_A5, mark=Mark.DEFAULT
    )
    extra: tuple[FineRow, ...] = setting(
        default=(), unit=Unit.TABLES, source=_A6, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        seen = {o.value for o in FineOffence}
        for i, row in enumerate(self.extra):
            if row.offence in seen:
                yield Problem.mismatch(
                    f"extra[{i}].offence", row.offence, "a key not used before in the table"
                )
            seen.add(row.offence)

    def amount_of(self, offence: str) -> Decimal | None:
        """The yuan per occurrence of ``offence`` (an :class:`FineOffence` value or an ``extra``
        row's key), ``None`` when the table has no such offence."""
        if offence == FineOffence.ABCD_TABLE_LATE.value:
            return self.abcd_table_late
        if offence == FineOffence.ITEM_4.value:
            return self.item_4
        if offence == FineOffence.TEN_MINUTE_REPORT.value:
            return self.ten_minute_report
        for row in self.extra:
            if row.offence == offence:
                return row.amount
        return None

    def label_of(self, offence: str) -> Label:
        """The offence's name in both languages (its key for one the table does not have)."""
        for member in FineOffence:
            if member.value == offence:
                return member.label
        for row in self.extra:
            if row.offence == offence:
                return Label(row.zh, row.en)
        return Label(offence, offence)


# --------------------------------------------------------------------------- facts


def _aware(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    require_aware(value, attribute.name)


def _to_offence(value: object) -> object:
    return value.value if isinstance(value, FineOffence) else value


def _occurrences(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or not 1 <= value <= 100_000:
        raise InputError(attribute.name, value, "a whole number of occurrences, 1–100000")


def _positive(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or value < 1:
        raise InputError(attribute.name, value, "a whole number, 1 or more")


_IS_TEXT = fact_check(str, "a text (may be empty)")


@attrs.frozen
class Incident:
    """A6: one occurrence (or ``count`` occurrences) of an offence by a person.

    Attributes:
        person: the person's id.
        at: when it happened (timezone-aware); the period counts its day in Asia/Shanghai.
        offence: an :class:`FineOffence` (or its value) or the key of a row of
            ``FinesPolicy.extra``.
        count: how many times, 1–100000 [1].
        note: what happened, for the record.
    """

    person: str = attrs.field(validator=non_empty_text)
    at: dt.datetime = attrs.field(validator=_aware)
    offence: str = attrs.field(converter=_to_offence, validator=non_empty_text)
    count: int = attrs.field(default=1, validator=_occurrences)
    note: str = attrs.field(default="", validator=_IS_TEXT)


# --------------------------------------------------------------------------- results


def _yuan(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "amount")


def _total(value: Decimal | int | str) -> Decimal:
    return parse_amount(value, "total")


@attrs.frozen
class FineLine:
    """One offence of one person's period: how many times, at what price.

    Attributes:
        offence: the offence's key.
        count: occurrences in the period.
        amount: yuan per occurrence.
        total: ``count × amount``.
    """

    offence: str = attrs.field(validator=non_empty_text)
    count: int = attrs.field(validator=_positive)
    amount: Decimal = attrs.field(converter=_yuan)
    total: Decimal = attrs.field(converter=_total)


@attrs.frozen
class PersonFines:
    """A6: one person's fines over the period.

    Attributes:
        person: the person's id.
        lines: one line per offence, in the table's order.
        total: the sum of the lines, in yuan.
    """

    person: str = attrs.field(validator=non_empty_text)
    lines: tuple[FineLine, ...]
    total: Decimal = attrs.field(converter=_total)


@attrs.frozen
class FinesReport:
    """A6: every person's fines over ``start``–``end`` (both days included, Asia/Shanghai).

    Attributes:
        start: the period's first day.
        end: the period's last day.
        people: one entry per person with incidents in the period, by id.
        total: the fines of everyone, in yuan.
        policy: the fines table used (not written by ``to_data``).
        policy_version: the version of the policy that decided.

    ``reasons`` (built when read): per person, one ``A6.line`` per offence and ``A6.total``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.dates import SHANGHAI
        >>> t = dt.datetime(2026, 4, 3, 17, 30, tzinfo=SHANGHAI)
        >>> late = [Incident("S07", t, FineOffence.ABCD_TABLE_LATE, count=2)]
        >>> report = fines(late, AllocationPolicy(), start=dt.date(2026, 4, 1),
        ...                end=dt.date(2026, 4, 30))
        >>> report.people[0].total
        Decimal('40')
    """

    start: dt.date
    end: dt.date
    people: tuple[PersonFines, ...]
    total: Decimal = attrs.field(converter=_total)
    policy: FinesPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    def of(self, person: str) -> PersonFines | None:
        """The fines of ``person``, ``None`` if they have none in the period."""
        for entry in self.people:
            if entry.person == person:
                return entry
        return None

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """Per person, one ``A6.line`` per offence (its name, count, price and total) and
        ``A6.total``; ``A6.none`` when no one was fined."""
        out: list[Reason] = []
        for entry in self.people:
            for line in entry.lines:
                out.append(
                    Reason.of(
                        "A6",
                        _R.A6_LINE,
                        offence=self.policy.label_of(line.offence),
                        count=line.count,
                        amount=line.amount,
                        total=line.total,
                    )
                )
            out.append(
                Reason.of(
                    "A6",
                    _R.A6_TOTAL,
                    person=entry.person,
                    start=self.start,
                    end=self.end,
                    total=entry.total,
                )
            )
        if not out:
            out.append(Reason.of("A6", _R.A6_NONE, person="—", start=self.start, end=self.end))
        return tuple(out)


# --------------------------------------------------------------------------- the rule


def fines(
    incidents: Iterable[Incident | MissedReport],
    policy: AllocationPolicy,
    *,
    start: dt.date,
    end: dt.date,
) -> FinesReport:
    """A6: each person's fines over a period, from the fines table.

    Every incident whose day (in Asia/Shanghai) falls from ``start`` to ``end`` (both included)
    costs its offence's amount per occurrence; a :class:`MissedReport` (A5) counts as one
    :attr:`FineOffence.TEN_MINUTE_REPORT`, so the history kept for the sanctions ledger feeds the
    fines too. Sums are exact (``Decimal``).

    Args:
        incidents: the incidents (and missed reports), any order, of any people.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        start: the period's first day.
        end: the period's last day, not before ``start``.

    Returns:
        One entry per person with incidents in the period (by id), the grand total, reasons.

    Raises:
        InputError: naming the argument or the item (``incidents[2].offence``): an incident of
            an offence the table does not have, something that is not an incident, a ``policy``
            that is not an AllocationPolicy, days that are not dates, an ``end`` before
            ``start`` or before the policy's effective date.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy, MissedReport
        >>> from customer_rules.dates import SHANGHAI
        >>> t = dt.datetime(2026, 4, 3, 9, 10, tzinfo=SHANGHAI)
        >>> r = fines([MissedReport("S07", t), Incident("S07", t, "item_4")], AllocationPolicy(),
        ...           start=dt.date(2026, 4, 1), end=dt.date(2026, 4, 30))
        >>> [(line.offence, line.total) for line in r.people[0].lines]
        [('item_4', Decimal('20')), ('ten_minute_report', Decimal('20'))]
    """
    book = allocation_policy(policy)
    first = require_date(start, "start")
    last = require_date(end, "end")
    if last < first:
        raise InputError("end", end, f"a day on or after start ({first})")
    day_in_force(book, last, "end")
    table = book.fines
    if isinstance(incidents, str | bytes | Mapping) or not isinstance(incidents, Iterable):
        raise InputError("incidents", incidents, "a list of Incident or MissedReport")
    counts: dict[str, dict[str, int]] = {}
    for i, item in enumerate(incidents):
        if isinstance(item, Incident):
            offence, times = item.offence, item.count
            if table.amount_of(offence) is None:
                raise InputError(
                    f"incidents[{i}].offence", offence, f"an offence of the table: {_keys(table)}"
                )
        elif isinstance(item, MissedReport):
            offence, times = FineOffence.TEN_MINUTE_REPORT.value, 1
        else:
            raise InputError(f"incidents[{i}]", item, "an Incident or a MissedReport")
        day = item.at.astimezone(SHANGHAI).date()
        if first <= day <= last:
            per = counts.setdefault(item.person, {})
            per[offence] = per.get(offence, 0) + times
    order = {key: n for n, key in enumerate(_keys(table))}
    people: list[PersonFines] = []
    for person in sorted(counts):
        lines = []
        for offence in sorted(counts[person], key=order.__getitem__):
            amount = table.amount_of(offence) or Decimal(0)
            times = counts[person][offence]
            lines.append(FineLine(offence, times, amount, amount * times))
        people.append(PersonFines(person, tuple(lines), sum((x.total for x in lines), Decimal(0))))
    return FinesReport(
        start=first,
        end=last,
        people=tuple(people),
        total=sum((p.total for p in people), Decimal(0)),
        policy=table,
        policy_version=book.version,
        policy_effective=book.effective,
    )


def _keys(table: FinesPolicy) -> list[str]:
    return [*(o.value for o in FineOffence), *(row.offence for row in table.extra)]
