"""R10: correcting a wrong customer record through the approval chain, ending archived.

Seed 001 §客户资源管理制度 例: "先由客服部人员制订补救处理方案,交由客服部经理审核,客服经理
审核后再交由总经理审批,总经理审批后转回客服部组织执行,客服部再交接给其他部门执行,其他部门执行
后反馈意见给客服部,客服部再写报告交由客服经理审核,客服经理再交给总经理审批,总经理审批后存档".
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.archives import (
    PLAN_APPROVAL,
    REPORT_APPROVAL,
    ArchivesPolicy,
    CorrectionPolicy,
    correction_step,
    open_correction,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.reasons import explain
from customer_rules.roles import Approval, Role
from customer_rules.workflow import Case, StepOutcome, replay
from refusals import problems_of

D = dt.date
DAY = D(2026, 3, 2)
SEED = ArchivesPolicy()
CHAIN = SEED.corrections.chain
STAFF = Approval("小周", Role.CUSTOMER_SERVICE, "R10", DAY)
MANAGER = Approval("吴经理", Role.CUSTOMER_SERVICE_MANAGER, "R10", DAY)
GM_PLAN = Approval("赵总", Role.GENERAL_MANAGER, PLAN_APPROVAL, DAY)
GM_REPORT = Approval("赵总", Role.GENERAL_MANAGER, REPORT_APPROVAL, DAY)
SALES = Approval("刘内勤", Role.SALES_ADMIN, "R10", DAY)

SEED_CHAIN = [
    ("draft", STAFF),
    ("review", MANAGER),
    ("approve", GM_PLAN),
    ("hand_over", STAFF),
    ("feedback", SALES),
    ("report", STAFF),
    ("review_report", MANAGER),
    ("approve_report", GM_REPORT),
]


def test_the_seeds_chain_ends_archived_and_replays() -> None:
    case, records = open_correction("C-7/phone", SEED), []
    for event, by in SEED_CHAIN:
        step = correction_step(case, event, SEED, by=by, on=DAY)
        assert step.applied, explain(step, "en")
        records.append(step.record)
        case = step.after
    assert case.state == "archived"
    assert case.seq == 8
    assert replay(CHAIN, open_correction("C-7/phone", SEED), records) == case  # type: ignore[arg-type]
    final = correction_step(case, "draft", SEED, by=STAFF, on=DAY)
    assert (
        explain(final, "en")
        == "[R10] 'archived' is a final state: 'draft the remedy' is not possible"
    )


def test_out_of_order_and_wrong_role_steps_are_refused() -> None:
    case = open_correction("C-7/phone", SEED)
    assert correction_step(case, "approve", SEED, by=GM_PLAN, on=DAY).outcome is (
        StepOutcome.NO_TRANSITION
    )
    drafted = correction_step(case, "draft", SEED, by=STAFF, on=DAY).after
    assert correction_step(drafted, "review", SEED, by=GM_PLAN, on=DAY).outcome is (
        StepOutcome.WRONG_ROLE
    )
    reviewed = correction_step(drafted, "review", SEED, by=MANAGER, on=DAY).after
    gm_role_only = Approval("赵总", Role.GENERAL_MANAGER, "R10", DAY)
    refused = correction_step(reviewed, "approve", SEED, by=gm_role_only, on=DAY)
    assert refused.outcome is StepOutcome.WRONG_APPROVAL
    assert "[R10]" in explain(refused, "en")
    assert correction_step(reviewed, "approve", SEED, by=GM_REPORT, on=DAY).outcome is (
        StepOutcome.WRONG_APPROVAL
    )


def test_the_drafter_does_not_review_their_own_remedy() -> None:
    both = ArchivesPolicy(
        corrections={"managers": ["customer_service", "customer_service_manager"]}
    )
    drafted = correction_step(open_correction("C", both), "draft", both, by=STAFF, on=DAY).after
    self_review = Approval("小周", Role.CUSTOMER_SERVICE, "R10", DAY)
    assert correction_step(drafted, "review", both, by=self_review, on=DAY).outcome is (
        StepOutcome.SAME_PERSON
    )


def test_a_review_may_send_the_remedy_back() -> None:
    drafted = correction_step(open_correction("C", SEED), "draft", SEED, by=STAFF, on=DAY).after
    back = correction_step(drafted, "send_back", SEED, by=MANAGER, on=DAY)
    assert back.after.state == "found"


def test_a_chain_must_end_archived_by_an_approval() -> None:
    from customer_rules.settings import plain

    data = plain(CHAIN)
    data["transitions"] = [
        t | {"approval": None} if t["target"] == "archived" else t for t in data["transitions"]
    ]
    with pytest.raises(PolicyError, match=r"chain\.transitions"):
        ArchivesPolicy(corrections={"chain": data})
    with pytest.raises(InputError, match="record"):
        open_correction(" ", SEED)


SIGNERS = st.sampled_from(
    [
        STAFF,
        MANAGER,
        GM_PLAN,
        GM_REPORT,
        SALES,
        Approval("小周", Role.CUSTOMER_SERVICE_MANAGER, "R10", DAY),
    ]
)


def _reachable() -> set[str]:
    seen, todo = {CHAIN.initial}, deque([CHAIN.initial])
    while todo:
        for move in CHAIN.moves(todo.popleft()):
            if move.target not in seen:
                seen.add(move.target)
                todo.append(move.target)
    return seen


@given(st.lists(st.tuples(st.sampled_from([e.name for e in CHAIN.events]), SIGNERS), max_size=30))
def test_every_run_stays_in_the_chain_and_replays(run: list[tuple[str, Approval]]) -> None:
    reachable = _reachable()
    case, records = open_correction("C", SEED), []
    for event, by in run:
        step = correction_step(case, event, SEED, by=by, on=DAY)
        move = CHAIN.transition(case.state, event)
        if step.applied:
            assert move is not None
            assert by.role in move.roles
            assert step.after.state in reachable
            if move.approval is not None:
                assert by.what == move.approval
            records.append(step.record)
            case = step.after
        else:
            assert step.after == case
            assert (
                move is None
                or by.role not in move.roles
                or (move.approval is not None and by.what != move.approval)
                or (move.distinct and by.who == case.last_by)
            )
    assert replay(CHAIN, open_correction("C", SEED), records) == case
    if case.state == "archived":
        assert [r.event for r in records][-1] == "approve_report"


# --- argument checks: every refusal of the two public functions, field by field -------------


@pytest.mark.parametrize(
    ("record", "policy", "expected"),
    [
        (" ", SEED, [("record", "' '", "the id of the wrong record")]),
        ("", SEED, [("record", "''", "the id of the wrong record")]),
        (42, SEED, [("record", 42, "the id of the wrong record")]),
        ("C-7/phone", None, [("policy", None, "an ArchivesPolicy (ArchivesPolicy() is the seed)")]),
        ("C-7/phone", {}, [("policy", "{}", "an ArchivesPolicy (ArchivesPolicy() is the seed)")]),
    ],
    ids=["blank", "empty", "not-text", "no-policy", "policy-mapping"],
)
def test_open_correction_refuses(
    record: object, policy: object, expected: list[tuple[str, object, str]]
) -> None:
    assert problems_of(lambda: open_correction(record, policy)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("case", "event", "policy", "on", "expected"),
    [
        (
            "case",
            "draft",
            SEED,
            DAY,
            [("case", "'case'", "a Case (start(table) gives the first)")],
        ),
        (
            None,
            "nope",
            SEED,
            DAY,
            [
                (
                    "event",
                    "'nope'",
                    "one of the events ['draft', 'review', 'approve', 'hand_over', 'feedback',"
                    " 'report', 'review_report', 'approve_report', 'send_back']",
                )
            ],
        ),
        (
            None,
            "draft",
            None,
            DAY,
            [("policy", None, "an ArchivesPolicy (ArchivesPolicy() is the seed)")],
        ),
        (None, "draft", SEED, "x", [("on", "'x'", "a datetime.date")]),
    ],
    ids=["case", "event", "policy", "on"],
)
def test_correction_step_refuses(
    case: object, event: str, policy: object, on: object, expected: list[tuple[str, object, str]]
) -> None:
    start = open_correction("C-7/phone", SEED) if case is None else case
    assert (
        problems_of(lambda: correction_step(start, event, policy, by=STAFF, on=on))  # type: ignore[arg-type]
        == expected
    )


def test_a_correction_is_opened_bound_to_the_wrong_record() -> None:
    assert open_correction("C-7/phone", SEED) == Case(
        "R10.correction", "found", "C-7/phone", 0, None, None
    )
    step = correction_step(open_correction("C-7/phone", SEED), "draft", SEED, by=STAFF, on=DAY)
    assert step.record is not None
    assert (step.record.workflow, step.record.subject, step.record.seq) == (
        "R10.correction",
        "C-7/phone",
        1,
    )


# --- the chain's table: the seed's and one rebuilt from the role sets ------------------------
#
# A policy whose role sets differ from the seed's rebuilds the chain (``CorrectionPolicy._check``),
# so these tests read a table built by the code under test, not only the one built at import.

_DEPTS = frozenset(
    {
        Role.SALES_ADMIN,
        Role.SALES_MANAGER,
        Role.BUSINESS_DEPARTMENT,
        Role.BUSINESS_STATISTICS,
        Role.FINANCE,
        Role.ARCHIVE_DEPARTMENT,
        Role.MARKETING_DIRECTOR,
        Role.PLANNING_DEPARTMENT,
    }
)


def _seed() -> ArchivesPolicy:
    return ArchivesPolicy()


def _rebuilt() -> ArchivesPolicy:
    return ArchivesPolicy(corrections=CorrectionPolicy(departments=frozenset({Role.SALES_ADMIN})))


POLICIES = pytest.mark.parametrize(
    ("make", "departments"),
    [(_seed, _DEPTS), (_rebuilt, frozenset({Role.SALES_ADMIN}))],
    ids=["seed", "rebuilt"],
)


@POLICIES
def test_the_chain_table_is_the_seeds(
    make: Callable[[], ArchivesPolicy], departments: frozenset[Role]
) -> None:
    chain = make().corrections.chain
    cs, mgr, gm = (
        frozenset({Role.CUSTOMER_SERVICE}),
        frozenset({Role.CUSTOMER_SERVICE_MANAGER}),
        frozenset({Role.GENERAL_MANAGER}),
    )
    assert (chain.name, chain.rule, chain.initial) == ("R10.correction", "R10", "found")
    assert [s.name for s in chain.states] == [
        "found",
        "drafted",
        "reviewed",
        "approved",
        "handed_over",
        "executed",
        "reported",
        "report_reviewed",
        "archived",
    ]
    assert [e.name for e in chain.events] == [
        "draft",
        "review",
        "approve",
        "hand_over",
        "feedback",
        "report",
        "review_report",
        "approve_report",
        "send_back",
    ]
    assert [
        (t.source, t.event, t.target, t.roles, t.approval, t.distinct) for t in chain.transitions
    ] == [
        ("found", "draft", "drafted", cs, None, False),
        ("drafted", "review", "reviewed", mgr, None, True),
        ("reviewed", "approve", "approved", gm, "R10.plan", True),
        ("approved", "hand_over", "handed_over", cs, None, False),
        ("handed_over", "feedback", "executed", departments, None, False),
        ("executed", "report", "reported", cs, None, False),
        ("reported", "review_report", "report_reviewed", mgr, None, True),
        ("report_reviewed", "approve_report", "archived", gm, "R10.report", True),
        ("drafted", "send_back", "found", mgr, None, False),
        ("reviewed", "send_back", "found", gm, None, False),
    ]


def _walk(policy: ArchivesPolicy, upto: int) -> Case:
    """The seed chain's first ``upto`` steps, each by its usual signer."""
    case = open_correction("C-7/phone", policy)
    for event, by in SEED_CHAIN[:upto]:
        step = correction_step(case, event, policy, by=by, on=DAY)
        assert step.applied, explain(step, "en")
        case = step.after
    return case


