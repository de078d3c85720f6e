"""Facts in and results out, as plain data."""

from __future__ import annotations

import datetime as dt
import json
import types
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from customer_rules import InputError
from customer_rules._coerce import Problems, coerce
from customer_rules.grading import (
    Customer,
    CustomerCategory,
    CustomerGrade,
    GradingPolicy,
    ScorecardFacts,
    ScorecardResult,
    StrategicInfluence,
    grade_customer,
    score,
)
from customer_rules.interchange import converter, from_data, to_data
from customer_rules.money import parse_amount, parse_decimal
from customer_rules.roles import Approval, Role
from customer_rules.testing import customers, days, scorecard_facts

_DAY = dt.date(2026, 11, 30)


class _Float64(float):
    """Stands in for numpy.float64 (a float subclass) without importing numpy."""


class _Int64:
    """Stands in for numpy.int64: a scalar with .item()."""

    __module__ = "numpy"

    def __init__(self, value: int) -> None:
        self.value = value

    def item(self) -> int:
        return self.value


def test_a_json_row_with_labels_and_spreadsheet_forms() -> None:
    row = {
        "id": "C1",
        "category": "大客户",
        "first_trade": "2019-03-01",
        "scorecard": {
            "contract_amount": "3,000,000",
            "paid_on_time": "是",
            "year_end_receivables": _Float64(600000.5),
            "premium_pct": "12.5%",
            "strategic_influence": _Int64(3),
            "influence_assessment": {
                "who": "王经理",
                "role": "业务部经理",
                "what": "G2.strategic_influence",
                "on": "2026-10-15",
            },
        },
        "last_visit": float("nan"),
        "previous_grade": "b",
    }
    customer = from_data(Customer, row)
    assert customer.category is CustomerCategory.BIG
    assert customer.first_trade == dt.date(2019, 3, 1)
    assert customer.last_visit is None
    facts = customer.scorecard
    assert facts is not None
    assert facts.contract_amount == Decimal("3000000")
    assert facts.year_end_receivables == Decimal("600000.5")
    assert facts.premium_pct == Decimal("12.5")
    assert facts.strategic_influence is StrategicInfluence.KEY
    assert facts.influence_assessment is not None
    assert facts.influence_assessment.role is Role.SALES_MANAGER
    assert converter.structure(row, Customer) == customer


def test_five_mistakes_one_error_five_paths() -> None:
    row = {
        "id": "C1",
        "category": "huge",
        "first_trade": "2019-13-01",
        "scorecard": {
            "contract_amount": "-5",
            "paid_on_time": "maybe",
            "year_end_receivables": 0.001,
            "premium_pct": "1",
            "strategic_influence": "3",
            "influence_assessment": {"who": "王", "role": "boss", "what": "x", "on": "2026-01-01"},
        },
    }
    with pytest.raises(InputError) as info:
        from_data(Customer, row)
    assert [p.path for p in info.value.problems] == [
        "category",
        "first_trade",
        "scorecard.paid_on_time",
        "scorecard.year_end_receivables",
        "scorecard.influence_assessment.role",
        "scorecard.contract_amount",
    ]
    given = {p.path: p.given for p in info.value.problems}
    assert given["category"] == "'huge'"
    assert "read the column as text, or pass a Decimal" in str(info.value)
    json.dumps([p.given for p in info.value.problems])  # JSON-safe


def test_missing_required_and_unknown_keys() -> None:
    with pytest.raises(InputError) as info:
        from_data(ScorecardFacts, {"contract_amount": "", "bogus": 1})
    messages = [str(p) for p in info.value.problems]
    assert messages[0].startswith("bogus: unknown key; expected one of: contract_amount,")
    assert "contract_amount: required: a value is missing" in messages


