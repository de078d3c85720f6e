"""C7 — the twice-yearly credit review: the seed's cases on both sides of each boundary, the
review table, and properties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.book import PolicyBook
from customer_rules.calendars import Deadline, DeadlineMode
from customer_rules.cn_calendar import china_working_days
from customer_rules.config import dump_book, load_book
from customer_rules.credit import (
    REVIEW,
    CreditPolicy,
    CreditReason,
    CreditStanding,
    ReviewChange,
    ReviewDue,
    ReviewFacts,
    ReviewPolicy,
    ReviewResult,
    review_credit,
    review_due,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import explain, find_reason, render_reason
from customer_rules.recurrence import Recurrence, RecurrenceBasis
from customer_rules.roles import Approval, Role
from customer_rules.testing import days, review_facts
from customer_rules.workflow import StepOutcome, apply, replay, start
from refusals import problems_of

D = dt.date
SEED = CreditPolicy()
STRICT = CreditPolicy(review=ReviewPolicy(approval_required=True))
LAST = D(2026, 1, 15)
B = CreditStanding("B", "50万")
A = CreditStanding("A", "80万")
NONE = CreditStanding(None, 0)


def facts(current: CreditStanding = B, proposed: CreditStanding = A, **kw: Any) -> ReviewFacts:
    return ReviewFacts(kw.pop("customer", "C042"), kw.pop("last", LAST), current, proposed, **kw)


JULY_10 = D(2026, 7, 10)


def vp(day: dt.date = JULY_10, **kw: Any) -> Approval:
    return Approval(kw.pop("who", "李副总"), Role.VP_IN_CHARGE, kw.pop("what", REVIEW), day, **kw)


def codes(result: Any) -> list[str]:
    return [r.code for r in result.reasons]


# --- when a review is due --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "overdue"),
    [(D(2026, 7, 14), False), (D(2026, 7, 15), False), (D(2026, 7, 16), True)],
)
def test_c7_every_six_months_from_the_last(on: dt.date, overdue: bool) -> None:
    """C7 "每年两次", read as every six months from the last review [default]: reviewed
    2026-01-15, due 2026-07-15 — on that day still on time, the day after overdue."""
    d = review_due(LAST, SEED, on=on)
    assert d.occurrence.due == D(2026, 7, 15)
    assert d.occurrence.opens == D(2026, 1, 16)
    assert d.overdue is overdue
    assert d.next_role is Role.VP_IN_CHARGE
    assert codes(d)[1] == ("C7.overdue" if overdue else "C7.pending")


def test_c7_due_reasons_render() -> None:
    d = review_due(LAST, SEED, on=D(2026, 7, 16))
    assert explain(d, "zh").splitlines() == [
        "[C7] 信用评审周期:自上次起每6个月;上次评审 2026-01-15,本次评审截止 2026-07-15"
        "(由主管副总经理组织,业务部执行)",
        "[C7] 评审已逾期:截止 2026-07-15,至 2026-07-16 仍未评审",
    ]
    assert explain(d, "en").splitlines() == [
        "[C7] credit review every 6 month(s) from the last: last 2026-01-15, this review due"
        " 2026-07-15 (organised by the vp in charge, performed by the business department)",
        "[C7] the review is overdue: due 2026-07-15, not done by 2026-07-16",
    ]


@pytest.mark.parametrize(
    ("on", "flagged"),
    [(D(2027, 1, 15), False), (D(2027, 1, 16), True)],
)
def test_c7_limit_not_reviewed_within_a_year_needs_reapproval(on: dt.date, flagged: bool) -> None:
    """A limit not reviewed within ``reapproval_months`` (12 [default]) is flagged: on the
    12-month day it still stands, the day after it needs re-approval."""
    d = review_due(LAST, SEED, on=on)
    assert d.reapproval_after == D(2027, 1, 15)
    assert d.needs_reapproval is flagged
    found = find_reason(d, CreditReason.C7_REAPPROVAL)
    assert (found is not None) is flagged
    if found is not None:
        assert render_reason(found, "en") == (
            "[C7] the limit has gone unreviewed for more than 12 month(s) since 2026-01-15"
            " (until 2027-01-15): it needs re-approval"
        )


def test_c7_two_fixed_months_is_the_other_reading() -> None:
    fixed = CreditPolicy(review=ReviewPolicy(cycle=Recurrence.in_months(6, 12)))
    d = review_due(LAST, fixed, on=D(2026, 7, 1))
    assert d.occurrence.due == D(2026, 6, 30)
    assert d.overdue
    assert review_due(D(2026, 6, 20), fixed, on=D(2026, 7, 1)).occurrence.due == D(2026, 12, 31)


def test_c7_cycle_due_rolls_over_a_holiday() -> None:
    rolled = CreditPolicy(
        review=ReviewPolicy(
            cycle=Recurrence.every(6, deadline=Deadline(0, DeadlineMode.CALENDAR_THEN_ROLL))
        )
    )
    d = review_due(D(2026, 4, 1), rolled, on=D(2026, 10, 2), calendar=china_working_days())
    assert d.occurrence.day == D(2026, 10, 1)
    assert d.occurrence.due == D(2026, 10, 8)  # National Day week
    assert not d.overdue


# --- one review --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "proposed", "change"),
    [
        (B, A, ReviewChange.UPGRADE),
        (A, B, ReviewChange.DOWNGRADE),
        (B, CreditStanding("B", "500000"), ReviewChange.UNCHANGED),
        (B, CreditStanding("B", "500000.01"), ReviewChange.UPGRADE),
        (B, CreditStanding("B", "499999.99"), ReviewChange.DOWNGRADE),
        (NONE, CreditStanding("C", 0), ReviewChange.UPGRADE),  # credit granted
        (CreditStanding("C", 0), NONE, ReviewChange.DOWNGRADE),  # credit withdrawn
        (NONE, NONE, ReviewChange.UNCHANGED),
    ],
)
def test_c7_upgrade_downgrade_unchanged(
    current: CreditStanding, proposed: CreditStanding, change: ReviewChange
) -> None:
    """C7 "对其信用额度及信用等级进行升级或降级评审": the limit decides, one fen either side."""
    r = review_credit(facts(current, proposed), SEED, on=D(2026, 7, 10))
    assert r.change is change
    assert find_reason(r, f"C7.{change.value}") is not None


def test_c7_seed_review_applies_at_once_and_notifies_office_and_finance() -> None:
    """C7 "评审结果要及时通报办事处、财务部"; the seed book asks no approval."""
    r = review_credit(facts(grounds=("按期付款", "交易额增长")), SEED, on=D(2026, 7, 10))
    assert r.effective
    assert r.in_force == A
    assert r.sign_off is None
    assert [(n.to, n.by, n.grade, n.limit) for n in r.notices] == [
        (Role.OFFICE_DIRECTOR, Role.BUSINESS_DEPARTMENT, "A", Decimal(800_000)),
        (Role.FINANCE, Role.BUSINESS_DEPARTMENT, "A", Decimal(800_000)),
    ]
    assert r.next_role is Role.BUSINESS_DEPARTMENT
    assert not r.late
    assert r.next_review.due == D(2027, 1, 10)
    assert explain(r, "zh").splitlines() == [
        "[C7] 业务部对客户 C042 进行信用审核,填写“客户升(降)级评审表”(由主管副总经理组织)",
        "[C7] 评审依据:按期付款、交易额增长",
        "[C7] 升级:信用等级 B → A,信用额度 500,000 → 800,000 元",
        "[C7] 本次评审按时完成:截止 2026-07-15(自上次起每6个月)",
        "[C7] 评审结果即时生效(本政策不要求审批)",
        "[C7] 业务部将评审结果通报办事处主任、财务部",
        "[C7] 下次评审截止 2027-01-10",
    ]
    assert explain(r, "en").splitlines()[2:5] == [
        "[C7] upgrade: credit grade B → A, limit 500,000 → 800,000",
        "[C7] the review is on time: due 2026-07-15 (every 6 month(s) from the last)",
        "[C7] the result applies at once (the policy requires no approval)",
    ]


def test_c7_late_review_says_so() -> None:
    r = review_credit(facts(), SEED, on=D(2026, 7, 16))
    assert r.late
    late = find_reason(r, CreditReason.C7_LATE)
    assert late is not None
    assert find_reason(r, CreditReason.C7_ON_TIME) is None
    assert render_reason(late, "en") == (
        "[C7] the review is late: it was due 2026-07-15 (every 6 month(s) from the last)"
    )


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [("B", "A", ReviewChange.UPGRADE), ("A", "C", ReviewChange.DOWNGRADE)],
)
def test_c7_at_the_same_limit_the_grade_table_decides(
    before: str, after: str, change: ReviewChange
) -> None:
    """At the same limit, the C1 grade table's ranks (A above B above C) decide."""
    same = facts(CreditStanding(before, "50万"), CreditStanding(after, "50万"))
    r = review_credit(same, SEED, on=D(2026, 7, 10))
    assert r.change is change
    assert find_reason(r, CreditReason.C7_REGRADED) is not None


