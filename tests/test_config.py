"""Configuration as data: the PolicyBook round-trips through TOML and JSON; errors are located."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

from customer_rules import GradingPolicy, PolicyBook, PolicyError, dump_book, load_book, read_book
from customer_rules.config import structure_book
from customer_rules.grading import Customer, ScorecardFacts, StrategicInfluence, grade_customer
from customer_rules.testing import policy_books


def test_seed_book_is_the_default_and_round_trips() -> None:
    book = PolicyBook()
    assert book.grading == GradingPolicy()
    for fmt in ("toml", "json"):
        assert load_book(dump_book(book, fmt), fmt) == book  # type: ignore[arg-type]


def test_a_company_file_needs_only_what_differs() -> None:
    book = load_book(
        'version = "2027"\neffective = 2027-01-01\n'
        "[grading.scorecard.total_cutoffs]\nA = 15\n"
        '[grading.deal_size]\na_min = "100万"\n'
    )
    assert book.version == "2027"
    assert book.effective == dt.date(2027, 1, 1)
    assert book.grading.scorecard.total_cutoffs.A == 15
    assert book.grading.scorecard.total_cutoffs.B == 12
    assert book.grading.deal_size.a_min == Decimal(1_000_000)
    assert book.grading.version == "2027"


def test_results_record_the_book_version() -> None:
    book = load_book('version = "2027-v2"\n')
    customer = Customer(
        "C1",
        first_trade=dt.date(2020, 1, 1),
        scorecard=ScorecardFacts("1", True, "1", "1", StrategicInfluence.KEY),
    )
    result = grade_customer(customer, book.grading, on=dt.date(2026, 6, 1))
    assert result.policy_version == "2027-v2"
    assert result.scorecard is not None
    assert result.scorecard.policy_version == "2027-v2"


def test_every_problem_with_its_dotted_path() -> None:
    text = """
version = "x"
[grading.scorecard.total_cutoffs]
A = "fourteen"
[grading.scorecard.contract_amount]
four_points = 1.234
bogus = 1
[grading.deal_size]
a_min = "10万"
[grading.eligibility]
new_customer_grade = "E"
"""
    with pytest.raises(PolicyError) as info:
        load_book(text)
    messages = {str(p) for p in info.value.problems}
    assert "grading.scorecard.total_cutoffs.A: expected an integer, got 'fourteen'" in messages
    paths = {p.path for p in info.value.problems}
    assert paths == {
        "grading.scorecard.total_cutoffs.A",
        "grading.scorecard.contract_amount.four_points",
        "grading.scorecard.contract_amount.bogus",
        "grading.deal_size.b_min",
        "grading.eligibility.new_customer_grade",
    }
    assert isinstance(info.value, ValueError)


def test_unknown_keys_list_the_known_ones() -> None:
    with pytest.raises(PolicyError) as info:
        load_book('[credit]\nlimit = 1\n[grading]\nversion = "x"\n')
    messages = sorted(str(p) for p in info.value.problems)
    assert messages == [
        "credit: unknown key; expected one of: version, effective, grading",
        "grading.version: unknown key; expected one of: deal_size, scorecard, eligibility,"
        " service, reporting, regrading",
    ]


def test_cross_field_problems_are_located() -> None:
    with pytest.raises(PolicyError) as info:
        load_book('[grading.scorecard.receivables]\nfour_points_max = "300万"\n')
    assert [p.path for p in info.value.problems] == [
        "grading.scorecard.receivables.three_points_max"
    ]


def test_list_items_are_located() -> None:
    data = json.loads(dump_book(PolicyBook(), "json"))
    data["grading"]["service"]["tiers"][2]["priority"] = "first"
    with pytest.raises(PolicyError) as info:
        structure_book(data)
    assert [p.path for p in info.value.problems] == ["grading.service.tiers[2].priority"]


@pytest.mark.parametrize(
    ("text", "fmt", "fragment"),
    [
        ("version = ", "toml", "not valid TOML"),
        ("{", "json", "not valid JSON"),
        ("[1, 2]", "json", "expected a table"),
        ('version = ""', "toml", "version"),
        ("effective = 5", "toml", "effective"),
    ],
)
def test_malformed_files(text: str, fmt: str, fragment: str) -> None:
    with pytest.raises(PolicyError, match=fragment):
        load_book(text, fmt)  # type: ignore[arg-type]


def test_read_book_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "company.toml"
    bad.write_text("[grading.scorecard.total_cutoffs]\nA = 'x'\n", encoding="utf-8")
    with pytest.raises(PolicyError, match=r"company\.toml") as info:
        read_book(str(bad))
    assert info.value.source == str(bad)
    assert [p.path for p in info.value.problems] == ["grading.scorecard.total_cutoffs.A"]
    with pytest.raises(PolicyError, match="cannot read"):
        read_book(str(tmp_path / "missing.toml"))
    good = tmp_path / "company.json"
    good.write_text(dump_book(PolicyBook(version="j"), "json"), encoding="utf-8")
    assert read_book(str(good)).version == "j"


@given(policy_books())
def test_every_book_round_trips_through_toml_and_json(book: PolicyBook) -> None:
    assert load_book(dump_book(book, "toml"), "toml") == book
    assert load_book(dump_book(book, "json"), "json") == book
