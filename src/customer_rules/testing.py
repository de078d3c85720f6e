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

from customer_rules._credit.aging import AgingBucket, AgingPolicy
from customer_rules._credit.collection import CollectionPolicy, PaymentPromise
from customer_rules._credit.model import Receivable
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
from customer_rules.workflow import WorkflowTable

__all__ = [
    "access_requests",
    "aging_policies",
    "allocator_policies",
    "amounts",
    "approvals",
    "archive_loans",
    "archive_principals",
    "aware_datetimes",
    "care_customers",
    "churn_facts",
    "collection_policies",
    "credit_orders",
    "credit_policies",
    "credit_positions",
    "credit_terms",
    "customer_files",
    "customers",
    "days",
    "deals",
    "finance_surveys",
    "fine_incidents",
    "grading_policies",
    "held_customers",
    "holdings",
    "influence_assessments",
    "lead_batches",
    "lead_handlings",
    "malformed_values",
    "monthly_reports",
    "payment_promises",
    "percentages",
    "policies",
    "policy_books",
    "prospects",
    "rating_facts",
    "receivables",
    "reception_applications",
    "reception_records",
    "recurrences",
    "registrations",
    "review_facts",
    "rosters",
    "sales_actions",
    "salespeople",
    "sanction_histories",
    "scorecard_facts",
    "screening_facts",
    "service_policies",
    "visit_requests",
    "year_end_decisions",
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


def _draw_policy(draw: st.DrawFn, cls: type, base: Any = None) -> Any:
    """A ``cls`` near ``base`` (an instance: a nested table's default as its holder declares
    it, so a record without defaults of its own — a workflow table — is drawn too), or near the
    class's own defaults."""
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(cls):
        meta: Setting | None = field.metadata.get("customer_rules")
        if meta is None or not field.init:
            continue
        default = field.default if base is None else getattr(base, field.name)
        if isinstance(default, WorkflowTable):
            # a transition table is data the chapter checks as a whole (which steps exist and
            # who signs them): drawn tables would almost all be refused, so it stays as declared
            kwargs[field.name] = default
        elif is_policy(type(default)):
            kwargs[field.name] = _draw_policy(draw, type(default), default)
        elif draw(st.booleans()):
            kwargs[field.name] = draw(_near(default, meta))
        elif base is not None:
            kwargs[field.name] = default
    try:
        return cls(**kwargs)
    except PolicyError:
        if base is not None:
            # drawn values a nested table's own checks refuse together: that table stays as
            # declared, so a book of many tables is not refused for one of them
            return base
        from hypothesis import reject

        reject()


def _near(default: Any, meta: Setting | None = None) -> st.SearchStrategy[Any]:
    import enum

    if isinstance(default, bool):
        return st.booleans()
    if isinstance(default, int):
        low = max(0 if meta is None or meta.low is None else int(meta.low), default - 3)
        high = default + 3 if meta is None or meta.high is None else int(meta.high)
        return st.integers(min_value=low, max_value=max(low, min(high, default + 3)))
    if isinstance(default, Decimal):
        step = max(abs(default) / 10, Decimal(1))
        floor = Decimal(0) if meta is None or meta.low is None else Decimal(meta.low)
        return (
            st.integers(min_value=-3, max_value=3)
            .map(lambda k: default + k * step)
            .map(lambda v: v if v >= floor else floor)
        )
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


def credit_terms() -> st.SearchStrategy[Any]:
    """C1/C2: credit terms — a limit (or none, for the group's or the company's), a term of up to
    180 days and one to three credit forms."""
    from customer_rules.credit import CreditForm, CreditTerms

    return st.builds(
        CreditTerms,
        st.none() | amounts(0, 2_000_000),
        st.integers(min_value=0, max_value=180),
        st.lists(st.sampled_from(list(CreditForm)), min_size=1, max_size=3, unique=True).map(tuple),
        st.none() | st.sampled_from(["A", "B", "C"]),
    )


_ORDER_IDS = tuple(f"SO-{i}" for i in range(1, 9))


def credit_orders(customer: str = "C001") -> st.SearchStrategy[Any]:
    """C2: orders of ``customer`` on credit, in CNY, with ids from a small set (so that a
    sequence re-submits some), amounts up to 500,000, and the customer's term and form or others.

    Raises:
        InputError: for a blank ``customer``.
    """
    from customer_rules.credit import CreditForm, Order

    if not isinstance(customer, str) or not customer.strip():
        raise InputError("customer", customer, "a customer id")
    return st.builds(
        Order,
        st.sampled_from(_ORDER_IDS),
        st.just(customer),
        amounts(0, 500_000),
        st.none() | st.integers(min_value=0, max_value=180),
        st.none() | st.sampled_from(list(CreditForm)),
    )


_CREDIT_FIRST = dt.date(2026, 1, 1)
_CREDIT_LAST = dt.date(2027, 6, 30)


@st.composite
def _credit_receivable(draw: st.DrawFn, customer: str, index: int) -> Any:
    from customer_rules.credit import Receivable

    amount = draw(amounts(0, 400_000))
    paid = draw(st.sampled_from([Decimal(0), amount]) | amounts(0, amount))
    return Receivable(
        f"INV-{index}", customer, amount, draw(days(_CREDIT_FIRST, _CREDIT_LAST)), paid=paid
    )


@st.composite
def _credit_raise(draw: st.DrawFn, customer: str) -> Any:
    from customer_rules.credit import CREDIT_RAISE, TemporaryRaise

    start = draw(days(_CREDIT_FIRST, _CREDIT_LAST))
    approval = Approval(
        draw(st.sampled_from(["赵总", "李副总"])),
        draw(st.sampled_from([Role.GENERAL_MANAGER, Role.VP_IN_CHARGE])),
        CREDIT_RAISE,
        start,
        start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=120))),
        subject=draw(st.sampled_from([customer, None, "C999"])),
    )
    return TemporaryRaise(draw(amounts(0, 300_000)), approval)


@st.composite
def _credit_position(draw: st.DrawFn, customer: str) -> Any:
    from customer_rules.credit import CreditPosition, Order

    count = draw(st.integers(min_value=0, max_value=4))
    receivables = [draw(_credit_receivable(customer, i)) for i in range(count)]
    ids = draw(st.lists(st.sampled_from(_ORDER_IDS), max_size=3, unique=True))
    unshipped = [Order(i, customer, draw(amounts(0, 300_000))) for i in ids]
    return CreditPosition(
        customer,
        None if draw(st.integers(min_value=0, max_value=9)) == 0 else draw(credit_terms()),
        draw(st.none() | st.just("华东经销商")),
        receivables,
        unshipped,
        draw(st.lists(_credit_raise(customer), max_size=2)),
    )


def credit_positions(customer: str = "C001") -> st.SearchStrategy[Any]:
    """C2: a customer's position — its terms (one in ten without: not rated), group,
    receivables due in 2026–2027 (some partly or wholly paid), signed unshipped orders with ids
    :func:`credit_orders` also draws, and temporary raises (valid or not).

    Raises:
        InputError: for a blank ``customer``.
    """
    if not isinstance(customer, str) or not customer.strip():
        raise InputError("customer", customer, "a customer id")
    return _credit_position(customer)


