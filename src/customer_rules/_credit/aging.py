"""C4 — receivables aging (应收账款账龄) and who owns the collection of each receivable.

Source: seed 003 §6.2.3 (各相关岗位、部门信用管理职能) and §6.2.4-4(1) (the aging record,
应收账款账龄记录表, kept by business statistics).

* Every receivable is aged from its **due date** as of a day: ``days past due = on − due`` in
  calendar days (an accounting report; a working-day calendar moves the collection ladder's
  action dates, never the age of a debt). It falls in exactly one **bucket** of the policy —
  by default current (not yet past due), 1–30, 31–60, 61–90, 91–180 and over 180 days past due
  [default] — and the buckets are checked to be a partition when the policy is built.
* **Totals** per bucket and per customer add up to the ledger (the open amounts, ``amount −
  paid``) exactly: the sums are taken in ``Decimal`` without rounding, never in float.
* **Who owns the collection** (C4, C11): the office (办事处) within the normal collection period —
  the customer's credit term, which ends on the due date — plus a grace period [default 0 days];
  the planning department (企划部) after it, "超出正常收帐期的拖欠货款追讨"; finance (财务部)
  handles bad debts (坏账) — a receivable is finance's from ``write_off_days`` past due, when the
  policy sets it (the seed sets no age: by default finance's write-off is its own decision).
"""

from __future__ import annotations

import bisect
import datetime as dt
import decimal
import functools
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs

from customer_rules._credit.codes import CreditReason
from customer_rules._credit.model import CNY, Receivable, policy_and_day, require_cny
from customer_rules.errors import InputError, Problem
from customer_rules.labels import Label
from customer_rules.reasons import Reason
from customer_rules.roles import Role
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._credit.policy import CreditPolicy

__all__ = [
    "AgedReceivable",
    "AgingBucket",
    "AgingLine",
    "AgingPolicy",
    "AgingReport",
    "BucketTotal",
    "CustomerAging",
    "age_receivable",
    "aging_report",
]

_C4 = "C4; 003 §6.2.3"
_C4_RECORD = "C4; 003 §6.2.4-4(1)"
_REQUIRED = attrs.NOTHING
"""The default of a column every bucket must give."""
_DAYS = 36_525
"""A bucket bound is at most a hundred years of days either way."""


# --------------------------------------------------------------------------- the policy


@policy
class AgingBucket:
    """One bucket of the aging record: the receivables ``low`` to ``high`` days past due.

    Attributes:
        name: the bucket's key in data and CSV (``"1-30"``); unique in the policy.
        zh: its Chinese label (``"逾期1-30天"``).
        en: its English label.
        low: the first day past due it holds, inclusive; ``None`` for the first bucket, which
            holds every receivable not yet that far past due — not yet due included.
        high: the last day past due it holds, inclusive; ``None`` for the last bucket, which
            has no end.

    Days past due are ``on − due`` in calendar days: 0 on the due date itself, negative before
    it.

    Raises:
        PolicyError: listing every invalid field, and ``high`` below ``low``.

    Example:
        >>> AgingBucket("1-30", "逾期1-30天", "1–30 days past due", 1, 30).holds(30)
        True
    """

    name: str = setting(default=_REQUIRED, unit=Unit.TEXT, source=_C4_RECORD, mark=Mark.DEFAULT)
    zh: str = setting(default=_REQUIRED, unit=Unit.TEXT, source=_C4_RECORD, mark=Mark.DEFAULT)
    en: str = setting(default=_REQUIRED, unit=Unit.TEXT, source=_C4_RECORD, mark=Mark.DEFAULT)
    low: int | None = setting(
        default=None,
        unit=Unit.DAYS,
        source=_C4_RECORD,
        mark=Mark.DEFAULT,
        low=-_DAYS,
        high=_DAYS,
    )
    high: int | None = setting(
        default=None,
        unit=Unit.DAYS,
        source=_C4_RECORD,
        mark=Mark.DEFAULT,
        low=-_DAYS,
        high=_DAYS,
    )

    def _check(self) -> Iterator[Problem]:
        if self.low is not None and self.high is not None and self.high < self.low:
            yield Problem.mismatch("high", self.high, f"at least low ({self.low})")

    @property
    def label(self) -> Label:
        """Both labels, as reasons render them."""
        return Label(self.zh, self.en)

    def holds(self, days: int) -> bool:
        """Whether a receivable ``days`` past due falls in this bucket."""
        return (self.low is None or days >= self.low) and (self.high is None or days <= self.high)


