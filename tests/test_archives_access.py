"""R9, R11: who may view, borrow, copy or transmit a customer file — deny by default.

Seed 001 §4.2.5: "销售人员只可查阅本人客户信息及帐页,除特殊情况下,经董事长批准才可查阅
他人帐页或客户信息"; §市场部 (2nd) 一.5: "从档案室调用客户资源时,须经市场总监书面审核,总经理
批准"; 三: "不得擅自调用职责范围外的客户资料 … 私自复印、拷贝其他人员的客户信息"; 六: "员工调离
公司时,不得将客户资料带走"; 模板第十七条: "警告、记过、降职". Seed 000 第三条: "各负责以外的人如
要阅览时,则必须经过总财务科的准许". R11 (003 §公司客户管理制度范文 第七条): "未经客户同意,不得向
第三方泄露".
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.archives import (
    ARCHIVE_RETRIEVAL,
    ARCHIVE_REVIEW,
    COPY,
    CREDIT_DATA,
    DATABASE,
    LEDGER,
    LEND,
    OUTSIDE,
    RECORDS,
    AccessAction,
    AccessDecision,
    AccessNeed,
    AccessPreset,
    AccessSanction,
    ArchivesPolicy,
    ArchivesReason,
    Breach,
    BreachKind,
    Consent,
    CustomerFile,
    EmployeeStatus,
    FileKind,
    Principal,
    hand_over,
    may_access,
    sanction,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import explain
from customer_rules.roles import Approval, Role
from customer_rules.testing import access_requests, archive_principals
from refusals import problems_of

D = dt.date
DAY = D(2026, 3, 2)
SEED = ArchivesPolicy()
MARKETING = ArchivesPolicy(access={"preset": AccessPreset.MARKETING})
SERVICE = ArchivesPolicy(access={"preset": AccessPreset.SERVICE})
ME = Principal("陈小明", Role.SALESPERSON, "销售一部")
V, B, C, T = AccessAction.VIEW, AccessAction.BORROW, AccessAction.COPY, AccessAction.TRANSMIT
PURPOSE = "回访"


def record(owner: str | None = "王芳", **kw: Any) -> CustomerFile:
    return CustomerFile("C-8", kind=FileKind.RECORD, owner=owner, **kw)


def signed(
    role: Role,
    what: str,
    *,
    subject: str | None = "C-8",
    purpose: str | None = PURPOSE,
    on: D = DAY,
    until: D | None = None,
) -> Approval:
    return Approval("签字人", role, what, on, until, subject=subject, purpose=purpose)


def decide(
    file: CustomerFile,
    *approvals: Approval,
    action: AccessAction = V,
    who: Principal = ME,
    purpose: str | None = PURPOSE,
    policy: ArchivesPolicy = SEED,
    on: D = DAY,
) -> AccessDecision:
    return may_access(who, action, file, purpose, approvals, policy, on=on)


CHAIRMAN = signed(Role.CHAIRMAN, RECORDS)


# --------------------------------------------------------------------------- R9 own and others


def test_a_salesperson_sees_their_own_customers() -> None:
    d = decide(record(owner="陈小明"))
    assert (d.allowed, d.code, d.rule) == (True, ArchivesReason.R9_GRANT_OWN, "R9")
    assert explain(d, "en") == (
        "[R9] 陈小明 (salesperson) is responsible for file C-8 and may view it (purpose: 回访)"
    )


def test_anyone_elses_needs_the_chairmans_approval() -> None:
    denied = decide(record())
    assert (denied.allowed, denied.code) == (False, ArchivesReason.R9_DENIED)
    assert denied.needs == (AccessNeed(RECORDS, (Role.CHAIRMAN,)),)
    assert explain(denied, "en").splitlines()[1] == (
        "[R9] needs the approval 'R9.records' of the chairman, bound to C-8 for the purpose"
        " '回访' (approvals given: missing)"
    )
    granted = decide(record(), CHAIRMAN)
    assert (granted.allowed, granted.code) == (True, ArchivesReason.R9_GRANT_CHAIRMAN)


@pytest.mark.parametrize(
    ("approval", "status"),
    [
        (signed(Role.CHAIRMAN, RECORDS, subject="C-9"), "other_subject"),
        (signed(Role.CHAIRMAN, RECORDS, subject=None), "other_subject"),
        (signed(Role.CHAIRMAN, RECORDS, purpose="信用审查"), "other_purpose"),
        (signed(Role.CHAIRMAN, RECORDS, purpose=None), "other_purpose"),
        (signed(Role.GENERAL_MANAGER, RECORDS), "wrong_role"),
        (signed(Role.CHAIRMAN, LEDGER), "missing"),
        (signed(Role.CHAIRMAN, RECORDS, on=DAY + dt.timedelta(days=1)), "not_in_force"),
        (
            signed(Role.CHAIRMAN, RECORDS, on=D(2026, 2, 1), until=DAY - dt.timedelta(days=1)),
            "not_in_force",
        ),
    ],
)
def test_an_approval_counts_only_for_its_subject_purpose_role_and_dates(
    approval: Approval, status: str
) -> None:
    d = decide(record(), approval)
    assert not d.allowed
    assert d.reasons[1].fact("status") == status


def test_an_approval_holds_on_its_first_and_last_day() -> None:
    assert decide(record(), signed(Role.CHAIRMAN, RECORDS, on=DAY, until=DAY)).allowed


def test_copying_or_transmitting_anothers_records_is_outside_ones_duty() -> None:
    consented = record(consents=(Consent(PURPOSE, D(2026, 1, 1)),))
    for action in (C, T):
        d = decide(consented, CHAIRMAN, action=action)
        assert (d.allowed, d.code) == (False, ArchivesReason.R9_DUTY)
    assert decide(record(owner="陈小明"), action=C).allowed


def test_keepers_view_what_they_keep() -> None:
    admin = Principal("刘内勤", Role.SALES_ADMIN)
    assert decide(record(), who=admin).code is ArchivesReason.R9_GRANT_KEEPER
    assert not decide(record(), who=admin, action=B).allowed
    assert not decide(record(), who=admin, policy=MARKETING).allowed
    keeper = Principal("王档案", Role.ARCHIVE_KEEPER)
    assert decide(record(), who=keeper, policy=MARKETING).code is ArchivesReason.R9_GRANT_KEEPER


def test_the_marketing_preset_needs_the_written_review_and_the_gms_approval() -> None:
    review = signed(Role.MARKETING_DIRECTOR, ARCHIVE_REVIEW)
    approval = signed(Role.GENERAL_MANAGER, ARCHIVE_RETRIEVAL)
    assert not decide(record(), review, policy=MARKETING).allowed
    assert not decide(record(), approval, policy=MARKETING).allowed
    assert not decide(record(), CHAIRMAN, policy=MARKETING).allowed
    both = decide(record(), review, approval, action=B, policy=MARKETING)
    assert (both.allowed, both.code) == (True, ArchivesReason.R9_GRANT_ARCHIVE_ROOM)


def test_the_service_preset_follows_the_customer_service_departments_rules() -> None:
    ok = signed(Role.CUSTOMER_SERVICE_MANAGER, DATABASE)
    assert decide(record(), ok, policy=SERVICE).code is ArchivesReason.R9_GRANT_SERVICE
    assert not decide(record(), CHAIRMAN, policy=SERVICE).allowed


def test_ledger_cards_of_others_need_the_finance_sections_approval() -> None:
    card = CustomerFile("C-8", kind=FileKind.LEDGER_CARD, owner="王芳")
    assert not decide(card, action=B).allowed
    ok = signed(Role.GENERAL_AFFAIRS_FINANCE, LEDGER)
    assert decide(card, ok, action=B).code is ArchivesReason.R9_GRANT_LEDGER
    assert decide(CustomerFile("C-8", kind=FileKind.LEDGER_CARD, owner="陈小明"), action=B).allowed


def test_business_statistics_controls_credit_data() -> None:
    credit = CustomerFile("C-8", kind=FileKind.CREDIT)
    assert not decide(credit).allowed
    ok = signed(Role.BUSINESS_STATISTICS, CREDIT_DATA)
    assert decide(credit, ok, action=B).code is ArchivesReason.R9_GRANT_CREDIT


def test_archives_follow_the_lending_rules_for_everyone() -> None:
    archive = CustomerFile("C-8", owner="陈小明")
    own = decide(archive)
    assert not own.allowed
    assert own.needs == (AccessNeed(LEND, (Role.ARCHIVE_KEEPER,)),)
    consent = signed(Role.ARCHIVE_KEEPER, LEND)
    assert decide(archive, consent, action=B).code is ArchivesReason.R3_GRANT_LEND
    copy = signed(Role.ARCHIVE_MANAGER, COPY)
    assert decide(archive, copy, action=C).code is ArchivesReason.R4_GRANT_COPY
    outside = signed(Role.ARCHIVE_MANAGER, OUTSIDE)
    consented = CustomerFile("C-8", consents=(Consent(PURPOSE, D(2026, 1, 1)),))
    assert not decide(consented, copy, action=T).allowed
    assert decide(consented, copy, outside, action=T).code is ArchivesReason.R4_GRANT_OUTSIDE


# --------------------------------------------------------------------------- denials first


def test_a_departing_employee_gets_nothing_not_even_their_own() -> None:
    for status in (EmployeeStatus.DEPARTING, EmployeeStatus.DEPARTED):
        leaving = Principal("陈小明", Role.SALESPERSON, status=status)
        d = decide(record(owner="陈小明"), who=leaving)
        assert (d.allowed, d.code) == (False, ArchivesReason.R9_DEPARTED)


def test_a_departing_employees_files_pass_to_their_department() -> None:
    files = [
        CustomerFile("C-1", owner="王芳", department="销售二部"),
        CustomerFile("C-2", owner="陈小明"),
        CustomerFile("C-3", owner="王芳"),
    ]
    result = hand_over(files, "王芳", SEED)
    assert [(f.id, f.owner, f.department) for f in result.files] == [
        ("C-1", None, "销售二部"),
        ("C-3", None, None),
    ]
    assert explain(result, "en") == "[R9] 王芳 is leaving: 2 file(s) pass to their department"
    now = decide(
        CustomerFile("C-1", kind=FileKind.RECORD, owner=None),
        who=Principal("王芳", Role.SALESPERSON),
    )
    assert not now.allowed


def test_no_stated_purpose_no_access() -> None:
    for purpose in (None, "", "  "):
        d = decide(record(owner="陈小明"), purpose=purpose)
        assert (d.allowed, d.code) == (False, ArchivesReason.R9_NO_PURPOSE)


def test_personal_data_needs_the_customers_consent_for_the_purpose() -> None:
    mine = record(owner="陈小明", personal=True)
    assert decide(mine).code is ArchivesReason.R11_CONSENT
    other_purpose = record(
        owner="陈小明", personal=True, consents=(Consent("营销推广", D(2026, 1, 1)),)
    )
    assert not decide(other_purpose).allowed
    lapsed = record(
        owner="陈小明",
        personal=True,
        consents=(Consent(PURPOSE, D(2026, 1, 1), DAY - dt.timedelta(days=1)),),
    )
    assert not decide(lapsed).allowed
    given_ = record(owner="陈小明", personal=True, consents=(Consent(PURPOSE, D(2026, 1, 1), DAY),))
    assert decide(given_).allowed


def test_nothing_goes_to_a_third_party_without_consent() -> None:
    d = decide(record(owner="陈小明"), action=T)
    assert (d.allowed, d.code, d.rule) == (False, ArchivesReason.R11_THIRD_PARTY, "R11")
    consented = record(owner="陈小明", consents=(Consent(PURPOSE, D(2026, 1, 1)),))
    assert decide(consented, action=T).allowed


# --------------------------------------------------------------------------- sanctions


def test_breaches_are_sanctioned_warning_demerit_demotion() -> None:
    ladder = [
        sanction(Breach("王芳", BreachKind.LEAK, DAY, previous=n), SEED).sanction for n in range(4)
    ]
    assert ladder == [
        AccessSanction.WARNING,
        AccessSanction.DEMERIT,
        AccessSanction.DEMOTION,
        AccessSanction.DEMOTION,
    ]
    result = sanction(Breach("王芳", BreachKind.COPY, DAY), SEED)
    assert explain(result, "zh") == "[R9] 王芳 第 1 次私自复印拷贝:给予警告处分"
    stricter = ArchivesPolicy(
        access={
            "sanctions": [
                {
                    "breach": k.value,
                    "sanctions": ["demotion"] if k is BreachKind.TAKEN else ["warning"],
                }
                for k in BreachKind
            ]
        }
    )
    assert sanction(Breach("王芳", BreachKind.TAKEN, DAY), stricter).sanction is (
        AccessSanction.DEMOTION
    )
    with pytest.raises(PolicyError, match="sanctions"):
        ArchivesPolicy(access={"sanctions": [{"breach": "leak"}]})
    with pytest.raises(InputError, match="previous"):
        Breach("王芳", BreachKind.LEAK, DAY, previous=-1)


# --------------------------------------------------------------------------- properties


@given(access_requests())
def test_deny_by_default_without_approvals(request: tuple[Any, ...]) -> None:
    """With no approval, only the owner and a keeper's view are ever allowed."""
    principal, action, file, purpose, _, day = request
    d = may_access(principal, action, file, purpose, (), SEED, on=day)
    if d.allowed:
        assert d.code in (ArchivesReason.R9_GRANT_OWN, ArchivesReason.R9_GRANT_KEEPER)
        assert file.owner == principal.who or principal.role in SEED.access.keepers(file.kind)


