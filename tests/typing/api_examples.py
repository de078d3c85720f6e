"""The documented examples, type-checked: ``mypy --strict src tests/typing`` (CI, ``.ci/run``).

Like structlog's ``tests/typing/api.py``: this file only has to type-check. Each function holds one
example the README or a docs page shows, with the types the docs promise written out, so an API
change that breaks a documented example fails CI even when no test calls it that way.

The file is named so that pytest does not collect it (no ``test_`` prefix) and the folder has no
``__init__.py`` (``typing`` would shadow the standard library). Importing it runs nothing: every
example is a function body. ``tests/test_docs.py`` imports it and calls the examples that need no
file.

Keep it in step with the docs: an example added to a page gets a function here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from hypothesis import given

from customer_rules import (
    Approval,
    Customer,
    CustomerCategory,
    CustomerGrade,
    Deadline,
    DeadlineMode,
    Grade,
    GradingPolicy,
    InputError,
    PolicyBook,
    PolicyError,
    Problem,
    Reason,
    Role,
    WorkingDayCalendar,
    dump_book,
    explain,
    grade_customer,
    load_book,
    read_book,
)
from customer_rules.book import chapters
from customer_rules.cn_calendar import china_working_days
from customer_rules.grading import (
    INFLUENCE_ASSESSMENT,
    SCHEMES,
    TIER_PRESETS,
    Classification,
    DealSizeResult,
    DealSizeType,
    EligibilityResult,
    Lever,
    ReportSchedule,
    ScorecardFacts,
    ScorecardResult,
    ServiceTierPolicy,
    ServiceTierResult,
    StrategicInfluence,
    TieredScheme,
    WhatIf,
    check_eligibility,
    classify,
    deal_size_type,
    report_schedule,
    score,
    service_tier,
)
from customer_rules.interchange import converter, from_data, to_data
from customer_rules.reasons import find_reason
from customer_rules.roles import ApprovalStatus, approval_status
from customer_rules.rows import ColumnMap, RowError, RowResult, parse_rows, read_rows
from customer_rules.settings import Mark, SettingInfo, settings_of
from customer_rules.testing import customers, days, grading_policies

# --------------------------------------------------------------------------- README.md


def readme_in_python() -> None:
    """README.md, "In Python"."""
    day = dt.date(2026, 12, 31)
    assessed = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, day)
    facts = ScorecardFacts("1200万", True, "30万", "16", StrategicInfluence.KEY, assessed)
    result: ScorecardResult = score(facts, GradingPolicy(), on=day)
    grade: Grade = result.grade
    points: tuple[int, int, int, int] = result.points
    total: int = result.total
    text: str = explain(result, lang="en")
    print(grade, points, total, text)


# --------------------------------------------------------------------------- docs/index.md


def index_quick_start() -> None:
    """docs/index.md, "Quick start"."""
    customer = Customer(
        "C001",
        "华东机电",
        CustomerCategory.BIG,
        first_trade=dt.date(2019, 3, 1),
        scorecard=ScorecardFacts("800万", True, "60万", "12", StrategicInfluence.KEY),
    )
    result: CustomerGrade = grade_customer(customer, GradingPolicy(), on=dt.date(2026, 11, 30))
    grade: Grade | None = result.grade
    scorecard: ScorecardResult | None = result.scorecard
    assert scorecard is not None
    what_if: WhatIf = scorecard.what_if
    print(grade, explain(result, lang="en"), explain(what_if, lang="en"))


def index_policy_book(text: str) -> None:
    """docs/index.md, "Concepts": a policy book from TOML and back."""
    book: PolicyBook = load_book(text)
    same: PolicyBook = load_book(dump_book(book, "json"), "json")
    from_file: PolicyBook = read_book("company.toml")
    version: str = book.grading.version
    print(dump_book(same), from_file, version)


def index_errors(text: str) -> None:
    """docs/index.md, "Errors": every problem with its path, on both errors."""
    try:
        load_book(text)
    except PolicyError as error:
        problems: tuple[Problem, ...] = error.problems
        source: str | None = error.source
        print(source, [(p.path, p.message, p.given, p.expected) for p in problems])
    try:
        from_data(Customer, {"id": "C1", "category": "huge"})
    except InputError as error:
        field: str = error.field
        expected: str = error.expected
        print(field, expected, [p.path for p in error.problems])


def index_working_days() -> None:
    """docs/index.md, "Days, deadlines and calendars"."""
    calendar: WorkingDayCalendar = china_working_days()
    deadline = Deadline(5, DeadlineMode.WORKING_DAYS)  # see NOTE below
    due: dt.date = deadline.due(dt.date(2026, 9, 28), calendar)
    print(due)


def index_approval_scope() -> None:
    """docs/index.md, "Approvals": an approval may say what it covers."""
    approval = Approval(
        "李总",
        Role.GENERAL_MANAGER,
        "C5.credit_exception",
        dt.date(2026, 1, 5),
        subject="C042",
        max_amount="80万",
        purpose="credit review",
    )
    cap: Decimal | None = approval.max_amount
    holds: bool = approval.holds_on(dt.date(2026, 2, 1))
    gm = frozenset({Role.GENERAL_MANAGER})
    day = dt.date(2026, 2, 1)
    status: ApprovalStatus = approval_status(
        approval, gm, "C5.credit_exception", day, amount="90万"
    )
    granted: bool = approval.grants(gm, "C5.credit_exception", day, subject="C042")
    print(cap, holds, approval.subject, approval.purpose, status, granted)


@given(customers(), grading_policies(), days(min_value=dt.date(2026, 7, 1)))
def index_testing_your_integration(customer: Customer, policy: GradingPolicy, day: dt.date) -> None:
    """docs/index.md, "Testing your integration" (a Hypothesis test, never collected here)."""
    assert grade_customer(customer, policy, on=day).reasons


# --------------------------------------------------------------------------- docs/grading.md


def grading_g1() -> None:
    """docs/grading.md, G1."""
    result: DealSizeResult = deal_size_type("80万", GradingPolicy())
    kind: DealSizeType = result.type
    threshold: Decimal | None = result.threshold
    print(kind, threshold, deal_size_type(Decimal("799999.99"), GradingPolicy()).type)


def grading_g2_what_if() -> None:
    """docs/grading.md, G2: the what-if."""
    day = dt.date(2026, 12, 31)
    ok = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, day)
    facts = ScorecardFacts("100万", True, "80万", "7", StrategicInfluence.KEY, ok)
    r = score(facts, GradingPolicy(), on=day)
    short: int = r.what_if.points_short
    levers: tuple[Lever, ...] = r.what_if.levers
    targets: list[tuple[str, Decimal | None]] = [(lv.indicator.value, lv.target) for lv in levers]
    total_reason: Reason | None = find_reason(r, "G2.total")
    print(short, targets, total_reason)


def grading_g3_to_g5() -> None:
    """docs/grading.md, G3 (eligibility), G4 (service tier), G5 (report schedule)."""
    c = Customer("C9", "新创科技", CustomerCategory.BIG, first_trade=dt.date(2026, 1, 5))
    eligibility: EligibilityResult = check_eligibility(
        c.first_trade, None, GradingPolicy(), on=dt.date(2026, 11, 30)
    )
    forced: Grade | None = eligibility.forced_grade
    tier: ServiceTierResult = service_tier(
        CustomerCategory.BIG,
        Grade.A,
        GradingPolicy(),
        on=dt.date(2026, 11, 1),
        last_visit=dt.date(2026, 9, 15),
    )
    revisit: dt.date | None = tier.next_revisit
    schedule: ReportSchedule = report_schedule(Grade.A, GradingPolicy(), on=dt.date(2026, 3, 10))
    dues: tuple[dt.date, dt.date | None, dt.date | None] = (
        schedule.next_due,
        schedule.supervisor_due,
        schedule.manager_due,
    )
    print(forced, revisit, dues)


def grading_g4_preset() -> None:
    """docs/grading.md, G4: the second preset of the tier mechanism."""
    tiers = ServiceTierPolicy(TIER_PRESETS["big_customer_benefits"])
    print(tiers)


def grading_g7() -> None:
    """docs/grading.md, G7."""
    by_name: Classification = classify("personal_target", {"occupation": "私企业主"})
    preset: TieredScheme = SCHEMES["value_abcd"]
    assigned: Classification = classify(preset, assigned="B")
    tier = assigned.tier
    assert tier is not None
    code: str = tier.code
    zh: str = tier.zh
    print(by_name.tier, code, zh)


# --------------------------------------------------------------------------- docs/architecture.md


def architecture_settings() -> None:
    """docs/architecture.md: a policy's settings, nested tables given as mappings."""
    infos: tuple[SettingInfo, ...] = settings_of(GradingPolicy())
    marks: list[tuple[str, Any, Mark]] = [(s.path, s.value, s.setting.mark) for s in infos]
    policy = GradingPolicy(scorecard={"total_cutoffs": {"A": 15}})  # type: ignore[arg-type]
    cutoff: int = policy.scorecard.total_cutoffs.A
    names: tuple[str, ...] = chapters()
    print(marks, cutoff, names)


