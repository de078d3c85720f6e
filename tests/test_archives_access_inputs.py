"""R9, R11: what ``may_access`` refuses as its ``approvals`` argument, pinned field by field.

``may_access`` takes any iterable of :class:`~customer_rules.roles.Approval` (a tuple of them is
kept as given); anything else is refused naming ``approvals`` — or ``approvals[i]`` for the
first item that is not an Approval — with what was given and what was expected.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from customer_rules.archives import (
    RECORDS,
    AccessAction,
    ArchivesPolicy,
    ArchivesReason,
    CustomerFile,
    FileKind,
    Principal,
    may_access,
)
from customer_rules.roles import Approval, Role
from refusals import problems_of

DAY = dt.date(2026, 3, 2)
SEED = ArchivesPolicy()
ME = Principal("陈小明", Role.SALESPERSON, "销售一部")
PURPOSE = "回访"
MINE = CustomerFile("C-7", kind=FileKind.RECORD, owner="陈小明")
"""The asker's own record: granted without looking at the approvals, so only the argument
check can refuse a bad one."""
THEIRS = CustomerFile("C-8", kind=FileKind.RECORD, owner="王芳")
CHAIRMAN = Approval("董事长", Role.CHAIRMAN, RECORDS, DAY, subject="C-8", purpose=PURPOSE)


class CountersignedApproval(Approval):
    """A host's own kind of approval: still an Approval."""


def _decide(file: CustomerFile, approvals: Any) -> Any:
    return may_access(ME, AccessAction.VIEW, file, PURPOSE, approvals, SEED, on=DAY)


@pytest.mark.parametrize(
    ("approvals", "problems"),
    [
        # not an iterable of approvals at all (R9: the approvals presented)
        ("a", [("approvals", "'a'", "an iterable of Approval")]),
        (b"a", [("approvals", "b'a'", "an iterable of Approval")]),
        (5, [("approvals", 5, "an iterable of Approval")]),
        # an item that is not an Approval, in a tuple (kept as given when all are) or a list
        (("x",), [("approvals[0]", "'x'", "an Approval")]),
        ((CHAIRMAN, 3), [("approvals[1]", 3, "an Approval")]),
        ([CHAIRMAN, "x"], [("approvals[1]", "'x'", "an Approval")]),
        ([7], [("approvals[0]", 7, "an Approval")]),
    ],
    ids=["text", "bytes", "int", "tuple-item", "tuple-second", "list-second", "list-item"],
)
def test_every_refusal_of_the_approvals_argument(
    approvals: Any, problems: list[tuple[str, object, str]]
) -> None:
    """R9: a bad ``approvals`` is refused even when the decision would not look at them (the
    asker's own record), naming the argument or the item, what was given and what was
    expected."""
    assert problems_of(lambda: _decide(MINE, approvals)) == problems
    assert problems_of(lambda: _decide(THEIRS, approvals)) == problems


@pytest.mark.parametrize("wrap", [tuple, list], ids=["tuple", "list"])
def test_an_approval_of_a_subclass_counts_as_an_approval(wrap: Any) -> None:
    """R9 (001 §4.2.5): the chairman's approval grants a look at another's records whatever
    class of Approval carries it."""
    signed = CountersignedApproval(
        "董事长", Role.CHAIRMAN, RECORDS, DAY, subject="C-8", purpose=PURPOSE
    )
    d = _decide(THEIRS, wrap([signed]))
    assert (d.allowed, d.code, d.rule, d.approvals) == (
        True,
        ArchivesReason.R9_GRANT_CHAIRMAN,
        "R9",
        (signed,),
    )


def test_a_tuple_of_approvals_is_kept_as_given() -> None:
    """R9: the decision records the approvals presented, in order."""
    given = (CHAIRMAN,)
    d = _decide(THEIRS, given)
    assert (d.allowed, d.code, d.approvals) == (True, ArchivesReason.R9_GRANT_CHAIRMAN, given)
    assert _decide(MINE, ()).approvals == ()