def credit_policies() -> st.SearchStrategy[Any]:
    """C2/C3: credit policies with the order and shipment settings drawn — include flags,
    sub-limits, the zero-limit reading, the past-due block, a group and a default limit, the
    reactions of each check point — and the other tables at the seed."""
    from customer_rules.credit import (
        CheckReaction,
        ComponentPolicy,
        CreditPolicy,
        GroupLimit,
        OrderPolicy,
        ShipmentPolicy,
        ShipmentReaction,
        ZeroLimitReading,
    )

    component = st.builds(ComponentPolicy, st.booleans(), st.none() | amounts(0, 800_000))
    orders = st.builds(
        OrderPolicy,
        default_limit=st.none() | amounts(0, 1_000_000),
        group_limits=st.sampled_from([(), (GroupLimit("华东经销商", Decimal(300_000)),)]),
        zero_limit=st.sampled_from(list(ZeroLimitReading)),
        check_term=st.booleans(),
        check_form=st.booleans(),
        block_past_due=st.booleans(),
        past_due_tolerance=amounts(0, 50_000),
        open_not_due=component,
        past_due=component,
        unshipped=component,
        this_order=component,
        confirmation_reaction=st.sampled_from(list(CheckReaction)),
        invoice_reaction=st.sampled_from(list(CheckReaction)),
    )
    shipment = st.builds(
        ShipmentPolicy,
        reaction=st.sampled_from(list(ShipmentReaction)),
        grace_days=st.integers(min_value=0, max_value=30),
        tolerance=amounts(0, 1_000),
    )
    return st.builds(CreditPolicy, orders=orders, shipment=shipment)


def rating_facts(customer: str = "C001") -> st.SearchStrategy[Any]:
    """C1: investigation facts over the whole range of every condition (sources and records any
    subset; a bank or lawyer's finding only with its source).

    Raises:
        InputError: for a blank ``customer``.
    """
    from customer_rules.credit import CreditRecord, InformationSource

    if not isinstance(customer, str) or not customer.strip():
        raise InputError("customer", customer, "a customer id")

    @st.composite
    def draw_facts(draw: st.DrawFn) -> Any:
        from customer_rules.credit import RatingFacts

        sources = draw(st.frozensets(st.sampled_from(list(InformationSource))))
        bank = draw(st.none() | st.booleans()) if InformationSource.BANK_REPORT in sources else None
        suits = None
        if InformationSource.LAWYER_EVIDENCE in sources:
            suits = draw(st.none() | st.integers(min_value=0, max_value=5))
        return RatingFacts(
            customer,
            sources,
            draw(st.frozensets(st.sampled_from(list(CreditRecord)))),
            draw(st.integers(min_value=0, max_value=30)),
            draw(amounts(0, 20_000_000)),
            bank,
            suits,
            draw(st.none() | st.integers(min_value=0, max_value=120)),
        )

    return draw_facts()


def receivables(customers: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Receivable]:
    """C4/C5: receivables in CNY of every age: amounts to the fen up to 100 million yuan, unpaid,
    part paid or paid in full, due from 2001 to 2098, shipped up to a year before the due date
    or on an unknown day.

    Args:
        customers: the customer ids to draw from (default: ``C1`` to ``C5``).

    Raises:
        InputError: for ``customers`` that is not a strategy.
    """
    _strategy_or_none(customers, "customers")
    return st.builds(
        _receivable,
        st.from_regex(r"AR-[0-9]{1,6}", fullmatch=True),
        customers if customers is not None else st.sampled_from([f"C{i}" for i in range(1, 6)]),
        amounts(0, 100_000_000),
        st.integers(0, 100),
        days(dt.date(2001, 1, 1), dt.date(2098, 12, 31)),
        st.none() | st.integers(0, 366),
    )


def _receivable(
    id: str, customer: str, amount: Decimal, paid_pct: int, due: dt.date, lead: int | None
) -> Receivable:
    paid = (amount * paid_pct / 100).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    issued = None if lead is None else due - dt.timedelta(days=lead)
    return Receivable(id, customer, amount, due, issued=issued, paid=paid)


def aging_policies() -> st.SearchStrategy[AgingPolicy]:
    """C4: aging policies with one to seven buckets that partition the days past due (the
    first open below, the last open above), a grace period and, or not, a write-off age."""
    return st.builds(
        _aging_policy,
        st.lists(st.integers(-60, 720), min_size=0, max_size=6, unique=True),
        st.integers(0, 60),
        st.none() | st.integers(1, 2000),
    )


def _aging_policy(highs: list[int], grace: int, write_off: int | None) -> AgingPolicy:
    bounds = sorted(highs)
    lows: list[int | None] = [None, *(h + 1 for h in bounds)]
    tops: list[int | None] = [*bounds, None]
    buckets = [
        AgingBucket(f"b{i}", f"账龄段{i}", f"bucket {i}", low, high)
        for i, (low, high) in enumerate(zip(lows, tops, strict=True))
    ]
    if write_off is not None:
        write_off += grace
    return AgingPolicy(buckets=tuple(buckets), grace_days=grace, write_off_days=write_off)


def collection_policies() -> st.SearchStrategy[CollectionPolicy]:
    """C5: collection policies with the office's three steps in order before the due date, the
    legal prompt after it, and a tolerance from 0 to 100 yuan."""
    return st.builds(
        _collection_policy,
        st.lists(st.integers(0, 60), min_size=3, max_size=3, unique=True),
        st.integers(1, 366),
        amounts(0, 100),
    )


def _collection_policy(before: list[int], legal: int, tolerance: Decimal) -> CollectionPolicy:
    phone, letter, visit = sorted(before, reverse=True)
    return CollectionPolicy(
        phone_days_before=phone,
        letter_days_before=letter,
        visit_days_before=visit,
        legal_prompt_days=legal,
        tolerance=tolerance,
    )


def payment_promises(receivable: str, on: dt.date) -> st.SearchStrategy[PaymentPromise]:
    """C5: payment promises on ``receivable``, made up to 60 days before ``on`` and running up
    to 90 days from when they were made.

    Raises:
        InputError: for a blank ``receivable`` or an ``on`` that is not a date in range.
    """
    if not isinstance(receivable, str) or not receivable.strip():
        raise InputError("receivable", receivable, "a receivable id")
    day = require_date(on, "on")
    made = st.integers(0, 60).map(lambda n: max(day - dt.timedelta(days=n), _EARLIEST_PROMISE))
    return st.builds(
        lambda who, start, length: PaymentPromise(
            receivable, who, start, min(start + dt.timedelta(days=length), _LATEST_PROMISE)
        ),
        st.sampled_from(["王总", "李会计", "Zhang"]),
        made,
        st.integers(0, 90),
    )


_EARLIEST_PROMISE = dt.date(1900, 1, 1)
_LATEST_PROMISE = dt.date(2999, 12, 30)