@given(access_requests(), st.data())
def test_more_approvals_never_take_access_away(request: tuple[Any, ...], data: Any) -> None:
    principal, action, file, purpose, approvals, day = request
    fewer = data.draw(st.sets(st.integers(0, max(0, len(approvals) - 1))))
    some = tuple(a for i, a in enumerate(approvals) if i not in fewer)
    full = may_access(principal, action, file, purpose, approvals, SEED, on=day)
    part = may_access(principal, action, file, purpose, some, SEED, on=day)
    assert part.allowed <= full.allowed


@given(access_requests(policy=MARKETING))
def test_the_decision_explains_itself_and_round_trips(request: tuple[Any, ...]) -> None:
    principal, action, file, purpose, approvals, day = request
    d = may_access(principal, action, file, purpose, approvals, MARKETING, on=day)
    assert d.reasons[0].code == d.code
    assert d.reasons[0].rule == d.rule
    assert str(d.code).startswith(d.rule + ".")
    assert d.allowed == (".grant." in str(d.code))
    if not d.allowed:
        assert (principal.status is not EmployeeStatus.ACTIVE) or d.code is not (
            ArchivesReason.R9_DEPARTED
        )
    assert may_access(principal, action, file, purpose, list(approvals), MARKETING, on=day) == d
    data = json.loads(json.dumps(to_data(d, lang="en"), ensure_ascii=False))
    assert from_data(AccessDecision, data, policy=MARKETING) == d


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("x", V, record(), PURPOSE, ()), "principal"),
        ((ME, "view", record(), PURPOSE, ()), "action"),
        ((ME, V, "C-8", PURPOSE, ()), "file"),
        ((ME, V, record(), 3, ()), "purpose"),
        ((ME, V, record(), PURPOSE, "a"), "approvals"),
        ((ME, V, record(), PURPOSE, [object()]), "approvals[0]"),
    ],
)
def test_input_that_cannot_be_right_names_the_argument(args: tuple[Any, ...], field: str) -> None:
    with pytest.raises(InputError) as error:
        may_access(*args, SEED, on=DAY)
    assert error.value.field == field
    with pytest.raises(InputError, match="policy"):
        may_access(ME, V, record(), PURPOSE, (), object(), on=DAY)  # type: ignore[arg-type]


