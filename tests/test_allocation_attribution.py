"""A11, A12 — to whom a deal's results count.

Seeds: "在未经市场总监的允许下,不得私自调换客户资源,一经发现该客户所产生的业务归入部门所有,不作为
任何一方的业绩。如确有需要更换服务人员时,当事人双方应事先向市场总监提出申请,由市场总监实施调换"
(001 §市场部 (2nd) 二.2); "客户经理新开发的客户…所产生的业绩归其所有,但应将客户信息汇集给市场总监,
否则业绩归部门所有" (二.4); "老客户采用延续负责的原则" (二.5); "公司领导安排或者打电话进来的业务,
执行者给予相应奖励" (003 §大客户部管理制度 三.2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.refusals import problems_of

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
from customer_rules.reasons import Reason, explain
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


# --------------------------------------------------------------------------- refusals, exactly

DATE_RANGE = "a date from 1900-01-01 to 2999-12-31"


@pytest.mark.parametrize(
    ("more", "problems"),
    [
        ({"signed": "2026-06-01"}, [("signed", "'2026-06-01'", "a datetime.date")]),
        (
            {"signed": dt.datetime(2026, 6, 1, 9)},
            [("signed", "datetime.datetime(2026, 6, 1, 9, 0)", DATE_RANGE)],
        ),
        ({"signed": dt.date(1800, 1, 1)}, [("signed", "datetime.date(1800, 1, 1)", DATE_RANGE)]),
        ({"reported_on": "x"}, [("reported_on", "'x'", "a datetime.date")]),
        ({"holder": "  "}, [("holder", "'  '", "a non-empty text or None")]),
        ({"holder": 5}, [("holder", 5, "a non-empty text or None")]),
        ({"swap": "x"}, [("swap", "'x'", "a list of EventRecord")]),
        ({"swap": 5}, [("swap", 5, "a list of EventRecord")]),
        ({"swap": ["x"]}, [("swap[0]", "'x'", "an EventRecord")]),
    ],
)
def test_a_bad_deal_is_refused_naming_the_field_the_value_and_what_was_expected(
    more: dict[str, object], problems: list[tuple[str, object, str]]
) -> None:
    """A11, A12: every fact of a deal is checked, and the refusal says which, what and why."""
    assert problems_of(lambda: deal(**more)) == problems


def test_the_first_and_last_days_of_the_calendar_are_accepted_as_deal_days() -> None:
    """A11, A12: the range of a deal's day is inclusive at both ends."""
    assert deal(signed=dt.date(1900, 1, 1)).signed == dt.date(1900, 1, 1)
    assert deal(signed=dt.date(2999, 12, 31)).signed == dt.date(2999, 12, 31)


def test_bad_arguments_of_attribute_deal_are_refused_exactly() -> None:
    """A11, A12: a bad ``on``, a non-deal, a deal or report after the day asked."""
    assert problems_of(lambda: attribute_deal(deal(), POLICY, on="x")) == [  # type: ignore[arg-type]
        ("on", "'x'", "a datetime.date")
    ]
    assert problems_of(lambda: attribute_deal("D1", POLICY, on=ON)) == [  # type: ignore[arg-type]
        ("deal", "'D1'", "a Deal")
    ]
    late = deal(signed=dt.date(2026, 7, 1), reported_on=dt.date(2026, 7, 2))
    after = "a date on or before 2026-06-30, the day asked"
    assert problems_of(lambda: attribute_deal(late, POLICY, on=ON)) == [
        ("signed", "datetime.date(2026, 7, 1)", after),
        ("reported_on", "datetime.date(2026, 7, 2)", after),
    ]


def test_a_deal_signed_on_the_day_asked_is_attributed() -> None:
    """A11, A12: a deal of the day asked about is not "after" it."""
    a = attribute_deal(deal(signed=ON), POLICY, on=ON)
    assert (a.credit_to, a.person) == (CreditTo.SALESPERSON, "王芳")


def test_a_policy_with_an_effective_date_decides_a_day_it_is_in_force() -> None:
    """A11, A12: the day asked is checked against the policy's effective date."""
    policy = attrs.evolve(POLICY, effective=dt.date(2026, 1, 1))
    a = attribute_deal(deal(), policy, on=ON)
    assert (a.credit_to, a.person, a.policy_effective) == (
        CreditTo.SALESPERSON,
        "王芳",
        dt.date(2026, 1, 1),
    )