def recurrences() -> st.SearchStrategy[Any]:
    """Valid recurrences of both bases: a calendar one (any months, any day, any deadline of up
    to 20 days in any mode) or every 1–24 months from the last."""
    from customer_rules.calendars import Deadline, DeadlineMode
    from customer_rules.recurrence import Recurrence, RecurrenceBasis

    deadline = st.builds(
        Deadline,
        st.integers(min_value=0, max_value=20),
        st.sampled_from(list(DeadlineMode)),
        st.booleans(),
    )
    months = st.sets(st.integers(min_value=1, max_value=12), min_size=1).map(sorted).map(tuple)
    calendar = st.builds(
        Recurrence,
        st.just(RecurrenceBasis.CALENDAR),
        months,
        st.integers(min_value=1, max_value=31),
        deadline=deadline,
    )
    from_last = st.builds(
        Recurrence,
        st.just(RecurrenceBasis.FROM_LAST),
        interval=st.integers(min_value=1, max_value=24),
        deadline=deadline,
    )
    return calendar | from_last


_REVIEW_GRADES = ("A", "B", "C")


@st.composite
def _standing(draw: st.DrawFn) -> Any:
    from customer_rules.credit import CreditStanding

    grade = draw(st.none() | st.sampled_from(_REVIEW_GRADES))
    limit = Decimal(0) if grade is None else draw(amounts(0, 2_000_000))
    return CreditStanding(grade, limit)


def review_facts(customer: str = "C001") -> st.SearchStrategy[Any]:
    """C7: review forms of ``customer``: a last review in 2020–2026, a current and a proposed
    standing (a grade with a limit up to 2,000,000, or no credit) and a few grounds.

    Raises:
        InputError: for a blank ``customer``.
    """
    from customer_rules.credit import ReviewFacts

    if not isinstance(customer, str) or not customer.strip():
        raise InputError("customer", customer, "a customer id")
    return st.builds(
        ReviewFacts,
        st.just(customer),
        days(),
        _standing(),
        _standing(),
        st.lists(st.sampled_from(["按期付款", "交易额增长", "新信用政策", "逾期记录"]), max_size=2),
    )


def screening_facts() -> st.SearchStrategy[Any]:
    """C9: evaluations with any outcome of each assessment."""
    from customer_rules.credit import RiskLevel, ScreeningFacts

    return st.builds(
        ScreeningFacts,
        st.sampled_from(["C001", "C042", "C107"]),
        st.booleans(),
        st.booleans(),
        st.sampled_from(list(RiskLevel)),
    )


@st.composite
def _monthly_report(draw: st.DrawFn) -> Any:
    from customer_rules.credit import Dealing, MonthlyReport

    month = draw(days(max_value=dt.date(2026, 11, 30))).replace(day=1)
    reported = month + dt.timedelta(days=draw(st.integers(min_value=0, max_value=70)))
    dealing = st.builds(
        Dealing,
        st.sampled_from(["C001", "C042", "C107"]),
        days(month - dt.timedelta(days=10), month + dt.timedelta(days=40)),
        st.sampled_from(["报价", "回款沟通", "实地拜访"]),
        st.sampled_from(["陈小明", "李华"]),
    )
    return MonthlyReport(
        draw(st.sampled_from(["华东办事处", "华北办事处"])),
        month,
        reported,
        draw(st.lists(dealing, max_size=6)),
    )


def monthly_reports() -> st.SearchStrategy[Any]:
    """C8: offices' monthly reports of 2020–2026, reported up to 70 days after the month
    starts, with dealings inside the month and a few around it."""
    return _monthly_report()


def year_end_decisions() -> st.SearchStrategy[Any]:
    """C8: year-end decisions of 2020–2026, decided from 1 December to 31 January, changing
    any of the four matters."""
    from customer_rules.credit import PolicyMatter, YearEndDecision

    return st.integers(min_value=2020, max_value=2026).flatmap(
        lambda year: st.builds(
            YearEndDecision,
            st.just(year),
            days(dt.date(year, 12, 1), dt.date(year + 1, 1, 31)),
            st.frozensets(st.sampled_from(list(PolicyMatter))),
        )
    )


def finance_surveys() -> st.SearchStrategy[Any]:
    """C10: surveys of 2020–2026 with up to three changes."""
    from customer_rules.credit import FinanceSurvey, PartnerChange

    change = st.builds(
        PartnerChange,
        st.sampled_from(["C001", "C042"]),
        st.sampled_from(["地址", "法定代表人", "信用状况"]),
        st.none() | st.sampled_from(["上海", "王", "良好"]),
        st.sampled_from(["苏州", "李", "一般"]),
    )
    return st.builds(FinanceSurvey, days(), st.lists(change, max_size=3))


# --------------------------------------------------------------------------- allocation (A1–A17)


_LEDGER_FROM = dt.datetime(2026, 1, 1)


def _person_id(person: object) -> str:
    if not isinstance(person, str) or not person.strip():
        raise InputError("person", person, "a person's id (a non-blank string)")
    return person


def sanction_histories(person: str = "P1", max_size: int = 30) -> st.SearchStrategy[list[Any]]:
    """One person's A3–A5 history (:func:`customer_rules.allocation.sanctions`): misjudgments
    (often clustered, so that levels are reached), punished violations (now and then serious),
    missed ten-minute reports, allocation runs passed over and leads given, all in 2026
    (Asia/Shanghai), in no particular order.

    Raises:
        InputError: for a blank ``person``, a ``max_size`` that is not 0–500.
    """
    from customer_rules.allocation import (
        LeadGiven,
        Misjudgment,
        MissedReport,
        PassedOver,
        Violation,
    )
    from customer_rules.dates import SHANGHAI

    who = _person_id(person)
    if type(max_size) is not int or not 0 <= max_size <= 500:
        raise InputError("max_size", max_size, "a whole number from 0 to 500")

    @st.composite
    def draw(data: st.DrawFn) -> list[Any]:
        start = data(
            st.datetimes(
                min_value=_LEDGER_FROM,
                max_value=_LEDGER_FROM + dt.timedelta(days=240),
                timezones=st.just(SHANGHAI),
            )
        )
        span = data(st.sampled_from([10, 45, 100]))
        moment = st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=span)).map(
            lambda d: start + d
        )
        event = st.one_of(
            st.builds(Misjudgment, st.just(who), moment),
            st.builds(Misjudgment, st.just(who), moment),
            st.builds(
                Violation, st.just(who), moment, serious=st.sampled_from([False, False, True])
            ),
            st.builds(MissedReport, st.just(who), moment, st.sampled_from(["", "L1", "L2"])),
            st.builds(PassedOver, st.just(who), moment),
            st.builds(LeadGiven, st.just(who), moment, st.just("L9")),
        )
        return data(st.lists(event, max_size=max_size))

    return draw()


