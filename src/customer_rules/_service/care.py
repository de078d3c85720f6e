"""S4 — the revisit and care calendar: revisits by tier, dedicated visits to A-level big customers
with their report upward, birthday and holiday greetings, and gifts by grade.

Sources: seed 003 §6.1.2 (revisits by tier — the G4 table, reused through
:func:`customer_rules.grading.service_tier`, never re-implemented), §[管理制度]大客户管理制度 第三章
("公司定期派专职人员拜访A级大客户,了解其需求,并向上级汇报"), §集团内部客户管理制度范本 第十一条
("在客户生日或重要节日,向客户发送祝福;在节假日向客户发送问候") and §公司客户管理制度 (2nd) 三.5
("根据客户级别赠送相应的礼品").

Festival dates come from a dated table in the policy (:class:`Festival`: a fixed day such as
元旦, or the dates of each year as published, such as 春节): the library does no lunar arithmetic
of its own, and a year the table does not give is reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from customer_rules._bounded import keep
from customer_rules._grading.checks import grading_policy
from customer_rules._grading.model import CustomerCategory, Grade
from customer_rules._grading.service_tier import service_tier
from customer_rules._service.checks import Term, day_in_force, items_of, service_policy
from customer_rules._service.codes import ServiceReason
from customer_rules._service.facts import optional_day, optional_text
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.calendars import Deadline
from customer_rules.dates import EARLIEST, LATEST, require_date
from customer_rules.errors import InputError, Problem
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.reasons import Reason
from customer_rules.recurrence import Recurrence, RecurrenceBasis
from customer_rules.roles import Role
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._grading.policy import GradingPolicy
    from customer_rules._service.policy import ServicePolicy

__all__ = [
    "CareCalendar",
    "CareCustomer",
    "CareEntry",
    "CareKind",
    "CarePolicy",
    "Festival",
    "FestivalGap",
    "GiftRow",
    "care_calendar",
]

_S4 = "S4; 003 §集团内部客户管理制度范本 第十一条"
_S4_GIFTS = "S4; 003 §公司客户管理制度 (2nd) 三.5"
_S4_DEDICATED = "S4; 003 §[管理制度]大客户管理制度 第三章"
_REQUIRED: Any = attrs.NOTHING
MAX_DAYS = 5 * 366
"""The longest range a calendar covers (about five years)."""
BIRTHDAY = "birthday"
"""The occasion name of a birthday (what :attr:`GiftRow.festivals` never holds)."""


class CareKind(LabelledEnum):
    """What a calendar entry is."""

    REVISIT = "revisit"
    """回访 — the tier's revisit (G4)."""
    DEDICATED_VISIT = "dedicated_visit"
    """专职人员定期拜访 — a dedicated staff member visits an A-level big customer."""
    REPORT = "report"
    """向上级汇报 — the dedicated visit's report upward."""
    BIRTHDAY = "birthday"
    """生日祝福 — a birthday greeting."""
    HOLIDAY = "holiday"
    """节日问候 — a holiday greeting."""
    GIFT = "gift"
    """赠送礼品 — a gift by grade."""


set_labels(
    {
        CareKind.REVISIT: ("回访", "revisit"),
        CareKind.DEDICATED_VISIT: ("专职人员拜访", "dedicated visit"),
        CareKind.REPORT: ("向上级汇报", "report upward"),
        CareKind.BIRTHDAY: ("生日祝福", "birthday greeting"),
        CareKind.HOLIDAY: ("节日问候", "holiday greeting"),
        CareKind.GIFT: ("赠送礼品", "gift"),
    }
)

_KIND_ORDER = {kind: i for i, kind in enumerate(CareKind)}
_ONE_DAY = dt.timedelta(days=1)


# --------------------------------------------------------------------------- the policy


