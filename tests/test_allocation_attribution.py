"""A11, A12 — to whom a deal's results count.

Seeds: "在未经市场总监的允许下,不得私自调换客户资源,一经发现该客户所产生的业务归入部门所有,不作为
任何一方的业绩。如确有需要更换服务人员时,当事人双方应事先向市场总监提出申请,由市场总监实施调换"
(001 §市场部 (2nd) 二.2); "客户经理新开发的客户…所产生的业绩归其所有,但应将客户信息汇集给市场总监,
否则业绩归部门所有" (二.4); "老客户采用延续负责的原则" (二.5); "公司领导安排或者打电话进来的业务,
执行者给予相应奖励" (003 §大客户部管理制度 三.2).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.allocation import (
    SWAP,
    AllocationPolicy,
    CreditTo,
    Deal,
    DealAttribution,
    DealSource,
    attribute_deal,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import explain
from customer_rules.roles import Approval, Role
from customer_rules.testing import deals
from customer_rules.workflow import EventRecord, apply, start

POLICY = AllocationPolicy()
SIGNED = dt.date(2026, 6, 1)
ON = dt.date(2026, 6, 30)


def deal(**more: object) -> Deal:
    values: dict[str, object] = {
        "id": "D1",
        "customer": "C7",
        "salesperson": "王芳",
        "signed": SIGNED,
        "amount": "50万",
    }
    values.update(more)
    return Deal(**values)  # type: ignore[arg-type]


def codes(a: DealAttribution) -> list[str]:
    return [str(r.code) for r in a.reasons]


def swap_records(
    *, carried_out: dt.date | None = SIGNED, second: str = "陈小明"
) -> list[EventRecord]:
    """Both parties apply; the director carries it out (or not yet)."""
    table = POLICY.attribution.swap
    case = start(table, subject="C7")
    day = dt.date(2026, 5, 20)
    first = apply(table, case, "apply", by=Approval("王芳", Role.SALESPERSON, "A11", day), on=day)
    other = Approval(second, Role.SALESPERSON, "A11", day)
    both = apply(table, first.after, "co_apply", by=other, on=day)
    records = [r for r in (first.record, both.record) if r is not None]
    if carried_out is not None and both.record is not None:
        director = Approval("李总监", Role.MARKETING_DIRECTOR, SWAP, carried_out)
        done = apply(table, both.after, "carry_out", by=director, on=carried_out)
        assert done.record is not None
        records.append(done.record)
    return records


# --------------------------------------------------------------------------- A11 swaps


def test_a_private_swap_gives_the_business_to_the_department_to_neither_person() -> None:
    a = attribute_deal(deal(holder="陈小明"), POLICY, on=ON)
    assert a.credit_to is CreditTo.DEPARTMENT
    assert a.person is None
    assert a.reward == 0
    assert codes(a) == ["A11.unauthorised"]
    assert "业务归入部门所有,不作为任何一方的业绩" in explain(a, "zh")


def test_a_swap_the_director_carried_out_counts_for_the_person_who_made_the_deal() -> None:
    a = attribute_deal(deal(holder="陈小明", swap=swap_records()), POLICY, on=ON)
    assert a.credit_to is CreditTo.SALESPERSON
    assert a.person == "王芳"
    assert a.swapped_on == SIGNED
    assert codes(a) == ["A11.swapped", "A12.allocated"]


def test_a_swap_applied_for_but_not_carried_out_is_still_private() -> None:
    a = attribute_deal(deal(holder="陈小明", swap=swap_records(carried_out=None)), POLICY, on=ON)
    assert a.credit_to is CreditTo.DEPARTMENT
    assert a.swapped_on is None


def test_a_swap_carried_out_after_the_deal_does_not_cover_it() -> None:
    later = SIGNED + dt.timedelta(days=1)
    a = attribute_deal(deal(holder="陈小明", swap=swap_records(carried_out=later)), POLICY, on=ON)
    assert a.credit_to is CreditTo.DEPARTMENT
    assert codes(a) == ["A11.swap.late"]


def test_both_parties_must_apply_one_person_twice_does_not_replay() -> None:
    records = swap_records()
    forged = attrs.evolve(records[1], by=attrs.evolve(records[1].by, who="王芳"))
    with pytest.raises(InputError) as caught:
        attribute_deal(deal(holder="陈小明", swap=[records[0], forged]), POLICY, on=ON)
    assert caught.value.field == "deal.swap.records[1].event"
    assert "needs another person" in str(caught.value)


def test_the_director_roles_follow_into_the_seed_swap_table() -> None:
    policy = AllocationPolicy(attribution={"director_roles": ["general_manager"]})
    move = policy.attribution.swap.transition("agreed", "carry_out")
    assert move is not None
    assert move.roles == frozenset({Role.GENERAL_MANAGER})
    with pytest.raises(PolicyError):
        AllocationPolicy(attribution={"swap": POLICY.window.extension})


# --------------------------------------------------------------------------- A12 sources


@pytest.mark.parametrize(
    ("reported", "credit"),
    [
        (SIGNED - dt.timedelta(days=30), CreditTo.SALESPERSON),
        (SIGNED, CreditTo.SALESPERSON),  # on or before the deal [default]
        (SIGNED + dt.timedelta(days=1), CreditTo.DEPARTMENT),
        (None, CreditTo.DEPARTMENT),
    ],
)
def test_a_self_developed_customer_counts_for_its_developer_if_reported_to_the_director(
    reported: dt.date | None, credit: CreditTo
) -> None:
    a = attribute_deal(deal(source=DealSource.SELF_DEVELOPED, reported_on=reported), POLICY, on=ON)
    assert a.credit_to is credit
    assert codes(a) == ["A12.own" if credit is CreditTo.SALESPERSON else "A12.unreported"]


def test_the_other_reading_reported_by_the_day_asked() -> None:
    policy = AllocationPolicy(attribution={"reported_by_deal": False})
    late = deal(source=DealSource.SELF_DEVELOPED, reported_on=SIGNED + dt.timedelta(days=5))
    assert attribute_deal(late, policy, on=ON).credit_to is CreditTo.SALESPERSON
    assert attribute_deal(late, POLICY, on=ON).credit_to is CreditTo.DEPARTMENT


@pytest.mark.parametrize(
    ("source", "code"),
    [(DealSource.OLD, "A12.old"), (DealSource.ALLOCATED, "A12.allocated")],
)
def test_old_and_allocated_customers_count_for_their_manager(source: DealSource, code: str) -> None:
    a = attribute_deal(deal(source=source), POLICY, on=ON)
    assert (a.credit_to, a.person, a.reward) == (CreditTo.SALESPERSON, "王芳", 0)
    assert codes(a) == [code]


@pytest.mark.parametrize("source", [DealSource.LEADER_ARRANGED, DealSource.PHONE_IN])
def test_leader_arranged_and_phone_in_business_rewards_its_executor(source: DealSource) -> None:
    a = attribute_deal(deal(source=source), POLICY, on=ON)
    assert a.credit_to is CreditTo.SALESPERSON
    assert a.reward == Decimal(200)  # blank in the seed ("相应奖励"): the example default
    assert codes(a) == ["A12.executed", "A12.reward"]
    assert "earns a reward of 200 yuan" in explain(a, "en")
    policy = AllocationPolicy(attribution={"reward_fixed": "100", "reward_percent": "1.5%"})
    assert attribute_deal(deal(source=source), policy, on=ON).reward == Decimal("7600.00")


def test_bad_input_is_refused_naming_the_field() -> None:
    with pytest.raises(InputError) as caught:
        attribute_deal(deal(signed=ON + dt.timedelta(days=1)), POLICY, on=ON)
    assert caught.value.field == "signed"
    with pytest.raises(InputError) as caught:
        attribute_deal("D1", POLICY, on=ON)  # type: ignore[arg-type]
    assert caught.value.field == "deal"
    with pytest.raises(InputError) as caught:
        deal(amount=1.5)
    assert caught.value.field == "amount"
    with pytest.raises(InputError) as caught:
        deal(swap=["x"])
    assert caught.value.field == "swap[0]"
    with pytest.raises(PolicyError):
        AllocationPolicy(attribution={"reward_percent": "101"})


# --------------------------------------------------------------------------- properties


@given(deals())
def test_an_attribution_is_total_deterministic_and_explained(d: Deal) -> None:
    on = dt.date(2026, 12, 31)
    if d.reported_on is not None and d.reported_on > on:
        return
    a = attribute_deal(d, POLICY, on=on)
    assert attribute_deal(d, POLICY, on=on) == a
    assert (a.credit_to is CreditTo.DEPARTMENT) is (a.person is None)
    assert a.reward >= 0
    assert (a.reward > 0) is (
        a.credit_to is CreditTo.SALESPERSON
        and d.source in (DealSource.LEADER_ARRANGED, DealSource.PHONE_IN)
    )
    private = d.holder is not None and d.holder != d.salesperson
    if private:  # no swap records: a change of hands is a private swap
        assert a.credit_to is CreditTo.DEPARTMENT
        assert codes(a) == ["A11.unauthorised"]
    assert all(r.rule in ("A11", "A12") for r in a.reasons)
    assert from_data(DealAttribution, to_data(a, lang="en"), policy=POLICY) == a


@given(deals(), st.integers(min_value=0, max_value=365))
def test_reporting_earlier_never_takes_the_results_away(d: Deal, earlier: int) -> None:
    on = dt.date(2026, 12, 31)
    if d.reported_on is None or d.reported_on > on:
        return
    sooner = Deal(
        d.id,
        d.customer,
        d.salesperson,
        d.signed,
        d.amount,
        d.source,
        holder=d.holder,
        reported_on=d.reported_on - dt.timedelta(days=earlier),
    )
    if attribute_deal(d, POLICY, on=on).credit_to is CreditTo.SALESPERSON:
        assert attribute_deal(sooner, POLICY, on=on).credit_to is CreditTo.SALESPERSON