@given(archive_principals())
def test_a_principal_round_trips_as_plain_data(principal: Principal) -> None:
    data = json.loads(json.dumps(to_data(principal), ensure_ascii=False))
    assert from_data(Principal, data) == principal


# --------------------------------------------------------------------------- pinned results

DATED = ArchivesPolicy(version="2027", effective=D(2026, 1, 1))
"""A book with its own version and effective day: each result must carry both."""


def test_a_departed_employees_denial_states_their_status() -> None:
    leaving = Principal("陈小明", Role.SALESPERSON, status=EmployeeStatus.DEPARTING)
    d = decide(record(owner="陈小明"), who=leaving)
    assert d.reasons[0].fact("status") is EmployeeStatus.DEPARTING
    assert explain(d, "en") == (
        "[R9] 陈小明 (departing) gets no customer data; their files pass to their department"
    )


@pytest.mark.parametrize(
    ("approvals", "statuses"),
    [
        # a valid review, no retrieval: the review's line says it is granted
        ((signed(Role.MARKETING_DIRECTOR, ARCHIVE_REVIEW),), ["granted", "missing"]),
        # another approval first does not hide the one for the right ``what``
        (
            (
                signed(Role.GENERAL_MANAGER, LEDGER),
                signed(Role.CHAIRMAN, ARCHIVE_REVIEW),
            ),
            ["wrong_role", "missing"],
        ),
        # bound to another file and signed by the wrong role: the wrong role is what fails
        ((signed(Role.CHAIRMAN, ARCHIVE_RETRIEVAL, subject="C-9"),), ["missing", "wrong_role"]),
        # bound to another file by the right role
        (
            (signed(Role.GENERAL_MANAGER, ARCHIVE_RETRIEVAL, subject="C-9"),),
            ["missing", "other_subject"],
        ),
        # the closest of two approvals for the same ``what``
        (
            (
                signed(Role.CHAIRMAN, ARCHIVE_REVIEW),
                signed(Role.MARKETING_DIRECTOR, ARCHIVE_REVIEW, purpose="信用审查"),
            ),
            ["other_purpose", "missing"],
        ),
    ],
)
def test_each_need_of_a_denial_is_diagnosed_by_its_closest_approval(
    approvals: tuple[Approval, ...], statuses: list[str]
) -> None:
    d = decide(record(), *approvals, policy=MARKETING)
    assert (d.allowed, d.code) == (False, ArchivesReason.R9_DENIED)
    assert [(r.code, r.fact("what"), r.fact("status")) for r in d.reasons[1:]] == [
        (ArchivesReason.R9_NEEDS, ARCHIVE_REVIEW, statuses[0]),
        (ArchivesReason.R9_NEEDS, ARCHIVE_RETRIEVAL, statuses[1]),
    ]