def architecture_rows(text: str) -> None:
    """docs/architecture.md: a chapter's CSV as a column map."""
    columns: ColumnMap[ScorecardFacts] = ColumnMap(
        ScorecardFacts,
        {"amount": "contract_amount", "on_time": "paid_on_time"},
        aliases={"合同金额": "amount"},
        required={"amount"},
    )
    with parse_rows(text, columns) as rows:
        for row in rows:
            one: RowResult[ScorecardFacts] = row
            facts: ScorecardFacts | None = one.value
            problems: tuple[RowError, ...] = one.problems
            print(one.line, facts, [str(p) for p in problems])
    with read_rows("portfolio.csv", columns, encoding=None, strict=True) as rows:
        print(sum(1 for _ in rows))


def architecture_results_as_data() -> None:
    """docs/architecture.md, "Results as data"."""
    day = dt.date(2026, 12, 31)
    assessed = Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, day)
    facts = ScorecardFacts("1200万", True, "30万", "16", StrategicInfluence.KEY, assessed)
    result = score(facts, GradingPolicy(), on=day)
    data: Mapping[str, Any] = to_data(result, lang="en")
    back: ScorecardResult = from_data(ScorecardResult, data, policy=PolicyBook().grading)
    customer: Customer = from_data(Customer, {"id": "C1", "category": "大客户"})
    reason: Reason = Reason.from_data(result.reasons[0].to_data("zh"))
    same: Customer = converter.structure(converter.unstructure(customer), Customer)
    print(back == result, customer == same, reason)