SEED_BUCKETS = (
    AgingBucket("current", "未逾期", "current", None, 0),
    AgingBucket("1-30", "逾期1-30天", "1–30 days past due", 1, 30),
    AgingBucket("31-60", "逾期31-60天", "31–60 days past due", 31, 60),
    AgingBucket("61-90", "逾期61-90天", "61–90 days past due", 61, 90),
    AgingBucket("91-180", "逾期91-180天", "91–180 days past due", 91, 180),
    AgingBucket("over-180", "逾期超过180天", "over 180 days past due", 181, None),
)
"""The default buckets [default]: the seed keeps an aging record but names no buckets; these are
the ones the ERPs (SAP FSCM, Dynamics 365, ERPNext) ship. "超过180天" excludes 180 itself."""


@policy
class AgingPolicy:
    """C4: the buckets of the aging record and who owns the collection of a receivable.

    Source: seed 003 §6.2.3, §6.2.4-4(1).

    Attributes:
        buckets: the buckets in order: the first without ``low``, the last without ``high``,
            each ``low`` the day after the ``high`` before it — so every receivable falls in
            exactly one [default: current, 1–30, 31–60, 61–90, 91–180, over 180].
        grace_days: days after the due date during which the office still collects, before
            the planning department takes over [default 0: the normal collection period
            (正常收帐期) is taken to be the credit term, ending on the due date; the other reading
            of the catalogue — the office keeps collecting a while — is a positive value].
        office_role: the role that collects within the normal collection period: the office
            (办事处, "负责…正常收帐期内账款的催收工作") [seed], answered for by its director
            (办事处主任) [default: the library's role for the office].
        recovery_role: the role that pursues arrears past the normal collection period, 企划部
            ("负责超出正常收帐期的拖欠货款追讨工作") [seed].
        write_off_role: the role that handles bad debts, 财务部 ("负责坏账的处理工作") [seed].
        write_off_days: from this many days past due (inclusive) a receivable is finance's, as a
            bad-debt case; ``None`` [default]: the seed sets no age — finance decides a
            write-off itself, and 企划部 keeps every arrear until then. When set, it must be
            past the grace period.

    Raises:
        PolicyError: listing every problem with its path — a bucket that leaves a gap or
            overlaps the one before (``buckets[2].low``), a first bucket with a ``low``, a last
            one with a ``high``, a name used twice, a ``write_off_days`` within the grace
            period.

    Example:
        >>> [b.name for b in AgingPolicy().buckets]
        ['current', '1-30', '31-60', '61-90', '91-180', 'over-180']
        >>> AgingPolicy().bucket_of(31).name
        '31-60'
    """

    buckets: tuple[AgingBucket, ...] = setting(
        default=SEED_BUCKETS, unit=Unit.TABLES, source=_C4_RECORD, mark=Mark.DEFAULT, min_items=1
    )
    grace_days: int = setting(default=0, unit=Unit.DAYS, source=_C4, mark=Mark.DEFAULT, high=366)
    office_role: Role = setting(
        default=Role.OFFICE_DIRECTOR, unit=Unit.ROLE, source=_C4, mark=Mark.DEFAULT
    )
    recovery_role: Role = setting(default=Role.PLANNING_DEPARTMENT, unit=Unit.ROLE, source=_C4)
    write_off_role: Role = setting(default=Role.FINANCE, unit=Unit.ROLE, source=_C4)
    write_off_days: int | None = setting(
        default=None, unit=Unit.DAYS, source=_C4, mark=Mark.DEFAULT, low=1, high=_DAYS
    )

    def _check(self) -> Iterator[Problem]:
        yield from _partition_problems(self.buckets)
        if self.write_off_days is not None and self.write_off_days <= self.grace_days:
            yield Problem.mismatch(
                "write_off_days",
                self.write_off_days,
                f"more than grace_days ({self.grace_days}): past the normal collection period",
            )

    @functools.cached_property
    def _highs(self) -> tuple[int, ...]:
        """The ``high`` of every bucket but the last, for :func:`bisect.bisect_left`."""
        return tuple(cast(int, b.high) for b in self.buckets[:-1])

    def bucket_of(self, days: int) -> AgingBucket:
        """The bucket of a receivable ``days`` past due.

        Raises:
            InputError: naming ``days`` unless it is a whole number.
        """
        if type(days) is not int:
            raise InputError("days", days, "a whole number of days past due")
        return self.buckets[bisect.bisect_left(self._highs, days)]

    def owner(self, days: int) -> Role:
        """Who owns the collection of a receivable ``days`` past due (C4): ``office_role``
        up to ``grace_days``, ``write_off_role`` from ``write_off_days`` if set, else
        ``recovery_role``.

        Raises:
            InputError: naming ``days`` unless it is a whole number.
        """
        if type(days) is not int:
            raise InputError("days", days, "a whole number of days past due")
        return _owner(self, days)