def test_a_hand_over_records_the_books_version_and_effective_day() -> None:
    result = hand_over([CustomerFile("C-1", owner="王芳")], "王芳", DATED)
    assert (result.who, result.policy_version, result.policy_effective) == (
        "王芳",
        "2027",
        D(2026, 1, 1),
    )


@pytest.mark.parametrize(
    ("files", "who", "problems"),
    [
        ([], "", [("who", "''", "the departing employee's name")]),
        ([], "  ", [("who", "'  '", "the departing employee's name")]),
        ([], 7, [("who", 7, "the departing employee's name")]),
        ("C-1", "王芳", [("files", "'C-1'", "an iterable of CustomerFile")]),
        (b"C-1", "王芳", [("files", "b'C-1'", "an iterable of CustomerFile")]),
        (5, "王芳", [("files", 5, "an iterable of CustomerFile")]),
        (
            [CustomerFile("C-1", owner="王芳"), "C-2"],
            "王芳",
            [("files[1]", "'C-2'", "a CustomerFile")],
        ),
    ],
)
def test_every_refusal_of_hand_over(
    files: Any, who: Any, problems: list[tuple[str, object, str]]
) -> None:
    assert problems_of(lambda: hand_over(files, who, SEED)) == problems


def test_a_sanction_records_the_books_version_and_effective_day() -> None:
    breach = Breach("王芳", BreachKind.LEAK, DAY, previous=1)
    result = sanction(breach, DATED)
    assert (result.breach, result.sanction, result.policy_version, result.policy_effective) == (
        breach,
        AccessSanction.DEMERIT,
        "2027",
        D(2026, 1, 1),
    )


