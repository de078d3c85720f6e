"""Hypothesis strategies for the public types, for host systems' own property tests.

Requires Hypothesis (``pip install customer_rules[test]``). Every strategy draws *valid*
values — policies whose thresholds are ordered, facts that the constructors accept — so a host
can assert properties of its integration, e.g. "our nightly job grades every customer"::

    from hypothesis import given
    from customer_rules import grade_customer
    from customer_rules.testing import customers, grading_policies, days

    @given(customers(), grading_policies(), days())
    def test_every_customer_gets_an_answer(customer, policy, day):
        grade_customer(customer, policy, on=day)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from customer_rules.config import PolicyBook
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

__all__ = [
    "amounts",
    "approvals",
    "aware_datetimes",
    "customers",
    "days",
    "grading_policies",
    "influence_assessments",
    "percentages",
    "policy_books",
    "scorecard_facts",
]

_FIRST_DAY = dt.date(2020, 1, 1)
_LAST_DAY = dt.date(2026, 12, 31)


def days(
    min_value: dt.date = _FIRST_DAY, max_value: dt.date = _LAST_DAY
) -> st.SearchStrategy[dt.date]:
    """Plain dates (never datetimes) in a range; the default stays inside the years the bundled
    Chinese working-day calendar covers."""
    return st.dates(min_value=min_value, max_value=max_value)


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
    """Money in yuan with at most two decimal places (fen)."""
    return st.decimals(
        min_value=Decimal(min_value), max_value=Decimal(max_value), places=2, allow_nan=False
    )


def percentages(min_value: int = -50, max_value: int = 100) -> st.SearchStrategy[Decimal]:
    """Percentages with two decimal places (a premium may be negative: a discount)."""
    return st.decimals(min_value=min_value, max_value=max_value, places=2, allow_nan=False)


def approvals(
    roles: st.SearchStrategy[Role] | None = None,
    what: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Approval]:
    """Approvals by any role (or the roles given), with a valid date range."""
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
    """G2 facts over the whole range of every indicator."""
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


def policy_books() -> st.SearchStrategy[PolicyBook]:
    """Policy books with a drawn version label, effective date and grading policy."""
    return st.builds(
        PolicyBook,
        st.text(alphabet="0123456789.-abcv", min_size=1, max_size=10).filter(str.strip),
        days(),
        grading_policies(),
    )