def _owner(p: AgingPolicy, days: int) -> Role:
    if days <= p.grace_days:
        return p.office_role
    if p.write_off_days is not None and days >= p.write_off_days:
        return p.write_off_role
    return p.recovery_role


def _partition_problems(buckets: Sequence[AgingBucket]) -> Iterator[Problem]:
    """The buckets are a partition of the days past due: no gap, no overlap, nothing left out."""
    names: set[str] = set()
    last = len(buckets) - 1
    for i, bucket in enumerate(buckets):
        where = f"buckets[{i}]"
        if bucket.name in names:
            yield Problem.mismatch(f"{where}.name", bucket.name, "a name not used before")
        names.add(bucket.name)
        if i == 0 and bucket.low is not None:
            yield Problem.mismatch(
                f"{where}.low",
                bucket.low,
                "none: the first bucket holds every receivable up to its high, not yet due"
                " included",
            )
        if i > 0:
            before = buckets[i - 1].high
            if before is not None and bucket.low != before + 1:
                yield Problem.mismatch(
                    f"{where}.low",
                    bucket.low,
                    f"{before + 1}, the day after buckets[{i - 1}].high: no gap, no overlap",
                )
        if i < last and bucket.high is None:
            yield Problem.mismatch(
                f"{where}.high", None, "a last day: only the last bucket is open-ended"
            )
        if i == last and bucket.high is not None:
            yield Problem.mismatch(
                f"{where}.high",
                bucket.high,
                "none: the last bucket holds everything past the one before it",
            )


# --------------------------------------------------------------------------- checks


def receivable_arg(value: object, path: str = "receivable") -> Receivable:
    """``value`` if it is a :class:`Receivable` in CNY; an :class:`InputError` at ``path``
    otherwise."""
    if type(value) is not Receivable and not isinstance(value, Receivable):
        raise InputError(path, value, "a Receivable")
    if value.currency != CNY:
        raise InputError(
            f"{path}.currency", value.currency, f"'{CNY}': amounts in one currency (C2)"
        )
    return value


_LEDGER = decimal.Context(prec=200, traps=[decimal.Inexact, decimal.InvalidOperation])
"""The context of the ledger's sums: wide enough to add any amount the library accepts
exactly, and trapping a rounding rather than hiding it."""


# --------------------------------------------------------------------------- one receivable