def test_every_refusal_of_sanction() -> None:
    assert problems_of(lambda: sanction("王芳", SEED)) == [  # type: ignore[arg-type]
        ("breach", "'王芳'", "a Breach"),
    ]


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        ({"on": "2026-03-02"}, [("on", "'2026-03-02'", "a datetime.date")]),
        ({"previous": -1}, [("previous", -1, "a whole number, 0 or more")]),
        ({"previous": True}, [("previous", True, "a whole number, 0 or more")]),
        ({"previous": 1.0}, [("previous", "a float", "a whole number, 0 or more")]),
    ],
)
def test_every_refusal_of_a_breach(
    fields: dict[str, Any], problems: list[tuple[str, object, str]]
) -> None:
    args: dict[str, Any] = {"who": "王芳", "kind": BreachKind.LEAK, "on": DAY} | fields
    assert problems_of(lambda: Breach(**args)) == problems


def test_a_decision_without_a_purpose_never_explains_an_approval_as_granted() -> None:
    """A decision record without a stated purpose (may_access decides those by ``R9.no_purpose``;
    a host may build or read back one) explains an approval for another purpose as such."""
    denied = decide(record(), signed(Role.CHAIRMAN, RECORDS, purpose="信用审查"))
    assert denied.reasons[1].fact("status") == "other_purpose"
    unstated = attrs.evolve(denied, purpose=None)
    assert unstated.reasons[1].fact("status") == "other_purpose"
    assert (
        attrs.evolve(denied, purpose=None, approvals=(CHAIRMAN,)).reasons[1].fact("status")
        == "other_purpose"
    )
    late = signed(Role.CHAIRMAN, RECORDS, on=DAY + dt.timedelta(days=1))
    assert (
        attrs.evolve(denied, purpose=None, approvals=(late,)).reasons[1].fact("status")
        == "not_in_force"
    )


