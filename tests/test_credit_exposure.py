"""C2 — the credit range, the exposure and order acceptance; C11 — who acts next."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from customer_rules.credit import (
    CONTRACT_REVIEW,
    CREDIT_RAISE,
    SPECIAL_CONTRACT,
    ApprovalFinding,
    CheckPoint,
    CheckReaction,
    ComponentPolicy,
    ContractRecords,
    CreditFailure,
    CreditForm,
    CreditLimit,
    CreditPolicy,
    CreditPosition,
    CreditReason,
    CreditRecord,
    CreditTerms,
    Exposure,
    ExposureComponent,
    GroupLimit,
    LimitSource,
    Order,
    OrderCheck,
    OrderDecision,
    OrderPolicy,
    Receivable,
    SignedContract,
    TemporaryRaise,
    ZeroLimitReading,
    check_order,
    check_orders,
    contract_records,
    credit_limit,
    exposure,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.money import parse_amount
from customer_rules.reasons import Reason, explain, find_reason
from customer_rules.roles import Approval, ApprovalStatus, Role
from customer_rules.settings import Mark, settings_of
from customer_rules.testing import credit_orders, credit_policies, credit_positions
from refusals import problems_of

SEED = CreditPolicy()
DAY = dt.date(2026, 11, 30)
OPEN = (CreditForm.OPEN_ACCOUNT,)
TERMS = CreditTerms("50万", 60, OPEN)


def position(**changes: Any) -> CreditPosition:
    values: dict[str, Any] = {"customer": "C007", "terms": TERMS}
    values.update(changes)
    return CreditPosition(**values)


def receivable(id: str, amount: str, due: dt.date, paid: str = "0") -> Receivable:
    return Receivable(id, "C007", amount, due, paid=paid)


def order(amount: str, id: str = "SO-9", **changes: Any) -> Order:
    return Order(id, "C007", amount, **changes)


def gm(subject: str | None = "SO-9", **changes: Any) -> Approval:
    values: dict[str, Any] = {"subject": subject}
    values.update(changes)
    return Approval("赵总", Role.GENERAL_MANAGER, SPECIAL_CONTRACT, DAY, **values)


def with_orders(**changes: Any) -> CreditPolicy:
    return CreditPolicy(orders=OrderPolicy(**changes))


# --------------------------------------------------------------------------- the seed's boundary


@pytest.mark.parametrize(
    ("amount", "decision"),
    [
        pytest.param("50万", OrderDecision.ACCEPT, id="at-the-limit"),
        pytest.param("500000.01", OrderDecision.NEEDS_APPROVAL, id="a-cent-over"),
        pytest.param("0", OrderDecision.ACCEPT, id="nothing"),
    ],
)
def test_only_beyond_the_range_needs_the_general_managers_approval(
    amount: str, decision: OrderDecision
) -> None:
    """C2 "总经理…负责审批超出信用范围的特殊合同": 超出 excludes the number — an exposure equal to
    the limit is within the credit range; a cent more is a special contract."""
    result = check_order(order(amount), position(), SEED, on=DAY)
    assert result.decision is decision
    assert result.exposure.total == parse_amount(amount)
    if decision is OrderDecision.NEEDS_APPROVAL:
        assert result.failures == (CreditFailure.OVER_LIMIT,)
        assert result.over == Decimal("0.01")
        assert result.next_role is Role.GENERAL_MANAGER
    else:
        assert result.failures == ()
        assert result.over == 0
        assert result.next_role is Role.BUSINESS_DEPARTMENT


@pytest.mark.parametrize(
    ("changes", "failure"),
    [
        ({"term_days": 60}, None),  # the term granted
        ({"term_days": 61}, CreditFailure.TERM),  # 期限 longer than granted
        ({"form": CreditForm.OPEN_ACCOUNT}, None),
        ({"form": CreditForm.ACCEPTANCE_BILL}, CreditFailure.FORM),  # 形式 not granted
    ],
)
def test_term_and_form_beyond_the_terms_need_the_approval(
    changes: dict[str, Any], failure: CreditFailure | None
) -> None:
    """The credit range is the terms: 信用形式、期限、金额 — each one beyond them is a special
    contract, whatever the amount."""
    result = check_order(order("1万", **changes), position(), SEED, on=DAY)
    assert result.failures == (() if failure is None else (failure,))
    assert result.decision is (
        OrderDecision.ACCEPT if failure is None else OrderDecision.NEEDS_APPROVAL
    )
    if failure is not None:
        assert result.collect_first is None  # collecting does not shorten a term
        assert result.ship_less is None


def test_term_and_form_checks_are_options() -> None:
    lax = with_orders(check_term=False, check_form=False)
    result = check_order(
        order("1万", term_days=365, form=CreditForm.INSTALMENT), position(), lax, on=DAY
    )
    assert result.decision is OrderDecision.ACCEPT


def test_explanation_of_a_special_contract() -> None:
    pos = position(
        receivables=[
            receivable("INV-1", "20万", dt.date(2026, 10, 31), paid="5万"),
            receivable("INV-2", "10万", dt.date(2026, 12, 31)),
        ],
        unshipped=[order("25万", "SO-1")],
    )
    result = check_order(order("8万"), pos, SEED, on=DAY)
    assert result.decision is OrderDecision.NEEDS_APPROVAL
    assert explain(result, "en").splitlines() == [
        "[C2] credit limit 500,000 from the credit card of customer C007",
        "[C2] exposure 580,000 = not due 100,000 + past due 150,000 + unshipped 250,000"
        " + this order 80,000",
        "[C2] exposure 580,000 exceeds the limit 500,000 by 80,000",
        "[C2] order SO-9 is beyond the credit range: a special contract for the general manager"
        " to approve",
        "[C2] collect 80,000 first and it passes",
    ]
    assert explain(result, "zh").splitlines()[-2:] == [
        "[C2] 订单 SO-9 超出信用范围,属特殊合同,须报总经理审批",
        "[C2] 先收回应收账款 80,000 元即可通过",
    ]
    assert result.ship_less is None  # 80,000 less is nothing of the order


# --------------------------------------------------------------------------- the limit in force


def test_the_limit_comes_from_the_customer_then_the_group_then_the_company() -> None:
    groups = OrderPolicy(
        group_limits=(GroupLimit("华东经销商", Decimal(300_000)),), default_limit=Decimal(100_000)
    )
    policy = CreditPolicy(orders=groups)
    own = credit_limit(position(group="华东经销商"), policy, on=DAY)
    assert (own.source, own.amount) == (LimitSource.CUSTOMER, Decimal(500_000))
    no_own = CreditTerms(None, 60, OPEN)
    group = credit_limit(position(terms=no_own, group="华东经销商"), policy, on=DAY)
    assert (group.source, group.amount) == (LimitSource.GROUP, Decimal(300_000))
    assert explain(group, "en") == (
        "[C2] customer C007 has no limit of its own: the limit of group '华东经销商', 300,000"
    )
    default = credit_limit(position(terms=no_own, group="华北"), policy, on=DAY)
    assert (default.source, default.amount) == (LimitSource.COMPANY_DEFAULT, Decimal(100_000))
    none = credit_limit(position(terms=no_own), SEED, on=DAY)
    assert (none.source, none.amount, none.granted) == (LimitSource.NONE, Decimal(0), False)
    assert none.next_role is Role.BUSINESS_DEPARTMENT
    assert own.next_role is None


def test_a_customer_not_rated_has_no_credit() -> None:
    """C1 [default]: a customer not yet rated has no credit; C2 treats every order as beyond it."""
    result = check_order(order("1"), position(terms=None), SEED, on=DAY)
    assert result.limit.source is LimitSource.NOT_RATED
    assert result.failures == (CreditFailure.NOT_RATED,)
    assert result.decision is OrderDecision.NEEDS_APPROVAL
    assert result.over == Decimal(1)
    assert (result.collect_first, result.ship_less) == (None, None)
    assert explain(result, "en").splitlines()[0] == (
        "[C2] customer C007 is not rated and has no credit terms: no credit"
    )


def _raise(amount: str, until: dt.date, **changes: Any) -> TemporaryRaise:
    values: dict[str, Any] = {"subject": "C007"}
    values.update(changes)
    role = values.pop("role", Role.GENERAL_MANAGER)
    return TemporaryRaise(
        amount, Approval("赵总", role, CREDIT_RAISE, dt.date(2026, 11, 1), until, **values)
    )


@pytest.mark.parametrize(
    ("raised", "limit", "finding"),
    [
        (_raise("10万", DAY), Decimal(600_000), None),  # valid through its last day
        (
            _raise("10万", DAY - dt.timedelta(days=1)),
            Decimal(500_000),
            ApprovalFinding.NOT_IN_FORCE,
        ),
        (_raise("10万", DAY, role=Role.VP_IN_CHARGE), Decimal(500_000), ApprovalFinding.WRONG_ROLE),
        (_raise("10万", DAY, subject="C008"), Decimal(500_000), ApprovalFinding.OTHER_SUBJECT),
        (_raise("10万", DAY, max_amount="5万"), Decimal(500_000), ApprovalFinding.OVER_AMOUNT),
    ],
)
def test_temporary_raises_count_while_in_force(
    raised: TemporaryRaise, limit: Decimal, finding: ApprovalFinding | None
) -> None:
    """Temporary raises expire (Dynamics 365's): one in force on the day adds to the limit, an
    expired or wrong one is reported and not added."""
    result = credit_limit(position(raises=[raised]), SEED, on=DAY)
    assert result.amount == limit
    if finding is None:
        assert find_reason(result, CreditReason.C2_RAISE) is not None
        assert find_reason(result, CreditReason.C2_LIMIT_IN_FORCE) is not None
    else:
        ignored = find_reason(result, CreditReason.C2_RAISE_IGNORED)
        assert ignored is not None
        assert ignored.fact("finding") is finding


def test_a_temporary_raise_must_expire() -> None:
    forever = Approval("赵总", Role.GENERAL_MANAGER, CREDIT_RAISE, DAY)
    with pytest.raises(InputError) as info:
        TemporaryRaise("10万", forever)
    assert info.value.field == "approval.valid_until"


@pytest.mark.parametrize(
    ("reading", "decision"),
    [
        (ZeroLimitReading.NO_CREDIT, OrderDecision.NEEDS_APPROVAL),
        (ZeroLimitReading.NO_CHECK, OrderDecision.ACCEPT),
    ],
)
def test_a_zero_limit_is_an_explicit_choice(
    reading: ZeroLimitReading, decision: OrderDecision
) -> None:
    zero = position(terms=CreditTerms(0, 60, OPEN))
    result = check_order(order("1"), zero, with_orders(zero_limit=reading), on=DAY)
    assert result.decision is decision
    code = (
        CreditReason.C2_ZERO_NO_CREDIT
        if reading is ZeroLimitReading.NO_CREDIT
        else CreditReason.C2_ZERO_NO_CHECK
    )
    assert find_reason(result, code) is not None


def test_no_check_on_zero_does_not_give_credit_to_a_customer_not_rated() -> None:
    lax = with_orders(zero_limit=ZeroLimitReading.NO_CHECK)
    assert check_order(order("1"), position(terms=None), lax, on=DAY).decision is (
        OrderDecision.NEEDS_APPROVAL
    )
    no_limit = position(terms=CreditTerms(None, 60, OPEN))
    assert check_order(order("1"), no_limit, lax, on=DAY).decision is (OrderDecision.NEEDS_APPROVAL)


# --------------------------------------------------------------------------- exposure


def test_exposure_component_by_component() -> None:
    pos = position(
        receivables=[
            receivable("INV-1", "10万", DAY - dt.timedelta(days=1)),  # past due
            receivable("INV-2", "5万", DAY),  # due today: not yet past due
            receivable("INV-3", "7万", dt.date(2026, 1, 1), paid="7万"),  # paid
        ],
        unshipped=[order("3万", "SO-1"), order("2万", "SO-2")],
    )
    e = exposure(pos, SEED, on=DAY, order=order("1万"))
    assert [(c.component, c.amount, c.included) for c in e.components] == [
        (ExposureComponent.OPEN_NOT_DUE, Decimal(50_000), True),
        (ExposureComponent.PAST_DUE, Decimal(100_000), True),
        (ExposureComponent.UNSHIPPED, Decimal(50_000), True),
        (ExposureComponent.THIS_ORDER, Decimal(10_000), True),
    ]
    assert e.total == Decimal(210_000)
    assert e.next_role is None
    assert exposure(pos, SEED, on=DAY).this_order == 0


def test_excluded_components_do_not_count_and_sub_limits_still_apply() -> None:
    """OCA's model: each component has an include flag and a sub-limit of its own."""
    policy = with_orders(
        past_due=ComponentPolicy(include=False, sub_limit=Decimal(50_000)),
        unshipped=ComponentPolicy(include=False),
    )
    pos = position(
        receivables=[receivable("INV-1", "10万", dt.date(2026, 10, 1))],
        unshipped=[order("45万", "SO-1")],
    )
    result = check_order(order("1万"), pos, policy, on=DAY)
    assert result.exposure.total == Decimal(10_000)
    assert result.failures == (CreditFailure.SUB_LIMIT,)
    assert result.collect_first == Decimal(50_000)  # past due down to its sub-limit
    over = find_reason(result, CreditReason.C2_SUB_LIMIT)
    assert over is not None
    assert (over.fact("component"), over.fact("over")) == (
        ExposureComponent.PAST_DUE,
        Decimal(50_000),
    )
    partial = find_reason(result, CreditReason.C2_EXPOSURE_PARTIAL)
    assert partial is not None
    assert partial.fact("excluded") == (ExposureComponent.PAST_DUE, ExposureComponent.UNSHIPPED)


@pytest.mark.parametrize(
    ("component", "expected_collect", "expected_less"),
    [
        (ExposureComponent.OPEN_NOT_DUE, Decimal(100_000 + 20_000 - 10_000), None),
        (ExposureComponent.PAST_DUE, Decimal(90_000), None),
        (ExposureComponent.UNSHIPPED, None, None),
        (ExposureComponent.THIS_ORDER, None, Decimal(20_000)),
    ],
)
def test_each_sub_limit_and_what_makes_it_pass(
    component: ExposureComponent,
    expected_collect: Decimal | None,
    expected_less: Decimal | None,
) -> None:
    policy = with_orders(**{component.value: ComponentPolicy(sub_limit=Decimal(10_000))})
    pos = position(
        receivables=[
            receivable("INV-1", "10万", dt.date(2026, 10, 1)),
            receivable("INV-2", "2万", dt.date(2026, 12, 31)),
        ],
        unshipped=[order("3万", "SO-1")],
    )
    result = check_order(order("3万"), pos, policy, on=DAY)
    assert result.failures == (CreditFailure.SUB_LIMIT,)
    assert (result.collect_first, result.ship_less) == (expected_collect, expected_less)


def test_the_past_due_block_is_an_option() -> None:
    """ERPNext's long-asked option: past-due receivables block whatever the limit."""
    pos = position(receivables=[receivable("INV-1", "1万", DAY - dt.timedelta(days=1))])
    assert check_order(order("1万"), pos, SEED, on=DAY).decision is OrderDecision.ACCEPT
    block = with_orders(block_past_due=True, past_due_tolerance=Decimal(10_000))
    at_tolerance = check_order(order("1万"), pos, block, on=DAY)
    assert at_tolerance.decision is OrderDecision.ACCEPT
    tight = with_orders(block_past_due=True, past_due_tolerance=Decimal("9999.99"))
    blocked = check_order(order("1万"), pos, tight, on=DAY)
    assert blocked.failures == (CreditFailure.PAST_DUE_BLOCK,)
    assert blocked.collect_first == Decimal("0.01")
    assert blocked.ship_less is None


def test_collect_first_when_past_due_is_excluded_counts_from_the_oldest() -> None:
    """Collection goes past due first: when only the not-yet-due part counts, all the past-due
    amount is collected before the exposure falls."""
    policy = with_orders(past_due=ComponentPolicy(include=False))
    pos = position(
        receivables=[
            receivable("INV-1", "10万", dt.date(2026, 10, 1)),
            receivable("INV-2", "45万", dt.date(2026, 12, 31)),
        ]
    )
    result = check_order(order("10万"), pos, policy, on=DAY)
    assert result.over == Decimal(50_000)
    assert result.collect_first == Decimal(150_000)
    assert result.ship_less == Decimal(50_000)


# --------------------------------------------------------------------------- check points


@pytest.mark.parametrize(
    ("at", "decision", "next_role"),
    [
        (CheckPoint.ORDER_CONFIRMATION, OrderDecision.NEEDS_APPROVAL, Role.GENERAL_MANAGER),
        (CheckPoint.SHIPMENT, OrderDecision.HOLD, Role.GENERAL_MANAGER),
        (CheckPoint.INVOICE, OrderDecision.WARN, Role.FINANCE),
    ],
)
def test_each_check_point_reacts_its_own_way(
    at: CheckPoint, decision: OrderDecision, next_role: Role
) -> None:
    """The seed book: order confirmation needs the general manager's approval (C2), shipment
    holds (C3); at the invoice the goods are gone and it warns [default]."""
    result = check_order(order("60万"), position(), SEED, on=DAY, at=at)
    assert result.decision is decision
    assert result.next_role is next_role


@pytest.mark.parametrize(
    ("at", "next_role"),
    [
        (CheckPoint.ORDER_CONFIRMATION, Role.BUSINESS_DEPARTMENT),
        (CheckPoint.SHIPMENT, Role.WAREHOUSE_KEEPER),
        (CheckPoint.INVOICE, Role.FINANCE),
    ],
)
def test_an_accepted_order_names_who_acts_at_its_check_point(
    at: CheckPoint, next_role: Role
) -> None:
    result = check_order(order("1万"), position(), SEED, on=DAY, at=at)
    assert result.decision is OrderDecision.ACCEPT
    assert result.next_role is next_role


def test_a_check_point_may_check_nothing() -> None:
    result = check_order(
        order("60万"), position(), with_orders(confirmation_reaction=CheckReaction.IGNORE), on=DAY
    )
    assert result.decision is OrderDecision.ACCEPT
    assert result.failures == ()
    assert find_reason(result, CreditReason.C2_NOT_CHECKED) is not None
    assert result.exposure.total == Decimal(600_000)  # measured all the same


def test_the_shipment_check_point_follows_c3s_reaction() -> None:
    from customer_rules.credit import ShipmentPolicy, ShipmentReaction

    warn = CreditPolicy(shipment=ShipmentPolicy(reaction=ShipmentReaction.WARN))
    result = check_order(order("60万"), position(), warn, on=DAY, at=CheckPoint.SHIPMENT)
    assert result.decision is OrderDecision.WARN
    assert result.next_role is Role.WAREHOUSE_KEEPER


# --------------------------------------------------------------------------- approvals


def test_the_general_managers_approval_accepts_by_exception() -> None:
    result = check_order(order("60万"), position(), SEED, on=DAY, approval=gm(max_amount="60万"))
    assert result.decision is OrderDecision.BY_EXCEPTION
    assert result.approval_status is ApprovalStatus.GRANTED
    assert result.next_role is Role.BUSINESS_DEPARTMENT
    assert result.accepted
    assert explain(result, "en").splitlines()[-1] == (
        "[C2] the special contract was approved by 赵总 (general manager) on 2026-11-30:"
        " accepted by exception"
    )


@pytest.mark.parametrize(
    ("approval", "finding"),
    [
        (
            Approval("李副总", Role.VP_IN_CHARGE, SPECIAL_CONTRACT, DAY, subject="SO-9"),
            ApprovalFinding.WRONG_ROLE,
        ),
        (gm(max_amount="599999.99"), ApprovalFinding.OVER_AMOUNT),  # a smaller amount
        (gm(subject="SO-8"), ApprovalFinding.OTHER_SUBJECT),
        (
            Approval(
                "赵总",
                Role.GENERAL_MANAGER,
                SPECIAL_CONTRACT,
                dt.date(2026, 11, 1),
                DAY - dt.timedelta(days=1),
                subject="SO-9",
            ),
            ApprovalFinding.NOT_IN_FORCE,
        ),
        (
            Approval("赵总", Role.GENERAL_MANAGER, "C2.other", DAY, subject="SO-9"),
            ApprovalFinding.WRONG_SUBJECT,
        ),
    ],
)
def test_an_approval_that_does_not_hold_is_refused_with_the_reason(
    approval: Approval, finding: ApprovalFinding
) -> None:
    """A wrong role, a smaller amount, an expired one, one for another order: refused, and the
    general manager must still act (no override is a bare flag)."""
    result = check_order(order("60万"), position(), SEED, on=DAY, approval=approval)
    assert result.decision is OrderDecision.REFUSED
    assert not result.accepted
    assert result.next_role is Role.GENERAL_MANAGER
    refused = find_reason(result, CreditReason.C2_APPROVAL_REFUSED)
    assert refused is not None
    assert refused.fact("finding") is finding


def test_an_approval_given_when_none_is_needed_is_kept_unused() -> None:
    result = check_order(order("1万"), position(), SEED, on=DAY, approval=gm())
    assert result.decision is OrderDecision.ACCEPT
    assert result.approval_status is None


def test_a_hold_is_released_by_the_approval_too() -> None:
    result = check_order(
        order("60万"), position(), SEED, on=DAY, at=CheckPoint.SHIPMENT, approval=gm()
    )
    assert result.decision is OrderDecision.BY_EXCEPTION
    assert result.next_role is Role.WAREHOUSE_KEEPER


# --------------------------------------------------------------------------- sequences


def test_a_split_order_is_seen_whole() -> None:
    """Several orders decided in order see the exposure the earlier ones created."""
    split = [order("20万", f"SO-{i}") for i in range(3)]
    checks = check_orders(split, position(), SEED, on=DAY)
    assert [c.decision for c in checks] == [
        OrderDecision.ACCEPT,
        OrderDecision.ACCEPT,
        OrderDecision.NEEDS_APPROVAL,
    ]
    assert [c.exposure.total for c in checks] == [
        Decimal(200_000),
        Decimal(400_000),
        Decimal(600_000),
    ]


def test_a_resubmitted_order_replaces_its_earlier_amount() -> None:
    """Odoo's duplicated quotation and ERPNext's closed-and-reopened order: a re-submission is
    counted once — never twice, never dropped."""
    checks = check_orders(
        [order("30万", "SO-1"), order("30万", "SO-1"), order("25万", "SO-2")],
        position(),
        SEED,
        on=DAY,
    )
    assert [c.decision for c in checks] == [
        OrderDecision.ACCEPT,
        OrderDecision.ACCEPT,
        OrderDecision.NEEDS_APPROVAL,
    ]
    assert checks[1].replaces == Decimal(300_000)
    assert checks[1].exposure.total == Decimal(300_000)
    assert checks[2].exposure.total == Decimal(550_000)
    again = find_reason(checks[1], CreditReason.C2_RESUBMITTED)
    assert again is not None
    assert again.fact("earlier") == Decimal(300_000)


def test_a_resubmission_of_a_signed_order_replaces_it_in_the_position() -> None:
    pos = position(unshipped=[order("45万", "SO-1")])
    result = check_order(order("48万", "SO-1"), pos, SEED, on=DAY)
    assert result.exposure.unshipped == 0
    assert result.exposure.total == Decimal(480_000)
    assert result.decision is OrderDecision.ACCEPT
    assert result.replaces == Decimal(450_000)


def test_an_order_not_accepted_leaves_the_exposure_as_it_was() -> None:
    checks = check_orders([order("60万", "SO-1"), order("50万", "SO-2")], position(), SEED, on=DAY)
    assert [c.decision for c in checks] == [OrderDecision.NEEDS_APPROVAL, OrderDecision.ACCEPT]


def test_approvals_in_a_sequence_go_by_order_id() -> None:
    checks = check_orders(
        [order("40万", "SO-1"), order("40万", "SO-2")],
        position(),
        SEED,
        on=DAY,
        approvals={"SO-2": gm("SO-2")},
    )
    assert [c.decision for c in checks] == [OrderDecision.ACCEPT, OrderDecision.BY_EXCEPTION]


def _blocking(policy: CreditPolicy, reaction: CheckReaction) -> CreditPolicy:
    """``policy`` with a blocking reaction at confirmation and the orders counted."""
    p = policy.orders
    orders = attrs.evolve(
        p,
        confirmation_reaction=reaction,
        unshipped=attrs.evolve(p.unshipped, include=True),
        this_order=attrs.evolve(p.this_order, include=True),
    )
    return attrs.evolve(policy, orders=orders)


@given(
    credit_positions("C001"),
    st.lists(credit_orders("C001"), max_size=8),
    credit_policies(),
    st.sampled_from([CheckReaction.APPROVAL, CheckReaction.HOLD]),
)
def test_no_sequence_gets_more_accepted_than_the_limit_allows_without_an_approval(
    pos: CreditPosition, orders: list[Order], drawn: CreditPolicy, reaction: CheckReaction
) -> None:
    """No sequence of orders, splits or re-submissions gets more accepted without an approval
    than the limit allows: after any order accepted, the exposure — the earlier accepted orders
    at their latest amounts included — is within the limit."""
    policy = _blocking(drawn, reaction)
    checks = check_orders(orders, pos, policy, on=DAY)
    limit = credit_limit(pos, policy, on=DAY).amount
    latest = {o.id: o.amount for o in pos.unshipped}
    for o, c in zip(orders, checks, strict=True):
        if c.decision is OrderDecision.ACCEPT:
            latest[o.id] = o.amount
            base = exposure(pos, policy, on=DAY)
            total = (
                (base.open_not_due if policy.orders.open_not_due.include else 0)
                + (base.past_due if policy.orders.past_due.include else 0)
                + sum(latest.values())
            )
            assert pos.terms is not None
            assert limit is None or total <= limit
        assert c.decision is not OrderDecision.BY_EXCEPTION


@given(
    credit_positions("C001"),
    credit_orders("C001"),
    credit_policies(),
    st.sampled_from(list(CheckPoint)),
)
def test_accepted_without_approval_iff_every_enabled_check_passes(
    pos: CreditPosition, o: Order, policy: CreditPolicy, at: CheckPoint
) -> None:
    """Recomputed from the facts, independently of the rule: the limit in force, each sub-limit,
    the past-due block, the term and the form."""
    result = check_order(o, pos, policy, on=DAY, at=at)
    reaction = {
        CheckPoint.ORDER_CONFIRMATION: policy.orders.confirmation_reaction,
        CheckPoint.SHIPMENT: CheckReaction(policy.shipment.reaction.value),
        CheckPoint.INVOICE: policy.orders.invoice_reaction,
    }[at]
    p = policy.orders
    past = sum((r.open_amount for r in pos.receivables if r.due < DAY), Decimal(0))
    not_due = sum((r.open_amount for r in pos.receivables if r.due >= DAY), Decimal(0))
    unshipped = sum((u.amount for u in pos.unshipped if u.id != o.id), Decimal(0))
    values = {
        "open_not_due": not_due,
        "past_due": past,
        "unshipped": unshipped,
        "this_order": o.amount,
    }
    total = sum((v for k, v in values.items() if getattr(p, k).include), Decimal(0))
    limit = result.limit.amount
    checks = [
        pos.terms is not None,
        pos.terms is None or limit is None or total <= limit,
        all(
            getattr(p, k).sub_limit is None or v <= getattr(p, k).sub_limit
            for k, v in values.items()
        ),
        not p.block_past_due or past <= p.past_due_tolerance,
        pos.terms is None
        or not p.check_term
        or o.term_days is None
        or o.term_days <= pos.terms.term_days,
        pos.terms is None or not p.check_form or o.form is None or o.form in pos.terms.forms,
    ]
    passes = reaction is CheckReaction.IGNORE or all(checks)
    assert (result.decision is OrderDecision.ACCEPT) is passes
    assert result.exposure.total == total
    if not passes:
        assert (
            result.decision
            is {
                CheckReaction.APPROVAL: OrderDecision.NEEDS_APPROVAL,
                CheckReaction.HOLD: OrderDecision.HOLD,
                CheckReaction.WARN: OrderDecision.WARN,
            }[reaction]
        )


@given(credit_positions("C001"), credit_orders("C001"), credit_policies())
def test_exposure_is_additive_over_its_components(
    pos: CreditPosition, o: Order, policy: CreditPolicy
) -> None:
    e = exposure(pos, policy, on=DAY, order=o)
    assert e.total == sum((c.amount for c in e.components if c.included), Decimal(0))
    assert e.open_not_due + e.past_due == sum((r.open_amount for r in pos.receivables), Decimal(0))
    assert [c.component for c in e.components] == list(ExposureComponent)
    head = e.reasons[0]
    assert head.code in (CreditReason.C2_EXPOSURE, CreditReason.C2_EXPOSURE_PARTIAL)
    assert head.fact("total") == e.total
    assert [head.fact(c.value) for c in ExposureComponent] == [c.amount for c in e.components]
    over = [r.fact("component") for r in e.reasons if r.code == CreditReason.C2_SUB_LIMIT]
    assert over == [c.component for c in e.components if c.over]


@given(credit_positions("C001"), credit_orders("C001"), credit_policies())
def test_a_check_tells_the_exposure_as_the_exposure_does(
    pos: CreditPosition, o: Order, policy: CreditPolicy
) -> None:
    """The check explains its exposure without building it: the same reasons, right after the
    limit's, as the exposure of the same order and the one the check carries."""
    check = check_order(o, pos, policy, on=DAY)
    told = exposure(pos, policy, on=DAY, order=o).reasons
    start = len(check.limit.reasons)
    assert check.reasons[start : start + len(told)] == told
    assert check.exposure.reasons == told
    sub_limits = [r for r in check.reasons if r.code == CreditReason.C2_SUB_LIMIT]
    assert list(told[1:]) == sub_limits


def _collected(pos: CreditPosition, amount: Decimal) -> CreditPosition:
    """The position after collecting ``amount``, oldest due date first."""
    left = amount
    paid = []
    for r in sorted(pos.receivables, key=lambda r: (r.due, r.id)):
        take = min(left, r.open_amount)
        left -= take
        paid.append(Receivable(r.id, r.customer, r.amount, r.due, paid=r.paid + take))
    assert left == 0
    return CreditPosition(pos.customer, pos.terms, pos.group, paid, pos.unshipped, pos.raises)


@given(credit_positions("C001"), credit_orders("C001"), credit_policies())
def test_what_would_make_it_pass_does(pos: CreditPosition, o: Order, policy: CreditPolicy) -> None:
    """The explanation matches the outcome: collecting ``collect_first`` (oldest first), or
    shipping ``ship_less`` less, turns the order into an accepted one."""
    result = check_order(o, pos, policy, on=DAY)
    assume(result.failures)
    collect, less = result.collect_first, result.ship_less
    if collect is not None:
        after = check_order(o, _collected(pos, collect), policy, on=DAY)
        assert after.failures == ()
    if less is not None:
        assert 0 < less < o.amount
        smaller = Order(o.id, o.customer, o.amount - less, o.term_days, o.form)
        assert check_order(smaller, pos, policy, on=DAY).failures == ()
    if CreditFailure.OVER_LIMIT in result.failures and result.limit.amount is not None:
        assert result.over == result.exposure.total - result.limit.amount > 0


@given(credit_positions("C001"), credit_orders("C001"), st.integers(1, 10**6))
def test_a_bigger_order_is_never_easier(pos: CreditPosition, o: Order, more: int) -> None:
    small = check_order(o, pos, SEED, on=DAY)
    big = check_order(
        Order(o.id, o.customer, o.amount + more, o.term_days, o.form), pos, SEED, on=DAY
    )
    if big.decision is OrderDecision.ACCEPT:
        assert small.decision is OrderDecision.ACCEPT


@given(credit_positions("C001"), credit_orders("C001"), credit_policies())
def test_round_trip_through_plain_data(pos: CreditPosition, o: Order, policy: CreditPolicy) -> None:
    result = check_order(o, pos, policy, on=DAY)
    assert result == check_order(o, pos, policy, on=DAY)  # deterministic
    data = to_data(result, lang="zh")
    assert from_data(OrderCheck, data, policy=policy) == result
    assert from_data(CreditPosition, to_data(pos)) == pos
    limit = credit_limit(pos, policy, on=DAY)
    assert from_data(CreditLimit, to_data(limit), policy=policy) == limit
    e = exposure(pos, policy, on=DAY, order=o)
    assert from_data(Exposure, to_data(e), policy=policy) == e
    assert all(r.rule == "C2" for r in result.reasons)
    for reason in result.reasons:
        assert Reason.from_data(reason.to_data("en")) == reason
    assert data["next_role"] == (None if result.next_role is None else result.next_role.value)


# --------------------------------------------------------------------------- one currency


def test_a_receivable_in_another_currency_is_refused_never_summed() -> None:
    usd = Receivable("INV-U", "C007", "1000", DAY, currency="USD")
    with pytest.raises(InputError) as info:
        check_order(
            order("1"), position(receivables=[receivable("INV-1", "1", DAY), usd]), SEED, on=DAY
        )
    assert info.value.field == "position.receivables[1].currency"
    assert "'CNY'" in str(info.value)


def test_an_order_in_another_currency_is_refused() -> None:
    with pytest.raises(InputError) as info:
        check_order(order("1", currency="USD"), position(), SEED, on=DAY)
    assert info.value.field == "order.currency"
    usd = position(unshipped=[order("1", "SO-1", currency="EUR")])
    with pytest.raises(InputError) as info:
        exposure(usd, SEED, on=DAY)
    assert info.value.field == "position.unshipped[0].currency"
    with pytest.raises(InputError) as info:
        check_orders([order("1"), order("1", currency="JPY")], position(), SEED, on=DAY)
    assert info.value.field == "orders[1].order.currency"


def test_items_of_another_customer_are_refused() -> None:
    with pytest.raises(InputError) as info:
        position(receivables=[Receivable("INV-1", "C008", "1", DAY)])
    assert info.value.field == "receivables[0].customer"
    with pytest.raises(InputError) as info:
        check_order(Order("SO-1", "C008", "1"), position(), SEED, on=DAY)
    assert info.value.field == "order.customer"
    with pytest.raises(InputError) as info:
        position(unshipped=[order("1", "SO-1"), order("2", "SO-1")])
    assert info.value.field == "unshipped[1].id"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: check_order("SO-1", position(), SEED, on=DAY), "order"),  # type: ignore[arg-type]
        (lambda: check_order(order("1"), "C007", SEED, on=DAY), "position"),  # type: ignore[arg-type]
        (lambda: check_order(order("1"), position(), OrderPolicy(), on=DAY), "policy"),  # type: ignore[arg-type]
        (lambda: check_order(order("1"), position(), SEED, on="2026-11-30"), "on"),  # type: ignore[arg-type]
        (lambda: check_order(order("1"), position(), SEED, on=DAY, at="shipment"), "at"),  # type: ignore[arg-type]
        (lambda: check_order(order("1"), position(), SEED, on=DAY, approval=True), "approval"),  # type: ignore[arg-type]
        (lambda: check_orders("SO-1", position(), SEED, on=DAY), "orders"),  # type: ignore[arg-type]
        (lambda: check_orders([], position(), SEED, on=DAY, approvals=[gm()]), "approvals"),  # type: ignore[arg-type]
        (lambda: Order("SO-1", "C007", 1.5), "amount"),
        (lambda: Order("SO-1", "C007", "1", term_days=-1), "term_days"),
        (lambda: CreditTerms("1", 30, []), "forms"),
        (lambda: CreditTerms("1", 30, ["cash"]), "forms"),
        (lambda: CreditPosition("C007", receivables="INV-1"), "receivables"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_are_named(call: Any, field: str) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field


def test_a_book_is_not_a_policy() -> None:
    from customer_rules.book import PolicyBook

    with pytest.raises(InputError, match=r"book\.credit"):
        check_order(order("1"), position(), PolicyBook(), on=DAY)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- signed contracts


def _contract(signer: Role = Role.BUSINESS_DEPARTMENT, **changes: Any) -> SignedContract:
    subject = changes.pop("subject", "HT-1")
    signed = Approval("王", signer, CONTRACT_REVIEW, DAY, subject=subject)
    return SignedContract("HT-1", "C007", "12万", DAY, signed, **changes)


def test_a_signed_contract_yields_the_entries_the_seed_requires() -> None:
    """C2 "合同副本交业务统计记入客户的'客户信用管理卡'和'应收账款账龄记录表'"."""
    result = contract_records(_contract(), SEED, on=DAY)
    assert result.status is ApprovalStatus.GRANTED
    assert [(e.record, e.keeper) for e in result.entries] == [
        (CreditRecord.CREDIT_CARD, Role.BUSINESS_STATISTICS),
        (CreditRecord.AGING_RECORD, Role.BUSINESS_STATISTICS),
    ]
    assert result.next_role is Role.BUSINESS_STATISTICS
    assert explain(result, "zh").splitlines() == [
        "[C2] 合同 HT-1(120,000 元)副本交业务统计记入客户信用管理卡",
        "[C2] 合同 HT-1(120,000 元)副本交业务统计记入应收账款账龄记录表",
    ]
    assert from_data(ContractRecords, to_data(result), policy=SEED) == result


@pytest.mark.parametrize(
    ("contract", "status"),
    [
        (_contract(Role.SALESPERSON), ApprovalStatus.WRONG_ROLE),
        (_contract(subject="HT-2"), ApprovalStatus.OTHER_SUBJECT),
    ],
)
def test_a_contract_not_signed_under_the_review_procedure_yields_nothing(
    contract: SignedContract, status: ApprovalStatus
) -> None:
    result = contract_records(contract, SEED, on=DAY)
    assert result.status is status
    assert result.entries == ()
    assert result.next_role is Role.BUSINESS_DEPARTMENT
    assert find_reason(result, CreditReason.C2_CONTRACT_UNSIGNED) is not None


def test_a_contract_is_recorded_on_or_after_its_signing_and_in_cny() -> None:
    with pytest.raises(InputError) as info:
        contract_records(_contract(), SEED, on=DAY - dt.timedelta(days=1))
    assert info.value.field == "on"
    with pytest.raises(InputError) as info:
        contract_records(_contract(currency="USD"), SEED, on=DAY)
    assert info.value.field == "contract.currency"


# --------------------------------------------------------------------------- the policy


def test_the_policy_marks_and_checks() -> None:
    marks = {i.path: i.setting.mark for i in settings_of(SEED) if i.path.startswith("orders.")}
    assert marks["orders.approving_roles"] is Mark.SEED
    assert marks["orders.confirmation_reaction"] is Mark.SEED
    assert marks["orders.contract_records"] is Mark.SEED
    assert marks["orders.zero_limit"] is Mark.DEFAULT
    assert marks["orders.past_due.sub_limit"] is Mark.DEFAULT
    with pytest.raises(PolicyError) as info:
        OrderPolicy(group_limits=(GroupLimit("g", Decimal(1)), GroupLimit("g", Decimal(2))))
    assert [p.path for p in info.value.problems] == ["group_limits[1].group"]
    with pytest.raises(PolicyError):
        OrderPolicy(approving_roles=frozenset())


# --------------------------------------------------------------------------- C11


def _c11_cases() -> list[tuple[str, Any, Role | None]]:
    """One result of every decision kind of C1, C2, C3 and C6, with the role that must act."""
    from customer_rules.credit import (
        ADOPT_STANDARD,
        RELEASE_SHIPMENT,
        CreditRecord,
        EmergencyKind,
        InformationSource,
        PaymentEmergency,
        RatingFacts,
        Shipment,
        ShipmentPolicy,
        ShipmentReaction,
        check_shipment,
        escalate_emergency,
        rate_customer,
        standard_adoption,
    )
    from customer_rules.dates import SHANGHAI

    adopters = SEED.standard.adopting_roles
    adopted = [Approval("x", r, ADOPT_STANDARD, DAY) for r in adopters]
    sources = {InformationSource.CUSTOMER_MATERIALS, InformationSource.DIRECT_CONTACT}
    records = SEED.standard.required_records
    good = RatingFacts("C007", sources, records, 4, "200万", days_late=0)
    poor = RatingFacts("C007", sources, records, 0, "200万")
    no_card = RatingFacts("C007", sources, records - {CreditRecord.CUSTOMER_CARD}, 4, "200万")
    late = [receivable("INV-1", "1万", DAY - dt.timedelta(days=3))]
    ship = Shipment("FH-1", "C007")
    release = Approval("赵总", Role.GENERAL_MANAGER, RELEASE_SHIPMENT, DAY, subject="FH-1")
    warn = CreditPolicy(shipment=ShipmentPolicy(reaction=ShipmentReaction.WARN))
    at = dt.datetime(2026, 11, 30, 9, tzinfo=SHANGHAI)
    big = order("60万")
    return [
        ("C1 adopted", standard_adoption(adopted, SEED, on=DAY), None),
        ("C1 not adopted", standard_adoption([], SEED, on=DAY), Role.OFFICE_DIRECTOR),
        (
            "C1 granted",
            rate_customer(good, SEED, on=DAY, adoption=adopted),
            Role.BUSINESS_DEPARTMENT,
        ),
        (
            "C1 no credit",
            rate_customer(poor, SEED, on=DAY, adoption=adopted),
            Role.BUSINESS_DEPARTMENT,
        ),
        (
            "C1 record missing",
            rate_customer(no_card, SEED, on=DAY, adoption=adopted),
            Role.BUSINESS_STATISTICS,
        ),
        (
            "C1 standard not in force",
            rate_customer(good, SEED, on=DAY, adoption=[]),
            Role.OFFICE_DIRECTOR,
        ),
        ("C2 limit", credit_limit(position(), SEED, on=DAY), None),
        ("C2 no limit", credit_limit(position(terms=None), SEED, on=DAY), Role.BUSINESS_DEPARTMENT),
        ("C2 exposure", exposure(position(), SEED, on=DAY), None),
        ("C2 accept", check_order(order("1"), position(), SEED, on=DAY), Role.BUSINESS_DEPARTMENT),
        (
            "C2 warn",
            check_order(big, position(), SEED, on=DAY, at=CheckPoint.INVOICE),
            Role.FINANCE,
        ),
        ("C2 needs approval", check_order(big, position(), SEED, on=DAY), Role.GENERAL_MANAGER),
        (
            "C2 hold",
            check_order(big, position(), SEED, on=DAY, at=CheckPoint.SHIPMENT),
            Role.GENERAL_MANAGER,
        ),
        (
            "C2 by exception",
            check_order(big, position(), SEED, on=DAY, approval=gm()),
            Role.BUSINESS_DEPARTMENT,
        ),
        (
            "C2 refused",
            check_order(big, position(), SEED, on=DAY, approval=gm("SO-1")),
            Role.GENERAL_MANAGER,
        ),
        ("C2 contract", contract_records(_contract(), SEED, on=DAY), Role.BUSINESS_STATISTICS),
        (
            "C2 unsigned",
            contract_records(_contract(Role.FINANCE), SEED, on=DAY),
            Role.BUSINESS_DEPARTMENT,
        ),
        ("C3 release", check_shipment(ship, [], SEED, on=DAY), Role.WAREHOUSE_KEEPER),
        ("C3 warn", check_shipment(ship, late, warn, on=DAY), Role.WAREHOUSE_KEEPER),
        ("C3 hold", check_shipment(ship, late, SEED, on=DAY), Role.PLANNING_DEPARTMENT),
        (
            "C3 by exception",
            check_shipment(ship, late, SEED, on=DAY, approval=release),
            Role.WAREHOUSE_KEEPER,
        ),
        (
            "C6 escalation",
            escalate_emergency(PaymentEmergency("C007", EmergencyKind.LIKELY_REFUSAL, at), SEED),
            Role.SUPERVISOR,
        ),
    ]


@pytest.mark.parametrize(("name", "result", "role"), _c11_cases(), ids=[c[0] for c in _c11_cases()])
def test_every_credit_decision_names_the_role_that_acts_next(
    name: str, result: Any, role: Role | None
) -> None:
    """C11 "each credit decision names the role that must act": every result of C1, C2, C3 and C6
    has ``next_role``, written in its plain data too."""
    assert result.next_role is role
    assert to_data(result)["next_role"] == (None if role is None else role.value)


# --------------------------------------------------------------------------- reasons, errors, book


def _reasons(check: OrderCheck) -> list[tuple[str, str, tuple[tuple[str, Any], ...]]]:
    return [(r.rule, r.code, r.facts) for r in check.reasons]


_LIMIT_REASON = (
    "C2",
    CreditReason.C2_LIMIT_CUSTOMER,
    (("customer", "C007"), ("limit", Decimal(500_000)), ("group", None)),
)


def _exposure_reason(total: int, past_due: int = 0, this_order: int | None = None) -> Any:
    return (
        "C2",
        CreditReason.C2_EXPOSURE,
        (
            ("total", Decimal(total)),
            ("open_not_due", Decimal(0)),
            ("past_due", Decimal(past_due)),
            ("unshipped", Decimal(0)),
            ("this_order", Decimal(total - past_due if this_order is None else this_order)),
        ),
    )


def test_an_accepted_resubmission_says_what_it_replaced_and_who_acts() -> None:
    pos = position(unshipped=[order("5万", "SO-1")])
    check = check_order(order("10万", "SO-1"), pos, SEED, on=DAY)
    assert _reasons(check) == [
        _LIMIT_REASON,
        _exposure_reason(100_000),
        ("C2", CreditReason.C2_RESUBMITTED, (("order", "SO-1"), ("earlier", Decimal(50_000)))),
        (
            "C2",
            CreditReason.C2_ACCEPT,
            (("at", CheckPoint.ORDER_CONFIRMATION), ("next", Role.BUSINESS_DEPARTMENT)),
        ),
    ]


def test_a_warning_names_the_term_and_the_form_beyond_the_terms() -> None:
    beyond = order("1万", term_days=90, form=CreditForm.INSTALMENT)
    check = check_order(beyond, position(), SEED, on=DAY, at=CheckPoint.INVOICE)
    assert (check.decision, check.failures) == (
        OrderDecision.WARN,
        (CreditFailure.TERM, CreditFailure.FORM),
    )
    assert _reasons(check) == [
        _LIMIT_REASON,
        _exposure_reason(10_000),
        ("C2", CreditReason.C2_TERM, (("days", 90), ("granted", 60))),
        ("C2", CreditReason.C2_FORM, (("form", CreditForm.INSTALMENT), ("granted", OPEN))),
        ("C2", CreditReason.C2_WARN, (("at", CheckPoint.INVOICE), ("next", Role.FINANCE))),
    ]


def test_the_past_due_block_names_the_amount_and_the_tolerance() -> None:
    block = with_orders(block_past_due=True, past_due_tolerance="100")
    pos = position(receivables=[receivable("INV-1", "3万", dt.date(2026, 10, 31))])
    check = check_order(order("1万"), pos, block, on=DAY)
    assert _reasons(check) == [
        _LIMIT_REASON,
        _exposure_reason(40_000, past_due=30_000),
        (
            "C2",
            CreditReason.C2_PAST_DUE_BLOCK,
            (("past_due", Decimal(30_000)), ("tolerance", Decimal(100))),
        ),
        (
            "C2",
            CreditReason.C2_NEEDS_APPROVAL,
            (("order", "SO-9"), ("next", Role.GENERAL_MANAGER)),
        ),
        ("C2", CreditReason.C2_COLLECT_FIRST, (("amount", Decimal(29_900)),)),
    ]


def test_a_check_point_that_checks_nothing_says_so() -> None:
    ignore = with_orders(confirmation_reaction=CheckReaction.IGNORE)
    check = check_order(order("60万"), position(), ignore, on=DAY)
    assert _reasons(check) == [
        _LIMIT_REASON,
        _exposure_reason(600_000),
        ("C2", CreditReason.C2_NOT_CHECKED, (("at", CheckPoint.ORDER_CONFIRMATION),)),
        (
            "C2",
            CreditReason.C2_ACCEPT,
            (("at", CheckPoint.ORDER_CONFIRMATION), ("next", Role.BUSINESS_DEPARTMENT)),
        ),
    ]


@pytest.mark.parametrize(
    ("call", "path", "given", "expected"),
    [
        (
            lambda: check_order(order("1"), position(), SEED, on=DAY, approval="GM"),  # type: ignore[arg-type]
            "approval",
            "'GM'",
            "an Approval or None",
        ),
        (
            lambda: contract_records("HT-1", SEED, on=DAY),  # type: ignore[arg-type]
            "contract",
            "'HT-1'",
            "a SignedContract",
        ),
        (
            lambda: contract_records(_contract(currency="USD"), SEED, on=DAY),
            "contract.currency",
            "'USD'",
            "'CNY': amounts in one currency",
        ),
        (
            lambda: contract_records(_contract(), SEED, on=DAY - dt.timedelta(days=1)),
            "on",
            "datetime.date(2026, 11, 29)",
            "a day on or after the signing day 2026-11-30",
        ),
        (
            lambda: SignedContract("HT-1", "C007", "12万", "2026-11-30", None),  # type: ignore[arg-type]
            "signed_on",
            "'2026-11-30'",
            "a datetime.date",
        ),
    ],
)
def test_a_wrong_argument_is_named_with_what_was_given_and_expected(
    call: Any, path: str, given: str, expected: str
) -> None:
    """Bad input gets a typed error naming the field, what was given and what was expected."""
    assert problems_of(call) == [(path, given, expected)]


def test_contract_records_record_the_book_that_decided() -> None:
    """The contract records say which policy version and effective date decided them."""
    from customer_rules.book import PolicyBook

    book = PolicyBook(version="2027", effective=dt.date(2026, 1, 1))
    result = contract_records(_contract(), book.credit, on=DAY)
    assert (result.policy_version, result.policy_effective) == ("2027", dt.date(2026, 1, 1))


@pytest.mark.parametrize(
    ("amount", "told"),
    [("30000", False), ("30000.01", True)],
)
def test_an_amount_at_its_sub_limit_is_within_it_and_not_told_as_over(
    amount: str, told: bool
) -> None:
    """超过: a component equal to its sub-limit does not exceed it — no failure, and no
    ``C2.sub_limit`` reason in the check or in its exposure; a fen more does both."""
    policy = with_orders(this_order=ComponentPolicy(sub_limit=Decimal(30_000)))
    check = check_order(order(amount), position(), policy, on=DAY)
    assert (CreditFailure.SUB_LIMIT in check.failures) is told
    codes = [r.code for r in check.reasons]
    assert codes.count(CreditReason.C2_SUB_LIMIT) == int(told)
    assert [r.code for r in check.exposure.reasons].count(CreditReason.C2_SUB_LIMIT) == int(told)


def test_a_sub_limit_is_told_once_by_the_exposure_not_as_a_term_or_form() -> None:
    """A sub-limit failure has the exposure's reason only: no term, form or past-due reason for
    terms that hold."""
    policy = with_orders(this_order=ComponentPolicy(sub_limit=Decimal(10_000)))
    check = check_order(order("3万"), position(), policy, on=DAY)
    assert check.failures == (CreditFailure.SUB_LIMIT,)
    assert _reasons(check) == [
        _LIMIT_REASON,
        _exposure_reason(30_000),
        (
            "C2",
            CreditReason.C2_SUB_LIMIT,
            (
                ("component", ExposureComponent.THIS_ORDER),
                ("amount", Decimal(30_000)),
                ("sub_limit", Decimal(10_000)),
                ("over", Decimal(20_000)),
            ),
        ),
        (
            "C2",
            CreditReason.C2_NEEDS_APPROVAL,
            (("order", "SO-9"), ("next", Role.GENERAL_MANAGER)),
        ),
        (
            "C2",
            CreditReason.C2_SHIP_LESS,
            (("amount", Decimal(20_000)), ("remaining", Decimal(10_000))),
        ),
    ]


# --------------------------------------------------------------------------- exact refusals


def _forever() -> Approval:
    return Approval("赵总", Role.GENERAL_MANAGER, CREDIT_RAISE, DAY)


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: check_order("SO-1", position(), SEED, on=DAY),  # type: ignore[arg-type]
            [("order", "'SO-1'", "an Order")],
            id="order-not-an-order",
        ),
        pytest.param(
            lambda: exposure(position(), SEED, on=DAY, order="SO-1"),  # type: ignore[arg-type]
            [("order", "'SO-1'", "an Order")],
            id="exposure-order-not-an-order",
        ),
        pytest.param(
            lambda: check_order(Order("SO-1", "C008", "1"), position(), SEED, on=DAY),
            [("order.customer", "'C008'", "'C007'")],
            id="order-of-another-customer",
        ),
        pytest.param(
            lambda: check_order(order("1", currency="USD"), position(), SEED, on=DAY),
            [("order.currency", "'USD'", "'CNY': amounts in one currency")],
            id="order-not-in-cny",
        ),
        pytest.param(
            lambda: check_order(order("1"), position(), SEED, on=DAY, at="shipment"),  # type: ignore[arg-type]
            [("at", "'shipment'", "a CheckPoint")],
            id="at-not-a-check-point",
        ),
        pytest.param(
            lambda: check_order(order("1"), "C007", SEED, on=DAY),  # type: ignore[arg-type]
            [("position", "'C007'", "a CreditPosition")],
            id="position-not-a-position",
        ),
        pytest.param(
            lambda: TemporaryRaise("10万", "赵总"),  # type: ignore[arg-type]
            [("approval", "'赵总'", "an Approval")],
            id="raise-without-an-approval-record",
        ),
        pytest.param(
            lambda: TemporaryRaise("10万", _forever()),
            [
                (
                    "approval.valid_until",
                    None,
                    "the last day of the temporary raise (it must expire)",
                )
            ],
            id="raise-that-never-expires",
        ),
        pytest.param(
            lambda: check_orders("SO-1", position(), SEED, on=DAY),  # type: ignore[arg-type]
            [("orders", "'SO-1'", "a list of Order values")],
            id="orders-not-a-list",
        ),
        pytest.param(
            lambda: check_orders([], position(), SEED, on=DAY, approvals="GM"),  # type: ignore[arg-type]
            [("approvals", "'GM'", "a mapping of order ids to Approval records")],
            id="approvals-not-a-mapping",
        ),
        pytest.param(
            lambda: check_orders([], position(), SEED, on=DAY, approvals={"SO-9": "GM"}),  # type: ignore[dict-item]
            [("approvals['SO-9']", "'GM'", "an Approval under an order id")],
            id="approval-not-a-record",
        ),
    ],
)
def test_each_c2_refusal_names_the_field_what_was_given_and_what_was_expected(
    call: Any, problems: list[tuple[str, str | None, str]]
) -> None:
    """C2: a bad argument is refused with its path, what was given and what was expected — an
    approval is an Approval record (never a flag or a name), a temporary raise must expire,
    money is one currency."""
    assert problems_of(call) == problems