@POLICIES
@pytest.mark.parametrize(
    ("upto", "event", "same_person"),
    [
        # the reviewer signs the approval of the remedy as general manager
        (2, "approve", Approval("吴经理", Role.GENERAL_MANAGER, PLAN_APPROVAL, DAY)),
        # the reporter reviews their own report as the customer-service manager
        (6, "review_report", Approval("小周", Role.CUSTOMER_SERVICE_MANAGER, "R10", DAY)),
        # the report's reviewer approves it and archives it as general manager
        (7, "approve_report", Approval("吴经理", Role.GENERAL_MANAGER, REPORT_APPROVAL, DAY)),
    ],
    ids=["approve", "review_report", "approve_report"],
)
def test_no_one_signs_after_themselves(
    make: Callable[[], ArchivesPolicy],
    departments: frozenset[Role],
    upto: int,
    event: str,
    same_person: Approval,
) -> None:
    policy = make()
    case = _walk(policy, upto)
    refused = correction_step(case, event, policy, by=same_person, on=DAY)
    assert refused.outcome is StepOutcome.SAME_PERSON
    assert refused.after == case
    assert refused.record is None
    other = Approval("钱某", same_person.role, same_person.what, DAY)
    assert correction_step(case, event, policy, by=other, on=DAY).applied


