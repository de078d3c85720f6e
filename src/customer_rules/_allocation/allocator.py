"""A13 — fair allocation of a batch of typed leads over a roster (客户资源分配).

Source: seed 001 §客户资源分配管理制度 三.3 (公平、优先级、分散、灵活原则) and §3.1
(客户、销售员级别分类); suspensions from A3–A5 (§3.1.1-4, §3.3.6, §3.6.7).

How one run decides, in this order:

1. **Who may receive at all.** A person on the roster receives nothing while on leave or
   inactive (:class:`~customer_rules.allocation.PersonStatus`), while suspended or treated as
   resigned at the run's moment (the A3–A5 ledger, :func:`sanctions`, on the person's history),
   when their level is not in the policy's level table, or when their quota for the period is
   already used up by the allocations of the history passed in.
2. **Which leads first.** The customers of greatest contribution and potential are served first
   (优先级原则): by contribution, then potential (or by their sum, a policy choice), then the
   earliest received, then the lead id. A lead left over when every eligible person is at
   capacity is therefore the least valuable one.
3. **Which level.** A lead goes only to a level whose row of the policy's table lists the lead's
   type (the seed names salesperson levels but never defines them: the table is policy data).
   Of the levels that may take it, the one whose next person in turn has had the fewest leads
   of this run; on a tie, the level that takes the fewest types (the one most given to this
   kind of lead: small leads to the junior levels, senior people kept for the leads only they
   may take), then the level listed first.
4. **Which person.** Each level deals its leads round a fixed cycle of its people, so within a
   level nobody gets more than one lead more than anyone else of that level in one run
   (公平原则), unless a quota stops someone. The cycle spreads each team's people evenly over it,
   and each manager's within the team (分散原则: not concentrated in one team or under one
   manager) — every team's first person before any team's second — then orders by id. With
   ``rotation`` on, the cycle starts at ``seed`` (a number in the facts — e.g. the run's
   number — never hidden randomness), so the extra lead of an uneven run does not always fall
   to the same people.
5. **Suspensions counted in allocations.** "Suspended N times" (A3, A5) skips the person's
   next N allocation runs: a person with skips left is passed over in a run that has a lead
   their level may take, and the run gives a
   :class:`~customer_rules.allocation.PassedOver` event for them (:meth:`AllocationRun.records`)
   that serves one skip once the host adds it to the history.

Every input order gives the same run: the result depends on the leads, the roster, the history,
the policy, the moment and the seed, never on the order the host lists them in. Leads are
sorted once (O(n log n)); each lead then costs a few steps, whatever the roster's size.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._allocation.checks import allocation_policy, items_of
from customer_rules._allocation.codes import AllocationReason
from customer_rules._allocation.model import Lead, PersonStatus, Salesperson
from customer_rules._allocation.sanctions import (
    LeadGiven,
    Misjudgment,
    MissedReport,
    PassedOver,
    SanctionEvent,
    Violation,
    sanctions,
)
from customer_rules._checks import checked_moment
from customer_rules._grading.model import DealSizeType
from customer_rules.dates import SHANGHAI
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._allocation.policy import AllocationPolicy

__all__ = [
    "AllocationRun",
    "AllocatorPolicy",
    "Assignment",
    "ExcludedPerson",
    "Exclusion",
    "LeadPriority",
    "QuotaPeriod",
    "SalesLevel",
    "Unassigned",
    "UnassignedReason",
    "allocate",
]

_A13 = "A13; 001 §客户资源分配管理制度 三.3, §3.1"
_LEVELS = "A13; 001 §3.1 客户、销售员级别分类 (levels named, never defined)"
_R = AllocationReason
_EVENTS = frozenset({Misjudgment, Violation, MissedReport, PassedOver, LeadGiven})
_EVENT_KINDS = (Misjudgment, Violation, MissedReport, PassedOver, LeadGiven)
_EVENT_NAMES = "a Misjudgment, Violation, MissedReport, PassedOver or LeadGiven"


class QuotaPeriod(LabelledEnum):
    """The period a per-person quota counts over, in Asia/Shanghai time (A13)."""

    DAY = "day"
    """自然日 — the calendar day of the run."""
    WEEK = "week"
    """自然周 — the ISO week (Monday to Sunday) of the run."""
    MONTH = "month"
    """自然月 — the calendar month of the run."""


class LeadPriority(LabelledEnum):
    """How "greater contribution and potential" (更大贡献和发展潜力) orders the leads (A13)."""

    CONTRIBUTION_FIRST = "contribution_first"
    """By contribution, then by potential."""
    TOTAL = "total"
    """By contribution plus potential."""


class Exclusion(LabelledEnum):
    """Why a person on the roster receives nothing in a run (A13)."""

    ON_LEAVE = "on_leave"
    """休假."""
    INACTIVE = "inactive"
    """离岗."""
    SUSPENDED = "suspended"
    """暂停分配 (A3–A5), for a time."""
    PASSED_OVER = "passed_over"
    """暂停分配N次 (A3, A5): passed over in this run, one of the skips left."""
    RESIGNED = "resigned"
    """按自动离职处理 (A4)."""
    UNKNOWN_LEVEL = "unknown_level"
    """The person's level is not in the policy's table."""
    AT_CAPACITY = "at_capacity"
    """The quota of the period is already used up."""


class UnassignedReason(LabelledEnum):
    """Why a lead of the batch was given to nobody (A13)."""

    NO_LEVEL = "no_level"
    """No level of the policy's table may take the lead's type."""
    NO_PERSON = "no_person"
    """No one at the levels that may take it can receive leads in this run."""
    AT_CAPACITY = "at_capacity"
    """Everyone who could take it has reached their quota."""


set_labels(
    {
        QuotaPeriod.DAY: ("日", "day"),
        QuotaPeriod.WEEK: ("周", "week"),
        QuotaPeriod.MONTH: ("月", "month"),
        LeadPriority.CONTRIBUTION_FIRST: ("先贡献后潜力", "contribution, then potential"),
        LeadPriority.TOTAL: ("贡献与潜力之和", "contribution plus potential"),
        Exclusion.ON_LEAVE: ("休假", "on leave"),
        Exclusion.INACTIVE: ("离岗", "inactive"),
        Exclusion.SUSPENDED: ("暂停分配", "suspended"),
        Exclusion.PASSED_OVER: ("本轮暂停分配", "passed over in this run"),
        Exclusion.RESIGNED: ("按自动离职处理", "treated as resigned"),
        Exclusion.UNKNOWN_LEVEL: ("级别不在级别表中", "level not in the table"),
        Exclusion.AT_CAPACITY: ("已达配额", "at capacity"),
        UnassignedReason.NO_LEVEL: ("无可接级别", "no level takes it"),
        UnassignedReason.NO_PERSON: ("无可分配人员", "no eligible person"),
        UnassignedReason.AT_CAPACITY: ("均已达配额", "all at capacity"),
    }
)


# --------------------------------------------------------------------------- the policy


@policy
class SalesLevel:
    """One salesperson level of the allocation table (销售员级别, A13).

    Attributes:
        name: the level as the roster writes it (``Salesperson.level``), e.g. ``"1"``; required.
        types: the lead types (G1 A/B/C/D) people of this level may be given; empty for a level
            that takes no leads.
        quota: the most leads one person of this level may be given per
            :attr:`AllocatorPolicy.quota_period`, counting the allocations of the history passed
            in; 0 for no quota [default: the seed sets none].

    Raises:
        PolicyError: listing every field that is not of its type or out of range.
    """

    name: str = setting(default=attrs.NOTHING, unit=Unit.TEXT, source=_LEVELS, mark=Mark.DEFAULT)
    types: frozenset[DealSizeType] = setting(
        default=frozenset(DealSizeType), unit=Unit.CHOICE, source=_LEVELS, mark=Mark.DEFAULT
    )
    quota: int = setting(default=0, unit=Unit.COUNT, source=_A13, mark=Mark.DEFAULT, high=10**6)


_SEED_LEVELS = (
    SalesLevel(name="1", types=frozenset(DealSizeType)),
    SalesLevel(name="2", types=frozenset({DealSizeType.B, DealSizeType.C, DealSizeType.D})),
    SalesLevel(name="3", types=frozenset({DealSizeType.C, DealSizeType.D})),
)


@policy
class AllocatorPolicy:
    """A13: how a batch of leads is allocated.

    Source: seed 001 §客户资源分配管理制度 三.3 — 公平原则 (fair, open, impartial), 优先级原则
    (resources first to the customers of greater contribution and potential), 分散原则 (spread
    over teams and customer managers, not concentrated), 灵活原则 (adjusted as things change);
    §3.1 names customer and salesperson levels (客户、销售员级别分类) but defines only the
    customer types (G1).

    Attributes:
        levels: the salesperson levels, each with the lead types it may take and its quota
            [default: "1" takes A–D, "2" takes B–D, "3" takes C–D, no quota — a company sets
            its own; the seed never defines its levels]. Level names unique.
        priority: how leads are ordered before they are dealt [default: contribution, then
            potential].
        disperse: spread each level's cycle over teams, then managers [seed: 分散原则, on].
        rotation: start each level's cycle at the run's ``seed`` [default: on; with the
            default seed 0 the cycle starts at its first person].
        quota_period: the period a level's quota counts over, in Asia/Shanghai time
            [default: the calendar month].

    Raises:
        PolicyError: listing every problem with its path (``levels[1].name``).
    """

    levels: tuple[SalesLevel, ...] = setting(
        default=_SEED_LEVELS, unit=Unit.TABLES, source=_LEVELS, mark=Mark.DEFAULT
    )
    priority: LeadPriority = setting(
        default=LeadPriority.CONTRIBUTION_FIRST, unit=Unit.CHOICE, source=_A13, mark=Mark.DEFAULT
    )
    disperse: bool = setting(default=True, unit=Unit.FLAG, source=_A13)
    rotation: bool = setting(default=True, unit=Unit.FLAG, source=_A13, mark=Mark.DEFAULT)
    quota_period: QuotaPeriod = setting(
        default=QuotaPeriod.MONTH, unit=Unit.CHOICE, source=_A13, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        """Level names are not blank and name one level each."""
        seen: dict[str, int] = {}
        for i, level in enumerate(self.levels):
            name = level.name.strip()
            if not name:
                yield Problem.mismatch(f"levels[{i}].name", level.name, "a non-blank level name")
            elif name in seen:
                yield Problem.mismatch(
                    f"levels[{i}].name", level.name, f"a name not used by levels[{seen[name]}]"
                )
            else:
                seen[name] = i

    @functools.cached_property
    def _by_name(self) -> dict[str, tuple[int, SalesLevel]]:
        return {level.name.strip(): (i, level) for i, level in enumerate(self.levels)}


# --------------------------------------------------------------------------- results


@attrs.frozen
class Assignment:
    """One lead given to one person (A13).

    Attributes:
        lead: the lead.
        person: the person it goes to.
        level: the level it was dealt at.
        rank: the lead's place in the run's priority order (1 = served first).
        nth: the person's count of leads in the run with this one (1 = their first).
    """

    lead: Lead
    person: Salesperson
    level: str
    rank: int
    nth: int

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One A13 reason: the lead, its priority and the person's level and turn."""
        lead, person = self.lead, self.person
        return (
            Reason.of(
                "A13",
                _R.A13_ASSIGNED,
                lead=lead.id,
                type=lead.type,
                contribution=lead.contribution,
                potential=lead.potential,
                rank=self.rank,
                person=_who(person),
                level=self.level,
                team=person.team or "—",
                nth=self.nth,
            ),
        )