def lead_handlings() -> st.SearchStrategy[Any]:
    """A5 facts: a lead given at any moment of 2026 (in or out of business hours, Asia/Shanghai
    or UTC), reported, contacted and entered in EC and the call register within an hour — or
    not at all.
    """
    from customer_rules.allocation import LeadHandling
    from customer_rules.dates import SHANGHAI

    @st.composite
    def draw(data: st.DrawFn) -> Any:
        given = data(
            st.datetimes(
                min_value=_LEDGER_FROM,
                max_value=dt.datetime(2026, 12, 31),
                timezones=st.sampled_from([SHANGHAI, dt.UTC]),
            )
        )
        later = st.one_of(
            st.none(),
            st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(hours=1)).map(
                lambda d: given + d
            ),
        )
        return LeadHandling(
            data(st.sampled_from(["L1", "L2", "L3"])),
            data(st.sampled_from(["S1", "S2"])),
            given,
            reported_at=data(later),
            contacted_at=data(later),
            ec_at=data(later),
            register_at=data(later),
        )

    return draw()


def fine_incidents(people: tuple[str, ...] = ("S1", "S2", "S3")) -> st.SearchStrategy[Any]:
    """A6 incidents of the seed's offences by one of ``people``, at any moment of 2026, one to
    five occurrences each.

    Raises:
        InputError: for ``people`` that are not a non-empty list of ids.
    """
    from customer_rules.allocation import FineOffence, Incident
    from customer_rules.dates import SHANGHAI

    if isinstance(people, str | bytes) or not isinstance(people, tuple | list) or not people:
        raise InputError("people", people, "a non-empty list of ids")
    ids = tuple(_person_id(p) for p in people)
    return st.builds(
        Incident,
        st.sampled_from(ids),
        st.datetimes(
            min_value=_LEDGER_FROM,
            max_value=dt.datetime(2026, 12, 31),
            timezones=st.just(SHANGHAI),
        ),
        st.sampled_from([o.value for o in FineOffence]),
        count=st.integers(min_value=1, max_value=5),
    )


_COMPANIES = (
    ("北京华远科技有限公司", "北京 华远科技（有限公司）", "上海华远科技股份有限公司"),
    ("华东重工集团有限公司", "华东重工(集团)有限公司", "江苏华东重工有限公司"),
    ("Alibaba (China) Co., Ltd.", "ALIBABA CO LTD", "深圳Alibaba"),
    ("小米科技（北京）有限公司", "小米科技有限公司", "小米科技（上海）有限公司"),
)
_PHONES = ("010-6552 9988", "+86 10 65529988", "(010)65529988转801", "138 1234 5678", "", "")
_PEOPLE = ("S1", "S2", "S3")
_YEAR_START = dt.datetime(2026, 1, 1)


def prospects() -> st.SearchStrategy[Any]:
    """A7 registration forms (:class:`~customer_rules.allocation.Prospect`): a few companies,
    each written several ways (full- and half-width, brackets, suffixes, another city), phones
    in several forms, by one of three salespeople, first contacted at a moment of 2026 in
    Asia/Shanghai or UTC."""
    from customer_rules.allocation import Prospect
    from customer_rules.dates import SHANGHAI

    return st.builds(
        Prospect,
        st.sampled_from(_PEOPLE),
        st.sampled_from([name for names in _COMPANIES for name in names]),
        st.datetimes(
            min_value=_YEAR_START,
            max_value=dt.datetime(2026, 12, 1),
            timezones=st.sampled_from([SHANGHAI, dt.UTC]),
        ),
        phone=st.sampled_from(_PHONES),
        expected_price=st.one_of(st.none(), amounts(max_value=10_000_000)),
    )


def registrations() -> st.SearchStrategy[Any]:
    """A7 registrations on record: a :func:`prospects` form registered up to two days after
    its first contact."""
    from customer_rules.allocation import Registration

    return prospects().flatmap(
        lambda p: st.builds(
            Registration,
            st.just(p),
            st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(hours=48)).map(
                lambda d: p.first_contact_at + d
            ),
        )
    )


def holdings(on: dt.date = dt.date(2026, 12, 31)) -> st.SearchStrategy[Any]:
    """A8–A10 holdings (:class:`~customer_rules.allocation.Holding`) whose dates are all on or
    before ``on``: held or in the pool, registered, declared, with or without sales actions and
    deals, graded or typed, now and then locked.

    Raises:
        InputError: naming ``on`` unless it is a date from 2021-01-01 to 2999-12-31.
    """
    from customer_rules.allocation import Holding
    from customer_rules.grading import DealSizeType, Grade

    last = require_date(on, "on")
    if last < dt.date(2021, 1, 1):
        raise InputError("on", on, "a date from 2021-01-01 to 2999-12-31")
    first_day = last - dt.timedelta(days=700)

    @st.composite
    def draw(data: st.DrawFn) -> Any:
        day = st.dates(min_value=first_day, max_value=last)
        held = data(st.booleans())
        received = data(day)
        after = st.dates(min_value=received, max_value=last)
        actions = sorted(data(st.lists(after, max_size=2)))
        maybe = st.one_of(st.none(), day)
        return Holding(
            data(st.sampled_from(["C1", "C2", "C3", "C4"])),
            data(st.sampled_from(_PEOPLE)) if held else None,
            received if held or data(st.booleans()) else None,
            version=data(st.integers(min_value=0, max_value=20)),
            registered=data(maybe),
            applied=data(maybe),
            declared=data(maybe),
            declared_in_report=data(maybe),
            grade=data(st.one_of(st.none(), st.sampled_from(list(Grade)))),
            lead_type=data(st.one_of(st.none(), st.sampled_from(list(DealSizeType)))),
            locked=data(st.booleans()),
            first_action=actions[0] if actions else None,
            last_action=actions[-1] if actions else None,
            signed=data(maybe),
            last_deal=data(maybe),
            pool_entered=None if held else data(maybe),
            previous_holder=None if held else data(st.one_of(st.none(), st.sampled_from(_PEOPLE))),
        )

    return draw()


def sales_actions() -> st.SearchStrategy[Any]:
    """Sales actions (:class:`~customer_rules.allocation.SalesAction`) on the customers of
    :func:`holdings` (C1–C4), in 2025–2026, by the holder or someone else."""
    from customer_rules.allocation import ActionKind, SalesAction

    return st.builds(
        SalesAction,
        st.sampled_from(["C1", "C2", "C3", "C4"]),
        st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 12, 31)),
        st.sampled_from(list(ActionKind)),
        st.one_of(st.none(), st.sampled_from(_PEOPLE)),
    )


def deals() -> st.SearchStrategy[Any]:
    """A11–A12 deals (:class:`~customer_rules.allocation.Deal`) in 2026: every source, the
    customer assigned to the salesperson or to someone else, reported to the director before,
    after or never."""
    from customer_rules.allocation import Deal, DealSource

    @st.composite
    def draw(data: st.DrawFn) -> Any:
        signed = data(st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 12, 31)))
        return Deal(
            data(st.sampled_from(["D1", "D2"])),
            data(st.sampled_from(["C1", "C2"])),
            data(st.sampled_from(_PEOPLE)),
            signed,
            data(amounts(max_value=10_000_000)),
            data(st.sampled_from(list(DealSource))),
            holder=data(st.one_of(st.none(), st.sampled_from(_PEOPLE))),
            reported_on=data(
                st.one_of(
                    st.none(),
                    st.dates(min_value=dt.date(2025, 6, 1), max_value=dt.date(2026, 12, 31)),
                )
            ),
        )

    return draw()