def test_a_day_that_only_pretends_to_be_the_last_one_is_still_refused() -> None:
    """C2: the shortcut for many orders with one policy, day and check point never skips the
    check of ``on``: a value equal to everything is not a date."""
    from unittest import mock

    check_order(order("1"), position(), SEED, on=DAY)
    assert problems_of(lambda: check_order(order("1"), position(), SEED, on=mock.ANY)) == [
        ("on", "a _ANY", "a datetime.date")
    ]


def test_the_first_check_of_a_fresh_process_decides() -> None:
    """C2: with no earlier check remembered (a fresh process: every memo emptied), an order is
    decided all the same."""
    from customer_rules._bounded import forget_all

    forget_all()
    result = check_order(order("1万"), position(), SEED, on=DAY)
    assert (result.decision, result.total) == (OrderDecision.ACCEPT, Decimal(10_000))


def test_a_subclass_of_order_and_of_position_is_taken_as_one() -> None:
    """C2: a host's own Order or CreditPosition subclass is an Order / a CreditPosition."""

    class HostOrder(Order):
        pass

    class HostPosition(CreditPosition):
        pass

    mine = HostOrder("SO-9", "C007", "1万")
    pos = HostPosition("C007", TERMS, unshipped=[order("5万", "SO-1")])
    assert exposure(pos, SEED, on=DAY, order=mine).total == Decimal(60_000)
    result = check_order(mine, pos, SEED, on=DAY)
    assert (result.decision, result.total) == (OrderDecision.ACCEPT, Decimal(60_000))
    (first,) = check_orders([mine], pos, SEED, on=DAY)
    assert (first.decision, first.total) == (OrderDecision.ACCEPT, Decimal(60_000))


