"""A8–A10 and the public pool: what a bad policy table or a bad fact is refused with, and the
edges of what is accepted.

Every refusal is pinned whole with :func:`problems_of` — path, given value and expectation —
so that a refusal naming the wrong field, value or text is noticed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from customer_rules.allocation import (
    AllocationPolicy,
    Holding,
    IdleState,
    SalesAction,
    WindowExtension,
    holding_status,
    reclaimable,
)
from customer_rules.calendars import CALENDAR_DAYS
from customer_rules.dates import EARLIEST, LATEST
from customer_rules.errors import PolicyError
from customer_rules.grading import DealSizeType, Grade
from customer_rules.roles import Role
from refusals import problems_of

SEED = AllocationPolicy()
JAN15 = dt.date(2026, 1, 15)
_RANGE = "a date from 1900-01-01 to 2999-12-31"


def book(**sections: object) -> AllocationPolicy:
    """A policy book from plain settings per section, as a company's file gives them."""
    return AllocationPolicy(**sections)  # type: ignore[arg-type]


def held(**more: object) -> Holding:
    values: dict[str, object] = {"customer": "C1", "holder": "S1", "received": JAN15}
    values.update(more)
    return Holding(**values)  # type: ignore[arg-type]


def _rules(*classes: dict[str, object]) -> dict[str, object]:
    return {"rules": [{"kind": "no_deal", "days": 9, "classes": list(classes)}]}


# --------------------------------------------------------------------------- the pool's policy


def test_the_manager_may_be_copied_on_the_day_the_holder_is_reminded() -> None:
    """Pool ladder (beyond A9): ``copy_days`` at most ``remind_days`` — equal is allowed."""
    policy = book(pool={"remind_days": 3, "copy_days": 3})
    assert (policy.pool.remind_days, policy.pool.copy_days) == (3, 3)
    assert problems_of(lambda: book(pool={"remind_days": 2, "copy_days": 3}), PolicyError) == [
        ("pool.copy_days", 3, "at most remind_days (2)")
    ]


def test_a_reclaim_kind_given_twice_is_refused_naming_the_second() -> None:
    """Pool reclaim rules (beyond A9): each kind once."""
    rules = [{"kind": "no_deal", "days": 9}, {"kind": "no_deal", "days": 5}]
    assert problems_of(lambda: book(pool={"rules": rules}), PolicyError) == [
        ("pool.rules[1].kind", "'no_deal'", "each kind once")
    ]


@pytest.mark.parametrize(
    ("row", "given"),
    [
        ({"days": 3}, None),
        ({"days": 3, "grade": "A", "lead_type": "B"}, "<Grade.A: 'A'>"),
    ],
)
def test_a_class_row_with_both_or_neither_class_is_refused(
    row: dict[str, object], given: object
) -> None:
    """Pool durations per class (beyond A9): a row is a grade or a lead type, exactly one."""
    assert problems_of(lambda: book(pool=_rules(row)), PolicyError) == [
        (
            "pool.rules[0].classes[0].grade",
            given,
            "either a grade or a lead_type (exactly one of them)",
        )
    ]


@pytest.mark.parametrize("field", ["grade", "lead_type"])
def test_a_class_given_twice_is_refused_naming_its_value(field: str) -> None:
    """Pool durations per class (beyond A9): each class once, the class named by its value."""
    rows = ({"days": 3, field: "A"}, {"days": 4, "grade": "B"}, {"days": 5, field: "A"})
    assert problems_of(lambda: book(pool=_rules(*rows)), PolicyError) == [
        ("pool.rules[0].classes[2]", "'A'", "each class once")
    ]


def test_lead_types_and_grades_are_distinct_classes() -> None:
    """Pool durations per class (beyond A9): grade A, lead type A and lead type B are three
    classes, each with its days."""
    policy = book(
        pool=_rules(
            {"days": 3, "grade": "A"},
            {"days": 4, "lead_type": "A"},
            {"days": 5, "lead_type": "B"},
        )
    )
    rule = policy.pool.rules[0]
    assert rule.days_for(Grade.A, None) == 3
    assert rule.days_for(None, DealSizeType.A) == 4
    assert rule.days_for(None, DealSizeType.B) == 5
    assert rule.days_for(None, DealSizeType.C) == 9


def test_the_claiming_roles_follow_into_the_seed_pool_table() -> None:
    """A9 pool table: left at the default, the claim row is allowed to the claiming roles."""
    policy = book(pool={"claiming_roles": ["sales_manager"]})
    claim_row = policy.pool.table.transition("pool", "claim")
    assign_row = policy.pool.table.transition("pool", "assign")
    assert claim_row is not None
    assert assign_row is not None
    assert claim_row.roles == frozenset({Role.SALES_MANAGER})
    assert assign_row.roles == frozenset({Role.MARKETING_DIRECTOR})


