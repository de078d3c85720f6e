"""S5 — the churn early warning and the follow-up of churned customers
(003 §事业公司客户管理制度模板 五)."""

from __future__ import annotations

import datetime as dt
import decimal
import json
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import InputError, explain
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import find_reason
from customer_rules.recurrence import Recurrence
from customer_rules.service import (
    ChurnFacts,
    ChurnLevel,
    ChurnPolicy,
    ChurnSignal,
    ChurnWarning,
    ServicePolicy,
    ServiceReason,
    churn_warning,
)
from customer_rules.testing import amounts, churn_facts, service_policies
from refusals import problems_of

SEED = ServicePolicy()
ON = dt.date(2026, 11, 30)


def _facts(**values: object) -> ChurnFacts:
    base: dict[str, object] = {"customer": "C1", "last_order": ON}
    base.update(values)
    return ChurnFacts(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("days", "flagged"), [(89, False), (90, True), (365, True)])
def test_days_since_the_last_order(days: int, flagged: bool) -> None:
    """Inactive from 90 days without an order [default: "at least"]: day 89 is not, day 90 is."""
    w = churn_warning(_facts(last_order=ON - dt.timedelta(days=days)), SEED, on=ON)
    assert w.days_since_order == days
    assert (ChurnSignal.INACTIVE in w.signals) is flagged
    assert w.level is (ChurnLevel.WATCH if flagged else ChurnLevel.NONE)


def test_no_order_on_record_counts_as_inactive() -> None:
    w = churn_warning(_facts(last_order=None), SEED, on=ON)
    assert w.signals == (ChurnSignal.INACTIVE,)
    assert find_reason(w, ServiceReason.S5_NO_ORDER) is not None


@pytest.mark.parametrize(
    ("sales", "base", "flagged", "change"),
    [
        ("70万", "100万", True, Decimal("-30.00")),
        ("700000.01", "1000000", False, Decimal("-30.00")),
        ("0", "1", True, Decimal("-100.00")),
        ("120万", "100万", False, Decimal("20.00")),
    ],
)
def test_sales_against_the_same_period_a_year_earlier(
    sales: str, base: str, flagged: bool, change: Decimal
) -> None:
    """A fall of 30 % or more [default] — decided exactly, not on the rounded percentage."""
    w = churn_warning(_facts(sales=sales, sales_last_year=base), SEED, on=ON)
    assert (ChurnSignal.YEAR_ON_YEAR in w.signals) is flagged
    assert w.year_on_year == change


def test_sales_against_the_previous_period_and_a_zero_base() -> None:
    w = churn_warning(_facts(sales="60万", sales_previous="100万"), SEED, on=ON)
    assert w.signals == (ChurnSignal.PERIOD_ON_PERIOD,)
    assert w.period_on_period == Decimal("-40.00")
    zero = churn_warning(_facts(sales="0", sales_previous="0", sales_last_year="0"), SEED, on=ON)
    assert zero.signals == ()
    assert (zero.period_on_period, zero.year_on_year) == (None, None)


@pytest.mark.parametrize(("count", "flagged"), [(1, False), (2, True)])
def test_open_complaints(count: int, flagged: bool) -> None:
    w = churn_warning(_facts(open_complaints=count), SEED, on=ON)
    assert (ChurnSignal.COMPLAINTS in w.signals) is flagged


def test_two_signals_make_a_warning_with_the_signals_that_raised_it() -> None:
    w = churn_warning(
        _facts(
            last_order=dt.date(2026, 8, 1), sales="40万", sales_last_year="90万", open_complaints=3
        ),
        SEED,
        on=ON,
    )
    assert w.level is ChurnLevel.AT_RISK
    assert w.signals == (ChurnSignal.INACTIVE, ChurnSignal.YEAR_ON_YEAR, ChurnSignal.COMPLAINTS)
    lines = explain(w, "en").splitlines()
    assert (
        lines[0] == "[S5] C1: at risk (no recent order, sales down year on year, open complaints)"
    )
    assert lines[1] == "[S5] last order 2026-08-01: 121 days without an order (flag from 90)"
    assert lines[-1] == "[S5] watch closely, analyse the cause and take retention measures"
    one = ServicePolicy(churn=ChurnPolicy(at_risk_signals=4))
    assert churn_warning(w.facts, one, on=ON).level is ChurnLevel.WATCH