def test_c7_grade_renamed_at_the_same_limit() -> None:
    r = review_credit(facts(B, CreditStanding("B+", "50万")), SEED, on=D(2026, 7, 10))
    assert r.change is ReviewChange.UNCHANGED
    found = find_reason(r, CreditReason.C7_REGRADED)
    assert found is not None
    assert render_reason(found, "zh") == "[C7] 信用等级由 B 改为 B+,信用额度 500,000 元不变"


def test_c7_no_credit_renders_as_such() -> None:
    r = review_credit(facts(NONE, CreditStanding("C", "10万")), SEED, on=D(2026, 7, 10))
    assert render_reason(r.reasons[1], "en") == (
        "[C7] upgrade: credit grade no credit → C, limit 0 → 100,000"
    )


# --- with an approval before it takes effect (policy option) -----------------------------------


def test_c7_approval_required_without_approval_awaits_the_vp() -> None:
    r = review_credit(facts(A, B), STRICT, on=D(2026, 7, 10))
    assert not r.effective
    assert r.in_force == A
    assert r.notices == ()
    assert r.next_role is Role.VP_IN_CHARGE
    step = r.sign_off
    assert step is not None
    assert step.outcome is StepOutcome.MISSING
    assert codes(r)[-3:] == ["C7.awaiting", "workflow.missing.approval", "C7.next"]
    assert all(reason.rule == "C7" for reason in r.reasons)
    assert render_reason(r.reasons[-2], "en") == (
        "[C7] 'approve' needs the approval ('C7.review') of the vp in charge; none given"
    )