def test_the_allocating_role_follows_into_the_seed_pool_table() -> None:
    """A9 "市场总监统一调配": left at the default, the table's director rows follow the
    allocating role."""
    policy = book(pool={"allocating_role": "general_manager"})
    table = policy.pool.table
    claim_row = table.transition("pool", "claim")
    assign_row = table.transition("pool", "assign")
    release_row = table.transition("held", "release")
    assert claim_row is not None
    assert assign_row is not None
    assert release_row is not None
    assert claim_row.roles == frozenset({Role.SALESPERSON})
    assert assign_row.roles == frozenset({Role.GENERAL_MANAGER})
    assert release_row.roles == frozenset({Role.SALESPERSON, Role.GENERAL_MANAGER})


def test_a_companys_own_pool_table_is_kept_as_given() -> None:
    """A9 pool table: a table of the company's own is never replaced by the default's."""
    own = book(pool={"claiming_roles": ["salesperson", "sales_manager"]}).pool.table
    policy = book(pool={"table": own})
    assert policy.pool.table == own
    assert policy.pool.table != SEED.pool.table
    # its own table with roles of its own: still kept, the roles checked against it
    mine = book(pool={"table": own, "allocating_role": "marketing_director"})
    assert mine.pool.table == own
    director = book(pool={"table": own, "allocating_role": "general_manager"})
    assert director.pool.table == own


def test_a_pool_table_without_the_claim_row_is_refused() -> None:
    """A9 pool table: it must keep ``pool`` → ``claim`` → ``held``."""
    assert problems_of(lambda: book(pool={"table": SEED.window.extension}), PolicyError) == [
        ("pool.table.transitions", "'3 row(s)'", "a row from 'pool' on 'claim' to 'held'")
    ]


def test_a_pool_table_whose_claim_row_leaves_out_a_claiming_role_is_refused() -> None:
    """A9 pool table: the claim row is allowed to every claiming role."""
    own = book(pool={"claiming_roles": ["sales_manager"]}).pool.table
    assert problems_of(lambda: book(pool={"table": own}), PolicyError) == [
        ("pool.table.transitions[0].roles", "['sales_manager']", "roles including salesperson")
    ]


# --------------------------------------------------------------------------- A8's extension table


def test_a_window_table_without_the_grant_row_is_refused() -> None:
    """A8 (001 §4.4.3): the extension table must keep ``requested`` → ``grant`` → ``granted``."""
    assert problems_of(lambda: book(window={"extension": SEED.pool.table}), PolicyError) == [
        (
            "window.extension.transitions",
            "'6 row(s)'",
            "a row from 'requested' on 'grant' to 'granted'",
        )
    ]


def test_a_window_table_whose_grant_row_leaves_out_a_reviewer_is_refused() -> None:
    """A8 (001 §4.4.3): the grant row is allowed to every reviewing role, all named."""
    own = book(window={"reviewing_roles": ["sales_manager"]}).window.extension
    assert problems_of(
        lambda: book(window={"extension": own, "reviewing_roles": ["general_manager", "chairman"]}),
        PolicyError,
    ) == [
        (
            "window.extension.transitions[1].roles",
            "['sales_manager']",
            "roles including chairman, general_manager",
        )
    ]


def test_a_companys_own_window_table_is_kept_with_its_own_reviewers() -> None:
    """A8 (001 §4.4.3): a table of the company's own is kept, even with reviewing roles of its
    own; only the seed's table follows the reviewing roles."""
    own = book(window={"reviewing_roles": ["chairman", "general_manager"]}).window.extension
    policy = book(window={"reviewing_roles": ["chairman"], "extension": own})
    assert policy.window.extension == own


# --------------------------------------------------------------------------- a holding's facts


@pytest.mark.parametrize(
    ("more", "problem"),
    [
        ({"received": None}, ("received", None, "the day the holder received it (it is held)")),
        (
            {"first_action": dt.date(2026, 1, 14)},
            (
                "first_action",
                "datetime.date(2026, 1, 14)",
                "a date on or after received (2026-01-15)",
            ),
        ),
        (
            {"last_action": dt.date(2026, 1, 14)},
            (
                "last_action",
                "datetime.date(2026, 1, 14)",
                "a date on or after received (2026-01-15)",
            ),
        ),
        (
            {"first_action": dt.date(2026, 2, 2), "last_action": dt.date(2026, 2, 1)},
            (
                "last_action",
                "datetime.date(2026, 2, 1)",
                "a date on or after first_action (2026-02-02)",
            ),
        ),
        ({"version": -1}, ("version", -1, "a whole number from 0 to 10^15")),
        (
            {"version": 10**15 + 1},
            ("version", "an integer of about 16 digits", "a whole number from 0 to 10^15"),
        ),
        ({"holder": " "}, ("holder", "' '", "a non-empty text or None")),
        ({"previous_holder": ""}, ("previous_holder", "''", "a non-empty text or None")),
        (
            {"received": dt.date(1899, 12, 31)},
            ("received", "datetime.date(1899, 12, 31)", _RANGE),
        ),
        ({"signed": dt.date(3000, 1, 1)}, ("signed", "datetime.date(3000, 1, 1)", _RANGE)),
        ({"extensions": "x"}, ("extensions", "'x'", "a list of WindowExtension")),
        ({"extensions": 3}, ("extensions", 3, "a list of WindowExtension")),
        ({"extensions": ["x"]}, ("extensions[0]", "'x'", "a WindowExtension")),
    ],
)
def test_a_holding_that_cannot_be_right_is_refused_with_the_whole_problem(
    more: dict[str, object], problem: tuple[str, object, str]
) -> None:
    """A8–A10 facts: path, value given and expectation, for each way a holding is wrong."""
    assert problems_of(lambda: held(**more)) == [problem]


