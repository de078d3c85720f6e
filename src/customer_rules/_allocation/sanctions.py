"""A3, A4, A5 — the sanctions ledger: what is in force against one person at a moment.

Contract (what the allocator, A13, relies on)::

    sanctions(history, policy, *, at, person=None) -> Sanctions

* ``history``: the events of ONE person, in any order — :class:`Misjudgment` (A3, a call-centre
  agent's lead typed wrongly), :class:`Violation` (A4, a punished breach of company rules;
  ``serious`` is the host's input), :class:`MissedReport` (A5, a ten-minute report missed), and
  the allocation turns since: :class:`PassedOver` (the person was passed over in an allocation
  run because of a count-based suspension — each one serves one skip) and :class:`LeadGiven` (a
  lead was given; the allocator counts them for its quotas, the ledger ignores them). Each event
  has the person's id (``person``) and a timezone-aware moment (``at``); events after ``at`` are
  not counted. A host appends events and keeps them; the library keeps no state.
* ``policy``: the :class:`~customer_rules.allocation.AllocationPolicy` (``AllocationPolicy()`` is
  the seed).
* ``at``: the moment asked about, timezone-aware (a naive datetime is refused).
* The result, :class:`Sanctions`: ``person`` (``None`` only for an empty history without
  ``person=``), ``suspended`` (no allocation at ``at``: resignation, a suspension in force until a
  moment, or skips left), ``suspended_until`` (the end of the time-based suspension in force, or
  ``None``), ``skips_left`` (count-based suspensions still to serve: the person's next
  ``skips_left`` allocations are skipped), ``skips_imposed``, ``skips_served``,
  ``answering_ban_until`` (400/离线宝 answering ban in force, or ``None``), ``resignation``
  ("按自动离职处理"), ``deduction`` (the A5 deductions of the history, ``Decimal``), ``imposed``
  (each sanction with its cause) and ``reasons`` (built when read).

Bad input (a naive datetime, an event of another person, a policy that is not an
``AllocationPolicy``) is an :class:`~customer_rules.errors.InputError` naming the field
(``history[3].at``); a suspension is a result, never an exception.

The module also holds A5's other rules: :func:`ten_minute_response` (whether a lead given to a
salesperson was reported to the sales manager within the ten minutes, counted on business hours
that are policy data; a late or missing report gives the :class:`MissedReport` for the ledger,
and a lead entered but never reported is to be re-allocated) and :func:`first_ec_entries` (after
hours, the first EC entry of a lead stands).

Sources: seed 001 §客户资源分配管理制度 3.1.1-4 (A3), §3.3.6 (A4), §3.6.7 (A5). The readings the
seed leaves open (catalogue, "Ambiguities") are policy data: calendar months, totals over the
consecutive months, the highest level applies, "suspended N times" skips the next N allocations
[default], each with its alternative.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._allocation.checks import allocation_policy
from customer_rules._allocation.codes import AllocationReason
from customer_rules._checks import checked_moment
from customer_rules._grading.checks import calendar_arg
from customer_rules._grading.model import DealSizeType
from customer_rules._validation import IS_BOOL, fact_check, non_empty_text
from customer_rules.calendars import CALENDAR_DAYS, Calendar
from customer_rules.dates import LATEST, SHANGHAI, add_months, require_aware
from customer_rules.errors import InputError, Problem
from customer_rules.labels import Label, LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._allocation.policy import AllocationPolicy

__all__ = [
    "AfterHoursStart",
    "EcEntry",
    "EntryDecision",
    "EntryDecisions",
    "EscalationLevel",
    "LeadGiven",
    "LeadHandling",
    "LevelCombination",
    "Misjudgment",
    "MisjudgmentCount",
    "MisjudgmentPeriod",
    "MisjudgmentPolicy",
    "MissedReport",
    "PassedOver",
    "ResponsePolicy",
    "ResponseResult",
    "ResponseStatus",
    "Sanction",
    "SanctionEvent",
    "SanctionKind",
    "Sanctions",
    "SanctionsPolicy",
    "SkipReading",
    "Violation",
    "ViolationPolicy",
    "ViolationWindow",
    "first_ec_entries",
    "in_business_hours",
    "sanctions",
    "ten_minute_response",
]

_A3 = "A3; 001 §客户资源分配管理制度 3.1.1-4"
_A4 = "A4; 001 §客户资源分配管理制度 3.3.6"
_A3_A5 = "A3, A5; 001 §客户资源分配管理制度 3.1.1-4, 3.6.7"

_R = AllocationReason
_DAY = dt.timedelta(days=1)
_PERIOD = dt.timedelta(days=30)
"""A "month" of the rolling reading."""
_END = dt.datetime(LATEST.year, 12, 31, 23, 59, 59, 999_999, tzinfo=SHANGHAI)
"""The last moment a computed end may reach (the library's date range)."""


# --------------------------------------------------------------------------- checks


# --------------------------------------------------------------------------- readings


class MisjudgmentPeriod(LabelledEnum):
    """A3: what "a month" is (同一月内, 连续两个月…)."""

    CALENDAR_MONTH = "calendar_month"
    """自然月 — calendar months in Asia/Shanghai [default]."""
    ROLLING_30_DAYS = "rolling_30_days"
    """滚动30天 — the 30 days up to each misjudgment (two months: the 60 days…)."""


class MisjudgmentCount(LabelledEnum):
    """A3: how the misjudgments of consecutive months count against a level's threshold."""

    TOTAL = "total"
    """连续各月合计 — the total over the consecutive months reaches it [default]."""
    EVERY_MONTH = "every_month"
    """每月均达到 — every one of the consecutive months reaches it."""


class LevelCombination(LabelledEnum):
    """A3: several levels reached in the same month."""

    HIGHEST = "highest"
    """取最高一级 — the highest level applies: a month's skips are the most any level reached
    gives, a suspension lasts to the latest end [default]."""
    CUMULATIVE = "cumulative"
    """累加 — every level reached applies in full: skips add up, periods run one after another."""


class SkipReading(LabelledEnum):
    """A3, A5: what "暂停资源分配N次" (allocation suspended N times) means."""

    NEXT_ALLOCATIONS = "next_allocations"
    """跳过其后N次分配 — the person's next N allocations are skipped [default]."""
    DAYS = "days"
    """固定期间 — suspended for N × ``days_per_skip`` days from the moment imposed."""


class ViolationWindow(LabelledEnum):
    """A4: over what the punished violations are counted (初次, 二次, 三次及以上)."""

    EMPLOYMENT = "employment"
    """整个任职期间 — the whole employment: the history passed in [default]."""
    CALENDAR_YEAR = "calendar_year"
    """自然年 — the calendar year (Asia/Shanghai) of the violation."""
    ROLLING_YEAR = "rolling_year"
    """此前12个月 — the twelve months up to the violation."""


class SanctionKind(LabelledEnum):
    """What a sanction was imposed for; :attr:`rule` is the catalogue ID."""

    MISJUDGMENTS = "misjudgments"
    """A3 — lead types judged wrongly by a call-centre agent (判定客户类型不匹配)."""
    VIOLATION = "violation"
    """A4 — a punished violation of company rules (违反公司规章制度并给予处罚)."""
    SERIOUS_VIOLATION = "serious_violation"
    """A4 — a serious case (性质严重), treated as voluntary resignation."""
    MISSED_REPORT = "missed_report"
    """A5 — no report to the sales manager within ten minutes (未及时上报)."""

    @property
    def rule(self) -> str:
        """The catalogue ID: ``"A3"``, ``"A4"`` or ``"A5"``."""
        return _KIND_RULE[self]


_KIND_RULE = {
    SanctionKind.MISJUDGMENTS: "A3",
    SanctionKind.VIOLATION: "A4",
    SanctionKind.SERIOUS_VIOLATION: "A4",
    SanctionKind.MISSED_REPORT: "A5",
}

set_labels(
    {
        MisjudgmentPeriod.CALENDAR_MONTH: ("自然月", "calendar months"),
        MisjudgmentPeriod.ROLLING_30_DAYS: ("滚动30天", "rolling 30 days"),
        MisjudgmentCount.TOTAL: ("连续各月合计", "total over the months"),
        MisjudgmentCount.EVERY_MONTH: ("每月均达到", "every month"),
        LevelCombination.HIGHEST: ("取最高一级", "highest level applies"),
        LevelCombination.CUMULATIVE: ("各级累加", "cumulative"),
        SkipReading.NEXT_ALLOCATIONS: ("跳过其后N次分配", "next N allocations skipped"),
        SkipReading.DAYS: ("按固定天数暂停", "a fixed number of days"),
        ViolationWindow.EMPLOYMENT: ("整个任职期间", "whole employment"),
        ViolationWindow.CALENDAR_YEAR: ("自然年", "calendar year"),
        ViolationWindow.ROLLING_YEAR: ("此前12个月", "twelve months"),
        SanctionKind.MISJUDGMENTS: ("判定客户类型不匹配", "lead types judged wrongly"),
        SanctionKind.VIOLATION: ("违反公司规章制度", "violation of company rules"),
        SanctionKind.SERIOUS_VIOLATION: ("严重违规", "serious violation"),
        SanctionKind.MISSED_REPORT: ("未在规定时间内上报", "ten-minute report missed"),
    }
)


# --------------------------------------------------------------------------- policy


@policy
class EscalationLevel:
    """One level of the A3 escalation: ``threshold`` misjudgments over ``months`` consecutive
    months (含本数: the threshold itself reaches the level) and what it imposes.

    Attributes:
        threshold: the count that reaches the level, at least 1 ("达3次以上(含3次)").
        months: how many consecutive months the count covers, 1–12.
        skips: allocations suspended ("暂停资源分配N次"), 0–100.
        suspension_days: allocation suspended for this many days ("暂停资源分配一周": 7), 0–366.
        ban_months: months without 400/离线宝 answering ("一个月内不能再安排…接听"), 0–120.

    Raises:
        PolicyError: listing every field out of range, and a level that imposes nothing.
    """

    threshold: int = setting(default=attrs.NOTHING, unit=Unit.COUNT, source=_A3, low=1)
    months: int = setting(default=1, unit=Unit.MONTHS, source=_A3, low=1, high=12)
    skips: int = setting(default=0, unit=Unit.COUNT, source=_A3, high=100)
    suspension_days: int = setting(default=0, unit=Unit.DAYS, source=_A3, high=366)
    ban_months: int = setting(default=0, unit=Unit.MONTHS, source=_A3, high=120)

    def _check(self) -> Iterator[Problem]:
        if not (self.skips or self.suspension_days or self.ban_months):
            yield Problem.mismatch(
                "skips", self.skips, "a level that imposes something (skips, days or a ban)"
            )


_SEED_LEVELS = (
    EscalationLevel(months=1, threshold=3, skips=1),
    EscalationLevel(months=2, threshold=6, skips=3),
    EscalationLevel(months=3, threshold=10, suspension_days=7, ban_months=1),
)


@policy
class MisjudgmentPolicy:
    """A3: the escalation of a call-centre agent's misjudged lead types.

    "接听客服在同一月内若达3次以上(含3次)判定客户类型不匹配,将暂停此接听客服资源分配一次;连续两个
    月出现判定客户类型不匹配达6次(含6次),将暂停此接听客服资源分配三次;连续三个月出现判定客户类型
    不匹配达10次(含10次),则暂停此接听客服资源分配一周,且一个月内不能再安排400、离线宝接听。"
    (seed 001 §客户资源分配管理制度 3.1.1-4).

    Each level is judged at each misjudgment, on the window of consecutive months ending with the
    misjudgment's month (counted up to it), and is reached at most once a month (once in 30 days
    under the rolling reading).

    Attributes:
        levels: the escalation table [seed: 3 in a month → suspended once; 6 over two
            consecutive months → three times; 10 over three → one week and no 400/离线宝
            answering for a month]; empty switches A3 off.
        period: what a month is [default: calendar months in Asia/Shanghai; rolling 30 days the
            other reading].
        count: how consecutive months count [default: the total over them; every month reaching
            the threshold the other reading].
        combine: several levels reached in one month [default: the highest applies; cumulative
            the other reading].
    """

    levels: tuple[EscalationLevel, ...] = setting(
        default=_SEED_LEVELS, unit=Unit.TABLES, source=_A3
    )
    period: MisjudgmentPeriod = setting(
        default=MisjudgmentPeriod.CALENDAR_MONTH, unit=Unit.CHOICE, source=_A3, mark=Mark.DEFAULT
    )
    count: MisjudgmentCount = setting(
        default=MisjudgmentCount.TOTAL, unit=Unit.CHOICE, source=_A3, mark=Mark.DEFAULT
    )
    combine: LevelCombination = setting(
        default=LevelCombination.HIGHEST, unit=Unit.CHOICE, source=_A3, mark=Mark.DEFAULT
    )


@policy
class ViolationPolicy:
    """A4: allocation stopped for a salesperson punished for breaking company rules.

    "初次违反公司规章制度并给予处罚的销售员,将停止7天的资源分配。二次…停止15天…三次及以上…停止30天
    的资源分配。对于性质严重的情况则按自动离职处理。" (seed 001 §客户资源分配管理制度 3.3.6).

    Attributes:
        suspension_days: days allocation stops for the 1st, 2nd, … punished violation; the last
            applies to every later one ("三次及以上") [seed: 7, 15, 30]; each 0–366; empty
            switches A4's suspensions off.
        window: over what violations are counted [default: the whole employment — the history
            passed in; per calendar year or the last twelve months the other readings].
        serious_resigns: a serious case is treated as voluntary resignation (按自动离职处理)
            [seed: yes]; "serious" is the host's input on each violation.
        consecutive: a suspension that starts while another runs follows it instead of running
            alongside [default: no — each runs from its own punishment].
    """

    suspension_days: tuple[int, ...] = setting(default=(7, 15, 30), unit=Unit.DAYS, source=_A4)
    window: ViolationWindow = setting(
        default=ViolationWindow.EMPLOYMENT, unit=Unit.CHOICE, source=_A4, mark=Mark.DEFAULT
    )
    serious_resigns: bool = setting(default=True, unit=Unit.FLAG, source=_A4)
    consecutive: bool = setting(default=False, unit=Unit.FLAG, source=_A4, mark=Mark.DEFAULT)

    def _check(self) -> Iterator[Problem]:
        for i, days in enumerate(self.suspension_days):
            if not 0 <= days <= 366:
                yield Problem.mismatch(f"suspension_days[{i}]", days, "a number of days, 0–366")


@policy
class SanctionsPolicy:
    """A3 and A4, and how every count-based suspension (A3, A5) is served.

    Attributes:
        misjudgments: the A3 escalation (:class:`MisjudgmentPolicy`).
        violations: the A4 suspensions (:class:`ViolationPolicy`).
        skip_reading: what "suspended N times" means [default: the person's next N allocations
            are skipped — each :class:`PassedOver` serves one; a fixed period of N ×
            ``days_per_skip`` days the other reading].
        days_per_skip: under the fixed-period reading, the days one "time" lasts, 1–366
            [default: 1].
    """

    misjudgments: MisjudgmentPolicy = setting(
        default=MisjudgmentPolicy(), unit=Unit.TABLE, source=_A3
    )
    violations: ViolationPolicy = setting(default=ViolationPolicy(), unit=Unit.TABLE, source=_A4)
    skip_reading: SkipReading = setting(
        default=SkipReading.NEXT_ALLOCATIONS, unit=Unit.CHOICE, source=_A3_A5, mark=Mark.DEFAULT
    )
    days_per_skip: int = setting(
        default=1, unit=Unit.DAYS, source=_A3_A5, mark=Mark.DEFAULT, low=1, high=366
    )


# --------------------------------------------------------------------------- events


def _aware(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    require_aware(value, attribute.name)


_IS_TEXT = fact_check(str, "a text (may be empty)")
_IS_TYPE = fact_check(DealSizeType, "a DealSizeType (A, B, C or D) or None", optional=True)


@attrs.frozen
class Misjudgment:
    """A3: a lead type the call-centre agent judged that did not match the customer
    (判定客户类型不匹配) — e.g. found by a granted re-request (A2).

    Attributes:
        person: the agent's id.
        at: when the mismatch was established (timezone-aware).
        lead: the lead's id, if known.
        judged: the type the agent judged, if known.
        actual: the type it turned out to be, if known.
    """

    person: str = attrs.field(validator=non_empty_text)
    at: dt.datetime = attrs.field(validator=_aware)
    lead: str = attrs.field(default="", validator=_IS_TEXT)
    judged: DealSizeType | None = attrs.field(default=None, validator=_IS_TYPE)
    actual: DealSizeType | None = attrs.field(default=None, validator=_IS_TYPE)


@attrs.frozen
class Violation:
    """A4: a violation of company rules for which the salesperson was punished.

    Attributes:
        person: the salesperson's id.
        at: when the punishment was given (timezone-aware); the suspension runs from then.
        serious: a serious case (性质严重) — the host's judgement.
        what: what was violated, for the record.
    """

    person: str = attrs.field(validator=non_empty_text)
    at: dt.datetime = attrs.field(validator=_aware)
    serious: bool = attrs.field(default=False, validator=IS_BOOL)
    what: str = attrs.field(default="", validator=_IS_TEXT)


@attrs.frozen
class MissedReport:
    """A5: a lead not reported to the sales manager within the ten minutes (未及时上报).

    :func:`~customer_rules.allocation.ten_minute_response` gives one for a late or missing
    report.

    Attributes:
        person: the salesperson's id.
        at: when the ten minutes ran out (timezone-aware).
        lead: the lead's id, if known.
    """

    person: str = attrs.field(validator=non_empty_text)
    at: dt.datetime = attrs.field(validator=_aware)
    lead: str = attrs.field(default="", validator=_IS_TEXT)


@attrs.frozen
class PassedOver:
    """An allocation run in which the person was passed over because of a count-based
    suspension: it serves one skip (A3, A5). The allocator (A13) records one per run.

    Attributes:
        person: the person's id.
        at: the moment of the allocation run (timezone-aware).
        lead: the lead they were passed over for, if one.
    """

    person: str = attrs.field(validator=non_empty_text)
    at: dt.datetime = attrs.field(validator=_aware)
    lead: str = attrs.field(default="", validator=_IS_TEXT)


@attrs.frozen
class LeadGiven:
    """A lead given to the person (A13). The ledger does not count it (a lead given does not
    serve a skip); the allocator counts these for its per-period quotas.

    Attributes:
        person: the person's id.
        at: when the lead was given (timezone-aware).
        lead: the lead's id.
    """

    person: str = attrs.field(validator=non_empty_text)
    at: dt.datetime = attrs.field(validator=_aware)
    lead: str = attrs.field(default="", validator=_IS_TEXT)


SanctionEvent = Misjudgment | Violation | MissedReport | PassedOver | LeadGiven
"""One event of a person's history (A3–A5, and the allocation turns since)."""

_EVENTS = (Misjudgment, Violation, MissedReport, PassedOver, LeadGiven)
_EVENT_TYPES = frozenset(_EVENTS)
_EVENT_NAMES = "a Misjudgment, Violation, MissedReport, PassedOver or LeadGiven"


# --------------------------------------------------------------------------- results


_IS_KIND = fact_check(SanctionKind, "a SanctionKind")
_IS_MOMENT = fact_check(dt.datetime, "a timezone-aware datetime or None", optional=True)


def _count(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or value < 0:
        raise InputError(attribute.name, value, "a whole number, 0 or more")


def _optional_aware(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        require_aware(value, attribute.name)


def _to_yuan(value: Decimal | int | str) -> Decimal:
    from customer_rules.money import parse_amount

    return parse_amount(value, "deduction")


@attrs.frozen
class Sanction:
    """One sanction imposed, with its cause.

    Attributes:
        kind: what it was imposed for; ``kind.rule`` is the catalogue ID.
        at: when it was imposed (the misjudgment that reached the level, the punishment, the
            moment the ten minutes ran out).
        count: A3: the misjudgments counted in the window; A4: the violation's number (1st,
            2nd…); A5: 1.
        months: A3: the window's consecutive months; otherwise 0.
        threshold: A3: the level's threshold; otherwise 0.
        skips: the allocations it suspends (count-based).
        skips_left: of those, still to serve at the moment asked about.
        start: the start of its time-based suspension (``at``, or later when it follows
            another), or ``None``.
        until: the end of its time-based suspension (exclusive), or ``None``.
        ban_until: the end of its 400/离线宝 answering ban (exclusive), or ``None``.
        resignation: treated as voluntary resignation (A4, serious).
        deduction: the deduction in yuan (A5).
        lead: the lead concerned (A5), if known.
    """

    kind: SanctionKind = attrs.field(validator=_IS_KIND)
    at: dt.datetime = attrs.field(validator=_aware)
    count: int = attrs.field(default=1, validator=_count)
    months: int = attrs.field(default=0, validator=_count)
    threshold: int = attrs.field(default=0, validator=_count)
    skips: int = attrs.field(default=0, validator=_count)
    skips_left: int = attrs.field(default=0, validator=_count)
    start: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    until: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    ban_until: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    resignation: bool = attrs.field(default=False, validator=IS_BOOL)
    deduction: Decimal = attrs.field(default=Decimal(0), converter=_to_yuan)
    lead: str = attrs.field(default="", validator=_IS_TEXT)


@attrs.frozen
class Sanctions:
    """A3–A5: the sanctions in force against one person at a moment.

    Attributes:
        person: the person's id (``None`` only for an empty history without ``person=``).
        at: the moment asked about.
        suspended: no allocation at ``at`` — resignation, a time-based suspension in force, or
            skips left.
        suspended_until: the end (exclusive) of the time-based suspension in force at ``at``
            (overlapping suspensions joined), or ``None``.
        skips_left: count-based suspensions still to serve: the next ``skips_left``
            allocations pass the person over.
        skips_imposed: every count-based suspension imposed up to ``at``.
        skips_served: of those, served by :class:`PassedOver` events.
        answering_ban_until: the end (exclusive) of the 400/离线宝 answering ban in force, or
            ``None``.
        resignation: treated as voluntary resignation (A4: a serious case).
        deduction: the A5 deductions of the history up to ``at``, in yuan.
        imposed: every sanction imposed up to ``at``, in order, with its cause.
        policy_version: the version of the policy that decided.

    ``reasons`` (built when read): one line per sanction imposed, then what is in force.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.dates import SHANGHAI
        >>> day = dt.datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
        >>> history = [Misjudgment("K01", day + dt.timedelta(days=d)) for d in range(3)]
        >>> s = sanctions(history, AllocationPolicy(), at=day + dt.timedelta(days=5))
        >>> s.suspended, s.skips_left, s.suspended_until
        (True, 1, None)
    """

    person: str | None
    at: dt.datetime
    suspended: bool
    suspended_until: dt.datetime | None
    skips_left: int
    skips_imposed: int
    skips_served: int
    answering_ban_until: dt.datetime | None
    resignation: bool
    deduction: Decimal
    imposed: tuple[Sanction, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One line per sanction imposed (``A3.level``, ``A3.skips``, ``A3.suspension``,
        ``A3.ban``, ``A4.violation``, ``A4.serious``, ``A5.missed``), then what is in force at
        ``at`` (``A4.resignation``, ``A3.until``/``A4.until``/``A5.until``,
        ``A3.skips_left``/``A5.skips_left``, ``A3.banned``, ``A5.deduction``), or
        ``A3-A5.clear`` when nothing is."""
        return _reasons(self)


def _reasons(s: Sanctions) -> tuple[Reason, ...]:
    out: list[Reason] = []
    for item in s.imposed:
        out.extend(_imposed_reasons(item))
    if s.resignation:
        first = next(i for i in s.imposed if i.resignation)
        out.append(Reason.of("A4", _R.A4_RESIGNATION, at=first.at))
    if s.suspended_until is not None:
        rule = _until_rule(s)
        out.append(Reason.of(rule, _UNTIL_CODE[rule], until=s.suspended_until, at=s.at))
    for kind, code in _LEFT_CODES:
        left = sum(i.skips_left for i in s.imposed if i.kind is kind)
        if left:
            out.append(Reason.of(kind.rule, code, skips=left, served=s.skips_served))
    if s.answering_ban_until is not None:
        out.append(Reason.of("A3", _R.A3_BANNED, until=s.answering_ban_until, at=s.at))
    if s.deduction:
        missed = sum(1 for i in s.imposed if i.kind is SanctionKind.MISSED_REPORT)
        out.append(Reason.of("A5", _R.A5_DEDUCTION, count=missed, amount=s.deduction))
    if not s.suspended and s.answering_ban_until is None:
        out.append(Reason.of("A3-A5", _R.A3_A5_CLEAR, at=s.at))
    return tuple(out)


_LEFT_CODES = (
    (SanctionKind.MISJUDGMENTS, _R.A3_LEFT),
    (SanctionKind.MISSED_REPORT, _R.A5_LEFT),
)
_UNTIL_CODE = {"A3": _R.A3_UNTIL, "A4": _R.A4_UNTIL, "A5": _R.A5_UNTIL}


def _until_rule(s: Sanctions) -> str:
    """The rule of the sanction whose suspension ends when the one in force does."""
    for item in s.imposed:
        if item.until == s.suspended_until:
            return item.kind.rule
    return "A3"  # pragma: no cover - suspended_until is always some sanction's end


def _imposed_reasons(item: Sanction) -> Iterator[Reason]:
    kind = item.kind
    if kind is SanctionKind.MISJUDGMENTS:
        yield Reason.of(
            "A3",
            _R.A3_LEVEL,
            at=item.at,
            count=item.count,
            months=item.months,
            threshold=item.threshold,
        )
    elif kind is SanctionKind.SERIOUS_VIOLATION:
        yield Reason.of("A4", _R.A4_SERIOUS, at=item.at, ordinal=item.count)
    elif kind is SanctionKind.VIOLATION:
        yield Reason.of("A4", _R.A4_VIOLATION, at=item.at, ordinal=item.count)
    else:
        yield Reason.of(
            "A5", _R.A5_MISSED, at=item.at, lead=item.lead or "—", amount=item.deduction
        )
    rule = kind.rule
    if kind is SanctionKind.MISJUDGMENTS and not (item.skips or item.until or item.ban_until):
        yield Reason.of("A3", _R.A3_COVERED, at=item.at)
    if item.skips:
        yield Reason.of(rule, _SKIPS_CODE[rule], skips=item.skips)
    if item.until is not None and item.start is not None:
        yield Reason.of(rule, _SUSPENSION_CODE[rule], start=item.start, until=item.until)
    if item.ban_until is not None:
        yield Reason.of("A3", _R.A3_BAN, start=item.at, until=item.ban_until)


_SKIPS_CODE = {"A3": _R.A3_SKIPS, "A5": _R.A5_SKIPS}
_SUSPENSION_CODE = {"A3": _R.A3_SUSPENSION, "A4": _R.A4_SUSPENSION, "A5": _R.A5_SUSPENSION}


# --------------------------------------------------------------------------- the rule


def sanctions(
    history: Iterable[SanctionEvent],
    policy: AllocationPolicy,
    *,
    at: dt.datetime,
    person: str | None = None,
) -> Sanctions:
    """A3–A5: the sanctions in force against one person at ``at``, from their history.

    * A3 — each misjudgment is a moment to judge: for each level of
      ``policy.sanctions.misjudgments.levels``, the misjudgments of the consecutive months
      ending with its month (Asia/Shanghai), counted up to it, against the level's threshold
      (含本数: 3 reaches "3次以上"). A level is reached at most once a month; of the levels reached
      in one month the highest applies (its skips topping up those already imposed that month;
      suspensions and bans run to the latest end), or all of them under the cumulative reading.
    * A4 — each punished violation stops allocation for the days of its number (7, 15, then 30
      for the third and later); a serious case is treated as voluntary resignation.
    * A5 — each missed ten-minute report suspends allocation ``policy.response.skips`` times
      (once) and costs ``policy.fines.ten_minute_report`` yuan.
    * "Suspended N times" skips the person's next N allocations: each :class:`PassedOver` at
      or after a sanction serves one of its skips, oldest first; a :class:`LeadGiven` serves
      none. Under ``skip_reading = DAYS`` it is N × ``days_per_skip`` days instead.

    Args:
        history: the person's events, any order; those after ``at`` are not counted.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        at: the moment asked about (timezone-aware).
        person: the person's id; every event must be theirs. Optional when the history is not
            empty (its events say who).

    Returns:
        What is in force at ``at``, every sanction imposed with its cause, and reasons.

    Raises:
        InputError: naming the argument or the event (``history[2].person``): a history that is
            not a collection of events, events of different people (or not of ``person``), a
            ``policy`` that is not an AllocationPolicy, a naive ``at``, or an ``at`` before the
            policy's effective date.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.dates import SHANGHAI
        >>> t = dt.datetime(2026, 5, 6, 9, 0, tzinfo=SHANGHAI)
        >>> s = sanctions([Violation("S07", t)], AllocationPolicy(), at=t + dt.timedelta(days=1))
        >>> s.suspended_until.isoformat()
        '2026-05-13T09:00:00+08:00'
    """
    book = allocation_policy(policy)
    moment = checked_moment(book, at)
    who = _person(person)
    events, who = _history(history, who)
    return _ledger(events, who, book, moment)


def _person(value: object) -> str | None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InputError("person", value, "a person's id (a non-blank string) or None")
    return value


def _history(history: object, person: str | None) -> tuple[list[SanctionEvent], str | None]:
    """The events of ``history``, checked: all of one person (``person`` if given)."""
    if isinstance(history, str | bytes | Mapping) or not isinstance(history, Iterable):
        raise InputError("history", history, f"a list of events ({_EVENT_NAMES})")
    events: list[SanctionEvent] = []
    for i, event in enumerate(history):
        if type(event) not in _EVENT_TYPES and not isinstance(event, _EVENTS):
            raise InputError(f"history[{i}]", event, _EVENT_NAMES)
        if person is None:
            person = event.person
        elif event.person != person:
            raise InputError(
                f"history[{i}].person", event.person, f"the same person as before ({person!r})"
            )
        events.append(event)
    return events, person


@attrs.define
class _Draft:
    """A sanction being worked out (the ledger's mutable scratch; frozen into a Sanction)."""

    kind: SanctionKind
    at: dt.datetime
    count: int = 1
    months: int = 0
    threshold: int = 0
    skips: int = 0
    left: int = 0
    start: dt.datetime | None = None
    until: dt.datetime | None = None
    ban_until: dt.datetime | None = None
    resignation: bool = False
    deduction: Decimal = Decimal(0)
    lead: str = ""

    def frozen(self) -> Sanction:
        """The :class:`Sanction`, made without running its validators again: every value is
        the ledger's own, of the right type (the hot path of an allocation run)."""
        made = object.__new__(Sanction)
        values = (
            self.kind,
            self.at,
            self.count,
            self.months,
            self.threshold,
            self.skips,
            self.left,
            self.start,
            self.until,
            self.ban_until,
            self.resignation,
            self.deduction,
            self.lead,
        )
        for name, value in zip(_SANCTION_FIELDS, values, strict=True):
            object.__setattr__(made, name, value)
        return made


_SANCTION_FIELDS = tuple(a.name for a in attrs.fields(Sanction))


def _ledger(
    events: list[SanctionEvent], person: str | None, book: AllocationPolicy, at: dt.datetime
) -> Sanctions:
    """:func:`sanctions` on checked arguments."""
    p = book.sanctions
    misjudged: list[dt.datetime] = []
    violations: list[Violation] = []
    missed: list[MissedReport] = []
    passed: list[dt.datetime] = []
    for event in events:
        if event.at > at:
            continue
        kind = type(event)
        if kind is Misjudgment:
            misjudged.append(event.at)
        elif kind is Violation:
            violations.append(event)  # type: ignore[arg-type]
        elif kind is MissedReport:
            missed.append(event)  # type: ignore[arg-type]
        elif kind is PassedOver:
            passed.append(event.at)
    drafts = _misjudgments(sorted(misjudged), p)
    drafts += _violations(sorted(violations, key=_violation_order), p.violations)
    drafts += _missed(sorted(missed, key=_missed_order), book)
    drafts.sort(key=_draft_order)
    if p.skip_reading is SkipReading.DAYS:
        _skips_as_days(drafts, p.days_per_skip)
    served = _serve(drafts, sorted(passed))
    until = _in_force([(d.start, d.until) for d in drafts if d.until is not None], at)
    ban = _in_force([(d.at, d.ban_until) for d in drafts if d.ban_until is not None], at)
    resignation = any(d.resignation for d in drafts)
    left = sum(d.left for d in drafts)
    deduction = sum((d.deduction for d in drafts), Decimal(0))
    return Sanctions(
        person=person,
        at=at,
        suspended=resignation or until is not None or left > 0,
        suspended_until=until,
        skips_left=left,
        skips_imposed=sum(d.skips for d in drafts),
        skips_served=served,
        answering_ban_until=ban,
        resignation=resignation,
        deduction=deduction,
        imposed=tuple(d.frozen() for d in drafts),
        policy_version=book.version,
        policy_effective=book.effective,
    )


def _violation_order(event: Violation) -> tuple[dt.datetime, bool, str]:
    return event.at, event.serious, event.what


def _missed_order(event: MissedReport) -> tuple[dt.datetime, str]:
    return event.at, event.lead


_KIND_ORDER = {kind: i for i, kind in enumerate(SanctionKind)}


def _draft_order(draft: _Draft) -> tuple[dt.datetime, int]:
    return draft.at, _KIND_ORDER[draft.kind]


def _later(moment: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    """``moment + delta``, never past the library's last moment."""
    if moment >= _END - delta:
        return _END
    return moment + delta


def _months_later(moment: dt.datetime, months: int) -> dt.datetime:
    """``moment`` moved by whole calendar months on the Shanghai wall clock."""
    local = moment.astimezone(SHANGHAI)
    if local >= _END or local.year * 12 + local.month + months > LATEST.year * 12 + 12:
        return _END
    day = add_months(local.date(), months)
    return dt.datetime.combine(day, local.time(), tzinfo=SHANGHAI)


# --------------------------------------------------------------------------- A3


def _month_of(moment: dt.datetime) -> int:
    local = moment.astimezone(SHANGHAI)
    return local.year * 12 + local.month - 1


def _calendar_reached(
    times: list[dt.datetime], months: list[int], levels: tuple[EscalationLevel, ...], every: bool
) -> list[tuple[int, int, int]]:
    """Calendar months: for each month with misjudgments and each level, the misjudgment at
    which the level is first reached that month, as ``(index, level, count)``. A level is
    reached at the first misjudgment of the month that brings the window's count (the month's
    so far, plus the full months before it) to the threshold — or, under ``every``, the month's
    own to it with every month before it there already."""
    firsts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for i, month in enumerate(months):
        firsts.setdefault(month, i)
        ends[month] = i + 1
    found: list[tuple[int, int, int]] = []
    for month, first in firsts.items():
        have = ends[month] - first
        for level_no, level in enumerate(levels):
            before = [
                ends.get(month - j, 0) - firsts.get(month - j, 0) for j in range(1, level.months)
            ]
            if every:
                if any(c < level.threshold for c in before):
                    continue
                need = level.threshold
            else:
                need = max(1, level.threshold - sum(before))
            if have < need:
                continue
            i = bisect.bisect_right(times, times[first + need - 1], first, ends[month]) - 1
            found.append((i, level_no, sum(before) + i + 1 - first))
    return found


def _rolling_reached(
    times: list[dt.datetime], levels: tuple[EscalationLevel, ...], every: bool
) -> list[tuple[int, int, int]]:
    """Rolling 30 days: each misjudgment judged on the 30-day blocks up to it; a level reached
    again only 30 days or more after it was last reached. As ``(index, level, count)``."""
    found: list[tuple[int, int, int]] = []
    last: dict[int, dt.datetime] = {}
    n = len(times)
    for i, now in enumerate(times):
        if i + 1 < n and times[i + 1] == now:
            continue  # judge simultaneous misjudgments together
        for level_no, level in enumerate(levels):
            before = last.get(level_no)
            if before is not None and now - before < _PERIOD:
                continue
            counts: list[int] = []
            end = i + 1
            for j in range(1, level.months + 1):
                start = bisect.bisect_right(times, now - j * _PERIOD, 0, end)
                counts.append(end - start)
                end = start
            total = sum(counts)
            if every:
                reached = all(c >= level.threshold for c in counts)
            else:
                reached = total >= level.threshold
            if reached:
                last[level_no] = now
                found.append((i, level_no, total))
    return found


def _misjudgments(times: list[dt.datetime], p: SanctionsPolicy) -> list[_Draft]:
    """A3: the sanctions the misjudgments at ``times`` (sorted) impose."""
    a3 = p.misjudgments
    levels = a3.levels
    if not times or not levels:
        return []
    rolling = a3.period is MisjudgmentPeriod.ROLLING_30_DAYS
    every = a3.count is MisjudgmentCount.EVERY_MONTH
    highest = a3.combine is LevelCombination.HIGHEST
    months = [] if rolling else [_month_of(t) for t in times]  # sorted as the times are
    if rolling:
        reached = _rolling_reached(times, levels, every)
    else:
        reached = _calendar_reached(times, months, levels, every)
    reached.sort(key=lambda r: (r[0], -r[1]))  # in time; of one moment, the highest first

    def same_period(earlier: int, i: int) -> bool:
        if rolling:
            return times[i] - times[earlier] < _PERIOD
        return months[earlier] == months[i]

    drafts: list[_Draft] = []
    done: list[tuple[int, int]] = []  # (index, skips) of the levels reached so far
    chain: dt.datetime | None = None  # the end of the last A3 suspension (cumulative)
    ban_chain: dt.datetime | None = None
    for i, level_no, count in reached:
        level = levels[level_no]
        now = times[i]
        draft = _Draft(
            SanctionKind.MISJUDGMENTS,
            now,
            count=count,
            months=level.months,
            threshold=level.threshold,
        )
        if highest:
            already = max((k for j, k in done if same_period(j, i)), default=0)
            draft.skips = max(0, level.skips - already)
        else:
            draft.skips = level.skips
        done.append((i, level.skips))
        if level.suspension_days:
            start = now if highest or chain is None or chain < now else chain
            draft.start = start
            draft.until = _later(start, level.suspension_days * _DAY)
            chain = draft.until
        if level.ban_months:
            begin = now if highest or ban_chain is None or ban_chain < now else ban_chain
            draft.ban_until = _months_later(begin, level.ban_months)
            ban_chain = draft.ban_until
        drafts.append(draft)
    return drafts


# --------------------------------------------------------------------------- A4


def _violations(items: list[Violation], p: ViolationPolicy) -> list[_Draft]:
    """A4: each punished violation's suspension, by its number in the window."""
    drafts: list[_Draft] = []
    times = [v.at for v in items]
    chain: dt.datetime | None = None
    for i, violation in enumerate(items):
        ordinal = i + 1 - _before_window(times, i, p.window)
        if violation.serious and p.serious_resigns:
            drafts.append(
                _Draft(
                    SanctionKind.SERIOUS_VIOLATION, violation.at, count=ordinal, resignation=True
                )
            )
            continue
        draft = _Draft(SanctionKind.VIOLATION, violation.at, count=ordinal)
        if p.suspension_days:
            days = p.suspension_days[min(ordinal, len(p.suspension_days)) - 1]
            if days:
                start = violation.at
                if p.consecutive and chain is not None and chain > start:
                    start = chain
                draft.start = start
                draft.until = _later(start, days * _DAY)
                chain = draft.until
        drafts.append(draft)
    return drafts


def _before_window(times: list[dt.datetime], i: int, window: ViolationWindow) -> int:
    """How many of the violations before ``times[i]`` fall outside its counting window."""
    if window is ViolationWindow.EMPLOYMENT:
        return 0
    local = times[i].astimezone(SHANGHAI)
    if window is ViolationWindow.CALENDAR_YEAR:
        start = dt.datetime(local.year, 1, 1, tzinfo=SHANGHAI)
        return bisect.bisect_left(times, start, 0, i)
    start = _months_back(local, 12)
    return bisect.bisect_right(times, start, 0, i)


def _months_back(local: dt.datetime, months: int) -> dt.datetime:
    index = local.year * 12 + local.month - 1 - months
    year, month0 = divmod(index, 12)
    day = min(local.day, _days_in(year, month0 + 1))
    return local.replace(year=year, month=month0 + 1, day=day)


def _days_in(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


# --------------------------------------------------------------------------- A5


def _missed(items: list[MissedReport], book: AllocationPolicy) -> list[_Draft]:
    """A5: each missed report: suspended ``response.skips`` times and the deduction."""
    skips = book.response.skips
    amount = book.fines.ten_minute_report
    return [
        _Draft(SanctionKind.MISSED_REPORT, m.at, skips=skips, deduction=amount, lead=m.lead)
        for m in items
    ]


# --------------------------------------------------------------------------- serving


def _skips_as_days(drafts: list[_Draft], days_per_skip: int) -> None:
    """The fixed-period reading: N skips are N × ``days_per_skip`` days from the moment."""
    for draft in drafts:
        if not draft.skips:
            continue
        end = _later(draft.at, draft.skips * days_per_skip * _DAY)
        if draft.until is None or draft.until < end:
            draft.start = draft.at if draft.start is None else draft.start
            draft.until = end
        draft.skips = 0


def _serve(drafts: list[_Draft], passed: list[dt.datetime]) -> int:
    """Serve the skips of ``drafts`` (in order) with the allocation runs the person was passed
    over in, oldest sanction first; a run before a sanction serves none of it. Sets each
    draft's ``left``; returns how many skips were served."""
    served = 0
    queue: list[_Draft] = []
    runs = iter(passed)
    run = next(runs, None)
    for draft in [*drafts, None]:
        limit = draft.at if draft is not None else None
        while run is not None and (limit is None or run < limit):
            while queue and queue[0].left == 0:
                queue.pop(0)
            if queue:
                queue[0].left -= 1
                served += 1
            run = next(runs, None)
        if draft is not None and draft.skips:
            draft.left = draft.skips
            queue.append(draft)
    return served


def _in_force(
    periods: list[tuple[dt.datetime | None, dt.datetime]], at: dt.datetime
) -> dt.datetime | None:
    """The end of the run of overlapping periods ``[start, end)`` that holds ``at``."""
    spans = sorted((start, end) for start, end in periods if start is not None)
    current: dt.datetime | None = None
    began: dt.datetime | None = None
    for start, end in spans:
        if current is None or start > current:
            if current is not None and began is not None and began <= at < current:
                return current
            began, current = start, end
        elif end > current:
            current = end
    if current is not None and began is not None and began <= at < current:
        return current
    return None


# --------------------------------------------------------------------------- A5 the ten minutes

_A5 = "A5; 001 §客户资源分配管理制度 3.6.7"


class AfterHoursStart(LabelledEnum):
    """A5: when the ten minutes of a lead given outside business hours start."""

    NEXT_OPENING = "next_opening"
    """自下一营业时间起算 — at the next opening [default]."""
    AT_ONCE = "at_once"
    """自分配时起算 — at once, whatever the hour."""


class ResponseStatus(LabelledEnum):
    """A5: where a lead's ten-minute report stands at a moment."""

    PENDING = "pending"
    """待上报 — the ten minutes are still running."""
    ON_TIME = "on_time"
    """按时上报 — reported within the ten minutes."""
    LATE = "late"
    """逾时上报 — reported after the ten minutes: a missed report."""
    NOT_REPORTED = "not_reported"
    """未上报 — not reported and the ten minutes are over: a missed report."""


set_labels(
    {
        AfterHoursStart.NEXT_OPENING: ("自下一营业时间起算", "from the next opening"),
        AfterHoursStart.AT_ONCE: ("自分配时起算", "at once"),
        ResponseStatus.PENDING: ("待上报", "pending"),
        ResponseStatus.ON_TIME: ("按时上报", "reported on time"),
        ResponseStatus.LATE: ("逾时上报", "reported late"),
        ResponseStatus.NOT_REPORTED: ("未上报", "not reported"),
    }
)


def _clock(text: str) -> dt.time | None:
    """``"09:00"`` as a time, ``None`` unless it is ``HH:MM`` on a 24-hour clock."""
    hours, sep, minutes = text.strip().partition(":")
    if not sep or not (hours.isdigit() and minutes.isdigit()) or len(minutes) != 2:
        return None
    if len(hours) > 2 or int(hours) > 23 or int(minutes) > 59:
        return None
    return dt.time(int(hours), int(minutes))


@policy
class ResponsePolicy:
    """A5: the ten-minute response to a lead given directly (资源直接分配).

    "销售员在接收到资源直接分配到的客户资源时,需在10分钟内与客户及时联系并将跟进进度情况反馈销售经理,
    如未及时上报至销售经理,暂停资源分配一次扣罚,并录入销售管理表中的来电登记及EC客户管理系统。…下班
    时间收到的资源以先录EC的方式去重" (seed 001 §客户资源分配管理制度 3.6.7).

    Attributes:
        minutes: the minutes to contact the customer and report to the sales manager, counted
            from the moment the lead is given to the salesperson [seed: 10], 1–1440.
        opens: business hours start, ``HH:MM`` in Asia/Shanghai [default: 09:00 — the seed
            names 下班时间 (after hours) but not the hours].
        closes: business hours end, ``HH:MM``, after ``opens`` [default: 18:00].
        after_hours: when the minutes of a lead given outside business hours start [default:
            at the next opening; at once the other reading].
        skips: allocations suspended for a missed report ("暂停资源分配一次") [seed: 1], 0–100.
        reallocate_unreported: a lead entered in EC and the call register but never reported
            is re-allocated once discovered, and the case recorded [seed: yes; the seed's
            sentence is garbled, this is the catalogue's reading].

    The deduction (扣罚) is the fines table's ``ten_minute_report`` (A6). Which days are
    business days is the ``calendar`` a rule is given (every day by default).
    """

    minutes: int = setting(default=10, unit=Unit.COUNT, source=_A5, low=1, high=1440)
    opens: str = setting(default="09:00", unit=Unit.TEXT, source=_A5, mark=Mark.DEFAULT)
    closes: str = setting(default="18:00", unit=Unit.TEXT, source=_A5, mark=Mark.DEFAULT)
    after_hours: AfterHoursStart = setting(
        default=AfterHoursStart.NEXT_OPENING, unit=Unit.CHOICE, source=_A5, mark=Mark.DEFAULT
    )
    skips: int = setting(default=1, unit=Unit.COUNT, source=_A5, high=100)
    reallocate_unreported: bool = setting(default=True, unit=Unit.FLAG, source=_A5)

    def _check(self) -> Iterator[Problem]:
        opens, closes = _clock(self.opens), _clock(self.closes)
        if opens is None:
            yield Problem.mismatch("opens", self.opens, "a time HH:MM, e.g. 09:00")
        if closes is None:
            yield Problem.mismatch("closes", self.closes, "a time HH:MM, e.g. 18:00")
        if opens is not None and closes is not None and not opens < closes:
            yield Problem.mismatch("closes", self.closes, f"a time after opens ({self.opens})")

    @functools.cached_property
    def hours(self) -> tuple[dt.time, dt.time]:
        """Business hours as ``(opens, closes)`` times (Asia/Shanghai)."""
        opens, closes = _clock(self.opens), _clock(self.closes)
        if opens is None or closes is None:  # pragma: no cover - checked on construction
            raise InputError("opens", self.opens, "a time HH:MM")
        return opens, closes


def _open_at(local: dt.datetime, p: ResponsePolicy, calendar: Calendar) -> bool:
    opens, closes = p.hours
    return opens <= local.time() < closes and calendar.is_working_day(local.date())


def _clock_start(given: dt.datetime, p: ResponsePolicy, calendar: Calendar) -> dt.datetime:
    """When the minutes start: ``given`` within business hours (or under ``AT_ONCE``), else the
    next opening."""
    if p.after_hours is AfterHoursStart.AT_ONCE:
        return given
    local = given.astimezone(SHANGHAI)
    if _open_at(local, p, calendar):
        return given
    opens = p.hours[0]
    day = local.date()
    if local.time() >= opens or not calendar.is_working_day(day):
        day += _DAY
        for _ in range(3 * 366):
            if calendar.is_working_day(day):
                break
            day += _DAY
        else:
            raise InputError("calendar", calendar, f"a calendar with working days after {day}")
    return dt.datetime.combine(day, opens, tzinfo=SHANGHAI)


def in_business_hours(
    moment: dt.datetime, policy: AllocationPolicy, *, calendar: Calendar = CALENDAR_DAYS
) -> bool:
    """A5: whether ``moment`` falls within business hours — a business day of ``calendar``
    (every day by default) from ``policy.response.opens`` to ``closes`` (Asia/Shanghai);
    outside them is 下班时间 (after hours).

    Raises:
        InputError: naming the argument: a naive ``moment``, a ``policy`` that is not an
            AllocationPolicy, a ``calendar`` that is not a Calendar.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.dates import SHANGHAI
        >>> in_business_hours(dt.datetime(2026, 5, 6, 18, 0, tzinfo=SHANGHAI), AllocationPolicy())
        False
    """
    local = require_aware(moment, "moment").astimezone(SHANGHAI)
    book = allocation_policy(policy)
    return _open_at(local, book.response, calendar_arg(calendar))


def _optional_moment(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        require_aware(value, attribute.name)


@attrs.frozen
class LeadHandling:
    """A5: what happened to one lead given directly to a salesperson.

    Attributes:
        lead: the lead's id.
        person: the salesperson's id.
        given_at: when the lead was given to them (timezone-aware) — the ten minutes count
            from here.
        reported_at: when they reported progress to the sales manager, if they did.
        contacted_at: when they contacted the customer, if recorded.
        ec_at: when the lead was entered in the EC customer system, if it was.
        register_at: when it was entered in the call register (来电登记), if it was.

    Raises:
        InputError: naming the field: a blank id, a naive or non-datetime moment, or a report
            or contact before ``given_at``.
    """

    lead: str = attrs.field(validator=non_empty_text)
    person: str = attrs.field(validator=non_empty_text)
    given_at: dt.datetime = attrs.field(validator=_aware)
    reported_at: dt.datetime | None = attrs.field(default=None, validator=_optional_moment)
    contacted_at: dt.datetime | None = attrs.field(default=None, validator=_optional_moment)
    ec_at: dt.datetime | None = attrs.field(default=None, validator=_optional_moment)
    register_at: dt.datetime | None = attrs.field(default=None, validator=_optional_moment)

    def __attrs_post_init__(self) -> None:
        for name in ("reported_at", "contacted_at"):
            value = getattr(self, name)
            if value is not None and value < self.given_at:
                raise InputError(name, value, f"a moment on or after given_at ({self.given_at})")


_ENTRIES = (Label("来电登记", "call register"), Label("EC客户管理系统", "EC customer system"))


@attrs.frozen
class ResponseResult:
    """A5: a lead's ten-minute response at a moment.

    Attributes:
        handling: the facts.
        at: the moment asked about.
        start: when the minutes started (``given_at``, or the next opening after hours).
        deadline: ``start`` plus the minutes; a report at the deadline is in time (10分钟内).
        status: pending, on time, late or not reported.
        reallocate: the lead is to be re-allocated (entered in EC and the call register,
            never reported, the minutes over) and the case recorded.
        deduction: the deduction a missed report costs (A6), 0 otherwise.
        policy: the A5 policy used (not written by ``to_data``).
        policy_version: the version of the policy that decided.

    :attr:`missed` and :attr:`event` give the :class:`MissedReport` to add to the person's
    history (the sanctions ledger) for a late or missing report.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.dates import SHANGHAI
        >>> given = dt.datetime(2026, 5, 6, 10, 0, tzinfo=SHANGHAI)
        >>> h = LeadHandling("L1", "S07", given, reported_at=given + dt.timedelta(minutes=11))
        >>> r = ten_minute_response(h, AllocationPolicy(), at=given + dt.timedelta(hours=1))
        >>> r.status, r.event.at.isoformat()
        (<ResponseStatus.LATE: 'late'>, '2026-05-06T10:10:00+08:00')
    """

    handling: LeadHandling
    at: dt.datetime
    start: dt.datetime
    deadline: dt.datetime
    status: ResponseStatus
    reallocate: bool
    deduction: Decimal
    policy: ResponsePolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def missed(self) -> bool:
        """Whether the report was missed (late or not made in the minutes)."""
        return self.status is ResponseStatus.LATE or self.status is ResponseStatus.NOT_REPORTED

    @property
    def event(self) -> MissedReport | None:
        """The :class:`MissedReport` to record (at the deadline), ``None`` unless missed."""
        if not self.missed:
            return None
        return MissedReport(self.handling.person, self.deadline, self.handling.lead)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """``A5.after_hours`` when the minutes start later than the lead was given; the
        status (``A5.pending``, ``A5.on_time``, ``A5.late``, ``A5.not_reported``);
        ``A5.no_contact`` when no contact is recorded by the deadline (the minutes over);
        ``A5.not_entered`` for a missing entry; ``A5.reallocate``."""
        return tuple(_response_reasons(self))


def _response_reasons(r: ResponseResult) -> Iterator[Reason]:
    h, p = r.handling, r.policy
    if r.start != h.given_at:
        yield Reason.of(
            "A5",
            _R.A5_AFTER_HOURS,
            given=h.given_at,
            opens=p.opens,
            closes=p.closes,
            minutes=p.minutes,
            start=r.start,
        )
    common = {"given": h.given_at, "deadline": r.deadline}
    if r.status is ResponseStatus.PENDING:
        yield Reason.of("A5", _R.A5_PENDING, **common, minutes=p.minutes)
    elif r.status is ResponseStatus.ON_TIME:
        yield Reason.of("A5", _R.A5_ON_TIME, **common, reported=h.reported_at, minutes=p.minutes)
    elif r.status is ResponseStatus.LATE:
        yield Reason.of(
            "A5",
            _R.A5_LATE,
            **common,
            reported=h.reported_at,
            skips=p.skips,
            amount=r.deduction,
        )
    else:
        yield Reason.of("A5", _R.A5_NOT_REPORTED, **common, skips=p.skips, amount=r.deduction)
    contacted = h.contacted_at
    if r.at > r.deadline and (contacted is None or contacted > r.deadline):
        yield Reason.of("A5", _R.A5_NO_CONTACT, deadline=r.deadline)
    missing = tuple(
        label
        for label, when in zip(_ENTRIES, (h.register_at, h.ec_at), strict=True)
        if when is None or when > r.at
    )
    if missing:
        yield Reason.of("A5", _R.A5_NOT_ENTERED, missing=missing)
    if r.reallocate:
        yield Reason.of("A5", _R.A5_REALLOCATE)


def ten_minute_response(
    handling: LeadHandling,
    policy: AllocationPolicy,
    *,
    at: dt.datetime,
    calendar: Calendar = CALENDAR_DAYS,
) -> ResponseResult:
    """A5: whether a salesperson reported a lead to the sales manager within the ten minutes.

    The minutes count from the moment the lead is given to the salesperson; a lead given
    outside business hours (a rest day of ``calendar``, or before ``opens`` / from ``closes``,
    Asia/Shanghai) starts them at the next opening [default]. A report at the deadline is in
    time ("10分钟内"). A report after it, or none once it has passed, is a missed report: the
    result's :attr:`~ResponseResult.event` is the :class:`MissedReport` for the person's history
    — allocation suspended once and the deduction (A6) — and a lead entered in EC and the call
    register but never reported is to be re-allocated, and the case recorded [seed].

    Args:
        handling: the lead's facts.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        at: the moment asked about (timezone-aware); facts after it are not yet known.
        calendar: which days are business days (every day by default).

    Returns:
        The deadline, the status, whether to re-allocate, and reasons citing A5.

    Raises:
        InputError: naming the argument: a ``handling`` that is not a LeadHandling, a
            ``policy`` that is not an AllocationPolicy, a naive ``at``, a ``calendar`` that is
            not a Calendar (or has no working day ahead).
        CalendarCoverageError: when ``calendar`` has no data for the days asked about.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.dates import SHANGHAI
        >>> evening = dt.datetime(2026, 5, 6, 21, 30, tzinfo=SHANGHAI)
        >>> r = ten_minute_response(LeadHandling("L2", "S07", evening), AllocationPolicy(),
        ...                         at=evening)
        >>> r.deadline.isoformat(), r.status.value
        ('2026-05-07T09:10:00+08:00', 'pending')
    """
    if not isinstance(handling, LeadHandling):
        raise InputError("handling", handling, "a LeadHandling")
    book = allocation_policy(policy)
    moment = checked_moment(book, at)
    cal = calendar_arg(calendar)
    p = book.response
    start = _clock_start(handling.given_at, p, cal)
    deadline = _later(start, dt.timedelta(minutes=p.minutes))
    reported = handling.reported_at
    if reported is not None and reported > moment:
        reported = None  # not yet known at ``at``
    if reported is not None:
        status = ResponseStatus.ON_TIME if reported <= deadline else ResponseStatus.LATE
    elif moment <= deadline:
        status = ResponseStatus.PENDING
    else:
        status = ResponseStatus.NOT_REPORTED
    entered = all(
        when is not None and when <= moment for when in (handling.ec_at, handling.register_at)
    )
    reallocate = status is ResponseStatus.NOT_REPORTED and p.reallocate_unreported and entered
    missed = status is ResponseStatus.LATE or status is ResponseStatus.NOT_REPORTED
    return ResponseResult(
        handling=handling,
        at=moment,
        start=start,
        deadline=deadline,
        status=status,
        reallocate=reallocate,
        deduction=book.fines.ten_minute_report if missed else Decimal(0),
        policy=p,
        policy_version=book.version,
        policy_effective=book.effective,
    )


# --------------------------------------------------------------------------- A5 after hours


@attrs.frozen
class EcEntry:
    """A5: one entry of a lead in the EC customer system.

    Attributes:
        lead: what identifies the lead (the customer's phone or name as the host normalises
            it); entries of the same lead share it.
        person: who entered it.
        received_at: when the lead came in (timezone-aware): after hours, the first EC entry
            of a lead stands.
        entered_at: when it was entered in EC (timezone-aware).
    """

    lead: str = attrs.field(validator=non_empty_text)
    person: str = attrs.field(validator=non_empty_text)
    received_at: dt.datetime = attrs.field(validator=_aware)
    entered_at: dt.datetime = attrs.field(validator=_aware)


@attrs.frozen
class EntryDecision:
    """A5: whether one EC entry stands.

    Attributes:
        entry: the entry.
        after_hours: the lead came in outside business hours.
        kept: it stands — the first EC entry of an after-hours lead, or any entry of a lead
            received in business hours (allocated directly, A13).
        first: for a dropped entry, the entry that stands; ``None`` otherwise.
    """

    entry: EcEntry
    after_hours: bool
    kept: bool
    first: EcEntry | None = None

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """``A5.first_entry``, ``A5.duplicate`` or ``A5.in_hours``."""
        e = self.entry
        if not self.after_hours:
            return (Reason.of("A5", _R.A5_IN_HOURS, lead=e.lead, received=e.received_at),)
        if self.kept or self.first is None:
            return (
                Reason.of(
                    "A5", _R.A5_FIRST_ENTRY, lead=e.lead, person=e.person, entered=e.entered_at
                ),
            )
        return (
            Reason.of(
                "A5",
                _R.A5_DUPLICATE,
                lead=e.lead,
                person=e.person,
                entered=e.entered_at,
                first=self.first.person,
                first_at=self.first.entered_at,
            ),
        )


@attrs.frozen
class EntryDecisions:
    """A5: the after-hours de-duplication of a batch of EC entries.

    Attributes:
        decisions: one per entry, in the order given.
        policy_version: the version of the policy that decided.

    :attr:`kept` and :attr:`dropped` split them.
    """

    decisions: tuple[EntryDecision, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def kept(self) -> tuple[EcEntry, ...]:
        """The entries that stand, in the order given."""
        return tuple(d.entry for d in self.decisions if d.kept)

    @property
    def dropped(self) -> tuple[EcEntry, ...]:
        """The later duplicates of after-hours leads, in the order given."""
        return tuple(d.entry for d in self.decisions if not d.kept)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """Each decision's reason, in the order given."""
        return tuple(r for d in self.decisions for r in d.reasons)


def first_ec_entries(
    entries: Iterable[EcEntry],
    policy: AllocationPolicy,
    *,
    calendar: Calendar = CALENDAR_DAYS,
) -> EntryDecisions:
    """A5: after hours, the earliest EC entry of a lead stands and later duplicates are dropped
    ("下班时间收到的资源以先录EC的方式去重").

    Entries of a lead received outside business hours are grouped by ``lead``; the one entered
    first stands (of equal moments, the first given), the others are dropped as duplicates of
    it. Leads received in business hours are allocated directly (A13) and not de-duplicated
    here.

    Args:
        entries: the EC entries, any order.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        calendar: which days are business days (every day by default).

    Returns:
        One decision per entry, in the order given, with reasons citing A5.

    Raises:
        InputError: naming the argument or the item (``entries[1]``): something that is not an
            EcEntry, a ``policy`` that is not an AllocationPolicy, a ``calendar`` that is not a
            Calendar.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy
        >>> from customer_rules.dates import SHANGHAI
        >>> night = dt.datetime(2026, 5, 6, 22, 0, tzinfo=SHANGHAI)
        >>> later = night + dt.timedelta(minutes=5)
        >>> d = first_ec_entries([EcEntry("13800000000", "S02", night, later),
        ...                       EcEntry("13800000000", "S01", night, night)], AllocationPolicy())
        >>> [e.person for e in d.kept], [e.person for e in d.dropped]
        (['S01'], ['S02'])
    """
    book = allocation_policy(policy)
    cal = calendar_arg(calendar)
    if isinstance(entries, str | bytes | Mapping) or not isinstance(entries, Iterable):
        raise InputError("entries", entries, "a list of EcEntry")
    items: list[EcEntry] = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, EcEntry):
            raise InputError(f"entries[{i}]", entry, "an EcEntry")
        items.append(entry)
    p = book.response
    late = [not _open_at(e.received_at.astimezone(SHANGHAI), p, cal) for e in items]
    first: dict[str, EcEntry] = {}
    for entry, after in zip(items, late, strict=True):
        if after:
            seen = first.get(entry.lead)
            if seen is None or entry.entered_at < seen.entered_at:
                first[entry.lead] = entry
    decisions = []
    for entry, after in zip(items, late, strict=True):
        if not after:
            decisions.append(EntryDecision(entry, False, True))
            continue
        standing = first[entry.lead]
        kept = standing is entry
        decisions.append(EntryDecision(entry, True, kept, None if kept else standing))
    return EntryDecisions(
        tuple(decisions), policy_version=book.version, policy_effective=book.effective
    )