_ALLOCATION_AT = dt.datetime(2026, 11, 30, 9, 0)
_LEVEL_NAMES = ("1", "2", "3")


def _level_names(levels: object) -> tuple[str, ...]:
    if isinstance(levels, str | bytes) or not isinstance(levels, tuple | list):
        raise InputError("levels", levels, "a list of level names")
    if not levels or not all(isinstance(n, str) and n.strip() for n in levels):
        raise InputError("levels", levels, "at least one non-blank level name")
    return tuple(levels)


def salespeople(levels: tuple[str, ...] = _LEVEL_NAMES) -> st.SearchStrategy[Any]:
    """People on an allocation roster (A13): ids of a few letters, one of ``levels`` (or now
    and then a level outside them), one of three teams and managers, any status.

    Raises:
        InputError: for ``levels`` that are not a non-empty list of level names.
    """
    from customer_rules.allocation import PersonStatus, Salesperson

    names = _level_names(levels)
    return st.builds(
        Salesperson,
        id=st.text(alphabet="SKP0123456789", min_size=1, max_size=4),
        name=st.sampled_from(["", "王强", "李娜", "Chen"]),
        level=st.one_of(st.sampled_from(names), st.just("9")),
        team=st.sampled_from(["", "华东", "华南", "华北"]),
        manager=st.sampled_from(["", "M1", "M2", "M3"]),
        status=st.sampled_from(list(PersonStatus)),
    )


def rosters(
    levels: tuple[str, ...] = _LEVEL_NAMES, max_size: int = 12
) -> st.SearchStrategy[list[Any]]:
    """Rosters: lists of :func:`salespeople` with unique ids, up to ``max_size`` people.

    Raises:
        InputError: for ``levels`` as :func:`salespeople`, a ``max_size`` that is not 0–1000.
    """
    if type(max_size) is not int or not 0 <= max_size <= 1000:
        raise InputError("max_size", max_size, "a whole number from 0 to 1000")
    return st.lists(salespeople(levels), max_size=max_size, unique_by=lambda p: p.id)


def lead_batches(max_size: int = 40) -> st.SearchStrategy[list[Any]]:
    """Batches of typed leads (A13) with unique ids, each received in the 30 days up to
    2026-11-30 09:00 Asia/Shanghai (allocate them ``at`` that moment or later), with
    contributions and potentials of up to ten million yuan, many of them equal.

    Raises:
        InputError: for a ``max_size`` that is not 0–10000.
    """
    from customer_rules.allocation import Lead
    from customer_rules.dates import SHANGHAI
    from customer_rules.grading import DealSizeType

    if type(max_size) is not int or not 0 <= max_size <= 10_000:
        raise InputError("max_size", max_size, "a whole number from 0 to 10000")
    money = st.one_of(st.sampled_from([Decimal(0), Decimal(100_000)]), amounts(0, 10_000_000))
    lead = st.builds(
        Lead,
        id=st.text(alphabet="L0123456789", min_size=1, max_size=5),
        type=st.sampled_from(list(DealSizeType)),
        received_at=st.datetimes(
            min_value=_ALLOCATION_AT - dt.timedelta(days=30),
            max_value=_ALLOCATION_AT,
            timezones=st.just(SHANGHAI),
        ),
        contribution=money,
        potential=money,
    )
    return st.lists(lead, max_size=max_size, unique_by=lambda item: item.id)


def allocator_policies(levels: tuple[str, ...] = _LEVEL_NAMES) -> st.SearchStrategy[Any]:
    """A13 allocator policies: a table of some of ``levels`` (in any order), each taking any
    set of lead types (perhaps none) with a quota of 0 (none) to 4, and every reading drawn.

    Raises:
        InputError: for ``levels`` as :func:`salespeople`.
    """
    from customer_rules.allocation import (
        AllocatorPolicy,
        LeadPriority,
        QuotaPeriod,
        SalesLevel,
    )
    from customer_rules.grading import DealSizeType

    names = _level_names(levels)
    types = st.frozensets(st.sampled_from(list(DealSizeType)))
    quotas = st.integers(min_value=0, max_value=4)

    @st.composite
    def draw(data: st.DrawFn) -> Any:
        chosen = data(st.lists(st.sampled_from(names), min_size=1, unique=True))
        rows = tuple(
            SalesLevel(name=name, types=data(types), quota=data(quotas)) for name in chosen
        )
        return AllocatorPolicy(
            levels=rows,
            priority=data(st.sampled_from(list(LeadPriority))),
            disperse=data(st.booleans()),
            rotation=data(st.booleans()),
            quota_period=data(st.sampled_from(list(QuotaPeriod))),
        )

    return draw()


def held_customers() -> st.SearchStrategy[Any]:
    """Customers a departing person holds (A14): any type, amounts, contacts among a few ids,
    important and new or not.
    """
    from customer_rules.allocation import HeldCustomer
    from customer_rules.grading import DealSizeType

    return st.builds(
        HeldCustomer,
        id=st.text(alphabet="C0123456789", min_size=1, max_size=5),
        type=st.sampled_from(list(DealSizeType)),
        contribution=amounts(0, 10_000_000),
        potential=amounts(0, 10_000_000),
        contacts=st.lists(st.sampled_from(["S1", "S2", "S3", "K9"]), max_size=3),
        important=st.booleans(),
        new=st.booleans(),
    )


# --------------------------------------------------------------------------- archives (R1–R12)

_ARCHIVE_NAMES = ("陈小明", "王芳", "李强")
_ARCHIVE_FILES = ("F-1", "F-2")
_ARCHIVE_PURPOSES = ("回访", "信用审查", "售后维修")
_ACCESS_TARGETS = (
    "own",
    "keeper",
    "record",
    "ledger",
    "credit",
    "lend",
    "copy",
    "outside",
    "departed",
    "no_purpose",
    "third_party",
    "consent",
    "random",
)
_ACCESS_MUTATIONS = (
    "role",
    "subject",
    "unbound",
    "purpose",
    "what",
    "early",
    "expired",
    "last_day",
    "drop",
    "owner",
    "status",
    "no_purpose",
    "kind",
    "action",
    "personal",
    "consent_expired",
    "consent_purpose",
)


def archive_principals() -> st.SearchStrategy[Any]:
    """People asking for access to archives (R9): a few names, any role, mostly in post."""
    from customer_rules.archives import EmployeeStatus, Principal

    return st.builds(
        Principal,
        st.sampled_from(_ARCHIVE_NAMES),
        st.sampled_from(list(Role)),
        st.none() | st.sampled_from(["销售一部", "销售二部", "内勤部"]),
        st.sampled_from([EmployeeStatus.ACTIVE] * 4 + list(EmployeeStatus)),
    )


