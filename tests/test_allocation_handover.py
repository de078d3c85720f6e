"""A14 — a departing employee's customers re-assigned through the allocator, the customer
notices, the data hand-over, and the company contacts of important new customers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.refusals import problems_of

from customer_rules import CALENDAR_DAYS, Deadline, DeadlineMode, InputError, explain
from customer_rules.allocation import (
    AllocationPolicy,
    AllocationReason,
    Handover,
    HeldCustomer,
    PersonStatus,
    Salesperson,
    Violation,
    allocate,
    check_contacts,
    handover,
)
from customer_rules.cn_calendar import china_working_days
from customer_rules.dates import SHANGHAI
from customer_rules.grading import DealSizeType
from customer_rules.interchange import from_data, to_data
from customer_rules.roles import Role
from customer_rules.testing import held_customers, rosters

A, B, C, D = DealSizeType.A, DealSizeType.B, DealSizeType.C, DealSizeType.D
AT = dt.datetime(2026, 11, 30, 17, 30, tzinfo=SHANGHAI)
SEED = AllocationPolicy()
LEAVING = Salesperson("S9", "周离", level="1")
ROSTER = [LEAVING, Salesperson("S1", "王强", team="华东"), Salesperson("S2", "李娜", team="华南")]


def held(cid: str, kind: DealSizeType = B, **kw: Any) -> HeldCustomer:
    return HeldCustomer(cid, kind, **kw)


# --------------------------------------------------------------------------- contacts


@pytest.mark.parametrize(
    ("contacts", "short"),
    [
        pytest.param(["S1"], True, id="两个以上-1"),
        pytest.param(["S1", "S2"], False, id="两个以上-2"),
        pytest.param(["S1", "S1"], True, id="one-person-twice"),
        pytest.param(["S1", "S2", "S3"], False, id="两个以上-3"),
    ],
)
def test_an_important_new_customer_needs_two_or_more_contacts(
    contacts: list[str], short: bool
) -> None:
    """A14 "对一些较重要、未来将发展的新客户,公司要有两个以上的人员与之联系": 以上 includes the
    number, so two distinct people suffice and one does not."""
    check = check_contacts(held("C1", contacts=contacts, important=True, new=True), SEED)
    assert (check.applies, check.short, check.minimum) == (True, short, 2)
    code = AllocationReason.A14_CONTACTS_SHORT if short else AllocationReason.A14_CONTACTS_OK
    assert check.reasons[0].code is code


@pytest.mark.parametrize(("important", "new"), [(True, False), (False, True), (False, False)])
def test_only_important_new_customers_are_checked(important: bool, new: bool) -> None:
    check = check_contacts(held("C1", important=important, new=new), SEED)
    assert (check.applies, check.short) == (False, False)
    assert explain(check, "en") == (
        "[A14] customer C1 is not an important new customer: no minimum of company contacts"
    )


def test_the_minimum_is_policy_data() -> None:
    three = AllocationPolicy(handover={"min_contacts": 3})
    vip = held("C1", contacts=["S1", "S2"], important=True, new=True)
    assert check_contacts(vip, three).short
    assert not check_contacts(vip, SEED).short


# --------------------------------------------------------------------------- hand-over


def test_the_customers_go_through_the_allocator_without_the_departing_person() -> None:
    customers = [held("C1", A, contribution="300万"), held("C2", C), held("C3", D)]
    done = handover(LEAVING, customers, ROSTER, [], SEED, at=AT)
    successors = [n.successor.id if n.successor else None for n in done.notices]
    assert successors == ["S1", "S2", "S1"]
    assert "S9" not in successors
    expected = allocate([a.lead for a in done.allocation.assignments], ROSTER[1:], [], SEED, at=AT)
    assert expected.assignments == done.allocation.assignments


def test_each_customer_is_told_and_contacted_by_the_deadlines() -> None:
    """ "应由公司及时通知有关客户,并指派其员工顶替调离员工迅速与客户建立联系": the notice and the
    successor's contact by the next day [default], the data taken over that day [default]."""
    done = handover(LEAVING, [held("C1")], ROSTER, [], SEED, at=AT)
    (notice,) = done.notices
    assert (notice.notify_by, notice.contact_by, notice.notifier) == (
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 1),
        Role.SALES_ADMIN,
    )
    assert (done.data.by, done.data.receiver, done.data.customers) == (
        dt.date(2026, 11, 30),
        Role.SALES_ADMIN,
        ("C1",),
    )
    assert explain(done.data, "zh") == (
        "[A14] S9 调离:不得带走客户资料,1 户客户资料由销售内勤于 2026-11-30 前接收、整理、归档"
    )