def test_a_breach_with_a_second_sanction_row_is_refused_at_that_row() -> None:
    """R9: one sanction ladder per kind of breach; a second row for a kind is named by its
    place, with the kind given and what was expected."""
    rows = [{"breach": k.value} for k in BreachKind]
    rows.append({"breach": "leak", "sanctions": ["warning"]})
    with pytest.raises(PolicyError) as info:
        ArchivesPolicy(access={"sanctions": rows})
    assert [(p.path, p.given, p.expected) for p in info.value.problems] == [
        (f"access.sanctions[{len(rows) - 1}].breach", "'leak'", "a breach without another row")
    ]


def test_every_kind_of_breach_without_a_sanction_row_is_named() -> None:
    """R9: the sanctions table needs a row for each kind of breach; every missing kind is a
    problem of its own, with how many rows were given."""
    with pytest.raises(PolicyError) as info:
        ArchivesPolicy(access={"sanctions": [{"breach": "leak"}]})
    assert [(p.path, p.given, p.expected) for p in info.value.problems] == [
        ("access.sanctions", "'1 row(s)'", f"a row for {k.value!r}")
        for k in BreachKind
        if k is not BreachKind.LEAK
    ]


# --------------------------------------------------------------------------- every rule named

REVIEW = signed(Role.MARKETING_DIRECTOR, ARCHIVE_REVIEW)
RETRIEVAL = signed(Role.GENERAL_MANAGER, ARCHIVE_RETRIEVAL)
KEEPERS_CONSENT = signed(Role.ARCHIVE_KEEPER, LEND)
COPY_APPROVAL = signed(Role.ARCHIVE_MANAGER, COPY)
OUTSIDE_APPROVAL = signed(Role.ARCHIVE_MANAGER, OUTSIDE)
CONSENTED_ARCHIVE = CustomerFile("C-8", consents=(Consent(PURPOSE, D(2026, 1, 1)),))


@pytest.mark.parametrize(
    ("file", "approvals", "action", "policy", "code", "rule"),
    [
        # R9 (001 §4.2.5): another's records with the chairman's approval
        (record(), (CHAIRMAN,), V, SEED, ArchivesReason.R9_GRANT_CHAIRMAN, "R9"),
        # R9 (001 §市场部 (2nd) 一.5): the archive room, to view and to borrow
        (record(), (REVIEW, RETRIEVAL), V, MARKETING, ArchivesReason.R9_GRANT_ARCHIVE_ROOM, "R9"),
        (record(), (REVIEW, RETRIEVAL), B, MARKETING, ArchivesReason.R9_GRANT_ARCHIVE_ROOM, "R9"),
        # R9 (003 §事业公司 第六条): the customer-service department's approval
        (
            record(),
            (signed(Role.CUSTOMER_SERVICE_MANAGER, DATABASE),),
            V,
            SERVICE,
            ArchivesReason.R9_GRANT_SERVICE,
            "R9",
        ),
        # R9 (000 第三条): another's ledger card with the finance section's approval
        *(
            (
                CustomerFile("C-8", kind=FileKind.LEDGER_CARD, owner="王芳"),
                (signed(Role.GENERAL_AFFAIRS_FINANCE, LEDGER),),
                action,
                SEED,
                ArchivesReason.R9_GRANT_LEDGER,
                "R9",
            )
            for action in (V, B)
        ),
        # R9 (003 §6.2.4-2(3)): credit data with business statistics' approval
        *(
            (
                CustomerFile("C-8", kind=FileKind.CREDIT),
                (signed(Role.BUSINESS_STATISTICS, CREDIT_DATA),),
                action,
                SEED,
                ArchivesReason.R9_GRANT_CREDIT,
                "R9",
            )
            for action in (V, B)
        ),
        # R3 (004 §三.3): an archive with the keeper's consent, to view and to borrow
        (CustomerFile("C-8"), (KEEPERS_CONSENT,), V, SEED, ArchivesReason.R3_GRANT_LEND, "R3"),
        (CustomerFile("C-8"), (KEEPERS_CONSENT,), B, SEED, ArchivesReason.R3_GRANT_LEND, "R3"),
        # R4 (004 §三.4-5): a copy, and its use outside
        (CustomerFile("C-8"), (COPY_APPROVAL,), C, SEED, ArchivesReason.R4_GRANT_COPY, "R4"),
        (
            CONSENTED_ARCHIVE,
            (COPY_APPROVAL, OUTSIDE_APPROVAL),
            T,
            SEED,
            ArchivesReason.R4_GRANT_OUTSIDE,
            "R4",
        ),
    ],
)
def test_every_grant_names_its_rule(
    file: CustomerFile,
    approvals: tuple[Approval, ...],
    action: AccessAction,
    policy: ArchivesPolicy,
    code: ArchivesReason,
    rule: str,
) -> None:
    """R9, R3, R4: a grant names the catalogue rule that grants it (R9 for records, ledger
    cards and credit data; R3 for lending an archive, R4 for its copies and their use outside),
    and the reason states the same rule."""
    d = decide(file, *approvals, action=action, policy=policy)
    assert (d.allowed, d.code, d.rule, d.needs) == (True, code, rule, ())
    assert (d.reasons[0].rule, d.reasons[0].code) == (rule, code)


