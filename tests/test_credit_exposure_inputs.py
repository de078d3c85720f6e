"""C2: what the exposure chapter's facts and policy refuse, pinned field by field.

An :class:`~customer_rules.credit.Order`, a :class:`~customer_rules.credit.CreditPosition` and the
functions taking a position refuse a bad fact with an
:class:`~customer_rules.errors.InputError` naming the dotted path, what was given and what was
expected; an :class:`~customer_rules.credit.OrderPolicy` refuses a repeated group or record with
a :class:`~customer_rules.errors.PolicyError` (docs/credit.md, C2).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from customer_rules.credit import (
    CreditForm,
    CreditPolicy,
    CreditPosition,
    CreditRecord,
    CreditTerms,
    GroupLimit,
    LimitSource,
    Order,
    OrderPolicy,
    Receivable,
    check_order,
    check_orders,
    credit_limit,
    exposure,
)
from customer_rules.errors import PolicyError
from refusals import problems_of

SEED = CreditPolicy()
DAY = dt.date(2026, 11, 30)
TERMS = CreditTerms("50万", 60, (CreditForm.OPEN_ACCOUNT,))
CURRENCY = "an ISO 4217 currency code such as 'CNY'"
DAYS = "a whole number of days from 0 to 3650, or None"
GROUP = "a group name or None"


class HostPosition(CreditPosition):
    """A host's own kind of position: still a CreditPosition."""


# --------------------------------------------------------------------------- an order


@pytest.mark.parametrize(
    ("currency", "given"),
    [
        ("cny", "'cny'"),  # three ASCII letters, not upper case
        ("ÉUR", "'ÉUR'"),  # three upper-case letters, not ASCII
        ("CNYX", "'CNYX'"),  # upper-case ASCII, but four letters
        ("CN", "'CN'"),
        (156, 156),  # the ISO numeric code is not the letter code
        (["C", "N", "Y"], "['C', 'N', 'Y']"),  # three items, not a text
    ],
    ids=["lower", "not-ascii", "four-letters", "two-letters", "number", "list"],
)
def test_an_order_refuses_a_currency_that_is_not_an_iso_code(currency: Any, given: object) -> None:
    """C2 "one currency": an order's currency is an ISO 4217 letter code, else refused naming
    ``currency`` with what was given."""
    assert problems_of(lambda: Order("SO-1", "C007", "1", currency=currency)) == [
        ("currency", given, CURRENCY)
    ]


def test_an_order_keeps_an_iso_currency_code_for_the_rules_to_refuse() -> None:
    """C2: another ISO code is a valid fact (the rules refuse it later as ``order.currency``)."""
    assert Order("SO-1", "C007", "1", currency="USD").currency == "USD"


@pytest.mark.parametrize("days", [0, 60, 3650, None])
def test_an_order_takes_a_payment_term_from_0_to_3650_days(days: int | None) -> None:
    """C2 信用期限: the term an order asks for, up to ten years inclusive, or ``None``."""
    assert Order("SO-1", "C007", "1", term_days=days).term_days == days


@pytest.mark.parametrize(
    ("days", "given"),
    [(3651, 3651), (-1, -1), (True, True), ("60", "'60'"), (60.0, "a float")],
    ids=["3651", "negative", "bool", "text", "float"],
)
def test_an_order_refuses_a_payment_term_out_of_range(days: Any, given: object) -> None:
    """C2 信用期限: a term beyond 3650 days, negative or not a whole number is refused naming
    ``term_days``."""
    assert problems_of(lambda: Order("SO-1", "C007", "1", term_days=days)) == [
        ("term_days", given, DAYS)
    ]


# --------------------------------------------------------------------------- a position


@pytest.mark.parametrize(
    ("group", "given"),
    [("  ", "'  '"), ("", "''"), (5, 5)],
    ids=["blank", "empty", "number"],
)
def test_a_position_refuses_a_blank_or_non_text_group(group: Any, given: object) -> None:
    """C2 group limits: a position's group is a name (or ``None``), else refused naming
    ``group``."""
    assert problems_of(lambda: CreditPosition("C007", group=group)) == [("group", given, GROUP)]


def test_a_position_keeps_its_group() -> None:
    """C2 group limits: a named group is kept as given."""
    assert CreditPosition("C007", group="华东").group == "华东"


