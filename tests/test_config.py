"""Configuration as data: the PolicyBook round-trips through TOML and JSON; errors are located."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from customer_rules import (
    GradingPolicy,
    InputError,
    PolicyBook,
    PolicyError,
    dump_book,
    load_book,
    read_book,
)
from customer_rules._grading.checks import in_force
from customer_rules.book import SEED_EFFECTIVE, _derived_version
from customer_rules.config import structure_book
from customer_rules.grading import (
    Customer,
    DealSizePolicy,
    ScorecardFacts,
    StrategicInfluence,
    grade_customer,
)
from customer_rules.settings import settings_of
from customer_rules.testing import days, grading_policies, malformed_values, policy_books


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
        load_book('[credits]\nlimit = 1\n[grading]\nversion = "x"\n')
    messages = sorted(str(p) for p in info.value.problems)
    assert messages == [
        "credits: unknown key; expected one of: version, effective, grading, credit, allocation,"
        " archives, service, calendar",
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
        ("[1, 2]", "json", "a policy history .several books.: load it with load_history"),
        ('"book"', "json", "expected a table"),
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


# --------------------------------------------------------------------------- version labels

A15 = "[grading.scorecard.total_cutoffs]\nA = 15\n"


def test_a_book_without_a_label_gets_one_derived_from_what_differs() -> None:
    book = load_book(A15)
    assert book.version == "custom-40e4248e"  # pinned: stored results carry this label
    assert book.grading.version == book.version
    # the same values, however they are given, give the same label
    assert PolicyBook(grading={"scorecard": {"total_cutoffs": {"A": 15}}}).version == book.version
    assert load_book(dump_book(book, "json"), "json").version == book.version
    # different values, a different label
    assert load_book(A15.replace("15", "16")).version == "custom-00667b2f"
    both = A15 + '[grading.deal_size]\na_min = "100万"\n'
    assert load_book(both).version == "custom-3aa7fea0"
    assert load_book(both.replace('"100万"', "1000000")).version == "custom-3aa7fea0"


def test_seed_names_the_seed_values_only() -> None:
    assert PolicyBook().version == "seed"
    assert load_book("").version == "seed"
    # a label given is kept; "seed" given with other values is not
    assert load_book('version = "2027"\n' + A15).version == "2027"
    assert load_book('version = "seed"\n' + A15).version == "custom-40e4248e"
    # a derived label is recomputed, so it cannot go stale
    assert load_book('version = "custom-00000000"\n' + A15).version == "custom-40e4248e"
    assert load_book('version = "custom-00000000"\n').version == "seed"
    changed = attrs.evolve(load_book(A15), grading=GradingPolicy())
    assert changed.version == "seed"
    # calendar data is about days, not policy versions
    table = PolicyBook(calendar={"years": [{"year": 2027, "holidays": ["2027-01-01"]}]})
    assert table.version == "seed"


def test_a_chapter_added_with_default_values_does_not_relabel() -> None:
    grading = load_book(A15).grading
    alone = _derived_version([("grading", grading)])
    assert alone == "custom-40e4248e"
    assert _derived_version([("grading", grading), ("credit", DealSizePolicy())]) == alone
    assert _derived_version([("grading", GradingPolicy()), ("credit", DealSizePolicy())]) == "seed"
    assert _derived_version([("credit", DealSizePolicy(a_min=900_000))]) != alone


@settings(max_examples=min(settings().max_examples, 300))
@given(grading_policies())
def test_derived_labels_are_deterministic_and_seed_only_for_the_seed(
    policy: GradingPolicy,
) -> None:
    book = PolicyBook(grading=policy)
    again = PolicyBook(grading=attrs.evolve(policy, version="other"))
    assert book.version == again.version
    differs = any(s.value != s.default for s in settings_of(policy))
    assert (book.version == "seed") is not differs
    if differs:
        assert book.version.startswith("custom-")
        assert len(book.version) == len("custom-") + 8
    assert load_book(dump_book(book)).version == book.version


@settings(max_examples=min(settings().max_examples, 300))
@given(grading_policies(), grading_policies())
def test_different_values_give_different_labels(a: GradingPolicy, b: GradingPolicy) -> None:
    same = [s.value for s in settings_of(a)] == [s.value for s in settings_of(b)]
    assert (PolicyBook(grading=a).version == PolicyBook(grading=b).version) is same


# --------------------------------------------------------------------------- effective dates


def test_the_book_stamps_its_effective_date_on_each_chapter() -> None:
    book = load_book('version = "2027"\neffective = 2027-01-01\n')
    assert book.dated
    assert (book.grading.version, book.grading.effective) == ("2027", dt.date(2027, 1, 1))
    seed = PolicyBook()
    assert not seed.dated
    assert seed.effective == SEED_EFFECTIVE
    assert seed.grading.effective is None  # the seed applies to any day
    assert GradingPolicy().effective is None
    dated_seed = PolicyBook(effective=dt.date(2027, 1, 1))
    assert dated_seed.dated
    assert dated_seed.grading.effective == dt.date(2027, 1, 1)
    undated_custom = load_book(A15)
    assert undated_custom.dated
    assert undated_custom.grading.effective == SEED_EFFECTIVE


def test_a_policy_refuses_a_day_before_its_effective_date() -> None:
    policy = load_book('version = "2027"\neffective = 2027-01-01\n').grading
    in_force(policy, dt.date(2027, 1, 1))  # the day it takes effect
    in_force(policy, dt.date(2027, 1, 2))
    with pytest.raises(InputError) as info:
        in_force(policy, dt.date(2026, 12, 31))
    assert str(info.value) == (
        "on: expected a day on or after the policy's effective date 2027-01-01 (version '2027'),"
        " got datetime.date(2026, 12, 31)"
    )
    assert info.value.field == "on"
    # the seed's policy applies to any day
    in_force(GradingPolicy(), dt.date(1900, 1, 1))
    in_force(PolicyBook().grading, dt.date(2025, 6, 30))


@given(days(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), days(dt.date(2020, 1, 1)))
def test_in_force_is_one_comparison_of_days(effective: dt.date, on: dt.date) -> None:
    policy = PolicyBook(version="v", effective=effective).grading
    if on < effective:
        with pytest.raises(InputError, match=r"^on: "):
            in_force(policy, on)
    else:
        in_force(policy, on)


@given(malformed_values())
def test_in_force_refuses_what_is_not_a_day_with_a_typed_error(value: object) -> None:
    policy = PolicyBook(version="v", effective=dt.date(2027, 1, 1)).grading
    if type(value) is dt.date and value >= dt.date(2027, 1, 1):
        in_force(policy, value)
        return
    with pytest.raises(InputError) as info:
        in_force(policy, value)  # type: ignore[arg-type]
    assert info.value.field == "on"


def test_stamping_does_not_rebuild_the_chapter() -> None:
    grading = load_book(A15).grading
    book = PolicyBook(version="2027", effective=dt.date(2027, 1, 1), grading=grading)
    assert book.grading is not grading
    assert attrs.evolve(book.grading, version=grading.version, effective=None) == attrs.evolve(
        grading, effective=None
    )