def test_c7_approval_by_the_vp_makes_it_effective() -> None:
    r = review_credit(facts(A, B), STRICT, on=D(2026, 7, 10), approval=vp())
    assert r.effective
    assert r.in_force == B
    assert len(r.notices) == 2
    assert r.next_role is Role.BUSINESS_DEPARTMENT
    assert render_reason(r.reasons[3], "zh") == (
        "[C7] 李副总(主管副总经理)于 2026-07-10 审批通过,评审结果生效"
    )
    assert r.sign_off is not None
    assert r.sign_off.applied


@pytest.mark.parametrize(
    ("approval", "outcome"),
    [
        (Approval("赵总", Role.GENERAL_MANAGER, REVIEW, D(2026, 7, 1)), StepOutcome.WRONG_ROLE),
        (
            Approval("李副总", Role.VP_IN_CHARGE, "G6.regrade", D(2026, 7, 1)),
            StepOutcome.WRONG_APPROVAL,
        ),
        (
            Approval("李副总", Role.VP_IN_CHARGE, REVIEW, D(2026, 1, 1), D(2026, 7, 9)),
            StepOutcome.NOT_IN_FORCE,
        ),
        (
            Approval("李副总", Role.VP_IN_CHARGE, REVIEW, D(2026, 7, 11)),
            StepOutcome.NOT_IN_FORCE,
        ),
        (
            Approval("李副总", Role.VP_IN_CHARGE, REVIEW, D(2026, 7, 1), subject="C007"),
            StepOutcome.OTHER_SUBJECT,
        ),
    ],
)
def test_c7_a_wrong_approval_is_refused_with_its_reason(
    approval: Approval, outcome: StepOutcome
) -> None:
    r = review_credit(facts(), STRICT, on=D(2026, 7, 10), approval=approval)
    assert not r.effective
    assert r.in_force == B
    assert r.sign_off is not None
    assert r.sign_off.outcome is outcome
    assert r.reasons[-2] == r.sign_off.reasons[0]