@pytest.mark.parametrize(
    ("field", "value", "problems"),
    [
        ("raises", "x", [("raises", "'x'", "a list of TemporaryRaise values")]),
        ("raises", ("x",), [("raises[0]", "'x'", "a TemporaryRaise")]),
        ("raises", ["x"], [("raises[0]", "'x'", "a TemporaryRaise")]),
        ("unshipped", 7, [("unshipped", 7, "a list of Order values")]),
        ("unshipped", ("x",), [("unshipped[0]", "'x'", "an Order")]),
        ("unshipped", ["x"], [("unshipped[0]", "'x'", "an Order")]),
        ("receivables", b"INV", [("receivables", "b'INV'", "a list of Receivable values")]),
        ("receivables", ("x", "y"), [("receivables[0]", "'x'", "a Receivable")]),
    ],
    ids=[
        "raises-text",
        "raises-tuple-item",
        "raises-list-item",
        "unshipped-number",
        "unshipped-tuple-item",
        "unshipped-list-item",
        "receivables-bytes",
        "receivables-tuple-items",
    ],
)
def test_a_position_refuses_a_list_that_is_not_of_its_kind(
    field: str, value: Any, problems: list[tuple[str, object, str]]
) -> None:
    """C2: a position's receivables, unshipped orders and raises are lists of their kind; a
    tuple whose items are all of another kind is refused like a list, naming the first item."""
    assert problems_of(lambda: CreditPosition("C007", **{field: value})) == problems


def test_a_position_refuses_a_receivable_of_another_customer() -> None:
    """C2: a receivable of another customer is refused naming it and the position's customer."""
    other = Receivable("INV-1", "C008", "1", DAY)
    assert problems_of(lambda: CreditPosition("C007", receivables=[other])) == [
        ("receivables[0].customer", "'C008'", "'C007'")
    ]


def test_a_position_lists_every_unshipped_order_of_another_customer_or_repeated() -> None:
    """C2: every unshipped order of another customer, and every repeated order id, is listed
    in one refusal."""
    orders = [Order("SO-1", "C007", "1"), Order("SO-2", "C008", "1"), Order("SO-1", "C007", "2")]
    assert problems_of(lambda: CreditPosition("C007", unshipped=orders)) == [
        ("unshipped[1].customer", "'C008'", "'C007'"),
        ("unshipped[2].id", "'SO-1'", "a unique order id"),
    ]


# --------------------------------------------------------------------------- the position argument


@pytest.mark.parametrize(
    "call",
    [
        lambda: credit_limit("C007", SEED, on=DAY),  # type: ignore[arg-type]
        lambda: exposure("C007", SEED, on=DAY),  # type: ignore[arg-type]
        lambda: check_order(Order("SO-1", "C007", "1"), "C007", SEED, on=DAY),  # type: ignore[arg-type]
        lambda: check_orders([], "C007", SEED, on=DAY),  # type: ignore[arg-type]
    ],
    ids=["credit_limit", "exposure", "check_order", "check_orders"],
)
def test_a_position_argument_that_is_not_a_position_is_named(call: Any) -> None:
    """C2: the functions taking a position refuse anything else naming ``position``."""
    assert problems_of(call) == [("position", "'C007'", "a CreditPosition")]


def test_a_subclass_of_position_is_still_a_position() -> None:
    """C2: a host's subclass of CreditPosition is taken like the position itself."""
    limit = credit_limit(HostPosition("C007", TERMS), SEED, on=DAY)
    assert limit == credit_limit(CreditPosition("C007", TERMS), SEED, on=DAY)
    assert (limit.source, limit.amount) == (LimitSource.CUSTOMER, Decimal(500000))


# --------------------------------------------------------------------------- the policy


def test_the_policy_refuses_a_group_given_twice() -> None:
    """C2 group limits: a group given twice is refused naming the second row and the group."""
    with pytest.raises(PolicyError) as info:
        OrderPolicy(group_limits=(GroupLimit("g", Decimal(1)), GroupLimit("g", Decimal(2))))
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("group_limits[1].group", "duplicate group 'g'")
    ]


def test_the_policy_refuses_a_record_given_twice() -> None:
    """C2 "记入客户信用管理卡和应收账款账龄记录表": each record is entered once."""
    twice = (CreditRecord.CREDIT_CARD, CreditRecord.CREDIT_CARD)
    assert problems_of(lambda: OrderPolicy(contract_records=twice), PolicyError) == [
        ("contract_records", "a tuple of 2 item(s)", "each record once")
    ]