@attrs.frozen
class Unassigned:
    """A lead given to nobody, and why (A13).

    Attributes:
        lead: the lead.
        rank: its place in the run's priority order.
        why: no level takes its type, no one at those levels can receive, or all are at
            capacity.
        levels: the levels that may take its type, in table order.
        people: how many people at those levels could receive leads in this run (0 unless
            ``why`` is ``AT_CAPACITY``).
    """

    lead: Lead
    rank: int
    why: UnassignedReason
    levels: tuple[str, ...]
    people: int

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One A13 reason for the outcome."""
        lead = self.lead
        if self.why is UnassignedReason.NO_LEVEL:
            return (Reason.of("A13", _R.A13_NO_LEVEL, lead=lead.id, type=lead.type),)
        if self.why is UnassignedReason.NO_PERSON:
            return (
                Reason.of(
                    "A13", _R.A13_NO_PERSON, lead=lead.id, type=lead.type, levels=self.levels
                ),
            )
        return (
            Reason.of(
                "A13",
                _R.A13_AT_CAPACITY,
                lead=lead.id,
                type=lead.type,
                levels=self.levels,
                people=self.people,
            ),
        )


@attrs.frozen
class ExcludedPerson:
    """A person on the roster who receives nothing in the run, and why (A13).

    Attributes:
        person: the person.
        why: on leave, inactive, suspended, passed over, treated as resigned, level unknown,
            or at capacity.
        until: for a suspension with an end, when it ends (exclusive); ``None`` otherwise.
        skips: for ``PASSED_OVER``, the skips left before this run (else 0).
        used: for ``AT_CAPACITY``, the leads already given in the period (else 0).
        quota: for ``AT_CAPACITY``, the level's quota (else 0).
        served: for ``PASSED_OVER``, whether this run serves one of the skips (the run has a
            lead the person's level may take; else False).
    """

    person: Salesperson
    why: Exclusion
    until: dt.datetime | None = None
    skips: int = 0
    used: int = 0
    quota: int = 0
    served: bool = False

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One A13 reason for the exclusion."""
        who = _who(self.person)
        why = self.why
        if why is Exclusion.SUSPENDED:
            if self.until is None:
                return (Reason.of("A13", _R.A13_SUSPENDED, person=who),)
            return (Reason.of("A13", _R.A13_SUSPENDED_UNTIL, person=who, until=self.until),)
        if why is Exclusion.PASSED_OVER:
            code = _R.A13_PASSED_OVER if self.served else _R.A13_PASSED_OVER_NOTHING
            return (Reason.of("A13", code, person=who, skips=self.skips),)
        if why is Exclusion.AT_CAPACITY:
            return (Reason.of("A13", _R.A13_FULL, person=who, used=self.used, quota=self.quota),)
        if why is Exclusion.UNKNOWN_LEVEL:
            return (Reason.of("A13", _R.A13_UNKNOWN_LEVEL, person=who, level=self.person.level),)
        code = {
            Exclusion.ON_LEAVE: _R.A13_ON_LEAVE,
            Exclusion.INACTIVE: _R.A13_INACTIVE,
            Exclusion.RESIGNED: _R.A13_RESIGNED,
        }[why]
        return (Reason.of("A13", code, person=who),)


@attrs.frozen
class AllocationRun:
    """The outcome of one allocation run (A13): every lead assigned or explained, once.

    Attributes:
        at: the moment of the run (timezone-aware).
        seed: the rotation seed the run was dealt with.
        assignments: the leads given, in priority order.
        unassigned: the leads given to nobody, in priority order, each with why.
        excluded: the people who receive nothing in the run, in roster-id order, each with why.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy (``None``: the seed, any day).

    :meth:`counts` and :meth:`records` give what a host usually stores.
    """

    at: dt.datetime
    seed: int
    assignments: tuple[Assignment, ...]
    unassigned: tuple[Unassigned, ...]
    excluded: tuple[ExcludedPerson, ...]
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The A13 summary of the run, then why each excluded person receives nothing."""
        summary = Reason.of(
            "A13",
            _R.A13_RUN,
            assigned=len(self.assignments),
            unassigned=len(self.unassigned),
            people=len({a.person.id for a in self.assignments}),
            excluded=len(self.excluded),
        )
        return (summary, *(r for e in self.excluded for r in e.reasons))

    def counts(self) -> dict[str, int]:
        """Leads given per person id in this run (people given none are left out)."""
        found: dict[str, int] = {}
        for item in self.assignments:
            found[item.person.id] = found.get(item.person.id, 0) + 1
        return found

    def records(self) -> tuple[LeadGiven | PassedOver, ...]:
        """What the run adds to the people's history, at the run's moment: a
        :class:`~customer_rules.allocation.LeadGiven` per assignment (the next runs' quotas
        count them) and a :class:`~customer_rules.allocation.PassedOver` per person the run
        passed over for a count-based suspension (each serves one skip, A3/A5)."""
        at = self.at
        given: list[LeadGiven | PassedOver] = [
            LeadGiven(a.person.id, at, a.lead.id) for a in self.assignments
        ]
        given.extend(
            PassedOver(e.person.id, at)
            for e in self.excluded
            if e.why is Exclusion.PASSED_OVER and e.served
        )
        return tuple(given)


def _who(person: Salesperson) -> str:
    return f"{person.id} {person.name}" if person.name else person.id


# --------------------------------------------------------------------------- the rule


def _period_start(moment: dt.datetime, period: QuotaPeriod) -> dt.datetime:
    local = moment.astimezone(SHANGHAI)
    day = local.date()
    if period is QuotaPeriod.WEEK:
        day -= dt.timedelta(days=day.isoweekday() - 1)
    elif period is QuotaPeriod.MONTH:
        day = day.replace(day=1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=SHANGHAI)


def _seed(value: object) -> int:
    if type(value) is not int or not 0 <= value <= 10**15:
        raise InputError("seed", value, "a whole number from 0 to 10^15")
    return value


def _cycle(members: list[Salesperson], disperse: bool) -> list[Salesperson]:
    """A level's dealing order: each team spread evenly over the cycle, each manager's people
    spread evenly over their team's share, then by id (or by id alone). Each group's first
    person comes before any group's second, so a short run reaches every team first."""
    members = sorted(members, key=operator.attrgetter("id"))
    if not disperse:
        return members
    return _spread(members, "team", lambda group: _spread(group, "manager", list))


def _spread(people: list[Salesperson], attribute: str, inner: Any) -> list[Salesperson]:
    groups: dict[str, list[Salesperson]] = {}
    for person in people:
        groups.setdefault(getattr(person, attribute), []).append(person)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    keyed: list[tuple[Fraction, int, Salesperson]] = []
    for rank, (_, group) in enumerate(ordered):
        size = len(group)
        for j, person in enumerate(inner(group)):
            keyed.append((Fraction(j, size), rank, person))
    keyed.sort(key=operator.itemgetter(0, 1))
    return [person for _, _, person in keyed]


def allocate(
    leads: Iterable[Lead],
    roster: Iterable[Salesperson],
    history: Iterable[object],
    policy: AllocationPolicy,
    *,
    at: dt.datetime,
    seed: int = 0,
) -> AllocationRun:
    """A13: allocate a batch of typed leads over a roster.

    See the module's description for the order of decisions. Every lead of ``leads`` appears
    exactly once in the result: in :attr:`AllocationRun.assignments` or in
    :attr:`AllocationRun.unassigned` with why.

    Args:
        leads: the leads to allocate (ids unique), each received at or before ``at``.
        roster: the people (ids unique).
        history: the people's events, any order (:data:`~customer_rules.allocation.SanctionEvent`
            values, each naming its person): the A3–A5 ledger
            (:func:`~customer_rules.allocation.sanctions`) reads each person's, and a quota
            counts the :class:`~customer_rules.allocation.LeadGiven` events of its period.
            Events after ``at``, and those of people not on the roster, are not counted.
        policy: the allocation policy (``AllocationPolicy()`` is the seed).
        at: the moment of the run (timezone-aware).
        seed: a whole number ≥ 0 that rotates the start of each level's cycle (with
            ``policy.allocator.rotation``); e.g. the run's number.

    Returns:
        The :class:`AllocationRun`.

    Raises:
        InputError: naming the argument or item: not a list of the right facts, a repeated id
            (``leads[3].id``), a lead received after ``at``, an item of ``history`` that is not
            an event (``history[2]``), a naive ``at``, an ``at`` before the policy takes
            effect.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.allocation import AllocationPolicy, Lead, Salesperson
        >>> from customer_rules.dates import SHANGHAI
        >>> from customer_rules.grading import DealSizeType
        >>> at = dt.datetime(2026, 11, 30, 9, 0, tzinfo=SHANGHAI)
        >>> leads = [Lead(f"L{i}", DealSizeType.A, at, contribution=i) for i in range(3)]
        >>> roster = [Salesperson("S1", team="east"), Salesperson("S2", team="west")]
        >>> run = allocate(leads, roster, [], AllocationPolicy(), at=at)
        >>> [(a.lead.id, a.person.id) for a in run.assignments]
        [('L2', 'S1'), ('L1', 'S2'), ('L0', 'S1')]
    """
    checked = allocation_policy(policy)
    moment = checked_moment(checked, at)
    start = _seed(seed)
    lead_list: list[Lead] = items_of(leads, "leads", Lead, "Lead values")
    people: list[Salesperson] = items_of(roster, "roster", Salesperson, "Salesperson values")
    _unique(lead_list, "leads")
    _unique(people, "roster")
    for i, lead in enumerate(lead_list):
        if lead.received_at > moment:
            raise InputError(
                f"leads[{i}].received_at", lead.received_at, f"a moment on or before at ({moment})"
            )
    used, events = _history(history, people, moment, checked.allocator.quota_period)
    return _deal(lead_list, people, used, events, checked, moment, start)


def _unique(items: Sequence[Any], field: str) -> None:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        first = seen.setdefault(item.id, i)
        if first != i:
            raise InputError(
                f"{field}[{i}].id", item.id, f"an id not given before ({field}[{first}])"
            )


def _history(
    history: object, people: list[Salesperson], moment: dt.datetime, period: QuotaPeriod
) -> tuple[dict[str, int], dict[str, list[SanctionEvent]]]:
    """Leads already given in the quota's period, and the events that may sanction someone
    (a :class:`LeadGiven` or :class:`PassedOver` alone sanctions no one), by person id."""
    if isinstance(history, str | bytes | Mapping) or not isinstance(history, Iterable):
        raise InputError("history", history, f"a list of events ({_EVENT_NAMES})")
    on_roster = {person.id for person in people}
    since = _period_start(moment, period)
    used: dict[str, int] = {}
    events: dict[str, list[SanctionEvent]] = {}
    cause: set[str] = set()
    for i, item in enumerate(history):
        kind = type(item)
        if kind not in _EVENTS:
            if not isinstance(item, _EVENT_KINDS):
                raise InputError(f"history[{i}]", item, _EVENT_NAMES)
            kind = next(k for k in _EVENT_KINDS if isinstance(item, k))
        person = item.person
        if person not in on_roster:
            continue
        if kind is LeadGiven:
            if since <= item.at <= moment:
                used[person] = used.get(person, 0) + 1
            continue
        events.setdefault(person, []).append(item)
        if kind is not PassedOver:
            cause.add(person)
    return used, {person: found for person, found in events.items() if person in cause}


def _deal(
    leads: list[Lead],
    people: list[Salesperson],
    used: dict[str, int],
    events: dict[str, list[SanctionEvent]],
    policy: AllocationPolicy,
    moment: dt.datetime,
    seed: int,
) -> AllocationRun:
    p = policy.allocator
    levels = p._by_name
    excluded: list[ExcludedPerson] = []
    members: dict[str, list[Salesperson]] = {name: [] for name in levels}
    remaining: dict[str, int] = {}
    eligible_at: dict[str, int] = dict.fromkeys(levels, 0)
    passed: list[tuple[int, Salesperson, int, SalesLevel]] = []
    for person in sorted(people, key=operator.attrgetter("id")):
        found = levels.get(person.level.strip())
        if person.status is PersonStatus.ON_LEAVE:
            excluded.append(ExcludedPerson(person, Exclusion.ON_LEAVE))
            continue
        if person.status is PersonStatus.INACTIVE:
            excluded.append(ExcludedPerson(person, Exclusion.INACTIVE))
            continue
        own = events.get(person.id)
        skips = 0
        if own:
            state = sanctions(own, policy, at=moment, person=person.id)
            if state.resignation:
                excluded.append(ExcludedPerson(person, Exclusion.RESIGNED))
                continue
            if state.suspended_until is not None:
                excluded.append(ExcludedPerson(person, Exclusion.SUSPENDED, state.suspended_until))
                continue
            skips = state.skips_left
        if found is None:
            excluded.append(ExcludedPerson(person, Exclusion.UNKNOWN_LEVEL))
            continue
        if skips:  # passed over: whether the run serves a skip is known once the leads are
            passed.append((len(excluded), person, skips, found[1]))
            excluded.append(ExcludedPerson(person, Exclusion.PASSED_OVER, skips=skips))
            continue
        name = found[1].name.strip()
        eligible_at[name] += 1
        quota = found[1].quota
        if quota:
            left = quota - used.get(person.id, 0)
            if left <= 0:
                excluded.append(
                    ExcludedPerson(
                        person, Exclusion.AT_CAPACITY, used=used.get(person.id, 0), quota=quota
                    )
                )
                continue
            remaining[person.id] = left
        members[name].append(person)

    names = list(levels)
    cycles = [_cycle(members[name], p.disperse) for name in names]
    positions = [0] * len(names)
    if p.rotation:
        positions = [seed % len(c) if c else 0 for c in cycles]
    by_type = {
        kind: sorted(
            (i for i, name in enumerate(names) if kind in levels[name][1].types),
            key=lambda i: (len(levels[names[i]][1].types), i),
        )
        for kind in DealSizeType
    }
    people_for = {
        kind: sum(eligible_at[names[i]] for i in found) for kind, found in by_type.items()
    }
    level_names = {kind: tuple(names[i] for i in sorted(found)) for kind, found in by_type.items()}
    counts: dict[str, int] = {}
    assignments: list[Assignment] = []
    unassigned: list[Unassigned] = []
    for rank, lead in enumerate(_ordered(leads, p.priority), 1):
        candidates = by_type[lead.type]
        best = -1
        low = 0
        for i in candidates:
            cycle = cycles[i]
            if cycle:
                count = counts.get(cycle[positions[i]].id, 0)
                if best < 0 or count < low:
                    best, low = i, count
        if best < 0:
            unassigned.append(_unassigned(lead, rank, candidates, people_for, level_names))
            continue
        cycle = cycles[best]
        at = positions[best]
        person = cycle[at]
        pid = person.id
        counts[pid] = low + 1
        assignments.append(Assignment(lead, person, names[best], rank, low + 1))
        if pid in remaining:
            remaining[pid] -= 1
            if not remaining[pid]:
                del cycle[at]
                if at >= len(cycle):
                    at = 0
                positions[best] = at
                continue
        positions[best] = at + 1 if at + 1 < len(cycle) else 0
    if passed:
        kinds = {lead.type for lead in leads}
        for index, person, skips, level in passed:
            if not kinds.isdisjoint(level.types):
                excluded[index] = ExcludedPerson(
                    person, Exclusion.PASSED_OVER, skips=skips, served=True
                )
    return AllocationRun(
        moment,
        seed,
        tuple(assignments),
        tuple(unassigned),
        tuple(excluded),
        policy.version,
        policy_effective=policy.effective,
    )


def _unassigned(
    lead: Lead,
    rank: int,
    candidates: list[int],
    people_for: dict[DealSizeType, int],
    level_names: dict[DealSizeType, tuple[str, ...]],
) -> Unassigned:
    kind = lead.type
    if not candidates:
        return Unassigned(lead, rank, UnassignedReason.NO_LEVEL, (), 0)
    people = people_for[kind]
    why = UnassignedReason.AT_CAPACITY if people else UnassignedReason.NO_PERSON
    return Unassigned(lead, rank, why, level_names[kind], people)


def _ordered(leads: list[Lead], priority: LeadPriority) -> list[Lead]:
    """The leads best first: by the priority's key, descending, then the earliest received,
    then the id (stable sorts: the last decides first)."""
    ordered = sorted(leads, key=operator.attrgetter("id"))
    ordered.sort(key=operator.attrgetter("received_at"))
    if priority is LeadPriority.TOTAL:
        ordered.sort(key=lambda lead: lead.contribution + lead.potential, reverse=True)
    else:
        ordered.sort(key=operator.attrgetter("contribution", "potential"), reverse=True)
    return ordered