@attrs.frozen
class AgedReceivable:
    """C4: one receivable aged as of a day.

    Attributes:
        receivable: the receivable.
        on: the day of the aging.
        days_past_due: ``on − due`` in calendar days: 0 on the due date, negative before it.
        bucket: the name of its bucket (:attr:`AgingPolicy.buckets`).
        owner: who owns its collection on ``on`` (C4): the office, 企划部 or finance.
        policy: the aging policy used (not written by ``interchange.to_data``).
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy, Receivable
        >>> r = Receivable("INV-1", "C001", "12,500", dt.date(2026, 10, 31))
        >>> a = age_receivable(r, CreditPolicy(), on=dt.date(2026, 11, 30))
        >>> a.days_past_due, a.bucket, a.owner.zh
        (30, '1-30', '企划部')
    """

    receivable: Receivable
    on: dt.date
    days_past_due: int
    bucket: str
    owner: Role
    policy: AgingPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @property
    def open_amount(self) -> Decimal:
        """What is still owed: ``amount − paid``."""
        return self.receivable.open_amount

    @property
    def overdue(self) -> bool:
        """Whether it is past due on ``on``."""
        return self.days_past_due > 0

    @property
    def next_role(self) -> Role:
        """Who must act next (C11): the owner of its collection."""
        return self.owner

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """Two C4 reasons: its bucket, and who owns its collection and why."""
        return _item_reasons(self)


def _item_reasons(item: AgedReceivable) -> tuple[Reason, ...]:
    p, days, due = item.policy, item.days_past_due, item.receivable.due
    label = _label(p, item.bucket)
    if days > 0:
        where = Reason.of(
            "C4", CreditReason.C4_PAST_DUE, due=due, on=item.on, days=days, bucket=label
        )
    else:
        where = Reason.of("C4", CreditReason.C4_NOT_DUE, due=due, on=item.on, bucket=label)
    return (where, _owner_reason(p, days, due, item.owner))


def _label(p: AgingPolicy, name: str) -> Label:
    for bucket in p.buckets:
        if bucket.name == name:
            return bucket.label
    return Label(name, name)  # a result read back under another policy: its own name


def _owner_reason(p: AgingPolicy, days: int, due: dt.date, owner: Role) -> Reason:
    if days <= p.grace_days:
        if p.grace_days:
            until = due + dt.timedelta(days=p.grace_days)
            return Reason.of(
                "C4",
                CreditReason.C4_OFFICE_GRACE,
                due=due,
                grace=p.grace_days,
                until=until,
                role=owner,
            )
        return Reason.of("C4", CreditReason.C4_OFFICE, due=due, role=owner)
    until = due + dt.timedelta(days=p.grace_days)
    if p.write_off_days is not None and days >= p.write_off_days:
        return Reason.of(
            "C4", CreditReason.C4_WRITE_OFF, days=days, limit=p.write_off_days, role=owner
        )
    return Reason.of("C4", CreditReason.C4_RECOVERY, until=until, role=owner)


def age_receivable(receivable: Receivable, policy: CreditPolicy, *, on: dt.date) -> AgedReceivable:
    """C4: age one receivable as of ``on``: its days past due, bucket and who collects it.

    Args:
        receivable: the receivable (in CNY).
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day of the aging.

    Returns:
        The aged receivable with its C4 reasons.

    Raises:
        InputError: naming ``receivable`` (not a :class:`Receivable`),
            ``receivable.currency`` (not CNY), ``policy`` (not a ``CreditPolicy``) or ``on``
            (not a date in range, or before the policy takes effect).

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy, Receivable
        >>> r = Receivable("INV-2", "C002", "8万", dt.date(2026, 11, 30))
        >>> age_receivable(r, CreditPolicy(), on=dt.date(2026, 11, 30)).bucket
        'current'
    """
    item = receivable_arg(receivable)
    credit, day = policy_and_day(policy, on)
    p = credit.aging
    days = (day - item.due).days
    return AgedReceivable(
        item,
        day,
        days,
        p.buckets[bisect.bisect_left(p._highs, days)].name,
        _owner(p, days),
        p,
        credit.version,
        policy_effective=credit.effective,
    )


# --------------------------------------------------------------------------- the record