def customer_files() -> st.SearchStrategy[Any]:
    """Customer files of every kind (R1, R9, R11): an owner or none, personal data or not, a
    few consents, a completion receipt and a formalisation on or after it, or neither."""
    from customer_rules.archives import Consent, CustomerFile, FileKind

    consent = st.builds(
        lambda purpose, on, days: Consent(
            purpose, on, None if days is None else on + dt.timedelta(days=days)
        ),
        st.sampled_from(_ARCHIVE_PURPOSES),
        days(),
        st.none() | st.integers(0, 400),
    )

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        received = draw(st.none() | days())
        formalised = None
        if received is not None and draw(st.booleans()):
            formalised = received + dt.timedelta(days=draw(st.integers(0, 20)))
        return CustomerFile(
            draw(st.text(alphabet="RF-0123456789", min_size=1, max_size=6)),
            draw(st.none() | st.sampled_from(["华东机电", "北方重工"])),
            draw(st.sampled_from(list(FileKind))),
            draw(st.none() | st.sampled_from(_ARCHIVE_NAMES)),
            draw(st.none() | st.sampled_from(["销售一部", "销售二部"])),
            draw(st.booleans()),
            tuple(draw(st.lists(consent, max_size=3))),
            received,
            formalised,
        )

    return build()


_LOAN_IDS = st.text(alphabet="L-0123456789", min_size=1, max_size=8)
_LOAN_FILES = st.sampled_from(["R-1", "R-2", "R-3"])
_LOAN_PEOPLE = st.sampled_from(_ARCHIVE_NAMES)
_LOAN_DAYS = st.dates(min_value=_FIRST_DAY, max_value=_LAST_DAY)
_LOAN_PLACES = st.none() | st.sampled_from(["技术部", "客户现场"])
_LOAN_PURPOSES = st.none() | st.sampled_from(_ARCHIVE_PURPOSES)
_LOAN_REGISTRATIONS = st.none() | st.sampled_from(["G-1", "G-2"])


def archive_loans(
    policy: Any = None, ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Any]:
    """Loans of originals and copies (R3–R5) in any state of their table (``policy``: an
    ``ArchivesPolicy``, the seed by default).

    Raises:
        InputError: for ``ids`` that is not a strategy, or a ``policy`` that is not an
            ArchivesPolicy.
    """
    from customer_rules.archives import ArchivesPolicy, Loan, LoanItem

    _strategy_or_none(ids, "ids")
    book = ArchivesPolicy() if policy is None else policy
    if not isinstance(book, ArchivesPolicy):
        raise InputError("policy", policy, "an ArchivesPolicy or None")
    states = {
        LoanItem.ORIGINAL: st.sampled_from([s.name for s in book.loans.originals.states]),
        LoanItem.COPY: st.sampled_from([s.name for s in book.loans.copies.states]),
    }
    loan_ids = ids if ids is not None else _LOAN_IDS
    items = st.sampled_from(list(LoanItem))

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        item = draw(items)
        return Loan(
            draw(loan_ids),
            draw(_LOAN_FILES),
            item,
            draw(_LOAN_PEOPLE),
            draw(_LOAN_DAYS),
            draw(states[item]),
            draw(_LOAN_PLACES),
            draw(_LOAN_PURPOSES),
            draw(st.booleans()),
            draw(_LOAN_REGISTRATIONS),
        )

    return build()


def access_requests(
    policy: Any = None, *, seeded: bool = False
) -> st.SearchStrategy[tuple[Any, ...]]:
    """Access questions for :func:`customer_rules.archives.may_access` (R9, R11), drawn so that
    every rule decides a fair share: each draw aims at one rule (a grant, a denial, or nothing
    in particular), builds a case that rule decides — the approvals it needs bound to the file,
    for the purpose, in force — then perturbs it with probability about one half (a wrong role,
    subject, purpose or ``what``, an approval signed the day after or expired the day before,
    or on its last valid day, a dropped approval, another owner, status, kind or action,
    personal data, a lapsed consent). At most four approvals and three consents.

    Each draw is ``(principal, action, file, purpose, approvals, on)``.

    Args:
        policy: the ``ArchivesPolicy`` whose roles the grants use (the seed by default).
        seeded: make every choice of a request from one drawn seed (about a hundred times
            faster, for runs of tens of thousands of requests; shrinking then shrinks only the
            seed) instead of drawing each choice.

    Raises:
        InputError: for a ``policy`` that is not an ArchivesPolicy, ``seeded`` not a bool.
    """
    from customer_rules.archives import ArchivesPolicy

    book = ArchivesPolicy() if policy is None else policy
    if not isinstance(book, ArchivesPolicy):
        raise InputError("policy", policy, "an ArchivesPolicy or None")
    if not isinstance(seeded, bool):
        raise InputError("seeded", seeded, "True or False")
    if seeded:
        return _SEEDS.map(lambda seed: _seeded_request(seed, book))

    def structured(draw: st.DrawFn) -> tuple[Any, ...]:
        return _access_request(lambda items: _pick(draw, items), lambda: draw(_REQUEST_DAYS), book)

    return st.composite(structured)()


_SEEDS = st.integers(0, 2**64 - 1)


def _seeded_request(seed: int, book: Any) -> tuple[Any, ...]:
    import random

    rnd = random.Random(seed)
    return _access_request(
        lambda items: items[rnd.randrange(len(items))],
        lambda: dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(1095)),
        book,
    )


_INDEXES: dict[int, st.SearchStrategy[int]] = {}


def _pick(draw: st.DrawFn, items: Any) -> Any:
    """One of ``items`` (a sequence), drawn through one cached strategy per length: building a
    strategy per draw costs more than the draw."""
    n = len(items)
    index = _INDEXES.get(n)
    if index is None:
        index = _INDEXES[n] = st.integers(0, n - 1)
    return items[draw(index)]


_REQUEST_DAYS = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31))
_SIGNERS = ("董事长", "赵总", "钱经理", "孙科长")
_MUTATION_COUNTS = (0, 0, 0, 1, 1, 2)
_ALL_ROLES = tuple(Role)


_Pick = Any
"""``pick(items)``: one of a sequence."""


def _signed(
    pick: _Pick, what: str, roles: Any, file: str | None, purpose: str | None, day: dt.date
) -> Approval:
    role = pick(sorted(roles, key=lambda r: r.value))
    on = day - dt.timedelta(days=pick(range(31)))
    until = pick((None, *range(31)))
    return Approval(
        pick(_SIGNERS),
        role,
        what,
        on,
        None if until is None else day + dt.timedelta(days=until),
        subject=file,
        purpose=purpose or None,
    )


