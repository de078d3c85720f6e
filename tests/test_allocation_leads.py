"""A1 lead typing and A2 the re-request (资源重新申请表).

Seed 001 §客户资源分配管理制度 3.1.1-4: "A类客户指的是预计成交金额在80万及以上" — 及以上 includes
the number; "由销售部经理签字确认后,可以获得重新分配同一类型客户资源".
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.refusals import problems_of

from customer_rules.allocation import (
    RE_REQUEST,
    AllocationPolicy,
    LeadTyping,
    Misjudgment,
    ReplacementType,
    ReRequest,
    ReRequestOutcome,
    ReRequestResult,
    rerequest,
    sanctions,
    type_lead,
)
from customer_rules.book import PolicyBook
from customer_rules.config import dump_book, load_book
from customer_rules.dates import SHANGHAI
from customer_rules.errors import InputError, PolicyError
from customer_rules.grading import DealSizeType, GradingPolicy, deal_size_type
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import explain, find_reason
from customer_rules.roles import Approval, Role
from customer_rules.settings import Mark, settings_of
from customer_rules.testing import amounts
from customer_rules.workflow import apply, replay, start

SEED = AllocationPolicy()
DAY = dt.date(2026, 5, 6)
AT = dt.datetime(2026, 5, 6, 15, 0, tzinfo=SHANGHAI)
FORM = ReRequest("L9", "S07", DealSizeType.A, DealSizeType.C, DAY, agent="K01")
SIGNED = Approval("王经理", Role.SALES_MANAGER, RE_REQUEST, DAY)


# --------------------------------------------------------------------------- A1


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("800000", DealSizeType.A),  # 80万及以上
        ("799999.99", DealSizeType.B),
        ("400000", DealSizeType.B),  # 40万及以上
        ("399999.99", DealSizeType.C),
        ("200000", DealSizeType.C),  # 20万及以上
        ("199999.99", DealSizeType.D),
        ("0", DealSizeType.D),
    ],
)
def test_a1_types_by_the_seed_thresholds(amount: str, expected: DealSizeType) -> None:
    assert type_lead(amount, SEED).type is expected


def test_a1_reasons_cite_a1_with_the_threshold() -> None:
    b = type_lead("45万", SEED)
    assert (b.amount, b.threshold) == (Decimal(450_000), Decimal(400_000))
    assert explain(b, "en") == (
        "[A1] by the lead-judgment standard, expected deal amount 450,000 ≥ 400,000: type B"
    )
    d = type_lead(150_000, SEED)
    assert d.threshold is None
    assert find_reason(d, "A1.below").fact("threshold") == Decimal(200_000)


def test_a1_the_standard_is_the_hosts_to_replace() -> None:
    own = AllocationPolicy(
        typing={"standard": {"a_min": "100万", "b_min": "50万", "c_min": "10万"}}
    )
    assert type_lead("80万", own).type is DealSizeType.B
    assert type_lead("10万", own).type is DealSizeType.C
    with pytest.raises(PolicyError, match=r"typing\.standard\.b_min"):
        AllocationPolicy(typing={"standard": {"b_min": "90万"}})


def test_a1_the_default_standard_is_g1s_table() -> None:
    found = {s.path: s for s in settings_of(SEED)}
    assert found["typing.standard.a_min"].value == Decimal(800_000)
    assert found["typing.standard.a_min"].setting.mark is Mark.SEED  # G1's own number
    assert SEED.typing.standard == GradingPolicy().deal_size


def test_a1_bad_input() -> None:
    with pytest.raises(InputError, match="amount"):
        type_lead(800000.0, SEED)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="amount"):
        type_lead("-1", SEED)
    with pytest.raises(InputError, match="policy"):
        type_lead("1", GradingPolicy())  # type: ignore[arg-type]


@given(amounts(0, 10_000_000))
def test_a1_is_g1_itself(amount: Decimal) -> None:
    """The standard is applied by G1's rule: the same type as ``deal_size_type`` for the same
    thresholds, and a round trip through data."""
    typed = type_lead(amount, SEED)
    assert typed.type is deal_size_type(amount, GradingPolicy()).type
    assert from_data(LeadTyping, to_data(typed), policy=SEED) == typed


@given(amounts(0, 10_000_000), amounts(0, 10_000_000))
def test_a1_more_amount_never_lowers_the_type(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert type_lead(high, SEED).type.value <= type_lead(low, SEED).type.value  # "A" < "B"


# --------------------------------------------------------------------------- A2


def test_a2_signed_by_the_sales_manager_gives_the_type_originally_judged() -> None:
    r = rerequest(FORM, SEED, at=AT, approval=SIGNED)
    assert (r.outcome, r.granted, r.replacement) == (
        ReRequestOutcome.GRANTED,
        True,
        DealSizeType.A,
    )
    assert [x.code for x in r.reasons] == ["A2.filed", "A2.granted", "A2.misjudgment"]
    assert "replacement lead of type A" in explain(r, "en")
    assert r.step.applied
    assert r.step.record is not None
    assert r.step.record.after == "approved"


def test_a2_the_other_reading_gives_the_type_it_turned_out() -> None:
    actual = AllocationPolicy(rerequest={"replacement": ReplacementType.ACTUAL})
    assert rerequest(FORM, actual, at=AT, approval=SIGNED).replacement is DealSizeType.C


@pytest.mark.parametrize(
    ("approval", "code"),
    [
        (None, "workflow.missing.approval"),
        (Approval("李组长", Role.SUPERVISOR, RE_REQUEST, DAY), "workflow.role"),
        (Approval("王经理", Role.SALES_MANAGER, "G6.regrade", DAY), "workflow.what"),
        (
            Approval("王经理", Role.SALES_MANAGER, RE_REQUEST, DAY, subject="L1"),
            "workflow.subject",
        ),
        (
            Approval(
                "王经理",
                Role.SALES_MANAGER,
                RE_REQUEST,
                DAY - dt.timedelta(days=9),
                DAY - dt.timedelta(days=1),
            ),
            "workflow.expired",
        ),
        (
            Approval("王经理", Role.SALES_MANAGER, RE_REQUEST, DAY + dt.timedelta(days=1)),
            "workflow.not_yet",
        ),
        (Approval("S07", Role.SALES_MANAGER, RE_REQUEST, DAY), "workflow.same_person"),
    ],
)
def test_a2_without_a_valid_signature_it_is_refused(approval: Approval | None, code: str) -> None:
    r = rerequest(FORM, SEED, at=AT, approval=approval)
    assert (r.outcome, r.replacement, r.misjudgment) == (ReRequestOutcome.REFUSED, None, None)
    assert [x.code for x in r.reasons] == ["A2.filed", "A2.refused", code]
    assert all(x.rule == "A2" for x in r.reasons)


def test_a2_a_signature_before_the_form_was_filed_is_refused() -> None:
    late_form = ReRequest("L9", "S07", DealSizeType.A, DealSizeType.C, DAY + dt.timedelta(days=1))
    r = rerequest(late_form, SEED, at=AT, approval=SIGNED)
    assert r.outcome is ReRequestOutcome.REFUSED
    assert find_reason(r, "workflow.earlier") is not None


def test_a2_no_mismatch_no_replacement() -> None:
    same = ReRequest("L9", "S07", DealSizeType.B, DealSizeType.B, DAY)
    r = rerequest(same, SEED, at=AT, approval=SIGNED)
    assert (r.outcome, r.replacement) == (ReRequestOutcome.NO_MISMATCH, None)
    assert [x.code for x in r.reasons] == ["A2.filed", "A2.no_mismatch"]


def test_a2_a_granted_request_charges_the_agent_a_misjudgment() -> None:
    r = rerequest(FORM, SEED, at=AT, approval=SIGNED)
    assert r.misjudgment == Misjudgment("K01", AT, "L9", DealSizeType.A, DealSizeType.C)
    unknown = ReRequest("L9", "S07", DealSizeType.A, DealSizeType.C, DAY)
    assert rerequest(unknown, SEED, at=AT, approval=SIGNED).misjudgment is None
    # three granted re-requests in a month suspend the agent once (A3)
    charged = [
        rerequest(FORM, SEED, at=AT + dt.timedelta(hours=h), approval=SIGNED).misjudgment
        for h in range(3)
    ]
    assert sanctions(charged, SEED, at=AT + dt.timedelta(days=1)).skips_left == 1  # type: ignore[arg-type]


def test_a2_the_table_is_a_workflow_the_host_replays() -> None:
    table = SEED.rerequest.table
    filer = Approval("S07", Role.SALESPERSON, "A2.file", DAY)
    filed = apply(table, start(table, subject="L9"), "file", by=filer, on=DAY)
    r = rerequest(FORM, SEED, at=AT, approval=SIGNED)
    assert r.step.record is not None
    assert filed.record is not None
    rebuilt = replay(table, start(table, subject="L9"), [filed.record, r.step.record])
    assert rebuilt.state == "approved"


def test_a2_the_approving_roles_move_the_seed_table() -> None:
    vp = AllocationPolicy(rerequest={"approving_roles": ["marketing_director"]})
    move = vp.rerequest.table.transition("filed", "approve")
    assert move is not None
    assert move.roles == frozenset({Role.MARKETING_DIRECTOR})
    director = Approval("赵总监", Role.MARKETING_DIRECTOR, RE_REQUEST, DAY)
    assert rerequest(FORM, vp, at=AT, approval=director).granted
    assert not rerequest(FORM, vp, at=AT, approval=SIGNED).granted


def test_a2_a_table_without_the_approve_step_is_refused() -> None:
    table = SEED.rerequest.table
    rows = [t for t in table.transitions if t.event != "approve"]
    with pytest.raises(PolicyError, match=r"rerequest\.table\.transitions"):
        AllocationPolicy(
            rerequest={"table": {**to_data(table), "transitions": [to_data(t) for t in rows]}}
        )


def test_a2_bad_input() -> None:
    with pytest.raises(InputError, match="request"):
        rerequest("L9", SEED, at=AT)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="at"):
        rerequest(FORM, SEED, at=dt.datetime(2026, 5, 6, 15))
    with pytest.raises(InputError, match="approval"):
        rerequest(FORM, SEED, at=AT, approval="王经理")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="filed_on"):
        ReRequest("L9", "S07", DealSizeType.A, DealSizeType.C, AT)  # type: ignore[arg-type]


def test_a2_result_round_trips() -> None:
    for approval in (SIGNED, None):
        r = rerequest(FORM, SEED, at=AT, approval=approval)
        assert from_data(ReRequestResult, to_data(r, lang="zh"), policy=SEED) == r


@given(
    st.sampled_from(list(DealSizeType)),
    st.sampled_from(list(DealSizeType)),
    st.sampled_from([None, SIGNED, Approval("x", Role.SALESPERSON, RE_REQUEST, DAY)]),
    st.sampled_from(list(ReplacementType)),
)
def test_a2_granted_exactly_when_mismatched_and_signed(
    judged: DealSizeType,
    actual: DealSizeType,
    approval: Approval | None,
    reading: ReplacementType,
) -> None:
    policy = AllocationPolicy(rerequest={"replacement": reading})
    r = rerequest(ReRequest("L1", "S1", judged, actual, DAY), policy, at=AT, approval=approval)
    assert r.granted == (judged is not actual and approval is SIGNED)
    if r.granted:
        assert r.replacement is (judged if reading is ReplacementType.ORIGINAL else actual)
    assert all(x.rule == "A2" for x in r.reasons)


def test_the_a1_a6_tables_round_trip_through_the_book() -> None:
    book = PolicyBook(
        allocation=AllocationPolicy(
            typing={"standard": {"a_min": "100万"}},
            rerequest={"replacement": "actual"},
            sanctions={"misjudgments": {"period": "rolling_30_days"}},
            response={"opens": "08:30"},
            fines={"extra": [{"offence": "late", "zh": "迟到", "en": "late", "amount": "5"}]},
        )
    )
    assert load_book(dump_book(book)).allocation == book.allocation


# --------------------------------------------------------------------------- mutation kills


def test_a1_a2_results_name_the_effective_date_of_the_book_that_decided() -> None:
    """A1/A2: a result carries the effective date of the policy that decided it."""
    book = AllocationPolicy(version="2026", effective=dt.date(2026, 1, 1))
    assert type_lead("45万", book).policy_effective == dt.date(2026, 1, 1)
    r = rerequest(FORM, book, at=AT, approval=SIGNED)
    assert (r.policy_version, r.policy_effective) == ("2026", dt.date(2026, 1, 1))


def test_a2_the_day_of_at_is_the_shanghai_day() -> None:
    """A2: 01:00 in Shanghai on the day the form was filed is that day (17:00 UTC the day
    before), so the manager's signature of that day is in force."""
    early = dt.datetime(2026, 5, 6, 1, 0, tzinfo=SHANGHAI)
    r = rerequest(FORM, SEED, at=early, approval=SIGNED)
    assert (r.outcome, r.replacement) == (ReRequestOutcome.GRANTED, DealSizeType.A)
    assert r.step.applied