def test_the_deadlines_count_from_the_departure_day_in_shanghai() -> None:
    late_utc = dt.datetime(2026, 11, 30, 17, 0, tzinfo=dt.UTC)  # 01:00 on 1 December in Shanghai
    done = handover(LEAVING, [held("C1")], ROSTER, [], SEED, at=late_utc)
    assert done.notices[0].notify_by == dt.date(2026, 12, 2)


def test_working_day_deadlines_skip_the_weekend() -> None:
    friday = dt.datetime(2026, 12, 4, 18, 0, tzinfo=SHANGHAI)
    p = AllocationPolicy(handover={"notice": Deadline(1, DeadlineMode.WORKING_DAYS)})
    done = handover(LEAVING, [held("C1")], ROSTER, [], p, at=friday, calendar=china_working_days())
    assert done.notices[0].notify_by == dt.date(2026, 12, 7)
    plain = handover(LEAVING, [held("C1")], ROSTER, [], p, at=friday, calendar=CALENDAR_DAYS)
    assert plain.notices[0].notify_by == dt.date(2026, 12, 5)


def test_the_seed_counts_calendar_days_even_on_a_working_day_calendar() -> None:
    """ "及时", "迅速": the next calendar day, a Saturday included; the data on the day itself,
    even a Saturday (no roll to the next working day)."""
    cn = china_working_days()
    friday = dt.datetime(2026, 12, 4, 18, 0, tzinfo=SHANGHAI)
    done = handover(LEAVING, [held("C1")], ROSTER, [], SEED, at=friday, calendar=cn)
    assert (done.notices[0].notify_by, done.notices[0].contact_by) == (
        dt.date(2026, 12, 5),
        dt.date(2026, 12, 5),
    )
    saturday = friday + dt.timedelta(days=1)
    assert handover(LEAVING, [held("C1")], ROSTER, [], SEED, at=saturday, calendar=cn).data.by == (
        dt.date(2026, 12, 5)
    )


def test_a_customer_nobody_can_take_is_flagged_for_a_manager() -> None:
    away = [LEAVING, Salesperson("S1", status=PersonStatus.ON_LEAVE)]
    done = handover(LEAVING, [held("C1")], away, [], SEED, at=AT)
    (notice,) = done.notices
    assert (notice.successor, notice.contact_by) == (None, None)
    assert notice.reasons[0].code is AllocationReason.A14_NO_SUCCESSOR
    assert done.allocation.unassigned[0].lead.id == "C1"


def test_suspended_people_do_not_take_over() -> None:
    history = [Violation("S1", AT - dt.timedelta(days=1))]
    done = handover(LEAVING, [held("C1"), held("C2")], ROSTER, history, SEED, at=AT)
    assert {n.successor.id for n in done.notices if n.successor} == {"S2"}


def test_contacts_after_the_handover_drop_the_departing_person_and_add_the_successor() -> None:
    vip = held("C1", contacts=["S9", "K5"], important=True, new=True)
    lonely = held("C2", contacts=["S9"], important=True, new=True)
    done = handover(LEAVING, [vip, lonely], ROSTER, [], SEED, at=AT)
    assert [(n.contacts.contacts, n.contacts.short) for n in done.notices] == [
        (2, False),
        (1, True),
    ]
    assert [n.customer.id for n in done.short_of_contacts] == ["C2"]
    assert done.notices[1].reasons[-1].code is AllocationReason.A14_CONTACTS_SHORT