@POLICIES
def test_the_remedy_needs_the_general_managers_plan_approval(
    make: Callable[[], ArchivesPolicy], departments: frozenset[Role]
) -> None:
    policy = make()
    reviewed = _walk(policy, 2)
    for what in ("R10", REPORT_APPROVAL):
        gm = Approval("赵总", Role.GENERAL_MANAGER, what, DAY)
        refused = correction_step(reviewed, "approve", policy, by=gm, on=DAY)
        assert refused.outcome is StepOutcome.WRONG_APPROVAL
        assert refused.after == reviewed
    assert correction_step(reviewed, "approve", policy, by=GM_PLAN, on=DAY).after.state == (
        "approved"
    )


@pytest.mark.parametrize("field", ["staff", "managers", "approvers"])
def test_each_role_setting_on_its_own_rebuilds_the_chain(field: str) -> None:
    """R10: changing only who drafts, who checks or who approves rebuilds the seed chain with
    that role set — the chain never keeps the seed's roles for a step the company reassigned."""
    from customer_rules._archives.corrections import _chain

    policy = CorrectionPolicy(**{field: frozenset({Role.CHAIRMAN})})
    expected = _chain(policy.staff, policy.managers, policy.approvers, policy.departments)
    assert policy.chain == expected
    assert policy.chain != CorrectionPolicy().chain


