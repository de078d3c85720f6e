"""C3 — the shipment check: release or hold from the customer's payment performance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.credit import (
    RELEASE_SHIPMENT,
    ApprovalFinding,
    CreditPolicy,
    CreditReason,
    Receivable,
    Shipment,
    ShipmentCheck,
    ShipmentOutcome,
    ShipmentPolicy,
    ShipmentReaction,
    check_shipment,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import Reason, explain, find_reason
from customer_rules.roles import Approval, ApprovalStatus, Role
from customer_rules.settings import Mark, settings_of
from customer_rules.testing import amounts, days
from refusals import problems_of

SEED = CreditPolicy()
DAY = dt.date(2026, 11, 30)
SHIP = Shipment("FH-1", "C007", order="SO-1")


def receivable(id: str, amount: str, due: dt.date, paid: str = "0") -> Receivable:
    return Receivable(id, "C007", amount, due, paid=paid)


def shipment_policy(**changes: Any) -> CreditPolicy:
    return CreditPolicy(shipment=ShipmentPolicy(**changes))


@pytest.mark.parametrize(
    ("due", "outcome"),
    [
        pytest.param(DAY, ShipmentOutcome.RELEASE, id="due-today"),
        pytest.param(DAY - dt.timedelta(days=1), ShipmentOutcome.HOLD, id="one-day-late"),
        pytest.param(DAY + dt.timedelta(days=30), ShipmentOutcome.RELEASE, id="not-yet-due"),
    ],
)
def test_a_customer_behind_on_its_payments_is_held(due: dt.date, outcome: ShipmentOutcome) -> None:
    """C3 "业务统计查对客户按合同规定的履约付款情况": a receivable unpaid after its due date is an
    overdue item; the default reaction holds [default]."""
    result = check_shipment(SHIP, [receivable("INV-1", "1万", due)], SEED, on=DAY)
    assert result.outcome is outcome
    assert len(result.overdue) == (1 if outcome is ShipmentOutcome.HOLD else 0)


def test_the_overdue_items_are_the_reasons() -> None:
    items = [
        receivable("INV-1", "3万", dt.date(2026, 11, 15), paid="1万"),
        receivable("INV-2", "5万", dt.date(2026, 10, 31)),
        receivable("INV-3", "2万", dt.date(2026, 9, 30), paid="2万"),  # paid
        receivable("INV-4", "4万", dt.date(2026, 12, 31)),  # not yet due
    ]
    result = check_shipment(SHIP, items, SEED, on=DAY)
    assert result.outcome is ShipmentOutcome.HOLD
    assert [(i.id, i.days, i.open_amount) for i in result.overdue] == [
        ("INV-2", 30, Decimal(50_000)),
        ("INV-1", 15, Decimal(20_000)),
    ]
    assert result.overdue_amount == Decimal(70_000)
    assert result.next_role is Role.PLANNING_DEPARTMENT
    assert explain(result, "zh").splitlines() == [
        "[C3] 应收账款 INV-2 于 2026-10-31 到期,已逾期 30 天,未收 50,000 元",
        "[C3] 应收账款 INV-1 于 2026-11-15 到期,已逾期 15 天,未收 20,000 元",
        "[C3] 客户拖欠 70,000 元,发货单 FH-1 暂停发货;由企划部追讨欠款",
    ]
    assert explain(result, "en").splitlines()[-1] == (
        "[C3] the customer is behind by 70,000: shipment FH-1 held;"
        " the planning department pursues the arrears"
    )


def test_release_names_the_warehouse_keeper() -> None:
    result = check_shipment(SHIP, [], SEED, on=DAY)
    assert result.outcome is ShipmentOutcome.RELEASE
    assert result.outcome.released
    assert result.next_role is Role.WAREHOUSE_KEEPER
    assert explain(result, "en") == (
        "[C3] the customer pays as the contract says: shipment FH-1 released;"
        " warehouse keeper ships"
    )


def test_release_with_a_warning_is_the_other_reaction() -> None:
    late = [receivable("INV-1", "1万", DAY - dt.timedelta(days=1))]
    result = check_shipment(SHIP, late, shipment_policy(reaction=ShipmentReaction.WARN), on=DAY)
    assert result.outcome is ShipmentOutcome.WARN
    assert result.outcome.released
    assert result.next_role is Role.WAREHOUSE_KEEPER
    assert find_reason(result, CreditReason.C3_WARN) is not None
    assert find_reason(result, CreditReason.C3_OVERDUE) is not None


def test_only_hold_or_warn_are_shipment_reactions() -> None:
    with pytest.raises(PolicyError) as info:
        ShipmentPolicy(reaction="approval")  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["reaction"]


@pytest.mark.parametrize(
    ("late", "grace", "outcome"),
    [
        (5, 5, ShipmentOutcome.RELEASE),  # within the grace days
        (6, 5, ShipmentOutcome.HOLD),
    ],
)
def test_grace_days(late: int, grace: int, outcome: ShipmentOutcome) -> None:
    items = [receivable("INV-1", "1万", DAY - dt.timedelta(days=late))]
    result = check_shipment(SHIP, items, shipment_policy(grace_days=grace), on=DAY)
    assert result.outcome is outcome


@pytest.mark.parametrize(
    ("paid", "outcome"),
    [("9999.5", ShipmentOutcome.RELEASE), ("9999.49", ShipmentOutcome.HOLD)],
)
def test_a_residue_up_to_the_tolerance_is_not_an_overdue_item(
    paid: str, outcome: ShipmentOutcome
) -> None:
    items = [receivable("INV-1", "1万", DAY - dt.timedelta(days=40), paid=paid)]
    result = check_shipment(SHIP, items, shipment_policy(tolerance=Decimal("0.50")), on=DAY)
    assert result.outcome is outcome


def _release(**changes: Any) -> Approval:
    values: dict[str, Any] = {"subject": "FH-1"}
    values.update(changes)
    role = values.pop("role", Role.GENERAL_MANAGER)
    return Approval("赵总", role, RELEASE_SHIPMENT, DAY, **values)


def test_a_held_shipment_is_released_by_exception_with_an_approval() -> None:
    late = [receivable("INV-1", "1万", DAY - dt.timedelta(days=1))]
    result = check_shipment(SHIP, late, SEED, on=DAY, approval=_release())
    assert result.outcome is ShipmentOutcome.BY_EXCEPTION
    assert result.approval_status is ApprovalStatus.GRANTED
    assert result.next_role is Role.WAREHOUSE_KEEPER
    assert explain(result, "en").splitlines()[-1] == (
        "[C3] shipment FH-1 released by exception by 赵总 (general manager); warehouse keeper ships"
    )


@pytest.mark.parametrize(
    ("approval", "finding"),
    [
        (_release(role=Role.SALES_MANAGER), ApprovalFinding.WRONG_ROLE),
        (_release(subject="FH-2"), ApprovalFinding.OTHER_SUBJECT),
        (
            Approval(
                "赵总",
                Role.GENERAL_MANAGER,
                RELEASE_SHIPMENT,
                dt.date(2026, 11, 1),
                DAY - dt.timedelta(days=1),
            ),
            ApprovalFinding.NOT_IN_FORCE,
        ),
    ],
)
def test_a_release_that_does_not_hold_leaves_the_shipment_held(
    approval: Approval, finding: ApprovalFinding
) -> None:
    late = [receivable("INV-1", "1万", DAY - dt.timedelta(days=1))]
    result = check_shipment(SHIP, late, SEED, on=DAY, approval=approval)
    assert result.outcome is ShipmentOutcome.HOLD
    refused = find_reason(result, CreditReason.C3_APPROVAL_REFUSED)
    assert refused is not None
    assert refused.fact("finding") is finding
    assert result.next_role is Role.PLANNING_DEPARTMENT


def test_receivables_of_another_customer_or_currency_are_refused() -> None:
    with pytest.raises(InputError) as info:
        check_shipment(SHIP, [Receivable("INV-1", "C008", "1", DAY)], SEED, on=DAY)
    assert info.value.field == "receivables[0].customer"
    with pytest.raises(InputError) as info:
        check_shipment(
            SHIP,
            [receivable("INV-1", "1", DAY), Receivable("INV-2", "C007", "1", DAY, currency="USD")],
            SEED,
            on=DAY,
        )
    assert info.value.field == "receivables[1].currency"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: check_shipment("FH-1", [], SEED, on=DAY), "shipment"),  # type: ignore[arg-type]
        (lambda: check_shipment(SHIP, "INV-1", SEED, on=DAY), "receivables"),  # type: ignore[arg-type]
        (lambda: check_shipment(SHIP, [1], SEED, on=DAY), "receivables[0]"),  # type: ignore[list-item]
        (lambda: check_shipment(SHIP, [], ShipmentPolicy(), on=DAY), "policy"),  # type: ignore[arg-type]
        (lambda: check_shipment(SHIP, [], SEED, on=None), "on"),  # type: ignore[arg-type]
        (lambda: check_shipment(SHIP, [], SEED, on=DAY, approval="yes"), "approval"),  # type: ignore[arg-type]
        (lambda: Shipment("FH-1", "C007", order=" "), "order"),
        (lambda: Shipment("", "C007"), "id"),
    ],
)
def test_bad_arguments_are_named(call: Any, field: str) -> None:
    with pytest.raises(InputError) as info:
        call()
    assert info.value.field == field


def test_the_seed_marks() -> None:
    marks = {i.path: i.setting.mark for i in settings_of(SEED) if i.path.startswith("shipment.")}
    assert marks == {
        "shipment.reaction": Mark.DEFAULT,
        "shipment.grace_days": Mark.DEFAULT,
        "shipment.tolerance": Mark.DEFAULT,
        "shipment.checker": Mark.SEED,
        "shipment.release_role": Mark.SEED,
        "shipment.hold_role": Mark.SEED,
        "shipment.release_roles": Mark.DEFAULT,
    }


# --------------------------------------------------------------------------- properties

_RECEIVABLES = st.lists(
    st.builds(
        lambda i, amount, due, share: Receivable(
            f"INV-{i}", "C007", amount, due, paid=(amount * share / 4).quantize(Decimal("0.01"))
        ),
        st.integers(0, 99),
        amounts(0, 100_000),
        days(dt.date(2026, 6, 1), dt.date(2027, 3, 31)),
        st.integers(0, 4),
    ),
    max_size=6,
    unique_by=lambda r: r.id,
)
_POLICIES = st.builds(
    lambda reaction, grace, tolerance: shipment_policy(
        reaction=reaction, grace_days=grace, tolerance=tolerance
    ),
    st.sampled_from(list(ShipmentReaction)),
    st.integers(0, 30),
    amounts(0, 100),
)


@given(_RECEIVABLES, _POLICIES, days(dt.date(2026, 6, 1), dt.date(2027, 6, 30)))
def test_released_iff_nothing_is_overdue_or_the_policy_warns(
    items: list[Receivable], policy: CreditPolicy, day: dt.date
) -> None:
    result = check_shipment(SHIP, items, policy, on=day)
    p = policy.shipment
    overdue = {
        r.id for r in items if (day - r.due).days > p.grace_days and r.open_amount > p.tolerance
    }
    assert {i.id for i in result.overdue} == overdue
    assert result.outcome.released is (not overdue or p.reaction is ShipmentReaction.WARN)
    assert [i.days for i in result.overdue] == sorted(
        (i.days for i in result.overdue), reverse=True
    )
    codes = [r.code for r in result.reasons]
    assert codes.count(CreditReason.C3_OVERDUE) == len(overdue)
    assert result == check_shipment(SHIP, items, policy, on=day)  # deterministic
    assert from_data(ShipmentCheck, to_data(result), policy=policy) == result
    for reason in result.reasons:
        assert Reason.from_data(reason.to_data("en")) == reason


@given(_RECEIVABLES, days(dt.date(2026, 6, 1), dt.date(2027, 6, 30)), st.integers(0, 400))
def test_a_held_shipment_stays_held_as_days_pass(
    items: list[Receivable], day: dt.date, later: int
) -> None:
    if check_shipment(SHIP, items, SEED, on=day).outcome is ShipmentOutcome.HOLD:
        after = day + dt.timedelta(days=later)
        assert check_shipment(SHIP, items, SEED, on=after).outcome is ShipmentOutcome.HOLD


@pytest.mark.parametrize(
    ("call", "path", "given", "expected"),
    [
        (lambda: check_shipment("FH-1", [], SEED, on=DAY), "shipment", "'FH-1'", "a Shipment"),
        (
            lambda: check_shipment(SHIP, "INV-1", SEED, on=DAY),
            "receivables",
            "'INV-1'",
            "a list of Receivable values",
        ),
        (
            lambda: check_shipment(SHIP, ["INV-1"], SEED, on=DAY),
            "receivables[0]",
            "'INV-1'",
            "a Receivable",
        ),
        (
            lambda: check_shipment(SHIP, [Receivable("I", "C008", "1", DAY)], SEED, on=DAY),
            "receivables[0].customer",
            "'C008'",
            "'C007'",
        ),
        (
            lambda: check_shipment(SHIP, [], SEED, on=DAY, approval="GM"),
            "approval",
            "'GM'",
            "an Approval or None",
        ),
    ],
)
def test_a_wrong_argument_is_named_with_what_was_given_and_expected(
    call: Any, path: str, given: str, expected: str
) -> None:
    """Bad input gets a typed error naming the field, what was given and what was expected."""
    assert problems_of(call) == [(path, given, expected)]


def test_the_result_records_the_book_that_decided() -> None:
    """A shipment check says which policy version and effective date decided it."""
    from customer_rules.book import PolicyBook

    book = PolicyBook(version="2027", effective=dt.date(2026, 1, 1))
    result = check_shipment(SHIP, [], book.credit, on=DAY)
    assert (result.policy_version, result.policy_effective) == ("2027", dt.date(2026, 1, 1))