def test_a2_a_bad_request_or_approval_is_refused_naming_it() -> None:
    """A2: the refusal names the argument, what was given and what was expected."""
    assert problems_of(lambda: rerequest("L9", SEED, at=AT)) == [  # type: ignore[arg-type]
        ("request", "'L9'", "a ReRequest")
    ]
    assert problems_of(
        lambda: rerequest(FORM, SEED, at=AT, approval="王经理")  # type: ignore[arg-type]
    ) == [("approval", "'王经理'", "an Approval or None")]


@pytest.mark.parametrize(
    ("filed_on", "given", "expected"),
    [
        (
            dt.datetime(2026, 5, 6, 0, 0),
            "datetime.datetime(2026, 5, 6, 0, 0)",
            "a datetime.date",
        ),
        (
            dt.date(1899, 12, 31),
            "datetime.date(1899, 12, 31)",
            "a date from 1900-01-01 to 2999-12-31",
        ),
    ],
)
def test_a2_a_form_filed_on_a_bad_day_is_refused_naming_filed_on(
    filed_on: dt.date, given: str, expected: str
) -> None:
    """A2: ``filed_on`` is a day (not a moment) in the calendar's range."""
    assert problems_of(
        lambda: ReRequest("L9", "S07", DealSizeType.A, DealSizeType.C, filed_on)
    ) == [("filed_on", given, expected)]