# --------------------------------------------------------------------------- exact boundaries


@pytest.mark.parametrize(
    ("changes", "receivables", "unshipped", "amount", "collect", "less"),
    [
        pytest.param(
            {"unshipped": ComponentPolicy(sub_limit=Decimal(100_000))},
            [receivable("INV-1", "30万", dt.date(2026, 10, 31))],
            [order("10万", "SO-1")],
            "20万",
            Decimal(100_000),
            Decimal(100_000),
            id="unshipped-at-its-sub-limit",
        ),
        pytest.param(
            {"this_order": ComponentPolicy(sub_limit=Decimal(200_000))},
            [receivable("INV-1", "40万", dt.date(2026, 10, 31))],
            [],
            "20万",
            Decimal(100_000),
            Decimal(100_000),
            id="this-order-at-its-sub-limit",
        ),
        pytest.param(
            {"past_due": ComponentPolicy(sub_limit=Decimal(300_000))},
            [receivable("INV-1", "30万", dt.date(2026, 10, 31))],
            [],
            "30万",
            Decimal(100_000),
            Decimal(100_000),
            id="past-due-at-its-sub-limit",
        ),
        pytest.param(
            {"open_not_due": ComponentPolicy(sub_limit=Decimal(100_000))},
            [
                receivable("INV-1", "20万", dt.date(2026, 10, 31)),
                receivable("INV-2", "10万", dt.date(2026, 12, 31)),
            ],
            [],
            "25万",
            Decimal(50_000),
            Decimal(50_000),
            id="open-not-due-at-its-sub-limit",
        ),
    ],
)
def test_a_component_at_its_sub_limit_is_within_it(
    changes: dict[str, Any],
    receivables: list[Receivable],
    unshipped: list[Order],
    amount: str,
    collect: Decimal,
    less: Decimal,
) -> None:
    """C2 [default]: a component exceeding (超过) its sub-limit fails; one equal to it does not,
    and does not stop collecting or shipping less from curing the limit."""
    pos = position(receivables=receivables, unshipped=unshipped)
    result = check_order(order(amount), pos, with_orders(**changes), on=DAY)
    assert result.failures == (CreditFailure.OVER_LIMIT,)
    assert result.decision is OrderDecision.NEEDS_APPROVAL
    assert (result.over, result.collect_first, result.ship_less) == (collect, collect, less)