def _access_request(pick: _Pick, day_of: Any, book: Any) -> tuple[Any, ...]:
    from customer_rules.archives import (
        ARCHIVE_RETRIEVAL,
        ARCHIVE_REVIEW,
        COPY,
        CREDIT_DATA,
        DATABASE,
        LEDGER,
        LEND,
        OUTSIDE,
        RECORDS,
        AccessAction,
        AccessPreset,
        Consent,
        CustomerFile,
        EmployeeStatus,
        FileKind,
        Principal,
    )

    p, lending = book.access, book.loans
    kinds, actions = tuple(FileKind), tuple(AccessAction)
    day = day_of()
    target = pick(_ACCESS_TARGETS)
    file_id = pick(_ARCHIVE_FILES)
    purpose: str | None = pick(_ARCHIVE_PURPOSES)
    who = pick(_ARCHIVE_NAMES)
    owner: str | None = pick([n for n in _ARCHIVE_NAMES if n != who] + [None])
    role = pick(_ALL_ROLES)
    kind = pick(kinds)
    action = pick(actions)
    status = EmployeeStatus.ACTIVE
    personal = pick((False, False, False, True))
    consent_given = True
    needs: list[tuple[str, Any]] = []
    not_archive = [k for k in kinds if k is not FileKind.ARCHIVE]
    viewing = (AccessAction.VIEW, AccessAction.BORROW)
    if target == "own":
        kind, owner = pick(not_archive), who
    elif target == "keeper":
        action = AccessAction.VIEW
        role = pick(sorted(p.keepers(kind), key=lambda r: r.value))
    elif target == "record":
        kind = FileKind.RECORD
        if p.preset is AccessPreset.SALES:
            action, needs = AccessAction.VIEW, [(RECORDS, p.sales_approvers)]
        elif p.preset is AccessPreset.MARKETING:
            action = pick(viewing)
            needs = [
                (ARCHIVE_REVIEW, p.archive_room_reviewers),
                (ARCHIVE_RETRIEVAL, p.archive_room_approvers),
            ]
        else:
            action, needs = AccessAction.VIEW, [(DATABASE, p.service_approvers)]
    elif target == "ledger":
        kind, action = FileKind.LEDGER_CARD, pick(viewing)
        needs = [(LEDGER, p.ledger_approvers)]
    elif target == "credit":
        kind, action = FileKind.CREDIT, pick(viewing)
        needs = [(CREDIT_DATA, p.credit_approvers)]
    elif target == "lend":
        kind, action = FileKind.ARCHIVE, pick(viewing)
        needs = [(LEND, lending.consent_roles)]
    elif target == "copy":
        kind, action, needs = FileKind.ARCHIVE, AccessAction.COPY, [(COPY, lending.copy_roles)]
    elif target == "outside":
        kind, action = FileKind.ARCHIVE, AccessAction.TRANSMIT
        needs = [(COPY, lending.copy_roles), (OUTSIDE, lending.outside_roles)]
    elif target == "departed":
        status = pick((EmployeeStatus.DEPARTING, EmployeeStatus.DEPARTED))
        owner = pick((who, owner))
    elif target == "no_purpose":
        purpose, owner = pick((None, "")), who
    elif target == "third_party":
        action, owner, consent_given = AccessAction.TRANSMIT, who, False
    elif target == "consent":
        personal, owner, consent_given = True, who, False
        kind = pick(not_archive)
    approvals = [_signed(pick, what, roles, file_id, purpose, day) for what, roles in needs]
    whats = (
        RECORDS,
        ARCHIVE_REVIEW,
        ARCHIVE_RETRIEVAL,
        DATABASE,
        LEDGER,
        CREDIT_DATA,
        LEND,
        COPY,
        OUTSIDE,
    )
    for _ in range(pick((0, 1, 2) if target == "random" else (0, 0, 1))):
        approvals.append(
            _signed(
                pick,
                pick(whats),
                _ALL_ROLES,
                pick((file_id, *_ARCHIVE_FILES, None)),
                pick((purpose, *_ARCHIVE_PURPOSES, None)),
                day,
            )
        )
    consents: list[Any] = []
    if consent_given and (personal or action is AccessAction.TRANSMIT or pick((0, 1))):
        until = pick((None, *range(61)))
        since = day - dt.timedelta(days=pick(range(61)))
        consents.append(
            Consent(purpose or "回访", since, None if until is None else day + dt.timedelta(until))
        )
    if pick((0, 1)):
        consents.append(Consent(pick(_ARCHIVE_PURPOSES), day_of(), None))
    for _ in range(pick(_MUTATION_COUNTS)):
        change = pick(_ACCESS_MUTATIONS)
        if (
            change
            in (
                "role",
                "subject",
                "unbound",
                "purpose",
                "what",
                "early",
                "expired",
                "last_day",
                "drop",
            )
            and approvals
        ):
            i = pick(range(len(approvals)))
            a = approvals[i]
            if change == "drop":
                del approvals[i]
                continue
            if change == "role":
                a = attrs.evolve(a, role=pick(_ALL_ROLES))
            elif change == "subject":
                a = attrs.evolve(a, subject=pick(_ARCHIVE_FILES))
            elif change == "unbound":
                a = attrs.evolve(a, subject=None)
            elif change == "purpose":
                a = attrs.evolve(a, purpose=pick((None, *_ARCHIVE_PURPOSES)))
            elif change == "what":
                a = attrs.evolve(a, what=pick(whats))
            elif change == "early":
                a = Approval(
                    a.who,
                    a.role,
                    a.what,
                    day + dt.timedelta(days=1),
                    None,
                    subject=a.subject,
                    purpose=a.purpose,
                )
            elif change == "expired":
                a = Approval(
                    a.who,
                    a.role,
                    a.what,
                    min(a.on, day - dt.timedelta(days=1)),
                    day - dt.timedelta(days=1),
                    subject=a.subject,
                    purpose=a.purpose,
                )
            else:  # last_day: signed on the day and valid until it, both inclusive
                a = Approval(a.who, a.role, a.what, day, day, subject=a.subject, purpose=a.purpose)
            approvals[i] = a
        elif change == "owner":
            owner = pick((who, None, *_ARCHIVE_NAMES))
        elif change == "status":
            status = pick(tuple(EmployeeStatus))
        elif change == "no_purpose":
            purpose = pick((None, ""))
        elif change == "kind":
            kind = pick(kinds)
        elif change == "action":
            action = pick(actions)
        elif change == "personal":
            personal = not personal
        elif change == "consent_expired" and consents:
            c = consents[0]
            consents[0] = Consent(
                c.purpose, min(c.on, day - dt.timedelta(days=1)), day - dt.timedelta(days=1)
            )
        elif change == "consent_purpose" and consents:
            c = consents[0]
            consents[0] = Consent(pick(_ARCHIVE_PURPOSES), c.on, c.until)
    if len(approvals) > 1:
        first = pick(range(len(approvals)))
        approvals = approvals[first:] + approvals[:first]
    approvals = approvals[:4]
    principal = Principal(who, role, None, status)
    file = CustomerFile(file_id, None, kind, owner, None, personal, tuple(consents[:3]))
    return principal, action, file, purpose, tuple(approvals), day


# --------------------------------------------------------------------------- service (S1–S7)


def service_policies() -> st.SearchStrategy[Any]:
    """S1–S7: valid service policies, every setting drawn near its seed value."""
    from customer_rules.service import ServicePolicy

    return policies(ServicePolicy)


_VISIT_HEADS = (Role.GENERAL_MANAGER, Role.VP_IN_CHARGE)


