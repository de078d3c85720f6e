"""R11: the customer's consent (``Consent``) — for one stated purpose, from its first day to its
last.

Seed 000 §集团内部 第六条, §公司客户管理制度范文 第七条: personal information is used only for the
purpose the customer consented to. ``Consent.holds`` is the public question a host asks of one
consent; ``may_access`` asks the same of every consent of a file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from customer_rules.archives import Consent
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