def test_a_churned_customer_is_revisited_regularly_to_learn_why() -> None:
    """ "定期对流失客户进行回访,了解流失原因": every three months [default] from the churn, then
    from the last revisit."""
    w = churn_warning(_facts(churned_on=dt.date(2026, 7, 31)), SEED, on=ON)
    assert w.level is ChurnLevel.CHURNED
    assert w.follow_up is not None
    assert (w.follow_up.due, w.follow_up_overdue) == (dt.date(2026, 10, 31), True)
    w = churn_warning(
        _facts(churned_on=dt.date(2026, 7, 31), last_follow_up=dt.date(2026, 11, 2)), SEED, on=ON
    )
    assert w.follow_up is not None
    assert (w.follow_up.due, w.follow_up_overdue) == (dt.date(2027, 2, 2), False)
    monthly = ServicePolicy(churn=ChurnPolicy(follow_up=Recurrence.every(1)))
    w = churn_warning(_facts(churned_on=dt.date(2026, 11, 2)), monthly, on=ON)
    assert w.follow_up is not None
    assert w.follow_up.due == dt.date(2026, 12, 2)


def test_dates_after_the_day_asked_about_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        churn_warning(_facts(last_order=dt.date(2026, 12, 1)), SEED, on=ON)
    assert caught.value.field == "facts.last_order"
    with pytest.raises(InputError) as caught:
        churn_warning(
            _facts(churned_on=dt.date(2026, 7, 1), last_follow_up=dt.date(2026, 6, 1)), SEED, on=ON
        )
    assert caught.value.field == "facts.last_follow_up"
    with pytest.raises(InputError) as caught:
        ChurnFacts("C1", sales=1.5)  # type: ignore[arg-type]
    assert caught.value.field == "sales"
    with pytest.raises(InputError) as caught:
        ChurnFacts("C1", open_complaints=-1)
    assert caught.value.field == "open_complaints"


# --------------------------------------------------------------------------- properties


@given(churn_facts(), st.integers(1, 200))
def test_more_days_without_an_order_never_lower_the_level(facts: ChurnFacts, more: int) -> None:
    if facts.last_order is None:
        return
    earlier = attrs.evolve(facts, last_order=facts.last_order - dt.timedelta(days=more))
    assert (
        churn_warning(earlier, SEED, on=ON).level.rank
        >= churn_warning(facts, SEED, on=ON).level.rank
    )


@given(churn_facts(), amounts(0, 500_000))
def test_lower_sales_never_lower_the_level(facts: ChurnFacts, less: Decimal) -> None:
    if facts.sales is None:
        return
    lower = attrs.evolve(facts, sales=max(facts.sales - less, Decimal(0)))
    assert (
        churn_warning(lower, SEED, on=ON).level.rank >= churn_warning(facts, SEED, on=ON).level.rank
    )


@given(churn_facts(), st.integers(1, 5))
def test_more_open_complaints_never_lower_the_level(facts: ChurnFacts, more: int) -> None:
    worse = attrs.evolve(facts, open_complaints=facts.open_complaints + more)
    assert (
        churn_warning(worse, SEED, on=ON).level.rank >= churn_warning(facts, SEED, on=ON).level.rank
    )


@given(churn_facts(), service_policies())
def test_each_flag_names_its_signals_and_round_trips(
    facts: ChurnFacts, policy: ServicePolicy
) -> None:
    w = churn_warning(facts, policy, on=ON)
    assert churn_warning(facts, policy, on=ON) == w
    codes = [r.code for r in w.reasons]
    signal_codes = {
        ChurnSignal.YEAR_ON_YEAR: ServiceReason.S5_YEAR_ON_YEAR,
        ChurnSignal.PERIOD_ON_PERIOD: ServiceReason.S5_PERIOD_ON_PERIOD,
        ChurnSignal.COMPLAINTS: ServiceReason.S5_COMPLAINTS,
    }
    for signal in w.signals:
        if signal in signal_codes:
            assert signal_codes[signal] in codes
        else:
            assert ServiceReason.S5_INACTIVE in codes or ServiceReason.S5_NO_ORDER in codes
    if w.level is not ChurnLevel.CHURNED:
        expected = (
            ChurnLevel.NONE
            if not w.signals
            else ChurnLevel.AT_RISK
            if len(w.signals) >= policy.churn.at_risk_signals
            else ChurnLevel.WATCH
        )
        assert w.level is expected
    assert (w.follow_up is not None) == (facts.churned_on is not None)
    data = json.loads(json.dumps(to_data(w, lang="en"), ensure_ascii=False))
    assert from_data(ChurnWarning, data, policy=policy) == w
    assert from_data(ChurnFacts, to_data(facts)) == facts