def test_c7_the_approver_is_not_who_filled_the_form() -> None:
    """The ``approve`` row is ``distinct``: the VP who filled the form cannot approve it."""
    same = review_credit(facts(), STRICT, on=D(2026, 7, 10), approval=vp(), filled_by="李副总")
    assert not same.effective
    assert same.sign_off is not None
    assert same.sign_off.outcome is StepOutcome.SAME_PERSON
    other = review_credit(facts(), STRICT, on=D(2026, 7, 10), approval=vp(), filled_by="张经理")
    assert other.effective


def test_c7_an_approval_when_none_is_required_is_kept_but_not_needed() -> None:
    r = review_credit(facts(), SEED, on=D(2026, 7, 10), approval=vp())
    assert r.effective
    assert "C7.in_force" in codes(r)


# --- the review table ------------------------------------------------------------------------


def test_c7_seed_policy_as_written() -> None:
    """The seed's C7 values, every one pinned (a nudge of any default fails here)."""
    p = ReviewPolicy()
    assert p.cycle == Recurrence(RecurrenceBasis.FROM_LAST, tuple(range(1, 13)), 31, 6, Deadline(0))
    assert (p.performing_role, p.organising_role) == (Role.BUSINESS_DEPARTMENT, Role.VP_IN_CHARGE)
    assert p.notify_roles == frozenset({Role.OFFICE_DIRECTOR, Role.FINANCE})
    assert (p.approval_required, p.approving_roles) == (False, frozenset({Role.VP_IN_CHARGE}))
    assert p.reapproval_months == 12
    t = p.table
    assert (t.name, t.rule, t.initial) == ("C7.review", "C7", "due")
    assert [(s.name, s.zh, s.en) for s in t.states] == [
        ("due", "待评审", "due for review"),
        ("open", "评审中", "under review"),
        ("assessed", "已填写评审表", "assessed"),
        ("notified", "已通报办事处、财务部", "office and finance notified"),
    ]
    assert [(e.name, e.zh, e.en) for e in t.events] == [
        ("organise", "组织评审", "organise the review"),
        ("assess", "填写客户升(降)级评审表", "fill in the upgrade/downgrade review form"),
        ("notify", "通报办事处、财务部", "notify the office and finance"),
    ]
    business = frozenset({Role.BUSINESS_DEPARTMENT})
    assert [
        (m.source, m.event, m.target, m.roles, m.approval, m.distinct) for m in t.transitions
    ] == [
        ("due", "organise", "open", frozenset({Role.VP_IN_CHARGE}), None, False),
        ("open", "assess", "assessed", business, None, False),
        ("assessed", "notify", "notified", business, None, False),
    ]


def test_c7_review_table_steps_and_roles() -> None:
    table = SEED.review.table
    day = D(2026, 7, 1)
    case = start(table, subject="C042")
    wrong = apply(
        table, case, "organise", by=Approval("王", Role.BUSINESS_DEPARTMENT, "C7", day), on=day
    )
    assert wrong.outcome is StepOutcome.WRONG_ROLE
    assert wrong.reasons[0].rule == "C7"
    organised = apply(
        table, case, "organise", by=Approval("李副总", Role.VP_IN_CHARGE, "C7", day), on=day
    )
    assessed = apply(
        table,
        organised.after,
        "assess",
        by=Approval("业务部张", Role.BUSINESS_DEPARTMENT, "C7", day),
        on=day,
    )
    notified = apply(
        table,
        assessed.after,
        "notify",
        by=Approval("业务部张", Role.BUSINESS_DEPARTMENT, "C7", day),
        on=D(2026, 7, 2),
    )
    assert [s.after.state for s in (organised, assessed, notified)] == [
        "open",
        "assessed",
        "notified",
    ]
    records = [s.record for s in (organised, assessed, notified)]
    assert replay(table, case, records) == notified.after  # type: ignore[arg-type]
    assert [t.event for t in table.transitions] == ["organise", "assess", "notify"]


