"""The portfolio CSV (the CLI's input): columns, row errors with line numbers, the sample.

The sample must exercise G2 (scorecard, arrears, an unassessed influence), G3 (a new customer,
one not yet eligible, one with no trade), G4 (an overdue revisit) and G6 (a changed grade).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import Approval, InputError, Role
from customer_rules._portfolio import (
    COLUMNS,
    SAMPLE_AS_OF,
    Portfolio,
    RowError,
    format_portfolio,
    parse_portfolio,
    read_portfolio,
    sample_portfolio,
    sample_portfolio_text,
)
from customer_rules.grading import (
    INFLUENCE_ASSESSMENT,
    Customer,
    CustomerCategory,
    Grade,
    GradingPolicy,
    ScorecardFacts,
    StrategicInfluence,
    grade_customer,
)
from customer_rules.testing import amounts, approvals, days, percentages

HEADER = ",".join(COLUMNS)
GOOD = "C1,华东重工,大客户,2015-03-01,,1800万,是,30万,18,4,王建国,sales_manager,2026-10-15,,A,"


def parse(*rows: str, header: str = HEADER) -> Portfolio:
    return parse_portfolio("\n".join([header, *rows]) + "\n")


def messages(portfolio: Portfolio) -> list[str]:
    return [str(e) for e in portfolio.errors]


# --------------------------------------------------------------------------- good rows


def test_a_full_row_becomes_a_customer_with_scorecard_and_assessment() -> None:
    """G2/G3 facts: every column lands in the library's fact types, amounts exactly."""
    (customer,) = parse(GOOD).customers
    assert customer == Customer(
        "C1",
        "华东重工",
        CustomerCategory.BIG,
        first_trade=dt.date(2015, 3, 1),
        scorecard=ScorecardFacts(
            Decimal(18_000_000),
            True,
            Decimal(300_000),
            Decimal(18),
            StrategicInfluence.LEADER,
            Approval("王建国", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, dt.date(2026, 10, 15)),
        ),
        previous_grade=Grade.A,
    )


def test_only_id_is_required_and_columns_may_come_in_any_order() -> None:
    portfolio = parse("2020-01-01,C9", header="first_trade,id")
    assert portfolio.errors == []
    (customer,) = portfolio.customers
    assert customer.id == "C9"
    assert customer.first_trade == dt.date(2020, 1, 1)
    assert customer.category is CustomerCategory.ORDINARY  # Customer's own default
    assert customer.scorecard is None


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("big", CustomerCategory.BIG), ("Ordinary", CustomerCategory.ORDINARY),
     ("大客户", CustomerCategory.BIG), ("普通客户", CustomerCategory.ORDINARY)],
)  # fmt: skip
def test_category_in_english_or_chinese(cell: str, expected: CustomerCategory) -> None:
    """G3: the category is an input, written either way."""
    (customer,) = parse(f"C1,{cell}", header="id,category").customers
    assert customer.category is expected


@pytest.mark.parametrize(
    ("cell", "paid"), [("yes", True), ("TRUE", True), ("是", True), ("no", False), ("否", False)]
)
def test_paid_on_time_words(cell: str, paid: bool) -> None:
    row = GOOD.replace(",是,", f",{cell},")
    (customer,) = parse(row).customers
    assert customer.scorecard is not None
    assert customer.scorecard.paid_on_time is paid


@pytest.mark.parametrize(
    ("cell", "amount"),
    [("1800万", 18_000_000), ('"12,000,000"', 12_000_000), ("1.5亿", 150_000_000),
     ("799999.99", Decimal("799999.99")), ("¥35万", 350_000)],
)  # fmt: skip
def test_amounts_in_the_forms_people_write(cell: str, amount: Decimal | int) -> None:
    (customer,) = parse(GOOD.replace("1800万", cell)).customers
    assert customer.scorecard is not None
    assert customer.scorecard.contract_amount == amount


def test_premium_may_carry_a_percent_sign_and_be_negative() -> None:
    (a,) = parse(GOOD.replace(",18,4,", ",12.5%,4,")).customers
    (b,) = parse(GOOD.replace(",18,4,", ",-2,4,")).customers
    assert a.scorecard is not None
    assert a.scorecard.premium_pct == Decimal("12.5")
    assert b.scorecard is not None
    assert b.scorecard.premium_pct == -2


def test_influence_without_assessor_has_no_assessment_and_scores_zero() -> None:
    """G2 (4): an influence level nobody assessed counts 0 points, and the reasons say so."""
    row = GOOD.replace("王建国,sales_manager,2026-10-15", ",,")
    (customer,) = parse(row).customers
    assert customer.scorecard is not None
    assert customer.scorecard.influence_assessment is None
    result = grade_customer(customer, GradingPolicy(), on=SAMPLE_AS_OF)
    assert result.scorecard is not None
    assert result.scorecard.points == (4, 4, 4, 0)
    assert "G2.influence.missing" in [r.code for r in result.reasons]


