"""S5 — the churn early warning and the follow-up of churned customers (客户流失管理).

Source: seed 003 §事业公司客户管理制度模板 五 ("建立客户流失预警机制,对可能流失的客户进行重点关注";
"分析客户流失原因,制定针对性的挽留措施"; "定期对流失客户进行回访,了解流失原因").

The seed requires the mechanism and names no signal: the signals and thresholds here are the
library's documented choices [default] — days since the last order, the sales trend (this period
against the same period a year earlier, and against the previous period) and open complaints —
each flag with the signals that raised it. A churned customer is revisited regularly to learn
why (a :class:`~customer_rules.recurrence.Recurrence`).
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

import attrs

from customer_rules._service.checks import day_in_force, service_policy
from customer_rules._service.codes import ServiceReason
from customer_rules._service.facts import optional_day, whole
from customer_rules._validation import fact_check, non_empty_text
from customer_rules.errors import InputError
from customer_rules.labels import LabelledEnum, set_labels
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason
from customer_rules.recurrence import Occurrence, Recurrence
from customer_rules.roles import Role
from customer_rules.settings import Mark, Unit, policy, setting

if TYPE_CHECKING:
    from customer_rules._service.policy import ServicePolicy

__all__ = [
    "ChurnFacts",
    "ChurnLevel",
    "ChurnPolicy",
    "ChurnSignal",
    "ChurnThresholds",
    "ChurnWarning",
    "churn_warning",
]

_S5 = "S5; 003 §事业公司客户管理制度模板 五"
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")
_ZERO = Decimal(0)


class ChurnSignal(LabelledEnum):
    """A signal that a customer may be lost."""

    INACTIVE = "inactive"
    """久未下单 — no order for the policy's days (or none on record)."""
    YEAR_ON_YEAR = "year_on_year"
    """同比下降 — sales fell against the same period a year earlier."""
    PERIOD_ON_PERIOD = "period_on_period"
    """环比下降 — sales fell against the previous period."""
    COMPLAINTS = "complaints"
    """投诉未结 — open complaints."""


class ChurnLevel(LabelledEnum):
    """The warning level. ``rank`` orders them: none (0) < watch < at risk < churned (3)."""

    NONE = "none"
    """正常 — no signal."""
    WATCH = "watch"
    """重点关注 — a signal."""
    AT_RISK = "at_risk"
    """流失预警 — enough signals to act on: retention measures."""
    CHURNED = "churned"
    """已流失 — revisited regularly to learn why."""

    @property
    def rank(self) -> int:
        """0 for none up to 3 for churned."""
        return _RANK[self]


_RANK = {ChurnLevel.NONE: 0, ChurnLevel.WATCH: 1, ChurnLevel.AT_RISK: 2, ChurnLevel.CHURNED: 3}

set_labels(
    {
        ChurnSignal.INACTIVE: ("久未下单", "no recent order"),
        ChurnSignal.YEAR_ON_YEAR: ("销售同比下降", "sales down year on year"),
        ChurnSignal.PERIOD_ON_PERIOD: ("销售环比下降", "sales down on the previous period"),
        ChurnSignal.COMPLAINTS: ("投诉未结", "open complaints"),
        ChurnLevel.NONE: ("正常", "no warning"),
        ChurnLevel.WATCH: ("重点关注", "watch"),
        ChurnLevel.AT_RISK: ("流失预警", "at risk"),
        ChurnLevel.CHURNED: ("已流失", "churned"),
    }
)