@policy
class Festival:
    """A festival of the care calendar: a fixed day of the year, or its dates as published.

    Attributes:
        name: what entries store (``"spring_festival"``).
        zh: its Chinese name (``"春节"``).
        en: its English name.
        month: the month of a fixed-date festival (1–12); ``None`` for a dated one.
        day: the day of a fixed-date festival (1–31).
        dates: the dates of a festival that moves (the lunar ones), one or more a year, as
            published; the years without a date are not covered.

    Raises:
        PolicyError: for a festival with neither a fixed day nor dates, with both, or a fixed
            day that is no day of the month.
    """

    name: str = setting(default=_REQUIRED, unit=Unit.TEXT, source=_S4, mark=Mark.DEFAULT)
    zh: str = setting(default=_REQUIRED, unit=Unit.TEXT, source=_S4)
    en: str = setting(default=_REQUIRED, unit=Unit.TEXT, source=_S4, mark=Mark.DEFAULT)
    month: int | None = setting(default=None, unit=Unit.MONTH_OF_YEAR, source=_S4, low=1, high=12)
    day: int | None = setting(default=None, unit=Unit.DAY_OF_MONTH, source=_S4, low=1, high=31)
    dates: frozenset[dt.date] = setting(default=frozenset(), unit=Unit.DATE, source=_S4)

    def _check(self) -> Iterator[Problem]:
        fixed = self.month is not None or self.day is not None
        if fixed and self.dates:
            yield Problem.mismatch(
                "dates", f"{len(self.dates)} date(s)", "no dates for a fixed-date festival"
            )
        if not fixed and not self.dates:
            yield Problem.mismatch(
                "dates", "none", "a fixed month and day, or the festival's dates"
            )
        if fixed:
            if self.month is None or self.day is None:
                yield Problem.mismatch("day", self.day, "a month and a day, both")
            else:
                try:
                    dt.date(2000, self.month, self.day)  # a leap year: 29 February exists
                except ValueError:
                    yield Problem.mismatch("day", self.day, f"a day of month {self.month}")

    @property
    def term(self) -> Term:
        """The festival's name with its labels."""
        return Term(self.name, self.zh, self.en)

    @property
    def yearly(self) -> Recurrence | None:
        """A fixed-date festival as a yearly :class:`~customer_rules.recurrence.Recurrence`
        (``None`` for a dated one)."""
        if self.month is None or self.day is None:
            return None
        return _yearly(self.month, self.day)

    def in_year(self, year: int) -> tuple[dt.date, ...] | None:
        """Its dates in ``year``; ``None`` when the table does not give the year (a dated
        festival without a date that year).

        Raises:
            InputError: naming ``year`` unless it is a year from 1900 to 2999.
        """
        if type(year) is not int or not EARLIEST.year <= year <= LATEST.year:
            raise InputError("year", year, "a year from 1900 to 2999")
        yearly = self.yearly
        if yearly is not None:
            return tuple(_occurrences(yearly, dt.date(year, 1, 1), dt.date(year, 12, 31)))
        found = tuple(sorted(d for d in self.dates if d.year == year))
        return found or None


_YEARLY: dict[tuple[int, int], Recurrence] = {}


def _yearly(month: int, day: int) -> Recurrence:
    """The day ``day`` of month ``month`` every year (29 February falls on the 28th in a common
    year: a recurrence's day past a month's end is the month's last day)."""
    found = _YEARLY.get((month, day))
    if found is None:
        found = keep(_YEARLY, (month, day), Recurrence.in_months(month, day=day), 400)
    return found