def test_assessor_role_in_chinese() -> None:
    (customer,) = parse(GOOD.replace("sales_manager", "主管副总经理")).customers
    assert customer.scorecard is not None
    assessment = customer.scorecard.influence_assessment
    assert assessment is not None
    assert assessment.role is Role.VP_IN_CHARGE


def test_byte_order_mark_in_text_is_ignored() -> None:
    assert [c.id for c in parse_portfolio("\ufeffid,name\nC1,x\n").customers] == ["C1"]


def test_byte_order_mark_and_blank_lines_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(("\ufeff" + HEADER + "\n\n" + GOOD + "\n").encode("utf-8"))
    portfolio = read_portfolio(path)
    assert portfolio.errors == []
    assert [c.id for c in portfolio.customers] == ["C1"]
    assert portfolio.lines == {"C1": 3}


# --------------------------------------------------------------------------- bad rows


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("2015-03-01", "2015-02-30", "line 2: first_trade: expected an ISO date YYYY-MM-DD"),
        ("1800万", "abc", "line 2: contract_amount: expected a Decimal, an int or a"),
        ("30万", "-5", "line 2: year_end_receivables: expected a non-negative amount, got"),
        (",是,", ",maybe,", "line 2: paid_on_time: expected yes or no"),
        (",18,4,", ",18,5,", "line 2: strategic_influence: expected a StrategicInfluence: one"),
        (",18,4,", ",18x,4,", "line 2: premium_pct: expected a Decimal"),
        ("sales_manager", "boss", "line 2: assessor_role: expected a Role: one of salesperson"),
        ("大客户", "VIP", "line 2: category: expected a CustomerCategory: one of big (大客户)"),
        (",A", ",E", "line 2: previous_grade: expected a Grade: one of A"),
        ("C1,", ",", "line 2: id: required"),
        ("王建国", "", "line 2: assessed_by: required"),
        (",30万,", ",,", "line 2: year_end_receivables: required"),
        ("1800万", "", "line 2: contract_amount: required"),
        ("2026-10-15", "", "line 2: assessed_on: required"),
    ],
)  # fmt: skip
def test_a_bad_cell_rejects_its_row_naming_line_and_column(
    old: str, new: str, expected: str
) -> None:
    portfolio = parse(GOOD.replace(old, new, 1), GOOD.replace("C1", "C2", 1))
    assert [c.id for c in portfolio.customers] == ["C2"]
    assert any(m.startswith(expected) for m in messages(portfolio)), messages(portfolio)
    assert all(e.line == 2 for e in portfolio.errors)


def test_every_problem_of_a_row_is_reported() -> None:
    row = GOOD.replace("2015-03-01", "soon").replace("1800万", "lots").replace(",A", ",Z")
    portfolio = parse(row)
    assert sorted(e.column for e in portfolio.errors) == [
        "contract_amount",
        "first_trade",
        "previous_grade",
    ]
    assert {e.line for e in portfolio.errors} == {2}


def test_duplicate_id_names_the_first_line() -> None:
    portfolio = parse(GOOD, GOOD.replace("C1", "C2", 1), GOOD)
    assert [c.id for c in portfolio.customers] == ["C1", "C2"]
    assert messages(portfolio) == ["line 4: id: duplicate id 'C1' (first on line 2)"]


def test_line_numbers_count_file_lines_including_quoted_newlines() -> None:
    portfolio = parse('C1,"华东\n重工"', "C2,x", "C3,,huge", header="id,name,category")
    assert portfolio.lines == {"C1": 2, "C2": 4}
    assert messages(portfolio) == [
        "line 5: category: expected a CustomerCategory: one of big (大客户), ordinary (普通客户),"
        " got 'huge'"
    ]


def test_extra_cells_reject_the_row() -> None:
    portfolio = parse("C1,x,surplus", "C2,y", "C3,z,,", header="id,name")
    assert [c.id for c in portfolio.customers] == ["C2", "C3"]  # trailing commas are harmless
    assert messages(portfolio) == ["line 2: row has 3 cells, the header names 2"]


def test_unquoted_thousands_are_one_error_with_the_hint_to_quote() -> None:
    row = GOOD.replace("1800万", "18,000,000").replace("30万", "300,000")
    portfolio = parse(row, GOOD.replace("C1", "C2", 1))
    assert [c.id for c in portfolio.customers] == ["C2"]
    (error,) = portfolio.errors
    assert (error.line, error.column) == (2, "contract_amount")
    assert error.message.startswith(
        "amounts 18,000,000 and 300,000 were split at the commas (the cell is not quoted)"
    )
    assert 'quote the amount ("18,000,000")' in error.message


def test_unknown_or_repeated_columns_are_reported_on_the_header_line() -> None:
    portfolio = parse("C1,1800万,x,y", header="id,contract_amout,name,name")
    assert [c.id for c in portfolio.customers] == ["C1"]
    assert [(e.line, e.column, e.warning) for e in portfolio.errors] == [
        (1, "contract_amout", True),
        (1, "name", False),
    ]
    assert portfolio.customers[0].name == "x"
    strict = parse_portfolio("id,contract_amout\nC1,1\n", strict=True)
    assert [(e.line, e.column, e.warning) for e in strict.errors] == [(1, "contract_amout", False)]