@policy
class ChurnPolicy:
    """S5: the churn warning [default values throughout: the seed names the mechanism, not its
    signals]. Source: seed 003 §事业公司客户管理制度模板 五.

    Attributes:
        inactive_days: days since the last order from which a customer is inactive (90:
            a quarter without an order; "at least", so day 90 flags).
        year_on_year_drop: the fall in percent of this period's sales against the same period
            a year earlier that flags (30: a fall of 30 % or more).
        period_on_period_drop: the same against the previous period (30).
        open_complaints: the open complaints that flag (2 or more).
        at_risk_signals: the signals that make a warning (2: one signal is "watch").
        follow_up: how often a churned customer is revisited to learn why ("定期": no period
            given) [default: every three months from the churn, then from the last revisit].
        follow_up_roles: who revisits a churned customer and takes the retention measures
            [default: the salesperson and the sales manager].

    Raises:
        PolicyError: listing every invalid field.
    """

    inactive_days: int = setting(
        default=90, unit=Unit.DAYS, source=_S5, mark=Mark.DEFAULT, low=1, high=3660
    )
    year_on_year_drop: Decimal = setting(
        default=Decimal(30), unit=Unit.PERCENT, source=_S5, mark=Mark.DEFAULT, low=1, high=100
    )
    period_on_period_drop: Decimal = setting(
        default=Decimal(30), unit=Unit.PERCENT, source=_S5, mark=Mark.DEFAULT, low=1, high=100
    )
    open_complaints: int = setting(
        default=2, unit=Unit.COUNT, source=_S5, mark=Mark.DEFAULT, low=1, high=1000
    )
    at_risk_signals: int = setting(
        default=2, unit=Unit.COUNT, source=_S5, mark=Mark.DEFAULT, low=1, high=4
    )
    follow_up: Recurrence = setting(
        default=Recurrence.every(3), unit=Unit.TABLE, source=_S5, mark=Mark.DEFAULT
    )
    follow_up_roles: frozenset[Role] = setting(
        default=frozenset({Role.SALESPERSON, Role.SALES_MANAGER}),
        unit=Unit.ROLES,
        source=_S5,
        mark=Mark.DEFAULT,
        min_items=1,
    )

    @functools.cached_property
    def _thresholds(self) -> ChurnThresholds:
        return ChurnThresholds(
            self.inactive_days,
            self.year_on_year_drop,
            self.period_on_period_drop,
            self.open_complaints,
            self.at_risk_signals,
        )


@attrs.frozen
class ChurnThresholds:
    """The thresholds a churn warning was decided with (a copy of the policy's).

    Attributes:
        inactive_days: days without an order that flag.
        year_on_year_drop: the fall in percent against a year earlier that flags.
        period_on_period_drop: the fall in percent against the previous period that flags.
        open_complaints: the open complaints that flag.
        at_risk_signals: the signals that make a warning.
    """

    inactive_days: int
    year_on_year_drop: Decimal
    period_on_period_drop: Decimal
    open_complaints: int
    at_risk_signals: int


# --------------------------------------------------------------------------- facts


def _sales(value: object) -> Decimal | None:
    return None if value is None else parse_amount(value, "sales")


def _sales_last_year(value: object) -> Decimal | None:
    return None if value is None else parse_amount(value, "sales_last_year")


def _sales_previous(value: object) -> Decimal | None:
    return None if value is None else parse_amount(value, "sales_previous")


@attrs.frozen
class ChurnFacts:
    """What the host knows of one customer for the churn warning.

    Attributes:
        customer: the customer's id.
        name: its name.
        last_order: the day of its last order; ``None`` when none is on record.
        sales: its sales in the current period (e.g. the last quarter); ``None`` unknown.
        sales_last_year: its sales in the same period a year earlier.
        sales_previous: its sales in the previous period.
        open_complaints: its complaints not yet closed.
        churned_on: the day it was recorded as lost, if it was.
        last_follow_up: the last revisit after it was lost, if any.

    Raises:
        InputError: naming the field: a negative amount, a float, a bad date.
    """

    customer: str = attrs.field(validator=non_empty_text)
    name: str = attrs.field(default="", validator=fact_check(str, "a text"))
    last_order: dt.date | None = attrs.field(default=None, validator=optional_day)
    sales: Decimal | None = attrs.field(default=None, converter=_sales)
    sales_last_year: Decimal | None = attrs.field(default=None, converter=_sales_last_year)
    sales_previous: Decimal | None = attrs.field(default=None, converter=_sales_previous)
    open_complaints: int = attrs.field(default=0, validator=whole(0, 1_000_000))
    churned_on: dt.date | None = attrs.field(default=None, validator=optional_day)
    last_follow_up: dt.date | None = attrs.field(default=None, validator=optional_day)


