"""C1 — the credit standard, its adoption, and a customer's credit grade."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules.credit import (
    ADOPT_STANDARD,
    ApprovalFinding,
    ArrearsRisk,
    CollectionPlan,
    CreditCondition,
    CreditForm,
    CreditGradeRow,
    CreditPolicy,
    CreditRating,
    CreditReason,
    CreditRecord,
    CreditStandardPolicy,
    CreditTerms,
    InformationSource,
    RatingFacts,
    StandardAdoption,
    rate_customer,
    record_keeper,
    standard_adoption,
)
from customer_rules.errors import InputError, PolicyError
from customer_rules.interchange import from_data, to_data
from customer_rules.reasons import Reason, explain, find_reason
from customer_rules.roles import Approval, ApprovalStatus, Role
from customer_rules.settings import Mark, settings_of
from customer_rules.testing import approvals, malformed_values, rating_facts
from refusals import problems_of

SEED = CreditPolicy()
DAY = dt.date(2026, 3, 2)
ADOPTERS = (Role.BUSINESS_DEPARTMENT, Role.OFFICE_DIRECTOR, Role.FINANCE, Role.VP_IN_CHARGE)
ADOPTED = [Approval(f"签{r.zh}", r, ADOPT_STANDARD, dt.date(2026, 1, 5)) for r in ADOPTERS]
ALL_SOURCES = frozenset(InformationSource)
OFFICE_RECORDS = frozenset(
    {
        CreditRecord.CUSTOMER_SUMMARY,
        CreditRecord.INFORMATION_SLIP,
        CreditRecord.SITE_INVESTIGATION,
        CreditRecord.CUSTOMER_CARD,
    }
)
PLAN = CollectionPlan(ArrearsRisk.LOW, "每月对账", "停止发货并催收", dt.date(2026, 3, 2))


def facts(**changes: Any) -> RatingFacts:
    """A customer that meets every condition of the seed standard and grade B's requirements."""
    values: dict[str, Any] = {
        "customer": "C007",
        "sources": {InformationSource.CUSTOMER_MATERIALS, InformationSource.DIRECT_CONTACT},
        "records": OFFICE_RECORDS,
        "years_in_business": 4,
        "registered_capital": "200万",
        "days_late": 12,
        "collection_plan": PLAN,
    }
    values.update(changes)
    return RatingFacts(**values)


def rate(f: RatingFacts, policy: CreditPolicy = SEED, adoption: Any = None) -> CreditRating:
    return rate_customer(f, policy, on=DAY, adoption=ADOPTED if adoption is None else adoption)


# --------------------------------------------------------------------------- adoption


def test_the_standard_is_in_force_once_every_adopting_role_adopted_it() -> None:
    """C1 "业务部…制定公司的信用标准,并召集办事处、财务部以及公司主管领导讨论通过后,
    作为公司对客户进行信用管理的依据": the business department, the offices, finance and the
    leader in charge."""
    result = standard_adoption(ADOPTED, SEED, on=DAY)
    assert result.in_force
    assert result.adopted_by == (
        Role.OFFICE_DIRECTOR,
        Role.VP_IN_CHARGE,
        Role.FINANCE,
        Role.BUSINESS_DEPARTMENT,
    )
    assert result.missing == ()
    assert result.next_role is None
    assert explain(result, "en") == (
        "[C1] the credit standard is adopted by office director, vp in charge, finance,"
        " business department and in force"
    )


@pytest.mark.parametrize("left_out", ADOPTERS)
def test_a_standard_missing_one_adoption_is_not_in_force(left_out: Role) -> None:
    records = [a for a in ADOPTED if a.role is not left_out]
    result = standard_adoption(records, SEED, on=DAY)
    assert not result.in_force
    assert result.missing == (left_out,)
    assert result.next_role is left_out
    reason = find_reason(result, CreditReason.C1_NOT_ADOPTED)
    assert reason is not None
    assert reason.fact("missing") == (left_out,)