@pytest.mark.parametrize(
    ("keep", "rows"),
    [
        (lambda t: t | {"approval": None} if t["target"] == "archived" else t, "10 row(s)"),
        (lambda t: None if t["target"] == "archived" else t, "9 row(s)"),
    ],
    ids=["archived-without-approval", "never-archived"],
)
def test_a_company_chain_not_ending_archived_by_an_approval_is_refused_with_its_rows(
    keep: Callable[[dict[str, object]], dict[str, object] | None], rows: str
) -> None:
    """R10: a company's chain must reach 'archived' only by an approval; the refusal names the
    chain's transitions, how many rows were given and what was expected."""
    from customer_rules.settings import plain

    data = plain(CHAIN)
    data["transitions"] = [t for t in map(keep, data["transitions"]) if t is not None]
    assert problems_of(
        lambda: ArchivesPolicy(corrections={"chain": data}),  # type: ignore[arg-type]
        PolicyError,
    ) == [
        (
            "corrections.chain.transitions",
            repr(rows),
            "rows into an 'archived' state, each needing an approval",
        )
    ]


def test_a_company_chain_is_kept_as_given_when_the_role_sets_also_change() -> None:
    """R10: only the seed's chain follows the role sets; a company's own chain (here without the
    [default] send-back rows) is kept as given, even when its role sets differ from the seed."""
    from customer_rules.settings import plain

    data = plain(CHAIN)
    data["transitions"] = [t for t in data["transitions"] if t["event"] != "send_back"]
    policy = ArchivesPolicy(corrections={"chain": data, "departments": ["sales_admin"]})  # type: ignore[arg-type]
    chain = policy.corrections.chain
    assert policy.corrections.departments == frozenset({Role.SALES_ADMIN})
    assert [(t.source, t.event, t.target, t.roles) for t in chain.transitions] == [
        (t.source, t.event, t.target, t.roles) for t in CHAIN.transitions if t.event != "send_back"
    ]
    drafted = _walk(policy, 1)
    assert correction_step(drafted, "send_back", policy, by=MANAGER, on=DAY).outcome is (
        StepOutcome.NO_TRANSITION
    )


@pytest.mark.parametrize("field", ["staff", "managers", "approvers", "departments"])
def test_a_rebuilt_chain_changes_only_who_acts(field: str) -> None:
    """R10: reassigning a role set rebuilds the seed chain with the same stored vocabulary — its
    name, rule, first state, every state's and event's name and labels (the keys a host stores
    in its records) — and the same steps, approvals and two-person rules; only the roles of the
    steps that role set takes differ."""
    seed = CorrectionPolicy()
    policy = CorrectionPolicy(**{field: frozenset({Role.CHAIRMAN})})
    old, new = seed.chain, policy.chain
    assert (new.name, new.rule, new.initial) == (old.name, old.rule, old.initial)
    assert [(s.name, s.zh, s.en) for s in new.states] == [(s.name, s.zh, s.en) for s in old.states]
    assert [(e.name, e.zh, e.en) for e in new.events] == [(e.name, e.zh, e.en) for e in old.events]
    assert [(t.source, t.event, t.target, t.approval, t.distinct) for t in new.transitions] == [
        (t.source, t.event, t.target, t.approval, t.distinct) for t in old.transitions
    ]
    reassigned = getattr(seed, field)
    assert [
        frozenset({Role.CHAIRMAN}) if t.roles == reassigned else t.roles for t in old.transitions
    ] == [t.roles for t in new.transitions]