def test_an_unshipped_amount_at_its_sub_limit_passes() -> None:
    """C2 [default]: the signed unshipped orders equal to their sub-limit do not fail it."""
    policy = with_orders(unshipped=ComponentPolicy(sub_limit=Decimal(100_000)))
    pos = position(unshipped=[order("10万", "SO-1")])
    result = check_order(order("1万"), pos, policy, on=DAY)
    assert (result.decision, result.failures) == (OrderDecision.ACCEPT, ())


@pytest.mark.parametrize(
    ("changes", "receivables", "amount", "over", "collect"),
    [
        pytest.param(
            {"open_not_due": ComponentPolicy(include=False)},
            [receivable("INV-1", "10万", dt.date(2026, 10, 31))],
            "50万",
            Decimal(100_000),
            Decimal(100_000),
            id="over-equal-to-past-due-not-due-excluded",
        ),
        pytest.param(
            {},
            [],
            "60万",
            Decimal(100_000),
            None,
            id="nothing-to-collect",
        ),
        pytest.param(
            {},
            [
                receivable("INV-1", "5万", dt.date(2026, 10, 31)),
                receivable("INV-2", "5万", dt.date(2026, 12, 31)),
            ],
            "50万",
            Decimal(100_000),
            Decimal(100_000),
            id="over-equal-to-all-receivables",
        ),
        pytest.param(
            {"open_not_due": ComponentPolicy(include=False)},
            [
                receivable("INV-1", "5万", dt.date(2026, 10, 31)),
                receivable("INV-2", "20万", dt.date(2026, 12, 31)),
            ],
            "55万",
            Decimal(100_000),
            None,
            id="not-due-excluded-past-due-too-small",
        ),
        pytest.param(
            {"past_due": ComponentPolicy(include=False)},
            [
                receivable("INV-1", "5万", dt.date(2026, 10, 31)),
                receivable("INV-2", "10万", dt.date(2026, 12, 31)),
            ],
            "50万",
            Decimal(100_000),
            Decimal(150_000),
            id="past-due-excluded-over-equal-to-not-due",
        ),
    ],
)
def test_collect_first_counts_only_what_collecting_cures(
    changes: dict[str, Any],
    receivables: list[Receivable],
    amount: str,
    over: Decimal,
    collect: Decimal | None,
) -> None:
    """C2: collect_first is what to collect, past due first, for the included receivables to
    bring the exposure back to the limit (an exposure equal to it is within it); ``None`` when
    the included receivables cannot cover the excess."""
    pos = position(receivables=receivables)
    result = check_order(order(amount), pos, with_orders(**changes), on=DAY)
    assert (result.failures, result.over) == ((CreditFailure.OVER_LIMIT,), over)
    assert result.collect_first == collect