@pytest.mark.parametrize("policy", [SEED, SERVICE], ids=["sales", "service"])
def test_borrowing_anothers_records_without_a_rule_for_it_is_denied_under_r9(
    policy: ArchivesPolicy,
) -> None:
    """R9 (deny by default): the ``sales`` and ``service`` presets grant no borrowing of
    another's records at all, so the denial is ``R9.denied`` (not ``R9.duty``, which is for
    copying and transmitting) and names no approval that would help."""
    d = decide(record(), CHAIRMAN, action=B, policy=policy)
    assert (d.allowed, d.code, d.rule, d.needs) == (False, ArchivesReason.R9_DENIED, "R9", ())
    assert [(r.rule, r.code) for r in d.reasons] == [("R9", ArchivesReason.R9_DENIED)]


@pytest.mark.parametrize(("purpose", "recorded"), [(None, None), ("", None), ("  ", "  ")])
def test_a_denial_for_want_of_a_purpose_names_r9_and_records_the_purpose_given(
    purpose: str | None, recorded: str | None
) -> None:
    """R9 (001 §模板 第七条: a query serves one's work): no stated purpose is ``R9.no_purpose``
    under R9; an empty purpose is recorded as none, a blank one as given."""
    d = decide(record(owner="陈小明"), purpose=purpose)
    assert (d.allowed, d.code, d.rule, d.purpose) == (
        False,
        ArchivesReason.R9_NO_PURPOSE,
        "R9",
        recorded,
    )


# --------------------------------------------------------------------------- every refusal


@pytest.mark.parametrize(
    ("args", "problems"),
    [
        (("x", V, record(), PURPOSE), [("principal", "'x'", "a Principal")]),
        (
            (ME, "view", record(), PURPOSE),
            [("action", "'view'", "an AccessAction: view, borrow, copy, transmit")],
        ),
        ((ME, V, "C-8", PURPOSE), [("file", "'C-8'", "a CustomerFile")]),
        ((ME, V, record(), 3), [("purpose", 3, "the stated purpose (text) or None")]),
        ((ME, V, record(), b"x"), [("purpose", "b'x'", "the stated purpose (text) or None")]),
    ],
)
def test_every_refusal_of_may_accesss_arguments(
    args: tuple[Any, ...], problems: list[tuple[str, object, str]]
) -> None:
    """R9: a principal, action, file or purpose that cannot be one is refused naming the
    argument, what was given and what was expected."""
    principal, action, file, purpose = args
    assert problems_of(lambda: may_access(principal, action, file, purpose, (), SEED, on=DAY)) == (
        problems
    )


class _HostDate(dt.date):
    """A host's own date class: still a date."""


_RANGE = "a date from 1900-01-01 to 2999-12-31"
_IN_FORCE = "a day on or after the policy's effective date 2026-01-01 (version '2027')"