def test_c7_approval_table_puts_approve_before_notify() -> None:
    table = STRICT.review.table
    moves = {
        (t.source, t.event): (t.target, t.roles, t.approval, t.distinct) for t in table.transitions
    }
    assert moves[("assessed", "approve")] == (
        "approved",
        frozenset({Role.VP_IN_CHARGE}),
        REVIEW,
        True,
    )
    assert moves[("assessed", "return")][0] == "open"
    assert ("assessed", "notify") not in moves
    assert moves[("approved", "notify")][0] == "notified"


def test_c7_seed_table_follows_the_roles() -> None:
    p = ReviewPolicy(
        organising_role=Role.GENERAL_MANAGER,
        approval_required=True,
        approving_roles=frozenset({Role.GENERAL_MANAGER}),
    )
    rows = {t.event: t.roles for t in p.table.transitions}
    assert rows["organise"] == frozenset({Role.GENERAL_MANAGER})
    assert rows["approve"] == frozenset({Role.GENERAL_MANAGER})


def test_c7_a_table_without_the_steps_is_refused() -> None:
    table = SEED.review.table
    without_assess = {
        "name": table.name,
        "rule": "C7",
        "initial": "due",
        "states": [{"name": s.name, "zh": s.zh, "en": s.en} for s in table.states],
        "events": [{"name": e.name, "zh": e.zh, "en": e.en} for e in table.events],
        "transitions": [
            {"source": "due", "event": "organise", "target": "open", "roles": ["vp_in_charge"]},
            {"source": "open", "event": "notify", "target": "notified", "roles": ["finance"]},
        ],
    }
    with pytest.raises(PolicyError) as info:
        ReviewPolicy(table=without_assess)  # type: ignore[arg-type]
    assert [p.path for p in info.value.problems] == ["table.transitions", "table.transitions"]
    with pytest.raises(PolicyError) as info:
        ReviewPolicy(
            approval_required=True,
            approving_roles=frozenset({Role.GENERAL_MANAGER}),
            table=STRICT.review.table,
        )
    assert [p.path for p in info.value.problems] == ["table.transitions[2].roles"]


def _table(base: Any, drop: tuple[str, ...] = (), **rows: dict[str, Any]) -> dict[str, Any]:
    """``base``'s plain data without the rows on the events ``drop``, with each row on an event
    of ``rows`` updated."""
    data: dict[str, Any] = to_data(base)
    data["transitions"] = [
        {**row, **rows.get(row["event"], {})}
        for row in data["transitions"]
        if row["event"] not in drop
    ]
    return data


_ROWS = "'3 row(s)'"
_NOTIFY_ROW = "a row on 'notify' allowed to the performing_role (business_department)"


