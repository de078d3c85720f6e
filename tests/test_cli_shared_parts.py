"""``grade``'s JSON writes the what-if that customers alike share once: each line must be what
the customer's own, worked out afresh, would give."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from customer_rules import GradingPolicy
from customer_rules._bounded import forget_all
from customer_rules._portfolio import PORTFOLIO_COLUMNS, sample_portfolio_text
from customer_rules.cli import grade as command
from customer_rules.cli._writers import encode_record
from customer_rules.grading import Customer, WhatIfCase, grade_customer
from customer_rules.rows import parse_rows
from customer_rules.testing import customers

DAY = dt.date(2026, 12, 31)


def _alone(customer: Customer, lang: str) -> str:
    forget_all()
    result = grade_customer(customer, GradingPolicy(), on=DAY)
    return encode_record("jsonl", command._JSON, result, lang)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_sample_line_is_the_one_its_customer_gets_alone(lang: str) -> None:
    with parse_rows(sample_portfolio_text(), PORTFOLIO_COLUMNS) as rows:
        sample = [r.value for r in rows if r.value is not None]
    policy = GradingPolicy()
    lines = [
        encode_record("jsonl", command._JSON, grade_customer(c, policy, on=DAY), lang)  # type: ignore[arg-type]
        for c in sample + sample
    ]
    assert lines == [_alone(c, lang) for c in sample + sample]


@settings(max_examples=40)
@given(st.lists(customers(), min_size=2, max_size=6), st.sampled_from(["zh", "en"]))
def test_customers_alike_share_a_what_if_and_each_line_is_its_own(
    many: list[Customer], lang: str
) -> None:
    policy = GradingPolicy()
    lines = [
        encode_record("jsonl", command._JSON, grade_customer(c, policy, on=DAY), lang)  # type: ignore[arg-type]
        for c in many
    ]
    assert lines == [_alone(c, lang) for c in many]


def test_a_scored_what_if_is_one_object_for_customers_alike() -> None:
    policy = GradingPolicy()
    with parse_rows(sample_portfolio_text(), PORTFOLIO_COLUMNS) as rows:
        sample = [r.value for r in rows if r.value is not None]
    results = [grade_customer(c, policy, on=DAY) for c in sample]
    scored = [r for r in results if r.what_if.case is WhatIfCase.SCORED]
    alike = {}
    for r in scored:
        alike.setdefault((r.proposed_grade, id(r.scorecard.what_if)), []).append(r)  # type: ignore[union-attr]
    shared = [group for group in alike.values() if len(group) > 1]
    assert shared, "the sample has customers alike"
    for group in shared:
        assert all(r.what_if is group[0].what_if for r in group)
        data = [command._what_if(r, "zh") for r in group]
        assert all(d is data[0] for d in data)