def test_a_holding_takes_the_edges_of_its_ranges() -> None:
    """A8–A10 facts: the first and last days of the range and the largest version are facts."""
    h = held(received=EARLIEST, last_deal=LATEST, version=10**15)
    assert (h.received, h.last_deal, h.version) == (EARLIEST, LATEST, 10**15)
    assert SalesAction("C1", EARLIEST).on == EARLIEST
    assert SalesAction("C1", LATEST).on == LATEST
    assert held(version=151).version == 151


@pytest.mark.parametrize(
    ("records", "problem"),
    [
        ("x", ("records", "'x'", "a list of EventRecord")),
        (3, ("records", 3, "a list of EventRecord")),
        (["x"], ("records[0]", "'x'", "an EventRecord")),
    ],
)
def test_an_extension_with_records_that_are_not_steps_is_refused(
    records: object, problem: tuple[str, object, str]
) -> None:
    """A8 (001 §4.4.3): an extension's records are steps of the extension table."""
    assert problems_of(lambda: WindowExtension(3, records)) == [problem]


# --------------------------------------------------------------------------- the day and actions


@pytest.mark.parametrize(
    ("on", "problem"),
    [
        ("2026-03-01", ("on", "'2026-03-01'", "a datetime.date")),
        (dt.date(3000, 1, 1), ("on", "datetime.date(3000, 1, 1)", _RANGE)),
        # 2999-12-31 20:00 UTC is 3000-01-01 in Asia/Shanghai: beyond the range
        (
            dt.datetime(2999, 12, 31, 20, tzinfo=dt.UTC),
            ("on", "datetime.date(3000, 1, 1)", _RANGE),
        ),
    ],
)
def test_the_day_asked_is_refused_naming_on(on: object, problem: tuple[str, object, str]) -> None:
    """A8–A10: ``on`` is a day in range, or a moment whose day in Asia/Shanghai is."""
    assert problems_of(lambda: holding_status(held(), SEED, on=on)) == [problem]  # type: ignore[arg-type]
    assert problems_of(lambda: reclaimable([held()], [], SEED, on=on)) == [problem]  # type: ignore[arg-type]


def test_actions_that_are_not_a_list_are_refused() -> None:
    """A9: the sales actions are a list of SalesAction."""
    expected = [("actions", "'x'", "a list of SalesAction")]
    assert problems_of(lambda: reclaimable([held()], "x", SEED, on=JAN15)) == expected  # type: ignore[arg-type]
    assert problems_of(lambda: holding_status(held(), SEED, on=JAN15, actions="x")) == expected  # type: ignore[arg-type]


def test_a_sales_action_on_the_day_asked_counts() -> None:
    """A9 "两个月时间内": an action on the day asked is an action, not one yet to happen."""
    last_day = dt.date(2026, 3, 15)
    actions = [SalesAction("C1", last_day)]
    check = holding_status(held(), SEED, on=last_day, actions=actions).idle
    assert check is not None
    assert check.state is IdleState.ACTIVE
    assert check.first == last_day
    report = reclaimable([held()], actions, SEED, on=last_day)
    assert report.items[0].idle == check


def test_a_bad_calendar_is_refused_even_right_after_the_same_question() -> None:
    """Pool ladder (beyond A9): the calendar is checked on every call, whatever was asked
    before with the same policy and day."""
    policy = book(pool={"enabled": True})
    first = holding_status(held(), policy, on=JAN15, calendar=CALENDAR_DAYS)
    assert first.pool is not None
    assert problems_of(
        lambda: holding_status(held(), policy, on=JAN15, calendar="x")  # type: ignore[arg-type]
    ) == [("calendar", "'x'", "a Calendar, e.g. CALENDAR_DAYS")]


def test_the_idle_rule_switched_off_gives_no_idle_check() -> None:
    """A9 (001 §市场部 (2nd) 二.3): a company without the rule switches it off."""
    off = book(idle={"enabled": False})
    assert holding_status(held(), off, on=dt.date(2026, 3, 16)).idle is None
    report = reclaimable([held()], [], off, on=dt.date(2026, 3, 16))
    assert report.items[0].idle is None
    assert report.due == ()