# --------------------------------------------------------------------------- exact reasons


def test_a_hold_at_shipment_names_the_check_point_and_who_approves() -> None:
    """C3 via C2: at shipment an order beyond the range is held until the general manager
    approves; the reason names the check point and the approving role."""
    check = check_order(order("60万"), position(), SEED, on=DAY, at=CheckPoint.SHIPMENT)
    assert _reasons(check) == [
        _LIMIT_REASON,
        _exposure_reason(600_000),
        (
            "C2",
            CreditReason.C2_OVER_LIMIT,
            (("total", Decimal(600_000)), ("limit", Decimal(500_000)), ("over", Decimal(100_000))),
        ),
        ("C2", CreditReason.C2_HOLD, (("at", CheckPoint.SHIPMENT), ("next", Role.GENERAL_MANAGER))),
        (
            "C2",
            CreditReason.C2_SHIP_LESS,
            (("amount", Decimal(100_000)), ("remaining", Decimal(500_000))),
        ),
    ]


def test_the_limit_names_each_raise_in_force_or_not() -> None:
    """C2: a raise in force is named with its amount, approver, role and last day; one that
    does not hold with its amount, approver, role and why; then the limit in force."""
    in_force = _raise("10万", DAY)
    expired = _raise("5万", DAY - dt.timedelta(days=1))
    limit = credit_limit(position(raises=[in_force, expired]), SEED, on=DAY)
    assert [(r.rule, r.code, r.facts) for r in limit.reasons] == [
        _LIMIT_REASON,
        (
            "C2",
            CreditReason.C2_RAISE,
            (
                ("amount", Decimal(100_000)),
                ("who", "赵总"),
                ("role", Role.GENERAL_MANAGER),
                ("until", DAY),
            ),
        ),
        (
            "C2",
            CreditReason.C2_RAISE_IGNORED,
            (
                ("amount", Decimal(50_000)),
                ("who", "赵总"),
                ("role", Role.GENERAL_MANAGER),
                ("finding", ApprovalFinding.NOT_IN_FORCE),
            ),
        ),
        ("C2", CreditReason.C2_LIMIT_IN_FORCE, (("limit", Decimal(600_000)),)),
    ]