@pytest.mark.parametrize(
    ("settings", "table", "problems"),
    [
        (  # both missing steps are reported, the one with a target named with it
            {"approval_required": True},
            _table(STRICT.review.table, drop=("assess", "approve")),
            [
                ("table.transitions", _ROWS, "a row from 'open' on 'assess' to 'assessed'"),
                ("table.transitions", _ROWS, "a row from 'assessed' on 'approve' to a state"),
            ],
        ),
        (
            {},
            _table(SEED.review.table, assess={"roles": ["finance"]}, notify={"roles": ["finance"]}),
            [
                (
                    "table.transitions[1].roles",
                    "['finance']",
                    "roles including the performing_role (business_department)",
                ),
                ("table.transitions", _ROWS, _NOTIFY_ROW),
            ],
        ),
        (  # the performing role assesses but may not notify
            {},
            _table(SEED.review.table, notify={"roles": ["finance"]}),
            [("table.transitions", _ROWS, _NOTIFY_ROW)],
        ),
        (
            {
                "approval_required": True,
                "approving_roles": frozenset({Role.GENERAL_MANAGER, Role.VP_IN_CHARGE}),
            },
            STRICT.review.table,
            [
                (
                    "table.transitions[2].roles",
                    "['vp_in_charge']",
                    "the approving_roles (general_manager, vp_in_charge)",
                )
            ],
        ),
        (
            {"approval_required": True},
            _table(STRICT.review.table, approve={"approval": "C1.adopt"}),
            [("table.transitions[2].approval", "'C1.adopt'", "'C7.review'")],
        ),
    ],
    ids=[
        "no-assess-no-approve",
        "assess-and-notify-by-others",
        "notify-by-others",
        "approvers-differ",
        "approval-not-review",
    ],
)
def test_c7_a_table_without_what_the_rules_rely_on_is_refused_exactly(
    settings: dict[str, Any], table: Any, problems: list[tuple[str, object, str]]
) -> None:
    """C7: a company's own review table keeps ``assess`` to ``assessed`` and ``notify`` for the
    performing role and, with approval required, an ``approve`` row for exactly the approving
    roles granting :data:`REVIEW`; each problem names its row, what was given and what was
    expected."""
    assert problems_of(lambda: ReviewPolicy(table=table, **settings), PolicyError) == problems


def test_c7_policy_problems_have_paths() -> None:
    with pytest.raises(PolicyError) as info:
        CreditPolicy(
            review={  # type: ignore[arg-type]
                "cycle": {"interval": 0},
                "notify_roles": [],
                "reapproval_months": 0,
                "approval_required": "maybe",
            }
        )
    assert sorted(p.path for p in info.value.problems) == [
        "review.approval_required",
        "review.cycle.interval",
        "review.notify_roles",
        "review.reapproval_months",
    ]


def test_c7_policy_round_trips_through_the_book() -> None:
    book = PolicyBook(credit=STRICT)
    assert load_book(dump_book(book)) == book
    text = (
        "[credit.review]\napproval_required = true\n"
        '[credit.review.cycle]\nbasis = "calendar"\nmonths = [6, 12]\n'
    )
    loaded = load_book(text).credit.review
    assert loaded.cycle == Recurrence.in_months(6, 12)
    assert loaded.table == STRICT.review.table


# --- refusals of bad input ---------------------------------------------------------------------


def test_c7_bad_input_names_the_field() -> None:
    with pytest.raises(InputError) as info:
        review_credit(facts(), SEED, on=D(2026, 1, 14))
    assert info.value.field == "facts.last_review"
    with pytest.raises(InputError) as info:
        review_credit(facts(), PolicyBook(), on=D(2026, 7, 1))  # type: ignore[arg-type]
    assert info.value.field == "policy"
    assert "book.credit" in str(info.value)
    with pytest.raises(InputError) as info:
        review_credit(facts(), SEED, on=D(2026, 7, 1), approval="VP")  # type: ignore[arg-type]
    assert info.value.field == "approval"
    with pytest.raises(InputError) as info:
        review_credit(facts(), SEED, on=D(2026, 7, 1), filled_by=" ")
    assert info.value.field == "filled_by"
    with pytest.raises(InputError) as info:
        review_due(D(2026, 8, 1), SEED, on=D(2026, 7, 1))
    assert info.value.field == "last_review"
    with pytest.raises(InputError) as info:
        CreditStanding(None, "10万")
    assert info.value.field == "limit"
    with pytest.raises(InputError) as info:
        CreditStanding("A", 1.5)  # type: ignore[arg-type]
    assert info.value.field == "limit"
    with pytest.raises(InputError) as info:
        facts(grounds="按期付款")
    assert info.value.field == "grounds"
    with pytest.raises(InputError) as info:
        facts(grounds=["ok", ""])
    assert info.value.field == "grounds[1]"
    with pytest.raises(InputError) as info:
        ReviewFacts("C1", dt.date(1899, 12, 31), B, A)
    assert info.value.field == "last_review"
    with pytest.raises(InputError) as info:
        review_credit(
            facts(),
            CreditPolicy(effective=D(2027, 1, 1)),
            on=D(2026, 7, 1),
        )
    assert info.value.field == "on"