@attrs.frozen
class ChurnWarning:
    """S5: a customer's churn warning.

    Attributes:
        facts: the facts used.
        level: none, watch, at risk or churned.
        signals: the signals raised, in :class:`ChurnSignal` order.
        days_since_order: days from the last order to ``on`` (``None`` without one).
        year_on_year: this period's sales change against a year earlier, in percent rounded
            to 0.01 (``None`` without both figures or with no sales a year earlier).
        period_on_period: the same against the previous period.
        follow_up: a churned customer's next revisit (``None`` otherwise).
        follow_up_overdue: that revisit's due date has passed.
        thresholds: the policy's thresholds that decided: inactive days, the two drops in
            percent, open complaints, and the signals that make a warning.
        on: the day asked about.
        policy_version: the version of the policy that decided.
        policy_effective: the effective date of that policy.
    """

    facts: ChurnFacts
    level: ChurnLevel
    signals: tuple[ChurnSignal, ...]
    days_since_order: int | None
    year_on_year: Decimal | None
    period_on_period: Decimal | None
    follow_up: Occurrence | None
    follow_up_overdue: bool
    thresholds: ChurnThresholds
    on: dt.date
    policy_version: str
    policy_effective: dt.date | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """S5 reasons: the level and the signals that raised it, each signal with its figures,
        and a churned customer's next revisit."""
        f = self.facts
        if self.signals:
            head = Reason.of(
                "S5",
                ServiceReason.S5_LEVEL,
                customer=f.customer,
                level=self.level,
                signals=self.signals,
            )
        else:
            head = Reason.of(
                "S5", ServiceReason.S5_NO_SIGNAL, customer=f.customer, level=self.level
            )
        out = [head]
        for signal in self.signals:
            if signal is ChurnSignal.INACTIVE:
                if self.days_since_order is None:
                    out.append(Reason.of("S5", ServiceReason.S5_NO_ORDER))
                else:
                    out.append(
                        Reason.of(
                            "S5",
                            ServiceReason.S5_INACTIVE,
                            last=f.last_order,
                            days=self.days_since_order,
                            threshold=self.thresholds.inactive_days,
                        )
                    )
            elif signal is ChurnSignal.YEAR_ON_YEAR:
                out.append(
                    Reason.of(
                        "S5",
                        ServiceReason.S5_YEAR_ON_YEAR,
                        sales=f.sales,
                        base=f.sales_last_year,
                        change=self.year_on_year,
                        threshold=self.thresholds.year_on_year_drop,
                    )
                )
            elif signal is ChurnSignal.PERIOD_ON_PERIOD:
                out.append(
                    Reason.of(
                        "S5",
                        ServiceReason.S5_PERIOD_ON_PERIOD,
                        sales=f.sales,
                        base=f.sales_previous,
                        change=self.period_on_period,
                        threshold=self.thresholds.period_on_period_drop,
                    )
                )
            else:
                out.append(
                    Reason.of(
                        "S5",
                        ServiceReason.S5_COMPLAINTS,
                        count=f.open_complaints,
                        threshold=self.thresholds.open_complaints,
                    )
                )
        if self.follow_up is not None:
            code = (
                ServiceReason.S5_FOLLOW_UP_OVERDUE
                if self.follow_up_overdue
                else ServiceReason.S5_FOLLOW_UP
            )
            out.append(
                Reason.of(
                    "S5",
                    code,
                    churned=f.churned_on,
                    last=f.last_follow_up,
                    due=self.follow_up.due,
                )
            )
        elif self.level is ChurnLevel.AT_RISK:
            out.append(Reason.of("S5", ServiceReason.S5_RETAIN))
        return tuple(out)