def test_a_result_is_stored_without_its_policy_and_read_back_exactly() -> None:
    facts = ScorecardFacts(
        "1200万",
        True,
        "30万",
        "16",
        StrategicInfluence.KEY,
        Approval("王经理", Role.SALES_MANAGER, "G2.strategic_influence", _DAY),
    )
    result = score(facts, GradingPolicy(), on=_DAY)
    data = json.loads(json.dumps(to_data(result, lang="en"), ensure_ascii=False))
    assert "policy" not in data
    assert data["grade"] == "A"
    assert data["policy_version"] == "seed"
    assert (
        data["reasons"][-1]["text"] == "[G2] total 15 points: grade A (important) (from 14 points)"
    )
    assert data["what_if"]["next_grade"] is None
    assert from_data(ScorecardResult, data, policy=GradingPolicy()) == result
    with pytest.raises(InputError, match="policy_version"):
        from_data(ScorecardResult, data, policy=GradingPolicy(version="2027"))


@given(customers(), days(min_value=dt.date(2026, 7, 1), max_value=dt.date(2026, 12, 31)))
def test_structure_after_unstructure_is_the_identity(customer: Customer, day: dt.date) -> None:
    assert from_data(Customer, json.loads(json.dumps(to_data(customer)))) == customer
    result = grade_customer(customer, GradingPolicy(), on=day)
    data = json.loads(json.dumps(to_data(result, lang="zh"), ensure_ascii=False))
    assert from_data(CustomerGrade, data, policy=GradingPolicy()) == result


@given(scorecard_facts())
def test_facts_round_trip(facts: ScorecardFacts) -> None:
    assert from_data(ScorecardFacts, to_data(facts)) == facts


@given(st.dictionaries(st.sampled_from(["id", "category", "scorecard", "x"]), st.from_type(object)))
def test_every_malformed_row_gives_the_typed_error(row: dict[str, object]) -> None:
    try:
        from_data(Customer, row)
    except InputError as exc:
        problems = exc.problems
    else:
        return
    assert all(p.path or p.message for p in problems)


def _every_result() -> list[object]:
    """One result of every public result class, from the seed's own examples."""
    from customer_rules.dates import SHANGHAI
    from customer_rules.grading import (
        EXIT,
        KEY_CUSTOMER,
        REGRADE,
        RULES_REVIEW,
        SCHEMES,
        BigCustomerFacts,
        BigCustomerProfile,
        Grade,
        PurchaseFrequency,
        big_customer_level,
        check_eligibility,
        classify,
        classify_category,
        deal_size_type,
        designate_key_customer,
        emergency_report,
        exit_big_customer,
        regrade,
        report_schedule,
        rules_review_due,
        service_tier,
        weekly_report,
    )

    seed = GradingPolicy()
    vp = Approval("李副总", Role.VP_IN_CHARGE, REGRADE, _DAY)
    scored = score(
        ScorecardFacts("600万", False, "150万", "7", StrategicInfluence.KEY), seed, on=_DAY
    )
    return [
        deal_size_type("80万", seed),
        scored,
        scored.what_if,
        classify_category(BigCustomerFacts(industry_renown=True), seed),
        check_eligibility(dt.date(2026, 5, 1), None, seed, on=_DAY),
        big_customer_level(BigCustomerProfile("500万", PurchaseFrequency.QUARTERLY, 3), seed),
        designate_key_customer(
            [Approval("李", Role.BUSINESS_STATISTICS, KEY_CUSTOMER, _DAY)], seed, on=_DAY
        ),
        service_tier(CustomerCategory.BIG, Grade.A, seed, on=_DAY, last_visit=dt.date(2026, 9, 1)),
        report_schedule(Grade.B, seed, on=_DAY),
        weekly_report(seed, on=_DAY),
        emergency_report(dt.datetime(2026, 4, 1, 9, 30, tzinfo=SHANGHAI)),
        regrade(Grade.C, Grade.B, seed, on=_DAY, approval=vp),
        exit_big_customer(
            CustomerCategory.BIG,
            seed,
            on=_DAY,
            still_qualifies=False,
            approval=Approval("李副总", Role.VP_IN_CHARGE, EXIT, _DAY),
        ),
        rules_review_due(
            dt.date(2026, 1, 1),
            seed,
            on=_DAY,
            approval=Approval("李副总", Role.VP_IN_CHARGE, RULES_REVIEW, _DAY),
        ),
        classify(SCHEMES["value_strategic"], {}, assigned=SCHEMES["value_strategic"].tiers[0].code),
    ]