@pytest.mark.parametrize(
    ("record", "finding"),
    [
        (Approval("张", Role.SALESPERSON, ADOPT_STANDARD, DAY), ApprovalFinding.WRONG_ROLE),
        (Approval("财", Role.FINANCE, "C1.other", DAY), ApprovalFinding.WRONG_SUBJECT),
        (
            Approval("财", Role.FINANCE, ADOPT_STANDARD, dt.date(2025, 1, 1), dt.date(2026, 3, 1)),
            ApprovalFinding.NOT_IN_FORCE,
        ),
        (
            Approval("财", Role.FINANCE, ADOPT_STANDARD, dt.date(2026, 3, 3)),
            ApprovalFinding.NOT_IN_FORCE,
        ),
        (
            Approval("财", Role.FINANCE, ADOPT_STANDARD, DAY, subject="2025"),
            ApprovalFinding.OTHER_SUBJECT,
        ),
    ],
)
def test_an_adoption_record_that_does_not_hold_is_reported_and_does_not_count(
    record: Approval, finding: ApprovalFinding
) -> None:
    """An expired record (valid until the day before), one signed after the day, one for another
    matter, one by a role that does not adopt, one bound to another version of the book."""
    records = [a for a in ADOPTED if a.role is not Role.FINANCE] + [record]
    result = standard_adoption(records, SEED, on=DAY)
    assert not result.in_force
    assert Role.FINANCE in result.missing
    refused = find_reason(result, CreditReason.C1_ADOPTION_REFUSED)
    assert refused is not None
    assert refused.fact("finding") is finding
    assert refused.fact("who") == record.who


def test_an_adoption_bound_to_the_books_version_holds_for_that_version_only() -> None:
    bound = [Approval(a.who, a.role, ADOPT_STANDARD, a.on, subject="2026") for a in ADOPTED]
    assert standard_adoption(bound, CreditPolicy(version="2026"), on=DAY).in_force
    assert not standard_adoption(bound, CreditPolicy(version="2027"), on=DAY).in_force


def test_adoption_on_the_last_valid_day_holds() -> None:
    records = [Approval(a.who, a.role, ADOPT_STANDARD, a.on, valid_until=DAY) for a in ADOPTED]
    assert standard_adoption(records, SEED, on=DAY).in_force
    assert not standard_adoption(records, SEED, on=DAY + dt.timedelta(days=1)).in_force


def test_without_adoption_no_customer_gets_credit() -> None:
    """A standard without its adoption record is not in force: the best customer gets none."""
    result = rate(facts(), adoption=[])
    assert not result.granted
    assert result.terms is None
    assert result.unmet == (CreditCondition.ADOPTED,)
    assert result.next_role is Role.OFFICE_DIRECTOR  # the first adopter still missing
    assert find_reason(result, CreditReason.C1_NOT_ADOPTED) is not None
    assert find_reason(result, CreditReason.C1_NO_CREDIT) is not None


# --------------------------------------------------------------------------- the conditions


def test_a_customer_meeting_the_standard_gets_a_grade_with_its_terms() -> None:
    result = rate(facts())
    assert result.granted
    assert result.grade is not None
    assert result.grade.name == "B"
    assert result.terms == CreditTerms(
        Decimal(500_000), 60, (CreditForm.OPEN_ACCOUNT, CreditForm.ACCEPTANCE_BILL), "B"
    )
    assert result.unmet == ()
    assert result.records_to_write == (CreditRecord.CREDIT_CARD, CreditRecord.GRADE_TABLE)
    assert not result.collection_plan_due
    assert result.next_role is Role.BUSINESS_DEPARTMENT
    assert explain(result, "zh").splitlines() == [
        "[C1] 客户 C007 评为 B 级信用:信用额度 500,000 元,信用期限 60 天,信用形式 赊销、承兑汇票",
        "[C1] 由业务部登记客户信用管理卡、客户信用等级分类表",
        "[C1] 收账方针已于 2026-03-02 制定,拖欠风险判断:不大可能拖欠",
    ]


@pytest.mark.parametrize(
    ("change", "condition"),
    [
        ({"years_in_business": 0}, CreditCondition.YEARS),
        ({"registered_capital": "499999.99"}, CreditCondition.CAPITAL),
        ({"sources": {InformationSource.CUSTOMER_MATERIALS}}, CreditCondition.SOURCES),
        ({"records": OFFICE_RECORDS - {CreditRecord.CUSTOMER_CARD}}, CreditCondition.RECORDS),
        (
            {"sources": ALL_SOURCES, "bank_record_clean": False},
            CreditCondition.BANK_RECORD,
        ),
        ({"sources": ALL_SOURCES, "pending_lawsuits": 1}, CreditCondition.LAWSUITS),
    ],
)
def test_each_minimum_condition_refuses_credit_with_its_reason(
    change: dict[str, Any], condition: CreditCondition
) -> None:
    """The standard is the minimum (最低条件): a customer below any one gets no credit."""
    result = rate(facts(**change))
    assert result.unmet == (condition,)
    assert not result.granted
    assert result.terms is None