def churn_warning(facts: ChurnFacts, policy: ServicePolicy, *, on: dt.date) -> ChurnWarning:
    """S5: flag a customer likely to be lost, with the signals that raised the flag.

    Signals [default thresholds, all "at least"]: no order for ``inactive_days`` or more (or no
    order on record); this period's sales down ``year_on_year_drop`` percent or more against the
    same period a year earlier; down ``period_on_period_drop`` percent or more against the
    previous period (a base of zero sales compares nothing); ``open_complaints`` or more open
    complaints. ``at_risk_signals`` signals or more make a warning (``at_risk``: retention
    measures), fewer but one ``watch``. A customer recorded as lost is ``churned`` whatever its
    signals, with its next revisit by ``follow_up`` — from the last revisit, or from the churn.

    The level is monotonic: more days without an order, lower sales or more open complaints
    never lower it.

    Args:
        facts: the customer's figures.
        policy: the service policy.
        on: the day asked about; no date of ``facts`` may be after it.

    Returns:
        The :class:`ChurnWarning`.

    Raises:
        InputError: naming ``facts``, ``policy`` or ``on``, or the field of ``facts`` dated
            after ``on`` (``facts.last_order``), or a ``last_follow_up`` before ``churned_on``.

    Example:
        >>> import datetime as dt
        >>> from customer_rules.service import ServicePolicy
        >>> f = ChurnFacts("C042", last_order=dt.date(2026, 3, 1), sales="70万",
        ...                sales_last_year="100万", sales_previous="80万")
        >>> w = churn_warning(f, ServicePolicy(), on=dt.date(2026, 6, 1))
        >>> w.level.value, [s.value for s in w.signals], w.year_on_year
        ('at_risk', ['inactive', 'year_on_year'], Decimal('-30.00'))
    """
    if not isinstance(facts, ChurnFacts):
        raise InputError("facts", facts, "a ChurnFacts")
    service = service_policy(policy)
    day = day_in_force(service, on)
    for name, value in (
        ("last_order", facts.last_order),
        ("churned_on", facts.churned_on),
        ("last_follow_up", facts.last_follow_up),
    ):
        if value is not None and value > day:
            raise InputError(f"facts.{name}", value, f"a day on or before on ({day})")
    if (
        facts.churned_on is not None
        and facts.last_follow_up is not None
        and facts.last_follow_up < facts.churned_on
    ):
        raise InputError(
            "facts.last_follow_up",
            facts.last_follow_up,
            f"a day on or after churned_on ({facts.churned_on})",
        )
    return _warning(facts, service, day)


def _warning(facts: ChurnFacts, service: ServicePolicy, day: dt.date) -> ChurnWarning:
    p = service.churn
    signals: list[ChurnSignal] = []
    days = None if facts.last_order is None else (day - facts.last_order).days
    if days is None or days >= p.inactive_days:
        signals.append(ChurnSignal.INACTIVE)
    yoy = _change(facts.sales, facts.sales_last_year)
    if _dropped(facts.sales, facts.sales_last_year, p.year_on_year_drop):
        signals.append(ChurnSignal.YEAR_ON_YEAR)
    pop = _change(facts.sales, facts.sales_previous)
    if _dropped(facts.sales, facts.sales_previous, p.period_on_period_drop):
        signals.append(ChurnSignal.PERIOD_ON_PERIOD)
    if facts.open_complaints >= p.open_complaints:
        signals.append(ChurnSignal.COMPLAINTS)
    follow_up: Occurrence | None = None
    overdue = False
    if facts.churned_on is not None:
        level = ChurnLevel.CHURNED
        last = facts.last_follow_up if facts.last_follow_up is not None else facts.churned_on
        follow_up = p.follow_up.next(day, last=last)
        overdue = follow_up.overdue(day)
    elif len(signals) >= p.at_risk_signals:
        level = ChurnLevel.AT_RISK
    elif signals:
        level = ChurnLevel.WATCH
    else:
        level = ChurnLevel.NONE
    return ChurnWarning(
        facts,
        level,
        tuple(signals),
        days,
        yoy,
        pop,
        follow_up,
        overdue,
        p._thresholds,
        day,
        service.version,
        policy_effective=service.effective,
    )


def _change(sales: Decimal | None, base: Decimal | None) -> Decimal | None:
    if sales is None or base is None or base == _ZERO:
        return None
    return ((sales - base) * _HUNDRED / base).quantize(_CENT, rounding=ROUND_HALF_EVEN)


def _dropped(sales: Decimal | None, base: Decimal | None, threshold: Decimal) -> bool:
    """Exactly: (base − sales) / base ≥ threshold %, without dividing."""
    if sales is None or base is None or base <= _ZERO:
        return False
    return (base - sales) * _HUNDRED >= threshold * base