@attrs.frozen
class AgingLine:
    """C4: one receivable's line of the aging record (:attr:`AgingReport.items`).

    The report's reasons explain the lines; :func:`age_receivable` gives one receivable's own
    reasons.

    Attributes:
        receivable: the receivable.
        days_past_due: ``on − due`` in calendar days: 0 on the due date, negative before it.
        bucket: the name of its bucket.
        owner: who owns its collection (C4).
    """

    receivable: Receivable
    days_past_due: int
    bucket: str
    owner: Role

    @property
    def open_amount(self) -> Decimal:
        """What is still owed: ``amount − paid``."""
        return self.receivable.open_amount

    @property
    def overdue(self) -> bool:
        """Whether it is past due."""
        return self.days_past_due > 0

    @property
    def next_role(self) -> Role:
        """Who must act next (C11): the owner of its collection."""
        return self.owner


@attrs.frozen
class BucketTotal:
    """C4: the receivables of one bucket.

    Attributes:
        bucket: the bucket.
        count: how many receivables fall in it.
        amount: their open amount, in yuan.
    """

    bucket: AgingBucket
    count: int
    amount: Decimal


@attrs.frozen
class CustomerAging:
    """C4: one customer's line of the aging record.

    Attributes:
        customer: the customer's id.
        count: how many of its receivables there are.
        amounts: its open amount in each bucket, in the order of the policy's buckets.
        total: its open amount in all (the sum of ``amounts``).
        overdue: its open amount past due (more than 0 days past due).
    """

    customer: str
    count: int
    amounts: tuple[Decimal, ...]
    total: Decimal
    overdue: Decimal


@attrs.frozen
class AgingReport:
    """C4: the aging record of a ledger as of a day (应收账款账龄记录表).

    Attributes:
        on: the day of the aging.
        count: how many receivables.
        total: the ledger: their open amount (``amount − paid``) in all, in yuan.
        overdue: the part of ``total`` past due (more than 0 days past due).
        buckets: one :class:`BucketTotal` per bucket of the policy, in order; their amounts add
            up to ``total`` exactly.
        customers: one :class:`CustomerAging` per customer, by customer id; their totals add up
            to ``total`` exactly.
        items: one :class:`AgingLine` per receivable — its days past due, bucket and owner —
            in the order given.
        policy: the aging policy used (not written by ``interchange.to_data``).
        policy_version: the version of the policy book that decided.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy, Receivable
        >>> ledger = [Receivable("A1", "C1", "1,000", dt.date(2026, 11, 1)),
        ...           Receivable("A2", "C1", "250.50", dt.date(2026, 12, 31), paid="50"),
        ...           Receivable("B1", "C2", "3万", dt.date(2026, 6, 1))]
        >>> report = aging_report(ledger, CreditPolicy(), on=dt.date(2026, 11, 30))
        >>> report.total, [str(b.amount) for b in report.buckets]
        (Decimal('31200.50'), ['200.50', '1000', '0', '0', '0', '30000'])
        >>> [(c.customer, c.total) for c in report.customers]
        [('C1', Decimal('1200.50')), ('C2', Decimal('30000'))]
    """

    on: dt.date
    count: int
    total: Decimal
    overdue: Decimal
    buckets: tuple[BucketTotal, ...]
    customers: tuple[CustomerAging, ...]
    items: tuple[AgingLine, ...]
    policy: AgingPolicy
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)
    """The effective date of the book that decided (``None``: the seed, any day)."""

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """C4 reasons: the ledger's total, each bucket's total, and who owns collection."""
        out = [
            Reason.of("C4", CreditReason.C4_TOTAL, on=self.on, count=self.count, total=self.total)
        ]
        out.extend(
            Reason.of(
                "C4",
                CreditReason.C4_BUCKET_TOTAL,
                bucket=b.bucket.label,
                count=b.count,
                amount=b.amount,
            )
            for b in self.buckets
        )
        p = self.policy
        if p.write_off_days is None:
            owners = Reason.of(
                "C4",
                CreditReason.C4_OWNERSHIP,
                office=p.office_role,
                grace=p.grace_days,
                recovery=p.recovery_role,
                finance=p.write_off_role,
            )
        else:
            owners = Reason.of(
                "C4",
                CreditReason.C4_OWNERSHIP_WRITE_OFF,
                office=p.office_role,
                grace=p.grace_days,
                recovery=p.recovery_role,
                finance=p.write_off_role,
                write_off=p.write_off_days,
            )
        out.append(owners)
        return tuple(out)