@pytest.mark.parametrize(
    ("reading", "code"),
    [
        (ZeroLimitReading.NO_CREDIT, CreditReason.C2_ZERO_NO_CREDIT),
        (ZeroLimitReading.NO_CHECK, CreditReason.C2_ZERO_NO_CHECK),
    ],
)
def test_a_zero_limit_names_its_reading_under_c2(reading: ZeroLimitReading, code: str) -> None:
    """C2: an explicit limit of 0 is told as the reading the policy chose, under rule C2."""
    zero = position(terms=CreditTerms(0, 60, OPEN))
    limit = credit_limit(zero, with_orders(zero_limit=reading), on=DAY)
    assert [(r.rule, r.code, r.facts) for r in limit.reasons] == [
        (
            "C2",
            CreditReason.C2_LIMIT_CUSTOMER,
            (("customer", "C007"), ("limit", Decimal(0)), ("group", None)),
        ),
        ("C2", code, ()),
    ]


def test_a_raise_gives_no_credit_to_a_customer_not_rated() -> None:
    """C1/C2: a customer not rated has no credit; a temporary raise does not give it any."""
    limit = credit_limit(position(terms=None, raises=[_raise("10万", DAY)]), SEED, on=DAY)
    assert (limit.source, limit.amount, limit.raises, limit.statuses) == (
        LimitSource.NOT_RATED,
        Decimal(0),
        (),
        (),
    )