@pytest.mark.parametrize(
    ("change", "granted"),
    [
        ({"years_in_business": 1, "days_late": None}, True),  # 不低于 1 year: 1 passes
        ({"years_in_business": 0, "days_late": None}, False),
        ({"registered_capital": "50万"}, True),  # 不低于 500,000: 500,000 passes
        ({"registered_capital": "499999.99"}, False),
        ({"sources": ALL_SOURCES, "pending_lawsuits": 0}, True),  # at most 0
        ({"sources": ALL_SOURCES, "pending_lawsuits": 1}, False),
        ({"sources": ALL_SOURCES, "bank_record_clean": True}, True),
        ({"sources": ALL_SOURCES, "bank_record_clean": None}, True),  # no report: not a fail
    ],
)
def test_the_minimums_include_their_number(change: dict[str, Any], granted: bool) -> None:
    assert rate(facts(**change)).granted is granted


def test_every_unmet_condition_is_reported_not_only_the_first() -> None:
    result = rate(
        facts(
            years_in_business=0,
            registered_capital=0,
            sources=set(),
            records=set(),
            collection_plan=None,
        ),
        adoption=[],
    )
    assert result.unmet == (
        CreditCondition.ADOPTED,
        CreditCondition.SOURCES,
        CreditCondition.RECORDS,
        CreditCondition.YEARS,
        CreditCondition.CAPITAL,
    )
    records = [r.fact("record") for r in result.reasons if r.code == CreditReason.C1_RECORD]
    assert records == [
        CreditRecord.CUSTOMER_SUMMARY,
        CreditRecord.INFORMATION_SLIP,
        CreditRecord.SITE_INVESTIGATION,
        CreditRecord.CUSTOMER_CARD,
    ]
    sources = find_reason(result, CreditReason.C1_SOURCES)
    assert sources is not None
    assert sources.fact("missing") == (
        InformationSource.CUSTOMER_MATERIALS,
        InformationSource.DIRECT_CONTACT,
    )


def test_missing_records_name_who_fills_them() -> None:
    """The office fills the summary record, the information slip and the site-investigation record;
    business statistics the customer management card (6.2.4-2(1))."""
    office = rate(facts(records=OFFICE_RECORDS - {CreditRecord.SITE_INVESTIGATION}))
    assert office.next_role is Role.OFFICE_DIRECTOR
    stats = rate(facts(records=OFFICE_RECORDS - {CreditRecord.CUSTOMER_CARD}))
    assert stats.next_role is Role.BUSINESS_STATISTICS
    assert explain(stats, "en").splitlines()[0] == (
        "[C1] the customer management card is not on file; it is filled by the business statistics"
    )


@pytest.mark.parametrize(
    ("record", "keeper"),
    [
        (CreditRecord.CUSTOMER_SUMMARY, Role.OFFICE_DIRECTOR),
        (CreditRecord.INFORMATION_SLIP, Role.OFFICE_DIRECTOR),
        (CreditRecord.SITE_INVESTIGATION, Role.OFFICE_DIRECTOR),
        (CreditRecord.CUSTOMER_CARD, Role.BUSINESS_STATISTICS),
        (CreditRecord.CREDIT_CARD, Role.BUSINESS_DEPARTMENT),
        (CreditRecord.GRADE_TABLE, Role.BUSINESS_DEPARTMENT),
        (CreditRecord.AGING_RECORD, Role.BUSINESS_STATISTICS),
    ],
)
def test_record_keeper(record: CreditRecord, keeper: Role) -> None:
    assert record_keeper(record) is keeper


def test_record_keeper_refuses_what_is_no_record() -> None:
    with pytest.raises(InputError) as info:
        record_keeper("credit_card")  # type: ignore[arg-type]
    assert info.value.field == "record"


# --------------------------------------------------------------------------- the grades