# --------------------------------------------------------------------------- pinned tables

_FLOAT = (
    "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'; floats are"
    " refused because they cannot hold money exactly — pass Decimal('1.5') or the string '1.5'"
)
_LATER = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: churn_warning("C1", SEED, on=ON),  # type: ignore[arg-type]
            [("facts", "'C1'", "a ChurnFacts")],
            id="facts-not-ChurnFacts",
        ),
        pytest.param(
            lambda: churn_warning(_facts(last_order=_LATER), SEED, on=ON),
            [
                (
                    "facts.last_order",
                    "datetime.date(2026, 12, 1)",
                    "a day on or before on (2026-11-30)",
                )
            ],
            id="last-order-after-on",
        ),
        pytest.param(
            lambda: churn_warning(_facts(churned_on=_LATER), SEED, on=ON),
            [
                (
                    "facts.churned_on",
                    "datetime.date(2026, 12, 1)",
                    "a day on or before on (2026-11-30)",
                )
            ],
            id="churned-after-on",
        ),
        pytest.param(
            lambda: churn_warning(
                _facts(churned_on=dt.date(2026, 7, 1), last_follow_up=_LATER), SEED, on=ON
            ),
            [
                (
                    "facts.last_follow_up",
                    "datetime.date(2026, 12, 1)",
                    "a day on or before on (2026-11-30)",
                )
            ],
            id="follow-up-after-on",
        ),
        pytest.param(
            lambda: churn_warning(
                _facts(churned_on=dt.date(2026, 7, 1), last_follow_up=dt.date(2026, 6, 30)),
                SEED,
                on=ON,
            ),
            [
                (
                    "facts.last_follow_up",
                    "datetime.date(2026, 6, 30)",
                    "a day on or after churned_on (2026-07-01)",
                )
            ],
            id="follow-up-before-the-churn",
        ),
        pytest.param(
            lambda: ChurnFacts("C1", sales=1.5),  # type: ignore[arg-type]
            [("sales", "a float", _FLOAT)],
            id="sales-a-float",
        ),
        pytest.param(
            lambda: ChurnFacts("C1", sales_last_year=1.5),  # type: ignore[arg-type]
            [("sales_last_year", "a float", _FLOAT)],
            id="sales-last-year-a-float",
        ),
        pytest.param(
            lambda: ChurnFacts("C1", sales_previous=1.5),  # type: ignore[arg-type]
            [("sales_previous", "a float", _FLOAT)],
            id="sales-previous-a-float",
        ),
        pytest.param(
            lambda: ChurnFacts("C1", sales_previous="-1"),
            [("sales_previous", "'-1'", "a non-negative amount")],
            id="sales-previous-negative",
        ),
    ],
)
def test_every_argument_error_of_churn_warning(
    call: Callable[[], object], problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(call) == problems


def test_every_field_of_a_warning_for_a_customer_still_buying() -> None:
    """An at-risk customer (two signals) that has not churned has no revisit, so nothing is
    overdue; the policy's version and effective date are recorded."""
    policy = ServicePolicy(effective=dt.date(2026, 1, 1))
    f = _facts(
        last_order=dt.date(2026, 9, 1),
        sales="70万",
        sales_last_year="100万",
        sales_previous="75万",
        open_complaints=1,
    )
    w = churn_warning(f, policy, on=ON)
    assert (
        w.level,
        w.signals,
        w.days_since_order,
        w.year_on_year,
        w.period_on_period,
        w.follow_up,
        w.follow_up_overdue,
        w.on,
        w.policy_version,
        w.policy_effective,
    ) == (
        ChurnLevel.AT_RISK,
        (ChurnSignal.INACTIVE, ChurnSignal.YEAR_ON_YEAR),
        90,
        Decimal("-30.00"),
        Decimal("-6.67"),
        None,
        False,
        ON,
        "seed",
        dt.date(2026, 1, 1),
    )
    assert (w.thresholds.inactive_days, w.thresholds.at_risk_signals) == (90, 2)


def test_the_percentage_does_not_depend_on_the_callers_decimal_context() -> None:
    """-0.125 % is rounded half to even (-0.12) whatever rounding the host's decimal context
    sets."""
    f = _facts(sales="7.99", sales_last_year="8", sales_previous="8")
    assert churn_warning(f, SEED, on=ON).year_on_year == Decimal("-0.12")
    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
        w = churn_warning(f, SEED, on=ON)
    assert (w.year_on_year, w.period_on_period) == (Decimal("-0.12"), Decimal("-0.12"))
