"""C6 — the emergency report: a refusal or likely refusal of payment, escalated at once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.book import PolicyBook
from customer_rules.credit import (
    CreditPolicy,
    CreditReason,
    EmergencyKind,
    EmergencyPolicy,
    Escalation,
    PaymentEmergency,
    escalate_emergency,
)
from customer_rules.dates import SHANGHAI
from customer_rules.errors import InputError, shown
from customer_rules.grading import emergency_report
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import Reason, explain, find_reason
from customer_rules.roles import Role
from customer_rules.settings import Mark, settings_of
from customer_rules.testing import amounts, aware_datetimes
from refusals import problems_of

SEED = CreditPolicy()
AT = dt.datetime(2026, 11, 30, 9, 30, tzinfo=SHANGHAI)


@pytest.mark.parametrize("kind", list(EmergencyKind))
def test_the_report_is_g5s_to_the_direct_superior_at_once(kind: EmergencyKind) -> None:
    """C6 / G5 "当遇客户拒付、可能拒付货款,或其他紧急事件发生时,应以最快速方式在最短时间内向主管
    上级报告": the same report as grading's — recipient, due time and reasons."""
    result = escalate_emergency(PaymentEmergency("C007", kind, AT), SEED)
    g5 = emergency_report(AT)
    assert result.report == g5
    assert (result.to, result.due) == (g5.to, g5.due) == (Role.SUPERVISOR, AT)
    assert result.reasons[-len(g5.reasons) :] == g5.reasons
    assert [r.rule for r in result.reasons] == ["C6", "C6", "G5", "C6"]
    assert result.next_role is Role.SUPERVISOR


def test_the_escalation_says_what_happened_and_who_is_told() -> None:
    refused = PaymentEmergency("C007", EmergencyKind.REFUSED, AT, "12万", detail="来函拒付")
    result = escalate_emergency(refused, SEED)
    assert result.notify == (Role.BUSINESS_DEPARTMENT,)
    assert explain(result, "zh").splitlines()[:2] == [
        "[C6] 客户 C007:客户拒付货款,涉及金额 120,000 元,须立即向主管上级紧急报告",
        "[C6] 同时通知业务部",
    ]
    assert explain(result, "en").splitlines()[:2] == [
        "[C6] customer C007: refusal of payment of 120,000; report to the supervisor at once",
        "[C6] the business department is told at the same time",
    ]


def test_who_else_is_told_is_the_policys() -> None:
    alone = CreditPolicy(emergency=EmergencyPolicy(notify=frozenset()))
    result = escalate_emergency(PaymentEmergency("C007", EmergencyKind.OTHER, AT), alone)
    assert result.notify == ()
    assert find_reason(result, CreditReason.C6_NOTIFY) is None
    both = CreditPolicy(
        emergency=EmergencyPolicy(notify=frozenset({Role.PLANNING_DEPARTMENT, Role.FINANCE}))
    )
    told = escalate_emergency(PaymentEmergency("C007", EmergencyKind.OTHER, AT), both)
    assert told.notify == (Role.FINANCE, Role.PLANNING_DEPARTMENT)
    marks = {i.path: i.setting.mark for i in settings_of(SEED) if i.path.startswith("emergency.")}
    assert marks == {"emergency.notify": Mark.DEFAULT}


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(InputError) as info:
        PaymentEmergency("C007", EmergencyKind.REFUSED, dt.datetime(2026, 11, 30, 9))
    assert info.value.field == "at"


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: PaymentEmergency("C007", "refused", AT), "kind"),  # type: ignore[arg-type]
        (lambda: PaymentEmergency("C007", EmergencyKind.REFUSED, AT, 1.5), "amount"),
        (lambda: PaymentEmergency("C007", EmergencyKind.REFUSED, AT, detail=""), "detail"),
        (lambda: PaymentEmergency(" ", EmergencyKind.REFUSED, AT), "customer"),
        (lambda: escalate_emergency("C007", SEED), "emergency"),  # type: ignore[arg-type]
        (
            lambda: escalate_emergency(
                PaymentEmergency("C007", EmergencyKind.REFUSED, AT),
                EmergencyPolicy(),  # type: ignore[arg-type]
            ),
            "policy",
        ),
        (
            lambda: escalate_emergency(
                PaymentEmergency("C007", EmergencyKind.REFUSED, AT),
                CreditPolicy(effective=dt.date(2027, 1, 1)),
            ),
            "emergency.at",
        ),
    ],
)
def test_bad_arguments_are_named(make: object, field: str) -> None:
    with pytest.raises(InputError) as info:
        make()  # type: ignore[operator]
    assert info.value.field == field


@given(
    aware_datetimes(),
    st.sampled_from(list(EmergencyKind)),
    st.none() | amounts(0, 10_000_000),
)
def test_always_due_at_once_and_round_trips(
    at: dt.datetime, kind: EmergencyKind, amount: Decimal | None
) -> None:
    result = escalate_emergency(PaymentEmergency("C007", kind, at, amount), SEED)
    assert result.due == at
    assert result.to is Role.SUPERVISOR is result.next_role
    code = CreditReason.C6_ESCALATE if amount is None else CreditReason.C6_ESCALATE_AMOUNT
    head = find_reason(result, code)
    assert head is not None
    assert head.fact("kind") is kind
    data = to_data(result, lang="en")
    assert from_data(Escalation, data, policy=SEED) == result
    for reason in result.reasons:
        assert Reason.from_data(reason.to_data("zh")) == reason


@pytest.mark.parametrize(
    ("call", "path", "given", "expected"),
    [
        (
            lambda: escalate_emergency("C007", SEED),  # type: ignore[arg-type]
            "emergency",
            "'C007'",
            "a PaymentEmergency",
        ),
        (
            lambda: escalate_emergency(
                PaymentEmergency("C007", EmergencyKind.REFUSED, AT),
                CreditPolicy(effective=dt.date(2027, 1, 1)),
            ),
            "emergency.at",
            shown(AT),
            "a day on or after the policy's effective date 2027-01-01 (version 'seed')",
        ),
    ],
)
def test_a_wrong_argument_is_named_with_what_was_given_and_expected(
    call: Any, path: str, given: str, expected: str
) -> None:
    """Bad input gets a typed error naming the field, what was given and what was expected."""
    assert problems_of(call) == [(path, given, expected)]


def test_the_result_records_the_book_that_decided() -> None:
    """An escalation says which policy version and effective date decided it."""
    book = PolicyBook(version="2027", effective=dt.date(2026, 1, 1))
    result = escalate_emergency(PaymentEmergency("C007", EmergencyKind.REFUSED, AT), book.credit)
    assert (result.policy_version, result.policy_effective) == ("2027", dt.date(2026, 1, 1))