def aging_report(
    receivables: Iterable[Receivable], policy: CreditPolicy, *, on: dt.date
) -> AgingReport:
    """C4: the aging record of ``receivables`` as of ``on``: each receivable's bucket and owner,
    and the totals per bucket and per customer, which add up to the ledger to the cent.

    Args:
        receivables: the receivables (any iterable; every one in CNY).
        policy: the credit policy (``CreditPolicy()`` is the seed).
        on: the day of the aging.

    Returns:
        The report: ``total`` (the ledger), ``buckets``, ``customers`` and ``items``.

    Raises:
        InputError: naming ``receivables`` (not an iterable), ``receivables[i]`` (not a
            :class:`Receivable`), every ``receivables[i].currency`` not CNY (all of them in one
            error), ``policy`` or ``on`` (as :func:`age_receivable`), or ``receivables[i].amount``
            for an amount too precise to add exactly (more than 200 significant digits).

    Example:
        >>> import datetime as dt
        >>> from customer_rules.credit import CreditPolicy, Receivable
        >>> r = aging_report([Receivable("A1", "C1", "500", dt.date(2026, 5, 1))],
        ...                  CreditPolicy(), on=dt.date(2026, 11, 30))
        >>> r.items[0].bucket, r.items[0].owner.value
        ('over-180', 'planning_department')
    """
    credit, day = policy_and_day(policy, on)
    if isinstance(receivables, str | bytes) or not isinstance(receivables, Iterable):
        raise InputError("receivables", receivables, "an iterable of Receivable")
    ledger = tuple(receivables)
    _check_ledger(ledger)
    p = credit.aging
    buckets = p.buckets
    highs = p._highs
    names = tuple(b.name for b in buckets)
    width = len(buckets)
    zero = overdue = Decimal(0)
    amounts = [zero] * width
    counts = [0] * width
    # a customer's row: its amount per bucket, then its total, its overdue and its count
    by_customer: dict[str, list[Any]] = {}
    blank: list[Any] = [zero] * (width + 2) + [0]
    items: list[AgingLine] = []
    append = items.append
    grace, write_off = p.grace_days, p.write_off_days
    office, recovery, finance = p.office_role, p.recovery_role, p.write_off_role
    bisect_left = bisect.bisect_left
    line = AgingLine
    i = 0
    try:
        with decimal.localcontext(_LEDGER):
            for i, r in enumerate(ledger):  # noqa: B007 - ``i`` names the item that fails
                days = (day - r.due).days
                index = bisect_left(highs, days)
                owed = r.amount - r.paid
                amounts[index] += owed
                counts[index] += 1
                row = by_customer.get(r.customer)
                if row is None:
                    row = by_customer[r.customer] = blank.copy()
                row[index] += owed
                row[width] += owed
                row[width + 2] += 1
                if days > 0:
                    overdue += owed
                    row[width + 1] += owed
                if days <= grace:
                    owner = office
                elif write_off is not None and days >= write_off:
                    owner = finance
                else:
                    owner = recovery
                append(line(r, days, names[index], owner))
            total = sum(amounts, zero)
    except decimal.DecimalException:
        raise InputError(
            f"receivables[{i}].amount",
            ledger[i].amount,
            "an amount the ledger can add exactly (at most 200 significant digits)",
        ) from None
    return AgingReport(
        day,
        len(ledger),
        total,
        overdue,
        tuple(BucketTotal(b, c, a) for b, c, a in zip(buckets, counts, amounts, strict=True)),
        tuple(
            CustomerAging(c, row[width + 2], tuple(row[:width]), row[width], row[width + 1])
            for c, row in sorted(by_customer.items())
        ),
        tuple(items),
        p,
        credit.version,
        policy_effective=credit.effective,
    )


def _check_ledger(ledger: Sequence[object]) -> None:
    """Every item a :class:`Receivable` in CNY (one error lists every other currency)."""
    for i, item in enumerate(ledger):
        if type(item) is not Receivable and not isinstance(item, Receivable):
            raise InputError(f"receivables[{i}]", item, "a Receivable")
    require_cny(ledger, "receivables")