@pytest.mark.parametrize(
    ("years", "capital", "late", "grade"),
    [
        (5, "500万", 0, "A"),  # A: ≥ 5 years, ≥ 5,000,000, never late
        (4, "500万", 0, "B"),
        (5, "4999999.99", 0, "B"),
        (5, "500万", 1, "B"),  # one day late drops A
        (3, "100万", 30, "B"),  # B: ≥ 3 years, ≥ 1,000,000, at most 30 days late
        (3, "100万", 31, "C"),
        (2, "100万", 0, "C"),
        (3, "999999.99", 0, "C"),
        (30, "1亿", None, "C"),  # no trade record: only the grade without that requirement
    ],
)
def test_the_first_grade_whose_requirements_hold(
    years: int, capital: str, late: int | None, grade: str
) -> None:
    result = rate(facts(years_in_business=years, registered_capital=capital, days_late=late))
    assert result.grade is not None
    assert result.grade.name == grade


def test_no_grade_met_is_no_credit() -> None:
    strict = CreditPolicy(
        standard=CreditStandardPolicy(grades=(CreditGradeRow("A", Decimal(100), 30, min_years=10),))
    )
    result = rate(facts(), strict)
    assert result.unmet == (CreditCondition.GRADE,)
    assert result.next_role is Role.BUSINESS_DEPARTMENT
    assert explain(result, "en").splitlines() == [
        "[C1] meets the requirements of no credit grade (the lowest is A)",
        "[C1] customer C007 does not meet the credit standard: no credit",
    ]


def test_a_grant_without_a_collection_plan_names_the_business_department() -> None:
    result = rate(facts(collection_plan=None))
    assert result.granted
    assert result.collection_plan_due
    assert result.next_role is Role.BUSINESS_DEPARTMENT
    due = find_reason(result, CreditReason.C1_COLLECTION_DUE)
    assert due is not None
    assert due.fact("by") is Role.BUSINESS_DEPARTMENT


def test_the_other_reading_requires_the_collection_plan_first() -> None:
    first = CreditPolicy(standard=CreditStandardPolicy(collection_plan_required=True))
    assert rate(facts(collection_plan=None), first).unmet == (CreditCondition.COLLECTION_PLAN,)
    assert rate(facts(), first).granted


# --------------------------------------------------------------------------- facts and policy


def test_a_finding_needs_its_source() -> None:
    """Bank reports and lawyer's evidence are two of the five sources: a finding from one that was
    not used cannot be right."""
    with pytest.raises(InputError) as info:
        facts(bank_record_clean=True, pending_lawsuits=0)
    assert [p.path for p in info.value.problems] == ["bank_record_clean", "pending_lawsuits"]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"registered_capital": 5.0}, "registered_capital"),
        ({"registered_capital": "-1"}, "registered_capital"),
        ({"years_in_business": -1}, "years_in_business"),
        ({"years_in_business": True}, "years_in_business"),
        ({"sources": "website"}, "sources"),
        ({"sources": ["nowhere"]}, "sources"),
        ({"records": [1]}, "records"),
        ({"customer": " "}, "customer"),
        ({"days_late": 1.5}, "days_late"),
        ({"collection_plan": "monthly"}, "collection_plan"),
    ],
)
def test_bad_facts_are_refused_naming_the_field(change: dict[str, Any], path: str) -> None:
    with pytest.raises(InputError) as info:
        facts(**change)
    assert info.value.field == path


def test_a_float_capital_is_refused_with_the_way_to_pass_it() -> None:
    with pytest.raises(InputError, match="Decimal"):
        facts(registered_capital=2_000_000.0)


def test_duplicate_grades_are_a_policy_error() -> None:
    row = CreditGradeRow("A", Decimal(1), 30)
    with pytest.raises(PolicyError) as info:
        CreditStandardPolicy(grades=(row, row))
    assert [p.path for p in info.value.problems] == ["grades[1].name"]


def test_a_grade_needs_a_name_and_a_form() -> None:
    with pytest.raises(PolicyError) as info:
        CreditGradeRow(" ", Decimal(1), 30, forms=())
    assert sorted(p.path for p in info.value.problems) == ["forms", "name"]
    with pytest.raises(PolicyError, match="name: required"):
        CreditGradeRow(" ", Decimal(1), 30)


def test_the_seed_marks() -> None:
    marks = {i.path: i.setting.mark for i in settings_of(SEED) if i.path.startswith("standard.")}
    assert marks["standard.adopting_roles"] is Mark.SEED
    assert marks["standard.required_records"] is Mark.SEED
    assert marks["standard.min_years_in_business"] is Mark.DEFAULT
    assert marks["standard.grades"] is Mark.DEFAULT
    assert SEED.standard.rank("A") == 3
    assert SEED.standard.rank("Z") is None
    assert SEED.standard.grade("Z") is None