def test_c7_facts_from_plain_data() -> None:
    row = {
        "customer": "C042",
        "last_review": "2026-01-15",
        "current": {"grade": "B", "limit": "50万"},
        "proposed": {"grade": None, "limit": "0"},
        "grounds": ["逾期记录"],
    }
    f = from_data(ReviewFacts, row)
    assert f.proposed == NONE
    assert review_credit(f, SEED, on=D(2026, 7, 1)).change is ReviewChange.DOWNGRADE


# --- properties ----------------------------------------------------------------------------------

policies = st.sampled_from([SEED, STRICT])
approvals = st.none() | st.builds(
    Approval,
    st.sampled_from(["李副总", "赵总"]),
    st.sampled_from([Role.VP_IN_CHARGE, Role.GENERAL_MANAGER]),
    st.sampled_from([REVIEW, "C7.other"]),
    days(),
)


@given(review_facts(), st.integers(0, 500), policies, approvals)
def test_c7_change_follows_the_limit_and_explains_itself(
    f: ReviewFacts, after: int, policy: CreditPolicy, approval: Approval | None
) -> None:
    on = min(f.last_review + dt.timedelta(days=after), D(2026, 12, 31))
    r = review_credit(f, policy, on=on, approval=approval)
    current, proposed = f.current, f.proposed
    if current.grade is None and proposed.grade is not None:
        assert r.change is ReviewChange.UPGRADE
    elif current.grade is not None and proposed.grade is None:
        assert r.change is ReviewChange.DOWNGRADE
    elif proposed.limit != current.limit:
        up = proposed.limit > current.limit
        assert r.change is (ReviewChange.UPGRADE if up else ReviewChange.DOWNGRADE)
    else:
        ranks = policy.standard.rank
        was = None if current.grade is None else ranks(current.grade)
        now = None if proposed.grade is None else ranks(proposed.grade)
        if was is None or now is None or was == now:
            assert r.change is ReviewChange.UNCHANGED
        else:
            assert r.change is (ReviewChange.UPGRADE if now > was else ReviewChange.DOWNGRADE)
    assert {reason.rule for reason in r.reasons} == {"C7"}
    assert f"C7.{r.change.value}" in codes(r)
    assert ("C7.awaiting" in codes(r)) is (not r.effective)
    assert r.in_force == (proposed if r.effective else current)
    assert (r.next_role is Role.BUSINESS_DEPARTMENT) is r.effective
    assert len(r.notices) == (2 if r.effective else 0)
    assert r.effective is (
        not policy.review.approval_required
        or (
            approval is not None
            and approval.grants(frozenset({Role.VP_IN_CHARGE}), REVIEW, on, subject="C001")
        )
    )
    assert r.occurrence.due >= f.last_review
    assert r.late is (on > r.occurrence.due)
    assert r.next_review.day > on


@given(review_facts(), st.integers(0, 500), policies, approvals)
def test_c7_round_trip_and_deterministic(
    f: ReviewFacts, after: int, policy: CreditPolicy, approval: Approval | None
) -> None:
    on = min(f.last_review + dt.timedelta(days=after), D(2026, 12, 31))
    r = review_credit(f, policy, on=on, approval=approval)
    assert r == review_credit(f, policy, on=on, approval=approval)
    data = to_data(r, lang="en")
    assert data["change"] == r.change.value
    assert len(data["notices"]) == len(r.notices)
    assert from_data(ReviewResult, data, policy=policy) == r
    assert from_data(ReviewFacts, to_data(f)) == f


@given(days(), st.integers(0, 800), st.integers(0, 200))
def test_c7_due_never_before_the_last_review_and_the_flag_only_rises(
    last: dt.date, after: int, more: int
) -> None:
    on = last + dt.timedelta(days=after)
    d = review_due(last, SEED, on=on)
    later = review_due(last, SEED, on=on + dt.timedelta(days=more))
    assert d.occurrence.due >= last
    assert d.occurrence == later.occurrence
    assert d.overdue is (on > d.occurrence.due)
    assert d.needs_reapproval <= later.needs_reapproval
    assert d.overdue <= later.overdue
    assert ("C7.overdue" in codes(d)) is d.overdue
    assert from_data(ReviewDue, to_data(d), policy=SEED) == d