def _occurrences(recurrence: Recurrence, first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """The occurrences of a calendar recurrence from ``first`` to ``last``."""
    try:
        day = recurrence.first_on_or_after(first)
        while day <= last:
            yield day
            if day >= last:
                return
            day = recurrence.first_on_or_after(day + _ONE_DAY)
    except InputError:  # the next occurrence would be after 2999-12-31
        return


def _dates(*texts: str) -> frozenset[dt.date]:
    return frozenset(dt.date.fromisoformat(t) for t in texts)


SEED_FESTIVALS = (
    Festival("new_year", "元旦", "New Year's Day", month=1, day=1),
    Festival(
        "spring_festival",
        "春节",
        "Spring Festival",
        dates=_dates(
            "2024-02-10",
            "2025-01-29",
            "2026-02-17",
            "2027-02-06",
            "2028-01-26",
            "2029-02-13",
            "2030-02-03",
        ),
    ),
    Festival(
        "mid_autumn",
        "中秋节",
        "Mid-Autumn Festival",
        dates=_dates(
            "2024-09-17",
            "2025-10-06",
            "2026-09-25",
            "2027-09-15",
            "2028-10-03",
            "2029-09-22",
            "2030-09-12",
        ),
    ),
    Festival("national_day", "国庆节", "National Day", month=10, day=1),
)
"""The festivals of the default calendar [default: the seed says "重要节日" and "节假日" without
a list]: 元旦 and 国庆节 on their fixed days; 春节 and 中秋节 on their published dates of
2024–2030 (the first day of the lunar new year and the 15th of the eighth lunar month, as
published — data, not arithmetic)."""


@policy
class GiftRow:
    """The gifts of one grade.

    Attributes:
        grade: the customer grade.
        festivals: the festivals (by name) on which customers of the grade get a gift.
        birthday: customers of the grade get a birthday gift.
    """

    grade: Grade = setting(default=_REQUIRED, unit=Unit.CHOICE, source=_S4_GIFTS)
    festivals: frozenset[str] = setting(
        default=frozenset(), unit=Unit.TEXT, source=_S4_GIFTS, mark=Mark.DEFAULT
    )
    birthday: bool = setting(default=False, unit=Unit.FLAG, source=_S4_GIFTS, mark=Mark.DEFAULT)


SEED_GIFTS = (
    GiftRow(Grade.A, frozenset({"spring_festival", "mid_autumn"}), birthday=True),
    GiftRow(Grade.B, frozenset({"spring_festival"})),
)
"""[default] The seed says only "根据客户级别赠送相应的礼品": A — Spring Festival, Mid-Autumn and
birthday; B — Spring Festival; C and D — none."""


@policy
class CarePolicy:
    """S4: the care calendar. Sources: seed 003 §6.1.2 (via G4), §[管理制度]大客户管理制度 第三章,
    §集团内部客户管理制度范本 第十一条, §公司客户管理制度 (2nd) 三.5.

    Attributes:
        festivals: the festivals greeted, each with its day or dated table [default: 元旦,
            春节, 中秋节, 国庆节].
        greeter: who sends the birthday and holiday greetings and gifts [default: customer
            service; the seed names no one].
        greet_birthdays: birthday greetings are sent (在客户生日…发送祝福) [seed].
        gifts: the gifts by grade [default: see :data:`SEED_GIFTS`].
        dedicated_grades: the grades of big customers that dedicated staff visit regularly
            [seed: A — "A级大客户"].
        dedicated_role: who visits [default: the salesperson (客户经理) assigned as dedicated
            staff — "专职人员"].
        dedicated_visit: how often ("定期": no period given) [default: every month from the
            last visit].
        report_within: the report upward is due this long after the visit [default: 2 days].
        report_to: whom it goes to [default: the salesperson's superior — "上级"].

    Revisits come from the grading policy's G4 table (through
    :func:`~customer_rules.grading.service_tier`), not from here.

    Raises:
        PolicyError: for a festival name used twice, a gift row of a grade listed twice, or a
            gift on a festival the table does not list.
    """

    festivals: tuple[Festival, ...] = setting(
        default=SEED_FESTIVALS, unit=Unit.TABLES, source=_S4, mark=Mark.DEFAULT
    )
    greeter: Role = setting(
        default=Role.CUSTOMER_SERVICE, unit=Unit.ROLE, source=_S4, mark=Mark.DEFAULT
    )
    greet_birthdays: bool = setting(default=True, unit=Unit.FLAG, source=_S4)
    gifts: tuple[GiftRow, ...] = setting(
        default=SEED_GIFTS, unit=Unit.TABLES, source=_S4_GIFTS, mark=Mark.DEFAULT
    )
    dedicated_grades: frozenset[Grade] = setting(
        default=frozenset({Grade.A}), unit=Unit.CHOICE, source=_S4_DEDICATED
    )
    dedicated_role: Role = setting(
        default=Role.SALESPERSON, unit=Unit.ROLE, source=_S4_DEDICATED, mark=Mark.DEFAULT
    )
    dedicated_visit: Recurrence = setting(
        default=Recurrence.every(1), unit=Unit.TABLE, source=_S4_DEDICATED, mark=Mark.DEFAULT
    )
    report_within: Deadline = setting(
        default=Deadline(2), unit=Unit.TABLE, source=_S4_DEDICATED, mark=Mark.DEFAULT
    )
    report_to: Role = setting(
        default=Role.SUPERVISOR, unit=Unit.ROLE, source=_S4_DEDICATED, mark=Mark.DEFAULT
    )

    def _check(self) -> Iterator[Problem]:
        names: set[str] = set()
        for i, festival in enumerate(self.festivals):
            if festival.name in names:
                yield Problem.mismatch(f"festivals[{i}].name", festival.name, "a name used once")
            names.add(festival.name)
        grades: set[Grade] = set()
        for i, row in enumerate(self.gifts):
            if row.grade in grades:
                yield Problem.mismatch(f"gifts[{i}].grade", row.grade.value, "a grade listed once")
            grades.add(row.grade)
            for name in sorted(row.festivals - names):
                yield Problem.mismatch(
                    f"gifts[{i}].festivals", name, f"one of the festivals {sorted(names)}"
                )

    @functools.cached_property
    def _gifts(self) -> dict[Grade, GiftRow]:
        return {row.grade: row for row in self.gifts}


# --------------------------------------------------------------------------- facts


@attrs.frozen
class CareCustomer:
    """A customer of the care calendar.

    Attributes:
        id: the customer's id.
        category: 大客户 or 普通客户 (G3).
        grade: A–D (G2), the grade in force.
        name: the customer's name.
        birthday: the birthday of the customer (or of its contact), whose month and day are
            used; 29 February falls on 28 February in a common year.
        last_visit: the last revisit (G4), if any.
        dedicated_staff: the dedicated staff member of an A-level big customer, if assigned.
        last_dedicated_visit: the last dedicated visit, if any.

    Raises:
        InputError: naming the field.
    """

    id: str = attrs.field(validator=non_empty_text)
    category: CustomerCategory = attrs.field(
        validator=fact_check(CustomerCategory, "a CustomerCategory")
    )
    grade: Grade = attrs.field(validator=fact_check(Grade, "a Grade"))
    name: str = attrs.field(default="", validator=fact_check(str, "a text"))
    birthday: dt.date | None = attrs.field(default=None, validator=optional_day)
    last_visit: dt.date | None = attrs.field(default=None, validator=optional_day)
    dedicated_staff: str | None = attrs.field(default=None, validator=optional_text)
    last_dedicated_visit: dt.date | None = attrs.field(default=None, validator=optional_day)


# --------------------------------------------------------------------------- results


@attrs.frozen
class CareEntry:
    """One entry of the care calendar.

    Attributes:
        day: the day it falls on (inside the calendar's range).
        customer: the customer's id.
        kind: revisit, dedicated visit, report, birthday, holiday or gift.
        who: who acts.
        rule: the catalogue ID whose rule puts it here (``G4`` for a revisit, else ``S4``).
        category: the customer's category.
        grade: the customer's grade.
        due: the day it was due, when that is before the range (an overdue revisit or
            dedicated visit, brought to the range's first day).
        occasion: the festival (for a holiday greeting or a festival gift).
        staff: the dedicated staff member, for a dedicated visit or its report.
        months: the revisit period in months, for a revisit.
        to: whom a report goes.
    """

    day: dt.date
    customer: str
    kind: CareKind
    who: tuple[Role, ...]
    rule: str
    category: CustomerCategory
    grade: Grade
    due: dt.date | None = None
    occasion: Term | None = None
    staff: str | None = None
    months: int | None = None
    to: Role | None = None

    @property
    def overdue(self) -> bool:
        """It was due before the range."""
        return self.due is not None and self.due < self.day

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """One reason, citing :attr:`rule`."""
        return (_entry_reason(self),)


def _entry_reason(e: CareEntry) -> Reason:
    if e.kind is CareKind.REVISIT:
        if e.overdue:
            return Reason.of(
                e.rule,
                ServiceReason.S4_REVISIT_OVERDUE,
                customer=e.customer,
                who=e.who,
                months=e.months,
                due=e.due,
            )
        return Reason.of(
            e.rule,
            ServiceReason.S4_REVISIT,
            customer=e.customer,
            who=e.who,
            months=e.months,
            category=e.category,
            grade=e.grade,
        )
    if e.kind is CareKind.DEDICATED_VISIT:
        if e.staff is None:
            return Reason.of(
                e.rule, ServiceReason.S4_DEDICATED_NO_STAFF, customer=e.customer, due=e.due or e.day
            )
        code = ServiceReason.S4_DEDICATED_OVERDUE if e.overdue else ServiceReason.S4_DEDICATED
        return Reason.of(e.rule, code, customer=e.customer, staff=e.staff, due=e.due)
    if e.kind is CareKind.REPORT:
        return Reason.of(e.rule, ServiceReason.S4_REPORT, customer=e.customer, who=e.who, to=e.to)
    if e.kind is CareKind.BIRTHDAY:
        return Reason.of(e.rule, ServiceReason.S4_BIRTHDAY, customer=e.customer, who=e.who)
    occasion = e.occasion.label if e.occasion is not None else None
    if e.kind is CareKind.HOLIDAY:
        return Reason.of(e.rule, ServiceReason.S4_HOLIDAY, customer=e.customer, occasion=occasion)
    return Reason.of(
        e.rule, ServiceReason.S4_GIFT, customer=e.customer, occasion=occasion, grade=e.grade
    )


@attrs.frozen
class FestivalGap:
    """A year of the range for which the festival table gives no date.

    Attributes:
        festival: the festival.
        year: the year.
    """

    festival: Term
    year: int


@attrs.frozen
class CareCalendar:
    """S4: the care calendar of a customer list over a date range.

    Attributes:
        start: the first day of the range.
        end: the last day of the range.
        entries: every entry, sorted by day, then customer, then kind; each inside the range.
        gaps: the festival years the policy's table does not give (their greetings and
            gifts are missing from ``entries``).
        unassigned: the customers due dedicated visits that have no dedicated staff.
        customers: how many customers were planned.
        policy_version: the version of the service policy that decided.
        policy_effective: the effective date of that policy.
    """

    start: dt.date
    end: dt.date
    entries: tuple[CareEntry, ...]
    gaps: tuple[FestivalGap, ...]
    unassigned: tuple[str, ...]
    customers: int
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """S4 reasons: the calendar's span and size, each festival gap, the customers without
        dedicated staff (each entry has its own)."""
        out = [
            Reason.of(
                "S4",
                ServiceReason.S4_CALENDAR,
                start=self.start,
                end=self.end,
                customers=self.customers,
                entries=len(self.entries),
            )
        ]
        for gap in self.gaps:
            out.append(
                Reason.of(
                    "S4", ServiceReason.S4_FESTIVAL_GAP, festival=gap.festival.label, year=gap.year
                )
            )
        if self.unassigned:
            out.append(Reason.of("S4", ServiceReason.S4_UNASSIGNED, customers=self.unassigned))
        return tuple(out)


# --------------------------------------------------------------------------- the rule


def care_calendar(
    customers: Iterable[CareCustomer],
    policy: ServicePolicy,
    *,
    start: dt.date,
    end: dt.date,
    grading: GradingPolicy | None = None,
) -> CareCalendar:
    """S4: the calendar of revisits, dedicated visits and reports, greetings and gifts of
    ``customers`` from ``start`` to ``end`` (both included), sorted, each entry with its rule.

    * **Revisits** (G4): the tier's revisit due dates, from the customer's last visit, by
      :func:`~customer_rules.grading.service_tier` of ``grading`` — each revisit taken as done
      on its day, the next counted from it. A revisit already due before ``start`` is placed on
      ``start`` and marked overdue (``due`` says when it was due). A tier without revisits
      (普通C, grade D by default) has none.
    * **Dedicated visits**: big customers of ``dedicated_grades`` are visited by their
      dedicated staff by ``dedicated_visit`` from the last dedicated visit (the first is due on
      ``start`` when there was none), each with a report upward due ``report_within`` after it
      (when inside the range). A customer without dedicated staff is listed in ``unassigned``.
    * **Greetings**: a birthday greeting on the birthday (when ``greet_birthdays``), a holiday
      greeting on each festival day of the policy's table.
    * **Gifts** by grade: on the festivals and the birthday its :class:`GiftRow` lists.

    Args:
        customers: the customers.
        policy: the service policy (``ServicePolicy()`` is the seed).
        start: the first day.
        end: the last day, at most :data:`MAX_DAYS` after ``start``.
        grading: the grading policy whose G4 table sets the revisits (``None``: the seed's
            ``GradingPolicy()``; from a book, pass ``book.grading``).

    Returns:
        The :class:`CareCalendar`.

    Raises:
        InputError: naming the argument: ``customers`` (not a list of :class:`CareCustomer`),
            ``policy``, ``grading``, ``start`` (before the policy takes effect), ``end``
            (before ``start`` or too far after it).

    Example:
        >>> import datetime as dt
        >>> from customer_rules.grading import CustomerCategory, Grade
        >>> from customer_rules.service import ServicePolicy
        >>> c = CareCustomer("C001", CustomerCategory.BIG, Grade.B,
        ...                  birthday=dt.date(1970, 3, 8), last_visit=dt.date(2025, 12, 20))
        >>> cal = care_calendar([c], ServicePolicy(), start=dt.date(2026, 1, 1),
        ...                     end=dt.date(2026, 6, 30))
        >>> for e in cal.entries:
        ...     print(e.day, e.kind.value, e.rule)
        2026-01-01 holiday S4
        2026-02-17 holiday S4
        2026-02-17 gift S4
        2026-03-08 birthday S4
        2026-06-20 revisit G4
    """
    service = service_policy(policy)
    first = day_in_force(service, start, "start")
    last = require_date(end, "end")
    if last < first:
        raise InputError("end", end, f"a day on or after start ({first})")
    if (last - first).days > MAX_DAYS:
        raise InputError("end", end, f"a day at most {MAX_DAYS} days after start ({first})")
    g = _grading(grading)
    people = items_of(customers, "customers", CareCustomer, "a CareCustomer")
    p = service.care
    festivals, gaps = _festival_days(p, first, last)
    entries: list[CareEntry] = []
    unassigned: list[str] = []
    for customer in people:
        entries.extend(_revisits(customer, g, first, last))
        if customer.category is CustomerCategory.BIG and customer.grade in p.dedicated_grades:
            entries.extend(_dedicated(customer, p, first, last))
            if customer.dedicated_staff is None:
                unassigned.append(customer.id)
        entries.extend(_greetings(customer, p, festivals, first, last))
    entries.sort(key=_order)
    return CareCalendar(
        first,
        last,
        tuple(entries),
        gaps,
        tuple(dict.fromkeys(unassigned)),
        len(people),
        service.version,
        policy_effective=service.effective,
    )


_SEED_GRADING: dict[None, GradingPolicy] = {}
"""The seed grading policy, built once when first needed (a shared table: ``keep``)."""


def _grading(value: object) -> GradingPolicy:
    if value is None:
        seed = _SEED_GRADING.get(None)
        if seed is None:
            from customer_rules._grading.policy import GradingPolicy

            seed = keep(_SEED_GRADING, None, GradingPolicy(), 1)
        return seed
    try:
        return grading_policy(value)
    except InputError as exc:
        raise InputError("grading", value, exc.expected) from None


def _order(entry: CareEntry) -> tuple[dt.date, str, int, str]:
    return (
        entry.day,
        entry.customer,
        _KIND_ORDER[entry.kind],
        entry.occasion.name if entry.occasion is not None else "",
    )


def _festival_days(
    p: CarePolicy, first: dt.date, last: dt.date
) -> tuple[list[tuple[dt.date, Festival]], tuple[FestivalGap, ...]]:
    days: list[tuple[dt.date, Festival]] = []
    gaps: list[FestivalGap] = []
    for festival in p.festivals:
        for year in range(first.year, last.year + 1):
            found = festival.in_year(year)
            if found is None:
                gaps.append(FestivalGap(festival.term, year))
                continue
            days.extend((d, festival) for d in found if first <= d <= last)
    return days, tuple(gaps)


def _revisits(
    customer: CareCustomer, grading: GradingPolicy, first: dt.date, last: dt.date
) -> Iterator[CareEntry]:
    tier = service_tier(
        customer.category, customer.grade, grading, on=first, last_visit=customer.last_visit
    )
    row = tier.tier
    due = tier.next_revisit
    if row is None or row.revisit_months is None or due is None:
        return
    who = row.revisitors
    while due <= last:
        day = max(due, first)
        yield CareEntry(
            day,
            customer.id,
            CareKind.REVISIT,
            who,
            "G4",
            customer.category,
            customer.grade,
            due=due if due < first else None,
            months=row.revisit_months,
        )
        following = service_tier(customer.category, customer.grade, grading, on=day, last_visit=day)
        if following.next_revisit is None or following.next_revisit <= day:  # pragma: no cover
            return
        due = following.next_revisit


def _dedicated(
    customer: CareCustomer, p: CarePolicy, first: dt.date, last: dt.date
) -> Iterator[CareEntry]:
    rec = p.dedicated_visit
    previous = customer.last_dedicated_visit
    if previous is None:
        due = first if rec.basis is RecurrenceBasis.FROM_LAST else rec.next(first).day
    else:
        due = rec.next(previous, last=previous).day
    who = (p.dedicated_role,)
    while due <= last:
        day = max(due, first)
        yield CareEntry(
            day,
            customer.id,
            CareKind.DEDICATED_VISIT,
            who,
            "S4",
            customer.category,
            customer.grade,
            due=due if due < first else None,
            staff=customer.dedicated_staff,
        )
        report = p.report_within.due(day)
        if report <= last:
            yield CareEntry(
                report,
                customer.id,
                CareKind.REPORT,
                who,
                "S4",
                customer.category,
                customer.grade,
                staff=customer.dedicated_staff,
                to=p.report_to,
            )
        due = rec.next(day, last=day).day


def _greetings(
    customer: CareCustomer,
    p: CarePolicy,
    festivals: list[tuple[dt.date, Festival]],
    first: dt.date,
    last: dt.date,
) -> Iterator[CareEntry]:
    who = (p.greeter,)
    gifts = p._gifts.get(customer.grade)
    base = (customer.id,)
    if customer.birthday is not None:
        birthdays = _yearly(customer.birthday.month, customer.birthday.day)
        for day in _occurrences(birthdays, first, last):
            if p.greet_birthdays:
                yield CareEntry(
                    day, *base, CareKind.BIRTHDAY, who, "S4", customer.category, customer.grade
                )
            if gifts is not None and gifts.birthday:
                yield CareEntry(
                    day,
                    *base,
                    CareKind.GIFT,
                    who,
                    "S4",
                    customer.category,
                    customer.grade,
                    occasion=_BIRTHDAY_TERM,
                )
    for day, festival in festivals:
        term = festival.term
        yield CareEntry(
            day,
            *base,
            CareKind.HOLIDAY,
            who,
            "S4",
            customer.category,
            customer.grade,
            occasion=term,
        )
        if gifts is not None and festival.name in gifts.festivals:
            yield CareEntry(
                day,
                *base,
                CareKind.GIFT,
                who,
                "S4",
                customer.category,
                customer.grade,
                occasion=term,
            )


_BIRTHDAY_TERM = Term(BIRTHDAY, "生日", "birthday")
