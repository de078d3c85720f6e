"""The credit chapter's shared facts: :class:`Receivable` and the one currency (C2, C4, C5).

Boundaries on both sides (paid equal to the amount and one fen above it, issued on the due date
and a day after it), conversions of amounts, the round trip through plain data, and errors that
name their field.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.credit import CNY, Receivable
from customer_rules.errors import InputError
from customer_rules.interchange import from_data, to_data
from customer_rules.testing import receivables
from refusals import problems_of

D = dt.date
DUE = D(2026, 12, 31)


def paths(exc: pytest.ExceptionInfo[InputError]) -> list[str]:
    return [p.path for p in exc.value.problems]


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("given", "amount"),
    [
        ("12,500", Decimal("12500")),
        ("1.2万", Decimal("12000.0")),
        ("80万", Decimal(800_000)),
        (12500, Decimal(12500)),
        (Decimal("0.01"), Decimal("0.01")),
        ("0", Decimal(0)),
    ],
)
def test_an_amount_is_converted_once_to_decimal(given: Any, amount: Decimal) -> None:
    r = Receivable("AR-1", "C1", given, DUE)
    assert r.amount == amount
    assert type(r.amount) is Decimal
    assert r.paid == 0
    assert r.open_amount == amount


@pytest.mark.parametrize("bad", [1.5, 12500.0, "-1", "abc", Decimal("NaN"), "1e16", True])
def test_a_bad_amount_is_refused_naming_amount(bad: Any) -> None:
    with pytest.raises(InputError) as exc:
        Receivable("AR-1", "C1", bad, DUE)
    assert paths(exc) == ["amount"]


def test_a_float_is_refused_with_how_to_pass_it() -> None:
    with pytest.raises(InputError) as exc:
        Receivable("AR-1", "C1", "100", DUE, paid=99.5)  # type: ignore[arg-type]
    assert paths(exc) == ["paid"]
    assert "pass Decimal('99.5') or the string '99.5'" in exc.value.problems[0].expected


# --------------------------------------------------------------------------- paid and issued


def test_paid_up_to_the_amount_is_accepted_and_one_fen_more_is_not() -> None:
    full = Receivable("AR-1", "C1", "100.00", DUE, paid="100.00")
    assert full.open_amount == 0
    with pytest.raises(InputError) as exc:
        Receivable("AR-1", "C1", "100.00", DUE, paid="100.01")
    assert paths(exc) == ["paid"]
    assert exc.value.problems[0].expected == "at most the amount, 100.00"


def test_issued_on_the_due_date_is_accepted_and_a_day_after_it_is_not() -> None:
    assert Receivable("AR-1", "C1", "1", DUE, issued=DUE).issued == DUE
    with pytest.raises(InputError) as exc:
        Receivable("AR-1", "C1", "1", DUE, issued=DUE + dt.timedelta(days=1))
    assert paths(exc) == ["issued"]


def test_paid_above_amount_and_issued_after_due_are_reported_together() -> None:
    with pytest.raises(InputError) as exc:
        Receivable("AR-1", "C1", "1", DUE, issued=D(2027, 1, 1), paid="2")
    assert paths(exc) == ["paid", "issued"]


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("id", {"id": " "}),
        ("customer", {"customer": ""}),
        ("customer", {"customer": 7}),
        ("due", {"due": dt.datetime(2026, 12, 31, 9, 0)}),
        ("due", {"due": "2026-12-31"}),
        ("due", {"due": D(1899, 12, 31)}),
        ("issued", {"issued": "yesterday"}),
    ],
)
def test_a_bad_field_is_named(field: str, kwargs: dict[str, Any]) -> None:
    values: dict[str, Any] = {"id": "AR-1", "customer": "C1", "amount": "1", "due": DUE}
    values.update(kwargs)
    with pytest.raises(InputError) as exc:
        Receivable(**values)
    assert paths(exc) == [field]


# --------------------------------------------------------------------------- currency


def test_currency_is_cny_by_default_and_another_code_is_a_fact_not_an_error() -> None:
    assert Receivable("AR-1", "C1", "1", DUE).currency == CNY == "CNY"
    assert Receivable("AR-1", "C1", "1", DUE, currency="USD").currency == "USD"


@pytest.mark.parametrize("bad", ["cny", "CN", "YUAN", "", 156, None])
def test_a_currency_that_is_not_an_iso_code_is_refused(bad: Any) -> None:
    with pytest.raises(InputError) as exc:
        Receivable("AR-1", "C1", "1", DUE, currency=bad)
    assert paths(exc) == ["currency"]


def test_require_cny_lists_every_other_currency_with_its_index() -> None:
    from customer_rules._credit.model import require_cny

    items = [
        Receivable("A", "C1", "1", DUE),
        Receivable("B", "C1", "1", DUE, currency="USD"),
        Receivable("C", "C1", "1", DUE),
        Receivable("D", "C1", "1", DUE, currency="HKD"),
    ]
    require_cny(items[:1], "ledger")  # nothing to refuse
    with pytest.raises(InputError) as exc:
        require_cny(items, "ledger")
    assert paths(exc) == ["ledger[1].currency", "ledger[3].currency"]
    assert [p.given for p in exc.value.problems] == ["'USD'", "'HKD'"]


# --------------------------------------------------------------------------- plain data


def test_plain_data_reads_amounts_and_dates_from_text() -> None:
    r = from_data(
        Receivable,
        {"id": "AR-9", "customer": "C2", "amount": "1,000.50", "due": "2026-12-31", "paid": "0.5"},
    )
    assert r == Receivable("AR-9", "C2", Decimal("1000.50"), DUE, paid=Decimal("0.5"))
    assert to_data(r) == {
        "id": "AR-9",
        "customer": "C2",
        "amount": "1000.50",
        "due": "2026-12-31",
        "issued": None,
        "paid": "0.5",
        "currency": "CNY",
    }


def test_plain_data_names_every_bad_field() -> None:
    with pytest.raises(InputError) as exc:
        from_data(
            Receivable,
            {"id": "AR-9", "customer": "C2", "amount": "lots", "due": "2026-13-01", "x": 1},
        )
    assert sorted(paths(exc)) == ["amount", "due", "x"]


@given(receivables())
def test_a_receivable_round_trips_through_plain_data(r: Receivable) -> None:
    data = to_data(r)
    assert from_data(Receivable, data) == r
    assert all(not isinstance(v, float) for v in data.values())
    assert type(r.open_amount) is Decimal
    assert 0 <= r.open_amount <= r.amount


@given(receivables(), st.sampled_from(["amount", "paid"]))
def test_a_float_never_gets_in_through_plain_data(r: Receivable, field: str) -> None:
    data = to_data(r)
    data[field] = 0.125
    with pytest.raises(InputError) as exc:
        from_data(Receivable, data)
    assert paths(exc) == [field]


# --------------------------------------------------------------------------- errors in full


def test_a_bad_currency_is_named_with_what_was_given_and_expected() -> None:
    """C2: the refusal says what was given and that an ISO 4217 code is expected."""
    assert problems_of(lambda: Receivable("AR-1", "C1", "1", DUE, currency="cny")) == [
        ("currency", "'cny'", "an ISO 4217 currency code such as 'CNY'")
    ]


def test_paid_above_amount_and_issued_after_due_are_named_in_full() -> None:
    """C4: each problem gives its field, the value given and the bound it breaks."""
    assert problems_of(
        lambda: Receivable("AR-1", "C1", "1", DUE, issued=D(2027, 1, 1), paid="2")
    ) == [
        ("paid", "Decimal('2')", "at most the amount, 1"),
        ("issued", "datetime.date(2027, 1, 1)", "on or before due, 2026-12-31"),
    ]