# --- errors in full, the deciding book, the calendar ------------------------------------------


@pytest.mark.parametrize(
    ("call", "path", "given", "expected"),
    [
        (
            lambda: review_credit("C042", SEED, on=JULY_10),  # type: ignore[arg-type]
            "facts",
            "'C042'",
            "a ReviewFacts (the 客户升(降)级评审表)",
        ),
        (
            lambda: review_credit(facts(), SEED, on=D(2026, 1, 14)),
            "facts.last_review",
            "datetime.date(2026, 1, 15)",
            "a day on or before on (2026-01-14)",
        ),
        (
            lambda: review_credit(facts(), SEED, on=JULY_10, approval="VP"),  # type: ignore[arg-type]
            "approval",
            "'VP'",
            "an Approval or None",
        ),
        (
            lambda: review_credit(facts(), SEED, on=JULY_10, filled_by=" "),
            "filled_by",
            "' '",
            "a person's name (a non-empty string) or None",
        ),
        (
            lambda: CreditStanding(" ", "10万"),
            "grade",
            "' '",
            "a grade name (a non-empty string) or None",
        ),
        (
            lambda: CreditStanding(None, "10万"),
            "limit",
            "Decimal('100000')",
            "0 for a customer without a credit grade",
        ),
        (lambda: facts(grounds="按期付款"), "grounds", "'按期付款'", "a list of texts"),
        (lambda: facts(grounds=["ok", ""]), "grounds[1]", "''", "a non-empty string"),
    ],
)
def test_c7_a_wrong_argument_is_named_with_what_was_given_and_expected(
    call: Any, path: str, given: str, expected: str
) -> None:
    """Bad input gets a typed error naming the field, what was given and what was expected."""
    assert problems_of(call) == [(path, given, expected)]


def test_c7_the_results_record_the_book_that_decided() -> None:
    """A review and a review due say which policy version and effective date decided them."""
    book = PolicyBook(version="2027", effective=D(2026, 1, 1))
    review = review_credit(facts(), book.credit, on=JULY_10)
    due = review_due(LAST, book.credit, on=JULY_10)
    assert (review.policy_version, review.policy_effective) == ("2027", D(2026, 1, 1))
    assert (due.policy_version, due.policy_effective) == ("2027", D(2026, 1, 1))


def test_c7_reapproval_past_the_supported_range_is_never_flagged() -> None:
    """A year after a review in June 2999 is beyond 2999-12-31: the flag cannot rise before the
    range ends, so the limit stands to its last day."""
    d = review_due(D(2999, 6, 30), SEED, on=D(2999, 7, 1))
    assert (d.reapproval_after, d.needs_reapproval) == (D(2999, 12, 31), False)


def test_c7_a_review_counts_both_due_dates_on_the_calendar_given() -> None:
    """With a rolled deadline, the review due (from the last review: 3 May 2026, Labour Day) and
    the next review (from this one: 1 October 2026, National Day) roll to working days of the
    calendar passed in."""
    rolled = CreditPolicy(
        review=ReviewPolicy(
            cycle=Recurrence.every(6, deadline=Deadline(0, DeadlineMode.CALENDAR_THEN_ROLL))
        )
    )
    f = facts(last=D(2025, 11, 3))
    r = review_credit(f, rolled, on=D(2026, 4, 1), calendar=china_working_days())
    assert (r.occurrence.day, r.occurrence.due) == (D(2026, 5, 3), D(2026, 5, 6))
    assert (r.next_review.day, r.next_review.due) == (D(2026, 10, 1), D(2026, 10, 8))


def test_c7_a_last_review_that_is_not_a_date_is_named() -> None:
    """C7: the day of the last review must be a date; the refusal names ``last_review``."""
    assert problems_of(lambda: review_due("2026-01-15", SEED, on=JULY_10)) == [  # type: ignore[arg-type]
        ("last_review", "'2026-01-15'", "a datetime.date")
    ]
