"""R11: the customer's consent (``Consent``) — for one stated purpose, from its first day to its
last.

Seed 000 §集团内部 第六条, §公司客户管理制度范文 第七条: personal information is used only for the
purpose the customer consented to. ``Consent.holds`` is the public question a host asks of one
consent; ``may_access`` asks the same of every consent of a file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from customer_rules.archives import Consent, CustomerFile, Loan, LoanItem, Principal
from customer_rules.roles import Role
from refusals import problems_of

D = dt.date
PURPOSE = "回访"
OPEN_ENDED = Consent(PURPOSE, D(2026, 3, 1))
TEN_DAYS = Consent(PURPOSE, D(2026, 3, 1), D(2026, 3, 10))


@pytest.mark.parametrize(
    ("consent", "purpose", "day", "holds"),
    [
        (OPEN_ENDED, PURPOSE, D(2026, 2, 28), False),  # the day before it was given
        (OPEN_ENDED, PURPOSE, D(2026, 3, 1), True),  # its first day
        (OPEN_ENDED, PURPOSE, D(2999, 12, 31), True),  # never withdrawn
        (OPEN_ENDED, "营销推广", D(2026, 3, 1), False),  # another purpose
        (OPEN_ENDED, "营销推广", D(2026, 2, 28), False),  # another purpose, before
        (TEN_DAYS, PURPOSE, D(2026, 3, 1), True),
        (TEN_DAYS, PURPOSE, D(2026, 3, 10), True),  # its last day
        (TEN_DAYS, PURPOSE, D(2026, 3, 11), False),  # the day after
        (TEN_DAYS, PURPOSE, D(2026, 2, 28), False),
        (TEN_DAYS, "营销推广", D(2026, 3, 5), False),
    ],
)
def test_a_consent_holds_for_its_purpose_from_its_first_to_its_last_day(
    consent: Consent, purpose: str, day: dt.date, holds: bool
) -> None:
    assert consent.holds(purpose, day) is holds


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((" ", D(2026, 3, 1)), [("purpose", "' '", "a non-empty string")]),
        (("a", "x"), [("on", "'x'", "a datetime.date")]),
        (("a", D(2026, 3, 1), "y"), [("until", "'y'", "a datetime.date")]),
        (
            ("a", D(2026, 3, 1), D(2026, 2, 28)),
            [("until", "datetime.date(2026, 2, 28)", "a day on or after on (2026-03-01)")],
        ),
    ],
    ids=["blank-purpose", "on", "until", "until-before-on"],
)
def test_consent_refuses(args: tuple[object, ...], expected: list[tuple[str, object, str]]) -> None:
    assert problems_of(lambda: Consent(*args)) == expected  # type: ignore[arg-type]


def test_a_consent_may_end_on_its_first_day() -> None:
    one_day = Consent(PURPOSE, D(2026, 3, 1), D(2026, 3, 1))
    assert one_day.holds(PURPOSE, D(2026, 3, 1))
    assert not one_day.holds(PURPOSE, D(2026, 3, 2))


# --- CustomerFile (R1, R9, R11): its consents, optional texts and the formalisation day ---------


def test_a_file_takes_its_consents_as_a_list_and_keeps_them_as_a_tuple() -> None:
    """R11: consents read from a list (a CSV or JSON host) are kept as a tuple, in order."""
    later = Consent("营销推广", D(2026, 4, 1))
    assert CustomerFile("R-0042", consents=[OPEN_ENDED, later]).consents == (OPEN_ENDED, later)
    assert CustomerFile("R-0042", consents=[]).consents == ()


@pytest.mark.parametrize(
    ("consents", "expected"),
    [
        ("回访", [("consents", "'回访'", "a tuple of Consent")]),
        ({OPEN_ENDED}, [("consents", f"{{{OPEN_ENDED!r}}}", "a tuple of Consent")]),
        (None, [("consents", None, "a tuple of Consent")]),
        ((OPEN_ENDED, "回访"), [("consents[1]", "'回访'", "a Consent")]),
        (["回访"], [("consents[0]", "'回访'", "a Consent")]),
    ],
    ids=["text", "set", "none", "tuple-item", "list-item"],
)
def test_a_file_refuses_consents_that_are_not_a_tuple_of_consent(
    consents: object, expected: list[tuple[str, object, str]]
) -> None:
    """R11: a file's consents are a tuple of Consent; the refusal names the field, or the item
    by its place, with what was given."""
    assert problems_of(lambda: CustomerFile("R-0042", consents=consents)) == expected


@pytest.mark.parametrize("field", ["customer", "owner", "department"])
@pytest.mark.parametrize(
    ("value", "given"), [(" ", "' '"), ("", "''"), (42, 42)], ids=["blank", "empty", "number"]
)
def test_a_file_refuses_a_blank_optional_text(field: str, value: object, given: object) -> None:
    """R9: a file's customer, owner and department are a non-empty text or absent."""
    assert problems_of(lambda: CustomerFile("R-0042", **{field: value})) == [  # type: ignore[arg-type]
        (field, given, "a non-empty string or None")
    ]
    assert getattr(CustomerFile("R-0042", **{field: None}), field) is None  # type: ignore[arg-type]


def test_optional_texts_of_a_person_and_a_loan_are_refused_by_name() -> None:
    """R9, R3: the same check names the field of a principal and of a loan."""
    assert problems_of(lambda: Principal("陈小明", Role.SALESPERSON, " ")) == [
        ("department", "' '", "a non-empty string or None")
    ]
    assert problems_of(
        lambda: Loan("L1", "R-0042", LoanItem.ORIGINAL, "李工", D(2026, 3, 2), location="")
    ) == [("location", "''", "a non-empty string or None")]


def test_a_file_may_be_formalised_on_the_day_it_was_received() -> None:
    """R1: formalised on the day 内勤部 received the documents is allowed; the day before is
    refused, naming received_on."""
    same_day = CustomerFile("R-0042", received_on=D(2026, 3, 2), formalised_on=D(2026, 3, 2))
    assert (same_day.received_on, same_day.formalised_on) == (D(2026, 3, 2), D(2026, 3, 2))
    assert problems_of(
        lambda: CustomerFile("R-0042", received_on=D(2026, 3, 2), formalised_on=D(2026, 3, 1))
    ) == [
        (
            "formalised_on",
            "datetime.date(2026, 3, 1)",
            "a day on or after received_on (2026-03-02)",
        )
    ]