@pytest.mark.parametrize("text", ["", "\n\n", "name,category\nx,big\n"])
def test_no_header_or_no_id_column_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="header"):
        parse_portfolio(text)


def test_unreadable_files_are_input_errors_and_gbk_files_are_read(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="readable file"):
        read_portfolio(tmp_path / "missing.csv")
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("客户编号,客户名称\nC1,华东\n".encode("gbk"))
    assert [(c.id, c.name) for c in read_portfolio(gbk).customers] == [("C1", "华东")]
    with pytest.raises(InputError, match="encoding"):
        read_portfolio(gbk, encoding="utf-8")


@given(st.text(alphabet=st.sampled_from('id,name"\n\r\ufeffC1大2026-01-01万x '), max_size=60))
def test_any_text_gives_a_portfolio_or_an_input_error(text: str) -> None:
    """Never a raw KeyError/TypeError/ValueError: rows fail as RowErrors, files as InputError."""
    try:
        portfolio = parse_portfolio(text)
    except InputError:
        return
    assert all(isinstance(e, RowError) and e.line >= 1 for e in portfolio.errors)
    assert len({c.id for c in portfolio.customers}) == len(portfolio.customers)


# --------------------------------------------------------------------------- writing


def _assessments() -> st.SearchStrategy[Approval | None]:
    signed = approvals(what=st.just(INFLUENCE_ASSESSMENT))
    return st.none() | signed.map(lambda a: attrs.evolve(a, valid_until=None))


@st.composite
def _customers(draw: st.DrawFn) -> Customer:
    facts = st.builds(
        ScorecardFacts,
        amounts(max_value=50_000_000),
        st.booleans(),
        amounts(max_value=10_000_000),
        percentages(),
        st.sampled_from(list(StrategicInfluence)),
        _assessments(),
    )
    return Customer(
        draw(st.text(alphabet="ABC0123456789-", min_size=1, max_size=6)),
        draw(st.sampled_from(["", "华东重工", 'Acme, "Ltd"', "北方\n重工"])),
        draw(st.sampled_from(list(CustomerCategory))),
        first_trade=draw(st.none() | days()),
        developed_on=draw(st.none() | days()),
        scorecard=draw(st.none() | facts),
        last_visit=draw(st.none() | days()),
        previous_grade=draw(st.none() | st.sampled_from(list(Grade))),
    )


@given(st.lists(_customers(), max_size=5, unique_by=lambda c: c.id))
def test_format_then_parse_gives_the_same_customers(customers: list[Customer]) -> None:
    portfolio = parse_portfolio(format_portfolio(customers))
    assert portfolio.errors == []
    assert portfolio.customers == customers


def test_format_refuses_what_the_columns_cannot_hold() -> None:
    expiring = Approval("王", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, SAMPLE_AS_OF, SAMPLE_AS_OF)
    facts = ScorecardFacts("1", True, "1", "1", StrategicInfluence.KEY, expiring)
    with pytest.raises(InputError, match="no expiry"):
        format_portfolio([Customer("C1", scorecard=facts)])


# --------------------------------------------------------------------------- the sample


def test_sample_reads_cleanly_and_round_trips() -> None:
    portfolio = sample_portfolio()
    assert portfolio.errors == []
    assert len(portfolio.customers) == 20
    assert sample_portfolio_text().startswith("id,name,category,")
    assert parse_portfolio(format_portfolio(portfolio.customers)).customers == portfolio.customers


def test_sample_covers_what_the_cli_promises() -> None:
    """G2–G6 on the sample as of its own date: every grade in both categories, a new customer,
    arrears, not yet eligible, no trade, an unassessed influence, an overdue revisit, changes."""
    results = {
        c.id: grade_customer(c, GradingPolicy(), on=SAMPLE_AS_OF)
        for c in sample_portfolio().customers
    }
    pairs = {(r.category.category, r.grade) for r in results.values() if r.grade is not None}
    assert pairs == {(cat, g) for cat in CustomerCategory for g in Grade}
    codes = {code for r in results.values() for code in (x.code for x in r.reasons)}
    assert {"G3.new.override", "G2.contract.arrears", "G3.not_eligible", "G3.no_trade"} <= codes
    assert {"G2.influence.missing", "G2.influence.role", "G4.overdue", "G4.never"} <= codes
    assert {"G6.upgrade", "G6.downgrade"} <= codes
    new = results["C012"]
    assert new.grade is Grade.C
    assert new.scorecard is not None
    assert new.scorecard.grade is Grade.A
    assert results["C013"].grade is None
    assert results["C013"].scorecard is not None
    assessors = {
        c.scorecard.influence_assessment.role
        for c in sample_portfolio().customers
        if c.scorecard is not None and c.scorecard.influence_assessment is not None
    }
    assert Role.VP_IN_CHARGE in assessors