@pytest.mark.parametrize("result", _every_result(), ids=lambda r: type(r).__name__)
def test_every_result_class_round_trips_through_json(result: object) -> None:
    data = json.loads(json.dumps(to_data(result, lang="en"), ensure_ascii=False))
    assert "policy" not in data
    back = from_data(type(result), data, policy=GradingPolicy())
    assert back == result
    assert to_data(back, lang="en") == data


# --------------------------------------------------------------------------- fast and careful

_TEXTS = st.one_of(
    st.sampled_from(["", " ", "C1", "大客户", "big", "huge", "2019-03-01", "2019-02-30", "800万"]),
    st.sampled_from(["3,000,000", "1,160,851.42", "12%", "是", "否", "maybe", "3", "9", "A"]),
    st.sampled_from(["sales_manager", "王"]),
)
_VALUES = st.one_of(
    _TEXTS,
    st.sampled_from([None, float("nan"), 15.0, 1.5, True, 3, Decimal("1.5"), _DAY, [], ()]),
)
_FACTS = st.dictionaries(
    st.sampled_from(
        [
            "contract_amount",
            "paid_on_time",
            "year_end_receivables",
            "premium_pct",
            "strategic_influence",
            "influence_assessment",
            "x",
        ]
    ),
    _VALUES,
)


def _outcome(build: Any) -> Any:
    """What ``build()`` returns, or the problems it raises."""
    try:
        return build()
    except (InputError, Problems) as exc:
        return tuple(exc.problems)


@given(
    st.dictionaries(
        st.sampled_from(["id", "name", "category", "first_trade", "last_visit", "scorecard", "x"]),
        st.one_of(_VALUES, _FACTS),
    )
)
def test_a_dict_read_in_one_pass_gives_what_the_careful_path_gives(row: dict[str, Any]) -> None:
    """A dict is built in one pass while all is plain; any other mapping takes the careful path
    at once: the same facts, or the same problems in the same order."""
    frozen = types.MappingProxyType(row)
    assert _outcome(lambda: from_data(Customer, row)) == _outcome(
        lambda: from_data(Customer, frozen)
    )


_NUMBERS = st.one_of(
    st.text(alphabet="0123456789,.+- ", max_size=18),
    st.from_regex(r"[+-]?[0-9][0-9,]{0,16}(\.[0-9]{1,3})?", fullmatch=True),
    st.sampled_from(["80万", "1.5亿", "¥800,000元", "1e5", "１２", "999999999999999", "9" * 16]),
    st.sampled_from([",5", "5.", ".5", "+.5", "1.,5", "+,5", "1,,2", "1,", "-0", "007", "1_000"]),
)


@given(_NUMBERS)
def test_a_number_text_is_read_as_parse_amount_or_parse_decimal_reads_it(text: str) -> None:
    """A plain number takes a shortcut; every text reads exactly (down to the exponent of the
    Decimal, and the message of a problem) as the parser of money or of numbers reads it."""
    if not text.strip() or text.strip().endswith("%"):
        return  # missing, or a percentage: not the parsers' own reading
    assert repr(_outcome(lambda: coerce(text, Decimal, "amount"))) == repr(
        _outcome(lambda: parse_amount(text, "amount", nonnegative=False))
    )
    assert repr(_outcome(lambda: coerce(text, Decimal, "amount", money=False))) == repr(
        _outcome(lambda: parse_decimal(text, "amount"))
    )


@attrs.frozen
class _Dated:
    on: dt.date
    role: Role | None = None
    paid: bool = False


def test_a_text_read_before_reads_the_same_and_a_refused_one_is_refused_again() -> None:
    for _ in range(2):
        assert from_data(_Dated, {"on": "2026-01-05", "role": "SALES_MANAGER", "paid": "是"}) == (
            _Dated(dt.date(2026, 1, 5), Role.SALES_MANAGER, True)
        )
        with pytest.raises(InputError) as caught:
            from_data(_Dated, {"on": "2026-02-30", "role": "nobody", "paid": "maybe"})
        assert [p.path for p in caught.value.problems] == ["on", "role", "paid"]