@st.composite
def visit_requests(draw: st.DrawFn) -> Any:
    """S1: visit requests of every class — groups of 1 to 40, a few of the fixed areas, booked 0
    to 10 days ahead in 2026 — holding, or not, an instruction of the general manager or the VP
    (sometimes in another role, for another matter or signed too late) that ticks some areas
    with or without a number of passes, a photography wish and permission, and the employee
    leading the group."""
    from customer_rules.service import (
        PHOTOGRAPHY,
        VISIT_INSTRUCTION,
        AreaPasses,
        VisitArea,
        VisitInstruction,
        VisitorClass,
        VisitRequest,
    )

    visit_on = draw(days(dt.date(2026, 1, 15), dt.date(2026, 12, 31)))
    booked_on = visit_on - dt.timedelta(days=draw(st.integers(0, 10)))
    areas = draw(st.lists(st.sampled_from(list(VisitArea)), min_size=1, max_size=4, unique=True))
    instruction = None
    if draw(st.integers(0, 4)):
        role = draw(st.sampled_from([*_VISIT_HEADS, *_VISIT_HEADS, Role.SALES_MANAGER]))
        what = draw(st.sampled_from([VISIT_INSTRUCTION, VISIT_INSTRUCTION, "S1.other"]))
        signed = visit_on - dt.timedelta(days=draw(st.integers(-1, 6)))
        ticked = draw(
            st.lists(st.sampled_from(list(VisitArea)), max_size=5, unique=True).map(
                lambda xs: tuple(
                    AreaPasses(a, p) for a, p in zip(xs, draw(_passes(len(xs))), strict=True)
                )
            )
        )
        instruction = VisitInstruction(Approval("赵总", role, what, signed), ticked)
    photography = draw(st.booleans())
    permission = None
    if photography and draw(st.booleans()):
        permission = Approval("赵总", draw(st.sampled_from(_VISIT_HEADS)), PHOTOGRAPHY, booked_on)
    return VisitRequest(
        draw(st.sampled_from(["V-01", "V-02", "V-03"])),
        draw(st.sampled_from(["华东重工", "江南精密", "市工信局"])),
        draw(st.sampled_from(list(VisitorClass))),
        draw(st.integers(1, 40)),
        tuple(areas),
        booked_on,
        visit_on,
        photography=photography,
        dignitaries=draw(st.booleans()),
        instruction=instruction,
        photo_permission=permission,
        led_by=draw(st.none() | st.just("张三")),
    )


def _passes(count: int) -> st.SearchStrategy[list[int | None]]:
    return st.lists(st.none() | st.integers(1, 50), min_size=count, max_size=count)


_HOSTS = ("王芳", "李雷", "韩梅")
_GUESTS = ("刘总", "陈总", "吴经理", "周主任")
_CONTENTS = ("工厂参观+午宴", "产品交流会", "年终答谢")


def reception_records(
    min_day: dt.date = dt.date(2025, 1, 1), max_day: dt.date = dt.date(2026, 12, 31)
) -> st.SearchStrategy[Any]:
    """S2: past receptions of a few hosts, guests and contents, amounts up to 20,000 yuan.

    Raises:
        InputError: for bounds that are not dates in order.
    """
    from customer_rules.service import ReceptionRecord

    return st.builds(
        ReceptionRecord,
        days(min_day, max_day),
        st.sampled_from(_HOSTS),
        amounts(0, 20_000),
        st.lists(st.sampled_from(_GUESTS), max_size=3, unique=True).map(tuple),
        st.sampled_from(_CONTENTS),
    )


@st.composite
def reception_applications(draw: st.DrawFn) -> Any:
    """S2: reception applications of 2026 — one to four cost lines up to 10,000 yuan each, any
    execution type, purpose and grade — with both sign-offs, one, none, or one for too small an
    amount."""
    from customer_rules.service import (
        RECEPTION_EXPENSE,
        CostItem,
        ExecutionType,
        ExpenseItem,
        ReceptionApplication,
        ReceptionPurpose,
        VenueGrade,
    )

    day = draw(days(dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    items = draw(
        st.lists(
            st.builds(ExpenseItem, st.sampled_from(list(CostItem)), amounts(0, 10_000)),
            min_size=1,
            max_size=4,
        )
    )
    approvals = []
    for role in (Role.CUSTOMER_SERVICE_MANAGER, Role.FINANCE_MANAGER):
        if draw(st.integers(0, 3)):
            limit = draw(st.none() | st.just(Decimal(100)))
            approvals.append(Approval("经理", role, RECEPTION_EXPENSE, day, max_amount=limit))
    return ReceptionApplication(
        draw(st.sampled_from(["R-1", "R-2"])),
        "华东重工",
        draw(st.sampled_from(_HOSTS)),
        day,
        draw(st.sampled_from(list(ExecutionType))),
        tuple(items),
        draw(st.sampled_from(list(ReceptionPurpose))),
        draw(st.sampled_from(list(VenueGrade))),
        guests=tuple(draw(st.lists(st.sampled_from(_GUESTS), max_size=3, unique=True))),
        content=draw(st.sampled_from(_CONTENTS)),
        approvals=tuple(approvals),
        important=draw(st.booleans()),
        card_on_file=draw(st.booleans()),
    )


@st.composite
def churn_facts(draw: st.DrawFn, on: dt.date = dt.date(2026, 11, 30)) -> Any:
    """S5: customer figures as of ``on`` — a last order up to 400 days before (or none), sales of
    this period, a year earlier and the previous period up to 2,000,000 yuan (or unknown), up to
    five open complaints, and sometimes a churn with its follow-ups.

    Raises:
        InputError: for an ``on`` that is not a date from 2001 on.
    """
    from customer_rules.service import ChurnFacts

    day = require_date(on, "on")
    if day < dt.date(2001, 1, 1):
        raise InputError("on", on, "a date from 2001-01-01")
    money = st.none() | amounts(0, 2_000_000)
    churned = draw(st.none() | days(day - dt.timedelta(days=400), day))
    follow_up = None
    if churned is not None and draw(st.booleans()):
        follow_up = draw(days(churned, day))
    return ChurnFacts(
        draw(st.sampled_from(["C001", "C002", "C003"])),
        last_order=draw(st.none() | days(day - dt.timedelta(days=400), day)),
        sales=draw(money),
        sales_last_year=draw(money),
        sales_previous=draw(money),
        open_complaints=draw(st.integers(0, 5)),
        churned_on=churned,
        last_follow_up=follow_up,
    )


def care_customers() -> st.SearchStrategy[Any]:
    """S4: customers of every category and grade, with birthdays (29 February among them), last
    visits and dedicated visits in 2024–2026, and dedicated staff or none."""
    from customer_rules.service import CareCustomer

    past = st.none() | days(dt.date(2024, 1, 1), dt.date(2026, 6, 30))
    return st.builds(
        CareCustomer,
        st.sampled_from([f"C{i:03}" for i in range(1, 9)]),
        st.sampled_from(list(CustomerCategory)),
        st.sampled_from(list(Grade)),
        birthday=st.none() | st.sampled_from([dt.date(1972, 2, 29)]) | days(dt.date(1960, 1, 1)),
        last_visit=past,
        dedicated_staff=st.none() | st.just("陈小明"),
        last_dedicated_visit=past,
    )
