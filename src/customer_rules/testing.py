"""Hypothesis strategies for the public types, for host systems' own property tests.

Requires Hypothesis (``pip install customer_rules[test]``). Every strategy draws *valid*
values — policies whose thresholds are ordered, facts that the constructors accept — so a host
can assert properties of its integration, e.g. "our nightly job grades every customer"::

    import datetime as dt
    from hypothesis import given
    from customer_rules import grade_customer
    from customer_rules.testing import customers, grading_policies, days

    # customers() draws fact dates up to 2026-06-30: grade on a later day
    @given(customers(), grading_policies(), days(min_value=dt.date(2026, 7, 1)))
    def test_every_customer_gets_an_answer(customer, policy, day):
        grade_customer(customer, policy, on=day)

:func:`policy_books` finds the book's chapters from :class:`~customer_rules.book.PolicyBook`
itself: a chapter without a strategy of its own here gets :func:`policies`, which draws every
declared setting near its default and keeps the draws the policy accepts.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, cast

import attrs
from hypothesis import strategies as st

from customer_rules.book import PolicyBook, chapters
from customer_rules.dates import require_date
from customer_rules.errors import InputError, PolicyError
from customer_rules.grading import (
    INFLUENCE_ASSESSMENT as _INFLUENCE_ASSESSMENT,
)
from customer_rules.grading import (
    ArrearsReading,
    BigCustomerFacts,
    ContractAmountIndicator,
    Customer,
    CustomerCategory,
    DealSizePolicy,
    EligibilityPolicy,
    Grade,
    GradeCutoffs,
    GradingPolicy,
    PremiumIndicator,
    ReceivablesIndicator,
    RevisitMode,
    ScorecardFacts,
    ScorecardPolicy,
    ServiceTierPolicy,
    StrategicInfluence,
)
from customer_rules.roles import Approval, Role
from customer_rules.settings import Setting, is_policy

__all__ = [
    "amounts",
    "approvals",
    "aware_datetimes",
    "customers",
    "days",
    "grading_policies",
    "influence_assessments",
    "malformed_values",
    "percentages",
    "policies",
    "policy_books",
    "scorecard_facts",
]

_FIRST_DAY = dt.date(2020, 1, 1)
_LAST_DAY = dt.date(2026, 12, 31)


def days(
    min_value: dt.date = _FIRST_DAY, max_value: dt.date = _LAST_DAY
) -> st.SearchStrategy[dt.date]:
    """Plain dates (never datetimes) in a range; the default stays inside the years the bundled
    Chinese working-day calendar covers.

    Raises:
        InputError: for bounds that are not dates of the supported range, or in the wrong order.
    """
    low, high = require_date(min_value, "min_value"), require_date(max_value, "max_value")
    if low > high:
        raise InputError("max_value", max_value, f"a day on or after {low}")
    return st.dates(min_value=low, max_value=high)


def aware_datetimes() -> st.SearchStrategy[dt.datetime]:
    """Timezone-aware datetimes (UTC or China Standard Time)."""
    from customer_rules.dates import SHANGHAI

    return st.datetimes(
        min_value=dt.datetime(2020, 1, 1),
        max_value=dt.datetime(2026, 12, 31),
        timezones=st.sampled_from([dt.UTC, SHANGHAI]),
    )


def amounts(
    min_value: Decimal | int = 0, max_value: Decimal | int = 1_000_000_000
) -> st.SearchStrategy[Decimal]:
    """Money in yuan with at most two decimal places (fen).

    Raises:
        InputError: for bounds that are not whole or decimal numbers, or in the wrong order.
    """
    return _two_places(min_value, max_value)


def _strategy_or_none(value: object, field: str) -> None:
    if value is not None and not isinstance(value, st.SearchStrategy):
        raise InputError(field, value, "a Hypothesis strategy or None")


def _two_places(min_value: object, max_value: object) -> st.SearchStrategy[Decimal]:
    """Decimals with two places from ``min_value`` to ``max_value`` (amounts, percentages)."""
    low, high = _bound(min_value, "min_value"), _bound(max_value, "max_value")
    if low > high:
        raise InputError("max_value", max_value, f"a bound of at least {low}")
    return st.decimals(min_value=low, max_value=high, places=2, allow_nan=False)


def _bound(value: object, field: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InputError(field, value, "an int or a Decimal")
    if isinstance(value, Decimal) and not value.is_finite():
        raise InputError(field, value, "a finite number")
    return Decimal(value)


def percentages(min_value: int = -50, max_value: int = 100) -> st.SearchStrategy[Decimal]:
    """Percentages with two decimal places (a premium may be negative: a discount).

    Raises:
        InputError: for bounds that are not whole or decimal numbers, or in the wrong order.
    """
    return _two_places(min_value, max_value)


def approvals(
    roles: st.SearchStrategy[Role] | None = None,
    what: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Approval]:
    """Approvals by any role (or the roles given), with a valid date range.

    Raises:
        InputError: for ``roles`` or ``what`` that is not a strategy.
    """
    _strategy_or_none(roles, "roles")
    _strategy_or_none(what, "what")
    return st.builds(
        _approval,
        st.sampled_from(["王经理", "李总", "张主任", "Chen"]),
        roles if roles is not None else st.sampled_from(list(Role)),
        what if what is not None else st.sampled_from([_INFLUENCE_ASSESSMENT, "G6.regrade"]),
        days(),
        st.none() | st.integers(min_value=0, max_value=800),
    )


def _approval(who: str, role: Role, what: str, on: dt.date, valid_days: int | None) -> Approval:
    until = None if valid_days is None else on + dt.timedelta(days=valid_days)
    return Approval(who, role, what, on, until)


def influence_assessments() -> st.SearchStrategy[Approval | None]:
    """``None`` or an assessment of strategic influence by any role (valid or not)."""
    return st.none() | approvals(what=st.just(_INFLUENCE_ASSESSMENT))


def scorecard_facts(
    assessment: st.SearchStrategy[Approval | None] | None = None,
) -> st.SearchStrategy[ScorecardFacts]:
    """G2 facts over the whole range of every indicator.

    Raises:
        InputError: for an ``assessment`` that is not a strategy.
    """
    _strategy_or_none(assessment, "assessment")
    return st.builds(
        ScorecardFacts,
        amounts(max_value=50_000_000),
        st.booleans(),
        amounts(max_value=10_000_000),
        percentages(),
        st.sampled_from(list(StrategicInfluence)),
        assessment if assessment is not None else influence_assessments(),
    )


def customers() -> st.SearchStrategy[Customer]:
    """Customers with or without trade history, scorecard facts and a previous grade."""
    category = st.sampled_from(list(CustomerCategory)) | st.builds(
        BigCustomerFacts,
        st.none() | percentages(0, 100),
        st.booleans(),
        st.booleans(),
        st.booleans(),
    )
    return st.builds(
        Customer,
        st.text(alphabet="ABCDEFGHJK0123456789", min_size=1, max_size=8),
        st.sampled_from(["华东机电", "北方重工", "Acme"]),
        category,
        st.none() | days(max_value=dt.date(2026, 6, 30)),
        st.none() | days(max_value=dt.date(2026, 6, 30)),
        st.none() | scorecard_facts(),
        st.none() | days(max_value=dt.date(2026, 6, 30)),
        st.none() | st.sampled_from(list(Grade)),
    )


def _descending(count: int, low: int, high: int) -> st.SearchStrategy[list[int]]:
    return st.lists(
        st.integers(min_value=low, max_value=high), min_size=count, max_size=count, unique=True
    ).map(lambda xs: sorted(xs, reverse=True))


def _scorecards() -> st.SearchStrategy[ScorecardPolicy]:
    contract = st.builds(
        lambda t, reading: ContractAmountIndicator(
            Decimal(t[0]) * 10_000, Decimal(t[1]) * 10_000, Decimal(t[2]) * 10_000, reading
        ),
        _descending(3, 1, 5000),
        st.sampled_from(list(ArrearsReading)),
    )
    receivables = _descending(3, 0, 1000).map(
        lambda r: ReceivablesIndicator(*(Decimal(x) * 10_000 for x in reversed(r)))
    )
    premium = _descending(4, -20, 60).map(lambda p: PremiumIndicator(*(Decimal(x) for x in p)))
    cutoffs = _descending(3, 1, 16).map(lambda c: GradeCutoffs(*c))
    assessors = st.frozensets(st.sampled_from(list(Role)), min_size=1)
    return st.builds(ScorecardPolicy, contract, receivables, premium, assessors, cutoffs)


def grading_policies() -> st.SearchStrategy[GradingPolicy]:
    """Valid grading policies with every G1–G4 threshold drawn (G5/G6 at the seed)."""
    deal = _descending(3, 1, 500).map(lambda d: DealSizePolicy(*(Decimal(x) * 10_000 for x in d)))
    eligibility = st.builds(
        EligibilityPolicy,
        st.integers(min_value=0, max_value=24),
        st.integers(min_value=0, max_value=36),
        st.sampled_from(list(Grade)),
    )
    service = st.builds(ServiceTierPolicy, revisit_mode=st.sampled_from(list(RevisitMode)))
    return st.builds(
        GradingPolicy,
        deal_size=deal,
        scorecard=_scorecards(),
        eligibility=eligibility,
        service=service,
    )


def policies(cls: type) -> st.SearchStrategy[Any]:
    """Valid instances of any policy class: every declared setting drawn at or near its default
    (numbers moved by a few steps, flags flipped, enums and role sets redrawn), nested policies
    drawn the same way; draws the policy refuses (thresholds out of order) are discarded.

    Raises:
        InputError: for a class that is not a policy.
    """
    if not is_policy(cls):
        raise InputError(
            "cls", cls, "a policy class (declared with customer_rules.settings.policy)"
        )
    return st.composite(lambda draw: _draw_policy(draw, cls))()


def _draw_policy(draw: st.DrawFn, cls: type) -> Any:
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(cls):
        meta: Setting | None = field.metadata.get("customer_rules")
        if meta is None or not field.init:
            continue
        default = field.default
        if is_policy(type(default)):
            kwargs[field.name] = draw(policies(type(default)))
        elif draw(st.booleans()):
            kwargs[field.name] = draw(_near(default))
    try:
        return cls(**kwargs)
    except PolicyError:
        from hypothesis import reject

        reject()


def _near(default: Any) -> st.SearchStrategy[Any]:
    import enum

    if isinstance(default, bool):
        return st.booleans()
    if isinstance(default, int):
        return st.integers(min_value=max(0, default - 3), max_value=default + 3)
    if isinstance(default, Decimal):
        step = max(abs(default) / 10, Decimal(1))
        return st.integers(min_value=-3, max_value=3).map(lambda k: default + k * step)
    if isinstance(default, enum.Enum):
        return st.sampled_from(list(type(default)))
    if isinstance(default, frozenset) and default and isinstance(next(iter(default)), enum.Enum):
        members: list[Any] = list(cast(Any, type(next(iter(default)))))
        return st.frozensets(st.sampled_from(members), min_size=1)
    return st.just(default)


def policy_books() -> st.SearchStrategy[PolicyBook]:
    """Policy books with a drawn version label, effective date and a drawn policy for every
    chapter of :class:`~customer_rules.book.PolicyBook` (:func:`grading_policies` for grading,
    :func:`policies` for a chapter without a strategy of its own)."""
    own: dict[str, st.SearchStrategy[Any]] = {"grading": grading_policies()}
    hints = attrs.fields_dict(cast(Any, PolicyBook))
    drawn = {
        name: own[name] if name in own else policies(type(hints[name].default))
        for name in chapters()
    }
    return st.builds(
        PolicyBook,
        version=st.text(alphabet="0123456789.-abcv", min_size=1, max_size=10).filter(str.strip),
        effective=days(),
        **drawn,
    )


def malformed_values() -> st.SearchStrategy[Any]:
    """Values a careless caller or a mangled file could hand any public callable: wrong types,
    ``None``, NaN and infinite Decimals, huge numbers, dates at the edges and beyond the
    supported range, wrong enum members, mangled text and bytes, lists and dicts.

    The library's promise, which hosts can check for their own wrappers: every public callable
    given such a value returns, or raises a :class:`~customer_rules.errors.CustomerRulesError`.
    """
    from customer_rules.grading import Grade
    from customer_rules.roles import Role

    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.sampled_from([10**20, -(10**20), 10**5000]),
        st.floats(allow_nan=True, allow_infinity=True),
        st.decimals(allow_nan=True, allow_infinity=True),
        st.sampled_from(
            [Decimal("1E+999999999"), Decimal("-0"), Decimal("sNaN"), Decimal("1E-999999")]
        ),
        st.text(max_size=30),
        st.sampled_from(
            ["80万", "1.5亿", "3,000,000", "12.5%", "是", "big", "大客户", "A", "Z", "\x00"]
        ),
        st.sampled_from(["9" * 5000, "2026-02-30", "9999-12-31", "0001-01-01", "1" * 70]),
        st.dates(),
        st.sampled_from([dt.date.min, dt.date.max, dt.date(1899, 12, 31), dt.date(3000, 1, 1)]),
        st.datetimes(),
        st.sampled_from([*Grade, *Role]),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
        st.just(b"\xff\xfe"),
        st.just(object()),
    )


# --------------------------------------------------------------------------- credit (C1–C11)
# --- strategies: C1, C2, C3, C6, C11
# --- strategies: C4, C5
# --- strategies: C7, C8, C9, C10