# --------------------------------------------------------------------------- the other chapters


def credit_c2_order() -> None:
    """docs/credit.md, C2: one order against a customer's position."""
    from customer_rules.credit import (
        CreditForm,
        CreditPolicy,
        CreditPosition,
        CreditTerms,
        Order,
        OrderCheck,
        Receivable,
        check_order,
    )

    day = dt.date(2026, 11, 30)
    position = CreditPosition(
        "C007",
        CreditTerms("50万", 60, [CreditForm.OPEN_ACCOUNT]),
        receivables=[Receivable("INV-1", "C007", "20万", dt.date(2026, 10, 31), paid="5万")],
        unshipped=[Order("SO-1", "C007", "25万")],
    )
    checked: OrderCheck = check_order(
        Order("SO-2", "C007", "18万"), position, CreditPolicy(), on=day
    )
    over: Decimal | None = checked.over
    print(checked.decision.value, over, explain(checked, "en"))


def allocation_a13_allocate() -> None:
    """docs/allocation.md, A13: a batch of leads over a roster."""
    from customer_rules.allocation import (
        AllocationPolicy,
        AllocationRun,
        Lead,
        Salesperson,
        allocate,
    )
    from customer_rules.dates import SHANGHAI
    from customer_rules.grading import DealSizeType

    at = dt.datetime(2026, 11, 30, 9, 0, tzinfo=SHANGHAI)
    roster = [Salesperson("S1", "王强", level="1", team="华东"), Salesperson("S2", level="1")]
    leads = [Lead("L1", DealSizeType.A, at, contribution="120万"), Lead("L2", DealSizeType.B, at)]
    run: AllocationRun = allocate(leads, roster, [], AllocationPolicy(), at=at)
    print([(a.lead.id, a.person.id) for a in run.assignments], explain(run, "en"))


def archives_r9_access() -> None:
    """docs/archives.md, R9: deny by default."""
    from customer_rules.archives import (
        AccessAction,
        AccessDecision,
        ArchivesPolicy,
        CustomerFile,
        FileKind,
        Principal,
        may_access,
    )

    me = Principal("陈小明", Role.SALESPERSON)
    theirs = CustomerFile("C-8", kind=FileKind.RECORD, owner="王芳")
    decision: AccessDecision = may_access(
        me, AccessAction.VIEW, theirs, "回访", [], ArchivesPolicy(), on=dt.date(2026, 3, 2)
    )
    print(decision.allowed, explain(decision, "en"))


def service_s1_visit() -> None:
    """docs/service.md, S1: a visit request."""
    from customer_rules.service import (
        VISIT_INSTRUCTION,
        AreaPasses,
        ServicePolicy,
        VisitArea,
        VisitDecision,
        VisitInstruction,
        VisitorClass,
        VisitRequest,
        receive_visit,
    )

    gm = Approval("赵总", Role.GENERAL_MANAGER, VISIT_INSTRUCTION, dt.date(2026, 6, 8))
    request = VisitRequest(
        "V-01",
        "华东重工",
        VisitorClass.IMPORTANT,
        8,
        (VisitArea.WORKSHOP, VisitArea.RESEARCH),
        dt.date(2026, 6, 10),
        dt.date(2026, 6, 15),
        instruction=VisitInstruction(gm, (AreaPasses(VisitArea.WORKSHOP),)),
    )
    decision: VisitDecision = receive_visit(request, ServicePolicy())
    print(explain(decision, "en"))


# --------------------------------------------------------------------------- NOTE
#
# A class declared with ``@policy`` (``customer_rules.settings``) is a ``dataclass_transform``
# to mypy, so its constructor is checked like any attrs class's: ``Deadline(5,
# DeadlineMode.WORKING_DAYS)`` and ``ServiceTierPolicy(rows)`` type-check as written. A nested
# table given as a mapping (``GradingPolicy(scorecard={...})``) runs — it is what a policy file
# says — but is not the declared type, so the one such example carries ``type: ignore[arg-type]``.

EXAMPLES_WITHOUT_FILES = (
    readme_in_python,
    index_quick_start,
    index_approval_scope,
    grading_g1,
    grading_g2_what_if,
    grading_g3_to_g5,
    grading_g4_preset,
    grading_g7,
    architecture_settings,
    architecture_results_as_data,
    credit_c2_order,
    allocation_a13_allocate,
    archives_r9_access,
    service_s1_visit,
)
"""The examples that need no file or text: ``tests/test_docs.py`` runs them."""