def _own_table(approve_roles: list[str], approval: str | None = RE_REQUEST) -> dict[str, object]:
    """The seed's A2 table as data, with its own zh label and the approve row changed."""
    data = to_data(SEED.rerequest.table)
    rows = [dict(t) for t in data["transitions"]]
    rows[1] = {**rows[1], "roles": approve_roles, "approval": approval}
    states = [dict(s) for s in data["states"]]
    states[2] = {**states[2], "zh": "经理已签字"}
    return {**data, "states": states, "transitions": rows}


@pytest.mark.parametrize(
    ("roles", "settings"),
    [
        (["sales_manager"], {}),
        (["marketing_director"], {"approving_roles": ["marketing_director"]}),
    ],
)
def test_a2_a_companys_own_table_is_kept(roles: list[str], settings: dict[str, object]) -> None:
    """A2: only the seed's table follows ``approving_roles``; a company's own table is kept."""
    own = _own_table(roles)
    book = AllocationPolicy(rerequest={**settings, "table": own})  # type: ignore[arg-type]
    assert to_data(book.rerequest.table) == own
    assert [s.zh for s in book.rerequest.table.states][2] == "经理已签字"


def test_a2_a_table_without_the_file_and_approve_steps_names_both() -> None:
    """A2: every missing step is named, not only the first."""
    data = to_data(SEED.rerequest.table)
    refuse_only = {**data, "transitions": data["transitions"][2:]}

    def build() -> AllocationPolicy:
        return AllocationPolicy(rerequest={"table": refuse_only})  # type: ignore[arg-type]

    assert problems_of(build, PolicyError) == [
        ("rerequest.table.transitions", "'1 row(s)'", "a row from 'draft' on 'file' to 'filed'"),
        (
            "rerequest.table.transitions",
            "'1 row(s)'",
            "a row from 'filed' on 'approve' to 'approved'",
        ),
    ]


def test_a2_an_approve_step_of_other_roles_or_approval_is_refused() -> None:
    """A2: the approve row must be the approving roles' and grant RE_REQUEST."""
    own = _own_table(["supervisor"], "X")
    settings = {"approving_roles": ["sales_manager", "marketing_director"], "table": own}

    def build() -> AllocationPolicy:
        return AllocationPolicy(rerequest=settings)  # type: ignore[arg-type]

    assert problems_of(build, PolicyError) == [
        (
            "rerequest.table.transitions[1].roles",
            "['supervisor']",
            "the approving_roles (marketing_director, sales_manager)",
        ),
        ("rerequest.table.transitions[1].approval", "'X'", "'A2.rerequest'"),
    ]