@pytest.mark.parametrize(
    ("on", "problems"),
    [
        ("x", [("on", "'x'", "a datetime.date")]),
        (None, [("on", None, "a datetime.date")]),
        (D(1899, 12, 31), [("on", "datetime.date(1899, 12, 31)", _RANGE)]),
        (D(3000, 1, 1), [("on", "datetime.date(3000, 1, 1)", _RANGE)]),
        (
            dt.datetime(2026, 3, 2, 9),
            [
                (
                    "on",
                    "datetime.datetime(2026, 3, 2, 9, 0)",
                    "a date; call .date() on the datetime in the right zone",
                )
            ],
        ),
        # the day before the book takes effect, as a date and as a host's date class
        (D(2025, 12, 31), [("on", "datetime.date(2025, 12, 31)", _IN_FORCE)]),
        (_HostDate(2025, 12, 31), [("on", "datetime.date(2025, 12, 31)", _IN_FORCE)]),
    ],
)
def test_every_refusal_of_the_day(on: Any, problems: list[tuple[str, object, str]]) -> None:
    """R9 (G6: a book applies from its effective date): a day that is not a date of the
    supported range, or before the book takes effect, is refused naming ``on``."""
    assert problems_of(lambda: decide(record(owner="陈小明"), policy=DATED, on=on)) == problems


@pytest.mark.parametrize(
    "on",
    [D(2026, 1, 1), _HostDate(2026, 1, 1), D(2026, 3, 2), _HostDate(2026, 3, 2)],
    ids=["effective-day", "effective-day-host-date", "later", "later-host-date"],
)
def test_a_decision_records_the_day_and_the_books_version_and_effective_day(on: D) -> None:
    """R9: from the day the book takes effect on, the decision is made and records the day
    (a host's date class as a plain date) and the book's version and effective day."""
    d = decide(record(owner="陈小明"), policy=DATED, on=on)
    assert (d.allowed, d.code, d.on, type(d.on), d.policy_version, d.policy_effective) == (
        True,
        ArchivesReason.R9_GRANT_OWN,
        D(on.year, on.month, on.day),
        D,
        "2027",
        D(2026, 1, 1),
    )


class _HostPrincipal(Principal):
    """A host's own kind of principal: still a Principal."""


class _HostFile(CustomerFile):
    """A host's own kind of customer file: still a CustomerFile."""


def test_a_hosts_principal_and_file_classes_are_decided_like_the_plain_ones() -> None:
    """R9 (001 §4.2.5): a salesperson sees their own customer whatever class carries the
    principal and the file; another's still needs the chairman's approval."""
    me = _HostPrincipal("陈小明", Role.SALESPERSON, "销售一部")
    mine = _HostFile("C-8", kind=FileKind.RECORD, owner="陈小明")
    theirs = _HostFile("C-8", kind=FileKind.RECORD, owner="王芳")
    own = may_access(me, V, mine, PURPOSE, (), SEED, on=DAY)
    assert (own.allowed, own.code, own.rule, own.principal, own.file) == (
        True,
        ArchivesReason.R9_GRANT_OWN,
        "R9",
        me,
        mine,
    )
    other = may_access(me, V, theirs, PURPOSE, (), SEED, on=DAY)
    assert (other.allowed, other.code, other.needs) == (
        False,
        ArchivesReason.R9_DENIED,
        (AccessNeed(RECORDS, (Role.CHAIRMAN,)),),
    )


@pytest.mark.parametrize("policy", ["None", "'seed'"])
def test_a_bad_policy_is_refused_even_on_the_first_call_of_a_process(policy: str) -> None:
    """R9: the first ``may_access`` call of a process checks its policy like every other (the
    last-call memo once started out holding ``None``, so a first call with ``policy=None``
    raised ``AttributeError`` instead of the typed refusal). Run in a fresh interpreter."""
    code = (
        "import datetime as dt\n"
        "from customer_rules.archives import (AccessAction, CustomerFile, FileKind, Principal,"
        " may_access)\n"
        "from customer_rules.errors import InputError\n"
        "from customer_rules.roles import Role\n"
        "me = Principal('陈小明', Role.SALESPERSON)\n"
        "mine = CustomerFile('C-7', kind=FileKind.RECORD, owner='陈小明')\n"
        "try:\n"
        f"    may_access(me, AccessAction.VIEW, mine, '回访', (), {policy},"
        " on=dt.date(2026, 3, 2))\n"
        "except InputError as exc:\n"
        "    print([p.path for p in exc.problems])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8"
    )
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "['policy']", "")