def test_the_rule_names_its_bad_arguments() -> None:
    with pytest.raises(InputError) as info:
        rate_customer("C007", SEED, on=DAY, adoption=[])  # type: ignore[arg-type]
    assert info.value.field == "facts"
    with pytest.raises(InputError) as info:
        rate_customer(facts(), SEED, on=DAY, adoption=[ADOPTED[0], "yes"])  # type: ignore[list-item]
    assert info.value.field == "adoption[1]"
    with pytest.raises(InputError) as info:
        standard_adoption(ADOPTED, SEED, on=dt.datetime(2026, 1, 1))
    assert info.value.field == "on"
    with pytest.raises(InputError) as info:
        standard_adoption(ADOPTED, CreditPolicy(effective=dt.date(2027, 1, 1)), on=DAY)
    assert info.value.field == "on"


# --------------------------------------------------------------------------- properties


_GOOD = st.sampled_from([ADOPTED, ADOPTED[:3], []]) | st.lists(
    approvals(what=st.just(ADOPT_STANDARD)), max_size=5
)


@given(rating_facts(), _GOOD)
def test_total_deterministic_and_the_explanation_matches(
    f: RatingFacts, adoption: list[Approval]
) -> None:
    result = rate(f, adoption=adoption)
    assert result == rate(f, adoption=adoption)
    assert result.granted is (result.unmet == ())
    assert result.granted is (find_reason(result, CreditReason.C1_GRADE) is not None)
    assert (not result.granted) is (find_reason(result, CreditReason.C1_NO_CREDIT) is not None)
    assert all(r.rule == "C1" for r in result.reasons)
    assert result.next_role is not None
    for lang in ("zh", "en"):
        assert len(explain(result, lang).splitlines()) == len(result.reasons)


@given(rating_facts(), st.integers(0, 10), st.integers(0, 5_000_000))
def test_more_years_or_capital_never_lowers_the_grade(
    f: RatingFacts, years: int, capital: int
) -> None:
    base = rate(f)
    better = rate(
        RatingFacts(
            f.customer,
            f.sources,
            f.records,
            f.years_in_business + years,
            f.registered_capital + capital,
            f.bank_record_clean,
            f.pending_lawsuits,
            f.days_late,
        )
    )
    assert _rank(better) >= _rank(base)


@given(rating_facts(), st.integers(0, 60))
def test_more_days_late_never_raises_the_grade(f: RatingFacts, more: int) -> None:
    if f.days_late is None:
        return
    worse = RatingFacts(
        f.customer,
        f.sources,
        f.records,
        f.years_in_business,
        f.registered_capital,
        f.bank_record_clean,
        f.pending_lawsuits,
        f.days_late + more,
    )
    assert _rank(rate(worse)) <= _rank(rate(f))


def _rank(result: CreditRating) -> int:
    if result.grade is None:
        return 0
    rank = SEED.standard.rank(result.grade.name)
    assert rank is not None
    return rank


@given(rating_facts(), _GOOD)
def test_round_trip_through_plain_data(f: RatingFacts, adoption: list[Approval]) -> None:
    result = rate(f, adoption=adoption)
    data = to_data(result, lang="en")
    assert from_data(CreditRating, data, policy=SEED) == result
    assert from_data(RatingFacts, to_data(f)) == f
    assert data["next_role"] == result.next_role.value  # type: ignore[union-attr]
    for reason in result.reasons:
        assert Reason.from_data(reason.to_data("zh")) == reason
    adopted = standard_adoption(adoption, SEED, on=DAY)
    assert from_data(StandardAdoption, to_data(adopted), policy=SEED) == adopted


@given(malformed_values())
def test_malformed_adoption_is_refused_naming_it(value: object) -> None:
    if isinstance(value, list | tuple) and all(isinstance(v, Approval) for v in value):
        return
    with pytest.raises(InputError) as info:
        standard_adoption(value, SEED, on=DAY)  # type: ignore[arg-type]
    assert info.value.field.startswith("adoption")


def test_statuses_match_the_approvals() -> None:
    result = standard_adoption([*ADOPTED, ADOPTED[0]], SEED, on=DAY)
    assert result.statuses == (ApprovalStatus.GRANTED,) * 5