def test_every_c2_result_records_the_book_that_decided() -> None:
    """C2: the limit, the exposure and the decision say which policy version and effective date
    decided them."""
    from customer_rules.book import PolicyBook

    credit = PolicyBook(version="2027", effective=dt.date(2026, 1, 1)).credit
    decided = ("2027", dt.date(2026, 1, 1))
    limit = credit_limit(position(), credit, on=DAY)
    assert (limit.policy_version, limit.policy_effective) == decided
    e = exposure(position(), credit, on=DAY, order=order("1万"))
    assert (e.policy_version, e.policy_effective) == decided
    check = check_order(order("1万"), position(), credit, on=DAY)
    assert (check.policy_version, check.policy_effective) == decided


# --------------------------------------------------------------------------- exact exposures


def test_the_exposure_of_a_resubmitted_order_counts_it_once() -> None:
    """C2: an order already among the unshipped orders (the same id) counts once, as this
    order."""
    pos = position(unshipped=[order("5万", "SO-1"), order("3万", "SO-2")])
    e = exposure(pos, SEED, on=DAY, order=order("10万", "SO-1"))
    assert (e.unshipped, e.this_order, e.total) == (
        Decimal(30_000),
        Decimal(100_000),
        Decimal(130_000),
    )


def test_no_unshipped_order_is_written_as_an_amount_of_zero() -> None:
    """C2: with no signed unshipped order the component is the amount 0, written as money in
    the plain data like every other component."""
    data = to_data(exposure(position(), SEED, on=DAY))
    assert data["unshipped"] == "0"
    assert data["reasons"][0]["facts"]["unshipped"] == {"decimal": "0"}


def test_another_day_or_check_point_with_the_same_policy_decides_on_its_own() -> None:
    """C2: a receivable due on the day is past due the day after; each call decides on its own
    day and at its own check point, whatever was asked before with the same policy."""
    pos = position(receivables=[receivable("INV-1", "5万", DAY)])
    after = DAY + dt.timedelta(days=1)
    assert exposure(pos, SEED, on=DAY).past_due == 0
    e = exposure(pos, SEED, on=after)
    assert (e.on, e.open_not_due, e.past_due) == (after, Decimal(0), Decimal(50_000))
    first = check_order(order("45万"), pos, SEED, on=DAY)
    assert (first.limit.on, first.past_due, first.decision) == (
        DAY,
        Decimal(0),
        OrderDecision.ACCEPT,
    )
    later = check_order(order("45万"), pos, SEED, on=after)
    assert (later.limit.on, later.past_due, later.open_not_due) == (
        after,
        Decimal(50_000),
        Decimal(0),
    )
    held = check_order(order("60万"), pos, SEED, on=after, at=CheckPoint.SHIPMENT)
    assert (held.at, held.decision) == (CheckPoint.SHIPMENT, OrderDecision.HOLD)