def test_bad_input_names_the_item() -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"departing": "S9"}, "departing"),
        ({"customers": [held("C1"), held("C1")]}, "customers[1].id"),
        ({"customers": [object()]}, "customers[0]"),
        ({"at": dt.datetime(2026, 11, 30)}, "at"),
        ({"calendar": "cn"}, "calendar"),
        ({"seed": -2}, "seed"),
    ]
    for change, path in cases:
        args: dict[str, Any] = {
            "departing": LEAVING,
            "customers": [held("C1")],
            "roster": ROSTER,
            "history": [],
            "policy": SEED,
            "at": AT,
        }
        args.update(change)
        with pytest.raises(InputError) as caught:
            handover(**args)
        assert caught.value.problems[0].path == path, change
    with pytest.raises(InputError):
        HeldCustomer("C1", A, contacts="S1")
    with pytest.raises(InputError) as bad:
        HeldCustomer("C1", A, contacts=["S1", " "])
    assert bad.value.field == "contacts[1]"


def test_a_handover_round_trips_through_data() -> None:
    done = handover(
        LEAVING, [held("C1", contacts=["S9"], important=True, new=True)], ROSTER, [], SEED, at=AT
    )
    data = to_data(done, lang="zh")
    assert data["notices"][0]["successor"]["id"] == "S1"
    assert from_data(Handover, data, policy=SEED) == done


@given(st.lists(held_customers(), max_size=12, unique_by=lambda c: c.id), rosters())
def test_every_customer_gets_one_notice_and_never_the_departing_person(
    customers: list[HeldCustomer], roster: list[Salesperson]
) -> None:
    leaving = Salesperson("K9", level="1")
    done = handover(leaving, customers, [leaving, *roster], [], SEED, at=AT)
    assert [n.customer.id for n in done.notices] == [c.id for c in customers]
    for notice in done.notices:
        assert notice.successor is None or notice.successor.id != "K9"
        assert notice.notify_by >= AT.date()
        assert (notice.contact_by is None) is (notice.successor is None)
        assert notice.contacts.short == (
            notice.customer.important
            and notice.customer.new
            and notice.contacts.contacts < SEED.handover.min_contacts
        )
    assert done.data.customers == tuple(c.id for c in customers)


@pytest.mark.parametrize("customers", [[], [held("C1")]], ids=["none-held", "one-held"])
def test_a_book_not_yet_in_force_on_the_departure_is_refused(customers: list[HeldCustomer]) -> None:
    """A14 / G6: a departure before the book's effective date (its day in Asia/Shanghai) is
    refused naming ``at`` — whether or not the departing person holds customers."""
    later = AllocationPolicy(version="2027", effective=dt.date(2026, 12, 1))
    assert problems_of(lambda: handover(LEAVING, customers, ROSTER, [], later, at=AT)) == [
        (
            "at",
            "datetime.datetime(2026, 11, 30, 17, 30, tzinfo=zoneinfo.ZoneInfo(key='Asia/Sh...",
            "a moment on or after the policy's effective date 2026-12-01"
            " (version '2027', Asia/Shanghai)",
        )
    ]
    next_day = AT + dt.timedelta(hours=7)  # 2026-12-01 00:30 in Shanghai
    done = handover(LEAVING, customers, ROSTER, [], later, at=next_day)
    assert [n.customer.id for n in done.notices] == [c.id for c in customers]


# --------------------------------------------------------------------------- pinned details


def test_the_seed_is_passed_to_the_allocator() -> None:
    """A14 through A13: the run's seed rotates the successors' cycle as it does in allocate."""
    done = handover(LEAVING, [held("C1")], ROSTER, [], SEED, at=AT, seed=1)
    assert done.allocation.seed == 1
    assert done.notices[0].successor == ROSTER[2]