def test_each_unmet_condition_is_a_reason_with_its_facts() -> None:
    """The rule, code and facts of every unmet condition's reason, in the order checked: what a
    host stores and renders."""
    first = CreditPolicy(standard=CreditStandardPolicy(collection_plan_required=True))
    failing = facts(
        sources=ALL_SOURCES,
        years_in_business=0,
        registered_capital="49万",
        bank_record_clean=False,
        pending_lawsuits=2,
        days_late=None,
        collection_plan=None,
    )
    result = rate(failing, first)
    assert [(r.rule, r.code, r.facts) for r in result.reasons] == [
        ("C1", CreditReason.C1_YEARS, (("years", 0), ("min", 1))),
        (
            "C1",
            CreditReason.C1_CAPITAL,
            (("capital", Decimal(490_000)), ("min", Decimal(500_000))),
        ),
        ("C1", CreditReason.C1_BANK, ()),
        ("C1", CreditReason.C1_LAWSUITS, (("count", 2), ("max", 0))),
        ("C1", CreditReason.C1_COLLECTION_REQUIRED, ()),
        ("C1", CreditReason.C1_NO_CREDIT, (("customer", "C007"),)),
    ]


def test_a_collection_plan_is_set_on_a_day() -> None:
    """The plan's day is a date; anything else is refused naming ``set_on``."""
    plan = CollectionPlan(ArrearsRisk.HIGH, "预收货款", "法律追讨", dt.date(2026, 3, 2))
    assert plan.set_on == dt.date(2026, 3, 2)
    with pytest.raises(InputError) as info:
        CollectionPlan(ArrearsRisk.HIGH, "预收货款", "法律追讨", "2026-03-02")  # type: ignore[arg-type]
    (problem,) = info.value.problems
    assert (problem.path, problem.given, problem.expected) == (
        "set_on",
        "'2026-03-02'",
        "a datetime.date",
    )


# --------------------------------------------------------------------------- exact refusals

_COUNT = "a whole number from 0 to 100000"
_DAYS = "a whole number of days from 0 to 3650"
_FORMS = "a list of distinct CreditForm values (at least one)"
_SOURCES = "a set of InformationSource values"


@pytest.mark.parametrize(
    ("call", "path", "given", "expected"),
    [
        (lambda: facts(years_in_business=100_001), "years_in_business", 100_001, _COUNT),
        (lambda: facts(years_in_business=-1), "years_in_business", -1, _COUNT),
        (lambda: facts(days_late=100_001), "days_late", 100_001, _COUNT),
        (lambda: facts(sources="website"), "sources", "'website'", _SOURCES),
        (lambda: facts(sources=["nowhere"]), "sources", "['nowhere']", _SOURCES),
        (
            lambda: facts(sources=frozenset({"nowhere"})),
            "sources",
            "frozenset({'nowhere'})",
            _SOURCES,
        ),
        (
            lambda: facts(records="customer_card"),
            "records",
            "'customer_card'",
            "a set of CreditRecord values",
        ),
        (lambda: CreditTerms(None, 30, "open_account"), "forms", "'open_account'", _FORMS),
        (lambda: CreditTerms(None, 30, ["nowhere"]), "forms", "['nowhere']", _FORMS),
        (lambda: CreditTerms(None, 30, []), "forms", "[]", _FORMS),
        (
            lambda: CreditTerms(None, 30, ["open_account", "open_account"]),
            "forms",
            "['open_account', 'open_account']",
            _FORMS,
        ),
        (
            lambda: CreditTerms("abc", 30, ["open_account"]),
            "limit",
            "'abc'",
            "a Decimal, an int or a string such as '800000', '800,000', '80万' or '1.5亿'",
        ),
        (lambda: CreditTerms(None, 3651, ["open_account"]), "term_days", 3651, _DAYS),
        (lambda: CreditTerms(None, -1, ["open_account"]), "term_days", -1, _DAYS),
        (
            lambda: CreditTerms(None, "30", ["open_account"]),  # type: ignore[arg-type]
            "term_days",
            "'30'",
            _DAYS,
        ),
        (
            lambda: standard_adoption("x", SEED, on=DAY),  # type: ignore[arg-type]
            "adoption",
            "'x'",
            "a list of Approval records",
        ),
        (
            lambda: standard_adoption([ADOPTED[0], "yes"], SEED, on=DAY),  # type: ignore[list-item]
            "adoption[1]",
            "'yes'",
            "an Approval",
        ),
        (
            lambda: rate_customer("C007", SEED, on=DAY, adoption=[]),  # type: ignore[arg-type]
            "facts",
            "'C007'",
            "a RatingFacts",
        ),
        (
            lambda: record_keeper("credit_card"),  # type: ignore[arg-type]
            "record",
            "'credit_card'",
            "a CreditRecord",
        ),
    ],
)
def test_c1_a_wrong_argument_is_named_with_what_was_given_and_expected(
    call: Any, path: str, given: object, expected: str
) -> None:
    """C1: bad facts, terms and arguments get a typed error naming the field, what was given and
    what was expected."""
    assert problems_of(call) == [(path, given, expected)]