def test_a_bad_swap_table_is_refused_even_with_other_director_roles() -> None:
    """A11: a company's own swap table is kept, and checked, whatever the director roles."""
    bad = {"swap": POLICY.window.extension, "director_roles": ["general_manager"]}
    assert problems_of(lambda: AllocationPolicy(attribution=bad), PolicyError) == [
        (
            "attribution.swap.transitions",
            "'3 row(s)'",
            "a row from 'agreed' on 'carry_out' to 'swapped'",
        )
    ]


def test_a_swap_table_the_directors_cannot_carry_out_is_refused() -> None:
    """A11: the director roles must be allowed to carry out the swap."""
    own = attrs.evolve(POLICY.attribution.swap, name="own")
    bad = {"swap": own, "director_roles": ["general_manager"]}
    assert problems_of(lambda: AllocationPolicy(attribution=bad), PolicyError) == [
        (
            "attribution.swap.transitions[2].roles",
            "['marketing_director']",
            "roles including the director_roles",
        )
    ]


# --------------------------------------------------------------------------- reasons, exactly

MD = Role.MARKETING_DIRECTOR
LATER = SIGNED + dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("the_deal", "reasons"),
    [
        (
            lambda: deal(holder="陈小明", swap=swap_records(carried_out=LATER)),
            [Reason.of("A11", "A11.swap.late", customer="C7", role=MD, on=LATER, signed=SIGNED)],
        ),
        (
            lambda: deal(holder="陈小明", swap=swap_records()),
            [
                Reason.of(
                    "A11", "A11.swapped", customer="C7", role=MD, on=SIGNED, salesperson="王芳"
                ),
                Reason.of("A12", "A12.allocated", customer="C7", salesperson="王芳", role=MD),
            ],
        ),
        (
            lambda: deal(source=DealSource.SELF_DEVELOPED, reported_on=SIGNED),
            [
                Reason.of(
                    "A12", "A12.own", customer="C7", salesperson="王芳", reported=SIGNED, role=MD
                )
            ],
        ),
        (
            lambda: deal(source=DealSource.SELF_DEVELOPED),
            [
                Reason.of(
                    "A12", "A12.unreported", customer="C7", salesperson="王芳", by=SIGNED, role=MD
                )
            ],
        ),
        (
            lambda: deal(source=DealSource.OLD),
            [Reason.of("A12", "A12.old", customer="C7", salesperson="王芳")],
        ),
        (
            lambda: deal(source=DealSource.PHONE_IN),
            [
                Reason.of(
                    "A12",
                    "A12.executed",
                    customer="C7",
                    source=DealSource.PHONE_IN,
                    salesperson="王芳",
                ),
                Reason.of(
                    "A12",
                    "A12.reward",
                    source=DealSource.PHONE_IN,
                    salesperson="王芳",
                    reward=Decimal(200),
                ),
            ],
        ),
    ],
)
def test_each_reason_names_its_rule_and_every_fact_it_used(
    the_deal: Callable[[], Deal], reasons: list[Reason]
) -> None:
    """A11, A12: the reasons carry the rule id, the code and each fact, exactly."""
    assert list(attribute_deal(the_deal(), POLICY, on=ON).reasons) == reasons


def test_the_unreported_reason_names_the_day_asked_under_the_other_reading() -> None:
    """A12: reported_by_deal=False: the information was due by the day asked."""
    policy = AllocationPolicy(attribution={"reported_by_deal": False})
    a = attribute_deal(deal(source=DealSource.SELF_DEVELOPED), policy, on=ON)
    assert list(a.reasons) == [
        Reason.of("A12", "A12.unreported", customer="C7", salesperson="王芳", by=ON, role=MD)
    ]


def test_the_reasons_name_the_first_director_role_in_the_catalogue_order() -> None:
    """A11, A12: with several director roles, the reasons name the first in Role order."""
    policy = AllocationPolicy(
        attribution={"director_roles": ["marketing_director", "office_director"]}
    )
    a = attribute_deal(deal(), policy, on=ON)
    assert list(a.reasons) == [
        Reason.of(
            "A12",
            "A12.allocated",
            customer="C7",
            salesperson="王芳",
            role=Role.OFFICE_DIRECTOR,
        )
    ]


def test_an_unreported_customer_after_a_swap_keeps_the_swap_day() -> None:
    """A11, A12: a carried-out swap, then an unreported self-developed customer: the
    department, and the result still records the day of the swap."""
    d = deal(holder="陈小明", swap=swap_records(), source=DealSource.SELF_DEVELOPED)
    a = attribute_deal(d, POLICY, on=ON)
    assert (a.credit_to, a.person, a.swapped_on) == (CreditTo.DEPARTMENT, None, SIGNED)