def test_the_contact_and_data_deadlines_use_the_calendar() -> None:
    """A14: the successor's contact and the data hand-over deadlines count working days on the
    calendar given, as the notice's does."""
    friday = dt.datetime(2026, 12, 4, 18, 0, tzinfo=SHANGHAI)
    one_working_day = Deadline(1, DeadlineMode.WORKING_DAYS)
    p = AllocationPolicy(handover={"contact": one_working_day, "data": one_working_day})  # type: ignore[arg-type]
    done = handover(LEAVING, [held("C1")], ROSTER, [], p, at=friday, calendar=china_working_days())
    assert (done.notices[0].contact_by, done.data.by) == (
        dt.date(2026, 12, 7),
        dt.date(2026, 12, 7),
    )


def test_the_customers_keep_their_contribution_and_potential_as_leads() -> None:
    """A14 through A13: a held customer becomes a lead with its own contribution and potential."""
    done = handover(
        LEAVING, [held("C1", contribution="300万", potential="5万")], ROSTER, [], SEED, at=AT
    )
    lead = done.allocation.assignments[0].lead
    assert (lead.contribution, lead.potential) == (Decimal("3000000"), Decimal("50000"))


def test_the_successor_already_a_contact_counts_once() -> None:
    """A14 两个以上的人员: the successor who already was a contact is one person, not two."""
    vip = held("C1", contacts=["S9", "S1"], important=True, new=True)
    done = handover(LEAVING, [vip], ROSTER, [], SEED, at=AT)
    (notice,) = done.notices
    assert notice.successor == ROSTER[1]
    assert (notice.contacts.contacts, notice.contacts.short) == (1, True)


def test_the_results_name_the_policy_effective_date() -> None:
    """G6: the hand-over, its contact checks and check_contacts name the book's effective date."""
    book = AllocationPolicy(version="2026", effective=dt.date(2026, 1, 1))
    vip = held("C1", contacts=["S1", "S2"], important=True, new=True)
    assert check_contacts(vip, book).policy_effective == dt.date(2026, 1, 1)
    done = handover(LEAVING, [vip], ROSTER, [], book, at=AT)
    assert done.policy_effective == dt.date(2026, 1, 1)
    assert done.notices[0].contacts.policy_effective == dt.date(2026, 1, 1)


AMOUNT = "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'"


@pytest.mark.parametrize(
    ("call", "problems"),
    [
        pytest.param(
            lambda: handover("S9", [], ROSTER, [], SEED, at=AT),  # type: ignore[arg-type]
            [("departing", "'S9'", "a Salesperson")],
            id="departing",
        ),
        pytest.param(
            lambda: handover(LEAVING, "C1", ROSTER, [], SEED, at=AT),  # type: ignore[arg-type]
            [("customers", "'C1'", "a list of HeldCustomer values")],
            id="customers",
        ),
        pytest.param(
            lambda: handover(LEAVING, [], "S1", [], SEED, at=AT),  # type: ignore[arg-type]
            [("roster", "'S1'", "a list of Salesperson values")],
            id="roster",
        ),
        pytest.param(
            lambda: check_contacts("C1", SEED),  # type: ignore[arg-type]
            [("customer", "'C1'", "a HeldCustomer")],
            id="check_contacts",
        ),
        pytest.param(
            lambda: held("C1", contacts="S1"),
            [("contacts", "'S1'", "a list of the ids of the company's contacts")],
            id="contacts",
        ),
        pytest.param(
            lambda: held("C1", contacts=["S1", 3]),
            [("contacts[1]", 3, "a non-empty id")],
            id="contacts-item",
        ),
        pytest.param(
            lambda: held("C1", contribution="abc"),
            [("contribution", "'abc'", AMOUNT)],
            id="contribution",
        ),
        pytest.param(
            lambda: held("C1", potential="abc"),
            [("potential", "'abc'", AMOUNT)],
            id="potential",
        ),
    ],
)
def test_bad_input_is_refused_with_its_path_given_and_expected(
    call: Any, problems: list[tuple[str, object, str]]
) -> None:
    """A14: each refusal pins the argument's path, the value given and what was expected."""
    assert problems_of(call) == problems