def test_c1_the_largest_count_and_term_are_accepted() -> None:
    """C1: counts run from 0 to 100,000 and credit terms from 0 to 3,650 days, both inclusive."""
    f = facts(years_in_business=100_000, days_late=100_000)
    assert (f.years_in_business, f.days_late) == (100_000, 100_000)
    assert CreditTerms(None, 3650, ["open_account"]).term_days == 3650
    assert CreditTerms(None, 0, ["open_account"]).term_days == 0


def test_c1_sources_and_records_given_as_values_become_members() -> None:
    """C1: a fact's sources and records may be given by value; they are stored as members."""
    f = facts(
        sources=["customer_materials", "direct_contact"],
        records=frozenset({"customer_summary", "information_slip"}),
    )
    assert f.sources == frozenset(
        {InformationSource.CUSTOMER_MATERIALS, InformationSource.DIRECT_CONTACT}
    )
    assert all(type(s) is InformationSource for s in f.sources)
    assert f.records == frozenset({CreditRecord.CUSTOMER_SUMMARY, CreditRecord.INFORMATION_SLIP})
    assert all(type(r) is CreditRecord for r in f.records)


class _Backwards(frozenset[CreditForm]):
    """A set that iterates in reverse order of value: the terms must not keep that order."""

    def __iter__(self) -> Any:
        return iter(sorted(frozenset.__iter__(self), key=lambda f: f.value, reverse=True))


def test_c1_credit_forms_given_as_a_set_are_stored_in_a_fixed_order() -> None:
    """C1/C2: the forms of a credit card given as a set are stored sorted, whatever order the set
    iterates in; a list keeps its order, and values become members."""
    every = [CreditForm.ACCEPTANCE_BILL, CreditForm.INSTALMENT, CreditForm.OPEN_ACCOUNT]
    assert CreditTerms(None, 30, _Backwards(every)).forms == tuple(every)
    assert CreditTerms(None, 30, set(every)).forms == tuple(every)
    assert CreditTerms(None, 30, ["instalment", "open_account"]).forms == (
        CreditForm.INSTALMENT,
        CreditForm.OPEN_ACCOUNT,
    )


def test_c1_policy_problems_are_exact() -> None:
    """C1: a grade listing a form twice and a grade name used twice are policy errors with their
    path, what was given and what was expected."""
    twice = (CreditForm.OPEN_ACCOUNT, CreditForm.OPEN_ACCOUNT)
    assert problems_of(lambda: CreditGradeRow("A", Decimal(1), 30, forms=twice), PolicyError) == [
        ("forms", "a tuple of 2 item(s)", "each form once")
    ]
    row = CreditGradeRow("A", Decimal(1), 30)
    with pytest.raises(PolicyError) as info:
        CreditStandardPolicy(grades=(row, CreditGradeRow("B", Decimal(1), 30), row))
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("grades[2].name", "duplicate grade 'A'")
    ]


def test_c1_a_finding_without_its_source_is_refused_exactly() -> None:
    """C1: a bank or lawyer's finding whose source was not used is refused with the value given."""
    assert problems_of(lambda: facts(bank_record_clean=False, pending_lawsuits=3)) == [
        ("bank_record_clean", False, "None unless a bank report is a source"),
        ("pending_lawsuits", 3, "None unless lawyer's evidence is a source"),
    ]


def test_c1_the_rating_and_adoption_record_the_effective_date_of_the_book() -> None:
    """C1: a rating and an adoption say which book's effective date decided them."""
    book = CreditPolicy(version="2027", effective=dt.date(2026, 1, 1))
    result = rate(facts(), book)
    adopted = standard_adoption(ADOPTED, book, on=DAY)
    assert (result.policy_version, result.policy_effective) == ("2027", dt.date(2026, 1, 1))
    assert (adopted.policy_version, adopted.policy_effective) == ("2027", dt.date(2026, 1, 1))
